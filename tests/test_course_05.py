"""Notebook 05 (staging) as a course: the checks its cells used to perform in front of the trainee (a wrong T, N, M
and group printed, then the right one; the staging widget driven from code) live here.

The questions are built by the notebook's own cells (its import cell and its tagged question cells are executed
here), so a change to a case in the notebook is tested too; keys and feedback are asserted as the old cells showed
them. The helpers of ``netlib.teaching.tables`` that the notebook uses are tested at the end.
"""
from __future__ import annotations

import re

import pytest

from netlib import Findings, stage
from netlib.teaching import questions as Q
from netlib.teaching import tables, widgets
from netlib.teaching.exercises import check_stage

from .course import SNAKE, asks, cell_index, output_text, output_texts, read_cells, read_questions, run, source

NOTEBOOK = "05_staging.ipynb"
WELL = dict(differentiation="well", ki67_percent=2)


@pytest.fixture(scope="module")
def nb_questions() -> dict[str, Q.Question]:
    """Title -> Question, built by the notebook's own cells."""
    return read_questions(NOTEBOOK)


def test_the_notebook_has_three_self_checks_and_three_tasks(nb_questions):
    assert sorted(nb_questions) == ["Self-check 1", "Self-check 2", "Self-check 3", "Task 1", "Task 2", "Task 3"]
    assert {t: q.kind for t, q in nb_questions.items()} == {
        "Self-check 1": "choice", "Self-check 2": "choice", "Self-check 3": "choice",
        "Task 1": "short", "Task 2": "short", "Task 3": "short"}


# --- the former self-checks: the same cases, keys and feedback --------------------------------------------------
def test_former_self_check_1_pancreas_2cm_into_fat_is_t2():
    """The old cell printed check_stage(sc1, "T3", ...) then the right answer; the case is now the worked example
    above the questions, so the typed T task asks about a 4.0 cm tumour instead (see the next test)."""
    sc1 = Findings(site="pancreas", size_cm=2.0, invasion=("peripancreatic_fat",), regional_nodes_positive=0,
                   metastasis="none", **WELL)
    wrong = check_stage(sc1, "T3", "N0", "M0", "II")
    assert not wrong.correct and "exactly 2 cm is T2" in wrong.message and "T1 is < 2 cm" in wrong.message
    right = check_stage(sc1, "T2", "N0", "M0", "II")
    assert right.correct and right.message.startswith("T2 N0 M0, stage II")
    t = Q.t_category_task("T", sc1, "T?")
    assert t.accepted == ("T2", "pT2") and t.check("T3") == (False, wrong.message) and t.check("T2")[0] is True


def test_task_2_pancreas_4cm_into_fat_is_t2(nb_questions):
    q = nb_questions["Task 2"]
    assert q.accepted == ("T2", "pT2") and q.check("t2")[0] is True and q.check("pT2")[0] is True
    right, msg = q.check("T3")
    assert right is False and "peripancreatic fat does not change pancreatic T" in msg
    assert q.check("T1")[0] is False


def test_self_check_2_twelve_ileal_nodes_are_n2(nb_questions):
    q = nb_questions["Self-check 2"]
    assert [o.label for o in q.options] == ["N0", "N1", "N2"]
    right, msg = q.check("N1")
    assert right is False and "12 or more positive nodes" in msg and "is N2" in msg
    right, msg = q.check("N2")
    assert right is True and msg.startswith("T2 N2 M0, stage III")


def test_task_3_rectal_muscularis_propria_is_t2(nb_questions):
    q = nb_questions["Task 3"]
    assert q.accepted == ("T2", "pT2")
    right, msg = q.check("T1")  # the first feedback names what decides T (the depth), without the key
    assert right is False and "the depth of invasion" in msg and "T2" not in msg
    assert q.check("T2")[0] is True
    task3 = Findings(site="rectum", size_cm=1.6, depth="muscularis_propria", regional_nodes_positive=0,
                     metastasis="none", **WELL)
    assert stage(task3).group == "IIA"  # the group the old self-check asked for


# --- the new questions -------------------------------------------------------------------------------------------
def test_self_check_1_tx_n0_m0_has_no_stage_group(nb_questions):
    """The issue's TX case: a stage question on it must work (check_stage used to raise StopIteration)."""
    q = nb_questions["Self-check 1"]
    assert [o.label for o in q.options] == ["stage I", "stage II", "stage III", "stage IV",
                                            "no stage group: a finding the table needs is missing",
                                            "not staged with the NET tables (another system applies)"]
    assert [o.correct for o in q.options] == [False, False, False, False, True, False]
    for o in q.options[:4]:
        assert o.message and "None" not in o.message, o.message
    f = Findings(site="pancreas", regional_nodes_positive=0, metastasis="none", differentiation="well",
                 ki67_percent=2)
    assert (stage(f).t, stage(f).n, stage(f).m, stage(f).group) == ("TX", "N0", "M0", None)
    assert check_stage(f, "T2", "N0", "M0", "I").correct is False  # no StopIteration
    for part in ("t", "n"):
        assert sum(o.correct for o in Q.stage_question("x", f, "?", part, None).options) == 1


def test_self_check_3_any_m1_is_stage_iv(nb_questions):
    q = nb_questions["Self-check 3"]
    assert [o.correct for o in q.options] == [False, False, False, True, False, False]
    assert q.check("stage IV")[1].startswith("T3 N1 M1a, stage IV")


def test_task_1_predict_n_after_adding_four_nodes(nb_questions):
    q = nb_questions["Task 1"]
    assert q.accepted == ("N1", "pN1") and q.check("n1")[0] is True and q.check("pN1")[0] is True
    assert q.check("N2")[0] is False and q.check("N0")[0] is False
    assert "How this was reached" in q.explanation_html
    cells = read_cells(NOTEBOOK)
    i = next(i for i, c in enumerate(cells) if "Task 1" in source(c) and c["cell_type"] == "code")
    assert "predict" in source(cells[i - 1]).lower()
    change = source(cells[i + 2])
    assert "change regional_nodes_positive=0 to regional_nodes_positive=4" in change
    assert "task" in cells[i + 2]["metadata"]["tags"]
    before = run(change.split("\n", 1)[1], {"stage": stage, "Findings": Findings})  # stored unchanged: N0
    assert (before.t, before.n, before.group) == ("T3", "N0", "II")


def _before(title: str) -> str:
    """What the stored outputs show before the cell that asks ``title``."""
    return "\n".join(output_text(c) for c in read_cells(NOTEBOOK)[:cell_index(NOTEBOOK, asks(title))])


def test_task_1_is_not_answered_by_the_mesenteric_mass_example():
    """The worked N2 example is another tumour (ileum, 2.5 cm, muscularis propria) with another node count, so its
    card does not show the N of the task's 4 nodes."""
    shown = _before("Task 1")
    assert "Positive regional nodes: 4" not in shown and "1.8 cm" not in shown
    mass = stage(Findings(site="jejunum_ileum", differentiation="well", ki67_percent=3, size_cm=2.5,
                          depth="muscularis_propria", regional_nodes_positive=2, mesenteric_mass_cm=3.5,
                          metastasis="none"))
    assert (mass.t, mass.n, mass.group) == ("T2", "N2", "III")
    assert "Positive regional nodes: 2 (alone N1); the mesenteric mass makes it N2." in mass.steps
    assert "Positive regional nodes: 2 (alone N1)" in shown  # the worked example as stored


def test_task_3_is_not_answered_by_the_colorectal_examples():
    """No colorectal example before Task 3 reaches T2 by depth alone (<= 2 cm into the muscularis propria): the
    rectal T2 example is 2.5 cm, so size and depth both give T2 there."""
    shown = _before("Task 3")
    rows = re.findall(r"^\| (?:Rectum|Colon) \| ([\d.]+) cm; muscularis propria \|", shown, flags=re.M)
    assert rows == ["2.5"]
    assert all(float(size) > 2 for size in rows)


# --- the staging widget (formerly driven from the next cell: 1.9 cm, then 2.0 cm) --------------------------------
def test_staging_widget_pancreas_1_9_to_2_0_cm():
    stager = widgets.staging_widget(site="pancreas", size=1.9)
    assert (stager.result.tnm, stager.result.group) == ("T1 N0 M0", "I")
    stager.controls["size"].value = 2.0
    assert (stager.result.tnm, stager.result.group) == ("T2 N0 M0", "II")


def test_no_cell_drives_a_widget_or_prints_a_check():
    code = "\n".join(source(c) for c in read_cells(NOTEBOOK) if c["cell_type"] == "code")
    for driving in (".value =", ".click()", "check_stage(", "print("):
        assert driving not in code, driving


# --- helpers of netlib.teaching.tables used by this notebook ------------------------------------------------------
def test_stage_table_rows_in_words():
    n0 = dict(regional_nodes_positive=0, metastasis="none", **WELL)
    text = tables.stage_table([Findings(site="rectum", size_cm=1.0, depth="submucosa", **n0),
                               Findings(site="ampulla", size_cm=0.9, depth="muscularis_propria", **n0),
                               Findings(site="colon", ne_component_percent=40, size_cm=4),
                               Findings(site="pancreas", regional_nodes_positive=0, metastasis="none", **WELL)],
                              show=["size_cm", "depth", "ne_component_percent"]).data
    rows = text.splitlines()
    assert rows[0] == "| site | findings | TNM | stage group | take care |"
    assert rows[2].startswith("| Rectum | 1 cm; submucosa | T1 N0 M0 | I | Colorectal T1a/T1b at exactly 1 cm")
    assert rows[3].startswith("| Ampulla of Vater | 0.9 cm; muscularis propria | T2 N0 M0 | II |")
    assert "| not staged with the NET system | - | MiNEN" in rows[4]
    assert "| TX N0 M0 | no stage group |" in rows[5]
    assert not SNAKE.findall(text), SNAKE.findall(text)


def test_t1_nx_by_edition_matches_stage():
    text = tables.t1_nx_by_edition(["stomach", "ampulla", "jejunum_ileum", "pancreas"]).data
    assert "| Stomach | T1 NX M0: no stage group | T1 NX M0: stage I |" in text
    for site in ("Ampulla of Vater", "Jejunum and ileum", "Pancreas"):
        assert f"| {site} | T1 NX M0: no stage group | T1 NX M0: no stage group |" in text
    assert "_" not in text


def test_findings_words():
    f = Findings(site="pancreas", size_cm=4.5, invasion=("duodenum", "sma"), regional_nodes_positive=1,
                 metastasis="liver_only", **WELL)
    assert tables.findings_words(f) == ("well differentiated; Ki-67 2 %; 4.5 cm; invades duodenum, superior "
                                        "mesenteric artery; 1 positive node; liver metastases only")
    assert tables.findings_words(f, ["depth", "size_cm"]) == "4.5 cm"
    assert tables.findings_words(Findings(site="colon"), ["size_cm"]) == "-"


def test_n_category_task_traps_come_from_check_stage():
    f = Findings(site="jejunum_ileum", size_cm=1.2, depth="muscularis_propria", regional_nodes_positive=12,
                 metastasis="none", **WELL)
    q = Q.n_category_task("Task", f, "N?")
    assert q.accepted == ("N2", "pN2")
    assert q.check("N1") == (False, check_stage(f, "T2", "N1", "M0", "III").message)
    with pytest.raises(ValueError, match="findings"):
        Q.n_category_task("Task", Findings(site="colon", differentiation="poor", ki67_percent=80), "N?")


def test_the_stored_outputs_show_no_feedback_and_no_raw_dicts():
    for i, c in enumerate(read_cells(NOTEBOOK)):
        for out in c.get("outputs", []):
            for t in output_texts(out, gap=" "):
                assert not re.search(r"\b(Correct[:.]|Not quite|Right\. |Not yet:)", t), (i, t[:200])
                assert "{'site'" not in t and "jejunum_ileum" not in t, (i, t[:200])
