"""The quote editor: parties, terms and line items of one Quote, with live Decimal totals.

It edits values only: `set_quote` fills the widgets, `quote(base)` reads them back onto `base`
(keeping what the editor does not show: number, project, sizing notes, price sources) and
raises ValidationError naming the bad field. The Quote pane hosts it next to the history.
Every visible text is set in `retranslate()`, which runs again on a language change so that a
switch of interface language keeps the quote being edited.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
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
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rigsizer.core.errors import ValidationError
from rigsizer.core.quote import CATEGORIES, LANGUAGES, PAPER_SIZES, LineItem, Party, Quote, compute_totals
from rigsizer.core.quote_money import CURRENCIES, format_amount, to_decimal

PARTY_FIELDS = ("name", "contact", "email", "phone", "address", "tax_id")
ITEM_COLUMNS = ("category", "part_name", "specs", "quantity", "unit_price", "price_currency", "line_total", "optional")


def _percent(value: float, field: str) -> Decimal:
    """A spin box percentage as an exact fraction: 13.0 -> Decimal("0.13")."""
    return (to_decimal(f"{value:.4f}", field) / 100).normalize()


def _scrolling(page: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(page)
    return area


class PartyEditor(QWidget):
    """Name, contact, e-mail, phone, address and tax number of one party."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.edits: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        for key in PARTY_FIELDS:
            edit = QLineEdit(self)
            edit.textChanged.connect(self.changed)
            self.labels[key] = QLabel(self)
            form.addRow(self.labels[key], edit)
            self.edits[key] = edit
        self.retranslate()

    def retranslate(self) -> None:
        labels = {"name": self.tr("Name"), "contact": self.tr("Contact"), "email": self.tr("E-mail"),
                  "phone": self.tr("Phone"), "address": self.tr("Address"), "tax_id": self.tr("Tax / registration no.")}
        for key, label in self.labels.items():
            label.setText(labels[key])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 — Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def party(self) -> Party:
        return Party(**{key: edit.text() for key, edit in self.edits.items()})

    def set_party(self, party: Party) -> None:
        for key, edit in self.edits.items():
            edit.blockSignals(True)
            edit.setText(getattr(party, key))
            edit.blockSignals(False)


class QuoteEditor(QWidget):
    """Tabs for parties, terms and line items; `edited` fires on every change."""

    edited = Signal()
    sellerRemembered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._number: str | None = None  # None until a quote is loaded ("—")
        self._shown: Quote | None = None  # the quote whose totals are on screen
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(_scrolling(self._build_parties()), "")
        self.tabs.addTab(_scrolling(self._build_terms()), "")
        self.tabs.addTab(self._build_items(), "")
        self.totals_label = QLabel(self)
        self.totals_label.setTextFormat(Qt.TextFormat.PlainText)
        self.totals_label.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b91c1c;")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.totals_label)
        layout.addWidget(self.error_label)
        self.retranslate()

    def retranslate(self) -> None:
        """(Re)set every visible text in the current language; values, rows and selection stay."""
        for index, title in enumerate((self.tr("Parties"), self.tr("Terms"), self.tr("Line items"))):
            self.tabs.setTabText(index, title)
        self.seller_label.setText(self.tr("Seller"))
        self.buyer_label.setText(self.tr("Customer"))
        self.logo_edit.setPlaceholderText(self.tr("Logo image (optional)"))
        self.browse_button.setText(self.tr("Browse…"))
        self.remember_button.setText(self.tr("Remember seller details"))
        for code, edit in self.rate_edits.items():
            edit.setToolTip(self.tr("Units of %1 per 1 USD").replace("%1", code))
        self.tax_included.setText(self.tr("Prices include tax (含税)"))
        for index, name in enumerate((self.tr("English"), self.tr("Simplified Chinese"), self.tr("Bilingual"))):
            self.language_combo.setItemText(index, name)
        terms = {"number": self.tr("Quote number"), "issue": self.tr("Issue date"), "valid": self.tr("Valid until"),
                 "currency": self.tr("Currency"), "rates": self.tr("Exchange rates"), "tax": self.tr("Tax rate"),
                 "discount": self.tr("Discount"), "shipping": self.tr("Shipping"), "language": self.tr("Language"),
                 "paper": self.tr("Paper"), "payment": self.tr("Payment terms"), "lead": self.tr("Lead time"),
                 "warranty": self.tr("Warranty"), "notes": self.tr("Notes")}
        for key, label in self.term_labels.items():
            label.setText(terms[key])
        self.items_table.setHorizontalHeaderLabels(
            [self.tr("Category"), self.tr("Part"), self.tr("Specification"), self.tr("Qty"), self.tr("Unit price"),
             self.tr("Price currency"), self.tr("Line total"), self.tr("Optional")])
        self.add_button.setText(self.tr("Add line"))
        self.remove_button.setText(self.tr("Remove line"))
        if self._number is not None:
            self.set_number(self._number)
        self._retranslate_price_tips()
        if self._shown is not None and not self.error_label.text():
            self.show_totals(self._shown)

    def _retranslate_price_tips(self) -> None:
        column = ITEM_COLUMNS.index("unit_price")
        for row in range(self.items_table.rowCount()):
            first, cell = self.items_table.item(row, 0), self.items_table.item(row, column)
            item = first.data(Qt.ItemDataRole.UserRole) if first else None
            if cell is not None and isinstance(item, LineItem) and not (item.price_date or item.price_source):
                cell.setToolTip(self.tr("No catalog price: enter a current one"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 — Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.setLocale(QLocale())  # spin boxes and calendars follow the interface locale
            self.retranslate()
        super().changeEvent(event)

    def set_narrow(self, narrow: bool) -> None:
        """Seller and customer side by side, or stacked in a narrow dock."""
        self.parties_layout.setDirection(QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight)

    def _edited(self) -> None:
        if not self._loading:
            self.edited.emit()

    def _build_parties(self) -> QWidget:
        page = QWidget(self)
        layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, page)
        self.parties_layout = layout
        self.seller_editor = PartyEditor(page)
        self.buyer_editor = PartyEditor(page)
        seller_box = QVBoxLayout()
        self.seller_label = QLabel(page)
        seller_box.addWidget(self.seller_label)
        seller_box.addWidget(self.seller_editor)
        logo_row = QHBoxLayout()
        self.logo_edit = QLineEdit(page)
        self.browse_button = QPushButton(page)
        self.browse_button.clicked.connect(self._browse_logo)
        logo_row.addWidget(self.logo_edit, 1)
        logo_row.addWidget(self.browse_button)
        seller_box.addLayout(logo_row)
        self.remember_button = QPushButton(page)
        self.remember_button.clicked.connect(self.remember_seller)
        seller_box.addWidget(self.remember_button)
        seller_box.addStretch(1)
        buyer_box = QVBoxLayout()
        self.buyer_label = QLabel(page)
        buyer_box.addWidget(self.buyer_label)
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
            edit.textChanged.connect(self._edited)
            rates_row.addWidget(QLabel(f"{code}/USD", page))
            rates_row.addWidget(edit)
            self.rate_edits[code] = edit
        self.tax_spin = QDoubleSpinBox(page)
        self.tax_spin.setRange(0, 99)
        self.tax_spin.setSuffix(" %")
        self.tax_included = QCheckBox(page)
        self.discount_spin = QDoubleSpinBox(page)
        self.discount_spin.setRange(0, 99)
        self.discount_spin.setSuffix(" %")
        self.shipping_edit = QLineEdit(page)
        self.language_combo = QComboBox(page)
        for code in LANGUAGES:
            self.language_combo.addItem(code, code)  # named in retranslate()
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
        rows = (("number", self.number_label), ("issue", self.issue_edit), ("valid", self.valid_edit),
                ("currency", self.currency_combo), ("rates", rates_row), ("tax", self.tax_spin), ("", self.tax_included),
                ("discount", self.discount_spin), ("shipping", self.shipping_edit), ("language", self.language_combo),
                ("paper", self.paper_combo), ("payment", self.payment_edit), ("lead", self.lead_edit),
                ("warranty", self.warranty_edit), ("notes", self.notes_edit))
        self.term_labels: dict[str, QLabel] = {}
        for key, widget in rows:
            label = QLabel(page)
            if key:
                self.term_labels[key] = label
            form.addRow(label, widget)
        return page

    def _build_items(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.items_table = QTableWidget(0, len(ITEM_COLUMNS), page)
        header = self.items_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in ("part_name", "specs"):
            header.setSectionResizeMode(ITEM_COLUMNS.index(column), QHeaderView.ResizeMode.Stretch)
        self.items_table.setWordWrap(True)
        self.items_table.itemChanged.connect(lambda _item: self._edited())
        row = QHBoxLayout()
        self.add_button = QPushButton(page)
        self.remove_button = QPushButton(page)
        self.add_button.clicked.connect(self.add_line)
        self.remove_button.clicked.connect(self.remove_line)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addWidget(self.items_table, 1)
        layout.addLayout(row)
        return page

    # ---- values ---------------------------------------------------------------------------
    def set_quote(self, quote: Quote) -> None:
        self._loading = True
        try:
            self.seller_editor.set_party(quote.seller)
            self.buyer_editor.set_party(quote.buyer)
            self.logo_edit.setText(quote.seller_logo)
            self.set_number(quote.number)
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
        finally:
            self._loading = False

    def set_number(self, number: str) -> None:
        self._number = number
        self.number_label.setText(number or self.tr("assigned on export"))

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

    def quote(self, base: Quote) -> Quote:
        """The edited quote on top of `base` (ValidationError naming the bad field otherwise)."""
        rates = base.rates
        for code, edit in self.rate_edits.items():
            rates = rates.with_rate(code, edit.text() or "0")
        return replace(
            base, seller=self.seller_editor.party(), buyer=self.buyer_editor.party(), seller_logo=self.logo_edit.text(),
            issue_date=self.issue_edit.date().toPython(), valid_until=self.valid_edit.date().toPython(),
            currency=self.currency_combo.currentText(), rates=rates,
            tax_rate=_percent(self.tax_spin.value(), "quote.tax_rate"), prices_include_tax=self.tax_included.isChecked(),
            discount_rate=_percent(self.discount_spin.value(), "quote.discount_rate"),
            shipping=to_decimal(self.shipping_edit.text() or "0", "quote.shipping"),
            language=self.language_combo.currentData(), paper=self.paper_combo.currentText(),
            payment_terms=self.payment_edit.text(), lead_time=self.lead_edit.text(),
            warranty=self.warranty_edit.toPlainText(), notes=self.notes_edit.toPlainText(),
            items=tuple(self._items_from_table())).validated()

    def show_totals(self, quote: Quote) -> None:
        """Totals line and per-line amounts for a valid quote; clears the error line."""
        self.error_label.setText("")
        self._shown = quote
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

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.totals_label.setText("")

    # ---- seller memory ----------------------------------------------------------------------
    def remember_seller(self) -> None:
        from .seller_memory import save_seller

        save_seller(self.seller_editor.party(), self.logo_edit.text())
        self.sellerRemembered.emit()

    def _browse_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Logo image"), "", self.tr("Images (*.png *.jpg *.svg)"))
        if path:
            self.logo_edit.setText(path)

