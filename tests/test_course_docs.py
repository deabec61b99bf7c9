"""Course documents: the glossary defines what the notebooks abbreviate, and the instructor guide stays current.

* Every abbreviation (a word with two or more capital letters) in a notebook's Markdown cells has a glossary entry.
* Glossary entries are one line each, alphabetical under their letter heading, with unique, stable anchors; every
  ``glossary.md#anchor`` link in the notebooks, the README and the instructor guide points to an existing anchor.
* The instructor guide names every notebook, and its timing table is what ``scripts/estimate_times.py`` prints.
"""
from __future__ import annotations

import importlib.util
import itertools
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "notebooks" / "glossary.md"
GUIDE = ROOT / "instructors" / "guide.md"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))

#: An entry: ``- <a id="prrt"></a>**PRRT** — peptide receptor radionuclide therapy: ...`` (several anchors allowed).
ENTRY = re.compile(r'^- ((?:<a id="[^"]*"></a>)+)\*\*(.+?)\*\* — (\S.*)$')
ANCHOR = re.compile(r'<a id="([^"]*)"></a>')
ANCHOR_FORM = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: Words with two or more capitals that are not terms a trainee needs explained.
NOT_TERMS = {"OK", "US", "USA", "UK", "GitHub", "JupyterLab", "JupyterHub", "PubMed", "IPython", "HTML"}
#: Roman numerals and stage groups (I-IV, IIA, IIIB, IVA, IA1, ...), explained under "stage group".
ROMAN = re.compile(r"(?:I{1,3}|IV|VI{0,3}|IX|X{1,3})[A-C]?\d?")
MAX_ENTRY_CHARS = 400


def _glossary_entries(text: str) -> list[tuple[str, list[str], str, str]]:
    """(letter heading, anchors, term, definition) for every entry, in file order."""
    entries, letter = [], None
    for line in text.splitlines():
        if line.startswith("## "):
            letter = line[3:].strip()
        elif line.startswith("- "):
            m = ENTRY.match(line)
            assert m, f"malformed glossary entry (want '- <a id=\"...\"></a>**Term** — definition'): {line[:90]}"
            entries.append((letter, ANCHOR.findall(m.group(1)), m.group(2), m.group(3)))
    return entries


def _tokens(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9]+", text)


def _is_abbreviation(token: str) -> bool:
    return sum(ch.isupper() for ch in token) >= 2


def defined_terms(entries) -> set[str]:
    """The abbreviations the glossary defines: every token with 2+ capitals in an entry's bold term."""
    return {t for _letter, _anchors, term, _d in entries for t in _tokens(term) if _is_abbreviation(t)}


def _prose(markdown: str) -> str:
    """Markdown without code blocks, inline code, HTML tags, link targets and bare URLs."""
    markdown = re.sub(r"```.*?```", " ", markdown, flags=re.DOTALL)
    markdown = re.sub(r"`[^`]*`", " ", markdown)
    markdown = re.sub(r"<[^>]+>", " ", markdown)
    markdown = re.sub(r"\]\([^)]*\)", "]", markdown)
    return re.sub(r"https?://\S+", " ", markdown)


def undefined_abbreviations(markdown: str, defined: set[str]) -> set[str]:
    """Abbreviations in ``markdown`` that ``defined`` does not cover (a plural 's' is allowed: NETs, PPIs)."""
    missing = set()
    for token in _tokens(_prose(markdown)):
        if not _is_abbreviation(token) or token in NOT_TERMS or ROMAN.fullmatch(token):
            continue
        if token in defined or (token.endswith("s") and token[:-1] in defined):
            continue
        missing.add(token)
    return missing


def _sort_key(term: str) -> str:
    key = re.sub(r"[^0-9a-z]", "", term.casefold())
    return re.sub(r"^\d+", lambda m: m.group().zfill(6), key)


@pytest.fixture(scope="module")
def entries():
    return _glossary_entries(GLOSSARY.read_text(encoding="utf-8"))


def _markdown_cells(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "\n\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


# --- glossary ------------------------------------------------------------------------------------------------
def test_glossary_says_it_is_teaching_material():
    head = GLOSSARY.read_text(encoding="utf-8")[:600]
    assert "Teaching material" in head and "not a clinical decision tool" in head


def test_glossary_entries_are_well_formed_and_short(entries):
    assert len(entries) >= 100, "the glossary lost most of its entries"
    for letter, anchors, term, definition in entries:
        assert letter, f"{term}: entry before the first letter heading"
        assert len(term) + len(definition) <= MAX_ENTRY_CHARS, f"{term}: keep the definition to one short line"
        assert not definition.startswith(term), f"{term}: the definition repeats the term"


def test_glossary_anchors_are_unique_and_stable_in_form(entries):
    anchors = [a for _letter, ids, _t, _d in entries for a in ids]
    duplicates = sorted({a for a in anchors if anchors.count(a) > 1})
    assert not duplicates, f"anchors used more than once: {duplicates}"
    bad = [a for a in anchors if not ANCHOR_FORM.fullmatch(a)]
    assert not bad, f"anchors must be lower case, digits and single hyphens: {bad}"
    assert {"prrt", "ki-67", "closed-interval", "seer", "men1", "r1"} <= set(anchors)


def test_glossary_is_alphabetical_under_its_letter_headings(entries):
    for letter, _anchors, term, _d in entries:
        first = _sort_key(term)[0]
        want = "0–9" if first.isdigit() else first.upper()
        assert letter == want, f"{term!r} is under '## {letter}', belongs under '## {want}'"
    keys = [_sort_key(term) for _l, _a, term, _d in entries]
    out_of_order = [(a, b) for a, b in itertools.pairwise(keys) if a > b]
    assert not out_of_order, f"entries out of alphabetical order: {out_of_order[:3]}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_abbreviation_in_a_notebook_is_in_the_glossary(notebook, entries):
    missing = undefined_abbreviations(_markdown_cells(notebook), defined_terms(entries))
    assert not missing, (f"{notebook.name} uses abbreviations the glossary does not define: {sorted(missing)}; "
                         f"add an entry to {GLOSSARY.relative_to(ROOT)} (or, for a non-term, to NOT_TERMS here)")


def test_the_abbreviation_check_can_fail(entries):
    defined = defined_terms(entries)
    assert {"PRRT", "SEER", "MiNEN", "NETTER", "HIAA", "MEN1"} <= defined
    text = ("A NET with an XQZT score of 3. Two NETs, PPIs and stage IIIB are known; `CODE_ONLY` and "
            "[a link](https://example.org/ABCD) and <span class=\"EFGH\">x</span> are ignored.")
    assert undefined_abbreviations(text, defined) == {"XQZT"}
    assert undefined_abbreviations("NEC", set()) == {"NEC"}


def test_glossary_links_point_to_existing_anchors(entries):
    anchors = {a for _letter, ids, _t, _d in entries for a in ids}
    sources = {p.name: _markdown_cells(p) for p in NOTEBOOKS}
    for path in (ROOT / "README.md", ROOT / "index.md", GUIDE):
        if path.exists():
            sources[path.name] = path.read_text(encoding="utf-8")
    broken = {f"{name}: #{anchor}" for name, text in sources.items()
              for anchor in re.findall(r"glossary\.md#([^)\s\"'>]+)", text) if anchor not in anchors}
    assert not broken, f"links to glossary anchors that do not exist: {sorted(broken)}"


# --- instructor guide and time estimates ------------------------------------------------------------------------
def _estimator():
    spec = importlib.util.spec_from_file_location("estimate_times", ROOT / "scripts" / "estimate_times.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_guide_covers_every_notebook_and_the_answer_keys():
    guide = GUIDE.read_text(encoding="utf-8")
    for nb in NOTEBOOKS:
        assert nb.stem in guide or nb.name in guide, f"the instructor guide does not mention {nb.name}"
    assert "Teaching material" in guide[:1500]
    assert "scripts/answer_key.py" in guide and "## Answer keys" in guide


def test_guide_timing_table_is_what_the_estimator_prints():
    est = _estimator()
    guide = GUIDE.read_text(encoding="utf-8")
    start, end = guide.find(est.BEGIN), guide.find(est.END)
    assert 0 <= start < end, f"timing markers {est.BEGIN} ... {est.END} missing from the guide"
    stored = guide[start + len(est.BEGIN):end].strip()
    current = est.report(list(NOTEBOOKS))
    assert stored == current, ("the notebooks changed since the guide's timing table was made: run "
                               "`python scripts/estimate_times.py --update-guide` and review the new times")


def _nb(cells):
    return {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def test_time_model_counts_what_it_says(tmp_path):
    est = _estimator()
    words = " ".join(["word"] * 150)  # 60 s
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": words + " <b>tags</b> [link](https://x.org/a-b-c)"},
        {"cell_type": "code", "metadata": {}, "source": "a = 1\n\nb = 2\n", "outputs": [  # 2 lines = 12 s
            {"output_type": "display_data", "data": {"image/png": "iVBOR", "text/plain": "<Figure>"}},  # 45 s
            {"output_type": "display_data", "data": {"application/vnd.jupyter.widget-view+json": {}}}]},  # 120 s
        {"cell_type": "code", "metadata": {"tags": ["self-check"]}, "source": "q()", "outputs": []},  # 6 + 90 s
        {"cell_type": "code", "metadata": {"jupyter": {"source_hidden": True}}, "source": "x\ny\nz", "outputs": [
            {"output_type": "display_data", "data": {"text/html": '<div class="netlib-question netlib-task">'
                                                                   '</div><p class="netlib-question">'}}]},
    ]  # hidden code: 0 s; one task 180 s + one self-check 90 s
    path = tmp_path / "99_model.ipynb"
    path.write_text(json.dumps(_nb(cells)))
    e = est.estimate(path)
    assert (e.words, e.code_lines, e.figures, e.widgets, e.self_checks, e.tasks) == (152, 3, 1, 1, 2, 1)
    assert e.seconds == pytest.approx(152 / 150 * 60 + 3 * 6 + 45 + 120 + 2 * 90 + 180)
    assert e.minutes == 15 and e.found_questions  # 603.8 s = 10.1 min, rounded up to the next 5


def test_time_model_warns_when_it_finds_no_questions(tmp_path, capsys):
    est = _estimator()
    path = tmp_path / "98_plain.ipynb"
    path.write_text(json.dumps(_nb([{"cell_type": "markdown", "metadata": {}, "source": "Just prose."}])))
    assert est.main([str(path)]) == 0
    captured = capsys.readouterr()
    assert "98_plain: no cell tagged 'self-check'" in captured.err
    assert "| 98_plain | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 5 |" in captured.out


def _estimated_minutes() -> dict[str, int]:
    est = _estimator()
    return {p.stem[:2]: est.estimate(p).minutes for p in sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))}


def test_notebook_and_readme_times_match_the_guide():
    """The time a notebook states, and the README's table, are the estimator's (one set of the workshop: a third)."""
    minutes = _estimated_minutes()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    landing = (ROOT / "index.md").read_text(encoding="utf-8")
    for path in sorted((ROOT / "notebooks").glob("[0-9]*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        first = "".join(nb["cells"][0]["source"])
        line = re.search(r"\*\*Time:\*\*([^\n]*(?:\n[^\n*]+)?)", first)
        assert line, f"{path.name}: no **Time:** line in the first cell"
        n = minutes[path.stem[:2]]
        stated = line.group(1)
        per_set = _estimator().set_minutes(path)
        if per_set:
            assert f"one set of eight cases takes about {per_set} minutes" in stated.replace("\n", " "), stated
            from netlib.data.cases import WORKSHOP_SETS
            sets = {3: "three", 4: "four", 5: "five"}[len(WORKSHOP_SETS)]
            assert f"all {sets} sets about {n} minutes" in stated.replace("\n", " "), (path.name, stated, n)
        else:
            assert f"about {n} minutes" in stated, (path.name, stated, n)
        want = f"{n} min (one set of eight: about {per_set} min)" if per_set else f"{n} min"
        row = re.search(rf"^\| {path.stem[:2]} \| `{path.name}` \|.*\| ([^|]+) \|$", readme, flags=re.M)
        assert row and row.group(1).strip() == want, (path.name, row)
        row = re.search(rf"^\| {path.stem[:2]} \| \[[^]]+\]\(notebooks/{path.name}\) \|.*\| ([^|]+) \|$", landing,
                        flags=re.M)  # the course site's landing page
        assert row and row.group(1).strip() == want, ("index.md", path.name, row)
