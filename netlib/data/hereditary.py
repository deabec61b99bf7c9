"""Hereditary syndromes with neuroendocrine tumours, germline-testing indications, somatic drivers and the p53/Rb
stains, as data with sources. Nothing here decides: :mod:`netlib.hereditary` does.

Written in our own words from the verified fact sheet (part 2, section 1). Every number is one the sources state,
with its denominator; where the sources give no number (the inheritance of MEN4, VHL, NF1 and TSC, or how often
MEN1 causes a pituitary tumour), the entry says so instead of filling the gap. Percentages of different series are
not comparable with each other: each manifestation names its own.
"""
from __future__ import annotations

from dataclasses import dataclass

from netlib.errors import InvalidTypeError, InvalidValueError

__all__ = ["FIRST_DEGREE_RISK_PERCENT", "Manifestation", "HereditarySyndrome", "SYNDROMES", "SITES", "get", "NOT_STATED", "PNET_FREQUENCY_ORDER",
           "PNET_FREQUENCY_ORDER_SOURCES", "INHERITED_SHARE", "RED_FLAGS", "EARLY_ONSET_AGE", "TestingIndication",
           "TESTING_INDICATIONS", "MEN1_MAIN_TUMOURS", "MEN1_MIN_MAIN_TUMOURS",
           "MEN1_MIN_WITH_RELATIVE", "MEN1_TYPE_SITES", "RED_FLAG_CONTEXT_WORDS", "THYMIC_MEN1_SHARE", "MEN1_CRITERIA_SOURCES", "RED_FLAG_SOURCES", "SPORADIC_GERMLINE", "SomaticDriver",
           "SOMATIC_DRIVERS", "ALT_PROGNOSIS", "StainPattern", "P53_RB_PATTERNS", "P53_RB_SERIES",
           "PANCREAS_G3_MARKERS", "UNVERIFIED"]

#: What an entry says where the course's sources give no value.
NOT_STATED = "not stated in the course's sources"

#: The organs the catalogue places tumours in, in the order the figure shows them.
SITES: tuple[str, ...] = ("parathyroid", "anterior pituitary", "pancreas", "duodenum", "stomach", "thymus",
                          "bronchus")


@dataclass(frozen=True)
class Manifestation:
    """One tumour a syndrome causes: where (``sites``, words of :data:`SITES`), what, and how often as the source
    states it: ``rate`` is the number itself (``"90-100 %"``, ``"2 of 48"``; the figure of notebook 09 shows it) and
    ``of`` the population it refers to (``"of MEN1 patients"``); both empty when the source gives no number."""

    sites: tuple[str, ...]
    tumour: str
    rate: str
    of: str
    sources: tuple[str, ...]

    @property
    def frequency(self) -> str:
        """How often, in words with its denominator (``"90-100 %", "of MEN1 patients"``); empty when not given."""
        return f"{self.rate} {self.of}".strip()


@dataclass(frozen=True)
class HereditarySyndrome:
    """One inherited syndrome with neuroendocrine tumours.

    ``gene`` and ``inheritance`` read :data:`NOT_STATED` where the sources do not give them; ``penetrance`` holds
    (age in years, % of carriers affected) pairs where stated; ``management`` the ways the syndrome changes
    management that the sources state; ``testing`` notes on diagnosis and genetic testing.
    """

    key: str
    short: str
    name: str
    gene: str
    inheritance: str
    frequency: str
    penetrance: tuple[tuple[int, float], ...]
    manifestations: tuple[Manifestation, ...]
    red_flags: tuple[str, ...]
    management: tuple[str, ...]
    testing: tuple[str, ...]
    sources: tuple[str, ...]

    def sites(self) -> tuple[str, ...]:
        """The organs of :data:`SITES` this syndrome places tumours in, in the order of :data:`SITES`."""
        found = {s for m in self.manifestations for s in m.sites}
        return tuple(s for s in SITES if s in found)

    def penetrance_words(self) -> str:
        """The penetrance by age in words, or :data:`NOT_STATED`."""
        if not self.penetrance:
            return NOT_STATED
        return ", ".join(f"{p:g} % by {age} years" for age, p in self.penetrance)


#: Autosomal dominant inheritance: the chance (%) that a first-degree relative of a carrier inherits the variant.
FIRST_DEGREE_RISK_PERCENT = 50.0

_MEN1_SRC = ("thakker2012_men1", "pdq_men1_genetics", "men1_manifestations_review")

SYNDROMES: dict[str, HereditarySyndrome] = {s.key: s for s in (
    HereditarySyndrome(
        "men1", "MEN1", "Multiple endocrine neoplasia type 1",
        "MEN1, which encodes menin (610 amino acids)",
        f"autosomal dominant: each first-degree relative of a carrier has a {FIRST_DEGREE_RISK_PERCENT:g} % risk",
        "1-2 per 100,000 (NCI PDQ, labelled incidence) to 2-3 per 100,000 (a review, labelled prevalence)",
        ((30, 45.0), (50, 82.0), (70, 96.0)),
        (Manifestation(("parathyroid",), "hyperparathyroidism", "90-100 %", "of MEN1 patients",
                       ("men1_manifestations_review",)),
         Manifestation(("anterior pituitary",), "anterior pituitary tumour (one of the three main tumours)", "", "",
                       ("thakker2012_men1",)),
         Manifestation(("pancreas", "duodenum"), "duodenopancreatic NETs, non-functioning",
                       "80-100 %", "of MEN1 patients", ("men1_manifestations_review",)),
         Manifestation(("pancreas", "duodenum"), "duodenopancreatic NETs, functioning (gastrinoma the commonest)",
                       "20-70 %", "of MEN1 patients", ("men1_manifestations_review",)),
         Manifestation(("duodenum",), "gastrinoma: small, multiple, mostly duodenal", "about 42 %", "of MEN1 patients",
                       ("plockinger2012_men1_gastrinoma",)),
         Manifestation(("stomach",), "gastric NET (all gastric NETs in MEN1 together; type 2 gastric NETs grow on "
                                     "MEN1 with Zollinger-Ellison syndrome)", "7-35 %", "of MEN1 patients",
                       ("men1_manifestations_review",)),
         Manifestation(("thymus",), "thymic NET", "0-8 %", "of MEN1 patients", ("men1_manifestations_review",)),
         Manifestation(("bronchus",), "bronchial NET", "0-8 %", "of MEN1 patients", ("men1_manifestations_review",))),
        ("several endocrine tumours in one person (parathyroid, pituitary, duodenum or pancreas)",
         "a relative with MEN1",
         "a gastrinoma: MEN1 causes 20-30 % of Zollinger-Ellison syndrome"),
        ("Gastrinomas in MEN1 are small, multiple and mostly duodenal, so surgery rarely cures them: in an NIH series "
         "of 151 operated patients with Zollinger-Ellison syndrome, 34 % of sporadic and 0 % of MEN1 patients were "
         "disease-free at 10 years, while overall 10-year survival was 94 %.",
         "Size thresholds for non-functioning pancreatic NETs in MEN1 differ by source: the 2012 MEN1 guideline "
         "considers resection above 1 cm; ENETS 2016 advised surveillance below 2 cm (for sporadic tumours); a 2019 "
         "expert review resects above 2 cm, manages smaller ones conservatively with yearly MRI, and starts pancreatic "
         "screening at 10-16 years. Name the source of any cut-off you use.",
         "Watching small tumours rests on cohorts: 46 French patients with MEN1 tumours of 2 cm or less followed "
         "10.7 ± 4.2 years (28 stable, 16 progressed); a four-centre cohort (27 operated upfront, 33 observed, median "
         "follow-up 126 months) found similar progression-free survival and concluded that upfront surgery is rarely "
         "justified."),
        ("Clinical diagnosis: two of the three main tumours (parathyroid, anterior pituitary, duodenopancreatic NET), "
         "or one of them in a relative of a known case.",
         "5-25 % of patients diagnosed clinically carry no MEN1 mutation (phenocopies); germline CDKN1B variants, "
         "which cause MEN4, are one explanation.",
         "Sources differ on the share of gastrinomas due to MEN1: 20-30 % of Zollinger-Ellison syndrome (a review "
         "of the syndrome) against 15-35 % of gastrinomas (the syndrome catalogue of notebook 06)."),
        _MEN1_SRC + ("plockinger2012_men1_gastrinoma", "zes_ppi_era_review", "norton1999_zes_surgery",
                     "challis2019_men1_pnet", "triponez2018_men1_nf_pnet", "partelli2016_men1_small_pnet",
                     "de_laat2018_men1", "geurts2020_inherited_pnet")),
    HereditarySyndrome(
        "men4", "MEN4", "Multiple endocrine neoplasia type 4",
        "CDKN1B, which encodes p27 (germline variants)",
        NOT_STATED,
        "below 1 per million; first described in 2006",
        (),
        (Manifestation(("parathyroid",), "primary hyperparathyroidism (86 % single-gland)",
                       "75 %", "of 48 symptomatic cases; 53.4 % by age 60 in a 74-case analysis",
                       ("singeisen2023_men4", "men4_cdkn1b_phenotype")),
         Manifestation(("anterior pituitary",), "pituitary tumour", "44 %", "of 48 symptomatic cases",
                       ("singeisen2023_men4",)),
         Manifestation(("pancreas",), "endocrine pancreatic tumour", "15 %", "of 48 symptomatic cases",
                       ("singeisen2023_men4",)),
         Manifestation(("thymus",), "thymic tumour", "2 of 48", "symptomatic cases", ("singeisen2023_men4",))),
        ("a MEN1-like picture without a MEN1 mutation",),
        (),
        ("Clinically MEN1-like; 75 % of 48 symptomatic cases were women.",
         "Risk of a NET 16.2 % in a 74-case analysis."),
        ("singeisen2023_men4", "men4_cdkn1b_phenotype", "de_laat2018_men1", "geurts2020_inherited_pnet")),
    HereditarySyndrome(
        "vhl", "VHL", "von Hippel-Lindau disease",
        "VHL",
        NOT_STATED,
        NOT_STATED,
        (),
        (Manifestation(("pancreas",), "pancreatic NET (metastatic in 9 of 108, 8.3 %)",
                       "17 %", "(108 of 633 patients, NIH)", ("blansfield2007_vhl_pnet",)),),
        ("a pancreatic NET in a person or family with von Hippel-Lindau disease",),
        ("Metastasis was linked to size above 3 cm, a germline exon 3 mutation (78 % vs 46 %) and a short tumour "
         "doubling time (mean 337 vs 2,630 days). Proposed criteria for not operating: below 3 cm, no exon 3 "
         "mutation and a doubling time above 500 days.",),
        (),
        ("blansfield2007_vhl_pnet", "geurts2020_inherited_pnet", "jensen_pet_syndromes")),
    HereditarySyndrome(
        "nf1", "NF1", "Neurofibromatosis type 1",
        NOT_STATED,
        NOT_STATED,
        NOT_STATED,
        (),
        (Manifestation(("duodenum",), "somatostatin-rich duodenal NET (the NF1-associated ones in the series were "
                                      "duodenal)", "", "", ("garbrecht_somatostatin_nets", "pdq_gi_net")),),
        ("a duodenal somatostatin-producing NET: somatostatin predominated in 26 % of 82 duodenal vs 4 % of 541 "
         "pancreatic NETs, and up to half of duodenal D-cell tumours occur with NF1",),
        (),
        (),
        ("garbrecht_somatostatin_nets", "pdq_gi_net", "geurts2020_inherited_pnet", "jensen_pet_syndromes")),
    HereditarySyndrome(
        "tsc", "TSC", "Tuberous sclerosis complex",
        NOT_STATED,
        NOT_STATED,
        NOT_STATED,
        (),
        (Manifestation(("pancreas",), "non-functioning pancreatic NET (16 patients, median age 18 years)",
                       "0.65 %", "in two TSC databases", ("tsc_nf_pnet_2021",)),),
        (),
        (),
        (),
        ("tsc_nf_pnet_2021", "geurts2020_inherited_pnet", "jensen_pet_syndromes")),
)}


def get(key: str) -> HereditarySyndrome:
    """The catalogue entry for ``key`` (``men1``, ``men4``, ``vhl``, ``nf1`` or ``tsc``)."""
    if not isinstance(key, str):
        raise InvalidTypeError("key", f"expected a syndrome key ({', '.join(SYNDROMES)}), got {type(key).__name__} "
                                      f"{key!r}")
    if key not in SYNDROMES:
        raise InvalidValueError("key", f"{key!r} is not a hereditary syndrome in the catalogue; known: "
                                       f"{', '.join(SYNDROMES)}")
    return SYNDROMES[key]


#: How often pancreatic NETs occur across the syndromes, most frequent first.
PNET_FREQUENCY_ORDER: tuple[str, ...] = ("men1", "vhl", "nf1", "tsc")
PNET_FREQUENCY_ORDER_SOURCES: tuple[str, ...] = ("jensen_pet_syndromes", "geurts2020_inherited_pnet")

#: About this share of pancreatic NETs arises in an inherited syndrome (MEN1, MEN4, VHL, NF1, TSC).
INHERITED_SHARE = ("about 10 % of pancreatic NETs", ("geurts2020_inherited_pnet",))

#: The red flags for an inherited syndrome: code -> words.
RED_FLAGS: dict[str, str] = {
    "several_primaries": "several primary tumours",
    "early_onset": "onset before about 40 years (the course counts under 40; the source says about 40)",
    "pattern": "a typical personal or family pattern (another main MEN1 tumour, a relative with MEN1, or relatives "
               "with tumours typical of an inherited syndrome)",
}
RED_FLAG_SOURCES: tuple[str, ...] = ("geurts2020_inherited_pnet",)
#: Where the course reads the red flags (its reading of the source, which frames them for pancreatic NETs): a
#: duodenal or pancreatic NET, or a tumour MEN1 causes (gastric, thymic and bronchial NETs, fact sheet 1.6), or a
#: person who has another main MEN1 tumour. Type 1 gastric NETs are left out: they grow on chronic atrophic
#: gastritis and are multifocal because of it, not because of heredity (gastric NET types, notebook 06).
MEN1_TYPE_SITES: tuple[str, ...] = ("stomach", "thymus", "lung")
RED_FLAG_CONTEXT_WORDS = ("a duodenal or pancreatic NET, a tumour MEN1 causes (gastric NET other than type 1, thymic "
                          "or bronchial NET) or a person with another main MEN1 tumour")
#: Thymic neuroendocrine neoplasms: about this share is MEN1-associated.
THYMIC_MEN1_SHARE = ("about 25 % of thymic neuroendocrine neoplasms are MEN1-associated", ("thymic_nen_2017",))
#: The age (years) the red flag "onset before about 40" uses; the source gives it as approximate.
EARLY_ONSET_AGE = 40


@dataclass(frozen=True)
class TestingIndication:
    """A verified indication for genetic risk evaluation: ``strength`` is ``recommended`` or ``consider``."""

    key: str
    strength: str
    words: str
    sources: tuple[str, ...]


#: The verified indications (NCCN as summarised in 2022), strongest first. ENETS 2023 and ESMO 2020 wording on who
#: should be tested is UNVERIFIED in the course's sources and is not encoded.
TESTING_INDICATIONS: dict[str, TestingIndication] = {i.key: i for i in (
    TestingIndication("gastrinoma", "recommended", "every gastrinoma", ("zhang_kunz2022_net_practice",
                                                                        "zes_ppi_era_review",
                                                                        "plockinger2012_men1_gastrinoma")),
    TestingIndication("multifocal_pnet", "recommended", "multifocal pancreatic NETs",
                      ("zhang_kunz2022_net_practice", "geurts2020_inherited_pnet")),
    TestingIndication("suspected_men1", "recommended",
                      "suspected MEN1 (the course's reading: the clinical criteria are met, or a gastric NET other "
                      "than type 1, a thymic or a bronchial NET occurs with another main MEN1 tumour or in a relative "
                      "of a known case)",
                      ("zhang_kunz2022_net_practice", "thakker2012_men1", "men1_manifestations_review")),
    TestingIndication("duodenal_or_pancreatic_net", "consider", "a duodenal or pancreatic NET, at any age",
                      ("zhang_kunz2022_net_practice", "geurts2020_inherited_pnet")),
)}

#: The three main MEN1 tumours (words used by :func:`netlib.hereditary.germline_referral`'s ``other_tumours`` for the
#: two outside the gut).
MEN1_MAIN_TUMOURS: tuple[str, ...] = ("parathyroid", "pituitary", "duodenopancreatic NET")
#: Clinical diagnosis of MEN1: at least this many of the main tumours ...
MEN1_MIN_MAIN_TUMOURS = 2
#: ... or at least this many in a relative of a known case.
MEN1_MIN_WITH_RELATIVE = 1
MEN1_CRITERIA_SOURCES: tuple[str, ...] = ("thakker2012_men1", "pdq_men1_genetics")

#: Whole-genome sequencing of clinically sporadic pancreatic NETs found germline pathogenic variants in this share.
SPORADIC_GERMLINE = ("17 % of 102 clinically sporadic pancreatic NETs (MEN1, VHL and the DNA-repair genes MUTYH, "
                     "CHEK2 and BRCA2)", ("scarpa2017_wgs_pnet",))


@dataclass(frozen=True)
class SomaticDriver:
    """A somatic (tumour-only) alteration: where it occurs, how often as stated, and what it means."""

    key: str
    gene: str
    found_in: str
    frequency: str
    meaning: str
    sources: tuple[str, ...]


SOMATIC_DRIVERS: dict[str, SomaticDriver] = {d.key: d for d in (
    SomaticDriver("men1", "MEN1", "sporadic pancreatic NETs", "44 % of 68 tumours",
                  "the same gene as the inherited syndrome, here altered in the tumour only",
                  ("jiao2011_daxx_atrx",)),
    SomaticDriver("daxx_atrx", "DAXX or ATRX", "sporadic pancreatic NETs, including NET G3", "43 % of 68 tumours",
                  "loss travels with alternative lengthening of telomeres (ALT); prognostic, not a grading "
                  "criterion; loss on staining supports NET G3 over NEC",
                  ("jiao2011_daxx_atrx", "singhi2017_alt", "tang2016_g3_pnet")),
    SomaticDriver("mtor", "mTOR-pathway genes", "sporadic pancreatic NETs", "14 % of 68 tumours",
                  "mTOR signalling, one of the pathways altered in pancreatic NETs",
                  ("jiao2011_daxx_atrx", "scarpa2017_wgs_pnet")),
    SomaticDriver("ewsr1", "EWSR1 fusions", "pancreatic NETs (whole-genome sequencing)", "",
                  "pathways altered: chromatin remodelling, DNA repair, mTOR signalling, telomere maintenance",
                  ("scarpa2017_wgs_pnet",)),
    SomaticDriver("tp53_rb1", "TP53 and RB1", "neuroendocrine carcinomas", "",
                  "typical of NEC and absent from most NETs: aberrant p53 and lost Rb on staining",
                  ("net_vs_nec_review", "p53_rb_465_nens")),
)}

#: Alternative lengthening of telomeres (ALT) and DAXX/ATRX loss as prognostic markers, as the series state them.
ALT_PROGNOSIS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("321 resected pancreatic NETs: ALT in 31 %, DAXX/ATRX loss in 26 %; 5-year disease-free survival 40 % with them "
     "vs 96 % without; in distant metastases 67 % and 52 %.", ("singhi2017_alt",)),
    ("1,322 NETs: prognostic independently of tumour size.", ("hackeng2022_alt",)),
    ("The 2011 reading of 'better prognosis' was reversed for resected disease, although among patients with distant "
     "metastases ALT-positive primaries had better overall survival (hazard ratio 0.23).",
     ("jiao2011_daxx_atrx", "singhi2017_alt")),
)


@dataclass(frozen=True)
class StainPattern:
    """How often a p53/Rb staining pattern occurs in each group of the 465-tumour series (percent of tumours)."""

    key: str
    words: str
    percent: tuple[tuple[str, float], ...]
    sources: tuple[str, ...]


# The numbers come from the 465-tumour series (read as an abstract, bibliographic details unverified); the reviews
# state the same direction (NECs carry TP53/RB1 alterations, NETs lack them; abnormal p53 or Rb supports NEC).
_STAIN_SRC = ("p53_rb_465_nens", "net_vs_nec_review", "tang2016_g3_pnet")

#: The 465 high-grade NENs (9 organ systems), with NET G1/G2 for comparison as the abstract reports them: the share
#: of each group with each pattern.
P53_RB_PATTERNS: dict[str, StainPattern] = {p.key: p for p in (
    StainPattern("both_normal", "p53 and Rb both normal",
                 (("NET G1/G2", 96.7), ("NET G3", 76.7), ("NEC", 5.8)), _STAIN_SRC),
    StainPattern("p53_aberrant", "aberrant p53", (("NET G3", 12.7), ("NEC", 91.5)), _STAIN_SRC),
    StainPattern("rb_lost", "Rb lost", (("NET G3", 10.6), ("NEC", 68.3), ("LCNEC", 57.3), ("SCNEC", 80.6)),
                 _STAIN_SRC),
)}
#: The series behind :data:`P53_RB_PATTERNS`, and its summary in words.
P53_RB_SERIES = ("465 high-grade NENs from 9 organ systems, with NET G1/G2 for comparison (their number was not "
                 "read); Rb added little beyond p53",
                 ("p53_rb_465_nens", "net_vs_nec_review"))

#: Pancreas: what supports NET G3 and what supports NEC (33 G3 tumours), and a small NEC series.
PANCREAS_G3_MARKERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("DAXX/ATRX loss supports NET G3; abnormal p53, Rb or SMAD4 supports NEC (33 G3 pancreatic tumours).",
     ("tang2016_g3_pnet",)),
    ("Of 11 pancreatic tumours with Ki-67 above 20 % called NEC under WHO 2010: Rb retained in 4 of 4 well vs 1 of 7 "
     "poorly differentiated; KRAS mutated in 0 of 4 vs 6 of 7; platinum response in 0 of 2 vs 4 of 4.",
     ("pnec_subclassification_2015",)),
    ("480 resected pancreatic NENs (WHO 2017): 5-year overall survival G1 75.8 %, G2 58.4 %, NET G3 35.1 %, NEC "
     "11.1 %.", ("who2017_pancreas",)),
)

#: What the course leaves out because its sources did not confirm it.
UNVERIFIED: tuple[str, ...] = (
    "ENETS 2023, ESMO 2020 and NANETS statements on who should have germline testing.",
    "Authors and journals of several series above (marked on their references).",
    "The Korean ALT series (269 cases): left out of the data because its reference could not be identified.",
)
