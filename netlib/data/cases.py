"""A bank of teaching cases, stored as plain data and loaded through ``Findings.from_dict``.

Each case has a short vignette in our own words and its findings. The answer keys (grade,
stage, management) are never stored: :func:`netlib.assess` computes them from the same rules
the notebooks teach. A malformed case raises an error naming the case and the field.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from netlib import checks
from netlib.errors import InvalidTypeError, InvalidValueError
from netlib.findings import Findings

__all__ = ["Case", "CASE_DATA", "WORKSHOP_SETS", "load_cases", "get_case", "workshop_set"]


@dataclass(frozen=True)
class Case:
    key: str
    title: str
    vignette: str
    focus: str
    findings: Findings


def _c(key, title, vignette, focus, **findings) -> dict[str, Any]:
    return {"key": key, "title": title, "vignette": vignette, "focus": focus, "findings": findings}


CASE_DATA: tuple[dict[str, Any], ...] = (
    _c("pnet_incidental_small", "A pancreatic tail lesion on a CT for renal colic",
       "A 58-year-old woman has a 1.5 cm lesion in the pancreatic tail on a CT done for renal colic. EUS biopsy: "
       "well-differentiated NET, Ki-67 2 %, 1 mitosis per 2 mm². No symptoms, no nodes or metastases on imaging.",
       "management", site="pancreas", differentiation="well", ki67_percent=2, mitoses_per_2mm2=1, size_cm=1.5,
       clinical_nodes="negative", metastasis="none", functioning=False, symptomatic=False),
    _c("pnet_exactly_2cm", "A pancreatic body NET found on imaging",
       "A 61-year-old man has an asymptomatic, non-functioning 2.0 cm pancreatic body NET, Ki-67 4 %, 1 mitosis "
       "per 2 mm²; staging imaging is clear.",
       "stage", site="pancreas", differentiation="well", ki67_percent=4, mitoses_per_2mm2=1, size_cm=2.0,
       clinical_nodes="negative", metastasis="none", functioning=False, symptomatic=False),
    _c("insulinoma", "Confusion and sweating when meals are skipped",
       "A 39-year-old woman has confusion and sweating when she skips meals. A supervised fast confirms "
       "endogenous hyperinsulinaemic hypoglycaemia; a 1.2 cm lesion sits in the pancreatic head, and imaging "
       "shows no enlarged nodes or metastases. Endoscopic ultrasound biopsy: well differentiated, Ki-67 1 %, no "
       "mitoses found.",
       "management", site="pancreas", differentiation="well", ki67_percent=1, mitoses_per_2mm2=0, size_cm=1.2,
       clinical_nodes="negative", metastasis="none", functioning=True, syndrome="insulinoma"),
    _c("gastric_type1_small", "Gastric polyps in a woman with pernicious anaemia",
       "A 66-year-old woman with pernicious anaemia has three 5-6 mm gastric body polyps. Biopsy: well-"
       "differentiated NET, Ki-67 1 %, no mitoses found, confined to the submucosa on endoscopic ultrasound; "
       "gastrin is high. CT shows no metastases.",
       "management", site="stomach", gastric_type=1, differentiation="well", ki67_percent=1, mitoses_per_2mm2=0,
       size_cm=0.6, depth="submucosa", metastasis="none"),
    _c("gastric_type3", "An antral tumour in a 57-year-old man",
       "A 57-year-old man has a solitary 2.5 cm antral tumour; gastrin and the background mucosa are normal, and"
       " staging CT shows no metastases. Gastrectomy specimen: well-differentiated NET, Ki-67 12 %, 3 mitoses "
       "per 2 mm², invading the muscularis propria, 2 of 18 nodes positive.",
       "stage", site="stomach", gastric_type=3, differentiation="well", ki67_percent=12, mitoses_per_2mm2=3,
       size_cm=2.5, depth="muscularis_propria", regional_nodes_positive=2, metastasis="none"),
    _c("duodenal_small", "A duodenal bulb nodule at gastroscopy",
       "A 0.8 cm duodenal bulb nodule is found at gastroscopy. Biopsy: well-differentiated NET, Ki-67 2 %, in the "
       "submucosa. CT is clear.",
       "management", site="duodenum", differentiation="well", ki67_percent=2, size_cm=0.8, depth="submucosa",
       clinical_nodes="negative", metastasis="none", functioning=False),
    _c("appendix_incidental", "A finding at appendectomy for appendicitis",
       "A 24-year-old has an appendectomy for appendicitis. At the tip lies a 0.7 cm well-differentiated NET, "
       "Ki-67 1 %, no mitoses found, reaching the muscularis propria without mesoappendiceal invasion; margins "
       "clear. CT before surgery showed no metastases.",
       "management", site="appendix", differentiation="well", ki67_percent=1, mitoses_per_2mm2=0, size_cm=0.7,
       depth="muscularis_propria", margin="R0", metastasis="none"),
    _c("appendix_mesoappendix", "An appendiceal NET in a 31-year-old woman",
       "A 31-year-old woman has an appendectomy: a 1.6 cm well-differentiated NET at the tip of the appendix, "
       "Ki-67 2 %, 1 mitosis per 2 mm², invading the mesoappendix to a depth of 4 mm, margins clear, no vascular"
       " invasion seen. Imaging shows no metastases.",
       "management", site="appendix", differentiation="well", ki67_percent=2, mitoses_per_2mm2=1, size_cm=1.6,
       mesoappendix_invasion_mm=4, margin="R0", lymphovascular_invasion=False, appendix_base=False,
       metastasis="none"),
    _c("appendix_large", "An appendiceal NET in a 45-year-old man",
       "A 45-year-old man has an appendectomy: a 2.5 cm well-differentiated NET of the appendix, Ki-67 1 %, no "
       "mitoses found, reaching the muscularis propria without mesoappendiceal invasion. CT shows no metastases.",
       "stage", site="appendix", differentiation="well", ki67_percent=1, mitoses_per_2mm2=0, size_cm=2.5,
       depth="muscularis_propria", metastasis="none"),
    _c("rectal_small", "A rectal nodule at screening colonoscopy",
       "A 0.6 cm rectal submucosal nodule is removed endoscopically at screening colonoscopy: well-"
       "differentiated NET, Ki-67 1 %, no mitoses found, confined to the submucosa, margins clear (R0). "
       "Endoscopic ultrasound beforehand showed no enlarged nodes, and imaging shows no metastases.",
       "stage", site="rectum", differentiation="well", ki67_percent=1, mitoses_per_2mm2=0, size_cm=0.6,
       depth="submucosa", clinical_nodes="negative", metastasis="none", margin="R0"),
    _c("rectal_mid", "A rectal NET seen at colonoscopy",
       "A 1.5 cm rectal NET is seen at colonoscopy. Biopsy and endoscopic ultrasound: confined to the submucosa,"
       " Ki-67 3 %, 1 mitosis per 2 mm², with lymphovascular invasion; imaging shows no nodes or metastases.",
       "management", site="rectum", differentiation="well", ki67_percent=3, mitoses_per_2mm2=1, size_cm=1.5,
       depth="submucosa", lymphovascular_invasion=True, clinical_nodes="negative", metastasis="none"),
    _c("ileal_syndrome", "Flushing, diarrhoea and a mesenteric mass",
       "A 63-year-old man has flushing, diarrhoea and a 3 cm mesenteric mass with liver metastases. Resected "
       "ileal primary (1.8 cm, into subserosa), Ki-67 4 %, 1 mitosis per 2 mm², 5 positive nodes. SSTR imaging "
       "is positive; the liver metastases are not resectable.",
       "management", site="jejunum_ileum", differentiation="well", ki67_percent=4, mitoses_per_2mm2=1, size_cm=1.8,
       depth="subserosa", regional_nodes_positive=5, mesenteric_mass_cm=3, metastasis="liver_only",
       liver_metastases_resectable=False, syndrome="carcinoid_syndrome", sstr_positive=True),
    _c("ileal_progressing", "A small-bowel NET on octreotide LAR",
       "A 70-year-old woman has an ileal NET with liver and bone metastases; SSTR imaging is positive and the "
       "liver metastases are not resectable. Biopsy: well differentiated, Ki-67 5 %, 2 mitoses per 2 mm². She "
       "has progressed after 18 months of octreotide LAR. No hormonal syndrome.",
       "management", site="jejunum_ileum", differentiation="well", ki67_percent=5, mitoses_per_2mm2=2,
       metastasis="liver_and_extrahepatic", liver_metastases_resectable=False, sstr_positive=True,
       prior_therapies=["somatostatin_analogue"], progression=True, functioning=False),
    _c("pnet_progressing", "A pancreatic NET on lanreotide",
       "A 55-year-old man has a non-functioning pancreatic NET (biopsy: well differentiated, Ki-67 8 %, 3 "
       "mitoses per 2 mm²) with unresectable liver metastases; SSTR imaging is positive. He progresses after a "
       "year of lanreotide.",
       "management", site="pancreas", differentiation="well", ki67_percent=8, mitoses_per_2mm2=3,
       metastasis="liver_only", liver_metastases_resectable=False, sstr_positive=True,
       prior_therapies=["somatostatin_analogue"], progression=True, functioning=False),
    _c("pnet_g3", "A pancreatic tail primary with liver lesions",
       "A 49-year-old woman: pancreatic tail primary with bilobar liver metastases. Biopsy: well-differentiated "
       "NET, organoid, Ki-67 30 %, 8 mitoses per 2 mm². SSTR imaging strongly positive. No treatment yet.",
       "grade", site="pancreas", differentiation="well", ki67_percent=30, mitoses_per_2mm2=8,
       metastasis="liver_only", liver_metastases_resectable=False, sstr_positive=True, functioning=False),
    _c("colon_nec", "A right colon tumour with liver lesions",
       "A 68-year-old man has a 5 cm right colon tumour with liver metastases that cannot be resected. Biopsy: "
       "sheets of small cells with necrosis, synaptophysin positive, Ki-67 85 %, 60 mitoses per 2 mm².",
       "grade", site="colon", differentiation="poor", morphology="small_cell", ki67_percent=85,
       mitoses_per_2mm2=60, size_cm=5, metastasis="liver_only", liver_metastases_resectable=False),
    _c("colon_minen", "A right hemicolectomy specimen",
       "A right hemicolectomy for a 6 cm tumour shows an adenocarcinoma (60 %) intermixed with a poorly "
       "differentiated large-cell neuroendocrine carcinoma (40 %; Ki-67 70 %). Imaging shows no metastases.",
       "grade", site="colon", differentiation="poor", morphology="large_cell", ki67_percent=70,
       ne_component_percent=40, size_cm=6, metastasis="none"),
    _c("jejunal_discordant", "A jejunal resection",
       "A jejunal NET (2.2 cm, into the muscularis propria) is resected with 13 of 20 nodes positive. "
       "Ki-67 2 %, 4 mitoses per 2 mm². No metastases.",
       "grade", site="jejunum_ileum", differentiation="well", ki67_percent=2, mitoses_per_2mm2=4, size_cm=2.2,
       depth="muscularis_propria", regional_nodes_positive=13, metastasis="none"),
    _c("lung_typical", "An endobronchial tumour in a non-smoker",
       "A 44-year-old non-smoker has a lobectomy for a 2 cm endobronchial tumour. Resection specimen: carcinoid "
       "morphology, 1 mitosis per 2 mm², no necrosis; Ki-67 3 %. Staging CT showed no metastases; the nodal "
       "status is not given in this summary.",
       "grade", site="lung", morphology="carcinoid", mitoses_per_2mm2=1, necrosis="absent", size_cm=2.0,
       ki67_percent=3, metastasis="none"),
    _c("lung_11_mitoses", "A peripheral lung tumour",
       "A 3 cm peripheral lung tumour is resected: carcinoid morphology, 11 mitoses per 2 mm², no necrosis. "
       "Staging CT showed no metastases; the nodal status is not given in this summary.",
       "grade", site="lung", morphology="carcinoid", mitoses_per_2mm2=11, necrosis="absent", size_cm=3.0,
       metastasis="none"),
    _c("pnet_ki67_20", "A pancreatic NET with two liver lesions",
       "A 52-year-old man has a 3 cm non-functioning pancreatic NET, well differentiated, Ki-67 20.0 %, 6 "
       "mitoses per 2 mm², with two metastases in the right liver lobe that the surgeons consider resectable. "
       "SSTR imaging is positive.",
       "grade", site="pancreas", differentiation="well", ki67_percent=20.0, mitoses_per_2mm2=6, size_cm=3.0,
       metastasis="liver_only", liver_metastases_resectable=True, sstr_positive=True, functioning=False),
    _c("duodenal_gastrinoma", "Recurrent duodenal ulcers despite PPIs",
       "A 46-year-old man has recurrent duodenal ulcers and diarrhoea despite PPIs. Fasting gastrin is over ten "
       "times normal with acid hypersecretion. A 0.8 cm duodenal NET (submucosa, Ki-67 2 %) is excised with one "
       "positive node; imaging shows no metastases.",
       "management", site="duodenum", differentiation="well", ki67_percent=2, size_cm=0.8, depth="submucosa",
       regional_nodes_positive=1, metastasis="none", syndrome="gastrinoma"),
    _c("no_morphology", "A liver biopsy report from another hospital",
       "A liver biopsy report from another hospital says only: 'neuroendocrine neoplasm, Ki-67 35 %'. The primary "
       "is in the pancreas.",
       "grade", site="pancreas", ki67_percent=35, metastasis="liver_only"),
    _c("colon_net", "A caecal tumour",
       "A 3 cm caecal NET is resected by right hemicolectomy: well differentiated, Ki-67 4 %, 1 mitosis per 2 "
       "mm², invading the muscularis propria; 0 of 15 nodes involved, no metastases.",
       "stage", site="colon", differentiation="well", ki67_percent=4, mitoses_per_2mm2=1, size_cm=3.0,
       depth="muscularis_propria", regional_nodes_positive=0, metastasis="none"),
    # --- set D: cases that need notebooks 09-12 (hereditary syndromes, imaging, the biopsy, advanced disease) ---
    _c("men1_pnet_surveillance", "A pancreatic lesion found on a yearly scan",
       "A 34-year-old woman had her parathyroids operated on at 28; her brother has a prolactinoma, and genetic "
       "testing found a pathogenic MEN1 variant in both. Her yearly MRI shows a 1.6 cm lesion in the pancreatic body. "
       "EUS biopsy: well-differentiated NET, Ki-67 1 %, no mitoses found. No hormone syndrome; no enlarged nodes or "
       "metastases on imaging.",
       "management", site="pancreas", differentiation="well", ki67_percent=1, mitoses_per_2mm2=0, size_cm=1.6,
       clinical_nodes="negative", metastasis="none", functioning=False, symptomatic=False),
    _c("midgut_low_uptake", "Liver metastases growing on lanreotide",
       "A 67-year-old man had an ileal NET resected three years ago. A biopsy of one of his liver metastases this "
       "month: well-differentiated NET, Ki-67 6 %. The metastases cannot be resected and have grown over 12 months "
       "on lanreotide. A new 68Ga-DOTATATE PET/CT shows tracer uptake in "
       "the metastases, but far below that of the normal liver. No hormone syndrome.",
       "management", site="jejunum_ileum", differentiation="well", ki67_percent=6, metastasis="liver_only",
       liver_metastases_resectable=False, functioning=False, progression=True,
       prior_therapies=["somatostatin_analogue"], sstr_positive=True, krenning_score=1),
    _c("pnet_uptake_like_liver", "Liver metastases found during a weight-loss work-up",
       "A 55-year-old woman has a pancreatic tumour with several liver metastases that cannot be resected, found on a "
       "CT for weight loss. No hormone syndrome; no treatment yet. Liver biopsy: well-differentiated NET, Ki-67 12 %, "
       "3 mitoses per 2 mm². SSTR-PET: the metastases take up the tracer about as strongly as the normal liver.",
       "management", site="pancreas", differentiation="well", ki67_percent=12, mitoses_per_2mm2=3,
       metastasis="liver_only", liver_metastases_resectable=False, functioning=False, sstr_positive=True,
       krenning_score=2, prior_therapies=[]),
    _c("ileal_after_prrt", "New progression two and a half years after PRRT",
       "A 71-year-old woman has an ileal NET (Ki-67 8 %) with liver and bone metastases. She had lanreotide, then four "
       "cycles of 177Lu-DOTATATE when the disease grew. Now, 30 months after PRRT, CT shows new growth. SSTR-PET: "
       "every lesion takes up the tracer more strongly than the spleen. No hormone syndrome.",
       "management", site="jejunum_ileum", differentiation="well", ki67_percent=8, metastasis="liver_and_extrahepatic",
       liver_metastases_resectable=False, functioning=False, progression=True,
       prior_therapies=["somatostatin_analogue", "prrt"], pfs_after_prrt_months=30, sstr_positive=True,
       krenning_score=4),
    _c("pancreatic_nec_after_platinum", "Growth after carboplatin and etoposide",
       "A 63-year-old man has a poorly differentiated neuroendocrine carcinoma of the pancreas (small cell type, "
       "Ki-67 80 %) with liver metastases. Two months after six cycles of carboplatin-etoposide, CT shows growth.",
       "management", site="pancreas", differentiation="poor", morphology="small_cell", ki67_percent=80,
       metastasis="liver_only", liver_metastases_resectable=False, progression=True,
       prior_therapies=["platinum_etoposide"]),
    _c("lung_carcinoid_third_line", "A lung tumour, then two lines of treatment",
       "A 60-year-old woman had a lung carcinoid resected (4 mitoses per 2 mm², no necrosis). Several liver "
       "metastases then grew on lanreotide and again on everolimus. SSTR-PET: faint uptake in the metastases, far "
       "below the normal liver.",
       "management", site="lung", morphology="carcinoid", mitoses_per_2mm2=4, necrosis="absent",
       metastasis="liver_only", thoracic_metastasis="multiple_extrathoracic", liver_metastases_resectable=False,
       progression=True, prior_therapies=["somatostatin_analogue", "targeted_therapy"], sstr_positive=True,
       krenning_score=1),
    _c("liver_metastases_no_primary", "Liver metastases, and no primary in sight",
       "A 58-year-old man has multiple liver metastases on a CT for abdominal discomfort; CT, SSTR-PET, gastroscopy "
       "and colonoscopy show no primary. Liver biopsy: well-differentiated NET, Ki-67 4 %, 1 mitosis per 2 mm²; "
       "CDX2 positive, ISL1 and TTF-1 negative. SSTR-PET: the metastases take up more tracer than the normal liver. "
       "No hormone syndrome, no treatment yet; two scans six months apart show no growth.",
       "management", site="unknown_primary", differentiation="well", ki67_percent=4, mitoses_per_2mm2=1,
       metastasis="liver_only", liver_metastases_resectable=False, functioning=False, sstr_positive=True,
       krenning_score=3, prior_therapies=[], progression=False),
    _c("pnet_ki67_25_untreated", "A pancreatic NET with liver metastases, before any treatment",
       "A 52-year-old woman has a pancreatic tumour with liver metastases that cannot be resected; no hormone "
       "syndrome, no treatment yet. Biopsy: well-differentiated, organoid NET, Ki-67 25 %, 6 mitoses per 2 mm². "
       "SSTR-PET: the metastases take up the tracer more strongly than the spleen; FDG-PET is also positive in "
       "them.",
       "management", site="pancreas", differentiation="well", ki67_percent=25, mitoses_per_2mm2=6,
       metastasis="liver_only", liver_metastases_resectable=False, functioning=False, sstr_positive=True,
       krenning_score=4, prior_therapies=[]),
)


def _load(d: Mapping[str, Any]) -> Case:
    if not isinstance(d, Mapping):
        raise InvalidTypeError("data", f"each case must be a mapping, got {type(d).__name__}")
    key = d.get("key", "?")
    missing = {"key", "title", "vignette", "focus", "findings"} - set(d)
    if missing:
        raise InvalidValueError("data", f"case {key!r}: missing field(s) {sorted(missing)}")
    if not isinstance(d["findings"], Mapping):
        raise InvalidTypeError("data", f"case {key!r}: findings must be a mapping, got {type(d['findings']).__name__}")
    try:
        findings = Findings.from_dict(d["findings"])
    except (TypeError, ValueError) as e:
        raise (InvalidTypeError if isinstance(e, TypeError) else InvalidValueError)("data", f"case {key!r}: {e}") from None
    return Case(key, d["title"], d["vignette"], d["focus"], findings)


def load_cases(data=CASE_DATA) -> tuple[Case, ...]:
    """All cases as :class:`Case` objects; a bad case raises an error that names it and the field."""
    return tuple(_load(d) for d in checks.sequence("data", data, what="a sequence of case mappings"))


def get_case(key: str) -> Case:
    """One case by key."""
    if not isinstance(key, str):
        raise InvalidTypeError("key", f"expected a case key (str), got {type(key).__name__} {key!r}")
    for d in CASE_DATA:
        if d["key"] == key:
            return _load(d)
    raise InvalidValueError("key", f"{key!r} is not a case in the bank; known: {', '.join(d['key'] for d in CASE_DATA)}")


#: The case workshop in four sets of eight (about 45 minutes each), each mixing sites and questions; set D needs
#: notebooks 09-12. Titles are
#: neutral (they never name the answer); every case asks grade, stage group and management.
WORKSHOP_SETS: dict[str, tuple[str, ...]] = {
    "A": ("pnet_incidental_small", "gastric_type1_small", "appendix_incidental", "rectal_small", "ileal_syndrome",
          "colon_nec", "jejunal_discordant", "lung_typical"),
    "B": ("pnet_exactly_2cm", "insulinoma", "duodenal_small", "appendix_mesoappendix", "rectal_mid",
          "ileal_progressing", "colon_minen", "no_morphology"),
    "C": ("gastric_type3", "appendix_large", "pnet_progressing", "pnet_g3", "lung_11_mitoses", "pnet_ki67_20",
          "duodenal_gastrinoma", "colon_net"),
    # after notebooks 09-12: MEN1, SSTR uptake (Krenning), later lines, the unknown primary
    "D": ("men1_pnet_surveillance", "midgut_low_uptake", "pnet_uptake_like_liver", "ileal_after_prrt",
          "pancreatic_nec_after_platinum", "lung_carcinoid_third_line", "liver_metastases_no_primary",
          "pnet_ki67_25_untreated"),
}


def workshop_set(name: str) -> tuple[Case, ...]:
    """The eight cases of workshop set ``name`` (``"A"`` to ``"D"``), in order."""
    checks.choice("name", name, tuple(WORKSHOP_SETS))
    return tuple(get_case(k) for k in WORKSHOP_SETS[name])
