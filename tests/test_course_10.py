"""Notebook 10 (imaging and biomarkers) as a course: its questions are built by its own cells (the import cell and the
tagged question cells are executed here), and their keys and feedback are asserted.
"""
from __future__ import annotations

import pytest

from netlib import biomarkers as B

from .course import assert_three_self_checks_and_tasks, read_cells, read_questions, reader_text, right, says, source

NOTEBOOK = "10_imaging_and_biomarkers.ipynb"


@pytest.fixture(scope="module")
def qs() -> dict:
    return read_questions(NOTEBOOK)


def test_three_self_checks_and_three_tasks_tagged_by_kind(qs):
    assert_three_self_checks_and_tasks(NOTEBOOK, qs, ["number", "number", "text"])


def test_task_1_krenning_score_from_the_image(qs):
    q = qs["Task 1"]
    assert q.answer == B.krenning_score("above", "below").score == 3 and q.tolerance == 0
    says(q, "3", True, "Krenning score 3")
    says(q, "2", False, "up to that of the normal liver")
    says(q, "4", False, "above the normal spleen")
    says(q, "7", False, "whole number from 0 to 4")


def test_self_check_1_krenning_2_below_the_liver_meets_neither_reading(qs):
    q = qs["Self-check 1"]
    assert B.krenning_score("below").score == 2 and right(q) == B.UPTAKE_WORDS["does_not_qualify"]
    says(q, B.UPTAKE_WORDS["disputed"], False, "a score of 2 does not make it disputed",
         "only uptake equal to the liver meets the lenient reading", "uptake below the liver meets neither")
    says(q, B.UPTAKE_WORDS["qualifies"], False, "even the lenient reading asks for uptake at least equal to the liver")
    says(q, B.UPTAKE_WORDS["does_not_qualify"], True, "part only at uptake equal to the liver")
    for label in (B.UPTAKE_WORDS["disputed"], B.UPTAKE_WORDS["qualifies"]):
        assert "a little below it included" not in q.check(label)[1]
    assert "Krenning score 2" in q.explanation_html and "uptake below the liver" in q.explanation_html
    prose = source(read_cells(NOTEBOOK)[10])
    assert "fainter than the normal" in prose.replace("\n", " ")


def test_task_2_glucose_in_mmol_per_litre(qs):
    q = qs["Task 2"]
    assert q.answer == pytest.approx(47 / 18.016, abs=0.01) and q.tolerance == 0.1 and q.unit == "mmol/L"
    says(q, "2.6", True, "mmol/L")
    says(q, "2,6", True)
    says(q, "846", False, "multiplied")
    says(q, "4.7", False, "divided by 10")


def test_self_check_2_fast_in_mmol_per_litre_meets_the_criteria(qs):
    q = qs["Self-check 2"]
    assert right(q) == B.FAST_WORDS["met"]
    prose = " ".join(source(c).replace("\n", " ") for c in read_cells(NOTEBOOK) if c["cell_type"] == "markdown")
    assert "four, all needed together with symptoms: glucose, insulin, C-peptide and proinsulin" in prose
    assert "support insulin mediation" in prose and "glucagon test were not done" in prose
    assert "not among the criteria" in q.explanation_html
    says(q, B.FAST_WORDS["no_hypoglycaemia"], False, "same unit", "about 18")
    says(q, B.FAST_WORDS["incomplete"], False, "every measurement the criteria need is reported")
    says(q, B.FAST_WORDS["not_hyperinsulinaemic"], False, "in the same unit", "C-peptide ≥ 0.6 ng/mL (0.2 nmol/L)")
    says(q, B.FAST_WORDS["met"], True, "insulin antibodies")


def test_task_3_fast_report_line(qs):
    q = qs["Task 3"]
    verdict, model = q.check("hyperinsulinism criteria met, screen needed")
    assert verdict is None and model == q.model_answer
    assert model == B.fast_report_line(glucose=49, glucose_unit="mg/dL", symptoms=True, insulin_uu_ml=7,
                                       c_peptide_nmol_l=0.3, proinsulin_pmol_l=9)
    assert "Endocrine Society 2009" in model and "49 mg/dL" in model and "criteria for endogenous hyperinsulinism met" \
        in model and "insulin antibodies" in model


def test_self_check_3_high_gastrin_without_acid(qs):
    q = qs["Self-check 3"]
    assert right(q) == B.GASTRIN_WORDS["acid_not_shown"]
    says(q, B.GASTRIN_WORDS["established"], False, "together with acid")
    says(q, B.GASTRIN_WORDS["confounded_by_ppi"], False, "no proton-pump inhibitor")
    says(q, B.GASTRIN_WORDS["needs_provocative_test"], False, "what the pH and the medication already say")
    says(q, B.GASTRIN_WORDS["acid_not_shown"], True, "acid")
    for label in (B.GASTRIN_WORDS["established"], B.GASTRIN_WORDS["needs_provocative_test"]):
        assert "atrophic" not in q.check(label)[1]


def test_folded_task_states_its_case_in_the_markdown_above():
    cells = read_cells(NOTEBOOK)
    for i, c in enumerate(cells):
        if c["cell_type"] == "code" and "checklist=" in source(c):
            above = source(cells[i - 1])
            assert cells[i - 1]["cell_type"] == "markdown"
            for fact in ("49 mg/dL", "insulin 7 µU/mL", "C-peptide 0.3 nmol/L", "proinsulin 9 pmol/L"):
                assert fact in above.replace("\n", " "), fact
            assert c["metadata"]["jupyter"]["source_hidden"] and "hide-input" in c["metadata"]["tags"]


def test_worked_examples_do_not_answer_the_checks_before_they_are_asked():
    cells = read_cells(NOTEBOOK)
    first = {t: next(i for i, c in enumerate(cells) if c["cell_type"] == "code" and f'"{t}"' in source(c))
             for t in ("Self-check 2", "Self-check 3", "Task 3")}
    before = "\n".join(source(c) for c in cells[:first["Self-check 3"]] if c["cell_type"] == "code")
    assert "zes_biochemistry(" not in before
    before = "\n".join(source(c) for c in cells[:first["Self-check 2"]] if c["cell_type"] == "code")
    assert "supervised_fast(" not in before
    before_task = "\n".join(source(c) for c in cells[:first["Task 3"]] if c["cell_type"] == "code")
    assert "glucose=49" not in before_task


def test_recommend_shows_the_disputed_score_and_the_agreed_one():
    cells = read_cells(NOTEBOOK)
    calls = [c for c in cells if c["cell_type"] == "code" and source(c).startswith("recommend(")]
    assert ["krenning_score=2" in source(c) for c in calls] == [True, False]
    assert "krenning_score=4" in source(calls[1])
    shown = [reader_text(c) for c in calls]
    assert "uptake clearly below the liver meets neither reading" in shown[0]
    assert "uptake clearly below the liver meets neither reading" not in shown[1]
    assert all("Peptide receptor radionuclide therapy" in t for t in shown)


def test_prose_reads_as_words_not_code():
    cells = read_cells(NOTEBOOK)
    prose = "\n".join(source(c) for c in cells if c["cell_type"] == "markdown")
    for machine in ("netlib.", "B.prrt", "`Findings`", "fact sheet", "krenning_score", "_"):
        assert machine not in prose.replace("glossary.md#", ""), machine
    for build_log in ("not retrieved", "could not be verified", "for this course", "always do"):
        assert build_log not in prose, build_log
    assert " ".join(prose.split()).count("not quoted in the sources this course uses") == 1
    assert "Read an image." not in prose and "described image" in prose
    assert "not a clinical decision tool" in prose and "Notebook **11**" in prose


def test_stored_outputs_show_the_disagreement_and_the_figures():
    cells = read_cells(NOTEBOOK)
    text = "\n".join(reader_text(c) for c in cells if c["cell_type"] == "code")
    assert text.count("**disagree**") == 1 and "only uptake equal to the liver meets the lenient reading" in text
    assert "Three things to avoid" in text and "item(s)" not in text
    assert "four criteria together (glucose, insulin, C-peptide and proinsulin)" in text
    assert "AJCC Version 9 advises against serum chromogranin A" in text
    assert "< 55 mg/dL (3.0 mmol/L)" in text and "≤ 45 mg/dL (2.5 mmol/L)" in text
    figures = [c for c in cells if "imaging_figures." in source(c)]
    assert len(figures) == 2
    for f in figures:
        assert f["outputs"][0]["metadata"]["image/png"]["alt"]
