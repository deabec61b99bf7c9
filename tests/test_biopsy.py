"""The biopsy decisions: small thoracic biopsies (carcinoid NOS, the 4 mm² series, crush artefact), tumourlet versus
carcinoid (both sides of 5 mm, and the source disagreement at exactly 5 mm), goblet cell adenocarcinoma grades (both
sides of 50 % and 75 %; NET grading does not apply), grade by sample; the question builders and the figure.
"""
from __future__ import annotations

import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netlib import biopsy as B
from netlib.data import biopsy as D
from netlib.data import site_markers as S
from netlib.data.criteria import WHO_2021_THORACIC
from netlib.errors import InvalidTypeError, InvalidValueError
from netlib.teaching import biopsy_figures, plots
from netlib.teaching import biopsy_questions as BQ
from netlib.teaching import biopsy_tables as BT

CUT_MM = WHO_2021_THORACIC.typical_min_size_cm * 10


# --- small thoracic biopsy -------------------------------------------------------------------------------------------
def test_few_mitoses_on_a_biopsy_is_carcinoid_nos_not_typical():
    r = B.thoracic_biopsy_label(1, False)
    assert r.label == "carcinoid_nos" and r.headline() == "Carcinoid, NOS"
    assert "biopsy_not_graded" in r.flags and "atypical_features" not in r.flags
    assert r.neighbour.startswith("Why not typical carcinoid")


@pytest.mark.parametrize("mitoses,necrosis,atypical", [(1.9, False, False), (2, False, True), (10, False, True),
                                                         (0, True, True), (None, None, False)])
def test_atypical_features_on_both_sides_of_2_mitoses(mitoses, necrosis, atypical):
    r = B.thoracic_biopsy_label(mitoses, necrosis)
    assert r.label == "carcinoid_nos"
    assert ("atypical_features" in r.flags) is atypical


@pytest.mark.parametrize("mitoses,label", [(10, "carcinoid_nos"), (10.5, "beyond_carcinoid"), (11, "beyond_carcinoid")])
def test_both_sides_of_the_atypical_range_ceiling(mitoses, label):
    assert B.thoracic_biopsy_label(mitoses, False).label == label


@pytest.mark.parametrize("area,flag", [(3.9, "small_biopsy"), (4, "larger_biopsy"), (4.1, "larger_biopsy"),
                                       (0.5, "small_biopsy")])
def test_both_sides_of_4_mm2(area, flag):
    r = B.thoracic_biopsy_label(1, False, area_mm2=area)
    assert flag in r.flags and ({"small_biopsy", "larger_biopsy"} - {flag}).isdisjoint(r.flags)
    text = " ".join(r.steps)
    assert ("15 of 15" in text) if flag == "small_biopsy" else ("14 of 23" in text)


def test_above_the_atypical_range_names_the_provisional_who_2021_concept():
    r = B.thoracic_biopsy_label(11, False)
    text = " ".join(r.steps)
    assert r.headline() == "Above the atypical carcinoid range: expert review"
    for part in ("provisional concept and not a formal category", "elevated mitotic counts and/or Ki-67",
                 "> 10 mitoses per 2 mm²", "Ki-67 of at least 30 %", "Expert review", "large cell"):
        assert part in text, part
    assert "pelosi_travis_2024" in r.sources
    assert "provisional" not in " ".join(B.thoracic_biopsy_label(10, False).steps)


def test_small_biopsy_numbers_are_the_fact_sheets():
    s = D.SMALL_BIOPSY
    assert (s.pairs, s.discordant, s.area_mm2, s.small_missed, s.large_missed) == (64, 29, 4.0, (15, 15), (14, 23))
    assert round(100 * s.discordant / s.pairs) == 45


@pytest.mark.parametrize("ki67,label", [(None, "crush_need_ki67"), ("low", "crush_not_sclc"), ("high", "sclc")])
def test_crushed_small_cell_like_cells_need_ki67(ki67, label):
    r = B.thoracic_biopsy_label(morphology="small cell", crush=True, ki67=ki67)
    assert r.label == label and "crush" in r.flags


def test_uncrushed_small_cell_morphology_is_small_cell_carcinoma():
    assert B.thoracic_biopsy_label(morphology="small cell").label == "sclc"
    assert "below that range" in " ".join(B.thoracic_biopsy_label(5, morphology="small cell").steps)


def test_crushed_carcinoid_stays_carcinoid_nos():
    r = B.thoracic_biopsy_label(1, False, crush=True, ki67="low", area_mm2=2)
    assert r.label == "carcinoid_nos" and {"crush", "small_biopsy", "biopsy_not_graded"} <= set(r.flags)


def test_biopsy_line_says_nos_crush_and_resection():
    line = B.biopsy_line(mitoses_per_2mm2=1, necrosis=False, area_mm2=2, crush=True, ki67="low")
    for part in ("2 mm² of tumour, crushed", "carcinoid NOS", "mimics small cell carcinoma", "Ki-67 is low",
                 "the resection decides", "misses atypical carcinoids"):
        assert part in line, part
    assert B.biopsy_line(mitoses_per_2mm2=1, necrosis=False).startswith("Bronchial biopsy: ")


@pytest.mark.parametrize("kwargs,field", [({"mitoses_per_2mm2": -1}, "mitoses_per_2mm2"),
                                          ({"necrosis": "yes"}, "necrosis"), ({"area_mm2": 0}, "area_mm2"),
                                          ({"crush": 1}, "crush"), ({"ki67": "12 %"}, "ki67"),
                                          ({"morphology": "large cell"}, "morphology")])
def test_biopsy_bad_input_names_the_field(kwargs, field):
    with pytest.raises((InvalidValueError, InvalidTypeError), match=field):
        B.thoracic_biopsy_label(**kwargs)


# --- tumourlet versus carcinoid ----------------------------------------------------------------------------------------
def test_the_cut_off_is_the_grading_tables():
    assert CUT_MM == 5.0 and D.ATLAS_TUMOURLET[0] == CUT_MM


@pytest.mark.parametrize("size,label", [(0.1, "tumourlet"), (4.9, "tumourlet"), (4.999, "tumourlet"),
                                        (5, "sources_differ"), (5.001, "carcinoid"), (5.1, "carcinoid"),
                                        (30, "carcinoid")])
def test_both_sides_of_5_mm(size, label):
    r = B.lung_nodule_label(size)
    assert r.label == label
    assert ("sources_differ" in r.flags) is (label == "sources_differ")


def test_at_5_mm_both_readings_are_shown():
    r = B.lung_nodule_label(5)
    assert dict(r.readings) == {"WHO size criterion": "carcinoid", "one atlas": "tumourlet"}
    assert "name the source" in r.neighbour


def test_not_breaching_the_basement_membrane_is_not_a_tumourlet():
    assert B.lung_nodule_label(3, False).label == "in_situ"


def test_several_tumourlets_raise_dipnech():
    r = B.lung_nodule_label(3, multiple=True)
    assert "dipnech" in r.flags and "carr_dipnech" in r.sources


@settings(max_examples=200, deadline=None)
@given(st.floats(0.001, 1000), st.floats(0.001, 1000))
def test_a_larger_proliferation_is_never_less_of_a_carcinoid(a, b):
    order = {"tumourlet": 0, "sources_differ": 1, "carcinoid": 2}
    small, large = sorted((a, b))
    assert order[B.lung_nodule_label(small).label] <= order[B.lung_nodule_label(large).label]


@pytest.mark.parametrize("size", [0, -1, float("nan"), 1001, "5 mm", True])
def test_nodule_bad_size_names_the_field(size):
    with pytest.raises((InvalidValueError, InvalidTypeError), match="size_mm"):
        B.lung_nodule_label(size)


# --- goblet cell adenocarcinoma ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("pct,grade", [(100, "G1"), (75.1, "G1"), (75, "G2"), (74.9, "G2"), (50.1, "G2"), (50, "G2"),
                                       (49.9, "G3"), (0.1, "G3"), (0, "not graded")])
def test_both_sides_of_50_and_75_percent(pct, grade):
    assert B.goblet_cell_grade(pct).grade == grade


def test_boundary_flag_only_on_the_cut_offs():
    assert "boundary" in B.goblet_cell_grade(75).flags and "boundary" in B.goblet_cell_grade(50).flags
    assert "boundary" not in B.goblet_cell_grade(60).flags and "boundary" not in B.goblet_cell_grade(100).flags


def test_net_grading_does_not_apply_and_ki67_is_ignored():
    plain, with_ki67 = B.goblet_cell_grade(60), B.goblet_cell_grade(60, ki67_percent=35)
    assert plain.grade == with_ki67.grade == "G2"
    assert "not_a_net" in plain.flags and "ki67_ignored" in with_ki67.flags
    assert "NET grading" in plain._repr_html_() and "Not G1" in plain.neighbour and "not G3" in plain.neighbour


@settings(max_examples=200, deadline=None)
@given(st.floats(0.001, 100), st.floats(0.001, 100))
def test_more_low_grade_pattern_never_gives_a_higher_grade(a, b):
    lo, hi = sorted((a, b))
    assert B.goblet_cell_grade(hi).grade <= B.goblet_cell_grade(lo).grade  # "G1" < "G2" < "G3"


def test_gca_bands_cover_0_to_100_without_overlap():
    for pct in [x / 4 for x in range(1, 401)]:
        assert sum(b.contains(pct) for b in D.GCA_BANDS) == 1, pct
    assert not any(b.contains(0) for b in D.GCA_BANDS)


def test_gca_feedback_names_the_misconception():
    assert "not a NET" in B.check_gca_grade("NET G2", 75).message
    assert "more than 75 %" in B.check_gca_grade("G1", 75).message
    assert B.check_gca_grade(" g2 ", 75).correct


@pytest.mark.parametrize("kwargs,field", [({"low_grade_percent": 101}, "low_grade_percent"),
                                          ({"low_grade_percent": "60"}, "low_grade_percent"),
                                          ({"low_grade_percent": 60, "ki67_percent": -2}, "ki67_percent")])
def test_gca_bad_input_names_the_field(kwargs, field):
    with pytest.raises((InvalidValueError, InvalidTypeError), match=field):
        B.goblet_cell_grade(**kwargs)


# --- grade by sample --------------------------------------------------------------------------------------------------
def test_each_sample_has_its_own_grade():
    r = B.grades_by_sample({"primary": 2, "liver metastasis": 15})
    assert r.grades == (("primary", "NET G1"), ("liver metastasis", "NET G2")) and "grades_differ" in r.flags
    assert B.grades_by_sample({"a": 2.9, "b": 1}).flags == ()
    assert "39 %" in " ".join(r.steps) and "63.6 %" in " ".join(r.steps)


@pytest.mark.parametrize("ki67,grade", [(2.9, "NET G1"), (3, "NET G2"), (20, "NET G2"), (20.1, "NET G3")])
def test_sample_grades_follow_the_digestive_cut_offs(ki67, grade):
    assert B.grades_by_sample({"s": ki67}).grades[0][1] == grade


def test_sample_feedback():
    samples = {"primary": 2, "liver metastasis": 15}
    assert B.check_sample_grade("NET G2", samples, "liver metastasis").correct
    assert "belongs to a sample" in B.check_sample_grade("primary", samples, "liver metastasis").message
    with pytest.raises(InvalidValueError, match="samples"):
        B.grades_by_sample({})
    with pytest.raises(InvalidValueError, match="samples"):
        B.grades_by_sample({"x": 120})


# --- question builders -------------------------------------------------------------------------------------------------
def test_primary_question_and_task_keys_come_from_the_ranking():
    panel = {"ISL1": "positive", "SATB2": "positive", "CDX2": "negative", "TTF-1": "negative"}
    q = BQ.primary_question("Self-check", "Which site?", panel)
    assert [o.label for o in q.options if o.correct] == ["rectum"]
    assert "ISL1 also stains rectal NETs" in q.check("pancreas")[1]
    t = BQ.primary_task("Task", "Type the site", {"TTF-1": "negative", "OTP": "positive"})
    assert t.check("Lung")[0] and t.check("bronchopulmonary")[0] and not t.check("pancreas")[0]
    with pytest.raises(InvalidValueError, match="panel"):
        BQ.primary_task("Task", "Type the site", {"ISL1": "positive"})  # tied: no single typed key


def test_biopsy_question_key_is_carcinoid_nos():
    q = BQ.biopsy_question("Self-check", "Call it", mitoses_per_2mm2=1, necrosis=False, area_mm2=3)
    assert [o.label for o in q.options if o.correct] == ["Carcinoid, NOS"]
    assert "do not make a typical carcinoid" in q.check("Typical carcinoid")[1]
    with pytest.raises(InvalidValueError, match="case"):
        BQ.biopsy_question("Self-check", "Call it", morphology="small cell", crush=True)


def test_gca_task_rejects_zero_and_accepts_grade_words():
    t = BQ.gca_grade_task("Task", "Grade it", 75)
    assert t.check("G2")[0] and t.check("grade 2")[0] and not t.check("G1")[0]
    with pytest.raises(InvalidValueError, match="low_grade_percent"):
        BQ.gca_grade_task("Task", "Grade it", 0)


def test_tables_are_words_with_sources():
    for md in (BT.marker_table(), BT.gca_table(), BT.small_biopsy_notes(), BT.heterogeneity_notes(), BT.dipnech_notes()):
        assert "_" not in md.data.replace("\\_", "")


# --- figure and imports ------------------------------------------------------------------------------------------------
def test_marker_figure_has_alt_text_caption_and_every_numeric_figure():
    fig = biopsy_figures.site_marker_figures()
    alt, cap = plots.alt_text(fig), plots.caption(fig)
    assert alt.startswith("Dot plot") and "no marker is site-specific" in alt
    assert "from 9 % to 100 %" in fig._suptitle.get_text()  # computed from the catalogue (PAX8, SATB2)
    assert "rows are not combined" in cap and "Koo et al., 2011" in cap
    rows = [f for m in S.SITE_MARKERS.values() for f in m.figures if f.sensitivity is not None]
    assert alt.count("sensitivity") == len(rows) == 16
    # each row says what its study measured: two CDX2 studies pooled gastrointestinal origin (facts 3.1, 3.3)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert sum(t.startswith("CDX2 → gastrointestinal origin") for t in labels) == 2
    assert sum(t.startswith("CDX2 → small intestine") for t in labels) == 1
    # study labels: numbers on the rows, a numbered key of whole short citations (no cut, no ellipsis)
    texts = " ".join(t.get_text() for t in fig.texts + fig.axes[0].texts)
    assert "…" not in texts and "..." not in texts and "5  Koo et al., 2011" in texts
    plt.close(fig)


def test_import_netlib_stays_light():
    code = ("import sys, netlib, netlib.biopsy, netlib.teaching.biopsy_figures; "
            "print('matplotlib' in sys.modules, 'netlib.biopsy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == "False"
    out = subprocess.run([sys.executable, "-c", "import sys, netlib; print('netlib.biopsy' in sys.modules)"],
                         capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"
