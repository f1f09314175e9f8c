"""Tell the user something: a desktop notification where one can be shown, else the tray's own
message. Never raises; failures are logged by title only, since the text can quote user notes.

On Linux, plyer's notify-send path fails silently when no notification server runs, so we first
ask the session bus whether one does (cached for a minute). Where the server offers buttons and
the caller has some, the notification goes out over D-Bus directly and clicks come back as
``activated``; otherwise plyer sends it.
"""

from __future__ import annotations

import logging
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from wellbeing_app.resources import APP, icon_file

if TYPE_CHECKING:  # jeepney, under it, is installed on Linux only
    from wellbeing_app.services.desktop_notifications import DesktopNotifications

log = logging.getLogger(__name__)

DESKTOP = "desktop"
TRAY = "tray"
APP_ICON: Path = icon_file(APP)
SERVER_CHECK_TIMEOUT = 1.0  # seconds; the check runs on the GUI thread
SERVER_CHECK_TTL = 60.0  # seconds a check's answer is trusted


class Notifier(QObject):
    """Shows notifications through the best path available and reports clicks on them."""

    activated = Signal(str, str)  # key, action id ("default" for a plain click)

    def __init__(
        self, tray_message: Callable[[str, str], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._tray_message = tray_message
        self._server: frozenset[str] | None = None
        self._checked_at: float | None = None
        self._buttons: DesktopNotifications | None = None

    def notify(
        self,
        title: str,
        text: str,
        key: str = "",
        actions: Sequence[tuple[str, str]] = (),
        *,
        heads_up: str = "",
    ) -> str:
        """Show ``title`` and ``text``, with ``actions`` as (id, label) buttons where the desktop
        offers them; returns the path that delivered it, ``"desktop"`` or ``"tray"``.

        Where the buttons cannot be shown, ``heads_up`` is added to the text: it says where
        the choices can be found instead."""
        plain = f"{text} {heads_up}" if heads_up else text  # for paths without buttons
        try:
            if self._send_to_desktop(title, text, key, actions, plain):
                return DESKTOP
        except Exception as exc:  # plyer raises anything, NotImplementedError without a backend
            self._checked_at = None  # the server may have gone: look again next time
            log.warning("Notification %r failed (%s); using the tray", title, type(exc).__name__)
        try:
            self._tray_message(title, plain)
        except Exception as exc:
            log.error("Tray message %r failed (%s)", title, type(exc).__name__)
        return TRAY

    def close(self) -> None:
        """Release the bus connection that listens for clicks, if one is open."""
        if self._buttons is not None:
            self._buttons.close()

    def _send_to_desktop(
        self, title: str, text: str, key: str, actions: Sequence[tuple[str, str]], plain: str
    ) -> bool:
        if sys.platform == "linux":
            capabilities = self._server_capabilities()
            if capabilities is None:
                log.info("No notification server; %r goes to the tray", title)
                return False
            if actions and "actions" in capabilities:
                self._desktop_buttons().send(title, text, key, actions, APP_ICON)
                return True
        from plyer import notification

        with warnings.catch_warnings():
            # plyer warns that dbus-python is missing, then uses notify-send, which is fine.
            warnings.simplefilter("ignore")
            notification.notify(
                title=title, message=plain, app_name="Wellbeing", app_icon=str(APP_ICON), timeout=10
            )
        return True

    def _server_capabilities(self) -> frozenset[str] | None:
        from wellbeing_app.services import desktop_notifications

        now = time.monotonic()
        if self._checked_at is None or now - self._checked_at > SERVER_CHECK_TTL:
            self._server = desktop_notifications.server_capabilities(SERVER_CHECK_TIMEOUT)
            self._checked_at = now
        return self._server

    def _desktop_buttons(self) -> DesktopNotifications:
        from wellbeing_app.services.desktop_notifications import DesktopNotifications

        if self._buttons is None:
            self._buttons = DesktopNotifications(self)
            self._buttons.activated.connect(self.activated)
        return self._buttons
