"""Checks of one member's summary file, field by field, as input from elsewhere: every figure a
finite number a period can hold (hours no more than the period's hours; counts and minutes at
most ``MAX_PER_DAY`` a day), dates ISO dates, weeks weeks of the period. A problem names the
file and the field (as it is written in the file, untranslated)."""

from __future__ import annotations

import json
import math
from datetime import date, timedelta
from typing import Any, NoReturn

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.language import _, formats
from wellbeing_app.core.reports.document import FigureValues
from wellbeing_app.core.time.periods import Period
from wellbeing_app.core.vocabulary import SEVERITIES
from wellbeing_app.core.workload.figures import AGAINST_ADVICE, FIGURES, WEEKLY, Figure, Unit

WEEKLY_FIELDS = tuple(figure for figure in WEEKLY if not figure.opt_in)
SEVERITY_KEYS = tuple(str(s) for s in SEVERITIES)
MAX_PER_DAY = 100_000  # a count or minutes above this many a day is no real figure
FIRST_DAY, LAST_DAY = date(1970, 1, 1), date(2199, 12, 31)  # periods a summary can cover


def refuse(name: str, problem: str) -> NoReturn:
    """A problem with the member's file ``name``."""
    raise ValidationError(name, problem)


class Checker:
    """Checks the fields of one member's summary; a problem names the file and the field."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.period = Period(FIRST_DAY, FIRST_DAY)  # set once read: figures are held to it

    def fail(self, problem: str) -> NoReturn:
        refuse(self.name, problem)

    def field(self, parent: dict[str, Any], key: str, where: str) -> Any:
        if key not in parent:
            self.fail(_("{field} is missing").format(field=f"{where}{key}"))
        return parent[key]

    def object(self, parent: dict[str, Any], key: str, where: str = "") -> dict[str, Any]:
        value = self.field(parent, key, where)
        if not isinstance(value, dict):
            self.fail(
                _("{field} must be a JSON object, got {value}").format(
                    field=f"{where}{key}", value=as_written(value)
                )
            )
        return value

    def day(self, parent: dict[str, Any], key: str, where: str) -> date:
        value = self.field(parent, key, where)
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            self.fail(
                _("{field} must be a date (YYYY-MM-DD), got {value}").format(
                    field=f"{where}{key}", value=as_written(value)
                )
            )

    def count(self, value: Any, where: str, days: int | None = None) -> int:
        """A whole number from 0 to MAX_PER_DAY a day (of the period, or of ``days``)."""
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.fail(
                _("{field} must be a whole number of at least 0, got {value}").format(
                    field=where, value=as_written(value)
                )
            )
        most = MAX_PER_DAY * (self.period.days if days is None else days)
        if value > most:
            self.fail(
                _("{field} is {value}, more than {most} a day; not a real figure").format(
                    field=where, value=formats.number(value), most=formats.number(MAX_PER_DAY)
                )
            )
        return value

    def flag(self, parent: dict[str, Any], key: str) -> bool:
        """A true/false key added within schema version 1: true when the file has none."""
        value = parent.get(key, True)
        if not isinstance(value, bool):
            self.fail(
                _("{field} must be true or false, got {value}").format(
                    field=key, value=as_written(value)
                )
            )
        return value

    def previous_judged(self, document: dict[str, Any], start: date, end: date) -> bool:
        """Whether working hours were set all through the period before ``start``..``end``,
        from ``working_hours_set_from`` (a file without it: as if they were)."""
        if "working_hours_set_from" not in document:
            return True
        if document["working_hours_set_from"] is None:
            return False
        since = self.day(document, "working_hours_set_from", "")
        return since <= Period(start, end).previous().start

    def hours(self, value: Any, where: str, days: int | None = None) -> float:
        """Hours from 0 to the hours of the period (or of ``days``)."""
        number_type = isinstance(value, int | float) and not isinstance(value, bool)
        if not number_type or not math.isfinite(value) or value < 0:
            self.fail(
                _("{field} must be a number of hours of at least 0, got {value}").format(
                    field=where, value=as_written(value)
                )
            )
        most = 24 * (self.period.days if days is None else days)
        if value > most:
            self.fail(
                _("{field} is {value} hours, more than the {most} hours it covers").format(
                    field=where, value=as_written(value), most=most
                )
            )
        return float(value)

    def figure(
        self, parent: dict[str, Any], figure: Figure, where: str, days: int | None = None
    ) -> float:
        """A figure as its unit wants it: hours a number, counts and minutes whole numbers."""
        value = self.field(parent, figure.key, where)
        if figure.unit is Unit.HOURS:
            return self.hours(value, where + figure.key, days)
        return self.count(value, where + figure.key, days)

    def totals(
        self, document: dict[str, Any], key: str, like: FigureValues | None = None
    ) -> FigureValues:
        """Every figure, and each opt-in one the member included (present in the totals;
        the previous period's, ``like`` them, must hold the same)."""
        section = self.object(document, key)
        chosen = section if like is None else like
        kept = [f for f in FIGURES if not f.opt_in or f.key in chosen]
        values = {figure.key: self.figure(section, figure, f"{key}.") for figure in kept}
        for figure in FIGURES:
            if figure.key in section and figure.key not in values:
                self.fail(
                    _("{field} is given, but {total} is not").format(
                        field=f"{key}.{figure.key}", total=f"totals.{figure.key}"
                    )
                )
        advice = values.get(AGAINST_ADVICE.key, 0)
        if advice > values["incidents"]:
            self.fail(
                # TRANSLATORS: "previous.incidents_against_advice is 9, more than the 4
                # previous.incidents": the fields are named as in the file.
                _("{field} is {value}, more than the {most} {incidents}").format(
                    field=f"{key}.{AGAINST_ADVICE.key}",
                    value=formats.number(advice),
                    most=formats.number(values["incidents"]),
                    incidents=f"{key}.incidents",
                )
            )
        return values

    def counts(self, document: dict[str, Any], key: str) -> dict[str, int]:
        section = self.object(document, key)
        return {str(k): self.count(v, f"{key}.{k}") for k, v in section.items()}

    def severities(self, document: dict[str, Any]) -> dict[str, int]:
        counts = self.counts(document, "incidents_by_severity")
        unknown = sorted(set(counts) - set(SEVERITY_KEYS))
        if unknown:
            self.fail(
                _("incidents_by_severity has severity {severity}; severities are 1-5").format(
                    severity=repr(unknown[0])
                )
            )
        return counts

    def weeks(self, document: dict[str, Any]) -> dict[date, FigureValues]:
        weeks = self.field(document, "weeks", "")
        if not isinstance(weeks, list):
            self.fail(_("weeks must be a JSON list, got {value}").format(value=as_written(weeks)))
        out: dict[date, FigureValues] = {}
        for n, week in enumerate(weeks):
            where = f"weeks[{n}]."
            if not isinstance(week, dict):
                self.fail(
                    _("{field} must be a JSON object, got {value}").format(
                        field=f"weeks[{n}]", value=as_written(week)
                    )
                )
            start = self.day(week, "week_start", where)
            if start in out:
                self.fail(_("weeks lists the week of {start} twice").format(start=start))
            if not self.period.start - timedelta(days=6) <= start <= self.period.end:
                self.fail(
                    _("{field} {start} is not a week of the period").format(
                        field=f"{where}week_start", start=start
                    )
                )
            days = self.count(self.field(week, "days", where), f"{where}days")
            if not 1 <= days <= 7:
                self.fail(
                    _("{field} must be 1-7, got {value}").format(field=f"{where}days", value=days)
                )
            figures: FigureValues = {"days": days}
            figures |= {f.key: self.figure(week, f, where, days) for f in WEEKLY_FIELDS}
            for figure in WEEKLY:  # an opt-in figure is checked, but not kept: no team weeks
                if figure.opt_in and figure.key in week:
                    self.figure(week, figure, where, days)
            out[start] = figures
        return out


def as_written(value: Any) -> str:
    """A value as it was written in the file, cut short."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."
