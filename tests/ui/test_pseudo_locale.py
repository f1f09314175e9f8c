"""Text that grows in translation still fits: in the pseudo-locale every string is 40% longer
(``[Šâvé··]``), and every window, shown as the app opens it, shows all of every label, button,
group title and tab, each at least the size it asks for (a word-wrapped label: the height its
lines need at its width)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.every_window import WINDOWS, Scene, open_window
from wellbeing_app.core.language import use_language


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Scene:
    return Scene.shared(lambda: Path(tmp_path_factory.mktemp("every-window")))


@pytest.fixture
def pseudo() -> Iterator[None]:
    use_language("pseudo")
    yield
    use_language("en")


def shown(window: QWidget, kind: type[QWidget]) -> list[QWidget]:
    return [w for w in window.findChildren(kind) if w.isVisibleTo(window)]


def words(widget: QWidget, text: str) -> str:
    return f"{type(widget).__name__} {text[:50]!r}"


def cut_label(label: QLabel) -> str | None:
    """What a label fails to show of its text, if anything."""
    if not label.text():
        return None  # none, or a picture
    size = label.size()
    if label.wordWrap():
        lines = label.heightForWidth(size.width())
        if size.height() < lines:
            return f"{size.height()} px high, its lines need {lines}"
        least = label.minimumSizeHint().width()
        return f"{size.width()} px wide, a word needs {least}" if size.width() < least else None
    wanted = label.sizeHint()
    if size.width() < wanted.width() or size.height() < wanted.height():
        return f"{size.toTuple()}, needs {wanted.toTuple()}"
    return None


def cut_button(button: QAbstractButton) -> str | None:
    if not button.text():
        return None  # an icon
    size, wanted = button.size(), button.minimumSizeHint().expandedTo(button.sizeHint())
    if size.width() < wanted.width() or size.height() < wanted.height():
        return f"{size.toTuple()}, needs {wanted.toTuple()}"
    return None


def cut_group(group: QGroupBox) -> str | None:
    if not group.title():
        return None
    least = group.minimumSizeHint().width()
    return f"{group.width()} px wide, its title needs {least}" if group.width() < least else None


def cut_tabs(bar: QTabBar) -> Iterator[str]:
    for index in range(bar.count()):
        width, wanted = bar.tabRect(index).width(), bar.tabSizeHint(index).width()
        if width < wanted or bar.tabRect(index).right() > bar.width():
            yield f"tab {bar.tabText(index)!r}: {width} px, needs {wanted}"


def cut_off(window: QWidget) -> list[str]:
    """Every text in ``window`` not shown whole."""
    found = []
    for label in shown(window, QLabel):
        assert isinstance(label, QLabel)
        if (why := cut_label(label)) is not None:
            found.append(f"{words(label, label.text())}: {why}")
    for button in shown(window, QAbstractButton):
        assert isinstance(button, QAbstractButton)
        if (why := cut_button(button)) is not None:
            found.append(f"{words(button, button.text())}: {why}")
    for group in shown(window, QGroupBox):
        assert isinstance(group, QGroupBox)
        if (why := cut_group(group)) is not None:
            found.append(f"{words(group, group.title())}: {why}")
    for bar in shown(window, QTabBar):
        assert isinstance(bar, QTabBar)
        found += list(cut_tabs(bar))
    return found


@pytest.mark.parametrize("name", WINDOWS)
def test_no_text_is_cut_off_when_it_grows_by_40_percent(
    name: str, qtbot: QtBot, scene: Scene, pseudo: None
) -> None:
    window = open_window(qtbot, scene, name)
    assert cut_off(window) == [], f"{name}: text cut off"


@pytest.mark.parametrize("name", ["shift", "settings: reminders", "today"])
def test_in_english_too(name: str, qtbot: QtBot, scene: Scene) -> None:
    assert cut_off(open_window(qtbot, scene, name)) == []
