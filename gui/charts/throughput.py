"""Training (or inference) throughput against batch size, with the chosen batch marked."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from . import palette
from .base import ChartBase, finite


class ThroughputChart(ChartBase):
    """`set_curves({label: (batches, samples_per_s)}, selected_batch, limit_batch)`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_title(self.tr("Throughput vs batch size"))
        self.set_axes(self.tr("Batch size"), self.tr("Throughput"), left_units="samples/s")
        self.plot_item.setLogMode(x=True, y=False)
        self.add_legend((10, 10))
        self._curves: dict[str, pg.PlotDataItem] = {}
        self.selected_line = pg.InfiniteLine(angle=90, pen=palette.role_pen("highlight", 1.5), label=self.tr("chosen batch"),
                                             labelOpts={"position": 0.33, "color": palette.foreground(),
                                                        "anchors": [(0, 0.5), (0, 0.5)]})  # right of the line
        self.selected_line.hide()
        self.limit_line = pg.InfiniteLine(angle=90, pen=palette.role_pen("limit", 1.5, dashed=True),
                                          label=self.tr("memory limit"),
                                          labelOpts={"position": 0.08, "color": palette.foreground(),
                                                     "anchors": [(1, 0.5), (1, 0.5)]})  # left of it, under the curves
        self.limit_line.hide()
        self.plot_item.addItem(self.selected_line)
        self.plot_item.addItem(self.limit_line)
        self.show_empty(self.tr("No throughput estimate"))

    def restyle(self) -> None:
        for index, curve in enumerate(self._curves.values()):
            curve.setPen(palette.pen(index, 2.5))
            curve.setSymbolBrush(palette.brush(index))
        self.selected_line.setPen(palette.role_pen("highlight", 1.5))
        self.selected_line.label.setColor(palette.foreground())
        self.limit_line.setPen(palette.role_pen("limit", 1.5, dashed=True))
        self.limit_line.label.setColor(palette.foreground())

    def _curve(self, label: str) -> pg.PlotDataItem:
        if label not in self._curves:
            index = len(self._curves)
            self._curves[label] = self.plot_item.plot([], [], pen=palette.pen(index, 2.5), symbol="o", symbolSize=5,
                                                      symbolBrush=palette.brush(index), name=label)
            self._style_legend()
        return self._curves[label]

    def set_curves(self, curves: dict[str, tuple[np.ndarray, np.ndarray]], selected_batch: float | None = None,
                   limit_batch: float | None = None) -> None:
        drawn = 0
        for label, (batches, rates) in curves.items():
            x = np.asarray(batches, dtype=float)
            y = np.asarray(rates, dtype=float)
            mask = finite(x, y) & (x > 0) if len(x) else np.zeros(0, dtype=bool)
            self._curve(label).setData(x[mask], y[mask])
            drawn += int(mask.sum())
        legend = self.plot_item.legend
        for label, curve in self._curves.items():
            listed = legend is not None and any(sample.item is curve for sample, _ in legend.items)
            if label not in curves:
                curve.setData([], [])
                if listed:
                    legend.removeItem(curve)  # no empty series in the legend (an inference-only project)
            elif legend is not None and not listed:
                legend.addItem(curve, label)
                self._style_legend()
        if not drawn:
            self.show_empty(self.tr("No throughput estimate"))
        else:
            self.hide_empty()
            self._batch_ticks([np.asarray(batches, dtype=float) for batches, _ in curves.values()])
        for line, value in ((self.selected_line, selected_batch), (self.limit_line, limit_batch)):
            if value is not None and np.isfinite(value) and value > 0:
                line.setValue(np.log10(value))
                line.show()
            else:
                line.hide()

    def _batch_ticks(self, batches: list[np.ndarray]) -> None:
        """Batch sizes as plain numbers at powers of two (1, 2, 4, … 32), not log-axis "2·10¹" labels."""
        values = np.concatenate(batches) if batches else np.zeros(0)
        values = values[np.isfinite(values) & (values > 0)]
        if not len(values):
            return
        low, high = int(np.floor(np.log2(values.min()))), int(np.ceil(np.log2(values.max())))
        step = max(1, (high - low + 1) // 8)  # at most about eight labels
        ticks = [(float(np.log10(2.0**k)), f"{2**k:g}") for k in range(max(low, 0), high + 1, step)]
        self.plot_item.getAxis("bottom").setTicks([ticks, []])

    def point_count(self) -> int:
        total = 0
        for curve in self._curves.values():
            x, _ = curve.getData()
            total += 0 if x is None else len(x)
        return total
