"""The red line under a form that names the field in trouble."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from wellbeing_app.core.errors import ValidationError, WellbeingError


class ErrorLabel(QLabel):
    """Hidden until an error is shown; then ``<Field>: <what is wrong>`` or the plain message."""

    def __init__(self, field_names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self._names = field_names
        self.setWordWrap(True)
        self.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.setVisible(False)

    def show_error(self, exc: WellbeingError) -> None:
        if isinstance(exc, ValidationError):
            name = self._names.get(exc.field, exc.field.replace("_", " ").capitalize())
            self.setText(f"{name}: {exc.message}")
        else:
            self.setText(str(exc))
        self.setVisible(True)
