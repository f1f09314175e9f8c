"""Counting work notifications, the pure parts: which apps are work apps, what a notification
call is read into (the app and nothing else), forwarded copies, pauses, where it cannot work."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from wellbeing_app.core.capture import availability
from wellbeing_app.core.capture.apps import (
    check_mapping,
    default_table,
    source_for,
    verdict,
)
from wellbeing_app.core.capture.bursts import ForwardedCopies, near_by_hand, same_burst
from wellbeing_app.core.capture.pause import PauseLength, pause_end
from wellbeing_app.core.capture.preferences import (
    CaptureSettings,
    CaptureState,
    with_burst_minutes,
    with_mapping,
)
from wellbeing_app.core.capture.reading import GTK, PORTAL, Path, read_message, site_host
from wellbeing_app.core.capture.seen import AppsSeen, socket_path
from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.schedule.weekly import ScheduleBook, WeeklySchedule, Window

SECRET = "Quarterly layoffs, do not share"
FDO = "org.freedesktop.Notifications"


def notify(
    app: str, body: str = SECRET, replaces: int = 0, hints: dict[str, str] | None = None
) -> tuple[object, ...]:
    """A Notify call's body as jeepney hands it over: hints as (signature, value)."""
    return (
        app,
        replaces,
        f"/icons/{SECRET}.png",
        SECRET,
        body,
        ["reply", SECRET],
        {name.replace("_", "-"): ("s", value) for name, value in (hints or {}).items()}
        | {"image-path": ("s", SECRET)},
        -1,
    )


def names(interface: str | None, member: str, body: object) -> tuple[str, ...]:
    sender = read_message(interface, member, body)
    assert sender is not None
    return sender.names


@pytest.mark.parametrize(
    ("app", "hints", "source"),
    [
        ("Slack", {"desktop_entry": "slack"}, "slack"),
        ("Slack", {"desktop_entry": "com.slack.Slack"}, "slack"),
        ("teams-for-linux", {}, "teams"),
        ("Electron", {"desktop_entry": "teams-for-linux"}, "teams"),
        ("discord", {}, "discord"),
        ("Discord", {"desktop_entry": "discord"}, "discord"),
        ("Thunderbird", {}, "email"),
        ("Evolution", {"desktop_entry": "org.gnome.Evolution"}, "email"),
        ("Spotify", {}, None),
        ("Firefox", {}, None),  # a browser with no site named: not a work app by itself
    ],
)
def test_work_apps_by_app_name_and_desktop_entry(
    app: str, hints: dict[str, str], source: str | None
) -> None:
    assert source_for(names(FDO, "Notify", notify(app, hints=hints)), {}) == source


@pytest.mark.parametrize(
    ("app", "body", "origin", "host", "source"),
    [
        ("Google Chrome", f"app.slack.com\n\n{SECRET}", None, "app.slack.com", "slack"),
        (
            "Chromium",
            f'<a href="https://teams.microsoft.com/">teams.microsoft.com</a>\n\n{SECRET}',
            None,
            "teams.microsoft.com",
            "teams",
        ),
        ("Microsoft Edge", SECRET, "https://outlook.office.com", "outlook.office.com", "email"),
        ("Google Chrome", f"mail.google.com\n{SECRET}", None, "mail.google.com", "email"),
        ("Google Chrome", f"teams.live.com:443\n{SECRET}", None, "teams.live.com", "teams"),
        ("Brave", f"news.example.org\n{SECRET}", None, "news.example.org", None),
    ],
)
def test_browsers_by_the_site_host(
    app: str, body: str, origin: str | None, host: str, source: str | None
) -> None:
    hints = {"x_kde_origin_name": origin} if origin else {}
    sender = read_message(FDO, "Notify", notify(app, body, hints=hints))
    assert sender is not None
    assert (sender.app, sender.names[0]) == (host, host)
    assert source_for(sender.names, {}) == source


def test_only_the_app_s_names_are_read_never_the_text() -> None:
    for body in (notify("Slack"), notify("Google Chrome", f"app.slack.com\n{SECRET}")):
        sender = read_message(FDO, "Notify", body)
        assert SECRET not in repr(sender)
        assert "Quarterly" not in repr(sender)
    # A browser whose first line is a sentence, not a site: the browser it is.
    sender = read_message(FDO, "Notify", notify("Google Chrome", f"{SECRET}\nmore"))
    assert sender is not None and sender.app == "Google Chrome"


def test_the_three_paths_and_a_replaced_notification() -> None:
    dictionary = {"title": ("s", SECRET), "body": ("s", SECRET)}
    gtk = read_message(GTK, "AddNotification", ("org.gnome.Evolution", "new-mail", dictionary))
    portal = read_message(PORTAL, "AddNotification", ("com.slack.Slack", "1", dictionary))
    assert gtk is not None and portal is not None
    assert (gtk.path, source_for(gtk.names, {})) == (Path.GTK, "email")
    assert (portal.path, source_for(portal.names, {})) == (Path.PORTAL, "slack")
    update = read_message(FDO, "Notify", notify("Slack", replaces=7))
    assert update is not None and update.update
    assert read_message(None, "Notify", notify("Slack")) is not None  # no interface header
    assert read_message(FDO, "CloseNotification", (3,)) is None
    assert read_message("org.example.Other", "AddNotification", ("a", "b", {})) is None
    assert read_message(FDO, "Notify", ("too", "short")) is None  # malformed: ignored
    assert read_message(GTK, "AddNotification", ("", "x", {})) is None


def test_the_user_s_mappings_come_first() -> None:
    slack = names(FDO, "Notify", notify("Slack", hints={"desktop_entry": "slack"}))
    assert source_for(slack, {"slack": "ignore"}) is None
    assert verdict(slack, {"slack": "ignore"}) == "ignored"
    assert source_for(slack, {"slack": "teams"}) == "teams"
    spotify = names(FDO, "Notify", notify("Spotify"))
    assert verdict(spotify, {}) == "not counted (not mapped)"
    assert source_for(spotify, {"spotify": "other"}) == "other"
    assert verdict(spotify, {"spotify": "other"}) == "counted as other"


def test_mappings_as_typed() -> None:
    assert check_mapping(" Slack ", "Teams") == ("slack", "teams")
    assert check_mapping("slack.desktop", "ignore") == ("slack", "ignore")
    assert check_mapping("app.slack.com", "default") == ("app.slack.com", "default")
    with pytest.raises(ValidationError) as bad:
        check_mapping("Slack", "not a source")
    assert bad.value.field == "SOURCE"
    with pytest.raises(ValidationError) as bad:
        check_mapping("  ", "slack")
    assert bad.value.field == "APP"
    settings = with_mapping(CaptureSettings(), "Spotify", "other")
    assert settings.apps == {"spotify": "other"}
    assert with_mapping(settings, "spotify", "default").apps == {}
    assert {name for name, _ in default_table()} >= {
        "slack",
        "teams-for-linux",
        "discord",
        "thunderbird",
        "evolution",
        "app.slack.com",
        "teams.microsoft.com",
        "mail.google.com",
        "outlook.office.com",
    }


def test_settings_from_stored_json_fall_back_when_bad() -> None:
    assert CaptureSettings.from_json(None) == CaptureSettings()
    assert not CaptureSettings().on  # off until the user says yes
    stored = CaptureSettings(True, {"spotify": "other"}, 5).to_json()
    assert CaptureSettings.from_json(stored) == CaptureSettings(True, {"spotify": "other"}, 5)
    odd = CaptureSettings.from_json({"on": "yes", "apps": [1], "burst_minutes": -3})
    assert odd == CaptureSettings()
    with pytest.raises(ValidationError):
        with_burst_minutes(CaptureSettings(), 61)
    until = datetime(2026, 11, 15, 13, tzinfo=UTC)
    state = CaptureState(until, date(2026, 11, 15))
    assert CaptureState.from_json(state.to_json()) == state
    assert state.paused(until - timedelta(seconds=1)) and not state.paused(until)
    assert CaptureState.from_json({"paused_until": "garbage"}) == CaptureState()


def test_bursts_and_by_hand() -> None:
    t = datetime(2026, 11, 15, 20, tzinfo=UTC)
    window = timedelta(minutes=2)
    assert same_burst(t, t + window, window)
    assert not same_burst(t, t + window + timedelta(seconds=1), window)
    assert near_by_hand(t, t + timedelta(minutes=3), t + timedelta(minutes=8))
    assert not near_by_hand(t, t, t + timedelta(minutes=5, seconds=1))
    assert near_by_hand(t, t, t - timedelta(minutes=5))


def test_the_portal_s_forwarded_copy_is_counted_once() -> None:
    copies = ForwardedCopies()
    t = datetime(2026, 11, 15, 20, tzinfo=UTC)
    assert not copies.is_copy("slack", t, Path.PORTAL)
    assert not copies.is_copy("email", t, Path.GTK)  # another source: its own notification
    assert copies.is_copy("slack", t + timedelta(seconds=1), Path.GTK)
    assert not copies.is_copy("slack", t + timedelta(seconds=2), Path.GTK)  # one copy each
    assert not copies.is_copy("slack", t + timedelta(seconds=3), Path.PORTAL)
    assert not copies.is_copy("slack", t + timedelta(seconds=30), Path.NOTIFY)  # too late


def test_a_pause_lasts_an_hour_or_until_tomorrow_s_working_hours() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    book = ScheduleBook(
        [WeeklySchedule(date(2026, 1, 1), "Europe/Berlin", (Window(0, 9 * 60, 17 * 60),))], []
    )
    friday_evening = datetime(2026, 11, 20, 21, 30, tzinfo=berlin).astimezone(UTC)
    sunday_evening = datetime(2026, 11, 22, 21, 30, tzinfo=berlin).astimezone(UTC)
    small_hours = datetime(2026, 11, 23, 1, 0, tzinfo=berlin).astimezone(UTC)
    hour = pause_end(PauseLength.HOUR, friday_evening, "Europe/Berlin", book)
    assert hour == friday_evening + timedelta(hours=1)
    saturday = pause_end(PauseLength.TOMORROW, friday_evening, "Europe/Berlin", book)
    assert saturday == datetime(2026, 11, 21, 6, tzinfo=berlin)  # nothing scheduled: 06:00
    monday = datetime(2026, 11, 23, 9, tzinfo=berlin)
    assert pause_end(PauseLength.TOMORROW, sunday_evening, "Europe/Berlin", book) == monday
    assert pause_end(PauseLength.TOMORROW, small_hours, "Europe/Berlin", book) == monday


@pytest.mark.parametrize(
    ("platform", "environ", "flatpak", "why"),
    [
        ("win32", {}, False, availability.ON_WINDOWS),
        ("darwin", {}, False, availability.ON_MACOS),
        ("linux", {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/x"}, True, availability.IN_FLATPAK),
        (
            "linux",
            {"FLATPAK_ID": "io.x", "DBUS_SESSION_BUS_ADDRESS": "unix:path=/x"},
            False,
            availability.IN_FLATPAK,
        ),
        ("linux", {}, False, availability.NO_SESSION_BUS),
        ("linux", {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/x"}, False, None),
        ("linux", {"XDG_RUNTIME_DIR": "/run/user/1000"}, False, None),
    ],
)
def test_where_counting_cannot_work_it_says_why(
    platform: str, environ: dict[str, str], flatpak: bool, why: str | None
) -> None:
    exists = {"/run/user/1000/bus"}.__contains__
    assert availability.why_unavailable(platform, environ, flatpak, exists) == why


def test_apps_seen_are_listed_with_what_becomes_of_them(tmp_path: object) -> None:
    seen = AppsSeen()
    for body in (notify("Slack"), notify("Spotify"), notify("Spotify")):
        sender = read_message(FDO, "Notify", body)
        assert sender is not None
        seen.add(sender)
    assert seen.listing({"spotify": "ignore"}) == [
        {"app": "slack", "notifications": 1, "source": "slack", "verdict": "counted as slack"},
        {"app": "spotify", "notifications": 2, "source": None, "verdict": "ignored"},
    ]
    assert SECRET not in repr(seen.listing({}))


def test_the_socket_lives_in_the_user_s_runtime_folder(tmp_path: object) -> None:
    from pathlib import Path as FsPath

    folder = FsPath(str(tmp_path))
    path = socket_path(folder / "data", {"XDG_RUNTIME_DIR": str(folder)})
    assert path.parent == folder and len(str(path.name)) < 50
    assert socket_path(folder / "data", {}) != socket_path(folder / "other", {})


def test_site_host_reads_one_line_and_only_a_host() -> None:
    assert site_host("https://app.slack.com/client\nhello") == "app.slack.com"
    assert site_host("hello there.\napp.slack.com") is None
    assert site_host("") is None
