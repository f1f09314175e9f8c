"""The app's actions, shared by the tray menu and the no-tray window so both always agree.

Every action works from the first moment: one taken while the store is still opening is queued
(once, however often it is clicked) and carried out by ``release`` once the store is ready.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtGui import QAction

from wellbeing_app.core.language import N_, _, ngettext
from wellbeing_app.core.time.local_time import format_duration
from wellbeing_app.core.vocabulary import SOURCE_LABELS, source_label
from wellbeing_app.ui.counting_actions import CountingActions, CountingView

QUICK_MINUTES = (5, 15, 30)
OTHER_MINUTES = -1
REMINDER_SLOTS = 3  # reminders waiting for an answer shown at once (at most one of each kind)
START_QUEUED = N_("Starting shift in a moment…")
STILL_OPENING = N_("Opening your data")


@dataclass(frozen=True)
class PendingChoice:
    """A reminder still waiting for an answer: its key, and the words of the item that opens it."""

    key: str
    text: str


@dataclass(frozen=True)
class ShiftState:
    """What the actions need to know: is the store ready, is a shift running (for how long),
    and which reminders wait for an answer."""

    ready: bool = False
    running_for: timedelta | None = None
    last_ping: str | None = None  # e.g. "Slack at 21:04": its minutes can still be given
    pending: tuple[PendingChoice, ...] = ()
    counting: CountingView | None = None  # counting work notifications, when it is on


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
    open_reminder = Signal(str)  # the key of a reminder waiting for an answer
    quit = Signal()
    queued = Signal(str, str)  # title and text telling what waits for the store to be ready
    updated = Signal(object)  # the ShiftState just shown

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = ShiftState()
        self._queue: dict[tuple[str, tuple[object, ...]], None] = {}  # ordered, no repeats
        self.reminders: list[QAction] = []
        self._reminder_keys: list[str] = [""] * REMINDER_SLOTS
        for slot in range(REMINDER_SLOTS):
            action = QAction("", self)
            font = action.font()
            font.setBold(True)
            action.setFont(font)
            action.triggered.connect(lambda _=False, n=slot: self._open_reminder(n))
            self.reminders.append(action)
        self.reminders_end = QAction(self)
        self.reminders_end.setSeparator(True)
        self.shift = QAction(_("Start shift"), self)
        self.shift.triggered.connect(self._on_shift)
        self.pings: list[QAction] = []
        for source in SOURCE_LABELS:
            label = source_label(source)
            # TRANSLATORS: {source} is where a ping came from, such as Slack or Email.
            words = _("{source} ping").format(source=label)
            self.pings.append(self._action(label, "log_ping", source, words=words))
        # Minutes on the ping just logged: one more click, never in the way of the first.
        self.last_ping = QAction("", self)
        self.last_ping.setEnabled(False)
        self.minutes: list[QAction] = []
        for minutes in QUICK_MINUTES:
            text = ngettext("{count} min", "{count} min", minutes).format(count=minutes)
            self.minutes.append(self._action(text, "ping_minutes", minutes))
        self.minutes.append(self._action(_("Other…"), "ping_minutes", OTHER_MINUTES))
        self.incident = self._action(_("Log an incident…"), "log_incident")
        self.today = self._action(_("Today"), "show_today")
        self.dashboard = self._action(_("Dashboard"), "show_dashboard")
        self.export = self._action(_("Export summary…"), "export_summary")
        self.reflection = self._action(_("Reflect on today…"), "reflect")
        self.checkin = self._action(_("Well-being check-in…"), "check_in")
        self.settings = self._action(_("Settings…"), "show_settings")
        self.counting = CountingActions(self)
        self.quit_action = QAction(_("Quit"), self)
        self.quit_action.triggered.connect(self.quit)
        self.set_state(ShiftState())

    @property
    def waiting(self) -> list[str]:
        """The names of the intents queued until the store is ready, in the order asked."""
        return [name for name, _ in self._queue]

    def set_state(self, state: ShiftState) -> None:
        self._state = state
        if state.running_for is not None:
            length = format_duration(state.running_for)
            self.shift.setText(_("End shift ({length})").format(length=length))
        elif ("start_shift", ()) in self._queue:
            self.shift.setText(_(START_QUEUED))
        else:
            self.shift.setText(_("Start shift"))
        # TRANSLATORS: {ping} is the last ping logged, such as "Slack at 21:04".
        spent = _("Time spent on {ping}:").format(ping=state.last_ping) if state.last_ping else ""
        self.last_ping.setText(spent)
        for action in (self.last_ping, *self.minutes):
            action.setVisible(state.last_ping is not None)
        shown = state.pending[:REMINDER_SLOTS]
        for slot, action in enumerate(self.reminders):
            choice = shown[slot] if slot < len(shown) else None
            self._reminder_keys[slot] = choice.key if choice else ""
            action.setText(choice.text if choice else "")
            action.setIconText(choice.text if choice else "")  # keeps the "…" on buttons
            action.setVisible(choice is not None)
        self.reminders_end.setVisible(bool(shown))
        self.counting.show_view(state.counting)
        self.updated.emit(state)

    def release(self) -> None:
        """The store is ready: carry out what was asked for before, once each, in order."""
        queue, self._queue = list(self._queue), {}
        self.set_state(self._state)  # the shift item stops saying what it is waiting to do
        for name, args in queue:
            self._signal(name).emit(*args)

    def disable(self) -> None:
        """The store cannot be opened: nothing but Quit can work."""
        self._queue.clear()
        for action in self.findChildren(QAction):
            action.setEnabled(action is self.quit_action)

    def ping_menu_actions(self) -> list[QAction | None]:
        """The "Log a ping" menu: one click per source, then minutes for the last ping (None
        stands for a separator)."""
        return [*self.pings, None, self.last_ping, *self.minutes]

    def _action(self, text: str, intent: str, *args: object, words: str = "") -> QAction:
        """An action that asks for ``intent`` (the name of one of the signals above)."""
        action = QAction(text, self)
        said = words or text.rstrip("…")
        action.triggered.connect(lambda _=False: self._ask(intent, args, said))
        return action

    def _signal(self, name: str) -> SignalInstance:
        signal: SignalInstance = getattr(self, name)
        return signal

    def _ask(self, name: str, args: tuple[object, ...] = (), words: str = "") -> None:
        """Emit the intent now, or queue it until the store is ready (once)."""
        if self._state.ready:
            self._signal(name).emit(*args)
            return
        if (name, args) in self._queue:
            return
        self._queue[(name, args)] = None
        self.set_state(self._state)
        # TRANSLATORS: {action} is what was asked for, such as "Start shift" or "Slack ping".
        self.queued.emit(_(STILL_OPENING), _("{action} follows in a moment.").format(action=words))

    def _on_shift(self) -> None:
        if self._state.running_for is not None:
            self._ask("end_shift", words=_("End shift"))
        else:
            self._ask("start_shift", words=_("Start shift"))

    def _open_reminder(self, slot: int) -> None:
        if self._reminder_keys[slot]:
            self._ask("open_reminder", (self._reminder_keys[slot],))
