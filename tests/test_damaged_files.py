"""A database file hurt by bad luck: cut short, bytes overwritten in the middle, emptied, on a full
disk, read-only. Each is said in one line (exit 1), never written to, and what can still be read
is read."""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.cli_runner import BERLIN, Cli, run_process
from tests.damage import flip_middle, truncate_half
from wellbeing_app.core.store import health
from wellbeing_app.core.store.database import open_database
from wellbeing_app.core.store.health import DamagedDatabase
from wellbeing_app.core.store.paths import DATABASE_NAME


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(tmp_path / "data", capsys, monkeypatch)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def with_history(cli: Cli, pings: int = 400) -> Path:
    """A database of many pages (the pings of a busy month), backed up once."""
    cli.ok("shift", "add", "--start", "2026-11-02T09:00", "--end", "2026-11-02T17:00")
    db = open_database(cli.data_dir / DATABASE_NAME)
    with db.write() as session:
        for n in range(pings):
            session.execute(
                text(
                    "INSERT INTO ping (at_utc, zone, source, minutes, note, origin) VALUES "
                    "(:at, 'Europe/Berlin', 'slack', 5, :note, 'cli')"
                ),
                {"at": f"2026-11-{1 + n % 14:02d} 1{n % 10}:00:00.000000", "note": f"n{n}"},
            )
    db.close()
    cli.ok("backup")
    return cli.data_dir / DATABASE_NAME


@pytest.mark.parametrize("damage", [flip_middle, truncate_half], ids=["flipped", "truncated"])
def test_a_damaged_file_is_refused_in_one_line_and_never_written(cli: Cli, damage) -> None:
    path = with_history(cli)
    damage(path)
    before = digest(path)
    for command in (
        ("log", "ping", "--source", "slack"),  # the quick path
        ("shift", "start"),
        ("log", "incident", "--category", "crisis", "--severity", "3"),  # the full path
        ("list", "pings"),
    ):
        result = cli.run(*command)
        assert (result.returncode, result.stdout) == (1, ""), command
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert " is damaged (" in result.stderr and "nothing was written" in result.stderr
        assert "wellbeing-app backup restore '" in result.stderr  # the way back, named
        assert digest(path) == before


def test_the_way_back_is_one_command(cli: Cli) -> None:
    path = with_history(cli)
    kept = json.loads(cli.ok("list", "pings", "--json"))
    flip_middle(path)
    damaged = digest(path)
    hint = cli.run("list", "pings").stderr
    backup = hint.split("wellbeing-app backup restore '")[1].split("'")[0]
    reply = cli.ok("backup", "restore", backup)
    assert reply.startswith(f"Restored {backup}. The file it replaced is kept as ")
    aside = Path(reply.rsplit(" kept as ", 1)[1].rstrip("."))
    assert digest(aside) == damaged
    assert json.loads(cli.ok("list", "pings", "--json")) == kept
    cli.ok("log", "ping", "--source", "email")  # writable again


def test_an_empty_file_is_refused_not_taken_as_new(cli: Cli) -> None:
    cli.data_dir.mkdir()
    path = cli.data_dir / DATABASE_NAME
    path.touch()
    for command in (("log", "ping", "--source", "slack"), ("list", "shifts")):
        result = cli.run(*command)
        assert result.returncode == 1
        assert "is empty (0 bytes), so it holds no Wellbeing data" in result.stderr
    assert path.stat().st_size == 0
    assert sorted(p.name for p in cli.data_dir.iterdir()) == [DATABASE_NAME]


def test_damage_met_while_in_use_stops_all_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / DATABASE_NAME
    db = open_database(path)
    with db.write() as session:
        for n in range(3000):
            session.execute(
                text("INSERT INTO setting (key, value) VALUES (:k, '1')"), {"k": f"k{n}"}
            )
    db.close()
    flip_middle(path)
    before = digest(path)
    monkeypatch.setattr(health, "quick_check", lambda connection, seconds=0: None)  # out of time
    db = open_database(path)
    with pytest.raises(DamagedDatabase), db.read() as session:  # every page of every table
        for (name,) in session.execute(text("SELECT name FROM sqlite_master WHERE type='table'")):
            session.execute(text(f"SELECT * FROM {name}")).all()
        # and of every index (the page damaged may be one of the settings' key index)
        indexes = "SELECT name, tbl_name FROM sqlite_master WHERE type='index'"
        for index, table in session.execute(text(indexes)).all():
            session.execute(text(f"SELECT count(*) FROM {table} INDEXED BY {index}")).all()
    with pytest.raises(DamagedDatabase), db.write() as session:
        raise AssertionError("a write began on a damaged file")
    db.close()
    assert digest(path) == before


# --- read-only ------------------------------------------------------------------------------


def _without_override() -> None:
    """In the child: give up root's power to write anywhere (CAP_DAC_OVERRIDE, _READ_SEARCH),
    so file modes apply as they do to a user."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def as_a_user(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    if os.geteuid() != 0:
        return run_process(data_dir, *args)
    environment = {**os.environ, "WELLBEING_APP_DATA_DIR": str(data_dir), "TZ": BERLIN}
    return subprocess.run(
        [sys.executable, "-m", "wellbeing_app", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
        preexec_fn=_without_override,
    )


@pytest.fixture
def user_modes(tmp_path: Path) -> None:
    if sys.platform != "linux":
        pytest.skip("file modes as tested here are Linux's")
    if os.geteuid() == 0:
        probe = subprocess.run(
            [sys.executable, "-c", "pass"], preexec_fn=_without_override, check=False
        )
        if probe.returncode != 0:
            pytest.skip("root cannot drop CAP_DAC_OVERRIDE here, so file modes do not apply")


@pytest.mark.parametrize("which", ["file", "folder", "both"])
def test_a_read_only_file_or_folder_says_which_and_still_reads(
    cli: Cli, user_modes: None, which: str
) -> None:
    path = with_history(cli, pings=20)
    listed = cli.ok("list", "pings")
    before = digest(path)
    try:
        if which in ("file", "both"):
            path.chmod(0o400)
        if which in ("folder", "both"):
            cli.data_dir.chmod(0o500)
        logged = as_a_user(cli.data_dir, "log", "ping", "--source", "slack")
        shown = as_a_user(cli.data_dir, "list", "pings")
    finally:
        cli.data_dir.chmod(0o700)
        path.chmod(0o600)
    assert (logged.returncode, logged.stdout) == (1, ""), logged.stderr
    expected = {
        "file": f"{path} is a read-only file",
        "folder": f"the folder {cli.data_dir} is read-only",
        "both": "both the file",
    }[which]
    assert expected in logged.stderr and logged.stderr.count("\n") == 1
    assert shown.returncode == 0 and shown.stdout.strip() == listed, shown.stderr
    assert digest(path) == before


# --- a full disk ----------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB tmpfs, mounted for this test (root only)."""
    mount, umount = shutil.which("mount"), shutil.which("umount")
    if sys.platform != "linux" or os.geteuid() != 0 or not mount or not umount:
        pytest.skip("mounting a small tmpfs needs root on Linux")
    point = tmp_path / "disk"
    point.mkdir()
    done = subprocess.run(
        [mount, "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield point
    finally:
        subprocess.run([umount, "-l", str(point)], check=False)


def fill_up(folder: Path) -> Path:
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
    assert os.statvfs(folder).f_bavail == 0
    return filler


def test_a_full_disk_is_called_a_full_disk_and_reading_still_works(
    tmp_path: Path,
    small_disk: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    qapp: object,
) -> None:
    """(``qapp``: the PDF is laid out in this process, on the tests' QApplication.)"""
    cli = Cli(small_disk / "data", capsys, monkeypatch)
    for minutes in ("5", "10"):
        cli.ok("log", "ping", "--source", "slack", "--minutes", minutes)
    rows = cli.listed("pings")
    export = small_disk / "summary.md"
    export.write_text("last week's summary\n")
    path = cli.data_dir / DATABASE_NAME
    before = digest(path)
    filler = fill_up(small_disk)

    for command in (("log", "ping", "--source", "teams"), ("shift", "start")):
        result = cli.run(*command)
        assert (result.returncode, result.stdout) == (1, "")
        assert result.stderr.startswith(f"wellbeing-app: The disk holding {cli.data_dir} is full")
    assert cli.listed("pings") == rows
    assert cli.run("shift", "status").returncode == 0
    for fmt in ("md", "pdf"):
        result = cli.run("summary", "--format", fmt, "-o", str(export))
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert export.read_text() == "last week's summary\n"
        assert [p.name for p in small_disk.iterdir() if p.name.startswith(".")] == []
    assert digest(path) == before

    filler.unlink()  # room again: everything works, nothing was lost
    cli.ok("log", "ping", "--source", "teams")
    assert len(cli.listed("pings")) == 3
