"""The tray menu: its items, the shift item's words, and the intents its actions emit."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from wellbeing_app.ui.actions import (
    REMINDER_SLOTS,
    START_QUEUED,
    AppActions,
    PendingChoice,
    ShiftState,
)
from wellbeing_app.ui.tray import Tray, build_menu


def texts(menu) -> list[str]:
    """The items on show (reminders waiting for an answer only appear while some do)."""
    return [a.text() for a in menu.actions() if a.isVisible() and not a.isSeparator()]


def test_menu_offers_every_action_in_order(qtbot: QtBot) -> None:
    actions = AppActions()
    actions.set_state(ShiftState(ready=True))
    menu = build_menu(actions)
    assert texts(menu) == [
        "Start shift",
        "Log a ping",
        "Log an incident…",
        "Reflect on today…",
        "Well-being check-in…",
        "Today",
        "Dashboard",
        "Export summary…",
        "Settings…",
        "Quit",
    ]
    ping_menu = next(a.menu() for a in menu.actions() if a.text() == "Log a ping")
    visible = [a.text() for a in ping_menu.actions() if a.isVisible() and not a.isSeparator()]
    assert visible == [
        "Slack",
        "Teams",
        "Email",
        "Phone",
        "Social DM",
        "Social mention",
        "Other",
    ]
    # Minutes for the last ping appear below the sources once a ping was logged.
    actions.set_state(ShiftState(ready=True, last_ping="Slack at 21:04"))
    visible = [a.text() for a in ping_menu.actions() if a.isVisible() and not a.isSeparator()]
    assert visible[7:] == ["Time spent on Slack at 21:04:", "5 min", "15 min", "30 min", "Other…"]


def test_shift_item_shows_elapsed_time_while_running(qtbot: QtBot) -> None:
    actions = AppActions()
    actions.set_state(ShiftState(ready=True, running_for=timedelta(hours=2, minutes=15)))
    assert actions.shift.text() == "End shift (2 h 15 min)"
    actions.set_state(ShiftState(ready=True, running_for=timedelta(minutes=7)))
    assert actions.shift.text() == "End shift (7 min)"


def test_actions_work_before_the_store_is_ready(qtbot: QtBot) -> None:
    actions = AppActions()
    assert actions.shift.text() == "Start shift"
    assert actions.shift.isEnabled()
    assert all(a.isEnabled() for a in actions.pings)
    assert actions.quit_action.isEnabled()


def test_an_action_before_the_store_is_ready_is_carried_out_once_when_it_is(qtbot: QtBot) -> None:
    actions = AppActions()
    starts: list[None] = []
    pings: list[str] = []
    said: list[tuple[str, str]] = []
    actions.start_shift.connect(lambda: starts.append(None))
    actions.log_ping.connect(pings.append)
    actions.queued.connect(lambda title, text: said.append((title, text)))
    actions.shift.trigger()
    actions.shift.trigger()  # clicked again while waiting: still once
    actions.pings[0].trigger()
    assert (starts, pings) == ([], [])
    assert actions.waiting == ["start_shift", "log_ping"]
    assert actions.shift.text() == START_QUEUED
    assert said == [
        ("Opening your data", "Start shift follows in a moment."),
        ("Opening your data", "Slack ping follows in a moment."),
    ]
    actions.set_state(ShiftState(ready=True))
    actions.release()
    assert (starts, pings) == ([None], ["slack"])
    assert actions.waiting == []
    assert actions.shift.text() == "Start shift"
    actions.release()  # nothing twice
    assert (starts, pings) == ([None], ["slack"])


def test_a_store_that_cannot_open_leaves_only_quit(qtbot: QtBot) -> None:
    actions = AppActions()
    actions.incident.trigger()
    actions.disable()
    assert not actions.shift.isEnabled() and not actions.incident.isEnabled()
    assert actions.quit_action.isEnabled()
    assert actions.waiting == []


def test_reminders_waiting_for_an_answer_top_the_menu(qtbot: QtBot) -> None:
    actions = AppActions()
    menu = build_menu(actions)
    waiting = (PendingChoice("end@1", "Time to disconnect: choose…"),)
    actions.set_state(ShiftState(ready=True, running_for=timedelta(hours=9), pending=waiting))
    assert texts(menu)[:2] == ["Time to disconnect: choose…", "End shift (9 h 00 min)"]
    end = REMINDER_SLOTS + 1  # the reminders, then the start-of-shift offer, then a line
    assert menu.actions()[end].isSeparator()
    assert menu.actions()[end].isVisible()
    with qtbot.waitSignal(actions.open_reminder, timeout=1000) as blocker:
        actions.reminders[0].trigger()
    assert blocker.args == ["end@1"]
    actions.set_state(ShiftState(ready=True))
    assert texts(menu)[0] == "Start shift"
    assert not menu.actions()[end].isVisible()


def test_the_shift_item_emits_start_or_end(qtbot: QtBot) -> None:
    actions = AppActions()
    actions.set_state(ShiftState(ready=True))
    with qtbot.waitSignal(actions.start_shift, timeout=1000):
        actions.shift.trigger()
    actions.set_state(ShiftState(ready=True, running_for=timedelta(minutes=1)))
    with qtbot.waitSignal(actions.end_shift, timeout=1000):
        actions.shift.trigger()


def test_ping_items_emit_their_source(qtbot: QtBot) -> None:
    actions = AppActions()
    actions.set_state(ShiftState(ready=True))
    with qtbot.waitSignal(actions.log_ping, timeout=1000) as blocker:
        actions.pings[4].trigger()
    assert blocker.args == ["social_dm"]


def test_the_menu_refreshes_as_it_opens(qtbot: QtBot) -> None:
    tray = Tray()
    tray.attach_menu(AppActions())
    with qtbot.waitSignal(tray.menu_opening, timeout=1000):
        tray.menu.aboutToShow.emit()


def test_the_icon_says_whether_a_shift_is_running(qtbot: QtBot) -> None:
    tray = Tray()
    tray.attach_menu(AppActions())
    assert tray.icon.contextMenu() is tray.menu
    idle = tray.icon.icon().pixmap(22, 22).toImage()
    tray.set_shift_running(True, "Wellbeing: shift running since 09:00")
    running = tray.icon.icon().pixmap(22, 22).toImage()
    assert not idle.isNull() and not running.isNull()
    assert idle != running
    assert tray.icon.toolTip() == "Wellbeing: shift running since 09:00"
