"""Widgets driven from pytest: set values, click, read the card and the feedback (no browser)."""
from html import unescape

import pytest

from netlib.counting import fields
from netlib.teaching import widgets
from netlib.teaching.widgets import grade_calculator


def test_hotspot_counter_widget():
    field = fields.synthetic_field()
    hc = widgets.hotspot_counter(field)
    hc.squares.value = ("A1",)
    hc.positive.value, hc.total.value = "0", "10"
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
    assert "43 fields = 10 mm²" in conv.text
    conv.field_number.value = "20"
    assert "51 fields = 10 mm²" in conv.text
    conv.field_number.value = 20  # a number assigned from Python code is written into the box as text
    assert conv.field_number.value == "20" and "51 fields = 10 mm²" in conv.text


def test_thoracic_classifier_10_vs_11():
    c = widgets.thoracic_classifier(mitoses=10, necrosis="absent", size=2.0)
    assert c.result.label == "atypical carcinoid"
    c.mitoses.value = "11"
    assert c.result.label == "undetermined" and "beyond_atypical_range" in c.result.flags
    assert "above the atypical carcinoid" in c.card.value  # the flag as a sentence on the card
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


def test_grade_calculator_regrades_on_change():
    calc = grade_calculator(ki67=2.9, mitoses=0)
    assert calc.result.label == "NET G1"
    calc.ki67.value = "3,0"
    assert calc.result.label == "NET G2" and "NET G2" in calc.card.value
    calc.differentiation.value = "(not reported)"
    calc.ki67.value = "25"
    assert calc.result.label == "undetermined" and "morphology_required" in calc.result.flags
    calc.site.value = "lung"
    assert "thoracic" in calc.card.value


def test_staging_widget_2cm_pancreas():
    s = widgets.staging_widget(site="pancreas", size=1.9)
    assert s.result.t == "T1"
    s.controls["size"].value = "2,0"
    assert s.result.t == "T2" and "pancreas_t1_boundary" in s.result.flags
    s.controls["nodes"].value = "-1"
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


# --- typed numbers: read as meant, or refused visibly; the card never silently shows an old result -------------
def _not_updated(panel, card):
    """The panel reports the problem and the card says it is not updated (the old card kept, dimmed)."""
    return panel.result is None and panel.error and "Not updated:" in card.value and "netlib-stale" in card.value


def test_grade_calculator_reads_a_decimal_comma():
    calc = grade_calculator(ki67=3.0, mitoses=0)
    calc.ki67.value = "2,9"
    assert calc.result.label == "NET G1" and calc.findings().ki67_percent == 2.9
    assert "Ki-67 2.9 %" in calc.card.value and "29 %" not in calc.card.value
    calc.ki67.value = "3,0"
    assert calc.result.label == "NET G2" and calc.error is None and calc.ki67.message.value == ""


@pytest.mark.parametrize("text, words", [
    ("-5", "outside the allowed range"), ("100,1", "outside the allowed range"), ("1e9", "exponent"),
    ("abc", "not a number"), ("", "empty"), ("   ", "empty"), ("1,000.5", "more than one"), ("2.9%", "unit"),
])
def test_grade_calculator_refuses_bad_ki67_visibly(text, words):
    calc = grade_calculator(ki67=2.9, mitoses=0)
    calc.ki67.value = text
    assert _not_updated(calc, calc.card)
    notice = unescape(calc.card.value.split("netlib-stale")[0])
    for where in (calc.error, unescape(calc.ki67.message.value), notice):
        assert "Ki-67" in where and words in where and "a number >= 0 and <= 100 (%)" in where
    assert "ki67" not in calc.error and "ki67" not in notice and "last valid input" in notice
    assert calc.ki67.message.layout.display is None  # shown
    assert "NET G1" in calc.card.value.split("netlib-stale")[1]  # the old card, kept below the notice
    calc.ki67.value = "3"
    assert calc.result.label == "NET G2" and calc.error is None and "Not updated" not in calc.card.value
    assert calc.ki67.message.value == "" and calc.ki67.message.layout.display == "none"


def test_mitoses_box_and_two_bad_fields_at_once():
    calc = grade_calculator(ki67=2.0, mitoses=1)
    calc.mitoses.value = "2,5"
    assert calc.result.label == "NET G2" and calc.findings().mitoses_per_2mm2 == 2.5
    calc.mitoses.value = "-1"
    calc.ki67.value = "x"
    assert _not_updated(calc, calc.card) and "Mitoses" in calc.error and "Ki-67" in calc.error
    assert "Mitoses" in calc.mitoses.message.value and "Ki-67" in calc.ki67.message.value
    with pytest.raises(ValueError, match="Ki-67"):
        calc.findings()


def test_a_dropdown_change_while_a_box_is_bad_does_not_update_the_card():
    calc = grade_calculator(ki67=2.0, mitoses=0, editions=True)
    calc.ki67.value = "abc"
    calc.criteria.value = "who2010_digestive"
    assert _not_updated(calc, calc.card) and "WHO 2019/2022" in calc.card.value  # still the last valid card, dimmed


def test_thoracic_size_and_mitoses_typed():
    c = widgets.thoracic_classifier(mitoses=1, necrosis="absent", size=2.0)
    c.size.value = "2,5"
    assert c.findings().size_cm == 2.5 and c.error is None
    c.size.value = "-1"
    assert _not_updated(c, c.card) and "Size" in c.error and "(cm)" in c.error


def test_whole_number_boxes_refuse_a_decimal():
    conv = widgets.mitoses_converter()
    conv.count.value = "4.5"
    assert conv.text == "" and "whole number" in conv.error and "Mitoses counted" in conv.count.message.value
    assert "Not updated" in conv.output.value
    conv.count.value = "4"
    assert "4 mitoses in 43 fields" in conv.text and conv.error is None
    conv.fields.value = "0"
    assert "Fields counted" in conv.error and "from 1 to 1000" in conv.error
    s = widgets.staging_widget(site="pancreas", size=1.9)
    s.controls["nodes"].value = "4,5"
    assert _not_updated(s, s.card) and "Positive nodes" in s.error and "whole number" in s.error
    s.controls["nodes"].value = "3"
    assert s.result.n == "N1"


def test_hotspot_counter_refuses_a_count_it_cannot_read():
    field = fields.synthetic_field()
    hc = widgets.hotspot_counter(field)
    hc.squares.value = field.hotspot_squares
    pos, tot = field.counts(field.hotspot_squares)
    hc.positive.value, hc.total.value = f"{pos}.0", str(tot)
    assert hc.check() is None and hc.last is None and "whole number" in hc.error
    assert "Cannot check yet" in hc.feedback.value and "Positive (brown) cells" in hc.positive.message.value
    hc.positive.value = f" {pos} "
    assert hc.check().correct and hc.error is None and hc.positive.message.value == ""


def test_treatment_explorer_typed_ki67():
    t = widgets.treatment_explorer()
    t.controls["ki67"].value = "abc"
    assert _not_updated(t, t.card) and "Ki-67" in t.error
    t.controls["ki67"].value = "5,0"
    assert t.result.category == "somatostatin_analogue"


# --- the misgrade explorer's slider reaches the cut-off exactly --------------------------------------------
def test_misgrade_slider_stops_exactly_at_2_9_3_0_3_1():
    ex = widgets.misgrade_explorer()
    values = [v for _label, v in ex.true_index.options]
    for target in (2.9, 3.0, 3.1):
        assert target in values  # 2.9, not 2.9000000000000004
        ex.true_index.value = target
        assert ex.typed.value == str(target) and ex.typed.read() == target
        assert f"from a true {target} %" in ex.output.value
    assert values[0] == 0.5 and values[-1] == 30.0 and len(values) == 296
    assert [round(b - a, 10) for a, b in zip(values, values[1:])] == [0.1] * 295
    assert ex.true_index.layout.width == "100%" and ex.true_index.layout.min_width == "500px"


def test_misgrade_typed_value_moves_the_slider_and_is_used_exactly():
    ex = widgets.misgrade_explorer(true_index=2.5, cells=500)
    ex.typed.value = "3,0"
    assert ex.true_index.value == 3.0 and "from a true 3.0 %" in ex.output.value
    g2_at_3 = ex.probabilities["NET G2"]
    ex.typed.value = "2,95"
    assert ex.true_index.value == 3.0 and ex.typed.value == "2,95"  # the slider shows the nearest stop
    assert "from a true 2.95 %" in ex.output.value and ex.probabilities["NET G2"] < g2_at_3
    ex.typed.value = "31"
    assert ex.probabilities == {} and "True Ki-67" in ex.error and "<= 30 (%)" in ex.error
    assert "Not updated" in ex.output.value and ex.true_index.value == 3.0
    ex.true_index.value = 2.8  # moving the slider fixes the box
    assert ex.typed.value == "2.8" and ex.error is None and ex.probabilities


# --- every panel: no number box a browser can misread, and a live status line ----------------------------
def _all_widgets(w):
    yield w
    for child in getattr(w, "children", ()):
        yield from _all_widgets(child)


def _panels():
    field = fields.synthetic_field()
    return [widgets.grade_calculator(editions=True), widgets.thoracic_classifier(), widgets.mitoses_converter(),
            widgets.misgrade_explorer(), widgets.hotspot_counter(field), widgets.staging_widget(),
            widgets.treatment_explorer(), widgets.marker_panel(), widgets.syndrome_finder()]


def test_no_panel_uses_a_browser_number_box():
    import ipywidgets as W

    banned = (W.FloatText, W.BoundedFloatText, W.IntText, W.BoundedIntText, W.FloatSlider)
    for panel in _panels():
        kinds = [type(w).__name__ for w in _all_widgets(panel.box)]
        assert not [k for k in kinds if k in {b.__name__ for b in banned}], kinds
        for w in _all_widgets(panel.box):
            if isinstance(w, widgets.NumberField):
                assert w.continuous_update and w.message in w.row.children and w.row in _all_widgets(panel.box)


def test_every_panel_says_it_is_live():
    for panel in _panels():
        first = panel.box.children[0]
        assert first is panel.status and "netlib-status" in first._dom_classes
        assert "Live" in first.value and "run this cell again" in first.value


def test_treatment_explorer_reads_node_status_and_depth():
    ex = widgets.treatment_explorer(site="pancreas", ki67=2.0, size=1.5, metastasis="none")
    assert ex.result.category == "multidisciplinary_review" and ex.result.branches  # node status asked for
    ex.controls["nodes"].value = "negative"
    assert ex.result.category == "surveillance"
    ex.controls["nodes"].value = "positive"
    assert ex.result.category == "oncologic_resection_with_lymphadenectomy"
    ex.controls["site"].value = "rectum"
    ex.controls["size"].value = "0.8"
    ex.controls["nodes"].value = "negative"
    ex.controls["depth"].value = "submucosa"
    assert ex.result.category == "endoscopic_resection"
    ex.controls["depth"].value = "muscularis_propria"
    assert ex.result.category == "oncologic_resection_with_lymphadenectomy"


def test_every_panel_says_in_words_that_it_needs_a_kernel():
    """Where no kernel draws the widgets (stored output, the site) the text is a sentence, not a widget dump."""
    for panel in _panels():
        bundle = panel._repr_mimebundle_()
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        text = data["text/plain"]
        assert text.startswith("Interactive: ") and "kernel" in text and "VBox" not in text, text
        assert "application/vnd.jupyter.widget-view+json" in data
