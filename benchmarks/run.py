#!/usr/bin/env python3
"""Print the collection's performance figures as ratios measured in the same run.

    .venv/bin/python benchmarks/run.py            # everything (about 3-4 minutes on 2 cores)
    .venv/bin/python benchmarks/run.py --quick    # skip the notebook-suite timings

Machines are noisy: every figure is compared with a floor measured alongside it, and each
timing is the median (or best, for micro-benchmarks) of several repeats. Targets are printed
next to the figures; they are goals for a person to act on, not assertions.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="skip the notebook-suite timings")
    args = ap.parse_args()
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores; {time.strftime('%Y-%m-%d')}")
    import_time()
    grading()
    if not args.quick:
        notebooks()
    return 0


if __name__ == "__main__":
    sys.exit(main())
