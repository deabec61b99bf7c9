"""Imaging and biomarkers, explained: the Krenning score and PRRT uptake, the supervised fast for insulinoma, the
gastrin and acid criteria for gastrinoma, and what spoils a chromogranin A or a 5-HIAA result.

Each decision returns an explained result (a card: the value, the steps, why not the neighbouring answer, the
sources), built on :mod:`netlib.results` like :func:`netlib.grade`:

* :func:`krenning_score` reads a described image (the lesion's uptake against the liver and the spleen) as a score;
* :func:`prrt_uptake` says whether that uptake qualifies for PRRT under both readings the sources give, under
  neither, or whether they disagree (uptake equal to the liver), and what an FDG-avid lesion without SSTR uptake
  does;
* :func:`supervised_fast` applies the Endocrine Society 2009 criteria (or a named variant) to the end of a fast,
  glucose in mg/dL or mmol/L;
* :func:`zes_biochemistry` reads fasting gastrin, gastric pH, a PPI and a secretin test;
* :func:`chromogranin_a_context` says what falsely raises chromogranin A in a patient, and what AJCC Version 9
  advises; :func:`five_hiaa_collection` what to avoid before a 24-hour urine.

Cut-offs live in :mod:`netlib.data.imaging` and :mod:`netlib.data.biomarkers`. The feedback and the keys of
the typed tasks are here too; the questions and tables a trainee sees are built from them in
:mod:`netlib.teaching.biomarkers_questions` and :mod:`netlib.teaching.biomarkers_tables`. Teaching material, not a clinical decision tool.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from netlib import checks
from netlib.data import biomarkers as bio
from netlib.data import imaging
from netlib.errors import InvalidValueError
from netlib.results import Explained

if TYPE_CHECKING:
    from netlib.teaching.exercises import Feedback, NumericKey

__all__ = ["KrenningRead", "krenning_score", "VS_LIVER", "VS_SPLEEN", "UPTAKE_LEVELS", "UPTAKE_WORDS", "Uptake",
           "prrt_uptake", "check_uptake", "FAST_LEVELS", "FAST_WORDS", "Fast", "supervised_fast", "check_fast",
           "to_mmol_l", "fast_report_line", "GASTRIN_LEVELS", "GASTRIN_WORDS", "Gastrin", "zes_biochemistry",
           "check_gastrin", "CgaContext", "chromogranin_a_context", "HiaaCollection", "five_hiaa_collection",
           "krenning_key", "glucose_key", "GLUCOSE_TOLERANCE_MMOL_L", "reading_accepts"]

_NOT_CLINICAL = "Teaching material, not a clinical decision tool."



def _g(x: float) -> str:
    return f"{x:g}"


def _count_words(n: int) -> str:
    """A small count in words, capitalised ("One", "Three"), digits from 11 on."""
    words = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    return _upper(words[n]) if n < len(words) else str(n)


def _upper(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class _Result(Explained):
    """The common shape of this package's results: ``value`` (a key), ``words`` (the headline), ``detail`` (the
    subtitle), ``neighbour`` (why not the neighbouring answer), plus flags, steps and sources."""

    value: str
    words: str
    detail: str = ""
    neighbour: str = ""
    flags: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    def headline(self) -> str:
        return self.words

    def subtitle(self) -> str:
        return self.detail

    def footer(self) -> str:
        return _NOT_CLINICAL


# --- the Krenning score from a described image ---------------------------------------------------------------------
#: How the lesion's uptake compares with the normal liver, and with the spleen (or kidney).
VS_LIVER: tuple[str, ...] = imaging.LIVER_COMPARISONS
VS_SPLEEN: tuple[str, ...] = ("below", "equal", "above")
_LIVER_WORDS = {"none": "no uptake", "far below": "very low uptake, far below the liver",
                "below": "uptake below the liver", "equal": "uptake equal to the liver",
                "above": "uptake above the liver"}


@dataclass(frozen=True)
class KrenningRead(_Result):
    """The result of :func:`krenning_score`: ``score`` (0-4) and ``vs_liver`` (the comparison it was read from)."""

    score: int = 0
    vs_liver: str = ""
    card_title: ClassVar[str] = "Krenning score"


def _level(score: int) -> imaging.KrenningLevel:
    return next(k for k in imaging.KRENNING if k.score == score)


def krenning_score(vs_liver: str, vs_spleen: str | None = None) -> KrenningRead:
    """The Krenning score of a lesion described by its SSTR uptake against the normal liver (``vs_liver``, one of
    :data:`VS_LIVER`) and, when above the liver, against the spleen or kidney (``vs_spleen``, one of
    :data:`VS_SPLEEN`; needed only then). Scale: fact sheet 2, 2.6 (:data:`netlib.data.imaging.KRENNING`)."""
    checks.choice("vs_liver", vs_liver, VS_LIVER)
    if vs_spleen is not None:
        checks.choice("vs_spleen", vs_spleen, VS_SPLEEN)
    steps = ["The Krenning scale compares the lesion's uptake with normal organs: "
             + "; ".join(f"{k.score} {k.uptake}" for k in imaging.KRENNING) + "."]
    if vs_liver in ("none", "far below"):
        score = 0 if vs_liver == "none" else 1
    elif vs_liver in ("below", "equal"):
        score = 2
        steps.append(f"{_LIVER_WORDS[vs_liver].capitalize()}: score 2, which covers uptake up to that of the liver, "
                     "below it or equal to it.")
    elif vs_spleen is None:
        raise InvalidValueError("vs_spleen", "uptake above the liver is scored 3 or 4 by the spleen (or kidney): give "
                                             f"vs_spleen, one of {', '.join(VS_SPLEEN)}")
    else:
        score = 4 if vs_spleen == "above" else 3
        steps.append("Above the liver: " + ("and above the spleen, so 4." if score == 4 else
                                            f"but {vs_spleen} the spleen, so 3 (4 needs uptake above the spleen)."))
    level = _level(score)
    neighbour = {0: "Not 1: a score of 1 needs some uptake, however faint.",
                 1: "Not 2: the uptake is far below the liver, not close to it.",
                 2: "Not 3: 3 needs uptake clearly above the liver; equal is not above.",
                 3: "Not 4: 4 needs uptake above the spleen (or kidney).",
                 4: "Not 3: the uptake is above the spleen, the top of the scale."}[score]
    steps += [f"Score {score}: {level.uptake}.", neighbour,
              "The scale was designed for planar 111In-pentetreotide images and is also applied to SPECT and PET."]
    return KrenningRead(str(score), f"Krenning score {score}", level.uptake, neighbour, (), tuple(steps),
                        imaging.KRENNING_SOURCES + ("radiopaedia_krenning",), score, vs_liver)


# --- PRRT uptake ---------------------------------------------------------------------------------------------------
UPTAKE_LEVELS: tuple[str, ...] = ("qualifies", "disputed", "does_not_qualify", "fdg_mismatch")
UPTAKE_WORDS: dict[str, str] = {
    "qualifies": "Uptake qualifies for PRRT under both readings",
    "disputed": "The sources disagree: one reading accepts this uptake, the other does not",
    "does_not_qualify": "Uptake does not qualify for PRRT under either reading",
    "fdg_mismatch": "Not suitable for PRRT: a lesion takes up FDG but not the SSTR tracer",
}


@dataclass(frozen=True)
class Uptake(_Result):
    """The result of :func:`prrt_uptake`: ``value`` one of :data:`UPTAKE_LEVELS`; ``vs_liver`` the liver comparison
    it was judged from (empty when only the score was given); ``accepted_by`` the readings (words of
    :data:`netlib.data.imaging.PRRT_UPTAKE_READINGS`) that accept the uptake."""

    krenning: int = 0
    vs_liver: str = ""
    accepted_by: tuple[str, ...] = ()
    card_title: ClassVar[str] = "SSTR uptake for PRRT"
    flag_text: ClassVar[Mapping[str, str]] = {
        "one_condition": "Uptake is one condition for PRRT, not the decision: the disease, its grade, its course "
                         "and earlier treatment decide the rest (notebook 07).",
        "false_positive": f"SSTR scintigraphy can be falsely positive (up to "
                          f"{imaging.SSTR_FALSE_POSITIVE_MAX_PERCENT} % of studies).",
    }


def reading_accepts(name: str, score: int, vs_liver: str | None) -> bool | None:
    """Does the reading ``name`` accept this uptake? None: score 2 without the liver comparison (it accepts score 2
    only at uptake equal to the liver)."""
    if vs_liver is not None:
        rank = imaging.LIVER_COMPARISONS.index
        return rank(vs_liver) >= rank(imaging.PRRT_UPTAKE_LIVER[name])
    lowest = imaging.PRRT_UPTAKE_READINGS[name]
    if score < lowest:
        return False
    if score == lowest and imaging.PRRT_UPTAKE_LIVER[name] == "equal":
        return None
    return True


def prrt_uptake(krenning_score: int, *, vs_liver: str | None = None,
                sstr_negative_fdg_lesion: bool | None = None) -> Uptake:
    """Does SSTR uptake of this Krenning score (whole number 0-4, :data:`netlib.data.imaging.KRENNING_RANGE`) qualify
    for PRRT? Both readings of the sources are applied (:func:`netlib.data.imaging.prrt_uptake_verdict`): uptake
    below the liver fails both, uptake above it meets both, and only uptake equal to the liver is disputed.

    ``vs_liver``: how the uptake compares with the normal liver (one of :data:`VS_LIVER`, consistent with the
    score), when known; it decides score 2 (below the liver: neither reading; equal: disputed). Without it, score 2
    is reported as disputed, with what would decide it. ``sstr_negative_fdg_lesion``: a lesion that takes up FDG but
    not the SSTR tracer was seen on dual-tracer imaging (NETPET P5, not suitable for PRRT); None when FDG-PET was not
    done or not reported."""
    score = checks.integer("krenning_score", krenning_score, *imaging.KRENNING_RANGE)
    if vs_liver is not None:
        checks.choice("vs_liver", vs_liver, VS_LIVER)
        allowed = imaging.LIVER_SCORES[vs_liver]
        if score not in allowed:
            raise InvalidValueError("vs_liver", f"uptake '{vs_liver}' against the liver is Krenning "
                                                f"{' or '.join(map(str, allowed))}, not {score}")
    if sstr_negative_fdg_lesion is not None:
        checks.boolean("sstr_negative_fdg_lesion", sstr_negative_fdg_lesion)
    level = _level(score)
    steps = [f"Krenning score {score}: {level.uptake}."]
    if vs_liver is not None:
        steps.append(f"Against the liver: {_LIVER_WORDS[vs_liver]}.")
    if score == 2:
        steps.append(imaging.KRENNING_2_READINGS)
    accepted = []
    for name in imaging.PRRT_UPTAKE_READINGS:
        ok = reading_accepts(name, score, vs_liver)
        if ok:
            accepted.append(name)
        said = {True: "accepted", False: "not accepted",
                None: "accepted only if the uptake equals the liver"}[ok]
        steps.append(f"Reading 'uptake {name}': {said}.")
    verdict = imaging.prrt_uptake_verdict(score, vs_liver)
    value = {True: "qualifies", False: "does_not_qualify", None: "disputed"}[verdict]
    sources = list(imaging.KRENNING_SOURCES) + ["radiopaedia_krenning"]
    part = "The readings part only at uptake equal to the liver."
    if value == "qualifies":
        neighbour = f"Not 'the sources disagree': both readings accept uptake above the liver. {part}"
    elif value == "does_not_qualify":
        neighbour = ("Not 'the sources disagree': even the lenient reading asks for uptake at least equal to the "
                     f"liver, and this uptake is below it. {part}")
    elif vs_liver is None:
        neighbour = ("Not 'qualifies': the strict reading asks for uptake above the liver. Not 'does not qualify' "
                     "either, if the uptake equals the liver: the lenient reading accepts that. Score 2 alone does "
                     "not settle it: ask how the uptake compares with the liver (below it, neither reading accepts "
                     "it), and say which reading you use.")
    else:
        neighbour = ("Not 'qualifies': the strict reading asks for uptake above the liver. Not 'does not qualify': "
                     "the lenient reading accepts uptake equal to the liver. The course does not choose between "
                     "them: say which reading you use.")
    if sstr_negative_fdg_lesion:
        value = "fdg_mismatch"
        p5 = next(g for g in imaging.NETPET if g.grade == "P5")
        steps.append(f"Dual-tracer imaging shows {p5.pattern} (NETPET {p5.grade}): PRRT cannot reach that lesion, "
                     "and NETPET P5 is not suitable for PRRT whatever the Krenning score elsewhere.")
        neighbour = ("Not 'qualifies': a high Krenning score on the SSTR-positive lesions does not cover a lesion "
                     "that only FDG shows.")
        sources += list(imaging.NETPET_SOURCES)
    elif sstr_negative_fdg_lesion is False:
        steps.append("Dual-tracer imaging: no FDG-avid lesion without SSTR uptake reported.")
        sources += list(imaging.NETPET_SOURCES)
    else:
        steps.append("FDG-PET not reported: if done, a lesion that takes up FDG but not the SSTR tracer (NETPET P5) "
                     "would make PRRT unsuitable.")
    steps.append(neighbour)
    detail = f"Krenning score {score}: {level.uptake}" + (f" ({_LIVER_WORDS[vs_liver]})" if score == 2 and vs_liver
                                                            else "")
    return Uptake(value, UPTAKE_WORDS[value], detail, neighbour, ("one_condition", "false_positive"), tuple(steps),
                  tuple(dict.fromkeys(sources)), score, vs_liver or "", tuple(accepted))


def check_uptake(answer: str, krenning_score: int, *, vs_liver: str | None = None,
                 sstr_negative_fdg_lesion: bool | None = None) -> "Feedback":
    """Judge ``answer`` (one of :data:`UPTAKE_LEVELS`) for the uptake (inputs of :func:`prrt_uptake`); a wrong answer
    is told the misconception it shows, without the key."""
    from netlib.teaching.exercises import Feedback

    key = prrt_uptake(krenning_score, vs_liver=vs_liver, sstr_negative_fdg_lesion=sstr_negative_fdg_lesion)
    checks.choice("answer", answer, UPTAKE_LEVELS)
    explanation = f"{key.words}. {key.neighbour}"
    if answer == key.value:
        return Feedback(answer, key.value, True, key.neighbour, explanation)
    if answer == "fdg_mismatch":
        msg = "no lesion is reported that takes up FDG without the SSTR tracer; judge the SSTR uptake itself."
    elif key.value == "fdg_mismatch":
        msg = ("the Krenning score describes the lesions that take up the SSTR tracer; a lesion that only FDG shows "
               "is one PRRT cannot treat. Look at the dual-tracer finding again.")
    elif answer == "qualifies":
        msg = ("the strict reading asks for uptake above the liver (score 3 or more)." if key.value == "disputed"
               else "even the lenient reading asks for uptake at least equal to the liver.")
    elif answer == "does_not_qualify":
        msg = ("the lenient reading accepts uptake equal to the liver." if key.value == "disputed"
               else "both readings accept uptake above the liver.")
    elif key.value == "does_not_qualify" and key.krenning == 2:
        msg = ("a score of 2 does not make it disputed. " + imaging.KRENNING_2_READINGS
               + " Compare this uptake with the liver again.")
    else:
        msg = "the readings part only at uptake equal to the liver; compare this uptake with the liver again."
    return Feedback(answer, key.value, False, msg, explanation)


# --- the supervised fast -------------------------------------------------------------------------------------------
FAST_LEVELS: tuple[str, ...] = ("met", "incomplete", "not_hyperinsulinaemic", "no_symptoms", "no_hypoglycaemia")
FAST_WORDS: dict[str, str] = {
    "met": "Endogenous hyperinsulinism: the criteria are met",
    "incomplete": "Incomplete: a measurement the criteria need is missing",
    "not_hyperinsulinaemic": "Criteria not met: low glucose without endogenous hyperinsulinism",
    "no_symptoms": "Criteria not met: no symptoms at the low glucose",
    "no_hypoglycaemia": "Criteria not met: the glucose did not fall low enough",
}
_FAST_INPUTS = {"insulin": ("insulin_uu_ml", "µU/mL"), "c_peptide": ("c_peptide_nmol_l", "nmol/L"),
                "proinsulin": ("proinsulin_pmol_l", "pmol/L")}
# SI prefixes only (no chemistry): nmol/L -> pmol/L.
_PREFIX = {("nmol/L", "pmol/L"): 1000.0}


def to_mmol_l(glucose_mg_dl: float) -> float:
    """Glucose in mmol/L from mg/dL (divide by :data:`netlib.data.biomarkers.GLUCOSE_MG_DL_PER_MMOL_L`, about 18)."""
    v = checks.number("glucose_mg_dl", glucose_mg_dl, 0, 1000, unit="mg/dL")
    return v / bio.GLUCOSE_MG_DL_PER_MMOL_L


def _in_unit(value: float, unit: str, criterion: bio.FastCriterion) -> tuple[float, str]:
    """``value`` (in ``unit``) in a unit the criterion states."""
    if unit in criterion.cutoffs:
        return value, unit
    for (a, b), factor in _PREFIX.items():
        if a == unit and b in criterion.cutoffs:
            return value * factor, b
    raise InvalidValueError(criterion.key, f"no cut-off in {unit} for {criterion.words}")  # pragma: no cover


@dataclass(frozen=True)
class Fast(_Result):
    """The result of :func:`supervised_fast`: ``value`` one of :data:`FAST_LEVELS`; ``met``, ``not_met`` and
    ``missing`` name the measurements (``glucose``, ``insulin``, ``c_peptide``, ``proinsulin``); ``supporting`` the
    insulin-mediated signs that were reported and met."""

    criteria: str = "endocrine_society_2009"
    met: tuple[str, ...] = ()
    not_met: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    supporting: tuple[str, ...] = ()
    card_title: ClassVar[str] = "Supervised fast"
    flag_text: ClassVar[Mapping[str, str]] = {
        "screens": "The guideline also asks for " + " and ".join(bio.FAST_SCREENS) + ".",
        "variant": "These are a variant protocol's cut-offs, not the Endocrine Society 2009 guideline's.",
        "at_cutoff": "At the cut-off: the glucose lies between the guideline's rounded pair of values; read "
                     "against the mg/dL value.",
        "cutoffs_differ": "The cut-offs differ between guideline and variant protocols, and the insulin cut-off "
                          "depends on the assay (older radioimmunoassays used 6 µU/mL): say which criteria you use.",
    }


def supervised_fast(glucose: float, glucose_unit: str, *, symptoms: bool | None,
                    insulin_uu_ml: float | None = None, c_peptide_nmol_l: float | None = None,
                    proinsulin_pmol_l: float | None = None, beta_hydroxybutyrate_mmol_l: float | None = None,
                    glucagon_rise: float | None = None, criteria: str = "endocrine_society_2009") -> Fast:
    """Read the end of a supervised fast (at most 72 h) against the criteria for endogenous hyperinsulinism.

    ``glucose``: the lowest plasma glucose, in ``glucose_unit`` (``mg/dL`` or ``mmol/L``, said explicitly);
    ``symptoms``: symptoms of hypoglycaemia at that glucose (None: not reported). At that moment: insulin in µU/mL,
    C-peptide in nmol/L, proinsulin in pmol/L. ``beta_hydroxybutyrate_mmol_l`` and ``glucagon_rise`` (glucose rise
    after 1 mg glucagon IV, in ``glucose_unit``) support insulin-mediated hypoglycaemia. ``criteria``: a key of
    :data:`netlib.data.biomarkers.FAST_CRITERIA` (default the Endocrine Society 2009 guideline, fact sheet 2, 2.13;
    ``mayo_variant`` is a variant protocol, 2.14). None = not measured or not reported.
    """
    checks.choice("criteria", criteria, tuple(bio.FAST_CRITERIA))
    unit = checks.choice("glucose_unit", glucose_unit, bio.GLUCOSE_UNITS)
    high = 1000 if unit == "mg/dL" else 1000 / bio.GLUCOSE_MG_DL_PER_MMOL_L
    glucose = checks.number("glucose", glucose, 0, high, low_open=True, unit=unit)
    if symptoms is not None:
        checks.boolean("symptoms", symptoms)
    values = {}
    for key, (name, u) in _FAST_INPUTS.items():
        v = {"insulin_uu_ml": insulin_uu_ml, "c_peptide_nmol_l": c_peptide_nmol_l,
             "proinsulin_pmol_l": proinsulin_pmol_l}[name]
        values[key] = None if v is None else checks.number(name, v, 0, 100000, unit=u)
    if beta_hydroxybutyrate_mmol_l is not None:
        beta_hydroxybutyrate_mmol_l = checks.number("beta_hydroxybutyrate_mmol_l", beta_hydroxybutyrate_mmol_l, 0, 100,
                                                    unit="mmol/L")
    if glucagon_rise is not None:
        glucagon_rise = checks.number("glucagon_rise", glucagon_rise, -high, high, unit=unit)
    cs = bio.FAST_CRITERIA[criteria]
    g = cs.get("glucose")
    flags = ["screens", "cutoffs_differ"] + (["variant"] if criteria != "endocrine_society_2009" else [])
    other_unit = "mmol/L" if unit == "mg/dL" else "mg/dL"
    converted = glucose / bio.GLUCOSE_MG_DL_PER_MMOL_L if unit == "mg/dL" else glucose * bio.GLUCOSE_MG_DL_PER_MMOL_L
    judged, ju = g.primary(glucose, unit)
    per = f"1 mmol/L is about {bio.GLUCOSE_MG_DL_PER_MMOL_L:.0f} mg/dL"
    if ju != unit:
        glucose_step = (f"Glucose {_g(glucose)} {unit} = {judged:.2f} {ju} ({per}), read against {g.describe(ju)}: "
                        f"the source's own unit, of which its {unit} value is a rounding.")
    else:
        glucose_step = (f"Glucose {_g(glucose)} {unit} (about {converted:.1f} {other_unit}; {per}), read against "
                        f"{g.describe(ju)}.")
    steps = [f"Criteria: {cs.name}. {cs.note}", glucose_step]
    if g.between_printed(glucose, unit):
        flags.append("at_cutoff")
        pair = " and ".join(g.cutoff(u).split(" ", 1)[1] for u in g.cutoffs)
        steps.append(f"At the cut-off: this glucose lies between the two printed values, {pair}, which are "
                     f"roundings of each other; it is read in {ju}, so either unit gives the same answer.")
    met, not_met, missing = [], [], []
    if g.met(glucose, unit):
        met.append("glucose")
        steps.append(f"Glucose: criterion met ({g.describe(ju)}).")
    else:
        not_met.append("glucose")
        steps.append(f"Glucose: criterion not met; it must be {g.cutoff(ju)}.")
    others = [k for k in bio.FAST_CRITERIA if k != criteria]
    for k in others:
        og = bio.FAST_CRITERIA[k].get("glucose")
        if og.met(glucose, unit) != g.met(glucose, unit):
            steps.append(f"By the {bio.FAST_CRITERIA[k].name} cut-off ({og.cutoff(unit)}) this glucose would read "
                         "the other way: the cut-offs differ, so name the ones you use.")
    for c in cs.criteria[1:]:
        v = values[c.key]
        name, u = _FAST_INPUTS[c.key]
        if v is None:
            missing.append(c.key)
            steps.append(f"{_upper(c.words)}: not reported (needed: {c.describe()}).")
            continue
        val, cu = _in_unit(v, u, c)
        ok = c.met(val, cu)
        (met if ok else not_met).append(c.key)
        shown = f"{_g(v)} {u}" + (f" = {_g(val)} {cu}" if cu != u else "")
        steps.append(f"{_upper(c.words)} {shown}: {'meets' if ok else 'below'} {c.describe(cu)}.")
    sym = {True: "Symptoms at the low glucose: yes.", False: "No symptoms at the low glucose.",
           None: "Symptoms at the low glucose: not reported."}[symptoms]
    steps.append(sym)
    supporting, unreported = [], []
    for c, v, u in ((bio.INSULIN_MEDIATED[0], beta_hydroxybutyrate_mmol_l, "mmol/L"),
                    (bio.INSULIN_MEDIATED[1], glucagon_rise, unit)):
        if v is None:
            unreported.append(c.words)
            continue
        ok = c.met(v, u)
        if ok:
            supporting.append(c.key)
        cu = c.primary(v, u)[1]
        at = " (between the rounded pair of cut-offs: read in mg/dL)" if c.between_printed(v, u) else ""
        steps.append(f"{_upper(c.words)} {_g(v)} {u}: {'supports' if ok else 'does not support'} "
                     f"insulin-mediated hypoglycaemia ({c.describe(cu)}){at}.")
    if unreported:
        steps.append(_upper(" and ".join(unreported)) + " not reported: they support insulin mediation but are not "
                     "among the criteria, so their absence does not make the fast incomplete.")
    biochem = [k for k in ("insulin", "c_peptide", "proinsulin") if cs.get(k)]
    words_of = {"insulin": "insulin", "c_peptide": "C-peptide", "proinsulin": "proinsulin", "glucose": "glucose"}
    if "glucose" in not_met:
        value = "no_hypoglycaemia"
        neighbour = (f"Not 'met': without a glucose {g.cutoff(unit)} the other measurements cannot "
                     "make the diagnosis, however they read.")
    elif symptoms is False:
        value = "no_symptoms"
        neighbour = "Not 'met': the criteria apply to a low glucose with symptoms (Whipple's triad)."
    elif any(k in not_met for k in biochem):
        value = "not_hyperinsulinaemic"
        low = ", ".join(words_of[k] for k in biochem if k in not_met)
        neighbour = ("Not 'met': all of insulin, C-peptide" + (" and proinsulin" if "proinsulin" in biochem else "")
                     + f" must reach their cut-offs; {low} did not.")
    elif missing or symptoms is None:
        value = "incomplete"
        gaps = [words_of[k] for k in missing] + (["whether there were symptoms"] if symptoms is None else [])
        neighbour = ("Not 'met' yet: " + ", ".join(gaps) + " not reported. Not 'not met' either: nothing reported "
                     "fails its cut-off.")
    else:
        value = "met"
        neighbour = ("Not 'incomplete': every measurement the criteria need is reported and reaches its cut-off. "
                     "The guideline also asks for " + " and ".join(bio.FAST_SCREENS) + ".")
    steps.append(neighbour)
    detail = f"{cs.name}; glucose {_g(glucose)} {unit}"
    return Fast(value, FAST_WORDS[value], detail, neighbour, tuple(flags), tuple(steps),
                tuple(dict.fromkeys(cs.sources + bio.FAST_SOURCES)), criteria, tuple(met), tuple(not_met),
                tuple(missing), tuple(supporting))


def check_fast(answer: str, **fast) -> "Feedback":
    """Judge ``answer`` (one of :data:`FAST_LEVELS`) for the fast (keyword inputs of :func:`supervised_fast`)."""
    from netlib.teaching.exercises import Feedback

    key = supervised_fast(**fast)
    checks.choice("answer", answer, FAST_LEVELS)
    explanation = f"{key.words}. {key.neighbour}"
    if answer == key.value:
        return Feedback(answer, key.value, True, key.neighbour, explanation)
    g = bio.FAST_CRITERIA[key.criteria].get("glucose")
    if answer == "met":
        msg = ("every criterion must be met together: check each measurement against its cut-off, in the units it "
               "is given.")
    elif answer == "no_hypoglycaemia":
        msg = (f"compare the glucose with the cut-off in the same unit ({g.describe(fast['glucose_unit'])}); "
               "mg/dL and mmol/L differ by a factor of about 18.")
    elif answer == "no_symptoms":
        msg = "read the case again: the symptoms are reported."
    elif answer == "incomplete":
        msg = "every measurement the criteria need is reported here; judge each one."
    else:
        pairs = "; ".join(c.describe() for c in bio.FAST_CRITERIA[key.criteria].criteria[1:] if len(c.cutoffs) > 1)
        msg = ("compare each measurement with its cut-off in the same unit (" + pairs + "), then check which "
               "measurements reach their cut-offs.")
    return Feedback(answer, key.value, False, msg, explanation)


def fast_report_line(**fast) -> str:
    """A one-sentence conclusion of the fast (keyword inputs of :func:`supervised_fast`), as a report would put it."""
    key = supervised_fast(**fast)
    cs = bio.FAST_CRITERIA[key.criteria]
    unit = fast["glucose_unit"]
    parts = [f"glucose {_g(fast['glucose'])} {unit}"]
    for k, (name, u) in _FAST_INPUTS.items():
        if fast.get(name) is not None:
            parts.append(f"{'C-peptide' if k == 'c_peptide' else k} {_g(fast[name])} {u}")
    with_sym = {True: "with symptoms", False: "without symptoms", None: "symptoms not recorded"}[fast.get("symptoms")]
    head = f"Supervised fast ({cs.name} criteria): {', '.join(parts)}, {with_sym}: "
    tail = {"met": "criteria for endogenous hyperinsulinism met; " + " and ".join(bio.FAST_SCREENS) + " still needed.",
            "incomplete": "incomplete (" + ", ".join(key.missing) + " not reported).",
            "not_hyperinsulinaemic": "hypoglycaemia without endogenous hyperinsulinism by these cut-offs.",
            "no_symptoms": "criteria not met (no symptoms at the low glucose).",
            "no_hypoglycaemia": "criteria not met (glucose not low enough)."}[key.value]
    return (head + tail).replace("c_peptide", "C-peptide")


# --- gastrinoma: gastrin, acid, PPI, secretin --------------------------------------------------------------------------
GASTRIN_LEVELS: tuple[str, ...] = ("established", "secretin_positive", "needs_provocative_test", "needs_ph",
                                   "secretin_negative", "acid_not_shown", "confounded_by_ppi", "normal_gastrin")
GASTRIN_WORDS: dict[str, str] = {
    "established": "Zollinger-Ellison syndrome established: very high gastrin with acid",
    "secretin_positive": "Zollinger-Ellison syndrome shown by the secretin test",
    "needs_provocative_test": "Not established yet: a secretin test (or basal acid output) is needed",
    "needs_ph": "Incomplete: the gastric pH is needed",
    "secretin_negative": "Not shown by the secretin test",
    "acid_not_shown": "High gastrin without acid: not read as Zollinger-Ellison syndrome",
    "confounded_by_ppi": "Cannot be read on a proton-pump inhibitor",
    "normal_gastrin": "Normal fasting gastrin: Zollinger-Ellison syndrome unlikely",
}


@dataclass(frozen=True)
class Gastrin(_Result):
    """The result of :func:`zes_biochemistry`: ``value`` one of :data:`GASTRIN_LEVELS`; ``times_uln`` the fasting
    gastrin as a multiple of the upper limit of normal."""

    times_uln: float = 0.0
    card_title: ClassVar[str] = "Gastrin and acid (Zollinger-Ellison syndrome)"
    flag_text: ClassVar[Mapping[str, str]] = {
        "exactly_ten": "Exactly ten times the upper limit: the Jensen-group review says more than ten times; the "
                       "NCI PDQ summary (notebook 06) writes at least ten times. Say which you use.",
        "ppi_not_reported": "Whether the patient takes a proton-pump inhibitor is not reported: PPIs raise gastrin "
                            "and gastric pH. Ask.",
        "criterion_named": f"The secretin criterion here is the NIH one (a rise of at least "
                           f"{bio.ZES_SECRETIN_NIH.rise_pg_ml} pg/mL); others exist ("
                           + " and ".join(f"{c.rise_pg_ml}" for c in bio.ZES_SECRETIN_CRITERIA
                                          if c is not bio.ZES_SECRETIN_NIH) + " pg/mL, notebook 06).",
    }


def zes_biochemistry(fasting_gastrin_pg_ml: float, upper_limit_pg_ml: float, *, gastric_ph: float | None = None,
                     on_ppi: bool | None = None, secretin_rise_pg_ml: float | None = None) -> Gastrin:
    """Read fasting serum gastrin (pg/mL) against its laboratory's upper limit of normal (pg/mL), with the fasting
    gastric pH (0-14), whether the patient takes a proton-pump inhibitor, and the gastrin rise after secretin
    (pg/mL). Criteria (fact sheet 2, 2.15-2.16, :mod:`netlib.data.biomarkers`): gastrin more than ten times the
    upper limit with pH at or below 2 establishes the syndrome; otherwise a secretin rise of at least 120 pg/mL (NIH
    criterion) or basal acid output. None = not measured or not reported."""
    g = checks.number("fasting_gastrin_pg_ml", fasting_gastrin_pg_ml, 0, 1e6, unit="pg/mL")
    uln = checks.number("upper_limit_pg_ml", upper_limit_pg_ml, 0, 1e4, low_open=True, unit="pg/mL")
    if gastric_ph is not None:
        gastric_ph = checks.number("gastric_ph", gastric_ph, 0, 14, unit="pH")
    if on_ppi is not None:
        checks.boolean("on_ppi", on_ppi)
    if secretin_rise_pg_ml is not None:
        secretin_rise_pg_ml = checks.number("secretin_rise_pg_ml", secretin_rise_pg_ml, -1e6, 1e6, unit="pg/mL")
    ratio = g / uln
    k, ph_max, sec = bio.ZES_GASTRIN_TIMES_ULN, bio.ZES_MAX_PH, bio.ZES_SECRETIN_RISE_PG_ML
    flags: list[str] = []
    sources = list(bio.ZES_SOURCES)
    steps = [f"Fasting gastrin {_g(g)} pg/mL against an upper limit of {_g(uln)} pg/mL: {ratio:.1f} times the upper "
             f"limit. Fasting gastrin is the first test (sensitivity {bio.ZES_FSG_SENSITIVITY} %)."]
    very_high = ratio > k
    if ratio == k:
        flags.append("exactly_ten")
        sources.append("pdq_pnet")
    acid = None if gastric_ph is None else gastric_ph <= ph_max
    if gastric_ph is not None:
        steps.append(f"Gastric pH {_g(gastric_ph)}: " + (f"acid (pH at or below {ph_max})." if acid else
                                                          f"not acid (pH above {ph_max})."))
    else:
        steps.append("Gastric pH not reported.")
    if on_ppi is None and ratio > 1:
        flags.append("ppi_not_reported")
    sec_pos = None if secretin_rise_pg_ml is None else secretin_rise_pg_ml >= sec
    if secretin_rise_pg_ml is not None:
        flags.append("criterion_named")
        steps.append(f"Secretin test: gastrin rise {_g(secretin_rise_pg_ml)} pg/mL, "
                     + ("positive" if sec_pos else "negative") + f" by the NIH criterion (at least {sec} pg/mL; "
                     f"{bio.ZES_SECRETIN_PERFORMANCE[0]} % sensitive, {bio.ZES_SECRETIN_PERFORMANCE[1]} % specific).")
    if ratio <= 1:
        value = "normal_gastrin"
        steps.append("A fasting gastrin within the normal range, if it stays normal on repeat, essentially excludes "
                     "Zollinger-Ellison syndrome.")
        neighbour = "Not 'needs a secretin test': with a normal fasting gastrin there is nothing to provoke."
    elif on_ppi:
        value = "confounded_by_ppi"
        text, keys = bio.ZES_PPI_OFF
        sources += list(keys)
        steps.append(f"On a proton-pump inhibitor: PPIs raise gastrin and the gastric pH, and about "
                     f"{bio.ZES_PPI_RANGE_SHARE} % of patients with the syndrome have a gastrin in the range PPIs "
                     f"produce. Repeat off the PPI ({text}) only if stopping it is safe; high-dose PPI is also the "
                     "treatment of the syndrome.")
        if secretin_rise_pg_ml is not None:
            steps.append("How a PPI changes the secretin test is not covered here, so its result is not read.")
        neighbour = ("Not 'high gastrin without acid': a PPI raises the pH itself. Not 'established': the gastrin "
                     "cannot be told from the PPI's effect.")
    elif very_high and acid:
        value = "established"
        steps.append(f"More than {k} times the upper limit (usually above {bio.ZES_GASTRIN_USUAL_PG_ML:,} pg/mL) with "
                     f"pH at or below {ph_max}: the syndrome is established. Only about {bio.ZES_MEETS_BOTH_SHARE} % "
                     "of patients meet both.")
        neighbour = "Not 'needs a secretin test': gastrin and acid together already establish it."
    elif acid is False:
        value = "acid_not_shown"
        steps.append("High gastrin with a high pH is what chronic atrophic gastritis (the background of type 1 gastric "
                     "NETs) or a PPI produce: the stomach makes little acid, so gastrin rises. Zollinger-Ellison "
                     "syndrome needs acid.")
        if sec_pos:
            steps.append("The positive secretin test does not replace acid: without acid the raised gastrin is not "
                         "read as Zollinger-Ellison syndrome.")
        neighbour = ("Not 'established', however high the gastrin" + (" and whatever the secretin test" if
                                                                       secretin_rise_pg_ml is not None else "")
                     + f": acid (pH at or below {ph_max}) must be shown, and here it is not.")
    elif sec_pos and acid is None:
        value = "needs_ph"
        neighbour = (f"Not 'shown by the secretin test' yet: the test is positive, but the syndrome also needs acid "
                     f"(pH at or below {ph_max}), and the pH is not reported. A high pH would point to atrophic "
                     "gastritis or a PPI instead.")
    elif sec_pos:
        value = "secretin_positive"
        neighbour = (f"Not 'needs a provocative test': the secretin test is done and positive (at least {sec} pg/mL), "
                     "with acid shown.")
    elif sec_pos is False:
        value = "secretin_negative"
        c = bio.ZES_CALCIUM
        steps.append(f"A negative secretin test does not end the search: the calcium test (rise of at least "
                     f"{c['rise_pg_ml']} pg/mL) is less sensitive ({c['sensitivity_percent']} %) but positive in "
                     f"{c['secretin_negative_positive']} of patients whose secretin test is negative.")
        neighbour = f"Not 'shown by the secretin test': the rise is below {sec} pg/mL."
    elif very_high:
        value = "needs_ph"
        neighbour = (f"Not 'established': more than {k} times the upper limit needs acid (pH at or below {ph_max}) "
                     "to establish the syndrome.")
    else:
        value = "needs_provocative_test"
        bao = bio.ZES_BAO
        steps.append(f"Gastrin raised but not more than {k} times the upper limit: a secretin test (rise of at least "
                     f"{sec} pg/mL) or basal acid output above {bao['mEq_per_h']} mEq/h (above "
                     f"{bao['after_surgery_mEq_per_h']} after acid-reducing surgery) is needed.")
        neighbour = (f"Not 'established': that needs more than {k} times the upper limit with pH at or below {ph_max}"
                     + ("." if acid else ", and the pH is not reported."))
    steps.append(neighbour)
    return Gastrin(value, GASTRIN_WORDS[value], f"gastrin {ratio:.1f} times the upper limit"
                   + (f", pH {_g(gastric_ph)}" if gastric_ph is not None else ""), neighbour, tuple(flags),
                   tuple(steps), tuple(dict.fromkeys(sources)), ratio)


def check_gastrin(answer: str, **zes) -> "Feedback":
    """Judge ``answer`` (one of :data:`GASTRIN_LEVELS`) for the tests (keyword inputs of :func:`zes_biochemistry`)."""
    from netlib.teaching.exercises import Feedback

    key = zes_biochemistry(**zes)
    checks.choice("answer", answer, GASTRIN_LEVELS)
    explanation = f"{key.words}. {key.neighbour}"
    if answer == key.value:
        return Feedback(answer, key.value, True, key.neighbour, explanation)
    sec_done = zes.get("secretin_rise_pg_ml") is not None
    sec_pos = sec_done and zes["secretin_rise_pg_ml"] >= bio.ZES_SECRETIN_RISE_PG_ML
    ph_known = zes.get("gastric_ph") is not None
    msg = {
        "established": f"a very high gastrin alone is not the syndrome: the criterion is more than "
                       f"{bio.ZES_GASTRIN_TIMES_ULN} times the upper limit together with acid (pH at or below "
                       f"{bio.ZES_MAX_PH}).",
        "secretin_positive": ("a positive secretin test does not stand alone: the syndrome also needs acid (pH at or "
                              f"below {bio.ZES_MAX_PH}); read the pH." if sec_pos
                              else "no positive secretin test is reported."),
        "needs_provocative_test": "before a provocative test, read what the pH and the medication already say.",
        "needs_ph": ("the pH is reported; read it." if ph_known
                     else "the missing pH does not change this answer: read what is reported."),
        "secretin_negative": ("the secretin result is not the deciding point here: read the gastrin, the pH and the "
                              "medication first." if sec_done else "no negative secretin test is reported."),
        "acid_not_shown": "a high pH is not evidence against the syndrome when something else explains it (or when "
                          "the pH was not measured).",
        "confounded_by_ppi": "no proton-pump inhibitor is reported here.",
        "normal_gastrin": "the gastrin is above the upper limit of normal.",
    }[answer]
    return Feedback(answer, key.value, False, msg, explanation)


# --- chromogranin A -------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CgaContext(_Result):
    """The result of :func:`chromogranin_a_context`: ``confounders`` (keys of
    :data:`netlib.data.biomarkers.CGA_CONFOUNDERS`) present in this patient."""

    confounders: tuple[str, ...] = ()
    card_title: ClassVar[str] = "Chromogranin A in this patient"
    flag_text: ClassVar[Mapping[str, str]] = {
        "tissue_stain": "Chromogranin A as a tissue stain (immunohistochemistry) is a different, valid use: this "
                        "card is about the blood test.",
    }


def chromogranin_a_context(conditions: Sequence[str] = (), *, ppi_can_stop: bool | None = None) -> CgaContext:
    """What falsely raises serum chromogranin A in this patient (``conditions``: keys of
    :data:`netlib.data.biomarkers.CGA_CONFOUNDERS`, e.g. ``ppi``, ``renal_insufficiency``), and what to do about a
    PPI (``ppi_can_stop``: whether the clinician judges stopping it safe; None = not decided). AJCC Version 9
    advises against the test for diagnosis or monitoring whatever the answer (fact sheet 2, 2.9-2.11)."""
    found = tuple(dict.fromkeys(checks.words("conditions", conditions, bio.CGA_CONFOUNDERS,
                                             what="a list of conditions")))
    if ppi_can_stop is not None:
        checks.boolean("ppi_can_stop", ppi_can_stop)
    text, keys = bio.CGA_AJCC9
    steps = [text]
    sources = list(keys) + ["cga_confounders"]
    if found:
        steps.append("Falsely raised by: " + "; ".join(bio.CGA_CONFOUNDERS[c] for c in found) + ".")
    else:
        steps.append("None of the known confounders is reported (" + ", ".join(bio.CGA_CONFOUNDERS.values()) + ").")
    if "ppi" in found or "h2_blocker" in found:
        for t, k in bio.CGA_PPI_EVIDENCE:
            steps.append(t)
            sources += list(k)
        w = bio.CGA_PPI_WASHOUT_WEEKS
        steps.append({True: f"Stopping the acid suppression is judged safe: a repeat sample after about {w} weeks off "
                            "it is readable.",
                      False: "Stopping the acid suppression is not safe: do not stop it for a blood test; the level "
                             "stays raised, so read it as uninformative.",
                      None: f"Stop the acid suppression about {w} weeks before a sample only if stopping it is "
                            "safe (the prescriber decides)."}[ppi_can_stop])
    if found:
        value, words = "confounded", (f"A raised chromogranin A proves nothing here: {len(found)} "
                                      f"thing{'s' if len(found) > 1 else ''} in this patient raise it")
        neighbour = ("Not 'evidence of disease': what is listed raises chromogranin A without any tumour, and AJCC "
                     "Version 9 advises against the test for diagnosis or monitoring anyway.")
    else:
        value, words = "no_confounder", "No confounder reported; chromogranin A is still not a diagnostic test"
        neighbour = ("Not 'a reliable marker once the confounders are excluded': AJCC Version 9 advises against it "
                     "for diagnosis or monitoring whatever the patient takes.")
    steps.append(neighbour)
    return CgaContext(value, words, "serum chromogranin A", neighbour, ("tissue_stain",), tuple(steps),
                      tuple(dict.fromkeys(sources)), found)


# --- 24-hour urinary 5-HIAA -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class HiaaCollection(_Result):
    """The result of :func:`five_hiaa_collection`: ``foods`` and ``drugs`` that interfere."""

    foods: tuple[str, ...] = ()
    drugs: tuple[str, ...] = ()
    card_title: ClassVar[str] = "24-hour urine 5-HIAA: before the collection"


def five_hiaa_collection(foods: Sequence[str] = (), drugs: Sequence[str] = ()) -> HiaaCollection:
    """Which of the patient's ``foods`` (words of :data:`netlib.data.biomarkers.HIAA_FOODS`) and ``drugs`` (words of
    :data:`netlib.data.biomarkers.HIAA_DRUGS`) interfere with a 24-hour urinary 5-HIAA, and for how long to avoid
    the foods (fact sheet 2, 2.12). Drug lists vary by laboratory."""
    foods = tuple(dict.fromkeys(checks.words("foods", foods, bio.HIAA_FOODS, what="a list of foods")))
    drugs = tuple(dict.fromkeys(checks.words("drugs", drugs, bio.HIAA_DRUGS, what="a list of drugs")))
    lo, hi = bio.HIAA_DIET_RANGE_HOURS
    steps = [f"Serotonin-rich foods are avoided before and during the collection: {bio.HIAA_DIET_HOURS} hours before "
             f"in most instruction sheets ({lo}-{hi} hours across sources)."]
    if foods:
        steps.append("Foods to avoid in this patient's diet: " + ", ".join(foods) + ".")
    if drugs:
        steps.append("Drugs that laboratory sheets list: " + ", ".join(drugs) + ". The lists vary by laboratory: "
                     "check your laboratory's, and stop a drug only if its prescriber agrees.")
    steps.append(bio.HIAA_CASE[0])
    if foods or drugs:
        value = "interference"
        n = len(foods) + len(drugs)
        words = f"{_count_words(n)} thing{'s' if n > 1 else ''} to avoid or discuss before the collection"
        neighbour = ("Not 'ready to collect': what the patient eats or takes can raise 5-HIAA falsely, and a false "
                     "rise looks like carcinoid syndrome.")
    else:
        value, words = "clear", "Nothing on the course's lists: follow the laboratory's own sheet"
        neighbour = ("Not 'no preparation needed': the laboratory's own sheet may list more, and the diet still "
                     "applies during the collection.")
    steps.append(neighbour)
    return HiaaCollection(value, words, f"diet {bio.HIAA_DIET_HOURS} h before and during", neighbour, (),
                          tuple(steps), bio.HIAA_SOURCES, foods, drugs)


# --- keys of the typed tasks -----------------------------------------------------------------------------------------
def krenning_key(vs_liver: str, vs_spleen: str | None = None) -> "NumericKey":
    """Key of "type the Krenning score of this lesion" (exact); each neighbouring score is a trap that names the
    comparison it misreads."""
    from netlib.teaching.exercises import NumericKey, Trap

    key = krenning_score(vs_liver, vs_spleen)
    traps = []
    for s in range(imaging.KRENNING_RANGE[0], imaging.KRENNING_RANGE[1] + 1):
        if s != key.score:
            traps.append(Trap(float(s), 0.0, f"{s} means {_level(s).uptake}; compare the lesion with the liver "
                                              "first, then (if above it) with the spleen."))
    return NumericKey(float(key.score), 0.0, "", f"{key.words}: {key.detail}. {key.neighbour}", tuple(traps),
                      "The Krenning score is a whole number from 0 to 4: read the scale in the table.")


#: Tolerance (mmol/L) for a typed glucose conversion: one decimal place.
GLUCOSE_TOLERANCE_MMOL_L = 0.1


def glucose_key(glucose_mg_dl: float) -> "NumericKey":
    """Key of "this glucose in mmol/L" (within :data:`GLUCOSE_TOLERANCE_MMOL_L`); multiplying instead of dividing is
    a trap."""
    from netlib.teaching.exercises import NumericKey, Trap

    v = to_mmol_l(glucose_mg_dl)
    f = bio.GLUCOSE_MG_DL_PER_MMOL_L
    tol = GLUCOSE_TOLERANCE_MMOL_L
    traps = (Trap(glucose_mg_dl * f, max(1.0, glucose_mg_dl), "you multiplied by about 18: mmol/L is the smaller "
                                                              "number, so divide."),
             Trap(glucose_mg_dl / 10, tol, "you divided by 10 (decilitres to litres) only; divide by about 18, the "
                                           "molar mass of glucose over 10."))
    return NumericKey(round(v, 2), tol, "mmol/L", f"{_g(glucose_mg_dl)} mg/dL ÷ {f:g} = {v:.2f} mmol/L (about "
                                                  f"{v:.1f}).", traps,
                      "Divide mg/dL by about 18 to get mmol/L.")
