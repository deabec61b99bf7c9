"""Figures of notebook 12 (advanced disease and complications), drawn from :mod:`netlib.data.advanced`.

Same conventions as :mod:`netlib.teaching.plots` (each function returns a Figure with alt text and a caption; show it
with :func:`netlib.teaching.plots.show`): titles state the point, axes carry units, Okabe-Ito colours with hatches
and labels that say the same. matplotlib is imported inside the functions, so importing this module stays light.
"""
from __future__ import annotations

from netlib.data import advanced as data
from netlib.data.references import citations_text

__all__ = ["chd_cohorts", "eas_sources"]


def chd_cohorts():
    """Two panels: sensitivity and specificity of NT-proBNP at the 260 pg/mL cut-off in the 2008 and 2023 cohorts
    (grouped bars, %), and the 2023 cohort's area under the ROC curve for three markers."""
    import matplotlib.pyplot as plt

    from netlib.teaching.plots import OKABE_ITO, _describe

    cohorts = list(data.CHD_COHORTS.values())
    cut = data.NT_PROBNP_CUTOFF_PG_ML
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(9.2, 3.8), gridspec_kw={"width_ratios": [1.25, 1]})
    width = 0.36
    measures = (("sensitivity", "Sensitivity", OKABE_ITO["vermillion"], ""),
                ("specificity", "Specificity", OKABE_ITO["blue"], "//"))
    for i, (attr, label, colour, hatch) in enumerate(measures):
        xs = [j + (i - 0.5) * width for j in range(len(cohorts))]
        values = [getattr(c, attr) for c in cohorts]
        bars = ax.bar(xs, values, width, color=colour, hatch=hatch, edgecolor="white", label=label)
        for b, v in zip(bars, values):
            ax.text(b.get_x() + b.get_width() / 2, v + 1.5, f"{v:g} %", ha="center", va="bottom", fontsize=8)
    ax.set_xticks(range(len(cohorts)))
    ax.set_xticklabels([f"{c.label}\n{c.n} patients,\n{c.with_chd} with heart disease" for c in cohorts], fontsize=8)
    ax.set_ylim(0, 110)
    ax.set_ylabel("% at the NT-proBNP cut-off")
    ax.set_title(f"NT-proBNP at {cut:g} pg/mL", fontsize=9)
    ax.legend(fontsize=8, loc="upper right", frameon=False)
    names = [m for m, _a, _t in data.CHD_MARKERS_2023]
    aurocs = [a for _m, a, _t in data.CHD_MARKERS_2023]
    colours = [OKABE_ITO["vermillion"], OKABE_ITO["green"], OKABE_ITO["orange"]]
    hatches = ["", "..", "xx"]
    ys = list(range(len(names)))[::-1]
    for y, a, c, h in zip(ys, aurocs, colours, hatches):
        bx.barh(y, a, color=c, hatch=h, edgecolor="white")
        bx.text(a + 0.01, y, f"{a:.2f}", va="center", fontsize=8)
    bx.axvline(0.5, color=OKABE_ITO["black"], ls=":", lw=1)
    bx.text(0.51, min(ys) - 0.62, "0.5 = chance", fontsize=7)
    bx.set_yticks(ys)
    bx.set_yticklabels(names, fontsize=8)
    bx.set_xlim(0, 1.05)
    bx.set_ylim(min(ys) - 0.75, max(ys) + 0.5)
    bx.set_xlabel("area under the ROC curve (0-1)")
    bx.set_title("2023 cohort: three markers", fontsize=9)
    fig.suptitle(f"The same NT-proBNP cut-off caught {cohorts[0].sensitivity:g} % of patients with carcinoid heart "
                 f"disease in {cohorts[0].year} but only {cohorts[1].sensitivity:g} % in {cohorts[1].year}", fontsize=10)
    fig.tight_layout()
    sens = "; ".join(f"{c.label} ({c.n} {c.population}, {c.with_chd} with carcinoid heart disease): sensitivity "
                     f"{c.sensitivity:g} %, specificity {c.specificity:g} %" for c in cohorts)
    markers = "; ".join(f"{m} {a:.2f}" for m, a in zip(names, aurocs))
    return _describe(
        fig, f"Two panels. Left: grouped bars of sensitivity (solid) and specificity (hatched) of NT-proBNP at "
             f"{cut:g} pg/mL in two cohorts. {sens}. Right: horizontal bars of the area under the ROC curve in the 2023 "
             f"cohort: {markers}, against a dotted line at 0.5 (chance). The point: a cut-off that caught most patients "
             "with heart disease in one cohort caught fewer than half of them in another, so a value below it does not rule "
             "carcinoid heart disease out.",
        "Sensitivity: the share of patients with carcinoid heart disease whose NT-proBNP was at or above the "
        "cut-off; specificity: the share without it whose value was below. Sources: "
        + citations_text([k for c in cohorts for k in c.sources]) + ".")


def eas_sources():
    """Where ectopic ACTH came from in an imaging review of 231 cases (% of cases), largest first."""
    import matplotlib.pyplot as plt

    from netlib.teaching.plots import OKABE_ITO, _describe

    items = sorted(data.EAS_SOURCES, key=lambda t: t[1])
    fig, ax = plt.subplots(figsize=(6.4, 3.2))
    colours = [OKABE_ITO["grey"] if name == "occult" else OKABE_ITO["blue"] if name != "lung"
               else OKABE_ITO["vermillion"] for name, _v in items]
    hatches = ["//" if name == "occult" else "" for name, _v in items]
    for y, ((name, value), c, h) in enumerate(zip(items, colours, hatches)):
        ax.barh(y, value, color=c, hatch=h, edgecolor="white")
        ax.text(value + 0.8, y, f"{value:g} %", va="center", fontsize=8)
    ax.set_yticks(range(len(items)))
    ax.set_yticklabels([("source not found (occult)" if n == "occult" else n) for n, _v in items], fontsize=8)
    ax.set_xlabel("% of 231 cases of ectopic ACTH")
    ax.set_xlim(0, 65)
    ax.set_title("Ectopic ACTH comes mostly from the lung, not the pancreas", fontsize=10)
    fig.tight_layout()
    listing = "; ".join(f"{n} {v:g} %" for n, v in data.EAS_SOURCES)
    total = f"{round(sum(v for _n, v in data.EAS_SOURCES), 1):g} %"
    return _describe(
        fig, f"Horizontal bars of where ectopic ACTH came from in an imaging review of 231 cases, largest first: "
             f"{listing}. The shares add up to {total}, as the review reports them; the source does not say why. The "
             "lung bar is highlighted; the occult bar (source not found) is grey and hatched. The point: the lung is "
             "the commonest source, and in about 1 case in 5 no source is found.",
        "Well-differentiated lung NETs (carcinoids) are now the commonest source, formerly small cell lung cancer. "
        f"The shares add up to {total}, as the review reports them; the source does not say why. "
        "Sources: " + citations_text(data.EAS_SOURCES_REF) + ".")
