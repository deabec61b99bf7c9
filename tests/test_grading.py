import numpy as np
import pytest

from netlib import Findings, grade
from netlib.data.criteria import get_table
from netlib.grading import FLAGS, LABELS, grade_array


def g(**kw):
    return grade(Findings(**kw))


# --- GEP boundaries: Ki-67 exactly 3 and 20, mitoses exactly 2 and 20 --------------------------
@pytest.mark.parametrize("ki67,label", [(0, "NET G1"), (2.9, "NET G1"), (2.99, "NET G1"), (3.0, "NET G2"),
                                        (20.0, "NET G2"), (20.1, "NET G3"), (100, "NET G3")])
def test_ki67_boundaries(ki67, label):
    assert g(site="pancreas", differentiation="well", ki67_percent=ki67, mitoses_per_2mm2=0).label == label


@pytest.mark.parametrize("mit,label", [(0, "NET G1"), (1.8, "NET G1"), (1.99, "NET G1"), (2, "NET G2"),
                                       (20, "NET G2"), (20.2, "NET G3"), (21, "NET G3")])
def test_mitoses_boundaries(mit, label):
    assert g(site="jejunum_ileum", differentiation="well", ki67_percent=1, mitoses_per_2mm2=mit).label == label


@pytest.mark.parametrize("kw", [dict(ki67_percent=3.0), dict(ki67_percent=20.0), dict(mitoses_per_2mm2=2),
                                dict(mitoses_per_2mm2=20)])
def test_boundary_values_are_flagged(kw):
    r = g(site="rectum", differentiation="well", **kw)
    assert "boundary_value" in r.flags and r.label == "NET G2"


def test_non_boundary_not_flagged():
    assert "boundary_value" not in g(differentiation="well", ki67_percent=10, mitoses_per_2mm2=5).flags


def test_discordant_higher_grade_wins_and_says_why():
    r = g(site="pancreas", differentiation="well", ki67_percent=2, mitoses_per_2mm2=4)
    assert r.label == "NET G2" and "discordant_ki67_mitoses" in r.flags
    assert any("higher grade wins" in s and "mitoses decides" in s for s in r.steps)
    r = g(site="pancreas", differentiation="well", ki67_percent=25, mitoses_per_2mm2=3)
    assert r.label == "NET G3" and "discordant_ki67_mitoses" in r.flags


def test_neighbouring_grades_explained():
    r = g(site="pancreas", differentiation="well", ki67_percent=3.0, mitoses_per_2mm2=1)
    assert any(s.startswith("Not NET G1") and "Ki-67 3 is not < 3 %" in s for s in r.steps)
    assert any(s.startswith("Not NET G3") for s in r.steps)


def test_single_parameter_flagged_and_none_is_undetermined():
    assert "single_parameter" in g(differentiation="well", ki67_percent=5).flags
    assert "single_parameter" in g(differentiation="well", mitoses_per_2mm2=5).flags
    r = g(site="pancreas", differentiation="well")
    assert r.label == "undetermined" and "no_proliferation_data" in r.flags


def test_g3_range_without_morphology_is_undetermined():
    r = g(site="pancreas", ki67_percent=35)
    assert r.label == "undetermined" and "morphology_required" in r.flags


def test_net_g3_vs_nec_by_differentiation():
    assert g(site="pancreas", differentiation="well", ki67_percent=35).label == "NET G3"
    r = g(site="pancreas", differentiation="poor", morphology="large_cell", ki67_percent=80)
    assert (r.label, r.subtype) == ("NEC", "large cell") and "inconsistent_with_nec" not in r.flags
    assert g(site="colon", morphology="small_cell", ki67_percent=90).subtype == "small cell"


def test_poor_differentiation_with_low_ki67_is_nec_flagged():
    r = g(site="colon", differentiation="poor", ki67_percent=15, mitoses_per_2mm2=5)
    assert r.label == "NEC" and "inconsistent_with_nec" in r.flags
    assert g(site="colon", differentiation="poor").label == "NEC"


@pytest.mark.parametrize("counts", [dict(ki67_percent=80), dict(mitoses_per_2mm2=40), dict(ki67_percent=15),
                                    dict(ki67_percent=80, mitoses_per_2mm2=1), dict()])
@pytest.mark.parametrize("criteria", [None, "who2010_digestive", "who2017_pancreas"])
def test_a_carcinoma_card_never_grades_it_as_a_net(counts, criteria):
    """A NEC is high grade by its differentiation: its steps never say a count 'could raise the grade', never name a
    NET grade as the count's result ('-> NET G3') and never argue with a neighbouring NET grade; the count's band
    stays in the decision as data."""
    r = grade(Findings(site="pancreas", differentiation="poor", **counts), criteria)
    assert r.label == "NEC" and r.decision.by == "differentiation"
    text = " ".join(r.steps)
    assert "could raise" not in text and "->" not in text and "Not NET" not in text, r.steps
    assert "single_parameter" not in r.flags
    table = get_table(criteria or "who2022_digestive")
    bands = [table.band_index(p, v) for p, v in (("ki67", counts.get("ki67_percent")),
                                                  ("mitoses", counts.get("mitoses_per_2mm2"))) if v is not None]
    below_top = bool(bands) and max(bands) < len(table.bands) - 1
    assert ("inconsistent_with_nec" in r.flags) == below_top, (counts, r.flags)
    if counts.get("ki67_percent") == 80 and criteria is None:
        assert r.decision.band("ki67") == "NET G3"  # the table's band, as data
        assert any("highest range" in s for s in r.steps)


def test_differentiation_morphology_conflict():
    r = g(site="colon", differentiation="well", morphology="small_cell", ki67_percent=60)
    assert r.label == "undetermined" and "differentiation_morphology_conflict" in r.flags


def test_differentiation_assumed_for_low_grade():
    r = g(site="appendix", ki67_percent=1)
    assert r.label == "NET G1" and "differentiation_assumed_well" in r.flags


@pytest.mark.parametrize("ne,label,flag", [(30, "MiNEN", "minen_boundary"), (70, "MiNEN", "minen_boundary"),
                                           (50, "MiNEN", None), (29.9, "undetermined", "minor_ne_component"),
                                           (75, "NET G2", "minor_non_ne_component")])
def test_minen(ne, label, flag):
    r = g(site="stomach", differentiation="well", ki67_percent=5, ne_component_percent=ne)
    assert r.label == label
    if flag:
        assert flag in r.flags


def test_who2010_gap_and_gap_value_flag():
    r = grade(Findings(differentiation="well", ki67_percent=2.5, mitoses_per_2mm2=0), criteria="who2010_digestive")
    assert r.label == "undetermined" and "who2010_gap" in r.flags and "historical_criteria" in r.flags
    r = grade(Findings(differentiation="well", ki67_percent=2.5, mitoses_per_2mm2=3), criteria="who2010_digestive")
    assert r.label == "NET G2"
    r = g(differentiation="well", ki67_percent=2.5)
    assert r.label == "NET G1" and "who2010_gap_value" in r.flags
    r = grade(Findings(differentiation="well", ki67_percent=30), criteria="who2010_digestive")
    assert r.label == "NEC"


# --- thoracic ---------------------------------------------------------------------------------
def lung(**kw):
    return grade(Findings(site="lung", morphology="carcinoid", **kw))


@pytest.mark.parametrize("mit,necrosis,label", [
    (0, "absent", "typical carcinoid"), (1.9, "absent", "typical carcinoid"), (1, "punctate", "atypical carcinoid"),
    (2, "absent", "atypical carcinoid"), (10, "absent", "atypical carcinoid"), (10, "punctate", "atypical carcinoid"),
    (11, "absent", "undetermined"),
])
def test_lung_boundaries_2_and_10_vs_11(mit, necrosis, label):
    assert lung(mitoses_per_2mm2=mit, necrosis=necrosis, size_cm=1.5).label == label


def test_lung_11_mitoses_beyond_atypical_range():
    r = lung(mitoses_per_2mm2=11, necrosis="absent")
    assert "beyond_atypical_range" in r.flags and any("emerging concept" in s for s in r.steps)
    assert "boundary_value" in lung(mitoses_per_2mm2=10, necrosis="absent").flags


def test_lung_never_uses_ki67():
    r = lung(mitoses_per_2mm2=0, necrosis="absent", size_cm=1, ki67_percent=25)
    assert r.label == "typical carcinoid" and "ki67_not_used" in r.flags
    assert r.criteria == "who2021_thoracic"
    assert "elevated_proliferation_carcinoid" in lung(mitoses_per_2mm2=1, necrosis="absent", ki67_percent=30).flags
    assert "elevated_proliferation_carcinoid" not in lung(mitoses_per_2mm2=1, necrosis="absent", ki67_percent=29).flags


def test_lung_size_rule():
    assert lung(mitoses_per_2mm2=0, necrosis="absent", size_cm=0.5).label == "typical carcinoid"
    r = lung(mitoses_per_2mm2=0, necrosis="absent", size_cm=0.4)
    assert r.label == "undetermined" and "below_typical_carcinoid_size" in r.flags
    assert "size_not_reported" in lung(mitoses_per_2mm2=0, necrosis="absent").flags


def test_lung_missing_data():
    assert "mitoses_required" in lung(necrosis="absent").flags
    assert "necrosis_required" in lung(mitoses_per_2mm2=1).flags
    r = grade(Findings(site="lung", mitoses_per_2mm2=50))
    assert "thoracic_morphology_required" in r.flags and "morphology_required" not in r.flags
    assert "NET G3" not in " ".join(r.flag_sentences())


def test_lung_high_grade():
    assert grade(Findings(site="lung", morphology="small_cell", mitoses_per_2mm2=80)).label == "SCLC"
    assert grade(Findings(site="thymus", morphology="large_cell", mitoses_per_2mm2=40)).label == "LCNEC"
    r = grade(Findings(site="lung", morphology="large_cell", mitoses_per_2mm2=10))
    assert r.label == "undetermined" and "inconsistent_with_high_grade" in r.flags
    assert "mitoses_not_reported" in grade(Findings(site="lung", morphology="small_cell")).flags


def test_criteria_system_mismatch():
    with pytest.raises(ValueError, match="thoracic"):
        grade(Findings(site="lung"), criteria="who2022_digestive")
    with pytest.raises(ValueError, match="digestive"):
        grade(Findings(site="pancreas"), criteria="who2021_thoracic")
    with pytest.raises(TypeError, match="findings"):
        grade({"site": "lung"})


def test_result_shape_and_card():
    r = g(site="pancreas", differentiation="well", ki67_percent=3.0, mitoses_per_2mm2=1)
    assert r.label in LABELS and all(f in FLAGS for f in r.flags)
    html = r._repr_html_()
    assert "NET G2" in html and "Take care:" in html and "Ki-67 3 % belongs to NET G2" in html
    assert "Nagtegaal et al., Histopathology, 2020" in html and "https://doi.org/10.1111/his.13975" in html
    assert "boundary_value" not in html and "who2019_digestive" not in html  # words, not keys
    text = str(r)
    assert text.startswith("Grade: NET G2") and "Ki-67 3 % belongs to NET G2" in text
    assert "Nagtegaal et al., Histopathology, 2020" in text and "boundary_value" not in text


# --- vectorised -------------------------------------------------------------------------------
def test_grade_array_matches_scalar_grade():
    ki = np.array([0, 2.99, 3.0, 20.0, 20.01, np.nan, 1, np.nan])
    mi = np.array([0, 0, 0, 0, 0, 2, 21, np.nan])
    out = grade_array(ki, mi)
    assert out.tolist() == [1, 1, 2, 2, 3, 2, 3, 0]
    names = {1: "NET G1", 2: "NET G2", 3: "NET G3", 0: "undetermined"}
    for k, m, o in zip(ki, mi, out):
        f = Findings(differentiation="well", ki67_percent=None if np.isnan(k) else float(k),
                     mitoses_per_2mm2=None if np.isnan(m) else float(m))
        assert grade(f).label == names[int(o)]


def test_grade_array_rejects_bad_input():
    with pytest.raises(ValueError, match="ki67_percent"):
        grade_array([101], [0])
    with pytest.raises(ValueError, match="mitoses_per_2mm2"):
        grade_array([1], [-1])
    with pytest.raises(ValueError, match="same shape"):
        grade_array([1, 2], [1])
    with pytest.raises(ValueError, match="digestive"):
        grade_array([1], [1], criteria="who2021_thoracic")


def test_grade_array_who2010_gap_matches_grade():
    ki = np.array([2.5, 2.5, 2.5, 2.0, 3.0])
    mi = np.array([0, 3, np.nan, 0, 0])
    assert grade_array(ki, mi, "who2010_digestive").tolist() == [0, 2, 0, 1, 2]
    for k, m, o in zip(ki, mi, grade_array(ki, mi, "who2010_digestive")):
        f = Findings(differentiation="well", ki67_percent=float(k), mitoses_per_2mm2=None if np.isnan(m) else float(m))
        label = grade(f, "who2010_digestive").label
        assert label == {0: "undetermined", 1: "NET G1", 2: "NET G2"}[int(o)]


# --- the tumourlet rule (0.5 cm) is a lung concept; thymic carcinoids: mitoses and necrosis alone ----------------
def test_tumourlet_rule_applies_to_lung_only():
    from netlib.data.criteria import WHO_2021_THORACIC

    cut = WHO_2021_THORACIC.typical_min_size_cm
    below, at = cut - 0.1, cut
    kw = dict(morphology="carcinoid", mitoses_per_2mm2=1, necrosis="absent")
    r = g(site="lung", size_cm=below, **kw)
    assert r.label == "undetermined" and "below_typical_carcinoid_size" in r.flags
    assert g(site="lung", size_cm=at, **kw).label == "typical carcinoid"
    assert "size_not_reported" in g(site="lung", **kw).flags
    for size in (below, at, None):
        r = g(site="thymus", size_cm=size, **kw)
        assert r.label == "typical carcinoid" and not {"below_typical_carcinoid_size", "size_not_reported"} & set(r.flags)
        assert any("mitoses and necrosis alone" in s and "lung concept" in s for s in r.steps)
    # necrosis and mitoses still classify a thymic carcinoid
    assert g(site="thymus", size_cm=below, morphology="carcinoid", mitoses_per_2mm2=1,
             necrosis="punctate").label == "atypical carcinoid"


# --- the boundary_value flag text is true for every cut-off it can be raised on ------------------------------------
def test_boundary_value_text_names_the_band_each_cut_off_belongs_to():
    from netlib.data.criteria import TABLES

    text = FLAGS["boundary_value"]
    assert "higher band" not in text
    for table in TABLES.values():
        part = text[text.index(table.title):]
        for band in table.bands:
            for p in ("ki67", "mitoses"):
                iv = band.interval(p)
                for v in iv.closed_ends if iv is not None else ():
                    name = f"Ki-67 {v:g} %" if p == "ki67" else f"{v:g} mitoses {table.mitoses_unit}"
                    assert name in part, (table.key, name)
                    # the value belongs to the band grade() gives it, and the text says which end of that band
                    end = "highest" if v == iv.high else "lowest"
                    sentence = part[part.index(name):].split(";")[0].split(". ")[0]
                    assert f"{end} value" in sentence and band.label in sentence, (table.key, name, sentence)
    # the facts the old text got wrong: 20 % and 20 mitoses stay in G2, 3 % starts G2
    assert g(site="rectum", differentiation="well", ki67_percent=20.0).label == "NET G2"
    assert g(site="rectum", differentiation="well", mitoses_per_2mm2=20).label == "NET G2"
    assert "Ki-67 20 % and 20 mitoses per 2 mm² are the highest values of NET G2 (not NET G3)" in text
    assert "Ki-67 3 % and 2 mitoses per 2 mm² are the lowest values of NET G2" in text


# --- the decision as data ---------------------------------------------------------------------------------
@pytest.mark.parametrize("kw,by,bands", [
    (dict(site="pancreas", differentiation="well", ki67_percent=2, mitoses_per_2mm2=4), "mitoses",
     {"ki67": "NET G1", "mitoses": "NET G2"}),
    (dict(site="pancreas", differentiation="well", ki67_percent=25, mitoses_per_2mm2=4), "ki67",
     {"ki67": "NET G3", "mitoses": "NET G2"}),
    (dict(site="rectum", differentiation="well", ki67_percent=5, mitoses_per_2mm2=3), "both",
     {"ki67": "NET G2", "mitoses": "NET G2"}),
    (dict(site="rectum", ki67_percent=5), "ki67", {"ki67": "NET G2"}),
    (dict(site="colon", differentiation="poor", ki67_percent=80), "differentiation", {"ki67": "NET G3"}),
    (dict(site="colon", ne_component_percent=40, differentiation="poor"), "ne_component", {}),
    (dict(site="colon", ne_component_percent=20), "ne_component", {}),
    (dict(site="pancreas", ki67_percent=40), "differentiation", {"ki67": "NET G3"}),
    (dict(site="pancreas", differentiation="well"), "proliferation", {}),
    (dict(site="lung", morphology="carcinoid", mitoses_per_2mm2=4, necrosis="absent", size_cm=1), "thoracic_mitoses",
     {"mitoses": "atypical carcinoid"}),
    (dict(site="lung", morphology="carcinoid", mitoses_per_2mm2=1, necrosis="punctate", size_cm=1), "necrosis",
     {"mitoses": "typical carcinoid"}),
    (dict(site="lung", morphology="carcinoid", mitoses_per_2mm2=1, necrosis="absent", size_cm=0.3), "size",
     {"mitoses": "typical carcinoid"}),
    (dict(site="lung", morphology="small_cell", mitoses_per_2mm2=40), "morphology", {"mitoses": "LCNEC / SCLC range"}),
    (dict(site="thymus"), "morphology", {}),
])
def test_decision_says_what_decided(kw, by, bands):
    r = g(**kw)
    d = r.decision
    assert d.by == by and dict(d.bands) == bands and d.sentence in r.steps, (r.label, d)
    assert d.discordant is (len(set(bands.values())) > 1)


def test_decision_cutoffs_name_their_band_and_the_value_on_them():
    d = g(site="rectum", differentiation="well", ki67_percent=20.0, mitoses_per_2mm2=1).decision
    assert [(c.parameter, c.value, c.unit, c.band, c.exact) for c in d.cutoffs] == [
        ("ki67", 3.0, "%", "NET G2", False), ("ki67", 20.0, "%", "NET G2", True),
        ("mitoses", 2.0, "per 2 mm²", "NET G2", False)]
    assert [c.describe() for c in d.exact_cutoffs] == ["Ki-67 20 % belongs to NET G2"]
    minen = g(site="colon", ne_component_percent=30, differentiation="poor").decision
    assert minen.exact_cutoffs[0].describe() == "a component of 30 % belongs to MiNEN"
    lung = g(site="lung", morphology="carcinoid", mitoses_per_2mm2=2, necrosis="absent", size_cm=1).decision
    assert [c.describe() for c in lung.exact_cutoffs] == ["2 mitoses per 2 mm² belongs to atypical carcinoid"]


def test_every_case_bank_grade_has_a_decision_from_its_steps():
    from netlib.data.cases import load_cases
    from netlib.grading import DECIDED_BY

    for case in load_cases():
        r = grade(case.findings)
        assert r.decision.by in DECIDED_BY and r.decision.sentence in r.steps, case.key
