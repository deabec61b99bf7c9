"""Published SEER figures used by the notebooks' plots, as data with their sources.

Only figures read from the cited articles are here. Incidence is age-adjusted, per 100,000
person-years. Where a source gives only its first and last year, only those points are stored:
a plot may join them, but must not pretend to show the years in between.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SiteShare", "SITE_DISTRIBUTION", "SITE_DISTRIBUTION_SOURCE", "SITE_DISTRIBUTION_N",
           "SITE_DISTRIBUTION_SCOPE", "IncidenceSeries", "INCIDENCE", "SEED_TEXT_INCIDENCE", "PNET_SURVIVAL_BY_STAGE",
           "PNET_SURVIVAL_SOURCE"]


@dataclass(frozen=True)
class SiteShare:
    site: str
    percent: float


#: Share of each of six primary sites among the NETs of one SEER cohort, 1973-2014, n = 73,782 (source ``man2018``).
#: The six shares add up to 100 %: they describe these six sites in that cohort, not every NET (appendix, thymus,
#: unknown primary and other sites are not counted).
SITE_DISTRIBUTION: tuple[SiteShare, ...] = (
    SiteShare("lung/bronchus", 30.6), SiteShare("small intestine", 22.2), SiteShare("rectum", 16.2),
    SiteShare("colon", 13.4), SiteShare("pancreas", 10.8), SiteShare("stomach", 6.8),
)
SITE_DISTRIBUTION_SOURCE = "man2018"
SITE_DISTRIBUTION_N = 73_782
#: What the shares are shares of, in words (for titles and labels).
SITE_DISTRIBUTION_SCOPE = "six primary sites of one SEER cohort (Man 2018, 1973-2014)"


@dataclass(frozen=True)
class IncidenceSeries:
    """Published incidence points (year, per 100,000) of one population."""

    label: str
    points: tuple[tuple[int, float], ...]
    source: str


INCIDENCE: tuple[IncidenceSeries, ...] = (
    IncidenceSeries("all NETs, SEER (Dasari 2017)", ((1973, 1.09), (2012, 6.98)), "dasari2017"),
    IncidenceSeries("all NETs, SEER (Wu 2023)", ((2000, 4.90), (2018, 8.19)), "wu2023"),
    IncidenceSeries("pancreatic NETs, SEER (Sonbol 2022)", ((2000, 0.27), (2016, 1.00)), "sonbol2022"),
)

#: The range the source summary quotes for "neuroendocrine tumours" (per 100,000 per year).
SEED_TEXT_INCIDENCE = (0.3, 0.8)

#: 5-year overall survival (%) of pancreatic NETs by SEER stage, 2000-2016 (source ``sonbol2022``).
PNET_SURVIVAL_BY_STAGE: dict[str, float] = {"localised": 83.0, "regional": 67.0, "distant": 28.0}
PNET_SURVIVAL_SOURCE = "sonbol2022"
