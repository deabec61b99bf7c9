import pytest

from netlib import Findings
from netlib.selfcheck import check_grade
from netlib.widgets import grade_calculator, grade_quiz


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


def test_grade_calculator_regrades_on_change():
    calc = grade_calculator(ki67=2.9, mitoses=0)
    assert calc.result.label == "NET G1"
    calc.ki67.value = 3.0
    assert calc.result.label == "NET G2" and "NET G2" in calc.card.value
    calc.differentiation.value = "(not reported)"
    calc.ki67.value = 25
    assert calc.result.label == "undetermined" and "morphology_required" in calc.card.value
    calc.site.value = "lung"
    assert "thoracic" in calc.card.value


def test_grade_quiz_button():
    q = grade_quiz(Findings(differentiation="well", ki67_percent=20.0), "Grade this.")
    q.answer.value = "NET G3"
    q.button.click()
    assert q.last is not None and not q.last.correct and "Not quite" in q.feedback.value
    q.answer.value = "NET G2"
    q.button.click()
    assert q.last.correct and "Correct" in q.feedback.value
