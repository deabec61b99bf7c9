"""Notebook 12 (advanced disease and complications): the self-checks and typed tasks.

Each question's key, feedback and model answer come from :mod:`netlib.advanced`; this module only turns them into the
questions a trainee answers. Teaching material, not a clinical decision tool.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from netlib import checks
from netlib.advanced import (
    CHD_ANSWERS,
    CRISIS_WORDS,
    TRANSPLANT_LEVELS,
    TRANSPLANT_WORDS,
    _cohort,
    chd_screening,
    check_chd,
    check_crisis,
    check_transplant,
    crisis_risk,
    follow_up_line,
    follow_up_plan,
    missed_per_100,
    transplant_candidate,
    transplant_change_line,
)
from netlib.data import advanced as data
from netlib.errors import InvalidValueError
from netlib.findings import Findings

if TYPE_CHECKING:
    from netlib.teaching.questions import Question

__all__ = ["transplant_question", "transplant_change_task", "chd_question", "chd_missed_task", "crisis_question",
           "follow_up_task"]


def _card(result) -> str:
    return result._repr_html_()


def transplant_question(title: str, prompt: str, choices: Sequence[str] | None = None, **inputs) -> "Question":
    """A self-check: where does this case stand against the Milan criteria? Options :data:`TRANSPLANT_WORDS`;
    feedback from :func:`check_transplant`; the explanation is the result card."""
    from netlib.teaching.questions import choice_question

    key = transplant_candidate(**inputs)
    choices = TRANSPLANT_LEVELS if choices is None else checks.words("choices", choices, TRANSPLANT_LEVELS)
    if len(set(choices)) < 2 or key.level not in choices:
        raise InvalidValueError("choices", f"give at least two different answers including the key; got {choices}")
    return choice_question(title, prompt, tuple(dict.fromkeys(choices)), lambda a: check_transplant(a, **inputs),
                           labels=TRANSPLANT_WORDS.__getitem__, explanation_html=_card(key))


def transplant_change_task(title: str, prompt: str, before: Mapping[str, Any], after: Mapping[str, Any],
                           checklist: Sequence[str] = ()) -> "Question":
    """Predict in words what a change of the inputs does; the model answer is :func:`transplant_change_line`."""
    from netlib.teaching.questions import free_text

    return free_text(title, prompt, transplant_change_line(before, after), checklist,
                     explanation_html=_card(transplant_candidate(**after)))


def chd_question(title: str, prompt: str, nt_probnp_pg_ml: float) -> "Question":
    """A self-check: what does this NT-proBNP value mean? Options :data:`CHD_ANSWERS`; feedback from
    :func:`check_chd`; the explanation is the result card."""
    from netlib.teaching.questions import choice_question

    key = chd_screening(nt_probnp_pg_ml)
    return choice_question(title, prompt, tuple(CHD_ANSWERS), lambda a: check_chd(a, nt_probnp_pg_ml),
                           labels=CHD_ANSWERS.__getitem__, explanation_html=_card(key))


def chd_missed_task(title: str, prompt: str, cohort: str = "2023") -> "Question":
    """A typed-number task: per 100 patients with carcinoid heart disease, at the sensitivity found in ``cohort``,
    how many would test below the cut-off? Exact (tolerance 0); the other cohort, the sensitivity and the specificity
    are traps."""
    from netlib.teaching.exercises import NumericKey, Trap
    from netlib.teaching.questions import number_task

    c = _cohort(cohort)
    value = missed_per_100(cohort)
    others = [k for k in data.CHD_COHORTS if k != cohort]
    traps = [Trap(missed_per_100(k), 0.0, f"{missed_per_100(k):g} is the figure of the {data.CHD_COHORTS[k].label}; "
                  f"the question asks about the {c.label}.") for k in others]
    traps.append(Trap(c.sensitivity, 0.0, f"{c.sensitivity:g} % is the sensitivity: the share of patients with heart "
                                          "disease the test catches. The question asks how many it misses."))
    traps.append(Trap(100 - c.specificity, 0.0, f"{100 - c.specificity:g} comes from the specificity, which is about "
                                                "patients without heart disease."))
    key: NumericKey = NumericKey(value, 0.0, "patients", f"{value:g} of 100: the sensitivity in the {c.label} was "
                                 f"{c.sensitivity:g} %, so {value:g} of every 100 patients with heart disease would "
                                 f"test below the cut-off (the cohort itself had {c.with_chd}).", tuple(traps),
                                 "missed = 100 minus the sensitivity (%); read the sensitivity of the cohort asked.")
    return number_task(title, prompt, key, "A value below the cut-off does not rule carcinoid heart disease out in "
                                           "every cohort: echocardiography decides.")


def crisis_question(title: str, prompt: str, *, liver_metastases: bool, carcinoid_syndrome: bool,
                    choices: Sequence[str] | None = None) -> "Question":
    """A self-check on a carcinoid crisis before an operation; options from :data:`CRISIS_WORDS` (including the
    misconceptions 'no risk' and 'octreotide prevents it'); feedback from :func:`check_crisis`."""
    from netlib.teaching.questions import choice_question

    inputs = {"liver_metastases": liver_metastases, "carcinoid_syndrome": carcinoid_syndrome}
    key = crisis_risk(**inputs)
    default = ("no_risk", key.level, "octreotide_prevents", "raised" if key.level != "raised" else "present")
    choices = default if choices is None else checks.words("choices", choices, CRISIS_WORDS)
    if key.level not in choices:
        raise InvalidValueError("choices", f"the choices must include the key; got {choices}")
    return choice_question(title, prompt, tuple(dict.fromkeys(choices)), lambda a: check_crisis(a, **inputs),
                           labels=CRISIS_WORDS.__getitem__, explanation_html=_card(key))


def follow_up_task(title: str, prompt: str, findings: Findings, checklist: Sequence[str] = ()) -> "Question":
    """Write the follow-up plan; the model answer is :func:`follow_up_line`, the explanation the result card."""
    from netlib.teaching.questions import free_text

    return free_text(title, prompt, follow_up_line(findings), checklist,
                     explanation_html=_card(follow_up_plan(findings)))
