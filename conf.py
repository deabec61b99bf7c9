"""Sphinx configuration of the course site (Sphinx + MyST-NB + sphinx-book-theme).

Build it with ``python3 scripts/quickstart.py site`` (output in ``_build/html``). The notebooks are shown as they are
committed: their stored outputs, never re-executed (``nb_execution_mode = "off"``). Nothing on the site loads from
outside it: no CDN scripts, fonts or analytics (tests/site/ checks every page in Chromium with the network blocked).

When the repository is published, set ``REPOSITORY_URL`` below to its public GitHub address: the Binder launch
button of every notebook page is built from it (and from ``BRANCH``).
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "site"))

# --- the one place to configure where the course lives ------------------------------------------------------
REPOSITORY_URL = "https://github.com/OWNER/REPOSITORY"  # replace with the public GitHub repository
BRANCH = "main"
BINDERHUB_URL = "https://mybinder.org"

project = "netlib: neuroendocrine neoplasms, step by step"
author = "netlib contributors"
copyright = "netlib contributors; teaching material, not a clinical decision tool"

extensions = ["myst_nb", "netlib_site"]

root_doc = "index"
# The site is built from the repository root; only these pages belong to it.
include_patterns = ["index.md", "notebooks/*.ipynb", "notebooks/glossary.md", "instructors/guide.md"]
exclude_patterns = ["_build", ".venv", ".git", "**/.ipynb_checkpoints", "node_modules"]

# --- notebooks: stored outputs only ------------------------------------------------------------------------
nb_execution_mode = "off"
# Markdown outputs (tables, reading lists) are read as JupyterLab reads them: GitHub-flavoured Markdown, with tables.
nb_render_markdown_format = "gfm"
# Widgets need a running kernel: on the site their plain-text form (a sentence saying so and how to launch the
# notebook) is shown, and no widget JavaScript is loaded from a CDN.
nb_ipywidgets_js = {}
nb_mime_priority_overrides = [("html", "application/vnd.jupyter.widget-view+json", None)]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# --- theme -------------------------------------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_title = "netlib: neuroendocrine neoplasms"
html_static_path = ["site/static"]
templates_path = ["site/templates"]  # one theme component replaced, see the file for why
html_css_files = ["netlib-site.css", "netlib-icons.css"]
html_favicon = "site/static/favicon.svg"
html_context = {"default_mode": "light"}  # the cards and figures are drawn for a light page
html_show_sourcelink = False
html_theme_options = {
    "repository_url": REPOSITORY_URL,
    "repository_branch": BRANCH,
    "path_to_docs": "",
    "use_repository_button": False,  # the launch button is what a trainee needs; no brand-icon font to load
    "launch_buttons": {"binderhub_url": BINDERHUB_URL, "notebook_interface": "jupyterlab"},
    "announcement": ("Teaching material, not a clinical decision tool: nothing here may be used to diagnose, "
                     "grade, stage or treat a patient."),
    "show_toc_level": 2,
}
