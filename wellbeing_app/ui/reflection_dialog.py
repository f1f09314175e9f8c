"""The end-of-day reflection dialog: a one-minute, keyboard-only look back before logging off."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wellbeing_app.core.errors import ValidationError, WellbeingError
from wellbeing_app.core.language import N_, _, ngettext
from wellbeing_app.core.records.incidents import IncidentRow
from wellbeing_app.core.records.pings import PingRow
from wellbeing_app.core.reflection.affirmations import affirmation_for, against_advice_line
from wellbeing_app.core.reflection.reflections import ReflectionDraft, checked_reflection
from wellbeing_app.core.time.clock import Clock
from wellbeing_app.core.time.local_time import in_zone
from wellbeing_app.core.vocabulary import category_label, source_label
from wellbeing_app.ui import day_names
from wellbeing_app.ui.form_dialog import FormDialog
from wellbeing_app.ui.quiet_label import quiet_label
from wellbeing_app.ui.scale_row import ScaleRow

# Marked here, translated where shown (the language is chosen after import).
MOOD_WORDS = {1: N_("rough"), 2: N_("low"), 3: N_("okay"), 4: N_("fine"), 5: N_("good")}
ENERGY_WORDS = {
    1: N_("drained"),
    2: N_("tired"),
    3: N_("steady"),
    4: N_("awake"),
    5: N_("charged"),
}
WEIGHT_WORDS = {
    # TRANSLATORS: these five answer how much the brand's reception weighed on you.
    1: N_("not at all"),
    2: N_("a little"),
    3: N_("some"),
    4: N_("a lot"),
    5: N_("heavily"),
}
WEIGHT_QUESTION = N_("How much did the &brand's reception weigh on you today? (optional)")
HANDOFF_HINT = N_("One item per line. They will reappear to tick off when your next shift starts.")
NO_STRESS = -1  # the spin box's "not set" position, below the scale
LISTED = 4  # pings or incidents named in the summary before "…"
FIELD_NAMES = {
    "mood": N_("Mood"),
    "energy": N_("Energy"),
    "stress": N_("Stress"),
    "detach": N_("Brand's reception"),
    "went_well": N_("What went well"),
    "leave": N_("What I leave at work"),
    "tonight": N_("One thing for me tonight"),
}


class ReflectionDialog(FormDialog[ReflectionDraft]):
    """Mood, energy, stress and a few lines of text for one local day; Save, Skip today, Cancel."""

    def __init__(
        self,
        clock: Clock,
        day: date,
        pings: list[PingRow],
        incidents: list[IncidentRow],
        save: Callable[[ReflectionDraft], object],
        skip: Callable[[date], object],
        initial: ReflectionDraft | None = None,
        log_missed: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            _title(day, in_zone(clock.now(), clock.zone()).date(), editing=initial is not None),
            self._collect_reflection,
            save,
            {key: _(name) for key, name in FIELD_NAMES.items()},
            parent,
        )
        self._zone = clock.zone()
        self._day = day
        self._skip = skip
        self.skipped = False

        self.mood = ScaleRow(_numbered(MOOD_WORDS))
        self.energy = ScaleRow(_numbered(ENERGY_WORDS))
        self.stress = QSpinBox()
        self.stress.setRange(NO_STRESS, 10)
        # TRANSLATORS: the stress field before a number from 0 to 10 is chosen.
        self.stress.setSpecialValueText(_("not set"))
        self.stress.setValue(NO_STRESS)
        stress_row = QHBoxLayout()
        stress_row.addWidget(self.stress)
        stress_row.addWidget(quiet_label(_("0 calm … 10 overwhelmed"), wrap=False))
        stress_row.addStretch()
        self.detachment = ScaleRow(_numbered(WEIGHT_WORDS))
        weight_label = QLabel(_(WEIGHT_QUESTION))
        weight_label.setBuddy(self.detachment)
        self.pings_summary = QLabel()
        self.incidents_summary = QLabel()
        # the day's incidents after decisions made against the user's advice: not on them
        self.against_advice = QLabel()
        self.against_advice.setStyleSheet("font-style: italic;")
        for summary in (self.pings_summary, self.incidents_summary, self.against_advice):
            summary.setWordWrap(True)
        looking_back = QVBoxLayout()
        looking_back.addWidget(self.pings_summary)
        looking_back.addWidget(self.incidents_summary)
        looking_back.addWidget(self.against_advice)
        self.log_missed_button = QPushButton(_("Lo&g something I missed…"))
        self.log_missed_button.setAutoDefault(False)  # Enter saves, it does not open a dialog
        looking_back.addWidget(self.log_missed_button, 0, Qt.AlignmentFlag.AlignLeft)
        if log_missed is None:
            self.log_missed_button.hide()
        else:
            self.log_missed_button.clicked.connect(log_missed)
        self.went_well = QLineEdit()
        self.leave = QPlainTextEdit()
        self.leave.setTabChangesFocus(True)
        self.leave.setPlaceholderText(_("e.g. reply to the agency about Friday's post"))
        self.leave.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.tonight = QLineEdit()
        self.tonight.setPlaceholderText(_("e.g. a walk, a call, a film"))

        self.form.addRow(_("&Mood"), self.mood)
        self.form.addRow(_("&Energy"), self.energy)
        self.form.addRow(_("S&tress"), stress_row)
        self.form.addRow(weight_label)
        self.form.addRow("", self.detachment)
        self.form.addRow(_("From today's log"), looking_back)
        self.form.addRow(_("What went &well"), self.went_well)
        self.form.addRow(_("What I &leave at work"), self.leave)
        self.form.addRow("", quiet_label(_(HANDOFF_HINT)))
        self.form.addRow(_("&One thing for me tonight"), self.tonight)
        _buddy(self.form.labelForField(stress_row), self.stress)
        self.affirmation = QLabel(affirmation_for(day))
        self.affirmation.setWordWrap(True)
        self.affirmation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.affirmation.setStyleSheet("font-style: italic; padding: 14px 0 6px 0;")
        self.body.insertWidget(1, self.affirmation)
        # TRANSLATORS: {day} is such as "Sunday 15 November".
        heading = _("{day}. A minute to close the day; nothing here is graded.")
        self.body.insertWidget(0, QLabel(heading.format(day=day_names.weekday_and_month(day))))
        self.body.insertSpacing(1, 6)
        buttons = self.findChild(QDialogButtonBox)
        assert buttons is not None
        self.skip_button = buttons.addButton(
            _("S&kip today"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.skip_button.clicked.connect(self.skip_day)

        self.fields = {
            "mood": self.mood,
            "energy": self.energy,
            "stress": self.stress,
            "detach": self.detachment,
            "went_well": self.went_well,
            "leave": self.leave,
            "tonight": self.tonight,
        }
        self.show_day_log(pings, incidents)
        self.setMinimumWidth(620)
        if initial:
            self._fill(initial)
        self.mood.setFocus(Qt.FocusReason.OtherFocusReason)  # else Qt picks the first button

    def show_day_log(self, pings: list[PingRow], incidents: list[IncidentRow]) -> None:
        """Refresh the look back, e.g. after something missed was logged."""
        self.pings_summary.setText(pings_line(pings, self._zone))
        self.incidents_summary.setText(incidents_line(incidents))
        advice = against_advice_line(incidents, self._day, self._zone)
        self.against_advice.setText(advice or "")
        self.against_advice.setVisible(advice is not None)

    def skip_day(self) -> None:
        """Record the day as skipped (no questions asked) and close without a reflection."""
        try:
            self._skip(self._day)
        except WellbeingError as exc:
            self.show_error(exc)
            return
        self.skipped = True
        self.done(QDialog.DialogCode.Rejected)  # nothing to ask: the day was recorded as skipped

    def _fill(self, draft: ReflectionDraft) -> None:
        self.mood.set_value(draft.mood)
        self.energy.set_value(draft.energy)
        self.stress.setValue(draft.stress)
        self.detachment.set_value(draft.detachment)
        self.went_well.setText(draft.went_well or "")
        self.leave.setPlainText(draft.leave_at_work or "")
        self.tonight.setText(draft.tonight or "")

    def _collect_reflection(self) -> ReflectionDraft:
        mood, energy, stress = self.mood.value(), self.energy.value(), self.stress.value()
        if mood is None:
            raise ValidationError("mood", _("choose 1 to 5"))
        if energy is None:
            raise ValidationError("energy", _("choose 1 to 5"))
        if stress == NO_STRESS:
            raise ValidationError("stress", _("choose 0 to 10"))
        return checked_reflection(
            ReflectionDraft(
                day=self._day,
                mood=mood,
                energy=energy,
                stress=stress,
                detachment=self.detachment.value(),
                went_well=self.went_well.text(),
                leave_at_work=self.leave.toPlainText(),
                tonight=self.tonight.text(),
            )
        )

    @classmethod
    def reflect(
        cls,
        clock: Clock,
        day: date,
        pings: list[PingRow],
        incidents: list[IncidentRow],
        save: Callable[[ReflectionDraft], object],
        skip: Callable[[date], object],
        initial: ReflectionDraft | None = None,
        log_missed: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> tuple[ReflectionDraft | None, bool]:
        """Run the dialog: the saved reflection and True, or None and False (cancel or skip)."""
        return cls(clock, day, pings, incidents, save, skip, initial, log_missed, parent).run()


def pings_line(pings: list[PingRow], zone: str) -> str:
    """E.g. ``3 after-hours pings (Slack 21:04, Email 21:40, Teams 22:15)``."""
    late = [p for p in pings if p.after_hours]
    if not late:
        return _("No after-hours pings today.")
    named = [f"{source_label(p.source)} {in_zone(p.at, zone):%H:%M}" for p in late]
    # TRANSLATORS: {pings} lists them, such as "Slack 21:04, Email 21:40".
    line = ngettext(
        "{count} after-hours ping ({pings})", "{count} after-hours pings ({pings})", len(late)
    )
    return line.format(count=len(late), pings=_listing(named, ", "))


def incidents_line(incidents: list[IncidentRow]) -> str:
    """E.g. ``1 incident: harassment, severity 4``."""
    if not incidents:
        return _("No incidents logged today.")
    # TRANSLATORS: {category} is such as "harassment", {severity} a number from 1 to 5.
    each = _("{category}, severity {severity}")
    named = [
        each.format(category=category_label(i.category).lower(), severity=i.severity)
        for i in incidents
    ]
    # TRANSLATORS: {incidents} lists them, such as "harassment, severity 4; crisis, severity 2".
    line = ngettext(
        "{count} incident: {incidents}", "{count} incidents: {incidents}", len(incidents)
    )
    return line.format(count=len(incidents), incidents=_listing(named, "; "))


def _listing(items: list[str], separator: str) -> str:
    shown = separator.join(items[:LISTED])
    return shown + (f"{separator}…" if len(items) > LISTED else "")


def _title(day: date, today: date, *, editing: bool) -> str:
    if day == today:
        return _("Edit today's reflection") if editing else _("Reflect on today")
    # TRANSLATORS: {day} is such as "Sat 14 Nov".
    title = _("Edit the reflection for {day}") if editing else _("Reflect on {day}")
    return title.format(day=day_names.short_weekday_and_month(day))


def _numbered(words: dict[int, str]) -> dict[int, str]:
    return {point: f"{point} {_(word)}" for point, word in words.items()}


def _buddy(label: QWidget | None, widget: QWidget) -> None:
    if isinstance(label, QLabel):
        label.setBuddy(widget)
