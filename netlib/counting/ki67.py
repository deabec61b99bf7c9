"""The Ki-67 labelling index: from counts to an index, its uncertainty, and what that does to the grade.

The index is the percentage of tumour nuclei that stain in the hot spot (the area of highest
labelling chosen at scanning magnification); WHO 2019 / CAP ask for at least 500 cells
(sources ``cap_net_protocol``, ``who2019_table_notes``). Counting is sampling: the count of
positive cells among N is binomial, so a true index near a cut-off can be read on either side.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from statistics import NormalDist
from typing import ClassVar

from netlib import checks
from netlib.data.criteria import WHO_2022_DIGESTIVE, GradingTable, get_table
from netlib.errors import InvalidValueError
from netlib.results import Explained

__all__ = ["RECOMMENDED_MIN_CELLS", "Ki67Count", "index", "wilson_interval", "count", "grade_probabilities",
           "misgrade_probability"]

#: Minimum number of tumour cells to count (WHO 2019 / CAP).
RECOMMENDED_MIN_CELLS = 500
MAX_CELLS = 1_000_000
SOURCES = ("cap_net_protocol", "who2019_table_notes")
#: What the flags of a :class:`Ki67Count` mean.
FLAGS: dict[str, str] = {
    "fewer_than_500_cells": f"Fewer than {RECOMMENDED_MIN_CELLS} tumour cells counted: the index is less certain "
                            "than the guidance asks for.",
    "interval_crosses_cutoff": "The confidence interval spans a grading cut-off: a recount could change the grade.",
}


def _counts(positive, total) -> tuple[int, int]:
    total = checks.integer("total", total, 1, MAX_CELLS, unit="tumour cells counted")
    positive = checks.integer("positive", positive, 0, total, unit="positive nuclei, at most total")
    return positive, total


def index(positive: int, total: int) -> float:
    """Ki-67 index in percent: ``100 * positive / total``."""
    positive, total = _counts(positive, total)
    return 100 * positive / total


def wilson_interval(positive: int, total: int, level: float = 0.95) -> tuple[float, float]:
    """Wilson score confidence interval for the index, in percent (source ``wilson1927``)."""
    positive, total = _counts(positive, total)
    level = checks.number("level", level, 0.5, 0.999, unit="confidence level")
    z = NormalDist().inv_cdf(0.5 + level / 2)
    p = positive / total
    denom = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denom
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / denom
    low = 0.0 if positive == 0 else max(0.0, 100 * (centre - half))
    high = 100.0 if positive == total else min(100.0, 100 * (centre + half))
    return low, high


@dataclass(frozen=True)
class Ki67Count(Explained):
    """A counted Ki-67 index with its confidence interval, flags (see :data:`FLAGS`) and sources."""

    positive: int
    total: int
    index_percent: float
    ci_low: float
    ci_high: float
    level: float
    flags: tuple[str, ...]
    steps: tuple[str, ...]
    sources: tuple[str, ...] = SOURCES + ("wilson1927",)

    card_title: ClassVar[str] = "Ki-67 count"
    flag_text: ClassVar[Mapping[str, str]] = FLAGS

    def headline(self) -> str:
        return f"{self.index_percent:.1f} %"

    def subtitle(self) -> str:
        return f"{self.level:.0%} CI {self.ci_low:.1f}-{self.ci_high:.1f} %"


def count(positive: int, total: int, level: float = 0.95,
          criteria: "str | GradingTable" = WHO_2022_DIGESTIVE) -> Ki67Count:
    """Index, Wilson interval and warnings (fewer than 500 cells; interval straddling a cut-off)."""
    idx = index(positive, total)
    lo, hi = wilson_interval(positive, total, level)
    table = get_table(criteria)
    warnings, steps = [], [f"{positive} positive of {total} tumour cells = {idx:.2f} %.",
                           f"{level:.0%} Wilson interval: {lo:.2f}-{hi:.2f} %."]
    if total < RECOMMENDED_MIN_CELLS:
        warnings.append("fewer_than_500_cells")
        steps.append(f"Only {total} cells counted; at least {RECOMMENDED_MIN_CELLS} are recommended.")
    straddled = [c for c in table.cutoffs("ki67") if lo < c < hi or c in (lo, hi)]
    if straddled:
        warnings.append("interval_crosses_cutoff")
        steps.append("The interval spans the cut-off(s) " + ", ".join(f"{c:g} %" for c in straddled)
                     + ": a recount (or a larger count) could change the grade.")
    return Ki67Count(positive, total, idx, lo, hi, level, tuple(warnings), tuple(steps))


def _log_binom_pmf(k: int, n: int, p: float) -> float:
    if p == 0.0:
        return 0.0 if k == 0 else -math.inf
    if p == 1.0:
        return 0.0 if k == n else -math.inf
    return (math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
            + k * math.log(p) + (n - k) * math.log1p(-p))


def grade_probabilities(true_index_percent: float, n_cells: int,
                        criteria: "str | GradingTable" = WHO_2022_DIGESTIVE) -> dict[str, float]:
    """Probability that counting ``n_cells`` from a true index lands in each band of ``criteria``.

    The positive count is Binomial(n_cells, true/100). Only Ki-67 is considered. Under WHO 2010
    the key ``"gap"`` holds the probability of landing between 2 and 3 %.
    Example: a true 2.5 % counted on 500 cells reads >= 3 % (G2) about 28 % of the time.
    """
    p = checks.number("true_index_percent", true_index_percent, 0, 100, unit="%") / 100
    n = checks.integer("n_cells", n_cells, 1, MAX_CELLS, unit="tumour cells counted")
    table = get_table(criteria)
    if "ki67" not in table.parameters():
        raise InvalidValueError("criteria", f"{table.key!r} has no Ki-67 bands")
    out = {b.label: 0.0 for b in table.bands}
    if table.known_gaps:
        out["gap"] = 0.0
    sd = math.sqrt(n * p * (1 - p))
    k_lo, k_hi = max(0, int(n * p - 40 * sd - 10)), min(n, int(n * p + 40 * sd + 10))  # the rest is < 1e-300
    for k in range(k_lo, k_hi + 1):
        lp = _log_binom_pmf(k, n, p)
        if lp < -745:  # exp underflows to 0
            continue
        i = table.band_index("ki67", 100 * k / n)
        out[table.bands[i].label if i is not None else "gap"] += math.exp(lp)
    return out


def misgrade_probability(true_index_percent: float, n_cells: int,
                         criteria: "str | GradingTable" = WHO_2022_DIGESTIVE) -> float:
    """Probability that the counted index falls in a different band from the true index."""
    table = get_table(criteria)
    probs = grade_probabilities(true_index_percent, n_cells, table)
    i = table.band_index("ki67", float(true_index_percent))
    right = probs[table.bands[i].label] if i is not None else probs.get("gap", 0.0)
    return max(0.0, 1.0 - right)


# --- cohorts for practice ---------------------------------------------------------------------
def simulate_cohort(n_cases: int = 2000, n_cells: int = 500, seed: int = 1, low: float = 0.5, high: float = 40.0):
    """A seeded cohort whose true Ki-67 is log-uniform in [low, high] %, each counted on ``n_cells`` cells.

    Returns a dict of numpy arrays: ``true``, ``counted`` (both %), ``true_grade`` and
    ``counted_grade`` (1-3 from :func:`netlib.grading.grade_array`, Ki-67 only).
    """
    import numpy as np

    from netlib.grading import grade_array

    n_cases = checks.integer("n_cases", n_cases, 1, 1_000_000)
    n_cells = checks.integer("n_cells", n_cells, 1, MAX_CELLS)
    seed = checks.integer("seed", seed, 0, 2**31 - 1)
    low = checks.number("low", low, 0, 100, low_open=True, unit="%")
    high = checks.number("high", high, low, 100, low_open=True, unit="%, above low")
    rng = np.random.default_rng(seed)
    true = np.exp(rng.uniform(np.log(low), np.log(high), n_cases))
    counted = 100 * rng.binomial(n_cells, true / 100) / n_cells
    nan = np.full(n_cases, np.nan)
    return {"true": true, "counted": counted, "true_grade": grade_array(true, nan),
            "counted_grade": grade_array(counted, nan)}
