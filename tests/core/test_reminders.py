"""The reminder planner: what is said when, across DST, midnight, days off, on call, quiet
hours, snoozes and restarts. Pure functions, an injected 'now', no clock, no sleeping."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from wellbeing_app.core.reminders.planner import (
    RecentEvents,
    ReminderKind,
    ReminderSettings,
    catch_up,
    plan_reminders,
)
from wellbeing_app.core.schedule.weekly import Interval, ScheduleBook, WeeklySchedule, Window

BERLIN = "Europe/Berlin"
K = ReminderKind


def local(text: str, zone: str = BERLIN) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)


def weekdays(start: int, end: int, zone: str = BERLIN, days=range(5)) -> ScheduleBook:
    windows = tuple(Window(d, start * 60, end * 60) for d in days)
    return ScheduleBook([WeeklySchedule(date(2026, 1, 1), zone, windows)], [])


def kinds_at(plan, zone: str = BERLIN) -> list[tuple[str, str]]:
    return [(r.kind.value, f"{r.at.astimezone(ZoneInfo(zone)):%a %H:%M}") for r in plan]


QUIET_OFF = ReminderSettings(who5=False, quiet_hours=False, evening_reflection=False)


def test_a_working_day_with_the_shift_running() -> None:
    now = local("2026-11-25T10:00")  # a Wednesday
    plan = plan_reminders(
        weekdays(9, 17),
        local("2026-11-25T08:55"),
        ReminderSettings(who5=False),
        RecentEvents(),
        now,
        BERLIN,
    )
    assert kinds_at(plan) == [
        ("wrap_up", "Wed 16:45"),
        ("end_of_shift", "Wed 17:00"),
        ("overtime", "Wed 17:30"),
        ("overtime", "Wed 18:00"),
        ("overtime", "Wed 19:00"),
        ("forgot_clock_out", "Wed 20:00"),
        ("evening_reflection", "Wed 21:00"),
    ]
    end = next(r for r in plan if r.kind is K.END_OF_SHIFT)
    assert end.actions == ("end_shift", "snooze", "on_call")
    assert "17:00" in end.text


def test_clocking_in_just_before_the_window_still_gets_its_nudges() -> None:
    # Planned at 08:56, before the 09:00 window has begun: the shift belongs to it.
    now = local("2026-11-25T08:56")
    plan = plan_reminders(
        weekdays(9, 17), local("2026-11-25T08:55"), QUIET_OFF, RecentEvents(), now, BERLIN
    )
    assert [at for kind, at in kinds_at(plan) if kind == "overtime"] == [
        "Wed 17:30",
        "Wed 18:00",
        "Wed 19:00",
    ]
    assert ("forgot_clock_out", "Wed 20:00") in kinds_at(plan)


def test_a_shift_hours_before_any_window_belongs_to_none() -> None:
    now = local("2026-11-25T05:01")
    plan = plan_reminders(
        weekdays(9, 17), local("2026-11-25T05:00"), QUIET_OFF, RecentEvents(), now, BERLIN
    )
    assert [kind for kind, _ in kinds_at(plan) if kind == "overtime"] == []


def test_overtime_nudges_stop_at_four_a_day() -> None:
    settings = ReminderSettings(
        who5=False, quiet_hours=False, forgot_clock_out=False, evening_reflection=False
    )
    now = local("2026-11-25T12:00")
    plan = plan_reminders(
        weekdays(9, 17), local("2026-11-25T09:00"), settings, RecentEvents(), now, BERLIN
    )
    overtime = [r for r in plan if r.kind is K.OVERTIME]
    assert [f"{r.at.astimezone(ZoneInfo(BERLIN)):%H:%M}" for r in overtime] == [
        "17:30",
        "18:00",
        "19:00",
        "20:00",
    ]


def test_no_shift_running_means_no_overtime_or_forgot_question() -> None:
    now = local("2026-11-25T10:00")
    plan = plan_reminders(weekdays(9, 17), None, QUIET_OFF, RecentEvents(), now, BERLIN)
    assert [k for k, _ in kinds_at(plan)] == ["wrap_up", "end_of_shift"]


def test_clocked_out_early_means_no_end_of_day_reminders() -> None:
    now = local("2026-11-25T15:30")
    left = RecentEvents(
        recent_shifts=(Interval(local("2026-11-25T09:00"), local("2026-11-25T15:00")),)
    )
    assert plan_reminders(weekdays(9, 17), None, QUIET_OFF, left, now, BERLIN) == []


def test_late_shift_across_midnight() -> None:
    book = weekdays(22, 6, days=[4])  # Friday 22:00 to Saturday 06:00
    now = local("2026-11-27T23:00")
    plan = plan_reminders(book, local("2026-11-27T21:55"), QUIET_OFF, RecentEvents(), now, BERLIN)
    assert kinds_at(plan)[:3] == [
        ("wrap_up", "Sat 05:45"),
        ("end_of_shift", "Sat 06:00"),
        ("overtime", "Sat 06:30"),
    ]


def test_window_keeps_local_hours_across_spring_forward() -> None:
    # Sunday 2026-03-29: clocks go 02:00 -> 03:00 in Berlin. A Sunday 09-17 window still ends 17:00.
    book = weekdays(9, 17, days=[6])
    now = local("2026-03-29T10:00")
    plan = plan_reminders(book, local("2026-03-29T09:00"), QUIET_OFF, RecentEvents(), now, BERLIN)
    end = next(r for r in plan if r.kind is K.END_OF_SHIFT)
    assert end.at == datetime(2026, 3, 29, 15, 0, tzinfo=UTC)  # 17:00 CEST


def test_night_window_over_fall_back_lasts_an_hour_longer() -> None:
    # Saturday 2026-10-24 22:00 to Sunday 06:00 over the fall-back night is 9 hours long.
    book = weekdays(22, 6, days=[5])
    now = local("2026-10-24T23:00")
    plan = plan_reminders(book, local("2026-10-24T22:00"), QUIET_OFF, RecentEvents(), now, BERLIN)
    end = next(r for r in plan if r.kind is K.END_OF_SHIFT)
    assert end.at - local("2026-10-24T22:00") == timedelta(hours=9)
    assert kinds_at([end]) == [("end_of_shift", "Sun 06:00")]


def test_days_off_have_no_work_reminders() -> None:
    book = weekdays(9, 17)
    book.days_off.append((date(2026, 11, 25), date(2026, 11, 25)))
    now = local("2026-11-25T08:00")
    assert plan_reminders(book, None, QUIET_OFF, RecentEvents(), now, BERLIN) == []


def test_on_call_silences_work_reminders_but_not_the_evening() -> None:
    book = weekdays(9, 17)
    book.on_call.append(Interval(local("2026-11-25T16:30"), local("2026-11-25T18:30")))
    settings = ReminderSettings(who5=False, quiet_hours=False, forgot_clock_out=False)
    now = local("2026-11-25T16:00")
    plan = plan_reminders(book, local("2026-11-25T09:00"), settings, RecentEvents(), now, BERLIN)
    today = [k for k in kinds_at(plan) if k[1].startswith("Wed")]
    # Wrap-up, end of shift and the 17:30 and 18:00 nudges fall inside on call; after it ends,
    # the shift is still running, so the later nudges come.
    assert today == [
        ("overtime", "Wed 19:00"),
        ("overtime", "Wed 20:00"),
        ("evening_reflection", "Wed 21:00"),
    ]


def test_quiet_hours_always_win() -> None:
    book = weekdays(14, 22, days=range(7))  # a late shift ending inside quiet hours (22:00-07:00)
    now = local("2026-11-25T15:00")
    plan = plan_reminders(
        book, local("2026-11-25T14:00"), ReminderSettings(who5=False), RecentEvents(), now, BERLIN
    )
    for reminder in plan:
        hour = reminder.at.astimezone(ZoneInfo(BERLIN)).hour
        assert 7 <= hour < 22, kinds_at([reminder])
    assert ("wrap_up", "Wed 21:45") in kinds_at(plan)
    assert ("end_of_shift", "Wed 22:00") not in kinds_at(plan)


def test_quiet_hours_follow_a_zone_change() -> None:
    book = weekdays(9, 17, zone=BERLIN)
    now = local("2026-11-25T10:00")
    settings = ReminderSettings(who5=False, evening_time="21:30")
    in_berlin = plan_reminders(book, None, settings, RecentEvents(), now, BERLIN)
    in_new_york = plan_reminders(book, None, settings, RecentEvents(), now, "America/New_York")
    # 21:30 in New York is inside nobody's quiet hours there; 21:30 Berlin is fine too.
    assert K.EVENING_REFLECTION in [r.kind for r in in_berlin]
    evening_ny = [r for r in in_new_york if r.kind is K.EVENING_REFLECTION]
    assert [f"{r.at.astimezone(ZoneInfo('America/New_York')):%H:%M}" for r in evening_ny] == [
        "21:30"
    ]
    # The Berlin 17:00 end of shift is 11:00 in New York: not quiet there either.
    assert K.END_OF_SHIFT in [r.kind for r in in_new_york]


def test_snooze_moves_the_end_of_shift_reminder() -> None:
    now = local("2026-11-25T17:01")
    snoozed = RecentEvents(snoozed_until=local("2026-11-25T17:15"))
    plan = plan_reminders(
        weekdays(9, 17), local("2026-11-25T09:00"), QUIET_OFF, snoozed, now, BERLIN
    )
    assert ("end_of_shift", "Wed 17:15") in kinds_at(plan)


def test_delivered_reminders_are_not_planned_again() -> None:
    now = local("2026-11-25T10:00")
    first = plan_reminders(weekdays(9, 17), None, QUIET_OFF, RecentEvents(), now, BERLIN)
    done = RecentEvents(delivered=frozenset(r.key for r in first if r.kind is K.WRAP_UP))
    again = plan_reminders(weekdays(9, 17), None, QUIET_OFF, done, now, BERLIN)
    assert [r.kind for r in again] == [K.END_OF_SHIFT]


def test_after_hours_word_once_an_evening() -> None:
    settings = ReminderSettings(who5=False, quiet_hours=False, evening_reflection=False)
    ping = local("2026-11-25T19:40")
    now = local("2026-11-25T19:41")
    events = RecentEvents(last_after_hours_ping=ping)
    plan = plan_reminders(weekdays(9, 17), None, settings, events, now, BERLIN, since=ping)
    [word] = [r for r in plan if r.kind is K.AFTER_HOURS_PING]
    assert word.kind is K.AFTER_HOURS_PING and word.at == ping
    given = RecentEvents(
        last_after_hours_ping=local("2026-11-26T00:30"), after_hours_word_given=ping
    )
    later = plan_reminders(
        weekdays(9, 17),
        None,
        settings,
        given,
        local("2026-11-26T00:31"),
        BERLIN,
        since=local("2026-11-26T00:30"),
    )
    # 00:30 still belongs to the same evening: no second word.
    assert [r for r in later if r.kind is K.AFTER_HOURS_PING] == []


def test_restart_after_sleep_catches_up_once_per_kind_within_grace() -> None:
    # Asleep from 16:00 to 17:40 with a shift running: wrap-up 16:45, end 17:00 and an
    # overtime nudge at 17:30 were missed.
    since, now = local("2026-11-25T16:00"), local("2026-11-25T17:40")
    plan = plan_reminders(
        weekdays(9, 17),
        local("2026-11-25T09:00"),
        QUIET_OFF,
        RecentEvents(),
        now,
        BERLIN,
        since=since,
    )
    assert kinds_at(catch_up(plan, now)) == [
        ("end_of_shift", "Wed 17:00"),
        ("overtime", "Wed 17:30"),
    ]
    # Woken much later: nothing is still within its grace but the forgot-to-clock-out question.
    late = local("2026-11-26T03:00")
    plan = plan_reminders(
        weekdays(9, 17),
        local("2026-11-25T09:00"),
        QUIET_OFF,
        RecentEvents(),
        late,
        BERLIN,
        since=since,
    )
    assert [k for k, _ in kinds_at(catch_up(plan, late))] == ["forgot_clock_out"]


def test_a_shift_outside_the_schedule_is_asked_about_after_twelve_hours() -> None:
    now = local("2026-11-28T12:00")  # Saturday, no window
    plan = plan_reminders(
        weekdays(9, 17), local("2026-11-28T10:00"), QUIET_OFF, RecentEvents(), now, BERLIN
    )
    assert kinds_at(plan) == [("forgot_clock_out", "Sat 22:00")]
    assert plan[0].actions == ("end_shift",)


def test_settings_turn_reminders_off_and_retime_them() -> None:
    settings = ReminderSettings(
        who5=False,
        wrap_up_minutes=30,
        overtime=False,
        forgot_clock_out=False,
        evening_reflection=False,
        quiet_hours=False,
    )
    now = local("2026-11-25T10:00")
    plan = plan_reminders(
        weekdays(9, 17), local("2026-11-25T09:00"), settings, RecentEvents(), now, BERLIN
    )
    assert kinds_at(plan) == [("wrap_up", "Wed 16:30"), ("end_of_shift", "Wed 17:00")]


def test_settings_survive_a_round_trip_and_ignore_junk() -> None:
    settings = ReminderSettings(who5=False, wrap_up_minutes=20, quiet_start="23:00")
    assert ReminderSettings.from_json(settings.to_json()) == settings
    assert (
        ReminderSettings.from_json({"wrap_up_minutes": "many", "nonsense": 1}) == ReminderSettings()
    )
    assert ReminderSettings.from_json(None) == ReminderSettings()


def test_the_who5_check_comes_every_two_weeks_before_the_evening_prompt() -> None:
    settings = ReminderSettings(quiet_hours=False, wrap_up=False, end_of_shift=False)
    now = local("2026-11-25T10:00")
    first = plan_reminders(weekdays(9, 17), None, settings, RecentEvents(), now, BERLIN)
    assert ("who5_checkin", "Wed 20:30") in kinds_at(first)
    recent = RecentEvents(last_checkin=date(2026, 11, 12))  # 13 days ago: due tomorrow
    tomorrow = plan_reminders(weekdays(9, 17), None, settings, recent, now, BERLIN)
    assert [k for k in kinds_at(tomorrow) if k[0] == "who5_checkin"] == []
    later = plan_reminders(
        weekdays(9, 17), None, settings, recent, local("2026-11-26T10:00"), BERLIN
    )
    assert ("who5_checkin", "Thu 20:30") in kinds_at(later)
    off = ReminderSettings(quiet_hours=False, who5=False)
    assert K.WHO5_CHECKIN not in [
        r.kind for r in plan_reminders(weekdays(9, 17), None, off, RecentEvents(), now, BERLIN)
    ]
