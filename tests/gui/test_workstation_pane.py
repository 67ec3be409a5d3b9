"""The Workstation pane: this machine's CPU, the reason there are no GPU charts, live monitor,
"Use this workstation" and the micro-benchmarks with progress and cancel."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt

from rigsizer.core.project import Project
from rigsizer.gui.panes.workstation_pane import WorkstationPane


def _cpu_model_from_proc() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.lower().startswith("model name"):
            return line.split(":", 1)[1].strip()
    return ""


def _texts(tree) -> str:
    found = []

    def walk(item):
        found.append(" | ".join(item.text(c) for c in range(tree.columnCount())))
        for index in range(item.childCount()):
            walk(item.child(index))

    for index in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(index))
    return "\n".join(found)


def _pane(qtbot, project_model) -> WorkstationPane:
    pane = WorkstationPane(project_model)
    qtbot.addWidget(pane)
    pane.resize(520, 720)
    pane.show()
    qtbot.waitUntil(lambda: pane.system is not None, timeout=10000)
    return pane


def test_pane_shows_this_machines_cpu_and_why_there_are_no_gpu_charts(qtbot, project_model, screenshot):
    pane = _pane(qtbot, project_model)
    try:
        cpu = _cpu_model_from_proc()
        assert cpu and cpu in pane.headline.text()
        tree = _texts(pane.tree)
        assert cpu in tree
        assert "Memory" in tree and "Disks" in tree and "/" in tree
        if not pane.system.gpus:  # this machine: no NVIDIA driver
            assert not pane.gpu_reason.isHidden()
            assert "No NVIDIA GPU" in pane.gpu_reason.text() and "NVML" in pane.gpu_reason.text()
            monitor = pane.monitor
            assert monitor.gpu_plots == []  # no empty GPU charts ...
            assert "NVML" in monitor.gpu_status.text()  # ... but the reason
        assert "Unknown" in tree  # fields the OS does not expose are named, not invented
        match = pane.tree.findItems("Catalog match", Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)[0]
        pane.tree.setCurrentItem(match)
        assert match.text(1) and match.text(1) in pane.row_detail.text()  # long reasons readable in full
        screenshot(pane, "workstation_detected")
    finally:
        pane.shutdown()


def test_live_monitor_plots_cpu_and_ram_and_can_pause(qtbot, project_model, screenshot):
    pane = _pane(qtbot, project_model)
    try:
        pane.tabs.setCurrentWidget(pane.monitor)
        monitor = pane.monitor
        assert monitor.timer.isActive() and monitor.timer.interval() == 1000
        assert monitor.sampler.capacity == 600  # 10 minutes at 1 Hz
        for _ in range(3):
            monitor.sample_once()
        x, y = monitor.cpu_curve.getData()
        assert len(x) == 3 and np.all((y >= 0) & (y <= 100))
        assert x[-1] == 0 and x[0] < 0  # seconds ago
        assert len(monitor.core_curves) == monitor.sampler.core_count
        _, ram = monitor.ram_curve.getData()
        assert 0 < ram[-1] <= monitor.ram_total_gib
        assert "RAM" in monitor.summary.text()
        monitor.pause_button.click()
        assert monitor.paused and not monitor.timer.isActive()
        assert "paused" in monitor.summary.text()
        monitor.pause_button.click()
        assert monitor.timer.isActive()
        screenshot(pane, "workstation_live_monitor")
    finally:
        pane.shutdown()


def test_use_this_workstation_makes_local_the_first_candidate_in_one_undo_step(qtbot, project_model):
    pane = _pane(qtbot, project_model)
    try:
        before = project_model.project()
        assert pane.use_button.isEnabled()
        pane.use_button.click()
        hardware = project_model.project().hardware
        assert hardware.candidates[0].device == "local"
        assert [c.device for c in hardware.candidates[1:]] == [c.device for c in before.hardware.candidates]
        assert abs(hardware.ram_gib - pane.system.ram_total_bytes / 1024**3) < 0.1
        assert project_model.undo_stack.count() == 1
        qtbot.waitUntil(lambda: getattr(project_model.estimate(), "device", None) is not None
                        and project_model.estimate().device.id.startswith("local"), timeout=30000)  # fmt: skip
        project_model.undo_stack.undo()
        assert project_model.project() == before == Project.default()
    finally:
        pane.shutdown()


def test_measure_runs_in_a_worker_with_progress_and_shows_measured_vs_theoretical(qtbot, project_model, screenshot):
    pane = _pane(qtbot, project_model)
    try:
        pane.quick_measure = True
        pane.tabs.setCurrentIndex(1)
        progress = []
        pane.progress.valueChanged.connect(progress.append)
        pane.measure_button.click()
        assert pane.is_measuring() and not pane.measure_button.isEnabled() and pane.cancel_button.isEnabled()
        with qtbot.waitSignal(pane.measured, timeout=60000):
            pass
        assert progress and max(progress) == 1000
        rows = {pane.bench_table.item(r, 0).text(): r for r in range(pane.bench_table.rowCount())}
        assert "FP32 matmul" in rows and "STREAM triad" in rows
        fp32 = rows["FP32 matmul"]
        assert "FLOPS" in pane.bench_table.item(fp32, 1).text()
        assert pane.bench_table.item(fp32, 2).text()  # theoretical value or "unknown", never blank
        assert pane.measure_button.isEnabled() and not pane.cancel_button.isEnabled()
        screenshot(pane, "workstation_measured")
    finally:
        pane.shutdown()


def test_cancelling_a_measurement_stops_it_and_keeps_what_finished(qtbot, project_model):
    pane = _pane(qtbot, project_model)
    try:
        pane.measure()
        pane.cancel_measure()
        with qtbot.waitSignal(pane.measured, timeout=60000) as finished:
            pass
        report = finished.args[0]
        assert report.cancelled
        assert "Cancelled" in pane.bench_status.text()
        assert pane.measure_button.isEnabled()
    finally:
        pane.shutdown()
