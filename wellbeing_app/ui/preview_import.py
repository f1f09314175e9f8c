"""What the two import windows (a calendar, pings or shifts from CSV) share: a file chosen in a
folder, a preview table, and Import offered only for the choices previewed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from wellbeing_app.ui.error_label import ErrorLabel
from wellbeing_app.ui.quiet_label import quiet_label
from wellbeing_app.ui.read_only_table import shown_rows

if TYPE_CHECKING:
    _Base = QWidget
else:
    _Base = object


class PreviewThenImport(_Base):
    """A base before the window's Qt class. The window sets ``import_button``,
    ``preview_button``, ``table``, ``summary``, ``skipped``, ``error``, ``buttons`` and
    ``_folder``, and has a ``choose_file(parent, current)`` (the one call tests replace)."""

    import_button: QPushButton
    preview_button: QPushButton
    table: QTableWidget
    summary: QLabel
    skipped: QLabel
    error: ErrorLabel
    buttons: QDialogButtonBox
    _folder: Path
    choose_file: Callable[[QWidget, str], str | None]

    def _lay_out(self, form: QFormLayout, preview_note: str, table_heading: str) -> None:
        """The choices, then Preview with its note, then the preview under its heading (whose
        letter goes to the table), what was skipped, the error line and the buttons."""
        preview_row = QHBoxLayout()
        preview_row.addWidget(self.preview_button)
        preview_row.addWidget(quiet_label(preview_note), 1)
        heading = QLabel(table_heading)
        heading.setBuddy(self.table)
        heading.setStyleSheet("font-weight: bold;")
        body = QVBoxLayout(self)
        body.addLayout(form)
        body.addLayout(preview_row)
        body.addSpacing(6)
        parts: list[tuple[QWidget, int]] = [(heading, 0), (self.summary, 0), (self.table, 1)]
        parts += [(self.skipped, 0), (self.error, 0), (self.buttons, 0)]
        for widget, stretch in parts:
            body.addWidget(widget, stretch)

    def _offer_import(self, ready: bool) -> None:
        """Import only for the choices previewed; Return previews until then."""
        self.import_button.setEnabled(ready)
        self.import_button.setDefault(ready)
        self.preview_button.setDefault(not ready)
        self.preview_button.setAutoDefault(not ready)

    def preview_rows(self) -> list[list[str]]:
        """What would be written, as the preview table shows it."""
        return shown_rows(self.table)

    def _choose(self, parent: QWidget, current: str) -> str | None:
        return self.choose_file(self, current or str(self._folder))
