"""Opening the database: pragmas, private files, migrations, refusing files it must not touch,
and several processes writing at once."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
import warnings
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, text

from wellbeing_app.core.errors import StorageError
from wellbeing_app.core.records.pings import list_pings
from wellbeing_app.core.records.shifts import list_shifts
from wellbeing_app.core.schedule.weekly import add_days_off, load_book
from wellbeing_app.core.store.database import BUSY_TIMEOUT_MS, Database, open_database
from wellbeing_app.core.store.migrate import alembic_config
from wellbeing_app.core.store.models import SQLModel
from wellbeing_app.core.store.revisions import head_revision, known_revisions

# --- pragmas and file modes -------------------------------------------------------------


def pragma(db: Database, name: str, write: bool = False) -> object:
    opener = db.write if write else db.read
    with opener() as session:
        return session.execute(text(f"PRAGMA {name}")).scalar_one()


@pytest.mark.parametrize("write", [False, True])
def test_every_connection_gets_the_pragmas(db: Database, write: bool) -> None:
    assert pragma(db, "journal_mode", write) == "wal"
    assert pragma(db, "foreign_keys", write) == 1
    assert pragma(db, "busy_timeout", write) == BUSY_TIMEOUT_MS
    assert BUSY_TIMEOUT_MS >= 5000


def test_wal_mode_is_stored_in_the_file(db: Database) -> None:
    db.close()
    conn = sqlite3.connect(db.path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_files_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "data"
    db = open_database(folder / "wellbeing.sqlite3")
    with db.write() as session:
        session.execute(text("INSERT INTO setting (key, value) VALUES ('k', '1')"))
        # While the connection is open the -wal and -shm files exist: they get the same mode.
        for name in ("wellbeing.sqlite3", "wellbeing.sqlite3-wal", "wellbeing.sqlite3-shm"):
            assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600, name
    db.close()
    assert stat.S_IMODE(folder.stat().st_mode) & 0o077 == 0


def test_an_existing_empty_file_is_refused_untouched(tmp_path: Path) -> None:
    # A zero-length file is no Wellbeing database (ours are made whole, under another name,
    # then linked into place): taking it as a new one would hide whatever emptied it.
    path = tmp_path / "wellbeing.sqlite3"
    path.touch()
    backdate(path)
    before = snapshot(path)
    with pytest.raises(StorageError, match=r"is empty \(0 bytes\)"):
        open_database(path)
    assert snapshot(path) == before
    assert os.listdir(tmp_path) == [path.name]


def test_write_is_all_or_nothing(db: Database) -> None:
    with pytest.raises(RuntimeError), db.write() as session:
        session.execute(text("INSERT INTO setting (key, value) VALUES ('a', '1')"))
        raise RuntimeError("interrupted half way")
    with db.read() as session:
        assert session.execute(text("SELECT count(*) FROM setting")).scalar_one() == 0


def test_reopening_keeps_the_data(tmp_path: Path) -> None:
    path = tmp_path / "wellbeing.sqlite3"
    db = open_database(path)
    with db.write() as session:
        session.execute(text("INSERT INTO setting (key, value) VALUES ('a', '1')"))
    db.close()
    again = open_database(path)
    with again.read() as session:
        assert session.execute(text("SELECT value FROM setting")).scalar_one() == "1"
    again.close()
    assert stored_revision(path) == head_revision()


# --- migrations ---------------------------------------------------------------------------


def stored_revision(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        [(revision,)] = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    finally:
        conn.close()
    return str(revision)


def schema_diff(db: Database, metadata: MetaData) -> list[object]:
    with warnings.catch_warnings():
        # SQLite cannot reflect expression indexes, so alembic skips ux_shift_one_open (and
        # says so); test_the_one_open_shift_index_is_created checks that index directly.
        warnings.filterwarnings("ignore", message=".*expression-based index.*")
        with db.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "compare_server_default": True}
            )
            return list(compare_metadata(context, metadata))


def test_upgrading_an_empty_database_gives_exactly_the_models_schema(db: Database) -> None:
    assert schema_diff(db, SQLModel.metadata) == []
    assert stored_revision(db.path) == head_revision()


def test_the_schema_comparison_would_notice_a_difference(db: Database) -> None:
    # Guard against a vacuous comparison: a model the migrations lack shows up as a diff.
    extra = MetaData()
    for table in SQLModel.metadata.tables.values():
        table.to_metadata(extra)
    Table("not_a_wellbeing_table", extra, Column("id", Integer, primary_key=True))
    diff = schema_diff(db, extra)
    assert [entry[0] for entry in diff] == ["add_table"]  # type: ignore[index]


def sqlite_master_sql(db: Database, kind: str, name: str) -> str:
    with db.read() as session:
        sql = session.execute(
            text("SELECT sql FROM sqlite_master WHERE type = :kind AND name = :name"),
            {"kind": kind, "name": name},
        ).scalar_one()
    return " ".join(str(sql).split())


def test_the_one_open_shift_index_is_created(db: Database) -> None:
    sql = sqlite_master_sql(db, "index", "ux_shift_one_open")
    assert sql.startswith("CREATE UNIQUE INDEX ux_shift_one_open ON shift")
    assert "(end_utc IS NULL)" in sql
    assert sql.endswith("WHERE end_utc IS NULL")


def test_the_models_check_constraints_are_created(db: Database) -> None:
    for table in SQLModel.metadata.tables.values():
        wanted = {c.name for c in table.constraints if c.__class__.__name__ == "CheckConstraint"}
        sql = sqlite_master_sql(db, "table", table.name)
        for name in wanted:
            assert f"CONSTRAINT {name} CHECK" in sql, (table.name, name)


def test_known_revisions_agree_with_alembic() -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    assert scripts.get_heads() == [head_revision()]
    chain = [s.revision for s in reversed(list(scripts.walk_revisions()))]
    assert known_revisions() == chain
    assert known_revisions()[0] == "0001"


def make_revision_0001_database(path: Path) -> None:
    """A database as the first release left it, with a shift and a ping in it."""
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.commit()
    engine.dispose()
    conn = sqlite3.connect(path)
    try:
        conn.execute(
            "INSERT INTO shift (start_utc, end_utc, zone, note, origin) VALUES "
            "('2026-03-10 08:00:00.000000', '2026-03-10 16:30:00.000000', 'Europe/Berlin', "
            "'launch day', 'cli')"
        )
        conn.execute(
            "INSERT INTO ping (at_utc, zone, source, minutes, note, origin) VALUES "
            "('2026-03-10 20:15:00.000000', 'Europe/Berlin', 'slack', 5, 'late one', 'tray'), "
            "('2026-03-10 12:00:00.000000', 'Europe/Berlin', 'teams', 0, NULL, 'tray')"
        )
        conn.commit()
    finally:
        conn.close()


def user_tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'alembic_version'"
            )
        ]
        return {name: conn.execute(f"SELECT * FROM {name} ORDER BY 1").fetchall() for name in names}
    finally:
        conn.close()


def test_a_database_at_revision_0001_is_upgraded_with_its_rows_intact(tmp_path: Path) -> None:
    path = tmp_path / "wellbeing.sqlite3"
    make_revision_0001_database(path)
    before = user_tables(path)
    assert stored_revision(path) == "0001"
    assert set(before) == {"shift", "ping", "incident", "setting"}
    assert len(before["shift"]) == 1 and len(before["ping"]) == 2

    db = open_database(path)
    assert stored_revision(path) == head_revision() != "0001"
    after = user_tables(path)
    assert {name: after[name] for name in before} == before  # every old row, byte for byte
    assert {"schedule_version", "schedule_window", "day_off", "on_call"} <= set(after)
    assert schema_diff(db, SQLModel.metadata) == []

    ever = (datetime.min.replace(tzinfo=UTC), datetime.max.replace(tzinfo=UTC))
    with db.read() as session:
        [shift] = list_shifts(session, *ever)
        pings = list_pings(session, *ever)
    assert (shift.start, shift.end, shift.note) == (
        datetime(2026, 3, 10, 8, 0, tzinfo=UTC),
        datetime(2026, 3, 10, 16, 30, tzinfo=UTC),
        "launch day",
    )
    # No schedule yet: judged by the shift alone; outside it, not judged at all.
    assert [(p.source, p.minutes, p.note, p.timing) for p in pings] == [
        ("teams", 0, None, "working hours"),
        ("slack", 5, "late one", "not judged: no working hours set"),
    ]
    # The new tables take rows.
    with db.write() as session:
        add_days_off(session, date(2026, 3, 11), date(2026, 3, 12))
    with db.read() as session:
        assert load_book(session).days_off == [(date(2026, 3, 11), date(2026, 3, 12))]
    db.close()

    again = open_database(path)  # nothing left to do the second time
    again.close()
    assert stored_revision(path) == head_revision()
    assert {name: user_tables(path)[name] for name in before} == before


def test_incidents_from_before_0006_did_not_follow_a_decision_against_advice(
    tmp_path: Path,
) -> None:
    path = tmp_path / "wellbeing.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")
        connection.commit()
    engine.dispose()
    conn = sqlite3.connect(path)
    try:
        conn.execute(
            "INSERT INTO incident (at_utc, zone, category, severity, minutes, summary, origin) "
            "VALUES ('2026-03-10 20:15:00.000000', 'Europe/Berlin', 'crisis', 4, 30, 'x', 'cli')"
        )
        conn.commit()
    finally:
        conn.close()
    open_database(path).close()
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT severity, against_advice, advised_on FROM incident").fetchall()
    finally:
        conn.close()
    assert rows == [(4, 0, None)]


# --- files that must not be touched --------------------------------------------------------


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def backdate(path: Path) -> None:
    """Set an old mtime, so that any write, however quick, shows as a change."""
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))


def assert_only_sidecars_added(path: Path, before: list[str]) -> None:
    """Peeking into a WAL database read-only makes SQLite create its -wal and -shm files (it
    cannot delete them again without write access); nothing may be written to the log."""
    added = set(os.listdir(path.parent)) - set(before)
    assert added <= {f"{path.name}-wal", f"{path.name}-shm"}
    wal = path.with_name(f"{path.name}-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def make_newer_database(path: Path) -> None:
    db = open_database(path)
    with db.write() as session:
        session.execute(text("INSERT INTO setting (key, value) VALUES ('mine', '\"keep\"')"))
        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.close()


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "wellbeing.sqlite3"
    make_newer_database(path)
    backdate(path)
    before, files = snapshot(path), os.listdir(tmp_path)
    with pytest.raises(StorageError) as caught:
        open_database(path)
    assert "newer" in str(caught.value)
    assert "9999" in str(caught.value)
    assert snapshot(path) == before
    assert_only_sidecars_added(path, files)
    assert stored_revision(path) == "9999"


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "wellbeing.sqlite3"
    path.write_bytes(bytes(range(256)) * 64)
    backdate(path)
    before = snapshot(path)
    with pytest.raises(StorageError, match="not a readable"):
        open_database(path)
    assert snapshot(path) == before
    assert os.listdir(tmp_path) == [path.name]


def test_a_text_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "wellbeing.sqlite3"
    path.write_text("my notes, not a database\n" * 100)
    backdate(path)
    before = snapshot(path)
    with pytest.raises(StorageError):
        open_database(path)
    assert snapshot(path) == before
    assert os.listdir(tmp_path) == [path.name]


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "wellbeing.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO recipes (name) VALUES ('soup')")
    conn.commit()
    conn.close()
    backdate(path)
    before = snapshot(path)
    with pytest.raises(StorageError) as caught:
        open_database(path)
    assert "recipes" in str(caught.value)
    assert snapshot(path) == before
    assert os.listdir(tmp_path) == [path.name]


# --- several processes at once ------------------------------------------------------------

# Each worker opens the database, says "ready", waits for "go" on stdin, then logs its pings,
# one transaction each, as separate CLI calls would. The parent releases both together.
_WORKER = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime, timedelta
    from pathlib import Path

    from wellbeing_app.core.records.pings import list_pings, log_ping
    from wellbeing_app.core.store.database import open_database

    path, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    now = datetime(2026, 11, 15, tzinfo=UTC)
    print("ready", flush=True)
    sys.stdin.readline()
    db = open_database(path)
    for i in range(count):
        with db.write() as session:
            log_ping(session, at=now - timedelta(minutes=i), now=now, zone="UTC", source=name)
        if i % 10 == 0:
            with db.read() as session:
                list_pings(session, now - timedelta(days=1), now)
    db.close()
    print("done", flush=True)
    """
)


def run_writers(path: Path, count: int, names: list[str]) -> None:
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(path), name, str(count)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in names
    ]
    try:
        for worker in workers:
            assert worker.stdout is not None
            assert worker.stdout.readline().strip() == "ready"
        for worker in workers:
            assert worker.stdin is not None
            worker.stdin.write("go\n")
            worker.stdin.flush()
        results = [worker.communicate(timeout=40) for worker in workers]
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
    for worker, (out, err) in zip(workers, results, strict=True):
        assert worker.returncode == 0, err
        assert "locked" not in err
        assert out.strip() == "done"


def count_pings(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT source, count(*) FROM ping GROUP BY source").fetchall())
    finally:
        conn.close()


def test_two_processes_write_at_once(tmp_path: Path) -> None:
    path = tmp_path / "wellbeing.sqlite3"
    open_database(path).close()
    run_writers(path, 150, ["tray", "cli"])
    assert count_pings(path) == {"tray": 150, "cli": 150}


def test_two_processes_create_a_new_database_at_once(tmp_path: Path) -> None:
    # First start: the tray app and a CLI shortcut may both find no database and create it.
    path = tmp_path / "wellbeing.sqlite3"
    run_writers(path, 20, ["tray", "cli", "capture"])
    assert count_pings(path) == {"tray": 20, "cli": 20, "capture": 20}
    assert stored_revision(path) == head_revision()
