"""Print a summary to PDF with Qt: the summary's HTML laid out by QTextDocument on a QPdfWriter,
the page size from the locale (Letter where it is the norm, A4 elsewhere), and the charts as
200-dpi images, so they stay sharp in print.

Usable without a running app (the CLI): a QGuiApplication is created if there is none, on the
offscreen platform when there is no display.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wellbeing_app.core.errors import StorageError
from wellbeing_app.core.language import _
from wellbeing_app.core.reports.formats import title, to_html
from wellbeing_app.core.store.files import replacing
from wellbeing_app.core.workload.charts.theme import LIGHT
from wellbeing_app.services.pdf_pages import print_pages

if TYPE_CHECKING:
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QPageSize

    from wellbeing_app.core.reports.document import WorkloadSummary
    from wellbeing_app.core.workload.charts.tables import ChartTable
    from wellbeing_app.core.workload.loads import Workload

CHART_DPI = 200
IMAGE_WIDTH = 500  # in the document's pixels: within the text width of A4 and Letter
MARGIN_MM = 15
PDF_CHARTS = ("hours", "after_hours", "heatmap", "incidents")
WELLBEING_CHART = "mood_stress"  # shows mood and stress: only when the user opted in
ADVICE_KEY = "incidents_against_advice"  # in a summary's totals only when the user opted in


def page_size_for(locale: QLocale) -> QPageSize:
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QPageSize

    if locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QPageSize.PageSizeId.A4)


def chart_images(
    workload: Workload, include_wellbeing: bool, include_advice: bool = False
) -> list[tuple[str, str, bytes]]:
    """(name, caption, PNG bytes) of the charts a summary PDF shows; the incidents chart shows
    those after decisions made against the user's advice only with ``include_advice``."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from wellbeing_app.core.workload.charts import CHART_TITLES, CHARTS, incidents_chart

    out = []
    for key in chart_keys(include_wellbeing):
        if key == "incidents":
            figure = incidents_chart(workload, LIGHT, advice=include_advice)
        else:
            figure = CHARTS[key](workload, LIGHT)
        FigureCanvasAgg(figure)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=CHART_DPI, facecolor=figure.get_facecolor())
        out.append((chart_name(key), CHART_TITLES[key], buffer.getvalue()))
    return out


def chart_keys(include_wellbeing: bool) -> list[str]:
    """The charts a summary PDF shows, in order."""
    return [*PDF_CHARTS, *([WELLBEING_CHART] if include_wellbeing else [])]


def chart_name(key: str) -> str:
    """The image name of chart ``key`` in a summary's HTML: ``chart-hours.png``."""
    return f"chart-{key}.png"


def chart_tables(
    workload: Workload, include_wellbeing: bool, include_advice: bool = False
) -> dict[str, ChartTable]:
    """The numbers behind each of ``chart_images``' charts, by image name (no matplotlib)."""
    from wellbeing_app.core.workload.charts.tables import chart_table, incidents_table

    return {
        chart_name(key): (
            incidents_table(workload, include_advice)
            if key == "incidents"
            else chart_table(key, workload)
        )
        for key in chart_keys(include_wellbeing)
    }


def write_summary_pdf(path: Path, document: WorkloadSummary, workload: Workload) -> None:
    images = chart_images(
        workload,
        include_wellbeing="wellbeing" in document,
        include_advice=ADVICE_KEY in document["totals"],
    )
    html = to_html(document, [(name, caption) for name, caption, _png in images])
    pngs = {name: png for name, _caption, png in images}
    write_pdf(path, html, pngs, title=title(document), private="wellbeing" in document)


def write_pdf(
    path: Path,
    html: str,
    images: dict[str, bytes] | None = None,
    title: str | None = None,
    private: bool = True,
) -> None:
    """Lay out ``html`` (Qt's rich-text subset; ``<img src>`` names looked up in ``images``)
    and write it to ``path`` as a PDF, replacing it whole: never a half-written file (a
    failure raises StorageError). ``private``: mode 0600, else as the umask allows."""
    from PySide6.QtCore import QLocale, QMarginsF, QUrl
    from PySide6.QtGui import QFont, QImage, QPageLayout, QPdfWriter, QTextDocument

    _ensure_gui()
    document = QTextDocument()
    font = QFont("DejaVu Sans")
    font.setPointSizeF(9.5)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(
        "h1 { font-size: 14pt; } h2 { font-size: 12pt; margin-top: 10px; }"
        " th { background-color: #eeeeee; }"
    )
    for name, png in (images or {}).items():
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(name), QImage.fromData(png)
        )
    document.setHtml(html.replace("<img src=", f'<img width="{IMAGE_WIDTH}" src='))
    with replacing(path, private) as temporary:  # flushed, then renamed: whole or not at all
        writer = QPdfWriter(str(temporary))
        writer.setTitle(
            title or document.metaInformation(QTextDocument.MetaInformation.DocumentTitle)
        )
        writer.setCreator("Wellbeing app")
        writer.setPageSize(page_size_for(QLocale()))
        writer.setPageMargins(
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
        )
        print_pages(document, writer)  # headings kept with their tables, pages numbered
        del writer  # finishes the file
        _check_finished(temporary, path)


def _check_finished(written: Path, path: Path) -> None:
    """Qt reports no write errors: a PDF cut short (a full disk) lacks its closing %%EOF."""
    try:
        with open(written, "rb") as pdf:
            pdf.seek(max(0, written.stat().st_size - 64))
            whole = b"%%EOF" in pdf.read()
    except OSError:
        whole = False
    if not whole:
        raise StorageError(
            _(
                "Cannot write {file}: the PDF could not be written whole (is the disk full?); "
                "nothing was changed."
            ).format(file=path)
        )


def _ensure_gui() -> None:
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    global _APP
    _APP = QGuiApplication(["wellbeing-app"])


_APP: Any = None  # the QGuiApplication made for printing outside the app, kept alive
