"""A chart's numbers as a read-only table (``core.workload.charts.tables``), shown in the chart's
place when the user asks: named after the chart, Tab in and out, arrow keys from cell to cell.
Nothing here imports matplotlib."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wellbeing_app.core.language import N_, _
from wellbeing_app.core.workload.charts.tables import ChartTable
from wellbeing_app.ui.read_only_table import read_only_table, shown_rows

# TRANSLATORS: the button beside the dashboard's charts; Alt and the underlined letter press it.
SHOW_TABLE = N_("Show as &table")
# TRANSLATORS: the same button while a table is shown; best with the same underlined letter.
SHOW_CHART = N_("Show as char&t")
TOGGLE_HELP = N_("Shows the numbers behind the chart as a table, or the chart again.")
NUMBERS = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ChartTableView(QWidget):
    """What the chart says besides its series (if anything), then the table; or, when the
    chart has nothing to draw, its message on what to log first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Reachable by Tab, like the table it stands in for.
        self.empty.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.empty.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.table = read_only_table([], "")
        # Cell by cell (not row by row): a screen reader names each cell's column.
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Numbers stay beside their row's label, not at the far end of a stretched column.
        self.table.horizontalHeader().setStretchLastSection(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.table, 1)
        self.note.setVisible(False)
        self.empty.setVisible(False)

    def show_table(self, chart: ChartTable) -> None:
        """Fill the table with ``chart``'s rows, named and described after the chart."""
        table = self.table
        table.setAccessibleName(chart.title)
        extra = chart.note or chart.empty
        table.setAccessibleDescription(f"{chart.description} {extra}".strip())
        self.empty.setAccessibleName(chart.title)
        self.note.setText(chart.note)
        self.note.setVisible(bool(chart.note))
        self.empty.setText(chart.empty)
        self.empty.setVisible(not chart.rows)
        table.setVisible(bool(chart.rows))
        table.clear()
        table.setRowCount(0)
        table.setColumnCount(len(chart.headers))
        table.setHorizontalHeaderLabels(chart.headers)
        table.setRowCount(len(chart.rows))
        for row, cells in enumerate(chart.rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:  # the numbers, right-aligned; the first column names the row
                    item.setTextAlignment(NUMBERS)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        if chart.rows:  # arrow keys start from the top left; nothing is selected yet
            table.selectionModel().setCurrentIndex(
                table.model().index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def focus_target(self) -> QWidget:
        """What takes the focus when the table is shown: the table, or the message."""
        return self.table if self.table.isVisibleTo(self) else self.empty

    def rows(self) -> list[list[str]]:
        """The table as shown, row by row."""
        return shown_rows(self.table)

    def headers(self) -> list[str]:
        table = self.table
        return [_text(table.horizontalHeaderItem(c)) for c in range(table.columnCount())]


def _text(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""


def toggle_text(table_shown: bool) -> str:
    """The toggle's label: what pressing it will show."""
    return _(SHOW_CHART if table_shown else SHOW_TABLE)
