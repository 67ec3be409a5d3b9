"""Hardware pane: the catalog browser (full-text search in any language, filters), a comparison of
2-4 devices with the origin of every figure, user devices and prices, and the project's candidates.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..widgets.device_compare import MAX_DEVICES, DeviceComparison
from ..widgets.device_editor import DeviceEditor
from ..widgets.empty_state import EmptyState
from ..widgets.language_pane import LanguagePane
from ..widgets.numbers import format_bytes, format_money, format_number, format_si
from ..widgets.price_list import PriceList
from ..widgets.responsive import scrolling
from ..widgets.search_box import SearchBox

ID_ROLE = Qt.ItemDataRole.UserRole
MAX_PER_NODE = 8


def _known(value: float, formatter: Any) -> str:
    """Formatted value, or an em dash for unknown (the comparison below says why)."""
    return formatter(value) if value is not None and math.isfinite(value) else "—"


class _NumericItem(QTableWidgetItem):
    """Sorts by the number behind the text (unknown values sort last)."""

    def __init__(self, text: str, number: float) -> None:
        super().__init__(text)
        self.number = number if number is not None and not math.isnan(number) else math.inf
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return self.number < getattr(other, "number", math.inf)


class HardwarePane(LanguagePane):
    """Browse the catalog, compare devices, edit your own, and choose the project's candidates."""

    def __init__(self, project_model: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = project_model
        self.shown_devices: list[Any] = []
        self._candidate_devices: list[str] | None = None
        self._catalog_error = ""
        self.install_content()
        project_model.projectChanged.connect(self._show_candidates)
        project_model.validationFailed.connect(self._on_validation_failed)

    def fill_from_model(self) -> None:
        self._candidate_devices = None
        self._load_prices()
        self._load_vendors()
        self.refresh()
        self._show_candidates(self.model.project())

    def view_state(self) -> Any:
        return (self.search.text(), self.kind_filter.currentIndex(), self.vendor_filter.currentData(),
                self.min_memory.value(), self.max_price.value(), self.selected_ids(), self.lower_tabs.currentIndex())

    def restore_view_state(self, state: Any) -> None:
        text, kind, vendor, memory, price, selected, tab = state
        self.kind_filter.setCurrentIndex(kind)
        self.vendor_filter.setCurrentIndex(max(0, self.vendor_filter.findData(vendor)))
        self.min_memory.setValue(memory)
        self.max_price.setValue(price)
        self.search.set_search(text)
        self.select_ids(selected)
        self.lower_tabs.setCurrentIndex(tab)

    def build_content(self) -> QWidget:
        host = QWidget()
        layout = QVBoxLayout(host)
        layout.setContentsMargins(4, 4, 4, 4)

        filters = QGridLayout()
        filters.setHorizontalSpacing(6)
        self.search = SearchBox(self.tr("Search devices: name, vendor, alias (e.g. 4090, 英伟达, Jetson)"))
        self.search.setObjectName("hardwareSearch")
        self.search.searchChanged.connect(self.refresh)
        layout.addWidget(self.search)
        self.kind_filter = QComboBox()
        for label, kind in ((self.tr("All kinds"), None), ("GPU", "gpu"), ("CPU", "cpu"),
                            (self.tr("Edge"), "edge")):
            self.kind_filter.addItem(label, kind)
        self.kind_filter.currentIndexChanged.connect(self.refresh)
        filters.addWidget(self.kind_filter, 0, 0)
        self.vendor_filter = QComboBox()
        self.vendor_filter.addItem(self.tr("All vendors"), None)
        for combo in (self.kind_filter, self.vendor_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(7)
        self.vendor_filter.currentIndexChanged.connect(self.refresh)
        filters.addWidget(self.vendor_filter, 0, 1)
        self.min_memory = QDoubleSpinBox()
        self.min_memory.setRange(0, 4096)
        self.min_memory.setDecimals(0)
        self.min_memory.setSingleStep(8)
        self.min_memory.setSpecialValueText(self.tr("any memory"))
        self.min_memory.setSuffix(" GiB")
        self.min_memory.setPrefix("≥ ")
        self.min_memory.setToolTip(self.tr("Only devices with at least this much memory (0: any)"))
        self.min_memory.valueChanged.connect(self.refresh)
        filters.addWidget(self.min_memory, 1, 0)
        self.max_price = QDoubleSpinBox()
        self.max_price.setRange(0, 1e7)
        self.max_price.setDecimals(0)
        self.max_price.setSingleStep(500)
        self.max_price.setPrefix("≤ ")
        self.max_price.setSuffix(" USD")
        self.max_price.setSpecialValueText(self.tr("any price"))
        self.max_price.setToolTip(self.tr("Only devices with a known price up to this (0: any, unknown prices too)"))
        self.max_price.valueChanged.connect(self.refresh)
        filters.addWidget(self.max_price, 1, 1)
        layout.addLayout(filters)

        splitter = QSplitter(Qt.Orientation.Vertical)
        layout.addWidget(splitter, 1)
        self.table = QTableWidget()
        self.table.setObjectName("deviceTable")
        self.headers = [self.tr("Device"), self.tr("Vendor"), self.tr("Kind"), self.tr("Memory"),
                        self.tr("Bandwidth"), self.tr("FP32"), self.tr("FP16 tensor"), self.tr("INT8"),
                        self.tr("TDP"), self.tr("Price")]
        self.table.setColumnCount(len(self.headers))
        self.table.setHorizontalHeaderLabels(self.headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.table.doubleClicked.connect(lambda _index: self.add_selected_as_candidates())
        splitter.addWidget(self.table)

        lower = self.lower_tabs = QTabWidget()
        lower.setObjectName("hardwareTabs")
        compare_box = QGroupBox(self.tr("Comparison (select up to 4 devices)"))
        compare_layout = QVBoxLayout(compare_box)
        self.comparison = DeviceComparison()
        compare_layout.addWidget(self.comparison)
        lower.addTab(compare_box, self.tr("Compare"))

        side_widget = QWidget()
        side = QVBoxLayout(side_widget)
        side.setContentsMargins(0, 0, 0, 0)
        actions = QGroupBox(self.tr("Catalog"))
        actions_layout = QVBoxLayout(actions)
        self.add_device_button = QPushButton(self.tr("Add your own device…"))
        self.add_device_button.clicked.connect(self.add_device)
        self.edit_device_button = QPushButton(self.tr("Edit device or price…"))
        self.edit_device_button.clicked.connect(self.edit_selected_device)
        self.edit_device_button.setEnabled(False)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        for widget in (self.add_device_button, self.edit_device_button, self.count_label):
            actions_layout.addWidget(widget)
        side.addWidget(actions)

        candidates_box = QGroupBox(self.tr("Candidates for this project"))
        candidates_layout = QVBoxLayout(candidates_box)
        self.candidates = QTableWidget(0, 3)
        self.candidates.setObjectName("candidateTable")
        self.candidates.setHorizontalHeaderLabels([self.tr("Device"), self.tr("Count"), ""])
        self.candidates.verticalHeader().hide()
        self.candidates.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.candidates.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.candidates.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.candidates.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.candidates_empty = EmptyState(self.candidates, self.tr(
            "No candidates yet: select devices in the list above and press “Add selected”."))
        candidates_layout.addWidget(self.candidates, 1)
        row = QHBoxLayout()
        self.add_candidate_button = QPushButton(self.tr("Add selected"))
        self.add_candidate_button.setToolTip(self.tr("Add the selected catalog devices as candidates "
                                                     "(double-click a device does the same)"))
        self.add_candidate_button.clicked.connect(self.add_selected_as_candidates)
        self.add_local_button = QPushButton(self.tr("Add this workstation"))
        self.add_local_button.clicked.connect(lambda: self._add_candidates(["local"]))
        row.addWidget(self.add_candidate_button)
        row.addWidget(self.add_local_button)
        candidates_layout.addLayout(row)
        self.candidate_error = QLabel()
        self.candidate_error.setWordWrap(True)
        self.candidate_error.setStyleSheet("color: #c62828;")
        self.candidate_error.hide()
        candidates_layout.addWidget(self.candidate_error)
        side.addWidget(candidates_box, 1)
        lower.addTab(side_widget, self.tr("Candidates"))

        self.price_list = PriceList(lambda: self.catalog)
        self.price_list.priceChanged.connect(self._after_price_edit)
        self.price_table = self.price_list.table
        prices_widget = self.price_list
        lower.addTab(prices_widget, self.tr("Prices"))
        splitter.addWidget(lower)
        splitter.setSizes([420, 380])
        self.table.setMinimumHeight(150)
        # never below what the busiest tab needs (the pane scrolls instead of squashing its buttons)
        lower.setMinimumHeight(max(220, lower.minimumSizeHint().height()))

        return scrolling(host)

    # -- catalog browsing -----------------------------------------------------------------------
    @property
    def catalog(self) -> Any:
        return self.model.catalog

    def _load_vendors(self) -> None:
        try:
            vendors = sorted({d.vendor for d in self.catalog.devices()})
        except Exception as error:  # the pane still opens and says why
            self._catalog_error = str(error)
            return
        for vendor in vendors:
            self.vendor_filter.addItem(vendor, vendor)

    def refresh(self, *_args: object) -> None:
        """Re-run the search and filters against the catalog."""
        kind = self.kind_filter.currentData()
        text = self.search.text().strip()
        try:
            devices = self.catalog.search(text, kind, limit=10_000) if text else self.catalog.devices(kind)
        except Exception as error:
            self._catalog_error = str(error)
            devices = []
        vendor = self.vendor_filter.currentData()
        min_bytes = self.min_memory.value() * 1024**3
        max_price = self.max_price.value()
        shown = []
        for device in devices:
            if vendor and device.vendor != vendor:
                continue
            if min_bytes > 0 and not (device.memory_bytes >= min_bytes):
                continue
            if max_price > 0 and not (device.price_usd <= max_price):
                continue
            shown.append(device)
        self.shown_devices = shown
        self._fill_table(shown)
        if self._catalog_error:
            self.count_label.setText(self.tr("Catalog unavailable: %1").replace("%1", self._catalog_error))
        else:
            self.count_label.setText(self.tr("%1 devices shown").replace("%1", str(len(shown))))

    def _fill_table(self, devices: list[Any]) -> None:
        selected = set(self.selected_ids())
        self.table.setSortingEnabled(False)
        self.table.clearContents()
        self.table.setRowCount(len(devices))
        for row, device in enumerate(devices):
            name = QTableWidgetItem(device.name + ("  ★" if device.user_defined else ""))
            name.setData(ID_ROLE, device.id)
            name.setToolTip(self.tr("%1\nSource: %2").replace("%1", device.id).replace("%2", device.source or "?"))
            fp16 = device.peak("fp16")
            cells = [
                name,
                QTableWidgetItem(device.vendor),
                QTableWidgetItem(device.kind.upper()),
                _NumericItem(_known(device.memory_bytes, format_bytes), device.memory_bytes),
                _NumericItem(_known(device.memory_bandwidth_bps, lambda v: format_si(v, "B/s")),
                             device.memory_bandwidth_bps),
                _NumericItem(_known(device.peak("fp32"), lambda v: format_si(v, "FLOPS")), device.peak("fp32")),
                _NumericItem(_known(fp16, lambda v: format_si(v, "FLOPS")), fp16),
                _NumericItem(_known(device.peak("int8"), lambda v: format_si(v, "OPS")), device.peak("int8")),
                _NumericItem(_known(device.tdp_w, lambda v: f"{format_number(v)} W"), device.tdp_w),
                _NumericItem(_known(device.price_usd, format_money), device.price_usd),
            ]
            if math.isfinite(device.price_usd):
                cells[-1].setToolTip(f"{device.price_date}\n{device.price_source}")
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        # a long device name must not push the figures out of a narrow dock (the column can be widened)
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 190))
        if selected:
            self.select_ids(selected)

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.table.item(r, 0).data(ID_ROLE) for r in rows if self.table.item(r, 0) is not None]

    def select_ids(self, ids: set[str] | list[str]) -> None:
        wanted = set(ids)
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(ID_ROLE) in wanted:
                self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(560, 640)

    def _on_selection(self) -> None:
        ids = self.selected_ids()
        self.edit_device_button.setEnabled(len(ids) == 1)
        devices = []
        for device_id in ids[:MAX_DEVICES]:
            try:
                devices.append(self.catalog.get(device_id))
            except Exception:  # a row deleted meanwhile
                continue
        self.comparison.set_devices(devices)

    # -- user devices ---------------------------------------------------------------------------
    def add_device(self) -> None:
        self._edit(None)

    def edit_selected_device(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self._edit(ids[0])

    def _edit(self, device_id: str | None) -> DeviceEditor:
        dialog = DeviceEditor(self.catalog, device_id, self)
        dialog.finished.connect(lambda _result: self._after_edit(dialog))
        dialog.open()
        return dialog

    def _after_edit(self, dialog: DeviceEditor) -> None:
        if dialog.saved_id is None:
            return
        if self.vendor_filter.findData(dialog.fields["vendor"].text().strip()) < 0:
            self.vendor_filter.addItem(dialog.fields["vendor"].text().strip(), dialog.fields["vendor"].text().strip())
        self.refresh()
        self.select_ids([dialog.saved_id])
        self.model.request_estimate()  # the catalog changed under the estimate

    # -- prices ---------------------------------------------------------------------------------
    def _load_prices(self) -> None:
        self.price_list.load()

    def edit_selected_price(self) -> Any:
        return self.price_list.edit_selected()

    def _after_price_edit(self) -> None:
        self.refresh()  # a device price shows in the device table too
        self.model.request_estimate()

    # -- candidates -----------------------------------------------------------------------------
    def _candidate_list(self) -> list[dict]:
        return [dict(item) for item in self.model.project().get_value("hardware.candidates")]

    def _set_candidates(self, candidates: list[dict]) -> None:
        if self.model.set_value("hardware.candidates", candidates):
            self.candidate_error.hide()

    def add_selected_as_candidates(self) -> None:
        self._add_candidates(self.selected_ids())

    def _add_candidates(self, ids: list[str]) -> None:
        candidates = self._candidate_list()
        present = {c["device"] for c in candidates}
        candidates += [{"device": device_id, "count": 1} for device_id in ids if device_id not in present]
        self._set_candidates(candidates)

    def set_candidate_count(self, row: int, count: int) -> None:
        candidates = self._candidate_list()
        if 0 <= row < len(candidates) and candidates[row]["count"] != count:
            candidates[row]["count"] = count
            self._set_candidates(candidates)

    def remove_candidate(self, row: int) -> None:
        candidates = self._candidate_list()
        if 0 <= row < len(candidates):
            del candidates[row]
            self._set_candidates(candidates)

    def _device_name(self, device_id: str) -> str:
        if device_id == "local":
            return self.tr("This workstation")
        try:
            return self.catalog.get(device_id).name
        except Exception:
            try:
                return self.catalog.resolve(device_id).name
            except Exception:
                return device_id

    def _show_candidates(self, project: Any) -> None:
        if project is None:
            return
        candidates = project.get_value("hardware.candidates")
        devices = [c["device"] for c in candidates]
        if devices == self._candidate_devices:  # only counts changed: keep the editors (one may have focus)
            for row, candidate in enumerate(candidates):
                spin = self.candidates.cellWidget(row, 1)
                if spin is not None and spin.value() != int(candidate["count"]):
                    blocked = spin.blockSignals(True)
                    spin.setValue(int(candidate["count"]))
                    spin.blockSignals(blocked)
            return
        self._candidate_devices = devices
        for row in range(self.candidates.rowCount()):
            for column in (1, 2):
                old = self.candidates.cellWidget(row, column)
                if old is not None:
                    old.hide()  # deleted by the table later; never drawn over the new rows meanwhile
        self.candidates.setRowCount(len(candidates))
        for row, candidate in enumerate(candidates):
            item = QTableWidgetItem(self._device_name(candidate["device"]))
            item.setToolTip(candidate["device"])
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.candidates.setItem(row, 0, item)
            count = QSpinBox()
            count.setRange(1, MAX_PER_NODE)
            count.setValue(int(candidate["count"]))
            count.setSuffix(" ×")
            count.setToolTip(self.tr("Devices of this kind per machine (1 to %1)").replace("%1", str(MAX_PER_NODE)))
            count.valueChanged.connect(lambda value, r=row: self.set_candidate_count(r, value))
            self.candidates.setCellWidget(row, 1, count)
            remove = QPushButton(self.tr("Remove"))
            remove.clicked.connect(lambda _checked=False, r=row: self.remove_candidate(r))
            self.candidates.setCellWidget(row, 2, remove)

    def _on_validation_failed(self, field: str, message: str) -> None:
        if field.startswith("hardware.candidates"):
            self.candidate_error.setText(f"{field}: {message}")
            self.candidate_error.show()
