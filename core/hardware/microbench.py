"""Measure this workstation: matmul GFLOPS (numpy BLAS) and STREAM-like memory bandwidth.

Each result is reported against the matched spec's theoretical figure as utilisation =
measured / theoretical (seed 003). Runs as a plain function with a small state object for
progress, cancellation and partial results, so the GUI can run it on a worker thread.
PyTorch paths (conv2d on the CPU, CUDA matmul and bandwidth) run only when torch is importable.
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np

from ..explain import Derived, Input
from .spec import DeviceSpec

NAN = math.nan
MiB = 1024**2


class Cancelled(Exception):
    """Raised inside a benchmark when the state object was cancelled."""


@dataclass
class BenchState:
    """Progress 0..1, a message, a cancel flag and the results so far; shared with a worker thread."""

    callback: Callable[[float, str], None] | None = None
    progress: float = 0.0
    message: str = ""
    cancelled: bool = False
    partial: list[BenchResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # caveats found while running
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def cancel(self) -> None:
        self.cancelled = True

    def update(self, progress: float, message: str) -> None:
        with self._lock:
            self.progress = min(1.0, max(self.progress, progress))
            self.message = message
        if self.callback is not None:
            self.callback(self.progress, message)
        self.check()

    def check(self) -> None:
        if self.cancelled:
            raise Cancelled()

    def add(self, result: BenchResult) -> None:
        with self._lock:
            self.partial.append(result)


@dataclass(frozen=True)
class BenchResult:
    key: str  # "fp32_flops", "memory_bandwidth_bps", ... (the `measured` key of a DeviceSpec)
    label: str
    measured: Derived
    theoretical: Derived | None  # None = theoretical unknown
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def exceeds_theoretical(self) -> bool:
        """Measured above theoretical: the theoretical figure's inputs (usually the clock) are too low."""
        util = self.utilisation
        return util is not None and util.value > 1.02

    @property
    def utilisation(self) -> Derived | None:
        """measured / theoretical (seed 003), or None when the theoretical value is unknown."""
        if self.theoretical is None or not self.theoretical.value > 0:
            return None
        return Derived(
            name=f"utilisation ({self.label})",
            value=self.measured.value / self.theoretical.value,
            unit="",
            formula="measured / theoretical",
            inputs=(
                Input("measured", self.measured.value, self.measured.unit, "micro-benchmark"),
                Input("theoretical", self.theoretical.value, self.theoretical.unit, self.theoretical.source),
            ),
            source="seed 003: utilisation = achieved / peak",
        )

    def to_dict(self) -> dict:
        utilisation = self.utilisation
        return {
            "key": self.key,
            "label": self.label,
            "measured": self.measured.to_dict(),
            "theoretical": self.theoretical.to_dict() if self.theoretical else None,
            "utilisation": utilisation.to_dict() if utilisation else None,
            "exceeds_theoretical": self.exceeds_theoretical,
            "details": {k: None if isinstance(v, float) and not math.isfinite(v) else v for k, v in self.details.items()},
        }


@dataclass(frozen=True)
class BenchReport:
    timestamp: str  # ISO 8601 UTC
    cpu_name: str
    device_id: str
    quick: bool
    results: tuple[BenchResult, ...]
    cancelled: bool = False
    notes: tuple[str, ...] = ()

    @property
    def measured(self) -> dict[str, float]:
        return {r.key: r.measured.value for r in self.results}

    def to_dict(self) -> dict:
        return {
            "name": f"micro-benchmarks of {self.cpu_name}",
            "timestamp": self.timestamp,
            "cpu_name": self.cpu_name,
            "device_id": self.device_id,
            "quick": self.quick,
            "cancelled": self.cancelled,
            "measured": self.measured,
            "results": [r.to_dict() for r in self.results],
            "notes": list(self.notes),
        }


# -- theoretical figures ---------------------------------------------------------------------


def _peak_inputs(spec: DeviceSpec) -> tuple[Input, ...]:
    return (
        Input("cores", float(spec.cores or 0), "", spec.field_origin.get("cores", "catalog")),
        Input("clock", spec.boost_clock_hz, "Hz", spec.field_origin.get("boost_clock_hz", "catalog")),
        Input("FLOPs/cycle", spec.flops_per_clock_per_core, "", spec.field_origin.get("flops_per_clock_per_core", "catalog")),
    )


def theoretical_flops(spec: DeviceSpec | None, precision: str) -> Derived | None:
    """The spec's peak for a precision (datasheet, or cores x clock x FLOPs/cycle); CPU FP64 = FP32 / 2."""
    if spec is None:
        return None
    name = f"{precision.upper()} peak of {spec.name}"
    notes = (spec.notes,) if spec.notes else ()
    derived_here = spec.field_origin.get("peak_flops") == "derived"
    if spec.peak(precision) > 0:
        if derived_here or (precision == "fp32" and math.isclose(spec.peak("fp32"), spec.derived_fp32_peak, rel_tol=1e-9)):
            return Derived(name, spec.peak(precision), "FLOP/s", "chips x cores x clock x FLOPs/cycle"
                           + (" / 2" if precision == "fp64" else ""), _peak_inputs(spec), spec.source, assumptions=notes)  # fmt: skip
        return Derived(name, spec.peak(precision), "FLOP/s", "datasheet peak", source=spec.source, assumptions=notes)
    if precision == "fp64" and spec.kind == "cpu":
        fp32 = theoretical_flops(spec, "fp32")
        if fp32 is None:
            return None
        return Derived(name, fp32.value / 2, "FLOP/s", "FP32 peak / 2",
                       (Input("FP32 peak", fp32.value, "FLOP/s", fp32.formula),), spec.source,
                       assumptions=("CPU SIMD registers hold half as many FP64 lanes as FP32 lanes", *notes))  # fmt: skip
    if precision == "fp32" and spec.derived_fp32_peak > 0:
        return Derived(name, spec.derived_fp32_peak, "FLOP/s", "chips x cores x clock x FLOPs/cycle",
                       _peak_inputs(spec), spec.source, assumptions=notes)  # fmt: skip
    return None


def theoretical_bandwidth(spec: DeviceSpec | None) -> Derived | None:
    if spec is None or not spec.memory_bandwidth_bps > 0:
        return None
    if spec.field_origin.get("memory_bandwidth_bps") == "measured":
        return None  # comparing a measurement with itself says nothing
    return Derived(f"memory bandwidth of {spec.name}", spec.memory_bandwidth_bps, "B/s",
                   "channels x 8 bytes x MT/s (datasheet)", source=spec.source)  # fmt: skip


# -- kernels -----------------------------------------------------------------------------------


def _matmul(dtype: type, budget_s: float, max_bytes: float, state: BenchState, span: tuple[float, float], label: str) -> dict:
    """Best FLOP/s of an n x n matmul, n grown until one multiply takes about a tenth of the budget."""
    rng = np.random.default_rng(3)
    itemsize = np.dtype(dtype).itemsize
    n_max = max(256, int(math.sqrt(max_bytes / (3 * itemsize))) // 64 * 64)
    # below ~1000 no CPU BLAS reaches its peak; quick mode starts lower to stay quick
    n = min(n_max, 512 if budget_s < 0.5 else 1024)
    while True:
        a = rng.standard_normal((n, n)).astype(dtype)
        b = rng.standard_normal((n, n)).astype(dtype)
        c = np.empty((n, n), dtype=dtype)
        np.matmul(a, b, out=c)  # warm-up: BLAS threads start, pages touched
        seconds = math.inf
        for _ in range(2):  # best of two: one descheduled BLAS thread must not stop the sizing
            start = time.perf_counter()
            np.matmul(a, b, out=c)
            seconds = min(seconds, time.perf_counter() - start)
        state.update(span[0], f"{label}: sizing (n = {n})")
        if seconds >= budget_s / 10 or n >= n_max:
            break
        growth = min(2.0, max(1.25, (budget_s / 10 / max(seconds, 1e-6)) ** (1 / 3)))
        n = min(n_max, max(n + 64, int(n * growth) // 64 * 64))
    times = [seconds]
    begin = time.perf_counter()
    while time.perf_counter() - begin < budget_s or len(times) < 3:
        start = time.perf_counter()
        np.matmul(a, b, out=c)
        times.append(time.perf_counter() - start)
        done = min(1.0, (time.perf_counter() - begin) / budget_s)
        state.update(span[0] + (span[1] - span[0]) * done, f"{label}: n = {n}, run {len(times)}")
    flop = 2.0 * n**3
    return {"n": n, "runs": len(times), "best_s": min(times), "median_s": float(np.median(times)), "flop": flop}


def _stream(llc_bytes: float, threads: int, reps: int, max_bytes: float, state: BenchState, span: tuple[float, float]) -> dict:
    """STREAM copy (a = b) and triad (a = b + s*c) over float64 arrays of 4x the last-level cache.

    Pages are touched before timing (no first-touch faults), the first repetition is a warm-up,
    and the best repetition counts (STREAM's convention). Triad goes through a small per-thread
    scratch block that stays in cache, so memory sees exactly read b, read c, write a.
    """
    wanted = max(4 * llc_bytes if llc_bytes > 0 else 0, 64 * MiB)
    per_array = min(wanted, max_bytes / 3)
    n = int(per_array // 8) // (threads * 4096) * (threads * 4096)
    a, b, c = np.empty(n), np.empty(n), np.empty(n)
    a.fill(0.0)
    b.fill(1.0)
    c.fill(2.0)
    bounds = np.linspace(0, n, threads + 1).astype(int)
    slices = [slice(int(lo), int(hi)) for lo, hi in zip(bounds[:-1], bounds[1:], strict=True)]
    block = 32768  # 256 KiB of float64: stays in L2
    scratch = [np.empty(block) for _ in slices]
    scalar = 3.0

    def copy(index: int) -> None:
        np.copyto(a[slices[index]], b[slices[index]])

    def triad(index: int) -> None:
        part, tmp = slices[index], scratch[index]
        for lo in range(part.start, part.stop, block):
            hi = min(lo + block, part.stop)
            t = tmp[: hi - lo]
            np.multiply(c[lo:hi], scalar, out=t)
            np.add(b[lo:hi], t, out=a[lo:hi])

    results: dict[str, list[float]] = {"copy": [], "triad": []}
    with ThreadPoolExecutor(max_workers=threads) as pool:
        for rep in range(reps + 1):
            for name, kernel in (("copy", copy), ("triad", triad)):
                start = time.perf_counter()
                list(pool.map(kernel, range(threads)))
                if rep:  # repetition 0 warms up threads and caches
                    results[name].append(time.perf_counter() - start)
            state.update(span[0] + (span[1] - span[0]) * (rep + 1) / (reps + 1), f"memory bandwidth: run {rep + 1} of {reps + 1}")
    if not np.allclose(a[:: max(1, n // 97)], 1.0 + scalar * 2.0):
        raise RuntimeError("STREAM triad produced a wrong result")
    return {"n": n, "array_bytes": n * 8, "threads": threads, "reps": reps, "limited_by_free_memory": per_array < wanted,
            "copy_best_s": min(results["copy"]), "triad_best_s": min(results["triad"])}  # fmt: skip


def _measured(name: str, value: float, unit: str, formula: str, inputs: tuple[Input, ...]) -> Derived:
    return Derived(name, value, unit, formula, inputs, source="measured on this workstation")


def cpu_benchmarks(spec: DeviceSpec | None, state: BenchState, quick: bool, llc_bytes: float,
                   threads: int, available_bytes: float) -> None:  # fmt: skip
    budget = 0.15 if quick else 1.0
    matmul_bytes = min(1024 * MiB, available_bytes / 4) if quick is False else min(128 * MiB, available_bytes / 4)
    steps = (("fp32", np.float32, (0.0, 0.3)), ("fp64", np.float64, (0.3, 0.6)))
    for precision, dtype, span in steps:
        label = f"{precision.upper()} matmul"
        run = _matmul(dtype, budget, matmul_bytes, state, span, label)
        rate = run["flop"] / run["best_s"]
        measured = _measured(f"{label} rate", rate, "FLOP/s", "2 x n^3 / best time",
                             (Input("n", float(run["n"])), Input("best time", run["best_s"], "s")))  # fmt: skip
        details = {**run, "library": "numpy BLAS", "dtype": precision}
        if spec is not None and spec.cores and spec.flops_per_clock_per_core > 0:
            per_cycle = spec.cores * spec.flops_per_clock_per_core * (0.5 if precision == "fp64" else 1.0)
            details["implied_clock_hz"] = rate / per_cycle  # the clock that would explain the rate
        state.add(BenchResult(f"{precision}_flops", label, measured, theoretical_flops(spec, precision), details))
    reps = 3 if quick else 10
    run = _stream(llc_bytes, threads, reps, available_bytes / 4, state, (0.6, 0.95))
    theory = theoretical_bandwidth(spec)
    if run["limited_by_free_memory"]:
        state.notes.append(f"STREAM arrays limited to {run['array_bytes'] / MiB:.0f} MiB by free memory: "
                           "below 4x the last-level cache, so caches may inflate the bandwidth")  # fmt: skip
    for key, label, kernel, words in (("copy_bandwidth_bps", "STREAM copy", "copy", 2),
                                      ("memory_bandwidth_bps", "STREAM triad", "triad", 3)):  # fmt: skip
        seconds = run[f"{kernel}_best_s"]
        value = words * run["array_bytes"] / seconds
        measured = _measured(f"{label} bandwidth", value, "B/s", f"{words} x array bytes / best time",
                             (Input("array bytes", float(run["array_bytes"]), "B"), Input("best time", seconds, "s")))  # fmt: skip
        state.add(BenchResult(key, label, measured, theory, dict(run)))


def torch_benchmarks(state: BenchState, quick: bool, gpu_spec: DeviceSpec | None,
                     cpu_spec: DeviceSpec | None = None) -> list[str]:  # fmt: skip
    """conv2d forward+backward on the CPU; CUDA matmul and copy bandwidth when a GPU is present."""
    try:
        import torch  # optional: never a dependency of Rigsizer
    except ImportError:
        return ["PyTorch not installed: conv2d and CUDA benchmarks skipped"]
    notes = []
    batch, channels, size = (2, 32, 28) if quick else (8, 64, 56)
    x = torch.randn(batch, channels, size, size, requires_grad=True)
    conv = torch.nn.Conv2d(channels, channels, 3, padding=1, bias=False)
    flop = 3 * 2.0 * batch * channels * channels * 9 * size * size  # forward + backward (about 2x forward)
    conv(x).sum().backward()
    times = []
    for _ in range(3 if quick else 10):
        start = time.perf_counter()
        conv(x).sum().backward()
        times.append(time.perf_counter() - start)
        state.update(0.96, "conv2d forward+backward (PyTorch, CPU)")
    measured = _measured("conv2d fwd+bwd rate", flop / min(times), "FLOP/s", "3 x 2 x N x C^2 x 9 x H x W / best time",
                         (Input("N", float(batch)), Input("C", float(channels)), Input("H = W", float(size))))  # fmt: skip
    theory = theoretical_flops(cpu_spec, "fp32")
    state.add(BenchResult("torch_conv2d_flops", "conv2d fwd+bwd (CPU)", measured, theory, {"torch": torch.__version__}))
    if not torch.cuda.is_available():
        notes.append("no CUDA device visible to PyTorch: GPU benchmarks skipped")
        return notes
    previous_tf32 = torch.backends.cuda.matmul.allow_tf32
    torch.backends.cuda.matmul.allow_tf32 = False  # FP32 means FP32, not TF32 tensor cores
    try:
        _cuda_benchmarks(torch, state, quick, gpu_spec)
    finally:
        torch.backends.cuda.matmul.allow_tf32 = previous_tf32
    return notes


def _cuda_benchmarks(torch: Any, state: BenchState, quick: bool, gpu_spec: DeviceSpec | None) -> None:
    """CUDA FP32/FP16 matmul and device-memory copy bandwidth (PyTorch present, CUDA device visible)."""
    n = 2048 if quick else 8192
    for precision, dtype in (("fp32", torch.float32), ("fp16", torch.float16)):
        a = torch.randn(n, n, device="cuda", dtype=dtype)
        b = torch.randn(n, n, device="cuda", dtype=dtype)
        torch.matmul(a, b)
        torch.cuda.synchronize()
        best = math.inf
        for _ in range(5 if quick else 20):
            start = time.perf_counter()
            torch.matmul(a, b)
            torch.cuda.synchronize()
            best = min(best, time.perf_counter() - start)
        state.update(0.98, f"CUDA {precision} matmul")
        measured = _measured(f"CUDA {precision} matmul rate", 2.0 * n**3 / best, "FLOP/s", "2 x n^3 / best time",
                             (Input("n", float(n)), Input("best time", best, "s")))  # fmt: skip
        theory = theoretical_flops(gpu_spec, precision) if gpu_spec else None
        state.add(BenchResult(f"gpu_{precision}_flops", f"CUDA {precision.upper()} matmul", measured, theory, {"n": n}))
    count = (64 if quick else 256) * MiB // 4
    src = torch.empty(count, device="cuda")
    dst = torch.empty_like(src)
    dst.copy_(src)
    torch.cuda.synchronize()
    best = math.inf
    for _ in range(5 if quick else 20):
        start = time.perf_counter()
        dst.copy_(src)
        torch.cuda.synchronize()
        best = min(best, time.perf_counter() - start)
    measured = _measured("CUDA copy bandwidth", 2 * count * 4 / best, "B/s", "2 x tensor bytes / best time",
                         (Input("tensor bytes", float(count * 4), "B"), Input("best time", best, "s")))  # fmt: skip
    theory = None
    if gpu_spec is not None and gpu_spec.memory_bandwidth_bps > 0:
        theory = Derived(f"memory bandwidth of {gpu_spec.name}", gpu_spec.memory_bandwidth_bps, "B/s",
                         "bus width x data rate (datasheet)", source=gpu_spec.source)  # fmt: skip
    state.add(BenchResult("gpu_memory_bandwidth_bps", "CUDA copy", measured, theory, {"bytes": count * 4}))


def _load_before_start() -> float:
    """One-minute load average (runnable processes); 0 where the OS has none (Windows)."""
    try:
        return float(os.getloadavg()[0])
    except (AttributeError, OSError):
        return 0.0


def run_microbenchmarks(spec: DeviceSpec | None = None, *, quick: bool = False, state: BenchState | None = None,
                        gpu_spec: DeviceSpec | None = None, llc_bytes: float = NAN, threads: int | None = None,
                        cpu_name: str = "", with_torch: bool = True) -> BenchReport:  # fmt: skip
    """Run every benchmark; a cancelled run returns what finished, flagged `cancelled`."""
    import psutil

    state = state if state is not None else BenchState()
    if math.isnan(llc_bytes) or threads is None or not cpu_name:
        from .detect import detect_cpu

        cpu = detect_cpu()
        llc_bytes = cpu.last_level_cache_bytes if math.isnan(llc_bytes) else llc_bytes
        threads = threads or cpu.usable_cores or os.cpu_count() or 1
        cpu_name = cpu_name or cpu.model_name
    notes = [f"{threads} threads for memory bandwidth; BLAS uses its default thread count"]
    if spec is not None and spec.cores and threads < spec.cores:
        notes.append(f"this process may use {threads} of the {spec.cores} cores (affinity or container quota): "
                     "utilisation is against the whole CPU")  # fmt: skip
    if math.isnan(llc_bytes):
        notes.append("last-level cache size unknown: arrays of at least 64 MiB")
    busy = _load_before_start()
    if busy >= 0.5 * threads:
        notes.append(f"the machine was busy when the run started (load average {busy:.1f} on {threads} usable "
                     "cores): other work competes for the cores, so the rates understate this machine")  # fmt: skip
    cancelled = False
    try:
        state.update(0.0, "starting")
        cpu_benchmarks(spec, state, quick, llc_bytes, threads, float(psutil.virtual_memory().available))
        if with_torch:
            notes += torch_benchmarks(state, quick, gpu_spec, spec)
        state.update(1.0, "done")
    except Cancelled:
        cancelled = True
        notes.append("cancelled: partial results")
    return BenchReport(
        timestamp=datetime.now(UTC).isoformat(timespec="seconds"),
        cpu_name=cpu_name,
        device_id=spec.id if spec is not None else "local-cpu",
        quick=quick,
        results=tuple(state.partial),
        cancelled=cancelled,
        notes=tuple(notes + state.notes),
    )


def store(report: BenchReport, catalog: Any) -> bool:
    """Save a report in the catalog database (False when the catalog cannot store benchmarks)."""
    if catalog is None or not hasattr(catalog, "record_benchmark") or not report.results:
        return False
    catalog.record_benchmark(report.to_dict())
    return True
