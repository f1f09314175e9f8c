"""`wellbeing-app export-all -o FILE`, `import all FILE [--json]` and `delete-all [--yes]`: the
user's data out whole, back into an empty folder, or gone with its backups."""

from __future__ import annotations

import io
import json
import os
import re
import stat
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from tests.cli_runner import NOW, Cli
from tests.full_copy_fixture import (
    REFLECTION_SECRET,
    SECRET,
    every_row,
    fill_everything,
    records,
    schema_tables,
)
from wellbeing_app.core.store.backups import list_backups, make_backup
from wellbeing_app.core.store.database import open_database
from wellbeing_app.core.store.lock import InstanceLock
from wellbeing_app.core.store.paths import DATABASE_NAME
from wellbeing_app.core.store.revisions import head_revision


class Terminal(io.StringIO):
    """What the user types at a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(tmp_path / "data", capsys, monkeypatch)


def filled(folder: Path) -> Path:
    """A data folder holding every kind of record, and a backup of it."""
    db = open_database(folder / DATABASE_NAME)
    try:
        fill_everything(db, NOW)
    finally:
        db.close()
    make_backup(folder / DATABASE_NAME, NOW)
    return folder / DATABASE_NAME


def typing(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", Terminal(text))


def test_export_all_then_import_all_brings_back_every_row_of_every_table(
    cli: Cli, tmp_path: Path
) -> None:
    source = filled(cli.data_dir)
    out = tmp_path / "everything.json"
    reply = cli.ok("export-all", "-o", str(out))
    assert re.fullmatch(
        rf"Wrote every record \([\d,]+ rows in {len(schema_tables())} tables\) to {out}\. "
        "It holds your private notes and reflections: keep it safe.",
        reply,
    )
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert SECRET in out.read_text(encoding="utf-8")

    elsewhere = tmp_path / "new-machine"
    reply = cli.ok("import", "all", str(out), data_dir=elsewhere)
    assert re.fullmatch(
        rf"Brought in every record \([\d,]+ rows in \d+ tables\) from {out}, "
        "a full copy made 2026-11-15 13:00.",
        reply,
    )
    before, after = every_row(source), every_row(elsewhere / DATABASE_NAME)
    assert set(before) == set(after) == schema_tables() | {"alembic_version"}
    for table in before:
        assert before[table], f"{table}: nothing compared"
        assert after[table] == before[table], table
    assert cli.ok("list", "pings", "--json", data_dir=elsewhere) == cli.ok(
        "list", "pings", "--json"
    )


def test_import_all_json_counts_each_table(cli: Cli, tmp_path: Path) -> None:
    cli.ok("log", "ping", "--source", "slack", "--note", "a note")
    cli.ok("log", "incident", "--category", "threats", "--severity", "4")
    out = tmp_path / "copy.json"
    cli.ok("export-all", "-o", str(out))
    counts = json.loads(cli.ok("import", "all", str(out), "--json", data_dir=tmp_path / "b"))
    assert counts["file"] == str(out)
    assert counts["tables"]["ping"] == 1 and counts["tables"]["incident"] == 1
    assert counts["rows"] == sum(counts["tables"].values())
    assert set(counts["tables"]) == schema_tables()


def test_import_all_refuses_a_folder_that_holds_records(cli: Cli, tmp_path: Path) -> None:
    cli.ok("log", "ping", "--source", "slack")
    out = tmp_path / "copy.json"
    cli.ok("export-all", "-o", str(out))
    before = every_row(cli.data_dir / DATABASE_NAME)
    result = cli.run("import", "all", str(out))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "already holds records (1 row in ping)" in result.stderr
    assert "Nothing was written" in result.stderr
    assert every_row(cli.data_dir / DATABASE_NAME) == before


def _copy(tmp_path: Path, change: Callable[[dict[str, object]], None]) -> Path:
    document: dict[str, object] = {
        "format": "wellbeing-app full copy",
        "version": 1,
        "schema": head_revision(),
        "exported_utc": "2026-11-15T12:00:00+00:00",
        "tables": {
            "ping": [
                {
                    "id": 1,
                    "at_utc": "2026-11-15T10:00:00+00:00",
                    "zone": "Europe/Berlin",
                    "source": "slack",
                }
            ],
            "setting": [{"key": "first_run_done", "value": "true"}],
        },
    }
    change(document)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _fifo(tmp_path: Path) -> Path:
    os.mkfifo(tmp_path / "pipe")
    return tmp_path / "pipe"


def _written(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(tmp_path: Path) -> Path:
        (tmp_path / name).write_bytes(data)
        return tmp_path / name

    return make


def _bad_ping(document: dict[str, object]) -> None:
    tables = document["tables"]
    assert isinstance(tables, dict)
    tables["ping"][0]["minutes"] = "five"


BAD_FILES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "not json": (_written("a.json", b"{not json"), "is not valid JSON (Expecting property"),
    "wrong format": (
        lambda p: _copy(p, lambda d: d.update(format="summary")),
        "is not a full copy from 'export-all'",
    ),
    "newer version": (
        lambda p: _copy(p, lambda d: d.update(version=3)),
        "was written by a newer Wellbeing (full copy version 3; this one reads version 1); "
        "update Wellbeing to bring it in",
    ),
    "bad value": (
        lambda p: _copy(p, _bad_ping),
        'in table ping, row 1, column minutes: expected a whole number, not "five"',
    ),
    "device": (lambda p: Path("/dev/zero"), "is not a regular file (a pipe or a device)"),
    "fifo": (_fifo, "is not a regular file (a pipe or a device)"),
    "folder": (lambda p: p, "is a folder; give a full copy written by 'export-all'"),
    "too deep": (
        _written("deep.json", b"[" * 50_000 + b"]" * 50_000),
        "nests deeper than a full copy does (at most 4 levels)",
    ),
    "not utf-8": (_written("latin.json", '{"note": "café"}'.encode("latin-1")), "is not UTF-8"),
    "missing": (lambda p: p / "nowhere.json", "cannot be read (No such file or directory)"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_import_all_refuses_a_bad_file_in_one_line_and_writes_nothing(
    cli: Cli, tmp_path: Path, case: str
) -> None:
    make, message = BAD_FILES[case]
    folder = tmp_path / "files"
    folder.mkdir()
    path = make(folder)
    cli.ok("list", "pings")  # the folder as a first start leaves it
    before = every_row(cli.data_dir / DATABASE_NAME)
    result = cli.run("import", "all", str(path))
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"wellbeing-app: FILE: {path} "), result.stderr
    assert message in result.stderr
    assert result.stderr.endswith("; nothing was written\n")
    assert every_row(cli.data_dir / DATABASE_NAME) == before


def test_export_all_never_writes_into_the_data_folder_or_onto_a_folder(
    cli: Cli, tmp_path: Path
) -> None:
    cli.ok("log", "ping", "--source", "slack")
    for target, message in (
        (cli.data_dir / "copy.json", "is in Wellbeing's data folder"),
        (cli.data_dir / DATABASE_NAME, "is in Wellbeing's data folder"),
        (tmp_path, "is a folder; give a file name in it"),
        (tmp_path / "no" / "copy.json", "does not exist"),
    ):
        result = cli.run("export-all", "-o", str(target))
        assert result.returncode == 2
        assert result.stderr.startswith("wellbeing-app: -o: ") and message in result.stderr
    assert not (cli.data_dir / "copy.json").exists()
    assert len(cli.listed("pings")) == 1


def _assert_all_gone(cli: Cli) -> None:
    database = cli.data_dir / DATABASE_NAME
    rows = every_row(database)
    assert rows.pop("alembic_version") == [(head_revision(),)]
    assert rows == {table: [] for table in schema_tables()}
    assert list_backups(database) == []
    on_disk = b"".join(path.read_bytes() for path in cli.data_dir.rglob("*") if path.is_file())
    for secret in (SECRET, REFLECTION_SECRET, "Demo reflection"):
        assert secret.encode() not in on_disk, secret


def test_delete_all_yes_removes_every_record_and_backup(cli: Cli) -> None:
    database = filled(cli.data_dir)
    assert SECRET.encode() in database.read_bytes()
    reply = cli.ok("delete-all", "--yes")
    assert re.fullmatch(
        rf"Deleted every record \([\d,]+ rows in {len(schema_tables())} tables\) and "
        rf"1 backup file\. {database} is now an empty database: Wellbeing starts as new next "
        "time.",
        reply,
    )
    _assert_all_gone(cli)
    assert cli.ok("backup", "list").startswith("No backups yet")  # none made after it either
    assert cli.ok("delete-all", "--yes") == (
        f"Nothing to delete: {database} holds no records, and there are no backups."
    )


def test_delete_all_asks_and_deletes_when_delete_is_typed(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = filled(cli.data_dir)
    typing(monkeypatch, "DELETE\n")
    result = cli.run("delete-all")
    assert result.returncode == 0, result.stderr
    asked, done = result.stdout.split("Type DELETE to delete everything: ")
    assert asked.startswith(f"This deletes every record in {database} (")
    assert re.search(r"\b[\d,]+ pings, ", asked) and "1 counted notification," in asked
    assert "2 settings" in asked and "1 backup file in " in asked
    assert "'wellbeing-app export-all -o FILE' keeps a copy first." in asked
    assert done.startswith("Deleted every record (")
    _assert_all_gone(cli)


@pytest.mark.parametrize("typed", ["delete\n", "yes\n", "DELETE IT\n", ""])
def test_delete_all_keeps_everything_unless_delete_is_typed(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    database = filled(cli.data_dir)
    before = every_row(database)
    typing(monkeypatch, typed)
    result = cli.run("delete-all")
    assert result.returncode == 1
    assert result.stderr == "wellbeing-app: DELETE was not typed; nothing was deleted.\n"
    assert every_row(database) == before
    assert len(list_backups(database)) == 1


def test_delete_all_without_a_terminal_asks_for_yes(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = filled(cli.data_dir)
    before = every_row(database)
    monkeypatch.setattr("sys.stdin", io.StringIO("DELETE\n"))  # a pipe, not a person
    result = cli.run("delete-all")
    assert result.returncode == 2
    assert result.stderr.startswith("wellbeing-app: --yes: there is no terminal to ask on; ")
    assert result.stderr.count("\n") == 1 and "Nothing was deleted." in result.stderr
    assert every_row(database) == before


def test_delete_all_waits_for_the_running_app_to_quit(cli: Cli) -> None:
    database = filled(cli.data_dir)
    before = every_row(database)
    lock = InstanceLock(cli.data_dir / "wellbeing-app.lock")
    assert lock.acquire()
    try:
        result = cli.run("delete-all", "--yes")
    finally:
        lock.release()
    assert result.returncode == 1
    assert "Wellbeing is running for this data folder; quit it first" in result.stderr
    assert every_row(database) == before
    assert records(database)["ping"] > 1000


def test_a_deleted_folder_takes_a_full_copy_again(cli: Cli, tmp_path: Path) -> None:
    filled(cli.data_dir)
    out = tmp_path / "copy.json"
    cli.ok("export-all", "-o", str(out))
    before = every_row(cli.data_dir / DATABASE_NAME)
    cli.ok("delete-all", "--yes")
    cli.ok("import", "all", str(out))
    assert every_row(cli.data_dir / DATABASE_NAME) == before
    assert isinstance(datetime.fromisoformat(json.loads(out.read_text())["exported_utc"]), datetime)
