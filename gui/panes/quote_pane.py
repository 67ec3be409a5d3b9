"""Quote pane: the quote history (search, reopen, duplicate as revision, re-export) and the quote editor.

The editor holds one QuoteDocument (quote + project snapshot + estimate JSON); "New from
estimate" builds it from the open project, and exporting runs on a worker thread with progress,
so the window never freezes. Totals are the core's (`compute_totals`), shown as the user types.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rigsizer.core.errors import ValidationError
from rigsizer.core.quote import CATEGORIES, LANGUAGES, PAPER_SIZES, LineItem, Party, Quote, compute_totals
from rigsizer.core.quote_build import QuoteDocument
from rigsizer.core.quote_history import QuoteHistory
from rigsizer.core.quote_money import CURRENCIES, format_amount, to_decimal

PARTY_FIELDS = ("name", "contact", "email", "phone", "address", "tax_id")
WIDE_LAYOUT_PX = 900
ITEM_COLUMNS = ("category", "part_name", "specs", "quantity", "unit_price", "price_currency", "line_total", "optional")


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


def _percent(value: float, field: str) -> Decimal:
    """A spin box percentage as an exact fraction: 13.0 -> Decimal("0.13")."""
    return (to_decimal(f"{value:.4f}", field) / 100).normalize()


def _interface_language() -> str:
    """"zh" when the app speaks Chinese, else "en" (the default language of a new quote)."""
    try:
        from rigsizer.gui import i18n, settings

        return "zh" if i18n.resolve_language(settings.language()).startswith("zh") else "en"
    except Exception:  # noqa: BLE001 — settings unreadable: English
        return "en"


def _scrolling(page: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(page)
    return area


def _configuration_job(project: Any, catalog: Any, device_id: str, count: int, cpu_id: str, base: Quote | None,
                       state: Any = None) -> QuoteDocument:
    from rigsizer.core.estimate.estimator import estimate
    from rigsizer.core.quote_build import build_quote

    result = estimate(project, catalog, device=device_id, gpus=count)
    cpu = catalog.get(cpu_id) if cpu_id else None
    return build_quote(project, result, catalog, cpu=cpu, base=base)


class PartyEditor(QWidget):
    """Name, contact, e-mail, phone, address and tax number of one party."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        labels = {"name": self.tr("Name"), "contact": self.tr("Contact"), "email": self.tr("E-mail"),
                  "phone": self.tr("Phone"), "address": self.tr("Address"), "tax_id": self.tr("Tax / registration no.")}
        self.edits: dict[str, QLineEdit] = {}
        for key in PARTY_FIELDS:
            edit = QLineEdit(self)
            edit.textChanged.connect(self.changed)
            form.addRow(labels[key], edit)
            self.edits[key] = edit

    def party(self) -> Party:
        return Party(**{key: edit.text() for key, edit in self.edits.items()})

    def set_party(self, party: Party) -> None:
        for key, edit in self.edits.items():
            edit.blockSignals(True)
            edit.setText(getattr(party, key))
            edit.blockSignals(False)


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
        self._loading = False
        self._build()
        self.refresh_history()
        self._update_buttons()

    # ---- construction -----------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New from estimate"), self)
        self.new_button.setToolTip(self.tr("Quote the configuration of the current estimate"))
        self.export_button = QPushButton(self.tr("Export PDF…"), self)
        self.reexport_button = QPushButton(self.tr("Re-export"), self)
        self.reexport_button.setToolTip(self.tr("Write the selected history entry's PDF again"))
        self.revision_button = QPushButton(self.tr("Duplicate as revision"), self)
        for button in (self.new_button, self.export_button, self.reexport_button, self.revision_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
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
        self.search.setPlaceholderText(self.tr("Search number, customer, project…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh_history)
        self.history_table = QTableWidget(0, 5, history)
        self.history_table.setHorizontalHeaderLabels(
            [self.tr("Number"), self.tr("Date"), self.tr("Customer"), self.tr("Project"), self.tr("Total")])
        self.history_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history_table.horizontalHeader().setStretchLastSection(True)
        self.history_table.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.history_table.itemSelectionChanged.connect(self._update_buttons)
        self.open_button = QPushButton(self.tr("Open in editor"), history)
        self.open_button.clicked.connect(self.open_selected)
        history_layout.addWidget(self.search)
        history_layout.addWidget(self.history_table, 1)
        history_layout.addWidget(self.open_button)

        editor = QWidget(splitter)
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("No quote open: press “New from estimate” or open one from the history."), editor)
        self.title.setWordWrap(True)
        self.tabs = QTabWidget(editor)
        self.tabs.addTab(_scrolling(self._build_parties()), self.tr("Parties"))
        self.tabs.addTab(_scrolling(self._build_terms()), self.tr("Terms"))
        self.tabs.addTab(self._build_items(), self.tr("Line items"))
        self.totals_label = QLabel(editor)
        self.totals_label.setTextFormat(Qt.TextFormat.PlainText)
        self.totals_label.setWordWrap(True)
        self.error_label = QLabel(editor)
        self.error_label.setStyleSheet("color: #b91c1c;")
        self.error_label.setWordWrap(True)
        self.progress = QProgressBar(editor)
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.status = QLabel(editor)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for widget in (self.title, self.tabs, self.totals_label, self.error_label, self.progress, self.status):
            editor_layout.addWidget(widget, 1 if widget is self.tabs else 0)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)

    def _build_parties(self) -> QWidget:
        page = QWidget(self)
        layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, page)
        self.parties_layout = layout
        self.seller_editor = PartyEditor(page)
        self.buyer_editor = PartyEditor(page)
        seller_box = QVBoxLayout()
        seller_box.addWidget(QLabel(self.tr("Seller"), page))
        seller_box.addWidget(self.seller_editor)
        logo_row = QHBoxLayout()
        self.logo_edit = QLineEdit(page)
        self.logo_edit.setPlaceholderText(self.tr("Logo image (optional)"))
        browse = QPushButton(self.tr("Browse…"), page)
        browse.clicked.connect(self._browse_logo)
        logo_row.addWidget(self.logo_edit, 1)
        logo_row.addWidget(browse)
        seller_box.addLayout(logo_row)
        self.remember_button = QPushButton(self.tr("Remember seller details"), page)
        self.remember_button.clicked.connect(self.remember_seller)
        seller_box.addWidget(self.remember_button)
        seller_box.addStretch(1)
        buyer_box = QVBoxLayout()
        buyer_box.addWidget(QLabel(self.tr("Customer"), page))
        buyer_box.addWidget(self.buyer_editor)
        buyer_box.addStretch(1)
        layout.addLayout(seller_box, 1)
        layout.addLayout(buyer_box, 1)
        for editor in (self.seller_editor, self.buyer_editor):
            editor.changed.connect(self._edited)
        self.logo_edit.textChanged.connect(self._edited)
        return page

    def _build_terms(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.number_label = QLabel("—", page)
        self.number_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.issue_edit = QDateEdit(page)
        self.valid_edit = QDateEdit(page)
        for edit in (self.issue_edit, self.valid_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._edited)
        self.currency_combo = QComboBox(page)
        self.currency_combo.addItems(CURRENCIES)
        self.rate_edits: dict[str, QLineEdit] = {}
        rates_row = QHBoxLayout()
        for code in CURRENCIES[1:]:
            edit = QLineEdit(page)
            edit.setToolTip(self.tr("Units of %1 per 1 USD").replace("%1", code))
            edit.textChanged.connect(self._edited)
            rates_row.addWidget(QLabel(f"{code}/USD", page))
            rates_row.addWidget(edit)
            self.rate_edits[code] = edit
        self.tax_spin = QDoubleSpinBox(page)
        self.tax_spin.setRange(0, 99)
        self.tax_spin.setSuffix(" %")
        self.tax_included = QCheckBox(self.tr("Prices include tax (含税)"), page)
        self.discount_spin = QDoubleSpinBox(page)
        self.discount_spin.setRange(0, 99)
        self.discount_spin.setSuffix(" %")
        self.shipping_edit = QLineEdit(page)
        self.language_combo = QComboBox(page)
        for code, name in zip(LANGUAGES, (self.tr("English"), self.tr("Simplified Chinese"), self.tr("Bilingual")),
                              strict=True):
            self.language_combo.addItem(name, code)
        self.paper_combo = QComboBox(page)
        self.paper_combo.addItems(PAPER_SIZES)
        self.payment_edit = QLineEdit(page)
        self.lead_edit = QLineEdit(page)
        self.warranty_edit = QPlainTextEdit(page)
        self.notes_edit = QPlainTextEdit(page)
        for edit in (self.warranty_edit, self.notes_edit):
            edit.setMaximumHeight(70)
            edit.textChanged.connect(self._edited)
        for combo in (self.currency_combo, self.language_combo, self.paper_combo):
            combo.currentIndexChanged.connect(self._edited)
        for spin in (self.tax_spin, self.discount_spin):
            spin.valueChanged.connect(self._edited)
        self.tax_included.toggled.connect(self._edited)
        for edit in (self.shipping_edit, self.payment_edit, self.lead_edit):
            edit.textChanged.connect(self._edited)
        rows = ((self.tr("Quote number"), self.number_label), (self.tr("Issue date"), self.issue_edit),
                (self.tr("Valid until"), self.valid_edit), (self.tr("Currency"), self.currency_combo),
                (self.tr("Exchange rates"), rates_row), (self.tr("Tax rate"), self.tax_spin), ("", self.tax_included),
                (self.tr("Discount"), self.discount_spin), (self.tr("Shipping"), self.shipping_edit),
                (self.tr("Language"), self.language_combo), (self.tr("Paper"), self.paper_combo),
                (self.tr("Payment terms"), self.payment_edit), (self.tr("Lead time"), self.lead_edit),
                (self.tr("Warranty"), self.warranty_edit), (self.tr("Notes"), self.notes_edit))
        for label, widget in rows:
            form.addRow(label, widget)
        return page

    def _build_items(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.items_table = QTableWidget(0, len(ITEM_COLUMNS), page)
        self.items_table.setHorizontalHeaderLabels(
            [self.tr("Category"), self.tr("Part"), self.tr("Specification"), self.tr("Qty"), self.tr("Unit price"),
             self.tr("Price currency"), self.tr("Line total"), self.tr("Optional")])
        header = self.items_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in ("part_name", "specs"):
            header.setSectionResizeMode(ITEM_COLUMNS.index(column), QHeaderView.ResizeMode.Stretch)
        self.items_table.setWordWrap(True)
        self.items_table.itemChanged.connect(lambda _item: self._edited())
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add line"), page)
        remove = QPushButton(self.tr("Remove line"), page)
        add.clicked.connect(self.add_line)
        remove.clicked.connect(self.remove_line)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addWidget(self.items_table, 1)
        layout.addLayout(row)
        return page

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 — Qt override
        """Side by side when wide; history above the editor in a narrow dock."""
        wide = event.size().width() >= WIDE_LAYOUT_PX
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)
            self.splitter.setSizes([2, 5] if not wide else [2, 3])
        self.parties_layout.setDirection(QBoxLayout.Direction.LeftToRight if event.size().width() >= WIDE_LAYOUT_PX * 0.75
                                         else QBoxLayout.Direction.TopToBottom)
        super().resizeEvent(event)

    # ---- history ----------------------------------------------------------------------------
    def history(self) -> QuoteHistory | None:
        if self._history is None:
            try:
                self._history = QuoteHistory(self.project_model.catalog.db)
            except Exception as error:  # noqa: BLE001 — the pane stays usable without history
                self.status.setText(self.tr("Quote history unavailable: %1").replace("%1", str(error)))
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
        self._update_buttons()

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
            self.status.setText(self.tr("Revision %1 opened; export it to issue it.").replace("%1", stored.quote.number))

    def reexport_selected(self) -> None:
        number = self.selected_number()
        history = self.history()
        if not number or history is None:
            return
        stored = history.load(number)
        self.set_document(QuoteDocument(stored.quote, stored.project, stored.estimate))
        self.start_export(stored.entry.pdf_path)

    # ---- editor -----------------------------------------------------------------------------
    def new_from_estimate(self) -> bool:
        estimate = self.project_model.estimate()
        if estimate is None:
            self.error_label.setText(self.tr("No estimate yet: enter a model and hardware first."))
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
        self.status.setText(self.tr("Estimating %1 × %2…").replace("%1", str(configuration.count))
                            .replace("%2", str(getattr(configuration, "device_name", configuration.device_id))))
        self.job = run_in_worker(_configuration_job, self.project_model.project(), self.project_model.catalog,
                                 configuration.device_id, configuration.count, getattr(configuration, "cpu_id", ""), base,
                                 on_done=self._configuration_done, on_error=self._export_failed)
        self._update_buttons()
        return True

    def _configuration_done(self, document: QuoteDocument) -> None:
        self.job = None
        self.status.setText("")
        seller = self.remembered_seller()
        if not document.quote.seller.name and seller is not None:
            document = replace(document, quote=replace(document.quote, seller=seller[0], seller_logo=seller[1]))
        self.set_document(document)

    def set_document(self, document: QuoteDocument) -> None:
        self.document = document
        quote = document.quote
        self._loading = True
        try:
            self.seller_editor.set_party(quote.seller)
            self.buyer_editor.set_party(quote.buyer)
            self.logo_edit.setText(quote.seller_logo)
            self.number_label.setText(quote.number or self.tr("assigned on export"))
            self.issue_edit.setDate(QDate(quote.issue_date.year, quote.issue_date.month, quote.issue_date.day))
            valid = quote.valid_until_date
            self.valid_edit.setDate(QDate(valid.year, valid.month, valid.day))
            self.currency_combo.setCurrentText(quote.currency)
            rates = dict(quote.rates.per_usd)
            for code, edit in self.rate_edits.items():
                edit.setText(f"{rates[code].normalize():f}")
            self.tax_spin.setValue(float(quote.tax_rate * 100))
            self.tax_included.setChecked(quote.prices_include_tax)
            self.discount_spin.setValue(float(quote.discount_rate * 100))
            self.shipping_edit.setText(f"{quote.shipping:f}")
            self.language_combo.setCurrentIndex(LANGUAGES.index(quote.language))
            self.paper_combo.setCurrentText(quote.paper)
            self.payment_edit.setText(quote.payment_terms)
            self.lead_edit.setText(quote.lead_time)
            self.warranty_edit.setPlainText(quote.warranty)
            self.notes_edit.setPlainText(quote.notes)
            self._fill_items(quote)
            self.title.setText(f"{quote.number or self.tr('New quote')} — {quote.project_name}: {quote.configuration}")
        finally:
            self._loading = False
        self._edited()
        self.quoteChanged.emit(document)

    def _fill_items(self, quote: Quote) -> None:
        self.items_table.blockSignals(True)
        self.items_table.setRowCount(len(quote.items))
        totals = compute_totals(quote)
        for row, item in enumerate(quote.items):
            values = (item.category, item.part_name, item.specs, str(item.quantity),
                      "" if item.unit_price is None else f"{item.unit_price:f}", item.price_currency,
                      "" if totals.line_totals[row] is None else format_amount(totals.line_totals[row]), "")
            for column, text in enumerate(values):
                cell = QTableWidgetItem(text)
                if ITEM_COLUMNS[column] == "line_total":
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if ITEM_COLUMNS[column] == "optional":
                    cell.setFlags((cell.flags() | Qt.ItemFlag.ItemIsUserCheckable) & ~Qt.ItemFlag.ItemIsEditable)
                    cell.setCheckState(Qt.CheckState.Checked if item.optional else Qt.CheckState.Unchecked)
                if ITEM_COLUMNS[column] in ("quantity", "unit_price", "line_total"):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if ITEM_COLUMNS[column] == "unit_price":
                    basis = " · ".join(v for v in (item.price_date, item.price_source) if v)
                    cell.setToolTip(basis or self.tr("No catalog price: enter a current one"))
                if column == 0:
                    cell.setData(Qt.ItemDataRole.UserRole, item)  # keeps price source, details, sizing rule
                    cell.setToolTip(item.sizing_rule)
                self.items_table.setItem(row, column, cell)
        self.items_table.blockSignals(False)

    def add_line(self) -> None:
        row = self.items_table.rowCount()
        self.items_table.blockSignals(True)
        self.items_table.insertRow(row)
        for column, text in enumerate(("other", self.tr("New item"), "", "1", "0", self.currency_combo.currentText(), "", "")):
            cell = QTableWidgetItem(text)
            if ITEM_COLUMNS[column] == "optional":
                cell.setFlags((cell.flags() | Qt.ItemFlag.ItemIsUserCheckable) & ~Qt.ItemFlag.ItemIsEditable)
                cell.setCheckState(Qt.CheckState.Unchecked)
            self.items_table.setItem(row, column, cell)
        self.items_table.blockSignals(False)
        self._edited()

    def remove_line(self) -> None:
        row = self.items_table.currentRow()
        if row >= 0:
            self.items_table.removeRow(row)
            self._edited()

    def _items_from_table(self) -> list[LineItem]:
        items = []
        for row in range(self.items_table.rowCount()):
            def text(column: str, row: int = row) -> str:
                cell = self.items_table.item(row, ITEM_COLUMNS.index(column))
                return cell.text().strip() if cell else ""
            first = self.items_table.item(row, 0)
            original = first.data(Qt.ItemDataRole.UserRole) if first else None
            base = original if isinstance(original, LineItem) else LineItem("other", "item")
            category = text("category").lower()
            if category not in CATEGORIES:
                raise ValidationError(f"quote.items[{row}].category", f"{category!r} is not recognised",
                                      "one of " + ", ".join(CATEGORIES))
            try:
                quantity = int(text("quantity"))
            except ValueError:
                raise ValidationError(f"quote.items[{row}].quantity", f"{text('quantity')!r} is not a whole number",
                                      "1 to 100000") from None
            price_text = text("unit_price")
            price = to_decimal(price_text, f"quote.items[{row}].unit_price") if price_text else None
            optional_cell = self.items_table.item(row, ITEM_COLUMNS.index("optional"))
            changed_price = price != base.unit_price or text("price_currency").upper() != base.price_currency
            items.append(replace(
                base, category=category, part_name=text("part_name"), specs=text("specs"), quantity=quantity,
                unit_price=price, price_currency=text("price_currency").upper() or "USD",
                optional=bool(optional_cell and optional_cell.checkState() == Qt.CheckState.Checked),
                price_source=base.price_source if not changed_price else self.tr("entered by the seller"),
                price_date=base.price_date if not changed_price else dt.date.today().isoformat()))
        return items

    def current_quote(self) -> Quote:
        """The quote as the editor shows it (ValidationError naming the bad field otherwise)."""
        if self.document is None:
            raise ValidationError("quote", "no quote is open", "create one from the estimate or the history")
        old = self.document.quote
        rates = old.rates
        for code, edit in self.rate_edits.items():
            rates = rates.with_rate(code, edit.text() or "0")
        issue = self.issue_edit.date().toPython()
        return replace(
            old, seller=self.seller_editor.party(), buyer=self.buyer_editor.party(), seller_logo=self.logo_edit.text(),
            issue_date=issue, valid_until=self.valid_edit.date().toPython(), currency=self.currency_combo.currentText(),
            rates=rates, tax_rate=_percent(self.tax_spin.value(), "quote.tax_rate"),
            prices_include_tax=self.tax_included.isChecked(),
            discount_rate=_percent(self.discount_spin.value(), "quote.discount_rate"),
            shipping=to_decimal(self.shipping_edit.text() or "0", "quote.shipping"),
            language=self.language_combo.currentData(), paper=self.paper_combo.currentText(),
            payment_terms=self.payment_edit.text(), lead_time=self.lead_edit.text(),
            warranty=self.warranty_edit.toPlainText(), notes=self.notes_edit.toPlainText(),
            items=tuple(self._items_from_table())).validated()

    def _edited(self) -> None:
        if self._loading or self.document is None:
            self._update_buttons()
            return
        try:
            quote = self.current_quote()
        except ValidationError as error:
            self.error_label.setText(str(error))
            self.totals_label.setText("")
        else:
            self.error_label.setText("")
            totals = compute_totals(quote)
            text = self.tr("Subtotal %1 · discount %2 · tax %3 · total %4").replace(
                "%1", format_amount(totals.subtotal, quote.currency)).replace(
                "%2", format_amount(totals.discount, quote.currency)).replace(
                "%3", format_amount(totals.tax, quote.currency)).replace("%4", format_amount(totals.total, quote.currency))
            if totals.unpriced_lines:
                text += " · " + self.tr("%1 line(s) without a price").replace("%1", str(totals.unpriced_lines))
            self.totals_label.setText(text)
            column = ITEM_COLUMNS.index("line_total")
            self.items_table.blockSignals(True)
            for row, line in enumerate(totals.line_totals):
                cell = self.items_table.item(row, column)
                if cell is not None:
                    cell.setText("" if line is None else format_amount(line))
            self.items_table.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.job is not None
        has_selection = bool(self.selected_number())
        self.export_button.setEnabled(self.document is not None and not busy)
        self.reexport_button.setEnabled(has_selection and not busy)
        self.revision_button.setEnabled((has_selection or bool(self.document and self.document.quote.number)) and not busy)
        self.open_button.setEnabled(has_selection)

    # ---- seller memory ----------------------------------------------------------------------
    def remember_seller(self) -> None:
        from rigsizer.gui.report.seller_memory import save_seller

        save_seller(self.seller_editor.party(), self.logo_edit.text())
        self.status.setText(self.tr("Seller details saved for new quotes."))

    def remembered_seller(self) -> tuple[Party, str] | None:
        from rigsizer.gui.report.seller_memory import load_seller

        return load_seller()

    def _browse_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Logo image"), "", self.tr("Images (*.png *.jpg *.svg)"))
        if path:
            self.logo_edit.setText(path)

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
            self.error_label.setText(str(error))
            return False
        ensure_report_fonts()  # font registration belongs to the GUI thread; the worker only paints
        catalog = self.project_model.catalog
        db_path = str(catalog.path) if getattr(catalog, "path", None) else None
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("Exporting…"))
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
            self.number_label.setText(result.quote.number or "—")
        self.status.setText(self.tr("Exported %1 to %2 (%3 pages)").replace("%1", result.quote.number or "")
                            .replace("%2", str(result.path)).replace("%3", str(result.pages)))
        self.refresh_history()
        self.exported.emit(result)

    def _export_failed(self, error: BaseException) -> None:
        self.job = None
        self.progress.hide()
        self.status.setText("")
        message = str(error) or type(error).__name__
        self.error_label.setText(self.tr("Export failed: %1").replace("%1", message))
        self._update_buttons()
        if self.isVisible() and not isinstance(error, ValidationError):
            QMessageBox.warning(self, self.tr("Export PDF quote"), message)
