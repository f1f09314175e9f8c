"""Watching a real session bus (a private dbus-daemon) while real senders send notifications:
notify-send, gdbus to org.gtk.Notifications and to the portal, raw Notify calls as Electron and
Chrome make them. Only work apps are reported, each notification once, and never its text."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot

from tests.services import capture_bus
from tests.services.capture_bus import Bus, Desktop
from wellbeing_app.core.capture.availability import NO_SESSION_BUS
from wellbeing_app.core.capture.reading import Path, WorkNotification
from wellbeing_app.services import notification_capture
from wellbeing_app.services.notification_capture import NO_SERVER, NotificationCapture

SECRET = "Quarterly layoffs, do not share"
private_bus, desktop = capture_bus.private_bus, capture_bus.desktop  # fixtures
NOW = datetime(2026, 11, 18, 20, 40, tzinfo=UTC)


class Watch:
    """The capture service, with what it reported."""

    def __init__(self, qtbot: QtBot, service: NotificationCapture) -> None:
        self.qtbot = qtbot
        self.service = service
        self.got: list[WorkNotification] = []
        service.noticed.connect(self.got.append)

    def wait_for(self, count: int) -> list[tuple[str, str, Path]]:
        """Waits (at most 10 s) until ``count`` work notifications were reported."""
        self.qtbot.waitUntil(lambda: len(self.got) >= count, timeout=10_000)
        return [(n.app, n.source, n.path) for n in self.got]


@pytest.fixture
def watch(qtbot: QtBot) -> Iterator[Watch]:
    service = NotificationCapture(lambda: NOW)
    yield Watch(qtbot, service)
    service.stop()
    service.deleteLater()


def test_notify_send_from_slack_is_a_work_notification(desktop: Desktop, watch: Watch) -> None:
    assert watch.service.start()
    assert (watch.service.listening, watch.service.server_running) == (True, True)
    assert watch.service.problem is None
    desktop.notify_send("Slack", SECRET, SECRET)
    assert watch.wait_for(1) == [("Slack", "slack", Path.NOTIFY)]
    assert watch.got[0].at == NOW
    desktop.notify_send("Electron", SECRET, SECRET, "-h", "string:desktop-entry:teams-for-linux")
    assert watch.wait_for(2)[1] == ("Electron", "teams", Path.NOTIFY)


def test_glib_and_portal_notifications_count_once(desktop: Desktop, watch: Watch) -> None:
    assert watch.service.start()
    fields = f"{{'title': <'{SECRET}'>, 'body': <'{SECRET}'>}}"
    desktop.gtk("org.gnome.Evolution", "new-mail", fields)
    assert watch.wait_for(1) == [("org.gnome.Evolution", "email", Path.GTK)]
    # A Flatpak Slack: the portal call, then the backend's copy to org.gtk.Notifications.
    desktop.portal("com.slack.Slack", "msg-1", fields)
    desktop.notify_send("discord", "sentinel")  # once this is seen, the copy would have been too
    assert watch.wait_for(3) == [
        ("org.gnome.Evolution", "email", Path.GTK),
        ("com.slack.Slack", "slack", Path.PORTAL),
        ("discord", "discord", Path.NOTIFY),
    ]
    assert [(a["app"], a["notifications"]) for a in watch.service.seen.listing({})] == [
        ("com.slack.slack", 1),  # the portal's copy is not seen twice either
        ("discord", 1),
        ("org.gnome.evolution", 1),
    ]


def test_browser_notifications_count_by_the_site(desktop: Desktop, watch: Watch) -> None:
    assert watch.service.start()
    desktop.notify("Google Chrome", SECRET, f"app.slack.com\n\n{SECRET}")
    origin = {"x-kde-origin-name": ("s", "https://teams.microsoft.com")}
    desktop.notify("Chromium", SECRET, SECRET, hints=origin)
    desktop.notify("Google Chrome", SECRET, f"news.example.org\n\n{SECRET}")  # not a work site
    desktop.notify("Firefox", SECRET, SECRET)  # no site named
    desktop.notify_send("Thunderbird", "sentinel")
    assert watch.wait_for(3) == [
        ("app.slack.com", "slack", Path.NOTIFY),
        ("teams.microsoft.com", "teams", Path.NOTIFY),
        ("Thunderbird", "email", Path.NOTIFY),
    ]
    verdicts = {a["app"]: a["verdict"] for a in watch.service.seen.listing({})}
    assert verdicts["news.example.org"] == verdicts["firefox"] == "not counted (not mapped)"


def test_unmapped_apps_are_seen_but_not_reported_until_mapped(
    desktop: Desktop, watch: Watch
) -> None:
    assert watch.service.start()
    desktop.notify_send("Spotify", SECRET, SECRET)
    desktop.notify_send("Slack", "sentinel")
    assert watch.wait_for(1) == [("Slack", "slack", Path.NOTIFY)]
    assert watch.service.seen.listing({})[1] == {
        "app": "spotify",
        "notifications": 1,
        "source": None,
        "verdict": "not counted (not mapped)",
    }
    watch.service.set_mappings({"spotify": "other", "slack": "ignore"})
    desktop.notify_send("Slack", SECRET)  # ignored now
    desktop.notify_send("Spotify", SECRET)
    assert watch.wait_for(2)[1] == ("Spotify", "other", Path.NOTIFY)
    assert len(watch.got) == 2


def test_a_replaces_id_update_is_not_a_new_notification(desktop: Desktop, watch: Watch) -> None:
    assert watch.service.start()
    first = int(desktop.notify_send("Slack", SECRET, SECRET, "-p"))
    desktop.notify_send("Slack", SECRET, "edited", "-r", str(first))
    desktop.notify_send("discord", "sentinel")
    assert [app for app, _, _ in watch.wait_for(2)] == ["Slack", "discord"]


def test_a_burst_is_reported_notification_by_notification(desktop: Desktop, watch: Watch) -> None:
    """Folding a burst into one contact is the store's job; the watch loses none of it."""
    assert watch.service.start()
    ids = [desktop.notify("Slack", f"{SECRET} {n}", SECRET, icon=SECRET) for n in range(40)]
    assert len(set(ids)) == 40
    assert len(watch.wait_for(40)) == 40
    assert {n.source for n in watch.got} == {"slack"}


def test_without_a_notification_server_it_says_so_and_sees_nothing(
    private_bus: Bus, watch: Watch, qtbot: QtBot
) -> None:
    assert watch.service.start()
    assert watch.service.listening
    assert (watch.service.server_running, watch.service.problem) == (False, NO_SERVER)
    running = Desktop(private_bus.address)  # a server starts later: noticed at once
    try:
        qtbot.waitUntil(lambda: watch.service.server_running is True, timeout=10_000)
        assert watch.service.problem is None
        running.notify_send("Slack", SECRET)
        assert watch.wait_for(1) == [("Slack", "slack", Path.NOTIFY)]
    finally:
        running.close()
    qtbot.waitUntil(lambda: watch.service.server_running is False, timeout=10_000)
    assert watch.service.problem == NO_SERVER


def test_without_any_bus_it_says_why(monkeypatch: pytest.MonkeyPatch, watch: Watch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", tempfile.gettempdir() + "/no-such-runtime-dir")
    assert not watch.service.start()
    assert (watch.service.listening, watch.service.problem) == (False, NO_SESSION_BUS)
    folder = tempfile.mkdtemp(prefix="wb-nobus-")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={folder}/missing")
    assert not watch.service.start()
    assert "could not be reached (FileNotFoundError)" in str(watch.service.problem)
    shutil.rmtree(folder, ignore_errors=True)


def test_losing_the_bus_stops_the_watch(private_bus: Bus, watch: Watch, qtbot: QtBot) -> None:
    assert watch.service.start()
    private_bus.close()
    qtbot.waitUntil(lambda: not watch.service.listening, timeout=10_000)
    assert watch.service.problem == notification_capture.LOST


def test_the_log_never_names_an_app_or_quotes_a_notification(
    desktop: Desktop, watch: Watch, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        assert watch.service.start()
        desktop.notify_send("Spotify", SECRET, SECRET)
        desktop.notify_send("Slack", SECRET, SECRET)
        watch.wait_for(1)
        watch.service.stop()
    assert "watching the session bus" in caplog.text
    for word in (SECRET, "Spotify", "Slack", "slack"):
        assert word not in caplog.text
    assert os.environ["DBUS_SESSION_BUS_ADDRESS"] == desktop.address
