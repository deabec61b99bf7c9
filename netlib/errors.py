"""The two errors netlib raises for bad input. Each names the offending argument (``.argument``) and says what
was expected, so a trainee, a widget or a test can point at the field.

``InvalidValueError`` is a :class:`ValueError` (right type, wrong value: out of range, unknown word);
``InvalidTypeError`` is a :class:`TypeError` (wrong kind of thing: text where a number belongs).
Code that catches ``ValueError``/``TypeError`` keeps working.
"""
from __future__ import annotations

__all__ = ["InvalidValueError", "InvalidTypeError"]


class _ArgumentError:
    argument: str

    def _init(self, argument: str, message: str) -> str:
        self.argument = argument
        return message if message.startswith(f"{argument}:") else f"{argument}: {message}"


class InvalidValueError(_ArgumentError, ValueError):
    """A value of the right type outside what is allowed; ``str(e)`` starts with the argument's name."""

    def __init__(self, argument: str, message: str):
        super().__init__(self._init(argument, message))


class InvalidTypeError(_ArgumentError, TypeError):
    """A value of the wrong type; ``str(e)`` starts with the argument's name."""

    def __init__(self, argument: str, message: str):
        super().__init__(self._init(argument, message))
