"""The composition root: builds the tray app once and connects every signal in one place.

Start-up order matters for speed. Before the tray icon shows, only Qt, the data folder and the
instance lock are touched. Once the tray host has embedded the icon, the rest settles in: the
menu, logging, the hand-over socket, and the database layer (SQLModel, Alembic), which loads in a
worker thread.
"""

from __future__ import annotations

import logging
import sys
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from wellbeing_app import APP_ID, APP_NAME
from wellbeing_app.core.errors import WellbeingError
from wellbeing_app.core.store.paths import AppPaths, resolve_paths
from wellbeing_app.core.time.clock import Clock, SystemClock
from wellbeing_app.core.time.local_time import format_duration, in_zone
from wellbeing_app.core.vocabulary import source_label
from wellbeing_app.services.loader import DatabaseLoader
from wellbeing_app.services.single_instance import SingleInstance
from wellbeing_app.ui.actions import AppActions, ShiftState
from wellbeing_app.ui.tray import Tray

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from wellbeing_app.core.journal import Journal
    from wellbeing_app.core.records.day import DayLog
    from wellbeing_app.core.reflection.streaks import Streaks
    from wellbeing_app.core.reminders.planner import Reminder
    from wellbeing_app.core.store.database import Database
    from wellbeing_app.core.time.periods import Period
    from wellbeing_app.core.workload.loads import Workload
    from wellbeing_app.services.data_watcher import DataWatcher
    from wellbeing_app.services.notifier import Notifier
    from wellbeing_app.services.reminder_service import ReminderService
    from wellbeing_app.ui.dashboard_window import DashboardWindow
    from wellbeing_app.ui.no_tray_window import NoTrayWindow
    from wellbeing_app.ui.today_window import TodayWindow

log = logging.getLogger(__name__)

TRAY_WAIT_MS = 5000
TRAY_POLL_MS = 250
EMBED_POLL_MS = 10
EMBED_WAIT_MS = 500
NO_TRAY_EXPLAINED = "ui.no_tray_explained"


class WellbeingApp(QObject):
    """Owns the tray (or the no-tray window), the windows and the journal; wires them up."""

    shown = Signal()  # the tray icon (or the no-tray window) is on screen
    ready = Signal()  # the database is open and every action works
    failed = Signal(str)

    def __init__(self, paths: AppPaths, clock: Clock, tray_wait_ms: int = TRAY_WAIT_MS) -> None:
        super().__init__()
        self.paths = paths
        self.clock = clock
        self.actions = AppActions(self)
        self.tray: Tray | None = None
        self.no_tray_window: NoTrayWindow | None = None
        self.today_window: TodayWindow | None = None
        self.dashboard: DashboardWindow | None = None
        self.journal: Journal | None = None
        self.watcher: DataWatcher | None = None
        self.notifier: Notifier | None = None
        self.reminders: ReminderService | None = None
        self._shown_reminders: dict[str, Reminder] = {}
        self._last_reminder: Reminder | None = None
        self._streaks: Streaks | None = None
        self._day: DayLog | None = None
        self._tray_wait_left = tray_wait_ms
        self._tray_poll = QTimer(self)
        self._tray_poll.setInterval(TRAY_POLL_MS)
        self._tray_poll.timeout.connect(self._look_for_tray)
        self._embed_wait_left = EMBED_WAIT_MS
        self._embed_poll = QTimer(self)
        self._embed_poll.setInterval(EMBED_POLL_MS)
        self._embed_poll.timeout.connect(self._wait_for_embedding)
        self._loader = DatabaseLoader(paths.database, self)

        self.actions.start_shift.connect(self.start_shift)
        self.actions.end_shift.connect(self.end_shift)
        self.actions.log_ping.connect(self.log_ping)
        self.actions.log_incident.connect(self.log_incident)
        self.actions.show_today.connect(self.show_today)
        self.actions.show_dashboard.connect(self.show_dashboard)
        self.actions.export_summary.connect(self.open_export)
        self.actions.show_settings.connect(self.open_settings)
        self.actions.reflect.connect(self.open_reflection)
        self.actions.check_in.connect(self.open_checkin)
        self.actions.quit.connect(QApplication.quit)
        self._loader.loaded.connect(self._on_loaded)
        self._loader.failed.connect(self._on_failed)

    # -- start-up -------------------------------------------------------------------------
    def start(self) -> None:
        """Show the tray icon (or wait briefly for a tray); ``shown`` follows, then ``ready``."""
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._show_tray()
        elif self._tray_wait_left <= 0:
            self._show_no_tray_window()
        else:
            self._tray_poll.start()

    def _look_for_tray(self) -> None:
        self._tray_wait_left -= TRAY_POLL_MS
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._tray_poll.stop()
            self._show_tray()
        elif self._tray_wait_left <= 0:
            self._tray_poll.stop()
            self._show_no_tray_window()

    def _show_tray(self) -> None:
        self.tray = Tray(self)
        self.tray.show()
        self._embed_poll.start()

    def _wait_for_embedding(self) -> None:
        """Let the tray host embed and paint the icon before the rest of start-up runs."""
        assert self.tray is not None
        self._embed_wait_left -= EMBED_POLL_MS
        if self.tray.icon.geometry().isValid() or self._embed_wait_left <= 0:
            self._embed_poll.stop()
            self._on_shown()

    def _show_no_tray_window(self) -> None:
        from wellbeing_app.ui.no_tray_window import NoTrayWindow

        self.no_tray_window = NoTrayWindow(self.actions, explain=False)
        self.no_tray_window.show()
        self._on_shown()

    def _on_shown(self) -> None:
        self.shown.emit()  # the composition root settles in first (logging, hand-over socket)
        self._settle_in()

    def _settle_in(self) -> None:
        if self.tray is not None:
            self.tray.attach_menu(self.actions)
            self.tray.menu_opening.connect(self.refresh)
            self.tray.message_clicked.connect(self.open_last_reminder)
            log.info("tray icon shown")
        else:
            log.info("no system tray on this desktop: showing the Wellbeing window instead")
        self._loader.start()

    def _explain_no_tray_once(self) -> None:
        if self.no_tray_window is None or self.journal is None:
            return
        if not self.journal.setting(NO_TRAY_EXPLAINED, False):
            self.no_tray_window.why.setVisible(True)
            self.journal.set_setting(NO_TRAY_EXPLAINED, True)

    def _on_loaded(self, db: Database) -> None:
        from wellbeing_app.core.journal import Journal
        from wellbeing_app.services.data_watcher import DataWatcher

        self.journal = Journal(db, self.clock)
        self.watcher = DataWatcher(db.path, db.changed_elsewhere, self)
        self.watcher.changed.connect(self.state_changed)
        self._explain_no_tray_once()
        self._streaks = self.journal.streaks()
        self.refresh()
        self._start_reminders(self.journal)
        log.info("database ready")
        self.ready.emit()

    def _start_reminders(self, journal: Journal) -> None:
        from wellbeing_app.services.notifier import Notifier
        from wellbeing_app.services.reminder_service import ReminderService

        self.notifier = Notifier(self._tray_message, parent=self)
        self.notifier.activated.connect(self.on_reminder_action)
        self.reminders = ReminderService(journal, self.show_reminder, parent=self)
        self.reminders.start()

    def _on_failed(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        log.error("cannot open the database: %s", message)
        QMessageBox.critical(self._dialog_parent(), APP_NAME, message)
        self.failed.emit(message)
        QApplication.exit(1)

    def shutdown(self) -> None:
        """Stop everything that could still wake up, then close the store."""
        if self.watcher is not None:
            self.watcher.changed.disconnect(self.state_changed)
            self.watcher.stop()
            # Deleted by the event loop, never by Python's garbage collector in the middle of
            # an event: that freed its inotify notifier under Qt's feet (heap corruption).
            self.watcher.deleteLater()
            self.watcher = None
        if self.reminders is not None:
            self.reminders.shutdown()
            self.reminders = None
        if self.notifier is not None:
            self.notifier.close()
            self.notifier = None
        if self.journal is not None:
            journal, self.journal = self.journal, None
            journal.db.close()
        if self.tray is not None:
            self.tray.hide()

    # -- state ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the store: menu texts, tray icon and tooltip, and the Today window."""
        if self.journal is None:
            return
        now = self.clock.now()
        running = self.journal.running_shift()
        self.actions.set_state(
            ShiftState(ready=True, running_for=running.length(now) if running else None)
        )
        if self.tray is not None:
            if running:
                since = in_zone(running.start, self.clock.zone())
                tooltip = f"Wellbeing: shift running since {since:%H:%M}"
            else:
                tooltip = "Wellbeing: off the clock"
            if self._streaks is not None:
                tooltip += (
                    f"\nDisconnect streak: {self._streaks.disconnect} · "
                    f"reflection streak: {self._streaks.reflection}"
                )
            self.tray.set_shift_running(running is not None, tooltip)
        if self.today_window is not None and self.today_window.isVisible():
            self._day = self.journal.day()
            self.today_window.show_log(self._day, now, self.clock.zone())
            if self._streaks is not None:
                self.today_window.show_streaks(self._streaks.disconnect, self._streaks.reflection)

    def activate(self) -> None:
        """Another launch asked us to show ourselves."""
        log.info("a second launch asked this instance to show itself")
        if self.no_tray_window is not None:
            self.no_tray_window.showNormal()
            self.no_tray_window.raise_()
            self.no_tray_window.activateWindow()
        self.show_today()

    def state_changed(self) -> None:
        """Something was written (here or by the CLI): refresh, and plan reminders again."""
        if self.journal is not None:
            self._streaks = self.journal.streaks()
        self.refresh()
        if self.reminders is not None:
            self.reminders.rebuild()
        if self.dashboard is not None and self.dashboard.isVisible():
            self.show_workload()

    # -- reminders ------------------------------------------------------------------------
    def show_reminder(self, reminder: Reminder) -> None:
        self._shown_reminders[reminder.key] = reminder
        self._last_reminder = reminder
        if self.notifier is not None:
            labels = self._labels(reminder)
            self.notifier.notify(reminder.title, reminder.text, reminder.key, list(labels.items()))

    def open_last_reminder(self) -> None:
        """A click on the tray's message opens what it was about."""
        self.open_reminder(self._last_reminder)

    def open_reminder(self, reminder: Reminder | None) -> None:
        from wellbeing_app.ui.reminder_dialog import ReminderDialog

        if reminder is not None and reminder.kind.value == "evening_reflection":
            self.open_reflection()
            return
        if reminder is not None and reminder.kind.value == "who5_checkin":
            self.open_checkin()
            return
        if reminder is None or not reminder.actions:
            self.show_today()
            return
        action, chosen = ReminderDialog.ask(reminder, self._labels(reminder), self._dialog_parent())
        if chosen and action:
            self.do_reminder_action(reminder, action)

    def on_reminder_action(self, key: str, action: str) -> None:
        reminder = self._shown_reminders.get(key, self._last_reminder)
        if action == "default":
            self.open_reminder(reminder)
        elif reminder is not None:
            self.do_reminder_action(reminder, action)

    def do_reminder_action(self, reminder: Reminder, action: str) -> None:
        journal = self.journal
        if journal is None or self.reminders is None:
            return
        try:
            if action == "end_shift":
                self.end_shift()
            elif action == "snooze":
                self.reminders.snooze()
            elif action == "on_call":
                period = journal.start_on_call()
                self.say("On call", f"Counted as on call until {self._local(period.end)}.")
            elif action == "end_at_scheduled_end" and reminder.suggested_end is not None:
                journal.end_shift(reminder.suggested_end)
                self.say("Shift ended", f"Ended at {self._local(reminder.suggested_end)}.")
        except WellbeingError as exc:
            self.say("Not done", str(exc))
        self.state_changed()

    def _labels(self, reminder: Reminder) -> dict[str, str]:
        from wellbeing_app.ui.reminder_dialog import action_labels

        snooze = self.journal.reminder_settings().snooze_minutes if self.journal else 15
        return action_labels(reminder, self.clock.zone(), snooze)

    def _tray_message(self, title: str, text: str) -> None:
        self.say(title, text)

    # -- actions --------------------------------------------------------------------------
    def start_shift(self) -> None:
        journal = self.journal
        if journal is None:
            return
        try:
            shift = journal.start_shift()
        except WellbeingError as exc:
            self.say("Shift not started", str(exc))
        else:
            self.say("Shift started", f"Clocked in at {self._local(shift.start)}.")
            self.state_changed()
            self.review_handoff()
            return
        self.state_changed()

    def review_handoff(self) -> None:
        """What was left at work comes back when the next shift starts, to tick off."""
        from wellbeing_app.ui.handoff_dialog import HandoffDialog

        journal = self.journal
        items = journal.handoff_list() if journal else []
        if journal is None or not items:
            return
        for item_id in HandoffDialog.review(items, self._dialog_parent()):
            journal.tick_handoff(item_id)

    def end_shift(self) -> None:
        journal = self.journal
        if journal is None:
            return
        try:
            shift = journal.end_shift()
        except WellbeingError as exc:
            self.say("Shift not ended", str(exc))
        else:
            worked = format_duration(shift.length(self.clock.now()))
            self.say("Shift ended", f"You worked {worked}. The rest of the day is yours.")
            self.state_changed()
            if journal.reminder_settings().reflect_after_shift:
                self.open_reflection()
            return
        self.state_changed()

    def open_checkin(self) -> None:
        """The WHO-5 well-being check: scored at once, seen by no one else."""
        from wellbeing_app.ui.who5_dialog import Who5Dialog

        journal = self.journal
        if journal is None:
            return
        previous = journal.latest_who5_score()
        Who5Dialog.check_in(
            lambda answers: journal.check_in(list(answers)).result,
            previous,
            self._dialog_parent(),
        )
        self.state_changed()

    def open_reflection(self) -> None:
        """The one-minute end-of-day reflection (editing today's replaces it)."""
        from wellbeing_app.ui.reflection_dialog import ReflectionDialog

        journal = self.journal
        if journal is None:
            return
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
            log_missed=self.log_incident,
            parent=self._dialog_parent(),
        )
        self.state_changed()

    def log_ping(self, source: str) -> None:
        journal = self.journal
        if journal is None:
            return
        try:
            ping = journal.log_ping(source)
        except WellbeingError as exc:
            self.say("Ping not logged", str(exc))
            return
        label = source_label(ping.source)
        self.say("Ping logged", f"{label} at {self._local(ping.at)}, {ping.timing}.")
        self.state_changed()

    def log_incident(self) -> None:
        from wellbeing_app.ui.incident_dialog import IncidentDialog

        journal = self.journal
        if journal is None:
            return
        _, saved = IncidentDialog.get_incident(
            self.clock,
            save=journal.log_incident,
            parent=self._dialog_parent(),
        )
        if saved:
            self.say("Incident logged", "Noted. It happened to the account, not to your worth.")
            self.refresh()

    def show_today(self) -> None:
        journal = self.journal
        if journal is None:
            return
        if self.today_window is None:
            from wellbeing_app.ui.today_window import TodayWindow

            self.today_window = TodayWindow()
            self.today_window.edit_requested.connect(self.edit_record)
            self.today_window.delete_requested.connect(self.delete_record)
        self.today_window.show()
        self.refresh()
        self.today_window.raise_()
        self.today_window.activateWindow()

    def show_dashboard(self) -> None:
        journal = self.journal
        if journal is None:
            return
        if self.dashboard is None:
            from wellbeing_app.ui.dashboard_window import DashboardWindow

            self.dashboard = DashboardWindow(journal.today())
            self.dashboard.period_chosen.connect(self.show_workload)
            self.dashboard.export_requested.connect(self.export_from_dashboard)
        self.dashboard.show()
        self.dashboard.raise_()
        self.dashboard.activateWindow()
        # Draw once the window is on screen: the first chart loads matplotlib.
        QTimer.singleShot(0, self.show_workload)

    def show_workload(self, period: Period | None = None) -> None:
        """Load the dashboard's period (or the one it shows) and hand it the figures."""
        if self.journal is None or self.dashboard is None:
            return
        self.dashboard.picker.set_today(self.journal.today())
        current, previous = self.journal.workload(period or self.dashboard.period())
        if self._streaks is None:
            self._streaks = self.journal.streaks()
        self.dashboard.show_workload(current, previous, self._streaks.disconnect)

    def open_export(self, period: Period | None = None, parent: QWidget | None = None) -> None:
        """The summary for a manager: previewed, then saved where the user chooses."""
        from wellbeing_app.ui.export_dialog import ExportDialog

        journal = self.journal
        if journal is None:
            return
        path, saved = ExportDialog.export(
            journal.workload,
            in_zone(self.clock.now(), self.clock.zone()).date(),
            self.clock.now(),
            period=period,
            parent=parent or self._dialog_parent(),
        )
        if saved and path is not None:
            self.say("Summary saved", f"Saved to {path}")

    def export_from_dashboard(self, workload: Workload | None) -> None:
        """The dashboard's Export button: the period it shows, unless nothing is drawn yet."""
        self.open_export(workload.period if workload is not None else None, self.dashboard)

    def open_settings(self) -> None:
        from zoneinfo import available_timezones

        from wellbeing_app.ui.settings_dialog import SettingsDialog

        journal = self.journal
        if journal is None:
            return
        now, zone = self.clock.now(), self.clock.zone()
        today = in_zone(now, zone).date()
        book = journal.schedule_book(now, now)
        _, saved = SettingsDialog.edit(
            today,
            zone,
            book.in_force(today),
            journal.reminder_settings(),
            sorted(available_timezones()),
            save=lambda c: journal.save_settings(
                c.week, c.zone, c.effective_from, c.reminders, c.days_off
            ),
            parent=self._dialog_parent(),
        )
        if saved:
            self.say("Settings saved", "Your schedule and reminders are up to date.")
            self.state_changed()

    def edit_record(self, kind: str, record_id: int) -> None:
        from wellbeing_app.ui import today_window

        journal = self.journal
        if journal is None or self._day is None:
            return
        clock, parent = self.clock, self.today_window
        if kind == today_window.SHIFT:
            from wellbeing_app.ui.shift_dialog import ShiftDialog, ShiftEdit

            shift = next((s for s in self._day.shifts if s.id == record_id), None)
            if shift is not None:
                ShiftDialog.get_shift(
                    clock,
                    ShiftEdit(shift.start, shift.end, shift.note),
                    save=lambda v: journal.update_shift(record_id, v.start, v.end, v.note),
                    parent=parent,
                )
        elif kind == today_window.PING:
            from wellbeing_app.ui.ping_dialog import PingDialog, PingEdit

            ping = next((p for p in self._day.pings if p.id == record_id), None)
            if ping is not None:
                PingDialog.get_ping(
                    clock,
                    PingEdit(ping.at, ping.source, ping.minutes, ping.note),
                    save=lambda v: journal.update_ping(
                        record_id, v.at, v.source, v.minutes, v.note
                    ),
                    parent=parent,
                )
        else:
            from wellbeing_app.core.records.incidents import IncidentDraft
            from wellbeing_app.ui.incident_dialog import IncidentDialog

            row = journal.incident(record_id)
            initial = IncidentDraft(
                row.at,
                row.category,
                row.severity,
                row.platform,
                row.minutes,
                row.summary,
                row.details,
            )
            IncidentDialog.get_incident(
                clock,
                save=lambda d: journal.update_incident(record_id, d),
                initial=initial,
                parent=parent,
            )
        self.state_changed()

    def delete_record(self, kind: str, record_id: int) -> None:
        from PySide6.QtWidgets import QMessageBox

        journal = self.journal
        if journal is None:
            return
        answer = QMessageBox.question(
            self.today_window, "Delete", f"Delete this {kind}? This cannot be undone."
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        delete = {
            "shift": journal.delete_shift,
            "ping": journal.delete_ping,
            "incident": journal.delete_incident,
        }[kind]
        try:
            delete(record_id)
        except WellbeingError as exc:
            self.say("Not deleted", str(exc))
        self.state_changed()

    # -- helpers --------------------------------------------------------------------------
    def say(self, title: str, text: str) -> None:
        """A short confirmation: a tray message, or the no-tray window's status line."""
        log.info("%s", title)  # only the title: messages may quote what the user typed
        if self.tray is not None:
            self.tray.say(title, text)
        elif self.no_tray_window is not None:
            self.no_tray_window.say(f"{title}. {text}")

    def _local(self, instant: datetime) -> str:
        return f"{in_zone(instant, self.clock.zone()):%H:%M}"

    def _dialog_parent(self) -> QWidget | None:
        return self.no_tray_window


def run_app(data_dir: str | None, *, tray_wait_ms: int = TRAY_WAIT_MS) -> int:
    """Start the tray app; returns the process exit status."""
    paths = resolve_paths(data_dir)
    paths.ensure()
    app = QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    app.setQuitOnLastWindowClosed(False)

    instance = SingleInstance(paths.data_dir)
    if not instance.acquire():
        return _hand_over(instance)
    instance.listen()  # at once: a later launch must find us even while we wait for a tray
    wellbeing = WellbeingApp(paths, SystemClock(), tray_wait_ms)
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


def _hand_over(instance: SingleInstance) -> int:
    from wellbeing_app.services.logs import configure_logging

    configure_logging(None)
    if instance.hand_over():
        log.info("Wellbeing is already running; it was asked to show itself")
        return 0
    print(
        "wellbeing-app: another Wellbeing is running for this data folder but does not "
        "answer; close it, or use another --data-dir.",
        file=sys.stderr,
    )
    return 1
