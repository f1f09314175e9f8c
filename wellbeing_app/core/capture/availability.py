"""Where counting work notifications cannot work, and why, in words.

It needs a Linux desktop's session bus and the right to watch it (``BecomeMonitor``). Inside
Flatpak the bus proxy refuses that; Windows lets only packaged apps read notifications, and
macOS offers no sanctioned way at all.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from wellbeing_app.core.language import N_, _

# Marked with N_ and translated when said (``why_unavailable`` does; so must other users).
ON_WINDOWS = N_(
    "Windows lets only packaged apps read other apps' notifications; Wellbeing is not one. "
    "Log pings by hand meanwhile."
)
ON_MACOS = N_(
    "macOS offers no sanctioned way to read other apps' notifications. Log pings by hand meanwhile."
)
IN_FLATPAK = N_(
    "Wellbeing runs inside Flatpak, whose bus proxy refuses to let an app watch notifications; "
    "install it outside Flatpak to count them. Log pings by hand meanwhile."
)
NO_SESSION_BUS = N_(
    "There is no desktop session bus here (no DBUS_SESSION_BUS_ADDRESS, no $XDG_RUNTIME_DIR/bus), "
    "so there are no notifications to count. Log pings by hand meanwhile."
)
OTHER_SYSTEM = N_(
    "Counting notifications works on Linux desktops only. Log pings by hand meanwhile."
)


def session_bus_address(
    environ: Mapping[str, str], exists: Callable[[str], bool] = os.path.exists
) -> str | None:
    """The session bus's address: the environment's, else the usual socket of a systemd user
    session (``$XDG_RUNTIME_DIR/bus``); None when there is neither."""
    address = environ.get("DBUS_SESSION_BUS_ADDRESS", "").strip()
    if address:
        return address
    runtime = environ.get("XDG_RUNTIME_DIR", "")
    if runtime and exists(os.path.join(runtime, "bus")):
        return f"unix:path={os.path.join(runtime, 'bus')}"
    return None


def why_unavailable(
    platform: str,
    environ: Mapping[str, str],
    flatpak_info_exists: bool,
    exists: Callable[[str], bool] = os.path.exists,
) -> str | None:
    """Why counting cannot work here (None: it can be tried), in the language in use."""
    if platform.startswith("win"):
        return _(ON_WINDOWS)
    if platform == "darwin":
        return _(ON_MACOS)
    if not platform.startswith("linux") and "bsd" not in platform:
        return _(OTHER_SYSTEM)
    if flatpak_info_exists or environ.get("FLATPAK_ID"):
        return _(IN_FLATPAK)
    if session_bus_address(environ, exists) is None:
        return _(NO_SESSION_BUS)
    return None


def why_unavailable_here() -> str | None:
    """``why_unavailable`` for this process."""
    return why_unavailable(sys.platform, os.environ, Path("/.flatpak-info").exists())
