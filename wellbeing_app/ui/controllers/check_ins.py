"""Check-ins: the one-minute end-of-day reflection and the WHO-5 well-being check."""

from __future__ import annotations

from PySide6.QtCore import Signal

from wellbeing_app.core.journal import Journal
from wellbeing_app.core.language import _
from wellbeing_app.core.reflection.who5 import Who5Result
from wellbeing_app.ui.controllers.parts import Feature
from wellbeing_app.ui.reflection_dialog import ReflectionDialog
from wellbeing_app.ui.who5_dialog import Who5Dialog


class CheckIns(Feature):
    """Opens the reflection and the WHO-5 check; ``incident_wanted`` asks to log a missed one."""

    incident_wanted = Signal()

    def open_reflection(self) -> None:
        """The one-minute end-of-day reflection (editing today's replaces it)."""
        self.run(self._reflect, failure_title=_("Reflection not saved"))

    def _reflect(self, journal: Journal) -> None:
        day = journal.today()
        log = journal.day(day)
        ReflectionDialog.reflect(
            self.clock,
            day,
            [p for p in log.pings if p.after_hours],
            log.incidents,
            save=journal.save_reflection,
            skip=journal.skip_reflection,
            initial=journal.reflection(day),
            log_missed=self._log_missed,
            parent=self.dialog_parent(),
        )

    def _log_missed(self) -> None:
        self.incident_wanted.emit()

    def open_checkin(self) -> None:
        """The WHO-5 well-being check: scored at once, seen by no one else."""
        self.run(self._check_in, failure_title=_("Check-in not saved"))

    def _check_in(self, journal: Journal) -> None:
        def save(answers: tuple[int, ...]) -> Who5Result:
            return journal.check_in(list(answers)).result

        Who5Dialog.check_in(save, journal.latest_who5_score(), self.dialog_parent())
