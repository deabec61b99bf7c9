"""Argument checks shared by every public function: one clear message naming the argument, the value and what is
allowed. Each check returns the checked value or raises :class:`~netlib.errors.InvalidValueError` /
:class:`~netlib.errors.InvalidTypeError` with ``.argument`` set.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from netlib.errors import InvalidTypeError, InvalidValueError

__all__ = ["number", "integer", "choice", "boolean", "instance", "sequence", "words", "text",
           "InvalidValueError", "InvalidTypeError"]


def number(name: str, value: object, low: float, high: float, *, low_open: bool = False, unit: str = "") -> float:
    """Return ``value`` as float if it is a finite real number in range, else raise naming ``name``."""
    lo_sym = ">" if low_open else ">="
    allowed = f"a number {lo_sym} {low:g} and <= {high:g}" + (f" ({unit})" if unit else "")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidTypeError(name, f"expected {allowed}, got {type(value).__name__} {value!r}")
    if not math.isfinite(value):
        raise InvalidValueError(name, f"expected {allowed}, got {value!r} (not a finite number)")
    if value > high or value < low or (low_open and value == low):
        raise InvalidValueError(name, f"{value!r} is outside the allowed range; expected {allowed}")
    return float(value)


def integer(name: str, value: object, low: int, high: int, *, unit: str = "") -> int:
    """Return ``value`` if it is a whole number (int, not bool) in ``[low, high]``, else raise."""
    allowed = f"a whole number from {low} to {high}" + (f" ({unit})" if unit else "")
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(name, f"expected {allowed}, got {type(value).__name__} {value!r}")
    if not low <= value <= high:
        raise InvalidValueError(name, f"{value!r} is outside the allowed range; expected {allowed}")
    return value


def choice(name: str, value: object, allowed) -> object:
    """Return ``value`` if it equals one of ``allowed`` (same type too), else raise naming ``name``."""
    allowed = tuple(allowed)
    for a in allowed:
        if type(value) is type(a) and value == a:
            return value
    plain = value is None or (isinstance(value, (str, int, float)) and not isinstance(value, bool))
    shown = ", ".join(repr(a) for a in allowed[:20]) + (", ..." if len(allowed) > 20 else "")
    raise (InvalidValueError if plain else InvalidTypeError)(name, f"{value!r} is not allowed; expected one of {shown}")


def boolean(name: str, value: object) -> bool:
    """Return ``value`` if it is True or False (not 0/1), else raise."""
    if not isinstance(value, bool):
        raise InvalidTypeError(name, f"expected True or False, got {type(value).__name__} {value!r}")
    return value


def instance(name: str, value: object, cls: type | tuple[type, ...], what: str) -> object:
    """Return ``value`` if it is an instance of ``cls``; ``what`` describes it for the message."""
    if not isinstance(value, cls):
        raise InvalidTypeError(name, f"expected {what}, got {type(value).__name__}")
    return value


def text(name: str, value: object, what: str = "a string") -> str:
    """Return ``value`` if it is a string, else raise."""
    if not isinstance(value, str):
        raise InvalidTypeError(name, f"expected {what}, got {type(value).__name__} {value!r}")
    return value


def sequence(name: str, value: object, *, what: str = "a list or tuple", min_len: int = 0,
             max_len: int | None = None) -> list:
    """Return ``value`` as a list if it is a list/tuple/other iterable that is not a string or a mapping.

    ``min_len``/``max_len`` bound its length (inclusive).
    """
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InvalidTypeError(name, f"expected {what}, got {type(value).__name__} {value!r}")
    out = list(value)
    if len(out) < min_len:
        raise InvalidValueError(name, f"at least {min_len} item(s) needed, got {len(out)}")
    if max_len is not None and len(out) > max_len:
        raise InvalidValueError(name, f"at most {max_len} item(s), got {len(out)}")
    return out


def words(name: str, value: object, allowed: Iterable[str], *, what: str = "a list of words") -> list[str]:
    """Return ``value`` as a list if it is a sequence of strings, each one of ``allowed``; else raise."""
    allowed = tuple(allowed)
    out = sequence(name, value, what=f"{what} from {', '.join(allowed)}")
    for w in out:
        if not isinstance(w, str):
            raise InvalidTypeError(name, f"expected words, got {type(w).__name__} {w!r}")
        if w not in allowed:
            raise InvalidValueError(name, f"{w!r} is not allowed; expected words from {', '.join(allowed)}")
    return out
