"""WHO grading of neuroendocrine neoplasms, explained step by step.

``grade(findings)`` applies the WHO 2019/2022 digestive criteria to gastroenteropancreatic
(GEP) sites and the WHO thoracic criteria to lung and thymus. Thresholds come from
:mod:`netlib.data.criteria`; nothing is hard-coded here. The result, :class:`Grade`, carries the
label, stable flag codes, the reasoning (including why the neighbouring grade was not
chosen), the source keys, and the decision as data (:class:`Decision`: what decided, the band each
parameter gave, the cut-offs involved and the sentence that explains it), which self-checks read instead of
the wording of the steps.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from netlib.results import Explained

if TYPE_CHECKING:
    import numpy as np
from netlib import checks
from netlib.data.criteria import (
    TABLES,
    WHO_2010_DIGESTIVE,
    WHO_2021_THORACIC,
    WHO_2022_DIGESTIVE,
    GradingTable,
    get_table,
)
from netlib.errors import InvalidTypeError, InvalidValueError
from netlib.findings import Findings

__all__ = ["Grade", "Decision", "Cutoff", "DECIDED_BY", "grade", "grade_array", "LABELS", "FLAGS",
           "MINEN_MIN_PERCENT", "TYPICAL_MIN_SIZE_SITES"]

LABELS = ("NET G1", "NET G2", "NET G3", "NEC", "MiNEN", "typical carcinoid", "atypical carcinoid",
          "LCNEC", "SCLC", "undetermined")

#: MiNEN: each component must make up at least this share of the tumour (WHO 2019 wording).
MINEN_MIN_PERCENT = 30.0

# Cut-offs quoted in the explanations, read from the tables (never restated as numbers here).
_GAP_2010 = WHO_2010_DIGESTIVE.known_gaps[0][1]  # Ki-67 (2, 3) %
_TYPICAL, _ATYPICAL, _HIGH = (b.mitoses for b in WHO_2021_THORACIC.bands)  # mitoses per 2 mm²
_MIN_SIZE = WHO_2021_THORACIC.typical_min_size_cm
_ELEVATED_KI67 = WHO_2021_THORACIC.elevated_ki67_percent

#: Sites whose typical carcinoid needs a minimum size (the tumourlet rule is a lung concept; thymic carcinoids
#: are classified on mitoses and necrosis alone).
TYPICAL_MIN_SIZE_SITES = ("lung",)


def _boundary_text() -> str:
    """Which band each cut-off value belongs to, read from the tables' intervals (no number restated here).

    A value exactly on a cut-off belongs to the one band whose interval is closed at that end: it opens the band
    above for some cut-offs (Ki-67 3 % is NET G2) and closes the band below for others (Ki-67 20 % stays NET G2).
    """
    parts: dict[str, list[str]] = {}
    for table in TABLES.values():
        groups: dict[tuple[str, str], list[str]] = {}
        for i, band in enumerate(table.bands):
            for p in ("ki67", "mitoses"):
                iv = band.interval(p)
                for v in iv.closed_ends if iv is not None else ():
                    name = f"Ki-67 {v:g} %" if p == "ki67" else f"{v:g} mitoses {table.mitoses_unit}"
                    if v == iv.high:
                        nxt = table.bands[i + 1].label if i + 1 < len(table.bands) else None
                        end = f"the highest value of {band.label}" + (f" (not {nxt})" if nxt else "")
                    else:
                        end = f"the lowest value of {band.label}"
                    groups.setdefault((band.label, end), []).append(name)
        text = "; ".join(f"{' and '.join(names)} " + (f"is {end}" if len(names) == 1 else
                                                         f"are {end.replace(' value ', ' values ', 1)}")
                         for (_label, end), names in groups.items())
        parts.setdefault(text, []).append(table.title)
    return ("A value sits exactly on a cut-off, and each cut-off belongs to one band only. "
            + " ".join(f"{' and '.join(titles)}: {text}." for text, titles in parts.items())
            + " Counting noise can move a value either way.")


#: Stable flag codes and what each means (shown as tooltips on the card).
FLAGS: dict[str, str] = {
    "boundary_value": _boundary_text(),
    "discordant_ki67_mitoses": "Ki-67 and the mitotic count point to different grades; the higher grade wins.",
    "single_parameter": "Only one of Ki-67 and mitoses was reported; the grade rests on one parameter.",
    "no_proliferation_data": "Neither Ki-67 nor the mitotic count was reported.",
    "inconsistent_with_nec": "Poor differentiation with Ki-67 and mitoses in the NET G1/G2 range: "
                             "needs review (sampling, heterogeneity, MiNEN).",
    "morphology_required": "Proliferation is in the G3 range; only morphology (differentiation) separates "
                           "NET G3 from NEC.",
    "thoracic_morphology_required": "Morphology not reported: a lung or thymic NEN is classified by its cytology "
                                    "(carcinoid, small cell or large cell) together with mitoses and necrosis.",
    "differentiation_assumed_well": "Differentiation not reported; a NET was assumed because proliferation "
                                    "is in the G1/G2 range. Confirm on morphology.",
    "differentiation_morphology_conflict": "Differentiation and morphology contradict each other.",
    "who2010_gap_value": f"Ki-67 above {_GAP_2010.low:g} % and below {_GAP_2010.high:g} %: unassigned under WHO 2010, "
                         "G1 since WHO 2017/2019.",
    "who2010_gap": "Under WHO 2010 this Ki-67 value belonged to no grade.",
    "historical_criteria": "Graded with a superseded edition, for comparison only.",
    "site_not_reported": "Site not reported; the GEP (digestive) criteria were applied.",
    "unknown_primary": "Unknown primary; the digestive criteria of the common WHO framework were applied.",
    "minen_boundary": f"A component is exactly {MINEN_MIN_PERCENT:g} %; sources disagree whether it counts "
                      f"(>= {MINEN_MIN_PERCENT:g} % vs > {MINEN_MIN_PERCENT:g} %).",
    "minor_ne_component": f"The neuroendocrine component is below {MINEN_MIN_PERCENT:g} %: not a MiNEN and not "
                          "graded as a NEN.",
    "minor_non_ne_component": f"The non-neuroendocrine component is below {MINEN_MIN_PERCENT:g} %: graded as a "
                              "pure NEN.",
    "ki67_not_used": "Ki-67 was reported but does not classify resected thoracic NENs.",
    "elevated_proliferation_carcinoid": f"Carcinoid morphology with Ki-67 >= {_ELEVATED_KI67:g} %: the emerging WHO 2021 "
                                        "'carcinoid with elevated proliferation' concept, not a category.",
    "beyond_atypical_range": f"Carcinoid morphology with > {_ATYPICAL.high:g} mitoses per 2 mm²: above the atypical carcinoid "
                             "range; not a formal category (emerging concept); expert review.",
    "mitoses_required": "The thoracic criteria need a mitotic count per 2 mm².",
    "necrosis_required": f"With < {_TYPICAL.high:g} mitoses, necrosis decides typical vs atypical carcinoid.",
    "size_not_reported": f"A typical lung carcinoid requires a size of at least {_MIN_SIZE:g} cm; size not reported.",
    "below_typical_carcinoid_size": f"Smaller than the {_MIN_SIZE:g} cm that a typical lung carcinoid requires "
                                    "(smaller lesions are tumourlets).",
    "inconsistent_with_high_grade": f"Small/large cell morphology but <= {_ATYPICAL.high:g} mitoses per 2 mm²: the "
                                    f"criteria expect > {_HIGH.low:g}; review.",
    "mitoses_not_reported": "The mitotic count was not reported; the label rests on morphology alone.",
    "extensive_necrosis_unusual": "Extensive necrosis is unusual in a carcinoid (usually punctate); review.",
}

_PARAM_NAME = {"ki67": "Ki-67", "mitoses": "mitoses"}

#: What can decide a grade (:attr:`Decision.by`), in words.
DECIDED_BY: dict[str, str] = {
    "ki67": "the Ki-67 index (%), which gives the higher grade or is the only parameter reported",
    "mitoses": "the mitotic count (per 2 mm²), which gives the higher grade or is the only parameter reported",
    "both": "Ki-67 and the mitotic count, which give the same grade",
    "proliferation": "Ki-67 and the mitotic count, neither of which was reported",
    "differentiation": "differentiation (morphology): well differentiated (NET) or poorly differentiated (NEC)",
    "ne_component": f"the share of the neuroendocrine component (a MiNEN needs >= {MINEN_MIN_PERCENT:g} % of each "
                    "component)",
    "thoracic_mitoses": "the mitotic count per 2 mm² under the thoracic criteria",
    "necrosis": "necrosis under the thoracic criteria (absent: typical; present: atypical carcinoid)",
    "morphology": "the cytology: carcinoid, small cell or large cell",
    "size": f"the size of a lung carcinoid (below {_MIN_SIZE:g} cm it is a tumourlet)",
}


@dataclass(frozen=True)
class Cutoff:
    """A cut-off involved in a decision.

    ``parameter``: ``ki67`` (``unit`` "%"), ``mitoses`` (``unit`` the table's, e.g. "per 2 mm²"), ``ne_component``
    ("%") or ``size`` ("cm"); ``value`` in that unit; ``band``: the category the cut-off value itself belongs to
    (an interval is closed at one end only, e.g. Ki-67 3 % belongs to NET G2, 20 % too); ``exact``: the reported
    value sits exactly on this cut-off.
    """

    parameter: str
    value: float
    unit: str
    band: str
    exact: bool = False

    def describe(self) -> str:
        """E.g. ``Ki-67 3 % belongs to NET G2``."""
        name = {"ki67": "Ki-67", "ne_component": "a component of", "size": "a size of"}.get(self.parameter, "")
        value = f"{self.value:g} mitoses {self.unit}" if self.parameter == "mitoses" else f"{self.value:g} {self.unit}"
        return f"{name} {value}".strip() + f" belongs to {self.band}"


@dataclass(frozen=True)
class Decision:
    """What decided a grade, as data (self-checks read this, never the wording of the steps).

    ``by``: a key of :data:`DECIDED_BY` (``ki67``, ``mitoses``, ``both``, ``differentiation``, ``ne_component``,
    ``thoracic_mitoses``, ``necrosis``, ``morphology``, ``size`` or ``proliferation``). For an ``undetermined``
    grade it names what was missing or contradictory. ``sentence``: the step (one of :attr:`Grade.steps`) that
    explains the decision. ``bands``: (parameter, band label) for each proliferation parameter that was placed in a
    band, e.g. ``(("ki67", "NET G1"), ("mitoses", "NET G2"))``. ``cutoffs``: the cut-offs bounding those bands (or
    the MiNEN share, or the lung carcinoid size), see :class:`Cutoff`.
    """

    by: str
    sentence: str
    bands: tuple[tuple[str, str], ...] = ()
    cutoffs: tuple[Cutoff, ...] = ()

    def band(self, parameter: str) -> str | None:
        """The band ``parameter`` (``ki67`` or ``mitoses``) gave, or None if it was not placed in one."""
        return dict(self.bands).get(parameter)

    @property
    def discordant(self) -> bool:
        """True when Ki-67 and the mitotic count gave different bands."""
        return len({b for _p, b in self.bands}) > 1

    @property
    def exact_cutoffs(self) -> tuple[Cutoff, ...]:
        """The cut-offs a reported value sits exactly on."""
        return tuple(c for c in self.cutoffs if c.exact)


@dataclass(frozen=True)
class Grade(Explained):
    """The result of :func:`grade`.

    ``label`` is one of :data:`LABELS`; ``subtype`` e.g. ``small cell`` for NEC; ``flags`` are
    codes from :data:`FLAGS`; ``steps`` the plain-language reasoning; ``sources`` reference keys;
    ``criteria`` the key of the table used; ``decision`` what decided, as data (:class:`Decision`).
    """

    label: str
    subtype: str | None = None
    flags: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    criteria: str = WHO_2022_DIGESTIVE.key
    decision: Decision | None = None

    @property
    def title(self) -> str:
        return f"{self.label} ({self.subtype})" if self.subtype else self.label

    card_title: ClassVar[str] = "Grade"
    flag_text: ClassVar[Mapping[str, str]] = FLAGS

    def headline(self) -> str:
        return self.title

    def card_heading(self) -> str:
        return f"Grade - {get_table(self.criteria).title}"

    def flag_sentences(self) -> list[str]:
        """The flags' meanings; a value on a cut-off is named with the band it belongs to (not every cut-off)."""
        out = []
        exact = self.decision.exact_cutoffs if self.decision is not None else ()
        for code in self.flags:
            if code == "boundary_value" and exact:
                out.append("A value sits exactly on a cut-off: " + "; ".join(c.describe() for c in exact)
                           + ". Each cut-off belongs to one band only, and counting noise can move a value either way.")
            else:
                out.append(FLAGS[code])
        return out


class _Builder:
    """Collects flags, steps, sources and the decision while a grade is worked out."""

    def __init__(self, table: GradingTable):
        self.table = table
        self.flags: list[str] = []
        self.steps: list[str] = []
        self.sources: list[str] = list(table.sources)
        self.bands: dict[str, str] = {}
        self.band_steps: dict[str, str] = {}
        self.cutoffs: list[Cutoff] = []
        self.discordance = ""
        self.by = "proliferation"  # the proliferation parameter that set the band (or the gap parameter)

    def flag(self, code: str) -> None:
        assert code in FLAGS, code
        if code not in self.flags:
            self.flags.append(code)

    def step(self, text: str) -> str:
        """Add a step and return it (to name it as the deciding sentence)."""
        self.steps.append(text)
        return text

    def done(self, label: str, by: str, sentence: str, subtype: str | None = None,
             cutoffs: tuple[Cutoff, ...] = ()) -> Grade:
        assert by in DECIDED_BY and sentence in self.steps, (by, sentence)
        decision = Decision(by, sentence, tuple(self.bands.items()), tuple(self.cutoffs) + cutoffs)
        return Grade(label, subtype, tuple(self.flags), tuple(self.steps), tuple(dict.fromkeys(self.sources)),
                     self.table.key, decision)


def _band_cutoffs(t: GradingTable, p: str, i: int, value: float) -> list[Cutoff]:
    """The finite cut-offs bounding band ``i`` of parameter ``p``, each with the band its value belongs to."""
    iv = t.bands[i].interval(p)
    out = []
    for end in (iv.low, iv.high):
        if 0 < end < float("inf"):
            j = t.band_index(p, end)
            out.append(Cutoff(p, end, _unit(p, t), t.bands[j].label if j is not None else "no band", value == end))
    return out


def _words(x: str) -> str:
    return x.replace("_", " ")


def _fmt(parameter: str, value: float, table: GradingTable) -> str:
    return f"Ki-67 {value:g} %" if parameter == "ki67" else f"mitotic count {value:g} {table.mitoses_unit}"


def _unit(parameter: str, table: GradingTable) -> str:
    return "%" if parameter == "ki67" else table.mitoses_unit


def grade(findings: Findings, criteria: "str | GradingTable | None" = None) -> Grade:
    """Grade one case with the WHO criteria that fit its site.

    Digestive (GEP) sites, an unknown primary or an unreported site use the WHO 2019/2022
    digestive table by default (pass ``criteria="who2010_digestive"`` or ``"who2017_pancreas"``
    to compare editions); lung and thymus always use the thoracic criteria.
    """
    checks.instance("findings", findings, Findings, "a netlib.Findings")
    if findings.is_thoracic:
        table = get_table(criteria) if criteria is not None else WHO_2021_THORACIC
        if table.system != "thoracic":
            raise InvalidValueError("criteria", f"{table.key!r} is a digestive table but site={findings.site!r} needs "
                             "the thoracic criteria (who2015_thoracic or who2021_thoracic)")
        return _grade_thoracic(findings, table)
    table = get_table(criteria) if criteria is not None else WHO_2022_DIGESTIVE
    if table.system != "digestive":
        raise InvalidValueError("criteria", f"{table.key!r} is a thoracic table; site={findings.site!r} is graded with "
                         "a digestive table")
    return _grade_digestive(findings, table)


# --- digestive (GEP) ------------------------------------------------------------------
def _effective_differentiation(f: Findings, b: _Builder) -> str | None | bool:
    """'well', 'poor', None (unknown) or False (contradiction)."""
    implied = {"carcinoid": "well", "small_cell": "poor", "large_cell": "poor"}.get(f.morphology or "")
    if f.differentiation and implied and f.differentiation != implied:
        b.flag("differentiation_morphology_conflict")
        b.step(f"Differentiation is '{f.differentiation}' but morphology '{_words(f.morphology)}' implies "
               f"'{implied}' differentiation: the findings contradict each other; review the morphology.")
        return False
    if f.differentiation is None and implied:
        b.steps.append(f"Morphology '{_words(f.morphology)}' implies {implied} differentiation.")
    return f.differentiation or implied


def _proliferation(f: Findings, b: _Builder) -> int | None:
    """Band index from Ki-67 and mitoses (higher wins), with steps; None when no band applies."""
    t = b.table
    values = {"ki67": f.ki67_percent, "mitoses": f.mitoses_per_2mm2}
    given = {p: v for p, v in values.items() if v is not None}
    if not given:
        b.flag("no_proliferation_data")
        b.steps.append("Neither the Ki-67 index nor the mitotic count was reported.")
        b.by = "proliferation"
        return None
    if len(given) == 1:
        (p, _v), = given.items()
        missing = "mitotic count" if p == "ki67" else "Ki-67 index"
        b.flag("single_parameter")
        b.steps.append(f"Only {_PARAM_NAME[p]} was reported; the {missing} could raise the grade.")
    idx: dict[str, int] = {}
    for p, v in given.items():
        i = t.band_index(p, v)
        if i is None:
            gap = t.gap_containing(p, v)
            b.flag("who2010_gap")
            b.steps.append(f"{_fmt(p, v, t)} falls in the gap {gap.describe('%') if gap else ''} of {t.title}: "
                           "no grade is defined for it.")
            b.by = p
            continue
        iv = t.bands[i].interval(p)
        b.bands[p] = t.bands[i].label
        b.cutoffs += _band_cutoffs(t, p, i, v)
        b.band_steps[p] = b.step(f"{_fmt(p, v, t)} lies in {iv.describe(_unit(p, t))} -> {t.bands[i].label}.")
        if v in iv.closed_ends:
            b.flag("boundary_value")
            b.steps.append(f"{_fmt(p, v, t)} is exactly on a cut-off; the interval {iv.describe(_unit(p, t))} "
                           f"includes it, so it is {t.bands[i].label}.")
        if t is not WHO_2010_DIGESTIVE and WHO_2010_DIGESTIVE.gap_containing(p, v) is not None:
            b.flag("who2010_gap_value")
            b.sources.append("who2010_digestive")
        idx[p] = i
    if not idx:
        return None
    top = max(idx.values())
    if "who2010_gap" in b.flags and top == 0:
        b.steps.append("The other parameter is G1, which cannot outrank a value that is above G1: no grade.")
        return None
    deciders = [p for p in idx if idx[p] == top]
    b.by = "both" if len(deciders) == 2 else deciders[0]
    if len(idx) == 2 and idx["ki67"] != idx["mitoses"]:
        decider = max(idx, key=idx.get)
        other = "mitoses" if decider == "ki67" else "ki67"
        b.flag("discordant_ki67_mitoses")
        b.discordance = b.step(f"The two parameters disagree ({_PARAM_NAME['ki67']}: {t.bands[idx['ki67']].label}; "
                       f"mitoses: {t.bands[idx['mitoses']].label}). The higher grade wins, so "
                       f"{_PARAM_NAME[decider]} decides; grading on {_PARAM_NAME[other]} alone would under-grade.")
    # why not the neighbours
    if top > 0:
        lower = t.bands[top - 1]
        reasons = [f"{_PARAM_NAME[p]} {v:g} is not {lower.interval(p).describe(_unit(p, t))}"
                   for p, v in given.items() if p in idx and v not in lower.interval(p)]
        b.steps.append(f"Not {lower.label}: every reported parameter would have to be in its range, but "
                       + "; ".join(reasons) + ".")
    if top < len(t.bands) - 1:
        higher = t.bands[top + 1]
        needs = " or ".join(f"{_PARAM_NAME[p]} {higher.interval(p).describe(_unit(p, t))}" for p in given)
        b.steps.append(f"Not {higher.label}: that needs {needs}, and no reported value reaches it.")
    return top


def _nec_proliferation(f: Findings, b: _Builder) -> int | None:
    """For a carcinoma (poorly differentiated): where each reported count lies, in words that never call it a NET
    (its grade is set by its differentiation, so no count "could raise" it and no neighbouring NET grade is
    discussed). Records the bands and cut-offs as data; returns the highest band index, or None when nothing
    was reported or a value fell in a WHO 2010 gap."""
    t = b.table
    given = {p: v for p, v in (("ki67", f.ki67_percent), ("mitoses", f.mitoses_per_2mm2)) if v is not None}
    if not given:
        b.steps.append("Neither the Ki-67 index nor the mitotic count was reported: a neuroendocrine carcinoma is "
                       "recognised by its morphology, not by a count.")
        return None
    idx: dict[str, int] = {}
    for p, v in given.items():
        i = t.band_index(p, v)
        if i is None:
            gap = t.gap_containing(p, v)
            b.steps.append(f"{_fmt(p, v, t)} falls in the gap {gap.describe('%') if gap else ''} of {t.title}.")
            continue
        idx[p] = i
        iv = t.bands[i].interval(p)
        b.bands[p] = t.bands[i].label
        b.cutoffs += _band_cutoffs(t, p, i, v)
        count = _fmt(p, v, t)
        count = count[0].upper() + count[1:]
        if i == len(t.bands) - 1:
            b.steps.append(f"{count} is in the highest range ({iv.describe(_unit(p, t))}), as expected in "
                           "a carcinoma.")
        else:
            b.steps.append(f"{count} is in the range {iv.describe(_unit(p, t))} that would make a "
                           f"well-differentiated tumour {t.bands[i].label}.")
    return max(idx.values()) if idx else None


def _minen(f: Findings, b: _Builder) -> Grade | None:
    """MiNEN check; returns a final Grade or None to continue grading as a NEN."""
    ne = f.ne_component_percent
    if ne is None:
        return None
    other = 100.0 - ne
    b.sources.append("minen_30_percent")
    cut = (Cutoff("ne_component", MINEN_MIN_PERCENT, "%", "MiNEN", MINEN_MIN_PERCENT in (ne, other)),)
    if ne == MINEN_MIN_PERCENT or other == MINEN_MIN_PERCENT:
        b.flag("minen_boundary")
        b.steps.append(f"A component is exactly {MINEN_MIN_PERCENT:g} %: MiNEN under the '>= {MINEN_MIN_PERCENT:g} %' "
                       f"wording (used here), not under the '> {MINEN_MIN_PERCENT:g} %' wording of some reviews.")
    if ne >= MINEN_MIN_PERCENT and other >= MINEN_MIN_PERCENT:
        why = b.step(f"Neuroendocrine component {ne:g} % and non-neuroendocrine component {other:g} %: both "
                     f">= {MINEN_MIN_PERCENT:g} %, so this is a mixed neuroendocrine-non-neuroendocrine neoplasm. "
                     "Grade each component separately.")
        return b.done("MiNEN", "ne_component", why, cutoffs=cut)
    if ne < MINEN_MIN_PERCENT:
        b.flag("minor_ne_component")
        why = b.step(f"The neuroendocrine component is {ne:g} % (< {MINEN_MIN_PERCENT:g} %): not a MiNEN; "
                     "the tumour is classified by its non-neuroendocrine component, so no NEN grade is given.")
        return b.done("undetermined", "ne_component", why, cutoffs=cut)
    if other > 0:
        b.flag("minor_non_ne_component")
        b.steps.append(f"The non-neuroendocrine component is {other:g} % (< {MINEN_MIN_PERCENT:g} %): not a MiNEN; "
                       "graded as a pure NEN.")
    return None


def _grade_digestive(f: Findings, table: GradingTable) -> Grade:
    b = _Builder(table)
    if table.key != WHO_2022_DIGESTIVE.key:
        b.flag("historical_criteria")
        b.steps.append(f"Using {table.title} for comparison; current practice uses WHO 2019/2022.")
    if f.site is None:
        b.flag("site_not_reported")
        b.steps.append("Site not reported: the digestive (GEP) criteria are applied.")
    elif f.site == "unknown_primary":
        b.flag("unknown_primary")
        b.steps.append("Unknown primary: the digestive criteria of the common WHO framework are applied.")
    else:
        b.steps.append(f"Site {f.site.replace('_', '/')}: graded with the {table.title} criteria "
                       "(Ki-67 and mitoses).")
    minen = _minen(f, b)
    if minen is not None:
        return minen
    diff = _effective_differentiation(f, b)
    if diff is False:
        return b.done("undetermined", "differentiation", b.steps[-1])
    if diff == "poor":
        subtype = {"small_cell": "small cell", "large_cell": "large cell"}.get(f.morphology or "")
        b.sources.append("net_vs_nec_review")
        why = b.step("Poorly differentiated: a neuroendocrine carcinoma, high grade by definition; it gets no "
                     "numerical grade." + ("" if subtype else " Small vs large cell type not reported."))
        band = _nec_proliferation(f, b)
        if band is not None and band < len(table.bands) - 1:
            b.flag("inconsistent_with_nec")
            b.steps.append("But proliferation is in the NET G1/G2 range, unusual for a NEC: review sampling, "
                           "heterogeneity and the possibility of a MiNEN.")
        return b.done("NEC", "differentiation", why, subtype)
    band = _proliferation(f, b)
    if band is None:
        if "no_proliferation_data" in b.flags:
            b.steps.append("A grade cannot be assigned without Ki-67 or mitoses.")
        return b.done("undetermined", b.by, b.steps[-1])
    label = table.bands[band].label
    top_band = band == len(table.bands) - 1
    # the sentence that explains the grade: the disagreement if any, else the deciding parameter's band
    why = b.discordance or b.band_steps["mitoses" if b.by == "both" else b.by]
    if diff is None:
        if top_band:
            b.flag("morphology_required")
            why = b.step("Proliferation is in the G3 range but differentiation was not reported: morphology "
                         "decides NET G3 (well differentiated) vs NEC (poorly differentiated); Ki-67 alone "
                         "does not make a carcinoma.")
            b.sources.append("net_vs_nec_review")
            return b.done("undetermined", "differentiation", why)
        b.flag("differentiation_assumed_well")
        b.steps.append("Differentiation not reported; proliferation in the G1/G2 range fits a well-differentiated "
                       "NET. Confirm on morphology.")
    elif top_band and label == "NET G3":
        step = b.step("Well differentiated with G3 proliferation: NET G3, not NEC (morphology decides).")
        why = b.discordance or step
    elif top_band and label == "NEC":
        step = b.step("WHO 2010 had no NET G3: a well-differentiated tumour in this range was called NEC; "
                      "WHO 2017/2019 made it NET G3.")
        why = b.discordance or step
    return b.done(label, b.by, why)


# --- thoracic --------------------------------------------------------------------------
def _grade_thoracic(f: Findings, table: GradingTable) -> Grade:
    b = _Builder(table)
    b.steps.append(f"Site {f.site}: graded with the {table.title} criteria (mitoses per 2 mm², necrosis, "
                   "morphology); "
                   "the digestive Ki-67 grading is never applied here.")
    morph = f.morphology
    if f.ki67_percent is not None:
        b.flag("ki67_not_used")
        b.steps.append(f"Ki-67 {f.ki67_percent:g} % is recorded but does not classify resected thoracic NENs.")
    if morph is None:
        if f.differentiation == "well":
            morph = "carcinoid"
            b.steps.append("Well differentiated: carcinoid morphology assumed.")
        else:
            b.flag("thoracic_morphology_required")
            why = b.step("Morphology not reported: carcinoid vs small cell vs large cell cytology is needed.")
            return b.done("undetermined", "morphology", why)
    m = f.mitoses_per_2mm2
    i = table.band_index("mitoses", m) if m is not None else None
    if i is not None:
        b.bands["mitoses"] = table.bands[i].label
        b.cutoffs += _band_cutoffs(table, "mitoses", i, m)
    if morph in ("small_cell", "large_cell"):
        label = "SCLC" if morph == "small_cell" else "LCNEC"
        if f.differentiation == "well":
            b.flag("differentiation_morphology_conflict")
            why = b.step(f"Morphology '{_words(morph)}' contradicts well differentiation; review.")
            return b.done("undetermined", "differentiation", why)
        cytology = b.step(f"{_words(morph).capitalize()} cytology: the {label} column of the criteria.")
        high = table.bands[-1].mitoses
        if m is None:
            b.flag("mitoses_not_reported")
            b.steps.append(f"Mitotic count not reported; {label} expects {high.describe('mitoses per 2 mm²')}.")
            return b.done(label, "morphology", cytology)
        if m not in high:
            b.flag("inconsistent_with_high_grade")
            why = b.step(f"{m:g} mitoses per 2 mm² is not {high.describe('per 2 mm²')} as {label} requires: "
                         "the criteria are not met; review (crushed biopsy? carcinoid?).")
            return b.done("undetermined", "thoracic_mitoses", why)
        b.steps.append(f"{m:g} mitoses per 2 mm² is {high.describe('per 2 mm²')}: criteria met.")
        return b.done(label, "morphology", cytology)
    # carcinoid morphology
    if f.differentiation == "poor":
        b.flag("differentiation_morphology_conflict")
        why = b.step("Carcinoid morphology contradicts poor differentiation; review.")
        return b.done("undetermined", "differentiation", why)
    cut = table.elevated_ki67_percent
    if cut is not None and f.ki67_percent is not None and f.ki67_percent >= cut:
        b.flag("elevated_proliferation_carcinoid")
        b.steps.append(f"Ki-67 >= {cut:g} % in a carcinoid: the WHO 2021 'elevated proliferation' concept; noted, "
                       "not used to classify.")
        b.sources.append("pelosi_travis_2024")
    if f.necrosis == "extensive":
        b.flag("extensive_necrosis_unusual")
        b.steps.append("Extensive necrosis is unusual in a carcinoid (necrosis is usually punctate); review.")
    if m is None:
        b.flag("mitoses_required")
        why = b.step("Mitotic count per 2 mm² not reported: cannot separate typical, atypical and high grade.")
        return b.done("undetermined", "thoracic_mitoses", why)
    iv = table.bands[i].mitoses
    band_step = b.step(f"{m:g} mitoses per 2 mm² lies in {iv.describe('per 2 mm²')} -> {table.bands[i].label}.")
    if m in iv.closed_ends:
        b.flag("boundary_value")
        b.steps.append(f"{m:g} is exactly on a cut-off and belongs to {table.bands[i].label}.")
    if i == 2:
        b.flag("beyond_atypical_range")
        b.sources.append("pelosi_travis_2024")
        why = b.step(f"Carcinoid morphology with {m:g} > {table.bands[1].mitoses.high:g} mitoses per 2 mm² is above the "
                     "atypical carcinoid range; "
                     "carcinoids with elevated proliferation are an emerging concept, not a WHO category. "
                     "Expert review (is this an LCNEC?).")
        return b.done("undetermined", "thoracic_mitoses", why)
    if i == 1:
        b.steps.append(f"Not typical carcinoid: that needs {table.bands[0].mitoses.describe('mitoses per 2 mm²')}. "
                       f"Not the high-grade range: that needs {table.bands[2].mitoses.describe('')}.")
        return b.done("atypical carcinoid", "thoracic_mitoses", band_step)
    # typical-carcinoid mitotic range: necrosis decides
    low_range = table.bands[0].mitoses.describe("mitoses per 2 mm²")
    if f.necrosis is None:
        b.flag("necrosis_required")
        why = b.step(f"With {low_range}, necrosis decides: absent -> typical, present -> atypical. Not reported.")
        return b.done("undetermined", "necrosis", why)
    if f.necrosis != "absent":
        why = b.step(f"Necrosis ({f.necrosis}) makes it atypical even with {low_range}.")
        return b.done("atypical carcinoid", "necrosis", why)
    if f.site not in TYPICAL_MIN_SIZE_SITES:
        why = b.step(f"No necrosis and {low_range}: typical carcinoid. A thymic carcinoid is classified on mitoses "
                     f"and necrosis alone; the {table.typical_min_size_cm:g} cm minimum size (tumourlet rule) is a "
                     "lung concept" + (f", so the size {f.size_cm:g} cm does not change it." if f.size_cm is not None
                                       else "."))
        return b.done("typical carcinoid", "thoracic_mitoses", why)
    why = b.step(f"No necrosis and {low_range}: typical carcinoid criteria met, provided size >= "
                 f"{table.typical_min_size_cm:g} cm (lung: smaller lesions are tumourlets).")
    size_cut = (Cutoff("size", table.typical_min_size_cm, "cm", "typical carcinoid",
                       f.size_cm == table.typical_min_size_cm),)
    if f.size_cm is None:
        b.flag("size_not_reported")
        b.steps.append(f"Size not reported; typical carcinoid assumes at least {table.typical_min_size_cm:g} cm.")
    elif f.size_cm < table.typical_min_size_cm:
        b.flag("below_typical_carcinoid_size")
        why = b.step(f"Size {f.size_cm:g} cm is below {table.typical_min_size_cm:g} cm: not classified as a "
                     "typical carcinoid.")
        return b.done("undetermined", "size", why, cutoffs=size_cut)
    return b.done("typical carcinoid", "thoracic_mitoses", why, cutoffs=size_cut)


# --- vectorised --------------------------------------------------------------------------
def grade_array(ki67_percent, mitoses_per_2mm2, criteria: "str | GradingTable" = WHO_2022_DIGESTIVE) -> "np.ndarray":
    """Vectorised digestive grading of many well-differentiated NETs.

    Takes array-likes of Ki-67 (%) and mitoses per 2 mm² (NaN = not reported) and returns an
    ``int8`` array: 1, 2, 3 for G1-G3 (higher parameter wins), 0 where neither is reported or
    a value falls in a documented gap. Differentiation and MiNEN are not considered: use
    :func:`grade` for a single explained case.
    """
    import numpy as np

    table = get_table(criteria)
    if table.system != "digestive":
        raise InvalidValueError("criteria", f"grade_array supports digestive tables only, got {table.key!r}")
    try:
        shapes = {np.shape(ki67_percent), np.shape(mitoses_per_2mm2)}
    except ValueError as e:  # ragged nested lists
        raise InvalidValueError("ki67_percent", f"ki67_percent and mitoses_per_2mm2: expected flat arrays of numbers "
                                                f"({e})") from None
    if len(shapes) != 1:
        raise InvalidValueError("mitoses_per_2mm2", f"must have the same shape as ki67_percent, got shapes {sorted(shapes)}")
    upper = {"ki67": 100.0, "mitoses": 1000.0}
    out, gap_masks = None, []
    for name, p, arr in (("ki67_percent", "ki67", ki67_percent), ("mitoses_per_2mm2", "mitoses", mitoses_per_2mm2)):
        try:
            x = np.asarray(arr, dtype=float)
        except (TypeError, ValueError) as e:
            raise InvalidTypeError(name, f"expected numbers (NaN = not reported), got {type(arr).__name__}: {e}") from None
        shape, x = x.shape, x.reshape(-1)
        if x.size:
            lo, hi = np.fmin.reduce(x, axis=None), np.fmax.reduce(x, axis=None)  # NaN ignored
            if lo < 0 or hi > upper[p]:
                raise InvalidValueError(name, f"values must lie in 0-{upper[p]:g} (NaN marks 'not reported'); got a "
                                 f"range of {lo:g} to {hi:g}")
        # one binary search per value: an open lower bound becomes the next float up, so every cut is 'x >= cut'
        cuts = np.array([b.interval(p).low if b.interval(p).low_closed else np.nextafter(b.interval(p).low, np.inf)
                         for b in table.bands[1:]])
        g = np.searchsorted(cuts, x, side="right").astype(np.int8) + np.int8(1)
        g[np.isnan(x)] = 0
        for q, iv in table.known_gaps:
            if q == p:
                above = 1 + next(i for i, b in enumerate(table.bands) if b.interval(p).low >= iv.high)
                inside = ((x >= iv.low) if iv.low_closed else (x > iv.low)) & \
                         ((x <= iv.high) if iv.high_closed else (x < iv.high))
                gap_masks.append((inside, above))
        out = g if out is None else np.maximum(out, g)
    for mask, above in gap_masks:  # a gap value has no grade unless the other parameter is higher
        out[mask & (out < above)] = 0
    return out.reshape(shape)
