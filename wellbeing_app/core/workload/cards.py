"""The dashboard's cards in words: each figure for the period, what it is out of, and how it
changed against the previous period of equal length. Qt-free; the window only lays them out."""

from __future__ import annotations

from dataclasses import dataclass

from wellbeing_app.core.language import N_, _, formats, ngettext
from wellbeing_app.core.workload.coverage import Unstated, day_text, unstated_for
from wellbeing_app.core.workload.figures import BY_KEY, Figure, average_text
from wellbeing_app.core.workload.loads import Totals, Workload

# An after-hours card of a period without working hours: a dash, and how to set them.
HOURS_NOT_SET_DETAIL = N_("Working hours are not set. Set them in Settings… in the tray.")
REACHED = N_("Evenings and days off reached")


@dataclass(frozen=True)
class Card:
    title: str
    value: str
    detail: str = ""
    change: str = ""  # e.g. "+6.50 h on the previous period"
    worse: bool | None = None  # True when the change means the job is taking more


def percent(share: float | None) -> str:
    return "–" if share is None else formats.percent(share)


def against_advice_share(t: Totals) -> str:
    """The incidents card's line on those that followed decisions made against the user's
    advice (the user's own view: always shown when there are any), e.g. ``4 of 9 after
    decisions you advised against``; "" when none did."""
    if not t.incidents_against_advice:
        return ""
    said = _("{count} of {total} after decisions you advised against").format(
        count=formats.number(t.incidents_against_advice), total=formats.number(t.incidents)
    )
    return f"\n{said}"


def change(figure: Figure, now: float, before: float) -> tuple[str, bool | None]:
    """The change in words, as the figures shown differ (each rounded by its figure's rule), and
    whether it means the job took more (None: no change)."""
    delta = figure.difference(now, before)
    if delta == 0:
        return _("same as the previous period"), None
    # TRANSLATORS: {change} is a signed figure, such as "+6.50 h" or "-3".
    said = _("{change} on the previous period").format(change=figure.change_text(now, before))
    return said, delta > 0


def reached(t: Totals) -> str:
    """``3 of 5 workday evenings, 1 of 2 days off``."""
    evenings = ngettext(
        "{count} of {total} workday evening", "{count} of {total} workday evenings", t.workdays
    ).format(count=formats.number(t.evenings_with_contact), total=formats.number(t.workdays))
    days_off = ngettext(
        "{count} of {total} day off", "{count} of {total} days off", t.days_off
    ).format(count=formats.number(t.days_off_with_contact), total=formats.number(t.days_off))
    return f"{evenings}, {days_off}"


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
        label = _(figure.label)
        reason = unstated_for(figure, coverage)
        if reason is Unstated.HOURS_NOT_SET:
            return Card(label, "–", _(HOURS_NOT_SET_DETAIL))
        if reason is not None:
            return Card(label, shown(key), detail, reason.said)
        words, worse = change(figure, figure.of(t), figure.of(previous))
        return Card(label, shown(key), detail, words, worse)

    scheduled = (
        _("of {hours} scheduled").format(hours=shown("hours_scheduled"))
        if coverage.hours_set
        else _("no working hours set")
    )
    evenings = (
        Card(
            _(REACHED),
            f"{percent(t.evening_share)} · {percent(t.days_off_share)}",
            reached(t),
        )
        if coverage.hours_set
        else Card(_(REACHED), "–", _(HOURS_NOT_SET_DETAIL))
    )
    by_severity = " · ".join(formats.number(severity.get(s, 0)) for s in range(1, 6))
    return [
        compared("hours_worked", scheduled),
        compared("overtime_hours", _("worked beyond each day's schedule")),
        compared(
            "after_hours_pings",
            _("{minutes} min spent responding").format(minutes=shown("after_hours_minutes")),
        ),
        evenings,
        compared("oncall_pings", _("counted apart from after hours")),
        compared(
            "incidents",
            # TRANSLATORS: {counts} are the incidents of each severity, 1 to 5: "0 · 2 · 1 · 0 · 1".
            _("{severe} severe (4–5) · by severity 1–5: {counts}").format(
                severe=formats.number(severe), counts=by_severity
            )
            + against_advice_share(t),
        ),
        Card(
            _("Disconnect streak"),
            ngettext("{count} workday", "{count} workdays", disconnect_streak).format(
                count=formats.number(disconnect_streak)
            ),
            _("ended on time, no after-hours replies"),
        ),
        Card(
            _("Latest WHO-5"),
            _("{score} / 100").format(score=latest.score) if latest else "–",
            _("on {date}").format(date=day_text(latest.day)) if latest else _("no check-in yet"),
        ),
        Card(
            _("Mood · stress"),
            _("{mood} / 5 · {stress} / 10").format(
                mood=average_text(wellbeing.mood_average),
                stress=average_text(wellbeing.stress_average),
            ),
            ngettext(
                "averaged over {count} reflection",
                "averaged over {count} reflections",
                wellbeing.reflection_days,
            ).format(count=formats.number(wellbeing.reflection_days)),
        ),
    ]
