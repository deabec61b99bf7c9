"""Property tests: monotone grading, a label always in the vocabulary, no valid input raises."""
from hypothesis import given
from hypothesis import strategies as st

from netlib import Findings, grade
from netlib.findings import NUMERIC_RANGES, VOCABULARY
from netlib.grading import FLAGS, LABELS

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
    return st.integers(int(lo), int(hi)) if integer else st.floats(lo, hi, allow_nan=False)


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
    from netlib import assess
    from netlib.staging import FLAGS as STAGE_FLAGS
    from netlib.treatment import CATEGORIES
    from netlib.treatment import FLAGS as TREAT_FLAGS

    a = assess(f)
    assert a.recommendation.category in CATEGORIES
    assert all(x in TREAT_FLAGS for x in a.recommendation.flags)
    assert all(x in STAGE_FLAGS for x in a.stage.flags)
    assert a.stage.t in (None, "TX", "T1", "T2", "T3", "T4")
    assert a.to_dict()["grade"]["label"] == a.grade.label
