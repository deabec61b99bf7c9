#!/usr/bin/env python3
"""Re-execute notebooks in place in a fresh kernel and normalise their metadata.

    python scripts/execute_notebooks.py                 # every notebook in notebooks/
    python scripts/execute_notebooks.py notebooks/02_*.ipynb

Run it with the project's environment (``.venv/bin/python scripts/execute_notebooks.py``)
after changing netlib or a notebook, then read ``git diff notebooks/`` before committing:
the stored outputs are the regression tests that strict nbval compares.
Normalising means: kernelspec ``python3``, no saved widget state, no execution timestamps,
no interpreter version, execution counts 1..n, stable widget model ids.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def normalise(nb: nbformat.NotebookNode) -> None:
    nb.metadata.pop("widgets", None)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    for i, cell in enumerate(nb.cells):
        cell.metadata.pop("execution", None)
        cell.metadata.pop("ExecuteTime", None)
        if cell.cell_type == "code":
            for j, out in enumerate(cell.get("outputs", [])):
                out.get("metadata", {}).pop("execution", None)
                view = out.get("data", {}).get("application/vnd.jupyter.widget-view+json")
                if view is not None:  # widget state is not saved, so a random model id only adds diff noise
                    view["model_id"] = f"{i:04d}{j:04d}" + "0" * 24


def execute(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    start = time.perf_counter()
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    elapsed = time.perf_counter() - start
    normalise(nb)
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return elapsed


def main(argv: list[str]) -> int:
    os.environ.pop("MPLBACKEND", None)
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    paths = [Path(a) for a in argv] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    for p in paths:
        print(f"{p.name}: {execute(p):.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
