"""What the user chose about counting work notifications, and what counting remembers.

Both live in the settings table as JSON: the choices (on or off, the user's app mappings, the
burst window) under ``capture``, the memory (a pause, the day the start-of-shift hint was
offered) under ``capture.state``. Off until the user says yes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import Session

from wellbeing_app.core.capture.apps import DEFAULT, check_mapping
from wellbeing_app.core.capture.bursts import BURST_MINUTES, MAX_BURST_MINUTES
from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.language import _
from wellbeing_app.core.store.settings import get_setting, set_setting

SETTINGS_KEY = "capture"
STATE_KEY = "capture.state"


@dataclass(frozen=True)
class CaptureSettings:
    """Counting on or off, the user's mappings (app -> source or ``ignore``), the burst window."""

    on: bool = False
    apps: dict[str, str] = field(default_factory=dict)
    burst_minutes: int = BURST_MINUTES

    @property
    def burst_window(self) -> timedelta:
        return timedelta(minutes=self.burst_minutes)

    @classmethod
    def from_json(cls, data: object) -> CaptureSettings:
        """Settings from stored JSON; bad values fall back to the defaults."""
        if not isinstance(data, dict):
            return cls()
        apps = data.get("apps")
        minutes = data.get("burst_minutes")
        return cls(
            on=data.get("on") is True,
            apps={
                str(k): str(v)
                for k, v in (apps if isinstance(apps, dict) else {}).items()
                if isinstance(k, str) and isinstance(v, str)
            },
            burst_minutes=(
                minutes
                if isinstance(minutes, int) and 0 <= minutes <= MAX_BURST_MINUTES
                else BURST_MINUTES
            ),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "on": self.on,
            "apps": dict(sorted(self.apps.items())),
            "burst_minutes": self.burst_minutes,
        }


@dataclass(frozen=True)
class CaptureState:
    """What counting remembers: a pause, and the local day the start-of-shift hint was offered."""

    paused_until: datetime | None = None
    start_hint_day: date | None = None

    def paused(self, now: datetime) -> bool:
        return self.paused_until is not None and now < self.paused_until

    @classmethod
    def from_json(cls, data: object) -> CaptureState:
        raw = data if isinstance(data, dict) else {}
        return cls(_instant(raw.get("paused_until")), _day(raw.get("start_hint_day")))

    def to_json(self) -> dict[str, Any]:
        return {
            "paused_until": self.paused_until.isoformat() if self.paused_until else None,
            "start_hint_day": self.start_hint_day.isoformat() if self.start_hint_day else None,
        }


def load_settings(session: Session) -> CaptureSettings:
    return CaptureSettings.from_json(get_setting(session, SETTINGS_KEY, {}))


def save_settings(session: Session, settings: CaptureSettings) -> None:
    set_setting(session, SETTINGS_KEY, settings.to_json())


def load_state(session: Session) -> CaptureState:
    return CaptureState.from_json(get_setting(session, STATE_KEY, {}))


def save_state(session: Session, state: CaptureState) -> None:
    set_setting(session, STATE_KEY, state.to_json())


def with_mapping(settings: CaptureSettings, app: str, source: str) -> CaptureSettings:
    """The settings with ``app`` counted as ``source`` (or ``ignore``; ``default`` forgets the
    user's mapping). Raises ValidationError naming APP or SOURCE."""
    key, chosen = check_mapping(app, source)
    apps = dict(settings.apps)
    if chosen == DEFAULT:
        apps.pop(key, None)
    else:
        apps[key] = chosen
    return replace(settings, apps=apps)


def with_burst_minutes(settings: CaptureSettings, minutes: int) -> CaptureSettings:
    if isinstance(minutes, bool) or not 0 <= minutes <= MAX_BURST_MINUTES:
        raise ValidationError(
            "burst_minutes",
            _("must be from 0 to {most} minutes, got {value}").format(
                most=MAX_BURST_MINUTES, value=minutes
            ),
        )
    return replace(settings, burst_minutes=minutes)


def _instant(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def _day(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
