import math

import numpy as np
import pytest

from netlib.counting import fields, ki67, mitoses


def test_index_and_wilson():
    assert ki67.index(15, 500) == 3.0
    lo, hi = ki67.wilson_interval(15, 500)
    assert 1.8 < lo < 2.0 and 4.8 < hi < 5.0  # Wilson 95 % for 15/500: about 1.83-4.90 %
    assert ki67.wilson_interval(0, 500)[0] == 0.0


def test_count_warnings():
    c = ki67.count(14, 480)
    assert "fewer_than_500_cells" in c.flags and "interval_crosses_cutoff" in c.flags
    c = ki67.count(100, 2000)  # 5 %, CI about 4.1-6.0 %
    assert c.flags == ()
    assert "5.0 %" in c._repr_html_()


def test_true_2_5_percent_on_500_cells_reads_g2_about_a_quarter_of_the_time():
    p = ki67.grade_probabilities(2.5, 500)
    assert 0.22 < p["NET G2"] < 0.32
    assert math.isclose(sum(p.values()), 1.0, abs_tol=1e-9)


def test_more_cells_fewer_misgrades():
    probs = [ki67.misgrade_probability(2.7, n) for n in (500, 1000, 2000)]
    assert probs[0] > probs[1] > probs[2]


def test_who2010_gap_probability():
    p = ki67.grade_probabilities(2.5, 500, "who2010_digestive")
    assert p["gap"] > 0.3 and math.isclose(sum(p.values()), 1.0, abs_tol=1e-9)


@pytest.mark.parametrize("args,exc,field", [((501, 500), ValueError, "positive"), ((-1, 500), ValueError, "positive"),
                                            ((1, 0), ValueError, "total"), ((1.5, 500), TypeError, "positive"),
                                            ((True, 500), TypeError, "positive"), ((1, "500"), TypeError, "total")])
def test_ki67_bad_input(args, exc, field):
    with pytest.raises(exc, match=field):
        ki67.index(*args)


def test_ki67_probability_bad_input():
    with pytest.raises(ValueError, match="true_index_percent"):
        ki67.grade_probabilities(101, 500)
    with pytest.raises(ValueError, match="true_index_percent"):
        ki67.grade_probabilities(float("nan"), 500)
    with pytest.raises(ValueError, match="criteria"):
        ki67.grade_probabilities(5, 500, "who2021_thoracic")


def test_microscope_fields():
    s = mitoses.microscope(22, 40)
    assert math.isclose(s.diameter_mm, 0.55)
    assert math.isclose(s.area_mm2, 0.2376, abs_tol=1e-4)
    assert (s.fields_for_2mm2, s.fields_for_10mm2) == (9, 43)
    assert mitoses.fields_needed(10, 0.2) == 50  # 50 fields of 0.2 mm2 = 10 mm2


def test_per_2mm2_from_10mm2_is_divide_by_5():
    assert math.isclose(mitoses.per_2mm2(9, 50, 0.2), 1.8)  # fractional counts are legitimate


def test_poisson_10mm2_steadier_than_2mm2():
    assert mitoses.crossing_probability(1.5, 10) < mitoses.crossing_probability(1.5, 2)
    p = mitoses.grade_probabilities(3, 2)
    assert math.isclose(sum(p.values()), 1.0, abs_tol=1e-9)
    assert mitoses.grade_probabilities(0, 2)["NET G1"] == 1.0


@pytest.mark.parametrize("call,field", [
    (lambda: mitoses.field_diameter_mm(0, 40), "field_number_mm"),
    (lambda: mitoses.field_diameter_mm(22, -40), "objective_magnification"),
    (lambda: mitoses.per_2mm2(3, 0, 0.2), "fields"),
    (lambda: mitoses.grade_probabilities(-1), "true_per_2mm2"),
    (lambda: mitoses.grade_probabilities(1, float("inf")), "area_mm2"),
])
def test_mitoses_bad_input(call, field):
    with pytest.raises(ValueError, match=field):
        call()


def test_synthetic_field_is_seeded_and_has_a_hotspot():
    a, b = fields.synthetic_field(seed=5), fields.synthetic_field(seed=5)
    assert a == b and a != fields.synthetic_field(seed=6)
    assert a.index_in(a.hotspot_squares) > a.index_in()
    with pytest.raises(ValueError, match="squares"):
        a.counts(["Z9"])
    with pytest.raises(TypeError, match="squares"):
        a.counts("A1")
    with pytest.raises(ValueError, match="hotspot_index"):
        fields.synthetic_field(hotspot_index=120)


def test_cohort_is_seeded():
    a, b = ki67.simulate_cohort(100, seed=4), ki67.simulate_cohort(100, seed=4)
    assert np.array_equal(a["counted"], b["counted"])
    with pytest.raises(ValueError, match="high"):
        ki67.simulate_cohort(10, low=5, high=2)
