"""The one way an action changes the store: checked for a ready store, a refusal told to the user,
and always one "state changed" signal afterwards (in the manner of Anki's ``CollectionOp``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal

from wellbeing_app.core.errors import WellbeingError
from wellbeing_app.core.language import N_, _

if TYPE_CHECKING:
    from wellbeing_app.core.journal import Journal

T = TypeVar("T")

NOT_READY_TITLE = N_("Still starting")
NOT_READY_TEXT = N_("Wellbeing is still opening your data. Try again in a moment.")


class Operations(QObject):
    """Runs actions against the journal; every run ends in exactly one ``state_changed``."""

    state_changed = Signal()

    def __init__(self, say: Callable[[str, str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._say = say
        self._journal: Journal | None = None

    @property
    def ready(self) -> bool:
        return self._journal is not None

    def open(self, journal: Journal) -> None:
        """The store is ready: actions run against ``journal`` from now on."""
        self._journal = journal

    def close(self) -> None:
        """The store is going away: actions only say so from now on."""
        self._journal = None

    def run(
        self,
        op: Callable[[Journal], T],
        *,
        on_done: Callable[[T], object] | None = None,
        failure_title: str | None = None,
    ) -> T | None:
        """Run ``op`` on the journal, then ``on_done`` with its result, then ``state_changed``.

        A store that is not ready yet, or a :class:`WellbeingError` from ``op``, becomes a
        message (``failure_title``, else "Not done", and the error's sentence) and the result
        is None.
        """
        try:
            if self._journal is None:
                self._say(_(NOT_READY_TITLE), _(NOT_READY_TEXT))
                return None
            try:
                result = op(self._journal)
            except WellbeingError as exc:
                self._say(failure_title or _("Not done"), str(exc))
                return None
            if on_done is not None:
                on_done(result)
            return result
        finally:
            self.state_changed.emit()
