#!/usr/bin/env python3
"""Print the case workshop's answer key (Markdown), computed by netlib from the same rules the notebooks teach.

    python scripts/answer_key.py                     # print it
    python scripts/answer_key.py --write             # refresh instructors/answer_key.md

tests/test_questions.py checks that instructors/answer_key.md is current.
"""
from __future__ import annotations

import sys
from pathlib import Path

from netlib.teaching.questions import answer_key

KEY_FILE = Path(__file__).resolve().parents[1] / "instructors" / "answer_key.md"

if __name__ == "__main__":
    text = answer_key() + "\n"
    if "--write" in sys.argv[1:]:
        KEY_FILE.write_text(text, encoding="utf-8")
        print(f"wrote {KEY_FILE}")
    else:
        sys.stdout.write(text)
