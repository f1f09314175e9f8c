"""The tray app with a damaged data file: it says so in a dialog and, in one step, puts the newest
good backup in its place (keeping the damaged file) and carries on; every other start-up failure
is said where a person sees it too."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from tests.damage import flip_middle
from wellbeing_app.app import WellbeingApp
from wellbeing_app.core.store import backups
from wellbeing_app.core.store.database import open_database
from wellbeing_app.core.store.paths import AppPaths
from wellbeing_app.core.time.clock import FixedClock
from wellbeing_app.services.loader import display_problem
from wellbeing_app.ui.restore_dialog import RestoreDialog
from wellbeing_app.ui.settings_dialog import backup_line

EVER = (datetime(1970, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))


def damaged_with_backup(paths: AppPaths, clock: FixedClock) -> backups.Backup:
    """A database with a shift in its backup of yesterday, then damaged."""
    db = open_database(paths.database)
    with db.write() as session:
        session.execute(
            text(
                "INSERT INTO shift (start_utc, end_utc, zone, origin) VALUES "
                "('2026-11-13 08:00:00.000000', '2026-11-13 16:00:00.000000', 'UTC', 'tray')"
            )
        )
        for n in range(3000):
            session.execute(text("INSERT INTO setting (key, value) VALUES (:k, '1')"), {"k": n})
    made = backups.make_backup(paths.database, clock.now() - timedelta(days=1))
    db.close()
    flip_middle(paths.database)
    return made


@pytest.fixture
def quiet_exit(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr("wellbeing_app.app.QApplication.exit", lambda code=0: None)
    return shown


def test_the_newest_good_backup_is_restored_in_one_step(
    qtbot: QtBot, paths: AppPaths, clock: FixedClock, monkeypatch, quiet_exit: list[str]
) -> None:
    made = damaged_with_backup(paths, clock)
    damaged = paths.database.read_bytes()
    asked: list[tuple[str, str | None]] = []

    def ask(problem: str, offered: str | None, parent=None) -> bool:
        asked.append((problem, offered))
        return True

    monkeypatch.setattr(RestoreDialog, "ask", ask)
    app = WellbeingApp(paths, clock, tray_wait_ms=0)
    with qtbot.waitSignal(app.ready, timeout=20_000):
        app.start()
    [(problem, offered)] = asked
    assert f"{paths.database} is damaged (" in problem
    assert offered == "2026-11-14 at 13:00"  # the backup's time in the user's zone
    assert app.journal is not None and len(app.journal.shifts_between(*EVER)) == 1
    kept = [p for p in made.path.parent.iterdir() if p.name.startswith("replaced-")]
    assert [p.read_bytes() for p in kept] == [damaged]
    assert quiet_exit == []
    app.shutdown()


@pytest.mark.parametrize("with_backup", [True, False])
def test_declined_or_without_a_backup_the_file_is_left_alone(
    qtbot: QtBot,
    paths: AppPaths,
    clock: FixedClock,
    monkeypatch,
    quiet_exit: list[str],
    with_backup: bool,
) -> None:
    made = damaged_with_backup(paths, clock)
    if not with_backup:
        made.path.unlink()
    before = paths.database.read_bytes()
    asked: list[str | None] = []
    monkeypatch.setattr(
        RestoreDialog, "ask", lambda problem, offered, parent=None: asked.append(offered) or False
    )
    app = WellbeingApp(paths, clock, tray_wait_ms=0)
    with qtbot.waitSignal(app.failed, timeout=20_000) as failure:
        app.start()
    assert " is damaged (" in failure.args[0]
    assert (asked[0] is not None) == with_backup
    assert paths.database.read_bytes() == before
    assert not app.actions.shift.isEnabled()
    assert quiet_exit == []  # said once, by the restore dialog


def test_the_dialog_offers_restore_first_or_only_quit(qtbot: QtBot) -> None:
    offering = RestoreDialog("x is damaged (bad page)", "2026-11-14 at 13:00")
    qtbot.addWidget(offering)
    assert offering.restore_button is not None
    assert offering.defaultButton() is offering.restore_button
    assert "2026-11-14 at 13:00" in offering.informativeText()
    assert "kept in the backups folder" in offering.informativeText()
    nothing = RestoreDialog("x is damaged (bad page)", None)
    qtbot.addWidget(nothing)
    assert nothing.restore_button is None
    assert "There is no backup to restore" in nothing.informativeText()
    assert [b.text() for b in nothing.buttons()] == ["&Quit"]


def test_a_failure_after_the_store_opened_is_said_not_lost(
    qtbot: QtBot, paths: AppPaths, clock: FixedClock, monkeypatch, quiet_exit: list[str]
) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("a page the start-up check did not reach")

    monkeypatch.setattr("wellbeing_app.ui.controllers.features.Features", broken)
    app = WellbeingApp(paths, clock, tray_wait_ms=0)
    with qtbot.waitSignal(app.failed, timeout=20_000) as failure:
        app.start()
    assert failure.args[0].startswith(f"Wellbeing could not start on {paths.database}: ")
    assert quiet_exit == failure.args


def test_settings_says_where_the_backups_are() -> None:
    folder = Path("/home/me/.local/share/wellbeing-app/backups")
    assert backup_line(None, folder, "UTC") == (
        f"Backups: none yet; one is made each day, in {folder}"
    )
    made = datetime(2026, 11, 14, 12, 0, tzinfo=UTC)
    newest = backups.Backup(folder / "wellbeing-20261114-120000.sqlite3", made, 100)
    assert backup_line(newest, folder, "Europe/Berlin") == (
        f"Newest backup: 2026-11-14 13:00, in {folder}"
    )


def test_the_settings_dialog_shows_the_line(qtbot: QtBot, wellbeing, monkeypatch) -> None:
    from wellbeing_app.ui.settings_dialog import SettingsDialog

    seen: list[str] = []
    monkeypatch.setattr(
        SettingsDialog, "run", lambda self: (seen.append(self.backups.text()), (None, False))[1]
    )
    wellbeing.features.settings.open_settings()
    assert seen == [f"Backups: none yet; one is made each day, in {wellbeing.paths.backups}"]


# --- start-up failures said where a person sees them -------------------------------------


def test_no_display_is_said_in_one_line(tmp_path: Path) -> None:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    done = subprocess.run(
        [sys.executable, "-m", "wellbeing_app", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=30,
        check=False,
    )
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        "wellbeing-app: Wellbeing cannot show its window: no display is set (neither DISPLAY "
        "nor WAYLAND_DISPLAY). Start it from your desktop session; the command line works "
        "anywhere ('wellbeing-app --help').\n"
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="displays as Linux finds them")
def test_a_display_is_found_only_when_something_answers(tmp_path: Path) -> None:
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    gone = display_problem({"DISPLAY": ":4242"})
    assert gone is not None and "the display :4242 does not answer" in gone
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind("\0/tmp/.X11-unix/X4242")  # an X server's abstract socket
        server.listen(1)
        assert display_problem({"DISPLAY": ":4242.0"}) is None
    wayland = tmp_path / "wayland-7"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(wayland))
        server.listen(1)
        found = {"WAYLAND_DISPLAY": "wayland-7", "XDG_RUNTIME_DIR": str(tmp_path)}
        assert display_problem(found) is None


def test_a_data_folder_that_is_a_file_is_said_in_a_dialog(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("a file where the data folder should be")
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QMessageBox\n"
        "QMessageBox.critical = staticmethod(lambda parent, title, text: print('DIALOG', text))\n"
        "from wellbeing_app.cli import main\n"
        "sys.exit(main(['--data-dir', sys.argv[1]]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(not_a_folder)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=30,
        check=False,
    )
    message = (
        f"Wellbeing cannot keep its data in {not_a_folder}: a file, not a folder. "
        "Use another --data-dir."
    )
    assert done.returncode == 1
    assert done.stdout == f"DIALOG {message}\n"
    assert done.stderr.endswith(f"wellbeing-app: {message}\n")
    assert "Traceback" not in done.stderr
