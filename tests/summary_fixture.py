"""A hand-built fortnight with figures worked out by hand, for the summary tests: a DST week, a
shift across midnight, an on-call evening and a short rest, with a secret planted in every
private text the app holds.

Berlin, scheduled Monday to Friday 09:00-17:00. The period is 19 October - 1 November 2026;
Sunday 25 October has 25 hours (clocks go back).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from tests.schedules import weekdays_9_to_5_in
from wellbeing_app.core.records.incidents import IncidentDraft, log_incident
from wellbeing_app.core.records.pings import log_ping
from wellbeing_app.core.records.shifts import end_shift, start_shift
from wellbeing_app.core.reflection.reflections import ReflectionDraft, save_reflection
from wellbeing_app.core.reflection.who5 import save_checkin
from wellbeing_app.core.schedule.weekly import add_on_call
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.store.models import Origin
from wellbeing_app.core.time.periods import Period

BERLIN = "Europe/Berlin"
NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)
PERIOD = Period(date(2026, 10, 19), date(2026, 11, 1))
SECRET = "TOPSECRET-7d1f"

# Hand-computed figures for PERIOD.
HOURS_WORKED = 8 + 12 + 10.5 + 25  # Mon; Tue day + evening; Wed 2 h after midnight + 8.5; Sun
HOURS_SCHEDULED = 80.0  # ten weekdays of 8 h
OVERTIME = 4 + 2.5 + 25  # Tue 12 - 8, Wed 10.5 - 8, Sunday (not a workday) 25
WEEK_ONE_WORKED = HOURS_WORKED


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(BERLIN)).astimezone(UTC)


def fill(db: Database) -> None:
    with db.write() as session:
        weekdays_9_to_5_in(session)
        for start, end in (
            ("2026-10-19T09:00", "2026-10-19T17:00"),
            ("2026-10-20T09:00", "2026-10-20T17:00"),
            ("2026-10-20T20:00", "2026-10-21T02:00"),  # back for a crisis, across midnight
            ("2026-10-21T09:00", "2026-10-21T17:30"),  # 7 h after 02:00: a short rest
            ("2026-10-25T00:00", "2026-10-26T00:00"),  # the 25-hour Sunday
        ):
            start_shift(session, at=local(start), now=NOW, zone=BERLIN, note=SECRET)
            end_shift(session, at=local(end), now=NOW)
        add_on_call(session, local("2026-10-22T18:00"), local("2026-10-22T23:00"), BERLIN)
        for at, source, minutes in (
            ("2026-10-22T19:00", "phone", 20),  # on call
            ("2026-10-22T23:30", "slack", 7),  # after hours
            ("2026-10-23T11:00", "email", 5),  # working hours
        ):
            log_ping(
                session,
                at=local(at),
                now=NOW,
                zone=BERLIN,
                source=source,
                minutes=minutes,
                note=SECRET,
            )
        for at, category, severity, minutes in (
            ("2026-10-20T21:00", "crisis", 5, 60),  # during the evening shift
            ("2026-10-26T10:00", "harassment", 2, 15),
        ):
            draft = IncidentDraft(
                at=local(at),
                category=category,
                severity=severity,
                minutes=minutes,
                summary=f"summary {SECRET}",
                details=f"details {SECRET}",
                # The crisis followed a decision made against the user's advice.
                against_advice=category == "crisis",
                advised_on=date(2026, 10, 19) if category == "crisis" else None,
            )
            log_incident(session, draft, now=NOW, zone=BERLIN, origin=Origin.CLI)
        for day, mood, stress in ((20, 2, 8), (21, 3, 6)):
            draft = ReflectionDraft(
                day=date(2026, 10, day),
                mood=mood,
                energy=3,
                stress=stress,
                went_well=SECRET,
                leave_at_work=f"hand-off {SECRET}",
                tonight=SECRET,
            )
            save_reflection(session, draft, zone=BERLIN, now=NOW)
        save_checkin(session, [3, 2, 2, 3, 3], day=date(2026, 10, 30), zone=BERLIN, now=NOW)
