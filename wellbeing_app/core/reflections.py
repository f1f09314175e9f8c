"""Storing reflections (one a local day; editing replaces it), the hand-off list they leave
behind, and WHO-5 check-ins. All of it is private: nothing here is ever exported."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete
from sqlmodel import Session, col, select

from wellbeing_app.core.errors import NotFoundError
from wellbeing_app.core.models import Checkin, HandoffItem, Reflection
from wellbeing_app.core.reflection_types import (
    ReflectionDraft,
    Who5Result,
    checked_reflection,
    handoff_items,
    who5_score,
)


@dataclass(frozen=True)
class CheckinRow:
    day: date
    answers: tuple[int, int, int, int, int]
    result: Who5Result


def save_reflection(
    session: Session, draft: ReflectionDraft, *, zone: str, now: datetime
) -> Reflection:
    """Save the day's reflection, replacing one saved earlier that day (and its hand-off list)."""
    good = checked_reflection(draft)
    row = _get(session, good.day) or Reflection(day=good.day, zone=zone, saved_utc=now)
    row.zone, row.saved_utc, row.skipped = zone, now, False
    row.mood, row.energy, row.stress = good.mood, good.energy, good.stress
    row.detachment, row.went_well = good.detachment, good.went_well
    row.leave_at_work, row.tonight = good.leave_at_work, good.tonight
    session.add(row)
    session.execute(delete(HandoffItem).where(col(HandoffItem.day) == good.day))
    for text in handoff_items(good.leave_at_work):
        session.add(HandoffItem(day=good.day, text=text))
    session.flush()
    return row


def skip_day(session: Session, day: date, *, zone: str, now: datetime) -> None:
    """Record that the day was skipped (no questions asked), unless it was already answered."""
    if _get(session, day) is None:
        session.add(Reflection(day=day, zone=zone, skipped=True, saved_utc=now))
        session.flush()


def reflection_for(session: Session, day: date) -> Reflection | None:
    return _get(session, day)


def list_reflections(session: Session) -> list[Reflection]:
    return list(session.exec(select(Reflection).order_by(col(Reflection.day))).all())


def open_handoff_items(session: Session, before: date) -> list[HandoffItem]:
    """What was left at work on earlier days and is not ticked off yet, oldest first."""
    query = (
        select(HandoffItem)
        .where(col(HandoffItem.day) < before, col(HandoffItem.done_utc).is_(None))
        .order_by(col(HandoffItem.day), col(HandoffItem.id))
    )
    return list(session.exec(query).all())


def tick_handoff_item(session: Session, item_id: int, *, now: datetime, done: bool = True) -> None:
    item = session.get(HandoffItem, item_id)
    if item is None:
        raise NotFoundError(f"hand-off item {item_id} no longer exists")
    item.done_utc = now if done else None
    session.add(item)


def save_checkin(
    session: Session, answers: list[int], *, day: date, zone: str, now: datetime
) -> CheckinRow:
    """Score and store a WHO-5 check-in; the change is against the latest earlier one."""
    previous = _latest_checkin(session, before=day)
    result = who5_score(answers, previous.result.score if previous else None)
    session.add(
        Checkin(
            day=day,
            zone=zone,
            item1=answers[0],
            item2=answers[1],
            item3=answers[2],
            item4=answers[3],
            item5=answers[4],
            saved_utc=now,
        )
    )
    session.flush()
    return CheckinRow(day, (answers[0], answers[1], answers[2], answers[3], answers[4]), result)


def list_checkins(session: Session) -> list[CheckinRow]:
    rows = session.exec(select(Checkin).order_by(col(Checkin.day), col(Checkin.id))).all()
    out: list[CheckinRow] = []
    for row in rows:
        answers = (row.item1, row.item2, row.item3, row.item4, row.item5)
        previous = out[-1].result.score if out else None
        out.append(CheckinRow(row.day, answers, who5_score(list(answers), previous)))
    return out


def last_checkin_day(session: Session) -> date | None:
    latest = _latest_checkin(session, before=date.max)
    return latest.day if latest else None


def _latest_checkin(session: Session, before: date) -> CheckinRow | None:
    row = session.exec(
        select(Checkin)
        .where(col(Checkin.day) <= before)
        .order_by(col(Checkin.day).desc(), col(Checkin.id).desc())
    ).first()
    if row is None:
        return None
    answers = (row.item1, row.item2, row.item3, row.item4, row.item5)
    return CheckinRow(row.day, answers, who5_score(list(answers)))


def _get(session: Session, day: date) -> Reflection | None:
    return session.exec(select(Reflection).where(col(Reflection.day) == day)).first()
