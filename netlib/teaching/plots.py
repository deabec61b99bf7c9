"""Figures for the notebooks, drawn from netlib's data so a picture cannot drift from the logic.

Every function returns the matplotlib ``Figure`` (tests read its data back). Axes are labelled
with units, titles state the point, and colours come from the Okabe-Ito colour-blind-safe
palette. Import this module only where plots are wanted; ``import netlib`` does not load matplotlib.
"""
from __future__ import annotations

from typing import Sequence

import matplotlib
import matplotlib.pyplot as plt
import matplotlib.ticker
import numpy as np

from netlib import checks as V
from netlib import markers
from netlib.counting import fields, ki67, mitoses
from netlib.data import epidemiology, references
from netlib.data.criteria import (
    WHO_2010_DIGESTIVE,
    WHO_2017_PANCREAS,
    WHO_2021_THORACIC,
    WHO_2022_DIGESTIVE,
    get_table,
)
from netlib.errors import InvalidTypeError, InvalidValueError
from netlib.grading import grade_array

__all__ = ["OKABE_ITO", "marker_sensitivity", "site_distribution", "incidence_trends", "grade_map",
           "edition_comparison", "misgrade_curves", "ki67_field", "mitotic_counting", "cohort_shift",
           "thoracic_criteria", "survival_by_stage", "treatment_pathway", "trial_forest"]

#: Okabe-Ito palette (colour-blind safe).
OKABE_ITO = {"orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73", "yellow": "#F0E442", "blue": "#0072B2",
             "vermillion": "#D55E00", "purple": "#CC79A7", "black": "#000000", "grey": "#999999"}
GRADE_COLOURS = [OKABE_ITO["grey"], OKABE_ITO["sky"], OKABE_ITO["orange"], OKABE_ITO["vermillion"]]


def _int_list(name: str, value, low: int, high: int, max_len: int) -> list[int]:
    return [V.integer(name, v, low, high) for v in V.sequence(name, value, min_len=1, max_len=max_len)]


def _range(name: str, value, low: float, high: float) -> tuple[float, float]:
    pair = V.sequence(name, value, what="(start, stop)", min_len=2, max_len=2)
    a, b = (V.number(name, v, low, high) for v in pair)
    if not a < b:
        raise InvalidValueError(name, f"start must be below stop, got {value!r}")
    return a, b


def _source_note(fig, text: str) -> None:
    fig.text(0.01, 0.01, text, fontsize=7, color="#444444", ha="left", va="bottom")


def marker_sensitivity():
    """Grouped bars: sensitivity of synaptophysin, INSM1 and chromogranin A as tissue stains, in NENs and in NECs."""
    names = list(markers.MARKER_SENSITIVITY)
    x = np.arange(len(names))
    fig, ax = plt.subplots(figsize=(7, 4))
    for j, (group, colour) in enumerate((("NEN", OKABE_ITO["blue"]), ("NEC", OKABE_ITO["orange"]))):
        vals = [markers.MARKER_SENSITIVITY[n][group] for n in names]
        bars = ax.bar(x + (j - 0.5) * 0.38, vals, 0.38, label=f"all {group}s" if group == "NEN" else "NECs",
                      color=colour)
        ax.bar_label(bars, fmt="%.1f", fontsize=8)
    display = {"synaptophysin": "synaptophysin", "insm1": "INSM1", "chromogranin_a": "chromogranin A"}
    ax.set_xticks(x, [display.get(n, n.replace("_", " ")) for n in names])
    ax.set_xlabel("general neuroendocrine marker (immunohistochemistry on tissue)")
    ax.set_ylabel("sensitivity (% of tumours positive)")
    ax.set_ylim(0, 105)
    ax.set_title("As a tissue stain, chromogranin A misses a third of NECs;\nsynaptophysin and INSM1 do better",
                 fontsize=10)
    ax.legend(loc="lower right")
    _source_note(fig, "Source: Moller et al., Mol Cell Endocrinol 2024 (14,908 tumours)")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig


def site_distribution():
    """Horizontal bars: share of each of six primary sites among the NETs of one SEER cohort (Man 2018).

    The six shares add up to 100 %: they are not shares of all NETs (other sites such as the appendix and thymus
    are not counted), and the title and labels say so.
    """
    data = epidemiology.SITE_DISTRIBUTION
    fig, ax = plt.subplots(figsize=(7, 3.8))
    y = np.arange(len(data))[::-1]
    colours = [OKABE_ITO["vermillion"] if d.site == "pancreas" else OKABE_ITO["blue"] for d in data]
    bars = ax.barh(y, [d.percent for d in data], color=colours)
    ax.bar_label(bars, fmt="%.1f %%", fontsize=8)
    ax.set_yticks(y, [d.site for d in data])
    ax.set_ylabel("primary site")
    ax.set_xlabel("share of the NETs at these six sites (%)")
    ax.set_xlim(0, 36)
    ax.set_title("Six sites in one SEER cohort: lung and small intestine lead,\nthe pancreas comes fifth of the six",
                 fontsize=10)
    ref = references.get(epidemiology.SITE_DISTRIBUTION_SOURCE)
    _source_note(fig, f"Source: {ref.citation.split('.')[0]}. ({ref.year}), SEER 1973-2014, n = {epidemiology.SITE_DISTRIBUTION_N:,}; "
                      "six sites only (shares add up to 100 %)")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig


def incidence_trends():
    """Published incidence points for all NETs and for pancreatic NETs, with the source summary's quoted band."""
    fig, ax = plt.subplots(figsize=(7, 4))
    colours = [OKABE_ITO["blue"], OKABE_ITO["green"], OKABE_ITO["vermillion"]]
    markers_ = ["o", "s", "D"]
    for s, c, m in zip(epidemiology.INCIDENCE, colours, markers_):
        xs, ys = zip(*s.points)
        ax.plot(xs, ys, ls="--", marker=m, color=c, label=s.label)
    lo, hi = epidemiology.SEED_TEXT_INCIDENCE
    ax.axhspan(lo, hi, color=OKABE_ITO["yellow"], alpha=0.5, label=f"{lo:g}-{hi:g} quoted in the source summary")
    ax.set_xlabel("year of diagnosis")
    ax.set_ylabel("age-adjusted incidence (per 100,000 per year)")
    ax.set_title(f"{lo:g}-{hi:g} per 100,000 fits pancreatic NETs, not NETs as a whole")
    ax.legend(fontsize=8, loc="upper left")
    _source_note(fig, "Published first and last years only (dashed lines join them). Sources: Dasari et al. 2017, "
                      "Wu et al. 2023, Sonbol et al. 2022")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig


def grade_map(criteria="who2022_digestive", ki67_max: float = 30.0, mitoses_max: float = 30.0, resolution: int = 301):
    """Map of the digestive grade over Ki-67 (x) and mitoses (y): the higher grade wins."""
    table = get_table(criteria)
    if table.system != "digestive":
        raise InvalidValueError("criteria", f"grade_map needs a digestive table, got {table.key!r}")
    V.number("ki67_max", ki67_max, 0, 100, low_open=True, unit="%")
    V.number("mitoses_max", mitoses_max, 0, 1000, low_open=True, unit="per 2 mm²")
    V.integer("resolution", resolution, 2, 1000)
    k = np.linspace(0, ki67_max, resolution)
    m = np.linspace(0, mitoses_max, resolution)
    K, M = np.meshgrid(k, m)
    G = grade_array(K.ravel(), M.ravel(), table).reshape(K.shape)
    fig, ax = plt.subplots(figsize=(6, 5))
    from matplotlib.colors import ListedColormap
    cmap = ListedColormap(GRADE_COLOURS)
    ax.pcolormesh(K, M, G, cmap=cmap, vmin=-0.5, vmax=3.5, shading="auto")
    labels = {0: "no grade (gap)"} | {i + 1: b.label for i, b in enumerate(table.bands)}
    for g in sorted(set(np.unique(G).tolist())):
        ax.plot([], [], "s", color=GRADE_COLOURS[g], label=labels[g], markersize=10)
    ax.set_xlabel("Ki-67 index (%)")
    ax.set_ylabel(f"mitoses ({table.mitoses_unit})")
    ax.set_title(f"The higher of Ki-67 and mitoses sets the grade\n({table.title})", fontsize=10)
    ax.legend(loc="upper right", fontsize=8)
    fig.tight_layout()
    return fig


def edition_comparison(ki67_max: float = 25.0):
    """Ki-67 bands of WHO 2010, 2017 and 2019/2022 side by side; the 2010 gap shows as a hole."""
    V.number("ki67_max", ki67_max, 3, 100, unit="%")
    tables = (WHO_2010_DIGESTIVE, WHO_2017_PANCREAS, WHO_2022_DIGESTIVE)
    fig, ax = plt.subplots(figsize=(7.5, 3))
    colour = {"NET G1": GRADE_COLOURS[1], "NET G2": GRADE_COLOURS[2], "NET G3": GRADE_COLOURS[3],
              "NEC": OKABE_ITO["purple"]}
    for row, t in enumerate(tables):
        for b in t.bands:
            lo, hi = b.ki67.low, min(b.ki67.high, ki67_max)
            ax.barh(row, hi - lo, left=lo, color=colour[b.label], edgecolor="white")
            ax.text((lo + hi) / 2, row, b.label, ha="center", va="center", fontsize=8)
        for _p, iv in t.known_gaps:
            ax.barh(row, iv.high - iv.low, left=iv.low, color="white", edgecolor=OKABE_ITO["black"], hatch="//")
    ax.set_yticks(range(len(tables)), [t.title for t in tables])
    ax.set_xlabel("Ki-67 index (%)")
    ax.set_xlim(0, ki67_max)
    gap = WHO_2010_DIGESTIVE.known_gaps[0][1]
    ax.set_title(f"WHO 2017 closed the {gap.low:g}-{gap.high:g} % gap and made well-differentiated G3 a NET",
                 fontsize=10)
    fig.tight_layout()
    return fig


def misgrade_curves(cells: Sequence[int] = (ki67.RECOMMENDED_MIN_CELLS, 1000, 2000), true_range=(0.5, 30.0), points: int = 120):
    """Probability that a count lands in the wrong grade, against the true Ki-67, for several cell counts."""
    cells = _int_list("cells", cells, 1, 20_000, 3)
    xs = np.linspace(*_range("true_range", true_range, 0, 100), V.integer("points", points, 2, 400))
    fig, ax = plt.subplots(figsize=(7, 4))
    colours = [OKABE_ITO["vermillion"], OKABE_ITO["orange"], OKABE_ITO["blue"]]
    for n, c in zip(cells, colours * 3):
        ax.plot(xs, [100 * ki67.misgrade_probability(float(x), int(n)) for x in xs], color=c, label=f"{n} cells")
    for cut in WHO_2022_DIGESTIVE.cutoffs("ki67"):
        ax.axvline(cut, color=OKABE_ITO["grey"], ls=":")
    ax.set_xlabel("true Ki-67 index (%)")
    ax.set_ylabel("chance of the wrong grade (%)")
    ax.set_title("Near a cut-off, counting more cells is the only cure for chance", fontsize=10)
    ax.legend()
    fig.tight_layout()
    return fig


def ki67_field(field: "fields.Ki67Field", show_hotspot: bool = False):
    """The synthetic field: brown filled (positive) and blue hollow (negative) nuclei on a labelled grid."""
    V.instance("field", field, fields.Ki67Field, "a netlib.counting.fields.Ki67Field")
    V.boolean("show_hotspot", show_hotspot)
    fig, ax = plt.subplots(figsize=(6, 6))
    pos = np.array(field.positive)
    x, y = np.array(field.x), np.array(field.y)
    ax.scatter(x[~pos], y[~pos], s=14, facecolors="none", edgecolors=OKABE_ITO["blue"], linewidths=0.8,
               label="Ki-67 negative (blue)")
    ax.scatter(x[pos], y[pos], s=18, color="#8B4513", label="Ki-67 positive (brown)")
    g = field.grid
    for i in range(1, g):
        ax.axhline(i / g, color=OKABE_ITO["grey"], lw=0.6)
        ax.axvline(i / g, color=OKABE_ITO["grey"], lw=0.6)
    ax.set_xticks([(c + 0.5) / g for c in range(g)], [str(c + 1) for c in range(g)])
    ax.set_yticks([1 - (r + 0.5) / g for r in range(g)], list("ABCDEFGHIJ"[:g]))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_aspect("equal")
    ax.set_xlabel("grid column (each square is 1/%d of the field width)" % g)
    ax.set_ylabel("grid row")
    if show_hotspot:
        ax.add_patch(plt.Circle(field.hotspot_centre, field.hotspot_radius, fill=False, color=OKABE_ITO["orange"],
                                lw=2, label="hot spot (truth)"))
    ax.set_title("Find the hot spot: where are brown nuclei densest?", fontsize=10)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=3, fontsize=8)
    fig.tight_layout()
    return fig


def mitotic_counting(cutoff: float | None = None, areas: Sequence[float] = (mitoses.REFERENCE_AREA_MM2,
                     mitoses.RECOMMENDED_AREA_MM2), true_range=(0.2, 6.0), points: int = 80):
    """Chance that a mitotic count lands in the wrong band against the true rate, for 2 vs 10 mm² counted.

    ``cutoff`` (mitoses per 2 mm²) marks a cut-off on the plot; by default the WHO 2019/2022 G1/G2 cut-off.
    """
    if cutoff is None:
        cutoff = WHO_2022_DIGESTIVE.cutoffs("mitoses")[0]
    V.number("cutoff", cutoff, 0, 1000, unit="per 2 mm²")
    areas = [V.number("areas", a, 0, 100, low_open=True, unit="mm²")
             for a in V.sequence("areas", areas, what="two areas to compare (mm²)", min_len=2, max_len=2)]
    xs = np.linspace(*_range("true_range", true_range, 0, 1000), V.integer("points", points, 2, 400))
    fig, ax = plt.subplots(figsize=(7, 4))
    for a, c in zip(areas, (OKABE_ITO["vermillion"], OKABE_ITO["blue"])):
        ax.plot(xs, [100 * mitoses.crossing_probability(float(x), float(a)) for x in xs], color=c,
                label=f"count {a:g} mm²" + (f" then divide by {a / mitoses.REFERENCE_AREA_MM2:g}"
                                            if a != mitoses.REFERENCE_AREA_MM2 else ""))
    ax.axvline(cutoff, color=OKABE_ITO["grey"], ls=":")
    ax.set_xlabel("true mitotic rate (mitoses per 2 mm²)")
    ax.set_ylabel("chance of the wrong band (%)")
    big, small = max(areas), min(areas)
    ax.set_title(f"Counting {big:g} mm² and dividing by {big / mitoses.REFERENCE_AREA_MM2:g} is steadier than "
                 f"counting {small:g} mm²", fontsize=10)
    ax.legend()
    fig.tight_layout()
    return fig


def cohort_shift(cohort: dict):
    """Stacked bars: for each true grade, the share of cases the count put in each grade."""
    if not isinstance(cohort, dict) or not {"true_grade", "counted_grade"} <= set(cohort):
        raise InvalidTypeError("cohort", "expected the dict returned by netlib.counting.ki67.simulate_cohort")
    tg, cg = np.asarray(cohort["true_grade"]), np.asarray(cohort["counted_grade"])
    if tg.shape != cg.shape or tg.ndim != 1:
        raise InvalidValueError("cohort", "true_grade and counted_grade must be 1-D arrays of the same length")
    fig, ax = plt.subplots(figsize=(6.5, 4))
    bottoms = np.zeros(3)
    for counted in (1, 2, 3):
        share = np.array([100 * np.mean(cg[tg == t] == counted) if np.any(tg == t) else 0 for t in (1, 2, 3)])
        ax.bar(["true G1", "true G2", "true G3"], share, bottom=bottoms, color=GRADE_COLOURS[counted],
               label=f"counted as G{counted}")
        bottoms += share
    ax.set_ylabel("share of cases (%)")
    ax.set_xlabel("grade of the true Ki-67 index")
    wrong = 100 * np.mean(tg != cg)
    ax.set_title(f"Counting noise alone moves {wrong:.1f} % of cases to another grade", fontsize=10)
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    return fig


def thoracic_criteria():
    """The thoracic mitotic axis with its bands and the necrosis rule."""
    t = WHO_2021_THORACIC
    fig, ax = plt.subplots(figsize=(7.5, 2.8))
    colours = [GRADE_COLOURS[1], GRADE_COLOURS[2], GRADE_COLOURS[3]]
    cuts = t.cutoffs("mitoses")  # (2, 10) per 2 mm²
    x_max = cuts[-1] + 6
    for b, c in zip(t.bands, colours):
        lo, hi = b.mitoses.low, min(b.mitoses.high, x_max)
        ax.barh(0, hi - lo, left=lo, color=c, edgecolor="white")
        ax.text((lo + hi) / 2, 0, b.label, ha="center", va="center", fontsize=8)
    typical_top = t.bands[0].mitoses.high
    ax.barh(1, typical_top, left=0, color=GRADE_COLOURS[2], edgecolor="white")
    ax.text(typical_top / 2, 1, "necrosis -> atypical", ha="center", va="center", fontsize=8)
    ax.set_yticks([0, 1], ["no necrosis", "necrosis"])
    ax.set_ylabel("necrosis")
    ax.set_xlabel("mitoses per 2 mm²")
    ax.set_xlim(0, x_max)
    ax.set_title(f"Lung and thymus: {cuts[0]:g} and {cuts[1]:g} mitoses are the cut-offs; Ki-67 is not used",
                 fontsize=10)
    fig.tight_layout()
    return fig


def survival_by_stage():
    """5-year overall survival of pancreatic NETs by SEER stage (published figures)."""
    from netlib.data.epidemiology import PNET_SURVIVAL_BY_STAGE as S

    fig, ax = plt.subplots(figsize=(6, 3.8))
    colours = [OKABE_ITO["blue"], OKABE_ITO["orange"], OKABE_ITO["vermillion"]]
    bars = ax.bar(list(S), list(S.values()), color=colours)
    ax.bar_label(bars, fmt="%.0f %%")
    ax.set_ylim(0, 100)
    ax.set_xlabel("SEER summary stage at diagnosis")
    ax.set_ylabel("5-year overall survival (%)")
    ax.set_title("Pancreatic NETs: stage at diagnosis separates survival", fontsize=10)
    _source_note(fig, "Source: Sonbol et al., Oncologist 2022, SEER 2000-2016")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig


_CATEGORY_FAMILY = {
    "surveillance": "watch", "endoscopic_resection": "local", "endoscopic_resection_or_surveillance": "local",
    "appendectomy": "local", "enucleation": "local", "right_hemicolectomy": "surgery",
    "oncologic_resection_with_lymphadenectomy": "surgery", "gastrectomy_with_lymphadenectomy": "surgery",
    "liver_metastasis_resection": "surgery", "somatostatin_analogue": "systemic", "prrt": "systemic",
    "targeted_therapy": "systemic", "chemotherapy": "systemic", "platinum_etoposide": "systemic",
    "syndrome_control": "systemic", "individualized": "review", "multidisciplinary_review": "review",
}
_FAMILY_COLOUR = {"watch": OKABE_ITO["green"], "local": OKABE_ITO["sky"], "surgery": OKABE_ITO["blue"],
                  "systemic": OKABE_ITO["orange"], "review": OKABE_ITO["grey"]}


#: The groups of the pathway figure, in reading order, and how a rule is placed in one (from its own data).
PATHWAY_GROUPS = ("Hormone control first (metastatic functioning tumours)", "The pathology decides first",
                  "Localised tumours", "Metastatic tumours")


def pathway_group(rule) -> str:
    """Which group of :data:`PATHWAY_GROUPS` a rule belongs to, read from its layer and conditions."""
    from netlib.data.treatment_rules import LOCALISED, METASTATIC, Rule

    V.instance("rule", rule, Rule, "a netlib.treatment.Rule")
    if rule.layer == "hormone":
        return PATHWAY_GROUPS[0]
    if METASTATIC in rule.conditions:
        return PATHWAY_GROUPS[3]
    if LOCALISED in rule.conditions:
        return PATHWAY_GROUPS[2]
    return PATHWAY_GROUPS[1]


def treatment_pathway(rules=None):
    """The treatment rules as a pathway in two panels: localised tumours (left); hormone control, the pathology
    that decides first, and metastatic tumours (right). Each rule points to its category; the case's findings
    select one rule per layer (hormone control, then tumour-directed), whatever the order of the list.

    Drawn from :data:`netlib.treatment.RULES` itself, so the picture cannot drift from the logic.
    """
    from netlib.treatment import RULES, Rule

    rules = RULES if rules is None else tuple(V.sequence("rules", rules, max_len=200))
    for r in rules:
        V.instance("rules", r, Rule, "netlib.treatment.Rule objects")
    if not rules:
        raise InvalidValueError("rules", "at least one rule is needed")
    groups = {g: [r for r in rules if pathway_group(r) == g] for g in PATHWAY_GROUPS}
    panels = ([PATHWAY_GROUPS[2]], [PATHWAY_GROUPS[0], PATHWAY_GROUPS[1], PATHWAY_GROUPS[3]])
    heights = [sum(len(groups[g]) + 1.5 for g in panel if groups[g]) for panel in panels]
    rows = max(heights + [1.0])
    fig, axes = plt.subplots(1, 2, figsize=(15, 0.27 * rows + 1.4), dpi=150)
    for ax, panel in zip(axes, panels):
        y = rows - 0.5
        for g in panel:
            if not groups[g]:
                continue
            ax.text(0.0, y, g, va="center", ha="left", fontsize=8.5, fontweight="bold")
            y -= 1.0
            for r in groups[g]:
                fam = _CATEGORY_FAMILY[r.category]
                ax.text(0.01, y, r.title, va="center", ha="left", fontsize=7)
                ax.annotate("", xy=(0.665, y), xytext=(0.635, y), arrowprops={"arrowstyle": "->", "color": "#555555"})
                ax.text(0.67, y, r.category.replace("_", " "), va="center", ha="left", fontsize=7,
                        bbox={"boxstyle": "round,pad=0.2", "facecolor": _FAMILY_COLOUR[fam], "alpha": 0.6})
                y -= 1.0
            y -= 0.5
        ax.set_xlim(0, 1)
        ax.set_ylim(0, rows)
        ax.set_xticks([])
        ax.set_yticks([])
        for side in ("top", "right", "bottom", "left"):
            ax.spines[side].set_visible(False)
    axes[0].set_xlabel("rule (all its conditions must hold)  ->  category")
    axes[1].set_xlabel("rule (all its conditions must hold)  ->  category")
    axes[0].set_ylabel("localised tumours (no distant metastases)")
    axes[1].set_ylabel("hormone control, pathology first, metastatic tumours")
    for fam, colour in _FAMILY_COLOUR.items():
        axes[1].plot([], [], "s", color=colour, alpha=0.6, label=fam)
    axes[1].legend(loc="lower right", fontsize=7, title="family", title_fontsize=7)
    fig.suptitle(f"The treatment logic: {len(rules)} rules; a case's findings select one per layer "
                 "(nodes, depth and grade count, not size alone)", fontsize=10)
    fig.tight_layout()
    return fig


def trial_forest(keys=None):
    """Hazard ratios of the pivotal trials' primary endpoints on a log scale (no CIs are stored)."""
    from netlib.data.trials import TRIALS

    if keys is not None:
        keys = [V.choice("keys", k, tuple(TRIALS)) for k in V.sequence("keys", keys, max_len=len(TRIALS))]
    trials = [t for t in TRIALS.values() if t.hazard_ratio is not None and (keys is None or t.key in keys)]
    if not trials:
        raise InvalidValueError("keys", "none of these trials has a hazard ratio to plot")
    fig, ax = plt.subplots(figsize=(8.5, 0.45 * len(trials) + 1.4))
    y = np.arange(len(trials))[::-1]
    hrs = [t.hazard_ratio for t in trials]
    ax.scatter(hrs, y, marker="D", color=OKABE_ITO["blue"], zorder=3)
    for yi, t in zip(y, trials):
        ax.text(t.hazard_ratio * 1.06, yi, f"{t.hazard_ratio:g}", va="center", fontsize=8)
    ax.axvline(1.0, color=OKABE_ITO["black"], lw=1)
    ax.set_xscale("log")
    ax.set_xlim(0.15, 1.5)
    ax.set_xticks([0.2, 0.3, 0.5, 0.7, 1.0], ["0.2", "0.3", "0.5", "0.7", "1"])
    ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    ax.set_yticks(y, [f"{t.name} ({t.year})" for t in trials])
    ax.set_xlabel("hazard ratio, primary endpoint (log scale; < 1 favours the new arm)")
    ax.set_ylabel("trial")
    below = sum(t.hazard_ratio < 1 for t in trials)
    ax.set_title(f"{below} of {len(trials)} hazard ratios below 1: the new arm delayed progression", fontsize=10)
    _source_note(fig, "Point estimates only; confidence intervals are not stored. Sources: the trial reports (see references)")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig
