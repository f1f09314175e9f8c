"""The Settings dialog edits the week, days off and reminders, and names what is wrong."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QTabWidget
from pytestqt.qtbot import QtBot

from wellbeing_app.core.reminders.planner import ReminderSettings
from wellbeing_app.core.schedule.weekly import WeeklySchedule, Window
from wellbeing_app.ui.settings_dialog import SettingsChoice, SettingsDialog

WEEK = WeeklySchedule(
    date(2026, 1, 5), "Europe/Berlin", tuple(Window(d, 9 * 60, 17 * 60) for d in range(5))
)


def make(qtbot: QtBot, saved: list[SettingsChoice], schedule=WEEK) -> SettingsDialog:
    dialog = SettingsDialog(
        date(2026, 11, 25),
        "Europe/Berlin",
        schedule,
        ReminderSettings(),
        ["America/New_York", "Europe/Berlin"],
        saved.append,
    )
    qtbot.addWidget(dialog)
    return dialog


def test_shows_the_schedule_in_force(qtbot: QtBot) -> None:
    dialog = make(qtbot, [])
    works = [box.isChecked() for box, _, _ in dialog.days]
    assert works == [True] * 5 + [False] * 2
    assert dialog.days[0][1].time() == QTime(9, 0)
    assert not dialog.days[6][1].isEnabled()
    assert dialog.zone.currentText() == "Europe/Berlin"


def test_a_late_saturday_and_new_reminder_times_are_saved(qtbot: QtBot) -> None:
    saved: list[SettingsChoice] = []
    dialog = make(qtbot, saved)
    saturday, start, end = dialog.days[5]
    saturday.setChecked(True)
    start.setTime(QTime(22, 0))
    end.setTime(QTime(6, 0))
    dialog.wrap_up_minutes.setValue(30)
    dialog.quiet.setChecked(False)
    dialog.evening_time.setTime(QTime(20, 30))
    dialog.accept()
    [choice] = saved
    assert Window(5, 22 * 60, 6 * 60) in choice.week
    assert len(choice.week) == 6
    assert choice.effective_from == date(2026, 11, 25)
    assert choice.reminders.wrap_up_minutes == 30
    assert choice.reminders.quiet_hours is False
    assert choice.reminders.evening_time == "20:30"
    assert choice.days_off is None


def test_a_day_whose_start_equals_its_end_is_named(qtbot: QtBot) -> None:
    saved: list[SettingsChoice] = []
    dialog = make(qtbot, saved)
    dialog.days[2][2].setTime(QTime(9, 0))
    dialog.accept()
    assert saved == []
    assert dialog.error.text() == "Wednesday: start and end must differ"


def test_an_error_on_the_other_tab_brings_it_forward(qtbot: QtBot) -> None:
    saved: list[SettingsChoice] = []
    dialog = make(qtbot, saved)
    tabs = dialog.findChild(QTabWidget)
    tabs.setCurrentIndex(1)  # reminders
    dialog.days[2][2].setTime(QTime(9, 0))
    dialog.accept()
    assert tabs.currentIndex() == 0  # the schedule, where Wednesday is
    dialog.days[2][1].setTime(QTime(8, 0))  # changing the day's start clears the error
    assert not dialog.error.isVisibleTo(dialog)
    dialog.accept()
    assert len(saved) == 1


def test_days_off_backwards_are_refused(qtbot: QtBot) -> None:
    saved: list[SettingsChoice] = []
    dialog = make(qtbot, saved)
    dialog.add_days_off.setChecked(True)
    dialog.off_from.setDate(dialog.off_from.date().addDays(3))
    dialog.accept()
    assert saved == []
    assert "days off end before they start" in dialog.error.text()


def test_without_a_schedule_it_starts_empty(qtbot: QtBot) -> None:
    saved: list[SettingsChoice] = []
    dialog = make(qtbot, saved, schedule=None)
    assert not any(box.isChecked() for box, _, _ in dialog.days)
    dialog.accept()
    assert saved[0].week == []
