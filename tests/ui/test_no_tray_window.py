"""The no-tray window is as alive as the tray: its buttons work from the first moment, the
shift's time ticks once a minute (and only while a shift runs), and no text is cut off."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from wellbeing_app.app import WellbeingApp
from wellbeing_app.services.loader import DatabaseLoader
from wellbeing_app.ui.actions import START_QUEUED, AppActions, PendingChoice, ShiftState
from wellbeing_app.ui.no_tray_window import (
    TICK_SLACK_MS,
    WHY_NO_TRAY,
    NoTrayWindow,
    until_next_minute,
)


def window_of(app: WellbeingApp) -> NoTrayWindow:
    window = app.windows.get(NoTrayWindow)
    assert window is not None
    return window


def test_no_timer_runs_while_no_shift_runs(wellbeing: WellbeingApp, clock) -> None:
    window = window_of(wellbeing)
    assert not window.ticker.isActive()
    window.buttons["shift"].click()
    assert window.ticker.isActive()
    assert window.ticker.interval() == 60_000 + TICK_SLACK_MS
    clock.advance(minutes=5)
    wellbeing.refresh()
    window.buttons["shift"].click()  # the reflection after a shift is turned off below
    assert wellbeing.journal.running_shift() is None
    assert not window.ticker.isActive()


@pytest.fixture(autouse=True)
def no_reflection(monkeypatch) -> None:
    from wellbeing_app.ui.reflection_dialog import ReflectionDialog

    monkeypatch.setattr(ReflectionDialog, "reflect", staticmethod(lambda *a, **k: (None, False)))


def test_the_elapsed_time_ticks_by_the_clock(wellbeing: WellbeingApp, clock) -> None:
    window = window_of(wellbeing)
    window.buttons["shift"].click()
    assert window.buttons["shift"].text() == "End shift (0 min)"
    clock.advance(seconds=61)
    window.ticker.timeout.emit()  # the minute turned
    assert window.buttons["shift"].text() == "End shift (1 min)"
    # The next tick waits for the next whole minute of the shift, by the injected clock.
    assert window.ticker.interval() == 59_000 + TICK_SLACK_MS
    clock.advance(hours=2, seconds=59)
    window.ticker.timeout.emit()
    assert window.buttons["shift"].text() == "End shift (2 h 02 min)"


def test_a_hidden_window_does_not_tick_and_catches_up_when_shown(
    qtbot: QtBot, wellbeing: WellbeingApp, clock
) -> None:
    window = window_of(wellbeing)
    window.buttons["shift"].click()
    window.close()  # the app keeps running
    assert not window.ticker.isActive()
    clock.advance(minutes=42)
    wellbeing.activate()  # launched again: the window comes back
    assert window.isVisible()
    assert window.buttons["shift"].text() == "End shift (42 min)"
    assert window.ticker.isActive()


def test_until_next_minute() -> None:
    assert until_next_minute(timedelta(0)) == 60_000
    assert until_next_minute(timedelta(seconds=59, milliseconds=500)) == 500
    assert until_next_minute(timedelta(hours=3, seconds=1)) == 59_000


def test_buttons_work_before_the_data_is_open(qtbot: QtBot, paths, clock, monkeypatch) -> None:
    """The database takes its time on a cold machine; what is clicked meanwhile is done after."""
    started: list[DatabaseLoader] = []
    monkeypatch.setattr(DatabaseLoader, "start", lambda self: started.append(self))
    app = WellbeingApp(paths, clock, tray_wait_ms=0)
    app.start()
    window = window_of(app)
    assert started and app.journal is None
    assert all(b.isEnabled() for b in window.buttons.values())
    assert window.buttons["shift"].text() == "Start shift"
    window.buttons["shift"].click()
    window.buttons["shift"].click()  # impatient: still one shift
    assert app.actions.shift.text() == START_QUEUED  # the button drops the "…"
    assert window.buttons["shift"].text() == START_QUEUED.rstrip("…")
    assert window.status.text() == "Opening your data. Start shift follows in a moment."
    app.actions.pings[1].trigger()  # Teams
    with qtbot.waitSignal(app.ready, timeout=20_000):
        DatabaseLoader._run(started[0])  # the store opens (in the worker thread, normally)
    assert app.journal is not None
    running = app.journal.running_shift()
    assert running is not None and running.start == clock.now()
    assert [p.source for p in app.journal.day().pings] == ["teams"]
    assert window.buttons["shift"].text() == "End shift (0 min)"
    assert app.actions.waiting == []
    app.shutdown()
    window.close()
    window.deleteLater()
    app.deleteLater()


def labels_fit(window: NoTrayWindow) -> list[str]:
    """The labels whose text does not fit the height they were given."""
    QApplication.processEvents()
    return [
        label.text()
        for label in window.findChildren(QLabel)
        if label.isVisibleTo(window) and label.height() < label.heightForWidth(label.width())
    ]


@pytest.mark.parametrize("width", [320, 480, 900])
def test_no_text_is_cut_off_at_any_width(qtbot: QtBot, width: int) -> None:
    actions = AppActions()
    window = NoTrayWindow(actions, explain=True)
    qtbot.addWidget(window)
    window.show()
    window.say("Shift ended. You worked 8 h 55 min. The rest of the day is yours. " * 2)
    waiting = (PendingChoice("k", "Time to disconnect: choose…"),)
    actions.set_state(ShiftState(ready=True, running_for=timedelta(hours=9), pending=waiting))
    window.resize(width, 100)  # as short as the window manager may ask
    assert labels_fit(window) == []
    assert window.why.text() == WHY_NO_TRAY
    assert window.height() >= window.layout().totalHeightForWidth(window.width())
    assert window.reminder_buttons[0].isVisibleTo(window)
    assert window.reminder_buttons[0].text() == "Time to disconnect: choose…"
    assert not window.reminder_buttons[1].isVisibleTo(window)


def test_the_window_shrinks_back_when_text_goes(qtbot: QtBot) -> None:
    actions = AppActions()
    window = NoTrayWindow(actions, explain=True)
    qtbot.addWidget(window)
    window.show()
    window.say("A long status line that wraps over several lines at this width. " * 4)
    window.resize(320, 100)
    QApplication.processEvents()
    tall = window.minimumHeight()
    window.say("")
    window.why.setVisible(False)
    QApplication.processEvents()
    assert window.minimumHeight() < tall
    assert labels_fit(window) == []
