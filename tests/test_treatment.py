"""Treatment rules: complete data, boundaries on both sides, whole-case safety, branches and the gaps the
expert review found. Order independence and monotonicity over drawn cases live in test_properties.py."""
import random

import pytest

import netlib.treatment as treatment
from netlib import Findings, assess, recommend
from netlib.data.cases import load_cases
from netlib.data.references import REFERENCES
from netlib.data.treatment_rules import LAYERS, LOCAL_EXTENT, NETTER2_KI67
from netlib.data.trials import TRIALS
from netlib.treatment import CATEGORIES, FLAGS, RULES

ONC = "oncologic_resection_with_lymphadenectomy"
#: Local treatments that leave the nodes behind: never for a node-positive tumour.
NODE_SPARING = {"surveillance", "endoscopic_resection_or_surveillance", "endoscopic_resection", "appendectomy",
                "enucleation"}


def rec(**kw):
    kw.setdefault("differentiation", "well")
    kw.setdefault("ki67_percent", 2)
    return recommend(Findings(**kw))


def local(site, **kw):
    """A localised, non-functioning, node-negative G1 tumour of ``site`` unless ``kw`` says otherwise."""
    kw.setdefault("metastasis", "none")
    kw.setdefault("functioning", False)
    kw.setdefault("clinical_nodes", "negative")
    return rec(site=site, **kw)


# --- the rules as data ---------------------------------------------------------------------------------------
def test_rules_are_complete_data():
    keys = [r.key for r in RULES]
    assert len(keys) == len(set(keys))
    for r in RULES:
        assert r.category in CATEGORIES and r.layer in LAYERS and r.conditions, r.key
        assert r.sources and all(k in REFERENCES for k in r.sources), r.key
        assert all(k in TRIALS for k in r.evidence), r.key
        for o in r.options:
            assert o.category in CATEGORIES and all(k in TRIALS for k in o.evidence), (r.key, o.name)
        assert all(f in FLAGS for f in r.flags), r.key
        assert all(k in keys and k != r.key for k in r.refines), r.key
        assert bool(r.refines) == bool(r.refines_because), r.key
        assert set(r.not_checked) <= {"nodes", "depth", "grade", "size"} and all(r.not_checked.values()), r.key
    assert all(t.source in REFERENCES for t in TRIALS.values())
    assert set(LOCAL_EXTENT) <= set(CATEGORIES)


def _reads(rule, field):
    return any(field in c.fields for c in rule.conditions)


@pytest.mark.parametrize("rule", [r for r in RULES if r.is_local], ids=lambda r: r.key)
def test_every_local_rule_checks_nodes_depth_and_grade_or_says_why_not(rule):
    assert _reads(rule, "regional_nodes_positive") or "nodes" in rule.not_checked
    assert _reads(rule, "depth") or "depth" in rule.not_checked
    assert _reads(rule, "grade") or "grade" in rule.not_checked


def test_no_post_processing_by_rule_name():
    import inspect
    src = inspect.getsource(treatment)
    for r in RULES:
        assert f'"{r.key}"' not in src and f"'{r.key}'" not in src, r.key


@pytest.mark.parametrize("seed", range(5))
def test_rule_order_does_not_change_any_case_bank_answer(seed, monkeypatch):
    cases = [c.findings for c in load_cases()]
    before = [recommend(f) for f in cases]
    shuffled = list(RULES)
    random.Random(seed).shuffle(shuffled)
    monkeypatch.setattr(treatment, "RULES", tuple(shuffled))
    for f, b in zip(cases, before):
        a = recommend(f)
        assert (a.category, a.rule, a.options, a.flags, a.branches) == (b.category, b.rule, b.options, b.flags,
                                                                      b.branches)


# --- the four errors the expert review reproduced ----------------------------------------------------------------
def test_node_positive_small_pnet_is_not_watched():
    r = local("pancreas", size_cm=1.5, regional_nodes_positive=2, clinical_nodes=None, symptomatic=False)
    assert r.category == ONC
    assert any("'Small asymptomatic" in s and "node-negative" in s for s in r.steps)


@pytest.mark.parametrize("kw", [{"depth": "muscularis_propria"}, {"regional_nodes_positive": 1},
                                {"invasion": ("pancreas",)}, {"ki67_percent": 25}])
def test_small_duodenal_net_beyond_endoscopic_limits_is_resected(kw):
    base = {"size_cm": 0.8, "depth": "submucosa"}
    r = local("duodenum", **{**base, **kw})
    assert r.category == ONC


def test_carcinoid_syndrome_with_low_ki67_is_not_offered_first_line_prrt():
    base = dict(site="jejunum_ileum", metastasis="liver_only", liver_metastases_resectable=False,
                syndrome="carcinoid_syndrome", sstr_positive=True)
    low = rec(**base, ki67_percent=4)
    assert low.category == "syndrome_control"
    assert not any(o.category == "prrt" for o in low.options)
    assert any("Not offered" in s and "PRRT" in s for s in low.steps)
    high = rec(**base, ki67_percent=15, mitoses_per_2mm2=1)
    assert any(o.category == "prrt" and "netter2" in o.evidence for o in high.options)


def test_cabozantinib_needs_prior_prrt_or_targeted_therapy():
    base = dict(site="pancreas", metastasis="liver_only", liver_metastases_resectable=False, ki67_percent=8,
                progression=True, sstr_positive=True, functioning=False)
    after_ssa = rec(**base, prior_therapies=("somatostatin_analogue",))
    assert not any("Cabozantinib" in o.name for o in after_ssa.options)
    for prior in ("prrt", "targeted_therapy"):
        r = rec(**base, prior_therapies=("somatostatin_analogue", prior))
        assert any("Cabozantinib" in o.name and "cabinet_pnet" in o.evidence for o in r.options)
    midgut = rec(site="jejunum_ileum", metastasis="liver_and_extrahepatic", ki67_percent=5, sstr_positive=True,
                 prior_therapies=("somatostatin_analogue",), progression=True)
    assert midgut.category == "prrt" and not any("Cabozantinib" in o.name for o in midgut.options)


# --- boundaries, both sides, per site --------------------------------------------------------------------------
@pytest.mark.parametrize("size,category", [(1.9, "surveillance"), (1.99, "surveillance"), (2.0, ONC), (2.5, ONC)])
def test_nf_pnet_surveillance_edge(size, category):
    r = local("pancreas", size_cm=size, symptomatic=False)
    assert r.category == category
    if size == 2.0:
        assert "surveillance_threshold_disputed" in r.flags


@pytest.mark.parametrize("kw", [{"symptomatic": True}, {"ki67_percent": 25}, {"clinical_nodes": "positive"},
                                {"regional_nodes_positive": 1}, {"lymphovascular_invasion": True},
                                {"invasion": ("common_bile_duct",)}, {"invasion": ("sma",)}])
def test_small_pnet_with_an_aggressive_feature_is_resected(kw):
    assert local("pancreas", size_cm=1.0, **kw).category == ONC


def test_small_pnet_without_node_status_goes_to_review_with_both_branches():
    r = rec(site="pancreas", size_cm=1.0, metastasis="none", functioning=False)
    assert r.category == "multidisciplinary_review" and "insufficient_data" in r.flags
    assert {(b.value, b.category) for b in r.branches} == {("node-negative", "surveillance"), ("node-positive", ONC)}
    assert all(b.fact.startswith("the lymph-node status") for b in r.branches)
    r = rec(site="pancreas", size_cm=1.0, metastasis="none")
    assert "assumed_non_functioning" in r.flags or "insufficient_data" in r.flags


def test_insulinoma():
    r = local("pancreas", size_cm=1.2, syndrome="insulinoma", functioning=None)
    assert r.category == "enucleation" and "ssa_may_worsen_hypoglycaemia" in r.flags
    for kw in ({"regional_nodes_positive": 2, "clinical_nodes": None}, {"ki67_percent": 30},
               {"invasion": ("duodenum",)}):
        r = local("pancreas", size_cm=3.5, syndrome="insulinoma", functioning=None, **kw)
        assert r.category == ONC, kw


@pytest.mark.parametrize("gtype,size,depth,category", [
    (1, 1.0, "submucosa", "endoscopic_resection_or_surveillance"), (1, 1.1, "submucosa", "endoscopic_resection"),
    (2, 0.5, "submucosa", "endoscopic_resection"), (3, 0.8, "submucosa", "gastrectomy_with_lymphadenectomy"),
    (1, 0.6, "muscularis_propria", "gastrectomy_with_lymphadenectomy"),
    (2, 3.0, "muscularis_propria", "gastrectomy_with_lymphadenectomy")])
def test_gastric_types(gtype, size, depth, category):
    assert local("stomach", gastric_type=gtype, size_cm=size, depth=depth).category == category


@pytest.mark.parametrize("kw", [{"regional_nodes_positive": 1}, {"ki67_percent": 25},
                                {"depth": "subserosa"}])
def test_gastric_type1_beyond_endoscopic_limits_goes_to_surgery(kw):
    base = {"size_cm": 2.5, "depth": "submucosa", "gastric_type": 1}
    assert local("stomach", **{**base, **kw}).category == "gastrectomy_with_lymphadenectomy"


def test_gastric_type3_endoscopic_option_only_within_limits():
    small = local("stomach", gastric_type=3, size_cm=0.8, depth="submucosa")
    assert any(o.category == "endoscopic_resection" for o in small.options)
    big = local("stomach", gastric_type=3, size_cm=1.5, depth="submucosa")
    assert not any(o.category == "endoscopic_resection" for o in big.options)


def test_gastric_type_unknown_goes_to_review_with_branches():
    r = local("stomach", size_cm=0.5, depth="submucosa")
    assert r.category == "multidisciplinary_review" and "insufficient_data" in r.flags
    assert [b.value for b in r.branches] == ["type 1", "type 2", "type 3"]


@pytest.mark.parametrize("size,category", [(0.9, "endoscopic_resection"), (1.0, "individualized"),
                                           (2.0, "individualized"), (2.1, ONC)])
def test_duodenum(size, category):
    assert local("duodenum", size_cm=size, depth="submucosa").category == category


@pytest.mark.parametrize("size,kw,category", [
    (0.9, {}, "appendectomy"), (1.0, {"lymphovascular_invasion": False, "margin": "R0", "appendix_base": False,
                                      "mesoappendix_invasion_mm": 1, "regional_nodes_positive": 0}, "appendectomy"),
    (1.5, {"mesoappendix_invasion_mm": 4}, "right_hemicolectomy"), (1.5, {"margin": "R1"}, "right_hemicolectomy"),
    (2.0, {"mesoappendix_invasion_mm": 3}, "appendectomy"), (2.1, {}, "right_hemicolectomy"),
    (0.8, {"regional_nodes_positive": 1}, "right_hemicolectomy"), (0.8, {"ki67_percent": 25}, "right_hemicolectomy"),
    (0.8, {"invasion": ("adjacent_organs",)}, "right_hemicolectomy"),
])
def test_appendix(size, kw, category):
    kw.setdefault("clinical_nodes", None)
    r = local("appendix", size_cm=size, **kw)
    assert r.category == category


def test_appendix_without_node_status_says_so():
    r = local("appendix", size_cm=0.7, clinical_nodes=None)
    assert r.category == "appendectomy" and "nodes_not_reported" in r.flags
    assert any("Not tested by this rule: nodes" in s for s in r.steps)


def test_appendix_g2_is_a_risk_factor_and_controversy_flagged():
    r = local("appendix", size_cm=1.5, ki67_percent=5)
    assert r.category == "right_hemicolectomy" and "controversial" in r.flags
    assert any(o.category == "appendectomy" for o in r.options)
    node_positive = local("appendix", size_cm=1.5, ki67_percent=5, regional_nodes_positive=1)
    assert node_positive.category == "right_hemicolectomy"
    assert not any(o.category == "appendectomy" for o in node_positive.options)
    assert any("takes precedence" in s for s in node_positive.steps)


@pytest.mark.parametrize("size,depth,kw,category", [
    (0.9, "submucosa", {}, "endoscopic_resection"), (1.0, "submucosa", {}, "individualized"),
    (2.0, "submucosa", {}, "individualized"), (2.1, "submucosa", {}, ONC),
    (0.8, "muscularis_propria", {}, ONC), (None, "muscularis_propria", {}, ONC),
    (0.8, "submucosa", {"lymphovascular_invasion": True}, "individualized"),
    (0.8, "submucosa", {"clinical_nodes": "positive"}, ONC), (0.8, "submucosa", {"ki67_percent": 25}, ONC)])
def test_rectum(size, depth, kw, category):
    assert local("rectum", size_cm=size, depth=depth, **kw).category == category


def test_colon_and_small_bowel():
    assert local("colon", size_cm=3).category == ONC
    r = local("jejunum_ileum", size_cm=1.5, regional_nodes_positive=3)
    assert r.category == ONC and "zaidi2019" in r.sources


def test_nec():
    r = recommend(Findings(site="pancreas", differentiation="poor", ki67_percent=80, metastasis="liver_only"))
    assert r.category == "platinum_etoposide"
    r = recommend(Findings(site="colon", differentiation="poor", ki67_percent=80, metastasis="none"))
    assert r.category == "individualized"


# --- metastatic disease ---------------------------------------------------------------------------------------
def test_metastatic_pathways():
    base = dict(site="jejunum_ileum", metastasis="liver_and_extrahepatic", ki67_percent=5)
    assert rec(**base, sstr_positive=True).category == "somatostatin_analogue"
    r = rec(**base, sstr_positive=True, prior_therapies=("somatostatin_analogue",), progression=True)
    assert r.category == "prrt" and "netter1" in r.evidence
    r = rec(**base, sstr_positive=True, prior_therapies=("somatostatin_analogue",), progression=False)
    assert r.category == "somatostatin_analogue"
    r = rec(**base, prior_therapies=("somatostatin_analogue",))  # progression unknown
    assert r.category == "multidisciplinary_review" and any("progressing" in s for s in r.steps)
    assert {b.value for b in r.branches} == {"progressing", "stable"}
    r = rec(**base)  # SSTR unknown
    assert r.category == "multidisciplinary_review" and any("somatostatin-receptor" in s for s in r.steps)
    r = rec(site="pancreas", metastasis="liver_only", liver_metastases_resectable=False, ki67_percent=8,
            prior_therapies=("somatostatin_analogue",), progression=True, sstr_positive=True)
    assert r.category == "targeted_therapy"
    assert {"radiant3", "sunitinib_pnet", "e2211"} <= {k for o in r.options for k in o.evidence}
    r = rec(site="rectum", metastasis="extrahepatic_only", ki67_percent=8, prior_therapies=("chemotherapy",),
            progression=True)
    assert r.category == "targeted_therapy" and any("radiant4" in o.evidence for o in r.options)


@pytest.mark.parametrize("ki67,category,prrt_option", [
    (NETTER2_KI67[0] - 0.1, "somatostatin_analogue", False), (NETTER2_KI67[0], "somatostatin_analogue", True),
    (15, "somatostatin_analogue", True), (30, "prrt", True), (NETTER2_KI67[1], "prrt", True),
    (NETTER2_KI67[1] + 0.1, "chemotherapy", False), (60, "chemotherapy", False)])
def test_first_line_prrt_netter2_edges(ki67, category, prrt_option):
    r = rec(site="pancreas", metastasis="liver_and_extrahepatic", sstr_positive=True, ki67_percent=ki67,
            mitoses_per_2mm2=1)
    assert r.category == category
    assert any(o.category == "prrt" for o in r.options) is prrt_option


def test_first_line_prrt_only_for_gep_sites():
    r = rec(site="unknown_primary", metastasis="liver_only", liver_metastases_resectable=False,
            sstr_positive=True, ki67_percent=15)
    assert r.category == "somatostatin_analogue" and not any(o.category == "prrt" for o in r.options)
    r = rec(site="unknown_primary", metastasis="liver_only", liver_metastases_resectable=False,
            sstr_positive=True, ki67_percent=30)
    assert r.category == "multidisciplinary_review" and "outside_trial_population" in r.flags


def test_pancreatic_net_g3_above_55_percent_gets_chemotherapy():
    r = rec(site="pancreas", metastasis="liver_only", liver_metastases_resectable=False, sstr_positive=True,
            ki67_percent=60)
    assert r.category == "chemotherapy" and "outside_trial_population" in r.flags
    assert any("CAPTEM" in o.name for o in r.options)


@pytest.mark.parametrize("site", ["lung", "thymus"])
def test_metastatic_thoracic_carcinoid_has_a_pathway(site):
    base = dict(site=site, morphology="carcinoid", necrosis="absent", size_cm=3, metastasis="liver_and_extrahepatic")
    typical = recommend(Findings(**base, mitoses_per_2mm2=0, sstr_positive=True))
    assert typical.category == "somatostatin_analogue"
    assert any("Everolimus" in o.name and "radiant4" in o.evidence for o in typical.options)
    atypical = recommend(Findings(**base, mitoses_per_2mm2=4, sstr_positive=True))
    assert atypical.category == "targeted_therapy"
    negative = recommend(Findings(**base, mitoses_per_2mm2=0, sstr_positive=False))
    assert negative.category == "targeted_therapy" and not any(o.category == "somatostatin_analogue"
                                                               for o in negative.options)
    after = recommend(Findings(**base, mitoses_per_2mm2=4, sstr_positive=True, progression=True,
                               prior_therapies=("somatostatin_analogue", "targeted_therapy")))
    assert after.category == "prrt"


def test_liver_resection_and_its_branches():
    r = rec(site="jejunum_ileum", metastasis="liver_only", liver_metastases_resectable=True)
    assert r.category == "liver_metastasis_resection" and "no_randomised_evidence" in r.flags
    unknown = rec(site="unknown_primary", metastasis="liver_only", liver_metastases_resectable=True,
                  sstr_positive=True, ki67_percent=5)
    assert unknown.category == "somatostatin_analogue"  # resection takes the primary with it: it must be known
    r = rec(site="jejunum_ileum", metastasis="liver_only", ki67_percent=5, sstr_positive=True,
            prior_therapies=("somatostatin_analogue",), progression=True)
    assert r.category == "multidisciplinary_review" and "insufficient_data" in r.flags
    assert [(b.value, b.category) for b in r.branches] == [("resectable", "liver_metastasis_resection"),
                                                           ("not resectable", "prrt")]
    assert "resectable" in str(r) and "What each value would lead to" in r._repr_html_()


def test_functioning_metastatic_syndrome_first_then_tumour():
    r = rec(site="jejunum_ileum", metastasis="liver_only", liver_metastases_resectable=False,
            syndrome="carcinoid_syndrome", sstr_positive=True, prior_therapies=("somatostatin_analogue",),
            progression=False)
    assert r.category == "syndrome_control" and "telestar" in r.evidence
    assert any(o.name.startswith("Then tumour-directed") for o in r.options)
    naive = rec(site="jejunum_ileum", metastasis="liver_only", liver_metastases_resectable=False,
                syndrome="carcinoid_syndrome", sstr_positive=True)
    assert not any("telotristat" in o.name.lower() for o in naive.options)
    unnamed = rec(site="pancreas", metastasis="liver_only", functioning=True)
    assert unnamed.category == "multidisciplinary_review" and len(unnamed.branches) == 6


def test_missing_site_and_undetermined_grade():
    assert recommend(Findings(ki67_percent=5, differentiation="well")).category == "multidisciplinary_review"
    assert recommend(Findings(site="pancreas", ki67_percent=40)).rule == "grade_undetermined"


def test_trace_reports_every_rule_tested():
    r = local("rectum", size_cm=0.5, depth="submucosa")
    assert [k for k, o in r.trace if o == "fired"] == ["rectum_small"]
    assert [k for k, _ in r.trace] == [x.key for x in RULES]
    assert "tumour board" in r.caveat and "tumour board" in r._repr_html_()


def test_assess_combines_and_serialises():
    a = assess(Findings(site="pancreas", differentiation="well", ki67_percent=3.0, mitoses_per_2mm2=1,
                        size_cm=2.0, regional_nodes_positive=0, metastasis="none", functioning=False))
    d = a.to_dict()
    assert d["grade"]["label"] == "NET G2" and d["stage"]["t"] == "T2" and d["stage"]["group"] == "II"
    assert d["recommendation"]["category"] == ONC
    html = a._repr_html_()
    assert "NET G2" in html and "Stage II" in html
    with pytest.raises(TypeError, match="findings"):
        assess(None)


@pytest.mark.parametrize("site", ["pancreas", "duodenum", "rectum", "stomach", "appendix"])
def test_node_positive_localised_tumours_never_get_node_sparing_treatment(site):
    for size in (0.5, 0.9, 1.5, 1.9):
        for nodes in ({"regional_nodes_positive": 1}, {"clinical_nodes": "positive"}):
            r = local(site, size_cm=size, depth="submucosa", gastric_type=1 if site == "stomach" else None,
                      **nodes)
            assert r.category not in NODE_SPARING, (site, size, nodes, r.rule)


# --- the clinical review's cases --------------------------------------------------------------------------------
def test_net_g3_by_mitoses_with_ki67_below_netter2_gets_no_first_line_prrt():
    for site in ("jejunum_ileum", "pancreas"):
        r = rec(site=site, metastasis="liver_and_extrahepatic", sstr_positive=True, ki67_percent=8,
                mitoses_per_2mm2=25)
        assert r.category != "prrt" and not any(o.category == "prrt" for o in r.options), site
        assert "outside_trial_population" in r.flags


def test_no_second_netter1_prrt_after_prrt():
    r = rec(site="jejunum_ileum", metastasis="liver_and_extrahepatic", ki67_percent=5, sstr_positive=True,
            prior_therapies=("somatostatin_analogue", "prrt"), progression=True)
    assert r.category == "targeted_therapy" and "netter1" not in r.evidence
    lung = recommend(Findings(site="lung", morphology="carcinoid", necrosis="absent", size_cm=3, mitoses_per_2mm2=4,
                              metastasis="liver_only", liver_metastases_resectable=False, sstr_positive=True,
                              progression=True, prior_therapies=("targeted_therapy", "prrt")))
    assert lung.category == "chemotherapy"


def test_nec_after_platinum_gets_second_line():
    r = recommend(Findings(site="pancreas", differentiation="poor", ki67_percent=80, metastasis="liver_only",
                           prior_therapies=("platinum_etoposide",), progression=True))
    assert r.category == "chemotherapy" and "no_randomised_evidence" in r.flags and "net02" in r.sources


def test_net_g3_progressing_on_treatment_is_outside_the_trials():
    r = rec(site="pancreas", metastasis="liver_only", liver_metastases_resectable=False, ki67_percent=60,
            prior_therapies=("chemotherapy",), progression=True, sstr_positive=True)
    assert r.category == "multidisciplinary_review" and "outside_trial_population" in r.flags


def test_positive_margin_excludes_simple_local_treatment():
    assert local("appendix", size_cm=0.8, margin="R1", clinical_nodes=None).category == "individualized"
    assert local("rectum", size_cm=0.8, depth="submucosa", margin="R1").category == "individualized"
    assert local("rectum", size_cm=0.8, depth="submucosa", margin="R0").category == "endoscopic_resection"


def test_mesoappendix_word_and_depth_agree():
    by_word = local("appendix", size_cm=0.8, invasion=("mesoappendix",), clinical_nodes=None)
    by_mm = local("appendix", size_cm=0.8, mesoappendix_invasion_mm=5, clinical_nodes=None)
    assert by_word.category == by_mm.category == "appendectomy"


def test_silent_assumptions_are_flagged():
    r = rec(site="pancreas", size_cm=1.0, metastasis="none", functioning=False, clinical_nodes="negative")
    assert r.category == "surveillance" and "assumed_asymptomatic" in r.flags
    r = rec(site="jejunum_ileum", metastasis="liver_and_extrahepatic", sstr_positive=True, ki67_percent=5)
    assert r.category == "somatostatin_analogue" and "assumed_treatment_naive" in r.flags


# --- a trainee's language and the structured reasons ----------------------------------------------------------
def test_every_category_has_words():
    from netlib.data.treatment_rules import CATEGORY_LABELS as DATA_LABELS
    from netlib.treatment import CATEGORY_LABELS

    assert CATEGORY_LABELS is DATA_LABELS and set(CATEGORY_LABELS) == set(CATEGORIES)
    for key, words in CATEGORY_LABELS.items():
        assert words and "_" not in words and words[0].islower(), key
    assert CATEGORY_LABELS[ONC] == "oncological resection with lymphadenectomy"
    assert len(set(CATEGORY_LABELS.values())) == len(CATEGORY_LABELS)


def test_recommendation_names_its_rule_and_near_misses_as_data():
    titles = {r.key: r.title for r in RULES}
    for case in load_cases():
        r = recommend(case.findings)
        assert r.rule_title == titles[r.rule] and r.rule_sentence in r.steps, case.key
        assert r.label == treatment.CATEGORY_LABELS[r.category]
        for nm in r.near_misses:
            assert f"Rule '{nm.rule_title}' does not apply: it requires '{nm.requires}'." in r.steps
            assert nm.category in CATEGORIES
        assert bool(r.missing) is ("insufficient_data" in r.flags), case.key
    missing = rec(site="jejunum_ileum", metastasis="liver_only", ki67_percent=5, sstr_positive=True,
                  prior_therapies=("somatostatin_analogue",), progression=True)
    assert missing.missing == "whether the liver metastases are resectable"
    assert missing.rule_sentence.startswith("Missing: whether the liver metastases are resectable.")
    assert missing.subtitle() == ("Rule that cannot be decided yet: Resectable liver-only metastases (missing: "
                                  "whether the liver metastases are resectable)")
    text = str(missing)
    assert "resection of the liver metastases (Resectable liver-only metastases)" in text
    assert "liver_metastasis_resection" not in text + missing._repr_html_()


def test_a_positive_margin_withdraws_appendectomy_alone_at_1_to_2_cm():
    """Tumour at the margin is tumour left behind: the NCCN appendectomy-alone alternative is for R0 only."""
    base = dict(site="appendix", differentiation="well", ki67_percent=1, mitoses_per_2mm2=0, size_cm=1.5,
                regional_nodes_positive=0, metastasis="none", functioning=False)
    r1 = recommend(Findings(**base, margin="R1"))
    assert r1.category == "right_hemicolectomy" and "appendectomy" not in [o.category for o in r1.options]
    r0 = recommend(Findings(**base, margin="R0", mesoappendix_invasion_mm=4))
    assert r0.category == "right_hemicolectomy" and "appendectomy" in [o.category for o in r0.options]


# --- PRRT and the Krenning score (netlib.data.imaging) ---------------------------------------------------------
_MIDGUT_ON_SSA = dict(site="jejunum_ileum", metastasis="liver_only", liver_metastases_resectable=False, ki67_percent=5,
                      functioning=False, progression=True, prior_therapies=("somatostatin_analogue",))


@pytest.mark.parametrize("score, category, prrt_offered, disputed", [
    (None, "prrt", True, False), (0, "targeted_therapy", False, False), (1, "targeted_therapy", False, False),
    (2, "prrt", True, True), (3, "prrt", True, False), (4, "prrt", True, False)])
def test_prrt_after_ssa_follows_the_krenning_score(score, category, prrt_offered, disputed):
    r = rec(**_MIDGUT_ON_SSA, krenning_score=score, sstr_positive=None if score == 0 else True)
    assert r.category == category
    prrt = [o for o in r.options if o.category == "prrt"]
    assert bool(prrt) is prrt_offered
    assert ("krenning_readings_differ" in r.flags) is disputed
    if disputed:
        assert "lenient reading" in prrt[0].note and "strict" in prrt[0].note
    if score is None:
        assert "Krenning score of tumour uptake not reported" in prrt[0].note
    if score in (3, 4):
        assert "Krenning" not in prrt[0].note  # agreed by every reading: no condition left open
    if not prrt_offered:
        assert any(s.startswith("Not offered: PRRT") for s in r.steps)


@pytest.mark.parametrize("score", [0, 1])
def test_low_uptake_rules_out_first_line_prrt_in_net_g3(score):
    sstr = None if score == 0 else True
    r = rec(site="pancreas", metastasis="liver_only", liver_metastases_resectable=False, ki67_percent=30,
            sstr_positive=sstr, krenning_score=score)
    assert r.category == "chemotherapy" and not any(o.category == "prrt" for o in r.options)
    r = rec(site="rectum", metastasis="liver_only", liver_metastases_resectable=False, ki67_percent=30,
            sstr_positive=sstr, krenning_score=score)
    assert r.category == "multidisciplinary_review" and "outside_trial_population" in r.flags


@pytest.mark.parametrize("score, prrt", [(1, False), (2, True), (3, True)])
def test_first_line_ssa_offers_netter2_prrt_only_with_enough_uptake(score, prrt):
    r = rec(site="pancreas", metastasis="liver_only", liver_metastases_resectable=False, ki67_percent=12,
            sstr_positive=True, krenning_score=score)
    assert r.category == "somatostatin_analogue"
    assert any(o.category == "prrt" for o in r.options) is prrt


@pytest.mark.parametrize("months, offered", [(None, True), (6, False), (17.9, False), (18, True), (36, True)])
def test_prrt_re_treatment_after_a_durable_first_response(months, offered):
    r = rec(site="jejunum_ileum", metastasis="liver_only", liver_metastases_resectable=False, ki67_percent=5,
            functioning=False, progression=True, prior_therapies=("somatostatin_analogue", "prrt"), krenning_score=3,
            pfs_after_prrt_months=months)
    re_treat = [o for o in r.options if "re-treatment" in o.name]
    assert r.category == "targeted_therapy" and bool(re_treat) is offered
    assert not any(o.name == "PRRT" for o in r.options)  # a first PRRT is not offered again
    if months is None:
        assert "progression-free interval after the first PRRT not reported" in re_treat[0].note
    if offered:
        assert "retrospective" in re_treat[0].note
        assert {"prrt_retreatment_meta2021", "van_der_zwan2019_salvage_prrt"} <= set(r.sources)


def test_prrt_re_treatment_needs_uptake_and_progression():
    base = dict(site="pancreas", metastasis="liver_only", liver_metastases_resectable=False, ki67_percent=8,
                functioning=False, progression=True, prior_therapies=("prrt",), pfs_after_prrt_months=30)
    assert not any("re-treatment" in o.name for o in rec(**base, krenning_score=1).options)
    assert any("re-treatment" in o.name for o in rec(**base, krenning_score=4).options)
    stable = rec(**dict(base, progression=False), krenning_score=4)
    assert not any("re-treatment" in o.name for o in stable.options)


def test_thoracic_carcinoid_after_everolimus_with_low_uptake_gets_chemotherapy():
    r = recommend(Findings(site="lung", morphology="carcinoid", necrosis="absent", size_cm=3, mitoses_per_2mm2=4,
                           metastasis="liver_only", liver_metastases_resectable=False, sstr_positive=True,
                           krenning_score=1, progression=True, prior_therapies=("targeted_therapy",)))
    assert r.category == "chemotherapy" and not any(o.category == "prrt" for o in r.options)
