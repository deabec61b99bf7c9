"""Notebook 01 (what is a NEN): its self-checks and tasks ask with netlib's keys and feedback, the marker panel
widget responds as the notebook says, its helpers say things in words, and its stored outputs ask without
answering.

The checks that notebook cells used to perform (printing a wrong and a right reading of a panel, setting the
marker widget from code, answering the site and incidence quizzes from code) live here now, with the same cases,
the same keys and the same feedback.
"""
import re

from netlib import Findings
from netlib.data.epidemiology import INCIDENCE, SITE_DISTRIBUTION
from netlib.grading import FLAGS
from netlib.teaching import questions as Q
from netlib.teaching import tables, widgets
from netlib.teaching.exercises import INCIDENCE_CHOICES, check_commonest_site, check_incidence_fit

from .course import ROOT, cell_tags, read_cells, reader_text, shows_question, source

NOTEBOOK = "01_what_is_a_nen.ipynb"

#: Self-check 1: keratin and neurofilament both positive, a combination none of the worked panels shows
MEDIASTINAL = dict(synaptophysin="positive", insm1="positive", keratin="positive", neurofilament="positive")
#: the worked "paraganglioma" panel shown before the self-check
PARAGANGLIOMA = dict(synaptophysin="positive", chromogranin_a="positive", keratin="negative",
                     neurofilament="negative")
BIOPSY = dict(synaptophysin="positive", chromogranin_a="positive", keratin="positive")
PROMPTS = {
    "Self-check 1": "A mediastinal tumour: synaptophysin positive, INSM1 positive, keratin positive, neurofilament "
                    "positive. Is there neuroendocrine (NE) differentiation, and what is the lineage?",
    "Self-check 2": "Among six primary sites of NETs in one SEER cohort (1973-2014), which was the commonest?",
    "Self-check 3": "Which SEER population does 0.3-0.8 new cases per 100,000 per year describe?",
    "Task 1": "Read off the chart: in 2000, the first year of both SEER series, how many new NETs per 100,000 people "
              "per year did SEER record for NETs as a whole? Your reading counts if it is within 0.5 of the published "
              "value.",
    "Task 2": "Write one sentence for the biopsy report: what do the stains show?",
}


def test_marker_panel_widget_reads_a_keratin_negative_panel():
    """The notebook invites the trainee to set keratin to negative; the old cell did it from code."""
    panel = widgets.marker_panel(synaptophysin="positive", keratin="positive")
    assert (panel.result.ne_differentiation, panel.result.lineage) == ("yes", "epithelial")
    panel.controls["keratin"].value = "negative"
    assert (panel.result.ne_differentiation, panel.result.lineage) == ("yes", "non-epithelial")
    panel.controls["neurofilament"].value = "positive"
    assert panel.result.lineage == "non-epithelial"  # neurofilament does not decide


def test_self_check_1_reads_the_mediastinal_panel():
    """Keratin and neurofilament both positive: the "cytokeratin vs neurofilament" reading is caught by the
    neurofilament feedback; keratin decides (epithelial)."""
    q = Q.marker_panel_question("Self-check 1", MEDIASTINAL, PROMPTS["Self-check 1"])
    assert q.check("NE differentiation: yes; lineage: non-epithelial") == (
        False, "neurofilament does not decide the lineage (paragangliomas stain inconsistently); keratin does: "
               "epithelial.")
    right, message = q.check("NE differentiation: yes; lineage: epithelial")
    assert right is True and message.startswith("General NE marker(s) positive: synaptophysin, INSM1")
    assert "Keratin positive: an epithelial NEN" in message and "Neurofilament positive: not used" in message
    assert q.check("NE differentiation: no; lineage: epithelial")[0] is False
    assert sum(o.correct for o in q.options) == 1 and len(q.options) == 5
    assert "epithelial" in q.explanation_html  # the panel's card comes after the answer
    assert shows_question(NOTEBOOK, q, "self-check")


def test_self_check_1_is_not_a_row_of_the_worked_panels():
    """No output before the self-check shows its panel: the worked panels differ in keratin or neurofilament."""
    cells = read_cells(NOTEBOOK)
    i = next(i for i, c in enumerate(cells) if '"Self-check 1"' in source(c))
    shown = "\n".join(reader_text(c) for c in cells[:i])
    assert tables.stains_words(PARAGANGLIOMA) in shown  # the worked paraganglioma panel is still there
    assert tables.stains_words(MEDIASTINAL) not in shown
    assert not re.search(r"keratin positive, neurofilament positive", shown)


def test_self_check_2_commonest_site_same_feedback_as_before():
    q = Q.choice_question("Self-check 2", PROMPTS["Self-check 2"], Q.commonest_site_choices(),
                          check_commonest_site)
    assert q.check("pancreas") == (
        False, "the source summary lists the pancreas first, but among six sites in one SEER cohort it is number 5 "
               "(10.8 %); another site is commoner.")
    assert q.check("lung/bronchus") == (True, "lung/bronchus (30.6 % of the NETs at six sites in one SEER cohort).")
    assert q.check("small intestine")[0] is False
    assert shows_question(NOTEBOOK, q, "self-check")


def test_self_check_3_incidence_same_feedback_as_before():
    q = Q.choice_question("Self-check 3", PROMPTS["Self-check 3"], INCIDENCE_CHOICES, check_incidence_fit)
    assert q.check("all NETs") == (
        False, "NETs as a whole are about ten times more common (8.19 per 100,000 in 2018); 0.3-0.8 is the scale of "
               "pancreatic NETs.")
    assert q.check("pancreatic NETs") == (
        True, "SEER pancreatic NETs rose from 0.27 to 1 per 100,000 (2000-2016); all NETs were 8.19 per 100,000 in "
              "2018.")
    assert shows_question(NOTEBOOK, q, "self-check")


def test_task_1_reading_the_incidence_chart():
    key = Q.incidence_reading_key(year=2000, tolerance=0.5)
    assert (key.value, key.tolerance, key.unit) == (4.9, 0.5, "per 100,000 per year")
    assert any((y, v) == (2000, 4.9) for s in INCIDENCE if s.label.startswith("all NETs") for y, v in s.points)
    t = Q.number_task("Task 1", PROMPTS["Task 1"], key)
    assert "within 0.5" in t.prompt  # the tolerance is stated
    for good in ("4.9", "4,5", "5.4", "5"):
        assert t.check(good)[0] is True, good
    right, message = t.check("0.27")
    assert right is False and message.startswith("that is the pancreatic NET line")
    assert t.check("0.6")[1].startswith("that is inside the 0.3-0.8 band")
    assert t.check("8.2")[1] == "that is the 2018 point; the question asks for 2000."
    assert t.check("7")[1] == "that is the 2012 point; the question asks for 2000."
    assert t.check("3")[0] is False and t.check("3")[1].startswith("find the 2000 point")
    assert t.check("4.3")[0] is False and t.check("5.5")[0] is False  # just outside the stated tolerance
    assert t.check("lots")[0] is None
    assert "pancreatic NETs were 0.27 that year" in key.correct
    assert shows_question(NOTEBOOK, t, "task")


def test_incidence_key_refuses_a_year_without_a_published_point():
    import pytest

    with pytest.raises(ValueError, match="year"):
        Q.incidence_reading_key(year=1999)


def test_task_2_model_answer_is_built_from_the_panel():
    line = tables.panel_report_line(BIOPSY)
    assert line == ("Synaptophysin positive, chromogranin A positive, keratin positive: neuroendocrine "
                    "differentiation (read together with the morphology); keratin positive, so an epithelial NEN "
                    "(morphology tells a NET from a NEC; the grade then needs Ki-67 and the mitotic count).")
    assert "non-epithelial" in tables.panel_report_line(PARAGANGLIOMA)
    assert "so an epithelial NEN" in tables.panel_report_line(MEDIASTINAL)  # neurofilament does not decide
    assert "not yet established" in tables.panel_report_line(dict(chromogranin_a="negative"))
    t = Q.free_text("Task 2", PROMPTS["Task 2"], line, ["each stain and its result"])
    assert t.check("an epithelial neuroendocrine neoplasm")[1] == line
    plain = [c for c in read_cells(NOTEBOOK) if "task" in cell_tags(c)
             and "".join(c["outputs"][0]["data"]["text/plain"]).startswith("Task 2: " + PROMPTS["Task 2"])]
    assert plain and "tables.panel_report_line(biopsy)" in source(plain[0])


def test_helpers_speak_in_words():
    table = tables.grades_side_by_side({
        "Tumour A": Findings(site="pancreas", differentiation="well", ki67_percent=35, mitoses_per_2mm2=12),
        "Tumour B": Findings(site="pancreas", differentiation="poor", ki67_percent=35, mitoses_per_2mm2=12)}).data
    assert "| Tumour A | well differentiated | 35 % | 12 | NET G3 |" in table
    assert "| Tumour B | poorly differentiated | 35 % | 12 | NEC |" in table
    panels = tables.marker_panels({"paraganglioma": PARAGANGLIOMA, "work-up": dict(chromogranin_a="negative")}).data
    assert "| paraganglioma | synaptophysin positive, chromogranin A positive, keratin negative, neurofilament " \
           "negative | yes | non-epithelial |" in panels
    assert "| work-up | chromogranin A negative | uncertain | uncertain |" in panels
    assert "chromogranin_a" not in panels
    choices = Q.commonest_site_choices()
    assert list(choices) == sorted(s.site for s in SITE_DISTRIBUTION)
    assert choices[0] != max(SITE_DISTRIBUTION, key=lambda s: s.percent).site  # the order gives nothing away


def test_stored_outputs_ask_without_answering():
    cells = [c for c in read_cells(NOTEBOOK) if c["cell_type"] == "code"]
    tagged = [c for c in cells if c.get("metadata", {}).get("tags")]
    assert sum("self-check" in c["metadata"]["tags"] for c in tagged) == 3
    assert sum("task" in c["metadata"]["tags"] for c in tagged) >= 2
    for c in cells:
        seen = reader_text(c)
        for feedback in ("Correct", "Not quite", "Right.", "Not yet"):
            assert feedback not in seen, (feedback, source(c))
        for code in FLAGS:
            assert not re.search(rf"\b{code}\b", seen), (code, source(c))
        assert "chromogranin_a" not in seen and "neurofilament_unreliable" not in seen
    src = "\n".join(source(c) for c in cells)
    assert ".click()" not in src and "quiz" not in src and ".value =" not in src


def test_every_glossary_link_has_an_anchor():
    md = "\n".join(source(c) for c in read_cells(NOTEBOOK) if c["cell_type"] == "markdown")
    anchors = re.findall(r"\]\(glossary\.md#([^)]+)\)", md)
    assert {"nen", "net", "nec", "seer", "ppi", "ajcc", "insm1"} <= set(anchors)
    glossary = ROOT / "notebooks" / "glossary.md"
    defined = set(re.findall(r'<a id="([^"]+)"', glossary.read_text(encoding="utf-8")))
    assert set(anchors) <= defined, sorted(set(anchors) - defined)
