"""Figures of notebook 11 (the biopsy and the unknown primary), built on :mod:`netlib.data.site_markers`.

Same conventions as :mod:`netlib.teaching.plots` (each function returns a Figure with alt text and a caption; show it
with :func:`netlib.teaching.plots.show`): the title states the point, axes carry units, Okabe-Ito colours with marker
shapes that say the same. matplotlib is imported only when a figure is drawn.
"""
from __future__ import annotations

__all__ = ["site_marker_figures"]

#: Colour and marker shape of each candidate site (Okabe-Ito; the shape repeats the colour's message), and of the
#: groups some studies pooled (black, their own shapes).
_SITE_STYLE = {"lung": ("#0072B2", "o"), "pancreas": ("#D55E00", "s"), "small_intestine": ("#009E73", "D"),
               "appendix": ("#CC79A7", "^"), "rectum": ("#E69F00", "v"), "gastrointestinal": ("#000000", "P"),
               "hindgut": ("#000000", "X")}


def _rows():
    """(marker name, figure) for every study figure that gives a sensitivity or a specificity, catalogue order."""
    from netlib.data import site_markers as S

    return [(m.name.split(" (")[0], f) for m in S.SITE_MARKERS.values() for f in m.figures
            if f.sensitivity is not None or f.specificity is not None]


def _study_numbers(rows) -> dict[tuple[str, ...], int]:
    """Each study (its sources) of ``rows`` numbered from 1 in order of first appearance."""
    return {src: i for i, src in enumerate(dict.fromkeys(f.sources for _n, f in rows), 1)}


def site_marker_figures():
    """One row per study figure: the sensitivity (filled) and, where the study gives it, the specificity (open) of
    each site-of-origin marker, labelled and coloured by what that study measured (a site, or a group of sites it
    pooled), with the study's number on the row and the numbered study key under the plot. Figures of different
    studies are drawn side by side, never combined."""
    import textwrap

    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    from netlib.data import site_markers as S
    from netlib.data.references import citations_text
    from netlib.teaching.plots import _describe

    rows = _rows()
    number = _study_numbers(rows)
    key = [(i, citations_text(src)) for src, i in number.items()]  # authors and year where known, else the title
    key_lines = [line for i, text in key for line in textwrap.wrap(f"{i}  {text}", 150, subsequent_indent="    ")]
    height = 0.34 * len(rows) + 2.4 + 0.17 * len(key_lines)
    bottom = 1.45 + 0.17 * len(key_lines)
    fig, ax = plt.subplots(figsize=(9.2, height))
    fig.subplots_adjust(left=0.42, right=0.90, top=1 - 0.75 / height, bottom=bottom / height)
    ys = list(range(len(rows)))[::-1]
    labels = []
    for y, (name, f) in zip(ys, rows):
        colour, shape = _SITE_STYLE[f.target]
        ax.axhline(y, color="#dddddd", lw=0.6, zorder=0)
        if f.sensitivity is not None:
            ax.scatter(f.sensitivity, y, s=46, color=colour, marker=shape, zorder=3, clip_on=False)
        if f.specificity is not None:
            ax.scatter(f.specificity, y, s=46, facecolors="white", edgecolors=colour, marker=shape, linewidths=1.6,
                       zorder=3, clip_on=False)
        if f.sensitivity is not None and f.specificity is not None:
            ax.plot([f.sensitivity, f.specificity], [y, y], color=colour, lw=0.8, ls=":", zorder=2)
        labels.append(f"{name} → {S.TARGET_WORDS[f.target]} ({f.setting.split(';')[0]})")
        ax.text(104, y, str(number[f.sources]), va="center", ha="center", fontsize=7.5, color="#333333")
    ax.set_yticks(ys, labels, fontsize=7.5)
    ax.set_xlim(0, 100)
    ax.set_xticks(range(0, 101, 20))
    ax.text(104, len(rows) - 0.4, "study", fontsize=7.5, fontweight="bold", ha="center")
    ax.set_xlabel("% in that study: sensitivity (filled) and specificity (open)")
    ax.set_ylabel("marker → what the study measured (material)")
    sens = [f.sensitivity for _n, f in rows if f.sensitivity is not None]
    fig.suptitle(f"Site-of-origin markers find from {min(sens):g} % to {max(sens):g} % of the tumours they point to, "
                 "and none is site-specific;\neach row is one study's figure, so the rows are not added up",
                 fontsize=10, x=0.5)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    handles = [Line2D([], [], color=c, marker=m, ls="", label=S.TARGET_WORDS[t] + (" (pooled sites)" if t in
                                                                                    S.GROUP_WORDS else ""))
               for t, (c, m) in _SITE_STYLE.items()]
    handles += [Line2D([], [], color="#555555", marker="o", ls="", label="sensitivity (filled)"),
                Line2D([], [], markerfacecolor="white", markeredgecolor="#555555", marker="o", ls="",
                       label="specificity (open)")]
    fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, (0.2 + 0.17 * len(key_lines)) / height),
               ncol=4, fontsize=7.5, frameon=False)
    fig.text(0.02, 0.15 / height, "Studies:\n" + "\n".join(key_lines), fontsize=7, va="bottom", ha="left",
             color="#333333", linespacing=1.35)
    parts = "; ".join(
        f"{name} for {S.TARGET_WORDS[f.target]} in {f.setting.split(';')[0]} (study {number[f.sources]}): "
        + ", ".join(p for p in ((f"sensitivity {f.sensitivity:g} %" if f.sensitivity is not None else ""),
                                (f"specificity {f.specificity:g} %" if f.specificity is not None else "")) if p)
        for name, f in rows)
    studies = "; ".join(f"{i}: {text}" for i, text in key)
    return _describe(
        fig, f"Dot plot, one row per study figure, {len(rows)} rows: {parts}. Sensitivities range from {min(sens):g} "
             f"to {max(sens):g} %; no marker is site-specific, and each row is a different study.",
        f"Studies by number: {studies}. Each row is one study's figure in its own material, labelled with what that "
        "study measured: two CDX2 studies pooled all gastrointestinal sites, and the CDH17 row is two series that "
        "measured the hindgut together; the rows are not combined. Figures given only in words (for example TTF-1 'only "
        "in bronchopulmonary NETs') are in the table above, not drawn.")
