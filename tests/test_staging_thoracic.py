"""Thymic NETs (thymic epithelial tumour TNM 8, IASLC/ITMIG) and lung carcinoids (lung cancer TNM 8).

Expected values restate fact sheet 2 §6 (and, for lung groups beyond N0 and lung T invasion, the transcriptions
named in netlib/data/staging_tables.py): they are the check, not a copy of the code's tables.
"""
import itertools

import pytest

from netlib import Findings, stage
from netlib.data.references import REFERENCES
from netlib.data.staging_tables import LUNG, LUNG_GROUPS, THORACIC_TABLES, THYMUS, THYMUS_GROUPS
from netlib.errors import InvalidValueError
from netlib.findings import THORACIC_WORD_MEANINGS, VOCABULARY

CARCINOID = dict(morphology="carcinoid", mitoses_per_2mm2=3, necrosis="punctate")


def thymus(**kw):
    kw.setdefault("invasion", ())
    kw.setdefault("regional_nodes_positive", 0)
    kw.setdefault("metastasis", "none")
    return stage(Findings(site="thymus", **CARCINOID, **kw))


def lung(**kw):
    kw.setdefault("regional_nodes_positive", 0)
    kw.setdefault("metastasis", "none")
    return stage(Findings(site="lung", morphology="carcinoid", mitoses_per_2mm2=1, necrosis="absent", **kw))


# --- thymus: T from the invaded structures (fact sheet 2 §6.1) ----------------------------------------------
@pytest.mark.parametrize("invaded,t", [
    ((), "T1a"), (("mediastinal_fat",), "T1a"), (("mediastinal_pleura",), "T1b"), (("pericardium",), "T2"),
    (("lung",), "T3"), (("brachiocephalic_vein",), "T3"), (("superior_vena_cava",), "T3"), (("phrenic_nerve",), "T3"),
    (("chest_wall",), "T3"), (("extrapericardial_pulmonary_vessels",), "T3"), (("aorta",), "T4"),
    (("arch_vessels",), "T4"), (("intrapericardial_pulmonary_artery",), "T4"), (("myocardium",), "T4"),
    (("trachea",), "T4"), (("oesophagus",), "T4"), (("mediastinal_pleura", "pericardium", "aorta"), "T4"),
])
def test_thymus_t_from_invaded_structures(invaded, t):
    assert thymus(invasion=invaded).t == t


@pytest.mark.parametrize("size", [0.3, 2.0, 5.0, 5.1, 12.0])
def test_thymus_size_is_not_a_t_criterion_and_says_so(size):
    s = thymus(invasion=("pericardium",), size_cm=size)
    assert (s.t, s.group) == ("T2", "II")  # pericardial invasion = stage II whatever the size
    assert any("not a T criterion" in x and f"{size:g} cm" in x for x in s.steps)


def test_thymus_invasion_not_reported_is_tx_and_empty_is_t1a():
    s = stage(Findings(site="thymus", **CARCINOID, regional_nodes_positive=0, metastasis="none"))
    assert s.t == "TX" and s.group is None
    assert any("empty list" in x for x in s.steps)
    assert thymus().t == "T1a" and thymus().group == "I"


# --- thymus: N by station, M1a/M1b, groups (fact sheet 2 §6.2-6.3) ----------------------------------------------
@pytest.mark.parametrize("invaded,station,extra,group", [
    (("mediastinal_fat",), None, {}, "I"), (("mediastinal_pleura",), None, {}, "I"), (("pericardium",), None, {}, "II"),
    (("lung",), None, {}, "IIIA"), (("aorta",), None, {}, "IIIB"),
    ((), "anterior_perithymic", {}, "IVA"), (("aorta",), "anterior_perithymic", {}, "IVA"),
    ((), None, {"thoracic_metastasis": "pleural_or_pericardial_nodules", "metastasis": "extrahepatic_only"}, "IVA"),
    (("pericardium",), "anterior_perithymic", {"thoracic_metastasis": "pleural_or_pericardial_nodules",
                                               "metastasis": "extrahepatic_only"}, "IVA"),
    ((), "deep_intrathoracic_or_cervical", {}, "IVB"),
    ((), "deep_intrathoracic_or_cervical", {"thoracic_metastasis": "pleural_or_pericardial_nodules",
                                            "metastasis": "extrahepatic_only"}, "IVB"),
    ((), None, {"thoracic_metastasis": "lung_nodule", "metastasis": "extrahepatic_only"}, "IVB"),
    ((), None, {"metastasis": "liver_only"}, "IVB"),  # the liver is a distant organ: M1b
])
def test_thymus_stage_groups(invaded, station, extra, group):
    kw = {"regional_nodes_positive": None if station else 0, "thoracic_nodes": station, **extra}
    assert thymus(invasion=invaded, **kw).group == group


def test_thymus_groups_table_matches_the_fact_sheet_for_every_combination():
    t_order = THYMUS.t
    for t, n, m in itertools.product(t_order, THYMUS.n, THYMUS.m):
        if m == "M1b" or (n == "N2"):
            expected = "IVB"
        elif n == "N1" or m == "M1a":
            expected = "IVA"
        else:
            expected = {"T1a": "I", "T1b": "I", "T2": "II", "T3": "IIIA", "T4": "IIIB"}[t]
        assert THYMUS_GROUPS.lookup(t, n, m) == expected, (t, n, m)


def test_thymus_positive_nodes_without_station_and_extrahepatic_metastases_are_open():
    s = thymus(regional_nodes_positive=2)
    assert s.n == "N+" and s.group is None and "n_subcategory_undetermined" in s.flags  # IVA (N1) or IVB (N2)
    s = thymus(regional_nodes_positive=2, metastasis="liver_only")
    assert s.group == "IVB" and "group_from_partial_data" in s.flags
    s = thymus(metastasis="extrahepatic_only")
    assert s.m == "M1" and s.group is None and "m_subcategory_undetermined" in s.flags  # IVA (M1a) or IVB (M1b)
    s = thymus(metastasis="extrahepatic_only", regional_nodes_positive=None, thoracic_nodes="deep_intrathoracic_or_cervical")
    assert s.m == "M1" and s.group == "IVB"


def test_thymus_clinical_nodes_and_pathological_count_wins():
    s = thymus(regional_nodes_positive=None, clinical_nodes="negative")
    assert (s.n, s.group) == ("cN0", "I") and "clinical_n" in s.flags
    s = thymus(regional_nodes_positive=None, clinical_nodes="positive", thoracic_nodes="anterior_perithymic")
    assert (s.n, s.group) == ("cN1", "IVA")
    s = thymus(regional_nodes_positive=0, clinical_nodes="positive")
    assert s.n == "N0" and "pathological_n_wins" in s.flags and any("decide N" in x for x in s.steps)


def test_thymus_says_what_is_less_certain():
    s = thymus()
    assert "thymic_tnm" in s.flags
    assert any(x.startswith("Less certain") and "American Cancer Society" in x for x in s.steps)
    assert any("TNM 9" in x for x in s.steps)  # size returns in TNM 9: the edition is named
    assert "IASLC/ITMIG" in s._repr_html_() and "AJCC 8th edition" in s.card_heading()


def test_thymic_carcinoma_is_not_staged_here():
    s = stage(Findings(site="thymus", morphology="large_cell", mitoses_per_2mm2=40, invasion=("pericardium",)))
    assert (s.t, s.group) == (None, None) and s.flags == ("lung_cancer_tnm",)
    assert any("invaded structures" in x for x in s.steps)  # the unused finding is named


@pytest.mark.parametrize("field,value", [
    ("thoracic_nodes", "ipsilateral_mediastinal_or_subcarinal"), ("thoracic_metastasis", "multiple_extrathoracic"),
    ("invasion", ("pancreas",)), ("invasion", ("visceral_pleura",)), ("depth", "submucosa"),
])
def test_thymus_refuses_words_of_other_sites_naming_field_value_and_allowed_words(field, value):
    kw = {field: value}
    if field == "thoracic_nodes":
        kw["regional_nodes_positive"] = None
    if field == "thoracic_metastasis":
        kw["metastasis"] = "extrahepatic_only"
    with pytest.raises(InvalidValueError) as e:
        thymus(**kw)
    word = value[0] if isinstance(value, tuple) else value
    assert e.value.argument == field and repr(word) in str(e.value)
    if field != "depth":
        assert "allowed here" in str(e.value)


def test_thoracic_contradictions_are_errors():
    with pytest.raises(InvalidValueError, match="thoracic_nodes.*regional_nodes_positive=0"):
        thymus(thoracic_nodes="anterior_perithymic")
    with pytest.raises(InvalidValueError, match="^clinical_nodes"):
        thymus(regional_nodes_positive=None, clinical_nodes="negative", thoracic_nodes="anterior_perithymic")
    with pytest.raises(InvalidValueError, match="^thoracic_metastasis.*metastasis='none'"):
        thymus(thoracic_metastasis="lung_nodule")


# --- lung: size bands with inclusive upper bounds (fact sheet 2 §6.6) ---------------------------------------------
@pytest.mark.parametrize("size,t", [
    (0.1, "T1a"), (1.0, "T1a"), (1.01, "T1b"), (2.0, "T1b"), (2.01, "T1c"), (3.0, "T1c"), (3.01, "T2a"),
    (4.0, "T2a"), (4.01, "T2b"), (5.0, "T2b"), (5.01, "T3"), (7.0, "T3"), (7.01, "T4"), (30.0, "T4"),
])
def test_lung_size_bands_both_sides_of_each_cut_off(size, t):
    s = lung(size_cm=size)
    assert s.t == t
    assert ("size_boundary" in s.flags) == (size in (1.0, 2.0, 3.0, 4.0, 5.0, 7.0))


def test_lung_bands_cover_every_size_once():
    for x in [0.01, *[c + d for c in LUNG.cutoffs() for d in (-1e-6, 0, 1e-6)], 50.0]:
        assert len([c for c, iv in LUNG.size_bands if x in iv]) == 1, x


@pytest.mark.parametrize("size,group", [(1.0, "IA1"), (1.5, "IA2"), (3.0, "IA3"), (3.5, "IB"), (4.5, "IIA"),
                                        (6.0, "IIB"), (8.0, "IIIA")])
def test_lung_n0_m0_groups(size, group):
    assert lung(size_cm=size).group == group


@pytest.mark.parametrize("size,station,group", [
    (1.0, "ipsilateral_hilar_or_intrapulmonary", "IIB"), (4.5, "ipsilateral_hilar_or_intrapulmonary", "IIB"),
    (6.0, "ipsilateral_hilar_or_intrapulmonary", "IIIA"), (8.0, "ipsilateral_hilar_or_intrapulmonary", "IIIA"),
    (1.0, "ipsilateral_mediastinal_or_subcarinal", "IIIA"), (6.0, "ipsilateral_mediastinal_or_subcarinal", "IIIB"),
    (1.0, "contralateral_or_supraclavicular", "IIIB"), (6.0, "contralateral_or_supraclavicular", "IIIC"),
    (8.0, "contralateral_or_supraclavicular", "IIIC"),
])
def test_lung_node_stations_and_groups(size, station, group):
    s = lung(size_cm=size, regional_nodes_positive=None, thoracic_nodes=station)
    assert s.group == group and s.n == LUNG.nodes[station]


@pytest.mark.parametrize("word,m,group", [("pleural_or_pericardial_nodules", "M1a", "IVA"),
                                          ("contralateral_lung_nodule", "M1a", "IVA"),
                                          ("single_extrathoracic", "M1b", "IVA"),
                                          ("multiple_extrathoracic", "M1c", "IVB")])
def test_lung_m(word, m, group):
    s = lung(size_cm=1.0, metastasis="extrahepatic_only", thoracic_metastasis=word)
    assert (s.m, s.group) == (m, group)


def test_lung_metastasis_words_alone():
    assert lung(size_cm=1.0, metastasis="liver_and_extrahepatic").group == "IVB"  # several organs: M1c
    s = lung(size_cm=1.0, metastasis="liver_only")  # one or several liver metastases: M1b or M1c
    assert s.m == "M1" and s.group is None


@pytest.mark.parametrize("invaded,size,t", [
    (("visceral_pleura",), 2.0, "T2a"), (("main_bronchus",), None, "T2a"), (("visceral_pleura",), 4.5, "T2b"),
    (("chest_wall",), 1.0, "T3"), (("phrenic_nerve",), 1.0, "T3"), (("pericardium",), 1.0, "T3"),
    (("diaphragm",), 1.0, "T4"), (("aorta",), 1.0, "T4"), (("myocardium",), 1.0, "T4"), (("carina",), 1.0, "T4"),
    (("trachea",), 1.0, "T4"), (("oesophagus",), 1.0, "T4"), (("vertebral_body",), 1.0, "T4"),
    (("recurrent_laryngeal_nerve",), 1.0, "T4"), (("chest_wall",), 8.0, "T4"),
])
def test_lung_t_from_invasion(invaded, size, t):
    assert lung(size_cm=size, invasion=invaded).t == t


def test_lung_unverified_structures_leave_t_open_never_guessed():
    s = lung(size_cm=2.0, invasion=("superior_vena_cava",))
    assert s.t == "TX" and s.group is None and "t_not_modelled" in s.flags
    assert any("not verified" in x for x in s.steps)
    assert lung(size_cm=8.0, invasion=("superior_vena_cava",)).t == "T4"  # already the highest T
    with pytest.raises(InvalidValueError) as e:
        lung(size_cm=2.0, invasion=("lung",))
    assert e.value.argument == "invasion" and "organ of origin" in str(e.value)


def test_lung_refuses_thymic_words_and_wall_layers():
    with pytest.raises(InvalidValueError) as e:
        lung(size_cm=1.0, regional_nodes_positive=None, thoracic_nodes="anterior_perithymic")
    assert e.value.argument == "thoracic_nodes" and "thymus node station" in str(e.value)
    with pytest.raises(InvalidValueError) as e:
        lung(size_cm=1.0, depth="submucosa")
    assert e.value.argument == "depth"


def test_lung_sclc_and_lcnec_keep_the_lung_cancer_message():
    for morph in ("small_cell", "large_cell"):
        s = stage(Findings(site="lung", morphology=morph, mitoses_per_2mm2=50, size_cm=2.0))
        assert s.flags == ("lung_cancer_tnm",) and "lung cancer protocols" in s.steps[0]


def test_lung_groups_cover_every_combination_once_and_ajcc9_leaves_thorax_alone():
    for table in (LUNG_GROUPS, THYMUS_GROUPS):
        for t, n, m in itertools.product(table.t, table.n, table.m):
            assert sum(t in r.t and n in r.n and m in r.m for r in table.rows) == 1, (table.key, t, n, m)
    a, b = lung(size_cm=1.0), stage(Findings(site="lung", morphology="carcinoid", mitoses_per_2mm2=1,
                                             necrosis="absent", size_cm=1.0, regional_nodes_positive=0,
                                             metastasis="none"), edition="AJCC9")
    assert (a.t, a.n, a.m, a.group) == (b.t, b.n, b.m, b.group)
    assert any("digestive NETs only" in x for x in b.steps)


def test_thoracic_vocabulary_is_documented_and_sources_resolve():
    for name in ("thoracic_nodes", "thoracic_metastasis"):
        for w in VOCABULARY[name]:
            site, meaning = THORACIC_WORD_MEANINGS[w]
            assert meaning and site in ("lung", "thymus", "lung or thymus")
            assert any(w in (t.nodes if name == "thoracic_nodes" else t.metastasis) for t in THORACIC_TABLES.values())
    for table in THORACIC_TABLES.values():
        assert all(k in REFERENCES for k in table.sources + table.groups.sources)
