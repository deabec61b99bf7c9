"""Treatment rules as data: each :class:`Rule` names its complete conditions (a plain sentence plus a test),
the management ``category``, the reasonable ``options`` (each with its own conditions and trial evidence), a
rationale, its sources, and for local treatments why a finding it does not check would not change the answer.

How :func:`netlib.treatment.recommend` reads them (no rule depends on its position in :data:`RULES`):

* every rule is tested against the case; a rule *fires* when all its conditions hold;
* rules come in two layers (:data:`LAYERS`): in metastatic functioning disease the hormone layer (control the
  syndrome) comes first and the tumour layer (tumour-directed therapy) follows; otherwise only the tumour layer
  answers;
* within a layer at most one rule may fire, except where a rule names in ``refines`` the more general rules it
  takes precedence over, with the reason in ``refines_because`` (e.g. resecting all liver disease before
  systemic therapy). Tests shuffle the rule order and check that no answer changes;
* a rule that could fire but cannot be decided because a finding is missing sends the case to review and shows
  what each value of that finding would lead to (``Recommendation.branches``).

Teaching logic, not a clinical decision tool.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Mapping

from netlib.data.imaging import prrt_uptake_verdict
from netlib.data.trials import TRIALS
from netlib.findings import GEP_SITES, VOCABULARY

if TYPE_CHECKING:
    from netlib.findings import Findings
    from netlib.grading import Grade

__all__ = ["CATEGORIES", "CATEGORY_LABELS", "category_label", "CAVEAT", "FLAGS", "LAYERS", "LOCAL_EXTENT", "BRANCH_VALUES", "Option", "Cond", "Rule",
           "RULES", "MISSING_ORDER", "SYNDROME_CONTROL", "SYNDROME_SOURCES", "MDT", "PRRT_N2", "SSA", "NETTER2_KI67", "Context",
           "MESOAPPENDIX_RISK_MM", "LOCALISED", "METASTATIC"]

CATEGORIES: tuple[str, ...] = VOCABULARY["prior_therapies"]

#: Every management category in words, for cards, feedback and tables (a trainee never reads the key).
CATEGORY_LABELS: dict[str, str] = {
    "surveillance": "surveillance",
    "endoscopic_resection": "endoscopic resection",
    "endoscopic_resection_or_surveillance": "endoscopic resection or surveillance",
    "individualized": "local excision or resection, decided case by case",
    "appendectomy": "appendectomy",
    "right_hemicolectomy": "right hemicolectomy",
    "oncologic_resection_with_lymphadenectomy": "oncological resection with lymphadenectomy",
    "gastrectomy_with_lymphadenectomy": "gastrectomy with lymphadenectomy",
    "enucleation": "enucleation",
    "liver_metastasis_resection": "resection of the liver metastases",
    "somatostatin_analogue": "somatostatin analogue",
    "prrt": "peptide receptor radionuclide therapy (PRRT)",
    "targeted_therapy": "targeted therapy",
    "chemotherapy": "chemotherapy",
    "platinum_etoposide": "platinum-etoposide chemotherapy",
    "syndrome_control": "control of the hormonal syndrome",
    "multidisciplinary_review": "multidisciplinary tumour board review",
}


def category_label(category: str) -> str:
    """A management category in words (:data:`CATEGORY_LABELS`); an unknown key raises ``KeyError``."""
    return CATEGORY_LABELS[category]

CAVEAT = ("Teaching logic only: real treatment decisions belong to a multidisciplinary tumour board that knows "
          "the whole patient and the current guidelines.")

#: The order in which the layers answer: hormone control before tumour control (ENETS/ESMO principle, see the
#: functioning-tumour sources). A layer with no rule for the case is skipped.
LAYERS: tuple[str, ...] = ("hormone", "tumour")

#: How extensive each local treatment of a localised tumour is (higher = more extensive). Adding positive nodes,
#: deeper invasion or a higher grade must never move a localised tumour to a lower number (tested).
#: ``individualized`` (local excision or resection, chosen case by case) sits between endoscopic treatment and a
#: formal oncological resection. Categories that are not local treatments (review, systemic therapy) have no rank.
LOCAL_EXTENT: Mapping[str, int] = {
    "surveillance": 0,
    "endoscopic_resection_or_surveillance": 1,
    "endoscopic_resection": 2,
    "appendectomy": 3,
    "enucleation": 3,
    "individualized": 4,
    "oncologic_resection_with_lymphadenectomy": 5,
    "right_hemicolectomy": 5,
    "gastrectomy_with_lymphadenectomy": 5,
}

FLAGS: dict[str, str] = {
    "insufficient_data": "A deciding finding is missing; the case goes to multidisciplinary review.",
    "assumed_non_functioning": "Functioning status not reported; treated as non-functioning.",
    "assumed_asymptomatic": "Symptoms not reported; treated as asymptomatic.",
    "assumed_treatment_naive": "Prior therapies not reported; treated as no prior systemic therapy.",
    "surveillance_threshold_disputed": "Exactly 2 cm: ENETS favours surveillance below 2 cm; ASPEN uses <= 2 cm.",
    "size_boundary": "Size sits exactly on a decision cut-off.",
    "controversial": "Guidelines disagree on this choice; the options list the alternatives.",
    "order_individualised": "No trial compares these options head to head: the order is chosen case by case, and "
                            "each listed option is a reasonable first choice.",
    "sources_disagree": "European and North American guidance differ here.",
    "risk_factors_incomplete": "Not every appendiceal risk factor was reported.",
    "nodes_not_reported": "No node status was reported; a positive node would change this answer.",
    "ssa_may_worsen_hypoglycaemia": "Somatostatin analogues can worsen hypoglycaemia in insulinoma.",
    "no_randomised_evidence": "Evidence from case series only; no randomised trials.",
    "general_principle": "Rests on the general principle that resection is the only cure, not a site rule.",
    "outside_netlib_scope": "Managed with another tumour's protocols (e.g. lung cancer); not modelled here.",
    "outside_trial_population": "The case lies outside the population of the trial behind this option.",
    "secondary_source": "This positioning was read in a secondary summary of the guideline, not the guideline itself.",
    "krenning_readings_differ": "Krenning 2 (tumour uptake up to the liver): some sources accept uptake at least equal "
                                "to the liver for PRRT, others ask for uptake above it (score 3 or more); uptake "
                                "clearly below the liver meets neither reading.",
}


class Context:
    """What a condition sees: the findings, the grade, and the flags it raises while testing."""

    def __init__(self, f: Findings, g: Grade):
        self.f, self.g = f, g
        self.flags: list[str] = []


@dataclass(frozen=True)
class Cond:
    """A condition: ``text`` says what must hold; ``test`` returns True, False or None (a finding is missing).

    ``missing`` names the finding in words when the test returns None; ``fields`` are the `Findings` fields
    the test reads (used to show the branches when one is missing).
    """

    text: str
    test: Callable[[Context], "bool | None"]
    missing: str = ""
    fields: tuple[str, ...] = ()
    parts: tuple["Cond", ...] = ()  # the alternatives of an any_of condition
    disputed: str = ""  # why the test can stay undecided although its findings are reported (sources disagree)

    def undecided_part(self, c: Context) -> "Cond":
        """The condition whose finding is missing: itself, or the first undecided alternative of an any_of."""
        return next((p.undecided_part(c) for p in self.parts if p.test(c) is None), self)


@dataclass(frozen=True)
class Option:
    """One reasonable choice: what, its category, the trial keys behind it, a note, and its own conditions
    (an option whose condition fails is not offered; one whose condition cannot be decided is offered with
    the condition spelled out)."""

    name: str
    category: str
    evidence: tuple[str, ...] = ()
    note: str = ""
    conditions: tuple[Cond, ...] = ()


@dataclass(frozen=True)
class Rule:
    """One management rule, complete in itself.

    ``layer``: ``hormone`` or ``tumour`` (:data:`LAYERS`). ``refines``: keys of more general rules this rule
    takes precedence over when both fire, for the reason in ``refines_because``. ``not_checked``: for a local
    treatment, the findings (``nodes``, ``depth``, ``grade``) the rule does not test, each with the reason.
    ``size_cutoffs``: sizes (cm) where the rule's band starts or ends; ``boundary_flag`` is raised on them.
    """

    key: str
    title: str
    conditions: tuple[Cond, ...]
    category: str
    options: tuple[Option, ...]
    rationale: str
    evidence: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    size_cutoffs: tuple[float, ...] = ()
    layer: str = "tumour"
    refines: tuple[str, ...] = ()
    refines_because: str = ""
    not_checked: Mapping[str, str] = field(default_factory=dict)
    boundary_flag: str = "size_boundary"

    @property
    def is_local(self) -> bool:
        """True when the rule's category is a local treatment of a localised tumour."""
        return self.category in LOCAL_EXTENT


# --- condition builders --------------------------------------------------------------------------------
_SITE_WORDS = {"jejunum_ileum": "jejunum or ileum", "unknown_primary": "an unknown primary"}


def _words(x: str) -> str:
    return _SITE_WORDS.get(x, x.replace("_", " "))


def site_in(*sites: str) -> Cond:
    names = " or ".join(_words(s) for s in sites)
    return Cond(f"site is {names}", lambda c: None if c.f.site is None else c.f.site in sites, "the primary site",
                ("site",))


def site_not(*sites: str) -> Cond:
    names = " or ".join(_words(s) for s in sites)
    return Cond(f"site is not {names}", lambda c: None if c.f.site is None else c.f.site not in sites,
                "the primary site", ("site",))


def label_in(*labels: str) -> Cond:
    return Cond(f"grade is {' or '.join(labels)}", lambda c: c.g.label in labels, fields=("grade",))


def _metastatic(c: Context):
    return None if c.f.metastasis is None else c.f.metastasis != "none"


METASTATIC = Cond("distant metastases present", _metastatic, "whether there are distant metastases", ("metastasis",))
LOCALISED = Cond("no distant metastases", lambda c: None if _metastatic(c) is None else not _metastatic(c),
                 "whether there are distant metastases", ("metastasis",))


def size(op: str, cm: float) -> Cond:
    fn = {"<": lambda s: s < cm, "<=": lambda s: s <= cm, ">": lambda s: s > cm, ">=": lambda s: s >= cm}[op]
    return Cond(f"size {op} {cm:g} cm", lambda c: None if c.f.size_cm is None else fn(c.f.size_cm),
                "the tumour size", ("size_cm",))


def size_between(low: float, high: float) -> Cond:
    """low <= size <= high (cm): a middle band that states both of its ends."""
    return Cond(f"size {low:g}-{high:g} cm", lambda c: None if c.f.size_cm is None else low <= c.f.size_cm <= high,
                "the tumour size", ("size_cm",))


def syndrome_in(*names: str) -> Cond:
    def t(c: Context):
        if c.f.syndrome is not None:
            return c.f.syndrome in names
        return None if c.f.functioning else False
    return Cond(f"syndrome is {' or '.join(_words(n) for n in names)}", t,
                "which syndrome the functioning tumour causes", ("syndrome",))


def _non_functioning(c: Context):
    if c.f.functioning is None and c.f.syndrome is None:
        c.flags.append("assumed_non_functioning")
        return True
    return c.f.functioning is False


NAMED_SYNDROME = Cond("a named functioning syndrome", lambda c: None if (c.f.functioning and c.f.syndrome is None)
                      else c.f.syndrome is not None, "which syndrome the functioning tumour causes", ("syndrome",))
NON_FUNCTIONING = Cond("non-functioning", _non_functioning, fields=("functioning",))
def _not_symptomatic(c: Context):
    if c.f.symptomatic is None:
        c.flags.append("assumed_asymptomatic")
    return c.f.symptomatic is not True


NOT_SYMPTOMATIC = Cond("asymptomatic", _not_symptomatic, fields=("symptomatic",))
SYMPTOMATIC = Cond("symptomatic", lambda c: c.f.symptomatic is True, fields=("symptomatic",))


def gastric_type(*types: int) -> Cond:
    return Cond(f"gastric NET type {' or '.join(str(n) for n in types)}",
                lambda c: None if c.f.gastric_type is None else c.f.gastric_type in types,
                "the gastric NET type (1, 2 or 3)", ("gastric_type",))


#: Depth words up to the submucosa: the limit of endoscopic and local treatment.
SUPERFICIAL = ("mucosa", "submucosa")
DEEP = ("muscularis_propria", "subserosa", "serosa", "beyond_wall")
WITHIN_SUBMUCOSA = Cond("confined to the mucosa or submucosa",
                        lambda c: None if c.f.depth is None else c.f.depth in SUPERFICIAL,
                        "the depth of invasion", ("depth",))
DEEPER_THAN_SUBMUCOSA = Cond("invades the muscularis propria or deeper",
                             lambda c: None if c.f.depth is None else c.f.depth in DEEP,
                             "the depth of invasion", ("depth",))


def _node_status(c: Context) -> bool | None:
    """True = node-positive, False = node-negative, None = not reported. The pathological count wins."""
    if c.f.regional_nodes_positive is not None:
        return c.f.regional_nodes_positive > 0
    if c.f.clinical_nodes is not None:
        return c.f.clinical_nodes == "positive"
    return None


_NODE_FIELDS = ("regional_nodes_positive", "clinical_nodes")
NODE_NEGATIVE = Cond("node-negative (on pathology or imaging)",
                     lambda c: None if _node_status(c) is None else not _node_status(c),
                     "the lymph-node status (pathology, or imaging/EUS)", _NODE_FIELDS)
NODE_POSITIVE = Cond("node-positive", _node_status, "the lymph-node status (pathology, or imaging/EUS)",
                     _NODE_FIELDS)


def _no_known_positive_node(c: Context):
    s = _node_status(c)
    if s is None:
        c.flags.append("nodes_not_reported")
    return s is not True


NO_KNOWN_POSITIVE_NODE = Cond("no positive node reported", _no_known_positive_node, fields=_NODE_FIELDS)
KNOWN_POSITIVE_NODE = Cond("a positive node reported", lambda c: _node_status(c) is True, fields=_NODE_FIELDS)
LVI = Cond("lymphovascular invasion", lambda c: c.f.lymphovascular_invasion is True,
           fields=("lymphovascular_invasion",))
NO_LVI = Cond("no lymphovascular invasion reported", lambda c: c.f.lymphovascular_invasion is not True,
              fields=("lymphovascular_invasion",))
#: Invasion words that belong to the organ's own T (judged by the site's risk factors), not neighbouring structures.
_OWN_TISSUE = {"mesoappendix"}
INVADES_NEIGHBOURS = Cond("invades neighbouring structures", lambda c: bool(set(c.f.invasion or ()) - _OWN_TISSUE),
                          fields=("invasion",))
NO_NEIGHBOUR_INVASION = Cond("no invasion of neighbouring structures reported",
                             lambda c: not set(c.f.invasion or ()) - _OWN_TISSUE, fields=("invasion",))
POSITIVE_MARGIN = Cond("tumour at the resection margin (R1/R2)", lambda c: c.f.margin in ("R1", "R2"),
                       fields=("margin",))
NO_POSITIVE_MARGIN = Cond("no positive margin reported", lambda c: c.f.margin not in ("R1", "R2"), fields=("margin",))


def any_of(*conds: Cond) -> Cond:
    def t(c: Context):
        vals = [x.test(c) for x in conds]
        return True if True in vals else (None if None in vals else False)
    fields_ = tuple(dict.fromkeys(f for x in conds for f in x.fields))
    return Cond(" or ".join(x.text for x in conds), t, " or ".join(x.missing for x in conds if x.missing), fields_,
                tuple(conds))


_SYSTEMIC = {"somatostatin_analogue", "prrt", "targeted_therapy", "chemotherapy", "platinum_etoposide"}


def _prior(c: Context) -> set:
    return set(c.f.prior_therapies or ())


def _naive(c: Context):
    if c.f.prior_therapies is None:
        c.flags.append("assumed_treatment_naive")
    return not (_prior(c) & _SYSTEMIC)


TREATMENT_NAIVE = Cond("no prior systemic therapy", _naive, fields=("prior_therapies",))
PRETREATED = Cond("prior systemic therapy", lambda c: bool(_prior(c) & _SYSTEMIC), fields=("prior_therapies",))
PRIOR_SSA = Cond("has had a somatostatin analogue", lambda c: "somatostatin_analogue" in _prior(c),
                 fields=("prior_therapies",))
NO_PRIOR_SSA = Cond("has not had a somatostatin analogue", lambda c: "somatostatin_analogue" not in _prior(c),
                    fields=("prior_therapies",))
PRIOR_TARGETED = Cond("has had targeted therapy (e.g. everolimus)", lambda c: "targeted_therapy" in _prior(c),
                      fields=("prior_therapies",))
NO_PRIOR_TARGETED = Cond("has not had targeted therapy", lambda c: "targeted_therapy" not in _prior(c),
                         fields=("prior_therapies",))
PRIOR_PRRT = Cond("has had PRRT", lambda c: "prrt" in _prior(c), fields=("prior_therapies",))
NO_PRIOR_PRRT = Cond("has not had PRRT", lambda c: "prrt" not in _prior(c), fields=("prior_therapies",))
PRIOR_PLATINUM = Cond("has had platinum-etoposide", lambda c: "platinum_etoposide" in _prior(c),
                      fields=("prior_therapies",))
NO_PRIOR_PLATINUM = Cond("has not had platinum-etoposide", lambda c: "platinum_etoposide" not in _prior(c),
                         fields=("prior_therapies",))
PRIOR_PRRT_OR_TARGETED = Cond("has had PRRT or targeted therapy",
                              lambda c: bool(_prior(c) & {"prrt", "targeted_therapy"}), fields=("prior_therapies",))
PROGRESSION = Cond("disease progression", lambda c: c.f.progression, "whether the disease is progressing",
                   ("progression",))
STABLE = Cond("no progression", lambda c: None if c.f.progression is None else not c.f.progression,
              "whether the disease is progressing", ("progression",))
SSTR_POS = Cond("somatostatin-receptor positive", lambda c: c.f.sstr_status,
                "somatostatin-receptor status (SSTR imaging)", ("sstr_positive", "krenning_score"))
SSTR_NEG = Cond("somatostatin-receptor negative", lambda c: None if c.f.sstr_status is None else not c.f.sstr_status,
                "somatostatin-receptor status (SSTR imaging)", ("sstr_positive", "krenning_score"))


def _prrt_uptake(c: Context):
    if c.f.krenning_score is None:
        return None
    verdict = prrt_uptake_verdict(c.f.krenning_score)
    if verdict is None:
        c.flags.append("krenning_readings_differ")
    return verdict


#: PRRT needs enough tracer uptake in the tumour (netlib.data.imaging): an option condition, so an unreported score
#: leaves PRRT offered with the condition spelled out, and a score of 2 shows that the sources disagree.
PRRT_UPTAKE = Cond("tumour uptake on SSTR imaging high enough for PRRT: Krenning 3-4 in every reading", _prrt_uptake,
                   "the Krenning score of tumour uptake", ("krenning_score",),
                   disputed="Krenning 2, uptake up to the liver: the lenient reading, at least equal to the liver, "
                            "accepts uptake equal to it; the strict one, above the liver, does not; uptake clearly "
                            "below the liver meets neither")


def _low_uptake(c: Context) -> bool:
    return c.f.krenning_score is not None and prrt_uptake_verdict(c.f.krenning_score) is False


LOW_UPTAKE = Cond("SSTR uptake too low for PRRT (Krenning 0-1)", _low_uptake, fields=("krenning_score",))
NOT_LOW_UPTAKE = Cond("SSTR uptake not known to be too low for PRRT (Krenning 0-1 rules it out)",
                      lambda c: not _low_uptake(c), fields=("krenning_score",))


def _durable_first_prrt(c: Context):
    m = c.f.pfs_after_prrt_months
    return None if m is None else m >= SALVAGE_PRRT_MIN_PFS_MONTHS


#: Rotterdam salvage-PRRT series (van der Zwan 2019; fact sheet 2, 5.9): re-treatment offered only to patients whose
#: first PRRT gave at least this many months without progression. One centre's criterion, not a consensus.
SALVAGE_PRRT_MIN_PFS_MONTHS = 18.0
DURABLE_FIRST_PRRT = Cond(f"the first PRRT gave at least {SALVAGE_PRRT_MIN_PFS_MONTHS:g} months without progression "
                          "(the Rotterdam series' criterion)", _durable_first_prrt,
                          "the progression-free interval after the first PRRT", ("pfs_after_prrt_months",))
LIVER_ONLY = Cond("liver-only metastases", lambda c: None if c.f.metastasis is None else c.f.metastasis == "liver_only",
                  "where the metastases are", ("metastasis",))
RESECTABLE = Cond("liver metastases resectable", lambda c: c.f.liver_metastases_resectable,
                  "whether the liver metastases are resectable", ("liver_metastases_resectable",))
NETTER2_KI67 = TRIALS["netter2"].ki67_range  # (10, 55) %: the NETTER-2 population
KI67_IN_NETTER2 = Cond(f"Ki-67 {NETTER2_KI67[0]:g}-{NETTER2_KI67[1]:g} %",
                       lambda c: None if c.f.ki67_percent is None
                       else NETTER2_KI67[0] <= c.f.ki67_percent <= NETTER2_KI67[1], "the Ki-67 index", ("ki67_percent",))
KI67_OUTSIDE_NETTER2 = Cond(f"Ki-67 below {NETTER2_KI67[0]:g} % or above {NETTER2_KI67[1]:g} %",
                            lambda c: None if c.f.ki67_percent is None
                            else not NETTER2_KI67[0] <= c.f.ki67_percent <= NETTER2_KI67[1],
                            "the Ki-67 index", ("ki67_percent",))
GEP_SITE = Cond("a gastroenteropancreatic primary", lambda c: None if c.f.site is None else c.f.site in GEP_SITES,
                "the primary site", ("site",))
GEP_OR_UNKNOWN = Cond("a gastroenteropancreatic primary or an unknown primary",
                      lambda c: None if c.f.site is None else c.f.site in (*GEP_SITES, "unknown_primary"),
                      "the primary site", ("site",))
KNOWN_PRIMARY = Cond("the primary site is known", lambda c: None if c.f.site is None else c.f.site != "unknown_primary",
                     "the primary site", ("site",))
THORACIC = site_in("lung", "thymus")

#: Appendix 1-2 cm: deep mesoappendiceal invasion (> 3 mm) is an ENETS 2016 risk factor (``appendix_risk_factors``).
MESOAPPENDIX_RISK_MM = 3.0


def _appendix_risk(c: Context):
    f = c.f
    meso = ((f.mesoappendix_invasion_mm > MESOAPPENDIX_RISK_MM) if f.mesoappendix_invasion_mm is not None
            else None if "mesoappendix" in (f.invasion or ()) else False if f.invasion is not None else None)
    known = [f.margin in ("R1", "R2") if f.margin else None, meso,
             f.lymphovascular_invasion, f.appendix_base, c.g.label == "NET G2"]
    if any(k is None for k in known):
        c.flags.append("risk_factors_incomplete")
    return any(k is True for k in known)


APPENDIX_RISK = Cond(f"an ENETS risk factor (R1/R2 margin, mesoappendix > {MESOAPPENDIX_RISK_MM:g} mm, G2, "
                     "vascular invasion, base of the appendix)", _appendix_risk,
                     fields=("margin", "mesoappendix_invasion_mm", "lymphovascular_invasion", "appendix_base"))
NO_APPENDIX_RISK = Cond("no ENETS risk factor reported", lambda c: not _appendix_risk(c), fields=APPENDIX_RISK.fields)
NET_G12 = label_in("NET G1", "NET G2")
NET_G3 = label_in("NET G3")
NET_G1 = label_in("NET G1")
WELL_NET = label_in("NET G1", "NET G2", "NET G3")
CARCINOID = label_in("typical carcinoid", "atypical carcinoid")
WELL_ANY = label_in("NET G1", "NET G2", "NET G3", "typical carcinoid", "atypical carcinoid")

# --- options ----------------------------------------------------------------------------------------------
SSA = Option("Long-acting somatostatin analogue (octreotide LAR or lanreotide)", "somatostatin_analogue",
             ("promid", "clarinet"))
PRRT_N1 = Option("177Lu-DOTATATE (PRRT)", "prrt", ("netter1",), conditions=(PRRT_UPTAKE,))
PRRT_N2 = Option("177Lu-DOTATATE (PRRT) first line", "prrt", ("netter2",),
                 f"NETTER-2: newly diagnosed SSTR-positive GEP-NET with Ki-67 {NETTER2_KI67[0]:g}-"
                 f"{NETTER2_KI67[1]:g} %", (GEP_SITE, KI67_IN_NETTER2, PRRT_UPTAKE))
EVE_P = Option("Everolimus", "targeted_therapy", ("radiant3",))
EVE_GI = Option("Everolimus", "targeted_therapy", ("radiant4",), "RADIANT-4 enrolled non-functional lung or GI NETs")
SUNI = Option("Sunitinib", "targeted_therapy", ("sunitinib_pnet",))
CAPTEM = Option("Capecitabine + temozolomide (CAPTEM)", "chemotherapy", ("e2211",),
                "E2211 enrolled low/intermediate-grade pancreatic NETs")
CAPTEM_G3 = Option("Chemotherapy such as capecitabine + temozolomide (CAPTEM)", "chemotherapy", (),
                   "outside NETTER-2 (Ki-67 above its range or SSTR-negative); E2211 enrolled only low/intermediate "
                   "grade, so its use in NET G3 is an extrapolation")
CABO_P = Option("Cabozantinib", "targeted_therapy", ("cabinet_pnet",),
                "CABINET enrolled patients previously treated with PRRT or targeted therapy", (PRIOR_PRRT_OR_TARGETED,))
CABO_EP = Option("Cabozantinib", "targeted_therapy", ("cabinet_epnet",),
                 "CABINET enrolled patients previously treated with PRRT or targeted therapy",
                 (PRIOR_PRRT_OR_TARGETED,))
PRRT_ESMO = Option("PRRT", "prrt", (), "ESMO 2020 positioning after progression, read in a secondary source",
                   (SSTR_POS, NO_PRIOR_PRRT, PRRT_UPTAKE))
#: Later line after PRRT (fact sheet 2, 5.8-5.9): evidence from retrospective series pooled in a meta-analysis.
PRRT_RETREAT = Option("177Lu-PRRT re-treatment (salvage PRRT)", "prrt", (),
                      "retrospective evidence only: pooled median PFS 12.5 months, disease control 71 %, grade 3-4 "
                      "toxicity 5 % (meta-analysis of 13 studies); the interval criterion is one centre's",
                      (PRIOR_PRRT, PROGRESSION, PRRT_UPTAKE, DURABLE_FIRST_PRRT))
_RETREAT_SOURCES = ("prrt_retreatment_meta2021", "van_der_zwan2019_salvage_prrt")
EVE_THORACIC = Option("Everolimus", "targeted_therapy", ("radiant4",),
                      "RADIANT-4 lung subgroup: PFS 9.2 vs 3.6 months; ESMO 2021 (secondary summary): first line for "
                      "most atypical carcinoids, or after SSA failure")
SSA_THORACIC = Option("Long-acting somatostatin analogue", "somatostatin_analogue", (),
                      "for SSTR-positive, slowly growing disease; LUNA (phase 2) tested pasireotide; ESMO 2021 "
                      "recommendation level not verified here", (SSTR_POS,))
PRRT_THORACIC = Option("PRRT (uptake on all target lesions)", "prrt", (),
                       "ESMO 2021 (secondary summary): mainly third line, second line if the syndrome is uncontrolled",
                       (SSTR_POS, NO_PRIOR_PRRT, PRRT_UPTAKE))
TMZ_THORACIC = Option("Temozolomide-based chemotherapy", "chemotherapy", (),
                      "ESMO 2021 (secondary summary): after everolimus")
MDT = Option("Discuss at a multidisciplinary tumour board", "multidisciplinary_review")
ONC = Option("Oncological resection with regional lymphadenectomy", "oncologic_resection_with_lymphadenectomy")
EUS = Option("Endoscopic resection", "endoscopic_resection")

SYNDROME_CONTROL: dict[str, tuple[Option, ...]] = {
    "carcinoid_syndrome": (Option("Long-acting somatostatin analogue", "syndrome_control", (),
                                  "customary (unproven) cover before surgery or embolisation against carcinoid crisis; the same drug "
                                  "is the first antiproliferative step for SSTR-positive G1/G2 tumours"),),
    "gastrinoma": (Option("High-dose proton-pump inhibitor", "syndrome_control"),),
    "insulinoma": (Option("Diet and diazoxide", "syndrome_control"), Option("Everolimus", "syndrome_control"),
                   Option("Somatostatin analogue only under glucose monitoring (may worsen hypoglycaemia)",
                          "syndrome_control")),
    "glucagonoma": (Option("Somatostatin analogue for symptoms", "syndrome_control"),),
    "vipoma": (Option("Somatostatin analogue for symptoms, fluids and potassium", "syndrome_control"),),
    "somatostatinoma": (Option("Individualised symptom control", "syndrome_control"),),
}
TELOTRISTAT = Option("Add telotristat ethyl if diarrhoea stays uncontrolled on the SSA", "syndrome_control",
                     ("telestar",))
SYNDROME_SOURCES = {"carcinoid_syndrome": ("enets2022_carcinoid_syndrome", "pdq_gi_net", "telestar"),
                    "gastrinoma": ("enets2023_functioning", "zes_review", "pdq_pnet"),
                    "insulinoma": ("enets2023_functioning", "insulinoma_therapy", "ssa_hypoglycaemia"),
                    "glucagonoma": ("enets2023_functioning", "pdq_pnet"), "vipoma": ("enets2023_functioning", "pdq_pnet"),
                    "somatostatinoma": ("enets2023_functioning", "pdq_pnet")}

#: Values shown for a missing finding in ``Recommendation.branches``: (value, in words). Sizes are filled in
#: from the rules' own cut-offs by :func:`netlib.treatment.recommend`.
BRANCH_VALUES: Mapping[str, tuple[tuple[object, str], ...]] = {
    "metastasis": (("none", "no distant metastases"), ("liver_only", "liver-only metastases"),
                   ("extrahepatic_only", "extrahepatic metastases")),
    "clinical_nodes": (("negative", "node-negative"), ("positive", "node-positive")),
    "depth": tuple((d, f"depth {_words(d)}") for d in ("mucosa", "submucosa", "muscularis_propria", "subserosa")),
    "gastric_type": tuple((n, f"type {n}") for n in (1, 2, 3)),
    "syndrome": tuple((s, _words(s)) for s in VOCABULARY["syndrome"]),
    "sstr_positive": ((True, "SSTR-positive"), (False, "SSTR-negative")),
    "progression": ((True, "progressing"), (False, "stable")),
    "liver_metastases_resectable": ((True, "resectable"), (False, "not resectable")),
    "ki67_percent": tuple((k, f"Ki-67 {k:g} %") for k in (5.0, 15.0, 30.0, 60.0)),
}
#: When several findings are missing, the case asks first for the one earliest in this list (the order a
#: work-up establishes them), whatever the order of the rules.
MISSING_ORDER: tuple[str, ...] = ("site", "metastasis", "functioning", "syndrome", "gastric_type", "size_cm", "depth",
                                  "regional_nodes_positive", "clinical_nodes", "sstr_positive", "progression",
                                  "liver_metastases_resectable", "ki67_percent", "prior_therapies")
#: A missing finding read by several fields is varied through this one.
BRANCH_FIELD: Mapping[str, str] = {"regional_nodes_positive": "clinical_nodes"}


def _r(key, title, conditions, category, options, rationale, evidence=(), sources=(), flags=(), cuts=(), *,
       layer="tumour", refines=(), because="", not_checked=None, boundary_flag="size_boundary") -> Rule:
    return Rule(key, title, tuple(conditions), category, tuple(options), rationale, tuple(evidence), tuple(sources),
                tuple(flags), tuple(cuts), layer, tuple(refines), because, dict(not_checked or {}), boundary_flag)


_MOST_EXTENSIVE = "already the most extensive local treatment: no finding could call for more"
_NF_GEP = (LOCALISED, NON_FUNCTIONING)

_SYSTEMIC_RULES = ("first_line_ssa", "first_line_g3_prrt", "first_line_g3_pancreas_chemo", "first_line_g3_outside",
                   "first_line_sstr_negative_progressing", "first_line_sstr_negative_stable",
                   "thoracic_first_line_ssa", "thoracic_first_line_everolimus", "progression_midgut",
                   "progression_pancreas", "progression_gep", "progression_g3", "progression_thoracic",
                   "progression_thoracic_prrt",
                   "progression_thoracic_chemo", "stable_on_ssa", "stable_after_other")


def _hormone_rules() -> list[Rule]:
    out = [
        _r("carcinoid_syndrome_control", "Carcinoid syndrome with metastases: control the syndrome first",
           [syndrome_in("carcinoid_syndrome"), METASTATIC, NO_PRIOR_SSA], "syndrome_control",
           SYNDROME_CONTROL["carcinoid_syndrome"],
           "Hormone excess can be life-threatening and is controlled first; tumour-directed therapy follows.",
           sources=SYNDROME_SOURCES["carcinoid_syndrome"], layer="hormone"),
        _r("carcinoid_syndrome_on_ssa", "Carcinoid syndrome already on a somatostatin analogue",
           [syndrome_in("carcinoid_syndrome"), METASTATIC, PRIOR_SSA], "syndrome_control",
           SYNDROME_CONTROL["carcinoid_syndrome"] + (TELOTRISTAT,),
           "Continue the SSA; if diarrhoea is uncontrolled on it, telotristat reduces bowel movements (TELESTAR).",
           evidence=["telestar"], sources=SYNDROME_SOURCES["carcinoid_syndrome"], layer="hormone"),
    ]
    for syn in ("gastrinoma", "insulinoma", "glucagonoma", "vipoma", "somatostatinoma"):
        out.append(_r(f"{syn}_control", f"Metastatic {_words(syn)}: control the syndrome first",
                      [syndrome_in(syn), METASTATIC], "syndrome_control", SYNDROME_CONTROL[syn],
                      "Hormone excess can be life-threatening and is controlled first; tumour-directed therapy "
                      "follows.", sources=SYNDROME_SOURCES[syn],
                      flags=["ssa_may_worsen_hypoglycaemia"] if syn == "insulinoma" else [], layer="hormone"))
    return out


RULES: tuple[Rule, ...] = tuple(_hormone_rules()) + (
    # --- pathology outside the NET pathways ------------------------------------------------------------------
    _r("thoracic_high_grade", "Small cell or large cell carcinoma of lung/thymus", [label_in("SCLC", "LCNEC")],
       "multidisciplinary_review", [MDT],
       "SCLC and LCNEC are treated with lung cancer protocols, outside this module.",
       sources=["esmo2021_lung_thymic", "lung_net_tnm"],
       flags=["outside_netlib_scope"]),
    _r("nec_second_line", "Advanced neuroendocrine carcinoma after platinum-etoposide", [label_in("NEC"), METASTATIC,
       PRIOR_PLATINUM], "chemotherapy",
       [Option("Irinotecan-based chemotherapy with a fluoropyrimidine (e.g. FOLFIRI; liposomal irinotecan + 5-FU "
               "in NET-02)", "chemotherapy", (), "phase 2 and retrospective evidence only"),
        Option("Oxaliplatin-based chemotherapy (FOLFOX)", "chemotherapy", (), "retrospective series"), MDT],
       "There is no standard second line for NEC; small phase 2 trials and retrospective series support irinotecan- "
       "or oxaliplatin-based chemotherapy (median overall survival in NET-02 about 6 months).",
       sources=["net02", "enets2023_nec", "hentic2012_folfiri", "hadoux2015_folfox"], flags=["no_randomised_evidence"]),
    _r("nec_advanced", "Advanced neuroendocrine carcinoma", [label_in("NEC"), METASTATIC, NO_PRIOR_PLATINUM],
       "platinum_etoposide",
       [Option("Carboplatin (or cisplatin) + etoposide, first line", "platinum_etoposide"),
        Option("Irinotecan + fluoropyrimidine, second line", "chemotherapy")],
       "Metastatic NEC behaves like small cell carcinoma: platinum-etoposide first line (median survival about "
       "11-12 months).", sources=["enets2023_nec"]),
    _r("nec_localised", "Localised neuroendocrine carcinoma", [label_in("NEC"), LOCALISED], "individualized",
       [Option("Resection with or without adjuvant chemotherapy", "oncologic_resection_with_lymphadenectomy"),
        Option("Chemoradiation", "chemotherapy")],
       "Localised NEC: resection with or without adjuvant chemotherapy, or chemoradiation, decided case by case.",
       sources=["enets2023_nec", "nccn_net"],
       not_checked={"nodes": "the options already include resection with lymphadenectomy",
                    "depth": "the options already include resection", "grade": "NEC is the highest grade"}),
    _r("minen", "MiNEN", [label_in("MiNEN")], "multidisciplinary_review", [MDT],
       "Each component is graded separately; management is decided case by case.", sources=["who2019_digestive", "minen_30_percent"]),
    _r("grade_undetermined", "Grade cannot be assigned", [label_in("undetermined")], "multidisciplinary_review",
       [MDT], "Without a grade (or differentiation) the pathway cannot be chosen: review the pathology first.",
       sources=["who2019_digestive"]),
    _r("unknown_primary_localised", "Unknown primary without metastases", [site_in("unknown_primary"), LOCALISED,
       WELL_ANY], "multidisciplinary_review", [MDT],
       "A NET of unknown primary without distant metastases is unusual: find the primary (SSTR-PET, endoscopy) "
       "before choosing local treatment; a functioning tumour, too, must be localised before surgery.", sources=["esmo2020"]),

    # --- localised functioning tumours -------------------------------------------------------------------------
    _r("insulinoma_enucleation", "Localised insulinoma", [syndrome_in("insulinoma"), LOCALISED, site_not("unknown_primary"), NET_G12,
       NODE_NEGATIVE, NO_NEIGHBOUR_INVASION], "enucleation",
       [Option("Enucleation when technically feasible", "enucleation"),
        Option("Formal pancreatic resection when enucleation is not feasible",
               "oncologic_resection_with_lymphadenectomy"),
        Option("Diet and diazoxide until surgery", "syndrome_control")],
       "Most insulinomas are small, solitary and benign: enucleation cures while sparing pancreas.",
       sources=["insulinoma_therapy", "enets2023_functioning"], flags=["ssa_may_worsen_hypoglycaemia"],
       not_checked={"depth": "the pancreas has no wall layers; invasion of neighbouring structures is checked "
                             "instead"}),
    _r("insulinoma_resection", "Insulinoma with nodes, G3 or invasion", [syndrome_in("insulinoma"), LOCALISED, site_not("unknown_primary"),
       WELL_NET, any_of(NODE_POSITIVE, NET_G3, INVADES_NEIGHBOURS)], "oncologic_resection_with_lymphadenectomy",
       [ONC, Option("Diet and diazoxide until surgery", "syndrome_control")],
       "Enucleation removes no nodes: a node-positive, invasive or G3 insulinoma needs a formal resection with "
       "lymphadenectomy.", sources=["insulinoma_therapy", "enets2023_functioning"],
       flags=["ssa_may_worsen_hypoglycaemia"], not_checked={"depth": _MOST_EXTENSIVE}),
    _r("gastrinoma_localised", "Localised gastrinoma", [syndrome_in("gastrinoma"), LOCALISED, site_not("unknown_primary"), WELL_ANY],
       "oncologic_resection_with_lymphadenectomy",
       [ONC, Option("High-dose proton-pump inhibitor for acid control", "syndrome_control")],
       "Control acid with a PPI; localised gastrinoma is resected with its nodes.",
       sources=["enets2023_functioning", "zes_review", "pdq_pnet"],
       not_checked={k: _MOST_EXTENSIVE for k in ("nodes", "depth", "grade")}),
    _r("functioning_localised", "Other localised functioning tumour",
       [syndrome_in("glucagonoma", "vipoma", "somatostatinoma", "carcinoid_syndrome"), LOCALISED, site_not("unknown_primary"), WELL_ANY],
       "oncologic_resection_with_lymphadenectomy",
       [Option("Control the syndrome first (see the functioning-syndromes notebook)", "syndrome_control"), ONC],
       "Control the syndrome, then resect the localised primary with its nodes (resection is the only cure).",
       sources=["enets2023_functioning", "pdq_pnet", "pdq_gi_net"], not_checked={k: _MOST_EXTENSIVE for k in ("nodes", "depth", "grade")}),

    # --- lung and thymus -------------------------------------------------------------------------------------
    _r("thoracic_carcinoid_localised", "Localised lung or thymic carcinoid",
       [THORACIC, LOCALISED, NON_FUNCTIONING, CARCINOID], "oncologic_resection_with_lymphadenectomy", [ONC],
       "Resection of the primary with its regional nodes is the only potentially curative treatment.",
       sources=["esmo2021_lung_thymic", "pdq_gi_net"], flags=["general_principle"],
       not_checked={k: _MOST_EXTENSIVE for k in ("nodes", "depth", "grade")}),

    # --- pancreas, non-functioning -----------------------------------------------------------------------------
    _r("pnet_small_surveillance", "Small asymptomatic non-functioning pancreatic NET without aggressive features",
       [site_in("pancreas"), *_NF_GEP, NOT_SYMPTOMATIC, size("<", 2), NODE_NEGATIVE, NET_G12, NO_LVI,
        NO_NEIGHBOUR_INVASION], "surveillance",
       [Option("Active surveillance with imaging", "surveillance"),
        Option("Resection remains an option (e.g. the patient's choice)", ONC.category)],
       "ENETS favours a watchful strategy for asymptomatic non-functioning pancreatic NETs below 2 cm; the ASPEN "
       "study follows such tumours <= 2 cm and counts Ki-67 > 20 %, nodal or distant metastases and vascular or "
       "perineural invasion as aggressive features that exclude them (this course does not record perineural "
       "invasion: if the report mentions it, the case belongs to the tumour board).",
       sources=["enets2023_nf_pnet", "aspen_interim", "aspen_2020", "nccn_net"], cuts=(2.0,),
       boundary_flag="surveillance_threshold_disputed",
       not_checked={"depth": "the pancreas has no wall layers; invasion of neighbouring structures is checked "
                             "instead"}),
    _r("pnet_resection", "Localised pancreatic NET: 2 cm or more, symptomatic or with aggressive features",
       [site_in("pancreas"), *_NF_GEP, WELL_NET,
        any_of(size(">=", 2), SYMPTOMATIC, NODE_POSITIVE, NET_G3, LVI, INVADES_NEIGHBOURS)],
       "oncologic_resection_with_lymphadenectomy", [ONC],
       "Pancreatic NETs of 2 cm or more, symptomatic ones and those with nodes, G3 or invasion are resected with "
       "their lymph nodes; adjuvant therapy has no proven benefit.",
       sources=["nccn_net", "enets2023_nf_pnet", "pdq_pnet"], cuts=(2.0,),
       boundary_flag="surveillance_threshold_disputed", not_checked={"depth": _MOST_EXTENSIVE}),

    # --- stomach -----------------------------------------------------------------------------------------------
    _r("gastric_type1_small", "Gastric NET type 1, <= 1 cm, superficial, G1/G2",
       [site_in("stomach"), *_NF_GEP, gastric_type(1), size("<=", 1), NET_G12, WITHIN_SUBMUCOSA,
        NO_KNOWN_POSITIVE_NODE, NO_NEIGHBOUR_INVASION], "endoscopic_resection_or_surveillance",
       [Option("Endoscopic surveillance", "surveillance"), EUS],
       "Type 1 tumours are small, multifocal and rarely metastasise (< 5 %).",
       sources=["esge2022", "pdq_gi_net", "enets2023_gastroduodenal"], cuts=(1.0,),
       not_checked={"nodes": "node staging is not part of the size-based type 1 rule; a reported positive node "
                             "excludes it"}),
    _r("gastric_type1_large", "Gastric NET type 1, > 1 cm, superficial, G1/G2",
       [site_in("stomach"), *_NF_GEP, gastric_type(1), size(">", 1), NET_G12, WITHIN_SUBMUCOSA,
        NO_KNOWN_POSITIVE_NODE, NO_NEIGHBOUR_INVASION], "endoscopic_resection", [EUS],
       "Type 1 tumours above 10 mm are removed endoscopically (ESGE, strong recommendation).",
       sources=["esge2022", "pdq_gi_net"], cuts=(1.0,),
       not_checked={"nodes": "node staging is not part of the size-based type 1 rule; a reported positive node "
                             "excludes it"}),
    _r("gastric_type2", "Gastric NET type 2, superficial, G1/G2",
       [site_in("stomach"), *_NF_GEP, gastric_type(2), NET_G12, WITHIN_SUBMUCOSA, NO_KNOWN_POSITIVE_NODE,
        NO_NEIGHBOUR_INVASION],
       "endoscopic_resection",
       [Option("Endoscopic management of the gastric lesions", "endoscopic_resection"),
        Option("Find and treat the gastrinoma", "oncologic_resection_with_lymphadenectomy")],
       "Type 2 tumours are driven by a gastrinoma (mostly MEN1): treat the cause.",
       sources=["pdq_gi_net", "nccn_net", "enets2023_gastroduodenal"],
       not_checked={"nodes": "a reported positive node excludes endoscopic management",
                    "size": "no size limit for type 2 lesions was verified in our sources"}),
    _r("gastric_type12_surgery", "Gastric NET type 1 or 2 beyond endoscopic limits",
       [site_in("stomach"), *_NF_GEP, gastric_type(1, 2), WELL_NET,
        any_of(DEEPER_THAN_SUBMUCOSA, KNOWN_POSITIVE_NODE, NET_G3, INVADES_NEIGHBOURS)],
       "gastrectomy_with_lymphadenectomy",
       [Option("Surgical resection (partial gastrectomy) with lymphadenectomy", "gastrectomy_with_lymphadenectomy"),
        Option("Find and treat the gastrinoma (type 2)", "oncologic_resection_with_lymphadenectomy",
               conditions=(gastric_type(2),))],
       "Endoscopic treatment is for superficial, low-grade, node-negative tumours; invasion of the muscularis "
       "propria, positive nodes or G3 call for surgery with lymphadenectomy, as for type 3.",
       sources=["enets2023_gastroduodenal", "nccn_net"], not_checked={k: _MOST_EXTENSIVE for k in ("nodes",)}),
    _r("gastric_type3", "Gastric NET type 3", [site_in("stomach"), *_NF_GEP, gastric_type(3), WELL_NET],
       "gastrectomy_with_lymphadenectomy",
       [Option("Partial or total gastrectomy with lymphadenectomy", "gastrectomy_with_lymphadenectomy"),
        Option("Endoscopic resection (ENETS 2023; North American guidance is stricter)", "endoscopic_resection",
               conditions=(size("<", 1), WITHIN_SUBMUCOSA, NET_G12, NODE_NEGATIVE))],
       "Sporadic type 3 tumours behave aggressively (metastases in more than half).",
       sources=["nccn_net", "pdq_gi_net", "enets2023_gastroduodenal"], flags=["sources_disagree"],
       not_checked={k: _MOST_EXTENSIVE for k in ("nodes", "depth", "grade")}),

    # --- duodenum and ampulla --------------------------------------------------------------------------------
    _r("duodenum_small", "Duodenal NET < 1 cm, confined to the submucosa, node-negative",
       [site_in("duodenum"), *_NF_GEP, size("<", 1), WITHIN_SUBMUCOSA, NODE_NEGATIVE, NET_G12,
        NO_NEIGHBOUR_INVASION],
       "endoscopic_resection", [Option("Endoscopic excision", "endoscopic_resection")],
       "Small non-ampullary duodenal NETs confined to the submucosa without nodes are removed endoscopically.",
       sources=["pdq_gi_net", "enets2023_gastroduodenal"], cuts=(1.0,)),
    _r("duodenum_mid", "Duodenal NET 1-2 cm, confined to the submucosa, node-negative",
       [site_in("duodenum"), *_NF_GEP, size_between(1, 2), WITHIN_SUBMUCOSA, NODE_NEGATIVE, NET_G12,
        NO_NEIGHBOUR_INVASION],
       "individualized", [Option("Local or full-thickness excision", "individualized"), ONC],
       "1-2 cm duodenal NETs: local (full-thickness) excision or resection, chosen case by case.",
       sources=["pdq_gi_net", "enets2023_gastroduodenal"], cuts=(1.0, 2.0)),
    _r("duodenum_resection", "Duodenal NET > 2 cm, deep, node-positive or G3",
       [site_in("duodenum"), *_NF_GEP, WELL_NET,
        any_of(size(">", 2), DEEPER_THAN_SUBMUCOSA, NODE_POSITIVE, NET_G3, INVADES_NEIGHBOURS)],
       ONC.category, [ONC], "Operative excision with regional lymphadenectomy.",
       sources=["pdq_gi_net", "enets2023_gastroduodenal"], cuts=(2.0,), not_checked={"nodes": _MOST_EXTENSIVE}),
    _r("ampulla_resection", "Ampullary NET with nodes, G3 or invasion",
       [site_in("ampulla"), *_NF_GEP, WELL_NET, any_of(KNOWN_POSITIVE_NODE, NET_G3, INVADES_NEIGHBOURS)],
       ONC.category, [ONC], "A node-positive, invasive or G3 ampullary NET needs resection with lymphadenectomy.",
       sources=["enets2023_gastroduodenal", "pdq_gi_net"], not_checked={"depth": _MOST_EXTENSIVE}),
    _r("ampulla", "Ampullary NET", [site_in("ampulla"), *_NF_GEP, NET_G12, NO_KNOWN_POSITIVE_NODE,
       NO_NEIGHBOUR_INVASION], "individualized", [ONC, MDT],
       "Ampullary and periampullary NETs can metastasise even below 1 cm; management is individualised.",
       sources=["enets2023_gastroduodenal", "pdq_gi_net"],
       not_checked={"depth": "ampullary NETs can metastasise even when small and superficial; the individualised "
                             "options already include resection",
                    "nodes": "the individualised options already include resection with lymphadenectomy"}),

    # --- appendix ----------------------------------------------------------------------------------------------
    _r("appendix_small", "Appendiceal NET < 1 cm", [site_in("appendix"), *_NF_GEP, size("<", 1), NET_G12,
       NO_KNOWN_POSITIVE_NODE, NO_NEIGHBOUR_INVASION, NO_POSITIVE_MARGIN], "appendectomy",
       [Option("Appendectomy", "appendectomy")],
       "Most appendiceal NETs are below 1 cm, and for them simple appendectomy is curative; the ENETS risk factors "
       "are weighed for 1-2 cm tumours.",
       sources=["esmo2020", "pdq_gi_net", "appendix_risk_factors"], cuts=(1.0,),
       not_checked={"nodes": "an appendectomy removes no regional nodes; a reported positive node leads to "
                             "hemicolectomy",
                    "depth": "appendiceal risk is judged by mesoappendiceal invasion, not wall layers"}),
    _r("appendix_small_margin", "Appendiceal NET < 1 cm with a positive margin",
       [site_in("appendix"), *_NF_GEP, size("<", 1), NET_G12, NO_KNOWN_POSITIVE_NODE, NO_NEIGHBOUR_INVASION,
        POSITIVE_MARGIN], "individualized", [Option("Re-resection or completion surgery", "individualized"), MDT],
       "Tumour at the margin means tumour left behind: further surgery is decided case by case.",
       sources=["esmo2020", "appendix_risk_factors"], cuts=(1.0,),
       not_checked={"depth": "appendiceal risk is judged by mesoappendiceal invasion, not wall layers",
                    "nodes": "a reported positive node leads to hemicolectomy"}),
    _r("appendix_mid", "Appendiceal NET 1-2 cm without risk factors", [site_in("appendix"), *_NF_GEP,
       size_between(1, 2), NET_G1, NO_APPENDIX_RISK, NO_KNOWN_POSITIVE_NODE, NO_NEIGHBOUR_INVASION],
       "appendectomy", [Option("Appendectomy", "appendectomy")],
       "Without risk factors, simple appendectomy suffices for 1-2 cm tumours.",
       sources=["appendix_risk_factors", "nesti2023"], cuts=(1.0, 2.0),
       not_checked={"nodes": "an appendectomy removes no regional nodes; a reported positive node leads to "
                             "hemicolectomy",
                    "depth": "appendiceal risk is judged by mesoappendiceal invasion, not wall layers"}),
    _r("appendix_mid_risk", "Appendiceal NET 1-2 cm with risk factors", [site_in("appendix"), *_NF_GEP,
       size_between(1, 2), WELL_NET, APPENDIX_RISK], "right_hemicolectomy",
       [Option("Right hemicolectomy (ENETS 2016 risk-factor approach)", "right_hemicolectomy"),
        Option("Appendectomy alone (NCCN; no survival benefit of hemicolectomy shown)", "appendectomy",
               conditions=(NO_KNOWN_POSITIVE_NODE, NET_G12, NO_POSITIVE_MARGIN))],
       "1-2 cm is controversial: ENETS 2016 selects hemicolectomy by risk factors, NCCN regards appendectomy as "
       "sufficient, and a European pooled cohort suggests overtreatment.",
       sources=["appendix_risk_factors", "nesti2023", "nccn_net"], flags=["controversial"], cuts=(1.0, 2.0),
       not_checked={"depth": "appendiceal risk is judged by mesoappendiceal invasion, not wall layers",
                    "nodes": "hemicolectomy removes the ileocaecal nodes; a positive node (like a positive margin, "
                             "which means tumour left behind) withdraws the appendectomy-alone option"}),
    _r("appendix_large", "Appendiceal NET > 2 cm, node-positive, G3 or invading neighbours",
       [site_in("appendix"), *_NF_GEP, WELL_NET,
        any_of(size(">", 2), KNOWN_POSITIVE_NODE, NET_G3, INVADES_NEIGHBOURS)],
       "right_hemicolectomy", [Option("Right hemicolectomy with ileocaecal lymphadenectomy", "right_hemicolectomy")],
       "Above 2 cm, with positive nodes or G3, the nodal risk justifies right hemicolectomy.",
       sources=["esmo2020", "nesti2023", "pdq_gi_net", "appendix_risk_factors"], cuts=(2.0,),
       refines=("appendix_mid_risk",),
       because="positive nodes or G3 make hemicolectomy the standard, not an open question",
       not_checked={"depth": _MOST_EXTENSIVE}),

    # --- rectum and colon -------------------------------------------------------------------------------------
    _r("rectum_small", "Rectal NET < 1 cm, superficial, node-negative, G1/G2",
       [site_in("rectum"), *_NF_GEP, size("<", 1), WITHIN_SUBMUCOSA, NODE_NEGATIVE, NET_G12, NO_LVI,
        NO_POSITIVE_MARGIN, NO_NEIGHBOUR_INVASION],
       "endoscopic_resection",
       [Option("Endoscopic resection aiming at R0 (cap-EMR, ESD or EFTR)", "endoscopic_resection")],
       "Below 1 cm the metastasis risk is under 3 %.", sources=["pdq_gi_net", "rectal_net_risk",
                                                               "enets2023_colorectal"], cuts=(1.0,)),
    _r("rectum_mid", "Rectal NET 1-2 cm (or with vascular invasion), superficial, node-negative",
       [site_in("rectum"), *_NF_GEP, size("<=", 2), any_of(size(">=", 1), LVI, POSITIVE_MARGIN), WITHIN_SUBMUCOSA,
        NODE_NEGATIVE,
        NET_G12, NO_NEIGHBOUR_INVASION], "individualized", [Option("Endoscopic resection", "endoscopic_resection"), ONC],
       "1-2 cm, vascular invasion or a positive margin: individualised; lymphovascular invasion and size > 1 cm "
       "predict nodal metastases.",
       sources=["pdq_gi_net", "rectal_net_risk", "enets2023_colorectal"], cuts=(1.0, 2.0)),
    _r("rectum_large", "Rectal NET > 2 cm, invading the muscularis propria, node-positive or G3",
       [site_in("rectum"), *_NF_GEP, WELL_NET,
        any_of(size(">", 2), DEEPER_THAN_SUBMUCOSA, NODE_POSITIVE, NET_G3, INVADES_NEIGHBOURS)], ONC.category,
       [Option("Oncological resection (low anterior or abdominoperineal resection)", ONC.category)],
       "Metastasis risk is high above 2 cm (about 80 % at >= 20 mm in one series), with muscularis propria "
       "invasion, positive nodes or G3.", sources=["pdq_gi_net", "rectal_net_risk", "enets2023_colorectal"],
       cuts=(2.0,), not_checked={"nodes": _MOST_EXTENSIVE}),
    _r("colon", "Colonic NET", [site_in("colon"), *_NF_GEP, WELL_NET], ONC.category,
       [Option("Hemicolectomy or segmental colectomy with lymphadenectomy", ONC.category)],
       "Colonic NETs are treated like adenocarcinoma.", sources=["enets2023_colorectal", "pdq_gi_net"],
       not_checked={k: _MOST_EXTENSIVE for k in ("nodes", "depth", "grade")}),
    _r("small_intestine", "Jejunal or ileal NET", [site_in("jejunum_ileum"), *_NF_GEP, WELL_NET], ONC.category,
       [Option("Resection of the primary and mesenteric nodes, retrieving at least 8 nodes", ONC.category)],
       "Small-bowel NETs often involve the mesenteric nodes; only with at least 8 retrieved nodes did nodal "
       "burden separate recurrence-free survival in a US multicentre series.",
       sources=["zaidi2019", "esmo2020", "pdq_gi_net"], not_checked={k: _MOST_EXTENSIVE for k in ("nodes", "depth", "grade")}),

    # --- metastatic well-differentiated disease ---------------------------------------------------------------
    _r("liver_resection", "Resectable liver-only metastases", [METASTATIC, KNOWN_PRIMARY, WELL_ANY, LIVER_ONLY,
       RESECTABLE],
       "liver_metastasis_resection",
       [Option("Resect all visible disease (with the primary)", "liver_metastasis_resection"),
        Option("Ablation or (chemo/radio)embolisation as alternatives", "individualized")],
       "Resection of all visible liver disease, with the primary, is associated with better survival in case "
       "series; it needs a known primary.",
       sources=["esmo2020", "pdq_gi_net", "liver_mets_series"], flags=["no_randomised_evidence"], refines=_SYSTEMIC_RULES,
       because="removing all visible disease comes before systemic therapy when it is feasible"),
    _r("first_line_ssa", "SSTR-positive NET G1/G2, first line", [METASTATIC, GEP_OR_UNKNOWN, NET_G12,
       TREATMENT_NAIVE, SSTR_POS], "somatostatin_analogue", [SSA, PRRT_N2],
       "Somatostatin analogues are antiproliferative as well as antisecretory (PROMID, CLARINET); first-line "
       f"PRRT is an option for GEP-NETs with Ki-67 {NETTER2_KI67[0]:g}-{NETTER2_KI67[1]:g} % (NETTER-2).",
       evidence=["promid", "clarinet"], sources=["promid", "clarinet", "netter2"]),
    _r("first_line_g3_prrt", "SSTR-positive GEP NET G3 within NETTER-2, first line", [METASTATIC, GEP_SITE, NET_G3,
       TREATMENT_NAIVE, SSTR_POS, KI67_IN_NETTER2, NOT_LOW_UPTAKE], "prrt",
       [PRRT_N2, Option(CAPTEM.name, CAPTEM.category, CAPTEM.evidence, CAPTEM.note, (site_in("pancreas"),))],
       "NETTER-2 showed longer PFS with first-line PRRT in SSTR-positive G2/G3 GEP-NETs (against high-dose "
       "octreotide; no trial compares it with chemotherapy).", evidence=["netter2"],
       sources=["netter2"], flags=["order_individualised"]),
    _r("first_line_g3_pancreas_chemo", "Pancreatic NET G3 outside NETTER-2, first line",
       [METASTATIC, site_in("pancreas"), NET_G3, TREATMENT_NAIVE, any_of(KI67_OUTSIDE_NETTER2, SSTR_NEG, LOW_UPTAKE)],
       "chemotherapy", [CAPTEM_G3, MDT],
       "Outside the NETTER-2 Ki-67 range, or without SSTR expression or enough uptake (Krenning 0-1), PRRT is not "
       "first line; chemotherapy such as "
       "CAPTEM is an extrapolation from low/intermediate-grade pancreatic NETs (E2211), decided by the tumour board.",
       sources=["e2211", "esmo2020"], flags=["outside_trial_population"]),
    _r("first_line_g3_outside", "NET G3 outside NETTER-2 (not pancreatic), first line",
       [METASTATIC, GEP_OR_UNKNOWN, site_not("pancreas"), NET_G3, TREATMENT_NAIVE,
        any_of(KI67_OUTSIDE_NETTER2, SSTR_NEG, site_in("unknown_primary"), LOW_UPTAKE)], "multidisciplinary_review",
       [MDT],
       "No trial-based first line is modelled for a non-pancreatic NET G3 outside the NETTER-2 population "
       "(Ki-67 outside its range, SSTR-negative, or an unknown primary): decided case by case.",
       sources=["netter2", "esmo2020"], flags=["outside_trial_population"]),
    _r("first_line_sstr_negative_progressing", "SSTR-negative progressive NET G1/G2, first line",
       [METASTATIC, GEP_OR_UNKNOWN, NET_G12, TREATMENT_NAIVE, SSTR_NEG, PROGRESSION], "targeted_therapy",
       [Option(EVE_P.name, EVE_P.category, EVE_P.evidence, conditions=(site_in("pancreas"),)),
        Option(SUNI.name, SUNI.category, SUNI.evidence, conditions=(site_in("pancreas"),)),
        Option(CAPTEM.name, CAPTEM.category, CAPTEM.evidence, CAPTEM.note, (site_in("pancreas"),)),
        Option(EVE_GI.name, EVE_GI.category, EVE_GI.evidence, EVE_GI.note, (site_not("pancreas"),))],
       "Without SSTR expression SSAs and PRRT lack their target; the trials of targeted therapy enrolled "
       "progressive disease.", evidence=["radiant3", "sunitinib_pnet", "radiant4"],
       sources=["radiant3", "sunitinib_pnet", "radiant4", "e2211"]),
    _r("first_line_sstr_negative_stable", "SSTR-negative NET G1/G2 without progression, first line",
       [METASTATIC, GEP_OR_UNKNOWN, NET_G12, TREATMENT_NAIVE, SSTR_NEG, STABLE], "multidisciplinary_review", [MDT],
       "SSA evidence (CLARINET) is in SSTR-positive tumours and the targeted-therapy trials enrolled progressive "
       "disease: the timing of treatment is decided case by case.", sources=["clarinet", "radiant4", "esmo2020"]),
    _r("thoracic_first_line_ssa", "Metastatic typical carcinoid of lung/thymus, SSTR-positive, first line",
       [METASTATIC, THORACIC, label_in("typical carcinoid"), TREATMENT_NAIVE, SSTR_POS], "somatostatin_analogue",
       [SSA_THORACIC, EVE_THORACIC],
       "SSTR-positive, slowly growing typical carcinoids are often started on an SSA: ESMO 2021 (read in a secondary "
       "source) places everolimus after SSA failure in typical carcinoids, though its own wording on first-line SSA "
       "was not verified here; everolimus prolonged PFS in the RADIANT-4 lung subgroup.", evidence=["radiant4"],
       sources=["esmo2021_lung_thymic", "radiant4_lung", "luna"], flags=["secondary_source"]),
    _r("thoracic_first_line_everolimus", "Metastatic atypical or SSTR-negative lung/thymic carcinoid, first line",
       [METASTATIC, THORACIC, CARCINOID, TREATMENT_NAIVE, any_of(label_in("atypical carcinoid"), SSTR_NEG)],
       "targeted_therapy", [EVE_THORACIC, SSA_THORACIC],
       "ESMO 2021 (secondary summary) places everolimus first line for most atypical carcinoids; RADIANT-4 "
       "included lung carcinoids.", evidence=["radiant4"],
       sources=["esmo2021_lung_thymic", "radiant4_lung", "radiant4"], flags=["secondary_source"]),
    _r("progression_midgut", "Midgut NET progressing on an SSA", [METASTATIC, site_in("jejunum_ileum"), NET_G12,
       PRIOR_SSA, NO_PRIOR_PRRT, PROGRESSION, SSTR_POS, NOT_LOW_UPTAKE], "prrt", [PRRT_N1, EVE_GI, CABO_EP],
       "NETTER-1: PRRT after progression on octreotide markedly prolonged progression-free survival.", evidence=["netter1"],
       sources=["netter1", "radiant4", "cabinet"], refines=("progression_gep",),
       because="NETTER-1 tested exactly this population"),
    _r("progression_pancreas", "Pancreatic NET progressing on treatment", [METASTATIC, site_in("pancreas"),
       NET_G12, PRETREATED, PROGRESSION], "targeted_therapy", [EVE_P, SUNI, CAPTEM, CABO_P, PRRT_ESMO, PRRT_RETREAT],
       "Several agents prolong PFS in progressive pancreatic NETs; the order is individualised.",
       evidence=["radiant3", "sunitinib_pnet", "e2211", "cabinet_pnet"],
       sources=["radiant3", "sunitinib_pnet", "e2211", "cabinet", "prrt_esmo_review", *_RETREAT_SOURCES],
       flags=["order_individualised"]),
    _r("progression_gep", "GI NET or unknown primary progressing on treatment",
       [METASTATIC, GEP_OR_UNKNOWN, site_not("pancreas"), NET_G12, PRETREATED, PROGRESSION],
       "targeted_therapy", [EVE_GI, CABO_EP, PRRT_ESMO, PRRT_RETREAT],
       "RADIANT-4 (everolimus) and CABINET (cabozantinib) prolonged PFS in progressive non-pancreatic NETs.",
       evidence=["radiant4", "cabinet_epnet"], sources=["radiant4", "cabinet", "prrt_esmo_review", *_RETREAT_SOURCES],
       flags=["order_individualised"]),
    _r("progression_g3", "NET G3 progressing on treatment", [METASTATIC, GEP_OR_UNKNOWN, NET_G3, PRETREATED,
       PROGRESSION], "multidisciplinary_review", [MDT],
       "The trials of everolimus, sunitinib, CAPTEM and cabozantinib enrolled low/intermediate-grade NETs; a NET G3 "
       "progressing on treatment lies outside them and is decided case by case.",
       sources=["radiant3", "radiant4", "e2211", "esmo2020"], flags=["outside_trial_population"]),
    _r("progression_thoracic", "Lung/thymic carcinoid progressing, no everolimus yet",
       [METASTATIC, THORACIC, CARCINOID, PRETREATED, PROGRESSION, NO_PRIOR_TARGETED], "targeted_therapy",
       [EVE_THORACIC, PRRT_THORACIC, TMZ_THORACIC],
       "After an SSA, everolimus is the option with randomised evidence (RADIANT-4 lung subgroup).",
       evidence=["radiant4"], sources=["esmo2021_lung_thymic", "radiant4_lung", "radiant4"],
       flags=["secondary_source"]),
    _r("progression_thoracic_prrt", "Lung/thymic carcinoid progressing after everolimus, SSTR-positive",
       [METASTATIC, THORACIC, CARCINOID, PRIOR_TARGETED, NO_PRIOR_PRRT, PROGRESSION, SSTR_POS, NOT_LOW_UPTAKE], "prrt",
       [PRRT_THORACIC, TMZ_THORACIC],
       "After everolimus, PRRT (if all lesions take up the tracer) and temozolomide-based chemotherapy are used; "
       "evidence is from non-randomised series.", sources=["esmo2021_lung_thymic"],
       flags=["secondary_source", "no_randomised_evidence"]),
    _r("progression_thoracic_chemo", "Lung/thymic carcinoid progressing after everolimus: SSTR-negative, uptake too low for PRRT, or after PRRT",
       [METASTATIC, THORACIC, CARCINOID, PRIOR_TARGETED, PROGRESSION, any_of(SSTR_NEG, PRIOR_PRRT, LOW_UPTAKE)],
       "chemotherapy", [TMZ_THORACIC, PRRT_RETREAT],
       "Without SSTR expression or enough uptake for PRRT, or after PRRT, temozolomide-based chemotherapy follows "
       "everolimus; salvage PRRT after a durable first response rests on retrospective series.",
       sources=["esmo2021_lung_thymic", *_RETREAT_SOURCES], flags=["secondary_source", "no_randomised_evidence"]),
    _r("stable_on_ssa", "Stable disease on an SSA", [METASTATIC, WELL_ANY, PRIOR_SSA, STABLE],
       "somatostatin_analogue", [SSA], "Continue the somatostatin analogue while the disease is stable.",
       evidence=["promid", "clarinet"], sources=["promid", "clarinet"]),
    _r("stable_after_other", "Stable disease after other systemic therapy",
       [METASTATIC, WELL_ANY, PRETREATED, NO_PRIOR_SSA, STABLE], "multidisciplinary_review", [MDT],
       "Whether to continue, pause or change a non-SSA therapy in stable disease is decided case by case.",
       sources=["esmo2020"]),
)
