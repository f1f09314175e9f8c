"""What a screen reader meets in every window: the accessibility tree Qt builds for it
(QAccessible), walked from the window down. Every control a person can operate has a name,
every field says what it is for, every chart says what it shows, and every menu item has words.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible, QAccessibleInterface, QAction
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QMenu,
    QScrollBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.every_window import WINDOWS, Scene, open_window
from wellbeing_app.ui.chart_view import ChartView

Role = QAccessible.Role
Text = QAccessible.Text
INTERACTIVE = {
    Role.PushButton,
    Role.CheckBox,
    Role.RadioButton,
    Role.EditableText,
    Role.SpinBox,
    Role.ComboBox,
    Role.Slider,
    Role.Dial,
    Role.Table,
    Role.List,
    Role.Tree,
    Role.PageTabList,
    Role.PageTab,
    Role.MenuItem,
    Role.ButtonMenu,
    Role.ButtonDropDown,
    Role.MenuBar,
    Role.PopupMenu,
    Role.Link,
}
# Their parts (cells, headers, a combo box's list) are named by Qt from what they show.
NOT_ENTERED = {Role.Table, Role.List, Role.Tree, Role.ComboBox}
FIELDS = (QLineEdit, QAbstractSpinBox, QComboBox, QCheckBox, QAbstractSlider)


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Scene:
    return Scene.shared(lambda: Path(tmp_path_factory.mktemp("every-window")))


def shown_tree(interface: QAccessibleInterface) -> Iterator[QAccessibleInterface]:
    """Every element on screen under ``interface``, as a screen reader walks them."""
    for index in range(interface.childCount()):
        child = interface.child(index)
        if child is None or not child.isValid() or child.state().invisible:
            continue
        yield child
        if child.role() not in NOT_ENTERED:
            yield from shown_tree(child)


def described(element: QAccessibleInterface) -> str:
    widget = element.object()
    name = f"{element.role().name} {type(widget).__name__}"
    if isinstance(widget, QWidget):
        around = widget.parentWidget()
        name += f" in {type(around).__name__}" if around is not None else ""
        name += f" {widget.objectName()!r}" if widget.objectName() else ""
    return name


def is_field(widget: object) -> bool:
    if isinstance(widget, QScrollBar):
        return False
    if isinstance(widget, QAbstractScrollArea):  # a text box of several lines
        return widget.inherits("QTextEdit") or widget.inherits("QPlainTextEdit")
    return isinstance(widget, FIELDS)


def menu_items(menu: QMenu) -> Iterator[QAction]:
    for action in menu.actions():
        if action.isVisible() and not action.isSeparator():
            yield action
            if (submenu := action.menu()) is not None:
                yield from menu_items(submenu)


@pytest.mark.parametrize("name", WINDOWS)
def test_every_control_is_named_and_every_field_described(
    name: str, qtbot: QtBot, scene: Scene
) -> None:
    window = open_window(qtbot, scene, name)
    root = QAccessible.queryAccessibleInterface(window)
    assert root is not None and root.text(Text.Name).strip(), f"{name}: the window has no name"
    unnamed, undescribed = [], []
    for element in shown_tree(root):
        widget = element.object()
        words = element.text(Text.Name).strip()
        if element.role() in INTERACTIVE and not words:
            unnamed.append(described(element))
        if isinstance(widget, QComboBox) and not widget.accessibleName():
            unnamed.append(f"{described(element)} (named only by its value {words!r})")
        if is_field(widget) and not element.text(Text.Description).strip():
            undescribed.append(f"{described(element)} {words!r}")
    assert unnamed == [], f"{name}: controls a screen reader cannot name"
    assert undescribed == [], f"{name}: fields with no description"


@pytest.mark.parametrize("name", WINDOWS)
def test_every_chart_says_what_it_shows(name: str, qtbot: QtBot, scene: Scene) -> None:
    window = open_window(qtbot, scene, name)
    for view in window.findChildren(ChartView):
        canvas = view.canvas
        if canvas is None or not canvas.isVisibleTo(window):
            continue
        element = QAccessible.queryAccessibleInterface(canvas)
        assert element is not None
        assert element.text(Text.Name).strip(), f"{name}: the {view.key} chart has no name"
        assert element.text(Text.Description).strip(), f"{name}: the {view.key} chart: no summary"


@pytest.mark.parametrize("name", WINDOWS)
def test_every_menu_item_has_words(name: str, qtbot: QtBot, scene: Scene) -> None:
    window = open_window(qtbot, scene, name)
    menus = window.findChildren(QMenu) + ([window] if isinstance(window, QMenu) else [])
    wordless = [
        f"{menu.title()!r} item {n}"
        for menu in menus
        for n, action in enumerate(menu_items(menu))
        if not action.text().replace("&", "").strip()
    ]
    assert wordless == [], f"{name}: menu items with no words"
