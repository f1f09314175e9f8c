"""Choose the dashboard's period: the last 4 weeks, quarter or year, or dates of your own."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.time import periods
from wellbeing_app.core.time.periods import Period
from wellbeing_app.ui.date_edit import date_edit, day_of
from wellbeing_app.ui.error_label import ErrorLabel

CHOICES = (("Last 4 weeks", "4 weeks"), ("Last quarter", "quarter"), ("Last year", "year"))
CUSTOM = "Custom…"


class PeriodPicker(QWidget):
    """Emits ``period_chosen`` with a valid Period whenever the choice changes."""

    period_chosen = Signal(object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.choice = QComboBox()
        self.choice.setAccessibleName("Period")
        for label, key in CHOICES:
            self.choice.addItem(label, key)
        self.choice.addItem(CUSTOM, None)
        self.start = date_edit("From", today)
        self.end = date_edit("To", today)
        self.error = ErrorLabel({"to": "To"})
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        period_label = QLabel("&Period:")
        period_label.setBuddy(self.choice)
        layout.addWidget(period_label)
        layout.addWidget(self.choice)
        self.from_label = QLabel("from")
        self.to_label = QLabel("to")
        for widget in (self.from_label, self.start, self.to_label, self.end):
            layout.addWidget(widget)
        layout.addWidget(self.error)
        layout.addStretch()
        self.choice.currentIndexChanged.connect(self._on_choice)
        self.start.dateChanged.connect(self._on_dates)
        self.end.dateChanged.connect(self._on_dates)
        self._show_dates(False)
        self._last = self.period()

    def period(self) -> Period:
        key = self.choice.currentData()
        if key is not None:
            return periods.preset(key, self.today)
        return periods.custom(day_of(self.start), day_of(self.end), self.today)

    def set_today(self, today: date) -> None:
        self.today = today

    def choose(self, key: str | None) -> None:
        """Select a preset by key, or the custom dates with None."""
        self.choice.setCurrentIndex(self.choice.findData(key))

    def _on_choice(self) -> None:
        custom = self.choice.currentData() is None
        if custom:
            current = self._last  # start from the period on screen
            for edit, value in ((self.start, current.start), (self.end, current.end)):
                edit.blockSignals(True)
                edit.setDate(QDate(value.year, value.month, value.day))
                edit.blockSignals(False)
        self._show_dates(custom)
        self._emit()

    def _on_dates(self) -> None:
        if self.choice.currentData() is None:
            self._emit()

    def _emit(self) -> None:
        try:
            period = self.period()
        except ValidationError as exc:
            self.error.show_error(exc)
            return
        self.error.setVisible(False)
        self._last = period
        self.period_chosen.emit(period)

    def _show_dates(self, visible: bool) -> None:
        for widget in (self.from_label, self.start, self.to_label, self.end):
            widget.setVisible(visible)
