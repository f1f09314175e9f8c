"""`shift start` and `shift end` read "now" only once they hold the write lock, on both the quick
path and the full one: a writer that went first (a CLI shortcut, the tray app) can then never
turn them into a false "overlaps" or "ends before it starts"."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.cli_runner import BERLIN
from wellbeing_app.cli import main, quick
from wellbeing_app.core.store.paths import DATABASE_NAME, ENV_DATA_DIR

START = datetime(2026, 11, 15, 8, 0, tzinfo=UTC)


class LockWatchingClock:
    """Each call returns a second later than the last and notes whether some connection held
    the database's write lock at that moment."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.ticks = 0
        self.calls: list[tuple[datetime, bool]] = []

    def now(self) -> datetime:
        self.ticks += 1
        instant = START + timedelta(minutes=self.ticks)
        self.calls.append((instant, self._locked()))
        return instant

    def zone(self) -> str:
        return BERLIN

    def _locked(self) -> bool:
        if not self.path.exists():
            return False
        probe = sqlite3.connect(self.path, timeout=0, isolation_level=None)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError as exc:
            assert "locked" in str(exc)
            return True
        finally:
            probe.close()

    def read_under_lock(self) -> list[datetime]:
        return [instant for instant, locked in self.calls if locked]


def stored(instant: datetime) -> str:
    return instant.astimezone(UTC).isoformat(" ", "microseconds")[:26]


@pytest.mark.parametrize("path", ["quick", "full"])
def test_shift_start_and_end_read_now_under_the_write_lock(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    path: str,
) -> None:
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path))
    assert main(["shift", "status"]) == 0  # the database exists before the clock is watched
    if path == "full":
        monkeypatch.setattr(quick, "run", lambda args, database, clock: None)
    database = tmp_path / DATABASE_NAME
    clock = LockWatchingClock(database)
    for action, column in (("start", "start_utc"), ("end", "end_utc")):
        clock.calls.clear()
        assert main(["shift", action], clock=clock) == 0, capsys.readouterr().err
        under_lock = clock.read_under_lock()
        assert under_lock, f"{action}: 'now' was never read while the write lock was held"
        conn = sqlite3.connect(database)
        try:
            [(value,)] = conn.execute(f"SELECT {column} FROM shift").fetchall()
        finally:
            conn.close()
        assert value == stored(under_lock[0]), (action, clock.calls)
