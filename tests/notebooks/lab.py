"""Shared machinery for the browser tests: JupyterLab on 127.0.0.1 over a temporary copy of notebooks/, driven
by Playwright through Debian's Chromium. The ``lab`` fixture lives in ``conftest.py``; the helpers here open a
notebook, run it, wait for an idle kernel, take screenshots and shut kernels down.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
# NETLIB_CHROMIUM names a Chromium or Chrome executable (macOS, Windows); otherwise the usual names on PATH.
CHROMIUM = (os.environ.get("NETLIB_CHROMIUM")
            or next(filter(None, (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome"))), None)
            or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage"]


def skip_reason() -> str | None:
    if sync_playwright is None:
        return "Playwright for Python is not installed (pip install playwright); browser tests skipped"
    if CHROMIUM is None:
        return ("Chromium not found (Debian: apt-get install -y chromium; elsewhere set NETLIB_CHROMIUM to a Chromium "
                "or Chrome executable); browser tests skipped")
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_lab(tmp_path_factory):
    """Start JupyterLab and Chromium; yield what the helpers need; stop both."""
    reason = skip_reason()
    if reason:
        if os.environ.get("NETLIB_REQUIRE_BROWSER"):
            pytest.fail(f"NETLIB_REQUIRE_BROWSER is set but: {reason}")
        pytest.skip(reason)
    tmp = tmp_path_factory.mktemp("lab")
    work = tmp / "notebooks"
    shutil.copytree(ROOT / "notebooks", work)
    settings = tmp / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text('{"fetchNews": "false", "checkForUpdates": false}')
    nb_settings = tmp / "settings" / "@jupyterlab" / "notebook-extension"
    nb_settings.mkdir(parents=True)
    # render every cell (no virtual scrolling), so prompts and outputs of the whole notebook are in the page
    (nb_settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    port, token = _free_port(), secrets.token_hex(16)
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    env.update(JUPYTERLAB_SETTINGS_DIR=str(tmp / "settings"), JUPYTERLAB_WORKSPACES_DIR=str(tmp / "workspaces"),
               JUPYTER_RUNTIME_DIR=str(tmp / "runtime"), PYDEVD_DISABLE_FILE_VALIDATION="1")
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={work}",
           "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    log = open(tmp / "lab.log", "w")
    proc = subprocess.Popen(cmd, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"jupyter lab exited: {(tmp / 'lab.log').read_text()[-2000:]}")
            time.sleep(0.5)
    else:
        proc.terminate()
        raise RuntimeError("jupyter lab did not start within 90 s")
    # screenshots land in one known, git-ignored folder (override with NETLIB_SCREENSHOTS)
    shots = Path(os.environ.get("NETLIB_SCREENSHOTS", ROOT / "screenshots"))
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield {"browser": browser, "base": base, "token": token, "shots": shots}
        finally:
            browser.close()
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
            log.close()


def new_page(lab):
    """A browser page at the size the screenshots use, with a 60 s default wait."""
    page = lab["browser"].new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(60_000)
    return page


def open_notebook(page, lab, name: str) -> None:
    """Open ``name`` in a fresh workspace (only this notebook open) and wait for a connected, idle kernel."""
    workspace = "w" + secrets.token_hex(4)
    page.goto(f"{lab['base']}/lab/workspaces/{workspace}/tree/{name}?reset&token={lab['token']}")
    page.wait_for_selector(".jp-Notebook .jp-Cell", state="attached")
    wait_idle(page)


def open_and_run(lab, name: str):
    """Open ``name``, Run All, and wait until every cell has run and the kernel is idle; returns the page."""
    page = new_page(lab)
    try:
        open_notebook(page, lab, name)
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
        page.wait_for_timeout(500)
        page.wait_for_function(
            # a cell whose code is folded (jupyter.source_hidden) shows a placeholder with an empty prompt instead
            "() => { const ps = [...document.querySelectorAll('.jp-CodeCell')]"
            ".filter(c => !c.querySelector('.jp-InputPlaceholder')).map(c => c.querySelector('.jp-InputPrompt'));"
            " return ps.length > 0 && ps.every(p => p && /\\[\\d+\\]/.test(p.textContent)); }", timeout=120_000)
        wait_idle(page)
    except Exception:
        screenshot(lab, page, "FAILED_" + name)
        page.close()
        shutdown_kernels(lab)
        raise
    return page


def shutdown_kernels(lab) -> None:
    url = f"{lab['base']}/api/sessions?token={lab['token']}"
    for session in json.load(urllib.request.urlopen(url, timeout=10)):
        req = urllib.request.Request(f"{lab['base']}/api/sessions/{session['id']}?token={lab['token']}",
                                     method="DELETE")
        urllib.request.urlopen(req, timeout=10)


def wait_idle(page) -> None:
    """Wait until the kernel has started, connected and is idle (status bar and toolbar agree)."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jp-StatusBar-TextItem')].some(e => /\\|\\s*Idle/.test(e.textContent))",
        timeout=120_000)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)


def screenshot(lab, page, name: str) -> Path:
    path = lab["shots"] / (Path(name).stem + ".png")
    page.screenshot(path=str(path))
    print(f"screenshot: {path}")
    return path


# The first self-check with options in a notebook, answered as a trainee would: first a wrong option (the feedback
# names the misconception and nothing else is revealed), then the right one (the explanation appears). Which option
# is right is read from the question's own data on the page, so the test follows the key netlib computed.
_OPTIONS = """el => {
    const b = atob(el.dataset.netlib), u = new Uint8Array(b.length);
    for (let i = 0; i < b.length; i++) u[i] = b.charCodeAt(i);
    return JSON.parse(new TextDecoder().decode(u)).options.map(o => o[0]);
}"""


def _choose(q, index: int) -> None:
    select = q.locator("select.nq-select")
    if select.count():
        select.select_option(str(index))
    else:
        q.locator("input[type=radio]").nth(index).check()
    q.locator(".nq-check").click()


def answer_a_self_check_wrong_then_right(page) -> None:
    """Answer the page's first self-check with options wrong, then right (JupyterLab or the course site)."""
    q = page.locator(".netlib-question[data-kind='choice']").first
    q.scroll_into_view_if_needed()
    assert not q.locator(".nq-inert").is_visible(), "the self-check's script did not run after Run All"
    explanation, feedback = q.locator(".nq-explanation"), q.locator(".nq-feedback")
    assert feedback.inner_text().strip() == "" and not explanation.is_visible()  # nothing before an answer
    right = q.evaluate(_OPTIONS)
    _choose(q, right.index(False))
    text = feedback.inner_text()
    assert text.startswith("Not yet:") and len(text) > 30 and not explanation.is_visible(), text
    _choose(q, right.index(True))
    assert feedback.inner_text().startswith("Right.") and explanation.is_visible()
    assert "Answer:" in explanation.inner_text()
