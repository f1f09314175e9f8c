"""The ping dialog: correct when a ping came, from where, and what answering it took."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wellbeing_app.core.errors import WellbeingError
from wellbeing_app.core.pings import MAX_NOTE, check_source
from wellbeing_app.core.validation import check_not_future, clean_text
from wellbeing_app.ui import icons
from wellbeing_app.ui.actions import PING_SOURCES
from wellbeing_app.ui.error_label import ErrorLabel
from wellbeing_app.ui.wall_time import WallTimeEdit


@dataclass(frozen=True)
class PingEdit:
    at: datetime
    source: str
    minutes: int
    note: str | None


class PingDialog(QDialog):
    def __init__(
        self,
        now: datetime,
        zone: str,
        initial: PingEdit,
        save: Callable[[PingEdit], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._now = now
        self.result_value: PingEdit | None = None
        self.setWindowTitle("Edit ping")
        self.setWindowIcon(icons.icon(icons.APP))
        self.when = WallTimeEdit(initial.at, zone)
        self.source = QComboBox()
        self.source.setEditable(True)  # any app name is welcome, e.g. discord
        for value, label in PING_SOURCES:
            self.source.addItem(label, value)
        index = self.source.findData(initial.source)
        if index >= 0:
            self.source.setCurrentIndex(index)
        else:
            self.source.setCurrentText(initial.source)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSuffix(" min")
        self.minutes.setValue(initial.minutes)
        self.note = QLineEdit(initial.note or "")
        form = QFormLayout()
        form.addRow("&When", self.when)
        form.addRow("&Source", self.source)
        form.addRow("&Minutes responding", self.minutes)
        form.addRow("&Note", self.note)
        self.error = ErrorLabel({"at": "When", "minutes": "Minutes responding"})
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

    def _source_value(self) -> str:
        text = self.source.currentText()
        index = self.source.findText(text)
        data = self.source.itemData(index) if index >= 0 else None
        return str(data) if data else text

    def accept(self) -> None:
        try:
            value = PingEdit(
                at=check_not_future(self.when.instant("at"), self._now, "at"),
                source=check_source(self._source_value()),
                minutes=self.minutes.value(),
                note=clean_text(self.note.text(), "note", MAX_NOTE),
            )
            self._save(value)
        except WellbeingError as exc:
            self.error.show_error(exc)
            return
        self.result_value = value
        super().accept()

    @classmethod
    def get_ping(
        cls,
        now: datetime,
        zone: str,
        initial: PingEdit,
        save: Callable[[PingEdit], object],
        parent: QWidget | None = None,
    ) -> tuple[PingEdit | None, bool]:
        """Run the dialog; ``save`` stores the value, and its errors keep the dialog open."""
        dialog = cls(now, zone, initial, save, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return (dialog.result_value if accepted else None), accepted
