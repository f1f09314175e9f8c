"""The whole app wired together, as a user drives it (offscreen: the no-tray window stands in)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.schedules import weekdays_9_to_5
from wellbeing_app.app import WellbeingApp
from wellbeing_app.core.records.incidents import IncidentDraft
from wellbeing_app.ui.incident_dialog import IncidentDialog
from wellbeing_app.ui.no_tray_window import NO_TRAY_EXPLAINED, WHY_NO_TRAY, NoTrayWindow
from wellbeing_app.ui.ping_dialog import PingDialog, PingEdit
from wellbeing_app.ui.today_window import TodayWindow


def no_tray_window(app: WellbeingApp) -> NoTrayWindow:
    """The window that stands in for the tray offscreen."""
    window = app.windows.get(NoTrayWindow)
    assert window is not None
    return window


def status(app: WellbeingApp) -> str:
    """What the app last said (the no-tray window's status line)."""
    return no_tray_window(app).status.text()


def test_start_and_end_a_shift_from_the_menu(wellbeing: WellbeingApp, clock, monkeypatch) -> None:
    from wellbeing_app.ui.reflection_dialog import ReflectionDialog

    reflections: list[object] = []
    monkeypatch.setattr(
        ReflectionDialog,
        "reflect",
        staticmethod(lambda *a, **k: reflections.append(a) or (None, False)),
    )
    assert wellbeing.actions.shift.text() == "Start shift"
    wellbeing.actions.shift.trigger()
    assert wellbeing.journal.running_shift() is not None
    clock.advance(hours=2, minutes=15)
    wellbeing.refresh()
    assert wellbeing.actions.shift.text() == "End shift (2 h 15 min)"
    wellbeing.actions.shift.trigger()
    assert wellbeing.journal.running_shift() is None
    [shift] = wellbeing.journal.day().shifts
    assert shift.length(clock.now()) == timedelta(hours=2, minutes=15)
    assert shift.origin == "tray"
    assert "You worked 2 h 15 min" in status(wellbeing)
    assert len(reflections) == 1  # ending the shift leads into the reflection


def test_a_ping_logged_from_the_menu_knows_it_came_after_hours(wellbeing, clock) -> None:
    weekdays_9_to_5(wellbeing.journal.db)  # the clock stands on a Sunday: a day off
    wellbeing.actions.pings[0].trigger()  # Slack, no shift running
    [ping] = wellbeing.journal.day().pings
    assert (ping.source, ping.after_hours, ping.origin) == ("slack", True, "tray")
    assert ping.at == clock.now()
    assert "after hours" in status(wellbeing)


def test_log_an_incident_through_the_dialog(wellbeing, monkeypatch, clock) -> None:
    draft = IncidentDraft(clock.now(), "threats", 5, "x", 20, "Threat in replies", "SECRET")

    def fake_dialog(clock, save, initial=None, parent=None):
        save(draft)
        return draft, True

    monkeypatch.setattr(IncidentDialog, "get_incident", staticmethod(fake_dialog))
    wellbeing.actions.incident.trigger()
    [incident] = wellbeing.journal.day().incidents
    assert (incident.category, incident.severity, incident.details) == ("threats", 5, "SECRET")


def test_today_window_edits_and_deletes(wellbeing, monkeypatch, clock) -> None:
    wellbeing.actions.pings[1].trigger()  # Teams
    wellbeing.actions.today.trigger()
    window = wellbeing.windows.get(TodayWindow)
    assert window is not None and window.isVisible()
    assert window.pings.table.rowCount() == 1

    def fake_edit(clock, initial: PingEdit, save, parent=None):
        changed = PingEdit(initial.at - timedelta(minutes=30), "email", 25, "invoice question")
        save(changed)
        return changed, True

    monkeypatch.setattr(PingDialog, "get_ping", staticmethod(fake_edit))
    window.pings.select_first()
    window.pings.edit_button.click()
    [ping] = wellbeing.journal.day().pings
    assert (ping.source, ping.minutes, ping.note) == ("email", 25, "invoice question")
    assert window.pings.table.item(0, 1).text() == "Email"

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.pings.select_first()
    window.pings.delete_button.click()
    assert len(wellbeing.journal.day().pings) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.pings.delete_button.click()
    assert wellbeing.journal.day().pings == []
    assert window.pings.empty.isVisibleTo(window)


def test_no_tray_window_says_why_only_the_first_time(qtbot: QtBot, wellbeing, paths, clock):
    window = no_tray_window(wellbeing)
    assert window.isVisible()
    assert window.why.text() == WHY_NO_TRAY
    assert window.why.isVisibleTo(window)
    assert wellbeing.journal.setting(NO_TRAY_EXPLAINED) is True
    wellbeing.shutdown()
    window.close()

    again = WellbeingApp(paths, clock, tray_wait_ms=0)
    with qtbot.waitSignal(again.ready, timeout=20_000):
        again.start()
    second = no_tray_window(again)
    assert second.isVisible()
    assert not second.why.isVisibleTo(second)
    again.shutdown()
    second.close()
    second.deleteLater()
    again.deleteLater()


def test_rows_written_by_the_cli_appear_in_the_app(qtbot: QtBot, wellbeing, paths) -> None:
    env = {**os.environ, "TZ": "Europe/Berlin"}
    with qtbot.waitSignal(wellbeing.watcher.changed, timeout=10_000):
        subprocess.run(
            [
                sys.executable,
                "-m",
                "wellbeing_app",
                "--data-dir",
                str(paths.data_dir),
                "shift",
                "start",
                "--at",
                "2026-11-15T08:00",
            ],
            check=True,
            env=env,
            capture_output=True,
        )
    assert wellbeing.actions.shift.text().startswith("End shift")


def test_a_damaged_database_is_reported_and_left_alone(qtbot: QtBot, paths, clock, monkeypatch):
    paths.database.write_bytes(b"this is not a database at all" * 100)
    before = paths.database.read_bytes()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr("wellbeing_app.app.QApplication.exit", lambda code=0: None)
    app = WellbeingApp(paths, clock, tray_wait_ms=0)
    with qtbot.waitSignal(app.failed, timeout=20_000) as failure:
        app.start()
    assert "not a readable Wellbeing database" in failure.args[0]
    assert shown == failure.args
    assert paths.database.read_bytes() == before
    assert not app.actions.shift.isEnabled()
    no_tray_window(app).close()


@pytest.mark.parametrize(
    "module", ["sqlmodel", "sqlalchemy", "alembic", "matplotlib", "apscheduler"]
)
def test_showing_the_tray_needs_no_heavy_import(module: str) -> None:
    code = f"import sys, wellbeing_app.cli, wellbeing_app.app;print({module!r} in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _reminder(kind, clock, actions=(), suggested_end=None):
    from wellbeing_app.core.reminders.planner import Reminder

    return Reminder(
        kind,
        clock.now(),
        f"{kind.value}@test",
        "Time to disconnect",
        "Your shift ended.",
        timedelta(hours=1),
        actions,
        suggested_end,
    )


def test_a_reminder_without_a_notification_server_lands_in_the_window(wellbeing, clock):
    from wellbeing_app.core.reminders.planner import ReminderKind

    reminder = _reminder(ReminderKind.END_OF_SHIFT, clock, ("end_shift",))
    wellbeing.features.reminders.show_reminder(reminder)
    assert "Time to disconnect" in status(wellbeing)


def test_reminder_choices_end_snooze_and_on_call(wellbeing, clock) -> None:
    from wellbeing_app.core.reminders import memory as reminder_state
    from wellbeing_app.core.reminders.planner import ReminderKind

    wellbeing.journal.start_shift(clock.now() - timedelta(hours=9))
    reminders = wellbeing.features.reminders
    end = _reminder(ReminderKind.END_OF_SHIFT, clock, ("end_shift", "snooze", "on_call"))
    reminders.choose(end, "snooze")
    with wellbeing.journal.db.read() as session:
        snoozed = reminder_state.RemindersState.load(session).snoozed_until
    assert snoozed == clock.now() + timedelta(minutes=15)
    reminders.choose(end, "on_call")
    book = wellbeing.journal.schedule_book(clock.now(), clock.now() + timedelta(hours=1))
    assert book.is_on_call(clock.now() + timedelta(minutes=30))
    forgot = _reminder(
        ReminderKind.FORGOT_CLOCK_OUT,
        clock,
        ("end_at_scheduled_end",),
        suggested_end=clock.now() - timedelta(hours=1),
    )
    reminders.choose(forgot, "end_at_scheduled_end")
    assert wellbeing.journal.running_shift() is None
    [shift] = wellbeing.journal.day().shifts
    assert shift.end == clock.now() - timedelta(hours=1)


def test_settings_are_saved_from_the_dialog(wellbeing, monkeypatch, clock) -> None:
    from wellbeing_app.core.reminders.planner import ReminderSettings
    from wellbeing_app.core.schedule.weekly import Window
    from wellbeing_app.ui.settings_dialog import SettingsChoice, SettingsDialog

    choice = SettingsChoice(
        [Window(0, 540, 1020)],
        "Europe/Berlin",
        clock.now().date(),
        ReminderSettings(wrap_up=False),
        None,
    )

    def fake_edit(today, zone, schedule, reminders, zones, save, parent=None, **_):
        assert schedule is None and "Europe/Berlin" in zones
        save(choice)
        return choice, True

    monkeypatch.setattr(SettingsDialog, "edit", staticmethod(fake_edit))
    wellbeing.actions.settings.trigger()
    assert wellbeing.journal.reminder_settings().wrap_up is False
    book = wellbeing.journal.schedule_book(clock.now(), clock.now())
    assert book.in_force(clock.now().date()).windows == (Window(0, 540, 1020),)


def test_the_hand_off_list_comes_back_at_the_next_shift(wellbeing, monkeypatch, clock) -> None:
    from wellbeing_app.core.reflection.reflections import ReflectionDraft
    from wellbeing_app.ui.handoff_dialog import HandoffDialog

    yesterday = wellbeing.journal.today() - timedelta(days=1)
    wellbeing.journal.save_reflection(
        ReflectionDraft(yesterday, 3, 3, 5, leave_at_work="Reply to legal\nSchedule Monday post")
    )
    shown: list[list[tuple[int, str, object]]] = []

    def tick_first(items, parent=None):
        shown.append(items)
        return [items[0][0]]

    monkeypatch.setattr(HandoffDialog, "review", staticmethod(tick_first))
    wellbeing.actions.shift.trigger()
    assert [text for _, text, _ in shown[0]] == ["Reply to legal", "Schedule Monday post"]
    assert [text for _, text, _ in wellbeing.journal.handoff_list()] == ["Schedule Monday post"]


def test_the_reflection_after_a_shift_can_be_turned_off(wellbeing, monkeypatch, clock) -> None:
    from dataclasses import replace

    from wellbeing_app.core.reminders import memory as reminder_state
    from wellbeing_app.ui.reflection_dialog import ReflectionDialog

    opened: list[object] = []
    monkeypatch.setattr(ReflectionDialog, "reflect", staticmethod(lambda *a, **k: opened.append(a)))
    off = replace(wellbeing.journal.reminder_settings(), reflect_after_shift=False)
    with wellbeing.journal.db.write() as session:
        reminder_state.save_settings(session, off)
    wellbeing.journal.start_shift(clock.now() - timedelta(hours=1))
    wellbeing.features.shift_clock.end_shift()
    assert wellbeing.journal.running_shift() is None
    assert opened == []


def test_an_incident_logged_from_the_tray_refreshes_an_open_dashboard(
    qtbot: QtBot, wellbeing, monkeypatch, clock
) -> None:
    from wellbeing_app.ui.dashboard_window import DashboardWindow

    wellbeing.actions.dashboard.trigger()
    dashboard = wellbeing.windows.get(DashboardWindow)
    qtbot.waitUntil(lambda: dashboard.workload is not None, timeout=10_000)
    assert dashboard.workload.totals.incidents == 0
    draft = IncidentDraft(clock.now() - timedelta(hours=1), "harassment", 3, "x", 10, "Pile-on")

    def fake_dialog(clock, save, initial=None, parent=None):
        save(draft)
        return draft, True

    monkeypatch.setattr(IncidentDialog, "get_incident", staticmethod(fake_dialog))
    with qtbot.waitSignal(wellbeing.operations.state_changed, timeout=1000) as changed:
        changes: list[None] = []
        wellbeing.operations.state_changed.connect(lambda: changes.append(None))
        wellbeing.actions.incident.trigger()
    assert changed.signal_triggered and len(changes) == 1, status(wellbeing)
    assert dashboard.workload.totals.incidents == 1, status(wellbeing)
    assert "Incident logged" in status(wellbeing)
