"""The Today window's data: everything that touches one local day."""

from __future__ import annotations

from datetime import UTC, date, datetime

from wellbeing_app.core.records.day import day_log
from wellbeing_app.core.records.incidents import IncidentDraft, log_incident
from wellbeing_app.core.records.pings import log_ping
from wellbeing_app.core.records.shifts import end_shift, start_shift
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.store.models import Origin
from wellbeing_app.core.time.local_time import parse_time

BERLIN = "Europe/Berlin"
NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)


def at(text: str) -> datetime:
    return parse_time(text, NOW, BERLIN)


def fill(db: Database) -> None:
    with db.write() as session:
        start_shift(session, at=at("2026-03-28T22:00"), now=NOW, zone=BERLIN)
        end_shift(session, at=at("2026-03-29T06:00"), now=NOW)
        for when in (
            "2026-03-28T23:59",
            "2026-03-29T00:00",
            "2026-03-29T23:59",
            "2026-03-30T00:00",
        ):
            log_ping(session, at=at(when), now=NOW, zone=BERLIN, source="slack")
        for when in ("2026-03-29T12:00", "2026-03-30T00:30"):
            draft = IncidentDraft(at=at(when), category="crisis", severity=2)
            log_incident(session, draft, now=NOW, zone=BERLIN, origin=Origin.TRAY)


def test_day_log_on_the_short_dst_day(db: Database) -> None:
    fill(db)
    with db.read() as session:
        log = day_log(session, NOW, BERLIN, date(2026, 3, 29))
    assert log.day == date(2026, 3, 29)
    assert len(log.shifts) == 1  # the night shift reaches into the day
    assert [p.at for p in log.pings] == [at("2026-03-29T00:00"), at("2026-03-29T23:59")]
    # No working hours were set: inside the night shift is work, after it is not judged.
    assert [p.timing for p in log.pings] == ["working hours", "not judged: no working hours set"]
    assert [i.at for i in log.incidents] == [at("2026-03-29T12:00")]


def test_day_log_defaults_to_the_local_today(db: Database) -> None:
    fill(db)
    late_evening_utc = datetime(2026, 3, 28, 23, 30, tzinfo=UTC)  # already the 29th in Berlin
    with db.read() as session:
        log = day_log(session, late_evening_utc, BERLIN)
        in_new_york = day_log(session, late_evening_utc, "America/New_York")
    assert log.day == date(2026, 3, 29)
    assert in_new_york.day == date(2026, 3, 28)


def test_an_empty_day(db: Database) -> None:
    fill(db)
    with db.read() as session:
        log = day_log(session, NOW, BERLIN, date(2026, 3, 31))
    assert (log.shifts, log.pings, log.incidents) == ([], [], [])
