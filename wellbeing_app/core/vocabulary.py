"""The app's words: every id the data and JSON use (ping sources, incident categories, weekdays,
severities, timings) and the one human label each is shown with, plus the few sentences that
several places say (the WHO-5 change). Ids stay in the database and in JSON; people see labels.

Nothing here imports anything of the app but its language: every layer, the UI, the CLI and the
exports take their words from this one place. Labels are marked ``N_`` (the language is chosen
after import) and the functions below give them in the language in use; the ids, the English
tables and the timing words as constants stay as they are.
"""

from __future__ import annotations

from enum import StrEnum

from wellbeing_app.core.language import N_, _, formats, ngettext


class PingSource(StrEnum):
    """The channels a work contact usually arrives through (any app name is also accepted)."""

    SLACK = "slack"
    TEAMS = "teams"
    EMAIL = "email"
    PHONE = "phone"
    SOCIAL_DM = "social_dm"
    SOCIAL_MENTION = "social_mention"
    OTHER = "other"


class IncidentCategory(StrEnum):
    """Kinds of stressful incident a social media manager absorbs for the brand."""

    HARASSMENT = "harassment"
    CRISIS = "crisis"
    CUSTOMER_ESCALATION = "customer_escalation"
    DISTRESSING_CONTENT = "distressing_content"
    THREATS = "threats"
    INTERNAL_PRESSURE = "internal_pressure"
    OTHER = "other"


# English labels (N_-marked: ``source_label`` and ``category_label`` give them translated).
# Slack and Teams are names, the same in every language.
SOURCE_LABELS: dict[str, str] = {
    PingSource.SLACK: "Slack",
    PingSource.TEAMS: "Teams",
    PingSource.EMAIL: N_("Email"),
    PingSource.PHONE: N_("Phone"),
    PingSource.SOCIAL_DM: N_("Social DM"),
    PingSource.SOCIAL_MENTION: N_("Social mention"),
    PingSource.OTHER: N_("Other"),
}
CATEGORY_LABELS: dict[str, str] = {
    IncidentCategory.HARASSMENT: N_("Harassment"),
    IncidentCategory.CRISIS: N_("Crisis"),
    IncidentCategory.CUSTOMER_ESCALATION: N_("Customer escalation"),
    IncidentCategory.DISTRESSING_CONTENT: N_("Distressing content"),
    IncidentCategory.THREATS: N_("Threats"),
    IncidentCategory.INTERNAL_PRESSURE: N_("Internal pressure"),
    IncidentCategory.OTHER: N_("Other"),
}

# Weekdays, Monday first (Python's weekday() numbers): ids as typed and stored in JSON, and the
# English short labels and full names; people see ``weekday_label`` and ``weekday_name``, in
# the language in use (``formats.weekday``).
WEEKDAY_IDS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_LABELS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

SEVERITIES = (1, 2, 3, 4, 5)
# English (N_-marked): ``severity_hint`` and ``severity_hints`` give them translated.
SEVERITY_HINTS = {
    1: N_("minor"),
    2: N_("unpleasant"),
    3: N_("hard"),
    4: N_("very hard"),
    5: N_("severe"),
}
SEVERE_FROM = 4  # severity 4 and 5 count as severe

# When a contact came, as the user would say it (derived, never typed, never in JSON: listings
# write after_hours, on_call and judged as booleans). ``timing_label`` gives them translated.
AFTER_HOURS = N_("after hours")
ON_CALL = N_("on call")
WORKING_HOURS = N_("working hours")
NOT_JUDGED = N_("not judged: no working hours set")


def source_label(source: str) -> str:
    """A known channel by its name (``social_dm`` -> ``Social DM``); another app's name as it
    came (``discord``)."""
    label = SOURCE_LABELS.get(source)
    return source if label is None else _(label)


def category_label(category: str) -> str:
    """``customer_escalation`` -> ``Customer escalation``; an unknown id made readable."""
    label = CATEGORY_LABELS.get(category)
    return category.replace("_", " ").capitalize() if label is None else _(label)


def weekday_label(weekday: int) -> str:
    """0 -> ``Mon`` (``pon.`` in Polish)."""
    return formats.weekday(weekday)


def weekday_name(weekday: int) -> str:
    """0 -> ``Monday`` (``poniedziałek`` in Polish)."""
    return formats.weekday(weekday, long=True)


def severity_hint(severity: int) -> str:
    """4 -> ``very hard``."""
    return _(SEVERITY_HINTS[severity])


def severity_hints() -> dict[int, str]:
    """Every severity with its hint, in the language in use."""
    return {level: _(hint) for level, hint in SEVERITY_HINTS.items()}


def timing_label(after_hours: bool, on_call: bool, judged: bool = True) -> str:
    """How a contact's time is described: on call, after hours, working hours, or not judged
    (outside every shift before working hours were set)."""
    if on_call:
        return _(ON_CALL)
    if not judged:
        return _(NOT_JUDGED)
    return _(AFTER_HOURS) if after_hours else _(WORKING_HOURS)


def who5_change_sentence(change: int | None) -> str:
    """``That is 12 points higher than your last check.``; empty below a notable change (10)."""
    if change is None or abs(change) < 10:
        return ""
    points = abs(change)
    if change > 0:
        said = ngettext(
            "That is {points} point higher than your last check.",
            "That is {points} points higher than your last check.",
            points,
        )
    else:
        said = ngettext(
            "That is {points} point lower than your last check.",
            "That is {points} points lower than your last check.",
            points,
        )
    return said.format(points=formats.number(points))
