"""The dashboard's cards in words: each figure for the period, what it is out of, and how it
changed against the previous period of equal length. Qt-free; the window only lays them out."""

from __future__ import annotations

from dataclasses import dataclass

from wellbeing_app.core.workload.figures import BY_KEY
from wellbeing_app.core.workload.loads import Totals, Workload


@dataclass(frozen=True)
class Card:
    title: str
    value: str
    detail: str = ""
    change: str = ""  # e.g. "+6.5 h on the previous period"
    worse: bool | None = None  # True when the change means the job is taking more


def hours(value: float) -> str:
    return f"{value:,.1f} h"


def percent(share: float | None) -> str:
    return "–" if share is None else f"{share * 100:.0f}%"


def change(now: float, before: float, unit: str = "") -> tuple[str, bool | None]:
    """The change in words, and whether it means the job took more (None: no change)."""
    delta = now - before
    if abs(delta) < 0.05:
        return "same as the previous period", None
    number = f"{delta:+,.1f}" if unit == " h" else f"{delta:+,.0f}"
    return f"{number}{unit} on the previous period", delta > 0


def cards(workload: Workload, previous: Totals, disconnect_streak: int) -> list[Card]:
    t = workload.totals
    severity = workload.incidents_by_severity
    severe = severity.get(4, 0) + severity.get(5, 0)
    wellbeing = workload.wellbeing
    latest = wellbeing.latest_who5

    def compared(key: str, value: str, detail: str) -> Card:
        """The card of one figure (``figures.FIGURES``), titled by its label, with its change."""
        figure = BY_KEY[key]
        words, worse = change(figure.of(t), figure.of(previous), figure.unit.suffix)
        return Card(figure.label, value, detail, words, worse)

    return [
        compared("hours_worked", hours(t.hours_worked), f"of {hours(t.hours_scheduled)} scheduled"),
        compared("overtime_hours", hours(t.overtime_hours), "worked beyond each day's schedule"),
        compared(
            "after_hours_pings",
            f"{t.after_hours_pings:,}",
            f"{t.after_hours_minutes:,} min spent responding",
        ),
        Card(
            "Evenings and days off reached",
            f"{percent(t.evening_share)} · {percent(t.days_off_share)}",
            f"{t.evenings_with_contact} of {t.workdays} workday evenings, "
            f"{t.days_off_with_contact} of {t.days_off} days off",
        ),
        compared("oncall_pings", f"{t.oncall_pings:,}", "counted apart from after hours"),
        compared(
            "incidents",
            f"{t.incidents:,}",
            f"{severe} severe (4–5) · by severity 1–5: "
            + " · ".join(str(severity.get(s, 0)) for s in range(1, 6)),
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
            f"{_average(wellbeing.mood_average)} / 5 · {_average(wellbeing.stress_average)} / 10",
            f"averaged over {wellbeing.reflection_days} reflection"
            f"{'s' if wellbeing.reflection_days != 1 else ''}",
        ),
    ]


def _average(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"
