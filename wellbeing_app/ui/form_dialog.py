"""The frame every record dialog shares: a form, a line naming what is wrong, Save and Cancel.

Save collects the value and hands it to ``save`` (which stores it); any error from either step
is shown, the field it names is marked and focused, the dialog grows to show it, and it stays
open with everything typed still in place. Changing the named field clears the error. Escape,
Cancel or closing the window asks before throwing away anything typed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Generic, TypeVar

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from wellbeing_app.core.errors import ValidationError, WellbeingError
from wellbeing_app.core.language import _
from wellbeing_app.ui import accessible, discard, icons
from wellbeing_app.ui.error_label import ErrorLabel, error_style
from wellbeing_app.ui.grow import keep_whole
from wellbeing_app.ui.scale_row import ScaleRow
from wellbeing_app.ui.when_shown import WhenShown

Value = TypeVar("Value")


class FormDialog(WhenShown, QDialog, Generic[Value]):
    """Subclasses add rows to ``form``, list their widgets in ``fields``, and collect a value."""

    def __init__(
        self,
        title: str,
        collect: Callable[[], Value],
        save: Callable[[Value], object],
        field_names: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowIcon(icons.icon(icons.APP))
        self._collect = collect
        self._save = save
        self.value: Value | None = None
        self.fields: dict[str, QWidget] = {}  # field name -> the widget to focus on an error
        self.form = QFormLayout()
        self.error = ErrorLabel(field_names)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        # Alt+S saves on every desktop (some themes give Save no mnemonic of its own)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("&Save"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        self.body.addWidget(self.error)
        self.body.addWidget(buttons)
        self._opened_with: list[object] | None = None  # the fields as first shown
        self._error_field: str | None = None
        self._marked: list[tuple[QWidget, str]] = []  # labels turned red, their style before
        self._described: tuple[QWidget, str] | None = None  # the field, its description before
        self._watched: set[str] = set()
        self._ask = True  # whether closing asks before discarding what was typed
        accessible.complete_when_shown(self)
        keep_whole(self)  # wide enough for its fields, tall enough for its wrapped text

    def accept(self) -> None:
        try:
            value = self._collect()
            self._save(value)
        except WellbeingError as exc:
            self.show_error(exc)
            return
        self.value = value
        super().accept()

    def reject(self) -> None:
        """Escape, Cancel and the window's close: ask first when something was typed."""
        if self._ask and self.has_changes() and not discard.confirm_discard(self):
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window's close button asks (Qt closes a dialog through reject); a close the
        # program asks for (close()) does not: it has decided already, and no one may be there.
        self._ask = event.spontaneous()
        try:
            super().closeEvent(event)
        finally:
            self._ask = True

    def has_changes(self) -> bool:
        """Whether any field differs from what it showed when the dialog opened."""
        return self._opened_with is not None and discard.field_values(self) != self._opened_with

    def showEvent(self, event: QShowEvent) -> None:
        if self._opened_with is None:
            self._opened_with = discard.field_values(self)
            # show where the keyboard is from the start, not only after the first Tab
            self.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
        super().showEvent(event)

    def show_error(self, exc: WellbeingError) -> None:
        self.clear_error()
        self.error.show_error(exc)
        field = exc.field if isinstance(exc, ValidationError) else ""
        widget = self.fields.get(field)
        if widget is not None:
            self._mark(field, widget)
            _reveal(widget)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self._grow_to_fit()

    def clear_error(self) -> None:
        """Hide the error and unmark its field."""
        self.error.clear()
        for label, style in self._marked:
            label.setStyleSheet(style)
        self._marked = []
        if self._described is not None:
            widget, description = self._described
            widget.setAccessibleDescription(description)
            self._described = None
        self._error_field = None

    def _mark(self, field: str, widget: QWidget) -> None:
        self._error_field = field
        self._described = (widget, widget.accessibleDescription())
        widget.setAccessibleDescription(self.error.text())  # read out by a screen reader
        for label in self.findChildren(QLabel):
            if label.buddy() is widget:
                self._marked.append((label, label.styleSheet()))
                label.setStyleSheet(error_style(label))
        if field not in self._watched:
            self._watched.add(field)
            for signal in _changes(widget):
                signal.connect(partial(self._field_changed, field))

    def _field_changed(self, field: str, *_: object) -> None:
        if field == self._error_field:
            self.clear_error()

    def _grow_to_fit(self) -> None:
        """Grow (never shrink) so a wrapped error gets its lines without squeezing the fields:
        a window's minimum size ignores text that wraps."""
        layout = self.layout()
        if not self.isVisible() or layout is None:
            return
        layout.activate()
        width = self.width()
        needed = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if needed > self.height():
            self.resize(width, needed)

    def run(self) -> tuple[Value | None, bool]:
        """Show the dialog modally: the saved value and True, or None and False."""
        saved = self.exec() == QDialog.DialogCode.Accepted
        return (self.value if saved else None), saved


def _changes(widget: QWidget) -> list[SignalInstance]:
    """The signals that say the user changed ``widget``'s value."""
    if isinstance(widget, ScaleRow):
        return [widget.group.idToggled]
    if isinstance(widget, QAbstractButton):
        group = widget.group()
        return [group.idToggled] if group is not None else [widget.toggled]
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        return [widget.textChanged]
    if isinstance(widget, QComboBox):
        return [widget.currentTextChanged]
    if isinstance(widget, QDateTimeEdit):
        return [widget.dateTimeChanged]
    if isinstance(widget, QSpinBox):
        return [widget.valueChanged]
    return []


def _reveal(widget: QWidget) -> None:
    """Bring forward the tab holding ``widget``, so focusing it shows it."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QTabWidget):
            for index in range(parent.count()):
                page = parent.widget(index)
                if page is not None and page.isAncestorOf(widget):
                    parent.setCurrentIndex(index)
        parent = parent.parentWidget()
