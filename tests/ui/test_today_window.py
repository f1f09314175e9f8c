"""The Today window shows one day's records and asks for edits and deletions by id."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from pytestqt.qtbot import QtBot

from wellbeing_app.core.records.day import DayLog
from wellbeing_app.core.records.incidents import IncidentRow
from wellbeing_app.core.records.pings import PingRow
from wellbeing_app.core.records.shifts import ShiftRow
from wellbeing_app.ui.today_window import HOURS_NOT_SET_THEN, HOURS_NOT_SET_TODAY, TodayWindow

ZONE = "Europe/Berlin"
NOW = datetime(2026, 11, 25, 20, 0, tzinfo=UTC)  # 21:00 in Berlin


def a_day() -> DayLog:
    return DayLog(
        day=date(2026, 11, 25),
        shifts=[
            ShiftRow(
                3, NOW - timedelta(days=1, hours=1), NOW - timedelta(hours=17), ZONE, None, "tray"
            ),
            ShiftRow(4, NOW - timedelta(hours=2, minutes=30), None, ZONE, "launch day", "cli"),
        ],
        pings=[PingRow(7, NOW - timedelta(minutes=5), ZONE, "social_dm", 10, None, "tray", False)],
        incidents=[
            IncidentRow(
                9,
                NOW - timedelta(hours=1),
                ZONE,
                "harassment",
                4,
                "x",
                30,
                "Pile-on",
                "SECRET",
                "tray",
            ),
        ],
    )


def cell(table, row: int, column: int) -> str:
    return table.table.item(row, column).text()


def test_shows_the_day(qtbot: QtBot) -> None:
    window = TodayWindow()
    qtbot.addWidget(window)
    window.show_log(a_day(), NOW, ZONE)
    assert window.windowTitle() == "Today, Wednesday 25 November"
    assert window.status.text() == "Shift running since 18:30 (2 h 30 min)"
    # The shift from last night shows its weekday: it began yesterday.
    assert cell(window.shifts, 0, 0) == "Tue 20:00"
    assert cell(window.shifts, 1, 1) == "running"
    assert cell(window.shifts, 1, 3) == "launch day"
    assert [cell(window.pings, 0, c) for c in range(4)] == [
        "20:55",
        "Social DM",
        "10",
        "working hours",
    ]
    assert cell(window.incidents, 0, 1) == "Harassment"
    assert "SECRET" not in [cell(window.incidents, 0, c) for c in range(6)]


def test_empty_day_says_so(qtbot: QtBot) -> None:
    window = TodayWindow()
    qtbot.addWidget(window)
    window.show()
    window.show_log(DayLog(date(2026, 11, 25), [], [], []), NOW, ZONE)
    assert window.status.text() == "Off the clock."
    assert window.pings.empty.isVisible()
    assert not window.pings.table.isVisible()
    assert not window.pings.edit_button.isEnabled()


def test_edit_and_delete_carry_the_record_id(qtbot: QtBot) -> None:
    window = TodayWindow()
    qtbot.addWidget(window)
    window.show_log(a_day(), NOW, ZONE)
    window.incidents.select_first()
    with qtbot.waitSignal(window.edit_requested, timeout=1000) as edit:
        window.incidents.edit_button.click()
    assert edit.args == ["incident", 9]
    window.shifts.table.selectRow(1)
    with qtbot.waitSignal(window.delete_requested, timeout=1000) as delete:
        window.shifts.delete_button.click()
    assert delete.args == ["shift", 4]


def test_selection_survives_a_refresh(qtbot: QtBot) -> None:
    window = TodayWindow()
    qtbot.addWidget(window)
    window.show_log(a_day(), NOW, ZONE)
    window.shifts.table.selectRow(1)
    window.show_log(a_day(), NOW + timedelta(minutes=1), ZONE)
    assert window.shifts.selected_id() == 4


def test_streaks_are_shown_in_workdays(qtbot: QtBot) -> None:
    window = TodayWindow()
    qtbot.addWidget(window)
    window.show_streaks(1, 4)
    assert window.streaks.text() == "Disconnect streak: 1 workday · reflection streak: 4 workdays"


def test_a_ping_not_judged_brings_a_note_on_working_hours(qtbot: QtBot) -> None:
    window = TodayWindow()
    qtbot.addWidget(window)
    window.show()
    window.show_log(a_day(), NOW, ZONE)
    assert not window.hours_note.isVisible()  # the day's ping was judged: working hours
    unjudged = PingRow(8, NOW, ZONE, "slack", 0, None, "tray", False, judged=False)
    day = a_day()
    window.show_log(DayLog(day.day, day.shifts, [unjudged], []), NOW, ZONE)
    assert window.hours_note.isVisible() and window.hours_note.text() == HOURS_NOT_SET_TODAY
    assert cell(window.pings, 0, 3) == "not judged: no working hours set"
    earlier = date(2026, 11, 20)
    window.show_log(DayLog(earlier, [], [unjudged], []), NOW, ZONE)
    assert window.hours_note.text() == HOURS_NOT_SET_THEN
