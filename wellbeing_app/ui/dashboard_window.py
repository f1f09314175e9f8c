"""The workload dashboard: cards for the chosen period with the change on the one before, and
the trend charts. It shows what it is given and emits the period the user picks.

Charts sit in tabs and only the one on screen is built and drawn: matplotlib needs about a
tenth of a second per chart on a modest machine, so drawing all five up front would make every
change of period wait for four charts nobody is looking at. "Show as table" (``ChartTabs``)
shows the numbers behind the chart on screen instead; tables need no matplotlib.
"""

from __future__ import annotations

import html
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wellbeing_app.core.language import N_, _, ngettext
from wellbeing_app.core.workload.cards import cards
from wellbeing_app.core.workload.charts import CHARTS
from wellbeing_app.core.workload.charts.tables import ChartTable, chart_table
from wellbeing_app.core.workload.coverage import SET_HOURS_COMMAND, working_hours_notice
from wellbeing_app.ui import accessible, day_names, icons
from wellbeing_app.ui.accessible import plain_words
from wellbeing_app.ui.chart_colours import theme_from
from wellbeing_app.ui.chart_table_view import SHOW_TABLE
from wellbeing_app.ui.chart_tabs import ChartTabs
from wellbeing_app.ui.chart_view import ChartView
from wellbeing_app.ui.period_picker import PeriodPicker
from wellbeing_app.ui.when_shown import WhenShown
from wellbeing_app.ui.workload_cards import CardGrid

if TYPE_CHECKING:
    from wellbeing_app.core.time.periods import Period
    from wellbeing_app.core.workload.loads import Totals, Workload

LOADING = N_("Adding up the period…")
CHART_KEYS = ("hours", "after_hours", "heatmap", "incidents", "mood_stress")
TAB_TITLES = (
    N_("&Hours"),
    N_("&After-hours pings"),
    N_("&When work reaches you"),
    N_("&Incidents"),
    N_("&Mood and stress"),
)
# TRANSLATORS: rich text; keep the tags and the two commands between <code> and </code>.
EMPTY_TEXT = N_(
    "Nothing is logged for this period yet. Start a shift from the tray when you begin work, "
    "and log the pings that reach you after hours: the charts fill in from there. "
    "To see what they show first, try demo data in a separate folder: "
    "<code>wellbeing-app demo --years 1 --data-dir ~/wellbeing-demo</code>, then "
    "<code>wellbeing-app --data-dir ~/wellbeing-demo</code>."
)


def _with_command_kept_whole(text: str) -> str:
    """``text`` as rich text, the command to set working hours on a line of its own."""
    command = html.escape(SET_HOURS_COMMAND)
    return html.escape(text).replace(f" {command}", f"<br><code>{command}</code>")


def _spoken(table: ChartTable) -> tuple[str, str]:
    """A chart as a screen reader says it: its title; then what it finds (or why it is empty),
    that its numbers are in a table, and how that table runs."""
    # TRANSLATORS: {button} is the words on the "Show as table" button beside the charts.
    where = _("{button} lists its numbers.").format(button=plain_words(_(SHOW_TABLE)))
    said = (table.note or table.empty, where, table.description)
    return table.title, " ".join(part for part in said if part)


class DashboardWindow(WhenShown, QWidget):
    """Emits ``period_chosen`` (a Period); the app answers with ``show_workload``."""

    period_chosen = Signal(object)
    export_requested = Signal(object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Workload dashboard"))
        self.setWindowIcon(icons.icon(icons.APP))
        accessible.complete_when_shown(self)  # names and descriptions left unset
        self.resize(1120, 720)
        self.picker = PeriodPicker(today)
        self.picker.period_chosen.connect(self.period_chosen)
        self.export_button = QPushButton(_("Export summary…"))
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.workload))
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.empty = QLabel(_(EMPTY_TEXT))
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(Qt.TextFormat.RichText)
        self.empty.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Until the first figures arrive (the first chart of a session loads matplotlib, about
        # a second), say so rather than "nothing is logged".
        self.heading.setText(_(LOADING))
        self.empty.setVisible(False)
        # What working hours cover, when not the whole period (and how to set them).
        self.hours_notice = QLabel()
        self.hours_notice.setWordWrap(True)
        self.hours_notice.setTextFormat(Qt.TextFormat.RichText)
        self.hours_notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hours_notice.setVisible(False)
        self.cards = CardGrid()
        self.charts = {key: ChartView(key) for key in CHART_KEYS}
        self.tabs = ChartTabs()
        self.tabs.setDocumentMode(True)
        self.workload: Workload | None = None
        self._stale: set[str] = set()  # charts to draw again before they are shown
        self._stale_tables: set[str] = set()  # and tables to fill again

        top = QHBoxLayout()
        top.addWidget(self.picker, 1)
        top.addWidget(self.export_button)
        for key, title in zip(CHART_KEYS, TAB_TITLES, strict=True):
            self.tabs.addTab(self.charts[key], _(title))
        self.tabs.currentChanged.connect(self._draw_current)
        self.tabs.table_toggled.connect(self._draw_current)
        layout = self._body = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.heading)
        layout.addWidget(self.hours_notice)
        layout.addWidget(self.empty)
        layout.addWidget(self.cards)
        layout.addWidget(self.tabs, 1)

    def period(self) -> Period:
        return self.picker.period()

    def show_workload(self, workload: Workload, previous: Totals, disconnect_streak: int) -> None:
        """Fill the cards and draw every chart for ``workload`` (matplotlib loads on first use)."""
        self.workload = workload
        period = workload.period
        if workload.coverage.previous_has_data:
            # TRANSLATORS: {start} and {end} are days such as "12 Oct 2026"; {zone} is a time
            # zone such as Europe/Warsaw.
            heading = ngettext(
                "{start} – {end} ({count} day), compared with the {count} day before. "
                "Times in {zone}.",
                "{start} – {end} ({count} days), compared with the {count} days before. "
                "Times in {zone}.",
                period.days,
            )
        else:
            heading = ngettext(
                "{start} – {end} ({count} day), no earlier data to compare. Times in {zone}.",
                "{start} – {end} ({count} days), no earlier data to compare. Times in {zone}.",
                period.days,
            )
        self.heading.setText(
            heading.format(
                start=day_names.day_month_and_year(period.start),
                end=day_names.day_month_and_year(period.end),
                count=period.days,
                zone=workload.zone,
            )
        )
        notice = working_hours_notice(workload.coverage)
        self.hours_notice.setText(_with_command_kept_whole(notice))
        self.hours_notice.setVisible(bool(notice))
        self.empty.setVisible(workload.is_empty)
        self.cards.show_cards(cards(workload, previous, disconnect_streak))
        self._body.activate()  # settle the cards first, so the chart is drawn once, at its size
        self._stale = set(CHART_KEYS)
        self._stale_tables = set(CHART_KEYS)
        self._draw_current()

    def current_chart(self) -> ChartView:
        view = self.tabs.currentWidget()
        assert isinstance(view, ChartView)
        return view

    def _draw_current(self) -> None:
        """Build the chart (or its table) on screen if the period changed since it was last
        built."""
        view = self.current_chart()
        if self.workload is not None and view.table_shown:
            if view.key in self._stale_tables:
                self._stale_tables.discard(view.key)
                view.show_table(chart_table(view.key, self.workload))
            return
        if self.workload is None or view.key not in self._stale:
            return
        self._stale.discard(view.key)
        view.describe(*_spoken(chart_table(view.key, self.workload)))
        view.show_figure(CHARTS[view.key](self.workload, theme_from(self.palette())))

    def changeEvent(self, event: QEvent) -> None:
        """A switch between light and dark draws the charts again in the new colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "workload", None):
            self._stale = set(CHART_KEYS)
            self._draw_current()

    def draw_now(self) -> None:
        """Render the chart on screen at once (for measuring; Qt otherwise paints it soon)."""
        self.current_chart().draw_now()
