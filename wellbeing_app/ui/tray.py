"""The tray icon and its menu, built from the shared actions and refreshed as it opens."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from wellbeing_app.ui import icons
from wellbeing_app.ui.actions import AppActions


class Tray(QObject):
    """A QSystemTrayIcon whose icon says whether a shift is running."""

    menu_opening = Signal()
    message_clicked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon = QSystemTrayIcon(icons.icon(icons.TRAY_IDLE), self)
        self.icon.setToolTip("Wellbeing: off the clock")
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
        self.icon.showMessage(title, text, icons.icon(icons.APP), 4000)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # A left click opens Today, the window people reach for most.
        if reason == QSystemTrayIcon.ActivationReason.Trigger and self._actions is not None:
            self._actions.today.trigger()


def build_menu(actions: AppActions) -> QMenu:
    """Start/End shift, Log a ping >, Log an incident…, Reflect…, Check-in…, Today, Dashboard,
    Export summary…, Settings…, Quit."""
    menu = QMenu()
    menu.addAction(actions.shift)
    pings = menu.addMenu("Log a ping")
    for action in actions.pings:
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
