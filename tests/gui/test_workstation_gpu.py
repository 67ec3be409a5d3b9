"""Live GPU charts, driven through the real Sampler and Nvml wrapper by a scripted NVML library.

This machine has no NVIDIA GPU; the scripted library stands in for the driver only, so the
monitor's GPU path (one chart set per GPU, memory as a share of the card, units) is exercised.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from rigsizer.core.hardware.nvml import Nvml
from rigsizer.core.hardware.sampler import Sampler
from rigsizer.gui.charts.live_monitor import LiveMonitor

GIB = 1024**3


class ScriptedNvml:
    """The few pynvml calls the sampler makes, answering for two GPUs whose load rises per call."""

    class NVMLError(Exception):
        value = 999

    def __init__(self) -> None:
        self.tick = 0

    def nvmlInit(self) -> None:  # noqa: N802 — pynvml's names
        pass

    def nvmlShutdown(self) -> None:  # noqa: N802
        pass

    def nvmlDeviceGetCount(self) -> int:  # noqa: N802
        return 2

    def nvmlDeviceGetHandleByIndex(self, index: int) -> int:  # noqa: N802
        return index

    def nvmlDeviceGetName(self, handle: int) -> str:  # noqa: N802
        return "NVIDIA RTX A6000"

    def nvmlDeviceGetMemoryInfo(self, handle: int) -> SimpleNamespace:  # noqa: N802
        return SimpleNamespace(total=48 * GIB, used=(12 + 6 * handle) * GIB, free=0)

    def nvmlDeviceGetUtilizationRates(self, handle: int) -> SimpleNamespace:  # noqa: N802
        self.tick += 1
        return SimpleNamespace(gpu=min(100, 40 + 10 * handle + self.tick), memory=30)

    def nvmlDeviceGetTemperature(self, handle: int, sensor: int) -> int:  # noqa: N802
        return 61 + handle

    def nvmlDeviceGetPowerUsage(self, handle: int) -> int:  # noqa: N802
        return 230_000 + 10_000 * handle  # milliwatts

    def nvmlDeviceGetClockInfo(self, handle: int, clock: int) -> int:  # noqa: N802
        return 1800  # MHz

    def nvmlDeviceGetMaxClockInfo(self, handle: int, clock: int) -> int:  # noqa: N802
        return 2100  # MHz

    def nvmlDeviceGetEnforcedPowerLimit(self, handle: int) -> int:  # noqa: N802
        return 300_000  # milliwatts

    def nvmlDeviceGetCurrentClocksEventReasons(self, handle: int) -> int:  # noqa: N802
        return 0


def test_each_gpu_gets_utilisation_memory_temperature_power_and_clock_charts(qtbot, screenshot):
    sampler = Sampler(interval_s=1.0, history_s=600.0, nvml=Nvml(module=ScriptedNvml()))
    monitor = LiveMonitor(sampler=sampler)
    qtbot.addWidget(monitor)
    monitor.resize(520, 1100)
    monitor.show()
    try:
        assert sampler.gpu_count == 2
        assert len(monitor.gpu_plots) == 2
        assert set(monitor.gpu_plots[0]) == {"util", "temperature", "power", "clock"}
        assert "No GPU charts" not in monitor.gpu_status.text()
        for _ in range(4):
            monitor.sample_once()
        _, util = monitor.gpu_curves[1]["util"].getData()
        assert len(util) == 4 and np.all(np.diff(util) > 0)
        _, memory = monitor.gpu_curves[1]["memory"].getData()
        assert np.allclose(memory, 100 * 18 / 48)  # used share of the card's 48 GiB
        assert np.allclose(monitor.gpu_curves[0]["temperature"].getData()[1], 61)
        assert np.allclose(monitor.gpu_curves[1]["power"].getData()[1], 240)  # W, from mW
        assert np.allclose(monitor.gpu_curves[0]["clock"].getData()[1], 1800)  # MHz
        power_axis = monitor.gpu_plots[0]["power"].getPlotItem().getViewBox().viewRange()[1]
        assert power_axis[0] == 0 and abs(power_axis[1] - 315) < 1  # 0 to the 300 W limit
        assert "GPU 1: SM clock, MHz" in monitor.gpu_plots[1]["clock"].getPlotItem().titleLabel.text
        screenshot(monitor, "live_monitor_two_gpus")
    finally:
        monitor.shutdown()
