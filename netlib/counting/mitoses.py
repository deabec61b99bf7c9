"""Mitotic counts: from microscope fields to mitoses per 2 mm², and how steady a count is.

WHO 2019 expresses the count per 2 mm² (not per 10 high-power fields, whose area depends on
the microscope). The recommended practice is to count 10 mm² in the most active area and
divide by 5 (sources ``cap_net_protocol``, ``who2019_table_notes``). Mitoses found in an area
follow a Poisson distribution, so a larger counted area gives a steadier figure.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar

from netlib import checks
from netlib.data.criteria import WHO_2022_DIGESTIVE, GradingTable, get_table
from netlib.results import Explained

__all__ = ["REFERENCE_AREA_MM2", "RECOMMENDED_AREA_MM2", "FieldSetup", "field_diameter_mm", "field_area_mm2",
           "fields_needed", "microscope", "per_2mm2", "grade_probabilities", "crossing_probability"]

REFERENCE_AREA_MM2 = 2.0     #: the unit of the WHO mitotic count
RECOMMENDED_AREA_MM2 = 10.0  #: area to count, then divide by 5
SOURCES = ("cap_net_protocol", "who2019_table_notes")


def field_diameter_mm(field_number_mm: float, objective_magnification: float) -> float:
    """Diameter of one field of view: eyepiece field number (mm) / objective magnification."""
    fn = checks.number("field_number_mm", field_number_mm, 1, 50, unit="eyepiece field number, mm")
    obj = checks.number("objective_magnification", objective_magnification, 1, 200,
                           unit="e.g. 40 for a 40x objective")
    return fn / obj


def field_area_mm2(diameter_mm: float) -> float:
    """Area of a circular field of the given diameter (mm²)."""
    d = checks.number("diameter_mm", diameter_mm, 0.001, 50, unit="mm")
    return math.pi * (d / 2) ** 2


def fields_needed(area_mm2: float, field_area: float) -> int:
    """Whole fields needed to cover at least ``area_mm2`` (rounded up)."""
    a = checks.number("area_mm2", area_mm2, 0, 1000, low_open=True, unit="mm²")
    f = checks.number("field_area", field_area, 0, 2000, low_open=True, unit="mm² per field")
    return math.ceil(a / f - 1e-9)


@dataclass(frozen=True)
class FieldSetup(Explained):
    """One microscope's fields and how many of them make 2 mm² and 10 mm²."""

    field_number_mm: float
    objective_magnification: float
    diameter_mm: float
    area_mm2: float
    fields_for_2mm2: int
    fields_for_10mm2: int
    steps: tuple[str, ...]
    sources: tuple[str, ...] = SOURCES

    card_title: ClassVar[str] = "Microscope fields"

    def headline(self) -> str:
        return f"{self.fields_for_10mm2} fields = 10 mm²"

    def subtitle(self) -> str:
        return f"{self.fields_for_2mm2} fields = 2 mm²"


def microscope(field_number_mm: float, objective_magnification: float) -> FieldSetup:
    """Work out field diameter, field area and the fields needed for 2 and 10 mm²."""
    d = field_diameter_mm(field_number_mm, objective_magnification)
    a = field_area_mm2(d)
    ref, rec = REFERENCE_AREA_MM2, RECOMMENDED_AREA_MM2
    n2, n10 = fields_needed(ref, a), fields_needed(rec, a)
    steps = (f"Field diameter = {field_number_mm:g} mm / {objective_magnification:g} = {d:.3f} mm.",
             f"Field area = pi x ({d:.3f} / 2)^2 = {a:.4f} mm².",
             f"{ref:g} mm² / {a:.4f} = {ref / a:.1f} -> {n2} fields.",
             f"{rec:g} mm² / {a:.4f} = {rec / a:.1f} -> {n10} fields; count mitoses in all of them and divide by "
             f"{rec / ref:g}.")
    return FieldSetup(float(field_number_mm), float(objective_magnification), d, a, n2, n10, steps)


def per_2mm2(mitoses: int, fields: int, field_area: float) -> float:
    """Convert a count over ``fields`` fields of ``field_area`` mm² to mitoses per 2 mm²."""
    m = checks.integer("mitoses", mitoses, 0, 100_000, unit="mitoses counted")
    n = checks.integer("fields", fields, 1, 10_000, unit="fields counted")
    f = checks.number("field_area", field_area, 0, 50, low_open=True, unit="mm² per field")
    return m * REFERENCE_AREA_MM2 / (n * f)


def _poisson_bands(rate_per_2mm2: float, area_mm2: float, table: GradingTable) -> dict[str, float]:
    lam = rate_per_2mm2 * area_mm2 / REFERENCE_AREA_MM2
    out = {b.label: 0.0 for b in table.bands}
    kmax = int(lam + 12 * math.sqrt(lam) + 30)
    for k in range(kmax + 1):
        lp = -lam + k * math.log(lam) - math.lgamma(k + 1) if lam > 0 else (0.0 if k == 0 else -math.inf)
        if lp < -745:
            continue
        i = table.band_index("mitoses", k * REFERENCE_AREA_MM2 / area_mm2)
        out[table.bands[i].label] += math.exp(lp)
    return out


def grade_probabilities(true_per_2mm2: float, area_mm2: float = RECOMMENDED_AREA_MM2,
                        criteria: "str | GradingTable" = WHO_2022_DIGESTIVE) -> dict[str, float]:
    """Probability that counting ``area_mm2`` of a tumour with a true rate lands in each mitotic band.

    Mitoses in the counted area are Poisson with mean ``true_per_2mm2 * area_mm2 / 2``; the count is
    reported per 2 mm².
    """
    rate = checks.number("true_per_2mm2", true_per_2mm2, 0, 1000, unit="mitoses per 2 mm²")
    area = checks.number("area_mm2", area_mm2, 0, 100, low_open=True, unit="mm² counted")
    table = get_table(criteria)
    return _poisson_bands(rate, area, table)


def crossing_probability(true_per_2mm2: float, area_mm2: float = RECOMMENDED_AREA_MM2,
                         criteria: "str | GradingTable" = WHO_2022_DIGESTIVE) -> float:
    """Probability that the reported count lands in a different mitotic band from the true rate."""
    table = get_table(criteria)
    probs = grade_probabilities(true_per_2mm2, area_mm2, table)
    i = table.band_index("mitoses", float(true_per_2mm2))
    return max(0.0, 1.0 - probs[table.bands[i].label])
