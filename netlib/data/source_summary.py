"""The statements of the summary this collection started from, each checked against the evidence.

Claims are paraphrased (the summary itself is not reproduced); ``verdict`` is one of
``correct``, ``incomplete``, ``imprecise``, ``misleading`` or ``wrong``; ``evidence`` says what the
sources show, and ``notebook`` where it is taught.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Claim", "CLAIMS", "VERDICTS", "to_markdown", "verdict_counts"]

VERDICTS = ("correct", "incomplete", "imprecise", "misleading", "wrong")


@dataclass(frozen=True)
class Claim:
    claim: str
    verdict: str
    evidence: str
    sources: tuple[str, ...]
    notebook: str


CLAIMS: tuple[Claim, ...] = (
    Claim("NETs are rare, about 0.3-0.8 new cases per 100,000 people a year.", "wrong",
          "For NETs as a whole SEER shows about 7-8 per 100,000 (6.98 in 2012, 8.19 in 2018); 0.3-0.8 is the "
          "scale of pancreatic NETs (0.27 to 1.00 per 100,000, 2000-2016).",
          ("dasari2017", "wu2023", "sonbol2022"), "01"),
    Claim("WHO 2022 grades NETs by Ki-67: G1 below 3 %, G2 3-20 %, G3 above 20 %.", "incomplete",
          "The mitotic count per 2 mm² is co-equal (G1 < 2, G2 2-20, G3 > 20) and the higher grade wins; 3 and "
          "20 % themselves are G2.", ("who2019_digestive", "cap_net_protocol"), "02"),
    Claim("NECs always have a Ki-67 above 20 %.", "imprecise",
          "Mostly true, but a NEC is defined by poor differentiation; a well-differentiated tumour above 20 % is "
          "NET G3, and a poorly differentiated one below 20 % is a NEC that needs review.",
          ("who2019_digestive", "net_vs_nec_review"), "02"),
    Claim("NETs arise in the pancreas, lungs, thymus and elsewhere.", "incomplete",
          "The list leaves out the commonest sites: among six primary sites of one SEER cohort (n = 73,782) the "
          "lung and small intestine lead, then rectum, colon, pancreas and stomach. Thymic NETs are rare (about "
          "0.02 per 100,000 people per year).", ("man2018", "marx2015_who_thymus", "thymic_net_review"), "01"),
    Claim("NETs split into epithelial and neural types by cytokeratins versus neurofilaments.", "imprecise",
          "WHO 2022 separates keratin-positive epithelial NENs from keratin-negative paragangliomas; "
          "neurofilament staining is inconsistent, so keratin decides.",
          ("who2022_overview", "paraganglioma_keratin"), "01"),
    Claim("Grade and stage define the behaviour of NETs.", "correct",
          "Together with differentiation (NET vs NEC); stage groups and grades separate survival.",
          ("who2019_digestive", "ajcc8_gi_net", "sonbol2022"), "05"),
    Claim("NETs may be functioning or non-functioning.", "correct",
          "Most are non-functioning; a functioning tumour causes a clinical syndrome, not just hormone staining.",
          ("enets2023_functioning", "enets2023_nf_pnet", "pdq_pnet", "pdq_gi_net"), "06"),
    Claim("Treatment may include surgery, radiation, chemotherapy, targeted and hormone therapy.", "imprecise",
          "'Radiation' mainly means PRRT (177Lu-DOTATATE), a systemic radioligand; external-beam radiotherapy "
          "has a limited role. 'Hormone therapy' means somatostatin analogues, which are antiproliferative as "
          "well as antisecretory.", ("netter1", "pdq_pnet", "promid", "clarinet"), "07"),
    Claim("Surgery is the only curative treatment and the first choice for localised tumours.", "correct",
          "Resection (with nodes) is the only cure; some small tumours are removed endoscopically or watched.",
          ("esmo2020", "pdq_gi_net", "pdq_pnet"), "07"),
    Claim("Chemotherapy, ablation and biotherapy have not shown a long-term survival benefit.", "imprecise",
          "Randomised trials show longer progression-free survival (PROMID, CLARINET, RADIANT-3, NETTER-1), but "
          "overall survival differences were mostly not significant (PROMID with crossover; RADIANT-3; NETTER-1 "
          "final analysis).", ("promid", "clarinet", "radiant3", "netter1"), "07"),
    Claim("Small non-functioning G1 tumours can be safely observed.", "imprecise",
          "Small and G1 are not enough. Observation is for node-negative tumours without aggressive features at "
          "selected sites: asymptomatic non-functioning pancreatic NETs below 2 cm (G1 or low G2, no nodes, no "
          "aggressive features) and type 1 gastric NETs up to 10 mm. Small-intestinal, colonic and type 3 gastric "
          "NETs are not observed, and a node-positive tumour never is.",
          ("enets2023_nf_pnet", "aspen_2020", "esge2022", "enets2023_gastroduodenal"), "07"),
    Claim("Aggressive surgery for liver metastases is recommended in selected cases.", "correct",
          "Resecting all visible disease is associated with better survival in case series; there are no "
          "randomised trials, and debulking thresholds (90 %, 70 %) are surgical conventions.",
          ("esmo2020", "pdq_gi_net", "liver_mets_series"), "07"),
    Claim("Well-differentiated means low grade and poorly differentiated means high grade.", "imprecise",
          "NET G3 is well differentiated yet high grade; differentiation and grade are separate axes.",
          ("who2019_digestive", "net_vs_nec_review"), "02"),
)


def to_markdown() -> str:
    """The claims as a Markdown table."""
    lines = ["| The summary said | Verdict | What the evidence says | Notebook |", "|---|---|---|---|"]
    lines += [f"| {c.claim} | **{c.verdict}** | {c.evidence} | {c.notebook} |" for c in CLAIMS]
    return "\n".join(lines)


def verdict_counts() -> str:
    """How the claims fared, in one sentence (e.g. "Of 13 claims, 4 are correct, 6 imprecise, ...")."""
    order = ("correct", "imprecise", "incomplete", "wrong")
    counts = {v: sum(c.verdict == v for c in CLAIMS) for v in order}
    parts = [f"{n} {v}" for v, n in counts.items() if n]
    listed = ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else parts[0]
    return f"Of the summary's {len(CLAIMS)} claims, {listed} (verdicts as judged in this collection)."
