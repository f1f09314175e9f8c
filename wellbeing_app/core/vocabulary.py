"""The app's words: every id the data and JSON use (ping sources, incident categories, weekdays,
severities, timings) and the one human label each is shown with, plus the few sentences that
several places say (the WHO-5 change). Ids stay in the database and in JSON; people see labels.

Nothing here imports anything of the app: every layer, the UI, the CLI and the exports take their
words from this one place (and a translation will hook in here).
"""

from __future__ import annotations

from enum import StrEnum


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


SOURCE_LABELS: dict[str, str] = {
    PingSource.SLACK: "Slack",
    PingSource.TEAMS: "Teams",
    PingSource.EMAIL: "Email",
    PingSource.PHONE: "Phone",
    PingSource.SOCIAL_DM: "Social DM",
    PingSource.SOCIAL_MENTION: "Social mention",
    PingSource.OTHER: "Other",
}
CATEGORY_LABELS: dict[str, str] = {
    IncidentCategory.HARASSMENT: "Harassment",
    IncidentCategory.CRISIS: "Crisis",
    IncidentCategory.CUSTOMER_ESCALATION: "Customer escalation",
    IncidentCategory.DISTRESSING_CONTENT: "Distressing content",
    IncidentCategory.THREATS: "Threats",
    IncidentCategory.INTERNAL_PRESSURE: "Internal pressure",
    IncidentCategory.OTHER: "Other",
}

# Weekdays, Monday first (Python's weekday() numbers): ids as typed and stored in JSON, short
# labels for tables and charts, and full names for sentences.
WEEKDAY_IDS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_LABELS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

SEVERITIES = (1, 2, 3, 4, 5)
SEVERITY_HINTS = {1: "minor", 2: "unpleasant", 3: "hard", 4: "very hard", 5: "severe"}
SEVERE_FROM = 4  # severity 4 and 5 count as severe

# When a contact came, as the user would say it (derived, never typed).
AFTER_HOURS, ON_CALL, WORKING_HOURS = "after hours", "on call", "working hours"
NOT_JUDGED = "not judged: no working hours set"


def source_label(source: str) -> str:
    """A known channel by its name (``social_dm`` -> ``Social DM``); another app's name as it
    came (``discord``)."""
    return SOURCE_LABELS.get(source, source)


def category_label(category: str) -> str:
    """``customer_escalation`` -> ``Customer escalation``; an unknown id made readable."""
    return CATEGORY_LABELS.get(category, category.replace("_", " ").capitalize())


def weekday_label(weekday: int) -> str:
    """0 -> ``Mon``."""
    return WEEKDAY_LABELS[weekday]


def timing_label(after_hours: bool, on_call: bool, judged: bool = True) -> str:
    """How a contact's time is described: on call, after hours, working hours, or not judged
    (outside every shift before working hours were set)."""
    if on_call:
        return ON_CALL
    if not judged:
        return NOT_JUDGED
    return AFTER_HOURS if after_hours else WORKING_HOURS


def who5_change_sentence(change: int | None) -> str:
    """``That is 12 points higher than your last check.``; empty below a notable change (10)."""
    if change is None or abs(change) < 10:
        return ""
    direction = "higher" if change > 0 else "lower"
    return f"That is {abs(change)} points {direction} than your last check."
