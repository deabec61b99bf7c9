"""One base for every explained result: a value, flags, steps and sources, shown the same way everywhere.

A decision (:func:`netlib.grade`, :func:`netlib.stage`, :func:`netlib.recommend`, the marker panel, a Ki-67
count, a microscope set-up) returns a frozen dataclass that mixes in :class:`Explained`. The dataclass holds the
data; :class:`Explained` turns it into an HTML card (Jupyter's ``_repr_html_``) and a plain-text summary
(``str()``), through :mod:`netlib.teaching.cards`, so a trainee learns to read one layout.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

__all__ = ["Explained", "markdown_table", "table_cell"]


class Explained:
    """Mixin for result dataclasses.

    A subclass provides ``steps`` and ``sources`` (tuples of str), optionally ``flags`` (codes explained by
    :attr:`flag_text`), and says what its card shows by overriding :meth:`headline` (the value, large),
    and where useful :attr:`card_title`, :meth:`card_heading`, :meth:`subtitle`, :meth:`text_value`, :meth:`footer`,
    :meth:`flag_sentences`, :meth:`extra_html` and :meth:`extra_text`.

    Everything a card shows is meant for a trainee: words, not keys. Flags appear as the sentences that say what
    they mean, sources as short citations; the codes and keys stay available as data (``flags``, ``sources``).
    """

    card_title: ClassVar[str] = "Result"
    flag_text: ClassVar[Mapping[str, str]] = {}
    flags: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    def headline(self) -> str:
        """The value in words, e.g. ``NET G2`` or ``Stage IIIB``."""
        raise NotImplementedError

    def subtitle(self) -> str:
        return ""

    def footer(self) -> str:
        return ""

    def extra_html(self) -> str:
        """HTML appended below the card (e.g. a list of options)."""
        return ""

    def extra_text(self) -> list[str]:
        """Lines appended to the plain-text summary."""
        return []

    def flag_sentences(self) -> list[str]:
        """What the flags mean, as sentences shown under "Take care:" (defaults to :attr:`flag_text`)."""
        from netlib.teaching.cards import describe_flags

        return describe_flags(self.flags, self.flag_text)

    def card_heading(self) -> str:
        """The small line above the value on the card (defaults to :attr:`card_title`)."""
        return self.card_title

    def text_value(self) -> str:
        """The value in the one-line text summary (defaults to headline and subtitle)."""
        return self.headline() + (f" ({self.subtitle()})" if self.subtitle() else "")

    def _repr_html_(self) -> str:
        from netlib.teaching.cards import card_html

        return card_html(self.card_heading(), self.headline(), subtitle=self.subtitle(),
                         flag_sentences=self.flag_sentences(), steps=self.steps, sources=self.sources,
                         footer=self.footer()) + self.extra_html()

    def __init_subclass__(cls, **kwargs):
        # IPython looks for _repr_pretty_ in each class's own namespace before that class's __repr__ (which
        # @dataclass writes), so every subclass gets its own reference to the plain-text form in words.
        super().__init_subclass__(**kwargs)
        cls._repr_pretty_ = Explained._repr_pretty_

    def _repr_pretty_(self, printer, cycle: bool) -> None:
        """IPython's plain-text form (what a notebook stores beside the card, and what a terminal shows): the text
        summary in words. ``repr()`` stays the dataclass's, for developers."""
        printer.text("..." if cycle else str(self))

    def __str__(self) -> str:
        from netlib.teaching.cards import card_text

        return "\n".join([card_text(self.card_title, self.text_value(), flag_sentences=self.flag_sentences(),
                                    steps=self.steps, sources=self.sources), *self.extra_text()])


# --- tables as Markdown text (the notebooks' tables; shown with IPython's Markdown by the caller) ------------------
def table_cell(text: object) -> str:
    """One Markdown table cell: no pipe, no line break."""
    return str(text).replace("|", "/").replace("\n", " ")


def markdown_table(header, rows, notes=()) -> str:
    """A Markdown table from a header and rows of cells, then its numbered notes, if any."""
    def row(cells) -> str:
        return "| " + " | ".join(table_cell(c) for c in cells) + " |"

    lines = [row(header), "|" + "---|" * len(header)] + [row(r) for r in rows]
    if notes:
        lines += ["", "Notes:", ""] + [f"{i}. {n}" for i, n in enumerate(notes, 1)]
    return "\n".join(lines)
