"""Opening and saving an unchanged notebook in JupyterLab leaves it byte for byte as committed.

JupyterLab (the ``lab`` fixture: 127.0.0.1, a temporary copy of notebooks/) opens each notebook without running
it, waits for the kernel, and saves it. The saved file must equal the committed one, and the notebook must not be
marked dirty after opening. What JupyterLab changes on open (``metadata.language_info``, filled from the kernel)
and why the committed notebooks already carry exactly that is described in scripts/execute_notebooks.py.

The one machine-dependent field is ``language_info.version``, the kernel's Python version. The kernel here runs on
this interpreter; where its version differs from the one recorded in the notebooks, JupyterLab rightly rewrites
that one value, so the comparison then expects it (with a warning) and skips the not-dirty check.
"""
from __future__ import annotations

import base64
import difflib
import itertools
import json
import platform
import urllib.parse
import urllib.request
import warnings

import nbformat
import pytest

from tests.notebooks.lab import NOTEBOOKS, new_page, open_notebook, screenshot, shutdown_kernels

pytestmark = pytest.mark.browser

KERNEL_PYTHON = platform.python_version()  # the lab's python3 kernel runs on this interpreter


def _contents(lab, name: str, content: bool) -> dict:
    query = urllib.parse.urlencode({"token": lab["token"], "type": "file", "format": "base64",
                                    "content": int(content)})
    with urllib.request.urlopen(f"{lab['base']}/api/contents/{urllib.parse.quote(name)}?{query}", timeout=10) as r:
        return json.load(r)


def _file_bytes(lab, name: str) -> bytes:
    return base64.b64decode(_contents(lab, name, content=True)["content"])


def _expected(committed: bytes) -> bytes:
    """The committed file, with the kernel's Python version where it differs from the recorded one."""
    nb = nbformat.reads(committed.decode("utf-8"), as_version=4)
    recorded = nb.metadata.get("language_info", {}).get("version")
    if recorded is None or recorded == KERNEL_PYTHON:  # no version recorded: JupyterLab's save must not differ
        return committed
    warnings.warn(f"the notebooks record Python {recorded}, this kernel is Python {KERNEL_PYTHON}: JupyterLab "
                  "writes the kernel's version, so only that value is expected to differ")
    nb.metadata.language_info["version"] = KERNEL_PYTHON
    text = nbformat.writes(nb, version=nbformat.NO_CONVERT)
    return (text if text.endswith("\n") else text + "\n").encode("utf-8")


def _first_differences(expected: bytes, saved: bytes, name: str, lines: int = 60) -> str:
    diff = difflib.unified_diff(expected.decode("utf-8", "replace").splitlines(keepends=True),
                                saved.decode("utf-8", "replace").splitlines(keepends=True),
                                f"committed/{name}", f"saved by JupyterLab/{name}", n=2)
    return "".join(itertools.islice(diff, lines))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_open_and_save_changes_nothing(lab, path):
    name = path.name
    committed = _file_bytes(lab, name)  # the lab's copy of the repository's file, before JupyterLab touches it
    expected = _expected(committed)
    before = _contents(lab, name, content=False)["last_modified"]
    page = new_page(lab)
    try:
        open_notebook(page, lab, name)
        page.wait_for_timeout(1000)  # the kernel's language_info reaches the model when the kernel connects
        dirty = page.locator(".lm-TabBar-tab.jp-mod-dirty").count() > 0
        if expected == committed:
            assert not dirty, f"{name} is marked changed right after opening (metadata differs from the kernel's?)"

        page.locator(".jp-Notebook").first.click(position={"x": 5, "y": 5})  # focus the notebook, not a cell editor
        # The server truncates the file and then writes it, so its modification time changes before the content is
        # complete: wait for the answer to JupyterLab's save request instead, sent once the file is written.
        with page.expect_response(lambda r: r.request.method == "PUT" and "/api/contents/" in r.url,
                                  timeout=20_000) as response:
            page.keyboard.press("Control+s")
        assert response.value.ok, f"saving {name} failed: HTTP {response.value.status}"
        assert _contents(lab, name, content=False)["last_modified"] != before, f"{name} was not written"
        saved = _file_bytes(lab, name)
        assert saved == expected, (
            f"saving {name} unchanged in JupyterLab rewrote it; normalise it with "
            f"scripts/execute_notebooks.py --normalise-only (first differences):\n"
            + _first_differences(expected, saved, name))
    except Exception:
        screenshot(lab, page, "FAILED_save_" + name)
        raise
    finally:
        page.close()
        shutdown_kernels(lab)
