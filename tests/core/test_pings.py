"""Pings: which sources are accepted, and the derived after-hours flag."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from wellbeing_app.core.errors import NotFoundError, ValidationError
from wellbeing_app.core.records.fields import MAX_MINUTES
from wellbeing_app.core.records.pings import (
    MAX_NOTE,
    PingRow,
    check_source,
    delete_ping,
    list_pings,
    log_ping,
    update_ping,
)
from wellbeing_app.core.records.shifts import delete_shift, end_shift, start_shift, update_shift
from wellbeing_app.core.schedule.weekly import save_week
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.store.models import Origin

BERLIN = "Europe/Berlin"
NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)
EVER = (datetime.min.replace(tzinfo=UTC), datetime.max.replace(tzinfo=UTC))


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def ping(db: Database, at: datetime, source: str = "slack", minutes: int = 0) -> PingRow:
    with db.write() as session:
        return log_ping(session, at=at, now=NOW, zone=BERLIN, source=source, minutes=minutes)


def stored(db: Database) -> list[PingRow]:
    with db.read() as session:
        return list_pings(session, *EVER)


def shift(db: Database, start: datetime, end: datetime | None) -> int:
    with db.write() as session:
        row = start_shift(session, at=start, now=NOW, zone=BERLIN)
        if end is not None:
            end_shift(session, at=end, now=NOW)
    return row.id


# --- sources ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source", ["slack", "teams", "email", "phone", "social_dm", "social_mention", "other"]
)
def test_known_sources(source: str) -> None:
    assert check_source(source) == source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("discord", "discord"),
        ("my-app_2", "my-app_2"),
        ("x", "x"),
        ("2fa", "2fa"),
        ("a" * 40, "a" * 40),
        # Typed in a hurry: case and surrounding spaces are forgiven.
        ("Slack", "slack"),
        ("DISCORD", "discord"),
        ("  teams ", "teams"),
    ],
)
def test_app_names_are_accepted_and_normalised(text: str, expected: str) -> None:
    assert check_source(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "my app",
        "slack!",
        "über",
        "-discord",
        "_discord",
        "dis.cord",
        "a/b",
        "a" * 41,
    ],
)
def test_bad_sources_are_refused_naming_the_field(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_source(text)
    assert caught.value.field == "source"
    assert "discord" in caught.value.message  # the message shows what would work


def test_a_refused_source_writes_nothing(db: Database) -> None:
    with pytest.raises(ValidationError), db.write() as session:
        log_ping(session, at=utc(2026, 3, 10, 9), now=NOW, zone=BERLIN, source="my app")
    assert stored(db) == []


# --- logging ------------------------------------------------------------------------------


def test_log_ping_stores_every_field(db: Database) -> None:
    with db.write() as session:
        row = log_ping(
            session,
            at=utc(2026, 3, 10, 21, 15),
            now=NOW,
            zone=BERLIN,
            source="Discord",
            minutes=12,
            note="  boss asked about the launch ",
            origin=Origin.CLI,
        )
    [back] = stored(db)
    assert back == row
    assert (back.at, back.zone, back.source, back.minutes, back.note, back.origin) == (
        utc(2026, 3, 10, 21, 15),
        BERLIN,
        "discord",
        12,
        "boss asked about the launch",
        "cli",
    )


@pytest.mark.parametrize("minutes", [0, 1, MAX_MINUTES])
def test_minutes_in_range(db: Database, minutes: int) -> None:
    assert ping(db, utc(2026, 3, 10, 9), minutes=minutes).minutes == minutes


@pytest.mark.parametrize("minutes", [-1, MAX_MINUTES + 1, True, 2.5])
def test_minutes_out_of_range_are_refused(db: Database, minutes: int) -> None:
    with pytest.raises(ValidationError) as caught:
        ping(db, utc(2026, 3, 10, 9), minutes=minutes)
    assert caught.value.field == "minutes"
    assert stored(db) == []


def test_future_pings_are_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        ping(db, NOW + timedelta(minutes=2))
    assert caught.value.field == "at"
    assert stored(db) == []
    assert ping(db, NOW + timedelta(seconds=50)).at == NOW + timedelta(seconds=50)


def test_note_too_long_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as caught, db.write() as session:
        log_ping(
            session,
            at=utc(2026, 3, 10),
            now=NOW,
            zone=BERLIN,
            source="email",
            note="n" * (MAX_NOTE + 1),
        )
    assert caught.value.field == "note"
    assert stored(db) == []


# --- after hours --------------------------------------------------------------------------


def no_working_hours(db: Database) -> None:
    """Working hours set to none at all (every day off): only shifts make a ping work."""
    with db.write() as session:
        save_week(session, [], "Europe/Berlin", date(2026, 1, 1))


def test_without_any_shift_every_ping_is_after_hours(db: Database) -> None:
    no_working_hours(db)
    assert ping(db, utc(2026, 3, 10, 10)).after_hours is True


def test_before_working_hours_are_set_a_ping_outside_shifts_is_not_judged(db: Database) -> None:
    row = ping(db, utc(2026, 3, 10, 10))
    assert (row.after_hours, row.on_call, row.judged) == (False, False, False)
    assert row.timing == "not judged: no working hours set"


def test_after_hours_is_derived_from_shifts(db: Database) -> None:
    no_working_hours(db)
    shift(db, utc(2026, 3, 10, 8), utc(2026, 3, 10, 16))
    cases = {
        utc(2026, 3, 10, 7, 59): True,  # before the shift
        utc(2026, 3, 10, 8): False,  # the moment it starts
        utc(2026, 3, 10, 12): False,  # inside
        utc(2026, 3, 10, 15, 59, 59): False,  # the last second
        utc(2026, 3, 10, 16): True,  # the moment it ends: the work day is over
        utc(2026, 3, 10, 21): True,  # evening
    }
    for at, after in cases.items():
        assert ping(db, at).after_hours is after, at
    assert [p.after_hours for p in stored(db)] == list(cases.values())


def test_a_running_shift_covers_everything_since_its_start(db: Database) -> None:
    no_working_hours(db)
    shift(db, utc(2026, 3, 10, 8), None)
    assert ping(db, utc(2026, 3, 10, 7)).after_hours is True
    assert ping(db, utc(2026, 3, 10, 23)).after_hours is False
    assert ping(db, NOW).after_hours is False


def test_between_two_shifts_is_after_hours(db: Database) -> None:
    no_working_hours(db)
    shift(db, utc(2026, 3, 10, 8), utc(2026, 3, 10, 12))
    shift(db, utc(2026, 3, 10, 13), utc(2026, 3, 10, 17))
    assert [ping(db, utc(2026, 3, 10, h)).after_hours for h in (11, 12, 13, 16, 17)] == [
        False,
        True,
        False,
        False,
        True,
    ]


def test_after_hours_follows_later_edits_to_shifts(db: Database) -> None:
    # Derived, not stored: correcting a shift re-judges the pings it touches.
    no_working_hours(db)
    late = ping(db, utc(2026, 3, 10, 18))
    shift_id = shift(db, utc(2026, 3, 10, 8), utc(2026, 3, 10, 16))
    assert stored(db)[0].after_hours is True
    with db.write() as session:
        update_shift(
            session,
            shift_id,
            start=utc(2026, 3, 10, 8),
            end=utc(2026, 3, 10, 19),
            note=None,
            now=NOW,
        )
    assert stored(db)[0].after_hours is False
    with db.write() as session:
        delete_shift(session, shift_id)
    [back] = stored(db)
    assert back.id == late.id
    assert back.after_hours is True


# --- editing, deleting, listing ------------------------------------------------------------


def test_update_ping(db: Database) -> None:
    row = ping(db, utc(2026, 3, 10, 9))
    shift(db, utc(2026, 3, 11, 8), utc(2026, 3, 11, 16))
    with db.write() as session:
        updated = update_ping(
            session,
            row.id,
            at=utc(2026, 3, 11, 9),
            now=NOW,
            source="Teams",
            minutes=5,
            note=" x ",
        )
    assert updated.after_hours is False
    assert stored(db) == [updated]
    assert (updated.source, updated.minutes, updated.note) == ("teams", 5, "x")


def test_update_ping_keeps_the_rules(db: Database) -> None:
    row = ping(db, utc(2026, 3, 10, 9), minutes=3)
    for kwargs, field in [
        ({"source": "no way"}, "source"),
        ({"minutes": -1}, "minutes"),
        ({"at": NOW + timedelta(hours=1)}, "at"),
    ]:
        values = {"at": utc(2026, 3, 10, 10), "source": "email", "minutes": 1} | kwargs
        with pytest.raises(ValidationError) as caught, db.write() as session:
            update_ping(session, row.id, now=NOW, note=None, **values)  # type: ignore[arg-type]
        assert caught.value.field == field
    assert stored(db) == [row]


def test_delete_ping(db: Database) -> None:
    gone = ping(db, utc(2026, 3, 10, 9))
    keep = ping(db, utc(2026, 3, 10, 10))
    with db.write() as session:
        delete_ping(session, gone.id)
    assert [p.id for p in stored(db)] == [keep.id]


def test_missing_ping(db: Database) -> None:
    with pytest.raises(NotFoundError), db.write() as session:
        delete_ping(session, 42)
    with pytest.raises(NotFoundError), db.write() as session:
        update_ping(session, 42, at=utc(2026, 3, 10), now=NOW, source="slack", minutes=0, note=None)


def test_list_pings_is_half_open_and_ordered(db: Database) -> None:
    later = ping(db, utc(2026, 3, 10, 12))
    earlier = ping(db, utc(2026, 3, 10, 8))
    at_end = ping(db, utc(2026, 3, 11))
    with db.read() as session:
        day = list_pings(session, utc(2026, 3, 10), utc(2026, 3, 11))
        assert [p.id for p in day] == [earlier.id, later.id]
        assert [p.id for p in list_pings(session, utc(2026, 3, 11), utc(2026, 3, 12))] == [
            at_end.id
        ]
