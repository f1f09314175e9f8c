"""The ping dialog: correct when a ping came, from where, and what answering it took."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from wellbeing_app.core.language import _
from wellbeing_app.core.records.fields import check_not_future, clean_text
from wellbeing_app.core.records.pings import MAX_NOTE, check_source
from wellbeing_app.core.time.clock import Clock
from wellbeing_app.core.vocabulary import SOURCE_LABELS, source_label
from wellbeing_app.ui.form_dialog import FormDialog
from wellbeing_app.ui.wall_time import WallTimeEdit


@dataclass(frozen=True)
class PingEdit:
    at: datetime
    source: str
    minutes: int
    note: str | None


class PingDialog(FormDialog[PingEdit]):
    def __init__(
        self,
        clock: Clock,
        initial: PingEdit,
        save: Callable[[PingEdit], object],
        parent: QWidget | None = None,
        *,
        adding: bool = False,
    ) -> None:
        super().__init__(
            _("Add a ping") if adding else _("Edit ping"),
            self._collect_ping,
            save,
            {
                "at": _("When"),
                "source": _("Source"),
                "minutes": _("Minutes responding"),
                "note": _("Note"),
            },
            parent,
        )
        self._clock = clock
        self.when = WallTimeEdit(initial.at, clock.zone())
        self.source = QComboBox()
        self.source.setEditable(True)  # any app name is welcome, e.g. discord
        self.source.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # Return saves, adds nothing
        for value in SOURCE_LABELS:
            self.source.addItem(source_label(value), value)
        index = self.source.findData(initial.source)
        if index >= 0:
            self.source.setCurrentIndex(index)
        else:
            self.source.setCurrentText(initial.source)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 24 * 60)
        # TRANSLATORS: after a number of minutes in a field; keep the space before it.
        self.minutes.setSuffix(_(" min"))
        self.minutes.setValue(initial.minutes)
        self.note = QLineEdit(initial.note or "")
        self.form.addRow(_("&When"), self.when)
        self.form.addRow(_("S&ource"), self.source)  # Alt+S saves
        self.form.addRow(_("&Minutes responding"), self.minutes)
        self.form.addRow(_("&Note"), self.note)
        self.fields = {"at": self.when, "source": self.source, "note": self.note}
        self.setMinimumWidth(380)
        self.when.setFocus(Qt.FocusReason.OtherFocusReason)  # the first field, not Save

    def _source_value(self) -> str:
        text = self.source.currentText()
        index = self.source.findText(text)
        data = self.source.itemData(index) if index >= 0 else None
        return str(data) if data else text

    def _collect_ping(self) -> PingEdit:
        return PingEdit(
            at=check_not_future(self.when.instant("at"), self._clock.now(), "at"),
            source=check_source(self._source_value()),
            minutes=self.minutes.value(),
            note=clean_text(self.note.text(), "note", MAX_NOTE),
        )

    @classmethod
    def get_ping(
        cls,
        clock: Clock,
        initial: PingEdit,
        save: Callable[[PingEdit], object],
        parent: QWidget | None = None,
        *,
        adding: bool = False,
    ) -> tuple[PingEdit | None, bool]:
        """Run the dialog; ``save`` stores the value, and its errors keep the dialog open."""
        return cls(clock, initial, save, parent, adding=adding).run()
