"""The biopsy and the unknown primary, explained: what a small thoracic biopsy can be called, tumourlet versus
carcinoid in the lung, the grade of a goblet cell adenocarcinoma (and why NET grading does not apply), and why a
grade belongs to a sample. The site-of-origin ranking itself is :func:`netlib.markers.rank_primaries`; this package
adds its feedback (:func:`check_primary`).

Each decision returns an explained result (value, steps, why not the neighbouring answer, flags, sources) built on
:class:`netlib.results.Explained`; the facts are data in :mod:`netlib.data.biopsy` and
:mod:`netlib.data.site_markers`, the lung size cut-off in :data:`netlib.data.criteria.WHO_2021_THORACIC`. Teaching
material, not a diagnostic tool.

The questions and tables a trainee sees are built in :mod:`netlib.teaching.biopsy_questions` and
:mod:`netlib.teaching.biopsy_tables`.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from netlib import checks
from netlib.data import biopsy as data
from netlib.data import site_markers as SM
from netlib.data.criteria import WHO_2021_THORACIC
from netlib.errors import InvalidValueError
from netlib.markers import SiteRanking, rank_primaries
from netlib.results import Explained

if TYPE_CHECKING:
    from netlib.teaching.exercises import Feedback

__all__ = ["BIOPSY_LABELS", "BIOPSY_FLAGS", "MORPHOLOGIES", "KI67_READINGS", "BiopsyLabel", "thoracic_biopsy_label",
           "check_biopsy_label", "biopsy_line", "NODULE_LABELS", "NODULE_FLAGS", "NoduleLabel", "lung_nodule_label",
           "GCA_FLAGS", "GcaGrade", "goblet_cell_grade", "check_gca_grade", "SampleGrades", "grades_by_sample",
           "check_sample_grade", "check_primary", "SITE_SPELLINGS"]

_TYPICAL, _ATYPICAL, _HIGH = (b.mitoses for b in WHO_2021_THORACIC.bands)  # mitoses per 2 mm²
_TUMOURLET_BELOW_MM = WHO_2021_THORACIC.typical_min_size_cm * 10  # typical carcinoid >= 0.5 cm: below is a tumourlet



# --- a small thoracic biopsy -----------------------------------------------------------------------------------------
#: The labels :func:`thoracic_biopsy_label` gives, in words.
BIOPSY_LABELS: dict[str, str] = {
    "carcinoid_nos": "Carcinoid, NOS",
    "typical": "Typical carcinoid",
    "atypical": "Atypical carcinoid",
    "sclc": "Small cell carcinoma",
    "crush_not_sclc": "Crushed sample: small cell carcinoma not established",
    "crush_need_ki67": "Crushed sample: add Ki-67 before calling it",
    "beyond_carcinoid": "Above the atypical carcinoid range: expert review",
}
MORPHOLOGIES: tuple[str, ...] = ("carcinoid", "small cell")
#: How the pathologist reads the Ki-67 stain of a crushed sample (the sources give no cut-off).
KI67_READINGS: tuple[str, ...] = ("low", "high")

BIOPSY_FLAGS: dict[str, str] = {
    "biopsy_not_graded": "WHO 2021 discourages separating typical from atypical carcinoid on a biopsy: the resection "
                         "decides.",
    "atypical_features": "This sample shows features of atypical carcinoid (mitoses in the atypical range or "
                         "necrosis): the tumour is at least that; one series' authors would call it atypical on the "
                         "biopsy.",
    "small_biopsy": "Less than 4 mm² of tumour: in 64 biopsy-resection pairs, biopsies this small missed every "
                    "atypical carcinoid (15 of 15).",
    "larger_biopsy": "At least 4 mm² of tumour: still, 14 of 23 atypical carcinoids were called typical on biopsies "
                     "this size.",
    "crush": "Crush artefact is characteristic of small cell carcinoma, but a crushed carcinoid can mimic it: read "
             "Ki-67 (the sources give no cut-off).",
}


@dataclass(frozen=True)
class BiopsyLabel(Explained):
    """The result of :func:`thoracic_biopsy_label`: ``label`` (a key of :data:`BIOPSY_LABELS`)."""

    label: str
    flags: tuple[str, ...]
    steps: tuple[str, ...]
    sources: tuple[str, ...]
    neighbour: str = ""

    card_title: ClassVar[str] = "Small thoracic biopsy"
    flag_text: ClassVar[Mapping[str, str]] = BIOPSY_FLAGS

    def headline(self) -> str:
        return BIOPSY_LABELS[self.label]

    def subtitle(self) -> str:
        return "on a biopsy" if self.label == "carcinoid_nos" else ""

    def footer(self) -> str:
        return "Teaching material: the diagnosis belongs to the pathologist with the whole case."


def thoracic_biopsy_label(mitoses_per_2mm2: float | None = None, necrosis: bool | None = None, *,
                          morphology: str = "carcinoid", area_mm2: float | None = None, crush: bool = False,
                          ki67: str | None = None) -> BiopsyLabel:
    """What a small bronchial or thoracic biopsy of a neuroendocrine tumour can be called.

    ``mitoses_per_2mm2`` (0-1000, counted on the biopsy), ``necrosis`` (True/False/None), ``morphology``
    (``'carcinoid'`` or ``'small cell'``), ``area_mm2`` (tumour area on the biopsy, 0-1000 mm²), ``crush``
    (crush artefact), ``ki67`` (``'low'`` or ``'high'``, the pathologist's reading; no cut-off is encoded because
    the sources give none).

    Carcinoid morphology on a biopsy is "carcinoid, NOS" (WHO 2021 discourages typical vs atypical on biopsies;
    fact 3.8); crush artefact with small-cell-like cells is small cell carcinoma only if Ki-67 fits (fact 3.9).
    Mitotic ranges are read from :data:`netlib.data.criteria.WHO_2021_THORACIC`; the 4 mm² cut-off and its counts
    from :data:`netlib.data.biopsy.SMALL_BIOPSY`.
    """
    morphology = checks.choice("morphology", morphology, MORPHOLOGIES)
    if mitoses_per_2mm2 is not None:
        mitoses_per_2mm2 = checks.number("mitoses_per_2mm2", mitoses_per_2mm2, 0, 1000, unit="mitoses per 2 mm²")
    if necrosis is not None:
        checks.boolean("necrosis", necrosis)
    if area_mm2 is not None:
        area_mm2 = checks.number("area_mm2", area_mm2, 0, 1000, low_open=True, unit="mm² of tumour on the biopsy")
    checks.boolean("crush", crush)
    if ki67 is not None:
        checks.choice("ki67", ki67, KI67_READINGS)
    s = data.SMALL_BIOPSY
    flags: list[str] = []
    steps: list[str] = []
    sources = list(s.sources) + ["who_thoracic_2015"]
    if area_mm2 is not None:
        if area_mm2 < s.area_mm2:
            flags.append("small_biopsy")
            steps.append(f"{area_mm2:g} mm² of tumour is below {s.area_mm2:g} mm²: biopsies this small missed "
                         f"{s.small_missed[0]} of {s.small_missed[1]} atypical carcinoids in {s.pairs} pairs.")
        else:
            flags.append("larger_biopsy")
            steps.append(f"{area_mm2:g} mm² of tumour is at least {s.area_mm2:g} mm²: on biopsies this size "
                         f"{s.large_missed[0]} of {s.large_missed[1]} atypical carcinoids were still called typical.")
    if crush:
        flags.append("crush")
        sources += list(data.CRUSH.sources)
        steps.append(data.CRUSH.words)
    neighbour = ""
    if morphology == "small cell":
        if crush and ki67 is None:
            label = "crush_need_ki67"
            steps.append("Small-cell-like cells in a crushed sample, Ki-67 not read: a crushed carcinoid cannot be "
                         "excluded; stain Ki-67 before calling it.")
            neighbour = "Why not small cell carcinoma yet: crush alone makes carcinoid cells look small and dark."
        elif crush and ki67 == "low":
            label = "crush_not_sclc"
            steps.append("Crushed, small-cell-like cells but a low Ki-67: do not call small cell carcinoma; a "
                         "crushed carcinoid fits. Look for uncrushed tumour or sample again.")
            neighbour = ("Why not small cell carcinoma: its Ki-67 is high; a low Ki-67 in crushed cells points to a "
                         "crushed carcinoid.")
        else:
            label = "sclc"
            steps.append("Small cell morphology" + (" with a high Ki-67 despite the crush" if crush else "")
                         + f": small cell carcinoma (the criteria expect {_HIGH.describe('mitoses per 2 mm²')}; "
                           "the diagnosis rests on morphology).")
            if mitoses_per_2mm2 is not None and mitoses_per_2mm2 not in _HIGH:
                steps.append(f"{mitoses_per_2mm2:g} mitoses per 2 mm² is below that range: review (crushed "
                             "carcinoid?).")
            neighbour = "Why not carcinoid: small cell cytology" + (" and a high Ki-67." if ki67 == "high" else ".")
        return BiopsyLabel(label, tuple(flags), tuple(steps), tuple(dict.fromkeys(sources)), neighbour)
    # carcinoid morphology
    if crush:
        steps.append("Carcinoid morphology despite the crush" + (f"; Ki-67 {ki67}" if ki67 else "") + ".")
    if mitoses_per_2mm2 is not None and mitoses_per_2mm2 in _HIGH:
        label = "beyond_carcinoid"
        steps.append(f"{mitoses_per_2mm2:g} mitoses per 2 mm² is above the atypical carcinoid range "
                     f"({_ATYPICAL.describe('per 2 mm²')}): neither a typical nor an atypical carcinoid by the WHO "
                     "criteria.")
        steps.append("WHO 2021 describes, as a provisional concept and not a formal category, carcinoids with elevated "
                     f"mitotic counts and/or Ki-67 ({_HIGH.describe('mitoses per 2 mm²')} and/or Ki-67 of at least "
                     f"{WHO_2021_THORACIC.elevated_ki67_percent:g} %); they overlap with large cell neuroendocrine "
                     "carcinoma. Expert review: carcinoid with elevated mitotic counts, or large cell carcinoma?")
        sources.append("pelosi_travis_2024")
        return BiopsyLabel(label, tuple(flags), tuple(steps), tuple(dict.fromkeys(sources)),
                           "Why not carcinoid, NOS: the mitotic count is above the typical and atypical carcinoid "
                           "ranges; a carcinoid with elevated mitotic counts is only a provisional WHO 2021 concept.")
    label = "carcinoid_nos"
    flags.insert(0, "biopsy_not_graded")
    atypical = (mitoses_per_2mm2 is not None and mitoses_per_2mm2 in _ATYPICAL) or necrosis is True
    count = ("not counted" if mitoses_per_2mm2 is None else
             f"{mitoses_per_2mm2:g} {'mitosis' if mitoses_per_2mm2 == 1 else 'mitoses'} per 2 mm²")
    necro = {True: "necrosis present", False: "no necrosis", None: "necrosis not reported"}[necrosis]
    steps.append(f"Carcinoid morphology on a biopsy ({count}; {necro}): carcinoid, NOS. WHO 2021 discourages "
                 "separating typical from atypical carcinoid on a biopsy, because the biopsy samples only part of "
                 "the tumour.")
    steps.append(f"In {s.pairs} biopsy-resection pairs, {s.discordant} biopsies ({round(100 * s.discordant / s.pairs)} "
                 "%) disagreed with the resection, always an atypical carcinoid called typical. " + s.ki67_note)
    if atypical:
        flags.append("atypical_features")
        steps.append(f"Features of atypical carcinoid on this sample ({_ATYPICAL.describe('mitoses per 2 mm²')} or "
                     "necrosis): the tumour is at least atypical. " + s.proposal)
        neighbour = ("Why not atypical carcinoid outright: WHO 2021 discourages the split on a biopsy, though one "
                     "series' authors would allow it here; the resection decides.")
    else:
        neighbour = (f"Why not typical carcinoid: {_TYPICAL.describe('mitoses per 2 mm²')} without necrosis on a "
                     "biopsy does not exclude an atypical carcinoid elsewhere in the tumour.")
    steps.append(neighbour)
    return BiopsyLabel(label, tuple(flags), tuple(steps), tuple(dict.fromkeys(sources)), neighbour)


_BIOPSY_MISCONCEPTIONS = {
    "typical": "few mitoses and no necrosis on a biopsy do not make a typical carcinoid: the biopsy samples only part "
               "of the tumour, and in the 64-pair series every discordant biopsy had called an atypical carcinoid "
               "typical.",
    "atypical": "the biopsy does not show the atypical range here, and WHO 2021 discourages the typical/atypical "
                "split on biopsies.",
    "sclc": "carcinoid morphology is not small cell carcinoma; crush artefact can make a carcinoid look small-celled.",
}


def check_biopsy_label(answer: str, **case) -> "Feedback":
    """Judge ``answer`` (a key of :data:`BIOPSY_LABELS`) for the biopsy ``case`` (keywords of
    :func:`thoracic_biopsy_label`)."""
    from netlib.teaching.exercises import Feedback

    key = thoracic_biopsy_label(**case)
    checks.choice("answer", answer, tuple(BIOPSY_LABELS))
    explanation = f"{key.headline()}. {key.neighbour}"
    if answer == key.label:
        return Feedback(answer, key.label, True, f"{key.headline()}. {key.neighbour}", explanation)
    if answer == "atypical" and "atypical_features" in key.flags:
        msg = ("this sample does show atypical features, but WHO 2021 discourages the typical/atypical split on a "
               "biopsy; the resection decides.")
    else:
        msg = _BIOPSY_MISCONCEPTIONS.get(answer, "that label does not fit this biopsy.")
    return Feedback(answer, key.label, False, msg, explanation)


def biopsy_line(**case) -> str:
    """A one-line diagnosis for a small thoracic biopsy (keywords of :func:`thoracic_biopsy_label`)."""
    key = thoracic_biopsy_label(**case)
    parts = []
    area = case.get("area_mm2")
    details = ([f"{area:g} mm² of tumour"] if area is not None else []) + (["crushed"] if case.get("crush") else [])
    head = "Bronchial biopsy" + (f" ({', '.join(details)})" if details else "")
    if key.label == "carcinoid_nos":
        parts.append("well-differentiated neuroendocrine tumour, carcinoid NOS")
        if "crush" in key.flags:
            parts.append("crush artefact mimics small cell carcinoma, but the morphology is carcinoid"
                         + (" and Ki-67 is low" if case.get("ki67") == "low" else ""))
        parts.append("typical versus atypical cannot be decided on a biopsy (WHO 2021); the resection decides"
                     + (", and a sample this small misses atypical carcinoids" if "small_biopsy" in key.flags else ""))
    elif key.label == "crush_not_sclc":
        parts.append("crushed small-cell-like cells with a low Ki-67: small cell carcinoma not established; a crushed "
                     "carcinoid fits; look for uncrushed tumour or sample again")
    else:
        parts.append(key.headline().lower() + (f"; {key.neighbour}" if key.neighbour else ""))
    return f"{head}: " + "; ".join(parts) + "."


# --- the lung nodule: tumourlet or carcinoid --------------------------------------------------------------------------
NODULE_LABELS: dict[str, str] = {
    "tumourlet": "Tumourlet",
    "carcinoid": "Carcinoid (size criterion met)",
    "sources_differ": "At the cut-off: sources differ",
    "in_situ": "Not a tumourlet: within the basement membrane",
}
NODULE_FLAGS: dict[str, str] = {
    "sources_differ": "At exactly the cut-off the sources differ: the WHO criterion (typical carcinoid at least "
                      "0.5 cm) makes it a carcinoid; one atlas counts tumourlets as 5 mm or less. Name the source.",
    "dipnech": "Several tumourlets or a diffuse neuroendocrine cell proliferation: think of DIPNECH.",
}


@dataclass(frozen=True)
class NoduleLabel(Explained):
    """The result of :func:`lung_nodule_label`: ``label`` (a key of :data:`NODULE_LABELS`) and ``readings``
    (source words -> what that source calls it)."""

    label: str
    readings: tuple[tuple[str, str], ...]
    flags: tuple[str, ...]
    steps: tuple[str, ...]
    sources: tuple[str, ...]
    neighbour: str = ""

    card_title: ClassVar[str] = "Lung neuroendocrine proliferation"
    flag_text: ClassVar[Mapping[str, str]] = NODULE_FLAGS

    def headline(self) -> str:
        return NODULE_LABELS[self.label]

    def subtitle(self) -> str:
        return "; ".join(f"{src}: {what}" for src, what in self.readings)


def lung_nodule_label(size_mm: float, breaches_basement_membrane: bool = True, *, multiple: bool = False) -> NoduleLabel:
    """Tumourlet or carcinoid for a neuroendocrine proliferation in the lung of ``size_mm`` (greatest dimension,
    0-1000 mm, above 0).

    A proliferation that breaches the basement membrane is a tumourlet below the typical carcinoid's minimum size
    (read from :data:`netlib.data.criteria.WHO_2021_THORACIC`: at least 0.5 cm) and a carcinoid at or above it; at
    exactly that size one atlas says tumourlet ("5 mm or less"), so the sources differ (fact 3.15). ``multiple``:
    several such proliferations (raises DIPNECH).
    """
    size = checks.number("size_mm", size_mm, 0, 1000, low_open=True, unit="mm")
    checks.boolean("breaches_basement_membrane", breaches_basement_membrane)
    checks.boolean("multiple", multiple)
    cut = _TUMOURLET_BELOW_MM
    atlas_max, atlas_words, atlas_src = data.ATLAS_TUMOURLET
    sources = list(data.TUMOURLET_SOURCES)
    flags = ["dipnech"] if multiple else []
    if multiple:
        sources += [k for f in data.DIPNECH for k in f.sources]
    if not breaches_basement_membrane:
        steps = ("The proliferation has not breached the basement membrane: it is below the tumourlet definition, "
                 "whatever its size.",)
        return NoduleLabel("in_situ", (), tuple(flags), steps, tuple(dict.fromkeys(sources)),
                           "Why not a tumourlet: a tumourlet breaches the basement membrane.")
    who = "tumourlet" if size < cut else "carcinoid"
    atlas = "tumourlet" if size <= atlas_max else "carcinoid"
    readings = (("WHO size criterion", who), (atlas_words.split(":")[0], atlas))
    steps = [f"Breaches the basement membrane; {size:g} mm. WHO criterion: a typical carcinoid is at least "
             f"{cut:g} mm ({cut / 10:g} cm) and smaller proliferations are tumourlets; {size:g} mm -> {who}.",
             f"{atlas_words.capitalize()} -> {atlas}."]
    if who != atlas:
        label = "sources_differ"
        flags.insert(0, "sources_differ")
        neighbour = "Exactly at the cut-off: report the size and name the source you follow."
    else:
        label = who
        neighbour = (f"Why not a carcinoid: below {cut:g} mm by both readings." if who == "tumourlet" else
                     f"Why not a tumourlet: above {cut:g} mm by both readings.")
    steps.append(neighbour)
    if multiple:
        steps.append(data.DIPNECH[0].words + " " + data.DIPNECH[1].words)
    return NoduleLabel(label, readings, tuple(flags), tuple(steps), tuple(dict.fromkeys(sources + list(atlas_src))),
                       neighbour)


# --- goblet cell adenocarcinoma -------------------------------------------------------------------------------------
GCA_FLAGS: dict[str, str] = {
    "not_a_net": "Goblet cell adenocarcinoma is an adenocarcinoma, not a neuroendocrine neoplasm: NET grading "
                 "(Ki-67, mitoses) and NET staging do not apply.",
    "ki67_ignored": "A Ki-67 was given: it is not used. NET grading does not apply to goblet cell adenocarcinoma.",
    "no_low_grade": "No low-grade component: a goblet cell adenocarcinoma needs one, so the diagnosis itself needs "
                    "review.",
    "boundary": "Exactly on a cut-off: both ends of the G2 range (50 % and 75 %) belong to G2.",
}


@dataclass(frozen=True)
class GcaGrade(Explained):
    """The result of :func:`goblet_cell_grade`: ``grade`` (``G1``, ``G2``, ``G3``, or ``not graded`` when there is
    no low-grade component)."""

    grade: str
    low_grade_percent: float
    flags: tuple[str, ...]
    steps: tuple[str, ...]
    sources: tuple[str, ...]
    neighbour: str = ""

    card_title: ClassVar[str] = "Goblet cell adenocarcinoma (appendix)"
    flag_text: ClassVar[Mapping[str, str]] = GCA_FLAGS

    def headline(self) -> str:
        return f"Grade {self.grade}" if self.grade != "not graded" else "Not graded"

    def subtitle(self) -> str:
        return f"{self.low_grade_percent:g} % low-grade pattern; its own grading, not NET grading"


def goblet_cell_grade(low_grade_percent: float, *, ki67_percent: float | None = None) -> GcaGrade:
    """The WHO 2019 grade of an appendiceal goblet cell adenocarcinoma from the share (%) of low-grade (tubular or
    clustered) pattern, 0-100: G1 above 75 %, G2 50-75 % (both ends included), G3 below 50 % (fact 3.13; bands in
    :data:`netlib.data.biopsy.GCA_BANDS`). ``ki67_percent`` may be given only to be told it is not used: NET
    grading does not apply."""
    pct = checks.number("low_grade_percent", low_grade_percent, 0, 100, unit="% low-grade pattern")
    flags = ["not_a_net"]
    steps = [data.GCA_FACTS[0].words, data.GCA_FACTS[1].words]
    if ki67_percent is not None:
        checks.number("ki67_percent", ki67_percent, 0, 100, unit="%")
        flags.append("ki67_ignored")
        steps.append(f"Ki-67 {ki67_percent:g} %: not used (NET grading does not apply).")
    sources = list(data.GCA_SOURCES)
    band = next((b for b in data.GCA_BANDS if b.contains(pct)), None)
    if band is None:
        flags.append("no_low_grade")
        steps.append("0 % low-grade pattern: no low-grade component, which the diagnosis requires.")
        return GcaGrade("not graded", pct, tuple(flags), tuple(steps), tuple(sources),
                        "Why not G3: G3 still has some low-grade pattern (above 0 %, below 50 %).")
    if pct in (band.low, band.high) and ((pct == band.low and band.low_closed) or (pct == band.high and band.high_closed)) \
            and pct not in (0.0, 100.0):
        flags.append("boundary")
    steps.append(f"{pct:g} % low-grade pattern: {band.words()} -> {band.grade}.")
    others = [b for b in data.GCA_BANDS if b is not band]
    neighbour = "Not " + "; not ".join(f"{b.grade}: that needs {b.words()}" for b in others) + "."
    steps.append(neighbour)
    steps.append(data.GCA_FACTS[2].words + " " + data.GCA_FACTS[3].words)
    sources += ["cap_appendix_net_2017"]
    return GcaGrade(band.grade, pct, tuple(flags), tuple(steps), tuple(dict.fromkeys(sources)), neighbour)


def check_gca_grade(answer: str, low_grade_percent: float) -> "Feedback":
    """Judge a typed grade (``G1``, ``G2``, ``G3``, ``NET G1`` ...) for ``low_grade_percent``."""
    from netlib.teaching.exercises import Feedback

    key = goblet_cell_grade(low_grade_percent)
    norm = "".join(checks.text("answer", answer).split()).upper()
    if norm.startswith("NET"):
        return Feedback(answer, key.grade, False, "goblet cell adenocarcinoma is not a NET: NET grading does not "
                        "apply; it has its own grading by the share of low-grade pattern.", key.headline())
    if norm == key.grade:
        return Feedback(answer, key.grade, True, f"{key.steps[-3]}", key.headline())
    band = next((b for b in data.GCA_BANDS if b.grade == norm), None)
    msg = (f"{norm} needs {band.words()}; {low_grade_percent:g} % is not in that range." if band else
           "type a grade: G1, G2 or G3.")
    return Feedback(answer, key.grade, False, msg, key.headline())


# --- grade belongs to a sample ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SampleGrades(Explained):
    """The result of :func:`grades_by_sample`: ``grades`` ((sample, grade label), ...) in the order given."""

    grades: tuple[tuple[str, str], ...]
    flags: tuple[str, ...]
    steps: tuple[str, ...]
    sources: tuple[str, ...]

    card_title: ClassVar[str] = "Grade by sample"
    flag_text: ClassVar[Mapping[str, str]] = {
        "grades_differ": "The samples have different grades: report each with its sample and date. A grade belongs "
                         "to a sample, not to the patient."}

    def headline(self) -> str:
        return "; ".join(f"{s}: {g}" for s, g in self.grades)


def grades_by_sample(samples: Mapping[str, float]) -> SampleGrades:
    """Grade each sample of one patient's well-differentiated digestive NET from its Ki-67 (``samples``: sample name
    -> Ki-67 %, 0-100; at least one) with :func:`netlib.grade`, and say why the grades may differ (facts
    3.10-3.12)."""
    from netlib.findings import Findings
    from netlib.grading import grade

    if not isinstance(samples, Mapping) or not samples:
        raise InvalidValueError("samples", f"expected a mapping of sample name -> Ki-67 %, at least one; got {samples!r}")
    grades, sources = [], []
    steps = []
    for name, ki67 in samples.items():
        checks.text("samples", name, "sample names as strings")
        value = checks.number("samples", ki67, 0, 100, unit=f"Ki-67 % of {name!r}")
        g = grade(Findings(differentiation="well", ki67_percent=value))
        grades.append((name, g.label))
        sources += list(g.sources)
        steps.append(f"{name}: Ki-67 {value:g} % -> {g.label}.")
    differ = len({g for _n, g in grades}) > 1
    steps.append("Each grade is the grade of its sample: a metastasis or a later biopsy can be of higher grade than "
                 "the primary, and treatment follows the disease as it is now.")
    steps += [f.words for f in (*data.GRADE_HETEROGENEITY, *data.GRADE_PROGRESSION)]
    sources += [k for f in (*data.GRADE_HETEROGENEITY, *data.GRADE_PROGRESSION) for k in f.sources]
    return SampleGrades(tuple(grades), ("grades_differ",) if differ else (), tuple(steps),
                        tuple(dict.fromkeys(sources)))


_SAMPLE_CHOICES = ("NET G1", "NET G2", "NET G3", "primary")


def check_sample_grade(answer: str, samples: Mapping[str, float], sample: str) -> "Feedback":
    """Judge the grade a trainee gives ``sample`` (``NET G1``/``NET G2``/``NET G3``, or ``primary`` for "the
    primary's grade")."""
    from netlib.teaching.exercises import Feedback

    result = grades_by_sample(samples)
    own = dict(result.grades)
    checks.choice("sample", sample, tuple(own))
    checks.choice("answer", answer, _SAMPLE_CHOICES)
    key = own[sample]
    if answer == key:
        return Feedback(answer, key, True, f"{sample}: {key}, graded on its own Ki-67; the grade belongs to the "
                                          "sample.", result.headline())
    if answer == "primary":
        msg = ("a grade belongs to a sample, not to the patient: in one series the grade differed between sites in "
               "39 % of patients, and liver metastases were often of higher grade than their G1 primaries.")
    else:
        msg = f"grade this sample on its own Ki-67 ({samples[sample]:g} %), with the digestive cut-offs."
    return Feedback(answer, key, False, msg, result.headline())


# --- the likely primary: feedback ------------------------------------------------------------------------------------
#: Spellings accepted for each site when typed.
SITE_SPELLINGS: dict[str, tuple[str, ...]] = {
    "lung": ("lung", "bronchus", "bronchopulmonary", "lung carcinoid", "pulmonary"),
    "pancreas": ("pancreas", "pancreatic"),
    "small_intestine": ("small intestine", "ileum", "small bowel", "jejunum", "midgut", "small-intestinal"),
    "appendix": ("appendix", "appendiceal"),
    "rectum": ("rectum", "rectal", "hindgut"),
}


def _site_message(answer: str, key: SiteRanking) -> str:
    """Why ``answer`` (a site) is not ranked first, in terms of the panel: the markers against it, the markers for
    the first site it lacks, and the misconception they point to."""
    score = key.score(answer)
    words = SM.SITE_WORDS[answer]
    given = dict(key.panel)
    if score.for_markers and not score.against_markers:
        shared = [SM.SITE_MARKERS[k].name.split(" (")[0] for k in score.for_markers]
        return (f"{' and '.join(shared)} {'points' if len(shared) == 1 else 'point'} to {words}, but no marker is "
                "site-specific" + ("; ISL1 also stains rectal NETs" if "isl1" in score.for_markers else "")
                + ". Another site has more markers for it: count the markers for each site, not just one.")
    if score.against_markers:
        against = [SM.SITE_MARKERS[k].name.split(" (")[0] for k in score.against_markers]
        return (f"{', '.join(against)} negative counts against {words}, and another site has more positive markers "
                "for it.")
    if answer == "lung" and given.get("ttf1") == "negative":
        return "TTF-1 negative is right to weigh, but it is negative in a third of lung carcinoids."
    return f"no positive marker in this panel points to {words}."


def check_primary(answer: str, panel: Mapping[str, str]) -> "Feedback":
    """Judge ``answer`` (a key of :data:`netlib.data.site_markers.SITES`, or ``none`` for "no site favoured") for
    the ``panel``; the key is :func:`netlib.markers.rank_primaries`'s first-ranked site(s)."""
    from netlib.teaching.exercises import Feedback

    key = rank_primaries(panel)
    checks.choice("answer", answer, (*SM.SITES, "none"))
    expected = key.top[0] if len(key.top) == 1 else ("none" if not key.top else " and ".join(key.top))
    explanation = key.headline() + ". " + key.neighbour
    if (answer == "none" and not key.top) or answer in key.top:
        tie = " (tied: this panel cannot separate the tied sites)" if len(key.top) > 1 else ""
        return Feedback(answer, expected, True, f"{key.headline()}{tie}. {key.neighbour} No single marker is "
                                                 "site-specific: a teaching ranking, not a diagnosis.", explanation)
    if answer == "none":
        return Feedback(answer, expected, False, "a positive marker points to at least one site here; count them.",
                        explanation)
    return Feedback(answer, expected, False, _site_message(answer, key), explanation)
