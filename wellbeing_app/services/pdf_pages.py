"""Print a rich-text document on a PDF writer's pages: laid out at the writer's resolution, no
word split across lines, each heading kept on the page of what it introduces, and the page
number at the foot of each page.

Qt's rich text knows ``page-break-before`` and ``-after`` but not ``avoid``, and
``QTextDocument.print_`` lays out a copy that cannot be looked at first; so the document is laid
out here, a heading that would close a page without its table's first row (or its first line)
starts the next page instead, and the pages are painted one by one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wellbeing_app.core.language import formats

if TYPE_CHECKING:
    from PySide6.QtGui import QPdfWriter, QTextBlock, QTextDocument

FOOTER_MM = 8.0  # below the text: the page number


def print_pages(document: QTextDocument, writer: QPdfWriter) -> int:
    """Lay ``document`` out on ``writer``'s pages and paint them; returns how many there are."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPalette

    lay_out(document, writer)
    height = document.pageSize().height()
    width = document.pageSize().width()
    footer = writer.height() - height
    painter = QPainter(writer)
    try:
        painter.setFont(document.defaultFont())
        for page in range(document.pageCount()):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * height)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, page * height, width, height)
            # Black on white whatever the desktop theme (as print_ does).
            context.palette.setColor(QPalette.ColorRole.Text, QColor("black"))
            painter.setClipRect(context.clip)
            document.documentLayout().draw(painter, context)
            painter.restore()
            painter.drawText(
                QRectF(0, height, width, footer),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                formats.number(page + 1),  # the page number, as the language writes it
            )
    finally:
        painter.end()
    pages = document.pageCount()
    # The writer is about to go: back to laying out for the screen (Qt takes a null device).
    document.documentLayout().setPaintDevice(None)  # type: ignore[arg-type]
    return pages


def lay_out(document: QTextDocument, writer: QPdfWriter, keep: bool = True) -> None:
    """Paginate ``document`` for ``writer`` (its page less the footer), words whole; with
    ``keep``, headings moved to the next page where they would be parted from what follows."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextOption

    option = document.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)  # a narrow column may not split a word
    document.setDefaultTextOption(option)
    document.documentLayout().setPaintDevice(writer)  # fonts, images, borders at its dpi
    footer = writer.logicalDpiY() * FOOTER_MM / 25.4
    document.setPageSize(QSizeF(writer.width(), writer.height() - footer))
    document.markContentsDirty(0, document.characterCount())
    if keep:
        keep_headings_with_what_follows(document)


def keep_headings_with_what_follows(document: QTextDocument) -> list[str]:
    """Start a heading on a new page where it would otherwise end its page apart from the
    first row of its section's table (header and first line of figures), or, in a section
    without a table, from its first line. Returns the headings moved."""
    from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextFormat

    layout = document.documentLayout()
    height = document.pageSize().height()

    def page(y: float) -> int:
        return int(y // height)

    moved = []
    block = document.firstBlock()
    while block.isValid():
        if block.blockFormat().headingLevel() and block.previous().isValid():
            here = page(layout.blockBoundingRect(block).top())
            above = page(layout.blockBoundingRect(block.previous()).bottom() - 1)
            end = page(_bottom_of_what_follows(document, block) - 1)
            if end != here and above == here:  # parted, and not already first on its page
                breaking = QTextBlockFormat()
                breaking.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).mergeBlockFormat(breaking)
                moved.append(block.text())
        block = block.next()
    return moved


def _bottom_of_what_follows(document: QTextDocument, heading: QTextBlock) -> float:
    """Where the part that must share the heading's page ends: the first row of figures of the
    section's first table, else the first block after the heading."""
    from PySide6.QtGui import QTextCursor

    layout = document.documentLayout()
    block = heading.next()
    first = block
    while block.isValid() and not block.blockFormat().headingLevel():
        table = QTextCursor(block).currentTable()
        if table is not None:
            row = min(max(table.format().headerRowCount(), 1), table.rows() - 1)
            cells = [table.cellAt(row, column) for column in range(table.columns())]
            return max(
                layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom()
                for cell in cells
            )
        block = block.next()
    target = first if first.isValid() else heading
    return layout.blockBoundingRect(target).bottom()
