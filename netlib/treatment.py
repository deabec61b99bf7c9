"""Treatment logic read from declarative rules, explained.

Each :class:`~netlib.data.treatment_rules.Rule` states its complete conditions (each a plain sentence plus a
test), a ``category``, the reasonable ``options`` (each with its own conditions and trial evidence), a rationale
and its sources. ``recommend()`` tests every rule; the answer does not depend on the order of :data:`RULES`:

* the hormone layer answers first in metastatic functioning disease, then the tumour layer (tumour-directed
  therapy) follows; otherwise the tumour layer answers alone;
* within a layer one rule fires; where two fire, the one that names the other in ``refines`` wins;
* a rule that could apply but needs a missing finding sends the case to multidisciplinary review, names the
  finding, and lists in ``branches`` what each value of it would lead to.

Real decisions belong to a multidisciplinary tumour board.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar, NamedTuple

from netlib import checks
from netlib.data.treatment_rules import (
    BRANCH_FIELD,
    BRANCH_VALUES,
    CATEGORIES,
    CATEGORY_LABELS,
    CAVEAT,
    FLAGS,
    LAYERS,
    LOCAL_EXTENT,
    MDT,
    MISSING_ORDER,
    RULES,
    Context,
    Option,
    Rule,
)
from netlib.data.trials import TRIALS
from netlib.findings import Findings
from netlib.grading import Grade, grade
from netlib.results import Explained

__all__ = ["CATEGORIES", "CATEGORY_LABELS", "RULES", "FLAGS", "CAVEAT", "LOCAL_EXTENT", "Branch", "NearMiss",
           "Recommendation", "recommend"]


class Branch(NamedTuple):
    """What one value of a missing finding would lead to: (missing fact, value in words, category, rule title)."""

    fact: str
    value: str
    category: str
    rule: str


class NearMiss(NamedTuple):
    """A rule about this case that fails on one condition only: its title, its category, and the condition (in
    words) the case does not meet."""

    rule_title: str
    category: str
    requires: str


def _trial_names(keys) -> str:
    return ", ".join(TRIALS[k].name for k in keys)


@dataclass(frozen=True)
class Recommendation(Explained):
    """The result of :func:`recommend`: category, options with evidence, and the reasoning.

    ``category`` is a key of :data:`CATEGORY_LABELS` (the card shows its words); ``rule`` the deciding rule's key.
    ``branches``: when a deciding finding is missing, what each of its values would lead to.
    ``trace``: (rule key, outcome) for every rule tested, in the order of :data:`RULES`.
    As data for self-checks: ``rule_title`` (the deciding rule's title, or the title of the rule that cannot be
    decided), ``rule_sentence`` (the step that says why that rule decides, or what is missing), ``missing`` (the
    missing finding in words, when the case goes to review for want of it) and ``near_misses`` (rules about this
    case that fail on one condition, see :class:`NearMiss`).
    """

    category: str
    options: tuple[Option, ...]
    rule: str
    flags: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    trace: tuple[tuple[str, str], ...] = ()
    caveat: str = CAVEAT
    branches: tuple[Branch, ...] = ()
    rule_title: str = ""
    rule_sentence: str = ""
    missing: str = ""
    near_misses: tuple[NearMiss, ...] = ()

    card_title: ClassVar[str] = "Treatment"
    flag_text: ClassVar[Mapping[str, str]] = FLAGS

    @property
    def label(self) -> str:
        """The category in words, e.g. "oncological resection with lymphadenectomy"."""
        return CATEGORY_LABELS[self.category]

    def card_heading(self) -> str:
        return "Treatment logic"

    def headline(self) -> str:
        return self.label[:1].upper() + self.label[1:]

    def subtitle(self) -> str:
        if self.missing:
            return f"Rule that cannot be decided yet: {self.rule_title} (missing: {self.missing})"
        return f"Rule: {self.rule_title}"

    def text_value(self) -> str:
        return f"{self.headline()}. {self.subtitle()}"

    def footer(self) -> str:
        return self.caveat

    def extra_html(self) -> str:
        from html import escape

        opts = "".join(f"<li>{escape(o.name)}"
                       + (f" <i>[{escape(_trial_names(o.evidence))}]</i>" if o.evidence else "")
                       + (f" - {escape(o.note)}" if o.note else "") + "</li>" for o in self.options)
        out = f"<div><b>Options:</b><ul>{opts}</ul></div>" if opts else ""
        if self.branches:
            items = "".join(f"<li>{escape(b.fact)}: {escape(b.value)} &rarr; {escape(CATEGORY_LABELS[b.category])}"
                            f" ({escape(b.rule)})</li>" for b in self.branches)
            out += f"<div><b>What each value would lead to:</b><ul>{items}</ul></div>"
        return out

    def extra_text(self) -> list[str]:
        lines = [f"  option: {o.name}" + (f" [{_trial_names(o.evidence)}]" if o.evidence else "")
                 for o in self.options]
        if self.branches:
            lines.append("  What each value would lead to:")
            lines += [f"    {b.fact}: {b.value} -> {CATEGORY_LABELS[b.category]} ({b.rule})" for b in self.branches]
        return lines + [self.caveat]


@dataclass(frozen=True)
class _Outcome:
    rule: Rule
    value: bool | None          # True fired, False not applicable, None undecided
    failed: str = ""            # text of the first failing condition
    in_scope: bool = False      # a near miss: about this case, and only one condition fails
    missing: str = ""           # what is missing (words), when undecided
    missing_fields: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()


def _test(rule: Rule, f: Findings, g: Grade) -> _Outcome:
    ctx = Context(f, g)
    undecided = None
    failed = []
    for cond in rule.conditions:
        v = cond.test(ctx)
        if v is None and undecided is None:
            undecided = cond.undecided_part(ctx)
        elif v is not None and not v:
            failed.append(cond)
    if failed:
        # a near miss: the rule is about this case (its first condition holds) and only one condition fails
        near = len(failed) == 1 and failed[0] is not rule.conditions[0]
        return _Outcome(rule, False, failed[0].text, near)
    if undecided is not None:
        return _Outcome(rule, None, "", True, undecided.missing or undecided.text, undecided.fields,
                        tuple(ctx.flags))
    return _Outcome(rule, True, "", True, flags=tuple(ctx.flags))


class _LayerAnswer(NamedTuple):
    winner: _Outcome | None
    blocking: _Outcome | None   # an undecided rule that could change the answer
    outranked: tuple[tuple[_Outcome, _Outcome], ...]


def _missing_rank(o: _Outcome) -> tuple[int, str]:
    """Ask first for the finding earliest in MISSING_ORDER; ties by rule key (never by position in RULES)."""
    field = o.missing_fields[0] if o.missing_fields else ""
    return (MISSING_ORDER.index(field) if field in MISSING_ORDER else len(MISSING_ORDER), o.rule.key)


def _resolve(outcomes: list[_Outcome]) -> _LayerAnswer:
    fired = [o for o in outcomes if o.value is True]
    outranked = []
    winners = []
    for o in fired:
        by = next((w for w in fired if o.rule.key in w.rule.refines), None)
        if by is None:
            winners.append(o)
        else:
            outranked.append((o, by))
    if len(winners) > 1:  # the rules are meant to exclude each other: a data error, caught by the tests
        raise AssertionError("rules overlap: " + ", ".join(w.rule.key for w in winners))
    winner = winners[0] if winners else None
    open_ = [o for o in outcomes if o.value is None and (winner is None or o.rule.key not in winner.rule.refines)]
    blocking = min(open_, key=_missing_rank) if open_ else None
    return _LayerAnswer(winner, blocking, tuple(outranked))


def _evaluate(f: Findings, g: Grade) -> tuple[list[_Outcome], dict[str, _LayerAnswer]]:
    outcomes = [_test(r, f, g) for r in RULES]
    layers = {layer: _resolve([o for o in outcomes if o.rule.layer == layer]) for layer in LAYERS}
    return outcomes, layers


def _size_values(f: Findings) -> tuple[tuple[float, str], ...]:
    """Sizes below, between and above the cut-offs of the rules for this site (all rules if the site is unknown)."""
    ctx = Context(f, None)  # type: ignore[arg-type]  # site conditions read only the findings
    site_rules = [r for r in RULES if r.size_cutoffs and f.site is not None
                  and any(c.fields == ("site",) and c.test(ctx) for c in r.conditions)]
    cuts = sorted({c for r in (site_rules or RULES) for c in r.size_cutoffs})
    points = [cuts[0] / 2] + [(a + b) / 2 for a, b in zip(cuts, cuts[1:])] + [cuts[-1] + 1.0]
    return tuple((p, f"{p:g} cm") for p in points)


def _branch_values(field: str, f: Findings) -> tuple[tuple[object, str], ...]:
    if field == "size_cm":
        return _size_values(f)
    return BRANCH_VALUES.get(field, ())


def _branches(f: Findings, g: Grade | None, blocking: _Outcome, layer: str) -> tuple[Branch, ...]:
    """What each value of the missing finding would lead to (one level deep)."""
    if not blocking.missing_fields:
        return ()
    field = BRANCH_FIELD.get(blocking.missing_fields[0], blocking.missing_fields[0])
    out = []
    for value, words in _branch_values(field, f):
        alt = dataclasses.replace(f, **{field: value})
        ga = grade(alt) if g is None else g
        _, layers = _evaluate(alt, ga)
        ans = layers[layer]
        if ans.winner is not None and ans.blocking is None:
            out.append(Branch(blocking.missing, words, ans.winner.rule.category, ans.winner.rule.title))
        elif ans.blocking is not None:
            out.append(Branch(blocking.missing, words, "multidisciplinary_review",
                              f"still needs {ans.blocking.missing}"))
    return tuple(out)


def _open_condition(c, f: Findings) -> str:
    """An option condition that could not be decided, in words: a disputed reading or a missing finding."""
    if c.disputed and all(getattr(f, x) is not None for x in c.fields):
        return f"{c.text} ({c.disputed})"
    return f"{c.text} ({c.missing} not reported)"


def _options(rule: Rule, f: Findings, g: Grade, steps: list[str], prefix: str = "",
             flags: list[str] | None = None) -> list[Option]:
    ctx = Context(f, g)
    out = []
    for o in rule.options:
        vals = [(c, c.test(ctx)) for c in o.conditions]
        failed = next((c for c, v in vals if v is not None and not v), None)
        if failed is not None:
            steps.append(f"Not offered: {o.name} (it requires '{failed.text}').")
            continue
        open_ = [c for c, v in vals if v is None]
        note = o.note
        if open_:
            need = "; ".join(_open_condition(c, f) for c in open_)
            note = (note + "; " if note else "") + f"only if {need}"
        out.append(Option(prefix + o.name, o.category, o.evidence, note))
    if flags is not None:
        flags.extend(ctx.flags)
    return out


def recommend(findings: Findings, grade_result: Grade | None = None) -> Recommendation:
    """Test every rule against one case and explain which fired, which did not and why.

    Returns a :class:`Recommendation`; with a missing deciding finding the category is
    ``multidisciplinary_review`` with flag ``insufficient_data`` and ``branches`` showing each value's answer.
    """
    checks.instance("findings", findings, Findings, "a netlib.Findings")
    checks.instance("grade_result", grade_result, (Grade, type(None)), "a netlib.Grade or None")
    g = grade_result if grade_result is not None else grade(findings)
    f = findings
    outcomes, layers = _evaluate(f, g)
    trace = []
    for o in outcomes:
        if o.value is True:
            by = next((b for a, b in layers[o.rule.layer].outranked if a is o), None)
            trace.append((o.rule.key, f"outranked by {by.rule.key}" if by else "fired"))
        elif o.value is None:
            trace.append((o.rule.key, f"undecided: {o.missing} not reported"))
        else:
            trace.append((o.rule.key, f"not applicable: not {o.failed}"))
    steps: list[str] = [f"Grade: {g.title}."]
    near_misses = tuple(NearMiss(o.rule.title, o.rule.category, o.failed) for o in outcomes
                        if o.value is False and o.in_scope)
    near = [f"Rule '{n.rule_title}' does not apply: it requires '{n.requires}'." for n in near_misses]
    hormone, tumour = layers["hormone"], layers["tumour"]
    first_layer = "hormone" if (hormone.winner or hormone.blocking) else "tumour"
    ans = layers[first_layer]
    for lower, higher in ans.outranked:
        steps.append(f"Rule '{lower.rule.title}' also fits, but '{higher.rule.title}' takes precedence: "
                     f"{higher.rule.refines_because}.")
    if ans.blocking is not None:
        b = ans.blocking
        steps.append(f"Rule '{b.rule.title}' cannot be decided: {b.missing} is not reported.")
        steps.append(f"Missing: {b.missing}. Without it the pathway cannot be chosen safely: multidisciplinary "
                     "review (the branches show what each value would lead to).")
        sentence = steps[-1]
        steps += near
        branches = _branches(f, grade_result, b, first_layer)
        return Recommendation("multidisciplinary_review", (MDT,), b.rule.key, ("insufficient_data",) + b.flags,
                              tuple(steps), tuple(dict.fromkeys(b.rule.sources)), (), tuple(trace), CAVEAT, branches,
                              b.rule.title, sentence, b.missing, near_misses)
    if ans.winner is None:
        raise AssertionError("no rule answers this case")  # the property tests prove every valid case is covered
    rule = ans.winner.rule
    flags = list(ans.winner.flags) + list(rule.flags)
    steps.append(f"Rule '{rule.title}' applies: " + "; ".join(c.text for c in rule.conditions) + f". {rule.rationale}")
    sentence = steps[-1]
    steps += near
    for what, why in rule.not_checked.items():
        steps.append(f"Not tested by this rule: {what} ({why}).")
    if f.size_cm is not None and f.size_cm in rule.size_cutoffs:
        flags.append(rule.boundary_flag)
        steps.append(f"Size {f.size_cm:g} cm is exactly on a cut-off of this decision; counted in the band stated "
                     "by the rule.")
    options = _options(rule, f, g, steps, flags=flags)
    sources, evidence = list(rule.sources), list(rule.evidence)
    branches: tuple[Branch, ...] = ()
    if first_layer == "hormone":
        if tumour.blocking is not None:
            steps.append(f"Tumour-directed therapy afterwards needs: {tumour.blocking.missing}.")
            branches = _branches(f, grade_result, tumour.blocking, "tumour")
        elif tumour.winner is not None:
            nxt = tumour.winner.rule
            steps.append(f"Tumour-directed therapy after syndrome control: rule '{nxt.title}'. {nxt.rationale}")
            options += _options(nxt, f, g, steps, prefix="Then tumour-directed: ", flags=flags)
            sources += nxt.sources
            flags += [x for x in nxt.flags if x != "insufficient_data"]
    sources += [TRIALS[k].source for o in options for k in o.evidence]
    return Recommendation(rule.category, tuple(options), rule.key, tuple(dict.fromkeys(flags)), tuple(steps),
                          tuple(dict.fromkeys(sources)), tuple(dict.fromkeys(evidence)), tuple(trace), CAVEAT,
                          branches, rule.title, sentence, "", near_misses)
