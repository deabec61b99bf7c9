"""Treatment rules as data: each :class:`Rule` names its conditions (a plain sentence plus a test), the
management ``category``, the reasonable ``options`` with their trial evidence, a rationale and its sources.

:func:`netlib.treatment.recommend` walks :data:`RULES` in order. Teaching logic, not a clinical decision tool.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from netlib.data.trials import TRIALS
from netlib.findings import VOCABULARY

if TYPE_CHECKING:
    from netlib.findings import Findings
    from netlib.grading import Grade

__all__ = ["CATEGORIES", "CAVEAT", "FLAGS", "Option", "Cond", "Rule", "RULES", "SYNDROME_CONTROL", "SYNDROME_SOURCES",
           "MDT", "PRRT_N2", "FUNCTIONING", "NETTER2_KI67", "Context"]

CATEGORIES: tuple[str, ...] = VOCABULARY["prior_therapies"]
CAVEAT = ("Teaching logic only: real treatment decisions belong to a multidisciplinary tumour board that knows "
          "the whole patient and the current guidelines.")

FLAGS: dict[str, str] = {
    "insufficient_data": "A deciding finding is missing; the case goes to multidisciplinary review.",
    "assumed_non_functioning": "Functioning status not reported; treated as non-functioning.",
    "surveillance_threshold_disputed": "Exactly 2 cm: ENETS favours surveillance below 2 cm; ASPEN uses <= 2 cm.",
    "size_boundary": "Size sits exactly on a decision cut-off.",
    "controversial": "Guidelines disagree on this choice; the options list the alternatives.",
    "sources_disagree": "European and North American guidance differ here.",
    "risk_factors_incomplete": "Not every appendiceal risk factor was reported.",
    "ssa_may_worsen_hypoglycaemia": "Somatostatin analogues can worsen hypoglycaemia in insulinoma.",
    "no_randomised_evidence": "Evidence from case series only; no randomised trials.",
    "general_principle": "Rests on the general principle that resection is the only cure, not a site rule.",
    "outside_netlib_scope": "Managed with another tumour's protocols (e.g. lung cancer); not modelled here.",
    "outside_trial_population": "The case lies outside the population of the trial behind this option.",
}


@dataclass(frozen=True)
class Option:
    """One reasonable choice: what, its category, the trial keys behind it, and a note."""

    name: str
    category: str
    evidence: tuple[str, ...] = ()
    note: str = ""


class Context:
    """What a condition sees: the findings, the grade, and the flags it raises while testing."""

    def __init__(self, f: Findings, g: Grade):
        self.f, self.g = f, g
        self.assumptions: list[str] = []
        self.flags: list[str] = []


@dataclass(frozen=True)
class Cond:
    """A condition: ``text`` says what must hold; ``test`` returns True, False or None (data missing)."""

    text: str
    test: Callable[[Context], "bool | None"]
    missing: str = ""  # what to report when the test returns None


@dataclass(frozen=True)
class Rule:
    key: str
    title: str
    conditions: tuple[Cond, ...]
    category: str
    options: tuple[Option, ...]
    rationale: str
    evidence: tuple[str, ...]
    sources: tuple[str, ...]
    flags: tuple[str, ...] = ()
    size_cutoffs: tuple[float, ...] = ()


# --- condition builders ------------------------------------------------------------------
def site_in(*sites: str) -> Cond:
    names = " or ".join(s.replace("_", "/") for s in sites)
    return Cond(f"site is {names}", lambda c: None if c.f.site is None else c.f.site in sites, "the primary site")


def label_in(*labels: str) -> Cond:
    return Cond(f"grade is {' or '.join(labels)}", lambda c: c.g.label in labels)


def _metastatic(c: Context):
    return None if c.f.metastasis is None else c.f.metastasis != "none"


METASTATIC = Cond("distant metastases present", _metastatic, "whether there are distant metastases")
LOCALISED = Cond("no distant metastases", lambda c: None if _metastatic(c) is None else not _metastatic(c),
                 "whether there are distant metastases")


def size(op: str, cm: float) -> Cond:
    fn = {"<": lambda s: s < cm, "<=": lambda s: s <= cm, ">": lambda s: s > cm}[op]
    return Cond(f"size {op} {cm:g} cm", lambda c: None if c.f.size_cm is None else fn(c.f.size_cm), "the tumour size")


def syndrome_in(*names: str) -> Cond:
    def t(c: Context):
        if c.f.syndrome is not None:
            return c.f.syndrome in names
        return None if c.f.functioning else False
    return Cond(f"syndrome is {' or '.join(names)}", t, "which syndrome the functioning tumour causes")


def _non_functioning(c: Context):
    if c.f.functioning is None and c.f.syndrome is None:
        c.flags.append("assumed_non_functioning")
        return True
    return c.f.functioning is False


NAMED_SYNDROME = Cond("a named functioning syndrome", lambda c: None if (c.f.functioning and c.f.syndrome is None)
                      else c.f.syndrome is not None, "which syndrome the functioning tumour causes")
NON_FUNCTIONING = Cond("non-functioning", _non_functioning)
FUNCTIONING = Cond("functioning (a hormonal syndrome)", lambda c: bool(c.f.functioning or c.f.syndrome))
NOT_SYMPTOMATIC = Cond("asymptomatic", lambda c: c.f.symptomatic is not True)


def gastric_type(n: int) -> Cond:
    return Cond(f"gastric NET type {n}", lambda c: None if c.f.gastric_type is None else c.f.gastric_type == n,
                "the gastric NET type (1, 2 or 3)")


def depth_in(*depths: str) -> Cond:
    return Cond(f"depth {' or '.join(d.replace('_', ' ') for d in depths)}",
                lambda c: None if c.f.depth is None else c.f.depth in depths, "the depth of invasion")


def any_of(*conds: Cond) -> Cond:
    def t(c: Context):
        vals = [x.test(c) for x in conds]
        return True if True in vals else (None if None in vals else False)
    return Cond(" or ".join(x.text for x in conds), t, " or ".join(x.missing for x in conds if x.missing))


def _treated(c: Context) -> set:
    return set(c.f.prior_therapies or ()) & {"somatostatin_analogue", "prrt", "targeted_therapy", "chemotherapy",
                                             "platinum_etoposide"}


TREATMENT_NAIVE = Cond("no prior systemic therapy", lambda c: not _treated(c))
PRETREATED = Cond("prior systemic therapy", lambda c: bool(_treated(c)))
PRIOR_SSA = Cond("progressing after a somatostatin analogue",
                 lambda c: "somatostatin_analogue" in (c.f.prior_therapies or ()))
PROGRESSION = Cond("disease progression", lambda c: c.f.progression, "whether the disease is progressing")
STABLE = Cond("no progression", lambda c: None if c.f.progression is None else not c.f.progression,
              "whether the disease is progressing")
SSTR_POS = Cond("somatostatin-receptor positive", lambda c: c.f.sstr_positive,
                "somatostatin-receptor status (SSTR imaging)")
LIVER_ONLY = Cond("liver-only metastases", lambda c: None if c.f.metastasis is None else c.f.metastasis == "liver_only",
                  "where the metastases are")
RESECTABLE = Cond("liver metastases resectable", lambda c: c.f.liver_metastases_resectable,
                  "whether the liver metastases are resectable")
NETTER2_KI67 = TRIALS["netter2"].ki67_range  # (10, 55) %: the NETTER-2 population
KI67_IN_NETTER2 = Cond(f"Ki-67 <= {NETTER2_KI67[1]:g} %",
                       lambda c: None if c.f.ki67_percent is None else c.f.ki67_percent <= NETTER2_KI67[1],
                       "the Ki-67 index")
#: Appendix 1-2 cm: deep mesoappendiceal invasion (> 3 mm) is an ENETS 2016 risk factor (``appendix_risk_factors``).
MESOAPPENDIX_RISK_MM = 3.0


def _appendix_risk(c: Context):
    f = c.f
    known = [f.margin in ("R1", "R2") if f.margin else None,
             (f.mesoappendix_invasion_mm > MESOAPPENDIX_RISK_MM) if f.mesoappendix_invasion_mm is not None else None,
             f.lymphovascular_invasion, f.appendix_base,
             (f.regional_nodes_positive > 0) if f.regional_nodes_positive is not None else None,
             c.g.label == "NET G2"]
    if any(k is None for k in known):
        c.flags.append("risk_factors_incomplete")
    return any(k is True for k in known)


APPENDIX_RISK = Cond("a risk factor (R1/R2 margin, mesoappendix > 3 mm, G2, vascular invasion, base, nodes)",
                     _appendix_risk)
WELL_G12 = label_in("NET G1", "NET G2")
WELL_NET = label_in("NET G1", "NET G2", "NET G3")

# --- options --------------------------------------------------------------------------------
SSA = Option("Long-acting somatostatin analogue (octreotide LAR or lanreotide)", "somatostatin_analogue",
             ("promid", "clarinet"))
PRRT_N1 = Option("177Lu-DOTATATE (PRRT)", "prrt", ("netter1",))
PRRT_N2 = Option("177Lu-DOTATATE (PRRT) first line", "prrt", ("netter2",),
                 "NETTER-2: SSTR-positive G2 (Ki-67 >= 10 %) or G3 (Ki-67 <= 55 %) GEP-NET")
EVE_P = Option("Everolimus", "targeted_therapy", ("radiant3",))
EVE_GI = Option("Everolimus (non-functional lung or GI NET)", "targeted_therapy", ("radiant4",))
SUNI = Option("Sunitinib", "targeted_therapy", ("sunitinib_pnet",))
CAPTEM = Option("Capecitabine + temozolomide (CAPTEM)", "chemotherapy", ("e2211",))
CABO_P = Option("Cabozantinib (after prior therapy)", "targeted_therapy", ("cabinet_pnet",))
CABO_EP = Option("Cabozantinib (after prior therapy)", "targeted_therapy", ("cabinet_epnet",))
PRRT_ESMO = Option("PRRT if SSTR-positive", "prrt", (), "ESMO 2020 positioning, secondary source")
MDT = Option("Discuss at a multidisciplinary tumour board", "multidisciplinary_review")
ONC = Option("Oncological resection with regional lymphadenectomy", "oncologic_resection_with_lymphadenectomy")

SYNDROME_CONTROL: dict[str, tuple[Option, ...]] = {
    "carcinoid_syndrome": (Option("Long-acting somatostatin analogue", "syndrome_control", (),
                                  "also as cover before surgery or embolisation (carcinoid crisis)"),
                           Option("Telotristat ethyl for diarrhoea uncontrolled on an SSA", "syndrome_control",
                                  ("telestar",))),
    "gastrinoma": (Option("High-dose proton-pump inhibitor", "syndrome_control"),),
    "insulinoma": (Option("Diet and diazoxide", "syndrome_control"), Option("Everolimus", "syndrome_control"),
                   Option("Somatostatin analogue only under glucose monitoring (may worsen hypoglycaemia)",
                          "syndrome_control")),
    "glucagonoma": (Option("Somatostatin analogue for symptoms", "syndrome_control"),),
    "vipoma": (Option("Somatostatin analogue for symptoms, fluids and potassium", "syndrome_control"),),
    "somatostatinoma": (Option("Individualised symptom control", "syndrome_control"),),
}
SYNDROME_SOURCES = {"carcinoid_syndrome": ("pdq_gi_net", "telestar"), "gastrinoma": ("zes_review", "pdq_pnet"),
                     "insulinoma": ("insulinoma_therapy", "ssa_hypoglycaemia"), "glucagonoma": ("pdq_pnet",),
                     "vipoma": ("pdq_pnet",), "somatostatinoma": ("pdq_pnet",)}


def _r(key, title, conditions, category, options, rationale, evidence=(), sources=(), flags=(), cuts=()):
    return Rule(key, title, tuple(conditions), category, tuple(options), rationale, tuple(evidence), tuple(sources),
                tuple(flags), tuple(cuts))


RULES: tuple[Rule, ...] = (
    _r("thoracic_high_grade", "Small cell or large cell carcinoma of lung/thymus", [site_in("lung", "thymus"),
       label_in("SCLC", "LCNEC")], "multidisciplinary_review", [MDT],
       "SCLC and LCNEC are treated with lung cancer protocols, outside this module.", sources=["lung_net_tnm"],
       flags=["outside_netlib_scope"]),
    _r("nec_advanced", "Advanced neuroendocrine carcinoma", [label_in("NEC"), METASTATIC], "platinum_etoposide",
       [Option("Carboplatin (or cisplatin) + etoposide, first line", "platinum_etoposide"),
        Option("Irinotecan + fluoropyrimidine, second line", "chemotherapy")],
       "Metastatic NEC behaves like small cell carcinoma: platinum-etoposide first line (median survival about "
       "11-12 months).", sources=["enets2023_nec"]),
    _r("nec_localised", "Localised neuroendocrine carcinoma", [label_in("NEC"), LOCALISED], "individualized",
       [Option("Resection with or without adjuvant chemotherapy", "oncologic_resection_with_lymphadenectomy"),
        Option("Chemoradiation", "chemotherapy")],
       "Localised NEC: resection with or without adjuvant chemotherapy, or chemoradiation, decided case by case.",
       sources=["enets2023_nec", "nccn_net"]),
    _r("minen", "MiNEN", [label_in("MiNEN")], "multidisciplinary_review", [MDT],
       "Each component is graded separately; management is decided case by case.", sources=["minen_30_percent"]),
    _r("grade_undetermined", "Grade cannot be assigned", [label_in("undetermined")], "multidisciplinary_review",
       [MDT], "Without a grade (or differentiation) the pathway cannot be chosen: review the pathology first.",
       sources=["who2019_digestive"]),
    _r("functioning_metastatic", "Functioning tumour with metastases: control the syndrome first",
       [METASTATIC, FUNCTIONING, NAMED_SYNDROME], "syndrome_control", [],
       "Hormone excess can be life-threatening and is controlled first; tumour-directed therapy follows.",
       sources=["pdq_gi_net", "pdq_pnet", "enets2023_functioning"]),
    _r("insulinoma_localised", "Localised insulinoma", [syndrome_in("insulinoma"), LOCALISED], "enucleation",
       [Option("Enucleation when technically feasible", "enucleation"),
        Option("Formal pancreatic resection when enucleation is not feasible",
               "oncologic_resection_with_lymphadenectomy"),
        Option("Diet and diazoxide until surgery", "syndrome_control")],
       "Most insulinomas are small, solitary and benign: enucleation cures while sparing pancreas.",
       sources=["insulinoma_therapy", "enets2023_functioning"]),
    _r("gastrinoma_localised", "Localised gastrinoma", [syndrome_in("gastrinoma"), LOCALISED],
       "oncologic_resection_with_lymphadenectomy",
       [ONC, Option("High-dose proton-pump inhibitor for acid control", "syndrome_control")],
       "Control acid with a PPI; localised gastrinoma is resected.", sources=["zes_review", "pdq_pnet"]),
    _r("functioning_localised", "Other localised functioning tumour", [FUNCTIONING, LOCALISED,
       NAMED_SYNDROME], "syndrome_control", [ONC],
       "Control the syndrome, then resect the localised primary (resection is the only cure).",
       sources=["pdq_pnet", "pdq_gi_net"]),
    _r("thoracic_carcinoid_localised", "Localised lung or thymic carcinoid",
       [site_in("lung", "thymus"), LOCALISED], "oncologic_resection_with_lymphadenectomy", [ONC],
       "Resection of the primary with its regional nodes is the only potentially curative treatment.",
       sources=["pdq_gi_net"], flags=["general_principle"]),
    _r("pnet_small_surveillance", "Small asymptomatic non-functioning pancreatic NET",
       [site_in("pancreas"), LOCALISED, NON_FUNCTIONING, NOT_SYMPTOMATIC, WELL_G12, size("<", 2)], "surveillance",
       [Option("Active surveillance with imaging", "surveillance"), ONC],
       "ENETS favours a watchful strategy for asymptomatic non-functioning pancreatic NETs below 2 cm; the "
       "ASPEN study follows such tumours <= 2 cm.", sources=["enets2023_nf_pnet", "aspen_2020", "nccn_net"],
       cuts=(2.0,)),
    _r("pnet_resection", "Localised pancreatic NET", [site_in("pancreas"), LOCALISED],
       "oncologic_resection_with_lymphadenectomy",
       [ONC, Option("Surveillance may be discussed for 1-2 cm tumours (NCCN: consider resection)", "surveillance")],
       "Larger, symptomatic or higher-grade pancreatic NETs are resected with their lymph nodes; adjuvant therapy "
       "has no proven benefit.", sources=["nccn_net", "enets2023_nf_pnet", "pdq_pnet"], cuts=(2.0,)),
    _r("gastric_type1_small", "Gastric NET type 1, <= 1 cm", [site_in("stomach"), LOCALISED, gastric_type(1),
       size("<=", 1)], "endoscopic_resection_or_surveillance",
       [Option("Endoscopic surveillance", "surveillance"), Option("Endoscopic resection", "endoscopic_resection")],
       "Type 1 tumours are small, multifocal and rarely metastasise (< 5 %).",
       sources=["esge2022", "pdq_gi_net", "enets2023_gastroduodenal"], cuts=(1.0,)),
    _r("gastric_type1_large", "Gastric NET type 1, > 1 cm", [site_in("stomach"), LOCALISED, gastric_type(1),
       size(">", 1)], "endoscopic_resection", [Option("Endoscopic resection", "endoscopic_resection")],
       "Type 1 tumours above 10 mm are removed endoscopically (ESGE, strong recommendation).",
       sources=["esge2022", "pdq_gi_net"], cuts=(1.0,)),
    _r("gastric_type2", "Gastric NET type 2", [site_in("stomach"), LOCALISED, gastric_type(2)],
       "endoscopic_resection", [Option("Endoscopic management of the gastric lesions", "endoscopic_resection"),
                                Option("Find and treat the gastrinoma", "oncologic_resection_with_lymphadenectomy")],
       "Type 2 tumours are driven by a gastrinoma (mostly MEN1): treat the cause.",
       sources=["pdq_gi_net", "nccn_net"]),
    _r("gastric_type3", "Gastric NET type 3", [site_in("stomach"), LOCALISED, gastric_type(3)],
       "gastrectomy_with_lymphadenectomy",
       [Option("Partial or total gastrectomy with lymphadenectomy", "gastrectomy_with_lymphadenectomy"),
        Option("Endoscopic resection only if < 1 cm, superficial, low grade and node-negative (ENETS 2023)",
               "endoscopic_resection")],
       "Sporadic type 3 tumours behave aggressively (metastases in more than half).",
       sources=["nccn_net", "pdq_gi_net", "enets2023_gastroduodenal"], flags=["sources_disagree"]),
    _r("duodenum_small", "Duodenal NET < 1 cm", [site_in("duodenum"), LOCALISED, size("<", 1)],
       "endoscopic_resection", [Option("Endoscopic excision", "endoscopic_resection")],
       "Small non-ampullary duodenal NETs are removed endoscopically.", sources=["pdq_gi_net"], cuts=(1.0,)),
    _r("duodenum_mid", "Duodenal NET 1-2 cm", [site_in("duodenum"), LOCALISED, size("<=", 2)], "individualized",
       [Option("Local or full-thickness excision", "individualized"), ONC],
       "1-2 cm duodenal NETs: local (full-thickness) excision, chosen case by case.", sources=["pdq_gi_net"],
       cuts=(1.0, 2.0)),
    _r("duodenum_large", "Duodenal NET > 2 cm", [site_in("duodenum"), LOCALISED], ONC.category, [ONC],
       "Operative excision with regional lymphadenectomy.", sources=["pdq_gi_net"], cuts=(2.0,)),
    _r("ampulla", "Ampullary NET", [site_in("ampulla"), LOCALISED], "individualized", [ONC, MDT],
       "Ampullary and periampullary NETs can metastasise even below 1 cm; management is individualised.",
       sources=["pdq_gi_net"]),
    _r("appendix_small", "Appendiceal NET < 1 cm", [site_in("appendix"), LOCALISED, size("<", 1)], "appendectomy",
       [Option("Appendectomy", "appendectomy")], "Simple appendectomy cures about 90 % of cases.",
       sources=["pdq_gi_net"], cuts=(1.0,)),
    _r("appendix_large", "Appendiceal NET > 2 cm", [site_in("appendix"), LOCALISED, size(">", 2)],
       "right_hemicolectomy", [Option("Right hemicolectomy with ileocaecal lymphadenectomy", "right_hemicolectomy")],
       "Above 2 cm the nodal risk justifies right hemicolectomy.", sources=["pdq_gi_net", "appendix_risk_factors"],
       cuts=(2.0,)),
    _r("appendix_mid_risk", "Appendiceal NET 1-2 cm with risk factors", [site_in("appendix"), LOCALISED,
       APPENDIX_RISK], "right_hemicolectomy",
       [Option("Right hemicolectomy (ENETS 2016 risk-factor approach)", "right_hemicolectomy"),
        Option("Appendectomy alone (NCCN; no survival benefit of hemicolectomy shown)", "appendectomy")],
       "1-2 cm is controversial: ENETS 2016 selects hemicolectomy by risk factors, NCCN regards appendectomy as "
       "sufficient, and a European pooled cohort suggests overtreatment.",
       sources=["appendix_risk_factors", "nesti2023", "nccn_net"], flags=["controversial"], cuts=(1.0, 2.0)),
    _r("appendix_mid", "Appendiceal NET 1-2 cm without risk factors", [site_in("appendix"), LOCALISED],
       "appendectomy", [Option("Appendectomy", "appendectomy")],
       "Without risk factors, simple appendectomy suffices for 1-2 cm tumours.",
       sources=["appendix_risk_factors", "nesti2023"], cuts=(1.0, 2.0)),
    _r("rectum_large", "Rectal NET > 2 cm or invading the muscularis propria", [site_in("rectum"), LOCALISED,
       any_of(size(">", 2), depth_in("muscularis_propria", "subserosa", "serosa", "beyond_wall"))], ONC.category,
       [Option("Oncological resection (low anterior or abdominoperineal resection)", ONC.category)],
       "Metastasis risk is high above 2 cm (about 80 % at >= 20 mm in one series).",
       sources=["pdq_gi_net", "rectal_net_risk"], cuts=(2.0,)),
    _r("rectum_small", "Rectal NET < 1 cm", [site_in("rectum"), LOCALISED, size("<", 1)], "endoscopic_resection",
       [Option("Endoscopic resection aiming at R0 (cap-EMR, ESD or EFTR)", "endoscopic_resection")],
       "Below 1 cm the metastasis risk is under 3 %.", sources=["pdq_gi_net", "rectal_net_risk"], cuts=(1.0,)),
    _r("rectum_mid", "Rectal NET 1-2 cm", [site_in("rectum"), LOCALISED], "individualized",
       [Option("Endoscopic resection", "endoscopic_resection"), ONC],
       "1-2 cm: individualised; lymphovascular invasion and size > 1 cm predict nodal metastases.",
       sources=["pdq_gi_net", "rectal_net_risk"], cuts=(1.0, 2.0)),
    _r("colon", "Colonic NET", [site_in("colon"), LOCALISED], ONC.category,
       [Option("Hemicolectomy or segmental colectomy with lymphadenectomy", ONC.category)],
       "Colonic NETs are treated like adenocarcinoma.", sources=["pdq_gi_net"]),
    _r("small_intestine", "Jejunal or ileal NET", [site_in("jejunum_ileum"), LOCALISED], ONC.category,
       [Option("Resection of the primary and mesenteric nodes, retrieving at least 8 nodes", ONC.category)],
       "Small-bowel NETs often involve the mesenteric nodes; only with at least 8 retrieved nodes did nodal "
       "burden separate recurrence-free survival in a US multicentre series.",
       sources=["pdq_gi_net", "zaidi2019"]),
    _r("liver_resection", "Resectable liver-only metastases", [METASTATIC, LIVER_ONLY, RESECTABLE],
       "liver_metastasis_resection",
       [Option("Resect all visible disease (with the primary)", "liver_metastasis_resection"),
        Option("Ablation or (chemo/radio)embolisation as alternatives", "individualized")],
       "Resection of all visible liver disease is associated with better survival in case series.",
       sources=["pdq_gi_net", "liver_mets_series"], flags=["no_randomised_evidence"]),
    _r("first_line_g3", "SSTR-positive NET G3, first line", [METASTATIC, WELL_NET, label_in("NET G3"),
       TREATMENT_NAIVE, SSTR_POS, KI67_IN_NETTER2], "prrt", [PRRT_N2, CAPTEM],
       "NETTER-2 showed longer PFS with first-line PRRT in SSTR-positive G2/G3 GEP-NETs.", evidence=["netter2"],
       sources=["netter2"]),
    _r("first_line_ssa", "SSTR-positive NET G1/G2, first line", [METASTATIC, WELL_G12, TREATMENT_NAIVE, SSTR_POS],
       "somatostatin_analogue", [SSA, PRRT_N2],
       "Somatostatin analogues are antiproliferative as well as antisecretory (PROMID, CLARINET); first-line "
       "PRRT is an option for G2 tumours with Ki-67 >= 10 % (NETTER-2).", evidence=["promid", "clarinet"],
       sources=["promid", "clarinet", "netter2"]),
    _r("progression_midgut", "Midgut NET progressing on an SSA", [METASTATIC, site_in("jejunum_ileum"), WELL_G12,
       PRIOR_SSA, PROGRESSION, SSTR_POS], "prrt", [PRRT_N1, EVE_GI, CABO_EP],
       "NETTER-1: PRRT after progression on octreotide markedly prolonged PFS.", evidence=["netter1"],
       sources=["netter1", "radiant4", "cabinet"]),
    _r("progression_pancreas", "Pancreatic NET progressing on treatment", [METASTATIC, site_in("pancreas"),
       WELL_NET, PRETREATED, PROGRESSION], "targeted_therapy", [EVE_P, SUNI, CAPTEM, CABO_P, PRRT_ESMO],
       "Several agents prolong PFS in progressive pancreatic NETs; the order is individualised.",
       evidence=["radiant3", "sunitinib_pnet", "e2211", "cabinet_pnet"],
       sources=["radiant3", "sunitinib_pnet", "e2211", "cabinet", "prrt_esmo_review"]),
    _r("progression_other", "Lung or GI NET progressing on treatment", [METASTATIC, PRETREATED, PROGRESSION],
       "targeted_therapy", [EVE_GI, CABO_EP, PRRT_ESMO],
       "RADIANT-4 (everolimus) and CABINET (cabozantinib) prolonged PFS in progressive non-pancreatic NETs.",
       evidence=["radiant4", "cabinet_epnet"], sources=["radiant4", "cabinet", "prrt_esmo_review"]),
    _r("stable_on_ssa", "Stable disease on an SSA", [METASTATIC, PRIOR_SSA, STABLE], "somatostatin_analogue",
       [SSA], "Continue the somatostatin analogue while the disease is stable.", evidence=["promid", "clarinet"],
       sources=["promid", "clarinet"]),
    _r("fallback", "No rule fits", [], "multidisciplinary_review", [MDT],
       "The findings fall outside the rules modelled here.", sources=["esmo2020"]),
)
