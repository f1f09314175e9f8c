"""What a period's figures can speak for, in words shared by the dashboard, its cards and the
summaries: whether working hours were set over the period (nothing is after hours before they
were, and no day a workday or a day off), and whether the previous period holds any data, so
that no change is ever stated from zeros that only mean "nothing logged yet".

Also the one cheap query behind the second: the first day anything was logged.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from wellbeing_app.core.language import N_, _, formats, ngettext
from wellbeing_app.core.store.models import Checkin, Incident, Ping, Reflection, Shift
from wellbeing_app.core.time.local_time import local_date
from wellbeing_app.core.workload.figures import Figure
from wellbeing_app.core.workload.loads import Coverage

SET_HOURS_COMMAND = "wellbeing-app schedule set --days mon-fri --start 09:00 --end 17:00"


class Unstated(StrEnum):
    """Why the change of a figure on the previous period is not stated (the values English,
    ``said`` and ``short`` in the language in use)."""

    NO_EARLIER_DATA = N_("no earlier data to compare")  # the previous period is before any record
    HOURS_NOT_SET = N_("working hours not set")  # an after-hours figure of a period without them
    HOURS_NOT_SET_THEN = N_("working hours not set then")  # ... of a previous period without them

    @property
    def said(self) -> str:
        """As a card says it."""
        return _(self.value)

    @property
    def short(self) -> str:
        """As a table's Change cell says it."""
        return _("no earlier data") if self is Unstated.NO_EARLIER_DATA else self.said


def unstated(
    figure: Figure, *, previous_has_data: bool, hours_set: bool, previous_judged: bool
) -> Unstated | None:
    """Why the change of ``figure`` is not stated, or None when it is: a figure counted against
    working hours means nothing in a period without them, a previous period with no data is no
    baseline for anything, and a figure counted against working hours compares only when they
    were set all through the previous period."""
    if figure.against_hours and not hours_set:
        return Unstated.HOURS_NOT_SET
    if not previous_has_data:
        return Unstated.NO_EARLIER_DATA
    if figure.against_hours and not previous_judged:
        return Unstated.HOURS_NOT_SET_THEN
    return None


def unstated_for(figure: Figure, coverage: Coverage) -> Unstated | None:
    return unstated(
        figure,
        previous_has_data=coverage.previous_has_data,
        hours_set=coverage.hours_set,
        previous_judged=coverage.previous_judged,
    )


def working_hours_sentence(coverage: Coverage) -> str:
    """What working hours cover of the period, when it is not all of it ("" when they were set
    before it began)."""
    period, since = coverage.period, coverage.hours_set_from
    if since is None:
        return _(
            "Working hours are not set, so no contact counts as after hours, and no day as a "
            "workday or a day off."
        )
    if since > period.end:
        return _(
            "Working hours were first set on {date}, after this period, so in it no contact "
            "counts as after hours, and no day as a workday or a day off."
        ).format(date=day_text(since))
    if since > period.start:
        return ngettext(
            "Working hours were set from {date}: after-hours figures cover {judged} of the "
            "{count} day in this period.",
            "Working hours were set from {date}: after-hours figures cover {judged} of the "
            "{count} days in this period.",
            period.days,
        ).format(
            date=day_text(since),
            judged=formats.number(coverage.days_judged),
            count=formats.number(period.days),
        )
    return ""


def working_hours_notice(coverage: Coverage) -> str:
    """``working_hours_sentence``, with how to set working hours when they never were."""
    said = working_hours_sentence(coverage)
    if not said or coverage.hours_set_from is not None:
        return said
    # TRANSLATORS: {command} is a command line, typed as it stands.
    how = _("Set them in Settings… in the tray, or with: {command}")
    return f"{said} {how.format(command=SET_HOURS_COMMAND)}"


def no_earlier_data_sentence(first_record: date | None) -> str:
    """The key finding that replaces the changes when the previous period holds no data."""
    if first_record is None:
        return _("No earlier data to compare: nothing is logged yet.")
    return _("No earlier data to compare: the log begins on {date}.").format(
        date=day_text(first_record)
    )


def day_text(day: date) -> str:
    """``18 Nov 2026`` (``18 lis 2026`` in Polish)."""
    return f"{formats.short_date(day)} {day.year}"


def first_record(session: Session, zone: str) -> date | None:
    """The local day of the first shift, ping, incident, reflection or check-in (None: none
    yet). One indexed MIN per table."""
    firsts = (
        select(func.min(col(Shift.start_utc))).scalar_subquery(),
        select(func.min(col(Ping.at_utc))).scalar_subquery(),
        select(func.min(col(Incident.at_utc))).scalar_subquery(),
        select(func.min(col(Reflection.day))).scalar_subquery(),
        select(func.min(col(Checkin.day))).scalar_subquery(),
    )
    *instants, reflected, checked = session.connection().execute(select(*firsts)).one()
    days = [local_date(_aware(at), zone) for at in instants if at is not None]
    days += [_day(d) for d in (reflected, checked) if d is not None]
    return min(days, default=None)


def _aware(value: Any) -> datetime:
    """An instant as read back: a datetime, naive in UTC, or the stored text."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
