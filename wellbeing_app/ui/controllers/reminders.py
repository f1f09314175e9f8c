"""Reminders: the service that times them, the notification that shows one, the reminder dialog
and its choices (end the shift, snooze, on call, end it at the scheduled end)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from wellbeing_app.core.reminders.planner import Reminder, ReminderKind
from wellbeing_app.services.notifier import Notifier
from wellbeing_app.services.reminder_service import ReminderService
from wellbeing_app.ui.controllers.parts import AppParts, Feature
from wellbeing_app.ui.reminder_dialog import ReminderDialog, action_labels


class Reminders(Feature):
    """Shows reminders when due and carries out what the user chooses on them.

    Choices that belong to other features are asked for by signal: ``end_shift_chosen``,
    ``reflection_wanted``, ``checkin_wanted`` and ``today_wanted``.
    """

    end_shift_chosen = Signal()
    reflection_wanted = Signal()
    checkin_wanted = Signal()
    today_wanted = Signal()

    def __init__(self, parts: AppParts, parent: QObject | None = None) -> None:
        super().__init__(parts, parent)
        self._shown: dict[str, Reminder] = {}
        self._last: Reminder | None = None
        self.notifier = Notifier(self.say, parent=self)
        self.notifier.activated.connect(self.on_notification_clicked)
        self.service = ReminderService(self.journal, self.show_reminder, parent=self)

    def start(self) -> None:
        self.service.start()

    def replan(self) -> None:
        """Plan again from the store (after every change)."""
        self.service.rebuild()

    def shutdown(self) -> None:
        self.service.shutdown()
        self.notifier.close()

    def show_reminder(self, reminder: Reminder) -> None:
        self._shown[reminder.key] = reminder
        self._last = reminder
        labels = self._labels(reminder)
        self.notifier.notify(reminder.title, reminder.text, reminder.key, list(labels.items()))

    def open_last_reminder(self) -> None:
        """A click on the tray's message opens what it was about."""
        self.open_reminder(self._last)

    def on_notification_clicked(self, key: str, action: str) -> None:
        reminder = self._shown.get(key, self._last)
        if action == "default":
            self.open_reminder(reminder)
        elif reminder is not None:
            self.choose(reminder, action)

    def open_reminder(self, reminder: Reminder | None) -> None:
        """What a reminder was about: its dialog, or the reflection, check-in or Today."""
        if reminder is not None and reminder.kind is ReminderKind.EVENING_REFLECTION:
            self.reflection_wanted.emit()
        elif reminder is not None and reminder.kind is ReminderKind.WHO5_CHECKIN:
            self.checkin_wanted.emit()
        elif reminder is None or not reminder.actions:
            self.today_wanted.emit()
        else:
            labels = self._labels(reminder)
            action, chosen = ReminderDialog.ask(reminder, labels, self.dialog_parent())
            if chosen and action:
                self.choose(reminder, action)

    def choose(self, reminder: Reminder, action: str) -> None:
        """Carry out ``action``, one of the reminder's choices."""
        if action == "end_shift":
            self.end_shift_chosen.emit()
        elif action == "snooze":
            self.run(lambda journal: journal.snooze_reminders(), failure_title="Not snoozed")
        elif action == "on_call":
            self.run(
                lambda journal: journal.start_on_call(),
                on_done=lambda period: self.say(
                    "On call", f"Counted as on call until {self.local(period.end)}."
                ),
                failure_title="Not on call",
            )
        elif action == "end_at_scheduled_end" and reminder.suggested_end is not None:
            end = reminder.suggested_end
            self.run(
                lambda journal: journal.end_shift(end),
                on_done=lambda _: self.say("Shift ended", f"Ended at {self.local(end)}."),
                failure_title="Shift not ended",
            )

    def _labels(self, reminder: Reminder) -> dict[str, str]:
        snooze = self.journal.reminder_settings().snooze_minutes
        return action_labels(reminder, self.clock.zone(), snooze)
