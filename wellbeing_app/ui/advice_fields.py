"""The incident dialog's fields for "this followed a decision made against my advice": one box
that marks it in one click, and the day the advice was given, which may be left "not given"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, QObject
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel

from wellbeing_app.core.language import N_, _
from wellbeing_app.core.time.local_time import EARLIEST
from wellbeing_app.ui.date_edit import date_edit, day_of
from wellbeing_app.ui.quiet_label import QUIET_STYLE

AGAINST_ADVICE = N_("This followed a decision made against my &advice")
ADVICE_GIVEN_ON = N_("Advice &given on")
# TRANSLATORS: in place of the day the advice was given, when it is not given.
NOT_GIVEN = N_("not given")
NOT_ON_YOU = N_("You said so, and it was not your call: the reaction is not on you.")
# The date field's lowest value, shown as "not given": no advice is dated before 1970.
_NOT_GIVEN = EARLIEST.date() - timedelta(days=1)


class AdviceFields(QObject):
    """The box, and "Advice given on" with its date: enabled only once the box is ticked, and
    showing "not given" until "Advice given on" is ticked too, which offers the incident's day
    (``incident_day``) to keep or change."""

    def __init__(
        self, today: date, incident_day: Callable[[], date], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._incident_day = incident_day
        self._today = today
        self._day: date | None = None  # the day last shown, kept while "not given" is shown
        self.against_advice = QCheckBox(_(AGAINST_ADVICE))
        self.known = QCheckBox(_(ADVICE_GIVEN_ON))
        self.known.setToolTip(_("Leave it unticked when you do not remember the day"))
        self.advised_on = date_edit(_("Advice given on"), _NOT_GIVEN)
        self.advised_on.setDateRange(_qdate(_NOT_GIVEN), _qdate(today))
        self.advised_on.setSpecialValueText(_(NOT_GIVEN))  # shown at the lowest value
        self.advised_on.setDate(_qdate(_NOT_GIVEN))
        self.not_on_you = QLabel(_(NOT_ON_YOU))
        self.not_on_you.setWordWrap(True)
        self.not_on_you.setStyleSheet(QUIET_STYLE)
        self.against_advice.toggled.connect(self._show)
        self.known.toggled.connect(self._on_known)
        self._show()

    def add_to(self, form: QFormLayout) -> None:
        form.addRow("", self.against_advice)
        form.addRow(self.known, self.advised_on)
        form.addRow("", self.not_on_you)

    def fill(self, against_advice: bool, advised_on: date | None) -> None:
        self._day = advised_on
        self.against_advice.setChecked(against_advice)
        self.known.setChecked(advised_on is not None)
        self._on_known(advised_on is not None)

    def value(self) -> tuple[bool, date | None]:
        """Whether it followed a decision against advice, and the day given (None: not given)."""
        if not self.against_advice.isChecked() or not self.known.isChecked():
            return self.against_advice.isChecked(), None
        day = day_of(self.advised_on)
        return True, (None if day == _NOT_GIVEN else day)

    def _on_known(self, known: bool) -> None:
        if known:
            day = self._day or min(self._incident_day(), self._today)
            self.advised_on.setDate(_qdate(max(day, EARLIEST.date())))
        else:
            shown = day_of(self.advised_on)
            if shown != _NOT_GIVEN:
                self._day = shown
            self.advised_on.setDate(_qdate(_NOT_GIVEN))
        self._show()

    def _show(self) -> None:
        against = self.against_advice.isChecked()
        self.known.setEnabled(against)
        self.advised_on.setEnabled(against and self.known.isChecked())
        self.not_on_you.setVisible(against)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
