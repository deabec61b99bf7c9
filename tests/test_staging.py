import pytest

from netlib import Findings, stage
from netlib.data.references import REFERENCES
from netlib.staging import FLAGS, T_TABLES, stage_group


def st(**kw):
    kw.setdefault("differentiation", "well")
    kw.setdefault("ki67_percent", 2)
    return stage(Findings(**kw))


@pytest.mark.parametrize("site", sorted(T_TABLES))
def test_size_bands_cover_all_sizes_without_overlap(site):
    t = T_TABLES[site]
    for x in [0.0, 0.1, *[c + d for c in t.cutoffs() for d in (-1e-6, 0, 1e-6)], 50.0]:
        hits = [c for c, iv in t.size_bands if x in iv]
        assert len(hits) == 1, (site, x, hits)
    assert all(k in REFERENCES for k in t.sources)


@pytest.mark.parametrize("site,size,t", [
    ("stomach", 1.0, "T1"), ("stomach", 1.01, "T2"), ("duodenum", 1.0, "T1"), ("duodenum", 1.1, "T2"),
    ("jejunum_ileum", 1.0, "T1"), ("jejunum_ileum", 1.1, "T2"), ("colon", 2.0, "T1"), ("colon", 2.1, "T2"),
    ("rectum", 2.0, "T1"), ("rectum", 2.1, "T2"),
])
def test_wall_sites_size_cutoffs(site, size, t):
    assert st(site=site, size_cm=size, depth="submucosa").t == t


@pytest.mark.parametrize("size,t", [(2.0, "T1"), (2.1, "T2"), (4.0, "T2"), (4.1, "T3")])
def test_appendix_cutoffs(size, t):
    assert st(site="appendix", size_cm=size).t == t


@pytest.mark.parametrize("size,t", [(1.9, "T1"), (2.0, "T2"), (4.0, "T2"), (4.1, "T3")])
def test_pancreas_cutoffs_2cm_is_t2(size, t):
    assert st(site="pancreas", size_cm=size).t == t


def test_pancreas_2cm_flag_and_peripancreatic_fat_ignored():
    s = st(site="pancreas", size_cm=2.0, invasion=("peripancreatic_fat",))
    assert s.t == "T2" and "pancreas_t1_boundary" in s.flags and "invasion_ignored" in s.flags
    assert any("peripancreatic fat is not a pancreatic T criterion" in x for x in s.steps)
    assert st(site="pancreas", size_cm=1.0, invasion=("duodenum",)).t == "T3"
    assert st(site="pancreas", size_cm=1.0, invasion=("sma",)).t == "T4"


def test_depth_and_invasion_raise_t():
    assert st(site="stomach", size_cm=0.5, depth="muscularis_propria").t == "T2"
    assert st(site="stomach", size_cm=0.5, depth="subserosa").t == "T3"
    assert st(site="jejunum_ileum", size_cm=0.5, depth="serosa").t == "T4"
    assert st(site="duodenum", size_cm=0.8, invasion=("pancreas",)).t == "T3"
    assert st(site="ampulla", size_cm=0.8, depth="confined_to_sphincter_of_oddi").t == "T1"
    assert st(site="ampulla", size_cm=0.8, depth="muscularis_propria").t == "T2"
    assert st(site="appendix", size_cm=1.0, mesoappendix_invasion_mm=2).t == "T3"


def test_missing_data():
    s = st(site="stomach")
    assert s.t == "TX" and s.n == "NX" and s.group is None
    s = st(site="stomach", size_cm=0.5)
    assert s.t == "T1" and "depth_not_reported" in s.flags
    assert "m_assumed_m0" in s.flags


@pytest.mark.parametrize("nodes,mass,n", [(0, None, "N0"), (11, None, "N1"), (12, None, "N2"), (0, 2.0, "N0"),
                                          (0, 2.1, "N2"), (None, 3.0, "N2"), (None, None, "NX")])
def test_jejunum_ileum_n2(nodes, mass, n):
    s = st(site="jejunum_ileum", size_cm=1.5, depth="muscularis_propria", regional_nodes_positive=nodes,
           mesenteric_mass_cm=mass, metastasis="none")
    assert s.n == n
    if mass == 2.0:
        assert "mesenteric_mass_boundary" in s.flags


def test_n1_elsewhere_never_n2():
    assert st(site="pancreas", size_cm=1, regional_nodes_positive=20).n == "N1"


@pytest.mark.parametrize("met,m", [("none", "M0"), ("liver_only", "M1a"), ("extrahepatic_only", "M1b"),
                                   ("liver_and_extrahepatic", "M1c")])
def test_m(met, m):
    s = st(site="pancreas", size_cm=1, regional_nodes_positive=0, metastasis=met)
    assert s.m == m and s.group == ("I" if m == "M0" else "IV")


@pytest.mark.parametrize("t,n,m,colo,g", [
    ("T1", "N0", "M0", False, "I"), ("T2", "N0", "M0", False, "II"), ("T3", "N0", "M0", False, "II"),
    ("T4", "N0", "M0", False, "III"), ("T1", "N1", "M0", False, "III"), ("T1", "N2", "M0", False, "III"),
    ("T2", "N0", "M1a", False, "IV"), ("T1", "N0", "M0", True, "I"), ("T2", "N0", "M0", True, "IIA"),
    ("T3", "N0", "M0", True, "IIB"), ("T4", "N0", "M0", True, "IIIA"), ("T1", "N1", "M0", True, "IIIB"),
    ("T4", "N1", "M1c", True, "IV"),
])
def test_stage_groups(t, n, m, colo, g):
    assert stage_group(t, n, m, colo) == g


def test_group_from_partial_data():
    s = st(site="pancreas", size_cm=1, metastasis="liver_only")  # NX but M1 -> IV
    assert s.group == "IV" and "group_from_partial_data" in s.flags
    s = st(site="pancreas", regional_nodes_positive=2, metastasis="none")  # TX but N1 -> III
    assert s.t == "TX" and s.group == "III"


def test_colorectal_t1ab_boundary():
    assert "t1_subcategory_disputed" in st(site="rectum", size_cm=1.0, depth="submucosa").flags
    assert any("T1a" in x for x in st(site="rectum", size_cm=0.6, depth="submucosa").steps)


def test_nec_minen_lung_not_staged():
    s = stage(Findings(site="colon", differentiation="poor", ki67_percent=80, size_cm=3))
    assert s.group is None and s.flags == ("not_net_staging",) and "carcinoma" in s.steps[0]
    assert stage(Findings(site="stomach", ne_component_percent=50, size_cm=3)).flags == ("not_net_staging",)
    s = stage(Findings(site="lung", morphology="small_cell", mitoses_per_2mm2=60, size_cm=2))
    assert (s.t, s.group) == (None, None) and s.flags == ("lung_cancer_tnm",) and "lung cancer protocols" in s.steps[0]
    s = stage(Findings(site="lung", morphology="carcinoid", mitoses_per_2mm2=1, necrosis="absent", size_cm=2))
    assert s.t == "T1b" and "lung_cancer_tnm" not in s.flags  # carcinoids are staged with the lung TNM 8
    assert stage(Findings(size_cm=2)).flags == ("site_required",)


def test_bad_input_and_flags_registry():
    with pytest.raises(TypeError, match="findings"):
        stage({"site": "pancreas"})
    with pytest.raises(ValueError, match=r"^t: .*'T5'") as e:  # names the argument that is wrong
        stage_group("T5", "N0", "M0")
    assert e.value.argument == "t"
    with pytest.raises(ValueError, match=r"^m: ") as e:
        stage_group("T1", "N0", "M2")
    s = st(site="pancreas", size_cm=2.0, invasion=("peripancreatic_fat",), metastasis="none")
    assert all(f in FLAGS for f in s.flags)
    assert "Stage" in s._repr_html_()
