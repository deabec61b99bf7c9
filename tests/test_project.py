"""Project-level promises: environments agree, import stays light, CI runs the README's command."""
import re
import subprocess
import sys
from pathlib import Path

import yaml

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


#: pip name -> conda-forge name where they differ
CONDA_NAMES = {"playwright": "playwright-python", "brotli": "brotli-python"}


def _norm(req: str) -> str:
    req = re.sub(r"\s+", "", req.split(";")[0]).lower()
    for pip_name, conda_name in CONDA_NAMES.items():
        if re.match(rf"{pip_name}\b(?!-)", req):
            req = conda_name + req[len(pip_name):]
    return req


def test_environment_yml_matches_pyproject():
    py = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = py["optional-dependencies"]
    test = [r for r in extras["test"] if not r.startswith("netlib[")]
    for r in extras["test"]:  # the test extra pulls in other extras of netlib itself ("netlib[docs]")
        if r.startswith("netlib["):
            test += [d for name in r[len("netlib["):-1].split(",") for d in extras[name.strip()]]
    wanted = {_norm(r) for r in py["dependencies"] + test if "python_version" not in r}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {_norm(d) for d in env["dependencies"] if isinstance(d, str) and not re.match(r"(python|pip)\b", d)}
    assert conda == wanted, f"only in pyproject: {wanted - conda}; only in environment.yml: {conda - wanted}"
    pip = [d for d in env["dependencies"] if isinstance(d, dict)][0]["pip"]
    assert "-e ." in pip, "environment.yml must install netlib itself"
    assert "conda-forge" in env["channels"]
    python = [d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python")][0]
    assert python.replace(" ", "") == "python" + py["requires-python"]


def test_import_netlib_is_light():
    """`import netlib` (and the decision API) loads no plotting, widget or array library."""
    code = ("import sys, netlib; from netlib import Findings, grade, stage, recommend, assess; "
            "import netlib.data, netlib.counting, netlib.teaching; "
            "bad = [m for m in ('matplotlib', 'ipywidgets', 'pandas', 'numpy') if m in sys.modules]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_layout_shows_the_architecture():
    """Decisions on top; data, counting and teaching in their folders; nothing imports upwards at import time."""
    pkg = ROOT / "netlib"
    top = {p.stem for p in pkg.glob("*.py")} - {"__init__"}
    assert top == {"findings", "grading", "staging", "treatment", "markers", "assessment", "results", "checks",
                   "errors"}
    assert {p.stem for p in (pkg / "data").glob("*.py")} >= {"criteria", "staging_tables", "treatment_rules",
                                                             "trials", "syndromes", "epidemiology", "references",
                                                             "cases", "source_summary"}
    assert {p.stem for p in (pkg / "counting").glob("*.py")} >= {"ki67", "mitoses", "fields"}
    assert {p.stem for p in (pkg / "teaching").glob("*.py")} >= {"cards", "plots", "widgets", "exercises"}
    # data and counting never import the teaching front ends at module level
    for sub in ("data", "counting"):
        for path in (pkg / sub).glob("*.py"):
            header = [ln for ln in path.read_text().splitlines() if ln.startswith(("import ", "from "))]
            assert not [ln for ln in header if "netlib.teaching" in ln], f"{path.name} imports teaching at load time"
    # the decision packages decide and give feedback; the questions and tables a trainee sees live in teaching/
    for sub in ("hereditary", "biomarkers", "biopsy", "advanced"):
        text = (pkg / sub / "__init__.py").read_text()
        assert "netlib.teaching.questions" not in text and "IPython" not in text, f"{sub} builds questions or tables"
        assert {f"{sub}_questions", f"{sub}_tables"} <= {p.stem for p in (pkg / "teaching").glob("*.py")}


def test_every_error_names_its_argument():
    """netlib raises only InvalidValueError / InvalidTypeError (they carry ``.argument``), never a bare one."""
    offenders = []
    for path in (ROOT / "netlib").rglob("*.py"):
        if path.name == "errors.py":
            continue
        for i, line in enumerate(path.read_text().splitlines(), 1):
            if re.search(r"raise \(?(ValueError|TypeError)\b", line):
                offenders.append(f"{path.relative_to(ROOT)}:{i}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    cmds = re.findall(r"^(python3 scripts/quickstart\.py \w+)$", readme, flags=re.M)
    assert "python3 scripts/quickstart.py test" in cmds and "python3 scripts/quickstart.py lab" in cmds
    assert "python3 scripts/quickstart.py test" in ci.splitlines()
    assert "not a clinical decision tool" in readme


# --- notebook hygiene ---------------------------------------------------------------------------


