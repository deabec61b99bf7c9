"""Figures for the notebooks, drawn from netlib's data so a picture cannot drift from the logic.

Every plot function returns the matplotlib ``Figure`` (tests read its data back) with an alt text (what the
figure shows and its point, for readers who cannot see it) and a caption naming its source, read back with
:func:`alt_text` and :func:`caption`. Notebooks display a figure with :func:`show`, which renders it as a PNG
(at least 150 dpi) whose plain-text form is the alt text, adds the caption below it and closes the figure.

Axes are labelled with units, titles state the point, colours come from the Okabe-Ito colour-blind-safe palette
and never carry meaning alone (markers, hatches or words say the same). Import this module only where plots
are wanted; ``import netlib`` does not load matplotlib.
"""
from __future__ import annotations

import base64
import io
import re
import textwrap
from types import SimpleNamespace
from typing import Sequence

import matplotlib
import matplotlib.figure
import matplotlib.pyplot as plt
import matplotlib.ticker
import numpy as np
from matplotlib.patches import FancyBboxPatch

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

__all__ = ["OKABE_ITO", "show", "alt_text", "caption", "marker_sensitivity", "site_distribution",
           "incidence_trends", "grade_map", "edition_comparison", "misgrade_curves", "ki67_field", "mitotic_counting",
           "cohort_shift", "thoracic_criteria", "survival_by_stage", "treatment_pathway", "pathway_group",
           "trial_forest", "gastric_types", "case_map"]

#: Okabe-Ito palette (colour-blind safe).
OKABE_ITO = {"orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73", "yellow": "#F0E442", "blue": "#0072B2",
             "vermillion": "#D55E00", "purple": "#CC79A7", "black": "#000000", "grey": "#999999"}
GRADE_COLOURS = [OKABE_ITO["grey"], OKABE_ITO["sky"], OKABE_ITO["orange"], OKABE_ITO["vermillion"]]
GRADE_HATCHES = ["", "", "//", ".."]  # so grades differ by pattern as well as colour

#: The smallest resolution :func:`show` renders at.
MIN_DPI = 150
_ALT_ATTR, _CAPTION_ATTR = "_netlib_alt_text", "_netlib_caption"


# --- alt text, caption and display -------------------------------------------------------------------------------
def _symbols(text: str) -> str:
    """Proper symbols for the ASCII stand-ins the data uses (<= -> ≤, >= -> ≥, mm2 -> mm²), on one line."""
    text = text.replace("<=", "≤").replace(">=", "≥").replace("->", "→")
    return " ".join(re.sub(r"\bmm2\b", "mm²", text).split())


def _describe(fig, alt: str, caption: str):
    """Attach the alt text and the caption (with its source) to ``fig``; returns ``fig``."""
    setattr(fig, _ALT_ATTR, _symbols(alt))
    setattr(fig, _CAPTION_ATTR, _symbols(caption))
    return fig


def _figure(name: str, fig) -> matplotlib.figure.Figure:
    return V.instance(name, fig, matplotlib.figure.Figure, "a matplotlib Figure (from netlib.teaching.plots)")


def alt_text(fig) -> str:
    """The alt text a plot function attached to ``fig`` (empty if none): what it shows and its point."""
    return getattr(_figure("fig", fig), _ALT_ATTR, "")


def _caption_of(fig) -> str:
    return getattr(_figure("fig", fig), _CAPTION_ATTR, "")


def caption(fig) -> str:
    """The caption a plot function attached to ``fig`` (empty if none); it names the figure's source."""
    return _caption_of(fig)


def _markdown_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


def _render_png(fig, dpi: int = MIN_DPI) -> bytes:
    """``fig`` as PNG bytes at ``dpi`` (at least :data:`MIN_DPI`), trimmed to its content.

    The image is reduced to a 256-colour palette (no dithering): flat-coloured figures look the same and the PNG
    is about a third of the size, which keeps notebooks with several figures small.
    """
    from PIL import Image

    _figure("fig", fig)
    dpi = V.integer("dpi", dpi, MIN_DPI, 600)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight", pad_inches=0.08, facecolor="white",
                metadata={"Software": None})
    image = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    small = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    small.save(out, format="PNG", optimize=True, dpi=(dpi, dpi))
    return out.getvalue()


def show(fig, *, alt: str | None = None, caption: str | None = None, dpi: int = MIN_DPI) -> None:
    """Display ``fig`` in a notebook: a PNG (``dpi`` >= 150) with its alt text, then its caption; close the figure.

    Two outputs are produced. The first is an ``image/png`` whose ``text/plain`` form is ``"Figure: <alt text>"``
    and whose output metadata carries ``{"image/png": {"alt": <alt text>}}`` (nbconvert's classic HTML template
    uses it for the ``<img alt>``; JupyterLab 4 does not read it). The second is the caption as Markdown (plain
    text alike). Nothing is returned, and the figure is closed so the inline backend does not draw it a second
    time. ``alt`` and ``caption`` default to what the plot function attached (:func:`alt_text`,
    :func:`caption`); a figure without them is refused.
    """
    _figure("fig", fig)
    alt = alt_text(fig) if alt is None else " ".join(V.instance("alt", alt, str, "a string").split())
    cap = _caption_of(fig) if caption is None else " ".join(V.instance("caption", caption, str, "a string").split())
    if not alt:
        raise InvalidValueError("fig", "the figure has no alt text: pass alt='what it shows and its point'")
    if not cap:
        raise InvalidValueError("fig", "the figure has no caption: pass caption='... Source: ...'")
    png = _render_png(fig, dpi)
    from IPython.display import display

    display({"image/png": base64.b64encode(png).decode("ascii"), "text/plain": f"Figure: {alt}"}, raw=True,
            metadata={"image/png": {"alt": alt}})
    display({"text/markdown": _markdown_escape(cap), "text/plain": cap}, raw=True)
    plt.close(fig)


# --- small helpers ------------------------------------------------------------------------------------------------
def _int_list(name: str, value, low: int, high: int, max_len: int) -> list[int]:
    return [V.integer(name, v, low, high) for v in V.sequence(name, value, min_len=1, max_len=max_len)]


def _range(name: str, value, low: float, high: float) -> tuple[float, float]:
    pair = V.sequence(name, value, what="(start, stop)", min_len=2, max_len=2)
    a, b = (V.number(name, v, low, high) for v in pair)
    if not a < b:
        raise InvalidValueError(name, f"start must be below stop, got {value!r}")
    return a, b


#: Short citations in words for captions (key -> "Author et al., Journal Year").
_CITE = {
    "insm1_markers": "Moller et al., Mol Cell Endocrinol 2024",
    "man2018": "Man et al., Cancer Manag Res 2018",
    "dasari2017": "Dasari et al., JAMA Oncol 2017",
    "wu2023": "Wu et al., Endocr Connect 2023",
    "sonbol2022": "Sonbol et al., Oncologist 2022",
    "who2019_digestive": "Nagtegaal et al., Histopathology 2020 (WHO 2019, kept in WHO 2022)",
    "who2010_digestive": "WHO 2010 digestive classification (Bosman et al., as summarised)",
    "who2017_pancreas": "WHO 2017 pancreatic grading as applied by Yang et al., BMC Cancer 2020",
    "who_thoracic_2015": "WHO thoracic criteria (Travis; WHO 2015, kept in WHO 2021)",
    "enets2023_gastroduodenal": "Panzuto et al., ENETS 2023 gastroduodenal guidance",
    "pdq_gi_net": "NCI PDQ gastrointestinal NETs",
    "esge2022": "Deprez et al., ESGE guideline 2022",
    "nccn_net": "NCCN neuroendocrine tumours (as transcribed)",
}


def _cite(key: str) -> str:
    """A short citation of reference ``key`` in words."""
    if key in _CITE:
        return _CITE[key]
    ref = references.get(key)
    m = re.match(r"^([A-Z][A-Za-z'\-]+) [A-Z]{1,3}[,.]", ref.citation)
    if m:
        return f"{m.group(1)} et al. {ref.year or ''}".strip()
    return textwrap.shorten(ref.citation.split(". ")[0], 70, placeholder="...")


def _clean(ax, keep_x: bool = False) -> None:
    ax.set_yticks([])
    if not keep_x:
        ax.set_xticks([])
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)


def _pct(v: float) -> str:
    return f"{v:g} %"


# --- notebook 01 ----------------------------------------------------------------------------------------------------
def marker_sensitivity():
    """Grouped bars: sensitivity of synaptophysin, INSM1 and chromogranin A as tissue stains, in NENs and in NECs."""
    names = list(markers.MARKER_SENSITIVITY)
    display = {"synaptophysin": "synaptophysin", "insm1": "INSM1", "chromogranin_a": "chromogranin A"}
    words = [display.get(n, n.replace("_", " ")) for n in names]
    x = np.arange(len(names))
    fig, ax = plt.subplots(figsize=(7, 4.2))
    groups = (("NEN", "all NENs", OKABE_ITO["blue"], ""), ("NEC", "NECs only", OKABE_ITO["orange"], "//"))
    for j, (group, label, colour, hatch) in enumerate(groups):
        vals = [markers.MARKER_SENSITIVITY[n][group] for n in names]
        bars = ax.bar(x + (j - 0.5) * 0.38, vals, 0.38, label=label, color=colour, hatch=hatch, edgecolor="white")
        ax.bar_label(bars, fmt="%.1f %%", fontsize=8, padding=2)
    ax.set_xticks(x, words)
    ax.set_xlabel("general neuroendocrine marker (immunohistochemistry on tissue)")
    ax.set_ylabel("sensitivity (% of tumours positive)")
    ax.set_ylim(0, 118)
    ax.set_yticks(range(0, 101, 20))
    ax.set_title("As a tissue stain, chromogranin A misses a third of NECs;\nsynaptophysin and INSM1 do better",
                 fontsize=10)
    ax.legend(loc="upper center", ncol=2, fontsize=8, frameon=False)
    fig.tight_layout()
    parts = "; ".join(f"{w} {markers.MARKER_SENSITIVITY[n]['NEN']:g} % of all NENs and "
                      f"{markers.MARKER_SENSITIVITY[n]['NEC']:g} % of NECs" for n, w in zip(names, words))
    return _describe(
        fig, f"Grouped bar chart of how often each tissue stain is positive: {parts}. Chromogranin A is the weakest "
             "marker in NECs.",
        f"Source: {_cite('insm1_markers')} (14,908 tumours). Tissue immunohistochemistry, not the serum "
        "chromogranin A blood test.")


def site_distribution():
    """Horizontal bars, largest first: share of each of six primary sites among the NETs of one SEER cohort (Man 2018).

    The six shares add up to 100 %: they are not shares of all NETs (other sites such as the appendix and thymus
    are not counted), and the title and labels say so. The pancreas is marked by a hatch and bold label as well
    as by colour.
    """
    data = sorted(epidemiology.SITE_DISTRIBUTION, key=lambda d: -d.percent)
    fig, ax = plt.subplots(figsize=(7, 3.8))
    y = np.arange(len(data))[::-1]
    pancreas = [d.site == "pancreas" for d in data]
    bars = ax.barh(y, [d.percent for d in data], color=[OKABE_ITO["vermillion"] if p else OKABE_ITO["blue"]
                                                        for p in pancreas],
                   hatch=["//" if p else "" for p in pancreas], edgecolor="white")
    ax.bar_label(bars, fmt="%.1f %%", fontsize=8.5, padding=3)
    ax.set_yticks(y, [d.site for d in data])
    for tick, p in zip(ax.get_yticklabels(), pancreas):
        tick.set_fontweight("bold" if p else "normal")
    ax.set_ylabel("primary site")
    ax.set_xlabel("share of the NETs at these six sites (%)")
    ax.set_xlim(0, max(d.percent for d in data) * 1.18)
    ordinal = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth"}
    rank = next((i for i, d in enumerate(data, 1) if d.site == "pancreas"), None)
    lead = " and ".join(d.site.split("/")[0] for d in data[:2])
    tail = f",\nthe pancreas comes {ordinal.get(rank, str(rank))} of the six" if rank else ""
    ax.set_title(f"Six sites in one SEER cohort: {lead} lead{tail}", fontsize=10)
    fig.tight_layout()
    shares = ", ".join(f"{d.site} {_pct(d.percent)}" for d in data)
    return _describe(
        fig, f"Horizontal bars, largest first: {shares}. These six shares add up to 100 % of the NETs at six sites "
             "in one SEER cohort; the pancreas bar is highlighted.",
        f"Source: {_cite(epidemiology.SITE_DISTRIBUTION_SOURCE)}, SEER 1973-2014, "
        f"n = {epidemiology.SITE_DISTRIBUTION_N:,}; six sites only (shares add up to 100 %); the appendix, thymus "
        "and unknown primaries are not counted.")


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
    ax.set_title(f"{lo:g}-{hi:g} per 100,000 is the scale of pancreatic NETs (which have since risen past it), "
                 "not of NETs as a whole", fontsize=10)
    ax.legend(fontsize=8, loc="upper left")
    fig.tight_layout()
    series = "; ".join(f"{s.label}: {s.points[0][1]:g} in {s.points[0][0]} and {s.points[-1][1]:g} in "
                       f"{s.points[-1][0]}" for s in epidemiology.INCIDENCE)
    return _describe(
        fig, f"Line chart of published incidence per 100,000 per year ({series}), with a band at {lo:g}-{hi:g}: "
             "the band matches pancreatic NETs, while all NETs lie far above it.",
        "Sources: " + "; ".join(dict.fromkeys(_cite(s.source) for s in epidemiology.INCIDENCE)) + " (all SEER). "
        "Only the first and last published years are plotted; the dashed lines join them.")


# --- notebook 02 ----------------------------------------------------------------------------------------------------
def _label_point(G: np.ndarray, K: np.ndarray, M: np.ndarray, g: int, xr: float,
                 yr: float) -> tuple[float, float, float]:
    """The point of region ``g`` farthest from other regions (axes-normalised distance), and that distance."""
    step = max(1, G.shape[0] // 40)
    Gs, Ks, Ms = G[::step, ::step], K[::step, ::step] / xr, M[::step, ::step] / yr
    inside, outside = Gs == g, Gs != g
    pts_in = np.column_stack([Ks[inside], Ms[inside]])
    pts_out = np.column_stack([Ks[outside], Ms[outside]])
    if len(pts_out) == 0:
        return float(K.mean()), float(M.mean()), 1.0
    d = np.sqrt(((pts_in[:, None, :] - pts_out[None, :, :]) ** 2).sum(-1)).min(1)
    # the walls of the plot count as borders too
    d = np.minimum(d, np.minimum.reduce([pts_in[:, 0], 1 - pts_in[:, 0], pts_in[:, 1], 1 - pts_in[:, 1]]))
    i = int(d.argmax())
    return float(pts_in[i, 0] * xr), float(pts_in[i, 1] * yr), float(d[i])


def grade_map(criteria="who2022_digestive", ki67_max: float = 30.0, mitoses_max: float = 30.0, resolution: int = 301):
    """Map of the digestive grade over Ki-67 (x) and mitoses (y): the higher grade wins. Each region is labelled."""
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
    present = sorted(set(np.unique(G).tolist()))
    for g in present:
        x, y, room = _label_point(G, K, M, g, ki67_max, mitoses_max)
        box = {"boxstyle": "round,pad=0.25", "facecolor": "white", "alpha": 0.85, "edgecolor": "none"}
        if room > 0.08:
            ax.text(x, y, labels[g], ha="center", va="center", fontsize=9, bbox=box)
        else:  # too small for its name: point at it from open space
            ax.annotate(labels[g], (x, y), xytext=(x + 0.22 * ki67_max, y + 0.18 * mitoses_max), fontsize=9,
                        ha="left", va="center", bbox=box, arrowprops={"arrowstyle": "->", "color": "black"})
    ax.set_xlabel("Ki-67 index (%)")
    ax.set_ylabel(f"mitoses ({table.mitoses_unit})")
    ax.set_xlim(0, ki67_max)
    ax.set_ylim(0, mitoses_max)
    ax.set_title(f"The higher of Ki-67 and mitoses sets the grade\n({table.title})", fontsize=10)
    fig.tight_layout()
    cuts_k = ", ".join(_pct(c) for c in table.cutoffs("ki67"))
    cuts_m = ", ".join(f"{c:g}" for c in table.cutoffs("mitoses"))
    return _describe(
        fig, f"Map of the {table.title} grade over Ki-67 (0-{ki67_max:g} %) and mitoses (0-{mitoses_max:g} "
             f"{table.mitoses_unit}); regions: {', '.join(labels[g] for g in present)}. Cut-offs at Ki-67 {cuts_k} and "
             f"{cuts_m} mitoses; the region boundaries run along both axes because the higher grade wins.",
        f"Source: {table.title} grading table ({_cite(table.sources[0])}); computed with netlib.grading.")


def edition_comparison(ki67_max: float = 25.0):
    """Ki-67 bands of WHO 2010, 2017 and 2019/2022 side by side; the 2010 gap shows as a hatched hole."""
    V.number("ki67_max", ki67_max, 3, 100, unit="%")
    tables = (WHO_2010_DIGESTIVE, WHO_2017_PANCREAS, WHO_2022_DIGESTIVE)
    fig, ax = plt.subplots(figsize=(7.5, 3.2))
    colour = {"NET G1": GRADE_COLOURS[1], "NET G2": GRADE_COLOURS[2], "NET G3": GRADE_COLOURS[3],
              "NEC": OKABE_ITO["purple"]}
    axes_width_in = 7.5 * 0.6
    for row, t in enumerate(tables):
        for b in t.bands:
            lo, hi = b.ki67.low, min(b.ki67.high, ki67_max)
            if hi <= lo:
                continue
            ax.barh(row, hi - lo, left=lo, color=colour[b.label], edgecolor="white")
            width_in = (hi - lo) / ki67_max * axes_width_in
            text = b.label if width_in > 0.09 * len(b.label) else b.label.replace("NET ", "")
            ax.text((lo + hi) / 2, row, text, ha="center", va="center", fontsize=8)
        for _p, iv in t.known_gaps:
            ax.barh(row, iv.high - iv.low, left=iv.low, color="white", edgecolor=OKABE_ITO["black"], hatch="//")
    if any(t.known_gaps for t in tables):
        from matplotlib.patches import Patch  # a legend entry only: a zero-size bar would leave a mark at x = 0

        ax.legend(handles=[Patch(facecolor="white", edgecolor=OKABE_ITO["black"], hatch="//", label="no grade (gap)")],
                  loc="upper center", bbox_to_anchor=(0.5, -0.28), fontsize=8, frameon=False)
    ax.set_yticks(range(len(tables)), [t.title for t in tables])
    ax.tick_params(axis="y", length=0)  # no tick mark running into the narrow G1 band
    ax.set_ylabel("classification")
    ax.set_xlabel("Ki-67 index (%)")
    ax.set_xlim(0, ki67_max)
    gap = WHO_2010_DIGESTIVE.known_gaps[0][1]
    fig.suptitle(f"WHO 2017 closed the {gap.low:g}-{gap.high:g} % gap\nand made well-differentiated G3 a NET",
                 fontsize=10)
    fig.tight_layout()
    rows = "; ".join(f"{t.title}: " + ", ".join(f"{b.label} {b.ki67.describe()} %" for b in t.bands) for t in tables)
    return _describe(
        fig, f"Three horizontal bars of the Ki-67 bands by edition ({rows}). The WHO 2010 bar has a hatched gap "
             f"between {gap.low:g} and {gap.high:g} %; above 20 % WHO 2010 shows NEC where the later editions show "
             "NET G3.",
        f"Sources: {_cite('who2010_digestive')}; {_cite('who2017_pancreas')}; {_cite('who2019_digestive')}.")


# --- notebook 03 ----------------------------------------------------------------------------------------------------
def misgrade_curves(cells: Sequence[int] = (ki67.RECOMMENDED_MIN_CELLS, 1000, 2000), true_range=(0.5, 30.0),
                    points: int = 160):
    """Probability that a count lands in the wrong grade, against the true Ki-67, for several cell counts.

    One panel per Ki-67 cut-off inside ``true_range`` (3 % and 20 % by default), each zoomed on its cut-off so the
    shape of the peak is visible; the panels share the y axis, which leaves headroom above the highest peak.
    Without a cut-off in the range, one panel shows the whole range. ``points`` is split between the panels.
    """
    cells = _int_list("cells", cells, 1, 20_000, 3)
    lo, hi = _range("true_range", true_range, 0, 100)
    n = V.integer("points", points, 2, 400)
    cuts = [c for c in WHO_2022_DIGESTIVE.cutoffs("ki67") if lo < c < hi]
    windows = [(max(lo, c * 0.6), min(hi, c * 1.45)) for c in cuts] or [(lo, hi)]
    fig, axes = plt.subplots(1, len(windows), figsize=(7.5, 4.2), sharey=True, squeeze=False)
    axes = axes[0]
    colours = [OKABE_ITO["vermillion"], OKABE_ITO["orange"], OKABE_ITO["blue"]]
    styles = ["-", "--", ":"]
    top = 0.0
    for ax, (a, b) in zip(axes, windows):
        xs = np.linspace(a, b, max(2, n // len(windows)))
        for i, c in enumerate(cells):
            ys = [100 * ki67.misgrade_probability(float(x), int(c)) for x in xs]
            top = max(top, max(ys))
            ax.plot(xs, ys, color=colours[i % 3], ls=styles[i % 3], lw=2, label=f"{c:,} cells counted")
        ax.set_xlim(a, b)
        ax.set_xlabel("true Ki-67 index (%)")
    ymax = max(10.0, top * 1.25)
    for ax, cut in zip(axes, cuts):
        ax.axvline(cut, color=OKABE_ITO["grey"], ls=":", lw=1.2)
        ax.text(cut, ymax * 0.97, f" {cut:g} % cut-off", fontsize=8, va="top", ha="left", color="#333333")
        ax.set_title(f"around the {cut:g} % cut-off", fontsize=9)
    axes[0].set_ylim(0, ymax)
    axes[0].set_ylabel("chance of the wrong grade (%)")
    axes[-1].legend(loc="upper right", fontsize=8, bbox_to_anchor=(1.0, 0.88))
    fig.suptitle("Near a cut-off, chance decides the grade: more cells narrow the zone of doubt, but at the cut-off "
                 "itself\nno count removes it", fontsize=10)
    fig.tight_layout()
    where = ", ".join(_pct(c) for c in cuts) if cuts else "none in this range"
    return _describe(
        fig, f"Line charts of the chance that a Ki-67 count gives the wrong grade against the true index, for "
             f"{', '.join(f'{c:,}' for c in cells)} cells, zoomed on each cut-off ({where}). The chance peaks near "
             f"{top:.0f} % right at a cut-off and the peak narrows as more cells are counted.",
        "Source: binomial model of counting error (netlib.counting.ki67.misgrade_probability); cut-offs from "
        f"{_cite('who2019_digestive')}.")


def ki67_field(field: "fields.Ki67Field", show_hotspot: bool = False):
    """The synthetic field: brown filled (positive) and blue hollow (negative) nuclei on a labelled grid."""
    V.instance("field", field, fields.Ki67Field, "a netlib.counting.fields.Ki67Field")
    V.boolean("show_hotspot", show_hotspot)
    fig, ax = plt.subplots(figsize=(6, 6))
    pos = np.array(field.positive)
    x, y = np.array(field.x), np.array(field.y)
    ax.scatter(x[~pos], y[~pos], s=14, facecolors="none", edgecolors=OKABE_ITO["blue"], linewidths=0.8,
               label="Ki-67 negative (blue, hollow)")
    ax.scatter(x[pos], y[pos], s=18, color="#8B4513", label="Ki-67 positive (brown, filled)")
    g = field.grid
    for i in range(1, g):
        ax.axhline(i / g, color=OKABE_ITO["grey"], lw=0.6)
        ax.axvline(i / g, color=OKABE_ITO["grey"], lw=0.6)
    rows = "ABCDEFGHIJ"[:g]
    ax.set_xticks([(c + 0.5) / g for c in range(g)], [str(c + 1) for c in range(g)])
    ax.set_yticks([1 - (r + 0.5) / g for r in range(g)], list(rows))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_aspect("equal")
    ax.set_xlabel("grid column (each square is 1/%d of the field width)" % g)
    ax.set_ylabel("grid row")
    hot = ""
    if show_hotspot:
        cx, cy = field.hotspot_centre
        ax.add_patch(plt.Circle(field.hotspot_centre, field.hotspot_radius, fill=False, color=OKABE_ITO["orange"],
                                lw=2, ls="--", label="hot spot (truth, dashed)"))
        square = f"{rows[min(g - 1, int((1 - cy) * g))]}{min(g, int(cx * g) + 1)}"
        hot = f" A dashed orange circle marks the true hot spot, centred in square {square}."
    ax.set_title("Find the hot spot: where are brown nuclei densest?", fontsize=10)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=3, fontsize=8)
    fig.tight_layout()
    return _describe(
        fig, f"A synthetic Ki-67 field of {len(pos)} nuclei on a {g} by {g} grid (rows {rows[0]}-{rows[-1]}, columns "
             f"1-{g}): brown filled nuclei are Ki-67 positive, blue hollow nuclei negative; the brown nuclei cluster "
             f"in one area, the hot spot.{hot}",
        f"Source: a synthetic field made by netlib.counting.fields.synthetic_field (seed {field.seed}); not a "
        "patient sample.")


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
    peaks = []
    for a, c, ls in zip(areas, (OKABE_ITO["vermillion"], OKABE_ITO["blue"]), ("-", "--")):
        ys = [100 * mitoses.crossing_probability(float(x), float(a)) for x in xs]
        peaks.append(max(ys))
        ax.plot(xs, ys, color=c, ls=ls, lw=2,
                label=f"count {a:g} mm²" + (f" then divide by {a / mitoses.REFERENCE_AREA_MM2:g}"
                                            if a != mitoses.REFERENCE_AREA_MM2 else ""))
    ax.axvline(cutoff, color=OKABE_ITO["grey"], ls=":")
    ax.text(cutoff, max(peaks) * 1.12, f" cut-off {cutoff:g} per 2 mm²", fontsize=8, va="top", color="#333333")
    ax.set_ylim(0, max(10.0, max(peaks) * 1.15))
    ax.set_xlabel("true mitotic rate (mitoses per 2 mm²)")
    ax.set_ylabel("chance of the wrong band (%)")
    big, small = max(areas), min(areas)
    ax.set_title(f"Counting {big:g} mm² and dividing by {big / mitoses.REFERENCE_AREA_MM2:g} is steadier than "
                 f"counting {small:g} mm²", fontsize=10)
    ax.legend(fontsize=8, loc="upper right")
    fig.tight_layout()
    return _describe(
        fig, f"Line chart of the chance that a mitotic count falls on the wrong side of the cut-off at {cutoff:g} "
             f"per 2 mm², against the true rate: counting {areas[0]:g} mm² peaks at {peaks[0]:.0f} %, counting "
             f"{areas[1]:g} mm² at {peaks[1]:.0f} %, and the larger area's curve is narrower.",
        "Source: Poisson model of counting error (netlib.counting.mitoses.crossing_probability); the 10 mm² count "
        f"divided by 5 follows the WHO/CAP counting rule; cut-off from {_cite('who2019_digestive')}.")


def cohort_shift(cohort: dict):
    """Stacked bars: for each true grade, the share of cases the count put in each grade (labelled segments)."""
    if not isinstance(cohort, dict) or not {"true_grade", "counted_grade"} <= set(cohort):
        raise InvalidTypeError("cohort", "expected the dict returned by netlib.counting.ki67.simulate_cohort")
    tg, cg = np.asarray(cohort["true_grade"]), np.asarray(cohort["counted_grade"])
    if tg.shape != cg.shape or tg.ndim != 1:
        raise InvalidValueError("cohort", "true_grade and counted_grade must be 1-D arrays of the same length")
    fig, ax = plt.subplots(figsize=(6.5, 4.2))
    bottoms = np.zeros(3)
    shares = {}
    for counted in (1, 2, 3):
        share = np.array([100 * np.mean(cg[tg == t] == counted) if np.any(tg == t) else 0 for t in (1, 2, 3)])
        shares[counted] = share
        bars = ax.bar(["true G1", "true G2", "true G3"], share, bottom=bottoms, color=GRADE_COLOURS[counted],
                      hatch=GRADE_HATCHES[counted], edgecolor="white", label=f"counted as G{counted}")
        for rect, s in zip(bars, share):
            if s >= 6:
                ax.text(rect.get_x() + rect.get_width() / 2, rect.get_y() + s / 2, f"G{counted}: {s:.0f} %",
                        ha="center", va="center", fontsize=8,
                        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "alpha": 0.8, "edgecolor": "none"})
        bottoms += share
    ax.set_ylabel("share of cases (%)")
    ax.set_xlabel("grade of the true Ki-67 index")
    ax.set_ylim(0, 100)
    wrong = 100 * np.mean(tg != cg)
    ax.set_title(f"Counting noise alone moves {wrong:.1f} % of cases to another grade", fontsize=10)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3, fontsize=8, frameon=False)
    fig.tight_layout()
    kept = ", ".join(f"true G{t}: {shares[t][t - 1]:.0f} % counted as G{t}" for t in (1, 2, 3))
    return _describe(
        fig, f"Stacked bars of {len(tg)} simulated cases by true grade, split by the grade the count gave ({kept}); "
             f"overall {wrong:.1f} % land in another grade.",
        "Source: a simulated cohort (netlib.counting.ki67.simulate_cohort), graded with the WHO 2019/2022 cut-offs "
        f"({_cite('who2019_digestive')}).")


# --- notebook 04 ----------------------------------------------------------------------------------------------------
def thoracic_criteria():
    """The thoracic mitotic axis with its bands, without and with necrosis; labels sit inside their bands."""
    t = WHO_2021_THORACIC
    cuts = t.cutoffs("mitoses")  # (2, 10) per 2 mm²
    x_max = cuts[-1] + 6
    fig, ax = plt.subplots(figsize=(7.5, 3.4))
    colours = {t.bands[0].label: GRADE_COLOURS[1], t.bands[1].label: GRADE_COLOURS[2],
               t.bands[2].label: GRADE_COLOURS[3]}
    hatches = {t.bands[0].label: "", t.bands[1].label: "//", t.bands[2].label: ".."}

    def segment(row, lo, hi, label):
        hi = min(hi, x_max)
        ax.barh(row, hi - lo, left=lo, height=0.62, color=colours[label], hatch=hatches[label], edgecolor="white")
        words = label.replace("LCNEC / SCLC range", "LCNEC or SCLC\nrange").replace(" carcinoid", "\ncarcinoid")
        ax.text((lo + hi) / 2, row, words, ha="center", va="center", fontsize=8.5,
                bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "alpha": 0.85, "edgecolor": "none"})

    for b in t.bands:  # without necrosis: the bands as the table gives them
        segment(1, b.mitoses.low, b.mitoses.high, b.label)
    # with necrosis, the lowest band becomes atypical (the table's note on the atypical band)
    segment(0, 0, t.bands[1].mitoses.high, t.bands[1].label)
    segment(0, t.bands[2].mitoses.low, t.bands[2].mitoses.high, t.bands[2].label)
    for c in cuts:
        ax.axvline(c, color=OKABE_ITO["black"], lw=1, ls=":")
    ax.set_yticks([1, 0], ["absent", "present"])
    ax.set_ylabel("necrosis")
    ax.set_ylim(-0.5, 1.5)
    ax.set_xlabel("mitoses per 2 mm² (count 10 mm², divide by 5)")
    ax.set_xlim(0, x_max)
    ax.set_xticks(sorted({0, *cuts, x_max}), [f"{c:g}" for c in sorted({0, *cuts, x_max})])
    ax.set_title(f"Lung and thymus: {cuts[0]:g} and {cuts[1]:g} mitoses per 2 mm² and necrosis set the category;\n"
                 "Ki-67 is not a criterion", fontsize=10)
    fig.tight_layout()
    return _describe(
        fig, f"Two horizontal bars along the mitotic count (0 to {x_max:g} per 2 mm², cut-offs at {cuts[0]:g} and "
             f"{cuts[1]:g}). Without necrosis: typical carcinoid below {cuts[0]:g}, atypical carcinoid from "
             f"{cuts[0]:g} to {cuts[1]:g}, the LCNEC or SCLC range above {cuts[1]:g}. With necrosis, a carcinoid "
             f"with fewer than {cuts[0]:g} mitoses is atypical too.",
        f"Source: {_cite('who_thoracic_2015')}; cytology, not the count, separates LCNEC from SCLC, and Ki-67 is a "
        "desirable, non-essential criterion.")


# --- notebook 05 ----------------------------------------------------------------------------------------------------
def survival_by_stage():
    """5-year overall survival of pancreatic NETs by SEER stage (published figures)."""
    from netlib.data.epidemiology import PNET_SURVIVAL_BY_STAGE as S
    from netlib.data.epidemiology import PNET_SURVIVAL_SOURCE

    fig, ax = plt.subplots(figsize=(6, 3.8))
    colours = [OKABE_ITO["blue"], OKABE_ITO["orange"], OKABE_ITO["vermillion"]]
    bars = ax.bar(list(S), list(S.values()), color=colours, hatch=["", "//", ".."], edgecolor="white")
    ax.bar_label(bars, fmt="%.0f %%", padding=2)
    ax.set_ylim(0, 100)
    ax.set_xlabel("SEER summary stage at diagnosis")
    ax.set_ylabel("5-year overall survival (%)")
    ax.set_title("Pancreatic NETs: stage at diagnosis separates survival", fontsize=10)
    fig.tight_layout()
    return _describe(
        fig, "Bar chart of 5-year overall survival of pancreatic NETs by stage at diagnosis: "
             + ", ".join(f"{k} {_pct(v)}" for k, v in S.items()) + ".",
        f"Source: {_cite(PNET_SURVIVAL_SOURCE)} (SEER 2000-2016).")


# --- notebook 07: the treatment pathway ------------------------------------------------------------------------------
#: The groups of the rule table, in reading order, and how a rule is placed in one (from its own data).
PATHWAY_GROUPS = ("Hormone control first (metastatic functioning tumours)", "The pathology decides first",
                  "Localised tumours", "Metastatic tumours")
#: Grade labels outside the well-differentiated NET pathways: a rule accepting only these is decided by pathology.
_PATHOLOGY_LABELS = frozenset({"NEC", "MiNEN", "LCNEC", "SCLC", "undetermined"})


class _Probe:
    """A stand-in for Findings or Grade that answers None for every field except those set."""

    def __init__(self, **values):
        self.__dict__.update(values)

    def __getattr__(self, name):
        return None


def _accepted(rule, field: str, values, on: str) -> tuple | None:
    """The values of ``field`` for which all of the rule's conditions on that field alone hold (None: no such one).

    ``on`` is ``"f"`` (a Findings field) or ``"g"`` (the grade label). Read from the conditions' own tests, so the
    figure follows the rule data.
    """
    conds = [c for c in rule.conditions if c.fields and set(c.fields) <= {field}]
    if not conds:
        return None
    out = []
    for v in values:
        ctx = SimpleNamespace(f=_Probe(), g=_Probe(), flags=[])
        setattr(getattr(ctx, on), "label" if on == "g" else field, v)
        try:
            if all(c.test(ctx) is True for c in conds):
                out.append(v)
        except Exception:  # a test that needs more than this field cannot be probed alone
            return None
    return tuple(out)


def _grade_labels(rule) -> tuple | None:
    from netlib.grading import LABELS

    return _accepted(rule, "grade", LABELS, "g")


def pathway_group(rule) -> str:
    """Which group of :data:`PATHWAY_GROUPS` a rule belongs to, read from its layer, grades and conditions.

    Hormone-layer rules come first; a rule that accepts only NEC, MiNEN, SCLC/LCNEC or an undetermined grade is
    decided by the pathology; the rest are localised or metastatic by their extent condition.
    """
    from netlib.data.treatment_rules import LOCALISED, METASTATIC, Rule

    V.instance("rule", rule, Rule, "a netlib.treatment.Rule")
    if rule.layer == "hormone":
        return PATHWAY_GROUPS[0]
    labels = _grade_labels(rule)
    if labels is not None and set(labels) <= _PATHOLOGY_LABELS:
        return PATHWAY_GROUPS[1]
    if METASTATIC in rule.conditions:
        return PATHWAY_GROUPS[3]
    if LOCALISED in rule.conditions:
        return PATHWAY_GROUPS[2]
    return PATHWAY_GROUPS[1]


def _category_words(key: str) -> str:
    from netlib.data import treatment_rules

    labels = getattr(treatment_rules, "CATEGORY_LABELS", None) or {}
    if key in labels:
        return labels[key]
    return {"prrt": "PRRT", "platinum_etoposide": "platinum-etoposide"}.get(key, key.replace("_", " "))


def _site_words(sites: tuple | None) -> str:
    from netlib.findings import GEP_SITES, VOCABULARY

    if sites is None:
        return "any site"
    s = set(sites)
    everything = set(VOCABULARY["site"])
    if s == everything - {"unknown_primary"}:
        return "any known primary site"
    if s <= set(GEP_SITES) | {"unknown_primary"} and len(s) > 3:
        return "digestive" + (" or unknown primary" if "unknown_primary" in s else "") + " site"
    return " or ".join(x.replace("_", "/").replace("jejunum/ileum", "jejunum or ileum").replace(
        "unknown/primary", "unknown primary") for x in sites)


def _site_family(sites: tuple | None) -> str:
    from netlib.findings import GEP_SITES, THORACIC_SITES

    if sites is not None and set(sites) <= set(THORACIC_SITES):
        return "lung or thymus carcinoid"
    if sites is not None and set(sites) <= set(GEP_SITES) | {"unknown_primary"}:
        return "digestive or unknown primary"
    return "any site"


def _pathway_rows(rules) -> list[dict]:
    """The tree as rows: branch, node (what splits the branch), the rules there, categories and deciding findings."""
    from netlib.data.treatment_rules import LOCAL_EXTENT, MISSING_ORDER
    from netlib.findings import FIELD_LABELS, VOCABULARY

    branches = {PATHWAY_GROUPS[1]: [], PATHWAY_GROUPS[2]: [], PATHWAY_GROUPS[0]: [], PATHWAY_GROUPS[3]: []}
    for r in rules:
        group = pathway_group(r)
        sites = _accepted(r, "site", VOCABULARY["site"], "f")
        labels = _grade_labels(r)
        syndromes = _accepted(r, "syndrome", VOCABULARY["syndrome"], "f")
        if group == PATHWAY_GROUPS[0]:
            node = "a named hormone syndrome"
        elif group == PATHWAY_GROUPS[1]:
            node = " or ".join("no grade" if x == "undetermined" else x for x in (labels or ("other",)))
        elif group == PATHWAY_GROUPS[2]:
            node = "functioning tumour (a syndrome)" if syndromes is not None else _site_words(sites)
        else:
            node = _site_family(sites)
        branches[group].append((node, r, sites, labels))

    rows = []
    for branch, items in branches.items():
        nodes: dict[str, list] = {}
        for node, r, sites, labels in items:
            nodes.setdefault(node, []).append((r, sites, labels))
        merged: dict[tuple, dict] = {}  # nodes of one branch reaching the same categories share a leaf
        for node, members in nodes.items():
            cats = tuple(dict.fromkeys(r.category for r, _s, _l in members))
            if branch == PATHWAY_GROUPS[2]:
                cats = tuple(sorted(cats, key=lambda c: LOCAL_EXTENT.get(c, 99)))
            key = (cats,) if branch == PATHWAY_GROUPS[2] and not node.startswith("functioning") else (node,)
            entry = merged.setdefault(key, {"branch": branch, "nodes": [], "rules": [], "categories": cats})
            entry["nodes"].append(node)
            entry["rules"].extend(members)
        for entry in merged.values():
            members = entry.pop("rules")
            entry["rules"] = [r for r, _s, _l in members]
            # a finding decides within a leaf when its rules test it differently (a shared condition decides nothing)
            tested = []
            for r, _s, _l in members:
                by_field: dict[str, set] = {}
                for c in r.conditions:
                    for f in (c.fields or ()) + tuple(x for p in c.parts for x in p.fields):
                        by_field.setdefault(f, set()).add(c.text)
                tested.append(by_field)
            all_fields = {f for t in tested for f in t}
            fields_used = [f for f in all_fields if len({frozenset(t.get(f, ())) for t in tested}) > 1]
            if branch == PATHWAY_GROUPS[0]:
                fields_used = [f for f in fields_used if f not in ("syndrome", "functioning")]
            order = {f: i for i, f in enumerate(("grade",) + tuple(MISSING_ORDER))}
            seen = sorted(set(fields_used), key=lambda f: (order.get(f, 99), f))
            entry["decided_by"] = [FIELD_LABELS.get(f, f.replace("_", " ")) for f in seen]
            rows.append(entry)
    return rows


def treatment_pathway(rules=None):
    """The treatment rules as a decision tree drawn from the rule data.

    Four branches, in the order a case meets them: the pathology that decides first (NEC, MiNEN, SCLC/LCNEC, no
    grade); localised tumours, split by site (sites reaching the same categories share a leaf) or by a functioning
    syndrome; metastatic tumours with a hormone syndrome, whose syndrome is controlled first (then the metastatic
    branch applies); and metastatic tumours, split by site family. Each leaf lists the categories its rules reach
    (in words) and the findings that choose among them. Readable at notebook width (8 in, fonts >= 8 pt).
    """
    from netlib.treatment import RULES, Rule

    rules = RULES if rules is None else tuple(V.sequence("rules", rules, max_len=200))
    for r in rules:
        V.instance("rules", r, Rule, "netlib.treatment.Rule objects")
    if not rules:
        raise InvalidValueError("rules", "at least one rule is needed")
    rows = _pathway_rows(rules)

    W, line = 8.0, 0.15  # inches; 1 data unit = 1 inch
    xb, wb = 0.05, 1.7      # branch column
    xn, wn = 2.0, 1.75      # node column
    xl, wl = 4.0, 3.95      # leaf column
    node_chars, leaf_chars, decided_chars = 22, 48, 56
    layout = []
    for row in rows:
        node_text = textwrap.fill("; ".join(row["nodes"]), node_chars)
        cats = " · ".join(_category_words(c) for c in row["categories"])
        leaf_text = textwrap.fill(cats, leaf_chars)
        n = len(row["rules"])
        decided = (f"{n} rule{'s' if n > 1 else ''}" + ("; decided by " + ", ".join(row["decided_by"])
                                                         if row["decided_by"] and len(row["categories"]) > 1 else ""))
        if row["branch"] == PATHWAY_GROUPS[0]:
            decided += "; then the metastatic branch below"
        decided_text = textwrap.fill(decided, decided_chars)
        lines = max(node_text.count("\n") + 1, leaf_text.count("\n") + 1 + decided_text.count("\n") + 1)
        layout.append([row, node_text, leaf_text, decided_text, lines * line + 0.16])
    branch_label = {PATHWAY_GROUPS[2]: "Localised tumours\n(no distant metastases)",
                    PATHWAY_GROUPS[0]: "Metastatic with a\nhormone syndrome:\ncontrol it first",
                    PATHWAY_GROUPS[3]: "Metastatic tumours\n(tumour-directed)",
                    PATHWAY_GROUPS[1]: "The pathology\ndecides first"}
    for branch in dict.fromkeys(r["branch"] for r in rows):  # a branch box is at least as tall as its name
        members = [item for item in layout if item[0]["branch"] == branch]
        need = (branch_label.get(branch, branch).count("\n") + 1) * 0.2 + 0.3
        members[-1][4] += max(0.0, need - sum(item[4] for item in members))
    branch_gap = 0.18
    n_branches = len({r["branch"] for r in rows})
    body = sum(h for *_x, h in layout) + branch_gap * n_branches
    top_margin, bottom_margin = 0.75, 0.1
    H = body + top_margin + bottom_margin
    fig = plt.figure(figsize=(W, H))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, W)
    ax.set_ylim(0, H)
    _clean(ax)
    fill = {PATHWAY_GROUPS[1]: "#DDDDDD", PATHWAY_GROUPS[2]: "#CBE7F7", PATHWAY_GROUPS[0]: "#F8EE9E",
            PATHWAY_GROUPS[3]: "#F6D9A6"}
    edge = {PATHWAY_GROUPS[1]: OKABE_ITO["grey"], PATHWAY_GROUPS[2]: OKABE_ITO["sky"],
            PATHWAY_GROUPS[0]: "#B8A800", PATHWAY_GROUPS[3]: OKABE_ITO["orange"]}
    ax.text(W / 2, H - 0.12, "How the treatment rules branch: pathology first, then extent, hormone syndrome and site",
            ha="center", va="top", fontsize=10.5, fontweight="bold")
    ax.text(W / 2, H - 0.38, "Each leaf lists the categories its rules reach; the findings named under it choose "
                             "among them. Every condition of a rule must hold.", ha="center", va="top", fontsize=8.5)

    def box(x, y_top, w, h, text, fc, ec, size, weight="normal", ha="left"):
        ax.add_patch(FancyBboxPatch((x, y_top - h), w, h, boxstyle="round,pad=0.0,rounding_size=0.06", fc=fc,
                                    ec=ec, lw=1.2))
        tx = x + 0.08 if ha == "left" else x + w / 2
        ax.text(tx, y_top - h / 2, text, ha=ha, va="center", fontsize=size, fontweight=weight, linespacing=1.15)

    y = H - top_margin
    branch_boxes = {}
    for branch in dict.fromkeys(r["branch"] for r in rows):
        members = [item for item in layout if item[0]["branch"] == branch]
        height = sum(h for *_x, h in members)
        label = branch_label.get(branch, textwrap.fill(branch, 18))
        box(xb, y - 0.04, wb, height - 0.08, label, fill[branch], edge[branch], 9, "bold", "center")
        branch_boxes[branch] = (y - 0.04, y - height + 0.04)
        yy = y
        for row, node_text, leaf_text, decided_text, h in members:
            mid = yy - h / 2
            ax.plot([xb + wb, xn - 0.12, xn - 0.12, xn], [y - height / 2, y - height / 2, mid, mid],
                    color=edge[branch], lw=1.1)
            box(xn, yy - 0.05, wn, h - 0.1, node_text, "white", edge[branch], 8.5)
            ax.annotate("", xy=(xl, mid), xytext=(xn + wn, mid),
                        arrowprops={"arrowstyle": "-|>", "color": "#444444", "lw": 1})
            ax.add_patch(FancyBboxPatch((xl, yy - h + 0.05), wl, h - 0.1, boxstyle="round,pad=0.0,rounding_size=0.06",
                                        fc=fill[branch], ec=edge[branch], lw=1.2, alpha=0.45))
            n_leaf = leaf_text.count("\n") + 1
            n_dec = decided_text.count("\n") + 1
            block = (n_leaf + n_dec) * line
            ax.text(xl + 0.08, mid + block / 2, leaf_text, ha="left", va="top", fontsize=8.5, fontweight="bold",
                    linespacing=1.15)
            ax.text(xl + 0.08, mid + block / 2 - n_leaf * line, decided_text, ha="left", va="top", fontsize=8,
                    color="#333333", linespacing=1.15)
            yy -= h
        y -= height + branch_gap
    if PATHWAY_GROUPS[0] in branch_boxes and PATHWAY_GROUPS[3] in branch_boxes:
        y_from, y_to = branch_boxes[PATHWAY_GROUPS[0]][1], branch_boxes[PATHWAY_GROUPS[3]][0]
        ax.annotate("", xy=(xb + wb / 2, y_to), xytext=(xb + wb / 2, y_from),
                    arrowprops={"arrowstyle": "-|>", "ls": "--", "color": "#555555"})
        ax.text(xb + wb / 2 + 0.08, (y_from + y_to) / 2, "then", ha="left", va="center", fontsize=8)
    examples = "; ".join(f"{' or '.join(r['nodes'])}: " + ", ".join(_category_words(c) for c in r["categories"])
                         for r in rows[:3])
    return _describe(
        fig, f"Decision tree of the {len(rules)} treatment rules. Four branches (the pathology that decides first; "
             "localised tumours by site or syndrome; metastatic tumours with a hormone syndrome, controlled first; "
             "metastatic tumours by site) lead to leaves listing the categories reached and the findings that "
             f"choose among them, for example {examples}.",
        "Source: the rule data in netlib.data.treatment_rules (each rule cites its ENETS, ESMO, NCCN or trial "
        "sources; see the rule table). Teaching logic, not a clinical decision tool.")


# --- notebook 07: the trials ----------------------------------------------------------------------------------------
def _hr(v: float) -> str:
    """A hazard ratio as printed in reports: two decimals, three when the report gives three (0.276)."""
    text = f"{v:.3f}"
    return text[:-1] if text.endswith("0") else text


def _drug(arm: str) -> str:
    """The drug words of an arm, without doses and schedules ('everolimus 10 mg daily' -> 'everolimus')."""
    return re.split(r"\s\d", arm, maxsplit=1)[0].strip()


def trial_forest(keys=None):
    """Hazard ratios of the pivotal trials with 95 % CIs, one row per endpoint, on a log scale.

    Each row names the trial, the endpoint (PFS, TTP or OS) and the comparison (experimental vs the trial's
    control arm). Filled markers: the report found a significant difference; hollow: it did not. A point without a
    bar has no interval in any source we could read (the caption names them). Rows come from
    :data:`netlib.data.trials.HAZARD_RATIOS`; ``keys`` limits them to some trials.
    """
    from netlib.data.trials import HAZARD_RATIOS, TRIALS

    if keys is not None:
        keys = [V.choice("keys", k, tuple(TRIALS)) for k in V.sequence("keys", keys, max_len=len(TRIALS))]
    rows = [h for h in HAZARD_RATIOS if keys is None or h.trial in keys]
    if not rows:
        raise InvalidValueError("keys", "none of these trials has a hazard ratio to plot")
    ys, y, prev = [], 0.0, None
    for h in rows:  # a little more space between trials than between endpoints of one trial
        y -= 1.0 if prev in (None, h.trial) else 1.35
        ys.append(y)
        prev = h.trial
    ys = np.array(ys) - min(ys) + 0.6
    row_h, top_in, bottom_in, left_in, right_in, W = 0.45, 0.75, 1.15, 3.1, 1.45, 8.5
    H = row_h * (max(ys) + 0.7) + top_in + bottom_in
    fig = plt.figure(figsize=(W, H))
    ax = fig.add_axes((left_in / W, bottom_in / H, 1 - (left_in + right_in) / W, 1 - (top_in + bottom_in) / H))
    colour = {True: OKABE_ITO["blue"], False: OKABE_ITO["vermillion"]}  # progression endpoints vs overall survival
    for yi, h in zip(ys, rows):
        progression = h.endpoint != "OS"
        c = colour[progression]
        if h.ci95 is not None:
            ax.plot(h.ci95, [yi, yi], color=c, lw=1.8, solid_capstyle="butt")
            ax.plot([h.ci95[0]] * 2, [yi - 0.12, yi + 0.12], color=c, lw=1.2)
            ax.plot([h.ci95[1]] * 2, [yi - 0.12, yi + 0.12], color=c, lw=1.2)
        ax.plot(h.hazard_ratio, yi, marker="D" if progression else "o", ms=7, color=c,
                markerfacecolor=c if h.significant else "white", markeredgewidth=1.6, zorder=3)
        ci = f"{_hr(h.ci95[0])}-{_hr(h.ci95[1])}" if h.ci95 else "no CI given"
        ax.text(1.03, yi, f"{_hr(h.hazard_ratio)} ({ci}){'' if h.significant else ' NS'}",
                transform=ax.get_yaxis_transform(), va="center", fontsize=8)
    labels = []
    for h in rows:
        t = TRIALS[h.trial]
        extra = "" if h.primary else f" ({h.analysis})"
        labels.append(f"{t.name} ({t.year}) · {h.endpoint}{extra}\n{_drug(t.experimental)} vs {h.comparator}")
    ax.set_yticks(ys, labels, fontsize=8)
    ax.axvline(1.0, color=OKABE_ITO["black"], lw=1)
    ax.set_xscale("log")
    lows = [h.ci95[0] if h.ci95 else h.hazard_ratio for h in rows]
    highs = [h.ci95[1] if h.ci95 else h.hazard_ratio for h in rows]
    lo = min(0.1, min(lows) * 0.85)
    hi = max(2.0, max(highs) * 1.15)
    ax.set_xlim(lo, hi)
    ticks = [t for t in (0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2, 3, 5) if lo <= t <= hi]
    ax.set_xticks(ticks, [f"{t:g}" for t in ticks])
    ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    ax.set_ylim(0, max(ys) + 0.7)
    ax.set_xlabel("Hazard ratio (log scale); < 1 favours the experimental arm")
    ax.set_ylabel("trial · endpoint (experimental vs control)")
    ax.text(1.03, 1.0, "HR (95 % CI)", transform=ax.transAxes, va="bottom", fontsize=8, fontweight="bold")
    progression = [h for h in rows if h.endpoint != "OS"]
    survival = [h for h in rows if h.endpoint == "OS"]
    if progression and all(h.significant for h in progression):
        title = "Every experimental arm shown delayed progression against its own control arm"
        if survival and not any(h.significant for h in survival):
            title += ";\nnone of the overall-survival results shown was significant"
    else:
        title = "Hazard ratios of the pivotal NET trials, by endpoint, each against its own control arm"
    fig.suptitle(title, fontsize=10, y=1 - 0.12 / H, va="top")
    from matplotlib.lines import Line2D
    handles = [Line2D([], [], marker="D", color=colour[True], ls="-", label="progression (PFS or TTP)"),
               Line2D([], [], marker="o", color=colour[False], ls="-", label="overall survival (OS)"),
               Line2D([], [], marker="D", color="#555555", ls="", label="filled: significant"),
               Line2D([], [], marker="o", color="#555555", markerfacecolor="white", ls="",
                      label="hollow, NS: not significant")]
    fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.02), ncol=2, fontsize=8, frameon=False)
    no_ci = [f"{TRIALS[h.trial].name} {h.endpoint}" for h in rows if h.ci95 is None]
    secondary = [f"{TRIALS[h.trial].name} {h.endpoint} ({h.ci_read_in.split(' (')[0]})" for h in rows
                 if h.ci95 is not None and "secondary" in h.ci_read_in]
    names = ", ".join(dict.fromkeys(TRIALS[h.trial].name for h in rows))
    described = "; ".join(f"{TRIALS[h.trial].name} {h.endpoint} {_hr(h.hazard_ratio)}"
                          + (f" ({_hr(h.ci95[0])}-{_hr(h.ci95[1])})" if h.ci95 else " (no interval)")
                          + ("" if h.significant else " not significant") for h in rows)
    cap = (f"Sources: the trial reports and their overall-survival follow-ups ({names}; see netlib.data.trials). "
           "95 % CIs as printed in the abstracts")
    cap += f", except {'; '.join(secondary)}" if secondary else ""
    cap += (f". No interval in the sources read for {', '.join(no_ci)}: drawn as a point without a bar" if no_ci
            else "")
    notes = [f"{TRIALS[h.trial].name}: {h.note}" for h in rows if h.note]
    cap += (". Overall survival after crossover: " + "; ".join(notes)) if notes else ""
    cap += (". Each trial compares its experimental arm with its own control arm (placebo, octreotide LAR 60 mg or "
            "temozolomide), so the hazard ratios of different trials cannot be ranked against each other.")
    return _describe(fig, f"Forest plot of hazard ratios on a log scale with 95 % confidence intervals: {described}.",
                     cap)


# --- notebook 06: gastric NET types ---------------------------------------------------------------------------------
def gastric_types():
    """Gastric NET types 1-3 side by side, from :data:`netlib.data.syndromes.GASTRIC_TYPES`.

    Rows: background, gastrin, gastric pH, share of gastric NETs, behaviour (incl. metastatic risk) and usual
    management; a bar chart below shows each type's share of gastric NETs. Every word and number comes from the
    data, which cites the fact sheet's sources.
    """
    from netlib.data.syndromes import GASTRIC_TYPES

    types = [GASTRIC_TYPES[k] for k in sorted(GASTRIC_TYPES)]
    colours = [OKABE_ITO["sky"], OKABE_ITO["yellow"], OKABE_ITO["vermillion"]]
    hatches = ["", "//", ".."]
    arrows = {"high": "↑ high", "normal": "= normal", "low": "↓ low"}

    def level(text: str) -> str:
        word = text.split()[0]
        return arrows.get(word, "") + text[len(word):] if word in arrows else text

    rows = (("Background", lambda g: g.background), ("Gastrin", lambda g: level(g.gastrin)),
            ("Gastric pH", lambda g: level(g.ph)), ("Share of gastric NETs", lambda g: g.share),
            ("Behaviour", lambda g: g.behaviour), ("Usual management", lambda g: g.management))
    W, line = 8.0, 0.145
    x0, label_w = 0.05, 1.2
    col_w = (W - x0 - label_w - 0.1) / len(types)
    chars = 30

    def words(text: str) -> str:
        text = re.sub(r"([<>≤≥]) ", "\\1\u00a0", text.replace("<=", "≤").replace(">=", "≥"))
        text = re.sub(r"(\d) %", "\\1\u00a0%", text)
        return textwrap.fill(text, chars, break_on_hyphens=False)

    cells = [[words(get(g)) for g in types] for _name, get in rows]
    names = [textwrap.fill(name, 13) for name, _get in rows]
    heights = [max([c.count("\n") + 1 for c in row] + [n.count("\n") + 1]) * line + 0.14
               for row, n in zip(cells, names)]
    table_h = sum(heights) + 0.25
    chart_h = 0.35 * len(types) + 0.75
    H = 0.55 + table_h + chart_h
    fig = plt.figure(figsize=(W, H))
    ax = fig.add_axes((0, chart_h / H, 1, (H - chart_h) / H))
    ax.set_xlim(0, W)
    ax.set_ylim(0, H - chart_h)
    _clean(ax)
    top = H - chart_h
    ax.text(W / 2, top - 0.08, "Gastric NETs: the background (gastrin and acid) tells the three types apart;\n"
                               "type 3, with normal gastrin, is the aggressive one",
            ha="center", va="top", fontsize=10.5, fontweight="bold")
    y = top - 0.55
    for j, g in enumerate(types):
        x = x0 + label_w + j * col_w
        ax.add_patch(FancyBboxPatch((x + 0.04, y - 0.3), col_w - 0.08, 0.3, boxstyle="round,pad=0,rounding_size=0.05",
                                    fc=colours[j], ec="black", lw=0.8, hatch=hatches[j], alpha=0.9))
        ax.text(x + col_w / 2, y - 0.15, f"Type {g.type}", ha="center", va="center", fontsize=10, fontweight="bold",
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"})
    y -= 0.4
    for name, row, h in zip(names, cells, heights):
        ax.plot([x0, W - 0.05], [y, y], color="#BBBBBB", lw=0.8)
        ax.text(x0, y - 0.07, name, ha="left", va="top", fontsize=8.5, fontweight="bold", linespacing=1.15)
        for j, text in enumerate(row):
            ax.text(x0 + label_w + j * col_w + 0.08, y - 0.07, text, ha="left", va="top", fontsize=8.5,
                    linespacing=1.15)
        y -= h
    # the shares as range bars
    axb = fig.add_axes((0.2, 0.45 / H, 0.62, (chart_h - 0.85) / H))
    for j, g in enumerate(types):
        yy = len(types) - 1 - j
        lo, hi = g.share_percent
        axb.barh(yy, max(hi - lo, 0.8), left=lo if hi > lo else lo - 0.4, height=0.55, color=colours[j],
                 hatch=hatches[j], edgecolor="black", lw=0.6)
        axb.text(hi + 1.5, yy, g.share, va="center", fontsize=8.5)
    axb.set_yticks(range(len(types)), [f"Type {g.type}" for g in reversed(types)])
    axb.set_xlim(0, 100)
    axb.set_xlabel("share of all gastric NETs (%; ranges as published)", fontsize=8.5)
    axb.tick_params(labelsize=8.5)
    axb.set_ylim(-0.6, len(types) - 0.4)
    keys = list(dict.fromkeys(k for g in types for k in g.sources))
    cites = "; ".join(_cite(k) for k in keys)
    alt = " ".join(f"Type {g.type}: background {g.background}; gastrin {g.gastrin}; pH {g.ph}; {g.share} of "
                   f"gastric NETs; {g.behaviour}; usual management: {g.management}." for g in types)
    return _describe(
        fig, "Table comparing the three gastric NET types, with a bar chart of their shares. " + alt,
        f"Source: netlib's catalogue of gastric NET types, from {cites}.")


# --- notebook 08: the workshop cases --------------------------------------------------------------------------------
def case_map(cases=None):
    """The workshop cases on the Ki-67 x mitoses plane with the WHO 2019/2022 cut-offs, labelled by case only.

    ``cases``: None (the three workshop sets of notebook 08, labelled A1-C8 as the notebook labels them), a set name
    (``"A"``, ``"B"`` or ``"C"``), or a sequence of :class:`netlib.data.cases.Case` objects (numbered 1, 2, ... in
    order). Only digestive (GEP) and unknown-primary cases are placed; lung and thymus cases (graded by mitoses
    and necrosis) are listed in the caption. No grade, stage or answer is written on the figure: the reader
    decides which side of each cut-off a case lies. Marker shape shows the differentiation stated in the vignette.
    """
    from netlib.data import cases as case_data
    from netlib.findings import GEP_SITES

    sets = getattr(case_data, "WORKSHOP_SETS", None) or {}
    if cases is None and sets:
        labelled = [(f"{name}{i}", case_data.get_case(k)) for name, keys in sets.items()
                    for i, k in enumerate(keys, 1)]
        what = "the workshop sets of notebook 08 (labels as in the notebook)"
    elif cases is None or isinstance(cases, str):
        if isinstance(cases, str) and sets:
            name = V.choice("cases", cases, tuple(sets))
            labelled = [(f"{name}{i}", c) for i, c in enumerate(case_data.workshop_set(name), 1)]
            what = f"workshop set {name} of notebook 08"
        elif cases is None:
            labelled = [(str(i), c) for i, c in enumerate(case_data.load_cases(), 1)]
            what = "the case bank, numbered as load_cases() returns it"
        else:
            raise InvalidValueError("cases", "no workshop sets are defined; pass a sequence of cases")
    else:
        items = V.sequence("cases", cases, what="a sequence of netlib.data.cases.Case objects", min_len=1,
                           max_len=500)
        for c in items:
            V.instance("cases", c, case_data.Case, "netlib.data.cases.Case objects (from load_cases())")
        labelled = [(str(i), c) for i, c in enumerate(items, 1)]
        what = "the cases given, numbered in order"
    placed, left_out = [], []
    for label, c in labelled:
        f = c.findings
        if f.site in GEP_SITES or f.site == "unknown_primary":
            placed.append((label, f))
        else:
            left_out.append(label)
    if not placed:
        raise InvalidValueError("cases", "none of these cases has a digestive or unknown primary site")
    NR = -0.6  # where "not reported" sits on the symlog axes
    fig, ax = plt.subplots(figsize=(7.2, 5.6))
    style = {"well": ("o", OKABE_ITO["blue"], True, "well differentiated"),
             "poor": ("^", OKABE_ITO["vermillion"], True, "poorly differentiated"),
             None: ("s", "#555555", False, "differentiation not stated")}
    groups: dict[tuple, list] = {}
    for i, f in placed:
        x = NR if f.ki67_percent is None else f.ki67_percent
        yv = NR if f.mitoses_per_2mm2 is None else f.mitoses_per_2mm2
        groups.setdefault((x, yv, f.differentiation if f.differentiation in style else None), []).append(i)
    no_ki67 = any(f.ki67_percent is None for _i, f in placed)
    no_mit = any(f.mitoses_per_2mm2 is None for _i, f in placed)
    ax.set_xscale("symlog", linthresh=1, linscale=0.6)
    ax.set_yscale("symlog", linthresh=1, linscale=0.6)
    xs_max = max([f.ki67_percent or 0 for _i, f in placed] + [30])
    ys_max = max([f.mitoses_per_2mm2 or 0 for _i, f in placed] + [30])
    ax.set_xlim((NR - 0.5) if no_ki67 else -0.3, xs_max * 1.6)
    ax.set_ylim((NR - 0.5) if no_mit else -0.3, ys_max * 1.8)
    used = set()
    for (x, yv, diff) in groups:
        marker, colour, filled, label = style[diff]
        ax.plot(x, yv, marker=marker, ms=8, ls="", color=colour, markerfacecolor=colour if filled else "white",
                markeredgewidth=1.5, label=label if diff not in used else None, zorder=3)
        used.add(diff)
    ticks_k = [t for t in (0, 1, 2, 3, 5, 10, 20, 50, 100) if t <= xs_max * 1.6]
    ticks_m = [t for t in (0, 1, 2, 5, 10, 20, 50, 100) if t <= ys_max * 1.8]
    ax.set_xticks(([NR] if no_ki67 else []) + ticks_k,
                  (["not\nreported"] if no_ki67 else []) + [f"{t:g}" for t in ticks_k])
    ax.set_yticks(([NR] if no_mit else []) + ticks_m,
                  (["not reported"] if no_mit else []) + [f"{t:g}" for t in ticks_m])
    ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    ax.yaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    if no_ki67:
        ax.axvspan(NR - 0.5, NR + 0.35, color="#EEEEEE", zorder=0)
    if no_mit:
        ax.axhspan(NR - 0.5, NR + 0.35, color="#EEEEEE", zorder=0)
    kc, mc = WHO_2022_DIGESTIVE.cutoffs("ki67"), WHO_2022_DIGESTIVE.cutoffs("mitoses")
    for c in kc:
        ax.axvline(c, color=OKABE_ITO["black"], ls="--", lw=1)
        ax.text(c, ax.get_ylim()[1], f"Ki-67 {c:g} %", rotation=90, ha="right", va="top", fontsize=8)
    for c in mc:
        ax.axhline(c, color=OKABE_ITO["black"], ls=":", lw=1.2)
        ax.text(ax.get_xlim()[1], c, f"{c:g} mitoses ", ha="right", va="bottom", fontsize=8)
    ax.set_xlabel("Ki-67 index (%, log-like scale)")
    ax.set_ylabel("mitoses per 2 mm² (log-like scale)")
    ax.set_title("The workshop cases on both grading axes: read each against both cut-offs\n"
                 "(labels are case numbers only; no answers are shown)", fontsize=10)
    ax.legend(loc="upper left", fontsize=8, framealpha=0.9)
    fig.tight_layout()
    renderer = fig.canvas.get_renderer()
    taken = [ax.transData.transform((x, yv)) for (x, yv, _d) in groups]
    boxes: list = []
    for (x, yv, diff), nums in groups.items():  # number labels, moved until they overlap nothing
        text = ", ".join(nums)
        for dx, dy, ha in ((0, 8, "center"), (0, -17, "center"), (7, 4, "left"), (-7, 4, "right"), (7, -13, "left"),
                           (-7, -13, "right")):
            ann = ax.annotate(text, (x, yv), xytext=(dx, dy), textcoords="offset points", ha=ha, fontsize=8.5,
                              fontweight="bold", zorder=4, bbox={"boxstyle": "round,pad=0.12", "facecolor": "white",
                                                                 "alpha": 0.85, "edgecolor": "none"})
            bb = ann.get_window_extent(renderer).padded(5)
            own = ax.transData.transform((x, yv))
            hovers = any(bb.x0 <= px <= bb.x1 and bb.y0 - 20 <= py <= bb.y1 + 20 for px, py in taken
                         if abs(px - own[0]) + abs(py - own[1]) > 1)  # over or under another point: ambiguous
            if not any(bb.overlaps(b) for b in boxes) and not hovers:
                break
            ann.remove()
        else:
            ann = ax.annotate(text, (x, yv), xytext=(7, 4), textcoords="offset points", fontsize=8.5,
                              fontweight="bold", zorder=4)
            bb = ann.get_window_extent(renderer)
        boxes.append(bb)
    on_cut = [i for i, f in placed if (f.ki67_percent in kc) or (f.mitoses_per_2mm2 in mc)]
    missing_mit = [i for i, f in placed if f.mitoses_per_2mm2 is None]
    alt = (f"Scatter plot of {len(placed)} digestive workshop cases by Ki-67 index and mitoses per 2 mm², with "
           f"dashed lines at Ki-67 {' and '.join(_pct(c) for c in kc)} and dotted lines at "
           f"{' and '.join(f'{c:g}' for c in mc)} mitoses; points carry case labels only.")
    if on_cut:
        many = len(on_cut) > 1
        alt += f" Case{'s' if many else ''} {', '.join(on_cut)} sit{'' if many else 's'} exactly on a cut-off."
    if missing_mit:
        alt += f" Cases without a mitotic count: {', '.join(missing_mit)}."
    cap = (f"Source: {what}, from netlib.data.cases (vignettes written for this course); cut-offs from "
           f"{_cite('who2019_digestive')}.")
    if left_out:
        cap += (f" Not shown (lung or thymus, graded by mitoses and necrosis instead): case"
                f"{'s' if len(left_out) > 1 else ''} {', '.join(left_out)}.")
    return _describe(fig, alt, cap)


# --- notebook 09: hereditary syndromes ------------------------------------------------------------------------------


def hereditary_sites(syndromes: Sequence[str] | None = None):
    """Which organs each inherited syndrome puts tumours in, as a grid (syndromes x organs) drawn from
    :data:`netlib.data.hereditary.SYNDROMES`.

    A shaded box holds the frequency the sources give (the first one listed for the organ); a dashed white box marks
    a tumour listed without a number. ``syndromes``: keys of the catalogue, in the
    order to show (default: all). Percentages come from different series and are not comparable between rows; an
    empty cell means the course's sources report nothing there.
    """
    from netlib.data import hereditary

    keys = list(hereditary.SYNDROMES) if syndromes is None else \
        V.words("syndromes", syndromes, hereditary.SYNDROMES, what="a list of syndrome keys")
    keys = list(dict.fromkeys(keys))
    if not keys:
        raise InvalidValueError("syndromes", "give at least one syndrome key")
    entries = [hereditary.get(k) for k in keys]
    sites = hereditary.SITES
    fig, ax = plt.subplots(figsize=(8.4, 0.75 * len(entries) + 1.9))
    cells = []  # (row, column, syndrome, manifestation)
    spans = 0  # boxes drawn across neighbouring organs (one frequency for them together)
    for i, s in enumerate(entries):
        covered: set[int] = set()
        for j, site in enumerate(sites):
            if j in covered:
                continue
            found = [m for m in s.manifestations if site in m.sites]
            if not found:
                continue
            m = next((m for m in found if m.frequency), found[0])
            cols = sorted(sites.index(x) for x in m.sites)
            span = len(cols) > 1 and cols == list(range(cols[0], cols[-1] + 1)) and cols[0] == j
            if span:
                covered.update(cols)
                spans += 1
            for c in (cols if span else [j]):
                cells.append((i, c, s, m))
            short = m.rate  # the number only; the population is in the alt text
            y = len(entries) - 1 - i
            x = (cols[0] + cols[-1]) / 2 if span else j
            if span:
                from matplotlib.patches import FancyBboxPatch

                ax.add_patch(FancyBboxPatch((cols[0] - 0.42, y - 0.3), cols[-1] - cols[0] + 0.84, 0.6,
                                            boxstyle="round,pad=0.02", facecolor=OKABE_ITO["sky"],
                                            edgecolor=OKABE_ITO["blue"], lw=1.2, zorder=2))
                ax.text(x, y, (short.replace(" %", "\u00a0%") if short else "listed") + "\nboth organs "
                        "together", ha="center", va="center", fontsize=8, fontweight="bold", zorder=3, linespacing=1.1)
            elif short:
                ax.text(j, y, short.replace(" %", "\u00a0%"), ha="center", va="center", fontsize=8.5,
                        fontweight="bold", zorder=3,
                        bbox={"boxstyle": "round,pad=0.45", "facecolor": OKABE_ITO["sky"],
                              "edgecolor": OKABE_ITO["blue"], "lw": 1.2})
            else:
                ax.text(j, y, "listed,\nno figure", ha="center", va="center", fontsize=7.5, zorder=3,
                        linespacing=1.0, bbox={"boxstyle": "square,pad=0.35", "facecolor": "white",
                                               "edgecolor": OKABE_ITO["black"], "lw": 1.2, "ls": "--"})
    ax.set_xticks(range(len(sites)), [textwrap.fill(s, 11) for s in sites], fontsize=9)
    ax.set_yticks(range(len(entries)), [f"{s.short}\n" + textwrap.fill(s.name.lower() if s.short != "VHL" else s.name,
                                                                          24) for s in reversed(entries)],
                  fontsize=8.5)
    ax.set_xlim(-0.6, len(sites) - 0.4)
    ax.set_ylim(-0.6, len(entries) - 0.4)
    for j in range(len(sites) + 1):
        ax.axvline(j - 0.5, color="#DDDDDD", lw=0.8, zorder=0)
    for i in range(len(entries) + 1):
        ax.axhline(i - 0.5, color="#DDDDDD", lw=0.8, zorder=0)
    ax.tick_params(length=0)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.xaxis.tick_top()
    ax.set_xlabel("organ with tumours (shaded box: frequency as published; dashed white box: listed without a "
                  "frequency)", fontsize=8.5)
    ax.set_title("MEN1 appears in every organ of this grid; VHL and TSC only in the pancreas, NF1 only in the "
                 "duodenum\n(as the course's sources report them)", fontsize=10, pad=38)
    fig.tight_layout()
    described = []
    for s in entries:
        parts, seen = [], set()
        for _i, j, s2, m in cells:
            if s2 is not s or id(m) in seen:
                continue
            seen.add(id(m))
            where = " and ".join(x for x in sites if x in m.sites)
            parts.append(f"{where}: {m.tumour}" + (f", {m.frequency}" if m.frequency else ", no frequency given")
                         + (" (one box across both organs)" if len(m.sites) > 1 else ""))
        described.append(f"{s.short}: " + "; ".join(parts) + ".")
    keys_cited = list(dict.fromkeys(k for _i, _j, _s, m in cells for k in m.sources))
    return _describe(
        fig, f"Grid of {len(entries)} inherited syndromes (rows) by {len(sites)} organs (columns); a shaded box "
             "with a percentage where the sources give a frequency, a dashed white box where they list a tumour "
             "without one. " + " ".join(described),
        "Source: the course's catalogue of hereditary syndromes, from "
        + "; ".join(references.short_citation(k) for k in keys_cited) + ". Percentages come from different series (MEN1 and VHL: "
        "patients with the syndrome; MEN4: 48 symptomatic cases; TSC: two databases) and cannot be compared across "
        "rows. The MEN1 box across pancreas and duodenum is one frequency for duodenopancreatic NETs together, not "
        "one per organ. An empty cell means the course's sources report nothing there, not that it never happens.")
