"""A reminder with choices waits for an answer: the tray balloon fades, the choices stay in the
tray menu and the no-tray window until answered or no longer relevant."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from tests.schedules import weekdays_9_to_5
from wellbeing_app.app import WellbeingApp
from wellbeing_app.core.reminders.planner import Reminder, ReminderKind
from wellbeing_app.core.time.clock import FixedClock
from wellbeing_app.ui.controllers.reminders import GONE_TITLE, HEADS_UP
from wellbeing_app.ui.no_tray_window import NoTrayWindow
from wellbeing_app.ui.reminder_dialog import ReminderDialog
from wellbeing_app.ui.tray import Tray

DISCONNECT = "Time to disconnect: choose…"


def berlin(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo("Europe/Berlin")).astimezone(UTC)


@pytest.fixture
def no_server(monkeypatch) -> None:
    """No notification server on the session bus: reminders take the tray's path."""
    monkeypatch.setattr(
        "wellbeing_app.services.desktop_notifications.server_capabilities", lambda timeout: None
    )


@pytest.fixture
def dialogs(monkeypatch) -> Iterator[list[tuple[Reminder, dict[str, str]]]]:
    """The reminder dialog answers "End shift now"; the reflection after a shift is skipped."""
    from wellbeing_app.ui.reflection_dialog import ReflectionDialog

    asked: list[tuple[Reminder, dict[str, str]]] = []

    def ask(reminder, labels, parent=None):
        asked.append((reminder, labels))
        return "end_shift", True

    monkeypatch.setattr(ReminderDialog, "ask", staticmethod(ask))
    monkeypatch.setattr(ReflectionDialog, "reflect", staticmethod(lambda *a, **k: (None, False)))
    yield asked


@pytest.fixture
def menu_of(wellbeing: WellbeingApp) -> Iterator[Tray]:
    """A tray icon and its menu, wired as the app wires one where a system tray exists."""
    tray = Tray()
    tray.attach_menu(wellbeing.actions)
    tray.menu_opening.connect(wellbeing.refresh)
    yield tray
    tray.hide()
    tray.deleteLater()


def open_menu(tray: Tray) -> list[str]:
    """Open the tray menu (it refreshes as it opens): the texts of its visible items."""
    assert tray.menu is not None
    tray.menu.aboutToShow.emit()
    return [a.text() for a in tray.menu.actions() if a.isVisible() and not a.isSeparator()]


def item(tray: Tray, text: str):
    assert tray.menu is not None
    return next(a for a in tray.menu.actions() if a.isVisible() and a.text() == text)


def window(app: WellbeingApp) -> NoTrayWindow:
    found = app.windows.get(NoTrayWindow)
    assert found is not None
    return found


def a_shift_past_its_end(qtbot: QtBot, app: WellbeingApp, clock: FixedClock) -> None:
    """Monday 09:00-17:00 scheduled, clocked in at 09:05, and 17:00 comes: the scheduler
    announces the end of the shift."""
    assert app.journal is not None and app.features is not None
    weekdays_9_to_5(app.journal.db)
    clock.instant = berlin("2026-11-16T09:05")
    app.actions.shift.trigger()
    assert app.journal.running_shift() is not None
    clock.instant = berlin("2026-11-16T17:00")
    reminders = app.features.reminders
    reminders.service.scheduler.timer.timeout.emit()  # the scheduler wakes at 17:00
    qtbot.waitUntil(lambda: bool(reminders.pending()), timeout=2000)


def test_a_missed_reminder_is_answered_an_hour_later_from_the_tray_menu(
    qtbot: QtBot, wellbeing, clock, no_server, dialogs, menu_of
) -> None:
    a_shift_past_its_end(qtbot, wellbeing, clock)
    # The balloon (here the window's status line) is a heads-up that says where to answer.
    assert "Time to disconnect" in window(wellbeing).status.text()
    assert HEADS_UP in window(wellbeing).status.text()
    wellbeing.on_state_changed()  # a replan does not forget it
    clock.advance(hours=1)
    assert open_menu(menu_of)[:2] == [DISCONNECT, "End shift (8 h 55 min)"]
    item(menu_of, DISCONNECT).trigger()
    [(reminder, labels)] = dialogs
    assert reminder.kind is ReminderKind.END_OF_SHIFT
    assert list(labels.values()) == ["End shift now", "Snooze 15 min", "I'm on call"]
    assert wellbeing.journal.running_shift() is None
    [shift] = wellbeing.journal.day().shifts
    assert shift.end == berlin("2026-11-16T18:00")
    assert open_menu(menu_of)[0] == "Start shift"  # answered: gone


def test_the_no_tray_window_offers_it_too(qtbot: QtBot, wellbeing, clock, no_server, dialogs):
    a_shift_past_its_end(qtbot, wellbeing, clock)
    clock.advance(hours=1)
    wellbeing.refresh()
    [button, *others] = [
        b for b in window(wellbeing).reminder_buttons if b.isVisibleTo(window(wellbeing))
    ]
    assert others == []
    assert button.text() == DISCONNECT
    button.click()
    assert len(dialogs) == 1
    assert wellbeing.journal.running_shift() is None
    assert not button.isVisibleTo(window(wellbeing))


def test_closing_the_dialog_leaves_it_waiting(
    qtbot: QtBot, wellbeing, clock, no_server, menu_of, monkeypatch
) -> None:
    monkeypatch.setattr(ReminderDialog, "ask", staticmethod(lambda *a, **k: (None, False)))
    a_shift_past_its_end(qtbot, wellbeing, clock)
    open_menu(menu_of)
    item(menu_of, DISCONNECT).trigger()
    assert wellbeing.journal.running_shift() is not None
    assert open_menu(menu_of)[0] == DISCONNECT


def test_past_its_grace_it_is_gone(qtbot: QtBot, wellbeing, clock, no_server, menu_of) -> None:
    a_shift_past_its_end(qtbot, wellbeing, clock)
    clock.advance(hours=2)  # the end-of-shift reminder's grace: still there
    assert open_menu(menu_of)[0] == DISCONNECT
    clock.advance(minutes=1)
    assert DISCONNECT not in open_menu(menu_of)


def test_a_shift_ended_elsewhere_takes_it_away(
    qtbot: QtBot, wellbeing, clock, no_server, menu_of
) -> None:
    a_shift_past_its_end(qtbot, wellbeing, clock)
    clock.advance(minutes=10)
    wellbeing.journal.end_shift()  # as the command line would
    wellbeing.on_state_changed()
    assert DISCONNECT not in open_menu(menu_of)


def test_an_answer_on_the_notification_takes_it_away_and_a_snooze_brings_it_back(
    qtbot: QtBot, wellbeing, clock, no_server, menu_of
) -> None:
    a_shift_past_its_end(qtbot, wellbeing, clock)
    reminders = wellbeing.features.reminders
    [reminder] = reminders.pending()
    reminders.on_notification_clicked(reminder.key, "snooze")
    assert DISCONNECT not in open_menu(menu_of)
    clock.advance(minutes=15)
    reminders.service.scheduler.timer.timeout.emit()
    qtbot.waitUntil(lambda: bool(reminders.pending()), timeout=2000)
    [again] = reminders.pending()
    assert again.key != reminder.key and again.at == clock.now()
    assert open_menu(menu_of)[0] == DISCONNECT


def test_a_newer_nudge_of_the_same_kind_takes_the_older_ones_place(
    qtbot: QtBot, wellbeing, clock, no_server, menu_of
) -> None:
    a_shift_past_its_end(qtbot, wellbeing, clock)
    reminders = wellbeing.features.reminders
    clock.advance(minutes=30)
    reminders.service.scheduler.timer.timeout.emit()  # the first "Still working?"
    qtbot.waitUntil(lambda: len(reminders.pending()) == 2, timeout=2000)
    assert open_menu(menu_of)[:2] == ["Still working?: choose…", DISCONNECT]
    clock.advance(minutes=30)
    reminders.service.scheduler.timer.timeout.emit()  # the second one replaces the first
    qtbot.waitUntil(lambda: reminders.pending()[0].at == clock.now(), timeout=2000)
    assert [r.kind for r in reminders.pending()] == [
        ReminderKind.OVERTIME,
        ReminderKind.END_OF_SHIFT,
    ]


def test_an_item_that_went_stale_while_the_menu_was_open_says_so(
    qtbot: QtBot, wellbeing, clock, no_server, dialogs, menu_of
) -> None:
    a_shift_past_its_end(qtbot, wellbeing, clock)
    open_menu(menu_of)
    stale = item(menu_of, DISCONNECT)
    clock.advance(hours=3)
    stale.trigger()
    assert dialogs == []
    assert window(wellbeing).status.text().startswith(GONE_TITLE)
    assert DISCONNECT not in open_menu(menu_of)


def test_a_reminder_without_choices_does_not_wait(wellbeing, clock, no_server) -> None:
    reminders = wellbeing.features.reminders
    reminders.show_reminder(
        Reminder(ReminderKind.WRAP_UP, clock.now(), "wrap@1", "Time to wrap up", "…", timedelta(1))
    )
    assert reminders.pending() == []
    assert HEADS_UP not in window(wellbeing).status.text()
