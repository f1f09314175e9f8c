"""Bringing in a calendar as the app and the command line do it: read the file (bounded, before
any transaction), plan against the store, and write the plan in one transaction unless it is a
dry run or a preview."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from wellbeing_app.core.imports import calendar_batches as batches
from wellbeing_app.core.imports.calendar_batches import BatchInfo, CalendarPlan
from wellbeing_app.core.imports.calendar_file import CalendarRead, read_calendar
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.time.clock import Clock
from wellbeing_app.core.time.local_time import in_zone

DEFAULT_REACH = timedelta(days=365)  # --from and --to default to a year either side of today


class CalendarImports:
    """Calendar files as rota, on-call periods or days off, kept as batches."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def default_range(self) -> tuple[date, date]:
        today = in_zone(self.clock.now(), self.clock.zone()).date()
        return today - DEFAULT_REACH, today + DEFAULT_REACH

    def read(
        self, path: Path, name: str, first: date, last: date, match: str | None
    ) -> CalendarRead:
        return read_calendar(
            path, name, first=first, last=last, zone=self.clock.zone(), match=match or None
        )

    def plan(
        self, read: CalendarRead, used_as: str, file_name: str, first: date, last: date,
        match: str | None,
    ) -> CalendarPlan:  # fmt: skip
        """What bringing ``read`` in would do; nothing is written."""
        with self.db.read() as session:
            return batches.plan_import(
                session, read, used_as=used_as, file_name=file_name, first=first, last=last,
                match=match or None, zone=self.clock.zone(),
            )  # fmt: skip

    def bring_in(
        self, read: CalendarRead, used_as: str, file_name: str, first: date, last: date,
        match: str | None,
    ) -> CalendarPlan:  # fmt: skip
        """Plans and writes in one transaction (the plan is made again under the write lock)."""
        with self.db.write() as session:
            plan = batches.plan_import(
                session, read, used_as=used_as, file_name=file_name, first=first, last=last,
                match=match or None, zone=self.clock.zone(),
            )  # fmt: skip
            if plan.kept or plan.updating:
                batches.write_plan(session, plan, self.clock.zone(), self.clock.now())
            return plan

    def undo(self, batch_id: int) -> BatchInfo:
        with self.db.write() as session:
            return batches.undo_batch(session, batch_id)

    def batches(self) -> list[BatchInfo]:
        with self.db.read() as session:
            return batches.list_batches(session)
