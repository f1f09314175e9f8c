"""The shift dialog: correct a shift's start, end (or leave it running) and note."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from wellbeing_app.core.errors import ValidationError, WellbeingError
from wellbeing_app.ui import icons
from wellbeing_app.ui.error_label import ErrorLabel
from wellbeing_app.ui.wall_time import WallTimeEdit


@dataclass(frozen=True)
class ShiftEdit:
    start: datetime
    end: datetime | None
    note: str | None


class ShiftDialog(QDialog):
    def __init__(
        self,
        now: datetime,
        zone: str,
        initial: ShiftEdit,
        save: Callable[[ShiftEdit], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.result_value: ShiftEdit | None = None
        self.setWindowTitle("Edit shift")
        self.setWindowIcon(icons.icon(icons.APP))
        self.start = WallTimeEdit(initial.start, zone)
        self.end = WallTimeEdit(initial.end or now, zone)
        self.running = QCheckBox("Still running")
        self.running.setChecked(initial.end is None)
        self.running.toggled.connect(lambda on: self.end.setEnabled(not on))
        self.end.setEnabled(initial.end is not None)
        self.note = QLineEdit(initial.note or "")
        form = QFormLayout()
        form.addRow("&Start", self.start)
        form.addRow("&End", self.end)
        form.addRow("", self.running)
        form.addRow("&Note", self.note)
        self.error = ErrorLabel({})
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def accept(self) -> None:
        try:
            start = self.start.instant("start")
            end = None if self.running.isChecked() else self.end.instant("end")
            if end is not None and end <= start:
                raise ValidationError("end", "must come after the start")
            value = ShiftEdit(start, end, self.note.text())
            self._save(value)
        except WellbeingError as exc:
            self.error.show_error(exc)
            return
        self.result_value = value
        super().accept()

    @classmethod
    def get_shift(
        cls,
        now: datetime,
        zone: str,
        initial: ShiftEdit,
        save: Callable[[ShiftEdit], object],
        parent: QWidget | None = None,
    ) -> tuple[ShiftEdit | None, bool]:
        """Run the dialog; ``save`` stores the value, and its errors keep the dialog open."""
        dialog = cls(now, zone, initial, save, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return (dialog.result_value if accepted else None), accepted
