"""The read-only preview of a summary file: the exact text of a CSV, JSON or Markdown file, or
the HTML a PDF is printed from, with its chart images."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QFontDatabase, QImage, QTextDocument, QTextOption
from PySide6.QtWidgets import QTextEdit, QWidget

from wellbeing_app.core.language import _
from wellbeing_app.services.summary_pdf import IMAGE_WIDTH

# The PDF's own heading sizes, relative to the screen font rather than the printed 9.5 pt.
HTML_STYLE = (
    "h1 { font-size: x-large; } h2 { font-size: large; margin-top: 10px; }"
    " th { background-color: #eeeeee; color: #000000; }"
)


class SummaryPreview(QTextEdit):
    """Shows one file's contents at a time; what is shown is never edited here."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setTabChangesFocus(True)
        # As in print: a narrow table column wraps between words, never inside one. (The edit
        # gives every document it shows its own wrap mode.)
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.setAccessibleName(_("Preview"))
        self._document: QTextDocument | None = None
        self._images: list[str] = []

    def show_text(self, text: str) -> None:
        """The file's text as it is, in a fixed-width font and without wrapping."""
        document = self._fresh_document()
        document.setDefaultFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        document.setPlainText(text)
        self._images = []
        self.setLineWrapMode(QTextEdit.LineWrapMode.NoWrap)
        self._use(document)

    def show_html(self, html: str, images: dict[str, bytes]) -> None:
        """A PDF's HTML, its ``<img src>`` names looked up in ``images`` (PNG bytes), the
        images as wide as in print."""
        document = self._fresh_document()
        document.setDefaultStyleSheet(HTML_STYLE)
        for name, png in images.items():
            image = QImage.fromData(png).scaledToWidth(
                IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation
            )
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        document.setHtml(html.replace("<img src=", f'<img width="{IMAGE_WIDTH}" src='))
        self._images = list(images)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self._use(document)

    def image_names(self) -> list[str]:
        """The chart images the preview shows, by name (none for the text formats)."""
        if self._document is None:
            return []
        return [
            name
            for name in self._images
            if not self._document.resource(
                QTextDocument.ResourceType.ImageResource, QUrl(name)
            ).isNull()
        ]

    def _fresh_document(self) -> QTextDocument:
        # A new document each time: resources (the chart images) belong to a document, and a
        # cleared document could keep showing the images of the previous period.
        return QTextDocument(self)

    def _use(self, document: QTextDocument) -> None:
        old, self._document = self._document, document
        self.setDocument(document)
        if old is not None:
            old.deleteLater()
