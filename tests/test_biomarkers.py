"""Imaging and biomarkers (netlib.biomarkers, netlib.data.imaging, netlib.data.biomarkers): both sides of every
cut-off, monotone properties, bad input named, sources resolve, and no machine keys on the cards."""
from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netlib import biomarkers as B
from netlib.data import biomarkers as D
from netlib.data import imaging as I
from netlib.data.references import REFERENCES
from netlib.errors import InvalidTypeError, InvalidValueError
from netlib.teaching import biomarkers_tables as BT

SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
ES = D.FAST_CRITERIA["endocrine_society_2009"]
MAYO = D.FAST_CRITERIA["mayo_variant"]


# --- data --------------------------------------------------------------------------------------------------------
def _entries():
    for mod in (I, D):
        for name, value in vars(mod).items():
            if name.startswith("_") or isinstance(value, type):
                continue
            if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str) \
                    and isinstance(value[1], tuple):
                yield f"{mod.__name__}:{name}", value[1]
                continue
            items = value.values() if isinstance(value, dict) else value if isinstance(value, tuple) else (value,)
            for item in items:
                srcs = getattr(item, "sources", None)
                if isinstance(srcs, tuple):
                    yield f"{mod.__name__}:{name}", srcs
                elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], tuple) \
                        and item[1] and all(isinstance(k, str) for k in item[1]) and isinstance(item[0], str):
                    yield f"{mod.__name__}:{name}", item[1]
            if name.endswith("SOURCES"):
                yield f"{mod.__name__}:{name}", value


def test_every_source_resolves_and_rests_on_a_primary_source():
    seen = list(_entries())
    labels = {label.split(":")[1] for label, _ in seen}
    assert {"SSTR_IMAGING", "FDG_FACTS", "EUS_GRADING", "NETPET_SOURCES", "FAST_CRITERIA", "CGA_PPI_EVIDENCE",
            "CGA_AJCC9", "HIAA_CASE", "ZES_SOURCES", "ZES_PPI_OFF"} <= labels, labels
    for label, keys in seen:
        assert keys and all(k in REFERENCES for k in keys), (label, keys)
        assert any(REFERENCES[k].is_primary for k in keys), (label, keys)


def test_krenning_scale_and_readings_are_unchanged():
    assert [k.score for k in I.KRENNING] == [0, 1, 2, 3, 4] and I.KRENNING_RANGE == (0, 4)
    assert sorted(I.PRRT_UPTAKE_READINGS.values()) == [2, 3]
    assert [I.prrt_uptake_verdict(s) for s in range(5)] == [False, False, None, True, True]
    # with the liver comparison: below the liver fails both readings, only equal to the liver is disputed
    assert [I.prrt_uptake_verdict(s, c) for s, c in ((0, "none"), (1, "far below"), (2, "below"), (2, "equal"),
                                                     (3, "above"), (4, "above"))] == [False, False, False, None,
                                                                                      True, True]
    assert set(I.PRRT_UPTAKE_LIVER) == set(I.PRRT_UPTAKE_READINGS)
    assert all(I.LIVER_SCORES[c] for c in I.LIVER_COMPARISONS) and I.LIVER_SCORES["below"] == (2,)


def test_fast_cutoffs_are_the_fact_sheets():
    # fact sheet 2, 2.13 and 2.14
    assert dict(ES.get("glucose").cutoffs) == {"mg/dL": 55, "mmol/L": 3.0}
    assert dict(ES.get("insulin").cutoffs) == {"µU/mL": 3, "pmol/L": 18}
    assert dict(ES.get("c_peptide").cutoffs) == {"ng/mL": 0.6, "nmol/L": 0.2}
    assert dict(ES.get("proinsulin").cutoffs) == {"pmol/L": 5}
    assert dict(MAYO.get("glucose").cutoffs) == {"mg/dL": 45, "mmol/L": 2.5} and MAYO.get("proinsulin") is None
    # the paired units agree with the conversion to the source's rounding
    for c in (ES.get("glucose"), MAYO.get("glucose"), D.INSULIN_MEDIATED[1]):
        assert abs(c.cutoffs["mg/dL"] / D.GLUCOSE_MG_DL_PER_MMOL_L - c.cutoffs["mmol/L"]) < 0.06


# --- Krenning score ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("liver,spleen,score", [("none", None, 0), ("far below", None, 1), ("below", None, 2),
                                                ("equal", None, 2), ("above", "below", 3), ("above", "equal", 3),
                                                ("above", "above", 4)])
def test_krenning_score_from_the_image(liver, spleen, score):
    r = B.krenning_score(liver, spleen)
    assert r.score == score and r.value == str(score) and r.neighbour in r.steps


def test_krenning_above_the_liver_needs_the_spleen():
    with pytest.raises(InvalidValueError, match="vs_spleen"):
        B.krenning_score("above")
    with pytest.raises(InvalidValueError, match="vs_liver"):
        B.krenning_score("brighter")


@pytest.mark.parametrize("score,value", [(0, "does_not_qualify"), (1, "does_not_qualify"), (2, "disputed"),
                                         (3, "qualifies"), (4, "qualifies")])
def test_prrt_uptake_by_score_alone(score, value):
    r = B.prrt_uptake(score)
    assert r.value == value and r.words == B.UPTAKE_WORDS[value]
    assert len(r.accepted_by) == {0: 0, 1: 0, 2: 0, 3: 2, 4: 2}[score]  # score 2 alone: neither reading for sure
    if value == "disputed":
        # score 2 alone: says what it covers and that only uptake equal to the liver meets the lenient reading
        assert I.KRENNING_2_READINGS in r.steps and "Score 2 alone does not settle it" in r.neighbour
        assert any("accepted only if the uptake equals the liver" in s for s in r.steps)


@pytest.mark.parametrize("score,liver,value", [(1, "far below", "does_not_qualify"), (2, "below", "does_not_qualify"),
                                               (2, "equal", "disputed"), (3, "above", "qualifies")])
def test_prrt_uptake_both_sides_of_each_reading_by_the_liver(score, liver, value):
    r = B.prrt_uptake(score, vs_liver=liver)
    assert r.value == value and r.vs_liver == liver
    lenient, strict = I.PRRT_UPTAKE_READINGS
    assert (lenient in r.accepted_by) == (liver in ("equal", "above"))
    assert (strict in r.accepted_by) == (liver == "above")
    if value == "disputed":
        assert "does not choose" in r.neighbour
    else:
        assert "part only at uptake equal to the liver" in r.neighbour


def test_prrt_uptake_rejects_a_liver_comparison_that_contradicts_the_score():
    for score, liver in ((2, "above"), (3, "equal"), (1, "below"), (0, "far below")):
        with pytest.raises(InvalidValueError, match="vs_liver"):
            B.prrt_uptake(score, vs_liver=liver)
    with pytest.raises(InvalidValueError, match="vs_liver"):
        B.prrt_uptake(2, vs_liver="brighter")


@given(st.integers(0, 4), st.integers(0, 4))
def test_prrt_uptake_is_monotone(a, b):
    order = {"does_not_qualify": 0, "disputed": 1, "qualifies": 2}
    lo, hi = sorted((a, b))
    assert order[B.prrt_uptake(lo).value] <= order[B.prrt_uptake(hi).value]


@given(st.sampled_from([(s, c) for c, ss in I.LIVER_SCORES.items() for s in ss]),
       st.sampled_from([(s, c) for c, ss in I.LIVER_SCORES.items() for s in ss]))
def test_prrt_uptake_is_monotone_in_the_liver_comparison(a, b):
    order = {"does_not_qualify": 0, "disputed": 1, "qualifies": 2}
    rank = I.LIVER_COMPARISONS.index
    (s1, c1), (s2, c2) = sorted((a, b), key=lambda x: (rank(x[1]), x[0]))
    assert order[B.prrt_uptake(s1, vs_liver=c1).value] <= order[B.prrt_uptake(s2, vs_liver=c2).value]


def test_krenning_table_splits_score_two_by_the_liver():
    text = BT.krenning_table().data
    rows = [line for line in text.splitlines() if line.startswith("| 2 |")]
    assert len(rows) == 2 and "below it" in rows[0] and "agree: does not qualify" in rows[0]
    assert "equal to it" in rows[1] and "**disagree**" in rows[1] and text.count("**disagree**") == 1
    assert I.KRENNING_2_READINGS in text


@pytest.mark.parametrize("score", range(5))
def test_an_sstr_negative_fdg_lesion_rules_prrt_out_at_any_score(score):
    r = B.prrt_uptake(score, sstr_negative_fdg_lesion=True)
    assert r.value == "fdg_mismatch" and "chan2017_netpet" in r.sources
    assert B.prrt_uptake(score, sstr_negative_fdg_lesion=False).value != "fdg_mismatch"


@pytest.mark.parametrize("bad", [5, -1, 2.0, True, "3", None])
def test_prrt_uptake_rejects_bad_scores(bad):
    with pytest.raises((InvalidValueError, InvalidTypeError), match="krenning_score"):
        B.prrt_uptake(bad)


def test_uptake_feedback_never_gives_the_key():
    for a in ("qualifies", "does_not_qualify"):
        fb = B.check_uptake(a, 2, vs_liver="equal")
        assert not fb.correct and "disagree" not in fb.message
    assert B.check_uptake("disputed", 2, vs_liver="equal").correct
    assert "lenient reading accepts uptake equal to the liver" in B.check_uptake("does_not_qualify", 2,
                                                                               vs_liver="equal").message


def test_uptake_below_the_liver_feedback_names_the_score_two_misconception():
    fb = B.check_uptake("disputed", 2, vs_liver="below")
    assert not fb.correct and "does not make it disputed" in fb.message and I.KRENNING_2_READINGS in fb.message
    fb = B.check_uptake("qualifies", 2, vs_liver="below")
    assert not fb.correct and "even the lenient reading" in fb.message
    assert B.check_uptake("does_not_qualify", 2, vs_liver="below").correct
    assert "a little below it included" not in fb.message


# --- supervised fast -----------------------------------------------------------------------------------------------
FULL = dict(symptoms=True, insulin_uu_ml=10, c_peptide_nmol_l=0.5, proinsulin_pmol_l=10)


@pytest.mark.parametrize("glucose,unit,value,at_cutoff", [
    (54.0, "mg/dL", "met", False), (54.5, "mg/dL", "met", True), (54.9, "mg/dL", "met", True),
    (55, "mg/dL", "no_hypoglycaemia", False),
    (2.99, "mmol/L", "met", False), (3.0, "mmol/L", "met", True), (3.05, "mmol/L", "met", True),
    (3.06, "mmol/L", "no_hypoglycaemia", False)])
def test_fast_glucose_both_sides(glucose, unit, value, at_cutoff):
    # judged in mg/dL (the guideline's own unit): 3.0 mmol/L is 54.05 mg/dL, below 55; between the rounded pair
    # (54.05-55 mg/dL) the card says so
    r = B.supervised_fast(glucose, unit, **FULL)
    assert r.value == value and ("at_cutoff" in r.flags) == at_cutoff
    assert any(s.startswith("At the cut-off") for s in r.steps) == at_cutoff


def test_the_rounded_pair_no_longer_flips_the_answer():
    mg = 3.0 * D.GLUCOSE_MG_DL_PER_MMOL_L
    assert B.supervised_fast(3.0, "mmol/L", **FULL).value == B.supervised_fast(mg, "mg/dL", **FULL).value == "met"


@pytest.mark.parametrize("glucose,value", [(45, "met"), (45.1, "no_hypoglycaemia")])
def test_variant_glucose_both_sides(glucose, value):
    assert B.supervised_fast(glucose, "mg/dL", criteria="mayo_variant", **FULL).value == value


@pytest.mark.parametrize("field,at,below", [("insulin_uu_ml", 3, 2.99), ("c_peptide_nmol_l", 0.2, 0.199),
                                            ("proinsulin_pmol_l", 5, 4.99)])
def test_fast_hormones_both_sides(field, at, below):
    assert B.supervised_fast(40, "mg/dL", **(FULL | {field: at})).value == "met"
    r = B.supervised_fast(40, "mg/dL", **(FULL | {field: below}))
    assert r.value == "not_hyperinsulinaemic" and r.not_met


def test_variant_c_peptide_in_pmol_l_both_sides():
    assert B.supervised_fast(40, "mg/dL", criteria="mayo_variant", **(FULL | {"c_peptide_nmol_l": 0.2})).value == "met"
    assert B.supervised_fast(40, "mg/dL", criteria="mayo_variant",
                             **(FULL | {"c_peptide_nmol_l": 0.199})).value == "not_hyperinsulinaemic"


def test_fast_symptoms_missing_and_insulin_mediated_signs():
    assert B.supervised_fast(40, "mg/dL", **(FULL | {"symptoms": False})).value == "no_symptoms"
    assert B.supervised_fast(40, "mg/dL", **(FULL | {"symptoms": None})).value == "incomplete"
    r = B.supervised_fast(40, "mg/dL", **(FULL | {"proinsulin_pmol_l": None}))
    assert r.value == "incomplete" and r.missing == ("proinsulin",)
    r = B.supervised_fast(40, "mg/dL", beta_hydroxybutyrate_mmol_l=2.7, glucagon_rise=25, **FULL)
    assert r.supporting == ("beta_hydroxybutyrate", "glucagon_rise")
    r = B.supervised_fast(40, "mg/dL", beta_hydroxybutyrate_mmol_l=2.71, glucagon_rise=24.9, **FULL)
    assert r.supporting == () and r.value == "met"
    r = B.supervised_fast(40, "mg/dL", **FULL)
    assert r.value == "met" and any("not among the criteria" in s for s in r.steps)


@pytest.mark.parametrize("rise,supports", [(1.38, False), (1.39, True), (1.4, True)])
def test_glucagon_rise_in_mmol_l_is_read_in_mg_dl(rise, supports):
    # 1.39 mmol/L is 25.04 mg/dL (at or above 25): supports, though below the printed 1.4 mmol/L
    r = B.supervised_fast(2.5, "mmol/L", glucagon_rise=rise, **FULL)
    assert ("glucagon_rise" in r.supporting) == supports
    mg = B.supervised_fast(45, "mg/dL", glucagon_rise=rise * D.GLUCOSE_MG_DL_PER_MMOL_L, **FULL)
    assert ("glucagon_rise" in mg.supporting) == supports


def test_fast_names_the_other_criteria_where_they_differ():
    r = B.supervised_fast(50, "mg/dL", **FULL)
    assert r.value == "met" and any("would read the other way" in s for s in r.steps)
    assert not any("other way" in s for s in B.supervised_fast(40, "mg/dL", **FULL).steps)


@given(st.floats(1, 200), st.floats(1, 200))
def test_fast_is_monotone_in_glucose(a, b):
    lo, hi = sorted((a, b))
    if B.supervised_fast(hi, "mg/dL", **FULL).value == "met":
        assert B.supervised_fast(lo, "mg/dL", **FULL).value == "met"


@given(st.floats(0.5, 10), st.sampled_from(list(D.FAST_CRITERIA)))
def test_fast_reads_the_same_in_either_unit(mmol, criteria):
    a = B.supervised_fast(mmol, "mmol/L", criteria=criteria, **FULL)
    b = B.supervised_fast(mmol * D.GLUCOSE_MG_DL_PER_MMOL_L, "mg/dL", criteria=criteria, **FULL)
    assert a.value == b.value and ("at_cutoff" in a.flags) == ("at_cutoff" in b.flags)


def test_fast_bad_input_names_the_field():
    with pytest.raises(InvalidValueError, match="glucose_unit"):
        B.supervised_fast(40, "mg/L", symptoms=True)
    with pytest.raises(InvalidValueError, match="glucose"):
        B.supervised_fast(-1, "mg/dL", symptoms=True)
    with pytest.raises(InvalidValueError, match="criteria"):
        B.supervised_fast(40, "mg/dL", symptoms=True, criteria="who")
    with pytest.raises(InvalidTypeError, match="symptoms"):
        B.supervised_fast(40, "mg/dL", symptoms="yes")


def test_glucose_conversion_and_key():
    assert B.to_mmol_l(D.GLUCOSE_MG_DL_PER_MMOL_L) == pytest.approx(1.0)
    key = B.glucose_key(47)
    assert key.value == pytest.approx(2.61, abs=0.01) and key.tolerance == B.GLUCOSE_TOLERANCE_MMOL_L
    assert key.check(2.6).correct and key.check(2.7).correct is True
    assert not key.check(2.4).correct
    assert "multiplied" in key.check(846).message and "divided by 10" in key.check(4.7).message


# --- gastrin -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("gastrin,ph,value", [(1001, 2.0, "established"), (1000, 2.0, "needs_provocative_test"),
                                              (1001, 2.01, "acid_not_shown"), (1001, None, "needs_ph"),
                                              (100, 1.0, "normal_gastrin"), (101, 1.0, "needs_provocative_test")])
def test_gastrin_and_ph_both_sides(gastrin, ph, value):
    assert B.zes_biochemistry(gastrin, 100, gastric_ph=ph, on_ppi=False).value == value


def test_exactly_ten_times_is_flagged():
    r = B.zes_biochemistry(1000, 100, gastric_ph=1.5, on_ppi=False)
    assert "exactly_ten" in r.flags and r.times_uln == 10


@pytest.mark.parametrize("rise,value", [(120, "secretin_positive"), (119.9, "secretin_negative")])
def test_secretin_both_sides(rise, value):
    r = B.zes_biochemistry(400, 100, gastric_ph=1.5, on_ppi=False, secretin_rise_pg_ml=rise)
    assert r.value == value


@pytest.mark.parametrize("ph,rise,value", [
    (2.0, 120, "secretin_positive"), (2.01, 120, "acid_not_shown"), (None, 120, "needs_ph"),
    (2.0, 119.9, "secretin_negative"), (2.01, 119.9, "acid_not_shown"), (None, 119.9, "secretin_negative")])
def test_acid_is_read_before_the_secretin_test(ph, rise, value):
    # high gastrin without acid is not the syndrome, whatever the secretin test; without a pH, a positive test
    # still needs it
    r = B.zes_biochemistry(400, 100, gastric_ph=ph, on_ppi=False, secretin_rise_pg_ml=rise)
    assert r.value == value
    if value == "needs_ph":
        assert "pH is not reported" in r.neighbour
    assert B.zes_biochemistry(1400, 100, gastric_ph=ph, on_ppi=False, secretin_rise_pg_ml=200).value == \
        {2.0: "established", 2.01: "acid_not_shown", None: "needs_ph"}[ph]


def test_gastrin_feedback_on_a_positive_secretin_test_without_acid():
    zes = dict(fasting_gastrin_pg_ml=1400, upper_limit_pg_ml=100, gastric_ph=5.5, on_ppi=False,
               secretin_rise_pg_ml=200)
    fb = B.check_gastrin("secretin_positive", **zes)
    assert not fb.correct and "also needs acid" in fb.message
    fb = B.check_gastrin("secretin_positive", **(zes | {"gastric_ph": None}))
    assert not fb.correct and "also needs acid" in fb.message
    assert "no positive secretin test" in B.check_gastrin("secretin_positive", **(zes | {"secretin_rise_pg_ml": None})
                                                          ).message


def test_ppi_confounds_a_raised_gastrin_but_not_a_normal_one():
    assert B.zes_biochemistry(2000, 100, gastric_ph=5, on_ppi=True).value == "confounded_by_ppi"
    assert B.zes_biochemistry(80, 100, on_ppi=True).value == "normal_gastrin"
    assert "ppi_not_reported" in B.zes_biochemistry(300, 100, gastric_ph=1).flags


def test_gastrin_feedback_names_the_misconception_without_the_key():
    fb = B.check_gastrin("established", fasting_gastrin_pg_ml=1400, upper_limit_pg_ml=100, gastric_ph=5.5,
                         on_ppi=False)
    assert not fb.correct and "together with acid" in fb.message and "atrophic" not in fb.message


def test_gastrin_bad_input():
    with pytest.raises(InvalidValueError, match="upper_limit_pg_ml"):
        B.zes_biochemistry(100, 0)
    with pytest.raises(InvalidValueError, match="gastric_ph"):
        B.zes_biochemistry(100, 50, gastric_ph=15)


# --- chromogranin A and 5-HIAA -------------------------------------------------------------------------------------
def test_chromogranin_a_always_cites_ajcc9():
    for conds in ((), ("ppi",), ("renal_insufficiency", "hypertension")):
        r = B.chromogranin_a_context(conds)
        assert "ajcc9_gep_net" in r.sources and D.CGA_AJCC9[0] in r.steps
    r = B.chromogranin_a_context(["ppi"], ppi_can_stop=False)
    assert r.value == "confounded" and r.confounders == ("ppi",) and any("not safe" in s for s in r.steps)
    assert B.chromogranin_a_context().value == "no_confounder"
    with pytest.raises(InvalidValueError, match="conditions"):
        B.chromogranin_a_context(["smoking"])


def test_five_hiaa_collection():
    assert B.five_hiaa_collection().value == "clear"
    r = B.five_hiaa_collection(["banana", "banana"], ["levodopa"])
    assert r.value == "interference" and r.foods == ("banana",) and r.drugs == ("levodopa",)
    assert r.words.startswith("Two things ") and "(s)" not in r.words
    assert B.five_hiaa_collection(["kiwi"]).words.startswith("One thing ")
    with pytest.raises(InvalidValueError, match="foods"):
        B.five_hiaa_collection(["coffee"])


# --- cards and import ----------------------------------------------------------------------------------------------
CARDS = [B.krenning_score("above", "below"), B.prrt_uptake(2), B.prrt_uptake(2, vs_liver="below"),
         B.prrt_uptake(3, sstr_negative_fdg_lesion=True), B.supervised_fast(3.0, "mmol/L", **FULL),
         B.supervised_fast(47, "mg/dL", **FULL), B.zes_biochemistry(1400, 100, gastric_ph=5.5, on_ppi=False),
         B.zes_biochemistry(300, 100, on_ppi=True, secretin_rise_pg_ml=200),
         B.chromogranin_a_context(["ppi", "h2_blocker"]), B.five_hiaa_collection(["kiwi"], ["MAO inhibitors"])]


@pytest.mark.parametrize("card", CARDS, ids=lambda c: type(c).__name__)
def test_cards_read_as_words(card):
    text = str(card)
    assert not SNAKE.findall(text), SNAKE.findall(text)
    assert "Teaching material" in card._repr_html_() and card.neighbour.startswith("Not")


def test_import_netlib_biomarkers_stays_light():
    """In a fresh interpreter: deleting modules here would give later tests in this worker a second matplotlib
    (a Figure that is not the Figure the plot checks know), which made the figure test fail by test order."""
    import subprocess

    code = ("import sys, netlib.biomarkers, netlib.teaching.imaging_figures; "
            "print('matplotlib.pyplot' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"


def test_figures_describe_themselves():
    from netlib.teaching import imaging_figures as F
    from netlib.teaching.plots import alt_text, caption

    fig = F.krenning_readings()
    assert "except score 2 with uptake equal to the liver" in alt_text(fig) and "refused by both" in alt_text(fig)
    assert I.KRENNING_2_READINGS in caption(fig) and "equals the liver" in fig.axes[0].get_title()
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert len(ticks) == 6 and ticks[2].startswith("2\nbelow") and ticks[3].startswith("2\nequal")
    fig = F.pet_vs_spect()
    assert "1,098" in alt_text(fig) and "Van Binnebeek" in caption(fig)
    bars = sorted(p.get_width() for p in fig.axes[0].patches)
    assert bars == [660, 1098]
