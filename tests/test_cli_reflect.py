"""`reflect`, `checkin who5` and `list reflections|checkins`, run as users run them.

Reflection text and WHO-5 answers are private: they show only in their own listings.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.cli_runner import BERLIN, listed, ok, run, run_all
from wellbeing_app.core.store.paths import DATABASE_NAME

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


def test_reflect_saves_and_prints(tmp_path: Path) -> None:
    out = ok(tmp_path, *REFLECT)
    assert out.startswith(f"Reflection for {DAY} saved. 2 thing(s) left at work for next time.")
    assert len(out) > len(f"Reflection for {DAY} saved. 2 thing(s) left at work for next time.")
    [row] = listed(tmp_path, "reflections")
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


def test_reflect_again_for_the_same_date_replaces(tmp_path: Path) -> None:
    ok(tmp_path, *REFLECT)
    out = ok(tmp_path, "reflect", "--mood", "2", "--energy", "1", "--stress", "0", "--date", DAY)
    assert out.startswith(f"Reflection for {DAY} saved.")
    assert "left at work" not in out
    [row] = listed(tmp_path, "reflections")
    assert (row["mood"], row["energy"], row["stress"], row["detachment"]) == (2, 1, 0, None)
    assert (row["went_well"], row["leave_at_work"], row["tonight"]) == (None, None, None)
    text = ok(tmp_path, "list", "reflections")
    assert text == f"{DAY}  mood 2  energy 1  stress 0"


def test_reflect_without_a_date_is_for_today(tmp_path: Path) -> None:
    before = datetime.now(ZoneInfo(BERLIN)).date().isoformat()
    ok(tmp_path, "reflect", "--mood", "3", "--energy", "3", "--stress", "3")
    after = datetime.now(ZoneInfo(BERLIN)).date().isoformat()
    [row] = listed(tmp_path, "reflections")
    assert row["day"] in {before, after}


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
    tmp_path: Path,
) -> None:
    fresh = [tmp_path / f"fresh{n}" for n in range(len(BAD_REFLECTIONS))]
    existing = [tmp_path / f"existing{n}" for n in range(len(BAD_REFLECTIONS))]
    for folder in existing:
        folder.mkdir()
    # An existing database with one reflection on another day.
    seeded = run_all([(folder, _with(["--date", "2026-03-09"])) for folder in existing])
    assert all(r.returncode == 0 for r in seeded), [r.stderr for r in seeded]
    bad = [changes for changes, _ in BAD_REFLECTIONS]
    jobs = [(folder, _with(changes)) for folder, changes in zip(fresh, bad, strict=True)]
    jobs += [(folder, _with(changes)) for folder, changes in zip(existing, bad, strict=True)]
    results = run_all(jobs)
    names = [name for _, name in BAD_REFLECTIONS] * 2
    for result, name, (_, args) in zip(results, names, jobs, strict=True):
        assert result.returncode == 2, (args, result.stderr)
        assert result.stdout == ""
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert name in result.stderr, (args, result.stderr)
    for folder in fresh:
        assert not (folder / DATABASE_NAME).exists()
    for folder in existing[:3]:
        assert [r["day"] for r in listed(folder, "reflections")] == ["2026-03-09"]


def test_checkin_json(tmp_path: Path) -> None:
    high, low = tmp_path / "high", tmp_path / "low"
    results = run_all(
        [
            (high, ["checkin", "who5", "5", "5", "5", "5", "5", "--json", "--date", DAY]),
            (low, ["checkin", "who5", "3", "3", "3", "3", "0", "--json", "--date", DAY]),
        ]
    )
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    assert json.loads(results[0].stdout) == {"raw": 25, "score": 100, "low": False}
    assert json.loads(results[1].stdout) == {"raw": 12, "score": 48, "low": True}


def test_checkin_text_mentions_the_score_and_suggests_a_talk_when_low(tmp_path: Path) -> None:
    good = ok(tmp_path, "checkin", "who5", "4", "4", "4", "4", "4", "--date", "2026-03-01")
    assert "80/100" in good
    assert "trust" not in good and "professional" not in good
    low = ok(tmp_path, "checkin", "who5", "5", "5", "5", "5", "1", "--date", "2026-03-15")
    assert "84/100" in low
    assert "someone you trust" in low
    assert "professional" in low
    assert "points" not in low  # 80 -> 84: not a notable change
    drop = ok(tmp_path, "checkin", "who5", "3", "3", "3", "3", "3", "--date", "2026-03-29")
    assert "60/100" in drop
    assert "24 points lower" in drop


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
    tmp_path: Path, answers: list[str], name: str
) -> None:
    result = run(tmp_path, "checkin", "who5", *answers, "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert name in result.stderr
    assert not (tmp_path / DATABASE_NAME).exists()


def test_checkin_needs_five_answers(tmp_path: Path) -> None:
    result = run(tmp_path, "checkin", "who5", "3", "3", "3", "3")
    assert result.returncode == 2
    assert not (tmp_path / DATABASE_NAME).exists()


def test_list_checkins_fields(tmp_path: Path) -> None:
    assert ok(tmp_path, "list", "checkins") == "No checkins yet."
    assert listed(tmp_path, "checkins") == []
    ok(tmp_path, "checkin", "who5", "2", "2", "2", "2", "2", "--date", "2026-03-15")
    ok(tmp_path, "checkin", "who5", "4", "4", "4", "4", "5", "--date", "2026-03-01")
    rows = listed(tmp_path, "checkins")
    assert rows == [
        {"day": "2026-03-01", "answers": [4, 4, 4, 4, 5], "raw": 21, "score": 84, "low": False},
        {"day": "2026-03-15", "answers": [2, 2, 2, 2, 2], "raw": 10, "score": 40, "low": True},
    ]
    assert ok(tmp_path, "list", "checkins").splitlines() == [
        "2026-03-01   84/100",
        "2026-03-15   40/100  low",
    ]


def test_list_reflections_empty(tmp_path: Path) -> None:
    assert ok(tmp_path, "list", "reflections") == "No reflections yet."
    assert listed(tmp_path, "reflections") == []


def test_reflection_text_stays_out_of_other_listings(tmp_path: Path) -> None:
    ok(tmp_path, "shift", "start", "--at", "2026-03-10T09:00")
    ok(tmp_path, "log", "ping", "--source", "slack", "--at", "2026-03-10T12:00")
    ok(tmp_path, "shift", "end", "--at", "2026-03-10T17:00")
    ok(
        tmp_path,
        "log",
        "incident",
        "--category",
        "crisis",
        "--severity",
        "3",
        "--at",
        "2026-03-10T13:00",
    )
    ok(tmp_path, *REFLECT)
    ok(tmp_path, "checkin", "who5", "1", "2", "3", "4", "5", "--date", DAY)
    jobs = [
        (tmp_path, ["list", what, *extra])
        for what in ("pings", "shifts", "incidents")
        for extra in ([], ["--json"])
    ]
    results = run_all(jobs)
    for result, (_, args) in zip(results, jobs, strict=True):
        assert result.returncode == 0, (args, result.stderr)
        assert result.stdout.strip(), args
        for private in (SECRET, "kept the reply short", "mood", "who5", "WHO-5"):
            assert private not in result.stdout, (args, private)
