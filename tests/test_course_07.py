"""Notebook 07 (treatment logic) as a course: the checks its cells used to perform in front of the trainee (a wrong
category printed, then the right one; the quiz widget clicked; the treatment explorer driven from code; results
printed with their keys) live here.

The questions are built by the notebook's own cells (its import cell and its tagged question cells are executed
here), so a change to a case in the notebook is tested too; keys and feedback are asserted as the old cells showed
them. The helpers of tables.py that the notebook uses are tested at the end.
"""
from __future__ import annotations

import re
from functools import partial

import pytest

from netlib import Findings, recommend
from netlib.data.trials import TRIALS
from netlib.teaching import questions as Q
from netlib.teaching import tables, widgets
from netlib.teaching.exercises import check_treatment
from netlib.treatment import CATEGORIES, FLAGS, RULES

from .course import asks, assert_tags, cell_index, read_cells, read_questions, right, says, source, visible_html

NOTEBOOK = "07_treatment_logic.ipynb"
_index = partial(cell_index, NOTEBOOK)  # the position of the notebook's first cell that matches
#: Machine words a trainee must not meet in a stored output (category keys, flag codes, rule keys).
KEYS = {k for k in (*CATEGORIES, *FLAGS, *(r.key for r in RULES)) if "_" in k}
PNET = dict(site="pancreas", differentiation="well", ki67_percent=2, metastasis="none", functioning=False,
            symptomatic=False)
SMALL_PNET = Findings(size_cm=1.6, clinical_nodes="negative", **PNET)
WITH_NODES = Findings(size_cm=1.6, clinical_nodes="negative", regional_nodes_positive=2, **PNET)
MIDGUT = Findings(site="jejunum_ileum", differentiation="well", ki67_percent=5, metastasis="liver_only",
                  liver_metastases_resectable=False, sstr_positive=True, prior_therapies=("somatostatin_analogue",),
                  progression=True)
VIGNETTE = Findings(site="pancreas", differentiation="well", ki67_percent=20.0, mitoses_per_2mm2=6, size_cm=3.0,
                    metastasis="liver_only", liver_metastases_resectable=True, sstr_positive=True, functioning=False)


@pytest.fixture(scope="module")
def notebook_questions() -> dict[str, Q.Question]:
    """Title -> Question, built by the notebook's own cells."""
    return read_questions(NOTEBOOK)


# --- what the notebook asks -----------------------------------------------------------------------------------------
def test_four_self_checks_and_two_tasks(notebook_questions):
    assert sorted(notebook_questions) == ["Self-check 1", "Self-check 2", "Self-check 3", "Self-check 4",
                                          "Task 1", "Task 2"]
    assert {notebook_questions[f"Self-check {i}"].kind for i in range(1, 5)} == {"choice"}
    assert notebook_questions["Task 1"].kind == notebook_questions["Task 2"].kind == "text"


def test_cells_are_tagged_by_kind():
    assert_tags(NOTEBOOK)


# --- the self-checks (formerly: a wrong category printed, then the right one; Self-check 4 a quiz widget) -----------
def test_self_check_1_small_pancreatic_net_is_watched(notebook_questions):
    q = notebook_questions["Self-check 1"]
    assert right(q) == "surveillance"
    says(q, "oncological resection with lymphadenectomy", False, "is listed as an alternative",
         "puts surveillance first")
    says(q, "surveillance", True, "Small asymptomatic non-functioning pancreatic NET without aggressive features",
         "ASPEN")
    assert q.check("enucleation")[0] is False


def test_self_check_2_small_ileal_net_is_resected(notebook_questions):
    q = notebook_questions["Self-check 2"]
    sc2 = Findings(site="jejunum_ileum", differentiation="well", ki67_percent=1, size_cm=0.9, metastasis="none")
    assert right(q) == "oncological resection with lymphadenectomy"
    ok, message = q.check("surveillance")
    assert (ok, message) == (False, check_treatment(sc2, "surveillance").message)
    assert message.startswith("watching is reserved for selected small, node-negative tumours")
    assert "'Jejunal or ileal NET'" in message
    says(q, "oncological resection with lymphadenectomy", True, "at least 8 retrieved nodes")


def test_self_check_3_prrt_after_ssa_progression(notebook_questions):
    q = notebook_questions["Self-check 3"]
    assert right(q) == "peptide receptor radionuclide therapy (PRRT)"
    says(q, "chemotherapy", False, "Midgut NET progressing on an SSA")
    says(q, "targeted therapy", False, "listed as an alternative (Everolimus)")
    says(q, "somatostatin analogue", False, "no prior systemic therapy")
    says(q, "peptide receptor radionuclide therapy (PRRT)", True, "NETTER-1")


def test_self_check_4_appendix_with_r1_margin(notebook_questions):
    q = notebook_questions["Self-check 4"]
    assert right(q) == "right hemicolectomy"
    message = says(q, "surveillance", False, "'Appendiceal NET 1-2 cm with risk factors'")
    assert message.startswith("watching is reserved")
    # the R1 margin is an ENETS risk factor: appendectomy alone falls short
    says(q, "appendectomy", False, "'Appendiceal NET 1-2 cm without risk factors'",
         "requires 'no ENETS risk factor reported'")
    says(q, "right hemicolectomy", True, "controversial")
    assert "Guidelines disagree" in q.explanation_html  # the flag sentence on the card, after the answer


# --- the tasks ------------------------------------------------------------------------------------------------------
def test_task_1_two_positive_nodes(notebook_questions):
    q = notebook_questions["Task 1"]
    assert recommend(SMALL_PNET).category == "surveillance"
    assert recommend(WITH_NODES).category == "oncologic_resection_with_lymphadenectomy"
    # the old cell's third case (nodes on pathology, no imaging result) gives the same answer
    assert recommend(Findings(size_cm=1.6, regional_nodes_positive=2, **PNET)).category == recommend(WITH_NODES).category
    verdict, model = q.check("resection because of the nodes")
    assert verdict is None
    assert model.startswith("Oncological resection with lymphadenectomy, by the rule 'Localised pancreatic NET")
    assert "instead of surveillance" in model and "'node-negative (on pathology or imaging)'" in model
    # the tumour is already out: the prompt asks what the rules recommend and whether the operation done suffices,
    # which the model answer (the operation the rule calls for) and the checklist answer
    assert "What do the rules recommend" in q.prompt and "already out" in q.prompt and "suffice" in q.prompt
    assert "Which management now" not in q.prompt
    assert any("resection with its regional lymph nodes" in item for item in q.checklist)
    lead = source(read_cells(NOTEBOOK)[_index(asks("Task 1")) - 1])
    assert "removed after all" in lead and "what the rules recommend" in lead


def test_self_checks_1_and_3_come_before_the_worked_examples_that_answer_them():
    """The localised table (1.6 cm: surveillance) answers Self-check 1 and the midgut card, the fork table and the
    explorer answer Self-check 3: each self-check is asked first, and the numbering stays in order."""
    table = _index(lambda c: c["cell_type"] == "code" and '"1.6 cm, node-negative"' in source(c))
    midgut = _index(lambda c: source(c).startswith("midgut = recommend("))
    fork = _index(lambda c: "tables.branch_table(fork)" in source(c))
    explorer = _index(lambda c: "widgets.treatment_explorer()" in source(c))
    assert _index(asks("Self-check 1")) < _index(asks("Self-check 2")) < table
    assert table < _index(asks("Task 1")) < _index(asks("Self-check 3")) < midgut < fork < explorer
    assert explorer < _index(asks("Self-check 4")) < _index(asks("Task 2"))
    lead = source(read_cells(NOTEBOOK)[table - 1])
    assert read_cells(NOTEBOOK)[table - 1]["cell_type"] == "markdown" and "1.6 cm" in lead and "2.0 cm" in lead


def test_task_1_change_cell_shows_the_unchanged_case():
    cell = next(c for c in read_cells(NOTEBOOK)
                if c["cell_type"] == "code" and source(c).startswith("# add regional_nodes"))
    assert "regional_nodes_positive" not in source(cell).split("\n", 1)[1]  # the trainee adds it
    assert cell.get("metadata", {}).get("tags") == ["task"]
    html = "".join(next(o for o in cell["outputs"] if "text/html" in o.get("data", {}))["data"]["text/html"])
    assert "Surveillance" in html


def test_task_2_vignette_report_line(notebook_questions):
    q = notebook_questions["Task 2"]
    r = recommend(VIGNETTE)
    assert r.category == "liver_metastasis_resection" and "no_randomised_evidence" in r.flags
    assert r.steps[0] == "Grade: NET G2."
    verdict, model = q.check("resect the liver metastases, they are resectable")
    assert verdict is None
    assert model.startswith("Resection of the liver metastases: resect all visible disease (with the primary), for "
                            "this NET G2, by the rule 'Resectable liver-only metastases'")
    assert "takes precedence over 'SSTR-positive NET G1/G2, first line'" in model
    assert FLAGS["no_randomised_evidence"] in model
    assert "Resectable liver-only metastases" in q.explanation_html


# --- the cells that printed results or drove the explorer -----------------------------------------------------------
def test_localised_pancreatic_examples():
    assert recommend(Findings(size_cm=2.0, clinical_nodes="negative", **PNET)).category == \
        "oncologic_resection_with_lymphadenectomy"
    table = tables.management_table({"1.6": SMALL_PNET}).data
    assert "| 1.6 | Surveillance | Small asymptomatic non-functioning pancreatic NET" in table


def test_midgut_near_misses():
    r = recommend(MIDGUT)
    assert (r.category, r.rule) == ("prrt", "progression_midgut")
    md = tables.near_misses(r).data
    for title, requires in [("Jejunal or ileal NET", "no distant metastases"),
                            ("Resectable liver-only metastases", "liver metastases resectable"),
                            ("SSTR-positive NET G1/G2, first line", "no prior systemic therapy"),
                            ("Pancreatic NET progressing on treatment", "site is pancreas"),
                            ("NET G3 progressing on treatment", "grade is NET G3"),
                            ("Stable disease on an SSA", "no progression")]:
        assert f"- **{title}** (would lead to " in md and f"it requires '{requires}'" in md
    assert md.count("\n") == 5


def test_nec_functioning_and_missing_data_examples():
    nec = recommend(Findings(site="pancreas", differentiation="poor", morphology="small_cell", ki67_percent=80,
                             metastasis="liver_only"))
    assert nec.category == "platinum_etoposide"
    carcinoid = recommend(Findings(site="jejunum_ileum", differentiation="well", ki67_percent=3,
                                   metastasis="liver_only", liver_metastases_resectable=False,
                                   syndrome="carcinoid_syndrome", sstr_positive=True))
    assert carcinoid.category == "syndrome_control"
    assert any("Tumour-directed therapy after syndrome control: rule 'SSTR-positive NET G1/G2, first line'" in s
               for s in carcinoid.steps)
    missing = recommend(Findings(site="jejunum_ileum", differentiation="well", ki67_percent=3,
                                 metastasis="liver_and_extrahepatic"))
    assert missing.category == "multidisciplinary_review"
    assert set(missing.flags) >= {"insufficient_data", "assumed_treatment_naive"}
    assert [(b.value, b.category) for b in missing.branches] == [("SSTR-positive", "somatostatin_analogue"),
                                                                 ("SSTR-negative", "multidisciplinary_review")]


def test_fork_branches():
    fork = recommend(Findings(site="jejunum_ileum", differentiation="well", ki67_percent=5, metastasis="liver_only",
                              sstr_positive=True, prior_therapies=("somatostatin_analogue",), progression=True))
    assert fork.category == "multidisciplinary_review"
    assert [(b.value, b.category, b.rule) for b in fork.branches] == [
        ("resectable", "liver_metastasis_resection", "Resectable liver-only metastases"),
        ("not resectable", "prrt", "Midgut NET progressing on an SSA")]
    md = tables.branch_table(fork).data
    assert md.startswith("| Whether the liver metastases are resectable (missing) | Management | Rule |")
    assert "| not resectable | Peptide receptor radionuclide therapy (PRRT) | Midgut NET progressing on an SSA |" in md
    assert tables.branch_table(recommend(MIDGUT)).data.startswith("Nothing is missing")


def test_treatment_explorer_driven_as_the_old_cell_did():
    explorer = widgets.treatment_explorer()
    assert explorer.result.category == "somatostatin_analogue"  # treatment-naive
    explorer.controls["prior_ssa"].value = True
    explorer.controls["progression"].value = "yes"
    assert explorer.result.category == "prrt"
    assert [o.evidence for o in explorer.result.options] == [("netter1",), ("radiant4",)]


def test_the_notebook_no_longer_drives_widgets_or_prints_feedback():
    code = "\n".join(source(c) for c in read_cells(NOTEBOOK) if c["cell_type"] == "code")
    for gone in ("widgets.quiz", ".button.click()", "explorer.controls", "check_treatment(", "print(",
                 "RULES", ".replace('_'", '.replace("_"'):
        assert gone not in code, gone


# --- what the trainee sees ----------------------------------------------------------------------------------------------
def test_stored_outputs_show_no_key_and_no_feedback():
    texts = []
    for c in read_cells(NOTEBOOK):
        for o in c.get("outputs", []):
            data = o.get("data", {})
            if o["output_type"] == "stream":
                texts.append("".join(o["text"]))
            if "text/markdown" in data:
                texts.append("".join(data["text/markdown"]))
            if "text/html" in data:
                texts.append(visible_html("".join(data["text/html"])))
    assert texts
    for text in texts:
        for word in ("Correct:", "Not quite", "Right.", "Not yet"):
            assert word not in text, (word, text[:200])
        found = {k for k in KEYS if re.search(rf"\b{re.escape(k)}\b", text)}
        assert not found, (found, text[:300])


# --- the tables.py helpers of this notebook ------------------------------------------------------------------------
def test_rule_summary_counts_every_rule_once_and_folds_the_full_list():
    md = tables.rule_summary().data
    summary, _, full = md.partition("<details>")
    counts = [int(row.split(" | ")[1]) for row in summary.strip().splitlines()[2:]]
    assert sum(counts) == len(RULES) and len(counts) == 4
    assert f"<summary>All {len(RULES)} rules with their complete conditions" in full and full.rstrip().endswith(
        "</details>")
    for r in RULES:
        assert f"| {r.title} |" in full, r.title
    assert "TELESTAR" in full and "telestar" not in full.replace("TELESTAR", "")
    assert not {k for k in KEYS if re.search(rf"\b{re.escape(k)}\b", md)}


def test_trial_table_has_every_trial_with_a_hazard_ratio():
    md = tables.trial_table().data
    with_hr = [t for t in TRIALS.values() if t.hazard_ratio is not None]
    assert md.count("\n") == len(with_hr) + 1
    assert "| PROMID | 2009 |" in md and "| 0.34 (0.20 to 0.59) |" in md
    assert "| not reached | 8.4 mo | 0.21 (0.13 to 0.33) |" in md  # NETTER-1
    assert "0.58 (interval not reported)" in md  # E2211: no interval in the source read


def test_change_line_when_nothing_changes_and_rule_title_errors():
    assert tables.change_line(SMALL_PNET, SMALL_PNET).endswith("(no change: the same rule still decides).")
    assert tables.rule_title("progression_midgut") == "Midgut NET progressing on an SSA"
    with pytest.raises(ValueError, match="key"):
        tables.rule_title("no_such_rule")
    with pytest.raises(TypeError, match="cases"):
        tables.management_table({"x": "pancreas"})
