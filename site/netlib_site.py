"""Sphinx extension for the course site: what MyST-NB and sphinx-book-theme do not do on their own.

* **Glossary anchors.** ``notebooks/glossary.md`` marks each entry with a raw HTML anchor (``<a id="prrt"></a>``),
  which JupyterLab and GitHub follow. MyST does not know raw HTML ids, so links such as ``glossary.md#prrt`` from the
  notebooks would resolve with a warning; here every such anchor becomes a label of its page, so MyST resolves the
  links and reports the ones that point nowhere.
* **Panels that need a kernel.** An interactive panel (a calculator, an explorer) stores, besides its widget, one
  plain-text sentence: "Interactive: <what it is>. It needs a running Python kernel: ...". The site shows that
  sentence as a short note (wrapped text, not a code block) and points to the page's launch button.
* **Folded outputs with an honest name.** MyST-NB folds an output tagged ``hide-output`` (a worked example that
  answers the self-check above it) under a summary whose aria-label, "Toggle hidden content", differs from the
  visible text "Show code cell output" (axe-core: label-content-name-mismatch, serious). The same fold is written
  here without that label, so its visible text is its name.
* **A small icon font.** The theme's icons are drawn from its Font Awesome solid web font (115 kB) by
  ``static/netlib-icons.css``; after the build, that font is cut down to the icons that CSS names and the theme's
  own (admonition titles, arrows: its ``--pst-icon-*`` characters), as ``_static/netlib-icons.woff2`` (a few kB),
  which keeps every page within its weight budget. The unused ``fontawesome.js`` and the theme's source maps
  (``*.map``, read only by developer tools) are removed from the output, so the folder to copy is smaller.
* **Figures open at full size.** A notebook figure is shown at the width of the page; on a phone its labels can be
  too small to read, so each figure links to its image file (open it, then zoom).

Loaded by ``conf.py``; nothing here runs when the notebooks are used in JupyterLab.
"""
from __future__ import annotations

import re

from docutils import nodes

ANCHOR = re.compile(r'<a\s+id="([^"]+)"\s*>')


def register_raw_anchors(app, doctree: nodes.document) -> None:
    """Make every ``<a id="...">`` in a page's raw HTML a label of that page (name ``<page>:<id>``)."""
    env = app.env
    std = env.domaindata["std"]
    for raw in doctree.findall(nodes.raw):
        if raw.get("format") != "html":
            continue
        for anchor in ANCHOR.findall(raw.astext()):
            std["anonlabels"][f"{env.docname}:{anchor}"] = (env.docname, anchor)


PANEL_PREFIX = "Interactive: "
LAUNCH_HINT = ("On this site: open the notebook with the launch button (the rocket at the top of the page) to use "
               "it on Binder, or run the collection on your own computer.")


def panels_as_notes(app, doctree: nodes.document) -> None:
    """Replace each panel's stored plain-text sentence with a note saying what the panel is and how to use it."""
    for block in list(doctree.findall(nodes.literal_block)):
        text = block.astext().strip()
        if "output" not in block.get("classes", []) or not text.startswith(PANEL_PREFIX):
            continue
        note = nodes.admonition(classes=["note", "netlib-needs-kernel"])
        note += nodes.title(text="Needs Python", rawsource="")
        note += nodes.paragraph(text=text.removeprefix(PANEL_PREFIX)[:1].upper() + text.removeprefix(PANEL_PREFIX)[1:])
        note += nodes.paragraph(text=LAUNCH_HINT)
        block.replace_self(note)


def figures_link_to_full_size(app, doctree: nodes.document, docname: str) -> None:
    """Wrap each figure of a notebook output in a link to its image file (``_images/<name>``)."""
    import posixpath

    for image in list(doctree.findall(nodes.image)):
        if isinstance(image.parent, nodes.reference):
            continue
        if not any("cell_output" in a.get("classes", []) for a in _ancestors(image)):
            continue
        target = posixpath.relpath(f"_images/{posixpath.basename(image['uri'])}", posixpath.dirname(docname) or ".")
        link = nodes.reference("", "", refuri=target, classes=["netlib-figure-link"])
        image.replace_self(link)
        link += image


def _ancestors(node: nodes.Node):
    while node.parent is not None:
        node = node.parent
        yield node


def visit_fold(self, node) -> None:
    """MyST-NB's ``visit_HideCellInput`` without the summary's mismatching aria-label."""
    from html import escape

    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n<summary>\n')
    self.body.append(f'<p class="collapsed admonition-title">{escape(node["prompt_show"])}</p>\n')
    self.body.append(f'<p class="expanded admonition-title">{escape(node["prompt_hide"])}</p>\n')
    self.body.append("</summary>\n")


def depart_fold(self, node) -> None:
    self.body.append("</details>\n")


ICON_FONT = "_static/vendor/fontawesome/webfonts/fa-solid-900.woff2"
ICON_CSS = "_static/netlib-icons.css"
ICON_SUBSET = "_static/netlib-icons.woff2"
THEME_CSS = "_static/styles/pydata-sphinx-theme.css"


def subset_icon_font(app, exception) -> None:
    """Write ``_static/netlib-icons.woff2``: the theme's solid icon font with only the code points the icon CSS uses."""
    if exception is not None or app.builder.format != "html":
        return
    from pathlib import Path

    from fontTools import subset
    from fontTools.ttLib import TTFont

    out = Path(app.outdir)
    codes = {int(h, 16) for h in re.findall(r'content: "\\([0-9a-f]{4})"', (out / ICON_CSS).read_text())}
    if not codes:
        raise RuntimeError(f"no icon code points found in {ICON_CSS}")
    # the theme's own icons (admonition titles, arrows), which its CSS writes as --pst-icon-* characters
    theme_css = (out / THEME_CSS).read_text(encoding="utf-8")
    codes |= {ord(c) for c in re.findall(r'--pst-icon-[a-z-]+:"(.)"', theme_css)}
    codes |= {int(h, 16) for h in re.findall(r'--pst-icon-[a-z-]+:"\\([0-9a-f]{4})"', theme_css)}
    font = TTFont(out / ICON_FONT)
    subsetter = subset.Subsetter()
    subsetter.populate(unicodes=codes)
    subsetter.subset(font)
    font.flavor = "woff2"
    font.save(out / ICON_SUBSET)
    # no page loads these: the replaced icon script and the theme's source maps (for its developers' browser tools)
    for unused in [out / "_static" / "scripts" / "fontawesome.js", *(out / "_static").rglob("*.map")]:
        unused.unlink(missing_ok=True)


def setup(app):
    app.connect("build-finished", subset_icon_font)
    from myst_nb.sphinx_ import HideCodeCellNode

    app.add_node(HideCodeCellNode, override=True, html=(visit_fold, depart_fold))
    app.connect("doctree-resolved", figures_link_to_full_size)
    app.connect("doctree-read", register_raw_anchors)
    app.connect("doctree-read", panels_as_notes)
    return {"parallel_read_safe": False, "parallel_write_safe": True, "version": "1"}
