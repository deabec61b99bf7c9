"""Every table covers its range with no gap and no overlap; every threshold is tested on both sides."""
import math

import pytest

from netlib.data.criteria import (
    TABLES,
    WHO_2010_DIGESTIVE,
    WHO_2022_DIGESTIVE,
    Interval,
    get_table,
)

EPS = 1e-6


def _probe_points(table, p):
    pts = {0.0}
    for c in table.cutoffs(p):
        pts |= {c - EPS, c, c + EPS}
    pts.add(99.9 if p == "ki67" else 500.0)
    return sorted(x for x in pts if x >= 0)


@pytest.mark.parametrize("table", TABLES.values(), ids=list(TABLES))
def test_no_overlap_and_gaps_only_where_documented(table):
    for p in table.parameters():
        for x in _probe_points(table, p):
            hits = [b.label for b in table.bands if b.interval(p) is not None and x in b.interval(p)]
            assert len(hits) <= 1, f"{table.key}: {p}={x} in several bands {hits}"
            if not hits:
                assert table.gap_containing(p, x) is not None, f"{table.key}: undocumented gap at {p}={x}"


def test_only_who2010_has_a_gap_and_it_is_2_to_3_percent():
    gaps = {k: t.known_gaps for k, t in TABLES.items() if t.known_gaps}
    assert list(gaps) == ["who2010_digestive"]
    (param, iv), = WHO_2010_DIGESTIVE.known_gaps
    assert param == "ki67" and 2.5 in iv and 2 not in iv and 3 not in iv


# (table, parameter, value, expected band label) at and around every cut-off: values from the primary tables.
BOUNDARIES = [
    ("who2022_digestive", "ki67", 2.99, "NET G1"), ("who2022_digestive", "ki67", 3.0, "NET G2"),
    ("who2022_digestive", "ki67", 20.0, "NET G2"), ("who2022_digestive", "ki67", 20.01, "NET G3"),
    ("who2022_digestive", "mitoses", 1.9, "NET G1"), ("who2022_digestive", "mitoses", 2.0, "NET G2"),
    ("who2022_digestive", "mitoses", 20.0, "NET G2"), ("who2022_digestive", "mitoses", 20.2, "NET G3"),
    ("who2017_pancreas", "ki67", 2.99, "NET G1"), ("who2017_pancreas", "ki67", 3.0, "NET G2"),
    ("who2017_pancreas", "ki67", 20.0, "NET G2"), ("who2017_pancreas", "ki67", 20.1, "NET G3"),
    ("who2017_pancreas", "mitoses", 1.9, "NET G1"), ("who2017_pancreas", "mitoses", 2, "NET G2"),
    ("who2017_pancreas", "mitoses", 20, "NET G2"), ("who2017_pancreas", "mitoses", 21, "NET G3"),
    ("who2010_digestive", "ki67", 2.0, "NET G1"), ("who2010_digestive", "ki67", 2.01, None),
    ("who2010_digestive", "ki67", 2.99, None), ("who2010_digestive", "ki67", 3.0, "NET G2"),
    ("who2010_digestive", "ki67", 20.0, "NET G2"), ("who2010_digestive", "ki67", 20.1, "NEC"),
    ("who2010_digestive", "mitoses", 1.9, "NET G1"), ("who2010_digestive", "mitoses", 2, "NET G2"),
    ("who2010_digestive", "mitoses", 20, "NET G2"), ("who2010_digestive", "mitoses", 21, "NEC"),
    ("who2021_thoracic", "mitoses", 1.9, "typical carcinoid"), ("who2021_thoracic", "mitoses", 2, "atypical carcinoid"),
    ("who2021_thoracic", "mitoses", 10, "atypical carcinoid"), ("who2021_thoracic", "mitoses", 11, "LCNEC / SCLC range"),
    ("who2021_thoracic", "mitoses", 10.5, "LCNEC / SCLC range"),
    ("who2015_thoracic", "mitoses", 1.9, "typical carcinoid"), ("who2015_thoracic", "mitoses", 2, "atypical carcinoid"),
    ("who2015_thoracic", "mitoses", 10, "atypical carcinoid"), ("who2015_thoracic", "mitoses", 11, "LCNEC / SCLC range"),
]


@pytest.mark.parametrize("key,param,value,label", BOUNDARIES)
def test_boundaries(key, param, value, label):
    t = get_table(key)
    i = t.band_index(param, value)
    assert (t.bands[i].label if i is not None else None) == label


def test_every_cutoff_is_in_the_boundary_list():
    listed = {(k, p, v) for k, p, v, _ in BOUNDARIES}
    for key, t in TABLES.items():
        for p in t.parameters():
            for c in t.cutoffs(p):
                assert (key, p, c) in listed or (key, p, float(c)) in listed, (key, p, c)


def test_interval_describe():
    assert Interval(0, 3).describe("%") == "< 3 %"
    assert Interval(3, 20, True, True).describe("%") == "3-20 %"
    assert Interval(20, math.inf, False).describe("%") == "> 20 %"
    assert Interval(0, 2, True, True).describe("%") == "<= 2 %"


def test_rows_and_markdown_render_from_data():
    md = WHO_2022_DIGESTIVE.to_markdown()
    assert "| NET G1 | < 2 | < 3 |" in md and "| NET G2 | 2-20 | 3-20 |" in md
    assert "Gap: a Ki-67 > 2 and < 3 % belongs to no band" in WHO_2010_DIGESTIVE.to_markdown()


def test_get_table_errors():
    with pytest.raises(ValueError, match="unknown table 'who2099'"):
        get_table("who2099")
    with pytest.raises(TypeError, match="criteria"):
        get_table(2022)


def test_who2010_counted_per_10_hpf_taken_as_2_mm2():
    assert "2 mm²" in WHO_2010_DIGESTIVE.mitoses_unit and "10 HPF" in WHO_2010_DIGESTIVE.mitoses_unit
    assert any("count by area" in n for n in WHO_2010_DIGESTIVE.notes)
    assert {"rindi2006_foregut_tnm", "klimstra2010_pathology"} <= set(WHO_2010_DIGESTIVE.sources)
