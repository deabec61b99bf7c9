"""Binder-readiness, checked against repo2docker's documented conventions (Binder itself is not reachable).

repo2docker looks for configuration in binder/ or .binder/ first and then ignores the top-level
files; with an environment.yml it builds the conda environment before copying the repository in,
so the environment cannot install the local package (a postBuild script does that); it needs an
exact Python version rather than a minimum; a top-level Dockerfile would override everything.
"""
import os
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BINDER = ROOT / ".binder"


def _deps(path: Path) -> list:
    return yaml.safe_load(path.read_text())["dependencies"]


def test_binder_folder_and_no_dockerfile():
    assert BINDER.is_dir() and (BINDER / "environment.yml").is_file() and (BINDER / "postBuild").is_file()
    assert not (ROOT / "Dockerfile").exists() and not (ROOT / "binder").exists()


def test_binder_environment_matches_the_conda_one():
    top = [d for d in _deps(ROOT / "environment.yml") if isinstance(d, str) and not re.match(r"python\b", d)]
    binder = _deps(BINDER / "environment.yml")
    assert not [d for d in binder if isinstance(d, dict)], "no pip section: the source tree is not there yet"
    pins = [d for d in binder if isinstance(d, str) and re.match(r"python\b", d)]
    assert len(pins) == 1 and re.fullmatch(r"python=3\.\d+", pins[0]), "repo2docker needs an exact Python version"
    assert [d for d in binder if isinstance(d, str) and not re.match(r"python\b", d)] == top
    assert "pip" in binder
    assert yaml.safe_load((BINDER / "environment.yml").read_text())["channels"] == ["conda-forge"]


def test_post_build_installs_netlib():
    post = BINDER / "postBuild"
    text = post.read_text()
    assert text.startswith("#!") and os.access(post, os.X_OK)
    assert re.search(r"pip install .*-e \.", text)


def test_readme_badge_opens_notebook_00():
    readme = (ROOT / "README.md").read_text()
    m = re.search(r"\(https://mybinder\.org/v2/gh/[^)]*urlpath=lab/tree/([^)\s]+)\)", readme)
    assert m, "README needs a Binder badge whose urlpath opens a notebook"
    assert (ROOT / m.group(1)).is_file() and m.group(1) == "notebooks/00_start_here.ipynb"
