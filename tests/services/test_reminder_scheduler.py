"""Reminders are announced on the Qt loop when due, and an idle scheduler does not wake."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QThread
from pytestqt.qtbot import QtBot

from wellbeing_app.core.reminders.planner import Reminder, ReminderKind
from wellbeing_app.services.reminder_scheduler import ReminderScheduler

pytestmark = pytest.mark.gui

TIMEOUT_MS = 5000  # generous: a slow CI machine must not turn lateness into a failure


def reminder(ms: int, key: str) -> Reminder:
    """A reminder due ``ms`` milliseconds from now (negative: already past)."""
    return Reminder(
        kind=ReminderKind.WRAP_UP,
        at=datetime.now(UTC) + timedelta(milliseconds=ms),
        key=key,
        title="Time to wrap up",
        text="Note what carries over to tomorrow.",
        grace=timedelta(minutes=5),
    )


@pytest.fixture
def scheduler(qtbot: QtBot) -> Iterator[ReminderScheduler]:
    """A started scheduler, shut down after the test."""
    sched = ReminderScheduler()
    sched.start()
    yield sched
    sched.shutdown()


def collect(sched: ReminderScheduler) -> list[Reminder]:
    """Every reminder ``sched`` announces from now on, in order."""
    got: list[Reminder] = []
    sched.due.connect(got.append)
    return got


def test_a_reminder_is_announced_when_due_on_the_qt_thread(
    qtbot: QtBot, scheduler: ReminderScheduler
) -> None:
    soon = reminder(150, "wrap-up")
    threads: list[bool] = []
    scheduler.due.connect(
        lambda _r: threads.append(QThread.currentThread() is QCoreApplication.instance().thread())
    )
    scheduler.replace([soon])
    with qtbot.waitSignal(scheduler.due, timeout=TIMEOUT_MS) as blocker:
        pass
    assert blocker.args == [soon]
    assert blocker.args[0] is soon
    assert datetime.now(UTC) >= soon.at
    assert threads == [True]
    assert scheduler.pending() == []


def test_staggered_reminders_arrive_in_order(qtbot: QtBot, scheduler: ReminderScheduler) -> None:
    reminders = [reminder(ms, f"r{ms}") for ms in (120, 200, 280)]
    got = collect(scheduler)
    scheduler.replace(reversed(reminders))  # the order given does not matter, only the time
    qtbot.waitUntil(lambda: len(got) == 3, timeout=TIMEOUT_MS)
    assert got == reminders


def test_replace_drops_the_old_plan(qtbot: QtBot, scheduler: ReminderScheduler) -> None:
    old = reminder(100, "old")
    new = reminder(200, "new")
    got = collect(scheduler)
    scheduler.replace([old])
    scheduler.replace([new])
    # Had ``old`` survived it would have come first, 100 ms before ``new``.
    with qtbot.waitSignal(scheduler.due, timeout=TIMEOUT_MS):
        pass
    assert got == [new]


def test_replace_with_the_same_key_keeps_only_the_new_time(
    qtbot: QtBot, scheduler: ReminderScheduler
) -> None:
    early = reminder(100, "end-of-shift")
    later = reminder(250, "end-of-shift")
    got = collect(scheduler)
    scheduler.replace([early])
    scheduler.replace([later])
    with qtbot.waitSignal(scheduler.due, timeout=TIMEOUT_MS):
        pass
    assert got == [later]


def test_a_past_reminder_is_not_scheduled(qtbot: QtBot, scheduler: ReminderScheduler) -> None:
    past = reminder(-60_000, "past")  # well within its grace: the caller decides on catch-ups
    future = reminder(150, "future")
    got = collect(scheduler)
    scheduler.replace([past, future])
    assert scheduler.pending() == [future]
    # Had ``past`` been scheduled it would have fired at once, before ``future``.
    qtbot.waitUntil(lambda: len(got) == 1, timeout=TIMEOUT_MS)
    assert got == [future]


def test_pending_lists_the_plan_soonest_first(qtbot: QtBot, scheduler: ReminderScheduler) -> None:
    first = reminder(150, "first")
    second = reminder(3_600_000, "second")
    third = reminder(7_200_000, "third")
    scheduler.replace([third, reminder(-1000, "past"), first, second])
    assert scheduler.pending() == [first, second, third]
    with qtbot.waitSignal(scheduler.due, timeout=TIMEOUT_MS):
        pass
    assert scheduler.pending() == [second, third]
    scheduler.replace([])
    assert scheduler.pending() == []


def test_pending_before_start_and_nothing_after_shutdown(qtbot: QtBot) -> None:
    sched = ReminderScheduler()
    soon = reminder(100, "soon")
    sched.replace([soon])
    assert sched.pending() == [soon]
    got = collect(sched)
    sched.start()
    sched.shutdown()
    qtbot.wait(300)  # past ``soon``: a stopped scheduler stays silent
    assert got == []


def test_a_slot_may_replace_the_plan_when_a_reminder_is_due(
    qtbot: QtBot, scheduler: ReminderScheduler
) -> None:
    first = reminder(100, "first")
    follow_up = reminder(250, "follow-up")
    got = collect(scheduler)

    def replan(announced: Reminder) -> None:
        if announced is first:  # as the app does: state changed, so the plan is rebuilt
            scheduler.replace([first, follow_up])

    scheduler.due.connect(replan)
    scheduler.replace([first])
    qtbot.waitUntil(lambda: len(got) == 2, timeout=TIMEOUT_MS)
    assert got == [first, follow_up]


def test_the_scheduler_wakes_only_when_a_reminder_is_due(
    qtbot: QtBot, scheduler: ReminderScheduler
) -> None:
    reminders = [reminder(ms, f"r{ms}") for ms in (100, 150, 200, 250, 300)]
    got = collect(scheduler)
    before = scheduler.wakeups  # start() has already woken once, to an empty plan
    scheduler.replace(reminders)
    qtbot.waitUntil(lambda: len(got) == len(reminders), timeout=TIMEOUT_MS)
    assert got == reminders
    # One wakeup to pick up the new plan, one per reminder, and a little slack for the wall
    # clock and the loop's clock disagreeing by a millisecond (the stock QtScheduler: ~115).
    assert scheduler.wakeups - before <= len(reminders) + 2


def test_an_idle_scheduler_does_not_wake(qtbot: QtBot, scheduler: ReminderScheduler) -> None:
    later = reminder(3_600_000, "in-an-hour")
    before = scheduler.wakeups  # start() has already woken once, to an empty plan
    scheduler.replace([later])
    qtbot.wait(500)
    assert scheduler.wakeups - before <= 1  # at most the one that picks up the new plan
    assert scheduler.pending() == [later]
