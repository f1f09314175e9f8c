"""What the reminder planner needs from the store, and what it remembers between runs.

The remembered part (delivered reminders, a snooze, the evening's after-hours word, when the
plan was last checked) lives in the settings table as JSON, so a restart can catch up without
repeating itself.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from wellbeing_app.core.capture.contacts import last_notification
from wellbeing_app.core.records.shifts import running_shift
from wellbeing_app.core.reflection.who5 import last_checkin_day
from wellbeing_app.core.reminders.planner import (
    RecentEvents,
    Reminder,
    ReminderKind,
    ReminderSettings,
    plan_reminders,
)
from wellbeing_app.core.schedule.after_hours import prepare
from wellbeing_app.core.schedule.weekly import Interval, load_book, load_on_call
from wellbeing_app.core.store.models import Origin, Ping, Shift
from wellbeing_app.core.store.settings import get_setting, set_setting

SETTINGS_KEY = "reminders"
STATE_KEY = "reminders.state"
KEEP_DELIVERED = timedelta(days=2)
LOOK_BACK = timedelta(hours=36)


@dataclass(frozen=True)
class RemindersState:
    delivered: dict[str, datetime]
    snoozed_until: datetime | None = None
    after_hours_word_given: datetime | None = None
    checked_until: datetime | None = None

    @classmethod
    def load(cls, session: Session) -> RemindersState:
        raw = get_setting(session, STATE_KEY, {})
        raw = raw if isinstance(raw, dict) else {}
        delivered = raw.get("delivered", {})
        return cls(
            delivered={
                k: t
                for k, v in (delivered if isinstance(delivered, dict) else {}).items()
                if (t := _instant(v)) is not None
            },
            snoozed_until=_instant(raw.get("snoozed_until")),
            after_hours_word_given=_instant(raw.get("after_hours_word_given")),
            checked_until=_instant(raw.get("checked_until")),
        )

    def save(self, session: Session, now: datetime) -> None:
        delivered = {k: t for k, t in self.delivered.items() if now - t <= KEEP_DELIVERED}
        set_setting(
            session,
            STATE_KEY,
            {
                "delivered": {k: t.isoformat() for k, t in delivered.items()},
                "snoozed_until": _iso(self.snoozed_until),
                "after_hours_word_given": _iso(self.after_hours_word_given),
                "checked_until": _iso(self.checked_until),
            },
        )


def load_settings(session: Session) -> ReminderSettings:
    return ReminderSettings.from_json(get_setting(session, SETTINGS_KEY, {}))


def save_settings(session: Session, settings: ReminderSettings) -> None:
    set_setting(session, SETTINGS_KEY, settings.to_json())


def plan(
    session: Session, now: datetime, zone: str, since: datetime | None = None
) -> list[Reminder]:
    """The plan from the store's current state (one read transaction)."""
    start = min(since or now, now) - timedelta(days=1)
    book = load_book(session)
    book.on_call = load_on_call(session, start, now + timedelta(days=2))
    shift = running_shift(session)
    state = RemindersState.load(session)
    recent = [
        Interval(s.start_utc, s.end_utc)
        for s in session.exec(
            select(Shift).where(col(Shift.end_utc) > now - LOOK_BACK, col(Shift.end_utc) <= now)
        ).all()
        if s.end_utc is not None
    ]
    last_ping = _last_after_hours_ping(session, now - timedelta(hours=12), now)
    events = RecentEvents(
        snoozed_until=state.snoozed_until,
        last_after_hours_ping=last_ping[0] if last_ping else None,
        after_hours_ping_captured=bool(
            last_ping and last_ping[1] == Origin.CAPTURE and not last_ping[2]
        ),
        last_work_notification=(
            last_notification(session, shift.start, now) if shift is not None else None
        ),
        after_hours_word_given=state.after_hours_word_given,
        recent_shifts=tuple(recent),
        last_checkin=last_checkin_day(session),
        delivered=frozenset(state.delivered),
    )
    return plan_reminders(
        book, shift.start if shift else None, load_settings(session), events, now, zone, since
    )


def _last_after_hours_ping(
    session: Session, start: datetime, end: datetime
) -> tuple[datetime, str, int] | None:
    """The latest ping after hours in [start, end): its time, origin and minutes. Judged in SQL
    and read alone, since a burst of captured pings can make the evening a long list."""
    in_range = (col(Ping.at_utc) >= start, col(Ping.at_utc) < end)
    if session.exec(select(Ping.id).where(*in_range).limit(1)).first() is None:
        return None
    verdicts = prepare(session, start, end)
    row = session.exec(
        select(Ping.at_utc, Ping.origin, Ping.minutes)
        .where(*in_range, verdicts.after_hours)
        .order_by(col(Ping.at_utc).desc(), col(Ping.id).desc())
        .limit(1)
    ).first()
    return (row[0], row[1], row[2]) if row is not None else None


def mark_delivered(session: Session, reminders: list[Reminder], now: datetime) -> None:
    """Remember what was shown (and the evening's after-hours word) so it is not repeated."""
    state = RemindersState.load(session)
    delivered = dict(state.delivered) | {r.key: r.at for r in reminders}
    words = [r.at for r in reminders if r.kind is ReminderKind.AFTER_HOURS_PING]
    word = max(words) if words else state.after_hours_word_given
    replace(state, delivered=delivered, after_hours_word_given=word).save(session, now)


def mark_checked(session: Session, now: datetime) -> None:
    """The plan was acted on up to ``now``: a restart catches up from here."""
    replace(RemindersState.load(session), checked_until=now).save(session, now)


def snooze(session: Session, until: datetime, now: datetime) -> None:
    replace(RemindersState.load(session), snoozed_until=until).save(session, now)


def _instant(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None
