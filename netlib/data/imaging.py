"""Functional imaging as data: the Krenning uptake scale and how the sources read it for PRRT.

The Krenning score grades somatostatin-receptor (SSTR) uptake of the tumour against normal organs. It was designed
for planar 111In-pentetreotide (OctreoScan) images and is also applied to SPECT and PET (fact sheet 2, 2.6;
Kwekkeboom and Krenning 2002): 2 is uptake *up to* that of the liver, so it covers uptake below the liver as well as
uptake equal to it. It is used to judge whether a patient is a candidate for peptide receptor radionuclide therapy
(PRRT), and secondary sources read the requirement two ways (fact sheet 2, section 9): uptake *at least equal to* the
liver (lenient) or uptake *above* the liver (strict). So uptake below the liver (scores 0-1, and score 2 when
fainter than the liver) fails both readings, uptake above the liver (3-4) meets both, and only uptake *equal to* the
liver is disputed. The NETTER-1 trial's own eligibility wording is not in the fact sheets, so netlib does not choose.

Teaching data, not a clinical decision tool.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

__all__ = ["KrenningLevel", "KRENNING", "KRENNING_RANGE", "KRENNING_SOURCES", "LIVER_COMPARISONS", "LIVER_SCORES",
           "PRRT_UPTAKE_READINGS", "PRRT_UPTAKE_LIVER", "KRENNING_2_READINGS", "prrt_uptake_verdict"]


@dataclass(frozen=True)
class KrenningLevel:
    """One step of the Krenning scale: the score (0-4) and what the tumour's uptake is compared with."""

    score: int
    uptake: str


#: The scale, lowest first (fact sheet 2, 2.6).
KRENNING: tuple[KrenningLevel, ...] = (
    KrenningLevel(0, "no uptake"),
    KrenningLevel(1, "very low uptake, far below the normal liver"),
    KrenningLevel(2, "uptake up to that of the normal liver"),
    KrenningLevel(3, "uptake above the normal liver"),
    KrenningLevel(4, "uptake above the normal spleen or kidney"),
)
#: The allowed scores, both ends included.
KRENNING_RANGE: tuple[int, int] = (KRENNING[0].score, KRENNING[-1].score)
KRENNING_SOURCES: tuple[str, ...] = ("kwekkeboom2002_krenning",)

#: How a lesion's SSTR uptake compares with the normal liver, lowest first (the comparisons the scale is built on).
LIVER_COMPARISONS: tuple[str, ...] = ("none", "far below", "below", "equal", "above")
#: The Krenning score(s) each liver comparison can have (fact sheet 2, 2.6): 2 covers uptake up to the liver, below
#: it or equal to it; uptake above the liver is 3 or 4, by the spleen (or kidney).
LIVER_SCORES: Mapping[str, tuple[int, ...]] = {"none": (0,), "far below": (1,), "below": (2,), "equal": (2,),
                                               "above": (3, 4)}

#: The two readings of the PRRT uptake requirement found in the sources (fact sheet 2, section 9): the lowest score
#: each can accept. The lenient reading accepts score 2 only when the uptake equals the liver
#: (:data:`PRRT_UPTAKE_LIVER`).
PRRT_UPTAKE_READINGS: Mapping[str, int] = {
    "at least equal to the liver": 2,
    "above the liver": 3,
}
#: The same readings as the lowest liver comparison each accepts.
PRRT_UPTAKE_LIVER: Mapping[str, str] = {
    "at least equal to the liver": "equal",
    "above the liver": "above",
}

#: Score 2 and the two readings in one sentence, the same wherever score 2 is explained (table, figure, cards).
KRENNING_2_READINGS = ("Krenning 2 covers uptake up to that of the liver: only uptake equal to the liver meets the "
                       "lenient reading (at least equal to the liver), the strict one asks for uptake above it, and "
                       "uptake below the liver meets neither.")


def prrt_uptake_verdict(score: int, vs_liver: str | None = None) -> bool | None:
    """Does SSTR uptake of this Krenning score qualify for PRRT? True when every reading in
    :data:`PRRT_UPTAKE_READINGS` accepts it, False when none does, None where the readings disagree.

    ``vs_liver`` (one of :data:`LIVER_COMPARISONS`, consistent with the score) is how the uptake compares with the
    liver, when known: then uptake below the liver is False for both readings and only uptake equal to the liver is
    None. Without it, score 2 (which covers both) is None. ``score`` must already be a valid whole number in
    :data:`KRENNING_RANGE` (``Findings`` checks it).
    """
    if vs_liver is None:
        accepted = {score >= lowest for lowest in PRRT_UPTAKE_READINGS.values()}
    else:
        rank = LIVER_COMPARISONS.index(vs_liver)
        accepted = {rank >= LIVER_COMPARISONS.index(lowest) for lowest in PRRT_UPTAKE_LIVER.values()}
    return accepted.pop() if len(accepted) == 1 else None


# --- SSTR-PET against OctreoScan, FDG-PET, dual-tracer grading, and what a needle biopsy grades (notebook 10) -------
@dataclass(frozen=True)
class ImagingFact:
    """One finding of the imaging literature as the source states it: ``topic`` (a short heading), ``text`` (our
    words, with the series' denominator) and ``sources``."""

    key: str
    topic: str
    text: str
    sources: tuple[str, ...]


#: SSTR-PET against 111In-pentetreotide (OctreoScan), and the SSTR-PET tracers compared (fact sheet 2, 2.1-2.5).
SSTR_IMAGING: tuple[ImagingFact, ...] = (
    ImagingFact("auc", "Appropriate-use criteria",
                "A multisociety panel, the Society of Nuclear Medicine and Molecular Imaging (SNMMI) with the "
                "American College of Radiology (ACR), the American Society of Clinical Oncology (ASCO), the North "
                "American Neuroendocrine Tumor Society (NANETS), the European Association of Nuclear Medicine (EANM), "
                "the National Comprehensive Cancer Network (NCCN) and others, states that SSTR-PET should replace "
                "111In-pentetreotide (OctreoScan) in every indication; 9 of 12 clinical scenarios were rated "
                "appropriate, among them initial staging, an unknown primary and staging before surgery.",
                ("hope2018_sstr_auc",)),
    ImagingFact("lesions", "PET against SPECT, lesion by lesion",
                "53 patients with metastatic NETs: 68Ga-DOTATOC PET/CT showed 1,098 lesions, 111In-pentetreotide "
                "SPECT 660; lesion sensitivity 99.9 % against 60.0 %. The extra lesions lay mostly in the liver and "
                "the bones.", ("van_binnebeek2016_pet_spect",)),
    ImagingFact("meta", "68Ga-DOTATOC meta-analysis",
                "Sensitivity 92 %, specificity 82 %; the primary was found in 44 % of patients with an unknown "
                "primary, and management changed in 51 %.", ("graham2017_dotatoc_meta",)),
    ImagingFact("tate_toc", "DOTATATE against DOTATOC",
                "DOTATATE binds somatostatin receptor subtype 2 (SSTR2) about ten times more strongly in vitro, yet "
                "in 40 patients the two tracers were diagnostically comparable: 78 against 79 positive body "
                "regions; DOTATOC found slightly more "
                "lesions (262 against 254).", ("poeppel2011_tate_toc",)),
    ImagingFact("cu64", "64Cu-DOTATATE",
                "Approved by the FDA in September 2020 (dose 148 megabecquerels, MBq): sensitivity 90.9 %, "
                "specificity 96.6 %; its 12.7-hour half-life allows central production and shipping.",
                ("delpassand2020_cu64",)),
)

#: The lesion-by-lesion comparison as numbers, for the figure (fact sheet 2, 2.2): (method, lesions seen,
#: lesion sensitivity %), 53 patients.
PET_SPECT_LESIONS: tuple[tuple[str, int, float], ...] = (
    ("111In-pentetreotide SPECT (OctreoScan)", 660, 60.0),
    ("68Ga-DOTATOC PET/CT", 1098, 99.9),
)
PET_SPECT_PATIENTS = 53
PET_SPECT_SOURCES: tuple[str, ...] = ("van_binnebeek2016_pet_spect",)

#: SSTR scintigraphy can be falsely positive in up to this share of studies (%), fact sheet 2, 2.6.
SSTR_FALSE_POSITIVE_MAX_PERCENT = 12


@dataclass(frozen=True)
class NetpetGrade:
    """One grade of the NETPET dual-tracer score (SSTR-PET and FDG-PET read together), fact sheet 2, 2.7."""

    grade: str
    pattern: str
    prrt_suitable: bool | None


#: NETPET (Sydney, 62 patients): the grade correlated with overall survival (p = 0.0018). P0 and P5 are not
#: suitable for PRRT; the source does not rule on P1-P4 as a group (None).
NETPET: tuple[NetpetGrade, ...] = (
    NetpetGrade("P0", "no SSTR and no FDG uptake", False),
    NetpetGrade("P1", "SSTR uptake, no FDG uptake", None),
    NetpetGrade("P2", "FDG uptake below the SSTR uptake", None),
    NetpetGrade("P3", "FDG uptake equal to the SSTR uptake", None),
    NetpetGrade("P4", "FDG uptake above the SSTR uptake", None),
    NetpetGrade("P5", "an FDG-avid lesion without SSTR uptake", False),
)
NETPET_SOURCES: tuple[str, ...] = ("chan2017_netpet", "dual_tracer_scales_2022")

#: FDG-PET in NETs (fact sheet 2, 2.8).
FDG_FACTS: tuple[ImagingFact, ...] = (
    ImagingFact("fdg_prognosis", "FDG-PET and survival",
                "98 NET patients: FDG-PET positive in 58 %; a positive scan carried a 10.3-fold risk of death within "
                "a year (13 of 57 against 1 of 41 died); a maximum standardised uptake value (SUVmax) above 3 was the "
                "only independent predictor of progression-free survival (hazard ratio 8.4), ahead of Ki-67 and "
                "chromogranin A.",
                ("binderup2010_fdg",)),
    ImagingFact("netpet", "Dual tracer (NETPET)",
                "Reading SSTR-PET and FDG-PET together (NETPET, 62 patients) grades the disease P0-P5; the grade "
                "correlated with overall survival. An FDG-avid lesion without SSTR uptake (P5), or no uptake at all "
                "(P0), makes PRRT unsuitable; other dual-tracer schemes ask for uptake above the liver.",
                NETPET_SOURCES),
)

#: Why an endoscopic-ultrasound needle sample under-grades (fact sheet 2, 2.17-2.18).
EUS_GRADING: tuple[ImagingFact, ...] = (
    ImagingFact("fna", "EUS-FNA against the resection",
                "112 resected pancreatic NENs: cytology under-graded 13.4 % (G1 on the needle sample, G2 on the "
                "resection) and over-graded 12.5 %; no G3 tumour was misclassified.", ("tacelli2021_eus_fna",)),
    ImagingFact("fnb", "EUS-FNB: too few cells",
                "52 patients, 22-gauge biopsy needle: diagnostic in 85 %; median 1,034 tumour cells, but only 76 % "
                "of slides reached 500 cells; agreement on grade beyond chance (kappa, 0 for chance and 1 for perfect) "
                "was 0.08; only 2 of 12 G2 tumours graded right; Ki-67 was higher on the resection.",
                ("appelstrand2022_eus_fnb",)),
)
#: The share (%) of G1 needle samples that were G2 on resection (fact sheet 2, 2.17), for the report task.
FNA_UNDERGRADED_PERCENT = 13.4
