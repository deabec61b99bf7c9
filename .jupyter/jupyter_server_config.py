"""Jupyter server settings for `python3 scripts/quickstart.py lab` (it puts this folder on JUPYTER_CONFIG_PATH).

A pre-save hook keeps tracked notebooks as committed when a trainee saves them unchanged: it never stores widget
state (ipywidgets' "Save Widget State Automatically"), and it keeps the Python version already recorded in the
file, so a trainee on another Python version does not rewrite ``language_info.version``.
"""
import json


def keep_notebooks_as_committed(model, path, contents_manager, **kwargs):
    """On save: drop widget state; keep the Python version already recorded in the file on disk."""
    if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
        return
    metadata = model["content"].setdefault("metadata", {})
    metadata.pop("widgets", None)
    info = metadata.get("language_info")
    if not isinstance(info, dict) or "version" not in info:
        return
    try:
        with open(contents_manager._get_os_path(path), encoding="utf-8") as f:
            recorded = json.load(f)["metadata"]["language_info"]["version"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return
    info["version"] = recorded


c.ContentsManager.pre_save_hook = keep_notebooks_as_committed  # noqa: F821  (c is provided by Jupyter)
