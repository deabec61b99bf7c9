"""Notebook 10 (imaging and biomarkers): the self-checks and typed tasks.

Each question's key, feedback and model answer come from :mod:`netlib.biomarkers`; this module only turns them into the
questions a trainee answers. Teaching material, not a clinical decision tool.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from netlib import checks
from netlib.biomarkers import (
    FAST_LEVELS,
    FAST_WORDS,
    GASTRIN_LEVELS,
    GASTRIN_WORDS,
    UPTAKE_LEVELS,
    UPTAKE_WORDS,
    check_fast,
    check_gastrin,
    check_uptake,
    fast_report_line,
    glucose_key,
    krenning_key,
    krenning_score,
    prrt_uptake,
    supervised_fast,
    zes_biochemistry,
)
from netlib.data import biomarkers as bio
from netlib.errors import InvalidValueError

if TYPE_CHECKING:
    from netlib.teaching.questions import Question

__all__ = ["krenning_task", "uptake_question", "fast_question", "glucose_task", "fast_report_task", "gastrin_question"]


def _card(result) -> str:
    return result._repr_html_()


def _choices(choices, allowed, key, what):
    choices = tuple(allowed) if choices is None else tuple(dict.fromkeys(checks.words("choices", choices, allowed,
                                                                                      what=what)))
    if len(choices) < 2 or key not in choices:
        raise InvalidValueError("choices", f"give at least two different answers including the key; got {choices}")
    return choices


def krenning_task(title: str, prompt: str, vs_liver: str, vs_spleen: str | None = None) -> "Question":
    """Type the Krenning score of a described lesion (key from :func:`krenning_key`, exact)."""
    from netlib.teaching.questions import number_question

    return number_question(title, prompt, krenning_key(vs_liver, vs_spleen),
                           explanation_html=_card(krenning_score(vs_liver, vs_spleen)))


def uptake_question(title: str, prompt: str, *, vs_liver: str, vs_spleen: str | None = None,
                    sstr_negative_fdg_lesion: bool | None = None, choices: Sequence[str] | None = None) -> "Question":
    """A self-check: does the uptake of a described lesion (``vs_liver``, ``vs_spleen`` as in :func:`krenning_score`)
    qualify for PRRT? The trainee reads the image into a score and the liver comparison into an answer (score 2
    below the liver meets neither reading, equal to it is disputed). Options in words
    (:data:`UPTAKE_WORDS`); the explanation shows both cards."""
    from netlib.teaching.questions import choice_question

    read = krenning_score(vs_liver, vs_spleen)
    key = prrt_uptake(read.score, vs_liver=vs_liver, sstr_negative_fdg_lesion=sstr_negative_fdg_lesion)
    choices = _choices(choices, UPTAKE_LEVELS, key.value, "a list of answers")
    return choice_question(title, prompt, choices,
                           lambda a: check_uptake(a, read.score, vs_liver=vs_liver,
                                                  sstr_negative_fdg_lesion=sstr_negative_fdg_lesion),
                           labels=UPTAKE_WORDS.__getitem__, explanation_html=_card(read) + _card(key))


def fast_question(title: str, prompt: str, choices: Sequence[str] | None = None, **fast) -> "Question":
    """A self-check: what does the fast show? Options in words (:data:`FAST_WORDS`)."""
    from netlib.teaching.questions import choice_question

    key = supervised_fast(**fast)
    choices = _choices(choices, FAST_LEVELS, key.value, "a list of answers")
    return choice_question(title, prompt, choices, lambda a: check_fast(a, **fast), labels=FAST_WORDS.__getitem__,
                           explanation_html=_card(key))


def glucose_task(title: str, prompt: str, glucose_mg_dl: float) -> "Question":
    """Type a glucose in mmol/L (key from :func:`glucose_key`, within 0.1 mmol/L)."""
    from netlib.teaching.questions import number_task

    return number_task(title, prompt, glucose_key(glucose_mg_dl),
                       f"1 mmol/L of glucose is about {bio.GLUCOSE_MG_DL_PER_MMOL_L:g} mg/dL (molar mass 180.16 g/mol, "
                       "per decilitre). Guidelines print both units, rounded.")


def fast_report_task(title: str, prompt: str, checklist: Sequence[str] = (), **fast) -> "Question":
    """Write the one-sentence conclusion of a fast; the model answer is :func:`fast_report_line`."""
    from netlib.teaching.questions import free_text

    return free_text(title, prompt, fast_report_line(**fast), checklist, explanation_html=_card(supervised_fast(**fast)))


def gastrin_question(title: str, prompt: str, choices: Sequence[str] | None = None, **zes) -> "Question":
    """A self-check: what do gastrin, pH, PPI and secretin say? Options in words (:data:`GASTRIN_WORDS`)."""
    from netlib.teaching.questions import choice_question

    key = zes_biochemistry(**zes)
    choices = _choices(choices, GASTRIN_LEVELS, key.value, "a list of answers")
    return choice_question(title, prompt, choices, lambda a: check_gastrin(a, **zes),
                           labels=GASTRIN_WORDS.__getitem__, explanation_html=_card(key))
