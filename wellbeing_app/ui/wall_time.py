"""A date-and-time field showing wall-clock time in a given zone; the core converts to UTC."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from wellbeing_app.core.time.local_time import EARLIEST, in_zone, resolve_local


class WallTimeEdit(QDateTimeEdit):
    """Edits the wall-clock time of an instant in ``zone``; ``instant()`` resolves it back.

    The widget works on a zone-less date and time so that Qt's own notion of the local zone
    never interferes; zoneinfo does the conversion and refuses times a DST jump skips.
    """

    def __init__(self, instant: datetime, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self.setTimeZone(QTimeZone.utc())
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd HH:mm")
        # No record goes back before 1970 (the core refuses it too); typing stops there.
        self.setMinimumDate(QDate(EARLIEST.year, EARLIEST.month, EARLIEST.day))
        self.set_instant(instant)

    @property
    def zone(self) -> str:
        return self._zone

    def set_instant(self, instant: datetime) -> None:
        self._original = instant
        wall = in_zone(instant, self._zone)
        self.setDateTime(
            QDateTime(
                QDate(wall.year, wall.month, wall.day),
                QTime(wall.hour, wall.minute),
                QTimeZone.utc(),
            )
        )

    def wall_time(self) -> datetime:
        value = self.dateTime()
        date, time = value.date(), value.time()
        # A wall-clock time on purpose: resolve_local attaches the zone.
        return datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())  # noqa: DTZ001

    def instant(self, field: str) -> datetime:
        """The aware UTC instant; raises ValidationError(field) for a time the clocks skip.

        The field shows minutes only; left as shown, the instant keeps its seconds, so saving
        an edit of something else never moves it (or across a shift's boundary).
        """
        original = in_zone(self._original, self._zone)
        if self.wall_time() == original.replace(second=0, microsecond=0, tzinfo=None):
            return self._original
        return resolve_local(self.wall_time(), self._zone, field)
