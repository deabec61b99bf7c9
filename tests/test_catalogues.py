import pytest

from netlib import markers
from netlib.data import references, syndromes, trials
from netlib.data.criteria import TABLES
from netlib.data.references import REFERENCES


def test_catalogue_sources_resolve():
    for s in syndromes.SYNDROMES.values():
        assert s.sources and all(k in REFERENCES for k in s.sources)
    for g in syndromes.GASTRIC_TYPES.values():
        assert all(k in REFERENCES for k in g.sources)


def test_match_watery_diarrhoea_hypokalaemia_is_vipoma():
    (best, hit), *_ = syndromes.match(["watery_diarrhoea", "hypokalaemia"])
    assert best.key == "vipoma" and hit == ("watery_diarrhoea", "hypokalaemia")
    keys = [s.key for s, _ in syndromes.match(["diarrhoea", "flushing"])]
    assert keys[0] == "carcinoid_syndrome" and "gastrinoma" in keys
    assert syndromes.match([]) == []


def test_match_and_get_bad_input():
    with pytest.raises(ValueError, match="features"):
        syndromes.match(["headache"])
    with pytest.raises(TypeError, match="features"):
        syndromes.match("flushing")
    with pytest.raises(ValueError, match="syndrome"):
        syndromes.get("carcinoid")
    assert "hypoglycaemia" in syndromes.get("insulinoma").pitfalls[0]


def test_gastric_types():
    assert syndromes.GASTRIC_TYPES[1].share == "75-80 %" and syndromes.GASTRIC_TYPES[2].share == "about 5 %"
    shares = [g.share_percent for g in syndromes.GASTRIC_TYPES.values()]
    assert all(0 <= low <= high <= 100 for low, high in shares)
    assert sum(low for low, _ in shares) <= 100 <= sum(high for _, high in shares)  # the three types are all of them
    assert "gastrectomy" in syndromes.GASTRIC_TYPES[3].management


def test_marker_panel():
    r = markers.interpret(synaptophysin="positive", chromogranin_a="positive", keratin="positive")
    assert (r.ne_differentiation, r.lineage) == ("yes", "epithelial")
    r = markers.interpret(synaptophysin="positive", keratin="negative", neurofilament="negative")
    assert r.lineage == "non-epithelial" and "neurofilament_unreliable" in r.flags
    r = markers.interpret(synaptophysin="negative", chromogranin_a="negative", insm1="negative")
    assert r.ne_differentiation == "no" and "small_cell_caveat" in r.flags
    assert markers.interpret(synaptophysin="negative").ne_differentiation == "uncertain"
    assert "insm1_only" in markers.interpret(insm1="positive").flags
    assert markers.interpret().lineage == "uncertain"


def test_marker_bad_input():
    with pytest.raises(ValueError, match="keratin"):
        markers.interpret(keratin="weak")
    with pytest.raises(TypeError, match="insm1"):
        markers.interpret(insm1=True)


def test_trials_data():
    t = trials.get("netter1")
    assert t.hazard_ratio == 0.21 and t.median_control == 8.4
    assert trials.get("netter2").median_experimental == 22.8
    with pytest.raises(ValueError, match="trial"):
        trials.get("netter3")
    assert markers.MARKER_SENSITIVITY["synaptophysin"]["NEN"] == 93.3


def test_every_table_source_resolves():
    for t in TABLES.values():
        for key in t.sources:
            references.get(key)


def test_reference_lookup_error_names_key():
    with pytest.raises(ValueError, match="nonexistent"):
        references.get("nonexistent")
    assert "who2019_digestive" in references.render_markdown(["who2019_digestive"])
    assert references.render_html(["who2019_digestive"]).startswith("<ol>")


def test_serum_chromogranin_a_is_not_taught_as_a_diagnostic_test():
    carcinoid = syndromes.get("carcinoid_syndrome")
    assert "AJCC Version 9" in carcinoid.key_test and "not a diagnostic test" in carcinoid.key_test
    assert "sensitive but unspecific" not in carcinoid.key_test
    pitfall = " ".join(carcinoid.pitfalls)
    assert "renal insufficiency" in pitfall and "tissue stain" in pitfall
    assert {"ajcc9_gep_net", "cga_confounders", "korse2011_cga_ppi"} <= set(carcinoid.sources)
    assert "serum gastrin" in syndromes.get("gastrinoma").pitfalls[0]


def test_source_summary_verdicts_on_sites_and_observation():
    from netlib.data.source_summary import CLAIMS

    sites = next(c for c in CLAIMS if "pancreas, lungs, thymus" in c.claim)
    assert sites.verdict == "incomplete" and "six primary sites" in sites.evidence
    observe = next(c for c in CLAIMS if "observed" in c.claim)
    assert "node-negative" in observe.evidence and "aggressive features" in observe.evidence
    assert "10 mm" in observe.evidence and "below 2 cm" in observe.evidence


def test_lung_trials_and_supporting_sources():
    lung = trials.get("radiant4_lung")
    assert (lung.n, lung.median_experimental, lung.median_control, lung.hazard_ratio) == (90, 9.2, 3.6, 0.50)
    assert lung.sources == ("radiant4_lung", "radiant4")
    luna = trials.get("luna")
    assert luna.hazard_ratio is None and "58.5 %" in luna.note
    assert trials.get("clarinet").sources == ("clarinet", "clarinet_ole")
