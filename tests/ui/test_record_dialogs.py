"""The shift and ping dialogs: corrections are checked, and errors keep the dialog open, grown
to show them, until the field they name is changed."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.ui import discard
from wellbeing_app.ui.error_label import ON_DARK, ON_LIGHT, error_colour
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


def test_an_error_grows_the_dialog_and_clears_once_its_field_changes(qtbot: QtBot, clock) -> None:
    long = "overlaps the shift from 2026-11-15 08:00 to 12:00, " * 3 + "so shorten one of them"

    def overlap(_: ShiftEdit) -> None:
        raise ValidationError("start", long)

    start = clock.now() - timedelta(hours=3)
    dialog = ShiftDialog(clock, ShiftEdit(start, clock.now(), None), overlap)
    qtbot.addWidget(dialog)
    dialog.show()
    before = dialog.height()
    described = dialog.start.accessibleDescription()  # how the field is used, said when shown
    dialog.accept()
    error = dialog.error
    assert dialog.height() > before
    # nothing clipped: the error gets all its lines, the fields their usual height
    layout = dialog.layout()
    assert layout is not None
    assert dialog.height() >= layout.totalHeightForWidth(dialog.width())
    qtbot.waitUntil(lambda: error.height() >= error.heightForWidth(error.width()))
    assert dialog.note.height() >= dialog.note.sizeHint().height()
    label = dialog.form.labelForField(dialog.start)
    assert isinstance(label, QLabel)
    assert error_colour(label) in label.styleSheet()  # the field's name turns red
    assert dialog.start.accessibleDescription() == f"Start: {long}"
    dialog.note.setText("another field")
    assert error.isVisibleTo(dialog)
    dialog.start.setDateTime(dialog.start.dateTime().addSecs(-60))
    assert not error.isVisibleTo(dialog)
    assert label.styleSheet() == "" and dialog.start.accessibleDescription() == described


def test_the_error_red_reads_on_a_dark_window(qtbot: QtBot) -> None:
    label = QLabel("x")
    qtbot.addWidget(label)
    assert error_colour(label) == ON_LIGHT  # the test platform's light palette
    dark = QPalette(label.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    label.setPalette(dark)
    assert error_colour(label) == ON_DARK


def test_the_window_close_button_asks_a_programs_close_does_not(
    qtbot: QtBot, clock, monkeypatch
) -> None:
    asked: list[object] = []
    monkeypatch.setattr(discard, "confirm_discard", lambda parent: asked.append(parent) or True)
    opened = []
    for _ in range(2):
        dialog = PingDialog(clock, PingEdit(clock.now(), "slack", 0, None), lambda v: None)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.note.setText("half a thought")
        opened.append(dialog)
    opened[0].close()  # e.g. on quit: the program has decided, and no one may be there
    assert asked == [] and not opened[0].isVisible()
    monkeypatch.setattr(QCloseEvent, "spontaneous", lambda self: True)  # the title bar's X
    opened[1].close()
    assert asked == [opened[1]] and not opened[1].isVisible()


def test_the_discard_question_defaults_to_keep_editing(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[str] = []

    def box() -> QMessageBox:
        shown = QApplication.activeModalWidget()
        assert isinstance(shown, QMessageBox)
        seen.append(shown.text())
        return shown

    for key in (Qt.Key.Key_Return, Qt.Key.Key_Escape):  # Keep editing, either way
        QTimer.singleShot(0, lambda key=key: qtbot.keyClick(box(), key))
        assert discard.confirm_discard(parent) is False
    QTimer.singleShot(0, lambda: next(b for b in box().buttons() if "Discard" in b.text()).click())
    assert discard.confirm_discard(parent) is True
    assert seen == [discard.QUESTION] * 3
