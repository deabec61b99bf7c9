"""The pivotal NET trials as data: population, arms, primary endpoint, medians, hazard ratio.

Medians in months; ``None`` where not reached or not reported. Hazard ratios are for the primary
endpoint, experimental vs control. Figures from the trial reports cited by ``source``.
"""
from __future__ import annotations

from dataclasses import dataclass

from netlib.errors import InvalidValueError

__all__ = ["Trial", "TRIALS", "get"]


@dataclass(frozen=True)
class Trial:
    key: str
    name: str
    year: int
    population: str
    n: int
    experimental: str
    control: str
    endpoint: str
    median_experimental: float | None
    median_control: float | None
    hazard_ratio: float | None
    source: str
    note: str = ""
    ki67_range: tuple[float, float] | None = None  # eligibility by Ki-67 (%), where the trial defined one


TRIALS: dict[str, Trial] = {t.key: t for t in (
    Trial("promid", "PROMID", 2009, "treatment-naive metastatic well-differentiated midgut NET", 85,
          "octreotide LAR 30 mg every 4 weeks", "placebo", "time to progression", 14.3, 6.0, 0.34, "promid",
          "Long-term overall survival did not differ (crossover)."),
    Trial("clarinet", "CLARINET", 2014, "non-functioning G1/G2 (Ki-67 < 10 %) SSTR-positive enteropancreatic NET",
          204, "lanreotide 120 mg every 28 days", "placebo", "progression-free survival", None, 18.0, 0.47,
          "clarinet", "Median PFS not reached with lanreotide; 24-month PFS 65.1 % vs 33.0 %."),
    Trial("radiant3", "RADIANT-3", 2011, "progressive low/intermediate-grade pancreatic NET", 410,
          "everolimus 10 mg daily", "placebo", "progression-free survival", 11.0, 4.6, 0.35, "radiant3"),
    Trial("radiant4", "RADIANT-4", 2016, "progressive non-functional lung or GI NET", 302,
          "everolimus", "placebo", "progression-free survival", 11.0, 3.9, 0.48, "radiant4"),
    Trial("sunitinib_pnet", "Sunitinib phase 3", 2011, "progressive well-differentiated pancreatic NET", 171,
          "sunitinib 37.5 mg daily", "placebo", "progression-free survival", 11.4, 5.5, 0.42, "sunitinib_pnet"),
    Trial("netter1", "NETTER-1", 2017, "SSTR-positive midgut NET G1-G2 progressing on octreotide LAR", 229,
          "177Lu-DOTATATE + octreotide 30 mg", "octreotide LAR 60 mg", "progression-free survival", None, 8.4,
          0.21, "netter1", "Median PFS not reached with 177Lu-DOTATATE; 20-month PFS 65.2 % vs 10.8 %."),
    Trial("netter2", "NETTER-2", 2024, "newly diagnosed SSTR-positive GEP-NET G2 (Ki-67 >= 10 %) or G3 "
          "(Ki-67 <= 55 %)", 226, "177Lu-DOTATATE + octreotide 30 mg", "octreotide LAR 60 mg",
          "progression-free survival", 22.8, 8.5, 0.276, "netter2", ki67_range=(10.0, 55.0)),
    Trial("e2211", "ECOG-ACRIN E2211", 2023, "progressive low/intermediate-grade pancreatic NET (phase II)", 144,
          "capecitabine + temozolomide", "temozolomide", "progression-free survival", 22.7, 14.4, 0.58, "e2211"),
    Trial("cabinet_pnet", "CABINET (pancreatic)", 2025, "previously treated progressive pancreatic NET", 95,
          "cabozantinib 60 mg", "placebo", "progression-free survival", 13.8, 4.4, 0.23, "cabinet"),
    Trial("cabinet_epnet", "CABINET (extra-pancreatic)", 2025, "previously treated progressive extra-pancreatic NET",
          203, "cabozantinib 60 mg", "placebo", "progression-free survival", 8.4, 3.9, 0.38, "cabinet"),
    Trial("telestar", "TELESTAR", 2017, "carcinoid syndrome with >= 4 bowel movements/day on a stable SSA", 135,
          "telotristat ethyl 250 or 500 mg three times daily", "placebo",
          "change in daily bowel movements over 12 weeks", None, None, None, "telestar",
          "Bowel movements fell by 0.81 and 0.69 per day more than placebo; responders 44 % / 42 % vs 20 %."),
)}


def get(key: str) -> Trial:
    """The trial with this key; unknown keys raise ``ValueError``."""
    if not isinstance(key, str) or key not in TRIALS:
        raise InvalidValueError("key", f"{key!r} is not a known trial; known: {', '.join(TRIALS)}")
    return TRIALS[key]
