"""Runs the reminder plan: rebuilds timers from it, shows what is due, catches up after sleep.

The plan is recomputed from the store whenever state changes (a shift, a ping, a setting, a
snooze) and after the machine wakes; jobs are never stored. A suspend is noticed by the wall
clock jumping ahead of the monotonic clock, checked by one coarse timer every few minutes,
because Qt's timers stand still while the machine sleeps; and, where a system bus exists, at
once by logind's PrepareForSleep signal.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from wellbeing_app.core.reminders.planner import Reminder, catch_up
from wellbeing_app.services.reminder_scheduler import ReminderScheduler

if TYPE_CHECKING:
    from wellbeing_app.core.journal import Journal
    from wellbeing_app.services.sleep_watcher import SleepWatcher

log = logging.getLogger(__name__)

WATCH_INTERVAL_MS = 5 * 60 * 1000
JUMP_TOLERANCE_S = 90.0


class ReminderService(QObject):
    """Owns the scheduler; ``show`` is how a reminder reaches the user (notification or tray)."""

    shown = Signal(object)  # the Reminder, once shown

    def __init__(
        self,
        journal: Journal,
        show: Callable[[Reminder], object],
        scheduler: ReminderScheduler | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self._show = show
        self.scheduler = scheduler or ReminderScheduler(journal.clock, self)
        self.scheduler.due.connect(self._on_due)
        self._watch = QTimer(self)
        self._watch.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self._watch.setInterval(WATCH_INTERVAL_MS)
        self._watch.timeout.connect(self.check_clock)
        self._mark = self._clocks()
        self._sleep: SleepWatcher | None = None

    def start(self) -> None:
        from wellbeing_app.services.sleep_watcher import SleepWatcher

        self.scheduler.start()
        self.rebuild()
        self._watch.start()
        self._sleep = SleepWatcher(self)
        self._sleep.resumed.connect(self._on_resume)

    def shutdown(self) -> None:
        self._watch.stop()
        if self._sleep is not None:
            self._sleep.close()
        self.scheduler.shutdown()

    def _on_resume(self) -> None:
        log.info("logind says the machine woke up: replanning")
        self._mark = self._clocks()
        self.rebuild()

    def rebuild(self) -> None:
        """Plan again from the store: show missed reminders (at most one a kind), time the rest."""
        now = self.journal.now()
        plan = self.journal.reminder_plan(now)
        missed = catch_up([r for r in plan if r.at <= now], now)
        for reminder in missed:
            self._deliver(reminder)
        self.journal.mark_reminders_checked(now)
        self.scheduler.replace(r for r in plan if r.at > now)
        log.info(
            "reminders planned: %d upcoming, %d caught up", len(plan) - len(missed), len(missed)
        )

    def check_clock(self) -> None:
        """Rebuild when the wall clock jumped: the machine slept, or the clock was changed."""
        wall, mono = self._clocks()
        jump = (wall - self._mark[0]) - (mono - self._mark[1])
        self._mark = (wall, mono)
        if abs(jump) > JUMP_TOLERANCE_S:
            log.info("the wall clock jumped by %.0f s (sleep or clock change): replanning", jump)
            self.rebuild()

    def _on_due(self, reminder: Reminder) -> None:
        self.check_clock()
        self._deliver(reminder)
        # Plan again now that time has passed: a shift clocked in before its scheduled start
        # only gets its scheduled end (and the overtime nudges after it) once the window began.
        self.rebuild()

    def _deliver(self, reminder: Reminder) -> None:
        log.info("reminder due: %s", reminder.kind.value)
        self._show(reminder)
        self.journal.mark_reminders_delivered([reminder])
        self.shown.emit(reminder)

    @staticmethod
    def _clocks() -> tuple[float, float]:
        return time.time(), time.monotonic()
