"""The tables: shifts worked, pings that reached the user, incidents absorbed, and settings.

Instants are stored in UTC (SQLModel hands them back as aware UTC datetimes) next to the IANA
zone in force when they were recorded; local dates are derived with zoneinfo, never with
fixed offsets.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Index, false, text
from sqlmodel import Field, SQLModel


class Origin(StrEnum):
    """How a row came to be."""

    TRAY = "tray"
    CLI = "cli"
    IMPORT = "import"
    SCHEDULE = "schedule"
    CAPTURE = "capture"


class Shift(SQLModel, table=True):
    """A stretch of work. ``end_utc`` is empty while the shift is running."""

    __table_args__ = (
        CheckConstraint("end_utc IS NULL OR end_utc > start_utc", name="ck_shift_end_after_start"),
        # At most one open shift, enforced by the database too (every open row maps to 1).
        Index(
            "ux_shift_one_open",
            text("(end_utc IS NULL)"),
            unique=True,
            sqlite_where=text("end_utc IS NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    start_utc: datetime = Field(index=True)
    end_utc: datetime | None = Field(default=None, index=True)
    zone: str
    note: str | None = None
    origin: str = Field(default=Origin.TRAY.value)


class Ping(SQLModel, table=True):
    """A work contact that reached the user: when, through what, and what it cost."""

    __table_args__ = (CheckConstraint("minutes >= 0", name="ck_ping_minutes"),)

    id: int | None = Field(default=None, primary_key=True)
    at_utc: datetime = Field(index=True)
    zone: str
    source: str
    minutes: int = 0
    note: str | None = None
    origin: str = Field(default=Origin.TRAY.value)


class CapturedPing(SQLModel, table=True):
    """A ping counted from desktop notifications (origin ``capture``): how many notifications
    it stands for (a burst of one source is one contact) and when the latest came. Goes with
    its ping."""

    __tablename__ = "captured_ping"
    __table_args__ = (CheckConstraint("notifications >= 1", name="ck_captured_notifications"),)

    ping_id: int = Field(foreign_key="ping.id", ondelete="CASCADE", primary_key=True)
    notifications: int = 1
    last_utc: datetime = Field(index=True)


class Incident(SQLModel, table=True):
    """A stressful incident absorbed for the brand. ``details`` is private to the user."""

    __table_args__ = (
        CheckConstraint("severity BETWEEN 1 AND 5", name="ck_incident_severity"),
        CheckConstraint("minutes >= 0", name="ck_incident_minutes"),
    )

    id: int | None = Field(default=None, primary_key=True)
    at_utc: datetime = Field(index=True)
    zone: str
    category: str
    severity: int
    platform: str | None = None
    minutes: int = 0
    summary: str = ""
    details: str | None = None
    resolved_at_utc: datetime | None = None
    origin: str = Field(default=Origin.TRAY.value)
    # It followed a decision made against the user's advice, given on ``advised_on`` (a local
    # date, when the user recorded it).
    against_advice: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    advised_on: date | None = None


class Setting(SQLModel, table=True):
    """One preference: a key and its JSON-encoded value."""

    key: str = Field(primary_key=True)
    value: str


class ScheduleVersion(SQLModel, table=True):
    """The weekly schedule in force from ``effective_from`` (a local date) until the next one."""

    __tablename__ = "schedule_version"

    id: int | None = Field(default=None, primary_key=True)
    effective_from: date = Field(unique=True, index=True)
    zone: str


class ScheduleWindow(SQLModel, table=True):
    """One working window on a weekday (0 = Monday), in minutes after local midnight.

    An end at or before the start means the window runs past midnight into the next day.
    """

    __tablename__ = "schedule_window"
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="ck_window_weekday"),
        CheckConstraint("start_minute BETWEEN 0 AND 1439", name="ck_window_start"),
        CheckConstraint("end_minute BETWEEN 0 AND 1439", name="ck_window_end"),
    )

    id: int | None = Field(default=None, primary_key=True)
    version_id: int = Field(foreign_key="schedule_version.id", ondelete="CASCADE", index=True)
    weekday: int
    start_minute: int
    end_minute: int


class ImportBatch(SQLModel, table=True):
    """One calendar brought in: what its events became (``used_as``: rota, oncall or days-off),
    from which file, over which days. Its rows go with it (``import undo``)."""

    __tablename__ = "import_batch"

    id: int | None = Field(default=None, primary_key=True)
    used_as: str
    file_name: str
    calendar_name: str | None = None
    match: str | None = None
    first_day: date
    last_day: date
    imported_utc: datetime
    updated_utc: datetime


class RotaWindow(SQLModel, table=True):
    """Planned working time for one local ``day``, in place of the weekly pattern on that day.

    Kept as instants (a night across a DST change is as long as it really is) with the zone it
    was planned in. An imported one names its batch and its event (``uid`` and the occurrence's
    ``recurrence_id``, empty for a single event), so importing again updates it.
    """

    __tablename__ = "rota_window"
    __table_args__ = (CheckConstraint("end_utc > start_utc", name="ck_rota_order"),)

    id: int | None = Field(default=None, primary_key=True)
    day: date = Field(index=True)
    start_utc: datetime = Field(index=True)
    end_utc: datetime
    zone: str
    origin: str = Field(default=Origin.CLI.value)
    batch_id: int | None = Field(
        default=None, foreign_key="import_batch.id", ondelete="CASCADE", index=True
    )
    uid: str | None = None
    recurrence_id: str | None = None


class DayOff(SQLModel, table=True):
    """Local dates off work, both ends inclusive (from a calendar: its batch and event)."""

    __tablename__ = "day_off"
    __table_args__ = (CheckConstraint("last_day >= first_day", name="ck_day_off_order"),)

    id: int | None = Field(default=None, primary_key=True)
    first_day: date = Field(index=True)
    last_day: date = Field(index=True)
    note: str | None = None
    batch_id: int | None = Field(
        default=None, foreign_key="import_batch.id", ondelete="CASCADE", index=True
    )
    uid: str | None = None
    recurrence_id: str | None = None


class OnCall(SQLModel, table=True):
    """A stretch of time during which after-hours contact is expected (and counted apart)."""

    __tablename__ = "on_call"
    __table_args__ = (CheckConstraint("end_utc > start_utc", name="ck_on_call_order"),)

    id: int | None = Field(default=None, primary_key=True)
    start_utc: datetime = Field(index=True)
    end_utc: datetime = Field(index=True)
    zone: str
    note: str | None = None
    origin: str = Field(default=Origin.CLI.value)
    batch_id: int | None = Field(
        default=None, foreign_key="import_batch.id", ondelete="CASCADE", index=True
    )
    uid: str | None = None
    recurrence_id: str | None = None


class Reflection(SQLModel, table=True):
    """One local day's end-of-day reflection (or the note that it was skipped). Private."""

    __table_args__ = (
        CheckConstraint("skipped OR mood BETWEEN 1 AND 5", name="ck_reflection_mood"),
        CheckConstraint("skipped OR energy BETWEEN 1 AND 5", name="ck_reflection_energy"),
        CheckConstraint("skipped OR stress BETWEEN 0 AND 10", name="ck_reflection_stress"),
    )

    id: int | None = Field(default=None, primary_key=True)
    day: date = Field(unique=True, index=True)
    zone: str
    mood: int | None = None
    energy: int | None = None
    stress: int | None = None
    detachment: int | None = None
    went_well: str | None = None
    leave_at_work: str | None = None
    tonight: str | None = None
    skipped: bool = False
    saved_utc: datetime


class HandoffItem(SQLModel, table=True):
    """Something left at work at the end of a day, to tick off when the next shift starts."""

    __tablename__ = "handoff_item"

    id: int | None = Field(default=None, primary_key=True)
    day: date = Field(index=True)
    text: str
    done_utc: datetime | None = None


class Checkin(SQLModel, table=True):
    """A WHO-5 Well-Being Index check-in: five answers 0-5 about the last two weeks. Private."""

    __table_args__ = (
        CheckConstraint(
            "item1 BETWEEN 0 AND 5 AND item2 BETWEEN 0 AND 5 AND item3 BETWEEN 0 AND 5 "
            "AND item4 BETWEEN 0 AND 5 AND item5 BETWEEN 0 AND 5",
            name="ck_checkin_items",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    day: date = Field(index=True)
    zone: str
    item1: int
    item2: int
    item3: int
    item4: int
    item5: int
    saved_utc: datetime
