"""Advanced disease and complications, explained: a liver-directed therapy, the debulking conventions, the Milan
criteria for liver transplantation, screening for carcinoid heart disease, the risk of a carcinoid crisis and the
follow-up after complete resection.

Each function returns a frozen result built on :class:`netlib.results.Explained`: the answer in words, the steps
that led to it, why not the neighbouring answer, flags for what to take care with, and the sources. The numbers and
criteria are data in :mod:`netlib.data.advanced`; nothing is restated here as a literal. The later-line treatment
rules (PRRT re-treatment, second-line NEC, lung and thymic carcinoids) are :func:`netlib.recommend`'s, not this
package's.

The feedback (``check_*``) and the model answers are here too; the questions and tables a trainee sees are built
from them in :mod:`netlib.teaching.advanced_questions` and :mod:`netlib.teaching.advanced_tables`. Teaching material, not a clinical decision tool.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from netlib import checks
from netlib.data import advanced as data
from netlib.findings import Findings
from netlib.results import Explained

if TYPE_CHECKING:
    from netlib.teaching.exercises import Feedback

__all__ = ["CAVEAT", "GRADES", "LiverChoice", "liver_directed", "DebulkingCheck", "debulking", "TRANSPLANT_LEVELS",
           "TRANSPLANT_WORDS", "TransplantCheck", "transplant_candidate", "check_transplant", "transplant_change_line",
           "ChdScreen", "CHD_ANSWERS", "chd_screening", "check_chd", "missed_per_100", "negative_predictive_value",
           "CrisisRisk", "CRISIS_LEVELS", "CRISIS_WORDS", "crisis_risk", "check_crisis", "FollowUpPlan",
           "FOLLOW_UP_LEVELS", "FOLLOW_UP_WORDS", "follow_up_plan", "follow_up_line"]

CAVEAT = ("Teaching material, not a clinical decision tool: a multidisciplinary tumour board decides, with the whole "
          "patient and the current guidelines.")
#: The grades the liver-directed chooser reads.
GRADES: tuple[str, ...] = ("G1", "G2", "G3")


def _pct(x: float) -> str:
    return f"{x:g} %"


# --- liver-directed therapy ---------------------------------------------------------------------------------------
_LIVER_FLAGS: dict[str, str] = {
    "comparable_efficacy": "The transarterial therapies have comparable efficacy and no prospective trial compares "
                           "them: the choice rests on toxicity, grade and tumour burden.",
    "beyond_best_range": "Liver involvement at or above the share below which these therapies work best: the "
                         "benefit is less certain; the tumour board weighs systemic therapy.",
    "grade_cut_off_not_stated": "The expert strategy keeps radioembolisation for a 'higher grade' without a cut-off: "
                                "where G2 stands is a judgement.",
    "grade_not_reported": "Grade not reported: read as low grade.",
    "one_expert_strategy": "The order is one expert strategy, not a guideline rule.",
}


@dataclass(frozen=True)
class LiverChoice(Explained):
    """The result of :func:`liver_directed`: ``first`` is a key of :data:`netlib.data.advanced.LIVER_OPTIONS`, or
    empty when the burden lies beyond where the therapies work best; ``alternatives`` the other reasonable options."""

    first: str
    alternatives: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    neighbour: str = ""

    card_title: ClassVar[str] = "Liver-directed therapy"
    flag_text: ClassVar[Mapping[str, str]] = _LIVER_FLAGS

    def headline(self) -> str:
        if not self.first:
            return "Beyond the range where liver-directed therapy works best: tumour board"
        return data.get_liver_option(self.first).name + " first (one expert strategy)"

    def subtitle(self) -> str:
        if not self.alternatives:
            return ""
        return "alternatives: " + "; ".join(data.get_liver_option(k).short for k in self.alternatives)

    def footer(self) -> str:
        return CAVEAT


def liver_directed(liver_involvement_percent: float, grade: str | None = None, *,
                   after_embolisation_failure: bool = False, pancreatic: bool | None = None) -> LiverChoice:
    """Which transarterial liver-directed therapy first, as one expert strategy orders them (facts 5.1-5.2)?

    ``liver_involvement_percent``: share of the liver replaced by metastases (0-100 %); the therapies work best below
    :data:`~netlib.data.advanced.LIVER_INVOLVEMENT_BEST_BELOW`. ``grade``: ``G1``, ``G2`` or ``G3`` (None: not
    reported). ``after_embolisation_failure``: embolisation has been tried and failed. ``pancreatic``: a pancreatic
    primary (TACE was possibly better than bland embolisation there).
    """
    share = checks.number("liver_involvement_percent", liver_involvement_percent, 0, 100, unit="% of the liver")
    if grade is not None:
        checks.choice("grade", grade, GRADES)
    checks.boolean("after_embolisation_failure", after_embolisation_failure)
    if pancreatic is not None:
        checks.boolean("pancreatic", pancreatic)
    limit = data.LIVER_INVOLVEMENT_BEST_BELOW
    flags, steps = ["comparable_efficacy"], []
    opts = data.LIVER_OPTIONS
    steps.append("Efficacy: " + opts["bland"].efficacy + "; radioembolisation " + opts["tare"].efficacy + ".")
    steps.append(f"Toxicity: {opts['tace'].toxicity}; radioembolisation carries {opts['tare'].toxicity}.")
    if share >= limit:
        flags.append("beyond_best_range")
        steps.append(f"Liver involvement {_pct(share)}: not below {_pct(limit)}, where these therapies work best.")
        neighbour = (f"Not an embolisation as a matter of course: the series place their benefit below {_pct(limit)} "
                     "liver involvement; the tumour board weighs systemic therapy.")
        return LiverChoice("", (), tuple(flags), tuple(steps + [neighbour]), data.LIVER_CHOICE_SOURCES, neighbour)
    steps.append(f"Liver involvement {_pct(share)}: below {_pct(limit)}, where these therapies work best.")
    flags.append("one_expert_strategy")
    if after_embolisation_failure:
        first = "tare"
        steps.append("Embolisation has failed: the expert strategy turns to radioembolisation.")
        neighbour = ("Not another bland embolisation: the strategy keeps radioembolisation for failure of "
                     "embolisation; efficacy is similar, so toxicity and what has failed decide.")
    elif grade == "G3":
        first = "tare"
        steps.append("G3: a higher grade, for which the expert strategy uses radioembolisation.")
        neighbour = ("Not bland embolisation first: the strategy keeps radioembolisation for a higher grade; its "
                     "long-term liver toxicity is the price.")
    else:
        first = "bland"
        if grade is None:
            flags.append("grade_not_reported")
            steps.append("Grade not reported: read as low grade, for which the strategy starts with bland "
                         "embolisation.")
        elif grade == "G2":
            flags.append("grade_cut_off_not_stated")
            steps.append("G2: the strategy says 'higher grade' for radioembolisation without a cut-off; bland "
                         "embolisation first, with radioembolisation as a reasonable alternative.")
        else:
            steps.append("G1: low grade, for which the strategy starts with bland embolisation.")
        neighbour = ("Not radioembolisation first: the strategy keeps it for a higher grade or after embolisation "
                     "fails, because efficacy is similar and it carries long-term liver toxicity.")
    alternatives = ["tace", "tare", "bland"]
    if pancreatic is True:
        steps.append("Pancreatic primary: chemoembolisation was possibly better than bland embolisation for pancreatic "
                     "NETs (not for small-intestinal NETs).")
    elif pancreatic is False:
        steps.append("Not pancreatic: chemoembolisation was not better than bland embolisation for small-intestinal "
                     "NETs.")
    steps.append("Ablation destroys deposits in place: an adjunct to resection that spares liver, or for patients "
                 "who cannot have surgery.")
    steps.append(neighbour)
    sources = data.LIVER_CHOICE_SOURCES + data.LIVER_OPTIONS["ablation"].sources
    return LiverChoice(first, tuple(k for k in dict.fromkeys(alternatives) if k != first), tuple(flags),
                       tuple(steps), tuple(dict.fromkeys(sources)), neighbour)


# --- debulking --------------------------------------------------------------------------------------------------
_DEBULK_FLAGS = {
    "series_conventions": "90 % and 70 % are conventions of surgical series, not guideline cut-offs.",
    "midgut_only": "The 70 % series was of midgut tumours only.",
}


@dataclass(frozen=True)
class DebulkingCheck(Explained):
    """The result of :func:`debulking`: ``met`` lists the conventions (keys of
    :data:`netlib.data.advanced.DEBULKING`) the planned operation meets."""

    met: tuple[str, ...]
    flags: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    card_title: ClassVar[str] = "Liver debulking"
    flag_text: ClassVar[Mapping[str, str]] = _DEBULK_FLAGS

    def headline(self) -> str:
        if len(self.met) == len(data.DEBULKING):
            return "Meets both debulking conventions"
        if self.met:
            return "Meets only the " + " and ".join(data.DEBULKING[k].name.lower() for k in self.met)
        return "Meets neither debulking convention"

    def footer(self) -> str:
        return CAVEAT


def debulking(removable_percent: float, extrahepatic_disease: bool, *, positive_margins: bool = False,
              midgut: bool = True) -> DebulkingCheck:
    """Which debulking conventions would an operation that removes ``removable_percent`` (0-100 %) of the liver disease
    meet? ``extrahepatic_disease``: disease outside the liver; ``positive_margins``: margins expected to be positive;
    ``midgut``: a midgut primary (the expanded series was midgut only). Conventions from
    :data:`netlib.data.advanced.DEBULKING` (fact sheet 1, section 8b)."""
    share = checks.number("removable_percent", removable_percent, 0, 100, unit="% of the liver disease")
    for name, value in (("extrahepatic_disease", extrahepatic_disease), ("positive_margins", positive_margins),
                        ("midgut", midgut)):
        checks.boolean(name, value)
    met, steps, flags, sources = [], [], ["series_conventions"], []
    for c in data.DEBULKING.values():
        reasons = []
        if share < c.threshold_percent:
            reasons.append(f"{_pct(share)} is below {_pct(c.threshold_percent)}")
        if extrahepatic_disease and not c.extrahepatic_allowed:
            reasons.append("it excludes extrahepatic disease")
        if positive_margins and not c.positive_margins_allowed:
            reasons.append("it does not allow positive margins")
        if reasons:
            steps.append(f"{c.name}: not met ({'; '.join(reasons)}).")
        else:
            met.append(c.key)
            steps.append(f"{c.name}: met ({_pct(share)} removable"
                         + ("; extrahepatic disease and positive margins allowed" if c.extrahepatic_allowed else "")
                         + ").")
        sources += list(c.sources)
    steps.append("The expanded series: " + data.DEBULKING["expanded"].series + ".")
    if not midgut:
        flags.append("midgut_only")
    text, keys = data.SI_NET_DEATHS
    steps.append(f"Why the liver matters: {text}.")
    sources += list(keys)
    return DebulkingCheck(tuple(met), tuple(flags), tuple(steps), tuple(dict.fromkeys(sources)))


# --- liver transplantation: the Milan criteria --------------------------------------------------------------------
TRANSPLANT_LEVELS: tuple[str, ...] = ("within", "later_only", "outside")
TRANSPLANT_WORDS: dict[str, str] = {
    "within": "Within the Milan criteria (2007 and later wording)",
    "later_only": "Within the later wording only; the 2007 wording is not met or does not settle it",
    "outside": "Outside the Milan criteria",
}
_TRANSPLANT_GRADES: tuple[str, ...] = ("G1", "G2", "G3", "NEC")
_TRANSPLANT_FLAGS = {
    "few_candidates": "Transplantation is for a few patients, chosen by a transplant centre.",
    "age_later_not_verified": "The later source does not restate the age limit: the 2007 limit is applied.",
    "wording_changed": "The two wordings differ here: say which one you apply.",
}


@dataclass(frozen=True)
class TransplantCheck(Explained):
    """The result of :func:`transplant_candidate`: ``level`` (one of :data:`TRANSPLANT_LEVELS`), the verdict of each
    criterion in each wording (``rows``: (criterion key, value in words, 2007 verdict, later verdict), a verdict
    True, False or None where the wording does not settle it), and the criteria that fail."""

    level: str
    rows: tuple[tuple[str, str, bool | None, bool | None], ...]
    failing_2007: tuple[str, ...] = ()
    failing_later: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    neighbour: str = ""

    card_title: ClassVar[str] = "Liver transplantation (Milan criteria)"
    flag_text: ClassVar[Mapping[str, str]] = _TRANSPLANT_FLAGS

    def headline(self) -> str:
        return TRANSPLANT_WORDS[self.level]

    def subtitle(self) -> str:
        failing = self.failing_later or self.failing_2007
        if not failing:
            return ""
        names = {c.key: c.name for c in data.MILAN_CRITERIA}
        return "not met: " + ", ".join(names[k] for k in failing)

    def footer(self) -> str:
        return CAVEAT


def _verdict(value: bool | None) -> str:
    return {True: "met", False: "not met", None: "not settled"}[value]


def transplant_candidate(*, grade: str, portal_drained: bool, primary_removed: bool, liver_only: bool,
                         liver_involvement_percent: float, stable_months: float, age_years: float,
                         major_comorbidity: bool, ki67_percent: float | None = None) -> TransplantCheck:
    """Check each Milan criterion (facts 5.4-5.5) in the 2007 wording and in the Milan group's later wording.

    ``grade``: ``G1``, ``G2``, ``G3`` or ``NEC``; ``ki67_percent`` (0-100, optional) for the later "Ki-67 below 10 %";
    ``portal_drained``: the primary drains to the portal system; ``primary_removed``: removed curatively before;
    ``liver_only``: no extrahepatic disease; ``liver_involvement_percent``: share of the liver involved (0-100 %);
    ``stable_months``: months of response or stable disease before (0-600); ``age_years`` (0-120);
    ``major_comorbidity``. The later wording restates grade, portal drainage, prior removal, stability and liver-only
    disease; the 50 % and age limits are applied as in 2007.
    """
    checks.choice("grade", grade, _TRANSPLANT_GRADES)
    for name, value in (("portal_drained", portal_drained), ("primary_removed", primary_removed),
                        ("liver_only", liver_only), ("major_comorbidity", major_comorbidity)):
        checks.boolean(name, value)
    share = checks.number("liver_involvement_percent", liver_involvement_percent, 0, 100, unit="% of the liver")
    months = checks.number("stable_months", stable_months, 0, 600, unit="months of response or stable disease")
    age = checks.number("age_years", age_years, 0, 120, unit="years")
    ki67 = None if ki67_percent is None else checks.number("ki67_percent", ki67_percent, 0, 100, unit="%")
    rows, steps = [], []
    crit = {c.key: c for c in data.MILAN_CRITERIA}
    # grade
    g07 = True if grade == "G1" else None if grade == "G2" else False
    glater = grade in ("G1", "G2") or (ki67 is not None and ki67 < data.MILAN_KI67_BELOW_LATER)
    gwords = grade + (f", Ki-67 {_pct(ki67)}" if ki67 is not None else "")
    rows.append(("grade", gwords, g07, glater))
    note = {True: "low grade", None: "the 2007 wording says 'low grade' without a Ki-67 figure, so whether G2 counts "
                                     "is not settled by it", False: "not low grade"}[g07]
    steps.append(f"Grade {gwords}: 2007 ({crit['grade'].wording_2007}): {note}; later ({crit['grade'].later}): "
                 f"{_verdict(glater)}.")
    # the unchanged yes/no criteria
    for key, value, words in (("portal", portal_drained, "drained by the portal system" if portal_drained else
                               "not drained by the portal system"),
                              ("primary_removed", primary_removed, "removed before" if primary_removed else
                               "not removed"),
                              ("liver_only", liver_only, "liver only" if liver_only else "disease outside the liver")):
        rows.append((key, words, value, value))
        steps.append(f"{crit[key].name.capitalize()}: {words}: {_verdict(value)} ({crit[key].wording_2007}).")
    # involvement
    inv = share <= data.MILAN_LIVER_INVOLVEMENT_MAX
    rows.append(("involvement", _pct(share), inv, inv))
    steps.append(f"Liver involvement {_pct(share)}: {_verdict(inv)} (at most "
                 f"{_pct(data.MILAN_LIVER_INVOLVEMENT_MAX)}; {crit['involvement'].later}).")
    # stability
    s07 = months >= data.MILAN_STABLE_MONTHS_2007
    slater = months >= data.MILAN_STABLE_MONTHS_LATER
    rows.append(("stability", f"{months:g} months", s07, slater))
    steps.append(f"Stable for {months:g} months: 2007 (at least {data.MILAN_STABLE_MONTHS_2007:g} months) "
                 f"{_verdict(s07)}; later ({crit['stability'].later}) {_verdict(slater)}.")
    # age and fitness
    fit = age <= data.MILAN_AGE_MAX and not major_comorbidity
    awords = f"{age:g} years" + (", major comorbidity" if major_comorbidity else "")
    rows.append(("age", awords, fit, fit))
    steps.append(f"Age and fitness, {awords}: {_verdict(fit)} ({crit['age'].wording_2007}; {crit['age'].later}).")
    failing_2007 = tuple(k for k, _w, v07, _vl in rows if v07 is not True)
    failing_later = tuple(k for k, _w, _v07, vl in rows if vl is not True)
    flags = ["few_candidates"]
    if failing_later:
        level = "outside"
        names = ", ".join(crit[k].name for k in failing_later)
        neighbour = (f"Not within the later wording either: {names} not met. Every criterion must hold; meeting the "
                     "others does not make up for one.")
    elif failing_2007:
        level = "later_only"
        flags.append("wording_changed")
        names = ", ".join(crit[k].name for k in failing_2007)
        neighbour = (f"Not 'within both': the 2007 wording is not met or does not settle {names}; the later wording "
                     f"({crit['grade'].later}; {crit['stability'].later}) admits the case.")
    else:
        level = "within"
        neighbour = ("Not 'outside': every criterion holds in both wordings. Being within the criteria makes a "
                     "patient a candidate for a transplant centre to assess, not a recipient.")
    if not fit:
        flags.append("age_later_not_verified")
    steps.append(neighbour)
    sources = list(data.MILAN_SOURCES) + [k for _t, keys in data.TRANSPLANT_OUTCOMES for k in keys]
    return TransplantCheck(level, tuple(rows), failing_2007, failing_later, tuple(flags), tuple(steps),
                           tuple(dict.fromkeys(sources)), neighbour)


def check_transplant(answer: str, **inputs) -> "Feedback":
    """Judge ``answer`` (one of :data:`TRANSPLANT_LEVELS`) for the case (keyword inputs of
    :func:`transplant_candidate`); a wrong answer is told the misconception it shows, not the key."""
    from netlib.teaching.exercises import Feedback

    key = transplant_candidate(**inputs)
    checks.choice("answer", answer, TRANSPLANT_LEVELS)
    explanation = f"{key.headline()}. {key.neighbour}"
    if answer == key.level:
        return Feedback(answer, key.level, True, f"{key.headline()}: {key.neighbour}", explanation)
    if answer == "within":
        msg = ("every criterion must hold in both wordings; check each one against its limit, not the ones that "
               "look favourable.")
    elif answer == "later_only":
        msg = ("the later wording changed only the grade and the months of stability; a criterion it did not change "
               "fails in both wordings." if key.level == "outside" else
               "check whether the 2007 wording is met as well: it may be.")
    else:
        msg = ("a G2 grade or 3-6 months of stability is where the wordings part; go through each criterion "
               "in each wording." if key.level == "later_only" else
               "go through the criteria one by one: each has a limit the case may meet.")
    return Feedback(answer, key.level, False, msg, explanation)


def transplant_change_line(before: Mapping[str, Any], after: Mapping[str, Any]) -> str:
    """What changes in :func:`transplant_candidate` when its inputs go from ``before`` to ``after``, in words."""
    for name, value in (("before", before), ("after", after)):
        checks.instance(name, value, Mapping, "a mapping of transplant_candidate inputs")
    a, b = transplant_candidate(**before), transplant_candidate(**after)
    names = {c.key: c.name for c in data.MILAN_CRITERIA}
    if a.level == b.level and a.failing_2007 == b.failing_2007:
        return f"Nothing changes: still '{TRANSPLANT_WORDS[a.level]}'."
    fixed = [names[k] for k in a.failing_later if k not in b.failing_later]
    new_07 = [names[k] for k in b.failing_2007 if k not in a.failing_2007]
    text = f"The answer moves from '{TRANSPLANT_WORDS[a.level]}' to '{TRANSPLANT_WORDS[b.level]}'."
    if fixed:
        text += " Now met: " + ", ".join(fixed) + "."
    if new_07:
        text += " Newly short of the 2007 wording: " + ", ".join(new_07) + "."
    if b.level == "later_only":
        text += " The two wordings part here: state which one you apply."
    return text


# --- carcinoid heart disease screening ----------------------------------------------------------------------------
CHD_ANSWERS: dict[str, str] = {
    "ruled_out": "Carcinoid heart disease ruled out: no echocardiogram needed",
    "echo_decides": "Not ruled out: transthoracic echocardiography decides",
    "confirmed": "Carcinoid heart disease confirmed: plan valve surgery",
}
_CHD_FLAGS = {
    "cohorts_differ": "The same cut-off performed very differently in the 2008 and 2023 cohorts.",
    "on_cut_off": "The value lies exactly on the cut-off; the sources do not say on which side 260 itself falls.",
    "outside_cohorts": "Both cohorts studied patients with carcinoid syndrome or disseminated small-intestinal NETs; "
                       "screening is advised for carcinoid syndrome.",
    "derived": "Negative predictive values are derived here from each cohort's sensitivity, specificity and "
               "prevalence; the papers' own figures may differ.",
}


def missed_per_100(cohort: str) -> float:
    """Of 100 patients with carcinoid heart disease, how many test below the cut-off in ``cohort`` (``2008`` or
    ``2023``): 100 minus the sensitivity."""
    c = _cohort(cohort)
    return 100.0 - c.sensitivity


def negative_predictive_value(cohort: str) -> float:
    """The share (%) of patients below the cut-off who have no carcinoid heart disease, derived from the cohort's
    sensitivity, specificity and prevalence (Bayes)."""
    c = _cohort(cohort)
    p, se, sp = c.prevalence / 100, c.sensitivity / 100, c.specificity / 100
    return 100.0 * sp * (1 - p) / (sp * (1 - p) + (1 - se) * p)


def _cohort(key: str) -> data.ScreeningCohort:
    checks.choice("cohort", key, tuple(data.CHD_COHORTS))
    return data.CHD_COHORTS[key]


@dataclass(frozen=True)
class ChdScreen(Explained):
    """The result of :func:`chd_screening`: ``position`` (``below``, ``on`` or ``above`` the cut-off) and ``answer``
    (a key of :data:`CHD_ANSWERS`: always ``echo_decides``, since no value settles it)."""

    value: float
    position: str
    answer: str = "echo_decides"
    flags: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    card_title: ClassVar[str] = "Screening for carcinoid heart disease"
    flag_text: ClassVar[Mapping[str, str]] = _CHD_FLAGS

    def headline(self) -> str:
        cut = f"{data.NT_PROBNP_CUTOFF_PG_ML:g} pg/mL"
        where = {"below": f"below {cut}", "on": f"exactly {cut}", "above": f"above {cut}"}[self.position]
        return f"NT-proBNP {self.value:g} pg/mL, {where}: echocardiography decides"

    def subtitle(self) -> str:
        if self.position == "below":
            return "a value below the cut-off does not rule carcinoid heart disease out in every cohort"
        return "a raised value calls for echocardiography; it does not diagnose carcinoid heart disease"

    def footer(self) -> str:
        return CAVEAT


def chd_screening(nt_probnp_pg_ml: float, *, carcinoid_syndrome: bool = True) -> ChdScreen:
    """Read an NT-proBNP (pg/mL = ng/L, 0-100,000) as a screen for carcinoid heart disease against the cut-off of
    :data:`netlib.data.advanced.NT_PROBNP_CUTOFF_PG_ML`, cohort by cohort (facts 4.1-4.5)."""
    value = checks.number("nt_probnp_pg_ml", nt_probnp_pg_ml, 0, 100_000, unit="pg/mL")
    checks.boolean("carcinoid_syndrome", carcinoid_syndrome)
    cut = data.NT_PROBNP_CUTOFF_PG_ML
    position = "below" if value < cut else "on" if value == cut else "above"
    flags, steps, sources = ["cohorts_differ"], [], []
    if position == "on":
        flags.append("on_cut_off")
    if not carcinoid_syndrome:
        flags.append("outside_cohorts")
    for c in data.CHD_COHORTS.values():
        line = (f"{c.label} ({c.n} {c.population}; {c.with_chd} with heart disease, {c.prevalence:.1f} %): at "
                f"{cut:g} pg/mL sensitivity {_pct(c.sensitivity)}, specificity {_pct(c.specificity)}; {c.finding}.")
        if position == "below":
            line += (f" Below the cut-off were {missed_per_100(c.key):g} of every 100 patients with heart disease; "
                     f"of those below it, about {100 - negative_predictive_value(c.key):.0f} % still had it (derived).")
        steps.append(line)
        sources += list(c.sources)
    if position == "below":
        flags.append("derived")
        sens = ", ".join(f"{_pct(c.sensitivity)} in the {c.label}" for c in data.CHD_COHORTS.values())
        steps.append("So a value below the cut-off lowers the likelihood but does not rule heart disease out in every "
                     f"cohort: the sensitivity was {sens}.")
    else:
        steps.append("A value at or above the cut-off raises the likelihood; it is not a diagnosis.")
    markers = "; ".join(f"{m} {a:g}" for m, a, _t in data.CHD_MARKERS_2023)
    steps.append(f"In the 2023 cohort other markers did better (area under the ROC curve: {markers}).")
    steps.append("Transthoracic echocardiography makes the diagnosis; screen every patient with carcinoid syndrome.")
    sources += [k for _t, keys in data.CHD_FACTS[:2] for k in keys]
    return ChdScreen(value, position, "echo_decides", tuple(flags), tuple(steps), tuple(dict.fromkeys(sources)))


def check_chd(answer: str, nt_probnp_pg_ml: float) -> "Feedback":
    """Judge ``answer`` (a key of :data:`CHD_ANSWERS`) for an NT-proBNP value."""
    from netlib.teaching.exercises import Feedback

    key = chd_screening(nt_probnp_pg_ml)
    checks.choice("answer", answer, tuple(CHD_ANSWERS))
    explanation = f"{key.headline()}; {key.subtitle()}."
    if answer == key.answer:
        return Feedback(answer, key.answer, True, f"{CHD_ANSWERS[answer]}: {key.subtitle()}; in the 2023 cohort the "
                        f"cut-off caught only {data.CHD_COHORTS['2023'].sensitivity:g} % of patients with heart "
                        "disease.", explanation)
    if answer == "ruled_out":
        msg = ("a cut-off validated in one cohort does not carry its sensitivity everywhere: look at how many "
               "patients with heart disease each cohort's test missed.")
    else:
        msg = ("NT-proBNP is a screening test: neither a high nor a low value makes the diagnosis, and valve surgery "
               "is decided on imaging.")
    return Feedback(answer, key.answer, False, msg, explanation)


# --- carcinoid crisis ---------------------------------------------------------------------------------------------
CRISIS_LEVELS: tuple[str, ...] = ("raised", "present", "lower_not_absent", "no_trigger")
CRISIS_WORDS: dict[str, str] = {
    "raised": "Raised risk: liver metastases",
    "present": "Risk present: carcinoid syndrome",
    "lower_not_absent": "Lower, but not absent: crises occur without liver metastases or the syndrome",
    "no_trigger": "No procedure planned: crises are rarely spontaneous",
    "no_risk": "No risk: a crisis needs liver metastases or the syndrome",
    "octreotide_prevents": "Octreotide cover prevents it: nothing else to prepare",
}
_CRISIS_FLAGS = {
    "prophylaxis_unproven": "Octreotide prophylaxis is customary but unproven; no standard dose, route or timing.",
    "be_ready": "Be ready to treat at once: complications rose when instability lasted more than 10 minutes.",
    "catecholamine_caution": "Sources differ on drugs in a crisis: an older caution against catecholamines and calcium; "
                             "the OHSU series used prompt vasopressors.",
}


@dataclass(frozen=True)
class CrisisRisk(Explained):
    """The result of :func:`crisis_risk`: ``level`` (one of :data:`CRISIS_LEVELS`, highest first)."""

    level: str
    flags: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    card_title: ClassVar[str] = "Carcinoid crisis"
    flag_text: ClassVar[Mapping[str, str]] = _CRISIS_FLAGS

    def headline(self) -> str:
        return CRISIS_WORDS[self.level]

    def subtitle(self) -> str:
        return "no validated score: these are the factors the series name"

    def footer(self) -> str:
        return CAVEAT


def crisis_risk(*, liver_metastases: bool, carcinoid_syndrome: bool, procedure: bool = True) -> CrisisRisk:
    """What the series say about a carcinoid crisis for this patient (facts 4.7-4.9): ``liver_metastases``,
    ``carcinoid_syndrome``, ``procedure`` (an operation or procedure under anaesthesia is planned)."""
    for name, value in (("liver_metastases", liver_metastases), ("carcinoid_syndrome", carcinoid_syndrome),
                        ("procedure", procedure)):
        checks.boolean(name, value)
    c = data.CRISIS
    steps = [f"Carcinoid crisis: {c['incidence'][0]}.", f"Triggers: {c['triggers'][0].split('triggers: ', 1)[1]}."]
    if not procedure:
        level = "no_trigger"
    elif liver_metastases:
        level = "raised"
    elif carcinoid_syndrome:
        level = "present"
    else:
        level = "lower_not_absent"
    steps.append(f"Liver metastases {'present' if liver_metastases else 'absent'}: {c['liver_metastases'][0]}.")
    steps.append(f"Carcinoid syndrome {'present' if carcinoid_syndrome else 'absent'}: in the OHSU series crises were "
                 "linked to liver metastases and the syndrome, but occurred without either.")
    steps.append(f"Octreotide: {c['octreotide'][0]}.")
    steps.append(f"The {c['infusion_series'][0]}.")
    steps.append("Prepare: be ready with vasopressors; " + c["older_caution"][0] + ".")
    flags = ["prophylaxis_unproven", "be_ready", "catecholamine_caution"]
    sources = [k for key in ("incidence", "liver_metastases", "octreotide", "infusion_series", "triggers",
                             "older_caution") for k in c[key][1]]
    return CrisisRisk(level, tuple(flags), tuple(steps), tuple(dict.fromkeys(sources)))


def check_crisis(answer: str, **inputs) -> "Feedback":
    """Judge ``answer`` (a level, or the misconceptions ``no_risk`` / ``octreotide_prevents``) for the patient
    (keyword inputs of :func:`crisis_risk`)."""
    from netlib.teaching.exercises import Feedback

    key = crisis_risk(**inputs)
    checks.choice("answer", answer, tuple(CRISIS_WORDS))
    explanation = key.headline() + "."
    if answer == key.level:
        return Feedback(answer, key.level, True, f"{key.headline()}. Octreotide cover is customary but unproven; be "
                        "ready with vasopressors.", explanation)
    msgs = {
        "no_risk": "in the OHSU series crises occurred without liver metastases or the syndrome; the risk is lower, "
                   "not zero.",
        "octreotide_prevents": f"prophylactic octreotide was not associated with fewer crises (odds ratio "
                               f"{data.CRISIS_OCTREOTIDE_OR:g}, not significant), and crises occurred on a continuous "
                               "infusion.",
        "raised": f"the risk rises most with liver metastases (odds ratio {data.CRISIS_LIVER_OR:g}); check whether "
                  "this patient has them.",
        "present": "check which factors this patient has: liver metastases and the syndrome are named separately.",
        "lower_not_absent": "check which factors this patient has: liver metastases or the syndrome change the "
                            "picture.",
        "no_trigger": "a procedure under anaesthesia is the usual trigger, and one is planned.",
    }
    return Feedback(answer, key.level, False, msgs[answer], explanation)


# --- follow-up after complete resection ---------------------------------------------------------------------------
FOLLOW_UP_LEVELS: tuple[str, ...] = ("no_follow_up", "may_need_none", "standard", "closer", "nec")
FOLLOW_UP_WORDS: dict[str, str] = {
    "no_follow_up": "No follow-up needed (ESMO, as summarised)",
    "may_need_none": "May need no follow-up (CommNETs/NANETS: selected low-risk tumours)",
    "standard": "Standard follow-up",
    "closer": "Closer follow-up",
    "nec": "Close follow-up for NEC: every 2-3 months",
    "not_covered": "Not complete resection: these schedules do not apply",
}
_FU_FLAGS = {
    "sources_differ": "CommNETs/NANETS and ESMO (read in a secondary summary) differ in detail: name the source you "
                      "follow.",
    "ki67_missing": "Ki-67 not reported: the grade and the Ki-67 above 5 % criterion cannot be read.",
    "margin_not_r0": "The schedules are for complete (R0) resection.",
    "margin_unknown": "Margin not reported: a tumour is read as low risk only after a complete (R0) resection.",
    "late_recurrence": "Recurrences are seen after 10-20 years.",
}
#: A site as an adjective, for steps a trainee reads.
_SITE_ADJ: dict[str, str] = {"appendix": "appendiceal", "rectum": "rectal", "pancreas": "pancreatic",
                             "jejunum_ileum": "small-intestinal", "colon": "colonic", "ampulla": "ampullary",
                             "stomach": "gastric", "duodenum": "duodenal"}


@dataclass(frozen=True)
class FollowUpPlan(Explained):
    """The result of :func:`follow_up_plan`: ``level`` (one of :data:`FOLLOW_UP_LEVELS`, or ``not_covered``) and
    ``items`` (keys of :data:`netlib.data.advanced.FOLLOW_UP` that apply)."""

    level: str
    items: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    neighbour: str = ""

    card_title: ClassVar[str] = "Follow-up after resection"
    flag_text: ClassVar[Mapping[str, str]] = _FU_FLAGS

    def headline(self) -> str:
        return FOLLOW_UP_WORDS[self.level]

    def footer(self) -> str:
        return CAVEAT


def _adverse_features(f: Findings) -> dict[str, bool | None]:
    """The adverse features a small appendiceal or rectal NET is read for (True present, False known absent, None
    not reported): lymphovascular invasion, invasion of the muscularis propria or deeper and, in the appendix,
    mesoappendiceal invasion beyond the ENETS risk depth and a tumour at the base. The mesoappendix depth is the
    treatment rules' (:data:`netlib.data.treatment_rules.MESOAPPENDIX_RISK_MM`), imported, not restated."""
    from netlib.data.treatment_rules import DEEP, MESOAPPENDIX_RISK_MM

    out: dict[str, bool | None] = {
        "lymphovascular invasion": f.lymphovascular_invasion,
        "invasion of the muscularis propria or deeper": None if f.depth is None else f.depth in DEEP,
    }
    if f.site == "appendix":
        if f.mesoappendix_invasion_mm is not None:
            meso = f.mesoappendix_invasion_mm > MESOAPPENDIX_RISK_MM
        else:
            meso = None if f.invasion is None or "mesoappendix" in f.invasion else False
        out[f"mesoappendiceal invasion deeper than {MESOAPPENDIX_RISK_MM:g} mm"] = meso
        out["tumour at the appendix base"] = f.appendix_base
    return out


def follow_up_plan(findings: Findings) -> FollowUpPlan:
    """Follow-up after complete resection (facts 5.15-5.17) for a resected tumour: reads ``site``, ``gastric_type``,
    the grade (:func:`netlib.grade`), ``ki67_percent``, ``size_cm``, ``regional_nodes_positive`` /
    ``clinical_nodes``, ``margin``, ``depth``, ``lymphovascular_invasion`` and, for the appendix,
    ``mesoappendix_invasion_mm`` / ``invasion`` and ``appendix_base``.

    Levels, lowest first (:data:`FOLLOW_UP_LEVELS`): ``no_follow_up`` (ESMO, as summarised: R0 G1 appendiceal or
    rectal NET below 1 cm, node-negative, every adverse feature known to be absent); ``may_need_none``
    (CommNETs/NANETS: G1, node-negative, below 2 cm, R0, no adverse feature reported; never for small-intestinal,
    colonic or ampullary NETs, nor for a gastric NET unless its type is known and not type 3); ``standard``;
    ``closer`` (node-positive or Ki-67 above 5 %); ``nec``. Adding an adverse feature never lowers the level. The
    at-least-10-years item is never given with "may need no follow-up".
    """
    from netlib.grading import grade

    checks.instance("findings", findings, Findings, "a netlib.Findings")
    f = findings
    g = grade(f).label
    items, steps, flags = [], [], ["sources_differ"]
    site = _SITE_ADJ.get(f.site or "", "")
    if f.margin in ("R1", "R2"):
        flags.append("margin_not_r0")
        steps.append(f"Margin {f.margin}: not a complete resection, so the follow-up schedules do not apply; the "
                     "tumour board decides what follows.")
        return FollowUpPlan("not_covered", (), tuple(flags), tuple(steps), tuple(data.FOLLOW_UP["closer"].sources))
    if f.margin is None:
        flags.append("margin_unknown")
    nodes_pos = (f.regional_nodes_positive or 0) > 0 or (f.regional_nodes_positive is None
                                                         and f.clinical_nodes == "positive")
    node_negative = f.regional_nodes_positive == 0 or (f.regional_nodes_positive is None
                                                       and f.clinical_nodes == "negative")
    ki67 = f.ki67_percent
    high_ki67 = ki67 is not None and ki67 > data.FOLLOW_UP_KI67_CLOSER_ABOVE
    adverse = _adverse_features(f)
    present = [name for name, v in adverse.items() if v is True]
    unknown = [name for name, v in adverse.items() if v is None]
    steps.append(f"Grade: {g}" + (f" (Ki-67 {_pct(ki67)})" if ki67 is not None else "") + ".")
    if ki67 is None:
        flags.append("ki67_missing")

    # why the ESMO exception (no follow-up) does not apply; empty when it does
    esmo_size = data.NO_FOLLOW_UP_SIZE_BELOW_CM
    not_esmo = [w for w, miss in (
        ("not G1", g != "NET G1"),
        ("not an appendiceal or rectal NET", f.site not in data.NO_FOLLOW_UP_SITES),
        (f"not known to be below {esmo_size:g} cm", f.size_cm is None or f.size_cm >= esmo_size),
        ("margin not known to be R0", f.margin != "R0"),
        ("node status not known to be negative", not node_negative),
    ) if miss]
    if f.site in data.NO_FOLLOW_UP_SITES:  # adverse features matter for the exception's own sites only
        not_esmo += [f"{name} present" for name in present] + [f"{name} not reported" for name in unknown]
    # why the CommNETs/NANETS low-risk example (may need no follow-up) does not apply; empty when it does
    low_size = data.LOW_RISK_EXAMPLE_SIZE_BELOW_CM
    not_low = [w for w, miss in (
        ("not G1", g != "NET G1"),
        ("node status not known to be negative", not node_negative),
        (f"not known to be below {low_size:g} cm", f.size_cm is None or f.size_cm >= low_size),
        ("margin not known to be R0", f.margin != "R0"),
        (f"a {site} NET, for which the idea that a small G1 tumour may need nothing does not apply",
         f.site in data.LOW_RISK_EXCLUDED_SITES),
        ("a type 3 gastric NET (these metastasise in more than half)",
         f.site == "stomach" and f.gastric_type in data.LOW_RISK_EXCLUDED_GASTRIC_TYPES),
        ("a gastric NET of unknown type (type 3 not excluded)", f.site == "stomach" and f.gastric_type is None),
    ) if miss]
    not_low += [f"{name} present" for name in present]

    if g == "NEC":
        level = "nec"
        items += ["esmo_nec"]
        steps.append("NEC: every 2-3 months (ESMO, as summarised), without widening after 5 years.")
        neighbour = "Not the intervals for G1/G2 NETs: a neuroendocrine carcinoma is followed far more closely."
    elif nodes_pos or high_ki67:
        level = "closer"
        why = [w for w, hit in (("node-positive", nodes_pos),
                                (f"Ki-67 above {_pct(data.FOLLOW_UP_KI67_CLOSER_ABOVE)}", high_ki67)) if hit]
        items += ["closer"]
        steps.append(f"{' and '.join(why).capitalize()}: closer follow-up (CommNETs/NANETS). Why Ki-67 above "
                     f"{_pct(data.FOLLOW_UP_KI67_CLOSER_ABOVE)}: {data.FOLLOW_UP_RATIONALE[0]}.")
        neighbour = f"Not standard follow-up: {' and '.join(why)} calls for closer follow-up (CommNETs/NANETS)."
    elif not not_esmo:
        level = "no_follow_up"
        items += ["esmo_none"]
        steps.append(f"G1 {site} NET below {esmo_size:g} cm, R0, node-negative, and every adverse feature known to be "
                     f"absent ({', '.join(adverse)}): no follow-up needed (ESMO, as summarised).")
        neighbour = ("Not 'may need no follow-up' or standard follow-up: every condition of the ESMO exception is "
                     "known and met. Had any adverse feature been present or not reported, the exception would not "
                     "apply.")
    elif not not_low:
        level = "may_need_none"
        items += ["low_risk"]
        steps.append(f"G1, node-negative, below {low_size:g} cm, R0, no adverse feature reported: the CommNETs/NANETS "
                     "example of a selected low-risk tumour that may need no follow-up. Whether to follow up is "
                     "decided for the patient; if followed, use the schedule for the site.")
        neighbour = ("Not 'no follow-up needed' (the ESMO exception): " + "; ".join(not_esmo) + ". Not standard "
                     "follow-up without comment: the tumour fits the CommNETs/NANETS low-risk example.")
    else:
        level = "standard"
        steps.append("No feature calling for closer follow-up (node-positive, Ki-67 above "
                     f"{_pct(data.FOLLOW_UP_KI67_CLOSER_ABOVE)}) and not a low-risk tumour.")
        neighbour = "Not 'may need no follow-up' (the CommNETs/NANETS low-risk example): " + "; ".join(not_low) + "."
    if level in ("standard", "may_need_none") and g in ("NET G1", "NET G2"):
        items += ["esmo_low_grade", "esmo_after_5"]
        steps.append("ESMO, as summarised: G1/G2 with a low Ki-67 every 6-12 months; after 5 years every 1-2 years"
                     + ("; its no-follow-up exception covers only small appendiceal and rectal NETs."
                        if level == "may_need_none" else "."))
    elif level == "closer" and g in ("NET G1", "NET G2"):
        items += ["esmo_after_5"]
        steps.append("ESMO, as summarised, gives every 6-12 months for G1/G2 with a low Ki-67 without defining 'low'; "
                     "CommNETs/NANETS set the mark for closer follow-up. After 5 years ESMO widens to every 1-2 years.")
    if g == "NET G3":
        steps.append("NET G3: ESMO, as summarised, gives intervals for G1/G2 and for NEC only; it does not widen "
                     "them after 5 years for G3.")
    followed = level not in ("no_follow_up", "may_need_none")
    if followed and f.site in ("pancreas", "jejunum_ileum"):
        items += ["duration"]
        steps.append(f"Pancreatic and small-bowel NETs: follow up for at least {data.FOLLOW_UP_MIN_YEARS} years "
                     "(CommNETs/NANETS).")
    if followed and f.site == "pancreas":
        items += ["pnet_imaging"]
        steps.append("Pancreatic NET: CT or MRI yearly for 3 years, then every 1-2 years (CommNETs/NANETS).")
    if level not in ("no_follow_up", "nec"):
        flags.append("late_recurrence")
    steps.append(neighbour)
    sources = [k for i in dict.fromkeys(items) for k in data.FOLLOW_UP[i].sources]
    sources = sources or list(data.FOLLOW_UP["closer"].sources)
    return FollowUpPlan(level, tuple(dict.fromkeys(items)), tuple(flags), tuple(steps), tuple(dict.fromkeys(sources)),
                        neighbour)


def follow_up_line(findings: Findings) -> str:
    """The follow-up plan for ``findings`` in a few sentences, each part under the source that says it (the model
    answer of :func:`follow_up_task`)."""
    plan = follow_up_plan(findings)
    by_source: dict[str, list[str]] = {}
    for i in plan.items:
        item = data.FOLLOW_UP[i]
        by_source.setdefault(item.source_name, []).append(item.says)
    text = plan.headline() + "."
    for name, says in by_source.items():
        text += f" {name}: " + "; ".join(says) + "."
    if plan.level == "closer":
        text += f" Why Ki-67 above {_pct(data.FOLLOW_UP_KI67_CLOSER_ABOVE)} matters: {data.FOLLOW_UP_RATIONALE[0]}."
    if plan.level == "may_need_none":
        text += (" ESMO, as summarised, makes its no-follow-up exception only for small appendiceal and rectal NETs "
                 "without adverse features.")
    if "late_recurrence" in plan.flags and "esmo_after_5" not in plan.items:
        text += " Recurrences are seen after 10-20 years."
    return text + " The two sources differ in detail: name the one you follow."
