"""How much of a calendar file we are willing to read and work out, and the checks a file and its
events pass before recurring-ical-events runs: the BEGIN/END blocks are checked before the text
reaches icalendar, every event's times and rules must have been readable, and each repeat rule
is costed (and tried, when it could match nothing) so a hostile or broken file cannot hang us.

Every refusal is a ValidationError naming the file, in one line.
"""

from __future__ import annotations

import hashlib
from datetime import MAXYEAR, UTC, date, datetime, time, timedelta, tzinfo
from typing import Any, NoReturn
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
import recurring_ical_events
from icalendar.cal.component import Component
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.language import N_, _, formats, ngettext

MAX_FILE_BYTES = 10 * 1024 * 1024
# VCALENDAR > VEVENT > VALARM is three deep, VCALENDAR > VTIMEZONE > STANDARD too.
MAX_DEPTH = 8
MAX_OCCURRENCES = 5_000
# dateutil walks a rule from its very first start, so the cost is the steps up to the end of the
# dates asked for, not the events inside them. A daily rule since 1970 is about 21,000 steps; a
# yearly one since 1601 about 156,000; a rule every second for one day 86,400.
MAX_RULE_STEPS = 250_000
LONGEST_TIMED_EVENT = timedelta(days=14)
# A rule that matches no day at all costs a probe of up to a second; a file full of them is
# refused rather than probed for minutes.
MAX_RULES_THAT_NEVER_REPEAT = 5

_CYCLE_YEARS = 400
_ENDS = ("UNTIL", "COUNT")
# The properties a broken value of which leaves an event unreadable for us.
_TIMES = ("DTSTART", "DTEND", "DURATION", "RECURRENCE-ID", "RRULE", "RDATE", "EXDATE")

_SECONDS = {
    "SECONDLY": 1,
    "MINUTELY": 60,
    "HOURLY": 3600,
    "DAILY": 86_400,
    "WEEKLY": 7 * 86_400,
    "MONTHLY": 30 * 86_400,
    "YEARLY": 365 * 86_400,
}
# Days dateutil looks at in one step of each frequency.
_DAYS_PER_STEP = {"MONTHLY": 31, "YEARLY": 366, "WEEKLY": 7}
_ORDER = ["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"]
_TIME_PARTS = (("BYHOUR", "HOURLY"), ("BYMINUTE", "MINUTELY"), ("BYSECOND", "SECONDLY"))
_FILTERS = ("BYMONTH", "BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYDAY", "BYSETPOS")
# What to do about a calendar with too much in it (the app says it in its own words).
NARROW_RANGE = N_("narrow --from/--to or use --match")
NARROW_TO_LEAVE_OUT = N_("narrow --from/--to or use --match to leave it out")


def check_blocks(text: str, name: str) -> None:
    """Refuse text whose BEGIN/END blocks are not a calendar: nothing but VCALENDAR blocks at the
    top, no block nested deeper than MAX_DEPTH, every END closing the BEGIN before it. One pass,
    no recursion, so a file of a million BEGIN lines is refused as quickly as it is read."""
    open_blocks: list[tuple[str, int]] = []
    calendars = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if line[:1] in (" ", "\t"):
            continue  # the rest of a folded line, never a BEGIN or END
        key, _colon, value = line.partition(":")
        key = key.rstrip().upper()
        if key not in ("BEGIN", "END"):
            continue
        block = value.strip().upper()
        if key == "BEGIN":
            if not open_blocks:
                if block != "VCALENDAR":
                    _refuse(
                        name,
                        # TRANSLATORS: {block} is the name of a block of the file, e.g. VEVENT.
                        _("is not a calendar file: line {number} begins {block}").format(
                            number=number, block=block or "?"
                        ),
                    )
                calendars += 1
            if len(open_blocks) == MAX_DEPTH:
                _refuse(
                    name,
                    _("nests blocks more than {depth} deep (line {number})").format(
                        depth=MAX_DEPTH, number=number
                    ),
                )
            open_blocks.append((block, number))
        elif not open_blocks:
            _refuse(
                name,
                _("line {number} ends {block}, which was never begun").format(
                    number=number, block=block or "?"
                ),
            )
        else:
            begun, begun_at = open_blocks.pop()
            if begun != block:
                _refuse(
                    name,
                    _("line {number} ends {block} but line {begun_at} began {begun}").format(
                        number=number, block=block or "?", begun_at=begun_at, begun=begun
                    ),
                )
    if open_blocks:
        begun, begun_at = open_blocks[-1]
        _refuse(
            name,
            _("{block} begun on line {number} never ends; the file may be cut short").format(
                block=begun, number=begun_at
            ),
        )
    if not calendars:
        _refuse(name, _("is not a calendar file: it has no BEGIN:VCALENDAR"))


def too_many_events(first: date, last: date) -> str:
    """The refusal of a calendar with more than MAX_OCCURRENCES events from ``first`` to
    ``last``."""
    # TRANSLATORS: {hint} is "narrow --from/--to or use --match", translated on its own.
    return ngettext(
        "has more than {count} event from {first} to {last}; {hint}",
        "has more than {count} events from {first} to {last}; {hint}",
        MAX_OCCURRENCES,
    ).format(count=formats.number(MAX_OCCURRENCES), first=first, last=last, hint=_(NARROW_RANGE))


def too_many_never_repeating() -> str:
    """The refusal of a calendar with more than MAX_RULES_THAT_NEVER_REPEAT such rules."""
    return ngettext(
        "has more than {count} repeat rule that matches no day at all",
        "has more than {count} repeat rules that match no day at all",
        MAX_RULES_THAT_NEVER_REPEAT,
    ).format(count=MAX_RULES_THAT_NEVER_REPEAT)


def rule_steps(rule: Any, start: date, until: datetime, zone: tzinfo) -> int:
    """About how many steps dateutil takes to run ``rule`` (an icalendar vRecur) from ``start``
    up to ``until``: the number of periods times the candidates it looks at in each."""
    frequency = _first(rule.get("FREQ"), "DAILY")
    if frequency not in _SECONDS:
        return 0
    interval = max(1, int(_first(rule.get("INTERVAL"), 1)))
    last = until
    if (rule_until := _first(rule.get("UNTIL"), None)) is not None:
        last = min(last, _instant(rule_until, zone))
    seconds = (last - _instant(start, zone)).total_seconds()
    if seconds < 0:
        return 0
    periods = int(seconds // (_SECONDS[frequency] * interval)) + 1
    per_period = _DAYS_PER_STEP.get(frequency, 1)
    coarser = _ORDER.index(frequency)
    for part, unit in _TIME_PARTS:
        if coarser > _ORDER.index(unit):
            per_period *= max(1, len(_many(rule.get(part))))
    count = _first(rule.get("COUNT"), None)
    if count is not None and not any(rule.get(part) for part in _FILTERS):
        # Every period makes one occurrence (or none, for the 31st of a short month).
        periods = min(periods, 2 * int(count))
    return periods * per_period


def check_rule(
    rule: Any, start: date, until: datetime, zone: tzinfo, event: str, name: str
) -> None:
    """Refuse a repeat rule that would never move on, or take too long to run up to ``until``."""
    frequency = _first(rule.get("FREQ"), "?")
    interval = _first(rule.get("INTERVAL"), 1)
    if not isinstance(interval, int) or interval < 1:
        _refuse(
            name,
            # TRANSLATORS: {event} is the event's summary in quotes, or "with UID ...".
            _("event {event} repeats with INTERVAL={interval}; it must be 1 or more").format(
                event=event, interval=interval
            ),
        )
    if rule_steps(rule, start, until, zone) > MAX_RULE_STEPS:
        # TRANSLATORS: {hint} is "narrow --from/--to or use --match to leave it out",
        # translated on its own.
        too_often = _(
            "event {event} repeats too often (FREQ={frequency}) to work out up to {day}; {hint}"
        )
        last = (until - timedelta(days=1)).date()
        hint = _(NARROW_TO_LEAVE_OUT)
        _refuse(name, too_often.format(event=event, frequency=frequency, day=last, hint=hint))


def never_repeats(rule: Any, start: date) -> bool:
    """Whether ``rule`` matches no moment after ``start`` at all (BYMONTH=2;BYMONTHDAY=30, say).

    dateutil looks for a match up to the year 9999 before it gives up: seconds of work for each
    such rule. The calendar (weekdays and leap years included) repeats every 400 years, so look
    from the same day in the last such cycle before 9999 instead, a twentieth of the work.
    """
    filters = {part for part in _FILTERS if rule.get(part)}
    if not filters:
        return False  # without filters every period has its occurrence
    if filters == {"BYDAY"} and all(str(day).isalpha() for day in _many(rule.get("BYDAY"))):
        return False  # plain weekdays, as in most rules: every week has them
    first = start if isinstance(start, datetime) else datetime.combine(start, time())
    first = first.replace(tzinfo=None)
    cycles = max(0, (MAXYEAR - _CYCLE_YEARS - first.year) // _CYCLE_YEARS)
    probe_start = first.replace(year=first.year + cycles * _CYCLE_YEARS)
    probe = icalendar.Event()
    probe.add("UID", "probe")
    probe.add("DTSTART", probe_start)
    probe.add("RRULE", icalendar.vRecur({k: v for k, v in rule.items() if k not in _ENDS}))
    calendar = icalendar.Calendar()
    calendar.add_component(probe)
    try:
        query = recurring_ical_events.of(calendar)
        window_start, span = probe_start, timedelta(minutes=1)
        while True:
            try:
                window_end = window_start + span
            except OverflowError:
                return True
            for occurrence in query.between(window_start, window_end):
                if when(occurrence, "DTSTART") != probe_start:  # DTSTART itself always counts
                    return False
            window_start, span = window_end, span * 2
    except Exception:  # a broken rule is reported when the calendar itself is worked out
        return False


def prop(component: Component, name: str, default: Any = None) -> Any:
    """Property ``name`` of ``component`` (or ``default``), untyped: icalendar types every
    property as the union of all its value types, and each reader here knows which it expects."""
    return component.get(name, default)


def when(component: Component, name: str) -> date:
    """The day or time in property ``name``, which check_values has made sure of."""
    moment: date = prop(component, name).dt
    return moment


def fix_calendar_zone(calendar: Component) -> None:
    """Make X-WR-TIMEZONE something recurring-ical-events can use: an IANA name (mapped from
    a Windows name if need be), or gone."""
    value = prop(calendar, "X-WR-TIMEZONE")
    if value is None:
        return
    wanted = WINDOWS_TO_OLSON.get(str(value).strip(), str(value).strip())
    try:
        calendar["X-WR-TIMEZONE"] = ZoneInfo(wanted).key
    except (ZoneInfoNotFoundError, ValueError):
        del calendar["X-WR-TIMEZONE"]


def check_values(event: Component, name: str) -> None:
    """Refuse an event whose times or repeat rules icalendar could not read. An empty EXDATE or
    RDATE, which Google has been seen to write, is dropped instead."""
    for key, message in event.errors:
        if key is None:
            _refuse(
                name,
                # TRANSLATORS: {problem} is the calendar library's own words, in English.
                _("event {event} has a line that cannot be read: {problem}").format(
                    event=label(event), problem=message
                ),
            )
    for key in _TIMES:
        values = _many(prop(event, key))
        kept = [v for v in values if not (isinstance(v, icalendar.vBroken) and not str(v).strip())]
        if len(kept) != len(values) and key in ("EXDATE", "RDATE"):
            del event[key]
            if kept:
                event[key] = kept if len(kept) > 1 else kept[0]
            values = kept
        for value in values:
            if isinstance(value, icalendar.vBroken):
                _refuse(
                    name,
                    # TRANSLATORS: {property} is a calendar property such as DTSTART; {problem} is
                    # the calendar library's own words, in English.
                    _("event {event} has an unreadable {property}: {problem}").format(
                        event=label(event), property=key, problem=value.parse_error
                    ),
                )
    for key in ("DTSTART", "DTEND", "RECURRENCE-ID"):
        value = prop(event, key)
        if value is not None and not isinstance(value.dt, date):
            _refuse(
                name,
                _("event {event} has a {property} that is not a day or a time").format(
                    event=label(event), property=key
                ),
            )
    duration = prop(event, "DURATION")
    if duration is not None and not isinstance(duration.dt, timedelta):
        _refuse(
            name,
            _("event {event} has a DURATION that is not a length of time").format(
                event=label(event)
            ),
        )


def end_all_day_on_a_day(event: Component) -> None:
    """An all-day event whose DTEND is a time ends on that day (or the next, past midnight)."""
    start, end = when(event, "DTSTART"), prop(event, "DTEND")
    if not isinstance(start, datetime) and end is not None and isinstance(end.dt, datetime):
        del event["DTEND"]
        event.add("DTEND", day_after(end.dt))


def ends_before_start(event: Component, zone: tzinfo) -> bool:
    """Whether DTEND (or DURATION) puts the end before the start; recurring-ical-events would
    quietly swap them."""
    start = when(event, "DTSTART")
    if prop(event, "DTEND") is not None:
        end = when(event, "DTEND")
        if isinstance(start, datetime) != isinstance(end, datetime):
            return False
        return bool(_instant(end, zone) < _instant(start, zone))
    duration = prop(event, "DURATION")
    return duration is not None and bool(duration.dt < timedelta(0))


def newest_copies(group: list[Component]) -> list[Component]:
    """One event per UID and one change per RECURRENCE-ID: where the file holds more, the one
    with the highest SEQUENCE (the first of equals), as recurring-ical-events would pick."""
    newest: dict[str, Component] = {}
    for event in group:
        rid = prop(event, "RECURRENCE-ID")
        key = "" if rid is None else _same_in_any_zone(rid.dt)
        if key not in newest or _sequence(event) > _sequence(newest[key]):
            newest[key] = event
    kept = {id(event) for event in newest.values()}
    return [event for event in group if id(event) in kept]


def made_up_uid(event: Component) -> str:
    """A UID for an event that has none, the same every time the same file is read."""
    parts = [prop(event, p) for p in ("DTSTART", "SUMMARY", "RRULE", "RECURRENCE-ID")]
    seed = "|".join(p.to_ical().decode() if hasattr(p, "to_ical") else "" for p in parts)
    return "no-uid-" + hashlib.sha256(seed.encode()).hexdigest()[:20]


def label(event: Component) -> str:
    """The event as a message names it: its summary, or else its UID."""
    summary = " ".join(str(prop(event, "SUMMARY", "")).split())
    if summary:
        return repr(summary if len(summary) <= 60 else summary[:57] + "...")
    return _("with UID {uid}").format(uid=prop(event, "UID", "?"))


def day_after(moment: datetime) -> date:
    """The day a time falls on, or the next day when it falls after that day's midnight."""
    return moment.date() if moment.time() == time() else moment.date() + timedelta(days=1)


def _same_in_any_zone(value: date) -> str:
    if isinstance(value, datetime):
        return _instant(value, UTC).astimezone(UTC).isoformat()
    return value.isoformat()


def _sequence(event: Component) -> int:
    try:
        return int(prop(event, "SEQUENCE", 0))
    except (TypeError, ValueError):
        return 0


def _instant(value: date, zone: tzinfo) -> datetime:
    """A date or time as an aware moment; dates and floating times are read in ``zone``."""
    if not isinstance(value, datetime):
        return datetime.combine(value, time(), zone)
    return value if value.tzinfo is not None else value.replace(tzinfo=zone)


def _many(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def _first(value: Any, default: Any) -> Any:
    values = _many(value)
    return values[0] if values else default


def _refuse(name: str, problem: str) -> NoReturn:
    raise ValidationError(name, problem)
