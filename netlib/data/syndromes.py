"""Functioning syndromes and gastric NET types as a catalogue, with look-ups by presenting features.

Written in our own words from the sources named on each entry. Biochemical cut-offs differ
between references; where they do, the entry says which one it quotes and names the others.
"""
from __future__ import annotations

from dataclasses import dataclass

from netlib import checks
from netlib.data import biomarkers as _ZES
from netlib.errors import InvalidTypeError, InvalidValueError

__all__ = ["Syndrome", "SYNDROMES", "FEATURES", "FEATURE_WORDS", "RELATED_FEATURES", "GastricType", "GASTRIC_TYPES", "get", "match",
           "in_words"]

# Gastrinoma cut-offs are kept once, with the other biomarker criteria.
_NIH, _CLASSIC = _ZES.ZES_SECRETIN_NIH, _ZES.ZES_SECRETIN_CLASSIC


@dataclass(frozen=True)
class Syndrome:
    """One functioning syndrome: hormone, hallmark features, key test, sites, first control, pitfalls."""

    key: str
    name: str
    hormone: str
    features: tuple[str, ...]  # words from FEATURES, used by match()
    hallmarks: str
    key_test: str
    typical_sites: str
    first_control: str
    pitfalls: tuple[str, ...]
    sources: tuple[str, ...]


SYNDROMES: dict[str, Syndrome] = {s.key: s for s in (
    Syndrome("insulinoma", "Insulinoma", "insulin",
             ("fasting_hypoglycaemia", "neuroglycopenia", "whipple_triad"),
             "Fasting neuroglycopenic and autonomic symptoms; Whipple's triad.",
             "Supervised 48-72 h fast: at symptomatic hypoglycaemia (glucose < 55 mg/dL = 3.0 mmol/L in the MSD "
             "criteria; other references use <= 45 or < 40 mg/dL) insulin >= 3 µU/mL (immunometric assay), "
             "C-peptide >= 0.6 ng/mL, proinsulin >= 5 pmol/L, and a negative sulfonylurea screen.",
             "Pancreas (head, body and tail alike); about 90 % benign and solitary; 5-8 % with MEN1.",
             "Diet and diazoxide; everolimus in refractory cases; enucleation when localised.",
             ("Somatostatin analogues can worsen hypoglycaemia (they also suppress glucagon and GH): start only "
              "under monitoring.",
              "Glucose and insulin cut-offs differ between references and assays: say which one you use."),
             ("msd_insulinoma", "insulinoma_therapy", "ssa_hypoglycaemia", "enets2023_functioning")),
    Syndrome("gastrinoma", "Gastrinoma (Zollinger-Ellison syndrome)", "gastrin",
             ("peptic_ulcers", "reflux", "diarrhoea", "abdominal_pain"),
             "Refractory or multiple peptic ulcers, reflux, diarrhoea, abdominal pain.",
             f"Fasting gastrin >= {_ZES.ZES_GASTRIN_TIMES_ULN}x the upper limit of normal with acid "
             f"hypersecretion; secretin test: a gastrin rise {_NIH.words} (NIH series: {_NIH.sensitivity_percent} % "
             f"sensitive, {_NIH.specificity_percent} % specific; the classic {_CLASSIC.words} is "
             f"{_CLASSIC.sensitivity_percent} % sensitive).",
             "Duodenum (70-80 % in modern series) or pancreas, mostly within the gastrinoma triangle; 15-35 % MEN1.",
             "High-dose proton-pump inhibitor; surgery for localised gastrinoma.",
             ("Proton-pump inhibitors raise serum gastrin (and serum chromogranin A): test off the PPI only if "
              "stopping it is safe.",
              "Secretin-test criteria differ ("
              + ", ".join(c.words.removesuffix(" pg/mL") for c in _ZES.ZES_SECRETIN_CRITERIA)
              + " pg/mL): state which one applies."),
             ("zes_review", "berna2006_secretin", "gastrinoma_triangle", "enets2023_functioning", "pdq_pnet")),
    Syndrome("glucagonoma", "Glucagonoma", "glucagon",
             ("necrolytic_migratory_erythema", "diabetes", "venous_thrombosis"),
             "Necrolytic migratory erythema, diabetes, venous thrombosis.",
             "Glucagon > 1000 pg/mL.",
             "Pancreas; usually large; about 75 % malignant.",
             "Somatostatin analogue for symptoms.",
             (),
             ("enets2023_functioning", "pdq_pnet")),
    Syndrome("vipoma", "VIPoma (Verner-Morrison, WDHA)", "vasoactive intestinal peptide (VIP)",
             ("watery_diarrhoea", "hypokalaemia", "achlorhydria"),
             "Watery diarrhoea, hypokalaemia, achlorhydria (WDHA).",
             "VIP > 200 pg/mL.",
             "About 90 % pancreatic, mostly body/tail, usually solitary and > 3 cm; 60-80 % metastatic at diagnosis. "
             "In children WDHA usually comes from neurogenic tumours (ganglioneuroma/-blastoma).",
             "Somatostatin analogue for symptoms; correct fluids and potassium.",
             ("In a child, look for an extrapancreatic neurogenic tumour.",),
             ("enets2023_functioning", "pdq_pnet", "vipoma_review")),
    Syndrome("somatostatinoma", "Somatostatinoma", "somatostatin",
             ("diabetes", "gallstones", "steatorrhoea", "diarrhoea"),
             "Diabetes, gallstones, steatorrhoea or diarrhoea.",
             "Fasting somatostatin > 100 pg/mL.",
             "Pancreas or periampullary duodenum (duodenal D-cell tumours: up to half with NF1); most metastatic "
             "at diagnosis.",
             "Individualised; tumour-directed therapy.",
             (),
             ("enets2023_functioning", "pdq_pnet", "pdq_gi_net")),
    Syndrome("carcinoid_syndrome", "Carcinoid syndrome", "serotonin (and tachykinins)",
             ("flushing", "diarrhoea", "bronchospasm", "right_heart_valve_disease"),
             "Flushing, diarrhoea, bronchospasm; right-sided valve fibrosis (carcinoid heart disease).",
             "24-h urinary 5-HIAA (specific, not sensitive; avoid serotonin-rich foods such as bananas, tomatoes "
             "and aubergine beforehand). Serum chromogranin A is not a diagnostic test: AJCC Version 9 advises "
             "against it for diagnosing or monitoring GEP-NETs.",
             "Usually a midgut NET with liver metastases (the liver no longer inactivates the hormones).",
             "Long-acting somatostatin analogue; telotristat for diarrhoea uncontrolled on an SSA; SSA cover "
             "before surgery or embolisation to prevent a carcinoid crisis.",
             ("Serum chromogranin A rises with proton-pump inhibitors (about two weeks off the drug to clear), "
              "renal insufficiency, atrophic gastritis and other conditions, so a raised level proves nothing. "
              "Chromogranin A as a tissue stain (immunohistochemistry) is a different, valid use.",
              "Without liver metastases the syndrome is unusual, except where venous drainage bypasses the liver "
              "(lung, ovary, retroperitoneum)."),
             ("enets2022_carcinoid_syndrome", "ajcc9_gep_net", "cga_confounders", "korse2011_cga_ppi",
              "pdq_gi_net", "telestar")),
)}

#: Presenting features understood by :func:`match`.
FEATURES: tuple[str, ...] = tuple(sorted({f for s in SYNDROMES.values() for f in s.features}))
#: Each feature in words, as a trainee reads it ("watery_diarrhoea" -> "watery diarrhoea").
FEATURE_WORDS: dict[str, str] = {f: f.replace("_", " ") for f in FEATURES} | {
    "whipple_triad": "Whipple's triad", "right_heart_valve_disease": "right-sided heart valve disease"}


#: Feature words that count for each other in :func:`match`.
RELATED_FEATURES: dict[str, tuple[str, ...]] = {"diarrhoea": ("watery_diarrhoea",),
                                                "watery_diarrhoea": ("diarrhoea",)}


def in_words(features) -> str:
    """Features (words from :data:`FEATURES`) as a readable list: "watery diarrhoea, hypokalaemia"."""
    feats = checks.words("features", features, FEATURES, what="a list of presenting features")
    return ", ".join(FEATURE_WORDS[f] for f in feats)


def get(key: str) -> Syndrome:
    """The catalogue entry for a syndrome key (see :data:`SYNDROMES`)."""
    if not isinstance(key, str):
        raise InvalidTypeError("key", f"expected a syndrome key ({', '.join(SYNDROMES)}), got {type(key).__name__} {key!r}")
    try:
        return SYNDROMES[key]
    except KeyError:
        raise InvalidValueError("key", f"{key!r} is not a syndrome in the catalogue; known: {', '.join(SYNDROMES)}") from None


def match(features) -> list[tuple[Syndrome, tuple[str, ...]]]:
    """Syndromes that fit the presenting ``features`` (words from :data:`FEATURES`), best first.

    Returns (syndrome, matched features) for every syndrome with at least one match, ordered by
    the number of matched features, then by the share of its hallmarks matched. Related words count for each
    other (:data:`RELATED_FEATURES`: watery diarrhoea is diarrhoea, and a syndrome of watery diarrhoea explains
    a diarrhoea that is not further described); the matched features are the patient's words.
    """
    feats = checks.words("features", features, FEATURES, what="a list of presenting features")
    out = []
    for s in SYNDROMES.values():
        hit = tuple(f for f in feats if f in s.features or set(RELATED_FEATURES.get(f, ())) & set(s.features))
        if hit:
            out.append((s, hit))
    out.sort(key=lambda x: (-len(x[1]), -len(x[1]) / len(x[0].features), x[0].key))
    return out


@dataclass(frozen=True)
class GastricType:
    """One type of gastric NET: background, gastrin and pH, share, behaviour, management.

    ``share_percent``: the type's share of all gastric NETs as the sources give it, (low, high) in % (0-100); a
    single approximate figure is stored as (x, x) and read "about x %".
    """

    type: int
    background: str
    gastrin: str
    ph: str
    share_percent: tuple[float, float]
    behaviour: str
    management: str
    sources: tuple[str, ...]

    @property
    def share(self) -> str:
        """The share in words: ``"75-80 %"``, or ``"about 5 %"`` for a single approximate figure."""
        low, high = self.share_percent
        return f"about {low:g} %" if low == high else f"{low:g}-{high:g} %"


GASTRIC_TYPES: dict[int, GastricType] = {g.type: g for g in (
    GastricType(1, "chronic atrophic (autoimmune) gastritis", "high", "high (achlorhydria)", (75, 80),
                "multifocal, small; metastases < 5 %",
                "<= 10 mm: endoscopic surveillance or resection; > 10 mm: endoscopic resection",
                ("enets2023_gastroduodenal", "pdq_gi_net", "esge2022")),
    GastricType(2, "gastrinoma (Zollinger-Ellison), mostly with MEN1", "high", "low (acid hypersecretion)", (5, 5),
                "usually indolent", "treat the gastrinoma; endoscopic management of the gastric lesions",
                ("enets2023_gastroduodenal", "pdq_gi_net")),
    GastricType(3, "sporadic, no background disease", "normal", "normal", (15, 25),
                "aggressive; metastases in more than half",
                "partial or total gastrectomy with lymphadenectomy; endoscopic resection only for small (< 1 cm), superficial, "
                "low-grade tumours without nodes (ENETS 2023 is more permissive than North American guidance)",
                ("enets2023_gastroduodenal", "pdq_gi_net", "nccn_net")),
)}
