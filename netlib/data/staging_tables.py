"""TNM staging of neuroendocrine tumours as data: T, N and M criteria and stage groups, per site and edition.

* Digestive (GEP) NETs: AJCC 8th edition T tables per site (:data:`T_TABLES`), the N rules (:data:`N_RULES`,
  jejunum/ileum adds N2), M categories and the stage-group tables (:data:`GEP_GROUPS`, :data:`COLORECTAL_GROUPS`);
  AJCC Version 9 is a second edition (:data:`EDITIONS`) that changes only what its article verifies.
* Thymic NETs: the thymic epithelial tumour TNM of AJCC/UICC 8 (IASLC/ITMIG proposal, :data:`THYMUS`).
* Lung carcinoids: the lung cancer TNM 8 (:data:`LUNG`).

:func:`netlib.staging.stage` reads these tables; nothing here decides. Encoded in our own words from the AJCC 8th
edition chapters and the papers named in each table's ``sources`` (keys of :data:`netlib.data.references.REFERENCES`);
no AJCC text is reproduced. Where a source was not verified the category is left out, and ``stage()`` says it is
not modelled rather than guessing.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Mapping

from netlib.data.criteria import Interval

__all__ = ["TTable", "T_TABLES", "T_ORDER", "CARCINOMA_SYSTEM", "M_CATEGORY", "N2_MIN_NODES", "N2_MESENTERIC_MASS_CM",
           "COLORECTAL_T1A_BELOW_CM", "NRule", "N_RULES", "GroupRow", "GroupTable", "GEP_GROUPS", "COLORECTAL_GROUPS",
           "ThoracicTable", "THYMUS", "LUNG", "THORACIC_TABLES", "Edition", "EDITIONS", "GROUP_ORDER",
           "T_CATEGORIES", "N_CATEGORIES", "M_CATEGORIES", "STAGE_GROUPS"]

#: Jejunum/ileum N2 (AJCC 8): at least this many positive regional nodes ...
N2_MIN_NODES = 12
#: ... or a mesenteric mass larger than this (cm; exactly 2 cm is N1).
N2_MESENTERIC_MASS_CM = 2.0
#: Colorectal T1a is below 1 cm, T1b 1-2 cm (sources disagree whether exactly 1 cm is T1a; ``enets_colorectal_tnm``).
COLORECTAL_T1A_BELOW_CM = 1.0

_AJCC8_GI = ("ajcc8_gi_net",)


def _size_category(site: str, bands: tuple[tuple[str, Interval], ...], size_cm: float) -> tuple[str, Interval]:
    for t, iv in bands:
        if size_cm in iv:
            return t, iv
    raise AssertionError(f"{site}: size {size_cm} not covered")  # tests prove coverage


@dataclass(frozen=True)
class TTable:
    """AJCC 8 T criteria of one digestive site, as data.

    ``size_bands``: (T, interval in cm) covering all sizes; ``depth``: depth word -> T; ``invasion``: invaded
    structure -> T. T = the highest category reached. ``depth_notes`` explain depth words the AJCC table does not
    name but whose T follows from it (e.g. through the duodenal wall is at least T2, never T1). ``not_criteria``:
    words that do not change T at this site, with the reason (named in the steps). Any other word raises an error
    naming the words this site accepts; ``hints`` add what to report instead.
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
    depth_notes: Mapping[str, str] = field(default_factory=dict)
    not_criteria: Mapping[str, str] = field(default_factory=dict)
    hints: Mapping[str, str] = field(default_factory=dict)

    def size_category(self, size_cm: float) -> tuple[str, Interval]:
        """The T category and interval (cm) that a size falls in."""
        return _size_category(self.site, self.size_bands, size_cm)

    def cutoffs(self) -> tuple[float, ...]:
        return tuple(sorted({iv.low for _t, iv in self.size_bands if iv.low > 0}))

    @staticmethod
    def words(key: str) -> str:
        """A depth or structure word as a reader writes it ("sma" -> "superior mesenteric artery")."""
        return WORD_SPELLING.get(key, key.replace("_", " "))

    def rows(self) -> list[dict[str, str]]:
        """One row per T category: what reaches it by size, by depth and by invasion."""
        out = []
        for t in T_ORDER:
            sizes = [iv.describe("cm") for c, iv in self.size_bands if c == t]
            depths = [self.words(d) + (" (implied)" if d in self.depth_notes else "")
                      for d, c in self.depth.items() if c == t]
            inv = [self.words(s) for s, c in self.invasion.items() if c == t]
            out.append({"T": t, "size": ", ".join(sizes) or "-", "depth": ", ".join(depths) or "-",
                        "invades": ", ".join(inv) or "-", "in words": self.descriptions[t]})
        return out

    def to_markdown(self) -> str:
        """The T table of this site in Markdown (our wording of AJCC 8)."""
        rows = self.rows()
        cols = list(rows[0])
        lines = [f"**{self.title}**", "", "| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
        lines += ["| " + " | ".join(r[c] for c in cols) + " |" for r in rows]
        for word, why in self.not_criteria.items():
            lines.append(f"\n{self.words(word)[:1].upper() + self.words(word)[1:]}: {why}")
        same: dict[str, list[str]] = {}  # one note for the depths that share a reason
        for word, why in self.depth_notes.items():
            same.setdefault(why, []).append(f"'{self.words(word)}'")
        for why, words in same.items():
            lines.append(f"\nDepth{'s' if len(words) > 1 else ''} {' and '.join(words)} (implied): {why}")
        if self.n2_rule:
            rule = N_RULES[self.site]
            lines.append(f"\nN1: fewer than {rule.n2_min_nodes} positive nodes; N2: {rule.n2_min_nodes} or more, or a "
                         f"mesenteric mass > {rule.n2_mass_above_cm:g} cm.")
        return "\n".join(lines)


#: Depth and structure words whose spelling is not the key with spaces (proper names, abbreviations).
WORD_SPELLING: dict[str, str] = {
    "sma": "superior mesenteric artery",
    "coeliac_axis": "coeliac axis",
    "confined_to_sphincter_of_oddi": "confined to the sphincter of Oddi",
    "beyond_wall": "beyond the wall",
}


def _iv(lo, hi, lo_closed=True, hi_closed=False):
    return Interval(float(lo), float(hi), lo_closed, hi_closed)


INF = math.inf
_WALL = {"mucosa": "T1", "submucosa": "T1", "muscularis_propria": "T2", "subserosa": "T3", "serosa": "T4"}
_T4_PERITONEUM = {"visceral_peritoneum": "T4", "adjacent_organs": "T4"}
_THROUGH_MP_T3 = ("through the muscularis propria into the tissue around the organ, serosa not reported as "
                  "penetrated: T3 ('through the muscularis propria into subserosa'); serosa or organs would be T4")
_NOT_A_LAYER = "that is the ampullary depth word; use the wall layers for this site"
_NODAL_MASS = ("a mass around the mesenteric vessels is usually nodal: report it as mesenteric_mass_cm (the N2 rule); "
               "the jejunum/ileum T table names the serosa and other organs, not vessels")

T_TABLES: dict[str, TTable] = {t.site: t for t in (
    # AJCC 8 stomach T4: visceral peritoneum or adjacent organs (organs next to the stomach in the vocabulary).
    TTable("stomach", "Stomach",
           size_bands=(("T1", _iv(0, 1, True, True)), ("T2", _iv(1, INF, False))),
           depth={**_WALL, "beyond_wall": "T3"},
           invasion={**_T4_PERITONEUM, "pancreas": "T4", "spleen": "T4", "colon": "T4", "adrenal": "T4"},
           descriptions={"T1": "lamina propria or submucosa, and <= 1 cm",
                         "T2": "muscularis propria, or > 1 cm",
                         "T3": "through the muscularis propria into subserosa, serosa intact",
                         "T4": "visceral peritoneum (serosa) or adjacent organs"},
           sources=_AJCC8_GI,
           depth_notes={"beyond_wall": _THROUGH_MP_T3},
           hints={"duodenum": "spread along the wall into the duodenum is not an adjacent-organ criterion in this "
                              "table; give the depth reached (or adjacent_organs for another organ)",
                  "confined_to_sphincter_of_oddi": _NOT_A_LAYER}),
    # AJCC 8 duodenum: T3 pancreas or peripancreatic fat; T4 visceral peritoneum (serosa) or other organs.
    TTable("duodenum", "Duodenum (non-ampullary)",
           size_bands=(("T1", _iv(0, 1, True, True)), ("T2", _iv(1, INF, False))),
           depth={"mucosa": "T1", "submucosa": "T1", "muscularis_propria": "T2", "subserosa": "T2",
                  "beyond_wall": "T2", "serosa": "T4"},
           invasion={"pancreas": "T3", "peripancreatic_fat": "T3", **_T4_PERITONEUM, "stomach": "T4",
                     "colon": "T4"},
           descriptions={"T1": "mucosa or submucosa only, and <= 1 cm",
                         "T2": "muscularis propria, or > 1 cm",
                         "T3": "pancreas or peripancreatic fat",
                         "T4": "visceral peritoneum (serosa) or other organs"},
           sources=_AJCC8_GI,
           depth_notes={w: "not a category of the duodenal table: beyond the muscularis propria means the muscularis "
                           "propria is invaded, so at least T2 (never T1); T3 needs the pancreas or peripancreatic "
                           "fat, T4 the serosa or another organ (report them as invaded structures)"
                        for w in ("subserosa", "beyond_wall")},
           hints={"common_bile_duct": "the duodenal table names the pancreas, peripancreatic fat, serosa and other "
                                      "organs; report pancreas if the tumour reaches it",
                  "confined_to_sphincter_of_oddi": _NOT_A_LAYER + " (or choose site 'ampulla')"}),
    # AJCC 8 ampulla: T1 <= 1 cm confined to the sphincter of Oddi; T2 through the sphincter into duodenal
    # submucosa or muscularis propria, or > 1 cm; T3 pancreas or peripancreatic fat; T4 serosa or other organs.
    TTable("ampulla", "Ampulla of Vater",
           size_bands=(("T1", _iv(0, 1, True, True)), ("T2", _iv(1, INF, False))),
           depth={"confined_to_sphincter_of_oddi": "T1", "submucosa": "T2", "muscularis_propria": "T2",
                  "subserosa": "T2", "beyond_wall": "T2", "serosa": "T4"},
           invasion={"pancreas": "T3", "peripancreatic_fat": "T3", **_T4_PERITONEUM, "stomach": "T4",
                     "colon": "T4"},
           descriptions={"T1": "<= 1 cm and confined to the sphincter of Oddi",
                         "T2": "through the sphincter into duodenal submucosa or muscularis propria, or > 1 cm",
                         "T3": "pancreas or peripancreatic fat",
                         "T4": "visceral peritoneum (serosa) or other organs"},
           sources=_AJCC8_GI,
           depth_notes={w: "not a category of the ampullary table: through the duodenal muscularis propria is at "
                           "least T2 (never T1); T3 needs the pancreas or peripancreatic fat (report them as invaded "
                           "structures)" for w in ("subserosa", "beyond_wall")},
           hints={"mucosa": "for the ampulla say whether the tumour is confined_to_sphincter_of_oddi (T1 if <= 1 cm) "
                            "or reaches the duodenal submucosa or muscularis_propria (T2)",
                  "duodenum": "growth through the sphincter into the duodenal wall is a depth (submucosa or "
                              "muscularis_propria: T2), not an invaded organ",
                  "common_bile_duct": "the ampullary table names the duodenal wall layers, the pancreas, "
                                      "peripancreatic fat, serosa and other organs"}),
    # AJCC 8 jejunum/ileum T4: invades visceral peritoneum (serosa) or other organs; an ileal NET invading the
    # colon is T4.
    TTable("jejunum_ileum", "Jejunum and ileum",
           size_bands=(("T1", _iv(0, 1, True, True)), ("T2", _iv(1, INF, False))),
           depth={**_WALL, "beyond_wall": "T3"},
           invasion={**_T4_PERITONEUM, "colon": "T4", "stomach": "T4", "pancreas": "T4", "spleen": "T4",
                     "adrenal": "T4"},
           descriptions={"T1": "lamina propria or submucosa, and <= 1 cm",
                         "T2": "muscularis propria, or > 1 cm",
                         "T3": "through the muscularis propria into subserosa",
                         "T4": "visceral peritoneum (serosa) or other organs"},
           sources=_AJCC8_GI, n2_rule=True,
           depth_notes={"beyond_wall": _THROUGH_MP_T3},
           hints={"sma": _NODAL_MASS, "coeliac_axis": _NODAL_MASS,
                  "duodenum": "the duodenum continues the same bowel: give the depth reached",
                  "confined_to_sphincter_of_oddi": _NOT_A_LAYER}),
    # AJCC 8 appendix T4: perforates the peritoneum or directly invades other adjacent organs or structures,
    # excluding direct mural extension into the subserosa of adjacent bowel (e.g. abdominal wall, skeletal
    # muscle) -- PathologyOutlines "Appendix: staging - neuroendocrine tumors" and PMC6123011 Table 3.
    TTable("appendix", "Appendix",
           size_bands=(("T1", _iv(0, 2, True, True)), ("T2", _iv(2, 4, False, True)), ("T3", _iv(4, INF, False))),
           depth={"mucosa": "T1", "submucosa": "T1", "muscularis_propria": "T1", "subserosa": "T3",
                  "beyond_wall": "T3", "serosa": "T4"},
           invasion={"mesoappendix": "T3", **_T4_PERITONEUM},
           descriptions={"T1": "<= 2 cm", "T2": "> 2 cm and <= 4 cm",
                         "T3": "> 4 cm, or subserosal invasion, or mesoappendix involvement",
                         "T4": "perforates the peritoneum or invades adjacent organs or structures"},
           sources=_AJCC8_GI,
           depth_notes={"beyond_wall": "through the muscularis propria into the subserosa or mesoappendix: T3; "
                                       "perforation of the peritoneum would be T4"},
           hints={"colon": "AJCC 8 excludes direct extension along the wall into the subserosa of adjacent bowel "
                           "from T4; report adjacent_organs only for invasion of another organ or structure (e.g. "
                           "the abdominal wall)",
                  "confined_to_sphincter_of_oddi": _NOT_A_LAYER}),
    # AJCC 8 colon/rectum T4: visceral peritoneum or other organs.
    TTable("colon", "Colon",
           size_bands=(("T1", _iv(0, 2, True, True)), ("T2", _iv(2, INF, False))),
           depth={**_WALL, "beyond_wall": "T3"},
           invasion={**_T4_PERITONEUM, "stomach": "T4", "duodenum": "T4", "pancreas": "T4", "spleen": "T4",
                     "adrenal": "T4"},
           descriptions={"T1": "lamina propria or submucosa, and <= 2 cm (T1a < 1 cm, T1b 1-2 cm)",
                         "T2": "muscularis propria, or > 2 cm with lamina propria/submucosal invasion",
                         "T3": "through the muscularis propria into subserosa or non-peritonealised "
                               "pericolic tissue",
                         "T4": "visceral peritoneum (serosa) or other organs"},
           sources=_AJCC8_GI + ("enets_colorectal_tnm",), colorectal_groups=True,
           hints={"colon": "the colon is the organ of origin: give the depth reached",
                  "confined_to_sphincter_of_oddi": _NOT_A_LAYER}),
    TTable("rectum", "Rectum",
           size_bands=(("T1", _iv(0, 2, True, True)), ("T2", _iv(2, INF, False))),
           depth={**_WALL, "beyond_wall": "T3"},
           invasion=dict(_T4_PERITONEUM),
           descriptions={"T1": "lamina propria or submucosa, and <= 2 cm (T1a < 1 cm, T1b 1-2 cm)",
                         "T2": "muscularis propria, or > 2 cm with lamina propria/submucosal invasion",
                         "T3": "through the muscularis propria into subserosa or non-peritonealised "
                               "perirectal tissue",
                         "T4": "visceral peritoneum (serosa) or other organs"},
           sources=_AJCC8_GI + ("enets_colorectal_tnm",), colorectal_groups=True,
           hints={"colon": "the sigmoid colon continues the same bowel: give the depth reached; use adjacent_organs "
                           "for another organ (e.g. bladder, prostate, vagina)",
                  "confined_to_sphincter_of_oddi": _NOT_A_LAYER}),
    # AJCC 8 pancreas: size bands; T3 duodenum or common bile duct; T4 adjacent organs or large vessel walls.
    TTable("pancreas", "Pancreas",
           size_bands=(("T1", _iv(0, 2)), ("T2", _iv(2, 4, True, True)), ("T3", _iv(4, INF, False))),
           depth={},
           invasion={"duodenum": "T3", "common_bile_duct": "T3", "stomach": "T4", "spleen": "T4", "colon": "T4",
                     "adrenal": "T4", "coeliac_axis": "T4", "sma": "T4", "adjacent_organs": "T4"},
           descriptions={"T1": "limited to the pancreas, < 2 cm", "T2": "limited to the pancreas, 2-4 cm",
                         "T3": "limited to the pancreas and > 4 cm, or invades the duodenum or common bile duct",
                         "T4": "invades adjacent organs (stomach, spleen, colon, adrenal) or the wall of large "
                               "vessels (coeliac axis, superior mesenteric artery)"},
           sources=("ajcc8_pancreas_net",),
           not_criteria={"peripancreatic_fat": "extension into peripancreatic fat is not a pancreatic T criterion "
                                               "(AJCC 8)."},
           hints={"visceral_peritoneum": "the pancreatic table names adjacent organs and large vessels; use "
                                         "adjacent_organs for another organ"}),
)}

T_ORDER = ("T1", "T2", "T3", "T4")
#: Where NEC and MiNEN are staged instead: the organ's carcinoma chapter.
CARCINOMA_SYSTEM = {"stomach": "gastric carcinoma", "duodenum": "small intestine carcinoma",
                     "ampulla": "ampulla of Vater carcinoma", "jejunum_ileum": "small intestine carcinoma",
                     "appendix": "appendiceal carcinoma", "colon": "colorectal carcinoma",
                     "rectum": "colorectal carcinoma", "pancreas": "exocrine pancreatic carcinoma"}
M_CATEGORY = {"none": "M0", "liver_only": "M1a", "extrahepatic_only": "M1b", "liver_and_extrahepatic": "M1c"}


# --- N rules ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class NRule:
    """The regional-node rule of one digestive site (AJCC 8): N0 no positive node, N1 positive nodes; where
    ``n2_min_nodes`` is set, N2 is that many positive nodes or more, or a mesenteric mass above
    ``n2_mass_above_cm`` (cm; exactly that size is not N2)."""

    site: str
    categories: tuple[str, ...]
    n2_min_nodes: int | None = None
    n2_mass_above_cm: float | None = None
    sources: tuple[str, ...] = _AJCC8_GI


N_RULES: dict[str, NRule] = {
    s: NRule(s, ("N0", "N1", "N2"), N2_MIN_NODES, N2_MESENTERIC_MASS_CM, _AJCC8_GI + ("zaidi2019",))
    if T_TABLES[s].n2_rule else NRule(s, ("N0", "N1"), sources=T_TABLES[s].sources)
    for s in T_TABLES
}


# --- stage groups -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class GroupRow:
    """One row of a stage-group table: every combination of these T, N and M categories has this group."""

    t: tuple[str, ...]
    n: tuple[str, ...]
    m: tuple[str, ...]
    group: str


@dataclass(frozen=True)
class GroupTable:
    """A stage-group table: rows cover every valid (T, N, M) exactly once (a test proves it)."""

    key: str
    title: str
    t: tuple[str, ...]
    n: tuple[str, ...]
    m: tuple[str, ...]
    rows: tuple[GroupRow, ...]
    sources: tuple[str, ...]

    def lookup(self, t: str, n: str, m: str) -> str:
        for r in self.rows:
            if t in r.t and n in r.n and m in r.m:
                return r.group
        raise KeyError((t, n, m))

    def to_markdown(self) -> str:
        """The table in Markdown, one row per group as the sources print it."""
        def cats(xs: tuple[str, ...], every: tuple[str, ...], word: str) -> str:
            return f"any {word}" if set(xs) == set(every) else ", ".join(xs)
        lines = [f"**{self.title}**", "", "| stage | T | N | M |", "|---|---|---|---|"]
        lines += [f"| {r.group} | {cats(r.t, self.t, 'T')} | {cats(r.n, self.n, 'N')} | {cats(r.m, self.m, 'M')} |"
                  for r in self.rows]
        return "\n".join(lines)


_GEP_M = ("M0", "M1a", "M1b", "M1c")
_M1 = _GEP_M[1:]
#: AJCC 8 stage groups of stomach, duodenum, ampulla, jejunum/ileum, appendix and pancreas NETs (fact sheet 1 §5).
GEP_GROUPS = GroupTable(
    "ajcc8_gep", "AJCC 8 stage groups: stomach, duodenum, ampulla, jejunum/ileum, appendix, pancreas",
    T_ORDER, ("N0", "N1", "N2"), _GEP_M,
    (GroupRow(("T1",), ("N0",), ("M0",), "I"),
     GroupRow(("T2", "T3"), ("N0",), ("M0",), "II"),
     GroupRow(("T4",), ("N0",), ("M0",), "III"),
     GroupRow(T_ORDER, ("N1", "N2"), ("M0",), "III"),
     GroupRow(T_ORDER, ("N0", "N1", "N2"), _M1, "IV")),
    ("ajcc8_gi_net", "ajcc8_pancreas_net"))
#: AJCC 8 stage groups of colon and rectum NETs (fact sheet 1 §5).
COLORECTAL_GROUPS = GroupTable(
    "ajcc8_colorectal", "AJCC 8 stage groups: colon and rectum",
    T_ORDER, ("N0", "N1"), _GEP_M,
    (GroupRow(("T1",), ("N0",), ("M0",), "I"),
     GroupRow(("T2",), ("N0",), ("M0",), "IIA"),
     GroupRow(("T3",), ("N0",), ("M0",), "IIB"),
     GroupRow(("T4",), ("N0",), ("M0",), "IIIA"),
     GroupRow(T_ORDER, ("N1",), ("M0",), "IIIB"),
     GroupRow(T_ORDER, ("N0", "N1"), _M1, "IV")),
    ("ajcc8_gi_net",))


# --- thoracic -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ThoracicTable:
    """TNM 8 of one thoracic site as data.

    ``size_bands``: (T, interval in cm), empty where size is not a T criterion (thymus); ``invasion``: invaded
    structure -> T; ``not_modelled``: structures the site's T has a rule for that was not verified here (the T is
    then left open, never guessed); ``invasion_t2``: the T that an invasion-defined T2 takes (lung); ``nodes``:
    node-station word -> N; ``metastasis``: thoracic-metastasis word -> M; ``m_from_metastasis``: the possible M
    categories for each word of ``Findings.metastasis``; ``groups``: the stage-group table.
    """

    site: str
    title: str
    system: str
    t: tuple[str, ...]
    size_bands: tuple[tuple[str, Interval], ...]
    invasion: Mapping[str, str]
    no_invasion_t: str | None
    descriptions: Mapping[str, str]
    nodes: Mapping[str, str]
    n: tuple[str, ...]
    metastasis: Mapping[str, str]
    m: tuple[str, ...]
    m_from_metastasis: Mapping[str, tuple[str, ...]]
    groups: GroupTable
    sources: tuple[str, ...]
    not_modelled: Mapping[str, str] = field(default_factory=dict)
    hints: Mapping[str, str] = field(default_factory=dict)
    invasion_t2: Mapping[str, str] = field(default_factory=dict)
    caveats: tuple[str, ...] = ()

    def size_category(self, size_cm: float) -> tuple[str, Interval]:
        """The T category and interval (cm) that a size falls in."""
        return _size_category(self.site, self.size_bands, size_cm)

    def cutoffs(self) -> tuple[float, ...]:
        return tuple(sorted({iv.high for _t, iv in self.size_bands if math.isfinite(iv.high)}))

    def to_markdown(self) -> str:
        """The T, N and M criteria of this site in Markdown (our wording)."""
        lines = [f"**{self.title}**", "", "| T | size | invades | in words |", "|---|---|---|---|"]
        for t in self.t:
            sizes = [iv.describe("cm") for c, iv in self.size_bands if c == t]
            inv = [s.replace("_", " ") for s, c in self.invasion.items() if c == t]
            lines.append(f"| {t} | {', '.join(sizes) or '-'} | {', '.join(inv) or '-'} | {self.descriptions[t]} |")
        lines.append("\n" + "; ".join(f"{n}: {w.replace('_', ' ')}" for w, n in self.nodes.items()) + ".")
        lines.append("\n" + "; ".join(f"{m}: {w.replace('_', ' ')}" for w, m in self.metastasis.items()) + ".")
        for c in self.caveats:
            lines.append(f"\n{c}")
        return "\n".join(lines)


_THYMUS_T = ("T1a", "T1b", "T2", "T3", "T4")
_THYMUS_SOURCES = ("detterbeck2014_thymic_tnm",)
#: AJCC/UICC 8 thymus stage groups (IASLC/ITMIG; fact sheet 2 §6.3).
THYMUS_GROUPS = GroupTable(
    "ajcc8_thymus", "AJCC/UICC 8 thymus (IASLC/ITMIG) stage groups",
    _THYMUS_T, ("N0", "N1", "N2"), ("M0", "M1a", "M1b"),
    (GroupRow(("T1a", "T1b"), ("N0",), ("M0",), "I"),
     GroupRow(("T2",), ("N0",), ("M0",), "II"),
     GroupRow(("T3",), ("N0",), ("M0",), "IIIA"),
     GroupRow(("T4",), ("N0",), ("M0",), "IIIB"),
     GroupRow(_THYMUS_T, ("N1",), ("M0",), "IVA"),
     GroupRow(_THYMUS_T, ("N0", "N1"), ("M1a",), "IVA"),
     GroupRow(_THYMUS_T, ("N2",), ("M0", "M1a"), "IVB"),
     GroupRow(_THYMUS_T, ("N0", "N1", "N2"), ("M1b",), "IVB")),
    _THYMUS_SOURCES)

#: Thymic epithelial tumour TNM 8 (IASLC/ITMIG, adopted by AJCC/UICC 8), applied to thymic NETs (fact sheet 2
#: §6.1-6.3, 6.5). Size is not a T criterion.
THYMUS = ThoracicTable(
    site="thymus", title="Thymus (AJCC/UICC 8, IASLC/ITMIG)", system="thymic epithelial tumour TNM 8",
    t=_THYMUS_T, size_bands=(),
    invasion={"mediastinal_fat": "T1a", "mediastinal_pleura": "T1b", "pericardium": "T2",
              "lung": "T3", "brachiocephalic_vein": "T3", "superior_vena_cava": "T3", "phrenic_nerve": "T3",
              "chest_wall": "T3", "extrapericardial_pulmonary_vessels": "T3",
              "aorta": "T4", "arch_vessels": "T4", "intrapericardial_pulmonary_artery": "T4", "myocardium": "T4",
              "trachea": "T4", "oesophagus": "T4"},
    no_invasion_t="T1a",
    descriptions={"T1a": "encapsulated or not, with or without spread into mediastinal fat",
                  "T1b": "invades the mediastinal pleura",
                  "T2": "invades the pericardium (partial or full thickness)",
                  "T3": "invades the lung, brachiocephalic vein, superior vena cava, phrenic nerve, chest wall or "
                        "hilar (extrapericardial) pulmonary vessels",
                  "T4": "invades the aorta, arch vessels, main (intrapericardial) pulmonary artery, myocardium, "
                        "trachea or oesophagus"},
    nodes={"anterior_perithymic": "N1", "deep_intrathoracic_or_cervical": "N2"}, n=("N0", "N1", "N2"),
    metastasis={"pleural_or_pericardial_nodules": "M1a", "lung_nodule": "M1b", "distant_organ": "M1b"},
    m=("M0", "M1a", "M1b"),
    # the liver is a distant organ (M1b); 'extrahepatic' may be pleural/pericardial nodules (M1a) or distant (M1b)
    m_from_metastasis={"none": ("M0",), "liver_only": ("M1b",), "extrahepatic_only": ("M1a", "M1b"),
                       "liver_and_extrahepatic": ("M1b",)},
    groups=THYMUS_GROUPS, sources=_THYMUS_SOURCES,
    caveats=("Scope: the American Cancer Society states that the AJCC thymus system is used for thymomas, thymic "
             "carcinomas and thymic NETs; the wording of the AJCC chapter itself was not checked here, and "
             "pathologists have criticised applying thymic epithelial staging to thymic neuroendocrine carcinomas.",
             "UICC TNM 9 brings size back into thymic T (T1a <= 5 cm, T1b > 5 cm) and moves lung and phrenic nerve "
             "to T2: always state the edition. This is TNM 8."),
)

_LUNG_T = ("T1a", "T1b", "T1c", "T2a", "T2b", "T3", "T4")
_LUNG_N = ("N0", "N1", "N2", "N3")
_LUNG_M = ("M0", "M1a", "M1b", "M1c")
_LUNG_SOURCES = ("rami_porta2015_lung_t", "lung_net_tnm")
#: Lung cancer TNM 8 stage groups (IASLC; AJCC 8), which include carcinoids. N0 groups: fact sheet 2 §6.6; the
#: rest verified against two transcriptions of the AJCC 8 table (NCCN Guidelines for Patients NSCLC 2018, p. 27,
#: "AJCC Prognostic Stage Groups"; Egypt J Radiol Nucl Med 2019, doi:10.1186/s43055-019-0081-0, Table 1).
LUNG_GROUPS = GroupTable(
    "ajcc8_lung", "Lung TNM 8 stage groups (carcinoids included)",
    _LUNG_T, _LUNG_N, _LUNG_M,
    (GroupRow(("T1a",), ("N0",), ("M0",), "IA1"),
     GroupRow(("T1b",), ("N0",), ("M0",), "IA2"),
     GroupRow(("T1c",), ("N0",), ("M0",), "IA3"),
     GroupRow(("T2a",), ("N0",), ("M0",), "IB"),
     GroupRow(("T2b",), ("N0",), ("M0",), "IIA"),
     GroupRow(("T1a", "T1b", "T1c", "T2a", "T2b"), ("N1",), ("M0",), "IIB"),
     GroupRow(("T3",), ("N0",), ("M0",), "IIB"),
     GroupRow(("T1a", "T1b", "T1c", "T2a", "T2b"), ("N2",), ("M0",), "IIIA"),
     GroupRow(("T3",), ("N1",), ("M0",), "IIIA"),
     GroupRow(("T4",), ("N0", "N1"), ("M0",), "IIIA"),
     GroupRow(("T1a", "T1b", "T1c", "T2a", "T2b"), ("N3",), ("M0",), "IIIB"),
     GroupRow(("T3", "T4"), ("N2",), ("M0",), "IIIB"),
     GroupRow(("T3", "T4"), ("N3",), ("M0",), "IIIC"),
     GroupRow(_LUNG_T, _LUNG_N, ("M1a", "M1b"), "IVA"),
     GroupRow(_LUNG_T, _LUNG_N, ("M1c",), "IVB")),
    _LUNG_SOURCES)

_GREAT_VESSEL_NOT_VERIFIED = ("the lung T4 names the 'great vessels'; which vessels count was not verified here, so "
                              "T is left open")
#: Lung cancer TNM 8 for lung carcinoids (fact sheet 2 §6.6-6.7). Size bands have inclusive upper bounds
#: (1.0 cm = T1a, 3.0 cm = T1c). Invasion criteria verified against PathologyOutlines "Lung: staging" (pT2-pT4
#: definitions) and the Egypt J Radiol Nucl Med 2019 table: T2 visceral pleura or main bronchus (not the carina);
#: T3 chest wall, phrenic nerve, parietal pericardium; T4 diaphragm, mediastinum, heart, great vessels, trachea,
#: recurrent laryngeal nerve, oesophagus, vertebral body or carina. A T2 by invasion is T2a when the tumour is
#: <= 4 cm or its size is unknown (PathologyOutlines pT2a).
LUNG = ThoracicTable(
    site="lung", title="Lung (TNM 8, carcinoids included)", system="lung cancer TNM 8",
    t=_LUNG_T,
    size_bands=(("T1a", _iv(0, 1, True, True)), ("T1b", _iv(1, 2, False, True)), ("T1c", _iv(2, 3, False, True)),
                ("T2a", _iv(3, 4, False, True)), ("T2b", _iv(4, 5, False, True)), ("T3", _iv(5, 7, False, True)),
                ("T4", _iv(7, INF, False))),
    invasion={"visceral_pleura": "T2a", "main_bronchus": "T2a", "chest_wall": "T3", "phrenic_nerve": "T3",
              "pericardium": "T3", "diaphragm": "T4", "myocardium": "T4", "aorta": "T4",
              "trachea": "T4", "recurrent_laryngeal_nerve": "T4", "oesophagus": "T4", "vertebral_body": "T4",
              "carina": "T4"},
    invasion_t2={"T2a": "T2a if <= 4 cm or size unknown; a larger tumour keeps its size category"},
    no_invasion_t=None,
    descriptions={"T1a": "<= 1 cm", "T1b": "> 1 to <= 2 cm", "T1c": "> 2 to <= 3 cm",
                  "T2a": "> 3 to <= 4 cm, or visceral pleura or main bronchus invaded (<= 4 cm)",
                  "T2b": "> 4 to <= 5 cm", "T3": "> 5 to <= 7 cm, or chest wall, phrenic nerve or parietal "
                                                 "pericardium invaded",
                  "T4": "> 7 cm, or diaphragm, mediastinum, heart, great vessels, trachea, recurrent laryngeal "
                        "nerve, oesophagus, vertebral body or carina invaded"},
    nodes={"ipsilateral_hilar_or_intrapulmonary": "N1", "ipsilateral_mediastinal_or_subcarinal": "N2",
           "contralateral_or_supraclavicular": "N3"}, n=_LUNG_N,
    metastasis={"pleural_or_pericardial_nodules": "M1a", "contralateral_lung_nodule": "M1a",
                "single_extrathoracic": "M1b", "multiple_extrathoracic": "M1c"},
    m=_LUNG_M,
    # liver metastases are extrathoracic: one (M1b) or several (M1c) cannot be told from 'liver_only'
    m_from_metastasis={"none": ("M0",), "liver_only": ("M1b", "M1c"), "extrahepatic_only": ("M1a", "M1b", "M1c"),
                       "liver_and_extrahepatic": ("M1c",)},
    groups=LUNG_GROUPS, sources=_LUNG_SOURCES,
    not_modelled={"superior_vena_cava": _GREAT_VESSEL_NOT_VERIFIED, "arch_vessels": _GREAT_VESSEL_NOT_VERIFIED,
                  "intrapericardial_pulmonary_artery": _GREAT_VESSEL_NOT_VERIFIED,
                  "brachiocephalic_vein": _GREAT_VESSEL_NOT_VERIFIED,
                  "extrapericardial_pulmonary_vessels": "hilar vessels are not a lung T criterion verified here",
                  "mediastinal_pleura": "the mediastinal pleura is not a lung TNM 8 T descriptor verified here",
                  "mediastinal_fat": "the lung T4 names 'the mediastinum'; whether fat invasion alone counts was not "
                                     "verified here"},
    hints={"lung": "the lung is the organ of origin; separate nodules in the same or another lobe are T3/T4 "
                   "criteria not modelled here"},
    caveats=("Separate tumour nodules (same lobe T3, other ipsilateral lobe T4), atelectasis and T1a(mi) are "
             "not modelled here; T1a(mi) concerns adenocarcinoma, not carcinoids.",
             "Lung TNM 9 (from 2025) keeps T but splits N2 and M1c: always state the edition. This is TNM 8."),
)

THORACIC_TABLES: dict[str, ThoracicTable] = {"thymus": THYMUS, "lung": LUNG}


# --- editions -------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Edition:
    """A staging edition. ``t1_nx_m0_stage_i_sites``: sites where T1 NX M0 is stage I (AJCC V9, fact sheet 2
    §7.1/7.4); everything else follows AJCC 8."""

    key: str
    title: str
    t1_nx_m0_stage_i_sites: tuple[str, ...]
    sources: tuple[str, ...]
    note: str = ""


EDITIONS: dict[str, Edition] = {e.key: e for e in (
    Edition("AJCC8", "AJCC 8th edition", (), ("ajcc8_gi_net", "ajcc8_pancreas_net")),
    # V9 article (CA Cancer J Clin 2024): T1 NX M0 = stage I for stomach, duodenum, colorectum (endoscopic
    # resection) and the appendix. Not pancreas or jejunum/ileum; the ampulla is not named, so it keeps AJCC 8.
    Edition("AJCC9", "AJCC Version 9", ("stomach", "duodenum", "colon", "rectum", "appendix"), ("ajcc9_gep_net",),
            note="Version 9 changes only what its article verifies here: T1 NX M0 is stage I after endoscopic "
                 "resection of a gastric, duodenal or colorectal NET, and for the appendix."),
)}

#: Every stage group in increasing order of extent (within one system the order is the AJCC order).
GROUP_ORDER = ("I", "IA1", "IA2", "IA3", "IB", "II", "IIA", "IIB", "III", "IIIA", "IIIB", "IIIC", "IV", "IVA", "IVB")
#: Every category ``stage()`` can answer (None = not staged). 'N+'/'M1': positive, subcategory undetermined;
#: a 'c' prefix marks a clinical (imaging) N category.
T_CATEGORIES = ("TX",) + T_ORDER + tuple(t for t in _THYMUS_T + _LUNG_T if t not in T_ORDER)
N_CATEGORIES = ("NX", "N0", "N1", "N2", "N3", "N+", "cN0", "cN1", "cN2", "cN3", "cN+")
M_CATEGORIES = ("M0", "M1", "M1a", "M1b", "M1c")
STAGE_GROUPS = GROUP_ORDER
