"""What every feature controller is built from: the journal, the clock, a way to say something to
the user, where dialogs open, the operation runner and the window registry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from wellbeing_app.core.journal import Journal
from wellbeing_app.core.time.clock import Clock
from wellbeing_app.core.time.local_time import in_zone
from wellbeing_app.ui.operation import Operations
from wellbeing_app.ui.windows import Windows

T = TypeVar("T")


@dataclass(frozen=True)
class AppParts:
    """The app's shared parts, handed to each feature controller."""

    journal: Journal
    clock: Clock
    say: Callable[[str, str], None]  # title, text: a tray message or the no-tray status line
    dialog_parent: Callable[[], QWidget | None]
    operations: Operations
    windows: Windows


class Feature(QObject):
    """A feature controller: reads through the journal, changes things through ``run``."""

    def __init__(self, parts: AppParts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = parts.journal
        self.clock = parts.clock
        self.say = parts.say
        self.windows = parts.windows
        self._dialog_parent = parts.dialog_parent
        self._operations = parts.operations

    def run(
        self,
        op: Callable[[Journal], T],
        *,
        on_done: Callable[[T], object] | None = None,
        failure_title: str | None = None,
    ) -> T | None:
        """See :meth:`Operations.run`."""
        return self._operations.run(op, on_done=on_done, failure_title=failure_title)

    def dialog_parent(self) -> QWidget | None:
        return self._dialog_parent()

    def local(self, instant: datetime) -> str:
        """``instant`` as the user's wall-clock time, such as 17:05."""
        return f"{in_zone(instant, self.clock.zone()):%H:%M}"
