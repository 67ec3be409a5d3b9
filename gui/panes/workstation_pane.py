"""The Workstation pane: what this machine has, how it matches the catalog, what is unknown,
measured vs theoretical speed, and live charts of its load.

Detection and micro-benchmarks run on worker threads; the pane only displays their results and
offers this machine to the project as the "local" hardware candidate.
"""

from __future__ import annotations

import math
import threading
from html import escape
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rigsizer.gui.i18n import format_bytes, format_number, phrase_language
from rigsizer.gui.report import phrases
from rigsizer.gui.widgets.empty_state import EmptyState
from rigsizer.gui.worker import Job, run_in_worker

LOCAL = "local"


def _detect(state: Any) -> Any:
    from rigsizer.core.hardware.detect import detect

    state.set_progress(0.1, "detecting")
    return detect()


def _finite(value: Any) -> bool:
    return isinstance(value, int | float) and not (isinstance(value, float) and math.isnan(value))


def _unknown_fields(spec: Any) -> list[str]:
    origin = getattr(spec, "field_origin", {}) or {}
    return sorted(name for name, source in origin.items() if source == "unknown")


class WorkstationPane(QWidget):
    """Detected hardware, catalog matches, micro-benchmarks and the live monitor."""

    detected = Signal(object)  # the Workstation (or DetectedSystem when matching failed)
    measured = Signal(object)  # micro-benchmark report

    def __init__(self, project_model: Any, parent: QWidget | None = None, start_monitor: bool = True) -> None:
        super().__init__(parent)
        self.project_model = project_model
        self.system: Any = None
        self.workstation: Any = None
        self.detect_error = ""
        self.bench_report: Any = None
        self._detect_job: Job | None = None
        self._bench_job: Job | None = None
        self._bench_cancel = threading.Event()
        self.quick_measure = False  # True: the short CI-sized runs

        self.use_button = QPushButton(self)
        self.use_button.setObjectName("useWorkstation")
        self.use_button.setEnabled(False)
        self.use_button.clicked.connect(self.use_this_workstation)
        self.redetect_button = QPushButton(self)
        self.redetect_button.clicked.connect(self.detect)
        self.headline = QLabel(self)
        self.headline.setObjectName("workstationHeadline")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.gpu_reason = QLabel(self)
        self.gpu_reason.setObjectName("gpuReason")
        self.gpu_reason.setWordWrap(True)
        self.gpu_reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        # Item and Source are capped to a share of the width so that Value, the column that matters,
        # keeps room in a narrow dock; a cut cell is still readable in full below the tree.
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(False)
        self.tree.currentItemChanged.connect(self._show_row)
        self.row_detail = QLabel(self)
        self.row_detail.setObjectName("rowDetail")
        self.row_detail.setWordWrap(True)
        self.row_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.row_detail.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        # wrapped labels under a stretching view get one line from the layout: reserve room for three
        self.row_detail.setMinimumHeight(self.row_detail.fontMetrics().lineSpacing() * 3 + 6)
        self.row_detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.measure_button = QPushButton(self)
        self.measure_button.setObjectName("measure")
        self.measure_button.clicked.connect(self.measure)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_measure)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.bench_status = QLabel(self)
        self.bench_status.setWordWrap(True)
        self.bench_status.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.bench_status.setMinimumHeight(self.bench_status.fontMetrics().lineSpacing() * 6 + 6)
        self.bench_status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.bench_table = QTableWidget(0, 4, self)
        self.bench_table.verticalHeader().hide()
        self.bench_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.bench_table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.bench_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.bench_empty = EmptyState(self.bench_table)

        buttons = QHBoxLayout()
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.redetect_button)
        buttons.addStretch(1)

        detected_page = QWidget(self)
        detected_layout = QVBoxLayout(detected_page)
        detected_layout.setContentsMargins(4, 4, 4, 4)
        detected_layout.addWidget(self.headline)
        detected_layout.addWidget(self.gpu_reason)
        detected_layout.addLayout(buttons)
        detected_layout.addWidget(self.tree, 1)
        detected_layout.addWidget(self.row_detail)

        measure_page = QWidget(self)
        measure_layout = QVBoxLayout(measure_page)
        measure_layout.setContentsMargins(4, 4, 4, 4)
        measure_buttons = QHBoxLayout()
        measure_buttons.addWidget(self.measure_button)
        measure_buttons.addWidget(self.cancel_button)
        measure_buttons.addWidget(self.progress, 1)
        measure_layout.addLayout(measure_buttons)
        measure_layout.addWidget(self.bench_table, 1)
        measure_layout.addWidget(self.bench_status)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(detected_page, "")
        self.tabs.addTab(measure_page, "")
        self.monitor: Any = None
        self.monitor_error = ""
        if start_monitor:
            try:
                from rigsizer.gui.charts.live_monitor import LiveMonitor

                self.monitor = LiveMonitor(self)
                self.tabs.addTab(self.monitor, "")
            except Exception as error:  # noqa: BLE001 — the pane stays useful without live charts
                self.monitor_error = f"{type(error).__name__}: {error}"
                label = QLabel(self)
                label.setWordWrap(True)
                self.tabs.addTab(label, "")
                self.monitor = None
                self._monitor_label = label
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.retranslate()
        self.detect()

    # ---- texts -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.use_button.setText(self.tr("Use this workstation"))
        self.use_button.setToolTip(self.tr("Make this machine the first hardware candidate of the project"))
        self.redetect_button.setText(self.tr("Detect again"))
        self.measure_button.setText(self.tr("Measure"))
        self.measure_button.setToolTip(
            self.tr("Run short micro-benchmarks (matrix multiply, memory bandwidth) on this machine")
        )
        self.cancel_button.setText(self.tr("Cancel"))
        self.tree.setHeaderLabels([self.tr("Item"), self.tr("Value"), self.tr("Source")])
        self.bench_table.setHorizontalHeaderLabels(
            [self.tr("Quantity"), self.tr("Measured"), self.tr("Theoretical"), self.tr("Ratio")]
        )
        self.bench_empty.set_hint(self.tr("No measurements yet. Press Measure to time this machine's real "
                                          "compute and memory speed (about a minute)."))
        self.tabs.setTabText(0, self.tr("Detected"))
        self.tabs.setTabText(1, self.tr("Measure"))
        if self.tabs.count() > 2:
            self.tabs.setTabText(2, self.tr("Live monitor"))
        if self.monitor is None and self.monitor_error:
            self._monitor_label.setText(self.tr("Live charts are not available: %1").replace("%1", self.monitor_error))
        if self.bench_report is None and self._bench_job is None:
            self.bench_status.setText(
                self.tr("Measure compares what this machine really achieves with its theoretical peak.")
            )
        self._fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 — Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- detection ---------------------------------------------------------------------------
    def detect(self) -> None:
        if self._detect_job is not None:
            self._detect_job.cancel()
        self.headline.setText(self.tr("Detecting this workstation…"))
        self._detect_job = run_in_worker(_detect, on_done=self._detected, on_error=self._detect_failed)

    def _detected(self, system: Any) -> None:
        self._detect_job = None
        self.system = system
        self.detect_error = ""
        try:
            from rigsizer.core.hardware.workstation import workstation

            try:
                catalog = self.project_model.catalog
            except Exception:  # noqa: BLE001 — match against nothing; the pane says so
                catalog = None
            self.workstation = workstation(catalog, system=system)
        except Exception as error:  # noqa: BLE001
            self.workstation = None
            self.detect_error = f"{type(error).__name__}: {error}"
        self.use_button.setEnabled(True)
        self._fill()
        self.detected.emit(self.workstation or system)

    def _detect_failed(self, error: BaseException) -> None:
        self._detect_job = None
        self.detect_error = f"{type(error).__name__}: {error}"
        self._fill()

    def _fill(self) -> None:
        self.tree.clear()
        system = self.system
        if system is None:
            if self.detect_error:
                self.headline.setText(self.tr("Detection failed: %1").replace("%1", self.detect_error))
            self.gpu_reason.hide()
            return
        cpu = system.cpu
        cores = cpu.physical_cores if cpu.physical_cores is not None else "?"
        threads = cpu.logical_cores if cpu.logical_cores is not None else "?"
        self.headline.setText(
            self.tr("%1 — %2 cores / %3 threads, %4 RAM")
            .replace("%1", cpu.model_name)
            .replace("%2", str(cores))
            .replace("%3", str(threads))
            .replace("%4", format_bytes(system.ram_total_bytes))
        )
        if system.gpus:
            self.gpu_reason.hide()
        else:
            reason = phrases.no_gpu_reason(system.gpu_status, phrase_language())
            self.gpu_reason.setText(self.tr("No NVIDIA GPU in use: %1").replace("%1", reason))
            self.gpu_reason.show()
        station = self.workstation
        self._add_cpu(system, station)
        self._add_memory(system)
        self._add_disks(system)
        self._add_gpus(system, station)
        if self.detect_error:
            QTreeWidgetItem(self.tree, [self.tr("Catalog match"), self.detect_error, ""])
        self.tree.expandAll()
        self._fit_columns()
        self._show_row(None)

    def _fit_columns(self) -> None:
        """Item up to 38 % and Source up to 25 % of the tree's width, each no wider than its contents."""
        width = self.tree.viewport().width()
        for column, share in ((0, 0.38), (2, 0.25)):
            self.tree.resizeColumnToContents(column)
            self.tree.setColumnWidth(column, min(self.tree.columnWidth(column), max(60, int(width * share))))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_columns()

    def _show_row(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        """The selected row in full (long reasons do not fit a column)."""
        if item is None or not item.text(1):
            self.row_detail.setText(self.tr("Select a row to read it in full."))
            return
        source = f" — {item.text(2)}" if item.text(2) else ""
        self.row_detail.setText(f"<b>{escape(item.text(0), quote=False)}</b>: {escape(item.text(1), quote=False)}<i>{escape(source, quote=False)}</i>")

    def _section(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [title, "", ""])
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        return item

    def _row(self, parent: QTreeWidgetItem, name: str, value: str, source: str = "") -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [name, value, source])
        item.setToolTip(1, value)
        item.setToolTip(2, source)
        return item

    def _add_cpu(self, system: Any, station: Any) -> None:
        cpu = system.cpu
        section = self._section(self.tr("CPU"))
        detected = self.tr("detected")
        self._row(section, self.tr("Model"), cpu.model_name, detected)
        self._row(section, self.tr("Architecture"), f"{cpu.vendor} {cpu.architecture}".strip(), detected)
        self._row(section, self.tr("Cores / threads"), f"{cpu.physical_cores} / {cpu.logical_cores}", detected)
        if cpu.usable_cores is not None and cpu.usable_cores != cpu.logical_cores:
            self._row(section, self.tr("Usable cores"), str(cpu.usable_cores), cpu.usable_cores_source)
        clock = cpu.max_clock_hz if _finite(cpu.max_clock_hz) else cpu.current_clock_hz
        self._row(section, self.tr("Clock"), self._hz(clock), cpu.clock_source or detected)
        if cpu.isa:
            self._row(section, self.tr("Vector ISA"), ", ".join(cpu.isa), detected)
        if _finite(cpu.last_level_cache_bytes):
            self._row(section, self.tr("Last-level cache"), format_bytes(cpu.last_level_cache_bytes), detected)
        if station is not None:
            spec = station.cpu
            peak = spec.derived_fp32_peak if _finite(spec.derived_fp32_peak) else spec.peak("fp32")
            self._row(section, self.tr("FP32 peak"), self._flops(peak), self.tr("derived"))
            self._row(section, self.tr("Catalog match"), station.matches.get(spec.id, ""), spec.source)
            self._add_unknown(section, spec)
        for key, reason in sorted(system.unavailable.items()):
            if key.startswith("cpu."):
                self._row(section, self.tr("Unknown: %1").replace("%1", key.removeprefix("cpu.")), reason)

    def _add_memory(self, system: Any) -> None:
        section = self._section(self.tr("Memory"))
        self._row(section, self.tr("Installed"), format_bytes(system.ram_total_bytes), self.tr("detected"))
        self._row(section, self.tr("Available now"), format_bytes(system.ram_available_bytes), self.tr("detected"))

    def _add_disks(self, system: Any) -> None:
        section = self._section(self.tr("Disks"))
        for disk in system.disks:
            kind = {True: self.tr("rotational"), False: self.tr("solid state"), None: self.tr("type unknown")}[disk.rotational]
            value = self.tr("%1 (%2 free), %3, %4").replace("%1", format_bytes(disk.total_bytes))
            value = value.replace("%2", format_bytes(disk.free_bytes)).replace("%3", disk.fstype).replace("%4", kind)
            self._row(section, disk.mountpoint, value, disk.device)

    def _add_gpus(self, system: Any, station: Any) -> None:
        section = self._section(self.tr("GPUs"))
        if not system.gpus:
            self._row(section, self.tr("None"), system.gpu_status, "NVML")
            return
        specs = {spec.id: spec for spec in (station.gpus if station is not None else ())}
        for gpu in system.gpus:
            item = self._row(section, f"GPU {gpu.index}", gpu.name, "NVML")
            self._row(item, self.tr("Memory"), format_bytes(gpu.memory_total_bytes), "NVML")
            if _finite(gpu.max_sm_clock_hz):
                self._row(item, self.tr("Max SM clock"), self._hz(gpu.max_sm_clock_hz), "NVML")
            if _finite(gpu.pcie_max_gen):
                link = f"PCIe {int(gpu.pcie_max_gen)}.0 x{int(gpu.pcie_max_width) if _finite(gpu.pcie_max_width) else '?'}"
                self._row(item, self.tr("Link"), link, "NVML")
            spec = specs.get(f"local-gpu-{gpu.index}")
            if spec is not None:
                self._row(item, self.tr("FP32 peak"), self._flops(spec.peak("fp32")), spec.source)
                self._row(item, self.tr("Catalog match"), station.matches.get(spec.id, ""), spec.source)
                self._add_unknown(item, spec)
            for key, reason in sorted(gpu.unavailable.items()):
                self._row(item, self.tr("Unknown: %1").replace("%1", key), reason, "NVML")

    def _add_unknown(self, parent: QTreeWidgetItem, spec: Any) -> None:
        unknown = _unknown_fields(spec)
        if unknown:
            row = self._row(parent, self.tr("Unknown fields"), ", ".join(unknown), self.tr("not in detection or catalog"))
            row.setForeground(1, self.palette().placeholderText())

    @staticmethod
    def _hz(value: float) -> str:
        return f"{format_number(value / 1e9, 2)} GHz" if _finite(value) else format_number(math.nan)

    @staticmethod
    def _flops(value: float) -> str:
        if not _finite(value):
            return format_number(math.nan)
        return f"{format_number(value / 1e12, 2)} TFLOPS" if value >= 1e12 else f"{format_number(value / 1e9, 1)} GFLOPS"

    # ---- the project's hardware ------------------------------------------------------------
    def use_this_workstation(self) -> bool:
        """Make "local" the project's first hardware candidate (one undo step)."""
        project = self.project_model.project()
        gpu_count = len(self.system.gpus) if self.system is not None else 0
        current = [c.to_dict() for c in project.hardware.candidates if c.device != LOCAL]
        candidates = [{"device": LOCAL, "count": max(1, min(8, gpu_count))}, *current]
        changes: dict[str, Any] = {"hardware.candidates": candidates}
        if self.system is not None and _finite(self.system.ram_total_bytes):
            changes["hardware.ram_gib"] = max(1.0, round(self.system.ram_total_bytes / 1024**3, 1))
        from rigsizer.core.errors import ValidationError

        try:
            updated = project.with_values(changes)
        except ValidationError as error:
            self.project_model.validationFailed.emit(error.field, str(error))
            return False
        self.project_model.set_project(updated, self.tr("Use this workstation"))
        return True

    # ---- micro-benchmarks ------------------------------------------------------------------
    def measure(self) -> None:
        if self._bench_job is not None:
            return
        self.bench_report = None
        self._bench_cancel = threading.Event()
        self.progress.setValue(0)
        self.progress.setFormat("%p%")
        self.measure_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.bench_table.setRowCount(0)
        self.bench_status.setText(self.tr("Measuring… the machine is busy until this finishes."))
        station = self.workstation
        self._bench_job = run_in_worker(
            _run_microbench,
            station.cpu if station is not None else None,
            station.gpus[0] if station is not None and station.gpus else None,
            self.quick_measure,
            self._bench_cancel,
            on_done=self._measured,
            on_error=self._measure_failed,
            on_progress=self._measure_progress,
        )

    def cancel_measure(self) -> None:
        """Stop after the running step; the results measured so far are still shown."""
        if self._bench_job is not None:
            self._bench_cancel.set()
            self.cancel_button.setEnabled(False)
            self.bench_status.setText(self.tr("Cancelling…"))

    def is_measuring(self) -> bool:
        return self._bench_job is not None

    def _measure_progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        if message:
            self.progress.setFormat(f"{message} — %p%")

    def _measured(self, report: Any) -> None:
        self._bench_job = None
        self.bench_report = report
        self.measure_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setFormat("%p%")
        if not report.cancelled:
            self.progress.setValue(1000)
        self._fill_bench(report)
        try:
            from rigsizer.core.hardware.microbench import store

            if store(report, self.project_model.catalog) and self.system is not None:
                self._detected(self.system)  # the workstation spec now carries the measurement
                self.project_model.request_estimate()  # a "local" candidate is re-estimated with it
        except Exception as error:  # noqa: BLE001 — results stay on screen even if they cannot be stored
            self.progress.setFormat(self.tr("Measured, not saved: %1").replace("%1", str(error) or type(error).__name__))
        self.measured.emit(report)

    def _measure_failed(self, error: BaseException) -> None:
        self._bench_job = None
        self.measure_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.bench_status.setText(self.tr("Measurement failed: %1").replace("%1", str(error)))

    def _fill_bench(self, report: Any) -> None:
        results = list(report.results)
        self.bench_table.setRowCount(len(results))
        for row, result in enumerate(results):
            measured = result.measured
            theoretical = result.theoretical
            utilisation = result.utilisation
            values = [
                result.label,
                _scaled(measured.value, measured.unit),
                _scaled(theoretical.value, theoretical.unit) if theoretical is not None else self.tr("unknown"),
                f"{format_number(100 * utilisation.value, 0)} %" if utilisation is not None else self.tr("unknown"),
            ]
            tips = [
                "",
                f"{measured.formula}\n{measured.source}",
                f"{theoretical.formula}\n{theoretical.source}" if theoretical is not None else "",
                self.tr("measured / theoretical") if utilisation is not None else "",
            ]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(tips[column])
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.bench_table.setItem(row, column, item)
        if report.cancelled:
            status = self.tr("Cancelled: %1 of the measurements finished.").replace("%1", str(len(results)))
        else:
            status = self.tr("Measured on this machine now; theoretical values come from the catalog or from cores × clock × FLOPs/cycle.")
        notes = "; ".join(report.notes)
        self.bench_status.setText(status + (f"\n{notes}" if notes else ""))

    def shutdown(self) -> None:
        self._bench_cancel.set()
        for job in (self._detect_job, self._bench_job):
            if job is not None:
                job.cancel()
        if self.monitor is not None:
            self.monitor.shutdown()


def _scaled(value: float, unit: str) -> str:
    if not _finite(value):
        return format_number(math.nan)
    unit = {"FLOP/s": "FLOPS", "bytes/s": "B/s"}.get(unit, unit)
    for factor, prefix in ((1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= factor:
            return f"{format_number(value / factor, 2)} {prefix}{unit}"
    return f"{format_number(value, 2)} {unit}"


def _run_microbench(cpu_spec: Any, gpu_spec: Any, quick: bool, cancel: threading.Event, state: Any) -> Any:
    """Run the core micro-benchmarks, forwarding progress and the cancel request."""
    from rigsizer.core.hardware.microbench import BenchState, run_microbenchmarks

    bench_state = BenchState()

    def progress(fraction: float, message: str) -> None:
        state.set_progress(fraction, message)
        if cancel.is_set() or state.cancelled:
            bench_state.cancel()

    bench_state.callback = progress
    return run_microbenchmarks(cpu_spec, quick=quick, state=bench_state, gpu_spec=gpu_spec)
