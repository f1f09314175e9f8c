"""The app's SVG icons from resources/, as QIcons."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from PySide6.QtGui import QIcon

APP = "wellbeing-app"
TRAY_IDLE = "tray-idle"
TRAY_SHIFT = "tray-shift"


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``."""
    path = files("wellbeing_app.resources") / "icons" / f"{name}.svg"
    return QIcon(str(path))
