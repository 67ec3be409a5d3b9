""""This workstation" as device specs the estimator can use like any catalog entry.

Each detected device is matched to its catalog twin for the specs detection cannot see;
`field_origin` records, field by field, whether a value was detected, taken from the catalog,
derived, measured by the micro-benchmarks, or is unknown.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

from .detect import DetectedSystem, DiskInfo, detect
from .matching import (
    BANDWIDTH_UNKNOWN_NOTE,
    fallback_cpu_spec,
    fallback_gpu_spec,
    match_cpu,
    match_gpu,
    nvml_memory_bandwidth,
)
from .nvml import GpuInfo
from .spec import FROM_CATALOG, FROM_DERIVATION, FROM_DETECTION, FROM_MEASUREMENT, UNKNOWN, DeviceSpec

NAN = math.nan

# measured keys (see microbench.BenchReport.measured) kept on the CPU spec
MEASURED_KEYS = ("fp32_flops", "fp64_flops", "memory_bandwidth_bps", "copy_bandwidth_bps")
# CUDA results of the optional PyTorch benchmarks (first GPU) -> keys on that GPU's spec
GPU_MEASURED_KEYS = {
    "gpu_fp32_flops": "fp32_flops",
    "gpu_fp16_flops": "fp16_flops",
    "gpu_memory_bandwidth_bps": "memory_bandwidth_bps",
}


@dataclass(frozen=True)
class Workstation:
    cpu: DeviceSpec
    gpus: tuple[DeviceSpec, ...]
    ram_bytes: float
    disks: tuple[DiskInfo, ...]
    system: DetectedSystem
    gpu_status: str
    matches: dict[str, str]  # device id -> how it was matched (or why it was not)

    @property
    def primary(self) -> DeviceSpec:
        """The device a training estimate runs on by default: the first GPU, else the CPU."""
        return self.gpus[0] if self.gpus else self.cpu

    @property
    def devices(self) -> tuple[DeviceSpec, ...]:
        return (*self.gpus, self.cpu)


def _is_known(value: Any) -> bool:
    if value is None or value == "" or value == () or value == {}:
        return False
    return not (isinstance(value, float) and math.isnan(value))


def catalog_origins(spec: DeviceSpec) -> dict[str, str]:
    """Every spec field marked as coming from the catalog when it has a value, else unknown."""
    skip = {"id", "kind", "field_origin", "measured", "user_defined", "chips", "notes", "source"}
    return {
        f.name: FROM_CATALOG if _is_known(getattr(spec, f.name)) else UNKNOWN
        for f in dataclasses.fields(spec)
        if f.name not in skip
    }


def _catalog_devices(catalog: Any, kind: str) -> list[DeviceSpec]:
    if catalog is None:
        return []
    try:
        return list(catalog.devices(kind))
    except Exception:  # noqa: BLE001 - a broken catalog must not stop detection
        return []


def latest_measurement(catalog: Any, cpu_name: str) -> dict[str, float]:
    """Measured values of the newest stored micro-benchmark run on this CPU's machine (empty if none)."""
    if catalog is None or not hasattr(catalog, "benchmark_results"):
        return {}
    try:
        results = list(catalog.benchmark_results())
    except Exception:  # noqa: BLE001
        return {}
    mine = [r for r in results if isinstance(r, dict) and r.get("cpu_name") == cpu_name and not r.get("cancelled")]
    if not mine:
        return {}
    newest = max(mine, key=lambda r: str(r.get("timestamp", "")))
    measured = newest.get("measured") or {}
    return {k: float(v) for k, v in measured.items() if isinstance(v, int | float) and not isinstance(v, bool)}


def latest_cpu_measurement(catalog: Any, cpu_name: str) -> dict[str, float]:
    """The CPU part of the newest stored micro-benchmark of this CPU."""
    return {k: v for k, v in latest_measurement(catalog, cpu_name).items() if k in MEASURED_KEYS}


def with_measurements(spec: DeviceSpec, measured: dict[str, float], when: str = "") -> DeviceSpec:
    """Attach micro-benchmark results; an unknown memory bandwidth becomes the measured one."""
    if not measured:
        return spec
    origin = dict(spec.field_origin)
    for key in measured:
        origin[f"measured.{key}"] = FROM_MEASUREMENT
    changes: dict[str, Any] = {"measured": {**spec.measured, **measured}, "field_origin": origin}
    bandwidth = measured.get("memory_bandwidth_bps", NAN)
    if math.isnan(spec.memory_bandwidth_bps) and not math.isnan(bandwidth):
        changes["memory_bandwidth_bps"] = bandwidth
        origin["memory_bandwidth_bps"] = FROM_MEASUREMENT
        kept = [part for part in spec.notes.split("; ") if part and part != BANDWIDTH_UNKNOWN_NOTE]
        changes["notes"] = "; ".join(kept + [""]) + (
            "memory bandwidth = measured by the micro-benchmarks (STREAM triad on CPUs, copy on GPUs)"
            + (f" ({when})" if when else "")
        )
    return dataclasses.replace(spec, **changes)


def workstation_cpu(system: DetectedSystem, catalog_cpus: list[DeviceSpec]) -> tuple[DeviceSpec, str]:
    cpu = system.cpu
    match = match_cpu(cpu, catalog_cpus)
    if match is None:
        spec = fallback_cpu_spec(cpu, system.ram_total_bytes)
        reason = f'no catalog entry for "{cpu.model_name}": spec built from detected cores, clock and ISA'
        return spec, reason
    row = match.spec
    origin = catalog_origins(row)
    origin.update({"isa": FROM_DETECTION, "memory_bytes": FROM_DETECTION, "name": FROM_DETECTION})
    notes = [row.notes] if row.notes else []
    notes.append("memory_bytes = installed RAM (detected), not the CPU's maximum")
    spec = dataclasses.replace(
        row,
        id="local-cpu",
        name=f"This workstation: {row.name}",
        memory_bytes=system.ram_total_bytes,
        isa=cpu.isa or row.isa,
        notes="; ".join(notes),
        source=f"catalog row {row.id} ({row.source})" if row.source else f"catalog row {row.id}",
        field_origin=origin,
    )
    return spec, "; ".join(match.notes)


def workstation_gpu(gpu: GpuInfo, catalog_gpus: list[DeviceSpec]) -> tuple[DeviceSpec, str]:
    match = match_gpu(gpu, catalog_gpus)
    if match is None:
        return fallback_gpu_spec(gpu), f'no catalog entry for "{gpu.name}": spec built from NVML'
    row = match.spec
    origin = catalog_origins(row)
    changes: dict[str, Any] = {}
    notes = [row.notes] if row.notes else []
    if not math.isnan(gpu.memory_total_bytes):
        changes["memory_bytes"] = gpu.memory_total_bytes
        origin["memory_bytes"] = FROM_DETECTION
    if match.memory_agrees is False:
        # same chip on a board with other memory: the row's bandwidth belongs to the other board
        bandwidth = nvml_memory_bandwidth(gpu)
        changes["memory_bandwidth_bps"] = bandwidth
        origin["memory_bandwidth_bps"] = UNKNOWN if math.isnan(bandwidth) else FROM_DERIVATION
        notes.append(
            f"catalog row {row.name} has different memory; bandwidth of this board "
            + ("unknown" if math.isnan(bandwidth) else "= bus width / 8 x 2 x max memory clock (NVML)")
        )
    for field_name, value in (("pcie_gen", gpu.pcie_max_gen), ("pcie_lanes", gpu.pcie_max_width)):
        if not math.isnan(value):
            changes[field_name] = int(value)
            origin[field_name] = FROM_DETECTION
    spec = dataclasses.replace(
        row,
        id=f"local-gpu-{gpu.index}",
        name=f"This workstation: {row.name}",
        notes="; ".join(notes),
        source=f"catalog row {row.id} ({row.source})" if row.source else f"catalog row {row.id}",
        field_origin=origin,
        **changes,
    )
    return spec, "; ".join(match.notes)


def open_catalog() -> tuple[Any, str]:
    """The user's catalog, or (None, reason) when it cannot be opened; detection works without it."""
    try:
        from .catalog import Catalog
    except ImportError as error:
        return None, f"catalog not available: {error}"
    try:
        return Catalog.open(), ""
    except Exception as error:  # noqa: BLE001 - any catalog failure degrades to detection only
        return None, f"catalog could not be opened: {error}"


def workstation(catalog: Any = None, system: DetectedSystem | None = None) -> Workstation:
    """Detect (unless `system` is given) and match against `catalog` (None = detection only)."""
    system = system if system is not None else detect()
    cpu, cpu_reason = workstation_cpu(system, _catalog_devices(catalog, "cpu"))
    measured = latest_measurement(catalog, system.cpu.model_name)
    cpu = with_measurements(cpu, {k: v for k, v in measured.items() if k in MEASURED_KEYS})
    gpu_measured = {GPU_MEASURED_KEYS[k]: v for k, v in measured.items() if k in GPU_MEASURED_KEYS}
    catalog_gpus = _catalog_devices(catalog, "gpu")
    gpus = []
    matches = {"local-cpu": cpu_reason}
    for gpu in system.gpus:
        spec, reason = workstation_gpu(gpu, catalog_gpus)
        if gpu.index == 0:  # the CUDA micro-benchmarks run on the first device
            spec = with_measurements(spec, gpu_measured)
        gpus.append(spec)
        matches[spec.id] = reason
    return Workstation(
        cpu=cpu,
        gpus=tuple(gpus),
        ram_bytes=system.ram_total_bytes,
        disks=system.disks,
        system=system,
        gpu_status=system.gpu_status,
        matches=matches,
    )
