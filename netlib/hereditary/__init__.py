"""Hereditary syndromes and molecular pathology, explained: who meets a verified germline-testing indication, and what
p53/Rb (and DAXX/ATRX) staining adds to NET G3 versus NEC.

:func:`germline_referral` reads one case (a :class:`~netlib.findings.Findings` plus the few facts the indications
use: several tumours, the other main MEN1 tumours, a relative with MEN1, a family pattern, the age) and says whether
it meets a verified indication for genetic risk evaluation, which one, why not the neighbouring answer, which red
flags are present, which unreported inputs could change the answer, and which reported inputs did not. The
indications, red flags and MEN1 criteria are data in :mod:`netlib.data.hereditary`; only NCCN as summarised in
2022 is encoded (ENETS 2023 and ESMO 2020 wording was not verified).

:func:`p53_rb_aid` reads the stains as an aid: aberrant p53 or lost Rb favour NEC, DAXX/ATRX loss favours NET G3,
and morphology decides.

The feedback (:func:`check_referral`, :func:`check_stains`), the model answers and the keys of the typed tasks are
here too; the questions and tables a trainee sees are built from them in :mod:`netlib.teaching.hereditary_questions`
and :mod:`netlib.teaching.hereditary_tables`.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from netlib import checks
from netlib.data import hereditary as data
from netlib.errors import InvalidTypeError, InvalidValueError
from netlib.findings import Findings
from netlib.results import Explained

if TYPE_CHECKING:
    from netlib.teaching.exercises import Feedback, NumericKey

__all__ = ["LEVELS", "LEVEL_WORDS", "OTHER_TUMOURS", "INPUT_WORDS", "FLAGS", "Referral", "germline_referral",
           "men1_criteria_met", "check_referral", "referral_change_line", "STAINS", "READINGS", "READING_WORDS",
           "STAIN_FLAGS", "StainReading", "p53_rb_aid", "check_stains", "stain_report_line", "penetrance_key"]

#: The answers, strongest first.
LEVELS: tuple[str, ...] = ("recommended", "consider", "red_flags_only", "no_indication")
LEVEL_WORDS: dict[str, str] = {
    "recommended": "Genetic risk evaluation recommended",
    "consider": "Consider genetic risk evaluation",
    "red_flags_only": "Red flags, no listed indication: discuss with clinical genetics",
    "no_indication": "No verified indication",
}
#: The other main MEN1 tumours a person may have had (besides a duodenal or pancreatic NET).
OTHER_TUMOURS: tuple[str, ...] = ("parathyroid", "pituitary")
_OTHER_WORDS = {"parathyroid": "a parathyroid tumour (hyperparathyroidism)", "pituitary": "an anterior pituitary tumour"}

#: Each input in the words a trainee reads.
INPUT_WORDS: dict[str, str] = {
    "site": "site", "differentiation": "differentiation", "syndrome": "functioning syndrome",
    "gastric_type": "gastric NET type", "functioning": "functioning status", "multifocal": "several tumours",
    "age_years": "age", "other_tumours": "other main MEN1 tumours", "relative_with_men1": "a relative with MEN1",
    "family_pattern": "a family pattern",
}
_DUODENAL = ("duodenum", "ampulla")
_HISTORY = ("multifocal", "age_years", "other_tumours", "relative_with_men1", "family_pattern")

#: Flag codes of a :class:`Referral` and what they mean.
FLAGS: dict[str, str] = {
    "men1_criteria_met": "The MEN1 clinical criteria are met. 5-25 % of patients diagnosed this way carry no MEN1 "
                         "mutation (phenocopies); germline CDKN1B variants (MEN4) are one explanation.",
    "men1_course_reading": "MEN1 is suspected on the course's reading of 'suspected MEN1', not on the clinical "
                           "criteria: a tumour MEN1 causes (gastric NET other than type 1, thymic or bronchial NET) with "
                           "another main MEN1 tumour or a relative with MEN1. About 25 % of thymic neuroendocrine "
                           "neoplasms are MEN1-associated.",
    "red_flags": "Red flags for an inherited syndrome are present.",
    "red_flags_not_counted": "Findings that are red flags elsewhere were not counted: the course reads the red flags "
                             "for " + data.RED_FLAG_CONTEXT_WORDS + ".",
    "list_incomplete": "The list encoded here (NCCN as summarised in 2022) is incomplete: ENETS and ESMO wording was "
                       "not verified. It does not settle this case: discuss it with clinical genetics.",
    "nec_not_net": "A poorly differentiated carcinoma (NEC) is not a NET: the duodenal or pancreatic NET "
                   "indication does not cover it. Germline testing in NEC was not reviewed for this course, which is "
                   "not to say there is no indication.",
    "nec_gastrinoma": "A NEC is not a NET, so the duodenal or pancreatic NET item does not apply; the gastrinoma item "
                      "does, whatever the tumour. Germline testing in NEC as such was not reviewed for this course.",
    "differentiation_assumed_well": "Differentiation not reported: the tumour was read as a NET.",
    "inputs_missing": "Inputs that could change the answer were not reported: ask about them.",
    "ampulla_as_duodenum": "An ampullary NET is counted as duodenal: this is the course's reading (the ampulla of "
                           "Vater lies in the duodenal wall); the indication itself names duodenal NETs.",
}


def _rank(level: str) -> int:
    return len(LEVELS) - LEVELS.index(level)


@dataclass(frozen=True)
class Referral(Explained):
    """The result of :func:`germline_referral`.

    ``level``: one of :data:`LEVELS`; ``indications``: keys of :data:`netlib.data.hereditary.TESTING_INDICATIONS`
    that the case meets; ``red_flags``: keys of :data:`netlib.data.hereditary.RED_FLAGS`; ``missing``: inputs
    (keys of :data:`INPUT_WORDS`) not reported that could raise the answer; ``did_not_change``: reported inputs
    (input names or :class:`~netlib.findings.Findings` fields) whose removal leaves the answer, the indications and
    the red flags as they are.
    """

    level: str
    indications: tuple[str, ...] = ()
    red_flags: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    did_not_change: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    neighbour: str = ""

    card_title: ClassVar[str] = "Germline testing"
    flag_text: ClassVar[Mapping[str, str]] = FLAGS

    def headline(self) -> str:
        return LEVEL_WORDS[self.level]

    def subtitle(self) -> str:
        if self.indications:
            text = "indication: " + "; ".join(_SHORT_WORDS.get(k, data.TESTING_INDICATIONS[k].words)
                                                for k in self.indications)
            if "ampulla_as_duodenum" in self.flags and "duodenal_or_pancreatic_net" in self.indications:
                text += " (an ampullary NET counted as duodenal: the course's reading)"
            return text
        if self.red_flags:
            return "red flags: " + "; ".join(data.RED_FLAGS[k] for k in self.red_flags)
        return ""

    def footer(self) -> str:
        return ("Indications as NCCN states them in a 2022 summary; ENETS 2023 and ESMO 2020 wording on who to test "
                "was not verified for this course. Teaching material, not a referral decision.")

    def extra_text(self) -> list[str]:
        out = []
        if self.missing:
            out.append("Not reported, and could change the answer: " + ", ".join(_field_words(k) for k in self.missing))
        if self.did_not_change:
            out.append("Reported, and did not change the answer: "
                       + ", ".join(_field_words(k) for k in self.did_not_change))
        return out

    def extra_html(self) -> str:
        from html import escape

        lines = self.extra_text()
        return "".join(f'<p style="margin:2px 0 6px;max-width:820px">{escape(t)}.</p>' for t in lines)


#: Shorter words on the card's subtitle (the full words are in the steps and in the indication list).
_SHORT_WORDS = {"suspected_men1": "suspected MEN1 (see the MEN1 step)"}


def _field_words(name: str) -> str:
    if name in INPUT_WORDS:
        return INPUT_WORDS[name]
    from netlib.findings import FIELD_LABELS

    return FIELD_LABELS.get(name, name.replace("_", " "))


# --- validation -------------------------------------------------------------------------------------------------
def _check_history(multifocal, age_years, other_tumours, relative_with_men1, family_pattern):
    for name, value in (("multifocal", multifocal), ("relative_with_men1", relative_with_men1),
                        ("family_pattern", family_pattern)):
        if value is not None:
            checks.boolean(name, value)
    if age_years is not None:
        age_years = checks.number("age_years", age_years, 0, 120, unit="years at diagnosis")
    if other_tumours is not None:
        other_tumours = tuple(dict.fromkeys(checks.words("other_tumours", other_tumours, OTHER_TUMOURS,
                                                         what="a list of other main MEN1 tumours")))
    return multifocal, age_years, other_tumours, relative_with_men1, family_pattern


# --- the decision -------------------------------------------------------------------------------------------------
def men1_criteria_met(main_tumours: int, relative_with_men1: bool | None = None) -> bool:
    """True when ``main_tumours`` of the three main MEN1 tumours (parathyroid, anterior pituitary,
    duodenopancreatic NET) make a clinical diagnosis of MEN1: at least two, or at least one in a relative of a known
    case (``relative_with_men1``)."""
    n = checks.integer("main_tumours", main_tumours, 0, len(data.MEN1_MAIN_TUMOURS))
    if relative_with_men1 is not None:
        checks.boolean("relative_with_men1", relative_with_men1)
    return n >= data.MEN1_MIN_MAIN_TUMOURS or (relative_with_men1 is True and n >= data.MEN1_MIN_WITH_RELATIVE)


@dataclass(frozen=True)
class _Case:
    findings: Findings
    multifocal: bool | None
    age_years: float | None
    other_tumours: tuple[str, ...] | None
    relative_with_men1: bool | None
    family_pattern: bool | None

    @property
    def gastrinoma(self) -> bool:
        return self.findings.syndrome == "gastrinoma" or self.findings.gastric_type == 2

    @property
    def gastric_type_1(self) -> bool:
        return self.findings.gastric_type == 1

    @property
    def is_net(self) -> bool:
        return self.findings.differentiation != "poor"

    @property
    def duodenal(self) -> bool:
        return self.findings.site in _DUODENAL

    @property
    def pancreatic(self) -> bool:
        return self.findings.site == "pancreas"

    @property
    def dp_net(self) -> bool:
        return (self.duodenal or self.pancreatic) and self.is_net

    @property
    def dp_tumour(self) -> bool:
        """A duodenopancreatic NET, the main MEN1 tumour: a duodenal or pancreatic NET, or a gastrinoma (a
        duodenal or pancreatic tumour, also the one behind a type 2 gastric NET)."""
        return self.is_net and (self.duodenal or self.pancreatic or self.gastrinoma)

    @property
    def men1_type(self) -> bool:
        """A NET of a site MEN1 causes besides the three main tumours (fact sheet 1.6): stomach (not type 1),
        thymus, bronchus."""
        return self.is_net and self.findings.site in data.MEN1_TYPE_SITES and not self.gastric_type_1

    @property
    def main_tumours(self) -> tuple[str, ...]:
        found = [t for t in OTHER_TUMOURS if t in (self.other_tumours or ())]
        return tuple(found) + (("duodenopancreatic NET",) if self.dp_tumour else ())

    @property
    def criteria_met(self) -> bool:
        return men1_criteria_met(len(self.main_tumours), self.relative_with_men1)

    @property
    def men1_reading(self) -> bool:
        """The course's wider reading of 'suspected MEN1': a MEN1-type tumour with another main MEN1 tumour or a
        relative with MEN1."""
        return self.men1_type and (bool(self.other_tumours) or self.relative_with_men1 is True)

    @property
    def red_flag_context(self) -> bool:
        return self.dp_tumour or self.men1_type or bool(self.other_tumours)

    def raw_red_flags(self) -> tuple[str, ...]:
        """The red flags as entered, before the context is read."""
        flags = []
        if (self.multifocal is True and not self.gastric_type_1) or self.other_tumours:
            flags.append("several_primaries")
        if self.age_years is not None and self.age_years < data.EARLY_ONSET_AGE:
            flags.append("early_onset")
        if self.other_tumours or self.relative_with_men1 is True or self.family_pattern is True:
            flags.append("pattern")
        return tuple(flags)

    def outcome(self) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        """(level, indications met, red flags)."""
        met = []
        if self.gastrinoma:
            met.append("gastrinoma")
        if self.multifocal is True and self.pancreatic and self.is_net:
            met.append("multifocal_pnet")
        if self.criteria_met or self.men1_reading:
            met.append("suspected_men1")
        if self.dp_net:
            met.append("duodenal_or_pancreatic_net")
        flags = self.raw_red_flags() if self.red_flag_context else ()
        strengths = {data.TESTING_INDICATIONS[k].strength for k in met}
        level = ("recommended" if "recommended" in strengths else "consider" if "consider" in strengths
                 else "red_flags_only" if flags else "no_indication")
        return level, tuple(met), tuple(flags)


_SITE_WORDS = {"jejunum_ileum": "jejunum and ileum", "unknown_primary": "unknown primary", "ampulla": "ampulla of Vater"}


def _site_words(site: str | None) -> str:
    if site is None:
        return "site not reported"
    return _SITE_WORDS.get(site, site.replace("_", " "))


def germline_referral(findings: Findings, *, multifocal: bool | None = None, age_years: float | None = None,
                      other_tumours: Sequence[str] | None = None, relative_with_men1: bool | None = None,
                      family_pattern: bool | None = None) -> Referral:
    """Does this case meet a verified indication for genetic risk evaluation (germline testing), and which?

    ``findings``: the NET (``site``, ``differentiation``, ``syndrome``, ``gastric_type`` are read; a type 2 gastric
    NET implies a gastrinoma). ``multifocal``: more than one primary NET (the indication needs them in the
    pancreas). ``age_years``: age at diagnosis (a red flag below about 40; it never gates an indication).
    ``other_tumours``: other main MEN1 tumours the person has had, words of :data:`OTHER_TUMOURS`.
    ``relative_with_men1``: a relative is a known MEN1 case. ``family_pattern``: relatives with tumours typical of
    an inherited NEN syndrome (a red flag). ``None`` means not reported; an empty ``other_tumours`` means none.
    """
    checks.instance("findings", findings, Findings, "a netlib.Findings")
    history = _check_history(multifocal, age_years, other_tumours, relative_with_men1, family_pattern)
    case = _Case(findings, *history)
    level, met, red = case.outcome()
    f = findings
    flags: list[str] = []
    steps: list[str] = []
    sources: list[str] = ["zhang_kunz2022_net_practice"]
    steps.append("Verified indications (NCCN, as summarised in 2022): genetic risk evaluation for every gastrinoma, "
                 "multifocal pancreatic NETs and suspected MEN1; consider it for duodenal or pancreatic NETs at any "
                 "age.")
    # 1. gastrinoma
    if f.gastric_type == 2:
        steps.append("A type 2 gastric NET grows on a gastrinoma (Zollinger-Ellison syndrome), mostly with MEN1: "
                     "the gastrinoma indication applies.")
    elif f.syndrome == "gastrinoma":
        steps.append("A gastrinoma (Zollinger-Ellison syndrome): every gastrinoma is an indication, whatever its site "
                     "or size.")
        sources.append("zes_ppi_era_review")
    else:
        steps.append("No gastrinoma reported." if f.syndrome is None else
                     f"The syndrome is not a gastrinoma ({f.syndrome}), so the gastrinoma indication does not apply.")
    # 2. multifocal pancreatic NETs
    if case.multifocal is True and case.pancreatic and case.is_net:
        steps.append("Several pancreatic NETs: multifocal pancreatic NETs are an indication.")
    elif case.multifocal is True and case.gastric_type_1:
        steps.append("Several type 1 gastric NETs: type 1 NETs grow on chronic atrophic gastritis and are multifocal "
                     "because of it, not because of heredity, so this is neither the indication (which names pancreatic "
                     "NETs) nor a red flag.")
    elif case.multifocal is True:
        where = "not in the pancreas" if not case.pancreatic else "but a NEC, not NETs"
        steps.append(f"Several tumours, {where}: the multifocal indication names pancreatic NETs (several primaries "
                     "can still be a red flag, see below).")
    elif case.multifocal is False:
        steps.append("A single tumour: the multifocal indication does not apply.")
    else:
        steps.append("Whether there are several tumours was not reported.")
    # 3. MEN1 clinical criteria
    mains = case.main_tumours
    sources += list(data.MEN1_CRITERIA_SOURCES)
    listed = ", ".join(mains) if mains else "none"
    if case.dp_tumour and not (case.duodenal or case.pancreatic):
        listed = listed.replace("duodenopancreatic NET", "duodenopancreatic NET: the gastrinoma"
                                + (" behind the type 2 gastric NET" if f.gastric_type == 2 else ""))
    rel = {True: "a relative has MEN1", False: "no relative with MEN1",
           None: "a relative with MEN1 not reported"}[case.relative_with_men1]
    steps.append(f"MEN1 clinical criteria (two of the three main tumours, or one in a relative of a known case): "
                 f"{len(mains)} of 3 ({listed}); {rel}: "
                 + ("met, so MEN1 is suspected." if case.criteria_met else "not met."))
    if case.criteria_met:
        flags.append("men1_criteria_met")
        sources.append("de_laat2018_men1")
    elif case.men1_reading:
        flags.append("men1_course_reading")
        with_what = " and ".join(w for w, hit in (("another main MEN1 tumour", bool(case.other_tumours)),
                                                  ("a relative with MEN1", case.relative_with_men1 is True)) if hit)
        steps.append(f"A {_ADJECTIVE[f.site]} NET, a tumour MEN1 causes, with "
                     f"{with_what}: MEN1 is suspected on the course's reading of 'suspected MEN1' (the source does "
                     "not define it).")
        sources.append("men1_manifestations_review")
    if f.site == "thymus" and case.is_net:
        text, keys = data.THYMIC_MEN1_SHARE
        steps.append(f"Thymus: {text}; ask about the other main MEN1 tumours and the family.")
        sources += list(keys)
    # 4. duodenal or pancreatic NET (consider)
    if f.site == "ampulla":
        flags.append("ampulla_as_duodenum")
    if case.dp_net:
        if f.differentiation is None:
            flags.append("differentiation_assumed_well")
        what = ("An ampullary NET, counted as duodenal (the course's reading)" if f.site == "ampulla" else
                f"A {'duodenal' if case.duodenal else 'pancreatic'} NET")
        steps.append(f"{what}: consider genetic risk evaluation, at any age (age does not gate this indication).")
    elif (case.duodenal or case.pancreatic) and not case.is_net:
        flags.append("nec_gastrinoma" if case.gastrinoma else "nec_not_net")
        steps.append(FLAGS["nec_gastrinoma" if case.gastrinoma else "nec_not_net"])
    elif f.site is None:
        steps.append("Site not reported: whether the duodenal or pancreatic NET indication applies is unknown.")
    else:
        steps.append(f"Site {_site_words(f.site)}: not duodenal or pancreatic, so the indication to consider testing "
                     "does not apply.")
    # red flags
    sources += list(data.RED_FLAG_SOURCES)
    raw = case.raw_red_flags()
    if red:
        flags.append("red_flags")
        steps.append("Red flags for an inherited syndrome: " + "; ".join(data.RED_FLAGS[k] for k in red) + ".")
    elif raw:
        flags.append("red_flags_not_counted")
        why = ("a type 1 gastric NET grows on chronic atrophic gastritis" if case.gastric_type_1 else
               f"this is {_what(case)}")
        steps.append("Not counted as red flags here: " + "; ".join(data.RED_FLAGS[k] for k in raw) + f". The course "
                     f"reads the red flags (which its source frames for pancreatic NETs) for "
                     f"{data.RED_FLAG_CONTEXT_WORDS}; {why}.")
    else:
        steps.append("No red flag reported (several primaries, onset before about "
                     f"{data.EARLY_ONSET_AGE} years, a typical personal or family pattern).")
    if red and level in ("red_flags_only", "consider"):
        flags.append("list_incomplete")
    # why not the neighbour
    neighbour = _neighbour(level, case, met)
    steps.append(neighbour)
    if case.pancreatic and case.is_net and case.relative_with_men1 is not True and case.family_pattern is not True:
        text, keys = data.SPORADIC_GERMLINE
        steps.append(f"No family history does not make a pancreatic NET sporadic: germline variants were found in "
                     f"{text}.")
        sources += list(keys)
    # what was not reported, and what did not matter
    missing = _missing(case, level)
    if missing:
        flags.append("inputs_missing")
        steps.append("Not reported, and could raise the answer: " + ", ".join(_field_words(k) for k in missing) + ".")
    unchanged = _did_not_change(case, (level, met, red))
    for m in met:
        sources += list(data.TESTING_INDICATIONS[m].sources)
    return Referral(level, tuple(met), red, missing, unchanged, tuple(dict.fromkeys(flags)), tuple(steps),
                    tuple(dict.fromkeys(sources)), neighbour)


_RECOMMENDED_NEEDS = "a gastrinoma, several pancreatic NETs or suspected MEN1"
_ADJECTIVE = {"stomach": "gastric", "thymus": "thymic", "lung": "bronchial"}


def _what(case: _Case) -> str:
    if (case.duodenal or case.pancreatic) and not case.is_net:
        return "a NEC, not a NET"
    if case.findings.site is None:
        return "a tumour of unreported site"
    if case.gastric_type_1:
        return "a type 1 gastric NET"
    return f"a tumour of the {_site_words(case.findings.site)}"


def _neighbour(level: str, case: _Case, met: tuple[str, ...]) -> str:
    if level == "recommended":
        why = "; ".join(_SHORT_WORDS.get(k, data.TESTING_INDICATIONS[k].words) for k in met
                        if data.TESTING_INDICATIONS[k].strength == "recommended")
        return f"Not just 'consider': {why} makes testing a recommendation, not an option."
    red = case.outcome()[2]
    if level == "consider":
        text = f"Not 'recommended': that needs {_RECOMMENDED_NEEDS}; none of these is reported."
        if red:
            text += (" The red flags reported are not items of the encoded list, and that list is incomplete: "
                     "discuss them with clinical genetics (" + "; ".join(data.RED_FLAGS[k].split(" (")[0] for k in red)
                     + ").")
        return text + " Not 'no indication': a duodenal or pancreatic NET is enough to consider testing."
    if level == "red_flags_only":
        return (f"Not 'consider': that covers duodenal and pancreatic NETs, and this is {_what(case)}. The red flags "
                "make an inherited syndrome more likely, and the list encoded here (NCCN as summarised in 2022) is "
                "incomplete: it does not say testing is unsupported. Discuss the case with clinical genetics.")
    return (f"Not 'consider': that covers duodenal and pancreatic NETs, and this is {_what(case)}; no red flag counts "
            "here. This is not the same as 'testing is wrong': the course's sources verify only these indications.")


_RAISING: dict[str, Any] = {"multifocal": True, "age_years": 0.0, "other_tumours": OTHER_TUMOURS,
                            "relative_with_men1": True, "family_pattern": True}


def _missing(case: _Case, level: str) -> tuple[str, ...]:
    out = []
    trials: list[tuple[str, _Case]] = []
    if case.findings.site is None:
        trials.append(("site", dataclasses.replace(case, findings=dataclasses.replace(case.findings,
                                                                                       site="pancreas"))))
    if case.findings.functioning is True and case.findings.syndrome is None and case.findings.gastric_type is None:
        trials.append(("syndrome", dataclasses.replace(case, findings=dataclasses.replace(case.findings,
                                                                                           syndrome="gastrinoma"))))
    for name in _HISTORY:
        if getattr(case, name) is None:
            trials.append((name, dataclasses.replace(case, **{name: _RAISING[name]})))
    for name, other in trials:
        try:
            if _rank(other.outcome()[0]) > _rank(level):
                out.append(name)
        except (InvalidValueError, InvalidTypeError):  # pragma: no cover - replacement values are valid
            continue
    return tuple(out)


def _did_not_change(case: _Case, outcome) -> tuple[str, ...]:
    out = []
    for field in dataclasses.fields(Findings):
        # differentiation not reported is read as a NET, so removing "well" proves nothing about what it does
        if getattr(case.findings, field.name) is None or field.name == "differentiation":
            continue
        try:
            other = dataclasses.replace(case, findings=dataclasses.replace(case.findings, **{field.name: None}))
        except (InvalidValueError, InvalidTypeError):
            continue
        if other.outcome() == outcome:
            out.append(field.name)
    for name in _HISTORY:
        if getattr(case, name) is not None and dataclasses.replace(case, **{name: None}).outcome() == outcome:
            out.append(name)
    return tuple(out)


# --- feedback on an answer ---------------------------------------------------------------------------------------
def check_referral(findings: Findings, answer: str, **history) -> "Feedback":
    """Judge ``answer`` (one of :data:`LEVELS`) for the case; a wrong answer is told the misconception it shows.
    ``history``: the keyword inputs of :func:`germline_referral`."""
    from netlib.teaching.exercises import Feedback

    key = germline_referral(findings, **history)
    checks.choice("answer", answer, LEVELS)
    explanation = f"{LEVEL_WORDS[key.level]}. {key.neighbour}"
    if answer == key.level:
        reason = key.subtitle().replace("indication: ", "", 1) or "no verified indication and no red flag is reported"
        return Feedback(answer, key.level, True, f"{LEVEL_WORDS[key.level]}: {reason}.", explanation)
    # Each wrong answer is told the misconception it shows, without naming the right answer.
    if _rank(answer) > _rank(key.level):
        if answer == "recommended":
            msg = f"a recommendation needs {_RECOMMENDED_NEEDS}; this case has none of them."
        elif answer == "consider":
            msg = ("the indication to consider testing covers duodenal and pancreatic NETs"
                   + ("; a NEC is not a NET." if "nec_not_net" in key.flags else "; this tumour is neither."))
        elif "red_flags_not_counted" in key.flags:
            msg = ("red flags are read for " + data.RED_FLAG_CONTEXT_WORDS + "; what looks like one here does not "
                   "count for this tumour.")
        else:
            msg = ("no red flag is reported here (several primaries, onset before about "
                   f"{data.EARLY_ONSET_AGE} years, a typical personal or family pattern).")
    elif answer == "no_indication":
        if key.level == "consider":
            msg = ("'no family history' does not make a tumour sporadic (germline variants in 17 % of clinically "
                   "sporadic pancreatic NETs), and age gates nothing on the list: go through its items again.")
        elif key.level == "recommended":
            msg = ("the list is not only about the tumour's site: some items are about what the tumour means for the "
                   "patient, wherever it lies. Go through the items again.")
        else:
            msg = ("the history counts even when the tumour fits no item of the list: look again at the age, the "
                   "other tumours and the family.")
    elif answer == "red_flags_only":
        msg = ("'red flags, no listed indication' is for a case that no item of the list covers; check the items "
               "one by one before falling back on red flags.")
    else:  # 'consider' when the key is 'recommended'
        msg = ("'consider' is the weakest item of the list (a duodenal or pancreatic NET); check whether a stronger "
               "item fits first.")
    return Feedback(answer, key.level, False, msg, explanation)


def referral_change_line(findings: Findings, before: Mapping[str, Any], after: Mapping[str, Any]) -> str:
    """What changes in :func:`germline_referral` when the inputs go from ``before`` to ``after`` (keyword inputs of
    :func:`germline_referral`), in one or two sentences."""
    for name, value in (("before", before), ("after", after)):
        checks.instance(name, value, Mapping, "a mapping of germline_referral inputs")
        for k in value:
            if k not in _HISTORY:
                raise InvalidValueError(name, f"{k!r} is not an input of germline_referral; inputs: "
                                              f"{', '.join(_HISTORY)}")
    a = germline_referral(findings, **before)
    b = germline_referral(findings, **after)
    if a.level == b.level and a.indications == b.indications:
        return (f"Nothing changes: still '{LEVEL_WORDS[a.level]}'"
                + (f" ({a.subtitle()})." if a.subtitle() else "."))
    new = [k for k in b.indications if k not in a.indications]
    why = ("; ".join(data.TESTING_INDICATIONS[k].words for k in new) if new else
           "; ".join(data.RED_FLAGS[k] for k in b.red_flags if k not in a.red_flags) or "the change")
    return (f"The answer moves from '{LEVEL_WORDS[a.level]}' to '{LEVEL_WORDS[b.level]}', because of {why}."
            + (" The MEN1 clinical criteria are now met: two of the three main tumours." if "suspected_men1" in new
               else ""))


# --- p53 / Rb (and DAXX/ATRX) staining as an aid to NET G3 vs NEC -------------------------------------------------
#: What each stain may read.
STAINS: dict[str, tuple[str, ...]] = {"p53": ("normal", "aberrant"), "rb": ("retained", "lost"),
                                      "daxx_atrx": ("retained", "lost"), "differentiation": ("well", "poor")}
#: What the stains can say, in order; the question adds a misconception ("proves NEC").
READINGS: tuple[str, ...] = ("favours_nec", "favours_net_g3", "normal_pattern", "conflicting", "not_informative")
READING_WORDS: dict[str, str] = {
    "favours_nec": "favours NEC",
    "favours_net_g3": "favours NET G3",
    "normal_pattern": "normal pattern: fits a NET, does not exclude a NEC",
    "conflicting": "conflicting: the stains point both ways",
    "not_informative": "not informative: nothing stained",
    "proves_nec": "proves NEC, whatever the morphology",
}
STAIN_FLAGS: dict[str, str] = {
    "morphology_decides": "Staining is an aid: morphology (well vs poorly differentiated) decides NET G3 vs NEC.",
    "conflicts_with_morphology": "The stains point away from the morphology. Morphology decides: review the "
                                 "morphology and consider further sampling, but do not overrule it on a stain.",
    "p53_not_stained": "p53 was not stained; Rb added little beyond p53 in the 465-tumour series.",
    "daxx_atrx_pancreas": "DAXX/ATRX loss was studied as a NET G3 marker in pancreatic G3 tumours.",
}


@dataclass(frozen=True)
class StainReading(Explained):
    """The result of :func:`p53_rb_aid`: ``reading`` (one of :data:`READINGS`) and ``morphology`` (the
    differentiation that decides, ``well``/``poor``, or None if not reported)."""

    reading: str
    morphology: str | None = None
    flags: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    why: str = ""

    card_title: ClassVar[str] = "p53/Rb staining (an aid)"
    flag_text: ClassVar[Mapping[str, str]] = STAIN_FLAGS

    def headline(self) -> str:
        return "Stain pattern: " + READING_WORDS[self.reading]

    def subtitle(self) -> str:
        if self.morphology is None:
            return "morphology decides (not reported)"
        return f"morphology decides: {'NET G3' if self.morphology == 'well' else 'NEC'}"


def _upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _pct(pattern: str, group: str) -> str:
    return f"{dict(data.P53_RB_PATTERNS[pattern].percent)[group]:g} %"


def p53_rb_aid(p53: str | None = None, rb: str | None = None, daxx_atrx: str | None = None,
               differentiation: str | None = None) -> StainReading:
    """Read p53 (``normal``/``aberrant``), Rb (``retained``/``lost``) and DAXX/ATRX (``retained``/``lost``) in a
    high-grade NEN as an aid to NET G3 vs NEC; ``differentiation`` (``well``/``poor``) is the morphology, which
    decides. None = not stained / not reported."""
    values = {"p53": p53, "rb": rb, "daxx_atrx": daxx_atrx, "differentiation": differentiation}
    for name, value in values.items():
        if value is not None:
            checks.choice(name, value, STAINS[name])
    flags, steps = [], []
    sources = list(data.P53_RB_SERIES[1])
    nec = [w for w, hit in (("aberrant p53", p53 == "aberrant"), ("lost Rb", rb == "lost")) if hit]
    net = daxx_atrx == "lost"
    if p53 == "aberrant":
        steps.append(f"Aberrant p53: {_pct('p53_aberrant', 'NEC')} of NECs vs {_pct('p53_aberrant', 'NET G3')} of "
                     "NET G3 (465 high-grade NENs).")
    elif p53 == "normal":
        steps.append(f"p53 normal: the usual NET pattern, but not proof (both stains normal in "
                     f"{_pct('both_normal', 'NEC')} of NECs).")
    if rb == "lost":
        steps.append(f"Rb lost: {_pct('rb_lost', 'NEC')} of NECs vs {_pct('rb_lost', 'NET G3')} of NET G3 (small "
                     f"cell {_pct('rb_lost', 'SCNEC')}, large cell {_pct('rb_lost', 'LCNEC')}).")
    elif rb == "retained":
        steps.append("Rb retained: the usual NET pattern; Rb added little beyond p53 in the series.")
    if p53 is None and rb is not None:
        flags.append("p53_not_stained")
    if daxx_atrx is not None:
        flags.append("daxx_atrx_pancreas")
        sources.append("tang2016_g3_pnet")
        steps.append("DAXX/ATRX " + ("lost: supports NET G3 (pancreatic G3 tumours)." if net else
                                     "retained: no help either way."))
    if not any(v is not None for v in (p53, rb, daxx_atrx)):
        reading, why = "not_informative", "No stain reported: nothing to read."
    elif nec and net:
        reading = "conflicting"
        why = f"{_upper(' and '.join(nec))} point to NEC, DAXX/ATRX loss to NET G3: the stains conflict."
    elif nec:
        reading, why = "favours_nec", f"{_upper(' and '.join(nec))}: the pattern favours NEC."
    elif net:
        reading, why = "favours_net_g3", "DAXX/ATRX loss without a NEC pattern: favours NET G3."
    else:
        reading = "normal_pattern"
        why = (f"No NEC pattern: both stains normal in {_pct('both_normal', 'NET G3')} of NET G3 and "
               f"{_pct('both_normal', 'NET G1/G2')} of NET G1/G2, but also in {_pct('both_normal', 'NEC')} of NECs.")
    steps.append(why)
    flags.insert(0, "morphology_decides")
    if differentiation is None:
        steps.append("Morphology not reported: it decides NET G3 (well differentiated) vs NEC (poorly "
                     "differentiated); the stains do not replace it.")
    else:
        label = "NET G3" if differentiation == "well" else "NEC"
        against = (reading == "favours_nec" and differentiation == "well") or \
                  (reading == "favours_net_g3" and differentiation == "poor")
        if against:
            flags.append("conflicts_with_morphology")
            steps.append(f"{differentiation.capitalize()} differentiated morphology: {label}. The stains point the "
                         "other way: review the morphology and consider further sampling; morphology decides (about "
                         "one NET G3 in four shows some p53 or Rb abnormality).")
        else:
            steps.append(f"{differentiation.capitalize()} differentiated morphology: {label}; the stains are an aid.")
    sources.append("net_vs_nec_review")
    return StainReading(reading, differentiation, tuple(dict.fromkeys(flags)), tuple(steps),
                        tuple(dict.fromkeys(sources)), why)


def check_stains(answer: str, **stains) -> "Feedback":
    """Judge ``answer`` (one of :data:`READINGS`, or ``proves_nec``) for the stains (keyword inputs of
    :func:`p53_rb_aid`)."""
    from netlib.teaching.exercises import Feedback

    key = p53_rb_aid(**stains)
    checks.choice("answer", answer, (*READINGS, "proves_nec"))
    explanation = f"{key.headline()}; {key.subtitle()}."
    if answer == key.reading:
        return Feedback(answer, key.reading, True, f"{key.why} Morphology still decides.", explanation)
    if answer == "proves_nec":
        msg = (f"no stain proves a NEC: in the 465-tumour series {_pct('p53_aberrant', 'NET G3')} of NET G3 showed "
               f"aberrant p53 and {_pct('rb_lost', 'NET G3')} had lost Rb. Morphology decides; the stains are an aid.")
    elif answer == "favours_nec":
        msg = "a NEC pattern needs aberrant p53 or lost Rb" + (", and DAXX/ATRX loss points the other way."
                                                               if key.reading == "conflicting" else "; neither is reported.")
    elif answer == "favours_net_g3":
        msg = ("DAXX/ATRX loss is what favours NET G3; it is not reported lost here." if stains.get("daxx_atrx") != "lost"
               else "aberrant p53 or lost Rb points to NEC at the same time: the stains conflict.")
    elif answer == "normal_pattern":
        msg = "a stain here is abnormal, so the pattern is not normal."
    elif answer == "conflicting":
        msg = "the stains do not point both ways here."
    else:
        msg = "stains are reported, so there is something to read."
    return Feedback(answer, key.reading, False, msg, explanation)


def stain_report_line(**stains) -> str:
    """A report comment for the stains (keyword inputs of :func:`p53_rb_aid`), as a pathologist might write it."""
    key = p53_rb_aid(**stains)
    done = [f"{name} {value}" for name, value in (("p53", stains.get("p53")), ("Rb", stains.get("rb")),
                                                     ("DAXX/ATRX", stains.get("daxx_atrx"))) if value is not None]
    head = (", ".join(done) + ": ") if done else "No stain: "
    label = "NET G3" if key.morphology == "well" else "NEC"
    if key.morphology is None:
        tail = "morphology (not reported here) decides NET G3 vs NEC."
    elif "conflicts_with_morphology" in key.flags:
        tail = (f"the {key.morphology} differentiated morphology reads as {label}, but the stains point the other way: "
                "review the morphology and consider further sampling. The stains are an aid; morphology decides.")
    else:
        tail = (f"with {key.morphology} differentiated morphology the diagnosis is {label}; the stains are an aid, "
                "morphology decides.")
    return f"{head}the pattern {READING_WORDS[key.reading]}; {tail}"


# --- penetrance -------------------------------------------------------------------------------------------------
def penetrance_key(age: int = 50) -> "NumericKey":
    """The key of "what share (%) of MEN1 carriers are affected by ``age``?", read from the MEN1 entry; the other
    ages and the 50 % inheritance risk are traps."""
    from netlib.teaching.exercises import NumericKey, Trap

    men1 = data.get("men1")
    ages = dict(men1.penetrance)
    if isinstance(age, bool) or not isinstance(age, int):
        raise InvalidTypeError("age", f"expected one of the ages {', '.join(map(str, ages))} (whole years), got "
                                      f"{type(age).__name__} {age!r}")
    if age not in ages:
        raise InvalidValueError("age", f"the sources give MEN1 penetrance at {', '.join(map(str, ages))} years, "
                                       f"not {age!r}")
    value = ages[age]
    traps = [Trap(v, 0.0, f"{v:g} % is the penetrance by {a} years; the question asks by {age}.")
             for a, v in ages.items() if a != age]
    inherit = data.FIRST_DEGREE_RISK_PERCENT
    if inherit != value:
        traps.append(Trap(inherit, 0.0,
                          f"{inherit:g} % is the chance that a first-degree relative inherits the variant "
                          "(autosomal dominant); penetrance is the share of carriers who develop tumours."))
    return NumericKey(value, 0.0, "%", f"{value:g} % of MEN1 carriers are affected by {age} years "
                                       f"({men1.penetrance_words()}).", tuple(traps),
                      "read the MEN1 row of the catalogue: penetrance is given at three ages.")
