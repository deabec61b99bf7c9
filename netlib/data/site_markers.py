"""Site-of-origin immunohistochemistry for a metastatic well-differentiated NET: which marker points to which primary,
with each figure kept beside the study it comes from. Nothing here decides: :func:`netlib.markers.rank_primaries`
reads a panel against this catalogue.

Written in our own words from the verified fact sheet (part 2, facts 3.1-3.7; OTP figures also checked with the
``search`` tool against the abstracts of the 2016 surgical series, the 2018 FNA series and the 2023 Indian series).
Every figure is one study's: sensitivity (% of tumours of that site that stain), specificity (% of tumours of other
sites that do not) or a share positive, in that study's material (primaries, liver metastases, cytology). Figures of
different studies are never combined into one number or a probability: they were measured on different tumours with
different antibodies and cut-offs.

**No single marker is site-specific.** ISL1 also stains rectal NETs, SATB2 some prostatic and bladder small cell
carcinomas, TTF-1 is negative in about a third of lung carcinoids, PDX1 stained duodenal metastases, CDH17 stains some
pancreatic and bronchial NETs. A ranking built on these markers is a teaching aid, not a diagnosis.
"""
from __future__ import annotations

from dataclasses import dataclass

from netlib.errors import InvalidTypeError, InvalidValueError

__all__ = ["SITES", "SITE_WORDS", "StudyFigure", "SiteMarker", "SITE_MARKERS", "ALIASES", "get", "marker_key",
           "NOT_SITE_SPECIFIC", "UNVERIFIED"]

#: The candidate primaries the catalogue's markers point to, in the order tables and figures list them.
SITES: tuple[str, ...] = ("lung", "pancreas", "small_intestine", "appendix", "rectum")
#: Each site in words.
SITE_WORDS: dict[str, str] = {"lung": "lung (bronchopulmonary)", "pancreas": "pancreas",
                              "small_intestine": "small intestine", "appendix": "appendix", "rectum": "rectum"}


@dataclass(frozen=True)
class StudyFigure:
    """One study's figure for one marker: ``what`` it measured in words (e.g. "sensitivity for pancreatic origin"),
    ``sensitivity`` and ``specificity`` in % where the study gives them (None where it does not), ``setting`` (the
    material: "80 primary NETs"), ``sources`` (reference keys: one study, or the two series a fact names jointly)
    and ``fact`` (the fact-sheet number)."""

    what: str
    sensitivity: float | None
    specificity: float | None
    setting: str
    sources: tuple[str, ...]
    fact: str

    def words(self) -> str:
        """The figure in words, e.g. "72 % sensitive, 93 % specific for pancreas (80 primary NETs)"."""
        parts = []
        if self.sensitivity is not None:
            parts.append(f"{self.sensitivity:g} % sensitive")
        if self.specificity is not None:
            parts.append(f"{self.specificity:g} % specific")
        head = ", ".join(parts)
        return (f"{head} {self.what}" if head else self.what) + f" ({self.setting})"


@dataclass(frozen=True)
class SiteMarker:
    """One site-of-origin marker: its ``name`` as a report writes it, the ``sites`` (keys of :data:`SITES`) a
    positive result points to, what a positive means (``meaning``), its ``figures`` (one per study), ``caveats``
    (sentences, each with its sources) and ``sources``."""

    key: str
    name: str
    sites: tuple[str, ...]
    meaning: str
    figures: tuple[StudyFigure, ...]
    caveats: tuple[tuple[str, tuple[str, ...]], ...]
    sources: tuple[str, ...]


_PDX1 = "pdx1_pnet_marker"          # fact 3.1 (80 primary and 13 metastatic NETs; abstract)
_LIVER = "liver_met_origin_ihc"     # fact 3.2 (85 liver metastases; PMID 28498280)
_KOO = "koo2011_islet1"             # fact 3.3 (69 liver metastases; USCAP 2011 abstract 576)
_SATB2 = "satb2_266_nens"           # fact 3.4 (266 NENs; abstract)
_MOHANTY = "mohanty2021_satb2"      # fact 3.5
_OTP16 = "otp_lung_carcinoid_2016"  # fact 3.6 (916 lesions)
_OTP18 = "otp_fna_2018"             # fact 3.6 (63 FNA samples)
_OTP23 = "cetin2023_otp"            # fact 3.6 (110 resected carcinoids)
_SNOW = "snow2015_cdh17"            # fact 3.7
_PANARELLI = "panarelli2012_cdh17"  # fact 3.7

SITE_MARKERS: dict[str, SiteMarker] = {m.key: m for m in (
    SiteMarker(
        "ttf1", "TTF-1", ("lung",),
        "points to a lung (bronchopulmonary) primary",
        (StudyFigure("found only in bronchopulmonary NETs", None, None, "80 primary NETs", (_PDX1,), "3.1"),
         StudyFigure("for lung primaries", 63.0, None, "85 liver metastases", (_LIVER,), "3.2"),
         StudyFigure("positive in 67 % of lung carcinoids against 7 % of other well-differentiated NETs", None, None,
                     "63 FNA samples", (_OTP18,), "3.6")),
        (("Negative in about a third of lung carcinoids (63 % positive in one liver-metastasis series, 67 % in an FNA "
          "series): a negative TTF-1 does not exclude the lung.", (_LIVER, _OTP18)),
         ("Studies differ on TTF-1 outside the lung: none in one series of primaries, 7 % of non-lung NETs in an FNA "
          "series.", (_PDX1, _OTP18))),
        (_PDX1, _LIVER, _OTP18)),
    SiteMarker(
        "otp", "OTP (orthopedia homeobox)", ("lung",),
        "points to a lung carcinoid",
        (StudyFigure("for lung carcinoid", 80.2, 99.4, "916 lesions, surgical series", (_OTP16,), "3.6"),
         StudyFigure("positive only in lung-origin NETs", None, None, "63 FNA samples", (_OTP18,), "3.6"),
         StudyFigure("for lung carcinoid", 66.4, None, "110 resected lung carcinoids", (_OTP23,), "3.6")),
        (("Nuclear staining in about 80 % of lung carcinoids; absent from normal bronchial neuroendocrine cells.",
          (_OTP16,)),
         ("In the FNA series OTP stained all typical but only 17 % of atypical carcinoids: a negative OTP fits an "
          "atypical carcinoid.", (_OTP18,)),
         ("Sensitivity differs between surgical series (80.2 % and 66.4 %).", (_OTP16, _OTP23))),
        (_OTP16, _OTP18, _OTP23)),
    SiteMarker(
        "ck7", "CK7", ("lung",),
        "favours a lung primary",
        (StudyFigure("for lung", 66.0, 92.0, "80 primary NETs", (_PDX1,), "3.1"),),
        (("A keratin: it says nothing about neuroendocrine differentiation, only (weakly) about the site.",
          (_PDX1,)),),
        (_PDX1,)),
    SiteMarker(
        "isl1", "ISL1 (Islet-1)", ("pancreas", "rectum"),
        "points to a pancreatic primary, but rectal NETs are often positive too",
        (StudyFigure("for pancreatic primaries", 77.0, None, "85 liver metastases", (_LIVER,), "3.2"),
         StudyFigure("for pancreatic origin", 73.0, 94.0, "69 liver metastases", (_KOO,), "3.3")),
        (("Rectal NETs are often ISL1-positive and mimic a pancreatic primary; SATB2 separates them.", (_MOHANTY,)),),
        (_LIVER, _KOO, _MOHANTY)),
    SiteMarker(
        "pdx1", "PDX1", ("pancreas",),
        "points to a pancreatic primary",
        (StudyFigure("for pancreas", 72.0, 93.0, "80 primary NETs", (_PDX1,), "3.1"),),
        (("PDX1 also stained duodenal metastases in the same study.", (_PDX1,)),),
        (_PDX1,)),
    SiteMarker(
        "pax8", "PAX8", ("pancreas",),
        "points weakly to a pancreatic primary (rarely positive)",
        (StudyFigure("for pancreatic origin", 9.0, 96.0, "69 liver metastases", (_KOO,), "3.3"),),
        (("So rarely positive in that series (9 %) that a negative result says almost nothing.", (_KOO,)),),
        (_KOO,)),
    SiteMarker(
        "cdx2", "CDX2", ("small_intestine",),
        "points to a gastrointestinal (midgut) primary, in the liver series the small intestine",
        (StudyFigure("for gastrointestinal origin", 85.0, 98.0, "80 primary NETs", (_PDX1,), "3.1"),
         StudyFigure("for small-intestinal primaries", 89.0, None, "85 liver metastases", (_LIVER,), "3.2"),
         StudyFigure("for gastrointestinal origin", 83.0, None, "69 liver metastases", (_KOO,), "3.3")),
        (("Hindgut (rectal) NETs are rarely CDX2-positive (1 rectal case in a CDH17 series): a negative CDX2 does "
          "not exclude the rectum.", (_SNOW, _PANARELLI)),),
        (_PDX1, _LIVER, _KOO, _SNOW, _PANARELLI)),
    SiteMarker(
        "satb2", "SATB2", ("appendix", "rectum"),
        "points to an appendiceal or rectal primary",
        (StudyFigure("for rectum", 100.0, 80.0, "266 NENs; 15 of 15 rectal NETs positive", (_SATB2,), "3.4"),
         StudyFigure("for appendix", 100.0, 84.5, "266 NENs; 22 of 22 appendiceal NETs positive", (_SATB2,), "3.4"),
         StudyFigure("positive in all appendiceal and 88 % of rectal NETs; primary foregut NETs negative bar one weak "
                     "lung case", None, None, "series of rectal, appendiceal and foregut NETs", (_MOHANTY,), "3.5")),
        (("Also positive in 32 % of prostatic and 38 % of bladder small cell carcinomas, 21 % of small cell lung "
          "carcinomas and 3 % of lung carcinoids.", (_SATB2,)),
         ("Weak SATB2 appeared in 5 of 11 metastatic pancreatic NETs.", (_MOHANTY,))),
        (_SATB2, _MOHANTY)),
    SiteMarker(
        "cdh17", "CDH17", ("rectum",),
        "points to a hindgut (rectal) primary: its staining rises from foregut to hindgut NETs",
        (StudyFigure("positive in all hindgut well-differentiated NETs", None, None, "two series of NETs by site",
                     (_SNOW, _PANARELLI), "3.7"),),
        (("Not confined to the hindgut: 12 % of pancreatic and 24 % of bronchial NETs expressed it; pancreatic NETs "
          "stain more often than other foregut NETs.", (_SNOW, _PANARELLI)),),
        (_SNOW, _PANARELLI)),
)}

#: Other spellings a report may use for a marker (lower case, without spaces, hyphens or dots) -> key.
ALIASES: dict[str, str] = {"ttf1": "ttf1", "nkx21": "ttf1", "otp": "otp", "orthopediahomeobox": "otp", "ck7": "ck7",
                           "cytokeratin7": "ck7", "isl1": "isl1", "islet1": "isl1", "pdx1": "pdx1", "pax8": "pax8",
                           "cdx2": "cdx2", "satb2": "satb2", "cdh17": "cdh17", "cadherin17": "cdh17"}


def marker_key(name: str) -> str:
    """The catalogue key for a marker name as a report may write it ("TTF-1", "Islet-1", "CDX2")."""
    if not isinstance(name, str):
        raise InvalidTypeError("marker", f"expected a marker name such as 'CDX2', got {type(name).__name__} {name!r}")
    norm = "".join(ch for ch in name.casefold() if ch.isalnum())
    if norm not in ALIASES:
        raise InvalidValueError("marker", f"{name!r} is not a site-of-origin marker in the catalogue; known: "
                                          + ", ".join(m.name.split(" (")[0] for m in SITE_MARKERS.values()))
    return ALIASES[norm]


def get(name: str) -> SiteMarker:
    """The catalogue entry for a marker (key or any spelling :func:`marker_key` reads)."""
    return SITE_MARKERS[marker_key(name)]


#: The teaching point every ranking repeats.
NOT_SITE_SPECIFIC = ("No single marker is site-specific, and the studies measured different tumours with different "
                     "methods: the ranking counts markers for and against each site and shows each study's figure; it "
                     "is a teaching aid, not a probability and not a diagnosis.")

#: What the course leaves out because its sources did not confirm it.
UNVERIFIED: tuple[str, ...] = (
    "Why PAX8 antibodies stain pancreatic NETs: not checked for this course, so not explained. Some panels are "
    "written PAX8/PAX6; the course's sources give no figure for PAX6.",
    "Authors and journals of several marker studies (marked on their references).",
)
