"""Delete all my data: says exactly what goes (the records of each kind, in plain words, and the
backups), and deletes only once DELETE is typed. The Delete button is never the default, and
Escape or Cancel leaves everything as it was. Afterwards it says Wellbeing starts as new."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wellbeing_app.core.errors import WellbeingError
from wellbeing_app.core.language import N_, _
from wellbeing_app.core.store.full_copy import Deleted
from wellbeing_app.core.store.record_words import KINDS, held, plural, rows_in_tables
from wellbeing_app.ui import accessible, icons
from wellbeing_app.ui.error_label import ErrorLabel, error_style
from wellbeing_app.ui.grow import grow_to_fit, keep_whole
from wellbeing_app.ui.when_shown import WhenShown

CONFIRMATION = "DELETE"  # the word to type, the same in every language (as the command line's)
NEW_START = N_(
    "Wellbeing starts as new: the first-run set-up shows the next time you start it. Until "
    "then nothing counts as after hours."
)


def what_goes(counts: dict[str, int], backups: int, folder: Path) -> list[str]:
    """Each kind of record held and the backups, one line each."""
    order = {table: rank for rank, table in enumerate(KINDS)}
    ranked = sorted(counts.items(), key=lambda item: order.get(item[0], len(order)))
    lines = [held(count, table) for table, count in ranked if count]
    if backups:
        # TRANSLATORS: {backups} is e.g. "3 backup files"; {folder} is where they are.
        lines.append(
            _("{backups} in {folder}").format(backups=plural(backups, "backup file"), folder=folder)
        )
    return lines


class DeleteAllDialog(WhenShown, QDialog):
    """``deleted`` holds what went once Delete is pressed; the dialog then says so and stays
    open, with Close alone."""

    def __init__(
        self,
        counts: dict[str, int],
        backups: int,
        backup_folder: Path,
        delete: Callable[[], Deleted],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Delete all my data"))
        self.setWindowIcon(icons.icon(icons.APP))
        accessible.complete_when_shown(self)  # names and descriptions left unset
        self._delete = delete
        self.deleted: Deleted | None = None
        lines = what_goes(counts, backups, backup_folder)

        self.heading = QLabel(
            _("This deletes, for good:")
            if lines
            else _("There is nothing to delete: no records and no backups.")
        )
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        self.listing = QLabel("\n".join(f"• {line}" for line in lines))
        self.listing.setTextFormat(Qt.TextFormat.PlainText)
        self.listing.setWordWrap(True)
        self.listing.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.listing.setVisible(bool(lines))
        self.warning = QLabel(
            _(
                "It cannot be undone. To keep a copy, close this and choose Export all my data "
                "first."
            )
        )
        self.warning.setWordWrap(True)
        self.typed = QLineEdit()
        # TRANSLATORS: {word} is DELETE, the word to type, which stays as it is.
        self.typed.setAccessibleName(_("Type {word} to confirm").format(word=CONFIRMATION))
        self.typed.setPlaceholderText(CONFIRMATION)
        self.typed.setMaxLength(20)
        # TRANSLATORS: {word} is DELETE, the word to type, which stays as it is.
        typed_label = QLabel(_("T&ype {word} to confirm").format(word=CONFIRMATION))
        typed_label.setBuddy(self.typed)
        self.typed_row = QWidget()
        row = QHBoxLayout(self.typed_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(typed_label)
        row.addWidget(self.typed, 1)
        self.typed_row.setVisible(bool(lines))
        self.warning.setVisible(bool(lines))
        self.error = ErrorLabel({})

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.delete_button = QPushButton(_("&Delete everything"))
        self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        # Return in the field must not delete: no button is the default here.
        for button in (self.delete_button, self.cancel_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.delete_button.setEnabled(False)
        self.delete_button.clicked.connect(self.delete)
        self.buttons.rejected.connect(self.reject)
        self.typed.textChanged.connect(self._typed)

        body = QVBoxLayout(self)
        body.addWidget(self.heading)
        body.addWidget(self.listing)
        body.addWidget(self.warning)
        body.addSpacing(6)
        body.addWidget(self.typed_row)
        body.addWidget(self.error)
        body.addWidget(self.buttons)
        keep_whole(self, 520)  # and as wide and tall as its contents need
        self.typed.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.warning.setStyleSheet(error_style(self.warning))  # the palette is known once shown

    def _typed(self, text: str) -> None:
        self.delete_button.setEnabled(text.strip() == CONFIRMATION)

    def delete(self) -> bool:
        """Delete every record and backup, once DELETE is typed; say what went."""
        if self.typed.text().strip() != CONFIRMATION or self.deleted is not None:
            return False
        try:
            deleted = self._delete()
        except WellbeingError as exc:
            self.error.show_error(exc)
            grow_to_fit(self)
            return False
        self.deleted = deleted
        said = _("Deleted every record ({rows}) and {backups}.").format(
            rows=rows_in_tables(deleted.rows), backups=plural(deleted.backup_files, "backup file")
        )
        if not deleted.log_emptied:
            said += " " + _(
                "Another program has the database open; the deleted rows leave its write-ahead "
                "log when that program closes it."
            )
        self.heading.setText(said)
        self.listing.setVisible(False)
        self.typed_row.setVisible(False)
        self.warning.setText(_(NEW_START))
        self.warning.setStyleSheet("")
        self.delete_button.setVisible(False)
        self.cancel_button.setText(_("&Close"))
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()
        grow_to_fit(self)
        return True

    @classmethod
    def ask_and_delete(
        cls,
        counts: dict[str, int],
        backups: int,
        backup_folder: Path,
        delete: Callable[[], Deleted],
        parent: QWidget | None = None,
    ) -> bool:
        """Run the dialog: True once everything was deleted."""
        dialog = cls(counts, backups, backup_folder, delete, parent)
        dialog.exec()
        return dialog.deleted is not None
