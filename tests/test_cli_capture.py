"""`wellbeing-app capture ...` as users meet it: on, off, status, apps and map, where counting
cannot work (Flatpak, no session bus) saying why, and bad input refused before anything opens."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_runner import Cli
from wellbeing_app.core.store.paths import DATABASE_NAME


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/bus")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    monkeypatch.delenv("FLATPAK_ID", raising=False)
    return Cli(tmp_path, capsys, monkeypatch)


def test_on_off_and_status(cli: Cli) -> None:
    status = json.loads(cli.ok("capture", "status", "--json"))
    assert status == {
        "on": False,
        "available": True,
        "why_unavailable": None,
        "paused_until": None,
        "burst_minutes": 2,
        "app_running": False,
        "listening": False,
        "problem": None,
        "today": {"contacts": 0, "notifications": 0},
    }
    assert cli.ok("capture", "status").startswith("Counting work notifications is off")
    said = cli.ok("capture", "on")
    assert "never what a notification says" in said
    assert "not running" in said  # no tray app here to do the counting
    assert json.loads(cli.ok("capture", "status", "--json"))["on"] is True
    assert "is on" in cli.ok("capture", "status")
    assert cli.ok("capture", "off") == "Counting work notifications is off. Log pings by hand."
    assert json.loads(cli.ok("capture", "status", "--json"))["on"] is False


def test_map_an_app_and_list_the_mappings(cli: Cli) -> None:
    assert cli.ok("capture", "map", "Spotify", "other") == (
        "spotify: its notifications count as other."
    )
    assert cli.ok("capture", "map", "Slack", "ignore") == (
        "slack: ignored; its notifications are not counted."
    )
    listed = json.loads(cli.ok("capture", "apps", "--json"))
    assert listed["seen"] is None and listed["app_running"] is False
    mine = [m for m in listed["mappings"] if m["by"] == "you"]
    assert mine == [
        {"app": "slack", "source": "ignore", "by": "you"},
        {"app": "spotify", "source": "other", "by": "you"},
    ]
    defaults = {m["app"]: m["source"] for m in listed["mappings"] if m["by"] == "default"}
    assert defaults["teams-for-linux"] == "teams"
    assert defaults["app.slack.com"] == "slack"
    assert "slack" not in defaults  # yours replaces it
    text = cli.ok("capture", "apps")
    assert "Your mappings:" in text and "Apps seen: unknown" in text
    assert cli.ok("capture", "map", "slack", "default") == "slack: back to the default (slack)."


def test_bad_input_is_refused_before_anything_opens(cli: Cli) -> None:
    result = cli.run("capture", "map", "Spotify", "not a source")
    assert result.returncode == 2
    assert result.stderr.startswith("wellbeing-app: argument SOURCE: 'not a source' is not a")
    assert cli.run("capture", "map", " ", "slack").returncode == 2
    assert cli.run("capture", "dance").returncode == 2
    assert not (cli.data_dir / DATABASE_NAME).exists()


@pytest.mark.parametrize("where", ["flatpak", "no bus"])
def test_where_it_cannot_work_it_says_why(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    if where == "flatpak":
        monkeypatch.setenv("FLATPAK_ID", "io.github.wellbeing_app.WellbeingApp")
        why = "inside Flatpak"
    else:
        monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS")
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(cli.data_dir / "nowhere"))
        why = "no desktop session bus"
    result = cli.run("capture", "on")
    assert result.returncode == 1
    assert why in result.stderr and "Log pings by hand" in result.stderr
    status = json.loads(cli.ok("capture", "status", "--json"))
    assert status["on"] is False and status["available"] is False
    assert why in status["why_unavailable"]
    assert "not possible here" in cli.ok("capture", "status")


def test_log_ping_by_hand_joins_a_captured_contact(cli: Cli) -> None:
    from datetime import timedelta

    from tests.cli_runner import NOW
    from wellbeing_app.core.capture.reading import WorkNotification
    from wellbeing_app.core.journal import Journal
    from wellbeing_app.core.store.database import open_database
    from wellbeing_app.core.time.clock import FixedClock

    cli.ok("capture", "on")
    db = open_database(cli.data_dir / DATABASE_NAME)
    try:
        journal = Journal(db, FixedClock(NOW, "Europe/Berlin"))
        journal.counting.record([WorkNotification("Slack", "slack", NOW - timedelta(minutes=3))])
    finally:
        db.close()
    cli.ok("log", "ping", "--source", "slack", "--minutes", "10")
    assert [(p["origin"], p["minutes"]) for p in cli.listed("pings")] == [("capture", 10)]
