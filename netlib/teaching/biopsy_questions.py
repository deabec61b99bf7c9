"""Notebook 11 (the biopsy and the unknown primary): the self-checks and typed tasks.

Each question's key, feedback and model answer come from :mod:`netlib.biopsy`; this module only turns them into the
questions a trainee answers. Teaching material, not a clinical decision tool.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from netlib import checks
from netlib.biopsy import (
    _SAMPLE_CHOICES,
    BIOPSY_LABELS,
    SITE_SPELLINGS,
    biopsy_line,
    check_biopsy_label,
    check_gca_grade,
    check_primary,
    check_sample_grade,
    goblet_cell_grade,
    grades_by_sample,
    thoracic_biopsy_label,
)
from netlib.data import site_markers as SM
from netlib.errors import InvalidValueError
from netlib.markers import rank_primaries

if TYPE_CHECKING:
    from netlib.teaching.questions import Question

__all__ = ["primary_question", "primary_task", "biopsy_question", "biopsy_report_task", "gca_grade_task",
           "sample_grade_question"]

#: The labels a trainee chooses from for a biopsy (the WHO names and the NOS label).
_BIOPSY_CHOICES = ("typical", "atypical", "carcinoid_nos", "sclc")


def _card(result) -> str:
    return result._repr_html_()


def _site_label(site: str) -> str:
    return "no site favoured" if site == "none" else SM.SITE_WORDS[site]


def primary_question(title: str, prompt: str, panel: Mapping[str, str],
                     choices: Sequence[str] | None = None) -> "Question":
    """A self-check: which site ranks first for this panel? Options are sites in words; feedback from
    :func:`check_primary`; the explanation is the ranking card."""
    from netlib.teaching.questions import choice_question

    key = rank_primaries(panel)
    allowed = (*SM.SITES, "none")
    choices = allowed if choices is None else checks.words("choices", choices, allowed, what="a list of sites")
    if len(set(choices)) < 2 or not any(check_primary(c, panel).correct for c in choices):
        raise InvalidValueError("choices", f"give at least two different sites including the key; got {choices}")
    return choice_question(title, prompt, tuple(dict.fromkeys(choices)), lambda a: check_primary(a, panel),
                           labels=_site_label, explanation_html=_card(key))


def primary_task(title: str, prompt: str, panel: Mapping[str, str]) -> "Question":
    """A typed short answer: the site that ranks first for this panel (one site; any spelling of
    :data:`SITE_SPELLINGS`). Each other site is a trap whose message names the misconception."""
    from netlib.teaching.questions import short_answer

    key = rank_primaries(panel)
    if len(key.top) != 1:
        raise InvalidValueError("panel", "the panel must rank one site first for a typed answer")
    site = key.top[0]
    traps = [(spelling, check_primary(other, panel).message) for other in SM.SITES if other != site
             for spelling in SITE_SPELLINGS[other]]
    traps += [(w, "a site can be ranked: at least one marker is positive.") for w in ("unknown", "none")]
    return short_answer(title, prompt, SITE_SPELLINGS[site], check_primary(site, panel).message,
                        "Type one site: lung, pancreas, small intestine, appendix or rectum.", traps,
                        explanation_html=_card(key))


def biopsy_question(title: str, prompt: str, **case) -> "Question":
    """A self-check: what can this small thoracic biopsy be called? Options: typical carcinoid, atypical carcinoid,
    carcinoid NOS, small cell carcinoma; feedback from :func:`check_biopsy_label`."""
    from netlib.teaching.questions import choice_question

    key = thoracic_biopsy_label(**case)
    if key.label not in _BIOPSY_CHOICES:
        raise InvalidValueError("case", f"this case's label ({key.headline()}) is not among the options")
    return choice_question(title, prompt, _BIOPSY_CHOICES, lambda a: check_biopsy_label(a, **case),
                           labels=BIOPSY_LABELS.__getitem__, explanation_html=_card(key))


def biopsy_report_task(title: str, prompt: str, checklist: Sequence[str] = (), **case) -> "Question":
    """Write the one-line diagnosis for a small thoracic biopsy; the model answer is :func:`biopsy_line`."""
    from netlib.teaching.questions import free_text

    return free_text(title, prompt, biopsy_line(**case), checklist,
                     explanation_html=_card(thoracic_biopsy_label(**case)))


def gca_grade_task(title: str, prompt: str, low_grade_percent: float) -> "Question":
    """A typed short answer: the goblet cell adenocarcinoma grade for ``low_grade_percent``; the other grades and
    NET grades are traps."""
    from netlib.teaching.questions import short_answer

    key = goblet_cell_grade(low_grade_percent)
    if key.grade == "not graded":
        raise InvalidValueError("low_grade_percent", "choose a share above 0 %: 0 % has no grade to type")
    traps = [(g, check_gca_grade(g, low_grade_percent).message) for g in ("G1", "G2", "G3") if g != key.grade]
    traps += [(f"NET {g}", check_gca_grade(f"NET {g}", low_grade_percent).message) for g in ("G1", "G2", "G3")]
    return short_answer(title, prompt, (key.grade, "grade " + key.grade[1]), check_gca_grade(key.grade,
                                                                                          low_grade_percent).message,
                        "Type a grade: G1, G2 or G3.", traps, explanation_html=_card(key))


def sample_grade_question(title: str, prompt: str, samples: Mapping[str, float], sample: str) -> "Question":
    """A self-check: which grade does ``sample`` carry? Options NET G1-G3 and "the primary's grade"."""
    from netlib.teaching.questions import choice_question

    labels = {"NET G1": "NET G1", "NET G2": "NET G2", "NET G3": "NET G3",
              "primary": "the primary's grade: a patient has one grade"}
    return choice_question(title, prompt, _SAMPLE_CHOICES, lambda a: check_sample_grade(a, samples, sample),
                           labels=labels.__getitem__, explanation_html=_card(grades_by_sample(samples)))
