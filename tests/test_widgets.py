"""Widgets driven from pytest: set values, click, read the card and the feedback (no browser)."""

import pytest

from netlib import Findings
from netlib.counting import fields
from netlib.teaching import widgets
from netlib.teaching.exercises import (
    check_commonest_site,
    check_ki67_index,
)
from netlib.teaching.widgets import grade_calculator, grade_quiz


def test_hotspot_counter_widget():
    field = fields.synthetic_field()
    hc = widgets.hotspot_counter(field)
    hc.squares.value = ("A1",)
    hc.positive.value, hc.total.value = 0, 10
    assert not hc.check().correct and "hot spot" in hc.feedback.value
    hc.squares.value = field.hotspot_squares
    hc.positive.value, hc.total.value = field.counts(field.hotspot_squares)
    assert hc.check().correct


def test_misgrade_explorer_and_converter_update():
    ex = widgets.misgrade_explorer(true_index=2.5, cells=500)
    before = ex.probabilities["NET G2"]
    ex.cells.value = 2000
    assert ex.probabilities["NET G2"] < before and "2000 cells" in ex.output.value
    conv = widgets.mitoses_converter()
    assert "43 fields = 10 mm2" in conv.text
    conv.field_number.value = 20
    assert "51 fields = 10 mm2" in conv.text


def test_thoracic_classifier_10_vs_11():
    c = widgets.thoracic_classifier(mitoses=10, necrosis="absent", size=2.0)
    assert c.result.label == "atypical carcinoid"
    c.mitoses.value = 11
    assert c.result.label == "undetermined" and "beyond_atypical_range" in c.card.value
    c.morphology.value = "large_cell"
    assert c.result.label == "LCNEC"


def test_grade_calculator_editions():
    c = widgets.grade_calculator(ki67=2.5, mitoses=0, editions=True)
    assert c.result.label == "NET G1"
    c.criteria.value = "who2010_digestive"
    assert c.result.label == "undetermined"


def test_marker_panel_widget():
    mp = widgets.marker_panel(synaptophysin="positive", keratin="positive")
    assert mp.result.lineage == "epithelial"
    mp.controls["keratin"].value = "negative"
    assert mp.result.lineage == "non-epithelial" and "non-epithelial" in mp.card.value
    with pytest.raises(ValueError, match="marker_panel"):
        widgets.marker_panel(cd56="positive")


def test_generic_quiz_number_and_bad_answer():
    q = widgets.quiz("index?", lambda a: check_ki67_index(45, 900, a))
    q.answer.value = 0.05
    assert not q.check().correct and "percentage" in q.feedback.value
    q.answer.value = 5.0
    assert q.check().correct
    q2 = widgets.quiz("site?", check_commonest_site, ["pancreas", "nonsense"])
    q2.answer.value = "nonsense"
    assert q2.check() is None and "Cannot check" in q2.feedback.value


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


def test_staging_widget_2cm_pancreas():
    s = widgets.staging_widget(site="pancreas", size=1.9)
    assert s.result.t == "T1"
    s.controls["size"].value = 2.0
    assert s.result.t == "T2" and "pancreas_t1_boundary" in s.card.value
    s.controls["nodes"].value = -1
    assert s.result.n == "NX"


def test_syndrome_finder_and_treatment_explorer():
    f = widgets.syndrome_finder()
    assert "Tick" in f.output.value
    f.features.value = ("watery_diarrhoea", "hypokalaemia")
    assert f.matches[0][0].key == "vipoma" and "VIP" in f.output.value
    t = widgets.treatment_explorer()
    assert t.result.category == "somatostatin_analogue"
    t.controls["prior_ssa"].value = True
    t.controls["progression"].value = "yes"
    assert t.result.category == "prrt"
    t.controls["sstr"].value = "(not reported)"
    assert t.result.category == "multidisciplinary_review"


def test_case_workshop_reveals_only_after_commit():
    w = widgets.case_workshop()
    assert w.reveal.value == "" and w.vignette.value
    w.grade.value, w.stage_group.value, w.category.value = "NET G1", "I", "surveillance"
    fb = w.check()
    assert fb.correct and "Treatment logic" in w.reveal.value
    w.case.value = "colon_nec"
    assert w.reveal.value == ""
    w.grade.value = "NET G3"
    assert not w.check().correct
