"""`wellbeing-app summary` as users meet it: every format, to stdout or a file, the default
period, well-being only when asked, and bad input refused before anything is written. Each call
is ``main(argv)`` at a clock standing at NOW in Berlin."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.cli_runner import BERLIN, NOW, Cli
from tests.summary_fixture import SECRET, fill
from wellbeing_app.core.store.database import open_database
from wellbeing_app.core.store.paths import DATABASE_NAME
from wellbeing_app.core.time import periods
from wellbeing_app.core.time.local_time import local_date

FORTNIGHT = ["--from", "2026-10-19", "--to", "2026-11-01"]


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(tmp_path, capsys, monkeypatch)


def filled(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    db = open_database(data / DATABASE_NAME)
    try:
        fill(db)
    finally:
        db.close()
    return data


def test_every_text_format_prints_the_same_figures(cli: Cli, tmp_path: Path) -> None:
    data = filled(tmp_path)
    as_json, as_csv, as_md = (
        cli.run("summary", "--format", fmt, *FORTNIGHT, data_dir=data)
        for fmt in ("json", "csv", "md")
    )
    for result in (as_json, as_csv, as_md):
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        assert SECRET not in result.stdout
    document = json.loads(as_json.stdout)
    assert document["totals"]["hours_worked"] == 55.5
    assert document["period"]["zone"] == BERLIN
    assert "wellbeing" not in document
    weeks = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [float(w["hours_worked"]) for w in weeks] == [55.5, 0.0]
    assert as_md.stdout.startswith("# Workload summary: 19 Oct 2026 – 1 Nov 2026\n")
    # Nothing was logged before the fortnight: no change from zero (it said "0.00 h" and
    # "+55.50 h").
    assert "| Hours worked | 55.50 h | – | no earlier data |" in as_md.stdout
    assert document["previous_has_data"] is False


def test_files_wellbeing_by_choice_and_the_note(cli: Cli, tmp_path: Path, qapp: object) -> None:
    """(``qapp``: the PDF is printed in this process, on the tests' QApplication.)"""
    data = filled(tmp_path)
    out = tmp_path / "summary.json"
    pdf = tmp_path / "summary.pdf"
    note = "Please rotate weekend cover."
    as_file = cli.run(
        "summary",
        "--format",
        "json",
        *FORTNIGHT,
        "-o",
        str(out),
        "--include-wellbeing",
        "--note",
        note,
        data_dir=data,
    )
    as_pdf = cli.run("summary", "--format", "pdf", *FORTNIGHT, "-o", str(pdf), data_dir=data)
    assert (as_file.returncode, as_file.stdout, as_file.stderr) == (0, "", "")
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["note"] == note
    assert document["wellbeing"]["who5"] == [{"date": "2026-10-30", "score": 52}]
    assert as_pdf.returncode == 0, as_pdf.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind


def test_the_default_period_is_the_last_four_full_weeks(cli: Cli, tmp_path: Path) -> None:
    data = filled(tmp_path)
    result = cli.run("summary", "--format", "json", data_dir=data)
    assert result.returncode == 0, result.stderr
    today = local_date(NOW, BERLIN)
    expected = periods.last_full_weeks(today)
    period = json.loads(result.stdout)["period"]
    assert (period["start"], period["end"]) == (
        expected.start.isoformat(),
        expected.end.isoformat(),
    )
    assert period["days"] == 28


def test_bad_input_is_refused_before_the_database_is_made(cli: Cli, tmp_path: Path) -> None:
    data = tmp_path / "never"
    results = [
        cli.run(*args, data_dir=data)
        for args in (
            ["summary", "--format", "pdf"],
            ["summary", "--format", "md", "--from", "2026-11-10", "--to", "2026-11-01"],
            ["summary", "--format", "md", "--from", "yesterday"],
            ["summary", "--format", "docx"],
            ["summary", "--format", "md", "--note", "x" * 2001],
        )
    ]
    first_words = []
    for result in results:
        assert result.returncode == 2, result.stderr
        assert result.stdout == ""
        assert len(result.stderr.splitlines()) == 1
        first_words.append(result.stderr.split(": ")[1])
    assert first_words == ["-o", "--to", "argument --from", "argument --format", "argument --note"]
    assert not data.exists()
