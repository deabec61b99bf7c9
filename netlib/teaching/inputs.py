"""Numbers typed by a trainee, read the way they meant them, or refused with a message that says why.

Pure functions, no ipywidgets: :func:`parse_number` turns the text of an input box into a number or raises
:class:`~netlib.errors.InvalidValueError` / :class:`~netlib.errors.InvalidTypeError` whose message names the
field (in words: ``"Ki-67"``, not ``"ki67_percent"``), the text typed and the allowed range and unit.

Rules (a text box in a browser otherwise misreads these silently):

* a decimal comma is a decimal point: ``"2,9"`` is 2.9 (never 29); a comma is never a thousands separator;
* a single comma or point followed by exactly three digits (``"1,000"``, ``"12.500"``) is refused as ambiguous
  when both readings (thousands: 1000; decimal: 1.0) lie in the field's range: type ``1000``, or ``1,0000``.
  Where only the decimal reading is in range (Ki-67 ``"1,306"`` in 0-100 %) it is read as the decimal;
* more than one separator (``"1,000.5"``, ``"1.000,5"``, ``"2.9.1"``) is refused, not guessed;
* in a whole-number field any point, comma or exponent is refused ("a whole number is needed"): ``"4.5"`` is
  not 45 and not 4;
* exponents (``"1e9"``), ``"inf"``, ``"nan"``, letters, units typed into the box, an empty or blank box are
  refused;
* nothing is ever clamped: a value outside the range is refused with the range
  (via :func:`netlib.checks.number` / :func:`netlib.checks.integer`, so the wording matches every other
  netlib message).

Leading/trailing spaces are ignored, a leading ``+`` is allowed and the typographic minus ``"\u2212"`` is read
as ``-``.
"""
from __future__ import annotations

import math
import re

from netlib import checks
from netlib.errors import InvalidTypeError, InvalidValueError

__all__ = ["parse_number", "allowed_range", "number_text"]

#: longest text read as a number (longer text is refused, so int() never meets a huge string)
MAX_LENGTH = 40

_WHOLE = re.compile(r"[+-]?[0-9]+", re.ASCII)
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)", re.ASCII)
# digits with separators anywhere: "1,000.5", "1.000,5", "2.9.1", "1,000"
_SEPARATED = re.compile(r"[+-]?[0-9.,]*[0-9][0-9.,]*", re.ASCII)
# a number followed by a unit or a percent sign: "2.9 %", "2,5cm", "3 mm2"
_WITH_UNIT = re.compile(r"\s*(?:%|[a-zA-Z\u00b5\u00b2/ ]+[0-9]?)$")
# one separator followed by exactly three digits: "1,000", "12.500" (thousands or decimals? depends on the reader)
_AMBIGUOUS = re.compile(r"[+-]?[1-9][0-9]{0,2}[.,][0-9]{3}", re.ASCII)  # "0,125" is never thousands
_EXPONENT = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)[eE][+-]?[0-9]+", re.ASCII)


def _both_readings_allowed(s: str, low: float, high: float, low_open: bool) -> bool:
    """True when "1,000"-like text is in range read as thousands (1000) and as a decimal (1.0)."""
    def ok(v: float) -> bool:
        return (low < v if low_open else low <= v) and v <= high
    return ok(float(s.replace(",", "").replace(".", ""))) and ok(float(s.replace(",", ".")))


def allowed_range(low: float, high: float, *, integer: bool = False, unit: str = "",
                  low_open: bool = False) -> str:
    """The allowed values in words, worded exactly as :mod:`netlib.checks` words them.

    >>> allowed_range(0, 100, unit="%")
    'a number >= 0 and <= 100 (%)'
    >>> allowed_range(0, 500, integer=True, unit="nodes")
    'a whole number from 0 to 500 (nodes)'
    """
    suffix = f" ({unit})" if unit else ""
    if integer:
        return f"a whole number from {low} to {high}{suffix}"
    return f"a number {'>' if low_open else '>='} {low:g} and <= {high:g}{suffix}"


def parse_number(text: str, *, name: str, low: float, high: float, integer: bool = False, unit: str = "",
                 low_open: bool = False) -> float | int:
    """Read ``text`` (what was typed into the field called ``name``) as a number in ``[low, high]``.

    ``low``/``high``: the inclusive bounds, in ``unit`` (``low_open=True`` excludes ``low``; number fields
    only). ``integer=True``: a whole-number field; returns ``int``. Otherwise returns ``float``.

    Raises :class:`~netlib.errors.InvalidValueError` (a :class:`ValueError`) for text that is not a number
    in range, :class:`~netlib.errors.InvalidTypeError` (a :class:`TypeError`) when ``text`` is not a string;
    both have ``.argument == name`` and a message that starts with ``name`` and ends with the allowed range.

    >>> parse_number("2,9", name="Ki-67", low=0, high=100, unit="%")
    2.9
    >>> parse_number("12", name="Positive nodes", low=0, high=500, integer=True)
    12
    """
    checks.text("name", name, "the field's name in words")
    checks.boolean("integer", integer)
    checks.boolean("low_open", low_open)
    checks.text("unit", unit)
    if integer:
        checks.integer("low", low, -10**15, 10**15)
        checks.integer("high", high, low, 10**15)
        if low_open:
            raise InvalidValueError("low_open", "a whole-number field has an inclusive lower bound; pass low + 1")
    else:
        checks.number("low", low, -1e15, 1e15)
        checks.number("high", high, low, 1e15)
    allowed = allowed_range(low, high, integer=integer, unit=unit, low_open=low_open)
    if not isinstance(text, str):
        raise InvalidTypeError(name, f"expected text to read as {allowed}, got {type(text).__name__} {text!r}")

    s = text.strip().replace("\u2212", "-")
    shown = _shown(text)

    def refuse(why: str) -> InvalidValueError:
        return InvalidValueError(name, f"{why}; expected {allowed}")

    if not s:
        raise refuse("the box is empty")
    if len(s) > MAX_LENGTH:
        raise refuse(f"{shown} is too long to be a number")

    def in_range(value: float | int) -> float | int:
        # The message echoes what was typed ('-5', '100,1'), not the number read from it (-5.0, 100.1).
        if value > high or value < low or (low_open and value == low):
            raise refuse(f"{shown} is outside the allowed range")
        return value

    if integer:
        if _WHOLE.fullmatch(s):
            return in_range(int(s))
        if _DECIMAL.fullmatch(s) or _SEPARATED.fullmatch(s) or _EXPONENT.fullmatch(s):
            raise refuse(f"a whole number is needed, got {shown} (no decimal point, comma or exponent)")
    elif _AMBIGUOUS.fullmatch(s) and _both_readings_allowed(s, low, high, low_open):
        raise refuse(f"{shown} is ambiguous: the separator could mark thousands or decimals (type "
                     f"{s.replace(',', '').replace('.', '')} for thousands, or {s}0 for the decimal)")
    elif _DECIMAL.fullmatch(s):
        value = float(s.replace(",", "."))
        if not math.isfinite(value):  # a 40-character number is finite, but be sure
            raise refuse(f"{shown} is not a finite number")
        return float(in_range(value)) + 0.0  # + 0.0: no -0.0
    elif _SEPARATED.fullmatch(s):
        raise refuse(f"{shown} has more than one decimal point or comma (a comma is a decimal comma, never a "
                     f"thousands separator; type e.g. 2.9 or 2,9)")
    elif _EXPONENT.fullmatch(s):
        raise refuse(f"{shown} is written with an exponent (type the number in full)")
    if _DECIMAL.fullmatch(_WITH_UNIT.sub("", s)):
        raise refuse(f"{shown} is not a number (type the number only, without a unit or %)")
    raise refuse(f"{shown} is not a number")


def number_text(value: float | int) -> str:
    """How a number is written into a text box: plain digits, never an exponent (``1e-05`` -> ``"0.00001"``).

    Reads back through :func:`parse_number` to the same value.
    """
    from decimal import Decimal

    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidTypeError("value", f"expected a number, got {type(value).__name__} {value!r}")
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        return repr(value)  # refused when read back, as it should be
    out = format(Decimal(repr(value)), "f")
    if _AMBIGUOUS.fullmatch(out):  # "1.306" could read as 1306 in a wide field: "1.3060" cannot
        out += "0"
    return out


def _shown(text: str) -> str:
    """The typed text, quoted, shortened for a message."""
    t = text if len(text) <= 20 else text[:20] + "..."
    return "'" + t.replace("'", "\u2019") + "'"
