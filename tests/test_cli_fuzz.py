"""The command line under hostile input: command lines built by hypothesis from the grammar, with
values an attacker or bad luck would give (years 1 and 9999, skipped and repeated hours, bytes
that are not UTF-8, paths to the database, a folder, a device or nowhere, members' files that are
pipes, endless, deeply nested or full of Infinity). Every call ends in exit 0, 1 or 2, with no
traceback.

``FUZZ_EXAMPLES=2400 pytest --timeout 0 tests/test_cli_fuzz.py`` runs a longer search (default:
300).
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.test_team_summary import member_document
from wellbeing_app.cli import main
from wellbeing_app.core.store.paths import DATABASE_NAME, ENV_DATA_DIR
from wellbeing_app.core.time.clock import FixedClock

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300"))
NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)
NOT_UTF8 = b"caf\xe9 \xff\xfe".decode("utf-8", "surrogateescape")
ZONES = ["Europe/Berlin", "UTC", "Pacific/Kiritimati", "America/St_Johns", "Australia/Lord_Howe"]

EDGE_TIMES = [
    "0001-01-01T00:00", "9999-12-31T23:59", "0001-01-01T00:00+14:00", "9999-12-31T23:59-12:00",
    "1969-12-31T23:59Z", "1970-01-01T00:00Z", "2026-03-29T02:30", "2026-10-25T02:30",
    "2026-02-30T10:00", "21:30", "24:00", "23:59:59.999999", "00:00+01:00", "2026-11-15T12:00",
    "2026-11-15T11:59Z", "2036-11-15T12:00Z", "2026-11-15", "T", "--", "", " ", NOT_UTF8,
    "2026-W46-7T10:00", "20261115T1000", "+002026-11-15T10:00",
]  # fmt: skip
EDGE_DATES = [
    "0001-01-01", "9999-12-31", "1969-12-31", "1970-01-01", "2026-02-29", "2024-02-29",
    "2026-11-15", "2036-11-14", "2037-01-01", "2026-13-01", "", NOT_UTF8, "2026-11-15..",
    "2026-11-20..2026-11-10", "..2026-11-10", "2026-W01",
]  # fmt: skip
EDGE_NUMBERS = [
    "0", "-1", "1", "5", "6", "1440", "1441", "99999999999999999999", "-0", "nan", "inf",
    "1e3", "0x10", "٣", "3.0", "", " 7 ", "#12", "#", NOT_UTF8,
]  # fmt: skip


def hostile_texts() -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(max_size=40),
        st.binary(max_size=20).map(lambda b: b.decode("utf-8", "surrogateescape")),
        st.sampled_from(["", " ", "x" * 5000, "\x00", "line\nbreak", "\u202e", NOT_UTF8]),
    )


def mostly(good: st.SearchStrategy[str], bad: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Usually a value the command takes, sometimes a hostile one: the calls get far enough to
    reach the store, the files and the formats, not only the parser."""
    return st.integers(0, 9).flatmap(lambda n: good if n < 7 else bad)


def texts() -> st.SearchStrategy[str]:
    return mostly(st.text(max_size=30), hostile_texts())


def times() -> st.SearchStrategy[str]:
    recent = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2026, 11, 15, 10))
    return mostly(
        st.one_of(recent.map(lambda d: d.isoformat(timespec="minutes")), st.just("09:00")),
        st.one_of(
            st.sampled_from(EDGE_TIMES),
            st.datetimes(min_value=datetime(1, 1, 1)).map(lambda d: d.isoformat()),
            hostile_texts(),
        ),
    )


def dates() -> st.SearchStrategy[str]:
    recent = st.dates(min_value=date(2025, 6, 1), max_value=date(2026, 11, 15)).map(str)
    return mostly(recent, st.one_of(st.sampled_from(EDGE_DATES), st.dates().map(str)))


def numbers(low: int = 0, high: int = 5) -> st.SearchStrategy[str]:
    return mostly(
        st.integers(low, high).map(str),
        st.one_of(st.sampled_from(EDGE_NUMBERS), st.integers().map(str), hostile_texts()),
    )


def option(name: str, values: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return st.one_of(st.just([]), values.map(lambda v: [name, v]))


def required(name: str, values: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    """Given, all but now and then."""
    return st.integers(0, 9).flatmap(
        lambda n: values.map(lambda v: [name, v]) if n else st.just([])
    )


def flag(name: str) -> st.SearchStrategy[list[str]]:
    return st.sampled_from([[], [name]])


def command(head: list[str], *parts: st.SearchStrategy[list[str]]) -> st.SearchStrategy[list[str]]:
    return st.tuples(*parts).map(lambda lists: head + [item for part in lists for item in part])


def argvs(paths: dict[str, str]) -> st.SearchStrategy[list[str]]:
    out = st.sampled_from(list(paths.values()))
    members = st.lists(
        st.sampled_from([paths[k] for k in paths if k.startswith("member")]),
        min_size=1,
        max_size=7,
    )
    good_members = st.just([paths["member-ok"], paths["member-other"]])
    sources = mostly(st.sampled_from(["slack", "teams", "social_dm", "discord"]), hostile_texts())
    categories = mostly(st.sampled_from(["crisis", "harassment", "other"]), hostile_texts())
    kinds = st.sampled_from(["shift", "ping", "incident", "checkin", ""])
    ids = numbers(1, 12).map(lambda n: [n])
    return st.one_of(
        command(
            ["shift"],
            st.sampled_from([["start"], ["end"], ["status"], ["add"], ["pause"]]),
            option("--at", times()),
            option("--start", times()),
            option("--end", times()),
            option("--note", texts()),
        ),
        command(
            ["log", "ping"],
            required("--source", sources),
            option("--at", times()),
            option("--minutes", numbers(0, 90)),
            option("--note", texts()),
        ),
        command(
            ["log", "incident"],
            required("--category", categories),
            required("--severity", numbers(1, 5)),
            option("--platform", texts()),
            option("--minutes", numbers(0, 90)),
            option("--at", times()),
            option("--summary", texts()),
            option("--details", texts()),
            flag("--against-advice"),
            option("--advised-on", dates()),
        ),
        command(
            ["list"],
            st.sampled_from([["shifts"], ["pings"], ["incidents"], ["reflections"], ["checkins"]]),
            option("--from", dates()),
            option("--to", dates()),
            flag("--json"),
        ),
        command(
            ["edit", "shift"],
            ids,
            option("--start", times()),
            option("--end", times()),
            option("--note", texts()),
            flag("--json"),
        ),
        command(
            ["edit", "ping"],
            ids,
            option("--at", times()),
            option("--source", sources),
            option("--minutes", numbers(0, 90)),
            option("--note", texts()),
            flag("--json"),
        ),
        command(
            ["edit", "incident"],
            ids,
            option("--severity", numbers(1, 5)),
            option("--details", texts()),
            option("--at", times()),
            flag("--against-advice"),
            flag("--not-against-advice"),
            option("--advised-on", dates()),
            flag("--json"),
        ),
        command(["delete"], kinds.map(lambda k: [k]), ids),
        command(
            ["reflect"],
            required("--mood", numbers(1, 5)),
            required("--energy", numbers(1, 5)),
            required("--stress", numbers(0, 10)),
            option("--detach", numbers(1, 5)),
            option("--went-well", texts()),
            option("--leave", texts()),
            option("--tonight", texts()),
            option("--date", dates()),
        ),
        command(
            ["checkin", "who5"],
            st.lists(numbers(), min_size=5, max_size=5) | st.lists(numbers(), max_size=6),
            option("--date", dates()),
            flag("--json"),
        ),
        command(
            ["schedule", "set"],
            required("--days", mostly(st.sampled_from(["mon-fri", "fri-mon", "all"]), texts())),
            required("--start", mostly(st.sampled_from(["09:00", "22:00"]), texts())),
            required("--end", mostly(st.sampled_from(["17:30", "06:00", "24:00"]), texts())),
            option("--tz", mostly(st.sampled_from(["Asia/Tokyo", "UTC"]), texts())),
            option("--from", dates()),
        ),
        command(["schedule", "off"], dates().map(lambda d: [d])),
        command(["schedule", "off"], st.tuples(dates(), dates()).map(lambda t: ["..".join(t)])),
        command(["schedule", "oncall"], times().map(lambda t: [t]), times().map(lambda t: [t])),
        command(["schedule", "show"], flag("--json")),
        command(["reminders"], option("--now", times()), flag("--json")),
        command(
            ["summary"],
            option("--from", dates()),
            option("--to", dates()),
            st.sampled_from([["--format", "json"], ["--format", "md"], ["--format", "csv"], []]),
            option("-o", out),
            flag("--include-wellbeing"),
            flag("--include-advice"),
            option("--note", texts()),
        ),
        # A PDF's -o: only paths refused before anything is drawn (drawing is slow, and tested
        # on its own); the checks are the same for every format.
        command(
            ["summary", "--format", "pdf"],
            st.sampled_from([paths[k] for k in paths if k.startswith("bad")]).map(
                lambda p: ["-o", p]
            ),
        ),
        command(
            ["team-summary"],
            st.one_of(members, good_members),
            st.sampled_from([["--format", "json"], ["--format", "md"], ["--format", "pdf"]]),
            option("--min-group", numbers(5, 9)),
            option("-o", out),
        ),
        command(
            ["backup"],
            st.sampled_from([[], ["--json"], ["list"], ["list", "--json"], ["restore"]]),
        ),
        command(["backup", "restore"], out.map(lambda p: [p])),
        command(["--data-dir"], out.map(lambda p: [p]), st.sampled_from([["list", "shifts"]])),
        command(
            ["capture"],
            st.sampled_from([["status"], ["apps", "--json"], ["map"], ["off"]]),
            st.lists(texts(), max_size=2),
        ),
        # Whatever comes after a real command word.
        st.tuples(
            st.sampled_from(["shift", "log", "list", "schedule", "summary", "backup", "edit"]),
            st.lists(hostile_texts(), max_size=4),
        ).map(lambda t: [t[0], *t[1]]),
    )


def sandbox(root: Path) -> dict[str, str]:
    """The files the fuzzed command lines point at, made once."""
    data = root / "data"
    data.mkdir()
    (data / "notes.txt").write_text("mine")
    folder = root / "folder"
    folder.mkdir()
    member = member_document(1)
    nan, inf = copy.deepcopy(member), copy.deepcopy(member)
    nan["totals"]["hours_worked"] = float("nan")
    inf["weeks"][0]["incidents"] = float("inf")
    files = {
        "member-ok": json.dumps(member),
        "member-other": json.dumps(member_document(2)),
        "member-nan": json.dumps(nan),
        "member-inf": json.dumps(inf),
        "member-huge": json.dumps(member).replace("{", '{"x": ' + "9" * 5000 + ", ", 1),
        "member-hours": json.dumps(member).replace('"hours_worked": 152.75', '"hours_worked": 1e9'),
        "member-deep": "[" * 100_000 + "]" * 100_000,
        "member-latin1": "café".encode("latin-1").decode("latin-1"),
        "member-empty": "",
        "member-list": "[1, 2, 3]",
    }
    paths: dict[str, str] = {}
    for name, content in files.items():
        path = root / f"{name}.json"
        path.write_text(content, encoding="latin-1" if name == "member-latin1" else "utf-8")
        paths[name] = str(path)
    fifo = root / "member-fifo.json"
    os.mkfifo(fifo)
    paths |= {
        "member-fifo": str(fifo),
        "member-zero": "/dev/zero",
        "member-folder": str(folder),
        "member-missing": str(root / "nowhere" / "member.json"),
        "bad-database": str(data / DATABASE_NAME),
        "bad-data-file": str(data / "notes.txt"),
        "bad-folder": str(folder),
        "bad-device": "/dev/null",
        "bad-missing": str(root / "nowhere" / "out.pdf"),
        "bad-empty": "",
        "bad-not-utf8": str(root / NOT_UTF8 / "out"),
        "out-ok": str(root / "out.md"),
        "out-not-utf8": str(root / f"{NOT_UTF8}.md"),
    }
    return paths


@pytest.fixture(scope="module")
def fuzz_paths(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return sandbox(tmp_path_factory.mktemp("fuzz"))


_STRATEGIES: dict[tuple[tuple[str, str], ...], st.SearchStrategy[list[str]]] = {}


def command_lines(paths: dict[str, str]) -> st.SearchStrategy[list[str]]:
    """The strategy for this sandbox, built once."""
    key = tuple(sorted(paths.items()))
    return _STRATEGIES.setdefault(key, argvs(paths))


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), zone=st.sampled_from(ZONES))
def test_no_command_line_ends_in_a_traceback(
    fuzz_paths: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    qapp: object,
    data: st.DataObject,
    zone: str,
) -> None:
    """(``qapp``: a team PDF is laid out in this process, on the tests' QApplication.)"""
    argv = data.draw(command_lines(fuzz_paths), label="argv")
    assert (argv and not argv[0].startswith("-")) or argv[:1] == ["--data-dir"]
    monkeypatch.setenv(ENV_DATA_DIR, str(Path(fuzz_paths["bad-database"]).parent))
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv, clock=FixedClock(NOW, zone))
    assert status in (0, 1, 2), (argv, status, err.getvalue())
    assert "Traceback" not in err.getvalue(), argv
    if status != 0:
        assert err.getvalue().strip(), f"exit {status} without a word: {argv}"
