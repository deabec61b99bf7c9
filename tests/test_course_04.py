"""Notebook 04 (lung and thymus) as a course: the checks its cells used to perform in front of the trainee (a wrong
answer printed, then the right one; the classifier and a grade quiz driven from code) live here.

The questions are built by the notebook's own cells (its import cell and its tagged question cells are executed
here), so a change to a case in the notebook is tested too; keys and feedback are asserted as the old cells showed
them. The helpers of ``netlib.teaching.tables`` that the notebook uses are tested at the end.
"""
from __future__ import annotations

import re

import pytest

from netlib import Findings, grade
from netlib.teaching import questions as Q
from netlib.teaching import tables, widgets

from .course import SNAKE, cell_tags, output_texts, read_cells, read_questions, source

NOTEBOOK = "04_lung_and_thymus.ipynb"
THORACIC = ("typical carcinoid", "atypical carcinoid", "LCNEC", "undetermined")


@pytest.fixture(scope="module")
def nb_questions() -> dict[str, Q.Question]:
    """Title -> Question, built by the notebook's own cells."""
    return read_questions(NOTEBOOK)


def test_the_notebook_has_four_self_checks_and_four_tasks(nb_questions):
    assert sorted(nb_questions) == ["Self-check 1", "Self-check 2", "Self-check 3", "Self-check 4",
                                    "Task 1", "Task 2", "Task 3", "Task 4"]
    kinds = {t: q.kind for t, q in nb_questions.items()}
    assert [kinds[f"Self-check {i}"] for i in range(1, 5)] == ["choice"] * 4
    assert (kinds["Task 1"], kinds["Task 2"], kinds["Task 3"], kinds["Task 4"]) == ("choice", "short", "number",
                                                                                    "text")


# --- the four self-checks (formerly: a printed wrong answer, then the right one; the last one a quiz widget) -------
def _verdict(q: Q.Question, label: str) -> tuple[bool, str]:
    return q.check(label)


def test_self_check_1_two_mitoses_is_atypical(nb_questions):
    q = nb_questions["Self-check 1"]
    assert [o.label for o in q.options] == list(THORACIC)
    right, msg = _verdict(q, "typical carcinoid")
    assert right is False and "exactly on a cut-off" in msg and "atypical carcinoid" in msg
    right, msg = _verdict(q, "atypical carcinoid")
    assert right is True and msg.startswith("atypical carcinoid") and "2" in msg


def test_self_check_2_necrosis_makes_it_atypical(nb_questions):
    q = nb_questions["Self-check 2"]
    assert q.check("typical carcinoid") == (
        False, "necrosis makes a carcinoid atypical even with fewer than 2 mitoses per 2 mm².")
    right, msg = q.check("atypical carcinoid")
    assert right is True and "Necrosis (punctate) makes it atypical" in msg


def test_self_check_3_digestive_grades_do_not_apply(nb_questions):
    q = nb_questions["Self-check 3"]
    for digestive in ("NET G2", "NET G3"):
        right, msg = q.check(digestive)
        assert right is False and "not the digestive G1-G3 grades" in msg and "carcinoid" not in msg
    right, msg = q.check("typical carcinoid")
    assert right is True and "typical carcinoid criteria met" in msg


def test_self_check_4_ten_mitoses_is_still_atypical(nb_questions):
    """Formerly a grade-quiz widget answered LCNEC, then atypical carcinoid, from the next cell."""
    q = nb_questions["Self-check 4"]
    assert [o.label for o in q.options] == list(THORACIC)
    right, msg = q.check("LCNEC")
    assert right is False and "exactly on a cut-off" in msg
    right, msg = q.check("atypical carcinoid")
    assert right is True and msg.startswith("atypical carcinoid") and "10" in msg


def test_self_checks_explain_with_the_grade_card(nb_questions):
    for title in ("Self-check 1", "Self-check 2", "Self-check 3", "Self-check 4"):
        assert "How this was reached" in nb_questions[title].explanation_html, title


def test_the_self_checks_come_before_the_worked_examples():
    """The worked-examples table has rows with 2 mitoses, 1 mitosis with punctate necrosis and 10 mitoses (the
    answers to Self-checks 1, 2 and 4), and the Ki-67 32 % card answers Self-check 3: all four are asked first,
    right after the criteria, and the teaching rows are still there."""
    cells = read_cells(NOTEBOOK)
    checks = [i for i, c in enumerate(cells) if "self-check" in cell_tags(c)]
    table = next(i for i, c in enumerate(cells) if "tables.thoracic_grade_table(examples)" in source(c))
    ki67_card = next(i for i, c in enumerate(cells) if "ki67_percent=32" in source(c))
    criteria = next(i for i, c in enumerate(cells) if "plots.thoracic_criteria()" in source(c))
    assert len(checks) == 4 and criteria < min(checks) and max(checks) < table < ki67_card
    rows = "".join(cells[table]["outputs"][0]["data"]["text/markdown"])
    for row in ("| Lung | carcinoid | 2 | absent | 2 cm | atypical carcinoid |",
                "| Lung | carcinoid | 1 | punctate | 2 cm | atypical carcinoid |",
                "| Lung | carcinoid | 10 | absent | 2 cm | atypical carcinoid |"):
        assert row in rows, row
    before = "\n".join(source(c) for c in cells[:max(checks)] if c["cell_type"] == "markdown")
    assert "**2** mitoses is already atypical" not in before and "still atypical" not in before


def test_task_1_is_not_answered_by_the_text_before_it():
    """Whether the 0.5 cm rule applies in the thymus is the question of Task 1: the text says so only after the
    change cell."""
    cells = read_cells(NOTEBOOK)
    i = next(i for i, c in enumerate(cells) if '"Task 1"' in source(c))
    before = "\n".join(source(c) for c in cells[:i] if c["cell_type"] == "markdown")
    for giveaway in ("does not\napply", "does not apply", "lung concept", "mitoses and necrosis alone"):
        assert giveaway not in before, giveaway
    reveal = source(cells[i + 3])
    assert cells[i + 3]["cell_type"] == "markdown" and "does not apply there" in reveal
    assert "mitoses and necrosis alone" in reveal


# --- the classifier (formerly driven from the next cell: 10 mitoses, then 11) -------------------------------------
def test_thoracic_classifier_from_10_to_11_mitoses():
    classifier = widgets.thoracic_classifier(mitoses=10, necrosis="absent", size=2.0)
    assert classifier.result.label == "atypical carcinoid"
    classifier.mitoses.value = 11
    assert classifier.result.label == "undetermined"
    assert classifier.result.flags == ("beyond_atypical_range",)


def test_the_classifier_cell_is_stored_untouched():
    """No cell drives a widget or prints a check in front of the trainee any more."""
    code = "\n".join(source(c) for c in read_cells(NOTEBOOK) if c["cell_type"] == "code")
    for driving in (".value =", ".click()", "check_grade(", "check_stage(", "grade_quiz", "print(sc"):
        assert driving not in code, driving


# --- the tasks ---------------------------------------------------------------------------------------------------
def test_task_1_predict_the_thymic_tumourlet(nb_questions):
    """The same 0.4 cm lesion: undetermined in the lung (tumourlet rule), typical carcinoid in the thymus."""
    q = nb_questions["Task 1"]
    assert q.check("typical carcinoid")[0] is True
    assert q.check("undetermined")[0] is False and q.check("atypical carcinoid")[0] is False
    lung = Findings(site="lung", morphology="carcinoid", mitoses_per_2mm2=1, necrosis="absent", size_cm=0.4)
    assert grade(lung).label == "undetermined" and grade(lung).flags == ("below_typical_carcinoid_size",)
    cells = read_cells(NOTEBOOK)
    i = next(i for i, c in enumerate(cells) if "Task 1" in source(c) and c["cell_type"] == "code")
    change = source(cells[i + 2])
    assert 'change site="lung" to site="thymus"' in change and 'site="lung"' in change  # stored unchanged
    assert "task" in cells[i + 2]["metadata"]["tags"] and "predict" in source(cells[i - 1]).lower()


def test_task_2_thymic_t_is_decided_by_invasion_not_size(nb_questions):
    q = nb_questions["Task 2"]
    assert q.accepted == ("T3", "pT3") and q.check(" t3 ")[0] is True and q.check("pT3")[0] is True
    for wrong in ("T1a", "T2", "T4"):  # the first feedback names what decides T, without the key
        right, msg = q.check(wrong)
        assert right is False and "an invaded structure" in msg and "T3" not in msg, (wrong, msg)
    assert q.check("pT3 please")[0] is False


def test_task_3_mitoses_per_2mm2_from_a_count_over_fields(nb_questions):
    q = nb_questions["Task 3"]
    assert q.kind == "number" and q.answer == pytest.approx(11 / (50 * 0.2376) * 2)
    assert f"{q.tolerance:g}" in q.prompt  # the tolerance is stated
    assert q.check("1.85")[0] is True and q.check("1,85")[0] is True
    right, msg = q.check("2.2")  # 11 mitoses per 10 fields x 10: the per-10-HPF shortcut
    assert right is False and "10 high-power fields" in msg
    assert q.check("11")[0] is False  # the raw count


def test_task_4_report_line_model_answer_is_computed(nb_questions):
    q = nb_questions["Task 4"]
    vignette = Findings(site="lung", morphology="carcinoid", mitoses_per_2mm2=3, necrosis="punctate", size_cm=2.4,
                        ki67_percent=6)
    assert q.model_answer == tables.thoracic_report_line(vignette)
    assert q.model_answer.startswith("Atypical carcinoid of the lung")
    for part in ("2.4 cm", "3 mitoses per 2 mm²", "punctate necrosis", "Ki-67 6 %", "not used to classify",
                 "pT1c", "lung cancer TNM 8"):
        assert part in q.model_answer, part
    assert q.check("atypical")[0] is None and q.check("an atypical carcinoid, pT1c")[1] == q.model_answer


def test_the_vignette_answer_is_no_longer_printed_before_the_task():
    cells = read_cells(NOTEBOOK)
    i = next(i for i, c in enumerate(cells) if "Task 4" in source(c) and c["cell_type"] == "code")
    before = "\n".join(source(c) for c in cells[:i])
    assert "print(vignette)" not in before and "a 2.4 cm tumour is T1c" not in before


def test_the_thymic_caveat_is_not_repeated_in_the_notebook_text():
    prose = "\n".join(source(c) for c in read_cells(NOTEBOOK) if c["cell_type"] == "markdown")
    assert "American Cancer Society" not in prose  # the thymic card states it


# --- helpers of netlib.teaching.tables used by this notebook ------------------------------------------------------
def _lung(**kw) -> Findings:
    return Findings(site="lung", morphology=kw.pop("morphology", "carcinoid"), **kw)


def test_thoracic_grade_table_speaks_words():
    cases = [_lung(mitoses_per_2mm2=2, necrosis="absent", size_cm=2.0),
             _lung(mitoses_per_2mm2=11, necrosis="absent", size_cm=2.0),
             _lung(mitoses_per_2mm2=0, necrosis="absent", size_cm=0.4),
             _lung(morphology="small_cell", mitoses_per_2mm2=80, necrosis="extensive")]
    text = tables.thoracic_grade_table(cases).data
    rows = text.splitlines()[2:]
    assert len(rows) == 4
    assert "| atypical carcinoid | Exactly on a cut-off" in rows[0]
    assert "| undetermined |" in rows[1] and "above the atypical carcinoid range" in rows[1]
    assert "tumourlets" in rows[2] and "| 0.4 cm |" in rows[2]
    assert "| small cell |" in rows[3] and "| SCLC |" in rows[3] and "| - |" in rows[3]
    assert not SNAKE.findall(text), SNAKE.findall(text)


def test_thoracic_report_line_without_t_or_ki67():
    line = tables.thoracic_report_line(Findings(site="thymus", morphology="carcinoid", mitoses_per_2mm2=1,
                                                necrosis="absent", size_cm=0.4))
    assert line == "Typical carcinoid of the thymus (0.4 cm, 1 mitosis per 2 mm², no necrosis)."


def test_vocabulary_and_site_words():
    assert tables.site_words("jejunum_ileum") == "jejunum and ileum"
    assert tables.site_words("ampulla") == "ampulla of Vater"
    assert tables.site_words("thymus") == "thymus" and tables.site_words("unknown_primary") == "unknown primary"
    assert tables.vocabulary_words("confined_to_sphincter_of_oddi") == "confined to sphincter of Oddi"
    assert tables.vocabulary_words("sma") == "superior mesenteric artery"
    assert tables.vocabulary_words("pericardium").startswith("pericardium")
    assert tables.vocabulary_words("anterior_perithymic") == "anterior (perithymic) lymph nodes"


def test_the_stored_outputs_show_no_feedback_and_no_keys():
    """What the trainee reads: no verdict line, no answer, no machine key (the card reprs aside, which the
    results' own text form will replace)."""
    for i, c in enumerate(read_cells(NOTEBOOK)):
        for out in c.get("outputs", []):
            for t in output_texts(out, gap=" "):
                assert not re.search(r"\b(Correct[:.]|Not quite|Right\. |Not yet:)", t), (i, t[:200])
                assert "beyond_atypical_range" not in t and "boundary_value" not in t, (i, t[:200])
