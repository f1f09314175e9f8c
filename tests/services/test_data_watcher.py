"""Changes written by another connection are noticed without any polling timer."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.qtbot import QtBot
from sqlmodel import select

from wellbeing_app.core.records.pings import log_ping
from wellbeing_app.core.store.database import open_database
from wellbeing_app.core.store.models import Origin, Ping
from wellbeing_app.services.data_watcher import DataWatcher


def test_a_write_from_elsewhere_emits_changed_once(qtbot: QtBot, db) -> None:
    watcher = DataWatcher(db.path, db.changed_elsewhere)
    other = open_database(db.path)  # another process would open its own connection like this
    at = datetime(2026, 11, 1, 21, 0, tzinfo=UTC)
    with qtbot.waitSignal(watcher.changed, timeout=5000):
        for minutes in range(3):  # a burst of commits is folded into one signal
            with other.write() as session:
                log_ping(
                    session,
                    at=at,
                    now=at,
                    zone="UTC",
                    source="slack",
                    minutes=minutes,
                    origin=Origin.CLI,
                )
    with qtbot.assertNotEmitted(watcher.changed, wait=400):
        pass
    other.close()


def test_no_change_no_signal(qtbot: QtBot, db) -> None:
    watcher = DataWatcher(db.path, db.changed_elsewhere)
    with qtbot.assertNotEmitted(watcher.changed, wait=400), db.read() as session:
        assert session.exec(select(Ping)).all() == []  # reading alone is not a change


def test_our_own_writes_do_not_count_as_changes_from_elsewhere(qtbot: QtBot, db) -> None:
    watcher = DataWatcher(db.path, db.changed_elsewhere)
    at = datetime(2026, 11, 1, 21, 0, tzinfo=UTC)
    with qtbot.assertNotEmitted(watcher.changed, wait=600), db.write() as session:
        log_ping(session, at=at, now=at, zone="UTC", source="slack", origin=Origin.TRAY)
