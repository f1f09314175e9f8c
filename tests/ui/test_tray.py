"""The tray menu: its items, the shift item's words, and the intents its actions emit."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from wellbeing_app.ui.actions import AppActions, ShiftState
from wellbeing_app.ui.tray import Tray, build_menu


def texts(menu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


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
    ping_menu = menu.actions()[1].menu()
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


def test_actions_wait_until_the_store_is_ready(qtbot: QtBot) -> None:
    actions = AppActions()
    assert actions.shift.text() == "Starting…"
    assert not actions.shift.isEnabled()
    assert not any(a.isEnabled() for a in actions.pings)
    assert actions.quit_action.isEnabled()


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
