"""Every notebook gives identical text outputs when run twice in fresh kernels.

Strict nbval already compares one fresh run with the committed outputs; this catches
non-determinism (unseeded randomness, timings, memory addresses, dict or set order) directly,
with the two runs side by side. Widget model ids are random by design and not compared.
"""
import os
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))
_ADDRESS = re.compile(r"\b0x[0-9a-fA-F]{6,}\b")


def _text_outputs(path: Path) -> list[list[str]]:
    nb = nbformat.read(path, as_version=4)
    os.environ.pop("MPLBACKEND", None)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        streams: dict[str, str] = {}  # a stream may arrive in several chunks: join them per stream name
        rich = []
        for out in cell.outputs:
            if "text" in out:
                streams[out["name"]] = streams.get(out["name"], "") + out["text"]
            for mime, value in out.get("data", {}).items():
                if mime.startswith("text/"):
                    rich.append(mime + ":" + _ADDRESS.sub("0xADDRESS", "".join(value)))
        cells.append([f"{name}:{text}" for name, text in sorted(streams.items())] + rich)
    return cells


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_two_fresh_runs_give_identical_text(path):
    first, second = _text_outputs(path), _text_outputs(path)
    for i, (a, b) in enumerate(zip(first, second)):
        assert a == b, f"{path.name}: code cell {i} differs between two fresh runs"
    assert len(first) == len(second)
