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

import math
from dataclasses import dataclass
from typing import Mapping

from . import cards
from .criteria import Interval
from .findings import Findings
from .grading import Grade, grade

__all__ = ["TTable", "T_TABLES", "Stage", "stage", "stage_group", "FLAGS"]

FLAGS: dict[str, str] = {
    "not_net_staging": "NEC/MiNEN: staged with the carcinoma system of the organ, not the NET system.",
    "lung_cancer_tnm": "Lung and thymic NENs are staged with the lung cancer TNM; no NET table applies.",
    "site_required": "The primary site is needed to stage.",
    "grade_undetermined": "Grade undetermined: the NET system assumes a well-differentiated tumour.",
    "size_boundary": "Size sits exactly on a T cut-off.",
    "depth_not_reported": "Depth of invasion not reported: T rests on size and may be higher.",
    "size_not_reported": "Size not reported: T rests on depth/invasion and may be higher.",
    "invasion_ignored": "A reported structure does not change T for this site.",
    "t1_subcategory_disputed": "Colorectal T1a/T1b at exactly 1 cm: sources disagree (< 1 vs <= 1 cm).",
    "pancreas_t1_boundary": "Pancreatic NET of exactly 2.0 cm: T2 (T1 is < 2 cm); one transcription says <= 2.",
    "mesenteric_mass_boundary": "Mesenteric mass exactly 2 cm: N2 needs > 2 cm.",
    "m_assumed_m0": "Metastatic status not reported: M0 assumed (AJCC has no MX).",
    "group_from_partial_data": "Part of TNM is unknown, but every possible value gives the same stage group.",
    "group_undetermined": "The stage group cannot be assigned from the data.",
}


@dataclass(frozen=True)
class TTable:
    """AJCC 8 T criteria of one site, as data.

    ``size_bands``: (T, interval in cm) covering all sizes; ``depth``: depth word -> T;
    ``invasion``: invaded structure -> T. T = the highest category reached.
    """

    site: str
    title: str
    size_bands: tuple[tuple[str, Interval], ...]
    depth: Mapping[str, str]
    invasion: Mapping[str, str]
    descriptions: Mapping[str, str]
    sources: tuple[str, ...]
    colorectal_groups: bool = False
    n2_rule: bool = False

    def size_category(self, size_cm: float) -> tuple[str, Interval]:
        for t, iv in self.size_bands:
            if size_cm in iv:
                return t, iv
        raise AssertionError(f"{self.site}: size {size_cm} not covered")  # tests prove coverage

    def cutoffs(self) -> tuple[float, ...]:
        return tuple(sorted({iv.low for _t, iv in self.size_bands if iv.low > 0}))

    def rows(self) -> list[dict[str, str]]:
        """One row per T category: what reaches it by size, by depth and by invasion."""
        out = []
        for t in _T_ORDER:
            sizes = [iv.describe("cm") for c, iv in self.size_bands if c == t]
            depths = [d.replace("_", " ") for d, c in self.depth.items() if c == t]
            inv = [s.replace("_", " ") for s, c in self.invasion.items() if c == t]
            out.append({"T": t, "size": ", ".join(sizes) or "-", "depth": ", ".join(depths) or "-",
                        "invades": ", ".join(inv) or "-", "in words": self.descriptions[t]})
        return out

    def to_markdown(self) -> str:
        """The T table of this site in Markdown (our wording of AJCC 8)."""
        rows = self.rows()
        cols = list(rows[0])
        lines = [f"**{self.title}**", "", "| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
        lines += ["| " + " | ".join(r[c] for c in cols) + " |" for r in rows]
        if self.site == "pancreas":
            lines.append("\nExtension into peripancreatic fat does not change pancreatic T.")
        if self.n2_rule:
            lines.append("\nN1: fewer than 12 positive nodes; N2: 12 or more, or a mesenteric mass > 2 cm.")
        return "\n".join(lines)


def _iv(lo, hi, lo_closed=True, hi_closed=False):
    return Interval(float(lo), float(hi), lo_closed, hi_closed)


INF = math.inf
_GI = ("ajcc8_gi_net",)
_WALL = {"mucosa": "T1", "submucosa": "T1", "muscularis_propria": "T2", "subserosa": "T3", "serosa": "T4"}
_T4_PERITONEUM = {"visceral_peritoneum": "T4", "adjacent_organs": "T4"}

T_TABLES: dict[str, TTable] = {t.site: t for t in (
    TTable("stomach", "Stomach",
           size_bands=(("T1", _iv(0, 1, True, True)), ("T2", _iv(1, INF, False))),
           depth=_WALL, invasion={**_T4_PERITONEUM, "pancreas": "T4", "spleen": "T4", "colon": "T4",
                                  "adrenal": "T4"},
           descriptions={"T1": "lamina propria or submucosa, and <= 1 cm",
                         "T2": "muscularis propria, or > 1 cm",
                         "T3": "through the muscularis propria into subserosa, serosa intact",
                         "T4": "visceral peritoneum (serosa) or adjacent organs"},
           sources=_GI),
    TTable("duodenum", "Duodenum (non-ampullary)",
           size_bands=(("T1", _iv(0, 1, True, True)), ("T2", _iv(1, INF, False))),
           depth={"mucosa": "T1", "submucosa": "T1", "muscularis_propria": "T2", "serosa": "T4"},
           invasion={"pancreas": "T3", "peripancreatic_fat": "T3", **_T4_PERITONEUM, "stomach": "T4",
                     "colon": "T4"},
           descriptions={"T1": "mucosa or submucosa only, and <= 1 cm",
                         "T2": "muscularis propria, or > 1 cm",
                         "T3": "pancreas or peripancreatic fat",
                         "T4": "visceral peritoneum (serosa) or other organs"},
           sources=_GI),
    TTable("ampulla", "Ampulla of Vater",
           size_bands=(("T1", _iv(0, 1, True, True)), ("T2", _iv(1, INF, False))),
           depth={"confined_to_sphincter_of_oddi": "T1", "submucosa": "T2", "muscularis_propria": "T2",
                  "serosa": "T4"},
           invasion={"pancreas": "T3", "peripancreatic_fat": "T3", **_T4_PERITONEUM},
           descriptions={"T1": "<= 1 cm and confined to the sphincter of Oddi",
                         "T2": "through the sphincter into duodenal submucosa or muscularis propria, or > 1 cm",
                         "T3": "pancreas or peripancreatic fat",
                         "T4": "visceral peritoneum (serosa) or other organs"},
           sources=_GI),
    TTable("jejunum_ileum", "Jejunum and ileum",
           size_bands=(("T1", _iv(0, 1, True, True)), ("T2", _iv(1, INF, False))),
           depth=_WALL, invasion=dict(_T4_PERITONEUM),
           descriptions={"T1": "lamina propria or submucosa, and <= 1 cm",
                         "T2": "muscularis propria, or > 1 cm",
                         "T3": "through the muscularis propria into subserosa",
                         "T4": "visceral peritoneum (serosa) or other organs"},
           sources=_GI, n2_rule=True),
    TTable("appendix", "Appendix",
           size_bands=(("T1", _iv(0, 2, True, True)), ("T2", _iv(2, 4, False, True)), ("T3", _iv(4, INF, False))),
           depth={"mucosa": "T1", "submucosa": "T1", "muscularis_propria": "T1", "subserosa": "T3",
                  "serosa": "T4"},
           invasion={"mesoappendix": "T3", **_T4_PERITONEUM},
           descriptions={"T1": "<= 2 cm", "T2": "> 2 cm and <= 4 cm",
                         "T3": "> 4 cm, or subserosal invasion, or mesoappendix involvement",
                         "T4": "perforates the peritoneum or invades adjacent organs or structures"},
           sources=_GI),
    TTable("colon", "Colon",
           size_bands=(("T1", _iv(0, 2, True, True)), ("T2", _iv(2, INF, False))),
           depth={**_WALL, "beyond_wall": "T3"}, invasion=dict(_T4_PERITONEUM),
           descriptions={"T1": "lamina propria or submucosa, and <= 2 cm (T1a < 1 cm, T1b 1-2 cm)",
                         "T2": "muscularis propria, or > 2 cm with lamina propria/submucosal invasion",
                         "T3": "through the muscularis propria into subserosa or non-peritonealised "
                               "pericolic tissue",
                         "T4": "visceral peritoneum (serosa) or other organs"},
           sources=_GI + ("enets_colorectal_tnm",), colorectal_groups=True),
    TTable("pancreas", "Pancreas",
           size_bands=(("T1", _iv(0, 2)), ("T2", _iv(2, 4, True, True)), ("T3", _iv(4, INF, False))),
           depth={},
           invasion={"duodenum": "T3", "common_bile_duct": "T3", "stomach": "T4", "spleen": "T4", "colon": "T4",
                     "adrenal": "T4", "coeliac_axis": "T4", "sma": "T4", "adjacent_organs": "T4"},
           descriptions={"T1": "limited to the pancreas, < 2 cm", "T2": "limited to the pancreas, 2-4 cm",
                         "T3": "limited to the pancreas and > 4 cm, or invades the duodenum or common bile duct",
                         "T4": "invades adjacent organs (stomach, spleen, colon, adrenal) or the wall of large "
                               "vessels (coeliac axis, superior mesenteric artery)"},
           sources=("ajcc8_pancreas_net",)),
)}
# rectum shares the colorectal table
T_TABLES["rectum"] = TTable("rectum", "Rectum", **{k: getattr(T_TABLES["colon"], k) for k in
                            ("size_bands", "depth", "invasion", "descriptions", "sources", "colorectal_groups")})

_T_ORDER = ("T1", "T2", "T3", "T4")
#: Where NEC and MiNEN are staged instead: the organ's carcinoma chapter.
_CARCINOMA_SYSTEM = {"stomach": "gastric carcinoma", "duodenum": "small intestine carcinoma",
                     "ampulla": "ampulla of Vater carcinoma", "jejunum_ileum": "small intestine carcinoma",
                     "appendix": "appendiceal carcinoma", "colon": "colorectal carcinoma",
                     "rectum": "colorectal carcinoma", "pancreas": "exocrine pancreatic carcinoma"}
_M = {"none": "M0", "liver_only": "M1a", "extrahepatic_only": "M1b", "liver_and_extrahepatic": "M1c"}


def stage_group(t: str, n: str, m: str, colorectal: bool = False) -> str:
    """AJCC 8 stage group from known T (T1-T4), N (N0/N1/N2) and M (M0/M1a-c)."""
    if not isinstance(colorectal, bool):
        raise TypeError(f"colorectal: expected True or False, got {type(colorectal).__name__} {colorectal!r}")
    if t not in _T_ORDER or n not in ("N0", "N1", "N2") or m not in ("M0", "M1a", "M1b", "M1c"):
        raise ValueError(f"stage_group: expected T1-T4, N0-N2, M0/M1a-c; got {t!r}, {n!r}, {m!r}")
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
class Stage:
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

    def _repr_html_(self) -> str:
        return cards.card_html("Stage - AJCC 8th edition (NET)", f"Stage {self.group}" if self.group else
                               "No stage group", subtitle=self.tnm, flags=self.flags, flag_text=FLAGS,
                               steps=self.steps, sources=self.sources)

    def __str__(self) -> str:
        return cards.card_text("Stage", f"{self.tnm}, group {self.group}", flags=self.flags, steps=self.steps,
                               sources=self.sources)


def _t_category(f: Findings, table: TTable, flags: list, steps: list) -> str:
    found: list[tuple[str, str]] = []
    if f.size_cm is not None:
        t, iv = table.size_category(f.size_cm)
        found.append((t, f"size {f.size_cm:g} cm is {iv.describe('cm')} -> {t}"))
        if f.size_cm in table.cutoffs():
            flags.append("pancreas_t1_boundary" if table.site == "pancreas" and f.size_cm == 2 else "size_boundary")
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
    t = max((c for c, _ in found), key=_T_ORDER.index)
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
    if not isinstance(findings, Findings):
        raise TypeError(f"findings: expected a netlib.Findings, got {type(findings).__name__}")
    if grade_result is not None and not isinstance(grade_result, Grade):
        raise TypeError(f"grade_result: expected a netlib.Grade or None, got {type(grade_result).__name__}")
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
                      f"organ ({_CARCINOMA_SYSTEM[f.site]}).",),
                     table.sources)
    if g.label == "undetermined":
        flags.append("grade_undetermined")
        steps.append("Grade undetermined: staged with the NET system, which assumes a well-differentiated tumour.")
    t = _t_category(f, table, flags, steps)
    # N
    nodes, mass = f.regional_nodes_positive, f.mesenteric_mass_cm
    if table.n2_rule and ((nodes is not None and nodes >= 12) or (mass is not None and mass > 2)):
        n = "N2"
        steps.append("N2: " + ("12 or more positive nodes" if nodes is not None and nodes >= 12 else
                               f"mesenteric mass {mass:g} cm > 2 cm") + ".")
    elif nodes is None:
        n = "NX"
        steps.append("Regional nodes not reported: NX.")
    else:
        n = "N0" if nodes == 0 else "N1"
        rule = " (fewer than 12 and no mesenteric mass > 2 cm)" if table.n2_rule and n == "N1" else ""
        steps.append(f"{nodes} positive regional node(s): {n}{rule}.")
    if table.n2_rule and mass == 2:
        flags.append("mesenteric_mass_boundary")
    # M
    if f.metastasis is None:
        m = "M0"
        flags.append("m_assumed_m0")
        steps.append("Distant metastasis not reported: M0 assumed.")
    else:
        m = _M[f.metastasis]
        steps.append(f"Metastasis '{f.metastasis.replace('_', ' ')}': {m}"
                     + {"M1a": " (liver only)", "M1b": " (extrahepatic only)", "M1c": " (liver and extrahepatic)"}
                     .get(m, "") + ".")
    # group
    ts = _T_ORDER if t == "TX" else (t,)
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
        if f.size_cm == 1:
            flags.append("t1_subcategory_disputed")
            steps.append("Exactly 1 cm: T1b under '< 1 cm = T1a', T1a under '<= 1 cm'; stage I either way.")
        else:
            steps.append(f"T1{'a' if f.size_cm < 1 else 'b'} (< 1 cm = T1a, 1-2 cm = T1b); stage I either way.")
    return Stage(t, n, m, group, tuple(dict.fromkeys(flags)), tuple(steps), table.sources)
