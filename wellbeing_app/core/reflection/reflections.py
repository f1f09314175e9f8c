"""End-of-day reflections: what one holds, checked field by field, stored one a local day
(editing replaces it), and the hand-off list each leaves behind. Private: never exported."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete
from sqlmodel import Session, col, select

from wellbeing_app.core.errors import NotFoundError, ValidationError
from wellbeing_app.core.language import _
from wellbeing_app.core.records.fields import clean_text
from wellbeing_app.core.store.models import HandoffItem, Reflection

MAX_TEXT = 2000


@dataclass(frozen=True)
class ReflectionDraft:
    """One day's reflection as entered. ``leave_at_work`` holds one hand-off item per line."""

    day: date
    mood: int
    energy: int
    stress: int
    detachment: int | None = None
    went_well: str | None = None
    leave_at_work: str | None = None
    tonight: str | None = None


def check_scale(value: object, low: int, high: int, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(
            field,
            _("must be a whole number from {low} to {high}, got {value}").format(
                low=low, high=high, value=repr(value)
            ),
        )
    return value


def checked_reflection(draft: ReflectionDraft) -> ReflectionDraft:
    """The draft with every field checked; raises ValidationError naming the field."""
    return ReflectionDraft(
        day=draft.day,
        mood=check_scale(draft.mood, 1, 5, "mood"),
        energy=check_scale(draft.energy, 1, 5, "energy"),
        stress=check_scale(draft.stress, 0, 10, "stress"),
        detachment=(
            None if draft.detachment is None else check_scale(draft.detachment, 1, 5, "detach")
        ),
        went_well=clean_text(draft.went_well, "went_well", MAX_TEXT),
        leave_at_work=clean_text(draft.leave_at_work, "leave", MAX_TEXT),
        tonight=clean_text(draft.tonight, "tonight", MAX_TEXT),
    )


def handoff_items(leave_at_work: str | None) -> list[str]:
    """The hand-off list: one item per non-empty line (a leading "- " or "* " is dropped)."""
    items = []
    for line in (leave_at_work or "").splitlines():
        text = line.strip().lstrip("-*• ").strip()
        if text:
            items.append(text)
    return items


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
        raise NotFoundError(_("hand-off item {id} no longer exists").format(id=item_id))
    item.done_utc = now if done else None
    session.add(item)


def _get(session: Session, day: date) -> Reflection | None:
    return session.exec(select(Reflection).where(col(Reflection.day) == day)).first()
