"""The read-only preview of a summary file: the exact text of a CSV, JSON or Markdown file, or
the HTML a PDF is printed from, with its chart images; or, when asked ("Charts as tables in this
preview", ``as_tables``), the numbers behind each chart in its place."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QFontDatabase, QImage, QTextDocument, QTextOption
from PySide6.QtWidgets import QCheckBox, QTextEdit, QWidget

from wellbeing_app.core.language import N_, _
from wellbeing_app.core.reports.layout import html_table
from wellbeing_app.core.workload.charts.tables import ChartTable
from wellbeing_app.services.summary_pdf import IMAGE_WIDTH

AS_TABLES = N_("Charts as ta&bles in this preview")
AS_TABLES_HELP = N_(
    "Shows the numbers behind each chart in its place. The PDF keeps the charts as pictures."
)
IMAGE = re.compile(r'<p><img src="([^"]*)" alt="[^"]*"></p>')  # as core.reports.layout writes it

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
        # Placed by the dialog, under the preview; shown while a PDF's charts are.
        self.as_tables = QCheckBox(_(AS_TABLES))
        self.as_tables.setAccessibleDescription(_(AS_TABLES_HELP))
        self.as_tables.setVisible(False)
        self.as_tables.toggled.connect(self._show_again)
        self._html: tuple[str, dict[str, bytes], dict[str, ChartTable]] | None = None

    def show_text(self, text: str) -> None:
        """The file's text as it is, in a fixed-width font and without wrapping."""
        document = self._fresh_document()
        document.setDefaultFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        document.setPlainText(text)
        self._images, self._html = [], None
        self.as_tables.setVisible(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.NoWrap)
        self._use(document)

    def show_html(
        self, html: str, images: dict[str, bytes], tables: dict[str, ChartTable] | None = None
    ) -> None:
        """A PDF's HTML, its ``<img src>`` names looked up in ``images`` (PNG bytes), the
        images as wide as in print; with ``as_tables`` ticked, each image named in ``tables``
        gives way to its table."""
        self._html = (html, images, tables or {})
        self.as_tables.setVisible(bool(tables))
        if tables and self.as_tables.isChecked():
            html = with_tables(html, tables)
            images = {name: png for name, png in images.items() if name not in tables}
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

    def _show_again(self) -> None:
        """Charts or tables, at the same place in the document."""
        if self._html is not None:
            scrolled = self.verticalScrollBar().value()
            self.show_html(*self._html)
            self.verticalScrollBar().setValue(scrolled)

    def _fresh_document(self) -> QTextDocument:
        # A new document each time: resources (the chart images) belong to a document, and a
        # cleared document could keep showing the images of the previous period.
        return QTextDocument(self)

    def _use(self, document: QTextDocument) -> None:
        old, self._document = self._document, document
        self.setDocument(document)
        if old is not None:
            old.deleteLater()


def with_tables(page: str, tables: dict[str, ChartTable]) -> str:
    """``page`` with each chart image named in ``tables`` replaced by its title and table."""

    def table_for(image: re.Match[str]) -> str:
        chart = tables.get(html.unescape(image.group(1)))
        if chart is None:
            return image.group(0)
        e = html.escape
        parts = [f"<p><b>{e(chart.title)}</b></p>"]
        if chart.note:
            parts.append(f"<p>{e(chart.note)}</p>")
        parts.append(html_table([chart.headers, *chart.rows]) if chart.rows else "")
        parts.append(f"<p>{e(chart.empty)}</p>" if chart.empty else "")
        return "".join(parts)

    return IMAGE.sub(table_for, page)
