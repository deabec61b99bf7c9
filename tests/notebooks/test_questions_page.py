"""The self-checks on a static page (no kernel, as on the course site), in headless Chromium: the JavaScript gives
the same verdict and message as :meth:`netlib.teaching.questions.Question.check` for every answer tried, a wrong
answer names the misconception before anything else is shown, and a right one reveals the explanation."""
from __future__ import annotations

import pytest

from netlib import Findings
from netlib.teaching import questions as Q
from netlib.teaching.exercises import check_grade, check_ki67_index
from tests.notebooks.lab import CHROMIUM, CHROMIUM_ARGS, skip_reason

pytestmark = pytest.mark.browser


class _Trap:
    def __init__(self, value, tolerance, message):
        self.value, self.tolerance, self.message = value, tolerance, message


def _ki67_key(positive, total):
    """A numeric key built from check_ki67_index's own verdicts (the checker is the source of truth)."""
    key = 100 * positive / total

    class K:
        value, tolerance, unit = key, 0.05, "%"
        correct = check_ki67_index(positive, total, key).message
        otherwise = check_ki67_index(positive, total, key + 7).message
        traps = (_Trap(100 * positive / (total - positive), 0.05,
                       check_ki67_index(positive, total, 100 * positive / (total - positive)).message),
                 _Trap(positive / total, 0.0005, check_ki67_index(positive, total, positive / total).message))
    return K()


def _questions():
    f = Findings(site="pancreas", differentiation="well", ki67_percent=20.0, mitoses_per_2mm2=4)
    grade_q = Q.grade_question("Self-check 1", f, "Grade this pancreatic NET.", ("NET G1", "NET G2", "NET G3"))
    assert not check_grade(f, "NET G3").correct
    staged = Findings(site="pancreas", size_cm=2.0, regional_nodes_positive=0, metastasis="none")
    return [
        (grade_q, ["NET G3", "NET G1", "NET G2"]),
        (Q.number_question("Task 1", "45 of 900 cells are positive: Ki-67 index?", _ki67_key(45, 900)),
         ["", "five", "0,05", "5,26", "12", "5,0", "5.04"]),
        (Q.t_category_task("Task 2", staged, "T category of a 2.0 cm pancreatic NET?"), ["", "T1", "T4", "x", "t2"]),
        (Q.free_text("Task 3", "Grade it in one sentence.", "Well-differentiated NET G2 on the mitotic count.",
                     ["the grade", "the parameter that decided"]), ["G2", "NET G2 by mitoses"]),
    ]


@pytest.fixture(scope="module")
def _browser(tmp_path_factory):
    """One Chromium for the module (fast); each test gets the page freshly loaded from :func:`page`."""
    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    items = _questions()
    html = "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>q</title></head><body>" + "".join(
        q._repr_html_() for q, _ in items) + "</body></html>"
    path = tmp_path_factory.mktemp("page") / "questions.html"
    path.write_text(html, encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pg = browser.new_page()
        errors = []
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.on("pageerror", lambda e: errors.append(str(e)))
        yield pg, items, errors, path.as_uri()
        browser.close()


@pytest.fixture
def page(_browser):
    """The page as a trainee first sees it: loaded afresh for every test (and every ``--count`` repeat), so no
    answer, score or revealed explanation carries over from an earlier test."""
    pg, items, errors, uri = _browser
    errors.clear()
    pg.goto(uri)
    pg.wait_for_function("document.querySelectorAll('.netlib-question[data-ready]').length === %d" % len(items))
    return pg, items, errors


def _answer(root, q, answer):
    if q.kind == "choice":
        root.locator("label.nq-option", has_text=answer).click()
    else:
        root.locator(".nq-input").fill(answer)
    root.locator(".nq-check").click()
    return root.locator(".nq-feedback").inner_text()


def test_page_gives_the_python_verdicts(page):
    pg, items, errors = page
    for i, (q, answers) in enumerate(items):
        root = pg.locator(".netlib-question").nth(i)
        assert not root.locator(".nq-inert").is_visible()  # the script ran: no "run this cell" line
        assert not root.locator(".nq-explanation").is_visible() and root.locator(".nq-feedback").inner_text() == ""
        for answer in answers:
            shown = _answer(root, q, answer)
            verdict, message = q.check(answer)
            assert message.strip() in shown, (q.title, answer, shown, message)
            if verdict is False:
                assert shown.startswith("Not yet:")
            elif verdict is True:
                assert shown.startswith("Right.")
    assert errors == []


def test_wrong_then_right_reveals_the_explanation_only_at_the_end(page):
    pg, items, _errors = page
    root = pg.locator(".netlib-question").nth(0)
    shown = _answer(root, items[0][0], "NET G3")
    assert "closed" in shown and not root.locator(".nq-explanation").is_visible()  # the misconception, no card
    assert root.locator(".nq-reveal").is_visible()
    _answer(root, items[0][0], "NET G2")
    explanation = root.locator(".nq-explanation")
    assert explanation.is_visible() and "How this was reached" in explanation.inner_text()
