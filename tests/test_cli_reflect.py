"""`reflect`, `checkin who5` and `list reflections|checkins` as users meet them, each call
``main(argv)`` at a clock standing at NOW in Berlin.

Reflection text and WHO-5 answers are private: they show only in their own listings.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_runner import BERLIN, NOW, Cli
from wellbeing_app.core.store.paths import DATABASE_NAME
from wellbeing_app.core.time.local_time import local_date


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(tmp_path, capsys, monkeypatch)


DAY = "2026-03-10"
SECRET = "Zwiegespräch mit mir 🌙"
REFLECT = [
    "reflect",
    "--mood",
    "4",
    "--energy",
    "3",
    "--stress",
    "6",
    "--detach",
    "2",
    "--went-well",
    "kept the reply short",
    "--leave",
    "a\nb",
    "--tonight",
    SECRET,
    "--date",
    DAY,
]


def test_reflect_saves_and_prints(cli: Cli) -> None:
    out = cli.ok(*REFLECT)
    assert out.startswith(f"Reflection for {DAY} saved. 2 thing(s) left at work for next time.")
    assert len(out) > len(f"Reflection for {DAY} saved. 2 thing(s) left at work for next time.")
    [row] = cli.listed("reflections")
    assert row == {
        "day": DAY,
        "skipped": False,
        "mood": 4,
        "energy": 3,
        "stress": 6,
        "detachment": 2,
        "went_well": "kept the reply short",
        "leave_at_work": "a\nb",
        "tonight": SECRET,
    }


def test_reflect_again_for_the_same_date_replaces(cli: Cli) -> None:
    cli.ok(*REFLECT)
    out = cli.ok("reflect", "--mood", "2", "--energy", "1", "--stress", "0", "--date", DAY)
    assert out.startswith(f"Reflection for {DAY} saved.")
    assert "left at work" not in out
    [row] = cli.listed("reflections")
    assert (row["mood"], row["energy"], row["stress"], row["detachment"]) == (2, 1, 0, None)
    assert (row["went_well"], row["leave_at_work"], row["tonight"]) == (None, None, None)
    text = cli.ok("list", "reflections")
    assert text == f"{DAY}  mood 2  energy 1  stress 0"


def test_reflect_without_a_date_is_for_today(cli: Cli) -> None:
    cli.ok("reflect", "--mood", "3", "--energy", "3", "--stress", "3")
    [row] = cli.listed("reflections")
    assert row["day"] == local_date(NOW, BERLIN).isoformat()


BAD_REFLECTIONS = [
    (["--mood", "0"], "--mood"),
    (["--mood", "6"], "--mood"),
    (["--mood", "three"], "--mood"),
    (["--energy", "9"], "--energy"),
    (["--energy", "0"], "--energy"),
    (["--stress", "11"], "--stress"),
    (["--stress", "-1"], "--stress"),
    (["--detach", "0"], "--detach"),
    (["--detach", "6"], "--detach"),
    (["--went-well", "x" * 2001], "--went-well"),
    (["--leave", "x" * 2001], "--leave"),
    (["--tonight", "x" * 2001], "--tonight"),
    (["--date", "2026-02-30"], "--date"),
]


def _with(changes: list[str]) -> list[str]:
    args = ["reflect", "--mood", "4", "--energy", "3", "--stress", "6", "--date", DAY]
    option, value = changes
    if option in args:
        args[args.index(option) + 1] = value
    else:
        args += [option, value]
    return args


def test_out_of_range_reflections_exit_2_naming_the_field_and_write_nothing(
    cli: Cli, tmp_path: Path
) -> None:
    fresh, existing = tmp_path / "fresh", tmp_path / "existing"
    # An existing database with one reflection on another day.
    cli.ok(*_with(["--date", "2026-03-09"]), data_dir=existing)
    for changes, name in BAD_REFLECTIONS:
        for folder in (fresh, existing):
            result = cli.run(*_with(changes), data_dir=folder)
            assert result.returncode == 2, (changes, result.stderr)
            assert result.stdout == ""
            assert len(result.stderr.splitlines()) == 1, result.stderr
            assert name in result.stderr, (changes, result.stderr)
    assert not fresh.exists()
    assert [r["day"] for r in cli.listed("reflections", data_dir=existing)] == ["2026-03-09"]


def test_checkin_json(cli: Cli, tmp_path: Path) -> None:
    high = cli.ok("checkin", "who5", "5", "5", "5", "5", "5", "--json", "--date", DAY,
                  data_dir=tmp_path / "high")  # fmt: skip
    low = cli.ok("checkin", "who5", "3", "3", "3", "3", "0", "--json", "--date", DAY,
                 data_dir=tmp_path / "low")  # fmt: skip
    # 84 with one answer at 1: not below 50, but an answer at 0 or 1, a sign of its own.
    answer = cli.ok("checkin", "who5", "5", "5", "5", "5", "1", "--json", "--date", DAY,
                    data_dir=tmp_path / "answer")  # fmt: skip
    even = cli.ok("checkin", "who5", "2", "2", "2", "2", "2", "--json", "--date", DAY,
                  data_dir=tmp_path / "even")  # fmt: skip
    assert json.loads(high) == {"raw": 25, "score": 100, "low": False, "low_answer": False}
    assert json.loads(low) == {"raw": 12, "score": 48, "low": True, "low_answer": True}
    assert json.loads(answer) == {"raw": 21, "score": 84, "low": False, "low_answer": True}
    assert json.loads(even) == {"raw": 10, "score": 40, "low": True, "low_answer": False}


def test_checkin_text_mentions_the_score_and_suggests_a_talk_when_low(cli: Cli) -> None:
    good = cli.ok("checkin", "who5", "4", "4", "4", "4", "4", "--date", "2026-03-01")
    assert "80/100" in good
    assert "trust" not in good and "professional" not in good
    low = cli.ok("checkin", "who5", "5", "5", "5", "5", "1", "--date", "2026-03-15")
    assert "84/100" in low
    assert "someone you trust" in low
    assert "professional" in low
    assert "below 50" not in low  # 84 is not: the answer at 1 is what is named
    assert "answers was 0 or 1" in low
    assert "points" not in low  # 80 -> 84: not a notable change
    drop = cli.ok("checkin", "who5", "3", "3", "3", "3", "3", "--date", "2026-03-29")
    assert "60/100" in drop
    assert "24 points lower" in drop
    assert "trust" not in drop
    both = cli.ok("checkin", "who5", "2", "2", "2", "2", "1", "--date", "2026-04-12")
    assert "Your score is below 50 and at least one answer was 0 or 1" in both
    even = cli.ok("checkin", "who5", "2", "2", "2", "2", "2", "--date", "2026-04-26")
    assert "Your score is below 50:" in even


@pytest.mark.parametrize(
    ("answers", "name"),
    [
        (["6", "3", "3", "3", "3"], "ANSWER 1"),
        (["3", "3", "6", "3", "3"], "ANSWER 3"),
        (["3", "3", "3", "3", "-1"], "ANSWER 5"),
        (["3", "3", "x", "3", "3"], "ANSWER 3"),
    ],
)
def test_checkin_answer_out_of_range_exits_2_naming_it(
    cli: Cli, tmp_path: Path, answers: list[str], name: str
) -> None:
    result = cli.run("checkin", "who5", *answers, "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert name in result.stderr
    assert not (tmp_path / DATABASE_NAME).exists()


def test_checkin_needs_five_answers(cli: Cli, tmp_path: Path) -> None:
    result = cli.run("checkin", "who5", "3", "3", "3", "3")
    assert result.returncode == 2
    assert not (tmp_path / DATABASE_NAME).exists()


def test_list_checkins_fields(cli: Cli) -> None:
    assert cli.ok("list", "checkins") == "No checkins yet."
    assert cli.listed("checkins") == []
    cli.ok("checkin", "who5", "2", "2", "2", "2", "2", "--date", "2026-03-15")
    cli.ok("checkin", "who5", "4", "4", "4", "4", "5", "--date", "2026-03-01")
    cli.ok("checkin", "who5", "5", "5", "5", "5", "1", "--date", "2026-03-29")
    cli.ok("checkin", "who5", "0", "3", "3", "3", "3", "--date", "2026-04-12")
    rows = cli.listed("checkins")
    assert [{k: v for k, v in r.items() if k not in ("day", "answers")} for r in rows] == [
        {"raw": 21, "score": 84, "low": False, "low_answer": False},
        {"raw": 10, "score": 40, "low": True, "low_answer": False},
        {"raw": 21, "score": 84, "low": False, "low_answer": True},
        {"raw": 12, "score": 48, "low": True, "low_answer": True},
    ]
    assert rows[0] == {
        "day": "2026-03-01",
        "answers": [4, 4, 4, 4, 5],
        "raw": 21,
        "score": 84,
        "low": False,
        "low_answer": False,
    }
    assert cli.ok("list", "checkins").splitlines() == [
        "2026-03-01   84/100",
        "2026-03-15   40/100  (below 50)",
        "2026-03-29   84/100  (an answer at 0 or 1)",
        "2026-04-12   48/100  (below 50 and an answer at 0 or 1)",
    ]


def test_list_reflections_empty(cli: Cli) -> None:
    assert cli.ok("list", "reflections") == "No reflections yet."
    assert cli.listed("reflections") == []


def test_reflection_text_stays_out_of_other_listings(cli: Cli) -> None:
    cli.ok("shift", "start", "--at", "2026-03-10T09:00")
    cli.ok("log", "ping", "--source", "slack", "--at", "2026-03-10T12:00")
    cli.ok("shift", "end", "--at", "2026-03-10T17:00")
    cli.ok(
        "log",
        "incident",
        "--category",
        "crisis",
        "--severity",
        "3",
        "--at",
        "2026-03-10T13:00",
    )
    cli.ok(*REFLECT)
    cli.ok("checkin", "who5", "1", "2", "3", "4", "5", "--date", DAY)
    for what in ("pings", "shifts", "incidents"):
        for extra in ([], ["--json"]):
            listing = cli.ok("list", what, *extra)
            assert listing, (what, extra)
            for private in (SECRET, "kept the reply short", "mood", "who5", "WHO-5"):
                assert private not in listing, (what, extra, private)
