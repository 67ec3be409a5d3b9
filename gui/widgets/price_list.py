"""The catalog's prices (components, devices, cloud hours, electricity), each with its date and source,
and the editor for the user's own figures."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .numbers import format_money
from .price_editor import PriceEditor

ID_ROLE = Qt.ItemDataRole.UserRole


class _PriceItem(QTableWidgetItem):
    def __init__(self, text: str, number: float) -> None:
        super().__init__(text)
        self.number = number if math.isfinite(number) else math.inf
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return self.number < getattr(other, "number", math.inf)


class PriceList(QWidget):
    """Table of `catalog.prices()`; `priceChanged` after the user saved a price."""

    priceChanged = Signal()

    def __init__(self, catalog: Callable[[], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self.prices: dict[str, Any] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("priceTable")
        self.table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Category"), self.tr("Price"),
                                              self.tr("Date"), self.tr("Source")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        layout.addWidget(self.table, 1)
        self.edit_button = QPushButton(self.tr("Edit price…"))
        self.edit_button.setToolTip(self.tr("Your own figure, with its date and source; kept across catalog updates"))
        self.edit_button.clicked.connect(self.edit_selected)
        layout.addWidget(self.edit_button)

    def load(self) -> None:
        try:
            entries = self._catalog().prices()
        except Exception:  # no catalog: the hardware pane already says why
            entries = []
        self.prices = {entry.id: entry for entry in entries}
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            item = QTableWidgetItem(entry.item + ("  ✎" if entry.user_edited or entry.user_defined else ""))
            item.setData(ID_ROLE, entry.id)
            item.setToolTip(f"{entry.unit}\n{entry.notes}".strip())
            price_text = format_money(entry.price, entry.currency) if math.isfinite(entry.price) else (
                entry.price_text or "—")
            source = QTableWidgetItem(entry.source)
            source.setToolTip(entry.source)
            for column, cell in enumerate((item, QTableWidgetItem(entry.category), _PriceItem(price_text, entry.price),
                                           QTableWidgetItem(entry.date), source)):
                self.table.setItem(row, column, cell)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 320))

    def edit_selected(self) -> PriceEditor | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        entry = self.prices.get(self.table.item(rows[0].row(), 0).data(ID_ROLE))
        if entry is None:
            return None
        dialog = PriceEditor(self._catalog(), entry, self)
        dialog.finished.connect(lambda _result: self._after_edit(dialog))
        dialog.open()
        return dialog

    def _after_edit(self, dialog: PriceEditor) -> None:
        if dialog.saved is None:
            return
        self.load()
        self.priceChanged.emit()
