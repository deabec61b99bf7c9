#!/usr/bin/env python3
"""Set up and run the collection with nothing but Python >= 3.10 and pip.

    python3 scripts/quickstart.py lab    # create .venv, install, open JupyterLab at notebook 00
    python3 scripts/quickstart.py test   # create .venv, install with test extras, run all tests

Installs into ./.venv (override with NETLIB_VENV). Re-installs only when pyproject.toml changes.
Extra arguments are passed on to jupyter lab / pytest.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(os.environ.get("NETLIB_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def ensure_installed(extra: str) -> None:
    if sys.version_info < (3, 10):
        sys.exit(f"Python >= 3.10 is needed, this is {sys.version.split()[0]}")
    if not PY.exists():
        print(f"[quickstart] creating virtual environment in {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".netlib-{extra or 'base'}.sha256"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    target = f"{ROOT}[{extra}]" if extra else str(ROOT)
    print(f"[quickstart] installing netlib{'[' + extra + ']' if extra else ''} (editable)", flush=True)
    subprocess.run([str(PY), "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", target], check=True)
    stamp.write_text(digest)


def clean_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)  # would leak into kernels and suppress figure output (nbval trap)
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"  # silences a debugger warning on stderr in kernels
    return env


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("lab", "test"):
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    if cmd == "lab":
        ensure_installed("")
        root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []  # JupyterLab refuses root otherwise
        return subprocess.call([str(BIN / "jupyter"), "lab", "notebooks/00_start_here.ipynb", *root, *rest],
                               cwd=ROOT, env=clean_env())
    ensure_installed("test")
    code = subprocess.call([str(PY), "-m", "pytest", *rest], cwd=ROOT, env=clean_env())
    if code == 5:
        print("[quickstart] pytest collected no tests: treated as a failure", file=sys.stderr)
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
