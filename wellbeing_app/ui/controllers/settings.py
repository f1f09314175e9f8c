"""Settings: the working schedule (with days off) and the reminder preferences in one dialog, and
the first-run set-up a new data folder gets once (reachable again from Settings)."""

from __future__ import annotations

import sys
from pathlib import Path
from zoneinfo import available_timezones

from PySide6.QtCore import QObject, QProcess

from wellbeing_app.core.capture.availability import why_unavailable_here
from wellbeing_app.core.errors import ConflictError, StorageError
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.language import _
from wellbeing_app.core.store.database import open_database
from wellbeing_app.core.time.local_time import in_zone
from wellbeing_app.services.start_at_login import login_state, start_at_login
from wellbeing_app.ui.controllers.parts import AppParts, Feature
from wellbeing_app.ui.controllers.your_data import YourData
from wellbeing_app.ui.first_run_dialog import FirstRunDialog, SetUp
from wellbeing_app.ui.settings_dialog import SettingsChoice, SettingsDialog

SET_UP_DONE = "ui.set_up_done"  # the first-run set-up was shown (saved or skipped)
DEMO_YEARS = 1


class Settings(Feature):
    """Opens the Settings dialog and stores what the user chose, all together or not at all;
    its Your data tab brings data in and takes it out (``your_data``)."""

    def __init__(self, parts: AppParts, parent: QObject | None = None) -> None:
        super().__init__(parts, parent)
        self.your_data = YourData(parts, self)

    def open_settings(self) -> None:
        self.run(self._edit, on_done=self._saved, failure_title=_("Settings not saved"))

    def _edit(self, journal: Journal) -> bool:
        now, zone = self.clock.now(), self.clock.zone()
        today = in_zone(now, zone).date()

        data_dir = journal.db.path.parent
        autostart = self._starts_at_login(data_dir)

        def save(choice: SettingsChoice) -> None:
            if choice.start_at_login not in (None, autostart[0]):  # first: it may fail
                start_at_login(bool(choice.start_at_login), data_dir)
            journal.save_settings(
                choice.week, choice.zone, choice.effective_from, choice.reminders, choice.days_off
            )
            if choice.count_notifications is not None:
                journal.counting.set_on(choice.count_notifications)

        _, saved = SettingsDialog.edit(
            today,
            zone,
            journal.schedule_book(now, now).in_force(today),
            journal.reminder_settings(),
            sorted(available_timezones()),
            save=save,
            parent=self.dialog_parent(),
            set_up=lambda: self._set_up(journal),
            backups=(journal.newest_backup(), journal.backup_folder()),
            counting=(journal.counting.settings().on, why_unavailable_here()),
            your_data=self.your_data.actions(),
            autostart=autostart,
        )
        return saved

    @staticmethod
    def _starts_at_login(data_dir: Path) -> tuple[bool, str | None]:
        """Whether Wellbeing starts at login, and why that cannot be changed (None: it can)."""
        try:
            return login_state(data_dir).on, None
        except StorageError as exc:
            return False, str(exc)

    def _saved(self, saved: bool) -> None:
        if saved:
            self.say(_("Settings saved"), _("Your schedule and reminders are up to date."))

    # -- the first-run set-up -------------------------------------------------------------
    def set_up_if_new(self) -> None:
        """Offer the set-up once, on a data folder that holds nothing yet; a folder already in
        use (an upgrade, demo data) is taken as set up."""
        if self.journal.setting(SET_UP_DONE, False):
            return
        if self.journal.held_data():
            self.journal.set_setting(SET_UP_DONE, True)
            return
        self.open_set_up()

    def open_set_up(self) -> None:
        self.run(self._set_up, on_done=self._set_up_done, failure_title=_("Set-up not saved"))

    def _set_up(self, journal: Journal) -> bool:
        today = in_zone(self.clock.now(), self.clock.zone()).date()

        def save(choice: SetUp) -> None:
            journal.save_settings(choice.week, choice.zone, today, choice.reminders)
            if choice.count_notifications:
                journal.counting.set_on(True)

        _, saved = FirstRunDialog.set_up_once(
            self.clock.zone(),
            sorted(available_timezones()),
            save,
            try_demo=self.try_demo,
            reminders=journal.reminder_settings(),
            parent=self.dialog_parent(),
            counting_unavailable=why_unavailable_here(),
        )
        journal.set_setting(SET_UP_DONE, True)  # shown once, saved or skipped
        return saved

    def _set_up_done(self, saved: bool) -> None:
        if saved:
            self.say(_("All set"), _("Your working hours and reminders are saved."))
        else:
            self.say(
                _("Set up later"),
                _("Nothing counts as after hours until you set your working hours in Settings."),
            )

    def demo_folder(self) -> Path:
        """Where demo data goes: a folder beside this one, never this one."""
        data = self.journal.db.path.parent
        return data.with_name(f"{data.name}-demo")

    def try_demo(self) -> None:
        """Fill the demo folder with made-up history (once) and open a second Wellbeing on it."""
        folder = self.demo_folder()
        demo = open_database(folder / self.journal.db.path.name)
        try:
            Journal(demo, self.clock).fill_demo(years=DEMO_YEARS, seed=7)
        except ConflictError:
            pass  # filled on an earlier try: open it as it is
        finally:
            demo.close()
        self.launch(folder)
        self.say(
            _("Demo data"),
            _("A second Wellbeing opens on made-up history in {folder}.").format(folder=folder),
        )

    def launch(self, folder: Path) -> None:
        """Start another Wellbeing on ``folder`` (one instance per data folder)."""
        QProcess.startDetached(sys.executable, ["-m", "wellbeing_app", "--data-dir", str(folder)])
