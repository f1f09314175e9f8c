"""Qt fixtures: the whole app wired up on a fresh data folder, with a clock that stands still."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from wellbeing_app.app import WellbeingApp
from wellbeing_app.core.store.paths import AppPaths
from wellbeing_app.core.time.clock import FixedClock


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    app_paths = AppPaths(tmp_path / "data")
    app_paths.ensure()
    return app_paths


@pytest.fixture
def wellbeing(qtbot: QtBot, paths: AppPaths, clock: FixedClock) -> Iterator[WellbeingApp]:
    """The app as the user starts it (offscreen there is no tray: the no-tray window shows)."""
    app = WellbeingApp(paths, clock, tray_wait_ms=0)
    with qtbot.waitSignal(app.ready, timeout=20_000):
        app.start()
    yield app
    app.shutdown()
    for window in app.windows.all():
        window.close()
        window.deleteLater()
    app.deleteLater()
