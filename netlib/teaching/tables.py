"""Tables and sentences for the notebooks, in a trainee's words: the plumbing (loops, joins, look-ups of labels)
lives here so that a notebook cell reads like what a clinician needs to see.

Each helper is small and pure: it reads netlib's data or results and returns Markdown (an
``IPython.display.Markdown`` object, shown as a table) or a plain string. IPython is imported only when a
Markdown object is built. Sections are grouped by the notebook that uses them.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from netlib import checks
from netlib.errors import InvalidValueError

if TYPE_CHECKING:
    from IPython.display import Markdown

    from netlib.findings import Findings
    from netlib.treatment import Recommendation


# --- notebooks 06 and 07 (functioning syndromes; treatment logic) --------------------------------------------------
# Management in words (categories, rule titles, flag sentences), the syndrome catalogue and gastric types as tables,
# the rule list grouped for a trainee (the full list folded away), the trials table, and model answers built from
# netlib's results. Self-contained: the private helpers of this section start with _nb67.

def _nb67_markdown(text: str) -> "Markdown":
    from IPython.display import Markdown

    return Markdown(text)


def _nb67_table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    def cell(text: Any) -> str:
        return str(text).replace("|", "/").replace("\n", " ")

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows])


def _nb67_capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _nb67_rule(key: str):
    from netlib.treatment import RULES

    for r in RULES:
        if r.key == key:
            return r
    raise InvalidValueError("key", f"{key!r} is not a treatment rule")


def _nb67_words(key: str) -> str:
    from netlib.teaching.questions import category_words

    return category_words(key)


def management_words(key: str) -> str:
    """A management category key in words, capitalised (netlib's category label where there is one)."""
    from netlib.teaching.questions import category_words

    return _nb67_capital(category_words(key))


def rule_title(key: str) -> str:
    """The title of the treatment rule with this key."""
    return _nb67_rule(key).title


def management_table(cases: Mapping[str, "Findings"]) -> "Markdown":
    """One row per case: the management in words and the rule that decided it (:func:`netlib.recommend`)."""
    from netlib.findings import Findings
    from netlib.treatment import recommend

    checks.instance("cases", cases, Mapping, "a mapping of case label to Findings")
    rows = []
    for label, f in cases.items():
        checks.instance("cases", f, Findings, "netlib.Findings values")
        r = recommend(f)
        rows.append((label, management_words(r.category), rule_title(r.rule)))
    return _nb67_markdown(_nb67_table(("Case", "Management", "Rule that decided"), rows))


def management_line(findings: "Findings") -> str:
    """A one-sentence management line for ``findings`` from :func:`netlib.recommend`: the management in words, its
    first option, the grade and the deciding rule, the rule it took precedence over (and why), and the warnings
    (flag sentences; assumptions about unreported findings are left out)."""
    from netlib.grading import grade
    from netlib.treatment import FLAGS, recommend

    r = recommend(findings)
    rule = _nb67_rule(r.rule)
    words = management_words(r.category)
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


def change_line(before: "Findings", after: "Findings") -> str:
    """What one change of findings does to the management, in words: the model answer of a predict-then-change
    task. Names the new management and rule and, when the rule changed, the condition of the old rule that no
    longer holds."""
    from netlib.data.treatment_rules import Context
    from netlib.grading import grade
    from netlib.treatment import recommend

    old, new = recommend(before), recommend(after)
    text = f"{management_words(new.category)}, by the rule '{rule_title(new.rule)}'"
    if new.rule == old.rule:
        return text + " (no change: the same rule still decides)."
    ctx = Context(after, grade(after))
    failed = [c.text for c in _nb67_rule(old.rule).conditions if c.test(ctx) is False]
    text += f", instead of {_nb67_words(old.category)}"
    if failed:
        text += f": the rule '{rule_title(old.rule)}' no longer applies because it requires '{failed[0]}'"
    return text + "."


# notebook 06 ------------------------------------------------------------------------------------------------------
#: Presenting-feature words that need more than the key with spaces.
_NB67_FEATURES = {"whipple_triad": "Whipple's triad", "right_heart_valve_disease": "right-sided heart valve disease"}


def feature_words(feature: str) -> str:
    """A presenting feature of :data:`netlib.data.syndromes.FEATURES` in words."""
    from netlib.data.syndromes import FEATURES

    checks.choice("feature", feature, FEATURES)
    return _NB67_FEATURES.get(feature, feature.replace("_", " "))


def syndrome_table() -> "Markdown":
    """The syndrome catalogue (:data:`netlib.data.syndromes.SYNDROMES`): hormone, hallmarks, key test, typical site
    and first control, one row per syndrome."""
    from netlib.data.syndromes import SYNDROMES

    rows = [(s.name, s.hormone, s.hallmarks, s.key_test, s.typical_sites, s.first_control) for s in SYNDROMES.values()]
    return _nb67_markdown(_nb67_table(("Syndrome", "Hormone", "Hallmarks", "Key test", "Typical site",
                                       "First control"), rows))


def syndrome_matches(*feature_sets: Sequence[str]) -> "Markdown":
    """For each list of presenting features, the syndromes that fit, best first, with how many of the features
    each explains (:func:`netlib.data.syndromes.match`)."""
    from netlib.data.syndromes import match

    if not feature_sets:
        raise InvalidValueError("feature_sets", "give at least one list of presenting features")
    rows = []
    for feats in feature_sets:
        ranked = match(feats)
        fits = "; ".join(f"{s.name} ({len(hit)} of {len(feats)})" for s, hit in ranked) or "no syndrome fits"
        rows.append((", ".join(feature_words(f) for f in feats), fits))
    return _nb67_markdown(_nb67_table(("Presenting features", "Syndromes that fit, best first (features explained)"),
                                      rows))


def syndrome_pitfalls(keys: Sequence[str]) -> "Markdown":
    """The biochemical pitfalls of the named syndromes, as a list under each syndrome's name."""
    from netlib.data import syndromes

    keys = checks.sequence("keys", keys, what="a list of syndrome keys", min_len=1)
    lines = []
    for key in keys:
        s = syndromes.get(key)
        lines += [f"**{s.name}**", ""] + [f"- {p}" for p in s.pitfalls] + [""]
    return _nb67_markdown("\n".join(lines))


def syndrome_change_line(before: Sequence[str], after: Sequence[str]) -> str:
    """What happens to the best fit when the presenting features change from ``before`` to ``after``, in words:
    the model answer of a predict-then-change task."""
    from netlib.data.syndromes import match

    def best(feats: Sequence[str]) -> tuple[list[str], int]:
        ranked = match(feats)
        n = len(ranked[0][1]) if ranked else 0
        return [s.name for s, hit in ranked if len(hit) == n], n

    (was, _), (now, n) = best(before), best(after)
    removed = [feature_words(f) for f in before if f not in after]
    added = [feature_words(f) for f in after if f not in before]
    change = _nb67_capital(" and ".join(x for x in (f"without {', '.join(removed)}" if removed else "",
                                                    f"with {', '.join(added)}" if added else "") if x))
    if not now:
        return f"{change}, no syndrome in the catalogue fits."
    if len(now) == 1:
        return f"{change}, {now[0]} fits best ({n} of {len(after)} features); before, {' and '.join(was)} did."
    return (f"{change}, the features no longer point to one syndrome: {', '.join(now[:-1])} and {now[-1]} each "
            f"explain {n} of {len(after)}. Before, {' and '.join(was)} fitted best: "
            f"{', '.join(removed) or 'the change'} told them apart.")


@dataclass(frozen=True)
class _Nb67Trap:
    value: float
    tolerance: float
    message: str


@dataclass(frozen=True)
class ThresholdKey:
    """The key of a typed-threshold task, in the shape :func:`netlib.teaching.questions.number_question` reads."""

    value: float
    tolerance: float
    unit: str
    correct: str
    traps: tuple[_Nb67Trap, ...]
    otherwise: str


_NB67_SECRETIN = re.compile(r"secretin test: a gastrin rise >= (?P<nih>\d+) pg/mL \(NIH series: (?P<sens>\d+) % "
                            r"sensitive, (?P<spec>\d+) % specific; the classic >= (?P<classic>\d+) pg/mL is "
                            r"(?P<classic_sens>\d+) % sensitive\)")
_NB67_CRITERIA = re.compile(r"Secretin-test criteria differ \((?P<all>[^)]*) pg/mL\)")


def secretin_criterion_key() -> ThresholdKey:
    """Key of the task "the gastrin rise that makes a secretin test positive, by the NIH criterion the catalogue
    quotes", read from the gastrinoma entry of :mod:`netlib.data.syndromes` (its key test, and the pitfall that
    lists the other criteria); each other criterion is a trap that says where it stands. Exact (tolerance 0)."""
    from netlib.data import syndromes

    s = syndromes.get("gastrinoma")
    m = _NB67_SECRETIN.search(s.key_test)
    crit = next((c for p in s.pitfalls if (c := _NB67_CRITERIA.search(p))), None)
    if m is None or crit is None:
        raise InvalidValueError("gastrinoma", "the secretin-test criteria are not in the catalogue's usual wording")
    nih, classic = float(m["nih"]), float(m["classic"])
    traps = [_Nb67Trap(classic, 0.0, f"{classic:g} pg/mL is the classic criterion: specific, but only "
                                     f"{m['classic_sens']} % sensitive in the NIH series, so it misses gastrinomas. "
                                     "The catalogue quotes the NIH criterion, a lower cut-off.")]
    traps += [_Nb67Trap(v, 0.0, f"A rise above {v:g} pg/mL is a criterion used in other references; this task asks "
                                "for the NIH criterion that the catalogue quotes.")
              for v in (float(x) for x in re.findall(r"\d+", crit["all"])) if v not in (nih, classic)]
    return ThresholdKey(nih, 0.0, "pg/mL",
                        f"The NIH criterion: a gastrin rise of at least {nih:g} pg/mL after secretin ({m['sens']} % "
                        f"sensitive, {m['spec']} % specific in the NIH series). Always name the criterion you use.",
                        tuple(traps),
                        "Read the gastrinoma row of the catalogue table: its key test names the secretin criterion.")


# notebook 07 ------------------------------------------------------------------------------------------------------
def rule_summary() -> "Markdown":
    """The treatment rules grouped as in the pathway figure: per group, how many rules, which managements they lead
    to (in words) and two example titles; then every rule with its complete conditions, folded away (HTML
    ``<details>``) for reference."""
    from netlib.data.trials import TRIALS
    from netlib.teaching.plots import PATHWAY_GROUPS, pathway_group
    from netlib.treatment import RULES

    groups = {g: [r for r in RULES if pathway_group(r) == g] for g in PATHWAY_GROUPS}
    summary = [(g, len(rs), "; ".join(dict.fromkeys(_nb67_words(r.category) for r in rs)),
                "; ".join(r.title for r in rs[:2])) for g, rs in groups.items() if rs]
    full = [(g, r.title, "; ".join(c.text for c in r.conditions), management_words(r.category),
             ", ".join(TRIALS[k].name if k in TRIALS else k for k in r.evidence) or "-")
            for g, rs in groups.items() for r in rs]
    return _nb67_markdown(
        _nb67_table(("Group", "Rules", "Leads to", "For example"), summary)
        + f"\n\n<details><summary>All {len(RULES)} rules with their complete conditions (for reference)</summary>\n\n"
        + _nb67_table(("Group", "Rule", "Conditions (all must hold)", "Management", "Trials"), full)
        + "\n\n</details>\n")


def near_misses(result: "Recommendation") -> "Markdown":
    """The rules that were about this case but failed on one condition (``result.near_misses``): each rule, where
    it would have led, and the condition the case does not meet, as a list."""
    items = [f"- **{n.rule_title}** (would lead to {_nb67_words(n.category)}): it requires "
             f"'{n.requires}'." for n in result.near_misses]
    return _nb67_markdown("\n".join(items) if items else "- (no rule missed this case by a single condition)")


def branch_table(result: "Recommendation") -> "Markdown":
    """When a deciding finding is missing: what each of its values would lead to, one row per value."""
    if not result.branches:
        return _nb67_markdown("Nothing is missing: the rule that applies is decided.")
    fact = _nb67_capital(result.branches[0].fact)
    rows = [(b.value, management_words(b.category), b.rule) for b in result.branches]
    return _nb67_markdown(_nb67_table((f"{fact} (missing)", "Management", "Rule"), rows))


def trial_table() -> "Markdown":
    """The pivotal randomised trials with a hazard ratio: population, arms, primary endpoint, medians in months and
    the hazard ratio with its 95 % confidence interval where a source gives it."""
    from netlib.data import trials

    cis = {h.trial: h.ci95 for h in getattr(trials, "HAZARD_RATIOS", ()) if h.primary}

    def months(v: float | None) -> str:
        return "not reached" if v is None else f"{v:g} mo"

    def num(x: float) -> str:
        return f"{x:.2f}" if round(x, 2) == x else f"{x:g}"

    def hr(t) -> str:
        ci = cis.get(t.key)
        return f"{t.hazard_ratio:g}" + (f" ({num(ci[0])} to {num(ci[1])})" if ci else " (interval not reported)")

    rows = [(t.name, t.year, t.population, f"{t.experimental} vs {t.control}", t.endpoint,
             months(t.median_experimental), months(t.median_control), hr(t))
            for t in trials.TRIALS.values() if t.hazard_ratio is not None]
    return _nb67_markdown(_nb67_table(("Trial", "Year", "Population", "New arm vs control", "Primary endpoint",
                                       "Median, new arm", "Median, control", "Hazard ratio (95 % CI)"), rows))


# questions for notebooks 06 and 07 ----------------------------------------------------------------------------------
def _nb67_card(result: Any) -> str:
    return result._repr_html_() if hasattr(result, "_repr_html_") else ""


def management_task(title: str, findings: "Findings", prompt: str, checklist: Sequence[str] = ()) -> "Question":
    """A written task: state the management of ``findings`` in one sentence. Any attempt reveals the model answer
    (:func:`management_line`), the ``checklist`` and then the treatment card."""
    from netlib.teaching.questions import free_text
    from netlib.treatment import recommend

    return free_text(title, prompt, management_line(findings), checklist,
                     explanation_html=_nb67_card(recommend(findings)))


def change_task(title: str, before: "Findings", after: "Findings", prompt: str,
                checklist: Sequence[str] = ()) -> "Question":
    """A predict-then-change task: predict in words what one change of findings does to the management. Any
    attempt reveals the model answer (:func:`change_line`) and the ``checklist``; the trainee then makes the
    change in the code cell below and reruns it."""
    from netlib.teaching.questions import free_text

    return free_text(title, prompt, change_line(before, after), checklist)


def syndrome_change_task(title: str, before: Sequence[str], after: Sequence[str], prompt: str,
                         checklist: Sequence[str] = ()) -> "Question":
    """A predict-then-change task on presenting features: predict which syndrome fits once the features change.
    Any attempt reveals the model answer (:func:`syndrome_change_line`) and the ``checklist``."""
    from netlib.teaching.questions import free_text

    return free_text(title, prompt, syndrome_change_line(before, after), checklist)


# --- notebooks 04 and 05 (lung and thymus; staging) -------------------------------------------------------------
# Worked examples as tables in words (site names, depth and structure words, flag sentences), report lines and a
# typed N task, so that a cell is a list of Findings and one call. Self-contained: the private helpers of this
# section start with _nb45.

_NB45_MORPHOLOGY = {"carcinoid": "carcinoid", "small_cell": "small cell", "large_cell": "large cell"}
_NB45_METASTASIS = {"none": "no distant metastases", "liver_only": "liver metastases only",
                    "extrahepatic_only": "extrahepatic metastases only",
                    "liver_and_extrahepatic": "liver and extrahepatic metastases"}
#: Proper names and abbreviations in vocabulary words that underscores-to-spaces would leave in lower case.
_NB45_PROPER = {"oddi": "Oddi", "sma": "superior mesenteric artery"}
#: The boundary sentence covers every criteria table at once; a row of a lung table needs only its point.
_NB45_SHORT_GRADE_FLAGS = {"boundary_value": "Exactly on a cut-off: each cut-off belongs to one band only."}


def _nb45_markdown(text: str) -> Markdown:
    from IPython.display import Markdown

    return Markdown(text)


def _nb45_cell(text: object) -> str:
    return str(text).replace("|", "/").replace("\n", " ")


def _nb45_row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(_nb45_cell(c) for c in cells) + " |"


def _nb45_capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def vocabulary_words(word: str) -> str:
    """A vocabulary word of :class:`~netlib.findings.Findings` (a depth, an invaded structure, a node station) in
    words: ``muscularis_propria`` -> ``muscularis propria``, ``confined_to_sphincter_of_oddi`` -> ``confined to
    sphincter of Oddi``, ``sma`` -> ``superior mesenteric artery``; thoracic words take their meaning from
    :data:`netlib.findings.INVASION_MEANINGS` and :data:`netlib.findings.THORACIC_WORD_MEANINGS`."""
    from netlib.findings import INVASION_MEANINGS, THORACIC_WORD_MEANINGS

    if word in INVASION_MEANINGS:
        return INVASION_MEANINGS[word].removeprefix("the ")
    if word in THORACIC_WORD_MEANINGS:
        return THORACIC_WORD_MEANINGS[word][1]
    return " ".join(_NB45_PROPER.get(w, w) for w in word.split("_"))


def site_words(site: str) -> str:
    """A site key in words, from the title of its staging table (``jejunum_ileum`` -> ``jejunum and ileum``,
    ``ampulla`` -> ``ampulla of Vater``, ``thymus`` -> ``thymus``)."""
    from netlib.data.staging_tables import T_TABLES, THORACIC_TABLES

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

    from netlib.findings import FIELD_LABELS

    names = list(fields) if fields is not None else [f.name for f in dc_fields(findings) if f.name != "site"]
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
            out.append(_NB45_METASTASIS.get(value, vocabulary_words(value)))
        elif name == "mesenteric_mass_cm":
            out.append(f"mesenteric mass {value:g} cm")
        elif name == "mesoappendix_invasion_mm":
            out.append(f"mesoappendix invaded {value:g} mm deep")
        elif name == "ki67_percent":
            out.append(f"Ki-67 {value:g} %")
        elif name == "mitoses_per_2mm2":
            out.append(f"{value:g} {'mitosis' if value == 1 else 'mitoses'} per 2 mm²")
        elif name == "differentiation":
            out.append("well differentiated" if value == "well" else "poorly differentiated")
        elif name == "morphology":
            out.append(_NB45_MORPHOLOGY.get(value, vocabulary_words(value)) + " morphology")
        elif name == "necrosis":
            out.append("no necrosis" if value == "absent" else f"{value} necrosis")
        elif name == "ne_component_percent":
            out.append(f"neuroendocrine component {value:g} %")
        elif name == "clinical_nodes":
            out.append(f"nodes {value} on imaging")
        elif isinstance(value, str):
            out.append(f"{FIELD_LABELS.get(name, name)}: {vocabulary_words(value)}")
        else:
            out.append(f"{FIELD_LABELS.get(name, name)}: {value}")
    return "; ".join(out) or "-"


def thoracic_grade_table(cases: Sequence[Findings]) -> Markdown:
    """Lung or thymic cases and their WHO 2021 thoracic classification (:func:`netlib.grade`), one row each (a
    Markdown table): site, morphology, mitoses per 2 mm², necrosis, size, classification, and what to take care
    of (flag sentences of :data:`netlib.grading.FLAGS`)."""
    from netlib.grading import FLAGS, grade

    lines = [_nb45_row(("site", "morphology", "mitoses per 2 mm²", "necrosis", "size", "classification",
                        "take care")), "|---|---|---|---|---|---|---|"]
    for f in cases:
        g = grade(f)
        notes = [_NB45_SHORT_GRADE_FLAGS.get(c) or FLAGS.get(c, c.replace("_", " ") + ".") for c in g.flags]
        lines.append(_nb45_row((
            _nb45_capital(site_words(f.site)) if f.site else "-",
            _NB45_MORPHOLOGY.get(f.morphology, "-") if f.morphology else "-",
            f"{f.mitoses_per_2mm2:g}" if f.mitoses_per_2mm2 is not None else "-",
            f.necrosis or "-", f"{f.size_cm:g} cm" if f.size_cm is not None else "-",
            g.label, " ".join(notes) or "-")))
    return _nb45_markdown("\n".join(lines))


def stage_table(cases: Sequence[Findings], show: Sequence[str] | None = None, edition: str = "AJCC8") -> Markdown:
    """Cases and their stage (:func:`netlib.stage`), one row each (a Markdown table): site, the findings named in
    ``show`` (see :func:`findings_words`), TNM, stage group, and what to take care of (flag sentences; for a
    tumour the NET system does not stage, the reason)."""
    from netlib.staging import stage

    lines = [_nb45_row(("site", "findings", "TNM", "stage group", "take care")), "|---|---|---|---|---|"]
    for f in cases:
        s = stage(f, edition=edition)
        staged = any((s.t, s.n, s.m))
        note = " ".join(s.flag_sentences()) if staged else (s.steps[0] if s.steps else "")
        lines.append(_nb45_row((
            _nb45_capital(site_words(f.site)) if f.site else "-", findings_words(f, show),
            s.tnm if staged else "not staged with the NET system",
            (s.group or "no stage group") if staged else "-", note or "-")))
    return _nb45_markdown("\n".join(lines))


def t1_nx_by_edition(sites: Sequence[str], size_cm: float = 0.6) -> Markdown:
    """A well-differentiated T1 NET of ``size_cm`` removed without nodal sampling (no nodes examined, no node
    status on imaging, M0) at each site, staged with AJCC 8 and with AJCC Version 9 (a Markdown table)."""
    from netlib.findings import Findings
    from netlib.staging import stage

    depth = {"pancreas": None, "ampulla": "confined_to_sphincter_of_oddi"}
    lines = [_nb45_row(("site", "AJCC 8", "AJCC Version 9")), "|---|---|---|"]
    for site in sites:
        f = Findings(site=site, differentiation="well", ki67_percent=1, size_cm=size_cm,
                     depth=depth.get(site, "submucosa"), metastasis="none")
        a8, a9 = stage(f), stage(f, edition="AJCC9")
        lines.append(_nb45_row((_nb45_capital(site_words(site)),
                                *(f"{s.tnm}: {'stage ' + s.group if s.group else 'no stage group'}" for s in (a8, a9)))))
    return _nb45_markdown("\n".join(lines))


def thoracic_report_line(findings: Findings) -> str:
    """A one-sentence report line for a resected lung or thymic NEN, built from :func:`netlib.grade` and
    :func:`netlib.stage`: classification and site, size, mitoses and necrosis, Ki-67 (recorded, not used to
    classify) and, where T can be assessed, the pathological T category with its staging system."""
    from netlib.grading import grade
    from netlib.staging import stage

    g = grade(findings)
    parts = [f"{findings.size_cm:g} cm"] if findings.size_cm is not None else []
    if findings.mitoses_per_2mm2 is not None:
        m = findings.mitoses_per_2mm2
        parts.append(f"{m:g} {'mitosis' if m == 1 else 'mitoses'} per 2 mm²")
    if findings.necrosis is not None:
        parts.append("no necrosis" if findings.necrosis == "absent" else f"{findings.necrosis} necrosis")
    line = f"{_nb45_capital(g.label)} of the {site_words(findings.site)}"
    line += f" ({', '.join(parts)})" if parts else ""
    if findings.ki67_percent is not None:
        line += f"; Ki-67 {findings.ki67_percent:g} %, recorded but not used to classify"
    s = stage(findings)
    if s.t and s.t != "TX":
        line += f"; p{s.t} ({s.system})"
    return line + "."


def n_category_task(title: str, findings: Findings, prompt: str) -> Question:
    """A typed task: the trainee types the N category of ``findings`` (e.g. ``N1``). The key is
    :func:`netlib.stage`'s; each other N category of the digestive and thoracic tables is met with
    :func:`~netlib.teaching.exercises.check_stage`'s message (T, M and the group taken as right); the explanation
    is the stage card."""
    from netlib.staging import stage
    from netlib.teaching import questions as Q
    from netlib.teaching.exercises import check_stage

    key = stage(findings)
    if key.n is None:
        raise InvalidValueError("findings", "these findings have no N category to ask for")
    traps = [(n, check_stage(findings, key.t, n, key.m, key.group).message)
             for n in ("NX", "N0", "N1", "N2", "N3") if n != key.n]
    return Q.short_answer(title, prompt, [key.n], check_stage(findings, key.t, key.n, key.m, key.group).message,
                          "Type an N category such as N0, N1 or N2.", traps, explanation_html=key._repr_html_())


# --- notebooks 02 and 03 (WHO classification and grading; counting Ki-67 and mitoses) -------------------------
# Tables and model answers in a trainee's words: criteria by their titles, flags by the sentences that say what
# they mean (numbered notes under the table), sites in words; never a key or a code. Self-contained: the private
# helpers of this section start with _nb02. (The grade report line of notebook 02 is grade_report_line above.)

_NB02_SITE_WORDS = {"jejunum_ileum": "jejunum/ileum", "unknown_primary": "unknown primary"}


def _nb02_markdown(text: str) -> Markdown:
    from IPython.display import Markdown

    return Markdown(text)


def _nb02_number(value: float) -> str:
    """A value as the case states it: whole numbers as typed, 3.0 as "3.0" (a cut-off value keeps its decimal)."""
    if isinstance(value, float) and value == round(value, 1):
        return f"{value:.1f}"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _nb02_value(findings: Findings, name: str) -> str:
    """One field of ``findings`` in words (``not reported`` for None)."""
    value = getattr(findings, name)
    if value is None:
        return "not reported"
    if name in ("ki67_percent", "ne_component_percent"):
        return f"{_nb02_number(value)} %"
    if name == "mitoses_per_2mm2":
        return f"{_nb02_number(value)} per 2 mm²"
    if name == "site":
        return _NB02_SITE_WORDS.get(value, value.replace("_", " "))
    if isinstance(value, str):
        return value.replace("_", " ")
    return _nb02_number(value) if isinstance(value, (int, float)) else str(value)


def _nb02_table(header: list[str], rows: list[list[str]], notes: list[str]) -> str:
    """A Markdown table, then its numbered notes (the meanings of the flags the rows refer to)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(c.replace("|", "/").replace("\n", " ") for c in r) + " |" for r in rows]
    if notes:
        lines += ["", "Notes:", ""] + [f"{i}. {n}" for i, n in enumerate(notes, 1)]
    return "\n".join(lines)


def _nb02_note_refs(result: Any, notes: list[str]) -> str:
    """Note numbers for the flags of ``result`` (adding their meanings, in words, to ``notes``), or a dash."""
    refs = []
    for text in result.flag_sentences():
        if text not in notes:
            notes.append(text)
        refs.append(f"({notes.index(text) + 1})")
    return ", ".join(dict.fromkeys(refs)) or "-"


def grade_examples(cases: Sequence[Findings], show: Sequence[str] = ("ki67_percent", "mitoses_per_2mm2"),
                   criteria: str | None = None) -> Markdown:
    """The grade of each case in ``cases`` (a sequence of :class:`netlib.Findings`) as a Markdown table.

    ``show`` names the :class:`~netlib.Findings` fields to print as columns (headed by their names in words,
    from :data:`netlib.findings.FIELD_LABELS`); then the grade and numbered notes, each note being the meaning of
    a flag the grade raised (the sentences of its card). ``criteria``: a criteria key, as for
    :func:`netlib.grade`. Returns an ``IPython.display.Markdown``.
    """
    from netlib.findings import FIELD_LABELS
    from netlib.grading import grade

    show = checks.sequence("show", show, what="a list of Findings field names", min_len=1)
    for n in show:
        checks.choice("show", n, tuple(FIELD_LABELS))
    names = [FIELD_LABELS[n] for n in show]
    header = [n[:1].upper() + n[1:] for n in names] + ["Grade", "Take care"]
    rows, notes = [], []
    for f in cases:
        g = grade(f, criteria)
        rows.append([_nb02_value(f, n) for n in show] + [g.title, _nb02_note_refs(g, notes)])
    return _nb02_markdown(_nb02_table(header, rows, notes))


def grade_by_edition(findings: Findings,
                     editions: Sequence[Any] = ("who2010_digestive", "who2022_digestive")) -> Markdown:
    """One case graded under several editions of the criteria (keys of :data:`netlib.data.criteria.TABLES`, or the
    tables themselves), as a Markdown table: the edition by its title, the grade, and numbered notes with the flags' meanings."""
    from netlib.data.criteria import get_table
    from netlib.grading import grade

    rows, notes = [], []
    for key in editions:
        g = grade(findings, key)
        rows.append([get_table(key).title, g.title, _nb02_note_refs(g, notes)])
    return _nb02_markdown(_nb02_table(["Criteria", "Grade", "Take care"], rows, notes))


def hotspot_summary(field: Any) -> Markdown:
    """The Ki-67 index in the hot spot and over the whole synthetic field (a
    :class:`netlib.counting.fields.Ki67Field`), as a Markdown table."""
    rows = []
    for where, squares in ((f"Hot spot (squares {', '.join(field.hotspot_squares)})", field.hotspot_squares),
                           ("Whole field", None)):
        pos, tot = field.counts(squares)
        rows.append([where, str(pos), str(tot), f"{field.index_in(squares):.1f} %"])
    return _nb02_markdown(_nb02_table(["Where counted", "Positive (brown)", "All tumour cells", "Ki-67 index"],
                                      rows, []))


def _nb02_percent(p: float) -> str:
    return "< 0.1 %" if p < 0.0005 else f"{100 * p:.1f} %"


def ki67_grade_chances(true_index: float, cells: int | Sequence[int] = 500) -> Markdown:
    """How often a count of ``cells`` tumour cells (a number, or several) from a tumour whose true Ki-67 is
    ``true_index`` % reads as each grade (:func:`netlib.counting.ki67.grade_probabilities`), as a Markdown
    table with one column per number of cells."""
    from netlib.counting import ki67

    counts = [cells] if isinstance(cells, int) else list(cells)
    probs = [ki67.grade_probabilities(true_index, n) for n in counts]
    header = [f"True Ki-67 {_nb02_number(true_index)} %: grade the count gives"] + \
        [f"counting {n} cells" for n in counts]
    rows = [[label] + [_nb02_percent(p[label]) for p in probs] for label in probs[0]]
    return _nb02_markdown(_nb02_table(header, rows, []))


def mitotic_band_errors(true_rate: float, areas: Sequence[float] = (2, 10)) -> Markdown:
    """How often a mitotic count over each area (mm²) lands in the wrong band for a tumour whose true rate is
    ``true_rate`` per 2 mm² (:func:`netlib.counting.mitoses.crossing_probability`), as a Markdown table."""
    from netlib.counting import mitoses

    rows = []
    for area in areas:
        how = f"{area:g} mm²" + (f" (then divided by {area / 2:g})" if area != 2 else "")
        rows.append([how, _nb02_percent(mitoses.crossing_probability(true_rate, area))])
    return _nb02_markdown(_nb02_table(
        [f"True rate {_nb02_number(true_rate)} per 2 mm²: area counted", "Count lands in the wrong band"], rows, []))


def ki67_report_comment(positive: int, total: int) -> str:
    """A model comment on a reported Ki-67 count: the index with its 95 % interval (:func:`netlib.counting.ki67.
    count`), what its warnings mean, and how often a count of this size from the same true index would give
    another grade (:func:`netlib.counting.ki67.grade_probabilities`, WHO 2019/2022 digestive cut-offs)."""
    from netlib.counting import ki67
    from netlib.data.criteria import WHO_2022_DIGESTIVE as table

    c = ki67.count(positive, total)
    label = table.bands[table.band_index("ki67", c.index_percent)].label
    text = (f"Ki-67 {c.index_percent:.1f} % ({positive} of {total} tumour cells; {100 * c.level:.0f} % confidence interval "
            f"{c.ci_low:.1f}-{c.ci_high:.1f} %).")
    worries = []
    if "fewer_than_500_cells" in c.flags:
        worries.append(f"fewer than {ki67.RECOMMENDED_MIN_CELLS} cells were counted")
    cuts = [f"{x:g} %" for x in table.cutoffs("ki67") if c.ci_low <= x <= c.ci_high]
    if cuts:
        worries.append(f"the interval spans the {' and '.join(cuts)} cut-off{'s' if len(cuts) > 1 else ''}")
    if not worries:
        return text + f" The count supports {label}."
    other = 1 - ki67.grade_probabilities(c.index_percent, total)[label]
    why = " and ".join(worries)
    return (text + f" {why[:1].upper() + why[1:]}, so the grade {label} is fragile: if the true index were "
            f"{c.index_percent:.1f} %, counting {total} cells would give another grade about {100 * other:.0f} % "
            "of the time. A larger count, for example on the resection specimen, should settle it.")


# --- notebooks 00 and 01 (start here; what is a NEN) -------------------------------------------------------------
# The source summary introduced without giving later verdicts away, one claim with its verdict as the notebooks show
# it, report lines built from netlib's results, and the tables and keys of notebook 01. Self-contained: the private
# helpers of this section start with _nb0.

if TYPE_CHECKING:
    from netlib.teaching.exercises import NumericKey
    from netlib.teaching.questions import Question

#: What each verdict word of :data:`netlib.data.source_summary.VERDICTS` means in this collection.
VERDICT_MEANINGS: dict[str, str] = {
    "correct": "what the sources show; at most a detail is added",
    "incomplete": "true as far as it goes, but it leaves out something that changes the answer",
    "imprecise": "roughly right, but worded loosely enough to mislead at the edges",
    "misleading": "defensible word by word, yet it leads a reader to a wrong conclusion",
    "wrong": "the sources say otherwise",
}

_NB0_SITES = {"jejunum_ileum": "jejunum or ileum (small intestine)", "unknown_primary": "unknown primary site"}
_NB0_MARKERS = {"synaptophysin": "synaptophysin", "chromogranin_a": "chromogranin A", "insm1": "INSM1",
                "keratin": "keratin", "neurofilament": "neurofilament"}


def _nb0_markdown(text: str) -> Markdown:
    from IPython.display import Markdown

    return Markdown(text)


def _nb0_cell(text: object) -> str:
    return str(text).replace("|", "/").replace("\n", " ")


def _nb0_capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def source_summary_claims() -> Markdown:
    """The source summary's claims, numbered, with the notebook that checks each (a Markdown table). The verdicts
    are left out on purpose: each one is given where its evidence is taught."""
    from netlib.data.source_summary import CLAIMS

    lines = ["| # | The summary said | Checked in notebook |", "|---|---|---|"]
    lines += [f"| {i} | {_nb0_cell(c.claim)} | {c.notebook} |" for i, c in enumerate(CLAIMS, 1)]
    return _nb0_markdown("\n".join(lines))


def verdict_scale() -> Markdown:
    """The verdict words, each with its meaning (a Markdown list), in the order of
    :data:`netlib.data.source_summary.VERDICTS`."""
    from netlib.data.source_summary import VERDICTS

    return _nb0_markdown("\n".join(f"* **{v}**: {VERDICT_MEANINGS[v]}." for v in VERDICTS))


def claim_with_verdict(number: int) -> Markdown:
    """Claim ``number`` (1-based, as in :func:`source_summary_claims`) with its verdict, the evidence and short
    citations of its sources, as a Markdown block quote: the way the notebooks show a verdict."""
    from netlib.data.references import citations_text
    from netlib.data.source_summary import CLAIMS

    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= len(CLAIMS):
        raise InvalidValueError("number", f"expected a claim number from 1 to {len(CLAIMS)}, got {number!r}")
    c = CLAIMS[number - 1]
    return _nb0_markdown(f"> **The summary said:** {c.claim}\n>\n> **Verdict: {c.verdict}.** {c.evidence}\n>\n"
                         f"> *Sources:* {citations_text(c.sources)}. *Taught in notebook {c.notebook}.*")


def _nb0_site(site: str) -> str:
    return _NB0_SITES.get(site, site.replace("_", " "))


def grade_report_line(findings: Findings) -> str:
    """The grade line of a pathology report for a digestive NEN, in one sentence, built from :func:`netlib.grade`:
    differentiation, site, grade and criteria, then each reported parameter with the grade band it falls in, and
    which one set the grade when they disagree."""
    from netlib.data.criteria import get_table
    from netlib.grading import grade

    g = grade(findings)
    table = get_table(g.criteria)
    what = {"well": "Well-differentiated neuroendocrine tumour",
            "poor": "Poorly differentiated neuroendocrine carcinoma"}.get(findings.differentiation or "",
                                                                           "Neuroendocrine neoplasm")
    where = f" of the {_nb0_site(findings.site)}" if findings.site else ""
    shown, bands = [], {}
    for name, value, parameter in (("Ki-67", findings.ki67_percent, "ki67"),
                                   ("the mitotic count", findings.mitoses_per_2mm2, "mitoses")):
        if value is None:
            continue
        if parameter == "ki67":
            text = f"Ki-67 {value:g} %"
        else:
            text = f"{value:g} {'mitosis' if value == 1 else 'mitoses'} per 2 mm²"
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


def typed_grade_task(title: str, findings: Findings, prompt: str) -> Question:
    """A typed task: the trainee types the grade of ``findings`` (``NET G1``, or just ``G1``). The key is
    :func:`netlib.grade`'s; each wrong grade (NET G1-G3, NEC) is met with
    :func:`~netlib.teaching.exercises.check_grade`'s message; the explanation is the grade card."""
    from netlib.grading import grade
    from netlib.teaching import questions as Q
    from netlib.teaching.exercises import check_grade

    key = grade(findings)

    def spellings(label: str) -> list[str]:
        return [label] + ([label.removeprefix("NET ")] if label.startswith("NET ") else [])

    traps = [(s, check_grade(findings, label).message)
             for label in ("NET G1", "NET G2", "NET G3", "NEC") if label != key.label for s in spellings(label)]
    return Q.short_answer(title, prompt, spellings(key.label), check_grade(findings, key.label).message,
                          "Type a grade as a report gives it: NET G1, NET G2, NET G3 or NEC.", traps,
                          explanation_html=key._repr_html_())


def grades_side_by_side(cases: Mapping[str, Findings]) -> Markdown:
    """Named cases and their grade, one row each (a Markdown table): differentiation, Ki-67, mitoses, grade."""
    from netlib.grading import grade

    lines = ["| case | differentiation | Ki-67 | mitoses per 2 mm² | grade |", "|---|---|---|---|---|"]
    for name, f in cases.items():
        diff = {"well": "well differentiated", "poor": "poorly differentiated"}.get(f.differentiation or "", "-")
        ki67 = f"{f.ki67_percent:g} %" if f.ki67_percent is not None else "-"
        mit = f"{f.mitoses_per_2mm2:g}" if f.mitoses_per_2mm2 is not None else "-"
        lines.append(f"| {_nb0_cell(name)} | {diff} | {ki67} | {mit} | {grade(f).title} |")
    return _nb0_markdown("\n".join(lines))


def stains_words(stains: Mapping[str, str | None]) -> str:
    """Stain results in words, e.g. ``synaptophysin positive, keratin negative`` (keys as the arguments of
    :func:`netlib.markers.interpret`; stains not done are left out)."""
    return ", ".join(f"{_NB0_MARKERS.get(k, k.replace('_', ' '))} {v}" for k, v in stains.items() if v)


def marker_panels(panels: Mapping[str, Mapping[str, str]]) -> Markdown:
    """Named marker panels read by :func:`netlib.markers.interpret`, one row each (a Markdown table): the stains,
    whether there is neuroendocrine differentiation, the lineage, and the reasoning."""
    from netlib.markers import interpret

    lines = ["| panel | stains | NE differentiation | lineage | reasoning |", "|---|---|---|---|---|"]
    for name, stains in panels.items():
        r = interpret(**stains)
        lines.append(f"| {_nb0_cell(name)} | {_nb0_cell(stains_words(stains))} | {r.ne_differentiation} | "
                     f"{r.lineage} | {_nb0_cell(' '.join(r.steps))} |")
    return _nb0_markdown("\n".join(lines))


def panel_report_line(stains: Mapping[str, str]) -> str:
    """A one-sentence report line for a marker panel, built from :func:`netlib.markers.interpret`: the stains,
    then what they show about neuroendocrine differentiation and lineage."""
    from netlib.markers import interpret

    r = interpret(**stains)
    ne = {"yes": "neuroendocrine differentiation (read together with the morphology)",
          "no": "no neuroendocrine differentiation",
          "uncertain": "neuroendocrine differentiation not yet established (not every general marker was done)"}
    lineage = {"epithelial": "keratin positive, so an epithelial NEN (a NET or a NEC; the grade needs Ki-67 and "
                             "the mitotic count)",
               "non-epithelial": "keratin negative, which favours a non-epithelial NEN (paraganglioma)",
               "uncertain": "the lineage cannot be told without keratin"}
    return _nb0_capital(f"{stains_words(stains)}: {ne[r.ne_differentiation]}; {lineage[r.lineage]}.")


def commonest_site_choices() -> tuple[str, ...]:
    """The six primary sites of :data:`netlib.data.epidemiology.SITE_DISTRIBUTION`, alphabetically (so the order of
    the options does not give the ranking away)."""
    from netlib.data.epidemiology import SITE_DISTRIBUTION

    return tuple(sorted(s.site for s in SITE_DISTRIBUTION))


def marker_panel_question(title: str, stains: Mapping[str, str], prompt: str) -> Question:
    """A self-check: read a marker panel (neuroendocrine differentiation and lineage). The options are readings in
    words; key and feedback from :func:`~netlib.teaching.exercises.check_marker_panel`; the explanation is the
    panel's card from :func:`netlib.markers.interpret`."""
    from netlib.markers import interpret
    from netlib.teaching import questions as Q
    from netlib.teaching.exercises import check_marker_panel

    key = interpret(**stains)
    readings = [("yes", "epithelial"), ("yes", "non-epithelial"), ("no", "epithelial"), ("no", "non-epithelial"),
                ("uncertain", "uncertain")]
    if (key.ne_differentiation, key.lineage) not in readings:
        readings.append((key.ne_differentiation, key.lineage))
    return Q.choice_question(title, prompt, readings, lambda r: check_marker_panel(dict(stains), *r),
                             labels=lambda r: f"NE differentiation: {r[0]}; lineage: {r[1]}",
                             explanation_html=key._repr_html_())


def incidence_reading_key(year: int = 2000, tolerance: float = 0.5) -> NumericKey:
    """The key for reading the incidence of all NETs in ``year`` off the incidence chart (per 100,000 per year),
    right within ``tolerance``. Readings that show a misconception are named: the pancreatic line, the band the
    source summary quotes, another year's point. From :data:`netlib.data.epidemiology.INCIDENCE`."""
    from netlib.data.epidemiology import INCIDENCE, SEED_TEXT_INCIDENCE
    from netlib.teaching.exercises import NumericKey, Trap

    points = {(s.label, y): v for s in INCIDENCE for y, v in s.points}
    found = [(label, v) for (label, y), v in points.items() if y == year and label.startswith("all NETs")]
    if not found:
        raise InvalidValueError("year", f"no published all-NET point for {year!r}; years: "
                                + ", ".join(str(y) for (label, y) in points if label.startswith("all NETs")))
    label, value = found[0]
    lo, hi = SEED_TEXT_INCIDENCE
    traps = []
    pnet = {y: v for (lab, y), v in points.items() if lab.startswith("pancreatic")}
    pnet_source = next((lab.split(", ", 1)[-1] for (lab, _y) in points if lab.startswith("pancreatic")), "")
    if year in pnet:
        traps.append(Trap(value=pnet[year], tolerance=0.15,
                          message=f"that is the pancreatic NET line ({pnet[year]:g} per 100,000 in {year}); the "
                                  "question asks for all NETs."))
    traps.append(Trap(value=(lo + hi) / 2, tolerance=(hi - lo) / 2,
                      message=f"that is inside the {lo:g}-{hi:g} band quoted in the source summary, not a SEER value "
                              "for NETs as a whole."))
    for (lab, y), v in sorted(points.items(), key=lambda kv: kv[0][1]):
        if lab.startswith("all NETs") and y != year:
            traps.append(Trap(value=v, tolerance=0.3, message=f"that is the {y} point; the question asks for {year}."))
    source = label.split(", ", 1)[-1]
    also = f"; pancreatic NETs were {pnet[year]:g} that year ({pnet_source})" if year in pnet else ""
    return NumericKey(value=value, tolerance=tolerance, unit="per 100,000 per year",
                      correct=f"{source} gives {value:g} per 100,000 for {year}{also}.", traps=tuple(traps),
                      otherwise=f"find the {year} point of an all-NET line and read its height on the left axis.")
