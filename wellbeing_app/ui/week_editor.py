"""A week of working hours to edit: one row a day (works?, from, to); an end before the start
runs past midnight (a late shift)."""

from __future__ import annotations

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QTimeEdit, QWidget

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.language import N_, _, formats
from wellbeing_app.core.schedule.book import Window

# Shown by the dialogs that hold a week editor, through _().
LATE_SHIFT_HINT = N_("An end before the start runs past midnight (a late shift).")


def time_edit(minute: int) -> QTimeEdit:
    edit = QTimeEdit(QTime(minute // 60, minute % 60))
    edit.setDisplayFormat("HH:mm")
    return edit


def minute_of(edit: QTimeEdit) -> int:
    return edit.time().hour() * 60 + edit.time().minute()


class WeekEditor(QWidget):
    """Seven rows; ``windows()`` reads them back as schedule windows (0 = Monday)."""

    def __init__(self, windows: list[Window], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, heading in enumerate((_("Works"), _("From"), _("To"))):
            grid.addWidget(QLabel(f"<b>{heading}</b>"), 0, column)
        self.rows: list[tuple[QCheckBox, QTimeEdit, QTimeEdit]] = []
        for weekday in range(7):
            name = formats.weekday(weekday, long=True)
            mine = [w for w in windows if w.weekday == weekday]
            works = QCheckBox(name)
            works.setChecked(bool(mine))
            start = time_edit(mine[0].start_minute if mine else 9 * 60)
            end = time_edit(mine[0].end_minute if mine else 17 * 60)
            # TRANSLATORS: {day} is a weekday's name, such as Monday: its From and To times.
            start.setAccessibleName(_("{day} from").format(day=name))
            end.setAccessibleName(_("{day} to").format(day=name))
            for edit in (start, end):
                edit.setEnabled(bool(mine))
                works.toggled.connect(edit.setEnabled)
            grid.addWidget(works, weekday + 1, 0)
            grid.addWidget(start, weekday + 1, 1)
            grid.addWidget(end, weekday + 1, 2)
            self.rows.append((works, start, end))

    def windows(self) -> list[Window]:
        """The week as windows; a day whose start equals its end is refused, by name."""
        week = []
        for weekday, (works, start, end) in enumerate(self.rows):
            if not works.isChecked():
                continue
            if minute_of(start) == minute_of(end):
                start.setFocus()
                name = formats.weekday(weekday, long=True)
                raise ValidationError(name, _("start and end must differ"))
            week.append(Window(weekday, minute_of(start), minute_of(end)))
        return week
