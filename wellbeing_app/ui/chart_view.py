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
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        old = self.canvas
        self.canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]
        self.canvas.setAccessibleName(self.accessibleName())
        self._layout.addWidget(self.canvas)
        if old is not None:
            self._layout.removeWidget(old)
            old.figure.clear()
            old.deleteLater()

    def draw_now(self) -> None:
        """Render at once (the canvas otherwise renders when it is first painted)."""
        if self.canvas is not None:
            self.canvas.draw()  # type: ignore[no-untyped-call]
