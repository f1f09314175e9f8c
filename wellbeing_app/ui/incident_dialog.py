"""The incident dialog: log or edit one stressful incident, checked field by field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wellbeing_app.core.errors import ValidationError, WellbeingError
from wellbeing_app.core.incidents import MAX_SUMMARY, IncidentDraft, checked
from wellbeing_app.core.models import IncidentCategory
from wellbeing_app.ui import icons
from wellbeing_app.ui.error_label import ErrorLabel
from wellbeing_app.ui.wall_time import WallTimeEdit

CATEGORY_LABELS = {
    IncidentCategory.HARASSMENT: "Harassment",
    IncidentCategory.CRISIS: "Crisis",
    IncidentCategory.CUSTOMER_ESCALATION: "Customer escalation",
    IncidentCategory.DISTRESSING_CONTENT: "Distressing content",
    IncidentCategory.THREATS: "Threats",
    IncidentCategory.INTERNAL_PRESSURE: "Internal pressure",
    IncidentCategory.OTHER: "Other",
}
SEVERITY_HINTS = {1: "minor", 2: "unpleasant", 3: "hard", 4: "very hard", 5: "severe"}
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
PRIVATE_NOTE = "Private: stays on this computer and is left out of every export."


class IncidentDialog(QDialog):
    """Fields for an incident. On a bad field it says which and why, and keeps what was typed."""

    def __init__(
        self,
        now: datetime,
        zone: str,
        save: Callable[[IncidentDraft], object],
        initial: IncidentDraft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._now = now
        self.setWindowTitle("Edit incident" if initial else "Log an incident")
        self.setWindowIcon(icons.icon(icons.APP))
        self.draft: IncidentDraft | None = None

        self.when = WallTimeEdit(initial.at if initial else now, zone)
        self.category = QComboBox()
        self.category.addItem("Choose a category…", "")
        for value, label in CATEGORY_LABELS.items():
            self.category.addItem(label, value.value)
        self.severity = QButtonGroup(self)
        severity_row = QHBoxLayout()
        for level in range(1, 6):
            button = QRadioButton(str(level))
            button.setToolTip(SEVERITY_HINTS[level])
            self.severity.addButton(button, level)
            severity_row.addWidget(button)
        self.severity_hint = QLabel("")
        severity_row.addWidget(self.severity_hint)
        severity_row.addStretch()
        self.severity.idToggled.connect(self._on_severity)
        self.platform = QComboBox()
        self.platform.setEditable(True)
        self.platform.addItems(["", *PLATFORMS])
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSuffix(" min")
        self.summary = QLineEdit()
        self.summary.setMaxLength(MAX_SUMMARY + 1)  # one over, so the limit is explained not hit
        self.summary.setPlaceholderText("One short line, e.g. pile-on after the price change")
        self.details = QPlainTextEdit()
        self.details.setPlaceholderText("What happened, how it felt. Only you will see this.")
        self.details.setTabChangesFocus(True)
        self.details.setMinimumHeight(80)
        private = QLabel(PRIVATE_NOTE)
        private.setWordWrap(True)
        private.setStyleSheet("color: palette(placeholder-text);")

        form = QFormLayout()
        form.addRow("&When", self.when)
        form.addRow("&Category", self.category)
        form.addRow("Severity", severity_row)
        form.addRow("&Platform", self.platform)
        form.addRow("&Minutes spent", self.minutes)
        form.addRow("&Summary", self.summary)
        form.addRow("Private &details", self.details)
        form.addRow("", private)

        self.error = ErrorLabel(
            {"at": "When", "details": "Private details", "minutes": "Minutes spent"}
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("It happened to the brand's account. It is not a verdict on you."))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        if initial:
            self._fill(initial)

    def _fill(self, draft: IncidentDraft) -> None:
        self.category.setCurrentIndex(max(0, self.category.findData(draft.category)))
        button = self.severity.button(draft.severity)
        if button:
            button.setChecked(True)
        self.platform.setCurrentText(draft.platform or "")
        self.minutes.setValue(draft.minutes)
        self.summary.setText(draft.summary or "")
        self.details.setPlainText(draft.details or "")

    def _on_severity(self, level: int, checked_now: bool) -> None:
        if checked_now:
            self.severity_hint.setText(SEVERITY_HINTS[level])

    def _field_widget(self, field: str) -> QWidget:
        widgets: dict[str, QWidget] = {
            "at": self.when,
            "category": self.category,
            "severity": self.severity.button(1),
            "platform": self.platform,
            "minutes": self.minutes,
            "summary": self.summary,
            "details": self.details,
        }
        return widgets.get(field, self.category)

    def accept(self) -> None:
        try:
            if self.category.currentData() == "":
                raise ValidationError("category", "choose what kind of incident it was")
            if self.severity.checkedId() == -1:
                raise ValidationError("severity", "choose how hard it was, from 1 to 5")
            self.draft = checked(
                IncidentDraft(
                    at=self.when.instant("at"),
                    category=str(self.category.currentData()),
                    severity=self.severity.checkedId(),
                    platform=self.platform.currentText(),
                    minutes=self.minutes.value(),
                    summary=self.summary.text(),
                    details=self.details.toPlainText(),
                ),
                self._now,
            )
            self._save(self.draft)
        except WellbeingError as exc:
            self.show_error(exc)
            return
        super().accept()

    def show_error(self, exc: WellbeingError) -> None:
        self.error.show_error(exc)
        if isinstance(exc, ValidationError):
            self._field_widget(exc.field).setFocus(Qt.FocusReason.OtherFocusReason)

    @classmethod
    def get_incident(
        cls,
        now: datetime,
        zone: str,
        save: Callable[[IncidentDraft], object],
        initial: IncidentDraft | None = None,
        parent: QWidget | None = None,
    ) -> tuple[IncidentDraft | None, bool]:
        """Run the dialog; ``save`` stores the draft, and its errors keep the dialog open."""
        dialog = cls(now, zone, save, initial, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return (dialog.draft if accepted else None), accepted
