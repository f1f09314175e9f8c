"""The Export dialog: a workload summary for a manager, previewed exactly as the file will hold
it, then saved where the user chooses, as PDF, CSV, JSON or Markdown.

The dialog never opens the database: it is handed a ``load(period)`` callable. Chart images are
drawn only while PDF is the chosen format (about a second for all of them), and the preview is
rebuilt a moment after the last edit rather than on every keystroke.

It fits a 1366x768 laptop: it opens no larger than the screen leaves room for, the choices
scroll when short of height, and a splitter shares the width with the preview. Once saved, it
offers to open the file or show its folder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from wellbeing_app.core.errors import ValidationError, WellbeingError
from wellbeing_app.core.language import N_, _
from wellbeing_app.core.reports.document import WorkloadSummary
from wellbeing_app.core.reports.formats import FORMATS, render_text, to_html
from wellbeing_app.core.reports.summary import SummaryOptions, build_summary, check_note, left_out
from wellbeing_app.core.store.files import check_output
from wellbeing_app.core.time import periods
from wellbeing_app.core.time.periods import Period
from wellbeing_app.core.workload.charts.tables import ChartTable
from wellbeing_app.core.workload.loads import Totals, Workload
from wellbeing_app.services.summary_pdf import chart_tables
from wellbeing_app.ui import accessible, icons
from wellbeing_app.ui.date_edit import date_edit, day_of
from wellbeing_app.ui.error_label import ErrorLabel
from wellbeing_app.ui.quiet_label import quiet_label
from wellbeing_app.ui.saved_file_dialog import SavedFileDialog
from wellbeing_app.ui.summary_preview import SummaryPreview
from wellbeing_app.ui.when_shown import WhenShown

Load = Callable[[Period], tuple[Workload, Totals]]
Chart = tuple[str, str, bytes]  # image name, caption, PNG bytes

PREVIEW_DELAY_MS = 300
# Marked here, translated where shown (the language is chosen after import).
FORMAT_LABELS = {
    "pdf": N_("PDF: to print or attach"),
    "csv": N_("CSV: one row a week, for a spreadsheet"),
    "json": N_("JSON: for tools and scripts"),
    "md": N_("Markdown: to paste into chat or email"),
}
# The file dialog's filters: the pattern in brackets stays as it is.
FILE_FILTERS = {
    "pdf": N_("PDF documents (*.pdf)"),
    "csv": N_("CSV files (*.csv)"),
    "json": N_("JSON files (*.json)"),
    "md": N_("Markdown files (*.md)"),
}
FIELD_NAMES = {"from": N_("From"), "to": N_("To"), "note": N_("What I am asking for")}
WELLBEING_CHOICE = N_("Include my &well-being figures (WHO-5, mood, stress)")
ADVICE_CHOICE = N_("Include how many incidents followed decisions made against my a&dvice")
INTRO = N_(
    "Totals for a period, to bring to your manager on your terms. The preview shows exactly "
    "what the file will hold. Nothing is sent anywhere: you choose where to save it."
)
NOTE_HINT = N_("e.g. a second person on the weekend rota, or no Slack after 19:00")
PREFERRED_SIZE = QSize(1040, 700)
# What a window needs around it on screen: its frame and title bar, a panel or dock beside it.
SCREEN_ROOM = QSize(40, 60)
CHOICES_WIDTH = 380  # the choices' share of the width when the dialog opens
PREVIEW_MIN_WIDTH = 320


def fitted_size(preferred: QSize, available: QSize) -> QSize:
    """``preferred``, made smaller where the screen's ``available`` area (less room for the
    frame and panels) is smaller."""
    return preferred.boundedTo(available - SCREEN_ROOM)


@dataclass(frozen=True)
class SummaryFile:
    """What Save writes: ``text`` for CSV, JSON and Markdown; ``html`` and ``charts`` for PDF."""

    fmt: str
    period: Period
    document: WorkloadSummary
    text: str | None = None
    html: str | None = None
    charts: list[Chart] = field(default_factory=list)
    tables: dict[str, ChartTable] = field(default_factory=dict)  # each chart's, by image name


def file_name(period: Period, fmt: str) -> str:
    """E.g. ``workload-summary-2026-10-12-to-2026-11-08.pdf``."""
    return f"workload-summary-{period.start}-to-{period.end}.{fmt}"


class ExportDialog(WhenShown, QDialog):
    """Dates, format, the well-being choice and a note on the left; the preview on the right."""

    def __init__(
        self,
        load: Load,
        today: date,
        now: datetime,
        period: Period | None = None,
        fmt: str = "pdf",
        folder: Path | None = None,
        parent: QWidget | None = None,
        data_dir: Path | None = None,
    ) -> None:
        """``data_dir``: the data folder, where no export may go (it would replace the
        database or its backups)."""
        super().__init__(parent)
        self._data_dir = data_dir
        self.setWindowTitle(_("Export a workload summary"))
        self.setWindowIcon(icons.icon(icons.APP))
        accessible.complete_when_shown(self)  # names and descriptions left unset
        self._load = load
        self._today = today
        self._now = now
        self._folder = folder or Path.home()
        self._workloads: dict[Period, tuple[Workload, Totals]] = {}
        self._charts: dict[tuple[Period, bool, bool], list[Chart]] = {}
        self.contents: SummaryFile | None = None  # what the preview shows and Save writes
        self.saved_to: Path | None = None
        chosen = period or periods.last_full_weeks(today)

        self.start = date_edit(_("From"), chosen.start)
        self.end = date_edit(_("To"), chosen.end)
        self.format = QComboBox()
        for key in FORMATS:
            self.format.addItem(_(FORMAT_LABELS[key]), key)
        self.format.setCurrentIndex(self.format.findData(fmt))
        self.wellbeing = QCheckBox(_(WELLBEING_CHOICE))
        self.advice = QCheckBox(_(ADVICE_CHOICE))  # unticked: the count is absent from the file
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(_(NOTE_HINT))
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        note_label = QLabel(_("What I am &asking for (optional)"))
        note_label.setBuddy(self.note)
        self.left_out = QLabel()
        self.left_out.setWordWrap(True)
        self.left_out.setTextFormat(Qt.TextFormat.PlainText)
        self.preview = SummaryPreview()
        preview_label = QLabel(_("Pre&view: exactly what the file will hold"))
        preview_label.setBuddy(self.preview)
        self.error = ErrorLabel({key: _(name) for key, name in FIELD_NAMES.items()})
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(_("&Save…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(_("&From"), self.start)
        form.addRow(_("&To"), self.end)
        form.addRow(_("F&ormat"), self.format)
        left_out_title = QLabel(_("Left out of this file"))
        left_out_title.setStyleSheet("font-weight: bold;")
        choices = QVBoxLayout()
        choices.addWidget(quiet_label(_(INTRO)))
        choices.addSpacing(8)
        choices.addLayout(form)
        choices.addSpacing(4)
        choices.addWidget(self.wellbeing)
        choices.addWidget(self.advice)
        choices.addSpacing(8)
        choices.addWidget(note_label)
        choices.addWidget(self.note)
        choices.addWidget(quiet_label(_("Shown near the top of the summary.")))
        choices.addSpacing(12)
        choices.addWidget(left_out_title)
        choices.addWidget(self.left_out)
        choices.addStretch()
        choices_box = QWidget()
        choices_box.setLayout(choices)
        # The choices scroll rather than be cut when the screen is short of height.
        self.choices = QScrollArea()
        self.choices.setWidget(choices_box)
        self.choices.setWidgetResizable(True)
        self.choices.setFrameShape(QFrame.Shape.NoFrame)
        self.choices.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scrollbar = self.choices.verticalScrollBar().sizeHint().width()
        self.choices.setMinimumWidth(choices_box.minimumSizeHint().width() + scrollbar)
        shown_box = QWidget()
        shown = QVBoxLayout(shown_box)
        shown.setContentsMargins(8, 0, 0, 0)
        shown.addWidget(preview_label)
        shown.addWidget(self.preview, 1)
        shown.addWidget(self.preview.as_tables)
        shown_box.setMinimumWidth(PREVIEW_MIN_WIDTH)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.choices)
        self.splitter.addWidget(shown_box)
        self.splitter.setStretchFactor(1, 1)
        body = QVBoxLayout(self)
        body.addWidget(self.splitter, 1)
        body.addWidget(self.error)
        body.addWidget(self.buttons)
        screen = (parent.screen() if parent is not None else None) or self.screen()
        self.resize(fitted_size(PREFERRED_SIZE, screen.availableGeometry().size()))
        self.splitter.setSizes([CHOICES_WIDTH, self.width() - CHOICES_WIDTH])

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_now)
        for signal in (
            self.start.dateChanged,
            self.end.dateChanged,
            self.format.currentIndexChanged,
            self.wellbeing.toggled,
            self.advice.toggled,
            self.note.textChanged,
        ):
            signal.connect(self._on_edit)
        self._on_edit()
        self._timer.start(0)  # the first preview once the window shows (a PDF's takes a second)

    # -- the choices ----------------------------------------------------------------------
    def period(self) -> Period:
        """The chosen dates; a ValidationError (field "to") when they run backwards."""
        return periods.custom(day_of(self.start), day_of(self.end), self._today)

    def options(self) -> SummaryOptions:
        """The two choices and the note; a ValidationError (field "note") when too long."""
        return SummaryOptions(
            include_wellbeing=self.wellbeing.isChecked(),
            note=check_note(self.note.toPlainText()),
            include_advice=self.advice.isChecked(),
        )

    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def left_out_items(self) -> list[str]:
        """The lines of "Left out of this file", as shown."""
        return [line.removeprefix("• ") for line in self.left_out.text().splitlines()]

    # -- the preview ----------------------------------------------------------------------
    def _on_edit(self) -> None:
        """Check the choices at once; rebuild the preview once the typing pauses."""
        try:
            self.period()
            options = self.options()
        except ValidationError as exc:
            self._refuse(exc)
            self._timer.stop()
            return
        self.error.setVisible(False)
        self.save_button.setEnabled(True)
        self.left_out.setText("\n".join(f"• {line}" for line in left_out(options)))
        self._timer.start(PREVIEW_DELAY_MS)

    def refresh_now(self) -> bool:
        """Rebuild the preview from the current choices at once; False (and the error shown)
        when they cannot make a file."""
        self._timer.stop()
        try:
            contents = self._build()
        except WellbeingError as exc:
            self._refuse(exc)
            return False
        self.contents = contents
        scrolled = self.preview.verticalScrollBar().value()
        if contents.text is not None:
            self.preview.show_text(contents.text)
        else:
            assert contents.html is not None
            self.preview.show_html(
                contents.html,
                {name: png for name, _caption, png in contents.charts},
                contents.tables,
            )
        self.preview.verticalScrollBar().setValue(scrolled)
        return True

    def _build(self) -> SummaryFile:
        period, options, fmt = self.period(), self.options(), self.chosen_format()
        if period not in self._workloads:
            self._workloads[period] = self._load(period)
        workload, previous = self._workloads[period]
        document = build_summary(workload, previous, options, self._now)
        if fmt != "pdf":
            return SummaryFile(fmt, period, document, text=render_text(document, fmt))
        charts = self._chart_images(
            (period, options.include_wellbeing, options.include_advice), workload
        )
        html = to_html(document, [(name, caption) for name, caption, _png in charts])
        tables = chart_tables(workload, options.include_wellbeing, options.include_advice)
        return SummaryFile(fmt, period, document, html=html, charts=charts, tables=tables)

    def _chart_images(self, key: tuple[Period, bool, bool], workload: Workload) -> list[Chart]:
        """The PDF's charts for (period, well-being included, advice included)."""
        _period, wellbeing, advice = key
        if key not in self._charts:
            from wellbeing_app.services.summary_pdf import chart_images

            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self._charts[key] = chart_images(workload, wellbeing, advice)
            finally:
                QGuiApplication.restoreOverrideCursor()
        return self._charts[key]

    def _refuse(self, exc: WellbeingError) -> None:
        self.error.show_error(exc)
        self.save_button.setEnabled(False)

    # -- saving ---------------------------------------------------------------------------
    def accept(self) -> None:
        """Save…: choose where, write the file whole, and close; on trouble, say so and stay."""
        if not self.save_button.isEnabled():
            return
        if (self._timer.isActive() or self.contents is None) and not self.refresh_now():
            return  # the preview had not caught up with the last edit yet
        contents = self.contents
        assert contents is not None
        suggested = self._folder / file_name(contents.period, contents.fmt)
        path = self.choose_file(self, suggested, contents.fmt)
        if path is None:
            return
        if not path.suffix:
            path = path.with_name(f"{path.name}.{contents.fmt}")
        try:
            if self._data_dir is not None:
                path = check_output(path, self._data_dir, "file")
            write_summary_file(path, contents, private=self.wellbeing.isChecked())
        except (WellbeingError, OSError) as exc:
            if not isinstance(exc, WellbeingError):
                # TRANSLATORS: {reason} is the system's own words, such as "Permission denied".
                exc = WellbeingError(_("Not saved: {reason}").format(reason=exc))
            self.error.show_error(exc)
            return
        self.saved_to = path
        super().accept()

    @staticmethod
    def choose_file(parent: QWidget | None, suggested: Path, fmt: str) -> Path | None:
        """Ask where to save (the one call tests replace); None when the user cancels."""
        name, _filter = QFileDialog.getSaveFileName(
            parent, _("Save the workload summary"), str(suggested), _(FILE_FILTERS[fmt])
        )
        return Path(name) if name else None

    @classmethod
    def export(
        cls,
        load: Load,
        today: date,
        now: datetime,
        period: Period | None = None,
        parent: QWidget | None = None,
        data_dir: Path | None = None,
    ) -> tuple[Path | None, bool]:
        """Run the dialog: where the summary was saved and True, or None and False. Once
        saved, offer to open the file or show its folder."""
        dialog = cls(load, today, now, period, parent=parent, data_dir=data_dir)
        saved = dialog.exec() == QDialog.DialogCode.Accepted
        if saved and dialog.saved_to is not None:
            SavedFileDialog.offer(dialog.saved_to, parent)
        return (dialog.saved_to if saved else None), saved


def write_summary_file(path: Path, contents: SummaryFile, private: bool = True) -> None:
    """Write ``contents`` to ``path`` whole or not at all: the text as UTF-8, or the PDF laid
    out from the very HTML and chart images the preview showed. ``private`` (well-being
    figures inside): mode 0600; else the umask's."""
    if contents.text is not None:
        from wellbeing_app.core.store.files import write_text

        write_text(path, contents.text, private=private)
        return
    from wellbeing_app.services.summary_pdf import write_pdf

    assert contents.html is not None
    charts = {name: png for name, _caption, png in contents.charts}
    write_pdf(path, contents.html, charts, private=private)
