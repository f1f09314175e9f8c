"""The tray icon and its menu, built from the shared actions and refreshed as it opens; and the
short wait at start-up for a system tray to appear and embed the icon."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from wellbeing_app import APP_NAME
from wellbeing_app.core.language import _
from wellbeing_app.ui import icons
from wellbeing_app.ui.actions import AppActions

TRAY_WAIT_MS = 5000
TRAY_POLL_MS = 250
EMBED_POLL_MS = 10
EMBED_WAIT_MS = 500


class Tray(QObject):
    """A QSystemTrayIcon whose icon says whether a shift is running."""

    menu_opening = Signal()
    message_clicked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon = QSystemTrayIcon(icons.icon(icons.TRAY_IDLE), self)
        self.icon.setToolTip(_("Wellbeing: off the clock"))
        self.menu: QMenu | None = None
        self._actions: AppActions | None = None

    def attach_menu(self, actions: AppActions) -> None:
        """Give the icon its menu; done once the icon shows, to keep start-up quick."""
        self.menu = build_menu(actions)
        self.menu.aboutToShow.connect(self.menu_opening)
        self.icon.setContextMenu(self.menu)
        self.icon.messageClicked.connect(self.message_clicked)
        self.icon.activated.connect(self._on_activated)
        self._actions = actions

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def set_shift_running(self, running: bool, tooltip: str) -> None:
        self.icon.setIcon(icons.icon(icons.TRAY_SHIFT if running else icons.TRAY_IDLE))
        self.icon.setToolTip(tooltip)

    def say(self, title: str, text: str) -> None:
        """A balloon that fades after a few seconds: a heads-up only, never the only way in."""
        self.icon.showMessage(title, text, icons.icon(icons.APP), 4000)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # A left click opens Today, the window people reach for most.
        if reason == QSystemTrayIcon.ActivationReason.Trigger and self._actions is not None:
            self._actions.today.trigger()


def build_menu(actions: AppActions) -> QMenu:
    """Reminders waiting for an answer (only while some do), Start/End shift, Log a ping >,
    Log an incident…, Reflect…, Check-in…, Today, Dashboard, Export summary…, Settings…, Quit."""
    menu = QMenu()
    menu.setAccessibleName(APP_NAME)  # what a screen reader calls it
    menu.addActions([*actions.reminders, actions.counting.hint, actions.reminders_end])
    menu.addAction(actions.shift)
    menu.addMenu(actions.counting.menu(menu))  # shown only while counting is on
    pings = menu.addMenu(_("Log a ping"))
    for action in actions.ping_menu_actions():
        if action is None:
            pings.addSeparator()
        else:
            pings.addAction(action)
    menu.addAction(actions.incident)
    menu.addAction(actions.reflection)
    menu.addAction(actions.checkin)
    menu.addSeparator()
    menu.addAction(actions.today)
    menu.addAction(actions.dashboard)
    menu.addAction(actions.export)
    menu.addAction(actions.settings)
    menu.addSeparator()
    menu.addAction(actions.quit_action)
    return menu


class TrayWait(QObject):
    """Waits up to ``wait_ms`` for a system tray. Once there is one, shows the icon and gives the
    tray host a moment to embed and paint it before ``shown(Tray)``; with none, ``missing``."""

    shown = Signal(object)
    missing = Signal()

    def __init__(self, wait_ms: int = TRAY_WAIT_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tray: Tray | None = None
        self._wait_left = wait_ms
        self._tray_poll = self._poll(TRAY_POLL_MS, self._look_for_tray)
        self._embed_left = EMBED_WAIT_MS
        self._embed_poll = self._poll(EMBED_POLL_MS, self._wait_for_embedding)

    def start(self) -> None:
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._show_tray()
        elif self._wait_left <= 0:
            self.missing.emit()
        else:
            self._tray_poll.start()

    def _poll(self, interval_ms: int, look: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(interval_ms)
        timer.timeout.connect(look)
        return timer

    def _look_for_tray(self) -> None:
        self._wait_left -= TRAY_POLL_MS
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._tray_poll.stop()
            self._show_tray()
        elif self._wait_left <= 0:
            self._tray_poll.stop()
            self.missing.emit()

    def _show_tray(self) -> None:
        self._tray = Tray(self.parent())
        self._tray.show()
        self._embed_poll.start()

    def _wait_for_embedding(self) -> None:
        assert self._tray is not None
        self._embed_left -= EMBED_POLL_MS
        if self._tray.icon.geometry().isValid() or self._embed_left <= 0:
            self._embed_poll.stop()
            self.shown.emit(self._tray)
