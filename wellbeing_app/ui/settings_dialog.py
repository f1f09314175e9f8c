"""The Settings dialog: the weekly schedule, days off, and when (or whether) to be reminded."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QWidget,
)

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.language import N_, _
from wellbeing_app.core.reminders.planner import ReminderSettings
from wellbeing_app.core.schedule.weekly import WeeklySchedule, Window
from wellbeing_app.core.store.backups import Backup
from wellbeing_app.core.time.local_time import in_zone
from wellbeing_app.core.vocabulary import weekday_name
from wellbeing_app.ui.first_run_dialog import COUNTING_NOTE
from wellbeing_app.ui.form_dialog import FormDialog
from wellbeing_app.ui.grow import grow_to_fit
from wellbeing_app.ui.quiet_label import QUIET_STYLE, quiet_label
from wellbeing_app.ui.your_data_tab import DataActions, YourDataTab

START_AT_LOGIN_NOTE = N_(
    "Then Wellbeing is running when the evening's pings arrive, without starting it by hand."
)


@dataclass(frozen=True)
class SettingsChoice:
    week: list[Window]
    zone: str
    effective_from: date
    reminders: ReminderSettings
    days_off: tuple[date, date] | None
    count_notifications: bool | None = None  # None: not offered here
    start_at_login: bool | None = None  # None: not offered here


def _qtime(minute: int) -> QTime:
    return QTime(minute // 60, minute % 60)


def _minute(edit: QTimeEdit) -> int:
    return edit.time().hour() * 60 + edit.time().minute()


def _date(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def _clock(edit: QTimeEdit) -> str:
    return edit.time().toString("HH:mm")


def _time_edit(value: str | int) -> QTimeEdit:
    edit = QTimeEdit()
    edit.setDisplayFormat("HH:mm")
    if isinstance(value, str):
        hours, _, minutes = value.partition(":")
        edit.setTime(QTime(int(hours), int(minutes or 0)))
    else:
        edit.setTime(_qtime(value))
    return edit


def backup_line(newest: Backup | None, folder: Path, zone: str) -> str:
    """Where the backups are, and when the newest was made (one is made every day)."""
    if newest is None:
        return _("Backups: none yet; one is made each day, in {folder}").format(folder=folder)
    return _("Newest backup: {time}, in {folder}").format(
        time=f"{in_zone(newest.made, zone):%Y-%m-%d %H:%M}", folder=folder
    )


def _spin(value: int, low: int, high: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    spin.setValue(value)
    return spin


class SettingsDialog(FormDialog[SettingsChoice]):
    def __init__(
        self,
        today: date,
        zone: str,
        schedule: WeeklySchedule | None,
        reminders: ReminderSettings,
        zones: list[str],
        save: Callable[[SettingsChoice], object],
        parent: QWidget | None = None,
        set_up: Callable[[], bool] | None = None,
        backups: tuple[Backup | None, Path] | None = None,
        counting: tuple[bool, str | None] | None = None,
        your_data: DataActions | None = None,
        autostart: tuple[bool, str | None] | None = None,
    ) -> None:
        """``set_up`` runs the first-run set-up again; when it saves, Settings closes (what it
        shows is out of date). ``backups``: the newest backup and the folder they are kept in.
        ``counting``: whether work notifications are counted, and why they cannot be here.
        ``your_data``: the actions of the Your data tab (none: no such tab); once everything
        is deleted there, Settings closes too. ``autostart``: whether Wellbeing starts at login,
        and why that cannot be changed here (None: it can)."""
        super().__init__(_("Settings"), self._collect_settings, save, {}, parent)
        self.day_names = [weekday_name(day) for day in range(7)]
        tabs = QTabWidget()
        tabs.addTab(self._schedule_tab(today, zone, schedule, zones), _("S&chedule"))  # Alt+S saves
        tabs.addTab(self._reminders_tab(reminders), _("&Reminders"))
        self.your_data: YourDataTab | None = None
        if your_data is not None:
            self.your_data = YourDataTab(your_data, self._out_of_date)
            tabs.addTab(self.your_data, _("Your &data"))
        self.form.addRow(tabs)
        self.set_up_button = QPushButton(_("Run the set-&up again…"))
        self.set_up_button.setAutoDefault(False)
        self.set_up_button.setVisible(set_up is not None)
        if set_up is not None:
            self.set_up_button.clicked.connect(lambda: self._set_up_again(set_up))
        self.counting = QCheckBox(_("Count my work apps' &notifications as pings"))
        self.counting.setVisible(counting is not None)
        if counting is not None:
            on, why_not = counting
            self.counting.setChecked(on and why_not is None)
            self.counting.setEnabled(why_not is None)
            self.counting.setToolTip(why_not or _(COUNTING_NOTE))
            self.form.addRow(self.counting)
            self.form.addRow(quiet_label(why_not or _(COUNTING_NOTE)))
        self.autostart = QCheckBox(_("Start Wellbeing when I &log in"))
        self.autostart.setVisible(autostart is not None)
        if autostart is not None:
            self.autostart.setChecked(autostart[0])
            self.autostart.setEnabled(autostart[1] is None)
            self.autostart.setToolTip(autostart[1] or _(START_AT_LOGIN_NOTE))
            self.form.addRow(self.autostart)
            if autostart[1] is not None:
                self.form.addRow(quiet_label(autostart[1]))
        self._autostart_offered = autostart is not None and autostart[1] is None
        self.form.addRow(self.set_up_button)
        if backups is not None:
            self.backups = quiet_label(backup_line(*backups, zone))
            self.backups.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(self.backups)
        self.setMinimumWidth(520)
        self.days[0][0].setFocus(Qt.FocusReason.OtherFocusReason)  # Monday, the first field

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        grow_to_fit(self)  # the wrapped notes get their lines without squeezing a tab's rows

    def _set_up_again(self, set_up: Callable[[], bool]) -> None:
        if set_up():
            self._out_of_date()  # saved there

    def _out_of_date(self) -> None:
        self.done(FormDialog.DialogCode.Rejected)  # these fields are stale

    # -- schedule -------------------------------------------------------------------------
    def _schedule_tab(
        self, today: date, zone: str, schedule: WeeklySchedule | None, zones: list[str]
    ) -> QWidget:
        page = QWidget()
        grid = QGridLayout()
        grid.addWidget(QLabel(_("<b>Works</b>")), 0, 0)
        grid.addWidget(QLabel(_("<b>From</b>")), 0, 1)
        grid.addWidget(QLabel(_("<b>To</b>")), 0, 2)
        self.days: list[tuple[QCheckBox, QTimeEdit, QTimeEdit]] = []
        for weekday, name in enumerate(self.day_names):
            windows = schedule.windows_on(weekday) if schedule else []
            works = QCheckBox(name)
            works.setChecked(bool(windows))
            start = _time_edit(windows[0].start_minute if windows else 9 * 60)
            end = _time_edit(windows[0].end_minute if windows else 17 * 60)
            # TRANSLATORS: {day} is a weekday's name, such as Monday: its From and To times.
            start.setAccessibleName(_("{day} from").format(day=name))
            end.setAccessibleName(_("{day} to").format(day=name))
            works.toggled.connect(start.setEnabled)
            works.toggled.connect(end.setEnabled)
            start.setEnabled(bool(windows))
            end.setEnabled(bool(windows))
            grid.addWidget(works, weekday + 1, 0)
            grid.addWidget(start, weekday + 1, 1)
            grid.addWidget(end, weekday + 1, 2)
            self.days.append((works, start, end))
        hint = QLabel(_("An end before the start runs past midnight (a late shift)."))
        hint.setStyleSheet(QUIET_STYLE)
        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.addItems(zones)
        self.zone.setCurrentText(schedule.zone if schedule else zone)
        self.effective_from = QDateEdit(QDate(today.year, today.month, today.day))
        self.effective_from.setCalendarPopup(True)
        self.effective_from.setDisplayFormat("yyyy-MM-dd")
        self.add_days_off = QCheckBox(_("Add days off"))
        self.off_from = QDateEdit(QDate(today.year, today.month, today.day))
        self.off_to = QDateEdit(QDate(today.year, today.month, today.day))
        off_row = QHBoxLayout()
        for widget in (self.add_days_off, self.off_from, QLabel(_("to")), self.off_to):
            off_row.addWidget(widget)
        self.off_from.setAccessibleName(_("Days off from"))
        self.off_to.setAccessibleName(_("Days off to"))
        for edit in (self.off_from, self.off_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        form = QFormLayout(page)
        form.addRow(grid)
        form.addRow(hint)
        form.addRow(_("Time &zone"), self.zone)
        form.addRow(_("&Applies from"), self.effective_from)
        form.addRow(off_row)
        self.fields.update({"tz": self.zone, "DATE": self.off_from})
        for name, (_works, start, _end) in zip(self.day_names, self.days, strict=True):
            self.fields[name] = start  # a day whose start is its end is named by the day
        return page

    # -- reminders ------------------------------------------------------------------------
    def _reminders_tab(self, r: ReminderSettings) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.wrap_up = QCheckBox(_("Wrap-up heads-up before the end"))
        self.wrap_up.setChecked(r.wrap_up)
        self.wrap_up_minutes = _spin(r.wrap_up_minutes, 1, 120, _(" min before"))
        form.addRow(self.wrap_up, self.wrap_up_minutes)
        self.end_of_shift = QCheckBox(_("Time to disconnect, at the end"))
        self.end_of_shift.setChecked(r.end_of_shift)
        self.snooze_minutes = _spin(r.snooze_minutes, 5, 120, _(" min snooze"))
        form.addRow(self.end_of_shift, self.snooze_minutes)
        self.overtime = QCheckBox(_("Overtime nudges"))
        self.overtime.setChecked(r.overtime)
        self.overtime_first = _spin(r.overtime_first_minutes, 5, 240, _(" min"))
        self.overtime_second = _spin(r.overtime_second_minutes, 10, 480, _(" min, then hourly"))
        for spin in (self.overtime_first, self.overtime_second):
            spin.setPrefix("+")
        self.overtime_max = _spin(r.overtime_max_per_day, 1, 12, _(" a day at most"))
        nudges = QHBoxLayout()
        for widget in (self.overtime_first, self.overtime_second, self.overtime_max):
            nudges.addWidget(widget)
        form.addRow(self.overtime, nudges)
        self.fields["overtime"] = self.overtime_second
        self.forgot = QCheckBox(_("Ask if I forgot to clock out"))
        self.forgot.setChecked(r.forgot_clock_out)
        self.forgot_after = _spin(r.forgot_after_end_hours, 1, 12, _(" h after the end"))
        self.forgot_long = _spin(r.forgot_shift_hours, 4, 24, _(" h long shifts"))
        forgot = QHBoxLayout()
        forgot.addWidget(self.forgot_after)
        forgot.addWidget(self.forgot_long)
        form.addRow(self.forgot, forgot)
        self.after_hours = QCheckBox(_("A gentle word after an after-hours ping (once an evening)"))
        self.after_hours.setChecked(r.after_hours_ping)
        form.addRow(self.after_hours)
        self.evening = QCheckBox(_("Evening reflection prompt at"))
        self.evening.setChecked(r.evening_reflection)
        self.evening_time = _time_edit(r.evening_time)
        form.addRow(self.evening, self.evening_time)
        self.reflect_after_shift = QCheckBox(_("Open the reflection when I end a shift"))
        self.reflect_after_shift.setChecked(r.reflect_after_shift)
        form.addRow(self.reflect_after_shift)
        self.who5 = QCheckBox(_("Well-being check-in (WHO-5) every"))
        self.who5.setChecked(r.who5)
        self.who5_every = _spin(r.who5_every_days, 7, 90, _(" days"))
        form.addRow(self.who5, self.who5_every)
        self.quiet = QCheckBox(_("Quiet hours: nothing at all from"))
        self.quiet.setChecked(r.quiet_hours)
        self.quiet_start = _time_edit(r.quiet_start)
        self.quiet_end = _time_edit(r.quiet_end)
        quiet = QHBoxLayout()
        quiet.addWidget(self.quiet_start)
        quiet.addWidget(QLabel(_("to")))
        quiet.addWidget(self.quiet_end)
        form.addRow(self.quiet, quiet)
        named: tuple[tuple[QWidget, str], ...] = (
            (self.wrap_up_minutes, _("Wrap-up heads-up: minutes before the end")),
            (self.snooze_minutes, _("Snooze: minutes")),
            (self.overtime_first, _("First overtime nudge: minutes after the end")),
            (self.overtime_second, _("Second overtime nudge: minutes after the end")),
            (self.overtime_max, _("Overtime nudges a day at most")),
            (self.forgot_after, _("Ask if I forgot to clock out: hours after the end")),
            (
                self.forgot_long,
                _("Ask if I forgot to clock out: after a shift this many hours long"),
            ),
            (self.evening_time, _("Evening reflection prompt: time")),
            (self.who5_every, _("Well-being check-in: every this many days")),
            (self.quiet_start, _("Quiet hours from")),
            (self.quiet_end, _("Quiet hours to")),
        )
        for field, words in named:
            field.setAccessibleName(words)
        return page

    def _collect_settings(self) -> SettingsChoice:
        week = []
        for weekday, (works, start, end) in enumerate(self.days):
            if works.isChecked():
                if _minute(start) == _minute(end):
                    raise ValidationError(self.day_names[weekday], _("start and end must differ"))
                week.append(Window(weekday, _minute(start), _minute(end)))
        days_off = None
        if self.add_days_off.isChecked():
            first, last = _date(self.off_from), _date(self.off_to)
            if last < first:
                raise ValidationError("DATE", _("the days off end before they start"))
            days_off = (first, last)
        if self.overtime_second.value() <= self.overtime_first.value():
            raise ValidationError("overtime", _("the second nudge must come after the first"))
        reminders = ReminderSettings(
            wrap_up=self.wrap_up.isChecked(),
            wrap_up_minutes=self.wrap_up_minutes.value(),
            end_of_shift=self.end_of_shift.isChecked(),
            snooze_minutes=self.snooze_minutes.value(),
            overtime=self.overtime.isChecked(),
            overtime_first_minutes=self.overtime_first.value(),
            overtime_second_minutes=self.overtime_second.value(),
            overtime_max_per_day=self.overtime_max.value(),
            forgot_clock_out=self.forgot.isChecked(),
            forgot_after_end_hours=self.forgot_after.value(),
            forgot_shift_hours=self.forgot_long.value(),
            after_hours_ping=self.after_hours.isChecked(),
            evening_reflection=self.evening.isChecked(),
            evening_time=_clock(self.evening_time),
            reflect_after_shift=self.reflect_after_shift.isChecked(),
            who5=self.who5.isChecked(),
            who5_every_days=self.who5_every.value(),
            quiet_hours=self.quiet.isChecked(),
            quiet_start=_clock(self.quiet_start),
            quiet_end=_clock(self.quiet_end),
        )
        return SettingsChoice(
            week=week,
            zone=self.zone.currentText().strip(),
            effective_from=_date(self.effective_from),
            reminders=reminders,
            days_off=days_off,
            count_notifications=self.counting.isChecked() if self.counting.isEnabled() else None,
            start_at_login=self.autostart.isChecked() if self._autostart_offered else None,
        )

    @classmethod
    def edit(
        cls,
        today: date,
        zone: str,
        schedule: WeeklySchedule | None,
        reminders: ReminderSettings,
        zones: list[str],
        save: Callable[[SettingsChoice], object],
        parent: QWidget | None = None,
        set_up: Callable[[], bool] | None = None,
        backups: tuple[Backup | None, Path] | None = None,
        counting: tuple[bool, str | None] | None = None,
        your_data: DataActions | None = None,
        autostart: tuple[bool, str | None] | None = None,
    ) -> tuple[SettingsChoice | None, bool]:
        """Run the dialog; ``save`` stores the choice, and its errors keep the dialog open."""
        dialog = cls(
            today, zone, schedule, reminders, zones, save, parent, set_up, backups, counting,
            your_data, autostart,
        )  # fmt: skip
        return dialog.run()
