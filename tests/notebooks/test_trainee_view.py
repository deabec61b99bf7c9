"""What a trainee sees in the stored notebooks: questions without answers, words without machine keys.

Reads every stored output as a reader would see it (stream text, text/plain, text/markdown, and text/html with its
scripts and encoded question data removed) and checks that

* no feedback line is stored ("Correct", "Not quite", "Right.", "Not yet"), nor an answer table of the workshop;
* no machine key reaches the reader: management category keys, flag codes, reference keys, rule keys, or
  underscore vocabulary words (``jejunum_ileum``) — in words instead;
* every notebook asks: at least one self-check and at least two production tasks (typed or written answers, or
  a predict-then-change), marked by cell tags and present as questions in the stored output;
* each glossary link points at an entry that exists.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

from netlib.data.references import REFERENCES
from netlib.findings import VOCABULARY
from netlib.grading import FLAGS as GRADE_FLAGS
from netlib.staging import FLAGS as STAGE_FLAGS
from netlib.treatment import CATEGORIES, RULES
from netlib.treatment import FLAGS as TREATMENT_FLAGS

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
GLOSSARY = ROOT / "notebooks" / "glossary.md"

KEYS = ({*CATEGORIES, *GRADE_FLAGS, *STAGE_FLAGS, *TREATMENT_FLAGS, *REFERENCES, *(r.key for r in RULES)}
        | {w for words in VOCABULARY.values() for w in words if isinstance(w, str) and "_" in w})
KEYS = {k for k in KEYS if "_" in k}  # one-word keys ("prrt", "surveillance") are ordinary words
FEEDBACK = re.compile(r"\b(Correct[:.]|Not quite|Right\. |Not yet:)")
SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


def visible_outputs(nb: dict):
    """(cell index, text as a reader sees it) for every stored output."""
    for i, cell in enumerate(nb["cells"]):
        for out in cell.get("outputs", []):
            if out["output_type"] == "stream":
                yield i, "".join(out["text"])
                continue
            data = out.get("data", {})
            if "text/html" in data:
                html = "".join(data["text/html"])
                html = re.sub(r"<script\b.*?</script>", " ", html, flags=re.S)
                html = re.sub(r'data-netlib="[^"]*"', " ", html)
                html = re.sub(r'<(div|p)[^>]*\bhidden\b[^>]*>.*?</\1>', " ", html, flags=re.S)
                # attribute values (ids, classes, styles, links) are not read; titles are shown on hover only
                yield i, re.sub(r"<[^>]+>", " ", html)
            elif "text/markdown" in data:
                yield i, "".join(data["text/markdown"])
            elif "text/plain" in data and "application/vnd.jupyter.widget-view+json" not in data:
                yield i, "".join(data["text/plain"])


def _nb(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_no_feedback_or_answer_table_is_stored(path):
    for i, text in visible_outputs(_nb(path)):
        hit = FEEDBACK.search(text)
        assert not hit, f"cell {i} stores feedback ({hit.group(0)!r}): {text[max(0, hit.start() - 80):hit.end() + 80]}"
        assert not re.search(r"\|\s*Grade\s*\|\s*TNM", text), f"cell {i} stores an answer table"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_no_machine_key_reaches_the_reader(path):
    found = {}
    for i, text in visible_outputs(_nb(path)):
        for token in SNAKE.findall(text.replace("\\_", "_")):  # Markdown escapes underscores
            if token in KEYS:
                found.setdefault(token, i)
    assert not found, f"machine keys in stored outputs (key: cell): {found}"


def test_the_key_check_can_fail():
    nb = {"cells": [{"outputs": [{"output_type": "stream", "text": ["flags: who2010_gap_value\n"]}]}]}
    assert any("who2010_gap_value" in SNAKE.findall(t) for _i, t in visible_outputs(nb))
    assert "who2010_gap_value" in KEYS and "oncologic_resection_with_lymphadenectomy" in KEYS


def _questions(cell) -> list[str]:
    kinds = []
    for out in cell.get("outputs", []):
        html = "".join(out.get("data", {}).get("text/html", ""))
        kinds += re.findall(r'class="netlib-question" id="[^"]+" data-kind="(\w+)"', html)
    return kinds


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_notebook_asks_and_makes_the_trainee_produce(path):
    nb = _nb(path)
    tags = [(c.get("metadata", {}).get("tags", []), c) for c in nb["cells"] if c["cell_type"] == "code"]
    checks = [c for t, c in tags if "self-check" in t]
    tasks = [c for t, c in tags if "task" in t]
    assert checks, "no self-check (tag a question cell 'self-check')"
    assert all(_questions(c) for c in checks), "a cell tagged self-check shows no question"
    produced = [c for c in tasks if set(_questions(c)) & {"number", "short", "text"}
                or (_questions(c) and "predict" in "".join(nb["cells"][nb["cells"].index(c) - 1]["source"]).lower())
                or (not _questions(c) and "change" in "".join(c["source"]).lower())]
    assert len({id(c) for c in produced}) >= 2, f"{path.name}: fewer than two production tasks"


def test_glossary_links_resolve():
    text = GLOSSARY.read_text(encoding="utf-8")
    anchors = re.findall(r'<a id="([^"]+)"', text) + re.findall(r"^\(([^)]+)\)=", text, flags=re.M)
    assert len(anchors) == len(set(anchors)), "glossary anchors repeat"
    missing = set()
    for path in NOTEBOOKS:
        for cell in _nb(path)["cells"]:
            if cell["cell_type"] == "markdown":
                for anchor in re.findall(r"glossary\.md#([\w.-]+)", "".join(cell["source"])):
                    if anchor not in anchors:
                        missing.add(f"{path.name}: #{anchor}")
    assert not missing, sorted(missing)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_typed_model_answers_are_folded(path):
    """A question cell whose code types what a good answer contains (a checklist) shows its question, not its code:
    the code is folded in JupyterLab and on the course site, so the trainee commits before reading it."""
    nb = nbformat.read(path, as_version=4)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and "checklist=" in cell.source:
            assert cell.metadata.get("jupyter", {}).get("source_hidden") is True, f"{path.name} cell {i}"
            assert "hide-input" in cell.metadata.get("tags", []), f"{path.name} cell {i}"
