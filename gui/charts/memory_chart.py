"""Memory per device against batch size, stacked by component, with the device capacity line."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from . import palette
from .base import ChartBase

GIB = 1024.0**3


class MemoryChart(ChartBase):
    """`set_breakdown(batches, {component: bytes}, capacity_bytes, selected_batch)`.

    Components are stacked in the order given (weights first, activations last reads best).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_title(self.tr("Memory vs batch size"))
        self.set_axes(self.tr("Batch size"), self.tr("Memory (GiB)"))
        self.add_legend(None, columns=3)  # under the axis: the stacked areas leave no corner free
        self._base = self.plot_item.plot([], [], pen=None)
        self._tops: dict[str, pg.PlotDataItem] = {}
        self._below: dict[str, pg.PlotDataItem] = {}
        self._fills: dict[str, pg.FillBetweenItem] = {}
        self.capacity = pg.InfiniteLine(angle=0, pen=palette.role_pen("capacity", 2),
                                        label=self.tr("capacity"), labelOpts={"position": 0.8, "color": palette.foreground()})
        self.capacity.hide()
        self.selected_line = pg.InfiniteLine(angle=90, pen=palette.pen(7, 1.5, dashed=True), label=self.tr("chosen batch"),
                                             labelOpts={"position": 0.6, "color": palette.foreground(),
                                                        "anchors": [(0, 0.5), (0, 0.5)]})  # right of the line
        self.selected_line.hide()
        self.plot_item.addItem(self.capacity)
        self.plot_item.addItem(self.selected_line)
        self.show_empty(self.tr("No memory estimate"))

    def restyle(self) -> None:
        self.capacity.setPen(palette.role_pen("capacity", 2))
        self.capacity.label.setColor(palette.foreground())
        self.selected_line.setPen(palette.pen(7, 1.5, dashed=True))
        self.selected_line.label.setColor(palette.foreground())
        for index, name in enumerate(self._tops):
            self._tops[name].setPen(palette.pen(index, 1.2))
            self._fills[name].setBrush(palette.brush(index, 110))

    def _layer(self, name: str, below: pg.PlotDataItem) -> pg.PlotDataItem:
        if name not in self._tops:
            index = len(self._tops)
            top = self.plot_item.plot([], [], pen=palette.pen(index, 1.2), name=name)
            fill = pg.FillBetweenItem(below, top, brush=palette.brush(index, 110))
            self.plot_item.addItem(fill)
            self._tops[name] = top
            self._fills[name] = fill
            self._below[name] = below
            self._style_legend()
        return self._tops[name]

    def set_breakdown(self, batches: np.ndarray, components: dict[str, np.ndarray], capacity_bytes: float = float("nan"),
                      selected_batch: float | None = None) -> None:
        x = np.asarray(batches, dtype=float)
        if not len(x) or not components:
            for item in self._tops.values():
                item.setData([], [])
            self._base.setData([], [])
            self.capacity.hide()
            self.show_empty(self.tr("No memory estimate"))
            return
        self.hide_empty()
        self._base.setData(x, np.zeros_like(x))
        running = np.zeros_like(x)
        below = self._base
        for name, values in components.items():
            series = np.nan_to_num(np.asarray(values, dtype=float) * np.ones_like(x)) / GIB
            running = running + series
            top = self._layer(name, below)
            top.setData(x, running.copy())
            # keep each fill between its own curve and the one below (the order may change per project)
            if self._below.get(name) is not below:
                self._fills[name].setCurves(below, top)
                self._below[name] = below
            below = top
        for name, item in self._tops.items():
            if name not in components:
                item.setData([], [])
        if np.isfinite(capacity_bytes) and capacity_bytes > 0:
            self.capacity.setValue(capacity_bytes / GIB)
            self.capacity.show()
        else:
            self.capacity.hide()
        if selected_batch is not None and np.isfinite(selected_batch):
            self.selected_line.setValue(selected_batch)
            self.selected_line.show()
        else:
            self.selected_line.hide()
        top = float(np.nanmax(running)) if running.size else 0.0
        if np.isfinite(capacity_bytes) and capacity_bytes > 0:
            top = max(top, capacity_bytes / GIB)
        self.plot_item.setXRange(float(x.min()), float(x.max()), padding=0.02)
        self.plot_item.setYRange(0, max(top, 1e-3) * 1.08, padding=0)

    def total_gib(self) -> np.ndarray:
        """Stacked total per batch (the top curve), for tests and tooltips."""
        for item in reversed(list(self._tops.values())):
            _, y = item.getData()
            if y is not None and len(y):
                return np.asarray(y)
        return np.zeros(0)
