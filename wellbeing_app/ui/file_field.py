"""A file to read or write: its path typed into a line, or chosen with Browse… beside it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from wellbeing_app.core.language import _

# (the window asking, the path shown now) -> the path chosen, or None when the user cancels
Chooser = Callable[[QWidget, str], str | None]


class FileField(QWidget):
    """The line edit takes the focus (a label's mnemonic lands there); Browse… fills it in.
    ``name`` names the field (translated by the window that gives it; None: "File")."""

    def __init__(
        self,
        choose: Chooser,
        text: str = "",
        name: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._choose = choose
        name = name or _("File")
        self.edit = QLineEdit(text)
        self.edit.setAccessibleName(name)
        self.edit.setClearButtonEnabled(True)
        self.browse = QPushButton(_("&Browse…"))
        self.browse.setAutoDefault(False)
        # TRANSLATORS: a button's name for screen readers; {file} is the field's name in lower
        # case, e.g. "calendar file".
        self.browse.setAccessibleName(_("Browse for the {file}").format(file=name.lower()))
        self.browse.clicked.connect(self._browse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.browse)
        self.setFocusProxy(self.edit)

    def text(self) -> str:
        return self.edit.text().strip()

    def path(self) -> Path | None:
        """The path typed (``~`` expanded), or None when the line is empty."""
        return Path(self.text()).expanduser() if self.text() else None

    def _browse(self) -> None:
        chosen = self._choose(self, self.text())
        if chosen:
            self.edit.setText(chosen)
        self.edit.setFocus()
