"""Notebook 10 (imaging and biomarkers): the tables and lists (Markdown; words, no keys).

Every number and word is read from the catalogues (:mod:`netlib.data`) and the decisions in
:mod:`netlib.biomarkers`. Teaching material, not a clinical decision tool.
"""
from __future__ import annotations

from netlib.biomarkers import _upper, reading_accepts
from netlib.data import biomarkers as bio
from netlib.data import imaging
from netlib.data.references import citations_text as _cites
from netlib.results import markdown_table as _table

__all__ = ["krenning_rows", "krenning_table", "sstr_table", "netpet_table", "fast_criteria_table", "gastrin_criteria",
           "cga_notes", "hiaa_notes", "eus_notes"]

_HERE = {"below": "below it", "equal": "equal to it"}


def _markdown(text: str):
    from IPython.display import Markdown

    return Markdown(text)




def krenning_rows() -> list[tuple[int, str, str]]:
    """The scale as (score, liver comparison, words), with score 2 split by its liver comparison (below, equal):
    the rows the table and the figure show."""
    rows = []
    for k in imaging.KRENNING:
        comps = [c for c, scores in imaging.LIVER_SCORES.items() if k.score in scores]
        if len(comps) == 1:
            rows.append((k.score, comps[0], k.uptake))
        else:
            rows += [(k.score, c, f"{k.uptake}, here {_HERE[c]}") for c in comps]
    return rows


def krenning_table():
    """The Krenning scale with what each reading of the PRRT uptake requirement says at each score, score 2 split
    into uptake below and equal to the liver (Markdown)."""
    names = list(imaging.PRRT_UPTAKE_READINGS)
    rows = []
    for score, comp, words in krenning_rows():
        cells = ["accepted" if reading_accepts(n, score, comp) else "not accepted" for n in names]
        verdict = imaging.prrt_uptake_verdict(score, comp)
        rows.append((score, words, *cells, {True: "agree: qualifies", False: "agree: does not qualify",
                                            None: "**disagree**"}[verdict]))
    text = _table(("Score", "Uptake of the lesion", *(f"Reading: uptake {n}" for n in names), "The readings"), rows)
    return _markdown(text + "\n\n" + imaging.KRENNING_2_READINGS + " Sources: "
                     + _cites(imaging.KRENNING_SOURCES + ("radiopaedia_krenning",)) + ".")


def sstr_table():
    """SSTR-PET against OctreoScan and the tracers compared, then FDG-PET (Markdown)."""
    rows = [(f.topic, f.text, _cites(f.sources)) for f in imaging.SSTR_IMAGING + imaging.FDG_FACTS]
    return _markdown(_table(("Topic", "What the source found", "Source"), rows))


def netpet_table():
    """The NETPET grades (Markdown)."""
    rows = [(g.grade, g.pattern, {False: "not suitable", None: "not ruled on by the source as a group",
                                  True: "suitable"}[g.prrt_suitable]) for g in imaging.NETPET]
    return _markdown(_table(("NETPET grade", "What the two scans show", "PRRT"), rows)
                     + "\n\nSources: " + _cites(imaging.NETPET_SOURCES) + ".")


def fast_criteria_table():
    """The fast's criteria, guideline and variant side by side, in every unit the sources give (Markdown)."""
    sets = list(bio.FAST_CRITERIA.values())
    keys = list(dict.fromkeys(c.key for s in sets for c in s.criteria))
    words = {"glucose": "Glucose (with symptoms)", "insulin": "Insulin", "c_peptide": "C-peptide",
             "proinsulin": "Proinsulin"}
    rows = []
    for k in keys:
        cells = []
        for s in sets:
            c = s.get(k)
            cells.append(c.cutoff() if c else "not given")
        rows.append((words[k], *cells))
    for c in bio.INSULIN_MEDIATED:
        rows.append((_upper(c.words) + " (supports insulin mediation; not one of the four)", c.cutoff(), "not given"))
    text = _table(("Measurement", *(s.name for s in sets)), rows)
    text += ("\n\n" + " ".join(f"**{s.name}:** {s.note} ({_cites(s.sources)})" for s in sets)
             + f" The guideline also asks for {' and '.join(bio.FAST_SCREENS)}. Older radioimmunoassays used an "
               "insulin cut-off of 6 µU/mL: the insulin cut-off depends on the assay.")
    return _markdown(text)


def gastrin_criteria():
    """The gastrin/acid criteria and the provocative tests (Markdown list with sources)."""
    c, bao = bio.ZES_CALCIUM, bio.ZES_BAO
    lines = [f"* **Fasting gastrin first** (sensitivity {bio.ZES_FSG_SENSITIVITY} %); a repeatedly normal value "
             "essentially excludes the syndrome.",
             f"* **More than {bio.ZES_GASTRIN_TIMES_ULN} times the upper limit** (usually above "
             f"{bio.ZES_GASTRIN_USUAL_PG_ML:,} pg/mL) **with gastric pH at or below {bio.ZES_MAX_PH}** establishes it; "
             f"only about {bio.ZES_MEETS_BOTH_SHARE} % of patients meet both.",
             f"* Otherwise a **secretin test**: a gastrin rise of at least {bio.ZES_SECRETIN_RISE_PG_ML} pg/mL (NIH "
             f"criterion, {bio.ZES_SECRETIN_PERFORMANCE[0]} % sensitive, {bio.ZES_SECRETIN_PERFORMANCE[1]} % "
             f"specific), or **basal acid output** above {bao['mEq_per_h']} mEq/h (above "
             f"{bao['after_surgery_mEq_per_h']} after acid-reducing surgery).",
             f"* The **calcium test** (rise of at least {c['rise_pg_ml']} pg/mL) is less sensitive "
             f"({c['sensitivity_percent']} %) but positive in {c['secretin_negative_positive']} of secretin-negative "
             "patients.",
             f"* **PPIs** raise gastrin and pH: about {bio.ZES_PPI_RANGE_SHARE} % of patients with the syndrome have "
             f"a gastrin in the range PPIs produce. Test off the PPI ({bio.ZES_PPI_OFF[0]}) only if stopping it is "
             "safe. **Atrophic gastritis** raises gastrin with a high pH."]
    return _markdown("\n".join(lines) + "\n\nSources: " + _cites(bio.ZES_SOURCES + bio.ZES_PPI_OFF[1]) + ".")


def cga_notes():
    """What falsely raises chromogranin A, the PPI evidence and AJCC Version 9's advice (Markdown)."""
    lines = ["**Falsely raised by:** " + "; ".join(bio.CGA_CONFOUNDERS.values()) + f" ({_cites(('cga_confounders',))}).",
             ""]
    lines += [f"* {t} ({_cites(k)})" for t, k in bio.CGA_PPI_EVIDENCE]
    lines += [f"* **{bio.CGA_AJCC9[0]}** ({_cites(bio.CGA_AJCC9[1])})"]
    return _markdown("\n".join(lines))


def hiaa_notes():
    """The 5-HIAA collection: foods, drugs, how long, and the case (Markdown)."""
    lo, hi = bio.HIAA_DIET_RANGE_HOURS
    lines = [f"* **Foods** to avoid before and during the collection ({bio.HIAA_DIET_HOURS} hours before in most "
             f"sheets; {lo}-{hi} hours across sources): " + ", ".join(bio.HIAA_FOODS) + ".",
             "* **Drugs** listed by laboratory sheets (the lists vary by laboratory; there is no agreed list): "
             + ", ".join(bio.HIAA_DRUGS) + ".",
             f"* {bio.HIAA_CASE[0]} ({_cites(bio.HIAA_CASE[1])})"]
    return _markdown("\n".join(lines) + "\n\nSources: " + _cites(bio.HIAA_SOURCES) + ".")


def eus_notes():
    """Why a needle sample under-grades (Markdown)."""
    return _markdown("\n".join(f"* **{f.topic}.** {f.text} ({_cites(f.sources)})" for f in imaging.EUS_GRADING))
