"""`assess()`: grade, stage and treatment logic for one case, on one card."""
from __future__ import annotations

from dataclasses import asdict, dataclass
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

    def _repr_pretty_(self, printer, cycle: bool) -> None:
        """IPython's plain-text form: the three summaries in words (``repr()`` stays the dataclass's)."""
        printer.text("..." if cycle else str(self))

    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON-ready): findings, grade, stage and recommendation, with their structured reasons."""
        g, s, r = self.grade, self.stage, self.recommendation
        d = g.decision
        return {
            "findings": self.findings.to_dict(),
            "grade": {"label": g.label, "subtype": g.subtype, "flags": list(g.flags), "steps": list(g.steps),
                      "sources": list(g.sources), "criteria": g.criteria,
                      "decision": None if d is None else {
                          "by": d.by, "sentence": d.sentence, "bands": dict(d.bands),
                          "cutoffs": [asdict(c) for c in d.cutoffs]}},
            "stage": {"t": s.t, "n": s.n, "m": s.m, "group": s.group, "flags": list(s.flags),
                      "steps": list(s.steps), "sources": list(s.sources),
                      "reasons": {x.part: asdict(x) for x in (s.t_reason, s.n_reason, s.m_reason, s.group_reason)
                                  if x is not None}},
            "recommendation": {"category": r.category, "label": r.label, "rule": r.rule, "rule_title": r.rule_title,
                               "rule_sentence": r.rule_sentence, "missing": r.missing, "flags": list(r.flags),
                               "options": [{"name": o.name, "category": o.category, "evidence": list(o.evidence),
                                            "note": o.note} for o in r.options],
                               "near_misses": [n._asdict() for n in r.near_misses],
                               "steps": list(r.steps), "sources": list(r.sources), "evidence": list(r.evidence),
                               "caveat": r.caveat},
        }


def assess(findings: Findings) -> Assessment:
    """Grade, stage and walk the treatment rules for one case (the grade is computed once and shared)."""
    checks.instance("findings", findings, Findings, "a netlib.Findings")
    g = grade(findings)
    return Assessment(findings, g, stage(findings, g), recommend(findings, g))
