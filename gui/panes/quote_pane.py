"""Quote pane: the quote history (search, reopen, duplicate as revision, re-export) and the quote editor.

The editor holds one QuoteDocument (quote + project snapshot + estimate JSON); "New from
estimate" builds it from the open project, and exporting runs on a worker thread with progress,
so the window never freezes. Totals are the core's (`compute_totals`), shown as the user types.
Texts are (re)set in `retranslate()` on every language change, so switching the interface
language keeps the open quote, what was typed, the history search and its selection.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rigsizer.core.errors import ValidationError
from rigsizer.core.quote import Party, Quote
from rigsizer.core.quote_build import QuoteDocument
from rigsizer.core.quote_history import QuoteHistory
from rigsizer.core.quote_money import format_amount
from rigsizer.gui.report.quote_editor import QuoteEditor
from rigsizer.gui.widgets.empty_state import EmptyState

WIDE_LAYOUT_PX = 900


def _export_job(document: QuoteDocument, pdf_path: str, db_path: str | None, state: Any = None) -> Any:
    """Worker-thread export with its own database connection (SQLite connections stay per thread)."""
    from sqlite_utils import Database

    from rigsizer.gui.report.export import export_quote

    history = QuoteHistory(Database(db_path)) if db_path else None
    try:
        return export_quote(document, pdf_path, history, state)
    finally:
        if history is not None:
            history.db.conn.close()


def _interface_language() -> str:
    """"zh" when the app speaks Chinese, else "en" (the default language of a new quote)."""
    try:
        from rigsizer.gui import i18n, settings

        return "zh" if i18n.resolve_language(settings.language()).startswith("zh") else "en"
    except Exception:  # noqa: BLE001 — settings unreadable: English
        return "en"


def _configuration_job(project: Any, catalog: Any, device_id: str, count: int, cpu_id: str, base: Quote | None,
                       state: Any = None) -> QuoteDocument:
    from rigsizer.core.estimate.estimator import estimate
    from rigsizer.core.quote_build import build_quote

    result = estimate(project, catalog, device=device_id, gpus=count)
    cpu = catalog.get(cpu_id) if cpu_id else None
    return build_quote(project, result, catalog, cpu=cpu, base=base)


class QuotePane(QWidget):
    """History on the left, the editor on the right; export and revision buttons on top."""

    exported = Signal(object)  # ExportResult
    quoteChanged = Signal(object)  # the QuoteDocument now in the editor

    def __init__(self, project_model: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project_model = project_model
        self.document: QuoteDocument | None = None
        self.job: Any = None
        self._history: QuoteHistory | None = None
        self._status_text: Callable[[], str] | None = None  # re-read on a language change
        self._build()
        self.retranslate()
        self.refresh_history()
        self._update_buttons()

    # ---- construction -----------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.button_grid = QGridLayout()
        self.new_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.reexport_button = QPushButton(self)
        self.revision_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.import_button.clicked.connect(self.import_pdf_dialog)
        self.top_buttons = (self.new_button, self.export_button, self.reexport_button, self.revision_button,
                            self.import_button)
        self._arrange_buttons(len(self.top_buttons))
        layout.addLayout(self.button_grid)
        self.new_button.clicked.connect(self.new_from_estimate)
        self.export_button.clicked.connect(self.export_pdf)
        self.reexport_button.clicked.connect(self.reexport_selected)
        self.revision_button.clicked.connect(self.duplicate_selected)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter = splitter
        history = QWidget(splitter)
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(history)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh_history)
        self.history_table = QTableWidget(0, 5, history)
        self.history_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history_table.horizontalHeader().setStretchLastSection(True)
        self.history_table.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.history_empty = EmptyState(self.history_table)
        self.history_table.itemSelectionChanged.connect(self._update_buttons)
        self.open_button = QPushButton(history)
        self.open_button.clicked.connect(self.open_selected)
        self.show_pdf_button = QPushButton(history)
        self.show_pdf_button.clicked.connect(self.show_selected_pdf)
        history_buttons = QHBoxLayout()
        history_buttons.addWidget(self.open_button)
        history_buttons.addWidget(self.show_pdf_button)
        history_layout.addWidget(self.search)
        history_layout.addWidget(self.history_table, 1)
        history_layout.addLayout(history_buttons)

        editor = QWidget(splitter)
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(editor)
        self.title.setWordWrap(True)
        self.editor = QuoteEditor(editor)
        self.editor.edited.connect(self._edited)
        self.editor.sellerRemembered.connect(
            lambda: self._show_status(lambda: self.tr("Seller details saved for new quotes.")))
        self.progress = QProgressBar(editor)
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.status = QLabel(editor)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for widget in (self.title, self.editor, self.progress, self.status):
            editor_layout.addWidget(widget, 1 if widget is self.editor else 0)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)

    def retranslate(self) -> None:
        """(Re)set every visible text in the current language; the open quote, edits and selection stay."""
        self.new_button.setText(self.tr("New from estimate"))
        self.new_button.setToolTip(self.tr("Quote the configuration of the current estimate"))
        self.export_button.setText(self.tr("Export PDF…"))
        self.reexport_button.setText(self.tr("Re-export"))
        self.reexport_button.setToolTip(self.tr("Write the selected history entry's PDF again"))
        self.revision_button.setText(self.tr("Duplicate as revision"))
        self.import_button.setText(self.tr("Import PDF…"))
        self.import_button.setToolTip(self.tr("Open a quote from the data embedded in a Rigsizer PDF"))
        self.search.setPlaceholderText(self.tr("Search number, customer, project…"))
        self.history_table.setHorizontalHeaderLabels(
            [self.tr("Number"), self.tr("Date"), self.tr("Customer"), self.tr("Project"), self.tr("Total")])
        self._show_history_hint()
        self.open_button.setText(self.tr("Open in editor"))
        self.show_pdf_button.setText(self.tr("Show PDF"))
        self.show_pdf_button.setToolTip(self.tr("Open the exported PDF in the system viewer"))
        self._show_title()
        self.status.setText(self._status_text() if self._status_text is not None else "")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 — Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.setLocale(QLocale())  # numbers and dates in child widgets follow the interface locale
            self.retranslate()
            columns = self._button_columns_for(self.width())
            if columns != self._button_columns:  # translated labels have other widths
                self._arrange_buttons(columns)
        super().changeEvent(event)

    def _show_status(self, text: Callable[[], str] | None) -> None:
        """A status line kept as a function of the language, so that it is re-read on a switch."""
        self._status_text = text
        self.status.setText(text() if text is not None else "")

    def _show_title(self) -> None:
        if self.document is None:
            self.title.setText(self.tr("No quote open: press “New from estimate” or open one from the history."))
            return
        quote = self.document.quote
        number = quote.number or self.tr("New quote")
        self.title.setText(f"{number} — {quote.project_name}: {quote.configuration}")

    def _button_columns_for(self, width: int) -> int:
        """All buttons in one row if they fit, else three, else two (never wider than the dock)."""
        widths = [button.sizeHint().width() for button in self.top_buttons]
        for columns in (len(widths), 3):
            needed = sum(max(widths[column::columns]) for column in range(columns)) + 12 * columns
            if needed <= width:
                return columns
        return 2

    def _arrange_buttons(self, columns: int) -> None:
        """The action buttons in as many columns as the pane is wide enough for."""
        for button in self.top_buttons:
            self.button_grid.removeWidget(button)
        for index, button in enumerate(self.top_buttons):
            self.button_grid.addWidget(button, index // columns, index % columns)
        for column in range(len(self.top_buttons) + 1):
            self.button_grid.setColumnStretch(column, 1 if column == columns else 0)
        self._button_columns = columns

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 — Qt override
        """Side by side when wide; history above the editor in a narrow dock."""
        wide = event.size().width() >= WIDE_LAYOUT_PX
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)
            self.splitter.setSizes([2, 5] if not wide else [2, 3])
        self.editor.set_narrow(event.size().width() < WIDE_LAYOUT_PX * 0.75)
        columns = self._button_columns_for(event.size().width())
        if columns != self._button_columns:
            self._arrange_buttons(columns)
        super().resizeEvent(event)

    # ---- history ----------------------------------------------------------------------------
    def history(self) -> QuoteHistory | None:
        if self._history is None:
            try:
                self._history = QuoteHistory(self.project_model.catalog.db)
            except Exception as error:  # noqa: BLE001 — the pane stays usable without history
                reason = str(error)
                self._show_status(lambda: self.tr("Quote history unavailable: %1").replace("%1", reason))
                return None
        return self._history

    def refresh_history(self) -> None:
        history = self.history()
        entries = history.entries(self.search.text()) if history is not None else []
        self.history_table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            total = format_amount(Decimal(entry.total), entry.currency) if entry.total else ""
            for column, text in enumerate((entry.number, entry.issue_date, entry.buyer, entry.project_name, total)):
                item = QTableWidgetItem(text)
                if column == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.history_table.setItem(row, column, item)
        self._show_history_hint()
        self._update_buttons()

    def _show_history_hint(self) -> None:
        if self.search.text().strip():
            self.history_empty.set_hint(self.tr("No quote matches the search."))
        else:
            self.history_empty.set_hint(self.tr("No quotes yet: every exported quote is listed here."))

    def selected_number(self) -> str:
        rows = self.history_table.selectionModel().selectedRows() if self.history_table.selectionModel() else []
        if not rows:
            return ""
        item = self.history_table.item(rows[0].row(), 0)
        return item.text() if item else ""

    def open_selected(self) -> None:
        number = self.selected_number()
        history = self.history()
        if number and history is not None:
            stored = history.load(number)
            self.set_document(QuoteDocument(stored.quote, stored.project, stored.estimate))

    def duplicate_selected(self) -> None:
        number = self.selected_number() or (self.document.quote.number if self.document else "")
        history = self.history()
        if number and history is not None:
            stored = history.duplicate_as_revision(number)
            self.set_document(QuoteDocument(stored.quote, stored.project, stored.estimate))
            self._show_status(lambda: self.tr("Revision %1 opened; export it to issue it.")
                              .replace("%1", stored.quote.number))

    def reexport_selected(self) -> None:
        number = self.selected_number()
        history = self.history()
        if not number or history is None:
            return
        stored = history.load(number)
        self.set_document(QuoteDocument(stored.quote, stored.project, stored.estimate))
        self.start_export(stored.entry.pdf_path)

    def show_selected_pdf(self) -> bool:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        number = self.selected_number()
        history = self.history()
        if not number or history is None:
            return False
        path = Path(history.load(number).entry.pdf_path)
        if not path.exists():
            self.editor.show_error(self.tr("The PDF of %1 is no longer at %2; re-export it.").replace("%1", number)
                                   .replace("%2", str(path)))
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def import_pdf_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import PDF quote"), "", self.tr("PDF files (*.pdf)"))
        if path:
            self.import_pdf(path)

    def import_pdf(self, path: str | Path) -> bool:
        """Open the quote embedded in a Rigsizer PDF (its number kept: export again = re-export)."""
        from rigsizer.gui.report.export import read_attached_document

        try:
            document = read_attached_document(path)
        except (OSError, ValidationError) as error:
            self.editor.show_error(self.tr("Cannot import %1: %2").replace("%1", str(path)).replace("%2", str(error)))
            return False
        self.set_document(document)
        self._show_status(lambda: self.tr("Imported %1 from %2")
                          .replace("%1", document.quote.number or self.tr("a draft")).replace("%2", str(path)))
        return True

    # ---- editor -----------------------------------------------------------------------------
    def new_from_estimate(self) -> bool:
        estimate = self.project_model.estimate()
        if estimate is None:
            self.editor.show_error(self.tr("No estimate yet: enter a model and hardware first."))
            return False
        from rigsizer.core.quote_build import build_quote
        from rigsizer.core.quote_prices import catalog_lookup

        base = replace(self.document.quote, number="", items=()) if self.document else None
        document = build_quote(self.project_model.project(), estimate, prices=catalog_lookup(self.project_model.catalog),
                               base=base)
        if base is None:  # a first quote follows the remembered seller and the interface language
            seller = self.remembered_seller()
            quote = document.quote
            if seller is not None:
                quote = replace(quote, seller=seller[0], seller_logo=seller[1])
            if _interface_language() == "zh" and "language" not in self.project_model.project().quote_settings:
                quote = replace(quote, language="zh")
            document = replace(document, quote=quote)
        self.set_document(document)
        return True

    def new_from_configuration(self, configuration: Any) -> bool:
        """Quote a recommended configuration (device_id, count, cpu_id): estimated off the GUI thread first."""
        from rigsizer.gui.worker import run_in_worker

        if self.job is not None:
            return False
        base = replace(self.document.quote, number="", items=()) if self.document else None
        self._show_status(lambda: self.tr("Estimating %1 × %2…").replace("%1", str(configuration.count))
                          .replace("%2", str(getattr(configuration, "device_name", configuration.device_id))))
        self.job = run_in_worker(_configuration_job, self.project_model.project(), self.project_model.catalog,
                                 configuration.device_id, configuration.count, getattr(configuration, "cpu_id", ""), base,
                                 on_done=self._configuration_done, on_error=self._export_failed)
        self._update_buttons()
        return True

    def _configuration_done(self, document: QuoteDocument) -> None:
        self.job = None
        self._show_status(None)
        seller = self.remembered_seller()
        if not document.quote.seller.name and seller is not None:
            document = replace(document, quote=replace(document.quote, seller=seller[0], seller_logo=seller[1]))
        self.set_document(document)

    def set_document(self, document: QuoteDocument) -> None:
        self.document = document
        quote = document.quote
        self.editor.set_quote(quote)
        self._show_title()
        self._edited()
        self.quoteChanged.emit(document)

    def current_quote(self) -> Quote:
        """The quote as the editor shows it (ValidationError naming the bad field otherwise)."""
        if self.document is None:
            raise ValidationError("quote", "no quote is open", "create one from the estimate or the history")
        return self.editor.quote(self.document.quote)

    def _edited(self) -> None:
        if self.document is not None:
            try:
                self.editor.show_totals(self.current_quote())
            except ValidationError as error:
                self.editor.show_error(str(error))
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.job is not None
        has_selection = bool(self.selected_number())
        self.export_button.setEnabled(self.document is not None and not busy)
        self.reexport_button.setEnabled(has_selection and not busy)
        self.revision_button.setEnabled((has_selection or bool(self.document and self.document.quote.number)) and not busy)
        self.open_button.setEnabled(has_selection)
        self.show_pdf_button.setEnabled(has_selection)

    # ---- seller memory ----------------------------------------------------------------------
    def remember_seller(self) -> None:
        self.editor.remember_seller()

    def remembered_seller(self) -> tuple[Party, str] | None:
        from rigsizer.gui.report.seller_memory import load_seller

        return load_seller()

    # ---- export -----------------------------------------------------------------------------
    def export_pdf(self) -> None:
        """Ask for a file name, then export in the background (the main window's Export action calls this)."""
        if self.document is None and not self.new_from_estimate():
            return
        quote = self.document.quote
        suggested = f"{quote.number or 'quote'}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export PDF quote"), suggested, self.tr("PDF files (*.pdf)"))
        if path:
            self.start_export(path)

    def start_export(self, path: str | Path) -> bool:
        from rigsizer.gui.report.fonts import ensure_report_fonts
        from rigsizer.gui.worker import run_in_worker

        if self.document is None or self.job is not None:
            return False
        try:
            document = replace(self.document, quote=self.current_quote())
        except ValidationError as error:
            self.editor.show_error(str(error))
            return False
        ensure_report_fonts()  # font registration belongs to the GUI thread; the worker only paints
        catalog = self.project_model.catalog
        db_path = str(catalog.path) if getattr(catalog, "path", None) else None
        self.progress.setValue(0)
        self.progress.show()
        self._show_status(lambda: self.tr("Exporting…"))
        self.job = run_in_worker(_export_job, document, str(path), db_path, on_done=self._export_done,
                                 on_error=self._export_failed, on_progress=self._export_progress)
        self._update_buttons()
        return True

    def _export_progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(round(fraction * 100))

    def _export_done(self, result: Any) -> None:
        self.job = None
        self.progress.hide()
        if self.document is not None:
            self.document = replace(self.document, quote=result.quote)
            self.editor.set_number(result.quote.number)
        self._show_status(lambda: self.tr("Exported %1 to %2 (%3 pages)").replace("%1", result.quote.number or "")
                          .replace("%2", str(result.path)).replace("%3", str(result.pages)))
        self.refresh_history()
        self.exported.emit(result)

    def _export_failed(self, error: BaseException) -> None:
        self.job = None
        self.progress.hide()
        self._show_status(None)
        message = str(error) or type(error).__name__
        self.editor.show_error(self.tr("Export failed: %1").replace("%1", message))
        self._update_buttons()
        if self.isVisible() and not isinstance(error, ValidationError):
            QMessageBox.warning(self, self.tr("Export PDF quote"), message)
