"""The reflection dialog: quick to fill from the keyboard, names what is missing, edits and
skips one day, and closes with the day's affirmation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.records.incidents import IncidentRow
from wellbeing_app.core.records.pings import PingRow
from wellbeing_app.core.reflection.affirmations import (
    AGAINST_ADVICE,
    affirmation_for,
    affirmations,
    against_advice_affirmation_for,
)
from wellbeing_app.core.reflection.reflections import ReflectionDraft
from wellbeing_app.core.time.clock import FixedClock
from wellbeing_app.ui.reflection_dialog import ReflectionDialog

DAY = date(2026, 11, 15)  # the clock fixture's local day in Berlin
ZONE = "Europe/Berlin"


def ping(ping_id: int, hour: int, minute: int, source: str, after_hours: bool = True) -> PingRow:
    at = datetime(2026, 11, 15, hour, minute, tzinfo=UTC)
    return PingRow(ping_id, at, ZONE, source, 5, None, "tray", after_hours)


PINGS = [ping(1, 5, 4, "slack"), ping(2, 5, 40, "email"), ping(3, 9, 0, "teams", False)]
INCIDENTS = [
    IncidentRow(
        9,
        datetime(2026, 11, 15, 9, 30, tzinfo=UTC),
        ZONE,
        "harassment",
        4,
        "x",
        20,
        "Pile-on",
        None,
        "tray",
    )
]


class Calls:
    def __init__(self) -> None:
        self.saved: list[ReflectionDraft] = []
        self.skipped: list[date] = []
        self.log_missed = 0

    def missed(self) -> None:
        self.log_missed += 1


@pytest.fixture
def calls() -> Calls:
    return Calls()


@pytest.fixture
def make(qtbot: QtBot, clock: FixedClock, calls: Calls) -> Callable[..., ReflectionDialog]:
    def build(**kwargs: object) -> ReflectionDialog:
        options: dict[str, object] = {
            "day": DAY,
            "pings": PINGS,
            "incidents": INCIDENTS,
            "save": calls.saved.append,
            "skip": calls.skipped.append,
        }
        options.update(kwargs)
        dialog = ReflectionDialog(clock, **options)
        qtbot.addWidget(dialog)
        return dialog

    return build


@pytest.fixture
def dialog(make: Callable[..., ReflectionDialog]) -> ReflectionDialog:
    return make()


def show_active(dialog: ReflectionDialog, qtbot: QtBot) -> None:
    """Shown and focused, so key presses and focus checks behave as on a desktop."""
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def fill(
    dialog: ReflectionDialog, mood: int | None = 4, energy: int | None = 2, stress: int = 7
) -> None:
    dialog.mood.set_value(mood)
    dialog.energy.set_value(energy)
    dialog.stress.setValue(stress)
    dialog.went_well.setText("The launch post landed")
    dialog.leave.setPlainText("- reply to the agency\n\nschedule Monday's posts\n")
    dialog.tonight.setText("Dinner with Mia")


def test_a_complete_reflection_is_saved(dialog: ReflectionDialog, calls: Calls) -> None:
    fill(dialog)
    dialog.detachment.set_value(3)
    dialog.accept()
    assert dialog.result() == ReflectionDialog.DialogCode.Accepted
    assert calls.saved == [
        ReflectionDraft(
            day=DAY,
            mood=4,
            energy=2,
            stress=7,
            detachment=3,
            went_well="The launch post landed",
            leave_at_work="- reply to the agency\n\nschedule Monday's posts",
            tonight="Dinner with Mia",
        )
    ]
    assert dialog.value == calls.saved[0]
    assert calls.skipped == []


def test_detachment_and_the_texts_are_optional(dialog: ReflectionDialog, calls: Calls) -> None:
    dialog.mood.set_value(3)
    dialog.energy.set_value(3)
    dialog.stress.setValue(0)
    dialog.accept()
    assert calls.saved == [ReflectionDraft(DAY, 3, 3, 0)]


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ({"mood": None}, "Mood: choose 1 to 5"),
        ({"energy": None}, "Energy: choose 1 to 5"),
        ({"stress": -1}, "Stress: choose 0 to 10"),
    ],
)
def test_a_missing_answer_is_named_and_nothing_typed_is_lost(
    dialog: ReflectionDialog, calls: Calls, qtbot: QtBot, missing: dict[str, int], message: str
) -> None:
    show_active(dialog, qtbot)
    fill(dialog, **missing)
    dialog.accept()
    assert calls.saved == []
    assert dialog.result() != ReflectionDialog.DialogCode.Accepted
    assert dialog.error.isVisibleTo(dialog)
    assert dialog.error.text() == message
    assert dialog.went_well.text() == "The launch post landed"
    assert dialog.leave.toPlainText().startswith("- reply to the agency")
    assert dialog.tonight.text() == "Dinner with Mia"
    field: QWidget = dialog.fields[next(iter(missing))]
    assert (field.focusProxy() or field).hasFocus()


def test_too_long_text_is_refused_and_kept(dialog: ReflectionDialog, calls: Calls) -> None:
    fill(dialog)
    dialog.tonight.setText("x" * 2001)
    dialog.accept()
    assert calls.saved == []
    assert (
        dialog.error.text()
        == "One thing for me tonight: is 2001 characters long; the limit is 2000"
    )
    assert dialog.tonight.text() == "x" * 2001


def test_a_refusal_from_the_store_keeps_the_dialog_open(make, calls: Calls) -> None:
    def refuse(_: ReflectionDraft) -> None:
        raise ValidationError("leave", "could not be stored")

    dialog = make(save=refuse)
    fill(dialog)
    dialog.accept()
    assert dialog.result() != ReflectionDialog.DialogCode.Accepted
    assert dialog.error.text() == "What I leave at work: could not be stored"


def test_editing_the_same_day_starts_from_the_stored_reflection(make, calls: Calls) -> None:
    stored = ReflectionDraft(DAY, 2, 4, 9, 5, "Kept calm", "call legal\nbrief Sam", "Bath")
    dialog = make(initial=stored)
    assert dialog.windowTitle() == "Edit today's reflection"
    assert (dialog.mood.value(), dialog.energy.value(), dialog.stress.value()) == (2, 4, 9)
    assert dialog.detachment.value() == 5
    assert dialog.went_well.text() == "Kept calm"
    assert dialog.leave.toPlainText() == "call legal\nbrief Sam"
    assert dialog.tonight.text() == "Bath"
    assert dialog.mood.focusProxy() is dialog.mood.group.button(2)  # Alt+M lands on the choice
    dialog.accept()
    dialog.mood.set_value(3)
    dialog.detachment.set_value(None)
    dialog.accept()
    assert calls.saved == [
        stored,
        ReflectionDraft(DAY, 3, 4, 9, None, "Kept calm", "call legal\nbrief Sam", "Bath"),
    ]


def test_a_new_reflection_is_titled_for_its_day(make) -> None:
    assert make().windowTitle() == "Reflect on today"
    assert make(day=date(2026, 11, 14)).windowTitle() == "Reflect on Sat 14 Nov"


def test_skip_records_the_day_and_saves_nothing(dialog: ReflectionDialog, calls: Calls) -> None:
    fill(dialog)
    dialog.skip_button.click()
    assert calls.skipped == [DAY]
    assert calls.saved == []
    assert dialog.skipped
    assert dialog.result() == ReflectionDialog.DialogCode.Rejected


def test_a_failed_skip_keeps_the_dialog_open(make, calls: Calls) -> None:
    def refuse(_: date) -> None:
        raise ValidationError("day", "is already reflected on")

    dialog = make(skip=refuse)
    dialog.show()
    dialog.skip_button.click()
    assert not dialog.skipped
    assert dialog.isVisible()
    assert dialog.error.text() == "Day: is already reflected on"


def test_cancel_saves_and_skips_nothing(dialog: ReflectionDialog, calls: Calls) -> None:
    fill(dialog)
    dialog.reject()
    assert (calls.saved, calls.skipped, dialog.skipped) == ([], [], False)


def test_today_is_summed_up_from_the_log(dialog: ReflectionDialog) -> None:
    assert dialog.pings_summary.text() == "2 after-hours pings (Slack 06:04, Email 06:40)"
    assert dialog.incidents_summary.text() == "1 incident: harassment, severity 4"


def test_a_quiet_day_says_so_and_long_lists_are_cut(dialog: ReflectionDialog) -> None:
    dialog.show_day_log([], [])
    assert dialog.pings_summary.text() == "No after-hours pings today."
    assert dialog.incidents_summary.text() == "No incidents logged today."
    many = [ping(n, 4, n, "discord") for n in range(1, 7)]
    dialog.show_day_log(many, INCIDENTS * 2)
    assert dialog.pings_summary.text() == (
        "6 after-hours pings (discord 05:01, discord 05:02, discord 05:03, discord 05:04, …)"
    )
    assert dialog.incidents_summary.text() == (
        "2 incidents: harassment, severity 4; harassment, severity 4"
    )


def test_log_something_missed_calls_back(make, calls: Calls) -> None:
    without = make()
    assert not without.log_missed_button.isVisibleTo(without)
    dialog = make(log_missed=calls.missed)
    assert dialog.log_missed_button.isVisibleTo(dialog)
    dialog.log_missed_button.click()
    assert calls.log_missed == 1
    assert dialog.result() != ReflectionDialog.DialogCode.Accepted


def test_the_dialog_works_from_the_keyboard_alone(make, calls: Calls, qtbot: QtBot) -> None:
    dialog = make(log_missed=calls.missed)
    show_active(dialog, qtbot)

    def focused() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def tab() -> None:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)

    assert focused() is dialog.mood.group.button(1)
    qtbot.keyClick(focused(), Qt.Key.Key_4)  # a digit picks a point of the scale
    assert focused() is dialog.mood.group.button(4)
    tab()
    qtbot.keyClick(focused(), Qt.Key.Key_Space)  # or Space, then the arrows
    qtbot.keyClick(focused(), Qt.Key.Key_Right)
    assert dialog.energy.value() == 2
    tab()
    assert focused() is dialog.stress
    qtbot.keyClicks(focused(), "6")
    tab()
    qtbot.keyClick(focused(), Qt.Key.Key_5)
    qtbot.keyClick(focused(), Qt.Key.Key_Delete)  # the optional question can be cleared again
    assert dialog.detachment.value() is None
    tab()
    assert focused() is dialog.log_missed_button
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert calls.log_missed == 1
    tab()
    assert focused() is dialog.went_well
    qtbot.keyClicks(focused(), "Calm replies")
    tab()
    qtbot.keyClicks(focused(), "brief Sam")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # a new hand-off item, not Save
    qtbot.keyClicks(focused(), "check the ads")
    assert calls.saved == []
    tab()
    assert focused() is dialog.tonight
    qtbot.keyClicks(focused(), "Read")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert calls.saved == [
        ReflectionDraft(DAY, 4, 2, 6, None, "Calm replies", "brief Sam\ncheck the ads", "Read")
    ]


def test_mnemonics_jump_to_a_question(dialog: ReflectionDialog, qtbot: QtBot) -> None:
    show_active(dialog, qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert dialog.stress.hasFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert dialog.tonight.hasFocus()


def test_reflect_returns_the_saved_reflection(monkeypatch, clock, calls: Calls) -> None:
    def fill_and_save(self: ReflectionDialog) -> int:
        fill(self)
        self.accept()
        return self.result()

    monkeypatch.setattr(ReflectionDialog, "exec", fill_and_save)
    draft, saved = ReflectionDialog.reflect(
        clock, DAY, [], [], calls.saved.append, calls.skipped.append
    )
    assert saved and draft == calls.saved[0]
    monkeypatch.setattr(ReflectionDialog, "exec", lambda self: self.skip_day() or self.result())
    skipped = ReflectionDialog.reflect(clock, DAY, [], [], calls.saved.append, calls.skipped.append)
    assert skipped == (None, False)
    assert calls.skipped == [DAY]


def test_the_day_closes_with_its_affirmation(make) -> None:
    assert make().affirmation.text() == affirmation_for(DAY)
    assert make(day=DAY + timedelta(days=1)).affirmation.text() == affirmation_for(
        DAY + timedelta(days=1)
    )


def test_affirmations_rotate_by_day() -> None:
    lines = affirmations()
    assert len(lines) == 24
    assert len(set(lines)) == len(lines)
    week = {affirmation_for(DAY + timedelta(days=n)) for n in range(7)}
    assert len(week) == 7
    assert affirmation_for(DAY + timedelta(days=len(lines))) == affirmation_for(DAY)
    assert all(0 < len(line) <= 100 for line in lines)


def against_advice(incident_id: int, hour: int, category: str) -> IncidentRow:
    at = datetime(2026, 11, 15, hour, 30, tzinfo=UTC)
    return IncidentRow(incident_id, at, ZONE, category, 4, "x", 20, "", None, "tray", True, None)


def test_the_look_back_names_incidents_after_decisions_against_advice(make) -> None:
    plain = make()
    assert not plain.against_advice.isVisibleTo(plain)
    dialog = make(incidents=[*INCIDENTS, against_advice(10, 19, "crisis")])
    assert dialog.against_advice.isVisibleTo(dialog)
    said = dialog.against_advice.text()
    assert said.startswith("The crisis at 20:30 followed a decision made against your advice. ")
    assert said.removeprefix(said.split(". ")[0] + ". ") in against_advice_lines()
    several = make(
        incidents=[against_advice(10, 8, "crisis"), against_advice(11, 19, "other")]
    ).against_advice.text()
    assert several.startswith(
        "The crisis at 09:30 and the incident at 20:30 followed decisions made against your advice."
    )


def test_the_lines_for_decisions_against_advice_come_from_their_own_file() -> None:
    lines = against_advice_lines()
    assert AGAINST_ADVICE.name == "affirmations_against_advice.txt"
    assert 5 <= len(lines) == len(set(lines))
    assert all(0 < len(line) <= 100 for line in lines)
    assert set(lines).isdisjoint(affirmations())
    assert "You said so, and it was not your call. The reaction is not on you." in lines
    week = {against_advice_affirmation_for(DAY + timedelta(days=n)) for n in range(5)}
    assert len(week) == 5


def against_advice_lines() -> tuple[str, ...]:
    return tuple(AGAINST_ADVICE.read_text(encoding="utf-8").splitlines())
