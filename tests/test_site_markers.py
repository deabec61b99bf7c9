"""Site-of-origin markers: the catalogue (each figure the fact sheet's, with its own study), the explained ranking of
likely primaries (:func:`netlib.markers.rank_primaries`), its properties, and that the existing panel interpreter is
unchanged.

Properties (hypothesis): the ranking does not depend on the panel's order or on the spelling of a marker; adding a
marker result never removes evidence already shown; a positive marker for a site never lowers that site's rank, a
negative one that counts against it never raises it, and a negative that counts nothing changes no rank.
"""
from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netlib import markers
from netlib.data import references
from netlib.data import site_markers as S
from netlib.errors import InvalidTypeError, InvalidValueError
from netlib.markers import rank_primaries

RESULTS = ("positive", "negative")
PANELS = st.dictionaries(st.sampled_from(list(S.SITE_MARKERS)), st.sampled_from(RESULTS), max_size=len(S.SITE_MARKERS))


def figures(key):
    return {(f.sensitivity, f.specificity, f.sources) for f in S.SITE_MARKERS[key].figures}


# --- the catalogue: the fact sheet's numbers, each with its own study --------------------------------------------------
def test_figures_are_the_fact_sheets_with_their_studies():
    assert (72.0, 93.0, ("pdx1_pnet_marker",)) in figures("pdx1")  # 3.1
    assert (85.0, 98.0, ("pdx1_pnet_marker",)) in figures("cdx2")  # 3.1
    assert (66.0, 92.0, ("pdx1_pnet_marker",)) in figures("ck7")  # 3.1
    assert (63.0, None, ("liver_met_origin_ihc",)) in figures("ttf1")  # 3.2
    assert (89.0, None, ("liver_met_origin_ihc",)) in figures("cdx2")  # 3.2
    assert (77.0, None, ("liver_met_origin_ihc",)) in figures("isl1")  # 3.2
    assert (73.0, 94.0, ("koo2011_islet1",)) in figures("isl1")  # 3.3
    assert (9.0, 96.0, ("koo2011_islet1",)) in figures("pax8")  # 3.3
    assert (83.0, None, ("koo2011_islet1",)) in figures("cdx2")  # 3.3
    assert {(100.0, 80.0, ("satb2_266_nens",)), (100.0, 84.5, ("satb2_266_nens",))} <= figures("satb2")  # 3.4
    assert (80.2, 99.4, ("otp_lung_carcinoid_2016",)) in figures("otp")  # 3.6
    assert (66.4, None, ("cetin2023_otp",)) in figures("otp")  # 3.6
    assert {(88.0, None, ("mohanty2021_satb2",)), (100.0, None, ("mohanty2021_satb2",))} <= figures("satb2")  # 3.5
    assert (100.0, None, ("snow2015_cdh17", "panarelli2012_cdh17")) in figures("cdh17")  # 3.7: all hindgut positive


def test_each_figure_says_what_its_study_measured():
    targets = {(k, f.sensitivity): f.target for k, m in S.SITE_MARKERS.items() for f in m.figures}
    assert targets[("cdx2", 85.0)] == targets[("cdx2", 83.0)] == "gastrointestinal"  # 3.1, 3.3: GI origin
    assert targets[("cdx2", 89.0)] == "small_intestine"  # 3.2
    assert targets[("cdh17", 100.0)] == "hindgut"
    assert S.TARGET_WORDS["gastrointestinal"] == "gastrointestinal origin"
    with pytest.raises(InvalidValueError, match="target"):
        S.StudyFigure("x", 50.0, None, "y", ("koo2011_islet1",), "3.3", target="colon")


def test_sites_each_marker_points_to():
    points = {k: m.sites for k, m in S.SITE_MARKERS.items()}
    assert points == {"ttf1": ("lung",), "otp": ("lung",), "ck7": ("lung",), "isl1": ("pancreas", "rectum"),
                      "pdx1": ("pancreas",), "pax8": ("pancreas",), "cdx2": ("small_intestine",),
                      "satb2": ("appendix", "rectum"), "cdh17": ("rectum",)}


def test_no_single_marker_is_site_specific_and_the_caveats_say_why():
    text = " ".join(t for m in S.SITE_MARKERS.values() for t, _k in m.caveats)
    for fact in ("Rectal NETs are often ISL1-positive", "32 % of prostatic and 38 % of bladder small cell",
                 "about a third of lung carcinoids", "duodenal metastases", "12 % of pancreatic and 24 % of bronchial",
                 "5 of 11 metastatic pancreatic NETs", "17 % of atypical carcinoids"):
        assert fact in text, fact
    assert "not a probability" in S.NOT_SITE_SPECIFIC and "teaching aid" in S.NOT_SITE_SPECIFIC


def test_pax8_cross_reactivity_is_not_explained():
    text = " ".join([m.meaning for m in S.SITE_MARKERS.values()] + [t for m in S.SITE_MARKERS.values()
                                                                    for t, _k in m.caveats]).lower()
    assert "cross" not in text
    assert any("PAX8" in u for u in S.UNVERIFIED)


def test_every_source_exists_and_every_marker_rests_on_a_primary_study():
    for m in S.SITE_MARKERS.values():
        keys = [k for f in m.figures for k in f.sources] + [k for _t, ks in m.caveats for k in ks] + list(m.sources)
        refs = references.resolve(keys)
        assert any(r.is_primary for r in refs), m.key
        for f in m.figures:
            assert f.fact.startswith("3."), (m.key, f)
            for v in (f.sensitivity, f.specificity):
                assert v is None or 0 < v <= 100


@pytest.mark.parametrize("spelling,key", [("TTF-1", "ttf1"), ("Islet-1", "isl1"), ("cdx2", "cdx2"),
                                          ("Orthopedia homeobox", "otp"), (" SATB2 ", "satb2")])
def test_marker_spellings(spelling, key):
    assert S.marker_key(spelling) == key


def test_bad_marker_names_the_field():
    with pytest.raises(InvalidValueError, match="marker"):
        S.marker_key("chromogranin")
    with pytest.raises(InvalidTypeError, match="marker"):
        S.marker_key(7)


# --- the rule for negatives: a negative of a rarely positive marker counts nothing ------------------------------------
def test_negative_rule_is_a_stated_teaching_convention():
    r = S.NEGATIVE_RULE
    assert r.min_sensitivity == 50.0 and "teaching convention" in r.convention and "not a published" in r.convention
    assert "commoner finding" in r.reason
    assert dict(r.group_stands_for) == {"hindgut": "rectum"}


def test_which_negatives_count():
    assert S.negative_evidence("pax8", "pancreas") == ((9.0,), False)  # 3.3: 9 % sensitive
    assert S.negative_evidence("satb2", "rectum") == ((100.0, 88.0), True)  # 3.4, 3.5
    assert S.negative_evidence("isl1", "pancreas") == ((77.0, 73.0), True)  # 3.2, 3.3
    assert S.negative_evidence("isl1", "rectum") == ((), False)  # "often positive": no figure
    assert S.negative_evidence("cdx2", "small_intestine") == ((89.0,), True)  # pooled GI figures stand for no site
    assert S.negative_evidence("cdh17", "rectum") == ((100.0,), True)  # the hindgut figure stands for the rectum
    with pytest.raises(InvalidValueError, match="site"):
        S.negative_evidence("pax8", "rectum")


@pytest.mark.parametrize("cut,counts", [(62.9, True), (63.0, True), (63.1, False)])
def test_negative_rule_boundary(monkeypatch, cut, counts):
    # TTF-1's one cited sensitivity for the lung is 63 % (fact 3.2): a figure exactly at the cut-off counts.
    monkeypatch.setattr(S, "NEGATIVE_RULE", S.NegativeRule(cut, "c", "r", ()))
    assert S.negative_evidence("ttf1", "lung") == ((63.0,), counts)
    assert ("ttf1" in rank_primaries(ttf1="negative").score("lung").against_markers) is counts


def test_isl1_positive_satb2_negative_ranks_pancreas_above_rectum():
    # PAX8 negative (9 % sensitive) says almost nothing; SATB2 negative (15/15 and 88 % of rectal NETs) does.
    r = rank_primaries({"ISL1": "positive", "SATB2": "negative", "PAX8": "negative"})
    assert r.top == ("pancreas",) and "tied" not in r.flags
    assert r.score("pancreas").rank < r.score("rectum").rank
    assert r.score("pancreas").against_markers == () and r.score("pancreas").uncounted == ("pax8",)
    assert r.score("rectum").against_markers == ("satb2",)
    assert "Why not rectum" in r.neighbour
    text = " ".join(r.evidence)
    assert "PAX8 negative: does not count against pancreas (sensitivity 9 %" in text
    assert "SATB2 negative: counts against appendix" in text
    assert any("teaching convention" in s for s in r.steps)
    assert "PAX8 negative not counted" in str(r)


def test_isl1_negative_does_not_count_against_the_rectum():
    r = rank_primaries(isl1="negative")
    assert r.score("pancreas").against_markers == ("isl1",) and r.score("rectum").uncounted == ("isl1",)
    assert "no sensitivity for that site" in r.evidence[0]


# --- the ranking ---------------------------------------------------------------------------------------------------
def test_isl1_with_satb2_ranks_rectum_not_pancreas():
    r = rank_primaries({"ISL1": "positive", "SATB2": "positive", "CDX2": "negative", "TTF-1": "negative"})
    assert r.top == ("rectum",)
    assert r.score("rectum").for_markers == ("isl1", "satb2") and r.score("pancreas").for_markers == ("isl1",)
    assert "Why not pancreas" in r.neighbour
    assert "teaching_aid" in r.flags and "tied" not in r.flags


def test_isl1_alone_ties_pancreas_and_rectum_and_asks_for_satb2():
    r = rank_primaries(isl1="positive")
    assert r.top == ("pancreas", "rectum") and "tied" in r.flags and "isl1_without_satb2" in r.flags
    assert "SATB2" in r.neighbour and "(tied)" in r.headline()


def test_negative_ttf1_does_not_exclude_the_lung():
    r = rank_primaries({"TTF-1": "negative", "OTP": "positive", "CDX2": "negative", "ISL1": "negative",
                        "SATB2": "negative"})
    assert r.top == ("lung",)
    assert r.score("lung").against_markers == ("ttf1",)
    assert any("does not exclude the lung" in e for e in r.evidence)


def test_no_positive_marker_favours_no_site():
    for panel in ({}, {"cdx2": "negative", "ttf1": "negative"}):
        r = rank_primaries(panel)
        assert r.top == () and "no_positive" in r.flags and r.headline() == "No site favoured"


def test_markers_pointing_to_unlinked_sites_are_a_conflict():
    r = rank_primaries(ttf1="positive", cdx2="positive")
    assert "conflict" in r.flags and set(r.top) == {"lung", "small_intestine"}
    assert "conflict" not in rank_primaries(isl1="positive", satb2="positive").flags


def test_evidence_shows_each_studys_figure_with_its_source_and_never_a_combined_number():
    r = rank_primaries(cdx2="positive")
    text = " ".join(r.evidence)
    for part in ("85 % sensitive, 98 % specific for gastrointestinal origin (80 primary NETs), PDX-1 as a marker",
                 "89 % sensitive for small-intestinal primaries (85 liver metastases), Origins of liver metastases",
                 "83 % sensitive for gastrointestinal origin (69 liver metastases), Koo et al."):
        assert part in text, part
    card = r._repr_html_()
    assert "teaching aid" in card and "not a probability" in card and "%" not in r.headline()


def test_card_and_text_are_in_words():
    r = rank_primaries(isl1="positive", satb2="positive")
    shown = str(r) + r._repr_html_()
    for key in ("small_intestine", "isl1_without", "teaching_aid", "satb2_266"):
        assert key not in shown


def test_bad_input_names_the_field():
    with pytest.raises(InvalidValueError, match="CDX2"):
        rank_primaries(cdx2="weak")
    with pytest.raises(InvalidTypeError, match="TTF-1"):
        rank_primaries({"TTF-1": True})
    with pytest.raises(InvalidValueError, match="marker"):
        rank_primaries(synaptophysin="positive")
    with pytest.raises(InvalidValueError, match="panel"):
        rank_primaries({"TTF-1": "positive"}, ttf1="negative")
    with pytest.raises(InvalidTypeError, match="panel"):
        rank_primaries(["cdx2"])


# --- properties ----------------------------------------------------------------------------------------------------------
@settings(max_examples=150, deadline=None)
@given(PANELS, st.randoms(use_true_random=False))
def test_ranking_is_invariant_to_panel_order(panel, rnd):
    items = list(panel.items())
    rnd.shuffle(items)
    assert rank_primaries(dict(items)) == rank_primaries(panel)


@settings(max_examples=100, deadline=None)
@given(PANELS)
def test_ranking_is_invariant_to_spelling(panel):
    spelled = {S.SITE_MARKERS[k].name.split(" (")[0]: v for k, v in panel.items()}
    assert rank_primaries(spelled) == rank_primaries(panel)


@settings(max_examples=200, deadline=None)
@given(PANELS, st.sampled_from(list(S.SITE_MARKERS)), st.sampled_from(RESULTS))
def test_adding_a_marker_never_removes_evidence_already_shown(panel, extra, result):
    if extra in panel:
        return
    before, after = rank_primaries(panel), rank_primaries({**panel, extra: result})
    assert set(before.evidence) <= set(after.evidence)
    assert set(before.sources) <= set(after.sources)
    for site in S.SITES:
        b, a = before.score(site), after.score(site)
        assert set(b.for_markers) <= set(a.for_markers) and set(b.against_markers) <= set(a.against_markers)
        assert set(b.uncounted) <= set(a.uncounted)


@settings(max_examples=150, deadline=None)
@given(PANELS, st.sampled_from(list(S.SITE_MARKERS)))
def test_a_negative_that_counts_nothing_changes_no_rank(panel, extra):
    if extra in panel:
        return
    if any(S.negative_evidence(extra, site)[1] for site in S.SITE_MARKERS[extra].sites):
        return
    before, after = rank_primaries(panel), rank_primaries({**panel, extra: "negative"})
    assert [(s.site, s.rank) for s in before.ranking] == [(s.site, s.rank) for s in after.ranking]
    assert before.top == after.top


@settings(max_examples=200, deadline=None)
@given(PANELS, st.sampled_from(list(S.SITE_MARKERS)))
def test_a_positive_never_lowers_and_a_negative_never_raises_the_sites_it_points_to(panel, extra):
    if extra in panel:
        return
    base = rank_primaries(panel)
    pos, neg = rank_primaries({**panel, extra: "positive"}), rank_primaries({**panel, extra: "negative"})
    for site in S.SITE_MARKERS[extra].sites:
        assert pos.score(site).rank <= base.score(site).rank
        if S.negative_evidence(extra, site)[1]:
            assert neg.score(site).rank >= base.score(site).rank
        else:  # a negative that counts nothing leaves the site's own score alone (others may fall below it)
            b, n = base.score(site), neg.score(site)
            assert (n.for_markers, n.against_markers) == (b.for_markers, b.against_markers)


@settings(max_examples=100, deadline=None)
@given(PANELS)
def test_every_site_is_ranked_once_and_ranks_follow_the_rule(panel):
    r = rank_primaries(panel)
    assert sorted(s.site for s in r.ranking) == sorted(S.SITES)
    keys = [(-len(s.for_markers), len(s.against_markers)) for s in r.ranking]
    assert keys == sorted(keys)
    for a, b in itertools.pairwise(r.ranking):
        assert (a.rank == b.rank) == ((-len(a.for_markers), len(a.against_markers))
                                      == (-len(b.for_markers), len(b.against_markers)))


# --- the existing interpreter is unchanged -------------------------------------------------------------------------------
def test_interpret_is_unchanged():
    r = markers.interpret(synaptophysin="positive", chromogranin_a="positive", keratin="positive")
    assert (r.ne_differentiation, r.lineage) == ("yes", "epithelial")
    assert markers.MARKER_SENSITIVITY["synaptophysin"] == {"NEN": 93.3, "NEC": 86.5}
    assert {"MARKER_SENSITIVITY", "FLAGS", "PanelResult", "interpret"} <= set(markers.__all__)
