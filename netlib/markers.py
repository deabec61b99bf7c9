"""Interpret an immunohistochemical marker panel: neuroendocrine differentiation and lineage.

General NE markers: synaptophysin, chromogranin A and INSM1 (sensitivities below, from a series
of 14,908 tumours). Keratin separates epithelial NENs (NET, NEC) from non-epithelial ones
(paraganglioma and phaeochromocytoma, keratin-negative). Neurofilament is inconsistent in
paragangliomas, so "cytokeratin vs neurofilament" is an oversimplification: keratin decides.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from netlib.errors import InvalidTypeError, InvalidValueError
from netlib.results import Explained

__all__ = ["MARKER_SENSITIVITY", "FLAGS", "PanelResult", "interpret"]

#: Sensitivity (%) of each general NE marker in all NENs and in NECs (source ``insm1_markers``).
MARKER_SENSITIVITY: dict[str, dict[str, float]] = {
    "synaptophysin": {"NEN": 93.3, "NEC": 86.5},
    "insm1": {"NEN": 89.2, "NEC": 88.0},
    "chromogranin_a": {"NEN": 87.5, "NEC": 66.4},
}
_RESULTS = ("positive", "negative")
_GENERAL = ("synaptophysin", "chromogranin_a", "insm1")
_DISPLAY = {"synaptophysin": "synaptophysin", "chromogranin_a": "chromogranin A", "insm1": "INSM1"}

#: What the flags of a :class:`PanelResult` mean (shown as sentences on the card).
FLAGS: dict[str, str] = {
    "insm1_only": "INSM1 is the only positive general marker; it is weakly positive in some non-neuroendocrine "
                  "tumours, so confirm with synaptophysin or chromogranin A.",
    "small_cell_caveat": "All general markers are negative, but small cell carcinoma is diagnosed on morphology and "
                         "can be marker-negative.",
    "neurofilament_unreliable": "Neurofilament does not decide the lineage: paragangliomas stain for it "
                                "inconsistently; keratin decides.",
}


@dataclass(frozen=True)
class PanelResult(Explained):
    """``ne_differentiation``: yes/no/uncertain; ``lineage``: epithelial/non-epithelial/uncertain."""

    ne_differentiation: str
    lineage: str
    flags: tuple[str, ...]
    steps: tuple[str, ...]
    sources: tuple[str, ...]

    card_title: ClassVar[str] = "Marker panel"
    flag_text: ClassVar[Mapping[str, str]] = FLAGS

    def headline(self) -> str:
        return f"NE differentiation: {self.ne_differentiation}"

    def subtitle(self) -> str:
        return f"Lineage: {self.lineage}"

    def text_value(self) -> str:
        return f"NE differentiation {self.ne_differentiation}; lineage {self.lineage}"


def _check(name: str, value) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise InvalidTypeError(name, f"expected 'positive', 'negative' or None, got {type(value).__name__} {value!r}")
    if value not in _RESULTS:
        raise InvalidValueError(name, f"{value!r} is not allowed; expected 'positive', 'negative' or None")


def interpret(synaptophysin: str | None = None, chromogranin_a: str | None = None, insm1: str | None = None,
              keratin: str | None = None, neurofilament: str | None = None) -> PanelResult:
    """Read a panel (each marker 'positive', 'negative' or None = not done). Assumes NE morphology was seen."""
    panel = {"synaptophysin": synaptophysin, "chromogranin_a": chromogranin_a, "insm1": insm1,
             "keratin": keratin, "neurofilament": neurofilament}
    for k, v in panel.items():
        _check(k, v)
    flags, steps = [], []
    pos = [m for m in _GENERAL if panel[m] == "positive"]
    neg = [m for m in _GENERAL if panel[m] == "negative"]
    if pos:
        ne = "yes"
        steps.append(f"General NE marker(s) positive: {', '.join(_DISPLAY[m] for m in pos)} -> neuroendocrine differentiation "
                     "(together with the morphology).")
        if pos == ["insm1"]:
            flags.append("insm1_only")
            steps.append("INSM1 alone: it is weakly positive in about 3.5 % of non-NE tumours; confirm with "
                         "synaptophysin or chromogranin A.")
        if "chromogranin_a" in neg:
            steps.append("A negative chromogranin A does not argue against a NEC: it is the least sensitive "
                         f"marker there ({MARKER_SENSITIVITY['chromogranin_a']['NEC']:g} %).")
    elif len(neg) == 3:
        ne = "no"
        steps.append("All three general NE markers negative: no immunohistochemical evidence of NE "
                     "differentiation. Caveat: small cell carcinoma is diagnosed on morphology and may be "
                     "marker-negative.")
        flags.append("small_cell_caveat")
    else:
        ne = "uncertain"
        missing = [m for m in _GENERAL if panel[m] is None]
        steps.append("No general NE marker positive, but not all were done: add "
                     + ", ".join(_DISPLAY[m] for m in missing) + ".")
    if keratin == "positive":
        lineage = "epithelial"
        steps.append("Keratin positive: an epithelial NEN (NET or NEC).")
    elif keratin == "negative":
        lineage = "non-epithelial" if ne == "yes" else "uncertain"
        steps.append("Keratin negative" + (": favours a non-epithelial NEN (paraganglioma or phaeochromocytoma; "
                                            "58 of 60 paragangliomas were keratin-negative in one series)."
                                            if ne == "yes" else "."))
    else:
        lineage = "uncertain"
        steps.append("Keratin not done: epithelial vs non-epithelial cannot be told.")
    if neurofilament is not None:
        flags.append("neurofilament_unreliable")
        steps.append(f"Neurofilament {neurofilament}: not used to decide lineage; paragangliomas stain "
                     "inconsistently (5 of 10 mediastinal cases).")
    return PanelResult(ne, lineage, tuple(flags), tuple(steps),
                       ("insm1_markers", "paraganglioma_keratin", "who2022_overview"))
