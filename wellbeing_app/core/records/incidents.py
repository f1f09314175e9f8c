"""Incidents: the troll pile-ons, crises and escalations absorbed for the brand.

``summary`` is a short line; ``details`` is private and never leaves the machine unless the
user ticks it for one export. ``against_advice`` marks an incident that followed a decision made
against the user's advice, given on ``advised_on`` (a local date, optional): the reaction is
not on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from wellbeing_app.core.errors import NotFoundError, ValidationError
from wellbeing_app.core.language import _
from wellbeing_app.core.records.fields import check_minutes, check_not_future, clean_text
from wellbeing_app.core.store.models import Incident, Origin
from wellbeing_app.core.time.local_time import EARLIEST, local_date
from wellbeing_app.core.vocabulary import IncidentCategory

MAX_SUMMARY = 280
MAX_DETAILS = 10_000
MAX_PLATFORM = 40


@dataclass(frozen=True)
class IncidentDraft:
    """What the user entered for an incident, before it is checked."""

    at: datetime
    category: str
    severity: int
    platform: str | None = None
    minutes: int = 0
    summary: str | None = None
    details: str | None = None
    against_advice: bool = False
    advised_on: date | None = None


@dataclass(frozen=True)
class IncidentRow:
    id: int
    at: datetime
    zone: str
    category: str
    severity: int
    platform: str | None
    minutes: int
    summary: str
    details: str | None
    origin: str
    against_advice: bool = False
    advised_on: date | None = None


def check_category(text: str, field: str = "category") -> str:
    value = text.strip().lower()
    if value not in {c.value for c in IncidentCategory}:
        known = ", ".join(c.value for c in IncidentCategory)
        # TRANSLATORS: {text} is what was typed; {known} lists the category ids (as typed).
        said = _("{text} is not a category; use one of {known}")
        raise ValidationError(field, said.format(text=repr(text), known=known))
    return value


def check_severity(value: int, field: str = "severity") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise ValidationError(
            field, _("must be a whole number from 1 to 5, got {value}").format(value=repr(value))
        )
    return value


def check_advised_on(
    advised_on: date | None, against_advice: bool, at: datetime, now: datetime, zone: str
) -> date | None:
    """The day the advice was given: only for an incident against advice, on or before the
    incident's local day (in ``zone``, where it was recorded) and not in the future."""
    if advised_on is None:
        return None
    if not against_advice:
        raise ValidationError(
            "advised_on",
            _("goes only with an incident that followed a decision made against your advice"),
        )
    day = local_date(at, zone)
    if advised_on > local_date(now, zone):
        raise ValidationError("advised_on", _("{day} is in the future").format(day=advised_on))
    if advised_on > day:
        raise ValidationError(
            "advised_on",
            _("{day} is after the incident ({incident_day}); advice comes before it").format(
                day=advised_on, incident_day=day
            ),
        )
    if advised_on < EARLIEST.date():
        raise ValidationError("advised_on", _("{day} is before 1970").format(day=advised_on))
    return advised_on


def checked(draft: IncidentDraft, now: datetime, zone: str) -> IncidentDraft:
    """The draft with every field checked and tidied; raises ValidationError naming the field.
    ``zone`` is where the incident is recorded: its local day bounds ``advised_on``."""
    at = check_not_future(draft.at, now, "at")
    if not isinstance(draft.against_advice, bool):
        raise ValidationError(
            "against_advice",
            _("must be true or false, got {value}").format(value=repr(draft.against_advice)),
        )
    return IncidentDraft(
        at=at,
        category=check_category(draft.category),
        severity=check_severity(draft.severity),
        platform=clean_text(draft.platform, "platform", MAX_PLATFORM),
        minutes=check_minutes(draft.minutes),
        summary=clean_text(draft.summary, "summary", MAX_SUMMARY),
        details=clean_text(draft.details, "details", MAX_DETAILS),
        against_advice=draft.against_advice,
        advised_on=check_advised_on(draft.advised_on, draft.against_advice, at, now, zone),
    )


def log_incident(
    session: Session, draft: IncidentDraft, *, now: datetime, zone: str, origin: Origin
) -> IncidentRow:
    good = checked(draft, now, zone)
    incident = Incident(
        zone=zone, origin=origin.value, at_utc=good.at, category=good.category, severity=1
    )
    _apply(incident, good)
    session.add(incident)
    session.flush()
    return _row(incident)


def update_incident(
    session: Session, incident_id: int, draft: IncidentDraft, *, now: datetime
) -> IncidentRow:
    incident = session.get(Incident, incident_id)
    if incident is None:
        raise NotFoundError(_("incident {id} no longer exists").format(id=incident_id))
    _apply(incident, checked(draft, now, incident.zone))
    session.add(incident)
    session.flush()
    return _row(incident)


def delete_incident(session: Session, incident_id: int) -> None:
    incident = session.get(Incident, incident_id)
    if incident is None:
        raise NotFoundError(_("incident {id} no longer exists").format(id=incident_id))
    session.delete(incident)


def get_incident(session: Session, incident_id: int) -> IncidentRow:
    incident = session.get(Incident, incident_id)
    if incident is None:
        raise NotFoundError(_("incident {id} no longer exists").format(id=incident_id))
    return _row(incident)


def list_incidents(session: Session, start: datetime, end: datetime) -> list[IncidentRow]:
    query = (
        select(Incident)
        .where(col(Incident.at_utc) >= start, col(Incident.at_utc) < end)
        .order_by(col(Incident.at_utc), col(Incident.id))
    )
    return [_row(incident) for incident in session.exec(query)]


def _apply(incident: Incident, draft: IncidentDraft) -> None:
    incident.at_utc = draft.at
    incident.category = draft.category
    incident.severity = draft.severity
    incident.platform = draft.platform
    incident.minutes = draft.minutes
    incident.summary = draft.summary or ""
    incident.details = draft.details
    incident.against_advice = draft.against_advice
    incident.advised_on = draft.advised_on


def _row(incident: Incident) -> IncidentRow:
    assert incident.id is not None
    return IncidentRow(
        id=incident.id,
        at=incident.at_utc,
        zone=incident.zone,
        category=incident.category,
        severity=incident.severity,
        platform=incident.platform,
        minutes=incident.minutes,
        summary=incident.summary,
        details=incident.details,
        origin=incident.origin,
        against_advice=incident.against_advice,
        advised_on=incident.advised_on,
    )
