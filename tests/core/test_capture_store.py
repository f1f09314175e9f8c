"""Captured contacts in the store, through the journal: a burst is one contact with its count,
a ping logged by hand just after joins it, pauses and "off" win, the start-of-shift hint is
offered once, and the reminders use what was captured."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import col, select

from tests.schedules import weekdays_9_to_5
from wellbeing_app.core.capture.counting import PauseLength
from wellbeing_app.core.capture.reading import WorkNotification
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.reminders import memory as reminder_state
from wellbeing_app.core.reminders.planner import Reminder, ReminderKind
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.store.models import CapturedPing, Origin, Ping
from wellbeing_app.core.time.clock import FixedClock

BERLIN = ZoneInfo("Europe/Berlin")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=BERLIN).astimezone(UTC)


def seen(source: str, when: datetime, app: str = "Slack") -> WorkNotification:
    return WorkNotification(app, source, when)


@pytest.fixture
def journal(db: Database) -> Journal:
    weekdays_9_to_5(db)
    clock = FixedClock(at("2026-11-18T21:40"), "Europe/Berlin")  # a Wednesday evening
    journal = Journal(db, clock)
    journal.counting.set_on(True)
    return journal


def stored(db: Database) -> list[tuple[str, str, int, str, int]]:
    with db.read() as session:
        rows = session.exec(
            select(Ping, CapturedPing).join(CapturedPing, isouter=True).order_by(col(Ping.at_utc))
        ).all()
        return [
            (
                f"{p.at_utc.astimezone(BERLIN):%H:%M:%S}",
                p.source,
                p.minutes,
                p.origin,
                c.notifications if c else 0,
            )
            for p, c in rows
        ]


def test_a_burst_is_one_contact_and_keeps_its_count(journal: Journal, db: Database) -> None:
    start = at("2026-11-18T21:30")
    burst = [seen("slack", start + timedelta(seconds=50 * n)) for n in range(12)]  # 9 min 10 s
    captured = journal.counting.record([*burst[:5], seen("email", start, "Thunderbird")])
    assert [(p.source, p.origin, p.timing) for p in captured.contacts] == [
        ("slack", "capture", "after hours"),
        ("email", "capture", "after hours"),
    ]
    again = journal.counting.record(burst[5:])  # the same burst, written later
    assert again.contacts == () and again.joined == 7
    later = journal.counting.record([seen("slack", burst[-1].at + timedelta(minutes=3))])
    assert len(later.contacts) == 1
    assert stored(db) == [
        ("21:30:00", "slack", 0, "capture", 12),
        ("21:30:00", "email", 0, "capture", 1),
        ("21:42:10", "slack", 0, "capture", 1),
    ]
    assert journal.counting.today().contacts == 3
    assert journal.counting.today().notifications == 14


def test_the_burst_window_can_be_changed(journal: Journal, db: Database) -> None:
    journal.counting.set_burst_minutes(0)
    start = at("2026-11-18T21:30")
    three = [seen("slack", start + timedelta(seconds=n)) for n in range(3)]
    journal.counting.record(three)
    assert [row[4] for row in stored(db)] == [1, 1, 1]  # each its own contact, counted once


def test_a_ping_logged_by_hand_just_after_joins_the_captured_contact(
    journal: Journal, db: Database
) -> None:
    journal.counting.record(
        [seen("slack", at("2026-11-18T21:36")), seen("slack", at("2026-11-18T21:37"))]
    )
    joined = journal.log_ping("slack", at("2026-11-18T21:40"), minutes=10, note="answered")
    assert (joined.origin, joined.minutes, joined.note) == ("capture", 10, "answered")
    journal.log_ping("Slack", at("2026-11-18T21:41"), minutes=5)
    assert stored(db) == [("21:36:00", "slack", 15, "capture", 2)]
    # Another source, or more than 5 minutes after: a ping of its own.
    journal.log_ping("teams", at("2026-11-18T21:40"))
    journal.log_ping("slack", at("2026-11-18T21:30"))  # 6 minutes before the first
    assert [row[1:4] for row in stored(db)] == [
        ("slack", 0, "tray"),
        ("slack", 15, "capture"),
        ("teams", 0, "tray"),
    ]


def test_nothing_is_counted_while_off_or_paused(journal: Journal, db: Database) -> None:
    journal.counting.set_on(False)
    assert journal.counting.record([seen("slack", at("2026-11-18T21:39"))]).contacts == ()
    journal.counting.set_on(True)
    until = journal.counting.pause(PauseLength.HOUR)
    assert until == at("2026-11-18T22:40")
    assert journal.counting.record([seen("slack", at("2026-11-18T21:39"))]).contacts == ()
    assert journal.counting.state().paused_until == until
    journal.counting.resume()
    assert len(journal.counting.record([seen("slack", at("2026-11-18T21:39"))]).contacts) == 1
    journal.counting.pause(PauseLength.TOMORROW)
    assert journal.counting.state().paused_until == at("2026-11-19T09:00")
    journal.counting.set_on(False)  # off ends the pause: on again starts afresh
    assert journal.counting.state().paused_until is None


def test_the_start_hint_is_offered_once_a_day_inside_working_hours(db: Database) -> None:
    weekdays_9_to_5(db)
    clock = FixedClock(at("2026-11-18T09:20"), "Europe/Berlin")
    journal = Journal(db, clock)
    journal.counting.set_on(True)
    early = journal.counting.record([seen("slack", at("2026-11-18T08:40"))])
    assert early.start_hint is None  # before working hours
    first = journal.counting.record(
        [seen("email", at("2026-11-18T09:12")), seen("slack", at("2026-11-18T09:08"))]
    )
    assert first.start_hint == at("2026-11-18T09:08")
    assert journal.counting.record([seen("teams", at("2026-11-18T09:15"))]).start_hint is None
    clock.advance(days=1)  # the next day: offered again, once
    assert journal.counting.record([seen("slack", at("2026-11-19T09:10"))]).start_hint == at(
        "2026-11-19T09:10"
    )


def test_no_start_hint_with_a_shift_running_or_begun_that_day(db: Database) -> None:
    weekdays_9_to_5(db)
    clock = FixedClock(at("2026-11-18T12:00"), "Europe/Berlin")
    journal = Journal(db, clock)
    journal.counting.set_on(True)
    journal.add_shift(at("2026-11-18T08:00"), at("2026-11-18T10:00"))
    assert journal.counting.record([seen("slack", at("2026-11-18T11:00"))]).start_hint is None
    journal.start_shift(at("2026-11-18T11:30"))
    assert journal.counting.record([seen("slack", at("2026-11-18T11:50"))]).start_hint is None


def test_a_captured_ping_goes_with_its_ping(journal: Journal, db: Database) -> None:
    (ping,) = journal.counting.record([seen("slack", at("2026-11-18T21:30"))]).contacts
    journal.delete_ping(ping.id)
    with db.read() as session:
        assert session.exec(select(CapturedPing)).all() == []


def after_hours_words(journal: Journal) -> list[Reminder]:
    with journal.db.read() as session:
        plan = reminder_state.plan(
            session, journal.now(), journal.zone(), since=at("2026-11-18T21:00")
        )
    return [r for r in plan if r.kind is ReminderKind.AFTER_HOURS_PING]


def test_the_after_hours_word_offers_to_note_the_minutes(journal: Journal) -> None:
    journal.counting.record([seen("slack", at("2026-11-18T21:30"))])
    (word,) = after_hours_words(journal)
    assert word.at == at("2026-11-18T21:30")
    assert word.actions == ("note_minutes",)
    assert "note the minutes" in word.text
    journal.log_ping("slack", at("2026-11-18T21:35"), minutes=10)  # answered, minutes given
    (word,) = after_hours_words(journal)
    assert word.actions == ()


def test_forgot_to_clock_out_offers_the_last_work_notification(db: Database) -> None:
    weekdays_9_to_5(db)
    clock = FixedClock(at("2026-11-18T19:00"), "Europe/Berlin")
    journal = Journal(db, clock)
    journal.counting.set_on(True)
    journal.start_shift(at("2026-11-18T09:00"))
    journal.counting.record(
        [seen("slack", at("2026-11-18T18:10")), seen("slack", at("2026-11-18T18:12"))]
    )
    (forgot,) = [
        r
        for r in journal.upcoming_reminders(clock.now())
        if r.kind is ReminderKind.FORGOT_CLOCK_OUT
    ]
    assert forgot.at == at("2026-11-18T20:00")
    assert forgot.suggested_end == at("2026-11-18T17:00")
    assert forgot.last_notification == at("2026-11-18T18:12")
    assert forgot.actions == ("end_at_scheduled_end", "end_at_last_notification", "still_working")
    assert "17:00, when it was scheduled to end, or at 18:12" in forgot.text


def test_captured_pings_are_judged_like_any_other(journal: Journal) -> None:
    (ping,) = journal.counting.record([seen("teams", at("2026-11-18T10:00"))]).contacts
    assert ping.timing == "working hours"
    assert ping.origin == Origin.CAPTURE


def test_warming_up_writes_nothing(journal: Journal, db: Database) -> None:
    before = journal.counting.state()
    journal.counting.warm_up()
    assert stored(db) == []
    assert journal.counting.state() == before
