"""Notebook 12 (advanced disease and complications) as a course: its questions are built by its own cells (the import
cell and the tagged question cells are executed here), and their keys and feedback are asserted.
"""
from __future__ import annotations

import base64
import json
import re

import pytest

from netlib import advanced as A
from netlib.data import advanced as D

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

NOTEBOOK = "12_advanced_disease_and_complications.ipynb"


@pytest.fixture(scope="module")
def qs() -> dict:
    return read_questions(NOTEBOOK)


def test_three_self_checks_and_three_tasks_tagged_by_kind(qs):
    assert_three_self_checks_and_tasks(NOTEBOOK, qs, ["text", "number", "text"])


def test_self_check_1_liver_involvement_puts_her_outside(qs):
    q = qs["Self-check 1"]
    assert right(q) == "Outside the Milan criteria"
    says(q, "Outside the Milan criteria", True, "liver involvement not met")
    within = says(q, "Within the Milan criteria (2007 and later wording)", False, "every criterion must hold")
    later = says(q, "Within the later wording only; the 2007 wording is not met or does not settle it", False,
                 "changed only the grade and the months of stability")
    for message in (within, later):
        assert "Outside" not in message and "outside" not in message and "50 %" not in message
    assert "not settled" in q.explanation_html  # the card shows the 2007 wording does not settle G2
    md = next(c for c in read_cells(NOTEBOOK) if c["cell_type"] == "markdown" and "**Self-check 1.**" in source(c))
    for fact in ("48-year-old", "G2 (Ki-67 6 %)", "8 months", "60 % of the liver"):
        assert fact in source(md), fact


def test_task_1_predict_then_change(qs):
    q = qs["Task 1"]
    verdict, model = q.check("it becomes within the later wording")
    assert verdict is None and model == q.model_answer
    assert "'Outside the Milan criteria' to 'Within the later wording only" in model
    assert "Now met: liver involvement" in model and "Newly short of the 2007 wording: stable disease" in model
    # the card after the change names the later wording's grade and stability, not a template placeholder
    assert "the later wording (G1-G2 or Ki-67 below 10 %; at least 3-6 months of stability) admits the case" in (
        q.explanation_html)


def _strings(o):
    if isinstance(o, str):
        yield o
    elif isinstance(o, dict):
        for v in o.values():
            yield from _strings(v)
    elif isinstance(o, list):
        for v in o:
            yield from _strings(v)


def test_no_template_placeholder_reaches_a_stored_output():
    """No '{' in what a reader sees, in the Markdown, or in any question's stored payload (feedback, model answers,
    explanation cards revealed after an answer)."""
    payloads = 0
    for c in read_cells(NOTEBOOK):
        if c["cell_type"] == "markdown":
            assert "{" not in source(c), source(c)[:80]
            continue
        assert "{" not in reader_text(c), reader_text(c)[:200]
        for out in c.get("outputs", []):
            html = "".join(out.get("data", {}).get("text/html", ""))
            for m in re.finditer(r'data-netlib="([^"]+)"', html):
                payloads += 1
                for text in _strings(json.loads(base64.b64decode(m.group(1)))):
                    assert "{" not in text, text[:200]
    assert payloads == 6  # three self-checks, three tasks


def test_task_1_change_cell_shows_the_unchanged_case():
    cell = next(c for c in read_cells(NOTEBOOK) if c["cell_type"] == "code" and "# change:" in source(c))
    assert cell["metadata"]["tags"] == ["task"]
    stored = output_text(cell)
    assert "Outside the Milan criteria" in stored and "Within the later wording only" not in stored


def test_task_2_missed_per_100_in_2023(qs):
    q = qs["Task 2"]
    assert q.answer == A.missed_per_100("2023") == 100 - D.CHD_COHORTS["2023"].sensitivity == 54
    says(q, "54", True, "54 of 100")
    says(q, "8", False, "2008 cohort")
    says(q, "46", False, "sensitivity")
    says(q, "21", False, "specificity")
    says(q, "30", False, "100 minus the sensitivity")
    # the cohort had 15 patients with heart disease: the task asks per 100 at its sensitivity, not 'of 100 in it'
    assert q.prompt.startswith("Per 100 patients with carcinoid heart disease, at the sensitivity found in the 2023 "
                               "cohort")
    assert "in the 2023 cohort, of 100" not in q.prompt.lower()


def test_task_2_is_not_answered_before_it_is_asked():
    cells = read_cells(NOTEBOOK)
    task = next(i for i, c in enumerate(cells) if c["cell_type"] == "code" and '"Task 2"' in source(c))
    before = "\n".join(reader_text(c) for c in cells[:task] if c["cell_type"] == "code")
    before += "\n".join(source(c) for c in cells[:task] if c["cell_type"] == "markdown")
    assert "46 %" in before  # the sensitivity the task reads
    assert not re.search(r"\b54\b", before)  # the answer appears nowhere before the task


def test_self_check_2_low_nt_probnp_does_not_rule_out(qs):
    q = qs["Self-check 2"]
    assert right(q) == A.CHD_ANSWERS["echo_decides"]
    says(q, A.CHD_ANSWERS["ruled_out"], False, "does not carry its sensitivity everywhere")
    says(q, A.CHD_ANSWERS["confirmed"], False, "screening test")
    says(q, A.CHD_ANSWERS["echo_decides"], True, "46 %")
    assert "does not rule carcinoid heart disease out in every cohort" in q.explanation_html


def test_self_check_3_crisis_without_liver_metastases(qs):
    q = qs["Self-check 3"]
    assert right(q) == A.CRISIS_WORDS["lower_not_absent"]
    says(q, A.CRISIS_WORDS["no_risk"], False, "occurred without liver metastases or the syndrome")
    says(q, A.CRISIS_WORDS["octreotide_prevents"], False, "0.73", "not significant")
    says(q, A.CRISIS_WORDS["raised"], False, "check whether this patient has them")
    md = next(c for c in read_cells(NOTEBOOK) if c["cell_type"] == "markdown" and "**Self-check 3.**" in source(c))
    assert "without liver metastases and without carcinoid syndrome" in source(md)


def test_task_3_follow_up_plan(qs):
    q = qs["Task 3"]
    verdict, model = q.check("yearly imaging for ten years")
    assert verdict is None and model.startswith("Closer follow-up")
    for fact in ("Ki-67 above 5 %", "yearly for 3 years", "at least 10 years", "name the one you follow"):
        assert fact in model, fact
    # each part under the source that says it
    commnets, esmo = model.index("CommNETs/NANETS 2018:"), model.index("ESMO 2020 (secondary summary):")
    assert commnets < model.index("yearly for 3 years") < esmo < model.index("after 5 years widen")
    assert "naming the source of each part" in q.prompt
    above = read_cells(NOTEBOOK)[next(i for i, c in enumerate(read_cells(NOTEBOOK))
                                      if c["cell_type"] == "code" and '"Task 3"' in source(c)) - 1]
    for fact in ("2.5 cm", "G2, Ki-67 8 %", "R0", "none\nof 14 lymph nodes"):
        assert fact in source(above), fact


def test_later_line_rules_are_shown_with_recommend():
    cells = read_cells(NOTEBOOK)
    cards = [output_text(c) for c in cells if c["cell_type"] == "code" and "recommend(" in source(c)]
    assert any("Not offered: 177Lu-PRRT re-treatment" in t and "18 months" in t for t in cards)  # 12 months
    # the prose tells the trainee to change 12 to 24: then re-treatment is offered
    from netlib import Findings, recommend

    after_prrt = dict(site="jejunum_ileum", differentiation="well", ki67_percent=5, metastasis="liver_only",
                      liver_metastases_resectable=False, sstr_positive=True, krenning_score=3,
                      prior_therapies=("somatostatin_analogue", "prrt"), progression=True)
    names = [o.name for o in recommend(Findings(**after_prrt, pfs_after_prrt_months=24)).options]
    assert "177Lu-PRRT re-treatment (salvage PRRT)" in names
    assert "pfs_after_prrt_months=12" in "".join(source(c) for c in cells)
    assert any("Advanced neuroendocrine carcinoma after platinum-etoposide" in t for t in cards)


def test_prose_reads_as_words_not_code():
    prose = "\n".join(source(c) for c in read_cells(NOTEBOOK) if c["cell_type"] == "markdown")
    for machine in ("netlib.", "A.transplant", "`Findings`", "fact sheet", "pfs_after_prrt_months"):
        assert machine not in prose, machine
    for unverified in ("60 years", "88.8", "µg"):
        assert unverified not in prose, unverified
    for build_log in ("Left out as unverified", "not retrieved", "could not be verified", "not verified",
                      "for this course"):
        assert build_log not in prose, build_log
    for expanded in ("Oregon Health & Science University", "selective internal radiation therapy", "gigabecquerel",
                     "phase 2 trial of\nsecond-line treatment", "folinic acid", "long-acting release"):
        assert expanded in prose + "\n".join(reader_text(c) for c in read_cells(NOTEBOOK)), expanded


def test_abbreviations_are_expanded_before_their_first_use():
    cells = read_cells(NOTEBOOK)
    seen = ""
    for c in cells:
        text = source(c) if c["cell_type"] == "markdown" else reader_text(c)
        for abbr, words in (("OHSU", "Oregon Health & Science University"), ("SIRT", "selective internal radiation"),
                            ("GBq", "gigabecquerel"), ("FOLFIRI", "folinic acid"), ("FOLFOX", "folinic acid"),
                            ("LAR", "long-acting release"), ("NET-02", "phase 2 trial")):
            if re.search(rf"\b{re.escape(abbr)}\b", text) and words not in seen:
                assert words in text, (abbr, text[:120])
        seen += text


def test_code_comment_explains_the_findings_field():
    cell = next(c for c in read_cells(NOTEBOOK) if c["cell_type"] == "code" and "pfs_after_prrt_months=12" in source(c))
    assert "# pfs_after_prrt_months: months without progression after the first course of PRRT" in source(cell)


def test_chromogranin_a_is_reconciled_with_notebook_10():
    prose = "\n".join(source(c) for c in read_cells(NOTEBOOK) if c["cell_type"] == "markdown")
    assert "0.91" in prose and "not a diagnostic test for a NET" in prose and "notebook 10" in prose


def test_ectopic_acth_shares_add_up_as_reported():
    cells = read_cells(NOTEBOOK)
    total = f"{round(sum(v for _n, v in D.EAS_SOURCES), 1):g} %"
    assert total == "105.8 %"
    fig = [c for c in cells if "figures.eas_sources" in source(c)][0]
    assert f"add up to {total}" in fig["outputs"][0]["metadata"]["image/png"]["alt"]
    assert f"add up to {total}" in reader_text(fig) and "does not say why" in reader_text(fig)
    prose = "\n".join(source(c) for c in cells if c["cell_type"] == "markdown")
    assert f"add up to {total}" in prose and "does not say why" in prose


def test_stored_outputs_show_tables_and_figures():
    cells = read_cells(NOTEBOOK)
    text = "\n".join(reader_text(c) for c in cells if c["cell_type"] == "code")
    assert "G1-G2 or Ki-67 below 10 %" in text and "at most 50 % of the liver involved" in text
    assert "not in the course's sources: not taught" in text
    figs = [c for c in cells if "figures." in source(c)]
    assert len(figs) == 2
    assert figs[0]["outputs"][0]["metadata"]["image/png"]["alt"].startswith("Two panels.")


def test_follow_up_worked_example_says_why_not_the_neighbour():
    cells = read_cells(NOTEBOOK)
    i = next(i for i, c in enumerate(cells) if c["cell_type"] == "code" and "A.follow_up_plan(" in source(c))
    card = reader_text(cells[i])
    assert "No follow-up needed" in card and "Not &#x27;may need no follow-up&#x27; or standard follow-up" in card
    assert "why\nthe neighbouring answer does not apply" in source(cells[i - 1])
    prose = "\n".join(source(c) for c in cells if c["cell_type"] == "markdown")
    assert "never read for small-intestinal, colonic or ampullary NETs, nor for a type 3" in prose
