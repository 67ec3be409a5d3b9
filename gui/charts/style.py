"""Chart colours per theme for pyqtgraph, re-applied to every styled plot when the theme switches.

Panes call `style_plot(plot)` once for each PlotWidget/PlotItem and `style_item(item, series=i)` (or
`role=...`) for each curve, bar or scatter item; when `set_dark(...)` runs (the theme switch), all
registered plots and items are re-coloured. Anything else can listen to `notifier.changed`.
Series colours follow the Okabe-Ito palette, readable for colour-blind users on both backgrounds.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPen


@dataclass(frozen=True)
class ChartStyle:
    dark: bool
    background: str
    foreground: str  # axis lines, tick labels, titles
    grid_alpha: float
    series: tuple[str, ...]
    roles: dict[str, str]  # named colours: capacity, limit, pareto, highlight, good, warn, bad, muted


LIGHT = ChartStyle(
    dark=False,
    background="#ffffff",
    foreground="#303030",
    grid_alpha=0.25,
    series=("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#8C6D1F", "#595959"),
    roles={
        "capacity": "#C0392B",
        "limit": "#C0392B",
        "pareto": "#D55E00",
        "highlight": "#0072B2",
        "good": "#1E8449",
        "warn": "#B9770E",
        "bad": "#C0392B",
        "muted": "#9A9A9A",
    },
)

DARK = ChartStyle(
    dark=True,
    background="#1e1f22",
    foreground="#d8d8d8",
    grid_alpha=0.3,
    series=("#56B4E9", "#F0C05A", "#3DDC97", "#E89BC6", "#8FD3FF", "#FF8A4C", "#D9B45A", "#BBBBBB"),
    roles={
        "capacity": "#FF6B6B",
        "limit": "#FF6B6B",
        "pareto": "#FF8A4C",
        "highlight": "#56B4E9",
        "good": "#58D68D",
        "warn": "#F5B041",
        "bad": "#FF6B6B",
        "muted": "#7A7A7A",
    },
)


class _Notifier(QObject):
    changed = Signal(object)  # the new ChartStyle


_current: ChartStyle = LIGHT
_configured: ChartStyle | None = None  # the style pyqtgraph's global defaults were last set to
_notifier: _Notifier | None = None
_plots: list[weakref.ref] = []
_items: list[tuple[weakref.ref, Callable[[Any, ChartStyle], None]]] = []


def notifier() -> _Notifier:
    """A QObject whose `changed(ChartStyle)` signal fires after every theme switch."""
    global _notifier
    if _notifier is None:
        _notifier = _Notifier()
    return _notifier


def chart_style() -> ChartStyle:
    return _current


def is_dark() -> bool:
    return _current.dark


def series_color(index: int) -> QColor:
    return QColor(_current.series[index % len(_current.series)])


def role_color(role: str) -> QColor:
    return QColor(_current.roles.get(role, _current.foreground))


def series_pen(index: int, width: float = 2.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(series_color(index), width)
    pen.setStyle(style)
    pen.setCosmetic(True)
    return pen


def role_pen(role: str, width: float = 2.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(role_color(role), width)
    pen.setStyle(style)
    pen.setCosmetic(True)
    return pen


def series_brush(index: int, alpha: int = 255) -> QBrush:
    color = series_color(index)
    color.setAlpha(alpha)
    return QBrush(color)


def role_brush(role: str, alpha: int = 255) -> QBrush:
    color = role_color(role)
    color.setAlpha(alpha)
    return QBrush(color)


def foreground_pen(width: float = 1.0) -> QPen:
    pen = QPen(QColor(_current.foreground), width)
    pen.setCosmetic(True)
    return pen


def _plot_item(plot: Any) -> Any:
    return plot.getPlotItem() if hasattr(plot, "getPlotItem") else plot


def _apply_plot(plot: Any, style: ChartStyle) -> None:
    if hasattr(plot, "setBackground"):
        plot.setBackground(style.background)
    item = _plot_item(plot)
    for name in ("left", "bottom", "right", "top"):
        axis = item.getAxis(name) if hasattr(item, "getAxis") else None
        if axis is None:
            continue
        axis.setPen(QColor(style.foreground))
        axis.setTextPen(QColor(style.foreground))
        axis.setGrid(int(style.grid_alpha * 255) if axis.grid is not False else False)
    title = getattr(item, "titleLabel", None)
    if title is not None and getattr(title, "text", ""):
        title.setText(title.text, color=style.foreground)
    legend = getattr(item, "legend", None)
    if legend is not None:
        legend.setLabelTextColor(QColor(style.foreground))
        legend.setBrush(QBrush(QColor(style.background)))


def style_plot(plot: Any) -> Any:
    """Colour a PlotWidget/PlotItem for the current theme now and after every switch; returns it."""
    if _configured is not _current:
        _configure_pyqtgraph(_current)
    _apply_plot(plot, _current)
    _plots.append(weakref.ref(plot))
    return plot


def _recolour_item(item: Any, pen: QPen | None, brush: QBrush | None) -> None:
    opts = getattr(item, "opts", {})
    if hasattr(item, "setSymbolBrush") and "symbolBrush" in opts:  # PlotDataItem / curves
        if pen is not None:
            item.setPen(pen)
        if brush is not None and opts.get("symbol") is not None:
            item.setSymbolBrush(brush)
            item.setSymbolPen(pen if pen is not None else foreground_pen())
        if brush is not None and opts.get("fillLevel") is not None:
            item.setBrush(brush)
    elif hasattr(item, "setOpts") and "brushes" in opts:  # BarGraphItem
        item.setOpts(brush=brush, pen=pen, brushes=None, pens=None)
    elif hasattr(item, "setBrush") and hasattr(item, "setPen"):  # ScatterPlotItem, InfiniteLine, regions
        if pen is not None:
            item.setPen(pen)
        if brush is not None:
            item.setBrush(brush)
    elif hasattr(item, "setPen") and pen is not None:
        item.setPen(pen)


def style_item(
    item: Any,
    series: int | None = None,
    role: str | None = None,
    width: float = 2.0,
    fill_alpha: int | None = None,
    pen_style: Qt.PenStyle = Qt.PenStyle.SolidLine,
) -> Any:
    """Colour one plot item by series index or role, now and after every theme switch; returns it."""

    def apply(target: Any, _style: ChartStyle) -> None:
        if role is not None:
            pen = role_pen(role, width, pen_style)
            brush = role_brush(role, fill_alpha) if fill_alpha is not None else role_brush(role)
        else:
            index = series or 0
            pen = series_pen(index, width, pen_style)
            brush = series_brush(index, fill_alpha) if fill_alpha is not None else series_brush(index)
        _recolour_item(target, pen, brush)

    return style_custom(item, apply)


def style_custom(target: Any, apply: Callable[[Any, ChartStyle], None]) -> Any:
    """Run `apply(target, style)` now and after every theme switch (for anything style_item misses)."""
    apply(target, _current)
    _items.append((weakref.ref(target), apply))
    return target


def _alive(obj: Any) -> bool:
    if obj is None:
        return False
    try:
        import shiboken6

        return shiboken6.isValid(obj)
    except (ImportError, TypeError):
        return True


def set_dark(dark: bool) -> None:
    """Switch every registered chart to the light or dark palette (called by the theme switch)."""
    global _current
    style = DARK if dark else LIGHT
    _current = style
    survivors = []
    for ref in _plots:
        plot = ref()
        if _alive(plot):
            _apply_plot(plot, style)
            survivors.append(ref)
    _plots[:] = survivors
    live_items = []
    for ref, apply in _items:
        target = ref()
        if _alive(target):
            apply(target, style)
            live_items.append((ref, apply))
    _items[:] = live_items
    _configure_pyqtgraph(style)
    notifier().changed.emit(style)


def _configure_pyqtgraph(style: ChartStyle) -> None:
    """New plots pick up the theme's defaults even before style_plot is called on them."""
    import sys

    global _configured
    pyqtgraph = sys.modules.get("pyqtgraph")
    if pyqtgraph is None:  # not imported yet (start-up): the first styled plot applies the defaults
        return
    _configured = style

    pyqtgraph.setConfigOptions(background=style.background, foreground=style.foreground, antialias=True)


def _owner_widget(target: Any) -> Any:
    """The QWidget a registered plot or item is drawn in (None when it is not shown anywhere)."""
    from PySide6.QtWidgets import QGraphicsItem, QWidget

    if isinstance(target, QWidget):
        return target
    if isinstance(target, QGraphicsItem):
        scene = target.scene()
        views = scene.views() if scene is not None else []
        return views[0] if views else None
    return None


def forget_under(root: Any) -> None:
    """Stop re-colouring everything inside `root` (a window being closed for good)."""

    def inside(target: Any) -> bool:
        if not _alive(target):
            return True
        owner = _owner_widget(target)
        return owner is not None and _alive(owner) and (owner is root or root.isAncestorOf(owner))

    _plots[:] = [ref for ref in _plots if not inside(ref())]
    _items[:] = [(ref, apply) for ref, apply in _items if not inside(ref())]


def registered_counts() -> tuple[int, int]:
    """(plots, items) currently tracked; for tests and leak checks."""
    return len(_plots), len(_items)
