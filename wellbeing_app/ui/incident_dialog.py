"""The incident dialog: log or edit one stressful incident, checked field by field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.language import N_, _
from wellbeing_app.core.records.incidents import MAX_SUMMARY, IncidentDraft, checked
from wellbeing_app.core.time.clock import Clock
from wellbeing_app.core.time.local_time import local_date
from wellbeing_app.core.vocabulary import (
    CATEGORY_LABELS,
    SEVERITIES,
    SEVERITY_HINTS,
    category_label,
)
from wellbeing_app.ui.advice_fields import AdviceFields
from wellbeing_app.ui.form_dialog import FormDialog
from wellbeing_app.ui.quiet_label import QUIET_STYLE
from wellbeing_app.ui.scale_row import ScaleRow
from wellbeing_app.ui.wall_time import WallTimeEdit

# Offered as typed and stored (like an app's name), so not translated.
PLATFORMS = [
    "instagram",
    "tiktok",
    "x",
    "facebook",
    "linkedin",
    "youtube",
    "threads",
    "bluesky",
    "reddit",
    "email",
    "other",
]
PRIVATE_NOTE = N_("Private: stays on this computer and is left out of every export.")


class IncidentDialog(FormDialog[IncidentDraft]):
    """Fields for an incident. On a bad field it says which and why, and keeps what was typed."""

    def __init__(
        self,
        clock: Clock,
        save: Callable[[IncidentDraft], object],
        initial: IncidentDraft | None = None,
        parent: QWidget | None = None,
        when: datetime | None = None,
    ) -> None:
        """``when`` is where a new incident's time starts (default: now)."""
        super().__init__(
            _("Edit incident") if initial else _("Log an incident"),
            self._collect_incident,
            save,
            {
                "at": _("When"),
                "category": _("Category"),
                "severity": _("Severity"),
                "platform": _("Platform"),
                "minutes": _("Minutes spent"),
                "summary": _("Summary"),
                "details": _("Private details"),
                "against_advice": _("Against advice"),
                "advised_on": _("Advice given on"),
            },
            parent,
        )
        self._clock = clock

        self.when = WallTimeEdit(initial.at if initial else when or clock.now(), clock.zone())
        self.category = QComboBox()
        self.category.addItem(_("Choose a category…"), "")
        for value in CATEGORY_LABELS:
            self.category.addItem(category_label(value), value)
        # arrows move along the scale, a digit picks a level
        hints = {level: _(hint) for level, hint in SEVERITY_HINTS.items()}
        self.severity_row = ScaleRow({level: str(level) for level in SEVERITIES}, hints)
        self.severity = self.severity_row.group
        self.severity_hint = QLabel("")
        self.severity_row.append(self.severity_hint)
        self.severity.idToggled.connect(self._on_severity)
        self.platform = QComboBox()
        self.platform.setEditable(True)
        self.platform.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # Return saves, adds nothing
        self.platform.addItems(["", *PLATFORMS])
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 24 * 60)
        # TRANSLATORS: after a number of minutes in a field; keep the space before it.
        self.minutes.setSuffix(_(" min"))
        self.summary = QLineEdit()
        self.summary.setMaxLength(MAX_SUMMARY + 1)  # one over, so the limit is explained not hit
        self.summary.setPlaceholderText(_("One short line, e.g. pile-on after the price change"))
        self.details = QPlainTextEdit()
        self.details.setPlaceholderText(_("What happened, how it felt. Only you will see this."))
        self.details.setTabChangesFocus(True)
        self.details.setMinimumHeight(80)
        self.advice = AdviceFields(
            local_date(clock.now(), clock.zone()), lambda: self.when.wall_time().date(), self
        )
        private = QLabel(_(PRIVATE_NOTE))
        private.setWordWrap(True)
        private.setStyleSheet(QUIET_STYLE)

        self.form.addRow(_("&When"), self.when)
        self.form.addRow(_("&Category"), self.category)
        self.form.addRow(_("Se&verity"), self.severity_row)
        self.form.addRow(_("&Platform"), self.platform)
        self.form.addRow(_("&Minutes spent"), self.minutes)
        self.form.addRow(_("S&ummary"), self.summary)  # Alt+S saves
        self.advice.add_to(self.form)
        self.form.addRow(_("Private &details"), self.details)
        self.form.addRow("", private)
        self.body.insertWidget(
            0, QLabel(_("It happened to the brand's account. It is not a verdict on you."))
        )
        self.fields = {
            "at": self.when,
            "category": self.category,
            "severity": self.severity_row,
            "platform": self.platform,
            "minutes": self.minutes,
            "summary": self.summary,
            "details": self.details,
            "against_advice": self.advice.against_advice,
            "advised_on": self.advice.advised_on,
        }
        self.setMinimumWidth(460)
        if initial:
            self._fill(initial)
        self.when.setFocus(Qt.FocusReason.OtherFocusReason)  # the first field, not Save

    def _fill(self, draft: IncidentDraft) -> None:
        self.category.setCurrentIndex(max(0, self.category.findData(draft.category)))
        button = self.severity.button(draft.severity)
        if button:
            button.setChecked(True)
        self.platform.setCurrentText(draft.platform or "")
        self.minutes.setValue(draft.minutes)
        self.summary.setText(draft.summary or "")
        self.details.setPlainText(draft.details or "")
        self.advice.fill(draft.against_advice, draft.advised_on)

    def _on_severity(self, level: int, checked_now: bool) -> None:
        if checked_now:
            self.severity_hint.setText(_(SEVERITY_HINTS[level]))

    def _collect_incident(self) -> IncidentDraft:
        if self.category.currentData() == "":
            raise ValidationError("category", _("choose what kind of incident it was"))
        if self.severity.checkedId() == -1:
            raise ValidationError("severity", _("choose how hard it was, from 1 to 5"))
        against_advice, advised_on = self.advice.value()
        return checked(
            IncidentDraft(
                at=self.when.instant("at"),
                category=str(self.category.currentData()),
                severity=self.severity.checkedId(),
                platform=self.platform.currentText(),
                minutes=self.minutes.value(),
                summary=self.summary.text(),
                details=self.details.toPlainText(),
                against_advice=against_advice,
                advised_on=advised_on,
            ),
            self._clock.now(),
            self._clock.zone(),
        )

    @classmethod
    def get_incident(
        cls,
        clock: Clock,
        save: Callable[[IncidentDraft], object],
        initial: IncidentDraft | None = None,
        parent: QWidget | None = None,
        when: datetime | None = None,
    ) -> tuple[IncidentDraft | None, bool]:
        """Run the dialog; ``save`` stores the draft, and its errors keep the dialog open."""
        return cls(clock, save, initial, parent, when).run()
