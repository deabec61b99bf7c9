"""Notebook 06 (functioning syndromes) as a course: the checks its cells used to perform in front of the trainee
(a wrong answer printed, then the right one; the quiz widget and the syndrome finder driven from code) live here.

The questions are built by the notebook's own cells (its import cell and its tagged question cells are executed
here), so a change to a case in the notebook is tested too; keys and feedback are asserted as the old cells showed
them. The helpers of tables.py that the notebook uses are tested at the end.
"""
from __future__ import annotations

import re
from functools import partial

import pytest

from netlib import Findings, recommend
from netlib.data import syndromes
from netlib.teaching import questions as Q
from netlib.teaching import tables, widgets
from netlib.teaching.exercises import check_syndrome, check_treatment
from netlib.treatment import CATEGORIES, FLAGS

from .course import asks, assert_tags, cell_index, output_text, read_cells, read_questions, right, source, visible_html

NOTEBOOK = "06_functioning_syndromes.ipynb"
_index = partial(cell_index, NOTEBOOK)  # the position of the notebook's first cell that matches
#: Machine words a trainee must not meet in a stored output: category and flag keys, syndrome and feature keys.
KEYS = {k for k in (*CATEGORIES, *FLAGS, *syndromes.SYNDROMES, *syndromes.FEATURES) if "_" in k}
TYPE1 = Findings(site="stomach", gastric_type=1, differentiation="well", ki67_percent=1, size_cm=0.7,
                 depth="submucosa", metastasis="none")
INSULINOMA = Findings(site="pancreas", differentiation="well", ki67_percent=1, size_cm=1.2, metastasis="none",
                      clinical_nodes="negative", syndrome="insulinoma")


@pytest.fixture(scope="module")
def notebook_questions() -> dict[str, Q.Question]:
    """Title -> Question, built by the notebook's own cells."""
    return read_questions(NOTEBOOK)


# --- what the notebook asks -----------------------------------------------------------------------------------------
def test_four_self_checks_and_three_tasks(notebook_questions):
    assert sorted(notebook_questions) == ["Self-check 1", "Self-check 2", "Self-check 3", "Self-check 4",
                                          "Task 1", "Task 2", "Task 3"]
    assert {notebook_questions[f"Self-check {i}"].kind for i in range(1, 5)} == {"choice"}
    assert [notebook_questions[f"Task {i}"].kind for i in (1, 2, 3)] == ["text", "number", "text"]


def test_cells_are_tagged_by_kind():
    assert_tags(NOTEBOOK)


# --- the self-checks (formerly: a wrong answer printed, then the right one; Self-check 4 a quiz widget) -------------
def test_self_check_1_vipoma(notebook_questions):
    q = notebook_questions["Self-check 1"]
    features = ["watery_diarrhoea", "hypokalaemia", "achlorhydria"]
    assert right(q) == "VIPoma (Verner-Morrison, WDHA)"
    ok, message = q.check("Carcinoid syndrome")
    assert (ok, message) == (False, check_syndrome(features, "carcinoid_syndrome").message)
    # the slip, not the key (watery diarrhoea counts as the diarrhoea of carcinoid syndrome)
    assert message == ("Carcinoid syndrome explains only watery diarrhoea of these features; another syndrome in the "
                       "catalogue explains 3 of them.")
    assert "VIPoma" not in message
    ok, message = q.check("VIPoma (Verner-Morrison, WDHA)")
    assert ok is True and "Key test: VIP > 200 pg/mL" in message


def test_self_check_2_gastrinoma(notebook_questions):
    q = notebook_questions["Self-check 2"]
    assert right(q) == "Gastrinoma (Zollinger-Ellison syndrome)"
    ok, message = q.check("VIPoma (Verner-Morrison, WDHA)")
    assert (ok, message) == (False, "VIPoma (Verner-Morrison, WDHA) explains only diarrhoea of these features; "
                                    "another syndrome in the catalogue explains 2 of them.")
    assert q.check("Insulinoma")[1].startswith("Insulinoma explains none of these features")
    ok, message = q.check("Gastrinoma (Zollinger-Ellison syndrome)")
    assert ok is True and "secretin test" in message


def test_self_check_3_type_1_gastric_net(notebook_questions):
    q = notebook_questions["Self-check 3"]
    assert recommend(TYPE1).category == "endoscopic_resection_or_surveillance"
    assert right(q) == "endoscopic resection or surveillance"
    ok, message = q.check("gastrectomy with lymphadenectomy")
    assert (ok, message) == (False, check_treatment(TYPE1, "gastrectomy_with_lymphadenectomy").message)
    assert "Gastric NET type 1, <= 1 cm, superficial, G1/G2" in message
    ok, message = q.check("endoscopic resection or surveillance")
    assert ok is True and "Type 1 tumours are small, multifocal and rarely metastasise" in message
    assert q.check("somatostatin analogue")[0] is False
    assert "Gastric NET type 1" in q.explanation_html  # the treatment card comes after the answer


def test_self_check_4_glucagonoma(notebook_questions):
    q = notebook_questions["Self-check 4"]
    assert right(q) == "Glucagonoma"
    ok, message = q.check("Somatostatinoma")
    assert ok is False and message.startswith("Somatostatinoma explains only diabetes of these features")
    ok, message = q.check("Glucagonoma")
    assert ok is True and "Glucagon > 1000 pg/mL" in message


# --- the tasks ------------------------------------------------------------------------------------------------------
def test_task_1_predict_then_change(notebook_questions):
    q = notebook_questions["Task 1"]
    assert [s.key for s, _ in syndromes.match(["flushing", "diarrhoea"])][0] == "carcinoid_syndrome"
    ranked = syndromes.match(["diarrhoea"])
    assert {s.key for s, hit in ranked if len(hit) == 1} == {"carcinoid_syndrome", "gastrinoma", "somatostatinoma",
                                                             "vipoma"}  # a VIPoma's watery diarrhoea is diarrhoea
    verdict, model = q.check("carcinoid syndrome still")
    assert verdict is None and model == q.model_answer
    assert "no longer point to one syndrome" in model and "flushing told them apart" in model
    for name in ("Carcinoid syndrome", "Gastrinoma", "Somatostatinoma", "VIPoma"):
        assert name in model
    assert q.check("VIP")[0] is None and "few words" in q.check("VIP")[1]  # a real attempt first


def test_task_1_change_cell_shows_the_unchanged_case():
    cell = next(c for c in read_cells(NOTEBOOK) if c["cell_type"] == "code" and source(c).startswith("features = "))
    assert 'remove "flushing"' in source(cell)
    stored = "".join(cell["outputs"][0]["data"]["text/markdown"])
    assert "flushing, diarrhoea" in stored and "Carcinoid syndrome (2 of 2)" in stored


def test_task_2_secretin_criterion_read_from_the_catalogue(notebook_questions):
    q = notebook_questions["Task 2"]
    assert "gastrin rise >= 120 pg/mL (NIH series" in syndromes.get("gastrinoma").key_test
    assert (q.answer, q.tolerance, q.unit) == (120.0, 0.0, "pg/mL")
    assert "exact" in q.prompt and "NIH criterion" in q.prompt
    ok, message = q.check("120")
    assert ok is True and "94 % sensitive, 100 % specific" in message
    ok, message = q.check("200")
    assert ok is False and "classic criterion" in message and "83 % sensitive" in message
    ok, message = q.check("100")
    assert ok is False and "other references" in message
    assert q.check("121")[0] is False and q.check("119,9")[0] is False  # no tolerance
    assert q.check("pg")[0] is None
    key = Q.secretin_criterion_key()  # a NumericKey: the checker judges the same way as the task
    assert key.check(120).correct is True and "classic criterion" in key.check(200).message


def test_task_3_insulinoma_report_line(notebook_questions):
    q = notebook_questions["Task 3"]
    r = recommend(INSULINOMA)
    assert r.category == "enucleation" and "ssa_may_worsen_hypoglycaemia" in r.flags
    assert "Diet and diazoxide until surgery" in [o.name for o in r.options]
    verdict, model = q.check("enucleation, avoid octreotide")
    assert verdict is None
    assert model.startswith("Enucleation when technically feasible") and "Localised insulinoma" in model
    assert FLAGS["ssa_may_worsen_hypoglycaemia"] in model
    assert "Localised insulinoma" in q.explanation_html and len(q.checklist) == 4


def test_task_2_is_not_answered_before_it_is_asked():
    """The catalogue table in section 2 holds back the gastrinoma key test (it names the NIH criterion); no output
    and no glossary link before Task 2 names the NIH criterion; the key test is printed right after the task."""
    cells = read_cells(NOTEBOOK)
    i = _index(asks("Task 2"))
    key_test = syndromes.get("gastrinoma").key_test
    assert "120 pg/mL" in key_test
    for c in cells[:i]:  # the pitfalls list the three criteria (>= 200, >= 120, > 100) without naming NIH's
        assert "NIH" not in output_text(c) and "120 pg/mL" not in output_text(c), source(c)
        if c["cell_type"] == "markdown":
            assert "glossary.md#nih" not in source(c) and "glossary.md#secretin-test" not in source(c)
    table = next(c for c in cells[:i] if "tables.syndrome_table()" in source(c))
    shown = "".join(table["outputs"][0]["data"]["text/markdown"])
    assert shown.count("\n") == len(syndromes.SYNDROMES) + 1  # every syndrome still has its row
    assert "| Gastrinoma (Zollinger-Ellison syndrome) | gastrin | Refractory or multiple peptic ulcers" in shown
    assert "*shown after Task 2, in section 4*" in shown and key_test not in shown
    assert syndromes.get("insulinoma").key_test in shown  # only the gastrinoma key test is held back
    assert source(cells[i + 2]) == 'print(syndromes.get("gastrinoma").key_test)'
    assert key_test in output_text(cells[i + 2])
    assert "glossary.md#nih" in source(cells[i + 1])


def test_self_check_3_comes_before_the_gastric_types_figure_and_table():
    check = _index(asks("Self-check 3"))
    figure = _index(lambda c: "plots.gastric_types()" in source(c))
    table = _index(lambda c: "tables.management_table(" in source(c) and "gastric_type=1" in source(c))
    prose = _index(lambda c: c["cell_type"] == "markdown" and "can be watched or removed endoscopically" in source(c))
    assert check < figure < prose < table


def test_the_finder_comes_after_the_syndrome_questions():
    """The syndrome finder ranks any features and shows every key test: it follows every question it answers."""
    finder = _index(lambda c: "widgets.syndrome_finder()" in source(c))
    for title in ("Self-check 1", "Self-check 2", "Self-check 4", "Task 2"):
        assert _index(asks(title)) < finder, title
    order = [_index(asks(t)) for t in ("Task 1", "Self-check 1", "Self-check 2", "Task 2", "Self-check 3",
                                        "Self-check 4", "Task 3")]
    assert order == sorted(order)


# --- the cells that printed results or drove a widget ----------------------------------------------------------------
def test_match_rankings_the_notebook_shows():
    assert [(s.key, len(h)) for s, h in syndromes.match(["watery_diarrhoea", "hypokalaemia"])] == [
        ("vipoma", 2), ("carcinoid_syndrome", 1), ("gastrinoma", 1), ("somatostatinoma", 1)]
    assert [(s.key, len(h)) for s, h in syndromes.match(["diabetes", "gallstones"])] == [
        ("somatostatinoma", 2), ("glucagonoma", 1)]
    assert [(s.key, len(h)) for s, h in syndromes.match(["flushing", "bronchospasm"])] == [("carcinoid_syndrome", 2)]


def test_syndrome_finder_driven_as_the_old_cell_did():
    finder = widgets.syndrome_finder()
    assert finder.matches == []
    finder.features.value = ("flushing", "bronchospasm")
    assert [s.key for s, _ in finder.matches] == ["carcinoid_syndrome"]
    assert "Carcinoid syndrome" in finder.output.value


def test_gastric_types_1_and_3_at_the_same_size():
    base = dict(site="stomach", differentiation="well", ki67_percent=2, size_cm=0.8, depth="submucosa",
                clinical_nodes="negative", metastasis="none")
    assert recommend(Findings(gastric_type=1, **base)).category == "endoscopic_resection_or_surveillance"
    assert recommend(Findings(gastric_type=3, **base)).category == "gastrectomy_with_lymphadenectomy"
    table = tables.management_table({"1": Findings(gastric_type=1, **base), "3": Findings(gastric_type=3, **base)})
    assert "| 1 | Endoscopic resection or surveillance | Gastric NET type 1" in table.data
    assert "| 3 | Gastrectomy with lymphadenectomy |" in table.data


# --- what the trainee sees ----------------------------------------------------------------------------------------------
def _stored_texts():
    for c in read_cells(NOTEBOOK):
        for o in c.get("outputs", []):
            if o["output_type"] == "stream":
                yield "".join(o["text"])
            for mime in ("text/plain", "text/markdown"):
                if mime in o.get("data", {}):
                    yield "".join(o["data"][mime])


def test_stored_outputs_show_no_key_and_no_feedback():
    texts = list(_stored_texts())
    htmls = [visible_html("".join(o["data"]["text/html"])) for c in read_cells(NOTEBOOK) for o in c.get("outputs", [])
             if "text/html" in o.get("data", {})]
    for text in texts + htmls:
        for word in ("Correct:", "Not quite", "Right.", "Not yet"):
            assert word not in text, (word, text[:200])
        found = {k for k in KEYS if re.search(rf"\b{re.escape(k)}\b", text)}
        assert not found, (found, text[:200])
    assert not any("Gastrinoma (Zollinger-Ellison syndrome) (2 of 2)" in t for t in texts)  # Self-check 2 unspoilt


def test_no_widget_quiz_and_no_driven_widget_left():
    code = "\n".join(source(c) for c in read_cells(NOTEBOOK) if c["cell_type"] == "code")
    for gone in ("widgets.quiz", ".button.click()", ".features.value =", "check_syndrome(", "check_treatment(",
                 "print(check"):
        assert gone not in code, gone


# --- the tables.py helpers of this notebook ------------------------------------------------------------------------
def test_syndrome_table_and_pitfalls_in_words():
    table = tables.syndrome_table().data
    assert table.count("\n") == len(syndromes.SYNDROMES) + 1
    assert "| Insulinoma | insulin |" in table and "_" not in table
    pitfalls = tables.syndrome_pitfalls(["gastrinoma", "insulinoma"]).data
    assert pitfalls.startswith("**Gastrinoma (Zollinger-Ellison syndrome)**") and "- Proton-pump inhibitors" in pitfalls
    with pytest.raises(ValueError, match="key"):
        tables.syndrome_pitfalls(["carcinoid"])


def test_syndrome_matches_name_features_in_the_catalogue_words():
    md = tables.syndrome_matches(["diabetes", "gallstones"]).data
    assert "| diabetes, gallstones | Somatostatinoma (2 of 2); Glucagonoma (1 of 2) |" in md
    md = tables.syndrome_matches(["watery_diarrhoea", "hypokalaemia"]).data
    assert f"| {syndromes.in_words(['watery_diarrhoea', 'hypokalaemia'])} |" in md and "_" not in md
    with pytest.raises(ValueError, match="feature"):
        tables.syndrome_matches(["fever"])
    with pytest.raises(ValueError, match="feature_sets"):
        tables.syndrome_matches()


def test_syndrome_change_line_names_the_new_best_fit():
    line = tables.syndrome_change_line(["diabetes", "gallstones"], ["gallstones"])
    assert line.startswith("Without diabetes, Somatostatinoma fits best (1 of 1 features)")
    line = tables.syndrome_change_line(["flushing"], ["flushing", "bronchospasm"])
    assert line.startswith("With bronchospasm, Carcinoid syndrome fits best (2 of 2")


def test_management_line_leaves_out_assumptions_and_keeps_warnings():
    line = tables.management_line(TYPE1)
    assert line.startswith("Endoscopic resection or surveillance: endoscopic surveillance, for this NET G1")
    assert FLAGS["assumed_non_functioning"] not in line and FLAGS["nodes_not_reported"] not in line
    assert "_" not in line
