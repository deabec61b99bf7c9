"""One registry of the sources every rule, table and catalogue entry in netlib rests on.

Each :class:`Reference` has a short stable ``key`` (used in results' ``sources``), a short
citation written for trainees, the year, and a DOI or PMID where one was confirmed.
Keys never change once published; add new ones instead.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Iterable, Mapping

__all__ = ["Reference", "REFERENCES", "get", "resolve", "render_markdown", "render_html"]


@dataclass(frozen=True)
class Reference:
    """A citable source: ``key``, short ``citation``, ``year`` and optional DOI / PMID / note."""

    key: str
    citation: str
    year: int
    doi: str | None = None
    pmid: str | None = None
    note: str | None = None

    @property
    def link(self) -> str | None:
        """A resolvable link (DOI preferred, else PubMed), or None."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        return None


def _r(key, citation, year, doi=None, pmid=None, note=None) -> Reference:
    return Reference(key, citation, year, doi, pmid, note)


_ALL = (
    # --- classification and grading -------------------------------------------------
    _r("who2019_digestive", "Nagtegaal ID, Odze RD, Klimstra D, et al. The 2019 WHO classification of tumours "
       "of the digestive system. Histopathology 2020;76:182-188.", 2020, doi="10.1111/his.13975"),
    _r("iarc_who_framework_2018", "Rindi G, Klimstra DS, Abedi-Ardekani B, et al. A common classification "
       "framework for neuroendocrine neoplasms: an IARC/WHO expert consensus proposal. Mod Pathol "
       "2018;31:1770-1786.", 2018, doi="10.1038/s41379-018-0110-y", pmid="30140036"),
    _r("who2022_overview", "Rindi G, Mete O, Uccella S, et al. Overview of the 2022 WHO classification of "
       "neuroendocrine neoplasms. Endocr Pathol 2022;33:115-154.", 2022),
    _r("cap_net_protocol", "College of American Pathologists NET protocol notes (mitoses per 2 mm2 from 10 mm2 / 5; "
       "Ki-67 in the hot spot on >= 500 cells; higher grade wins; manual count near cut-offs), as reproduced "
       "by essentialpathology.info.", 2019),
    _r("who2019_table_notes", "WHO 2019 GEP-NEN grading table with footnotes (50 fields of 0.2 mm2; >= 500 cells; "
       "NEC Ki-67 often > 70 %), as reproduced in J Nucl Med Technol and UpToDate.", 2019),
    _r("who2010_digestive", "Bosman FT, Carneiro F, Hruban RH, Theise ND (eds). WHO Classification of Tumours of "
       "the Digestive System, 4th ed. IARC, Lyon 2010 (grading: G1 Ki-67 <= 2 %, G2 3-20 %, mitoses per "
       "10 HPF), as summarised by pubcan.org.", 2010),
    _r("who2017_pancreas", "Yang M, Zeng L, Ke NW, et al. World Health Organization grading classification for "
       "pancreatic neuroendocrine neoplasms: a comprehensive analysis from a large Chinese institution. "
       "BMC Cancer 2020;20:906 (applies the WHO 2017 pancreatic grading, which added NET G3).", 2020,
       doi="10.1186/s12885-020-07356-5", pmid="32962649"),
    _r("net_vs_nec_review", "Review: pancreatic NET G3 versus NEC (morphology, Ki-67, molecular). Arch Pathol Lab "
       "Med 2019;143(11):1317-1326.", 2019, doi="10.5858/arpa.2019-0338-RA"),
    _r("minen_30_percent", "PathologyOutlines, Stomach - neuroendocrine classification (MiNEN: each component "
       ">= 30 %); Elpek GO. World J Gastroenterol 2022;28(8); Toor D et al. World J Gastroenterol 2022;28(19).",
       2022, note="Some reviews write > 30 %; the boundary itself is disputed."),
    _r("ki67_agreement", "Trikalinos NA, et al. Ann Surg Oncol 2020;27(9):3542-3550 (expert regrading moved "
       "26.6 % of G1 pancreatic NETs to G2).", 2020, pmid="32206954"),
    _r("insm1_markers", "Moller K, et al. INSM1 compared with synaptophysin and chromogranin A in more than "
       "14,000 tumours. Mol Cell Endocrinol 2024;112106.", 2024, doi="10.1016/j.mce.2023.112106"),
    _r("paraganglioma_keratin", "Paragangliomas in unusual locations (keratin negative in 58/60). J Clin Med "
       "2018;7(9):280; Moran CA et al., mediastinal paragangliomas (neurofilament 5/10).", 2018,
       doi="10.3390/jcm7090280"),
    # --- thoracic ------------------------------------------------------------------------
    _r("who_thoracic_2015", "WHO classification of lung and thymic neuroendocrine tumours (Travis criteria: "
       "typical carcinoid < 2 mitoses/2 mm2, no necrosis, >= 0.5 cm; atypical 2-10 and/or necrosis; LCNEC and "
       "SCLC > 10), retained in the WHO 2021 thoracic classification.", 2015),
    _r("who_thoracic_2021_ki67", "The Ki-67 antigen in the new 2021 WHO classification of lung neuroendocrine "
       "neoplasms. Pathologica 2021 (Ki-67 is a desirable, not essential, criterion).", 2021),
    _r("pelosi_travis_2024", "Pelosi G, Travis WD. Head-to-head: should Ki67 proliferation index be included in "
       "the formal classification of pulmonary neuroendocrine neoplasms? Histopathology 2024.", 2024,
       doi="10.1111/his.15206", note="Provisional carcinoids with elevated proliferation: > 10 mitoses/2 mm2 "
       "and/or Ki-67 >= 30 %; an emerging concept, not a category."),
    _r("thymic_net_review", "Neuroendocrine tumours of the thymus and mediastinum. J Thorac Dis "
       "(same criteria as lung; most thymic carcinoids are atypical).", 2017),
    # --- counting statistics -------------------------------------------------------------
    _r("wilson1927", "Wilson EB. Probable inference, the law of succession, and statistical inference. "
       "J Am Stat Assoc 1927;22:209-212.", 1927, doi="10.1080/01621459.1927.10502953"),
)

REFERENCES: Mapping[str, Reference] = {r.key: r for r in _ALL}


def get(key: str) -> Reference:
    """Return the reference for ``key``; raise ``KeyError`` naming the unknown key."""
    try:
        return REFERENCES[key]
    except KeyError:
        raise KeyError(f"unknown reference key {key!r}; known keys: {', '.join(sorted(REFERENCES))}") from None


def resolve(keys: Iterable[str]) -> tuple[Reference, ...]:
    """References for ``keys`` in first-seen order, without duplicates."""
    seen: dict[str, Reference] = {}
    for k in keys:
        seen.setdefault(k, get(k))
    return tuple(seen.values())


def _line(r: Reference) -> str:
    tail = f" {r.link}" if r.link else ""
    return f"[{r.key}] {r.citation}{tail}"


def render_markdown(keys: Iterable[str] | None = None) -> str:
    """A numbered Markdown list of the given references (all when ``keys`` is None)."""
    refs = resolve(keys) if keys is not None else tuple(REFERENCES.values())
    return "\n".join(f"{i}. {_line(r)}" for i, r in enumerate(refs, 1))


def render_html(keys: Iterable[str] | None = None) -> str:
    """The same list as HTML (for ``IPython.display.HTML``)."""
    refs = resolve(keys) if keys is not None else tuple(REFERENCES.values())
    items = []
    for r in refs:
        link = f' <a href="{escape(r.link)}">{escape(r.link)}</a>' if r.link else ""
        items.append(f"<li><code>{escape(r.key)}</code> {escape(r.citation)}{link}</li>")
    return "<ol>" + "".join(items) + "</ol>"
