"""Settings' Your data windows: pings or shifts from CSV (a dry run first, then the import), all
of it out to a file that 'import all' reads back (never into the data folder), and all of it
deleted only once DELETE is typed; the views refresh afterwards."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QTabWidget
from pytestqt.qtbot import QtBot

from tests.conftest import NOW
from tests.full_copy_fixture import SECRET, fill_everything
from tests.ui.key_presses import Keys, check_labels_land, opened, shown_mnemonics
from wellbeing_app.app import WellbeingApp
from wellbeing_app.core.imports.csv_store import CsvImport, import_csv
from wellbeing_app.core.reminders.planner import ReminderSettings
from wellbeing_app.core.store import full_copy, full_copy_file
from wellbeing_app.core.store.backups import backup_folder, make_backup
from wellbeing_app.core.store.database import Database, open_database
from wellbeing_app.core.store.record_words import rows_in_tables
from wellbeing_app.core.time.clock import FixedClock
from wellbeing_app.ui import confirm
from wellbeing_app.ui.controllers.settings import SET_UP_DONE
from wellbeing_app.ui.csv_import_dialog import CsvImportDialog
from wellbeing_app.ui.delete_all_dialog import DeleteAllDialog
from wellbeing_app.ui.export_all_dialog import ExportAllDialog, SavedCopyDialog, copy_name
from wellbeing_app.ui.settings_dialog import SettingsDialog
from wellbeing_app.ui.your_data_tab import DataActions

ZONE = "Europe/Berlin"
PINGS = (
    "at,source,minutes,note\n"
    "2026-11-10T21:30,slack,5,client asked about the launch\n"
    "2026-11-11T07:10,email,0,\n"
    "2026-11-11T07:10,email,0,\n"
)


def csv_dialog(qtbot: QtBot, db: Database, clock: FixedClock, path: Path) -> CsvImportDialog:
    def run(file: Path, name: str, kind: str, dry_run: bool) -> CsvImport:
        return import_csv(db, file, name, kind, now=clock.now(), zone=ZONE, dry_run=dry_run)

    dialog = CsvImportDialog(run, ZONE, path.parent)
    qtbot.addWidget(dialog)
    dialog.file.edit.setText(str(path))
    return dialog


def stored_pings(db: Database) -> int:
    return full_copy.record_counts(db).get("ping", 0)


# -- CSV --------------------------------------------------------------------------------------
def test_csv_preview_is_the_dry_run_and_import_adds_the_rows(
    qtbot: QtBot, db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    path = tmp_path / "pings.csv"
    path.write_text(PINGS, encoding="utf-8")
    dialog = csv_dialog(qtbot, db, clock, path)
    assert not dialog.import_button.isEnabled()
    assert dialog.preview()
    assert dialog.preview_rows() == [
        ["2", "2026-11-10 21:30", "Slack", "5", "client asked about the launch"],
        ["3", "2026-11-11 07:10", "Email", "0", ""],
    ]
    assert dialog.summary.text() == (
        "Would add 2 pings; 1 repeated in the file (skipped). Times without an offset, in rows "
        "naming no zone, were read in Europe/Berlin."
    )
    assert dialog.skipped.text() == "Skipped: row 4: same as row 3"
    assert stored_pings(db) == 0  # a preview writes nothing
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.report is not None and len(dialog.report.added) == 2
    assert stored_pings(db) == 2
    again = csv_dialog(qtbot, db, clock, path)
    again.preview()
    assert again.summary.text().startswith("Would add 0 pings; 3 already present (skipped).")
    assert not again.import_button.isEnabled()  # nothing to add


def test_csv_shifts_and_a_change_of_kind_needs_a_new_preview(
    qtbot: QtBot, db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    path = tmp_path / "shifts.csv"
    path.write_text("start,end,note\n2026-11-09T22:00,2026-11-10T06:30,night\n", "utf-8")
    dialog = csv_dialog(qtbot, db, clock, path)
    dialog.choose_kind("shifts")
    assert "start, end, note, zone" in dialog.columns.text()
    dialog.preview()
    assert dialog.preview_rows() == [
        ["2", "2026-11-09 22:00", "2026-11-10 06:30", "8 h 30 min", "night"]
    ]
    dialog.choose_kind("pings")
    assert not dialog.import_button.isEnabled() and dialog.preview_rows() == []
    assert not dialog.preview()  # a shifts file read as pings
    assert dialog.error.text().startswith("shifts.csv: row 1")


def test_csv_problem_names_the_row_and_column(
    qtbot: QtBot, db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("at,source\n2026-11-10T10:00,slack\n2026-13-01T10:00,slack\n", "utf-8")
    dialog = csv_dialog(qtbot, db, clock, path)
    assert not dialog.preview()
    assert dialog.error.text().startswith(
        "bad.csv: row 3, column \"at\": '2026-13-01T10:00' is not a date and time"
    )
    assert not dialog.import_button.isEnabled()
    dialog.file.edit.setText(str(tmp_path / "gone.csv"))
    assert not dialog.preview()
    assert dialog.error.text().startswith("gone.csv cannot be read")


def test_csv_window_letters(qtbot: QtBot, db: Database, clock: FixedClock, tmp_path: Path) -> None:
    dialog = opened(qtbot, csv_dialog(qtbot, db, clock, tmp_path / "x.csv"))
    keys = Keys(qtbot)
    assert keys.focused() is dialog.file.edit
    check_labels_land(keys, dialog)


# -- export all -------------------------------------------------------------------------------
@pytest.fixture
def filled(db: Database) -> Database:
    fill_everything(db, NOW)
    make_backup(db.path, NOW)
    return db


@pytest.fixture
def elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder outside the data folder (the database lives in the test's own tmp_path)."""
    return tmp_path_factory.mktemp("elsewhere")


def export_dialog(qtbot: QtBot, db: Database, folder: Path) -> ExportAllDialog:
    def text() -> str:
        return full_copy_file.full_copy_text(full_copy.export_everything(db, NOW))

    held = rows_in_tables(full_copy.record_counts(db))
    dialog = ExportAllDialog(held, text, db.path.parent, date(2026, 11, 15), folder)
    qtbot.addWidget(dialog)
    return dialog


def test_export_all_writes_a_private_file_that_import_all_reads(
    qtbot: QtBot, filled: Database, elsewhere: Path, tmp_path: Path
) -> None:
    folder = elsewhere
    dialog = export_dialog(qtbot, filled, folder)
    assert dialog.file.text() == str(folder / "wellbeing-full-copy-2026-11-15.json")
    dialog.accept()
    saved = dialog.saved_to
    assert saved == folder / copy_name(date(2026, 11, 15)) and saved.exists()
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert SECRET in saved.read_text(encoding="utf-8")  # private text included, as said
    fresh = open_database(tmp_path / "new" / "wellbeing.sqlite3")
    try:
        counts = full_copy.import_everything(fresh, full_copy_file.load_full_copy(saved))
        assert sum(counts.values()) == sum(full_copy.record_counts(filled).values())
        assert full_copy.record_counts(fresh) == full_copy.record_counts(filled)
    finally:
        fresh.close()


def test_export_all_refuses_the_data_folder_and_asks_before_replacing(
    qtbot: QtBot, filled: Database, elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = export_dialog(qtbot, filled, elsewhere)
    dialog.file.edit.setText(str(filled.path.parent / "copy.json"))
    dialog.accept()
    assert dialog.saved_to is None and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text().startswith("Save to: ")
    assert "is in Wellbeing's data folder" in dialog.error.text()
    existing = elsewhere / "old.json"
    existing.write_text("keep me", encoding="utf-8")
    asked: list[str] = []
    monkeypatch.setattr(confirm, "ask", lambda parent, q, d, a: asked.append(q) or False)
    dialog.file.edit.setText(str(elsewhere / "old"))  # .json is added
    dialog.accept()
    assert asked == ["Replace old.json?"] and existing.read_text(encoding="utf-8") == "keep me"


def test_after_the_export_it_says_where_and_that_it_is_private(
    qtbot: QtBot, filled: Database, elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[SavedCopyDialog] = []

    def look(window: SavedCopyDialog) -> int:
        shown.append(window)
        return 0

    monkeypatch.setattr(SavedCopyDialog, "exec", look)
    monkeypatch.setattr(ExportAllDialog, "exec", lambda window: window.accept() or 1)
    made = ExportAllDialog.export("1 row in 1 table", lambda: "{}", filled.path.parent,
                                  date(2026, 11, 15), elsewhere)  # fmt: skip
    assert made == elsewhere / "wellbeing-full-copy-2026-11-15.json"
    [window] = shown
    qtbot.addWidget(window)
    texts = [label.text() for label in window.findChildren(QLabel)]
    assert f"Saved to {made}" in texts
    assert "It holds your private notes and reflections: keep it somewhere safe." in texts
    assert window.folder_button.text() == "Show in &folder"


# -- delete all -------------------------------------------------------------------------------
def delete_dialog(qtbot: QtBot, db: Database) -> DeleteAllDialog:
    dialog = DeleteAllDialog(
        full_copy.record_counts(db),
        len(full_copy.backup_files(db)),
        backup_folder(db.path),
        lambda: full_copy.delete_everything(db),
    )
    return opened(qtbot, dialog)


def test_delete_all_says_what_goes_and_needs_delete_typed(qtbot: QtBot, filled: Database) -> None:
    dialog = delete_dialog(qtbot, filled)
    keys = Keys(qtbot)
    listed = dialog.listing.text().splitlines()
    assert listed[0].startswith("• ") and listed[0].endswith(" shifts")
    assert any(line.endswith(" reflections") for line in listed)
    assert listed[-1] == f"• 1 backup file in {backup_folder(filled.path)}"
    assert keys.focused() is dialog.typed
    assert not dialog.delete_button.isEnabled() and not dialog.delete_button.isDefault()
    keys.type("delete")  # not the word asked for
    assert not dialog.delete_button.isEnabled()
    keys.replace("DELETE")
    assert dialog.delete_button.isEnabled()
    keys.press(Qt.Key.Key_Return)  # Return in the field does not delete
    assert dialog.deleted is None and full_copy.record_counts(filled)
    keys.alt("d")
    qtbot.waitUntil(lambda: dialog.deleted is not None, timeout=2000)
    assert full_copy.record_counts(filled) == {} and full_copy.backup_files(filled) == []
    assert dialog.heading.text().startswith("Deleted every record (")
    assert "first-run set-up shows the next time" in dialog.warning.text()
    assert dialog.cancel_button.text() == "&Close" and not dialog.delete_button.isVisible()


def test_escape_cancels_delete_all(qtbot: QtBot, filled: Database) -> None:
    dialog = delete_dialog(qtbot, filled)
    keys = Keys(qtbot)
    keys.type("DELETE")
    keys.press(Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.deleted is None
    assert full_copy.record_counts(filled)


def test_delete_all_from_the_app_empties_the_store_and_refreshes_the_views(
    qtbot: QtBot, wellbeing: WellbeingApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = wellbeing.journal
    assert journal is not None and wellbeing.features is not None
    journal.start_shift()
    assert journal.held_data()

    def type_and_delete(window: DeleteAllDialog) -> int:
        window.typed.setText("DELETE")
        window.delete()
        return 0

    monkeypatch.setattr(DeleteAllDialog, "exec", type_and_delete)
    with qtbot.waitSignal(wellbeing.operations.state_changed, timeout=2000):
        assert wellbeing.features.settings.your_data.delete_all(QDialog())
    assert journal.held_data() == [] and journal.running_shift() is None
    # only what the running app notes for its reminders: no record, and set-up not done
    assert set(full_copy.record_counts(journal.db)) <= {"setting"}
    assert journal.setting(SET_UP_DONE, False) is False  # the set-up shows at the next start


# -- the tab in Settings --------------------------------------------------------------------
def settings_with(qtbot: QtBot, actions: DataActions) -> SettingsDialog:
    dialog = SettingsDialog(
        date(2026, 11, 15), ZONE, None, ReminderSettings(), [ZONE], lambda choice: None,
        counting=(False, None), your_data=actions, autostart=(False, None),
    )  # fmt: skip
    return opened(qtbot, dialog)


def test_the_your_data_tab_runs_each_action_and_closes_settings_once_all_is_deleted(
    qtbot: QtBot,
) -> None:
    ran: list[str] = []
    actions = DataActions(
        rota=lambda window: ran.append("rota"),
        import_csv=lambda window: ran.append("csv"),
        export_all=lambda window: ran.append("export"),
        delete_all=lambda window: ran.append("delete") is None,
    )
    dialog = settings_with(qtbot, actions)
    keys = Keys(qtbot)
    keys.alt("d")  # Your data
    tabs = dialog.findChild(QTabWidget)
    assert tabs.currentIndex() == 2
    letters = shown_mnemonics(dialog)  # the tab's buttons, the tabs, Settings' own rows
    assert len(letters) == len(set(letters)), letters
    letters = {"o": "rota", "i": "csv", "e": "export"}
    for letter, action in letters.items():
        keys.alt(letter)
        qtbot.waitUntil(lambda action=action: ran[-1:] == [action], timeout=2000)
    assert dialog.isVisible()
    keys.alt("m")  # Delete all my data
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert ran == ["rota", "csv", "export", "delete"]
    assert dialog.result() == QDialog.DialogCode.Rejected  # nothing of Settings was saved
