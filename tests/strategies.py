"""Hypothesis strategies that draw coherent, clinically valid :class:`netlib.Findings`.

The fuzz tests throw noise at netlib; these strategies draw the kind of case a trainee meets: a
pathology report and staging work-up that make sense together. Allowed words, cut-offs and the
structures each T table knows are read from netlib (``VOCABULARY``, ``T_TABLES``, the grading
tables, the treatment rules), never restated here, so the strategies follow the data.

What "coherent" means here:

* a digestive (GEP) primary with differentiation (and a morphology that agrees with it), Ki-67 0-100 %
  and/or mitoses per 2 mm2, a size of 0.1-15 cm, a depth word and invaded structures that the site's
  AJCC 8 T table knows (a tumour that invades beyond the organ reaches at least the deep wall layers),
  positive nodes >= 0, a mesenteric mass only for jejunum/ileum (and then with positive nodes),
  mesoappendix/appendix-base findings only for the appendix, a gastric type only for the stomach;
* ``functioning`` only where a syndrome of the catalogue arises, a named syndrome only with
  ``functioning=True`` and at one of its typical sites (carcinoid syndrome from the gut only with liver
  metastases, as the catalogue says);
* SSTR status, progression, prior therapies and resectability of liver metastases only when
  metastatic (resectability only with liver metastases);
* lung/thymus with morphology, mitoses, necrosis and size, and no GEP-only findings.

A digestive case is a *resection* report (every deciding finding present; one of Ki-67 and mitoses may
still be missing, as in real reports), a *biopsy* (grade findings present, but no depth, invasion or
margin, and size and nodes only if imaging gave them: T and N are then often TX/NX), or an *incomplete*
report where any finding may be missing (``None`` = not reported). Lung and thymus cases are complete or
incomplete. Values sit exactly on the cut-offs of the tables and rules often enough for the boundary
branches to run.
"""
from __future__ import annotations

from hypothesis import strategies as st

from netlib import Findings, grade
from netlib.data.criteria import WHO_2021_THORACIC, WHO_2022_DIGESTIVE
from netlib.data.staging_tables import N2_MESENTERIC_MASS_CM, N2_MIN_NODES, T_ORDER, T_TABLES
from netlib.data.syndromes import GASTRIC_TYPES, SYNDROMES
from netlib.data.treatment_rules import MESOAPPENDIX_RISK_MM, NETTER2_KI67, RULES, SSA
from netlib.findings import VOCABULARY
from netlib.grading import MINEN_MIN_PERCENT

__all__ = ["GEP_SITES", "THORACIC_SITES", "SYNDROME_SITES", "gep_cases", "localised_gep_cases",
           "metastatic_gep_cases", "thoracic_cases", "unknown_primary_cases", "clinical_cases"]

#: Digestive sites: those with an AJCC 8 NET T table.
GEP_SITES: tuple[str, ...] = tuple(s for s in VOCABULARY["site"] if s in T_TABLES)
#: Lung and thymus (graded with the thoracic criteria, staged with the lung cancer TNM).
THORACIC_SITES: tuple[str, ...] = tuple(s for s in VOCABULARY["site"] if Findings(site=s).is_thoracic)
#: Sites that are neither: an unknown primary.
OTHER_SITES: tuple[str, ...] = tuple(s for s in VOCABULARY["site"] if s not in GEP_SITES + THORACIC_SITES)

# Morphology words that imply each differentiation, read from grade() (small/large cell -> NEC, carcinoid -> NET).
_IMPLIED = {m: grade(Findings(site=GEP_SITES[0], morphology=m, ki67_percent=50.0)).label
            for m in VOCABULARY["morphology"]}
POOR_MORPHOLOGIES = tuple(m for m, label in _IMPLIED.items() if label == "NEC")
WELL_MORPHOLOGIES = tuple(m for m, label in _IMPLIED.items() if label.startswith("NET"))
# and the differentiation words the same way (well -> NET G3 at Ki-67 50 %, poor -> NEC)
_DIFF = {d: grade(Findings(site=GEP_SITES[0], differentiation=d, ki67_percent=50.0)).label
         for d in VOCABULARY["differentiation"]}
WELL = next(d for d, label in _DIFF.items() if label.startswith("NET"))
POOR = next(d for d, label in _DIFF.items() if label == "NEC")
assert POOR_MORPHOLOGIES and WELL_MORPHOLOGIES and set(_DIFF) == {WELL, POOR}, (_IMPLIED, _DIFF)
_MORPHOLOGY_FOR = {POOR: POOR_MORPHOLOGIES, WELL: WELL_MORPHOLOGIES}
# the necrosis word that leaves a 1 cm lung carcinoid without mitoses typical
NO_NECROSIS = next(n for n in VOCABULARY["necrosis"] if grade(Findings(
    site=THORACIC_SITES[0], morphology=WELL_MORPHOLOGIES[0], mitoses_per_2mm2=0.0, necrosis=n,
    size_cm=1.0)).label == "typical carcinoid")
#: Most digestive NENs are well differentiated: three NETs for each NEC.
_DIFFERENTIATION = st.sampled_from([WELL, WELL, WELL, POOR])

# Where each syndrome arises: site names found in the catalogue's own words (typical sites and pitfalls).
_SITE_WORDS = {"pancreas": ("pancrea",), "duodenum": ("duoden",), "ampulla": ("periampullary",),
               "jejunum_ileum": ("midgut", "ileum", "ileal"), "lung": ("lung",)}
SYNDROME_SITES: dict[str, tuple[str, ...]] = {
    key: tuple(site for site, words in _SITE_WORDS.items()
               if any(w in (s.typical_sites + " " + " ".join(s.pitfalls)).lower() for w in words))
    for key, s in SYNDROMES.items()}
assert set(SYNDROME_SITES) == set(VOCABULARY["syndrome"]) and all(SYNDROME_SITES.values()), SYNDROME_SITES
# "Usually a midgut NET with liver metastases": from the gut, carcinoid syndrome comes with liver metastases.
_NEEDS_LIVER_METASTASES = {k for k, s in SYNDROMES.items() if "with liver metastases" in s.typical_sites}

METASTASIS_WORDS = VOCABULARY["metastasis"]
NO_METASTASIS = next(m for m in METASTASIS_WORDS if not any(w in m for w in ("liver", "extrahepatic")))
DISTANT = tuple(m for m in METASTASIS_WORDS if m != NO_METASTASIS)
LIVER = tuple(m for m in DISTANT if "liver" in m)

# Cut-offs the functions branch on, so the boundary branches run.
KI67_CUTS = tuple(sorted(set(WHO_2022_DIGESTIVE.cutoffs("ki67")) | set(NETTER2_KI67)
                         | {c for c in (WHO_2021_THORACIC.elevated_ki67_percent,) if c is not None}))
GEP_MITOSES_CUTS = WHO_2022_DIGESTIVE.cutoffs("mitoses")
THORACIC_MITOSES_CUTS = WHO_2021_THORACIC.cutoffs("mitoses")
RULE_SIZE_CUTS = tuple(sorted({c for r in RULES for c in r.size_cutoffs}))
MINEN_CUTS = (MINEN_MIN_PERCENT, 100.0 - MINEN_MIN_PERCENT)


# --- building blocks ----------------------------------------------------------------------------
def _maybe(s: st.SearchStrategy, complete: bool) -> st.SearchStrategy:
    """``s`` in a complete report; ``s`` or not reported (None) in an incomplete one."""
    return s if complete else st.none() | s


def _mostly(usual: st.SearchStrategy, unusual: st.SearchStrategy, n: int = 4) -> st.SearchStrategy:
    """``usual`` in about n - 1 of n cases, ``unusual`` in the rest."""
    return st.sampled_from([True] * (n - 1) + [False]).flatmap(lambda yes: usual if yes else unusual)


def _rarely(s: st.SearchStrategy, n: int) -> st.SearchStrategy:
    """``s`` about once in ``n`` cases, else None (shrinks towards None)."""
    return st.sampled_from([False] * (n - 1) + [True]).flatmap(lambda yes: s if yes else st.none())


#: Two complete reports for each incomplete one (shrinks towards complete).
_COMPLETE = st.sampled_from([True, True, False])
#: Digestive reports: two resections for each biopsy and each incomplete report (shrinks towards a resection).
_REPORT = st.sampled_from(["resection", "resection", "biopsy", "incomplete"])


def _measure(lo: float, hi: float, cuts=(), decimals: int = 1) -> st.SearchStrategy:
    """A measurement in [lo, hi] as a report gives it: rounded to ``decimals`` or to one more place (e.g. a
    10 mm2 count divided by 5), a whole number (as an int), or exactly on a cut-off."""
    on_cut = [float(c) for c in cuts if lo <= c <= hi]
    parts = [st.floats(lo, hi).map(lambda x, d=d: max(lo, min(hi, round(x, d)))) for d in (decimals, decimals + 1)]
    parts += [st.integers(int(-(-lo // 1)), int(hi))]
    if on_cut:
        parts.append(st.sampled_from(on_cut))
    return st.one_of(*parts)


def _ki67(differentiation: str | None) -> st.SearchStrategy:
    """Ki-67 (%): NETs mostly low (any value possible); NECs mostly high (a low value is flagged, not refused)."""
    if differentiation == POOR:
        return _mostly(_measure(20.0, 100.0, KI67_CUTS), _measure(0.0, 100.0, KI67_CUTS))
    return _mostly(_measure(0.0, 25.0, KI67_CUTS), _measure(0.0, 100.0, KI67_CUTS))


def _gep_mitoses(differentiation: str | None) -> st.SearchStrategy:
    if differentiation == POOR:
        return _mostly(_measure(10.0, 200.0, GEP_MITOSES_CUTS), _measure(0.0, 200.0, GEP_MITOSES_CUTS))
    return _mostly(_measure(0.0, 25.0, GEP_MITOSES_CUTS), _measure(0.0, 60.0, GEP_MITOSES_CUTS))


def _nodes(n2_rule: bool, at_least: int = 0) -> st.SearchStrategy:
    """Positive regional nodes: mostly none or a few, sometimes many, and around the jejunum/ileum N2 cut."""
    parts = [st.integers(at_least, 5), st.integers(at_least, 40)]
    if at_least == 0:
        parts.insert(0, st.just(0))
    if n2_rule:
        parts.append(st.sampled_from([N2_MIN_NODES - 1, N2_MIN_NODES, N2_MIN_NODES + 1]))
    return st.one_of(*parts)


def _proliferation(draw, differentiation, complete, mitoses):
    """Ki-67 and mitoses: both, one of them (a report can omit one) or, if incomplete, neither."""
    which = ["both", "ki67", "mitoses"] + ([] if complete else ["neither"])
    reported = draw(st.sampled_from(which))
    ki67 = draw(_ki67(differentiation)) if reported in ("both", "ki67") else None
    mit = draw(mitoses) if reported in ("both", "mitoses") else None
    return ki67, mit


def _metastasis(draw, metastatic, complete):
    if metastatic is True:
        return draw(st.sampled_from(DISTANT))
    if metastatic is False:
        return NO_METASTASIS
    # about half the cases are localised
    return draw(_maybe(st.sampled_from((NO_METASTASIS,) * len(DISTANT) + DISTANT), complete))


def _functioning(draw, site, metastasis, complete):
    """(functioning, syndrome): a syndrome only where it arises, and only with functioning=True."""
    syndromes = [k for k, sites in SYNDROME_SITES.items() if site in sites
                 and not (k in _NEEDS_LIVER_METASTASES and site not in THORACIC_SITES and metastasis not in LIVER)]
    if not syndromes:
        return draw(st.sampled_from([None, False])), None
    functioning = draw(st.sampled_from([False, None, False, True]))  # most NENs are non-functioning
    if not functioning:
        return functioning, None
    named = st.sampled_from(syndromes)
    # a functioning tumour whose syndrome is not named: possible in an incomplete report
    return True, draw(named if complete else st.none() | named)


# Prior therapies: any word of the vocabulary; a somatostatin analogue (the usual first line) more often.
_PRIOR_THERAPY = st.sampled_from((SSA.category,) * 4 + VOCABULARY["prior_therapies"])


def _systemic_context(draw, metastasis, complete):
    """SSTR status, progression, prior therapies and resectability: only for metastatic disease."""
    if metastasis not in DISTANT:
        return {}
    out = {
        "sstr_positive": draw(_maybe(st.booleans(), complete)),
        "progression": draw(_maybe(st.booleans(), complete)),
        "prior_therapies": draw(st.none() | st.lists(_PRIOR_THERAPY, max_size=3, unique=True).map(tuple)),
    }
    # a Krenning score that agrees with the SSTR status (0 = negative, 2-4 = positive, 1 = either)
    scores = {True: (1, 2, 3, 4), False: (0, 1), None: (0, 1, 2, 3, 4)}[out["sstr_positive"]]
    out["krenning_score"] = draw(st.none() | st.sampled_from(scores))
    if "prrt" in (out["prior_therapies"] or ()):
        out["pfs_after_prrt_months"] = draw(st.none() | st.sampled_from((6.0, 17.9, 18.0, 36.0)))
    if metastasis in LIVER:
        out["liver_metastases_resectable"] = draw(_maybe(st.booleans(), complete))
    return out


# --- digestive (GEP) cases --------------------------------------------------------------------------
@st.composite
def gep_cases(draw, site: str | None = None, metastatic: bool | None = None) -> Findings:
    """A coherent digestive NEN: ``site`` one of :data:`GEP_SITES` (drawn if None); ``metastatic``
    True (distant metastases), False (``metastasis='none'``) or None (either, or not reported)."""
    if site is not None and site not in GEP_SITES:
        raise ValueError(f"site: expected one of {GEP_SITES}, got {site!r}")
    site = draw(st.sampled_from(GEP_SITES)) if site is None else site
    table = T_TABLES[site]
    report = draw(_REPORT)
    complete = report != "incomplete"  # the grade and staging work-up are complete
    resected = report == "resection"  # the wall, its depth and the margins were examined
    kw: dict = {"site": site}

    # differentiation and morphology (a morphology, when given, agrees with the differentiation)
    diff = draw(_maybe(_DIFFERENTIATION, complete))
    choices = _MORPHOLOGY_FOR.get(diff, POOR_MORPHOLOGIES + WELL_MORPHOLOGIES)
    kw["differentiation"] = diff
    kw["morphology"] = draw(st.none() | st.sampled_from(choices))
    if diff == POOR:
        kw["necrosis"] = draw(st.none() | st.sampled_from(VOCABULARY["necrosis"]))
    kw["ki67_percent"], kw["mitoses_per_2mm2"] = _proliferation(draw, diff, complete, _gep_mitoses(diff))
    # a mixed tumour (MiNEN) now and then: the share that is neuroendocrine
    kw["ne_component_percent"] = draw(_rarely(_measure(10.0, 100.0, MINEN_CUTS, decimals=0), 10))

    # T: size, depth and invaded structures the site's T table knows
    cuts = table.cutoffs() + RULE_SIZE_CUTS
    kw["size_cm"] = draw(_maybe(st.one_of(_measure(0.1, 2.5, cuts), _measure(0.1, 15.0, cuts)), resected))
    invasion = draw(st.none() | st.lists(st.sampled_from(sorted(table.invasion)), max_size=3, unique=True)
                    if resected or not complete else st.none())
    mesoappendix_mm = None
    if site == "appendix" and report != "biopsy":
        mesoappendix_mm = draw(st.none() | _measure(0.0, 15.0, (MESOAPPENDIX_RISK_MM,)))
        if mesoappendix_mm and "mesoappendix" in table.invasion and draw(st.booleans()):
            invasion = list(dict.fromkeys([*(invasion or ()), "mesoappendix"]))  # the report names it too
        if mesoappendix_mm == 0 and "mesoappendix" in (invasion or ()):
            mesoappendix_mm = None  # "0 mm into the mesoappendix" and "invades the mesoappendix" contradict
        kw["appendix_base"] = draw(st.none() | st.booleans())
    kw["mesoappendix_invasion_mm"] = mesoappendix_mm
    kw["invasion"] = None if invasion is None else tuple(invasion)
    if table.depth and report != "biopsy":
        words = sorted(table.depth)
        beyond_wall = bool(invasion) or bool(mesoappendix_mm)
        if beyond_wall:  # a tumour that reaches structures outside the organ went through its deep layers
            rank = {d: T_ORDER.index(t) for d, t in table.depth.items()}
            words = [d for d in words if rank[d] >= 2] or [d for d in words if rank[d] >= 1] or words
        kw["depth"] = draw(_maybe(st.sampled_from(words), complete))

    # N and M
    kw["metastasis"] = _metastasis(draw, metastatic, complete)
    mass = None
    if table.n2_rule:  # a mesenteric mass (nodal conglomerate) belongs to jejunum/ileum
        mass = draw(_rarely(_measure(0.5, 8.0, (N2_MESENTERIC_MASS_CM,)), 3))
    kw["mesenteric_mass_cm"] = mass
    kw["regional_nodes_positive"] = draw(_maybe(_nodes(table.n2_rule, 1 if mass else 0), resected))
    # node status on imaging/EUS: usual before treatment; a pathological count, when given, wins
    # (a mesenteric mass is nodal disease, so imaging cannot call such a case node-negative)
    cn_words = ("positive",) if mass else VOCABULARY["clinical_nodes"]
    kw["clinical_nodes"] = draw(_maybe(st.sampled_from(cn_words), complete and not resected))
    if report != "biopsy":
        kw["lymphovascular_invasion"] = draw(st.none() | st.booleans())
        kw["margin"] = draw(st.none() | st.sampled_from(VOCABULARY["margin"]))

    # function, site-specific type, symptoms
    kw["functioning"], kw["syndrome"] = _functioning(draw, site, kw["metastasis"], complete)
    if site == "stomach":
        kw["gastric_type"] = draw(_maybe(st.sampled_from(sorted(GASTRIC_TYPES)), complete))
    kw["symptomatic"] = draw(st.none() | st.booleans())
    kw.update(_systemic_context(draw, kw["metastasis"], complete))
    return Findings(**kw)


def localised_gep_cases(site: str | None = None) -> st.SearchStrategy[Findings]:
    """GEP cases without distant metastases (``metastasis='none'``): the resection/endoscopy rules."""
    return gep_cases(site=site, metastatic=False)


def metastatic_gep_cases(site: str | None = None) -> st.SearchStrategy[Findings]:
    """GEP cases with distant metastases: the systemic-therapy rules."""
    return gep_cases(site=site, metastatic=True)


# --- lung and thymus ------------------------------------------------------------------------------
@st.composite
def thoracic_cases(draw, site: str | None = None, metastatic: bool | None = None) -> Findings:
    """A coherent lung or thymic NEN: morphology (agreeing with differentiation), mitoses per 2 mm2,
    necrosis, size; Ki-67 sometimes recorded; no GEP-only findings."""
    if site is not None and site not in THORACIC_SITES:
        raise ValueError(f"site: expected one of {THORACIC_SITES}, got {site!r}")
    site = draw(st.sampled_from(THORACIC_SITES)) if site is None else site
    complete = draw(_COMPLETE)
    kw: dict = {"site": site}
    morph = draw(_maybe(st.sampled_from(WELL_MORPHOLOGIES * 2 + VOCABULARY["morphology"]), complete))
    kw["morphology"] = morph
    implied = POOR if morph in POOR_MORPHOLOGIES else WELL if morph in WELL_MORPHOLOGIES else None
    # a differentiation word, when given, agrees with the morphology; without morphology a report may give either
    kw["differentiation"] = draw(st.none() | (st.just(implied) if implied else
                                              st.sampled_from(VOCABULARY["differentiation"])))
    high = morph in POOR_MORPHOLOGIES
    # small/large cell: mostly > 10 mitoses/2 mm2 (a crushed biopsy can show fewer); carcinoids: mostly few
    mitoses = (_mostly(_measure(10.0, 150.0, THORACIC_MITOSES_CUTS), _measure(0.0, 150.0, THORACIC_MITOSES_CUTS))
               if high else _mostly(st.one_of(_measure(0.0, 2.0, THORACIC_MITOSES_CUTS),
                                              _measure(0.0, 12.0, THORACIC_MITOSES_CUTS)),
                                    _measure(0.0, 30.0, THORACIC_MITOSES_CUTS)))
    kw["mitoses_per_2mm2"] = draw(_maybe(mitoses, complete))
    # carcinoids: mostly without necrosis
    necrosis = VOCABULARY["necrosis"] if high else (NO_NECROSIS,) * 2 + VOCABULARY["necrosis"]
    kw["necrosis"] = draw(_maybe(st.sampled_from(necrosis), complete))
    kw["size_cm"] = draw(_maybe(_measure(0.1, 10.0, (WHO_2021_THORACIC.typical_min_size_cm,)), complete))
    kw["ki67_percent"] = draw(st.none() | _ki67(implied))
    kw["regional_nodes_positive"] = draw(_maybe(_nodes(False), complete))
    kw["metastasis"] = _metastasis(draw, metastatic, complete)
    kw["lymphovascular_invasion"] = draw(st.none() | st.booleans())
    kw["margin"] = draw(st.none() | st.sampled_from(VOCABULARY["margin"]))
    kw["functioning"], kw["syndrome"] = _functioning(draw, site, kw["metastasis"], complete)
    kw["symptomatic"] = draw(st.none() | st.booleans())
    kw.update(_systemic_context(draw, kw["metastasis"], complete))
    return Findings(**kw)


# --- unknown primary --------------------------------------------------------------------------------
@st.composite
def unknown_primary_cases(draw) -> Findings:
    """A metastasis biopsy whose primary is unknown (``unknown_primary``) or not stated (site None)."""
    complete = draw(_COMPLETE)
    diff = draw(_maybe(_DIFFERENTIATION, complete))
    kw: dict = {"site": draw(st.sampled_from((None,) + OTHER_SITES)), "differentiation": diff}
    kw["morphology"] = draw(st.none() | st.sampled_from(_MORPHOLOGY_FOR.get(diff, VOCABULARY["morphology"])))
    kw["ki67_percent"], kw["mitoses_per_2mm2"] = _proliferation(draw, diff, complete, _gep_mitoses(diff))
    kw["metastasis"] = draw(_maybe(st.sampled_from(DISTANT), complete))
    kw["functioning"] = draw(st.sampled_from([None, False]))
    kw.update(_systemic_context(draw, kw["metastasis"], complete))
    return Findings(**kw)


def clinical_cases() -> st.SearchStrategy[Findings]:
    """Any coherent case: two in three digestive, two in nine thoracic, one in nine an unknown primary."""
    return st.sampled_from(["gep"] * 6 + ["thoracic"] * 2 + ["unknown"]).flatmap(
        lambda kind: {"gep": gep_cases(), "thoracic": thoracic_cases(), "unknown": unknown_primary_cases()}[kind])
