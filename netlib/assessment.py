"""`assess()`: grade, stage and treatment logic for one case, on one card."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from netlib import checks
from netlib.findings import Findings
from netlib.grading import Grade, grade
from netlib.staging import Stage, stage
from netlib.treatment import Recommendation, recommend

__all__ = ["Assessment", "assess"]


@dataclass(frozen=True)
class Assessment:
    """One case's findings with its :class:`Grade`, :class:`Stage` and :class:`Recommendation`."""

    findings: Findings
    grade: Grade
    stage: Stage
    recommendation: Recommendation

    def _repr_html_(self) -> str:
        return ('<div style="display:flex;flex-direction:column;gap:6px">' + self.grade._repr_html_()
                + self.stage._repr_html_() + self.recommendation._repr_html_() + "</div>")

    def __str__(self) -> str:
        return "\n\n".join(str(x) for x in (self.grade, self.stage, self.recommendation))

    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON-ready): findings, grade, stage and recommendation."""
        g, s, r = self.grade, self.stage, self.recommendation
        return {
            "findings": self.findings.to_dict(),
            "grade": {"label": g.label, "subtype": g.subtype, "flags": list(g.flags), "steps": list(g.steps),
                      "sources": list(g.sources), "criteria": g.criteria},
            "stage": {"t": s.t, "n": s.n, "m": s.m, "group": s.group, "flags": list(s.flags),
                      "steps": list(s.steps), "sources": list(s.sources)},
            "recommendation": {"category": r.category, "rule": r.rule, "flags": list(r.flags),
                               "options": [{"name": o.name, "category": o.category, "evidence": list(o.evidence),
                                            "note": o.note} for o in r.options],
                               "steps": list(r.steps), "sources": list(r.sources), "evidence": list(r.evidence),
                               "caveat": r.caveat},
        }


def assess(findings: Findings) -> Assessment:
    """Grade, stage and walk the treatment rules for one case (the grade is computed once and shared)."""
    checks.instance("findings", findings, Findings, "a netlib.Findings")
    g = grade(findings)
    return Assessment(findings, g, stage(findings, g), recommend(findings, g))
