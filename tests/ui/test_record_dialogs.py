"""The shift and ping dialogs: corrections are checked, and errors keep the dialog open."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.ui.ping_dialog import PingDialog, PingEdit
from wellbeing_app.ui.shift_dialog import ShiftDialog, ShiftEdit


def test_shift_end_before_start_is_refused(qtbot: QtBot, clock) -> None:
    saved: list[ShiftEdit] = []
    start = clock.now() - timedelta(hours=8)
    dialog = ShiftDialog(clock, ShiftEdit(start, clock.now(), "x"), saved.append)
    qtbot.addWidget(dialog)
    dialog.end.set_instant(start - timedelta(hours=1))
    dialog.accept()
    assert saved == []
    assert dialog.error.text() == "End: must come after the start"
    assert dialog.note.text() == "x"


def test_shift_can_be_left_running(qtbot: QtBot, clock) -> None:
    saved: list[ShiftEdit] = []
    start = clock.now() - timedelta(hours=2)
    dialog = ShiftDialog(clock, ShiftEdit(start, None, None), saved.append)
    qtbot.addWidget(dialog)
    assert dialog.running.isChecked() and not dialog.end.isEnabled()
    dialog.note.setText("covering for Sam")
    dialog.accept()
    assert saved == [ShiftEdit(start, None, "covering for Sam")]
    assert dialog.value == saved[0]


def test_a_refusal_from_the_store_keeps_the_shift_dialog_open(qtbot: QtBot, clock) -> None:
    def overlap(_: ShiftEdit) -> None:
        raise ValidationError("start", "overlaps the shift from 2026-11-15 08:00 to 12:00")

    start = clock.now() - timedelta(hours=3)
    dialog = ShiftDialog(clock, ShiftEdit(start, clock.now(), None), overlap)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != ShiftDialog.DialogCode.Accepted
    assert dialog.error.text() == "Start: overlaps the shift from 2026-11-15 08:00 to 12:00"


def test_ping_source_from_the_list_or_any_app_name(qtbot: QtBot, clock) -> None:
    saved: list[PingEdit] = []
    initial = PingEdit(clock.now() - timedelta(hours=1), "social_mention", 0, None)
    dialog = PingDialog(clock, initial, saved.append)
    qtbot.addWidget(dialog)
    assert dialog.source.currentText() == "Social mention"
    dialog.accept()
    dialog.source.setCurrentText("discord")
    dialog.minutes.setValue(12)
    dialog.accept()
    assert [(p.source, p.minutes) for p in saved] == [("social_mention", 0), ("discord", 12)]


def test_ping_source_with_spaces_is_refused_by_name(qtbot: QtBot, clock) -> None:
    saved: list[PingEdit] = []
    initial = PingEdit(clock.now() - timedelta(hours=1), "slack", 3, "keep me")
    dialog = PingDialog(clock, initial, saved.append)
    qtbot.addWidget(dialog)
    dialog.source.setCurrentText("My Chat App")
    dialog.accept()
    assert saved == []
    assert dialog.error.text().startswith("Source: 'My Chat App' is not a source")
    assert dialog.note.text() == "keep me"


def test_an_edit_that_leaves_the_time_alone_keeps_its_seconds(qtbot: QtBot, clock) -> None:
    saved: list[PingEdit] = []
    at = clock.now() - timedelta(hours=1, seconds=-50)  # hh:mm:50
    dialog = PingDialog(clock, PingEdit(at, "slack", 0, None), saved.append)
    qtbot.addWidget(dialog)
    dialog.note.setText("only the note changes")
    dialog.accept()
    assert saved[0].at == at
    dialog.when.set_instant(at)
    dialog.when.setDateTime(dialog.when.dateTime().addSecs(60))
    dialog.accept()
    assert saved[1].at == (at + timedelta(minutes=1)).replace(second=0)


def test_a_time_field_stops_at_1970(qtbot: QtBot, clock) -> None:
    saved: list[PingEdit] = []
    dialog = PingDialog(clock, PingEdit(clock.now(), "slack", 0, None), saved.append)
    qtbot.addWidget(dialog)
    dialog.when.setDate(QDate(1, 1, 1))  # as far back as typing could go
    assert dialog.when.date() == QDate(1970, 1, 1)


def test_adding_a_shift_offers_no_running_box(qtbot: QtBot, clock) -> None:
    start = clock.now() - timedelta(days=2)
    dialog = ShiftDialog(clock, ShiftEdit(start, start + timedelta(hours=8), None), lambda v: None,
                         adding=True)  # fmt: skip
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Add a shift"
    assert dialog.form.indexOf(dialog.running) == -1
