#!/usr/bin/env python3
"""Re-execute notebooks in place in a fresh kernel and normalise them to what JupyterLab saves.

    python scripts/execute_notebooks.py                                  # every notebook in notebooks/
    python scripts/execute_notebooks.py notebooks/02_*.ipynb
    python scripts/execute_notebooks.py --normalise-only notebooks/*.ipynb   # metadata only, outputs untouched

Run it with the project's environment (``.venv/bin/python scripts/execute_notebooks.py``)
after changing netlib or a notebook, then read ``git diff notebooks/`` before committing:
the stored outputs are the regression tests that strict nbval compares.

The normalised form is exactly what JupyterLab 4 writes when an unchanged notebook is opened and saved, so that
opening and saving a committed notebook leaves ``git status`` clean (tests/notebooks/test_lab_save.py checks it
in a real JupyterLab, tests/notebooks/test_hygiene.py checks ``file == serialise(normalise(read(file)))``).
What JupyterLab does, measured with JupyterLab 4.6 / ipykernel 7 / ipywidgets 8:

* On open it changes exactly one thing: when the kernel connects, JupyterLab replaces ``metadata.language_info``
  with the kernel's ``kernel_info_reply`` (codemirror_mode, file_extension, mimetype, name, nbconvert_exporter,
  pygments_lexer, version). If that differs from the file the notebook is marked dirty and a save (or autosave)
  rewrites it; if it is equal the notebook stays clean. Nothing else changes: cell ids, execution counts, output
  metadata, widget-view model ids, kernelspec and nbformat/nbformat_minor are kept as stored.
* On save the server serialises with nbformat (indent 1, sorted keys, non-ASCII kept, trailing newline), which
  is what ``nbformat.write`` here does too, so the JSON formatting already agrees.
* ipywidgets saves widget state (``metadata.widgets``) only when its "saveState" setting (Settings menu: "Save
  Widget State Automatically") is on; it is off by default. When on, even an open-and-save without running adds
  an empty ``metadata.widgets`` block. The normalised form has none (the hygiene test forbids it).

So normalising means:

* ``language_info``: the kernel's in full, as JupyterLab would write it. Every field is fixed by ipykernel except
  ``version``, the kernel's Python version (``platform.python_version()``), which depends on the machine. The
  version already recorded in a notebook is kept, by a re-execution as by ``--normalise-only`` (so re-executing
  one notebook on another Python does not split the collection across two recorded versions); a notebook with
  none records this interpreter's (the ``python3`` kernel JupyterLab and nbclient start is the interpreter that
  runs them). On a machine with another Python, opening a notebook in
  JupyterLab therefore still marks it changed and a save rewrites that one value; only a server-side pre-save
  hook (configured for ``jupyter lab``) could keep it, JupyterLab itself always writes the kernel's.
* kernelspec ``python3``; no saved widget state; no execution timestamps; stable widget model ids (widget state
  is not saved, so a random id only adds diff noise); nbformat 4.5 with cell ids (missing ids are derived from
  position and source, so they are stable).
* Execution counts are 1..n because execution is top to bottom in a fresh kernel; ``--normalise-only`` leaves
  counts, sources and outputs as they are.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import platform
import re
import sys
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
# ipykernel's kernel_info_reply language_info without "version" (the only machine-dependent field)
PYTHON_LANGUAGE_INFO = {
    "codemirror_mode": {"name": "ipython", "version": 3},
    "file_extension": ".py",
    "mimetype": "text/x-python",
    "name": "python",
    "nbconvert_exporter": "python",
    "pygments_lexer": "ipython3",
}


def normalise(nb: nbformat.NotebookNode, language_info: dict | None = None) -> nbformat.NotebookNode:
    """Normalise ``nb`` in place (and return it) to what JupyterLab saves for it unchanged.

    ``language_info`` is the kernel's (from an execution). Without it the notebook's own is kept, with any of
    ipykernel's fields it lacks filled in and, if it records no ``version``, this interpreter's Python version.
    """
    nb.metadata.pop("widgets", None)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    if language_info is None:
        language_info = {**PYTHON_LANGUAGE_INFO, **(nb.metadata.get("language_info") or {})}
        language_info.setdefault("version", platform.python_version())
    nb.metadata["language_info"] = nbformat.from_dict(dict(language_info))
    nb.nbformat, nb.nbformat_minor = 4, max(5, nb.get("nbformat_minor", 0))
    taken = {cell.get("id") for cell in nb.cells}
    for i, cell in enumerate(nb.cells):
        if not cell.get("id"):
            n = 0
            while (cid := hashlib.sha1(f"{i}:{n}:{cell.source}".encode()).hexdigest()[:8]) in taken:
                n += 1
            cell.id = cid
            taken.add(cid)
        cell.metadata.pop("execution", None)
        cell.metadata.pop("ExecuteTime", None)
        if cell.cell_type == "code":
            site_alt_text(cell)
            fold_typed_model_answers(cell)
            for j, out in enumerate(cell.get("outputs", [])):
                out.get("metadata", {}).pop("execution", None)
                view = out.get("data", {}).get("application/vnd.jupyter.widget-view+json")
                if view is not None:  # widget state is not saved, so a random model id only adds diff noise
                    view["model_id"] = f"{i:04d}{j:04d}" + "0" * 24
    return nb


def site_alt_text(cell: nbformat.NotebookNode) -> None:
    """Copy a figure's alt text from its output into the cell metadata, where the course site reads it.

    ``netlib.teaching.plots.show`` stores the alt text in the output's metadata (``{"image/png": {"alt": ...}}``);
    MyST-NB, which builds the site, takes an image's alt text only from the cell's ``mystnb.image.alt``. A cell
    may therefore show one figure at most; a cell without a figure keeps no stale alt text.
    """
    alts = [out.get("metadata", {}).get("image/png", {}).get("alt") for out in cell.get("outputs", [])
            if "image/png" in out.get("data", {})]
    mystnb = dict(cell.metadata.get("mystnb", {}))
    image = {k: v for k, v in dict(mystnb.get("image", {})).items() if k != "alt"}
    if len(alts) > 1:
        raise ValueError(f"cell {cell.get('id')} shows {len(alts)} figures: the course site can give only one "
                         "of them alt text, so show one figure per cell")
    if alts and alts[0]:
        image["alt"] = alts[0]
    if image:
        mystnb["image"] = image
    else:
        mystnb.pop("image", None)
    if mystnb:
        cell.metadata["mystnb"] = mystnb
    else:
        cell.metadata.pop("mystnb", None)


CHECKLIST = re.compile(r"\bchecklist\s*=")
QUESTION_TAGS = {"self-check", "task"}


def fold_typed_model_answers(cell: nbformat.NotebookNode) -> None:
    """Fold the code of a question whose code types out what a good answer contains (``checklist=[...]``).

    Keys are computed by netlib, but a free-text task's checklist is written in the cell: shown above the answer
    box it would tell the trainee what to write. Its code is folded in JupyterLab (``jupyter.source_hidden``) and on
    the course site (tag ``hide-input``); the question itself, its output, stays in view. The case the question is
    about must therefore be told in the Markdown above (tests/notebooks/test_trainee_view.py).
    """
    if cell.cell_type != "code" or not QUESTION_TAGS & set(cell.metadata.get("tags", [])):
        return
    if not CHECKLIST.search(cell.source):
        return
    tags = list(cell.metadata.get("tags", []))
    if "hide-input" not in tags:
        cell.metadata["tags"] = tags + ["hide-input"]
    cell.metadata.setdefault("jupyter", {})["source_hidden"] = True


def serialise(nb: nbformat.NotebookNode) -> str:
    """The file's text, as ``nbformat.write`` (here) and the Jupyter server (on save) write it."""
    text = nbformat.writes(nb, version=nbformat.NO_CONVERT)
    return text if text.endswith("\n") else text + "\n"


def write(nb: nbformat.NotebookNode, path: Path) -> None:
    nbformat.validate(nb)
    with open(path, "w", encoding="utf-8", newline="\n") as f:  # as the server's save: "\n" also on Windows
        f.write(serialise(nb))


def execute(path: Path) -> float:
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    recorded = nb.metadata.get("language_info", {}).get("version")
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    start = time.perf_counter()
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    elapsed = time.perf_counter() - start
    info = dict(nb.metadata.get("language_info") or {})  # nbclient stored the kernel's
    if recorded:  # keep the collection on one recorded Python version, whoever re-executes one notebook
        info["version"] = recorded
    normalise(nb, language_info=info)
    write(nb, path)
    return elapsed


def normalise_only(path: Path) -> bool:
    """Normalise ``path`` in place without executing it; return whether the file changed."""
    before = path.read_text(encoding="utf-8")
    nb = normalise(nbformat.reads(before, as_version=4))
    if serialise(nb) == before:
        return False
    write(nb, path)
    return True


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--normalise-only", action="store_true",
                        help="only normalise metadata; do not execute (sources and outputs are kept)")
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every notebook in notebooks/")
    args = parser.parse_args(argv)
    os.environ.pop("MPLBACKEND", None)
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("*.ipynb"))
    for p in paths:
        if args.normalise_only:
            print(f"{p.name}: {'normalised' if normalise_only(p) else 'already normal'}", flush=True)
        else:
            print(f"{p.name}: {execute(p):.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
