"""The everyday operations of the app, each one transaction on the database at the clock's now."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from wellbeing_app.core.capture import contacts as captured
from wellbeing_app.core.capture.counting import Counting
from wellbeing_app.core.records import corrections, incidents, pings, shifts
from wellbeing_app.core.records.day import DayLog, day_log
from wellbeing_app.core.records.incidents import IncidentDraft, IncidentRow
from wellbeing_app.core.records.pings import PingRow
from wellbeing_app.core.records.shifts import ShiftRow
from wellbeing_app.core.reflection import reflections, who5
from wellbeing_app.core.reflection.reflections import ReflectionDraft
from wellbeing_app.core.reflection.streaks import Streaks, streaks
from wellbeing_app.core.reminders import memory as reminder_state
from wellbeing_app.core.reminders.planner import Reminder, ReminderSettings
from wellbeing_app.core.schedule import weekly as schedule
from wellbeing_app.core.schedule.rota_changes import Rota
from wellbeing_app.core.store import settings
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.store.models import Origin, Reflection
from wellbeing_app.core.time.clock import Clock
from wellbeing_app.core.time.local_time import in_zone
from wellbeing_app.core.time.periods import Period
from wellbeing_app.core.workload.aggregate import compared
from wellbeing_app.core.workload.loads import Totals, Workload

if TYPE_CHECKING:
    from pathlib import Path

    from wellbeing_app.core.demo.fill import DemoSummary
    from wellbeing_app.core.store.backups import Backup


class Journal:
    """What the tray app asks of the store; the UI never opens sessions itself."""

    def __init__(self, db: Database, clock: Clock, origin: Origin = Origin.TRAY) -> None:
        self.db = db
        self.clock = clock
        self.origin = origin

    def now(self) -> datetime:
        return self.clock.now()

    @property
    def counting(self) -> Counting:
        """Counting work notifications: the choices, a pause, the captured contacts."""
        return Counting(self.db, self.clock)

    @property
    def rota(self) -> Rota:
        """Dated working windows, in place of the weekly pattern on their dates."""
        return Rota(self.db, self.clock, self.origin)

    def zone(self) -> str:
        return self.clock.zone()

    def running_shift(self) -> ShiftRow | None:
        with self.db.read() as session:
            return shifts.running_shift(session)

    def start_shift(self, at: datetime | None = None, note: str | None = None) -> ShiftRow:
        with self.db.write() as session:
            now = self.now()  # once the write lock is held: no writer before us makes it stale
            return shifts.start_shift(
                session, at=at or now, now=now, zone=self.zone(), origin=self.origin, note=note
            )

    def add_shift(self, start: datetime, end: datetime, note: str | None = None) -> ShiftRow:
        """A shift that is over, added after the fact (a forgotten one)."""
        with self.db.write() as session:
            return shifts.add_shift(
                session,
                start=start,
                end=end,
                now=self.now(),
                zone=self.zone(),
                origin=self.origin,
                note=note,
            )

    def end_shift(self, at: datetime | None = None) -> ShiftRow:
        with self.db.write() as session:
            now = self.now()  # once the write lock is held (see start_shift)
            return shifts.end_shift(session, at=at or now, now=now)

    def update_shift(
        self, shift_id: int, start: datetime, end: datetime | None, note: str | None
    ) -> ShiftRow:
        with self.db.write() as session:
            return shifts.update_shift(
                session, shift_id, start=start, end=end, note=note, now=self.now()
            )

    def delete_shift(self, shift_id: int) -> None:
        with self.db.write() as session:
            shifts.delete_shift(session, shift_id)

    def shift(self, shift_id: int) -> ShiftRow:
        with self.db.read() as session:
            return corrections.shift_row(session, shift_id)

    def correct_shift(self, shift_id: int, **changes: Any) -> tuple[ShiftRow, ShiftRow]:
        """The fields named change, the others stay (see ``corrections``); returns before, after."""
        with self.db.write() as session:
            return corrections.correct_shift(session, shift_id, changes, self.now())

    def log_ping(
        self,
        source: str,
        at: datetime | None = None,
        minutes: int = 0,
        note: str | None = None,
    ) -> PingRow:
        now = self.now()
        with self.db.write() as session:
            if self.origin in (Origin.TRAY, Origin.CLI):  # by hand: it may be a captured contact
                joined = captured.join_by_hand(session, source, at or now, now, minutes, note)
                if joined is not None:
                    return joined
            return pings.log_ping(
                session,
                at=at or now,
                now=now,
                zone=self.zone(),
                source=source,
                minutes=minutes,
                note=note,
                origin=self.origin,
            )

    def update_ping(
        self, ping_id: int, at: datetime, source: str, minutes: int, note: str | None
    ) -> PingRow:
        with self.db.write() as session:
            return pings.update_ping(
                session, ping_id, at=at, now=self.now(), source=source, minutes=minutes, note=note
            )

    def delete_ping(self, ping_id: int) -> None:
        with self.db.write() as session:
            pings.delete_ping(session, ping_id)

    def ping(self, ping_id: int) -> PingRow:
        with self.db.read() as session:
            return corrections.ping_row(session, ping_id)

    def correct_ping(self, ping_id: int, **changes: Any) -> tuple[PingRow, PingRow]:
        with self.db.write() as session:
            return corrections.correct_ping(session, ping_id, changes, self.now())

    def log_incident(self, draft: IncidentDraft) -> IncidentRow:
        with self.db.write() as session:
            return incidents.log_incident(
                session, draft, now=self.now(), zone=self.zone(), origin=self.origin
            )

    def update_incident(self, incident_id: int, draft: IncidentDraft) -> IncidentRow:
        with self.db.write() as session:
            return incidents.update_incident(session, incident_id, draft, now=self.now())

    def delete_incident(self, incident_id: int) -> None:
        with self.db.write() as session:
            incidents.delete_incident(session, incident_id)

    def correct_incident(self, incident_id: int, **changes: Any) -> tuple[IncidentRow, IncidentRow]:
        with self.db.write() as session:
            return corrections.correct_incident(session, incident_id, changes, self.now())

    def incident(self, incident_id: int) -> IncidentRow:
        with self.db.read() as session:
            return incidents.get_incident(session, incident_id)

    def day(self, day: date | None = None) -> DayLog:
        with self.db.read() as session:
            return day_log(session, self.now(), self.zone(), day)

    def set_schedule(
        self,
        days: list[int],
        start_minute: int,
        end_minute: int,
        zone: str | None,
        effective_from: date,
    ) -> schedule.ScheduleChange:
        """``zone`` None: the zone in force on ``effective_from``, else the clock's."""
        with self.db.write() as session:
            return schedule.set_schedule(
                session,
                days=days,
                start_minute=start_minute,
                end_minute=end_minute,
                zone=zone,
                effective_from=effective_from,
                default_zone=self.zone(),
            )

    def save_settings(
        self,
        week: list[schedule.Window],
        zone: str,
        effective_from: date,
        reminders: ReminderSettings,
        days_off: tuple[date, date] | None = None,
    ) -> None:
        """The Settings dialog's choices, stored together or not at all."""
        with self.db.write() as session:
            schedule.save_week(session, week, zone, effective_from)
            reminder_state.save_settings(session, reminders)
            if days_off is not None:
                schedule.add_days_off(session, *days_off)

    def reminder_settings(self) -> ReminderSettings:
        with self.db.read() as session:
            return reminder_state.load_settings(session)

    def reminder_plan(self, now: datetime) -> list[Reminder]:
        """The reminders planned at ``now``, back to when the plan was last acted on."""
        with self.db.read() as session:
            since = reminder_state.RemindersState.load(session).checked_until
            since = since if since is not None and since < now else now
            return reminder_state.plan(session, now, self.zone(), since=since)

    def mark_reminders_delivered(self, reminders: list[Reminder]) -> None:
        """Remember that ``reminders`` were shown, so they are not shown again."""
        with self.db.write() as session:
            reminder_state.mark_delivered(session, reminders, self.now())

    def mark_reminders_checked(self, until: datetime) -> None:
        """The reminder plan was acted on up to ``until``: a restart catches up from there."""
        with self.db.write() as session:
            reminder_state.mark_checked(session, until)

    def snooze_reminders(self) -> datetime:
        """Hold the nudges for the snooze length the settings give; returns until when."""
        now = self.now()
        with self.db.write() as session:
            minutes = reminder_state.load_settings(session).snooze_minutes
            until = now + timedelta(minutes=minutes)
            reminder_state.snooze(session, until, now)
        return until

    def close(self) -> None:
        """Close the store; the journal is not used afterwards."""
        self.db.close()

    def add_days_off(self, first: date, last: date) -> None:
        with self.db.write() as session:
            schedule.add_days_off(session, first, last)

    def add_on_call(self, start: datetime, end: datetime) -> schedule.Interval:
        with self.db.write() as session:
            return schedule.add_on_call(session, start, end, self.zone(), self.origin)

    def start_on_call(self) -> schedule.Interval:
        """On call from now to the next scheduled start (at most 12 h; 4 h with no schedule)."""
        now = self.now()
        with self.db.read() as session:
            upcoming = schedule.load_book(session).working_intervals(now, now + timedelta(hours=12))
        starts = [i.start for i in upcoming if i.start > now]
        return self.add_on_call(now, starts[0] if starts else now + timedelta(hours=4))

    def schedule_book(self, on_call_from: datetime, on_call_to: datetime) -> schedule.ScheduleBook:
        """The schedule's history and days off, with on-call periods overlapping the range."""
        with self.db.read() as session:
            book = schedule.load_book(session)
            book.on_call = schedule.load_on_call(session, on_call_from, on_call_to)
            return book

    def today(self) -> date:
        return in_zone(self.now(), self.zone()).date()

    def save_reflection(self, draft: ReflectionDraft) -> None:
        with self.db.write() as session:
            reflections.save_reflection(session, draft, zone=self.zone(), now=self.now())

    def skip_reflection(self, day: date) -> None:
        with self.db.write() as session:
            reflections.skip_day(session, day, zone=self.zone(), now=self.now())

    def reflection(self, day: date) -> ReflectionDraft | None:
        with self.db.read() as session:
            row = reflections.reflection_for(session, day)
        if row is None or row.skipped:
            return None
        assert row.mood is not None and row.energy is not None and row.stress is not None
        return ReflectionDraft(
            row.day,
            row.mood,
            row.energy,
            row.stress,
            row.detachment,
            row.went_well,
            row.leave_at_work,
            row.tonight,
        )

    def handoff_list(self) -> list[tuple[int, str, date]]:
        """Open hand-off items from earlier days: (id, text, the day it was left)."""
        with self.db.read() as session:
            items = reflections.open_handoff_items(session, self.today())
        return [(i.id, i.text, i.day) for i in items if i.id is not None]

    def tick_handoff(self, item_id: int, done: bool = True) -> None:
        with self.db.write() as session:
            reflections.tick_handoff_item(session, item_id, now=self.now(), done=done)

    def check_in(self, answers: list[int], day: date | None = None) -> who5.CheckinRow:
        with self.db.write() as session:
            return who5.save_checkin(
                session, answers, day=day or self.today(), zone=self.zone(), now=self.now()
            )

    def latest_who5_score(self) -> int | None:
        with self.db.read() as session:
            rows = who5.list_checkins(session)
        return rows[-1].result.score if rows else None

    def streaks(self) -> Streaks:
        with self.db.read() as session:
            return streaks(session, self.now(), self.zone())

    def workload(self, period: Period) -> tuple[Workload, Totals]:
        """The period's workload, and the totals of the period of equal length before it."""
        now, zone = self.now(), self.zone()
        with self.db.read() as session:
            return compared(session, period, zone, now)

    def setting(self, key: str, default: Any = None) -> Any:
        with self.db.read() as session:
            return settings.get_setting(session, key, default)

    def set_setting(self, key: str, value: Any) -> None:
        with self.db.write() as session:
            settings.set_setting(session, key, value)

    # What the command line lists and plans (it reaches the store only through here).

    def shifts_between(self, start: datetime, end: datetime) -> list[ShiftRow]:
        """Shifts overlapping [start, end), oldest first."""
        with self.db.read() as session:
            return shifts.list_shifts(session, start, end)

    def pings_between(self, start: datetime, end: datetime) -> list[PingRow]:
        """Pings in [start, end), oldest first, each judged after hours or on call."""
        with self.db.read() as session:
            return pings.list_pings(session, start, end)

    def incidents_between(self, start: datetime, end: datetime) -> list[IncidentRow]:
        """Incidents in [start, end), oldest first."""
        with self.db.read() as session:
            return incidents.list_incidents(session, start, end)

    def reflections(self) -> list[Reflection]:
        """Every day's reflection (or the note that it was skipped), oldest first."""
        with self.db.read() as session:
            return reflections.list_reflections(session)

    def checkins(self) -> list[who5.CheckinRow]:
        """Every WHO-5 check-in, oldest first, each scored against the one before."""
        with self.db.read() as session:
            return who5.list_checkins(session)

    def upcoming_reminders(self, now: datetime) -> list[Reminder]:
        """The reminders planned from ``now`` for the next 24 hours, without catching up on
        missed ones (``reminder_plan`` does that for the app)."""
        with self.db.read() as session:
            return reminder_state.plan(session, now, self.zone())

    def held_data(self) -> list[str]:
        """The kinds of data the store holds, in words (empty: a new data folder)."""
        from wellbeing_app.core.demo.fill import held_data

        with self.db.read() as session:
            return held_data(session)

    def newest_backup(self) -> Backup | None:
        """The newest backup of the database (``core.store.backups``), None before the first."""
        from wellbeing_app.core.store.backups import newest_backup

        return newest_backup(self.db.path)

    def backup_folder(self) -> Path:
        """Where the backups are kept: ``backups/`` beside the database."""
        from wellbeing_app.core.store.backups import backup_folder

        return backup_folder(self.db.path)

    def fill_demo(self, years: int, seed: int) -> DemoSummary:
        """Made-up history up to now, into a database that holds no data yet."""
        from wellbeing_app.core.demo.fill import fill_demo  # only the demo command needs it

        return fill_demo(self.db, years=years, now=self.now(), zone=self.zone(), seed=seed)
