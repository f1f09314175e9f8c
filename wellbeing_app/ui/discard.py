"""Asking before a dialog throws away what was typed: what the fields hold, and the question."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from wellbeing_app.core.language import N_, _

QUESTION = N_("Discard what you typed?")
DETAIL = N_("Nothing from this window has been saved yet.")


def field_values(window: QWidget) -> list[object]:
    """Everything the user can type or choose in ``window``; equal lists mean nothing changed."""
    values: list[object] = []
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QLineEdit):
            values.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            values.append(widget.toPlainText())
        elif isinstance(widget, QAbstractSpinBox):  # numbers, dates and times
            values.append(widget.text())
        elif isinstance(widget, QComboBox):
            values.append(widget.currentText())
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            values.append(widget.isChecked())
    return values


def confirm_discard(parent: QWidget) -> bool:
    """Ask; True to discard. Keep editing is the default, and Escape answers it too."""
    box = QMessageBox(QMessageBox.Icon.Question, parent.windowTitle(), _(QUESTION), parent=parent)
    box.setInformativeText(_(DETAIL))
    discard = box.addButton(_("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(_("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard
