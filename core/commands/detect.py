"""`rigsizer-cli detect [--json]`: what this workstation is and the spec Rigsizer will use for it."""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
from typing import Any

from ..hardware.detect import DetectedSystem
from ..hardware.spec import DeviceSpec
from ..units import format_bytes, format_si


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--no-catalog", action="store_true", help="do not match against the hardware catalog")


def _hz(value: float) -> str:
    return format_si(value, "Hz")


def spec_to_dict(spec: DeviceSpec) -> dict[str, Any]:
    """A DeviceSpec as JSON-ready data (NaN -> None, tuples -> lists)."""

    def clean(value: Any) -> Any:
        if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
            return None
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [clean(v) for v in value]
        return value

    return clean(dataclasses.asdict(spec))


def isa_summary(isa: tuple[str, ...]) -> str:
    """"AVX2, FMA, AVX-512 (f, dq, ...), AMX (bf16, int8)" from ISA feature names."""
    plain = [name.upper() for name in isa if name in ("sse4_2", "avx", "fma", "avx2", "avx_vnni", "neon", "sve", "sve2")]
    parts = [p.replace("SSE4_2", "SSE4.2").replace("AVX_VNNI", "AVX-VNNI") for p in plain]
    avx512 = [name.removeprefix("avx512").lstrip("_") for name in isa if name.startswith("avx512")]
    if avx512:
        parts.append(f"AVX-512 ({', '.join(avx512)})")
    amx = [name.removeprefix("amx_") for name in isa if name.startswith("amx_")]
    if amx:
        parts.append(f"AMX ({', '.join(amx)})")
    return ", ".join(parts) or "none of interest"


def system_lines(system: DetectedSystem) -> list[str]:
    cpu = system.cpu
    ident = f"{cpu.vendor}, {cpu.architecture}"
    if cpu.family is not None:
        ident += f", family {cpu.family} model {cpu.model}"
    split = (
        f"{cpu.performance_cores} P-cores + {cpu.efficiency_cores} E-cores ({cpu.core_split_source})"
        if cpu.is_hybrid
        else "no P/E split exposed"
    )
    caches = ", ".join(
        f"L{c.level}{'d' if c.type == 'Data' else 'i' if c.type == 'Instruction' else ''} "
        f"{format_bytes(c.size_bytes)} x{c.instances}"
        for c in cpu.caches
    )
    lines = [
        "This workstation",
        f"  OS          {system.os_name} {system.os_version}; Python {system.python_version}",
        f"  CPU         {cpu.model_name} ({ident})",
        f"  Cores       {cpu.physical_cores} physical, {cpu.logical_cores} logical, {cpu.usable_cores} usable "
        f"({cpu.usable_cores_source}); {split}",
        f"  Clock       base {_hz(cpu.base_clock_hz)}, max {_hz(cpu.max_clock_hz)}, now {_hz(cpu.current_clock_hz)}",
        f"  ISA         {isa_summary(cpu.isa)}",
        f"  Caches      {caches or 'not exposed'}",
        f"  RAM         {format_bytes(system.ram_total_bytes)} total, {format_bytes(system.ram_available_bytes)} available",
    ]
    for disk in system.disks:
        spin = {True: "rotational", False: "solid state", None: "rotational: unknown"}[disk.rotational]
        lines.append(
            f"  Disk        {disk.device} on {disk.mountpoint} ({disk.fstype}): {format_bytes(disk.total_bytes)}, "
            f"{format_bytes(disk.free_bytes)} free, {spin}"
        )
    report = system.gpu_report
    if not report.gpus:
        lines.append(f"  NVIDIA GPU  none: {report.status.removeprefix('no NVIDIA GPU: ')}")
    for gpu in report.gpus:
        lines.append(f"  GPU {gpu.index}       {gpu.name} ({gpu.uuid})")
        lines.append(
            f"              memory {format_bytes(gpu.memory_total_bytes)} ({format_bytes(gpu.memory_used_bytes)} used), "
            f"compute capability {gpu.compute_capability}, SMs {_count(gpu.sm_count)}, CUDA cores {_count(gpu.cuda_cores)}"
        )
        lines.append(
            f"              SM clock {_hz(gpu.sm_clock_hz)} of {_hz(gpu.max_sm_clock_hz)}, memory clock "
            f"{_hz(gpu.memory_clock_hz)} of {_hz(gpu.max_memory_clock_hz)}"
        )
        lines.append(
            f"              PCIe gen {_count(gpu.pcie_current_gen)} x{_count(gpu.pcie_current_width)} "
            f"(max gen {_count(gpu.pcie_max_gen)} x{_count(gpu.pcie_max_width)}), power limit "
            f"{_count(gpu.power_limit_w)} W, MIG {gpu.mig_mode}"
        )
        for name, reason in sorted(gpu.unavailable.items()):
            lines.append(f"              {name}: n/a ({reason})")
    if report.gpus:
        lines.append(f"  Driver      {report.driver_version}; CUDA {report.cuda_version}")
    return lines


def _count(value: float) -> str:
    return "n/a" if math.isnan(value) else f"{value:g}"


def spec_lines(spec: DeviceSpec, how: str) -> list[str]:
    fp32 = spec.peak("fp32")
    peak_text = format_si(fp32, "FLOPS") if fp32 > 0 else format_si(spec.derived_fp32_peak, "FLOPS")
    lines = [
        f"  {spec.id:<12}{spec.name}",
        f"              {how}",
        f"              FP32 peak {peak_text} = {spec.cores} cores x {_hz(spec.boost_clock_hz)} x "
        f"{_count(spec.flops_per_clock_per_core)} FLOP/cycle; memory bandwidth "
        f"{format_si(spec.memory_bandwidth_bps, 'B/s')} ({spec.field_origin.get('memory_bandwidth_bps', 'catalog')})",
    ]
    origins: dict[str, list[str]] = {}
    for name, origin in sorted(spec.field_origin.items()):
        origins.setdefault(origin, []).append(name)
    for origin, names in sorted(origins.items()):
        lines.append(f"              {origin}: {', '.join(names)}")
    for key, value in spec.measured.items():
        unit = "B/s" if key.endswith("bps") else "FLOPS"
        lines.append(f"              measured {key} = {format_si(value, unit)}")
    if spec.notes:
        lines.append(f"              notes: {spec.notes}")
    return lines


def run(args: argparse.Namespace) -> int:
    from ..hardware.detect import detect
    from ..hardware.workstation import open_catalog, workstation

    system = detect()
    catalog, catalog_note = (None, "matching skipped (--no-catalog)") if args.no_catalog else open_catalog()
    station = workstation(catalog=catalog, system=system)
    if args.json:
        data = system.to_dict()
        data["workstation"] = {
            "primary": station.primary.id,
            "devices": [spec_to_dict(spec) for spec in station.devices],
            "matches": station.matches,
            "catalog_note": catalog_note,
        }
        print(json.dumps(data, indent=2))
        return 0
    lines = system_lines(system)
    lines += ["", 'Specs used for estimates ("This workstation")']
    if catalog_note:
        lines.append(f"  ({catalog_note})")
    for spec in station.devices:
        lines += spec_lines(spec, station.matches.get(spec.id, ""))
    print("\n".join(lines))
    return 0
