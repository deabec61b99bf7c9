"""The pivotal NET trials as data: population, arms, primary endpoint, medians, hazard ratio.

Medians in months; ``None`` where not reached or not reported. Hazard ratios are for the primary
endpoint, experimental vs control. Figures from the trial reports cited by ``source``; ``supporting``
names further primary sources (a follow-up report, or a guideline that adopts the result) where the
report itself has no confirmed DOI or PMID. ``sources`` gives both.
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
    supporting: tuple[str, ...] = ()

    @property
    def sources(self) -> tuple[str, ...]:
        """The trial report's key followed by the supporting references' keys."""
        return (self.source, *self.supporting)


TRIALS: dict[str, Trial] = {t.key: t for t in (
    Trial("promid", "PROMID", 2009, "treatment-naive metastatic well-differentiated midgut NET", 85,
          "octreotide LAR 30 mg every 4 weeks", "placebo", "time to progression", 14.3, 6.0, 0.34, "promid",
          "Long-term overall survival did not differ (crossover)."),
    Trial("clarinet", "CLARINET", 2014, "non-functioning G1/G2 (Ki-67 < 10 %) SSTR-positive enteropancreatic NET",
          204, "lanreotide 120 mg every 28 days", "placebo", "progression-free survival", None, 18.0, 0.47,
          "clarinet", "Median PFS not reached with lanreotide; 24-month PFS 65.1 % vs 33.0 %.",
          supporting=("clarinet_ole",)),
    Trial("radiant3", "RADIANT-3", 2011, "progressive low/intermediate-grade pancreatic NET", 410,
          "everolimus 10 mg daily", "placebo", "progression-free survival", 11.0, 4.6, 0.35, "radiant3"),
    Trial("radiant4", "RADIANT-4", 2016, "progressive non-functional lung or GI NET", 302,
          "everolimus", "placebo", "progression-free survival", 11.0, 3.9, 0.48, "radiant4"),
    Trial("radiant4_lung", "RADIANT-4 lung subgroup", 2018, "progressive non-functional lung NET (subgroup of "
          "RADIANT-4; 63 everolimus, 27 placebo)", 90, "everolimus 10 mg daily", "placebo",
          "progression-free survival", 9.2, 3.6, 0.50, "radiant4_lung",
          "A subgroup analysis, not a separate trial; tumour shrinkage in 58 % vs 13 %.", supporting=("radiant4",)),
    Trial("luna", "LUNA (phase II)", 2017, "progressive advanced carcinoids of the lung or thymus", 124,
          "pasireotide LAR 60 mg every 28 days, everolimus 10 mg daily, or both", "none (three experimental arms)",
          "progression-free at 9 months", None, None, None, "luna",
          "Progression-free at 9 months: 39.0 % (pasireotide), 33.3 % (everolimus), 58.5 % (both); no control arm."),
    Trial("sunitinib_pnet", "Sunitinib phase 3", 2011, "progressive well-differentiated pancreatic NET", 171,
          "sunitinib 37.5 mg daily", "placebo", "progression-free survival", 11.4, 5.5, 0.42, "sunitinib_pnet",
          supporting=("esmo2020",)),
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
          "Bowel movements fell by 0.81 and 0.69 per day more than placebo; responders 44 % / 42 % vs 20 %.",
          supporting=("enets2022_carcinoid_syndrome", "esmo2020")),
)}


def get(key: str) -> Trial:
    """The trial with this key; unknown keys raise ``ValueError``."""
    if not isinstance(key, str) or key not in TRIALS:
        raise InvalidValueError("key", f"{key!r} is not a known trial; known: {', '.join(TRIALS)}")
    return TRIALS[key]
