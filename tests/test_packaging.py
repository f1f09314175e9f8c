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


def test_the_appstream_file_lists_real_screenshots_and_the_polish_translation() -> None:
    import xml.etree.ElementTree as ET

    from wellbeing_app.core.language import DOMAIN

    metainfo = ROOT / "packaging" / "io.github.wellbeing_app.WellbeingApp.metainfo.xml"
    component = ET.parse(metainfo).getroot()
    images = [i.text or "" for i in component.iter("image")]
    assert len(images) >= 4
    for url in images:
        assert url.startswith("https://")
        assert (ROOT / "resources" / "screenshots" / url.rsplit("/", 1)[1]).is_file(), url
    translation = component.find("translation")
    assert translation is not None
    assert (translation.get("type"), translation.text) == ("gettext", DOMAIN)
    assert (ROOT / "resources" / "locale" / "pl" / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()
