"""Damaging a database file the way bad luck does, for the tests that must notice it."""

from __future__ import annotations

import os
from pathlib import Path

PAGE = 4096


def flip_middle(path: Path) -> None:
    """Overwrite the header and cell pointers of the page in the middle of the file, as a bad
    sector or a stray write would; the first page (the schema) stays readable."""
    pages = path.stat().st_size // PAGE
    assert pages >= 3, f"{path} is too small to damage in the middle"
    with open(path, "r+b") as file:
        file.seek(pages // 2 * PAGE)
        file.write(b"\xa5" * 64)


def truncate_half(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2 // PAGE * PAGE + 1000)
