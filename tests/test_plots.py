"""Figures: each is drawn from netlib's data, labelled, described (alt text and a sourced caption), and checks its
arguments; ``plots.show`` renders at >= 150 dpi with the alt text as the plain-text output."""
import base64
import inspect
import io
import re

import matplotlib

matplotlib.use("Agg")


import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

from netlib import markers
from netlib.counting import fields, ki67
from netlib.data import epidemiology
from netlib.data.cases import load_cases
from netlib.data.references import REFERENCES
from netlib.data.syndromes import GASTRIC_TYPES
from netlib.data.trials import HAZARD_RATIOS, TRIALS
from netlib.teaching import plots
from netlib.treatment import RULES


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


#: Every public plot function with arguments that draw it (the notebooks' calls).
FIGURES = {
    "marker_sensitivity": lambda: plots.marker_sensitivity(),
    "site_distribution": lambda: plots.site_distribution(),
    "incidence_trends": lambda: plots.incidence_trends(),
    "grade_map": lambda: plots.grade_map(resolution=61),
    "edition_comparison": lambda: plots.edition_comparison(),
    "misgrade_curves": lambda: plots.misgrade_curves(points=40),
    "ki67_field": lambda: plots.ki67_field(fields.synthetic_field(seed=3), show_hotspot=True),
    "mitotic_counting": lambda: plots.mitotic_counting(points=20),
    "cohort_shift": lambda: plots.cohort_shift(ki67.simulate_cohort(n_cases=300, seed=2)),
    "thoracic_criteria": lambda: plots.thoracic_criteria(),
    "survival_by_stage": lambda: plots.survival_by_stage(),
    "treatment_pathway": lambda: plots.treatment_pathway(),
    "trial_forest": lambda: plots.trial_forest(),
    "gastric_types": lambda: plots.gastric_types(),
    "case_map": lambda: plots.case_map(),
}
NOT_FIGURES = {"show", "alt_text", "caption", "pathway_group"}


def _texts(fig) -> list[str]:
    out = [t.get_text() for t in fig.texts]
    if fig._suptitle is not None:
        out.append(fig._suptitle.get_text())
    for ax in fig.axes:
        out += [t.get_text() for t in ax.texts]
        out += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
        out += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
        legend = ax.get_legend()
        if legend is not None:
            out += [t.get_text() for t in legend.get_texts()]
    return out


def _labelled(fig):
    ax = fig.axes[0]
    assert ax.get_xlabel() and ax.get_ylabel() and (ax.get_title() or fig._suptitle is not None)
    return ax


def test_every_public_plot_function_is_covered_here():
    public = {n for n in plots.__all__ if inspect.isfunction(getattr(plots, n))}
    assert public - NOT_FIGURES == set(FIGURES)


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_every_figure_has_alt_text_and_a_sourced_caption(name):
    fig = FIGURES[name]()
    alt, cap = plots.alt_text(fig), plots.caption(fig)
    assert len(alt) > 60 and not alt.lower().startswith(("a chart", "chart", "figure")), alt
    assert "Source" in cap, cap
    assert "\n" not in alt + cap


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_visible_text_uses_proper_unit_symbols(name):
    fig = FIGURES[name]()
    for text in _texts(fig) + [plots.alt_text(fig), plots.caption(fig)]:
        assert "mm2" not in text and "->" not in text and "<=" not in text and ">=" not in text, text


def _capture(monkeypatch):
    shown = []
    import IPython.display

    monkeypatch.setattr(IPython.display, "display", lambda *a, **k: shown.append((a, k)))
    return shown


def test_show_renders_png_at_150_dpi_with_alt_text_then_the_caption(monkeypatch):
    shown = _capture(monkeypatch)
    fig = plots.survival_by_stage()
    assert plots.show(fig) is None
    assert not plt.fignum_exists(fig.number)  # closed: the inline backend will not draw it again
    (image, image_kw), (cap, cap_kw) = shown
    data = image[0]
    assert set(data) == {"image/png", "text/plain"} and image_kw["raw"] is True
    assert data["text/plain"] == "Figure: " + plots.alt_text(fig)
    assert image_kw["metadata"] == {"image/png": {"alt": plots.alt_text(fig)}}
    png = Image.open(io.BytesIO(base64.b64decode(data["image/png"])))
    assert round(png.info["dpi"][0]) >= 150 and png.width >= 5 * 150  # a 6-inch figure, trimmed at most a little
    assert len(data["image/png"]) < 60_000  # palette PNG: small enough for notebooks with several figures
    assert cap[0]["text/plain"] == plots.caption(fig) and "Sonbol" in cap[0]["text/markdown"]
    assert "text/html" not in data and "text/html" not in cap[0]  # nbval compares HTML strictly


def test_show_refuses_undescribed_figures_and_low_dpi(monkeypatch):
    _capture(monkeypatch)
    bare, _ax = plt.subplots()
    with pytest.raises(ValueError, match="fig"):
        plots.show(bare)
    with pytest.raises(TypeError, match="fig"):
        plots.show("not a figure")
    with pytest.raises(ValueError, match="dpi"):
        plots.show(plots.survival_by_stage(), dpi=72)
    plots.show(bare, alt="An empty set of axes, shown to test the API.", caption="Source: none (a test).")
    with pytest.raises(TypeError, match="fig"):
        plots.alt_text(None)


def test_marker_sensitivity_bars_are_the_data():
    fig = plots.marker_sensitivity()
    ax = _labelled(fig)
    heights = sorted(round(p.get_height(), 1) for p in ax.patches)
    expected = sorted(v for d in markers.MARKER_SENSITIVITY.values() for v in d.values())
    assert heights == expected
    assert any(p.get_hatch() for p in ax.patches)  # NECs differ by hatch, not colour alone
    assert "tissue" in ax.get_xlabel() and "tissue stain" in ax.get_title()


def test_site_distribution_and_incidence():
    ax = _labelled(plots.site_distribution())
    widths = [round(p.get_width(), 1) for p in ax.patches]
    assert sorted(widths) == sorted(s.percent for s in epidemiology.SITE_DISTRIBUTION)
    assert [p.get_y() for p in ax.patches] == sorted((p.get_y() for p in ax.patches), reverse=True)
    assert widths == sorted(widths, reverse=True)  # largest first, top to bottom
    ax = _labelled(plots.incidence_trends())
    ys = {tuple(line.get_ydata()) for line in ax.lines}
    assert (1.09, 6.98) in ys and (0.27, 1.0) in ys


def test_site_distribution_says_it_covers_six_sites_of_one_cohort():
    fig = plots.site_distribution()
    ax = fig.axes[0]
    assert "six" in ax.get_title().lower() and "six" in ax.get_xlabel()
    assert "all NETs" not in ax.get_title() + ax.get_xlabel()
    cap = plots.caption(fig)
    assert "73,782" in cap and "six sites only" in cap and "Man" in cap
    pancreas = [p for p in ax.patches if p.get_hatch()]
    assert len(pancreas) == 1 and round(pancreas[0].get_width(), 1) == 10.8


def test_grade_map_uses_grade_array_and_names_its_regions():
    fig = plots.grade_map(resolution=61)
    ax = _labelled(fig)
    mesh = ax.collections[0]
    assert set(np.unique(mesh.get_array())) == {1, 2, 3}
    assert {"NET G1", "NET G2", "NET G3"} <= set(_texts(fig))
    ax = _labelled(plots.grade_map("who2010_digestive", resolution=61))
    assert 0 in set(np.unique(ax.collections[0].get_array()))  # the 2-3 % gap
    assert "no grade (gap)" in [t.get_text() for t in ax.texts]


def test_edition_comparison_shows_gap():
    fig = plots.edition_comparison()
    ax = fig.axes[0]
    assert ax.get_xlabel() == "Ki-67 index (%)" and "gap" in fig._suptitle.get_text()
    assert min(p.get_x() for p in ax.patches if p.get_width() > 0) == 0 and all(p.get_width() > 0 for p in ax.patches)
    assert any(p.get_hatch() == "//" for p in ax.patches)


def test_misgrade_curves_zoom_on_each_cut_off():
    fig = plots.misgrade_curves(points=40)
    assert len(fig.axes) == 2  # the 3 % and the 20 % cut-off
    for ax, cut in zip(fig.axes, (3, 20)):
        lo, hi = ax.get_xlim()
        assert lo < cut < hi
        assert len(ax.lines) >= 3
        assert ax.get_ylim()[1] > 1.15 * max(max(line.get_ydata()) for line in ax.lines[:3])  # headroom
        areas = [np.trapezoid(line.get_ydata(), line.get_xdata()) for line in ax.lines[:3]]
        assert areas[0] > areas[1] > areas[2]  # 500 cells worse than 1000, worse than 2000
    single = plots.misgrade_curves(true_range=(5, 15), points=10)
    assert len(single.axes) == 1


def test_mitotic_curves():
    ax = _labelled(plots.mitotic_counting(points=20))
    two, ten = ax.lines[0].get_ydata(), ax.lines[1].get_ydata()
    assert np.mean(ten) < np.mean(two)


def test_field_and_cohort_plots():
    field = fields.synthetic_field(seed=3)
    hidden = plots.ki67_field(field)
    assert "square" not in plots.alt_text(hidden)  # the exercise stays open: no location, no counts
    assert not re.search(r"\b\d+ (brown|blue)", plots.alt_text(hidden))
    fig = plots.ki67_field(field, show_hotspot=True)
    ax = _labelled(fig)
    assert len(ax.patches) == 1 and "centred in square" in plots.alt_text(fig)
    cohort = ki67.simulate_cohort(n_cases=300, seed=2)
    ax = _labelled(plots.cohort_shift(cohort))
    assert "moves" in ax.get_title()
    assert {p.get_hatch() for p in ax.patches} >= {"//", ".."}


def test_thoracic_criteria_labels_sit_inside_their_bands():
    fig = plots.thoracic_criteria()
    ax = _labelled(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    bars = [p.get_window_extent(renderer) for p in ax.patches]
    labels = [t.get_window_extent(renderer) for t in ax.texts]
    assert len(labels) == 5
    for lab in labels:  # each label lies wholly inside one bar, and labels never overlap each other
        assert any(b.x0 <= lab.x0 and lab.x1 <= b.x1 and b.y0 <= lab.y0 and lab.y1 <= b.y1 for b in bars)
    for i, a in enumerate(labels):
        assert not any(a.overlaps(b) for b in labels[i + 1:])
    tick_words = [t.get_text() for t in ax.get_yticklabels()]
    assert tick_words == ["present", "absent"] or set(tick_words) == {"present", "absent"}


def test_pathway_is_a_tree_drawn_from_the_rules():
    fig = plots.treatment_pathway()
    texts = " ".join(t.get_text().replace("\n", " ") for t in fig.axes[0].texts)
    rows = plots._pathway_rows(RULES)
    placed = [r for row in rows for r in row["rules"]]
    assert sorted(r.key for r in placed) == sorted(r.key for r in RULES)  # every rule in exactly one leaf
    for r in RULES:
        assert plots._category_words(r.category) in texts
    assert "_" not in texts  # words, not keys
    assert {row["branch"] for row in rows} == set(plots.PATHWAY_GROUPS)
    assert all(row["branch"] == plots.pathway_group(r) for row in rows for r in row["rules"])
    assert plots.pathway_group(next(r for r in RULES if r.key == "nec_advanced")) == "The pathology decides first"
    w, h = fig.get_size_inches()
    assert 900 <= w * plots.MIN_DPI <= 1200
    sizes = [t.get_fontsize() for ax in fig.axes for t in ax.texts]
    assert min(sizes) >= 8


def test_forest_shows_cis_endpoints_comparators_and_non_significant_results():
    fig = plots.trial_forest()
    ax = fig.axes[0]
    assert ax.get_xscale() == "log"
    assert ax.get_xlabel() == "Hazard ratio (log scale); < 1 favours the experimental arm"
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == len(HAZARD_RATIOS)
    for lab, h in zip(labels, HAZARD_RATIOS):
        assert f"· {h.endpoint}" in lab and f"vs {TRIALS[h.trial].control}" in lab
    assert any(not h.significant for h in HAZARD_RATIOS)  # not only the positive results
    title = fig._suptitle.get_text()
    assert not any(ch.isdigit() for ch in title)  # no count that could go stale
    assert any(abs(line.get_xdata()[0] - 1.0) < 1e-9 and line.get_xdata()[0] == line.get_xdata()[-1]
               for line in ax.lines)  # the line of no effect
    cap = plots.caption(fig)
    assert "E2211" in cap and "without a bar" in cap  # the CI that was not found is named


def test_hazard_ratios_match_the_trials_and_their_sources():
    for h in HAZARD_RATIOS:
        t = TRIALS[h.trial]
        assert h.endpoint in ("PFS", "TTP", "OS")
        if h.primary:
            assert h.hazard_ratio == t.hazard_ratio
        if h.ci95 is not None:
            lo, hi = h.ci95
            assert lo < h.hazard_ratio < hi
            assert h.significant == (hi < 1 or lo > 1)
        assert h.ci_read_in and all(k in REFERENCES for k in h.sources)
    netter1_os = next(h for h in HAZARD_RATIOS if h.trial == "netter1" and h.endpoint == "OS")
    assert (netter1_os.hazard_ratio, netter1_os.ci95, netter1_os.significant) == (0.84, (0.60, 1.17), False)


def test_forest_filters_by_trial():
    ax = plots.trial_forest(["netter1"]).axes[0]
    assert len(ax.get_yticklabels()) == 2
    with pytest.raises(ValueError, match="keys"):
        plots.trial_forest(["luna"])  # no hazard ratio


def test_survival_plot():
    ax = plots.survival_by_stage().axes[0]
    assert [round(p.get_height()) for p in ax.patches] == [83, 67, 28]


def test_gastric_types_come_from_the_data():
    fig = plots.gastric_types()
    texts = " ".join(t.replace("\n", " ").replace("\u00a0", " ") for t in _texts(fig))
    for g in GASTRIC_TYPES.values():
        assert f"Type {g.type}" in texts and g.share in texts
        assert g.background.split()[0] in texts
    # the bars span exactly the stored shares (a single figure gets a narrow bar centred on it)
    bars = sorted(((p.get_y(), p.get_x(), p.get_x() + p.get_width()) for p in fig.axes[-1].patches), reverse=True)
    for g, (_, left, right) in zip(sorted(GASTRIC_TYPES.values(), key=lambda g: g.type), bars):
        low, high = g.share_percent
        assert (left, right) == pytest.approx((low, high) if high > low else (low - 0.4, low + 0.4)), g.type
    cap = plots.caption(fig)
    assert all(plots._cite(k) in cap for g in GASTRIC_TYPES.values() for k in g.sources)
    assert not any(k in cap for g in GASTRIC_TYPES.values() for k in g.sources)  # cited in words, not by key


def test_case_map_shows_case_labels_not_answers():
    from netlib.data.cases import WORKSHOP_SETS, get_case

    fig = plots.case_map()
    ax = _labelled(fig)
    words = " ".join(_texts(fig)) + plots.alt_text(fig)
    for answer in ("NET G1", "NET G2", "NET G3", "NEC", "stage", "carcinoid", "resection"):
        assert answer not in words
    case_texts = [t.get_text() for t in ax.texts if re.fullmatch(r"[A-D]\d(, [A-D]\d)*", t.get_text())]
    shown = [lab for text in case_texts for lab in text.split(", ")]
    expected = {f"{name}{i}" for name, keys in WORKSHOP_SETS.items() for i, k in enumerate(keys, 1)
                if get_case(k).findings.site not in ("lung", "thymus")}
    assert sorted(shown) == sorted(expected)  # each digestive case once, by its notebook label
    lung = [f"{name}{i}" for name, keys in WORKSHOP_SETS.items() for i, k in enumerate(keys, 1)
            if get_case(k).findings.site in ("lung", "thymus")]
    assert lung and all(lab in plots.caption(fig) for lab in lung)
    one_set = plots.case_map("B")
    assert "B3" in " ".join(t.get_text() for t in one_set.axes[0].texts)
    numbered = plots.case_map(load_cases())
    assert "1" in {lab for t in numbered.axes[0].texts for lab in t.get_text().split(", ")}
    with pytest.raises(TypeError, match="cases"):
        plots.case_map([1, 2])
    with pytest.raises(ValueError, match="cases"):
        plots.case_map([c for c in load_cases() if c.findings.site == "lung"])
    with pytest.raises(ValueError, match="cases"):
        plots.case_map("E")
