"""The summary PDF as a reader meets it, read back with poppler (pdftoppm renders the pages,
pdftotext reads their text): no word split inside a table header, every heading on the page of
its table's first row, counts with the right plural, labels from the vocabulary."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from tests.summary_fixture import NOW, PERIOD, fill
from wellbeing_app.core.reports.document import WorkloadSummary
from wellbeing_app.core.reports.formats import SEVERITY_HEADING, page, to_html
from wellbeing_app.core.reports.summary import SummaryOptions, build_summary
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.vocabulary import SEVERITY_HINTS, category_label, source_label
from wellbeing_app.core.workload.aggregate import compared
from wellbeing_app.core.workload.loads import Totals, Workload
from wellbeing_app.services import pdf_pages
from wellbeing_app.services.summary_pdf import write_pdf, write_summary_pdf

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="needs poppler-utils",
)
NOTE_LINES = range(24)  # notes of 0..23 lines: every heading comes near a page's foot in some


def fortnight(db: Database) -> tuple[Workload, Totals]:
    fill(db)
    with db.read() as session:
        return compared(session, PERIOD, "Europe/Berlin", NOW)


def summary(workload: Workload, previous: Totals, note_lines: int = 0) -> WorkloadSummary:
    note = "\n".join(f"Line {n} of what I ask for." for n in range(note_lines)) or None
    return build_summary(workload, previous, SummaryOptions(True, note), NOW)


def pdf_pages_text(path: Path) -> list[list[str]]:
    """Each page's non-empty lines, ligatures ("ﬁ") undone."""
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = unicodedata.normalize("NFKC", text)
    return [[line.strip() for line in p.splitlines() if line.strip()] for p in text.split("\f")]


def locate(
    pages: list[list[str]], text: str, after: tuple[int, int] = (0, -1), wrapped: bool = False
) -> tuple[int, int]:
    """(page, line) of the first line after ``after`` that is ``text`` or, ``wrapped``, the
    first line of it wrapped between words (a table cell)."""
    for number, lines in enumerate(pages):
        for index, line in enumerate(lines):
            if (number, index) <= after:
                continue
            if line == text or (
                wrapped and text.startswith(line) and line.split()[0] == text.split()[0]
            ):
                return number, index
    raise AssertionError(f"{text!r} not found after {after}")


def parted(pages: list[list[str]], document: WorkloadSummary) -> list[str]:
    """The headings whose table's first row of figures is on a later page."""
    out = []
    for section in page(document).sections:
        if len(section.table) < 2:
            continue
        heading = locate(pages, section.heading)
        first_row = locate(pages, section.table[1][0], after=heading, wrapped=True)
        if first_row[0] != heading[0]:
            out.append(section.heading)
    return out


def words(pages: list[list[str]]) -> set[str]:
    """Every word printed, a hyphenated one also by its parts (a line may end after "-")."""
    found = set()
    for lines in pages:
        for word in " ".join(lines).split():
            found |= {word, *word.replace("-", "- ").split()}
    return found


def test_headings_stay_with_their_tables_whatever_comes_before(
    db: Database, tmp_path: Path, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    workload, previous = fortnight(db)
    kept, unkept = [], []
    for lines in NOTE_LINES:
        document = summary(workload, previous, lines)
        path = tmp_path / f"kept-{lines}.pdf"
        write_pdf(path, to_html(document))
        kept += parted(pdf_pages_text(path), document)
        with monkeypatch.context() as without:
            without.setattr(pdf_pages, "keep_headings_with_what_follows", lambda d: [])
            write_pdf(path, to_html(document))
        unkept += parted(pdf_pages_text(path), document)
    assert kept == []
    assert unkept  # without keeping them, some heading ends a page alone: the check bites


def test_the_summary_pdf_reads_whole(db: Database, tmp_path: Path, qapp: object) -> None:
    """With its charts, as the export writes it: rendered pages, whole header words, plurals,
    vocabulary labels, page numbers."""
    workload, previous = fortnight(db)
    document = summary(workload, previous)
    path = tmp_path / "summary.pdf"
    write_summary_pdf(path, document, workload)
    pages = pdf_pages_text(path)

    subprocess.run(["pdftoppm", "-r", "30", "-png", str(path), str(tmp_path / "page")], check=True)
    assert len(list(tmp_path.glob("page-*.png"))) == len(pages) - 1 >= 2  # "\f" ends the last
    assert parted(pages, document) == []
    printed = words(pages)
    sections = page(document).sections
    headers = [cell for section in sections if section.table for cell in section.table[0]]
    for cell in headers:
        assert set(cell.split()) <= printed, cell  # "Scheduled", never "Schedule" + "d"
    text = " ".join(" ".join(lines) for lines in pages)
    assert "Scheduled" in printed and "Schedule d" not in text
    assert "over 2 end-of-day reflections." in text
    assert SEVERITY_HEADING in text and f"5 {SEVERITY_HINTS[5]}" in SEVERITY_HEADING
    for label in (source_label("slack"), category_label("crisis"), category_label("harassment")):
        assert label in pages_lines(pages)
    assert [lines[-1] for lines in pages[:-1]] == [str(n + 1) for n in range(len(pages) - 1)]


def pages_lines(pages: list[list[str]]) -> set[str]:
    return {line for lines in pages for line in lines}


@pytest.mark.parametrize("wrap", ["WordWrap", "WrapAtWordBoundaryOrAnywhere"])
def test_a_narrow_page_wraps_between_words_only(
    db: Database, tmp_path: Path, qapp: object, wrap: str
) -> None:
    """On a page narrower than the week table wants, table headers and text wrap at spaces and
    hyphens, never inside a word; Qt's default wrapping splits some, which this catches."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument, QTextOption

    workload, previous = fortnight(db)
    writer = QPdfWriter(str(tmp_path / "narrow.pdf"))
    writer.setPageSize(QPageSize(QSizeF(70, 150), QPageSize.Unit.Millimeter))
    document = QTextDocument()
    document.setHtml(to_html(summary(workload, previous)))
    pdf_pages.lay_out(document, writer)
    if wrap != "WordWrap":  # what the document did before: to show the check can fail
        option = document.defaultTextOption()
        option.setWrapMode(QTextOption.WrapMode[wrap])
        document.setDefaultTextOption(option)
    split = []
    block = document.firstBlock()
    while block.isValid():
        layout, text = block.layout(), block.text()
        breaks = [layout.lineAt(n).textStart() for n in range(1, layout.lineCount())]
        split += [text for at in breaks if text[at - 1] not in " -"]
        block = block.next()
    assert (split == []) is (wrap == "WordWrap"), split
