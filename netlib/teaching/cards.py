"""How a result shows itself: one HTML card and one plain-text summary for every decision.

Grades, stages, recommendations and assessments all carry ``label``-like values, ``flags``,
``steps`` and ``sources``; this module renders them the same way so a trainee learns to read
one layout. A card speaks words, not keys: flags become the sentences that say what they mean (under
"Take care:"), sources become short citations (first author et al., journal, year) linked to their DOI or
PubMed page. Pure string building; no notebook imports; the same input always gives the same output.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from netlib.data import references

__all__ = ["card_html", "card_text", "describe_flags", "CARE_HEADING"]

#: The heading above the flag sentences on a card.
CARE_HEADING = "Take care:"

_CARE_STYLE = "margin:4px 0;padding:2px 8px;border-left:3px solid #e08a1e;background:#fff4e5;color:#000"


def describe_flags(codes: Iterable[str], flag_text: Mapping[str, str] | None = None) -> list[str]:
    """The meaning of each flag code as a sentence, in order, without duplicates.

    A code missing from ``flag_text`` is shown as words (underscores become spaces), never as the code itself;
    the tests check that every flag a result can raise has a sentence.
    """
    flag_text = flag_text or {}
    out: list[str] = []
    for code in dict.fromkeys(codes):
        text = flag_text.get(code) or code.replace("_", " ").capitalize() + "."
        if text not in out:
            out.append(text)
    return out


def card_html(title: str, value: str, *, subtitle: str = "", flags: Iterable[str] = (),
              flag_text: Mapping[str, str] | None = None, steps: Iterable[str] = (),
              sources: Iterable[str] = (), footer: str = "", flag_sentences: Iterable[str] | None = None) -> str:
    """A bordered card: title, the value in large type, what to take care of, numbered steps, sources.

    ``flags`` are codes, shown as the sentences ``flag_text`` gives them (see :func:`describe_flags`), or pass the
    sentences themselves as ``flag_sentences``. ``sources`` are reference keys, shown as short citations linked to
    their DOI or PubMed page, with the full citations one click away ("Full references", a disclosure that keyboard
    and screen-reader users reach too); web summaries and reprints are marked *(further reading)*.
    """
    from html import escape

    sentences = list(flag_sentences) if flag_sentences is not None else describe_flags(flags, flag_text)
    parts = ['<div class="netlib-card" style="border:1px solid #888;border-radius:6px;padding:8px 12px;max-width:820px">',
             f'<div class="netlib-card-title" style="font-size:90%;color:#444">{escape(title)}</div>',
             f'<div class="netlib-card-value" style="font-size:150%;font-weight:bold">{escape(value)}</div>']
    if subtitle:
        parts.append(f"<div>{escape(subtitle)}</div>")
    if sentences:
        parts.append(f'<div class="netlib-card-care" style="{_CARE_STYLE}"><b>{escape(CARE_HEADING)}</b>'
                     '<ul style="margin:2px 0">' + "".join(f"<li>{escape(s)}</li>" for s in sentences)
                     + "</ul></div>")
    steps = list(steps)
    if steps:
        parts.append("<div><b>How this was reached:</b><ol>" +
                     "".join(f"<li>{escape(s)}</li>" for s in steps) + "</ol></div>")
    sources = list(sources)
    if sources:
        parts.append('<div class="netlib-card-sources" style="font-size:85%"><b>Sources:</b> '
                     + references.citations_html(sources)
                     + '<details><summary>Full references</summary>'
                     + references.full_citations_html(sources) + "</details></div>")
    if footer:
        parts.append(f'<div style="font-size:85%;font-style:italic">{escape(footer)}</div>')
    parts.append("</div>")
    return "".join(parts)


def card_text(title: str, value: str, *, flags: Iterable[str] = (), steps: Iterable[str] = (),
              sources: Iterable[str] = (), flag_text: Mapping[str, str] | None = None,
              flag_sentences: Iterable[str] | None = None) -> str:
    """The same content as plain text (for terminals and for tests): flag sentences and short citations."""
    lines = [f"{title}: {value}"]
    sentences = list(flag_sentences) if flag_sentences is not None else describe_flags(flags, flag_text)
    if sentences:
        lines.append(CARE_HEADING)
        lines += [f"  - {s}" for s in sentences]
    lines += [f"  {i}. {s}" for i, s in enumerate(steps, 1)]
    sources = list(sources)
    if sources:
        lines.append("Sources: " + references.citations_text(sources))
    return "\n".join(lines)
