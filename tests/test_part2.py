"""Staging/treatment widgets and plots, the case bank and the source-summary claims."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from netlib import Findings, assess, plots, source_summary, widgets  # noqa: E402
from netlib.cases import CASE_DATA, get_case, load_cases  # noqa: E402
from netlib.references import REFERENCES  # noqa: E402
from netlib.selfcheck import check_case, check_stage, check_syndrome, check_treatment  # noqa: E402
from netlib.treatment import CATEGORIES, RULES  # noqa: E402
from netlib.trials import TRIALS  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


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


def test_check_case_feedback():
    c = get_case("jejunal_discordant")
    fb = check_case(c, grade="NET G1", stage_group="III", category="oncologic_resection_with_lymphadenectomy")
    assert not fb.correct and "Ki-67 alone" in fb.message
    assert check_case(c, grade="NET G2", stage_group="III").correct


def test_check_stage_and_syndrome_and_treatment():
    f = Findings(site="pancreas", differentiation="well", ki67_percent=2, size_cm=2.0, regional_nodes_positive=0,
                 metastasis="none")
    assert "2.0 cm is T2" in check_stage(f, "T1", "N0", "M0", "I").message
    assert check_stage(f, "T2", "N0", "M0", "II").correct
    ji = Findings(site="jejunum_ileum", differentiation="well", ki67_percent=1, size_cm=1.2,
                  depth="muscularis_propria", regional_nodes_positive=12, metastasis="none")
    assert "N2" in check_stage(ji, "T2", "N1", "M0", "III").message
    assert not check_syndrome(["peptic_ulcers"], "vipoma").correct
    assert check_syndrome(["peptic_ulcers"], "gastrinoma").correct
    with pytest.raises(ValueError, match="syndrome"):
        check_syndrome(["flushing"], "carcinoid")
    with pytest.raises(ValueError, match="answer"):
        check_treatment(f, "wait and see")
    small = Findings(site="jejunum_ileum", differentiation="well", ki67_percent=1, size_cm=0.9, metastasis="none")
    assert "selected small tumours" in check_treatment(small, "surveillance").message


def test_source_summary_claims():
    assert len(source_summary.CLAIMS) >= 10
    for c in source_summary.CLAIMS:
        assert c.verdict in source_summary.VERDICTS and c.sources
        assert all(k in REFERENCES for k in c.sources)
    md = source_summary.to_markdown()
    assert "0.3-0.8" in md and "**wrong**" in md


def test_pathway_is_drawn_from_the_rules():
    fig = plots.treatment_pathway()
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.texts]
    for r in RULES:
        assert any(r.title in t for t in texts) and r.category.replace("_", " ") in texts
    assert str(len(RULES)) in ax.get_title()


def test_forest_and_survival_plots():
    ax = plots.trial_forest().axes[0]
    xs = sorted(ax.collections[0].get_offsets()[:, 0].tolist())
    assert xs == sorted(t.hazard_ratio for t in TRIALS.values() if t.hazard_ratio is not None)
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
    ax = plots.survival_by_stage().axes[0]
    assert [round(p.get_height()) for p in ax.patches] == [83, 67, 28]


def test_staging_widget_2cm_pancreas():
    s = widgets.staging_widget(site="pancreas", size=1.9)
    assert s.result.t == "T1"
    s.controls["size"].value = 2.0
    assert s.result.t == "T2" and "pancreas_t1_boundary" in s.card.value
    s.controls["nodes"].value = -1
    assert s.result.n == "NX"


def test_syndrome_finder_and_treatment_explorer():
    f = widgets.syndrome_finder()
    assert "Tick" in f.output.value
    f.features.value = ("watery_diarrhoea", "hypokalaemia")
    assert f.matches[0][0].key == "vipoma" and "VIP" in f.output.value
    t = widgets.treatment_explorer()
    assert t.result.category == "somatostatin_analogue"
    t.controls["prior_ssa"].value = True
    t.controls["progression"].value = "yes"
    assert t.result.category == "prrt"
    t.controls["sstr"].value = "(not reported)"
    assert t.result.category == "multidisciplinary_review"


def test_case_workshop_reveals_only_after_commit():
    w = widgets.case_workshop()
    assert w.reveal.value == "" and w.vignette.value
    w.grade.value, w.stage_group.value, w.category.value = "NET G1", "I", "surveillance"
    fb = w.check()
    assert fb.correct and "Treatment logic" in w.reveal.value
    w.case.value = "colon_nec"
    assert w.reveal.value == ""
    w.grade.value = "NET G3"
    assert not w.check().correct
