"""How a result shows itself: one HTML card and one plain-text summary for every decision.

Grades, stages, recommendations and assessments all carry ``label``-like values, ``flags``,
``steps`` and ``sources``; this module renders them the same way so a trainee learns to read
one layout. Pure string building; no notebook imports.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from netlib.data import references

__all__ = ["card_html", "card_text"]

_FLAG_STYLE = "display:inline-block;margin:2px;padding:1px 6px;border-radius:8px;background:#fde0c5;color:#000"


def card_html(title: str, value: str, *, subtitle: str = "", flags: Iterable[str] = (),
              flag_text: Mapping[str, str] | None = None, steps: Iterable[str] = (),
              sources: Iterable[str] = (), footer: str = "") -> str:
    """A bordered card: title, the value in large type, flag badges, numbered steps, sources.

    Sources that are web summaries or reprints are marked *(further reading)* after their key.
    """
    from html import escape

    flag_text = flag_text or {}
    parts = ['<div class="netlib-card" style="border:1px solid #888;border-radius:6px;padding:8px 12px;max-width:820px">',
             f'<div class="netlib-card-title" style="font-size:90%;color:#444">{escape(title)}</div>',
             f'<div class="netlib-card-value" style="font-size:150%;font-weight:bold">{escape(value)}</div>']
    if subtitle:
        parts.append(f"<div>{escape(subtitle)}</div>")
    flags = list(flags)
    if flags:
        badges = "".join(f'<span style="{_FLAG_STYLE}" title="{escape(flag_text.get(f, ""))}">{escape(f)}</span>'
                         for f in flags)
        parts.append(f"<div><b>Flags:</b> {badges}</div>")
    steps = list(steps)
    if steps:
        parts.append("<div><b>How this was reached:</b><ol>" +
                     "".join(f"<li>{escape(s)}</li>" for s in steps) + "</ol></div>")
    refs = references.resolve(sources)
    if refs:
        parts.append('<div style="font-size:85%"><b>Sources:</b> ' +
                     "; ".join(f'<span title="{escape(r.citation)}"><code>{escape(r.key)}</code>'
                               + ("" if r.is_primary else f" <i>({references.FURTHER_READING_LABEL})</i>")
                               + "</span>" for r in refs) + "</div>")
    if footer:
        parts.append(f'<div style="font-size:85%;font-style:italic">{escape(footer)}</div>')
    parts.append("</div>")
    return "".join(parts)


def card_text(title: str, value: str, *, flags: Iterable[str] = (), steps: Iterable[str] = (),
              sources: Iterable[str] = ()) -> str:
    """The same content as plain text (for terminals and for tests)."""
    lines = [f"{title}: {value}"]
    flags = list(flags)
    if flags:
        lines.append("flags: " + ", ".join(flags))
    lines += [f"  {i}. {s}" for i, s in enumerate(steps, 1)]
    sources = list(dict.fromkeys(sources))
    if sources:
        lines.append("sources: " + ", ".join(sources))
    return "\n".join(lines)
