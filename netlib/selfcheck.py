"""Self-check exercises: compare a trainee's answer with the key computed by netlib, and say why.

The key always comes from :func:`netlib.grading.grade`, never typed by hand. A wrong answer gets
feedback naming the likely misconception (graded on one parameter only, boundary slip, Ki-67
taken for differentiation, ...). Works without a frontend; widgets wrap the same functions.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .findings import Findings
from .grading import LABELS, Grade, grade

__all__ = ["Feedback", "check_grade"]


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer: ``correct``, the ``expected`` key, and a ``message`` for the trainee."""

    answer: str
    expected: str
    correct: bool
    message: str

    def __str__(self) -> str:
        return ("Correct: " if self.correct else "Not quite: ") + self.message

    def _repr_html_(self) -> str:
        colour = "#1a7f37" if self.correct else "#b35806"
        return f'<div style="border-left:4px solid {colour};padding-left:8px">{escape(str(self))}</div>'


def _diagnose(f: Findings, answer: str, key: Grade) -> str:
    flags = key.flags
    exp = key.label
    if exp == "undetermined":
        why = key.steps[-1] if key.steps else ""
        return f"the findings do not allow a grade here ({why}) - answer 'undetermined'."
    if f.is_thoracic and answer.startswith("NET G"):
        return ("lung and thymus use the thoracic names and criteria (mitoses per 2 mm2, necrosis, morphology), "
                f"not the digestive G1-G3 grades: this is {exp}.")
    if exp == "NET G3" and answer == "NEC":
        return "Ki-67 > 20 % does not make a carcinoma: the tumour is well differentiated, so it is NET G3."
    if exp == "NEC" and answer.startswith("NET"):
        return "poor differentiation makes it a neuroendocrine carcinoma (NEC), whatever the Ki-67."
    if "discordant_ki67_mitoses" in flags and answer.startswith("NET G") and answer < exp:
        decider = next(s for s in key.steps if "higher grade wins" in s)
        param = "Ki-67" if "Ki-67 decides" in decider else "mitotic count"
        other = "mitotic count" if param == "Ki-67" else "Ki-67"
        return f"you graded on the {other} alone; the {param} gives the higher grade, and the higher grade wins."
    if "boundary_value" in flags:
        return (f"a value exactly on a cut-off: the intervals are closed (Ki-67 3 and 20 %, mitoses 2 and 20 are "
                f"G2; lung 2 and 10 mitoses are atypical), so the answer is {exp}.")
    if "who2010_gap_value" in flags:
        return "the 2-3 % gap belonged to WHO 2010; since WHO 2017/2019 any Ki-67 below 3 % is G1."
    if exp == "MiNEN":
        return "both components make up at least 30 % of the tumour: a MiNEN."
    return f"the key is {exp}; follow the steps of grade() to see where your reasoning parted."


def check_grade(findings: Findings, answer: str) -> Feedback:
    """Check a grade answer (one of :data:`netlib.grading.LABELS`) for ``findings``."""
    if not isinstance(answer, str):
        raise TypeError(f"answer: expected one of {', '.join(LABELS)}, got {type(answer).__name__} {answer!r}")
    if answer not in LABELS:
        raise ValueError(f"answer: {answer!r} is not a label; choose one of {', '.join(LABELS)}")
    key = grade(findings)
    if answer == key.label:
        deciding = [s for s in key.steps if "higher grade wins" in s] or [s for s in key.steps if "->" in s]
        return Feedback(answer, key.label, True, f"{key.title}. " + (deciding[-1] if deciding else ""))
    return Feedback(answer, key.label, False, _diagnose(findings, answer, key))
