"""Counting work notifications from the tray: a submenu titled with what counting does, one
click to pause, resume or stop, and the start-of-shift offer on top while it stands."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from wellbeing_app.app import WellbeingApp
from wellbeing_app.ui.actions import AppActions, ShiftState
from wellbeing_app.ui.counting_actions import CountingView
from wellbeing_app.ui.tray import build_menu


def visible(menu) -> list[str]:
    return [a.text() for a in menu.actions() if a.isVisible() and not a.isSeparator()]


def counting_menu(menu):
    [action] = [a for a in menu.actions() if a.menu() is not None and a.text().startswith("Count")]
    return action


def test_the_submenu_shows_only_while_counting_is_on(qtbot: QtBot) -> None:
    actions = AppActions()
    menu = build_menu(actions)
    assert not any(a.text().startswith("Count") and a.isVisible() for a in menu.actions())
    on = CountingView(on=True, status="Counting work notifications (3 today)")
    actions.set_state(ShiftState(ready=True, counting=on))
    item = counting_menu(menu)
    assert item.isVisible() and item.text() == "Counting work notifications (3 today)"
    assert visible(item.menu()) == [
        "Pause counting for an hour",
        "Pause counting until tomorrow",
        "Stop counting",
    ]
    paused = CountingView(on=True, status="Counting paused until 22:40", paused=True)
    actions.set_state(ShiftState(ready=True, counting=paused))
    assert visible(item.menu()) == ["Resume counting", "Stop counting"]
    with qtbot.waitSignal(actions.counting.resume, timeout=1000):
        actions.counting.resume_action.trigger()


def test_the_start_of_shift_offer_tops_the_menu(qtbot: QtBot) -> None:
    actions = AppActions()
    menu = build_menu(actions)
    view = CountingView(on=True, status="Counting", start_hint="Start your shift at 08:47?")
    actions.set_state(ShiftState(ready=True, counting=view))
    assert visible(menu)[0] == "Start your shift at 08:47?"
    with qtbot.waitSignal(actions.counting.accept_hint, timeout=1000):
        actions.counting.hint.trigger()


def test_pausing_from_the_menu_reaches_the_store(wellbeing: WellbeingApp) -> None:
    journal = wellbeing.journal
    wellbeing.features.capture.unavailable = None  # as on a desktop with a session bus
    journal.counting.set_on(True)
    wellbeing.on_state_changed()
    counting = wellbeing.actions.counting
    assert counting.pause_hour_action.isVisible()
    counting.pause_hour_action.trigger()
    assert journal.counting.state().paused(journal.now())
    assert counting.resume_action.isVisible()
    counting.resume_action.trigger()
    assert not journal.counting.state().paused(journal.now())
    counting.turn_off_action.trigger()
    assert journal.counting.settings().on is False
