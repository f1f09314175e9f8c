"""Honest figures from the first day: before any working hours are set nothing is after hours
and no day is a workday or a day off; days that have not begun count as neither; a schedule set
mid-period judges only the days from then on. A new user's first summaries and cards say so, and
state no change against a previous period that holds no data."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tests.schedules import weekdays_9_to_5
from wellbeing_app.core.records.pings import log_ping
from wellbeing_app.core.records.shifts import end_shift, start_shift
from wellbeing_app.core.reflection.who5 import save_checkin
from wellbeing_app.core.reports.formats import render_text, to_html
from wellbeing_app.core.reports.summary import SummaryOptions, build_summary
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.time.periods import Period
from wellbeing_app.core.workload.aggregate import compared, workload
from wellbeing_app.core.workload.cards import HOURS_NOT_SET_DETAIL, cards
from wellbeing_app.core.workload.coverage import first_record, working_hours_notice
from wellbeing_app.core.workload.figures import MEMBER_ROWS
from wellbeing_app.core.workload.loads import Totals, Workload

ROW_LABELS = [figure.label for figure in MEMBER_ROWS if not figure.opt_in]

BERLIN = "Europe/Berlin"
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=ZoneInfo("UTC"))  # Thursday, 13:00 in Berlin


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(BERLIN))


def ping(db: Database, at: str) -> None:
    with db.write() as session:
        log_ping(session, at=local(at), now=NOW, zone=BERLIN, source="slack")


def shift(db: Database, start: str, end: str) -> None:
    with db.write() as session:
        start_shift(session, at=local(start), now=NOW, zone=BERLIN)
        end_shift(session, at=local(end), now=NOW)


def load(db: Database, first: date, last: date) -> Workload:
    with db.read() as session:
        return workload(session, Period(first, last), BERLIN, NOW)


def test_with_no_schedule_a_tuesday_morning_ping_is_not_after_hours(db: Database) -> None:
    ping(db, "2026-11-24 11:00")  # Tuesday
    ping(db, "2026-11-24 22:30")
    result = load(db, date(2026, 11, 2), date(2026, 11, 26))
    t = result.totals
    assert (t.after_hours_pings, t.evenings_with_contact, t.days_off_with_contact) == (0, 0, 0)
    assert (t.workdays, t.days_off, t.hours_scheduled) == (0, 0, 0.0)
    assert not any(day.judged for day in result.days)
    assert result.contact_heatmap == [[0] * 24 for _ in range(7)]


def test_hours_worked_count_without_a_schedule(db: Database) -> None:
    shift(db, "2026-11-24 09:00", "2026-11-24 18:00")
    result = load(db, date(2026, 11, 23), date(2026, 11, 26))
    assert result.totals.hours_worked == pytest.approx(9.0)
    # Overtime is work beyond the schedule: with none set there is nothing to be beyond.
    assert result.totals.overtime_hours == 0.0


def test_days_before_the_first_schedule_are_neither_workdays_nor_days_off(db: Database) -> None:
    weekdays_9_to_5(db, since=date(2026, 11, 18))  # a Wednesday
    ping(db, "2026-11-17 22:00")  # before: not judged
    ping(db, "2026-11-18 22:00")  # after: after hours
    ping(db, "2026-11-21 12:00")  # a Saturday under the schedule: a day off reached
    result = load(db, date(2026, 11, 9), date(2026, 11, 22))
    t = result.totals
    # 18-20 Nov are workdays (Wed-Fri), 21-22 Nov days off; 9-17 Nov count as neither.
    assert (t.workdays, t.days_off) == (3, 2)
    assert (t.after_hours_pings, t.evenings_with_contact, t.days_off_with_contact) == (2, 1, 1)
    assert [d.day.day for d in result.days if d.judged] == [18, 19, 20, 21, 22]


def test_days_not_begun_count_as_neither_and_agree_with_the_hours_scheduled(
    db: Database,
) -> None:
    weekdays_9_to_5(db)
    result = load(db, date(2026, 11, 23), date(2026, 11, 29))  # NOW is Thursday 13:00
    t = result.totals
    assert (t.workdays, t.days_off) == (4, 0)  # Monday to Thursday; the weekend is to come
    assert t.hours_scheduled == pytest.approx(3 * 8 + 4)  # Thursday up to 13:00
    assert [d.judged for d in result.days] == [True] * 4 + [False] * 3


def test_the_previous_period_before_any_schedule_holds_no_workdays(db: Database) -> None:
    weekdays_9_to_5(db, since=date(2026, 11, 16))
    with db.read() as session:
        current, previous = compared(
            session, Period(date(2026, 11, 16), date(2026, 11, 22)), BERLIN, NOW
        )
    assert current.totals.workdays == 5
    assert (previous.workdays, previous.days_off) == (0, 0)


# A new user's first week, as far as it has gone (NOW is Thursday 26 Nov, 13:00): 48 hours in
# four long days (the last began 4.5 h after the one before ended: a short rest), and two pings
# at night. Nothing was logged before Monday.
FIRST_WEEK = Period(date(2026, 11, 23), date(2026, 11, 26))
SHORT_REST = (
    "The rest between two working days was under 11 hours once "
    "(the daily-rest minimum of EU working-time rules)."
)
HOW_TO = (
    "Set them in Settings… in the tray, or with: "
    "wellbeing-app schedule set --days mon-fri --start 09:00 --end 17:00"
)


def first_week(db: Database) -> None:
    for day in (23, 24, 25):
        shift(db, f"2026-11-{day} 08:00", f"2026-11-{day} 20:00")
    shift(db, "2026-11-26 00:30", "2026-11-26 12:30")
    ping(db, "2026-11-24 22:30")
    ping(db, "2026-11-25 22:00")


def summary_of(db: Database, period: Period = FIRST_WEEK) -> tuple[dict[str, Any], Workload]:
    with db.read() as session:
        current, previous = compared(session, period, BERLIN, NOW)
    return dict(build_summary(current, previous, SummaryOptions(), NOW)), current


def change_cells(markdown: str) -> list[str]:
    """The Change column of the totals table."""
    table = markdown.split("## Totals")[1].split("## ")[0]
    rows = [line for line in table.splitlines() if line.startswith("| ")][1:]  # no header
    return [row.split(" | ")[-1].removesuffix(" |") for row in rows]


def test_a_first_week_without_working_hours_says_so_plainly(db: Database) -> None:
    first_week(db)
    document, current = summary_of(db)

    assert document["totals"]["hours_worked"] == 48.0
    assert document["totals"]["after_hours_pings"] == 0  # nothing to be after
    assert (document["previous_has_data"], document["working_hours_set_from"]) == (False, None)
    assert document["days_judged"] == 0
    assert document["findings"] == [
        "Working hours are not set, so no contact counts as after hours, and no day as a "
        f"workday or a day off. {HOW_TO}",
        "Worked 48.00 h.",
        "No earlier data to compare: the log begins on 23 Nov 2026.",
        SHORT_REST,
    ]
    markdown = render_text(document, "md")
    cells = dict(zip(ROW_LABELS, change_cells(markdown), strict=True))
    for figure in (f for f in MEMBER_ROWS if not f.opt_in):  # an opt-in one: not asked for
        said = "working hours not set" if figure.against_hours else "no earlier data"
        assert cells[figure.label] == said, figure.key
    for text in (markdown, to_html(document), render_text(document, "json")):
        assert "rose from" not in text and "+48" not in text
    # No figure where a zero would mean nothing: before the first record, or no working hours.
    assert "| Hours worked | 48.00 h | – | no earlier data |" in markdown
    assert "| After-hours pings | – | – | working hours not set |" in markdown
    assert document["previous"]["hours_worked"] == 0.0  # the JSON keeps its values

    found = {card.title: card for card in cards(current, Totals(), disconnect_streak=0)}
    assert (found["Hours worked"].value, found["Hours worked"].detail) == (
        "48.00 h",
        "no working hours set",
    )
    assert (found["Hours worked"].change, found["Hours worked"].worse) == (
        "no earlier data to compare",
        None,
    )
    for title in ("Overtime", "After-hours pings", "Evenings and days off reached"):
        assert (found[title].value, found[title].detail) == ("–", HOURS_NOT_SET_DETAIL)
    assert working_hours_notice(current.coverage) == document["findings"][0]


def test_a_first_week_with_working_hours_set_on_wednesday(db: Database) -> None:
    weekdays_9_to_5(db, since=date(2026, 11, 25))
    first_week(db)
    document, current = summary_of(db)

    assert document["working_hours_set_from"] == "2026-11-25"
    assert document["days_judged"] == 2  # Wednesday and Thursday
    assert document["totals"]["after_hours_pings"] == 1  # Wednesday night's; Tuesday's not judged
    # Wednesday 8 h and Thursday 09:00-13:00 scheduled; 4 h and 8 h beyond them.
    assert document["findings"] == [
        "Working hours were set from 25 Nov 2026: after-hours figures cover 2 of the 4 days "
        "in this period.",
        "Worked 48.00 h against 12.00 h scheduled, 12.00 h of it beyond the day's schedule.",
        "No earlier data to compare: the log begins on 23 Nov 2026.",
        SHORT_REST,
        "Work reached me after hours on 1 of 2 workdays.",  # no "on 0 of 0 days off"
    ]
    assert set(change_cells(render_text(document, "md"))) == {"no earlier data"}
    found = {card.title: card for card in cards(current, Totals(), disconnect_streak=0)}
    assert found["After-hours pings"].value == "1"
    assert found["After-hours pings"].change == "no earlier data to compare"


def test_the_second_week_compares_only_what_the_first_can_speak_for(db: Database) -> None:
    """Working hours set on the first Wednesday: hours worked compare with the first week, the
    after-hours figures do not (the first week was only partly judged)."""
    weekdays_9_to_5(db, since=date(2026, 11, 18))
    shift(db, "2026-11-16 09:00", "2026-11-16 17:00")  # the first week's Monday
    ping(db, "2026-11-16 22:00")  # before working hours were set: not judged
    first_week(db)
    second = Period(date(2026, 11, 23), date(2026, 11, 26))  # previous: 19-22 Nov
    document, current = summary_of(db, second)
    assert document["previous_has_data"] is True  # the first record, 16 Nov, is before it
    assert not any(f.startswith("No earlier data") for f in document["findings"])
    assert document["findings"][1] == (
        "Hours worked rose from 0.00 h to 48.00 h against the previous period."
    )

    # The previous period (19-22 Nov) lies within the weeks under working hours: it compares.
    assert "working hours not set then" not in change_cells(render_text(document, "md"))

    # A period whose previous one began before working hours were set: after-hours figures
    # are not compared, hours worked are.
    fortnight = Period(date(2026, 11, 20), date(2026, 11, 26))  # previous: 13-19 Nov
    document, current = summary_of(db, fortnight)
    cells = dict(zip(ROW_LABELS, change_cells(render_text(document, "md")), strict=True))
    assert cells["Hours worked"] == "+40.00 h"
    assert cells["After-hours pings"] == "working hours not set then"
    assert cells["Overtime"] == "working hours not set then"
    assert (
        "After-hours figures are not compared: working hours were not set all through the "
        "previous period."
    ) in document["findings"]
    assert all("After-hours pings" not in f for f in document["findings"])
    found = {card.title: card for card in cards(current, Totals(hours_worked=8.0), 0)}
    assert found["After-hours pings"].change == "working hours not set then"
    assert found["After-hours pings"].worse is None


def test_the_first_record_is_the_earliest_of_every_kind(db: Database) -> None:
    with db.read() as session:
        assert first_record(session, BERLIN) is None
    ping(db, "2026-11-24 22:30")
    shift(db, "2026-11-20 23:30", "2026-11-21 01:00")  # 23:30 in Berlin: 20 Nov, 22:30 UTC
    with db.write() as session:
        save_checkin(session, [3, 3, 3, 3, 3], day=date(2026, 11, 22), zone=BERLIN, now=NOW)
    with db.read() as session:
        assert first_record(session, BERLIN) == date(2026, 11, 20)
        assert first_record(session, "UTC") == date(2026, 11, 20)
        assert first_record(session, "Pacific/Kiritimati") == date(2026, 11, 21)  # UTC+14
    with db.write() as session:
        save_checkin(session, [3, 3, 3, 3, 3], day=date(2026, 11, 2), zone=BERLIN, now=NOW)
    with db.read() as session:
        assert first_record(session, BERLIN) == date(2026, 11, 2)
