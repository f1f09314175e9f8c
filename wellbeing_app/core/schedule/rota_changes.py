"""The rota as the app and the command line change it: each operation one transaction."""

from __future__ import annotations

from datetime import date

from wellbeing_app.core.schedule import rota
from wellbeing_app.core.schedule.rota import RotaEntry
from wellbeing_app.core.schedule.weekly import load_book
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.store.models import Origin
from wellbeing_app.core.time.clock import Clock


class Rota:
    """Dated working windows: add one, clear days, list them."""

    def __init__(self, db: Database, clock: Clock, origin: Origin) -> None:
        self.db = db
        self.clock = clock
        self.origin = origin

    def add(self, day: date, start_minute: int, end_minute: int) -> RotaEntry:
        """In the zone of the schedule in force on ``day`` (the clock's when there is none)."""
        with self.db.write() as session:
            in_force = load_book(session).in_force(day)
            zone = in_force.zone if in_force else self.clock.zone()
            return rota.add_rota(session, day, start_minute, end_minute, zone, self.origin)

    def clear(self, first: date, last: date) -> int:
        with self.db.write() as session:
            return rota.clear_rota(session, first, last)

    def entries(self, first: date | None = None) -> list[RotaEntry]:
        with self.db.read() as session:
            return rota.list_rota(session, first)
