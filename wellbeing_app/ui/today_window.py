"""The day view (the tray's "Today"): one day's shifts, pings and incidents, any day, each
editable and deletable, with Add for a record that was forgotten."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QFocusEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wellbeing_app.core.language import N_, _, formats, ngettext
from wellbeing_app.core.time.local_time import format_duration, in_zone
from wellbeing_app.core.vocabulary import category_label, source_label
from wellbeing_app.ui import accessible, day_names, icons
from wellbeing_app.ui.date_edit import date_edit, day_of
from wellbeing_app.ui.quiet_label import QUIET_STYLE
from wellbeing_app.ui.when_shown import WhenShown

if TYPE_CHECKING:
    from wellbeing_app.core.records.day import DayLog

SHIFT = "shift"
PING = "ping"
INCIDENT = "incident"
HOURS_NOT_SET_TODAY = N_(
    "Working hours are not set: pings outside a shift are not judged. "
    "Set them in Settings… in the tray."
)
HOURS_NOT_SET_THEN = N_(
    "Working hours were not set on this day: pings outside a shift are not judged."
)


class RecordTable(QGroupBox):
    """One kind of record in a table, with Edit and Delete for the selected row."""

    edit_requested = Signal(str, int)
    delete_requested = Signal(str, int)

    def __init__(self, kind: str, title: str, columns: list[str], empty_text: str) -> None:
        super().__init__(title)
        self.kind = kind
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _: self._emit(self.edit_requested))
        self.empty = QLabel(empty_text)
        self.empty.setStyleSheet(QUIET_STYLE)
        self.edit_button = QPushButton(_("Edit…"))
        self.delete_button = QPushButton(_("Delete"))
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_requested))
        self.delete_button.clicked.connect(lambda: self._emit(self.delete_requested))
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(lambda: self._emit(self.delete_requested))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # Return opens the row, as a double-click
            open_key = QShortcut(QKeySequence(key), self.table)
            open_key.setContext(Qt.ShortcutContext.WidgetShortcut)
            open_key.activated.connect(lambda: self._emit(self.edit_requested))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows walk its rows
        self.table.installEventFilter(self)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._ids: list[int] = []
        self._update_buttons()

    def set_rows(self, rows: list[tuple[int, list[str]]]) -> None:
        selected = self.selected_id()
        self._ids = [row_id for row_id, _ in rows]
        self.table.setRowCount(len(rows))
        for r, (_row_id, cells) in enumerate(rows):
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        if selected in self._ids:
            self.table.selectRow(self._ids.index(selected))
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        visible_rows = min(max(len(rows), 1), 6)
        row_height = self.table.verticalHeader().defaultSectionSize()
        header_height = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(header_height + visible_rows * row_height + 4)
        self._update_buttons()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._ids):
            return None
        return self._ids[rows[0].row()]

    def select_first(self) -> None:
        if self._ids:
            self.table.selectRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Tabbing in selects a row, so Return and Delete act at once (Qt only marks it current)
        if (
            watched is self.table
            and isinstance(event, QFocusEvent)
            and event.type() == QEvent.Type.FocusIn
            and event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
            and self.selected_id() is None
        ):
            self.table.selectRow(max(self.table.currentRow(), 0))
        return super().eventFilter(watched, event)

    def _emit(self, signal: SignalInstance) -> None:
        row_id = self.selected_id()
        if row_id is not None:
            signal.emit(self.kind, row_id)

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)


class TodayWindow(WhenShown, QWidget):
    """Shows one DayLog. Emits what the user wants to see or change; the app does the rest."""

    edit_requested = Signal(str, int)
    delete_requested = Signal(str, int)
    add_requested = Signal(str)  # SHIFT, PING or INCIDENT, for the day shown
    day_chosen = Signal(object)  # a date

    def __init__(self) -> None:
        super().__init__()
        self.setWindowIcon(icons.icon(icons.APP))
        accessible.complete_when_shown(self)  # names and descriptions left unset
        self.setWindowTitle(_("Today"))
        self.day: date | None = None
        self.previous_day = QPushButton(_("◀ &Previous day"))
        self.previous_day.setToolTip(_keys("Alt+Left"))
        self.picker = date_edit(_("Day shown"), date(2000, 1, 1))  # set by every show_log
        self.next_day = QPushButton(_("&Next day ▶"))
        self.next_day.setToolTip(_keys("Alt+Right"))
        self.back_to_today = QPushButton(_("&Today"))
        self.previous_day.clicked.connect(lambda: self._step(-1))
        self.next_day.clicked.connect(lambda: self._step(1))
        self.back_to_today.clicked.connect(lambda: self.day_chosen.emit(None))
        self.picker.dateChanged.connect(lambda _: self.day_chosen.emit(day_of(self.picker)))
        for keys, step in (("Alt+Left", -1), ("Alt+Right", 1)):
            QShortcut(QKeySequence(keys), self).activated.connect(
                lambda step=step: self._step(step)
            )
        navigation = QHBoxLayout()
        for widget in (self.previous_day, self.picker, self.next_day, self.back_to_today):
            navigation.addWidget(widget)
        navigation.addStretch()
        self.add_buttons = {
            SHIFT: QPushButton(_("Add &shift…")),
            PING: QPushButton(_("Add p&ing…")),
            INCIDENT: QPushButton(_("Add in&cident…")),
        }
        adding = QHBoxLayout()
        adding.addWidget(QLabel(_("Forgot something on this day?")))
        for kind, button in self.add_buttons.items():
            button.clicked.connect(lambda _=False, kind=kind: self.add_requested.emit(kind))
            adding.addWidget(button)
        adding.addStretch()
        self.status = QLabel("")
        font = self.status.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.status.setFont(font)
        motto = QLabel(_("You are not your brand."))
        motto.setStyleSheet(QUIET_STYLE)
        self.streaks = QLabel("")
        # Shown when a ping of the day is "not judged", to say why.
        self.hours_note = QLabel("")
        self.hours_note.setWordWrap(True)
        self.hours_note.setStyleSheet(QUIET_STYLE)
        self.hours_note.setVisible(False)
        self.shifts = RecordTable(
            SHIFT,
            _("Shifts"),
            [_("Start"), _("End"), _("Length"), _("Note")],
            _("No shift on this day."),
        )
        self.pings = RecordTable(
            PING,
            _("Pings"),
            [
                _("Time"),
                _("Source"),
                _("Minutes"),
                # TRANSLATORS: heads the column saying after hours, on call or working hours.
                _("When"),
                _("Note"),
            ],
            _("No pings logged on this day."),
        )
        self.incidents = RecordTable(
            INCIDENT,
            _("Incidents"),
            [
                _("Time"),
                _("Category"),
                _("Severity"),
                _("Platform"),
                _("Minutes"),
                _("Against your advice"),
                _("Summary"),
            ],
            _("No incidents on this day."),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(navigation)
        layout.addWidget(self.status)
        layout.addWidget(motto)
        layout.addWidget(self.streaks)
        layout.addWidget(self.hours_note)
        for table in (self.shifts, self.pings, self.incidents):
            table.edit_requested.connect(self.edit_requested)
            table.delete_requested.connect(self.delete_requested)
            layout.addWidget(table)
        layout.addLayout(adding)
        layout.addStretch()
        self.resize(680, 600)

    def show_streaks(self, disconnect: int, reflection: int) -> None:
        """Workdays in a row you disconnected on time, and reflected (days off don't count)."""
        self.streaks.setText(
            # TRANSLATORS: here {disconnect} and {reflection} come with their unit: "3 workdays".
            _("Disconnect streak: {disconnect} · reflection streak: {reflection}").format(
                disconnect=_workdays(disconnect), reflection=_workdays(reflection)
            )
        )

    def show_log(self, log: DayLog, now: datetime, zone: str) -> None:
        today = in_zone(now, zone).date()
        self.day = log.day
        is_today = log.day == today
        self.setWindowTitle(
            # TRANSLATORS: {day} is such as "Sunday 15 November".
            _("Today, {day}").format(day=day_names.weekday_and_month(log.day))
            if is_today
            else day_names.weekday_month_and_year(log.day)
        )
        self.picker.blockSignals(True)
        self.picker.setDate(QDate(log.day.year, log.day.month, log.day.day))
        self.picker.setMaximumDate(QDate(today.year, today.month, today.day))
        self.picker.blockSignals(False)
        self.next_day.setEnabled(not is_today)
        self.back_to_today.setEnabled(not is_today)
        running = next((s for s in log.shifts if s.end is None), None)
        worked = sum((s.length(now) for s in log.shifts), start=now - now)
        if running and is_today:
            # TRANSLATORS: {time} is such as 09:00, {duration} such as "2 h 05 min".
            running_text = _("Shift running since {time} ({duration})")
            self.status.setText(
                running_text.format(
                    time=f"{in_zone(running.start, zone):%H:%M}",
                    duration=format_duration(running.length(now)),
                )
            )
        elif is_today and log.shifts:
            worked_today = _("Off the clock. Worked {duration} today.")
            self.status.setText(worked_today.format(duration=format_duration(worked)))
        elif is_today:
            self.status.setText(_("Off the clock."))
        elif log.shifts:
            worked_then = _("Worked {duration} on this day.")
            self.status.setText(worked_then.format(duration=format_duration(worked)))
        else:
            self.status.setText(_("No shift recorded on this day."))
        self.shifts.set_rows(
            [
                (
                    s.id,
                    [
                        _when(s.start, zone, log.day),
                        _when(s.end, zone, log.day) if s.end else _("running"),
                        format_duration(s.length(now)),
                        s.note or "",
                    ],
                )
                for s in log.shifts
            ]
        )
        unjudged = any(not p.judged for p in log.pings)
        self.hours_note.setText(_(HOURS_NOT_SET_TODAY if is_today else HOURS_NOT_SET_THEN))
        self.hours_note.setVisible(unjudged)
        self.pings.set_rows(
            [
                (
                    p.id,
                    [
                        _when(p.at, zone, log.day),
                        source_label(p.source),
                        str(p.minutes),
                        p.timing,
                        p.note or "",
                    ],
                )
                for p in log.pings
            ]
        )
        self.incidents.set_rows(
            [
                (
                    i.id,
                    [
                        _when(i.at, zone, log.day),
                        category_label(i.category),
                        str(i.severity),
                        i.platform or "",
                        str(i.minutes),
                        _advice(i.against_advice, i.advised_on),
                        i.summary,
                    ],
                )
                for i in log.incidents
            ]
        )

    def _step(self, days: int) -> None:
        if self.day is not None:
            self.day_chosen.emit(self.day + timedelta(days=days))


def _workdays(count: int) -> str:
    return ngettext("{count} workday", "{count} workdays", count).format(count=count)


def _keys(keys: str) -> str:
    """A shortcut as the desktop writes it, in its language (Qt's own words)."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def _advice(against_advice: bool, advised_on: date | None) -> str:
    """The mark of an incident that followed a decision made against the user's advice."""
    if not against_advice:
        return ""
    if advised_on is None:
        return _("yes")
    # TRANSLATORS: {day} is when the advice was given, such as "9 Nov".
    return _("yes (advised {day})").format(day=formats.short_date(advised_on))


def _when(instant: datetime, zone: str, day: object) -> str:
    """``HH:MM``, with the weekday too when it is not that day (a shift from last night)."""
    local = in_zone(instant, zone)
    if local.date() == day:
        return f"{local:%H:%M}"
    return f"{formats.weekday(local.weekday())} {local:%H:%M}"
