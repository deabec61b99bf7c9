"""Notebook 02 (WHO classification and grading) as a course: the checks its cells used to perform in front of the
trainee (wrong answer, then right answer; the calculator driven from code) live here.

The questions are taken from the notebook itself (its import cell and its question cells are executed here), so a
change to a case in the notebook is tested too; the keys and the feedback are asserted as the old cells showed them.
"""
from __future__ import annotations

import re

import pytest

from netlib import Findings, grade
from netlib.data.criteria import WHO_2010_DIGESTIVE, WHO_2022_DIGESTIVE
from netlib.teaching import questions as Q
from netlib.teaching import tables, widgets

from .course import SNAKE, read_cells, read_questions, right, run, says, source

NOTEBOOK = "02_who_classification_and_grading.ipynb"


@pytest.fixture(scope="module")
def notebook_questions() -> dict[str, Q.Question]:
    """Title -> Question, built by the notebook's own cells."""
    return read_questions(NOTEBOOK)


# --- the four self-checks (formerly: a printed wrong answer, then the right one; the last one a widget) -------------
def test_the_notebook_has_four_self_checks_and_two_tasks(notebook_questions):
    assert sorted(notebook_questions) == ["Self-check 1", "Self-check 2", "Self-check 3", "Self-check 4",
                                          "Task 1", "Task 2"]
    assert {notebook_questions[f"Self-check {i}"].kind for i in range(1, 5)} == {"choice"}
    assert notebook_questions["Task 1"].kind == notebook_questions["Task 2"].kind == "text"


def test_self_check_1_a_value_on_the_cut_off(notebook_questions):
    q = notebook_questions["Self-check 1"]
    assert right(q) == "NET G2" == grade(Findings(site="pancreas", differentiation="well", ki67_percent=20.0,
                                                  mitoses_per_2mm2=4)).label
    says(q, "NET G3", False, "exactly on a cut-off", "NET G2")
    assert q.check("NET G1")[0] is False
    says(q, "NET G2", True, "4 per 2 mm²")
    assert "NET G2" in q.explanation_html  # the grade card comes after the answer


def test_self_check_2_the_higher_grade_wins(notebook_questions):
    q = notebook_questions["Self-check 2"]
    assert right(q) == "NET G3"
    says(q, "NET G2", False, "Ki-67 alone", "higher grade wins")
    says(q, "NEC", False, "does not make a carcinoma")
    says(q, "NET G3", True, "mitoses decides")


def test_self_check_3_poor_differentiation_is_a_nec(notebook_questions):
    q = notebook_questions["Self-check 3"]
    assert right(q) == "NEC"
    says(q, "NET G3", False, "poor differentiation makes it a neuroendocrine carcinoma")
    says(q, "NEC", True, "Poorly differentiated")
    assert "NEC (large cell)" in q.explanation_html


def test_self_check_4_ki67_above_20_is_not_a_carcinoma(notebook_questions):
    """Formerly a widget quiz driven from the next cell: NEC (wrong), then NET G3 (right)."""
    q = notebook_questions["Self-check 4"]
    assert [o.label for o in q.options] == ["NET G2", "NET G3", "NEC"]
    says(q, "NEC", False, "Ki-67 > 20 % does not make a carcinoma", "well differentiated")
    says(q, "NET G2", False, "mitotic count alone")
    says(q, "NET G3", True, "Ki-67 decides")


def test_nothing_is_answered_in_the_stored_question(notebook_questions):
    for q in notebook_questions.values():
        text = str(q)
        assert "Correct" not in text and "Not quite" not in text and "Right." not in text
        if q.kind == "text":
            assert q.model_answer not in text


# --- the two tasks: a report line and a predict-then-change ----------------------------------------------------------
VIGNETTE = Findings(site="jejunum_ileum", differentiation="well", ki67_percent=2.8, mitoses_per_2mm2=2.4)
RECOUNT = Findings(site="jejunum_ileum", differentiation="well", ki67_percent=2.8, mitoses_per_2mm2=1.9)


def test_task_1_report_line_model_answer(notebook_questions):
    q = notebook_questions["Task 1"]
    assert q.model_answer == tables.grade_report_line(VIGNETTE)
    assert "NET G2" in q.model_answer and "mitotic count" in q.model_answer and "2.8 %" in q.model_answer
    assert q.check("NET G2")[0] is None and "few words" in q.check("NET G2")[1]  # too short: no model answer yet
    assert q.check("NET G2 on the mitotic count") == (None, q.model_answer)


def test_task_2_prediction_model_answer(notebook_questions):
    """The prompt asks for the grade and whether the two parameters still disagree: the model answer states both
    (each parameter's band, and no deciding parameter since they now agree)."""
    q = notebook_questions["Task 2"]
    assert q.model_answer == tables.grade_report_line(RECOUNT)
    assert "NET G1" in q.model_answer and "NET G2" not in q.model_answer
    assert "Ki-67 2.8 % (NET G1 range) and 1.9 mitoses per 2 mm² (NET G1 range)" in q.model_answer
    assert "sets the grade" not in q.model_answer
    assert "what grade do you predict" in q.prompt and "still point to different grades" in q.prompt
    assert "which parameter decides" not in q.prompt
    assert q.checklist == ("the new grade", "whether Ki-67 and the mitotic count now agree")
    assert grade(RECOUNT).label == "NET G1" and grade(VIGNETTE).label == "NET G2"


def test_the_change_cell_shows_the_case_as_given_and_the_edit_works():
    """The predict-then-change cell grades the vignette as reported; making the edit its comment asks for gives
    the predicted grade."""
    cells = read_cells(NOTEBOOK)
    i = next(i for i, c in enumerate(cells) if source(c).startswith("# change mitoses_per_2mm2 from 2.4 to 1.9"))
    code = source(cells[i])
    ns = {"grade": grade, "Findings": Findings}
    assert run(code, dict(ns)).label == "NET G2"
    assert code.count("mitoses_per_2mm2=2.4") == 1
    assert run(code.replace("mitoses_per_2mm2=2.4", "mitoses_per_2mm2=1.9"), dict(ns)).label == "NET G1"
    assert "NET G2" in "".join(cells[i]["outputs"][0]["data"]["text/html"])  # stored: the unchanged case


# --- the grade calculator (formerly driven from the cell after it) ---------------------------------------------------
def test_grade_calculator_moves_from_g1_to_g2_at_ki67_3():
    calc = widgets.grade_calculator(ki67=2.9, mitoses=0, editions=True)
    assert calc.result.label == "NET G1"
    calc.ki67.value = 3.0
    assert calc.result.label == "NET G2"
    assert "boundary_value" in calc.result.flags


def test_grade_calculator_under_who_2010_leaves_2_5_ungraded():
    """The notebook invites the trainee to switch to WHO 2010 and type 2.5."""
    calc = widgets.grade_calculator(ki67=2.9, mitoses=0, editions=True)
    calc.criteria.value = "who2010_digestive"
    calc.ki67.value = 2.5
    assert calc.result.label == "undetermined" and "who2010_gap" in calc.result.flags
    calc.criteria.value = "who2022_digestive"
    assert calc.result.label == "NET G1"


# --- the tables in words (formerly loops printing flag codes and criteria keys) -----------------------------------
def _rows(md) -> list[list[str]]:
    lines = [ln for ln in md.data.splitlines() if ln.startswith("| ")]
    return [[c.strip() for c in ln.strip("|").split("|")] for ln in lines[1:]]


def _notes(md) -> list[str]:
    return re.findall(r"^\d+\. (.*)$", md.data, flags=re.M)


def _well_pancreas(ki67, mitoses):
    return Findings(site="pancreas", differentiation="well", ki67_percent=ki67, mitoses_per_2mm2=mitoses)


def test_boundary_examples_in_words():
    md = tables.grade_examples([_well_pancreas(k, 0) for k in (2.9, 3.0, 20.0, 20.1)]
                               + [_well_pancreas(1, m) for m in (1.8, 2, 20, 21)])
    rows = _rows(md)
    assert [r[2] for r in rows] == ["NET G1", "NET G2", "NET G2", "NET G3", "NET G1", "NET G2", "NET G2", "NET G3"]
    assert [r[0] for r in rows[:4]] == ["2.9 %", "3.0 %", "20.0 %", "20.1 %"]
    assert [r[1] for r in rows[4:]] == ["1.8 per 2 mm²", "2 per 2 mm²", "20 per 2 mm²", "21 per 2 mm²"]
    assert rows[4][3] == "-"  # nothing to take care of
    notes = _notes(md)
    assert any("Ki-67 3 % belongs to NET G2" in n for n in notes)
    assert any("2 mitoses per 2 mm² belongs to NET G2" in n for n in notes)
    assert any("higher grade wins" in n for n in notes)
    # each row's note numbers point at notes that exist
    for r in rows:
        for n in re.findall(r"\((\d+)\)", r[3]):
            assert 1 <= int(n) <= len(notes)
    assert not SNAKE.findall(md.data), SNAKE.findall(md.data)


def test_differentiation_examples_in_words():
    md = tables.grade_examples([
        Findings(site="pancreas", differentiation="well", ki67_percent=35),
        Findings(site="pancreas", differentiation="poor", morphology="large_cell", ki67_percent=35),
        Findings(site="pancreas", ki67_percent=35),
    ], show=["differentiation", "morphology", "ki67_percent"])
    rows = _rows(md)
    assert [r[3] for r in rows] == ["NET G3", "NEC (large cell)", "undetermined"]
    assert rows[1][1] == "large cell" and rows[2][0] == "not reported"
    assert any("only morphology (differentiation) separates NET G3 from NEC" in n for n in _notes(md))
    assert not SNAKE.findall(md.data)


def test_minen_examples_in_words():
    md = tables.grade_examples([Findings(site="colon", ne_component_percent=ne, differentiation="poor",
                                         ki67_percent=70) for ne in (25, 30, 60)], show=["ne_component_percent"])
    rows = _rows(md)
    assert [r[1] for r in rows] == ["undetermined", "MiNEN", "MiNEN"]
    assert rows[0][0] == "25 %" and rows[2][2] == "-"
    assert any("exactly 30 %" in n and "sources disagree" in n for n in _notes(md))
    assert any("below 30 %" in n for n in _notes(md))
    assert not SNAKE.findall(md.data)


def test_the_minen_lead_in_states_the_inputs_and_why_25_percent_is_not_minen():
    """The MiNEN table shows only the component share: the text before it gives the hidden inputs (as the cell
    writes them), why 25 % is undetermined, and that the 30 % threshold is a debated convention."""
    cells = read_cells(NOTEBOOK)
    i = next(i for i, c in enumerate(cells) if c["cell_type"] == "code" and 'show=["ne_component_percent"]' in
             source(c))
    src, lead = source(cells[i]), source(cells[i - 1])
    assert src.count('differentiation="poor", ki67_percent=70)') == 3 and 'site="colon"' in src
    assert cells[i - 1]["cell_type"] == "markdown"
    for words in ("poorly differentiated with a Ki-67 of 70 %", "colon", "At 25 %", "below the 30 % convention",
                  "not\na MiNEN", "classified by its non-neuroendocrine component", "*undetermined*",
                  "convention, and it is debated", "exactly 30 %"):
        assert words in lead, words
    assert grade(Findings(site="colon", ne_component_percent=25, differentiation="poor", ki67_percent=70)
                 ).label == "undetermined"


def test_editions_by_their_titles():
    md = tables.grade_by_edition(Findings(site="rectum", differentiation="well", ki67_percent=2.5,
                                          mitoses_per_2mm2=0), [WHO_2010_DIGESTIVE, WHO_2022_DIGESTIVE])
    rows = _rows(md)
    assert rows[0][:2] == ["WHO 2010 digestive system", "undetermined"]
    assert rows[1][:2] == ["WHO 2019/2022 digestive system", "NET G1"]
    notes = _notes(md)
    assert any("belonged to no grade" in n for n in notes) and any("superseded edition" in n for n in notes)
    assert not SNAKE.findall(md.data)
    # keys work as well as tables, and give the same table
    assert tables.grade_by_edition(Findings(site="rectum", differentiation="well", ki67_percent=2.5,
                                            mitoses_per_2mm2=0)).data == md.data


def test_the_table_check_can_fail():
    """The snake-case check above would catch a flag code."""
    assert SNAKE.findall("NET G1 | who2010_gap_value") == ["who2010_gap_value"]


# --- the notebook as the trainee gets it --------------------------------------------------------------------------
def test_questions_are_tagged_and_announced():
    cells = read_cells(NOTEBOOK)
    for i, c in enumerate(cells):
        src = source(c)
        if c["cell_type"] == "code" and "Q." in src:
            tags = c["metadata"].get("tags", [])
            want = "self-check" if "Self-check" in src else "task"
            assert tags == [want], (i, tags)
            lead = source(cells[i - 1])
            assert cells[i - 1]["cell_type"] == "markdown" and ("press **Check**" in lead
                                                                 or "Show the model answer" in lead), i


def test_no_feedback_and_no_driver_cells_are_stored():
    for c in read_cells(NOTEBOOK):
        src = source(c)
        assert ".value =" not in src and ".click()" not in src and "check_grade" not in src
        for out in c.get("outputs", []):
            text = "".join(out.get("text", "")) + "".join(out.get("data", {}).get("text/markdown", ""))
            assert not re.search(r"Correct:|Not quite|Right\. |Not yet:", text)


def test_grade_examples_refuses_an_unknown_column():
    from netlib.errors import InvalidValueError

    with pytest.raises(InvalidValueError, match="show"):
        tables.grade_examples([_well_pancreas(2, 1)], show=["ki67"])
