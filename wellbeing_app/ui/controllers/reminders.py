"""Reminders: the service that times them, the notification that shows one, the reminder dialog
and its choices (end the shift, snooze, on call, end it at the scheduled end).

A reminder with choices waits for an answer: it stays pending (the tray menu and the no-tray
window offer it) until it is answered or no longer relevant, since a tray balloon fades after a
few seconds and a desktop notification may never be seen.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Signal

from wellbeing_app.core.language import N_, _
from wellbeing_app.core.reminders.planner import Reminder, ReminderKind
from wellbeing_app.services.notifier import Notifier
from wellbeing_app.services.reminder_service import ReminderService
from wellbeing_app.ui.actions import PendingChoice
from wellbeing_app.ui.controllers.parts import AppParts, Feature
from wellbeing_app.ui.reminder_dialog import ReminderDialog, action_labels

HEADS_UP = N_("Its choices wait in Wellbeing until you answer.")
GONE_TITLE = N_("Nothing to answer")
GONE_TEXT = N_("That reminder no longer applies.")
# What each kind's choices act on: the running shift. Such a reminder is planned only for a
# shift that runs, so once it ends (here, from the CLI or by another answer) the question is gone.
_ABOUT_THE_SHIFT = {ReminderKind.END_OF_SHIFT, ReminderKind.OVERTIME, ReminderKind.FORGOT_CLOCK_OUT}
_WORK_KINDS = {ReminderKind.END_OF_SHIFT, ReminderKind.OVERTIME}  # not planned while on call
_TURNED_ON = {  # the setting that turns each kind off, as the planner reads them
    ReminderKind.END_OF_SHIFT: "end_of_shift",
    ReminderKind.OVERTIME: "overtime",
    ReminderKind.FORGOT_CLOCK_OUT: "forgot_clock_out",
}


class Reminders(Feature):
    """Shows reminders when due and carries out what the user chooses on them.

    Choices that belong to other features are asked for by signal: ``end_shift_chosen``,
    ``reflection_wanted``, ``checkin_wanted`` and ``today_wanted``. ``pending_changed`` asks
    the views to show the reminders waiting for an answer again.
    """

    end_shift_chosen = Signal()
    reflection_wanted = Signal()
    checkin_wanted = Signal()
    today_wanted = Signal()
    pending_changed = Signal()
    minutes_wanted = Signal()  # "Note the minutes I spent" on a captured after-hours ping

    def __init__(self, parts: AppParts, parent: QObject | None = None) -> None:
        super().__init__(parts, parent)
        self._shown: dict[str, Reminder] = {}
        self._last: Reminder | None = None
        self._pending: dict[str, Reminder] = {}  # by key; at most one of each kind
        self.notifier = Notifier(self.say, parent=self)
        self.notifier.activated.connect(self.on_notification_clicked)
        self.service = ReminderService(self.journal, self.show_reminder, parent=self)

    def start(self) -> None:
        self.service.start()

    def replan(self) -> None:
        """Plan again from the store (after every change); pending reminders stay pending."""
        self.service.rebuild()

    def shutdown(self) -> None:
        self.service.shutdown()
        self.notifier.close()

    def show_reminder(self, reminder: Reminder) -> None:
        self._shown[reminder.key] = reminder
        self._last = reminder
        labels = self._labels(reminder)
        if labels:
            # A newer one of the same kind (a snoozed reminder, the next overtime nudge)
            # asks the same question: it takes the older one's place.
            self._pending = {k: r for k, r in self._pending.items() if r.kind is not reminder.kind}
            self._pending[reminder.key] = reminder
        self.notifier.notify(
            reminder.title,
            reminder.text,
            reminder.key,
            list(labels.items()),
            heads_up=_(HEADS_UP) if labels else "",
        )
        if labels:
            self.pending_changed.emit()

    def pending(self) -> list[Reminder]:
        """The reminders waiting for an answer, newest first; those no longer relevant go."""
        if self._pending:
            now = self.clock.now()
            self._pending = {k: r for k, r in self._pending.items() if self._relevant(r, now)}
        return sorted(self._pending.values(), key=lambda r: r.at, reverse=True)

    def pending_choices(self) -> tuple[PendingChoice, ...]:
        """What the tray menu and the no-tray window offer for the reminders waiting."""
        # TRANSLATORS: {title} is a reminder's title; the item opens its choices.
        choose = _("{title}: choose…")
        return tuple(PendingChoice(r.key, choose.format(title=r.title)) for r in self.pending())

    def open_pending(self, key: str) -> None:
        """Open a waiting reminder's choices (from the tray menu or the no-tray window)."""
        reminder = next((r for r in self.pending() if r.key == key), None)
        if reminder is None:
            self.say(_(GONE_TITLE), _(GONE_TEXT))
            self.pending_changed.emit()
        else:
            self.open_reminder(reminder)

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
        """Carry out ``action``, one of the reminder's choices; the reminder is answered."""
        if self._pending.pop(reminder.key, None) is not None:
            self.pending_changed.emit()
        if action == "end_shift":
            self.end_shift_chosen.emit()
        elif action == "snooze":
            self.run(lambda journal: journal.snooze_reminders(), failure_title=_("Not snoozed"))
        elif action == "on_call":
            self.run(
                lambda journal: journal.start_on_call(),
                on_done=lambda period: self.say(
                    _("On call"),
                    _("Counted as on call until {time}.").format(time=self.local(period.end)),
                ),
                failure_title=_("Not on call"),
            )
        elif action == "note_minutes":
            self.minutes_wanted.emit()
        elif action in ("end_at_scheduled_end", "end_at_last_notification"):
            end = (
                reminder.suggested_end
                if action == "end_at_scheduled_end"
                else reminder.last_notification
            )
            if end is None:
                return
            self.run(
                lambda journal: journal.end_shift(end),
                on_done=lambda _row: self.say(
                    _("Shift ended"), _("Ended at {time}.").format(time=self.local(end))
                ),
                failure_title=_("Shift not ended"),
            )

    def _relevant(self, reminder: Reminder, now: datetime) -> bool:
        """Still worth an answer: within its grace, and still what the planner would plan
        (its shift still runs, its kind is still on, no on-call period covers it)."""
        if now - reminder.at > reminder.grace:
            return False
        if reminder.kind in _ABOUT_THE_SHIFT:
            running = self.journal.running_shift()
            if running is None or running.start > reminder.at:
                return False
        setting = _TURNED_ON.get(reminder.kind)
        if setting is not None and not getattr(self.journal.reminder_settings(), setting):
            return False
        if reminder.kind in _WORK_KINDS:
            book = self.journal.schedule_book(reminder.at, now)
            if book.is_on_call(reminder.at) or book.is_on_call(now):
                return False
        return True

    def _labels(self, reminder: Reminder) -> dict[str, str]:
        snooze = self.journal.reminder_settings().snooze_minutes
        return action_labels(reminder, self.clock.zone(), snooze)
