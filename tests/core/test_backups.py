"""Backups: made with SQLite's online backup API while the database is in use, checked, private,
kept rotating (7 daily, 4 weekly), made before an upgrade, and restored with the current file
kept aside."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.damage import flip_middle
from wellbeing_app.core.errors import StorageError
from wellbeing_app.core.store import backups
from wellbeing_app.core.store.database import Database, open_database
from wellbeing_app.core.store.health import DamagedDatabase

NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)


def settings_of(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT key, value FROM setting").fetchall())
    finally:
        conn.close()


def put(db: Database, key: str, value: str) -> None:
    with db.write() as session:
        session.execute(
            text("INSERT OR REPLACE INTO setting (key, value) VALUES (:k, :v)"),
            {"k": key, "v": value},
        )


def fill(db: Database) -> None:
    """Enough small rows for a file of many pages."""
    with db.write() as session:
        for n in range(3000):
            session.execute(
                text("INSERT INTO setting (key, value) VALUES (:k, :v)"), {"k": f"k{n}", "v": "1"}
            )


def test_a_backup_holds_the_data_is_checked_and_private(db: Database) -> None:
    put(db, "kept", '"yes"')
    made = backups.make_backup(db.path, NOW)
    assert made.path.parent == db.path.parent / "backups"
    assert made.made == NOW and made.size == made.path.stat().st_size > 0
    assert settings_of(made.path) == {"kept": '"yes"'}
    assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(made.path.parent.stat().st_mode) == 0o700
    assert list(made.path.parent.iterdir()) == [made.path]  # one file: no -wal, no leftovers
    backups.verify(made.path)


def test_a_backup_sees_what_the_open_connection_committed(db: Database) -> None:
    # The app keeps the database open in WAL mode: committed rows may sit in the -wal file.
    put(db, "in_the_log", '"1"')
    assert db.path.with_name(db.path.name + "-wal").stat().st_size > 0
    made = backups.make_backup(db.path, NOW)
    assert settings_of(made.path) == {"in_the_log": '"1"'}


def test_backups_are_listed_newest_first_and_two_in_one_second_keep_their_order(
    db: Database,
) -> None:
    first = backups.make_backup(db.path, NOW)
    second = backups.make_backup(db.path, NOW)
    third = backups.make_backup(db.path, NOW + timedelta(hours=1))
    assert second.path.name.endswith("-2.sqlite3")
    # The same day keeps its newest only: the earlier two were rotated away.
    assert [b.path for b in backups.list_backups(db.path)] == [third.path]
    assert not first.path.exists() and not second.path.exists()


def test_rotation_keeps_seven_days_and_four_weeks(db: Database) -> None:
    start = datetime(2026, 8, 1, 9, 0, tzinfo=UTC)
    for day in range(100):  # a backup every day, and a second one on some
        backups.make_backup(db.path, start + timedelta(days=day))
        if day % 3 == 0:
            backups.make_backup(db.path, start + timedelta(days=day, hours=5))
    kept = backups.list_backups(db.path)
    days = [b.made.date() for b in kept]
    last = (start + timedelta(days=99)).date()
    assert days[:7] == [last - timedelta(days=n) for n in range(7)]
    weeks = {b.made.isocalendar()[:2] for b in kept}
    assert len(weeks) == 4 and len(kept) <= 7 + 4
    for backup in kept:  # each kept one is the newest of its day
        same_day = [b for b in kept if b.made.date() == backup.made.date()]
        assert same_day == [backup]


def test_rotation_never_drops_the_backup_just_made_when_the_clock_went_back(
    db: Database,
) -> None:
    backups.make_backup(db.path, NOW)
    earlier = backups.make_backup(db.path, NOW - timedelta(minutes=5))
    assert earlier.path.exists()


def test_a_half_made_copy_of_a_killed_process_is_cleared_once_stale(db: Database) -> None:
    folder = backups.backup_folder(db.path)
    folder.mkdir()
    partial = folder / ".wellbeing-20261115-110000.sqlite3.4242.partial"
    partial.write_bytes(b"half")
    old = (NOW - timedelta(hours=2)).timestamp()
    os.utime(partial, (old, old))
    fresh = folder / ".wellbeing-20261115-115959.sqlite3.4343.partial"
    fresh.write_bytes(b"being written right now")
    backups.make_backup(db.path, NOW)
    assert not partial.exists() and fresh.exists()


def test_the_daily_backup_is_due_after_a_day(db: Database) -> None:
    assert backups.backup_due(db.path, NOW)
    assert backups.make_backup_if_due(db.path, NOW) is not None
    assert not backups.backup_due(db.path, NOW + timedelta(hours=23))
    assert backups.make_backup_if_due(db.path, NOW + timedelta(hours=23)) is None
    assert backups.backup_due(db.path, NOW + timedelta(days=1))
    assert backups.backup_due(db.path, NOW - timedelta(days=3))  # a backup "from the future"
    assert not backups.backup_due(db.path.with_name("missing.sqlite3"), NOW)


def test_a_damaged_database_makes_no_backup_and_older_ones_stay(db: Database) -> None:
    fill(db)
    good = backups.make_backup(db.path, NOW)
    db.close()
    flip_middle(db.path)
    with pytest.raises(DamagedDatabase):
        backups.make_backup(db.path, NOW + timedelta(days=1))
    assert [b.path for b in backups.list_backups(db.path)] == [good.path]
    assert [p.name for p in good.path.parent.iterdir()] == [good.path.name]


def test_restore_puts_the_backup_back_and_keeps_the_current_file_aside(db: Database) -> None:
    put(db, "version", '"old"')
    made = backups.make_backup(db.path, NOW)
    put(db, "version", '"new"')
    db.close()
    current = db.path.read_bytes()
    restored = backups.restore_backup(db.path, made.path, NOW + timedelta(hours=1))
    assert settings_of(db.path) == {"version": '"old"'}
    assert restored.kept_aside is not None
    assert restored.kept_aside.parent == made.path.parent
    assert restored.kept_aside.read_bytes() == current
    assert stat.S_IMODE(db.path.stat().st_mode) == 0o600
    assert made.path.exists()  # the backup itself stays
    # What was kept aside is not a backup: rotation and listing leave it alone.
    assert restored.kept_aside not in [b.path for b in backups.list_backups(db.path)]
    again = open_database(db.path)
    again.close()


def test_restore_takes_the_data_still_in_the_write_ahead_log_aside_too(tmp_path: Path) -> None:
    path = tmp_path / "wellbeing.sqlite3"
    db = open_database(path)
    made = backups.make_backup(path, NOW)
    put(db, "only_in_the_log", '"1"')
    # A crash leaves the -wal file holding committed rows; simulate by copying it as it is.
    wal = path.with_name(path.name + "-wal")
    main_copy, wal_copy = path.read_bytes(), wal.read_bytes()
    db.close()
    path.write_bytes(main_copy)
    wal.write_bytes(wal_copy)
    restored = backups.restore_backup(path, made.path, NOW)
    assert restored.kept_aside is not None
    assert settings_of(restored.kept_aside) == {"only_in_the_log": '"1"'}
    assert not wal.exists() or wal.stat().st_size == 0


def test_a_damaged_or_foreign_backup_is_not_restored(db: Database, tmp_path: Path) -> None:
    made = backups.make_backup(db.path, NOW)
    fill(db)
    db.close()
    before = db.path.read_bytes()
    foreign = tmp_path / "recipes.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY)")
    conn.close()
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(db.path.read_bytes())
    flip_middle(damaged)
    for bad, words in (
        (foreign, "not a Wellbeing database"),
        (empty, "is empty"),
        (damaged, "damaged"),
        (tmp_path, "not a file"),
    ):
        with pytest.raises(StorageError, match=words):
            backups.restore_backup(db.path, bad, NOW)
        assert db.path.read_bytes() == before
    assert made.path.exists()


def test_newest_good_backup_skips_a_damaged_one(db: Database) -> None:
    fill(db)
    older = backups.make_backup(db.path, NOW - timedelta(days=1))
    newer = backups.make_backup(db.path, NOW)
    flip_middle(newer.path)
    good = backups.newest_good_backup(db.path)
    assert good is not None and good.path == older.path


def test_an_upgrade_is_preceded_by_a_backup_of_the_old_file(tmp_path: Path) -> None:
    from tests.core.test_storage import make_revision_0001_database, user_tables

    path = tmp_path / "wellbeing.sqlite3"
    make_revision_0001_database(path)
    before = user_tables(path)
    open_database(path, now=NOW).close()
    [made] = backups.list_backups(path)
    assert made.made == NOW
    assert user_tables(made.path) == before
    conn = sqlite3.connect(made.path)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    finally:
        conn.close()


def test_no_upgrade_without_a_backup(tmp_path: Path) -> None:
    from tests.core.test_storage import make_revision_0001_database

    path = tmp_path / "wellbeing.sqlite3"
    make_revision_0001_database(path)
    before = path.read_bytes()
    (tmp_path / "backups").write_text("a file where the backups folder would go")
    with pytest.raises(StorageError, match="Not upgraded, as no backup could be made"):
        open_database(path, now=NOW)
    assert path.read_bytes() == before


def test_a_new_database_needs_no_backup_before_its_first_migration(tmp_path: Path) -> None:
    db = open_database(tmp_path / "wellbeing.sqlite3", now=NOW)
    assert db.created
    db.close()
    assert not (tmp_path / "backups").exists()
    again = open_database(tmp_path / "wellbeing.sqlite3", now=NOW)
    assert not again.created
    again.close()
