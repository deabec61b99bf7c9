"""Blood and urine tests for NETs as data with sources: the supervised fast for insulinoma, the gastrin and acid
criteria for gastrinoma, what falsely raises chromogranin A, and what spoils a 24-hour urine 5-HIAA.

Written in our own words from the verified fact sheet (part 2, section 2, facts 2.9-2.16; part 1, section 6).
Nothing here decides: :mod:`netlib.biomarkers` does. Every cut-off carries its unit and its source; where the
sources differ (the fast's glucose cut-off, gastrin "more than" or "at least" ten times the upper limit), both are
kept and named.

Teaching data, not a clinical decision tool.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

__all__ = ["GLUCOSE_UNITS", "GLUCOSE_MG_DL_PER_MMOL_L", "FastCriterion", "FastCriteria", "FAST_CRITERIA",
           "INSULIN_MEDIATED", "FAST_SCREENS", "FAST_SOURCES", "FAST_MAX_HOURS", "ZES_GASTRIN_TIMES_ULN",
           "ZES_GASTRIN_USUAL_PG_ML", "ZES_MAX_PH", "ZES_MEETS_BOTH_SHARE", "ZES_SECRETIN_RISE_PG_ML",
           "ZES_SECRETIN_PERFORMANCE", "SecretinCriterion", "ZES_SECRETIN_CRITERIA", "ZES_SECRETIN_NIH",
           "ZES_SECRETIN_CLASSIC", "ZES_CALCIUM", "ZES_BAO", "ZES_PPI_RANGE_SHARE", "ZES_FSG_SENSITIVITY",
           "ZES_SOURCES", "ZES_PPI_OFF", "CGA_CONFOUNDERS", "CGA_PPI_EVIDENCE", "CGA_PPI_WASHOUT_WEEKS",
           "CGA_AJCC9", "CGA_SOURCES", "HIAA_FOODS", "HIAA_DRUGS", "HIAA_DIET_HOURS", "HIAA_DIET_RANGE_HOURS",
           "HIAA_CASE", "HIAA_SOURCES", "UNVERIFIED"]

# --- the supervised fast (insulinoma) ------------------------------------------------------------------------------
#: Units a glucose value may be given in.
GLUCOSE_UNITS: tuple[str, ...] = ("mg/dL", "mmol/L")
#: mg/dL per mmol/L of glucose: its molar mass (180.16 g/mol, C6H12O6) divided by 10 (dL per L). Checked with the
#: search tool (pages corpus: unit-converter pages give 180.16 g/mol and the factor 18.016-18.018, "about 18"). The
#: guideline's paired values are rounded: 55 mg/dL is about 3.05 mmol/L, written 3.0.
GLUCOSE_MG_DL_PER_MMOL_L = 18.016
#: The fast lasts at most this many hours (fact sheet 2, 2.13).
FAST_MAX_HOURS = 72


@dataclass(frozen=True)
class FastCriterion:
    """One measurement of the fast and its cut-off as the source states it.

    ``key``: the measurement (``glucose``, ``insulin``, ``c_peptide``, ``proinsulin``); ``below``: True when the
    criterion is met *below* the cut-off (glucose), False when met *at or above* it; ``inclusive``: whether the
    cut-off itself meets it; ``cutoffs``: unit -> value, every unit the source states.
    """

    key: str
    words: str
    below: bool
    inclusive: bool
    cutoffs: Mapping[str, float]

    def _compare(self, value: float, cut: float) -> bool:
        if self.below:
            return value <= cut if self.inclusive else value < cut
        return value >= cut if self.inclusive else value > cut

    def primary(self, value: float, unit: str) -> tuple[float, str]:
        """``value`` (in ``unit``) in the unit the criterion is judged in: a glucose in mmol/L is converted to mg/dL
        when the source gives mg/dL (the guideline's own unit; its mmol/L values are rounded, fact sheet 2, 2.13),
        so the two units never give different answers. Any other unit is judged as given."""
        if unit == "mmol/L" and "mg/dL" in self.cutoffs:
            return value * GLUCOSE_MG_DL_PER_MMOL_L, "mg/dL"
        return value, unit

    def met(self, value: float, unit: str) -> bool:
        """Does ``value`` (in ``unit``, one of :attr:`cutoffs`) meet this criterion? Judged in :meth:`primary`'s
        unit."""
        v, u = self.primary(value, unit)
        return self._compare(v, self.cutoffs[u])

    def between_printed(self, value: float, unit: str) -> bool:
        """Is ``value`` between the source's two printed cut-offs (e.g. 54.05-55 mg/dL for "< 55 mg/dL (3.0
        mmol/L)"), where reading the rounded mmol/L value would give the other answer?"""
        if "mg/dL" not in self.cutoffs or "mmol/L" not in self.cutoffs:
            return False
        mg = self.primary(value, unit)[0]
        return self._compare(mg, self.cutoffs["mg/dL"]) != self._compare(mg / GLUCOSE_MG_DL_PER_MMOL_L,
                                                                          self.cutoffs["mmol/L"])

    def cutoff(self, unit: str | None = None) -> str:
        """The cut-off with its sign, in ``unit`` (default: every unit the source gives), e.g. ``< 55 mg/dL
        (3 mmol/L)``."""
        sign = ("≤" if self.inclusive else "<") if self.below else ("≥" if self.inclusive else ">")
        units = [unit] if unit else list(self.cutoffs)
        first, *rest = (f"{self.cutoffs[u]:.1f} {u}" if u == "mmol/L" else f"{self.cutoffs[u]:g} {u}" for u in units)
        return f"{sign} {first}" + (f" ({', '.join(rest)})" if rest else "")

    def describe(self, unit: str | None = None) -> str:
        """The criterion in words, in ``unit`` (default: every unit the source gives)."""
        return f"{self.words} {self.cutoff(unit)}"


@dataclass(frozen=True)
class FastCriteria:
    """A set of criteria for endogenous hyperinsulinism at the end of a supervised fast: ``criteria`` are all
    required, with symptoms; ``sources`` say whose they are."""

    key: str
    name: str
    criteria: tuple[FastCriterion, ...]
    note: str
    sources: tuple[str, ...]

    def get(self, key: str) -> FastCriterion | None:
        return next((c for c in self.criteria if c.key == key), None)


#: The Endocrine Society 2009 criteria (fact sheet 2, 2.13) and a variant (2.14), by key. The default is the
#: guideline; the variant is shown as a variant. Older radioimmunoassays used insulin >= 6 µU/mL (fact sheet 1,
#: section 6): the insulin cut-off depends on the assay.
FAST_CRITERIA: dict[str, FastCriteria] = {c.key: c for c in (
    FastCriteria(
        "endocrine_society_2009", "Endocrine Society 2009",
        (FastCriterion("glucose", "plasma glucose", True, False, {"mg/dL": 55, "mmol/L": 3.0}),
         FastCriterion("insulin", "insulin", False, True, {"µU/mL": 3, "pmol/L": 18}),
         FastCriterion("c_peptide", "C-peptide", False, True, {"ng/mL": 0.6, "nmol/L": 0.2}),
         FastCriterion("proinsulin", "proinsulin", False, True, {"pmol/L": 5})),
        "With symptoms at the low glucose, the four criteria together (glucose, insulin, C-peptide and proinsulin) "
        "mean endogenous hyperinsulinism. Beta-hydroxybutyrate and the glucose rise after glucagon support insulin "
        "mediation; they are not among the four.",
        ("cryer2009_hypoglycaemia",)),
    FastCriteria(
        "mayo_variant", "Variant protocol (UpToDate, Mayo authors)",
        (FastCriterion("glucose", "plasma glucose", True, True, {"mg/dL": 45, "mmol/L": 2.5}),
         FastCriterion("insulin", "insulin (immunochemiluminometric assay)", False, True, {"µU/mL": 3}),
         FastCriterion("c_peptide", "C-peptide", False, True, {"pmol/L": 200})),
        "A variant, not the guideline: a lower glucose cut-off; the sources used here give it no proinsulin "
        "cut-off. One laboratory protocol stops the fast at glucose below 45 mg/dL with symptoms, or at 72 h.",
        ("service_vella_fast", "cryer2009_hypoglycaemia")),
)}

#: Insulin-mediated hypoglycaemia, read at the end of the fast (fact sheet 2, 2.13): beta-hydroxybutyrate at or
#: below 2.7 mmol/L, and a glucose rise of at least 25 mg/dL (1.4 mmol/L) after 1 mg glucagon intravenously.
INSULIN_MEDIATED: tuple[FastCriterion, ...] = (
    FastCriterion("beta_hydroxybutyrate", "beta-hydroxybutyrate", True, True, {"mmol/L": 2.7}),
    FastCriterion("glucagon_rise", "glucose rise after 1 mg glucagon IV", False, True, {"mg/dL": 25, "mmol/L": 1.4}),
)
#: What the guideline also asks for, whatever the numbers (fact sheet 2, 2.13).
FAST_SCREENS: tuple[str, ...] = ("a screen for oral hypoglycaemic agents (e.g. sulfonylureas)",
                                 "insulin antibodies")
FAST_SOURCES: tuple[str, ...] = ("cryer2009_hypoglycaemia", "service_vella_fast", "msd_insulinoma")

# --- gastrinoma (Zollinger-Ellison syndrome) ------------------------------------------------------------------------
#: Fasting serum gastrin (FSG) more than this many times the upper limit of normal (ULN) ...
ZES_GASTRIN_TIMES_ULN = 10
#: ... usually above this (pg/mL) ...
ZES_GASTRIN_USUAL_PG_ML = 1000
#: ... with a gastric pH at or below this establishes the diagnosis (fact sheet 2, 2.15; Jensen group).
ZES_MAX_PH = 2
#: ... but only about this share of patients meet both (%).
ZES_MEETS_BOTH_SHARE = 32
#: Fasting gastrin is the first test: sensitivity (%) as the source gives it.
ZES_FSG_SENSITIVITY = "98-100"


@dataclass(frozen=True)
class SecretinCriterion:
    """One published criterion for a positive secretin test: the gastrin rise (pg/mL) and whether a rise exactly
    at it counts (``inclusive``), with its sensitivity and specificity (%) in the NIH series where the source gives
    them (None otherwise)."""

    name: str
    rise_pg_ml: int
    inclusive: bool
    sensitivity_percent: int | None = None
    specificity_percent: int | None = None

    @property
    def words(self) -> str:
        """The rule as a reader writes it, e.g. ``>= 120 pg/mL``."""
        return f"{'>=' if self.inclusive else '>'} {self.rise_pg_ml} pg/mL"


#: Secretin-test criteria in use: they differ, so an exercise names the one it applies (fact sheet 1, item 17 and
#: the gastrinoma row; Berna 2006 for the NIH series, a Dutch dose study for > 100). The course uses the NIH one.
ZES_SECRETIN_CRITERIA: tuple[SecretinCriterion, ...] = (
    SecretinCriterion("classic", 200, True, 83, 100),
    SecretinCriterion("NIH", 120, True, 94, 100),
    SecretinCriterion("Dutch dose study", 100, False),
)
#: The criterion the course applies (NIH) and the classic one it replaced.
ZES_SECRETIN_NIH = next(c for c in ZES_SECRETIN_CRITERIA if c.name == "NIH")
ZES_SECRETIN_CLASSIC = next(c for c in ZES_SECRETIN_CRITERIA if c.name == "classic")
#: Otherwise the secretin test: a gastrin rise of at least this (pg/mL) is positive (NIH criterion) ...
ZES_SECRETIN_RISE_PG_ML = ZES_SECRETIN_NIH.rise_pg_ml
#: ... with this performance in the NIH series (%, sensitivity and specificity).
ZES_SECRETIN_PERFORMANCE = (ZES_SECRETIN_NIH.sensitivity_percent, ZES_SECRETIN_NIH.specificity_percent)
#: The calcium test: positive at a rise of at least 395 pg/mL; less sensitive (62 %), but positive in 38-50 % of
#: patients whose secretin test is negative (fact sheet 2, 2.16).
ZES_CALCIUM = {"rise_pg_ml": 395, "sensitivity_percent": 62, "secretin_negative_positive": "38-50 %"}
#: Basal acid output above 15 mEq/h (above 5 after acid-reducing surgery) is the other route (2.15).
ZES_BAO = {"mEq_per_h": 15, "after_surgery_mEq_per_h": 5}
#: About this share (%) of patients with Zollinger-Ellison syndrome have a fasting gastrin in the range seen with
#: chronic PPI use (2.16).
ZES_PPI_RANGE_SHARE = 40
#: Gastrin off the PPI: the course's sources say test off it only if stopping is safe, more than a week for
#: gastrin (fact sheet 1, section 9, item 9).
ZES_PPI_OFF = ("more than a week", ("pdq_gi_net", "nccn_net", "zes_ppi_era_review"))
ZES_SOURCES: tuple[str, ...] = ("zes_ppi_era_review", "berna2006_secretin")

# --- chromogranin A -------------------------------------------------------------------------------------------------
#: What falsely raises serum chromogranin A (fact sheet 2, 2.9), key -> words. The PPI entry is the commonest trap.
CGA_CONFOUNDERS: dict[str, str] = {
    "ppi": "a proton-pump inhibitor",
    "h2_blocker": "an H2 blocker",
    "renal_insufficiency": "renal insufficiency",
    "atrophic_gastritis": "chronic atrophic gastritis",
    "ibd": "inflammatory bowel disease",
    "cirrhosis": "liver cirrhosis",
    "heart_failure": "heart failure",
    "hypertension": "hypertension",
    "other_cancer": "a cancer that is not neuroendocrine",
    "food_or_exercise": "food or strenuous exercise before the sample",
}
#: The PPI evidence (fact sheet 2, 2.10), in words with its sources.
CGA_PPI_EVIDENCE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Of 196 NET patients, 19 (10 %) had chromogranin A rises without another explanation, and all 19 took a PPI; "
     "two weeks off the PPI lowered the median from 390 to 56 µg/L in the disease-free group. The level fell by 82 % "
     "when acid suppression stopped and by 77 % when the PPI was switched to an H2 blocker.",
     ("korse2011_cga_ppi",)),
    ("A short PPI course raises chromogranin A in healthy people; about two weeks' washout is needed.",
     ("ppi_cga_healthy_2012",)),
)
#: Weeks off the PPI before a chromogranin A sample, if stopping is safe (2.10).
CGA_PPI_WASHOUT_WEEKS = 2
#: AJCC Version 9's advice (2.11).
CGA_AJCC9 = ("AJCC Version 9 advises against serum chromogranin A for diagnosing or monitoring GEP-NETs.",
             ("ajcc9_gep_net",))
CGA_SOURCES: tuple[str, ...] = ("cga_confounders", "korse2011_cga_ppi", "ppi_cga_healthy_2012", "ajcc9_gep_net")

# --- 24-hour urinary 5-HIAA -----------------------------------------------------------------------------------------
#: Serotonin-rich foods to avoid before and during the collection (fact sheet 2, 2.12).
HIAA_FOODS: tuple[str, ...] = ("avocado", "banana", "pineapple", "plums", "kiwi", "tomato", "aubergine (eggplant)",
                               "melons", "dates", "grapefruit", "plantain", "walnuts", "pecans", "hickory nuts")
#: Drugs that laboratory instruction sheets list (2.12): the lists vary by laboratory, and no consensus list was
#: found (fact sheet 2, section 9).
HIAA_DRUGS: tuple[str, ...] = ("paracetamol", "fluorouracil", "melphalan", "levodopa", "reserpine", "salicylates",
                               "MAO inhibitors", "phenothiazines", "isoniazid")
#: How long before the collection most sheets ask for the diet (hours), and the range across sources.
HIAA_DIET_HOURS = 48
HIAA_DIET_RANGE_HOURS = (12, 72)
#: A case report: 22.7 mg/24 h (reference below 6) that normalised after the diet.
HIAA_CASE = ("A 24-hour 5-HIAA of 22.7 mg (reference below 6 mg/24 h) normalised once the diet was followed.",
             ("aace2016_5hiaa_case",))
HIAA_SOURCES: tuple[str, ...] = ("five_hiaa_instructions", "aace2016_5hiaa_case")

#: What notebook 10 leaves out because its sources did not confirm it (fact sheet 2, section 9).
UNVERIFIED: tuple[str, ...] = (
    "The NETTER-1 trial's own wording of the SSTR uptake it required (secondary sources read it as Krenning 2 or "
    "more, or as more than 2).",
    "Plasma 5-HIAA cut-offs for diagnosis, and a consensus list of drugs that interfere with 5-HIAA.",
)
