"""The reminder dialog: what a reminder said, with its choices (End shift now, Snooze, ...)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from wellbeing_app.core.language import _, ngettext
from wellbeing_app.core.reminders.planner import Reminder
from wellbeing_app.core.time.local_time import in_zone
from wellbeing_app.ui import accessible, icons
from wellbeing_app.ui.grow import keep_whole
from wellbeing_app.ui.when_shown import WhenShown


def action_labels(reminder: Reminder, zone: str, snooze_minutes: int = 15) -> dict[str, str]:
    """The words on each button this reminder offers, in the order it offers them."""
    end, last = reminder.suggested_end, reminder.last_notification
    # TRANSLATORS: {time} is when the shift is ended, such as 17:00.
    end_words = _("End it at {time}").format(time=f"{in_zone(end, zone):%H:%M}") if end else ""
    last_words = ""
    if last:
        # TRANSLATORS: {time} is when the last work notification came, such as 21:04.
        last_words = _("End it at {time} (last work notification)").format(
            time=f"{in_zone(last, zone):%H:%M}"
        )
    snooze = ngettext("Snooze {count} min", "Snooze {count} min", snooze_minutes)
    words = {
        "end_shift": _("End shift now"),
        "snooze": snooze.format(count=snooze_minutes),
        "on_call": _("I'm on call"),
        "end_at_scheduled_end": end_words or _("End it"),
        "still_working": _("I'm still working"),
        "end_at_last_notification": last_words,
        "note_minutes": _("Note the minutes I spent"),
    }
    return {action: words[action] for action in reminder.actions if words.get(action)}


class ReminderDialog(WhenShown, QDialog):
    """One button per action; ``chosen`` holds the action picked, if any."""

    def __init__(self, reminder: Reminder, labels: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(reminder.title)
        self.setWindowIcon(icons.icon(icons.APP))
        accessible.complete_when_shown(self)  # names and descriptions left unset
        self.chosen: str | None = None
        title = QLabel(f"<b>{reminder.title}</b>")
        text = QLabel(reminder.text)
        text.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.buttons: dict[str, QPushButton] = {}
        for action, label in labels.items():
            button = buttons.addButton(label, QDialogButtonBox.ButtonRole.AcceptRole)
            button.clicked.connect(lambda _=False, a=action: self._choose(a))
            self.buttons[action] = button
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(buttons)
        keep_whole(self, 420)  # and as wide and tall as its contents need

    def _choose(self, action: str) -> None:
        self.chosen = action
        self.accept()

    @classmethod
    def ask(
        cls, reminder: Reminder, labels: dict[str, str], parent: QWidget | None = None
    ) -> tuple[str | None, bool]:
        """Show the reminder; the chosen action and True, or None and False when closed."""
        dialog = cls(reminder, labels, parent)
        chosen = dialog.exec() == QDialog.DialogCode.Accepted
        return (dialog.chosen if chosen else None), chosen
