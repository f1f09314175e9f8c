"""What the two import windows (a calendar, pings or shifts from CSV) share: a file chosen in a
folder, a preview table, and Import offered only for the choices previewed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton, QTableWidget, QWidget

from wellbeing_app.ui.read_only_table import shown_rows

if TYPE_CHECKING:
    _Base = QWidget
else:
    _Base = object


class PreviewThenImport(_Base):
    """A base before the window's Qt class. The window sets ``import_button``,
    ``preview_button``, ``table`` and ``_folder``, and has a ``choose_file(parent, current)``
    (the one call tests replace)."""

    import_button: QPushButton
    preview_button: QPushButton
    table: QTableWidget
    _folder: Path
    choose_file: Callable[[QWidget, str], str | None]

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
