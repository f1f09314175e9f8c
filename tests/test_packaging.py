"""The installed package holds every module: each folder of wellbeing_app with an __init__.py
is listed in pyproject.toml (setuptools installs only the packages it is told about)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_folder_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "wellbeing_app").rglob("__init__.py")
    }
    assert found - listed == set()
    assert "wellbeing_app.resources" in listed  # mapped from resources/, outside the folder
