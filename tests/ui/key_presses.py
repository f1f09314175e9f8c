"""Key presses for the data windows' keyboard tests: sent where the focus is, as a person typing
would; and the mnemonics a window shows, each of which must land on its own field."""

from __future__ import annotations

import re
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTabBar, QWidget
from pytestqt.qtbot import QtBot

ALT = Qt.KeyboardModifier.AltModifier
Shown = TypeVar("Shown", bound=QWidget)


class Keys:
    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def press(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.qtbot.keyClick(self.focused(), key, modifier)

    def alt(self, letter: str) -> None:
        self.press(Qt.Key(ord(letter.upper())), ALT)

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focused(), text)

    def replace(self, text: str) -> None:
        self.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        self.type(text)


def opened(qtbot: QtBot, window: Shown) -> Shown:
    """Shown and active, so key presses and focus behave as on a desktop."""
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def shown_mnemonics(window: QWidget) -> list[str]:
    """The underlined letters a person sees: labels, buttons and tabs."""
    texts = [w.text() for w in window.findChildren(QLabel) if w.isVisibleTo(window)]
    texts += [w.text() for w in window.findChildren(QAbstractButton) if w.isVisibleTo(window)]
    for bar in window.findChildren(QTabBar):
        texts += [bar.tabText(i) for i in range(bar.count())]
    return [letter for text in texts if (letter := mnemonic(text))]


def landing(widget: QWidget) -> QWidget:
    """Where focusing ``widget`` puts the keyboard: its focus proxy, all the way down."""
    while (proxy := widget.focusProxy()) is not None:
        widget = proxy
    return widget


def check_labels_land(keys: Keys, window: QWidget) -> None:
    """One letter, one shortcut; each label's letter focuses its field."""
    letters = shown_mnemonics(window)
    assert len(letters) == len(set(letters)), f"one letter, two shortcuts: {letters}"
    for label in window.findChildren(QLabel):
        if label.isVisibleTo(window) and (letter := mnemonic(label.text())):
            assert label.buddy() is not None, f"{label.text()!r} has no field"
            keys.alt(letter)
            assert keys.focused() is landing(label.buddy()), label.text()
