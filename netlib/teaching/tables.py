"""Tables and sentences in words for the notebooks, built from netlib's results.

Each function reads netlib's data or results (a grade, a stage, a recommendation, a catalogue) and returns Markdown
(an ``IPython.display.Markdown`` object, shown as a table or a list) or a plain sentence, so that a notebook cell is
a list of cases and one call. Everything is said in a trainee's words: sites, depths, categories, features and flags
by their words or the sentences that say what they mean; no key or code is shown. The plumbing (loops, joins,
look-ups of labels) lives here. IPython is imported only when a Markdown object is built.

The questions built on these sentences (model answers, keys) are in :mod:`netlib.teaching.questions`.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from netlib import checks
from netlib.errors import InvalidTypeError, InvalidValueError
from netlib.findings import FIELD_LABELS, VOCABULARY, Findings
from netlib.results import markdown_table, table_cell

if TYPE_CHECKING:
    from IPython.display import Markdown

    from netlib.data.treatment_rules import Rule
    from netlib.treatment import Recommendation

__all__ = [
    # grading and counting
    "grade_report_line", "grades_side_by_side", "grade_examples", "grade_by_edition", "hotspot_summary",
    "ki67_grade_chances", "mitotic_band_errors", "ki67_report_comment",
    # thoracic and staging
    "vocabulary_words", "site_words", "findings_words", "thoracic_grade_table", "thoracic_report_line",
    "stage_table", "t1_nx_by_edition",
    # syndromes and treatment
    "syndrome_table", "syndrome_matches", "syndrome_pitfalls", "syndrome_change_line", "rule_title",
    "management_table", "management_line", "change_line", "rule_summary", "near_misses", "branch_table",
    "trial_table",
    # the source summary and markers
    "source_summary_claims", "verdict_scale", "claim_with_verdict", "stains_words", "marker_panels",
    "panel_report_line",
]


# --- argument checks (also used by netlib.teaching.questions) ------------------------------------------------------
# Each returns the checked value or raises netlib's InvalidValueError/InvalidTypeError naming the argument.

_MARKERS = {"synaptophysin": "synaptophysin", "chromogranin_a": "chromogranin A", "insm1": "INSM1",
            "keratin": "keratin", "neurofilament": "neurofilament"}
_STAIN_RESULTS = ("positive", "negative")


def _findings(name: str, value: object) -> Findings:
    """``value`` if it is a :class:`netlib.Findings`."""
    return checks.instance(name, value, Findings, "a netlib.Findings")


def _findings_list(name: str, value: object) -> list[Findings]:
    """``value`` as a list if it is a sequence of :class:`netlib.Findings`."""
    out = checks.sequence(name, value, what="a list of netlib.Findings")
    for f in out:
        checks.instance(name, f, Findings, "a list of netlib.Findings")
    return out


def _labelled_findings(name: str, value: object) -> Mapping[str, Findings]:
    """``value`` if it is a mapping of case labels (strings) to :class:`netlib.Findings`."""
    checks.instance(name, value, Mapping, "a mapping of case label to netlib.Findings")
    for label, f in value.items():
        checks.text(name, label, "case labels as strings")
        checks.instance(name, f, Findings, "netlib.Findings values")
    return value


def _texts(name: str, value: object, what: str = "a list of strings", *, min_len: int = 0) -> list[str]:
    """``value`` as a list if it is a sequence of strings (at least ``min_len``)."""
    out = checks.sequence(name, value, what=what, min_len=min_len)
    for item in out:
        checks.text(name, item, what)
    return out


def _words(name: str, value: object, allowed: Iterable[str], what: str, *, min_len: int = 0) -> list[str]:
    """``value`` as a list if it is a sequence of at least ``min_len`` words, each one of ``allowed``."""
    return checks.sequence(name, checks.words(name, value, allowed, what=what), min_len=min_len)


def _stains(name: str, value: object) -> Mapping[str, str | None]:
    """``value`` if it maps marker names (the arguments of :func:`netlib.markers.interpret`) to 'positive',
    'negative' or None (not done)."""
    checks.instance(name, value, Mapping, "a mapping of marker name to 'positive', 'negative' or None")
    for marker, result in value.items():
        checks.choice(name, marker, tuple(_MARKERS))
        if result is not None and not (isinstance(result, str) and result in _STAIN_RESULTS):
            raise (InvalidValueError if isinstance(result, str) else InvalidTypeError)(
                name, f"{marker} {result!r} is not allowed; expected 'positive', 'negative' or None")
    return value


# --- shared helpers ------------------------------------------------------------------------------------------------
def _markdown(text: str) -> Markdown:
    from IPython.display import Markdown

    return Markdown(text)


_cell = table_cell
_table = markdown_table  # a Markdown table, then its numbered notes (the meanings of the flags the rows refer to)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _number(value: float) -> str:
    """A value as the case states it: whole numbers as typed, 3.0 as "3.0" (a cut-off value keeps its decimal)."""
    if isinstance(value, float) and value == round(value, 1):
        return f"{value:.1f}"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _percent(p: float) -> str:
    """A probability (0 to 1) as a percentage."""
    return "< 0.1 %" if p < 0.0005 else f"{100 * p:.1f} %"


def _mitoses(value: float) -> str:
    """A mitotic count per 2 mm² in words."""
    return f"{value:g} {'mitosis' if value == 1 else 'mitoses'} per 2 mm²"


def _necrosis(value: str) -> str:
    return "no necrosis" if value == "absent" else f"{value} necrosis"


def _note_refs(result: Any, notes: list[str]) -> str:
    """Note numbers for the flags of ``result`` (adding their meanings, in words, to ``notes``), or a dash."""
    refs = []
    for text in result.flag_sentences():
        if text not in notes:
            notes.append(text)
        refs.append(f"({notes.index(text) + 1})")
    return ", ".join(dict.fromkeys(refs)) or "-"


_DIFFERENTIATION = {"well": "well differentiated", "poor": "poorly differentiated"}


# --- grading and counting ------------------------------------------------------------------------------------------
# Criteria by their titles, flags by the sentences that say what they mean (numbered notes under a table), counts
# and chances in percent; report lines and model comments built from netlib.grade and netlib.counting.

def grade_report_line(findings: Findings) -> str:
    """The grade line of a pathology report for a digestive NEN, in one sentence, built from :func:`netlib.grade`:
    differentiation, site, grade and criteria, then each reported parameter with the grade band it falls in, and
    which one set the grade when they disagree."""
    from netlib.data.criteria import get_table
    from netlib.grading import grade

    _findings("findings", findings)
    g = grade(findings)
    table = get_table(g.criteria)
    what = {"well": "Well-differentiated neuroendocrine tumour",
            "poor": "Poorly differentiated neuroendocrine carcinoma"}.get(findings.differentiation or "",
                                                                           "Neuroendocrine neoplasm")
    if findings.site == "unknown_primary":
        where = " of unknown primary site"
    else:
        where = f" of the {site_words(findings.site)}" if findings.site else ""
    shown, bands = [], {}
    for name, value, parameter in (("Ki-67", findings.ki67_percent, "ki67"),
                                   ("the mitotic count", findings.mitoses_per_2mm2, "mitoses")):
        if value is None:
            continue
        text = f"Ki-67 {value:g} %" if parameter == "ki67" else _mitoses(value)
        i = table.band_index(parameter, value)
        if i is not None:
            bands[name] = i
            text += f" ({table.bands[i].label} range)"
        shown.append(text)
    line = f"{what}{where}, {g.title} ({table.title} criteria)"
    if shown:
        line += ": " + " and ".join(shown)
    if len(bands) == 2 and len(set(bands.values())) == 2:
        decider = max(bands, key=bands.get)
        line += f"; the higher grade is reported, so {decider} sets the grade"
    return line + "."


def grades_side_by_side(cases: Mapping[str, Findings]) -> Markdown:
    """Named cases and their grade, one row each (a Markdown table): differentiation, Ki-67 (%), mitoses per
    2 mm², grade."""
    from netlib.grading import grade

    _labelled_findings("cases", cases)
    rows = []
    for name, f in cases.items():
        ki67 = f"{f.ki67_percent:g} %" if f.ki67_percent is not None else "-"
        mit = f"{f.mitoses_per_2mm2:g}" if f.mitoses_per_2mm2 is not None else "-"
        rows.append((name, _DIFFERENTIATION.get(f.differentiation or "", "-"), ki67, mit, grade(f).title))
    return _markdown(_table(("case", "differentiation", "Ki-67", "mitoses per 2 mm²", "grade"), rows))


def _field_value(findings: Findings, name: str) -> str:
    """One field of ``findings`` in words, as a table cell (``not reported`` for None)."""
    value = getattr(findings, name)
    if value is None:
        return "not reported"
    if name in ("ki67_percent", "ne_component_percent"):
        return f"{_number(value)} %"
    if name == "mitoses_per_2mm2":
        return f"{_number(value)} per 2 mm²"
    if name == "site":
        return site_words(value)
    if isinstance(value, str):
        return value.replace("_", " ")
    return _number(value) if isinstance(value, (int, float)) else str(value)


def grade_examples(cases: Sequence[Findings], show: Sequence[str] = ("ki67_percent", "mitoses_per_2mm2"),
                   criteria: str | None = None) -> Markdown:
    """The grade of each case in ``cases`` (a sequence of :class:`netlib.Findings`) as a Markdown table.

    ``show`` names the :class:`~netlib.Findings` fields to print as columns (headed by their names in words,
    from :data:`netlib.findings.FIELD_LABELS`); then the grade and numbered notes, each note being the meaning of
    a flag the grade raised (the sentences of its card). ``criteria``: a criteria key, as for
    :func:`netlib.grade`.
    """
    from netlib.data.criteria import get_table
    from netlib.grading import grade

    cases = _findings_list("cases", cases)
    show = _words("show", show, FIELD_LABELS, "a list of Findings field names", min_len=1)
    if criteria is not None:
        get_table(criteria)
    header = [_capital(FIELD_LABELS[n]) for n in show] + ["Grade", "Take care"]
    rows, notes = [], []
    for f in cases:
        g = grade(f, criteria)
        rows.append([_field_value(f, n) for n in show] + [g.title, _note_refs(g, notes)])
    return _markdown(_table(header, rows, notes))


def grade_by_edition(findings: Findings,
                     editions: Sequence[Any] = ("who2010_digestive", "who2022_digestive")) -> Markdown:
    """One case graded under several editions of the criteria (keys of :data:`netlib.data.criteria.TABLES`, or the
    tables themselves), as a Markdown table: the edition by its title, the grade, and numbered notes with the
    flags' meanings."""
    from netlib.data.criteria import TABLES, GradingTable
    from netlib.grading import grade

    _findings("findings", findings)
    editions = checks.sequence("editions", editions, what="a list of criteria keys or tables", min_len=1)
    chosen = [e if isinstance(e, GradingTable) else TABLES[checks.choice("editions", e, tuple(TABLES))]
              for e in editions]
    system = "thoracic" if findings.is_thoracic else "digestive"
    for t in chosen:
        if t.system != system:
            raise InvalidValueError("editions", f"{t.key!r} is a {t.system} table; site={findings.site!r} is graded "
                                    f"with a {system} table")
    rows, notes = [], []
    for table in chosen:
        g = grade(findings, table)
        rows.append([table.title, g.title, _note_refs(g, notes)])
    return _markdown(_table(["Criteria", "Grade", "Take care"], rows, notes))


def hotspot_summary(field: Any) -> Markdown:
    """The Ki-67 index (%) in the hot spot and over the whole synthetic field (a
    :class:`netlib.counting.fields.Ki67Field`), with the cells counted, as a Markdown table."""
    from netlib.counting.fields import Ki67Field

    checks.instance("field", field, Ki67Field, "a netlib.counting.fields.Ki67Field (from synthetic_field)")
    rows = []
    for where, squares in ((f"Hot spot (squares {', '.join(field.hotspot_squares)})", field.hotspot_squares),
                           ("Whole field", None)):
        pos, tot = field.counts(squares)
        rows.append([where, str(pos), str(tot), f"{field.index_in(squares):.1f} %"])
    return _markdown(_table(["Where counted", "Positive (brown)", "All tumour cells", "Ki-67 index"], rows))


def ki67_grade_chances(true_index: float, cells: int | Sequence[int] = 500) -> Markdown:
    """How often a count of ``cells`` tumour cells (a number, or several) from a tumour whose true Ki-67 is
    ``true_index`` % reads as each grade (:func:`netlib.counting.ki67.grade_probabilities`), as a Markdown
    table with one column per number of cells."""
    from netlib.counting import ki67

    checks.number("true_index", true_index, 0, 100, unit="%")
    if isinstance(cells, int) and not isinstance(cells, bool):
        cells = [cells]
    counts = checks.sequence("cells", cells, what="a number of cells or a list of numbers", min_len=1)
    for n in counts:
        checks.integer("cells", n, 1, ki67.MAX_CELLS, unit="tumour cells counted")
    probs = [ki67.grade_probabilities(true_index, n) for n in counts]
    header = [f"True Ki-67 {_number(true_index)} %: grade the count gives"] + [f"counting {n} cells" for n in counts]
    rows = [[label] + [_percent(p[label]) for p in probs] for label in probs[0]]
    return _markdown(_table(header, rows))


def mitotic_band_errors(true_rate: float, areas: Sequence[float] = (2, 10)) -> Markdown:
    """How often a mitotic count over each area (mm²) lands in the wrong band for a tumour whose true rate is
    ``true_rate`` per 2 mm² (:func:`netlib.counting.mitoses.crossing_probability`), as a Markdown table."""
    from netlib.counting import mitoses

    checks.number("true_rate", true_rate, 0, 1000, unit="mitoses per 2 mm²")
    areas = checks.sequence("areas", areas, what="a list of areas in mm²", min_len=1)
    for area in areas:
        checks.number("areas", area, 0, 100, low_open=True, unit="mm² counted")
    rows = []
    for area in areas:
        how = f"{area:g} mm²" + (f" (then divided by {area / 2:g})" if area != 2 else "")
        rows.append([how, _percent(mitoses.crossing_probability(true_rate, area))])
    return _markdown(_table(
        [f"True rate {_number(true_rate)} per 2 mm²: area counted", "Count lands in the wrong band"], rows))


def ki67_report_comment(positive: int, total: int) -> str:
    """A model comment on a reported Ki-67 count: the index (%) with its 95 % interval
    (:func:`netlib.counting.ki67.count`), what its warnings mean, and how often a count of this size from the same
    true index would give another grade (:func:`netlib.counting.ki67.grade_probabilities`, WHO 2019/2022
    digestive cut-offs)."""
    from netlib.counting import ki67
    from netlib.data.criteria import WHO_2022_DIGESTIVE as table

    c = ki67.count(positive, total)
    label = table.bands[table.band_index("ki67", c.index_percent)].label
    text = (f"Ki-67 {c.index_percent:.1f} % ({positive} of {total} tumour cells; {100 * c.level:.0f} % confidence "
            f"interval {c.ci_low:.1f}-{c.ci_high:.1f} %).")
    worries = []
    if "fewer_than_500_cells" in c.flags:
        worries.append(f"fewer than {ki67.RECOMMENDED_MIN_CELLS} cells were counted")
    cuts = [f"{x:g} %" for x in table.cutoffs("ki67") if c.ci_low <= x <= c.ci_high]
    if cuts:
        worries.append(f"the interval spans the {' and '.join(cuts)} cut-off{'s' if len(cuts) > 1 else ''}")
    if not worries:
        return text + f" The count supports {label}."
    other = 1 - ki67.grade_probabilities(c.index_percent, total)[label]
    return (text + f" {_capital(' and '.join(worries))}, so the grade {label} is fragile: if the true index were "
            f"{c.index_percent:.1f} %, counting {total} cells would give another grade about {100 * other:.0f} % "
            "of the time. A larger count, for example on the resection specimen, should settle it.")


# --- thoracic and staging ------------------------------------------------------------------------------------------
# Worked examples as tables in words (sites, depths, invaded structures, node stations, flag sentences) and report
# lines built from netlib.grade and netlib.stage.

_METASTASIS = {"none": "no distant metastases", "liver_only": "liver metastases only",
               "extrahepatic_only": "extrahepatic metastases only",
               "liver_and_extrahepatic": "liver and extrahepatic metastases"}
#: Proper names and abbreviations in vocabulary words that underscores-to-spaces would leave in lower case.
_PROPER = {"oddi": "Oddi", "sma": "superior mesenteric artery"}
#: The boundary sentence covers every criteria table at once; a row of a lung table needs only its point.
_SHORT_GRADE_FLAGS = {"boundary_value": "Exactly on a cut-off: each cut-off belongs to one band only."}
#: Every word of the Findings vocabulary (what :func:`vocabulary_words` puts in words).
_VOCABULARY_WORDS = tuple(dict.fromkeys(w for words in VOCABULARY.values() for w in words))


def vocabulary_words(word: str) -> str:
    """A vocabulary word of :class:`~netlib.findings.Findings` (a morphology, a depth, an invaded structure, a node
    station) in words: ``muscularis_propria`` -> ``muscularis propria``, ``confined_to_sphincter_of_oddi`` ->
    ``confined to sphincter of Oddi``, ``sma`` -> ``superior mesenteric artery``; thoracic words take their meaning
    from :data:`netlib.findings.INVASION_MEANINGS` and :data:`netlib.findings.THORACIC_WORD_MEANINGS`."""
    from netlib.findings import INVASION_MEANINGS, THORACIC_WORD_MEANINGS

    checks.choice("word", word, _VOCABULARY_WORDS)
    if word in INVASION_MEANINGS:
        return INVASION_MEANINGS[word].removeprefix("the ")
    if word in THORACIC_WORD_MEANINGS:
        return THORACIC_WORD_MEANINGS[word][1]
    return " ".join(_PROPER.get(w, w) for w in word.split("_"))


def site_words(site: str) -> str:
    """A site key in words, from the title of its staging table (``jejunum_ileum`` -> ``jejunum and ileum``,
    ``ampulla`` -> ``ampulla of Vater``, ``thymus`` -> ``thymus``, ``unknown_primary`` -> ``unknown primary``)."""
    from netlib.data.staging_tables import T_TABLES, THORACIC_TABLES

    checks.choice("site", site, VOCABULARY["site"])
    tables = {**T_TABLES, **THORACIC_TABLES}
    if site in tables:
        title = tables[site].title.split(" (")[0]
        return title[:1].lower() + title[1:]
    return site.replace("_", " ")


def findings_words(findings: Findings, fields: Sequence[str] | None = None) -> str:
    """The reported findings in words, e.g. ``1.5 cm; muscularis propria; 0 positive nodes``.

    ``fields`` names the :class:`~netlib.findings.Findings` fields to describe, in that order (default: every
    reported field except the site); fields not reported are left out.
    """
    from dataclasses import fields as dc_fields

    _findings("findings", findings)
    names = ([f.name for f in dc_fields(findings) if f.name != "site"] if fields is None
             else _words("fields", fields, FIELD_LABELS, "a list of Findings field names"))
    out = []
    for name in names:
        value = getattr(findings, name)
        if value is None or value == ():
            continue
        if name == "size_cm":
            out.append(f"{value:g} cm")
        elif name == "depth":
            out.append(vocabulary_words(value))
        elif name == "invasion":
            out.append("invades " + ", ".join(vocabulary_words(v) for v in value))
        elif name == "regional_nodes_positive":
            out.append(f"{value} positive node{'' if value == 1 else 's'}")
        elif name == "metastasis":
            out.append(_METASTASIS.get(value, vocabulary_words(value)))
        elif name == "mesenteric_mass_cm":
            out.append(f"mesenteric mass {value:g} cm")
        elif name == "mesoappendix_invasion_mm":
            out.append(f"mesoappendix invaded {value:g} mm deep")
        elif name == "ki67_percent":
            out.append(f"Ki-67 {value:g} %")
        elif name == "mitoses_per_2mm2":
            out.append(_mitoses(value))
        elif name == "differentiation":
            out.append(_DIFFERENTIATION[value])
        elif name == "morphology":
            out.append(vocabulary_words(value) + " morphology")
        elif name == "necrosis":
            out.append(_necrosis(value))
        elif name == "ne_component_percent":
            out.append(f"neuroendocrine component {value:g} %")
        elif name == "clinical_nodes":
            out.append(f"nodes {value} on imaging")
        elif isinstance(value, str):
            out.append(f"{FIELD_LABELS.get(name, name)}: {vocabulary_words(value)}")
        else:
            out.append(f"{FIELD_LABELS.get(name, name)}: {value}")
    return "; ".join(out) or "-"


def _thoracic(name: str, findings: Findings) -> None:
    if not findings.is_thoracic:
        raise InvalidValueError(name, f"expected a lung or thymic case (site 'lung' or 'thymus'), got "
                                f"site={findings.site!r}")


def thoracic_grade_table(cases: Sequence[Findings]) -> Markdown:
    """Lung or thymic cases and their WHO 2021 thoracic classification (:func:`netlib.grade`), one row each (a
    Markdown table): site, morphology, mitoses per 2 mm², necrosis, size (cm), classification, and what to take
    care of (flag sentences of :data:`netlib.grading.FLAGS`)."""
    from netlib.grading import FLAGS, grade

    cases = _findings_list("cases", cases)
    for f in cases:
        _thoracic("cases", f)
    rows = []
    for f in cases:
        g = grade(f)
        notes = [_SHORT_GRADE_FLAGS.get(c) or FLAGS.get(c, c.replace("_", " ") + ".") for c in g.flags]
        rows.append((_capital(site_words(f.site)) if f.site else "-",
                     vocabulary_words(f.morphology) if f.morphology else "-",
                     f"{f.mitoses_per_2mm2:g}" if f.mitoses_per_2mm2 is not None else "-",
                     f.necrosis or "-", f"{f.size_cm:g} cm" if f.size_cm is not None else "-",
                     g.label, " ".join(notes) or "-"))
    return _markdown(_table(("site", "morphology", "mitoses per 2 mm²", "necrosis", "size", "classification",
                             "take care"), rows))


def thoracic_report_line(findings: Findings) -> str:
    """A one-sentence report line for a resected lung or thymic NEN, built from :func:`netlib.grade` and
    :func:`netlib.stage`: classification and site, size (cm), mitoses and necrosis, Ki-67 (recorded, not used to
    classify) and, where T can be assessed, the pathological T category with its staging system."""
    from netlib.grading import grade
    from netlib.staging import stage

    _thoracic("findings", _findings("findings", findings))
    g = grade(findings)
    parts = [f"{findings.size_cm:g} cm"] if findings.size_cm is not None else []
    if findings.mitoses_per_2mm2 is not None:
        parts.append(_mitoses(findings.mitoses_per_2mm2))
    if findings.necrosis is not None:
        parts.append(_necrosis(findings.necrosis))
    line = f"{_capital(g.label)} of the {site_words(findings.site)}"
    line += f" ({', '.join(parts)})" if parts else ""
    if findings.ki67_percent is not None:
        line += f"; Ki-67 {findings.ki67_percent:g} %, recorded but not used to classify"
    s = stage(findings)
    if s.t and s.t != "TX":
        line += f"; p{s.t} ({s.system})"
    return line + "."


def stage_table(cases: Sequence[Findings], show: Sequence[str] | None = None, edition: str = "AJCC8") -> Markdown:
    """Cases and their stage (:func:`netlib.stage`), one row each (a Markdown table): site, the findings named in
    ``show`` (see :func:`findings_words`), TNM, stage group, and what to take care of (flag sentences; for a
    tumour the NET system does not stage, the reason)."""
    from netlib.staging import EDITIONS, stage

    cases = _findings_list("cases", cases)
    if show is not None:
        show = _words("show", show, FIELD_LABELS, "a list of Findings field names")
    checks.choice("edition", edition, tuple(EDITIONS))
    rows = []
    for f in cases:
        s = stage(f, edition=edition)
        staged = any((s.t, s.n, s.m))
        note = " ".join(s.flag_sentences()) if staged else (s.steps[0] if s.steps else "")
        rows.append((_capital(site_words(f.site)) if f.site else "-", findings_words(f, show),
                     s.tnm if staged else "not staged with the NET system",
                     (s.group or "no stage group") if staged else "-", note or "-"))
    return _markdown(_table(("site", "findings", "TNM", "stage group", "take care"), rows))


def t1_nx_by_edition(sites: Sequence[str], size_cm: float = 0.6) -> Markdown:
    """A well-differentiated T1 NET of ``size_cm`` (cm) removed without nodal sampling (no nodes examined, no node
    status on imaging, M0) at each site, staged with AJCC 8 and with AJCC Version 9 (a Markdown table)."""
    from netlib.data.staging_tables import T_TABLES
    from netlib.staging import stage

    sites = _words("sites", sites, T_TABLES, "a list of digestive sites")
    checks.number("size_cm", size_cm, 0, 100, low_open=True, unit="cm")
    depth = {"pancreas": None, "ampulla": "confined_to_sphincter_of_oddi"}
    rows = []
    for site in sites:
        f = Findings(site=site, differentiation="well", ki67_percent=1, size_cm=size_cm,
                     depth=depth.get(site, "submucosa"), metastasis="none")
        rows.append((_capital(site_words(site)),
                     *(f"{s.tnm}: {'stage ' + s.group if s.group else 'no stage group'}"
                       for s in (stage(f), stage(f, edition="AJCC9")))))
    return _markdown(_table(("site", "AJCC 8", "AJCC Version 9"), rows))


# --- syndromes and treatment ---------------------------------------------------------------------------------------
# The syndrome catalogue and its matches (features in the catalogue's words, netlib.data.syndromes.FEATURE_WORDS),
# management in words (netlib.treatment.CATEGORY_LABELS, rule titles, flag sentences), the rule list grouped for a
# trainee (the full list folded away), the trials table, and model answers built from netlib's results.

def syndrome_table() -> Markdown:
    """The syndrome catalogue (:data:`netlib.data.syndromes.SYNDROMES`): hormone, hallmarks, key test, typical site
    and first control, one row per syndrome."""
    from netlib.data.syndromes import SYNDROMES

    rows = [(s.name, s.hormone, s.hallmarks, s.key_test, s.typical_sites, s.first_control) for s in SYNDROMES.values()]
    return _markdown(_table(("Syndrome", "Hormone", "Hallmarks", "Key test", "Typical site", "First control"), rows))


def syndrome_matches(*feature_sets: Sequence[str]) -> Markdown:
    """For each list of presenting features, the syndromes that fit, best first, with how many of the features
    each explains (:func:`netlib.data.syndromes.match`)."""
    from netlib.data.syndromes import FEATURES, in_words, match

    if not feature_sets:
        raise InvalidValueError("feature_sets", "syndrome_matches() needs at least one list of presenting features, "
                                "e.g. syndrome_matches(['flushing', 'diarrhoea'])")
    for feats in feature_sets:
        _words("feature_sets", feats, FEATURES, "lists of presenting features")
    rows = []
    for feats in feature_sets:
        ranked = match(feats)
        fits = "; ".join(f"{s.name} ({len(hit)} of {len(feats)})" for s, hit in ranked) or "no syndrome fits"
        rows.append((in_words(feats), fits))
    return _markdown(_table(("Presenting features", "Syndromes that fit, best first (features explained)"), rows))


def syndrome_pitfalls(keys: Sequence[str]) -> Markdown:
    """The biochemical pitfalls of the named syndromes, as a list under each syndrome's name."""
    from netlib.data import syndromes

    keys = _words("keys", keys, syndromes.SYNDROMES, "a list of syndrome keys", min_len=1)
    lines = []
    for key in keys:
        s = syndromes.get(key)
        lines += [f"**{s.name}**", ""] + [f"- {p}" for p in s.pitfalls] + [""]
    return _markdown("\n".join(lines))


def syndrome_change_line(before: Sequence[str], after: Sequence[str]) -> str:
    """What happens to the best fit when the presenting features change from ``before`` to ``after``, in words:
    the model answer of a predict-then-change task."""
    from netlib.data.syndromes import FEATURES, in_words, match

    before = _words("before", before, FEATURES, "a list of presenting features")
    after = _words("after", after, FEATURES, "a list of presenting features")

    def best(feats: Sequence[str]) -> tuple[list[str], int]:
        ranked = match(feats)
        n = len(ranked[0][1]) if ranked else 0
        return [s.name for s, hit in ranked if len(hit) == n], n

    (was, _), (now, n) = best(before), best(after)
    removed = in_words(f for f in before if f not in after)
    added = in_words(f for f in after if f not in before)
    change = _capital(" and ".join(x for x in (f"without {removed}" if removed else "",
                                               f"with {added}" if added else "") if x))
    if not now:
        return f"{change}, no syndrome in the catalogue fits."
    if len(now) == 1:
        return f"{change}, {now[0]} fits best ({n} of {len(after)} features); before, {' and '.join(was)} did."
    return (f"{change}, the features no longer point to one syndrome: {', '.join(now[:-1])} and {now[-1]} each "
            f"explain {n} of {len(after)}. Before, {' and '.join(was)} fitted best: "
            f"{removed or 'the change'} told them apart.")


def _rule(key: str) -> Rule:
    from netlib.treatment import RULES

    checks.text("key", key, "a treatment rule key")
    for r in RULES:
        if r.key == key:
            return r
    raise InvalidValueError("key", f"{key!r} is not a treatment rule; expected a key of netlib.treatment.RULES")


def rule_title(key: str) -> str:
    """The title of the treatment rule with this key."""
    return _rule(key).title


def _management(category: str) -> str:
    """A management category in words, capitalised (:data:`netlib.treatment.CATEGORY_LABELS`)."""
    from netlib.treatment import CATEGORY_LABELS

    return _capital(CATEGORY_LABELS[category])


def management_table(cases: Mapping[str, Findings]) -> Markdown:
    """One row per case: the management in words and the rule that decided it (:func:`netlib.recommend`)."""
    from netlib.treatment import recommend

    _labelled_findings("cases", cases)
    rows = []
    for label, f in cases.items():
        r = recommend(f)
        rows.append((label, _management(r.category), rule_title(r.rule)))
    return _markdown(_table(("Case", "Management", "Rule that decided"), rows))


def management_line(findings: Findings) -> str:
    """A one-sentence management line for ``findings`` from :func:`netlib.recommend`: the management in words, its
    first option, the grade and the deciding rule, the rule it took precedence over (and why), and the warnings
    (flag sentences; assumptions about unreported findings are left out)."""
    from netlib.grading import grade
    from netlib.treatment import FLAGS, recommend

    _findings("findings", findings)
    r = recommend(findings)
    rule = _rule(r.rule)
    words = _management(r.category)
    option = r.options[0].name if r.options else ""
    if option.lower().startswith(words.lower()):
        text = option  # the option already says it ("Enucleation when technically feasible")
    else:
        text = words + (f": {option[:1].lower() + option[1:]}" if option else "")
    text += f", for this {grade(findings).title}, by the rule '{rule.title}'"
    over = [key for key, outcome in r.trace if outcome == f"outranked by {rule.key}"]
    if over:
        text += f"; it takes precedence over '{rule_title(over[0])}' because {rule.refines_because}"
    warnings = [FLAGS[x] for x in r.flags if x in FLAGS and not x.startswith("assumed_") and x != "nodes_not_reported"]
    return text + "." + "".join(" " + w for w in warnings)


def change_line(before: Findings, after: Findings) -> str:
    """What one change of findings does to the management, in words: the model answer of a predict-then-change
    task. Names the new management and rule and, when the rule changed, the condition of the old rule that no
    longer holds."""
    from netlib.data.treatment_rules import Context
    from netlib.grading import grade
    from netlib.treatment import CATEGORY_LABELS, recommend

    old, new = recommend(_findings("before", before)), recommend(_findings("after", after))
    text = f"{_management(new.category)}, by the rule '{rule_title(new.rule)}'"
    if new.rule == old.rule:
        return text + " (no change: the same rule still decides)."
    ctx = Context(after, grade(after))
    failed = [c.text for c in _rule(old.rule).conditions if c.test(ctx) is False]
    text += f", instead of {CATEGORY_LABELS[old.category]}"
    if failed:
        text += f": the rule '{rule_title(old.rule)}' no longer applies because it requires '{failed[0]}'"
    return text + "."


def rule_summary() -> Markdown:
    """The treatment rules grouped as in the pathway figure: per group, how many rules, which managements they lead
    to (in words) and two example titles; then every rule with its complete conditions, folded away (HTML
    ``<details>``) for reference."""
    from netlib.data.trials import TRIALS
    from netlib.teaching.plots import PATHWAY_GROUPS, pathway_group
    from netlib.treatment import CATEGORY_LABELS, RULES

    groups = {g: [r for r in RULES if pathway_group(r) == g] for g in PATHWAY_GROUPS}
    summary = [(g, len(rs), "; ".join(dict.fromkeys(CATEGORY_LABELS[r.category] for r in rs)),
                "; ".join(r.title for r in rs[:2])) for g, rs in groups.items() if rs]
    full = [(g, r.title, "; ".join(c.text for c in r.conditions), _management(r.category),
             ", ".join(TRIALS[k].name if k in TRIALS else k for k in r.evidence) or "-")
            for g, rs in groups.items() for r in rs]
    return _markdown(
        _table(("Group", "Rules", "Leads to", "For example"), summary)
        + f"\n\n<details><summary>All {len(RULES)} rules with their complete conditions (for reference)</summary>\n\n"
        + _table(("Group", "Rule", "Conditions (all must hold)", "Management", "Trials"), full)
        + "\n\n</details>\n")


def _recommendation(name: str, value: object) -> Recommendation:
    from netlib.treatment import Recommendation

    return checks.instance(name, value, Recommendation, "a netlib.Recommendation (from netlib.recommend)")


def near_misses(result: Recommendation) -> Markdown:
    """The rules that were about this case but failed on one condition (``result.near_misses``): each rule, where
    it would have led, and the condition the case does not meet, as a list."""
    from netlib.treatment import CATEGORY_LABELS

    _recommendation("result", result)
    items = [f"- **{n.rule_title}** (would lead to {CATEGORY_LABELS[n.category]}): it requires '{n.requires}'."
             for n in result.near_misses]
    return _markdown("\n".join(items) if items else "- (no rule missed this case by a single condition)")


def branch_table(result: Recommendation) -> Markdown:
    """When a deciding finding is missing: what each of its values would lead to, one row per value."""
    _recommendation("result", result)
    if not result.branches:
        return _markdown("Nothing is missing: the rule that applies is decided.")
    rows = [(b.value, _management(b.category), b.rule) for b in result.branches]
    return _markdown(_table((f"{_capital(result.branches[0].fact)} (missing)", "Management", "Rule"), rows))


def trial_table() -> Markdown:
    """The pivotal randomised trials with a hazard ratio: population, arms, primary endpoint, medians in months and
    the hazard ratio with its 95 % confidence interval where a source gives it."""
    from netlib.data import trials

    cis = {h.trial: h.ci95 for h in getattr(trials, "HAZARD_RATIOS", ()) if h.primary}

    def months(v: float | None) -> str:
        return "not reached" if v is None else f"{v:g} mo"

    def num(x: float) -> str:
        return f"{x:.2f}" if round(x, 2) == x else f"{x:g}"

    def hr(t: Any) -> str:
        ci = cis.get(t.key)
        return f"{t.hazard_ratio:g}" + (f" ({num(ci[0])} to {num(ci[1])})" if ci else " (interval not reported)")

    rows = [(t.name, t.year, t.population, f"{t.experimental} vs {t.control}", t.endpoint,
             months(t.median_experimental), months(t.median_control), hr(t))
            for t in trials.TRIALS.values() if t.hazard_ratio is not None]
    return _markdown(_table(("Trial", "Year", "Population", "New arm vs control", "Primary endpoint",
                             "Median, new arm", "Median, control", "Hazard ratio (95 % CI)"), rows))


# --- the source summary and markers --------------------------------------------------------------------------------
# The source summary introduced without giving later verdicts away, one claim with its verdict as the notebooks show
# it, and marker panels read by netlib.markers, in words.

#: What each verdict word of :data:`netlib.data.source_summary.VERDICTS` means in this collection.
_VERDICT_MEANINGS: dict[str, str] = {
    "correct": "what the sources show; at most a detail is added",
    "incomplete": "true as far as it goes, but it leaves out something that changes the answer",
    "imprecise": "roughly right, but worded loosely enough to mislead at the edges",
    "misleading": "defensible word by word, yet it leads a reader to a wrong conclusion",
    "wrong": "the sources say otherwise",
}


def source_summary_claims() -> Markdown:
    """The source summary's claims, numbered, with the notebook that checks each (a Markdown table). The verdicts
    are left out on purpose: each one is given where its evidence is taught."""
    from netlib.data.source_summary import CLAIMS

    rows = [(i, c.claim, c.notebook) for i, c in enumerate(CLAIMS, 1)]
    return _markdown(_table(("#", "The summary said", "Checked in notebook"), rows))


def verdict_scale() -> Markdown:
    """The verdict words, each with its meaning (a Markdown list), in the order of
    :data:`netlib.data.source_summary.VERDICTS`."""
    from netlib.data.source_summary import VERDICTS

    return _markdown("\n".join(f"* **{v}**: {_VERDICT_MEANINGS[v]}." for v in VERDICTS))


def claim_with_verdict(number: int) -> Markdown:
    """Claim ``number`` (1-based, as in :func:`source_summary_claims`) with its verdict, the evidence and short
    citations of its sources, as a Markdown block quote: the way the notebooks show a verdict."""
    from netlib.data.references import citations_text
    from netlib.data.source_summary import CLAIMS

    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= len(CLAIMS):
        raise InvalidValueError("number", f"expected a claim number from 1 to {len(CLAIMS)}, got {number!r}")
    c = CLAIMS[number - 1]
    return _markdown(f"> **The summary said:** {c.claim}\n>\n> **Verdict: {c.verdict}.** {c.evidence}\n>\n"
                     f"> *Sources:* {citations_text(c.sources)}. *Taught in notebook {c.notebook}.*")


def stains_words(stains: Mapping[str, str | None]) -> str:
    """Stain results in words, e.g. ``synaptophysin positive, keratin negative`` (keys as the arguments of
    :func:`netlib.markers.interpret`; stains not done are left out)."""
    _stains("stains", stains)
    return ", ".join(f"{_MARKERS[k]} {v}" for k, v in stains.items() if v)


def marker_panels(panels: Mapping[str, Mapping[str, str]]) -> Markdown:
    """Named marker panels read by :func:`netlib.markers.interpret`, one row each (a Markdown table): the stains,
    whether there is neuroendocrine differentiation, the lineage, and the reasoning."""
    from netlib.markers import interpret

    checks.instance("panels", panels, Mapping, "a mapping of panel name to a mapping of stains")
    for name, stains in panels.items():
        checks.text("panels", name, "panel names as strings")
        _stains("panels", stains)
    rows = []
    for name, stains in panels.items():
        r = interpret(**stains)
        rows.append((name, stains_words(stains), r.ne_differentiation, r.lineage, " ".join(r.steps)))
    return _markdown(_table(("panel", "stains", "NE differentiation", "lineage", "reasoning"), rows))


def panel_report_line(stains: Mapping[str, str]) -> str:
    """A one-sentence report line for a marker panel, built from :func:`netlib.markers.interpret`: the stains,
    then what they show about neuroendocrine differentiation and lineage."""
    from netlib.markers import interpret

    r = interpret(**_stains("stains", stains))
    ne = {"yes": "neuroendocrine differentiation (read together with the morphology)",
          "no": "no neuroendocrine differentiation",
          "uncertain": "neuroendocrine differentiation not yet established (not every general marker was done)"}
    lineage = {"epithelial": "keratin positive, so an epithelial NEN (morphology tells a NET from a NEC; the grade "
                             "then needs Ki-67 and the mitotic count)",
               "non-epithelial": "keratin negative, which favours a non-epithelial NEN (paraganglioma)",
               "uncertain": "the lineage cannot be told without keratin"}
    return _capital(f"{stains_words(stains)}: {ne[r.ne_differentiation]}; {lineage[r.lineage]}.")
