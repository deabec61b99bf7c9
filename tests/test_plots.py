"""Figures: each is drawn from netlib's data, labelled, and checks its arguments."""
import matplotlib

matplotlib.use("Agg")


import matplotlib.pyplot as plt
import numpy as np
import pytest

from netlib import (
    markers,
)
from netlib.counting import fields, ki67
from netlib.data import (
    epidemiology,
    )
from netlib.data.trials import TRIALS
from netlib.teaching import plots
from netlib.treatment import RULES


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
    field = fields.synthetic_field(seed=3)
    ax = _labelled(plots.ki67_field(field, show_hotspot=True))
    assert len(ax.patches) == 1
    cohort = ki67.simulate_cohort(n_cases=300, seed=2)
    ax = _labelled(plots.cohort_shift(cohort))
    assert "moves" in ax.get_title()
    _labelled(plots.thoracic_criteria())


def test_pathway_is_drawn_from_the_rules():
    fig = plots.treatment_pathway()
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    for r in RULES:
        assert r.title in texts and r.category.replace("_", " ") in texts
    assert texts.count(RULES[0].title) == 1 and str(len(RULES)) in fig._suptitle.get_text()
    assert {plots.pathway_group(r) for r in RULES} == set(plots.PATHWAY_GROUPS)
    assert all(g in texts for g in plots.PATHWAY_GROUPS)


def test_forest_and_survival_plots():
    ax = plots.trial_forest().axes[0]
    xs = sorted(ax.collections[0].get_offsets()[:, 0].tolist())
    assert xs == sorted(t.hazard_ratio for t in TRIALS.values() if t.hazard_ratio is not None)
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
    ax = plots.survival_by_stage().axes[0]
    assert [round(p.get_height()) for p in ax.patches] == [83, 67, 28]


def test_site_distribution_says_it_covers_six_sites_of_one_cohort():
    fig = plots.site_distribution()
    ax = fig.axes[0]
    assert "six" in ax.get_title().lower() and "six" in ax.get_xlabel()
    assert "all NETs" not in ax.get_title() + ax.get_xlabel()
    note = " ".join(t.get_text() for t in fig.texts)
    assert "73,782" in note and "six sites only" in note


def test_marker_plot_says_tissue_stain():
    ax = plots.marker_sensitivity().axes[0]
    assert "tissue" in ax.get_xlabel() and "tissue stain" in ax.get_title()
