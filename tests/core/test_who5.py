"""WHO-5 Well-Being Index scoring against the published rules, at every boundary.

Raw score = sum of five items (0-5 each); percentage score = raw x 4. ``low`` means a score below
50; an item at 0 or 1 is a sign of its own (``low_answer``); either is worth a calm note that
names which applies. A change of 10 points or more is notable.
"""

from __future__ import annotations

import pytest

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.reflection.who5 import WHO5_ANSWERS, WHO5_ITEMS, who5_score


def test_five_items_answered_on_a_six_point_scale() -> None:
    assert len(WHO5_ITEMS) == 5
    assert len(WHO5_ANSWERS) == 6


def test_all_zero_is_raw_0_score_0_and_low() -> None:
    result = who5_score([0, 0, 0, 0, 0])
    assert (result.raw, result.score, result.low) == (0, 0, True)


def test_all_five_is_100_and_not_low() -> None:
    result = who5_score((5, 5, 5, 5, 5))
    assert (result.raw, result.score, result.low) == (25, 100, False)


def test_raw_12_is_48_and_low() -> None:
    result = who5_score([3, 3, 2, 2, 2])
    assert (result.raw, result.score, result.low) == (12, 48, True)


def test_raw_13_is_52_and_not_low_when_no_item_is_at_1_or_0() -> None:
    result = who5_score([3, 3, 3, 2, 2])
    assert (result.raw, result.score, result.low) == (13, 52, False)


def test_every_item_at_2_is_40_and_low() -> None:
    assert who5_score([2, 2, 2, 2, 2]).low


@pytest.mark.parametrize("position", range(5))
@pytest.mark.parametrize("very_low", [0, 1])
def test_one_item_at_0_or_1_is_its_own_sign_at_a_high_total(position: int, very_low: int) -> None:
    answers = [5, 5, 5, 5, 5]
    answers[position] = very_low
    result = who5_score(answers)
    assert result.score == (20 + very_low) * 4
    assert result.score >= 80
    assert not result.low  # the score is not below 50 ...
    assert result.low_answer and result.worth_a_talk  # ... but the answer still counts
    assert "below 50" not in result.note()
    assert result.note().startswith("At least one of your answers was 0 or 1")


def test_the_note_names_which_sign_applies() -> None:
    assert who5_score([2, 2, 2, 2, 2]).note().startswith("Your score is below 50:")
    assert (
        who5_score([0, 2, 2, 2, 2])
        .note()
        .startswith("Your score is below 50 and at least one answer was 0 or 1:")
    )
    assert who5_score([3, 3, 3, 3, 3]).note() == "Thank you for checking in."


def test_every_item_at_2_or_more_and_total_above_50_is_not_low() -> None:
    result = who5_score([2, 5, 5, 5, 5])
    assert not (result.low or result.low_answer or result.worth_a_talk)


@pytest.mark.parametrize("answers", [[], [3, 3, 3, 3], [3, 3, 3, 3, 3, 3]])
def test_wrong_number_of_answers_is_refused(answers: list[int]) -> None:
    with pytest.raises(ValidationError) as caught:
        who5_score(answers)
    assert caught.value.field == "answers"
    assert "5" in caught.value.message


@pytest.mark.parametrize("bad", [-1, 6, True, False, "3", 3.0, None])
@pytest.mark.parametrize("position", [0, 2, 4])
def test_an_out_of_range_item_is_refused_naming_it(bad: object, position: int) -> None:
    answers: list[object] = [3, 3, 3, 3, 3]
    answers[position] = bad
    with pytest.raises(ValidationError) as caught:
        who5_score(answers)  # type: ignore[arg-type]
    assert caught.value.field == f"item {position + 1}"
    assert repr(bad) in caught.value.message


def test_first_check_has_no_change() -> None:
    result = who5_score([3, 3, 3, 3, 3])
    assert result.change is None
    assert not result.notable_change


@pytest.mark.parametrize(
    ("previous", "change", "notable"),
    [
        (50, 10, True),  # 60 now: +10 exactly is notable
        (70, -10, True),  # -10 exactly is notable
        (51, 9, False),
        (69, -9, False),
        (60, 0, False),
        (0, 60, True),
        (100, -40, True),
    ],
)
def test_change_against_the_previous_score(previous: int, change: int, notable: bool) -> None:
    result = who5_score([3, 3, 3, 3, 3], previous_score=previous)  # 60
    assert result.score == 60
    assert result.change == change
    assert result.notable_change is notable


def test_scores_are_multiples_of_4_from_0_to_100() -> None:
    for raw in range(26):
        answers = [min(5, max(0, raw - 5 * i)) for i in range(5)]
        assert sum(answers) == raw
        result = who5_score(answers)
        assert result.score == raw * 4
        assert result.low is (raw * 4 < 50)
        assert result.low_answer is (min(answers) <= 1)
        assert result.worth_a_talk is (result.low or result.low_answer)
