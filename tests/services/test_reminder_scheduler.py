"""Reminders are announced on the Qt loop when due by the injected clock, and an idle scheduler
does not wake. No test waits: the clock is moved and the scheduler's one timer fired by hand."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QThread
from pytestqt.qtbot import QtBot

from wellbeing_app.core.reminders.planner import Reminder, ReminderKind
from wellbeing_app.core.time.clock import FixedClock
from wellbeing_app.services.reminder_scheduler import ReminderScheduler

pytestmark = pytest.mark.gui

MINUTE_MS = 60_000


def reminder(clock: FixedClock, minutes: float, key: str) -> Reminder:
    """A reminder due ``minutes`` from the clock's now (negative: already past)."""
    return Reminder(
        kind=ReminderKind.WRAP_UP,
        at=clock.now() + timedelta(minutes=minutes),
        key=key,
        title="Time to wrap up",
        text="Note what carries over to tomorrow.",
        grace=timedelta(minutes=5),
    )


@pytest.fixture
def scheduler(qtbot: QtBot, clock: FixedClock) -> Iterator[ReminderScheduler]:
    """A started scheduler on the test's clock, shut down after the test."""
    sched = ReminderScheduler(clock)
    sched.start()
    fire(sched)  # start() asked for a wakeup to look at the (empty) plan
    yield sched
    sched.shutdown()


def collect(sched: ReminderScheduler) -> list[Reminder]:
    """Every reminder ``sched`` announces from now on, in order."""
    got: list[Reminder] = []
    sched.due.connect(got.append)
    return got


def fire(sched: ReminderScheduler) -> None:
    """Do what the timer does when its wait is over, then deliver the queued announcements."""
    assert sched.timer.isActive(), "nothing would wake the scheduler"
    sched.timer.stop()
    sched.timer.timeout.emit()
    QCoreApplication.processEvents()


def wait_ms(sched: ReminderScheduler) -> int | None:
    """How long the scheduler means to sleep, or None when nothing will wake it."""
    return sched.timer.interval() if sched.timer.isActive() else None


def test_a_reminder_is_announced_when_due_on_the_qt_thread(
    clock: FixedClock, scheduler: ReminderScheduler
) -> None:
    soon = reminder(clock, 10, "wrap-up")
    got = collect(scheduler)
    threads: list[bool] = []
    scheduler.due.connect(
        lambda _r: threads.append(QThread.currentThread() is QCoreApplication.instance().thread())
    )
    scheduler.replace([soon])
    fire(scheduler)  # picks up the new plan: nothing is due yet
    assert got == []
    assert wait_ms(scheduler) == 10 * MINUTE_MS  # asleep until the reminder, by our clock
    clock.advance(minutes=10)
    fire(scheduler)
    assert got == [soon] and got[0] is soon
    assert threads == [True]
    assert scheduler.pending() == []
    assert wait_ms(scheduler) is None


def test_staggered_reminders_arrive_in_order(
    clock: FixedClock, scheduler: ReminderScheduler
) -> None:
    reminders = [reminder(clock, m, f"r{m}") for m in (2, 4, 6)]
    got = collect(scheduler)
    scheduler.replace(reversed(reminders))  # the order given does not matter, only the time
    fire(scheduler)
    for _ in reminders:
        clock.advance(minutes=2)
        fire(scheduler)
    assert got == reminders


def test_replace_drops_the_old_plan(clock: FixedClock, scheduler: ReminderScheduler) -> None:
    old = reminder(clock, 1, "old")
    new = reminder(clock, 2, "new")
    got = collect(scheduler)
    scheduler.replace([old])
    scheduler.replace([new])
    fire(scheduler)
    assert wait_ms(scheduler) == 2 * MINUTE_MS  # not woken for ``old`` at all
    clock.advance(minutes=2)
    fire(scheduler)
    assert got == [new]


def test_replace_with_the_same_key_keeps_only_the_new_time(
    clock: FixedClock, scheduler: ReminderScheduler
) -> None:
    early = reminder(clock, 1, "end-of-shift")
    later = reminder(clock, 3, "end-of-shift")
    got = collect(scheduler)
    scheduler.replace([early])
    scheduler.replace([later])
    fire(scheduler)
    clock.advance(minutes=1)
    assert scheduler.pending() == [later]
    clock.advance(minutes=2)
    fire(scheduler)
    assert got == [later]


def test_a_past_reminder_is_not_scheduled(clock: FixedClock, scheduler: ReminderScheduler) -> None:
    past = reminder(clock, -1, "past")  # well within its grace: the caller decides on catch-ups
    future = reminder(clock, 2, "future")
    got = collect(scheduler)
    scheduler.replace([past, future])
    assert scheduler.pending() == [future]
    fire(scheduler)
    assert got == []  # had ``past`` been scheduled it would have been announced at once
    clock.advance(minutes=2)
    fire(scheduler)
    assert got == [future]


def test_a_reminder_found_past_its_grace_stays_silent(
    clock: FixedClock, scheduler: ReminderScheduler
) -> None:
    stale = reminder(clock, 1, "stale")  # grace: 5 minutes
    got = collect(scheduler)
    scheduler.replace([stale])
    fire(scheduler)
    clock.advance(hours=2)  # the machine slept through it
    fire(scheduler)
    assert got == []
    assert scheduler.pending() == []


def test_pending_lists_the_plan_soonest_first(
    clock: FixedClock, scheduler: ReminderScheduler
) -> None:
    first = reminder(clock, 1, "first")
    second = reminder(clock, 60, "second")
    third = reminder(clock, 120, "third")
    scheduler.replace([third, reminder(clock, -1, "past"), first, second])
    assert scheduler.pending() == [first, second, third]
    fire(scheduler)
    clock.advance(minutes=1)
    fire(scheduler)
    assert scheduler.pending() == [second, third]
    scheduler.replace([])
    assert scheduler.pending() == []


def test_pending_before_start_and_nothing_after_shutdown(qtbot: QtBot, clock: FixedClock) -> None:
    sched = ReminderScheduler(clock)
    soon = reminder(clock, 1, "soon")
    sched.replace([soon])
    assert sched.pending() == [soon]
    got = collect(sched)
    sched.start()
    sched.shutdown()
    clock.advance(minutes=2)  # past ``soon``: a stopped scheduler stays silent
    assert wait_ms(sched) is None  # nothing left that could wake it
    QCoreApplication.processEvents()
    assert got == []


def test_a_slot_may_replace_the_plan_when_a_reminder_is_due(
    clock: FixedClock, scheduler: ReminderScheduler
) -> None:
    first = reminder(clock, 1, "first")
    follow_up = reminder(clock, 3, "follow-up")
    got = collect(scheduler)

    def replan(announced: Reminder) -> None:
        if announced is first:  # as the app does: state changed, so the plan is rebuilt
            scheduler.replace([first, follow_up])

    scheduler.due.connect(replan)
    scheduler.replace([first])
    fire(scheduler)
    clock.advance(minutes=1)
    fire(scheduler)  # announces ``first``; the slot replans
    fire(scheduler)  # picks up the new plan
    assert wait_ms(scheduler) == 2 * MINUTE_MS
    clock.advance(minutes=2)
    fire(scheduler)
    assert got == [first, follow_up]


def test_the_scheduler_wakes_only_when_a_reminder_is_due(
    clock: FixedClock, scheduler: ReminderScheduler
) -> None:
    reminders = [reminder(clock, m, f"r{m}") for m in (1, 2, 3, 4, 5)]
    got = collect(scheduler)
    before = scheduler.wakeups
    scheduler.replace(reminders)
    fire(scheduler)  # one wakeup to pick up the new plan
    for announced in range(1, len(reminders) + 1):
        assert wait_ms(scheduler) == MINUTE_MS  # straight to the next one, no poll between
        clock.advance(minutes=1)
        fire(scheduler)
        assert got == reminders[:announced]
    assert wait_ms(scheduler) is None
    # One wakeup to pick up the plan and one per reminder; a little slack as before
    # (the stock QtScheduler: ~115). One timer does all of it.
    assert scheduler.wakeups - before <= len(reminders) + 2


def test_an_idle_scheduler_does_not_wake(clock: FixedClock, scheduler: ReminderScheduler) -> None:
    later = reminder(clock, 60, "in-an-hour")
    before = scheduler.wakeups
    scheduler.replace([later])
    fire(scheduler)
    assert scheduler.wakeups - before == 1  # the one that picks up the new plan
    assert wait_ms(scheduler) == 60 * MINUTE_MS  # and then asleep for the whole hour
    assert scheduler.pending() == [later]
