"""Every dashboard chart as a table of its numbers, from the keyboard alone: Tab reaches "Show as
table" beside the tabs, Space or Alt+T shows the table with the focus in it, arrow keys go from
cell to cell, Alt+T again brings the chart back. Each table is named after its chart, holds
the chart's numbers, and needs no matplotlib."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from tests.ui.key_presses import Keys, opened, shown_mnemonics
from wellbeing_app.core.demo.fill import fill_demo
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.store.database import open_database
from wellbeing_app.core.time.clock import FixedClock
from wellbeing_app.core.workload.charts import CHART_TITLES
from wellbeing_app.core.workload.charts.tables import chart_table
from wellbeing_app.ui.dashboard_window import CHART_KEYS, DashboardWindow

NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)
ZONE = "Europe/Berlin"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "wellbeing.sqlite3"
    db = open_database(path)
    fill_demo(db, years=1, now=NOW, zone=ZONE)
    db.close()
    return path


@pytest.fixture
def journal(demo_db: Path) -> Iterator[Journal]:
    db = open_database(demo_db)
    yield Journal(db, FixedClock(NOW, ZONE))
    db.close()


def dashboard(qtbot: QtBot, journal: Journal) -> DashboardWindow:
    window = opened(qtbot, DashboardWindow(journal.today()))
    window.period_chosen.connect(lambda period: show(window, journal))
    show(window, journal)
    return window


def show(window: DashboardWindow, journal: Journal) -> None:
    current, previous = journal.workload(window.period())
    window.show_workload(current, previous, 0)


def tab_to(keys: Keys, wanted: object, most: int = 12) -> None:
    for _ in range(most):
        if keys.focused() is wanted:
            return
        keys.press(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {wanted}")


def test_tab_and_space_show_the_table_and_arrow_keys_walk_its_cells(
    qtbot: QtBot, journal: Journal
) -> None:
    window = dashboard(qtbot, journal)
    keys = Keys(qtbot)
    toggle = window.tabs.toggle
    assert toggle.text() == "Show as &table"
    tab_to(keys, toggle)
    keys.press(Qt.Key.Key_Space)
    view = window.current_chart()
    assert view.table_shown and view.table.isVisible()
    assert view.canvas is not None and not view.canvas.isVisible()
    table = view.table.table
    assert keys.focused() is table  # straight into the numbers
    assert toggle.text() == "Show as char&t"
    assert (table.currentRow(), table.currentColumn()) == (0, 0)
    keys.press(Qt.Key.Key_Right)
    keys.press(Qt.Key.Key_Right)
    keys.press(Qt.Key.Key_Down)
    assert (table.currentRow(), table.currentColumn()) == (1, 2)
    assert table.currentItem() is not None
    assert table.currentItem().text() == view.table.rows()[1][2]
    keys.press(Qt.Key.Key_Backtab)  # back to the button, which brings the chart back
    assert keys.focused() is toggle
    keys.press(Qt.Key.Key_Space)
    assert not view.table_shown and view.canvas.isVisible() and not table.isVisible()
    assert toggle.text() == "Show as &table"


def test_alt_t_switches_from_anywhere_and_back(qtbot: QtBot, journal: Journal) -> None:
    window = dashboard(qtbot, journal)
    letters = shown_mnemonics(window)
    assert letters.count("t") == 1 and len(letters) == len(set(letters))
    keys = Keys(qtbot)
    keys.alt("a")  # the After-hours pings tab
    assert window.current_chart().key == "after_hours"
    keys.alt("t")
    qtbot.waitUntil(lambda: window.current_chart().table_shown)
    assert isinstance(keys.focused(), QTableWidget)
    keys.alt("t")
    qtbot.waitUntil(lambda: not window.current_chart().table_shown)
    assert keys.focused() is window.tabs.toggle


def test_each_chart_keeps_its_own_choice(qtbot: QtBot, journal: Journal) -> None:
    window = dashboard(qtbot, journal)
    window.tabs.show_as_table(True)
    window.tabs.setCurrentIndex(CHART_KEYS.index("incidents"))
    assert not window.current_chart().table_shown
    assert window.tabs.toggle.text() == "Show as &table"
    window.tabs.setCurrentIndex(0)
    assert window.current_chart().table_shown
    assert window.tabs.toggle.text() == "Show as char&t"


@pytest.mark.parametrize("key", CHART_KEYS)
def test_every_table_is_named_after_its_chart_and_holds_its_numbers(
    qtbot: QtBot, journal: Journal, key: str
) -> None:
    window = dashboard(qtbot, journal)
    window.tabs.setCurrentIndex(CHART_KEYS.index(key))
    window.tabs.show_as_table(True)
    view = window.current_chart()
    assert window.workload is not None
    expected = chart_table(key, window.workload)
    table = view.table.table
    assert table.accessibleName() == CHART_TITLES[key]
    assert table.accessibleDescription().startswith(expected.description)
    assert view.table.headers() == expected.headers
    assert view.table.rows() == expected.rows
    assert table.editTriggers() == QTableWidget.EditTrigger.NoEditTriggers
    assert not table.tabKeyNavigation()  # Tab leaves the table; arrows move inside it
    assert table.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_a_new_period_refills_the_table_on_screen(qtbot: QtBot, journal: Journal) -> None:
    window = dashboard(qtbot, journal)
    window.tabs.show_as_table(True)
    view = window.current_chart()
    assert len(view.table.rows()) == 4
    window.picker.choose("year")
    assert len(view.table.rows()) == 52
    assert view.table.headers()[0] == "Week starting (2025–2026)"


def test_a_chart_with_nothing_to_draw_says_what_to_log(qtbot: QtBot, tmp_path: Path) -> None:
    db = open_database(tmp_path / "empty.sqlite3")
    try:
        window = dashboard(qtbot, Journal(db, FixedClock(NOW, ZONE)))
        keys = Keys(qtbot)
        keys.alt("t")
        view = window.current_chart()
        qtbot.waitUntil(lambda: view.table_shown)
        assert not view.table.table.isVisible() and view.table.empty.isVisible()
        assert view.table.empty.text().startswith("No shifts yet")
        assert keys.focused() is view.table.empty
        assert view.table.empty.accessibleName() == "Hours worked"
    finally:
        db.close()


def test_the_toggle_and_the_table_are_not_clipped(qtbot: QtBot, journal: Journal) -> None:
    window = dashboard(qtbot, journal)
    window.tabs.show_as_table(True)
    toggle = window.tabs.findChild(QPushButton)
    assert toggle is window.tabs.toggle
    assert toggle.width() >= toggle.sizeHint().width()
    assert toggle.height() >= toggle.sizeHint().height()
    table = window.current_chart().table.table
    header = table.horizontalHeader()
    for column in range(table.columnCount()):
        assert header.sectionSize(column) >= header.sectionSizeHint(column)
    assert table.viewport().height() > 4 * table.rowHeight(0)  # all four weeks in view
    assert QApplication.focusWidget() is not None


def test_tables_alone_load_no_matplotlib(demo_db: Path) -> None:
    """A dashboard switched to tables before its first figures never loads matplotlib."""
    code = f"""
import sys
from datetime import datetime, UTC
from pathlib import Path
from PySide6.QtWidgets import QApplication
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.store.database import open_database
from wellbeing_app.core.time.clock import FixedClock
from wellbeing_app.ui.dashboard_window import CHART_KEYS, DashboardWindow

app = QApplication([])
clock = FixedClock(datetime.fromisoformat({NOW.isoformat()!r}), {ZONE!r})
journal = Journal(open_database(Path({str(demo_db)!r})), clock)
window = DashboardWindow(journal.today())
window.tabs.show_as_table(True)
window.show()
window.show_workload(*journal.workload(window.period()), 0)
app.processEvents()
rows = len(window.current_chart().table.rows())
print(rows, 'matplotlib' in sys.modules)
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    rows, loaded = out.stdout.split()
    assert int(rows) == 4 and loaded == "False"
