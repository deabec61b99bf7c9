"""The ``lab`` fixture: one JupyterLab + Chromium per test module (see ``lab.py``)."""
import pytest

from tests.notebooks.lab import running_lab


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    with running_lab(tmp_path_factory) as lab:
        yield lab
