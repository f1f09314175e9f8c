"""`wellbeing-app team-summary`, run as a team lead runs it: members' JSON summaries in, team
totals out as Markdown, JSON or PDF; bad files refused by name; no database touched."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.cli_runner import run_process
from tests.core.test_team_summary import SECRET, SECRET_SCORE, member_document, write_members
from wellbeing_app.cli import main

WITHHELD_4 = "Breakdowns are shown only for groups of at least 5 people; this summary has 4."


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where a database would go: team-summary must never create it."""
    folder = tmp_path / "data"
    monkeypatch.setenv("WELLBEING_APP_DATA_DIR", str(folder))
    return folder


def members(tmp_path: Path, size: int) -> list[str]:
    folder = tmp_path / f"team{size}"
    folder.mkdir(exist_ok=True)
    return write_members(folder, [member_document(n) for n in range(size)])


def call(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["team-summary", *args])
    out, err = capsys.readouterr()
    return status, out, err


def refused(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """The one stderr line of a refusal for bad input (exit status 2); nothing on stdout."""
    status, out, err = call(capsys, *args)
    assert (status, out) == (2, ""), err
    assert err.startswith("wellbeing-app: ") and err.count("\n") == 1, err
    return err.strip()


def test_markdown_for_five_goes_to_stdout_with_breakdowns(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = call(capsys, *members(tmp_path, 5), "--format", "md")
    assert (status, err) == (0, "")
    assert out.startswith("# Team workload summary: 5 Oct 2026 – 1 Nov 2026\n")
    assert "| Hours worked | 776.25 h | 155.25 h | 702.50 h | +73.75 h |" in out
    assert "## After-hours pings by source" in out and "| Slack | 40 |" in out
    assert "Breakdowns are shown only" not in out
    assert "Notes and well-being figures are personal and never rolled up." in out
    assert not data_dir.exists()


def test_json_for_four_goes_to_the_file_with_totals_only(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out" / "team.json"
    target.parent.mkdir()
    status, out, err = call(capsys, *members(tmp_path, 4), "--format", "json", "-o", str(target))
    assert (status, out, err) == (0, "", "")
    team = json.loads(target.read_text(encoding="utf-8"))
    assert team["kind"] == "wellbeing-app team summary"
    assert (team["members"], team["min_group"]) == (4, 5)
    assert team["totals"]["hours_worked"] == 616.0
    assert team["averages"]["hours_worked"] == 154.0
    assert team["breakdowns"] is None
    assert team["breakdowns_withheld"] == WITHHELD_4
    assert [p.name for p in target.parent.iterdir()] == ["team.json"]  # no temporary left
    assert not data_dir.exists()


def test_a_raised_min_group_withholds_breakdowns(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = members(tmp_path, 5)
    status, out, _ = call(capsys, *paths, "--min-group", "6", "--format", "json")
    assert status == 0
    team = json.loads(out)
    assert team["breakdowns"] is None
    assert team["breakdowns_withheld"] == (
        "Breakdowns are shown only for groups of at least 6 people; this summary has 5."
    )
    status, out, _ = call(capsys, *paths, "--min-group", "5", "--format", "json")
    assert json.loads(out)["breakdowns"]["by_source"]["slack"] == 40


@pytest.mark.parametrize("low", ["3", "4", "0"])
def test_a_min_group_below_five_is_bad_input(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str], low: str
) -> None:
    target = tmp_path / "team.md"
    line = refused(
        capsys, *members(tmp_path, 5), "--min-group", low, "--format", "md", "-o", str(target)
    )
    assert line.startswith("wellbeing-app: --min-group: must be at least 5")
    assert not target.exists() and not data_dir.exists()


def test_a_min_group_that_is_not_a_number_is_bad_input(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = refused(capsys, *members(tmp_path, 5), "--min-group", "five", "--format", "md")
    assert line == "wellbeing-app: argument --min-group: invalid int value: 'five'"


def test_bad_files_are_refused_naming_the_file(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = members(tmp_path, 5)
    other_period = member_document(5)
    other_period["period"]["start"] = "2026-10-06"
    newer = member_document(6) | {"schema_version": 2}
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    [shifted, future] = write_members(tmp_path, [other_period, newer])

    line = refused(capsys, *paths, shifted, "--format", "md")
    assert line.startswith(f"wellbeing-app: {shifted}: covers 2026-10-06 to 2026-11-01, but ")
    line = refused(capsys, *paths, future, "--format", "json")
    assert line.startswith(f"wellbeing-app: {future}: has schema_version 2, but this app reads")
    line = refused(capsys, *paths, str(broken), "--format", "md")
    assert line.startswith(f"wellbeing-app: {broken}: is not valid JSON")
    line = refused(capsys, *paths, paths[0], "--format", "md")
    assert line == f"wellbeing-app: {paths[0]}: is given twice (also as {paths[0]}); " + (
        "each person counts once"
    )
    assert not data_dir.exists()


def test_pdf_needs_o_and_o_never_overwrites_a_member_file(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = members(tmp_path, 5)
    line = refused(capsys, *paths, "--format", "pdf")
    assert line == "wellbeing-app: -o: a PDF needs a file to go to; give -o FILE"
    before = Path(paths[1]).read_text(encoding="utf-8")
    line = refused(capsys, *paths, "--format", "json", "-o", paths[1])
    assert line.startswith("wellbeing-app: -o: ")
    assert Path(paths[1]).read_text(encoding="utf-8") == before


def test_an_output_in_a_missing_folder_is_refused_and_nothing_is_written(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no such folder" / "team.md"
    line = refused(capsys, *members(tmp_path, 5), "--format", "md", "-o", str(target))
    assert line == f"wellbeing-app: -o: the folder {target.parent} does not exist"
    assert not target.parent.exists()


def test_notes_and_wellbeing_reach_no_output(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for size in (4, 5):
        paths = members(tmp_path, size)
        assert SECRET in Path(paths[0]).read_text(encoding="utf-8")  # planted, really
        for fmt in ("json", "md"):
            status, out, err = call(capsys, *paths, "--format", fmt)
            assert status == 0 and out.strip(), err
            assert SECRET not in out and "SECRET" not in out and str(SECRET_SCORE) not in out
            assert "who5" not in out and "mood" not in out
            assert "Notes and well-being figures are personal and never rolled up." in out
            if fmt == "json":
                assert not _keys(json.loads(out)) & {"note", "wellbeing", "findings"}


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


_PROBE = """
import json, sys
from wellbeing_app.cli import main
status = main(["team-summary", *sys.argv[1:], "--format", "md"])
qt = [m for m in ("PySide6", "shiboken6") if m in sys.modules]
print(json.dumps({"status": status, "qt": qt}))
"""


def test_the_real_command_opens_no_database_and_loads_no_qt(tmp_path: Path) -> None:
    data = tmp_path / "data"
    paths = members(tmp_path, 5)
    result = run_process(data, "team-summary", *paths, "--format", "md")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("# Team workload summary")
    probe = subprocess.run(
        [sys.executable, "-c", _PROBE, *paths],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "WELLBEING_APP_DATA_DIR": str(data)},
    )
    assert probe.returncode == 0, probe.stderr
    report = json.loads(probe.stdout.strip().splitlines()[-1])
    assert report == {"status": 0, "qt": []}
    assert not data.exists()


def test_pdf_is_written_whole(tmp_path: Path) -> None:
    pytest.importorskip("wellbeing_app.services.summary_pdf")
    out = tmp_path / "pdf"
    out.mkdir()
    target = out / "team.pdf"
    result = run_process(
        tmp_path / "data",
        "team-summary",
        *members(tmp_path, 5),
        "--format",
        "pdf",
        "-o",
        str(target),
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert target.read_bytes().startswith(b"%PDF")
    assert target.stat().st_size > 1000
    assert [p.name for p in out.iterdir()] == ["team.pdf"]
    assert not (tmp_path / "data").exists()
