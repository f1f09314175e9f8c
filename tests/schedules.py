"""The schedule most tests assume: Monday to Friday, 09:00-17:00, Berlin."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from wellbeing_app.core.schedule.weekly import set_schedule
from wellbeing_app.core.store.database import Database

BERLIN = "Europe/Berlin"


def weekdays_9_to_5_in(session: Session, since: date = date(2026, 1, 5)) -> None:
    set_schedule(
        session,
        days=[0, 1, 2, 3, 4],
        start_minute=9 * 60,
        end_minute=17 * 60,
        zone=BERLIN,
        effective_from=since,
    )


def weekdays_9_to_5(db: Database, since: date = date(2026, 1, 5)) -> None:
    with db.write() as session:
        weekdays_9_to_5_in(session, since)
