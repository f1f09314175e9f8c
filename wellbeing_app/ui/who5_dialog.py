"""The WHO-5 check-in dialog: five statements about the last two weeks, then the score, kindly."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from wellbeing_app.core.errors import ValidationError, WellbeingError
from wellbeing_app.core.language import N_, _
from wellbeing_app.core.reflection.who5 import WHO5_ANSWERS, WHO5_ITEMS, Who5Result
from wellbeing_app.core.vocabulary import who5_change_sentence
from wellbeing_app.ui.form_dialog import FormDialog
from wellbeing_app.ui.quiet_label import quiet_label
from wellbeing_app.ui.scale_row import label_group, show_focus

INSTRUCTION = N_(
    "Please indicate for each of the five statements which is closest to how you have been "
    "feeling over the last two weeks."
)
CREDIT = N_(
    "WHO-5 Well-Being Index © WHO Collaborating Centre in Mental Health, "
    "Psychiatric Centre North Zealand."
)
PRIVATE_NOTE = N_("Private: your answers stay on this computer.")
# As on the published form: "All of the time" (5) on the left, "At no time" (0) on the right.
COLUMNS = tuple(range(len(WHO5_ANSWERS) - 1, -1, -1))


class Who5Dialog(FormDialog[tuple[int, ...]]):
    """One row of six answers per statement; after Save the same window shows the score."""

    def __init__(
        self,
        save: Callable[[tuple[int, ...]], Who5Result],
        previous_score: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        # TRANSLATORS: {number} is a statement's number, 1 to 5.
        items = {f"item {n}": _("Item {number}").format(number=n) for n in range(1, 6)}
        title = _("Well-being check-in (WHO-5)")
        super().__init__(title, self._collect_answers, save, items, parent)
        self._store = save  # typed: the base class keeps it as returning `object`
        self.outcome: Who5Result | None = None
        self.items: list[QButtonGroup] = []

        questions = QWidget()
        layout = QVBoxLayout(questions)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_wrapped(_(INSTRUCTION)))
        if previous_score is not None:
            last = _("Your last score was {score} / 100.").format(score=previous_score)
            layout.addWidget(quiet_label(last))
        layout.addSpacing(6)
        layout.addLayout(self._grid())
        layout.addSpacing(6)
        layout.addWidget(quiet_label(_(PRIVATE_NOTE)))
        layout.addWidget(quiet_label(_(CREDIT)))

        self.score = QLabel()
        self.score.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.note = _wrapped("")
        self.change = _wrapped("")
        result = QWidget()
        result_layout = QVBoxLayout(result)
        result_layout.setContentsMargins(0, 0, 0, 0)
        message = QVBoxLayout()
        message.setContentsMargins(160, 0, 160, 0)  # short lines read more gently than wide ones
        message.setSpacing(14)
        for label in (self.score, self.note, self.change):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            message.addWidget(label)
        result_layout.addStretch()
        result_layout.addLayout(message)
        result_layout.addStretch()
        result_layout.addWidget(quiet_label(_(CREDIT)))

        self.pages = QStackedWidget()
        self.pages.addWidget(questions)
        self.pages.addWidget(result)
        self.form.addRow(self.pages)
        self.buttons = self.findChild(QDialogButtonBox)
        assert self.buttons is not None
        self.fields = {f"item {n}": group.buttons()[0] for n, group in enumerate(self.items, 1)}
        self.items[0].buttons()[0].setFocus(Qt.FocusReason.OtherFocusReason)  # not Save

    def _grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        grid.setColumnStretch(0, 1)
        for column, answer in enumerate(COLUMNS, start=1):
            header = QLabel(f"{_(WHO5_ANSWERS[answer])}\n({answer})")
            header.setWordWrap(True)
            header.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
            header.setFixedWidth(96)
            grid.addWidget(header, 0, column)
        for row, item in enumerate(WHO5_ITEMS, start=1):
            statement = _(item)
            text = QLabel(f"&{row}. {statement}")  # Alt+1 … Alt+5 go to a statement
            text.setWordWrap(True)
            text.setMinimumWidth(300)
            grid.addWidget(text, row, 0)
            group = QButtonGroup(self)
            for column, answer in enumerate(COLUMNS, start=1):
                button = QRadioButton()
                words = _(WHO5_ANSWERS[answer])
                button.setAccessibleName(f"{statement}: {words}")
                button.setToolTip(f"{words} ({answer})")
                show_focus(button)
                group.addButton(button, answer)
                grid.addWidget(button, row, column, Qt.AlignmentFlag.AlignCenter)
            label_group(text, group)
            self.items.append(group)
        return grid

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A digit answers the statement being looked at: 5 all of the time … 0 at no time."""
        text = event.text()
        focused = self.focusWidget()
        group = focused.group() if isinstance(focused, QRadioButton) else None
        button = group.button(int(text)) if group in self.items and text.isdecimal() else None
        if group is not None and button is not None:
            button.setChecked(True)
            button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            super().keyPressEvent(event)

    def answers(self) -> tuple[int | None, ...]:
        """Each statement's answer, 0-5, or None while unanswered."""
        return tuple(None if g.checkedId() == -1 else g.checkedId() for g in self.items)

    def _collect_answers(self) -> tuple[int, ...]:
        chosen = []
        for number, answer in enumerate(self.answers(), start=1):
            if answer is None:
                raise ValidationError(f"item {number}", _("choose an answer"))
            chosen.append(answer)
        return tuple(chosen)

    def accept(self) -> None:
        """Save and show the score; a second accept (Close, Enter) closes the dialog."""
        if self.outcome is not None:
            QDialog.accept(self)
            return
        try:
            answers = self._collect_answers()
            outcome = self._store(answers)
        except WellbeingError as exc:
            self.show_error(exc)
            return
        self.value, self.outcome = answers, outcome
        self._show_result(outcome)

    def reject(self) -> None:
        """Once saved, closing any way (Escape too) still counts as a saved check-in."""
        if self.outcome is not None:
            QDialog.accept(self)
        else:
            super().reject()

    def _show_result(self, outcome: Who5Result) -> None:
        self.clear_error()
        self.score.setText(_("Your score: {score} / 100").format(score=outcome.score))
        self.note.setText(outcome.note())
        self.change.setText(who5_change_sentence(outcome.change))
        self.change.setVisible(outcome.notable_change)
        self.pages.setCurrentIndex(1)
        assert self.buttons is not None
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        close.setFocus(Qt.FocusReason.OtherFocusReason)

    @classmethod
    def check_in(
        cls,
        save: Callable[[tuple[int, ...]], Who5Result],
        previous_score: int | None = None,
        parent: QWidget | None = None,
    ) -> tuple[Who5Result | None, bool]:
        """Run the dialog: the stored result and True, or None and False when cancelled."""
        dialog = cls(save, previous_score, parent)
        dialog.exec()
        return dialog.outcome, dialog.outcome is not None


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label
