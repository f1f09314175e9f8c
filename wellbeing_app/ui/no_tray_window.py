"""The small window that carries the tray's actions on desktops without a system tray.

It is as alive as the tray: reminders waiting for an answer sit at its top, the shift's elapsed
time ticks once a minute while a shift runs (no timer runs otherwise), and its word-wrapped text
grows the window rather than being cut off, at any width.
"""

from __future__ import annotations

import math
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QMenu, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from wellbeing_app.core.language import N_, _
from wellbeing_app.ui import accessible, icons
from wellbeing_app.ui.actions import AppActions, ShiftState
from wellbeing_app.ui.when_shown import WhenShown

if TYPE_CHECKING:
    from wellbeing_app.core.journal import Journal

NO_TRAY_EXPLAINED = "ui.no_tray_explained"
WHY_NO_TRAY = N_(
    "Your desktop has no system tray, so Wellbeing lives in this small window instead. "
    "Closing it keeps the app running; Quit ends it."
)
MINUTE_MS = 60_000
TICK_SLACK_MS = 250  # wake just after the minute turns, never just before it


class NoTrayWindow(WhenShown, QWidget):
    """Buttons for every tray action, a status line, and (the first time) why it is here.

    ``minute_passed`` asks for a refresh when the running shift's elapsed time reaches its next
    whole minute (and when the window comes back on screen).
    """

    minute_passed = Signal()

    def __init__(self, actions: AppActions, explain: bool) -> None:
        super().__init__()
        self.setWindowTitle("Wellbeing")
        self.setWindowIcon(icons.icon(icons.APP))
        accessible.complete_when_shown(self)  # names and descriptions left unset
        layout = QVBoxLayout(self)
        self.reminder_buttons = [
            self._button(action) for action in (*actions.reminders, actions.counting.hint)
        ]
        for button in self.reminder_buttons:
            layout.addWidget(button)
        self.why = self._label(_(WHY_NO_TRAY))
        self.why.setVisible(explain)
        layout.addWidget(self.why)
        ping_menu = QMenu(self)
        for action in actions.ping_menu_actions():
            if action is None:
                ping_menu.addSeparator()
            else:
                ping_menu.addAction(action)
        self.ping_button = self._button(text=_("Log a ping"))
        self.ping_button.setMenu(ping_menu)
        self.ping_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        counting_menu = actions.counting.menu(self)
        # Its menu comes with its action (setMenu would take the action, and the words, away).
        self.counting_button = self._button(counting_menu.menuAction())
        self.counting_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
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
        layout.insertWidget(layout.indexOf(self.ping_button), self.counting_button)
        self.status = self._label("")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.setMinimumWidth(320)
        self.ticker = QTimer(self)
        self.ticker.setSingleShot(True)
        self.ticker.setTimerType(Qt.TimerType.PreciseTimer)  # one wakeup a minute, on time
        self.ticker.timeout.connect(self.minute_passed)
        actions.updated.connect(self.follow)

    def say(self, text: str) -> None:
        self.status.setText(text)

    def explain_once(self, journal: Journal) -> None:
        """Say why the window is there, the first time only."""
        if not journal.setting(NO_TRAY_EXPLAINED, False):
            self.why.setVisible(True)
            journal.set_setting(NO_TRAY_EXPLAINED, True)

    def follow(self, state: ShiftState) -> None:
        """Tick at the running shift's next whole minute while on screen; no shift, no timer."""
        running_for = state.running_for
        if running_for is None or not self.isVisible():
            self.ticker.stop()
        else:
            self.ticker.start(until_next_minute(running_for) + TICK_SLACK_MS)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self._fit()  # a text changed, or a button came or went
        return handled

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.minute_passed.emit()  # back on screen: show the time as it is now

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.ticker.stop()

    def _fit(self) -> None:
        """Tall enough for the wrapped text at the present width (Qt's own minimum for a
        window ignores how much height wrapped labels need)."""
        layout = self.layout()
        needed = layout.totalHeightForWidth(self.width()) if layout is not None else -1
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)
        if needed > self.height():
            self.resize(self.width(), needed)

    def _label(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)  # which makes its height follow its width
        policy = label.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)  # just the height its text needs
        label.setSizePolicy(policy)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return label

    def _button(self, action: QAction | None = None, text: str = "") -> QToolButton:
        button = QToolButton(self)
        if action is not None:
            button.setDefaultAction(action)
            # A button does not follow its action's visibility by itself.
            button.setVisible(action.isVisible())
            action.visibleChanged.connect(lambda: button.setVisible(action.isVisible()))
        else:
            button.setText(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return button


def until_next_minute(running_for: timedelta) -> int:
    """Milliseconds until ``running_for`` reaches its next whole minute."""
    into_minute_ms = running_for.total_seconds() * 1000 % MINUTE_MS
    return max(1, math.ceil(MINUTE_MS - into_minute_ms))
