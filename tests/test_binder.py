"""Binder-readiness: .binder/ against pyproject.toml and repo2docker's conventions, and repo2docker itself.

repo2docker looks for configuration in binder/ or .binder/ (having both is an error) and then ignores
the top-level files, a top-level Dockerfile included (only .binder/Dockerfile would override everything);
with an environment.yml it builds the conda environment before copying the repository in, so the
environment cannot install the local package (a postBuild script does that); it reads only an exact
Python version (``python=x.y``): a minimum falls back to its default Python.
Binder itself is not reachable from here, but ``jupyter-repo2docker --no-build`` renders the Dockerfile
it would build, offline and without a Docker daemon, so the last test runs that on a clean clone.
"""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from packaging.specifiers import SpecifierSet

from tests.test_project import CONDA_NAMES, _norm

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
BINDER = ROOT / ".binder"


def _env(path: Path) -> dict:
    return yaml.safe_load(path.read_text())


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def _name(req: str) -> str:
    """Conda-spelled package name of a pip requirement or conda spec: 'playwright>=1.40' -> 'playwright-python'."""
    return re.match(r"[A-Za-z0-9._-]+", _norm(req)).group(0)


def _python_pin(path: Path = BINDER / "environment.yml") -> str:
    deps = _env(path)["dependencies"]
    pins = [d for d in deps if isinstance(d, str) and re.match(r"python\b", d)]
    assert len(pins) == 1, f"one python entry, got {pins}"
    m = re.fullmatch(r"python=(3\.\d+)", pins[0].replace(" ", ""))
    assert m, f"repo2docker needs an exact Python version (python=3.x), got {pins[0]!r}"
    return m.group(1)


def test_binder_folder_and_no_dockerfile():
    assert BINDER.is_dir() and (BINDER / "environment.yml").is_file() and (BINDER / "postBuild").is_file()
    assert not (ROOT / "binder").exists(), "repo2docker refuses both binder/ and .binder/"
    assert not (BINDER / "Dockerfile").exists(), "a .binder/Dockerfile would replace environment.yml and postBuild"
    assert not (ROOT / "Dockerfile").exists(), "repo2docker ignores it (.binder/ exists): it would only mislead"


def test_binder_environment_is_the_runtime_dependencies():
    """Exactly pyproject's [project] dependencies (conda spelling), one exact Python, pip, conda-forge."""
    env = _env(BINDER / "environment.yml")
    deps = env["dependencies"]
    assert env["channels"] == ["conda-forge"]
    assert not [d for d in deps if isinstance(d, dict)], "no pip section: the source tree is not there yet"
    assert "pip" in deps, "postBuild installs netlib with pip"
    pin = _python_pin()
    assert pin in SpecifierSet(_project()["requires-python"]), f"python={pin} outside requires-python"
    runtime = [d for d in deps if isinstance(d, str) and not re.match(r"(python|pip)\b", d)]
    wanted = [_norm(r) for r in _project()["dependencies"]]
    assert sorted(_norm(d) for d in runtime) == sorted(wanted), (
        f"only in .binder: {sorted(set(map(_norm, runtime)) - set(wanted))}; "
        f"only in pyproject: {sorted(set(wanted) - set(map(_norm, runtime)))}")


def test_binder_environment_has_no_test_tools():
    """Neither the test tools nor the site's build tools (the docs extra, which the test extra pulls in)."""
    extras = _project()["optional-dependencies"]
    test_extra = {_name(r) for name in ("test", "docs") for r in extras[name] if not r.startswith("netlib[")}
    assert set(CONDA_NAMES.values()) <= test_extra, "conda spelling: playwright is playwright-python"
    binder = {_name(d) for d in _env(BINDER / "environment.yml")["dependencies"] if isinstance(d, str)}
    assert not binder & test_extra, f"test tools in .binder/environment.yml: {sorted(binder & test_extra)}"


def test_post_build_installs_netlib():
    post = BINDER / "postBuild"
    text = post.read_text()
    assert text.startswith("#!") and os.access(post, os.X_OK)
    assert re.search(r"^python -m pip install --no-deps -e \.$", text, flags=re.M)


def test_readme_badge_opens_notebook_00():
    readme = (ROOT / "README.md").read_text()
    m = re.search(r"\(https://mybinder\.org/v2/gh/[^)]*urlpath=lab/tree/([^)\s]+)\)", readme)
    assert m, "README needs a Binder badge whose urlpath opens a notebook"
    assert (ROOT / m.group(1)).is_file() and m.group(1) == "notebooks/00_start_here.ipynb"


def test_repo2docker_accepts_the_binder_folder(tmp_path):
    """repo2docker (--no-build: render the Dockerfile only) on a clean clone of the committed HEAD.

    Uncommitted changes are not in the clone on purpose: this checks what Binder would get. Offline and
    without Docker: DOCKER_HOST points at a socket that does not exist, so contacting Docker would fail.
    """
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed: cannot make a clean clone")
    if subprocess.run([git, "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True).returncode != 0:
        pytest.skip(f"{ROOT} is not a git checkout with a commit")
    r2d = shutil.which("jupyter-repo2docker", path=str(Path(sys.executable).parent))
    assert r2d, "jupyter-repo2docker is missing next to this Python: install the test extra (pip install -e '.[test]')"

    clone = tmp_path / "clone"
    subprocess.run([git, "clone", "-q", str(ROOT), str(clone)], check=True, timeout=120)
    env = {**os.environ, "DOCKER_HOST": f"unix://{tmp_path / 'no-docker.sock'}"}
    # cwd=tmp_path: repo2docker loads a repo2docker_config.py from its working directory, if any
    run = subprocess.run([r2d, "--no-build", "--no-run", "--debug", str(clone)], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    log, dockerfile = run.stderr, run.stdout
    assert run.returncode == 0, f"repo2docker exited {run.returncode}:\n{log}\n{dockerfile}"

    assert f"Using local repo {clone}." in log
    assert (clone / ".binder" / "environment.yml").is_file(), "HEAD has no .binder/environment.yml: commit it"
    # logged only by CondaBuildPack (and the Python buildpack built on it), with the version read from .binder
    assert f"Building conda environment for python={_python_pin(clone / '.binder' / 'environment.yml')}\n" in log
    # CondaBuildPack's pre-assemble step: copy the .binder environment file and update the env from it
    assert re.search(r"^COPY \S+ src/\.binder/environment\.yml \$\{REPO_DIR\}/\.binder/environment\.yml$",
                     dockerfile, flags=re.M), dockerfile
    assert '--file ".binder/environment.yml"' in dockerfile
    assert '--file "environment.yml"' not in dockerfile, "the top-level environment.yml must be ignored"
    # and postBuild runs after the repository is copied in
    copy_src = dockerfile.index("COPY --chown=0:0 src/ ${REPO_DIR}/")
    assert "RUN ./.binder/postBuild" in dockerfile[copy_src:]
