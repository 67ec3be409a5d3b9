"""Common frame for the working charts: a themed PlotWidget with a title and an empty-state note.

Plot items are created once by each chart and updated with setData (pyqtgraph's fast path);
when there is nothing to draw the chart says why instead of showing empty axes.
"""

from __future__ import annotations

import math
import textwrap

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from . import palette, style

TIME_UNITS = ((86400.0 * 3, 86400.0, "d"), (7200.0, 3600.0, "h"), (120.0, 60.0, "min"), (1.0, 1.0, "s"),
              (1e-3, 1e-3, "ms"), (0.0, 1e-6, "µs"))


def time_unit(max_seconds: float) -> tuple[float, str]:
    """(divisor, unit name) so that the largest value reads naturally."""
    if not math.isfinite(max_seconds):
        return 1.0, "s"
    for threshold, divisor, name in TIME_UNITS:
        if max_seconds >= threshold:
            return divisor, name
    return 1e-6, "µs"


def finite(*arrays: np.ndarray) -> np.ndarray:
    """Mask of entries finite in every array."""
    mask = np.ones(len(arrays[0]), dtype=bool)
    for array in arrays:
        mask &= np.isfinite(np.asarray(array, dtype=float))
    return mask


class ChartBase(pg.PlotWidget):
    """A PlotWidget with translated title/axes, theme following and an empty-state message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(240, 180)
        self.plot_item = self.getPlotItem()
        self.plot_item.showGrid(x=True, y=True, alpha=0.25)
        self.plot_item.setMenuEnabled(False)
        self.plot_item.hideButtons()
        self._empty = pg.TextItem("", anchor=(0.5, 0.5))
        self._empty.setZValue(100)
        self.plot_item.addItem(self._empty, ignoreBounds=True)
        self._empty_reason = ""
        palette.apply_theme(self)
        # one registration per chart: a theme switch re-runs its restyle() for the pens it holds
        style.style_custom(self, lambda chart, _style: chart._restyle_all())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        # pyqtgraph asks for 640 x 480; docked panes hold several charts, so ask for less
        return QSize(360, 280)

    def set_title(self, text: str) -> None:
        if text == getattr(self, "_title_text", None):
            return  # re-laying out a title label is costly; charts redraw on every estimate
        self._title_text = text
        self.plot_item.setTitle(text, color=palette.foreground(), size="10pt")

    def set_axes(self, bottom: str, left: str, bottom_units: str = "", left_units: str = "") -> None:
        """Axis titles; with units pyqtgraph adds the SI prefix itself ("TFLOP/s")."""
        key = (bottom, left, bottom_units, left_units)
        if key == getattr(self, "_axes_key", None):
            return
        self._axes_key = key
        self.plot_item.setLabel("bottom", bottom, units=bottom_units or None)
        self.plot_item.setLabel("left", left, units=left_units or None)

    def show_empty(self, reason: str) -> None:
        """Say why nothing is drawn (e.g. "No device selected")."""
        self._empty_reason = reason
        self._empty.setText(textwrap.fill(reason, 38), color=palette.foreground())
        if self.plot_item.legend is not None:
            self.plot_item.legend.hide()
        self._style_new_legend_items()
        view = self.plot_item.getViewBox()
        rect = view.viewRect()
        self._empty.setPos(rect.center())
        self._empty.show()
        self._style_legend()

    def hide_empty(self) -> None:
        self._empty_reason = ""
        self._empty.hide()
        if self.plot_item.legend is not None:
            self.plot_item.legend.show()
        self._style_new_legend_items()

    def empty_reason(self) -> str:
        return self._empty_reason

    def add_legend(self, offset: tuple[int, int] | None, columns: int = 1) -> None:
        """A legend in the theme's colours (kept in step on theme switches).

        `offset=None` puts it under the x axis instead of over the data: for charts whose series
        fill the plot (stacked areas), where no corner stays free.
        """
        if offset is not None:
            self.plot_item.addLegend(offset=offset, colCount=columns)
        else:
            legend = pg.LegendItem(colCount=columns, frame=False)
            self.plot_item.legend = legend  # plot(..., name=) adds its series here
            self.plot_item.layout.addItem(legend, 4, 1)
            self.plot_item.layout.setRowStretchFactor(4, 0)
        self._style_legend()

    def _style_new_legend_items(self) -> None:
        legend = self.plot_item.legend
        if legend is not None and len(legend.items) != getattr(self, "_legend_styled", -1):
            self._style_legend()

    def _style_legend(self) -> None:
        legend = self.plot_item.legend
        if legend is not None:
            legend.setLabelTextColor(palette.foreground())
            background = palette.background()
            background.setAlpha(200)
            legend.setBrush(background)
            for _sample, label in legend.items:
                label.setText(label.text, color=palette.foreground())
            self._legend_styled = len(legend.items)

    def _restyle_all(self) -> None:
        self._title_text = None  # the title colour changes with the theme
        try:
            self._style_legend()
            if self._empty_reason:
                self._empty.setText(textwrap.fill(self._empty_reason, 38), color=palette.foreground())
            self.restyle()
        except AttributeError:  # registration runs once before the subclass has built its items
            pass
        except RuntimeError:  # a closed chart whose items Qt has already deleted: nothing to recolour
            pass

    def restyle(self) -> None:
        """Re-apply series colours after a theme switch (charts override when they hold pens)."""
