"""The dashboard's cards say each figure, what it is out of, and its change in words."""

from __future__ import annotations

from datetime import date

from wellbeing_app.core.time.periods import Period
from wellbeing_app.core.workload.cards import HOURS_NOT_SET_DETAIL, Card, cards, change
from wellbeing_app.core.workload.figures import BY_KEY
from wellbeing_app.core.workload.loads import Coverage, Totals, Wellbeing, Who5Point, Workload

PERIOD = Period(date(2026, 11, 2), date(2026, 11, 29))  # the previous: 5 Oct - 1 Nov
AFTER_HOURS_CARDS = ("Overtime", "After-hours pings", "Evenings and days off reached")


def a_workload(
    totals: Totals, wellbeing: Wellbeing | None = None, coverage: Coverage | None = None
) -> Workload:
    return Workload(
        period=PERIOD,
        zone="Europe/Berlin",
        totals=totals,
        days=[],
        weeks=[],
        by_source={},
        incidents_by_category={},
        incidents_by_severity={1: 2, 2: 0, 3: 1, 4: 1, 5: 1},
        contact_heatmap=[[0] * 24 for _ in range(7)],
        wellbeing=wellbeing or Wellbeing(),
        coverage=coverage or Coverage.settled(PERIOD),
    )


def by_title(found: list[Card]) -> dict[str, Card]:
    return {c.title: c for c in found}


def test_changes_are_written_out_and_more_work_is_marked_worse() -> None:
    hours, incidents = BY_KEY["hours_worked"], BY_KEY["incidents"]
    assert change(hours, 12.5, 10.0) == ("+2.50 h on the previous period", True)
    assert change(incidents, 3, 5) == ("-2 on the previous period", False)
    assert change(hours, 4.0, 4.0) == ("same as the previous period", None)
    # The change is that of the figures shown: 13.745 h shows as 13.75 h, 13.74 h as 13.74 h.
    assert change(hours, 13.745, 13.74) == ("+0.01 h on the previous period", True)
    assert change(hours, 13.7449, 13.74) == ("same as the previous period", None)


def test_cards_for_a_period() -> None:
    totals = Totals(
        hours_worked=165.25,
        hours_scheduled=160,
        overtime_hours=9.5,
        after_hours_pings=37,
        after_hours_minutes=124,
        workdays=20,
        evenings_with_contact=9,
        days_off=8,
        days_off_with_contact=2,
        oncall_pings=4,
        incidents=5,
    )
    wellbeing = Wellbeing(
        mood_average=3.44,
        stress_average=5.0,
        reflection_days=18,
        latest_who5=Who5Point(date(2026, 11, 20), 64),
    )
    previous = Totals(hours_worked=160.0, after_hours_pings=40, incidents=5)
    found = by_title(cards(a_workload(totals, wellbeing), previous, disconnect_streak=1))

    hours = found["Hours worked"]
    # Hours to 2 decimals, as every summary shows them (it was "165.2 h" against 165.25 there).
    assert (hours.value, hours.detail) == ("165.25 h", "of 160.00 h scheduled")
    assert (hours.change, hours.worse) == ("+5.25 h on the previous period", True)
    assert found["After-hours pings"].change == "-3 on the previous period"
    assert found["After-hours pings"].worse is False
    assert found["After-hours pings"].detail == "124 min spent responding"
    reached = found["Evenings and days off reached"]
    assert reached.value == "45% · 25%"
    assert reached.detail == "9 of 20 workday evenings, 2 of 8 days off"
    assert found["Incidents"].detail == "2 severe (4–5) · by severity 1–5: 2 · 0 · 1 · 1 · 1"
    assert found["Incidents"].worse is None
    assert found["Disconnect streak"].value == "1 workday"
    assert found["Latest WHO-5"].value == "64 / 100"
    assert found["Latest WHO-5"].detail == "on 20 Nov 2026"
    assert found["Mood · stress"].value == "3.4 / 5 · 5.0 / 10"
    assert found["Mood · stress"].detail == "averaged over 18 reflections"


def test_counts_of_one_are_singular() -> None:
    totals = Totals(workdays=1, evenings_with_contact=1, days_off=1, days_off_with_contact=0)
    found = by_title(cards(a_workload(totals, Wellbeing(reflection_days=1)), Totals(), 1))
    assert found["Evenings and days off reached"].detail == "1 of 1 workday evening, 0 of 1 day off"
    assert found["Mood · stress"].detail == "averaged over 1 reflection"
    assert found["Disconnect streak"].value == "1 workday"


def test_cards_with_nothing_logged_show_dashes_not_zero_divisions() -> None:
    found = by_title(cards(a_workload(Totals()), Totals(), disconnect_streak=0))
    assert found["Evenings and days off reached"].value == "– · –"
    assert found["Mood · stress"].value == "– / 5 · – / 10"
    assert found["Disconnect streak"].value == "0 workdays"


def test_a_previous_period_before_the_first_record_is_no_baseline() -> None:
    """A new user's first weeks: no change from zero, in words or in colour."""
    first_weeks = Coverage(PERIOD, date(2026, 11, 2), 28, first_record=date(2026, 11, 3))
    totals = Totals(hours_worked=48.0, hours_scheduled=40.0, overtime_hours=8.0, incidents=2)
    found = by_title(cards(a_workload(totals, coverage=first_weeks), Totals(), 0))
    for title in ("Hours worked", "Overtime", "After-hours pings", "On-call pings", "Incidents"):
        assert found[title].change == "no earlier data to compare", title
        assert found[title].worse is None, title
    assert found["Hours worked"].value == "48.00 h"


def test_a_record_on_the_previous_periods_last_day_is_a_baseline() -> None:
    coverage = Coverage(PERIOD, date(2026, 1, 5), 28, first_record=date(2026, 11, 1))
    totals = Totals(hours_worked=48.0)
    found = by_title(cards(a_workload(totals, coverage=coverage), Totals(hours_worked=8.0), 0))
    assert found["Hours worked"].change == "+40.00 h on the previous period"
    assert found["Hours worked"].worse is True


def test_without_working_hours_the_after_hours_cards_say_so_and_how_to_set_them() -> None:
    unset = Coverage(PERIOD, None, 0, first_record=date(2026, 1, 5))
    totals = Totals(hours_worked=48.0, incidents=1)
    found = by_title(cards(a_workload(totals, coverage=unset), Totals(hours_worked=40.0), 0))
    for title in AFTER_HOURS_CARDS:
        assert (found[title].value, found[title].change) == ("–", ""), title
        assert found[title].detail == HOURS_NOT_SET_DETAIL, title
        assert found[title].worse is None
    assert "Settings…" in HOURS_NOT_SET_DETAIL
    assert HOURS_NOT_SET_DETAIL.startswith("Working hours are not set.")
    # Hours worked and incidents mean the same without a schedule: they still compare.
    assert found["Hours worked"].detail == "no working hours set"
    assert found["Hours worked"].change == "+8.00 h on the previous period"
    assert found["Incidents"].change == "+1 on the previous period"


def test_working_hours_set_within_the_period_compare_only_what_needs_none() -> None:
    """After-hours figures from zero in a previous period without working hours mean nothing."""
    coverage = Coverage(PERIOD, date(2026, 11, 18), 12, first_record=date(2026, 9, 1))
    totals = Totals(hours_worked=150.0, overtime_hours=6.0, after_hours_pings=7)
    found = by_title(cards(a_workload(totals, coverage=coverage), Totals(hours_worked=120.0), 0))
    for title in ("Overtime", "After-hours pings"):
        assert found[title].change == "working hours not set then", title
        assert found[title].worse is None
    assert found["After-hours pings"].value == "7"
    assert found["Hours worked"].change == "+30.00 h on the previous period"


def test_the_incident_card_says_how_many_followed_decisions_against_advice() -> None:
    found = by_title(
        cards(a_workload(Totals(incidents=9, incidents_against_advice=4)), Totals(), 0)
    )
    assert found["Incidents"].detail.splitlines() == [
        "2 severe (4–5) · by severity 1–5: 2 · 0 · 1 · 1 · 1",
        "4 of 9 after decisions you advised against",
    ]
    plain = by_title(cards(a_workload(Totals(incidents=9)), Totals(), 0))
    assert "advised" not in plain["Incidents"].detail
