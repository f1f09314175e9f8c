"""Choose the dashboard's period: the last 4 weeks, quarter or year, or dates of your own."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.language import N_, _
from wellbeing_app.core.time import periods
from wellbeing_app.core.time.periods import Period
from wellbeing_app.ui.date_edit import date_edit, day_of
from wellbeing_app.ui.error_label import ErrorLabel

CHOICES = (
    (N_("Last 4 weeks"), "4 weeks"),
    (N_("Last quarter"), "quarter"),
    (N_("Last year"), "year"),
)
CUSTOM = N_("Custom…")


class PeriodPicker(QWidget):
    """Emits ``period_chosen`` with a valid Period whenever the choice changes."""

    period_chosen = Signal(object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.choice = QComboBox()
        self.choice.setAccessibleName(_("Period"))
        for label, key in CHOICES:
            self.choice.addItem(_(label), key)
        self.choice.addItem(_(CUSTOM), None)
        self.start = date_edit(_("From"), today)
        self.end = date_edit(_("To"), today)
        self.error = ErrorLabel({"to": _("To")})
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        period_label = QLabel(_("&Period:"))
        period_label.setBuddy(self.choice)
        layout.addWidget(period_label)
        layout.addWidget(self.choice)
        # TRANSLATORS: the custom period reads "from [date] to [date]".
        self.from_label = QLabel(_("from"))
        # TRANSLATORS: as in "from [date] to [date]".
        self.to_label = QLabel(_("to"))
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
