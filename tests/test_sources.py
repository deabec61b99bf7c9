"""Every rule, table and catalogue entry rests on a primary source with a DOI, PMID or ISBN.

The catalogues are found generically: every module-level object (or member of a module-level dict, tuple
or list) of the data modules below that carries ``sources`` (keys) or ``source`` (one key) is an entry.
Modules that others are rewriting (treatment rules, staging tables) are walked the same way, so the test
follows whatever they expose. Web summaries (``kind == "further_reading"``) may be cited as well, but
never alone.
"""
from __future__ import annotations

import importlib
from collections.abc import Mapping

import pytest

from netlib import markers
from netlib.data import references
from netlib.data.references import FURTHER_READING, KINDS, PRIMARY, REFERENCES

DATA_MODULES = ("netlib.data.criteria", "netlib.data.staging_tables", "netlib.data.treatment_rules",
                "netlib.data.trials", "netlib.data.syndromes", "netlib.data.epidemiology",
                "netlib.data.source_summary", "netlib.data.cases")


def _keys_of(obj) -> tuple[str, ...] | None:
    """The source keys an entry carries, or None when it carries none."""
    if isinstance(obj, type):
        return None
    sources = getattr(obj, "sources", None)
    if isinstance(sources, (tuple, list)) and all(isinstance(k, str) for k in sources):
        return tuple(sources)
    source = getattr(obj, "source", None)
    if isinstance(source, str):
        return (source,)
    return None


def _label(obj, fallback: str) -> str:
    for attr in ("key", "site", "type", "claim", "label", "name"):
        value = getattr(obj, attr, None)
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            return str(value)
    return fallback


def collect_entries() -> list[tuple[str, tuple[str, ...]]]:
    """(``module:name[entry]``, source keys) for every catalogue entry that cites sources."""
    out: list[tuple[str, tuple[str, ...]]] = []
    for modname in DATA_MODULES:
        mod = importlib.import_module(modname)
        short = modname.rsplit(".", 1)[1]
        for name, value in vars(mod).items():
            if name.startswith("_"):
                continue
            keys = _keys_of(value)
            if keys is not None:
                out.append((f"{short}:{name}", keys))
                continue
            # module-level constants that name one source, e.g. SITE_DISTRIBUTION_SOURCE = "man2018"
            if name.endswith("_SOURCE") and isinstance(value, str):
                out.append((f"{short}:{name}", (value,)))
                continue
            if isinstance(value, Mapping):
                members = list(value.items())
            elif isinstance(value, (tuple, list)):
                members = list(enumerate(value))
            else:
                continue
            for idx, member in members:
                keys = _keys_of(member)
                if keys is None and name.endswith("SOURCES") and isinstance(member, (tuple, list)) \
                        and member and all(isinstance(k, str) for k in member):
                    keys = tuple(member)  # e.g. SYNDROME_SOURCES = {"gastrinoma": ("zes_review", ...)}
                if keys is not None:
                    out.append((f"{short}:{name}[{_label(member, str(idx))}]", keys))
    return out


def _marker_entries() -> list[tuple[str, tuple[str, ...]]]:
    panel = markers.interpret(synaptophysin="positive", chromogranin_a="positive", keratin="positive")
    return [("markers:interpret", panel.sources), ("markers:MARKER_SENSITIVITY", ("insm1_markers",))]


ENTRIES = collect_entries() + _marker_entries()
IDS = [label for label, _ in ENTRIES]


def test_the_walk_finds_the_catalogues():
    labels = " ".join(IDS)
    for expected in ("criteria:TABLES", "trials:TRIALS", "syndromes:SYNDROMES", "syndromes:GASTRIC_TYPES",
                     "source_summary:CLAIMS", "epidemiology:INCIDENCE", "epidemiology:SITE_DISTRIBUTION_SOURCE",
                     "staging_tables:T_TABLES", "treatment_rules:RULES"):
        assert expected in labels, expected


@pytest.mark.parametrize("label,keys", ENTRIES, ids=IDS)
def test_every_source_key_resolves(label, keys):
    assert keys, f"{label} cites no source"
    unknown = [k for k in keys if k not in REFERENCES]
    assert not unknown, f"{label}: unknown reference keys {unknown}"


@pytest.mark.parametrize("label,keys", ENTRIES, ids=IDS)
def test_every_entry_rests_on_an_identified_primary_source(label, keys):
    known = [k for k in keys if k in REFERENCES]
    assert references.primary_identified(known), (
        f"{label} cites only {known}: none is a primary source with a DOI, PMID or ISBN")


@pytest.mark.parametrize("ref", REFERENCES.values(), ids=list(REFERENCES))
def test_identifiers_are_well_formed(ref):
    assert ref.kind in KINDS
    if ref.doi is not None:
        assert references.doi_valid(ref.doi) and not ref.doi.lower().startswith(("doi:", "http")), ref.doi
    if ref.pmid is not None:
        assert references.pmid_valid(ref.pmid), ref.pmid
    if ref.pmcid is not None:
        assert references.pmcid_valid(ref.pmcid), ref.pmcid
    if ref.isbn is not None:
        assert references.isbn13_valid(ref.isbn), ref.isbn
    assert ref.key and ref.citation.strip() == ref.citation


def test_identifier_checks_reject_malformed_values():
    assert references.isbn13_valid("978-3-319-40617-6")
    assert not references.isbn13_valid("978-3-319-40617-5")  # wrong check digit
    assert not references.isbn13_valid("3-319-40617-5")  # ISBN-10 form
    assert references.doi_valid("10.1111/jne.13318")
    for bad in ("doi:10.1111/jne.13318", "https://doi.org/10.1111/x", "11.1111/jne.1", "10.1/x", "10.1111/a b"):
        assert not references.doi_valid(bad), bad
    assert references.pmid_valid("38685134") and not references.pmid_valid("PMID 38685134")
    assert not references.pmid_valid("038685134")
    assert references.pmcid_valid("PMC5765303") and not references.pmcid_valid("5765303")


def test_web_summaries_are_further_reading():
    for key in ("pdq_pnet", "pdq_gi_net", "msd_insulinoma", "cap_net_protocol", "who2019_table_notes",
                "minen_30_percent", "nccn_net", "lung_net_tnm", "enets_colorectal_tnm", "prrt_esmo_review",
                "vipoma_review", "appendix_risk_factors", "ki67_mitoses_concordance"):
        assert REFERENCES[key].kind == FURTHER_READING, key
    for key in ("who2019_digestive", "esmo2020", "netter1", "enets2023_functioning", "ajcc8_gi_net"):
        assert REFERENCES[key].kind == PRIMARY and REFERENCES[key].identified, key


# The keys other parts of netlib cite (treatment rules, staging tables), with the identifier they must carry.
NEEDED = {
    "detterbeck2014_thymic_tnm": ("doi", "10.1097/JTO.0000000000000290"),
    "ajcc9_gep_net": ("doi", "10.3322/caac.21840"),
    "rami_porta2015_lung_t": ("doi", "10.1097/JTO.0000000000000559"),
    "esmo2021_lung_thymic": ("doi", "10.1016/j.annonc.2021.01.003"),
    "luna": ("doi", "10.1016/S1470-2045(17)30681-2"),
    "enets2023_nf_pnet": ("doi", "10.1111/jne.13343"),
    "enets2023_gastroduodenal": ("doi", "10.1111/jne.13306"),
    "enets2023_colorectal": ("doi", "10.1111/jne.13309"),
    "enets2023_appendix": ("doi", "10.1111/jne.13332"),
    "enets2023_nec": ("doi", "10.1111/jne.13249"),
    "enets2023_functioning": ("doi", "10.1111/jne.13318"),
    "enets2024_small_intestine": ("doi", "10.1111/jne.13423"),
    "singh2018_followup": ("doi", "10.1001/jamaoncol.2018.2428"),
    "esmo2020": ("doi", "10.1016/j.annonc.2020.03.304"),
    "ajcc8_gi_net": ("isbn", "978-3-319-40617-6"),
    "ajcc8_pancreas_net": ("isbn", "978-3-319-40617-6"),
}


@pytest.mark.parametrize("key", sorted(NEEDED))
def test_references_others_need_exist_with_their_identifiers(key):
    field, value = NEEDED[key]
    ref = references.get(key)
    assert getattr(ref, field) == value and ref.is_primary
    assert ref.link or ref.isbn


def test_pmids_the_fact_sheets_print():
    assert REFERENCES["ajcc9_gep_net"].pmid == "38685134"
    assert REFERENCES["luna"].pmid == "29074099"
    assert REFERENCES["singh2018_followup"].pmid == "30054622"
    assert REFERENCES["enets2023_functioning"].pmid == "37578384"


def test_radiant4_lung_has_no_invented_identifier():
    ref = REFERENCES["radiant4_lung"]
    assert ref.doi is None and ref.pmid is None and ref.pmcid == "PMC5765303"


def test_bibliography_marks_further_reading():
    md = references.render_markdown(["esmo2020", "pdq_gi_net"])
    first, second = md.splitlines()
    assert "further reading" not in first and second.endswith("*(further reading)*")
    html = references.render_html(["pdq_gi_net", "ajcc8_gi_net"])
    assert html.count("(further reading)") == 1 and "ISBN 978-3-319-40617-6" in html


def test_reading_list_links_are_markdown_autolinks():
    """<https://...> is a link in JupyterLab, on GitHub and on the course site (MyST does not link bare URLs)."""
    md = references.render_markdown(["who2019_digestive", "ajcc8_gi_net"], show_keys=False)
    first, second = md.splitlines()
    assert first.endswith(" <https://doi.org/10.1111/his.13975>")
    assert "ISBN 978-3-319-40617-6" in second and "<" not in second


def test_cards_mark_further_reading():
    from netlib.teaching.cards import card_html

    html = card_html("t", "v", sources=["pdq_gi_net", "esmo2020"])
    assert html.count("(further reading)") == 2  # once among the short citations, once in the full references
    html = html[:html.index("<details>")]
    first, second = (references.short_citation(k) for k in ("pdq_gi_net", "esmo2020"))
    assert html.index(first) < html.index("(further reading)") < html.index(second)
    assert "pdq_gi_net" not in html  # cited in words, not by key


def test_primary_identified_filters_and_checks_keys():
    assert [r.key for r in references.primary_identified(["pdq_gi_net", "esmo2020", "who2022_overview"])] == [
        "esmo2020"]
    with pytest.raises(ValueError, match="nonexistent"):
        references.primary_identified(["nonexistent"])
