"""Bringing in a calendar file (.ics): what its events become (working hours on those dates, on
call, or days off), which of them and between which days, then a preview of exactly what would
be written before anything is. Import is offered only for the choices previewed, and writes
what the preview showed as one batch (found again, and updated, when the same calendar is
imported again)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from wellbeing_app.core.errors import ValidationError, WellbeingError
from wellbeing_app.core.imports.calendar_batches import CalendarPlan
from wellbeing_app.core.imports.calendar_file import CalendarEvent, CalendarRead
from wellbeing_app.core.imports.calendar_words import BECOMES, changes, event_hours, left_out
from wellbeing_app.core.imports.calendars import CalendarImports
from wellbeing_app.core.language import N_, _, ngettext
from wellbeing_app.core.time.local_time import format_duration
from wellbeing_app.core.vocabulary import weekday_label
from wellbeing_app.ui import accessible, icons
from wellbeing_app.ui.app_words import FIELDS, app_error, skip_reason
from wellbeing_app.ui.date_edit import date_edit, day_of
from wellbeing_app.ui.error_label import ErrorLabel
from wellbeing_app.ui.file_field import FileField
from wellbeing_app.ui.preview_import import PreviewThenImport
from wellbeing_app.ui.quiet_label import quiet_label
from wellbeing_app.ui.read_only_table import fill, read_only_table
from wellbeing_app.ui.when_shown import WhenShown

# What the events become: the choice, and one line on what that means.
USES = {
    "rota": (
        N_("&Working hours on those dates (rota)"),
        N_("Each event is a working window on its date, in place of your weekly hours that day."),
    ),
    "oncall": (
        N_("On &call"),
        N_("Each event is a time on call: contacts then count as on call, not after hours."),
    ),
    "days-off": (
        N_("&Days off"),
        N_("The dates each event covers are days off: no working hours are expected on them."),
    ),
}
COLUMNS = (N_("Date"), N_("Day"), N_("Hours"), N_("Length"), N_("Summary"))
LENGTH_TIP = N_(
    "Worked out between the two instants, so a night across a change of the clocks is as "
    "long as it really is."
)
NOT_PREVIEWED = N_("Choose a file, then Preview: nothing is written until you press Import.")
STALE = N_("The choices changed: Preview again to see what Import would write.")


@dataclass(frozen=True)
class Choices:
    """What the user asked for; a preview is good for Import only while these stay the same."""

    path: Path
    used_as: str
    match: str | None
    first: date
    last: date

    @property
    def file_name(self) -> str:
        return self.path.name


class CalendarImportDialog(WhenShown, PreviewThenImport, QDialog):
    """``plan`` holds what was written once Import succeeds (the dialog then closes)."""

    def __init__(
        self, imports: CalendarImports, folder: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import a calendar"))
        self.setWindowIcon(icons.icon(icons.APP))
        accessible.complete_when_shown(self)  # names and descriptions left unset
        self._imports = imports
        self._folder = folder or Path.home()
        self.plan: CalendarPlan | None = None
        self._shown: tuple[Choices, CalendarRead, CalendarPlan] | None = None
        first, last = imports.default_range()

        self.file = FileField(self._choose, name=_("Calendar file"))
        self.file.edit.setPlaceholderText(_("a .ics file exported from your calendar"))
        self.uses = QButtonGroup(self)
        uses_box = QVBoxLayout()
        uses_box.setSpacing(2)
        for used_as, (text, meaning) in USES.items():
            button = QRadioButton(_(text))
            button.setProperty("used_as", used_as)
            self.uses.addButton(button)
            explanation = quiet_label(_(meaning))
            explanation.setContentsMargins(24, 0, 0, 4)
            uses_box.addWidget(button)
            uses_box.addWidget(explanation)
        self.uses.buttons()[0].setChecked(True)
        self.match = QLineEdit()
        self.match.setPlaceholderText(_("e.g. Night shift (empty: every event)"))
        self.match.setClearButtonEnabled(True)
        self.first = date_edit(_("From"), first)
        self.last = date_edit(_("To"), last)
        dates = QHBoxLayout()
        dates.addWidget(self.first)
        # TRANSLATORS: between the first and the last day read, as in "From [date] to [date]".
        to_label = QLabel(_("&to"))
        to_label.setBuddy(self.last)
        dates.addWidget(to_label)
        dates.addWidget(self.last)
        dates.addStretch()
        self.preview_button = QPushButton(_("&Preview"))
        self.preview_button.clicked.connect(self.preview)

        form = QFormLayout()
        form.addRow(_label(_("Calendar &file"), self.file), self.file)
        form.addRow(_("Events become"), uses_box)
        form.addRow(_label(_("Only events co&ntaining"), self.match), self.match)
        form.addRow(_label(_("F&rom"), self.first), dates)

        self.summary = QLabel(_(NOT_PREVIEWED))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.table = read_only_table([_(c) for c in COLUMNS], _("Events kept"))
        self.table.setToolTip(_(LENGTH_TIP))
        self.skipped = QLabel()
        self.skipped.setWordWrap(True)
        self.skipped.setTextFormat(Qt.TextFormat.PlainText)
        self.skipped.setVisible(False)
        self.error = ErrorLabel({})
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            _("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self._lay_out(form, _("Shows what would be written; writes nothing."), _("Events &kept"))
        self.resize(760, 680)

        self.file.edit.textChanged.connect(self._changed)
        self.uses.buttonToggled.connect(self._changed)
        self.match.textChanged.connect(self._changed)
        self.first.dateChanged.connect(self._changed)
        self.last.dateChanged.connect(self._changed)
        self._offer_import(False)
        self.file.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- the choices ----------------------------------------------------------------------
    def used_as(self) -> str:
        checked = self.uses.checkedButton()
        return str(checked.property("used_as")) if checked is not None else "rota"

    def choose_use(self, used_as: str) -> None:
        for button in self.uses.buttons():
            button.setChecked(button.property("used_as") == used_as)

    def choices(self) -> Choices:
        """What is asked for now; a ValidationError names the field in trouble."""
        path = self.file.path()
        if path is None:
            raise ValidationError(
                _("Calendar file"), _("choose a .ics file (Browse…) or type its path")
            )
        first, last = day_of(self.first), day_of(self.last)
        if last < first:
            raise ValidationError(
                _(FIELDS["--to"]),
                _("{last} is before From ({first})").format(last=last, first=first),
            )
        match = self.match.text().strip() or None
        return Choices(path, self.used_as(), match, first, last)

    def _changed(self) -> None:
        self.error.clear()
        if self._shown is not None:
            self._shown = None
            self._show_nothing(_(STALE))

    # -- the preview ----------------------------------------------------------------------
    def preview(self) -> bool:
        """Read the file and plan the import with the choices made (nothing is written);
        False, with the problem said under the preview, when they cannot be imported."""
        self._shown = None
        try:
            chosen = self.choices()
            read = self._imports.read(
                chosen.path, chosen.file_name, chosen.first, chosen.last, chosen.match
            )
            plan = self._imports.plan(
                read, chosen.used_as, chosen.file_name, chosen.first, chosen.last, chosen.match
            )
        except WellbeingError as exc:
            self._refuse(exc, self.file.path())
            return False
        self.error.clear()
        self._shown = (chosen, read, plan)
        self._show(plan)
        return True

    def _show(self, plan: CalendarPlan) -> None:
        kept = len(plan.kept)
        named = plan.file_name + (f" ({plan.calendar_name})" if plan.calendar_name else "")
        become = ngettext(
            "{file}: {count} event would become {kinds}.",
            "{file}: {count} events would become {kinds}.",
            kept,
        )
        lines = [become.format(file=named, count=kept, kinds=_(BECOMES[plan.used_as]))]
        if plan.updating:
            lines.append(
                _("Imported before, as batch #{batch}: Import updates it ({changes}).").format(
                    batch=plan.batch_id, changes=changes(plan)
                )
            )
        elif kept:
            lines.append(_("Import makes a new batch ({changes}).").format(changes=changes(plan)))
        else:
            lines.append(_("Nothing to import with these choices."))
        self.summary.setText("\n".join(lines))
        fill(self.table, [event_cells(k.event) for k in plan.kept])
        reasons = sorted(plan.skipped.items())
        said = "; ".join(left_out(n, skip_reason(why)) for why, n in reasons)
        self.skipped.setText(_("Left out: {reasons}").format(reasons=said))
        self.skipped.setVisible(bool(reasons))
        self._offer_import(bool(kept) or plan.updating)

    def _show_nothing(self, text: str) -> None:
        self.summary.setText(text)
        fill(self.table, [])
        self.skipped.setVisible(False)
        self._offer_import(False)

    def _refuse(self, exc: WellbeingError, path: Path | None = None) -> None:
        self._show_nothing(_(NOT_PREVIEWED))
        self.error.show_error(WellbeingError(app_error(exc, path.name if path else "")))
        if isinstance(exc, ValidationError) and exc.field in ("--to", _(FIELDS["--to"])):
            self.last.setFocus()

    # -- importing ------------------------------------------------------------------------
    def accept(self) -> None:
        """Import: write what the preview showed, as one batch, and close."""
        if self._shown is None or not self.import_button.isEnabled():
            return
        chosen, read, _plan = self._shown
        try:
            self.plan = self._imports.bring_in(
                read, chosen.used_as, chosen.file_name, chosen.first, chosen.last, chosen.match
            )
        except WellbeingError as exc:
            self.error.show_error(WellbeingError(app_error(exc)))
            return
        super().accept()

    @staticmethod
    def choose_file(parent: QWidget, current: str) -> str | None:
        """Ask which file to read (the one call tests replace); None when the user cancels."""
        name, _filter = QFileDialog.getOpenFileName(
            parent,
            _("Choose a calendar file"),
            current,
            _("Calendar files (*.ics);;All files (*)"),
        )
        return name or None

    @classmethod
    def bring_in(
        cls, imports: CalendarImports, folder: Path | None = None, parent: QWidget | None = None
    ) -> CalendarPlan | None:
        """Run the dialog: what was written, or None when closed without importing."""
        dialog = cls(imports, folder, parent)
        dialog.exec()
        return dialog.plan


def imported_words(plan: CalendarPlan) -> str:
    """What Import did, with the batch's number: ``New batch #1: 62 added, ...``."""
    done = (
        _("Updated batch #{batch}: {changes}.")
        if plan.updating
        else _("New batch #{batch}: {changes}.")
    )
    return done.format(batch=plan.batch_id, changes=changes(plan))


def event_cells(event: CalendarEvent) -> list[str]:
    """One row of the preview: date, weekday, hours (as the calendar gives them), length
    (worked out in UTC), summary."""
    hours = event_hours(event)
    if event.all_day:
        days = (event.last_day - event.first_day).days + 1
        length = ngettext("{count} day", "{count} days", days).format(count=days)
    else:
        hours = hours.replace("-", "–")  # as the rota window shows hours
        length = format_duration(event.duration)
        if event.end.date() != event.start.date():
            hours = _("{hours} (ends the next day)").format(hours=hours)
    day = weekday_label(event.first_day.weekday())
    return [event.first_day.isoformat(), day, hours, length, event.summary]


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label
