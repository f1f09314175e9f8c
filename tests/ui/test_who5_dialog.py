"""The WHO-5 dialog: every statement needs an answer; after Save it shows the score, kindly."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.reflection.who5 import WHO5_ANSWERS, WHO5_ITEMS, Who5Result, who5_score
from wellbeing_app.ui import discard
from wellbeing_app.ui.who5_dialog import CREDIT, INSTRUCTION, Who5Dialog

Answers = tuple[int, ...]


@pytest.fixture
def saved() -> list[Answers]:
    return []


@pytest.fixture
def make(qtbot: QtBot, saved: list[Answers]) -> Callable[..., Who5Dialog]:
    def build(previous_score: int | None = None) -> Who5Dialog:
        def save(answers: Answers) -> Who5Result:
            saved.append(answers)
            return who5_score(answers, previous_score)

        dialog = Who5Dialog(save, previous_score)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return build


def answer(dialog: Who5Dialog, answers: tuple[int | None, ...]) -> None:
    for group, value in zip(dialog.items, answers, strict=True):
        if value is not None:
            group.button(value).setChecked(True)


def texts(dialog: Who5Dialog) -> list[str]:
    """The labels shown, as read (a statement's "&1." shows as an underlined 1.)."""
    return [
        label.text().replace("&", "")
        for label in dialog.findChildren(QLabel)
        if label.isVisibleTo(dialog)
    ]


def test_the_form_shows_the_five_items_the_instruction_and_the_credit(make) -> None:
    dialog = make()
    shown = texts(dialog)
    assert INSTRUCTION in shown
    assert CREDIT in shown
    assert "WHO Collaborating Centre in Mental Health" in CREDIT
    for number, statement in enumerate(WHO5_ITEMS, start=1):
        assert f"{number}. {statement}" in shown
    for label in WHO5_ANSWERS:
        assert any(text.startswith(label) for text in shown)
    assert [len(group.buttons()) for group in dialog.items] == [6] * 5


@pytest.mark.parametrize(
    ("answers", "score", "note"),
    [
        ((5, 5, 5, 5, 5), 100, "Thank you for checking in."),
        ((0, 0, 0, 0, 0), 0, "Your score is below 50 and at least one answer was 0 or 1:"),
        ((3, 3, 2, 2, 3), 52, "Thank you for checking in."),  # just above the line
        ((3, 2, 2, 2, 3), 48, "Your score is below 50:"),  # just below it
        # A high score, but one item at "some of the time": never "below 50" for 84.
        ((5, 5, 5, 5, 1), 84, "At least one of your answers was 0 or 1"),
    ],
)
def test_the_score_is_shown_after_saving(
    make, saved: list[Answers], answers: Answers, score: int, note: str
) -> None:
    dialog = make()
    answer(dialog, answers)
    dialog.accept()
    assert saved == [answers]
    assert dialog.isVisible()  # the result view, not a closed window
    assert dialog.pages.currentIndex() == 1
    assert dialog.score.text() == f"Your score: {score} / 100"
    assert dialog.note.text().startswith(note)
    assert ("below 50" in dialog.note.text()) is (score < 50)
    assert not dialog.change.isVisibleTo(dialog)
    assert CREDIT in texts(dialog)
    assert dialog.outcome == who5_score(answers)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Close).click()
    assert dialog.result() == Who5Dialog.DialogCode.Accepted
    assert saved == [answers]  # closing does not save twice


@pytest.mark.parametrize(
    ("previous", "shown"),
    [
        (52, "That is 12 points higher than your last check."),
        (76, "That is 12 points lower than your last check."),
        (54, "That is 10 points higher than your last check."),  # 10 is notable, 9 is not
        (55, None),
        (70, None),
    ],
)
def test_a_notable_change_is_pointed_out(make, previous: int, shown: str | None) -> None:
    dialog = make(previous_score=previous)
    assert f"Your last score was {previous} / 100." in texts(dialog)
    answer(dialog, (4, 3, 3, 3, 3))  # 64
    dialog.accept()
    if shown is None:
        assert not dialog.change.isVisibleTo(dialog)
    else:
        assert dialog.change.isVisibleTo(dialog)
        assert dialog.change.text() == shown


def test_an_unanswered_item_is_named_and_the_others_are_kept(make, saved, qtbot: QtBot) -> None:
    dialog = make()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    answer(dialog, (4, 4, None, 2, 1))
    dialog.accept()
    assert saved == []
    assert dialog.pages.currentIndex() == 0
    assert dialog.error.text() == "Item 3: choose an answer"
    assert dialog.answers() == (4, 4, None, 2, 1)
    assert dialog.items[2].buttons()[0].hasFocus()
    answer(dialog, (4, 4, 3, 2, 1))
    dialog.accept()
    assert saved == [(4, 4, 3, 2, 1)]
    assert not dialog.error.isVisibleTo(dialog)


def test_a_refusal_from_the_store_keeps_the_form(qtbot: QtBot) -> None:
    def refuse(_: Answers) -> Who5Result:
        raise ValidationError("day", "already has a check-in")

    dialog = Who5Dialog(refuse)
    qtbot.addWidget(dialog)
    answer(dialog, (3, 3, 3, 3, 3))
    dialog.accept()
    assert dialog.pages.currentIndex() == 0
    assert dialog.outcome is None
    assert dialog.error.text() == "Day: already has a check-in"


def test_cancel_before_saving_returns_nothing(make, saved, monkeypatch) -> None:
    asked: list[object] = []
    monkeypatch.setattr(discard, "confirm_discard", lambda parent: asked.append(parent) or True)
    dialog = make()
    answer(dialog, (3, 3, 3, 3, 3))
    dialog.reject()
    assert asked == [dialog]  # the answers given would be lost: it asked first
    assert dialog.result() == Who5Dialog.DialogCode.Rejected
    assert (saved, dialog.outcome) == ([], None)


def test_the_check_in_works_from_the_keyboard_alone(make, saved, qtbot: QtBot) -> None:
    dialog = make()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)

    def focused() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    assert focused() is dialog.items[0].button(5)  # "All of the time", leftmost as on paper
    for steps_right in (0, 1, 2, 1, 5):
        qtbot.keyClick(focused(), Qt.Key.Key_Space)
        for _ in range(steps_right):
            qtbot.keyClick(focused(), Qt.Key.Key_Right)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert saved == [(5, 4, 3, 4, 0)]
    assert dialog.score.text() == "Your score: 64 / 100"
    assert focused() is dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)  # closing any way keeps what was saved
    assert dialog.result() == Who5Dialog.DialogCode.Accepted


def test_check_in_returns_the_result(monkeypatch, saved) -> None:
    def fill_save_close(self: Who5Dialog) -> int:
        answer(self, (5, 5, 5, 5, 5))
        self.accept()
        self.accept()
        return self.result()

    monkeypatch.setattr(Who5Dialog, "exec", fill_save_close)
    result, done = Who5Dialog.check_in(lambda a: who5_score(a, 90), previous_score=90)
    assert done
    assert result == Who5Result(25, 100, False, 10)
    monkeypatch.setattr(Who5Dialog, "exec", lambda self: self.reject() or self.result())
    assert Who5Dialog.check_in(lambda a: who5_score(a)) == (None, False)
