"""The shift clock: start a shift (then the hand-off list), end it (then, if wanted, the
reflection), and the shift's state as the tray shows it."""

from __future__ import annotations

from PySide6.QtCore import Signal

from wellbeing_app.core.journal import Journal
from wellbeing_app.core.language import _
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
            on_done=lambda s: self.say(
                _("Shift started"), _("Clocked in at {time}.").format(time=self.local(s.start))
            ),
            failure_title=_("Shift not started"),
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

        self.run(tick_off, failure_title=_("Hand-off list not updated"))

    def end_shift(self) -> None:
        shift = self.run(
            lambda journal: journal.end_shift(),
            on_done=lambda s: self.say(
                _("Shift ended"),
                # TRANSLATORS: {length} is how long the shift lasted, such as 8 h 05 min.
                _("You worked {length}. The rest of the day is yours.").format(
                    length=format_duration(s.length(self.clock.now()))
                ),
            ),
            failure_title=_("Shift not ended"),
        )
        if shift is not None and self.journal.reminder_settings().reflect_after_shift:
            self.reflection_wanted.emit()

    def status(self, streaks: Streaks | None) -> tuple[ShiftState, str]:
        """The actions' state (ready; running for how long) and the tray icon's tooltip."""
        running = self.journal.running_shift()
        if running is None:
            state, tooltip = ShiftState(ready=True), _("Wellbeing: off the clock")
        else:
            state = ShiftState(ready=True, running_for=running.length(self.clock.now()))
            since = self.local(running.start)
            tooltip = _("Wellbeing: shift running since {time}").format(time=since)
        if streaks is not None:
            # TRANSLATORS: the two numbers are streaks, counted in days.
            tooltip += "\n" + _(
                "Disconnect streak: {disconnect} · reflection streak: {reflection}"
            ).format(disconnect=streaks.disconnect, reflection=streaks.reflection)
        return state, tooltip
