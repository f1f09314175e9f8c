"""What an end-of-day reflection and a WHO-5 check-in hold, checked field by field.

Qt-free and storage-free, so the dialogs and the CLI share one set of rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.validation import clean_text

MAX_TEXT = 2000

# The five WHO-5 items (WHO Collaborating Centre in Mental Health, Psychiatric Centre North
# Zealand), about the last two weeks, each answered 0 (at no time) to 5 (all of the time).
WHO5_ITEMS = (
    "I have felt cheerful and in good spirits",
    "I have felt calm and relaxed",
    "I have felt active and vigorous",
    "I woke up feeling fresh and rested",
    "My daily life has been filled with things that interest me",
)
WHO5_ANSWERS = (
    "At no time",
    "Some of the time",
    "Less than half of the time",
    "More than half of the time",
    "Most of the time",
    "All of the time",
)


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
        raise ValidationError(field, f"must be a whole number from {low} to {high}, got {value!r}")
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


@dataclass(frozen=True)
class Who5Result:
    raw: int  # 0-25
    score: int  # raw x 4, 0-100
    low: bool  # below 50, or any item at 0 or 1: worth a talk with someone you trust
    change: int | None  # points since the last check, None for the first

    @property
    def notable_change(self) -> bool:
        return self.change is not None and abs(self.change) >= 10


def who5_score(
    answers: tuple[int, ...] | list[int], previous_score: int | None = None
) -> Who5Result:
    """Score the WHO-5 by its published rules: raw sum x 4; below 50 (or any item 0-1) is low."""
    if len(answers) != 5:
        raise ValidationError("answers", f"the WHO-5 has 5 items, got {len(answers)} answers")
    for number, answer in enumerate(answers, start=1):
        check_scale(answer, 0, 5, f"item {number}")
    raw = sum(answers)
    score = raw * 4
    low = score < 50 or any(a <= 1 for a in answers)
    change = None if previous_score is None else score - previous_score
    return Who5Result(raw, score, low, change)
