"""Interactive elements for the notebooks, built on the pure logic.

Each builder returns a small object holding its widgets, so pytest (and a notebook cell) can
set ``.value`` and read the resulting text without a browser. Import this module only where
widgets are wanted; ``import netlib`` does not load ipywidgets.
"""
from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as W

from .findings import VOCABULARY, Findings
from .grading import LABELS, Grade, grade
from .selfcheck import Feedback, check_grade

__all__ = ["GradeCalculator", "grade_calculator", "GradeQuiz", "grade_quiz"]

_NONE = "(not reported)"


def _opt(value):
    return None if value == _NONE else value


@dataclass
class GradeCalculator:
    """Inputs for site, differentiation, Ki-67 and mitoses, and an HTML card that regrades on change."""

    site: W.Dropdown
    differentiation: W.Dropdown
    ki67: W.BoundedFloatText
    mitoses: W.BoundedFloatText
    card: W.HTML
    box: W.VBox
    result: Grade | None = None
    error: str | None = None

    def update(self, _change=None) -> None:
        try:
            f = Findings(site=_opt(self.site.value), differentiation=_opt(self.differentiation.value),
                         ki67_percent=self.ki67.value, mitoses_per_2mm2=self.mitoses.value)
            self.result, self.error = grade(f), None
            self.card.value = self.result._repr_html_()
        except (TypeError, ValueError) as e:  # cannot happen with bounded inputs; shown if it does
            self.result, self.error = None, str(e)
            self.card.value = f"<b>Input error:</b> {e}"


def grade_calculator(site: str = "pancreas", differentiation: str = "well", ki67: float = 2.0,
                     mitoses: float = 1.0) -> GradeCalculator:
    """A grade calculator: change any input and the card (steps, flags, sources) updates."""
    style = {"description_width": "150px"}
    site_w = W.Dropdown(options=[_NONE, *VOCABULARY["site"]], value=site, description="Site", style=style)
    diff_w = W.Dropdown(options=[_NONE, *VOCABULARY["differentiation"]], value=differentiation,
                        description="Differentiation", style=style)
    ki_w = W.BoundedFloatText(value=ki67, min=0, max=100, step=0.1, description="Ki-67 (%)", style=style)
    mi_w = W.BoundedFloatText(value=mitoses, min=0, max=1000, step=1, description="Mitoses / 2 mm2", style=style)
    card = W.HTML()
    calc = GradeCalculator(site_w, diff_w, ki_w, mi_w, card, W.VBox([site_w, diff_w, ki_w, mi_w, card]))
    for w in (site_w, diff_w, ki_w, mi_w):
        w.observe(calc.update, names="value")
    calc.update()
    return calc


@dataclass
class GradeQuiz:
    """One self-check: a case, a choice of labels, a Check button and the feedback."""

    findings: Findings
    answer: W.Dropdown
    button: W.Button
    feedback: W.HTML
    box: W.VBox
    last: Feedback | None = None

    def check(self, _button=None) -> Feedback:
        self.last = check_grade(self.findings, self.answer.value)
        self.feedback.value = self.last._repr_html_()
        return self.last


def grade_quiz(findings: Findings, prompt: str, choices: tuple[str, ...] = LABELS) -> GradeQuiz:
    """A self-check widget for one case; the key comes from :func:`netlib.grade`."""
    answer = W.Dropdown(options=list(choices), description="Your grade")
    button = W.Button(description="Check")
    feedback = W.HTML()
    quiz = GradeQuiz(findings, answer, button, feedback, W.VBox([W.HTML(prompt), answer, button, feedback]))
    button.on_click(quiz.check)
    return quiz
