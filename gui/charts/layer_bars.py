"""Where the parameters and MACs go: horizontal bars of each layer's (or stage's) share, top N."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from ..widgets.numbers import format_number
from . import palette
from .base import ChartBase


def stage_of(name: str) -> str:
    """Stage a dotted layer name belongs to: "layer1.0.conv1" -> "layer1", "blocks.3.attn" -> "blocks.3"."""
    parts = name.split(".")
    if len(parts) >= 2 and parts[1].isdigit() and not parts[0].startswith("layer"):
        return ".".join(parts[:2])
    return parts[0]


class LayerBarsChart(ChartBase):
    """`set_layers(names, params, macs, top_n, by_stage)`: share of total params and MACs in %."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._set_coloured_title()
        self.set_axes(self.tr("Share of total (%)"), "")
        self.plot_item.getViewBox().invertY(True)
        self.params_bars = pg.BarGraphItem(x0=[], y=[], height=[], width=[], brush=palette.brush(0),
                                           pen=pg.mkPen(None), name=self.tr("Params"))
        self.macs_bars = pg.BarGraphItem(x0=[], y=[], height=[], width=[], brush=palette.brush(1),
                                         pen=pg.mkPen(None), name=self.tr("MACs"))
        self.plot_item.addItem(self.params_bars)
        self.plot_item.addItem(self.macs_bars)
        self.plot_item.showGrid(x=True, y=False, alpha=0.25)
        self.labels: list[str] = []
        self.show_empty(self.tr("No model"))

    def restyle(self) -> None:
        self.params_bars.setOpts(brush=palette.brush(0))
        self.macs_bars.setOpts(brush=palette.brush(1))
        self._set_coloured_title()

    def _set_coloured_title(self) -> None:
        """The title doubles as the legend (a legend box would sit on the longest bars)."""
        params = palette.brush(0).color().name()
        macs = palette.brush(1).color().name()
        text = self.tr("Where <span style='color:%1'>■ params</span> and <span style='color:%2'>■ MACs</span> go")
        self.set_title(text.replace("%1", params).replace("%2", macs))

    def set_layers(self, names: list[str], params: np.ndarray, macs: np.ndarray, top_n: int = 12,
                   by_stage: bool = False) -> None:
        params = np.asarray(params, dtype=float)
        macs = np.asarray(macs, dtype=float)
        names = list(names)
        if by_stage:
            stages: dict[str, list[float]] = {}
            for name, p, m in zip(names, params, macs, strict=True):
                totals = stages.setdefault(stage_of(name), [0.0, 0.0])
                totals[0] += p
                totals[1] += m
            names = list(stages)
            params = np.array([v[0] for v in stages.values()])
            macs = np.array([v[1] for v in stages.values()])
        total_params, total_macs = params.sum(), macs.sum()
        if not len(names) or (total_params <= 0 and total_macs <= 0):
            self.params_bars.setOpts(x0=[], y=[], height=[], width=[])
            self.macs_bars.setOpts(x0=[], y=[], height=[], width=[])
            self.labels = []
            self.show_empty(self.tr("No model"))
            return
        self.hide_empty()
        share_p = 100 * params / total_params if total_params > 0 else np.zeros_like(params)
        share_m = 100 * macs / total_macs if total_macs > 0 else np.zeros_like(macs)
        order = np.argsort(-np.maximum(share_p, share_m), kind="stable")[:top_n]
        if not by_stage:
            order = np.sort(order)  # execution order reads better than rank for single layers
        rows = np.arange(len(order), dtype=float)
        self.setMinimumHeight(max(260, 90 + 24 * len(order)))  # room for every label
        self.labels = [names[i] for i in order]
        self.params_bars.setOpts(x0=np.zeros(len(order)), y=rows - 0.2, height=0.38, width=share_p[order])
        self.macs_bars.setOpts(x0=np.zeros(len(order)), y=rows + 0.2, height=0.38, width=share_m[order])
        axis = self.plot_item.getAxis("left")
        axis.setTicks([[(float(r), _short(label)) for r, label in zip(rows, self.labels, strict=True)]])
        self.plot_item.setYRange(-0.6, len(order) - 0.4, padding=0)
        self.plot_item.setXRange(0, max(float(share_p[order].max()), float(share_m[order].max()), 1.0) * 1.3, padding=0)
        self.setToolTip("\n".join(
            f"{names[i]}: {format_number(share_p[i])} % params, {format_number(share_m[i])} % MACs" for i in order))


def _short(label: str, limit: int = 22) -> str:
    return label if len(label) <= limit else "…" + label[-(limit - 1):]
