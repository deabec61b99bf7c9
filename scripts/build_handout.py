#!/usr/bin/env python3
"""Build a static HTML handout: every notebook with its stored outputs, plus an index in reading order.

    .venv/bin/python scripts/build_handout.py            # writes handout/ (not committed)
    .venv/bin/python scripts/build_handout.py OUT_DIR

Nothing is executed: the handout shows the committed outputs. Interactive widgets need a live
kernel, so the handout shows their last text instead; everything else (cards, tables, figures)
reads as in JupyterLab. Open OUT_DIR/index.html in any browser, offline.
"""
from __future__ import annotations

import html
import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parent.parent
DISCLAIMER = "Teaching material, not a clinical decision tool."


def notebook_title(nb) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return "Untitled"


def _widget_text_fallback(nb) -> None:
    """Without saved widget state a widget renders as nothing; show its text repr instead."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "application/vnd.jupyter.widget-view+json" in data:
                data.pop("application/vnd.jupyter.widget-view+json")
                text = data.get("text/plain", "")
                data["text/plain"] = "[interactive widget: run the notebook to use it]\n" + (
                    text if isinstance(text, str) else "".join(text))


def build(out_dir: Path, notebooks: list[Path] | None = None) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    notebooks = notebooks or sorted((ROOT / "notebooks").glob("*.ipynb"))
    exporter = HTMLExporter(template_name="lab")
    entries, written = [], []
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        _widget_text_fallback(nb)
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": notebook_title(nb)}})
        target = out_dir / (path.stem + ".html")
        target.write_text(body, encoding="utf-8")
        written.append(target)
        entries.append((target.name, notebook_title(nb)))
    items = "\n".join(f'<li><a href="{html.escape(name)}">{html.escape(title)}</a></li>' for name, title in entries)
    index = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>netlib: neuroendocrine neoplasms, step by step</title></head>
<body style="font-family:sans-serif;max-width:46em;margin:2em auto">
<h1>Neuroendocrine neoplasms, step by step</h1>
<p><strong>{DISCLAIMER}</strong> Read the notebooks in this order; each opens with its learning objectives.</p>
<ol>
{items}
</ol>
</body></html>
"""
    (out_dir / "index.html").write_text(index, encoding="utf-8")
    return written


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "handout"
    written = build(out)
    print(f"wrote {len(written)} notebooks and index.html to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
