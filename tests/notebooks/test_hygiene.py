"""Notebook hygiene: what a committed notebook must and must not contain."""
import difflib
import importlib.util
import itertools
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_execute_notebooks():
    spec = importlib.util.spec_from_file_location("execute_notebooks", ROOT / "scripts" / "execute_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


MAX_NOTEBOOK_BYTES = 1_000_000


def test_there_are_notebooks():
    assert NOTEBOOKS and NOTEBOOKS[0].name == "00_start_here.ipynb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_hygiene(path):
    text = path.read_text()
    nb = json.loads(text)
    assert re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", path.name)
    assert nb["metadata"].get("kernelspec", {}).get("name") == "python3", "kernelspec must be python3"
    assert "widgets" not in nb["metadata"], "saved widget state: re-run scripts/execute_notebooks.py"
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    counts = [c["execution_count"] for c in code]
    assert counts == list(range(1, len(code) + 1)), "execution counts must be 1..n: re-execute top to bottom"
    for c in nb["cells"]:
        assert "execution" not in c.get("metadata", {}), "execution timestamps saved"
    assert len(text.encode()) <= MAX_NOTEBOOK_BYTES
    assert not re.search(r"/(root|home|tmp|work|Users)/\w", text), "absolute path of the author's machine"
    for c in code:
        src = "".join(c["source"])
        if "NBVAL_IGNORE_OUTPUT" in src:
            line = next(ln for ln in src.splitlines() if "NBVAL_IGNORE_OUTPUT" in ln)
            assert len(line.split("NBVAL_IGNORE_OUTPUT", 1)[1].strip(" :-")) > 5, "say why output is ignored"
        last = src.rstrip().splitlines()[-1] if src.strip() else ""
        assert not last.rstrip().endswith(";"), (
            "a trailing ';' does not suppress output under nbval (it runs cells with store_history=False), so the "
            "stored and the tested outputs differ; assign instead, e.g. fig = plots.x()")
    first = "".join(nb["cells"][0]["source"])
    assert nb["cells"][0]["cell_type"] == "markdown" and "objectives" in first.lower()
    text_all = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown").lower()
    for heading in ("key points", "references"):
        assert heading in text_all or path.name.startswith("00_"), f"missing a '{heading}' section"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_is_stored_as_jupyterlab_saves_it(path):
    """The file equals its normalised form, written as scripts/execute_notebooks.py writes it: then opening and
    saving it unchanged in JupyterLab is a no-op (tests/notebooks/test_lab_save.py checks that in a browser)."""
    import nbformat

    en = _load_execute_notebooks()
    text = path.read_text(encoding="utf-8")
    expected = en.serialise(en.normalise(nbformat.reads(text, as_version=4)))
    diff = "".join(itertools.islice(difflib.unified_diff(
        text.splitlines(keepends=True), expected.splitlines(keepends=True), f"committed/{path.name}",
        f"normalised/{path.name}", n=2), 60))
    assert text == expected, (
        "not stored the way JupyterLab saves it (opening and saving it unchanged would rewrite it); run "
        f"`.venv/bin/python scripts/execute_notebooks.py --normalise-only notebooks/{path.name}`:\n{diff}")
    info = json.loads(text)["metadata"]["language_info"]
    assert {k: v for k, v in info.items() if k != "version"} == en.PYTHON_LANGUAGE_INFO, (
        "language_info must be the python3 kernel's, as JupyterLab fills it in on open")
    assert re.fullmatch(r"3\.\d+\.\d+", info.get("version", "")), "language_info.version: the kernel's Python"


def test_notebooks_record_one_python_version():
    """All notebooks were executed or normalised with one interpreter (its version is in language_info)."""
    versions = {json.loads(p.read_text())["metadata"].get("language_info", {}).get("version") for p in NOTEBOOKS}
    assert len(versions) == 1, f"notebooks record different Python versions: {sorted(map(str, versions))}"
