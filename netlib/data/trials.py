"""The pivotal NET trials as data: population, arms, primary endpoint, medians, hazard ratio.

Medians in months; ``None`` where not reached or not reported. Hazard ratios are for the primary
endpoint, experimental vs control. Figures from the trial reports cited by ``source``; ``supporting``
names further primary sources (a follow-up report, or a guideline that adopts the result) where the
report itself has no confirmed DOI or PMID. ``sources`` gives both.

:data:`HAZARD_RATIOS` lists each hazard ratio with its endpoint, its 95 % confidence interval (``None`` where the
interval was not found in a source we could read) and where the interval was read, for the primary endpoints and
for the overall-survival results that were reported (mostly not significant).
"""
from __future__ import annotations

from dataclasses import dataclass

from netlib.errors import InvalidValueError

__all__ = ["Trial", "TRIALS", "get", "HazardRatio", "HAZARD_RATIOS"]


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


@dataclass(frozen=True)
class HazardRatio:
    """One hazard ratio of one trial: experimental vs the trial's control arm, for one endpoint.

    ``endpoint`` is ``PFS``, ``TTP`` or ``OS``; ``primary`` says whether it is the trial's primary endpoint;
    ``ci95`` is the 95 % confidence interval, ``None`` where no source we could read gives it; ``significant``
    is the report's own verdict (its p-value or interval); ``source`` is the reference the hazard ratio is read
    from and ``ci_read_in`` says where the interval was read (the abstract, or a named secondary summary).
    """

    trial: str
    endpoint: str
    hazard_ratio: float
    ci95: tuple[float, float] | None
    significant: bool
    source: str
    ci_read_in: str
    primary: bool = True
    analysis: str = "primary analysis"
    note: str = ""

    @property
    def comparator(self) -> str:
        """The control arm, as stored on the trial (placebo, octreotide LAR 60 mg, temozolomide ...)."""
        return TRIALS[self.trial].control

    @property
    def sources(self) -> tuple[str, ...]:
        """The report of this hazard ratio, then the trial's own sources (without repeats)."""
        return tuple(dict.fromkeys((self.source, *TRIALS[self.trial].sources)))


#: Hazard ratios with 95 % CIs, each checked against the abstract of the report named (found with the search tool;
#: PubMed or journal pages unless ``ci_read_in`` names a secondary summary). Primary-endpoint ratios equal
#: ``Trial.hazard_ratio`` (tested).
HAZARD_RATIOS: tuple[HazardRatio, ...] = (
    # J Clin Oncol 2009 abstract (PMID 19704057): HR 0.34; 95% CI, 0.20 to 0.59; P = .000072.
    HazardRatio("promid", "TTP", 0.34, (0.20, 0.59), True, "promid", "PubMed abstract (PMID 19704057)"),
    # Neuroendocrinology 2017;104:26-32 abstract: HR 0.83 (95% CI 0.47-1.46), p = 0.51; 38 of 43 placebo patients
    # received octreotide LAR after progression.
    HazardRatio("promid", "OS", 0.83, (0.47, 1.46), False, "promid_long_term_os",
                "abstract of the long-term survival report (Neuroendocrinology 2017)", primary=False,
                analysis="long-term follow-up", note="38 of 43 placebo patients received octreotide LAR after "
                                                     "progression"),
    # N Engl J Med 2014 abstract (institutional repository copy): HR 0.47; 95% CI, 0.30 to 0.73.
    HazardRatio("clarinet", "PFS", 0.47, (0.30, 0.73), True, "clarinet",
                "abstract of the NEJM report (University of Antwerp repository copy)"),
    # N Engl J Med 2011 abstract (PMID 21306238): HR 0.35; 95% CI, 0.27 to 0.45; P<0.001.
    HazardRatio("radiant3", "PFS", 0.35, (0.27, 0.45), True, "radiant3", "PubMed abstract (PMID 21306238)"),
    # J Clin Oncol 2016 (PMC5791842): HR 0.94; 95% CI, 0.73 to 1.20; P = .30; 85 % of placebo patients crossed over.
    HazardRatio("radiant3", "OS", 0.94, (0.73, 1.20), False, "radiant3_final_os",
                "PubMed Central abstract (PMC5791842)", primary=False, analysis="final analysis",
                note="172 of 203 placebo patients (85 %) received open-label everolimus"),
    # Lancet 2016 abstract (PMID 26703889): HR 0.48 [95% CI 0.35-0.67].
    HazardRatio("radiant4", "PFS", 0.48, (0.35, 0.67), True, "radiant4", "PubMed abstract (PMID 26703889)"),
    # Cancer Sci 2018 abstract (PMC5765303): HR 0.50; 95% CI, 0.28-0.88.
    HazardRatio("radiant4_lung", "PFS", 0.50, (0.28, 0.88), True, "radiant4_lung",
                "PubMed Central abstract (PMC5765303)", analysis="post hoc subgroup analysis"),
    # N Engl J Med 2011 abstract (PMID 21306237): HR 0.42; 95% CI, 0.26 to 0.66; P<0.001.
    HazardRatio("sunitinib_pnet", "PFS", 0.42, (0.26, 0.66), True, "sunitinib_pnet",
                "PubMed abstract (PMID 21306237)"),
    # The NEJM 2017 abstract gives 20-month PFS rates, not the interval; 0.214 (0.13-0.33) is the ESMO-MCBS
    # scorecard's reading of the report (scorecard 152, esmo.org).
    HazardRatio("netter1", "PFS", 0.21, (0.13, 0.33), True, "netter1",
                "ESMO-MCBS scorecard 152 (secondary; the NEJM abstract does not print the interval)"),
    # Lancet Oncol 2021 final OS: HR 0.84 (95% CI 0.60-1.17), p = 0.30 - the investigators' ESMO 2021 abstract
    # 1102P and the ESMO-MCBS scorecard 152 give the same values.
    HazardRatio("netter1", "OS", 0.84, (0.60, 1.17), False, "netter1_final_os",
                "the investigators' ESMO 2021 abstract 1102P and ESMO-MCBS scorecard 152", primary=False,
                analysis="final analysis"),
    # Lancet 2024: stratified HR 0.276 [0.182-0.418], P < .0001, as quoted from the abstract by DocWire News.
    HazardRatio("netter2", "PFS", 0.276, (0.182, 0.418), True, "netter2",
                "a news summary quoting the Lancet abstract (DocWire News; secondary)"),
    # J Clin Oncol 2023 abstract (PMID 36260828) prints HR 0.58 and stratified log-rank P = .022, no interval.
    HazardRatio("e2211", "PFS", 0.58, None, True, "e2211",
                "not found: the PubMed abstract (PMID 36260828) gives no interval"),
    # Same abstract: final OS HR 0.82, P = .42, no interval.
    HazardRatio("e2211", "OS", 0.82, None, False, "e2211",
                "not found: the PubMed abstract (PMID 36260828) gives no interval", primary=False,
                analysis="final analysis"),
    # N Engl J Med 2025 abstract (PMID 39282913): stratified HR 0.23; 95% CI, 0.12 to 0.42 (pancreatic) and 0.38;
    # 95% CI, 0.25 to 0.59 (extra-pancreatic).
    HazardRatio("cabinet_pnet", "PFS", 0.23, (0.12, 0.42), True, "cabinet", "PubMed abstract (PMID 39282913)"),
    HazardRatio("cabinet_epnet", "PFS", 0.38, (0.25, 0.59), True, "cabinet", "PubMed abstract (PMID 39282913)"),
)


def get(key: str) -> Trial:
    """The trial with this key; unknown keys raise ``ValueError``."""
    if not isinstance(key, str) or key not in TRIALS:
        raise InvalidValueError("key", f"{key!r} is not a known trial; known: {', '.join(TRIALS)}")
    return TRIALS[key]
