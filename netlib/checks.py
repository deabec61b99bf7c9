"""Argument checks shared by the public functions: one clear message naming field, value and range."""
from __future__ import annotations

import math


def number(name: str, value: object, low: float, high: float, *, low_open: bool = False, unit: str = "") -> float:
    """Return ``value`` as float if it is a finite real number in range, else raise naming ``name``."""
    lo_sym = ">" if low_open else ">="
    allowed = f"a number {lo_sym} {low:g} and <= {high:g}" + (f" ({unit})" if unit else "")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name}: expected {allowed}, got {type(value).__name__} {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{name}: expected {allowed}, got {value!r} (not a finite number)")
    if value > high or value < low or (low_open and value == low):
        raise ValueError(f"{name}: {value!r} is outside the allowed range; expected {allowed}")
    return float(value)


def integer(name: str, value: object, low: int, high: int, *, unit: str = "") -> int:
    """Return ``value`` if it is a whole number (int, not bool) in ``[low, high]``, else raise."""
    allowed = f"a whole number from {low} to {high}" + (f" ({unit})" if unit else "")
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name}: expected {allowed}, got {type(value).__name__} {value!r}")
    if not low <= value <= high:
        raise ValueError(f"{name}: {value!r} is outside the allowed range; expected {allowed}")
    return value


def choice(name: str, value: object, allowed) -> object:
    """Return ``value`` if it equals one of ``allowed`` (same type too), else raise naming ``name``."""
    allowed = tuple(allowed)
    for a in allowed:
        if type(value) is type(a) and value == a:
            return value
    plain = value is None or (isinstance(value, (str, int, float)) and not isinstance(value, bool))
    shown = ", ".join(repr(a) for a in allowed[:20]) + (", ..." if len(allowed) > 20 else "")
    raise (ValueError if plain else TypeError)(f"{name}: {value!r} is not allowed; expected one of {shown}")


def boolean(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{name}: expected True or False, got {type(value).__name__} {value!r}")
    return value


def instance(name: str, value: object, cls: type, what: str) -> object:
    if not isinstance(value, cls):
        raise TypeError(f"{name}: expected {what}, got {type(value).__name__}")
    return value
