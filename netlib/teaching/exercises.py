"""Self-check exercises: compare a trainee's answer with the key computed by netlib, and say why.

The key always comes from :func:`netlib.grading.grade`, never typed by hand. A wrong answer gets
feedback naming the likely misconception (graded on one parameter only, boundary slip, Ki-67
taken for differentiation, ...). Works without a frontend; widgets wrap the same functions.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from netlib import checks
from netlib.counting.ki67 import RECOMMENDED_MIN_CELLS
from netlib.data.criteria import WHO_2010_DIGESTIVE, WHO_2021_THORACIC, WHO_2022_DIGESTIVE
from netlib.data.staging_tables import N2_MESENTERIC_MASS_CM, N2_MIN_NODES, T_TABLES
from netlib.errors import InvalidTypeError, InvalidValueError
from netlib.findings import Findings
from netlib.grading import LABELS, MINEN_MIN_PERCENT, Grade, grade
from netlib.staging import CATEGORIES as _STAGE_CATEGORIES

__all__ = ["Feedback", "check_grade", "check_ki67_index", "check_mitoses_per_2mm2", "check_fields_needed",
           "check_hotspot_count", "check_commonest_site", "check_marker_panel", "check_incidence_fit",
           "INCIDENCE_CHOICES", "check_stage", "check_syndrome", "check_treatment", "check_case"]


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


_DECIDING = ("higher grade wins", "Poorly differentiated", "mixed neuroendocrine", "Well differentiated with G3",
             "criteria met", "makes it atypical", "Not typical carcinoid", "->")


def _deciding_step(key: Grade) -> str:
    """The step that best explains the key: the first match in order of :data:`_DECIDING`."""
    for word in _DECIDING:
        hits = [s for s in key.steps if word in s]
        if hits:
            return hits[-1]
    return key.steps[-1] if key.steps else ""


# cut-offs quoted in the feedback, read from the tables
_KI67_CUTS = WHO_2022_DIGESTIVE.cutoffs("ki67")  # (3, 20) %
_MIT_CUTS = WHO_2022_DIGESTIVE.cutoffs("mitoses")  # (2, 20) per 2 mm²
_LUNG_CUTS = WHO_2021_THORACIC.cutoffs("mitoses")  # (2, 10) per 2 mm²
_GAP_2010 = WHO_2010_DIGESTIVE.known_gaps[0][1]
_PANC_T1 = T_TABLES["pancreas"].size_bands[0][1]


def _diagnose(f: Findings, answer: str, key: Grade) -> str:
    flags = key.flags
    exp = key.label
    if exp == "undetermined":
        why = key.steps[-1] if key.steps else ""
        return f"the findings do not allow a grade here ({why}) - answer 'undetermined'."
    if f.is_thoracic and answer.startswith("NET G"):
        return ("lung and thymus use the thoracic names and criteria (mitoses per 2 mm², necrosis, morphology), "
                f"not the digestive G1-G3 grades: this is {exp}.")
    if exp == "atypical carcinoid" and answer == "typical carcinoid" and f.necrosis in ("punctate", "extensive") \
            and "boundary_value" not in flags:
        return f"necrosis makes a carcinoid atypical even with fewer than {_LUNG_CUTS[0]:g} mitoses per 2 mm²."
    if exp == "NET G3" and answer == "NEC":
        return (f"Ki-67 > {_KI67_CUTS[-1]:g} % does not make a carcinoma: the tumour is well differentiated, so it "
                "is NET G3.")
    if exp == "NEC" and answer.startswith("NET"):
        return "poor differentiation makes it a neuroendocrine carcinoma (NEC), whatever the Ki-67."
    if "discordant_ki67_mitoses" in flags and answer.startswith("NET G") and answer < exp:
        decider = next(s for s in key.steps if "higher grade wins" in s)
        param = "Ki-67" if "Ki-67 decides" in decider else "mitotic count"
        other = "mitotic count" if param == "Ki-67" else "Ki-67"
        return f"you graded on the {other} alone; the {param} gives the higher grade, and the higher grade wins."
    if "boundary_value" in flags:
        return (f"a value exactly on a cut-off: the intervals are closed (Ki-67 {_KI67_CUTS[0]:g} and "
                f"{_KI67_CUTS[1]:g} %, mitoses {_MIT_CUTS[0]:g} and {_MIT_CUTS[1]:g} are G2; lung {_LUNG_CUTS[0]:g} "
                f"and {_LUNG_CUTS[1]:g} mitoses are atypical), so the answer is {exp}.")
    if "who2010_gap_value" in flags:
        return (f"the {_GAP_2010.low:g}-{_GAP_2010.high:g} % gap belonged to WHO 2010; since WHO 2017/2019 any Ki-67 "
                f"below {_KI67_CUTS[0]:g} % is G1.")
    if exp == "MiNEN":
        return f"both components make up at least {MINEN_MIN_PERCENT:g} % of the tumour: a MiNEN."
    return f"the key is {exp}; follow the steps of grade() to see where your reasoning parted."


def check_grade(findings: Findings, answer: str) -> Feedback:
    """Check a grade answer (one of :data:`netlib.grading.LABELS`) for ``findings``."""
    if not isinstance(answer, str):
        raise InvalidTypeError("answer", f"expected one of {', '.join(LABELS)}, got {type(answer).__name__} {answer!r}")
    if answer not in LABELS:
        raise InvalidValueError("answer", f"{answer!r} is not a label; choose one of {', '.join(LABELS)}")
    if not isinstance(findings, Findings):
        raise InvalidTypeError("findings", f"expected a netlib.Findings, got {type(findings).__name__}")
    key = grade(findings)
    if answer == key.label:
        return Feedback(answer, key.label, True, f"{key.title}. " + _deciding_step(key))
    return Feedback(answer, key.label, False, _diagnose(findings, answer, key))


# --- numeric and choice exercises ------------------------------------------------------------
def _number_answer(name: str, answer) -> float:
    if isinstance(answer, bool) or not isinstance(answer, (int, float)):
        raise InvalidTypeError("answer", f"expected a number for {name}, got {type(answer).__name__} {answer!r}")
    if answer != answer or answer in (float("inf"), float("-inf")):
        raise InvalidValueError("answer", f"expected a finite number for {name}, got {answer!r}")
    return float(answer)


def _close(a: float, b: float, tol: float) -> bool:
    return abs(a - b) <= tol


def check_ki67_index(positive: int, total: int, answer: float) -> Feedback:
    """Ki-67 index (%) from counts; accepts answers within 0.05 percentage points."""
    from netlib.counting import ki67

    key = ki67.index(positive, total)
    a = _number_answer("the Ki-67 index (%)", answer)
    if _close(a, key, 0.05):
        return Feedback(f"{a:g}", f"{key:.2f}", True, f"{positive} / {total} x 100 = {key:.2f} %.")
    if total > positive and _close(a, 100 * positive / (total - positive), 0.05):
        msg = "you divided by the negative cells only; the denominator is all tumour cells counted."
    elif _close(a, positive / total, 0.0005):
        msg = "that is a fraction; the index is a percentage (multiply by 100)."
    else:
        msg = f"the index is positive / all counted tumour cells x 100 = {key:.2f} %."
    return Feedback(f"{a:g}", f"{key:.2f}", False, msg)


def check_mitoses_per_2mm2(mitoses: int, fields: int, field_area: float, answer: float) -> Feedback:
    """Mitoses per 2 mm² from a count over ``fields`` fields of ``field_area`` mm² (tolerance 0.05)."""
    from netlib.counting import mitoses as mit

    key = mit.per_2mm2(mitoses, fields, field_area)
    a = _number_answer("mitoses per 2 mm²", answer)
    if _close(a, key, 0.05):
        return Feedback(f"{a:g}", f"{key:.2f}", True, f"{mitoses} mitoses in {fields * field_area:.2f} mm² = "
                        f"{key:.2f} per 2 mm².")
    if _close(a, mitoses * 10 / fields, 0.05) and not _close(key, mitoses * 10 / fields, 0.05):
        msg = ("you counted per 10 high-power fields. The WHO 2010 tables took 10 HPF as 2 mm², but this "
               "microscope's 10 fields cover a different area: convert by the area actually counted.")
    elif _close(a, mitoses, 0.05):
        msg = "that is the raw count; divide by the area counted and multiply by 2 mm²."
    elif _close(a, mitoses / 5, 0.05):
        msg = "dividing by 5 is right only when exactly 10 mm² was counted; convert by the actual area."
    else:
        msg = f"count / (fields x field area) x 2 = {key:.2f} per 2 mm²."
    return Feedback(f"{a:g}", f"{key:.2f}", False, msg)


def check_fields_needed(field_number_mm: float, objective_magnification: float, area_mm2: float,
                        answer: int) -> Feedback:
    """Whole fields needed to cover ``area_mm2`` with this microscope (must be exact)."""
    from netlib.counting import mitoses as mit

    setup = mit.microscope(field_number_mm, objective_magnification)
    key = mit.fields_needed(area_mm2, setup.area_mm2)
    a = _number_answer("the number of fields", answer)
    if a == key:
        return Feedback(f"{a:g}", str(key), True, f"field area {setup.area_mm2:.4f} mm²; {area_mm2:g} / "
                        f"{setup.area_mm2:.4f} rounded up = {key}.")
    if a == 10 * area_mm2 / 2:
        msg = "10 fields per 2 mm² holds only for a 0.2 mm² field; work out this microscope's field area."
    elif a == round(area_mm2 / (setup.diameter_mm ** 2)):
        msg = "the field is a circle: area = pi x (diameter / 2)^2, not diameter squared."
    elif a == key - 1:
        msg = "round up: the fields must cover at least the whole area."
    else:
        msg = (f"diameter = field number / objective = {setup.diameter_mm:.3f} mm, area = "
               f"{setup.area_mm2:.4f} mm², so {key} fields.")
    return Feedback(f"{a:g}", str(key), False, msg)


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
    return Feedback(f"{positive}/{total}", f"{true_pos}/{true_tot}", good_count and not notes, msg + ".")


def check_commonest_site(answer: str) -> Feedback:
    """Which of six primary sites is commonest in one SEER cohort (Man 2018)? Key from netlib.data.epidemiology."""
    from netlib.data.epidemiology import SITE_DISTRIBUTION

    if not isinstance(answer, str):
        raise InvalidTypeError("answer", f"expected a site name, got {type(answer).__name__} {answer!r}")
    ranked = sorted(SITE_DISTRIBUTION, key=lambda s: -s.percent)
    names = [s.site for s in ranked]
    checks.choice("answer", answer, names)
    key = ranked[0]
    if answer == key.site:
        return Feedback(answer, key.site, True, f"{key.site} ({key.percent:g} % of the NETs at six sites in "
                        "one SEER cohort).")
    rank = names.index(answer) + 1
    msg = f"{answer} is number {rank} ({ranked[rank - 1].percent:g} %); {key.site} leads with {key.percent:g} %."
    if answer == "pancreas":
        msg = ("the source summary lists the pancreas first, but among six sites in one SEER cohort it is "
               f"number {rank} ({ranked[rank - 1].percent:g} %); {key.site} leads with {key.percent:g} %.")
    return Feedback(answer, key.site, False, msg)


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
    if ans == exp:
        return Feedback(ans, exp, True, " ".join(key.steps))
    if panel.get("neurofilament") and lineage != key.lineage:
        msg = ("neurofilament does not decide the lineage (paragangliomas stain inconsistently); keratin does: "
               f"{key.lineage}.")
    elif key.ne_differentiation == "yes" and ne_differentiation != "yes":
        msg = "one positive general NE marker (with NE morphology) is enough; a negative chromogranin A is common in NECs."
    elif key.ne_differentiation == "uncertain" and ne_differentiation == "no":
        msg = "not every general marker was done; a single negative marker does not exclude NE differentiation."
    else:
        msg = "the key is " + exp + ": " + " ".join(key.steps)
    return Feedback(ans, exp, False, msg)


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
    if answer == key:
        return Feedback(answer, key, True, f"SEER pancreatic NETs rose from {v0:g} to {v1:g} per 100,000 ({y0}-{y1}); "
                        f"all NETs were {all_latest[1]:g} per 100,000 in {all_latest[0]}.")
    return Feedback(answer, key, False, f"NETs as a whole are about ten times more common ({all_latest[1]:g} per "
                    f"100,000 in {all_latest[0]}); 0.3-0.8 is the scale of pancreatic NETs.")


# --- staging, syndromes, treatment and whole cases -------------------------------------------------
def check_stage(findings: Findings, t: str, n: str, m: str, group: str | None) -> Feedback:
    """Check a TNM and stage-group answer against :func:`netlib.stage`."""
    from netlib.staging import stage

    checks.choice("t", t, (*dict.fromkeys(_STAGE_CATEGORIES["t"]), None))
    checks.choice("n", n, (*_STAGE_CATEGORIES["n"], None))
    checks.choice("m", m, (*_STAGE_CATEGORIES["m"], None))
    checks.choice("group", group, STAGE_GROUPS)
    key = stage(findings)
    ans = f"{t} {n} {m}, stage {group}"
    exp = f"{key.t} {key.n} {key.m}, stage {key.group}"
    if (t, n, m, group) == (key.t, key.n, key.m, key.group):
        return Feedback(ans, exp, True, exp + ". " + " ".join(key.steps[:2]))
    if key.t is None:
        return Feedback(ans, exp, False, key.steps[0])
    wrong = [part for part, a, k in (("T", t, key.t), ("N", n, key.n), ("M", m, key.m)) if a != k]
    if "pancreas_t1_boundary" in key.flags and "T" in wrong:
        msg = f"a pancreatic NET of exactly {_PANC_T1.high:g} cm is T2: T1 is {_PANC_T1.describe('cm')}."
    elif "invasion_ignored" in key.flags and "T" in wrong and findings.site == "pancreas":
        msg = "peripancreatic fat does not change pancreatic T; size and named structures do."
    elif "N" in wrong and key.n == "N2":
        msg = (f"jejunum/ileum: {N2_MIN_NODES} or more positive nodes, or a mesenteric mass above "
               f"{N2_MESENTERIC_MASS_CM:g} cm, is N2.")
    elif "T" in wrong:
        # T1-T4 have a step starting with the category; TX only a step that ends "... (TX)."
        why = (next((s for s in key.steps if s.startswith(key.t)), None)
               or next((s for s in key.steps if key.t in s), None))
        msg = f"T is {key.t}" + (f": {why}" if why else ".")
    elif wrong:
        msg = f"{', '.join(wrong)} differ: the key is {exp}."
    else:
        msg = f"TNM is right but the group is {key.group}: " + key.steps[-1]
    return Feedback(ans, exp, False, msg)


def check_syndrome(features, answer: str) -> Feedback:
    """Which syndrome fits these presenting features best? Key: the top match of netlib.data.syndromes.match."""
    from netlib.data import syndromes

    ranked = syndromes.match(features)
    if not ranked:
        raise InvalidValueError("features", "none of them belongs to a syndrome in the catalogue")
    syndromes.get(answer)
    best, hit = ranked[0]
    if answer == best.key:
        return Feedback(answer, best.key, True, f"{best.name}: {best.hallmarks} Key test: {best.key_test}")
    other = next((h for s, h in ranked if s.key == answer), ())
    explains = f"only {', '.join(other)}" if other else "none"
    msg = (f"{syndromes.get(answer).name} explains {explains} of these features; "
           f"{best.name} explains {', '.join(hit)}.")
    return Feedback(answer, best.key, False, msg)


def check_treatment(findings: Findings, answer: str) -> Feedback:
    """Check a management category against :func:`netlib.recommend` (the rule that fires)."""
    from netlib.treatment import CATEGORIES, RULES, recommend

    checks.choice("answer", answer, CATEGORIES)
    key = recommend(findings)
    title = next((r.title for r in RULES if r.key == key.rule), key.rule)
    # the step that names the deciding rule (later steps may list what the rule does not test)
    deciding = next((s for s in reversed(key.steps) if s.startswith("Rule '") and "' applies" in s),
                    key.steps[-1] if key.steps else key.category)
    if answer == key.category:
        return Feedback(answer, key.category, True, deciding)
    alt = [o for o in key.options if o.category == answer]
    if alt:
        msg = (f"'{answer}' is listed as an alternative, but the rule '{title}' puts "
               f"'{key.category}' first: {alt[0].name}.")
    elif "insufficient_data" in key.flags:
        msg = "the findings are not enough to choose: " + key.steps[-1]
    elif answer == "surveillance":
        msg = ("watching is reserved for selected small, node-negative tumours without aggressive features "
               "(asymptomatic non-functioning pancreatic NETs below 2 cm, type 1 gastric NETs up to 10 mm); "
               f"here the rule '{title}' applies.")
    else:
        msg = "the rule that applies: " + deciding
    return Feedback(answer, key.category, False, msg)


def check_case(case, grade: str | None = None, stage_group: str | None = None,
               category: str | None = None) -> Feedback:
    """Check any of grade, stage group and management for a case from :mod:`netlib.data.cases`."""
    from netlib.assessment import assess
    from netlib.data.cases import Case

    checks.instance("case", case, Case, "a netlib.data.cases.Case")
    if stage_group is not None:
        checks.choice("stage_group", stage_group, STAGE_GROUPS)
    a = assess(case.findings)
    parts, ok, answers, keys = [], True, [], []
    if grade is not None:
        fb = check_grade(case.findings, grade)
        ok &= fb.correct
        parts.append("grade right" if fb.correct else "grade: " + fb.message.rstrip("."))
        answers.append(grade); keys.append(a.grade.label)
    if stage_group is not None or (stage_group is None and grade is None and category is None):
        good = stage_group == a.stage.group
        ok &= good
        parts.append("stage right" if good else f"stage: the key is {a.stage.tnm}, group {a.stage.group}"
                     + (f" ({a.stage.steps[-1]})" if a.stage.group is None else ""))
        answers.append(str(stage_group)); keys.append(str(a.stage.group))
    if category is not None:
        fb = check_treatment(case.findings, category)
        ok &= fb.correct
        parts.append("management right" if fb.correct else "management: " + fb.message.rstrip("."))
        answers.append(category); keys.append(a.recommendation.category)
    return Feedback(" | ".join(answers), " | ".join(keys), ok, "; ".join(parts) + ".")
