"""netlib: the helper package behind the neuroendocrine-neoplasm teaching notebooks.

Teaching material, not a clinical decision tool. Criteria live as data in
:mod:`netlib.criteria`; every decision returns a result with its value, the steps that led
to it and the sources it rests on. Plots (``netlib.plots``) and widgets (``netlib.widgets``)
are separate modules, imported only when used, so ``import netlib`` stays light.
"""
from .assessment import Assessment, assess
from .findings import Findings
from .grading import Grade, grade
from .staging import Stage, stage
from .treatment import Recommendation, recommend

__all__ = ["Findings", "Grade", "grade", "Stage", "stage", "Recommendation", "recommend", "Assessment", "assess"]
__version__ = "0.1.0"

DISCLAIMER = ("Teaching material, not a clinical decision tool: real diagnoses and treatment decisions belong "
              "to pathologists and a multidisciplinary tumour board working from the current guidelines.")
