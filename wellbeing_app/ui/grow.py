"""Growing a window (never shrinking it) so all of its text shows, in any language.

Two things Qt leaves to us: a window's minimum size ignores text that wraps, so a line shown
later (an error), or longer in another language, would squeeze the rest; and a window given a
minimum width of its own (``setMinimumWidth``) is no longer kept as wide as its contents need,
so its buttons and boxes could be cut. ``keep_whole`` answers both each time a window shows.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from wellbeing_app.ui.when_shown import on_each_show


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


def keep_whole(window: QWidget, width: int = 0) -> None:
    """At least ``width`` wide, and each time ``window`` shows, as wide as its contents need
    and as tall as its wrapped text needs at that width."""
    if width:
        window.setMinimumWidth(width)
    on_each_show(window, fit_contents)


def fit_contents(window: QWidget) -> None:
    """Widen ``window`` to what its contents need at least, then grow it to its wrapped text."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    least = layout.totalMinimumSize().width()
    if window.minimumWidth() < least:
        window.setMinimumWidth(least)
    if window.width() < least:
        window.resize(least, window.height())
    grow_to_fit(window)
