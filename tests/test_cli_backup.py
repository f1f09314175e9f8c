"""`wellbeing-app backup [list|restore FILE]`, the daily backup every command line makes, and
exports that can never land on the data or on something that is not a file."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from tests.cli_runner import Cli
from wellbeing_app.core.store.backups import list_backups
from wellbeing_app.core.store.paths import DATABASE_NAME


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(tmp_path / "data", capsys, monkeypatch)


def database(cli: Cli) -> Path:
    return cli.data_dir / DATABASE_NAME


def test_backup_makes_a_checked_copy_and_list_shows_it(cli: Cli) -> None:
    cli.ok("log", "ping", "--source", "slack")
    made = json.loads(cli.ok("backup", "--json"))
    assert set(made) == {"path", "made", "bytes"}
    assert made["made"] == "2026-11-15T12:00:00+00:00"
    assert Path(made["path"]).parent == cli.data_dir / "backups"
    assert stat.S_IMODE(Path(made["path"]).stat().st_mode) == 0o600
    listed = json.loads(cli.ok("backup", "list", "--json"))
    assert made in listed and listed[0] == max(listed, key=lambda row: row["path"])
    text = cli.ok("backup", "list")
    assert text.splitlines()[0].startswith("2026-11-15 13:00 ")  # in the user's zone
    assert made["path"] in text
    line = cli.ok("backup")
    assert line.startswith("Backed up (and checked) to ") and line.endswith(" KB).")


def test_backup_list_says_where_they_go_before_there_is_any(cli: Cli) -> None:
    assert cli.ok("backup", "list") == (
        f"No backups yet; they are kept in {cli.data_dir / 'backups'}. "
        "Make one now with: wellbeing-app backup"
    )
    assert json.loads(cli.ok("backup", "list", "--json")) == []
    result = cli.run("backup")
    assert result.returncode == 1
    assert "There is no database in" in result.stderr
    assert not cli.data_dir.exists()  # nothing made by asking


def test_the_first_command_of_a_day_makes_the_daily_backup(cli: Cli) -> None:
    cli.ok("log", "ping", "--source", "slack")  # creates the database: nothing to keep yet
    assert list_backups(database(cli)) == []
    cli.ok("log", "ping", "--source", "email")  # the quick path makes it
    [first] = list_backups(database(cli))
    cli.ok("list", "pings")  # not due again the same day
    assert list_backups(database(cli)) == [first]
    cli.now += timedelta(days=1)
    cli.ok("list", "pings")  # the full path makes it
    newest = list_backups(database(cli))[0]
    assert newest.made == cli.now


def test_restore_brings_back_the_backup_and_keeps_the_current_file(cli: Cli) -> None:
    cli.ok("log", "ping", "--source", "slack")
    backup = json.loads(cli.ok("backup", "--json"))["path"]
    cli.ok("log", "ping", "--source", "email", "--at", "2026-11-15T10:00")
    assert len(cli.listed("pings")) == 2
    reply = cli.ok("backup", "restore", backup)
    aside = Path(reply.rsplit(" kept as ", 1)[1].rstrip("."))
    assert [row["source"] for row in cli.listed("pings")] == ["slack"]
    assert aside.exists() and stat.S_IMODE(aside.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("given", "status", "words"),
    [
        ("missing.sqlite3", 2, "FILE: "),
        (DATABASE_NAME, 2, "is the database itself"),
        ("notes.txt", 1, "not a readable Wellbeing database"),
    ],
)
def test_restore_refuses_what_is_no_backup(cli: Cli, given: str, status: int, words: str) -> None:
    cli.ok("log", "ping", "--source", "slack")
    (cli.data_dir / "notes.txt").write_text("not a database " * 300)
    before = database(cli).read_bytes()
    result = cli.run("backup", "restore", str(cli.data_dir / given))
    assert (result.returncode, result.stdout) == (status, "")
    assert words in result.stderr and result.stderr.count("\n") == 1
    assert database(cli).read_bytes() == before


@pytest.fixture
def running_app(cli: Cli) -> Iterator[None]:
    """Another process holding the app's instance lock, as a running Wellbeing does."""
    cli.data_dir.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                """
                import sys
                from pathlib import Path
                from wellbeing_app.core.store.lock import InstanceLock
                lock = InstanceLock(Path(sys.argv[1]))
                print("held" if lock.acquire() else "busy", flush=True)
                sys.stdin.readline()
                """
            ),
            str(cli.data_dir / "wellbeing-app.lock"),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    yield
    holder.communicate("\n", timeout=10)


def test_restore_waits_for_the_app_to_be_quit(cli: Cli, running_app: None) -> None:
    cli.ok("log", "ping", "--source", "slack")
    backup = json.loads(cli.ok("backup", "--json"))["path"]
    before = database(cli).read_bytes()
    result = cli.run("backup", "restore", backup)
    assert result.returncode == 1
    assert "Wellbeing is running for this data folder; quit it first" in result.stderr
    assert database(cli).read_bytes() == before


# --- exports ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "md", "csv", "pdf"])
def test_an_export_never_lands_in_the_data_folder(cli: Cli, fmt: str) -> None:
    cli.ok("log", "ping", "--source", "slack")
    backup = Path(json.loads(cli.ok("backup", "--json"))["path"])
    (cli.data_dir / "link.md").symlink_to(database(cli))
    before = {p: p.read_bytes() for p in (database(cli), backup)}
    for target in (
        database(cli),
        cli.data_dir / "new-file.md",
        backup,
        cli.data_dir / "link.md",
        cli.data_dir / ".." / cli.data_dir.name / DATABASE_NAME,
    ):
        result = cli.run("summary", "--format", fmt, "-o", str(target))
        assert (result.returncode, result.stdout) == (2, "")
        assert result.stderr.startswith("wellbeing-app: -o: ")
        assert "is in Wellbeing's data folder" in result.stderr
    assert {p: p.read_bytes() for p in before} == before
    assert not (cli.data_dir / "new-file.md").exists()


@pytest.mark.parametrize(
    ("target", "words"),
    [
        ("folder", "is a folder; give a file name in it"),
        ("/dev/null", "is not a regular file (a device or a pipe)"),
        ("missing/summary.pdf", "the folder"),
    ],
)
@pytest.mark.parametrize("command", ["summary", "team-summary"])
def test_an_export_to_a_folder_device_or_missing_folder_is_bad_input(
    cli: Cli, tmp_path: Path, target: str, words: str, command: str
) -> None:
    (tmp_path / "folder").mkdir()
    path = target if target.startswith("/") else str(tmp_path / target)
    args = (
        ["team-summary", str(tmp_path / "member.json")] if command == "team-summary" else [command]
    )
    result = cli.run(*args, "--format", "pdf", "-o", path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("wellbeing-app: -o: ") and words in result.stderr
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("fmt", ["md", "json", "pdf"])
def test_exports_follow_the_umask_and_wellbeing_figures_stay_private(
    cli: Cli, tmp_path: Path, fmt: str, qapp: object
) -> None:
    """(``qapp``: a PDF is laid out in this process, on the tests' QApplication.)"""
    cli.ok("log", "ping", "--source", "slack")
    old = os.umask(0o022)
    try:
        plain, private = tmp_path / f"plain.{fmt}", tmp_path / f"private.{fmt}"
        plain.write_text("an older export, readable by all")
        os.chmod(plain, 0o644)
        cli.ok("summary", "--format", fmt, "-o", str(plain))
        cli.ok("summary", "--format", fmt, "-o", str(private), "--include-wellbeing")
        os.umask(0o077)
        tight = tmp_path / f"tight.{fmt}"
        cli.ok("summary", "--format", fmt, "-o", str(tight))
    finally:
        os.umask(old)
    assert stat.S_IMODE(plain.stat().st_mode) == 0o644
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert stat.S_IMODE(tight.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


# --- the words of the command line --------------------------------------------------------


def test_text_that_is_not_utf8_is_refused_naming_the_option(cli: Cli) -> None:
    not_utf8 = b"caf\xe9".decode("utf-8", "surrogateescape")  # as Python gets Latin-1 bytes
    for args, name in (
        (("log", "ping", "--source", "slack", "--note", not_utf8), "--note"),
        (("shift", "start", "--note", not_utf8), "--note"),
        (
            ("reflect", "--mood", "3", "--energy", "3", "--stress", "3", "--tonight", not_utf8),
            "--tonight",
        ),
    ):
        result = cli.run(*args)
        assert (result.returncode, result.stdout) == (2, "")
        assert result.stderr == (
            f"wellbeing-app: {name}: is not valid UTF-8 text (check the terminal's encoding); "
            "nothing was written\n"
        )
    assert not cli.data_dir.exists()


def test_a_tz_that_names_no_zone_is_said_with_the_zone_used(tmp_path: Path) -> None:
    from tests.cli_runner import run_process

    done = run_process(tmp_path, "shift", "status", env={"TZ": "Mars/Olympus_Mons"})
    assert done.returncode == 0, done.stderr
    assert done.stderr == (
        "wellbeing-app: note: TZ='Mars/Olympus_Mons' is not a time zone this machine knows; "
        "using UTC\n"
    )
    posix = run_process(tmp_path, "shift", "status", env={"TZ": "JST-9"})
    assert "using Etc/GMT-9" in posix.stderr
    fine = run_process(tmp_path, "shift", "status", env={"TZ": "Asia/Tokyo"})
    assert fine.stderr == ""
