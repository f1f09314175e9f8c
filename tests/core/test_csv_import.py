"""Pings and shifts from CSV, in the core: the columns of a listing, every value checked by the
rules of logging by hand, a problem named by row and column, rows already stored skipped, and
one transaction or nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import col, select

from tests.schedules import weekdays_9_to_5
from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.imports import csv_rows
from wellbeing_app.core.imports.csv_rows import PingDraft, ShiftDraft, read_csv
from wellbeing_app.core.imports.csv_store import CsvImport, import_csv
from wellbeing_app.core.records.pings import PingRow, list_pings, log_ping
from wellbeing_app.core.records.shifts import ShiftRow, add_shift, start_shift
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.store.models import Origin, Ping, Shift

BERLIN = "Europe/Berlin"
NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)
EVER = (datetime(1970, 1, 1, tzinfo=UTC), NOW + timedelta(days=1))


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def csv_file(tmp_path: Path, text: str, name: str = "in.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def pings_of(tmp_path: Path, text: str) -> list[PingDraft]:
    return read_csv(csv_file(tmp_path, text), "in.csv", "pings", NOW, BERLIN).pings


def shifts_of(tmp_path: Path, text: str) -> list[ShiftDraft]:
    return read_csv(csv_file(tmp_path, text), "in.csv", "shifts", NOW, BERLIN).shifts


def refusal(tmp_path: Path, text: str, kind: str = "pings") -> str:
    with pytest.raises(ValidationError) as caught:
        read_csv(csv_file(tmp_path, text), "in.csv", kind, NOW, BERLIN)
    return str(caught.value)


def run(db: Database, tmp_path: Path, text: str, kind: str, dry_run: bool = False) -> CsvImport:
    path = csv_file(tmp_path, text)
    return import_csv(db, path, "in.csv", kind, now=NOW, zone=BERLIN, dry_run=dry_run)


def stored_pings(db: Database) -> list[tuple[datetime, str, int, str | None, str]]:
    with db.read() as session:
        pings = session.exec(select(Ping).order_by(col(Ping.at_utc), col(Ping.id))).all()
        return [(p.at_utc, p.source, p.minutes, p.note, p.origin) for p in pings]


def stored_shifts(db: Database) -> list[tuple[datetime, datetime | None, str]]:
    with db.read() as session:
        shifts = session.exec(select(Shift).order_by(col(Shift.start_utc))).all()
        return [(s.start_utc, s.end_utc, s.origin) for s in shifts]


# --- reading the file --------------------------------------------------------------------


def test_the_columns_of_a_listing_are_read_and_its_worked_out_ones_ignored(tmp_path: Path) -> None:
    text = (
        "id,at,source,minutes,after_hours,on_call,judged,zone,note,origin\n"
        "7,2026-03-10T21:00:00+01:00,slack,5,true,false,true,Europe/Berlin,urgent?,cli\n"
        "8,2026-03-11T09:30,Email,,false,false,true,America/New_York,,tray\n"
    )
    first, second = pings_of(tmp_path, text)
    assert first == PingDraft(2, utc(2026, 3, 10, 20), BERLIN, "slack", 5, "urgent?")
    # No offset: wall-clock time in the row's zone; the source as typed by hand, lowercased.
    assert second == PingDraft(3, utc(2026, 3, 11, 13, 30), "America/New_York", "email", 0, None)


def test_a_time_without_offset_or_zone_is_read_in_the_users_zone(tmp_path: Path) -> None:
    rows = read_csv(
        csv_file(tmp_path, "at,source\n2026-03-10 21:00,phone\n"), "in.csv", "pings", NOW, BERLIN
    )
    assert rows.used_default_zone and rows.pings[0].at == utc(2026, 3, 10, 20)
    offset = read_csv(
        csv_file(tmp_path, "at,source\n2026-03-10T21:00Z,phone\n"), "in.csv", "pings", NOW, BERLIN
    )
    assert not offset.used_default_zone


def test_a_time_the_clocks_repeat_is_its_first_occurrence_and_one_they_skip_is_refused(
    tmp_path: Path,
) -> None:
    [ping] = pings_of(tmp_path, "at,source\n2026-10-25T02:30,slack\n")
    assert ping.at == utc(2026, 10, 25, 0, 30)  # 02:30 CEST, before the clocks go back
    message = refusal(tmp_path, "at,source\n2026-03-29T02:30,slack\n")
    assert message == (
        'in.csv: row 2, column "at": 2026-03-29 02:30 does not exist in Europe/Berlin '
        "(the clocks skip it)"
    )


def test_a_spreadsheets_csv_is_read_bom_crlf_semicolons_and_blank_rows(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(
        b"\xef\xbb\xbfStart;End;Note\r\n2026-03-10T09:00;2026-03-10T17:00;"
        b'"long\r\nday"\r\n;;\r\n\r\n'
    )
    [shift] = read_csv(path, "excel.csv", "shifts", NOW, BERLIN).shifts
    assert shift == ShiftDraft(2, utc(2026, 3, 10, 8), utc(2026, 3, 10, 16), BERLIN, "long\r\nday")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "at,source\n2026-13-01T10:00,slack\n",
            "column \"at\": '2026-13-01T10:00' is not a date "
            "and time in ISO 8601 form (like 2026-03-10T21:30 or 2026-03-10T21:30:00+01:00)",
        ),
        ("at,source\n2026-03-01,slack\n", "column \"at\": '2026-03-01' is not a date and time"),
        (
            "at,source\n2026-11-16T10:00Z,slack\n",
            'column "at": 2026-11-16 10:00 UTC is in the future',
        ),
        ("at,source\n1969-12-31T10:00Z,slack\n", 'column "at": 1969-12-31 is not between 1970'),
        (
            "at,source\n0001-01-01T00:00+14:00,slack\n",
            "column \"at\": '0001-01-01T00:00+14:00' is not between 1970 and ten years from now",
        ),
        (
            "at,source\n2026-03-01T10:00,Social DM\n",
            "column \"source\": 'Social DM' is not a source",
        ),
        ("at,source\n2026-03-01T10:00,\n", 'column "source": is empty'),
        (
            "at,source,minutes\n2026-03-01T10:00,slack,1441\n",
            'column "minutes": must be between 0 and 1440, got 1441',
        ),
        (
            "at,source,minutes\n2026-03-01T10:00,slack,2.5\n",
            "column \"minutes\": must be a whole number of minutes, got '2.5'",
        ),
        (
            "at,source,zone\n2026-03-01T10:00,slack,Mars/Base\n",
            "column \"zone\": 'Mars/Base' is not a time zone",
        ),
        (
            "at,source,note\n2026-03-01T10:00,slack," + "x" * 2001 + "\n",
            'column "note": is 2001 characters long; the limit is 2000',
        ),
    ],
)
def test_each_value_is_checked_as_when_logged_by_hand(
    tmp_path: Path, text: str, message: str
) -> None:
    assert refusal(tmp_path, text).startswith(f"in.csv: row 2, {message}")


def test_a_shift_ends_after_it_starts_and_an_empty_end_is_a_running_one(tmp_path: Path) -> None:
    message = refusal(tmp_path, "start,end\n2026-03-10T17:00,2026-03-10T09:00\n", "shifts")
    assert message == 'in.csv: row 2, column "end": must come after the start'
    [running] = shifts_of(tmp_path, "start,end\n2026-03-10T09:00,\n")
    assert running.end is None


def test_the_first_problem_is_said_with_how_many_more_there_are(tmp_path: Path) -> None:
    text = "at,source\n2026-03-01T10:00,slack\n\n2026-03-01T11:00,nope!\nlater,slack\nx,y\n"
    assert refusal(tmp_path, text).startswith(
        "in.csv: row 4, column \"source\": 'nope!' is not a source"
    )
    assert refusal(tmp_path, text).endswith("(and 2 more problems in later rows)")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "at,source,colour\n",
            'in.csv: row 1: an unknown column "colour"; the columns of '
            "pings are at, source, minutes, note, zone (id, after_hours, on_call, judged, origin "
            "are accepted and ignored)",
        ),
        ("at,source,a,b\n", 'in.csv: row 1: unknown columns "a", "b"'),
        ("at,minutes\n", "in.csv: row 1: has no 'source' column"),
        ("at,source,At\n", 'in.csv: row 1: names the column "at" twice'),
        (
            "2026-03-01T10:00,slack\n",
            "in.csv: row 1: does not name the columns; the first row "
            "must hold at, source, minutes, note, zone",
        ),
        (
            "at,source\n2026-03-01T10:00,slack,5\n",
            "in.csv: row 2: has 3 values but row 1 names 2 columns",
        ),
        (
            "at,source,\n2026-03-01T10:00,slack,5\n",
            "in.csv: row 2, column 3: holds '5' but row 1 gives the column no name",
        ),
        ('at,source\n2026-03-01T10:00,"sla"ck\n', "in.csv: row 2: cannot be read as CSV"),
        ("at,source\n2026-03-01T10:00,\x00\n", "in.csv: holds NUL bytes"),
        ("", "in.csv: is empty; the first row must name the columns"),
        ("\r\n \n", "in.csv: is empty"),
        (
            'at,source\n1,"' + "x" * 140_000 + '"\n',
            "in.csv: row 2: holds a value longer than 131,072 characters",
        ),
    ],
)
def test_a_file_that_is_not_a_csv_of_pings_is_refused_in_one_line(
    tmp_path: Path, text: str, message: str
) -> None:
    said = refusal(tmp_path, text)
    assert said.startswith(message) and "\n" not in said


def test_a_header_alone_holds_no_rows_and_blank_rows_are_passed_over(tmp_path: Path) -> None:
    assert pings_of(tmp_path, "at,source\n") == []
    assert pings_of(tmp_path, "at,source\n,\n\n , \n") == []


def test_more_rows_than_the_limit_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csv_rows, "MAX_ROWS", 3)
    text = "at,source\n" + "2026-03-01T10:00,slack\n" * 4
    assert refusal(tmp_path, text) == "in.csv: has more than 3 rows; split it into smaller files"


# --- into the store ----------------------------------------------------------------------


def test_new_pings_are_added_as_given_with_origin_import_and_judged(
    db: Database, tmp_path: Path
) -> None:
    weekdays_9_to_5(db)
    text = "at,source,minutes,note\n2026-03-10T10:00,slack,5,\n2026-03-10T21:00,teams,0,late\n"
    report = run(db, tmp_path, text, "pings")
    assert [(a.row, a.record.id) for a in report.added] == [(2, 1), (3, 2)]
    assert report.skipped == [] and not report.dry_run
    with db.read() as session:
        listed = list_pings(session, *EVER)
    assert [a.record for a in report.added] == listed  # as 'list pings' shows them
    assert [(p.origin, p.after_hours, p.note) for p in listed] == [
        ("import", False, None),
        ("import", True, "late"),
    ]


def test_pings_already_stored_or_repeated_in_the_file_are_skipped(
    db: Database, tmp_path: Path
) -> None:
    with db.write() as session:  # captured with its microseconds; listings show whole seconds
        log_ping(
            session, at=utc(2026, 3, 10, 20, 0, 0, 400_000), now=NOW, zone=BERLIN, source="slack"
        )
    text = (
        "at,source\n2026-03-10T21:00:00+01:00,slack\n2026-03-10T21:00,teams\n"
        "2026-03-10T20:00Z,TEAMS\n2026-03-10T21:01,slack\n"
    )
    report = run(db, tmp_path, text, "pings")
    assert [a.row for a in report.added] == [3, 5]
    assert [(s.row, s.reason) for s in report.skipped] == [
        (2, "already present"),
        (4, "same as row 3"),
    ]
    assert len(stored_pings(db)) == 3
    again = run(db, tmp_path, text, "pings")
    assert again.added == [] and [s.reason for s in again.skipped] == ["already present"] * 4


def test_one_bad_row_means_nothing_is_written(db: Database, tmp_path: Path) -> None:
    text = "at,source\n" + "2026-03-10T10:00,slack\n" * 50 + "2026-03-10T10:00,bad source\n"
    with pytest.raises(ValidationError, match='row 52, column "source"'):
        run(db, tmp_path, text, "pings")
    assert stored_pings(db) == []


def test_a_dry_run_writes_nothing_and_reports_what_would_be_added(
    db: Database, tmp_path: Path
) -> None:
    weekdays_9_to_5(db)
    report = run(db, tmp_path, "at,source\n2026-03-10T21:00,slack\n", "pings", dry_run=True)
    [added] = report.added
    assert isinstance(added.record, PingRow)
    assert (added.row, added.record.id, added.record.after_hours) == (2, 0, True)
    assert report.dry_run and stored_pings(db) == []


def test_an_import_adds_beside_a_counted_contact_and_never_joins_it(
    db: Database, tmp_path: Path
) -> None:
    with db.write() as session:
        log_ping(
            session,
            at=utc(2026, 3, 10, 20),
            now=NOW,
            zone=BERLIN,
            source="slack",
            origin=Origin.CAPTURE,
        )
    run(db, tmp_path, "at,source,minutes\n2026-03-10T21:02,slack,10\n", "pings")
    assert [(p[2], p[4]) for p in stored_pings(db)] == [(0, "capture"), (10, "import")]


def test_new_shifts_are_added_and_the_same_shift_is_skipped(db: Database, tmp_path: Path) -> None:
    with db.write() as session:
        add_shift(
            session, start=utc(2026, 3, 10, 8), end=utc(2026, 3, 10, 16), now=NOW, zone=BERLIN
        )
    text = (
        "id,start,end,hours,zone,note,origin\n"
        "1,2026-03-10T09:00:00+01:00,2026-03-10T17:00:00+01:00,8.0,Europe/Berlin,,cli\n"
        "2,2026-03-11T22:00,2026-03-12T06:00,8.0,,night,cli\n"
        "3,2026-03-11T22:00,2026-03-12T06:00,8.0,,night,cli\n"
        "4,2026-03-13T09:00,,,,,cli\n"
    )
    report = run(db, tmp_path, text, "shifts")
    [added] = report.added
    assert added.record == ShiftRow(
        2, utc(2026, 3, 11, 21), utc(2026, 3, 12, 5), BERLIN, "night", "import"
    )
    assert [(s.row, s.reason) for s in report.skipped] == [
        (2, "already present"),
        (4, "same as row 3"),
        (5, "still running (no end)"),
    ]
    assert [s[2] for s in stored_shifts(db)] == ["tray", "import"]


def test_a_shift_overlapping_a_stored_one_or_another_row_is_refused(
    db: Database, tmp_path: Path
) -> None:
    with db.write() as session:
        add_shift(
            session, start=utc(2026, 3, 10, 8), end=utc(2026, 3, 10, 16), now=NOW, zone=BERLIN
        )
    with pytest.raises(ValidationError) as caught:
        run(db, tmp_path, "start,end\n2026-03-10T09:00,2026-03-10T18:00\n", "shifts")
    assert str(caught.value) == (
        'in.csv: row 2, column "start": overlaps the shift from 2026-03-10 09:00 to 17:00'
    )
    text = (
        "start,end\n2026-03-11T12:00,2026-03-11T20:00\n2026-03-12T09:00,2026-03-12T10:00\n"
        "2026-03-11T08:00,2026-03-11T13:00\n"
    )
    with pytest.raises(ValidationError) as caught:
        run(db, tmp_path, text, "shifts")
    assert str(caught.value) == (
        'in.csv: row 4, column "start": overlaps the shift from 2026-03-11 12:00 to 20:00 in row 2'
    )
    assert len(stored_shifts(db)) == 1


def test_a_shift_reaching_into_the_running_one_is_refused(db: Database, tmp_path: Path) -> None:
    with db.write() as session:
        start_shift(session, at=utc(2026, 11, 15, 8), now=NOW, zone=BERLIN)
    text = "start,end\n2026-11-14T09:00,2026-11-14T17:00\n2026-11-15T08:00,2026-11-15T10:00\n"
    with pytest.raises(
        ValidationError,
        match='row 3, column "start": overlaps the shift from 2026-11-15 09:00 to now',
    ):
        run(db, tmp_path, text, "shifts")
    assert len(stored_shifts(db)) == 1
