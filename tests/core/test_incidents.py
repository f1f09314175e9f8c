"""Incidents: category, severity 1-5, short summary, private details, edits."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from wellbeing_app.core.errors import NotFoundError, ValidationError
from wellbeing_app.core.records.incidents import (
    MAX_DETAILS,
    MAX_PLATFORM,
    MAX_SUMMARY,
    IncidentDraft,
    IncidentRow,
    check_category,
    check_severity,
    checked,
    delete_incident,
    get_incident,
    list_incidents,
    log_incident,
    update_incident,
)
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.store.models import Origin
from wellbeing_app.core.vocabulary import IncidentCategory

BERLIN = "Europe/Berlin"
NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)
EVER = (datetime.min.replace(tzinfo=UTC), datetime.max.replace(tzinfo=UTC))
DRAFT = IncidentDraft(
    at=datetime(2026, 3, 10, 20, 0, tzinfo=UTC), category="harassment", severity=3
)


def log(db: Database, draft: IncidentDraft = DRAFT) -> IncidentRow:
    with db.write() as session:
        return log_incident(session, draft, now=NOW, zone=BERLIN, origin=Origin.TRAY)


def stored(db: Database) -> list[IncidentRow]:
    with db.read() as session:
        return list_incidents(session, *EVER)


def test_the_categories_are_the_ones_the_design_names() -> None:
    assert {c.value for c in IncidentCategory} == {
        "harassment",
        "crisis",
        "customer_escalation",
        "distressing_content",
        "threats",
        "internal_pressure",
        "other",
    }


@pytest.mark.parametrize("category", [c.value for c in IncidentCategory])
def test_every_category_can_be_logged(db: Database, category: str) -> None:
    assert log(db, replace(DRAFT, category=category)).category == category


def test_category_is_normalised() -> None:
    assert check_category(" Crisis ") == "crisis"
    assert check_category("CUSTOMER_ESCALATION") == "customer_escalation"


@pytest.mark.parametrize("text", ["", "troll", "customer escalation", "crises"])
def test_unknown_category_is_refused(db: Database, text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        log(db, replace(DRAFT, category=text))
    assert caught.value.field == "category"
    assert "harassment" in caught.value.message
    assert stored(db) == []


@pytest.mark.parametrize("severity", [1, 2, 3, 4, 5])
def test_severity_one_to_five(db: Database, severity: int) -> None:
    assert check_severity(severity) == severity
    assert log(db, replace(DRAFT, severity=severity)).severity == severity


@pytest.mark.parametrize("severity", [0, 6, -1, True, False, 3.0, "3", None])
def test_severity_outside_one_to_five_is_refused(db: Database, severity: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        log(db, replace(DRAFT, severity=severity))
    assert caught.value.field == "severity"
    assert stored(db) == []


def test_all_fields_are_kept(db: Database) -> None:
    draft = IncidentDraft(
        at=datetime(2026, 3, 10, 21, 30, tzinfo=UTC),
        category="threats",
        severity=5,
        platform=" Instagram ",
        minutes=90,
        summary="  pile-on after the recall post ",
        details="names, screenshots, what they said\nsecond line",
    )
    row = log(db, draft)
    with db.read() as session:
        back = get_incident(session, row.id)
    assert back == row
    assert back.at == draft.at
    assert back.zone == BERLIN
    assert back.category == "threats"
    assert back.severity == 5
    assert back.platform == "Instagram"
    assert back.minutes == 90
    assert back.summary == "pile-on after the recall post"
    assert back.details == "names, screenshots, what they said\nsecond line"
    assert back.origin == "tray"


def test_optional_fields_default_to_empty(db: Database) -> None:
    row = log(db)
    assert (row.platform, row.minutes, row.summary, row.details) == (None, 0, "", None)
    blank = log(db, replace(DRAFT, platform="  ", summary="   ", details=""))
    assert (blank.platform, blank.summary, blank.details) == (None, "", None)


@pytest.mark.parametrize(
    ("field", "limit"),
    [("summary", MAX_SUMMARY), ("details", MAX_DETAILS), ("platform", MAX_PLATFORM)],
)
def test_text_limits(db: Database, field: str, limit: int) -> None:
    assert getattr(log(db, replace(DRAFT, **{field: "x" * limit})), field) == "x" * limit
    with pytest.raises(ValidationError) as caught:
        log(db, replace(DRAFT, **{field: "x" * (limit + 1)}))
    assert caught.value.field == field
    assert str(limit) in caught.value.message
    assert len(stored(db)) == 1  # nothing silently cut and stored


@pytest.mark.parametrize("minutes", [-1, 24 * 60 + 1])
def test_minutes_bounds(db: Database, minutes: int) -> None:
    with pytest.raises(ValidationError) as caught:
        log(db, replace(DRAFT, minutes=minutes))
    assert caught.value.field == "minutes"


def test_future_incident_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        log(db, replace(DRAFT, at=NOW + timedelta(hours=1)))
    assert caught.value.field == "at"
    assert stored(db) == []


def test_update_incident(db: Database) -> None:
    row = log(db, replace(DRAFT, details="first"))
    changed = IncidentDraft(
        at=datetime(2026, 3, 11, 9, tzinfo=UTC),
        category="crisis",
        severity=4,
        platform="tiktok",
        minutes=30,
        summary="recall",
        details="second",
    )
    with db.write() as session:
        updated = update_incident(session, row.id, changed, now=NOW)
    assert stored(db) == [updated]
    assert (updated.id, updated.category, updated.severity, updated.details) == (
        row.id,
        "crisis",
        4,
        "second",
    )
    assert updated.origin == "tray"  # how it came to be does not change on edit


def test_a_refused_update_changes_nothing(db: Database) -> None:
    row = log(db)
    with pytest.raises(ValidationError), db.write() as session:
        update_incident(session, row.id, replace(DRAFT, summary="new", severity=9), now=NOW)
    assert stored(db) == [row]


def test_delete_and_missing(db: Database) -> None:
    row = log(db)
    with db.write() as session:
        delete_incident(session, row.id)
    assert stored(db) == []
    with pytest.raises(NotFoundError), db.write() as session:
        delete_incident(session, row.id)
    with pytest.raises(NotFoundError), db.read() as session:
        get_incident(session, row.id)
    with pytest.raises(NotFoundError), db.write() as session:
        update_incident(session, row.id, DRAFT, now=NOW)


def test_list_incidents_in_a_range(db: Database) -> None:
    a = log(db, replace(DRAFT, at=datetime(2026, 3, 10, 23, tzinfo=UTC)))
    b = log(db, replace(DRAFT, at=datetime(2026, 3, 10, 1, tzinfo=UTC)))
    log(db, replace(DRAFT, at=datetime(2026, 3, 11, 0, tzinfo=UTC)))
    with db.read() as session:
        rows = list_incidents(
            session, datetime(2026, 3, 10, tzinfo=UTC), datetime(2026, 3, 11, tzinfo=UTC)
        )
    assert [r.id for r in rows] == [b.id, a.id]


# --- against advice ---------------------------------------------------------------------


def test_an_incident_keeps_that_it_followed_a_decision_against_advice(db: Database) -> None:
    marked = replace(DRAFT, against_advice=True, advised_on=date(2026, 3, 2))
    row = log(db, marked)
    assert (row.against_advice, row.advised_on) == (True, date(2026, 3, 2))
    assert (log(db).against_advice, log(db).advised_on) == (False, None)
    with db.write() as session:
        update_incident(session, row.id, replace(marked, advised_on=None), now=NOW)
    assert [(r.against_advice, r.advised_on) for r in stored(db)][:1] == [(True, None)]


def test_the_advice_may_be_given_on_the_incidents_local_day() -> None:
    # 23:30 UTC on 10 March is 00:30 on 11 March in Berlin: the advice may date from the 11th.
    late = replace(DRAFT, at=datetime(2026, 3, 10, 23, 30, tzinfo=UTC), against_advice=True)
    assert checked(replace(late, advised_on=date(2026, 3, 11)), NOW, BERLIN).advised_on == date(
        2026, 3, 11
    )
    with pytest.raises(ValidationError, match=r"^advised_on: 2026-03-11 is after the incident"):
        checked(replace(late, advised_on=date(2026, 3, 11)), NOW, "UTC")


@pytest.mark.parametrize(
    ("against", "day", "message"),
    [
        (False, date(2026, 3, 1), "goes only with an incident that followed a decision"),
        (True, date(2026, 3, 12), "2026-03-12 is after the incident \\(2026-03-10\\)"),
        (True, date(2026, 11, 16), "2026-11-16 is in the future"),
        (True, date(1969, 12, 31), "1969-12-31 is before 1970"),
    ],
)
def test_a_day_of_advice_that_cannot_be_is_refused_naming_the_field(
    against: bool, day: date, message: str
) -> None:
    draft = replace(DRAFT, against_advice=against, advised_on=day)
    with pytest.raises(ValidationError, match=rf"^advised_on: {message}"):
        checked(draft, NOW, BERLIN)
