"""Functional imaging as data: the Krenning uptake scale and how the sources read it for PRRT.

The Krenning score grades somatostatin-receptor (SSTR) uptake of the tumour against normal organs. It was designed
for planar 111In-pentetreotide (OctreoScan) images and is also applied to SPECT and PET (fact sheet 2, 2.6;
Kwekkeboom and Krenning 2002). It is used to judge whether a patient is a candidate for peptide receptor
radionuclide therapy (PRRT), but secondary sources disagree on the cut-off: some ask for uptake *at least equal to*
the liver (score >= 2), others for uptake *above* the liver (score > 2). Both readings agree on scores 0-1 (not a
candidate) and 3-4 (a candidate); a score of 2 is where they part (fact sheet 2, section 9: the NETTER-1 wording
itself was not retrieved, so netlib does not choose).

Teaching data, not a clinical decision tool.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

__all__ = ["KrenningLevel", "KRENNING", "KRENNING_RANGE", "KRENNING_SOURCES", "PRRT_UPTAKE_READINGS",
           "prrt_uptake_verdict"]


@dataclass(frozen=True)
class KrenningLevel:
    """One step of the Krenning scale: the score (0-4) and what the tumour's uptake is compared with."""

    score: int
    uptake: str


#: The scale, lowest first (fact sheet 2, 2.6).
KRENNING: tuple[KrenningLevel, ...] = (
    KrenningLevel(0, "no uptake"),
    KrenningLevel(1, "very low uptake, far below the normal liver"),
    KrenningLevel(2, "uptake up to that of the normal liver"),
    KrenningLevel(3, "uptake above the normal liver"),
    KrenningLevel(4, "uptake above the normal spleen or kidney"),
)
#: The allowed scores, both ends included.
KRENNING_RANGE: tuple[int, int] = (KRENNING[0].score, KRENNING[-1].score)
KRENNING_SOURCES: tuple[str, ...] = ("kwekkeboom2002_krenning",)

#: The two readings of the PRRT uptake requirement found in the sources: the lowest score each accepts.
PRRT_UPTAKE_READINGS: Mapping[str, int] = {
    "at least equal to the liver (score 2 or more)": 2,
    "above the liver (score 3 or more)": 3,
}


def prrt_uptake_verdict(score: int) -> bool | None:
    """Does SSTR uptake of this Krenning score qualify for PRRT? True when every reading in
    :data:`PRRT_UPTAKE_READINGS` accepts it, False when none does, None where the readings disagree (score 2).

    ``score`` must already be a valid whole number in :data:`KRENNING_RANGE` (``Findings`` checks it).
    """
    accepted = {score >= lowest for lowest in PRRT_UPTAKE_READINGS.values()}
    return accepted.pop() if len(accepted) == 1 else None
