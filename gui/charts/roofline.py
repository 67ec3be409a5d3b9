"""Roofline of the selected device with the model's layers as points (log-log).

attainable = min(peak, intensity x bandwidth) — the roof comes from the Estimate's peak and
bandwidth; each layer's point is the Estimate's (intensity, attained rate), not recomputed here.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ..widgets.numbers import format_number, format_si
from . import palette
from .base import ChartBase, finite


class RooflineChart(ChartBase):
    """`set_roofline(...)` redraws; `layerClicked(name)` when a point is clicked."""

    layerClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_title(self.tr("Roofline"))
        self.set_axes(self.tr("Arithmetic intensity (FLOP/byte)"), self.tr("Attainable rate"), left_units="FLOP/s")
        self.plot_item.setLogMode(x=True, y=True)
        self.roof = self.plot_item.plot([], [], pen=palette.pen(0, 2.5), name=self.tr("Roof"))
        self.ridge = pg.InfiniteLine(angle=90, pen=palette.pen(7, 1, dashed=True))
        self.ridge.hide()
        self.plot_item.addItem(self.ridge)
        self.points = pg.ScatterPlotItem(size=8, pen=pg.mkPen(None), brush=palette.brush(1, 200),
                                         hoverable=True, hoverSize=12, tip=self._tip)
        self.points.sigClicked.connect(self._on_clicked)
        self.plot_item.addItem(self.points)
        self._names: list[str] = []
        self._peak = float("nan")
        self._bandwidth = float("nan")
        self.show_empty(self.tr("No device selected"))

    def restyle(self) -> None:
        self.roof.setPen(palette.pen(0, 2.5))
        self.points.setBrush(palette.brush(1, 200))
        self.ridge.setPen(palette.pen(7, 1, dashed=True))

    def set_roofline(self, peak_flops: float, bandwidth_bps: float, intensities: np.ndarray,
                     attained_flops: np.ndarray, names: list[str] | tuple[str, ...] = (),
                     device: str = "") -> None:
        """Roof for (peak, bandwidth) and one point per layer at (intensity, attained rate)."""
        self._peak, self._bandwidth = float(peak_flops), float(bandwidth_bps)
        if not (np.isfinite(self._peak) and np.isfinite(self._bandwidth)) or self._peak <= 0 or self._bandwidth <= 0:
            self.roof.setData([], [])
            self.points.setData([], [])
            self.ridge.hide()
            self.show_empty(self.tr("Peak or bandwidth of %1 unknown").replace("%1", device or self.tr("the device")))
            return
        self.hide_empty()
        x = np.asarray(intensities, dtype=float)
        y = np.asarray(attained_flops, dtype=float)
        mask = finite(x, y) & (x > 0) & (y > 0)
        ridge = self._peak / self._bandwidth
        low = min(float(np.min(x[mask])) if mask.any() else ridge, ridge) / 4
        high = max(float(np.max(x[mask])) if mask.any() else ridge, ridge) * 4
        grid = np.geomspace(low, high, 128)
        self.roof.setData(grid, np.minimum(self._peak, grid * self._bandwidth))
        self.ridge.setValue(np.log10(ridge))
        self.ridge.show()
        self._names = [str(n) for n in names] if len(names) == len(x) else [str(i) for i in range(len(x))]
        indices = np.nonzero(mask)[0]
        # scatter items do not follow the plot's log mode: place them in log10 coordinates
        self.points.setData(x=np.log10(x[mask]), y=np.log10(y[mask]), data=indices)
        self.set_title(self.tr("Roofline — %1").replace("%1", device) if device else self.tr("Roofline"))

    def point_count(self) -> int:
        return len(self.points.data)

    def _tip(self, x: float, y: float, data: object) -> str:
        name = self._names[int(data)] if data is not None and int(data) < len(self._names) else ""
        return self.tr("%1\nintensity %2 FLOP/B\n%3").replace("%1", name).replace(
            "%2", format_number(10**x)).replace("%3", format_si(10**y, "FLOP/s"))

    def _on_clicked(self, _item: object, points: list, _event: object = None) -> None:
        if len(points):
            index = int(points[0].data())
            if index < len(self._names):
                self.layerClicked.emit(self._names[index])


