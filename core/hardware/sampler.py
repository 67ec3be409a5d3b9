"""Live hardware monitor: CPU, RAM and GPU readings in fixed-size numpy ring buffers.

No threads and no Qt: the GUI calls `sample()` from a timer every `interval_s` and draws
`series(...)`. One sample costs well under 2 ms without GPUs (benchmarks/bench_sampler.py).
"""

from __future__ import annotations

import math
import time

import numpy as np

from ..errors import ValidationError, require_range
from .nvml import GpuInfo, Nvml, default_nvml, throttle_reason_names

MIN_INTERVAL_S = 0.25
MAX_HISTORY_S = 7 * 86400.0

CPU_SERIES = ("cpu_percent", "cpu_core_percent", "cpu_freq_hz", "ram_used_bytes")
GPU_SERIES = (
    "gpu_util_percent",
    "gpu_memory_used_bytes",
    "gpu_temperature_c",
    "gpu_power_w",
    "gpu_sm_clock_hz",
    "gpu_throttle_mask",
)
_GPU_FIELDS = dict(
    zip(
        GPU_SERIES,
        ("utilization_percent", "memory_used_bytes", "temperature_c", "power_w", "sm_clock_hz", "throttle_mask"),
        strict=True,
    )
)


class _Ring:
    """A fixed-capacity buffer of rows; `ordered()` returns them oldest first."""

    def __init__(self, capacity: int, width: int = 0) -> None:
        shape = (capacity, width) if width else (capacity,)
        self.data = np.full(shape, np.nan)

    def ordered(self, head: int, count: int) -> np.ndarray:
        capacity = self.data.shape[0]
        if count < capacity:
            return self.data[:count].copy()
        return np.concatenate((self.data[head:], self.data[:head]))


class Sampler:
    """Records readings at the caller's pace; keeps the last `history_s` seconds."""

    def __init__(self, interval_s: float = 1.0, history_s: float = 600.0, nvml: Nvml | None = None) -> None:
        self.interval_s = require_range("sampler.interval_s", interval_s, MIN_INTERVAL_S, 3600.0, "s")
        self.history_s = require_range("sampler.history_s", history_s, self.interval_s, MAX_HISTORY_S, "s")
        self.capacity = max(2, math.ceil(self.history_s / self.interval_s))
        import psutil

        self._psutil = psutil
        self.core_count = psutil.cpu_count(logical=True) or 1
        self._nvml = nvml if nvml is not None else default_nvml()
        self._start = time.monotonic()
        self._head = 0
        self._count = 0
        self._previous_times = psutil.cpu_times(percpu=True)
        self._gpu_count = self._count_gpus()
        self._t = _Ring(self.capacity)
        self._cpu = {name: _Ring(self.capacity) for name in ("cpu_percent", "cpu_freq_hz", "ram_used_bytes")}
        self._cores = _Ring(self.capacity, self.core_count)
        self._gpu = [{name: _Ring(self.capacity) for name in GPU_SERIES} for _ in range(self._gpu_count)]
        self._gpu_notes: list[dict[str, str]] = [{} for _ in range(self._gpu_count)]
        self._lost: set[int] = set()

    def _count_gpus(self) -> int:
        count = self._nvml.device_count()
        return count if isinstance(count, int) else 0

    # -- recording ------------------------------------------------------------------------
    def _cpu_percentages(self) -> np.ndarray:
        """Busy share per logical CPU since the previous sample, from the kernel's CPU times."""
        now = self._psutil.cpu_times(percpu=True)
        percent = np.full(self.core_count, np.nan)
        for index, (before, after) in enumerate(zip(self._previous_times, now, strict=False)):
            if index >= self.core_count:
                break
            total = sum(after) - sum(before)
            idle = (after.idle + getattr(after, "iowait", 0.0)) - (before.idle + getattr(before, "iowait", 0.0))
            percent[index] = 100.0 * (1.0 - idle / total) if total > 0 else 0.0
        self._previous_times = now
        return np.clip(percent, 0.0, 100.0)

    def sample(self, now: float | None = None) -> None:
        """Take one reading of everything and append it to the buffers."""
        slot = self._head
        self._t.data[slot] = (time.monotonic() if now is None else now) - self._start
        cores = self._cpu_percentages()
        self._cores.data[slot] = cores
        self._cpu["cpu_percent"].data[slot] = float(np.nanmean(cores)) if cores.size else math.nan
        try:
            frequency = self._psutil.cpu_freq()
            self._cpu["cpu_freq_hz"].data[slot] = frequency.current * 1e6 if frequency else math.nan
        except Exception:  # noqa: BLE001 - cpufreq is missing on some VMs
            self._cpu["cpu_freq_hz"].data[slot] = math.nan
        self._cpu["ram_used_bytes"].data[slot] = float(self._psutil.virtual_memory().used)
        for index, rings in enumerate(self._gpu):
            reading = self._nvml.reading(index) if index not in self._lost else None
            if reading is None or reading.lost:
                self._lost.add(index)
                for ring in rings.values():
                    ring.data[slot] = math.nan
                continue
            for name, ring in rings.items():
                ring.data[slot] = getattr(reading, _GPU_FIELDS[name])
            self._gpu_notes[index] = reading.unavailable
        self._head = (self._head + 1) % self.capacity
        self._count = min(self._count + 1, self.capacity)

    # -- reading back ---------------------------------------------------------------------
    @property
    def gpu_count(self) -> int:
        return self._gpu_count

    def __len__(self) -> int:
        return self._count

    def series(self, name: str, gpu: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(t seconds since start, values) oldest first; per-core values have shape (n, cores)."""
        t = self._t.ordered(self._head, self._count)
        if name in GPU_SERIES:
            if gpu is None or not (0 <= gpu < self._gpu_count):
                allowed = f"0 to {self._gpu_count - 1}" if self._gpu_count else "none: no NVIDIA GPU is monitored"
                raise ValidationError("sampler.gpu", f"GPU index {gpu!r} is not monitored", allowed)
            return t, self._gpu[gpu][name].ordered(self._head, self._count)
        if name == "cpu_core_percent":
            return t, self._cores.ordered(self._head, self._count)
        if name in self._cpu:
            return t, self._cpu[name].ordered(self._head, self._count)
        raise ValidationError("sampler.series", f"unknown series {name!r}", "one of " + ", ".join(CPU_SERIES + GPU_SERIES))

    def latest(self, name: str, gpu: int | None = None) -> float:
        """Most recent value of a scalar series (NaN before the first sample)."""
        _, values = self.series(name, gpu)
        return float(values[-1]) if len(values) and values.ndim == 1 else math.nan

    def gpu_info(self, gpu: int) -> GpuInfo:
        """Static facts (name, memory, clocks) of a monitored GPU, for chart titles."""
        if not 0 <= gpu < self._gpu_count:
            raise ValidationError("sampler.gpu", f"GPU index {gpu!r} is not monitored", f"0 to {self._gpu_count - 1}")
        return self._nvml.gpu_info(gpu)

    def throttle_reasons(self, gpu: int) -> tuple[str, ...]:
        """Decoded clocks-event reasons of the latest sample of one GPU."""
        return throttle_reason_names(self.latest("gpu_throttle_mask", gpu))

    @property
    def gpu_status(self) -> str:
        """One line for the monitor pane: what is being sampled, or why GPUs are not."""
        if self._gpu_count == 0:
            status = self._nvml.status()
            return "no NVIDIA GPU (NVML found none)" if status == "ok" else f"no NVIDIA GPU: {status}"
        parts = []
        for index in range(self._gpu_count):
            if index in self._lost:
                parts.append(f"GPU {index}: lost (fell off the bus or was reset); its charts stopped")
            elif self._gpu_notes[index]:
                missing = ", ".join(sorted(self._gpu_notes[index]))
                parts.append(f"GPU {index}: sampling; not available: {missing}")
            else:
                parts.append(f"GPU {index}: sampling")
        return "; ".join(parts)
