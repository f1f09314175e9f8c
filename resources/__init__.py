"""Files the app ships: icons and texts, found next to this file (no Qt needed to name them)."""

from __future__ import annotations

from pathlib import Path

ICON_DIR = Path(__file__).with_name("icons")

APP = "wellbeing-app"
TRAY_IDLE = "tray-idle"
TRAY_SHIFT = "tray-shift"


def icon_file(name: str) -> Path:
    """The SVG file of the icon ``name`` (one of the names above)."""
    return ICON_DIR / f"{name}.svg"
