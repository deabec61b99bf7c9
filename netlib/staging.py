"""TNM staging of well-differentiated neuroendocrine tumours, explained.

* Digestive (GEP) NETs: AJCC 8th edition. T criteria per site are data (:data:`T_TABLES`): size bands, depth of
  invasion and invaded structures each reach a T category, and T is the highest reached. N follows the site's
  N rule (jejunum/ileum adds N2), M the shared M categories; stage groups are looked up in the group tables.
  ``edition="AJCC9"`` applies what AJCC Version 9 verifiably changed (T1 NX M0 = stage I at the sites its article
  names); everything else stays AJCC 8 and the steps say so.
* Thymic NETs: the thymic epithelial tumour TNM 8 (IASLC/ITMIG, adopted by AJCC/UICC 8): T from the invaded
  structures (size is not a T criterion), N by node station, M1a/M1b, groups I-IVB.
* Lung carcinoids: the lung cancer TNM 8 (size bands, invasion, N by station, M1a-c, groups IA1-IVB).

Where part of TNM is unknown, a group is still given when every possible value of the unknown part leads to the
same group. A reported finding either changes the answer or is named in the steps with the reason it does not
(e.g. "Not used for TNM: lymphovascular invasion ..."). A word that does not apply to the site (a depth word for the
pancreas, a thoracic structure for the ileum) raises :class:`~netlib.errors.InvalidValueError` naming the field, the
value and the words the site accepts; nothing falls back silently to size alone.
NEC and MiNEN of digestive sites are staged with the carcinoma system of the organ; SCLC and LCNEC are not staged
here (lung cancer protocols).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import ClassVar

from netlib import checks
from netlib.data.staging_tables import (
    CARCINOMA_SYSTEM,
    COLORECTAL_GROUPS,
    COLORECTAL_T1A_BELOW_CM,
    EDITIONS,
    GEP_GROUPS,
    GROUP_ORDER,
    M_CATEGORIES,
    M_CATEGORY,
    N2_MESENTERIC_MASS_CM,
    N2_MIN_NODES,
    N_CATEGORIES,
    N_RULES,
    STAGE_GROUPS,
    T_CATEGORIES,
    T_ORDER,
    T_TABLES,
    THORACIC_TABLES,
    ThoracicTable,
    TTable,
)
from netlib.errors import InvalidTypeError, InvalidValueError
from netlib.findings import FIELD_LABELS, THORACIC_WORD_MEANINGS, Findings
from netlib.grading import Grade, grade
from netlib.results import Explained

__all__ = ["TTable", "T_TABLES", "Stage", "PartReason", "REASON_BY", "stage", "stage_group", "FLAGS", "EDITIONS", "GRADE_FIELDS",
           "NOT_TNM_FIELDS", "T_CATEGORIES", "N_CATEGORIES", "M_CATEGORIES", "STAGE_GROUPS", "N2_MIN_NODES",
           "N2_MESENTERIC_MASS_CM"]

_T1A = COLORECTAL_T1A_BELOW_CM
_PANC_T1 = T_TABLES["pancreas"].size_bands[0][1]  # T1 size interval, cm
_JI = N_RULES["jejunum_ileum"]

#: Findings that set the grade (which decides whether the NET system applies) but never T, N or M.
GRADE_FIELDS = ("differentiation", "morphology", "ki67_percent", "mitoses_per_2mm2", "necrosis",
                "ne_component_percent")
#: Findings that TNM never uses: they describe function, risk factors, margins or treatment, not anatomical extent.
NOT_TNM_FIELDS = ("functioning", "syndrome", "gastric_type", "sstr_positive", "krenning_score", "progression",
                  "prior_therapies", "pfs_after_prrt_months", "liver_metastases_resectable", "lymphovascular_invasion", "appendix_base", "margin", "symptomatic")

FLAGS: dict[str, str] = {
    "not_net_staging": "NEC/MiNEN: staged with the carcinoma system of the organ, not the NET system.",
    "lung_cancer_tnm": "SCLC and LCNEC are staged with the lung cancer protocols; thymic neuroendocrine carcinomas "
                       "are not staged here either (applying the thymic system to them is debated).",
    "site_required": "The primary site is needed to stage.",
    "grade_undetermined": "Grade undetermined: the NET system assumes a well-differentiated tumour.",
    "size_boundary": "Size sits exactly on a T cut-off.",
    "depth_not_reported": "Depth of invasion not reported: T rests on size and may be higher.",
    "size_not_reported": "Size not reported: T rests on depth/invasion and may be higher.",
    "invasion_ignored": "A reported structure does not change T for this site (the reason is in the steps).",
    "depth_implied": "The depth word is not a category of this site's table; T is the one it implies (never lower).",
    "t1_subcategory_disputed": f"Colorectal T1a/T1b at exactly {_T1A:g} cm: sources disagree (< {_T1A:g} vs "
                               f"<= {_T1A:g} cm).",
    "pancreas_t1_boundary": f"Pancreatic NET of exactly {_PANC_T1.high:g} cm: T2 (T1 is {_PANC_T1.describe('cm')}); "
                            f"beware: some reprints of the table print <= {_PANC_T1.high:g}.",
    "mesenteric_mass_boundary": f"Mesenteric mass exactly {_JI.n2_mass_above_cm:g} cm: N2 needs > "
                                f"{_JI.n2_mass_above_cm:g} cm.",
    "clinical_n": "N is clinical (cN): from imaging or endoscopic ultrasound, no nodes examined.",
    "pathological_n_wins": "Both examined nodes and an imaging node status were reported: the examined nodes decide.",
    "n_subcategory_undetermined": "Nodes are positive, but the N subcategory cannot be told from what was reported "
                                  "(shown as N+).",
    "m_subcategory_undetermined": "Metastases are present, but the M subcategory cannot be told from what was "
                                  "reported (shown as M1).",
    "m_assumed_m0": "Metastatic status not reported: M0 assumed (AJCC has no MX).",
    "group_from_partial_data": "Part of TNM is unknown, but every possible value gives the same stage group.",
    "group_undetermined": "The stage group cannot be assigned from the data.",
    "thymic_tnm": "Thymic NET: staged with the thymic epithelial tumour TNM 8 (IASLC/ITMIG). That AJCC applies it "
                  "to thymic NETs rests on an American Cancer Society statement; the AJCC chapter wording was not "
                  "checked.",
    "t_not_modelled": "A reported structure has a T rule that is not modelled here: T is left open, not guessed.",
    "ajcc9_t1_nx_stage_i": "AJCC Version 9: T1 NX M0 is stage I at this site (AJCC 8 gives no group without nodes).",
    "ajcc9_not_applied": "AJCC Version 9 was requested, but its change is not verified for this site: AJCC 8 applies.",
}

#: What can decide one part of a stage (:attr:`PartReason.by`), in words.
REASON_BY: dict[str, str] = {
    "size": "the tumour size (cm), read against the size bands of the site's T table",
    "depth": "the depth of invasion (the deepest wall layer reached)",
    "invasion": "an invaded structure named in the site's T table (or none invaded, for the thymus)",
    "mesoappendix": "invasion of the mesoappendix (mm)",
    "not_assessable": "nothing that T rests on was reported (TX)",
    "not_modelled": "an invaded structure whose T rule is not modelled here (T left open, TX)",
    "nodes": "the number of positive regional lymph nodes examined",
    "mesenteric_mass": "a mesenteric mass (jejunum/ileum: above the N2 size it is N2)",
    "node_station": "the station of the positive thoracic nodes",
    "imaging": "the node status on imaging (clinical N), no nodes examined",
    "not_reported": "neither examined nodes nor imaging reported (NX)",
    "metastasis": "the distant metastases reported",
    "thoracic_metastasis": "the most advanced thoracic metastatic finding",
    "assumed": "nothing reported about distant metastases: M0 assumed (AJCC has no MX)",
    "table": "the stage-group table of the staging system, from T, N and M",
    "partial": "the stage-group table: every possible value of the unknown part gives the same group",
    "ajcc9": "AJCC Version 9: T1 NX M0 is stage I at the sites its article names",
    "undetermined": "the group depends on the unknown part of TNM",
    "not_staged": "the tumour is not staged with this system (reason in the sentence)",
}


@dataclass(frozen=True)
class PartReason:
    """Why one part of a stage is what it is, as data (self-checks read this, never the wording of the steps).

    ``part``: ``T``, ``N``, ``M`` or ``group``; ``value``: the category given (``T2``, ``cN0``, ``M1a``, ``IIIB``;
    None when there is no group); ``by``: a key of :data:`REASON_BY` (``size``, ``depth``, ``invasion``, ``nodes``,
    ``table`` ...); ``detail``: the band or word that decided, in words (``> 1 cm and <= 2 cm``, ``muscularis
    propria``, ``12 positive nodes``, ``liver only``); ``sentence``: the step (one of :attr:`Stage.steps`) that
    explains it.
    """

    part: str
    value: str | None
    by: str
    detail: str
    sentence: str


#: Every answer stage() can give, for exercises and widgets (None = not staged here).
CATEGORIES: dict[str, tuple[str, ...]] = {"t": T_CATEGORIES, "n": N_CATEGORIES, "m": M_CATEGORIES,
                                          "group": STAGE_GROUPS}
_GEP_N = ("N0", "N1", "N2")
_GEP_M = ("M0", "M1a", "M1b", "M1c")


def stage_group(t: str, n: str, m: str, colorectal: bool = False) -> str:
    """AJCC 8 stage group of a digestive NET from known T (T1-T4), N (N0/N1/N2) and M (M0/M1a-c).

    Read from the group tables in :mod:`netlib.data.staging_tables` (``COLORECTAL_GROUPS`` when ``colorectal``).
    """
    if not isinstance(colorectal, bool):
        raise InvalidTypeError("colorectal", f"expected True or False, got {type(colorectal).__name__} {colorectal!r}")
    if t not in T_ORDER or n not in _GEP_N or m not in _GEP_M:
        bad = next(name for name, v, ok in (("t", t, T_ORDER), ("n", n, _GEP_N), ("m", m, _GEP_M)) if v not in ok)
        raise InvalidValueError(bad, f"expected T1-T4, N0-N2, M0/M1a-c; got {t!r}, {n!r}, {m!r}")
    table = COLORECTAL_GROUPS if colorectal else GEP_GROUPS
    if n not in table.n:  # colorectal N has no N2; a colorectal N2 is node-positive, grouped as N1
        n = "N1"
    return table.lookup(t, n, m)


@dataclass(frozen=True)
class Stage(Explained):
    """The result of :func:`stage`: TNM labels, stage group (None if it cannot be assigned), and why.

    ``t``, ``n``, ``m``: AJCC labels (None when not staged here). ``n`` is ``N0``/``N1``/``N2``(/``N3``) for
    examined nodes, ``cN0``/``cN1``... when only imaging gave the node status, ``N+``/``cN+`` for positive nodes
    whose subcategory cannot be told; ``m`` is ``M1`` when metastases are present but the subcategory cannot be
    told. ``edition`` is the key of the edition applied (``AJCC8`` or ``AJCC9``), ``system`` the staging system
    in words (e.g. "NET, stomach"). ``t_reason``, ``n_reason``, ``m_reason`` and ``group_reason`` say, as data
    (:class:`PartReason`), what decided each part; a tumour not staged here has only a ``group_reason``.
    """

    t: str | None
    n: str | None
    m: str | None
    group: str | None
    flags: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    edition: str = "AJCC8"
    system: str = "NET"
    t_reason: PartReason | None = None
    n_reason: PartReason | None = None
    m_reason: PartReason | None = None
    group_reason: PartReason | None = None

    @property
    def tnm(self) -> str:
        return " ".join(x for x in (self.t, self.n, self.m) if x) or "not staged"

    card_title: ClassVar[str] = "Stage"
    flag_text: ClassVar[Mapping[str, str]] = FLAGS

    def card_heading(self) -> str:
        return f"Stage - {EDITIONS[self.edition].title} ({self.system})"

    def headline(self) -> str:
        return f"Stage {self.group}" if self.group else "No stage group"

    def subtitle(self) -> str:
        return self.tnm

    def text_value(self) -> str:
        return f"{self.tnm}, " + (f"stage {self.group}" if self.group else "no stage group")


# --- helpers ------------------------------------------------------------------------------------------------
def _words(x: str) -> str:
    return x.replace("_", " ")


def _value(name: str, v: object) -> str:
    if isinstance(v, bool):
        return "yes" if v else "no"
    if name == "prior_therapies":
        from netlib.data.treatment_rules import CATEGORY_LABELS

        return ", ".join(CATEGORY_LABELS[w] for w in v) or "none"
    if isinstance(v, tuple):
        return ", ".join(_words(str(w)) for w in v) or "none"
    if name == "ki67_percent" or name == "ne_component_percent":
        return f"{v:g} %"
    if isinstance(v, float):
        return f"{v:g}"
    return _words(str(v))


def _named(f: Findings, names) -> str:
    return ", ".join(f"{FIELD_LABELS[n]} ({_value(n, getattr(f, n))})" for n in names)


def _reported(f: Findings, names) -> list[str]:
    return [n for n in names if getattr(f, n) is not None]


def _unused_steps(f: Findings, *, staged: bool, reason: str = "") -> list[str]:
    """The closing steps that name every reported finding T, N and M did not use, with the reason."""
    out = []
    if not staged:
        rest = _reported(f, [x.name for x in fields(f) if x.name != "site" and x.name not in GRADE_FIELDS
                             and x.name not in NOT_TNM_FIELDS])
        if rest:
            out.append(f"Not staged here ({reason}), so these reported findings were not used: {_named(f, rest)}.")
    grading = _reported(f, GRADE_FIELDS)
    if grading:
        out.append(f"Used for the grade, not for T, N or M: {_named(f, grading)}; the grade decides only whether "
                   "this staging system applies.")
    other = _reported(f, NOT_TNM_FIELDS)
    if other:
        # named without their values: a stage card is read before the management question of the same case, and
        # values such as a Krenning score would answer part of it
        out.append(f"Not used for TNM: {', '.join(FIELD_LABELS[n] for n in other)}. TNM describes anatomical "
                   "extent; these describe function, risk factors, margins or treatment.")
    return out


def _bad_word(field: str, value: str, where: str, allowed, hint: str = "") -> InvalidValueError:
    allowed = ", ".join(allowed) or "none"
    return InvalidValueError(field, f"{value!r} does not apply to {where}; allowed here: {allowed}"
                                    + (f" ({hint})" if hint else ""))


def _reason(why: dict, part: str, value: str | None, by: str, detail: str, sentence: str) -> str:
    """Record what decided ``part`` in ``why`` and return the sentence (already one of the steps)."""
    assert by in REASON_BY, by
    why[part] = PartReason(part, value, by, detail, sentence)
    return sentence


def _not_staged(steps: list[str]) -> dict[str, PartReason]:
    return {"group": PartReason("group", None, "not_staged", "", steps[0])}


def _stage(t, n, m, group, flags, steps, sources, edition, system, why: dict[str, PartReason]) -> Stage:
    return Stage(t, n, m, group, tuple(flags), tuple(steps), tuple(sources), edition, system,
                 why.get("T"), why.get("N"), why.get("M"), why.get("group"))


def _groups(lookup, ts, ns, ms) -> set[str]:
    return {lookup(t, n, m) for t in ts for n in ns for m in ms}


# --- digestive ----------------------------------------------------------------------------------------------
def _t_gep(f: Findings, table: TTable, flags: list, steps: list, why: dict) -> str:
    found: list[tuple[str, str, str, str]] = []  # (T, text, what decided, the band or word)
    if f.size_cm is not None:
        t, iv = table.size_category(f.size_cm)
        found.append((t, f"size {f.size_cm:g} cm is {iv.describe('cm')} -> {t}", "size", iv.describe("cm")))
        if f.size_cm in table.cutoffs():
            flags.append("pancreas_t1_boundary" if table.site == "pancreas" and f.size_cm == _PANC_T1.high
                         else "size_boundary")
    if f.depth is not None:
        if f.depth not in table.depth:
            what = ("the pancreas: its T table uses size and invaded structures, not wall layers" if not table.depth
                    else f"the {table.title} T table")
            raise _bad_word("depth", f.depth, what, table.depth, table.hints.get(f.depth, ""))
        t = table.depth[f.depth]
        found.append((t, f"depth of invasion {_words(f.depth)} -> {t}", "depth", _words(f.depth)))
        if f.depth in table.depth_notes:
            flags.append("depth_implied")
            steps.append(f"Depth of invasion '{_words(f.depth)}': {table.depth_notes[f.depth]}.")
    mm = f.mesoappendix_invasion_mm
    if mm is not None:
        if table.site != "appendix":
            steps.append(f"Mesoappendiceal invasion ({mm:g} mm) applies to the appendix only: not used for the "
                         f"{table.title}.")
        elif mm > 0:
            found.append((table.invasion["mesoappendix"], f"mesoappendiceal invasion {mm:g} mm -> "
                          f"{table.invasion['mesoappendix']} (any involvement of the mesoappendix)", "mesoappendix",
                          f"mesoappendiceal invasion {mm:g} mm"))
        elif "mesoappendix" in (f.invasion or ()):
            raise InvalidValueError("mesoappendix_invasion_mm", "0 mm contradicts invasion 'mesoappendix'; give the "
                                                                "depth of mesoappendiceal invasion in mm (> 0)")
        else:
            steps.append("Mesoappendiceal invasion 0 mm: the mesoappendix is not involved, so it does not raise T.")
    for s in f.invasion or ():
        if s in table.invasion:
            found.append((table.invasion[s], f"invaded structures: {_words(s)} -> {table.invasion[s]}", "invasion",
                          _words(s)))
        elif s in table.not_criteria:
            flags.append("invasion_ignored")
            steps.append(f"Invaded structures: {_words(s)} does not change T for the {table.title}: "
                         f"{table.not_criteria[s]}")
        else:
            raise _bad_word("invasion", s, f"the {table.title} T table", list(table.invasion) + list(table.not_criteria),
                            table.hints.get(s, "name the depth reached or adjacent_organs for another organ"))
    if f.invasion == ():
        steps.append("Invaded structures: none reported beyond the organ.")
    if not found:
        steps.append("Neither size, depth of invasion nor invaded structures were reported: T cannot be assessed "
                     "(TX).")
        _reason(why, "T", "TX", "not_assessable", "", steps[-1])
        return "TX"
    t = max((c for c, *_ in found), key=T_ORDER.index)
    _t, _text, by, detail = next(x for x in found if x[0] == t)
    steps.append("T criteria reached: " + "; ".join(text for _, text, *_ in found) + f". The highest is {t}.")
    _reason(why, "T", t, by, detail, steps[-1])
    steps.append(f"{t} for the {table.title}: {table.descriptions[t]}.")
    if f.size_cm is None and t != "T4":
        flags.append("size_not_reported")
    uses_depth = bool(table.depth) and set(table.depth.values()) - {"T1"}
    if f.depth is None and uses_depth and t not in ("T3", "T4"):
        flags.append("depth_not_reported")
        steps.append("Depth of invasion not reported: a deeper tumour would have a higher T.")
    return t


def _clinical_or_pathological(nodes: int | None, cn: str | None, flags: list, steps: list) -> tuple[bool, str]:
    """Whether N is clinical (imaging only) and its prefix ("c" or ""); examined nodes win over imaging."""
    if nodes is not None and cn is not None:
        flags.append("pathological_n_wins")
        steps.append(f"Node status on imaging ({cn}) noted, but nodes were examined (positive regional nodes: "
                     f"{nodes}): the pathological findings decide N.")
    clinical = nodes is None and cn is not None
    return clinical, "c" if clinical else ""


def _n_gep(f: Findings, site: str, flags: list, steps: list, why: dict) -> tuple[str, tuple[str, ...]]:
    """N label and the pathological categories it may stand for."""
    rule = N_RULES[site]
    nodes, mass, cn = f.regional_nodes_positive, f.mesenteric_mass_cm, f.clinical_nodes
    clinical, c = _clinical_or_pathological(nodes, cn, flags, steps)
    if rule.n2_mass_above_cm is None:
        if mass is not None:
            steps.append(f"Mesenteric mass {mass:g} cm: only the jejunum/ileum N rule uses a mesenteric mass; N for "
                         f"the {T_TABLES[site].title} rests on the regional nodes.")
        mass_n2 = False
    else:
        mass_n2 = mass is not None and mass > rule.n2_mass_above_cm
        if mass is not None and not mass_n2:
            steps.append(f"Mesenteric mass {mass:g} cm is not > {rule.n2_mass_above_cm:g} cm: not N2 by mass.")
            if mass == rule.n2_mass_above_cm:
                flags.append("mesenteric_mass_boundary")
    count_n2 = rule.n2_min_nodes is not None and nodes is not None and nodes >= rule.n2_min_nodes
    if count_n2 or mass_n2:
        if clinical and cn == "negative" and mass_n2:
            raise InvalidValueError("clinical_nodes", f"'negative' contradicts a mesenteric mass of {mass:g} cm "
                                                      f"(> {rule.n2_mass_above_cm:g} cm is nodal disease, N2)")
        if clinical:
            flags.append("clinical_n")
        steps.append(f"{c}N2: " + (f"positive regional nodes {nodes} ({rule.n2_min_nodes} or more)" if count_n2 else
                                    f"mesenteric mass {mass:g} cm > {rule.n2_mass_above_cm:g} cm") + ".")
        _reason(why, "N", c + "N2", "nodes" if count_n2 else "mesenteric_mass",
                f"{nodes} positive nodes" if count_n2 else f"a {mass:g} cm mesenteric mass", steps[-1])
        if mass_n2 and not count_n2 and nodes is not None:
            steps.append(f"Positive regional nodes: {nodes} (alone {'N0' if nodes == 0 else 'N1'}); the mesenteric "
                         "mass makes it N2.")
        return c + "N2", ("N2",)
    if nodes is not None:
        n = "N0" if nodes == 0 else "N1"
        extra = (f" (fewer than {rule.n2_min_nodes} and no mesenteric mass > {rule.n2_mass_above_cm:g} cm)"
                 if rule.n2_min_nodes is not None and n == "N1" else "")
        steps.append(f"Positive regional nodes: {nodes} -> {n}{extra}.")
        _reason(why, "N", n, "nodes", f"{nodes} positive node{'' if nodes == 1 else 's'}", steps[-1])
        return n, (n,)
    if cn is not None:
        flags.append("clinical_n")
        if cn == "negative":
            steps.append("No nodes examined; node status on imaging negative: cN0 (clinical).")
            _reason(why, "N", "cN0", "imaging", "negative on imaging", steps[-1])
            return "cN0", ("N0",)
        if rule.n2_min_nodes is not None:
            flags.append("n_subcategory_undetermined")
            steps.append(f"No nodes examined; node status on imaging positive: cN1 or cN2 (imaging cannot count "
                         f"{rule.n2_min_nodes} nodes), shown as cN+.")
            _reason(why, "N", "cN+", "imaging", "positive on imaging", steps[-1])
            return "cN+", ("N1", "N2")
        steps.append("No nodes examined; node status on imaging positive: cN1 (clinical).")
        _reason(why, "N", "cN1", "imaging", "positive on imaging", steps[-1])
        return "cN1", ("N1",)
    steps.append("Positive regional nodes not reported and no node status on imaging: NX.")
    _reason(why, "N", "NX", "not_reported", "", steps[-1])
    return "NX", rule.categories


def _stage_gep(f: Findings, g: Grade, edition: str, flags: list, steps: list) -> Stage:
    table = T_TABLES[f.site]
    system = f"NET, {table.title}"
    for name in ("thoracic_nodes", "thoracic_metastasis"):
        value = getattr(f, name)
        if value is not None:
            raise InvalidValueError(name, f"{value!r} is a lung/thymus word; it does not apply to the {table.title} "
                                          f"(site {f.site!r})")
    if g.label in ("NEC", "MiNEN"):
        steps = [f"{g.label}: the NET staging system does not apply; stage with the carcinoma system of the organ "
                 f"({CARCINOMA_SYSTEM[f.site]})."]
        steps += _unused_steps(f, staged=False, reason=f"a {g.label} is staged with the carcinoma system")
        return _stage(None, None, None, None, ("not_net_staging",), steps, table.sources, "AJCC8", system,
                      _not_staged(steps))
    steps.append(f"Site: {table.title}, staged with the AJCC 8 NET T table of this site.")
    if g.label == "undetermined":
        flags.append("grade_undetermined")
        steps.append("Grade undetermined: staged with the NET system, which assumes a well-differentiated tumour.")
    why: dict[str, PartReason] = {}
    t = _t_gep(f, table, flags, steps, why)
    n, ns = _n_gep(f, f.site, flags, steps, why)
    # M
    if f.metastasis is None:
        m = "M0"
        flags.append("m_assumed_m0")
        steps.append("Distant metastases not reported: M0 assumed.")
        _reason(why, "M", m, "assumed", "", steps[-1])
    else:
        m = M_CATEGORY[f.metastasis]
        steps.append({"M0": "No distant metastases: M0.", "M1a": "Distant metastases in the liver only: M1a.",
                      "M1b": "Distant metastases outside the liver only: M1b.",
                      "M1c": "Distant metastases in the liver and outside it: M1c."}[m])
        _reason(why, "M", m, "metastasis", _words(f.metastasis), steps[-1])
    # group
    ts = T_ORDER if t == "TX" else (t,)
    groups = _groups(lambda a, b, c: stage_group(a, b, c, table.colorectal_groups), ts, ns, (m,))
    sources = list(table.sources)
    ed = EDITIONS[edition]
    group: str | None
    if len(groups) == 1:
        group = groups.pop()
        if t == "TX" or len(ns) > 1:
            flags.append("group_from_partial_data")
            steps.append(f"Stage {group} whatever the unknown part of TNM.")
            _reason(why, "group", group, "partial", "AJCC 8 stage groups", steps[-1])
        else:
            steps.append(f"{t} {n} {m} -> stage {group} (AJCC 8).")
            _reason(why, "group", group, "table", "AJCC 8 stage groups", steps[-1])
    else:
        group = None
        if edition != "AJCC8" and (t, n, m) == ("T1", "NX", "M0"):
            if f.site in ed.t1_nx_m0_stage_i_sites:
                group = "I"
                flags.append("ajcc9_t1_nx_stage_i")
                sources += [s for s in ed.sources if s not in sources]
                steps.append(f"T1 NX M0 -> stage I ({ed.title}: for the {table.title} a T1 tumour removed without "
                             "nodal sampling, e.g. endoscopically, is stage I; AJCC 8 gives no group).")
                _reason(why, "group", group, "ajcc9", ed.title, steps[-1])
            else:
                flags.append("ajcc9_not_applied")
                steps.append(f"{ed.title} makes T1 NX M0 stage I only at the sites its article names; the "
                             f"{table.title} is not among them, so the AJCC 8 rule applies.")
        if group is None:
            flags.append("group_undetermined")
            possible = ", ".join(sorted(groups, key=GROUP_ORDER.index))
            steps.append(f"The stage group depends on the unknown part of TNM ({possible}).")
            _reason(why, "group", None, "undetermined", possible, steps[-1])
    if edition != "AJCC8":
        steps.append(f"Edition: {ed.title}. {ed.note} Everything else above is AJCC 8, unchanged.")
    if table.colorectal_groups and t == "T1" and f.size_cm is not None:
        t1b = table.size_bands[0][1].high  # colorectal T1 ends at 2 cm
        if f.size_cm == _T1A:
            flags.append("t1_subcategory_disputed")
            steps.append(f"Exactly {_T1A:g} cm: T1b under '< {_T1A:g} cm = T1a', T1a under '<= {_T1A:g} cm'; stage I "
                         "either way.")
        else:
            steps.append(f"T1{'a' if f.size_cm < _T1A else 'b'} (< {_T1A:g} cm = T1a, {_T1A:g}-{t1b:g} cm = T1b); "
                         "stage I either way.")
    if N_RULES[f.site].n2_min_nodes is not None:
        sources += [s for s in N_RULES[f.site].sources if s not in sources]
    steps += _unused_steps(f, staged=True)
    return _stage(t, n, m, group, dict.fromkeys(flags), steps, sources, edition, system, why)


# --- thoracic -----------------------------------------------------------------------------------------------
def _t_thoracic(f: Findings, table: ThoracicTable, flags: list, steps: list,
                why: dict) -> tuple[str, tuple[str, ...]]:
    found: list[tuple[str, str, str, str]] = []  # (T, text, what decided, the band or word)
    open_above = False
    if f.size_cm is not None:
        if table.size_bands:
            t, iv = table.size_category(f.size_cm)
            found.append((t, f"size {f.size_cm:g} cm is {iv.describe('cm')} -> {t}", "size", iv.describe("cm")))
            if f.size_cm in table.cutoffs():
                flags.append("size_boundary")
                steps.append(f"Size {f.size_cm:g} cm sits exactly on a cut-off: the upper bounds are inclusive, so it "
                             f"is {t}.")
        else:
            steps.append(f"Size {f.size_cm:g} cm: not a T criterion in the thymic TNM 8 (the invaded structures "
                         "decide; UICC TNM 9 brings size back).")
    if f.invasion is None:
        if table.no_invasion_t is not None:
            steps.append("Invaded structures not reported: the thymic T rests on them, so T cannot be assessed. "
                         f"Report an empty list when nothing is invaded ({table.no_invasion_t}).")
    elif not f.invasion:
        if table.no_invasion_t is not None:
            found.append((table.no_invasion_t, f"invaded structures: none -> {table.no_invasion_t}", "invasion",
                          "no structure invaded"))
        else:
            steps.append("Invaded structures: none reported.")
    for s in f.invasion or ():
        if s in table.invasion:
            found.append((table.invasion[s], f"invaded structures: {_words(s)} -> {table.invasion[s]}", "invasion",
                          _words(s)))
        elif s in table.not_modelled:
            open_above = True
            flags.append("t_not_modelled")
            steps.append(f"Invaded structures: {_words(s)}: {table.not_modelled[s]}.")
        else:
            raise _bad_word("invasion", s, f"the {table.title} T", list(table.invasion) + list(table.not_modelled),
                            table.hints.get(s, ""))
    if "T2a" in {c for c, *_ in found} and any(table.invasion.get(s) == "T2a" for s in f.invasion or ()):
        steps.append(f"A T2 by invasion is {table.invasion_t2['T2a']}.")
    if not found and not open_above:
        steps.append("T cannot be assessed from what was reported (TX).")
        _reason(why, "T", "TX", "not_assessable", "", steps[-1])
        return "TX", table.t
    low = max((c for c, *_ in found), key=table.t.index) if found else table.t[0]
    if found:
        steps.append("T criteria reached: " + "; ".join(text for _, text, *_ in found) + f". The highest is {low}.")
        _t, _text, by, detail = next(x for x in found if x[0] == low)
        _reason(why, "T", low, by, detail, steps[-1])
    if open_above and low != table.t[-1]:
        possible = table.t[table.t.index(low):]
        steps.append(f"T is at least {low}, but a structure whose rule is not modelled here could raise it: T is "
                     f"left open ({', '.join(possible)}), shown as TX.")
        _reason(why, "T", "TX", "not_modelled", ", ".join(possible), steps[-1])
        return "TX", possible
    steps.append(f"{low} for the {table.title}: {table.descriptions[low]}.")
    return low, (low,)


def _n_thoracic(f: Findings, table: ThoracicTable, flags: list, steps: list,
                why: dict) -> tuple[str, tuple[str, ...]]:
    nodes, cn, station = f.regional_nodes_positive, f.clinical_nodes, f.thoracic_nodes
    if station is not None and station not in table.nodes:
        raise _bad_word("thoracic_nodes", station, f"the {table.site} (it is a "
                        f"{THORACIC_WORD_MEANINGS[station][0]} node station)", table.nodes)
    if station is not None and nodes == 0:
        raise InvalidValueError("thoracic_nodes", f"{station!r} contradicts regional_nodes_positive=0")
    if station is not None and nodes is None and cn == "negative":
        raise InvalidValueError("clinical_nodes", f"'negative' contradicts the node station thoracic_nodes={station!r}")
    if mass := f.mesenteric_mass_cm:
        steps.append(f"Mesenteric mass {mass:g} cm: a jejunum/ileum criterion, not used for the {table.site}.")
    clinical, c = _clinical_or_pathological(nodes, cn, flags, steps)
    if clinical:
        flags.append("clinical_n")
    if station is not None:
        n = table.nodes[station]
        steps.append(f"Thoracic node station: {THORACIC_WORD_MEANINGS[station][1]} -> {c}{n}"
                     + (" (clinical, from imaging)" if clinical else "") + ".")
        _reason(why, "N", c + n, "node_station", THORACIC_WORD_MEANINGS[station][1], steps[-1])
        return c + n, (n,)
    if nodes is not None:
        if nodes == 0:
            steps.append("Positive regional nodes: 0 -> N0.")
            _reason(why, "N", "N0", "nodes", "0 positive nodes", steps[-1])
            return "N0", ("N0",)
        flags.append("n_subcategory_undetermined")
        steps.append(f"Positive regional nodes: {nodes}, but the {table.site} N depends on the node station (not "
                     f"the count), which was not reported: {' or '.join(table.n[1:])}, shown as N+.")
        _reason(why, "N", "N+", "nodes", f"{nodes} positive node{'' if nodes == 1 else 's'}, station not reported",
                steps[-1])
        return "N+", table.n[1:]
    if cn == "negative":
        steps.append("No nodes examined; node status on imaging negative: cN0 (clinical).")
        _reason(why, "N", "cN0", "imaging", "negative on imaging", steps[-1])
        return "cN0", ("N0",)
    if cn == "positive":
        flags.append("n_subcategory_undetermined")
        steps.append(f"No nodes examined; node status on imaging positive, station not reported: "
                     f"{' or '.join('c' + x for x in table.n[1:])}, shown as cN+.")
        _reason(why, "N", "cN+", "imaging", "positive on imaging, station not reported", steps[-1])
        return "cN+", table.n[1:]
    steps.append("Positive regional nodes not reported and no node status on imaging: NX.")
    _reason(why, "N", "NX", "not_reported", "", steps[-1])
    return "NX", table.n


def _m_thoracic(f: Findings, table: ThoracicTable, flags: list, steps: list,
                why: dict) -> tuple[str, tuple[str, ...]]:
    tm = f.thoracic_metastasis
    if tm is not None and tm not in table.metastasis:
        raise _bad_word("thoracic_metastasis", tm, f"the {table.site} (it is a {THORACIC_WORD_MEANINGS[tm][0]} word)",
                        table.metastasis)
    if tm is not None and f.metastasis == "none":
        raise InvalidValueError("thoracic_metastasis", f"{tm!r} contradicts metastasis='none'")
    if tm is None and f.metastasis is None:
        flags.append("m_assumed_m0")
        steps.append("Distant metastases not reported: M0 assumed.")
        _reason(why, "M", "M0", "assumed", "", steps[-1])
        return "M0", ("M0",)
    from_met = table.m_from_metastasis[f.metastasis] if f.metastasis is not None else None
    if f.metastasis is not None:
        steps.append(f"Distant metastases reported as {_words(f.metastasis)}: {' or '.join(from_met)} for the "
                     f"{table.site}.")
        _reason(why, "M", None, "metastasis", _words(f.metastasis), steps[-1])
    possible = from_met
    if tm is not None:  # the most advanced finding: it decides within what 'metastasis' allows
        m = table.metastasis[tm]
        if from_met is not None and m not in from_met:
            raise InvalidValueError("thoracic_metastasis", f"{tm!r} ({m}) contradicts metastasis="
                                    f"{f.metastasis!r} ({' or '.join(from_met)} for the {table.site}); give the most "
                                    "advanced metastatic finding")
        steps.append(f"Thoracic metastasis category (the most advanced finding): {THORACIC_WORD_MEANINGS[tm][1]} -> "
                     f"{m}.")
        _reason(why, "M", m, "thoracic_metastasis", THORACIC_WORD_MEANINGS[tm][1], steps[-1])
        possible = (m,)
    if len(possible) == 1:
        why["M"] = dataclasses.replace(why["M"], value=possible[0])
        return possible[0], possible
    flags.append("m_subcategory_undetermined")
    steps.append(f"M is {' or '.join(possible)}: the words given do not decide (report the thoracic metastasis "
                 "category), shown as M1.")
    why["M"] = dataclasses.replace(why["M"], value="M1", sentence=steps[-1])
    return "M1", possible


def _stage_thoracic(f: Findings, g: Grade, edition: str, flags: list, steps: list) -> Stage:
    table = THORACIC_TABLES[f.site]
    system = table.system
    if g.label in ("SCLC", "LCNEC"):
        steps = [f"{g.label}: not staged here. Lung SCLC and LCNEC are staged with the lung cancer protocols; "
                 "applying the thymic system to thymic neuroendocrine carcinomas is debated."]
        steps += _unused_steps(f, staged=False, reason=f"{g.label} is a neuroendocrine carcinoma")
        return _stage(None, None, None, None, ("lung_cancer_tnm",), steps, table.sources, "AJCC8", system,
                      _not_staged(steps))
    if f.depth is not None:
        raise _bad_word("depth", f.depth, f"the {table.site}: wall layers describe the digestive tract; use the "
                                          "invaded structures", ())
    steps.append(f"Site: {f.site}. Staged with the {table.system} ({table.title}), not with a digestive NET table.")
    if f.site == "thymus":
        flags.append("thymic_tnm")
        steps.append("Less certain: that AJCC applies the thymic epithelial tumour system to thymic NETs is stated by "
                     "the American Cancer Society; this course has not checked the AJCC chapter itself.")
    if g.label == "undetermined":
        flags.append("grade_undetermined")
        steps.append("Grade undetermined: staged as a carcinoid; an SCLC or LCNEC would not be staged here.")
    why: dict[str, PartReason] = {}
    t, ts = _t_thoracic(f, table, flags, steps, why)
    n, ns = _n_thoracic(f, table, flags, steps, why)
    m, ms = _m_thoracic(f, table, flags, steps, why)
    if f.mesoappendix_invasion_mm is not None:
        steps.append(f"Mesoappendiceal invasion ({f.mesoappendix_invasion_mm:g} mm) applies to the appendix only: not "
                     f"used for the {f.site}.")
    groups = _groups(table.groups.lookup, ts, ns, ms)
    if len(groups) == 1:
        group = groups.pop()
        if len(ts) * len(ns) * len(ms) > 1:
            flags.append("group_from_partial_data")
            steps.append(f"Stage {group} whatever the unknown part of TNM.")
            _reason(why, "group", group, "partial", table.groups.title, steps[-1])
        else:
            steps.append(f"{t} {n} {m} -> stage {group} ({table.groups.title}).")
            _reason(why, "group", group, "table", table.groups.title, steps[-1])
    else:
        group = None
        flags.append("group_undetermined")
        possible = ", ".join(sorted(groups, key=GROUP_ORDER.index))
        steps.append(f"The stage group depends on the unknown part of TNM ({possible}).")
        _reason(why, "group", None, "undetermined", possible, steps[-1])
    if edition != "AJCC8":
        steps.append(f"{EDITIONS[edition].title} covers digestive NETs only: the {f.site} is staged with TNM 8 "
                     "(AJCC 8).")
    steps += list(table.caveats)
    steps += _unused_steps(f, staged=True)
    return _stage(t, n, m, group, dict.fromkeys(flags), steps, table.sources, "AJCC8", system, why)


# --- entry point ----------------------------------------------------------------------------------------------
def stage(findings: Findings, grade_result: Grade | None = None, edition: str = "AJCC8") -> Stage:
    """Stage a well-differentiated NET and explain each part.

    Digestive sites: AJCC 8th edition NET TNM (``edition="AJCC9"`` applies AJCC Version 9's verified change, T1 NX
    M0 = stage I for stomach, duodenum, colon, rectum and appendix). Thymus: thymic epithelial tumour TNM 8
    (IASLC/ITMIG). Lung carcinoids: lung cancer TNM 8. Raises :class:`~netlib.errors.InvalidValueError` naming
    the field for a word that does not apply to the site, and ``edition`` for an unknown edition.
    """
    checks.instance("findings", findings, Findings, "a netlib.Findings")
    checks.instance("grade_result", grade_result, (Grade, type(None)), "a netlib.Grade or None")
    checks.choice("edition", edition, tuple(EDITIONS))
    f = findings
    if f.site is None or f.site == "unknown_primary":
        steps = ["Staging needs the primary site; " + ("it was not reported." if f.site is None else
                                                        "the primary is unknown.")]
        steps += _unused_steps(f, staged=False, reason="no primary site")
        return _stage(None, None, None, None, ("site_required",), steps, (), edition, "NET", _not_staged(steps))
    g = grade_result if grade_result is not None else grade(f)
    if f.site in THORACIC_TABLES:
        return _stage_thoracic(f, g, edition, [], [])
    return _stage_gep(f, g, edition, [], [])
