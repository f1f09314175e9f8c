"""The core's messages that name command-line options, said in the window's words: in English as
before, and in any other language (here the pseudo-locale, which changes every string) by
matching the core's words as that language says them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.imports.calendar_batches import ALL_DAY_AS_ROTA
from wellbeing_app.core.imports.calendar_file import SKIP_CANCELLED, SKIP_NO_MATCH
from wellbeing_app.core.imports.calendar_limits import too_many_events
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.language import _, use_language
from wellbeing_app.core.language.pseudo import pseudo
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.time.clock import FixedClock
from wellbeing_app.ui.app_words import REWORDED, app_error, in_app_words, pattern, skip_reason

FIRST, LAST = date(2026, 1, 1), date(2026, 12, 31)


@pytest.fixture(autouse=True)
def english_again() -> Iterator[None]:
    yield
    use_language("en")


def overlap(db: Database, clock: FixedClock) -> ValidationError:
    """The core's refusal of a rota window over another."""
    journal = Journal(db, clock)
    journal.rota.add(date(2026, 11, 20), 22 * 60, 6 * 60)
    with pytest.raises(ValidationError) as refused:
        journal.rota.add(date(2026, 11, 21), 5 * 60, 9 * 60)
    return refused.value


def test_english_says_the_windows_labels() -> None:
    assert skip_reason(SKIP_NO_MATCH) == "did not contain the text asked for"
    assert skip_reason(ALL_DAY_AS_ROTA) == (
        "all-day event (no working hours; import it as days off or on call)"
    )
    assert skip_reason(SKIP_CANCELLED) == "cancelled"
    assert in_app_words(too_many_events(FIRST, LAST)) == (
        "has more than 5,000 events from 2026-01-01 to 2026-12-31; narrow From and To or use "
        "Only events containing"
    )
    refused = ValidationError("--to", "2026-01-01 is before --from 2026-02-01")
    assert app_error(refused) == "To: 2026-01-01 is before --from 2026-02-01"
    assert app_error(ValidationError("a.ics", "is empty"), "a.ics") == "a.ics is empty"


def test_a_placeholder_is_put_back_where_the_windows_words_have_it(
    db: Database, clock: FixedClock
) -> None:
    assert in_app_words(overlap(db, clock).message) == (
        "overlaps the rota window of 2026-11-20 (clear that day first)"
    )
    found = pattern("{a} and {b}, {a} again").fullmatch("x y and z, x y again")
    assert found is not None and found.groupdict() == {"a": "x y", "b": "z"}


def test_any_language_is_matched_as_it_says_the_cores_words(
    db: Database, clock: FixedClock
) -> None:
    use_language("pseudo")
    assert skip_reason(SKIP_NO_MATCH) == pseudo("did not contain the text asked for")
    narrowed = in_app_words(too_many_events(FIRST, LAST))
    assert pseudo("narrow From and To or use Only events containing") in narrowed
    assert _("narrow --from/--to or use --match") not in narrowed
    assert in_app_words(overlap(db, clock).message) == pseudo(
        "overlaps the rota window of {day} (clear that day first)"
    ).format(day="2026-11-20")


def test_every_core_template_has_text_around_its_placeholders() -> None:
    """A template starting with a placeholder would take in whatever came before it."""
    for core, app in REWORDED:
        assert not core.startswith("{") and not core.endswith("}"), core
        assert set(pattern(core).groupindex) == set(pattern(app).groupindex), core
