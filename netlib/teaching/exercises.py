"""Self-check exercises: compare a trainee's answer with the key computed by netlib, and say why.

The key always comes from netlib (:func:`netlib.grading.grade`, :func:`netlib.stage`, :func:`netlib.recommend`,
the counting helpers), never typed by hand. A wrong answer gets feedback naming the likely misconception (graded on
one parameter only, boundary slip, Ki-67 taken for differentiation, ...); ``Feedback.explanation`` then holds the
full explanation. The checkers read the results' structured decision data (:class:`netlib.grading.Decision`,
:class:`netlib.staging.PartReason`, ``Recommendation.rule_title``/``near_misses``), never the wording of the
steps. Numeric questions have their key as data (:class:`NumericKey`: the value, its tolerance and the known wrong
answers), so the same check can run in a browser without a kernel. Works without a frontend; widgets wrap the same
functions.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from netlib import checks
from netlib.counting.ki67 import RECOMMENDED_MIN_CELLS
from netlib.data.criteria import WHO_2010_DIGESTIVE, WHO_2021_THORACIC, WHO_2022_DIGESTIVE
from netlib.data.staging_tables import N2_MESENTERIC_MASS_CM, N2_MIN_NODES, T_TABLES
from netlib.data.treatment_rules import CATEGORY_LABELS
from netlib.errors import InvalidTypeError, InvalidValueError
from netlib.findings import Findings
from netlib.grading import LABELS, MINEN_MIN_PERCENT, Grade, grade
from netlib.staging import CATEGORIES as _STAGE_CATEGORIES
from netlib.staging import Stage

__all__ = ["Feedback", "Trap", "NumericKey", "ki67_index_key", "mitoses_per_2mm2_key", "fields_needed_key",
           "check_grade", "check_ki67_index", "check_mitoses_per_2mm2", "check_fields_needed",
           "check_hotspot_count", "check_commonest_site", "check_marker_panel", "check_incidence_fit",
           "INCIDENCE_CHOICES", "check_stage", "check_syndrome", "check_treatment", "check_case"]


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer: ``correct``, the ``expected`` key, a ``message`` for the trainee (for a wrong
    answer it names the likely misconception), and the full ``explanation`` (plain text) to show after it."""

    answer: str
    expected: str
    correct: bool
    message: str
    explanation: str = ""

    def __str__(self) -> str:
        return ("Correct: " if self.correct else "Not quite: ") + self.message

    def _repr_html_(self) -> str:
        colour = "#1a7f37" if self.correct else "#b35806"
        return f'<div style="border-left:4px solid {colour};padding-left:8px">{escape(str(self))}</div>'


def _label(category: str) -> str:
    """A management category in words."""
    return CATEGORY_LABELS[category]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# cut-offs quoted in the feedback, read from the tables
_KI67_CUTS = WHO_2022_DIGESTIVE.cutoffs("ki67")  # (3, 20) %
_LUNG_CUTS = WHO_2021_THORACIC.cutoffs("mitoses")  # (2, 10) per 2 mm²
_GAP_2010 = WHO_2010_DIGESTIVE.known_gaps[0][1]
_PANC_T1 = T_TABLES["pancreas"].size_bands[0][1]
_PARAM = {"ki67": "Ki-67", "mitoses": "mitotic count"}
#: What decided a grade (Decision.by), in words, for a hint that does not give the answer away.
_DECIDER = {"ki67": "the Ki-67 index", "mitoses": "the mitotic count", "both": "Ki-67 and the mitotic count together",
            "differentiation": "the differentiation", "ne_component": "the share of each component",
            "thoracic_mitoses": "the mitotic count per 2 mm² (thoracic criteria)", "necrosis": "necrosis",
            "morphology": "the morphology", "size": "the size", "proliferation": "the proliferation"}


def _grade_explanation(key: Grade) -> str:
    return f"{key.title}. {key.decision.sentence}"


def _diagnose(f: Findings, answer: str, key: Grade) -> str:
    """The misconception a wrong grade answer most likely reveals, read from ``key.decision``."""
    d = key.decision
    exp = key.label
    if exp == "undetermined":
        return f"these findings do not allow a grade: {d.sentence}"
    if f.is_thoracic and answer.startswith("NET G"):
        return ("lung and thymus use the thoracic names and criteria (mitoses per 2 mm², necrosis, morphology), "
                "not the digestive G1-G3 grades.")
    if exp == "atypical carcinoid" and answer == "typical carcinoid" and d.by == "necrosis":
        return f"necrosis makes a carcinoid atypical even with fewer than {_LUNG_CUTS[0]:g} mitoses per 2 mm²."
    if exp == "NET G3" and answer == "NEC":
        return (f"Ki-67 > {_KI67_CUTS[-1]:g} % does not make a carcinoma: differentiation decides that, and this "
                "tumour is well differentiated.")
    if exp == "NEC" and answer.startswith("NET") and d.by == "differentiation":
        return "poor differentiation makes it a neuroendocrine carcinoma (NEC), whatever the Ki-67."
    if d.discordant and d.by in _PARAM and answer.startswith("NET G") and answer < exp:
        other = "mitoses" if d.by == "ki67" else "ki67"
        return (f"you graded on the {_PARAM[other]} alone; the {_PARAM[d.by]} gives the higher grade, and the "
                "higher grade wins.")
    if d.exact_cutoffs:
        return ("a value exactly on a cut-off belongs to one band only (each interval is closed at one end): "
                + "; ".join(c.describe() for c in d.exact_cutoffs) + ".")
    if "who2010_gap_value" in key.flags:
        return (f"the {_GAP_2010.low:g}-{_GAP_2010.high:g} % gap belonged to WHO 2010; since WHO 2017/2019 any Ki-67 "
                f"below {_KI67_CUTS[0]:g} % is G1.")
    if exp == "MiNEN":
        return (f"by the WHO convention, both components make up at least {MINEN_MIN_PERCENT:g} % of the tumour: a "
                "MiNEN (the 30 % threshold is a convention, and it is debated).")
    return f"look again at what decides here: {_DECIDER.get(d.by, 'the reported findings')}."


def check_grade(findings: Findings, answer: str) -> Feedback:
    """Check a grade answer (one of :data:`netlib.grading.LABELS`) for ``findings``."""
    if not isinstance(answer, str):
        raise InvalidTypeError("answer", f"expected one of {', '.join(LABELS)}, got {type(answer).__name__} {answer!r}")
    if answer not in LABELS:
        raise InvalidValueError("answer", f"{answer!r} is not a label; choose one of {', '.join(LABELS)}")
    if not isinstance(findings, Findings):
        raise InvalidTypeError("findings", f"expected a netlib.Findings, got {type(findings).__name__}")
    key = grade(findings)
    explanation = _grade_explanation(key)
    if answer == key.label:
        return Feedback(answer, key.label, True, explanation, explanation)
    return Feedback(answer, key.label, False, _diagnose(findings, answer, key), explanation)


# --- numeric exercises: the key as data ------------------------------------------------------------------------
def _number_answer(name: str, answer) -> float:
    if isinstance(answer, bool) or not isinstance(answer, (int, float)):
        raise InvalidTypeError("answer", f"expected a number for {name}, got {type(answer).__name__} {answer!r}")
    if answer != answer or answer in (float("inf"), float("-inf")):
        raise InvalidValueError("answer", f"expected a finite number for {name}, got {answer!r}")
    return float(answer)


def _close(a: float, b: float, tol: float) -> bool:
    return abs(a - b) <= tol


@dataclass(frozen=True)
class Trap:
    """A known wrong answer and the misconception it reveals: an answer within ``tolerance`` of ``value`` (same
    unit as the key) gets ``message``."""

    value: float
    tolerance: float
    message: str


@dataclass(frozen=True)
class NumericKey:
    """The key to a numeric question, as plain data (JSON-ready through :meth:`to_dict`).

    ``value`` in ``unit``; an answer within ``tolerance`` (inclusive) is right and gets ``correct`` (the worked
    answer). A wrong answer gets the ``message`` of the first trap it falls within (``|answer - trap.value| <=
    trap.tolerance``, traps in order), else ``otherwise``. The same rule, evaluated in JavaScript on
    :meth:`to_dict`, gives the same verdicts in a static page.
    """

    value: float
    tolerance: float
    unit: str
    correct: str
    traps: tuple[Trap, ...]
    otherwise: str

    @property
    def expected_text(self) -> str:
        """The key as shown in :attr:`Feedback.expected`: two decimals, or as a whole number when it must be exact."""
        return f"{self.value:g}" if self.tolerance == 0 else f"{self.value:.2f}"

    def check(self, answer: float) -> Feedback:
        """Judge ``answer`` (a finite number in :attr:`unit`)."""
        a = _number_answer(f"an answer in {self.unit}", answer)
        if _close(a, self.value, self.tolerance):
            return Feedback(f"{a:g}", self.expected_text, True, self.correct, self.correct)
        message = next((t.message for t in self.traps if _close(a, t.value, t.tolerance)), self.otherwise)
        return Feedback(f"{a:g}", self.expected_text, False, message, self.correct)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (numbers and strings only) for a page that checks answers in the browser."""
        return {"value": self.value, "tolerance": self.tolerance, "unit": self.unit, "correct": self.correct,
                "traps": [{"value": t.value, "tolerance": t.tolerance, "message": t.message} for t in self.traps],
                "otherwise": self.otherwise}


def ki67_index_key(positive: int, total: int) -> NumericKey:
    """The key to "what is the Ki-67 index (%) of ``positive`` of ``total`` cells?" (tolerance 0.05 points)."""
    from netlib.counting import ki67

    key = ki67.index(positive, total)
    traps = []
    if total > positive:
        traps.append(Trap(100 * positive / (total - positive), 0.05,
                          "you divided by the negative cells only; the denominator is all tumour cells counted."))
    traps.append(Trap(positive / total, 0.0005, "that is a fraction; the index is a percentage (multiply by 100)."))
    return NumericKey(key, 0.05, "%", f"{positive} / {total} x 100 = {key:.2f} %.", tuple(traps),
                      f"the index is positive / all counted tumour cells x 100 = {key:.2f} %.")


def mitoses_per_2mm2_key(mitoses: int, fields: int, field_area: float) -> NumericKey:
    """The key to "how many mitoses per 2 mm²?" for a count over ``fields`` fields of ``field_area`` mm² each
    (tolerance 0.05)."""
    from netlib.counting import mitoses as mit

    key = mit.per_2mm2(mitoses, fields, field_area)
    per_10_hpf = mitoses * 10 / fields
    traps = []
    if not _close(key, per_10_hpf, 0.05):
        traps.append(Trap(per_10_hpf, 0.05, "you counted per 10 high-power fields. The WHO 2010 tables took 10 HPF "
                                            "as 2 mm², but this microscope's 10 fields cover a different area: "
                                            "convert by the area actually counted."))
    traps.append(Trap(float(mitoses), 0.05, "that is the raw count; divide by the area counted and multiply by 2 mm²."))
    traps.append(Trap(mitoses / 5, 0.05, "dividing by 5 is right only when exactly 10 mm² was counted; convert by the "
                                         "actual area."))
    return NumericKey(key, 0.05, "mitoses per 2 mm²", f"{mitoses} mitoses in {fields * field_area:.2f} mm² = "
                      f"{key:.2f} per 2 mm².", tuple(traps), f"count / (fields x field area) x 2 = {key:.2f} per 2 mm².")


def fields_needed_key(field_number_mm: float, objective_magnification: float, area_mm2: float) -> NumericKey:
    """The key to "how many whole fields cover ``area_mm2`` with this microscope?" (exact)."""
    from netlib.counting import mitoses as mit

    setup = mit.microscope(field_number_mm, objective_magnification)
    key = mit.fields_needed(area_mm2, setup.area_mm2)
    traps = (Trap(10 * area_mm2 / 2, 0, "10 fields per 2 mm² holds only for a 0.2 mm² field; work out this "
                                        "microscope's field area."),
             Trap(float(round(area_mm2 / (setup.diameter_mm ** 2))), 0,
                  "the field is a circle: area = pi x (diameter / 2)^2, not diameter squared."),
             Trap(float(key - 1), 0, "round up: the fields must cover at least the whole area."))
    return NumericKey(float(key), 0, "fields", f"field area {setup.area_mm2:.4f} mm²; {area_mm2:g} / "
                      f"{setup.area_mm2:.4f} rounded up = {key}.", traps,
                      f"diameter = field number / objective = {setup.diameter_mm:.3f} mm, area = "
                      f"{setup.area_mm2:.4f} mm², so {key} fields.")


def check_ki67_index(positive: int, total: int, answer: float) -> Feedback:
    """Ki-67 index (%) from counts; accepts answers within 0.05 percentage points (key: :func:`ki67_index_key`)."""
    key = ki67_index_key(positive, total)
    return key.check(_number_answer("the Ki-67 index (%)", answer))


def check_mitoses_per_2mm2(mitoses: int, fields: int, field_area: float, answer: float) -> Feedback:
    """Mitoses per 2 mm² from a count over ``fields`` fields of ``field_area`` mm² (tolerance 0.05; key:
    :func:`mitoses_per_2mm2_key`)."""
    key = mitoses_per_2mm2_key(mitoses, fields, field_area)
    return key.check(_number_answer("mitoses per 2 mm²", answer))


def check_fields_needed(field_number_mm: float, objective_magnification: float, area_mm2: float,
                        answer: int) -> Feedback:
    """Whole fields needed to cover ``area_mm2`` with this microscope (must be exact; key:
    :func:`fields_needed_key`)."""
    key = fields_needed_key(field_number_mm, objective_magnification, area_mm2)
    return key.check(_number_answer("the number of fields", answer))


def check_hotspot_count(field, squares, positive: int, total: int) -> Feedback:
    """Compare a trainee's count of the named squares with the field's ground truth."""
    from netlib.counting.fields import Ki67Field

    checks.instance("field", field, Ki67Field, "a netlib.counting.fields.Ki67Field")
    positive = checks.integer("positive", positive, 0, 10_000_000)
    total = checks.integer("total", total, 0, 10_000_000)
    true_pos, true_tot = field.counts(squares)
    hot = set(field.hotspot_squares)
    chosen = set(squares)
    notes = []
    if not chosen & hot:
        notes.append("none of your squares lies in the hot spot: the index must come from the area of highest "
                     "labelling")
    if true_tot < RECOMMENDED_MIN_CELLS:
        notes.append(f"these squares hold only {true_tot} cells; add squares until at least {RECOMMENDED_MIN_CELLS} "
                     "are counted")
    miss = abs(positive - true_pos)
    good_count = miss <= max(2, 0.05 * true_pos) and abs(total - true_tot) <= max(10, 0.05 * true_tot)
    truth = (f"truth: {true_pos} positive of {true_tot} = {100 * true_pos / true_tot:.1f} %"
             if true_tot else "truth: no cells")
    msg = ("your count is close to the truth; " if good_count else "your count is off; ") + truth
    if notes:
        msg += ". But " + "; ".join(notes)
    return Feedback(f"{positive}/{total}", f"{true_pos}/{true_tot}", good_count and not notes, msg + ".",
                    _cap(truth) + ".")


def check_commonest_site(answer: str) -> Feedback:
    """Which of six primary sites is commonest in one SEER cohort (Man 2018)? Key from netlib.data.epidemiology."""
    from netlib.data.epidemiology import SITE_DISTRIBUTION

    if not isinstance(answer, str):
        raise InvalidTypeError("answer", f"expected a site name, got {type(answer).__name__} {answer!r}")
    ranked = sorted(SITE_DISTRIBUTION, key=lambda s: -s.percent)
    names = [s.site for s in ranked]
    checks.choice("answer", answer, names)
    key = ranked[0]
    explanation = f"{key.site} ({key.percent:g} % of the NETs at six sites in one SEER cohort)."
    if answer == key.site:
        return Feedback(answer, key.site, True, explanation, explanation)
    rank = names.index(answer) + 1
    msg = f"{answer} is number {rank} ({ranked[rank - 1].percent:g} %) in this cohort; another site is commoner."
    if answer == "pancreas":
        msg = ("the source summary lists the pancreas first, but among six sites in one SEER cohort it is "
               f"number {rank} ({ranked[rank - 1].percent:g} %); another site is commoner.")
    return Feedback(answer, key.site, False, msg, explanation)


def check_marker_panel(panel: dict, ne_differentiation: str, lineage: str) -> Feedback:
    """Check a reading of a marker panel (keys as :func:`netlib.markers.interpret` arguments)."""
    from netlib import markers

    names = ("synaptophysin", "chromogranin_a", "insm1", "keratin", "neurofilament")
    if not isinstance(panel, dict):
        raise InvalidTypeError("panel", f"expected a dict of marker results, got {type(panel).__name__}")
    for k in panel:
        if not isinstance(k, str) or k not in names:
            raise InvalidValueError("panel", f"unknown marker {k!r}; known: {', '.join(names)}")
    key = markers.interpret(**panel)
    for name, val, allowed in (("ne_differentiation", ne_differentiation, ("yes", "no", "uncertain")),
                               ("lineage", lineage, ("epithelial", "non-epithelial", "uncertain"))):
        if val not in allowed:
            raise InvalidValueError(name, f"{val!r} is not allowed; choose one of {', '.join(allowed)}")
    ans = f"{ne_differentiation} / {lineage}"
    exp = f"{key.ne_differentiation} / {key.lineage}"
    explanation = " ".join(key.steps)
    if ans == exp:
        return Feedback(ans, exp, True, explanation, explanation)
    if panel.get("neurofilament") and lineage != key.lineage:
        msg = ("neurofilament does not decide the lineage (paragangliomas stain inconsistently); keratin does: "
               f"{key.lineage}.")
    elif key.ne_differentiation == "yes" and ne_differentiation != "yes":
        msg = "one positive general NE marker (with NE morphology) is enough; a negative chromogranin A is common in NECs."
    elif key.ne_differentiation == "uncertain" and ne_differentiation == "no":
        msg = "not every general marker was done; a single negative marker does not exclude NE differentiation."
    else:
        msg = "the key is " + exp + ": " + explanation
    return Feedback(ans, exp, False, msg, explanation)


INCIDENCE_CHOICES = ("all NETs", "pancreatic NETs")
#: Every stage group netlib.stage can give (digestive, colorectal, thymic and lung), or None (no group).
STAGE_GROUPS = (None, *_STAGE_CATEGORIES["group"])


def check_incidence_fit(answer: str) -> Feedback:
    """Which population does the source summary's 0.3-0.8 per 100,000 fit? Key from the SEER series."""
    from netlib.data.epidemiology import INCIDENCE, SEED_TEXT_INCIDENCE

    checks.choice("answer", answer, INCIDENCE_CHOICES)
    lo, hi = SEED_TEXT_INCIDENCE
    fits = {s.label.split(",")[0] for s in INCIDENCE
            if min(v for _y, v in s.points) <= hi and max(v for _y, v in s.points) >= lo}
    key = "pancreatic NETs" if fits == {"pancreatic NETs"} else "all NETs"
    all_latest = max((s.points[-1] for s in INCIDENCE if s.label.startswith("all")), key=lambda p: p[0])
    pnet = next(s for s in INCIDENCE if s.label.startswith("pancreatic"))
    (y0, v0), (y1, v1) = pnet.points[0], pnet.points[-1]
    explanation = (f"SEER pancreatic NETs rose from {v0:g} to {v1:g} per 100,000 ({y0}-{y1}); all NETs were "
                   f"{all_latest[1]:g} per 100,000 in {all_latest[0]}.")
    if answer == key:
        return Feedback(answer, key, True, explanation, explanation)
    return Feedback(answer, key, False, f"NETs as a whole are about ten times more common ({all_latest[1]:g} per "
                    f"100,000 in {all_latest[0]}); 0.3-0.8 is the scale of pancreatic NETs.", explanation)


# --- staging, syndromes, treatment and whole cases -------------------------------------------------
def _stage_explanation(key: Stage) -> str:
    """What decided T, N, M and the group, one sentence each (no repeats)."""
    reasons = (key.t_reason, key.n_reason, key.m_reason, key.group_reason)
    return " ".join(dict.fromkeys(r.sentence for r in reasons if r is not None))


def _reason_words(reason) -> str:
    """What decided a part of the stage, in words, without its value (a hint that does not give the key away)."""
    from netlib.staging import REASON_BY

    return REASON_BY.get(reason.by, "the site's table") if reason is not None else "the site's table"


def _stage_part_message(findings: Findings, key: Stage, part: str) -> str:
    """Why ``part`` (T, N or M) of the key is what it is, naming the likely slip where one is known."""
    if part == "T":
        if "pancreas_t1_boundary" in key.flags:
            return f"a pancreatic NET of exactly {_PANC_T1.high:g} cm is T2: T1 is {_PANC_T1.describe('cm')}."
        if "invasion_ignored" in key.flags and findings.site == "pancreas":
            return "peripancreatic fat does not change pancreatic T; size and named structures do."
        return f"check T again; what decides it here: {_reason_words(key.t_reason)}."
    if part == "N":
        r = key.n_reason
        if key.n.endswith("N2") and r.by == "mesenteric_mass":
            return (f"jejunum/ileum: a mesenteric mass above {N2_MESENTERIC_MASS_CM:g} cm is N2, whatever the node "
                    f"count (here {r.detail}).")
        if key.n.endswith("N2") and r.by == "nodes":
            return f"jejunum/ileum: {N2_MIN_NODES} or more positive nodes is N2 (here {r.detail})."
        return f"check N again; what decides it here: {_reason_words(r)}."
    return f"check M again; what decides it here: {_reason_words(key.m_reason)}."


def check_stage(findings: Findings, t: str, n: str, m: str, group: str | None) -> Feedback:
    """Check a TNM and stage-group answer against :func:`netlib.stage` (reads its :class:`PartReason` data)."""
    from netlib.staging import stage

    checks.choice("t", t, (*dict.fromkeys(_STAGE_CATEGORIES["t"]), None))
    checks.choice("n", n, (*_STAGE_CATEGORIES["n"], None))
    checks.choice("m", m, (*_STAGE_CATEGORIES["m"], None))
    checks.choice("group", group, STAGE_GROUPS)
    key = stage(findings)
    ans = f"{t} {n} {m}, stage {group}"
    exp = f"{key.t} {key.n} {key.m}, stage {key.group}"
    explanation = _stage_explanation(key)
    if (t, n, m, group) == (key.t, key.n, key.m, key.group):
        return Feedback(ans, exp, True, f"{key.tnm}, " + (f"stage {key.group}" if key.group else "no stage group")
                        + ". " + explanation, explanation)
    if key.t is None:  # not staged with this system
        return Feedback(ans, exp, False, key.group_reason.sentence, explanation)
    wrong = [part for part, a, k in (("T", t, key.t), ("N", n, key.n), ("M", m, key.m)) if a != k]
    if wrong:
        msgs = [_stage_part_message(findings, key, part) for part in wrong]
        msg = " ".join(msgs[:1] + [_cap(x) for x in msgs[1:]])
    elif key.group is None:
        msg = ("a stage group needs all of T, N and M; here one of them is not known (see which), and the groups "
               "it could give differ, so no group can be given.")
    elif group is None:
        msg = "T, N and M are all known here, so the group table gives a stage group."
    else:
        msg = ("the group follows from T, N and M in the site's group table: work out each of them first, then "
               "read the group off the table (colon and rectum have their own table, with IIA/IIB and IIIA/IIIB).")
    return Feedback(ans, exp, False, msg, explanation)


def check_syndrome(features, answer: str) -> Feedback:
    """Which syndrome fits these presenting features best? Key: the top match of netlib.data.syndromes.match."""
    from netlib.data import syndromes

    ranked = syndromes.match(features)
    if not ranked:
        raise InvalidValueError("features", "none of them belongs to a syndrome in the catalogue")
    syndromes.get(answer)
    best, hit = ranked[0]
    explanation = f"{best.name}: {best.hallmarks} Key test: {best.key_test}"
    if answer == best.key:
        return Feedback(answer, best.key, True, explanation, explanation)
    other = next((h for s, h in ranked if s.key == answer), ())
    explains = f"only {syndromes.in_words(other)}" if other else "none"
    msg = (f"{syndromes.get(answer).name} explains {explains} of these features; another syndrome in the "
           f"catalogue explains {len(hit)} of them.")
    return Feedback(answer, best.key, False, msg, explanation)


#: Flags of a deciding rule under which every listed option counts as right (the sources leave the choice open).
OPEN_CHOICE_FLAGS = ("controversial", "order_individualised")


def check_treatment(findings: Findings, answer: str, accept_alternatives: bool = False) -> Feedback:
    """Check a management category against :func:`netlib.recommend` (the rule that fires); the feedback names
    categories and rules in words. With ``accept_alternatives``, an option the deciding rule lists is also right
    when the rule leaves the choice open (flagged ``controversial`` or ``order_individualised``)."""
    from netlib.treatment import CATEGORIES, recommend

    checks.choice("answer", answer, CATEGORIES)
    if not isinstance(accept_alternatives, bool):
        raise InvalidTypeError("accept_alternatives", f"expected True or False, got {accept_alternatives!r}")
    key = recommend(findings)
    title, explanation = key.rule_title, key.rule_sentence
    if answer == key.category:
        return Feedback(answer, key.category, True, explanation, explanation)
    alt = [o for o in key.options if o.category == answer]
    if accept_alternatives and alt and set(OPEN_CHOICE_FLAGS) & set(key.flags):
        return Feedback(answer, key.category, True,
                        f"{_label(answer)} is one of the reasonable choices here ({alt[0].name}); the sources leave "
                        f"the choice open, and the rule '{title}' lists {_label(key.category)} first.", explanation)
    near = [nm for nm in key.near_misses if nm.category == answer]
    if key.missing:
        msg = (f"the findings are not enough to choose: {key.missing} is needed (rule '{title}'), so the case goes "
               f"to {_label(key.category)}; the card shows what each value would lead to.")
    elif alt:
        msg = (f"{_label(answer)} is listed as an alternative ({alt[0].name}), but the rule '{title}' puts "
               f"{_label(key.category)} first.")
    elif near:
        msg = (f"{_label(answer)} is what the rule '{near[0].rule_title}' gives, but that rule requires "
               f"'{near[0].requires}', which this case does not meet; here the rule '{title}' applies: "
               f"{_label(key.category)}.")
    elif answer == "surveillance":
        msg = ("watching is reserved for selected small, node-negative tumours without aggressive features "
               "(asymptomatic non-functioning pancreatic NETs below 2 cm, type 1 gastric NETs up to 10 mm); "
               f"here the rule '{title}' applies: {_label(key.category)}.")
    else:
        msg = f"that is not what the rules recommend here: the rule that applies is '{title}'."
    return Feedback(answer, key.category, False, msg, explanation)


def check_case(case, grade: str | None = None, stage_group: str | None = None,
               category: str | None = None) -> Feedback:
    """Check any of grade, stage group and management for a case from :mod:`netlib.data.cases`."""
    from netlib.assessment import assess
    from netlib.data.cases import Case

    checks.instance("case", case, Case, "a netlib.data.cases.Case")
    if stage_group is not None:
        checks.choice("stage_group", stage_group, STAGE_GROUPS)
    a = assess(case.findings)
    parts, ok, answers, keys, explanations = [], True, [], [], []
    if grade is not None:
        fb = check_grade(case.findings, grade)
        ok &= fb.correct
        parts.append("grade right" if fb.correct else "grade: " + fb.message.rstrip("."))
        answers.append(grade); keys.append(a.grade.label); explanations.append(fb.explanation)
    if stage_group is not None or (stage_group is None and grade is None and category is None):
        good = stage_group == a.stage.group
        ok &= good
        group = f"group {a.stage.group}" if a.stage.group else "no stage group"
        parts.append("stage right" if good else f"stage: the key is {a.stage.tnm}, {group}"
                     + (f" ({a.stage.group_reason.sentence.rstrip('.')})" if a.stage.group is None else ""))
        answers.append(str(stage_group)); keys.append(str(a.stage.group))
        explanations.append(_stage_explanation(a.stage))
    if category is not None:
        fb = check_treatment(case.findings, category)
        ok &= fb.correct
        parts.append("management right" if fb.correct else "management: " + fb.message.rstrip("."))
        answers.append(category); keys.append(a.recommendation.category); explanations.append(fb.explanation)
    return Feedback(" | ".join(answers), " | ".join(keys), ok, "; ".join(parts) + ".", " ".join(explanations))
