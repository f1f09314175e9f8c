"""Reports: the dashboard window (cards and charts for a period) and the summary export for a
manager, previewed before it is saved."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from wellbeing_app.core.language import _
from wellbeing_app.core.reflection.streaks import Streaks
from wellbeing_app.core.time.local_time import in_zone
from wellbeing_app.core.time.periods import Period
from wellbeing_app.core.workload.loads import Workload
from wellbeing_app.ui.controllers.parts import AppParts, Feature
from wellbeing_app.ui.dashboard_window import DashboardWindow
from wellbeing_app.ui.export_dialog import ExportDialog


class Reports(Feature):
    """Opens the dashboard and keeps it current; exports a summary. Neither changes the store."""

    def __init__(self, parts: AppParts, parent: QObject | None = None) -> None:
        super().__init__(parts, parent)
        self._streaks: Streaks | None = None

    def show_dashboard(self) -> None:
        self.windows.open(DashboardWindow, self._make_dashboard)
        # Draw once the window is on screen: the first chart loads matplotlib.
        QTimer.singleShot(0, self.show_workload)

    def _make_dashboard(self) -> DashboardWindow:
        window = DashboardWindow(self.journal.today())
        window.period_chosen.connect(self.show_workload)
        window.export_requested.connect(self.export_from_dashboard)
        return window

    def refresh(self, streaks: Streaks | None) -> None:
        """Draw the dashboard again from the store, if it is open."""
        self._streaks = streaks
        if self.windows.visible(DashboardWindow) is not None:
            self.show_workload()

    def show_workload(self, period: Period | None = None) -> None:
        """Load the dashboard's period (or the one it shows) and hand it the figures."""
        dashboard = self.windows.get(DashboardWindow)
        if dashboard is None:
            return
        dashboard.picker.set_today(self.journal.today())
        current, previous = self.journal.workload(period or dashboard.period())
        if self._streaks is None:
            self._streaks = self.journal.streaks()
        dashboard.show_workload(current, previous, self._streaks.disconnect)

    def open_export(self, period: Period | None = None, parent: QWidget | None = None) -> None:
        """The summary for a manager: previewed, then saved where the user chooses."""
        now = self.clock.now()
        path, saved = ExportDialog.export(
            self.journal.workload,
            in_zone(now, self.clock.zone()).date(),
            now,
            period=period,
            parent=parent or self.dialog_parent(),
            data_dir=self.journal.db.path.parent,
        )
        if saved and path is not None:
            self.say(_("Summary saved"), _("Saved to {path}").format(path=path))

    def export_from_dashboard(self, workload: Workload | None) -> None:
        """The dashboard's Export button: the period it shows, unless nothing is drawn yet."""
        period = workload.period if workload is not None else None
        self.open_export(period, self.windows.get(DashboardWindow))
