"""The WHO-5 Well-Being Index: its five items, scoring by the published rules, and the
check-ins stored. Private: the answers never leave the machine."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.language import N_, _, ngettext
from wellbeing_app.core.reflection.reflections import check_scale
from wellbeing_app.core.store.models import Checkin

# The five WHO-5 items (WHO Collaborating Centre in Mental Health, Psychiatric Centre North
# Zealand), about the last two weeks, each answered 0 (at no time) to 5 (all of the time).
# English, N_-marked: shown with ``_`` (a translation should follow the WHO-5's published one).
WHO5_ITEMS = (
    N_("I have felt cheerful and in good spirits"),
    N_("I have felt calm and relaxed"),
    N_("I have felt active and vigorous"),
    N_("I woke up feeling fresh and rested"),
    N_("My daily life has been filled with things that interest me"),
)
WHO5_ANSWERS = (
    N_("At no time"),
    N_("Some of the time"),
    N_("Less than half of the time"),
    N_("More than half of the time"),
    N_("Most of the time"),
    N_("All of the time"),
)


LOW_SCORE = 50  # a score below this suggests poor well-being (the published guidance)


@dataclass(frozen=True)
class Who5Result:
    raw: int  # 0-25
    score: int  # raw x 4, 0-100
    low: bool  # the score is below 50
    change: int | None  # points since the last check, None for the first
    low_answer: bool = False  # some answer was 0 ("at no time") or 1 ("some of the time")

    @property
    def notable_change(self) -> bool:
        return self.change is not None and abs(self.change) >= 10

    @property
    def worth_a_talk(self) -> bool:
        """Either sign the guidance names: a score below 50, or an answer at 0 or 1."""
        return self.low or self.low_answer

    def note(self) -> str:
        """What the result suggests, naming which sign applies (never "below 50" for 84)."""
        if self.low and self.low_answer:
            return _(
                "Your score is below 50 and at least one answer was 0 or 1: the last two weeks "
                "may have been heavy. Consider talking with someone you trust, or a "
                "professional. You are not alone in this."
            )
        if self.low:
            return _(
                "Your score is below 50: the last two weeks may have been heavy. Consider "
                "talking with someone you trust, or a professional. You are not alone in this."
            )
        if self.low_answer:
            return _(
                "At least one of your answers was 0 or 1 (at no time, or some of the time): the "
                "last two weeks may have been heavy. Consider talking with someone you trust, or "
                "a professional. You are not alone in this."
            )
        return _("Thank you for checking in.")


def who5_score(
    answers: tuple[int, ...] | list[int], previous_score: int | None = None
) -> Who5Result:
    """Score the WHO-5 by its published rules: raw sum x 4; a score below 50 is low, and an answer
    at 0 or 1 is a sign of its own."""
    if len(answers) != 5:
        raise ValidationError(
            "answers",
            ngettext(
                "the WHO-5 has 5 items, got {count} answer",
                "the WHO-5 has 5 items, got {count} answers",
                len(answers),
            ).format(count=len(answers)),
        )
    for number, answer in enumerate(answers, start=1):
        check_scale(answer, 0, 5, f"item {number}")  # the field's id, as the dialog knows it
    raw = sum(answers)
    score = raw * 4
    change = None if previous_score is None else score - previous_score
    return Who5Result(raw, score, score < LOW_SCORE, change, any(a <= 1 for a in answers))


@dataclass(frozen=True)
class CheckinRow:
    day: date
    answers: tuple[int, int, int, int, int]
    result: Who5Result


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
