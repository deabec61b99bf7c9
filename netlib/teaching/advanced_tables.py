"""Notebook 12 (advanced disease and complications): the tables and lists (Markdown; words, no keys).

Every number and word is read from the catalogues (:mod:`netlib.data`) and the decisions in
:mod:`netlib.advanced`. Teaching material, not a clinical decision tool.
"""
from __future__ import annotations

from collections.abc import Sequence

from netlib import checks
from netlib.advanced import _pct
from netlib.data import advanced as data
from netlib.data.references import citations_text as _cites
from netlib.results import markdown_table as _table

__all__ = ["liver_table", "debulking_notes", "milan_table", "transplant_notes", "stage_iv_notes", "later_lines_table",
           "nec_second_line_table", "thoracic_trials_table", "chd_table", "crisis_notes", "complication_table",
           "follow_up_table"]


def _markdown(text: str):
    from IPython.display import Markdown

    return Markdown(text)





def _bullets(items) -> str:
    return "\n".join(f"* {text} ({_cites(keys)})" for text, keys in items)


def liver_table():
    """The liver-directed options (Markdown): how, efficacy, toxicity, place, source."""
    rows = [(o.name, o.how, o.efficacy, o.toxicity, o.place, _cites(o.sources)) for o in data.LIVER_OPTIONS.values()]
    return _markdown(_table(("Option", "How", "Efficacy", "Toxicity", "Place", "Source"), rows)
                     + f"\n\nThe transarterial therapies work best when less than "
                       f"{_pct(data.LIVER_INVOLVEMENT_BEST_BELOW)} of the liver is involved. Efficacy is comparable "
                       "and no prospective trial compares them: toxicity, grade and tumour burden decide.")


def debulking_notes():
    """The two debulking conventions and why the liver matters (Markdown)."""
    lines = [f"* **{c.name}**: extrahepatic disease {'allowed' if c.extrahepatic_allowed else 'excluded'}, positive "
             f"margins {'allowed' if c.positive_margins_allowed else 'not allowed'}; {c.series} ({_cites(c.sources)})"
             for c in data.DEBULKING.values()]
    text, keys = data.SI_NET_DEATHS
    lines.append(f"* Why the liver matters: {text} ({_cites(keys)})")
    return _markdown("\n".join(lines) + "\n\nBoth are conventions of surgical series, not guideline cut-offs.")


def milan_table():
    """The Milan criteria in the 2007 and the later wording (Markdown)."""
    rows = [(c.name.capitalize(), c.wording_2007, c.later) for c in data.MILAN_CRITERIA]
    return _markdown(_table(("Criterion", "Milan 2007", "Milan group, later wording"), rows)
                     + "\n\nSources: " + _cites(data.MILAN_SOURCES) + ". Every criterion must hold.")


def transplant_notes():
    """Transplant outcomes with their sources (Markdown bullets)."""
    return _markdown(_bullets(data.TRANSPLANT_OUTCOMES))


def stage_iv_notes():
    """The stage IV small-intestinal NET: what the surgery faces and the Uppsala cohort (Markdown bullets)."""
    return _markdown(_bullets(data.STAGE_IV_SI_NET))


def later_lines_table():
    """Later lines: what the sources say and whether they agree (Markdown)."""
    rows = [(s.topic, s.says, data.STATUS_WORDS[s.status], _cites(s.sources)) for s in data.LATER_LINES]
    return _markdown(_table(("Question", "What the sources say", "Standing", "Source"), rows))


def nec_second_line_table():
    """Second-line chemotherapy for NEC after platinum-etoposide (Markdown)."""
    rows = [(what, result, _cites(keys)) for what, result, keys in data.NEC_SECOND_LINE]
    return _markdown(_table(("Regimen (study)", "Result", "Source"), rows)
                     + "\n\nNo randomised trial: phase 2 and retrospective evidence only.")


def thoracic_trials_table():
    """The lung and thymic carcinoid trials, read from :data:`netlib.data.trials.TRIALS` (Markdown)."""
    from netlib.data.trials import TRIALS

    rows = []
    for key in ("radiant4_lung", "luna"):
        t = TRIALS[key]
        if t.median_experimental is not None:
            result = (f"median {t.endpoint} {t.median_experimental:g} vs {t.median_control:g} months"
                      + (f", hazard ratio {t.hazard_ratio:g}" if t.hazard_ratio is not None else ""))
        else:
            result = t.note
        rows.append((t.name, f"{t.population} (n = {t.n})", t.experimental, result, _cites(t.sources)))
    return _markdown(_table(("Study", "Population", "Treatment", "Result", "Source"), rows))


def chd_table():
    """The two NT-proBNP cohorts and what the rest of the sources say about carcinoid heart disease (Markdown)."""
    rows = [(c.label, f"{c.n} {c.population}", f"{c.with_chd} ({c.prevalence:.1f} %)", _pct(c.sensitivity),
             _pct(c.specificity), _cites(c.sources)) for c in data.CHD_COHORTS.values()]
    text = _table(("Cohort", "Patients", "With heart disease", f"Sensitivity at {data.NT_PROBNP_CUTOFF_PG_ML:g} pg/mL",
                   "Specificity", "Source"), rows)
    return _markdown(text + "\n\n" + _bullets(data.CHD_FACTS))


def crisis_notes():
    """What the series say about carcinoid crisis (Markdown bullets)."""
    return _markdown(_bullets((text[:1].upper() + text[1:] + ".", keys) for text, keys in data.CRISIS.values()))


def complication_table(keys: Sequence[str] = ("eas", "pthrp", "pellagra")):
    """The hormonal complications (Markdown): what, how common, when to suspect, what to do, source."""
    keys = checks.words("keys", keys, data.COMPLICATIONS, what="a list of complications")
    rows = [(c.name, c.what, c.how_common, c.suspect, c.action, _cites(c.sources))
            for c in (data.COMPLICATIONS[k] for k in dict.fromkeys(keys))]
    return _markdown(_table(("Complication", "What", "How common", "Suspect it", "What to do", "Source"), rows))


def follow_up_table():
    """Follow-up after complete resection, by source (Markdown)."""
    rows = [(i.source_name, i.says, _cites(i.sources)) for i in data.FOLLOW_UP.values()]
    return _markdown(_table(("Source", "Says", "Reference"), rows)
                     + "\n\nThe course teaches these two sources; its sources do not state ENETS follow-up "
                       "intervals.")
