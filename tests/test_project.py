"""Project-level promises: sources resolve, environments agree, import stays light, notebooks are clean."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from netlib import references
from netlib.criteria import TABLES

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_every_table_source_resolves():
    for t in TABLES.values():
        for key in t.sources:
            references.get(key)


def test_reference_lookup_error_names_key():
    with pytest.raises(ValueError, match="nonexistent"):
        references.get("nonexistent")
    assert "who2019_digestive" in references.render_markdown(["who2019_digestive"])
    assert references.render_html(["who2019_digestive"]).startswith("<ol>")


#: pip name -> conda-forge name where they differ
CONDA_NAMES = {"playwright": "playwright-python"}


def _norm(req: str) -> str:
    req = re.sub(r"\s+", "", req.split(";")[0]).lower()
    for pip_name, conda_name in CONDA_NAMES.items():
        if re.match(rf"{pip_name}\b(?!-)", req):
            req = conda_name + req[len(pip_name):]
    return req


def test_environment_yml_matches_pyproject():
    py = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_norm(r) for r in py["dependencies"] + py["optional-dependencies"]["test"]
              if "python_version" not in r}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {_norm(d) for d in env["dependencies"] if isinstance(d, str) and not re.match(r"(python|pip)\b", d)}
    assert conda == wanted, f"only in pyproject: {wanted - conda}; only in environment.yml: {conda - wanted}"
    pip = [d for d in env["dependencies"] if isinstance(d, dict)][0]["pip"]
    assert "-e ." in pip, "environment.yml must install netlib itself"
    assert "conda-forge" in env["channels"]
    python = [d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python")][0]
    assert python.replace(" ", "") == "python" + py["requires-python"]


def test_import_netlib_is_light():
    code = ("import sys, netlib; bad = [m for m in ('matplotlib', 'ipywidgets', 'pandas', 'numpy') "
            "if m in sys.modules]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    cmds = re.findall(r"^(python3 scripts/quickstart\.py \w+)$", readme, flags=re.M)
    assert "python3 scripts/quickstart.py test" in cmds and "python3 scripts/quickstart.py lab" in cmds
    assert "python3 scripts/quickstart.py test" in ci.splitlines()
    assert "not a clinical decision tool" in readme


# --- notebook hygiene ---------------------------------------------------------------------------
MAX_NOTEBOOK_BYTES = 1_000_000


def test_there_are_notebooks():
    assert NOTEBOOKS and NOTEBOOKS[0].name == "00_start_here.ipynb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_hygiene(path):
    text = path.read_text()
    nb = json.loads(text)
    assert re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", path.name)
    assert nb["metadata"].get("kernelspec", {}).get("name") == "python3", "kernelspec must be python3"
    assert "widgets" not in nb["metadata"], "saved widget state: re-run scripts/execute_notebooks.py"
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    counts = [c["execution_count"] for c in code]
    assert counts == list(range(1, len(code) + 1)), "execution counts must be 1..n: re-execute top to bottom"
    for c in nb["cells"]:
        assert "execution" not in c.get("metadata", {}), "execution timestamps saved"
    assert len(text.encode()) <= MAX_NOTEBOOK_BYTES
    assert not re.search(r"/(root|home|tmp|work|Users)/\w", text), "absolute path of the author's machine"
    for c in code:
        src = "".join(c["source"])
        if "NBVAL_IGNORE_OUTPUT" in src:
            line = next(ln for ln in src.splitlines() if "NBVAL_IGNORE_OUTPUT" in ln)
            assert len(line.split("NBVAL_IGNORE_OUTPUT", 1)[1].strip(" :-")) > 5, "say why output is ignored"
        last = src.rstrip().splitlines()[-1] if src.strip() else ""
        assert not last.rstrip().endswith(";"), (
            "a trailing ';' does not suppress output under nbval (it runs cells with store_history=False), so the "
            "stored and the tested outputs differ; assign instead, e.g. fig = plots.x()")
    first = "".join(nb["cells"][0]["source"])
    assert nb["cells"][0]["cell_type"] == "markdown" and "objectives" in first.lower()
    text_all = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown").lower()
    for heading in ("key points", "references"):
        assert heading in text_all or path.name.startswith("00_"), f"missing a '{heading}' section"
