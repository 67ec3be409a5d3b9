"""Live charts of this machine: CPU per core and total, RAM, and per GPU utilisation, memory,
temperature, power and clock, from `core.hardware.sampler.Sampler` at 1 Hz with 10 minutes of history.

Plot items are created once; each tick only calls `setData` on the sampler's numpy arrays, and
only while the charts are visible. Without an NVIDIA GPU the GPU area says why instead of
showing empty charts.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from rigsizer.gui.charts import style

INTERVAL_S = 1.0
HISTORY_S = 600.0
MIN_SPAN_S = 60.0  # the time axis grows from one minute to the full history as samples arrive
GIB = 1024.0**3


def _plot(height: int = 130) -> pg.PlotWidget:
    plot = pg.PlotWidget()
    plot.setFixedHeight(height)  # the charts stack in a scroll area; none should swallow the others
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    item = plot.getPlotItem()
    item.showGrid(x=True, y=True, alpha=0.25)
    item.setXRange(-MIN_SPAN_S, 0, padding=0)
    item.getAxis("left").setWidth(44)
    style.style_plot(plot)
    return plot


class LiveMonitor(QWidget):
    """Sampler-driven charts with a pause button; `sample_once()` advances it by one tick."""

    sampled = Signal()

    def __init__(self, parent: QWidget | None = None, sampler: Any = None, interval_s: float = INTERVAL_S) -> None:
        super().__init__(parent)
        self.setObjectName("liveMonitor")
        if sampler is None:
            from rigsizer.core.hardware.sampler import Sampler

            sampler = Sampler(interval_s=interval_s, history_s=HISTORY_S)
        self.sampler = sampler
        self.paused = False
        self._span = MIN_SPAN_S
        self.pause_button = QPushButton(self)
        self.pause_button.setCheckable(True)
        self.pause_button.toggled.connect(self.set_paused)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.gpu_status = QLabel(self)
        self.gpu_status.setObjectName("gpuStatus")
        self.gpu_status.setWordWrap(True)
        self.gpu_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header = QHBoxLayout()
        header.addWidget(self.summary, 1)
        header.addWidget(self.pause_button)

        self._titles: list[tuple[pg.PlotWidget, str]] = []
        charts = QWidget(self)
        grid = QGridLayout(charts)
        grid.setContentsMargins(0, 0, 0, 0)
        self.cpu_plot = _plot(190)
        cores = sampler.core_count
        self.core_curves = [style.style_item(self.cpu_plot.plot(connect="finite"), role="muted", width=1) for _ in range(cores)]
        self.cpu_curve = style.style_item(self.cpu_plot.plot(connect="finite"), series=0, width=2.5)
        self.cpu_plot.setYRange(0, 100, padding=0.02)
        self.ram_plot = _plot()
        self.ram_curve = style.style_item(self.ram_plot.plot(fillLevel=0, connect="finite"), series=1, width=2, fill_alpha=60)
        import psutil

        total = float(psutil.virtual_memory().total) / GIB
        self.ram_total_gib = total
        self.ram_limit = style.style_item(pg.InfiniteLine(pos=total, angle=0), role="capacity", width=1.5, pen_style=Qt.PenStyle.DashLine)
        self.ram_plot.addItem(self.ram_limit)
        if np.isfinite(total):
            self.ram_plot.setYRange(0, total * 1.05, padding=0)
        grid.addWidget(self.cpu_plot, 0, 0)
        grid.addWidget(self.ram_plot, 1, 0)
        self._all_plots = [self.cpu_plot, self.ram_plot]
        row = 2
        grid.addWidget(self.gpu_status, row, 0)
        row += 1
        self.gpu_plots: list[dict[str, pg.PlotWidget]] = []
        self.gpu_curves: list[dict[str, Any]] = []
        for _gpu in range(sampler.gpu_count):
            plots: dict[str, pg.PlotWidget] = {}
            curves: dict[str, Any] = {}
            for key, series_index in (("util", 2), ("temperature", 5), ("power", 3), ("clock", 4)):
                plot = _plot(150 if key == "util" else 120)
                plots[key] = plot
                curves[key] = style.style_item(plot.plot(connect="finite"), series=series_index, width=2)
                grid.addWidget(plot, row, 0)
                row += 1
            curves["memory"] = style.style_item(plots["util"].plot(connect="finite"), series=1, width=2, pen_style=Qt.PenStyle.DashLine)
            plots["util"].setYRange(0, 100, padding=0.02)
            self.gpu_plots.append(plots)
            self.gpu_curves.append(curves)
            self._all_plots += list(plots.values())
        grid.setRowStretch(row, 1)  # spare height goes below the charts
        self._gpu_memory_total = self._gpu_memory_totals()
        self._fix_gpu_ranges()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(charts)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(scroll, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(int(interval_s * 1000))
        self.timer.setTimerType(Qt.TimerType.CoarseTimer)
        self.timer.timeout.connect(self.sample_once)
        self.retranslate()
        self.timer.start()

    def _fix_gpu_ranges(self) -> None:
        """Fixed scales (0 to the card's limits) so a steady reading does not become a zoomed-in wiggle."""
        for index, plots in enumerate(self.gpu_plots):
            plots["temperature"].setYRange(0, 100, padding=0.02)
            try:
                info = self.sampler.gpu_info(index)
            except Exception:  # noqa: BLE001 — without limits the charts scale themselves
                info = None
            limit = getattr(info, "power_limit_w", np.nan)
            if np.isfinite(limit) and limit > 0:
                plots["power"].setYRange(0, limit * 1.05, padding=0)
            else:
                plots["power"].getPlotItem().getViewBox().setAutoVisible(y=True)
                plots["power"].setLimits(yMin=0)
            clock = getattr(info, "max_sm_clock_hz", np.nan)
            if np.isfinite(clock) and clock > 0:
                plots["clock"].setYRange(0, clock / 1e6 * 1.05, padding=0)
            else:
                plots["clock"].setLimits(yMin=0)

    def _gpu_memory_totals(self) -> list[float]:
        totals = []
        for index in range(self.sampler.gpu_count):
            total = np.nan
            try:
                info = self.sampler.gpu_info(index)
                total = float(info.memory_total_bytes)
            except Exception:  # noqa: BLE001 — a missing total only means the memory line is in bytes
                pass
            totals.append(total)
        return totals

    # ---- texts -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.pause_button.setText(self.tr("Resume") if self.paused else self.tr("Pause"))
        self.pause_button.setToolTip(self.tr("Stop or restart sampling (history is kept)"))
        self._set_title(self.cpu_plot, self.tr("CPU utilisation, %: total (bold) and per core"))
        self._set_title(self.ram_plot, self.tr("RAM used, GiB (dashed: installed)"))
        for index, plots in enumerate(self.gpu_plots):
            self._set_title(plots["util"], self.tr("GPU %1: utilisation and memory used (dashed), %").replace("%1", str(index)))
            self._set_title(plots["temperature"], self.tr("GPU %1: temperature, °C").replace("%1", str(index)))
            self._set_title(plots["power"], self.tr("GPU %1: power, W").replace("%1", str(index)))
            self._set_title(plots["clock"], self.tr("GPU %1: SM clock, MHz").replace("%1", str(index)))
        for plot in (self.cpu_plot, self.ram_plot):  # GPU charts share the same time axis, unlabelled
            plot.getPlotItem().getAxis("bottom").setLabel(self.tr("seconds ago"))
        self._update_gpu_status()
        self._update_summary()

    def _set_title(self, plot: pg.PlotWidget, text: str) -> None:
        plot.setTitle(text, color=style.chart_style().foreground, size="9pt")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 — Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_gpu_status(self) -> None:
        if self.sampler.gpu_count == 0:
            from rigsizer.gui.i18n import phrase_language
            from rigsizer.gui.report import phrases

            reason = phrases.no_gpu_reason(self.sampler.gpu_status, phrase_language())
            self.gpu_status.setText(self.tr("No GPU charts: %1").replace("%1", reason))
        else:
            self.gpu_status.setText(self.sampler.gpu_status)

    def _update_summary(self) -> None:
        from rigsizer.gui.i18n import format_number

        if len(self.sampler) == 0:
            self.summary.setText(self.tr("Sampling every second; 10 minutes of history."))
            return
        cpu = self.sampler.latest("cpu_percent")
        ram = self.sampler.latest("ram_used_bytes") / GIB
        text = self.tr("CPU %1 %, RAM %2 of %3 GiB").replace("%1", format_number(cpu, 0))
        text = text.replace("%2", format_number(ram, 1)).replace("%3", format_number(self.ram_total_gib, 1))
        if self.paused:
            text += " — " + self.tr("paused")
        self.summary.setText(text)

    # ---- sampling ----------------------------------------------------------------------------
    def set_paused(self, paused: bool) -> None:
        self.paused = paused
        if self.pause_button.isChecked() != paused:
            self.pause_button.setChecked(paused)
        if paused:
            self.timer.stop()
        else:
            self.timer.start()
        self.retranslate()

    def sample_once(self) -> None:
        self.sampler.sample()
        if self.isVisible():
            self.redraw()
        self.sampled.emit()

    def redraw(self) -> None:
        sampler = self.sampler
        t, total = sampler.series("cpu_percent")
        if len(t) == 0:
            return
        ago = t - t[-1]
        span = min(HISTORY_S, max(MIN_SPAN_S, float(-ago[0]) if len(ago) else 0.0))
        if span != self._span:
            self._span = span
            for plot in self._all_plots:
                plot.getPlotItem().setXRange(-span, 0, padding=0)
        self.cpu_curve.setData(ago, total)
        _, cores = sampler.series("cpu_core_percent")
        for index, curve in enumerate(self.core_curves):
            curve.setData(ago, cores[:, index])
        _, ram = sampler.series("ram_used_bytes")
        self.ram_curve.setData(ago, ram / GIB)
        for index, curves in enumerate(self.gpu_curves):
            _, util = sampler.series("gpu_util_percent", index)
            curves["util"].setData(ago, util)
            _, memory = sampler.series("gpu_memory_used_bytes", index)
            total_memory = self._gpu_memory_total[index]
            curves["memory"].setData(ago, 100.0 * memory / total_memory if np.isfinite(total_memory) else memory / GIB)
            curves["temperature"].setData(ago, sampler.series("gpu_temperature_c", index)[1])
            curves["power"].setData(ago, sampler.series("gpu_power_w", index)[1])
            curves["clock"].setData(ago, sampler.series("gpu_sm_clock_hz", index)[1] / 1e6)
        self._update_summary()
        if sampler.gpu_count:
            self._update_gpu_status()

    def showEvent(self, event: Any) -> None:  # noqa: N802 — Qt override
        super().showEvent(event)
        self.redraw()

    def shutdown(self) -> None:
        self.timer.stop()
