"""The summary for a manager: exact figures against a hand-built fortnight, the JSON contract,
well-being only by choice, and no private text in any format."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.summary_fixture import (
    HOURS_SCHEDULED,
    HOURS_WORKED,
    NOW,
    OVERTIME,
    PERIOD,
    SECRET,
    fill,
)
from wellbeing_app.core.reports.findings import key_findings
from wellbeing_app.core.reports.formats import CSV_COLUMNS, render_text, to_html
from wellbeing_app.core.reports.summary import (
    NEVER_INCLUDED,
    WELLBEING_LEFT_OUT,
    SummaryOptions,
    build_summary,
    left_out,
)
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.time.periods import Period
from wellbeing_app.core.workload.aggregate import compared
from wellbeing_app.core.workload.loads import Totals

CONTRACT_TOTALS = {
    "hours_worked",
    "hours_scheduled",
    "overtime_hours",
    "after_hours_pings",
    "after_hours_minutes",
    "oncall_pings",
    "incidents",
    "short_rest_gaps",
}


def summarise(db: Database, **options: Any) -> dict[str, Any]:
    fill(db)
    with db.read() as session:
        current, previous = compared(session, PERIOD, "Europe/Berlin", NOW)
    return build_summary(current, previous, SummaryOptions(**options), NOW)


def test_exact_figures_for_the_hand_built_fortnight(db: Database) -> None:
    document = summarise(db)

    assert document["schema_version"] == 1
    assert document["period"] == {
        "start": "2026-10-19",
        "end": "2026-11-01",
        "days": 14,
        "zone": "Europe/Berlin",
    }
    totals = document["totals"]
    assert set(totals) >= CONTRACT_TOTALS
    assert totals["hours_worked"] == HOURS_WORKED == 55.5
    assert totals["hours_scheduled"] == HOURS_SCHEDULED
    assert totals["overtime_hours"] == OVERTIME == 31.5
    assert (totals["after_hours_pings"], totals["after_hours_minutes"]) == (1, 7)
    assert totals["oncall_pings"] == 1
    assert totals["incidents"] == 2
    assert totals["incidents_after_hours"] == 0  # the crisis came during the evening shift
    assert totals["short_rest_gaps"] == 1
    assert document["by_source"] == {"slack": 1}
    assert document["incidents_by_category"] == {"crisis": 1, "harassment": 1}
    assert document["incidents_by_severity"] == {"1": 0, "2": 1, "3": 0, "4": 0, "5": 1}
    first, second = document["weeks"]
    assert first == {
        "week_start": "2026-10-19",
        "week_end": "2026-10-25",
        "days": 7,
        "hours_worked": 55.5,
        "hours_scheduled": 40.0,
        "overtime_hours": 31.5,
        "after_hours_pings": 1,
        "after_hours_minutes": 7,
        "oncall_pings": 1,
        "incidents": 1,
    }
    assert (second["week_start"], second["hours_worked"], second["incidents"]) == (
        "2026-10-26",
        0.0,
        1,
    )
    assert set(document["previous"]) == set(totals)
    assert document["previous"]["hours_worked"] == 0.0
    assert document["previous_period"] == {"start": "2026-10-05", "end": "2026-10-18", "days": 14}
    # Nothing was logged before 19 October: the previous fortnight is no baseline.
    assert document["previous_has_data"] is False
    assert document["working_hours_set_from"] == "2026-01-05"
    assert document["days_judged"] == 14
    assert document["findings"] == [
        "Worked 55.50 h against 80.00 h scheduled, 31.50 h of it beyond the day's schedule.",
        "No earlier data to compare: the log begins on 19 Oct 2026.",
        "The rest between two working days was under 11 hours once "
        "(the daily-rest minimum of EU working-time rules).",
        "Work reached me after hours on 1 of 10 workdays and on 0 of 4 days off.",
    ]
    keys = list(document)
    assert keys[: keys.index("note") + 1] == [  # the first release's keys, in their order
        "schema_version",
        "kind",
        "generated_at",
        "period",
        "previous_period",
        "totals",
        "previous",
        "by_source",
        "incidents_by_category",
        "incidents_by_severity",
        "weeks",
        "findings",
        "note",
    ]


def test_hours_are_rounded_to_two_decimals() -> None:
    from wellbeing_app.core.reports.summary import totals_document

    assert totals_document(Totals(hours_worked=1 / 3, overtime_hours=2.005))["hours_worked"] == 0.33


def test_wellbeing_only_when_ticked(db: Database) -> None:
    plain = summarise(db)
    assert "wellbeing" not in plain
    assert WELLBEING_LEFT_OUT in left_out(SummaryOptions())
    assert WELLBEING_LEFT_OUT not in left_out(SummaryOptions(include_wellbeing=True))
    assert set(NEVER_INCLUDED) <= set(left_out(SummaryOptions(include_wellbeing=True)))
    for fmt in ("json", "csv", "md"):
        assert "WHO-5" not in render_text(plain, fmt)
        assert "mood" not in render_text(plain, fmt).lower()


def test_wellbeing_when_ticked(tmp_path: Path) -> None:
    from wellbeing_app.core.store.database import open_database

    db = open_database(tmp_path / "w.sqlite3")
    try:
        document = summarise(db, include_wellbeing=True, note="Two on the weekend rota")
    finally:
        db.close()
    assert document["wellbeing"] == {
        "mood_average": 2.5,
        "stress_average": 7.0,
        "reflection_days": 2,
        "who5": [{"date": "2026-10-30", "score": 52}],
        "latest_who5": {"date": "2026-10-30", "score": 52},
    }
    markdown = render_text(document, "md")
    assert "WHO-5 Well-Being Index (0–100): 52 (30 Oct 2026)" in markdown
    assert "> Two on the weekend rota" in markdown


def test_a_secret_in_private_text_reaches_no_format(db: Database) -> None:
    document = summarise(db, include_wellbeing=True)
    outputs = [render_text(document, fmt) for fmt in ("json", "csv", "md")]
    outputs.append(to_html(document, [("chart-hours.png", "Hours worked")]))
    for text in outputs:
        assert SECRET not in text
        assert "hand-off" not in text


def test_csv_reads_back_one_row_a_week(db: Database) -> None:
    rows = list(csv.DictReader(io.StringIO(render_text(summarise(db), "csv"))))
    assert [r["week_start"] for r in rows] == ["2026-10-19", "2026-10-26"]
    assert tuple(rows[0]) == CSV_COLUMNS
    assert float(rows[0]["hours_worked"]) == 55.5
    assert int(rows[0]["oncall_pings"]) == 1
    assert int(rows[1]["incidents"]) == 1


def test_json_round_trips(db: Database) -> None:
    document = summarise(db)
    assert json.loads(render_text(document, "json")) == document


def test_findings_name_the_largest_changes_in_plain_words() -> None:
    now = Totals(hours_worked=180, hours_scheduled=160, overtime_hours=20, after_hours_pings=30)
    before = Totals(hours_worked=170, hours_scheduled=160, overtime_hours=10, after_hours_pings=12)
    findings = key_findings(now, before)
    # Hours as every table shows them: 2 decimals (they read "180.0 h" here before).
    assert (
        findings[0]
        == "Worked 180.00 h against 160.00 h scheduled, 20.00 h of it beyond the day's schedule."
    )
    assert (
        findings[1] == "After-hours pings rose from 12 to 30 (+150%) against the previous period."
    )
    assert (
        findings[2] == "Overtime rose from 10.00 h to 20.00 h (+100%) against the previous period."
    )
    assert all("hours worked" not in f.lower() for f in findings[1:])  # +6%: not a finding
    assert key_findings(before, before)[1] == "No large changes against the previous period."


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_the_pdf_renders_with_its_charts(db: Database, tmp_path: Path, qapp: object) -> None:
    from wellbeing_app.services.summary_pdf import write_summary_pdf

    fill(db)
    with db.read() as session:
        current, previous = compared(session, PERIOD, "Europe/Berlin", NOW)
    document = build_summary(current, previous, SummaryOptions(), NOW)
    path = tmp_path / "summary.pdf"
    write_summary_pdf(path, document, current)

    assert path.read_bytes().startswith(b"%PDF")
    assert SECRET.encode() not in path.read_bytes()
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 2
    images = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(images) == 4  # hours, after hours, heatmap, incidents; no mood chart without opt-in
    for line in images:  # 6.4 in at 200 dpi, printed about 5 in wide: sharp
        width, x_ppi = int(line.split()[3]), int(line.split()[12])
        assert width >= 1200 and x_ppi >= 200
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = " ".join(text.split())
    assert text.startswith("Workload summary 19 Oct 2026 – 1 Nov 2026 Key")  # "ﬁ": a ligature
    assert "55.50 h" in text


def test_page_size_follows_the_locale(qapp: object) -> None:
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QPageSize

    from wellbeing_app.services.summary_pdf import page_size_for

    assert page_size_for(QLocale("en_US")).id() == QPageSize.PageSizeId.Letter
    assert page_size_for(QLocale("de_DE")).id() == QPageSize.PageSizeId.A4


def test_week_rows_are_clipped_to_a_period_that_starts_and_ends_mid_week(db: Database) -> None:
    fill(db)
    mid_week = Period(date(2026, 10, 21), date(2026, 10, 27))  # Wednesday to Tuesday
    with db.read() as session:
        current, previous = compared(session, mid_week, "Europe/Berlin", NOW)
    document = build_summary(current, previous, SummaryOptions(), NOW)
    rows = [(w["week_start"], w["week_end"], w["days"]) for w in document["weeks"]]
    assert rows == [("2026-10-21", "2026-10-25", 5), ("2026-10-26", "2026-10-27", 2)]
    csv_rows = list(csv.DictReader(io.StringIO(render_text(document, "csv"))))
    assert [(r["week_start"], r["week_end"]) for r in csv_rows] == [
        ("2026-10-21", "2026-10-25"),
        ("2026-10-26", "2026-10-27"),
    ]


def test_a_record_in_the_previous_period_makes_it_a_baseline(db: Database) -> None:
    """The same fortnight with one ping logged in the fortnight before: now it compares."""
    from tests.summary_fixture import local
    from wellbeing_app.core.records.pings import log_ping

    with db.write() as session:
        log_ping(
            session, at=local("2026-10-14T12:00"), now=NOW, zone="Europe/Berlin", source="slack"
        )
    document = summarise(db)
    assert document["previous_has_data"] is True
    assert document["findings"][1] == (
        "Hours worked rose from 0.00 h to 55.50 h against the previous period."
    )
    markdown = render_text(document, "md")
    assert "| Hours worked | 55.50 h | 0.00 h | +55.50 h |" in markdown
    assert "Compared with 5 Oct 2026 – 18 Oct 2026." in markdown


def test_without_earlier_data_no_change_is_stated_in_any_format(db: Database) -> None:
    document = summarise(db)
    markdown = render_text(document, "md")
    table = markdown.split("## Totals")[1].split("## ")[0]
    rows = [line for line in table.splitlines() if line.startswith("| ") and " h |" in line]
    assert rows and all(row.endswith("| no earlier data |") for row in rows)
    assert "holds no earlier data: no change is stated." in table
    for text in (markdown, to_html(document), render_text(document, "json")):
        assert " rose from " not in text and "+55.50" not in text
