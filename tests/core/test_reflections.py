"""Reflections (one a local day, editing replaces), the hand-off list, skipping, check-ins."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlmodel import select

from wellbeing_app.core.errors import NotFoundError, ValidationError
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.reflection.reflections import (
    MAX_TEXT,
    ReflectionDraft,
    checked_reflection,
    handoff_items,
    list_reflections,
    open_handoff_items,
    reflection_for,
    save_reflection,
    skip_day,
    tick_handoff_item,
)
from wellbeing_app.core.reflection.who5 import list_checkins, save_checkin
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.store.models import HandoffItem, Reflection
from wellbeing_app.core.time.clock import FixedClock

BERLIN = "Europe/Berlin"
NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)
DAY = date(2026, 3, 10)


def draft(day: date = DAY, **changes: Any) -> ReflectionDraft:
    base = ReflectionDraft(day, 4, 3, 6, 2, "a calm standup", "reply to Sam\nfix the FAQ", "a walk")
    return replace(base, **changes)


def save(db: Database, d: ReflectionDraft) -> None:
    with db.write() as session:
        save_reflection(session, d, zone=BERLIN, now=NOW)


def test_a_reflection_is_saved_for_its_day(db: Database) -> None:
    save(db, draft())
    with db.read() as session:
        row = reflection_for(session, DAY)
        assert row is not None
        assert (row.mood, row.energy, row.stress, row.detachment) == (4, 3, 6, 2)
        assert (row.went_well, row.tonight) == ("a calm standup", "a walk")
        assert row.leave_at_work == "reply to Sam\nfix the FAQ"
        assert not row.skipped
        assert row.zone == BERLIN
        assert reflection_for(session, DAY + timedelta(days=1)) is None


def test_editing_the_same_day_replaces_it_and_its_handoff_items(db: Database) -> None:
    save(db, draft())
    save(db, draft(mood=2, went_well=None, leave_at_work="only this"))
    with db.read() as session:
        rows = list_reflections(session)
        assert len(rows) == 1
        assert rows[0].mood == 2
        assert rows[0].went_well is None
        items = session.exec(select(HandoffItem)).all()
        assert [i.text for i in items] == ["only this"]


def test_editing_away_every_handoff_item_leaves_none(db: Database) -> None:
    save(db, draft())
    save(db, draft(leave_at_work="   "))
    with db.read() as session:
        assert session.exec(select(HandoffItem)).all() == []
        row = reflection_for(session, DAY)
        assert row is not None and row.leave_at_work is None


def test_one_reflection_per_local_day_across_days(db: Database) -> None:
    for offset in (2, 0, 1):
        save(db, draft(DAY + timedelta(days=offset), mood=offset + 1))
    with db.read() as session:
        rows = list_reflections(session)
    assert [(r.day, r.mood) for r in rows] == [
        (DAY, 1),
        (DAY + timedelta(days=1), 2),
        (DAY + timedelta(days=2), 3),
    ]


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (None, []),
        ("", []),
        ("one", ["one"]),
        ("a\nb", ["a", "b"]),
        ("\n\n a \n\n\tb\t\n   \n", ["a", "b"]),
        ("- reply to Sam\n- fix the FAQ", ["reply to Sam", "fix the FAQ"]),
        ("* star\n• dot\n-dash", ["star", "dot", "dash"]),
        ("-\n- \n*", []),
        ("a\r\nb\r\n", ["a", "b"]),
        ("- über-Ticket 🎫", ["über-Ticket 🎫"]),
    ],
)
def test_handoff_items_are_the_non_empty_lines(text: str | None, items: list[str]) -> None:
    assert handoff_items(text) == items


def test_open_handoff_items_are_earlier_days_unticked_only(db: Database) -> None:
    save(db, draft(DAY, leave_at_work="- first\n- second"))
    save(db, draft(DAY + timedelta(days=1), leave_at_work="third"))
    save(db, draft(DAY + timedelta(days=2), leave_at_work="today's"))
    with db.read() as session:
        assert [i.text for i in open_handoff_items(session, DAY)] == []
        assert [i.text for i in open_handoff_items(session, DAY + timedelta(days=1))] == [
            "first",
            "second",
        ]
        open_now = open_handoff_items(session, DAY + timedelta(days=2))
    assert [(i.day, i.text) for i in open_now] == [
        (DAY, "first"),
        (DAY, "second"),
        (DAY + timedelta(days=1), "third"),
    ]
    second = open_now[1].id
    assert second is not None
    with db.write() as session:
        tick_handoff_item(session, second, now=NOW)
    with db.read() as session:
        texts = [i.text for i in open_handoff_items(session, DAY + timedelta(days=2))]
        assert texts == ["first", "third"]
        ticked = session.get(HandoffItem, second)
        assert ticked is not None and ticked.done_utc is not None
    with db.write() as session:
        tick_handoff_item(session, second, now=NOW, done=False)
    with db.read() as session:
        texts = [i.text for i in open_handoff_items(session, DAY + timedelta(days=2))]
        assert texts == ["first", "second", "third"]


def test_ticking_a_missing_item_is_not_found(db: Database) -> None:
    with db.write() as session, pytest.raises(NotFoundError):
        tick_handoff_item(session, 999, now=NOW)


def test_skipping_records_the_day_as_skipped(db: Database) -> None:
    with db.write() as session:
        skip_day(session, DAY, zone=BERLIN, now=NOW)
    with db.read() as session:
        row = reflection_for(session, DAY)
    assert row is not None
    assert row.skipped
    assert row.mood is None and row.went_well is None


def test_skipping_twice_keeps_one_row(db: Database) -> None:
    for _ in range(2):
        with db.write() as session:
            skip_day(session, DAY, zone=BERLIN, now=NOW)
    with db.read() as session:
        assert len(session.exec(select(Reflection)).all()) == 1


def test_skipping_does_not_overwrite_an_answered_day(db: Database) -> None:
    save(db, draft())
    with db.write() as session:
        skip_day(session, DAY, zone=BERLIN, now=NOW)
    with db.read() as session:
        row = reflection_for(session, DAY)
        assert row is not None and not row.skipped and row.mood == 4
        assert len(session.exec(select(HandoffItem)).all()) == 2


def test_answering_a_skipped_day_replaces_the_skip(db: Database) -> None:
    with db.write() as session:
        skip_day(session, DAY, zone=BERLIN, now=NOW)
    save(db, draft())
    with db.read() as session:
        rows = list_reflections(session)
    assert len(rows) == 1 and not rows[0].skipped and rows[0].mood == 4


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"mood": 0}, "mood"),
        ({"mood": 6}, "mood"),
        ({"mood": True}, "mood"),
        ({"energy": 0}, "energy"),
        ({"energy": 6}, "energy"),
        ({"stress": -1}, "stress"),
        ({"stress": 11}, "stress"),
        ({"stress": "5"}, "stress"),
        ({"detachment": 0}, "detach"),
        ({"detachment": 6}, "detach"),
        ({"went_well": "x" * (MAX_TEXT + 1)}, "went_well"),
        ({"leave_at_work": "x" * (MAX_TEXT + 1)}, "leave"),
        ({"tonight": "x" * (MAX_TEXT + 1)}, "tonight"),
    ],
)
def test_checked_reflection_names_each_bad_field(
    db: Database, changes: dict[str, Any], field: str
) -> None:
    bad = draft(**changes)
    with pytest.raises(ValidationError) as caught:
        checked_reflection(bad)
    assert caught.value.field == field
    with pytest.raises(ValidationError):
        save(db, bad)
    with db.read() as session:
        assert list_reflections(session) == []
        assert session.exec(select(HandoffItem)).all() == []


@pytest.mark.parametrize(
    "changes",
    [
        {"mood": 1, "energy": 1, "stress": 0, "detachment": 1},
        {"mood": 5, "energy": 5, "stress": 10, "detachment": 5},
        {"detachment": None, "went_well": None, "leave_at_work": None, "tonight": None},
        {"went_well": "x" * MAX_TEXT},
    ],
)
def test_boundary_values_are_accepted(changes: dict[str, Any]) -> None:
    assert checked_reflection(draft(**changes)) == draft(**changes)


def test_text_is_stripped_and_empty_text_is_none() -> None:
    good = checked_reflection(draft(went_well="  fine  ", tonight="   "))
    assert good.went_well == "fine"
    assert good.tonight is None


def test_reflection_text_survives_unicode(db: Database) -> None:
    text = "Grüße 👋 — 日本語, עברית, emoji 🧘‍♀️\nzweite Zeile"
    save(db, draft(went_well=text, leave_at_work="- Ärger mit 🎫\n- ½ Antwort", tonight="睡眠"))
    with db.read() as session:
        row = reflection_for(session, DAY)
        assert row is not None
        assert row.went_well == text
        assert row.tonight == "睡眠"
        items = open_handoff_items(session, DAY + timedelta(days=1))
    assert [i.text for i in items] == ["Ärger mit 🎫", "½ Antwort"]


def test_save_checkin_computes_change_against_the_previous(db: Database) -> None:
    with db.write() as session:
        first = save_checkin(session, [3, 3, 3, 3, 3], day=DAY, zone=BERLIN, now=NOW)
        second = save_checkin(
            session, [4, 4, 4, 3, 3], day=DAY + timedelta(days=14), zone=BERLIN, now=NOW
        )
        third = save_checkin(
            session, [4, 4, 4, 3, 2], day=DAY + timedelta(days=28), zone=BERLIN, now=NOW
        )
    assert (first.result.score, first.result.change) == (60, None)
    assert (second.result.score, second.result.change) == (72, 12)
    assert second.result.notable_change
    assert (third.result.score, third.result.change) == (68, -4)
    assert not third.result.notable_change
    assert second.answers == (4, 4, 4, 3, 3)


def test_a_backdated_checkin_compares_with_the_one_before_it(db: Database) -> None:
    with db.write() as session:
        save_checkin(session, [3, 3, 3, 3, 3], day=DAY, zone=BERLIN, now=NOW)
        earlier = save_checkin(
            session, [5, 5, 5, 5, 5], day=DAY - timedelta(days=14), zone=BERLIN, now=NOW
        )
    assert earlier.result.change is None


def test_a_bad_checkin_is_refused_and_not_stored(db: Database) -> None:
    with pytest.raises(ValidationError) as caught, db.write() as session:
        save_checkin(session, [3, 3, 6, 3, 3], day=DAY, zone=BERLIN, now=NOW)
    assert caught.value.field == "item 3"
    with pytest.raises(ValidationError), db.write() as session:
        save_checkin(session, [3, 3, 3], day=DAY, zone=BERLIN, now=NOW)
    with db.read() as session:
        assert list_checkins(session) == []


def test_list_checkins_oldest_first_with_changes(db: Database) -> None:
    later = DAY + timedelta(days=14)
    with db.write() as session:
        save_checkin(session, [5, 5, 5, 5, 5], day=later, zone=BERLIN, now=NOW)
        save_checkin(session, [2, 2, 2, 2, 2], day=DAY, zone=BERLIN, now=NOW)
    with db.read() as session:
        rows = list_checkins(session)
    assert [r.day for r in rows] == [DAY, later]
    assert [r.answers for r in rows] == [(2, 2, 2, 2, 2), (5, 5, 5, 5, 5)]
    assert [(r.result.score, r.result.change, r.result.low) for r in rows] == [
        (40, None, True),
        (100, 60, False),
    ]


def test_journal_round_trip(db: Database, clock: FixedClock) -> None:
    journal = Journal(db, clock)
    today = journal.today()
    assert today == date(2026, 11, 15)
    yesterday = today - timedelta(days=1)
    saved = draft(yesterday, leave_at_work="- call back\n- file report")
    journal.save_reflection(saved)
    assert journal.reflection(yesterday) == saved
    journal.skip_reflection(today)
    assert journal.reflection(today) is None
    handoff = journal.handoff_list()
    assert [(text, day) for _, text, day in handoff] == [
        ("call back", yesterday),
        ("file report", yesterday),
    ]
    journal.tick_handoff(handoff[0][0])
    assert [text for _, text, _ in journal.handoff_list()] == ["file report"]
    journal.tick_handoff(handoff[0][0], done=False)
    assert len(journal.handoff_list()) == 2
    row = journal.check_in([4, 4, 4, 4, 4])
    assert row.day == today and row.result.score == 80


def test_journal_today_is_the_local_day(db: Database) -> None:
    # 23:30 UTC on 14 November is already 15 November in Berlin.
    journal = Journal(db, FixedClock(datetime(2026, 11, 14, 23, 30, tzinfo=UTC), BERLIN))
    assert journal.today() == date(2026, 11, 15)
    assert Journal(db, FixedClock(datetime(2026, 11, 14, 23, 30, tzinfo=UTC))).today() == date(
        2026, 11, 14
    )
