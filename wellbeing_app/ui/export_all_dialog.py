"""Export all my data: every record, private ones included, to one JSON file the user chooses
(never in the data folder), readable by the user alone; afterwards, where it is, that it holds
private notes and reflections, and Show in folder."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from wellbeing_app.core.errors import ValidationError, WellbeingError
from wellbeing_app.core.language import N_, _
from wellbeing_app.core.store.files import check_output, write_text
from wellbeing_app.ui import accessible, confirm, icons
from wellbeing_app.ui.error_label import ErrorLabel
from wellbeing_app.ui.file_field import FileField
from wellbeing_app.ui.grow import grow_to_fit, keep_whole
from wellbeing_app.ui.quiet_label import quiet_label
from wellbeing_app.ui.saved_file_dialog import SavedFileDialog
from wellbeing_app.ui.when_shown import WhenShown

FIELD = N_("Save to")
KEEP_SAFE = N_("It holds your private notes and reflections: keep it somewhere safe.")
# TRANSLATORS: {held} is e.g. "1,234 rows in 11 tables"; 'wellbeing-app import all FILE' is a
# command and stays as it is.
ABOUT = N_(
    "Every record ({held}), including incident details, notes and reflections, in one JSON "
    "file: to keep, or to move Wellbeing to another computer ('wellbeing-app import all FILE' "
    "brings it back into an empty data folder). The file is not encrypted and is readable by "
    "you alone."
)


def copy_name(today: date) -> str:
    """``wellbeing-full-copy-2026-11-15.json``."""
    return f"wellbeing-full-copy-{today.isoformat()}.json"


class ExportAllDialog(WhenShown, QDialog):
    """``saved_to`` holds where the copy went once written (the dialog then closes)."""

    def __init__(
        self,
        held: str,
        make_text: Callable[[], str],
        data_dir: Path,
        today: date,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``held``: what the data holds, in words; ``make_text`` reads it all, as the file's
        text, when Export is pressed."""
        super().__init__(parent)
        self.setWindowTitle(_("Export all my data"))
        self.setWindowIcon(icons.icon(icons.APP))
        accessible.complete_when_shown(self)  # names and descriptions left unset
        self._make_text = make_text
        self._data_dir = data_dir
        self.saved_to: Path | None = None
        self._replace_agreed: str | None = None  # a file the save dialog asked about already
        suggested = (folder or Path.home()) / copy_name(today)
        self.file = FileField(self._choose, str(suggested), name=_(FIELD))
        self.error = ErrorLabel({})
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            _("&Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        about = QLabel(_(ABOUT).format(held=held))
        about.setWordWrap(True)
        about.setTextFormat(Qt.TextFormat.PlainText)
        label = QLabel(_("Save &to"))
        label.setBuddy(self.file)
        form = QFormLayout()
        form.addRow(label, self.file)
        body = QVBoxLayout(self)
        body.addWidget(about)
        body.addSpacing(6)
        body.addLayout(form)
        body.addWidget(
            quiet_label(_("Not in Wellbeing's data folder, which holds the data itself."))
        )
        body.addWidget(self.error)
        body.addWidget(self.buttons)
        keep_whole(self, 560)  # and as wide and tall as its contents need
        self.file.edit.textChanged.connect(self.error.clear)
        self.file.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        """Export: check where, read everything, write it whole (0600), and close."""
        path = self.file.path()
        try:
            if path is None:
                raise ValidationError(_(FIELD), _("give a file name (Browse… chooses one)"))
            if not path.suffix:
                path = path.with_name(f"{path.name}.json")
            target = check_output(path, self._data_dir, _(FIELD))
            if not self._may_replace(target):
                return
            write_text(target, self._make_text(), private=True)
        except WellbeingError as exc:
            self._refuse(str(exc))
            return
        except OSError as exc:
            self._refuse(_("Not saved: {reason}").format(reason=exc.strerror or exc))
            return
        self.saved_to = target
        super().accept()

    def _refuse(self, problem: str) -> None:
        self.error.show_error(WellbeingError(problem))
        grow_to_fit(self)
        self.file.setFocus()

    def _may_replace(self, target: Path) -> bool:
        """A file typed over an existing one: ask first (the save dialog asked for its own)."""
        if not target.exists() or str(target) == self._replace_agreed:
            return True
        return confirm.ask(
            self,
            _("Replace {file}?").format(file=target.name),
            _("{path} exists already; exporting replaces it with a copy made now.").format(
                path=target
            ),
            _("&Replace"),
        )

    def _choose(self, parent: QWidget, current: str) -> str | None:
        chosen = self.choose_file(self, current)
        if chosen:
            self._replace_agreed = str(Path(chosen).expanduser().resolve())
        return chosen

    @staticmethod
    def choose_file(parent: QWidget, current: str) -> str | None:
        """Ask where to save (the one call tests replace); None when the user cancels."""
        name, _filter = QFileDialog.getSaveFileName(
            parent, _("Save all my data"), current, _("JSON files (*.json)")
        )
        return name or None

    @classmethod
    def export(
        cls,
        held: str,
        make_text: Callable[[], str],
        data_dir: Path,
        today: date,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> Path | None:
        """Run the dialog: where the copy was saved (then said, with Show in folder), or None."""
        dialog = cls(held, make_text, data_dir, today, folder, parent)
        dialog.exec()
        if dialog.saved_to is not None:
            SavedCopyDialog.offer(dialog.saved_to, parent)
        return dialog.saved_to


class SavedCopyDialog(SavedFileDialog):
    """Where the full copy went, that it holds private text, Open and Show in folder."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(path, parent)
        self.setWindowTitle(_("All your data is saved"))
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            note = QLabel(_(KEEP_SAFE))
            note.setWordWrap(True)
            layout.insertWidget(1, note)
            layout.insertSpacing(2, 8)
