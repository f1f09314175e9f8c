"""After a file is saved: where it went, with Open (in the app the desktop uses for that kind of
file) and Show in folder (the desktop's file manager). Either hands the file's or the folder's
URL to the desktop; if the desktop has nothing to open it with, the dialog says so and stays.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from wellbeing_app.core.errors import WellbeingError
from wellbeing_app.core.language import N_, _
from wellbeing_app.ui import accessible, icons
from wellbeing_app.ui.error_label import ErrorLabel
from wellbeing_app.ui.grow import keep_whole
from wellbeing_app.ui.when_shown import WhenShown

NOT_OPENED = {  # what could not be opened: the file itself, or the folder that holds it
    "file": N_("The desktop has no application to open this file with. It is saved at {path}."),
    "folder": N_("The desktop has no application to open its folder with. It is saved at {path}."),
}


class SavedFileDialog(WhenShown, QDialog):
    """Records what was opened in ``opened``: "file", "folder" or None."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Summary saved"))
        self.setWindowIcon(icons.icon(icons.APP))
        accessible.complete_when_shown(self)  # names and descriptions left unset
        self.path = path
        self.opened: str | None = None
        where = QLabel(_("Saved to {path}").format(path=path))
        where.setTextFormat(Qt.TextFormat.PlainText)
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = ErrorLabel({})
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        # The accept role makes Open the default button (Return); it closes only once opened.
        self.open_button = self.buttons.addButton(
            _("&Open"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.folder_button = self.buttons.addButton(
            _("Show in &folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.clicked.connect(self.open_file)
        self.folder_button.clicked.connect(self.show_folder)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        keep_whole(self, 420)  # and as wide and tall as its contents need

    def open_file(self) -> bool:
        """Open the file with the desktop's application for it; close once it has."""
        return self._open(self.path, "file")

    def show_folder(self) -> bool:
        """Show the folder that holds the file; close once it is shown."""
        return self._open(self.path.parent, "folder")

    def _open(self, target: Path, kind: str) -> bool:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            message = _(NOT_OPENED[kind]).format(path=self.path)
            self.error.show_error(WellbeingError(message))
            return False
        self.opened = kind
        self.accept()
        return True

    @classmethod
    def offer(cls, path: Path, parent: QWidget | None = None) -> tuple[str | None, bool]:
        """Run the dialog: what was opened ("file" or "folder") and True, or None and False
        when closed without opening anything."""
        dialog = cls(path, parent)
        dialog.exec()
        return dialog.opened, dialog.opened is not None
