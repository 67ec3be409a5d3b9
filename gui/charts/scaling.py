"""Training time against the number of GPUs, with ideal linear scaling for comparison."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from ..widgets.numbers import format_duration
from . import palette
from .base import ChartBase, finite, time_unit


class ScalingChart(ChartBase):
    """`set_scaling(counts, seconds, selected)`: estimated time per count and the ideal 1/N line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_title(self.tr("Training time vs number of GPUs"))
        self.add_legend((-10, 10))
        self.ideal = self.plot_item.plot([], [], pen=palette.pen(7, 1.5, dashed=True), name=self.tr("Ideal scaling"))
        self.curve = self.plot_item.plot([], [], pen=palette.pen(0, 2.5), symbol="o", symbolSize=7,
                                         symbolBrush=palette.brush(0), name=self.tr("Estimated"))
        self.marker = pg.ScatterPlotItem(size=14, pen=palette.role_pen("pareto", 2), brush=pg.mkBrush(None))
        self.plot_item.addItem(self.marker)
        self._unit = "s"
        self.show_empty(self.tr("No multi-GPU estimate"))

    def restyle(self) -> None:
        self.ideal.setPen(palette.pen(7, 1.5, dashed=True))
        self.curve.setPen(palette.pen(0, 2.5))
        self.curve.setSymbolBrush(palette.brush(0))
        self.marker.setPen(palette.role_pen("pareto", 2))

    def set_scaling(self, counts: np.ndarray, seconds: np.ndarray, selected: int | None = None,
                    what: str = "") -> None:
        x = np.asarray(counts, dtype=float)
        y = np.asarray(seconds, dtype=float)
        mask = finite(x, y) & (y > 0) if len(x) else np.zeros(0, dtype=bool)
        if not mask.any():
            for item in (self.curve, self.ideal):
                item.setData([], [])
            self.marker.setData([], [])
            self.show_empty(self.tr("No multi-GPU estimate"))
            return
        self.hide_empty()
        x, y = x[mask], y[mask]
        divisor, self._unit = time_unit(float(np.max(y)))
        self.set_axes(self.tr("GPUs"), self.tr("Time (%1)").replace("%1", self._unit))
        self.curve.setData(x, y / divisor)
        ideal = y[0] * x[0] / x
        self.ideal.setData(x, ideal / divisor)
        if selected is not None and selected in x:
            index = int(np.nonzero(x == selected)[0][0])
            self.marker.setData([x[index]], [y[index] / divisor])
        else:
            self.marker.setData([], [])
        if what:
            self.set_title(what)
        self.plot_item.getAxis("bottom").setTicks([[(float(v), f"{int(v)}") for v in x]])
        self.curve.setToolTip("\n".join(f"{int(c)} × GPU: {format_duration(s)}" for c, s in zip(x, y, strict=True)))

    def series(self) -> tuple[np.ndarray, np.ndarray]:
        x, y = self.curve.getData()
        return (np.asarray(x) if x is not None else np.zeros(0), np.asarray(y) if y is not None else np.zeros(0))
