"""Radio choices that work from the keyboard: a row of points on a small scale, a ring that shows
which choice has the keyboard, and labels whose mnemonic lands on a group without choosing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

# Qt's own focus rectangle is faint, and hidden until Tab is first pressed; a ring in the
# palette's highlight colour shows in light and dark themes alike. The transparent border keeps
# every button the same size whether it has the focus or not.
FOCUS_RING = (
    "QRadioButton { border: 2px solid transparent; border-radius: 4px; padding: 1px 2px; }"
    "QRadioButton:focus { border-color: palette(highlight); }"
)


def show_focus(button: QAbstractButton) -> None:
    """Draw the focus ring around ``button`` while it has the keyboard."""
    button.setStyleSheet(FOCUS_RING)


def focus_group(group: QButtonGroup) -> None:
    """Focus a group's chosen button, or its first one, without choosing anything."""
    button = group.checkedButton() or group.buttons()[0]
    button.setFocus(Qt.FocusReason.ShortcutFocusReason)


class _GroupMnemonic(QObject):
    """Takes a label's mnemonic before the label would click its buddy (a radio button)."""

    def __init__(self, label: QLabel, group: QButtonGroup) -> None:
        super().__init__(label)
        self._group = group

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Shortcut:
            focus_group(self._group)
            return True
        return False


def label_group(label: QLabel, group: QButtonGroup) -> None:
    """Make ``label``'s mnemonic focus ``group`` (the chosen button, else the first).

    A label whose buddy is a radio button would click it: Alt+1 would answer the question.
    """
    label.setBuddy(group.buttons()[0])  # a label has a mnemonic only while it has a buddy
    label.installEventFilter(_GroupMnemonic(label, group))


class ScaleRow(QWidget):
    """A row of radio buttons, one per point of a small scale: arrows move, a digit picks,
    Delete clears (for optional questions)."""

    def __init__(
        self,
        labels: dict[int, str],
        tips: dict[int, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        for point, text in labels.items():
            button = QRadioButton(text)
            show_focus(button)
            if tips:
                button.setToolTip(tips[point])
            self.group.addButton(button, point)
            self.row.addWidget(button)
        self.row.addStretch()
        # A label's mnemonic focuses its buddy only if the buddy takes focus; the row passes
        # it on to its proxy (a button). Not Tab focus: Tab goes straight to the buttons.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setFocusProxy(self.group.buttons()[0])
        self.group.idToggled.connect(self._follow_choice)

    def append(self, widget: QWidget) -> None:
        """Show ``widget`` (e.g. a hint) right after the buttons."""
        self.row.insertWidget(self.row.count() - 1, widget)

    def value(self) -> int | None:
        point = self.group.checkedId()
        return None if point == -1 else point

    def set_value(self, point: int | None) -> None:
        if point is None:
            self.group.setExclusive(False)  # an exclusive group refuses to uncheck its last button
            for button in self.group.buttons():
                button.setChecked(False)
            self.group.setExclusive(True)
        elif button := self.group.button(point):
            button.setChecked(True)

    def _follow_choice(self, point: int, checked: bool) -> None:
        # focusing the row (Tab, a mnemonic, an error) lands on the chosen point, as Tab does
        self.setFocusProxy(self.group.button(point) if checked else self.group.buttons()[0])

    def keyPressEvent(self, event: QKeyEvent) -> None:  # keys the focused button ignored
        text = event.text()
        button = self.group.button(int(text)) if text.isdecimal() else None
        if button is not None:
            button.setChecked(True)
            button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.set_value(None)
        else:
            super().keyPressEvent(event)
