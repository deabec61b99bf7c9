"""Figures of notebook 11 (the biopsy and the unknown primary), built on :mod:`netlib.data.site_markers`.

Same conventions as :mod:`netlib.teaching.plots` (each function returns a Figure with alt text and a caption; show it
with :func:`netlib.teaching.plots.show`): the title states the point, axes carry units, Okabe-Ito colours with marker
shapes that say the same. matplotlib is imported only when a figure is drawn.
"""
from __future__ import annotations

__all__ = ["site_marker_figures"]

#: Colour and marker shape of each candidate site (Okabe-Ito; the shape repeats the colour's message).
_SITE_STYLE = {"lung": ("#0072B2", "o"), "pancreas": ("#D55E00", "s"), "small_intestine": ("#009E73", "D"),
               "appendix": ("#CC79A7", "^"), "rectum": ("#E69F00", "v")}


def _rows():
    """(marker name, site, figure) for every study figure that gives a sensitivity or a specificity, catalogue
    order."""
    from netlib.data import site_markers as S

    out = []
    for m in S.SITE_MARKERS.values():
        for f in m.figures:
            if f.sensitivity is None and f.specificity is None:
                continue
            site = next((s for s in m.sites if s.replace("_", " ").split()[0] in f.what), m.sites[0])
            out.append((m.name.split(" (")[0], site, f))
    return out


def site_marker_figures():
    """One row per study figure: the sensitivity (filled) and, where the study gives it, the specificity (open) of
    each site-of-origin marker, coloured by the site it points to, with the study named on the row. Figures of
    different studies are drawn side by side, never combined."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    from netlib.data import site_markers as S
    from netlib.data.references import citations_text
    from netlib.teaching.plots import _describe

    rows = _rows()
    height = 0.34 * len(rows) + 2.2
    fig, ax = plt.subplots(figsize=(9.2, height))
    fig.subplots_adjust(left=0.33, right=0.70, top=1 - 0.75 / height, bottom=1.25 / height)
    ys = list(range(len(rows)))[::-1]
    labels = []
    for y, (name, site, f) in zip(ys, rows):
        colour, shape = _SITE_STYLE[site]
        ax.axhline(y, color="#dddddd", lw=0.6, zorder=0)
        if f.sensitivity is not None:
            ax.scatter(f.sensitivity, y, s=46, color=colour, marker=shape, zorder=3, clip_on=False)
        if f.specificity is not None:
            ax.scatter(f.specificity, y, s=46, facecolors="white", edgecolors=colour, marker=shape, linewidths=1.6,
                       zorder=3, clip_on=False)
        if f.sensitivity is not None and f.specificity is not None:
            ax.plot([f.sensitivity, f.specificity], [y, y], color=colour, lw=0.8, ls=":", zorder=2)
        labels.append(f"{name} → {S.SITE_WORDS[site].split(' (')[0]} ({f.setting.split(';')[0]})")
        study = citations_text(f.sources).split(",")[0]
        ax.text(104, y, study if len(study) <= 44 else study[:42].rstrip() + "…", va="center", fontsize=7,
                color="#333333")
    ax.set_yticks(ys, labels, fontsize=7.5)
    ax.set_xlim(0, 100)
    ax.set_xticks(range(0, 101, 20))
    ax.text(104, len(rows) - 0.4, "study", fontsize=7.5, fontweight="bold")
    ax.set_xlabel("% in that study: sensitivity (filled) and specificity (open)")
    ax.set_ylabel("marker → site it points to (study material)")
    sens = [f.sensitivity for _n, _s, f in rows if f.sensitivity is not None]
    fig.suptitle(f"No site marker finds every tumour of its site: sensitivities run from {min(sens):g} % to "
                 f"{max(sens):g} %,\n"
                 "and each row is one study, so the rows are not added up", fontsize=10, x=0.5)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    handles = [Line2D([], [], color=c, marker=m, ls="", label=S.SITE_WORDS[s].split(" (")[0])
               for s, (c, m) in _SITE_STYLE.items()]
    handles += [Line2D([], [], color="#555555", marker="o", ls="", label="sensitivity (filled)"),
                Line2D([], [], markerfacecolor="white", markeredgecolor="#555555", marker="o", ls="",
                       label="specificity (open)")]
    fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.0), ncol=4, fontsize=7.5, frameon=False)
    parts = "; ".join(
        f"{name} for {S.SITE_WORDS[site].split(' (')[0]} in {f.setting.split(';')[0]}: "
        + ", ".join(p for p in ((f"sensitivity {f.sensitivity:g} %" if f.sensitivity is not None else ""),
                                (f"specificity {f.specificity:g} %" if f.specificity is not None else "")) if p)
        for name, site, f in rows)
    keys = list(dict.fromkeys(k for _n, _s, f in rows for k in f.sources))
    return _describe(
        fig, f"Dot plot, one row per study figure, {len(rows)} rows: {parts}. Sensitivities range from {min(sens):g} "
             f"to {max(sens):g} %; no marker is site-specific, and each row is a different study.",
        f"Sources: {citations_text(keys)}. Each row is one study's figure in its own material; rows are not "
        "combined. Figures given only in words (for example TTF-1 'only in bronchopulmonary NETs') are in the table "
        "above, not drawn.")
