"""Interactive elements for the notebooks, built on the pure logic.

Each builder returns a small object holding its widgets, so pytest (and a notebook cell) can
set ``.value``, click buttons and read the resulting text without a browser. Import this module
only where widgets are wanted; ``import netlib`` does not load ipywidgets.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import ipywidgets as W

from netlib import checks as V
from netlib.counting import fields, ki67, mitoses
from netlib import markers
from netlib.data.criteria import TABLES
from netlib.findings import VOCABULARY, Findings
from netlib.grading import LABELS, Grade, grade
from netlib.teaching.exercises import Feedback, check_grade, check_hotspot_count

__all__ = ["Quiz", "quiz", "grade_quiz", "GradeCalculator", "grade_calculator", "thoracic_classifier",
           "MitosesConverter", "mitoses_converter", "MarkerPanel", "marker_panel", "MisgradeExplorer",
           "misgrade_explorer", "HotspotCounter", "hotspot_counter", "StagingWidget", "staging_widget",
           "SyndromeFinder", "syndrome_finder", "TreatmentExplorer", "treatment_explorer", "CaseWorkshop", "case_workshop"]

_NONE = "(not reported)"
_STYLE = {"description_width": "160px"}


def _opt(value):
    return None if value == _NONE else value


# --- self-check ---------------------------------------------------------------------------------
@dataclass
class Quiz:
    """A self-check: an input, a Check button and the feedback; ``check`` maps the answer to Feedback."""

    answer: W.ValueWidget
    button: W.Button
    feedback: W.HTML
    box: W.VBox
    checker: Callable[[Any], Feedback]
    last: Feedback | None = None

    def check(self, _button=None) -> Feedback:
        try:
            self.last = self.checker(self.answer.value)
            self.feedback.value = self.last._repr_html_()
        except (TypeError, ValueError) as e:
            self.last = None
            self.feedback.value = f"<b>Cannot check that answer:</b> {e}"
        return self.last


def quiz(prompt: str, checker: Callable[[Any], Feedback], choices: tuple | list | None = None,
         description: str = "Your answer") -> Quiz:
    """A self-check widget: a drop-down when ``choices`` are given, else a number box."""
    V.instance("prompt", prompt, str, "a string")
    V.instance("description", description, str, "a string")
    if not callable(checker):
        raise TypeError(f"checker: expected a function answer -> Feedback, got {type(checker).__name__}")
    if choices is not None:
        if isinstance(choices, (str, bytes)) or not hasattr(choices, "__iter__"):
            raise TypeError(f"choices: expected a list of options, got {type(choices).__name__}")
        choices = list(choices)
        if not choices:
            raise ValueError("choices: at least one option is needed")
    answer = (W.Dropdown(options=list(choices), description=description, style=_STYLE) if choices is not None
              else W.FloatText(value=0.0, description=description, style=_STYLE))
    button = W.Button(description="Check")
    feedback = W.HTML()
    q = Quiz(answer, button, feedback, W.VBox([W.HTML(prompt), answer, button, feedback]), checker)
    button.on_click(q.check)
    return q


def grade_quiz(findings: Findings, prompt: str, choices: tuple[str, ...] = LABELS) -> Quiz:
    """A grade self-check for one case; the key comes from :func:`netlib.grade`."""
    V.instance("findings", findings, Findings, "a netlib.Findings")
    if choices is not LABELS and not (isinstance(choices, (tuple, list)) and choices):
        raise TypeError(f"choices: expected a non-empty tuple of labels, got {choices!r}")
    for c in choices:
        V.choice("choices", c, LABELS)
    q = quiz(prompt, lambda a: check_grade(findings, a), choices, "Your grade")
    q.findings = findings  # for the reader's convenience
    return q


# --- grade calculators --------------------------------------------------------------------------
@dataclass
class GradeCalculator:
    """Inputs for one case and an HTML card that regrades on every change."""

    controls: dict[str, W.ValueWidget]
    card: W.HTML
    box: W.VBox
    criteria: W.Dropdown | None = None
    result: Grade | None = None
    error: str | None = None

    def __getattr__(self, name):  # calc.ki67 -> the Ki-67 control
        controls = self.__dict__.get("controls", {})
        if name in controls:
            return controls[name]
        raise AttributeError(name)

    def findings(self) -> Findings:
        c = self.controls
        kw = {"site": _opt(c["site"].value), "ki67_percent": c["ki67"].value if "ki67" in c else None,
              "mitoses_per_2mm2": c["mitoses"].value}
        for name in ("differentiation", "morphology", "necrosis"):
            if name in c:
                kw[name] = _opt(c[name].value)
        if "size" in c:
            kw["size_cm"] = c["size"].value
        return Findings(**kw)

    def update(self, _change=None) -> None:
        try:
            crit = self.criteria.value if self.criteria is not None else None
            f = self.findings()
            if crit is not None and TABLES[crit].system == "digestive" and f.is_thoracic:
                crit = None
            self.result, self.error = grade(f, crit), None
            self.card.value = self.result._repr_html_()
        except (TypeError, ValueError) as e:
            self.result, self.error = None, str(e)
            self.card.value = f"<b>Input error:</b> {e}"


def _float(description: str, value: float, low: float, high: float, step: float) -> W.BoundedFloatText:
    return W.BoundedFloatText(value=value, min=low, max=high, step=step, description=description, style=_STYLE)


def _dropdown(name: str, value, description: str) -> W.Dropdown:
    return W.Dropdown(options=[_NONE, *VOCABULARY[name]], value=value if value is not None else _NONE,
                      description=description, style=_STYLE)


def _wire(panel, *extra: W.ValueWidget):
    """Make every control of a panel (an object with ``controls`` and ``update``) refresh it; draw it once."""
    for w in [*panel.controls.values(), *extra]:
        w.observe(panel.update, names="value")
    panel.update()
    return panel


def grade_calculator(site: str = "pancreas", differentiation: str = "well", ki67: float = 2.0,
                     mitoses: float = 1.0, editions: bool = False) -> GradeCalculator:
    """A digestive grade calculator: change any input and the card (steps, flags, sources) updates.

    With ``editions=True`` a drop-down switches between WHO 2010, 2017 and 2019/2022.
    """
    V.choice("site", site, (None, *VOCABULARY["site"]))
    V.choice("differentiation", differentiation, (None, *VOCABULARY["differentiation"]))
    V.number("ki67", ki67, 0, 100, unit="%")
    V.number("mitoses", mitoses, 0, 1000, unit="per 2 mm2")
    V.boolean("editions", editions)
    controls = {
        "site": _dropdown("site", site, "Site"),
        "differentiation": _dropdown("differentiation", differentiation, "Differentiation"),
        "ki67": _float("Ki-67 (%)", ki67, 0, 100, 0.1),
        "mitoses": _float("Mitoses / 2 mm2", mitoses, 0, 1000, 1),
    }
    criteria = (W.Dropdown(options=[(t.title, k) for k, t in TABLES.items() if t.system == "digestive"],
                           value="who2022_digestive", description="Criteria", style=_STYLE) if editions else None)
    card = W.HTML()
    rows = [*([criteria] if criteria else []), *controls.values(), card]
    return _wire(GradeCalculator(controls, card, W.VBox(rows), criteria), *([criteria] if criteria else []))


def thoracic_classifier(morphology: str = "carcinoid", mitoses: float = 1.0, necrosis: str = "absent",
                        size: float = 1.5, site: str = "lung") -> GradeCalculator:
    """Lung/thymus classifier: morphology, mitoses per 2 mm2, necrosis and size."""
    V.choice("morphology", morphology, (None, *VOCABULARY["morphology"]))
    V.choice("necrosis", necrosis, (None, *VOCABULARY["necrosis"]))
    V.choice("site", site, ("lung", "thymus"))
    V.number("mitoses", mitoses, 0, 1000, unit="per 2 mm2")
    V.number("size", size, 0, 100, unit="cm")
    controls = {
        "site": W.Dropdown(options=["lung", "thymus"], value=site, description="Site", style=_STYLE),
        "morphology": _dropdown("morphology", morphology, "Morphology"),
        "mitoses": _float("Mitoses / 2 mm2", mitoses, 0, 1000, 1),
        "necrosis": _dropdown("necrosis", necrosis, "Necrosis"),
        "size": _float("Size (cm)", size, 0, 100, 0.1),
    }
    card = W.HTML()
    return _wire(GradeCalculator(controls, card, W.VBox([*controls.values(), card])))


# --- counting -----------------------------------------------------------------------------------
@dataclass
class MitosesConverter:
    """Microscope -> field area -> fields for 10 mm2; and a count over n fields -> per 2 mm2."""

    field_number: W.BoundedFloatText
    objective: W.Dropdown
    count: W.BoundedIntText
    fields: W.BoundedIntText
    output: W.HTML
    box: W.VBox
    text: str = ""

    def update(self, _change=None) -> None:
        setup = mitoses.microscope(self.field_number.value, self.objective.value)
        per2 = mitoses.per_2mm2(self.count.value, self.fields.value, setup.area_mm2)
        self.text = (f"Field diameter {setup.diameter_mm:.3f} mm, area {setup.area_mm2:.4f} mm2; "
                     f"{setup.fields_for_10mm2} fields = 10 mm2. {self.count.value} mitoses in {self.fields.value} "
                     f"fields = {per2:.2f} per 2 mm2.")
        self.output.value = f"<p>{self.text}</p>"


def mitoses_converter(field_number_mm: float = 22.0, objective: int = 40, count: int = 9,
                      fields: int = 43) -> MitosesConverter:
    """Converter from eyepiece field number and objective to mitoses per 2 mm2."""
    V.number("field_number_mm", field_number_mm, 10, 30, unit="mm")
    V.choice("objective", objective, (20, 40, 60))
    V.integer("count", count, 0, 10_000)
    V.integer("fields", fields, 1, 1000)
    fn = _float("Field number (mm)", field_number_mm, 10, 30, 0.5)
    obj = W.Dropdown(options=[20, 40, 60], value=objective, description="Objective (x)", style=_STYLE)
    cnt = W.BoundedIntText(value=count, min=0, max=10_000, description="Mitoses counted", style=_STYLE)
    nf = W.BoundedIntText(value=fields, min=1, max=1000, description="Fields counted", style=_STYLE)
    out = W.HTML()
    conv = MitosesConverter(fn, obj, cnt, nf, out, W.VBox([fn, obj, cnt, nf, out]))
    for w in (fn, obj, cnt, nf):
        w.observe(conv.update, names="value")
    conv.update()
    return conv


@dataclass
class MisgradeExplorer:
    """True Ki-67 and cells counted -> the chance of each grade, as text."""

    true_index: W.FloatSlider
    cells: W.Dropdown
    output: W.HTML
    box: W.VBox
    probabilities: dict = field(default_factory=dict)

    def update(self, _change=None) -> None:
        self.probabilities = ki67.grade_probabilities(self.true_index.value, self.cells.value)
        parts = ", ".join(f"{k} {100 * v:.1f} %" for k, v in self.probabilities.items())
        self.output.value = f"<p>Counting {self.cells.value} cells from a true {self.true_index.value:g} %: {parts}</p>"


def misgrade_explorer(true_index: float = 2.5, cells: int = 500) -> MisgradeExplorer:
    """Slide the true Ki-67 and pick how many cells are counted; see how often each grade results."""
    V.number("true_index", true_index, 0.5, 30, unit="%")
    V.choice("cells", cells, (200, 500, 1000, 2000))
    sl = W.FloatSlider(value=true_index, min=0.5, max=30, step=0.1, description="True Ki-67 (%)", style=_STYLE)
    dd = W.Dropdown(options=[200, 500, 1000, 2000], value=cells, description="Cells counted", style=_STYLE)
    out = W.HTML()
    ex = MisgradeExplorer(sl, dd, out, W.VBox([sl, dd, out]))
    sl.observe(ex.update, names="value")
    dd.observe(ex.update, names="value")
    ex.update()
    return ex


@dataclass
class HotspotCounter:
    """Pick grid squares, type your positive and total counts, and compare with the truth."""

    field: fields.Ki67Field
    squares: W.SelectMultiple
    positive: W.BoundedIntText
    total: W.BoundedIntText
    button: W.Button
    feedback: W.HTML
    box: W.VBox
    last: Feedback | None = None

    def check(self, _button=None) -> Feedback:
        self.last = check_hotspot_count(self.field, list(self.squares.value), self.positive.value, self.total.value)
        self.feedback.value = self.last._repr_html_()
        return self.last


def hotspot_counter(field_: fields.Ki67Field) -> HotspotCounter:
    """A counting exercise on a synthetic field (see :func:`netlib.counting.fields.synthetic_field`)."""
    V.instance("field_", field_, fields.Ki67Field, "a netlib.fields.Ki67Field")
    sq = W.SelectMultiple(options=list(field_.square_names), description="Squares counted", rows=6, style=_STYLE)
    pos = W.BoundedIntText(value=0, min=0, max=100_000, description="Positive (brown)", style=_STYLE)
    tot = W.BoundedIntText(value=0, min=0, max=100_000, description="All tumour cells", style=_STYLE)
    btn = W.Button(description="Check my count")
    fb = W.HTML()
    hc = HotspotCounter(field_, sq, pos, tot, btn, fb, W.VBox([sq, pos, tot, btn, fb]))
    btn.on_click(hc.check)
    return hc


# --- markers ------------------------------------------------------------------------------------
@dataclass
class MarkerPanel:
    """A drop-down per marker and the interpreted panel as a card."""

    controls: dict[str, W.Dropdown]
    card: W.HTML
    box: W.VBox
    result: markers.PanelResult | None = None

    def update(self, _change=None) -> None:
        self.result = markers.interpret(**{k: _opt(w.value) for k, w in self.controls.items()})
        self.card.value = self.result._repr_html_()


def marker_panel(**initial: str) -> MarkerPanel:
    """Interactive marker panel: synaptophysin, chromogranin A, INSM1, keratin, neurofilament."""
    names = ("synaptophysin", "chromogranin_a", "insm1", "keratin", "neurofilament")
    unknown = set(initial) - set(names)
    if unknown:
        raise ValueError(f"marker_panel: unknown marker(s) {sorted(unknown)}; known: {', '.join(names)}")
    for k, v in initial.items():
        V.choice(k, v, (None, "positive", "negative"))
    controls = {n: W.Dropdown(options=[_NONE, "positive", "negative"], value=initial.get(n) or _NONE,
                              description=n.replace("_", " "), style=_STYLE) for n in names}
    card = W.HTML()
    return _wire(MarkerPanel(controls, card, W.VBox([*controls.values(), card])))


# --- staging, syndromes, treatment, cases -------------------------------------------------------
@dataclass
class StagingWidget:
    """Site, size, depth, invasion, nodes, mesenteric mass and metastasis -> the AJCC 8 stage card."""

    controls: dict[str, W.ValueWidget]
    card: W.HTML
    box: W.VBox
    result: Any = None

    def update(self, _change=None) -> None:
        from netlib.staging import stage

        c = self.controls
        nodes = c["nodes"].value
        f = Findings(site=c["site"].value, differentiation="well", ki67_percent=c["ki67"].value,
                     size_cm=c["size"].value, depth=_opt(c["depth"].value), invasion=tuple(c["invasion"].value),
                     regional_nodes_positive=None if nodes < 0 else nodes,
                     mesenteric_mass_cm=c["mesenteric_mass"].value or None, metastasis=_opt(c["metastasis"].value))
        self.result = stage(f)
        self.card.value = self.result._repr_html_()


def staging_widget(site: str = "pancreas", size: float = 1.5, depth: str | None = None, nodes: int = 0,
                   metastasis: str = "none", ki67: float = 2.0) -> StagingWidget:
    """Stage a well-differentiated NET interactively (nodes = -1 means 'not reported')."""
    from netlib.staging import T_TABLES

    V.choice("site", site, tuple(sorted(T_TABLES)))
    V.number("size", size, 0, 100, unit="cm")
    V.choice("depth", depth, (None, *VOCABULARY["depth"]))
    V.integer("nodes", nodes, -1, 500)
    V.choice("metastasis", metastasis, (None, *VOCABULARY["metastasis"]))
    V.number("ki67", ki67, 0, 100, unit="%")

    controls = {
        "site": W.Dropdown(options=sorted(T_TABLES), value=site, description="Site", style=_STYLE),
        "size": _float("Size (cm)", size, 0, 100, 0.1),
        "depth": _dropdown("depth", depth, "Depth"),
        "invasion": W.SelectMultiple(options=list(VOCABULARY["invasion"]), description="Invades", rows=5,
                                     style=_STYLE),
        "nodes": W.BoundedIntText(value=nodes, min=-1, max=500, description="Positive nodes (-1 = ?)", style=_STYLE),
        "mesenteric_mass": _float("Mesenteric mass (cm)", 0, 0, 100, 0.5),
        "metastasis": _dropdown("metastasis", metastasis, "Metastasis"),
        "ki67": _float("Ki-67 (%)", ki67, 0, 100, 0.1),
    }
    card = W.HTML()
    return _wire(StagingWidget(controls, card, W.VBox([*controls.values(), card])))


@dataclass
class SyndromeFinder:
    """Tick presenting features; see which syndromes fit, best first."""

    features: W.SelectMultiple
    output: W.HTML
    box: W.VBox
    matches: list = field(default_factory=list)

    def update(self, _change=None) -> None:
        from netlib.data import syndromes

        self.matches = syndromes.match(list(self.features.value))
        rows = "".join(f"<li><b>{s.name}</b> ({', '.join(h)}): key test {s.key_test}</li>" for s, h in self.matches)
        self.output.value = f"<ol>{rows}</ol>" if rows else "<p>Tick one or more features.</p>"


def syndrome_finder(features: tuple[str, ...] = ()) -> SyndromeFinder:
    """A features -> syndromes look-up, from :mod:`netlib.data.syndromes`."""
    from netlib.data import syndromes

    syndromes.match(features)  # validates the features

    sel = W.SelectMultiple(options=list(syndromes.FEATURES), value=tuple(features), description="Features", rows=8,
                           style=_STYLE)
    out = W.HTML()
    sf = SyndromeFinder(sel, out, W.VBox([sel, out]))
    sel.observe(sf.update, names="value")
    sf.update()
    return sf


@dataclass
class TreatmentExplorer:
    """A metastatic or localised case built from a few inputs; the recommendation card updates."""

    controls: dict[str, W.ValueWidget]
    card: W.HTML
    box: W.VBox
    result: Any = None

    def findings(self) -> Findings:
        c = self.controls
        tri = {"yes": True, "no": False, _NONE: None}
        return Findings(site=c["site"].value, differentiation=_opt(c["differentiation"].value),
                        ki67_percent=c["ki67"].value, size_cm=c["size"].value,
                        metastasis=_opt(c["metastasis"].value), sstr_positive=tri[c["sstr"].value],
                        progression=tri[c["progression"].value],
                        prior_therapies=("somatostatin_analogue",) if c["prior_ssa"].value else (),
                        syndrome=_opt(c["syndrome"].value), symptomatic=False,
                        functioning=True if _opt(c["syndrome"].value) else False,
                        liver_metastases_resectable=tri[c["resectable"].value])

    def update(self, _change=None) -> None:
        from netlib.treatment import recommend

        self.result = recommend(self.findings())
        self.card.value = self.result._repr_html_()


def treatment_explorer(site: str = "jejunum_ileum", ki67: float = 5.0, size: float = 1.5,
                       metastasis: str = "liver_only") -> TreatmentExplorer:
    """Explore :func:`netlib.recommend`: which rule fires, its options and evidence."""
    V.choice("site", site, VOCABULARY["site"])
    V.number("ki67", ki67, 0, 100, unit="%")
    V.number("size", size, 0, 100, unit="cm")
    V.choice("metastasis", metastasis, (None, *VOCABULARY["metastasis"]))
    tri = [_NONE, "yes", "no"]
    controls = {
        "site": W.Dropdown(options=list(VOCABULARY["site"]), value=site, description="Site", style=_STYLE),
        "differentiation": _dropdown("differentiation", "well", "Differentiation"),
        "ki67": _float("Ki-67 (%)", ki67, 0, 100, 0.5),
        "size": _float("Size (cm)", size, 0, 100, 0.1),
        "metastasis": _dropdown("metastasis", metastasis, "Metastasis"),
        "resectable": W.Dropdown(options=tri, value="no", description="Liver mets resectable", style=_STYLE),
        "sstr": W.Dropdown(options=tri, value="yes", description="SSTR positive", style=_STYLE),
        "prior_ssa": W.Checkbox(value=False, description="Prior SSA"),
        "progression": W.Dropdown(options=tri, value=_NONE, description="Progression", style=_STYLE),
        "syndrome": _dropdown("syndrome", None, "Syndrome"),
    }
    card = W.HTML()
    return _wire(TreatmentExplorer(controls, card, W.VBox([*controls.values(), card])))


@dataclass
class CaseWorkshop:
    """Pick a case, commit grade / stage group / management, then reveal the netlib assessment."""

    cases: tuple
    case: W.Dropdown
    vignette: W.HTML
    grade: W.Dropdown
    stage_group: W.Dropdown
    category: W.Dropdown
    button: W.Button
    feedback: W.HTML
    reveal: W.HTML
    box: W.VBox
    last: Feedback | None = None

    def current(self):
        return next(c for c in self.cases if c.key == self.case.value)

    def show_case(self, _change=None) -> None:
        c = self.current()
        self.vignette.value = f"<p><b>{c.title}.</b> {c.vignette}</p>"
        self.feedback.value = ""
        self.reveal.value = ""

    def check(self, _button=None) -> Feedback:
        from netlib.assessment import assess
        from netlib.teaching.exercises import check_case

        c = self.current()
        group = None if self.stage_group.value == "none (not NET-staged / cannot assign)" else self.stage_group.value
        self.last = check_case(c, grade=self.grade.value, stage_group=group, category=self.category.value)
        self.feedback.value = self.last._repr_html_()
        self.reveal.value = assess(c.findings)._repr_html_()  # revealed only after an answer is committed
        return self.last


def case_workshop() -> CaseWorkshop:
    """The case bank as an exercise: commit an answer, then see the explained assessment."""
    from netlib.data.cases import load_cases
    from netlib.treatment import CATEGORIES

    cases = load_cases()
    dd = W.Dropdown(options=[(f"{i + 1}. {c.title}", c.key) for i, c in enumerate(cases)], description="Case",
                    style=_STYLE)
    groups = ["none (not NET-staged / cannot assign)", "I", "II", "IIA", "IIB", "III", "IIIA", "IIIB", "IV"]
    g = W.Dropdown(options=list(LABELS), description="Grade", style=_STYLE)
    s = W.Dropdown(options=groups, description="Stage group", style=_STYLE)
    m = W.Dropdown(options=list(CATEGORIES), description="Management", style=_STYLE)
    btn = W.Button(description="Commit and reveal")
    vig, fb, rev = W.HTML(), W.HTML(), W.HTML()
    ws = CaseWorkshop(cases, dd, vig, g, s, m, btn, fb, rev, W.VBox([dd, vig, g, s, m, btn, fb, rev]))
    dd.observe(ws.show_case, names="value")
    btn.on_click(ws.check)
    ws.show_case()
    return ws
