"""The shift dialog: add a forgotten shift, or correct a shift's start, end (or leave it
running) and note."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.language import _
from wellbeing_app.core.time.clock import Clock
from wellbeing_app.ui.form_dialog import FormDialog
from wellbeing_app.ui.wall_time import WallTimeEdit


@dataclass(frozen=True)
class ShiftEdit:
    start: datetime
    end: datetime | None
    note: str | None


class ShiftDialog(FormDialog[ShiftEdit]):
    def __init__(
        self,
        clock: Clock,
        initial: ShiftEdit,
        save: Callable[[ShiftEdit], object],
        parent: QWidget | None = None,
        *,
        adding: bool = False,
    ) -> None:
        title = _("Add a shift") if adding else _("Edit shift")
        names = {"start": _("Start"), "end": _("End"), "note": _("Note")}
        super().__init__(title, self._collect_shift, save, names, parent)
        self.start = WallTimeEdit(initial.start, clock.zone())
        self.end = WallTimeEdit(initial.end or clock.now(), clock.zone())
        self.running = QCheckBox(_("Still &running"))
        self.running.setChecked(initial.end is None)
        self.running.toggled.connect(lambda on: self.end.setEnabled(not on))
        self.end.setEnabled(initial.end is not None)
        self.note = QLineEdit(initial.note or "")
        self.form.addRow(_("S&tart"), self.start)  # Alt+S saves
        self.form.addRow(_("&End"), self.end)
        if not adding:  # a forgotten shift is over; the running one is started from the tray
            self.form.addRow("", self.running)
        self.form.addRow(_("&Note"), self.note)
        self.fields = {"start": self.start, "end": self.end, "note": self.note}
        self.setMinimumWidth(380)
        self.start.setFocus(Qt.FocusReason.OtherFocusReason)  # the first field, not Save

    def _collect_shift(self) -> ShiftEdit:
        start = self.start.instant("start")
        end = None if self.running.isChecked() else self.end.instant("end")
        if end is not None and end <= start:
            raise ValidationError("end", _("must come after the start"))
        return ShiftEdit(start, end, self.note.text())

    @classmethod
    def get_shift(
        cls,
        clock: Clock,
        initial: ShiftEdit,
        save: Callable[[ShiftEdit], object],
        parent: QWidget | None = None,
        *,
        adding: bool = False,
    ) -> tuple[ShiftEdit | None, bool]:
        """Run the dialog; ``save`` stores the value, and its errors keep the dialog open."""
        return cls(clock, initial, save, parent, adding=adding).run()
