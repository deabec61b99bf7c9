"""netlib: the helper package behind the neuroendocrine-neoplasm teaching notebooks.

Teaching material, not a clinical decision tool. Criteria live as data in
:mod:`netlib.data.criteria`; every decision returns a result with its value, the steps that led
to it and the sources it rests on. Plots (``netlib.teaching.plots``) and widgets
(``netlib.teaching.widgets``) are separate modules, imported only when used, so ``import netlib`` stays light.
"""
from importlib import import_module

from netlib.findings import Findings
from netlib.grading import Grade, grade

# Staging, treatment and assessment load on first use, so `import netlib` stays fast.
_LAZY = {"Stage": "staging", "stage": "staging", "Recommendation": "treatment", "recommend": "treatment",
         "Assessment": "assessment", "assess": "assessment"}


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'netlib' has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + list(_LAZY))

__all__ = ["Findings", "Grade", "grade", "Stage", "stage", "Recommendation", "recommend", "Assessment", "assess"]
__version__ = "0.1.0"

DISCLAIMER = ("Teaching material, not a clinical decision tool: real diagnoses and treatment decisions belong "
              "to pathologists and a multidisciplinary tumour board working from the current guidelines.")
