"""Drive every plot and widget the notebooks use, without a browser."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from netlib import epidemiology, ki67, markers, plots, widgets  # noqa: E402
from netlib.selfcheck import (check_commonest_site, check_fields_needed, check_hotspot_count,  # noqa: E402
                              check_incidence_fit, check_ki67_index, check_marker_panel, check_mitoses_per_2mm2)


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _labelled(fig):
    ax = fig.axes[0]
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
    return ax


def test_marker_sensitivity_bars_are_the_data():
    ax = _labelled(plots.marker_sensitivity())
    heights = sorted(round(p.get_height(), 1) for p in ax.patches)
    expected = sorted(v for d in markers.MARKER_SENSITIVITY.values() for v in d.values())
    assert heights == expected


def test_site_distribution_and_incidence():
    ax = _labelled(plots.site_distribution())
    assert sorted(round(p.get_width(), 1) for p in ax.patches) == sorted(s.percent for s in
                                                                         epidemiology.SITE_DISTRIBUTION)
    ax = _labelled(plots.incidence_trends())
    ys = {tuple(line.get_ydata()) for line in ax.lines}
    assert (1.09, 6.98) in ys and (0.27, 1.0) in ys


def test_grade_map_uses_grade_array():
    ax = _labelled(plots.grade_map(resolution=61))
    mesh = ax.collections[0]
    assert set(np.unique(mesh.get_array())) == {1, 2, 3}
    ax = _labelled(plots.grade_map("who2010_digestive", resolution=61))
    assert 0 in set(np.unique(ax.collections[0].get_array()))  # the 2-3 % gap


def test_edition_comparison_shows_gap():
    ax = plots.edition_comparison().axes[0]
    assert ax.get_xlabel() == "Ki-67 index (%)" and ax.get_title()
    assert any(p.get_hatch() == "//" for p in ax.patches)


def test_misgrade_and_mitotic_curves():
    ax = _labelled(plots.misgrade_curves(points=20))
    assert len(ax.lines) >= 3
    ys = [max(line.get_ydata()) for line in ax.lines[:3]]
    assert ys[0] > ys[2]  # 500 cells worse than 2000 at the worst point
    ax = _labelled(plots.mitotic_counting(points=20))
    two, ten = ax.lines[0].get_ydata(), ax.lines[1].get_ydata()
    assert np.mean(ten) < np.mean(two)


def test_field_and_cohort_plots():
    field = ki67.synthetic_field(seed=3)
    ax = _labelled(plots.ki67_field(field, show_hotspot=True))
    assert len(ax.patches) == 1
    cohort = ki67.simulate_cohort(n_cases=300, seed=2)
    ax = _labelled(plots.cohort_shift(cohort))
    assert "moves" in ax.get_title()
    _labelled(plots.thoracic_criteria())


def test_synthetic_field_is_seeded_and_has_a_hotspot():
    a, b = ki67.synthetic_field(seed=5), ki67.synthetic_field(seed=5)
    assert a == b and a != ki67.synthetic_field(seed=6)
    assert a.index_in(a.hotspot_squares) > a.index_in()
    with pytest.raises(ValueError, match="squares"):
        a.counts(["Z9"])
    with pytest.raises(TypeError, match="squares"):
        a.counts("A1")
    with pytest.raises(ValueError, match="hotspot_index"):
        ki67.synthetic_field(hotspot_index=120)


def test_cohort_is_seeded():
    a, b = ki67.simulate_cohort(100, seed=4), ki67.simulate_cohort(100, seed=4)
    assert np.array_equal(a["counted"], b["counted"])
    with pytest.raises(ValueError, match="high"):
        ki67.simulate_cohort(10, low=5, high=2)


def test_hotspot_counter_widget():
    field = ki67.synthetic_field()
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


@pytest.mark.parametrize("call,correct,phrase", [
    (lambda: check_ki67_index(30, 600, 5.0), True, "5.00 %"),
    (lambda: check_ki67_index(30, 600, 0.05), False, "percentage"),
    (lambda: check_ki67_index(30, 600, 5.26), False, "negative cells"),
    (lambda: check_mitoses_per_2mm2(9, 43, 0.2376, 1.76), True, "per 2 mm2"),
    (lambda: check_mitoses_per_2mm2(9, 43, 0.2376, 9 * 10 / 43), False, "10 high-power fields"),
    (lambda: check_mitoses_per_2mm2(9, 43, 0.2376, 9), False, "raw count"),
    (lambda: check_fields_needed(22, 40, 10, 43), True, "rounded up"),
    (lambda: check_fields_needed(22, 40, 10, 50), False, "0.2 mm2"),
    (lambda: check_fields_needed(22, 40, 10, 42), False, "round up"),
    (lambda: check_commonest_site("pancreas"), False, "source summary"),
    (lambda: check_commonest_site("lung/bronchus"), True, "30.6"),
    (lambda: check_incidence_fit("all NETs"), False, "pancreatic"),
    (lambda: check_incidence_fit("pancreatic NETs"), True, "0.27"),
    (lambda: check_marker_panel({"synaptophysin": "positive", "keratin": "negative", "neurofilament": "negative"},
                                "yes", "epithelial"), False, "neurofilament"),
    (lambda: check_marker_panel({"chromogranin_a": "negative"}, "no", "uncertain"), False, "single negative"),
])
def test_selfcheck_feedback(call, correct, phrase):
    fb = call()
    assert fb.correct is correct and phrase in fb.message


def test_selfcheck_bad_input():
    with pytest.raises(TypeError, match="answer"):
        check_ki67_index(1, 10, "5")
    with pytest.raises(ValueError, match="answer"):
        check_ki67_index(1, 10, float("nan"))
    with pytest.raises(ValueError, match="lineage"):
        check_marker_panel({}, "yes", "neural")
    with pytest.raises(ValueError, match="answer"):
        check_incidence_fit("everyone")
    field = ki67.synthetic_field()
    with pytest.raises(ValueError, match="squares"):
        check_hotspot_count(field, ["Q1"], 0, 0)
