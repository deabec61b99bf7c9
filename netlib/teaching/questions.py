"""Self-checks and tasks that ask before they tell, as plain HTML and JavaScript.

A :class:`Question` is shown by Jupyter (``_repr_html_``) or by a static web page as a small form: the question, a
way to answer (options to choose, a box to type a number, a short answer or a sentence) and a *Check* button.
Nothing is revealed before the trainee commits: the first check says whether the answer is right and, if not,
names the misconception; the full explanation (the result card computed by netlib) comes after a right answer or
when the trainee asks for it after trying. The keys and feedback are computed here, by the same functions the
notebooks teach (:mod:`netlib.teaching.exercises`), never typed; they travel with the page encoded (base64 JSON),
so they are not readable in the stored notebook, but a determined reader can decode them: these are self-checks,
not exams.

No kernel is needed once the HTML is on the page (a published site, or a notebook whose cells have run). In a
notebook opened fresh, JupyterLab does not run scripts in stored outputs until the notebook is trusted or the
cell is run; the form then says so in one line, which the script hides as soon as it runs.

:class:`QuestionSet` groups questions under one running score (first attempts only), for the case workshop.
The plain-text form (``str``/``repr``) is the question without any answer, which is what nbval compares.
"""
from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from html import escape
from typing import TYPE_CHECKING, Any

from netlib import checks
from netlib.errors import InvalidTypeError, InvalidValueError
from netlib.teaching.tables import _findings, _stains, _texts, _words

if TYPE_CHECKING:
    from netlib.findings import Findings
    from netlib.teaching.exercises import NumericKey

__all__ = ["Option", "Trap", "Question", "QuestionSet", "choice_question", "number_question", "short_answer",
           "free_text", "from_feedback", "CSS_CLASS", "typed_grade_task", "n_category_task",
           "marker_panel_question", "management_task", "change_task", "syndrome_change_task",
           "commonest_site_choices", "incidence_reading_key", "secretin_criterion_key", "grade_question",
           "stage_question", "t_category_task", "treatment_question", "category_words", "syndrome_question",
           "number_task", "report_line", "report_line_task", "workshop", "answer_key", "read_number", "MAX_RADIO"]

CSS_CLASS = "netlib-question"
#: Up to this many options are radio buttons; more become a drop-down that starts blank.
MAX_RADIO = 8
KINDS = ("choice", "number", "short", "text")
# the kind shown to the trainee: choosing is a self-check; typing an answer is a task (production)
_KIND_WORD = {"choice": "Self-check", "number": "Task", "short": "Task", "text": "Task"}


@dataclass(frozen=True)
class Option:
    """One answer option: what the trainee sees (``label``), whether it is right, and the feedback it earns."""

    label: str
    correct: bool
    message: str

    def __post_init__(self):
        checks.instance("label", self.label, str, "a string")
        checks.instance("message", self.message, str, "a string")
        if not isinstance(self.correct, bool):
            raise InvalidTypeError("correct", f"expected True or False, got {self.correct!r}")


@dataclass(frozen=True)
class Trap:
    """A known wrong answer and the misconception it reveals: a number within ``tolerance`` of ``value``, or (for a
    short answer) the text ``value`` itself."""

    value: float | str
    message: str
    tolerance: float = 0.0


@dataclass(frozen=True)
class Question:
    """One self-check or task. Build it with :func:`choice_question`, :func:`number_question`,
    :func:`short_answer` or :func:`free_text` rather than directly.

    ``kind``: ``choice`` (pick one option), ``number`` (type a number; right within ``tolerance`` of ``answer``,
    in ``unit``; a decimal comma is read as a decimal point), ``short`` (type a short answer such as a T category;
    compared without case and spaces with ``accepted``), ``text`` (write a sentence; any attempt reveals
    ``model_answer`` and a ``checklist`` to mark it against). ``explanation_html`` is shown after a right answer or
    on request after a first attempt. ``title`` heads the form ("Self-check 2", "Task 1").
    """

    title: str
    prompt: str
    kind: str
    options: tuple[Option, ...] = ()
    answer: float | None = None
    tolerance: float = 0.0
    unit: str = ""
    accepted: tuple[str, ...] = ()
    traps: tuple[Trap, ...] = ()
    otherwise: str = ""
    correct_message: str = ""
    model_answer: str = ""
    checklist: tuple[str, ...] = ()
    explanation_html: str = ""
    prompt_html: str = ""
    key_label: str = ""

    def __post_init__(self):
        checks.instance("title", self.title, str, "a string")
        checks.instance("prompt", self.prompt, str, "a string")
        checks.choice("kind", self.kind, KINDS)
        if not self.prompt.strip():
            raise InvalidValueError("prompt", "the question is empty")
        if self.kind == "choice":
            if len(self.options) < 2:
                raise InvalidValueError("options", f"a choice needs at least two options, got {len(self.options)}")
            if not any(o.correct for o in self.options):
                raise InvalidValueError("options", "at least one option must be right (the first right one is the "
                                        "key; others are accepted alternatives), got none")
            labels = [o.label for o in self.options]
            if len(set(labels)) != len(labels):
                raise InvalidValueError("options", f"option labels repeat: {labels}")
        elif self.kind == "number":
            if not isinstance(self.answer, (int, float)) or isinstance(self.answer, bool) \
                    or not math.isfinite(self.answer):
                raise InvalidValueError("answer", f"a number question needs a finite numeric key, got {self.answer!r}")
            if not (isinstance(self.tolerance, (int, float)) and 0 <= self.tolerance < math.inf):
                raise InvalidValueError("tolerance", f"expected a number >= 0, got {self.tolerance!r}")
            for t in self.traps:
                if not isinstance(t.value, (int, float)):
                    raise InvalidValueError("traps", f"a number question's trap must be a number, got {t.value!r}")
        elif self.kind == "short":
            if not self.accepted:
                raise InvalidValueError("accepted", "a short answer needs at least one accepted answer")
        elif not self.model_answer.strip():
            raise InvalidValueError("model_answer", "a written task needs a model answer to show after the attempt")

    # --- the same verdict in Python (tests, and anyone working without a browser) -------------------------------
    def check(self, answer: str) -> tuple[bool | None, str]:
        """The verdict the page gives for ``answer`` (an option label, or the typed text): (right?, message).

        ``None`` for "cannot be checked" (empty or not a number: the message says what to type) and for a written
        answer (there is no verdict; the message is the model answer). The JavaScript on the page implements the
        same rules; the browser tests compare the two.
        """
        checks.instance("answer", answer, str, "the text as typed or the option label")
        if self.kind == "choice":
            opt = next((o for o in self.options if o.label == answer), None)
            if opt is None:
                raise InvalidValueError("answer", f"{answer!r} is not an option; options: "
                                        + ", ".join(o.label for o in self.options))
            return opt.correct, opt.message
        if self.kind == "text":
            if len(answer.split()) < 3:
                return None, "Write your answer in a few words first; then the model answer appears."
            return None, self.model_answer
        if self.kind == "short":
            norm = _norm(answer)
            if not norm:
                return None, "Type your answer first."
            if norm in {_norm(a) for a in self.accepted}:
                return True, self.correct_message
            for t in self.traps:
                if norm == _norm(str(t.value)):
                    return False, t.message
            return False, self.otherwise
        value = read_number(answer)
        if value is None:
            return None, "Type a number (digits, with a decimal point or comma), e.g. 2.5."
        if abs(value - self.answer) <= self.tolerance + 1e-9:
            return True, self.correct_message
        for t in self.traps:
            if abs(value - t.value) <= t.tolerance + 1e-9:
                return False, t.message
        return False, self.otherwise

    # --- how it is shown ----------------------------------------------------------------------------------------
    @property
    def qid(self) -> str:
        """A stable id from the content (the same question gives the same HTML on every run)."""
        return "nq-" + hashlib.sha256(json.dumps(self._payload(), sort_keys=True).encode()).hexdigest()[:12]

    def _payload(self) -> dict[str, Any]:
        messages = list(dict.fromkeys(o.message for o in self.options))  # each feedback once: pages stay light
        return {"kind": self.kind, "options": [[o.correct, messages.index(o.message)] for o in self.options],
                "messages": messages,
                "answer": self.answer, "tolerance": self.tolerance, "accepted": [_norm(a) for a in self.accepted],
                "traps": [[t.value if self.kind == "number" else _norm(str(t.value)), t.tolerance, t.message]
                          for t in self.traps],
                "otherwise": self.otherwise, "correct": self.correct_message, "model": self.model_answer,
                "checklist": list(self.checklist), "explanation": self.explanation_html,
                "key": self._key_text(), "title": self.title, "prompt": self.prompt}

    def _key_text(self) -> str:
        if self.kind == "choice":
            right = [o.label for o in self.options if o.correct]
            if self.key_label in right:  # the key first, then the accepted alternatives
                right.remove(self.key_label)
                right.insert(0, self.key_label)
            return right[0] + (f" (also accepted: {', '.join(right[1:])})" if len(right) > 1 else "")
        if self.kind == "number":
            tol = f" (accepted within ±{self.tolerance:g})" if self.tolerance else ""
            return f"{self.answer:g}{(' ' + self.unit) if self.unit else ''}{tol}"
        if self.kind == "short":
            return self.accepted[0]
        return ""

    def _form_html(self) -> str:
        q = self.qid
        if self.kind == "choice" and len(self.options) > MAX_RADIO:
            items = "".join(f'<option value="{i}">{escape(o.label)}</option>' for i, o in enumerate(self.options))
            return (f'<label for="{q}-sel">Your answer: </label><select id="{q}-sel" class="nq-select">'
                    f'<option value="" selected>(choose)</option>{items}</select>')
        if self.kind == "choice":
            items = "".join(
                f'<label class="nq-option" style="display:block;margin:2px 0">'
                f'<input type="radio" name="{q}-opt" value="{i}"> {escape(o.label)}</label>'
                for i, o in enumerate(self.options))
            return (f'<fieldset class="nq-options" style="border:0;padding:0;margin:4px 0">'
                    f'<legend class="nq-sr" style="position:absolute;left:-9999px">Options</legend>{items}</fieldset>')
        if self.kind == "text":
            return (f'<label for="{q}-in" style="display:block">Your answer:</label>'
                    f'<textarea id="{q}-in" class="nq-input" rows="3" style="width:95%;max-width:640px"></textarea>')
        mode = ' inputmode="decimal"' if self.kind == "number" else ""
        return (f'<label for="{q}-in">Your answer{(" (" + escape(self.unit) + ")") if self.unit else ""}: </label>'
                f'<input id="{q}-in" class="nq-input" type="text" autocomplete="off"{mode} size="12">')

    def body_html(self) -> str:
        """The form without the script (a :class:`QuestionSet` adds one script for all its questions)."""
        prompt = self.prompt_html or escape(self.prompt)
        data = base64.b64encode(json.dumps(self._payload(), sort_keys=True).encode()).decode()
        check_label = "Show the model answer" if self.kind == "text" else "Check"
        return (
            f'<div class="{CSS_CLASS}" id="{self.qid}" data-kind="{self.kind}" data-netlib="{data}" '
            'style="border:1px solid #6b6b6b;border-left:5px solid #0072b2;border-radius:6px;padding:8px 12px;'
            'margin:6px 0;max-width:820px">'
            f'<div class="nq-title" style="font-weight:bold">{escape(self.title)}</div>'
            f'<div class="nq-prompt">{prompt}</div>{self._form_html()}'
            f'<div style="margin-top:6px"><button type="button" class="nq-check">{check_label}</button> '
            '<button type="button" class="nq-reveal" hidden>Show the answer and explanation</button></div>'
            '<div class="nq-feedback" role="status" aria-live="polite" style="margin-top:6px"></div>'
            '<div class="nq-explanation" hidden style="margin-top:6px"></div>'
            '<p class="nq-inert" style="font-size:90%;color:#444;margin:4px 0 0">To check an answer, run this cell '
            '(Shift+Enter): the check needs the cell to have run in this session. Nothing is revealed until you '
            'commit.</p>'
            '</div>')

    def _repr_html_(self) -> str:
        return self.body_html() + _script()

    def __str__(self) -> str:
        how = {"choice": "choose one of: " + "; ".join(o.label for o in self.options),
               "number": "type a number" + (f" ({self.unit})" if self.unit else ""),
               "short": "type a short answer", "text": "write your answer"}[self.kind]
        return f"{self.title}: {self.prompt} [{how}; run the cell to check]"

    __repr__ = __str__


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")


def read_number(text: str) -> float | None:
    """A typed number, or None. One decimal separator, point or comma ("2,9" is 2.9, never 29); no thousands
    separators, no exponents. The page's script uses the same pattern."""
    t = checks.text("text", text, "the text as typed").strip()
    if not _NUMBER.fullmatch(t):
        return None
    return float(t.replace(",", "."))


@dataclass(frozen=True)
class QuestionSet:
    """Questions under one heading with a running score: each question's first check counts, later checks teach.

    The score line reads "First attempts: 3 right of 5 answered (8 questions)". Used for the case workshop, where
    each case is one set member.
    """

    title: str
    questions: tuple[Question, ...]
    intro: str = ""
    items_html: tuple[str, ...] = field(default=())

    def __post_init__(self):
        checks.instance("title", self.title, str, "a string")
        if not self.questions:
            raise InvalidValueError("questions", "a set needs at least one question")
        for q in self.questions:
            checks.instance("questions", q, Question, "a netlib Question")
        if self.items_html and len(self.items_html) != len(self.questions):
            raise InvalidValueError("items_html", "give one HTML block per question or none")

    def _repr_html_(self) -> str:
        n = len(self.questions)
        blocks = []
        for i, q in enumerate(self.questions):
            blocks.append((self.items_html[i] if self.items_html else "") + q.body_html())
        intro = f"<p>{escape(self.intro)}</p>" if self.intro else ""
        return (f'<div class="netlib-question-set" data-total="{n}" style="max-width:840px">'
                f'<h3 style="margin:4px 0;font-size:1.15em">{escape(self.title)}</h3>{intro}'
                f'<p class="nq-score" role="status" aria-live="polite"><b>First attempts:</b> 0 right of 0 answered '
                f'({n} questions)</p>{"".join(blocks)}</div>' + _script())

    def __str__(self) -> str:
        return f"{self.title}: {len(self.questions)} questions [run the cell to answer; the score counts first attempts]"

    __repr__ = __str__


# --- argument checks of the builders (the shared ones are in netlib.teaching.tables) ---------------------------
def _strings(**named: object) -> None:
    """Each keyword argument must be a string; raise naming the first that is not."""
    for name, value in named.items():
        checks.text(name, value)


def _callable(name: str, value: object, what: str) -> None:
    if not callable(value):
        raise InvalidTypeError(name, f"expected {what}, got {type(value).__name__} {value!r}")


def _choices(value: object, allowed: Iterable[str], what: str) -> list[str]:
    """The ``choices`` of a builder: at least two words of ``allowed``, each once."""
    out = _words("choices", value, allowed, what, min_len=2)
    if len(set(out)) != len(out):
        raise InvalidValueError("choices", f"each choice must appear once, got {out}")
    return out


def _feedback(name: str, fb: object, what: str = "a netlib Feedback") -> tuple[bool, str]:
    """(right?, message) of a :class:`netlib.teaching.exercises.Feedback` (or anything with a True/False
    ``correct`` and a string ``message``)."""
    if not (isinstance(getattr(fb, "correct", None), bool) and isinstance(getattr(fb, "message", None), str)):
        raise InvalidTypeError(name, f"expected {what} (.correct True or False, .message a string), "
                               f"got {type(fb).__name__} {fb!r}")
    return fb.correct, fb.message


def _is_number(x: object) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def _numeric_key(key: Any) -> None:
    """``key`` must have the shape of a :class:`netlib.teaching.exercises.NumericKey`; raise naming ``key``."""
    for attr in ("value", "tolerance", "unit", "correct", "traps", "otherwise"):
        if not hasattr(key, attr):
            raise InvalidTypeError("key", f"expected a NumericKey (missing {attr!r}), got {type(key).__name__}")
    traps = checks.sequence("key", key.traps, what="a NumericKey whose traps are a list")
    parts = [("key", key, ("unit", "correct", "otherwise"))] + [(f"trap {i}", t, ("message",))
                                                                 for i, t in enumerate(traps, 1)]
    for where, part, texts in parts:
        for attr in ("value", "tolerance"):
            v = getattr(part, attr, None)
            if not _is_number(v) or (attr == "tolerance" and v < 0):
                raise InvalidValueError("key", f"{where}: {attr} must be a finite number"
                                        f"{' >= 0' if attr == 'tolerance' else ''}, got {v!r}")
        for attr in texts:
            if not isinstance(getattr(part, attr, None), str):
                raise InvalidTypeError("key", f"{where}: {attr} must be a string, got {getattr(part, attr, None)!r}")


def _traps(traps: object) -> tuple[Trap, ...]:
    """Short-answer traps from (wrong answer, message) pairs of strings."""
    out = []
    for item in checks.sequence("traps", traps, what="a list of (wrong answer, message) pairs"):
        if not (isinstance(item, (tuple, list)) and len(item) == 2 and all(isinstance(x, str) for x in item)):
            raise InvalidTypeError("traps", f"expected (wrong answer, message) pairs of strings, got {item!r}")
        out.append(Trap(*item))
    return tuple(out)


# --- builders -------------------------------------------------------------------------------------------------
def choice_question(title: str, prompt: str, options: Sequence[str], checker: Callable[[str], Any], *,
                    labels: Callable[[str], str] | None = None, explanation_html: str = "",
                    prompt_html: str = "") -> Question:
    """A question with options. ``checker(option) -> Feedback`` gives the verdict and message for each option (so
    the key comes from netlib's checkers); ``labels`` turns an option value into the words shown (e.g. a category
    key into its name)."""
    _strings(title=title, prompt=prompt, explanation_html=explanation_html, prompt_html=prompt_html)
    options = checks.sequence("options", options, what="a list of options", min_len=2)
    _callable("checker", checker, "a function option -> Feedback")
    if labels is not None:
        _callable("labels", labels, "a function option -> label, or None")
    opts, key_label = [], ""
    for value in options:
        try:
            fb = checker(value)
        except (InvalidValueError, InvalidTypeError) as e:
            raise type(e)("options", f"the checker rejects option {value!r}: {e}") from e
        correct, message = _feedback("checker", fb, f"checker({value!r}) to return a Feedback")
        label = labels(value) if labels else str(value)
        checks.text("labels", label, f"labels({value!r}) to return a string")
        opts.append(Option(label, correct, message))
        if correct and getattr(fb, "expected", None) == value:
            key_label = label  # the key itself (other right options are accepted alternatives)
    return Question(title, prompt, "choice", options=tuple(opts), explanation_html=explanation_html,
                    prompt_html=prompt_html, key_label=key_label)


def number_question(title: str, prompt: str, key: Any, *, explanation_html: str = "", prompt_html: str = "") -> Question:
    """A typed-number task from a numeric key (:class:`netlib.teaching.exercises.NumericKey`: ``value``,
    ``tolerance``, ``unit``, ``correct``, ``traps`` with ``value``/``tolerance``/``message``, ``otherwise``)."""
    _strings(title=title, prompt=prompt, explanation_html=explanation_html, prompt_html=prompt_html)
    _numeric_key(key)
    traps = tuple(Trap(float(t.value), t.message, float(t.tolerance)) for t in key.traps)
    return Question(title, prompt, "number", answer=float(key.value), tolerance=float(key.tolerance), unit=key.unit,
                    traps=traps, otherwise=key.otherwise, correct_message=key.correct,
                    explanation_html=explanation_html, prompt_html=prompt_html)


def short_answer(title: str, prompt: str, accepted: Iterable[str], correct: str, otherwise: str,
                 traps: Iterable[tuple[str, str]] = (), *, explanation_html: str = "", prompt_html: str = "") -> Question:
    """A typed short answer (e.g. a T category). ``traps``: (wrong answer, the misconception it shows)."""
    _strings(title=title, prompt=prompt, correct=correct, otherwise=otherwise, explanation_html=explanation_html,
             prompt_html=prompt_html)
    accepted = _texts("accepted", accepted, "a list of accepted answers (strings)", min_len=1)
    return Question(title, prompt, "short", accepted=tuple(accepted), correct_message=correct, otherwise=otherwise,
                    traps=_traps(traps), explanation_html=explanation_html, prompt_html=prompt_html)


def free_text(title: str, prompt: str, model_answer: str, checklist: Iterable[str] = (), *,
              explanation_html: str = "", prompt_html: str = "") -> Question:
    """A written task (a report line, a prediction in words): any real attempt reveals the model answer and a
    checklist to mark it against."""
    _strings(title=title, prompt=prompt, model_answer=model_answer, explanation_html=explanation_html,
             prompt_html=prompt_html)
    checklist = _texts("checklist", checklist, "a list of points to check (strings)")
    return Question(title, prompt, "text", model_answer=model_answer, checklist=tuple(checklist),
                    explanation_html=explanation_html, prompt_html=prompt_html)


def from_feedback(fb) -> tuple[bool, str]:
    """(right?, message) from a :class:`netlib.teaching.exercises.Feedback`."""
    return _feedback("fb", fb)


# --- the script (one small, self-contained function; the same for every question) ----------------------------
_JS = r"""
(function (scope) {
  if (window.netlibQuestions) { window.netlibQuestions(scope); return; }
  var NUM = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;
  function decode(s) {
    var b = atob(s), u = new Uint8Array(b.length);
    for (var i = 0; i < b.length; i++) u[i] = b.charCodeAt(i);
    return JSON.parse(new TextDecoder().decode(u));
  }
  function norm(t) { return t.replace(/\s+/g, '').toLowerCase(); }
  function text(el, cls, s) { var p = document.createElement('p'); p.className = cls; p.style.margin = '2px 0';
    p.textContent = s; el.appendChild(p); return p; }
  function verdict(d, root) {
    var input = root.querySelector('.nq-input');
    if (d.kind === 'choice') {
      var sel = root.querySelector('select.nq-select');
      var c = sel ? (sel.value === '' ? null : sel) : root.querySelector('input[type=radio]:checked');
      if (!c) return [null, 'Choose an option first.', false];
      var o = d.options[+c.value]; return [o[0], d.messages[o[1]], true];
    }
    var t = input.value.trim();
    if (d.kind === 'text') {
      if (t.split(/\s+/).filter(Boolean).length < 3) return [null, 'Write your answer in a few words first; then the model answer appears.', false];
      return [null, d.model, true];
    }
    if (d.kind === 'short') {
      var n = norm(t); if (!n) return [null, 'Type your answer first.', false];
      if (d.accepted.indexOf(n) >= 0) return [true, d.correct, true];
      for (var i = 0; i < d.traps.length; i++) if (d.traps[i][0] === n) return [false, d.traps[i][2], true];
      return [false, d.otherwise, true];
    }
    if (!NUM.test(t)) return [null, 'Type a number (digits, with a decimal point or comma), e.g. 2.5.', false];
    var v = parseFloat(t.replace(',', '.'));
    if (Math.abs(v - d.answer) <= d.tolerance + 1e-9) return [true, d.correct, true];
    for (var j = 0; j < d.traps.length; j++)
      if (Math.abs(v - d.traps[j][0]) <= d.traps[j][1] + 1e-9) return [false, d.traps[j][2], true];
    return [false, d.otherwise, true];
  }
  function reveal(root, d) {
    var ex = root.querySelector('.nq-explanation');
    if (!ex.hidden) return;
    ex.innerHTML = '';
    if (d.key) text(ex, 'nq-key', 'Answer: ' + d.key).style.fontWeight = 'bold';
    var div = document.createElement('div'); div.innerHTML = d.explanation; ex.appendChild(div);
    ex.hidden = false; root.querySelector('.nq-reveal').hidden = true;
  }
  function score(root) {
    var set = root.closest('.netlib-question-set'); if (!set) return;
    var qs = set.querySelectorAll('.netlib-question'), done = 0, right = 0;
    qs.forEach(function (q) { if (q.dataset.first) { done++; if (q.dataset.first === 'right') right++; } });
    set.querySelector('.nq-score').innerHTML = '<b>First attempts:</b> ' + right + ' right of ' + done +
      ' answered (' + qs.length + ' questions)';
  }
  function setup(root) {
    if (root.dataset.ready) return; root.dataset.ready = '1';
    var d = decode(root.dataset.netlib);
    var inert = root.querySelector('.nq-inert'); if (inert) inert.hidden = true;
    var fb = root.querySelector('.nq-feedback');
    root.querySelector('.nq-check').addEventListener('click', function () {
      var r = verdict(d, root); fb.innerHTML = '';
      if (!r[2]) { text(fb, 'nq-hint', r[1]); return; }
      if (!root.dataset.first) { root.dataset.first = r[0] === false ? 'wrong' : 'right'; score(root); }
      if (d.kind === 'text') {
        text(fb, 'nq-model-title', 'A model answer:').style.fontWeight = 'bold';
        text(fb, 'nq-model', r[1]);
        if (d.checklist.length) { text(fb, 'nq-check-title', 'Did yours say:').style.fontWeight = 'bold';
          var ul = document.createElement('ul'); d.checklist.forEach(function (c) {
            var li = document.createElement('li'); li.textContent = c; ul.appendChild(li); }); fb.appendChild(ul); }
        if (d.explanation) reveal(root, d);
        return;
      }
      if (r[0]) {
        var p = text(fb, 'nq-right', 'Right. ' + r[1]); p.style.color = '#1b5e20'; p.style.fontWeight = 'bold';
        reveal(root, d);
      } else {
        var w = text(fb, 'nq-wrong', 'Not yet: ' + r[1]); w.style.color = '#8a3b00';
        text(fb, 'nq-again', 'Try again, or show the answer.');
        if (root.querySelector('.nq-explanation').hidden) root.querySelector('.nq-reveal').hidden = false;
      }
    });
    root.querySelector('.nq-reveal').addEventListener('click', function () { reveal(root, d); });
  }
  window.netlibQuestions = function (where) {
    (where || document).querySelectorAll('.netlib-question').forEach(setup);
    if (where && where !== document) document.querySelectorAll('.netlib-question').forEach(setup);
  };
  window.netlibQuestions(scope);
})(document.currentScript ? document.currentScript.parentNode : null);
"""


def _script() -> str:
    return "<script>" + _JS + "</script>"


# --- builders for the notebooks: keys and feedback from netlib's own checkers ------------------------------------
def _card(result) -> str:
    return result._repr_html_() if hasattr(result, "_repr_html_") else ""


def grade_question(title: str, findings, prompt: str, choices: Sequence[str] | None = None) -> Question:
    """Choose the grade of ``findings`` (key: :func:`netlib.grade`; feedback: :func:`~netlib.teaching.exercises.
    check_grade`); the explanation is the grade card. ``choices`` default to every label."""
    from netlib.grading import LABELS, grade
    from netlib.teaching.exercises import check_grade

    _findings("findings", findings)
    choices = LABELS if choices is None else _choices(choices, LABELS, "a list of grade labels")
    return choice_question(title, prompt, tuple(choices), lambda a: check_grade(findings, a),
                           explanation_html=_card(grade(findings)))


def stage_question(title: str, findings, prompt: str, part: str = "group",
                   choices: Sequence[str | None] | None = None) -> Question:
    """Choose one part of the stage (``part``: ``t``, ``n`` or ``group``) of ``findings``; the other parts are taken
    as right, so the feedback is about the part asked (from :func:`~netlib.teaching.exercises.check_stage`)."""
    from netlib.staging import CATEGORIES, stage
    from netlib.teaching.exercises import STAGE_GROUPS, check_stage

    _findings("findings", findings)
    checks.choice("part", part, ("t", "n", "group"))
    known = {"t": CATEGORIES["t"], "n": CATEGORIES["n"], "group": STAGE_GROUPS}[part]
    if choices is None:
        choices = known
    else:
        for c in checks.sequence("choices", choices, what=f"a list of {part} answers", min_len=2):
            checks.choice("choices", c, (*dict.fromkeys(known), None, _NO_GROUP, _NOT_NET))
    key = stage(findings)
    # a NEC, MiNEN, SCLC or LCNEC: another system applies, not the NET tables (an unknown primary is not one of them:
    # the table needs the site, so it has no stage group)
    not_net = bool({"not_net_staging", "lung_cancer_tnm"} & set(key.flags))

    def checker(answer):
        from netlib.teaching.exercises import Feedback

        parts = {"t": key.t, "n": key.n, "m": key.m, "group": key.group}
        parts[part] = None if answer in (_NO_GROUP, _NOT_NET) else answer
        fb = check_stage(findings, parts["t"], parts["n"], parts["m"], parts["group"])
        if answer == _NO_GROUP and not_net:
            return Feedback(answer, fb.expected, False, "nothing is missing here: the NET staging tables do not "
                            "apply to this tumour at all (look at its differentiation).", fb.explanation)
        if answer == _NOT_NET and not not_net and "site_required" in key.flags:
            return Feedback(answer, fb.expected, False, "no other system takes over here: the NET tables would apply, "
                            "but every table belongs to a primary site, and the site is not known.", fb.explanation)
        if answer == _NOT_NET and not not_net:
            return Feedback(answer, fb.expected, False, "this tumour is staged with the NET tables; look at whether "
                            "T, N and M are all known.", fb.explanation)
        return fb

    values = [c for c in dict.fromkeys(choices)]
    if None in values:  # "no group" comes in two kinds, both offered, so the choice itself is the question
        values = [v for v in values if v is not None] + [_NO_GROUP, _NOT_NET]
    values = list(dict.fromkeys(values))
    return choice_question(title, prompt, values, checker,
                           labels=lambda v: v if v in (_NO_GROUP, _NOT_NET) or part != "group" else f"stage {v}",
                           explanation_html=_card(key))


_NO_GROUP = "no stage group: a finding the table needs is missing"
_NOT_NET = "not staged with the NET tables (another system applies)"


def t_category_task(title: str, findings, prompt: str) -> Question:
    """Type the T category of ``findings`` (e.g. ``T2``); every other T category of the table is a trap whose
    message is the checker's explanation."""
    from netlib.staging import CATEGORIES, stage
    from netlib.teaching.exercises import check_stage

    key = stage(_findings("findings", findings))
    if key.t is None:
        raise InvalidValueError("findings", "these findings have no T category to ask for")
    traps = []
    for t in dict.fromkeys(CATEGORIES["t"]):
        if t != key.t:
            message = check_stage(findings, t, key.n, key.m, key.group).message
            traps += [(t, message), ("p" + t, message)]  # pT3 is T3 proven on the specimen
    right = check_stage(findings, key.t, key.n, key.m, key.group).message
    return short_answer(title, prompt, [key.t, "p" + key.t], right, f"Type a T category such as T1, T2, T3 or T4 ({key.system}).",
                        traps, explanation_html=_card(key))


def treatment_question(title: str, findings, prompt: str, choices: Sequence[str]) -> Question:
    """Choose the management category (shown in words) for ``findings``; key and feedback from
    :func:`~netlib.teaching.exercises.check_treatment`; the explanation is the treatment card."""
    from netlib.teaching.exercises import check_treatment
    from netlib.treatment import CATEGORIES, recommend

    _findings("findings", findings)
    choices = _choices(choices, CATEGORIES, "a list of management categories")
    return choice_question(title, prompt, tuple(choices), lambda a: check_treatment(findings, a, True),
                           labels=category_words, explanation_html=_card(recommend(findings)))


def category_words(key: str) -> str:
    """A management category key (one of :data:`netlib.treatment.CATEGORIES`) in words."""
    from netlib.treatment import CATEGORIES, CATEGORY_LABELS

    return CATEGORY_LABELS[checks.choice("key", key, CATEGORIES)]


def syndrome_question(title: str, features: Sequence[str], prompt: str, choices: Sequence[str]) -> Question:
    """Choose the syndrome (shown by name) that best explains ``features``; key: the best catalogue match."""
    from netlib.data import syndromes
    from netlib.teaching.exercises import check_syndrome

    features = _words("features", features, syndromes.FEATURES, "a list of presenting features", min_len=1)
    choices = _choices(choices, syndromes.SYNDROMES, "a list of syndrome keys")
    ranked = syndromes.match(features)
    if not ranked:
        raise InvalidValueError("features", f"no syndrome in the catalogue explains {syndromes.in_words(features)}")
    best = ranked[0][0]
    return choice_question(title, prompt, tuple(choices), lambda a: check_syndrome(features, a),
                           labels=lambda k: syndromes.get(k).name,
                           explanation_html=f"<p><b>{escape(best.name)}.</b> {escape(best.hallmarks)} Key test: "
                                            f"{escape(best.key_test)}</p>")


def number_task(title: str, prompt: str, key: Any, explanation: str = "") -> Question:
    """A typed-number task from a :class:`~netlib.teaching.exercises.NumericKey` (the checkers' ``*_key``
    functions); ``explanation`` (plain text) is shown after the answer."""
    checks.text("explanation", explanation)
    return number_question(title, prompt, key, explanation_html=f"<p>{escape(explanation)}</p>" if explanation else "")


def report_line(findings) -> str:
    """The one-line tumour-board summary of ``findings`` from :func:`netlib.assess`: grade, TNM and group, and the
    first management step in words."""
    from netlib.assessment import assess

    a = assess(_findings("findings", findings))
    group = f"stage {a.stage.group}" if a.stage.group else "no stage group (a finding the table needs is missing)"
    tnm = f"{a.stage.tnm}, {group}" if a.stage.t is not None else group
    return (f"{a.grade.title}; {tnm}; management: {category_words(a.recommendation.category)}.")


def report_line_task(title: str, findings, prompt: str) -> Question:
    """Write the tumour-board line for ``findings``; the model answer is :func:`report_line`, the explanation the
    assessment card."""
    from netlib.assessment import assess

    return free_text(title, prompt, report_line(findings),
                     ("the grade (and which parameter decided it)", "T, N and M, and the stage group",
                      "the management the rules recommend"), explanation_html=_card(assess(findings)))


# --- the case workshop ------------------------------------------------------------------------------------------


def _group_choices(findings) -> tuple[str, ...]:
    """The stage groups of the table that applies to this site, in order, and 'no stage group'."""
    from netlib.data.staging_tables import COLORECTAL_GROUPS, GEP_GROUPS, LUNG_GROUPS, THYMUS_GROUPS

    table = {"colon": COLORECTAL_GROUPS, "rectum": COLORECTAL_GROUPS, "lung": LUNG_GROUPS,
             "thymus": THYMUS_GROUPS}.get(findings.site, GEP_GROUPS)
    return (*dict.fromkeys(r.group for r in table.rows), _NO_GROUP, _NOT_NET)


#: The cards' folded full reference list: the workshop's 96 cards keep their short linked citations and leave the
#: full list to the notebooks that teach each rule, so the workshop page stays within the site's page budget.
_FULL_REFERENCES = re.compile(r"<details><summary>Full references</summary>.*?</details>", re.S)


def workshop(name: str) -> QuestionSet:
    """Workshop set ``name`` (A, B or C): eight vignettes, each with three questions (grade, stage group,
    management) that start blank; the first check of each counts towards the running score, then the explanation
    (the grade, stage or treatment card) is shown. Keys: :func:`netlib.assess` via the exercise checkers."""
    from netlib.data.cases import workshop_set
    from netlib.grading import LABELS
    from netlib.treatment import CATEGORIES

    questions, blocks = [], []
    for i, case in enumerate(workshop_set(name), 1):
        head = (f'<div class="nq-case" style="margin-top:14px"><h4 style="margin:4px 0">Case {name}{i}. '
                f'{escape(case.title)}</h4><p>{escape(case.vignette)}</p></div>')
        parts = (grade_question(f"Case {name}{i} · grade", case.findings, "What is the grade (WHO)?", LABELS),
                 stage_question(f"Case {name}{i} · stage group", case.findings,
                                "What is the stage group (AJCC 8; lung and thymus: their own TNM)?", "group",
                                _group_choices(case.findings)),
                 treatment_question(f"Case {name}{i} · management", case.findings,
                                    "What management do the rules recommend? (If the tumour has already been removed: the "
                                    "operation that suffices, or the further treatment it needs.)", CATEGORIES))
        questions += [replace(q, explanation_html=_FULL_REFERENCES.sub("", q.explanation_html)) for q in parts]
        blocks += [head, "", ""]
    return QuestionSet(f"Workshop set {name}: eight cases", tuple(questions),
                       intro="Answer each question before you check it: only your first check counts towards "
                             "the score. Then read the card under the question.", items_html=tuple(blocks))


def answer_key() -> str:
    """The workshop's answer key for instructors, as Markdown: each set, each case, the right option of each
    question (read from the same questions the trainees answer). Printed by ``scripts/answer_key.py``."""
    from netlib.data.cases import WORKSHOP_SETS, workshop_set

    lines = ["# Case workshop: answer key", "",
             "Generated by `python scripts/answer_key.py` from netlib (the keys are computed, never typed). "
             "For instructors: keep it away from the trainees' notebooks.", ""]
    for name in WORKSHOP_SETS:
        qs = workshop(name).questions
        lines += [f"## Set {name}", "", "| Case | Title | Grade | Stage group | Management |", "|---|---|---|---|---|"]
        for case, i in zip(workshop_set(name), range(0, len(qs), 3)):
            keys = [q._key_text() for q in qs[i:i + 3]]
            lines.append(f"| {qs[i].title.split(' · ')[0]} | {case.title} | " + " | ".join(keys) + " |")
        lines.append("")
    return "\n".join(lines)


# --- more builders for the notebooks -------------------------------------------------------------------------------
# Typed tasks and self-checks whose keys and feedback come from netlib's checkers, written tasks whose model answers
# are the sentences of :mod:`netlib.teaching.tables`, and numeric keys read from the data.

def typed_grade_task(title: str, findings: Findings, prompt: str) -> Question:
    """Type the grade of ``findings`` (``NET G1``, or just ``G1``). The key is :func:`netlib.grade`'s; each wrong
    grade (NET G1-G3, NEC) is met with :func:`~netlib.teaching.exercises.check_grade`'s message; the explanation is
    the grade card."""
    from netlib.grading import grade
    from netlib.teaching.exercises import check_grade

    key = grade(_findings("findings", findings))

    def spellings(label: str) -> list[str]:
        return [label] + ([label.removeprefix("NET ")] if label.startswith("NET ") else [])

    traps = [(s, check_grade(findings, label).message)
             for label in ("NET G1", "NET G2", "NET G3", "NEC") if label != key.label for s in spellings(label)]
    return short_answer(title, prompt, spellings(key.label), check_grade(findings, key.label).message,
                        "Type a grade as a report gives it: NET G1, NET G2, NET G3 or NEC.", traps,
                        explanation_html=_card(key))


def n_category_task(title: str, findings: Findings, prompt: str) -> Question:
    """Type the N category of ``findings`` (e.g. ``N1``). The key is :func:`netlib.stage`'s; each other N category
    of the digestive and thoracic tables is met with :func:`~netlib.teaching.exercises.check_stage`'s message (T, M
    and the group taken as right); the explanation is the stage card."""
    from netlib.staging import stage
    from netlib.teaching.exercises import check_stage

    key = stage(_findings("findings", findings))
    if key.n is None:
        raise InvalidValueError("findings", "these findings have no N category to ask for")
    traps = [(prefix + n, check_stage(findings, key.t, n, key.m, key.group).message)
             for n in ("NX", "N0", "N1", "N2", "N3") if n != key.n for prefix in ("", "p")]
    accepted = [key.n, "p" + key.n] if key.n.startswith("N") else [key.n]  # pN1 is N1 proven on the specimen
    return short_answer(title, prompt, accepted, check_stage(findings, key.t, key.n, key.m, key.group).message,
                        "Type an N category such as N0, N1 or N2.", traps, explanation_html=_card(key))


def marker_panel_question(title: str, stains: Mapping[str, str], prompt: str) -> Question:
    """Read a marker panel (neuroendocrine differentiation and lineage): the options are readings in words; key
    and feedback from :func:`~netlib.teaching.exercises.check_marker_panel`; the explanation is the panel's card
    from :func:`netlib.markers.interpret`."""
    from netlib.markers import interpret
    from netlib.teaching.exercises import check_marker_panel

    key = interpret(**_stains("stains", stains))
    readings = [("yes", "epithelial"), ("yes", "non-epithelial"), ("no", "epithelial"), ("no", "non-epithelial"),
                ("uncertain", "uncertain")]
    if (key.ne_differentiation, key.lineage) not in readings:
        readings.append((key.ne_differentiation, key.lineage))
    return choice_question(title, prompt, readings, lambda r: check_marker_panel(dict(stains), *r),
                           labels=lambda r: f"NE differentiation: {r[0]}; lineage: {r[1]}",
                           explanation_html=_card(key))


def management_task(title: str, findings: Findings, prompt: str, checklist: Sequence[str] = ()) -> Question:
    """Write the management of ``findings`` in one sentence. Any attempt reveals the model answer
    (:func:`netlib.teaching.tables.management_line`), the ``checklist`` and then the treatment card."""
    from netlib.teaching.tables import management_line
    from netlib.treatment import recommend

    _findings("findings", findings)
    return free_text(title, prompt, management_line(findings), checklist, explanation_html=_card(recommend(findings)))


def change_task(title: str, before: Findings, after: Findings, prompt: str, checklist: Sequence[str] = ()) -> Question:
    """Predict in words what one change of findings does to the management. Any attempt reveals the model answer
    (:func:`netlib.teaching.tables.change_line`) and the ``checklist``; the trainee then makes the change in the
    code cell below and reruns it."""
    from netlib.teaching.tables import change_line

    return free_text(title, prompt, change_line(before, after), checklist)


def syndrome_change_task(title: str, before: Sequence[str], after: Sequence[str], prompt: str,
                         checklist: Sequence[str] = ()) -> Question:
    """Predict which syndrome fits once the presenting features change. Any attempt reveals the model answer
    (:func:`netlib.teaching.tables.syndrome_change_line`) and the ``checklist``."""
    from netlib.teaching.tables import syndrome_change_line

    return free_text(title, prompt, syndrome_change_line(before, after), checklist)


def commonest_site_choices() -> tuple[str, ...]:
    """The options of "which site is commonest": the six primary sites of
    :data:`netlib.data.epidemiology.SITE_DISTRIBUTION`, alphabetically (so the order does not give the ranking
    away)."""
    from netlib.data.epidemiology import SITE_DISTRIBUTION

    return tuple(sorted(s.site for s in SITE_DISTRIBUTION))


def incidence_reading_key(year: int = 2000, tolerance: float = 0.5) -> NumericKey:
    """The key for reading the incidence of all NETs in ``year`` off the incidence chart (per 100,000 per year),
    right within ``tolerance``. Readings that show a misconception are named: the pancreatic line, the band the
    source summary quotes, another year's point. From :data:`netlib.data.epidemiology.INCIDENCE`."""
    from netlib.data.epidemiology import INCIDENCE, SEED_TEXT_INCIDENCE
    from netlib.teaching.exercises import NumericKey
    from netlib.teaching.exercises import Trap as KeyTrap

    points = {(s.label, y): v for s in INCIDENCE for y, v in s.points}
    years = list(dict.fromkeys(y for (label, y) in points if label.startswith("all NETs")))
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidTypeError("year", f"expected a year (whole number) of {', '.join(map(str, years))}, "
                               f"got {type(year).__name__} {year!r}")
    if year not in years:
        raise InvalidValueError("year", f"no published all-NET point for {year!r}; years: "
                                + ", ".join(map(str, years)))
    checks.number("tolerance", tolerance, 0, 100, unit="per 100,000 per year")
    found = [(label, v) for (label, y), v in points.items() if y == year and label.startswith("all NETs")]
    label, value = found[0]
    lo, hi = SEED_TEXT_INCIDENCE
    traps = []
    pnet = {y: v for (lab, y), v in points.items() if lab.startswith("pancreatic")}
    pnet_source = next((lab.split(", ", 1)[-1] for (lab, _y) in points if lab.startswith("pancreatic")), "")
    if year in pnet:
        traps.append(KeyTrap(value=pnet[year], tolerance=0.15,
                             message=f"that is the pancreatic NET line ({pnet[year]:g} per 100,000 in {year}); the "
                                     "question asks for all NETs."))
    traps.append(KeyTrap(value=(lo + hi) / 2, tolerance=(hi - lo) / 2,
                         message=f"that is inside the {lo:g}-{hi:g} band quoted in the source summary, not a SEER "
                                 "value for NETs as a whole."))
    for (lab, y), v in sorted(points.items(), key=lambda kv: kv[0][1]):
        if lab.startswith("all NETs") and y != year:
            traps.append(KeyTrap(value=v, tolerance=0.3,
                                 message=f"that is the {y} point; the question asks for {year}."))
    source = label.split(", ", 1)[-1]
    also = f"; pancreatic NETs were {pnet[year]:g} that year ({pnet_source})" if year in pnet else ""
    return NumericKey(value=value, tolerance=tolerance, unit="per 100,000 per year",
                      correct=f"{source} gives {value:g} per 100,000 for {year}{also}.", traps=tuple(traps),
                      otherwise=f"find the {year} point of an all-NET line and read its height on the left axis.")


def secretin_criterion_key() -> NumericKey:
    """Key of the task "the gastrin rise (pg/mL) that makes a secretin test positive, by the NIH criterion the
    catalogue quotes", read from the secretin criteria of :mod:`netlib.data.biomarkers` (which the gastrinoma entry
    of the syndrome catalogue quotes); each other criterion is a trap that says where it stands. Exact
    (tolerance 0)."""
    from netlib.data import biomarkers as bio
    from netlib.teaching.exercises import NumericKey
    from netlib.teaching.exercises import Trap as KeyTrap

    nih, classic = bio.ZES_SECRETIN_NIH, bio.ZES_SECRETIN_CLASSIC
    traps = [KeyTrap(float(classic.rise_pg_ml), 0.0,
                     f"{classic.rise_pg_ml:g} pg/mL is the classic criterion: specific, but only "
                     f"{classic.sensitivity_percent} % sensitive in the NIH series, so it misses gastrinomas. "
                     "The catalogue quotes the NIH criterion, a lower cut-off.")]
    traps += [KeyTrap(float(c.rise_pg_ml), 0.0, f"A rise above {c.rise_pg_ml:g} pg/mL is a criterion used in other "
                                               "references; this task asks for the NIH criterion that the catalogue "
                                               "quotes.")
              for c in bio.ZES_SECRETIN_CRITERIA if c not in (nih, classic)]
    return NumericKey(float(nih.rise_pg_ml), 0.0, "pg/mL",
                      f"The NIH criterion: a gastrin rise of at least {nih.rise_pg_ml:g} pg/mL after secretin "
                      f"({nih.sensitivity_percent} % sensitive, {nih.specificity_percent} % specific in the NIH "
                      "series). Always name the criterion you use.",
                      tuple(traps),
                      "Read the gastrinoma row of the catalogue table: its key test names the secretin criterion.")
