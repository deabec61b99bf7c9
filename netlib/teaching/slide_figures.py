"""Figures of the real Ki-67 slide (notebook 03, "A real Ki-67 stain"), built on :mod:`netlib.counting.slide`.

Same conventions as :mod:`netlib.teaching.plots` (each function returns a Figure with alt text and a caption; show it
with :func:`netlib.teaching.plots.show`): titles state the point, axes carry units, Okabe-Ito colours with markers
and line styles that say the same. Photographs are downscaled so a notebook stays small. Every caption carries the
images' credit line. No scikit-image here: :func:`threshold_sweep` takes the counts computed by
:func:`netlib.counting.slide.threshold_sweep`.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from netlib import checks as V
from netlib.counting import fields, slide
from netlib.data.criteria import WHO_2022_DIGESTIVE
from netlib.errors import InvalidValueError
from netlib.teaching.plots import OKABE_ITO, _describe

__all__ = ["real_and_synthetic", "nucleus_examples", "counting_region", "threshold_sweep", "EXAMPLES"]

#: Where the example nuclei of :func:`nucleus_examples` lie (µm in the NDPI crop); the nearest annotated nucleus of
#: each class is shown.
EXAMPLES = {"positive": (388.3, 359.0), "negative": (433.3, 351.3), "equivocal": (406.5, 452.6)}
_TISSUE = "Ki-67 IHC, tissue unspecified (not a neuroendocrine tumour)"


def _small(rgb, size: int, colours: int = 64):
    """``rgb`` resized to ``size`` pixels square and reduced to ``colours`` colours (no dithering): a stain has few
    hues, and the PNG stays a fraction of the size."""
    from PIL import Image

    im = Image.fromarray(np.ascontiguousarray(rgb)).resize((size, size), Image.Resampling.LANCZOS)
    im = im.quantize(colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    return np.asarray(im.convert("RGB"))


def real_and_synthetic(field: "fields.Ki67Field"):
    """The synthetic field beside the two real crops (downscaled), with the counting region outlined on the
    Hamamatsu (NDPI) crop."""
    V.instance("field", field, fields.Ki67Field, "a netlib.counting.fields.Ki67Field")
    key = slide.annotation()
    fig, axes = plt.subplots(1, 3, figsize=(8.6, 3.3))
    pos = np.array(field.positive)
    x, y = np.array(field.x), np.array(field.y)
    ax = axes[0]
    ax.scatter(x[~pos], y[~pos], s=4, facecolors="none", edgecolors=OKABE_ITO["blue"], linewidths=0.5)
    ax.scatter(x[pos], y[pos], s=5, color="#8B4513")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(f"Synthetic field ({field.n_cells} dots)", fontsize=9)
    for ax, name in zip(axes[1:], ("ndpi", "vsi")):
        scan = slide.SCANNERS[name]
        extent_um = scan.pixels * scan.pixel_um
        ax.imshow(_small(slide.load_image(name), 180, 48), extent=(0, extent_um, extent_um, 0),
                  interpolation="nearest")
        ax.set_title(f"Real: {scan.title}", fontsize=9)
        ax.set_xlabel("µm")
        ax.tick_params(labelsize=7)
        if name == key.scanner:
            ax.add_patch(Rectangle((key.x_um, key.y_um), key.size_um, key.size_um, fill=False, lw=1.5,
                                   ls="--", edgecolor=OKABE_ITO["black"]))
            ax.text(key.x_um, key.y_um - 8, "counting region", fontsize=7, va="bottom")
    fig.suptitle("Dots are easy; a real stain has shades of brown, and the same field looks different on two "
                 "scanners", fontsize=10)
    fig.tight_layout()
    return _describe(
        fig, f"Three panels. Left: the synthetic field of {field.n_cells} dots (brown filled positive, blue hollow "
             "negative). Middle and right: the same real 0.5 x 0.5 mm field of a Ki-67 stain scanned by a Hamamatsu "
             "and an Olympus scanner: blue haematoxylin-stained nuclei and brown Ki-67-positive nuclei. On the "
             "Hamamatsu scan the positive nuclei are dark brown, the strongest nearly black; the Olympus scan is paler "
             "overall and its positive nuclei look purplish brown and grainy. A dashed square marks the 150 µm "
             "counting region on the Hamamatsu scan.",
        f"Real images: {_TISSUE}; both 0.50 x 0.50 mm, downscaled for display; NDPI and VSI are the two scanners' "
        f"file formats. {slide.CREDIT} Left: the synthetic field of the sections above, drawn with a fixed seed.")


def _nearest(label: str, x: float, y: float) -> "slide.Nucleus":
    key = slide.annotation()
    return min((n for n in key.nuclei if n.label == label), key=lambda n: (n.x_um - x) ** 2 + (n.y_um - y) ** 2)


def nucleus_examples(window_um: float = 18.0):
    """One positive, one negative and one equivocal nucleus from the counting key, zoomed (``window_um`` square)."""
    window_um = V.number("window_um", window_um, 8, 60, unit="µm")
    rgb = slide.load_image("ndpi")
    px = slide.SCANNERS["ndpi"].pixel_um
    words = {"positive": "positive: clearly brown", "negative": "negative: blue only",
             "equivocal": "equivocal: faint grey-brown"}
    fig, axes = plt.subplots(1, 3, figsize=(6.6, 2.5))
    for ax, label in zip(axes, slide.CLASSES):
        n = _nearest(label, *EXAMPLES[label])
        half = window_um / 2
        l, t = round((n.x_um - half) / px), round((n.y_um - half) / px)
        side = round(window_um / px)
        ax.imshow(_small(rgb[t:t + side, l:l + side], 120), extent=(0, window_um, window_um, 0), interpolation="nearest")
        ax.plot(half, half, marker="+", color=OKABE_ITO["black"], ms=6, mew=1)
        ax.set_title(words[label], fontsize=9)
        ax.set_xlabel("µm")
        ax.tick_params(labelsize=7)
    fig.suptitle("What to count: positive, negative and the doubtful middle (equivocal)", fontsize=10)
    fig.tight_layout()
    return _describe(
        fig, f"Three zoomed nuclei, each in a {window_um:g} µm square with a cross at its centre: a positive nucleus "
             "evenly dark brown, a negative nucleus blue, and an equivocal nucleus grey with a faint brown tinge that "
             "could be read either way.",
        f"Zoomed from the counting region of the Hamamatsu scan (NDPI); classes from this course's counting key. "
        f"{_TISSUE}. {slide.CREDIT}")


def counting_region():
    """The counting region (150 µm square of the NDPI crop) large enough to count, on a labelled 3 x 3 grid."""
    key = slide.annotation()
    left, top, right, bottom = key.pixel_box()
    rgb = slide.load_image(key.scanner)[top:bottom, left:right]
    fig, ax = plt.subplots(figsize=(4.6, 4.6))
    s = key.size_um
    ax.imshow(_small(rgb, 560), extent=(0, s, s, 0), interpolation="nearest")
    for i in (1, 2):
        ax.axhline(i * s / 3, color="white", lw=1.6)
        ax.axhline(i * s / 3, color=OKABE_ITO["black"], lw=0.6, ls="--")
        ax.axvline(i * s / 3, color="white", lw=1.6)
        ax.axvline(i * s / 3, color=OKABE_ITO["black"], lw=0.6, ls="--")
    ax.set_xticks([s / 6, s / 2, 5 * s / 6], ["1", "2", "3"])
    ax.set_yticks([s / 6, s / 2, 5 * s / 6], ["A", "B", "C"])
    ax.set_xlabel(f"grid column (each square {s / 3:.0f} x {s / 3:.0f} µm)")
    ax.set_ylabel("grid row")
    ax.plot([s - 25, s - 5], [s - 5, s - 5], color=OKABE_ITO["black"], lw=3)
    ax.text(s - 15, s - 8, "20 µm", ha="center", va="bottom", fontsize=8,
            bbox=dict(facecolor="white", edgecolor="none", pad=1))
    ax.set_title(f"Count the nuclei in this {s:.0f} µm square, square by square", fontsize=10)
    fig.tight_layout()
    return _describe(
        fig, f"A {s:.0f} x {s:.0f} µm region of the real Ki-67 stain (Hamamatsu scan) on a 3 by 3 grid (rows A-C, "
             "columns 1-3), with a 20 µm scale bar: over a hundred blue nuclei, round to oval, with elongated "
             "spindle-shaped ones in squares C1 and C2, and a few dozen brown ones, some dark, some faint. The key "
             "is not shown.",
        f"The counting region of the Hamamatsu scan (NDPI), area {key.area_mm2:.4f} mm². A nucleus belongs to the "
        f"region when its centre lies inside. {_TISSUE}. {slide.CREDIT}")


def threshold_sweep(sweep: dict):
    """Labelling index against the DAB threshold for each scanner, with the 3 % and 20 % cut-offs drawn.

    ``sweep``: the result of :func:`netlib.counting.slide.threshold_sweep`.
    """
    if not isinstance(sweep, dict) or not sweep or not all(
            k in slide.SCANNERS and isinstance(v, list) and v and all(isinstance(c, slide.DigitalCount) for c in v)
            for k, v in sweep.items()):
        raise InvalidValueError("sweep", "expected the dict returned by netlib.counting.slide.threshold_sweep")
    styles = {"ndpi": (OKABE_ITO["vermillion"], "o", "-"), "vsi": (OKABE_ITO["blue"], "s", "--")}
    fig, ax = plt.subplots(figsize=(7, 4))
    cutoffs = WHO_2022_DIGESTIVE.cutoffs("ki67")
    words = []
    for name, counts in sweep.items():
        c, m, ls = styles[name]
        t = [x.threshold for x in counts]
        idx = [x.index_percent for x in counts]
        ax.plot(t, idx, color=c, marker=m, ls=ls, lw=2,
                label=f"{slide.SCANNERS[name].title}: {counts[0].total} nuclei found")
        words.append(f"{slide.SCANNERS[name].title}: {idx[0]:.1f} % at threshold {t[0]:g} falling to "
                     f"{idx[-1]:.1f} % at {t[-1]:g}")
    for cut in cutoffs:
        ax.axhline(cut, color=OKABE_ITO["grey"], ls=":", lw=1.5)
        ax.text(0.99, cut, f"{cut:g} % cut-off", transform=ax.get_yaxis_transform(), fontsize=10, va="bottom",
                ha="right", color="#333333")
    ax.set_xlabel("DAB threshold (colour-deconvolution density, arbitrary units)")
    ax.set_ylabel("labelling index (% of nuclei positive)")
    ax.set_ylim(0, None)
    ax.set_title("One slide, one field: the index depends on the threshold and the scanner", fontsize=10)
    ax.legend(fontsize=10, loc="upper right")
    fig.tight_layout()
    return _describe(
        fig, "Line chart of the digital Ki-67 labelling index against the DAB threshold for the same field scanned "
             "twice; dotted lines mark the 3 % and 20 % grading cut-offs. " + "; ".join(words)
             + ". Both lines cross the 20 % cut-off as the threshold changes, and at the same threshold the two "
             "scanners give different indices.",
        "Source: this notebook's digital count (colour deconvolution after Ruifrok & Johnston 2001 with "
        "scikit-image; nuclei detected on haematoxylin + DAB; positive when the mean DAB density exceeds the "
        f"threshold); cut-offs from WHO 2019/2022 (Nagtegaal et al., Histopathology 2020). {_TISSUE}. "
        f"{slide.CREDIT}")
