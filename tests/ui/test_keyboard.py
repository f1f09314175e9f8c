"""Every dialog from the keyboard alone: each underlined shortcut lands on its field, a dialog
opens on its first field, and each one is filled and saved with key presses only."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QTabBar,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.key_presses import Keys as KeyPresses
from tests.ui.key_presses import landing, mnemonic, opened, shown_mnemonics
from wellbeing_app.core.records.incidents import IncidentDraft
from wellbeing_app.core.reflection.reflections import ReflectionDraft
from wellbeing_app.core.reflection.who5 import Who5Result, who5_score
from wellbeing_app.core.reminders.planner import ReminderSettings
from wellbeing_app.core.time.clock import FixedClock
from wellbeing_app.ui import discard
from wellbeing_app.ui.handoff_dialog import HandoffDialog
from wellbeing_app.ui.incident_dialog import IncidentDialog
from wellbeing_app.ui.ping_dialog import PingDialog, PingEdit
from wellbeing_app.ui.reflection_dialog import ReflectionDialog
from wellbeing_app.ui.settings_dialog import SettingsChoice, SettingsDialog
from wellbeing_app.ui.shift_dialog import ShiftDialog, ShiftEdit
from wellbeing_app.ui.today_window import RecordTable
from wellbeing_app.ui.who5_dialog import Who5Dialog

DAY = date(2026, 11, 15)  # the clock fixture's day


@pytest.fixture(autouse=True)
def asked(monkeypatch: pytest.MonkeyPatch) -> list[QWidget]:
    """The discard question, answered Discard (a real box would wait for a click forever)."""
    windows: list[QWidget] = []
    monkeypatch.setattr(discard, "confirm_discard", lambda parent: windows.append(parent) or True)
    return windows


class Keys(KeyPresses):
    """Key presses sent where the keyboard focus is, as a person typing would."""

    def save(self, saved: list[object]) -> None:
        """Alt+S: the button clicks itself a moment later, as a pressed button shows."""
        self.alt("s")
        self.qtbot.waitUntil(lambda: bool(saved), timeout=2000)

    def tab(self, times: int = 1) -> None:
        for _ in range(times):
            self.press(Qt.Key.Key_Tab)


@pytest.fixture
def keys(qtbot: QtBot) -> Keys:
    return Keys(qtbot)


# -- each dialog, as opened for editing ---------------------------------------------------
def shift(clock: FixedClock, saved: list[object]) -> ShiftDialog:
    start = clock.now() - timedelta(days=2)
    return ShiftDialog(clock, ShiftEdit(start, start + timedelta(hours=8), None), saved.append)


def ping(clock: FixedClock, saved: list[object]) -> PingDialog:
    return PingDialog(
        clock, PingEdit(clock.now() - timedelta(hours=1), "slack", 0, None), saved.append
    )


def incident(clock: FixedClock, saved: list[object]) -> IncidentDialog:
    return IncidentDialog(clock, saved.append)


def reflection(clock: FixedClock, saved: list[object]) -> ReflectionDialog:
    return ReflectionDialog(clock, DAY, [], [], saved.append, saved.append, log_missed=lambda: None)


def who5(clock: FixedClock, saved: list[object]) -> Who5Dialog:
    def save(answers: tuple[int, ...]) -> Who5Result:
        saved.append(answers)
        return who5_score(answers)

    return Who5Dialog(save)


def settings(clock: FixedClock, saved: list[object]) -> SettingsDialog:
    zones = ["America/New_York", "Europe/Berlin"]
    return SettingsDialog(DAY, "Europe/Berlin", None, ReminderSettings(), zones, saved.append)


def handoff(clock: FixedClock, saved: list[object]) -> HandoffDialog:
    return HandoffDialog([(1, "brief Sam", DAY), (2, "ads", DAY), (3, "call legal", DAY)])


DIALOGS: dict[str, Callable[[FixedClock, list[object]], QDialog]] = {
    "shift": shift,
    "ping": ping,
    "incident": incident,
    "reflection": reflection,
    "who5": who5,
    "settings": settings,
    "handoff": handoff,
}
FIRST_FIELD = {
    "shift": lambda d: d.start,
    "ping": lambda d: d.when,
    "incident": lambda d: d.when,
    "reflection": lambda d: d.mood.group.button(1),
    "who5": lambda d: d.items[0].button(5),
    "settings": lambda d: d.days[0][0],
    "handoff": lambda d: d.list,
}


@pytest.mark.parametrize("name", DIALOGS)
def test_every_underlined_shortcut_lands_on_its_field(name, qtbot, clock, keys) -> None:
    dialog = opened(qtbot, DIALOGS[name](clock, []))
    assert keys.focused() is FIRST_FIELD[name](dialog)  # it opens on its first field
    letters = shown_mnemonics(dialog)
    assert len(letters) == len(set(letters)), f"{name}: one letter, two shortcuts: {letters}"
    labels = [
        label
        for label in dialog.findChildren(QLabel)
        if label.isVisibleTo(dialog) and mnemonic(label.text())
    ]
    assert labels
    for label in labels:
        assert label.buddy() is not None, f"{label.text()!r} has no field"
        keys.alt(mnemonic(label.text()) or "")
        assert keys.focused() is landing(label.buddy()), label.text()
    if name in ("shift", "ping", "incident", "reflection", "who5", "settings"):
        assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()


def test_a_radio_shortcut_focuses_the_choice_without_choosing(qtbot, clock, keys) -> None:
    dialog = opened(qtbot, reflection(clock, []))
    keys.alt("e")
    assert keys.focused() is dialog.energy.group.button(1)
    assert dialog.energy.value() is None  # Alt+E alone answers nothing
    keys.press(Qt.Key.Key_3)  # the digit lands in the scale, not in a text field
    assert dialog.energy.value() == 3 and dialog.went_well.text() == ""
    keys.alt("w")
    keys.alt("e")
    assert keys.focused() is dialog.energy.group.button(3)  # back on the choice made


def test_a_shift_from_the_keyboard(qtbot, clock, keys) -> None:
    saved: list[object] = []
    dialog = opened(qtbot, shift(clock, saved))
    start = dialog.start.dateTime()
    keys.alt("e")
    keys.tab(3)  # year, month, day: to the hour
    keys.press(Qt.Key.Key_Up)
    keys.alt("n")
    keys.type("covering for Sam")
    keys.save(saved)
    [edit] = saved
    assert isinstance(edit, ShiftEdit)
    assert edit.end is not None and edit.end - edit.start == timedelta(hours=9)
    assert edit.note == "covering for Sam"
    assert dialog.start.dateTime() == start


def test_a_ping_from_the_keyboard(qtbot, clock, keys) -> None:
    saved: list[object] = []
    dialog = opened(qtbot, ping(clock, saved))
    keys.alt("o")
    keys.replace("discord")
    keys.alt("m")
    keys.replace("12")
    keys.press(Qt.Key.Key_Return)
    assert [(p.source, p.minutes) for p in saved] == [("discord", 12)]  # type: ignore[attr-defined]
    assert dialog.source.findText("discord") == -1  # Return saved; it added no list entry


def test_an_incident_from_the_keyboard(qtbot, clock, keys) -> None:
    saved: list[object] = []
    opened(qtbot, incident(clock, saved))
    keys.alt("c")
    keys.press(Qt.Key.Key_Down)  # the first category
    keys.alt("v")
    keys.press(Qt.Key.Key_3)  # a digit picks a severity
    keys.press(Qt.Key.Key_Right)  # and the arrows move along the scale
    keys.alt("u")
    keys.type("Angry thread")
    keys.alt("d")
    keys.type("It got personal")
    keys.press(Qt.Key.Key_Return)  # a new line in the details, not Save
    assert saved == []
    keys.save(saved)
    [draft] = saved
    assert isinstance(draft, IncidentDraft)
    assert (draft.category, draft.severity) == ("harassment", 4)
    assert (draft.summary, draft.details) == ("Angry thread", "It got personal")


def test_a_reflection_by_its_shortcuts(qtbot, clock, keys) -> None:
    saved: list[object] = []
    opened(qtbot, reflection(clock, saved))
    keys.alt("m")
    keys.press(Qt.Key.Key_4)
    keys.alt("e")
    keys.press(Qt.Key.Key_2)
    keys.alt("t")
    keys.type("6")
    keys.alt("b")
    keys.press(Qt.Key.Key_1)
    keys.alt("o")
    keys.type("Read")
    keys.save(saved)
    assert saved == [ReflectionDraft(DAY, 4, 2, 6, 1, None, None, "Read")]


def test_a_who5_check_in_by_digits(qtbot, clock, keys) -> None:
    saved: list[object] = []
    dialog = opened(qtbot, who5(clock, saved))
    keys.press(Qt.Key.Key_5)  # a digit answers the statement in focus
    keys.tab()
    keys.press(Qt.Key.Key_4)
    keys.tab()
    keys.press(Qt.Key.Key_3)
    keys.alt("5")  # Alt+5: the fifth statement
    keys.press(Qt.Key.Key_0)
    keys.alt("4")
    keys.press(Qt.Key.Key_4)
    keys.save(saved)
    assert saved == [(5, 4, 3, 4, 0)]
    keys.press(Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_settings_from_the_keyboard(qtbot, clock, keys) -> None:
    saved: list[object] = []
    dialog = opened(qtbot, settings(clock, saved))
    keys.press(Qt.Key.Key_Space)  # Monday: a workday now
    keys.alt("z")
    keys.replace("America/New_York")
    keys.alt("r")  # the reminders tab
    assert dialog.findChild(QTabBar).currentIndex() == 1
    keys.save(saved)
    [choice] = saved
    assert isinstance(choice, SettingsChoice)
    assert [w.weekday for w in choice.week] == [0]
    assert choice.zone == "America/New_York"


def test_the_hand_off_list_from_the_keyboard(qtbot, clock, keys) -> None:
    dialog = opened(qtbot, handoff(clock, []))
    keys.press(Qt.Key.Key_Space)
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Space)
    keys.press(Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.ticked() == [1, 3]


def test_return_opens_a_row_and_tab_leaves_the_table(qtbot, keys) -> None:
    table = RecordTable("ping", "Pings", ["Time", "Source"], "None")
    table.set_rows([(7, ["09:00", "Slack"]), (8, ["10:00", "Email"])])
    window = QWidget()
    before = QLineEdit(window)
    layout = QVBoxLayout(window)
    layout.addWidget(before)
    layout.addWidget(table)
    opened(qtbot, window)
    before.setFocus()
    keys.tab()  # into the table: its first row is selected, ready for Return
    assert keys.focused() is table.table and table.selected_id() == 7
    with qtbot.waitSignal(table.edit_requested, timeout=1000) as edit:
        keys.press(Qt.Key.Key_Return)
    assert edit.args == ["ping", 7]
    keys.press(Qt.Key.Key_Down)
    with qtbot.waitSignal(table.edit_requested, timeout=1000) as edit:
        keys.press(Qt.Key.Key_Enter)
    assert edit.args == ["ping", 8]
    keys.tab()
    assert keys.focused() is table.edit_button  # not the next cell


# -- Escape asks before throwing away what was typed ----------------------------------------
@pytest.mark.parametrize("name", ["shift", "ping", "incident", "reflection", "who5", "settings"])
def test_escape_on_an_untouched_dialog_closes_at_once(name, qtbot, clock, keys, asked) -> None:
    dialog = opened(qtbot, DIALOGS[name](clock, []))
    keys.press(Qt.Key.Key_Escape)
    assert asked == []
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_escape_after_typing_asks_and_keeps_editing(qtbot, clock, keys, monkeypatch) -> None:
    answers = [False, True]  # Keep editing, then Discard
    monkeypatch.setattr(discard, "confirm_discard", lambda parent: answers.pop(0))
    saved: list[object] = []
    dialog = opened(qtbot, incident(clock, saved))
    keys.alt("d")
    keys.type("Private: what they wrote about me")
    keys.press(Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert dialog.details.toPlainText() == "Private: what they wrote about me"
    keys.press(Qt.Key.Key_Escape)
    assert not dialog.isVisible() and saved == [] and answers == []


@pytest.mark.parametrize("name", ["reflection", "who5"])
def test_the_check_ins_ask_too(name, qtbot, clock, keys, asked) -> None:
    dialog = opened(qtbot, DIALOGS[name](clock, []))
    keys.press(Qt.Key.Key_3)
    keys.press(Qt.Key.Key_Escape)
    assert asked == [dialog]


def test_skipping_the_day_does_not_ask(qtbot, clock, asked) -> None:
    skipped: list[object] = []
    dialog = opened(qtbot, reflection(clock, skipped))
    dialog.mood.set_value(2)
    dialog.skip_button.click()
    assert asked == [] and skipped == [DAY] and not dialog.isVisible()
