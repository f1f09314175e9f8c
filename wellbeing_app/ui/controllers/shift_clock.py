"""The shift clock: start a shift (then the hand-off list), end it (then, if wanted, the
reflection), and the shift's state as the tray shows it."""

from __future__ import annotations

from PySide6.QtCore import Signal

from wellbeing_app.core.journal import Journal
from wellbeing_app.core.reflection.streaks import Streaks
from wellbeing_app.core.time.local_time import format_duration
from wellbeing_app.ui.actions import ShiftState
from wellbeing_app.ui.controllers.parts import Feature
from wellbeing_app.ui.handoff_dialog import HandoffDialog


class ShiftClock(Feature):
    """Clocks in and out; ``reflection_wanted`` follows the end of a shift when the user asked."""

    reflection_wanted = Signal()

    def start_shift(self) -> None:
        shift = self.run(
            lambda journal: journal.start_shift(),
            on_done=lambda s: self.say("Shift started", f"Clocked in at {self.local(s.start)}."),
            failure_title="Shift not started",
        )
        if shift is not None:
            self.review_handoff()

    def review_handoff(self) -> None:
        """What was left at work comes back when the next shift starts, to tick off."""
        items = self.journal.handoff_list()
        if not items:
            return

        def tick_off(journal: Journal) -> None:
            for item_id in HandoffDialog.review(items, self.dialog_parent()):
                journal.tick_handoff(item_id)

        self.run(tick_off, failure_title="Hand-off list not updated")

    def end_shift(self) -> None:
        shift = self.run(
            lambda journal: journal.end_shift(),
            on_done=lambda s: self.say(
                "Shift ended",
                f"You worked {format_duration(s.length(self.clock.now()))}. "
                "The rest of the day is yours.",
            ),
            failure_title="Shift not ended",
        )
        if shift is not None and self.journal.reminder_settings().reflect_after_shift:
            self.reflection_wanted.emit()

    def status(self, streaks: Streaks | None) -> tuple[ShiftState, str]:
        """The actions' state (ready; running for how long) and the tray icon's tooltip."""
        running = self.journal.running_shift()
        if running is None:
            state, tooltip = ShiftState(ready=True), "Wellbeing: off the clock"
        else:
            state = ShiftState(ready=True, running_for=running.length(self.clock.now()))
            tooltip = f"Wellbeing: shift running since {self.local(running.start)}"
        if streaks is not None:
            tooltip += (
                f"\nDisconnect streak: {streaks.disconnect} · "
                f"reflection streak: {streaks.reflection}"
            )
        return state, tooltip
