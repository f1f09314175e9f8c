"""The first-run set-up: offered once on a new data folder, done from the keyboard in a few keys,
skipped with Escape (the app then judges nothing after hours), and demo data kept apart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from wellbeing_app.app import WellbeingApp
from wellbeing_app.core.reminders.planner import ReminderSettings
from wellbeing_app.core.schedule.book import Window
from wellbeing_app.ui.controllers.settings import SET_UP_DONE, Settings
from wellbeing_app.ui.first_run_dialog import FirstRunDialog, SetUp

ZONES = ["America/New_York", "Europe/Berlin", "UTC"]


@pytest.fixture
def dialog(qtbot: QtBot):
    saved: list[SetUp] = []
    made = FirstRunDialog("Europe/Berlin", ZONES, saved.append)
    qtbot.addWidget(made)
    made.saved = saved  # type: ignore[attr-defined]
    made.show()
    made.activateWindow()
    qtbot.waitUntil(made.isActiveWindow)
    return made


def test_return_saves_the_usual_week_in_the_system_zone(qtbot: QtBot, dialog) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    [chosen] = dialog.saved
    assert chosen.week == [Window(day, 9 * 60, 17 * 60) for day in range(5)]
    assert chosen.zone == "Europe/Berlin"
    assert chosen.reminders == ReminderSettings()
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted


def test_escape_skips_in_one_key(qtbot: QtBot, dialog) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.saved == []
    assert dialog.chosen is None and dialog.result() == FirstRunDialog.DialogCode.Rejected


def test_a_late_shift_a_day_off_and_fewer_reminders_from_the_keyboard(qtbot: QtBot, dialog) -> None:
    works, _start, _end = dialog.week.rows[0]  # Monday has the focus first
    assert works.hasFocus()
    qtbot.keyClick(works, Qt.Key.Key_Space)  # Monday off
    saturday, sat_start, sat_end = dialog.week.rows[5]
    saturday.setFocus()
    qtbot.keyClick(saturday, Qt.Key.Key_Space)
    sat_start.setTime(QTime(22, 0))
    sat_end.setTime(QTime(6, 0))  # past midnight
    dialog.reminder_boxes["overtime"].setChecked(False)
    qtbot.keyClick(dialog.quiet, Qt.Key.Key_Space)  # no quiet hours
    qtbot.keyClick(dialog.quiet, Qt.Key.Key_Return)  # Return saves from anywhere
    [chosen] = dialog.saved
    assert [w.weekday for w in chosen.week] == [1, 2, 3, 4, 5]
    assert chosen.week[-1] == Window(5, 22 * 60, 6 * 60)
    assert chosen.reminders.overtime is False and chosen.reminders.wrap_up is True
    assert chosen.reminders.quiet_hours is False


def test_a_day_whose_start_is_its_end_is_refused_by_name(qtbot: QtBot, dialog) -> None:
    _, start, end = dialog.week.rows[2]
    end.setTime(start.time())
    dialog.save_button.click()
    assert dialog.saved == [] and dialog.isVisible()
    assert dialog.error.isVisible() and "Wednesday" in dialog.error.text()


def test_an_unknown_zone_is_refused(qtbot: QtBot, dialog) -> None:
    dialog.zone.setCurrentText("Mars/Olympus")
    dialog.save_button.click()
    assert dialog.saved == []
    assert "Time zone" in dialog.error.text()


# --- the app offers it once ---------------------------------------------------------------


def settings_of(app: WellbeingApp) -> Settings:
    assert app.features is not None
    return app.features.settings


def test_a_new_data_folder_is_set_up_once(wellbeing: WellbeingApp, monkeypatch) -> None:
    offered: list[object] = []

    def fake(zone, zones, save, try_demo=None, reminders=None, parent=None, **_):
        offered.append(zone)
        choice = SetUp([Window(d, 8 * 60, 16 * 60) for d in range(4)], "Europe/Berlin",
                       ReminderSettings(who5=False))  # fmt: skip
        save(choice)
        return choice, True

    monkeypatch.setattr(FirstRunDialog, "set_up_once", staticmethod(fake))
    settings = settings_of(wellbeing)
    settings.set_up_if_new()
    settings.set_up_if_new()
    assert len(offered) == 1
    journal = wellbeing.journal
    book = journal.schedule_book(journal.now(), journal.now())
    schedule = book.in_force(journal.today())
    assert schedule is not None and [w.weekday for w in schedule.windows] == [0, 1, 2, 3]
    assert journal.reminder_settings().who5 is False
    assert journal.setting(SET_UP_DONE) is True


def test_skipping_is_remembered_and_leaves_no_schedule(wellbeing, monkeypatch) -> None:
    monkeypatch.setattr(FirstRunDialog, "set_up_once", staticmethod(lambda *a, **k: (None, False)))
    settings_of(wellbeing).set_up_if_new()
    journal = wellbeing.journal
    assert journal.setting(SET_UP_DONE) is True
    assert journal.schedule_book(journal.now(), journal.now()).versions == []
    assert journal.log_ping("slack").timing == "not judged: no working hours set"


def test_a_folder_already_in_use_is_not_asked(wellbeing, monkeypatch) -> None:
    monkeypatch.setattr(FirstRunDialog, "set_up_once", staticmethod(pytest.fail))
    wellbeing.journal.start_shift()
    settings_of(wellbeing).set_up_if_new()
    assert wellbeing.journal.setting(SET_UP_DONE) is True


def test_demo_data_goes_to_a_separate_folder(wellbeing, monkeypatch, tmp_path: Path) -> None:
    settings = settings_of(wellbeing)
    launched: list[Path] = []
    monkeypatch.setattr(settings, "launch", launched.append)
    settings.try_demo()
    settings.try_demo()  # a second try opens the same demo folder, filled once
    folder = settings.demo_folder()
    assert launched == [folder, folder]
    assert folder != wellbeing.journal.db.path.parent
    assert (folder / "wellbeing.sqlite3").exists()
    assert wellbeing.journal.held_data() == []  # the user's own folder stays empty


def test_the_set_up_uses_today_as_the_start(wellbeing, monkeypatch) -> None:
    def fake(zone, zones, save, try_demo=None, reminders=None, parent=None, **_):
        choice = SetUp([Window(0, 9 * 60, 17 * 60)], "UTC", ReminderSettings())
        save(choice)
        return choice, True

    monkeypatch.setattr(FirstRunDialog, "set_up_once", staticmethod(fake))
    settings_of(wellbeing).set_up_if_new()
    journal = wellbeing.journal
    [version] = journal.schedule_book(journal.now(), journal.now()).versions
    assert version.effective_from == journal.today() == date(2026, 11, 15)


def test_the_app_offers_the_set_up_once_it_is_ready(qtbot: QtBot, paths, clock, monkeypatch):
    offered: list[str] = []
    monkeypatch.setattr(
        FirstRunDialog,
        "set_up_once",
        staticmethod(lambda zone, *a, **k: offered.append(zone) or (None, False)),
    )
    app = WellbeingApp(paths, clock, tray_wait_ms=0, set_up=True)
    with qtbot.waitSignal(app.ready, timeout=20_000):
        app.start()
    qtbot.waitUntil(lambda: offered == ["Europe/Berlin"])  # after the loop turns, not before
    app.shutdown()
    for window in app.windows.all():
        window.close()
        window.deleteLater()
    app.deleteLater()


def test_counting_is_offered_where_possible_and_explained_where_not(qtbot: QtBot) -> None:
    saved: list[SetUp] = []
    possible = FirstRunDialog("UTC", ZONES, saved.append)
    qtbot.addWidget(possible)
    assert possible.counting.isEnabled() and not possible.counting.isChecked()  # opt-in
    possible.counting.setChecked(True)
    possible.save_button.click()
    assert saved[-1].count_notifications is True
    why = "There is no session bus here."
    not_here = FirstRunDialog("UTC", ZONES, saved.append, counting_unavailable=why)
    qtbot.addWidget(not_here)
    assert not not_here.counting.isEnabled()
    assert any(label.text() == why for label in not_here.findChildren(QLabel))
    not_here.save_button.click()
    assert saved[-1].count_notifications is False


def test_saying_yes_in_the_set_up_turns_counting_on(wellbeing, monkeypatch) -> None:
    def fake(zone, zones, save, try_demo=None, reminders=None, parent=None, **_):
        choice = SetUp([], "UTC", ReminderSettings(), count_notifications=True)
        save(choice)
        return choice, True

    monkeypatch.setattr(FirstRunDialog, "set_up_once", staticmethod(fake))
    settings_of(wellbeing).set_up_if_new()
    assert wellbeing.journal.counting.settings().on is True


def test_settings_turn_counting_on_and_off(wellbeing, monkeypatch) -> None:
    from wellbeing_app.ui.settings_dialog import SettingsDialog

    choices: list[bool] = [True, False]

    def fake_settings(*args, counting=None, **kwargs):
        assert counting is not None and counting[0] is wellbeing.journal.counting.settings().on
        dialog = SettingsDialog(*args, **kwargs, counting=(counting[0], None))
        dialog.counting.setChecked(choices.pop(0))
        dialog.accept()
        return dialog.value, True

    monkeypatch.setattr(SettingsDialog, "edit", staticmethod(fake_settings))
    settings_of(wellbeing).open_settings()
    assert wellbeing.journal.counting.settings().on is True
    settings_of(wellbeing).open_settings()
    assert wellbeing.journal.counting.settings().on is False
