"""Settings: the working schedule (with days off) and the reminder preferences, in one dialog."""

from __future__ import annotations

from zoneinfo import available_timezones

from wellbeing_app.core.journal import Journal
from wellbeing_app.core.time.local_time import in_zone
from wellbeing_app.ui.controllers.parts import Feature
from wellbeing_app.ui.settings_dialog import SettingsChoice, SettingsDialog


class Settings(Feature):
    """Opens the Settings dialog and stores what the user chose, all together or not at all."""

    def open_settings(self) -> None:
        self.run(self._edit, on_done=self._saved, failure_title="Settings not saved")

    def _edit(self, journal: Journal) -> bool:
        now, zone = self.clock.now(), self.clock.zone()
        today = in_zone(now, zone).date()

        def save(choice: SettingsChoice) -> None:
            journal.save_settings(
                choice.week, choice.zone, choice.effective_from, choice.reminders, choice.days_off
            )

        _, saved = SettingsDialog.edit(
            today,
            zone,
            journal.schedule_book(now, now).in_force(today),
            journal.reminder_settings(),
            sorted(available_timezones()),
            save=save,
            parent=self.dialog_parent(),
        )
        return saved

    def _saved(self, saved: bool) -> None:
        if saved:
            self.say("Settings saved", "Your schedule and reminders are up to date.")
