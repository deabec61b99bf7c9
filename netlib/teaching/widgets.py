"""Interactive elements for the notebooks, built on the pure logic.

Each builder returns a small object holding its widgets, so pytest (and a notebook cell) can
set ``.value``, click buttons and read the resulting text without a browser. Import this module
only where widgets are wanted; ``import netlib`` does not load ipywidgets.

Every number is typed into a :class:`NumberField` (a text box read by
:func:`netlib.teaching.inputs.parse_number` as the trainee types: a decimal comma is a decimal point, nothing
is clamped). Text that cannot be used shows a message under its box, and the panel's :class:`ResultCard` is
marked "Not updated" over the last valid card (``.result`` is None and ``.error`` says why). Each panel starts
with a "Live" line written by Python when it was built.
"""
from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field
from html import escape
from typing import Any, Callable, ClassVar

import ipywidgets as W
import traitlets

from netlib import checks as V
from netlib import markers
from netlib.counting import fields, ki67, mitoses
from netlib.data.criteria import TABLES
from netlib.errors import InvalidValueError
from netlib.findings import VOCABULARY, Findings
from netlib.grading import Grade, grade
from netlib.teaching.exercises import Feedback, check_hotspot_count
from netlib.teaching.inputs import number_text, parse_number

__all__ = ["NumberField", "ResultCard", "Panel", "GradeCalculator", "ThoracicClassifier", "grade_calculator",
           "thoracic_classifier", "MitosesConverter", "mitoses_converter", "MarkerPanel", "marker_panel",
           "MisgradeExplorer", "misgrade_explorer", "HotspotCounter", "hotspot_counter", "StagingWidget",
           "staging_widget", "SyndromeFinder", "syndrome_finder", "TreatmentExplorer", "treatment_explorer"]

_NONE = "(not reported)"
_STYLE = {"description_width": "160px"}


def _opt(value):
    return None if value == _NONE else value


# --- typed numbers, the result card and the status line (shared by every builder) -----------------
class _TextOrNumber(traitlets.Unicode):
    """A text trait that also takes a number from Python code (``box.value = 3.0`` -> ``"3.0"``)."""

    def validate(self, obj, value):
        if isinstance(value, numbers.Integral) and not isinstance(value, bool):
            value = str(int(value))
        elif isinstance(value, numbers.Real) and not isinstance(value, bool):
            value = number_text(float(value))
        return super().validate(obj, value)


class NumberField(W.Text):
    """A text box for one number, read with :func:`netlib.teaching.inputs.parse_number` as the trainee types.

    ``.value`` is the text (Python code may also assign a number). :meth:`read` returns the number or raises a
    ValueError naming the field and the allowed range; the message element ``.message`` under the box shows that
    error while the text cannot be used and is empty otherwise. ``.row`` is the box with its message, for layouts.
    """

    value = _TextOrNumber(help="the typed text").tag(sync=True)

    def __init__(self, name: str, description: str, value: float | int | str, low: float, high: float, *,
                 unit: str = "", integer: bool = False, low_open: bool = False, show_now: bool = True):
        """``name``: the field in words, for messages ("Ki-67"); ``description``: the label beside the box;
        ``value``: the starting number (or text); ``low``/``high``: the inclusive range in ``unit``
        (``low_open`` excludes ``low``); ``integer``: whole numbers only; ``show_now=False`` shows no message
        until the text changes (a quiz box that starts empty)."""
        super().__init__(value=value, description=description, continuous_update=True, style=_STYLE,
                         layout=W.Layout(width="340px"))
        self.add_class("netlib-number")
        self.spec = {"name": name, "low": low, "high": high, "unit": unit, "integer": integer,
                     "low_open": low_open}
        self.message = W.HTML(layout=W.Layout(display="none", margin="0 0 4px 168px"))
        self.message.add_class("netlib-field-message")
        self.row = W.VBox([self, self.message])
        self.row.add_class("netlib-field")
        self.observe(lambda _change: self.error(), names="value")
        if show_now:
            self.error()

    def read(self) -> float | int:
        """The typed number; raises ValueError/TypeError (naming the field and the range); updates the message."""
        try:
            number = parse_number(self.value, **self.spec)
        except (TypeError, ValueError) as e:
            self._say(str(e))
            raise
        self._say("")
        return number

    def error(self) -> str | None:
        """The message if the text cannot be used, else None (and the message element is updated)."""
        try:
            self.read()
        except (TypeError, ValueError) as e:
            return str(e)
        return None

    def _say(self, text: str) -> None:
        self.message.value = (f'<span style="color:#b00020">&#9888; {escape(text)}</span>' if text else "")
        self.message.layout.display = None if text else "none"


class ResultCard(W.HTML):
    """The result card. :meth:`show` draws a fresh result; :meth:`not_updated` keeps the last valid card, dimmed,
    under a line saying which input is wrong, so a stale card is never mistaken for the answer."""

    last_html: str = ""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.add_class("netlib-result")

    def show(self, html: str) -> None:
        self.last_html = html
        self.value = html

    def not_updated(self, problems: list[str]) -> None:
        said = "; ".join(escape(p) for p in problems)
        tail = ("the card below still shows the last valid input" if self.last_html else "no result yet")
        self.value = ('<div class="netlib-not-updated" style="border-left:4px solid #b00020;background:#fdecea;'
                      f'color:#000;padding:4px 8px;margin-bottom:4px"><b>Not updated:</b> {said} &mdash; {tail}.</div>'
                      f'<div class="netlib-stale" style="opacity:0.4">{self.last_html}</div>')


def _status(what: str = "changes update the card below") -> W.HTML:
    """The line that says the panel is connected to Python (written by Python when the panel is built)."""
    w = W.HTML(f'<span style="color:#1b5e20">&#9679; <b>Live</b></span>: {escape(what)}. '
               '<span style="color:#555">If nothing happens, Python (the kernel) has stopped or restarted: '
               'run this cell again.</span>')
    w.add_class("netlib-status")
    return w


def _row(w: W.Widget) -> W.Widget:
    return w.row if isinstance(w, NumberField) else w


def _read(controls: dict[str, W.ValueWidget]) -> tuple[dict[str, Any], list[ValueError | TypeError]]:
    """Each control's value (numbers parsed) and the errors (naming the field) of the fields that cannot be read."""
    values, problems = {}, []
    for key, w in controls.items():
        if isinstance(w, NumberField):
            try:
                values[key] = w.read()
            except (TypeError, ValueError) as e:
                problems.append(e)
        else:
            values[key] = w.value
    return values, problems


def _refresh(card: ResultCard, controls: dict[str, W.ValueWidget],
             compute: Callable[[dict[str, Any]], tuple[Any, str]]) -> tuple[Any, str | None]:
    """Read the controls; if every field is usable, compute ``(result, html)`` and show it; else mark the card
    not updated. Returns ``(result, None)`` or ``(None, error message)``."""
    values, errors = _read(controls)
    problems = [str(e) for e in errors]
    if not problems:
        try:
            result, html = compute(values)
        except (TypeError, ValueError) as e:
            problems = [str(e)]
        else:
            card.show(html)
            return result, None
    card.not_updated(problems)
    return None, "; ".join(problems)



# --- how a panel shows itself ------------------------------------------------------------------------------------
class Panel:
    """Mixin: a panel displays as its ``box``; where no Python kernel draws the widgets (a stored notebook, the
    course site) the plain-text form is one sentence saying what the panel is and how to start it, never a dump
    of widget internals. Subclasses set :attr:`what` ("a grade calculator")."""

    what: ClassVar[str] = "an interactive panel"

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.box._repr_mimebundle_(include=include, exclude=exclude)
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        data["text/plain"] = (f"Interactive: {self.what}. It needs a running Python kernel: run this cell in "
                              "JupyterLab (or launch the notebook on Binder) to use it.")
        return bundle

# --- grade calculators --------------------------------------------------------------------------
@dataclass
class CardPanel(Panel):
    """Inputs and a result card that recomputes on every change (numbers: as they are typed).

    Subclasses say how the inputs become a result in :meth:`compute`. ``result`` is the current result, or None
    while a field cannot be read; then ``error`` says which field and why, and the card is marked "Not updated"
    over the last valid card.
    """

    controls: dict[str, W.ValueWidget]
    card: ResultCard
    box: W.VBox
    result: Any = None
    error: str | None = None
    status: W.HTML | None = None

    def compute(self, values: dict[str, Any]) -> tuple[Any, str]:
        """The result for the parsed input values, and its HTML."""
        raise NotImplementedError

    def update(self, _change=None) -> None:
        self.result, self.error = _refresh(self.card, self.controls, self.compute)

    def findings(self) -> Findings:
        """The case as entered; raises the error of the first field that cannot be read (it names the field)."""
        values, problems = _read(self.controls)
        if problems:
            raise problems[0]
        return self._findings(values)

    @staticmethod
    def _findings(v: dict[str, Any]) -> Findings:
        raise NotImplementedError


@dataclass
class GradeCalculator(CardPanel):
    """Grade inputs for one case and the grade card (:class:`~netlib.grading.Grade` as ``result``)."""

    what: ClassVar[str] = "a grade calculator (type Ki-67 and mitoses; the grade card updates)"

    criteria: W.Dropdown | None = None

    def __getattr__(self, name):  # calc.ki67 -> the Ki-67 control
        controls = self.__dict__.get("controls", {})
        if name in controls:
            return controls[name]
        raise AttributeError(name)

    @staticmethod
    def _findings(v: dict[str, Any]) -> Findings:
        kw = {"site": _opt(v["site"]), "ki67_percent": v.get("ki67"), "mitoses_per_2mm2": v["mitoses"]}
        for name in ("differentiation", "morphology", "necrosis"):
            if name in v:
                kw[name] = _opt(v[name])
        if "size" in v:
            kw["size_cm"] = v["size"]
        return Findings(**kw)

    def compute(self, values: dict[str, Any]) -> tuple[Grade, str]:
        crit = self.criteria.value if self.criteria is not None else None
        f = self._findings(values)
        if crit is not None and TABLES[crit].system == "digestive" and f.is_thoracic:
            crit = None
        g = grade(f, crit)
        return g, g._repr_html_()


def _dropdown(name: str, value, description: str) -> W.Dropdown:
    return W.Dropdown(options=[_NONE, *VOCABULARY[name]], value=value if value is not None else _NONE,
                      description=description, style=_STYLE)


def _wire(panel, *extra: W.ValueWidget):
    """Make every control of a panel (an object with ``controls`` and ``update``) refresh it; draw it once."""
    for w in [*panel.controls.values(), *extra]:
        w.observe(panel.update, names="value")
    panel.update()
    return panel


def _panel_box(status: W.HTML, controls: dict[str, W.Widget], card: W.Widget, *before: W.Widget) -> W.VBox:
    """Status line, any extra rows, each control (a number field with its message), then the card."""
    return W.VBox([status, *before, *(_row(w) for w in controls.values()), card])


def grade_calculator(site: str = "pancreas", differentiation: str = "well", ki67: float = 2.0,
                     mitoses: float = 1.0, editions: bool = False) -> GradeCalculator:
    """A digestive grade calculator: change any input and the card (steps, flags, sources) updates.

    Ki-67 (0-100 %) and mitoses (0-1000 per 2 mm2) are typed; a decimal comma is a decimal point.
    With ``editions=True`` a drop-down switches between WHO 2010, 2017 and 2019/2022.
    """
    V.choice("site", site, (None, *VOCABULARY["site"]))
    V.choice("differentiation", differentiation, (None, *VOCABULARY["differentiation"]))
    V.number("ki67", ki67, 0, 100, unit="%")
    V.number("mitoses", mitoses, 0, 1000, unit="per 2 mm²")
    V.boolean("editions", editions)
    controls = {
        "site": _dropdown("site", site, "Site"),
        "differentiation": _dropdown("differentiation", differentiation, "Differentiation"),
        "ki67": NumberField("Ki-67", "Ki-67 (%)", ki67, 0, 100, unit="%"),
        "mitoses": NumberField("Mitoses", "Mitoses / 2 mm²", mitoses, 0, 1000, unit="per 2 mm²"),
    }
    criteria = (W.Dropdown(options=[(t.title, k) for k, t in TABLES.items() if t.system == "digestive"],
                           value="who2022_digestive", description="Criteria", style=_STYLE) if editions else None)
    card, status = ResultCard(), _status()
    box = _panel_box(status, controls, card, *([criteria] if criteria else []))
    return _wire(GradeCalculator(controls, card, box, status=status, criteria=criteria), *([criteria] if criteria else []))


def thoracic_classifier(morphology: str = "carcinoid", mitoses: float = 1.0, necrosis: str = "absent",
                        size: float = 1.5, site: str = "lung") -> ThoracicClassifier:
    """Lung/thymus classifier: morphology, mitoses per 2 mm² (0-1000, typed), necrosis and size (0-100 cm, typed)."""
    V.choice("morphology", morphology, (None, *VOCABULARY["morphology"]))
    V.choice("necrosis", necrosis, (None, *VOCABULARY["necrosis"]))
    V.choice("site", site, ("lung", "thymus"))
    V.number("mitoses", mitoses, 0, 1000, unit="per 2 mm²")
    V.number("size", size, 0, 100, low_open=True, unit="cm")
    controls = {
        "site": W.Dropdown(options=["lung", "thymus"], value=site, description="Site", style=_STYLE),
        "morphology": _dropdown("morphology", morphology, "Morphology"),
        "mitoses": NumberField("Mitoses", "Mitoses / 2 mm²", mitoses, 0, 1000, unit="per 2 mm²"),
        "necrosis": _dropdown("necrosis", necrosis, "Necrosis"),
        "size": NumberField("Size", "Size (cm)", size, 0, 100, unit="cm", low_open=True),
    }
    card, status = ResultCard(), _status()
    return _wire(ThoracicClassifier(controls, card, _panel_box(status, controls, card), status=status))


@dataclass
class ThoracicClassifier(GradeCalculator):
    """The grade calculator with the thoracic inputs (no Ki-67: it does not classify lung and thymic NENs)."""

    what: ClassVar[str] = ("a lung and thymus classifier (type the mitotic count, choose morphology and necrosis; "
                           "the card updates)")


# --- counting -----------------------------------------------------------------------------------
@dataclass
class MitosesConverter(Panel):
    """Microscope -> field area -> fields for 10 mm2; and a count over n fields -> per 2 mm2.

    ``text`` is the current conversion, or "" while a field cannot be read (then ``error`` says why and the
    output is marked "Not updated").
    """

    what: ClassVar[str] = "a mitotic-count converter (your microscope's fields to mitoses per 2 mm²)"

    field_number: NumberField
    objective: W.Dropdown
    count: NumberField
    fields: NumberField
    output: ResultCard
    box: W.VBox
    text: str = ""
    error: str | None = None
    status: W.HTML | None = None

    @property
    def controls(self) -> dict[str, W.ValueWidget]:
        return {"field_number": self.field_number, "objective": self.objective, "count": self.count,
                "fields": self.fields}

    def _convert(self, v: dict[str, Any]) -> tuple[str, str]:
        setup = mitoses.microscope(v["field_number"], v["objective"])
        per2 = mitoses.per_2mm2(v["count"], v["fields"], setup.area_mm2)
        text = (f"Field diameter {setup.diameter_mm:.3f} mm, area {setup.area_mm2:.4f} mm²; "
                f"{setup.fields_for_10mm2} fields = 10 mm². {v['count']} mitoses in {v['fields']} "
                f"fields = {per2:.2f} per 2 mm².")
        return text, f"<p>{escape(text)}</p>"

    def update(self, _change=None) -> None:
        text, self.error = _refresh(self.output, self.controls, self._convert)
        self.text = text or ""


def mitoses_converter(field_number_mm: float = 22.0, objective: int = 40, count: int = 9,
                      fields: int = 43) -> MitosesConverter:
    """Converter from eyepiece field number (10-30 mm) and objective to mitoses per 2 mm2.

    ``count``: mitoses counted (whole number 0-10000); ``fields``: fields counted (whole number 1-1000).
    """
    V.number("field_number_mm", field_number_mm, 10, 30, unit="mm")
    V.choice("objective", objective, (20, 40, 60))
    V.integer("count", count, 0, 10_000)
    V.integer("fields", fields, 1, 1000)
    fn = NumberField("Field number", "Field number (mm)", field_number_mm, 10, 30, unit="mm")
    obj = W.Dropdown(options=[20, 40, 60], value=objective, description="Objective (x)", style=_STYLE)
    cnt = NumberField("Mitoses counted", "Mitoses counted", count, 0, 10_000, integer=True, unit="mitoses")
    nf = NumberField("Fields counted", "Fields counted", fields, 1, 1000, integer=True, unit="fields")
    out, status = ResultCard(), _status("changes update the result below")
    conv = MitosesConverter(fn, obj, cnt, nf, out, W.VBox([status, *(_row(w) for w in (fn, obj, cnt, nf)), out]),
                            status=status)
    return _wire(conv)


#: the true Ki-67 values the explorer's slider stops at: 0.5, 0.6, ... 30.0 % (exact: k / 10)
_TRUE_KI67 = tuple(k / 10 for k in range(5, 301))


@dataclass
class MisgradeExplorer(Panel):
    """True Ki-67 (slider in 0.1 % steps, or typed) and cells counted -> the chance of each grade, as text.

    ``true_index`` is the slider; its values are exactly 0.5, 0.6, ... 30.0. ``typed`` is the text box beside it:
    any number from 0.5 to 30 (%), e.g. 2.95; the two follow each other. ``probabilities`` is {} while the typed
    text cannot be read (then ``error`` says why).
    """

    what: ClassVar[str] = "an explorer of how often counting noise changes the grade"

    true_index: W.SelectionSlider
    cells: W.Dropdown
    output: ResultCard
    box: W.VBox
    probabilities: dict = field(default_factory=dict)
    typed: NumberField | None = None
    error: str | None = None
    status: W.HTML | None = None
    _syncing: bool = False

    @property
    def controls(self) -> dict[str, W.ValueWidget]:
        return {"true_index": self.typed, "cells": self.cells}

    def _probabilities(self, v: dict[str, Any]) -> tuple[dict, str]:
        p = ki67.grade_probabilities(v["true_index"], v["cells"])
        parts = ", ".join(f"{k} {100 * x:.1f} %" for k, x in p.items())
        return p, f"<p>Counting {v['cells']} cells from a true {number_text(v['true_index'])} %: {escape(parts)}</p>"

    def update(self, _change=None) -> None:
        p, self.error = _refresh(self.output, self.controls, self._probabilities)
        self.probabilities = p or {}

    def slider_moved(self, change) -> None:
        """The slider moved: write its value into the text box (which updates the output)."""
        if not self._syncing:
            self.typed.value = number_text(change["new"])

    def typed_changed(self, _change=None) -> None:
        """Text typed: move the slider to the nearest 0.1 % stop (the output uses the exact typed value)."""
        if self.typed.error() is None:
            v = self.typed.read()
            stop = _TRUE_KI67[min(max(math.floor(v * 10 + 0.5) - 5, 0), len(_TRUE_KI67) - 1)]
            self._syncing = True
            try:
                self.true_index.value = stop
            finally:
                self._syncing = False
        self.update()


def misgrade_explorer(true_index: float = 2.5, cells: int = ki67.RECOMMENDED_MIN_CELLS) -> MisgradeExplorer:
    """Slide (or type) the true Ki-67, 0.5-30 %, and pick how many cells are counted; see how often each grade
    results."""
    V.number("true_index", true_index, 0.5, 30, unit="%")
    V.choice("cells", cells, (200, 500, 1000, 2000))
    stop = _TRUE_KI67[min(max(math.floor(true_index * 10 + 0.5) - 5, 0), len(_TRUE_KI67) - 1)]
    sl = W.SelectionSlider(options=[(f"{v:.1f}", v) for v in _TRUE_KI67], value=stop,
                           description="True Ki-67 (%)", continuous_update=True, readout=True,
                           style={"description_width": "160px"},
                           layout=W.Layout(width="100%", min_width="500px", max_width="900px"))
    sl.add_class("netlib-true-ki67")
    typed = NumberField("True Ki-67", "...or type it (%)", true_index, 0.5, 30, unit="%")
    dd = W.Dropdown(options=[200, 500, 1000, 2000], value=cells, description="Cells counted", style=_STYLE)
    out, status = ResultCard(), _status("changes update the result below")
    ex = MisgradeExplorer(sl, dd, out, W.VBox([status, sl, typed.row, dd, out]), typed=typed, status=status)
    sl.observe(ex.slider_moved, names="value")
    typed.observe(ex.typed_changed, names="value")
    dd.observe(ex.update, names="value")
    ex.update()
    return ex


@dataclass
class HotspotCounter(Panel):
    """Pick grid squares, type your positive and total counts (whole numbers), and compare with the truth."""

    what: ClassVar[str] = "a Ki-67 counting exercise on the synthetic field"

    field: fields.Ki67Field
    squares: W.SelectMultiple
    positive: NumberField
    total: NumberField
    button: W.Button
    feedback: W.HTML
    box: W.VBox
    last: Feedback | None = None
    error: str | None = None
    status: W.HTML | None = None

    def check(self, _button=None) -> Feedback | None:
        """Check the count; ``last`` is the Feedback, or None with ``error`` set if a count cannot be read."""
        values, problems = _read({"positive": self.positive, "total": self.total})
        if problems:
            self.last, self.error = None, "; ".join(str(e) for e in problems)
            self.feedback.value = f"<b>Cannot check yet:</b> {escape(self.error)}"
            return None
        self.last, self.error = check_hotspot_count(self.field, list(self.squares.value), values["positive"],
                                                    values["total"]), None
        self.feedback.value = self.last._repr_html_()
        return self.last


def hotspot_counter(field_: fields.Ki67Field) -> HotspotCounter:
    """A counting exercise on a synthetic field (see :func:`netlib.counting.fields.synthetic_field`).

    Counts are whole numbers from 0 to 100000, typed.
    """
    V.instance("field_", field_, fields.Ki67Field, "a netlib.counting.fields.Ki67Field")
    sq = W.SelectMultiple(options=list(field_.square_names), description="Squares counted", rows=6, style=_STYLE)
    pos = NumberField("Positive (brown) cells", "Positive (brown)", 0, 0, 100_000, integer=True, unit="cells")
    tot = NumberField("All tumour cells", "All tumour cells", 0, 0, 100_000, integer=True, unit="cells")
    btn = W.Button(description="Check my count")
    fb, status = W.HTML(), _status("press the button to check your count")
    hc = HotspotCounter(field_, sq, pos, tot, btn, fb, W.VBox([status, sq, pos.row, tot.row, btn, fb]),
                        status=status)
    btn.on_click(hc.check)
    return hc


# --- markers ------------------------------------------------------------------------------------
@dataclass
class MarkerPanel(CardPanel):
    """A drop-down per marker and the interpreted panel as a card (``result``: a PanelResult)."""

    what: ClassVar[str] = "a marker-panel reader (set each stain's result)"

    def compute(self, v: dict[str, Any]) -> tuple[markers.PanelResult, str]:
        r = markers.interpret(**{k: _opt(x) for k, x in v.items()})
        return r, r._repr_html_()


def marker_panel(**initial: str) -> MarkerPanel:
    """Interactive marker panel: synaptophysin, chromogranin A, INSM1, keratin, neurofilament."""
    names = ("synaptophysin", "chromogranin_a", "insm1", "keratin", "neurofilament")
    unknown = set(initial) - set(names)
    if unknown:
        raise InvalidValueError(sorted(unknown)[0], f"marker_panel has no marker(s) {sorted(unknown)}; known: "
                                                    f"{', '.join(names)}")
    for k, v in initial.items():
        V.choice(k, v, (None, "positive", "negative"))
    controls = {n: W.Dropdown(options=[_NONE, "positive", "negative"], value=initial.get(n) or _NONE,
                              description=n.replace("_", " "), style=_STYLE) for n in names}
    card, status = ResultCard(), _status()
    return _wire(MarkerPanel(controls, card, _panel_box(status, controls, card), status=status))


# --- staging, syndromes, treatment, cases -------------------------------------------------------
@dataclass
class StagingWidget(CardPanel):
    """Site, size, depth, invasion, nodes, mesenteric mass and metastasis -> the AJCC 8 stage card."""

    what: ClassVar[str] = "a staging calculator (size, depth, nodes, metastases)"

    def compute(self, v: dict[str, Any]):
        from netlib.staging import stage

        result = stage(self._findings(v))
        return result, result._repr_html_()

    @staticmethod
    def _findings(v: dict[str, Any]) -> Findings:
        nodes = v["nodes"]
        return Findings(site=v["site"], differentiation="well", ki67_percent=v["ki67"], size_cm=v["size"],
                     depth=_opt(v["depth"]), invasion=tuple(v["invasion"]),
                     regional_nodes_positive=None if nodes < 0 else nodes,
                        mesenteric_mass_cm=v["mesenteric_mass"] or None, metastasis=_opt(v["metastasis"]))


def staging_widget(site: str = "pancreas", size: float = 1.5, depth: str | None = None, nodes: int = 0,
                   metastasis: str = "none", ki67: float = 2.0) -> StagingWidget:
    """Stage a well-differentiated NET interactively.

    Typed: size 0-100 cm, positive nodes a whole number -1-500 (-1 means 'not reported'), mesenteric mass
    0-100 cm (0 = none), Ki-67 0-100 %.
    """
    from netlib.staging import T_TABLES

    V.choice("site", site, tuple(sorted(T_TABLES)))
    V.number("size", size, 0, 100, low_open=True, unit="cm")
    V.choice("depth", depth, (None, *VOCABULARY["depth"]))
    V.integer("nodes", nodes, -1, 500)
    V.choice("metastasis", metastasis, (None, *VOCABULARY["metastasis"]))
    V.number("ki67", ki67, 0, 100, unit="%")

    controls = {
        "site": W.Dropdown(options=sorted(T_TABLES), value=site, description="Site", style=_STYLE),
        "size": NumberField("Size", "Size (cm)", size, 0, 100, unit="cm", low_open=True),
        "depth": _dropdown("depth", depth, "Depth"),
        "invasion": W.SelectMultiple(options=list(VOCABULARY["invasion"]), description="Invades", rows=5,
                                     style=_STYLE),
        "nodes": NumberField("Positive nodes", "Positive nodes (-1 = ?)", nodes, -1, 500, integer=True,
                         unit="-1 = not reported"),
        "mesenteric_mass": NumberField("Mesenteric mass", "Mesenteric mass (cm)", 0, 0, 100, unit="cm; 0 = none"),
        "metastasis": _dropdown("metastasis", metastasis, "Metastasis"),
        "ki67": NumberField("Ki-67", "Ki-67 (%)", ki67, 0, 100, unit="%"),
    }
    card, status = ResultCard(), _status()
    return _wire(StagingWidget(controls, card, _panel_box(status, controls, card), status=status))


@dataclass
class SyndromeFinder(Panel):
    """Tick presenting features; see which syndromes fit, best first."""

    what: ClassVar[str] = "a syndrome finder (tick the presenting features)"

    features: W.SelectMultiple
    output: W.HTML
    box: W.VBox
    matches: list = field(default_factory=list)
    status: W.HTML | None = None

    def update(self, _change=None) -> None:
        from netlib.data import syndromes

        self.matches = syndromes.match(list(self.features.value))
        rows = "".join(f"<li><b>{escape(s.name)}</b> ({escape(syndromes.in_words(h))}): key test "
                       f"{escape(s.key_test)}</li>" for s, h in self.matches)
        self.output.value = f"<ol>{rows}</ol>" if rows else "<p>Tick one or more features.</p>"


def syndrome_finder(features: tuple[str, ...] = ()) -> SyndromeFinder:
    """A features -> syndromes look-up, from :mod:`netlib.data.syndromes`."""
    from netlib.data import syndromes

    syndromes.match(features)  # validates the features

    sel = W.SelectMultiple(options=[(syndromes.FEATURE_WORDS[f], f) for f in syndromes.FEATURES], value=tuple(features), description="Features", rows=8,
                           style=_STYLE)
    out, status = W.HTML(), _status("ticking features updates the list below")
    sf = SyndromeFinder(sel, out, W.VBox([status, sel, out]), status=status)
    sel.observe(sf.update, names="value")
    sf.update()
    return sf


@dataclass
class TreatmentExplorer(CardPanel):
    """A metastatic or localised case built from a few inputs; the recommendation card updates."""

    what: ClassVar[str] = "a treatment explorer (change one finding and see the decision move)"

    @staticmethod
    def _findings(v: dict[str, Any]) -> Findings:
        tri = {"yes": True, "no": False, _NONE: None}
        return Findings(site=v["site"], differentiation=_opt(v["differentiation"]),
                        ki67_percent=v["ki67"], size_cm=v["size"], depth=_opt(v["depth"]),
                        clinical_nodes=_opt(v["nodes"]),
                        metastasis=_opt(v["metastasis"]), sstr_positive=tri[v["sstr"]],
                        progression=tri[v["progression"]],
                        prior_therapies=("somatostatin_analogue",) if v["prior_ssa"] else (),
                        syndrome=_opt(v["syndrome"]), symptomatic=False,
                        functioning=True if _opt(v["syndrome"]) else False,
                        liver_metastases_resectable=tri[v["resectable"]])

    def compute(self, v: dict[str, Any]):
        from netlib.treatment import recommend

        result = recommend(self._findings(v))
        return result, result._repr_html_()


def treatment_explorer(site: str = "jejunum_ileum", ki67: float = 5.0, size: float = 1.5,
                       metastasis: str = "liver_only") -> TreatmentExplorer:
    """Explore :func:`netlib.recommend`: which rule fires, its options and evidence.

    Typed: Ki-67 0-100 %, size 0-100 cm.
    """
    V.choice("site", site, VOCABULARY["site"])
    V.number("ki67", ki67, 0, 100, unit="%")
    V.number("size", size, 0, 100, low_open=True, unit="cm")
    V.choice("metastasis", metastasis, (None, *VOCABULARY["metastasis"]))
    tri = [_NONE, "yes", "no"]
    controls = {
        "site": W.Dropdown(options=list(VOCABULARY["site"]), value=site, description="Site", style=_STYLE),
        "differentiation": _dropdown("differentiation", "well", "Differentiation"),
        "ki67": NumberField("Ki-67", "Ki-67 (%)", ki67, 0, 100, unit="%"),
        "size": NumberField("Size", "Size (cm)", size, 0, 100, unit="cm", low_open=True),
        "depth": _dropdown("depth", None, "Depth"),
        "nodes": _dropdown("clinical_nodes", None, "Nodes (imaging)"),
        "metastasis": _dropdown("metastasis", metastasis, "Metastasis"),
        "resectable": W.Dropdown(options=tri, value="no", description="Liver mets resectable", style=_STYLE),
        "sstr": W.Dropdown(options=tri, value="yes", description="SSTR positive", style=_STYLE),
        "prior_ssa": W.Checkbox(value=False, description="Prior SSA"),
        "progression": W.Dropdown(options=tri, value=_NONE, description="Progression", style=_STYLE),
        "syndrome": _dropdown("syndrome", None, "Syndrome"),
    }
    card, status = ResultCard(), _status()
    return _wire(TreatmentExplorer(controls, card, _panel_box(status, controls, card), status=status))
