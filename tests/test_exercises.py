"""Self-check exercises: keys computed by netlib, feedback that names the misconception."""
import inspect
import json
import re

import pytest

import netlib.teaching.exercises as exercises
from netlib import Findings, grade, recommend, stage
from netlib.counting import fields
from netlib.data.cases import get_case
from netlib.teaching.exercises import (
    NumericKey,
    Trap,
    check_case,
    check_commonest_site,
    check_fields_needed,
    check_grade,
    check_hotspot_count,
    check_incidence_fit,
    check_ki67_index,
    check_marker_panel,
    check_mitoses_per_2mm2,
    check_stage,
    check_syndrome,
    check_treatment,
    fields_needed_key,
    ki67_index_key,
    mitoses_per_2mm2_key,
)


def test_check_grade_feedback_names_misconceptions():
    f = Findings(site="pancreas", differentiation="well", ki67_percent=2, mitoses_per_2mm2=4)
    fb = check_grade(f, "NET G1")
    assert not fb.correct and "Ki-67 alone" in fb.message and "mitotic count gives the higher" in fb.message
    assert check_grade(f, "NET G2").correct
    fb = check_grade(Findings(differentiation="well", ki67_percent=40), "NEC")
    assert "does not make a carcinoma" in fb.message
    fb = check_grade(Findings(differentiation="well", ki67_percent=3.0), "NET G1")
    assert "closed" in fb.message
    fb = check_grade(Findings(site="lung", morphology="carcinoid", mitoses_per_2mm2=3), "NET G2")
    assert "thoracic" in fb.message


def test_check_grade_bad_answer():
    with pytest.raises(ValueError, match="answer"):
        check_grade(Findings(), "G2")
    with pytest.raises(TypeError, match="answer"):
        check_grade(Findings(), 2)


@pytest.mark.parametrize("call,correct,phrase", [
    (lambda: check_ki67_index(30, 600, 5.0), True, "5.00 %"),
    (lambda: check_ki67_index(30, 600, 0.05), False, "percentage"),
    (lambda: check_ki67_index(30, 600, 5.26), False, "negative cells"),
    (lambda: check_mitoses_per_2mm2(9, 43, 0.2376, 1.76), True, "per 2 mm²"),
    (lambda: check_mitoses_per_2mm2(9, 43, 0.2376, 9 * 10 / 43), False, "took 10 HPF as 2 mm²"),
    (lambda: check_mitoses_per_2mm2(9, 43, 0.2376, 9), False, "raw count"),
    (lambda: check_fields_needed(22, 40, 10, 43), True, "rounded up"),
    (lambda: check_fields_needed(22, 40, 10, 50), False, "0.2 mm²"),
    (lambda: check_fields_needed(22, 40, 10, 42), False, "round up"),
    (lambda: check_commonest_site("pancreas"), False, "six sites in one SEER cohort"),
    (lambda: check_commonest_site("lung/bronchus"), True, "30.6"),
    (lambda: check_incidence_fit("all NETs"), False, "pancreatic"),
    (lambda: check_incidence_fit("pancreatic NETs"), True, "0.27"),
    (lambda: check_marker_panel({"synaptophysin": "positive", "keratin": "negative", "neurofilament": "negative"},
                                "yes", "epithelial"), False, "neurofilament"),
    (lambda: check_marker_panel({"chromogranin_a": "negative"}, "no", "uncertain"), False, "single negative"),
])
def test_selfcheck_feedback(call, correct, phrase):
    fb = call()
    assert fb.correct is correct and phrase in fb.message


def test_selfcheck_bad_input():
    with pytest.raises(TypeError, match="answer"):
        check_ki67_index(1, 10, "5")
    with pytest.raises(ValueError, match="answer"):
        check_ki67_index(1, 10, float("nan"))
    with pytest.raises(ValueError, match="lineage"):
        check_marker_panel({}, "yes", "neural")
    with pytest.raises(ValueError, match="answer"):
        check_incidence_fit("everyone")
    field = fields.synthetic_field()
    with pytest.raises(ValueError, match="squares"):
        check_hotspot_count(field, ["Q1"], 0, 0)


def test_check_case_feedback():
    c = get_case("jejunal_discordant")
    fb = check_case(c, grade="NET G1", stage_group="III", category="oncologic_resection_with_lymphadenectomy")
    assert not fb.correct and "Ki-67 alone" in fb.message
    assert check_case(c, grade="NET G2", stage_group="III").correct


def test_check_stage_and_syndrome_and_treatment():
    f = Findings(site="pancreas", differentiation="well", ki67_percent=2, size_cm=2.0, regional_nodes_positive=0,
                 metastasis="none")
    assert "2 cm is T2" in check_stage(f, "T1", "N0", "M0", "I").message
    assert check_stage(f, "T2", "N0", "M0", "II").correct
    ji = Findings(site="jejunum_ileum", differentiation="well", ki67_percent=1, size_cm=1.2,
                  depth="muscularis_propria", regional_nodes_positive=12, metastasis="none")
    assert "N2" in check_stage(ji, "T2", "N1", "M0", "III").message
    assert not check_syndrome(["peptic_ulcers"], "vipoma").correct
    assert check_syndrome(["peptic_ulcers"], "gastrinoma").correct
    with pytest.raises(ValueError, match="syndrome"):
        check_syndrome(["flushing"], "carcinoid")
    with pytest.raises(ValueError, match="answer"):
        check_treatment(f, "wait and see")
    small = Findings(site="jejunum_ileum", differentiation="well", ki67_percent=1, size_cm=0.9, metastasis="none")
    assert "selected small, node-negative tumours without aggressive features" in check_treatment(
        small, "surveillance").message
    type1 = Findings(site="stomach", gastric_type=1, differentiation="well", ki67_percent=1, size_cm=0.7,
                     depth="submucosa", metastasis="none")
    fb = check_treatment(type1, "endoscopic_resection_or_surveillance")
    assert fb.correct and fb.message.startswith("Rule '") and "' applies" in fb.message


def test_check_stage_wrong_t_when_the_key_is_tx():
    # no size, depth or invasion: the key is TX; a wrong T used to raise StopIteration (no step starts with "TX")
    f = Findings(site="pancreas", regional_nodes_positive=0, metastasis="none", differentiation="well",
                 ki67_percent=2)
    fb = check_stage(f, "T2", "N0", "M0", "I")
    assert not fb.correct and fb.expected == "TX N0 M0, stage None"
    assert fb.message == "check T again; what decides it here: nothing that T rests on was reported (TX)."
    assert check_stage(f, "TX", "N0", "M0", None).correct


def test_check_stage_tx_case_reads_the_structured_reason():
    # the reproduction, verbatim: the key has TX; the feedback comes from Stage.t_reason, not from the steps
    fb = check_stage(Findings(site="pancreas", regional_nodes_positive=0, metastasis="none", differentiation="well",
                              ki67_percent=2), "T2", "N0", "M0", "I")
    s = stage(Findings(site="pancreas", regional_nodes_positive=0, metastasis="none", differentiation="well",
                       ki67_percent=2))
    assert (s.t_reason.value, s.t_reason.by) == ("TX", "not_assessable") and s.t_reason.sentence in s.steps
    assert not fb.correct and fb.message.startswith("check T again") and s.t_reason.sentence in fb.explanation
    assert s.group_reason.by == "undetermined" and s.group_reason.sentence in fb.explanation


def test_exercises_read_structured_data_not_step_text():
    src = inspect.getsource(exercises)
    assert "_DECIDING" not in src and "_deciding_step" not in src
    for line in src.splitlines():
        if "steps" in line:  # joining the steps into an explanation is fine; searching them is not
            assert not re.search(r"startswith|next\(|for \w+ in [\w.]*steps|\bin [\w.]*steps|steps\[", line), line
    assert "Rule '" not in src and "Ki-67 decides" not in src and "higher grade wins\" in" not in src


def test_feedback_carries_the_explanation_after_the_misconception():
    f = Findings(site="pancreas", differentiation="well", ki67_percent=2, mitoses_per_2mm2=4)
    key = grade(f)
    fb = check_grade(f, "NET G1")
    assert (key.decision.by, key.decision.band("ki67"), key.decision.band("mitoses")) == ("mitoses", "NET G1", "NET G2")
    assert fb.message == ("you graded on the Ki-67 alone; the mitotic count gives the higher grade, and the higher "
                          "grade wins.")
    assert "NET G2" not in fb.message  # the first feedback names the slip, not the key
    assert fb.explanation == f"NET G2. {key.decision.sentence}" and key.decision.sentence in key.steps
    right = check_grade(f, "NET G2")
    assert right.correct and right.message == right.explanation == fb.explanation
    boundary = check_grade(Findings(differentiation="well", ki67_percent=3.0), "NET G1")
    assert "Ki-67 3 % belongs to NET G2" in boundary.message and "closed" in boundary.message
    atypical = check_grade(Findings(site="lung", morphology="carcinoid", mitoses_per_2mm2=1, necrosis="punctate",
                                    size_cm=1.0), "typical carcinoid")
    assert atypical.message.startswith("necrosis makes a carcinoid atypical")


@pytest.mark.parametrize("positive,total", [(30, 600), (45, 900), (0, 500), (500, 500), (1, 3)])
def test_ki67_index_key_is_data_and_checks_like_the_wrapper(positive, total):
    key = ki67_index_key(positive, total)
    assert isinstance(key, NumericKey) and key.unit == "%" and key.tolerance == 0.05
    assert all(isinstance(t, Trap) for t in key.traps)
    d = key.to_dict()
    assert json.loads(json.dumps(d)) == d and set(d) == {"value", "tolerance", "unit", "correct", "traps",
                                                         "otherwise"}
    assert set(d["traps"][0]) == {"value", "tolerance", "message"}
    for answer in (key.value, key.value + 0.05, key.value + 0.06, *(t.value for t in key.traps), 0, 100, 7.5):
        assert key.check(answer) == check_ki67_index(positive, total, answer)


def test_numeric_keys_name_the_misconception_first_and_explain_after():
    key = ki67_index_key(30, 600)
    assert [t.value for t in key.traps] == pytest.approx([100 * 30 / 570, 0.05])
    fb = key.check(5.26)
    assert not fb.correct and "negative cells" in fb.message and fb.explanation == key.correct == "30 / 600 x 100 = 5.00 %."
    assert key.check(5.0).expected == "5.00" and key.check(5).answer == "5"
    fields = fields_needed_key(22, 40, 10)
    assert fields.tolerance == 0 and fields.value == 43 and fields.check(43).expected == "43"
    assert fields.check(42).message.startswith("round up") and fields.check(41).message == fields.otherwise
    mit = mitoses_per_2mm2_key(9, 43, 0.2376)
    assert mit.check(9 * 10 / 43).message.startswith("you counted per 10 high-power fields")
    assert mit.check(9).message.startswith("that is the raw count")
    # the per-10-HPF trap is left out where 10 fields happen to be 2 mm² (then it is no misconception)
    assert not any("10 high-power" in t.message for t in mitoses_per_2mm2_key(9, 10, 0.2).traps)
    with pytest.raises(TypeError, match="answer"):
        key.check("5")
    with pytest.raises(ValueError, match="answer"):
        key.check(float("inf"))


def test_treatment_feedback_speaks_words_not_keys():
    from netlib.data.cases import load_cases
    from netlib.treatment import CATEGORIES, FLAGS

    codes = {k for k in (*CATEGORIES, *FLAGS) if "_" in k}
    for case in load_cases():
        for answer in CATEGORIES:
            fb = check_treatment(case.findings, answer)
            words = set(re.findall(r"[a-z0-9]+(?:_[a-z0-9]+)+", fb.message + " " + fb.explanation))
            assert not words & codes, (case.key, answer, words & codes)
    pnet = get_case("pnet_incidental_small").findings
    fb = check_treatment(pnet, "oncologic_resection_with_lymphadenectomy")
    assert fb.message.startswith("oncological resection with lymphadenectomy is listed as an alternative")
    two_cm = get_case("pnet_exactly_2cm").findings
    fb = check_treatment(two_cm, "surveillance")
    assert "requires 'size < 2 cm'" in fb.message and "oncological resection with lymphadenectomy" in fb.message
    assert fb.explanation == recommend(two_cm).rule_sentence


def test_stage_and_case_feedback_read_the_part_reasons():
    ji = Findings(site="jejunum_ileum", differentiation="well", ki67_percent=1, size_cm=1.2,
                  depth="muscularis_propria", regional_nodes_positive=2, mesenteric_mass_cm=3.0, metastasis="none")
    s = stage(ji)
    assert (s.t, s.n, s.n_reason.by, s.group) == ("T2", "N2", "mesenteric_mass", "III")
    fb = check_stage(ji, "T2", "N1", "M0", "III")
    assert fb.message == ("jejunum/ileum: a mesenteric mass above 2 cm is N2, whatever the node count (here a 3 cm "
                          "mesenteric mass).")
    fb = check_stage(ji, "T2", "N2", "M0", "I")
    assert fb.message.startswith("the group follows from T, N and M") and "III" not in fb.message.split("(")[0]
    nec = Findings(site="colon", differentiation="poor", ki67_percent=70, size_cm=3, metastasis="none")
    fb = check_stage(nec, "T2", "N0", "M0", "I")
    assert fb.message == stage(nec).group_reason.sentence and "carcinoma" in fb.message
    c = get_case("jejunal_discordant")
    fb = check_case(c, grade="NET G1", stage_group="III", category="surveillance")
    assert "Ki-67 alone" in fb.message and "_" not in fb.message and fb.explanation
