"""Treatment logic as an ordered list of rules, explained.

Each :class:`Rule` has conditions (each a plain sentence plus a test), a ``category``, the
reasonable ``options`` with their trial evidence, a rationale and its sources. ``recommend()``
walks the list in order: the first rule whose conditions all hold fires. A condition that
cannot be decided because data are missing stops the walk and sends the case to
multidisciplinary review, naming what is missing, rather than letting a later rule guess.
Real decisions belong to a multidisciplinary tumour board.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from netlib import checks
from netlib.data.treatment_rules import (
    CATEGORIES,
    CAVEAT,
    FLAGS,
    FUNCTIONING,
    MDT,
    NETTER2_KI67,
    PRRT_N2,
    RULES,
    SYNDROME_CONTROL,
    SYNDROME_SOURCES,
    Context,
    Option,
    Rule,
)
from netlib.data.trials import TRIALS
from netlib.findings import Findings
from netlib.grading import Grade, grade
from netlib.results import Explained

__all__ = ["CATEGORIES", "RULES", "FLAGS", "CAVEAT", "Recommendation", "recommend"]

@dataclass(frozen=True)
class Recommendation(Explained):
    """The result of :func:`recommend`: category, options with evidence, and the reasoning."""

    category: str
    options: tuple[Option, ...]
    rule: str
    flags: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    trace: tuple[tuple[str, str], ...] = ()  # (rule key, outcome) for every rule looked at
    caveat: str = CAVEAT

    card_title: ClassVar[str] = "Treatment"
    flag_text: ClassVar[Mapping[str, str]] = FLAGS

    def card_heading(self) -> str:
        return "Treatment logic"

    def headline(self) -> str:
        return self.category.replace("_", " ")

    def subtitle(self) -> str:
        return f"rule: {self.rule}"

    def text_value(self) -> str:
        return self.category

    def footer(self) -> str:
        return self.caveat

    def extra_html(self) -> str:
        from html import escape

        opts = "".join(f"<li>{escape(o.name)}" + (f" <i>[{', '.join(o.evidence)}]</i>" if o.evidence else "")
                       + (f" - {escape(o.note)}" if o.note else "") + "</li>" for o in self.options)
        return f"<div><b>Options:</b><ul>{opts}</ul></div>" if opts else ""

    def extra_text(self) -> list[str]:
        return [f"  option: {o.name}" + (f" [{', '.join(o.evidence)}]" if o.evidence else "")
                for o in self.options] + [self.caveat]


def _walk(ctx: Context, rules: tuple[Rule, ...], steps: list, trace: list) -> tuple[Rule, "str | None"]:
    """Return the rule that fired (or None with the missing-data description)."""
    for rule in rules:
        failed = None
        for i, cond in enumerate(rule.conditions):
            v = cond.test(ctx)
            if v is None:
                trace.append((rule.key, f"undecided: {cond.missing or cond.text} not reported"))
                steps.append(f"Rule '{rule.title}' cannot be decided: {cond.missing or cond.text} is not reported.")
                return rule, cond.missing or cond.text
            if not v:
                failed = (i, cond)
                break
        if failed is None:
            trace.append((rule.key, "fired"))
            return rule, None
        i, cond = failed
        trace.append((rule.key, f"not applicable: not {cond.text}"))
        if i > 0:  # the rule was in scope: explain the near miss
            steps.append(f"Rule '{rule.title}' does not apply: the case is not '{cond.text}'.")
    raise AssertionError("the fallback rule always fires")


def recommend(findings: Findings, grade_result: Grade | None = None) -> Recommendation:
    """Walk the rules for one case and explain which fired, which did not and why."""
    checks.instance("findings", findings, Findings, "a netlib.Findings")
    checks.instance("grade_result", grade_result, (Grade, type(None)), "a netlib.Grade or None")
    g = grade_result if grade_result is not None else grade(findings)
    ctx = Context(findings, g)
    steps: list[str] = [f"Grade: {g.title}."]
    trace: list[tuple[str, str]] = []
    rule, missing = _walk(ctx, RULES, steps, trace)
    flags = list(ctx.flags)
    if missing is not None:
        flags.append("insufficient_data")
        steps.append(f"Missing: {missing}. Without it the pathway cannot be chosen safely: multidisciplinary review.")
        return Recommendation("multidisciplinary_review", (MDT,), rule.key, tuple(dict.fromkeys(flags)),
                              tuple(steps), tuple(dict.fromkeys(rule.sources)), (), tuple(trace))
    skipped = sum(1 for _k, o in trace if o.startswith("not applicable"))
    if skipped:
        steps.append(f"{skipped} earlier rule(s) did not apply (see trace).")
    steps.append(f"Rule '{rule.title}' applies: " + ("; ".join(c.text for c in rule.conditions) or "no other rule "
                                                     "fits") + f". {rule.rationale}")
    flags += rule.flags
    options = list(rule.options)
    sources = list(rule.sources)
    evidence = list(rule.evidence)
    if findings.size_cm is not None and findings.size_cm in rule.size_cutoffs:
        flags.append("surveillance_threshold_disputed" if rule.key.startswith("pnet") else "size_boundary")
        steps.append(f"Size {findings.size_cm:g} cm is exactly on a cut-off of this decision; "
                     "counted in the band stated by the rule.")
    if rule.key == "functioning_metastatic":
        syn = findings.syndrome
        options = list(SYNDROME_CONTROL[syn])
        sources += SYNDROME_SOURCES[syn]
        if syn == "carcinoid_syndrome" and "somatostatin_analogue" in (findings.prior_therapies or ()):
            steps.append("Already on an SSA: if diarrhoea is uncontrolled, add telotristat (TELESTAR).")
            evidence.append("telestar")
        # then the tumour-directed step: walk the remaining rules
        rest = RULES[RULES.index(rule) + 1:]
        sub_steps: list[str] = []
        nxt, nmiss = _walk(ctx, tuple(r for r in rest if FUNCTIONING not in r.conditions), sub_steps, [])
        if nmiss is None:
            options += [Option(f"Then tumour-directed: {o.name}", o.category, o.evidence, o.note) for o in nxt.options]
            steps.append(f"Tumour-directed therapy after syndrome control: rule '{nxt.title}'.")
            sources += nxt.sources
        else:
            steps.append(f"Tumour-directed therapy afterwards needs: {nmiss}.")
    if findings.syndrome == "insulinoma":
        flags.append("ssa_may_worsen_hypoglycaemia")
        sources.append("ssa_hypoglycaemia")
    if rule.key == "first_line_ssa" and findings.ki67_percent is not None and findings.ki67_percent < NETTER2_KI67[0]:
        options = [o for o in options if o is not PRRT_N2]
        steps.append(f"Ki-67 < {NETTER2_KI67[0]:g} %: outside the NETTER-2 population, so first-line PRRT is not "
                     "offered.")
    sources += [TRIALS[k].source for o in options for k in o.evidence]
    return Recommendation(rule.category, tuple(options), rule.key, tuple(dict.fromkeys(flags)), tuple(steps),
                          tuple(dict.fromkeys(sources)), tuple(dict.fromkeys(evidence)), tuple(trace))
