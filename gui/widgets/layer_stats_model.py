"""Table model of a ModelReport's per-layer statistics, sortable by any column.

Numbers come from the report (LayerStats and its own traffic/intensity methods); the view only
formats them. Sorting uses the raw numbers, the display uses locale-aware text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from .numbers import format_bytes, format_count, format_number, format_si

Index = QModelIndex | QPersistentModelIndex


def shape_text(shape: tuple[int, ...]) -> str:
    return " × ".join(str(s) for s in shape) if shape else "—"


class LayerStatsModel(QAbstractTableModel):
    """One row per layer: name, kind, output shape, params, MACs, activations, traffic, intensity."""

    SORT_ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.report: Any = None
        self._rows: list[tuple[Any, ...]] = []
        self._headers = [self.tr("Layer"), self.tr("Kind"), self.tr("Output shape"), self.tr("Params"),
                         self.tr("MACs"), self.tr("Activations"), self.tr("Traffic"), self.tr("Intensity")]
        self._tips = [self.tr("Layer name as torchvision/timm print it"), self.tr("Layer kind and detail"),
                      self.tr("Output shape per sample (batch excluded)"), self.tr("Trainable and frozen parameters"),
                      self.tr("Forward multiply-accumulates per sample (conv, linear, matmul only)"),
                      self.tr("Output elements per sample"),
                      self.tr("Bytes moved per sample in forward: inputs + weights + outputs"),
                      self.tr("FLOPs per byte of traffic (roofline x-axis)")]

    def set_report(self, report: Any) -> None:
        self.beginResetModel()
        self.report = report
        self._rows = []
        if report is not None:
            bpe = report.bytes_per_element
            for layer in report.layers:
                kind = f"{layer.kind} ({layer.detail})" if layer.detail else layer.kind
                self._rows.append((layer.name, kind, layer.output_shape, layer.params, layer.macs,
                                   layer.output_elements, layer.traffic_bytes(bpe), layer.intensity(bpe)))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._tips[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        value = row[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 2:
                return shape_text(value)
            if column == 3:
                return format_count(value)
            if column == 4:
                return format_si(value, "", 3) if value >= 1e6 else format_count(value)
            if column == 5:
                return format_si(value, "", 3) if value >= 1e6 else format_count(value)
            if column == 6:
                return format_bytes(value)
            if column == 7:
                return format_number(value, 3)
            return value
        if role == self.SORT_ROLE:
            if column == 2:
                return int(self._elements(value))
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column in (3, 4):
            return format_count(value)
        return None

    @staticmethod
    def _elements(shape: tuple[int, ...]) -> int:
        total = 1
        for size in shape:
            total *= size
        return total if shape else 0

    def row_values(self, row: int) -> tuple[Any, ...]:
        return self._rows[row]
