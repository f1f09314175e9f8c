"""The dashboard's cards say each figure, what it is out of, and its change in words."""

from __future__ import annotations

from datetime import date

from wellbeing_app.core.time.periods import Period
from wellbeing_app.core.workload.cards import Card, cards, change
from wellbeing_app.core.workload.loads import Totals, Wellbeing, Who5Point, Workload

PERIOD = Period(date(2026, 11, 2), date(2026, 11, 29))


def a_workload(totals: Totals, wellbeing: Wellbeing | None = None) -> Workload:
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
    )


def by_title(found: list[Card]) -> dict[str, Card]:
    return {c.title: c for c in found}


def test_changes_are_written_out_and_more_work_is_marked_worse() -> None:
    assert change(12.5, 10.0, " h") == ("+2.5 h on the previous period", True)
    assert change(3, 5) == ("-2 on the previous period", False)
    assert change(4.0, 4.0, " h") == ("same as the previous period", None)


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
    assert (hours.value, hours.detail) == ("165.2 h", "of 160.0 h scheduled")
    assert (hours.change, hours.worse) == ("+5.2 h on the previous period", True)
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


def test_cards_with_nothing_logged_show_dashes_not_zero_divisions() -> None:
    found = by_title(cards(a_workload(Totals()), Totals(), disconnect_streak=0))
    assert found["Evenings and days off reached"].value == "– · –"
    assert found["Mood · stress"].value == "– / 5 · – / 10"
    assert found["Disconnect streak"].value == "0 workdays"
