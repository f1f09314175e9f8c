"""The capture controller, built from the app's parts by hand: turning counting on and off,
pausing it, a Slack notification at 21:40 becoming an after-hours ping within seconds, bursts,
the start-of-shift hint, the running app's answer to ``capture apps``, and a secret planted in
every part of a notification found nowhere afterwards."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from tests.schedules import weekdays_9_to_5
from tests.services import capture_bus
from tests.services.capture_bus import Desktop
from wellbeing_app.cli import main as cli_main
from wellbeing_app.cli.capture import ask_running_app
from wellbeing_app.core.capture.reading import WorkNotification
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.store.database import Database, open_database
from wellbeing_app.core.store.paths import ENV_DATA_DIR
from wellbeing_app.core.time.clock import FixedClock
from wellbeing_app.ui.controllers.capture import HINT_KEY, START_AT, Capture
from wellbeing_app.ui.controllers.parts import AppParts
from wellbeing_app.ui.operation import Operations
from wellbeing_app.ui.windows import Windows

BERLIN = ZoneInfo("Europe/Berlin")
SECRET = "Quarterly-layoffs-do-not-share"
private_bus, desktop = capture_bus.private_bus, capture_bus.desktop  # fixtures


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=BERLIN).astimezone(UTC)


class Said(list[tuple[str, str]]):
    def __call__(self, title: str, text: str) -> None:
        self.append((title, text))

    @property
    def titles(self) -> list[str]:
        return [title for title, _ in self]


class Setup:
    def __init__(self, data_dir: Path, now: datetime) -> None:
        self.data_dir = data_dir
        self.db: Database = open_database(data_dir / "wellbeing.sqlite3")
        weekdays_9_to_5(self.db)
        self.clock = FixedClock(now, "Europe/Berlin")
        self.journal = Journal(self.db, self.clock)
        self.said = Said()
        self.operations = Operations(self.said)
        self.operations.open(self.journal)
        self.parts = AppParts(
            self.journal, self.clock, self.said, lambda: None, self.operations, Windows()
        )
        self.made: list[Capture] = []

    def capture(self, why_unavailable: str | None = None) -> Capture:
        controller = Capture(self.parts, why_unavailable=lambda: why_unavailable)
        # As app.py wires it: after every change, counting follows the stored choice.
        self.operations.state_changed.connect(controller.sync)
        self.made.append(controller)
        return controller

    def close(self) -> None:
        for controller in self.made:
            controller.shutdown()
            controller.deleteLater()
        self.db.close()


@pytest.fixture
def setup(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Setup]:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)  # a test's bus sets it
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))  # where 'capture apps' is answered
    made = Setup(tmp_path / "data", at("2026-11-18T21:40"))  # a Wednesday evening
    yield made
    made.close()


def pings(journal: Journal) -> list[tuple[str, str, str, str]]:
    rows = journal.pings_between(at("2026-11-18T00:00"), at("2026-11-19T00:00"))
    return [(f"{p.at.astimezone(BERLIN):%H:%M}", p.source, p.origin, p.timing) for p in rows]


def test_a_slack_notification_at_21_40_becomes_an_after_hours_ping(
    setup: Setup, desktop: Desktop, qtbot: QtBot
) -> None:
    capture = setup.capture()
    capture.start()
    assert not capture.service.listening  # off until the user says yes
    assert capture.status_text() == "Counting work notifications: off"
    capture.turn_on()
    assert capture.service.listening
    assert setup.said[-1][0] == "Counting work notifications"
    assert capture.status_text() == "Counting work notifications (0 today)"
    captured: list[Any] = []
    capture.contact_captured.connect(captured.append)
    desktop.notify_send("Slack", "Can you check the post?", "Now please")
    qtbot.waitUntil(lambda: bool(pings(setup.journal)), timeout=10_000)
    assert pings(setup.journal) == [("21:40", "slack", "capture", "after hours")]
    assert [p.source for p in captured] == ["slack"]
    assert capture.status_text() == "Counting work notifications (1 today)"
    capture.turn_off()
    assert not capture.service.listening
    assert capture.status_text() == "Counting work notifications: off"


def test_a_burst_is_one_contact(setup: Setup) -> None:
    capture = setup.capture()
    setup.journal.counting.set_on(True)
    for n in range(12):
        capture.on_noticed(
            WorkNotification("Slack", "slack", at("2026-11-18T21:30") + n * timedelta(seconds=20))
        )
    capture.flush()
    (ping,) = setup.journal.pings_between(at("2026-11-18T21:00"), at("2026-11-18T22:00"))
    assert setup.journal.counting.notifications_of([ping.id]) == {ping.id: 12}


def test_pause_for_an_hour_then_resume(setup: Setup, desktop: Desktop) -> None:
    capture = setup.capture()
    setup.journal.counting.set_on(True)
    capture.start()
    assert capture.service.listening
    capture.pause_for_an_hour()
    assert setup.said[-1] == (
        "Counting paused",
        "Work notifications are not counted until 22:40.",
    )
    assert not capture.service.listening
    assert capture.status_text() == "Counting paused until 22:40"
    capture.on_noticed(WorkNotification("Slack", "slack", setup.clock.now()))  # on its way
    capture.flush()
    assert pings(setup.journal) == []  # the pause wins
    capture.resume()
    assert capture.service.listening
    capture.pause_until_tomorrow()
    assert capture.status_text() == "Counting paused until Thu 09:00"


def test_where_counting_cannot_work_it_says_why(setup: Setup) -> None:
    why = "macOS offers no sanctioned way to read other apps' notifications."
    capture = setup.capture(why_unavailable=why)
    capture.start()
    capture.turn_on()
    assert setup.said[-1] == ("Cannot count notifications here", why)
    assert not setup.journal.counting.settings().on
    assert capture.status_text() == "Counting notifications: not possible here"
    assert capture.why() == why


def test_no_bus_says_why_and_logging_stays_manual(setup: Setup) -> None:
    capture = setup.capture()
    setup.journal.counting.set_on(True)
    capture.start()
    assert not capture.service.listening
    assert capture.status_text() == "Counting work notifications: not working"
    assert "no desktop session bus" in str(capture.why())
    assert setup.journal.log_ping("slack").origin == "tray"


def test_the_start_hint_is_offered_once_and_starts_the_shift_then(setup: Setup) -> None:
    setup.clock.instant = at("2026-11-18T09:20")
    capture = setup.capture()
    setup.journal.counting.set_on(True)
    offered: list[bool] = []
    started: list[bool] = []
    capture.start_hint_offered.connect(lambda: offered.append(True))
    capture.shift_started.connect(lambda: started.append(True))
    capture.on_noticed(WorkNotification("Slack", "slack", at("2026-11-18T09:12")))
    capture.flush()
    # No notification server: the offer comes as the tray's message, saying where it waits.
    assert setup.said[-1][0] == "Start your shift at 09:12?"
    assert "menu offers it" in setup.said[-1][1]
    hint = capture.start_hint()
    assert hint is not None and hint.text == "Start your shift at 09:12?"
    capture.on_noticed(WorkNotification("Slack", "slack", at("2026-11-18T09:19")))
    capture.flush()
    assert offered == [True]  # once
    capture.on_notification_clicked(HINT_KEY, START_AT)
    running = setup.journal.running_shift()
    assert running is not None and running.start == at("2026-11-18T09:12")
    assert started == [True]
    assert setup.said[-1] == ("Shift started", "Clocked in at 09:12.")
    assert capture.start_hint() is None


def test_the_running_app_answers_capture_apps(setup: Setup, desktop: Desktop, qtbot: QtBot) -> None:
    capture = setup.capture()
    setup.journal.counting.set_on(True)
    capture.start()
    desktop.notify_send("Spotify", SECRET)
    desktop.notify_send("Slack", SECRET)
    qtbot.waitUntil(lambda: len(capture.service.seen) == 2, timeout=10_000)
    answers: list[dict[str, Any] | None] = []
    asking = threading.Thread(target=lambda: answers.append(ask_running_app(setup.data_dir)))
    asking.start()
    qtbot.waitUntil(lambda: bool(answers), timeout=10_000)
    asking.join()
    (answer,) = answers
    assert answer is not None and answer["listening"] is True
    assert [(a["app"], a["verdict"]) for a in answer["apps"]] == [
        ("slack", "counted as slack"),
        ("spotify", "not counted (not mapped)"),
    ]
    capture.shutdown()
    assert ask_running_app(setup.data_dir) is None


def test_a_secret_in_every_part_of_a_notification_lands_nowhere(
    setup: Setup,
    desktop: Desktop,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    log_file = setup.data_dir / "wellbeing-app.log"
    to_file = logging.FileHandler(log_file)
    logger = logging.getLogger("wellbeing_app")
    logger.addHandler(to_file)
    caplog.set_level(logging.DEBUG)
    try:
        capture = setup.capture()
        setup.journal.counting.set_on(True)
        capture.start()
        secret_hints = {
            "desktop-entry": ("s", "slack"),
            "x-secret": ("s", SECRET),
            "image-path": ("s", f"/tmp/{SECRET}.png"),
        }
        desktop.notify(
            "Slack",
            SECRET,
            SECRET,
            hints=secret_hints,
            icon=f"/tmp/{SECRET}.png",
            actions=["reply", SECRET],
        )
        desktop.notify_send(
            "teams-for-linux", SECRET, SECRET, "-i", f"/tmp/{SECRET}.svg", "-c", SECRET
        )
        desktop.notify("Google Chrome", SECRET, f"mail.google.com\n\n{SECRET}")
        fields = (
            f"{{'title': <'{SECRET}'>, 'body': <'{SECRET}'>, "
            f"'icon': <('file', <'/tmp/{SECRET}.png'>)>, "
            f"'buttons': <[{{'label': <'{SECRET}'>, 'action': <'app.{SECRET}'>}}]>}}"
        )
        desktop.gtk("org.gnome.Evolution", "mail", fields)
        desktop.portal("com.discordapp.Discord", "dm", fields)
        desktop.notify_send("Spotify", SECRET, SECRET)  # not a work app: not even its name
        qtbot.waitUntil(lambda: len(capture.service.seen) == 6, timeout=10_000)
        capture.flush()
        exports = setup.data_dir.parent / "exports"  # exports go outside the data folder
        exports.mkdir()
        for kind in ("csv", "json", "md"):
            monkeypatch.setenv(ENV_DATA_DIR, str(setup.data_dir))
            output = exports / f"summary.{kind}"
            status = cli_main(["summary", "--format", kind, "-o", str(output)], clock=setup.clock)
            assert status == 0
        capture.shutdown()
    finally:
        logger.removeHandler(to_file)
        to_file.close()
    # Mail from the browser and from Evolution at the same moment: one email contact.
    assert sorted(p[1] for p in pings(setup.journal)) == ["discord", "email", "slack", "teams"]
    files = sorted(p for p in setup.data_dir.parent.rglob("*") if p.is_file())
    names = {p.name for p in files}
    assert {"wellbeing.sqlite3-wal", "wellbeing-app.log", "summary.csv"} <= names
    stored = b"".join(p.read_bytes() for p in files if p.name.startswith("wellbeing.sqlite3"))
    assert b"slack" in stored and b"capture" in stored  # the scan reads what was written
    for path in files:
        content = path.read_bytes()
        for word in (SECRET, "Quarterly", "Spotify", "spotify"):
            assert word.encode() not in content, f"{word} in {path.name}"
    assert SECRET not in caplog.text and "Spotify" not in caplog.text
    assert json.loads((exports / "summary.json").read_text())  # the export is real
