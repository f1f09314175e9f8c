"""The red line under a form that names the field in trouble, in a red that reads on light and
dark themes alike."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget

from wellbeing_app.core.errors import ValidationError, WellbeingError
from wellbeing_app.core.language import _

ON_LIGHT = "#b3261e"
ON_DARK = "#ff8a80"  # the dark red would all but vanish on a dark window


def error_colour(widget: QWidget) -> str:
    """The error red for the background ``widget`` is drawn on."""
    dark = widget.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return ON_DARK if dark else ON_LIGHT


def error_style(widget: QWidget) -> str:
    return f"color: {error_colour(widget)}; font-weight: bold;"


class ErrorLabel(QLabel):
    """Hidden until an error is shown; then ``<Field>: <what is wrong>`` or the plain message.
    ``field_names`` are shown as given: translated by the window that passes them."""

    def __init__(self, field_names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self._names = field_names
        self.setWordWrap(True)
        self.setAccessibleName(_("Error"))
        self.setVisible(False)

    def show_error(self, exc: WellbeingError) -> None:
        if isinstance(exc, ValidationError):
            name = self._names.get(exc.field, exc.field.replace("_", " ").capitalize())
            self.setText(_("{field}: {message}").format(field=name, message=exc.message))
        else:
            self.setText(str(exc))
        self.setStyleSheet(error_style(self))  # now, so it follows a theme changed meanwhile
        self.setVisible(True)

    def clear(self) -> None:
        self.setText("")
        self.setVisible(False)
