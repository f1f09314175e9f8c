"""The schedule, after-hours and reminder commands as users meet them: output, exit status and
what is stored, each call ``main(argv)`` at a clock standing at NOW in Berlin.

Anything logged is in the past (March 2026): the CLI refuses the future. What 'schedule show'
lists is what is in force on the clock's today and later.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.cli_runner import BERLIN, NOW, Cli, tables
from wellbeing_app.core.records.pings import log_ping
from wellbeing_app.core.records.shifts import end_shift, start_shift
from wellbeing_app.core.reminders.memory import save_settings
from wellbeing_app.core.reminders.planner import ReminderSettings
from wellbeing_app.core.schedule.weekly import add_days_off, add_on_call, set_schedule
from wellbeing_app.core.store.database import open_database
from wellbeing_app.core.store.paths import DATABASE_NAME
from wellbeing_app.core.time.local_time import local_date, parse_time

TODAY = local_date(NOW, BERLIN)
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]
LABELS = ["Mon", "Tue", "Wed", "Thu", "Fri"]
SET = ["schedule", "set", "--days", "mon-fri", "--start", "09:00", "--end", "17:00"]


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(tmp_path, capsys, monkeypatch)


def at(local: str) -> datetime:
    return parse_time(local, NOW, BERLIN)


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


def test_set_show_off_and_oncall(cli: Cli, tmp_path: Path) -> None:
    mine, empty = tmp_path / "mine", tmp_path / "empty"
    later, off = TODAY + timedelta(days=10), TODAY + timedelta(days=3)
    off_from, off_to = TODAY + timedelta(days=20), TODAY + timedelta(days=24)
    on_call_start = f"{TODAY + timedelta(days=5)}T20:00"
    on_call_end = f"{TODAY + timedelta(days=6)}T07:30"

    first = [
        cli.ok("schedule", "set", "--days", "mon-fri", "--start", "09:00", "--end", "17:00",
               "--from", "2026-03-02", data_dir=mine),
        # Changes the same version: the other days stay.
        cli.ok("schedule", "set", "--days", "sat", "--start", "22:00", "--end", "06:00",
               "--from", "2026-03-02", data_dir=mine),
        cli.ok("schedule", "show", data_dir=empty),
        cli.ok("schedule", "show", "--json", data_dir=empty),
    ]  # fmt: skip
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
                "rota": [],
            },
            indent=2,
        ),
    ]

    second = [
        cli.ok("schedule", "set", "--days", "mon-fri", "--start", "8:00", "--end", "16:00",
               "--tz", "Asia/Tokyo", "--from", str(later), data_dir=mine),
        cli.ok("schedule", "off", str(off), data_dir=mine),
        cli.ok("schedule", "off", f"{off_from}..{off_to}", data_dir=mine),
        cli.ok("schedule", "oncall", on_call_start, on_call_end, data_dir=mine),
    ]  # fmt: skip
    assert second == [
        f"From {later}: Mon, Tue, Wed, Thu, Fri 08:00-16:00, Asia/Tokyo.",
        f"Day off: {off}.",
        f"Days off: {off_from} to {off_to}.",
        f"On call from {on_call_start.replace('T', ' ')} to {on_call_end.replace('T', ' ')}.",
    ]

    shown_json = cli.ok("schedule", "show", "--json", data_dir=mine)
    shown_text = cli.ok("schedule", "show", data_dir=mine)
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
        "on_call": [
            {"start": f"{on_call_start}:00+01:00", "end": f"{on_call_end}:00+01:00"},
        ],
        "rota": [],
    }
    # Text shows the weekdays' labels; the JSON above keeps their ids.
    assert shown_text.splitlines() == [
        "Schedule since 2026-03-02 (Europe/Berlin):",
        *(f"  {d}  09:00-17:00" for d in LABELS),
        "  Sat  22:00-06:00",
        f"From {later} (Asia/Tokyo):",
        *(f"  {d}  08:00-16:00" for d in LABELS),
        "  Sat  22:00-06:00",
        f"Off: {off}",
        f"Off: {off_from} to {off_to}",
        f"On call: {on_call_start}:00+01:00 to {on_call_end}:00+01:00",
    ]


def test_set_from_today_by_default_in_the_clocks_zone(cli: Cli) -> None:
    out = cli.ok("schedule", "set", "--days", "fri-mon", "--start", "09:30", "--end", "12:00")
    assert out == f"From {TODAY}: Mon, Fri, Sat, Sun 09:30-12:00, Europe/Berlin."
    current = json.loads(cli.ok("schedule", "show", "--json"))
    assert (current["effective_from"], current["zone"]) == (str(TODAY), BERLIN)
    assert current["windows"] == [window(d, "09:30", "12:00") for d in ["mon", "fri", "sat", "sun"]]


def test_a_day_set_before_a_later_version_stays_in_it(cli: Cli) -> None:
    first, later = str(TODAY + timedelta(days=7)), str(TODAY + timedelta(days=21))
    between = str(TODAY + timedelta(days=14))
    cli.ok(*SET, "--from", first)
    cli.ok("schedule", "set", "--days", "mon", "--start", "10:00", "--end", "18:00",
           "--from", later)  # fmt: skip
    out = cli.ok("schedule", "set", "--days", "sun,mon", "--start", "07:00", "--end", "11:00",
                 "--from", between)  # fmt: skip
    assert out.splitlines() == [
        f"From {between}: Mon, Sun 07:00-11:00, Europe/Berlin.",
        f"Also in the later schedule from {later}.",
        f"From {later}, the later change of Mon still applies.",
    ]
    upcoming = json.loads(cli.ok("schedule", "show", "--json"))["upcoming"]
    assert [v["effective_from"] for v in upcoming] == [first, between, later]
    assert (
        upcoming[2]["windows"]
        == [  # Sunday does not vanish; Monday keeps its own change
            window("mon", "10:00", "18:00"),
            *(window(d, "09:00", "17:00") for d in WEEKDAYS[1:]),
            window("sun", "07:00", "11:00"),
        ]
    )


def test_a_past_sunday_after_a_later_version_is_judged_by_the_carried_window(cli: Cli) -> None:
    cli.ok(*SET, "--from", "2026-03-02")
    cli.ok("schedule", "set", "--days", "mon", "--start", "10:00", "--end", "18:00",
           "--from", "2026-03-16")  # fmt: skip
    cli.ok("schedule", "set", "--days", "sun", "--start", "10:00", "--end", "14:00",
           "--from", "2026-03-09")  # fmt: skip
    for sunday in ("2026-03-15", "2026-03-22", "2026-04-19"):
        cli.ok("log", "ping", "--source", "slack", "--at", f"{sunday}T12:00")
    assert [r["after_hours"] for r in cli.listed("pings")] == [False, False, False]


def test_set_without_tz_keeps_the_zone_of_the_version_in_force(cli: Cli) -> None:
    first, later = str(TODAY + timedelta(days=7)), str(TODAY + timedelta(days=14))
    cli.ok(*SET, "--tz", "America/New_York", "--from", first)
    out = cli.ok("schedule", "set", "--days", "sat", "--start", "10:00", "--end", "14:00",
                 "--from", later)  # fmt: skip
    assert out == f"From {later}: Sat 10:00-14:00, America/New_York."
    same = cli.ok("schedule", "set", "--days", "sun", "--start", "10:00", "--end", "14:00",
                  "--from", first)  # fmt: skip
    assert same.startswith(f"From {first}: Sun 10:00-14:00, America/New_York.")
    upcoming = json.loads(cli.ok("schedule", "show", "--json"))["upcoming"]
    assert [v["zone"] for v in upcoming] == ["America/New_York", "America/New_York"]
    assert upcoming[1]["windows"][0] == window("mon", "09:00", "17:00")  # New York hours kept
    moved = cli.ok("schedule", "set", "--days", "sat", "--start", "10:00", "--end", "14:00",
                   "--tz", "Asia/Tokyo", "--from", later)  # fmt: skip
    assert moved == f"From {later}: Sat 10:00-14:00, Asia/Tokyo."
    upcoming = json.loads(cli.ok("schedule", "show", "--json"))["upcoming"]
    assert upcoming[1]["zone"] == "Asia/Tokyo"  # --tz: the whole new version's zone
    assert upcoming[1]["windows"][0] == window("mon", "09:00", "17:00")  # the same wall clock


# --- pings judged by the schedule ----------------------------------------------------------


def test_list_pings_follows_the_schedule_shifts_days_off_and_on_call(
    cli: Cli, tmp_path: Path
) -> None:
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
    cli.ok("schedule", "set", "--days", "mon-fri", "--start", "09:00", "--end", "17:00",
           "--from", "2026-03-02")  # fmt: skip
    cli.ok("schedule", "off", "2026-03-11")
    cli.ok("schedule", "oncall", "2026-03-12T19:00", "2026-03-12T23:00")
    logged = cli.ok("log", "ping", "--source", "phone", "--at", "2026-03-12T20:30")
    assert logged == "Ping from Phone logged at 2026-03-12 20:30 (on call)."

    rows = cli.listed("pings")
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
    timings = [line.rsplit("min  ", 1)[1] for line in cli.ok("list", "pings").splitlines()]
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


def test_reminders_for_a_working_day_with_the_shift_running(cli: Cli) -> None:
    cli.ok("schedule", "set", "--days", "mon-fri", "--start", "09:00", "--end", "17:00",
           "--from", "2026-03-02")  # fmt: skip
    cli.ok("shift", "start", "--at", "2026-03-10T09:00")  # a Tuesday
    rows = json.loads(cli.ok("reminders", "--now", "2026-03-10T16:00", "--json"))
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
    # Text: each reminder's time and title, never its kind's id.
    lines = cli.ok("reminders", "--now", "2026-03-10T16:00").splitlines()
    assert lines == [f"{r['at'][:10]} {r['at'][11:16]}  {r['title']}" for r in rows]
    assert not any(r["kind"] in line for r in rows for line in lines)

    # Late in the evening: tonight's nudges are past; tomorrow's end of day is next.
    late = json.loads(cli.ok("reminders", "--now", "2026-03-10T21:30", "--json"))
    assert kinds_at(late) == [
        ("wrap_up", "2026-03-11T16:45:00+01:00"),
        ("end_of_shift", "2026-03-11T17:00:00+01:00"),
        ("evening_reflection", "2026-03-11T21:00:00+01:00"),
    ]


def test_quiet_hours_drop_everything_from_22_to_7(cli: Cli, tmp_path: Path) -> None:
    quiet, loud = tmp_path / "quiet", tmp_path / "loud"
    for data_dir in (quiet, loud):  # a late Tuesday window, the shift started on time
        seed_schedule(data_dir, [1], "14:00", "22:30", date(2026, 3, 2))
        db = open_database(data_dir / DATABASE_NAME)
        with db.write() as session:
            start_shift(session, at=at("2026-03-10T14:00"), now=NOW, zone=BERLIN)
            if data_dir == loud:
                save_settings(session, ReminderSettings(quiet_hours=False))
        db.close()
    with_quiet = cli.ok("reminders", "--now", "2026-03-10T16:00", "--json", data_dir=quiet)
    without = cli.ok("reminders", "--now", "2026-03-10T16:00", "--json", data_dir=loud)
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


@pytest.mark.parametrize(("args", "name"), BAD_INPUT, ids=[" ".join(a[1:]) for a, _ in BAD_INPUT])
def test_bad_input_exits_2_naming_it_and_creates_nothing(
    cli: Cli, tmp_path: Path, args: list[str], name: str
) -> None:
    folder = tmp_path / "new"
    result = cli.run(*args, data_dir=folder)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert re.match(rf"wellbeing-app: (argument )?{re.escape(name)}\b", result.stderr), (
        result.stderr
    )
    assert not folder.exists()


def test_bad_input_leaves_an_existing_schedule_as_it_was(cli: Cli, tmp_path: Path) -> None:
    seed_schedule(tmp_path, [0, 1, 2, 3, 4], "09:00", "17:00", date(2026, 3, 2))
    db = open_database(tmp_path / DATABASE_NAME)
    with db.write() as session:
        add_days_off(session, date(2026, 3, 11), date(2026, 3, 11))
        add_on_call(session, at("2026-03-12T19:00"), at("2026-03-12T23:00"), BERLIN)
    db.close()
    before = tables(tmp_path)
    assert len(before["schedule_window"]) == 5
    results = [
        cli.run(*SET[:-1], "09:00", "--from", "2026-03-16"),
        cli.run("schedule", "set", "--days", "sat", "--start", "10:00", "--end", "14:00",
                "--tz", "Nowhere/Land"),
        cli.run("schedule", "off", "2026-03-20..2026-03-18"),
        cli.run("schedule", "oncall", "2026-03-13T23:00", "2026-03-13T19:00"),
    ]  # fmt: skip
    assert [r.returncode for r in results] == [2, 2, 2, 2], [r.stderr for r in results]
    assert [r.stderr.split(":")[1].split()[-1] for r in results] == ["--end", "--tz", "DATE", "END"]
    assert tables(tmp_path) == before
