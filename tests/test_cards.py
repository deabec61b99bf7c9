"""Result cards speak a trainee's language: flag sentences, short citations and category words, never keys."""
import json
import re
from html import escape

import pytest
from hypothesis import HealthCheck, given, settings

from netlib import Findings, assess, grade, recommend, stage
from netlib.counting import ki67, mitoses
from netlib.data import references
from netlib.data.cases import load_cases
from netlib.data.trials import TRIALS
from netlib.grading import FLAGS as GRADE_FLAGS
from netlib.markers import FLAGS as MARKER_FLAGS
from netlib.markers import interpret
from netlib.staging import FLAGS as STAGE_FLAGS
from netlib.teaching.cards import CARE_HEADING, card_html, card_text, describe_flags
from netlib.treatment import CATEGORIES, CATEGORY_LABELS, RULES
from netlib.treatment import FLAGS as TREATMENT_FLAGS

from .strategies import clinical_cases

#: Every machine key a card must not show: category keys, flag codes, reference and trial keys, rule keys (those
#: that are also plain English words, such as the category "surveillance" or the flag "controversial", may appear).
FLAG_CODES = set(GRADE_FLAGS) | set(STAGE_FLAGS) | set(TREATMENT_FLAGS) | set(MARKER_FLAGS) | set(ki67.FLAGS)
KEYS = ({k for k in set(CATEGORIES) | FLAG_CODES | {r.key for r in RULES} if "_" in k}
        | set(references.REFERENCES) | set(TRIALS))
_TOKEN = re.compile(r"(?<![\w-])[a-z][a-z0-9]*(?:_[a-z0-9]+)*(?![\w-])")


def keys_in(text: str) -> set[str]:
    """The machine keys that appear as whole words in ``text`` (case-sensitive: "CLARINET" is a trial's name,
    "clarinet" its key)."""
    return {tok for tok in _TOKEN.findall(text) if tok in KEYS}


def test_the_key_check_can_fail():
    assert keys_in("rule: progression_midgut; flags: boundary_value; sources: who2019_digestive, esmo2020") == {
        "progression_midgut", "boundary_value", "who2019_digestive", "esmo2020"}
    assert keys_in("oncologic_resection_with_lymphadenectomy") == {"oncologic_resection_with_lymphadenectomy"}
    assert not keys_in("NETTER-1 and CLARINET, surveillance, Nagtegaal et al., Histopathology, 2020")


def _cards(result) -> list[str]:
    return [result._repr_html_(), str(result)]


# --- the review and workshop cases, each rendered whole ---------------------------------------------------
REVIEW_CASES = [
    dict(site="pancreas", differentiation="well", ki67_percent=3.0, mitoses_per_2mm2=1, size_cm=2.0,
         regional_nodes_positive=0, metastasis="none", functioning=False),
    dict(site="pancreas", regional_nodes_positive=0, metastasis="none", differentiation="well", ki67_percent=2),
    dict(site="jejunum_ileum", differentiation="well", ki67_percent=5, metastasis="liver_only", sstr_positive=True,
         prior_therapies=("somatostatin_analogue",), progression=True),
    dict(site="jejunum_ileum", differentiation="well", ki67_percent=8, mitoses_per_2mm2=25,
         metastasis="liver_and_extrahepatic", sstr_positive=True),
    dict(site="pancreas", differentiation="poor", ki67_percent=80, metastasis="liver_only",
         prior_therapies=("platinum_etoposide",), progression=True),
    dict(site="appendix", differentiation="well", ki67_percent=2, size_cm=0.8, margin="R1", metastasis="none",
         functioning=False),
    dict(site="rectum", differentiation="well", ki67_percent=2, size_cm=0.8, depth="submucosa", margin="R1",
         metastasis="none", functioning=False, clinical_nodes="negative"),
    dict(site="pancreas", differentiation="well", ki67_percent=2, metastasis="liver_only", functioning=True),
    dict(site="jejunum_ileum", differentiation="well", ki67_percent=2, metastasis="liver_only",
         liver_metastases_resectable=False, syndrome="carcinoid_syndrome", sstr_positive=True,
         prior_therapies=("somatostatin_analogue",), progression=False),
    dict(site="lung", morphology="carcinoid", necrosis="absent", size_cm=3, mitoses_per_2mm2=4,
         metastasis="liver_only", liver_metastases_resectable=False, sstr_positive=True, progression=True,
         prior_therapies=("targeted_therapy", "prrt")),
    dict(site="lung", morphology="carcinoid", mitoses_per_2mm2=11, necrosis="absent", size_cm=2.0),
    dict(site="thymus", morphology="carcinoid", mitoses_per_2mm2=1, necrosis="punctate", invasion=("pericardium",),
         thoracic_nodes="anterior_perithymic"),
    dict(differentiation="well", ki67_percent=25),
    dict(site="colon", ne_component_percent=30, differentiation="poor", ki67_percent=60),
]


@pytest.mark.parametrize("kw", REVIEW_CASES, ids=range(len(REVIEW_CASES)))
def test_review_cases_show_no_keys(kw):
    a = assess(Findings(**kw))
    for text in _cards(a) + _cards(a.grade) + _cards(a.stage) + _cards(a.recommendation):
        assert not keys_in(text), keys_in(text)


@pytest.mark.parametrize("case", load_cases(), ids=lambda c: c.key)
def test_case_bank_cards_show_no_keys(case):
    a = assess(case.findings)
    for text in _cards(a):
        assert not keys_in(text), (case.key, keys_in(text))
    assert json.dumps(a.to_dict())  # the keys stay available as data


@settings(max_examples=150, suppress_health_check=list(HealthCheck), deadline=None)
@given(clinical_cases())
def test_drawn_cases_show_no_keys(f):
    a = assess(f)
    for text in _cards(a):
        assert not keys_in(text), keys_in(text)


def test_other_results_show_no_keys():
    panel = interpret(synaptophysin="negative", chromogranin_a="negative", insm1="positive", keratin="negative",
                      neurofilament="positive")
    assert set(panel.flags) == {"insm1_only", "neurofilament_unreliable"}
    count = ki67.count(10, 300)
    assert set(count.flags) == {"fewer_than_500_cells", "interval_crosses_cutoff"}
    for result in (panel, interpret(synaptophysin="negative", chromogranin_a="negative", insm1="negative"), count,
                   mitoses.microscope(22, 40)):
        for text in _cards(result):
            assert not keys_in(text), (type(result).__name__, keys_in(text))
    assert "keratin decides" in panel._repr_html_() and "keratin decides" in str(panel)


# --- flags: their meaning, in words ---------------------------------------------------------------------
def test_every_flag_has_a_sentence():
    for table in (GRADE_FLAGS, STAGE_FLAGS, TREATMENT_FLAGS, MARKER_FLAGS, ki67.FLAGS):
        for code, text in table.items():
            assert text and text[0].isupper() and text.rstrip().endswith((".", ")")), code
            assert not keys_in(text), (code, keys_in(text))


def test_describe_flags():
    assert describe_flags(["clinical_n", "m_assumed_m0", "clinical_n"], STAGE_FLAGS) == [
        STAGE_FLAGS["clinical_n"], STAGE_FLAGS["m_assumed_m0"]]
    assert describe_flags(["made_up_code"], {}) == ["Made up code."]  # never the code itself
    assert describe_flags([], STAGE_FLAGS) == []


def test_flags_are_visible_sentences_not_codes_or_tooltips():
    s = stage(Findings(site="pancreas", differentiation="well", ki67_percent=2, size_cm=2.0, metastasis="none"))
    assert "pancreas_t1_boundary" in s.flags  # programs still read the codes
    html, text = s._repr_html_(), str(s)
    sentence = escape(STAGE_FLAGS["pancreas_t1_boundary"])
    assert f"<li>{sentence}</li>" in html and CARE_HEADING in html
    assert f"  - {STAGE_FLAGS['pancreas_t1_boundary']}" in text and CARE_HEADING in text
    assert "pancreas_t1_boundary" not in html + text and "title=\"Pancreatic" not in html


def test_grade_boundary_flag_names_the_value_and_its_band():
    g = grade(Findings(site="jejunum_ileum", differentiation="well", ki67_percent=20,
                       mitoses_per_2mm2=1))
    assert g.label == "NET G2" and "boundary_value" in g.flags
    assert "Ki-67 20 % belongs to NET G2" in str(g) and "Ki-67 20 % belongs to NET G2" in g._repr_html_()


# --- sources: short citations with a link ------------------------------------------------------------------
@pytest.mark.parametrize("key", list(references.REFERENCES))
def test_every_reference_has_a_short_citation(key):
    r = references.get(key)
    short = references.short_citation(key)
    assert 5 < len(short) <= 130 and short == short.strip(), short
    assert not keys_in(short) and key not in short, short
    if r.year is not None:
        assert str(r.year) in short, short
    text = references.citation_text(key)
    html = references.citation_html(key)
    assert text.endswith(f"({references.FURTHER_READING_LABEL})") is (not r.is_primary)
    assert (f'href="{r.link}"' in html) is bool(r.link) and key not in html


def test_short_citations_read_as_first_author_journal_year():
    assert references.short_citation("who2019_digestive") == "Nagtegaal et al., Histopathology, 2020"
    assert references.short_citation("pelosi_travis_2024") == "Pelosi and Travis, Histopathology, 2024"
    assert references.short_citation("wilson1927") == "Wilson, J Am Stat Assoc, 1927"
    assert references.short_citation("netter1") == "Strosberg et al., N Engl J Med, 2017"
    assert references.short_citation("ajcc8_gi_net") == "Amin et al. (eds), AJCC Cancer Staging Manual, 8th ed, 2017"
    assert references.short_citation("net_vs_nec_review") == ("Review: pancreatic NET G3 versus NEC, "
                                                              "Arch Pathol Lab Med, 2019")
    with pytest.raises(ValueError, match="unknown reference"):
        references.short_citation("nonexistent")


def test_card_sources_are_linked_citations_with_further_reading_marked():
    html = card_html("t", "v", sources=["pdq_gi_net", "esmo2020", "esmo2020"])
    html = html[:html.index("<details>")]  # the short citations (the full ones follow, see the next test)
    assert html.count("(further reading)") == 1 and html.count("Pavel et al., Ann Oncol, 2020") == 1
    assert html.index("NCI PDQ Gastrointestinal") < html.index("(further reading)") < html.index("Pavel et al.")
    assert 'href="https://doi.org/' in html and "pdq_gi_net" not in html and "esmo2020" not in html
    text = card_text("t", "v", sources=["pdq_gi_net", "esmo2020"])
    assert text.endswith("Sources: NCI PDQ Gastrointestinal Neuroendocrine Tumors Treatment, Health Professional "
                         "version, 2025 (further reading); Pavel et al., Ann Oncol, 2020")


def test_card_citations_are_visible_text_not_tooltips():
    """Keyboard, touch and screen-reader users cannot reach a tooltip: the full citation is in the card itself,
    behind a "Full references" disclosure, and no citation hides in a title attribute."""
    html = card_html("t", "v", sources=["who2019_digestive", "pdq_gi_net", "who2019_digestive"])
    assert "title=" not in html
    details = html[html.index("<details>"):html.index("</details>")]
    assert "<summary>Full references</summary>" in details and details.count("<li>") == 2
    for key in ("who2019_digestive", "pdq_gi_net"):
        r = references.get(key)
        assert escape(r.citation) in details and key not in details
    assert details.index("Nagtegaal ID") < details.index("NCI PDQ") < details.index("(further reading)")
    assert "<details>" not in card_html("t", "v")  # no sources, no empty disclosure


def test_reading_lists_can_leave_out_keys():
    md = references.render_markdown(["esmo2020", "pdq_gi_net"], show_keys=False)
    assert "esmo2020" not in md and md.startswith("1. Pavel M") and md.endswith("*(further reading)*")
    assert "<code>" not in references.render_html(["esmo2020"], show_keys=False)
    assert "[esmo2020]" in references.render_markdown(["esmo2020"])  # unchanged by default


# --- treatment cards: categories and rules in words -----------------------------------------------------------
def test_treatment_card_names_category_and_rule_in_words():
    r = recommend(Findings(site="jejunum_ileum", differentiation="well", ki67_percent=5, metastasis="liver_only",
                           sstr_positive=True, liver_metastases_resectable=False,
                           prior_therapies=("somatostatin_analogue",), progression=True))
    title = next(x.title for x in RULES if x.key == r.rule)
    assert r.rule_title == title and r.subtitle() == f"Rule: {title}"
    html = r._repr_html_()
    assert CATEGORY_LABELS[r.category][1:] in r.headline() and "rule:" not in html and r.rule not in html
    assert "NETTER-1" in html and "[netter1" not in html  # trials by name


def test_deterministic_output():
    f = Findings(**REVIEW_CASES[2])
    assert assess(f)._repr_html_() == assess(f)._repr_html_() and str(assess(f)) == str(assess(f))
