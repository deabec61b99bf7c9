"""Fuzzing: arbitrary values thrown at every public function and constructor.

The only outcomes allowed are a result, or a ValueError/TypeError whose message names the
offending argument (or, for Findings fields, the field). Any other exception is a bug.
Each test runs at least 200 examples (see the hypothesis profile in conftest.py).
"""
import inspect
import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netlib
from netlib import assess, markers, recommend, stage
from netlib.counting import fields, ki67, mitoses, slide
from netlib.data import cases, criteria, references, syndromes, trials
from netlib.findings import NUMERIC_RANGES, VOCABULARY, Findings
from netlib.grading import grade, grade_array
from netlib.staging import stage_group
from netlib.teaching import (
    exercises,
    plots,
    questions,
    slide_figures,
    tables,
    widgets,
)

WORDS = sorted({w for v in VOCABULARY.values() for w in v} | {"NET G2", "T2", "N0", "M0", "I", "IV", "vipoma",
                                                                "netter1", "who2022_digestive", "positive", "B3"})
NASTY = st.one_of(
    st.none(), st.booleans(), st.integers(-10**30, 10**30), st.integers(-3, 3),
    st.floats(allow_nan=True, allow_infinity=True), st.floats(0, 100),
    st.text(max_size=8), st.sampled_from(["", "é", "💥", "12%", " ", "\x00", "NaN"]), st.sampled_from(WORDS),
    st.binary(max_size=3), st.lists(st.integers(-2, 30), max_size=3), st.tuples(st.sampled_from(WORDS)),
    st.dictionaries(st.sampled_from(WORDS), st.integers(0, 3), max_size=2),
)


def _findings_strategy():
    names = [f for f in inspect.signature(Findings).parameters]
    return st.dictionaries(st.sampled_from(names), NASTY, max_size=6)


FINDINGS_OR_NASTY = st.one_of(NASTY, _findings_strategy().flatmap(
    lambda d: st.just(_try_findings(d))))


def _try_findings(d):
    try:
        return Findings(**d)
    except (TypeError, ValueError):
        return Findings()


def _allowed(call, names):
    """Run call(); a result passes; ValueError/TypeError must name one of ``names``."""
    try:
        return call()
    except (TypeError, ValueError) as e:
        msg = str(e)
        assert any(n in msg for n in names), f"error does not name {names}: {msg!r}"
    finally:
        plt.close("all")


def _fuzz(fn, **extra_names):
    params = [p for p in inspect.signature(fn).parameters.values()
              if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
    strategies = {p.name: (FINDINGS_OR_NASTY if p.name in ("findings",) else NASTY) for p in params}

    @settings(max_examples=200, deadline=None)
    @given(st.fixed_dictionaries({}, optional=strategies))
    def run(kwargs):
        names = list(kwargs) + list(extra_names.get("also", ())) + [fn.__name__]
        _allowed(lambda: fn(**kwargs), names)

    run()


PUBLIC = [
    grade, grade_array, stage, recommend, assess, stage_group, criteria.get_table, references.get, references.resolve,
    references.primary_identified, references.short_citation, references.citation_text, references.citation_html,
    references.citations_text, references.citations_html, references.full_citations_html, references.doi_valid, references.isbn13_valid, references.pmcid_valid,
    references.pmid_valid, references.render_markdown, ki67.index, ki67.wilson_interval, ki67.count, ki67.grade_probabilities,
    ki67.misgrade_probability, fields.synthetic_field, ki67.simulate_cohort, mitoses.field_diameter_mm,
    mitoses.field_area_mm2, mitoses.fields_needed, mitoses.microscope, mitoses.per_2mm2, mitoses.grade_probabilities,
    mitoses.crossing_probability, markers.interpret, markers.rank_primaries, markers.site_words, syndromes.get, syndromes.match, syndromes.in_words, trials.get, cases.get_case,
    cases.load_cases, cases.workshop_set, exercises.check_grade, exercises.check_ki67_index, exercises.check_mitoses_per_2mm2,
    exercises.check_fields_needed, exercises.check_hotspot_count, exercises.check_commonest_site,
    exercises.check_marker_panel, exercises.check_incidence_fit, exercises.check_stage, exercises.check_syndrome,
    exercises.check_treatment, exercises.check_case, exercises.ki67_index_key, exercises.mitoses_per_2mm2_key,
    exercises.fields_needed_key, plots.show, plots.alt_text, plots.caption, plots.case_map, plots.grade_map, plots.edition_comparison, plots.misgrade_curves,
    plots.ki67_field, plots.mitotic_counting, plots.cohort_shift, plots.treatment_pathway, plots.pathway_group, plots.trial_forest,
    widgets.grade_calculator, widgets.thoracic_classifier, widgets.mitoses_converter,
    widgets.misgrade_explorer, widgets.hotspot_counter, widgets.staging_widget, widgets.syndrome_finder,
    widgets.treatment_explorer,
    slide.load_image, slide.score_count, slide.digital_count, slide.threshold_sweep, slide.check_meaning, *(getattr(slide_figures, n) for n in slide_figures.__all__ if inspect.isfunction(getattr(slide_figures, n))),
    *(lambda m: [getattr(m, n) for n in m.__all__ if inspect.isfunction(getattr(m, n))])(__import__("netlib.hereditary", fromlist=["_"])), __import__("netlib.data.hereditary", fromlist=["_"]).get, plots.hereditary_sites,
    *[getattr(m, n) for m in (__import__(f"netlib.teaching.hereditary_{k}", fromlist=["_"]) for k in ("questions", "tables"))
      for n in m.__all__ if inspect.isfunction(getattr(m, n))],
    *[getattr(m, n) for m in (questions, tables) for n in m.__all__
      if inspect.isfunction(getattr(m, n)) and inspect.signature(getattr(m, n)).parameters],
]


@pytest.mark.parametrize("fn", PUBLIC, ids=[f"{f.__module__.split('.')[-1]}.{f.__name__}" for f in PUBLIC])
def test_public_function_survives_arbitrary_input(fn):
    _fuzz(fn)


@settings(max_examples=300, deadline=None)
@given(_findings_strategy())
def test_findings_constructor(kwargs):
    try:
        f = Findings(**kwargs)
    except (TypeError, ValueError) as e:
        assert any(k in str(e) for k in kwargs), str(e)
        return
    for name, (lo, hi, _u, integer) in NUMERIC_RANGES.items():  # a result means every value is valid
        v = getattr(f, name)
        if v is not None:
            assert not isinstance(v, bool) and math.isfinite(v) and lo <= v <= hi
            assert not integer or isinstance(v, int)
    for name, words in VOCABULARY.items():
        v = getattr(f, name)
        if isinstance(v, tuple):
            assert all(w in words for w in v)
        elif v is not None:
            assert v in words


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.one_of(st.text(max_size=10), st.sampled_from(list(inspect.signature(Findings).parameters))),
                       NASTY, max_size=5))
def test_findings_from_dict_with_unknown_keys(d):
    try:
        Findings.from_dict(d)
    except (TypeError, ValueError) as e:
        assert any(str(k) in str(e) for k in d) or "from_dict" in str(e), str(e)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["synaptophysin", "keratin", "cd56", "insm1"]), NASTY, max_size=3))
def test_marker_panel_widget_kwargs(kw):
    _allowed(lambda: widgets.marker_panel(**kw), list(kw) + ["marker_panel"])


@settings(max_examples=200, deadline=None)
@given(NASTY)
def test_field_counts(squares):
    field = fields.synthetic_field(background_cells=50, hotspot_cells=50)
    _allowed(lambda: field.counts(squares), ["squares"])


def test_every_public_callable_is_fuzzed():
    """New public functions must join PUBLIC (or be listed here as argument-free)."""
    argument_free = {"marker_sensitivity", "site_distribution", "incidence_trends", "thoracic_criteria",
                     "survival_by_stage", "render_html", "to_markdown", "marker_panel", "gastric_types",
                     "answer_key", "commonest_site_choices", "secretin_criterion_key", "syndrome_table",
                     "rule_summary", "trial_table", "source_summary_claims", "verdict_scale"}
    fuzzed = {f.__name__ for f in PUBLIC}
    for mod in (netlib, ki67, mitoses, fields, markers, syndromes, trials, cases, criteria, references, exercises, plots,
                widgets, questions, tables):
        for name in getattr(mod, "__all__", ()):
            obj = getattr(mod, name)
            if inspect.isfunction(obj):
                assert name in fuzzed or name in argument_free, f"{mod.__name__}.{name} is not fuzzed"
