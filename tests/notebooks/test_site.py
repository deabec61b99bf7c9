"""The course site (``python3 scripts/quickstart.py site``): built from the committed notebooks, then read as files
and opened page by page in headless Chromium, served from 127.0.0.1 with every other request blocked.

Asserted for every page, in the theme's light and dark mode: nothing is requested from outside the site, no console
error, every image has alt text, axe-core finds no violation of impact *serious* or *critical*; the search finds "Ki-67"; one self-check per
notebook answers wrong, then right, with the right feedback. Read from the files: the teaching-material notice on
every page, a Binder launch button on every notebook page, reading order and previous/next links, panels shown as
a sentence (never a widget dump), references as links. axe-core comes from npm (``site/package.json``; the test
runs ``npm ci`` when it is missing). Skipped, with the reason, where Chromium, Playwright or npm is missing, and
failed instead when NETLIB_REQUIRE_BROWSER is set (as in CI).
"""
from __future__ import annotations

import base64
import functools
import html
import http.server
import importlib.util
import json
import os
import re
import shutil
import subprocess
import threading
from pathlib import Path
from urllib.parse import urlparse

import nbformat
import pytest

from tests.notebooks.lab import (
    CHROMIUM,
    CHROMIUM_ARGS,
    NOTEBOOKS,
    ROOT,
    answer_a_self_check_wrong_then_right,
    skip_reason,
)

pytestmark = pytest.mark.site

_spec = importlib.util.spec_from_file_location("quickstart", ROOT / "scripts" / "quickstart.py")
quickstart = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(quickstart)
_conf_spec = importlib.util.spec_from_file_location("site_conf", ROOT / "conf.py")
conf = importlib.util.module_from_spec(_conf_spec)
_conf_spec.loader.exec_module(conf)

NOTICE = "Teaching material, not a clinical decision tool"
NOTEBOOK_PAGES = [f"notebooks/{p.stem}.html" for p in NOTEBOOKS]
PAGES = ["index.html", *NOTEBOOK_PAGES, "notebooks/glossary.html", "instructors/guide.html", "search.html",
         "genindex.html"]
AXE = ROOT / "site" / "node_modules" / "axe-core" / "axe.min.js"


def _skip_or_fail(reason: str):
    if os.environ.get("NETLIB_REQUIRE_BROWSER"):
        pytest.fail(f"NETLIB_REQUIRE_BROWSER is set but: {reason}")
    pytest.skip(reason)


# --- the build ----------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The site, built once per module by the maintainers' command (warnings are errors)."""
    out = tmp_path_factory.mktemp("site") / "html"
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    done = subprocess.run(quickstart.site_command(out, python=Path(os.sys.executable)), cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0 and not done.stderr.strip(), f"site build failed or warned:\n{done.stderr[-4000:]}"
    return out


def _page(site: Path, name: str) -> str:
    return (site / name).read_text(encoding="utf-8")


def _article(text: str) -> str:
    return text[text.index("<article"):text.index("</article>")]


def test_the_site_has_exactly_the_expected_pages(site):
    built = sorted(str(p.relative_to(site)) for p in site.rglob("*.html") if "_static" not in p.parts)
    assert built == sorted(PAGES)


def test_every_page_carries_the_notice(site):
    for name in PAGES:
        assert NOTICE in html.unescape(_page(site, name)), f"{name} lacks the teaching-material notice"


def test_sidebar_lists_the_pages_in_reading_order(site):
    text = _page(site, "index.html")
    nav = text[re.search(r'<nav class="[^"]*\bbd-docs-nav\b', text).start():]
    nav = nav[:nav.index("</nav>")]
    links = re.findall(r'<a class="reference internal" href="([^"#]+)"', nav)
    assert links == [*NOTEBOOK_PAGES, "notebooks/glossary.html", "instructors/guide.html"]


@pytest.mark.parametrize("i", range(1, len(NOTEBOOKS) - 1))
def test_previous_and_next_links_follow_the_reading_order(site, i):
    text = _page(site, NOTEBOOK_PAGES[i])
    prev = re.search(r'<a class="left-prev"\s+href="([^"]+)"', text)
    nxt = re.search(r'<a class="right-next"\s+href="([^"]+)"', text)
    assert prev and prev.group(1) == Path(NOTEBOOK_PAGES[i - 1]).name
    assert nxt and nxt.group(1) == Path(NOTEBOOK_PAGES[i + 1]).name


@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_every_notebook_page_has_a_binder_launch_button(site, page):
    owner_repo = urlparse(conf.REPOSITORY_URL).path.strip("/")
    notebook = Path(page).with_suffix(".ipynb").as_posix()
    want = (f"{conf.BINDERHUB_URL}/v2/gh/{owner_repo}/{conf.BRANCH}?urlpath=lab/tree/{notebook}")
    assert want in html.unescape(_page(site, page)), f"no Binder launch link {want} on {page}"


def _widget_outputs(path: Path) -> int:
    nb = nbformat.read(path, as_version=4)
    return sum("application/vnd.jupyter.widget-view+json" in out.get("data", {})
               for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_panels_appear_as_a_sentence_never_as_a_widget_dump(site, path):
    text = _page(site, f"notebooks/{path.stem}.html")
    for dump in ("VBox(", "HBox(", "IntSlider(", "FloatText(", "widget-view+json", "Error displaying widget",
                 "jupyter-widgets", "model_id"):
        assert dump not in text, f"{dump!r} on {path.stem}.html"
    notes = re.findall(r'<div class="[^"]*netlib-needs-kernel[^"]*">(.*?)</div>', text, flags=re.S)
    assert len(notes) == _widget_outputs(path)
    for note in notes:
        words = html.unescape(re.sub(r"<[^>]+>", " ", note))
        assert "needs a running Python kernel" in words and "launch button" in words, words


_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$", flags=re.M)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_markdown_tables_in_outputs_are_tables_on_the_site(site, path):
    """A Markdown table in an output (netlib.teaching.tables) becomes an HTML table, never a run of pipes."""
    nb = nbformat.read(path, as_version=4)
    expected = sum(len(_TABLE_RULE.findall(out["data"]["text/markdown"])) for cell in nb.cells
                   if cell.cell_type == "code" for out in cell.outputs if "text/markdown" in out.get("data", {}))
    expected += sum(len(_TABLE_RULE.findall(cell.source)) for cell in nb.cells if cell.cell_type == "markdown")
    article = _article(_page(site, f"notebooks/{path.stem}.html"))
    prose = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<pre\b.*?</pre>", " ", article, flags=re.S)))
    assert not re.search(r"\|\s*(---|\u2014)", prose), f"{path.name}: a table shown as text on the site"
    assert article.count("<table") >= expected >= 0


@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_references_are_links(site, page):
    text = _article(_page(site, page))
    refs = text[text.rindex('id="references"'):]
    links = re.findall(r'href="(https://(?:doi\.org|pubmed\.ncbi\.nlm\.nih\.gov|pmc\.ncbi\.nlm\.nih\.gov)/[^"]+)"',
                       refs)
    assert links, f"{page}: the References section has no DOI or PubMed link"


@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_citations_and_cautions_are_visible_text_not_tooltips(site, page):
    """A tooltip (a title attribute) is out of reach of keyboard, touch and screen-reader users."""
    titled = [t for t in re.findall(r'<[^>]*\stitle="([^"]*)"', _article(_page(site, page)))
              if t != "Link to this heading"]
    assert not titled, f"{page}: information only in tooltips: {titled[:3]}"
    for q in re.findall(r'data-netlib="([^"]+)"', _page(site, page)):  # the explanations revealed after answering
        data = json.loads(base64.b64decode(q))
        assert "title=" not in data["explanation"]


def test_every_figure_has_alt_text_in_the_html(site):
    for name in PAGES:
        for img in re.findall(r"<img\b[^>]*>", _page(site, name)):
            alt = re.search(r'\salt="([^"]*)"', img)
            assert alt and alt.group(1).strip(), f"{name}: image without alt text: {img[:160]}"
    for path in NOTEBOOKS:
        figures = re.findall(r'<img\b[^>]*src="../_images/[^"]+"[^>]*>', _page(site, f"notebooks/{path.stem}.html"))
        stored = [out["metadata"]["image/png"]["alt"] for cell in nbformat.read(path, as_version=4).cells
                  if cell.cell_type == "code" for out in cell.outputs if "image/png" in out.get("data", {})]
        alts = [html.unescape(re.search(r'\salt="([^"]*)"', img).group(1)) for img in figures]
        assert alts == stored, f"{path.name}: the site's alt texts are not the notebook's"


@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_every_figure_opens_at_full_size(site, page):
    """On a phone a figure's labels can be too small: each figure links to its own image file."""
    text = _page(site, page)
    figures = re.findall(r'<img\b[^>]*src="(\.\./_images/[^"]+)"', text)
    linked = re.findall(r'<a class="[^"]*netlib-figure-link[^"]*" href="([^"]+)">\s*<img\b[^>]*src="([^"]+)"', text)
    assert sorted(src for _href, src in linked) == sorted(figures)
    for href, src in linked:
        assert href == src and (site / "notebooks" / href).resolve().is_file(), href


def test_no_page_loads_anything_from_outside_the_site(site):
    """Read from the files: no script, style sheet, font or image from another host (the browser test below
    checks what a page actually requests)."""
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for url in re.findall(rf"<{tag}\b[^>]*\s{attr}=\"([^\"]+)\"", text):
                assert not re.match(r"(https?:)?//", url), f"{page.relative_to(site)} loads {url}"
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", css.read_text(encoding="utf-8")):
            pytest.fail(f"{css.relative_to(site)} loads {url}")


# --- in the browser -----------------------------------------------------------------------------------------
class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output readable
        pass


@pytest.fixture(scope="module")
def server(site):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def axe() -> Path:
    if not AXE.exists():
        npm = shutil.which("npm")
        if npm is None:
            _skip_or_fail("npm not found (Debian: apt-get install -y nodejs npm); the accessibility test needs "
                          "axe-core from npm")
        done = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=ROOT / "site", capture_output=True,
                              text=True, timeout=600)
        assert done.returncode == 0, f"npm ci failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    return AXE


@pytest.fixture(scope="module")
def browser():
    reason = skip_reason()
    if reason:
        _skip_or_fail(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


class Visit:
    """A page opened with every request outside ``allowed`` blocked and recorded, and console errors collected."""

    def __init__(self, browser, allowed: str, width: int = 1280, mode: str = "light"):
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        # the theme's light/dark switch keeps the reader's choice in localStorage
        self.context.add_init_script(f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}');")
        self.blocked: list[str] = []
        self.loaded: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.set_default_timeout(30_000)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.allowed = allowed

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.allowed) or url.startswith("data:") or url.startswith("blob:"):
            self.loaded.append(url)
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def open(self, url: str):
        self.page.goto(url, wait_until="load")
        self.page.wait_for_load_state("networkidle")
        return self.page

    def close(self):
        self.context.close()


PAGE_BUDGET = 1_500_000  # bytes a page may load, uncompressed (as python -m http.server sends them)


def _bytes_loaded(site: Path, server: str, urls: list[str]) -> int:
    """The size of every file of the site a page loaded (each once), in bytes."""
    paths = {urlparse(u).path for u in urls if u.startswith(server)}
    return sum((site / p.lstrip("/")).stat().st_size for p in paths if (site / p.lstrip("/")).is_file())


_AXE_RUN = """async () => {
    const r = await axe.run(document, {resultTypes: ['violations']});
    return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' :: ' + n.failureSummary.slice(0, 200))}));
}"""


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_page_in_the_browser(browser, site, server, axe, name, mode):
    visit = Visit(browser, server, mode=mode)
    try:
        page = visit.open(f"{server}/{name}")
        assert page.evaluate("document.documentElement.dataset.theme") == mode
        missing = page.evaluate("() => [...document.images].filter(i => !(i.getAttribute('alt') || '').trim())"
                                ".map(i => i.src)")
        assert not missing, f"images without alt text: {missing}"
        broken = page.evaluate("() => [...document.images].filter(i => i.complete && i.naturalWidth === 0)"
                               ".map(i => i.src)")
        assert not broken, f"images that did not load: {broken}"
        weight = _bytes_loaded(site, server, visit.loaded)
        assert weight <= PAGE_BUDGET, f"{name} loads {weight / 1e6:.2f} MB (budget {PAGE_BUDGET / 1e6} MB)"
        page.add_script_tag(path=str(axe))
        violations = page.evaluate(_AXE_RUN)
        assert not violations, json.dumps(violations, indent=1)
        assert not visit.blocked, f"requests outside the site: {visit.blocked}"
        assert not visit.errors, f"console errors: {visit.errors}"
    finally:
        visit.close()


def test_pages_opened_from_a_folder_request_nothing_outside_it(browser, site):
    """Opened as files (a copied folder, no server): the pages still request nothing but their own files."""
    visit = Visit(browser, site.as_uri())
    try:
        for name in ("index.html", NOTEBOOK_PAGES[2], "search.html"):
            page = visit.open((site / name).as_uri())
            assert page.locator("main").count() == 1 and NOTICE in page.inner_text("body")
        assert not visit.blocked, f"requests outside the folder: {visit.blocked}"
        assert not visit.errors, f"console errors: {visit.errors}"
    finally:
        visit.close()


def test_icons_come_from_the_web_font_not_fontawesome_js(site, browser, server):
    """The theme's 1.5 MB fontawesome.js is not loaded (site/templates/static/webpack-macros.html); the icons a
    reader needs (launch, search, menu, light/dark) are drawn from the theme's solid web font."""
    for name in PAGES:
        assert "fontawesome.js" not in _page(site, name), name
    assert (site / "_static" / "netlib-icons.woff2").stat().st_size < 10_000  # the subset, not the whole font
    assert not (site / "_static" / "scripts" / "fontawesome.js").exists() and not list(site.rglob("*.map"))
    visit = Visit(browser, server)
    try:
        page = visit.open(f"{server}/{NOTEBOOK_PAGES[2]}")
        page.evaluate("document.fonts.ready")
        for icon, code in (("fa-rocket", "\uf135"), ("fa-magnifying-glass", "\uf002"), ("fa-bars", "\uf0c9")):
            content = page.evaluate(f"getComputedStyle(document.querySelector('.{icon}'), '::before').content")
            assert content == f'"{code}"', (icon, content)
        assert page.evaluate("[...document.fonts].some(f => f.family.includes('Font Awesome 7 Free') && f.status === 'loaded')")
        fonts = [u for u in visit.loaded if u.endswith((".woff2", ".woff", ".ttf"))]
        assert all(u.endswith("/_static/netlib-icons.woff2") for u in fonts), fonts
        assert not visit.errors and not visit.blocked
    finally:
        visit.close()


def test_search_finds_ki67(browser, server):
    visit = Visit(browser, server)
    try:
        page = visit.open(f"{server}/search.html?q=Ki-67")
        page.wait_for_selector("#search-results ul.search li", timeout=30_000)
        hits = page.locator("#search-results ul.search li a").evaluate_all("as => as.map(a => a.href)")
        assert any("02_who_classification_and_grading" in h for h in hits), hits
        assert any("03_counting_ki67_and_mitoses" in h for h in hits), hits
        assert not visit.blocked and not visit.errors, (visit.blocked, visit.errors)
    finally:
        visit.close()


@pytest.mark.parametrize("name", NOTEBOOK_PAGES)
def test_a_self_check_works_on_the_site(browser, server, name):
    """Without a kernel: a wrong answer names the misconception and reveals nothing, a right one the explanation."""
    visit = Visit(browser, server)
    try:
        page = visit.open(f"{server}/{name}")
        answer_a_self_check_wrong_then_right(page)
        assert not visit.errors, visit.errors
    finally:
        visit.close()


def test_a_phone_sized_screen_shows_the_notice_and_the_content(browser, server):
    visit = Visit(browser, server, width=390)
    try:
        page = visit.open(f"{server}/{NOTEBOOK_PAGES[2]}")
        assert NOTICE in page.locator(".bd-header-announcement").inner_text()
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"the page scrolls sideways by {overflow} px on a phone"
    finally:
        visit.close()
