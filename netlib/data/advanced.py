"""Advanced disease and complications as data with sources: liver-directed therapy, debulking conventions, the Milan
criteria for liver transplantation, the stage IV small-intestinal NET, later lines, carcinoid heart disease screening
by cohort, carcinoid crisis, the other hormonal complications and follow-up after resection. Nothing here decides:
:mod:`netlib.advanced` does.

Written in our own words from the verified fact sheets (part 2, sections 4 and 5; part 1, section 8b). Every number
carries the fact it comes from (``facts``: "5.4" is fact sheet 2, fact 5.4; "CF1 8b" is fact sheet 1, section 8b)
and its denominator. Items the fact sheets mark UNVERIFIED are not encoded (:data:`UNVERIFIED` lists them). The later
treatment rules (PRRT re-treatment, second-line NEC, lung and thymic carcinoids) live in
:mod:`netlib.data.treatment_rules`; the series behind them are summarised here for the notebook's tables only.
"""
from __future__ import annotations

from dataclasses import dataclass

from netlib.data.treatment_rules import SALVAGE_PRRT_MIN_PFS_MONTHS
from netlib.errors import InvalidTypeError, InvalidValueError

__all__ = ["LiverOption", "LIVER_OPTIONS", "LIVER_INVOLVEMENT_BEST_BELOW", "LIVER_CHOICE_SOURCES",
           "DebulkingConvention", "DEBULKING", "SI_NET_DEATHS", "TransplantCriterion", "MILAN_CRITERIA",
           "MILAN_LIVER_INVOLVEMENT_MAX", "MILAN_AGE_MAX", "MILAN_STABLE_MONTHS_2007", "MILAN_STABLE_MONTHS_LATER",
           "MILAN_KI67_BELOW_LATER", "MILAN_SOURCES", "TRANSPLANT_OUTCOMES", "STAGE_IV_SI_NET", "Statement",
           "LATER_LINES", "STATUS_WORDS", "PRRT_RETREATMENT", "ROTTERDAM_SALVAGE", "NEC_SECOND_LINE", "ScreeningCohort",
           "CHD_COHORTS", "NT_PROBNP_CUTOFF_PG_ML", "CHD_MARKERS_2023", "CHD_FACTS", "CRISIS",
           "CRISIS_LIVER_OR", "CRISIS_OCTREOTIDE_OR", "Complication",
           "COMPLICATIONS", "EAS_SOURCES", "EAS_SOURCES_REF", "FollowUpItem", "FOLLOW_UP", "FOLLOW_UP_KI67_CLOSER_ABOVE",
           "LOW_RISK_EXAMPLE_SIZE_BELOW_CM", "NO_FOLLOW_UP_SITES", "NO_FOLLOW_UP_SIZE_BELOW_CM",
           "LOW_RISK_EXCLUDED_SITES", "LOW_RISK_EXCLUDED_GASTRIC_TYPES",
           "FOLLOW_UP_MIN_YEARS", "FOLLOW_UP_RATIONALE", "get_liver_option", "UNVERIFIED"]


def _get(table: dict, key: object, what: str):
    if not isinstance(key, str):
        raise InvalidTypeError("key", f"expected a {what} key ({', '.join(table)}), got {type(key).__name__} {key!r}")
    if key not in table:
        raise InvalidValueError("key", f"{key!r} is not a {what} in the catalogue; known: {', '.join(table)}")
    return table[key]


# --- liver-directed therapy (facts 5.1-5.2; fact sheet 1, section 8b) ----------------------------------------------
@dataclass(frozen=True)
class LiverOption:
    """One liver-directed therapy: what it does, its efficacy and toxicity as the sources state them, and where one
    expert strategy places it. ``facts``: fact numbers; ``sources``: reference keys."""

    key: str
    name: str
    short: str
    how: str
    efficacy: str
    toxicity: str
    place: str
    facts: tuple[str, ...]
    sources: tuple[str, ...]


_EMBO = ("liver_embolisation_review_2017", "liver_directed_review_2020")

LIVER_OPTIONS: dict[str, LiverOption] = {o.key: o for o in (
    LiverOption("bland", "Bland embolisation (TAE)", "bland embolisation",
                "particles block the arteries that feed the metastases",
                "with chemoembolisation: symptomatic responses about 75 %, biochemical 56 %, radiological 50 %; "
                "progression-free survival 12-18 months",
                "no specific toxicity stated in the course's sources",
                "one expert strategy: bland embolisation first",
                ("5.1", "5.2"), _EMBO),
    LiverOption("tace", "Chemoembolisation (TACE, conventional or with drug-eluting beads)", "chemoembolisation",
                "chemotherapy delivered into the feeding arteries, then embolisation",
                "as bland embolisation (the series pool them); possibly better than bland embolisation for pancreatic "
                "NETs, not for small-intestinal NETs",
                "drug-eluting beads cause more biliary injury than conventional TACE",
                "an alternative to bland embolisation; no strategy in the sources puts it first",
                ("5.1", "5.2"), _EMBO),
    LiverOption("tare", "Radioembolisation (TARE, transarterial radioembolisation, also called SIRT, selective "
                "internal radiation therapy)", "radioembolisation",
                "radioactive microspheres lodged in the arteries that feed the metastases",
                "similar to embolisation; no prospective comparison",
                "a risk of long-term liver damage (hepatotoxicity)",
                "one expert strategy: for a higher grade, or after embolisation has failed",
                ("5.1", "5.2"), _EMBO),
    LiverOption("ablation", "Ablation (for example radiofrequency ablation)", "ablation",
                "destroys deposits where they lie, alone or during surgery",
                "not quantified in the course's sources",
                "spares liver tissue compared with resection",
                "an adjunct to resection that preserves liver, or for patients who cannot have surgery; an "
                "alternative to resecting the metastases",
                ("CF1 8b", "5.3"), ("liver_mets_series", "farley_pommier_si_net_surgery", "esmo2020")),
)}


def get_liver_option(key: str) -> LiverOption:
    """The liver-directed option ``key`` (``bland``, ``tace``, ``tare``, ``ablation``)."""
    return _get(LIVER_OPTIONS, key, "liver-directed option")


#: Transarterial liver-directed therapy works best when less than this share (%) of the liver is involved (fact 5.1).
LIVER_INVOLVEMENT_BEST_BELOW = 75.0
LIVER_CHOICE_SOURCES: tuple[str, ...] = _EMBO


# --- debulking (cytoreduction) conventions (fact 5.3; fact sheet 1, section 8b and pitfall 18) ----------------------
@dataclass(frozen=True)
class DebulkingConvention:
    """A surgical-series convention for debulking liver metastases: at least ``threshold_percent`` of the liver
    disease removed; whether extrahepatic disease and positive margins were allowed; what the series found."""

    key: str
    name: str
    threshold_percent: float
    extrahepatic_allowed: bool
    positive_margins_allowed: bool
    series: str
    facts: tuple[str, ...]
    sources: tuple[str, ...]


DEBULKING: dict[str, DebulkingConvention] = {c.key: c for c in (
    DebulkingConvention("traditional", "Traditional aim (at least 90 %)", 90.0, False, False,
                        "the conventional aim for midgut liver metastases without extrahepatic disease, usually "
                        "attributed to Mayo Clinic series", ("CF1 8b",), ("graff_baker2014",)),
    DebulkingConvention("expanded", "Expanded criteria (at least 70 %)", 70.0, True, True,
                        "Portland series (Oregon Health & Science University, OHSU) of 52 midgut patients: median "
                        "liver progression-free survival 72 months, 5-year disease-specific survival 90 % (73 % under "
                        "50 years vs 97 % at 50 or older)",
                        ("CF1 8b",), ("graff_baker2014",)),
)}
#: How patients with small-intestinal NETs die of their disease (fact 5.3).
SI_NET_DEATHS = ("about 80 % of disease deaths in small-intestinal NETs are from liver failure and 16 % from bowel "
                 "obstruction", ("farley_pommier_si_net_surgery",))


# --- liver transplantation: the Milan criteria (facts 5.4-5.5) --------------------------------------------------------
@dataclass(frozen=True)
class TransplantCriterion:
    """One Milan criterion in the 2007 wording and in the Milan group's later wording (``later``: the same words
    where the later source does not change them)."""

    key: str
    name: str
    wording_2007: str
    later: str
    changed: bool
    sources: tuple[str, ...]


_M2007 = ("mazzaferro2007_milan",)
_MLATER = ("citterio2023_transplant",)

#: At most this share (%) of the liver involved (Milan 2007).
MILAN_LIVER_INVOLVEMENT_MAX = 50.0
#: Age at most this many years, without major comorbidity (Milan 2007; a later age limit is UNVERIFIED).
MILAN_AGE_MAX = 55.0
#: Response or stable disease during at least this many months before transplantation: 2007 ...
MILAN_STABLE_MONTHS_2007 = 6.0
#: ... and the lower end of the Milan group's later 3-6 months.
MILAN_STABLE_MONTHS_LATER = 3.0
#: The later wording admits G1-G2 or a Ki-67 below this (%).
MILAN_KI67_BELOW_LATER = 10.0

MILAN_CRITERIA: tuple[TransplantCriterion, ...] = (
    TransplantCriterion("grade", "low grade",
                        "a low-grade NET, histologically confirmed (no Ki-67 figure given)",
                        f"G1-G2 or Ki-67 below {MILAN_KI67_BELOW_LATER:g} %", True, _M2007 + _MLATER),
    TransplantCriterion("portal", "portal drainage", "the primary drained by the portal system", "unchanged", False,
                        _M2007 + _MLATER),
    TransplantCriterion("primary_removed", "primary removed first",
                        "the primary removed curatively in an operation before the transplant",
                        "unchanged; for a pancreatic primary with an extended lymphadenectomy", True, _M2007 + _MLATER),
    TransplantCriterion("liver_only", "liver-only disease", "metastases confined to the liver (transplantation "
                        "replaces the liver only)", "unchanged (liver-only metastases)", False, _MLATER),
    TransplantCriterion("involvement", "liver involvement",
                        f"at most {MILAN_LIVER_INVOLVEMENT_MAX:g} % of the liver involved",
                        "not restated in the later source: the 2007 limit is applied", False, _M2007),
    TransplantCriterion("stability", "stable disease",
                        f"response or stable disease during the {MILAN_STABLE_MONTHS_2007:g} months before",
                        f"at least {MILAN_STABLE_MONTHS_LATER:g}-{MILAN_STABLE_MONTHS_2007:g} months of stability",
                        True, _M2007 + _MLATER),
    TransplantCriterion("age", "age and fitness", f"age {MILAN_AGE_MAX:g} years or less, without major comorbidity",
                        "not restated in the later source: the 2007 limit is applied", False, _M2007),
)
MILAN_SOURCES: tuple[str, ...] = ("mazzaferro2007_milan", "citterio2023_transplant", "sposito2017_transplant")

#: Outcomes of transplantation (fact 5.5), each with its source.
TRANSPLANT_OUTCOMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Within the Milan criteria, recent series report 5-year overall survival of 69-97.2 %, against 34-50.9 % with "
     "non-surgical treatment.", ("sposito2017_transplant",)),
    ("Milan-fit patients, transplant (48) against resection (56): 10-year overall survival 93 % vs 75 %, disease-free "
     "survival 52 % vs 18 % (one centre, not randomised).", ("maspero2022_transplant",)),
    ("Series not restricted to the Milan criteria: 5-year overall survival 47-71 %, recurrence 31-57 %.",
     ("kim_transplant_review",)),
)


# --- the stage IV small-intestinal NET (facts 5.6-5.7) ----------------------------------------------------------------
STAGE_IV_SI_NET: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Mesenteric lymph node metastases are present in more than 80 % at diagnosis; primaries are multiple in 30-50 %; "
     "emergency surgery (obstruction, ischaemia, bleeding) is needed in up to 25 %; R0 resection is achievable in "
     "about 20 %.", ("si_net_surgery_review",)),
    ("Uppsala cohort (JAMA Oncol 2018): in 363 asymptomatic patients with stage IV small-intestinal NETs, prophylactic "
     "upfront locoregional surgery (161 patients) gave no survival advantage over surgery delayed until needed "
     "(propensity-matched, not randomised).", ("uppsala2018_upfront_surgery",)),
    ("Arguments for resection remain: the mesenteric mass can obstruct the bowel (16 % of disease deaths), and the "
     "decision is taken case by case.", ("farley_pommier_si_net_surgery", "enets2024_small_intestine")),
)


# --- later lines: where the sources agree and where they do not (facts 5.8-5.14, CF1 8b) -----------------------------
@dataclass(frozen=True)
class Statement:
    """What the sources say about one later-line question; ``status`` is ``agree`` (the sources read point the same
    way), ``differ`` (they differ, or only one centre states it), ``secondary`` (read in one secondary source only;
    the fact sheet calls it partly verified), ``weak`` (phase 2 or retrospective evidence only) or ``unverified``
    (the course's sources do not give it, so it is not taught)."""

    topic: str
    says: str
    status: str
    facts: tuple[str, ...]
    sources: tuple[str, ...]


STATUS_WORDS = {"agree": "sources agree", "differ": "sources differ or one centre only",
                "secondary": "one secondary source only", "weak": "phase 2 or retrospective only",
                "unverified": "not in the course's sources: not taught"}

#: Pooled results of 177Lu-PRRT re-treatment (fact 5.8).
PRRT_RETREATMENT = ("meta-analysis of 13 studies: after 177Lu-PRRT re-treatment median progression-free survival "
                    "12.5 months (414 patients), overall survival 26.8 months, disease control 71 %; grade "
                    "3-4 toxicity 5 %, renal grade 3-4 toxicity 0 %, pooled myelodysplasia or leukaemia 0 %",
                    ("prrt_retreatment_meta2021",))
#: The Rotterdam salvage PRRT series (fact 5.9): one centre's selection criterion and results.
ROTTERDAM_SALVAGE = ("Rotterdam: salvage PRRT offered when the progression-free survival after the first PRRT was at "
                     f"least {SALVAGE_PRRT_MIN_PFS_MONTHS:g} months (the criterion the treatment rules use); 14.8 GBq "
                     "more in 2 cycles; objective response 15.5 %, stable disease 59.5 %, median progression-free survival 14.6 months", ("van_der_zwan2019_salvage_prrt",))
#: Second-line chemotherapy for NEC after platinum-etoposide (facts 5.13-5.14).
NEC_SECOND_LINE: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Liposomal irinotecan + 5-FU (NET-02, phase 2, 58 extrapulmonary NECs)",
     "6-month progression-free survival 29.6 % (met its endpoint); response 11 %; median overall survival 6 months",
     ("net02",)),
    ("Docetaxel (NET-02, phase 2)", "6-month progression-free survival 13.8 % (did not meet its endpoint); response "
     "10 %; median overall survival 6 months", ("net02",)),
    ("FOLFIRI (retrospective, 19 patients)", "response 31 %; progression-free survival 4 months",
     ("hentic2012_folfiri",)),
    ("FOLFOX (retrospective, 20 patients)", "partial response 29 %; progression-free survival 4.5 months; overall "
     "survival 9.9 months", ("hadoux2015_folfox",)),
    ("Dacarbazine or temozolomide (retrospective, 27 patients)", "progression-free survival 3.0 months; overall "
     "survival 7.2 months", ("dacarbazine_tmz_nec",)),
)

LATER_LINES: tuple[Statement, ...] = (
    Statement("PRRT after progression on a somatostatin analogue (midgut)",
              "NETTER-1 (randomised) prolonged progression-free survival; ESMO 2020 (read in a secondary review) "
              "places PRRT for small-intestinal NET G2 as an alternative of equal standing to everolimus.",
              "agree", ("CF1 8b",), ("netter1", "prrt_esmo_review")),
    # CF1 8b: "partly verified (secondary source only)"; the pNET part is for G1 (possibly G2) only.
    Statement("Sequencing in pancreatic NETs",
              "ESMO 2020, as one radiology review summarises it: for a pancreatic NET G1 (possibly G2), PRRT after "
              "progression on a somatostatin analogue is one option among everolimus, sunitinib and chemotherapy "
              "(CAPTEM, streptozocin/5-FU); no trial compares their order.", "secondary", ("CF1 8b",),
              ("prrt_esmo_review", "esmo2020")),
    Statement("ENETS 2023 sequencing", "The course's sources do not give the order of treatments in the ENETS 2023 "
              "guidance papers, so it is not taught here.", "unverified", ("9",), ("enets2023_nf_pnet",)),
    Statement("PRRT re-treatment", PRRT_RETREATMENT[0][0].upper() + PRRT_RETREATMENT[0][1:] + ". No randomised "
              "trial.", "weak", ("5.8",), PRRT_RETREATMENT[1]),
    Statement("Who is re-treated with PRRT", ROTTERDAM_SALVAGE[0] + ". This is one centre's criterion, not a "
              "guideline cut-off.", "differ", ("5.9",), ROTTERDAM_SALVAGE[1]),
    Statement("Second-line NEC", "No standard: NET-02 (phase 2) supports liposomal irinotecan + 5-FU; FOLFIRI and "
              "FOLFOX rest on retrospective series. Do not present them as proven.", "weak", ("5.13", "5.14"),
              ("net02", "hentic2012_folfiri", "hadoux2015_folfox", "enets2023_nec")),
    Statement("Lung and thymic carcinoids", "ESMO 2021 (read in secondary extracts): everolimus first line for most "
              "atypical carcinoids or after SSA failure; PRRT (uptake on all target lesions) mainly third line, second "
              "if the syndrome is uncontrolled; temozolomide or dacarbazine, then platinum, after everolimus.",
              "agree", ("5.10", "5.11", "5.12"), ("esmo2021_lung_thymic", "radiant4_lung", "luna")),
)


# --- carcinoid heart disease: screening by cohort (facts 4.1-4.6) -----------------------------------------------------
#: The NT-proBNP cut-off both cohorts tested (pg/mL, equal to ng/L).
NT_PROBNP_CUTOFF_PG_ML = 260.0


@dataclass(frozen=True)
class ScreeningCohort:
    """One cohort that tested NT-proBNP at :data:`NT_PROBNP_CUTOFF_PG_ML` against echocardiography: who, how many
    had carcinoid heart disease (``with_chd`` of ``n``), sensitivity and specificity (%) at the cut-off."""

    key: str
    label: str
    year: int
    population: str
    n: int
    with_chd: int
    sensitivity: float
    specificity: float
    finding: str
    facts: tuple[str, ...]
    sources: tuple[str, ...]

    @property
    def prevalence(self) -> float:
        """The share (%) of the cohort with carcinoid heart disease."""
        return 100.0 * self.with_chd / self.n


CHD_COHORTS: dict[str, ScreeningCohort] = {c.key: c for c in (
    ScreeningCohort("2008", "2008 cohort", 2008, "patients with carcinoid syndrome", 200, 39, 92.0, 91.0,
                    "median NT-proBNP 1,149 vs 101 pg/mL with vs without heart disease; echocardiograms needed per "
                    "case found fell from 5.1 to 1.4", ("4.1", "4.2"), ("bhattacharyya2008_ntprobnp",)),
    ScreeningCohort("2023", "2023 cohort", 2023, "patients with disseminated small-intestinal NETs (prospective)", 93,
                    15, 46.0, 79.0, "NT-proBNP area under the ROC curve 0.67; the authors judged it not accurate "
                    "enough for screening", ("4.3",), ("chd_screening_2023",)),
)}
#: The 2023 cohort's other markers (area under the ROC curve; fact 4.3).
CHD_MARKERS_2023: tuple[tuple[str, float, str], ...] = (
    ("NT-proBNP", 0.67, "at 260 pg/mL: sensitivity 46 %, specificity 79 %"),
    ("plasma 5-HIAA", 0.89, "at 752 nmol/L: sensitivity 92 %, specificity 85 %"),
    ("chromogranin A", 0.91, ""),
)
#: The rest of what the course teaches about carcinoid heart disease.
CHD_FACTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("About 1 patient in 5 with carcinoid syndrome has carcinoid heart disease (39 of 200, 19.5 %); before somatostatin "
     "analogues it was more than half.", ("bhattacharyya2008_ntprobnp", "chd_review_2017", "chd_review_2019")),
    ("Screen every patient with carcinoid syndrome; transthoracic echocardiography makes the diagnosis (ENETS published "
     "a synoptic echo-report template in 2022).", ("hofland2022_chd_echo", "enets2022_carcinoid_syndrome")),
    ("Plasma 5-HIAA predicts progression: each 100 nmol/L more, odds ratio 1.05 for progression and 1.07 for death "
     "(137 patients).", ("dobson2014_chd",)),
    ("The tricuspid valve is involved in every operated case and the pulmonary valve in 84 %; surgery on the aortic or "
     "mitral valve was needed in 16 %, closure of a patent foramen ovale or atrial septal defect in 24 %.",
     ("nguyen2019_chd_surgery",)),
    ("Valve surgery (Mayo, 240 patients 1985-2018): early mortality 29 %, then 7 %, then 5 % across three eras; survival "
     "69 %, 48 % and 34 % at 1, 3 and 5 years; 84 % bioprostheses. Reviews quote 10-20 % perioperative mortality.",
     ("nguyen2019_chd_surgery", "chd_review_2019")),
)


# --- carcinoid crisis (facts 4.7-4.9; fact sheet 1, section 8c) -------------------------------------------------------
#: Odds ratios of the meta-analysis (fact 4.7): liver metastases, and prophylactic octreotide (not significant).
CRISIS_LIVER_OR = 2.85
CRISIS_OCTREOTIDE_OR = 0.73

CRISIS: dict[str, tuple[str, tuple[str, ...]]] = {
    "incidence": ("pooled incidence 19 % (meta-analysis of 8 studies, 943 operations)", ("xu2022_crisis",)),
    "liver_metastases": (f"liver metastases: odds ratio {CRISIS_LIVER_OR:g} for a crisis", ("xu2022_crisis",)),
    "octreotide": (f"prophylactic octreotide was not associated with fewer crises (odds ratio {CRISIS_OCTREOTIDE_OR:g}, "
                   "not significant); "
                   "there is no standard regimen", ("xu2022_crisis",)),
    "infusion_series": ("OHSU prospective series (127 patients, 150 operations) on a continuous octreotide infusion: "
                        "crises in 30 % (24 % of those given a bolus beforehand as well); linked to liver metastases and "
                        "the syndrome, but crises occurred without either; complications rose only when instability "
                        "lasted more than 10 minutes; prompt vasopressors cut hypotension to 8.7 minutes",
                        ("condron2016_crisis",)),
    "triggers": ("triggers: anaesthesia and (abdominal) procedures; rarely spontaneous. In practice octreotide with or "
                 "without antihistamines or anxiolytics is given, with no standard dose, route or timing",
                 ("crisis_review_2022",)),
    "older_caution": ("an older caution: avoid catecholamines and calcium in a crisis (the OHSU series used prompt "
                      "vasopressors; which drugs is not stated in the course's sources)",
                      ("pdq_gi_net", "condron2016_crisis")),
}


# --- the other hormonal complications (facts 4.10-4.15) ---------------------------------------------------------------
@dataclass(frozen=True)
class Complication:
    """A hormonal complication: what it is, how common as the sources state it, when to suspect it and what to do."""

    key: str
    name: str
    what: str
    how_common: str
    suspect: str
    action: str
    facts: tuple[str, ...]
    sources: tuple[str, ...]


COMPLICATIONS: dict[str, Complication] = {c.key: c for c in (
    Complication("chd", "Carcinoid heart disease",
                 "serotonin-driven thickening and scarring of the right-sided valves (tricuspid, pulmonary)",
                 "about 1 in 5 patients with carcinoid syndrome (39 of 200)",
                 "every patient with carcinoid syndrome is screened",
                 "transthoracic echocardiography; valve surgery in selected patients",
                 ("4.1", "4.2", "4.3", "4.5", "4.6"),
                 ("bhattacharyya2008_ntprobnp", "chd_screening_2023", "hofland2022_chd_echo", "nguyen2019_chd_surgery")),
    Complication("crisis", "Carcinoid crisis",
                 "a sudden flare of hormone release: blood pressure swings, flushing, bronchospasm",
                 "19 % of operations (pooled, 943 operations)",
                 "anaesthesia and procedures, above all with liver metastases (odds ratio 2.85); also without them",
                 "be ready to treat at once (prompt vasopressors shortened hypotension); octreotide cover is customary "
                 "but unproven", ("4.7", "4.8", "4.9"), ("xu2022_crisis", "condron2016_crisis", "crisis_review_2022")),
    Complication("eas", "Ectopic ACTH (Cushing's syndrome)",
                 "ACTH made by the tumour drives cortisol excess",
                 "29 of 918 thoracic and digestive NET patients (3.2 %; MEN1 and small cell lung cancer excluded); "
                 "survival in the first 5 years worse than without it",
                 "cortisol excess with a lung nodule: usually a well-differentiated lung NET (carcinoid), no "
                 "longer small cell lung cancer as formerly",
                 "find the source (lung first; occult in about 1 case in 5)",
                 ("4.12", "4.13", "4.14"), ("kamp2016_eas", "isidori2015_eas_imaging", "hayes_grossman2022_eas",
                                            "thymic_nen_2017")),
    Complication("pthrp", "PTHrP hypercalcaemia",
                 "parathyroid hormone-related peptide made by the tumour raises calcium",
                 "rare: 0.47-1.1 % of NETs, mainly pancreatic",
                 "high calcium with an inappropriately low PTH",
                 "acute: fluids, a (loop) diuretic, an intravenous bisphosphonate; a somatostatin analogue is the first "
                 "medical option", ("4.15",), ("pthrp_pnet",)),
    Complication("pellagra", "Pellagra (niacin deficiency)",
                 "the tumour turns tryptophan into serotonin, leaving less for niacin",
                 "biochemical niacin deficiency in 10 of 36 new carcinoid-syndrome patients vs 4 of 32 without the "
                 "syndrome; clinical pellagra in 1",
                 "diarrhoea, dermatitis and confusion that may be pellagra rather than the tumour",
                 "think of it; in a Dutch cohort of 42 patients (mean tryptophan 31.8 µmol/L, reference 40-70; "
                 "low urinary N1-methylnicotinamide in 45 %) oral niacin normalised it in 86 %",
                 ("4.10", "4.11"), ("shah2005_pellagra", "niacin_net_cohort")),
)}

#: Where ectopic ACTH came from in an imaging review of 231 cases (%; fact 4.13).
EAS_SOURCES: tuple[tuple[str, float], ...] = (("lung", 55.3), ("occult", 18.6), ("pancreas", 8.5),
                                              ("thymus and mediastinum", 7.9), ("adrenal", 6.4),
                                              ("gastrointestinal", 5.4), ("thyroid", 3.7))
EAS_SOURCES_REF: tuple[str, ...] = ("isidori2015_eas_imaging", "hayes_grossman2022_eas")


# --- follow-up after complete resection (facts 5.15-5.17) -------------------------------------------------------------
@dataclass(frozen=True)
class FollowUpItem:
    """One statement on follow-up after complete resection, by source (``source_name`` in words)."""

    key: str
    source_name: str
    says: str
    facts: tuple[str, ...]
    sources: tuple[str, ...]


_COMMNETS = ("singh2018_followup",)
_ESMO_FU = ("esmo2020", "ncuk_esmo_followup")

FOLLOW_UP: dict[str, FollowUpItem] = {i.key: i for i in (
    FollowUpItem("duration", "CommNETs/NANETS 2018", "small-bowel and pancreatic NETs: follow up for at least 10 years",
                 ("5.15",), _COMMNETS),
    FollowUpItem("pnet_imaging", "CommNETs/NANETS 2018", "pancreatic NETs: CT or MRI yearly for 3 years, then every "
                 "1-2 years", ("5.15",), _COMMNETS),
    FollowUpItem("closer", "CommNETs/NANETS 2018", "node-positive disease or Ki-67 above 5 %: closer follow-up",
                 ("5.15", "5.16"), _COMMNETS + ("genc2018_ki67",)),
    FollowUpItem("low_risk", "CommNETs/NANETS 2018", "selected low-risk tumours (for example G1, node-negative, below "
                 "2 cm) may need no follow-up", ("5.15",), _COMMNETS),
    FollowUpItem("esmo_low_grade", "ESMO 2020 (secondary summary)", "G1/G2 with a low Ki-67: every 6-12 months",
                 ("5.17",), _ESMO_FU),
    FollowUpItem("esmo_nec", "ESMO 2020 (secondary summary)", "NEC (G3): every 2-3 months", ("5.17",), _ESMO_FU),
    FollowUpItem("esmo_after_5", "ESMO 2020 (secondary summary)", "after 5 years widen to every 1-2 years, except G3; "
                 "recurrences are seen after 10-20 years", ("5.17",), _ESMO_FU),
    FollowUpItem("esmo_none", "ESMO 2020 (secondary summary)", "an R0-resected G1 appendiceal or rectal NET below 1 cm "
                 "without adverse features needs no follow-up", ("5.17",), _ESMO_FU),
)}
#: Closer follow-up when Ki-67 is above this (%; fact 5.15).
FOLLOW_UP_KI67_CLOSER_ABOVE = 5.0
#: The CommNETs/NANETS example of a low-risk tumour: G1, node-negative, below this size (cm; fact 5.15).
LOW_RISK_EXAMPLE_SIZE_BELOW_CM = 2.0
#: ESMO (secondary summary): R0 G1 appendiceal or rectal NETs below this size (cm) without adverse features need no
#: follow-up (fact 5.17).
NO_FOLLOW_UP_SITES: tuple[str, ...] = ("appendix", "rectum")
NO_FOLLOW_UP_SIZE_BELOW_CM = 1.0
#: Sites where "may need no follow-up" is not applied, whatever the size and grade: CF1 section 10 (the idea that a
#: small G1 tumour can be observed does not apply to small-intestinal or colonic NETs) and CF1 section 8a (ampullary
#: NETs can metastasise even below 1 cm).
LOW_RISK_EXCLUDED_SITES: tuple[str, ...] = ("jejunum_ileum", "colon", "ampulla")
#: Gastric NET types for which "may need no follow-up" is not applied: type 3 metastasises in more than half
#: (CF1 section 6) and is excluded by CF1 section 10. A gastric NET of unknown type is not read as low risk either.
LOW_RISK_EXCLUDED_GASTRIC_TYPES: tuple[int, ...] = (3,)
#: Small-bowel and pancreatic NETs: follow-up for at least this many years (fact 5.15).
FOLLOW_UP_MIN_YEARS = 10
#: Why Ki-67 above 5 % (fact 5.16).
FOLLOW_UP_RATIONALE = ("resected G1/G2 non-functioning pancreatic NETs, Ki-67 6-20 % vs 0-5 %: recurrence 41 % vs "
                       "14 %, 5-year recurrence-free survival 55 % vs 90 %", ("genc2018_ki67",))

#: What the course leaves out because its sources did not confirm it.
UNVERIFIED: tuple[str, ...] = (
    "A later Milan age limit (quoted in one summary only) and the survival figures of a 2016 transplant paper.",
    "ENETS 2023 treatment sequencing for pancreatic and small-intestinal NETs.",
    "ENETS 2023 follow-up intervals by grade and stage (no separate ENETS follow-up paper was found).",
    "Octreotide doses for preventing or treating a carcinoid crisis.",
    "The series that first proposed the 90 % debulking aim.",
)
