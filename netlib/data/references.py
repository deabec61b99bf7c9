"""One registry of the sources every rule, table and catalogue entry in netlib rests on.

Each :class:`Reference` has a short stable ``key`` (used in results' ``sources``), a short
citation written for trainees, the year, a DOI, PMID, PMCID or ISBN where one was confirmed, and a
``kind``: ``primary`` (the publication that states the fact) or ``further_reading`` (a web summary
or reprint, listed for reading but never the only support of a rule or table).
Keys never change once published; add new ones instead.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from netlib import checks
from netlib.errors import InvalidTypeError, InvalidValueError

__all__ = ["Reference", "REFERENCES", "PRIMARY", "FURTHER_READING", "KINDS", "get", "resolve", "primary_identified",
           "render_markdown", "render_html", "FURTHER_READING_LABEL", "doi_valid", "pmid_valid", "pmcid_valid", "isbn13_valid",
           "short_citation", "citation_text", "citation_html", "citations_text", "citations_html",
           "full_citations_html"]


#: The reference itself states the fact: a classification book or its editors' summary, a staging manual, a
#: guideline, a trial or study report, a peer-reviewed article.
PRIMARY = "primary"
#: A web summary, reprint, transcription or abstract aggregator (PDQ pages, pubcan.org, PathologyOutlines,
#: Medscape ...): useful to read, but not what a rule rests on.
FURTHER_READING = "further_reading"
KINDS = (PRIMARY, FURTHER_READING)

_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_PMID = re.compile(r"^[1-9]\d{0,8}$")
_PMCID = re.compile(r"^PMC\d{4,9}$")


def isbn13_valid(isbn: str) -> bool:
    """True when ``isbn`` (hyphens allowed) is a 13-digit ISBN starting 978/979 with a correct check digit."""
    if not isinstance(isbn, str):
        return False
    digits = isbn.replace("-", "")
    if len(digits) != 13 or not digits.isdigit() or digits[:3] not in ("978", "979"):
        return False
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits[:12]))
    return (10 - total % 10) % 10 == int(digits[12])


def doi_valid(doi: str) -> bool:
    """True when ``doi`` has the form ``10.<registrant>/<suffix>`` (no ``doi:`` prefix, no URL, no spaces)."""
    return isinstance(doi, str) and bool(_DOI.match(doi))


def pmid_valid(pmid: str) -> bool:
    """True when ``pmid`` is a PubMed identifier: digits only, no leading zero."""
    return isinstance(pmid, str) and bool(_PMID.match(pmid))


def pmcid_valid(pmcid: str) -> bool:
    """True when ``pmcid`` is a PubMed Central identifier such as ``PMC5765303``."""
    return isinstance(pmcid, str) and bool(_PMCID.match(pmcid))


@dataclass(frozen=True)
class Reference:
    """A citable source: ``key``, short ``citation``, ``year``, identifiers, ``note`` and ``kind``.

    ``kind`` is :data:`PRIMARY` (the publication that states the fact) or :data:`FURTHER_READING`
    (a web summary or reprint). Identifiers are recorded only where they were confirmed.
    """

    key: str
    citation: str
    year: int | None
    doi: str | None = None
    pmid: str | None = None
    note: str | None = None
    kind: str = PRIMARY
    isbn: str | None = None
    pmcid: str | None = None

    @property
    def link(self) -> str | None:
        """A resolvable link (DOI preferred, then PubMed, then PubMed Central), or None."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        if self.pmcid:
            return f"https://pmc.ncbi.nlm.nih.gov/articles/{self.pmcid}/"
        return None

    @property
    def is_primary(self) -> bool:
        return self.kind == PRIMARY

    @property
    def identified(self) -> bool:
        """True when the reference carries a DOI, a PMID or an ISBN."""
        return bool(self.doi or self.pmid or self.isbn)

    @property
    def identifiers(self) -> str:
        """The identifiers in words, e.g. ``doi:10.1111/his.13975; PMID 30140036``."""
        parts = []
        if self.doi:
            parts.append(f"doi:{self.doi}")
        if self.pmid:
            parts.append(f"PMID {self.pmid}")
        if self.pmcid:
            parts.append(self.pmcid)
        if self.isbn:
            parts.append(f"ISBN {self.isbn}")
        return "; ".join(parts)


def _r(key, citation, year, doi=None, pmid=None, note=None, *, kind=PRIMARY, isbn=None, pmcid=None) -> Reference:
    return Reference(key, citation, year, doi, pmid, note, kind, isbn, pmcid)


_FR = FURTHER_READING

_ALL = (
    # --- classification and grading -------------------------------------------------
    _r("who2019_digestive", "Nagtegaal ID, Odze RD, Klimstra D, et al. The 2019 WHO classification of tumours "
       "of the digestive system. Histopathology 2020;76:182-188.", 2020, doi="10.1111/his.13975"),
    _r("iarc_who_framework_2018", "Rindi G, Klimstra DS, Abedi-Ardekani B, et al. A common classification "
       "framework for neuroendocrine neoplasms: an IARC/WHO expert consensus proposal. Mod Pathol "
       "2018;31:1770-1786.", 2018, doi="10.1038/s41379-018-0110-y", pmid="30140036"),
    _r("who2022_overview", "Rindi G, Mete O, Uccella S, et al. Overview of the 2022 WHO classification of "
       "neuroendocrine neoplasms. Endocr Pathol 2022;33:115-154.", 2022),
    _r("cap_net_protocol", "College of American Pathologists NET protocol notes (mitoses per 2 mm² from 10 mm² / 5; "
       "Ki-67 in the hot spot on >= 500 cells; higher grade wins; manual count near cut-offs), as reproduced "
       "by essentialpathology.info.", 2019, kind=_FR),
    _r("who2019_table_notes", "WHO 2019 GEP-NEN grading table with footnotes (50 fields of 0.2 mm²; >= 500 cells; "
       "NEC Ki-67 often > 70 %), as reproduced in J Nucl Med Technol and UpToDate.", 2019,
       kind=_FR),
    _r("who2010_digestive", "Bosman FT, Carneiro F, Hruban RH, Theise ND (eds). WHO Classification of Tumours of "
       "the Digestive System, 4th ed. IARC, Lyon 2010 (grading: G1 Ki-67 <= 2 %, G2 3-20 %; mitoses counted per "
       "10 high-power fields, the tables taking 10 HPF as 2 mm²), as summarised by pubcan.org.", 2010,
       note="ISBN not confirmed; the book was read through a summary."),
    _r("who2017_pancreas", "Yang M, Zeng L, Ke NW, et al. World Health Organization grading classification for "
       "pancreatic neuroendocrine neoplasms: a comprehensive analysis from a large Chinese institution. "
       "BMC Cancer 2020;20:906 (applies the WHO 2017 pancreatic grading, which added NET G3).", 2020,
       doi="10.1186/s12885-020-07356-5", pmid="32962649"),
    _r("net_vs_nec_review", "Review: pancreatic NET G3 versus NEC (morphology, Ki-67, molecular). Arch Pathol Lab "
       "Med 2019;143(11):1317-1326.", 2019, doi="10.5858/arpa.2019-0338-RA"),
    _r("minen_30_percent", "PathologyOutlines, Stomach - neuroendocrine classification (MiNEN: each component "
       ">= 30 %); Elpek GO. World J Gastroenterol 2022;28(8); Toor D et al. World J Gastroenterol 2022;28(19).",
       2022, note="Some reviews write > 30 %; the boundary itself is disputed.", kind=_FR),
    _r("ki67_mitoses_concordance", "Conference abstract: Ki-67 (2000-cell ENETS method) and mitotic grade agreed "
       "in 67 % of midgut and 44 % of pancreatic NETs; Ki-67 usually gave the higher grade "
       "(discovery.researcher.life).", None, note="Year not confirmed; abstract only.", kind=_FR),
    _r("ki67_agreement", "Trikalinos NA, et al. Ann Surg Oncol 2020;27(9):3542-3550 (expert regrading moved "
       "26.6 % of G1 pancreatic NETs to G2).", 2020, pmid="32206954"),
    _r("insm1_markers", "Moller K, et al. INSM1 compared with synaptophysin and chromogranin A in more than "
       "14,000 tumours. Mol Cell Endocrinol 2024;112106.", 2024, doi="10.1016/j.mce.2023.112106"),
    _r("paraganglioma_keratin", "Paragangliomas in unusual locations (keratin negative in 58/60). J Clin Med "
       "2018;7(9):280; Moran CA et al., mediastinal paragangliomas (neurofilament 5/10).", 2018,
       doi="10.3390/jcm7090280"),
    # --- thoracic ------------------------------------------------------------------------
    _r("who_thoracic_2015", "WHO classification of lung and thymic neuroendocrine tumours (Travis criteria: "
       "typical carcinoid < 2 mitoses/2 mm², no necrosis, >= 0.5 cm; atypical 2-10 and/or necrosis; LCNEC and "
       "SCLC > 10), retained in the WHO 2021 thoracic classification; read as reproduced in cytopathology "
       "teaching material.", 2015, note="The WHO book's ISBN was not confirmed."),
    _r("who_thoracic_2021_ki67", "The Ki-67 antigen in the new 2021 WHO classification of lung neuroendocrine "
       "neoplasms. Pathologica 2021 (Ki-67 is a desirable, not essential, criterion).", 2021),
    _r("pelosi_travis_2024", "Pelosi G, Travis WD. Head-to-head: should Ki67 proliferation index be included in "
       "the formal classification of pulmonary neuroendocrine neoplasms? Histopathology 2024.", 2024,
       doi="10.1111/his.15206", note="Provisional carcinoids with elevated proliferation: > 10 mitoses/2 mm² "
       "and/or Ki-67 >= 30 %; an emerging concept, not a category."),
    _r("thymic_net_review", "Neuroendocrine tumours of the thymus and mediastinum. J Thorac Dis "
       "(same criteria as lung; most thymic carcinoids are atypical).", 2017),
    # --- staging -----------------------------------------------------------------------------
    # ISBN 978-3-319-40617-6: ISBN-13 9783319406176 of the Springer 8th edition as listed in a book catalogue record
    # found with the search tool (pages corpus, "AJCC Cancer Staging Manual, 8th ed. 2017, Springer"); check digit
    # verified by isbn13_valid.
    _r("ajcc8_gi_net", "Amin MB, et al. (eds). AJCC Cancer Staging Manual, 8th ed. Springer 2017, pp. 351-406 "
       "(GI NET chapters), as reprinted in NCI PDQ Gastrointestinal Neuroendocrine Tumors Treatment (HP).", 2017,
       isbn="978-3-319-40617-6"),
    _r("ajcc8_pancreas_net", "Amin MB, et al. (eds). AJCC Cancer Staging Manual, 8th ed. Springer 2017, "
       "pp. 407-419 (pancreatic NET), as reprinted in NCI PDQ Pancreatic Neuroendocrine Tumors Treatment (HP).", 2017,
       isbn="978-3-319-40617-6"),
    _r("enets_colorectal_tnm", "ENETS 2007 colorectal TNM table, reproduced in World J Gastroenterol "
       "2014;20(43):16252 (T1a < 1 cm, T1b 1-2 cm).", 2014, kind=_FR),
    _r("lung_net_tnm", "Lung NETs are staged with the lung cancer TNM (AJCC 8th ed.); staging summary, "
       "Rocky Mountain Cancer Centers.", 2017, kind=_FR),
    # --- functioning syndromes and markers ----------------------------------------------------
    _r("pdq_pnet", "NCI PDQ Pancreatic Neuroendocrine Tumors (Islet Cell Tumors) Treatment, Health Professional "
       "version (functioning-tumour biochemistry; SSA for symptoms; limited role of external radiotherapy).", 2025,
       kind=_FR),
    _r("pdq_gi_net", "NCI PDQ Gastrointestinal Neuroendocrine Tumors Treatment, Health Professional version "
       "(carcinoid syndrome, 5-HIAA and CgA, gastric NET types, site-specific treatment, liver metastases).", 2025,
       kind=_FR),
    _r("msd_insulinoma", "MSD Manual Professional Version: Insulinoma (supervised 72-h fast criteria).", 2024,
       kind=_FR),
    _r("insulinoma_therapy", "Matej A, et al. Hormones 2016;15(4):489-499 (diazoxide, SSA, everolimus); Shin JJ, "
       "et al. Future Oncol 2010;6(2):229-237 (enucleation).", 2016, pmid="20146582"),
    _r("ssa_hypoglycaemia", "Gama R, et al. Clin Endocrinol 1995;43:117-120 (octreotide can worsen hypoglycaemia "
       "in insulinoma).", 1995, pmid="7641403"),
    _r("zes_review", "Zollinger-Ellison syndrome review (PPIs, incidence 0.1-3 per million, MEN1).", 2019,
       pmcid="PMC6721838", note="Journal and authors not confirmed."),
    _r("berna2006_secretin", "Berna MJ, ..., Jensen RT. Serum gastrin in Zollinger-Ellison syndrome II: "
       "prospective study of gastrin provocative testing in 293 patients. Medicine (Baltimore) 2006;85(6):331-364.",
       2006, doi="10.1097/MD.0b013e31802b518c"),
    _r("gastrinoma_triangle", "Stabile BE, Morrow DJ, Passaro E Jr. The gastrinoma triangle: operative "
       "implications. Am J Surg 1984;147(1):25-31.", 1984, doi="10.1016/0002-9610(84)90029-1", pmid="6691547"),
    _r("vipoma_review", "Medscape: VIPomas (Yeung SJ, 2021); Smith SL, et al. Surgery 1998;124(6):1050 "
       "(Mayo series).", 2021, kind=_FR),
    _r("enets2023_functioning", "Hofland J, Falconi M, Christ E, et al. ENETS 2023 guidance paper for functioning "
       "pancreatic neuroendocrine tumour syndromes. J Neuroendocrinol 2023;35(8):e13318.", 2023,
       doi="10.1111/jne.13318", pmid="37578384"),
    _r("enets2023_gastroduodenal", "Panzuto F, et al. ENETS 2023 guidance paper for gastroduodenal neuroendocrine "
       "tumours. J Neuroendocrinol 2023;35:e13306.", 2023, doi="10.1111/jne.13306"),
    # --- treatment ----------------------------------------------------------------------------
    _r("aspen_2020", "Partelli S, Ramage JK, Massironi S, et al. Management of asymptomatic sporadic "
       "non-functioning pancreatic neuroendocrine neoplasms (ASPEN) <= 2 cm: study protocol. Front Med "
       "2020;7:598438.", 2020, doi="10.3389/fmed.2020.598438", pmid="33425946"),
    # Read on PMC (PMC10364756): defines an aggressive feature as Ki-67 > 20 %, perineural or microvascular
    # invasion, nodal or distant metastases. Year from a report of its publication dated 1 Sep 2022; DOI not verified.
    _r("aspen_interim", "Partelli S, et al. Management of asymptomatic sporadic non-functioning pancreatic "
       "neuroendocrine neoplasms no larger than 2 cm: interim analysis of the prospective ASPEN trial. Br J Surg.",
       2022, pmcid="PMC10364756", note="DOI and volume not verified; read on PubMed Central."),
    _r("enets2023_nf_pnet", "Kos-Kudla B, et al. ENETS 2023 guidance paper for non-functioning pancreatic "
       "neuroendocrine tumours. J Neuroendocrinol 2023;e13343.", 2023, doi="10.1111/jne.13343"),
    _r("esge2022", "Deprez PH, et al. Endoscopic management of subepithelial lesions including neuroendocrine "
       "neoplasms: ESGE guideline. Endoscopy 2022;54:412-429.", 2022, doi="10.1055/a-1751-5742"),
    _r("nccn_net", "NCCN Guidelines Neuroendocrine and Adrenal Tumors (NET-1, PDNEC-1), as transcribed in a "
       "public repository (v1.2026); secondary source.", 2026, kind=_FR),
    _r("rectal_net_risk", "Rinke A, Denzer UW. Kolorektale NEN (2021); metastasis risk by rectal NET size, BMC "
       "Gastroenterol 2018.", 2018, doi="10.1186/s12876-018-0806-y"),
    _r("appendix_risk_factors", "Begum N. NEN der Appendix (2021): risk factors that favour right hemicolectomy "
       "for 1-2 cm appendiceal NETs (ENETS 2016).", 2021, kind=_FR),
    _r("nesti2023", "Nesti C, Brautigam K, Benavent M, et al. Hemicolectomy versus appendectomy for patients with "
       "appendiceal neuroendocrine tumours 1-2 cm in size. Lancet Oncol 2023;24(2):187-194.", 2023,
       doi="10.1016/S1470-2045(22)00750-1", pmid="36640790"),
    _r("zaidi2019", "Zaidi MY, Lopez-Aguiar AG, Dillhoff M, et al. Prognostic role of lymph node positivity and "
       "number of lymph nodes needed for accurately staging small-bowel NETs. JAMA Surg 2019;154(2):134-140.",
       2019, doi="10.1001/jamasurg.2018.3865", pmid="30383112"),
    _r("net02", "McNamara MG, et al. NET-02: liposomal irinotecan plus 5-fluorouracil or docetaxel as second-line "
       "therapy in advanced extrapulmonary neuroendocrine carcinoma (phase 2). EClinicalMedicine 2023;60:102015.",
       2023, doi="10.1016/j.eclinm.2023.102015", pmid="37287870"),
    _r("enets2023_nec", "Sorbye H, et al. ENETS 2023 guidance paper for digestive neuroendocrine carcinoma. "
       "J Neuroendocrinol 2023;35(3):e13249.", 2023, doi="10.1111/jne.13249", pmid="36924180"),
    # DOI read on the publisher's page, beside the title, the authors and the article number (search tool, 2026-11).
    _r("liver_mets_series", "Lee SY, et al. Surgical treatment of neuroendocrine liver metastases. Int J Hepatol "
       "2012;2012:146590 (a review; the evidence it reviews is case series, no randomised trials).", 2012,
       doi="10.1155/2012/146590", pmcid="PMC3272804"),
    _r("esmo2020", "Pavel M, Oberg K, Falconi M, et al. Gastroenteropancreatic neuroendocrine neoplasms: ESMO "
       "Clinical Practice Guidelines. Ann Oncol 2020;31(7):844-860.", 2020, doi="10.1016/j.annonc.2020.03.304"),
    _r("prrt_esmo_review", "Radiology review on PRRT (AJR), Fig. 2: PRRT time points according to ESMO 2020. "
       "secondary source.", 2023, pmcid="PMC10133840", kind=_FR),
    # --- trials -------------------------------------------------------------------------------
    _r("promid", "Rinke A, et al. Placebo-controlled, double-blind, prospective, randomized study on the effect "
       "of octreotide LAR in midgut NETs (PROMID). J Clin Oncol 2009;27(28):4656-4663.", 2009, pmid="19704057"),
    # DOI: three independent records found with the search tool agree, one of them the journal's own address beside
    # the title. The PMID was not confirmed (the records disagree; one candidate is a letter about the trial).
    _r("clarinet", "Caplin ME, et al. Lanreotide in metastatic enteropancreatic neuroendocrine tumors "
       "(CLARINET). N Engl J Med 2014;371(3):224-233.", 2014, doi="10.1056/NEJMoa1316158"),
    _r("radiant3", "Yao JC, et al. Everolimus for advanced pancreatic neuroendocrine tumors (RADIANT-3). "
       "N Engl J Med 2011;364:514-523.", 2011, pmid="21306238"),
    _r("radiant4", "Yao JC, et al. Everolimus for advanced, non-functional NETs of the lung or GI tract "
       "(RADIANT-4). Lancet 2016;387:968-977.", 2016, pmid="26703889",
       # DOI from the PubMed record of PMID 26703889 found with the search tool (pages corpus).
       doi="10.1016/S0140-6736(15)00817-X"),
    _r("sunitinib_pnet", "Raymond E, et al. Sunitinib malate for the treatment of pancreatic neuroendocrine "
       "tumors. N Engl J Med 2011;364:501-513.", 2011),
    _r("netter1", "Strosberg J, El-Haddad G, Wolin E, et al. Phase 3 trial of 177Lu-Dotatate for midgut "
       "neuroendocrine tumors (NETTER-1). N Engl J Med 2017;376(2):125-135.", 2017, doi="10.1056/NEJMoa1607427",
       pmid="28076709"),
    _r("netter2", "Singh S, et al. [177Lu]Lu-DOTA-TATE plus long-acting octreotide versus high-dose long-acting "
       "octreotide for newly diagnosed, advanced G2-G3 GEP-NETs (NETTER-2). Lancet 2024.", 2024,
       doi="10.1016/S0140-6736(24)00701-3"),
    _r("e2211", "Kunz PL, et al. Randomized study of temozolomide or temozolomide and capecitabine in pancreatic "
       "NETs (ECOG-ACRIN E2211). J Clin Oncol 2023;41(7):1359-1369.", 2023, pmid="36260828"),
    _r("cabinet", "Chan JA, et al. Phase 3 trial of cabozantinib to treat advanced neuroendocrine tumors "
       "(CABINET). N Engl J Med 2025.", 2025, doi="10.1056/NEJMoa2403991"),
    # Added for the trial forest plot (overall-survival results with their 95 % CIs). Neuroendocrinology 2017 abstract
    # read with the search tool (scholarhub.vn copy of the journal record); DOI and PMID not found.
    _r("promid_long_term_os", "Rinke A, Wittenberg M, Schade-Brittinger C, et al. Placebo-controlled, double-blind, "
       "prospective, randomized study on the effect of octreotide LAR in the control of tumor growth in patients with "
       "metastatic neuroendocrine midgut tumors (PROMID): results of long-term survival. Neuroendocrinology "
       "2017;104(1):26-32.", 2017, note="DOI and PMID not confirmed; abstract read."),
    # PubMed Central record PMC5791842 read with the search tool; DOI as printed in a citing article
    # (cancertherapyadvisor.com reference list).
    _r("radiant3_final_os", "Yao JC, Pavel M, Lombard-Bohas C, et al. Everolimus for the treatment of advanced "
       "pancreatic neuroendocrine tumors: overall survival and circulating biomarkers from the randomized, phase III "
       "RADIANT-3 study. J Clin Oncol 2016.", 2016, doi="10.1200/JCO.2016.68.0702", pmcid="PMC5791842"),
    # PMID 34793718 and DOI from the PubMed record (fact sheet R24g; DOI also in the NETTER-2 reference list).
    _r("netter1_final_os", "Strosberg JR, Caplin ME, Kunz PL, et al. 177Lu-Dotatate plus long-acting octreotide versus "
       "high-dose long-acting octreotide in patients with midgut neuroendocrine tumours (NETTER-1): final overall "
       "survival and long-term safety results from an open-label, randomised, controlled, phase 3 trial. Lancet Oncol "
       "2021;22(12):1752-1763.", 2021, doi="10.1016/S1470-2045(21)00572-6", pmid="34793718"),
    _r("telestar", "Kulke MH, Horsch D, Caplin ME, et al. Telotristat ethyl, a tryptophan hydroxylase inhibitor "
       "for the treatment of carcinoid syndrome (TELESTAR). J Clin Oncol 2017;35(1):14-23.", 2017,
       note="DOI and PMID not confirmed (the journal record was not retrieved)."),
    # --- epidemiology ---------------------------------------------------------------------------
    _r("dasari2017", "Dasari A, Shen C, Halperin D, et al. Trends in the incidence, prevalence, and survival "
       "outcomes in patients with neuroendocrine tumors in the United States. JAMA Oncol 2017;3(10):1335-1342.",
       2017, doi="10.1001/jamaoncol.2017.0589", pmid="28448665"),
    # Article EC-23-0331 (vol 12, issue 12) found with the search tool (pages corpus, ec.bioscientifica.com); the
    # DOI follows the journal's 10.1530/EC-YY-NNNN form printed on fact sheet 2 (S14, doi:10.1530/EC-22-0411).
    _r("wu2023", "Wu P, He D, Chang H, Zhang X. Epidemiologic trends of and factors associated with overall survival "
       "in patients with neuroendocrine tumors over the last two decades in the USA (SEER 2000-2018). Endocr "
       "Connect 2023;12(12) (article EC-23-0331).", 2023, doi="10.1530/EC-23-0331"),
    _r("sonbol2022", "Sonbol MB, et al. Survival and incidence patterns of pancreatic neuroendocrine tumors over "
       "the last 2 decades: a SEER database analysis. Oncologist 2022;27(7):573-578.", 2022,
       doi="10.1093/oncolo/oyac049"),
    _r("man2018", "Man D, et al. Prognosis of patients with neuroendocrine tumor: a SEER database analysis. "
       "Cancer Manag Res 2018;10:5629-5638.", 2018, doi="10.2147/CMAR.S174907"),
    _r("pnet_incidence_europe", "NETTER-R, Eur J Nucl Med Mol Imaging 2022, introduction: pancreatic NET "
       "incidence 0.1-0.5 per 100,000 in Europe, about 1 in the USA.", 2022, doi="10.1007/s00259-022-05771-3",
       note="The incidence figures are quoted in the article's introduction, not measured by it."),
    # --- added for issue 11: primary sources behind the rules and tables --------------------------------------
    # Identifiers below are as printed on the fact sheets (clinical-facts.md, clinical-facts-2.md) unless a comment
    # says where else they were found.
    # Pancreas 2010 NANETS pathology review; DOI as shown on the journal page found with the search tool (pages
    # corpus, journals.lww.com "The Pathologic Classification of Neuroendocrine Tumors").
    _r("klimstra2010_pathology", "Klimstra DS, Modlin IR, Coppola D, Lloyd RV, Suster S. The pathologic classification "
       "of neuroendocrine tumors: a review of nomenclature, grading, and staging systems. Pancreas 2010 (NANETS "
       "guidelines; reviews the grading of that time: mitoses per 10 HPF, Ki-67 <= 2 / 3-20 / > 20 %).",
       2010, doi="10.1097/MPA.0b013e3181ec124e"),
    _r("rindi2006_foregut_tnm", "Rindi G, et al. TNM staging of foregut (neuro)endocrine tumors: a consensus "
       "proposal including a grading system. Virchows Arch 2006;449:395-401 (the ENETS grading later used by WHO "
       "2010: mitoses per 10 HPF taken as 2 mm², Ki-67 <= 2 / 3-20 / > 20 %).", 2006, doi="10.1007/s00428-006-0250-1"),
    _r("rindi2007_midgut_hindgut_tnm", "Rindi G, et al. TNM staging of midgut and hindgut (neuro)endocrine tumors. "
       "Virchows Arch 2007;451:757-762 "
       "(ENETS TNM for appendix and colorectum, e.g. colorectal T1a/T1b).", 2007, doi="10.1007/s00428-007-0452-1"),
    # Mod Pathol 2021 review; DOI and PMID from the PubMed record found with the search tool (pages corpus).
    _r("cree2021_mitoses_si", "Cree IA, et al. Counting mitoses: SI(ze) matters! Mod Pathol "
       "2021;34(9):1651-1657 (high-power fields differ between microscopes; count mitoses per mm²).", 2021,
       doi="10.1038/s41379-021-00825-7", pmid="34079071"),
    # J Thorac Oncol 2015; DOI and PMID from the PubMed record found with the search tool (pages corpus).
    _r("marx2015_who_thymus", "Marx A, Chan JK, Coindre JM, et al. The 2015 World Health Organization classification "
       "of tumors of the thymus: continuity and changes. J Thorac Oncol 2015;10(10):1383-1395 (includes thymic "
       "carcinoids and neuroendocrine carcinomas).", 2015, doi="10.1097/JTO.0000000000000654", pmid="26295375"),
    # J Thorac Oncol 2014;9(9 Suppl 2):S65-S72; DOI from the University of Modena repository record (IRIS UNIMORE)
    # found with the search tool (pages corpus).
    _r("detterbeck2014_thymic_tnm", "Detterbeck FC, Stratton K, Giroux D, et al. The IASLC/ITMIG thymic epithelial "
       "tumors staging project: proposal for an evidence-based stage classification system for the forthcoming "
       "(8th) edition of the TNM classification of malignant tumors. J Thorac Oncol 2014;9(9 Suppl 2):S65-S72.",
       2014, doi="10.1097/JTO.0000000000000290"),
    # DOI and PMID from the PubMed record found with the search tool (pages corpus).
    _r("rami_porta2015_lung_t", "Rami-Porta R, et al. The IASLC Lung Cancer Staging Project: "
       "proposals for the revisions of the T descriptors in the forthcoming eighth edition of the TNM classification "
       "for lung cancer. J Thorac Oncol 2015;10(7):990-1003.", 2015, doi="10.1097/JTO.0000000000000559",
       pmid="26134221"),
    _r("ajcc9_gep_net", "Critical updates in neuroendocrine tumors: AJCC Version 9 staging for gastroenteropancreatic "
       "NETs. CA Cancer J Clin 2024;74(4):359-367 "
       "(advises against serum chromogranin A for diagnosis or monitoring; T1 NX M0 = stage I for endoscopically "
       "treated sites).", 2024, doi="10.3322/caac.21840", pmid="38685134", pmcid="PMC11938941",
       note="Author list not confirmed."),
    _r("esmo2021_lung_thymic", "Baudin E, et al. Lung and thymic carcinoids: ESMO Clinical Practice Guidelines. "
       "Ann Oncol 2021.", 2021,
       doi="10.1016/j.annonc.2021.01.003", note="Volume and pages not confirmed; recommendations read through "
       "secondary extracts."),
    # Cancer Sci 2018;109(1):174-181; no DOI or PMID confirmed. PMC5765303 is the PubMed Central copy found with the
    # search tool (pages corpus); its abstract matches the subgroup figures (90 of 302; PFS 9.2 vs 3.6 months).
    _r("radiant4_lung", "Fazio N, et al. Everolimus in advanced non-functional lung NETs: the RADIANT-4 "
       "lung subgroup (90 of 302 patients). Cancer Sci 2018;109(1):174-181.", 2018, pmcid="PMC5765303", note="DOI and PMID not confirmed."),
    _r("luna", "Ferolla P, et al. Pasireotide LAR, everolimus or both in progressive carcinoids of the lung and "
       "thymus (LUNA, randomised phase 2). Lancet Oncol 2017;18(12):1652-1664.", 2017,
       doi="10.1016/S1470-2045(17)30681-2", pmid="29074099"),
    # The 10.1111/jne.NNNNN DOI form of J Neuroendocrinol is printed on the fact sheets (jne.13318, jne.13060,
    # jne.13137, jne.13327); the article numbers jne.13309, jne.13332, jne.13423 and jne.13146 are on fact sheet 1
    # (R25). jne.13309 and jne.13423 were also seen in full with the search tool (pages corpus: the colorectal paper's
    # first page; the small-intestine paper's record at ouci.dntb.gov.ua).
    _r("enets2023_colorectal", "Rinke A, Ambrosini V, Dromain C, et al. European Neuroendocrine Tumor Society (ENETS) "
       "2023 guidance paper for colorectal neuroendocrine tumours. J Neuroendocrinol 2023 (e13309).", 2023,
       doi="10.1111/jne.13309"),
    _r("enets2023_appendix", "Kaltsas G, et al. ENETS 2023 guidance paper for appendiceal neuroendocrine tumours. "
       "J Neuroendocrinol 2023 (e13332).", 2023, doi="10.1111/jne.13332",
       note="Its stance on 1-2 cm tumours was not checked (full text not read)."),
    _r("enets2024_small_intestine", "Lamarca A, Bartsch DK, Caplin M, et al. European Neuroendocrine Tumor Society "
       "(ENETS) 2024 guidance paper for the management of well-differentiated small intestine neuroendocrine "
       "tumours. J Neuroendocrinol 2024 (e13423).", 2024, doi="10.1111/jne.13423",
       note="Lymphadenectomy node number and SSA wording not checked (full text not read)."),
    _r("enets2022_carcinoid_syndrome", "Grozinsky-Glasberg S, et al. ENETS 2022 guidance paper for carcinoid syndrome "
       "and carcinoid heart disease. J Neuroendocrinol 2022 (e13146).",
       2022, doi="10.1111/jne.13146"),
    _r("singh2018_followup", "Singh S, et al. Follow-up after complete resection of gastroenteropancreatic NETs: "
       "CommNETs/NANETS recommendations. JAMA Oncol 2018;4(11):1597-1604.", 2018,
       doi="10.1001/jamaoncol.2018.2428", pmid="30054622"),
    # Endocrine 2021; DOI and PMID from the PubMed Central record found with the search tool (pages corpus).
    _r("clarinet_ole", "Caplin ME, Pavel M, Phan AT, et al. Lanreotide autogel/depot in advanced enteropancreatic "
       "neuroendocrine tumours: final results of the CLARINET open-label extension study. Endocrine "
       "71(2):502-513 (published online 2020).", 2020, doi="10.1007/s12020-020-02475-2", pmid="33052555"),
    # --- chromogranin A as a blood test (fact sheet 2, 2.9-2.10) -----------------------------------------------
    _r("cga_confounders", "Chromogranin A: conditions and drugs that raise it (proton-pump inhibitors and H2 "
       "blockers, renal insufficiency, chronic atrophic gastritis, inflammatory bowel disease, liver cirrhosis, "
       "heart failure, other cancers). Arch Med Sci 2016;12(1):1-9, Table I.", 2016,
       doi="10.5114/aoms.2016.57577", note="Authors not confirmed."),
    _r("korse2011_cga_ppi", "Korse CM, Muller M, Taal BG. Proton-pump inhibitors and unexplained chromogranin A rises in "
       "NET patients; levels fall about two weeks after stopping. Br J Cancer 2011;105(8):1173-1175.",
       2011, doi="10.1038/bjc.2011.380", pmid="21989216"),
    # --- counting statistics -------------------------------------------------------------
    _r("wilson1927", "Wilson EB. Probable inference, the law of succession, and statistical inference. "
       "J Am Stat Assoc 1927;22:209-212.", 1927, doi="10.1080/01621459.1927.10502953"),
    # --- hereditary syndromes and molecular pathology (fact sheet 2, section 1; notebook 09) ----------------------
    _r("geurts2020_inherited_pnet", "Geurts JL. Inherited syndromes involving pancreatic neuroendocrine tumors. "
       "J Gastrointest Oncol 2020;11(3):559-566.", 2020, doi="10.21037/jgo.2020.03.09", pmid="32655935"),
    _r("jensen_pet_syndromes", "Review of pancreatic endocrine tumours in MEN1, von Hippel-Lindau disease, "
       "neurofibromatosis 1 and tuberous sclerosis (ranks the frequency of pancreatic NETs across them).",
       None, pmcid="PMC2574000", note="Authors, journal and year not confirmed; read on PubMed Central."),
    _r("scarpa2017_wgs_pnet", "Scarpa A, et al. Whole-genome landscape of pancreatic neuroendocrine tumours. Nature "
       "2017;543:65-71.", 2017, doi="10.1038/nature21063"),
    _r("thakker2012_men1", "Thakker RV, et al. Clinical practice guidelines for multiple endocrine neoplasia type 1 "
       "(MEN1). J Clin Endocrinol Metab 2012.", 2012, doi="10.1210/jc.2012-1230"),
    _r("pdq_men1_genetics", "NCI PDQ Genetics of Endocrine and Neuroendocrine Neoplasias, Health Professional "
       "version, MEN1 section (penetrance by age; frequency quoted as incidence).", 2014, kind=_FR),
    _r("men1_manifestations_review", "Review of MEN1 manifestations (ranges of hyperparathyroidism, "
       "duodenopancreatic, gastric, thymic and bronchial NETs; penetrance; prevalence).", None, pmcid="PMC4571281",
       note="Authors, journal and year not confirmed; read on PubMed Central."),
    _r("plockinger2012_men1_gastrinoma", "Plockinger U. Gastrinomas in multiple endocrine neoplasia type 1 (MEN-1). Cancers 2012;4(1):39-54.", 2012, doi="10.3390/cancers4010039"),
    _r("zes_ppi_era_review", "Review from the Jensen group: diagnosis of Zollinger-Ellison syndrome in the "
       "proton-pump inhibitor era (MEN1 in 20-30 % of Zollinger-Ellison syndrome).", None, pmcid="PMC5757869",
       note="Authors, journal and year not confirmed; read on PubMed Central."),
    _r("norton1999_zes_surgery", "Norton JA, et al. Surgery to cure the Zollinger-Ellison syndrome. N Engl J Med "
       "1999;341(9):635.", 1999, note="DOI and PMID not confirmed."),
    _r("challis2019_men1_pnet", "Challis BG, Casey RT, Grossman A, Newell-Price J, Newey P, Thakker RV. Expert review of the "
       "management of non-functioning pancreatic NETs in MEN1 (size thresholds, screening age). Clin Endocrinol "
       "2019;91(6):708-715.", 2019, note="Described, not titled: the title was not read; DOI not confirmed."),
    _r("triponez2018_men1_nf_pnet", "Triponez F, et al. AFCE/GTE cohort: MEN1 patients with non-functioning pancreatic NETs of "
       "2 cm or less followed without initial surgery. Ann Surg 2018;268(1):158-164.", 2018, doi="10.1097/SLA.0000000000002191", pmid="28263205"),
    _r("partelli2016_men1_small_pnet", "Partelli S, et al. Four-centre cohort: MEN1 non-functioning pancreatic NETs of 2 cm "
       "or less, upfront surgery versus observation. Neuroendocrinology 2016;103(6):779.", 2016,
       note="Described, not titled; DOI not confirmed."),
    _r("de_laat2018_men1", "de Laat JM, van Leeuwaarde RS, Valk GD. Review of MEN1 phenocopies (clinical MEN1 "
       "without a MEN1 mutation). Front Endocrinol 2018;9:533.", 2018, doi="10.3389/fendo.2018.00533",
       note="Described, not titled: the title was not read."),
    _r("singeisen2023_men4", "Singeisen H, et al. Review of multiple endocrine neoplasia type 4 (48 symptomatic "
       "cases). Endocr Connect 2023;12(2):e220411.", 2023, doi="10.1530/EC-22-0411", pmid="36520683"),
    _r("men4_cdkn1b_phenotype", "Germline CDKN1B variant type and site in relation to the phenotype of MEN4 (74 "
       "cases). Endocr Relat Cancer 2023;30(1):e220174.", 2023, note="Authors and DOI not confirmed."),
    _r("blansfield2007_vhl_pnet", "Blansfield JA, et al. NIH series: pancreatic NETs in 108 of 633 patients with von "
       "Hippel-Lindau disease. Surgery 2007;142(6):814.", 2007, note="Described, not titled; DOI not confirmed."),
    _r("garbrecht_somatostatin_nets", "Somatostatin-producing neuroendocrine tumors of the duodenum and pancreas "
       "(82 duodenal and 541 pancreatic tumours).", None,
       note="Authors, journal, year and identifiers not confirmed; read as an abstract."),
    _r("thymic_nen_2017", "Thymic neuroendocrine neoplasms: biological behaviour and therapy. Neuroendocrinology "
       "2017;105(2):105 (about a quarter MEN1-associated).", 2017, note="Authors and DOI not confirmed."),
    _r("tsc_nf_pnet_2021", "Nonfunctional pancreatic neuroendocrine tumours in tuberous sclerosis complex (two "
       "databases). Front Neurol 2021.", 2021, doi="10.3389/fneur.2021.627672", note="Authors not confirmed."),
    _r("zhang_kunz2022_net_practice", "Zhang JY, Kunz PL. Making sense of a complex disease: a practical approach to "
       "managing neuroendocrine tumors (summarises whom NCCN offers genetic risk evaluation). JCO Oncol Pract "
       "2022;18(4):258-264.", 2022,
       note="Title, journal and pages confirmed on a Medscape reprint; DOI not confirmed. NCCN wording as this "
            "article summarises it."),
    _r("jiao2011_daxx_atrx", "Jiao Y, et al. Exome sequencing of 68 sporadic pancreatic NETs (MEN1, DAXX/ATRX and mTOR "
       "pathway genes). Science 2011;331(6021):1199-1203.", 2011, doi="10.1126/science.1200609",
       pmid="21252315"),
    _r("singhi2017_alt", "Singhi AD, et al. Alternative lengthening of telomeres and DAXX/ATRX loss in 321 "
       "resected pancreatic NETs. Clin Cancer Res "
       "2017;23(2):600-609.", 2017, doi="10.1158/1078-0432.CCR-16-1113"),
    _r("kim_alt_korean", "Kim JY, et al. Alternative lengthening of telomeres in primary pancreatic neuroendocrine "
       "tumors (269 Korean cases). AACR journal.", None, note="Journal and year not confirmed (2016 or 2017)."),
    _r("hackeng2022_alt", "Hackeng WM, et al. ATRX/DAXX and alternative lengthening of telomeres as prognostic "
       "markers in 1,322 NETs, independent of size and ARX/PDX1. Gut 2022;71(5):961-973.", 2022, doi="10.1136/gutjnl-2020-322595"),
    _r("p53_rb_465_nens", "Diagnostic relevance of p53 and Rb status in NET G3 from different organs: 465 "
       "high-grade neuroendocrine neoplasms (abstract).", None, note="Authors, journal and year not confirmed."),
    _r("tang2016_g3_pnet", "Tang LH, et al. WHO grade 3 well-differentiated NET versus poorly differentiated NEC of "
       "the pancreas (33 G3 tumours). Am J Surg Pathol 2016.", 2016, pmid="27259015", pmcid="PMC4988129"),
    _r("pnec_subclassification_2015", "Subclassification of WHO 2010 neuroendocrine carcinoma of the pancreas "
       "(11 cases: Rb, KRAS, platinum response). J Gastroenterol 2015.", 2015, doi="10.1007/s00535-014-0987-2",
       note="Authors not confirmed."),
    # --- image analysis (notebook 03, a real Ki-67 stain) ----------------------------------------------------------
    _r("ruifrok2001", "Ruifrok AC, Johnston DA. Quantification of histochemical staining by color deconvolution. "
       "Anal Quant Cytol Histol 2001;23(4):291-299.", 2001, pmid="11531144"),
    # --- imaging and biomarkers (fact sheet 2, section 2; notebook 10) -----------------------------------------
    _r("kwekkeboom2002_krenning", "Kwekkeboom DJ, Krenning EP. Somatostatin receptor imaging. Semin Nucl Med "
       "2002;32(2):84-91 (the visual uptake scale later called the Krenning score).", 2002,
       doi="10.1053/snuc.2002.31022"),
    _r("radiopaedia_krenning", "Radiopaedia: Krenning score (revision 2021): the five uptake levels, use for PRRT "
       "candidacy, false-positive SSTR scintigraphy up to 12 %.", 2021, kind=_FR),
    # J Nucl Med 2018;59(1):66-74 as printed on a library record found with the search tool (pages corpus); the
    # PubMed Central copy is on the fact sheet. DOI not confirmed.
    _r("hope2018_sstr_auc", "Hope TA, Bergsland EK, Bozkurt MF, et al. Appropriate use criteria for somatostatin "
       "receptor PET imaging in neuroendocrine tumors. J Nucl Med 2018;59(1):66-74.", 2018, pmcid="PMC6910630",
       note="DOI not confirmed."),
    # Eur Radiol 2016;26(3):900-909 as printed on the university repository record (uhdspace.uhasselt.be) found with
    # the search tool (pages corpus). DOI not confirmed.
    _r("van_binnebeek2016_pet_spect", "Van Binnebeek S, Vanbilloen B, Baete K, et al. Comparison of diagnostic "
       "accuracy of 111In-pentetreotide SPECT and 68Ga-DOTATOC PET/CT: a lesion-by-lesion analysis in patients with "
       "metastatic neuroendocrine tumours. Eur Radiol 2016;26(3):900-909.", 2016, note="DOI not confirmed."),
    _r("graham2017_dotatoc_meta", "Graham MM, Gu X, Ginader T, Breheny P, Sunderland JJ. 68Ga-DOTATOC imaging of "
       "neuroendocrine tumors: a systematic review and metaanalysis. J Nucl Med 2017;58(9):1452-1458.", 2017,
       doi="10.2967/jnumed.117.191197", pmid="28280220"),
    _r("poeppel2011_tate_toc", "Poeppel TD, et al. 68Ga-DOTATOC versus 68Ga-DOTATATE PET/CT in functional imaging of "
       "neuroendocrine tumors (40 patients). J Nucl Med 2011;52(12):1864.", 2011,
       note="Described, not titled; DOI not confirmed."),
    _r("delpassand2020_cu64", "Delpassand ES, et al. 64Cu-DOTATATE PET/CT for somatostatin receptor-positive "
       "neuroendocrine tumors (phase 3). J Nucl Med 2020;61(6):890-896.", 2020, doi="10.2967/jnumed.119.236091",
       note="Described, not titled. FDA approval (September 2020) as reported in a news notice."),
    _r("chan2017_netpet", "Chan DLH, et al. Dual somatostatin receptor/FDG PET/CT imaging in metastatic "
       "neuroendocrine tumours: proposal for a novel grading scheme with prognostic significance (NETPET). "
       "Theranostics 2017;7(5):1149-1158.", 2017, doi="10.7150/thno.18068"),
    _r("dual_tracer_scales_2022", "Dual-tracer (SSTR and FDG) PET scoring scales compared, Table 1. Cancer Imaging "
       "2022.", 2022, doi="10.1186/s40644-022-00465-3", note="Authors and title not confirmed."),
    _r("binderup2010_fdg", "Binderup T, et al. 18F-fluorodeoxyglucose PET in neuroendocrine tumors: prognosis "
       "(98 patients). Clin Cancer Res 2010;16(3):978-985.", 2010, doi="10.1158/1078-0432.CCR-09-1759",
       pmid="20103666", note="Described, not titled."),
    _r("ppi_cga_healthy_2012", "Short-term proton-pump inhibitor treatment and serum chromogranin A in healthy "
       "subjects. J Clin Endocrinol Metab 2012.", 2012, doi="10.1210/jc.2012-1548",
       note="Described, not titled; authors not confirmed."),
    _r("five_hiaa_instructions", "24-hour urinary 5-HIAA: NETRF patient page; Apollo Diagnostics and Garcia Lab "
       "specimen instructions (foods and drugs to avoid; lists vary by laboratory).", None, kind=_FR),
    _r("aace2016_5hiaa_case", "24-hour urinary 5-HIAA: a common pitfall (case report: a raised value that "
       "normalised after the diet). AACE Clin Case Rep 2016.", 2016,
       note="Authors and identifiers not confirmed."),
    _r("cryer2009_hypoglycaemia", "Cryer PE, et al. Evaluation and management of adult "
       "hypoglycemic disorders: an Endocrine Society clinical practice guideline. J Clin Endocrinol Metab "
       "2009;94(3):709-728.", 2009, doi="10.1210/jc.2008-1410", pmid="19088155"),
    _r("service_vella_fast", "Service FJ, Vella A. Diagnostic dilemmas in hypoglycemia (UpToDate); Labcorp "
       "'Diagnostic fast' protocol.", None, kind=_FR),
    _r("tacelli2021_eus_fna", "Tacelli M, et al. EUS-FNA grading of pancreatic neuroendocrine neoplasms against the "
       "resection (112 patients). Endosc Ultrasound 2021;10(5):372-380.", 2021, doi="10.4103/EUS-D-20-00261",
       pmid="34677159", note="Described, not titled."),
    _r("appelstrand2022_eus_fnb", "Appelstrand A, et al. EUS-guided fine-needle biopsy (22G) and Ki-67 grading of "
       "pancreatic NETs (52 patients). Sci Rep 2022;12:5971.", 2022, doi="10.1038/s41598-022-09923-1",
       note="Described, not titled."),
    # --- biopsy pathology and the unknown primary (fact sheet 2, section 3; notebook 11) -----------------------
    # Site-of-origin markers (facts 3.1-3.7). The OTP series (2016, 2018, 2023) and the 2022 biopsy series were also
    # read as abstracts with the search tool (pages corpus); identifiers only where printed on the fact sheet or seen there.
    _r("pdx1_pnet_marker", "PDX-1 as a marker of pancreatic NETs (abstract). 80 primary "
       "NETs (25 pancreatic, 29 bronchopulmonary, 26 gastrointestinal) and 13 liver metastases, with CDX2, TTF-1 and "
       "CK7.", None, note="Authors, journal and year not confirmed; read as an abstract."),
    _r("liver_met_origin_ihc", "Origins of liver metastases of well-differentiated NETs by immunohistochemistry. 85 liver "
       "metastases; TTF-1, CDX2 and Islet-1.", None, pmid="28498280",
       note="Authors, journal and year not confirmed; the site-by-site mapping of the panel was truncated in the "
            "abstract."),
    _r("koo2011_islet1", "Koo J, Mertens R, Wang HL, Chung F, Dhall D. Islet-1, PAX8 and CDX2 in liver metastases of "
       "neuroendocrine tumours (69 cases). USCAP annual meeting 2011, abstract 576.", 2011,
       note="Described, not titled: a conference abstract; no identifier."),
    _r("satb2_266_nens", "SATB2 in appendiceal and rectosigmoid NETs (abstract). 266 neuroendocrine neoplasms.", None, note="Authors, journal and year not confirmed; read as an abstract."),
    _r("mohanty2021_satb2", "Mohanty SK, et al. SATB2 separates rectal from pancreatic NETs (rectal NETs are often "
       "Islet-1-positive). J Clin Pathol 2021;74(9):582-588.", 2021, doi="10.1136/jclinpath-2020-206645",
       note="Described, not titled: the title was not read."),
    _r("otp_lung_carcinoid_2016", "Diagnostic utility of orthopedia homeobox (OTP) in pulmonary carcinoid tumors "
       "(916 lesions). Am J Surg Pathol 2016 (June).", 2016, note="Authors, DOI and PMID not confirmed; abstract read."),
    _r("otp_fna_2018", "Orthopedia homeobox is preferentially expressed in typical carcinoids of the lung (63 FNA "
       "samples). Cancer Cytopathol 2018;126:236-242.", 2018, pmid="29316326", note="Authors not confirmed."),
    _r("cetin2023_otp", "Cetin M, Findik G, Demirag F, Turk I, Aydogdu K. Role of orthopedia homeobox protein in "
       "subclassification of pulmonary carcinoid tumors: retrospective analysis of 110 cases. Indian J Pathol "
       "Microbiol 2023;66(4):786-789.", 2023, note="Found with the search tool (a bibliographic record); DOI not "
                                                   "confirmed."),
    _r("moonen2019_otp", "Moonen L, Derks J, Dingemans AM, Speel EJ. Orthopedia homeobox (OTP) in pulmonary "
       "neuroendocrine tumors: the diagnostic value and possible molecular interactions. Cancers 2019;11(10):1508.",
       2019, doi="10.3390/cancers11101508", pmid="31597385", pmcid="PMC6826717"),
    _r("snow2015_cdh17", "Snow AN, et al. CDH17 in neuroendocrine tumours by site of origin. Histopathology "
       "2015;66:1010-1021.", 2015, doi="10.1111/his.12610", note="Described, not titled: the title was not read."),
    _r("panarelli2012_cdh17", "Panarelli NC, et al. CDH17 in well-differentiated neuroendocrine tumours by site. Am J "
       "Clin Pathol 2012;138:211-222.", 2012, doi="10.1309/AJCPKSHXI3XEHW1J",
       note="Described, not titled: the title was not read."),
    # Small thoracic biopsies, crush artefact (facts 3.8-3.9).
    _r("reuling2022_carcinoid_biopsy", "Reuling E, Naves DD, Daniels JMA, et al. Diagnosis of atypical carcinoid can "
       "be made on biopsies > 4 mm² and is accurate (64 biopsy-resection pairs). Virchows Arch 2022.", 2022,
       note="DOI and pages not confirmed; abstract read with the search tool."),
    _r("breathe_lung_ne_subtypes", "WHO/IASLC subtypes of lung neuroendocrine neoplasms, summary table (crush artefact "
       "characteristic of small cell carcinoma). Breathe (European Respiratory Society).", None, kind=_FR),
    # Grade heterogeneity and progression (facts 3.10-3.12).
    _r("grillo2016_grade_metastases", "Grillo F, Albertelli M, Brisigotti MP, et al. Grade increases in "
       "gastro-entero-pancreatic neuroendocrine tumor metastases compared to the primary tumor (60 patients). "
       "Neuroendocrinology 2016;103(5):452.", 2016,
       note="Title read on a university's publication record (search tool); DOI not confirmed."),
    _r("shi2015_sinet_liver_grade", "Shi C, et al. Grade heterogeneity in resected liver metastases of small-intestinal "
       "NETs (188 metastases, 27 patients). Am J Clin Pathol 2015;143(3):398-404.", 2015,
       doi="10.1309/AJCPQ55SKOCYFZHN", pmid="25696798", note="Described, not titled: the title was not read."),
    _r("uppsala_pnet_progression", "Uppsala cohort: Ki-67 and grade over time in pancreatic NETs with repeat samples "
       "(46 patients).", None, note="Authors, journal and year not confirmed; read as a publication record."),
    _r("secondary_pnet_g3_2022", "Treatment outcomes of secondary (progressed) pancreatic NET G3 (22 patients). Endocr "
       "Connect 2022;11(3) (article EC-21-0604).", 2022, note="Authors and DOI not confirmed."),
    # Goblet cell adenocarcinoma (facts 3.13-3.14).
    _r("wang2022_gca", "Wang HL. Goblet cell adenocarcinoma of the appendix (review: renamed from goblet cell carcinoid "
       "in WHO 2019; graded by the share of low-grade pattern). J Clin Transl Pathol 2022;2(3):69-74.", 2022,
       doi="10.14218/JCTP.2022.00018", note="Described, not titled: the title was not read."),
    _r("gca_pathologyoutlines", "Lollie T, Wang HL. Goblet cell adenocarcinoma. PathologyOutlines.com, 2022.", 2022,
       kind=_FR),
    _r("who2019_gca_grading", "WHO 2019 grading of goblet cell adenocarcinoma, as reproduced in UpToDate. By the share "
       "of low-grade pattern.", 2019, kind=_FR),
    _r("cap_appendix_net_2017", "College of American Pathologists. Protocol for the examination of specimens from "
       "patients with neuroendocrine tumors of the appendix, version 4.0.0.1, June 2017 (goblet cell carcinoid "
       "excluded).", 2017),
    _r("palmer2022_gca", "Palmer K, et al. Goblet cell adenocarcinoma of the appendix in the English cancer registry "
       "(1,225 cases). Front Oncol 2022;12:915028.", 2022, doi="10.3389/fonc.2022.915028",
       note="Described, not titled: the title was not read."),
    # Tumourlet and DIPNECH (facts 3.15-3.16).
    _r("dipnech_summaries", "Radiopaedia, DIPNECH (revised 2024); Gagne A, Joubert P, PathologyOutlines, DIPNECH; "
       "WebPathology, DIPNECH image note (tumourlet below 5 mm; one atlas writes 5 mm or less).", 2024, kind=_FR),
    _r("carr_dipnech", "Carr LL, et al. The clinical course of diffuse idiopathic pulmonary neuroendocrine cell "
       "hyperplasia (30 patients). Chest.", None, note="Year, volume and DOI not confirmed."),
    # --- advanced disease and complications (fact sheet 2, sections 4-5; notebook 12) --------------------------
    # Identifiers as printed on fact sheet 2 (section 10) unless a comment says where else they were found.
    # Liver-directed therapy (facts 5.1-5.3).
    _r("liver_embolisation_review_2017", "Review of transarterial embolisation of liver metastases in metastatic NETs "
       "(bland, chemo- and radioembolisation: response rates, progression-free survival, liver involvement below "
       "75 %). Rev Endocr Metab Disord 2017.", 2017, doi="10.1007/s11154-017-9431-2",
       note="Described, not titled: the title and authors were not read."),
    _r("liver_directed_review_2020", "Review of interventional liver-directed therapy for neuroendocrine metastases "
       "(toxicity of drug-eluting beads and of radioembolisation; an expert strategy). Curr Treat Options Oncol 2020.",
       2020, doi="10.1007/s11864-020-00751-x", note="Described, not titled: authors not read."),
    # Abstract read with the search tool (OHSU research portal record).
    _r("graff_baker2014", "Graff-Baker AN, Sauer DA, Pommier SJ, Pommier RF. Expanded criteria for carcinoid liver "
       "debulking: maintaining survival and increasing the number of eligible patients. Surgery 2014;156(6):1369-1377.",
       2014, note="DOI and PMID not confirmed; abstract read."),
    # The radiofrequency-ablation point was read in the article's key points with the search tool.
    _r("farley_pommier_si_net_surgery", "Farley HA, Pommier RF. Surgical treatment of small bowel neuroendocrine "
       "tumors. Surg Oncol Clin N Am (causes of death; ablation as an adjunct to resection).", None,
       note="Year, volume and DOI not confirmed."),
    # Liver transplantation (facts 5.4-5.5).
    _r("mazzaferro2007_milan", "Mazzaferro V, et al. 2007 criteria for liver transplantation in NET liver metastases "
       "(the Milan criteria), as summarised by medicalalgorithms.com.", 2007, kind=_FR,
       note="The 2007 article itself was not read."),
    # Record with DOI, journal, issue and pages found with the search tool (ouci.dntb.gov.ua).
    _r("citterio2023_transplant", "Citterio D, Coppa J, Sposito C, et al. (last author Mazzaferro V). The role of liver "
       "transplantation in the treatment of liver metastases from neuroendocrine tumors. Curr Treat Options Oncol "
       "2023;24(11):1651-1665.", 2023, doi="10.1007/s11864-023-01124-w"),
    # Abstract read with the search tool (Springer page).
    _r("sposito2017_transplant", "Sposito C, et al. (last author Mazzaferro V). The place of liver "
       "transplantation in the treatment of hepatic metastases from neuroendocrine tumors: pros and cons. Rev Endocr "
       "Metab Disord 2017;18(4):473-483.", 2017, doi="10.1007/s11154-017-9439-7"),
    _r("maspero2022_transplant", "Maspero M, et al. (last author Mazzaferro V). Milan-criteria NET liver metastases: "
       "liver transplantation versus resection (48 vs 56 patients). Am J Transplant 2022;22(11):2598-2607.", 2022,
       doi="10.1111/ajt.17156", pmid="35869798", note="Described, not titled: the title was not read."),
    # PubMed Central copy found with the search tool (the review's abstract gives 47-71 % and 31-57 %).
    _r("kim_transplant_review", "Kim J, Zimmerman MA, Hong JC. Liver transplantation in the treatment of unresectable "
       "hepatic metastasis from neuroendocrine tumors. J Gastrointest Oncol 2020.", 2020, pmcid="PMC7340808",
       note="DOI not confirmed; year from the PubMed Central record."),
    # Stage IV small-intestinal NET (facts 5.6-5.7).
    _r("si_net_surgery_review", "Review of the surgical management of small-intestinal NETs (mesenteric nodes, "
       "multiple primaries, emergency surgery, R0 rate).", None, pmcid="PMC7408509",
       note="Authors, journal and year not confirmed; read on PubMed Central."),
    _r("uppsala2018_upfront_surgery", "Uppsala cohort: prophylactic upfront locoregional surgery versus delayed surgery "
       "in 363 asymptomatic patients with stage IV small-intestinal NETs. JAMA Oncol 2018.", 2018,
       note="Described, not titled; authors and DOI not confirmed (journal page jamanetwork.com 2657673)."),
    # PRRT re-treatment (facts 5.8-5.9). Abstracts read with the search tool (themednet.org; springermedizin.de).
    _r("prrt_retreatment_meta2021", "Peptide receptor radiotherapy re-treatment in patients with progressive "
       "neuroendocrine tumors: a systematic review and meta-analysis. Cancer Treat Rev 2021 (online December 2020).",
       2021, note="Authors and DOI not confirmed; abstract read."),
    _r("van_der_zwan2019_salvage_prrt", "van der Zwan WA, Brabander T, Kam BLR, et al. (last author de Herder WW). "
       "Salvage peptide receptor radionuclide therapy with [177Lu-DOTA,Tyr3]octreotate in patients with bronchial and "
       "gastroenteropancreatic neuroendocrine tumours. Eur J Nucl Med Mol Imaging 2019;46(3).", 2019,
       doi="10.1007/s00259-018-4158-1",
       note="DOI read on the publisher's page beside the title and authors (search tool); pages not confirmed."),
    # Second-line NEC (facts 5.13-5.14).
    _r("hentic2012_folfiri", "Hentic O, et al. FOLFIRI as second-line chemotherapy after platinum-etoposide in "
       "neuroendocrine carcinoma (19 patients). Endocr Relat Cancer 2012;19:751-757.", 2012,
       doi="10.1530/ERC-12-0002", note="Described, not titled: the title was not read."),
    _r("hadoux2015_folfox", "Hadoux J, et al. FOLFOX after first-line chemotherapy in G3 neuroendocrine carcinoma (20 "
       "patients). Endocr Relat Cancer 2015;22(3):289.", 2015, note="Described, not titled; DOI not confirmed."),
    _r("dacarbazine_tmz_nec", "Dacarbazine or temozolomide after platinum-etoposide in digestive neuroendocrine "
       "carcinoma (27 patients).", None, pmcid="PMC7354717",
       note="Authors, journal and year not confirmed; read on PubMed Central."),
    # Follow-up (facts 5.15-5.17).
    _r("genc2018_ki67", "Genc CG, et al. Resected G1/G2 non-functioning pancreatic NETs: Ki-67 6-20 % versus 0-5 % and "
       "recurrence. Ann Surg Oncol 2018;25(8):2467-2474.", 2018, doi="10.1245/s10434-018-6518-2",
       note="Described, not titled: the title was not read."),
    _r("ncuk_esmo_followup", "Neuroendocrine Cancer UK: summary of the follow-up intervals of the ESMO 2020 guideline.",
       2020, kind=_FR),
    # Carcinoid heart disease (facts 4.1-4.6). The 2008 and 2023 abstracts were read with the search tool.
    _r("bhattacharyya2008_ntprobnp", "Bhattacharyya S, et al. Usefulness of N-terminal pro-brain natriuretic peptide as "
       "a biomarker of the presence of carcinoid heart disease (200 patients with carcinoid syndrome). Am J Cardiol "
       "2008.", 2008, note="DOI and PMID not confirmed (article S0002-9149(08)00941-7 on the journal site)."),
    _r("chd_screening_2023", "The role of N-terminal pro-brain natriuretic peptide, chromogranin A and "
       "5-hydroxyindoleacetic acid in screening for carcinoid heart disease (93 patients with small-intestinal NETs). "
       "J Neuroendocrinol 2023.", 2023, doi="10.1111/jne.13327", note="Authors not confirmed."),
    _r("chd_review_2017", "Review of carcinoid heart disease screening and surgery. Neth Heart J 2017.", 2017,
       doi="10.1007/s12471-017-1011-2", note="Described, not titled; authors not confirmed."),
    _r("chd_review_2019", "Review of carcinoid heart disease. Endocr Connect 2019;8(12) (article EC-19-0413).", 2019,
       note="Described, not titled; authors and DOI not confirmed."),
    _r("dobson2014_chd", "Dobson R, et al. Plasma 5-HIAA and the progression of carcinoid heart disease (137 patients). "
       "Br J Cancer 2014;111(9):1703-1709.", 2014, doi="10.1038/bjc.2014.468", pmid="25211656",
       note="Described, not titled: the title was not read."),
    _r("hofland2022_chd_echo", "Hofland J, et al. Synoptic reporting of echocardiography in carcinoid heart disease "
       "(ENETS). J Neuroendocrinol 2022;34(3):e13060.", 2022, doi="10.1111/jne.13060"),
    _r("nguyen2019_chd_surgery", "Nguyen A, Schaff HV, et al. (with Connolly HM). Valve replacement for carcinoid heart "
       "disease (240 patients, Mayo Clinic). J Thorac Cardiovasc Surg 2019.", 2019, note="DOI not confirmed."),
    # Carcinoid crisis (facts 4.7-4.9).
    _r("xu2022_crisis", "Xu A, et al. Perioperative carcinoid crisis: a systematic review and meta-analysis (8 studies, "
       "943 operations). Cancers 2022;14(12):2966.", 2022, doi="10.3390/cancers14122966"),
    _r("condron2016_crisis", "Condron ME, Pommier SJ, Pommier RF. Prospective series: continuous octreotide infusion and "
       "intraoperative carcinoid crisis (127 patients, 150 operations). Surgery 2016.", 2016,
       note="Described, not titled: the title was not read; DOI not confirmed."),
    _r("crisis_review_2022", "Review of carcinoid crisis: triggers and prophylaxis in practice. Cancers 2022.", 2022,
       pmcid="PMC8833591", note="Authors not confirmed; read on PubMed Central."),
    # Pellagra, ectopic ACTH, PTHrP (facts 4.10-4.15).
    _r("shah2005_pellagra", "Shah GM, Shah RG, Veillette H, et al. Biochemical assessment of niacin deficiency "
       "among carcinoid cancer patients (36 with carcinoid syndrome, 32 with a carcinoid tumour without it). "
       "Am J Gastroenterol 2005;100(10):2307-2314.", 2005,
       note="Title read on the journal's abstract page (search tool); DOI and PMID not confirmed."),
    _r("niacin_net_cohort", "Niacin supplementation in patients with serotonin-producing NETs (Dutch cohort, 42 "
       "patients) (abstract).", None, note="Authors, journal and year not confirmed."),
    _r("kamp2016_eas", "Kamp K, et al. Ectopic ACTH syndrome in 918 patients with thoracic and gastroenteropancreatic "
       "NETs. Eur J Endocrinol 2016;174(3):271-280.", 2016, doi="10.1530/EJE-15-0968",
       note="Described, not titled: the title was not read."),
    _r("isidori2015_eas_imaging", "Isidori AM, et al. Imaging in ectopic Cushing's syndrome: a systematic review (231 "
       "cases). J Clin Endocrinol Metab 2015.", 2015, note="DOI not confirmed."),
    _r("hayes_grossman2022_eas", "Hayes AR, Grossman AB. Ectopic ACTH: well-differentiated lung NETs now the commonest "
       "source. J Neuroendocrinol 2022;34(8):e13137.", 2022, doi="10.1111/jne.13137",
       note="Described, not titled: the title was not read."),
    _r("pthrp_pnet", "PTHrP-secreting pancreatic NETs. Neuroendocrinology 2009;89(1):48; Febrero B, et al. Endocrinol "
       "Diabetes Nutr 2024;71(1):31-32.", 2009, note="Authors of the 2009 paper and DOIs not confirmed."),
)

REFERENCES: Mapping[str, Reference] = {r.key: r for r in _ALL}


def get(key: str) -> Reference:
    """Return the reference for ``key``; an unknown key raises ``ValueError`` naming it."""
    if not isinstance(key, str):
        raise InvalidTypeError("key", f"expected a reference key (str), got {type(key).__name__} {key!r}")
    if key not in REFERENCES:
        raise InvalidValueError("key", f"unknown reference key {key!r}; known keys: {', '.join(sorted(REFERENCES))}")
    return REFERENCES[key]


def resolve(keys: Iterable[str]) -> tuple[Reference, ...]:
    """References for ``keys`` in first-seen order, without duplicates."""
    seen: dict[str, Reference] = {}
    for k in checks.sequence("keys", keys, what="an iterable of reference keys"):
        try:
            ref = get(k)
        except InvalidTypeError as e:
            raise InvalidTypeError("keys", str(e)) from None
        except InvalidValueError as e:
            raise InvalidValueError("keys", str(e)) from None
        seen.setdefault(k, ref)
    return tuple(seen.values())


def primary_identified(keys: Iterable[str]) -> tuple[Reference, ...]:
    """The references among ``keys`` that are primary and carry a DOI, PMID or ISBN (what a rule must rest on)."""
    return tuple(r for r in resolve(keys) if r.is_primary and r.identified)


#: How a further-reading entry is marked wherever references are listed.
FURTHER_READING_LABEL = "further reading"


def _tail(r: Reference) -> str:
    if r.link:
        return f" {r.link}"
    return f" ISBN {r.isbn}" if r.isbn else ""


def _line(r: Reference, show_keys: bool = True) -> str:
    tail = f" <{r.link}>" if r.link else _tail(r)  # an autolink: a link in JupyterLab, on GitHub and on the site
    mark = f" *({FURTHER_READING_LABEL})*" if not r.is_primary else ""
    return (f"[{r.key}] " if show_keys else "") + f"{r.citation}{tail}{mark}"


def render_markdown(keys: Iterable[str] | None = None, *, show_keys: bool = True) -> str:
    """A numbered Markdown list of the given references (all when ``keys`` is None).

    Web summaries and reprints end with *(further reading)*, so a reader sees which entries are primary sources.
    ``show_keys=False`` leaves out the ``[key]`` prefix (for a trainee's reading list).
    """
    checks.boolean("show_keys", show_keys)
    refs = resolve(keys) if keys is not None else tuple(REFERENCES.values())
    return "\n".join(f"{i}. {_line(r, show_keys)}" for i, r in enumerate(refs, 1))


def render_html(keys: Iterable[str] | None = None, *, show_keys: bool = True) -> str:
    """The same list as HTML (for ``IPython.display.HTML``), further reading marked the same way."""
    from html import escape

    checks.boolean("show_keys", show_keys)
    refs = resolve(keys) if keys is not None else tuple(REFERENCES.values())
    items = []
    for r in refs:
        link = f' <a href="{escape(r.link)}">{escape(r.link)}</a>' if r.link else escape(_tail(r))
        mark = f" <i>({FURTHER_READING_LABEL})</i>" if not r.is_primary else ""
        key = f"<code>{escape(r.key)}</code> " if show_keys else ""
        items.append(f"<li>{key}{escape(r.citation)}{link}{mark}</li>")
    return "<ol>" + "".join(items) + "</ol>"


# --- short citations, for result cards and feedback ---------------------------------------------------------
#: Short citations written by hand where the stored citation does not follow the "Authors. Title. Journal Year"
#: pattern that :func:`short_citation` reads. Rendering data only: the references themselves stay above.
_SHORT_OVERRIDES: Mapping[str, str] = {
    "minen_30_percent": "PathologyOutlines, stomach neuroendocrine classification; Elpek, World J Gastroenterol; "
                        "Toor et al., World J Gastroenterol, 2022",
    "prrt_esmo_review": "Radiology review on PRRT, AJR, 2023",
    "pnet_incidence_europe": "NETTER-R, Eur J Nucl Med Mol Imaging, 2022",
    "lung_net_tnm": "Rocky Mountain Cancer Centers, lung NET staging summary, 2017",
    "rectal_net_risk": "Rinke and Denzer, Kolorektale NEN, 2021; rectal NET metastasis risk, BMC Gastroenterol, 2018",
    "appendix_risk_factors": "Begum, NEN der Appendix, 2021",
    "paraganglioma_keratin": "Paragangliomas in unusual locations, J Clin Med, 2018; Moran et al.",
    "vipoma_review": "Yeung, VIPomas, Medscape, 2021; Smith et al., Surgery, 1998",
    "insulinoma_therapy": "Matej et al., Hormones, 2016; Shin et al., Future Oncol, 2010",
    "ki67_mitoses_concordance": "Conference abstract: Ki-67 and mitotic grade in midgut and pancreatic NETs",
    "who_thoracic_2015": "WHO classification of lung and thymic neuroendocrine tumours (Travis criteria), 2015",
    "cga_confounders": "Chromogranin A: conditions and drugs that raise it, Arch Med Sci, 2016",
    "ajcc9_gep_net": "AJCC Version 9 staging for gastroenteropancreatic NETs, CA Cancer J Clin, 2024",
}

# "Surname AB" (a capitalised surname, optionally hyphenated or two words, then initials)
_AUTHOR = re.compile(r"([A-Z][A-Za-z'\-]+(?: [A-Z][a-z]+)?) [A-Z]{1,3}(?: Jr)?")
# a journal abbreviation: capitalised words (and a parenthesised place), then a year, a volume or the end
_JOURNAL = re.compile(r"[A-Z][A-Za-z&\-]*(?: [A-Z][A-Za-z&\-]*)*(?: \([A-Z][A-Za-z]*\))?"
                      r"(?= (?:1[89]|20)\d\d(?:[;.,:]| \(|$)| \d+[(:;]|;| \((?![A-Z])|$)")
_PARENS = re.compile(r"\s*\([^()]*\)")


def _authors(text: str) -> tuple[str, str]:
    """("Nagtegaal et al." / "Pelosi and Travis" / "Wilson", the text after the authors), or ("", text)."""
    end = text.find(". ")
    head = text[:end] if end > 0 else ""
    eds = head.endswith(" (eds)")
    names = [n.strip() for n in head.removesuffix(" (eds)").split(",")]
    if not names or not all(n in ("et al", "...") or _AUTHOR.fullmatch(n) for n in names):
        return "", text
    surnames = [_AUTHOR.fullmatch(n).group(1) for n in names if _AUTHOR.fullmatch(n)]
    many = len(surnames) > 2 or any(n in ("et al", "...") for n in names)
    rest = text[end + 2:]
    if rest.startswith("(eds). "):  # "Amin MB, et al. (eds). AJCC Cancer Staging Manual ..."
        eds, rest = True, rest[len("(eds). "):]
    who = (f"{surnames[0]} et al." if many else " and ".join(surnames)) + (" (eds)" if eds else "")
    return who, rest


def _lead(text: str) -> str:
    """The opening phrase of a citation without authors: up to the first sentence end, ';' or ', as ...'."""
    plain = _PARENS.sub("", _PARENS.sub("", text))
    cut = min((i for i in (plain.find(". "), plain.find("; "), plain.find(", as "), plain.find(", reproduced"))
               if i > 0), default=len(plain))
    lead = plain[:cut].rstrip(" .")
    if len(lead) > 90:
        lead = lead[:90].rsplit(" ", 1)[0] + " ..."
    return lead


def short_citation(key: str) -> str:
    """A short citation for a card or a feedback line: first author et al., journal, year.

    E.g. ``short_citation("who2019_digestive") == "Nagtegaal et al., Histopathology, 2020"``. A source without
    personal authors is named by its opening words (``"NCI PDQ Pancreatic Neuroendocrine Tumors Treatment, Health
    Professional version, 2025"``). Never the key itself.
    """
    r = get(key)
    if key in _SHORT_OVERRIDES:
        return _SHORT_OVERRIDES[key]
    who, rest = _authors(r.citation)
    sentences = [s.strip().rstrip(".") for s in re.split(r"(?<=[.!?]) ", rest) if s.strip()]
    journal = ""
    if who.endswith("(eds)") and sentences:
        journal = _PARENS.sub("", sentences[0])  # a book: its title
    else:
        for s in sentences[0 if who else 1:]:
            m = _JOURNAL.match(s)
            if m:
                journal = m.group(0)
                break
    parts = [who or _lead(r.citation)]
    if journal and journal not in parts[0]:
        parts.append(journal)
    if r.year is not None and not parts[-1].endswith(str(r.year)):
        parts.append(str(r.year))
    return ", ".join(parts)


def citation_text(key: str) -> str:
    """:func:`short_citation`, followed by ``(further reading)`` for a web summary or reprint."""
    r = get(key)
    return short_citation(key) + ("" if r.is_primary else f" ({FURTHER_READING_LABEL})")


def citation_html(key: str) -> str:
    """The short citation as HTML: linked to its DOI or PubMed page where known, and *(further reading)* after a
    web summary or reprint. No tooltip: the full citation is visible text where it is needed
    (:func:`full_citations_html`), so keyboard, touch and screen-reader users can reach it."""
    from html import escape

    r = get(key)
    text = escape(short_citation(key))
    body = (f'<a href="{escape(r.link, quote=True)}" target="_blank" rel="noopener">{text}</a>'
            if r.link else text)
    return body + ("" if r.is_primary else f" <i>({FURTHER_READING_LABEL})</i>")


def full_citations_html(keys: Iterable[str]) -> str:
    """The full citations of ``keys`` (first-seen order, no duplicates) as an HTML list, each linked where known
    and marked *(further reading)* for a web summary or reprint."""
    from html import escape

    items = []
    for r in resolve(keys):
        text = escape(r.citation)
        if r.link:
            text += f' <a href="{escape(r.link, quote=True)}" target="_blank" rel="noopener">{escape(r.link)}</a>'
        items.append(f"<li>{text}" + ("" if r.is_primary else f" <i>({FURTHER_READING_LABEL})</i>") + "</li>")
    return "<ol>" + "".join(items) + "</ol>"


def citations_text(keys: Iterable[str]) -> str:
    """Short citations of ``keys`` (first-seen order, no duplicates), separated by '; '."""
    return "; ".join(citation_text(r.key) for r in resolve(keys))


def citations_html(keys: Iterable[str]) -> str:
    """:func:`citation_html` of ``keys`` (first-seen order, no duplicates), separated by '; '."""
    return "; ".join(citation_html(r.key) for r in resolve(keys))
