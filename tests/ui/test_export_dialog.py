"""The Export dialog: the default period, a preview equal to the file, well-being only when
ticked, no private text in any format, bad input named, and each format saved whole."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from tests.summary_fixture import NOW, SECRET, fill
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.reports.formats import render_text, to_html
from wellbeing_app.core.reports.summary import (
    ADVICE_LEFT_OUT,
    MAX_NOTE,
    WELLBEING_LEFT_OUT,
    SummaryOptions,
    build_summary,
)
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.time.clock import FixedClock
from wellbeing_app.core.time.periods import Period, last_full_weeks
from wellbeing_app.ui.dashboard_window import DashboardWindow
from wellbeing_app.ui.export_dialog import (
    PREFERRED_SIZE,
    SCREEN_ROOM,
    ExportDialog,
    file_name,
    fitted_size,
)
from wellbeing_app.ui.no_tray_window import NoTrayWindow
from wellbeing_app.ui.saved_file_dialog import SavedFileDialog

TODAY = date(2026, 11, 15)  # a Sunday: the last full weeks are 12 October - 8 November
DEFAULT = Period(date(2026, 10, 12), date(2026, 11, 8))


@pytest.fixture
def journal(db: Database, clock: FixedClock) -> Journal:
    """The hand-built fortnight of tests/summary_fixture.py, secrets planted in every text."""
    fill(db)
    return Journal(db, clock)


def open_dialog(
    qtbot: QtBot, journal: Journal, fmt: str = "json", folder: Path | None = None
) -> ExportDialog:
    dialog = ExportDialog(journal.workload, TODAY, NOW, fmt=fmt, folder=folder)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def expected(
    journal: Journal,
    fmt: str,
    period: Period = DEFAULT,
    include_wellbeing: bool = False,
    note: str | None = None,
) -> str:
    """The file text the core makes for these choices, to compare the preview with."""
    current, previous = journal.workload(period)
    document = build_summary(current, previous, SummaryOptions(include_wellbeing, note), NOW)
    return render_text(document, fmt)


def test_defaults_are_the_last_four_full_weeks_without_wellbeing(qtbot, journal) -> None:
    dialog = open_dialog(qtbot, journal)
    assert last_full_weeks(TODAY) == DEFAULT
    assert dialog.period() == DEFAULT
    assert not dialog.wellbeing.isChecked()
    assert dialog.options() == SummaryOptions(include_wellbeing=False, note=None)
    assert WELLBEING_LEFT_OUT in dialog.left_out_items()
    assert dialog.save_button.isEnabled()
    assert dialog.refresh_now()
    assert dialog.preview.toPlainText() == expected(journal, "json")
    assert dialog.preview.image_names() == []


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_the_preview_is_exactly_the_file_text(qtbot, journal, fmt: str) -> None:
    dialog = open_dialog(qtbot, journal, fmt)
    assert dialog.refresh_now()
    assert dialog.contents is not None and dialog.contents.text == expected(journal, fmt)
    assert dialog.preview.toPlainText() == expected(journal, fmt)


def test_switching_format_shows_the_other_file(qtbot, journal) -> None:
    dialog = open_dialog(qtbot, journal)
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    assert dialog.refresh_now()
    assert dialog.preview.toPlainText() == expected(journal, "md")


def test_ticking_wellbeing_adds_it_to_the_preview_and_the_left_out_list(qtbot, journal) -> None:
    dialog = open_dialog(qtbot, journal)
    assert dialog.refresh_now()
    assert "wellbeing" not in json.loads(dialog.preview.toPlainText())
    dialog.wellbeing.setChecked(True)
    assert WELLBEING_LEFT_OUT not in dialog.left_out_items()
    assert dialog.refresh_now()
    assert "wellbeing" in json.loads(dialog.preview.toPlainText())
    assert dialog.preview.toPlainText() == expected(journal, "json", include_wellbeing=True)
    dialog.wellbeing.setChecked(False)
    assert WELLBEING_LEFT_OUT in dialog.left_out_items()
    assert dialog.refresh_now()
    assert "wellbeing" not in json.loads(dialog.preview.toPlainText())


def test_the_note_reaches_the_preview_once_typing_pauses(qtbot, journal) -> None:
    dialog = open_dialog(qtbot, journal, "md")
    assert dialog.refresh_now()
    before = dialog.preview.toPlainText()
    dialog.note.setPlainText("A second person on the weekend rota, please.")
    assert dialog.preview.toPlainText() == before  # not rebuilt on every keystroke
    assert dialog.refresh_now()
    assert "> A second person on the weekend rota" in dialog.preview.toPlainText()
    note = "A second person on the weekend rota, please."
    assert dialog.preview.toPlainText() == expected(journal, "md", note=note)


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_no_private_text_in_any_text_preview(qtbot, journal, fmt: str) -> None:
    dialog = open_dialog(qtbot, journal, fmt)
    dialog.wellbeing.setChecked(True)  # even with the well-being figures
    assert dialog.refresh_now()
    assert dialog.contents is not None and dialog.contents.text is not None
    assert SECRET not in dialog.contents.text
    assert SECRET not in dialog.preview.toPlainText()


def test_backwards_dates_name_the_field_and_disable_save(qtbot, journal) -> None:
    dialog = open_dialog(qtbot, journal)
    dialog.end.setDate(dialog.start.date().addDays(-1))
    assert dialog.error.isVisible()
    assert dialog.error.text().startswith("To: ")
    assert not dialog.save_button.isEnabled()
    dialog.end.setDate(dialog.start.date().addDays(6))
    assert not dialog.error.isVisible()
    assert dialog.save_button.isEnabled()
    period = Period(DEFAULT.start, date(2026, 10, 18))
    assert dialog.refresh_now()
    assert dialog.preview.toPlainText() == expected(journal, "json", period)


def test_a_note_too_long_is_named_and_disables_save(qtbot, journal) -> None:
    dialog = open_dialog(qtbot, journal)
    dialog.note.setPlainText("x" * (MAX_NOTE + 1))
    assert dialog.error.text().startswith("What I am asking for: ")
    assert not dialog.save_button.isEnabled()
    dialog.note.setPlainText("x" * MAX_NOTE)
    assert dialog.save_button.isEnabled()


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_saving_a_text_format_writes_the_preview(qtbot, journal, tmp_path, monkeypatch, fmt):
    asked: list[tuple[Path, str]] = []

    def choose(parent, suggested: Path, chosen: str) -> Path:
        asked.append((suggested, chosen))
        return tmp_path / "out" / "summary"  # no extension typed: the format's is added

    (tmp_path / "out").mkdir()
    monkeypatch.setattr(ExportDialog, "choose_file", staticmethod(choose))
    dialog = open_dialog(qtbot, journal, fmt, folder=tmp_path)
    dialog.save_button.click()
    assert asked == [(tmp_path / f"workload-summary-2026-10-12-to-2026-11-08.{fmt}", fmt)]
    saved = tmp_path / "out" / f"summary.{fmt}"
    assert dialog.saved_to == saved
    assert saved.read_text(encoding="utf-8") == expected(journal, fmt)
    assert sorted(p.name for p in saved.parent.iterdir()) == [saved.name]  # no temp file left
    assert not dialog.isVisible()


def test_cancelling_the_file_chooser_keeps_the_dialog_open(qtbot, journal, monkeypatch) -> None:
    monkeypatch.setattr(ExportDialog, "choose_file", staticmethod(lambda *a: None))
    dialog = open_dialog(qtbot, journal)
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.saved_to is None


def test_a_folder_that_cannot_be_written_is_reported(qtbot, journal, tmp_path, monkeypatch):
    missing = tmp_path / "no-such-folder" / "summary.json"
    monkeypatch.setattr(ExportDialog, "choose_file", staticmethod(lambda *a: missing))
    dialog = open_dialog(qtbot, journal)
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "no-such-folder" in dialog.error.text()
    assert not missing.exists()


def test_the_pdf_preview_and_file(qtbot, journal, tmp_path, monkeypatch) -> None:
    """One slower test: charts are drawn for PDF alone, and nothing private shows."""
    target = tmp_path / "summary.pdf"
    monkeypatch.setattr(ExportDialog, "choose_file", staticmethod(lambda *a: target))
    dialog = open_dialog(qtbot, journal, "pdf")
    dialog.wellbeing.setChecked(True)
    dialog.note.setPlainText("Please: no Slack after 19:00.")
    assert dialog.refresh_now()
    assert len(dialog.preview.image_names()) == 5
    contents = dialog.contents
    assert contents is not None and contents.html is not None
    current, previous = journal.workload(DEFAULT)
    note = "Please: no Slack after 19:00."
    document = build_summary(current, previous, SummaryOptions(True, note), NOW)
    charts = [(name, caption) for name, caption, _ in contents.charts]
    assert contents.html == to_html(document, charts)  # the HTML the PDF is printed from
    assert [name for name, _ in charts] == dialog.preview.image_names()
    shown = dialog.preview.toPlainText()
    assert "12 Oct 2026 – 8 Nov 2026" in shown
    assert "Please: no Slack after 19:00." in shown
    assert "Well-being (shared by choice)" in shown
    assert SECRET not in shown
    assert SECRET not in dialog.preview.toHtml()
    dialog.save_button.click()
    assert target.read_bytes().startswith(b"%PDF")
    assert dialog.saved_to == target


def test_a_given_period_is_used_and_named_in_the_file(qtbot, journal) -> None:
    period = Period(date(2026, 10, 19), date(2026, 11, 1))
    dialog = ExportDialog(journal.workload, TODAY, NOW, period=period, fmt="csv")
    qtbot.addWidget(dialog)
    assert dialog.period() == period
    assert file_name(period, "md") == "workload-summary-2026-10-19-to-2026-11-01.md"


def test_the_tray_action_opens_the_dialog_and_says_where_it_saved(
    qtbot, wellbeing, tmp_path, monkeypatch
) -> None:
    opened: list[dict[str, object]] = []
    target = tmp_path / "for-my-manager.json"
    monkeypatch.setattr(ExportDialog, "choose_file", staticmethod(lambda *a: target))

    def fake_export(load, today, now, period=None, parent=None, data_dir=None):
        opened.append({"today": today, "now": now, "period": period, "parent": parent})
        assert data_dir == wellbeing.journal.db.path.parent
        dialog = ExportDialog(load, today, now, period, fmt="json", parent=parent)
        qtbot.addWidget(dialog)
        dialog.save_button.click()  # through the app's own journal
        return dialog.saved_to, dialog.saved_to is not None

    monkeypatch.setattr(ExportDialog, "export", staticmethod(fake_export))
    assert wellbeing.actions.export.isEnabled()
    wellbeing.actions.export.trigger()
    window = wellbeing.windows.get(NoTrayWindow)
    assert opened == [{"today": TODAY, "now": NOW, "period": None, "parent": window}]
    assert json.loads(target.read_text(encoding="utf-8"))["period"]["start"] == "2026-10-12"
    assert str(target) in window.status.text()


def test_the_dashboard_button_exports_the_period_it_shows(qtbot, wellbeing, monkeypatch) -> None:
    opened: list[tuple[object, object]] = []
    monkeypatch.setattr(
        ExportDialog,
        "export",
        staticmethod(
            lambda *a, period=None, parent=None, **_: (
                opened.append((period, parent)) or (None, False)
            )
        ),
    )
    wellbeing.actions.dashboard.trigger()
    dashboard = wellbeing.windows.get(DashboardWindow)
    qtbot.waitUntil(lambda: dashboard.workload is not None)
    dashboard.export_button.click()
    assert opened == [(dashboard.period(), dashboard)]


# -- fitting a laptop screen ----------------------------------------------------------------
LAPTOP = QSize(1366, 768 - 32)  # a 1366x768 screen less a panel


def test_it_opens_within_a_1366_by_768_screen_and_shrinks_further() -> None:
    on_laptop = fitted_size(PREFERRED_SIZE, LAPTOP)
    assert on_laptop.width() + SCREEN_ROOM.width() <= LAPTOP.width()
    assert on_laptop.height() + SCREEN_ROOM.height() <= LAPTOP.height()
    assert on_laptop.width() <= 1280 and on_laptop.height() <= 720
    assert fitted_size(PREFERRED_SIZE, QSize(3840, 2160)) == PREFERRED_SIZE


@pytest.mark.parametrize("size", [QSize(1326, 676), QSize(984, 540)], ids=["laptop", "small"])
def test_nothing_is_cut_at_a_laptop_size(qtbot, journal, size: QSize) -> None:
    """At 1326x676 (the laptop's room) and smaller: the whole dialog is reachable; the choices
    scroll instead of being cut, and keep the width their widest line needs."""
    dialog = open_dialog(qtbot, journal, "pdf")
    assert dialog.minimumSizeHint().width() <= size.width()
    assert dialog.minimumSizeHint().height() <= size.height()
    dialog.resize(size)
    qtbot.waitUntil(lambda: dialog.size() == size)
    assert dialog.refresh_now()
    inside = dialog.rect()
    for widget in (dialog.save_button, dialog.preview, dialog.choices, dialog.start, dialog.end):
        corner = widget.mapTo(dialog, widget.rect().bottomRight())
        assert inside.contains(corner), widget
    choices = dialog.choices.widget()
    assert choices.width() >= choices.minimumSizeHint().width()  # no line cut at the right
    dialog.choices.ensureWidgetVisible(dialog.left_out)  # the last choice can be scrolled to
    top = dialog.left_out.mapTo(dialog.choices.viewport(), QPoint(0, 0))
    assert 0 <= top.y() < dialog.choices.viewport().height()


# -- after saving -----------------------------------------------------------------------------
def test_a_saved_export_offers_to_open_it(qtbot, journal, tmp_path, monkeypatch) -> None:
    target = tmp_path / "summary.json"
    offered: list[tuple[Path, object]] = []
    monkeypatch.setattr(ExportDialog, "choose_file", staticmethod(lambda *a: target))
    monkeypatch.setattr(
        SavedFileDialog,
        "offer",
        classmethod(
            lambda cls, path, parent=None: offered.append((path, parent)) or ("file", True)
        ),
    )

    def save_at_once(dialog: ExportDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(ExportDialog, "exec", save_at_once)
    assert ExportDialog.export(journal.workload, TODAY, NOW) == (target, True)
    assert offered == [(target, None)]

    monkeypatch.setattr(ExportDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert ExportDialog.export(journal.workload, TODAY, NOW) == (None, False)
    assert len(offered) == 1  # nothing saved, nothing offered


def test_an_export_never_replaces_the_database(qtbot, journal, monkeypatch) -> None:
    database = journal.db.path
    before = database.read_bytes()
    monkeypatch.setattr(ExportDialog, "choose_file", staticmethod(lambda *a: database))
    dialog = ExportDialog(journal.workload, TODAY, NOW, fmt="json", data_dir=database.parent)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.saved_to is None
    assert "File" in dialog.error.text() or "file" in dialog.error.text()
    assert database.read_bytes() == before


def test_a_plain_export_follows_the_umask_and_wellbeing_is_private(
    qtbot, journal, tmp_path, monkeypatch
) -> None:
    import os

    targets = iter([tmp_path / "plain.json", tmp_path / "private.json"])
    monkeypatch.setattr(ExportDialog, "choose_file", staticmethod(lambda *a: next(targets)))
    old = os.umask(0o022)
    try:
        for include in (False, True):
            dialog = open_dialog(qtbot, journal)
            dialog.wellbeing.setChecked(include)
            dialog.save_button.click()
    finally:
        os.umask(old)
    assert (tmp_path / "plain.json").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "private.json").stat().st_mode & 0o777 == 0o600


# --- incidents after decisions made against the user's advice: only when ticked ------------


def test_the_advice_count_is_in_no_format_until_ticked(qtbot, journal) -> None:
    dialog = open_dialog(qtbot, journal)
    assert not dialog.advice.isChecked()
    assert ADVICE_LEFT_OUT in dialog.left_out_items()
    # beside the well-being choice
    layout = dialog.wellbeing.parentWidget().layout()
    assert layout.indexOf(dialog.advice) == layout.indexOf(dialog.wellbeing) + 1
    for fmt in ("json", "csv", "md"):
        dialog.format.setCurrentIndex(dialog.format.findData(fmt))
        assert dialog.refresh_now()
        assert "advi" not in dialog.preview.toPlainText(), fmt  # advice, advised: absent
    dialog.advice.setChecked(True)
    assert ADVICE_LEFT_OUT not in dialog.left_out_items()
    shown = {}
    for fmt in ("json", "csv", "md"):
        dialog.format.setCurrentIndex(dialog.format.findData(fmt))
        assert dialog.refresh_now()
        shown[fmt] = dialog.preview.toPlainText()
        assert dialog.contents is not None and dialog.contents.text == shown[fmt]
    document = json.loads(shown["json"])
    assert document["totals"]["incidents_against_advice"] == 1  # the crisis of 20 October
    assert shown["csv"].splitlines()[0].endswith(",incidents,incidents_against_advice")
    row = "| Incidents after decisions I advised against | 1 | – | no earlier data |"
    assert row in shown["md"]
    dialog.advice.setChecked(False)
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    assert dialog.refresh_now()
    assert "incidents_against_advice" not in dialog.preview.toPlainText()


def test_the_pdf_preview_shows_the_advice_count_only_when_ticked(
    qtbot, journal, monkeypatch
) -> None:
    from wellbeing_app.core.workload import charts

    asked: list[bool] = []
    drawn = charts.incidents_chart

    def recorded(workload, theme, *, advice=False):
        asked.append(advice)
        return drawn(workload, theme, advice=advice)

    monkeypatch.setattr(charts, "incidents_chart", recorded)
    dialog = open_dialog(qtbot, journal, "pdf")
    assert dialog.refresh_now()
    assert "advised against" not in dialog.preview.toPlainText()
    dialog.advice.setChecked(True)
    assert dialog.refresh_now()
    assert "Incidents after decisions I advised against" in dialog.preview.toPlainText()
    assert asked == [False, True]  # the chart's hatched share, too, only when ticked
