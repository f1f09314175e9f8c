"""One chart on screen: a matplotlib Figure in a Qt canvas, swapped when the period changes;
or, when the user asks, the numbers behind it as a table (``ChartTableView``).

matplotlib's Qt canvas is imported here, on first use, never at start-up: a view that only
ever shows its table never loads it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from wellbeing_app.core.workload.charts.tables import ChartTable
from wellbeing_app.ui.chart_table_view import ChartTableView

if TYPE_CHECKING:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

MIN_HEIGHT = 300


class ChartView(QWidget):
    """Holds the canvas of the figure shown last (a new figure takes its place in the same
    canvas) and the table of the numbers shown last; one of the two is on screen."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"chart-{key}")
        self.setMinimumHeight(MIN_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.canvas: FigureCanvasQTAgg | None = None
        self.table = ChartTableView()
        self.table.setVisible(False)
        self._layout.addWidget(self.table)

    @property
    def table_shown(self) -> bool:
        return not self.table.isHidden()

    def show_as_table(self, table: bool) -> None:
        """Show the table (True) or the chart in this view; each keeps what it was given last."""
        self.table.setVisible(table)
        if self.canvas is not None:
            self.canvas.setVisible(not table)

    def show_table(self, table: ChartTable) -> None:
        """Fill the table with ``table`` (shown by ``show_as_table``)."""
        self.table.show_table(table)

    @property
    def figure(self) -> Figure | None:
        return self.canvas.figure if self.canvas is not None else None

    def describe(self, title: str, summary: str) -> None:
        """What a screen reader says of the chart: its title, and a line on what it shows."""
        for widget in (self, self.canvas):
            if widget is not None:
                widget.setAccessibleName(title)
                widget.setAccessibleDescription(summary)

    def show_figure(self, figure: Figure) -> None:
        """Show ``figure`` in this view's canvas, sized to it; it is drawn when painted.

        The first figure creates the canvas; later ones take its place in the same canvas, so
        a change of period costs one draw at the size already on screen.
        """
        if self.canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

            self.canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]
            self.canvas.setAccessibleName(self.accessibleName())
            self.canvas.setAccessibleDescription(self.accessibleDescription())
            self._layout.addWidget(self.canvas)
            # A child added later is not shown with us; nor while the table is on screen.
            self.canvas.setVisible(self.isVisible() and not self.table_shown)
            return
        old = self.canvas.figure
        figure.set_canvas(self.canvas)
        self.canvas.figure = figure
        figure.set_dpi(old.dpi)  # the screen's pixel ratio is already in the old one's dpi
        width, height = old.get_size_inches()
        figure.set_size_inches(float(width), float(height), forward=False)
        old.clear()
        self.canvas.draw_idle()  # type: ignore[no-untyped-call]

    def draw_now(self) -> None:
        """Paint at once, at the size the layout gives the canvas (otherwise the canvas draws
        its figure when Qt first paints it); a figure already drawn is not drawn again."""
        if self.canvas is not None:
            self._layout.activate()
            self.canvas.repaint()
