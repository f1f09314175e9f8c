"""The first-run set-up: working days and hours, time zone, quiet hours and which reminders to
get, in under a minute from the keyboard; Escape skips it (the app then judges nothing after
hours until working hours are set). Reachable again from Settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wellbeing_app.core.errors import WellbeingError
from wellbeing_app.core.language import N_, _, ngettext
from wellbeing_app.core.reminders.planner import ReminderSettings
from wellbeing_app.core.schedule.book import Window, check_zone
from wellbeing_app.ui import accessible, icons
from wellbeing_app.ui.error_label import ErrorLabel
from wellbeing_app.ui.grow import keep_whole
from wellbeing_app.ui.quiet_label import quiet_label
from wellbeing_app.ui.week_editor import LATE_SHIFT_HINT, WeekEditor, time_edit
from wellbeing_app.ui.when_shown import WhenShown

# Marked here, translated where shown (the language is chosen after import).
INTRO = N_(
    "Tell Wellbeing when you work, so it can tell work from your own time. "
    "You can change all of this later in Settings."
)
SKIP_NOTE = N_(
    "Skip for now (Esc): nothing will count as after hours until you set your working hours."
)
COUNTING_NOTE = N_(
    "Slack, Teams, email and other work apps' desktop notifications become pings by "
    "themselves. Only the app and the time are kept, never what a notification says."
)
USUAL_WEEK = [Window(day, 9 * 60, 17 * 60) for day in range(5)]  # Monday to Friday, 9 to 5
# The reminders offered here, by the setting each turns on or off (words: reminder_words).
REMINDERS = (
    "wrap_up",
    "end_of_shift",
    "overtime",
    "forgot_clock_out",
    "after_hours_ping",
    "evening_reflection",
    "who5",
)


def reminder_words(key: str, settings: ReminderSettings) -> str:
    """A reminder's box, in the user's words, with the numbers it uses."""
    if key == "wrap_up":
        minutes = settings.wrap_up_minutes
        return ngettext(
            "A heads-up to wrap up, {count} minute before the end",
            "A heads-up to wrap up, {count} minutes before the end",
            minutes,
        ).format(count=minutes)
    if key == "evening_reflection":
        # TRANSLATORS: {time} is such as 21:00.
        reflection = _("A one-minute evening reflection, at {time}")
        return reflection.format(time=settings.evening_time)
    if key == "who5":
        days = settings.who5_every_days
        return ngettext(
            "A well-being check every {count} day (WHO-5)",
            "A well-being check every {count} days (WHO-5)",
            days,
        ).format(count=days)
    words = {
        "end_of_shift": _("Time to disconnect, at the end of the day"),
        "overtime": _("Nudges while a shift runs over"),
        "forgot_clock_out": _("A question if I seem to have forgotten to clock out"),
        "after_hours_ping": _("A gentle word after an after-hours ping"),
    }
    return words[key]


@dataclass(frozen=True)
class SetUp:
    """What the user chose: the week, its zone, and the reminder settings."""

    week: list[Window]
    zone: str
    reminders: ReminderSettings
    count_notifications: bool = False  # count work apps' notifications as pings (Linux)


class FirstRunDialog(WhenShown, QDialog):
    """``chosen`` holds the set-up once saved; ``save`` stores it (its errors keep it open)."""

    def __init__(
        self,
        zone: str,
        zones: list[str],
        save: Callable[[SetUp], object],
        try_demo: Callable[[], object] | None = None,
        reminders: ReminderSettings | None = None,
        parent: QWidget | None = None,
        counting_unavailable: str | None = None,
    ) -> None:
        """``counting_unavailable`` says why notifications cannot be counted here (None: they
        can, if the user says yes)."""
        super().__init__(parent)
        self.setWindowTitle(_("Set up Wellbeing"))
        self.setWindowIcon(icons.icon(icons.APP))
        accessible.complete_when_shown(self)  # names and descriptions left unset
        self._save = save
        self._reminders = reminders or ReminderSettings()
        self.chosen: SetUp | None = None

        self.week = WeekEditor(USUAL_WEEK)
        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.addItems(zones)
        self.zone.setCurrentText(zone)
        self.zone.setAccessibleName(_("Time zone"))
        zone_label = QLabel(_("Time &zone"))
        zone_label.setBuddy(self.zone)
        hours = QGroupBox(_("When do you work?"))
        hours_layout = QVBoxLayout(hours)
        hours_layout.addWidget(self.week)
        hours_layout.addWidget(quiet_label(_(LATE_SHIFT_HINT)))
        zone_row = QHBoxLayout()
        zone_row.addWidget(zone_label)
        zone_row.addWidget(self.zone, 1)
        hours_layout.addLayout(zone_row)

        r = self._reminders
        # TRANSLATORS: followed by two times: "nothing at all from [22:00] to [07:00]".
        self.quiet = QCheckBox(_("&Quiet hours: nothing at all from"))
        self.quiet.setChecked(r.quiet_hours)
        self.quiet_start = time_edit(_minute(r.quiet_start))
        self.quiet_end = time_edit(_minute(r.quiet_end))
        self.quiet_start.setAccessibleName(_("Quiet hours from"))
        self.quiet_end.setAccessibleName(_("Quiet hours to"))
        quiet_row = QHBoxLayout()
        # TRANSLATORS: as in "from [22:00] to [07:00]".
        to = QLabel(_("to"))
        for widget in (self.quiet, self.quiet_start, to, self.quiet_end):
            quiet_row.addWidget(widget)
        quiet_row.addStretch()
        self.reminder_boxes: dict[str, QCheckBox] = {}
        reminders_box = QGroupBox(_("Which reminders would you like?"))
        reminders_form = QFormLayout(reminders_box)
        for key in REMINDERS:
            box = QCheckBox(reminder_words(key, r))
            box.setChecked(bool(getattr(r, key)))
            self.reminder_boxes[key] = box
            reminders_form.addRow(box)
        reminders_form.addRow(quiet_row)
        self.counting = QCheckBox(_("&Count my work apps' notifications as pings"))
        self.counting.setToolTip(_(COUNTING_NOTE))
        self.counting.setEnabled(counting_unavailable is None)
        counting_box = QGroupBox(_("After-hours pings, counted for you"))
        counting_layout = QVBoxLayout(counting_box)
        counting_layout.addWidget(self.counting)
        counting_layout.addWidget(quiet_label(counting_unavailable or _(COUNTING_NOTE)))

        self.demo_button = QPushButton(_("Try it with &demo data first…"))
        self.demo_button.setToolTip(
            _("Made-up history in a separate folder; your own stays empty.")
        )
        self.demo_button.setAutoDefault(False)  # Return always means "Save and start"
        self.demo_button.setVisible(try_demo is not None)
        if try_demo is not None:
            self.demo_button.clicked.connect(lambda: self._run(try_demo))
        self.error = ErrorLabel({"tz": _("Time zone")})
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            _("&Save and start"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.skip_button = self.buttons.addButton(
            _("S&kip for now"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        intro = QLabel(_(INTRO))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        # Side by side: on a laptop's screen, one column would run off its bottom.
        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(hours)
        right.addWidget(reminders_box)
        right.addWidget(counting_box)
        for column in (left, right):
            column.addStretch()
            columns.addLayout(column, 1)
        layout.addLayout(columns)
        layout.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(quiet_label(_(SKIP_NOTE)))
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        keep_whole(self)  # tall enough for its wrapped notes, in any language
        self.week.rows[0][0].setFocus(Qt.FocusReason.OtherFocusReason)

    def set_up(self) -> SetUp:
        """The choices on screen; a ValidationError names a day or the time zone."""
        changes: dict[str, Any] = {key: box.isChecked() for key, box in self.reminder_boxes.items()}
        changes |= {
            "quiet_hours": self.quiet.isChecked(),
            "quiet_start": self.quiet_start.time().toString("HH:mm"),
            "quiet_end": self.quiet_end.time().toString("HH:mm"),
        }
        reminders = replace(self._reminders, **changes)
        zone = check_zone(self.zone.currentText().strip())
        counting = self.counting.isChecked() and self.counting.isEnabled()
        return SetUp(self.week.windows(), zone, reminders, counting)

    def accept(self) -> None:
        def store() -> None:
            chosen = self.set_up()
            self._save(chosen)
            self.chosen = chosen

        if self._run(store):
            super().accept()

    def _run(self, action: Callable[[], object]) -> bool:
        """Do ``action``; a refusal is shown (the dialog grows to show it) and False returned."""
        try:
            action()
        except WellbeingError as exc:
            self.error.show_error(exc)
            self.adjustSize()
            return False
        self.error.setVisible(False)
        return True

    @classmethod
    def set_up_once(
        cls,
        zone: str,
        zones: list[str],
        save: Callable[[SetUp], object],
        try_demo: Callable[[], object] | None = None,
        reminders: ReminderSettings | None = None,
        parent: QWidget | None = None,
        counting_unavailable: str | None = None,
    ) -> tuple[SetUp | None, bool]:
        """Run the set-up: the stored choice and True, or None and False when skipped."""
        dialog = cls(zone, zones, save, try_demo, reminders, parent, counting_unavailable)
        dialog.exec()
        return dialog.chosen, dialog.chosen is not None


def _minute(clock: str) -> int:
    hours, _colon, minutes = clock.partition(":")
    return int(hours) * 60 + int(minutes or 0)
