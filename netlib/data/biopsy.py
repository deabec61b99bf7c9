"""Biopsy pathology as data with sources: small thoracic biopsies and crush artefact, grade heterogeneity and grade
progression, goblet cell adenocarcinoma of the appendix, the lung tumourlet and DIPNECH. Nothing here decides:
:mod:`netlib.biopsy` does. The site-of-origin markers are in :mod:`netlib.data.site_markers`.

Written in our own words from the verified fact sheet (part 2, facts 3.8-3.16; the 64-pair biopsy series also read
as an abstract with the ``search`` tool). Every number is one the sources state, with its denominator. The minimum
size of a typical lung carcinoid is not restated here: it is read from the thoracic grading table
(:data:`netlib.data.criteria.WHO_2021_THORACIC`).
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SmallBiopsySeries", "SMALL_BIOPSY", "CRUSH", "Fact", "GRADE_HETEROGENEITY", "GRADE_PROGRESSION",
           "GcaBand", "GCA_BANDS", "GCA_FACTS", "GCA_SOURCES", "ATLAS_TUMOURLET", "TUMOURLET_SOURCES", "DIPNECH",
           "UNVERIFIED"]


@dataclass(frozen=True)
class SmallBiopsySeries:
    """The 64 biopsy-resection pairs of lung carcinoids (fact 3.8): the area cut-off (mm²) and what was missed on
    each side of it. ``small_missed``: atypical carcinoids called typical on biopsies below ``area_mm2``;
    ``large_missed``: the same at or above it, each as (missed, of)."""

    pairs: int
    discordant: int
    area_mm2: float
    small_missed: tuple[int, int]
    large_missed: tuple[int, int]
    ki67_note: str
    proposal: str
    sources: tuple[str, ...]


SMALL_BIOPSY = SmallBiopsySeries(
    pairs=64, discordant=29, area_mm2=4.0, small_missed=(15, 15), large_missed=(14, 23),
    ki67_note="Ki-67 in the biopsy (5 % threshold) did not separate typical from atypical carcinoid.",
    proposal="The series' authors propose calling a biopsy atypical carcinoid when it shows enough mitoses for it, "
             "and keeping carcinoid NOS for at most 1 mitosis per 2 mm²; WHO 2021 discourages separating typical "
             "from atypical carcinoid on biopsies at all.",
    sources=("reuling2022_carcinoid_biopsy",))


@dataclass(frozen=True)
class Fact:
    """A statement in words with its sources (and the fact-sheet number)."""

    words: str
    fact: str
    sources: tuple[str, ...]


#: Crush artefact (fact 3.9; lung criteria: Ki-67 is used to avoid calling a crushed carcinoid small cell carcinoma).
CRUSH = Fact("Crush artefact (cells squeezed by the forceps) is characteristic of small cell carcinoma, a soft tumour; "
             "a crushed carcinoid biopsy can mimic it. A low Ki-67 helps avoid that error; the course's sources give "
             "no Ki-67 cut-off for it.", "3.9", ("breathe_lung_ne_subtypes", "who_thoracic_2021_ki67"))

#: Grade heterogeneity between and within samples (facts 3.10-3.11).
GRADE_HETEROGENEITY: tuple[Fact, ...] = (
    Fact("60 patients: Ki-67 varying within one tumour changed the grade in 5 %; the grade differed between sites in "
         "39 %: 23 % of synchronous and 83 % of metachronous metastases, more often at distant sites outside the "
         "liver.", "3.10", ("grillo2016_grade_metastases",)),
    Fact("Small-intestinal NETs, 188 resected liver metastases of 27 patients: 65 % G1, 25 % G2, 10 % G3, although 17 "
         "of 20 primaries were G1; 30 % of patients had at least one G3 metastasis, which predicted shorter "
         "progression-free survival. Heterogeneity rose with size.", "3.11", ("shi2015_sinet_liver_grade",)),
)

#: Grade progression over time (fact 3.12).
GRADE_PROGRESSION: tuple[Fact, ...] = (
    Fact("Uppsala, 46 pancreatic NET patients with repeat samples: median Ki-67 7 % at diagnosis, median rise 14 "
         "points; the grade rose in 63.6 %, to G3 in 54.5 %; overall survival 50.2 against 115.1 months (hazard "
         "ratio 3.89).", "3.12", ("uppsala_pnet_progression",)),
    Fact("Secondary pancreatic NET G3 (progressed from a lower grade), 22 patients: median overall survival 9 months.",
         "3.12", ("secondary_pnet_g3_2022",)),
)


@dataclass(frozen=True)
class GcaBand:
    """One grade of goblet cell adenocarcinoma by the share (%) of low-grade (tubular or clustered) pattern:
    ``low``-``high`` with ``low_closed``/``high_closed`` saying whether each end belongs to the band."""

    grade: str
    low: float
    high: float
    low_closed: bool
    high_closed: bool

    def contains(self, percent: float) -> bool:
        above = percent >= self.low if self.low_closed else percent > self.low
        below = percent <= self.high if self.high_closed else percent < self.high
        return above and below

    def words(self) -> str:
        if self.high == 100.0:
            return f"more than {self.low:g} % low-grade pattern" if not self.low_closed else \
                f"at least {self.low:g} % low-grade pattern"
        if self.low == 0.0:
            return f"below {self.high:g} % low-grade pattern"
        return f"{self.low:g}-{self.high:g} % low-grade pattern (both ends included)"


#: WHO 2019 grading of goblet cell adenocarcinoma (fact 3.13): G1 > 75 %, G2 50-75 %, G3 < 50 % low-grade pattern.
#: G3 starts above 0 %: a low-grade component is required for the diagnosis.
GCA_BANDS: tuple[GcaBand, ...] = (
    GcaBand("G1", 75.0, 100.0, False, True),
    GcaBand("G2", 50.0, 75.0, True, True),
    GcaBand("G3", 0.0, 50.0, False, False),
)
GCA_SOURCES: tuple[str, ...] = ("wang2022_gca", "who2019_gca_grading", "gca_pathologyoutlines")

#: What makes goblet cell adenocarcinoma a trap (facts 3.13-3.14).
GCA_FACTS: tuple[Fact, ...] = (
    Fact("Renamed by WHO 2019 from 'goblet cell carcinoid': an adenocarcinoma variant, not a neuroendocrine neoplasm "
         "(the 4th edition had listed it among NENs). NET grading (Ki-67, mitoses) and NET staging do not apply.",
         "3.13", ("wang2022_gca", "who2019_gca_grading")),
    Fact("A low-grade (tubular or clustered) component is required; the grade is the share of that pattern.", "3.13",
         ("wang2022_gca", "who2019_gca_grading")),
    Fact("Perineural invasion is common and not prognostic.", "3.13", ("wang2022_gca",)),
    Fact("The CAP protocol for appendiceal NETs excludes it.", "3.13", ("cap_appendix_net_2017",)),
    Fact("English cancer registry, 1,225 cases: 5-year overall survival 68.6 %; only stage was independent on "
         "multivariable analysis.", "3.14", ("palmer2022_gca",)),
)

#: One atlas counts a proliferation of exactly the cut-off size as a tumourlet ("5 mm or less", fact 3.15): the upper
#: end (mm) it includes. The WHO criterion (typical carcinoid at least 0.5 cm) is in the thoracic grading table.
ATLAS_TUMOURLET = (5.0, "one atlas: tumourlets are 5 mm or less", ("dipnech_summaries",))
TUMOURLET_SOURCES: tuple[str, ...] = ("who_thoracic_2015", "dipnech_summaries")

#: DIPNECH (facts 3.15-3.16).
DIPNECH: tuple[Fact, ...] = (
    Fact("Diffuse idiopathic pulmonary neuroendocrine cell hyperplasia: a generalised proliferation of pulmonary "
         "neuroendocrine cells; the WHO definition is histological.", "3.15", ("dipnech_summaries",)),
    Fact("About 90 % of symptomatic patients are women; it may cause constrictive bronchiolitis; malignancy "
         "complicates about 10 %.", "3.15", ("dipnech_summaries",)),
    Fact("30 patients, all women: long-standing cough or breathlessness, 40 % first labelled asthma; typical carcinoid "
         "in 5 of 18 with pathology (28 %), constrictive bronchiolitis in 44 %.", "3.16", ("carr_dipnech",)),
)

#: What the course leaves out because its sources did not confirm it.
UNVERIFIED: tuple[str, ...] = (
    "The WHO definition texts of tumourlet and DIPNECH (read only through Radiopaedia and PathologyOutlines).",
    "A Ki-67 cut-off that separates a crushed carcinoid from small cell carcinoma (the sources give none).",
)
