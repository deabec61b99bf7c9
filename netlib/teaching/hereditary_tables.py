"""Notebook 09 (hereditary syndromes): the tables and lists (Markdown; words, no keys).

Every number and word is read from the catalogues (:mod:`netlib.data`) and the decisions in
:mod:`netlib.hereditary`. Teaching material, not a clinical decision tool.
"""
from __future__ import annotations

from collections.abc import Sequence

from netlib import checks
from netlib.data import hereditary as data
from netlib.data.references import citations_text as _cites
from netlib.results import markdown_table as _table

__all__ = ["syndrome_table", "indication_list", "management_notes", "driver_table", "stain_table"]


def _markdown(text: str):
    from IPython.display import Markdown

    return Markdown(text)





def syndrome_table(keys: Sequence[str] | None = None):
    """The catalogue as a Markdown table: gene, inheritance, frequency, penetrance and the tumours with their
    frequencies as the sources state them (``keys``: syndromes to show, default all)."""
    keys = list(data.SYNDROMES) if keys is None else checks.words("keys", keys, data.SYNDROMES,
                                                                   what="a list of syndrome keys")
    rows = []
    for s in (data.get(k) for k in dict.fromkeys(keys)):
        tumours = "; ".join(f"{m.tumour} ({m.frequency or 'no frequency given'})" for m in s.manifestations)
        parts = [f"{label}: {value}" for label, value in (
            ("gene", s.gene), ("inheritance", s.inheritance), ("how common", s.frequency),
            ("penetrance", s.penetrance_words() if s.penetrance else data.NOT_STATED)) if value != data.NOT_STATED]
        rows.append((f"**{s.short}** ({s.name})", "; ".join(parts) + ("; the rest: see the note" if len(parts) < 4
                                                                       else "") if parts else "see the note",
                     tumours))
    return _markdown(_table(("Syndrome", "Genetics", "Neuroendocrine and endocrine tumours (as the sources state "
                                                    "them)"), rows)
                     + "\n\n**Note.** Where a row gives no gene, inheritance, frequency or penetrance, the sources "
                       "read for this course do not state it: look it up in the references below. Nothing is filled "
                       "in.")


_LIST_WORDS = {"suspected_men1": "suspected MEN1 (the course's reading, below)"}


def indication_list():
    """The verified indications for genetic risk evaluation, the MEN1 clinical criteria and the red flags, as a
    Markdown list with sources."""
    lines = ["**Verified indications** (NCCN, as summarised in 2022):", ""]
    for i in data.TESTING_INDICATIONS.values():
        lines.append(f"* {'genetic risk evaluation recommended' if i.strength == 'recommended' else 'consider genetic risk evaluation'}"
                     f" for {_LIST_WORDS.get(i.key, i.words)}")
    lines += ["", f"**MEN1 clinical criteria:** at least {data.MEN1_MIN_MAIN_TUMOURS} of the three main tumours "
              f"({', '.join(data.MEN1_MAIN_TUMOURS)}; a gastrinoma counts as a duodenopancreatic NET), or at least "
              f"{data.MEN1_MIN_WITH_RELATIVE} of them in a relative of a known case "
              f"({_cites(data.MEN1_CRITERIA_SOURCES)}; the sources read for this course say 'a relative' without "
              "naming the degree).", "",
              "**Suspected MEN1, the course's reading:** the criteria above, or a gastric NET other than type 1, a "
              "thymic or a bronchial NET (tumours MEN1 causes) together with another main MEN1 tumour or a relative "
              "with MEN1. About 25 % of thymic neuroendocrine neoplasms are MEN1-associated ("
              + _cites(data.THYMIC_MEN1_SHARE[1]) + ").", "",
              "**Red flags** for an inherited syndrome (" + _cites(data.RED_FLAG_SOURCES) + "): "
              + "; ".join(data.RED_FLAGS.values()) + ". The course reads them for " + data.RED_FLAG_CONTEXT_WORDS
              + "; a type 1 gastric NET is multifocal because of atrophic gastritis, not heredity. Where red flags "
              "meet no item of the list, discuss the case with clinical genetics: the list encoded here is "
              "incomplete.", "",
              "Sources: " + _cites(k for i in data.TESTING_INDICATIONS.values() for k in i.sources) + "."]
    return _markdown("\n".join(lines))


def management_notes(keys: Sequence[str] = ("men1", "vhl")):
    """How the syndromes change management, as the sources state it (Markdown bullets with sources)."""
    keys = checks.words("keys", keys, data.SYNDROMES, what="a list of syndrome keys")
    lines = []
    for s in (data.get(k) for k in dict.fromkeys(keys)):
        for note in s.management:
            lines.append(f"* **{s.short}.** {note}")
        for note in s.testing:
            lines.append(f"* **{s.short}, diagnosis.** {note}")
    if not lines:
        lines.append("* The course's sources state no change of management for these syndromes.")
    cited = [k for key in dict.fromkeys(keys) for k in data.get(key).sources]
    return _markdown("\n".join(lines) + "\n\nSources: " + _cites(cited) + ".")


def driver_table():
    """Somatic drivers of NETs and NECs, and ALT/DAXX/ATRX as prognostic markers (Markdown)."""
    rows = [(d.gene, d.found_in, d.frequency or "not given", d.meaning, _cites(d.sources))
            for d in data.SOMATIC_DRIVERS.values()]
    text = _table(("Gene(s)", "Found in", "How often", "What it means", "Source"), rows)
    text += "\n\n**ALT and DAXX/ATRX loss are prognostic, not grading criteria:**\n\n" + "\n".join(
        f"* {t} ({_cites(k)})" for t, k in data.ALT_PROGNOSIS)
    return _markdown(text)


_GROUP_WORDS = {"SCNEC": "small cell NEC (SCNEC)", "LCNEC": "large cell NEC (LCNEC)"}


def stain_table():
    """The p53/Rb patterns of the 465-tumour series, and the pancreatic markers (Markdown)."""
    groups = list(dict.fromkeys(g for p in data.P53_RB_PATTERNS.values() for g, _v in p.percent))
    rows = [(p.words, *(f"{dict(p.percent)[g]:g} %" if g in dict(p.percent) else "not reported" for g in groups))
            for p in data.P53_RB_PATTERNS.values()]
    text = _table(("Pattern", *(_GROUP_WORDS.get(g, g) for g in groups)), rows)
    summary, keys = data.P53_RB_SERIES
    text += (f"\n\nShare of each group with the pattern: {summary} ({_cites(keys)}). *Not reported*: the abstract "
             "gives no figure for that group (not zero).\n\n") + "\n".join(
        f"* {t} ({_cites(k)})" for t, k in data.PANCREAS_G3_MARKERS)
    return _markdown(text)
