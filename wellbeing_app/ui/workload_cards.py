"""The dashboard's cards: a figure, what it is out of, and its change on the previous period."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from wellbeing_app.core.workload.cards import Card

COLUMNS = 5
# The change is written out ("+6.5 h on the previous period"); colour only repeats it.
_MORE = "color: #b3261e;"
_LESS = "color: #1b7f3b;"


class CardView(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.value = QLabel()
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.change = QLabel()
        self.change.setWordWrap(True)
        layout = QVBoxLayout(self)
        for label in (self.title, self.value, self.detail, self.change):
            layout.addWidget(label)
        layout.addStretch()

    def show_card(self, card: Card) -> None:
        self.setAccessibleName(card.title)
        self.title.setText(card.title)
        self.value.setText(card.value)
        self.detail.setText(card.detail)
        self.detail.setVisible(bool(card.detail))
        self.change.setText(card.change)
        self.change.setVisible(bool(card.change))
        style = "" if card.worse is None else _MORE if card.worse else _LESS
        self.change.setStyleSheet(style)


class CardGrid(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.views: list[CardView] = []

    def show_cards(self, cards: list[Card]) -> None:
        while len(self.views) < len(cards):
            view = CardView(self)
            index = len(self.views)
            self._grid.addWidget(view, index // COLUMNS, index % COLUMNS)
            self.views.append(view)
        for view, card in zip(self.views, cards, strict=False):
            view.show_card(card)
            view.setVisible(True)
        for view in self.views[len(cards) :]:
            view.setVisible(False)
