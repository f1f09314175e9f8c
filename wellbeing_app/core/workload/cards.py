"""The dashboard's cards in words: each figure for the period, what it is out of, and how it
changed against the previous period of equal length. Qt-free; the window only lays them out."""

from __future__ import annotations

from dataclasses import dataclass

from wellbeing_app.core.workload.coverage import SET_HOURS_IN_APP, Unstated, unstated_for
from wellbeing_app.core.workload.figures import BY_KEY, Figure, average_text
from wellbeing_app.core.workload.loads import Totals, Workload

# An after-hours card of a period without working hours: a dash, and how to set them.
HOURS_NOT_SET_DETAIL = f"Working hours are not set. {SET_HOURS_IN_APP}."


@dataclass(frozen=True)
class Card:
    title: str
    value: str
    detail: str = ""
    change: str = ""  # e.g. "+6.50 h on the previous period"
    worse: bool | None = None  # True when the change means the job is taking more


def percent(share: float | None) -> str:
    return "–" if share is None else f"{share * 100:.0f}%"


def against_advice_share(t: Totals) -> str:
    """The incidents card's line on those that followed decisions made against the user's
    advice (the user's own view: always shown when there are any), e.g. ``4 of 9 after
    decisions you advised against``; "" when none did."""
    if not t.incidents_against_advice:
        return ""
    return f"\n{t.incidents_against_advice} of {t.incidents} after decisions you advised against"


def change(figure: Figure, now: float, before: float) -> tuple[str, bool | None]:
    """The change in words, as the figures shown differ (each rounded by its figure's rule), and
    whether it means the job took more (None: no change)."""
    delta = figure.difference(now, before)
    if delta == 0:
        return "same as the previous period", None
    return f"{figure.change_text(now, before)} on the previous period", delta > 0


def cards(workload: Workload, previous: Totals, disconnect_streak: int) -> list[Card]:
    t = workload.totals
    severity = workload.incidents_by_severity
    severe = severity.get(4, 0) + severity.get(5, 0)
    wellbeing = workload.wellbeing
    latest = wellbeing.latest_who5
    coverage = workload.coverage

    def shown(key: str) -> str:
        figure = BY_KEY[key]
        return figure.text(figure.of(t))

    def compared(key: str, detail: str) -> Card:
        """The card of one figure (``figures.FIGURES``), titled by its label, with its change;
        for a figure counted against working hours in a period without them, a dash and how to
        set them."""
        figure = BY_KEY[key]
        reason = unstated_for(figure, coverage)
        if reason is Unstated.HOURS_NOT_SET:
            return Card(figure.label, "–", HOURS_NOT_SET_DETAIL)
        if reason is not None:
            return Card(figure.label, shown(key), detail, reason.value)
        words, worse = change(figure, figure.of(t), figure.of(previous))
        return Card(figure.label, shown(key), detail, words, worse)

    scheduled = (
        f"of {shown('hours_scheduled')} scheduled" if coverage.hours_set else "no working hours set"
    )
    reached = (
        Card(
            "Evenings and days off reached",
            f"{percent(t.evening_share)} · {percent(t.days_off_share)}",
            f"{t.evenings_with_contact} of {t.workdays} workday "
            f"evening{'s' if t.workdays != 1 else ''}, "
            f"{t.days_off_with_contact} of {t.days_off} day{'s' if t.days_off != 1 else ''} off",
        )
        if coverage.hours_set
        else Card("Evenings and days off reached", "–", HOURS_NOT_SET_DETAIL)
    )
    return [
        compared("hours_worked", scheduled),
        compared("overtime_hours", "worked beyond each day's schedule"),
        compared("after_hours_pings", f"{shown('after_hours_minutes')} min spent responding"),
        reached,
        compared("oncall_pings", "counted apart from after hours"),
        compared(
            "incidents",
            f"{severe} severe (4–5) · by severity 1–5: "
            + " · ".join(str(severity.get(s, 0)) for s in range(1, 6))
            + against_advice_share(t),
        ),
        Card(
            "Disconnect streak",
            f"{disconnect_streak} workday{'s' if disconnect_streak != 1 else ''}",
            "ended on time, no after-hours replies",
        ),
        Card(
            "Latest WHO-5",
            f"{latest.score} / 100" if latest else "–",
            f"on {latest.day:%-d %b %Y}" if latest else "no check-in yet",
        ),
        Card(
            "Mood · stress",
            f"{average_text(wellbeing.mood_average)} / 5 · "
            f"{average_text(wellbeing.stress_average)} / 10",
            f"averaged over {wellbeing.reflection_days} reflection"
            f"{'s' if wellbeing.reflection_days != 1 else ''}",
        ),
    ]
