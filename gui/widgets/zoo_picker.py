"""The model zoo picker: a searchable table of zoo entries (family, variant, input, classes, params).

Searching matches every word against name, family, description, input size, channels and classes.
It only lists what `list_models()` gives and asks the pane to use one (`useRequested(name)`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .numbers import format_si
from .search_box import SearchBox

NAME_ROLE = Qt.ItemDataRole.UserRole
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


class _CountItem(QTableWidgetItem):
    """Sorts by the count behind the text (unknown last)."""

    def __init__(self, text: str, number: float) -> None:
        super().__init__(text)
        self.number = number
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return self.number < getattr(other, "number", 0)


class ZooPicker(QGroupBox):
    """Search box, zoo table, "use its default input" and the use / build-your-own buttons."""

    useRequested = Signal(str)
    customRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Model zoo"), parent)
        layout = QVBoxLayout(self)
        self.search = SearchBox(self.tr("Search: name, family, input size, classes…"))
        self.search.setObjectName("presetSearch")
        self.search.searchChanged.connect(self.filter)
        layout.addWidget(self.search)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("presetTable")
        self.table.setHorizontalHeaderLabels([self.tr("Model"), self.tr("Family"), self.tr("Input"),
                                              self.tr("Classes"), self.tr("Params")])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # sized to contents in set_entries
        header.setStretchLastSection(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setMinimumHeight(140)
        self.table.doubleClicked.connect(lambda _index: self._use_selected())
        layout.addWidget(self.table, 1)
        self.default_input = QCheckBox(self.tr("Use its default input size"))
        self.default_input.setChecked(True)
        self.default_input.setToolTip(self.tr("Also set channels, height and width to the model's own input. "
                                              "Untick to keep your input (e.g. large grayscale images)."))
        layout.addWidget(self.default_input)
        row = QHBoxLayout()
        self.use_button = QPushButton(self.tr("Use model"))
        self.use_button.clicked.connect(self._use_selected)
        self.custom_button = QPushButton(self.tr("Build your own…"))
        self.custom_button.setToolTip(self.tr("Start a custom layer list (replaces the zoo model)"))
        self.custom_button.clicked.connect(self.customRequested.emit)
        row.addWidget(self.use_button)
        row.addWidget(self.custom_button)
        row.addStretch(1)
        layout.addLayout(row)

    def set_entries(self, entries: list[Any]) -> None:
        """One row per ZooEntry, grouped by family."""
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            channels, height, width = entry.default_input
            name = QTableWidgetItem(entry.name)
            name.setData(NAME_ROLE, entry.name)
            name.setToolTip(entry.description + (f"\n{entry.reference_source}" if entry.reference_source else ""))
            params = entry.reference_params
            cells = [name, QTableWidgetItem(entry.family), QTableWidgetItem(f"{channels}×{height}×{width}"),
                     _CountItem(str(entry.num_classes), entry.num_classes),
                     _CountItem(format_si(params) if params else "", params or 0)]
            words = " ".join([entry.name, entry.family, entry.description, str(height), str(width),
                              f"{channels}ch", f"{channels} channels", f"{entry.num_classes} classes"]).lower()
            for column, cell in enumerate(cells):
                cell.setData(SEARCH_ROLE, words)
                self.table.setItem(row, column, cell)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.resizeColumnsToContents()
        # the longest model and family names must not push Input and Params out of a narrow dock
        for column, limit in ((0, 150), (1, 100)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), limit))
        self.filter(self.search.text())

    def filter(self, text: str) -> None:
        words = text.lower().split()
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            haystack = str(item.data(SEARCH_ROLE)) if item else ""
            self.table.setRowHidden(row, bool(words) and not all(word in haystack for word in words))

    def visible_names(self) -> list[str]:
        return [self.table.item(r, 0).data(NAME_ROLE) for r in range(self.table.rowCount())
                if not self.table.isRowHidden(r)]

    def select(self, name: str) -> bool:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(NAME_ROLE) == name:
                self.table.selectRow(row)
                self.table.scrollToItem(self.table.item(row, 0))
                return True
        return False

    def selected_name(self) -> str:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).data(NAME_ROLE) if rows else ""

    def _use_selected(self) -> None:
        name = self.selected_name()
        if name:
            self.useRequested.emit(name)
