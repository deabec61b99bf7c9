import math

import pytest

from netlib import Findings
from netlib.findings import NUMERIC_RANGES, VOCABULARY


def test_all_fields_optional():
    f = Findings()
    assert f.site is None and f.to_dict() == {}


@pytest.mark.parametrize("field,value", [
    ("ki67_percent", -0.1), ("ki67_percent", 100.1), ("size_cm", -1.0), ("mitoses_per_2mm2", -2),
    ("ne_component_percent", 101), ("regional_nodes_positive", -1),
])
def test_out_of_range_numbers_name_field_and_range(field, value):
    with pytest.raises(ValueError) as e:
        Findings(**{field: value})
    msg = str(e.value)
    assert field in msg and repr(value) in msg and "expected" in msg


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_non_finite_rejected(value):
    with pytest.raises(ValueError, match="ki67_percent.*not a finite number"):
        Findings(ki67_percent=value)


@pytest.mark.parametrize("value", [True, False, "12%", "12", [12], None.__class__])
def test_wrong_types_for_numbers(value):
    with pytest.raises(TypeError, match="ki67_percent"):
        Findings(ki67_percent=value)


def test_percent_string_gets_hint():
    with pytest.raises(TypeError, match="without units"):
        Findings(ki67_percent="12%")


def test_integer_fields_reject_fractions_and_accept_whole_floats():
    with pytest.raises(TypeError, match="regional_nodes_positive"):
        Findings(regional_nodes_positive=2.5)
    assert Findings(regional_nodes_positive=3.0).regional_nodes_positive == 3


def test_unknown_word_suggests_close_match():
    with pytest.raises(ValueError, match=r"site: 'pancreass' is not allowed \(did you mean 'pancreas'\?\)"):
        Findings(site="pancreass")


@pytest.mark.parametrize("field", sorted(VOCABULARY))
def test_every_vocabulary_rejects_unknown_and_non_string(field):
    bad = ("nonsense",) if field in ("invasion", "prior_therapies") else "nonsense"
    with pytest.raises(ValueError, match=field):
        Findings(**{field: bad})
    with pytest.raises(TypeError, match=field):
        Findings(**{field: 3})


def test_tuple_fields_accept_lists_and_deduplicate():
    f = Findings(invasion=["duodenum", "duodenum", "common_bile_duct"])
    assert f.invasion == ("duodenum", "common_bile_duct")
    with pytest.raises(TypeError, match="invasion"):
        Findings(invasion="duodenum")


def test_booleans_must_be_bool():
    with pytest.raises(TypeError, match="functioning"):
        Findings(functioning=1)


@pytest.mark.parametrize("value,exc", [(4, ValueError), (0, ValueError), (True, TypeError), ("1", TypeError)])
def test_gastric_type(value, exc):
    with pytest.raises(exc, match="gastric_type"):
        Findings(site="stomach", gastric_type=value)


def test_cross_field_consistency():
    with pytest.raises(ValueError, match="syndrome"):
        Findings(syndrome="insulinoma", functioning=False)
    with pytest.raises(ValueError, match="gastric_type"):
        Findings(site="pancreas", gastric_type=1)


def test_from_dict_round_trip_and_unknown_keys():
    d = {"site": "jejunum_ileum", "ki67_percent": 4, "invasion": ["visceral_peritoneum"]}
    f = Findings.from_dict(d)
    assert f.invasion == ("visceral_peritoneum",)
    assert Findings.from_dict(f.to_dict()) == f
    with pytest.raises(ValueError, match=r"unknown field 'ki67'.*did you mean 'ki67_percent'"):
        Findings.from_dict({"ki67": 5})
    with pytest.raises(TypeError, match="mapping"):
        Findings.from_dict([("site", "lung")])


def test_frozen():
    f = Findings(site="lung")
    with pytest.raises(Exception):
        f.site = "thymus"


def test_ranges_cover_all_numeric_fields():
    assert set(NUMERIC_RANGES) == {"ki67_percent", "mitoses_per_2mm2", "size_cm", "regional_nodes_positive",
                                   "mesenteric_mass_cm", "ne_component_percent", "mesoappendix_invasion_mm",
                                   "krenning_score", "pfs_after_prrt_months"}


@pytest.mark.parametrize("score", [0, 1, 2, 3, 4, 4.0])
def test_krenning_score_accepts_the_scale(score):
    assert Findings(krenning_score=score).krenning_score == int(score)


@pytest.mark.parametrize("score, error", [(-1, "outside the allowed range"), (5, "outside the allowed range"),
                                          (2.5, "a whole number from 0 to 4"), ("3", "a whole number from 0 to 4")])
def test_krenning_score_outside_the_scale_is_refused(score, error):
    with pytest.raises((ValueError, TypeError), match=error) as e:
        Findings(krenning_score=score)
    assert e.value.argument == "krenning_score"


@pytest.mark.parametrize("score, sstr, ok", [(0, True, False), (0, False, True), (1, True, True), (1, False, True),
                                             (2, False, False), (2, True, True), (4, False, False)])
def test_krenning_score_must_agree_with_sstr_status(score, sstr, ok):
    if ok:
        assert Findings(krenning_score=score, sstr_positive=sstr).sstr_status is sstr
    else:
        with pytest.raises(ValueError, match="krenning_score"):
            Findings(krenning_score=score, sstr_positive=sstr)


@pytest.mark.parametrize("score, status", [(None, None), (0, False), (1, None), (2, True), (3, True), (4, True)])
def test_sstr_status_read_from_the_krenning_score(score, status):
    assert Findings(krenning_score=score).sstr_status is status


def test_pfs_after_prrt_needs_prrt_among_reported_prior_therapies():
    with pytest.raises(ValueError, match="pfs_after_prrt_months.*no 'prrt'"):
        Findings(pfs_after_prrt_months=20, prior_therapies=("somatostatin_analogue",))
    assert Findings(pfs_after_prrt_months=20, prior_therapies=("prrt",)).pfs_after_prrt_months == 20
    assert Findings(pfs_after_prrt_months=20).pfs_after_prrt_months == 20  # prior therapies not reported
    with pytest.raises(ValueError, match="outside the allowed range"):
        Findings(pfs_after_prrt_months=-1)


@pytest.mark.parametrize("name", ["size_cm", "mesenteric_mass_cm"])
def test_a_size_must_be_above_zero(name):
    with pytest.raises(ValueError, match=rf"{name}: 0 is outside the allowed range; expected a number above 0") as e:
        Findings(**{name: 0})
    assert e.value.argument == name
    assert getattr(Findings(**{name: 0.01}), name) == 0.01  # just above the bound is accepted


def test_errors_carry_the_argument_name():
    from netlib.errors import InvalidTypeError, InvalidValueError

    with pytest.raises(InvalidValueError) as e:
        Findings(ki67_percent=101)
    assert e.value.argument == "ki67_percent" and isinstance(e.value, ValueError)
    with pytest.raises(InvalidTypeError) as e:
        Findings(ki67_percent="12%")
    assert e.value.argument == "ki67_percent" and isinstance(e.value, TypeError)
    with pytest.raises(InvalidValueError) as e:
        Findings.from_dict({"ki67": 12})
    assert e.value.argument == "ki67" and "did you mean 'ki67_percent'" in str(e.value)


def test_every_field_has_words_and_every_thoracic_word_a_meaning():
    from dataclasses import fields

    from netlib.findings import FIELD_LABELS, INVASION_MEANINGS, THORACIC_WORD_MEANINGS

    assert set(FIELD_LABELS) == {f.name for f in fields(Findings)}
    assert all("_" not in label for label in FIELD_LABELS.values())
    thymic = ("mediastinal_pleura", "pericardium", "lung", "brachiocephalic_vein", "superior_vena_cava",
              "phrenic_nerve", "chest_wall", "extrapericardial_pulmonary_vessels", "aorta", "arch_vessels",
              "intrapericardial_pulmonary_artery", "myocardium", "trachea", "oesophagus")
    assert set(thymic) <= set(VOCABULARY["invasion"]) and set(thymic) <= set(INVASION_MEANINGS)
    assert set(INVASION_MEANINGS) <= set(VOCABULARY["invasion"])
    assert set(THORACIC_WORD_MEANINGS) == set(VOCABULARY["thoracic_nodes"]) | set(VOCABULARY["thoracic_metastasis"])
    assert VOCABULARY["clinical_nodes"] == ("negative", "positive")


def test_thoracic_fields_take_their_words():
    f = Findings(site="thymus", invasion=("pericardium",), thoracic_nodes="anterior_perithymic",
                 thoracic_metastasis="pleural_or_pericardial_nodules")
    assert Findings.from_dict(f.to_dict()) == f
    with pytest.raises(ValueError, match="thoracic_nodes"):
        Findings(thoracic_nodes="hilar")
    assert Findings(site="thymus", invasion=()).invasion == ()  # empty: nothing invaded (thymic T1a)
