"""Figures of notebook 10 (imaging and biomarkers), drawn from :mod:`netlib.data.imaging`.

Same conventions as :mod:`netlib.teaching.plots` (each function returns a Figure with alt text and a caption; show
it with :func:`netlib.teaching.plots.show`): titles state the point, axes carry units, Okabe-Ito colours with
hatches and words that say the same. matplotlib is imported inside the functions, so importing this module does not
load it.
"""
from __future__ import annotations

import textwrap

from netlib.data import imaging

__all__ = ["krenning_readings", "pet_vs_spect"]

# Tick labels only (the scale's words are in netlib.data.imaging.KRENNING).
_SHORT = {"none": "none", "far below": "far below the liver", "below": "below the liver",
          "equal": "equal to the liver", "above": "above the liver"}



def _tick(score: int, comp: str) -> str:
    return "above the spleen" if score == imaging.KRENNING_RANGE[1] else _SHORT[comp]


def krenning_readings():
    """The Krenning scale (0-4, score 2 split into uptake below and equal to the liver) against the two readings of
    the PRRT uptake requirement: which uptake each accepts, and where they part (uptake equal to the liver)."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    from netlib.biomarkers import reading_accepts
    from netlib.teaching.biomarkers_tables import krenning_rows
    from netlib.teaching.plots import OKABE_ITO, _describe

    names = list(imaging.PRRT_UPTAKE_READINGS)
    cols = krenning_rows()
    fig, ax = plt.subplots(figsize=(8.6, 3.6))
    yes, no = OKABE_ITO["blue"], "white"
    for row, name in enumerate(names):
        y = len(names) - 1 - row
        for x, (score, comp, _) in enumerate(cols):
            ok = reading_accepts(name, score, comp)
            ax.barh(y, 0.92, left=x - 0.46, height=0.6, color=yes if ok else no,
                    edgecolor=OKABE_ITO["black"], hatch="" if ok else "//", lw=1)
            ax.text(x, y, "accepted" if ok else "not\naccepted", ha="center", va="center", fontsize=8,
                    color="white" if ok else "black", fontweight="bold" if ok else "normal",
                    bbox=None if ok else {"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"})
    disputed = [x for x, (score, comp, _) in enumerate(cols) if imaging.prrt_uptake_verdict(score, comp) is None]
    for x in disputed:
        ax.axvspan(x - 0.5, x + 0.5, color=OKABE_ITO["orange"], alpha=0.25, zorder=0)
        ax.text(x, len(names) - 0.35, "the readings\ndisagree", ha="center", va="bottom", fontsize=8.5,
                fontweight="bold")
    ax.set_yticks(range(len(names)), [textwrap.fill(f"reading: uptake {n}", 22) for n in reversed(names)],
                  fontsize=8.5)
    ax.set_xticks(range(len(cols)), [f"{score}\n{textwrap.fill(_tick(score, comp), 12)}" for score, comp, _ in cols],
                  fontsize=7.5)
    ax.set_xlim(-0.55, len(cols) - 0.45)
    ax.set_ylim(-0.5, len(names) + 0.3)
    ax.set_xlabel("Krenning score and the lesion's uptake against the normal liver (score 2 covers uptake up to the "
                  "liver; no unit)", fontsize=8.5)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.legend(handles=[Patch(facecolor=yes, edgecolor="black", label="accepted for PRRT"),
                       Patch(facecolor=no, edgecolor="black", hatch="//", label="not accepted")],
              loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    ax.set_title("The two readings of PRRT uptake differ only where uptake equals the liver", fontsize=10)
    fig.tight_layout()
    parts = []
    for name in names:
        ok = [f"{score} ({_tick(score, comp)})" for score, comp, _ in cols if reading_accepts(name, score, comp)]
        parts.append(f"reading 'uptake {name}' accepts " + ", ".join(ok))
    return _describe(
        fig, f"Two rows of {len(cols)} boxes, one box per step of the Krenning scale from 0 (no uptake) to 4 (uptake "
             "above the spleen or kidney), with score 2 split into uptake below the liver and uptake equal to the "
             "liver. Filled boxes mark what a reading accepts for PRRT, hatched white boxes what it does not: "
             + "; ".join(parts) + ". The rows agree everywhere except score 2 with uptake equal to the liver, which "
             "is shaded and labelled 'the readings disagree'; score 2 with uptake below the liver is refused by "
             "both.",
        "Scale: Kwekkeboom and Krenning, Semin Nucl Med, 2002 (designed for planar 111In-pentetreotide images, also "
        "applied to SPECT and PET). " + imaging.KRENNING_2_READINGS + " The two readings are those found in "
        "secondary sources.")


def pet_vs_spect():
    """Lesions seen by 111In-pentetreotide SPECT (OctreoScan) and 68Ga-DOTATOC PET/CT in the same 53 patients, with
    the lesion sensitivity of each."""
    import matplotlib.pyplot as plt

    from netlib.teaching.plots import OKABE_ITO, _describe

    rows = imaging.PET_SPECT_LESIONS
    fig, ax = plt.subplots(figsize=(7.6, 2.6))
    colours = [OKABE_ITO["grey"], OKABE_ITO["blue"]]
    hatches = ["//", ""]
    for i, (name, lesions, sens) in enumerate(rows):
        ax.barh(i, lesions, color=colours[i], hatch=hatches[i], edgecolor=OKABE_ITO["black"], height=0.6)
        ax.text(lesions + 15, i, f"{lesions:,} lesions (lesion sensitivity {sens:.1f} %)", va="center", fontsize=8.5)
    ax.set_yticks(range(len(rows)), [r[0] for r in rows], fontsize=8.5)
    ax.set_xlim(0, max(r[1] for r in rows) * 1.55)
    ax.set_xlabel(f"lesions detected in the same {imaging.PET_SPECT_PATIENTS} patients (count)", fontsize=8.5)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    (n0, l0, s0), (n1, l1, s1) = rows
    ax.set_title(f"SSTR-PET saw {l1 - l0:,} more lesions than OctreoScan in the same patients", fontsize=10)
    fig.tight_layout()
    return _describe(
        fig, f"Horizontal bar chart of lesions detected in the same {imaging.PET_SPECT_PATIENTS} patients with "
             f"metastatic NETs: {n0} {l0:,} lesions (lesion sensitivity {s0:.1f} %), hatched grey bar; {n1} "
             f"{l1:,} lesions (lesion sensitivity {s1:.1f} %), solid blue bar. The extra lesions lay mostly in the liver and "
             "the bones.",
        "Source: Van Binnebeek et al., Eur Radiol, 2016 (lesion-by-lesion comparison, 53 patients scheduled for "
        "PRRT).")
