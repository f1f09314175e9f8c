"""Secondary text (hints, credits, notes) in the palette's muted colour: Qt's
``placeholder-text`` role, so it follows light and dark themes."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

QUIET_STYLE = "color: palette(placeholder-text);"


def quiet_label(text: str, *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setStyleSheet(QUIET_STYLE)
    return label
