"""Your data, from Settings: the rota and calendar imports, pings or shifts from CSV, all of it
out to one file, or all of it deleted. Each runs as its own operation, so the views refresh as
soon as its window closes, while Settings stays open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from wellbeing_app.core.imports.calendars import CalendarImports
from wellbeing_app.core.imports.csv_store import CsvImport, import_csv
from wellbeing_app.core.imports.csv_words import counted
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.language import _
from wellbeing_app.core.store import full_copy, full_copy_file
from wellbeing_app.core.store.backups import backup_folder
from wellbeing_app.core.store.record_words import rows_in_tables
from wellbeing_app.ui.controllers.parts import Feature
from wellbeing_app.ui.csv_import_dialog import CsvImportDialog
from wellbeing_app.ui.delete_all_dialog import DeleteAllDialog
from wellbeing_app.ui.export_all_dialog import ExportAllDialog
from wellbeing_app.ui.rota_dialog import RotaDialog
from wellbeing_app.ui.your_data_tab import DataActions


class YourData(Feature):
    """Opens the data windows over ``parent`` (the Settings dialog)."""

    def actions(self) -> DataActions:
        return DataActions(self.open_rota, self.import_csv, self.export_all, self.delete_all)

    def folder(self) -> Path:
        """Where file choosers start."""
        return Path.home()

    def open_rota(self, parent: QWidget) -> None:
        def show(journal: Journal) -> bool:
            imports = CalendarImports(journal.db, journal.clock)
            return RotaDialog.show_rota(
                journal.rota, imports, journal.today(), self.folder(), parent
            )

        self.run(show, failure_title=_("Rota not changed"))

    def import_csv(self, parent: QWidget) -> None:
        def show(journal: Journal) -> CsvImport | None:
            def run(path: Path, name: str, kind: str, dry_run: bool) -> CsvImport:
                now, zone = journal.now(), journal.zone()
                return import_csv(journal.db, path, name, kind, now=now, zone=zone, dry_run=dry_run)

            return CsvImportDialog.bring_in(run, journal.zone(), self.folder(), parent)

        self.run(show, on_done=self._csv_done, failure_title=_("Nothing imported"))

    def _csv_done(self, report: CsvImport | None) -> None:
        if report is not None:
            self.say(_("Imported"), counted(report))

    def export_all(self, parent: QWidget) -> None:
        def show(journal: Journal) -> Path | None:
            db = journal.db
            held = rows_in_tables(full_copy.record_counts(db))

            def text() -> str:
                return full_copy_file.full_copy_text(full_copy.export_everything(db, journal.now()))

            return ExportAllDialog.export(
                held, text, db.path.parent, journal.today(), self.folder(), parent
            )

        self.run(show, failure_title=_("Nothing exported"))

    def delete_all(self, parent: QWidget) -> bool:
        def show(journal: Journal) -> bool:
            db = journal.db
            return DeleteAllDialog.ask_and_delete(
                full_copy.record_counts(db),
                len(full_copy.backup_files(db)),
                backup_folder(db.path),
                lambda: full_copy.delete_everything(db),
                parent,
            )

        return bool(self.run(show, failure_title=_("Nothing deleted")))
