"""The reminder service: plans from the store, catches up after sleep or restart without a
burst, never repeats itself, and replans after a snooze or a jump of the wall clock."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from wellbeing_app.core.journal import Journal
from wellbeing_app.core.reminders.planner import Reminder, ReminderKind
from wellbeing_app.core.time.clock import FixedClock
from wellbeing_app.services.reminder_service import ReminderService

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=BERLIN).astimezone(UTC)


class FakeScheduler(QObject):
    """Stands in for the APScheduler-backed one: records the plan, fires on demand."""

    due = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.plan: list[Reminder] = []

    def start(self) -> None:
        pass

    def shutdown(self) -> None:
        pass

    def replace(self, reminders) -> None:
        self.plan = sorted(reminders, key=lambda r: r.at)


@pytest.fixture
def journal(db) -> Journal:
    clock = FixedClock(berlin("2026-11-25T08:00"), "Europe/Berlin")  # a Wednesday
    journal = Journal(db, clock)
    journal.set_schedule(
        list(range(5)), 9 * 60, 17 * 60, "Europe/Berlin", berlin("2026-11-01T12:00").date()
    )
    clock.instant = berlin("2026-11-25T09:00")
    journal.start_shift()
    return journal


def service(journal: Journal, shown: list[Reminder]) -> tuple[ReminderService, FakeScheduler]:
    scheduler = FakeScheduler()
    return ReminderService(journal, shown.append, scheduler), scheduler


def kinds(reminders) -> list[str]:
    return [r.kind.value for r in reminders]


def test_plans_the_day_and_shows_nothing_early(qtbot: QtBot, journal) -> None:
    shown: list[Reminder] = []
    journal.clock.instant = berlin("2026-11-25T16:00")
    reminders, scheduler = service(journal, shown)
    reminders.start()
    assert shown == []
    assert kinds(scheduler.plan)[:3] == ["wrap_up", "end_of_shift", "overtime"]
    reminders.shutdown()


def test_a_due_reminder_is_shown_once_even_after_a_restart(qtbot: QtBot, journal) -> None:
    shown: list[Reminder] = []
    journal.clock.instant = berlin("2026-11-25T16:00")
    reminders, scheduler = service(journal, shown)
    reminders.start()
    wrap_up = scheduler.plan[0]
    journal.clock.instant = wrap_up.at
    scheduler.due.emit(wrap_up)
    assert shown == [wrap_up]
    again, scheduler2 = service(journal, shown)
    again.rebuild()
    assert shown == [wrap_up]
    assert wrap_up.key not in [r.key for r in scheduler2.plan]


def test_after_sleep_one_catch_up_per_kind_within_grace(qtbot: QtBot, journal) -> None:
    shown: list[Reminder] = []
    journal.clock.instant = berlin("2026-11-25T16:00")
    first, _ = service(journal, shown)
    first.rebuild()
    # The laptop slept from 16:00 to 18:10: wrap-up (16:45, grace 15 min) is stale; end of
    # shift 17:00 (grace 2 h) and the overtime nudges 17:30 and 18:00 were missed.
    journal.clock.instant = berlin("2026-11-25T18:10")
    after, scheduler = service(journal, shown)
    after.rebuild()
    assert kinds(shown) == ["end_of_shift", "overtime"]
    assert shown[1].at == berlin("2026-11-25T18:00")
    assert all(r.at > journal.clock.now() for r in scheduler.plan)
    after.rebuild()
    assert len(shown) == 2  # no second burst


def test_a_long_sleep_brings_back_only_what_still_matters(qtbot: QtBot, journal) -> None:
    shown: list[Reminder] = []
    journal.clock.instant = berlin("2026-11-25T16:00")
    service(journal, shown)[0].rebuild()
    journal.clock.instant = berlin("2026-11-26T02:00")
    service(journal, shown)[0].rebuild()
    assert kinds(shown) == ["forgot_clock_out"]


def test_snooze_moves_the_end_of_shift_reminder(qtbot: QtBot, journal) -> None:
    shown: list[Reminder] = []
    journal.clock.instant = berlin("2026-11-25T17:00")
    reminders, scheduler = service(journal, shown)
    reminders.rebuild()
    assert kinds(shown) == ["end_of_shift"]
    journal.clock.instant = berlin("2026-11-25T17:01")
    assert journal.snooze_reminders() == berlin("2026-11-25T17:16")
    reminders.rebuild()  # as the app does after every change
    tonight = berlin("2026-11-25T23:59")
    again = [r for r in scheduler.plan if r.kind is ReminderKind.END_OF_SHIFT and r.at < tonight]
    assert [r.at for r in again] == [berlin("2026-11-25T17:16")]


def test_a_jump_of_the_wall_clock_replans(qtbot: QtBot, journal, monkeypatch) -> None:
    shown: list[Reminder] = []
    journal.clock.instant = berlin("2026-11-25T16:00")
    reminders, _ = service(journal, shown)
    clocks = iter([(1000.0, 50.0), (1000.0 + 7200, 50.0 + 60)])  # 2 h of wall, 1 min awake
    monkeypatch.setattr(ReminderService, "_clocks", staticmethod(lambda: next(clocks)))
    reminders = ReminderService(journal, shown.append, FakeScheduler())
    reminders.rebuild()
    journal.clock.instant = berlin("2026-11-25T18:00")
    reminders.check_clock()
    assert kinds(shown) == ["end_of_shift", "overtime"]


def test_ending_the_shift_stops_the_nudges(qtbot: QtBot, journal) -> None:
    shown: list[Reminder] = []
    journal.clock.instant = berlin("2026-11-25T16:50")
    reminders, scheduler = service(journal, shown)
    reminders.rebuild()
    journal.end_shift()
    reminders.rebuild()
    assert not {ReminderKind.OVERTIME, ReminderKind.FORGOT_CLOCK_OUT} & {
        r.kind for r in scheduler.plan
    }


def test_a_shift_clocked_in_early_still_gets_its_overtime_nudges(qtbot: QtBot, journal) -> None:
    """Clocked in at 08:50, before the window starts: at that moment the shift belongs to no
    scheduled window yet; the plan is made again as reminders come due, and then it does."""
    journal.clock.instant = berlin("2026-11-25T17:00")
    journal.end_shift()
    journal.clock.instant = berlin("2026-11-26T08:50")
    journal.start_shift()
    shown: list[Reminder] = []
    reminders, scheduler = service(journal, shown)
    reminders.start()
    wrap_up = next(r for r in scheduler.plan if r.kind is ReminderKind.WRAP_UP)
    journal.clock.instant = wrap_up.at
    scheduler.due.emit(wrap_up)
    assert shown == [wrap_up]
    overtime = [r.at for r in scheduler.plan if r.kind is ReminderKind.OVERTIME]
    assert overtime[:2] == [berlin("2026-11-26T17:30"), berlin("2026-11-26T18:00")]
    reminders.shutdown()
