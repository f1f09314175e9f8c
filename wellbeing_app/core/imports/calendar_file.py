"""Reading a calendar file (.ics from Google, Outlook, Thunderbird, ...) into the events that
start between two days: repeats worked out with recurring-ical-events, every time made aware.

An occurrence belongs to the local day (in ``zone``) it starts on, so a night shift from 22:00
on the last day asked for is kept, and one that began the evening before the first day is not;
reading consecutive ranges gives every occurrence exactly once.

Some events are left out, each counted in ``CalendarRead.skipped`` under one of the SKIP_
reasons below. A repeating event none of whose copies matches ``--match`` is counted once (it
is never worked out); every other count is of occurrences, or of copies of an event the file
holds twice (the newest SEQUENCE is kept). Events marked free (TRANSP:TRANSPARENT) are kept,
because Google and Thunderbird mark every all-day event so, a day off included; they carry
``transparent=True`` for whoever wants to tell them apart. A timed event longer than 14 days is
left out, an all-day one of any length kept. Only VEVENTs are read. A repeat rule that matches
no day at all (BYMONTH=2;BYMONTHDAY=30) leaves its event at DTSTART alone, as
recurring-ical-events would.

Times: a time with a zone keeps that zone (Outlook's Windows names such as "W. Europe Standard
Time" are read from the file's own VTIMEZONE, or mapped to the IANA zone when it has none); a
time without one is read in the calendar's X-WR-TIMEZONE when it names one (Google's way, as
recurring-ical-events does) and otherwise in ``zone``. A TZID known neither way is read as such
a floating time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any, NoReturn
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
import recurring_ical_events
from icalendar.cal.component import Component
from icalendar.timezone import tzp

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.imports.calendar_limits import (
    LONGEST_TIMED_EVENT,
    MAX_FILE_BYTES,
    MAX_OCCURRENCES,
    MAX_RULES_THAT_NEVER_REPEAT,
    check_blocks,
    check_rule,
    check_values,
    day_after,
    end_all_day_on_a_day,
    ends_before_start,
    fix_calendar_zone,
    label,
    made_up_uid,
    never_repeats,
    newest_copies,
    prop,
    too_many_events,
    too_many_never_repeating,
    when,
)
from wellbeing_app.core.language import N_, _
from wellbeing_app.core.store.reading import read_text

# Why an event was left out: in English, they are the keys of ``import calendar --json``'s
# ``skipped_why`` (the same in every language); text shows them through ``_``.
SKIP_NO_MATCH = N_("did not match --match")
SKIP_CANCELLED = N_("cancelled")
SKIP_NO_START = N_("no start time")
SKIP_NO_LENGTH = N_("no length")
SKIP_BACKWARDS = N_("ends before it starts")
SKIP_TOO_LONG = N_("longer than 14 days")
SKIP_SAME_UID = N_("same UID as another event")

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class CalendarEvent:
    """One occurrence of an event; ``(uid, recurrence_id)`` names it across imports."""

    uid: str
    recurrence_id: str
    summary: str
    start: datetime
    end: datetime
    all_day: bool
    first_day: date
    last_day: date
    transparent: bool = False

    @property
    def duration(self) -> timedelta:
        return self.end.astimezone(UTC) - self.start.astimezone(UTC)


@dataclass(frozen=True)
class CalendarRead:
    """What a calendar file holds between two days, in start order, and what was left out."""

    calendar_name: str | None
    events: list[CalendarEvent]
    skipped: dict[str, int]


def read_calendar(
    path: Path, name: str, *, first: date, last: date, zone: str, match: str | None
) -> CalendarRead:
    """The events of the calendar file at ``path`` starting from ``first`` to ``last``
    (inclusive), days in ``zone``; ``name`` is the file as the user gave it, for messages."""
    text = read_text(path, name, MAX_FILE_BYTES, _("a calendar file"))
    return parse_calendar(text, name, first=first, last=last, zone=zone, match=match)


def parse_calendar(
    text: str, name: str, *, first: date, last: date, zone: str, match: str | None
) -> CalendarRead:
    """As ``read_calendar``, from the text of the file."""
    local = _zone(zone)
    if last < first:
        raise ValidationError(
            "--to", _("{last} is before --from {first}").format(last=last, first=first)
        )
    check_blocks(text, name)
    reading = _Reading(name, first, last, local, match)
    calendar_name: str | None = None
    for calendar in _parse(text, name):
        if calendar_name is None and prop(calendar, "X-WR-CALNAME") is not None:
            calendar_name = str(prop(calendar, "X-WR-CALNAME"))
        reading.read(calendar)
    events = sorted(reading.found.values(), key=lambda e: (e.start.astimezone(UTC), e.uid))
    return CalendarRead(calendar_name, events, dict(reading.skipped))


class _Reading:
    """The state of one read: the range, the filter, and what was found and skipped so far."""

    def __init__(self, name: str, first: date, last: date, zone: ZoneInfo, match: str | None):
        self.name = name
        self.first = first
        self.last = last
        self.zone = zone
        self.start = datetime.combine(first, time(), zone)
        self.end = datetime.combine(last + _ONE_DAY, time(), zone)
        self.needle = match.strip().casefold() if match and match.strip() else None
        self.skipped: Counter[str] = Counter()
        self.found: dict[tuple[str, str], CalendarEvent] = {}
        self.expanded = 0
        self.rules_never_repeating = 0
        self.recurring: set[str] = set()
        self.all_day_series: dict[str, bool] = {}

    def read(self, calendar: Component) -> None:
        fix_calendar_zone(calendar)
        events = self._usable_events(calendar)
        calendar.subcomponents = [c for c in calendar.subcomponents if c.name != "VEVENT"]
        calendar.subcomponents.extend(events)
        for component in self._occurrences(calendar):
            event = self._event(component)
            if event is None:
                continue
            key = (event.uid, event.recurrence_id)
            if key in self.found:
                self.skipped[SKIP_SAME_UID] += 1
            else:
                self.found[key] = event

    def _usable_events(self, calendar: Component) -> list[Component]:
        """The calendar's VEVENTs that can be worked out and match, each repeat rule costed."""
        groups: dict[str, list[Component]] = {}
        for event in calendar.subcomponents:
            if event.name != "VEVENT":
                continue
            check_values(event, self.name)
            if prop(event, "DTSTART") is None:
                self.skipped[SKIP_NO_START] += 1
                continue
            end_all_day_on_a_day(event)
            if ends_before_start(event, self.zone):
                self.skipped[SKIP_BACKWARDS] += 1
                continue
            if prop(event, "UID") is None:
                event["UID"] = made_up_uid(event)
            groups.setdefault(str(event["UID"]), []).append(event)
        usable: list[Component] = []
        for uid, every_copy in groups.items():
            if self.needle is not None and not any(_matches(e, self.needle) for e in every_copy):
                self.skipped[SKIP_NO_MATCH] += 1
                continue
            group = newest_copies(every_copy)
            if len(group) < len(every_copy):
                self.skipped[SKIP_SAME_UID] += len(every_copy) - len(group)
            for event in group:
                if any(p in event for p in ("RRULE", "RDATE", "RECURRENCE-ID")):
                    self.recurring.add(uid)
                if "RECURRENCE-ID" not in event:
                    self.all_day_series[uid] = not isinstance(when(event, "DTSTART"), datetime)
                self._check_rules(event)
            usable.extend(group)
        return usable

    def _check_rules(self, event: Component) -> None:
        """Cost every repeat rule of ``event``, and drop those matching no moment after DTSTART:
        recurring-ical-events would give DTSTART alone for them, after seconds of searching."""
        rules = _as_list(prop(event, "RRULE"))
        start = when(event, "DTSTART")
        kept = []
        for rule in rules:
            check_rule(rule, start, self.end, self.zone, label(event), self.name)
            if not never_repeats(rule, start):
                kept.append(rule)
                continue
            self.rules_never_repeating += 1
            if self.rules_never_repeating > MAX_RULES_THAT_NEVER_REPEAT:
                _refuse(self.name, too_many_never_repeating())
        if len(kept) != len(rules):
            del event["RRULE"]
            if kept:
                event["RRULE"] = kept if len(kept) > 1 else kept[0]

    def _occurrences(self, calendar: Component) -> Iterator[Component]:
        """Every occurrence overlapping the range, once; windows that double in length from the
        first day let a calendar with too many occurrences be stopped early."""
        try:
            query = recurring_ical_events.of(calendar)
        except Exception as exc:  # the library raises many kinds on broken input
            _refuse(self.name, _cannot_work_out(exc))
        seen: set[tuple[str, str, str]] = set()
        window_start, span = self.start, timedelta(hours=1)
        while window_start < self.end:
            window_end = min(window_start + span, self.end)
            try:
                components = query.between(window_start, window_end)
            except Exception as exc:  # as above
                _refuse(self.name, _cannot_work_out(exc))
            for component in components:
                rid = prop(component, "RECURRENCE-ID")
                key = (
                    str(prop(component, "UID")),
                    _iso(rid.dt if rid is not None else None),
                    _iso(when(component, "DTSTART")),
                )
                if key not in seen:
                    seen.add(key)
                    yield component
            window_start, span = window_end, span * 2

    def _event(self, component: Component) -> CalendarEvent | None:
        """The occurrence as a CalendarEvent, or None when it starts outside the range or is
        skipped (and counted)."""
        start_value = when(component, "DTSTART")
        end_value = _end_value(component, start_value)
        all_day = not isinstance(start_value, datetime)
        if all_day:
            first_day = start_value
            after = end_value if not isinstance(end_value, datetime) else day_after(end_value)
            after = max(after, first_day + _ONE_DAY)
            start = datetime.combine(first_day, time(), self.zone)
            end = datetime.combine(after, time(), self.zone)
        else:
            start = _aware(start_value, self.zone)
            end = _aware(end_value, self.zone, start.tzinfo)
            first_day = start.astimezone(self.zone).date()
        if not self.first <= first_day <= self.last:
            return None
        self.expanded += 1
        if self.expanded > MAX_OCCURRENCES:
            _refuse(self.name, too_many_events(self.first, self.last))
        reason = self._skip_reason(component, start, end, all_day)
        if reason is not None:
            self.skipped[reason] += 1
            return None
        uid = str(component["UID"])
        last_moment = end.astimezone(UTC) - timedelta(microseconds=1)
        return CalendarEvent(
            uid=uid,
            recurrence_id=self._recurrence_id(component, uid),
            summary=str(prop(component, "SUMMARY", "")),
            start=start,
            end=end,
            all_day=all_day,
            first_day=first_day,
            last_day=last_moment.astimezone(self.zone).date(),
            transparent=str(prop(component, "TRANSP", "")).upper() == "TRANSPARENT",
        )

    def _skip_reason(
        self, component: Component, start: datetime, end: datetime, all_day: bool
    ) -> str | None:
        if self.needle is not None and not _matches(component, self.needle):
            return SKIP_NO_MATCH
        if str(prop(component, "STATUS", "")).upper() == "CANCELLED":
            return SKIP_CANCELLED
        if all_day:
            return None
        length = end.astimezone(UTC) - start.astimezone(UTC)
        if length == timedelta(0):
            return SKIP_NO_LENGTH
        if length < timedelta(0):
            return SKIP_BACKWARDS
        return SKIP_TOO_LONG if length > LONGEST_TIMED_EVENT else None

    def _recurrence_id(self, component: Component, uid: str) -> str:
        """Empty for a single event; else the occurrence's original start: its day for an
        all-day series, its moment in UTC for a timed one. Outlook gives an all-day series'
        RECURRENCE-ID as midnight in a zone; that is read as the day."""
        if uid not in self.recurring:
            return ""
        rid = prop(component, "RECURRENCE-ID")
        value = rid.dt if rid is not None else when(component, "DTSTART")
        if not isinstance(value, datetime):
            return value.isoformat()
        if self.all_day_series.get(uid, False):
            return value.date().isoformat()
        return _aware(value, self.zone).astimezone(UTC).isoformat()


def _zone(zone: str) -> ZoneInfo:
    try:
        return ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            "zone", _("{zone} is not a known time zone").format(zone=repr(zone))
        ) from None


def _parse(text: str, name: str) -> list[Component]:
    """The VCALENDARs in ``text``; icalendar's complaints become one line naming the file."""
    # icalendar remembers every VTIMEZONE it has seen, process-wide, under its TZID: a second
    # file's "Customized Time Zone" would be read with the first file's rules. Forget them.
    tzp.use_zoneinfo()
    try:
        components: list[Component] = list(icalendar.Calendar.from_ical(text, multiple=True))
    except Exception as exc:  # ValueError mostly, but fuzzed input raises others
        _refuse(name, _("cannot be read as a calendar: {error}").format(error=_one_line(exc)))
    calendars = [c for c in components if c.name == "VCALENDAR"]
    if not calendars:
        _refuse(name, _("is not a calendar file: it has no complete VCALENDAR"))
    return calendars


def _end_value(component: Component, start: date) -> date:
    if prop(component, "DTEND") is not None:
        end: date = when(component, "DTEND")
        return end
    if prop(component, "DURATION") is not None:
        length: timedelta = prop(component, "DURATION").dt
        return start + length
    # RFC 5545: a day without an end lasts the day; a time without one, no time at all.
    return start if isinstance(start, datetime) else start + _ONE_DAY


def _aware(value: date, zone: tzinfo, like: tzinfo | None = None) -> datetime:
    """A time with a zone: a floating time read in ``zone``; a bare day as midnight in ``like``
    (the start's zone) or ``zone``."""
    if not isinstance(value, datetime):
        return datetime.combine(value, time(), like or zone)
    return value if value.tzinfo is not None else value.replace(tzinfo=zone)


def _matches(component: Component, needle: str) -> bool:
    texts = [str(prop(component, "SUMMARY", ""))]
    for value in _as_list(prop(component, "CATEGORIES")):
        texts.extend(str(c) for c in getattr(value, "cats", [value]))
    return any(needle in text.casefold() for text in texts)


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else ""


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."


def _cannot_work_out(exc: BaseException) -> str:
    # TRANSLATORS: {error} is the calendar library's own words, in English.
    return _("cannot be worked out: {error}").format(error=_one_line(exc))


def _refuse(name: str, problem: str) -> NoReturn:
    raise ValidationError(name, problem)
