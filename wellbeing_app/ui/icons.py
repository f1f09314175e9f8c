"""The app's SVG icons from resources/, as QIcons."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

import wellbeing_app.resources

ICON_DIR = Path(wellbeing_app.resources.__file__).with_name("icons")

APP = "wellbeing-app"
TRAY_IDLE = "tray-idle"
TRAY_SHIFT = "tray-shift"


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``."""
    return QIcon(str(ICON_DIR / f"{name}.svg"))
