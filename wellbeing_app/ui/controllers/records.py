"""Records: log a ping or an incident, and the day view (the tray's "Today") where any day's
shifts, pings and incidents are added, edited and deleted."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from wellbeing_app.core.journal import Journal
from wellbeing_app.core.language import N_, _, ngettext
from wellbeing_app.core.records.day import DayLog
from wellbeing_app.core.records.incidents import IncidentDraft
from wellbeing_app.core.records.pings import PingRow
from wellbeing_app.core.reflection.streaks import Streaks
from wellbeing_app.core.time.local_time import day_bounds, resolve_local
from wellbeing_app.core.vocabulary import source_label
from wellbeing_app.ui import today_window
from wellbeing_app.ui.actions import OTHER_MINUTES
from wellbeing_app.ui.controllers.parts import AppParts, Feature
from wellbeing_app.ui.incident_dialog import IncidentDialog
from wellbeing_app.ui.ping_dialog import PingDialog, PingEdit
from wellbeing_app.ui.shift_dialog import ShiftDialog, ShiftEdit
from wellbeing_app.ui.today_window import TodayWindow

USUAL_START, USUAL_END = time(9), time(17)
LAST_PING_OPEN = timedelta(hours=12)  # how long the tray offers minutes for the last ping
INCIDENT_LOGGED = N_("Noted. It happened to the account, not to your worth.")
DELETE_QUESTIONS = {
    today_window.SHIFT: N_("Delete this shift? This cannot be undone."),
    today_window.PING: N_("Delete this ping? This cannot be undone."),
    today_window.INCIDENT: N_("Delete this incident? This cannot be undone."),
}


class Records(Feature):
    """Logs what reached the user and keeps the Today window in step with the store."""

    def __init__(self, parts: AppParts, parent: QObject | None = None) -> None:
        super().__init__(parts, parent)
        self._day: DayLog | None = None  # what the Today window shows
        self._chosen: date | None = None  # the day asked for; None follows today
        self.last_ping: PingRow | None = None  # logged from the tray, minutes not given yet
        self._streaks: Streaks | None = None

    def log_ping(self, source: str) -> None:
        self.run(
            lambda journal: journal.log_ping(source),
            on_done=self._ping_logged,
            failure_title=_("Ping not logged"),
        )

    def _ping_logged(self, ping: PingRow) -> None:
        self.last_ping = ping
        label = source_label(ping.source)
        # TRANSLATORS: {source} is where it came from (Slack), {timing} such as "after hours".
        said = _("{source} at {time}, {timing}.")
        self.say(
            _("Ping logged"),
            said.format(source=label, time=self.local(ping.at), timing=ping.timing),
        )

    def ask_minutes(self) -> None:
        """The minutes spent on the last ping, asked in its dialog."""
        self.give_minutes(OTHER_MINUTES)

    def offer_minutes(self, ping: PingRow) -> None:
        """A contact counted from a notification: its minutes can be given from the tray."""
        self.last_ping = ping

    def last_ping_label(self) -> str | None:
        """``Slack at 21:04`` for the last ping logged from the tray, for LAST_PING_OPEN after it
        came (None once minutes were given)."""
        ping = self.last_ping
        if ping is None or self.clock.now() - ping.at > LAST_PING_OPEN:
            return None
        # TRANSLATORS: {source} is where a ping came from (Slack), {time} when (21:04).
        return _("{source} at {time}").format(
            source=source_label(ping.source), time=self.local(ping.at)
        )

    def give_minutes(self, minutes: int) -> None:
        """Minutes spent on the last ping logged from the tray (OTHER_MINUTES: ask)."""
        ping = self.last_ping
        if ping is None:
            return
        self.last_ping = None
        if minutes == OTHER_MINUTES:
            self.run(
                lambda journal: PingDialog.get_ping(
                    self.clock,
                    PingEdit(ping.at, ping.source, ping.minutes, ping.note),
                    save=lambda v: journal.update_ping(ping.id, v.at, v.source, v.minutes, v.note),
                    parent=self.dialog_parent(),
                ),
                failure_title=_("Not saved"),
            )
            return
        self.run(
            lambda journal: journal.update_ping(ping.id, ping.at, ping.source, minutes, ping.note),
            on_done=lambda p: self.say(
                _("Ping updated"),
                ngettext("{count} min on it. Noted.", "{count} min on it. Noted.", minutes).format(
                    count=minutes
                ),
            ),
            failure_title=_("Not saved"),
        )

    def log_incident(self) -> None:
        self.run(
            lambda journal: IncidentDialog.get_incident(
                self.clock, save=journal.log_incident, parent=self.dialog_parent()
            )[1],
            on_done=self._incident_logged,
            failure_title=_("Incident not logged"),
        )

    def _incident_logged(self, saved: bool) -> None:
        if saved:
            self.say(_("Incident logged"), _(INCIDENT_LOGGED))

    def show_today(self) -> None:
        self.windows.open(TodayWindow, self._make_today_window)
        self.refresh_today(self._streaks)

    def _make_today_window(self) -> TodayWindow:
        window = TodayWindow()
        window.edit_requested.connect(self.edit_record)
        window.delete_requested.connect(self.delete_record)
        window.add_requested.connect(self.add_record)
        window.day_chosen.connect(self.show_day)
        return window

    def show_day(self, day: date | None) -> None:
        """Show ``day`` in the day view (None: today, and follow it past midnight)."""
        self._chosen = None if day is None or day >= self.journal.today() else day
        self.refresh_today(self._streaks)

    def refresh_today(self, streaks: Streaks | None) -> None:
        """Show the store's today in the Today window, if it is open."""
        self._streaks = streaks
        window = self.windows.visible(TodayWindow)
        if window is None:
            return
        self._day = self.journal.day(self._chosen)
        window.show_log(self._day, self.clock.now(), self.clock.zone())
        if streaks is not None:
            window.show_streaks(streaks.disconnect, streaks.reflection)

    def edit_record(self, kind: str, record_id: int) -> None:
        """The Today window's Edit: the record's own dialog, saved through the journal."""
        if self._day is not None:
            self.run(lambda j: self._edit(j, kind, record_id), failure_title=_("Not saved"))

    def _edit(self, journal: Journal, kind: str, record_id: int) -> None:
        assert self._day is not None
        clock, parent = self.clock, self.windows.get(TodayWindow)
        if kind == today_window.SHIFT:
            shift = next((s for s in self._day.shifts if s.id == record_id), None)
            if shift is not None:
                ShiftDialog.get_shift(
                    clock,
                    ShiftEdit(shift.start, shift.end, shift.note),
                    save=lambda v: journal.update_shift(record_id, v.start, v.end, v.note),
                    parent=parent,
                )
        elif kind == today_window.PING:
            ping = next((p for p in self._day.pings if p.id == record_id), None)
            if ping is not None:
                PingDialog.get_ping(
                    clock,
                    PingEdit(ping.at, ping.source, ping.minutes, ping.note),
                    save=lambda v: journal.update_ping(
                        record_id, v.at, v.source, v.minutes, v.note
                    ),
                    parent=parent,
                )
        else:
            row = journal.incident(record_id)
            IncidentDialog.get_incident(
                clock,
                save=lambda d: journal.update_incident(record_id, d),
                initial=IncidentDraft(
                    row.at,
                    row.category,
                    row.severity,
                    row.platform,
                    row.minutes,
                    row.summary,
                    row.details,
                    row.against_advice,
                    row.advised_on,
                ),
                parent=parent,
            )

    def add_record(self, kind: str) -> None:
        """The day view's Add: a shift, ping or incident forgotten on the day shown."""
        if self._day is not None:
            day = self._day_of_view()
            self.run(lambda j: self._add(j, kind, day), failure_title=_("Not saved"))

    def _day_of_view(self) -> date:
        return self._day.day if self._day is not None else self.journal.today()

    def _add(self, journal: Journal, kind: str, day: date) -> None:
        clock, parent = self.clock, self.windows.get(TodayWindow)
        start, end = self._usual_hours(day)
        moment = min(clock.now(), end)  # a ping or an incident: at the end of the usual day
        if kind == today_window.SHIFT:
            ShiftDialog.get_shift(
                clock,
                ShiftEdit(start, end, None),
                save=lambda v: journal.add_shift(v.start, v.end or clock.now(), v.note),
                parent=parent,
                adding=True,
            )
        elif kind == today_window.PING:
            PingDialog.get_ping(
                clock,
                PingEdit(moment, "other", 0, None),
                save=lambda v: journal.log_ping(v.source, v.at, v.minutes, v.note),
                parent=parent,
                adding=True,
            )
        else:
            IncidentDialog.get_incident(
                clock, save=journal.log_incident, parent=parent, when=moment
            )

    def _usual_hours(self, day: date) -> tuple[datetime, datetime]:
        """Where a forgotten shift on ``day`` starts and ends before the user moves it: the
        day's scheduled window, else 09:00-17:00; never past now."""
        now, zone = self.clock.now(), self.clock.zone()
        book = self.journal.schedule_book(now, now)
        first, last = day_bounds(day, zone)
        windows = [w for w in book.working_intervals(first, last) if w.start >= first]
        if windows:
            start, end = windows[0].start, windows[0].end
        else:
            start = resolve_local(datetime.combine(day, USUAL_START), zone, "start")
            end = resolve_local(datetime.combine(day, USUAL_END), zone, "end")
        end = min(end, now)
        return min(start, end - timedelta(hours=1)), end

    def delete_record(self, kind: str, record_id: int) -> None:
        """The Today window's Delete, once the user has confirmed it."""
        answer = QMessageBox.question(
            self.windows.get(TodayWindow),
            _("Delete"),
            _(DELETE_QUESTIONS[kind]),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.run(
            lambda journal: {
                today_window.SHIFT: journal.delete_shift,
                today_window.PING: journal.delete_ping,
                today_window.INCIDENT: journal.delete_incident,
            }[kind](record_id),
            failure_title=_("Not deleted"),
        )
