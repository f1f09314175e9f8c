"""The registry of every window (tests/ui/every_window.py) leaves none out: each QWidget class
defined in wellbeing_app/ui is a window built there, or a part shown inside one of them."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

import wellbeing_app.ui
from tests.ui.every_window import PARTS, WINDOWS, Scene, open_window


def widget_classes() -> set[type[QWidget]]:
    """Every QWidget subclass defined in a module of wellbeing_app.ui."""
    found: set[type[QWidget]] = set()
    for module_info in pkgutil.walk_packages(wellbeing_app.ui.__path__, "wellbeing_app.ui."):
        module = importlib.import_module(module_info.name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, QWidget) and value.__module__ == module.__name__:
                found.add(value)
    return found


def test_every_window_of_the_app_is_registered() -> None:
    windows = {entry.kind for entry in WINDOWS.values()}
    bases = {base for kind in windows for base in kind.__mro__[1:]}  # e.g. FormDialog
    missing = {cls.__qualname__ for cls in widget_classes() - windows - bases - set(PARTS)}
    assert missing == set(), "add these to WINDOWS (a window) or PARTS (a part of one)"


def test_a_part_is_no_window() -> None:
    windows = {entry.kind for entry in WINDOWS.values()}
    assert windows & set(PARTS) == set()


@pytest.mark.parametrize("part", PARTS, ids=lambda part: part.__qualname__)
def test_each_part_shows_in_the_window_named_for_it(
    part: type[QWidget], qtbot: QtBot, tmp_path_factory: pytest.TempPathFactory
) -> None:
    scene = Scene.shared(lambda: Path(tmp_path_factory.mktemp("every-window")))
    window = open_window(qtbot, scene, PARTS[part])
    assert [w for w in window.findChildren(part) if w.isVisibleTo(window)], PARTS[part]
