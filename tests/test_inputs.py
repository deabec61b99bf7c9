"""Typed numbers (netlib.teaching.inputs.parse_number): read as the trainee meant them, or refused with a message
naming the field and the allowed range. Never misread, never clamped, never rounded."""
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netlib import checks
from netlib.errors import InvalidTypeError, InvalidValueError
from netlib.teaching.inputs import allowed_range, number_text, parse_number

KI67 = {"name": "Ki-67", "low": 0, "high": 100, "unit": "%"}
SIZE = {"name": "Size", "low": 0, "high": 100, "unit": "cm"}
NODES = {"name": "Positive nodes", "low": -1, "high": 500, "integer": True, "unit": "nodes"}
AREA = {"name": "Field area", "low": 0, "high": 50, "unit": "mm2", "low_open": True}
ANSWER = {"name": "Your answer", "low": -100_000, "high": 100_000}


def _refused(text, spec, *fragments):
    """parse_number refuses ``text``; the message names the field, the allowed range and each fragment."""
    with pytest.raises(InvalidValueError) as info:
        parse_number(text, **spec)
    msg = str(info.value)
    assert info.value.argument == spec["name"] and msg.startswith(spec["name"] + ":"), msg
    allowed = allowed_range(spec["low"], spec["high"], integer=spec.get("integer", False), unit=spec.get("unit", ""),
                            low_open=spec.get("low_open", False))
    assert msg.endswith(allowed), msg
    for f in fragments:
        assert f in msg, msg
    return msg


# --- the decimal comma ----------------------------------------------------------------------------
@pytest.mark.parametrize("text, value", [("2,9", 2.9), ("2.9", 2.9), ("3,0", 3.0), ("2,5", 2.5), (",5", 0.5),
                                         ("0,25", 0.25), ("19,99", 19.99), ("20,0", 20.0)])
def test_a_decimal_comma_is_a_decimal_point(text, value):
    got = parse_number(text, **KI67)
    assert got == value and type(got) is float  # exactly 2.9, not 2.9000000000000004, and never 29


def test_ki67_2_9_with_a_comma_is_g1_not_29():
    assert parse_number("2,9", **KI67) < 3 and parse_number("2,5", **SIZE) == 2.5


def test_a_comma_is_never_a_thousands_separator():
    # where 1000 is allowed, "1,000" could mean either: refused, never read as 1000
    with pytest.raises(ValueError, match="ambiguous"):
        parse_number("1,000", **ANSWER)
    assert parse_number("1,000", **KI67) == 1.0  # 1000 % is impossible: the decimal comma is meant


@pytest.mark.parametrize("text", ["1,000.5", "1.000,5", "2.9.1", "2,9,1", "1,,2", "1..2", "1.000.000", ",5,"])
def test_more_than_one_separator_is_refused(text):
    _refused(text, ANSWER, "more than one decimal point or comma", "2,9")


# --- forms that are read ----------------------------------------------------------------------------
@pytest.mark.parametrize("text, value", [("3", 3.0), (" 3 ", 3.0), ("\t3\n", 3.0), ("+3", 3.0), ("007", 7.0),
                                         (".5", 0.5), ("2.", 2.0), ("2,", 2.0), ("0", 0.0), ("100", 100.0),
                                         ("100,0", 100.0), ("99.99999", 99.99999)])
def test_plain_numbers_are_read(text, value):
    assert parse_number(text, **KI67) == value


@pytest.mark.parametrize("text", ["-0", "-0,0", "-.0"])
def test_minus_zero_is_zero(text):
    got = parse_number(text, **KI67)
    assert got == 0 and math.copysign(1, got) == 1


def test_typographic_minus_is_a_minus():
    assert parse_number("\u22122,5", **ANSWER) == -2.5
    assert parse_number("\u22121", **NODES) == -1


# --- whole-number fields --------------------------------------------------------------------------
@pytest.mark.parametrize("text, value", [("12", 12), (" 12 ", 12), ("+3", 3), ("-1", -1), ("0", 0), ("500", 500),
                                         ("0012", 12)])
def test_whole_numbers_are_read_as_int(text, value):
    got = parse_number(text, **NODES)
    assert got == value and type(got) is int


@pytest.mark.parametrize("text", ["4.5", "4,5", "4.0", "4,0", "4.", "4,", ".5", "1e3", "1E3", "1,000", "1.000,5"])
def test_whole_number_field_refuses_any_separator_or_exponent(text):
    _refused(text, NODES, "a whole number is needed", "whole number from -1 to 500")


# --- refused, with a message naming the field, the range and the unit --------------------------------
@pytest.mark.parametrize("text, fragment", [
    ("1e9", "exponent"), ("1E2", "exponent"), ("2,5e1", "exponent"), ("-1e-3", "exponent"),
    ("inf", "not a number"), ("-inf", "not a number"), ("Infinity", "not a number"), ("nan", "not a number"),
    ("NaN", "not a number"), ("abc", "not a number"), ("two", "not a number"), ("0x10", "not a number"),
    ("1_000", "not a number"), ("\u0663", "not a number"), ("\u00bd", "not a number"), ("-", "not a number"),
    (".", "not a number"), (",", "not a number"), ("+-1", "not a number"), ("1 000", "not a number"),
    ("2.9%", "without a unit"), ("2,9 %", "without a unit"), ("2,5 cm", "without a unit"),
    ("", "empty"), ("   ", "empty"), ("\t\n", "empty"), ("\u00a0", "empty"),
])
def test_text_that_is_not_a_number_is_refused(text, fragment):
    msg = _refused(text, KI67, fragment)
    assert "Ki-67" in msg and "0" in msg and "100" in msg and "(%)" in msg


def test_the_typed_text_is_quoted_and_long_text_is_cut():
    assert "'abc'" in _refused("abc", KI67)
    msg = _refused("9" * 60, KI67, "too long")
    assert len(msg) < 200


def test_a_huge_number_is_refused_not_clamped():
    _refused("1" + "0" * 30, KI67, "outside the allowed range")
    _refused("9" * 39, ANSWER, "outside the allowed range")


# --- both sides of every bound; nothing is clamped -----------------------------------------------------
@pytest.mark.parametrize("spec, inside, outside", [
    (KI67, ["0", "100", "0,0", "100.0", "50"], ["-0.1", "100.1", "-0,1", "100,1", "-5", "1000", "100.000001"]),
    (SIZE, ["0", "100", "2,5"], ["-0.1", "100.1", "-1"]),
    (NODES, ["-1", "0", "500"], ["-2", "501", "1000"]),
    (AREA, ["0.001", "0,001", "50", "50,0"], ["0", "0.0", "-0", "-0.1", "50.1"]),
    (ANSWER, ["-100000", "100000", "0"], ["-100000.1", "100000.1"]),
])
def test_bounds(spec, inside, outside):
    for text in inside:
        v = parse_number(text, **spec)
        assert spec["low"] <= v <= spec["high"]
    for text in outside:
        _refused(text, spec, "outside the allowed range")


@pytest.mark.parametrize("spec, typed", [(KI67, "-5"), (KI67, "100,1"), (KI67, "-0.10"), (NODES, "501"),
                                         (NODES, "-2"), (AREA, "0,0")])
def test_an_out_of_range_message_echoes_what_was_typed(spec, typed):
    msg = _refused(typed, spec, "outside the allowed range")
    assert f"'{typed}' is outside the allowed range" in msg, msg
    assert f": {float(typed.replace(',', '.'))!r} is outside" not in msg, msg  # not the number read from it


def test_low_open_is_worded_as_greater_than():
    msg = _refused("0", AREA)
    assert msg.endswith("expected a number > 0 and <= 50 (mm2)")


def test_the_range_is_worded_as_netlib_checks_words_it():
    for spec, check in [(KI67, lambda: checks.number("Ki-67", -1.0, 0, 100, unit="%")),
                        (AREA, lambda: checks.number("Field area", 0.0, 0, 50, low_open=True, unit="mm2")),
                        (NODES, lambda: checks.integer("Positive nodes", 501, -1, 500, unit="nodes"))]:
        with pytest.raises(ValueError) as info:
            check()
        allowed = allowed_range(spec["low"], spec["high"], integer=spec.get("integer", False),
                                unit=spec.get("unit", ""), low_open=spec.get("low_open", False))
        assert str(info.value).endswith(allowed)


def test_no_unit_no_brackets():
    assert allowed_range(1, 5) == "a number >= 1 and <= 5"
    assert allowed_range(1, 5, integer=True) == "a whole number from 1 to 5"


# --- wrong kinds of argument --------------------------------------------------------------------------
@pytest.mark.parametrize("text", [None, 2.9, 3, b"2.9", ["2.9"]])
def test_text_must_be_a_string(text):
    with pytest.raises(InvalidTypeError) as info:
        parse_number(text, **KI67)
    assert info.value.argument == "Ki-67" and "Ki-67" in str(info.value) and "a number >= 0" in str(info.value)


def test_bad_field_specifications_are_refused():
    with pytest.raises(InvalidValueError, match="low_open"):
        parse_number("1", name="Nodes", low=0, high=5, integer=True, low_open=True)
    with pytest.raises(InvalidValueError, match="high"):
        parse_number("1", name="X", low=5, high=1)
    with pytest.raises(InvalidTypeError, match="low"):
        parse_number("1", name="X", low=0.5, high=5, integer=True)
    with pytest.raises(InvalidTypeError, match="name"):
        parse_number("1", name=None, low=0, high=5)


# --- number_text: what a box shows for a number from Python ----------------------------------------------
@pytest.mark.parametrize("value, text", [(3.0, "3.0"), (2.8, "2.8"), (2.9, "2.9"), (7, "7"), (-1, "-1"),
                                         (1e-05, "0.00001"), (1e16, "10000000000000000"),
                                         (0.1 + 0.2, "0.30000000000000004")])
def test_number_text_never_writes_an_exponent(value, text):
    assert number_text(value) == text


def test_number_text_refuses_non_numbers():
    for bad in (True, "3", None):
        with pytest.raises(InvalidTypeError):
            number_text(bad)


# --- properties -----------------------------------------------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(st.integers(0, 1_000_000).map(lambda k: k / 10_000))
def test_a_number_written_by_number_text_reads_back_exactly(x):
    assert parse_number(number_text(x), **KI67) == x


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 99), st.integers(0, 999_999))
def test_comma_and_point_read_the_same(whole, frac):
    point, comma = f"{whole}.{frac}", f"{whole},{frac}"
    assert parse_number(point, **KI67) == parse_number(comma, **KI67) == float(point)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=12), st.text(alphabet="0123456789.,+-eE \u2212%", max_size=12)),
       st.booleans())
def test_any_text_is_read_in_range_or_refused_with_the_field_named(text, integer):
    spec = NODES if integer else KI67
    try:
        v = parse_number(text, **spec)
    except InvalidValueError as e:
        assert e.argument == spec["name"] and str(e).startswith(spec["name"] + ":")
        assert allowed_range(spec["low"], spec["high"], integer=integer, unit=spec["unit"]) in str(e)
        return
    assert type(v) is (int if integer else float)
    assert math.isfinite(v) and spec["low"] <= v <= spec["high"]
    stripped = text.strip().replace("\u2212", "-")
    assert "e" not in stripped.lower() and stripped.count(".") + stripped.count(",") <= (0 if integer else 1)


@pytest.mark.parametrize("text", ["1,000", "2,500", "12.500", "3.141", "-1,000", "999,999"])
def test_one_separator_before_exactly_three_digits_is_refused_when_both_readings_are_in_range(text):
    with pytest.raises(ValueError, match="ambiguous") as e:
        parse_number(text, name="Your answer", low=-10_000_000, high=10_000_000)
    assert e.value.argument == "Your answer"


@pytest.mark.parametrize("text, value", [("1,306", 1.306), ("99,999", 99.999), ("0,125", 0.125)])
def test_the_decimal_reading_is_taken_when_the_thousands_reading_is_out_of_range(text, value):
    assert parse_number(text, name="Ki-67", low=0, high=100, unit="%") == value


def test_ambiguity_depends_on_both_sides_of_the_range():
    # 1,000 as thousands is 1000: allowed up to 1000 (ambiguous), not up to 999.99 (decimal only)
    with pytest.raises(ValueError, match="ambiguous"):
        parse_number("1,000", name="Mitoses", low=0, high=1000)
    assert parse_number("1,000", name="Mitoses", low=0, high=999.99) == 1.0


@pytest.mark.parametrize("text, value", [("2,50", 2.5), ("2,5000", 2.5), ("0,125", 0.125), ("1000", 1000.0),
                                         ("3.1410", 3.141), ("1234,567", 1234.567)])
def test_unambiguous_neighbours_of_the_ambiguous_form_are_read(text, value):
    assert parse_number(text, name="Size", low=0, high=10_000, unit="cm") == value
