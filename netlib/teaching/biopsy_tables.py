"""Notebook 11 (the biopsy and the unknown primary): the tables and lists (Markdown; words, no keys).

Every number and word is read from the catalogues (:mod:`netlib.data`) and the decisions in
:mod:`netlib.biopsy`. Teaching material, not a clinical decision tool.
"""
from __future__ import annotations

from netlib.data import biopsy as data
from netlib.data import site_markers as SM
from netlib.data.references import citations_text as _cites
from netlib.results import table_cell as _cell

__all__ = ["marker_table", "gca_table", "small_biopsy_notes", "heterogeneity_notes", "dipnech_notes"]


def _markdown(text: str):
    from IPython.display import Markdown

    return Markdown(text)



def marker_table():
    """The site-of-origin markers as a Markdown table: what a positive points to, each study's figure with its
    source, and the caveats."""
    rows = []
    for m in SM.SITE_MARKERS.values():
        figures = "<br>".join(f"{f.words()} [{_cites(f.sources)}]" for f in m.figures)
        caveats = "<br>".join(t for t, _k in m.caveats)
        rows.append(f"| **{_cell(m.name)}** | {_cell(m.meaning)} | {_cell(figures)} | {_cell(caveats)} |")
    head = "| Marker | A positive result | Each study's figure (material) [source] | Take care |\n|---|---|---|---|"
    return _markdown(head + "\n" + "\n".join(rows) + "\n\n**Read across, never add up.** Each figure belongs to its "
                     "own study (different tumours, antibodies and cut-offs). " + SM.NOT_SITE_SPECIFIC
                     + " PAX6, which some panels name beside PAX8, has no figure in the course's sources.")


def gca_table():
    """The goblet cell adenocarcinoma grades and the facts that make it a trap (Markdown)."""
    lines = ["| Grade | Share of low-grade (tubular or clustered) pattern |", "|---|---|"]
    lines += [f"| {b.grade} | {b.words()} |" for b in data.GCA_BANDS]
    lines += ["", *(f"* {f.words} ({_cites(f.sources)})" for f in data.GCA_FACTS)]
    return _markdown("\n".join(lines))


def small_biopsy_notes():
    """The 64-pair biopsy series and crush artefact (Markdown bullets with sources)."""
    s = data.SMALL_BIOPSY
    lines = [f"* {s.pairs} biopsy-resection pairs of lung carcinoids: {s.discordant} "
             f"({round(100 * s.discordant / s.pairs)} %) disagreed, always an atypical carcinoid called typical on the "
             f"biopsy. Below {s.area_mm2:g} mm² of tumour, {s.small_missed[0]} of {s.small_missed[1]} atypical "
             f"carcinoids were missed; at {s.area_mm2:g} mm² or more, {s.large_missed[0]} of {s.large_missed[1]}. "
             f"{s.ki67_note} ({_cites(s.sources)})",
             f"* {s.proposal} ({_cites(s.sources)})",
             f"* {data.CRUSH.words} ({_cites(data.CRUSH.sources)})"]
    return _markdown("\n".join(lines))


def heterogeneity_notes():
    """Grade heterogeneity and progression, as the series state them (Markdown bullets with sources)."""
    return _markdown("\n".join(f"* {f.words} ({_cites(f.sources)})"
                               for f in (*data.GRADE_HETEROGENEITY, *data.GRADE_PROGRESSION)))


def dipnech_notes():
    """DIPNECH as the sources describe it (Markdown bullets with sources)."""
    return _markdown("\n".join(f"* {f.words} ({_cites(f.sources)})" for f in data.DIPNECH))
