"""The operation runner: a store that is not ready and a refused action each become a message,
and every run, whatever happens, ends in exactly one "state changed" signal."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from wellbeing_app.core.errors import ConflictError
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.time.clock import FixedClock
from wellbeing_app.ui.operation import NOT_READY_TEXT, NOT_READY_TITLE, Operations

pytestmark = pytest.mark.gui


class Said:
    """Stands in for ``say``: keeps what would have been told to the user."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []

    def __call__(self, title: str, text: str) -> None:
        self.messages.append((title, text))


@pytest.fixture
def said() -> Said:
    return Said()


@pytest.fixture
def operations(qtbot: QtBot, said: Said) -> Operations:
    return Operations(said)


def count_changes(operations: Operations) -> list[None]:
    changes: list[None] = []
    operations.state_changed.connect(lambda: changes.append(None))
    return changes


def test_a_store_that_is_not_ready_is_said_and_nothing_runs(operations, said) -> None:
    changes = count_changes(operations)
    ran: list[object] = []
    done: list[object] = []
    result = operations.run(ran.append, on_done=done.append, failure_title="Shift not started")
    assert result is None
    assert ran == [] and done == []
    assert said.messages == [(NOT_READY_TITLE, NOT_READY_TEXT)]
    assert len(changes) == 1
    assert not operations.ready


def test_a_refusal_is_said_under_the_failure_title(operations, said, db, clock) -> None:
    journal = Journal(db, clock)
    operations.open(journal)
    journal.start_shift()
    changes = count_changes(operations)
    done: list[object] = []
    result = operations.run(
        lambda j: j.start_shift(), on_done=done.append, failure_title="Shift not started"
    )
    assert result is None and done == []
    [(title, text)] = said.messages
    assert title == "Shift not started" and "already" in text
    assert len(changes) == 1


def test_a_run_returns_the_result_and_hands_it_on(operations, said, db, clock) -> None:
    operations.open(Journal(db, clock))
    changes = count_changes(operations)
    done: list[object] = []
    shift = operations.run(lambda j: j.start_shift(), on_done=done.append)
    assert shift is not None and done == [shift]
    assert said.messages == []
    assert len(changes) == 1


def test_changed_is_signalled_after_on_done(operations, db, clock: FixedClock) -> None:
    operations.open(Journal(db, clock))
    order: list[str] = []
    operations.state_changed.connect(lambda: order.append("changed"))
    operations.run(lambda j: j.log_ping("slack"), on_done=lambda _: order.append("done"))
    assert order == ["done", "changed"]


def test_an_unexpected_error_still_ends_in_changed(operations, db, clock) -> None:
    operations.open(Journal(db, clock))
    changes = count_changes(operations)

    def broken(_journal: Journal) -> None:
        raise RuntimeError("a bug, not a refusal")

    with pytest.raises(RuntimeError):
        operations.run(broken)
    assert len(changes) == 1


def test_a_closed_store_is_not_ready_again(operations, said, db, clock) -> None:
    operations.open(Journal(db, clock))
    operations.close()
    operations.run(lambda j: j.log_ping("slack"))
    assert said.messages == [(NOT_READY_TITLE, NOT_READY_TEXT)]


def test_a_domain_error_type_is_what_turns_into_a_message(operations, said, db, clock) -> None:
    operations.open(Journal(db, clock))

    def refuse(_journal: Journal) -> None:
        raise ConflictError("A shift is already running.")

    operations.run(refuse, failure_title="Not done")
    assert said.messages == [("Not done", "A shift is already running.")]
