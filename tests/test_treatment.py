import pytest

from netlib import Findings, assess, recommend
from netlib.data.references import REFERENCES
from netlib.data.trials import TRIALS
from netlib.treatment import CATEGORIES, FLAGS, RULES


def rec(**kw):
    kw.setdefault("differentiation", "well")
    kw.setdefault("ki67_percent", 2)
    return recommend(Findings(**kw))


def test_rules_are_complete_data():
    keys = [r.key for r in RULES]
    assert len(keys) == len(set(keys)) and keys[-1] == "fallback"
    for r in RULES:
        assert r.category in CATEGORIES
        assert r.sources and all(k in REFERENCES for k in r.sources), r.key
        assert all(k in TRIALS for k in r.evidence), r.key
        for o in r.options:
            assert o.category in CATEGORIES and all(k in TRIALS for k in o.evidence)
        assert all(f in FLAGS for f in r.flags)
    assert all(t.source in REFERENCES for t in TRIALS.values())


@pytest.mark.parametrize("size,category", [(1.9, "surveillance"), (1.99, "surveillance"),
                                           (2.0, "oncologic_resection_with_lymphadenectomy"),
                                           (2.5, "oncologic_resection_with_lymphadenectomy")])
def test_nf_pnet_surveillance_edge(size, category):
    r = rec(site="pancreas", size_cm=size, metastasis="none", functioning=False, symptomatic=False)
    assert r.category == category
    if size == 2.0:
        assert "surveillance_threshold_disputed" in r.flags


def test_pnet_symptomatic_or_g3_is_resected():
    assert rec(site="pancreas", size_cm=1, metastasis="none", symptomatic=True).category.startswith("oncologic")
    assert rec(site="pancreas", size_cm=1, metastasis="none", ki67_percent=25).category.startswith("oncologic")
    r = rec(site="pancreas", size_cm=1, metastasis="none")
    assert r.category == "surveillance" and "assumed_non_functioning" in r.flags


def test_insulinoma():
    r = rec(site="pancreas", size_cm=1.2, metastasis="none", syndrome="insulinoma")
    assert r.category == "enucleation" and "ssa_may_worsen_hypoglycaemia" in r.flags


@pytest.mark.parametrize("gtype,size,category", [(1, 1.0, "endoscopic_resection_or_surveillance"),
                                                 (1, 1.1, "endoscopic_resection"), (2, 0.5, "endoscopic_resection"),
                                                 (3, 0.8, "gastrectomy_with_lymphadenectomy")])
def test_gastric_types(gtype, size, category):
    assert rec(site="stomach", gastric_type=gtype, size_cm=size, metastasis="none").category == category


def test_gastric_type_unknown_goes_to_review():
    r = rec(site="stomach", size_cm=0.5, metastasis="none")
    assert r.category == "multidisciplinary_review" and "insufficient_data" in r.flags
    assert any("gastric NET type" in s for s in r.steps)


@pytest.mark.parametrize("size,category", [(0.9, "endoscopic_resection"), (1.0, "individualized"),
                                           (2.0, "individualized"), (2.1, "oncologic_resection_with_lymphadenectomy")])
def test_duodenum(size, category):
    assert rec(site="duodenum", size_cm=size, metastasis="none").category == category


@pytest.mark.parametrize("size,kw,category", [
    (0.9, {}, "appendectomy"), (1.0, {"lymphovascular_invasion": False, "margin": "R0", "appendix_base": False,
                                      "mesoappendix_invasion_mm": 1, "regional_nodes_positive": 0}, "appendectomy"),
    (1.5, {"mesoappendix_invasion_mm": 4}, "right_hemicolectomy"), (1.5, {"margin": "R1"}, "right_hemicolectomy"),
    (2.0, {"mesoappendix_invasion_mm": 3}, "appendectomy"), (2.1, {}, "right_hemicolectomy"),
])
def test_appendix(size, kw, category):
    r = rec(site="appendix", size_cm=size, metastasis="none", **kw)
    assert r.category == category


def test_appendix_g2_is_a_risk_factor_and_controversy_flagged():
    r = rec(site="appendix", size_cm=1.5, metastasis="none", ki67_percent=5)
    assert r.category == "right_hemicolectomy" and "controversial" in r.flags
    assert any(o.category == "appendectomy" for o in r.options)


@pytest.mark.parametrize("size,depth,category", [(0.9, "submucosa", "endoscopic_resection"),
                                                 (1.0, "submucosa", "individualized"), (2.0, "submucosa", "individualized"),
                                                 (2.1, "submucosa", "oncologic_resection_with_lymphadenectomy"),
                                                 (0.8, "muscularis_propria", "oncologic_resection_with_lymphadenectomy"),
                                                 (None, "muscularis_propria", "oncologic_resection_with_lymphadenectomy")])
def test_rectum(size, depth, category):
    assert rec(site="rectum", size_cm=size, depth=depth, metastasis="none").category == category


def test_colon_and_small_bowel():
    assert rec(site="colon", size_cm=3, metastasis="none").category == "oncologic_resection_with_lymphadenectomy"
    r = rec(site="jejunum_ileum", size_cm=1.5, regional_nodes_positive=3, metastasis="none")
    assert r.category == "oncologic_resection_with_lymphadenectomy" and "zaidi2019" in r.sources


def test_nec():
    r = recommend(Findings(site="pancreas", differentiation="poor", ki67_percent=80, metastasis="liver_only"))
    assert r.category == "platinum_etoposide"
    r = recommend(Findings(site="colon", differentiation="poor", ki67_percent=80, metastasis="none"))
    assert r.category == "individualized"


def test_metastatic_pathways():
    base = dict(site="jejunum_ileum", metastasis="liver_and_extrahepatic", ki67_percent=5)
    assert rec(**base, sstr_positive=True).category == "somatostatin_analogue"
    r = rec(**base, sstr_positive=True, prior_therapies=("somatostatin_analogue",), progression=True)
    assert r.category == "prrt" and "netter1" in r.evidence
    r = rec(**base, sstr_positive=True, prior_therapies=("somatostatin_analogue",), progression=False)
    assert r.category == "somatostatin_analogue"
    r = rec(**base, prior_therapies=("somatostatin_analogue",))  # progression unknown
    assert r.category == "multidisciplinary_review" and any("progressing" in s for s in r.steps)
    r = rec(**base)  # SSTR unknown
    assert r.category == "multidisciplinary_review" and any("somatostatin-receptor" in s for s in r.steps)
    r = rec(site="pancreas", metastasis="liver_only", liver_metastases_resectable=False, ki67_percent=8,
            prior_therapies=("somatostatin_analogue",), progression=True, sstr_positive=True)
    assert r.category == "targeted_therapy"
    assert {"radiant3", "sunitinib_pnet", "e2211", "cabinet_pnet"} <= {k for o in r.options for k in o.evidence}
    r = rec(site="rectum", metastasis="extrahepatic_only", ki67_percent=8, prior_therapies=("chemotherapy",),
            progression=True)
    assert r.category == "targeted_therapy" and any("radiant4" in o.evidence for o in r.options)


def test_first_line_prrt_netter2_edges():
    base = dict(site="pancreas", metastasis="liver_and_extrahepatic", sstr_positive=True)
    assert rec(**base, ki67_percent=30).category == "prrt"
    assert rec(**base, ki67_percent=60).category == "multidisciplinary_review"
    r = rec(**base, ki67_percent=12)
    assert r.category == "somatostatin_analogue" and any(o.category == "prrt" for o in r.options)
    r = rec(**base, ki67_percent=5)
    assert not any(o.category == "prrt" for o in r.options)


def test_liver_resection():
    r = rec(site="jejunum_ileum", metastasis="liver_only", liver_metastases_resectable=True)
    assert r.category == "liver_metastasis_resection" and "no_randomised_evidence" in r.flags
    r = rec(site="jejunum_ileum", metastasis="liver_only")
    assert r.category == "multidisciplinary_review"


def test_functioning_metastatic_syndrome_first():
    r = rec(site="jejunum_ileum", metastasis="liver_only", liver_metastases_resectable=False,
            syndrome="carcinoid_syndrome", sstr_positive=True, prior_therapies=("somatostatin_analogue",),
            progression=False)
    assert r.category == "syndrome_control" and "telestar" in r.evidence
    assert any(o.name.startswith("Then tumour-directed") for o in r.options)


def test_missing_site_and_undetermined_grade():
    assert recommend(Findings(ki67_percent=5, differentiation="well")).category == "multidisciplinary_review"
    assert recommend(Findings(site="pancreas", ki67_percent=40)).rule == "grade_undetermined"


def test_trace_reports_every_rule_looked_at():
    r = rec(site="rectum", size_cm=0.5, depth="submucosa", metastasis="none")
    fired = [k for k, o in r.trace if o == "fired"]
    assert fired == ["rectum_small"] and len(r.trace) == [x.key for x in RULES].index("rectum_small") + 1
    assert "tumour board" in r.caveat and "tumour board" in r._repr_html_()


def test_assess_combines_and_serialises():
    a = assess(Findings(site="pancreas", differentiation="well", ki67_percent=3.0, mitoses_per_2mm2=1,
                        size_cm=2.0, regional_nodes_positive=0, metastasis="none", functioning=False))
    d = a.to_dict()
    assert d["grade"]["label"] == "NET G2" and d["stage"]["t"] == "T2" and d["stage"]["group"] == "II"
    assert d["recommendation"]["category"] == "oncologic_resection_with_lymphadenectomy"
    html = a._repr_html_()
    assert "NET G2" in html and "Stage II" in html
    with pytest.raises(TypeError, match="findings"):
        assess(None)
