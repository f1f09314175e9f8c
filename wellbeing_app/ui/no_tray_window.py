"""The small window that carries the tray's actions on desktops without a system tray."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wellbeing_app.ui import icons
from wellbeing_app.ui.actions import AppActions

WHY_NO_TRAY = (
    "Your desktop has no system tray, so Wellbeing lives in this small window instead. "
    "Closing it keeps the app running; Quit ends it."
)


class NoTrayWindow(QWidget):
    """Buttons for every tray action, a status line, and (the first time) why it is here."""

    def __init__(self, actions: AppActions, explain: bool) -> None:
        super().__init__()
        self.setWindowTitle("Wellbeing")
        self.setWindowIcon(icons.icon(icons.APP))
        layout = QVBoxLayout(self)
        self.why = QLabel(WHY_NO_TRAY)
        self.why.setWordWrap(True)
        self.why.setVisible(explain)
        layout.addWidget(self.why)
        ping_menu = QMenu(self)
        for action in actions.ping_menu_actions():
            if action is None:
                ping_menu.addSeparator()
            else:
                ping_menu.addAction(action)
        self.ping_button = self._button(text="Log a ping")
        self.ping_button.setMenu(ping_menu)
        self.ping_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.buttons = {
            "shift": self._button(actions.shift),
            "ping": self.ping_button,
            "incident": self._button(actions.incident),
            "reflect": self._button(actions.reflection),
            "checkin": self._button(actions.checkin),
            "today": self._button(actions.today),
            "dashboard": self._button(actions.dashboard),
            "export": self._button(actions.export),
            "settings": self._button(actions.settings),
            "quit": self._button(actions.quit_action),
        }
        for button in self.buttons.values():
            layout.addWidget(button)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.setMinimumWidth(320)

    def say(self, text: str) -> None:
        self.status.setText(text)

    def _button(self, action: QAction | None = None, text: str = "") -> QToolButton:
        button = QToolButton(self)
        if action is not None:
            button.setDefaultAction(action)
        else:
            button.setText(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return button
