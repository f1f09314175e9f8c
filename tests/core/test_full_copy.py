"""The full copy: every row of every table out and back in unchanged, ids kept; a file checked
whole before anything is written; and everything deleted, leaving no trace in the file."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.full_copy_fixture import (
    REFLECTION_SECRET,
    SECRET,
    every_row,
    fill_everything,
    records,
    schema_tables,
)
from wellbeing_app.core.errors import ConflictError, ValidationError
from wellbeing_app.core.store import full_copy_file, settings
from wellbeing_app.core.store.backups import backup_folder, list_backups, make_backup
from wellbeing_app.core.store.database import Database, open_database
from wellbeing_app.core.store.full_copy import (
    delete_everything,
    export_everything,
    import_everything,
)
from wellbeing_app.core.store.full_copy_file import full_copy_text, load_full_copy
from wellbeing_app.core.store.models import Ping
from wellbeing_app.core.store.revisions import head_revision

NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Database]:
    """A second, new database, where the app's first start has written a setting."""
    database = open_database(tmp_path / "fresh" / "wellbeing.sqlite3")
    with database.write() as session:
        settings.set_setting(session, "language", "de")
    yield database
    database.close()


def small_copy() -> dict[str, Any]:
    """A valid full copy of a few rows, for spoiling one thing at a time."""
    return {
        "format": "wellbeing-app full copy",
        "version": 1,
        "schema": head_revision(),
        "exported_utc": "2026-11-15T12:00:00+00:00",
        "tables": {
            "shift": [
                {
                    "id": 1,
                    "start_utc": "2026-11-14T08:00:00+00:00",
                    "end_utc": "2026-11-14T16:00:00+00:00",
                    "zone": "Europe/Berlin",
                    "note": None,
                    "origin": "cli",
                },
                {
                    "id": 2,
                    "start_utc": "2026-11-15T08:00:00+01:00",
                    "end_utc": None,
                    "zone": "Europe/Berlin",
                    "note": "on it",
                    "origin": "tray",
                },
            ],
            "ping": [
                {
                    "id": 7,
                    "at_utc": "2026-11-14T20:00:00+00:00",
                    "zone": "Europe/Berlin",
                    "source": "slack",
                    "minutes": 5,
                    "note": None,
                    "origin": "capture",
                }
            ],
            "captured_ping": [
                {"ping_id": 7, "notifications": 3, "last_utc": "2026-11-14T20:01:00+00:00"}
            ],
            "setting": [{"key": "first_run_done", "value": "true"}],
        },
    }


def written(tmp_path: Path, document: Any, name: str = "copy.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_every_row_of_every_table_comes_back_unchanged(
    db: Database, fresh: Database, tmp_path: Path
) -> None:
    fill_everything(db, NOW)
    before = every_row(db.path)
    assert {name for name, rows in before.items() if rows} == schema_tables() | {
        "alembic_version"
    }, "the filler must put rows in every table, or the comparison proves nothing"
    path = tmp_path / "everything.json"
    path.write_text(full_copy_text(export_everything(db, NOW)), encoding="utf-8")

    counts = import_everything(fresh, load_full_copy(path))

    after = every_row(fresh.path)
    assert set(after) == set(before)
    assert set(before) - {"alembic_version"} == schema_tables()  # no table left uncompared
    for table in before:
        assert after[table] == before[table], table
    assert counts == {t: len(rows) for t, rows in before.items() if t != "alembic_version"}


def test_the_document_holds_private_text_typed_values_and_ids(db: Database) -> None:
    fill_everything(db, NOW)
    document = export_everything(db, NOW)
    assert {k: document[k] for k in ("format", "version", "schema", "exported_utc")} == {
        "format": "wellbeing-app full copy",
        "version": 1,
        "schema": head_revision(),
        "exported_utc": "2026-11-15T12:00:00+00:00",
    }
    tables = document["tables"]
    assert set(tables) == schema_tables()
    threat = next(row for row in tables["incident"] if row["summary"] == "Threat in DMs")
    assert threat["details"] == f"{SECRET}\nsecond line"
    assert threat["at_utc"] == "2026-11-14T09:30:15.123456+00:00"
    assert any(row["tonight"] == REFLECTION_SECRET for row in tables["reflection"])
    assert {row["skipped"] for row in tables["reflection"]} == {True, False}
    assert tables["day_off"][-1]["first_day"] == "2026-12-24"
    assert tables["captured_ping"][0]["ping_id"] in {row["id"] for row in tables["ping"]}
    assert json.loads(full_copy_text(document)) == document
    assert len(full_copy_text(document).splitlines()) > sum(map(len, tables.values()))


def test_the_copy_settings_replace_those_of_a_first_start(fresh: Database, tmp_path: Path) -> None:
    import_everything(fresh, load_full_copy(written(tmp_path, small_copy())))
    rows = every_row(fresh.path)
    assert rows["setting"] == [("first_run_done", "true")]
    assert [row[0] for row in rows["shift"]] == [1, 2]
    assert rows["shift"][1][1] == "2026-11-15 07:00:00.000000"  # stored in UTC


def test_a_database_holding_records_is_refused(db: Database, fresh: Database) -> None:
    with db.write() as session:
        session.add(Ping(at_utc=NOW, zone="UTC", source="slack"))
    before = every_row(db.path)
    with pytest.raises(ConflictError, match=r"already holds records \(1 row in ping\)"):
        import_everything(db, small_copy())
    assert every_row(db.path) == before


def test_a_copy_from_an_older_schema_takes_the_defaults_of_newer_columns(
    fresh: Database,
) -> None:
    older = small_copy()
    older["schema"] = "0004"  # before calendar imports: no batch columns
    del older["tables"]["ping"][0]["origin"]
    older["tables"]["day_off"] = [{"id": 3, "first_day": "2026-12-24", "last_day": "2026-12-24"}]
    import_everything(fresh, older)
    rows = every_row(fresh.path)
    assert rows["ping"][0][-1] == "tray"
    assert rows["day_off"] == [(3, "2026-12-24", "2026-12-24", None, None, None, None)]


def spoiled(change: str) -> dict[str, Any]:
    document = small_copy()
    tables = document["tables"]
    shift = tables["shift"][1]
    changes = {
        "format": lambda: document.update(format="wellbeing-app summary"),
        "newer version": lambda: document.update(version=2),
        "no version": lambda: document.update(version="1"),
        "newer schema": lambda: document.update(schema="0099"),
        "unknown schema": lambda: document.update(schema="banana"),
        "no tables": lambda: document.pop("tables"),
        "unknown table": lambda: tables.update(mood_ring=[]),
        "alembic table": lambda: tables.update(alembic_version=[{"version_num": "0001"}]),
        "table not a list": lambda: tables.update(ping={}),
        "row not an object": lambda: tables["ping"].append([1, 2]),
        "unknown column": lambda: shift.update(colour="red"),
        "text as number": lambda: shift.update(id="2"),
        "bool as number": lambda: shift.update(id=True),
        "huge number": lambda: shift.update(id=2**63),
        "naive instant": lambda: shift.update(start_utc="2026-11-15T08:00:00"),
        "not an instant": lambda: shift.update(start_utc="yesterday"),
        "null required": lambda: shift.update(zone=None),
        "number as text": lambda: shift.update(zone=3),
        "lone surrogate": lambda: shift.update(note="\ud800"),
        "missing required": lambda: shift.pop("start_utc"),
        "bad date": lambda: tables.update(
            day_off=[{"id": 1, "first_day": "24.12.2026", "last_day": "2026-12-24"}]
        ),
        "number as flag": lambda: tables.update(
            reflection=[
                {"id": 1, "day": "2026-11-14", "zone": "UTC", "skipped": 1, "saved_utc": None}
            ]
        ),
    }
    changes[change]()
    return document


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("format", r"is not a full copy from 'export-all'"),
        ("newer version", r"was written by a newer Wellbeing \(full copy version 2; this one"),
        ("no version", r"of no version this app knows \(\"1\"\)"),
        ("newer schema", r"was written by a newer Wellbeing \(schema 0099; this one knows up to"),
        ("unknown schema", r"names a schema revision this app never had"),
        ("no tables", r'has no "tables" object'),
        ("unknown table", r'holds a table this version does not know \("mood_ring"\)'),
        ("alembic table", r'does not know \("alembic_version"\)'),
        ("table not a list", r"has a table ping that is not a list of rows"),
        ("row not an object", r"something other than a row .* in table ping, row 2$"),
        ("unknown column", r'does not know in table shift, row 2: "colour"'),
        ("text as number", r'in table shift, row 2, column id: expected a whole number, not "2"'),
        ("bool as number", r"row 2, column id: expected a whole number, not true"),
        ("huge number", r"row 2, column id: expected a whole number"),
        ("naive instant", r"row 2, column start_utc: expected a date and time with its UTC"),
        ("not an instant", r'column start_utc: .*, not "yesterday"'),
        ("null required", r"row 2, column zone: has no value \(null\), and needs one"),
        ("number as text", r"row 2, column zone: expected text, not 3"),
        ("lone surrogate", r"row 2, column note: is not valid text"),
        ("missing required", r"row 2, column start_utc: is missing, and has no default"),
        ("bad date", r'table day_off, row 1, column first_day: expected a date .*"24.12.2026"'),
        ("number as flag", r"table reflection, row 1, column skipped: expected true or false"),
    ],
)
def test_a_file_that_is_not_right_is_refused_naming_what_and_where(
    fresh: Database, change: str, message: str
) -> None:
    before = every_row(fresh.path)
    with pytest.raises(ValidationError, match=message) as caught:
        import_everything(fresh, spoiled(change))
    assert caught.value.field == "FILE"
    assert "\n" not in str(caught.value)
    assert every_row(fresh.path) == before  # not even the settings were replaced


@pytest.mark.parametrize(
    ("changed", "change", "table", "row", "rule"),
    [
        (("shift", 0), {"end_utc": "2026-11-14T07:00:00+00:00"}, "shift", 1, "ck_shift_end"),
        (("shift", 0), {"end_utc": None}, "shift", 2, "UNIQUE constraint failed"),  # two open
        (("shift", 1), {"id": 1}, "shift", 2, "UNIQUE constraint failed: shift.id"),
        (("captured_ping", 0), {"ping_id": 8}, "captured_ping", 1, "FOREIGN KEY constraint"),
    ],
)
def test_a_row_the_database_refuses_is_named_and_nothing_is_written(
    fresh: Database,
    changed: tuple[str, int],
    change: dict[str, Any],
    table: str,
    row: int,
    rule: str,
) -> None:
    document = small_copy()
    document["tables"][changed[0]][changed[1]].update(change)
    before = every_row(fresh.path)
    with pytest.raises(ValidationError) as caught:
        import_everything(fresh, document)
    message = str(caught.value)
    assert f"breaks a rule of the database in table {table}, row {row} (" in message
    assert rule in message
    assert every_row(fresh.path) == before


def test_reading_refuses_what_is_not_a_full_copy_file(tmp_path: Path) -> None:
    cases: dict[str, tuple[Path, str]] = {
        "not json": (tmp_path / "a.json", "is not valid JSON (Expecting value at line 1"),
        "nan": (tmp_path / "b.json", "holds a value no full copy has (NaN is not a number"),
        "deep": (tmp_path / "c.json", "nests deeper than a full copy does (at most 4 levels)"),
        "very deep": (tmp_path / "d.json", "nests deeper than a full copy does"),
        "not utf-8": (tmp_path / "e.json", "is not UTF-8 text (byte 22"),
        "folder": (tmp_path, "is a folder; give a full copy written by 'export-all'"),
        "device": (Path("/dev/zero"), "is not a regular file (a pipe or a device)"),
        "missing": (tmp_path / "gone.json", "cannot be read (No such file or directory)"),
    }
    cases["not json"][0].write_text("hello", encoding="utf-8")
    cases["nan"][0].write_text('{"version": NaN}', encoding="utf-8")
    cases["deep"][0].write_text('{"tables": {"shift": [{"id": [1]}]}}', encoding="utf-8")
    cases["very deep"][0].write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    cases["not utf-8"][0].write_bytes(b'{"format": "wellbeing\xff"}')
    for case, (path, message) in cases.items():
        with pytest.raises(ValidationError) as caught:
            load_full_copy(path, "FILE")
        assert caught.value.field == "FILE", case
        assert message in caught.value.message, case


def test_reading_refuses_a_pipe_without_waiting_and_a_file_too_large(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(ValidationError, match="is not a regular file"):
        load_full_copy(fifo)
    monkeypatch.setattr(full_copy_file, "MAX_FILE_BYTES", 10)
    with pytest.raises(ValidationError, match="is larger than 0 KB"):
        load_full_copy(written(tmp_path, small_copy()))


def test_delete_everything_leaves_an_empty_database_at_the_head_revision(
    db: Database, tmp_path: Path
) -> None:
    fill_everything(db, NOW)
    make_backup(db.path, NOW)
    aside = backup_folder(db.path) / "replaced-20261115-120000.sqlite3"
    aside.write_bytes(db.path.read_bytes())
    assert SECRET.encode() in db.path.read_bytes() + _wal(db.path)

    deleted = delete_everything(db)

    assert deleted.rows["ping"] > 6000 and deleted.rows["setting"] == 2
    assert deleted.backup_files == 2 and deleted.log_emptied
    rows = every_row(db.path)
    assert rows.pop("alembic_version") == [(head_revision(),)]
    assert all(table == [] for table in rows.values())
    assert set(rows) == schema_tables()
    assert list_backups(db.path) == [] and not backup_folder(db.path).exists()
    on_disk = db.path.read_bytes() + _wal(db.path)
    for secret in (SECRET, REFLECTION_SECRET, "Demo reflection", "Threat in DMs"):
        assert secret.encode() not in on_disk, secret
    with db.write() as session:  # still a working database
        session.add(Ping(at_utc=NOW, zone="UTC", source="slack"))
    assert records(db.path) == {"ping": 1}


def test_delete_everything_on_an_empty_database_removes_nothing(db: Database) -> None:
    deleted = delete_everything(db)
    assert deleted.rows == {} and deleted.backup_files == 0


def _wal(database: Path) -> bytes:
    wal = database.with_name(database.name + "-wal")
    return wal.read_bytes() if wal.exists() else b""
