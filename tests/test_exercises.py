"""Self-check exercises: keys computed by netlib, feedback that names the misconception."""

import pytest

from netlib import Findings
from netlib.counting import fields
from netlib.data.cases import get_case
from netlib.teaching.exercises import (
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
    assert fb.message.startswith("T is TX") and "cannot be assessed" in fb.message
    assert check_stage(f, "TX", "N0", "M0", None).correct
