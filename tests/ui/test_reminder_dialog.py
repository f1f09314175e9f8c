"""The reminder dialog offers the reminder's own choices, in words, and reports the pick."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from wellbeing_app.core.reminders.planner import Reminder, ReminderKind
from wellbeing_app.ui.reminder_dialog import ReminderDialog, action_labels

AT = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)


def test_labels_name_each_choice_in_order() -> None:
    forgot = Reminder(
        ReminderKind.FORGOT_CLOCK_OUT,
        AT,
        "k",
        "Did you forget?",
        "...",
        timedelta(hours=1),
        ("end_at_scheduled_end", "still_working"),
        suggested_end=datetime(2026, 11, 25, 16, 0, tzinfo=UTC),
    )
    assert action_labels(forgot, "Europe/Berlin") == {
        "end_at_scheduled_end": "End it at 17:00",
        "still_working": "I'm still working",
    }


def test_choosing_a_button_reports_its_action(qtbot: QtBot) -> None:
    end = Reminder(
        ReminderKind.END_OF_SHIFT,
        AT,
        "k",
        "Time to disconnect",
        "Tonight is yours.",
        timedelta(hours=2),
        ("end_shift", "snooze", "on_call"),
    )
    labels = action_labels(end, "Europe/Berlin", snooze_minutes=10)
    assert list(labels.values()) == ["End shift now", "Snooze 10 min", "I'm on call"]
    dialog = ReminderDialog(end, labels)
    qtbot.addWidget(dialog)
    dialog.buttons["snooze"].click()
    assert dialog.chosen == "snooze"
    assert dialog.result() == ReminderDialog.DialogCode.Accepted
