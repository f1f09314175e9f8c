"""Settings: JSON values under string keys, in the same database as the data."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from wellbeing_app.core.store.database import Database
from wellbeing_app.core.store.settings import get_setting, set_setting


@pytest.mark.parametrize(
    "value",
    [
        True,
        0,
        17.5,
        "de",
        None,
        [1, 2, 3],
        {"quiet_hours": {"from": "22:00", "to": "07:00"}, "days": ["sat", "sun"]},
        "ünïcödé ✓",
    ],
)
def test_round_trip(db: Database, value: Any) -> None:
    with db.write() as session:
        set_setting(session, "key", value)
    with db.read() as session:
        assert get_setting(session, "key", default="missing") == value


def test_missing_key_gives_the_default(db: Database) -> None:
    with db.read() as session:
        assert get_setting(session, "nope") is None
        assert get_setting(session, "nope", default={"a": 1}) == {"a": 1}


def test_overwrite_keeps_one_row(db: Database) -> None:
    with db.write() as session:
        set_setting(session, "language", "en")
    with db.write() as session:
        set_setting(session, "language", "de")
    with db.read() as session:
        assert get_setting(session, "language") == "de"
        count = session.execute(text("SELECT count(*) FROM setting")).scalar_one()
    assert count == 1


def test_keys_are_independent(db: Database) -> None:
    with db.write() as session:
        set_setting(session, "a", 1)
        set_setting(session, "b", 2)
    with db.read() as session:
        assert (get_setting(session, "a"), get_setting(session, "b")) == (1, 2)


def test_a_damaged_value_falls_back_to_the_default(db: Database) -> None:
    with db.write() as session:
        session.execute(text("INSERT INTO setting (key, value) VALUES ('broken', '{nope')"))
    with db.read() as session:
        assert get_setting(session, "broken", default=5) == 5


def test_settings_survive_reopening(tmp_path: Any) -> None:
    from wellbeing_app.core.store.database import open_database

    path = tmp_path / "wellbeing.sqlite3"
    first = open_database(path)
    with first.write() as session:
        set_setting(session, "reminders", {"end_of_day": "17:30"})
    first.close()
    second = open_database(path)
    with second.read() as session:
        assert get_setting(session, "reminders") == {"end_of_day": "17:30"}
    second.close()
