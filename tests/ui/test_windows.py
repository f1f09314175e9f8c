"""The window registry: one window of each kind, made once, brought back to the front."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from wellbeing_app.ui.windows import Windows

pytestmark = pytest.mark.gui


class Notes(QLabel):
    pass


def test_each_kind_is_made_once_and_shown_again(qtbot: QtBot) -> None:
    windows = Windows()
    made: list[QWidget] = []

    def make() -> Notes:
        window = Notes("notes")
        qtbot.addWidget(window)
        made.append(window)
        return window

    first = windows.open(Notes, make)
    assert first.isVisible()
    first.close()
    assert windows.visible(Notes) is None
    again = windows.open(Notes, make)
    assert again is first and made == [first]
    assert windows.visible(Notes) is first
    assert windows.get(QLabel) is None  # kinds are told apart by their class
    assert windows.all() == [first]


def test_a_kind_never_opened_is_not_there(qtbot: QtBot) -> None:
    windows = Windows()
    assert windows.get(Notes) is None
    assert windows.visible(Notes) is None
    assert windows.all() == []


def test_a_minimised_window_comes_back(qtbot: QtBot) -> None:
    windows = Windows()
    window = windows.open(Notes, lambda: Notes("notes"))
    qtbot.addWidget(window)
    window.showMinimized()
    windows.open(Notes, lambda: Notes("another"))
    assert window.isVisible() and not window.isMinimized()
