"""Growing a window (never shrinking it) so text that wraps gets its lines: a window's minimum
size ignores wrapped text, so a line shown later (an error) would otherwise squeeze the rest."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def grow_to_fit(window: QWidget) -> None:
    layout = window.layout()
    if not window.isVisible() or layout is None:
        return
    layout.activate()
    width = window.width()
    needed = (
        layout.totalHeightForWidth(width)
        if layout.hasHeightForWidth()
        else layout.totalSizeHint().height()
    )
    if needed > window.height():
        window.resize(width, needed)
