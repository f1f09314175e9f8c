"""Any day can be corrected: the day view steps back and forth, and adds a shift, ping or
incident that was forgotten on the day shown; a ping logged from the tray takes its minutes in
one more click."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from wellbeing_app.app import WellbeingApp
from wellbeing_app.core.records.incidents import IncidentDraft
from wellbeing_app.core.time.local_time import in_zone
from wellbeing_app.ui import today_window
from wellbeing_app.ui.incident_dialog import IncidentDialog
from wellbeing_app.ui.no_tray_window import NoTrayWindow
from wellbeing_app.ui.ping_dialog import PingDialog, PingEdit
from wellbeing_app.ui.shift_dialog import ShiftDialog, ShiftEdit
from wellbeing_app.ui.today_window import TodayWindow

# The shared clock stands at Sunday 15 Nov 2026, 13:00 in Berlin.
TUESDAY = date(2026, 11, 10)


def day_view(app: WellbeingApp) -> TodayWindow:
    app.actions.today.trigger()
    window = app.windows.get(TodayWindow)
    assert window is not None and window.isVisible()
    return window


def test_the_day_view_steps_back_and_forth_but_not_past_today(wellbeing, clock) -> None:
    window = day_view(wellbeing)
    assert window.windowTitle() == "Today, Sunday 15 November"
    assert not window.next_day.isEnabled()
    window.previous_day.click()
    assert window.day == date(2026, 11, 14)
    assert window.windowTitle() == "Saturday 14 November 2026"
    assert window.next_day.isEnabled() and window.back_to_today.isEnabled()
    window.picker.setDate(window.picker.date().addDays(-4))
    assert window.day == TUESDAY
    window.next_day.click()
    assert window.day == TUESDAY + timedelta(days=1)
    window.back_to_today.click()
    assert window.day == date(2026, 11, 15)


def test_alt_left_and_right_step_through_days(qtbot: QtBot, wellbeing) -> None:
    window = day_view(wellbeing)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.day == date(2026, 11, 14)
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.day == date(2026, 11, 15)


def test_a_forgotten_shift_is_added_to_a_past_day_after_a_later_one(
    wellbeing, monkeypatch, clock
) -> None:
    wellbeing.actions.shift.trigger()  # today's shift exists: the forgotten one comes before
    offered: list[ShiftEdit] = []

    def fake_dialog(clock, initial, save, parent=None, *, adding=False):
        assert adding
        offered.append(initial)
        save(initial)
        return initial, True

    monkeypatch.setattr(ShiftDialog, "get_shift", staticmethod(fake_dialog))
    window = day_view(wellbeing)
    window.picker.setDate(window.picker.date().addDays(-5))
    window.add_buttons[today_window.SHIFT].click()
    [initial] = offered
    zone = clock.zone()
    # No schedule: the usual 09:00-17:00 on that Tuesday is offered, to move as needed.
    assert (f"{in_zone(initial.start, zone):%a %H:%M}", f"{in_zone(initial.end, zone):%H:%M}") == (
        "Tue 09:00",
        "17:00",
    )
    [shift] = wellbeing.journal.day(TUESDAY).shifts
    assert shift.end == initial.end and shift.origin == "tray"
    assert window.shifts.table.rowCount() == 1


def test_a_forgotten_ping_and_incident_land_on_the_day_shown(wellbeing, monkeypatch) -> None:
    def fake_ping(clock, initial, save, parent=None, *, adding=False):
        value = PingEdit(initial.at, "email", 10, None)
        save(value)
        return value, True

    def fake_incident(clock, save, initial=None, parent=None, when=None):
        assert when is not None
        draft = IncidentDraft(when, "crisis", 3)
        save(draft)
        return draft, True

    monkeypatch.setattr(PingDialog, "get_ping", staticmethod(fake_ping))
    monkeypatch.setattr(IncidentDialog, "get_incident", staticmethod(fake_incident))
    window = day_view(wellbeing)
    window.picker.setDate(window.picker.date().addDays(-5))
    window.add_buttons[today_window.PING].click()
    window.add_buttons[today_window.INCIDENT].click()
    log = wellbeing.journal.day(TUESDAY)
    assert [(p.source, p.minutes) for p in log.pings] == [("email", 10)]
    assert [i.category for i in log.incidents] == ["crisis"]
    assert window.pings.table.rowCount() == 1 and window.incidents.table.rowCount() == 1


def test_a_refused_add_says_why_and_keeps_the_store_as_it_was(
    wellbeing, monkeypatch, clock
) -> None:
    wellbeing.actions.shift.trigger()  # from 13:00
    clock.advance(hours=1)

    def overlapping(clock, initial, save, parent=None, *, adding=False):
        # 09:00 to 14:00, across the running one's start: refused, naming the one it overlaps.
        value = ShiftEdit(initial.start, clock.now(), None)
        save(value)
        return value, True

    monkeypatch.setattr(ShiftDialog, "get_shift", staticmethod(overlapping))
    window = day_view(wellbeing)
    window.add_buttons[today_window.SHIFT].click()
    assert len(wellbeing.journal.day().shifts) == 1
    said = wellbeing.windows.get(NoTrayWindow).status.text()
    assert said.startswith("Not saved.") and "overlaps the shift from" in said


def test_minutes_for_the_last_ping_are_one_more_click(wellbeing, clock) -> None:
    actions = wellbeing.actions
    assert not actions.last_ping.isVisible()
    actions.pings[0].trigger()  # Slack, 0 minutes: the one-click case is unchanged
    [ping] = wellbeing.journal.day().pings
    assert ping.minutes == 0
    assert actions.last_ping.isVisible()
    assert actions.last_ping.text() == "Time spent on Slack at 13:00:"
    [_five, fifteen, _thirty, other] = actions.minutes
    assert (fifteen.text(), other.text()) == ("15 min", "Other…")
    fifteen.trigger()
    [ping] = wellbeing.journal.day().pings
    assert ping.minutes == 15
    assert not actions.last_ping.isVisible()  # given: the menu no longer asks


def test_other_minutes_open_the_ping_dialog(wellbeing, monkeypatch) -> None:
    def fake_dialog(clock, initial, save, parent=None, *, adding=False):
        assert not adding and initial.source == "teams"
        value = PingEdit(initial.at, initial.source, 50, initial.note)
        save(value)
        return value, True

    monkeypatch.setattr(PingDialog, "get_ping", staticmethod(fake_dialog))
    wellbeing.actions.pings[1].trigger()  # Teams
    wellbeing.actions.minutes[-1].trigger()
    [ping] = wellbeing.journal.day().pings
    assert ping.minutes == 50


def test_the_last_ping_stops_asking_after_half_a_day(wellbeing, clock) -> None:
    wellbeing.actions.pings[0].trigger()
    clock.advance(hours=12, minutes=1)
    wellbeing.refresh()
    assert not wellbeing.actions.last_ping.isVisible()


def test_the_day_view_marks_an_incident_against_advice_and_edits_keep_it(
    wellbeing, monkeypatch, clock
) -> None:
    at = clock.now() - timedelta(hours=2)
    wellbeing.journal.log_incident(
        IncidentDraft(at, "crisis", 4, against_advice=True, advised_on=date(2026, 11, 9))
    )
    wellbeing.journal.log_incident(IncidentDraft(at, "harassment", 2))
    window = day_view(wellbeing)
    table = window.incidents.table
    column = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())].index(
        "Against your advice"
    )
    assert [table.item(r, column).text() for r in range(2)] == ["yes (advised 9 Nov)", ""]
    offered: list[IncidentDraft] = []

    def fake_dialog(clock, save, initial=None, parent=None, when=None):
        offered.append(initial)
        save(initial)
        return initial, True

    monkeypatch.setattr(IncidentDialog, "get_incident", staticmethod(fake_dialog))
    window.incidents.table.selectRow(0)
    window.incidents.edit_button.click()
    [initial] = offered
    assert (initial.against_advice, initial.advised_on) == (True, date(2026, 11, 9))
    first = wellbeing.journal.day().incidents[0]
    assert (first.against_advice, first.advised_on) == (True, date(2026, 11, 9))
