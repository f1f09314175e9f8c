"""The app's SVG icons from resources/, as QIcons."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from wellbeing_app.resources import APP, TRAY_IDLE, TRAY_SHIFT, icon_file

__all__ = ["APP", "TRAY_IDLE", "TRAY_SHIFT", "icon"]


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``."""
    return QIcon(str(icon_file(name)))
