"""Preferences kept in the same database as the data: a key and a JSON value."""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session

from wellbeing_app.core.store.models import Setting


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    if row is None:
        return default
    try:
        return json.loads(row.value)
    except json.JSONDecodeError:
        return default


def set_setting(session: Session, key: str, value: Any) -> None:
    encoded = json.dumps(value)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=encoded))
    else:
        row.value = encoded
        session.add(row)
