"""Notebook 09 (hereditary syndromes): the self-checks and typed tasks.

Each question's key, feedback and model answer come from :mod:`netlib.hereditary`; this module only turns them into the
questions a trainee answers. Teaching material, not a clinical decision tool.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from netlib import checks
from netlib.errors import InvalidValueError
from netlib.findings import Findings
from netlib.hereditary import (
    LEVEL_WORDS,
    LEVELS,
    READING_WORDS,
    READINGS,
    check_referral,
    check_stains,
    germline_referral,
    p53_rb_aid,
    penetrance_key,
    referral_change_line,
    stain_report_line,
)

if TYPE_CHECKING:
    from netlib.teaching.questions import Question

__all__ = ["referral_question", "referral_change_task", "stain_question", "penetrance_task", "stain_report_task"]


def _card(result) -> str:
    return result._repr_html_()


def referral_question(title: str, prompt: str, findings: Findings, choices: Sequence[str] | None = None,
                      **history) -> "Question":
    """A self-check: which answer does :func:`germline_referral` give for this case? Options in words
    (:data:`LEVEL_WORDS`); feedback from :func:`check_referral`; the explanation is the result card."""
    from netlib.teaching.questions import choice_question

    key = germline_referral(findings, **history)
    choices = LEVELS if choices is None else checks.words("choices", choices, LEVELS, what="a list of answers")
    if len(set(choices)) < 2 or key.level not in choices:
        raise InvalidValueError("choices", f"give at least two different answers including the key; got {choices}")
    return choice_question(title, prompt, tuple(dict.fromkeys(choices)),
                           lambda a: check_referral(findings, a, **history), labels=LEVEL_WORDS.__getitem__,
                           explanation_html=_card(key))


def referral_change_task(title: str, prompt: str, findings: Findings, before: Mapping[str, Any],
                         after: Mapping[str, Any], checklist: Sequence[str] = ()) -> "Question":
    """Predict in words what one change of the inputs does; the model answer is :func:`referral_change_line`."""
    from netlib.teaching.questions import free_text

    return free_text(title, prompt, referral_change_line(findings, before, after), checklist,
                     explanation_html=_card(germline_referral(findings, **after)))


def stain_question(title: str, prompt: str, choices: Sequence[str] | None = None, **stains) -> "Question":
    """A self-check: what do the stains say? Options in words (:data:`READING_WORDS`, including the misconception
    'proves NEC'); feedback from :func:`check_stains`; the explanation is the result card."""
    from netlib.teaching.questions import choice_question

    key = p53_rb_aid(**stains)
    allowed = (*READINGS, "proves_nec")
    choices = allowed if choices is None else checks.words("choices", choices, allowed, what="a list of readings")
    if len(set(choices)) < 2 or key.reading not in choices:
        raise InvalidValueError("choices", f"give at least two different readings including the key; got {choices}")
    return choice_question(title, prompt, tuple(dict.fromkeys(choices)), lambda a: check_stains(a, **stains),
                           labels=READING_WORDS.__getitem__, explanation_html=_card(key))


def penetrance_task(title: str, prompt: str, age: int = 50) -> "Question":
    """A typed-number task: MEN1 penetrance by ``age`` (key from :func:`penetrance_key`)."""
    from netlib.teaching.questions import number_task

    return number_task(title, prompt, penetrance_key(age),
                       "Penetrance rises with age; it is not the 50 % chance that a child inherits the variant.")


def stain_report_task(title: str, prompt: str, checklist: Sequence[str] = (), **stains) -> "Question":
    """Write the report comment for the stains (keyword inputs of :func:`p53_rb_aid`); the model answer is
    :func:`stain_report_line`, the explanation the result card."""
    from netlib.teaching.questions import free_text

    return free_text(title, prompt, stain_report_line(**stains), checklist, explanation_html=_card(p53_rb_aid(**stains)))
