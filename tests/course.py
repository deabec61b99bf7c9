"""Helpers shared by the course tests (``test_course_NN.py``): reading a notebook's cells and stored outputs, running
its cells, and building its questions from its own cells.

A notebook is named by its file name under ``notebooks/`` (``"02_who_classification_and_grading.ipynb"``). Every
reader opens the file afresh, so a test sees the notebook as it is stored.
"""
from __future__ import annotations

import ast
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from netlib.teaching.questions import Question

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
#: A snake_case word (``who2010_gap``, ``jejunum_ileum``): a machine key where a trainee should read words.
SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


def read_cells(notebook: str) -> list[dict]:
    """The cells of ``notebooks/<notebook>``, as stored (a fresh copy on every call)."""
    return json.loads((NOTEBOOKS / notebook).read_text(encoding="utf-8"))["cells"]


def source(cell: dict) -> str:
    """A cell's source as one string."""
    return "".join(cell["source"])


def cell_tags(cell: dict) -> list[str]:
    """A cell's tags (``[]`` if it has none)."""
    return cell.get("metadata", {}).get("tags", [])


def run(code: str, namespace: dict) -> Any:
    """Execute a cell's source in ``namespace``; return the value of its last expression (what Jupyter would
    display), or None if the cell does not end with an expression."""
    tree = ast.parse(code)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, "<cell>", "exec"), namespace)
    return eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace) if last else None


def read_questions(notebook: str) -> dict[str, Question]:
    """Title -> Question, built by the notebook's own cells: its first code cell that imports, then every code cell
    tagged ``self-check`` or ``task`` whose last expression is a Question."""
    cells = read_cells(notebook)
    ns: dict = {}
    run(next(source(c) for c in cells if c["cell_type"] == "code" and "import" in source(c)), ns)
    out = {}
    for c in cells:
        if c["cell_type"] == "code" and {"self-check", "task"} & set(cell_tags(c)):
            q = run(source(c), ns)
            if isinstance(q, Question):
                out[q.title] = q
    return out


def right(question: Question) -> str:
    """The label of the question's right option."""
    return next(o.label for o in question.options if o.correct)


def says(question: Question, answer: str, verdict: bool | None, *words: str) -> str:
    """Check ``answer``; assert that the verdict is ``verdict`` and that the feedback contains every one of
    ``words``; return the feedback for further checks."""
    ok, message = question.check(answer)
    assert ok is verdict and all(w in message for w in words), (answer, ok, message)
    return message


def assert_tags(notebook: str) -> None:
    """Assert that every code cell that asks a self-check is tagged ``self-check``, and every one that asks a task
    ``task``, besides at most the site's display tags (``hide-input``, ``hide-output``)."""
    display = {"hide-input", "hide-output"}
    for c in read_cells(notebook):
        src, tags = source(c), cell_tags(c)
        if c["cell_type"] == "code" and '"Self-check' in src:
            assert [t for t in tags if t not in display] == ["self-check"], src
        if c["cell_type"] == "code" and '"Task' in src:
            assert [t for t in tags if t not in display] == ["task"], src


def tagged(cells: list[dict], tag: str) -> list[dict]:
    """The cells tagged ``tag``."""
    return [c for c in cells if tag in cell_tags(c)]


def cell_index(notebook: str, pred: Callable[[dict], bool]) -> int:
    """The position of the notebook's first cell for which ``pred`` holds."""
    return next(i for i, c in enumerate(read_cells(notebook)) if pred(c))


def asks(title: str) -> Callable[[dict], bool]:
    """A predicate: the cell is a code cell that asks the question ``title`` (its source quotes the title)."""
    return lambda c: c["cell_type"] == "code" and f'"{title}"' in source(c)


# --- stored outputs ---------------------------------------------------------------------------------------------------
def visible_html(html: str, gap: str = "") -> str:
    """What a reader sees of an HTML output: scripts and encoded ``data-netlib`` payloads replaced by ``gap``, tags
    by a space."""
    html = re.sub(r"<script\b.*?</script>", gap, html, flags=re.S)
    html = re.sub(r'data-netlib="[^"]*"', gap, html)
    return re.sub(r"<[^>]+>", " ", html)


def plain(cell: dict) -> str:
    """The ``text/plain`` form of a cell's stored outputs (for a question: the question without its answer)."""
    return "".join("".join(o.get("data", {}).get("text/plain", "")) for o in cell.get("outputs", []))


def shows_question(notebook: str, question: Question, tag: str) -> bool:
    """The notebook has a cell tagged ``tag`` whose stored plain text is this question (same title, prompt,
    options)."""
    return any(plain(c).strip() == str(question) for c in tagged(read_cells(notebook), tag))


def reader_text(cell: dict) -> str:
    """What a reader sees of a cell's stored outputs: streams, Markdown, and HTML without its scripts and encoded
    data."""
    parts = []
    for out in cell.get("outputs", []):
        if out["output_type"] == "stream":
            parts.append("".join(out["text"]))
        for mime, value in out.get("data", {}).items():
            text = "".join(value) if isinstance(value, list) else str(value)
            if mime == "text/html":
                parts.append(visible_html(text))
            elif mime == "text/markdown":
                parts.append(text)
    return "\n".join(parts)


def output_texts(output: dict, gap: str = "") -> list[str]:
    """One stored output as a reader sees it: its stream text, its Markdown and its visible HTML (``""`` for what
    it does not have)."""
    data = output.get("data", {})
    return ["".join(output.get("text", "")), "".join(data.get("text/markdown", "")),
            visible_html("".join(data.get("text/html", "")), gap)]


def output_text(cell: dict) -> str:
    """All the text of a cell's stored outputs as stored (stream text, Markdown, plain text, raw HTML)."""
    parts = []
    for out in cell.get("outputs", []):
        parts.append("".join(out.get("text", "")))
        for mime in ("text/markdown", "text/plain", "text/html"):
            parts.append("".join(out.get("data", {}).get(mime, "")))
    return "\n".join(parts)


def assert_three_self_checks_and_tasks(notebook: str, qs: dict[str, Question], task_kinds: list[str]) -> None:
    """Three choice self-checks and three tasks of the given kinds, each shown as a question in a cell tagged by its
    kind, and every cell tagged as the course expects."""
    assert sorted(qs) == ["Self-check 1", "Self-check 2", "Self-check 3", "Task 1", "Task 2", "Task 3"]
    assert {qs[f"Self-check {i}"].kind for i in (1, 2, 3)} == {"choice"}
    assert [qs[f"Task {i}"].kind for i in (1, 2, 3)] == task_kinds
    for title, q in qs.items():
        assert shows_question(notebook, q, "self-check" if title.startswith("Self") else "task"), title
    assert_tags(notebook)
