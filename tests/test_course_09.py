"""Notebook 09 (hereditary syndromes and molecular pathology) as a course: its questions are built by its own cells
(the import cell and the tagged question cells are executed here), and their keys and feedback are asserted.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from netlib import Findings
from netlib import hereditary as H
from netlib.data import hereditary as D

from .course import (
    assert_three_self_checks_and_tasks,
    output_text,
    read_cells,
    read_questions,
    reader_text,
    right,
    says,
    source,
)

NOTEBOOK = "09_hereditary_syndromes.ipynb"
NOTEBOOKS_DIR = Path(__file__).resolve().parents[1] / "notebooks"
SINGLE_PNET = Findings(site="pancreas", differentiation="well", ki67_percent=2, size_cm=1.4, functioning=False)


@pytest.fixture(scope="module")
def qs() -> dict:
    return read_questions(NOTEBOOK)


def test_three_self_checks_and_three_tasks_tagged_by_kind(qs):
    assert_three_self_checks_and_tasks(NOTEBOOK, qs, ["number", "text", "text"])


def test_task_1_penetrance_by_50(qs):
    q = qs["Task 1"]
    assert q.answer == dict(D.get("men1").penetrance)[50] == 82
    says(q, "82", True, "82 % of MEN1 carriers are affected by 50 years")
    says(q, "50", False, "chance that a first-degree relative inherits")
    says(q, "45", False, "by 30 years")
    says(q, "96", False, "by 70 years")
    says(q, "60", False, "read the MEN1 row")


def test_self_check_1_single_pancreatic_net_is_consider(qs):
    q = qs["Self-check 1"]
    key = H.germline_referral(SINGLE_PNET, age_years=62, multifocal=False, relative_with_men1=False,
                              family_pattern=False)
    assert key.level == "consider" and right(q) == "Consider genetic risk evaluation"
    says(q, "No verified indication", False, "'no family history' does not make a tumour sporadic", "age gates nothing")
    says(q, "Genetic risk evaluation recommended", False, "a recommendation needs a gastrinoma")
    says(q, "Red flags, no listed indication: discuss with clinical genetics", False, "check the items one by one")
    says(q, "Consider genetic risk evaluation", True, "a duodenal or pancreatic NET, at any age")
    # wrong-answer feedback names the misconception and never the key
    for label in ("No verified indication", "Red flags, no listed indication: discuss with clinical genetics"):
        message = q.check(label)[1]
        assert "enough to consider" not in message and "Consider" not in message, label
    # the prompt and the code say the same about the family
    cell = next(c for c in read_cells(NOTEBOOK) if "Self-check 1" in source(c) and c["cell_type"] == "code")
    assert "relative_with_men1=False" in source(cell) and "family_pattern=False" in source(cell)
    md = next(c for c in read_cells(NOTEBOOK) if c["cell_type"] == "markdown" and "**Self-check 1.**" in source(c))
    assert "No relative is known to have\nMEN1" in source(md) or "No relative is known to have MEN1" in source(md)


def test_self_check_2_type_2_gastric_net_is_a_gastrinoma(qs):
    q = qs["Self-check 2"]
    assert right(q) == "Genetic risk evaluation recommended"
    says(q, "No verified indication", False, "not only about the tumour's site")
    says(q, "Consider genetic risk evaluation", False, "the weakest item of the list")
    says(q, "Red flags, no listed indication: discuss with clinical genetics", False, "check the items one by one")
    says(q, "Genetic risk evaluation recommended", True, "every gastrinoma")
    messages = {label: q.check(label)[1] for label in ("No verified indication", "Consider genetic risk evaluation",
                                                        "Red flags, no listed indication: discuss with clinical genetics")}
    assert len(set(messages.values())) == 3  # each distractor its own misconception
    assert not any("recommended" in m or "gastrinoma" in m for m in messages.values())  # the key is not given away
    assert "type 2 gastric NET grows on a gastrinoma" in q.explanation_html
    # the card counts the gastrinoma behind the type 2 gastric NET as the duodenopancreatic MEN1 tumour
    assert "1 of 3 (duodenopancreatic NET: the gastrinoma behind the type 2 gastric NET)" in q.explanation_html


def test_task_2_predict_then_change(qs):
    q = qs["Task 2"]
    verdict, model = q.check("it becomes recommended")
    assert verdict is None and model == q.model_answer
    assert "'Consider genetic risk evaluation' to 'Genetic risk evaluation recommended'" in model
    assert "two of the three main tumours" in model
    after = H.germline_referral(SINGLE_PNET, age_years=62, other_tumours=["parathyroid"])
    assert after.level == "recommended" and "suspected_men1" in after.indications


def test_task_2_change_cell_shows_the_unchanged_case():
    cells = read_cells(NOTEBOOK)
    cell = next(c for c in cells if c["cell_type"] == "code" and "# change:" in source(c))
    assert cell["metadata"]["tags"] == ["task"] and 'other_tumours=["parathyroid"]' in source(cell)
    stored = output_text(cell)
    assert "Consider genetic risk evaluation" in stored and "Genetic risk evaluation recommended" not in stored


def test_self_check_3_stains_favour_nec_but_prove_nothing(qs):
    q = qs["Self-check 3"]
    assert right(q) == "favours NEC"
    says(q, "proves NEC, whatever the morphology", False, "no stain proves a NEC", "12.7 %", "10.6 %")
    says(q, "favours NET G3", False, "DAXX/ATRX loss is what favours NET G3")
    says(q, "normal pattern: fits a NET, does not exclude a NEC", False, "not normal")
    says(q, "favours NEC", True, "Aberrant p53 and lost Rb: the pattern favours NEC", "Morphology still decides")


def test_task_3_report_comment(qs):
    q = qs["Task 3"]
    verdict, model = q.check("favours NEC but morphology says NET G3")
    assert verdict is None
    assert model == H.stain_report_line(p53="aberrant", rb="retained", differentiation="well")
    assert "favours NEC" in model and "reads as NET G3" in model and "morphology decides" in model
    assert "review the morphology and consider further sampling" in model


def test_task_3_is_not_answered_before_it_is_asked():
    """The worked example before Task 3 is a different case (poorly differentiated, normal stains), so it does not
    show Task 3's answer."""
    cells = read_cells(NOTEBOOK)
    task = next(i for i, c in enumerate(cells) if "Task 3" in source(c) and c["cell_type"] == "code")
    before = "\n".join(source(c) + output_text(c) for c in cells[:task] if c["cell_type"] == "code")
    assert 'p53_rb_aid(p53="normal", rb="retained", differentiation="poor")' in before
    assert 'differentiation="well"' not in before.split("Self-check 3")[-1]
    assert "further sampling" not in before


def test_folded_tasks_state_their_case_in_the_markdown_above():
    cells = read_cells(NOTEBOOK)
    for i, c in enumerate(cells):
        if c["cell_type"] == "code" and "checklist=" in source(c):
            above = source(cells[i - 1])
            assert cells[i - 1]["cell_type"] == "markdown"
            if "Task 2" in source(c):
                assert "62-year-old" in above and "hyperparathyroidism" in above
            if "Task 3" in source(c):
                for fact in ("well differentiated", "p53 is aberrant", "Rb is", "retained"):
                    assert fact in above, fact


def test_prose_reads_as_words_not_code():
    cells = read_cells(NOTEBOOK)
    prose = "\n".join(source(c) for c in cells if c["cell_type"] == "markdown")
    for machine in ("netlib.data.hereditary", "H.germline_referral", "`Findings`", "fact sheet part 2"):
        assert machine not in prose, machine
    # "What's next" names only notebooks that exist, and no longer calls them planned
    assert "planned" not in prose and "08" in prose and "Notebook **10**" in prose
    assert all((NOTEBOOKS_DIR / name).exists() for name in ("10_imaging_and_biomarkers.ipynb",
                                                              "11_biopsy_and_unknown_primary.ipynb",
                                                              "12_advanced_disease_and_complications.ipynb"))


def test_stored_outputs_show_the_catalogue_without_answers():
    cells = read_cells(NOTEBOOK)
    text = "\n".join(reader_text(c) for c in cells if c["cell_type"] == "code")
    assert "82 % by 50 years" in text  # the table Task 1 reads
    assert text.count("not stated in the course's sources") == 0 and "**Note.** Where a row gives no gene" in text
    assert "small cell NEC (SCNEC)" in text and "not reported" in text
    assert "Verified indications** (NCCN, as summarised in 2022)" in text
    figure = next(c for c in cells if "plots.hereditary_sites()" in source(c))
    assert figure["outputs"][0]["metadata"]["image/png"]["alt"].startswith("Grid of 5 inherited syndromes")
