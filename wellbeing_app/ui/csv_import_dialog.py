"""Bringing in pings or shifts from a CSV file: the file and its kind, then a preview (the dry
run: the rows that would be added, those skipped and why, or the one problem that stops the
file, naming its row and column) before anything is written. Import is offered only for the
choices previewed; it checks the file again and adds its new rows in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from wellbeing_app.core.errors import ValidationError, WellbeingError
from wellbeing_app.core.imports.csv_rows import COLUMNS, REQUIRED
from wellbeing_app.core.imports.csv_store import Added, CsvImport
from wellbeing_app.core.imports.csv_words import counted, default_zone, reason
from wellbeing_app.core.language import N_, _, formats, ngettext
from wellbeing_app.core.records.pings import PingRow
from wellbeing_app.core.time.local_time import format_duration, in_zone
from wellbeing_app.core.vocabulary import source_label
from wellbeing_app.ui import accessible, icons
from wellbeing_app.ui.app_words import app_error
from wellbeing_app.ui.error_label import ErrorLabel
from wellbeing_app.ui.file_field import FileField
from wellbeing_app.ui.preview_import import PreviewThenImport
from wellbeing_app.ui.quiet_label import quiet_label
from wellbeing_app.ui.read_only_table import fill, read_only_table
from wellbeing_app.ui.when_shown import WhenShown

# (path, the file's name for messages, pings or shifts, dry run) -> what was (or would be) done
ImportCsv = Callable[[Path, str, str, bool], CsvImport]

KINDS = {"pings": N_("&Pings"), "shifts": N_("S&hifts")}
HEADERS = {
    "pings": (N_("Row"), N_("When"), N_("Source"), N_("Minutes"), N_("Note")),
    "shifts": (N_("Row"), N_("Start"), N_("End"), N_("Length"), N_("Note")),
}
SHOWN_AT_MOST = 1000  # rows in the preview table; the count above it says how many in all
NOT_PREVIEWED = N_("Choose a file, then Preview: nothing is written until you press Import.")
NO_FILE = N_("choose a .csv file (Browse…) or type its path")
STALE = N_("The choices changed: Preview again to see what Import would add.")


def columns_line(kind: str) -> str:
    """The columns a file of ``kind`` is read by, the ones it needs named."""
    first, second = REQUIRED[kind]
    # TRANSLATORS: two column names of a CSV file, e.g. "at and source".
    needed = _("{first} and {second}").format(first=first, second=second)
    # TRANSLATORS: {command} is a command, e.g. 'list pings --json'; column names stay as they are.
    said = _("Columns: {columns} ({needed} needed), as '{command}' has them.")
    return said.format(
        columns=", ".join(COLUMNS[kind]), needed=needed, command=f"list {kind} --json"
    )


def headers(kind: str) -> list[str]:
    """The preview table's column headers for rows of ``kind``, in the language in use."""
    return [_(header) for header in HEADERS[kind]]


class CsvImportDialog(WhenShown, PreviewThenImport, QDialog):
    """``report`` holds what was added once Import succeeds (the dialog then closes)."""

    def __init__(
        self, run: ImportCsv, zone: str, folder: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import pings or shifts from CSV"))
        self.setWindowIcon(icons.icon(icons.APP))
        accessible.complete_when_shown(self)  # names and descriptions left unset
        self._run = run
        self._zone = zone
        self._folder = folder or Path.home()
        self.report: CsvImport | None = None
        self._shown: tuple[Path, str] | None = None  # the file and kind previewed

        self.file = FileField(self._choose, name=_("CSV file"))
        self.file.edit.setPlaceholderText(_("a .csv file with a header row"))
        self.kinds = QButtonGroup(self)
        kind_row = QHBoxLayout()
        for kind, text in KINDS.items():
            button = QRadioButton(_(text))
            button.setProperty("kind", kind)
            self.kinds.addButton(button)
            kind_row.addWidget(button)
        kind_row.addStretch()
        self.kinds.buttons()[0].setChecked(True)
        self.columns = quiet_label(columns_line("pings"))
        self.preview_button = QPushButton(_("Pre&view"))
        self.preview_button.clicked.connect(self.preview)
        self.summary = QLabel(_(NOT_PREVIEWED))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.table = read_only_table(headers("pings"), _("Rows to add"))
        self.skipped = QLabel()
        self.skipped.setWordWrap(True)
        self.skipped.setTextFormat(Qt.TextFormat.PlainText)
        self.skipped.setVisible(False)
        self.error = ErrorLabel({})
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            _("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        file_label = QLabel(_("CSV &file"))
        file_label.setBuddy(self.file)
        form.addRow(file_label, self.file)
        kind_box = QVBoxLayout()
        kind_box.addLayout(kind_row)
        kind_box.addWidget(self.columns)
        form.addRow(_("It holds"), kind_box)
        self._lay_out(form, _("Checks every row; writes nothing."), _("&Rows to add"))
        self.resize(720, 560)

        self.file.edit.textChanged.connect(self._changed)
        self.kinds.buttonToggled.connect(self._changed)
        self._offer_import(False)
        self.file.setFocus(Qt.FocusReason.OtherFocusReason)

    def kind(self) -> str:
        checked = self.kinds.checkedButton()
        return str(checked.property("kind")) if checked is not None else "pings"

    def choose_kind(self, kind: str) -> None:
        for button in self.kinds.buttons():
            button.setChecked(button.property("kind") == kind)

    def _changed(self) -> None:
        self.columns.setText(columns_line(self.kind()))
        self.error.clear()
        if self._shown is not None:
            self._shown = None
            self._show_nothing(_(STALE))

    # -- the preview ----------------------------------------------------------------------
    def preview(self) -> bool:
        """The dry run: every row checked, what would be added and skipped (nothing written);
        False, with the problem said under the preview, when the file cannot be imported."""
        self._shown = None
        path, kind = self.file.path(), self.kind()
        if path is None:
            self._refuse(ValidationError(_("CSV file"), _(NO_FILE)))
            return False
        try:
            report = self._run(path, path.name, kind, True)
        except WellbeingError as exc:
            self._refuse(exc, path.name)
            return False
        self.error.clear()
        self._shown = (path, kind)
        self._show(report)
        return True

    def _show(self, report: CsvImport) -> None:
        lines = [counted(report)]
        if report.used_default_zone:
            lines.append(default_zone(self._zone))
        shown = report.added[:SHOWN_AT_MOST]
        if len(report.added) > len(shown):
            listed = ngettext(
                "The first {count} is listed.", "The first {count} are listed.", len(shown)
            )
            lines.append(listed.format(count=formats.number(len(shown))))
        self.summary.setText(" ".join(lines))
        self.table.setHorizontalHeaderLabels(headers(report.kind))
        fill(self.table, [self._cells(added) for added in shown])
        skipped = [
            _("row {row}: {reason}").format(row=s.row, reason=reason(s))
            for s in report.skipped[:20]
        ]
        if len(report.skipped) > len(skipped):
            more = len(report.skipped) - len(skipped)
            # TRANSLATORS: after a list of rows skipped and why; {count} is the rows not listed.
            also = ngettext("and {count} more", "and {count} more", more)
            skipped.append(also.format(count=formats.number(more)))
        self.skipped.setText(_("Skipped: {rows}").format(rows="; ".join(skipped)))
        self.skipped.setVisible(bool(skipped))
        self._offer_import(bool(report.added))

    def _cells(self, added: Added) -> list[str]:
        record = added.record
        if isinstance(record, PingRow):
            return [
                str(added.row),
                self._local(record.at),
                source_label(record.source),
                str(record.minutes),
                record.note or "",
            ]
        end = record.end
        return [
            str(added.row),
            self._local(record.start),
            self._local(end) if end is not None else "",
            format_duration(end - record.start) if end is not None else "",
            record.note or "",
        ]

    def _local(self, instant: datetime) -> str:
        return f"{in_zone(instant, self._zone):%Y-%m-%d %H:%M}"

    def _show_nothing(self, text: str) -> None:
        self.summary.setText(text)
        fill(self.table, [])
        self.skipped.setVisible(False)
        self._offer_import(False)

    def _refuse(self, exc: WellbeingError, name: str = "") -> None:
        self._show_nothing(_(NOT_PREVIEWED))
        self.error.show_error(WellbeingError(app_error(exc, name)))

    # -- importing ------------------------------------------------------------------------
    def accept(self) -> None:
        """Import: check the file again and add its new rows, all or none; then close."""
        if self._shown is None or not self.import_button.isEnabled():
            return
        path, kind = self._shown
        try:
            self.report = self._run(path, path.name, kind, False)
        except WellbeingError as exc:  # the file changed since the preview
            self._refuse(exc, path.name)
            self._shown = None
            return
        super().accept()

    @staticmethod
    def choose_file(parent: QWidget, current: str) -> str | None:
        """Ask which file to read (the one call tests replace); None when the user cancels."""
        name, _filter = QFileDialog.getOpenFileName(
            parent, _("Choose a CSV file"), current, _("CSV files (*.csv);;All files (*)")
        )
        return name or None

    @classmethod
    def bring_in(
        cls, run: ImportCsv, zone: str, folder: Path | None = None, parent: QWidget | None = None
    ) -> CsvImport | None:
        """Run the dialog: what was added, or None when closed without importing."""
        dialog = cls(run, zone, folder, parent)
        dialog.exec()
        return dialog.report
