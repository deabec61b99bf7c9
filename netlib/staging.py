"""AJCC 8th edition TNM staging of well-differentiated NETs (G1-G3), explained.

T criteria per site are data (:data:`T_TABLES`): each site maps tumour size bands, depth of
invasion and invaded structures to a T category, and T is the highest category any reported
finding reaches. N and M follow the shared rules (jejunum/ileum adds N2). Stage groups are
looked up from T, N and M; where part of TNM is unknown, a group is still given when every
possible value of the unknown part leads to the same group.
NEC and MiNEN are staged with the carcinoma system of the organ; lung and thymus with the lung
cancer TNM: neither is done here.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from netlib import checks
from netlib.data.staging_tables import (
    CARCINOMA_SYSTEM,
    COLORECTAL_T1A_BELOW_CM,
    M_CATEGORY,
    N2_MESENTERIC_MASS_CM,
    N2_MIN_NODES,
    T_ORDER,
    T_TABLES,
    TTable,
)
from netlib.errors import InvalidTypeError, InvalidValueError
from netlib.findings import Findings
from netlib.grading import Grade, grade
from netlib.results import Explained

__all__ = ["TTable", "T_TABLES", "Stage", "stage", "stage_group", "FLAGS"]

_T1A = COLORECTAL_T1A_BELOW_CM
_PANC_T1 = T_TABLES["pancreas"].size_bands[0][1]  # T1 size interval, cm

FLAGS: dict[str, str] = {
    "not_net_staging": "NEC/MiNEN: staged with the carcinoma system of the organ, not the NET system.",
    "lung_cancer_tnm": "Lung and thymic NENs are staged with the lung cancer TNM; no NET table applies.",
    "site_required": "The primary site is needed to stage.",
    "grade_undetermined": "Grade undetermined: the NET system assumes a well-differentiated tumour.",
    "size_boundary": "Size sits exactly on a T cut-off.",
    "depth_not_reported": "Depth of invasion not reported: T rests on size and may be higher.",
    "size_not_reported": "Size not reported: T rests on depth/invasion and may be higher.",
    "invasion_ignored": "A reported structure does not change T for this site.",
    "t1_subcategory_disputed": f"Colorectal T1a/T1b at exactly {_T1A:g} cm: sources disagree (< {_T1A:g} vs "
                               f"<= {_T1A:g} cm).",
    "pancreas_t1_boundary": f"Pancreatic NET of exactly {_PANC_T1.high:g} cm: T2 (T1 is {_PANC_T1.describe('cm')}); "
                            f"one transcription says <= {_PANC_T1.high:g}.",
    "mesenteric_mass_boundary": f"Mesenteric mass exactly {N2_MESENTERIC_MASS_CM:g} cm: N2 needs > "
                                f"{N2_MESENTERIC_MASS_CM:g} cm.",
    "m_assumed_m0": "Metastatic status not reported: M0 assumed (AJCC has no MX).",
    "group_from_partial_data": "Part of TNM is unknown, but every possible value gives the same stage group.",
    "group_undetermined": "The stage group cannot be assigned from the data.",
}


def stage_group(t: str, n: str, m: str, colorectal: bool = False) -> str:
    """AJCC 8 stage group from known T (T1-T4), N (N0/N1/N2) and M (M0/M1a-c)."""
    if not isinstance(colorectal, bool):
        raise InvalidTypeError("colorectal", f"expected True or False, got {type(colorectal).__name__} {colorectal!r}")
    if t not in T_ORDER or n not in ("N0", "N1", "N2") or m not in ("M0", "M1a", "M1b", "M1c"):
        bad = next(name for name, v, ok in (("t", t, T_ORDER), ("n", n, ("N0", "N1", "N2")),
                                            ("m", m, ("M0", "M1a", "M1b", "M1c"))) if v not in ok)
        raise InvalidValueError(bad, f"expected T1-T4, N0-N2, M0/M1a-c; got {t!r}, {n!r}, {m!r}")
    if m != "M0":
        return "IV"
    if n != "N0":
        return "IIIB" if colorectal else "III"
    if t == "T1":
        return "I"
    if t == "T4":
        return "IIIA" if colorectal else "III"
    if colorectal:
        return "IIA" if t == "T2" else "IIB"
    return "II"


@dataclass(frozen=True)
class Stage(Explained):
    """The result of :func:`stage`: AJCC labels, stage group (None if it cannot be assigned), and why."""

    t: str | None
    n: str | None
    m: str | None
    group: str | None
    flags: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def tnm(self) -> str:
        return " ".join(x for x in (self.t, self.n, self.m) if x) or "not staged"

    card_title: ClassVar[str] = "Stage"
    flag_text: ClassVar[Mapping[str, str]] = FLAGS

    def card_heading(self) -> str:
        return "Stage - AJCC 8th edition (NET)"

    def headline(self) -> str:
        return f"Stage {self.group}" if self.group else "No stage group"

    def subtitle(self) -> str:
        return self.tnm

    def text_value(self) -> str:
        return f"{self.tnm}, group {self.group}"


def _t_category(f: Findings, table: TTable, flags: list, steps: list) -> str:
    found: list[tuple[str, str]] = []
    if f.size_cm is not None:
        t, iv = table.size_category(f.size_cm)
        found.append((t, f"size {f.size_cm:g} cm is {iv.describe('cm')} -> {t}"))
        if f.size_cm in table.cutoffs():
            flags.append("pancreas_t1_boundary" if table.site == "pancreas" and f.size_cm == _PANC_T1.high
                         else "size_boundary")
    if f.depth is not None:
        if f.depth in table.depth:
            found.append((table.depth[f.depth], f"depth '{f.depth}' -> {table.depth[f.depth]}"))
        else:
            steps.append(f"Depth '{f.depth}' is not a criterion of the {table.title} T table.")
    if f.mesoappendix_invasion_mm and table.site == "appendix" and "mesoappendix" in table.invasion:
        found.append(("T3", f"mesoappendix invaded ({f.mesoappendix_invasion_mm:g} mm) -> T3"))
    for s in f.invasion or ():
        if s in table.invasion:
            found.append((table.invasion[s], f"invades {s.replace('_', ' ')} -> {table.invasion[s]}"))
        else:
            flags.append("invasion_ignored")
            extra = (" (extension into peripancreatic fat is not a pancreatic T criterion)"
                     if s == "peripancreatic_fat" and table.site == "pancreas" else "")
            steps.append(f"Invasion of {s.replace('_', ' ')} does not change T for the {table.title}{extra}.")
    if not found:
        steps.append("Neither size, depth nor invasion was reported: T cannot be assessed (TX).")
        return "TX"
    t = max((c for c, _ in found), key=T_ORDER.index)
    steps.append("T criteria reached: " + "; ".join(why for _, why in found) + f". The highest is {t}.")
    steps.append(f"{t} for the {table.title}: {table.descriptions[t]}.")
    if f.size_cm is None and t != "T4":
        flags.append("size_not_reported")
    uses_depth = bool(table.depth) and set(table.depth.values()) - {"T1"}
    if f.depth is None and uses_depth and t not in ("T3", "T4"):
        flags.append("depth_not_reported")
        steps.append("Depth of invasion not reported: a deeper tumour would have a higher T.")
    return t


def stage(findings: Findings, grade_result: Grade | None = None) -> Stage:
    """Stage a well-differentiated GEP NET with AJCC 8th edition TNM and explain each part."""
    checks.instance("findings", findings, Findings, "a netlib.Findings")
    checks.instance("grade_result", grade_result, (Grade, type(None)), "a netlib.Grade or None")
    g = grade_result if grade_result is not None else grade(findings)
    flags: list[str] = []
    steps: list[str] = []
    f = findings
    if f.site is None or f.site == "unknown_primary":
        return Stage(None, None, None, None, ("site_required",),
                     ("Staging needs the primary site; "
                      + ("it was not reported." if f.site is None else "the primary is unknown.")), ())
    if f.site in ("lung", "thymus"):
        return Stage(None, None, None, None, ("lung_cancer_tnm",),
                     (f"{f.site.capitalize()}: NENs here are staged with the lung cancer TNM (AJCC 8th ed.), "
                      "not with a NET table.",), ("lung_net_tnm",))
    table = T_TABLES[f.site]
    if g.label in ("NEC", "MiNEN"):
        return Stage(None, None, None, None, ("not_net_staging",),
                     (f"{g.label}: the NET staging system does not apply; stage with the carcinoma system of the "
                      f"organ ({CARCINOMA_SYSTEM[f.site]}).",),
                     table.sources)
    if g.label == "undetermined":
        flags.append("grade_undetermined")
        steps.append("Grade undetermined: staged with the NET system, which assumes a well-differentiated tumour.")
    t = _t_category(f, table, flags, steps)
    # N
    nodes, mass = f.regional_nodes_positive, f.mesenteric_mass_cm
    many_nodes = nodes is not None and nodes >= N2_MIN_NODES
    if table.n2_rule and (many_nodes or (mass is not None and mass > N2_MESENTERIC_MASS_CM)):
        n = "N2"
        steps.append("N2: " + (f"{N2_MIN_NODES} or more positive nodes" if many_nodes else
                               f"mesenteric mass {mass:g} cm > {N2_MESENTERIC_MASS_CM:g} cm") + ".")
    elif nodes is None:
        n = "NX"
        steps.append("Regional nodes not reported: NX.")
    else:
        n = "N0" if nodes == 0 else "N1"
        rule = (f" (fewer than {N2_MIN_NODES} and no mesenteric mass > {N2_MESENTERIC_MASS_CM:g} cm)"
                if table.n2_rule and n == "N1" else "")
        steps.append(f"{nodes} positive regional node(s): {n}{rule}.")
    if table.n2_rule and mass == N2_MESENTERIC_MASS_CM:
        flags.append("mesenteric_mass_boundary")
    # M
    if f.metastasis is None:
        m = "M0"
        flags.append("m_assumed_m0")
        steps.append("Distant metastasis not reported: M0 assumed.")
    else:
        m = M_CATEGORY[f.metastasis]
        steps.append(f"Metastasis '{f.metastasis.replace('_', ' ')}': {m}"
                     + {"M1a": " (liver only)", "M1b": " (extrahepatic only)", "M1c": " (liver and extrahepatic)"}
                     .get(m, "") + ".")
    # group
    ts = T_ORDER if t == "TX" else (t,)
    ns = (("N0", "N1", "N2") if table.n2_rule else ("N0", "N1")) if n == "NX" else (n,)
    groups = {stage_group(a, b, m, table.colorectal_groups) for a in ts for b in ns}
    if len(groups) == 1:
        group = groups.pop()
        if t == "TX" or n == "NX":
            flags.append("group_from_partial_data")
            steps.append(f"Stage {group} whatever the unknown part of TNM.")
        else:
            steps.append(f"{t} {n} {m} -> stage {group}.")
    else:
        group = None
        flags.append("group_undetermined")
        steps.append("The stage group depends on the unknown part of TNM (" + ", ".join(sorted(groups)) + ").")
    if table.colorectal_groups and t == "T1" and f.size_cm is not None:
        t1b = T_TABLES[f.site].size_bands[0][1].high  # colorectal T1 ends at 2 cm
        if f.size_cm == _T1A:
            flags.append("t1_subcategory_disputed")
            steps.append(f"Exactly {_T1A:g} cm: T1b under '< {_T1A:g} cm = T1a', T1a under '<= {_T1A:g} cm'; stage I "
                         "either way.")
        else:
            steps.append(f"T1{'a' if f.size_cm < _T1A else 'b'} (< {_T1A:g} cm = T1a, {_T1A:g}-{t1b:g} cm = T1b); "
                         "stage I either way.")
    return Stage(t, n, m, group, tuple(dict.fromkeys(flags)), tuple(steps), table.sources)
