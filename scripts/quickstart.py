#!/usr/bin/env python3
"""Set up and run the collection with nothing but Python >= 3.10 and pip.

    python3 scripts/quickstart.py lab    # create .venv, install, open JupyterLab at notebook 00 (prints its link)
    python3 scripts/quickstart.py test   # create .venv, install with test extras, run all tests
    python3 scripts/quickstart.py site   # create .venv, install with docs extras, build the course site

Installs into ./.venv (override with NETLIB_VENV). Re-installs only when pyproject.toml changes.
Extra arguments are passed on to jupyter lab / pytest / sphinx-build.
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


START = "notebooks/00_start_here.ipynb"


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def lab_command(rest: list[str]) -> list[str]:
    """The ``jupyter lab`` command that opens notebook 00, and print the direct link to it.

    Unless the caller passes its own ``--port`` or token, a free port and a fresh token are chosen here, so the
    link to notebook 00 can be printed before the server starts (useful with ``--no-browser``, e.g. on a remote
    machine or in a container).
    """
    import secrets

    args = [str(BIN / "jupyter"), "lab", START]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")  # JupyterLab refuses to run as root otherwise
    if not any(a.startswith(("--port", "--IdentityProvider.token", "--ServerApp.token")) for a in rest):
        port, token = _free_port(), secrets.token_hex(16)
        args += [f"--port={port}", f"--IdentityProvider.token={token}"]
        # JupyterLab serves the notebook's folder (notebooks/), so the notebook sits at the top of the tree
        print(f"[quickstart] notebook 00 will open at http://localhost:{port}/lab/tree/{Path(START).name}?token={token}\n"
              "[quickstart] (paste that link into a browser if none opens; stop the server with Ctrl+C)", flush=True)
    return args + rest


SITE_OUT = ROOT / "_build" / "html"


def site_command(out: Path = SITE_OUT, python: Path = PY) -> list[str]:
    """The sphinx-build command that builds the course site (conf.py at the repository root) into ``out``.

    The notebooks are rendered from their stored outputs (conf.py sets ``nb_execution_mode = "off"``). Warnings
    (a broken link, say) fail the build (``-W``), all of them reported (``--keep-going``). Every page is read and
    written afresh (``-E``): the build takes seconds, and a change to ``site/`` then never leaves a stale page.
    """
    return [str(python), "-m", "sphinx", "-b", "html", "-E", "-q", "-W", "--keep-going", str(ROOT), str(out)]


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("lab", "test", "site"):
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    if cmd == "lab":
        ensure_installed("")
        env = clean_env()
        # .jupyter/jupyter_server_config.py: saving an unchanged notebook leaves it as committed
        env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(filter(None, [str(ROOT / ".jupyter"),
                                                                    env.get("JUPYTER_CONFIG_PATH")]))
        return subprocess.call(lab_command(rest), cwd=ROOT, env=env)
    if cmd == "site":
        ensure_installed("docs")
        code = subprocess.call(site_command() + rest, cwd=ROOT, env=clean_env())
        if code == 0:
            print(f"[quickstart] the course site is in {SITE_OUT.relative_to(ROOT)}: open "
                  f"{(SITE_OUT / 'index.html').relative_to(ROOT)} in a browser, or serve it with\n"
                  f"[quickstart]   python3 -m http.server --directory {SITE_OUT.relative_to(ROOT)} 8000"
                  "   (then open http://localhost:8000)", flush=True)
        return code
    ensure_installed("test")
    code = subprocess.call([str(PY), "-m", "pytest", *rest], cwd=ROOT, env=clean_env())
    if code == 5:
        print("[quickstart] pytest collected no tests: treated as a failure", file=sys.stderr)
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
