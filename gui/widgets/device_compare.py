"""Side-by-side comparison of 1-4 devices: one column per device, each cell with its origin.

Unknown values say "unknown" (never a guess); the tooltip of every cell names where the value
came from (catalog row and its source, derivation, detection, measurement or the user's edit).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from .numbers import format_bytes, format_count, format_money, format_number, format_si

MAX_DEVICES = 4


def _rate(precision: str) -> Callable[[Any], float]:
    return lambda spec: spec.peak(precision)


class DeviceComparison(QTableWidget):
    """Rows are specs, columns are devices; `set_devices([...])` redraws."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setWordWrap(True)
        tr = self.tr
        # (label, getter, formatter, origin key)
        self.rows: list[tuple[str, Callable[[Any], Any], Callable[[Any], str], str]] = [
            (tr("Vendor"), lambda d: d.vendor, str, ""),
            (tr("Kind"), lambda d: d.kind.upper(), str, ""),
            (tr("Architecture"), lambda d: d.architecture, str, ""),
            (tr("Launch year"), lambda d: d.launch_year, lambda v: str(v), "launch_year"),
            (tr("Memory"), lambda d: d.memory_bytes, format_bytes, "memory_bytes"),
            (tr("Memory type"), lambda d: d.memory_type, str, ""),
            (tr("Memory bandwidth"), lambda d: d.memory_bandwidth_bps, lambda v: format_si(v, "B/s"),
             "memory_bandwidth_bps"),
            (tr("Cores"), lambda d: d.cores, format_count, "cores"),
            (tr("Boost clock"), lambda d: d.boost_clock_hz, lambda v: format_si(v, "Hz"), "boost_clock_hz"),
            (tr("FP32 FLOPs per clock per core"), lambda d: d.flops_per_clock_per_core, format_number,
             "flops_per_clock_per_core"),
            *[(tr("%1 dense peak").replace("%1", p.upper()), _rate(p),
               (lambda v, p=p: format_si(v, "OPS" if p.startswith("int") else "FLOPS")), f"peak_flops.{p}")
              for p in ("fp64", "fp32", "tf32", "fp16", "bf16", "fp8", "int8")],
            (tr("TDP"), lambda d: d.tdp_w, lambda v: f"{format_number(v)} W", "tdp_w"),
            (tr("PCIe"), lambda d: (d.pcie_gen, d.pcie_lanes),
             lambda v: f"{v[0]}.0 x{v[1]}" if v[0] and v[1] else "", "pcie_gen"),
            (tr("NVLink"), lambda d: d.nvlink_bps, lambda v: format_si(v, "B/s"), "nvlink_bps"),
            (tr("Peer-to-peer"), lambda d: d.peer_to_peer, lambda v: tr("yes") if v else tr("no"), "peer_to_peer"),
            (tr("Price"), lambda d: d.price_usd, lambda v: format_money(v, "USD"), "price_usd"),
            (tr("Price date"), lambda d: d.price_date, str, ""),
            (tr("Source"), lambda d: d.source, str, ""),
            (tr("Notes"), lambda d: d.notes, str, ""),
        ]
        self.setRowCount(len(self.rows))
        self.setVerticalHeaderLabels([row[0] for row in self.rows])
        self.devices: list[Any] = []

    def set_devices(self, devices: list[Any]) -> None:
        self.devices = list(devices)[:MAX_DEVICES]
        self.setColumnCount(len(self.devices))
        self.setHorizontalHeaderLabels([d.name for d in self.devices])
        unknown_colour = QBrush(QColor("#9a9a9a"))
        for column, device in enumerate(self.devices):
            for row, (_label, getter, formatter, origin_key) in enumerate(self.rows):
                value = getter(device)
                missing = value is None or value == "" or (isinstance(value, float) and math.isnan(value)) or (
                    isinstance(value, tuple) and not all(value))
                origin = device.field_origin.get(origin_key, "") if origin_key else ""
                text = self.tr("unknown") if missing else formatter(value)
                item = QTableWidgetItem(text)
                if missing:
                    item.setForeground(unknown_colour)
                item.setToolTip(self._origin_text(device, origin_key, origin, missing, text))
                if row >= len(self.rows) - 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.setItem(row, column, item)

    def cell_text(self, label: str, column: int) -> str:
        for row, entry in enumerate(self.rows):
            if entry[0] == label:
                item = self.item(row, column)
                return item.text() if item is not None else ""
        raise KeyError(label)

    def _origin_text(self, device: Any, key: str, origin: str, missing: bool, text: str) -> str:
        if missing:
            return self.tr("Not known: no published figure was found; Rigsizer does not guess.")
        names = {"catalog": self.tr("From the catalog: %1").replace("%1", device.source or "?"),
                 "derived": self.tr("Derived from first principles (cores × clock × FLOPs per clock)"),
                 "detected": self.tr("Detected on this workstation"),
                 "measured": self.tr("Measured by the micro-benchmarks"),
                 "user": self.tr("Entered by you")}
        if key == "price_usd":
            return self.tr("Price %1, %2, source: %3").replace("%1", text).replace(
                "%2", device.price_date or "?").replace("%3", device.price_source or "?")
        base = names.get(origin, "")
        if device.user_defined:
            base = names["user"]
        return f"{text}\n{base}".strip()
