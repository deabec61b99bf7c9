"""The workshop's case bank and the source summary's claims."""

import pytest

from netlib import assess
from netlib.data import (
    source_summary,
)
from netlib.data.cases import CASE_DATA, get_case, load_cases
from netlib.data.references import REFERENCES
from netlib.treatment import CATEGORIES


def test_case_bank_is_large_varied_and_assesses():
    cases = load_cases()
    assert len(cases) >= 20 and len({c.key for c in cases}) == len(cases)
    sites = {c.findings.site for c in cases}
    assert {"pancreas", "stomach", "appendix", "rectum", "jejunum_ileum", "lung", "colon", "duodenum"} <= sites
    labels, groups, cats = set(), set(), set()
    for c in cases:
        a = assess(c.findings)
        labels.add(a.grade.label)
        groups.add(a.stage.group)
        cats.add(a.recommendation.category)
        assert a.to_dict()["recommendation"]["category"] in CATEGORIES
    assert {"NET G1", "NET G2", "NET G3", "NEC", "MiNEN", "undetermined"} <= labels
    assert {"I", "II", "III", "IV"} <= groups
    assert len(cats) >= 10
    assert any(c.findings.syndrome for c in cases) and any(c.findings.functioning is False for c in cases)


def test_malformed_case_names_case_and_field():
    bad = [{"key": "broken", "title": "t", "vignette": "v", "focus": "grade", "findings": {"ki67_percent": "12%"}}]
    with pytest.raises(TypeError, match=r"case 'broken': ki67_percent"):
        load_cases(bad)
    bad = [{"key": "typo", "title": "t", "vignette": "v", "focus": "grade", "findings": {"ki67": 12}}]
    with pytest.raises(ValueError, match=r"case 'typo'.*unknown field 'ki67'"):
        load_cases(bad)
    with pytest.raises(ValueError, match="case"):
        get_case("nope")
    assert len(CASE_DATA) == len(load_cases())


def test_source_summary_claims():
    assert len(source_summary.CLAIMS) >= 10
    for c in source_summary.CLAIMS:
        assert c.verdict in source_summary.VERDICTS and c.sources
        assert all(k in REFERENCES for k in c.sources)
    md = source_summary.to_markdown()
    assert "0.3-0.8" in md and "**wrong**" in md
