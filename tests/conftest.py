"""Fixtures shared by every test: a fresh database per test and a clock that stands still."""

from __future__ import annotations

import os

# Before anything imports Qt: tests never need a real display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from wellbeing_app.core.store.database import Database, open_database
from wellbeing_app.core.time.clock import FixedClock

# A moment safely after every instant the tests log, so nothing counts as "in the future".
NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def own_config_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Start at login writes under $XDG_CONFIG_HOME: never the real one, in any test."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A new database, migrated to the newest schema, used by this test alone."""
    database = open_database(tmp_path / "wellbeing.sqlite3")
    yield database
    database.close()


@pytest.fixture
def clock() -> FixedClock:
    """A clock standing at NOW in Berlin; tests move it with ``advance``."""
    return FixedClock(NOW, "Europe/Berlin")
