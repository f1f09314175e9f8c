"""What a screen reader says about a window's controls: a name for each, and for each field a
description of what goes in it.

Windows set the names and descriptions only they know; ``complete_when_shown`` fills in the rest
each time the window shows, so no control is left unnamed whoever adds it:

* a field with a label (its buddy) is named by the label's words, without the mnemonic's ``&``
  (Qt does this for most fields, but a combo box would be named by its value alone);
* the clear button Qt puts in a line edit is named "Clear";
* a field with no description is described by its tooltip or placeholder text, or else by one
  sentence on how its kind of field is used (a number says its range).

Names and descriptions a window set itself are kept.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QTimeEdit,
    QToolButton,
    QWidget,
)

from wellbeing_app.core.language import _, formats
from wellbeing_app.ui.when_shown import on_each_show

_MNEMONIC = re.compile(r"&(&?)")
_TAG = re.compile(r"<[a-zA-Z/][^<>]*>")


def plain_words(text: str) -> str:
    """A label's words as read out: no tags, no mnemonic ``&`` (``&&`` is one ``&``), no
    closing colon."""
    if _TAG.search(text):
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    words = _MNEMONIC.sub(lambda found: found.group(1), text)
    return " ".join(words.split()).rstrip(":").strip()


def describe(widget: QWidget, description: str) -> None:
    """Say what ``widget`` is for (read after its name), unless it says so already."""
    if not widget.accessibleDescription():
        widget.setAccessibleDescription(description)


def complete(window: QWidget) -> None:
    """Name and describe every control in ``window`` that was left without."""
    for label in window.findChildren(QLabel):
        buddy = label.buddy()
        words = plain_words(label.text())
        # a button says its own words; a label that moves the focus to one (a group of
        # choices) does not name it
        if buddy is None or isinstance(buddy, QAbstractButton) or buddy.accessibleName():
            continue
        if words:
            buddy.setAccessibleName(words)
    for edit in window.findChildren(QLineEdit):
        if edit.isClearButtonEnabled():
            for button in edit.findChildren(QToolButton):
                if not button.accessibleName():
                    button.setAccessibleName(_("Clear"))
                    describe(button, _("Empties the field."))
    for widget in window.findChildren(QWidget):
        if widget.toolTip() or widget.accessibleDescription():
            continue
        sentence = _how_to_use(widget)
        if sentence:
            widget.setAccessibleDescription(sentence)


def complete_when_shown(window: QWidget) -> None:
    """Run ``complete`` on ``window`` each time it shows (controls may come after building)."""
    on_each_show(window, complete)


def _how_to_use(widget: QWidget) -> str | None:
    """A field's hint, or one sentence on using its kind of field; None for what is no field."""
    parent = widget.parentWidget()
    if isinstance(parent, QComboBox | QAbstractSpinBox):
        return None  # the line inside a combo box or spin box: the box itself is described
    if isinstance(widget, QLineEdit):
        return widget.placeholderText() or _("Type here.")
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        if widget.isReadOnly():
            return _("Read only. Tab moves on.")
        return widget.placeholderText() or _("Several lines of text. Tab moves on.")
    if isinstance(widget, QCheckBox):
        return _("Space ticks or clears it.")
    if isinstance(widget, QComboBox):
        if widget.isEditable():
            return _("Type it, or choose from the list with the Up and Down arrows.")
        return _("Choose with the Up and Down arrows.")
    if isinstance(widget, QSpinBox):
        low = widget.minimum() + (1 if widget.specialValueText() else 0)  # "not set" is no number
        # TRANSLATORS: {low} and {high} are the smallest and largest numbers allowed.
        sentence = _("A number from {low} to {high}: type it, or change it with the Up and Down "
                     "arrows.")  # fmt: skip
        return sentence.format(low=formats.number(low), high=formats.number(widget.maximum()))
    if isinstance(widget, QTimeEdit):
        return _("A time of day: type it, or change the hour or minutes with the Up and Down "
                 "arrows.")  # fmt: skip
    if isinstance(widget, QDateEdit):
        return _("A date: type it, or change the day, month or year with the Up and Down arrows.")
    if isinstance(widget, QDateTimeEdit):
        return _("A date and time: type it, or change the part under the cursor with the Up and "
                 "Down arrows.")  # fmt: skip
    return None
