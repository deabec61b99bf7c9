"""`Findings`: one case's pathology and clinical findings, validated on construction.

Every field is optional: ``None`` means "not reported", and the decision functions treat it
as missing data (they may answer ``undetermined`` / ``TX`` rather than guess).
Bad values raise ``TypeError`` (wrong kind of value) or ``ValueError`` (right kind, outside
the allowed range or vocabulary); the message names the field, the value and what is allowed.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields

from netlib.data.imaging import KRENNING_RANGE
from netlib.errors import InvalidTypeError, InvalidValueError

__all__ = ["Findings", "VOCABULARY", "NUMERIC_RANGES", "LOW_OPEN", "FIELD_LABELS", "INVASION_MEANINGS",
           "THORACIC_WORD_MEANINGS"]

GEP_SITES = ("stomach", "duodenum", "ampulla", "jejunum_ileum", "appendix", "colon", "rectum", "pancreas")
THORACIC_SITES = ("lung", "thymus")

#: Allowed words for each categorical field.
VOCABULARY: dict[str, tuple[str, ...]] = {
    "site": GEP_SITES + THORACIC_SITES + ("unknown_primary",),
    "differentiation": ("well", "poor"),
    "morphology": ("carcinoid", "small_cell", "large_cell"),
    "necrosis": ("absent", "punctate", "extensive"),
    "depth": ("mucosa", "submucosa", "muscularis_propria", "subserosa", "serosa",
              "confined_to_sphincter_of_oddi", "beyond_wall"),
    "invasion": ("pancreas", "duodenum", "common_bile_duct", "peripancreatic_fat", "mesoappendix", "stomach",
                 "spleen", "colon", "adrenal", "coeliac_axis", "sma", "visceral_peritoneum", "adjacent_organs",
                 # thoracic structures (thymus: IASLC/ITMIG TNM 8; lung: TNM 8), meanings in INVASION_MEANINGS
                 "mediastinal_fat", "mediastinal_pleura", "pericardium", "lung", "brachiocephalic_vein",
                 "superior_vena_cava", "phrenic_nerve", "chest_wall", "extrapericardial_pulmonary_vessels", "aorta",
                 "arch_vessels", "intrapericardial_pulmonary_artery", "myocardium", "trachea", "oesophagus",
                 "visceral_pleura", "main_bronchus", "diaphragm", "carina", "recurrent_laryngeal_nerve",
                 "vertebral_body"),
    "metastasis": ("none", "liver_only", "extrahepatic_only", "liver_and_extrahepatic"),
    "syndrome": ("insulinoma", "gastrinoma", "glucagonoma", "vipoma", "somatostatinoma", "carcinoid_syndrome"),
    "margin": ("R0", "R1", "R2"),
    "clinical_nodes": ("negative", "positive"),
    # the deepest regional node station involved, lung or thymus only (meanings in THORACIC_WORD_MEANINGS)
    "thoracic_nodes": ("anterior_perithymic", "deep_intrathoracic_or_cervical",
                       "ipsilateral_hilar_or_intrapulmonary", "ipsilateral_mediastinal_or_subcarinal",
                       "contralateral_or_supraclavicular"),
    # the most advanced metastatic finding of a lung or thymic tumour (meanings in THORACIC_WORD_MEANINGS)
    "thoracic_metastasis": ("pleural_or_pericardial_nodules", "lung_nodule", "distant_organ",
                            "contralateral_lung_nodule", "single_extrathoracic", "multiple_extrathoracic"),
    "prior_therapies": ("surveillance", "endoscopic_resection", "endoscopic_resection_or_surveillance",
                        "individualized", "appendectomy", "right_hemicolectomy",
                        "oncologic_resection_with_lymphadenectomy", "gastrectomy_with_lymphadenectomy",
                        "enucleation", "liver_metastasis_resection", "somatostatin_analogue", "prrt",
                        "targeted_therapy", "chemotherapy", "platinum_etoposide", "syndrome_control",
                        "multidisciplinary_review"),
}

#: What each thoracic invasion word means (the structure invaded by a lung or thymic tumour).
INVASION_MEANINGS: dict[str, str] = {
    "mediastinal_fat": "mediastinal fat around the thymus or the tumour (thymus: still T1a; lung: invades the "
                       "mediastinum)",
    "mediastinal_pleura": "the mediastinal pleura",
    "pericardium": "the pericardium, partial or full thickness (lung: the parietal pericardium)",
    "lung": "the lung parenchyma (a thymic tumour growing into the lung)",
    "brachiocephalic_vein": "the brachiocephalic (innominate) vein",
    "superior_vena_cava": "the superior vena cava",
    "phrenic_nerve": "the phrenic nerve",
    "chest_wall": "the chest wall (including the parietal pleura and ribs)",
    "extrapericardial_pulmonary_vessels": "the hilar, extrapericardial pulmonary artery or veins",
    "aorta": "the aorta (ascending, arch or descending)",
    "arch_vessels": "the arch vessels (branches of the aortic arch)",
    "intrapericardial_pulmonary_artery": "the main (intrapericardial) pulmonary artery",
    "myocardium": "the myocardium (the heart itself)",
    "trachea": "the trachea",
    "oesophagus": "the oesophagus",
    "visceral_pleura": "the visceral pleura covering the lung (lung tumours)",
    "main_bronchus": "the main bronchus, without the carina (lung tumours)",
    "diaphragm": "the diaphragm",
    "carina": "the tracheal carina",
    "recurrent_laryngeal_nerve": "the recurrent laryngeal nerve",
    "vertebral_body": "a vertebral body",
}

#: What each node-station and thoracic-metastasis word means, and the site it belongs to.
THORACIC_WORD_MEANINGS: dict[str, tuple[str, str]] = {
    "anterior_perithymic": ("thymus", "anterior (perithymic) lymph nodes"),
    "deep_intrathoracic_or_cervical": ("thymus", "deep intrathoracic or cervical lymph nodes"),
    "ipsilateral_hilar_or_intrapulmonary": ("lung", "ipsilateral peribronchial, hilar or intrapulmonary lymph nodes"),
    "ipsilateral_mediastinal_or_subcarinal": ("lung", "ipsilateral mediastinal or subcarinal lymph nodes"),
    "contralateral_or_supraclavicular": ("lung", "contralateral mediastinal or hilar nodes, or scalene or "
                                                 "supraclavicular nodes on either side"),
    "pleural_or_pericardial_nodules": ("lung or thymus", "separate pleural or pericardial tumour nodule(s)"),
    "lung_nodule": ("thymus", "a tumour nodule in the lung parenchyma"),
    "distant_organ": ("thymus", "a metastasis in a distant organ"),
    "contralateral_lung_nodule": ("lung", "a tumour nodule in the other lung"),
    "single_extrathoracic": ("lung", "a single metastasis outside the chest (one organ, one site)"),
    "multiple_extrathoracic": ("lung", "several metastases outside the chest, in one or more organs"),
}

#: Each field of :class:`Findings` in the words a trainee reads (used in explanations, never a machine key).
FIELD_LABELS: dict[str, str] = {
    "site": "site", "differentiation": "differentiation", "morphology": "morphology", "ki67_percent": "Ki-67",
    "mitoses_per_2mm2": "mitotic count", "necrosis": "necrosis", "size_cm": "size", "depth": "depth of invasion",
    "invasion": "invaded structures", "regional_nodes_positive": "positive regional nodes",
    "clinical_nodes": "node status on imaging", "mesenteric_mass_cm": "mesenteric mass",
    "metastasis": "distant metastases", "functioning": "functioning status", "syndrome": "syndrome",
    "ne_component_percent": "neuroendocrine component", "gastric_type": "gastric NET type",
    "sstr_positive": "SSTR status", "progression": "progression", "prior_therapies": "prior therapies",
    "liver_metastases_resectable": "resectability of liver metastases",
    "lymphovascular_invasion": "lymphovascular invasion", "mesoappendix_invasion_mm": "mesoappendiceal invasion",
    "appendix_base": "tumour at the appendix base", "margin": "resection margin", "symptomatic": "symptoms",
    "thoracic_nodes": "thoracic node station", "thoracic_metastasis": "thoracic metastasis category",
    "krenning_score": "Krenning score", "pfs_after_prrt_months": "progression-free interval after the first PRRT",
}

#: (minimum, maximum, unit, integer-only) for numeric fields. Minimums are physical limits;
#: maximums are software plausibility bounds that catch typing errors, not clinical thresholds.
NUMERIC_RANGES: dict[str, tuple[float, float, str, bool]] = {
    "ki67_percent": (0.0, 100.0, "% of tumour nuclei", False),
    "mitoses_per_2mm2": (0.0, 1000.0, "mitoses per 2 mm²", False),
    "size_cm": (0.0, 100.0, "cm (greatest dimension)", False),
    "regional_nodes_positive": (0, 500, "positive regional lymph nodes", True),
    "mesenteric_mass_cm": (0.0, 100.0, "cm", False),
    "ne_component_percent": (0.0, 100.0, "% of the tumour that is neuroendocrine", False),
    "mesoappendix_invasion_mm": (0.0, 1000.0, "mm", False),
    # The Krenning scale itself (0-4, netlib.data.imaging), not a plausibility bound.
    "krenning_score": (float(KRENNING_RANGE[0]), float(KRENNING_RANGE[1]),
                       "Krenning score of tumour uptake on SSTR imaging", True),
    "pfs_after_prrt_months": (0.0, 600.0, "months from the first PRRT course to progression", False),
}
#: Fields whose minimum is excluded: a tumour or a mesenteric mass has a size above 0 (report "not reported" as None).
LOW_OPEN: frozenset[str] = frozenset({"size_cm", "mesenteric_mass_cm"})

_BOOLEAN_FIELDS = ("functioning", "sstr_positive", "progression", "liver_metastases_resectable",
                   "lymphovascular_invasion", "appendix_base", "symptomatic")
_TUPLE_FIELDS = ("invasion", "prior_therapies")


def _describe_range(name: str) -> str:
    lo, hi, unit, integer = NUMERIC_RANGES[name]
    kind = "a whole number" if integer else "a number"
    if name in LOW_OPEN:
        return f"{kind} above {lo:g} and up to {hi:g} ({unit})"
    return f"{kind} from {lo:g} to {hi:g} ({unit})"


def _check_number(name: str, value: object) -> None:
    lo, hi, _unit, integer = NUMERIC_RANGES[name]
    allowed = _describe_range(name)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        hint = " (give the number without units or a % sign)" if isinstance(value, str) else ""
        raise InvalidTypeError(name, f"expected {allowed} or None, got {type(value).__name__} {value!r}{hint}")
    if integer and not isinstance(value, int):
        if not (isinstance(value, float) and value.is_integer()):
            raise InvalidTypeError(name, f"expected {allowed} or None, got {value!r}")
    if isinstance(value, float) and not math.isfinite(value):
        raise InvalidValueError(name, f"expected {allowed}, got {value!r} (not a finite number)")
    if not lo <= value <= hi or (name in LOW_OPEN and value == lo):
        raise InvalidValueError(name, f"{value!r} is outside the allowed range; expected {allowed}")


def _check_word(name: str, value: object) -> None:
    allowed = VOCABULARY[name]
    if not isinstance(value, str):
        raise InvalidTypeError(name, f"expected one of {', '.join(allowed)} or None, got {type(value).__name__} {value!r}")
    if value not in allowed:
        import difflib

        close = difflib.get_close_matches(value, allowed, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise InvalidValueError(name, f"{value!r} is not allowed{hint}; allowed: {', '.join(allowed)}")


@dataclass(frozen=True)
class Findings:
    """One case's findings. All fields optional (None = not reported).

    Units: ``ki67_percent`` 0-100 (% of tumour nuclei in the hot spot); ``mitoses_per_2mm2``
    per 2 mm² (may be fractional, e.g. a 10 mm² count divided by 5); ``size_cm`` greatest
    dimension in cm; ``mesenteric_mass_cm`` cm; ``mesoappendix_invasion_mm`` mm;
    ``ne_component_percent`` share of a mixed tumour that is neuroendocrine (MiNEN);
    ``krenning_score`` 0-4, tumour uptake on SSTR imaging against normal liver and spleen (scale in
    :mod:`netlib.data.imaging`; it must agree with ``sstr_positive`` when both are given);
    ``pfs_after_prrt_months`` months from the first PRRT course to progression (needs ``prrt`` among the prior
    therapies when those are reported).
    Categorical fields take the words in :data:`VOCABULARY`. ``depth`` is the deepest layer reached:
    ``serosa`` means the serosa (visceral peritoneum) is penetrated; ``beyond_wall`` means extension
    through the wall into non-peritonealised surrounding tissue (used for colon and rectum);
    ``confined_to_sphincter_of_oddi`` applies to the ampulla. ``invasion`` lists structures invaded
    beyond the organ of origin. ``regional_nodes_positive`` is the pathological count (pN);
    ``clinical_nodes`` is the node status on imaging or endoscopic ultrasound (cN: ``negative`` or
    ``positive``), used when no nodes were examined. For lung and thymus, ``thoracic_nodes`` names the deepest regional node
    station involved and ``thoracic_metastasis`` the most advanced metastatic finding (words and meanings in
    :data:`THORACIC_WORD_MEANINGS`; each word belongs to one site, which :func:`netlib.stage` checks); thoracic
    invasion words are explained in :data:`INVASION_MEANINGS`. For a thymic tumour an empty ``invasion`` tuple
    means "no structure invaded" (T1a), while ``None`` means "not reported".
    """

    site: str | None = None
    differentiation: str | None = None
    morphology: str | None = None
    ki67_percent: float | None = None
    mitoses_per_2mm2: float | None = None
    necrosis: str | None = None
    size_cm: float | None = None
    depth: str | None = None
    invasion: tuple[str, ...] | None = None
    regional_nodes_positive: int | None = None
    clinical_nodes: str | None = None
    mesenteric_mass_cm: float | None = None
    metastasis: str | None = None
    functioning: bool | None = None
    syndrome: str | None = None
    ne_component_percent: float | None = None
    gastric_type: int | None = None
    sstr_positive: bool | None = None
    progression: bool | None = None
    prior_therapies: tuple[str, ...] | None = None
    liver_metastases_resectable: bool | None = None
    lymphovascular_invasion: bool | None = None
    mesoappendix_invasion_mm: float | None = None
    appendix_base: bool | None = None
    margin: str | None = None
    symptomatic: bool | None = None
    thoracic_nodes: str | None = None
    thoracic_metastasis: str | None = None
    krenning_score: int | None = None
    pfs_after_prrt_months: float | None = None

    def __post_init__(self) -> None:
        for f in fields(self):
            name, value = f.name, getattr(self, f.name)
            if value is None:
                continue
            if name in NUMERIC_RANGES:
                _check_number(name, value)
                if NUMERIC_RANGES[name][3] and isinstance(value, float):
                    object.__setattr__(self, name, int(value))
            elif name in _TUPLE_FIELDS:
                if isinstance(value, (str, bytes)) or not isinstance(value, (tuple, list)):
                    raise InvalidTypeError(name, f"expected a tuple of words from {', '.join(VOCABULARY[name])}, "
                                    f"got {type(value).__name__} {value!r}")
                for item in value:
                    _check_word(name, item)
                object.__setattr__(self, name, tuple(dict.fromkeys(value)))
            elif name in VOCABULARY:
                _check_word(name, value)
            elif name in _BOOLEAN_FIELDS:
                if not isinstance(value, bool):
                    raise InvalidTypeError(name, f"expected True, False or None, got {type(value).__name__} {value!r}")
            elif name == "gastric_type":
                if isinstance(value, bool) or not isinstance(value, int):
                    raise InvalidTypeError("gastric_type", f"expected 1, 2 or 3 or None, got {type(value).__name__} {value!r}")
                if value not in (1, 2, 3):
                    raise InvalidValueError("gastric_type", f"{value!r} is not allowed; expected 1, 2 or 3")
        if self.syndrome is not None and self.functioning is False:
            raise InvalidValueError("syndrome", f"{self.syndrome!r} given but functioning=False; a named syndrome means the "
                             "tumour is functioning (set functioning=True or leave it None)")
        if self.krenning_score is not None and self.sstr_positive is not None:
            if self.krenning_score == 0 and self.sstr_positive:
                raise InvalidValueError("krenning_score", "0 (no uptake) given but sstr_positive=True; a tumour without "
                                        "uptake is SSTR-negative (leave sstr_positive None, or correct the score)")
            if self.krenning_score >= 2 and not self.sstr_positive:
                raise InvalidValueError("krenning_score", f"{self.krenning_score} (uptake up to or above the liver) "
                                        "given but sstr_positive=False; such uptake is SSTR-positive")
        if self.pfs_after_prrt_months is not None and self.prior_therapies is not None \
                and "prrt" not in self.prior_therapies:
            raise InvalidValueError("pfs_after_prrt_months", f"{self.pfs_after_prrt_months!r} given but prior_therapies "
                                    f"{self.prior_therapies!r} has no 'prrt'; add it or leave the interval None")
        if self.gastric_type is not None and self.site not in (None, "stomach"):
            raise InvalidValueError("gastric_type", f"{self.gastric_type!r} given but site={self.site!r}; gastric types apply "
                             "only to site='stomach'")

    # -- construction from plain data -------------------------------------------------
    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> "Findings":
        """Build from plain data (e.g. a case bank). Unknown keys raise ``ValueError``; lists become tuples."""
        if not isinstance(data, Mapping):
            raise InvalidTypeError("data", f"Findings.from_dict expects a mapping of field names to values, "
                                           f"got {type(data).__name__}")
        known = [f.name for f in fields(cls)]
        for key in data:
            if not isinstance(key, str):
                raise InvalidTypeError("data", f"field names must be strings, got {key!r}")
            if key not in known:
                import difflib

                close = [k for k in known if k.startswith(key)] or difflib.get_close_matches(key, known, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise InvalidValueError(key, f"unknown field {key!r}{hint}; known fields: {', '.join(known)}")
        return cls(**dict(data))

    def to_dict(self) -> dict[str, object]:
        """The reported fields as plain data (None fields left out; tuples as lists)."""
        out: dict[str, object] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if v is not None:
                out[f.name] = list(v) if isinstance(v, tuple) else v
        return out

    @property
    def sstr_status(self) -> bool | None:
        """SSTR-positive (True), negative (False) or not known (None): ``sstr_positive`` when reported, otherwise
        read from the Krenning score (0 = no uptake: negative; 2-4 = uptake up to or above the liver: positive;
        1 = very low uptake: not decided by the score alone)."""
        if self.sstr_positive is not None:
            return self.sstr_positive
        if self.krenning_score is None or self.krenning_score == 1:
            return None
        return self.krenning_score >= 2

    @property
    def is_thoracic(self) -> bool:
        """True for lung and thymus, which use the WHO thoracic criteria."""
        return self.site in THORACIC_SITES
