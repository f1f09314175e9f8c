"""The incident dialog checks each field, names the one in trouble, and keeps what was typed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pytestqt.qtbot import QtBot

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.records.incidents import IncidentDraft
from wellbeing_app.core.time.clock import FixedClock
from wellbeing_app.ui.incident_dialog import IncidentDialog


@pytest.fixture
def saved() -> list[IncidentDraft]:
    return []


@pytest.fixture
def dialog(qtbot: QtBot, clock: FixedClock, saved: list[IncidentDraft]) -> IncidentDialog:
    widget = IncidentDialog(clock, save=saved.append)
    qtbot.addWidget(widget)
    return widget


def fill(dialog: IncidentDialog, *, category: str = "harassment", severity: int = 4) -> None:
    if category:
        dialog.category.setCurrentIndex(dialog.category.findData(category))
    if severity:
        dialog.severity.button(severity).setChecked(True)
    dialog.platform.setCurrentText("instagram")
    dialog.minutes.setValue(45)
    dialog.summary.setText("Pile-on after the price change")
    dialog.details.setPlainText("SECRET details only I should see")


def test_a_complete_incident_is_saved_with_every_field(dialog, saved, clock) -> None:
    fill(dialog)
    dialog.when.set_instant(clock.now() - timedelta(hours=2))
    dialog.accept()
    assert dialog.result() == IncidentDialog.DialogCode.Accepted
    [draft] = saved
    assert draft.category == "harassment"
    assert draft.severity == 4
    assert draft.platform == "instagram"
    assert draft.minutes == 45
    assert draft.summary == "Pile-on after the price change"
    assert draft.details == "SECRET details only I should see"
    assert draft.at == clock.now() - timedelta(hours=2)


def test_missing_category_is_named_and_nothing_typed_is_lost(dialog, saved) -> None:
    fill(dialog, category="")
    dialog.accept()
    assert saved == []
    assert dialog.result() != IncidentDialog.DialogCode.Accepted
    assert dialog.error.isVisibleTo(dialog)
    assert dialog.error.text().startswith("Category:")
    assert dialog.summary.text() == "Pile-on after the price change"
    assert dialog.details.toPlainText() == "SECRET details only I should see"
    assert dialog.minutes.value() == 45
    assert dialog.severity.checkedId() == 4


def test_missing_severity_is_named(dialog, saved) -> None:
    fill(dialog, severity=0)
    dialog.accept()
    assert saved == []
    assert dialog.error.text().startswith("Severity:")


@pytest.mark.parametrize("missing", ["category", "severity"])
def test_the_named_field_is_marked_until_it_is_changed(dialog, missing: str) -> None:
    fill(dialog, **{missing: ""})  # type: ignore[arg-type]
    dialog.accept()
    field = dialog.fields[missing]
    label = dialog.form.labelForField(field)
    assert "color" in label.styleSheet()  # its name turns red
    assert field.accessibleDescription() == dialog.error.text()  # and a screen reader says why
    fill(dialog)
    assert not dialog.error.isVisibleTo(dialog)
    assert label.styleSheet() == "" and field.accessibleDescription() == ""


def test_too_long_summary_is_refused_not_cut(dialog, saved) -> None:
    fill(dialog)
    dialog.summary.setText("x" * 281)
    dialog.accept()
    assert saved == []
    assert dialog.error.text() == "Summary: is 281 characters long; the limit is 280"
    assert dialog.summary.text() == "x" * 281


def test_a_time_in_the_future_is_refused(dialog, saved, clock) -> None:
    fill(dialog)
    dialog.when.set_instant(clock.now() + timedelta(hours=3))
    dialog.accept()
    assert saved == []
    assert dialog.error.text().startswith("When:")
    assert "future" in dialog.error.text()


def test_a_time_skipped_by_the_dst_jump_is_refused(qtbot: QtBot, saved) -> None:
    from datetime import UTC, datetime

    clock = FixedClock(datetime(2026, 3, 29, 12, 0, tzinfo=UTC), "Europe/Berlin")
    dialog = IncidentDialog(clock, save=saved.append)
    qtbot.addWidget(dialog)
    fill(dialog)
    from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone

    dialog.when.setDateTime(QDateTime(QDate(2026, 3, 29), QTime(2, 30), QTimeZone.utc()))
    assert dialog.when.wall_time().strftime("%H:%M") == "02:30"
    dialog.accept()
    assert saved == []
    assert "does not exist in Europe/Berlin" in dialog.error.text()


def test_an_error_from_saving_keeps_the_dialog_open(qtbot: QtBot, clock) -> None:
    def refuse(_: IncidentDraft) -> None:
        raise ValidationError("at", "clashes with something stored")

    dialog = IncidentDialog(clock, save=refuse)
    qtbot.addWidget(dialog)
    fill(dialog)
    dialog.accept()
    assert dialog.result() != IncidentDialog.DialogCode.Accepted
    assert dialog.error.text() == "When: clashes with something stored"
    assert dialog.details.toPlainText() == "SECRET details only I should see"


def test_editing_starts_from_the_stored_incident(qtbot: QtBot, clock, saved) -> None:
    initial = IncidentDraft(
        at=clock.now() - timedelta(days=1),
        category="crisis",
        severity=2,
        platform="tiktok",
        minutes=10,
        summary="Recall rumour",
        details="private",
    )
    dialog = IncidentDialog(clock, save=saved.append, initial=initial)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Edit incident"
    dialog.accept()
    assert saved == [initial]


def test_the_dialog_works_from_the_keyboard_alone(dialog, saved, qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    dialog.show()
    dialog.category.setFocus()
    qtbot.keyClick(dialog.category, Qt.Key.Key_Down)
    dialog.severity.button(3).setFocus()
    qtbot.keyClick(dialog.severity.button(3), Qt.Key.Key_Space)
    qtbot.keyClicks(dialog.summary, "Angry thread")
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Return)
    [draft] = saved
    assert draft.category == "harassment"
    assert draft.severity == 3
    assert draft.summary == "Angry thread"


# --- against advice -----------------------------------------------------------------------


def test_one_click_marks_it_as_following_a_decision_against_advice(dialog, saved) -> None:
    fill(dialog)
    advice = dialog.advice
    assert not advice.known.isEnabled() and not advice.advised_on.isEnabled()
    assert not advice.not_on_you.isVisibleTo(dialog)
    advice.against_advice.click()
    assert advice.known.isEnabled() and not advice.advised_on.isEnabled()
    assert advice.not_on_you.isVisibleTo(dialog)
    assert advice.advised_on.text() == "not given"
    dialog.accept()
    [draft] = saved
    assert (draft.against_advice, draft.advised_on) == (True, None)


def test_the_day_of_the_advice_starts_at_the_incidents_day(dialog, saved, clock) -> None:
    from PySide6.QtCore import QDate

    fill(dialog)
    dialog.when.set_instant(clock.now() - timedelta(days=2))  # Fri 13 Nov
    dialog.advice.against_advice.click()
    dialog.advice.known.click()
    assert dialog.advice.advised_on.isEnabled()
    assert dialog.advice.advised_on.date() == QDate(2026, 11, 13)
    dialog.advice.advised_on.setDate(QDate(2026, 11, 9))
    dialog.accept()
    [draft] = saved
    assert (draft.against_advice, draft.advised_on) == (True, date(2026, 11, 9))


def test_a_day_of_advice_after_the_incident_is_named(dialog, saved, clock) -> None:
    from PySide6.QtCore import QDate

    fill(dialog)
    dialog.when.set_instant(clock.now() - timedelta(days=2))
    dialog.advice.against_advice.click()
    dialog.advice.known.click()
    dialog.advice.advised_on.setDate(QDate(2026, 11, 14))
    dialog.accept()
    assert saved == []
    assert dialog.error.text() == (
        "Advice given on: 2026-11-14 is after the incident (2026-11-13); advice comes before it"
    )
    assert dialog.advice.advised_on.accessibleDescription() == dialog.error.text()


def test_editing_keeps_and_changes_the_mark(qtbot: QtBot, clock, saved) -> None:
    initial = IncidentDraft(
        at=clock.now() - timedelta(days=1),
        category="crisis",
        severity=4,
        summary="Pile-on after the ad",
        against_advice=True,
        advised_on=date(2026, 11, 2),
    )
    dialog = IncidentDialog(clock, save=saved.append, initial=initial)
    qtbot.addWidget(dialog)
    assert dialog.advice.against_advice.isChecked() and dialog.advice.known.isChecked()
    dialog.accept()
    assert saved == [initial]
    again = IncidentDialog(clock, save=saved.append, initial=initial)
    qtbot.addWidget(again)
    again.advice.known.click()  # the day: not given
    again.accept()
    assert (saved[-1].against_advice, saved[-1].advised_on) == (True, None)
    once_more = IncidentDialog(clock, save=saved.append, initial=initial)
    qtbot.addWidget(once_more)
    once_more.advice.against_advice.click()  # not against advice: no day either
    once_more.accept()
    assert (saved[-1].against_advice, saved[-1].advised_on) == (False, None)
