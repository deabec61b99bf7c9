"""Self-checks as HTML/JS: the same verdicts in Python and on the page; nothing revealed before an answer."""
import base64
import json
import re

import pytest

from netlib import Findings
from netlib.teaching import questions as Q
from netlib.teaching.exercises import check_grade

SC1 = Findings(site="pancreas", differentiation="well", ki67_percent=20.0, mitoses_per_2mm2=4)


class _Trap:
    def __init__(self, value, tolerance, message):
        self.value, self.tolerance, self.message = value, tolerance, message


class _Key:  # the shape of exercises.NumericKey
    value, tolerance, unit = 5.0, 0.05, "%"
    correct, otherwise = "45 / 900 x 100 = 5 %.", "positive / all counted x 100."
    traps = (_Trap(0.05, 0.0005, "that is a fraction"), _Trap(5.26, 0.05, "divided by the negatives"))


def _visible(html: str) -> str:
    """What a reader sees before acting: no scripts, no data attributes, no hidden blocks."""
    html = re.sub(r"<script>.*?</script>", "", html, flags=re.S)
    html = re.sub(r'data-netlib="[^"]*"', "", html)
    return re.sub(r"<[^>]+>", " ", html)


def test_grade_question_keys_and_feedback_come_from_check_grade():
    q = Q.grade_question("Self-check 1", SC1, "Grade this pancreatic NET.", ("NET G1", "NET G2", "NET G3"))
    for label in ("NET G1", "NET G2", "NET G3"):
        fb = check_grade(SC1, label)
        assert q.check(label) == (fb.correct, fb.message)
    assert q.check("NET G2")[0] and not q.check("NET G3")[0]
    with pytest.raises(ValueError, match="answer"):
        q.check("NET G9")


def test_nothing_is_revealed_before_an_answer():
    q = Q.grade_question("Self-check 1", SC1, "Grade this pancreatic NET.", ("NET G1", "NET G2", "NET G3"))
    html = q._repr_html_()
    seen = _visible(html)
    assert "Grade this pancreatic NET" in seen and "NET G3" in seen  # the question and its options
    for secret in ("Right.", "Not yet", "How this was reached", "boundary", "closed"):
        assert secret not in seen, secret
    assert "NET G2" not in str(q).split("[")[0]  # the text form asks, it does not answer
    payload = json.loads(base64.b64decode(re.search(r'data-netlib="([^"]*)"', html).group(1)))
    assert payload["key"] == "NET G2" and "How this was reached" in payload["explanation"]
    assert q.qid == Q.grade_question("Self-check 1", SC1, "Grade this pancreatic NET.",
                                     ("NET G1", "NET G2", "NET G3")).qid  # stable, so nbval sees the same HTML


def test_number_task_reads_a_decimal_comma_and_names_misconceptions():
    q = Q.number_question("Task 1", "45 of 900 cells are positive. Ki-67 index?", _Key())
    assert q.check("5") == (True, _Key.correct) and q.check("5,0")[0] and q.check(" 5.04 ")[0]
    assert q.check("5.06") == (False, _Key.otherwise)  # just outside the tolerance of 0.05
    assert q.check("0,05") == (False, "that is a fraction")
    assert q.check("5.26") == (False, "divided by the negatives")
    for bad in ("", "five", "5 %", "1e3", "1,000.5", "5..0"):
        verdict, message = q.check(bad)
        assert verdict is None and "Type a number" in message, bad
    assert Q.read_number("2,9") == 2.9 and Q.read_number("29") == 29.0 and Q.read_number("2,9,1") is None


def test_short_and_written_answers():
    s = Q.short_answer("Task 2", "T category?", ["T2"], "Right: 2 cm is T2.", "Type T1-T4.",
                       [("T1", "T1 is below 2 cm.")])
    assert s.check(" t2 ") == (True, "Right: 2 cm is T2.") and s.check("T1") == (False, "T1 is below 2 cm.")
    assert s.check("T3") == (False, "Type T1-T4.") and s.check("  ")[0] is None
    w = Q.free_text("Task 3", "Grade this case in one sentence.", "Well-differentiated NET G2.", ["the grade"])
    assert w.check("G2")[0] is None and "few words" in w.check("G2")[1]
    assert w.check("it is NET G2") == (None, "Well-differentiated NET G2.")


def test_bad_questions_are_refused_with_the_field_named():
    with pytest.raises(ValueError, match="options"):
        Q.Question("t", "p", "choice", options=(Q.Option("a", False, ""), Q.Option("b", False, "")))
    with pytest.raises(ValueError, match="options"):
        Q.Question("t", "p", "choice", options=(Q.Option("a", True, ""),))
    with pytest.raises(ValueError, match="kind"):
        Q.Question("t", "p", "essay")
    with pytest.raises(ValueError, match="model_answer"):
        Q.free_text("t", "p", " ")
    with pytest.raises(ValueError, match="answer"):
        Q.Question("t", "p", "number", answer=float("nan"))
    with pytest.raises(ValueError, match="prompt"):
        Q.free_text("t", "", "model")
    with pytest.raises(TypeError, match="key"):
        Q.number_question("t", "p", object())


def test_a_set_counts_first_attempts():
    qs = Q.QuestionSet("Set A", (Q.grade_question("Case 1", SC1, "Grade?", ("NET G1", "NET G2")),
                                  Q.number_question("Case 2", "Index?", _Key())))
    html = qs._repr_html_()
    assert "0 right of 0 answered (2 questions)" in _visible(html) and html.count('class="netlib-question"') == 2
    assert str(qs).startswith("Set A: 2 questions")
    with pytest.raises(ValueError, match="questions"):
        Q.QuestionSet("empty", ())


def test_stage_and_t_questions_use_the_staging_key():
    f = Findings(site="pancreas", size_cm=2.0, regional_nodes_positive=0, metastasis="none")
    t = Q.t_category_task("Task", f, "T category of a 2.0 cm pancreatic NET?")
    assert t.check("T2")[0] and t.check("T1") == (False, t.traps[0].message) and "2" in t.traps[0].message
    g = Q.stage_question("Self-check", f, "Stage group?", "group", ["I", "II", "III"])
    assert [o.correct for o in g.options] == [False, True, False] and g.options[1].label == "stage II"


def test_workshop_sets_of_eight_start_blank_and_cover_the_bank():
    from netlib.data.cases import CASE_DATA, WORKSHOP_SETS

    keys = [k for v in WORKSHOP_SETS.values() for k in v]
    assert sorted(keys) == sorted(c["key"] for c in CASE_DATA) and all(len(v) == 8 for v in WORKSHOP_SETS.values())
    s = Q.workshop("A")
    assert len(s.questions) == 24
    html = s._repr_html_()
    seen = _visible(html)
    assert "0 right of 0 answered (24 questions)" in seen and seen.count("(choose)") >= 8  # blank drop-downs
    assert 'selected>(choose)' in html and "How this was reached" not in seen


def test_workshop_keys_are_the_assessment():
    from netlib import assess
    from netlib.data.cases import workshop_set
    from netlib.teaching.exercises import check_case

    for name in "ABC":
        qs = Q.workshop(name).questions
        for case, i in zip(workshop_set(name), range(0, 24, 3)):
            a = assess(case.findings)
            grade_key, group_key, category_key = (q._key_text() for q in qs[i:i + 3])
            assert grade_key == a.grade.label
            none = ("not staged with the NET tables (another system applies)" if a.stage.t is None
                    else "no stage group: a finding the table needs is missing")
            assert group_key == (f"stage {a.stage.group}" if a.stage.group else none)
            assert check_case(case, grade=grade_key, stage_group=a.stage.group,
                              category=a.recommendation.category).correct
            assert category_key.split(" (also accepted")[0] == Q.category_words(a.recommendation.category)


def test_titles_do_not_give_the_answer_away():
    from netlib.data.cases import load_cases
    from netlib.grading import LABELS

    for case in load_cases():
        for word in (*LABELS, "G1", "G2", "G3", "carcinoid", "NEC", "MiNEN", "exactly", "mitoses", "Ki-67"):
            assert word not in case.title, (case.key, word)


def test_the_answer_key_for_instructors_is_current():
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "instructors" / "answer_key.md"
    assert path.read_text(encoding="utf-8") == Q.answer_key() + "\n", "run: python scripts/answer_key.py --write"


def test_open_choices_accept_every_listed_option_and_the_key_comes_first():
    """Where the sources leave the choice open (a controversial rule, or no trial comparing the options), each
    option the rule lists is right; elsewhere an alternative is explained but not accepted."""
    from netlib.data.cases import get_case

    meso = get_case("appendix_mesoappendix").findings  # 1.6 cm, mesoappendix 4 mm: ENETS vs NCCN
    q = Q.treatment_question("t", meso, "?", ("appendectomy", "right_hemicolectomy", "surveillance"))
    assert q.check("right hemicolectomy")[0] and q.check("appendectomy")[0] and not q.check("surveillance")[0]
    assert q._key_text() == "right hemicolectomy (also accepted: appendectomy)"
    nec = get_case("colon_nec").findings  # second-line chemotherapy is listed, but not a first step
    q2 = Q.treatment_question("t", nec, "?", ("chemotherapy", "platinum_etoposide"))
    assert not q2.check("chemotherapy")[0] and q2.check(Q.category_words("platinum_etoposide"))[0]


def test_no_group_comes_in_two_kinds():
    """A NEC is not staged with the NET tables (its organ's carcinoma system applies); a NET with an unknown part
    of TNM has no group. Both choices are offered, and each is right only for its own reason."""
    from netlib.data.cases import get_case

    nec = Q.stage_question("s", get_case("colon_nec").findings, "?", "group", ("IV", None))
    assert nec.check("not staged with the NET tables (another system applies)")[0]
    verdict, message = nec.check("no stage group: a finding the table needs is missing")
    assert verdict is False and "do not apply" in message
    lung = Q.stage_question("s", get_case("lung_typical").findings, "?", "group", ("IA2", None))
    assert lung.check("no stage group: a finding the table needs is missing")[0]
    assert not lung.check("not staged with the NET tables (another system applies)")[0]
