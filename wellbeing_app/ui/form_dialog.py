"""The frame every record dialog shares: a form, a line naming what is wrong, Save and Cancel.

Save collects the value and hands it to ``save`` (which stores it); any error from either step
is shown and the dialog stays open with everything typed still in place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from wellbeing_app.core.errors import ValidationError, WellbeingError
from wellbeing_app.ui import icons
from wellbeing_app.ui.error_label import ErrorLabel

Value = TypeVar("Value")


class FormDialog(QDialog, Generic[Value]):
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
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        self.body.addWidget(self.error)
        self.body.addWidget(buttons)

    def accept(self) -> None:
        try:
            value = self._collect()
            self._save(value)
        except WellbeingError as exc:
            self.show_error(exc)
            return
        self.value = value
        super().accept()

    def show_error(self, exc: WellbeingError) -> None:
        self.error.show_error(exc)
        if isinstance(exc, ValidationError) and exc.field in self.fields:
            self.fields[exc.field].setFocus(Qt.FocusReason.OtherFocusReason)

    def run(self) -> tuple[Value | None, bool]:
        """Show the dialog modally: the saved value and True, or None and False."""
        saved = self.exec() == QDialog.DialogCode.Accepted
        return (self.value if saved else None), saved
