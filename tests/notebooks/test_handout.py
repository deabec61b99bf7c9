"""The offline HTML handout builds, lists every notebook in reading order, and shows no errors."""
import importlib.util
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("build_handout", ROOT / "scripts" / "build_handout.py")
build_handout = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_handout)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links += [v for k, v in attrs if k == "href"]


def test_handout(tmp_path):
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    written = build_handout.build(tmp_path, notebooks)
    assert [p.stem for p in written] == [p.stem for p in notebooks]
    index = (tmp_path / "index.html").read_text()
    parser = _Links()
    parser.feed(index)
    assert parser.links == [p.stem + ".html" for p in notebooks], "index lists the notebooks in reading order"
    for link in parser.links:
        assert (tmp_path / link).is_file()
    assert "not a clinical decision tool" in index
    for nb_path, html_path in zip(notebooks, written):
        page = html_path.read_text()
        title = build_handout.notebook_title(nbformat.read(nb_path, as_version=4))
        assert title != "Untitled" and title.replace("&", "&amp;") in page
        assert 'data-mime-type="application/vnd.jupyter.stderr"' not in page and "Traceback" not in page
        assert not re.search(r'class="[^"]*ansi-red', page)
