"""The errors the core raises, each naming what the user got wrong in their own terms."""

from __future__ import annotations

from wellbeing_app.core.language import _


class WellbeingError(Exception):
    """Something the user should be told about in one plain sentence."""


class ValidationError(WellbeingError):
    """A value the user gave is not acceptable; ``field`` names it (e.g. ``severity``)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(_("{field}: {message}").format(field=field, message=message))
        self.field = field
        self.message = message


class ConflictError(WellbeingError):
    """The request clashes with what is stored (e.g. a shift is already running)."""


class NotFoundError(WellbeingError):
    """The row asked for does not exist (any more)."""


class StorageError(WellbeingError):
    """The database cannot be used: newer than this app, damaged, or not a database at all."""
