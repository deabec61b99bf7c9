"""The notebooks in a real browser: JupyterLab driven by Playwright through Debian's Chromium.

Each notebook is opened in JupyterLab (started on 127.0.0.1, over a temporary copy of notebooks/ so autosave
never touches the repository), run with Run All, and must reach an idle kernel with every cell executed and no
error output. Widgets are driven like a trainee would. A screenshot of each notebook is written under the test's
temporary directory and its path printed. Skipped, with the reason, where Chromium or Playwright is missing;
.ci/run installs both.
"""
from __future__ import annotations

import pytest

from tests.notebooks.lab import NOTEBOOKS, open_and_run, screenshot, shutdown_kernels

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_in_jupyterlab(lab, path):
    page = open_and_run(lab, path.name)
    try:
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        assert errors.count() == 0, f"error output in {path.name}: {errors.first.inner_text()[:500]}"
        prompts = page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()
        assert prompts and all("[*]" not in p for p in prompts)
    except Exception:
        screenshot(lab, page, "FAILED_" + path.name)
        raise
    else:
        screenshot(lab, page, path.name)
    finally:
        page.close()
        shutdown_kernels(lab)


def test_grade_calculator_responds_in_the_browser(lab):
    page = open_and_run(lab, "02_who_classification_and_grading.ipynb")
    try:
        box = page.locator(".widget-vbox", has=page.locator("label", has_text="Criteria")).first
        box.scroll_into_view_if_needed()
        ki67 = box.locator(".widget-inline-hbox", has=page.locator("label", has_text="Ki-67 (%)")).locator("input")
        card = box.locator(".widget-html").last
        ki67.fill("2.9")
        ki67.press("Enter")
        page.wait_for_function("el => el.innerText.includes('NET G1')", arg=card.element_handle())
        ki67.fill("3.0")
        ki67.press("Enter")
        page.wait_for_function("el => el.innerText.includes('NET G2')", arg=card.element_handle())
        assert "boundary_value" in card.inner_text()
        screenshot(lab, page, "02_grade_calculator_interaction")
    finally:
        page.close()
        shutdown_kernels(lab)


def test_misgrade_explorer_responds_in_the_browser(lab):
    page = open_and_run(lab, "03_counting_ki67_and_mitoses.ipynb")
    try:
        box = page.locator(".widget-vbox", has=page.locator("label", has_text="Cells counted")).first
        box.scroll_into_view_if_needed()
        text = box.locator(".widget-html").last
        before = text.inner_text()
        box.locator("select").select_option("200")
        page.wait_for_function("el => el.innerText.includes('Counting 200 cells')", arg=text.element_handle())
        assert text.inner_text() != before
        screenshot(lab, page, "03_misgrade_explorer_interaction")
    finally:
        page.close()
        shutdown_kernels(lab)


def test_skip_reason_is_explicit(monkeypatch):
    """Where the browser is missing, the skip says so (never a silent pass)."""
    import tests.notebooks.lab as tb

    monkeypatch.setattr(tb, "CHROMIUM", None)
    reason = tb.skip_reason()
    assert reason and "skipped" in reason and ("Chromium" in reason or "Playwright" in reason)
