"""Reading one desktop notification, as it passes on the session bus, into the app that sent it
and nothing else.

Three paths carry notifications: ``org.freedesktop.Notifications.Notify`` (most apps),
``org.gtk.Notifications.AddNotification`` (GLib apps on GNOME) and
``org.freedesktop.impl.portal.Notification.AddNotification`` (Flatpak apps, through the
portal). Of a message only the app's names are read: its app name, desktop entry or application
id, and for a browser the host of the site, from the ``x-kde-origin-name`` hint or else the
first line of the body (where Chrome puts the site). The summary, the rest of the body, icons
and actions are never looked at, and nothing read here outlives the call but the names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from wellbeing_app.core.capture.apps import app_key, is_browser

FDO = "org.freedesktop.Notifications"
GTK = "org.gtk.Notifications"
PORTAL = "org.freedesktop.impl.portal.Notification"
FDO_PATH = "/org/freedesktop/Notifications"
# What the monitor connection asks the bus to copy to it: the three calls, and word of a
# notification server coming or going.
MATCH_RULES = (
    "type='method_call',member='Notify'",
    "type='method_call',member='AddNotification'",
    "type='signal',sender='org.freedesktop.DBus',interface='org.freedesktop.DBus',"
    f"member='NameOwnerChanged',arg0='{FDO}'",
)
_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}")
_TAG = re.compile(r"<[^>]*>")
_FIRST_LINE_MAX = 300  # characters of the first line looked at, no more


class Path(StrEnum):
    """Which of the three ways the notification came."""

    NOTIFY = "notify"
    GTK = "gtk"
    PORTAL = "portal"


@dataclass(frozen=True)
class Sender:
    """Who sent a notification, as far as telling work apps apart needs."""

    app: str  # as the user knows it: "Slack", "app.slack.com", "com.slack.Slack"
    names: tuple[str, ...]  # lookup keys, most specific first (a site's host, then the app's)
    path: Path
    update: bool = False  # it replaces a notification already shown: not a new one


@dataclass(frozen=True)
class WorkNotification:
    """A notification from a work app: which app, the source it counts as, and when it came."""

    app: str
    source: str
    at: datetime
    path: Path = Path.NOTIFY


def read_message(interface: str | None, member: str | None, body: Any) -> Sender | None:
    """The sender of a notification call (None: not one of the three, or malformed)."""
    try:
        if member == "Notify" and interface in (FDO, None):
            return _read_notify(body)
        if member == "AddNotification" and interface == GTK:
            return _read_add(body, Path.GTK)
        if member == "AddNotification" and interface == PORTAL:
            return _read_add(body, Path.PORTAL)
    except (TypeError, ValueError, IndexError, AttributeError):
        return None  # a call that does not have the shape the specification gives
    return None


def site_host(text: str) -> str | None:
    """The host of a site named on the first line of ``text`` (``https://app.slack.com`` or
    ``<a href="...">app.slack.com</a>``), or None when that line names no site."""
    line = text[:_FIRST_LINE_MAX].split("\n", 1)[0]
    line = _TAG.sub("", line).strip().lower()
    line = line.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    return line if _HOST.fullmatch(line) else None


def _read_notify(body: Any) -> Sender | None:
    app_name, replaces_id, _icon, _summary, text, _actions, hints, _timeout = body
    entry = _string_hint(hints, "desktop-entry")
    names = _names(str(app_name), entry)
    if not names:
        return None
    host = _browser_site(names, _string_hint(hints, "x-kde-origin-name"), text)
    app = host or str(app_name).strip() or entry or ""
    return Sender(app, (host, *names) if host else names, Path.NOTIFY, update=int(replaces_id) != 0)


def _read_add(body: Any, path: Path) -> Sender | None:
    app_id, _notification_id, notification = body
    names = _names(str(app_id), None)
    if not names:
        return None
    text = _string_hint(notification, "body")
    host = _browser_site(names, None, text or "")
    return Sender(host or str(app_id).strip(), (host, *names) if host else names, path)


def _names(app_name: str, entry: str | None) -> tuple[str, ...]:
    """The app's lookup keys: its name, its desktop entry or id, and the id's last part
    (``org.gnome.Evolution`` -> ``evolution``)."""
    names: list[str] = []
    for raw in (app_name, entry or ""):
        key = app_key(raw)
        if key and key not in names:
            names.append(key)
        last = key.rsplit(".", 1)[-1]
        if "." in key and last and last not in names:
            names.append(last)
    return tuple(names)


def _browser_site(names: tuple[str, ...], origin: str | None, text: Any) -> str | None:
    if not is_browser(names):
        return None
    if origin:
        return site_host(origin)
    return site_host(text) if isinstance(text, str) else None


def _string_hint(hints: Any, name: str) -> str | None:
    """A string from an ``a{sv}`` dictionary (jeepney gives each value as (signature, value))."""
    if not isinstance(hints, dict):
        return None
    value = hints.get(name)
    if isinstance(value, tuple) and len(value) == 2 and value[0] == "s":
        return str(value[1])
    return None
