"""The data every window of tests/ui/every_window.py is built from: a year of demo history, a
calendar brought into the rota and a day typed there by hand, a CSV file to preview; a clock
that stands still."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from tests.conftest import NOW
from wellbeing_app.core.imports.calendars import CalendarImports
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.language import _
from wellbeing_app.core.store.database import open_database
from wellbeing_app.core.time.clock import FixedClock
from wellbeing_app.ui import confirm
from wellbeing_app.ui.shift_dialog import ShiftDialog, ShiftEdit
from wellbeing_app.ui.your_data_tab import DataActions

ZONE = "Europe/Berlin"
TODAY = date(2026, 11, 15)  # the clock's day, a Sunday
DAY = date(2026, 11, 13)  # a Friday of the demo year: a shift, a dozen pings, an incident
NIGHTS = Path(__file__).parent.parent / "data" / "calendars" / "night_shifts_warsaw_handmade.ics"
PINGS_CSV = (
    "at,source,minutes,note\n"
    "2026-11-10T21:30,slack,5,client asked about the launch\n"
    "2026-11-11T07:10,email,0,\n"
    "2026-11-11T07:10,email,0,\n"
    "2026-11-11T22:45,teams,12,the agency wanted Friday's post moved\n"
)
ZONES = ["America/New_York", "Europe/Berlin", "Europe/Warsaw", "UTC"]


class Scene:
    """What every window is built from: a data folder with a year of demo history, a calendar
    brought into the rota and a rota day typed by hand, a CSV file to preview; a still clock.
    Built once a session (no window here writes while it is only being looked at)."""

    _shared: Scene | None = None

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.clock = FixedClock(NOW, ZONE)
        self.db = open_database(folder / "data" / "wellbeing.sqlite3")
        self.journal = Journal(self.db, self.clock)
        self.journal.fill_demo(years=1, seed=7)
        self.imports = CalendarImports(self.db, self.clock)
        first, last = self.imports.default_range()
        read = self.imports.read(NIGHTS, NIGHTS.name, first, last, None)
        self.imports.bring_in(read, "rota", NIGHTS.name, first, last, None)
        self.journal.rota.add(date(2026, 11, 21), 10 * 60, 18 * 60)
        self.csv = folder / "pings.csv"
        self.csv.write_text(PINGS_CSV, encoding="utf-8")
        self.saved = folder / "workload-summary-2026-10-12-to-2026-11-08.pdf"

    @classmethod
    def shared(cls, folder: Callable[[], Path]) -> Scene:
        if cls._shared is None:
            cls._shared = cls(folder())
        return cls._shared

    def data_actions(self) -> DataActions:
        def nothing(parent: QWidget) -> None:
            return None

        return DataActions(nothing, nothing, nothing, lambda parent: False)


def ignore(*args: object) -> None:
    """What a window hands what it would save or skip to, here: nothing is written."""
    return None


def nothing() -> None:
    return None


def asked(ask: Callable[[QWidget], object]) -> Callable[[Scene], QMessageBox]:
    """A question box the app shows over a window, caught before it would wait for a click."""

    def build(scene: Scene) -> QMessageBox:
        over = ShiftDialog(scene.clock, ShiftEdit(NOW, None, None), ignore)
        original = QMessageBox.exec
        setattr(QMessageBox, "exec", lambda self: 0)  # noqa: B010 (shown, never waited on)
        try:
            ask(over)
        finally:
            setattr(QMessageBox, "exec", original)  # noqa: B010
        [box] = over.findChildren(QMessageBox)
        box.setParent(None)
        box.setProperty("over", over)
        return box

    return build


def clear_question(over: QWidget) -> bool:
    question = _("Clear the working hours on {day}?").format(day="2026-11-21")
    return confirm.ask(over, question, _("Those days follow your weekly hours again."), "&Clear")
