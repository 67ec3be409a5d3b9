"""Price against training time for the recommended configurations, Pareto front highlighted.

Click a point to select that configuration (`configurationClicked(index)`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ..widgets.numbers import format_duration, format_money
from . import palette
from .base import ChartBase, finite, time_unit


class ParetoChart(ChartBase):
    """`set_configurations(prices, seconds, labels, pareto_mask)`; `select(index)` rings one point."""

    configurationClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_title(self.tr("Price vs training time"))
        self.add_legend((-10, 10))
        self.front = self.plot_item.plot([], [], pen=palette.role_pen("pareto", 2), name=self.tr("Pareto front"))
        self.others = pg.ScatterPlotItem(size=8, pen=pg.mkPen(None), brush=palette.brush(7, 160), hoverable=True,
                                         tip=self._tip, name=self.tr("Other configurations"))
        self.optimal = pg.ScatterPlotItem(size=11, pen=palette.role_pen("pareto", 1.5),
                                          brush=palette.brush(0, 230), hoverable=True, tip=self._tip,
                                          name=self.tr("Pareto-optimal"))
        self.ring = pg.ScatterPlotItem(size=20, pen=pg.mkPen(palette.foreground(), width=2), brush=pg.mkBrush(None))
        for item in (self.others, self.optimal, self.ring):
            self.plot_item.addItem(item)
        self.others.sigClicked.connect(self._on_clicked)
        self.optimal.sigClicked.connect(self._on_clicked)
        self._labels: list[str] = []
        self._x = np.zeros(0)
        self._y = np.zeros(0)
        self._prices = np.zeros(0)
        self._seconds = np.zeros(0)
        self._currency = "USD"
        self.selected: int | None = None
        self.show_empty(self.tr("No recommended configurations"))

    def restyle(self) -> None:
        self.others.setBrush(palette.brush(7, 160))
        self.optimal.setBrush(palette.brush(0, 230))
        self.optimal.setPen(palette.role_pen("pareto", 1.5))
        self.front.setPen(palette.role_pen("pareto", 2))
        self.ring.setPen(pg.mkPen(palette.foreground(), width=2))

    def set_configurations(self, prices: np.ndarray, seconds: np.ndarray, labels: list[str],
                           pareto: np.ndarray, currency: str = "USD") -> None:
        prices = np.asarray(prices, dtype=float)
        seconds = np.asarray(seconds, dtype=float)
        pareto = np.asarray(pareto, dtype=bool)
        self._labels = list(labels)
        self._prices, self._seconds, self._currency = prices, seconds, currency
        mask = (finite(prices, seconds) & (seconds > 0)) if len(prices) else np.zeros(0, dtype=bool)
        if not mask.any():
            for item in (self.others, self.optimal, self.ring):
                item.setData([], [])
            self.front.setData([], [])
            self.show_empty(self.tr("No recommended configurations"))
            return
        self.hide_empty()
        divisor, unit = time_unit(float(np.min(seconds[mask])))
        self.set_axes(self.tr("Training time (%1, log scale)").replace("%1", unit), self.tr("Price"),
                      left_units=currency)
        # times span orders of magnitude: plot log10 of them on a logarithmic axis (items placed by hand)
        self.plot_item.getAxis("bottom").setLogMode(True)
        with np.errstate(divide="ignore", invalid="ignore"):
            self._x = np.log10(seconds / divisor)
        self._y = prices
        indices = np.arange(len(prices))
        on_front = mask & pareto
        off_front = mask & ~pareto
        self.others.setData(x=self._x[off_front], y=self._y[off_front], data=indices[off_front])
        self.optimal.setData(x=self._x[on_front], y=self._y[on_front], data=indices[on_front])
        order = np.argsort(self._x[on_front])
        self.front.setData(self._x[on_front][order], self._y[on_front][order])
        if self.selected is not None and self.selected < len(prices):
            self.select(self.selected)
        else:
            self.selected = None
            self.ring.setData([], [])

    def select(self, index: int) -> None:
        if 0 <= index < len(self._x):
            self.selected = index
            self.ring.setData([self._x[index]], [self._y[index]])

    def pareto_count(self) -> int:
        return len(self.optimal.data)

    def _tip(self, x: float, y: float, data: object) -> str:
        index = int(data) if data is not None else -1
        label = self._labels[index] if 0 <= index < len(self._labels) else ""
        seconds = self._seconds[index] if 0 <= index < len(self._seconds) else float("nan")
        return f"{label}\n{format_duration(seconds)} · {format_money(y, self._currency)}"

    def _on_clicked(self, _item: object, points: list, _event: object = None) -> None:
        if len(points):
            index = int(points[0].data())
            self.select(index)
            self.configurationClicked.emit(index)


@dataclass(frozen=True)
class Configuration:
    """One recommended configuration as the chart and the pane show it (read from the core's record)."""

    label: str
    price: float
    seconds: float
    pareto: bool
    currency: str = "USD"
    candidates: tuple[tuple[tuple[str, Any], ...], ...] = ()  # hardware.candidates entries to apply
    explanation: Any = None  # a Derived explaining the time or the price, when the core gives one
    record: Any = None  # the core's record (price items, sizing rules, failed constraints)
    meets: bool = True

    @property
    def details(self) -> str:
        """The record's price items, failed constraints and sizing rules as lines of text."""
        record = self.record
        if record is None:
            return ""
        lines = [f"{label}: {format_money(value)}" for label, value in (_first(record, "price_items") or ())]
        lines += [f"✗ {reason}" for reason in (_first(record, "reasons") or ())]
        lines += [f"• {rule}" for rule in (_first(record, "rules") or ())]
        return "\n".join(lines)


def _first(record: Any, *names: str) -> Any:
    for name in names:
        value = record.get(name) if isinstance(record, dict) else getattr(record, name, None)
        if value is not None:
            return value
    return None


def configurations_from(result: Any) -> list[Configuration]:
    """Configurations from `recommend(...)`: those that fit in memory and have a training time."""
    items = result if isinstance(result, list | tuple) else (_first(result, "configurations") or ())
    out = []
    for item in items:
        if _first(item, "fits_memory") is False:
            continue
        hours = _first(item, "training_hours")
        seconds = float(hours) * 3600.0 if hours is not None else float("nan")
        count = int(_first(item, "count") or 1)
        name = _first(item, "device_name") or _first(item, "device_id") or "?"
        device_id = _first(item, "device_id")
        out.append(Configuration(
            label=f"{count} × {name}", price=float(_first(item, "price_usd") or float("nan")), seconds=seconds,
            pareto=bool(_first(item, "pareto")), currency="USD",
            candidates=((("count", count), ("device", str(device_id))),) if device_id else (),
            record=item, meets=bool(_first(item, "meets") if _first(item, "meets") is not None else True)))
    return out
