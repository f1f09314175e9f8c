"""Turning planned reminders into timers on the Qt event loop, so each is announced when due by
the injected clock."""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from apscheduler.executors.debug import DebugExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.qt import QtScheduler
from apscheduler.triggers.date import DateTrigger
from PySide6.QtCore import QObject, Qt, QTimer, Signal

from wellbeing_app.core.reminders.planner import Reminder
from wellbeing_app.core.time.clock import Clock

log = logging.getLogger(__name__)

_MAX_TIMER_MS = 2**31 - 1  # QTimer takes a signed 32-bit interval (about 24.8 days)
_LEAST_GRACE = timedelta(seconds=1)


class ClockZone(tzinfo):
    """UTC, except that "now" in this zone is the injected clock's now.

    APScheduler 3 reads the time only as ``datetime.now(scheduler.timezone)``, and
    ``datetime.now(zone)`` asks ``zone.fromutc`` to convert the system's UTC now: answering with
    the clock's now puts the whole scheduler on the clock (tests move it instead of waiting).
    ``astimezone(zone)`` goes through ``fromutc`` too, so run dates are given in this very zone,
    for which ``astimezone`` is a no-op that never calls it.
    """

    def __init__(self, clock: Clock) -> None:
        super().__init__()
        self._clock = clock

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return "UTC"

    def fromutc(self, dt: datetime) -> datetime:
        return self._clock.now().astimezone(UTC).replace(tzinfo=self)

    def at(self, instant: datetime) -> datetime:
        """``instant`` in this zone, without asking ``fromutc``."""
        return instant.astimezone(UTC).replace(tzinfo=self)


class OneTimerQtScheduler(QtScheduler):  # type: ignore[misc]  # apscheduler ships no types
    """A QtScheduler that wakes only when a job is due, and counts how often it wakes.

    The stock one calls the static ``QTimer.singleShot``, which returns None under PySide6, so
    it can never stop a timer: every wakeup adds another chain, and truncating milliseconds
    makes it wake just before a job is due and poll in a tight loop. Here one single-shot
    precise timer is restarted instead, and waits are rounded up.
    """

    def __init__(self, *, timer_parent: QObject | None = None, **options: Any) -> None:
        # The timer must exist before BaseScheduler.__init__ runs, which may touch it.
        self._wakeups = 0
        self._timer = QTimer(timer_parent)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timeout)
        super().__init__(**options)

    @property
    def wakeups(self) -> int:
        """How many times the timer has fired and jobs were looked at."""
        return self._wakeups

    @property
    def timer(self) -> QTimer:
        return self._timer

    def _start_timer(self, wait_seconds: float | None) -> None:
        if wait_seconds is None:
            self._timer.stop()
            return
        # Rounding up: waking a millisecond early finds nothing due and costs another wakeup.
        wait_ms = min(max(math.ceil(wait_seconds * 1000), 0), _MAX_TIMER_MS)
        self._timer.start(wait_ms)  # restarting replaces the pending timeout, never adds one

    def _stop_timer(self) -> None:
        self._timer.stop()

    def wakeup(self) -> None:
        # Many calls before the loop turns (one per added job) fold into a single wakeup.
        self._start_timer(0)

    def _on_timeout(self) -> None:
        self._wakeups += 1
        self._process_jobs()


class ReminderScheduler(QObject):
    """Emits ``due(Reminder)`` on the Qt thread when a reminder's time comes by ``clock``.

    The plan is never stored: callers pass the whole upcoming plan to ``replace`` whenever it
    may have changed (state changes, start-up, resume after a suspend) and handle catch-ups of
    reminders already past themselves. ``due`` is delivered through a queued connection, after
    the scheduler has finished its round, so a slot may call ``replace`` safely.
    """

    due = Signal(object)
    _fired = Signal(object)

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._zone = ClockZone(clock)
        self._fired.connect(self.due, Qt.ConnectionType.QueuedConnection)
        self._scheduler = OneTimerQtScheduler(
            timer_parent=self,
            timezone=self._zone,
            # Inline on the Qt thread: a job only emits a signal, no worker threads needed.
            executors={"default": DebugExecutor()},
            # In memory: jobs hold the Reminder itself and are rebuilt from the plan, not pickled.
            jobstores={"default": MemoryJobStore()},
        )

    @property
    def wakeups(self) -> int:
        """How many times the scheduler has woken to look for due reminders."""
        return self._scheduler.wakeups

    @property
    def timer(self) -> QTimer:
        """The one timer that wakes the scheduler; tests fire it instead of waiting for it."""
        return self._scheduler.timer

    def start(self) -> None:
        """Begin announcing reminders; those given to ``replace`` earlier are kept."""
        if not self._scheduler.running:
            self._scheduler.start()

    def shutdown(self) -> None:
        """Stop announcing reminders; nothing fires afterwards."""
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)

    def replace(self, reminders: Iterable[Reminder]) -> None:
        """Schedule exactly ``reminders``, dropping every earlier one; past ones are skipped."""
        self._scheduler.remove_all_jobs()
        now = self._clock.now()
        for reminder in reminders:
            if reminder.at <= now:
                continue
            self._scheduler.add_job(
                self._fire,
                trigger=DateTrigger(run_date=self._zone.at(reminder.at), timezone=self._zone),
                args=(reminder,),
                id=reminder.key,
                name=f"{reminder.kind}:{reminder.key}",
                # APScheduler would judge lateness by the system's clock; _fire judges it by ours.
                misfire_grace_time=None,
                coalesce=True,
                replace_existing=True,
            )

    def pending(self) -> list[Reminder]:
        """The reminders still to be announced, soonest first."""
        reminders: list[Reminder] = [job.args[0] for job in self._scheduler.get_jobs()]
        return sorted(reminders, key=lambda r: (r.at, r.key))

    def _fire(self, reminder: Reminder) -> None:
        if self._clock.now() - reminder.at > max(reminder.grace, _LEAST_GRACE):
            log.info("reminder %s is past its grace: not announced", reminder.kind.value)
            return
        self._fired.emit(reminder)
