"""Counting work notifications: turning it on or off, pausing it, writing what the watch on the
session bus reports (a burst at a time, through the operation runner), and the start-of-shift
hint that a first work notification inside working hours offers once a day.

The watch itself is ``services.notification_capture``; which apps count and how bursts fold are
``core.capture``. Nothing here sees the text of a notification.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from wellbeing_app.core.capture.availability import why_unavailable_here
from wellbeing_app.core.capture.counting import Captured, PauseLength
from wellbeing_app.core.capture.preferences import CaptureSettings, CaptureState
from wellbeing_app.core.capture.reading import WorkNotification
from wellbeing_app.core.capture.seen import socket_path
from wellbeing_app.core.language import N_, _, formats, ngettext
from wellbeing_app.core.time.local_time import in_zone
from wellbeing_app.services.capture_socket import CaptureAnswer
from wellbeing_app.services.notification_capture import NotificationCapture
from wellbeing_app.services.notifier import Notifier
from wellbeing_app.ui.controllers.parts import AppParts, Feature
from wellbeing_app.ui.counting_actions import CountingView

log = logging.getLogger(__name__)

FLUSH_MS = 250  # notifications of a burst are written together, once this long has passed
FLUSH_GAP_MS = 1000  # and, while a storm lasts, at most once a second: each write is a change
RETRY_S = 60.0  # a watch that could not start is tried again on a change after this long
HINT_KEY = "capture.start_hint"
START_AT = "start_shift_at"
KEPT = N_("Only the app and the time are kept, never what a notification says.")


@dataclass(frozen=True)
class CaptureStatus:
    """Counting as the tray shows it."""

    on: bool
    listening: bool
    paused_until: datetime | None
    unavailable: str | None  # why counting cannot work here at all
    problem: str | None  # why the watch is not working, or why nothing will come


@dataclass(frozen=True)
class ShiftHint:
    """The start-of-shift offer: when the first work notification of the day came."""

    at: datetime
    text: str  # "Start your shift at 08:47?"


class Capture(Feature):
    """Counts work notifications while the user wants it, and offers the start-of-shift hint.

    ``contact_captured`` carries each new contact (a PingRow) so its minutes can be offered;
    ``status_changed`` asks the views to show the status again; ``shift_started`` follows a
    shift started from the hint (as the shift clock's start, for the hand-off list).
    """

    contact_captured = Signal(object)
    status_changed = Signal()
    start_hint_offered = Signal()
    shift_started = Signal()

    def __init__(
        self,
        parts: AppParts,
        parent: QObject | None = None,
        *,
        service: NotificationCapture | None = None,
        notifier: Notifier | None = None,
        why_unavailable: Callable[[], str | None] = why_unavailable_here,
    ) -> None:
        super().__init__(parts, parent)
        self.unavailable = why_unavailable()  # why counting cannot work here (None: it can)
        self.service = service or NotificationCapture(self.clock.now, self)
        self.service.noticed.connect(self.on_noticed)
        self.service.status_changed.connect(self.status_changed)
        self.notifier = notifier or Notifier(self.say, parent=self)
        self.notifier.activated.connect(self.on_notification_clicked)
        self._pending: list[WorkNotification] = []
        self._flush = self._timer(self.flush)
        self._flushed_at = 0.0  # monotonic seconds
        self._resume = self._timer(self.sync)
        self._resume.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self._failed_at: float | None = None
        self._hint: datetime | None = None
        self._shown: CaptureStatus | None = None
        self._answer = CaptureAnswer(socket_path(self.journal.db.path.parent), self.answer, self)

    # -- running -------------------------------------------------------------------------------
    def start(self) -> None:
        """Start watching if the user wants it; answer ``capture apps`` from now on."""
        if self.unavailable is None:
            self._answer.listen()
        self.sync()

    def shutdown(self) -> None:
        """Write what is still waiting, then stop: nothing of capture wakes up afterwards."""
        self._resume.stop()
        self.flush()
        self.service.stop()
        self._answer.close()
        self.notifier.close()

    def sync(self) -> None:
        """Watch or not, as the stored choice says now (call after every change: the CLI, the
        Settings or a pause may have changed it)."""
        counting = self.journal.counting
        settings, state = counting.settings(), counting.state()
        now = self.clock.now()
        want = settings.on and not state.paused(now) and self.unavailable is None
        self.service.set_mappings(settings.apps)
        if want and not self.service.listening and self._may_try():
            if self.service.start():
                counting.warm_up()  # the first notification then costs no more than the next
            else:
                self._failed_at = time.monotonic()
        elif not want and self.service.listening:
            self.service.stop()
            self.flush()  # what came before: kept if it came before a pause
        if settings.on and state.paused(now) and state.paused_until is not None:
            wait_ms = (state.paused_until - now).total_seconds() * 1000
            self._resume.start(int(min(max(wait_ms, 0), 2**31 - 1)))
        else:
            self._resume.stop()
        status = self._status(settings, state, now)
        if status != self._shown:  # e.g. a pause ran out: the views say so
            self._shown = status
            self.status_changed.emit()

    def on_noticed(self, notification: WorkNotification) -> None:
        """A work notification: written with the rest of its burst, a moment later."""
        self._pending.append(notification)
        if not self._flush.isActive():
            since_last = (time.monotonic() - self._flushed_at) * 1000
            self._flush.start(int(max(FLUSH_MS, FLUSH_GAP_MS - since_last)))

    def flush(self) -> None:
        """Write the work notifications waiting, in one transaction and one state change."""
        self._flush.stop()
        self._flushed_at = time.monotonic()
        batch, self._pending = self._pending, []
        if batch:
            self.run(
                lambda journal: journal.counting.record(batch),
                on_done=self._recorded,
                failure_title=_("Notifications not counted"),
            )

    def _recorded(self, captured: Captured) -> None:
        for contact in captured.contacts:
            self.contact_captured.emit(contact)
        if captured.start_hint is not None:
            self._offer_start(captured.start_hint)

    # -- the user's choices --------------------------------------------------------------------
    def turn_on(self) -> None:
        if self.unavailable is not None:
            self.say(_("Cannot count notifications here"), self.unavailable)
            return
        self.run(
            lambda journal: journal.counting.set_on(True),
            on_done=lambda _done: self.say(_("Counting work notifications"), _(KEPT)),
            failure_title=_("Counting not turned on"),
        )

    def turn_off(self) -> None:
        self.run(
            lambda journal: journal.counting.set_on(False),
            on_done=lambda _done: self.say(
                _("Counting turned off"), _("Log pings by hand; turn counting on again any time.")
            ),
            failure_title=_("Counting not turned off"),
        )

    def pause_for_an_hour(self) -> None:
        self._pause(PauseLength.HOUR)

    def pause_until_tomorrow(self) -> None:
        self._pause(PauseLength.TOMORROW)

    def resume(self) -> None:
        self.run(
            lambda journal: journal.counting.resume(),
            on_done=lambda _done: self.say(
                _("Counting again"), _("Work notifications count again.")
            ),
            failure_title=_("Counting not resumed"),
        )

    def map_app(self, app: str, source: str) -> None:
        """Count ``app`` as ``source`` (or ``ignore`` it, or ``default``)."""
        # TRANSLATORS: {app} is an app's name; {source} what its notifications count as.
        mapped = _("{app}: {source}.").format(app=app, source=source)
        self.run(
            lambda journal: journal.counting.map_app(app, source),
            on_done=lambda _done: self.say(_("Mapping saved"), mapped),
            failure_title=_("Mapping not saved"),
        )

    def _pause(self, length: PauseLength) -> None:
        self.run(
            lambda journal: journal.counting.pause(length),
            on_done=lambda until: self.say(
                _("Counting paused"),
                # TRANSLATORS: {when} is 17:05 today, or a weekday and a time (Tue 09:00).
                _("Work notifications are not counted until {when}.").format(
                    when=self._when(until)
                ),
            ),
            failure_title=_("Counting not paused"),
        )

    # -- what the views show -------------------------------------------------------------------
    def status(self) -> CaptureStatus:
        counting = self.journal.counting
        return self._status(counting.settings(), counting.state(), self.clock.now())

    def _status(
        self, settings: CaptureSettings, state: CaptureState, now: datetime
    ) -> CaptureStatus:
        paused = state.paused_until if state.paused(now) else None
        return CaptureStatus(
            settings.on, self.service.listening, paused, self.unavailable, self.service.problem
        )

    def status_text(self) -> str:
        """One line for the tray menu: counting, paused until when, off, or not possible."""
        status = self.status()
        if status.unavailable is not None:
            return _("Counting notifications: not possible here")
        if not status.on:
            return _("Counting work notifications: off")
        if status.paused_until is not None:
            return _("Counting paused until {when}").format(when=self._when(status.paused_until))
        if not status.listening:
            return _("Counting work notifications: not working")
        count = self.journal.counting.today().contacts
        return ngettext(
            "Counting work notifications ({count} today)",
            "Counting work notifications ({count} today)",
            count,
        ).format(count=count)

    def view(self) -> CountingView | None:
        """What the tray shows: the status line and the start-of-shift offer (None: off or
        not possible here, and no offer)."""
        status = self.status()
        hint = self.start_hint()
        if status.unavailable is not None or not (status.on or hint):
            return None
        return CountingView(
            on=status.on and status.unavailable is None,
            status=self.status_text(),
            paused=status.paused_until is not None,
            start_hint=hint.text if hint else None,
        )

    def why(self) -> str | None:
        """Why counting does not work, or nothing will come, in a sentence (None: all well)."""
        status = self.status()
        return status.unavailable or (status.problem if status.on else None)

    def apps_seen(self) -> list[dict[str, Any]]:
        """The apps seen since start-up, each with what becomes of its notifications."""
        return self.service.seen.listing(self.journal.counting.settings().apps)

    def answer(self) -> dict[str, Any]:
        """What ``capture apps`` and ``capture status`` learn from the running app."""
        return {
            "listening": self.service.listening,
            "problem": self.service.problem,
            "apps": self.apps_seen(),
        }

    # -- the start-of-shift hint ---------------------------------------------------------------
    def start_hint(self) -> ShiftHint | None:
        """The offer to start the shift at the first work notification, while it stands: that
        same day, and no shift started meanwhile."""
        at = self._hint
        if at is None:
            return None
        zone = self.clock.zone()
        today = in_zone(self.clock.now(), zone).date()
        if in_zone(at, zone).date() != today or self.journal.running_shift() is not None:
            self._hint = None
            return None
        return ShiftHint(at, _("Start your shift at {time}?").format(time=self.local(at)))

    def accept_start_hint(self) -> None:
        hint = self.start_hint()
        if hint is None:
            self.say(_("Nothing to start"), _("That offer no longer applies."))
            return
        self._hint = None
        shift = self.run(
            lambda journal: journal.start_shift(hint.at),
            on_done=lambda s: self.say(
                _("Shift started"), _("Clocked in at {time}.").format(time=self.local(s.start))
            ),
            failure_title=_("Shift not started"),
        )
        if shift is not None:
            self.shift_started.emit()

    def dismiss_start_hint(self) -> None:
        self._hint = None
        self.start_hint_offered.emit()

    def on_notification_clicked(self, key: str, action: str) -> None:
        if key == HINT_KEY and action == START_AT:
            self.accept_start_hint()

    def _offer_start(self, at: datetime) -> None:
        self._hint = at
        hint = self.start_hint()
        if hint is None:
            return
        self.notifier.notify(
            hint.text,
            _(
                "A work notification came at {time}, inside your working hours. "
                "Wellbeing's menu offers it until you start a shift."
            ).format(time=self.local(at)),
            HINT_KEY,
            [(START_AT, _("Start at {time}").format(time=self.local(at)))],
        )
        self.start_hint_offered.emit()

    # -- helpers -------------------------------------------------------------------------------
    def _timer(self, slot: Any) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(slot)
        return timer

    def _may_try(self) -> bool:
        return self._failed_at is None or time.monotonic() - self._failed_at > RETRY_S

    def _when(self, instant: datetime) -> str:
        """17:05 today, ``Tue 09:00`` on another day."""
        zone = self.clock.zone()
        local = in_zone(instant, zone)
        if local.date() == in_zone(self.clock.now(), zone).date():
            return f"{local:%H:%M}"
        return f"{formats.weekday(local.weekday())} {local:%H:%M}"
