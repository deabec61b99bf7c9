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

__all__ = ["SITES", "SITE_WORDS", "GROUP_WORDS", "TARGET_WORDS", "StudyFigure", "SiteMarker", "SITE_MARKERS",
           "ALIASES", "get", "marker_key", "NegativeRule", "NEGATIVE_RULE", "negative_evidence", "NOT_SITE_SPECIFIC",
           "UNVERIFIED"]

#: The candidate primaries the catalogue's markers point to, in the order tables and figures list them.
SITES: tuple[str, ...] = ("lung", "pancreas", "small_intestine", "appendix", "rectum")
#: Each site in words.
SITE_WORDS: dict[str, str] = {"lung": "lung (bronchopulmonary)", "pancreas": "pancreas",
                              "small_intestine": "small intestine", "appendix": "appendix", "rectum": "rectum"}
#: Groups of sites that some studies measured as a whole instead of one site, in words.
GROUP_WORDS: dict[str, str] = {"gastrointestinal": "gastrointestinal origin", "hindgut": "hindgut"}
#: What a study figure measured (a site or a group), in words.
TARGET_WORDS: dict[str, str] = {**{s: w.split(" (")[0] for s, w in SITE_WORDS.items()}, **GROUP_WORDS}


@dataclass(frozen=True)
class StudyFigure:
    """One study's figure for one marker: ``what`` it measured in words (e.g. "sensitivity for pancreatic origin"),
    ``sensitivity`` and ``specificity`` in % where the study gives them (None where it does not), ``setting`` (the
    material: "80 primary NETs"), ``sources`` (reference keys: one study, or the two series a fact names jointly),
    ``fact`` (the fact-sheet number) and ``target``: what the study measured the marker for, a key of :data:`SITES`
    or of :data:`GROUP_WORDS` (e.g. "gastrointestinal" where the study pooled all digestive sites)."""

    what: str
    sensitivity: float | None
    specificity: float | None
    setting: str
    sources: tuple[str, ...]
    fact: str
    target: str

    def __post_init__(self):
        if self.target not in TARGET_WORDS:
            raise InvalidValueError("target", f"{self.target!r} is not a site or group; allowed: {', '.join(TARGET_WORDS)}")

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
        (StudyFigure("found only in bronchopulmonary NETs", None, None, "80 primary NETs", (_PDX1,), "3.1",
                     target="lung"),
         StudyFigure("for lung primaries", 63.0, None, "85 liver metastases", (_LIVER,), "3.2", target="lung"),
         StudyFigure("positive in 67 % of lung carcinoids against 7 % of other well-differentiated NETs", None, None,
                     "63 FNA samples", (_OTP18,), "3.6", target="lung")),
        (("Negative in about a third of lung carcinoids (63 % positive in one liver-metastasis series, 67 % in an FNA "
          "series): a negative TTF-1 does not exclude the lung.", (_LIVER, _OTP18)),
         ("Studies differ on TTF-1 outside the lung: none in one series of primaries, 7 % of non-lung NETs in an FNA "
          "series.", (_PDX1, _OTP18))),
        (_PDX1, _LIVER, _OTP18)),
    SiteMarker(
        "otp", "OTP (orthopedia homeobox)", ("lung",),
        "points to a lung carcinoid",
        (StudyFigure("for lung carcinoid", 80.2, 99.4, "916 lesions, surgical series", (_OTP16,), "3.6", target="lung"),
         StudyFigure("positive only in lung-origin NETs", None, None, "63 FNA samples", (_OTP18,), "3.6",
                     target="lung"),
         StudyFigure("for lung carcinoid", 66.4, None, "110 resected lung carcinoids", (_OTP23,), "3.6",
                     target="lung")),
        (("Nuclear staining in about 80 % of lung carcinoids; absent from normal bronchial neuroendocrine cells.",
          (_OTP16,)),
         ("In the FNA series OTP stained all typical but only 17 % of atypical carcinoids: a negative OTP fits an "
          "atypical carcinoid.", (_OTP18,)),
         ("Sensitivity differs between surgical series (80.2 % and 66.4 %).", (_OTP16, _OTP23))),
        (_OTP16, _OTP18, _OTP23)),
    SiteMarker(
        "ck7", "CK7", ("lung",),
        "favours a lung primary",
        (StudyFigure("for lung", 66.0, 92.0, "80 primary NETs", (_PDX1,), "3.1", target="lung"),),
        (("A keratin: it says nothing about neuroendocrine differentiation, only (weakly) about the site.",
          (_PDX1,)),),
        (_PDX1,)),
    SiteMarker(
        "isl1", "ISL1 (Islet-1)", ("pancreas", "rectum"),
        "points to a pancreatic primary, but rectal NETs are often positive too",
        (StudyFigure("for pancreatic primaries", 77.0, None, "85 liver metastases", (_LIVER,), "3.2",
                     target="pancreas"),
         StudyFigure("for pancreatic origin", 73.0, 94.0, "69 liver metastases", (_KOO,), "3.3", target="pancreas")),
        (("Rectal NETs are often ISL1-positive and mimic a pancreatic primary; SATB2 separates them.", (_MOHANTY,)),),
        (_LIVER, _KOO, _MOHANTY)),
    SiteMarker(
        "pdx1", "PDX1", ("pancreas",),
        "points to a pancreatic primary",
        (StudyFigure("for pancreas", 72.0, 93.0, "80 primary NETs", (_PDX1,), "3.1", target="pancreas"),),
        (("PDX1 also stained duodenal metastases in the same study.", (_PDX1,)),),
        (_PDX1,)),
    SiteMarker(
        "pax8", "PAX8", ("pancreas",),
        "points weakly to a pancreatic primary (rarely positive)",
        (StudyFigure("for pancreatic origin", 9.0, 96.0, "69 liver metastases", (_KOO,), "3.3", target="pancreas"),),
        (("So rarely positive in that series (9 %) that a negative result says almost nothing.", (_KOO,)),),
        (_KOO,)),
    SiteMarker(
        "cdx2", "CDX2", ("small_intestine",),
        "points to a gastrointestinal primary (the small intestine is the only single site with a CDX2 figure in the "
        "course's sources)",
        (StudyFigure("for gastrointestinal origin", 85.0, 98.0, "80 primary NETs", (_PDX1,), "3.1",
                     target="gastrointestinal"),
         StudyFigure("for small-intestinal primaries", 89.0, None, "85 liver metastases", (_LIVER,), "3.2",
                     target="small_intestine"),
         StudyFigure("for gastrointestinal origin", 83.0, None, "69 liver metastases", (_KOO,), "3.3",
                     target="gastrointestinal")),
        (("Hindgut (rectal) NETs are rarely CDX2-positive (1 rectal case in a CDH17 series): a negative CDX2 does "
          "not exclude the rectum.", (_SNOW, _PANARELLI)),),
        (_PDX1, _LIVER, _KOO, _SNOW, _PANARELLI)),
    SiteMarker(
        "satb2", "SATB2", ("appendix", "rectum"),
        "points to an appendiceal or rectal primary",
        (StudyFigure("for rectum", 100.0, 80.0, "266 NENs; 15 of 15 rectal NETs positive", (_SATB2,), "3.4",
                     target="rectum"),
         StudyFigure("for appendix", 100.0, 84.5, "266 NENs; 22 of 22 appendiceal NETs positive", (_SATB2,), "3.4",
                     target="appendix"),
         StudyFigure("for rectal NETs", 88.0, None, "rectal, appendiceal and foregut NETs", (_MOHANTY,), "3.5",
                     target="rectum"),
         StudyFigure("for appendiceal NETs", 100.0, None, "same series; all appendiceal NETs positive", (_MOHANTY,),
                     "3.5", target="appendix")),
        (("Also positive in 32 % of prostatic and 38 % of bladder small cell carcinomas, 21 % of small cell lung "
          "carcinomas and 3 % of lung carcinoids.", (_SATB2,)),
         ("Weak SATB2 appeared in 5 of 11 metastatic pancreatic NETs; primary foregut NETs were negative bar one "
          "weak lung case.", (_MOHANTY,))),
        (_SATB2, _MOHANTY)),
    SiteMarker(
        "cdh17", "CDH17", ("rectum",),
        "points to a hindgut (rectal) primary: its staining rises from foregut to hindgut NETs",
        # "all hindgut well-differentiated NETs positive" (fact 3.7) is a sensitivity of 100 % for the hindgut.
        (StudyFigure("for hindgut well-differentiated NETs", 100.0, None, "two series of NETs by site; all positive",
                     (_SNOW, _PANARELLI), "3.7", target="hindgut"),),
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


@dataclass(frozen=True)
class NegativeRule:
    """When a negative marker counts against a site in the ranking: the course's teaching convention, with its reason.

    A negative counts against a site the marker points to only when the catalogue gives the marker's sensitivity for
    that site as a number, and every such figure is at least ``min_sensitivity`` (%). Figures measured for a group
    of sites count for a site only where ``group_stands_for`` says so (the hindgut figure for the rectum, the
    course's only hindgut site); pooled gastrointestinal figures count for no single site, because the markers
    differ between the sites they pool (CDX2 is rare in rectal NETs)."""

    min_sensitivity: float
    convention: str
    reason: str
    group_stands_for: tuple[tuple[str, str], ...]


#: The course's rule for negatives. 50 % is the course's teaching convention, not a published cut-off: below half,
#: a negative is the commoner result in tumours of that site (PAX8: 9 % in its one series, fact 3.3), so it cannot
#: argue against the site; from half upwards most tumours of the site stain (SATB2 in rectal NETs: 15 of 15 and
#: 88 %, facts 3.4-3.5).
NEGATIVE_RULE = NegativeRule(
    min_sensitivity=50.0,
    convention="the course's teaching convention, not a published cut-off",
    reason="below half, a negative result is the commoner finding in tumours of that site, so it cannot argue "
           "against the site",
    group_stands_for=(("hindgut", "rectum"),),
)


def negative_evidence(key: str, site: str) -> tuple[tuple[float, ...], bool]:
    """For a negative ``key`` marker and a ``site`` it points to: the sensitivities (%) the catalogue gives for that
    site (in catalogue order; a group's figure only where :data:`NEGATIVE_RULE` lets it stand for the site) and
    whether the negative counts against the site under :data:`NEGATIVE_RULE` (at least one figure, every figure at
    or above the cut-off)."""
    m = get(key)
    if site not in m.sites:
        raise InvalidValueError("site", f"{m.name} does not point to {site!r}; it points to {', '.join(m.sites)}")
    stands = dict(NEGATIVE_RULE.group_stands_for)
    figures = tuple(f.sensitivity for f in m.figures if f.sensitivity is not None
                    and (f.target == site or stands.get(f.target) == site))
    return figures, bool(figures) and all(v >= NEGATIVE_RULE.min_sensitivity for v in figures)


#: The teaching point every ranking repeats.
NOT_SITE_SPECIFIC = ("No single marker is site-specific, and the studies measured different tumours with different "
                     "methods: the ranking counts markers for and against each site and shows each study's figure; it "
                     "is a teaching aid, not a probability and not a diagnosis.")

#: What the course leaves out because its sources did not confirm it.
UNVERIFIED: tuple[str, ...] = (
    "Why PAX8 antibodies stain pancreatic NETs: the course's sources do not explain it, so neither does the course. "
    "Some panels are written PAX8/PAX6; the course's sources give no figure for PAX6.",
    "Authors and journals of several marker studies (marked on their references).",
)
