"""Work a window does each time it shows (fitting its text, completing what screen readers are
told), run from the window's own ``showEvent``.

Not from an event filter: Qt passes a window's last events through its filters while the window
is being destroyed, and a filter written in Python then has PySide wrap a half-destroyed object,
which crashed the interpreter. A ``showEvent`` override only ever runs on a whole window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    _Base = QWidget
else:
    _Base = object

Hook = Callable[[QWidget], None]


class WhenShown(_Base):
    """A window's first base class, before its Qt class: runs ``on_each_show``'s hooks."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        for hook in list(getattr(self, "_shown_hooks", ())):
            hook(self)


def on_each_show(window: QWidget, hook: Hook) -> None:
    """Run ``hook(window)`` each time ``window`` shows (it must be a ``WhenShown``)."""
    if not isinstance(window, WhenShown):
        raise TypeError(f"{type(window).__name__} needs WhenShown as its first base class")
    hooks: list[Hook] | None = getattr(window, "_shown_hooks", None)
    if hooks is None:
        hooks = []
        window._shown_hooks = hooks  # type: ignore[attr-defined]
    if hook not in hooks:
        hooks.append(hook)
