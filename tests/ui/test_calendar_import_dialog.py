"""The calendar import window: a preview of exactly what would be written (a night across the
spring change of the clocks is 7 hours), Import only for the choices previewed, a bad file
said in one line naming it, the same calendar updated rather than doubled, and all of it from
the keyboard.

The night-shift calendar plans Friday and Saturday nights 22:00-06:00 in Warsaw from 2026-03-27
to 2026-10-31 (62 nights kept, one cancelled), with all-day recovery days on 2026-03-30 and 31.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from tests.ui.key_presses import Keys, check_labels_land, opened
from wellbeing_app.core.imports.calendars import CalendarImports
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.time.clock import FixedClock
from wellbeing_app.ui.calendar_import_dialog import CalendarImportDialog, imported_words

NIGHTS = Path(__file__).parent.parent / "data" / "calendars" / "night_shifts_warsaw_handmade.ics"
SPRING_NIGHT = ["2026-03-28", "Sat", "22:00–06:00 (ends the next day)", "7 h 00 min", "Night shift"]


@pytest.fixture
def imports(db: Database, clock: FixedClock) -> CalendarImports:
    return CalendarImports(db, clock)


def dialog_for(qtbot: QtBot, imports: CalendarImports, path: Path = NIGHTS) -> CalendarImportDialog:
    dialog = CalendarImportDialog(imports, folder=path.parent)
    qtbot.addWidget(dialog)
    dialog.file.edit.setText(str(path))
    return dialog


def test_the_preview_shows_the_spring_night_as_seven_hours_and_writes_nothing(
    qtbot: QtBot, imports: CalendarImports
) -> None:
    dialog = dialog_for(qtbot, imports)
    assert not dialog.import_button.isEnabled()  # nothing previewed yet
    assert dialog.preview()
    rows = dialog.preview_rows()
    assert len(rows) == 62
    assert rows[0] == [
        "2026-03-27",
        "Fri",
        "22:00–06:00 (ends the next day)",
        "8 h 00 min",
        "Night shift",
    ]
    assert rows[1] == SPRING_NIGHT
    assert dialog.summary.text().splitlines() == [
        "night_shifts_warsaw_handmade.ics (Night shifts (hand-made)): 62 events would become "
        "rota windows.",
        "Import makes a new batch (62 added, 0 changed, 0 removed).",
    ]
    assert dialog.skipped.text() == (
        "Left out: 1 all-day event (no working hours; import it as days off or on call); "
        "1 cancelled"
    )
    assert "--" not in dialog.skipped.text()  # no command-line options in the window
    assert dialog.import_button.isEnabled()
    assert imports.batches() == []


def test_import_writes_the_previewed_batch_and_closes(
    qtbot: QtBot, imports: CalendarImports
) -> None:
    dialog = dialog_for(qtbot, imports)
    dialog.preview()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.plan is not None
    assert imported_words(dialog.plan) == "New batch #1: 62 added, 0 changed, 0 removed."
    [batch] = imports.batches()
    assert (batch.id, batch.used_as, batch.rows) == (1, "rota", 62)


def test_import_is_offered_only_for_the_choices_previewed(
    qtbot: QtBot, imports: CalendarImports
) -> None:
    dialog = dialog_for(qtbot, imports)
    dialog.preview()
    dialog.match.setText("late start")  # a new choice: the preview no longer says what Import does
    assert not dialog.import_button.isEnabled()
    assert dialog.preview_rows() == []
    assert "Preview again" in dialog.summary.text()
    dialog.accept()
    assert dialog.isVisible() is False and dialog.plan is None and imports.batches() == []
    dialog.preview()
    assert [row[4] for row in dialog.preview_rows()] == ["Night shift (late start)"]
    dialog.choose_use("oncall")
    assert not dialog.import_button.isEnabled()


def test_days_off_show_their_dates_and_length_in_days(
    qtbot: QtBot, imports: CalendarImports
) -> None:
    dialog = dialog_for(qtbot, imports)
    dialog.choose_use("days-off")
    dialog.match.setText("Recovery")
    dialog.preview()
    assert dialog.preview_rows() == [
        ["2026-03-30", "Mon", "all day to 2026-03-31", "2 days", "Recovery days"]
    ]
    assert "1 event would become days off." in dialog.summary.text()


def test_a_file_that_is_no_calendar_is_said_in_one_line_naming_it(
    qtbot: QtBot, imports: CalendarImports, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.ics"
    notes.write_text("shopping: milk, bread\n", encoding="utf-8")
    dialog = dialog_for(qtbot, imports, notes)
    assert not dialog.preview()
    assert dialog.error.isVisibleTo(dialog)
    assert dialog.error.text().startswith("notes.ics is not a calendar file")
    assert "\n" not in dialog.error.text()
    assert not dialog.import_button.isEnabled() and dialog.preview_rows() == []
    dialog.file.edit.setText(str(tmp_path / "missing.ics"))
    assert not dialog.error.isVisibleTo(dialog)  # a new choice clears the old problem
    assert not dialog.preview()
    assert dialog.error.text().startswith("missing.ics cannot be read")


def test_no_file_or_dates_backwards_are_named(qtbot: QtBot, imports: CalendarImports) -> None:
    dialog = dialog_for(qtbot, imports)
    dialog.file.edit.clear()
    assert not dialog.preview()
    assert dialog.error.text().startswith("Calendar file: choose a .ics file")
    dialog.file.edit.setText(str(NIGHTS))
    dialog.last.setDate(dialog.first.date().addDays(-1))
    assert not dialog.preview()
    assert dialog.error.text().startswith("To: ") and "is before From" in dialog.error.text()


def test_the_same_calendar_again_updates_its_batch(qtbot: QtBot, imports: CalendarImports) -> None:
    first = dialog_for(qtbot, imports)
    first.preview()
    first.accept()
    again = dialog_for(qtbot, imports)
    again.preview()
    assert again.summary.text().splitlines()[1] == (
        "Imported before, as batch #1: Import updates it (0 added, 62 changed, 0 removed)."
    )
    again.accept()
    assert again.plan is not None and imported_words(again.plan).startswith("Updated batch #1")
    assert [b.rows for b in imports.batches()] == [62]


def test_browse_fills_in_the_file_chosen(
    qtbot: QtBot, imports: CalendarImports, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        CalendarImportDialog,
        "choose_file",
        staticmethod(lambda parent, current: asked.append(current) or str(NIGHTS)),
    )
    dialog = CalendarImportDialog(imports, folder=NIGHTS.parent)
    qtbot.addWidget(dialog)
    dialog.file.browse.click()
    assert asked == [str(NIGHTS.parent)] and dialog.file.text() == str(NIGHTS)


def test_a_calendar_from_the_keyboard_alone(
    qtbot: QtBot, imports: CalendarImports, keys: Keys
) -> None:
    dialog = opened(qtbot, CalendarImportDialog(imports, folder=NIGHTS.parent))
    assert keys.focused() is dialog.file.edit  # it opens on the file
    keys.type(str(NIGHTS))
    keys.press(Qt.Key.Key_Return)  # Return previews until there is a preview
    assert dialog.preview_rows()[1] == SPRING_NIGHT
    keys.alt("c")  # On call (a button's letter clicks it a moment later, as pressed)
    qtbot.waitUntil(lambda: dialog.used_as() == "oncall", timeout=2000)
    assert not dialog.import_button.isEnabled()
    keys.alt("w")  # back to working hours
    qtbot.waitUntil(lambda: dialog.used_as() == "rota", timeout=2000)
    keys.alt("n")
    keys.type("Night shift")
    keys.alt("p")
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=2000)
    keys.alt("i")
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=2000)
    assert not dialog.isVisible()
    assert [(b.used_as, b.rows) for b in imports.batches()] == [("rota", 62)]


def test_every_underlined_letter_lands_on_its_field(
    qtbot: QtBot, imports: CalendarImports, keys: Keys
) -> None:
    dialog = opened(qtbot, CalendarImportDialog(imports))
    check_labels_land(keys, dialog)


def test_escape_closes_without_writing(qtbot: QtBot, imports: CalendarImports, keys: Keys) -> None:
    dialog = opened(qtbot, dialog_for(qtbot, imports))
    dialog.preview()
    keys.press(Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.plan is None and imports.batches() == []


@pytest.fixture
def keys(qtbot: QtBot) -> Keys:
    return Keys(qtbot)
