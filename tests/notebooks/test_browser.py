"""The notebooks in a real browser: JupyterLab driven by Playwright through Debian's Chromium.

Each notebook is opened in JupyterLab (started on 127.0.0.1, over a temporary copy of notebooks/ so autosave
never touches the repository), run with Run All, and must reach an idle kernel with every cell executed and no
error output. Widgets are driven like a trainee would. A screenshot of each notebook is written to screenshots/
(git-ignored; NETLIB_SCREENSHOTS overrides) and its path printed. Skipped, with the reason, where Chromium or Playwright is missing;
.ci/run installs both.
"""
from __future__ import annotations

import pytest

from tests.notebooks.lab import (
    NOTEBOOKS,
    answer_a_self_check_wrong_then_right,
    open_and_run,
    screenshot,
    shutdown_kernels,
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_in_jupyterlab(lab, path):
    page = open_and_run(lab, path.name)
    try:
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        assert errors.count() == 0, f"error output in {path.name}: {errors.first.inner_text()[:500]}"
        prompts = page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()
        assert prompts and all("[*]" not in p for p in prompts)
        answer_a_self_check_wrong_then_right(page)
    except Exception:
        screenshot(lab, page, "FAILED_" + path.name)
        raise
    else:
        screenshot(lab, page, path.name)
    finally:
        page.close()
        shutdown_kernels(lab)


# A card shows a result only when its value element (class netlib-card-value, see netlib/teaching/cards.py) is not
# inside the dimmed copy of an old card (netlib-stale) and no "Not updated" line is there: a state only a new,
# valid result has. Waiting for text anywhere in the card is not enough ("Not NET G2: ..." is in a G1 card).
_CARD_SHOWS = """({card, value}) => {
    const v = card.querySelector('.netlib-card-value');
    return !!v && !v.closest('.netlib-stale') && !card.querySelector('.netlib-not-updated')
        && v.textContent.trim() === value;
}"""
# A field is refused: its message is displayed and says ``token``, and the card is marked not updated.
_REFUSED = """({card, message, token}) => {
    const shown = message.offsetParent !== null && message.innerText.includes(token);
    const notice = card.querySelector('.netlib-not-updated');
    return shown && !!notice && notice.innerText.includes(token);
}"""


def _card_shows(page, card, value: str) -> None:
    page.wait_for_function(_CARD_SHOWS, arg={"card": card.element_handle(), "value": value})


def _grade_calculator(page):
    """The notebook 02 calculator (the one with the Criteria drop-down): its Ki-67 input, message and card."""
    box = page.locator(".widget-vbox", has=page.locator("label", has_text="Criteria")).first
    box.scroll_into_view_if_needed()
    field = box.locator(".netlib-field", has=page.locator("label", has_text="Ki-67 (%)"))
    return box, field.locator("input"), field.locator(".netlib-field-message"), box.locator(".netlib-result")


def test_grade_calculator_responds_in_the_browser(lab):
    page = open_and_run(lab, "02_who_classification_and_grading.ipynb")
    try:
        _box, ki67, _message, card = _grade_calculator(page)
        ki67.fill("2.9")  # the box updates the card as you type: no Enter needed
        _card_shows(page, card, "NET G1")
        ki67.fill("3.0")
        _card_shows(page, card, "NET G2")
        assert "exactly on a cut-off" in card.inner_text()  # the flag as a sentence, not its code
        screenshot(lab, page, "02_grade_calculator_interaction")
    finally:
        page.close()
        shutdown_kernels(lab)


def test_typing_in_the_grade_calculator_in_the_browser(lab):
    """A decimal comma is read as a decimal point; bad text is refused next to the field and the card is marked."""
    page = open_and_run(lab, "02_who_classification_and_grading.ipynb")
    try:
        box, ki67, message, card = _grade_calculator(page)
        status = box.locator(".netlib-status")
        assert "Live" in status.inner_text()
        ki67.fill("2,9")
        _card_shows(page, card, "NET G1")
        text = card.inner_text()
        assert "Ki-67 2.9 %" in text and "Ki-67 29 %" not in text and not message.is_visible()
        ki67.fill("3,0")
        _card_shows(page, card, "NET G2")
        assert "Ki-67 3 %" in card.inner_text()
        for typed, token in [("-5", "'-5' is outside the allowed range"), ("1e9", "'1e9'"), ("abc", "'abc'"),
                             ("", "the box is empty")]:
            ki67.fill(typed)
            page.wait_for_function(_REFUSED, arg={"card": card.element_handle(), "message": message.element_handle(),
                                                  "token": token})
            said = message.inner_text()
            assert message.is_visible() and "Ki-67" in said and "a number >= 0 and <= 100 (%)" in said, said
            notice = card.locator(".netlib-not-updated").inner_text()
            assert notice.startswith("Not updated:") and "Ki-67" in notice and "last valid input" in notice
            stale = card.locator(".netlib-stale")
            assert float(stale.evaluate("e => getComputedStyle(e).opacity")) < 0.5  # the old card is dimmed
            assert stale.locator(".netlib-card-value").inner_text().strip() == "NET G2"  # the last valid result
            if typed == "1e9":
                screenshot(lab, page, "02_grade_calculator_refuses_1e9")
        ki67.fill("2,5")
        _card_shows(page, card, "NET G1")
        page.wait_for_function("m => m.offsetParent === null && m.innerText.trim() === ''",
                               arg=message.element_handle())
        assert "Ki-67 2.5 %" in card.inner_text()
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


def test_misgrade_slider_responds_at_the_cut_off_in_the_browser(lab):
    """The true-Ki-67 slider is wide enough to drag, and stops exactly on 2.9, 3.0 and 3.1 %."""
    page = open_and_run(lab, "03_counting_ki67_and_mitoses.ipynb")
    try:
        box = page.locator(".widget-vbox", has=page.locator("label", has_text="Cells counted")).first
        box.scroll_into_view_if_needed()
        slider = box.locator(".netlib-true-ki67")
        track = slider.locator(".noUi-target")
        handle = slider.locator(".noUi-handle")
        readout = slider.locator(".widget-readout")
        typed = box.locator(".netlib-field", has=page.locator("label", has_text="or type it")).locator("input")
        out = box.locator(".netlib-result")
        assert slider.bounding_box()["width"] >= 500 and track.bounding_box()["width"] >= 300

        def lands_on(value: str) -> None:
            page.wait_for_function("({out, readout, value}) => readout.innerText.trim() === value"
                                   " && out.innerText.includes('from a true ' + value + ' %')",
                                   arg={"out": out.element_handle(), "readout": readout.element_handle(),
                                        "value": value})

        lands_on("2.8")  # the notebook set 2.8 in the cell below the explorer
        # drag the handle to where 3.0 % sits (stop 25 of 0..295); a pixel may round to a neighbouring stop
        t, h = track.bounding_box(), handle.bounding_box()
        y = h["y"] + h["height"] / 2
        page.mouse.move(h["x"] + h["width"] / 2, y)
        page.mouse.down()
        page.mouse.move(t["x"] + t["width"] * 25 / 295, y, steps=8)
        page.mouse.up()
        page.wait_for_function("r => ['2.9', '3.0', '3.1'].includes(r.innerText.trim())",
                               arg=readout.element_handle())
        # then the arrow keys move one 0.1 % stop at a time: land exactly on 3.0
        for _ in range(3):
            now = readout.inner_text().strip()
            if now == "3.0":
                break
            handle.press("ArrowRight" if float(now) < 3.0 else "ArrowLeft")
            page.wait_for_function("({r, now}) => r.innerText.trim() !== now",
                                   arg={"r": readout.element_handle(), "now": now})
        lands_on("3.0")
        assert typed.input_value() == "3.0"  # Python wrote the exact stop into the box: 3.0, not 3.0000000000000004
        handle.press("ArrowLeft")
        lands_on("2.9")
        assert typed.input_value() == "2.9"
        handle.press("ArrowRight")
        handle.press("ArrowRight")
        lands_on("3.1")
        typed.fill("3,0")  # typing moves the slider too
        lands_on("3.0")
        screenshot(lab, page, "03_misgrade_slider_at_3")
    finally:
        page.close()
        shutdown_kernels(lab)


def test_skip_reason_is_explicit(monkeypatch):
    """Where the browser is missing, the skip says so (never a silent pass)."""
    import tests.notebooks.lab as tb

    monkeypatch.setattr(tb, "CHROMIUM", None)
    reason = tb.skip_reason()
    assert reason and "skipped" in reason and ("Chromium" in reason or "Playwright" in reason)
