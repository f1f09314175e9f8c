"""The app's actions, shared by the tray menu and the no-tray window so both always agree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from wellbeing_app.core.time.local_time import format_duration
from wellbeing_app.core.vocabulary import SOURCE_LABELS

QUICK_MINUTES = (5, 15, 30)
OTHER_MINUTES = -1


@dataclass(frozen=True)
class ShiftState:
    """What the actions need to know: is the store ready, and is a shift running (for how long)."""

    ready: bool = False
    running_for: timedelta | None = None
    last_ping: str | None = None  # e.g. "Slack at 21:04": its minutes can still be given


class AppActions(QObject):
    """Holds the QActions and turns their triggers into intent signals."""

    start_shift = Signal()
    end_shift = Signal()
    log_ping = Signal(str)
    ping_minutes = Signal(int)  # minutes spent on the last ping; OTHER_MINUTES opens its dialog
    log_incident = Signal()
    show_today = Signal()
    show_dashboard = Signal()
    export_summary = Signal()
    show_settings = Signal()
    reflect = Signal()
    check_in = Signal()
    quit = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running = False
        self.shift = QAction("Start shift", self)
        self.shift.triggered.connect(self._on_shift)
        self.pings: list[QAction] = []
        for source, label in SOURCE_LABELS.items():
            action = QAction(label, self)
            action.triggered.connect(lambda _=False, s=source: self.log_ping.emit(s))
            self.pings.append(action)
        # Minutes on the ping just logged: one more click, never in the way of the first.
        self.last_ping = QAction("", self)
        self.last_ping.setEnabled(False)
        self.minutes: list[QAction] = []
        for minutes in QUICK_MINUTES:
            action = QAction(f"{minutes} min", self)
            action.triggered.connect(lambda _=False, m=minutes: self.ping_minutes.emit(m))
            self.minutes.append(action)
        other = QAction("Other…", self)
        other.triggered.connect(lambda: self.ping_minutes.emit(OTHER_MINUTES))
        self.minutes.append(other)
        self.incident = QAction("Log an incident…", self)
        self.incident.triggered.connect(self.log_incident)
        self.today = QAction("Today", self)
        self.today.triggered.connect(self.show_today)
        self.dashboard = QAction("Dashboard", self)
        self.dashboard.triggered.connect(self.show_dashboard)
        self.export = QAction("Export summary…", self)
        self.export.triggered.connect(self.export_summary)
        self.reflection = QAction("Reflect on today…", self)
        self.reflection.triggered.connect(self.reflect)
        self.checkin = QAction("Well-being check-in…", self)
        self.checkin.triggered.connect(self.check_in)
        self.settings = QAction("Settings…", self)
        self.settings.triggered.connect(self.show_settings)
        self.quit_action = QAction("Quit", self)
        self.quit_action.triggered.connect(self.quit)
        self.set_state(ShiftState())

    def set_state(self, state: ShiftState) -> None:
        self._running = state.running_for is not None
        if not state.ready:
            self.shift.setText("Starting…")
        elif state.running_for is not None:
            self.shift.setText(f"End shift ({format_duration(state.running_for)})")
        else:
            self.shift.setText("Start shift")
        for action in (
            self.shift,
            *self.pings,
            self.incident,
            self.reflection,
            self.checkin,
            self.today,
            self.dashboard,
            self.export,
            self.settings,
        ):
            action.setEnabled(state.ready)

        self.last_ping.setText(f"Time spent on {state.last_ping}:" if state.last_ping else "")
        for action in (self.last_ping, *self.minutes):
            action.setVisible(state.last_ping is not None)

    def ping_menu_actions(self) -> list[QAction | None]:
        """The "Log a ping" menu: one click per source, then minutes for the last ping (None
        stands for a separator)."""
        return [*self.pings, None, self.last_ping, *self.minutes]

    def _on_shift(self) -> None:
        (self.end_shift if self._running else self.start_shift).emit()
