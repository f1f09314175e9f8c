"""The hand-off list at the start of a shift: what you left at work, to tick off."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wellbeing_app.core.language import _
from wellbeing_app.ui import accessible, day_names, icons
from wellbeing_app.ui.grow import keep_whole
from wellbeing_app.ui.when_shown import WhenShown


class HandoffDialog(WhenShown, QDialog):
    """Each item with a checkbox; ``ticked()`` gives the ids ticked off."""

    def __init__(self, items: list[tuple[int, str, date]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Left at work"))
        self.setWindowIcon(icons.icon(icons.APP))
        accessible.complete_when_shown(self)  # names and descriptions left unset
        intro = QLabel(_("You &left these at work. They waited for you; tick off what is done."))
        intro.setWordWrap(True)
        self.list = QListWidget()
        intro.setBuddy(self.list)
        for item_id, text, day in items:
            row = QListWidgetItem(f"{text}   ({day_names.short_weekday_and_month(day)})")
            row.setData(Qt.ItemDataRole.UserRole, item_id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        keep_whole(self, 420)  # and as wide and tall as its contents need
        # the keyboard starts on the first item: Space ticks it, arrows move, Return closes
        self.list.setCurrentRow(0)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def ticked(self) -> list[int]:
        return [
            int(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    @classmethod
    def review(cls, items: list[tuple[int, str, date]], parent: QWidget | None = None) -> list[int]:
        """Show the list; the ids the user ticked off."""
        dialog = cls(items, parent)
        dialog.exec()
        return dialog.ticked()
