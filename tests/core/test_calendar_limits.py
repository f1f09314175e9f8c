"""The edges of reading a calendar: zones (Windows names, floating times, X-WR-TIMEZONE), events
without an end or a start, and the bounds that keep a broken or hostile file from hanging us:
size, pipes and devices, encodings, nesting, rules that repeat too often or never, too many
occurrences. Every refusal is one ValidationError line, never a traceback."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.imports.calendar_file import CalendarRead, parse_calendar, read_calendar

EXCHANGE_ZONE = """BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE
"""


def event(*lines: str) -> str:
    return "BEGIN:VEVENT\n" + "".join(f"{line}\n" for line in lines) + "END:VEVENT\n"


def calendar(*parts: str) -> str:
    text = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//tests//EN\n" + "".join(parts)
    return (text + "END:VCALENDAR\n").replace("\n", "\r\n")


def parse(
    text: str,
    first: date = date(2026, 3, 27),
    last: date | None = None,
    zone: str = "Europe/Warsaw",
    match: str | None = None,
) -> CalendarRead:
    return parse_calendar(text, "cal.ics", first=first, last=last or first, zone=zone, match=match)


def refusal(text: str, last: date | None = None) -> str:
    with pytest.raises(ValidationError) as caught:
        parse(text, last=last)
    assert caught.value.field == "cal.ics" and "\n" not in caught.value.message
    return caught.value.message


NIGHT = ("UID:night", "SUMMARY:Night", "RRULE:FREQ=DAILY")


def test_a_windows_zone_name_is_read_from_the_files_own_vtimezone_or_mapped() -> None:
    in_zone = (
        "DTSTART;TZID=W. Europe Standard Time:20260327T220000",
        "DTEND;TZID=W. Europe Standard Time:20260328T060000",
    )
    for text in (
        calendar(EXCHANGE_ZONE, event(*NIGHT, *in_zone)),
        calendar(event(*NIGHT, *in_zone)),
    ):
        nights = parse(text, last=date(2026, 3, 28)).events
        assert [(e.start.isoformat(), e.duration) for e in nights] == [
            ("2026-03-27T22:00:00+01:00", timedelta(hours=8)),
            ("2026-03-28T22:00:00+01:00", timedelta(hours=7)),
        ]


def test_one_files_zone_definitions_do_not_leak_into_the_next() -> None:
    def custom(offset: str) -> str:
        zone = (
            f"BEGIN:VTIMEZONE\nTZID:Customized Time Zone\nBEGIN:STANDARD\n"
            f"DTSTART:16010101T000000\nTZOFFSETFROM:{offset}\nTZOFFSETTO:{offset}\n"
            f"END:STANDARD\nEND:VTIMEZONE\n"
        )
        return calendar(
            zone,
            event("UID:a", "DTSTART;TZID=Customized Time Zone:20260327T100000", "DURATION:PT1H"),
        )

    assert parse(custom("+0500")).events[0].start.isoformat() == "2026-03-27T10:00:00+05:00"
    assert parse(custom("+0300")).events[0].start.isoformat() == "2026-03-27T10:00:00+03:00"


def test_floating_times_are_read_in_the_zone_asked_for() -> None:
    text = calendar(event(*NIGHT, "DTSTART:20260328T220000", "DTEND:20260329T060000"))
    (night,) = parse(text, first=date(2026, 3, 28)).events
    assert night.start.isoformat() == "2026-03-28T22:00:00+01:00"
    assert night.end.isoformat() == "2026-03-29T06:00:00+02:00"
    assert night.duration == timedelta(hours=7)
    (in_lisbon,) = parse(text, first=date(2026, 3, 28), zone="Europe/Lisbon").events
    assert in_lisbon.start.isoformat() == "2026-03-28T22:00:00+00:00"


def test_x_wr_timezone_places_floating_and_utc_times_and_may_be_a_windows_name() -> None:
    for name in ("Europe/Warsaw", "Central European Standard Time"):
        text = calendar(
            f"X-WR-TIMEZONE:{name}\n",
            event("UID:a", "DTSTART:20260327T100000", "DURATION:PT1H"),
            event("UID:b", "DTSTART:20260327T100000Z", "DURATION:PT1H"),
        )
        got = parse(text, zone="Asia/Tokyo").events
        assert [e.start.isoformat() for e in got] == [
            "2026-03-27T10:00:00+01:00",
            "2026-03-27T11:00:00+01:00",
        ]
    unknown = calendar(
        "X-WR-TIMEZONE:Mars/Olympus\n", event("UID:a", "DTSTART:20260327T100000", "DURATION:PT1H")
    )
    assert parse(unknown).events[0].start.isoformat() == "2026-03-27T10:00:00+01:00"


def test_events_without_an_end_follow_rfc_5545() -> None:
    text = calendar(
        event("UID:day", "DTSTART;VALUE=DATE:20260327"),
        event("UID:same-day", "DTSTART;VALUE=DATE:20260327", "DTEND;VALUE=DATE:20260327"),
        event("UID:moment", "DTSTART:20260327T090000"),
        event("UID:lasting", "DTSTART:20260327T090000", "DURATION:PT90M"),
        event("UID:no-start", "SUMMARY:When?"),
        event("UID:backwards", "DTSTART:20260327T090000", "DTEND:20260327T080000"),
        event("UID:fortnight", "DTSTART:20260327T090000", "DURATION:P15D"),
        event("UID:holiday", "DTSTART;VALUE=DATE:20260327", "DTEND;VALUE=DATE:20260417"),
    )
    read = parse(text)
    assert {e.uid: (e.last_day - e.first_day).days for e in read.events} == {
        "day": 0,
        "same-day": 0,
        "lasting": 0,
        "holiday": 20,
    }
    assert read.skipped == {
        "no length": 1,
        "no start time": 1,
        "ends before it starts": 1,
        "longer than 14 days": 1,
    }


def test_an_empty_calendar_has_no_events() -> None:
    read = parse(calendar())
    assert (read.calendar_name, read.events, read.skipped) == (None, [], {})


def test_an_event_without_uid_gets_one_that_stays_the_same() -> None:
    text = calendar(event("DTSTART:20260327T090000", "DURATION:PT1H", "SUMMARY:No id"))
    first, again = parse(text).events[0], parse(text).events[0]
    assert first.uid.startswith("no-uid-") and first.uid == again.uid


def test_an_event_held_twice_keeps_the_newest_copy() -> None:
    text = calendar(
        event("UID:a", "DTSTART:20260327T090000", "DURATION:PT1H"),
        event("UID:a", "DTSTART:20260327T120000", "DURATION:PT1H"),
        event("UID:b", "SEQUENCE:1", "DTSTART:20260327T090000", "DURATION:PT1H"),
        event("UID:b", "SEQUENCE:2", "DTSTART:20260327T150000", "DURATION:PT1H"),
    )
    read = parse(text)
    assert [(e.uid, e.start.hour) for e in read.events] == [("a", 9), ("b", 15)]
    assert read.skipped == {"same UID as another event": 2}
    twice = calendar(*[event("UID:e", "DTSTART:20260327T090000", "DURATION:PT1H")] * 2)
    assert parse(twice).skipped == {"same UID as another event": 1}


def test_a_file_of_two_calendars_reads_both() -> None:
    first = calendar(event("UID:a", "DTSTART:20260327T120000", "DURATION:PT1H"))
    second = calendar(
        "X-WR-CALNAME:Rota\n", event("UID:b", "DTSTART:20260327T090000", "DURATION:PT1H")
    )
    read = parse(first + second)
    assert [e.uid for e in read.events] == ["b", "a"]
    assert read.calendar_name == "Rota"


def test_the_dates_and_zone_asked_for_are_checked() -> None:
    with pytest.raises(ValidationError) as caught:
        parse(calendar(), first=date(2026, 3, 2), last=date(2026, 3, 1))
    assert caught.value.field == "--to"
    with pytest.raises(ValidationError) as caught:
        parse(calendar(), zone="Mars/Olympus")
    assert caught.value.field == "zone"


def read_file(path: Path) -> CalendarRead:
    return read_calendar(
        path,
        "cal.ics",
        first=date(2026, 3, 27),
        last=date(2026, 3, 27),
        zone="Europe/Warsaw",
        match=None,
    )


def file_refusal(path: Path) -> str:
    with pytest.raises(ValidationError) as caught:
        read_file(path)
    return caught.value.message


def test_only_regular_utf8_files_of_at_most_10_mb_are_read(tmp_path: Path) -> None:
    big = tmp_path / "big.ics"
    with big.open("wb") as out:
        out.truncate(10 * 1024 * 1024 + 1)
    assert "larger than 10 MB" in file_refusal(big)
    pipe = tmp_path / "pipe.ics"
    os.mkfifo(pipe)
    assert "not a regular file" in file_refusal(pipe)
    assert "not a regular file" in file_refusal(Path("/dev/zero"))
    assert "is a folder" in file_refusal(tmp_path)
    latin = tmp_path / "latin.ics"
    latin.write_bytes(
        calendar(event("UID:a", "SUMMARY:Café", "DTSTART:20260327T090000", "DURATION:PT1H")).encode(
            "latin-1"
        )
    )
    assert "not UTF-8" in file_refusal(latin)
    good = tmp_path / "good.ics"
    good.write_bytes(b"\xef\xbb\xbf" + latin.read_bytes().decode("latin-1").encode())
    assert [e.summary for e in read_file(good).events] == ["Café"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "no BEGIN:VCALENDAR"),
        ("Hello, this is a letter.\n", "no BEGIN:VCALENDAR"),
        ("\x00\x01\x02garbage\xff", "no BEGIN:VCALENDAR"),
        ("BEGIN:VCARD\nFN:Ada\nEND:VCARD\n", "begins VCARD"),
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\n", "never ends"),
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\nEND:VCALENDAR\n", "line 3 ends VTODO"),
        ("END:VCALENDAR\n", "never begun"),
        (calendar("this is not a line\n"), "cannot be read as a calendar"),
        ("BEGIN:VCALENDAR\nRRULE:%n;BYMONTH=\nEND:VCALENDAR\n", "cannot be read as a calendar"),
        (calendar(event("UID:a", "DTSTART:20269999T000000")), "unreadable DTSTART"),
        (calendar(event("UID:a", "DTSTART;;VALUE=DATE-TIME:20260327T090000")), "cannot be read"),
        (calendar(event("UID:a", "DTSTART;VALUE=TIME:090000")), "not a day or a time"),
        (calendar(event("UID:a", "DTSTART:20260327T090000", "RRULE:FREQ=SOMETIMES")), "RRULE"),
        (
            calendar(event("UID:a", "DTSTART:20260327T090000", "RRULE:FREQ=DAILY;INTERVAL=0")),
            "INTERVAL=0",
        ),
        ("BEGIN:VCALENDAR\nCALSCALE:JULIAN\nEND:VCALENDAR\n", "Gregorian"),
    ],
)
def test_what_is_not_a_readable_calendar_is_refused_in_one_line(text: str, words: str) -> None:
    assert words in refusal(text)


def test_blocks_nested_too_deep_are_refused_before_parsing() -> None:
    assert "more than 8 deep" in refusal(
        "BEGIN:VCALENDAR\n" + "BEGIN:X\n" * 8 + "END:X\n" * 8 + "END:VCALENDAR\n"
    )
    assert "more than 8 deep" in refusal("BEGIN:VCALENDAR\n" + "BEGIN:VEVENT\n" * 200_000)
    alarm = calendar(
        event(
            "UID:a",
            "DTSTART:20260327T090000",
            "DURATION:PT1H",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "TRIGGER:-PT5M",
            "END:VALARM",
        )
    )
    assert len(parse(alarm).events) == 1


def test_a_rule_every_second_stops_at_the_occurrence_cap() -> None:
    every_second = event(
        "UID:s",
        "SUMMARY:Tick",
        "DTSTART;TZID=Europe/Warsaw:20260327T000000",
        "DURATION:PT1S",
        "RRULE:FREQ=SECONDLY",
    )
    words = refusal(calendar(every_second))
    assert "more than 5,000 events" in words and "--match" in words and "--from/--to" in words
    other = event("UID:o", "SUMMARY:Shift", "DTSTART:20260327T090000", "DURATION:PT8H")
    read = parse(calendar(every_second, other), match="shift")
    assert [e.uid for e in read.events] == ["o"] and read.skipped == {"did not match --match": 1}


def test_a_dense_rule_begun_long_ago_is_refused_before_it_runs() -> None:
    since_2020 = event(
        "UID:s", "SUMMARY:Tick", "DTSTART:20200101T000000", "DURATION:PT1S", "RRULE:FREQ=SECONDLY"
    )
    assert "'Tick' repeats too often (FREQ=SECONDLY)" in refusal(calendar(since_2020))
    a_month_of_minutes = event(
        "UID:m", "DTSTART:20260301T000000", "DURATION:PT1M", "RRULE:FREQ=MINUTELY"
    )
    words = refusal(calendar(a_month_of_minutes), last=date(2026, 4, 3))
    assert "more than 5,000 events from 2026-03-27 to 2026-04-03" in words
    daily_since_1970 = event(
        "UID:d", "DTSTART:19700101T090000", "DURATION:PT1H", "RRULE:FREQ=DAILY"
    )
    assert len(parse(calendar(daily_since_1970)).events) == 1


def test_too_many_single_events_hit_the_cap_too() -> None:
    many = [
        event(
            f"UID:{n}",
            "SUMMARY:Post",
            f"DTSTART:20260327T{n // 3600 % 24:02d}{n // 60 % 60:02d}{n % 60:02d}",
            "DURATION:PT1S",
        )
        for n in range(5_001)
    ]
    assert "more than 5,000 events" in refusal(calendar(*many))


def test_a_rule_that_matches_no_day_leaves_just_its_start() -> None:
    def never(uid: str) -> str:
        return event(
            f"UID:{uid}",
            "DTSTART:20260327T090000",
            "DURATION:PT1H",
            "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
        )

    read = parse(calendar(never("a")), last=date(2026, 4, 30))
    assert [(e.uid, e.first_day) for e in read.events] == [("a", date(2026, 3, 27))]
    assert "match no day at all" in refusal(calendar(*(never(str(n)) for n in range(6))))


def test_a_5_mb_calendar_is_read() -> None:
    parts = []
    for n in range(14_000):
        day = date(2026, 1, 1) + timedelta(days=n % 365)
        parts.append(
            event(
                f"UID:{n}@example.com",
                f"SUMMARY:Meeting {n}",
                f"DTSTART;TZID=Europe/Warsaw:{day:%Y%m%d}T{9 + n % 8:02d}0000",
                "DURATION:PT30M",
                "DESCRIPTION:" + "x" * 220,
            )
        )
    text = calendar(*parts)
    assert 5_000_000 < len(text) < 6_000_000
    in_march = [n for n in range(14_000) if 59 <= n % 365 <= 89]
    read = parse(text, first=date(2026, 3, 1), last=date(2026, 3, 31))
    assert len(read.events) == len(in_march) == 31 * 39
    matching = [n for n in in_march if str(n).startswith("1")]
    read = parse(text, first=date(2026, 3, 1), last=date(2026, 3, 31), match="meeting 1")
    assert len(read.events) == len(matching)
