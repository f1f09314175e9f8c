"""The dashboard's chart tabs, with "Show as table" at the right of the tab bar: it switches the
chart on screen to the numbers behind it and back (Alt+T, or Tab to it and Space).

Each chart remembers its own choice; the button says what pressing it will show for the chart
on screen. Shown by keyboard or mouse, the table takes the focus, so arrow keys go through its
cells at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QPushButton, QTabWidget, QWidget

from wellbeing_app.core.language import _
from wellbeing_app.ui.chart_table_view import TOGGLE_HELP, toggle_text
from wellbeing_app.ui.chart_view import ChartView


class ChartTabs(QTabWidget):
    """Emits ``table_toggled`` once the chart on screen has switched between chart and table,
    before the focus moves: the owner fills the table (or draws the chart) then."""

    table_toggled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QPushButton()
        # As wide as its longer text, so that it neither jumps nor clips when it changes.
        widths = []
        for shown in (True, False):
            self.toggle.setText(toggle_text(shown))
            widths.append(self.toggle.sizeHint().width())
        self.toggle.setMinimumWidth(max(widths))
        self.toggle.setAccessibleDescription(_(TOGGLE_HELP))
        self.toggle.clicked.connect(self._toggle)
        self.setCornerWidget(self.toggle, Qt.Corner.TopRightCorner)
        self.currentChanged.connect(self._follow_current)

    def current_view(self) -> ChartView:
        view = self.currentWidget()
        assert isinstance(view, ChartView)
        return view

    def show_as_table(self, table: bool) -> None:
        """Switch the chart on screen to its table (True) or back, as the button does."""
        view = self.current_view()
        if view.table_shown == table:
            return
        focused = QApplication.focusWidget()
        if not table and focused is not None and view.table.isAncestorOf(focused):
            # Not lost to the top of the window as the table hides: the button keeps it.
            self.toggle.setFocus(Qt.FocusReason.OtherFocusReason)
        view.show_as_table(table)
        self._follow_current()
        self.table_toggled.emit()

    def _toggle(self) -> None:
        view = self.current_view()
        self.show_as_table(not view.table_shown)
        if view.table_shown:
            view.table.focus_target().setFocus(Qt.FocusReason.OtherFocusReason)

    def _follow_current(self) -> None:
        if isinstance(self.currentWidget(), ChartView):
            self.toggle.setText(toggle_text(self.current_view().table_shown))
