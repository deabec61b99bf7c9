"""AJCC 8th edition T criteria for well-differentiated GEP NETs, per site, as data.

Each :class:`TTable` maps tumour size bands (cm), depth-of-invasion words and invaded structures to a T category;
:func:`netlib.staging.stage` takes the highest category any reported finding reaches. Encoded in our own words
from the AJCC 8th edition chapters (source keys ``ajcc8_gi_net``, ``ajcc8_pancreas_net``); no AJCC text is
reproduced.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping

from netlib.data.criteria import Interval

__all__ = ["TTable", "T_TABLES", "T_ORDER", "CARCINOMA_SYSTEM", "M_CATEGORY", "N2_MIN_NODES", "N2_MESENTERIC_MASS_CM",
           "COLORECTAL_T1A_BELOW_CM"]

#: Jejunum/ileum N2 (AJCC 8): at least this many positive regional nodes ...
N2_MIN_NODES = 12
#: ... or a mesenteric mass larger than this (cm; exactly 2 cm is N1).
N2_MESENTERIC_MASS_CM = 2.0
#: Colorectal T1a is below 1 cm, T1b 1-2 cm (sources disagree whether exactly 1 cm is T1a; ``enets_colorectal_tnm``).
COLORECTAL_T1A_BELOW_CM = 1.0

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
        for t in T_ORDER:
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

T_ORDER = ("T1", "T2", "T3", "T4")
#: Where NEC and MiNEN are staged instead: the organ's carcinoma chapter.
CARCINOMA_SYSTEM = {"stomach": "gastric carcinoma", "duodenum": "small intestine carcinoma",
                     "ampulla": "ampulla of Vater carcinoma", "jejunum_ileum": "small intestine carcinoma",
                     "appendix": "appendiceal carcinoma", "colon": "colorectal carcinoma",
                     "rectum": "colorectal carcinoma", "pancreas": "exocrine pancreatic carcinoma"}
M_CATEGORY = {"none": "M0", "liver_only": "M1a", "extrahepatic_only": "M1b", "liver_and_extrahepatic": "M1c"}
