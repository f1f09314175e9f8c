"""The schedule, after-hours and reminder commands, run as users run them: a separate process,
its output and exit status.

Anything logged is in the past (March 2026): the CLI refuses the future. What 'schedule show'
lists is what is in force today and later, so those dates are counted from the real today.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tests.cli_runner import BERLIN, run_all
from wellbeing_app.core.records.pings import log_ping
from wellbeing_app.core.records.shifts import end_shift, start_shift
from wellbeing_app.core.reminders.memory import save_settings
from wellbeing_app.core.reminders.planner import ReminderSettings
from wellbeing_app.core.schedule.weekly import add_days_off, add_on_call, set_schedule
from wellbeing_app.core.store.database import open_database
from wellbeing_app.core.store.paths import DATABASE_NAME
from wellbeing_app.core.time.local_time import parse_time

NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)  # for seeding through the core
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]


def ok_all(jobs: list[tuple[Path, list[str]]]) -> list[str]:
    results = run_all(jobs)
    for (_, args), result in zip(jobs, results, strict=True):
        assert result.returncode == 0, (args, result.stderr)
        assert result.stderr == "", args
    return [r.stdout.strip() for r in results]


def at(local: str) -> datetime:
    return parse_time(local, NOW, BERLIN)


def today() -> date:
    return datetime.now(ZoneInfo(BERLIN)).date()


def window(day: str, start: str, end: str) -> dict[str, Any]:
    return {"day": day, "start": start, "end": end, "crosses_midnight": end <= start}


def kinds_at(rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Kinds and times, leaving out the WHO-5 check (due at once on a fresh database; the
    planner's own tests cover it)."""
    return [(r["kind"], r["at"]) for r in rows if r["kind"] != "who5_checkin"]


def seed_schedule(data_dir: Path, days: list[int], start: str, end: str, since: date) -> None:
    db = open_database(data_dir / DATABASE_NAME)
    with db.write() as session:
        set_schedule(
            session,
            days=days,
            start_minute=int(start[:2]) * 60 + int(start[3:]),
            end_minute=int(end[:2]) * 60 + int(end[3:]),
            zone=BERLIN,
            effective_from=since,
        )
    db.close()


# --- schedule set / show / off / oncall ----------------------------------------------------


def test_set_show_off_and_oncall(tmp_path: Path) -> None:
    mine, empty = tmp_path / "mine", tmp_path / "empty"
    later, off = today() + timedelta(days=10), today() + timedelta(days=3)
    off_from, off_to = today() + timedelta(days=20), today() + timedelta(days=24)
    on_call_start = f"{today() + timedelta(days=5)}T20:00"
    on_call_end = f"{today() + timedelta(days=6)}T07:30"

    # The first two change the same version (other days stay), so their order does not matter.
    first = ok_all(
        [
            (mine, ["schedule", "set", "--days", "mon-fri", "--start", "09:00", "--end", "17:00",
                    "--from", "2026-03-02"]),
            (mine, ["schedule", "set", "--days", "sat", "--start", "22:00", "--end", "06:00",
                    "--from", "2026-03-02"]),
            (empty, ["schedule", "show"]),
            (empty, ["schedule", "show", "--json"]),
        ]
    )  # fmt: skip
    assert first == [
        "From 2026-03-02: Mon, Tue, Wed, Thu, Fri 09:00-17:00, Europe/Berlin.",
        "From 2026-03-02: Sat 22:00-06:00 (ending the next day), Europe/Berlin.",
        "No schedule yet. Set one, e.g.: "
        "wellbeing-app schedule set --days mon-fri --start 09:00 --end 17:00",
        json.dumps(
            {
                "zone": None,
                "effective_from": None,
                "windows": [],
                "upcoming": [],
                "days_off": [],
                "on_call": [],
            },
            indent=2,
        ),
    ]

    second = ok_all(
        [
            (mine, ["schedule", "set", "--days", "mon-fri", "--start", "08:00", "--end", "16:00",
                    "--tz", "Asia/Tokyo", "--from", str(later)]),
            (mine, ["schedule", "off", str(off)]),
            (mine, ["schedule", "off", f"{off_from}..{off_to}"]),
            (mine, ["schedule", "oncall", on_call_start, on_call_end]),
        ]
    )  # fmt: skip
    assert second == [
        f"From {later}: Mon, Tue, Wed, Thu, Fri 08:00-16:00, Asia/Tokyo.",
        f"Day off: {off}.",
        f"Days off: {off_from} to {off_to}.",
        f"On call from {on_call_start.replace('T', ' ')} to {on_call_end.replace('T', ' ')}.",
    ]

    shown_json, shown_text = ok_all(
        [(mine, ["schedule", "show", "--json"]), (mine, ["schedule", "show"])]
    )
    berlin = ZoneInfo(BERLIN)
    on_call = [
        datetime.fromisoformat(t).replace(tzinfo=berlin).isoformat()
        for t in (on_call_start, on_call_end)
    ]
    assert json.loads(shown_json) == {
        "zone": BERLIN,
        "effective_from": "2026-03-02",
        "windows": [
            *(window(d, "09:00", "17:00") for d in WEEKDAYS),
            window("sat", "22:00", "06:00"),
        ],
        "upcoming": [
            {
                "effective_from": str(later),
                "zone": "Asia/Tokyo",
                "windows": [
                    *(window(d, "08:00", "16:00") for d in WEEKDAYS),
                    window("sat", "22:00", "06:00"),  # carried over from the version before
                ],
            }
        ],
        "days_off": [
            {"from": str(off), "to": str(off)},
            {"from": str(off_from), "to": str(off_to)},
        ],
        "on_call": [{"start": on_call[0], "end": on_call[1]}],
    }
    assert shown_text.splitlines() == [
        "Schedule since 2026-03-02 (Europe/Berlin):",
        *(f"  {d}  09:00-17:00" for d in WEEKDAYS),
        "  sat  22:00-06:00",
        f"From {later} (Asia/Tokyo):",
        *(f"  {d}  08:00-16:00" for d in WEEKDAYS),
        "  sat  22:00-06:00",
        f"Off: {off}",
        f"Off: {off_from} to {off_to}",
        f"On call: {on_call[0]} to {on_call[1]}",
    ]


def test_set_from_today_by_default_in_the_system_zone(tmp_path: Path) -> None:
    [out] = ok_all([(tmp_path, ["schedule", "set", "--days", "fri-mon", "--start", "09:30",
                                "--end", "12:00"])])  # fmt: skip
    assert out == f"From {today()}: Mon, Fri, Sat, Sun 09:30-12:00, Europe/Berlin."
    [shown] = ok_all([(tmp_path, ["schedule", "show", "--json"])])
    current = json.loads(shown)
    assert (current["effective_from"], current["zone"]) == (str(today()), BERLIN)
    assert current["windows"] == [window(d, "09:30", "12:00") for d in ["mon", "fri", "sat", "sun"]]


# --- pings judged by the schedule ----------------------------------------------------------


def test_list_pings_follows_the_schedule_shifts_days_off_and_on_call(tmp_path: Path) -> None:
    db = open_database(tmp_path / DATABASE_NAME)
    with db.write() as session:
        start_shift(session, at=at("2026-03-13T09:00"), now=NOW, zone=BERLIN)  # overtime Friday
        end_shift(session, at=at("2026-03-13T21:00"), now=NOW)
        for when in [
            "2026-03-10T10:00",  # Tuesday, in the window
            "2026-03-10T09:00",  # the window's first minute
            "2026-03-10T17:00",  # its end: after hours
            "2026-03-11T10:00",  # a day off
            "2026-03-12T20:00",  # on call
            "2026-03-12T23:30",  # on call is over
            "2026-03-13T20:00",  # inside the recorded shift
            "2026-03-14T10:00",  # Saturday
        ]:
            log_ping(session, at=at(when), now=NOW, zone=BERLIN, source="slack")
    db.close()
    ok_all(
        [
            (tmp_path, ["schedule", "set", "--days", "mon-fri", "--start", "09:00", "--end",
                        "17:00", "--from", "2026-03-02"]),
            (tmp_path, ["schedule", "off", "2026-03-11"]),
            (tmp_path, ["schedule", "oncall", "2026-03-12T19:00", "2026-03-12T23:00"]),
        ]
    )  # fmt: skip
    [logged] = ok_all(
        [(tmp_path, ["log", "ping", "--source", "phone", "--at", "2026-03-12T20:30"])]
    )
    assert logged == "Ping from Phone logged at 2026-03-12 20:30 (on call)."

    listed, text = ok_all([(tmp_path, ["list", "pings", "--json"]), (tmp_path, ["list", "pings"])])
    rows = json.loads(listed)
    assert [(r["at"], r["source"], r["after_hours"], r["on_call"]) for r in rows] == [
        ("2026-03-10T09:00:00+01:00", "slack", False, False),
        ("2026-03-10T10:00:00+01:00", "slack", False, False),
        ("2026-03-10T17:00:00+01:00", "slack", True, False),
        ("2026-03-11T10:00:00+01:00", "slack", True, False),
        ("2026-03-12T20:00:00+01:00", "slack", False, True),
        ("2026-03-12T20:30:00+01:00", "phone", False, True),
        ("2026-03-12T23:30:00+01:00", "slack", True, False),
        ("2026-03-13T20:00:00+01:00", "slack", False, False),
        ("2026-03-14T10:00:00+01:00", "slack", True, False),
    ]
    assert all(isinstance(r["on_call"], bool) and isinstance(r["after_hours"], bool) for r in rows)
    timings = [line.rsplit("min  ", 1)[1] for line in text.splitlines()]
    assert timings == [
        "working hours",
        "working hours",
        "after hours",
        "after hours",
        "on call",
        "on call",
        "after hours",
        "working hours",
        "after hours",
    ]


# --- reminders ----------------------------------------------------------------------------


def test_reminders_for_a_working_day_with_the_shift_running(tmp_path: Path) -> None:
    ok_all(
        [
            (tmp_path, ["schedule", "set", "--days", "mon-fri", "--start", "09:00", "--end",
                        "17:00", "--from", "2026-03-02"]),
            (tmp_path, ["shift", "start", "--at", "2026-03-10T09:00"]),  # a Tuesday
        ]
    )  # fmt: skip
    afternoon, text, late = ok_all(
        [
            (tmp_path, ["reminders", "--now", "2026-03-10T16:00", "--json"]),
            (tmp_path, ["reminders", "--now", "2026-03-10T16:00"]),
            (tmp_path, ["reminders", "--now", "2026-03-10T21:30", "--json"]),
        ]
    )
    rows = json.loads(afternoon)
    assert kinds_at(rows) == [
        ("wrap_up", "2026-03-10T16:45:00+01:00"),
        ("end_of_shift", "2026-03-10T17:00:00+01:00"),
        ("overtime", "2026-03-10T17:30:00+01:00"),
        ("overtime", "2026-03-10T18:00:00+01:00"),
        ("overtime", "2026-03-10T19:00:00+01:00"),
        ("forgot_clock_out", "2026-03-10T20:00:00+01:00"),
        ("evening_reflection", "2026-03-10T21:00:00+01:00"),
    ]
    assert all(r["title"] and r["text"] for r in rows)
    assert "17:00" in rows[1]["text"]
    lines = text.splitlines()
    assert len(lines) == len(rows)
    assert lines[0].startswith("2026-03-10 16:45  wrap_up ")
    assert lines[-1].startswith("2026-03-10 21:00  evening_reflection ")

    # Late in the evening: tonight's nudges are past; tomorrow's end of day is next.
    assert kinds_at(json.loads(late)) == [
        ("wrap_up", "2026-03-11T16:45:00+01:00"),
        ("end_of_shift", "2026-03-11T17:00:00+01:00"),
        ("evening_reflection", "2026-03-11T21:00:00+01:00"),
    ]


def test_quiet_hours_drop_everything_from_22_to_7(tmp_path: Path) -> None:
    quiet, loud = tmp_path / "quiet", tmp_path / "loud"
    for data_dir in (quiet, loud):  # a late Tuesday window, the shift started on time
        seed_schedule(data_dir, [1], "14:00", "22:30", date(2026, 3, 2))
        db = open_database(data_dir / DATABASE_NAME)
        with db.write() as session:
            start_shift(session, at=at("2026-03-10T14:00"), now=NOW, zone=BERLIN)
            if data_dir == loud:
                save_settings(session, ReminderSettings(quiet_hours=False))
        db.close()
    with_quiet, without = ok_all(
        [
            (quiet, ["reminders", "--now", "2026-03-10T16:00", "--json"]),
            (loud, ["reminders", "--now", "2026-03-10T16:00", "--json"]),
        ]
    )
    everything = kinds_at(json.loads(without))
    assert everything == [
        ("evening_reflection", "2026-03-10T21:00:00+01:00"),
        ("wrap_up", "2026-03-10T22:15:00+01:00"),
        ("end_of_shift", "2026-03-10T22:30:00+01:00"),
        ("overtime", "2026-03-10T23:00:00+01:00"),
        ("overtime", "2026-03-10T23:30:00+01:00"),
        ("overtime", "2026-03-11T00:30:00+01:00"),
        ("forgot_clock_out", "2026-03-11T01:30:00+01:00"),
    ]
    assert kinds_at(json.loads(with_quiet)) == [
        r for r in everything if 7 <= datetime.fromisoformat(r[1]).hour < 22
    ]
    assert kinds_at(json.loads(with_quiet)) == [everything[0]]


# --- bad input ----------------------------------------------------------------------------

SET = ["schedule", "set", "--days", "mon-fri", "--start", "09:00", "--end", "17:00"]

BAD_INPUT = [
    (["schedule", "set", "--days", "funday", "--start", "09:00", "--end", "17:00"], "--days"),
    (["schedule", "set", "--days", "monkey", "--start", "09:00", "--end", "17:00"], "--days"),
    (["schedule", "set", "--days", "mon;fri", "--start", "09:00", "--end", "17:00"], "--days"),
    (["schedule", "set", "--days", "mon-fri", "--start", "25:00", "--end", "17:00"], "--start"),
    (["schedule", "set", "--days", "mon-fri", "--start", "9am", "--end", "17:00"], "--start"),
    (["schedule", "set", "--days", "mon-fri", "--start", "09:00", "--end", "17:60"], "--end"),
    (["schedule", "set", "--days", "mon-fri", "--start", "09:00", "--end", "09:00"], "--end"),
    ([*SET, "--tz", "Mars/Olympus"], "--tz"),
    ([*SET, "--tz", "UTC+2"], "--tz"),
    ([*SET, "--from", "2026-02-30"], "--from"),
    ([*SET, "--from", "next monday"], "--from"),
    (["schedule", "off", "2026-13-01"], "DATE"),
    (["schedule", "off", "2026-03-01..soon"], "DATE"),
    (["schedule", "off", "2026-03-10..2026-03-01"], "DATE"),
    (["schedule", "oncall", "tonight", "2026-03-10T23:00"], "START"),
    (["schedule", "oncall", "2026-03-29T02:30", "2026-03-29T06:00"], "START"),  # skipped
    (["schedule", "oncall", "2026-03-10T20:00", "later"], "END"),
    (["schedule", "oncall", "2026-03-10T20:00", "2026-03-10T19:00"], "END"),
    (["schedule", "oncall", "2026-03-10T20:00", "2026-03-10T20:00"], "END"),
    (["reminders", "--now", "yesterday"], "--now"),
    (["reminders", "--now", "2026-03-29T02:30", "--json"], "--now"),
]


@pytest.fixture(scope="module")
def bad_input_results(
    tmp_path_factory: pytest.TempPathFactory,
) -> list[tuple[Path, subprocess.CompletedProcess[str]]]:
    """Every case on a folder that does not exist yet."""
    root = tmp_path_factory.mktemp("bad")
    folders = [root / f"case{i}" for i in range(len(BAD_INPUT))]
    results = run_all(
        [(folder, args) for folder, (args, _) in zip(folders, BAD_INPUT, strict=True)]
    )
    return list(zip(folders, results, strict=True))


@pytest.mark.parametrize(
    ("index", "name"),
    [(i, name) for i, (_, name) in enumerate(BAD_INPUT)],
    ids=[" ".join(args[1:]) for args, _ in BAD_INPUT],
)
def test_bad_input_exits_2_naming_it_and_creates_nothing(
    bad_input_results: list[tuple[Path, subprocess.CompletedProcess[str]]], index: int, name: str
) -> None:
    folder, result = bad_input_results[index]
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert re.match(rf"wellbeing-app: (argument )?{re.escape(name)}\b", result.stderr), (
        result.stderr
    )
    assert not folder.exists()


def dump(data_dir: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(data_dir / DATABASE_NAME)
    try:
        tables = [
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}
    finally:
        conn.close()


def test_bad_input_leaves_an_existing_schedule_as_it_was(tmp_path: Path) -> None:
    seed_schedule(tmp_path, [0, 1, 2, 3, 4], "09:00", "17:00", date(2026, 3, 2))
    db = open_database(tmp_path / DATABASE_NAME)
    with db.write() as session:
        add_days_off(session, date(2026, 3, 11), date(2026, 3, 11))
        add_on_call(session, at("2026-03-12T19:00"), at("2026-03-12T23:00"), BERLIN)
    db.close()
    before = dump(tmp_path)
    assert len(before["schedule_window"]) == 5
    results = run_all(
        [
            (tmp_path, [*SET[:-1], "09:00", "--from", "2026-03-16"]),
            (tmp_path, ["schedule", "set", "--days", "sat", "--start", "10:00", "--end", "14:00",
                        "--tz", "Nowhere/Land"]),
            (tmp_path, ["schedule", "off", "2026-03-20..2026-03-18"]),
            (tmp_path, ["schedule", "oncall", "2026-03-13T23:00", "2026-03-13T19:00"]),
        ]
    )  # fmt: skip
    assert [r.returncode for r in results] == [2, 2, 2, 2], [r.stderr for r in results]
    assert [r.stderr.split(":")[1].split()[-1] for r in results] == ["--end", "--tz", "DATE", "END"]
    assert dump(tmp_path) == before
