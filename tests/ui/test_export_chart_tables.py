"""The export dialog's PDF preview, its charts as tables: "Charts as tables in this preview"
(Alt+B) puts each chart's numbers in its place, in the preview only (the PDF keeps its
pictures), following the well-being and advice choices; the text formats have no charts and
no such choice."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from tests.summary_fixture import NOW, fill
from tests.ui.key_presses import Keys, opened, shown_mnemonics
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.time.clock import FixedClock
from wellbeing_app.core.time.periods import Period
from wellbeing_app.core.workload.charts.tables import ChartTable, chart_table, incidents_table
from wellbeing_app.services.summary_pdf import chart_name, chart_tables
from wellbeing_app.ui.export_dialog import ExportDialog
from wellbeing_app.ui.summary_preview import with_tables

TODAY = date(2026, 11, 15)
DEFAULT = Period(date(2026, 10, 12), date(2026, 11, 8))
ADVISED = "After decisions you advised against"


@pytest.fixture
def journal(db: Database, clock: FixedClock) -> Journal:
    fill(db)
    return Journal(db, clock)


def open_dialog(qtbot: QtBot, journal: Journal, fmt: str = "pdf") -> ExportDialog:
    dialog = opened(qtbot, ExportDialog(journal.workload, TODAY, NOW, fmt=fmt))
    assert dialog.refresh_now()
    return dialog


def test_alt_b_shows_every_chart_as_its_table_in_the_preview_only(
    qtbot: QtBot, journal: Journal
) -> None:
    dialog = open_dialog(qtbot, journal)
    choice = dialog.preview.as_tables
    assert choice.isVisible() and not choice.isChecked()
    assert "PDF keeps the charts" in choice.accessibleDescription()
    assert dialog.preview.image_names() == [
        chart_name(k) for k in ("hours", "after_hours", "heatmap", "incidents")
    ]
    before = dialog.contents
    letters = shown_mnemonics(dialog)
    assert letters.count("b") == 1 and len(letters) == len(set(letters))
    Keys(qtbot).alt("b")
    qtbot.waitUntil(choice.isChecked)  # a shortcut clicks a moment later, as on screen
    assert dialog.preview.image_names() == []  # each picture gave way to its table
    shown = dialog.preview.toPlainText()
    workload = journal.workload(DEFAULT)[0]
    for key in ("hours", "after_hours", "heatmap", "incidents"):
        table = chart_table(key, workload) if key != "incidents" else incidents_table(workload)
        assert table.title in shown
        for cell in [*table.headers, *(c for row in table.rows for c in row)]:
            assert cell in shown, (key, cell)
    hours = chart_table("hours", workload)
    assert "\n".join(hours.rows[1]) in shown  # a row's cells in their order
    assert dialog.contents is before  # the file is the same: charts as pictures
    assert before is not None and before.html is not None and "<img src=" in before.html
    Keys(qtbot).alt("b")
    qtbot.waitUntil(lambda: not choice.isChecked())
    assert len(dialog.preview.image_names()) == 4


def test_the_tables_follow_the_choices_of_what_goes_in(qtbot: QtBot, journal: Journal) -> None:
    dialog = open_dialog(qtbot, journal)
    dialog.preview.as_tables.setChecked(True)
    assert "Mood and stress" not in dialog.preview.toPlainText()
    dialog.wellbeing.setChecked(True)
    dialog.advice.setChecked(True)
    assert dialog.refresh_now()
    contents = dialog.contents
    assert contents is not None
    workload = journal.workload(DEFAULT)[0]
    assert contents.tables == chart_tables(workload, True, True)
    assert list(contents.tables) == [name for name, _caption, _png in contents.charts]
    shown = dialog.preview.toPlainText()
    assert "Mood, 7-day average" in shown
    assert contents.tables[chart_name("mood_stress")].note in shown.replace("\n", " ")
    incidents = contents.tables[chart_name("incidents")]
    assert (ADVISED in incidents.headers) == any(
        week.incidents_against_advice for week in workload.weeks
    )


@pytest.mark.parametrize("fmt", ["csv", "json", "md"])
def test_the_text_formats_have_no_charts_to_show_as_tables(
    qtbot: QtBot, journal: Journal, fmt: str
) -> None:
    dialog = open_dialog(qtbot, journal, fmt)
    assert not dialog.preview.as_tables.isVisible()
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    assert dialog.refresh_now()
    assert dialog.preview.as_tables.isVisible()


def test_an_image_without_a_table_stays_and_an_empty_chart_says_so() -> None:
    empty = ChartTable("Incidents", "", [], [], empty="No incidents logged yet.")
    page = (
        '<h2>Totals</h2><p><img src="chart-hours.png" alt="Hours worked"></p>'
        '<p><img src="chart-incidents.png" alt="Incidents"></p>'
    )
    shown = with_tables(page, {"chart-incidents.png": empty})
    assert '<img src="chart-hours.png"' in shown
    assert "chart-incidents.png" not in shown
    assert "<p><b>Incidents</b></p><p>No incidents logged yet.</p>" in shown
    hours = ChartTable("Hours worked", "", ["Week", "Worked"], [["2 Nov", "8.00 h"]])
    shown = with_tables(page, {"chart-hours.png": hours})
    assert "<th>Week</th><th>Worked</th>" in shown and '<td align="right">8.00 h</td>' in shown
