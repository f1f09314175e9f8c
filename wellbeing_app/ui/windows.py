"""The app's long-lived windows (Today, Dashboard, the no-tray window): one of each, made when
first opened, brought to the front when opened again."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


class Windows:
    """One window per kind (its class), kept for the life of the app."""

    def __init__(self) -> None:
        self._made: dict[type[QWidget], QWidget] = {}

    def open(self, kind: type[W], make: Callable[[], W]) -> W:
        """Show the window of ``kind`` in front, made by ``make`` the first time only."""
        window = self.get(kind)
        if window is None:
            window = make()
            self._made[kind] = window
        self.bring_up(window)
        return window

    def get(self, kind: type[W]) -> W | None:
        """The window of ``kind``, if it was ever opened (shown or not)."""
        window = self._made.get(kind)
        return window if isinstance(window, kind) else None

    def visible(self, kind: type[W]) -> W | None:
        """The window of ``kind`` if it is on screen now."""
        window = self.get(kind)
        return window if window is not None and window.isVisible() else None

    def all(self) -> list[QWidget]:
        return list(self._made.values())

    @staticmethod
    def bring_up(window: QWidget) -> None:
        if window.isMinimized():
            window.showNormal()
        else:
            window.show()
        window.raise_()
        window.activateWindow()
