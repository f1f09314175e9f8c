"""The rota window: working hours on dates listed (a night says it ends the next day, and where
each came from), added for a date, cleared by the days selected (asked first); calendars
brought in, each undone as a whole (asked first); problems said under the fields."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel, QTime
from pytestqt.qtbot import QtBot

from tests.ui.key_presses import Keys, check_labels_land, opened
from wellbeing_app.core.imports.calendars import CalendarImports
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.time.clock import FixedClock
from wellbeing_app.ui import confirm
from wellbeing_app.ui.calendar_import_dialog import CalendarImportDialog
from wellbeing_app.ui.rota_dialog import RotaDialog

NIGHTS = Path(__file__).parent.parent / "data" / "calendars" / "night_shifts_warsaw_handmade.ics"
TODAY = date(2026, 11, 15)  # the clock fixture's day, in Berlin


@pytest.fixture
def journal(db: Database, clock: FixedClock) -> Journal:
    return Journal(db, clock)


class Questions:
    """The questions asked, and the answers given to them in turn."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.answers: list[bool] = []

    def ask(self, parent: object, question: str, detail: str, action: str) -> bool:
        self.asked.append(question)
        return self.answers.pop(0)


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> Questions:
    given = Questions()
    monkeypatch.setattr(confirm, "ask", given.ask)
    return given


def rota_dialog(qtbot: QtBot, journal: Journal) -> RotaDialog:
    dialog = RotaDialog(journal.rota, CalendarImports(journal.db, journal.clock), TODAY)
    qtbot.addWidget(dialog)
    return dialog


def add(dialog: RotaDialog, day: date, start: tuple[int, int], end: tuple[int, int]) -> bool:
    dialog.day.setDate(QDate(day.year, day.month, day.day))
    dialog.start.setTime(QTime(*start))
    dialog.end.setTime(QTime(*end))
    return dialog.add()


def select_rows(dialog: RotaDialog, *rows: int) -> None:
    model = dialog.table.selectionModel()
    model.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        model.select(dialog.table.model().index(row, 0), flags)


def test_hours_added_for_dates_are_listed_with_nights_ending_the_next_day(
    qtbot: QtBot, journal: Journal
) -> None:
    dialog = rota_dialog(qtbot, journal)
    assert dialog.rows() == [] and dialog.empty.text() == "None from today on."
    assert add(dialog, date(2026, 11, 20), (9, 0), (17, 0))
    assert add(dialog, date(2026, 11, 21), (22, 0), (6, 0))
    assert dialog.rows() == [
        ["2026-11-20", "Fri", "09:00–17:00", "8 h 00 min", "typed by hand"],
        ["2026-11-21", "Sat", "22:00–06:00 (ends the next day)", "8 h 00 min", "typed by hand"],
    ]
    assert dialog.status.text() == "Added 22:00–06:00 (ends the next day) on Sat 2026-11-21."
    assert dialog.changed
    assert [e.day for e in journal.rota.entries()] == [date(2026, 11, 20), date(2026, 11, 21)]


def test_a_problem_is_named_under_the_fields_in_the_windows_words(
    qtbot: QtBot, journal: Journal
) -> None:
    dialog = rota_dialog(qtbot, journal)
    assert not add(dialog, date(2026, 11, 20), (9, 0), (9, 0))
    assert dialog.error.text() == "To: must differ from From (a window needs some length)"
    add(dialog, date(2026, 11, 20), (22, 0), (6, 0))
    assert not add(dialog, date(2026, 11, 21), (5, 0), (9, 0))
    assert dialog.error.text() == (
        "From: overlaps the rota window of 2026-11-20 (clear that day first)"
    )
    assert len(journal.rota.entries()) == 1


def test_past_days_are_listed_when_asked_for(qtbot: QtBot, journal: Journal) -> None:
    journal.rota.add(date(2026, 11, 2), 8 * 60, 16 * 60)
    journal.rota.add(date(2026, 11, 16), 8 * 60, 16 * 60)
    dialog = rota_dialog(qtbot, journal)
    assert [row[0] for row in dialog.rows()] == ["2026-11-16"]
    dialog.past.setChecked(True)
    assert [row[0] for row in dialog.rows()] == ["2026-11-02", "2026-11-16"]


def test_the_days_selected_are_cleared_once_agreed(
    qtbot: QtBot, journal: Journal, questions: Questions
) -> None:
    for day in (16, 17, 18):
        journal.rota.add(date(2026, 11, day), 9 * 60, 17 * 60)
    dialog = rota_dialog(qtbot, journal)
    assert not dialog.clear_button.isEnabled()
    select_rows(dialog, 0, 2)
    assert dialog.clear_button.isEnabled()
    questions.answers.append(False)  # Cancel
    assert not dialog.clear_selected()
    assert len(journal.rota.entries()) == 3
    questions.answers.append(True)
    assert dialog.clear_selected()
    assert questions.asked[-1] == "Clear the working hours on 2 days (2026-11-16 to 2026-11-18)?"
    assert [e.day for e in journal.rota.entries()] == [date(2026, 11, 17)]
    assert dialog.status.text() == (
        "Cleared 2 windows on 2 days (2026-11-16 to 2026-11-18): the weekly hours apply there "
        "again."
    )


def test_a_calendar_imported_from_here_is_listed_and_undone_as_a_whole(
    qtbot: QtBot, journal: Journal, questions: Questions, monkeypatch: pytest.MonkeyPatch
) -> None:
    def import_it(window: CalendarImportDialog) -> int:
        window.file.edit.setText(str(NIGHTS))
        assert window.preview()
        window.accept()
        return int(window.result())

    monkeypatch.setattr(CalendarImportDialog, "exec", import_it)
    dialog = rota_dialog(qtbot, journal)
    dialog.import_button.click()
    assert dialog.status.text() == (
        "Imported night_shifts_warsaw_handmade.ics. New batch #1: 62 added, 0 changed, 0 removed."
    )
    assert dialog.rows() == []  # all in the past (March to October)
    dialog.past.setChecked(True)
    rows = dialog.rows()
    assert len(rows) == 62
    assert rows[1] == [
        "2026-03-28", "Sat", "22:00–06:00 (ends the next day)", "7 h 00 min", "calendar #1"
    ]  # fmt: skip
    assert list(dialog.undo_buttons) == [1]
    questions.answers.append(True)
    dialog.undo_buttons[1].click()
    assert questions.asked == [
        "Undo the import of #1 night_shifts_warsaw_handmade.ics (Night shifts (hand-made))?"
    ]
    assert dialog.status.text() == (
        "Removed batch #1 (night_shifts_warsaw_handmade.ics): 62 rota windows. Those days "
        "follow the weekly pattern again."
    )
    assert dialog.rows() == [] and dialog.undo_buttons == {}
    assert journal.rota.entries() == []
    assert CalendarImports(journal.db, journal.clock).batches() == []


def test_undo_asks_first(qtbot: QtBot, journal: Journal, questions: Questions) -> None:
    imports = CalendarImports(journal.db, journal.clock)
    first, last = imports.default_range()
    read = imports.read(NIGHTS, NIGHTS.name, first, last, None)
    imports.bring_in(read, "rota", NIGHTS.name, first, last, None)
    dialog = rota_dialog(qtbot, journal)
    questions.answers.append(False)
    dialog.undo_buttons[1].click()
    assert [b.rows for b in imports.batches()] == [62]
    assert not dialog.changed


def test_every_underlined_letter_lands_on_its_field(qtbot: QtBot, journal: Journal) -> None:
    dialog = opened(qtbot, rota_dialog(qtbot, journal))
    keys = Keys(qtbot)
    assert keys.focused() is dialog.day  # it opens on the date to add
    check_labels_land(keys, dialog)
