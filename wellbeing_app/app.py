"""The composition root: builds the tray app once and connects every signal in one place.

Start-up order matters for speed: before the tray icon shows only Qt, the data folder and the
instance lock are touched; then the menu, logging, the hand-over socket, and the database layer
(in a worker thread); then the feature controllers (ui/controllers/), which do what each action
does. An action taken while the store opens is carried out once it is ready.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from wellbeing_app import APP_NAME
from wellbeing_app.core.language import _
from wellbeing_app.core.store.paths import AppPaths, resolve_paths
from wellbeing_app.core.time.clock import Clock, SystemClock
from wellbeing_app.services import loader
from wellbeing_app.services.single_instance import SingleInstance
from wellbeing_app.ui.actions import AppActions
from wellbeing_app.ui.application import make_application
from wellbeing_app.ui.no_tray_window import NoTrayWindow
from wellbeing_app.ui.operation import Operations
from wellbeing_app.ui.restore_dialog import RestoreDialog
from wellbeing_app.ui.tray import TRAY_WAIT_MS, Tray, TrayWait
from wellbeing_app.ui.windows import Windows

if TYPE_CHECKING:
    from wellbeing_app.core.journal import Journal
    from wellbeing_app.core.store.database import Database
    from wellbeing_app.services.data_watcher import DataWatcher
    from wellbeing_app.ui.controllers.features import Features

log = logging.getLogger(__name__)


class WellbeingApp(QObject):
    """Owns the tray (or the no-tray window), the windows, the journal and the features."""

    shown = Signal()  # the tray icon (or the no-tray window) is on screen
    ready = Signal()  # the database is open and every action works
    failed = Signal(str)

    def __init__(
        self, paths: AppPaths, clock: Clock, tray_wait_ms: int = TRAY_WAIT_MS, set_up: bool = False
    ) -> None:
        super().__init__()
        self._offer_set_up = set_up  # the first-run set-up, on a new data folder
        self.paths, self.clock = paths, clock
        self.actions = AppActions(self)
        self.windows = Windows()
        self.operations = Operations(self.say, self)
        self.tray: Tray | None = None
        self.journal: Journal | None = None
        self.features: Features | None = None
        self.watcher: DataWatcher | None = None
        self._tray_wait = TrayWait(tray_wait_ms, self)
        self._tray_wait.shown.connect(self._on_tray_shown)
        self._tray_wait.missing.connect(self._show_no_tray_window)
        self._loader = loader.DatabaseLoader(paths.database, clock.now, self)
        self._loader.loaded.connect(self._on_loaded)
        self._loader.failed.connect(self._on_failed)
        self._loader.noted.connect(lambda text: self.say(APP_NAME, text))
        self.actions.quit.connect(QApplication.quit)
        self.actions.queued.connect(self.say)  # asked for before the store is ready

    def start(self) -> None:
        """Show the tray icon (or wait briefly for a tray); ``shown`` follows, then ``ready``."""
        self._tray_wait.start()

    def _on_tray_shown(self, tray: Tray) -> None:
        self.tray = tray
        self._on_shown()

    def _show_no_tray_window(self) -> None:
        window = self.windows.open(NoTrayWindow, lambda: NoTrayWindow(self.actions, explain=False))
        window.minute_passed.connect(self.refresh)
        self._on_shown()

    def _on_shown(self) -> None:
        self.shown.emit()  # the composition root settles in first (logging, hand-over socket)
        if self.tray is not None:
            self.tray.attach_menu(self.actions)
            self.tray.menu_opening.connect(self.refresh)
            log.info("tray icon shown")
        else:
            log.info("no system tray on this desktop: showing the Wellbeing window instead")
        self._loader.start()

    def _on_loaded(self, db: Database) -> None:
        try:
            self._open(db)
        except Exception as exc:  # damage the bounded check did not reach, a bug: said, not lost
            self._on_failed(
                _("Wellbeing could not start on {path}: {error}").format(path=db.path, error=exc)
            )

    def _open(self, db: Database) -> None:
        # The one place the database layer and the features are imported: after the tray shows.
        from wellbeing_app.core.journal import Journal
        from wellbeing_app.services.data_watcher import DataWatcher
        from wellbeing_app.ui.controllers.features import Features

        self.journal = journal = Journal(db, self.clock)
        self.operations.open(journal)
        self.watcher = DataWatcher(db.path, db.changed_elsewhere, self)
        parts = (journal, self.clock, self.say, self._dialog_parent, self.operations)
        self.features = Features(*parts, self.windows, self)
        self._wire(self.features, self.watcher)
        if (window := self.windows.get(NoTrayWindow)) is not None:
            window.explain_once(journal)
        self.refresh()
        self.features.start()
        log.info("database ready")
        self.ready.emit()
        self.actions.release()  # what was asked for while the store was opening, once each
        if self._offer_set_up:  # once the event loop turns: the set-up is a modal dialog
            QTimer.singleShot(0, self.features.settings.set_up_if_new)

    def _wire(self, f: Features, watcher: DataWatcher) -> None:
        """Every signal between the actions, the tray, the features and the store, in one block."""
        actions = self.actions
        actions.start_shift.connect(f.shift_clock.start_shift)
        actions.end_shift.connect(f.shift_clock.end_shift)
        actions.log_ping.connect(f.records.log_ping)
        actions.ping_minutes.connect(f.records.give_minutes)
        actions.log_incident.connect(f.records.log_incident)
        actions.show_today.connect(f.records.show_today)
        actions.show_dashboard.connect(f.reports.show_dashboard)
        actions.export_summary.connect(f.reports.open_export)
        actions.show_settings.connect(f.settings.open_settings)
        actions.reflect.connect(f.check_ins.open_reflection)
        actions.check_in.connect(f.check_ins.open_checkin)
        f.shift_clock.reflection_wanted.connect(f.check_ins.open_reflection)
        f.check_ins.incident_wanted.connect(f.records.log_incident)
        f.reminders.end_shift_chosen.connect(f.shift_clock.end_shift)
        f.reminders.reflection_wanted.connect(f.check_ins.open_reflection)
        f.reminders.checkin_wanted.connect(f.check_ins.open_checkin)
        f.reminders.today_wanted.connect(f.records.show_today)
        f.reminders.pending_changed.connect(self.refresh)
        actions.open_reminder.connect(f.reminders.open_pending)
        counting, capture = actions.counting, f.capture
        counting.pause_hour.connect(capture.pause_for_an_hour)
        counting.pause_day.connect(capture.pause_until_tomorrow)
        counting.resume.connect(capture.resume)
        counting.turn_off.connect(capture.turn_off)
        counting.accept_hint.connect(capture.accept_start_hint)
        capture.status_changed.connect(self.refresh)
        capture.start_hint_offered.connect(self.refresh)
        capture.shift_started.connect(f.shift_clock.review_handoff)
        capture.contact_captured.connect(f.records.offer_minutes)
        f.reminders.minutes_wanted.connect(f.records.ask_minutes)
        if self.tray is not None:
            self.tray.message_clicked.connect(f.reminders.open_last_reminder)
        self.operations.state_changed.connect(self.on_state_changed)
        watcher.changed.connect(self.on_state_changed)

    def _on_failed(self, message: str, damaged: bool = False) -> None:  # said in a dialog
        if RestoreDialog.tell(message, damaged, self.paths, self.clock, self._dialog_parent()):
            self._loader.start()
            return
        log.error("cannot open the database: %s", message)
        self.actions.disable()
        self.failed.emit(message)
        QApplication.exit(1)

    def shutdown(self) -> None:
        """Stop everything that could still wake up, then close the store."""
        if self.watcher is not None:
            self.watcher.dispose()
            self.watcher = None
        if self.features is not None:
            self.features.shutdown()
            self.features = None
        self.operations.close()
        if self.journal is not None:
            journal, self.journal = self.journal, None
            journal.close()
        if self.tray is not None:
            self.tray.hide()

    def refresh(self) -> None:
        """Re-read the store: menu texts, reminders waiting, tray icon, the open windows."""
        if self.features is not None:
            state, tooltip = self.features.refresh()
            self.actions.set_state(state)
            if self.tray is not None:
                self.tray.set_shift_running(state.running_for is not None, tooltip)

    def on_state_changed(self) -> None:
        """Something was written (here or by the CLI): views, reminders and dashboard follow."""
        if self.features is not None:
            self.features.changed()
            self.refresh()

    def activate(self) -> None:
        """Another launch asked us to show ourselves."""
        log.info("a second launch asked this instance to show itself")
        if (window := self.windows.get(NoTrayWindow)) is not None:
            self.windows.bring_up(window)
        if self.features is not None:
            self.features.records.show_today()

    def say(self, title: str, text: str) -> None:
        """A short confirmation: a tray message, or the no-tray window's status line."""
        log.info("%s", title)  # only the title: messages may quote what the user typed
        if self.tray is not None:
            self.tray.say(title, text)
        elif (window := self.windows.get(NoTrayWindow)) is not None:
            window.say(_("{title}. {text}").format(title=title, text=text))

    def _dialog_parent(self) -> QWidget | None:
        return self.windows.get(NoTrayWindow)


def run_app(data_dir: str | None, *, tray_wait_ms: int = TRAY_WAIT_MS) -> int:
    """Start the tray app (there is a display: ``loader.display_problem``); returns the process
    exit status."""
    paths = resolve_paths(data_dir)
    app = make_application()

    instance = SingleInstance(paths.data_dir)
    if (problem := loader.folder_problem(paths)) is not None:
        return loader.cannot_start(problem)
    if not instance.acquire():
        return instance.hand_over_and_report()
    instance.listen()  # at once: a later launch must find us even while we wait for a tray
    wellbeing = WellbeingApp(paths, SystemClock(), tray_wait_ms, set_up=True)
    instance.activated.connect(wellbeing.activate)
    quitters = []

    def settle_in() -> None:
        from wellbeing_app.services.logs import configure_logging
        from wellbeing_app.services.unix_signals import QuitOnSignals
        from wellbeing_app.ui import icons

        configure_logging(paths.log_file)
        quitters.append(QuitOnSignals(app.quit))
        app.setWindowIcon(icons.icon(icons.APP))

    wellbeing.shown.connect(settle_in)
    wellbeing.start()
    try:
        return app.exec()
    finally:
        wellbeing.shutdown()
        instance.release()
