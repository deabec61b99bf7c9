"""Property tests: monotone grading, a label always in the vocabulary, no valid input raises, and coherent
clinical cases (tests/strategies.py) answered by every decision and every self-check exercise."""
import json

from hypothesis import event, example, given
from hypothesis import strategies as st

from netlib import Findings, assess, grade, recommend, stage
from netlib.data.cases import Case
from netlib.data.references import REFERENCES
from netlib.data.staging_tables import M_CATEGORY, N2_MESENTERIC_MASS_CM, N2_MIN_NODES, T_ORDER, T_TABLES
from netlib.data.treatment_rules import LOCAL_EXTENT, LOCALISED, METASTATIC, RULES
from netlib.data.trials import TRIALS
from netlib.errors import InvalidValueError
from netlib.findings import LOW_OPEN, NUMERIC_RANGES, VOCABULARY
from netlib.grading import FLAGS, LABELS
from netlib.staging import CATEGORIES as STAGE_CATEGORIES
from netlib.staging import FLAGS as STAGE_FLAGS
from netlib.staging import stage_group
from netlib.teaching.exercises import STAGE_GROUPS, Feedback, check_case, check_grade, check_stage, check_treatment
from netlib.treatment import CATEGORIES
from netlib.treatment import FLAGS as TREAT_FLAGS
from tests.strategies import (
    GEP_SITES,
    SYNDROME_SITES,
    clinical_cases,
    gep_cases,
    localised_gep_cases,
    metastatic_gep_cases,
    thoracic_cases,
)

ORDER = {"NET G1": 1, "NET G2": 2, "NET G3": 3}
ki67 = st.floats(0, 100, allow_nan=False)
mit = st.floats(0, 1000, allow_nan=False)


@given(ki67, ki67, mit)
def test_grade_never_decreases_as_ki67_rises(a, b, m):
    lo, hi = sorted((a, b))
    r1 = grade(Findings(site="pancreas", differentiation="well", ki67_percent=lo, mitoses_per_2mm2=m))
    r2 = grade(Findings(site="pancreas", differentiation="well", ki67_percent=hi, mitoses_per_2mm2=m))
    assert ORDER[r1.label] <= ORDER[r2.label]


@given(mit, mit, ki67)
def test_grade_never_decreases_as_mitoses_rise(a, b, k):
    lo, hi = sorted((a, b))
    r1 = grade(Findings(site="rectum", differentiation="well", ki67_percent=k, mitoses_per_2mm2=lo))
    r2 = grade(Findings(site="rectum", differentiation="well", ki67_percent=k, mitoses_per_2mm2=hi))
    assert ORDER[r1.label] <= ORDER[r2.label]


def _opt(s):
    return st.none() | s


def _number(name):
    lo, hi, _u, integer = NUMERIC_RANGES[name]
    if integer:
        return st.integers(int(lo), int(hi))
    return st.floats(lo, hi, allow_nan=False, exclude_min=name in LOW_OPEN)


@st.composite
def findings(draw):
    kw = {name: draw(_opt(_number(name))) for name in NUMERIC_RANGES}
    for name, words in VOCABULARY.items():
        if name in ("invasion", "prior_therapies"):
            kw[name] = draw(_opt(st.lists(st.sampled_from(words), max_size=3).map(tuple)))
        else:
            kw[name] = draw(_opt(st.sampled_from(words)))
    for name in ("sstr_positive", "progression", "liver_metastases_resectable", "lymphovascular_invasion",
                 "appendix_base", "symptomatic"):
        kw[name] = draw(_opt(st.booleans()))
    kw["functioning"] = True if kw["syndrome"] else draw(_opt(st.booleans()))
    kw["gastric_type"] = draw(_opt(st.sampled_from([1, 2, 3]))) if kw["site"] == "stomach" else None
    # the Krenning score agrees with the SSTR status, and a PRRT interval needs PRRT among reported prior therapies
    if kw["sstr_positive"] is not None and kw["krenning_score"] is not None \
            and kw["krenning_score"] in ((0,) if kw["sstr_positive"] else (2, 3, 4)):
        kw["krenning_score"] = 1
    if kw["prior_therapies"] is not None and "prrt" not in kw["prior_therapies"]:
        kw["pfs_after_prrt_months"] = None
    return Findings(**kw)


@given(findings())
def test_any_valid_findings_grades_with_a_known_label_and_flags(f):
    r = grade(f)
    assert r.label in LABELS
    assert all(flag in FLAGS for flag in r.flags)
    assert r.steps and r.sources


@given(findings())
def test_from_dict_round_trip(f):
    assert Findings.from_dict(f.to_dict()) == f


@given(findings())
def test_any_valid_findings_assesses(f):
    try:
        a = assess(f)
    except InvalidValueError as e:  # a word that does not fit the site (e.g. a thymic structure for the ileum)
        assert e.argument in f.to_dict(), str(e)
        return
    assert a.recommendation.category in CATEGORIES
    assert all(x in TREAT_FLAGS for x in a.recommendation.flags)
    assert all(x in STAGE_FLAGS for x in a.stage.flags)
    assert a.stage.t in T_ANSWERS and a.stage.n in N_ANSWERS and a.stage.m in M_ANSWERS
    assert a.to_dict()["grade"]["label"] == a.grade.label


# --- coherent clinical cases (tests/strategies.py) ------------------------------------------------
# Noise finds crashes in validation; these properties draw the cases trainees meet and check that every
# decision and every self-check exercise answers them, consistently with the tables it rests on.
RULE_KEYS = {r.key: r for r in RULES}
N_WORDS = ("NX", "N0", "N1", "N2")
# The answers check_stage accepts (None = "not staged").
T_ANSWERS = (*dict.fromkeys(STAGE_CATEGORIES["t"]), None)
N_ANSWERS = (*STAGE_CATEGORIES["n"], None)
M_ANSWERS = (*STAGE_CATEGORIES["m"], None)
# clinical N as the pathological categories it stands for (cN+ on imaging: N1 or N2)
CLINICAL_N = {"cN0": ("N0",), "cN1": ("N1",), "cN2": ("N2",), "cN+": ("N1", "N2")}


def _t_reached(f: Findings) -> set[str]:
    """Every T category a single reported finding reaches in the site's table."""
    table = T_TABLES[f.site]
    found = set()
    if f.size_cm is not None:
        found.add(table.size_category(f.size_cm)[0])
    if f.depth in table.depth:
        found.add(table.depth[f.depth])
    found |= {table.invasion[s] for s in f.invasion or () if s in table.invasion}
    if f.site == "appendix" and f.mesoappendix_invasion_mm and "mesoappendix" in table.invasion:
        found.add(table.invasion["mesoappendix"])
    return found


@given(clinical_cases())
def test_clinical_cases_get_a_grade_a_stage_and_a_treatment(f):
    g, s, r, a = grade(f), stage(f), recommend(f), assess(f)
    event(f"rule: {r.rule}")
    assert g.label in LABELS and all(x in FLAGS for x in g.flags) and g.steps
    assert s.t in T_ANSWERS and s.n in N_ANSWERS and s.m in M_ANSWERS and s.group in STAGE_GROUPS
    assert all(x in STAGE_FLAGS for x in s.flags) and s.steps
    assert r.category in CATEGORIES and r.rule in RULE_KEYS and r.steps
    assert all(o.category in CATEGORIES for o in r.options)
    assert all(x in TREAT_FLAGS for x in r.flags)
    if "insufficient_data" in r.flags:  # missing data sends the case to review, never to a guess
        assert r.category == "multidisciplinary_review"
    # assess() shares one grade between stage and recommend: the same answers as the separate calls
    assert (a.grade, a.stage, a.recommendation) == (g, s, r)
    d = a.to_dict()
    assert json.loads(json.dumps(d, allow_nan=False)) == d
    assert str(a) and a._repr_html_()


@given(clinical_cases())
def test_stage_agrees_with_the_t_tables_and_stage_group(f):
    s = stage(f)
    if f.site not in GEP_SITES:  # thymus and lung: tests/test_staging_thoracic.py
        return
    if grade(f).label in ("NEC", "MiNEN"):
        assert (s.t, s.n, s.m, s.group) == (None, None, None, None)
        return
    reached = _t_reached(f)
    assert s.t == (max(reached, key=T_ORDER.index) if reached else "TX")
    assert s.m == (M_CATEGORY[f.metastasis] if f.metastasis is not None else "M0")
    if f.regional_nodes_positive is not None:
        assert s.n in N_WORDS[1:]
    elif f.clinical_nodes is not None:
        assert s.n in CLINICAL_N
    else:
        assert s.n in ("NX", "N2")  # N2 from a mesenteric mass alone
    ts = T_ORDER if s.t == "TX" else (s.t,)
    ns = N_WORDS[1:] if s.n == "NX" else CLINICAL_N.get(s.n, (s.n,))
    groups = {stage_group(t, n, s.m, T_TABLES[f.site].colorectal_groups) for t in ts for n in ns}
    if s.group is None:
        assert len(groups) > 1
    else:
        assert groups == {s.group}


@given(clinical_cases())
def test_every_source_and_trial_key_resolves(f):
    a = assess(f)
    r = a.recommendation
    for key in a.grade.sources + a.stage.sources + r.sources:
        assert key in REFERENCES, key
    for key in r.evidence + tuple(k for o in r.options for k in o.evidence):
        assert key in TRIALS and TRIALS[key].source in REFERENCES, key


@given(clinical_cases())
def test_decisions_are_deterministic(f):
    first = assess(f)
    again = assess(Findings.from_dict(f.to_dict()))  # an equal, separately built case
    assert first.to_dict() == assess(f).to_dict() == again.to_dict()
    assert str(first) == str(again)


@given(st.one_of(localised_gep_cases(), metastatic_gep_cases(), thoracic_cases()))
def test_the_rule_that_fires_fits_the_metastatic_status(f):
    r = recommend(f)
    conditions = RULE_KEYS[r.rule].conditions
    if f.metastasis == "none":
        assert METASTATIC not in conditions
    elif f.metastasis is not None:
        assert LOCALISED not in conditions


# --- self-check exercises on drawn cases -------------------------------------------------------------------
def _is_feedback(fb, expected: str, correct: bool) -> None:
    assert isinstance(fb, Feedback) and fb.correct is correct and fb.expected == expected
    assert isinstance(fb.message, str) and fb.message and str(fb) and fb._repr_html_()


@given(clinical_cases())
def test_check_grade_accepts_the_key_and_explains_every_wrong_label(f):
    key = grade(f).label
    _is_feedback(check_grade(f, key), key, True)
    for wrong in LABELS:
        if wrong != key:
            _is_feedback(check_grade(f, wrong), key, False)


@given(clinical_cases())
@example(Findings(site="pancreas", regional_nodes_positive=0, metastasis="none", differentiation="well",
                  ki67_percent=2))  # TX N0 M0: answering T2 raised StopIteration
def test_check_stage_accepts_the_key_and_explains_every_wrong_part(f):
    s = stage(f)
    key = (s.t, s.n, s.m, s.group)
    expected = f"{s.t} {s.n} {s.m}, stage {s.group}"
    _is_feedback(check_stage(f, *key), expected, True)
    for i, answers in enumerate((T_ANSWERS, N_ANSWERS, M_ANSWERS, STAGE_GROUPS)):
        for wrong in answers:
            if wrong != key[i]:
                _is_feedback(check_stage(f, *key[:i], wrong, *key[i + 1:]), expected, False)


@given(clinical_cases(), st.tuples(st.sampled_from(T_ANSWERS), st.sampled_from(N_ANSWERS),
                                   st.sampled_from(M_ANSWERS), st.sampled_from(STAGE_GROUPS)))
def test_check_stage_answers_any_tnm_answer(f, answer):
    s = stage(f)
    fb = check_stage(f, *answer)
    _is_feedback(fb, f"{s.t} {s.n} {s.m}, stage {s.group}", answer == (s.t, s.n, s.m, s.group))


@given(clinical_cases())
def test_check_treatment_accepts_the_key_and_explains_every_other_category(f):
    key = recommend(f).category
    _is_feedback(check_treatment(f, key), key, True)
    for wrong in CATEGORIES:
        if wrong != key:
            _is_feedback(check_treatment(f, wrong), key, False)


@given(clinical_cases(), st.sampled_from(LABELS), st.sampled_from(STAGE_GROUPS), st.sampled_from(CATEGORIES))
def test_check_case_on_drawn_cases(f, some_label, some_group, some_category):
    case = Case("drawn", "A drawn case", "Drawn by hypothesis.", "management", f)
    a = assess(f)
    keys = (a.grade.label, a.stage.group, a.recommendation.category)
    fb = check_case(case, grade=keys[0], stage_group=keys[1], category=keys[2])
    assert isinstance(fb, Feedback) and fb.correct, fb.message
    fb = check_case(case, grade=some_label, stage_group=some_group, category=some_category)
    # stage_group=None means "not answered" (the other parts are still checked)
    right = some_label == keys[0] and some_category == keys[2] and some_group in (None, keys[1])
    assert isinstance(fb, Feedback) and fb.correct is right, fb.message
    assert isinstance(check_case(case), Feedback)  # no answer at all: the stage group is checked against None


# --- the strategies themselves draw what they promise ----------------------------------------------
@given(clinical_cases())
def test_drawn_cases_are_coherent(f):
    if f.site in GEP_SITES:
        table = T_TABLES[f.site]
        assert f.depth is None or f.depth in table.depth
        assert all(s in table.invasion for s in f.invasion or ())
        assert f.size_cm is None or 0 < f.size_cm <= 15
    else:
        assert f.depth is None and f.invasion is None and f.mesenteric_mass_cm is None
    assert f.gastric_type is None or f.site == "stomach"
    assert f.syndrome is None or (f.functioning is True and f.site in SYNDROME_SITES[f.syndrome])
    if f.metastasis in (None, "none"):
        assert (f.sstr_positive, f.progression, f.prior_therapies, f.liver_metastases_resectable) == (None,) * 4
    if f.liver_metastases_resectable is not None:
        assert "liver" in f.metastasis
    if f.differentiation is not None and f.morphology is not None:
        assert grade(Findings(differentiation=f.differentiation, morphology=f.morphology)).flags.count(
            "differentiation_morphology_conflict") == 0


@given(gep_cases(site="jejunum_ileum"))
def test_jejunum_ileum_cases_stage_n2_by_nodes_or_mass(f):
    s = stage(f)
    if s.t is not None:
        big = (f.regional_nodes_positive or 0) >= N2_MIN_NODES or (f.mesenteric_mass_cm or 0) > N2_MESENTERIC_MASS_CM
        assert (s.n in ("N2", "cN2")) == big


# --- treatment: order independence and never de-escalating -------------------------------------------------------
def _answer(r):
    return (r.category, r.rule, r.options, r.flags, r.branches)


@given(clinical_cases(), st.randoms(use_true_random=False))
def test_rule_order_never_changes_an_answer(f, rnd):
    import netlib.treatment as treatment

    before = _answer(recommend(f))
    shuffled = list(RULES)
    rnd.shuffle(shuffled)
    saved = treatment.RULES
    treatment.RULES = tuple(shuffled)
    try:
        after = _answer(recommend(f))
    finally:
        treatment.RULES = saved
    assert after == before


_NODE_SPARING = {"surveillance", "endoscopic_resection_or_surveillance", "endoscopic_resection", "appendectomy",
                 "enucleation"}


def _deeper(f: Findings) -> list[str]:
    """Depth words of the site's T table that reach a higher T than the case's depth."""
    table = T_TABLES[f.site]
    if f.depth not in table.depth:
        return []
    rank = T_ORDER.index(table.depth[f.depth])
    return sorted(d for d, t in table.depth.items() if T_ORDER.index(t) > rank)


@given(localised_gep_cases(), st.data())
def test_worse_findings_never_move_a_localised_tumour_to_less_extensive_treatment(f, data):
    """More positive nodes, deeper invasion or a higher Ki-67 never lowers LOCAL_EXTENT."""
    from dataclasses import replace

    r = recommend(f)
    if r.category not in LOCAL_EXTENT:
        event("not a local treatment")
        return
    variants = {"more nodes": replace(f, regional_nodes_positive=(f.regional_nodes_positive or 0)
                                      + data.draw(st.integers(1, 5)))}
    if f.regional_nodes_positive is None:
        variants["positive on imaging"] = replace(f, clinical_nodes="positive")
    deeper = _deeper(f)
    if deeper:
        variants["deeper"] = replace(f, depth=data.draw(st.sampled_from(deeper)))
    if f.ki67_percent is not None and f.ki67_percent < 100:
        variants["higher Ki-67"] = replace(f, ki67_percent=data.draw(st.floats(f.ki67_percent, 100)))
    for what, worse in variants.items():
        w = recommend(worse)
        event(f"{what}: {r.category} -> {w.category}")
        if w.category in LOCAL_EXTENT:
            assert LOCAL_EXTENT[w.category] >= LOCAL_EXTENT[r.category], (what, r.rule, w.rule)
        else:  # only a grade the local rules cannot use sends it elsewhere (review, never a guess)
            assert w.category == "multidisciplinary_review" and grade(worse).label not in ("NET G1", "NET G2"), \
                (what, r.rule, w.rule)
        if what != "higher Ki-67":
            assert w.category not in _NODE_SPARING or what == "deeper", (what, w.rule)


@given(localised_gep_cases())
def test_node_positive_localised_tumours_are_never_watched_or_treated_locally(f):
    r = recommend(f)
    positive = (f.regional_nodes_positive or 0) > 0 or (f.regional_nodes_positive is None
                                                          and f.clinical_nodes == "positive")
    if positive:
        assert r.category not in _NODE_SPARING, r.rule
    if grade(f).label == "NET G3":
        assert r.category not in _NODE_SPARING, r.rule


@given(clinical_cases())
def test_a_category_is_always_backed_by_an_option_of_that_kind(f):
    r = recommend(f)
    if r.category in ("prrt", "somatostatin_analogue", "targeted_therapy", "chemotherapy", "platinum_etoposide"):
        assert any(o.category == r.category for o in r.options), r.rule
