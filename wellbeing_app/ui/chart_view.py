"""One chart on screen: a matplotlib Figure in a Qt canvas, swapped when the period changes.

matplotlib's Qt canvas is imported here, on first use, never at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

MIN_HEIGHT = 300


class ChartView(QWidget):
    """Holds the canvas of the figure shown last; a new figure gets a new canvas."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"chart-{key}")
        self.setMinimumHeight(MIN_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.canvas: FigureCanvasQTAgg | None = None

    @property
    def figure(self) -> Figure | None:
        return self.canvas.figure if self.canvas is not None else None

    def show_figure(self, figure: Figure) -> None:
        """Show ``figure`` in this view's canvas, sized to it; it is drawn when painted.

        The first figure creates the canvas; later ones take its place in the same canvas, so
        a change of period costs one draw at the size already on screen.
        """
        if self.canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

            self.canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]
            self.canvas.setAccessibleName(self.accessibleName())
            self._layout.addWidget(self.canvas)
            self.canvas.setVisible(self.isVisible())  # a child added later is not shown with us
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
