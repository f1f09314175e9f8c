"""The rota: working hours on given dates, each in place of the weekly hours on its date. Lists
them (upcoming, or past ones too), adds one for a date, clears the days selected; shows the
calendars brought in, each with Undo import, and opens the calendar import.

Every change is written at once (each its own transaction) and said in the line at the top.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wellbeing_app.core.errors import ValidationError, WellbeingError
from wellbeing_app.core.imports.calendar_batches import BatchInfo
from wellbeing_app.core.imports.calendar_words import batch_line, batch_name, counted, undone
from wellbeing_app.core.imports.calendars import CalendarImports
from wellbeing_app.core.language import N_, _, ngettext
from wellbeing_app.core.schedule.rota import RotaEntry
from wellbeing_app.core.schedule.rota_changes import Rota
from wellbeing_app.core.time.local_time import format_duration, in_zone
from wellbeing_app.core.vocabulary import weekday_label
from wellbeing_app.ui import accessible, confirm, icons
from wellbeing_app.ui.app_words import in_app_words
from wellbeing_app.ui.calendar_import_dialog import CalendarImportDialog, imported_words
from wellbeing_app.ui.date_edit import date_edit, day_of
from wellbeing_app.ui.error_label import ErrorLabel, error_colour
from wellbeing_app.ui.quiet_label import quiet_label
from wellbeing_app.ui.read_only_table import fill, read_only_table, shown_rows
from wellbeing_app.ui.week_editor import LATE_SHIFT_HINT, minute_of, time_edit
from wellbeing_app.ui.when_shown import WhenShown

INTRO = N_(
    "Working hours on a date replace your weekly hours on that date: type them here, or bring "
    "them in from a calendar file. Clearing a day gives it back to the weekly pattern."
)
COLUMNS = (N_("Date"), N_("Day"), N_("Hours"), N_("Length"), N_("From"))
FIELD_NAMES = {"START": N_("From"), "END": N_("To"), "end": N_("To"), "DATE": N_("Date")}
NONE_YET = N_("No working hours on dates yet.")


class RotaDialog(WhenShown, QDialog):
    """``changed`` says whether anything was written while it was open."""

    def __init__(
        self,
        rota: Rota,
        imports: CalendarImports,
        today: date,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Rota and calendars"))
        self.setWindowIcon(icons.icon(icons.APP))
        accessible.complete_when_shown(self)  # names and descriptions left unset
        self._rota = rota
        self._imports = imports
        self._today = today
        self._folder = folder
        self.changed = False
        self._entries: list[RotaEntry] = []
        self.undo_buttons: dict[int, QPushButton] = {}  # each batch's Undo import, by number

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setStyleSheet("font-weight: bold;")
        self.status.setVisible(False)
        self.table = read_only_table([_(c) for c in COLUMNS], _("Working hours on dates"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.past = QCheckBox(_("Show &past days too"))
        self.past.toggled.connect(self.refresh)
        self.clear_button = QPushButton(_("&Clear the selected days…"))
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self.clear_selected)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.empty = quiet_label(_(NONE_YET))

        self.day = date_edit(_("Date"), today)
        self.start = time_edit(9 * 60)
        self.end = time_edit(17 * 60)
        self.start.setAccessibleName(_("From"))
        self.end.setAccessibleName(_("To"))
        self.add_button = QPushButton(_("&Add"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add)
        self.error = ErrorLabel({field: _(name) for field, name in FIELD_NAMES.items()})

        self.batch_rows = QVBoxLayout()
        self.batch_rows.setSpacing(4)
        self.import_button = QPushButton(_("&Import a calendar…"))
        self.import_button.setAutoDefault(False)
        self.import_button.clicked.connect(self.import_calendar)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        listed_label = QLabel(_("&Working hours on dates"))
        listed_label.setBuddy(self.table)
        listed_label.setStyleSheet("font-weight: bold;")
        top = QHBoxLayout()
        top.addWidget(listed_label, 1)
        top.addWidget(self.past)
        under = QHBoxLayout()
        under.addWidget(self.empty, 1)
        under.addWidget(self.clear_button)
        add_box = QGroupBox(_("Add working hours for a date"))
        add_row = QHBoxLayout()
        labelled = ((_("Dat&e"), self.day), (_("&From"), self.start), (_("&To"), self.end))
        for text, widget in labelled:
            label = QLabel(text)
            label.setBuddy(widget)
            add_row.addWidget(label)
            add_row.addWidget(widget)
        add_row.addWidget(self.add_button)
        add_row.addStretch()
        add_layout = QVBoxLayout(add_box)
        add_layout.addLayout(add_row)
        add_layout.addWidget(quiet_label(_(LATE_SHIFT_HINT)))
        add_layout.addWidget(self.error)
        calendars = QGroupBox(_("Calendars brought in"))
        calendars_layout = QVBoxLayout(calendars)
        calendars_layout.addLayout(self.batch_rows)
        import_row = QHBoxLayout()
        import_row.addWidget(self.import_button)
        import_row.addStretch()
        calendars_layout.addLayout(import_row)

        body = QVBoxLayout(self)
        body.addWidget(quiet_label(_(INTRO)))
        body.addWidget(self.status)
        body.addLayout(top)
        body.addWidget(self.table, 1)
        body.addLayout(under)
        body.addWidget(add_box)
        body.addWidget(calendars)
        body.addWidget(buttons)
        self.resize(720, 640)
        self.refresh()
        self.day.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- what is shown --------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the rota and the batches again."""
        first = None if self.past.isChecked() else self._today
        self._entries = self._rota.entries(first)
        fill(self.table, [entry_cells(entry) for entry in self._entries])
        none = _(NONE_YET) if self.past.isChecked() else _("None from today on.")
        self.empty.setText("" if self._entries else none)
        self._selection_changed()
        self._show_batches(self._imports.batches())

    def _show_batches(self, infos: list[BatchInfo]) -> None:
        self.undo_buttons = {}
        while self.batch_rows.count():
            item = self.batch_rows.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        if not infos:
            self.batch_rows.addWidget(quiet_label(_("None yet.")))
        for info in infos:
            self.batch_rows.addWidget(self._batch_row(info))

    def _batch_row(self, info: BatchInfo) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        text = QLabel(f"{batch_name(info)}\n{batch_line(info)}")
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        undo = QPushButton(_("Undo import…"))
        undo.setAutoDefault(False)
        undo.setAccessibleName(_("Undo import #{batch}").format(batch=info.id))
        undo.clicked.connect(lambda: self.undo(info))
        self.undo_buttons[info.id] = undo
        layout.addWidget(text, 1)
        layout.addWidget(undo)
        return row

    def rows(self) -> list[list[str]]:
        """The working hours listed, as the table shows them."""
        return shown_rows(self.table)

    def _selection_changed(self) -> None:
        self.clear_button.setEnabled(bool(self.selected_days()))

    def selected_days(self) -> list[date]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return sorted({self._entries[row].day for row in rows if row < len(self._entries)})

    def say(self, text: str, problem: bool = False) -> None:
        self.status.setText(text)
        colour = f"color: {error_colour(self)};" if problem else ""
        self.status.setStyleSheet(f"font-weight: bold; {colour}")
        self.status.setVisible(True)

    # -- changes --------------------------------------------------------------------------
    def add(self) -> bool:
        """Add the window typed for the date; a problem is said under the fields."""
        self.error.clear()
        try:
            entry = self._rota.add(day_of(self.day), minute_of(self.start), minute_of(self.end))
        except WellbeingError as exc:
            self._refuse(exc)
            return False
        self.changed = True
        self.refresh()
        day = f"{weekday_label(entry.day.weekday())} {entry.day}"
        self.say(_("Added {hours} on {day}.").format(hours=entry_cells(entry)[2], day=day))
        return True

    def _refuse(self, exc: WellbeingError) -> None:
        if isinstance(exc, ValidationError):
            name = _(FIELD_NAMES[exc.field]) if exc.field in FIELD_NAMES else exc.field
            said = _("{field}: {message}").format(field=name, message=in_app_words(exc.message))
            self.error.show_error(WellbeingError(said))
            target = {"START": self.start, "END": self.end, "end": self.end}.get(exc.field)
            (target or self.day).setFocus()
        else:
            self.error.show_error(WellbeingError(in_app_words(str(exc))))

    def clear_selected(self) -> bool:
        """Clear the selected days (asked first): they follow the weekly pattern again."""
        days = self.selected_days()
        if not days:
            return False
        named = str(days[0])
        if len(days) > 1:
            named = ngettext(
                "{count} day ({first} to {last})", "{count} days ({first} to {last})", len(days)
            ).format(count=len(days), first=days[0], last=days[-1])
        if not self.ask(
            _("Clear the working hours on {days}?").format(days=named),
            _(
                "Those days follow your weekly hours again. Windows brought in from a calendar "
                "go too (importing the calendar again brings them back)."
            ),
            _("&Clear"),
        ):
            return False
        removed = 0
        for day in days:
            try:
                removed += self._rota.clear(day, day)
            except WellbeingError as exc:
                self.refresh()
                self.say(str(exc), problem=True)
                return False
        self.changed = True
        self.refresh()
        cleared = ngettext(
            "Cleared {count} window on {days}: the weekly hours apply there again.",
            "Cleared {count} windows on {days}: the weekly hours apply there again.",
            removed,
        )
        self.say(cleared.format(count=removed, days=named))
        return True

    def undo(self, info: BatchInfo) -> bool:
        """Remove a calendar brought in, with everything it added (asked first)."""
        # TRANSLATORS: {kinds} is e.g. "62 rota windows" or "3 days off".
        removes = _("This removes its {kinds}. The file is not touched; you can import it again.")
        if not self.ask(
            _("Undo the import of {batch}?").format(batch=batch_name(info)),
            removes.format(kinds=counted(info.used_as, info.rows)),
            _("&Undo import"),
        ):
            return False
        try:
            done = self._imports.undo(info.id)
        except WellbeingError as exc:
            self.refresh()
            self.say(str(exc), problem=True)
            return False
        self.changed = True
        self.refresh()
        self.say(undone(done))
        return True

    def import_calendar(self) -> None:
        plan = CalendarImportDialog.bring_in(self._imports, self._folder, self)
        if plan is not None:
            self.changed = True
            self.refresh()
            self.say(
                _("Imported {file}. {done}").format(file=plan.file_name, done=imported_words(plan))
            )

    def ask(self, question: str, detail: str, action: str) -> bool:
        return confirm.ask(self, question, detail, action)

    @classmethod
    def show_rota(
        cls,
        rota: Rota,
        imports: CalendarImports,
        today: date,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> bool:
        """Run the dialog; True when anything was written."""
        dialog = cls(rota, imports, today, folder, parent)
        dialog.exec()
        return dialog.changed


def entry_cells(entry: RotaEntry) -> list[str]:
    """Date, weekday, hours (in the zone it was laid in; a night says it ends the next day),
    length, and where it came from (the batch, listed under Calendars brought in)."""
    start, end = in_zone(entry.start, entry.zone), in_zone(entry.end, entry.zone)
    hours = f"{start:%H:%M}–{end:%H:%M}"
    if end.date() > entry.day:
        hours = _("{hours} (ends the next day)").format(hours=hours)
    if entry.batch is None:
        origin = _("typed by hand")
    else:
        origin = _("calendar #{batch}").format(batch=entry.batch)
    day = weekday_label(entry.day.weekday())
    return [entry.day.isoformat(), day, hours, format_duration(entry.end - entry.start), origin]
