"""Counting work notifications, as the journal offers it to the tray app and the command line:
the choices (on, off, mappings, pause) and the captured contacts, each one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from wellbeing_app.core.capture import contacts, preferences
from wellbeing_app.core.capture.contacts import CapturedTotals as CapturedTotals
from wellbeing_app.core.capture.pause import PauseLength as PauseLength
from wellbeing_app.core.capture.pause import pause_end
from wellbeing_app.core.capture.preferences import CaptureSettings, CaptureState
from wellbeing_app.core.capture.reading import WorkNotification
from wellbeing_app.core.records.pings import PingRow
from wellbeing_app.core.records.shifts import running_shift
from wellbeing_app.core.schedule.weekly import load_book
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.store.models import Shift
from wellbeing_app.core.time.clock import Clock
from wellbeing_app.core.time.local_time import day_bounds, local_date


@dataclass(frozen=True)
class Captured:
    """What a batch of work notifications did: the newest new contact of each source (a ping,
    judged after hours or on call), how many new contacts there were, how many notifications
    joined a contact already counted, and the time to offer as the start of a shift, once a
    day (None: no offer)."""

    contacts: tuple[PingRow, ...]
    new: int
    joined: int
    start_hint: datetime | None = None


class Counting:
    """The store's side of counting work notifications, at the clock's now."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def settings(self) -> CaptureSettings:
        with self.db.read() as session:
            return preferences.load_settings(session)

    def state(self) -> CaptureState:
        with self.db.read() as session:
            return preferences.load_state(session)

    def set_on(self, on: bool) -> CaptureSettings:
        """Counting on or off (off ends a pause too: turning it on again starts afresh)."""
        with self.db.write() as session:
            settings = replace(preferences.load_settings(session), on=on)
            preferences.save_settings(session, settings)
            state = preferences.load_state(session)
            if state.paused_until is not None:
                preferences.save_state(session, replace(state, paused_until=None))
            return settings

    def map_app(self, app: str, source: str) -> CaptureSettings:
        """Count ``app`` as ``source`` (or ``ignore`` it; ``default`` forgets the mapping)."""
        with self.db.write() as session:
            settings = preferences.with_mapping(preferences.load_settings(session), app, source)
            preferences.save_settings(session, settings)
            return settings

    def set_burst_minutes(self, minutes: int) -> CaptureSettings:
        with self.db.write() as session:
            settings = preferences.with_burst_minutes(preferences.load_settings(session), minutes)
            preferences.save_settings(session, settings)
            return settings

    def pause(self, length: PauseLength) -> datetime:
        """Pause counting for an hour or until tomorrow's working hours; returns until when."""
        now = self.clock.now()
        with self.db.write() as session:
            until = pause_end(length, now, self.clock.zone(), load_book(session))
            state = preferences.load_state(session)
            preferences.save_state(session, replace(state, paused_until=until))
        return until

    def resume(self) -> None:
        with self.db.write() as session:
            state = preferences.load_state(session)
            preferences.save_state(session, replace(state, paused_until=None))

    def record(self, seen: Sequence[WorkNotification]) -> Captured:
        """Count work notifications (one transaction). Those that came while counting was off
        or paused are dropped: the choice stored wins over what was still on its way."""
        zone = self.clock.zone()
        with self.db.write() as session:
            settings = preferences.load_settings(session)
            state = preferences.load_state(session)
            kept = [n for n in seen if settings.on and not state.paused(n.at)]
            if not kept:
                return Captured((), 0, 0)
            done = contacts.record(session, kept, zone, settings.burst_window)
            hint = _start_hint(session, kept, zone, state)
            shown = contacts.captured_pings(session, done.newest)
            return Captured(tuple(shown), len(done.new), done.joined, hint)

    def warm_up(self) -> None:
        """Count a made-up notification and roll it back: the statements counting needs are
        then ready (SQLAlchemy compiles each once), so the first real one costs no more than
        the next. Nothing is written."""
        note = WorkNotification("warm-up", "other", self.clock.now())
        try:
            with self.db.write() as session:
                done = contacts.record(session, [note], self.clock.zone(), timedelta(0))
                contacts.captured_pings(session, done.newest)
                _start_hint(session, [note], self.clock.zone(), preferences.load_state(session))
                raise _RolledBack
        except _RolledBack:
            pass

    def totals(self, start: datetime, end: datetime) -> CapturedTotals:
        with self.db.read() as session:
            return contacts.totals(session, start, end)

    def today(self) -> CapturedTotals:
        """Captured contacts that began today (local), and the notifications they stand for."""
        zone = self.clock.zone()
        return self.totals(*day_bounds(local_date(self.clock.now(), zone), zone))

    def notifications_of(self, ping_ids: Sequence[int]) -> dict[int, int]:
        with self.db.read() as session:
            return contacts.notifications_of(session, ping_ids)


class _RolledBack(Exception):
    """Ends a transaction that must leave nothing behind."""


def _start_hint(
    session: Session, seen: Sequence[WorkNotification], zone: str, state: CaptureState
) -> datetime | None:
    """The first of ``seen`` inside scheduled hours, to offer as the start of a shift: only
    when no shift runs or began that day, and once a day."""
    if {local_date(n.at, zone) for n in seen} == {state.start_hint_day}:
        return None  # offered today already: nothing to look up
    if running_shift(session) is not None:
        return None
    book = load_book(session)
    first = next((n.at for n in sorted(seen, key=lambda n: n.at) if book.is_scheduled(n.at)), None)
    if first is None:
        return None
    day = local_date(first, zone)
    if state.start_hint_day == day:
        return None
    start, end = day_bounds(day, zone)
    began = session.exec(
        select(Shift.id).where(col(Shift.start_utc) >= start, col(Shift.start_utc) < end)
    ).first()
    if began is not None:
        return None
    preferences.save_state(session, replace(state, start_hint_day=day))
    return first
