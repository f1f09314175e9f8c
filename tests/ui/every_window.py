"""Every window and dialog of the app, built with realistic content: a year of demo data, a
calendar imported into the rota, a CSV file previewed, reminders waiting for an answer.

``WINDOWS`` maps a name to an ``Entry``: the class it makes and how to build it from a
``Scene``. ``PARTS`` names the widget classes that only ever sit inside a window, and the entry
that shows each. tests/ui/test_every_window.py fails when a QWidget class in wellbeing_app/ui
is in neither, so a new dialog cannot be left out of the accessibility and pseudo-locale tests.

Each builder runs in the language in use, as the app builds its windows after choosing it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import NOW
from tests.ui.window_scene import (
    DAY,
    NIGHTS,
    TODAY,
    ZONE,
    ZONES,
    Scene,
    asked,
    clear_question,
    ignore,
    nothing,
)
from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.imports.csv_store import CsvImport, import_csv
from wellbeing_app.core.language import _
from wellbeing_app.core.records.incidents import IncidentDraft
from wellbeing_app.core.reflection.reflections import ReflectionDraft
from wellbeing_app.core.reflection.who5 import who5_score
from wellbeing_app.core.reminders import planner
from wellbeing_app.core.reminders.planner import ReminderSettings
from wellbeing_app.core.store import full_copy
from wellbeing_app.core.store.backups import backup_folder
from wellbeing_app.core.store.full_copy import Deleted
from wellbeing_app.core.store.record_words import rows_in_tables
from wellbeing_app.ui import discard
from wellbeing_app.ui.actions import AppActions, PendingChoice, ShiftState
from wellbeing_app.ui.calendar_import_dialog import CalendarImportDialog
from wellbeing_app.ui.chart_table_view import ChartTableView
from wellbeing_app.ui.chart_tabs import ChartTabs
from wellbeing_app.ui.chart_view import ChartView
from wellbeing_app.ui.controllers.records import DELETE_QUESTIONS
from wellbeing_app.ui.counting_actions import CountingView
from wellbeing_app.ui.csv_import_dialog import CsvImportDialog
from wellbeing_app.ui.dashboard_window import CHART_KEYS, DashboardWindow
from wellbeing_app.ui.delete_all_dialog import DeleteAllDialog
from wellbeing_app.ui.error_label import ErrorLabel
from wellbeing_app.ui.export_all_dialog import ExportAllDialog, SavedCopyDialog
from wellbeing_app.ui.export_dialog import ExportDialog
from wellbeing_app.ui.file_field import FileField
from wellbeing_app.ui.first_run_dialog import FirstRunDialog
from wellbeing_app.ui.handoff_dialog import HandoffDialog
from wellbeing_app.ui.incident_dialog import IncidentDialog
from wellbeing_app.ui.no_tray_window import NoTrayWindow
from wellbeing_app.ui.period_picker import PeriodPicker
from wellbeing_app.ui.ping_dialog import PingDialog, PingEdit
from wellbeing_app.ui.reflection_dialog import ReflectionDialog
from wellbeing_app.ui.reminder_dialog import ReminderDialog, action_labels
from wellbeing_app.ui.restore_dialog import RestoreDialog
from wellbeing_app.ui.rota_dialog import RotaDialog
from wellbeing_app.ui.saved_file_dialog import SavedFileDialog
from wellbeing_app.ui.scale_row import ScaleRow
from wellbeing_app.ui.settings_dialog import SettingsDialog
from wellbeing_app.ui.shift_dialog import ShiftDialog, ShiftEdit
from wellbeing_app.ui.summary_preview import SummaryPreview
from wellbeing_app.ui.today_window import RecordTable, TodayWindow
from wellbeing_app.ui.tray import Tray
from wellbeing_app.ui.wall_time import WallTimeEdit
from wellbeing_app.ui.week_editor import WeekEditor
from wellbeing_app.ui.who5_dialog import Who5Dialog
from wellbeing_app.ui.workload_cards import CardGrid, CardView
from wellbeing_app.ui.your_data_tab import YourDataTab


@dataclass(frozen=True)
class Entry:
    kind: type[QWidget]
    build: Callable[[Scene], QWidget]
    opened: Callable[[QWidget, Scene], object] | None = None  # on screen: filled as the app does


# -- the record dialogs -------------------------------------------------------------------
def _shift(scene: Scene, adding: bool = False) -> ShiftDialog:
    shift = scene.journal.day(DAY).shifts[0]
    edit = ShiftEdit(shift.start, shift.end, shift.note or _("covering for Sam"))
    return ShiftDialog(scene.clock, edit, ignore, adding=adding)


def _shift_refused(scene: Scene) -> ShiftDialog:
    """The shift dialog after Save, saying why the shift cannot be stored as it is."""

    def overlap(edit: ShiftEdit) -> None:
        # as the store refuses a shift that overlaps another, in the language in use
        raise ValidationError("start", _("overlaps the shift from {start} to {end}").format(
            start="2026-11-13 08:47", end="19:13"))  # fmt: skip

    shift = scene.journal.day(DAY).shifts[0]
    return ShiftDialog(scene.clock, ShiftEdit(shift.start, shift.end, shift.note), overlap)


def _ping(scene: Scene, adding: bool = False) -> PingDialog:
    ping = scene.journal.day(DAY).pings[-1]
    edit = PingEdit(ping.at, ping.source, ping.minutes, ping.note)
    return PingDialog(scene.clock, edit, ignore, adding=adding)


def _incident(scene: Scene) -> IncidentDialog:
    row = scene.journal.day(DAY).incidents[0]
    draft = IncidentDraft(
        at=row.at,
        category=row.category,
        severity=row.severity,
        platform=row.platform or "instagram",
        minutes=row.minutes,
        summary=row.summary,
        details=row.details or "",
        against_advice=True,
        advised_on=DAY - timedelta(days=3),
    )
    return IncidentDialog(scene.clock, ignore, draft)


def _reflection(scene: Scene) -> ReflectionDialog:
    log = scene.journal.day(DAY)
    draft = ReflectionDraft(
        DAY, 3, 2, 6, 4, "Shipped the launch post", "reply to the agency about Friday", "a walk"
    )
    return ReflectionDialog(
        scene.clock, DAY, log.pings, log.incidents, ignore, ignore, draft, log_missed=nothing
    )


def _handoff(scene: Scene) -> HandoffDialog:
    items = ["reply to the agency about Friday's post", "brief Sam on the giveaway", "ads budget"]
    return HandoffDialog([(n, text, DAY) for n, text in enumerate(items, 1)])


def _who5(scene: Scene) -> Who5Dialog:
    return Who5Dialog(lambda answers: who5_score(answers, 68), previous_score=68)


def _who5_result(scene: Scene) -> Who5Dialog:
    dialog = _who5(scene)
    for group, answer in zip(dialog.items, (2, 1, 1, 3, 0), strict=True):
        group.button(answer).setChecked(True)
    dialog.accept()  # saved: the same window shows the score
    return dialog


def _reminder(scene: Scene) -> ReminderDialog:
    start = NOW - timedelta(hours=13)
    [forgot] = planner._forgot(
        start, NOW - timedelta(hours=4), ReminderSettings(), ZONE, NOW - timedelta(hours=1)
    )
    return ReminderDialog(forgot, action_labels(forgot, ZONE))


# -- settings and set-up ------------------------------------------------------------------
def _settings(tab: int) -> Callable[[Scene], SettingsDialog]:
    def build(scene: Scene) -> SettingsDialog:
        journal = scene.journal
        dialog = SettingsDialog(
            TODAY,
            ZONE,
            journal.schedule_book(NOW, NOW).in_force(TODAY),
            journal.reminder_settings(),
            ZONES,
            ignore,
            set_up=lambda: False,
            backups=(journal.newest_backup(), journal.backup_folder()),
            counting=(True, None),
            your_data=scene.data_actions(),
            autostart=(False, None),
        )
        tabs = dialog.findChild(QTabWidget)
        assert tabs is not None
        tabs.setCurrentIndex(tab)
        return dialog

    return build


def _first_run(scene: Scene) -> FirstRunDialog:
    return FirstRunDialog(ZONE, ZONES, ignore, try_demo=nothing)


# -- the day, the dashboard and the summary -----------------------------------------------
def _today(scene: Scene) -> TodayWindow:
    window = TodayWindow()
    window.show_log(scene.journal.day(DAY), NOW, ZONE)
    streaks = scene.journal.streaks()
    window.show_streaks(streaks.disconnect, streaks.reflection)
    return window


def _dashboard(tab: str, table: bool = False) -> Entry:
    def fill(window: QWidget, scene: Scene) -> None:
        assert isinstance(window, DashboardWindow)
        window.tabs.setCurrentIndex(CHART_KEYS.index(tab))
        window.tabs.show_as_table(table)
        current, previous = scene.journal.workload(window.period())
        window.show_workload(current, previous, 3)
        window.draw_now()

    return Entry(DashboardWindow, lambda scene: DashboardWindow(TODAY), fill)


def _export(scene: Scene) -> ExportDialog:
    dialog = ExportDialog(scene.journal.workload, TODAY, NOW, folder=scene.folder)
    dialog.wellbeing.setChecked(True)
    dialog.note.setPlainText(_("A second person on the weekend rota, please."))
    dialog.refresh_now()
    return dialog


def _restore(offered: bool) -> Callable[[Scene], RestoreDialog]:
    def build(scene: Scene) -> RestoreDialog:
        problem = _("The data file is damaged: database disk image is malformed")
        return RestoreDialog(problem, "2026-11-14 at 21:30" if offered else None)

    return build


def _no_tray(scene: Scene) -> NoTrayWindow:
    actions = AppActions()
    window = NoTrayWindow(actions, explain=True)
    disconnect = _("{title}: choose…").format(title=_("Time to disconnect"))
    forgot = _("{title}: choose…").format(title=_("Did you forget to clock out?"))
    counting = CountingView(True, _("Counting work notifications: not working"), False, None)
    actions.set_state(
        ShiftState(
            ready=True,
            running_for=timedelta(hours=9, minutes=41),
            last_ping=_("{source} at {time}").format(source="Slack", time="21:04"),
            pending=(PendingChoice("a", disconnect), PendingChoice("b", forgot)),
            counting=counting,
        )
    )
    window.say(_("Shift running since {time} ({duration})").format(time="08:47", duration="9 h"))
    return window


def _tray_menu(scene: Scene) -> QMenu:
    tray = Tray()
    actions = AppActions(tray)
    tray.attach_menu(actions)
    actions.set_state(ShiftState(ready=True, last_ping="Slack at 21:04"))
    assert tray.menu is not None
    tray.menu.setProperty("tray", tray)  # kept alive with its menu
    return tray.menu


# -- your data ----------------------------------------------------------------------------
def _rota(scene: Scene) -> RotaDialog:
    dialog = RotaDialog(scene.journal.rota, scene.imports, TODAY, scene.folder)
    dialog.past.setChecked(True)
    return dialog


def _calendar(scene: Scene) -> CalendarImportDialog:
    dialog = CalendarImportDialog(scene.imports, NIGHTS.parent)
    dialog.file.edit.setText(str(NIGHTS))
    dialog.choose_use("rota")
    assert dialog.preview()
    return dialog


def _csv(scene: Scene) -> CsvImportDialog:
    def run(file: Path, name: str, kind: str, dry_run: bool) -> CsvImport:
        assert dry_run, "only previewed here"
        return import_csv(scene.db, file, name, kind, now=NOW, zone=ZONE, dry_run=True)

    dialog = CsvImportDialog(run, ZONE, scene.folder)
    dialog.file.edit.setText(str(scene.csv))
    assert dialog.preview()
    return dialog


def _export_all(scene: Scene) -> ExportAllDialog:
    held = rows_in_tables(full_copy.record_counts(scene.db))
    return ExportAllDialog(held, lambda: "{}", scene.db.path.parent, TODAY, scene.folder)


def _delete_all(done: bool) -> Entry:
    def build(scene: Scene) -> DeleteAllDialog:
        counts = full_copy.record_counts(scene.db)

        def delete() -> Deleted:
            return Deleted(counts, 7, log_emptied=False)  # said, never done, here

        return DeleteAllDialog(counts, 7, backup_folder(scene.db.path), delete)

    def deleted(window: QWidget, scene: Scene) -> None:
        assert isinstance(window, DeleteAllDialog)
        window.typed.setText("DELETE")
        assert window.delete()

    return Entry(DeleteAllDialog, build, deleted if done else None)


def _delete_question(scene: Scene) -> QMessageBox:
    """As the Today window's Delete asks (QMessageBox.question makes the same box)."""
    yes_no = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    question = _(DELETE_QUESTIONS["incident"])
    return QMessageBox(QMessageBox.Icon.Question, _("Delete"), question, yes_no)


def _save(window: QWidget) -> None:
    assert isinstance(window, QDialog)
    window.accept()


WINDOWS: dict[str, Entry] = {
    "shift": Entry(ShiftDialog, _shift),
    "shift (adding)": Entry(ShiftDialog, lambda scene: _shift(scene, adding=True)),
    "shift (refused)": Entry(ShiftDialog, _shift_refused, lambda window, scene: _save(window)),
    "ping": Entry(PingDialog, _ping),
    "ping (adding)": Entry(PingDialog, lambda scene: _ping(scene, adding=True)),
    "incident": Entry(IncidentDialog, _incident),
    "incident (new)": Entry(IncidentDialog, lambda scene: IncidentDialog(scene.clock, ignore)),
    "reflection": Entry(ReflectionDialog, _reflection),
    "hand-off": Entry(HandoffDialog, _handoff),
    "WHO-5": Entry(Who5Dialog, _who5),
    "WHO-5 result": Entry(Who5Dialog, _who5_result),
    "reminder": Entry(ReminderDialog, _reminder),
    "settings: schedule": Entry(SettingsDialog, _settings(0)),
    "settings: reminders": Entry(SettingsDialog, _settings(1)),
    "settings: your data": Entry(SettingsDialog, _settings(2)),
    "first-run set-up": Entry(FirstRunDialog, _first_run),
    "today": Entry(TodayWindow, _today),
    **{f"dashboard: {key}": _dashboard(key) for key in CHART_KEYS},
    **{f"dashboard: {key} as a table": _dashboard(key, table=True) for key in CHART_KEYS},
    "export": Entry(ExportDialog, _export),
    "summary saved": Entry(SavedFileDialog, lambda scene: SavedFileDialog(scene.saved)),
    "all data saved": Entry(SavedCopyDialog, lambda scene: SavedCopyDialog(scene.saved)),
    "restore": Entry(RestoreDialog, _restore(True)),
    "restore (no backup)": Entry(RestoreDialog, _restore(False)),
    "no tray, with pending reminders": Entry(NoTrayWindow, _no_tray),
    "tray menu": Entry(QMenu, _tray_menu),
    "rota": Entry(RotaDialog, _rota),
    "calendar import": Entry(CalendarImportDialog, _calendar),
    "CSV import": Entry(CsvImportDialog, _csv),
    "export all": Entry(ExportAllDialog, _export_all),
    "delete all": _delete_all(done=False),
    "delete all (done)": _delete_all(done=True),
    "confirm": Entry(QMessageBox, asked(clear_question)),
    "discard": Entry(QMessageBox, asked(discard.confirm_discard)),
    "delete a record": Entry(QMessageBox, _delete_question),
}

# Widgets that only sit inside a window: the entry that shows each.
PARTS: dict[type[QWidget], str] = {
    ChartView: "dashboard: hours",
    CardGrid: "dashboard: hours",
    CardView: "dashboard: hours",
    ChartTabs: "dashboard: hours",
    ChartTableView: "dashboard: hours as a table",
    PeriodPicker: "dashboard: hours",
    ErrorLabel: "shift (refused)",
    FileField: "calendar import",
    RecordTable: "today",
    ScaleRow: "reflection",
    SummaryPreview: "export",
    WallTimeEdit: "shift",
    WeekEditor: "first-run set-up",
    YourDataTab: "settings: your data",
}


def open_window(qtbot: QtBot, scene: Scene, name: str) -> QWidget:
    """Build ``name``'s window, show it as the app opens it (at the size it asks for, or the
    size it gives itself), and fill it the way the app does once it is on screen."""
    entry = WINDOWS[name]
    window = entry.build(scene)
    assert isinstance(window, entry.kind), name
    qtbot.addWidget(window)
    if isinstance(window, QMenu):
        window.popup(window.pos())
    else:
        window.show()
    qtbot.waitExposed(window)
    if entry.opened is not None:
        entry.opened(window, scene)
    for _round in range(3):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # rows replaced
    return window
