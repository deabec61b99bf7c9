"""Grading criteria as data: one table per system and edition.

`grade()` reads these tables and notebooks display them, so the numbers live in exactly one
place. Each band is a set of half-open or closed :class:`Interval` s on Ki-67 (%) and on the
mitotic count; a test proves that each table covers its range without gaps or overlaps
(the WHO 2010 Ki-67 gap between 2 and 3 % is the documented exception).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from netlib.errors import InvalidTypeError, InvalidValueError

__all__ = ["Interval", "Band", "GradingTable", "TABLES", "WHO_2010_DIGESTIVE", "WHO_2017_PANCREAS",
           "WHO_2022_DIGESTIVE", "WHO_2015_THORACIC", "WHO_2021_THORACIC", "get_table"]

Parameter = str  # "ki67" or "mitoses"


@dataclass(frozen=True)
class Interval:
    """A range of values; ``low_closed``/``high_closed`` say whether the end values belong to it."""

    low: float
    high: float
    low_closed: bool = True
    high_closed: bool = False

    def __contains__(self, x: float) -> bool:
        above = x >= self.low if self.low_closed else x > self.low
        below = x <= self.high if self.high_closed else x < self.high
        return above and below

    def describe(self, unit: str = "") -> str:
        """Plain notation, e.g. ``< 3 %``, ``3-20 %``, ``> 20 %``, ``<= 2 %``."""
        u = f" {unit}" if unit else ""
        if self.low == 0 and self.low_closed:
            return f"{'<=' if self.high_closed else '<'} {self.high:g}{u}"
        if math.isinf(self.high):
            return f"{'>=' if self.low_closed else '>'} {self.low:g}{u}"
        if self.low_closed and self.high_closed:
            return f"{self.low:g}-{self.high:g}{u}"
        lo = ">=" if self.low_closed else ">"
        hi = "<=" if self.high_closed else "<"
        return f"{lo} {self.low:g} and {hi} {self.high:g}{u}"

    @property
    def closed_ends(self) -> tuple[float, ...]:
        """Finite end values that belong to the interval (the boundary values trainees trip on)."""
        ends = []
        if self.low_closed and self.low != 0:
            ends.append(self.low)
        if self.high_closed and math.isfinite(self.high):
            ends.append(self.high)
        return tuple(ends)


@dataclass(frozen=True)
class Band:
    """One row of a grading table: its label and the interval of each parameter."""

    label: str
    ki67: Interval | None
    mitoses: Interval | None
    note: str = ""

    def interval(self, parameter: Parameter) -> Interval | None:
        return self.ki67 if parameter == "ki67" else self.mitoses


@dataclass(frozen=True)
class GradingTable:
    """One system/edition. Bands are ordered from lowest to highest grade."""

    key: str
    title: str
    system: str  # "digestive" or "thoracic"
    year: int
    mitoses_unit: str
    bands: tuple[Band, ...]
    sources: tuple[str, ...]
    notes: tuple[str, ...] = ()
    known_gaps: tuple[tuple[Parameter, Interval], ...] = ()
    typical_min_size_cm: float | None = None  # thoracic only
    elevated_ki67_percent: float | None = None  # thoracic 2021: the emerging 'elevated proliferation' carcinoid

    def parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in ("ki67", "mitoses") if any(b.interval(p) is not None for b in self.bands))

    def band_index(self, parameter: Parameter, value: float) -> int | None:
        """Index of the band whose interval holds ``value``; None in a documented gap."""
        for i, band in enumerate(self.bands):
            iv = band.interval(parameter)
            if iv is not None and value in iv:
                return i
        return None

    def gap_containing(self, parameter: Parameter, value: float) -> Interval | None:
        for p, iv in self.known_gaps:
            if p == parameter and value in iv:
                return iv
        return None

    def cutoffs(self, parameter: Parameter) -> tuple[float, ...]:
        """The finite cut-off values of one parameter, sorted."""
        vals = set()
        for b in self.bands:
            iv = b.interval(parameter)
            if iv is None:
                continue
            for v in (iv.low, iv.high):
                if 0 < v < math.inf:
                    vals.add(v)
        return tuple(sorted(vals))

    def rows(self) -> list[dict[str, str]]:
        """The table as rows of text, for display in a notebook."""
        out = []
        for b in self.bands:
            row = {"category": b.label}
            if b.mitoses is not None:
                row[f"mitoses ({self.mitoses_unit})"] = b.mitoses.describe()
            if b.ki67 is not None:
                row["Ki-67 (%)"] = b.ki67.describe()
            if b.note:
                row["also"] = b.note
            out.append(row)
        return out

    def to_markdown(self) -> str:
        """The table in Markdown, with its gaps and notes underneath."""
        rows = self.rows()
        cols = list(dict.fromkeys(k for r in rows for k in r))
        lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
        lines += ["| " + " | ".join(r.get(c, "") for c in cols) + " |" for r in rows]
        for p, iv in self.known_gaps:
            name = "Ki-67" if p == "ki67" else f"mitotic count ({self.mitoses_unit})"
            unit = " %" if p == "ki67" else ""
            lines.append(f"\nGap: a {name} {iv.describe()}{unit} belongs to no band in this edition.")
        for n in self.notes:
            lines.append(f"\n{n}")
        return "\n".join(lines)


def _iv(low, high, low_closed=True, high_closed=False) -> Interval:
    return Interval(float(low), float(high), low_closed, high_closed)


INF = math.inf

WHO_2010_DIGESTIVE = GradingTable(
    key="who2010_digestive",
    title="WHO 2010 digestive system",
    system="digestive",
    year=2010,
    mitoses_unit="per 10 HPF = 2 mm²",
    bands=(
        Band("NET G1", ki67=_iv(0, 2, True, True), mitoses=_iv(0, 2)),
        Band("NET G2", ki67=_iv(3, 20, True, True), mitoses=_iv(2, 20, True, True)),
        Band("NEC", ki67=_iv(20, INF, False), mitoses=_iv(20, INF, False)),
    ),
    known_gaps=(("ki67", _iv(2, 3, False, False)),),
    sources=("who2010_digestive", "rindi2006_foregut_tnm", "klimstra2010_pathology", "cree2021_mitoses_si"),
    notes=("WHO 2010 had no NET G3: every tumour above 20 % was called a carcinoma (NEC).",
           "Mitoses were counted per 10 high-power fields, which the WHO 2010 tables took to be 2 mm². The field "
           "of a given microscope is often larger or smaller than 0.2 mm², so count by area: mitoses per 2 mm².",
           "A Ki-67 index above 2 % and below 3 % belonged to no grade."),
)

# WHO 2017 (pancreas) and WHO 2019/2022 (whole digestive system) share these thresholds.
_NET_BANDS_SINCE_2017 = (
    Band("NET G1", ki67=_iv(0, 3), mitoses=_iv(0, 2)),
    Band("NET G2", ki67=_iv(3, 20, True, True), mitoses=_iv(2, 20, True, True)),
    Band("NET G3", ki67=_iv(20, INF, False), mitoses=_iv(20, INF, False)),
)

WHO_2017_PANCREAS = GradingTable(
    key="who2017_pancreas",
    title="WHO 2017 pancreatic NENs",
    system="digestive",
    year=2017,
    mitoses_unit="per 10 HPF = 2 mm²",
    bands=_NET_BANDS_SINCE_2017,
    sources=("who2017_pancreas", "who2019_digestive"),
    notes=("WHO 2017 closed the 2-3 % gap (G1 became < 3 %) and introduced well-differentiated NET G3 "
           "for the pancreas; WHO 2019 extended this to the whole digestive system.",),
)

WHO_2022_DIGESTIVE = GradingTable(
    key="who2022_digestive",
    title="WHO 2019/2022 digestive system",
    system="digestive",
    year=2022,
    mitoses_unit="per 2 mm²",
    bands=_NET_BANDS_SINCE_2017,
    sources=("who2019_digestive", "who2022_overview", "cap_net_protocol", "who2019_table_notes"),
    notes=("Grade on both parameters; when they disagree, the higher grade wins.",
           "Differentiation (morphology), not Ki-67, separates NET G3 from NEC; NEC is high grade by definition.",
           "Mitoses: count 10 mm² in the most active area and divide by 5. Ki-67: hot spot, at least 500 cells."),
)

_THORACIC_BANDS = (
    Band("typical carcinoid", ki67=None, mitoses=_iv(0, 2), note="no necrosis; in the lung also size >= 0.5 cm (smaller: tumourlet)"),
    Band("atypical carcinoid", ki67=None, mitoses=_iv(2, 10, True, True),
         note="or < 2 mitoses with (usually punctate) necrosis"),
    Band("LCNEC / SCLC range", ki67=None, mitoses=_iv(10, INF, False),
         note="cytology decides: large cell (LCNEC) or small cell (SCLC)"),
)

WHO_2015_THORACIC = GradingTable(
    key="who2015_thoracic",
    title="WHO 2015 thoracic (lung and thymus)",
    system="thoracic",
    year=2015,
    mitoses_unit="per 2 mm²",
    bands=_THORACIC_BANDS,
    typical_min_size_cm=0.5,
    sources=("who_thoracic_2015", "marx2015_who_thymus", "pelosi_travis_2024", "thymic_net_review"),
    notes=("Mitoses per 2 mm², necrosis and morphology classify; Ki-67 is not a criterion.",),
)

WHO_2021_THORACIC = GradingTable(
    key="who2021_thoracic",
    title="WHO 2021 thoracic (lung and thymus)",
    system="thoracic",
    year=2021,
    mitoses_unit="per 2 mm²",
    bands=_THORACIC_BANDS,
    typical_min_size_cm=0.5,
    elevated_ki67_percent=30.0,
    sources=("who_thoracic_2015", "who_thoracic_2021_ki67", "pelosi_travis_2024", "marx2015_who_thymus",
             "thymic_net_review"),
    notes=("Criteria unchanged from 2015; Ki-67 is a desirable, non-essential criterion (mainly to avoid "
           "calling a crushed carcinoid biopsy small cell carcinoma).",
           "Carcinoids with elevated proliferation (> 10 mitoses/2 mm² and/or Ki-67 >= 30 %) are an emerging "
           "concept, not a formal category."),
)

TABLES: dict[str, GradingTable] = {t.key: t for t in (WHO_2010_DIGESTIVE, WHO_2017_PANCREAS, WHO_2022_DIGESTIVE,
                                                       WHO_2015_THORACIC, WHO_2021_THORACIC)}


def get_table(criteria: "str | GradingTable") -> GradingTable:
    """Look up a table by key (or pass one through); unknown keys raise ``ValueError``."""
    if isinstance(criteria, GradingTable):
        return criteria
    if not isinstance(criteria, str):
        raise InvalidTypeError("criteria", f"expected a table key ({', '.join(TABLES)}) or a GradingTable, "
                        f"got {type(criteria).__name__} {criteria!r}")
    try:
        return TABLES[criteria]
    except KeyError:
        raise InvalidValueError("criteria", f"unknown table {criteria!r}; known: {', '.join(TABLES)}") from None
