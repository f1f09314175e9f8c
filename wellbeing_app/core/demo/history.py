"""Making up a realistic working history for the demo database, in memory, from one seed.

The person works Mon-Fri 09:00-17:30 in ``zone``, with public holidays and a summer vacation
off; some weeks are quiet, some are crises (more pings, incidents, overtime, a night past
midnight), one in about six is on call. Reflections and WHO-5 answers follow the load: more
after-hours contact and incidents, more stress and a lower mood. Rows are plain dicts for a bulk
insert: instants aware UTC, texts generic, origin ``import``.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.language import N_, _
from wellbeing_app.core.schedule.weekly import check_zone
from wellbeing_app.core.store.models import Origin
from wellbeing_app.core.time.local_time import local_date
from wellbeing_app.core.vocabulary import IncidentCategory, PingSource

DEFAULT_SEED = 7
MAX_YEARS = 20
WORK_START = 9 * 60  # the schedule, in minutes after local midnight
WORK_END = 17 * 60 + 30
EVENING = (18 * 60, 23 * 60)  # where after-hours contact clusters
IMPORTED = {"note": None, "origin": Origin.IMPORT.value}
TONIGHT = (N_("A walk"), N_("Cook something"), N_("Read"), N_("Music"), N_("Early night"), None)
_ANSWERS = ("mood", "energy", "stress", "detachment", "went_well", "leave_at_work", "tonight")
PLATFORMS = ("instagram", "tiktok", "x", "facebook", "linkedin", "youtube", "threads")
_SOURCES = [s.value for s in PingSource if s is not PingSource.OTHER]
_WORK_SOURCES = [30, 15, 25, 5, 10, 15]  # slack, teams, email, phone, social_dm, social_mention
_EVENING_SOURCES = [30, 10, 12, 10, 18, 20]
_CATEGORIES = [c.value for c in IncidentCategory]
# Incident weights in calm and in crisis weeks: the categories in IncidentCategory order
# (harassment, crisis, customer_escalation, distressing_content, threats, internal_pressure,
# other), then severities 1-5.
_INCIDENT_WEIGHTS = {
    False: ([20, 4, 30, 14, 4, 22, 6], [40, 30, 17, 9, 4]),
    True: ([20, 35, 15, 10, 10, 8, 2], [12, 24, 30, 22, 12]),
}

Row = dict[str, Any]


@dataclass(frozen=True)
class Week:
    """How a week goes: ``kind`` is quiet, normal or crisis; ``late_day`` works past midnight."""

    kind: str
    on_call: bool = False
    late_day: int | None = None


@dataclass
class DemoHistory:
    """Everything the demo database will hold, in time order within each list."""

    zone: str
    first_day: date
    days_off: list[tuple[date, date, str]] = field(default_factory=list)
    on_call: list[tuple[datetime, datetime]] = field(default_factory=list)
    shifts: list[Row] = field(default_factory=list)
    pings: list[Row] = field(default_factory=list)
    incidents: list[Row] = field(default_factory=list)
    reflections: list[Row] = field(default_factory=list)
    checkins: list[Row] = field(default_factory=list)


def check_years(years: int) -> int:
    if isinstance(years, bool) or not isinstance(years, int) or not 1 <= years <= MAX_YEARS:
        raise ValidationError(
            "years",
            _("must be a whole number from 1 to {most}, got {value}").format(
                most=MAX_YEARS, value=years
            ),
        )
    return years


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier (29 February becomes the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def easter(year: int) -> date:
    """Easter Sunday (Gregorian calendar, the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (h + m - 7 * ((a + 11 * h + 22 * m) // 451) + 114) // 31
    p = (h + m - 7 * ((a + 11 * h + 22 * m) // 451) + 114) % 31
    return date(year, n, p + 1)


def build_history(years: int, *, now: datetime, zone: str, seed: int = DEFAULT_SEED) -> DemoHistory:
    """``years`` of made-up history ending at ``now`` (nothing later), in ``zone``."""
    check_years(years)
    check_zone(zone)
    today = local_date(now, zone)
    return _Maker(random.Random(seed), now, zone, years_before(today, years), today).run()


def poisson(rng: random.Random, mean: float) -> int:
    """A Poisson-distributed count (Knuth's method; means here stay small)."""
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


class _Maker:
    def __init__(
        self, rng: random.Random, now: datetime, zone: str, first: date, last: date
    ) -> None:
        self.rng, self.now, self.zone, self.tz = rng, now, zone, ZoneInfo(zone)
        self.first, self.last = first, last
        self.out = DemoHistory(zone, first)
        self.off: set[date] = set()
        self.strain = 3.0  # a slow average of the daily load, felt in the WHO-5
        self.drift = 0.0

    def run(self) -> DemoHistory:
        self._days_off()
        weeks = self._weeks()
        day = self.first
        while day <= self.last:
            self._day(day, weeks[day - timedelta(days=day.weekday())])
            if (day - self.first).days % 14 == 13:
                self._checkin(day)
            day += timedelta(days=1)
        self.out.pings.sort(key=lambda r: r["at_utc"])
        self.out.incidents.sort(key=lambda r: r["at_utc"])
        return self.out

    def at(self, day: date, minute: float) -> datetime:
        """The UTC instant ``minute`` minutes of wall-clock time after local midnight of ``day``."""
        local = datetime.combine(day, time(), tzinfo=self.tz) + timedelta(seconds=int(minute * 60))
        return local.astimezone(UTC)

    def _days_off(self) -> None:
        for year in range(self.first.year, self.last.year + 1):
            monday = easter(year) + timedelta(days=1)
            spans = [(date(year, m, d), date(year, m, d)) for m, d in ((1, 1), (5, 1), (10, 3))]
            spans += [(monday, monday), (date(year, 12, 25), date(year, 12, 26))]
            for first, last in spans:
                if self.first <= first and last <= self.last:
                    self._off(first, last, _("Demo public holiday"))
            july = date(year, 7, 8)
            start = july + timedelta(days=(7 - july.weekday()) % 7 + 7 * self.rng.randint(0, 4))
            if self.first <= start <= self.last:
                self._off(start, start + timedelta(days=13), _("Demo vacation"))
        self.out.days_off.sort()

    def _off(self, first: date, last: date, note: str) -> None:
        self.out.days_off.append((first, last, note))
        self.off.update(first + timedelta(days=n) for n in range((last - first).days + 1))

    def _weeks(self) -> dict[date, Week]:
        weeks: dict[date, Week] = {}
        monday = self.first - timedelta(days=self.first.weekday())
        previous, until_on_call = "normal", self.rng.randint(1, 6)
        while monday <= self.last:
            away = all(monday + timedelta(days=n) in self.off for n in range(5))
            odds = 0.0 if away else 0.3 if previous == "crisis" else 0.075  # crises run on
            roll = self.rng.random()
            kind = "crisis" if roll < odds else "quiet" if away or roll > 0.72 else "normal"
            until_on_call -= 1
            on_call = until_on_call <= 0 and not away
            if on_call:
                until_on_call = self.rng.randint(5, 7)
                start, end = self.at(monday, WORK_START), self.at(monday, WORK_START + 7 * 1440)
                if end <= self.now and monday >= self.first:
                    self.out.on_call.append((start, end))
            late = self.rng.randint(1, 3) if kind == "crisis" else None
            weeks[monday] = Week(kind, on_call, late)
            previous = kind
            monday += timedelta(days=7)
        return weeks

    def _day(self, day: date, week: Week) -> None:
        rng, weekday, crisis = self.rng, day.weekday(), week.kind == "crisis"
        pace = {"quiet": 0.75, "normal": 1.0, "crisis": 1.35}[week.kind]
        shift: tuple[float, float] | None = None
        if day not in self.off and weekday < 5 and rng.random() > 0.006:
            shift = self._weekday_shift(crisis, weekday == week.late_day)
        elif day not in self.off and weekday >= 5 and rng.random() < (0.25 if crisis else 0.015):
            begin = 600 + rng.uniform(0, 90)
            shift = (begin, begin + rng.uniform(120, 300))
        shift = self._add_shift(day, shift) if shift else None
        if shift is not None:
            hours = (shift[1] - shift[0]) / 60
            self._pings(day, shift, poisson(rng, 21 * pace * hours / 8.5), working=True)
            evening = (max(EVENING[0], shift[1] + 5), EVENING[1])
            mean = {"quiet": 1.4, "normal": 2.6, "crisis": 6.5}[week.kind]
        else:
            evening = (9 * 60, 22 * 60)
            mean = {"quiet": 0.4, "normal": 1.0, "crisis": 4.0}[week.kind]
            mean *= 0.4 if day in self.off else 1.0
        mean *= 1.8 if week.on_call else 1.0
        span = max(0.0, evening[1] - evening[0])
        late_pings = self._pings(day, evening, poisson(rng, mean * min(1.0, span / 300)), False)
        rate = {"quiet": 0.35, "normal": 1.45, "crisis": 5.5}[week.kind]
        severities = self._incidents(day, shift, poisson(rng, rate if shift else rate / 15), crisis)
        overtime = max(0.0, shift[1] - WORK_END) / 60 if shift else 0.0
        load = 0.6 * late_pings + 0.35 * sum(severities) + 0.8 * overtime + (1.5 if crisis else 0)
        self.strain = 0.92 * self.strain + 0.08 * load
        if shift is not None:
            self._reflection(day, self.at(day, shift[1]), load, overtime)

    def _weekday_shift(self, crisis: bool, late: bool) -> tuple[float, float]:
        rng = self.rng
        begin = WORK_START + rng.triangular(-15, 30, 0)
        if late and crisis:
            return begin, 1440 + rng.uniform(15, 115)
        if rng.random() < (0.6 if crisis else 0.22):
            return begin, WORK_END + rng.uniform(30, 150)
        return begin, WORK_END + rng.triangular(-15, 25, 0)

    def _add_shift(self, day: date, span: tuple[float, float]) -> tuple[float, float] | None:
        """The shift, unless it would end after now or overlap the one before (then None)."""
        start, stop = self.at(day, span[0]), self.at(day, span[1])
        shifts = self.out.shifts
        if stop <= start or stop > self.now or (shifts and start < shifts[-1]["end_utc"]):
            return None
        shifts.append({"start_utc": start, "end_utc": stop, "zone": self.zone, **IMPORTED})
        return span

    def _pings(self, day: date, span: tuple[float, float], count: int, working: bool) -> int:
        rng, made = self.rng, 0
        weights = _WORK_SOURCES if working else _EVENING_SOURCES
        for source in rng.choices(_SOURCES, weights, k=count) if span[1] > span[0] else []:
            at = self.at(day, rng.uniform(*span))
            quick = not working and rng.random() < 0.75  # after hours: mostly a glance
            minutes = rng.randint(0, 10) if quick else int(rng.triangular(0, 30, 2))
            if at <= self.now:
                made += 1
                ping = {"at_utc": at, "zone": self.zone, "source": source, "minutes": minutes}
                self.out.pings.append(ping | IMPORTED)
        return made

    def _incidents(
        self, day: date, shift: tuple[float, float] | None, count: int, crisis: bool
    ) -> list[int]:
        rng, severities = self.rng, []
        for _n in range(count):
            span = shift if shift is not None and rng.random() < 0.8 else EVENING
            at = self.at(day, rng.uniform(*span))
            category = rng.choices(_CATEGORIES, _INCIDENT_WEIGHTS[crisis][0])[0]
            severity = rng.choices(range(1, 6), _INCIDENT_WEIGHTS[crisis][1])[0]
            minutes = int(rng.triangular(5, 120, 15))
            resolved = at + timedelta(minutes=minutes)
            resolved_at = resolved if rng.random() < 0.92 and resolved <= self.now else None
            if at > self.now:
                continue
            severities.append(severity)
            internal = category == IncidentCategory.INTERNAL_PRESSURE.value
            # In a crisis some pile-ons follow a call the user advised against (a few days
            # before). Derived from the time, not drawn, so the rest of the history stays put.
            tick = int(at.timestamp())
            against = crisis and not internal and tick % 5 < 2
            advised = day - timedelta(days=tick % 4) if against else None
            self.out.incidents.append(
                {"at_utc": at, "zone": self.zone, "category": category, "severity": severity}
                | {"platform": None if internal else rng.choice(PLATFORMS), "minutes": minutes}
                | {"summary": _("Demo incident"), "details": None, **IMPORTED}
                | {"resolved_at_utc": resolved_at}
                | {"against_advice": against, "advised_on": advised}
            )
        return severities

    def _reflection(self, day: date, shift_end: datetime, load: float, overtime: float) -> None:
        rng, roll = self.rng, self.rng.random()
        saved = shift_end + timedelta(seconds=rng.randint(300, 2700))
        if roll > 0.975 or saved > self.now:
            return
        row: Row = {"day": day, "zone": self.zone, "saved_utc": saved, "skipped": roll > 0.95}
        answers: Row = dict.fromkeys(_ANSWERS)
        if not row["skipped"]:
            strain = self.strain
            answers["stress"] = _clamp(1.5 + 0.55 * load + 0.25 * strain + rng.gauss(0, 1.1), 0, 10)
            answers["mood"] = _clamp(4.4 - 0.22 * load - 0.1 * strain + rng.gauss(0, 0.6), 1, 5)
            answers["energy"] = _clamp(4.1 - 0.15 * load - 0.3 * overtime + rng.gauss(0, 0.7), 1, 5)
            if rng.random() < 0.7:
                answers["detachment"] = _clamp(1.4 + 0.3 * load + rng.gauss(0, 0.7), 1, 5)
            answers["went_well"] = _("Demo reflection")
            tonight = rng.choice(TONIGHT)
            answers["tonight"] = _(tonight) if tonight else None
        self.out.reflections.append(row | answers)

    def _checkin(self, day: date) -> None:
        rng = self.rng
        self.drift = max(-1.0, min(1.0, 0.9 * self.drift + rng.gauss(0, 0.25)))
        level = 3.9 - 0.22 * self.strain + self.drift + rng.gauss(0, 0.25)
        saved = self.at(day, 20 * 60 + rng.uniform(0, 120))
        if saved > self.now:
            return
        items = {f"item{n}": _clamp(level + rng.gauss(0, 0.6), 0, 5) for n in range(1, 6)}
        self.out.checkins.append({"day": day, "zone": self.zone, "saved_utc": saved} | items)


def _clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))
