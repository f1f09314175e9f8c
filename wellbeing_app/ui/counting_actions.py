"""The tray's part of counting work notifications: a submenu titled with what counting is doing
("Counting work notifications (3 today)") that pauses, resumes or turns it off in one click, and
the start-of-shift offer ("Start your shift at 08:47?") while it stands."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from wellbeing_app.core.language import _


@dataclass(frozen=True)
class CountingView:
    """What the tray shows of counting: ``on`` is the user's choice; ``status`` one line."""

    on: bool
    status: str
    paused: bool = False
    start_hint: str | None = None  # "Start your shift at 08:47?"


class CountingActions(QObject):
    """The counting actions; the capture controller answers their signals."""

    pause_hour = Signal()
    pause_day = Signal()
    resume = Signal()
    turn_off = Signal()
    accept_hint = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pause_hour_action = self._action(_("Pause counting for an hour"), self.pause_hour)
        self.pause_day_action = self._action(_("Pause counting until tomorrow"), self.pause_day)
        self.resume_action = self._action(_("Resume counting"), self.resume)
        self.turn_off_action = self._action(_("Stop counting"), self.turn_off)
        self.hint = self._action("", self.accept_hint)
        font = self.hint.font()
        font.setBold(True)
        self.hint.setFont(font)
        self._menus: list[QMenu] = []
        self.show_view(None)

    def menu(self, parent: QWidget | None = None) -> QMenu:
        """A submenu with the counting actions, titled with the status (hidden while off)."""
        menu = QMenu(parent)
        menu.addActions([self.pause_hour_action, self.pause_day_action, self.resume_action])
        menu.addSeparator()
        menu.addAction(self.turn_off_action)
        self._menus.append(menu)
        self._show_menus()
        return menu

    def show_view(self, view: CountingView | None) -> None:
        """Show ``view`` (None: counting is off or not possible here: nothing shows)."""
        self._view = view if view is not None and view.on else None
        paused = self._view is not None and self._view.paused
        self.pause_hour_action.setVisible(not paused)
        self.pause_day_action.setVisible(not paused)
        self.resume_action.setVisible(paused)
        hint = view.start_hint if view is not None else None
        self.hint.setText(hint or "")
        self.hint.setVisible(hint is not None)
        self._show_menus()

    def _show_menus(self) -> None:
        for menu in self._menus:
            menu.setTitle(self._view.status if self._view else "")
            menu.menuAction().setVisible(self._view is not None)

    def _action(self, text: str, signal: object) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(signal)
        return action
