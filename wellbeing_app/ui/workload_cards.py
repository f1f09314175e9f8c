"""The dashboard's cards: a figure, what it is out of, and its change on the previous period."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from wellbeing_app.core.workload.cards import Card
from wellbeing_app.core.workload.charts.theme import TEXT_CONTRAST, contrast_ratio

COLUMNS = 5
# The change is written out ("+6.50 h on the previous period"); colour only repeats it. A red
# and a green for each kind of background, each at least 4.5:1 against the card behind it.
WORSE = {"light": "#B3261E", "dark": "#FF9E94"}
BETTER = {"light": "#176E33", "dark": "#7EDC9A"}


def change_colour(palette: QPalette, worse: bool | None) -> str | None:
    """The change text's colour on a card drawn in ``palette`` (its Window colour): the
    variant with the most contrast, or None (the plain text colour) when no variant reaches
    4.5:1 or the change is neither better nor worse."""
    if worse is None:
        return None
    background = palette.color(QPalette.ColorRole.Window).name()
    choices = (WORSE if worse else BETTER).values()
    best = max(choices, key=lambda colour: contrast_ratio(colour, background))
    return best if contrast_ratio(best, background) >= TEXT_CONTRAST else None


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
        self._worse: bool | None = None

    def show_card(self, card: Card) -> None:
        self.setAccessibleName(card.title)
        self.title.setText(card.title)
        self.value.setText(card.value)
        self.detail.setText(card.detail)
        self.detail.setVisible(bool(card.detail))
        self.change.setText(card.change)
        self.change.setVisible(bool(card.change))
        self._worse = card.worse
        self._colour_change()

    def changeEvent(self, event: QEvent) -> None:
        """A switch between light and dark recolours the change."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._colour_change()

    def _colour_change(self) -> None:
        colour = change_colour(self.palette(), self._worse)
        self.change.setStyleSheet("" if colour is None else f"color: {colour};")


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
