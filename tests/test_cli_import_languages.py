"""Calendar and CSV imports in another language (the pseudo-locale, which changes every string):
the text says why events and rows were left out in that language, while ``--json`` keeps the
English keys and reasons scripts read, the same in every language."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli_runner import Cli
from wellbeing_app.core.imports.calendar_batches import ALL_DAY_AS_ROTA
from wellbeing_app.core.imports.calendar_file import SKIP_CANCELLED
from wellbeing_app.core.language import use_language
from wellbeing_app.core.language.pseudo import pseudo

NIGHTS = Path(__file__).parent / "data" / "calendars" / "night_shifts_warsaw_handmade.ics"
PINGS = "at,source\n2026-03-10T21:30,slack\n2026-03-10T21:30,slack\n"


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(tmp_path / "data", capsys, monkeypatch)


@pytest.fixture(autouse=True)
def pseudo_language() -> Iterator[None]:
    use_language("pseudo")
    yield
    use_language("en")


def test_a_calendars_skip_reasons_are_english_keys_in_json_and_translated_in_text(
    cli: Cli,
) -> None:
    args = ("import", "calendar", str(NIGHTS), "--as", "rota", "--dry-run")
    report = json.loads(cli.ok(*args, "--json"))
    assert report["skipped_why"] == {ALL_DAY_AS_ROTA: 1, SKIP_CANCELLED: 1}
    text = cli.ok(*args)
    assert pseudo(SKIP_CANCELLED) in text and pseudo(ALL_DAY_AS_ROTA) in text
    assert f" {SKIP_CANCELLED}\n" not in text


def test_a_csv_rows_reason_is_english_in_json_and_translated_in_text(
    cli: Cli, tmp_path: Path
) -> None:
    path = tmp_path / "pings.csv"
    path.write_text(PINGS, encoding="utf-8")
    report = json.loads(cli.ok("import", "pings", str(path), "--dry-run", "--json"))
    assert report["skipped_rows"] == [{"row": 3, "reason": "same as row 2"}]
    text = cli.ok("import", "pings", str(path), "--dry-run")
    assert pseudo("{count} repeated in the file").format(count=1) in text
