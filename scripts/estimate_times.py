#!/usr/bin/env python3
"""Estimate how long a trainee needs for each notebook, from what the notebook contains.

    python3 scripts/estimate_times.py                      # every notebooks/NN_*.ipynb, a Markdown table
    python3 scripts/estimate_times.py notebooks/03_*.ipynb # selected notebooks
    python3 scripts/estimate_times.py --update-guide       # also rewrite the table in instructors/guide.md

This is a model, not a measurement with real trainees. Every figure in it is stated here:

* prose: the words of the Markdown cells, read at 150 words per minute;
* stored output a reader reads (printed text, Markdown tables, result cards; not scripts, hidden answers or
  images): its words at 200 words per minute (skimming a card or a table is quicker than reading prose);
* code: every non-blank line of a visible code cell, read at 6 seconds per line
  (cells hidden with ``jupyter.source_hidden`` or tagged ``hide-input``/``remove-input``/``remove-cell`` are skipped);
* figures: 45 seconds for each stored image output (PNG, JPEG or SVG);
* self-checks: 90 seconds each; production tasks (the trainee types a number or a sentence): 180 seconds each;
* interactive widgets: 120 seconds for each stored widget view (``application/vnd.jupyter.widget-view+json``).

Self-checks and tasks are found in two ways, and a cell is counted once:

1. in the stored HTML outputs, every element whose ``class`` list contains ``netlib-question``
   (:mod:`netlib.teaching.questions`); it is a task when the trainee types the answer (``data-kind`` ``number``,
   ``short`` or ``text``, or ``task``, or the class list also holds ``netlib-task``), else a self-check (choosing);
2. a cell tagged ``self-check`` or ``task`` (cell metadata ``tags``) with no such element counts as one of that kind;
   when a tagged cell has such elements, the tag decides their kind.

A notebook where neither is found gets 0 self-checks and 0 tasks and a warning on stderr: the estimate then leaves
them out. The total is rounded up to the next 5 minutes.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "instructors" / "guide.md"
BEGIN, END = "<!-- estimate_times:begin -->", "<!-- estimate_times:end -->"

WORDS_PER_MINUTE = 150
OUTPUT_WORDS_PER_MINUTE = 200
SECONDS_PER_CODE_LINE = 6
SECONDS_PER_FIGURE = 45
SECONDS_PER_SELF_CHECK = 90
SECONDS_PER_TASK = 180
SECONDS_PER_WIDGET = 120
ROUND_TO_MINUTES = 5

IMAGE_TYPES = ("image/png", "image/jpeg", "image/svg+xml")
WIDGET_TYPE = "application/vnd.jupyter.widget-view+json"
HIDDEN_TAGS = {"hide-input", "remove-input", "remove-cell"}
#: data-kind values of netlib.teaching.questions forms where the trainee types (production); "choice" is a self-check
TASK_KINDS = {"number", "short", "text", "task"}
_ELEMENT = re.compile(r"<[a-zA-Z][^>]*\bclass\s*=\s*(\"[^\"]*\"|'[^']*')[^>]*>")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


@dataclass(frozen=True)
class Estimate:
    notebook: str
    words: int
    code_lines: int
    figures: int
    self_checks: int
    tasks: int
    widgets: int
    found_questions: bool
    output_words: int = 0

    @property
    def seconds(self) -> float:
        return (self.words / WORDS_PER_MINUTE * 60 + self.output_words / OUTPUT_WORDS_PER_MINUTE * 60
                + self.code_lines * SECONDS_PER_CODE_LINE
                + self.figures * SECONDS_PER_FIGURE + self.self_checks * SECONDS_PER_SELF_CHECK
                + self.tasks * SECONDS_PER_TASK + self.widgets * SECONDS_PER_WIDGET)

    @property
    def minutes(self) -> int:
        """Total time rounded up to the next ROUND_TO_MINUTES (a notebook with any content takes at least that)."""
        return ROUND_TO_MINUTES * math.ceil(self.seconds / 60 / ROUND_TO_MINUTES)


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else (value or "")


def markdown_words(source: str) -> int:
    """Words a reader reads: HTML tags, link targets and Markdown punctuation do not count."""
    source = re.sub(r"<[^>]+>", " ", source)
    source = re.sub(r"\]\([^)]*\)", "]", source)
    return len(_WORD.findall(source))


def _visible(cell: dict) -> bool:
    meta = cell.get("metadata", {})
    return not (meta.get("jupyter", {}).get("source_hidden") or HIDDEN_TAGS & set(meta.get("tags", [])))


def output_words(cell: dict) -> int:
    """Words of the cell's stored outputs that a reader sees: stream text, Markdown, and HTML without its scripts,
    encoded question data, hidden blocks (answers and explanations appear only after an attempt), a question's
    "run this cell" line, drop-down options and folded disclosures (a card's full references); widget
    views and images are counted elsewhere."""
    n = 0
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        if out.get("output_type") == "stream":
            n += len(_WORD.findall(_text(out.get("text"))))
        elif WIDGET_TYPE in data or any(t in data for t in IMAGE_TYPES):
            continue
        elif "text/html" in data:
            html = re.sub(r"<script\b.*?</script>", " ", _text(data["text/html"]), flags=re.S)
            html = re.sub(r"<(div|p)[^>]*\bhidden\b[^>]*>.*?</\1>", " ", html, flags=re.S)
            # a question's "run this cell" line disappears once its script runs; a drop-down's options are
            # scanned, not read (the self-check's own time covers them)
            html = re.sub(r'<p class="nq-inert".*?</p>|<select\b.*?</select>', " ", html, flags=re.S)
            # a card's full references stay folded ("Full references") unless a reader opens them
            html = re.sub(r"<details\b.*?</details>", " ", html, flags=re.S)
            n += markdown_words(html)
        elif "text/markdown" in data:
            n += markdown_words(_text(data["text/markdown"]))
    return n


def questions_in(cell: dict) -> list[str]:
    """The kinds ('self-check' or 'task') of the netlib-question elements in the cell's HTML outputs."""
    kinds = []
    for out in cell.get("outputs", []):
        html = _text(out.get("data", {}).get("text/html"))
        for m in _ELEMENT.finditer(html):
            classes = m.group(1)[1:-1].split()
            if "netlib-question" in classes:
                kind = re.search(r"\bdata-kind\s*=\s*[\"']([^\"']*)[\"']", m.group(0))
                task = "netlib-task" in classes or (kind is not None and kind.group(1) in TASK_KINDS)
                kinds.append("task" if task else "self-check")
    return kinds


def estimate(path: Path) -> Estimate:
    nb = json.loads(path.read_text(encoding="utf-8"))
    words = code = figures = checks = tasks = widgets = out_words = 0
    found = False
    for cell in nb.get("cells", []):
        source = _text(cell.get("source"))
        if cell.get("cell_type") == "markdown":
            words += markdown_words(source)
            continue
        if cell.get("cell_type") != "code":
            continue
        if _visible(cell):
            code += sum(1 for line in source.splitlines() if line.strip())
        out_words += output_words(cell)
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            figures += any(t in data for t in IMAGE_TYPES)
            widgets += WIDGET_TYPE in data
        tags = set(cell.get("metadata", {}).get("tags", []))
        tag = "task" if "task" in tags else "self-check" if "self-check" in tags else None
        kinds = questions_in(cell)
        if tag and kinds:
            kinds = [tag] * len(kinds)
        elif tag:
            kinds = [tag]
        found |= bool(kinds)
        checks += kinds.count("self-check")
        tasks += kinds.count("task")
    return Estimate(path.stem, words, code, figures, checks, tasks, widgets, found, out_words)


def set_minutes(path: Path) -> int | None:
    """Minutes for one question set (the case workshop's sets of eight), by the same model: the set's visible
    words and its questions; the longest set, rounded up to the next ROUND_TO_MINUTES. None without sets."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    times = []
    for cell in nb.get("cells", []):
        html = "".join(_text(o.get("data", {}).get("text/html")) for o in cell.get("outputs", []))
        if 'class="netlib-question-set"' in html:
            kinds = questions_in(cell)
            seconds = (output_words(cell) / OUTPUT_WORDS_PER_MINUTE * 60 + kinds.count("self-check")
                       * SECONDS_PER_SELF_CHECK + kinds.count("task") * SECONDS_PER_TASK)
            times.append(ROUND_TO_MINUTES * math.ceil(seconds / 60 / ROUND_TO_MINUTES))
    return max(times) if times else None


def table(estimates: list[Estimate]) -> str:
    head = ["notebook", "words", "output words", "code lines", "figures", "self-checks", "tasks", "widgets", "minutes"]
    rows = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    for e in estimates:
        rows.append(f"| {e.notebook} | {e.words} | {e.output_words} | {e.code_lines} | {e.figures} | {e.self_checks} | {e.tasks} | "
                    f"{e.widgets} | {e.minutes} |")
    total = sum(e.minutes for e in estimates)
    rows.append(f"| **all** | {sum(e.words for e in estimates)} | {sum(e.output_words for e in estimates)} | "
                f"{sum(e.code_lines for e in estimates)} | "
                f"{sum(e.figures for e in estimates)} | {sum(e.self_checks for e in estimates)} | "
                f"{sum(e.tasks for e in estimates)} | {sum(e.widgets for e in estimates)} | {total} |")
    return "\n".join(rows)


def report(paths: list[Path], estimates: list[Estimate] | None = None) -> str:
    """The table, and a line for each notebook with question sets (how long one set takes)."""
    out = table(estimates if estimates is not None else [estimate(p) for p in paths])
    sets = [(p.stem, set_minutes(p)) for p in paths]
    return out + "".join(f"\n\n{name}: one question set (eight cases) takes about {m} minutes."
                         for name, m in sets if m)


def update_guide(text: str, guide: Path = GUIDE) -> None:
    """Replace the block between the estimate_times markers in the instructor guide with ``text``."""
    content = guide.read_text(encoding="utf-8")
    start, end = content.find(BEGIN), content.find(END)
    if start < 0 or end < start:
        raise SystemExit(f"{guide}: markers {BEGIN} ... {END} not found")
    guide.write_text(content[:start + len(BEGIN)] + "\n" + text + "\n" + content[end:], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/[0-9]*.ipynb")
    parser.add_argument("--update-guide", action="store_true",
                        help=f"write the table between the markers in {GUIDE.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
    estimates = [estimate(p) for p in paths]
    for e in estimates:
        if not e.found_questions:
            print(f"warning: {e.notebook}: no cell tagged 'self-check' or 'task' and no output with class "
                  "'netlib-question'; counting 0 self-checks and 0 tasks", file=sys.stderr)
    out = report(paths, estimates)
    print(out)
    if args.update_guide:
        update_guide(out)
        print(f"[estimate_times] table written to {GUIDE.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
