"""The journal: each everyday operation is one transaction at the clock's now."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from wellbeing_app.core.errors import ConflictError, NotFoundError, ValidationError
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.records.incidents import IncidentDraft
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.store.models import Origin
from wellbeing_app.core.time.clock import FixedClock


@pytest.fixture
def journal(db: Database, clock: FixedClock) -> Journal:
    return Journal(db, clock)


def test_shift_clock_uses_now(journal: Journal, clock: FixedClock) -> None:
    started = journal.start_shift(note="early")
    assert started.start == clock.now()
    assert started.origin == "tray"
    assert journal.running_shift() == started
    clock.advance(hours=7, minutes=30)
    ended = journal.end_shift()
    assert ended.end == clock.now()
    assert ended.length(clock.now()) == timedelta(hours=7, minutes=30)
    assert journal.running_shift() is None
    with pytest.raises(ConflictError):
        journal.end_shift()


def test_a_refused_operation_leaves_the_store_as_it_was(
    journal: Journal, clock: FixedClock
) -> None:
    journal.start_shift()
    with pytest.raises(ValidationError):
        journal.end_shift(at=clock.now() - timedelta(hours=1))
    assert journal.running_shift() is not None
    with pytest.raises(ValidationError):
        journal.log_ping("not a source")
    assert journal.day().pings == []


def test_pings_and_incidents_of_today(journal: Journal, clock: FixedClock) -> None:
    ping = journal.log_ping("slack", minutes=4, note="n")
    assert (ping.after_hours, ping.judged) == (False, False)  # no working hours set yet
    journal.start_shift(at=clock.now() - timedelta(hours=1))
    assert journal.log_ping("teams").after_hours is False
    incident = journal.log_incident(
        IncidentDraft(at=clock.now(), category="harassment", severity=4, details="private")
    )
    assert journal.incident(incident.id).details == "private"
    today = journal.day()
    assert today.day == date(2026, 11, 15)
    assert [p.source for p in today.pings] == ["slack", "teams"]
    assert [p.after_hours for p in today.pings] == [False, False]  # the shift now covers both
    assert [i.id for i in today.incidents] == [incident.id]


def test_edit_and_delete(journal: Journal, clock: FixedClock) -> None:
    now = clock.now()
    shift = journal.start_shift(at=now - timedelta(hours=3))
    shift = journal.update_shift(shift.id, now - timedelta(hours=4), now - timedelta(hours=1), "x")
    assert shift.note == "x"
    ping = journal.log_ping("email")
    ping = journal.update_ping(ping.id, now - timedelta(hours=2), "phone", 10, None)
    assert (ping.source, ping.minutes, ping.after_hours) == ("phone", 10, False)
    incident = journal.log_incident(IncidentDraft(at=now, category="crisis", severity=1))
    incident = journal.update_incident(
        incident.id, IncidentDraft(at=now, category="threats", severity=5)
    )
    assert incident.category == "threats"
    journal.delete_shift(shift.id)
    journal.delete_ping(ping.id)
    journal.delete_incident(incident.id)
    today = journal.day()
    assert (today.shifts, today.pings, today.incidents) == ([], [], [])
    with pytest.raises(NotFoundError):
        journal.incident(incident.id)


def test_corrections_change_the_fields_named_and_keep_the_rest(
    journal: Journal, clock: FixedClock
) -> None:
    now = clock.now()
    shift = journal.add_shift(now - timedelta(hours=9), now - timedelta(hours=1), "late")
    assert journal.shift(shift.id) == shift
    before, after = journal.correct_shift(shift.id, start=now - timedelta(hours=8), note="")
    assert before == shift
    assert (after.start, after.end, after.note) == (now - timedelta(hours=8), shift.end, None)
    with pytest.raises(ValidationError) as late:  # the rules still hold; nothing is changed
        journal.correct_shift(shift.id, end=now - timedelta(hours=9))
    assert late.value.field == "end"
    assert journal.shift(shift.id) == after

    journal.set_schedule([6], 9 * 60, 17 * 60, None, date(2026, 11, 1))  # Sundays 9-17
    ping = journal.log_ping("slack", at=now - timedelta(hours=12), note="n")  # 01:00: after
    assert ping.after_hours
    old, new = journal.correct_ping(ping.id, at=now - timedelta(hours=1), minutes=3)
    assert old == ping
    assert (new.source, new.minutes, new.note, new.after_hours) == ("slack", 3, "n", False)

    incident = journal.log_incident(
        IncidentDraft(at=now, category="crisis", severity=2, platform="x", details="private")
    )
    old_incident, changed = journal.correct_incident(incident.id, severity=5, details="")
    assert old_incident == incident
    assert (changed.severity, changed.platform, changed.details) == (5, "x", None)

    for missing in (journal.shift, journal.ping, journal.incident):
        with pytest.raises(NotFoundError):
            missing(999)
    with pytest.raises(NotFoundError):
        journal.correct_ping(999, minutes=1)


def test_set_schedule_keeps_the_zone_in_force_or_takes_the_clocks(
    journal: Journal, clock: FixedClock
) -> None:
    first = journal.set_schedule([0], 540, 1020, None, date(2026, 3, 2))
    assert first.version.zone == clock.zone()
    journal.set_schedule([1], 540, 1020, "Asia/Tokyo", date(2026, 3, 9))
    kept = journal.set_schedule([2], 540, 1020, None, date(2026, 3, 16))
    assert kept.version.zone == "Asia/Tokyo"


def test_origin_is_recorded(db: Database, clock: FixedClock) -> None:
    journal = Journal(db, clock, origin=Origin.CAPTURE)
    assert journal.log_ping("discord").origin == "capture"


def test_settings(journal: Journal) -> None:
    assert journal.setting("language", "en") == "en"
    journal.set_setting("language", "de")
    assert journal.setting("language") == "de"


def test_clock_zone_decides_the_day(db: Database) -> None:
    clock = FixedClock(datetime(2026, 3, 28, 23, 30, tzinfo=UTC), "Europe/Berlin")
    journal = Journal(db, clock)
    assert journal.zone() == "Europe/Berlin"
    assert journal.day().day == date(2026, 3, 29)
