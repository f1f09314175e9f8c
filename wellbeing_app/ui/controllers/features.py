"""All feature controllers, built together once the store is open, and the streaks they show."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from wellbeing_app.core.journal import Journal
from wellbeing_app.core.time.clock import Clock
from wellbeing_app.ui.actions import ShiftState
from wellbeing_app.ui.controllers.capture import Capture
from wellbeing_app.ui.controllers.check_ins import CheckIns
from wellbeing_app.ui.controllers.parts import AppParts
from wellbeing_app.ui.controllers.records import Records
from wellbeing_app.ui.controllers.reminders import Reminders
from wellbeing_app.ui.controllers.reports import Reports
from wellbeing_app.ui.controllers.settings import Settings
from wellbeing_app.ui.controllers.shift_clock import ShiftClock
from wellbeing_app.ui.operation import Operations
from wellbeing_app.ui.windows import Windows


class Features:
    """One controller per feature (app.py connects their signals); the streaks are read once
    per change, since the tray, the Today window and the dashboard all show them."""

    def __init__(
        self,
        journal: Journal,
        clock: Clock,
        say: Callable[[str, str], None],
        dialog_parent: Callable[[], QWidget | None],
        operations: Operations,
        windows: Windows,
        parent: QObject | None = None,
    ) -> None:
        parts = AppParts(journal, clock, say, dialog_parent, operations, windows)
        self.shift_clock = ShiftClock(parts, parent)
        self.records = Records(parts, parent)
        self.reminders = Reminders(parts, parent)
        self.reports = Reports(parts, parent)
        self.check_ins = CheckIns(parts, parent)
        self.settings = Settings(parts, parent)
        self.capture = Capture(parts, parent)
        self._journal = journal
        self.streaks = journal.streaks()

    def refresh(self) -> tuple[ShiftState, str]:
        """Show the store in the Today window, if open; the actions' state (with the reminders
        waiting for an answer) and the tray tooltip."""
        self.records.refresh_today(self.streaks)
        state, tooltip = self.shift_clock.status(self.streaks)
        last_ping, pending = self.records.last_ping_label(), self.reminders.pending_choices()
        counting = self.capture.view()
        return replace(state, last_ping=last_ping, pending=pending, counting=counting), tooltip

    def changed(self) -> None:
        """After any change: read the streaks again, plan reminders, redraw the dashboard."""
        self.streaks = self._journal.streaks()
        self.reminders.replan()
        self.reports.refresh(self.streaks)
        self.capture.sync()

    def start(self) -> None:
        self.reminders.start()
        self.capture.start()

    def shutdown(self) -> None:
        """Nothing of the features wakes up afterwards (timers, notification clicks, the bus)."""
        self.reminders.shutdown()
        self.capture.shutdown()
