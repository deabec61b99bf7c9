#!/usr/bin/env python3
"""Print the collection's performance figures as ratios measured in the same run.

    .venv/bin/python benchmarks/run.py               # everything (about 8-10 minutes on 2 cores)
    .venv/bin/python benchmarks/run.py --quick       # skip the notebook-suite timings and Lighthouse
    .venv/bin/python benchmarks/run.py --skip-site   # skip the whole course-site section
    .venv/bin/python benchmarks/run.py --site-only   # only the course-site section (about 4-5 minutes)
    .venv/bin/python benchmarks/run.py --site-only --lighthouse-runs 3   # median of 3 Lighthouse runs (+ 4-7 min)

Machines are noisy: every figure is compared with a floor measured alongside it, and each
timing is the median (or best, for micro-benchmarks) of several repeats. Targets are printed
next to the figures; they are goals for a person to act on, not assertions.

The course-site section builds the site (``scripts/quickstart.py site_command``) into a temporary folder, timed
against the same command on a one-page source folder with the same conf.py (Sphinx + theme + extensions: the
floor); measures its size on disk; serves it on 127.0.0.1 (Python's ThreadingHTTPServer) and opens every page in
Chromium through Playwright, adding up what each page loads (as served, uncompressed, and gzip-compressed as a
static host would send it; target <= 1.5 MB per page); then runs Lighthouse 12 (npm, pinned in
benchmarks/package.json, installed with ``npm ci`` into benchmarks/node_modules when missing; Lighthouse 13 needs
Node >= 22) on the landing page and notebooks 02 and 08, mobile and desktop, against the plain server and a
gzip-compressing one (targets: performance >= 90, accessibility 100). ``--quick`` keeps the build, size and page
weights but skips Lighthouse (about 3 of the section's 4-5 minutes). Missing Chromium, Playwright, node or npm
skips the part that needs it, with a line saying why. Nothing here needs the internet: Lighthouse's own run is
offline (no field data: CrUX is only in PageSpeed Insights; error reporting is switched off), requests Lighthouse sees
outside 127.0.0.1 are listed, and the page-weight browser blocks and lists any. (Chromium itself looks up a few
Google hosts at start, for accounts and updates; offline those look-ups fail without effect on the figures.)
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

try:
    import resource
except ImportError:  # Windows: no CPU times of children
    resource = None

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def _run(cmd, **kw) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    return time.perf_counter() - t


def import_time(repeats: int = 21) -> None:
    bare, imp = [], []
    for _ in range(repeats):  # interleaved, so drift hits both alike
        bare.append(_run([PY, "-c", "pass"]))
        imp.append(_run([PY, "-c", "import netlib"]))
    b, i = statistics.median(bare), statistics.median(imp)
    print("## import netlib")
    print(f"python -c pass     {1000 * b:7.1f} ms (median of {repeats})")
    print(f"python -c 'import netlib' {1000 * i:7.1f} ms")
    print(f"overhead           {1000 * (i - b):7.1f} ms   (target <= 60 ms)   ratio {i / b:.2f}x bare")
    heavy = subprocess.run([PY, "-c", "import sys, netlib; print(sorted(m for m in ('numpy', 'matplotlib', "
                            "'ipywidgets', 'pandas') if m in sys.modules))"], capture_output=True, text=True).stdout
    print(f"heavy modules loaded by import netlib: {heavy.strip()}")


def grading(n: int = 1_000_000, loop_n: int = 20_000) -> None:
    import numpy as np

    from netlib import Findings, grade
    from netlib.data.criteria import WHO_2022_DIGESTIVE
    from netlib.grading import grade_array

    rng = np.random.default_rng(0)
    k, m = rng.uniform(0, 40, n), rng.uniform(0, 30, n)
    cut_k = np.array([3.0, np.nextafter(20.0, np.inf)])
    cut_m = np.array([2.0, np.nextafter(20.0, np.inf)])

    def best(f, repeats=7):
        ts = []
        for _ in range(repeats):
            t = time.perf_counter()
            f()
            ts.append(time.perf_counter() - t)
        return min(ts)

    t_floor = best(lambda: np.maximum(np.searchsorted(cut_k, k, side="right"), np.searchsorted(cut_m, m, side="right")))
    t_vec = best(lambda: grade_array(k, m, WHO_2022_DIGESTIVE))
    t0 = time.perf_counter()
    for i in range(loop_n):
        grade(Findings(differentiation="well", ki67_percent=float(k[i]), mitoses_per_2mm2=float(m[i])))
    t_loop = (time.perf_counter() - t0) * n / loop_n
    print(f"\n## grading {n:,} cases")
    print(f"numpy floor (2 searchsorted + maximum) {1000 * t_floor:9.1f} ms")
    print(f"grade_array                            {1000 * t_vec:9.1f} ms   {t_vec / t_floor:5.2f}x floor "
          "(target <= 5x)")
    print(f"loop over grade() (timed on {loop_n:,}, scaled) {t_loop:7.1f} s    {t_loop / t_vec:7.0f}x slower than "
          "grade_array (target >= 50x)")


def _empty_notebooks(folder: Path, n: int, source: str = "1 + 1") -> None:
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    for i in range(n):
        nb = new_notebook(cells=[new_code_cell(source + "\n1 + 1")])
        nb.cells[0].execution_count = 1
        nb.cells[0].outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "2"}, execution_count=1)]
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, folder / f"{i:02d}_empty.ipynb")


def notebooks(repeats: int = 3) -> None:
    nbs = sorted((ROOT / "notebooks").glob("*.ipynb"))
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    base = [PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval", "--nbval-current-env",
            "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg"), "-o", "addopts="]
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty"
        empty.mkdir()
        _empty_notebooks(empty, len(nbs))
        stack = Path(tmp) / "stack"
        stack.mkdir()
        # the same number of notebooks that only import what every real notebook imports
        _empty_notebooks(stack, len(nbs), "from netlib import plots, widgets")
        print(f"\n## notebook suite ({len(nbs)} notebooks) under strict nbval, median of {repeats}")
        for label, extra in (("serial", []), ("-n 2 --dist loadscope", ["-n", "2", "--dist", "loadscope"])):
            real = statistics.median(_run(base + extra + [str(p) for p in nbs], cwd=ROOT, env=env)
                                     for _ in range(repeats))
            floor = statistics.median(_run(base + extra + [str(empty)], cwd=tmp, env=env) for _ in range(repeats))
            imports = statistics.median(_run(base + extra + [str(stack)], cwd=tmp, env=env) for _ in range(repeats))
            print(f"{label:22} suite {real:6.1f} s   empty floor {floor:6.1f} s   ratio {real / floor:4.2f}x "
                  f"(target <= 1.3x);   import-only floor {imports:6.1f} s   ratio {real / imports:4.2f}x")
    print("\n## per-notebook execution (fresh kernel, nbclient)")
    import nbformat
    from nbclient import NotebookClient

    for p in nbs:
        nb = nbformat.read(p, as_version=4)
        t = time.perf_counter()
        NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(p.parent)}}).execute()
        total = time.perf_counter() - t
        cells = sum(c.cell_type == "code" for c in nb.cells)
        print(f"{p.name:45} {total:5.1f} s  ({cells} code cells)")


# --- the course site -----------------------------------------------------------------------------------------
PAGE_TARGET = 1_500_000  # bytes transferred per page: 1.5 MB (decimal megabytes throughout)
LH_PAGES = ("index.html", "notebooks/02_who_classification_and_grading.html", "notebooks/08_case_workshop.html")
BENCH = ROOT / "benchmarks"
LH_CLI = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
LH_CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                   "--disable-component-update --no-first-run --disable-sync")
LH_METRICS = (("first-contentful-paint", "FCP"), ("largest-contentful-paint", "LCP"), ("total-blocking-time", "TBT"),
              ("cumulative-layout-shift", "CLS"), ("speed-index", "SI"))
_TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


def _mb(n: float) -> str:
    return f"{n / 1e6:6.2f} MB"


def _timed(cmd, **kw) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system of the child) of a command that must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN) if resource else None
    t = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, **kw)
    wall = time.perf_counter() - t
    if done.returncode:
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed:\n{done.stderr[-3000:]}")
    if before is None:
        return wall, float("nan")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def _quickstart():
    spec = importlib.util.spec_from_file_location("quickstart", ROOT / "scripts" / "quickstart.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def site_build(tmp: Path, repeats: int = 3) -> Path:
    """Build the site ``repeats`` times into fresh folders (so no doctree cache); return the last build.

    The floor is the same command, same conf.py (theme, MyST-NB, the netlib extension, static files), on a source
    folder holding one empty page: Sphinx's fixed cost. What the build takes beyond it is the course's content.
    """
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    site_cmd = _quickstart().site_command
    empty = tmp / "empty-src"
    empty.mkdir()
    (empty / "index.md").write_text("# Empty\n\nOne empty page.\n")
    startup = statistics.median(_timed([PY, "-m", "sphinx", "--version"])[0] for _ in range(5))
    full, bare = [], []
    for i in range(repeats):  # interleaved, so drift hits both alike
        out = tmp / "site"
        shutil.rmtree(out, ignore_errors=True)
        full.append(_timed(site_cmd(out, python=Path(PY)), cwd=ROOT, env=env))
        cmd = site_cmd(tmp / "empty-out", python=Path(PY))
        bare.append(_timed([*cmd[:-2], "-c", str(ROOT), str(empty), str(tmp / f"empty-out{i}")], cwd=ROOT, env=env))
    fw, fc = statistics.median(w for w, _ in full), statistics.median(c for _, c in full)
    bw, bc = statistics.median(w for w, _ in bare), statistics.median(c for _, c in bare)
    pages = len(_pages(out))
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    print(f"\n## course site: build (sphinx-build -W, fresh output folder each time), median of {repeats}; "
          f"load average {load}")
    print(f"python -m sphinx --version          {startup:6.2f} s wall")
    print(f"same conf.py, one empty page        {bw:6.2f} s wall {bc:6.2f} s CPU   (Sphinx + theme + extensions: "
          "the floor)")
    print(f"the course site ({pages} pages)          {fw:6.2f} s wall {fc:6.2f} s CPU   ratio {fw / bw:4.2f}x floor "
          f"(wall), {fc / bc:4.2f}x (CPU); content adds {fw - bw:5.2f} s; {fw / startup:4.0f}x sphinx startup")
    return out


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if not {"_static", ".doctrees"} & set(p.relative_to(site).parts))


def _size(path: Path) -> int:
    return path.stat().st_size if path.is_file() else sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def site_size(site: Path) -> None:
    files = [p for p in site.rglob("*") if p.is_file() and ".doctrees" not in p.relative_to(site).parts]
    total = sum(p.stat().st_size for p in files)
    html_bytes = sum(_size(site / p) for p in _pages(site))
    parts = [("_images", _size(site / "_images")), ("_static", _size(site / "_static")),
             ("_sources", _size(site / "_sources")), ("HTML pages", html_bytes),
             ("searchindex.js", _size(site / "searchindex.js"))]
    print(f"\n## course site: size on disk ({len(files)} files published; .doctrees, Sphinx's cache in the output "
          "folder, not counted)")
    print(f"total              {total:>11,} bytes {_mb(total)}")
    for label, n in parts + [("everything else", total - sum(n for _, n in parts))]:
        print(f"  {label:16} {n:>11,} bytes {_mb(n)}  {100 * n / total:4.1f} %")
    maps = sum(p.stat().st_size for p in files if p.suffix == ".map")
    print(f"  (of which source maps *.map, never loaded by a page: {maps:,} bytes {_mb(maps).strip()})")
    print(f".doctrees (cache)  {_size(site / '.doctrees'):>11,} bytes")
    print("largest files: " + "; ".join(f"{p.relative_to(site).as_posix()} {p.stat().st_size / 1e6:.2f} MB"
                                       for p in sorted(files, key=lambda p: -p.stat().st_size)[:6]))


def _compressible(content_type: str) -> bool:
    return content_type.split(";")[0].strip().startswith(_TEXT_TYPES)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Gzip(_Quiet):
    """Text files gzip-compressed (level 6) when the client accepts it, as static hosts such as GitHub Pages do."""

    cache: dict[str, bytes] = {}

    def do_GET(self):
        path = self.translate_path(self.path)
        ctype = self.guess_type(path)
        if not (os.path.isfile(path) and _compressible(ctype) and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        if path not in self.cache:
            self.cache[path] = gzip.compress(Path(path).read_bytes(), compresslevel=6)
        body = self.cache[path]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def _serve(site: Path, compress: bool = False):
    handler = functools.partial(_Gzip if compress else _Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _browser_skip_reason() -> str | None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # tests.notebooks.lab: where Chromium is and how it is started
    try:
        from tests.notebooks.lab import skip_reason
    except ImportError as e:  # pytest missing, say
        return f"tests/notebooks/lab.py could not be imported ({e})"
    return skip_reason()


def page_weights(site: Path, base: str) -> None:
    """Open every page in Chromium (1280x900, empty cache) and add up the bodies of everything it loads."""
    reason = _browser_skip_reason()
    if reason:
        print(f"\n## course site: page weight -- SKIPPED: {reason}")
        return
    from playwright.sync_api import Error, sync_playwright

    from tests.notebooks.lab import CHROMIUM, CHROMIUM_ARGS

    rows, outside = [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for name in _pages(site):
                context = browser.new_context(viewport={"width": 1280, "height": 900})

                def route(r):
                    if r.request.url.startswith((base, "data:", "blob:")):
                        r.continue_()
                    else:
                        outside.append(f"{name}: {r.request.url}")
                        r.abort()

                context.route("**/*", route)
                page = context.new_page()
                responses = []
                page.on("response", lambda r: responses.append(r))
                page.goto(f"{base}/{name}", wait_until="load")
                page.wait_for_load_state("networkidle")
                page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")  # anything lazy-loaded
                page.wait_for_timeout(500)
                page.wait_for_load_state("networkidle")
                seen: dict[str, tuple[str, int, int]] = {}  # url -> (kind, bytes, gzip bytes); a repeat is a cache hit
                for r in responses:
                    if not r.url.startswith(base) or r.url in seen:
                        continue
                    try:
                        body = r.body()
                    except Error:  # a redirect has no body
                        continue
                    ctype = r.headers.get("content-type", "")
                    packed = len(gzip.compress(body, compresslevel=6)) if _compressible(ctype) else len(body)
                    seen[r.url] = (r.request.resource_type, len(body), packed)
                context.close()
                rows.append((name, seen))
        finally:
            browser.close()
    print(f"\n## course site: weight of each page in Chromium (every response body, each URL once, after "
          f"networkidle; target <= {PAGE_TARGET / 1e6:.1f} MB)")
    print("  'as served' = this run (Python's http.server sends files uncompressed); 'gzip' = the same bodies "
          "gzip-compressed (level 6), as a host that compresses text would send them")
    print(f"{'page':48} {'req':>3} {'as served':>9} {'':5} {'gzip est.':>9} {'':5}  scripts    css  fonts images  "
          "other (MB, as served)")
    for name, seen in rows:
        raw = sum(b for _, b, _ in seen.values())
        packed = sum(g for _, _, g in seen.values())

        def kind(*types):
            return sum(b for t, b, _ in seen.values() if t in types) / 1e6

        other = raw / 1e6 - kind("script", "stylesheet", "font", "image")
        print(f"{name:48} {len(seen):3} {_mb(raw)} {'ok' if raw <= PAGE_TARGET else 'OVER':5} {_mb(packed)} "
              f"{'ok' if packed <= PAGE_TARGET else 'OVER':5} {kind('script'):7.2f} {kind('stylesheet'):6.2f} "
              f"{kind('font'):6.2f} {kind('image'):6.2f} {other:6.2f}")
    name, seen = max(rows, key=lambda r: sum(b for _, b, _ in r[1].values()))
    raw = sum(b for _, b, _ in seen.values())
    print(f"largest page: {name} {_mb(raw).strip()} as served, "
          f"{_mb(sum(g for _, _, g in seen.values())).strip()} gzip (target <= {PAGE_TARGET / 1e6:.1f} MB); its "
          "largest responses: " + "; ".join(f"{u.removeprefix(base + '/').split('?')[0]} {b / 1e6:.2f} MB"
                                            for u, (_, b, _) in sorted(seen.items(), key=lambda kv: -kv[1][1])[:4]))
    print(f"requests outside the site (blocked): {outside or 'none'}")


def _lighthouse_cli() -> tuple[list[str] | None, str]:
    """The command that runs Lighthouse (npm ci into benchmarks/node_modules first when missing), or why not."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None:
        return None, "node not found (Debian: apt-get install -y nodejs npm)"
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    if tuple(int(x) for x in version.lstrip("v").split(".")[:2]) < (18, 16):
        return None, f"node {version} is too old for Lighthouse 12 (needs >= 18.16)"
    if not LH_CLI.exists():
        if npm is None:
            return None, "npm not found (Debian: apt-get install -y nodejs npm); Lighthouse comes from npm"
        done = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=BENCH, capture_output=True, text=True,
                              timeout=900)
        if done.returncode or not LH_CLI.exists():
            return None, f"npm ci in benchmarks/ failed: {(done.stderr or done.stdout)[-500:].strip()}"
    return [node, str(LH_CLI)], version


def _lighthouse(cli: list[str], chromium: str, url: str, preset: str, out: Path) -> dict:
    cmd = [*cli, url, f"--chrome-flags={LH_CHROME_FLAGS}", "--only-categories=performance,accessibility",
           "--output=json", f"--output-path={out}", "--quiet", "--no-enable-error-reporting"]
    if preset == "desktop":
        cmd.append("--preset=desktop")
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=dict(os.environ, CHROME_PATH=chromium))
    if not out.exists():
        return {"runtimeError": {"code": f"exit {done.returncode}", "message": (done.stderr or done.stdout)[-800:]}}
    return json.loads(out.read_text())


def _score(report: dict, category: str) -> int | None:
    s = report.get("categories", {}).get(category, {}).get("score")
    return None if s is None else round(100 * s)


def lighthouse(site: Path, tmp: Path, runs: int = 1, presets=("mobile", "desktop"), servers=(False, True)) -> None:
    """Each page x preset x server ``runs`` times (interleaved); the run with the median performance score is shown."""
    reason = _browser_skip_reason()
    cli, version = _lighthouse_cli() if not reason else (None, reason)
    if cli is None:
        print(f"\n## Lighthouse -- SKIPPED: {version}")
        return
    from tests.notebooks.lab import CHROMIUM

    every: dict[tuple, list[dict]] = {}
    for compress in servers:
        with _serve(site, compress) as base:
            for i in range(runs):
                for name in LH_PAGES:
                    for preset in presets:
                        out = tmp / f"lh-{len(every)}-{i}.json"
                        every.setdefault((name, preset, "gzip" if compress else "plain", base), []).append(
                            _lighthouse(cli, CHROMIUM, f"{base}/{name}", preset, out))
    reports, spread = [], {}
    for key, rs in every.items():
        ok = sorted((r for r in rs if not r.get("runtimeError")), key=lambda r: _score(r, "performance"))
        reports.append((*key, ok[len(ok) // 2] if ok else rs[0]))
        spread[key[:3]] = (f" ({'/'.join(str(_score(r, 'performance')) for r in ok)})" if runs > 1 else "",
                           sorted({_score(r, "accessibility") for r in ok}))
    lh_version = next((r["lighthouseVersion"] for *_, r in reports if "lighthouseVersion" in r), "?")
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    each = "one run each" if runs == 1 else f"median of {runs} runs by performance score, all scores in brackets"
    print(f"\n## Lighthouse {lh_version} (node {version}; headless Chromium; {each}; scores move between runs and "
          f"drop on a busy machine; load average {load})")
    print("  mobile = default emulation (Moto G Power, simulated slow 4G, 4x CPU slowdown); desktop = --preset=desktop;"
          " server 'plain' = Python's http.server (no compression), 'gzip' = the same with text gzip-compressed")
    col, width = max(len(n) for n in LH_PAGES), max(12, 10 + max(len(p) for p, _ in spread.values()))
    print(f"{'page':{col}} {'preset':7} {'server':6} {'perf (>= 90)':{width}} {'a11y (= 100)':12}  "
          + " ".join(f"{short:>7}" for _, short in LH_METRICS) + "  weight")
    problems = []
    for name, preset, server, base, r in reports:
        if r.get("runtimeError"):
            err = r["runtimeError"]
            print(f"{name:{col}} {preset:7} {server:6} RUNTIME ERROR {err.get('code')}: {err.get('message', '')[:200]}")
            continue
        perf, a11y = _score(r, "performance"), _score(r, "accessibility")
        audits = r["audits"]
        metrics = " ".join(f"{audits[k].get('displayValue', '-'):>7}" for k, _ in LH_METRICS)
        weight = audits["total-byte-weight"]["numericValue"] / 1e6
        runs_perf, a11ys = spread[(name, preset, server)]
        perf_col = f"{perf:4} {'ok' if perf >= 90 else 'BELOW':5}{runs_perf}"
        print(f"{name:{col}} {preset:7} {server:6} {perf_col:{width}} {a11y:4} {'ok' if a11y == 100 else 'BELOW':7}  "
              f"{metrics}  {weight:.2f} MB"
              + (f"   (accessibility differed between runs: {a11ys})" if len(a11ys) > 1 else ""))
        problems.append((name, preset, server, base, r, perf, a11y))
    outside = sorted({i["url"] for *_, base, r, _, _ in problems
                      for i in r["audits"].get("network-requests", {}).get("details", {}).get("items", [])
                      if not i["url"].startswith((base, "data:", "blob:"))})
    all_runs = [r for rs in every.values() for r in rs]
    print(f"runs: {len(all_runs)}; runtime errors: {sum(bool(r.get('runtimeError')) for r in all_runs) or 'none'}; "
          f"warnings: {sorted({w for r in all_runs for w in r.get('runWarnings', [])}) or 'none'}; "
          f"requests outside 127.0.0.1 seen by Lighthouse: {outside or 'none'}")
    shown = set()  # an accessibility failure is listed once per page, with the runs it was found in
    for name, preset, server, base, r, perf, a11y in problems:
        audits = r["audits"]
        failing = [ref for ref in r["categories"]["accessibility"]["auditRefs"]
                   if audits[ref["id"]].get("score") is not None and audits[ref["id"]]["score"] < 1]
        if failing and (name, tuple(f["id"] for f in failing)) not in shown:
            shown.add((name, tuple(f["id"] for f in failing)))
            runs = [f"{p} {s}" for n, p, s, _, x, _, _ in problems if n == name and x["categories"]["accessibility"]
                    ["score"] == r["categories"]["accessibility"]["score"]]
            print(f"\n{name} accessibility {a11y} ({', '.join(runs)}): failing audits")
            for ref in failing:
                a = audits[ref["id"]]
                items = a.get("details", {}).get("items", [])
                print(f"  {ref['id']} (weight {ref['weight']}): {a['title']} -- {len(items)} element(s)")
                for item in items[:8]:
                    node = item.get("node", {})
                    print(f"      {node.get('selector')}  {node.get('snippet', '')[:120]}  "
                          f"text: {node.get('nodeLabel', '')[:80]!r}")
                    if node.get("explanation"):
                        print(f"        {' '.join(node['explanation'].split())[:300]}")
        if perf < 90:
            lcp = audits.get("largest-contentful-paint-element", {}).get("details", {}).get("items", [])
            lcp_node = lcp[0]["items"][0]["node"]["selector"] if lcp and lcp[0].get("items") else "?"
            phases = ", ".join(f"{p['phase']} {p['timing']:.0f} ms" for p in (lcp[1]["items"] if len(lcp) > 1 else []))
            print(f"\n{name} [{preset}, {server}] performance {perf}: "
                  + ", ".join(f"{short} {audits[k]['displayValue']} (score {audits[k]['score']:.2f})"
                              for k, short in LH_METRICS)
                  + f"; TTI {audits['interactive']['displayValue']}")
            print(f"  largest-contentful-paint-element: {lcp_node} ({phases})")
            opps = sorted((a for a in audits.values() if a.get("details", {}).get("type") == "opportunity"
                           and (a["details"].get("overallSavingsMs") or 0) > 0),
                          key=lambda a: -a["details"]["overallSavingsMs"])
            for a in opps[:5]:
                items = sorted(a["details"].get("items", []), key=lambda i: -(i.get("wastedMs") or i.get("wastedBytes")
                                                                               or 0))[:3]
                where = "; ".join(f"{str(i.get('url', '')).removeprefix(base + '/').split('?')[0]}"
                                  + (f" {i['wastedBytes'] / 1e3:.0f} kB" if i.get("wastedBytes") else "")
                                  + (f" {i['wastedMs']:.0f} ms" if i.get("wastedMs") else "") for i in items)
                saved = a["details"]["overallSavingsMs"]
                print(f"  {a['id']}: {a['title']} -- {a.get('displayValue', '')}, est. {saved:.0f} ms  [{where}]")
            for key in ("bootup-time", "mainthread-work-breakdown"):
                if key in audits and audits[key].get("score") is not None and audits[key]["score"] < 0.9:
                    print(f"  {key}: {audits[key]['title']} -- {audits[key].get('displayValue', '')}")


def _with_server(built: Path, part) -> None:
    with _serve(built) as base:
        part(built, base)


def site(quick: bool, lighthouse_runs: int = 1) -> None:
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="netlib-site-") as tmp:
        try:
            built = site_build(Path(tmp))
        except RuntimeError as e:
            print(f"\n## course site -- build FAILED, rest of the section skipped:\n{e}")
            return
        parts = [("size", lambda: site_size(built)), ("page weight", lambda: _with_server(built, page_weights))]
        parts.append(("Lighthouse", lambda: print("\n## Lighthouse -- SKIPPED (--quick)") if quick
                      else lighthouse(built, Path(tmp), runs=lighthouse_runs)))
        for label, part in parts:
            try:
                part()
            except Exception as e:  # one broken part should not hide the others' figures
                print(f"\n## course site: {label} -- FAILED: {type(e).__name__}: {str(e)[:1000]}")
    print(f"\n(site section: {time.perf_counter() - t0:.0f} s)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="skip the notebook-suite timings and Lighthouse")
    ap.add_argument("--skip-site", action="store_true", help="skip the course-site section")
    ap.add_argument("--site-only", action="store_true", help="only the course-site section")
    ap.add_argument("--lighthouse-runs", type=int, default=1, metavar="N",
                    help="Lighthouse runs per page, preset and server; the median is shown (default 1, ~12 s a run)")
    args = ap.parse_args()
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores; {time.strftime('%Y-%m-%d')}")
    if not args.site_only:
        import_time()
        grading()
        if not args.quick:
            notebooks()
    if not args.skip_site:
        site(quick=args.quick, lighthouse_runs=max(1, args.lighthouse_runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
