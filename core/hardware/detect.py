"""What this workstation is made of: CPU, RAM, disks, NVIDIA GPUs, OS (`detect()`).

The result is a frozen snapshot. Anything the OS does not expose is NaN / None / "n/a" with
the reason in `unavailable`; detection never raises for missing facts.
"""

from __future__ import annotations

import math
import os
import platform
import re
import sys
from dataclasses import dataclass, field
from typing import Any

from . import detect_linux
from .nvml import GpuInfo, GpuReport, Nvml, default_nvml

NAN = math.nan

_VENDORS = {
    "genuineintel": "Intel",
    "authenticamd": "AMD",
    "hygongenuine": "Hygon",
    "centaurhauls": "Centaur",
    "  shanghai  ": "Zhaoxin",
}
# aarch64 "CPU implementer" codes (Arm ARM, MIDR_EL1)
_ARM_IMPLEMENTERS = {
    "0x41": "Arm", "0x42": "Broadcom", "0x43": "Cavium", "0x48": "HiSilicon", "0x4e": "NVIDIA",
    "0x50": "Applied Micro", "0x51": "Qualcomm", "0x61": "Apple", "0xc0": "Ampere",
}  # fmt: skip


@dataclass(frozen=True)
class CacheInfo:
    level: int
    type: str  # "Data", "Instruction", "Unified"
    size_bytes: float  # one instance
    shared_by_cpus: int  # logical CPUs sharing one instance
    instances: int  # how many of them the machine has

    @property
    def total_bytes(self) -> float:
        return self.size_bytes * self.instances


@dataclass(frozen=True)
class CpuInfo:
    model_name: str
    vendor: str
    architecture: str  # "x86_64", "aarch64", "arm64", ...
    physical_cores: int | None
    logical_cores: int | None
    usable_cores: int | None  # affinity mask and cgroup quota applied
    usable_cores_source: str = ""
    performance_cores: int | None = None  # physical P-cores on hybrid parts; None = not exposed
    efficiency_cores: int | None = None
    core_split_source: str = ""
    family: int | None = None  # x86 CPUID family/model (microarchitecture hints)
    model: int | None = None
    base_clock_hz: float = NAN
    max_clock_hz: float = NAN
    current_clock_hz: float = NAN
    clock_source: str = ""
    isa: tuple[str, ...] = ()  # the vector-relevant subset, e.g. ("avx2", "avx512f", "amx_bf16")
    flags: tuple[str, ...] = ()  # every flag the OS listed
    caches: tuple[CacheInfo, ...] = ()

    @property
    def last_level_cache_bytes(self) -> float:
        """Total size of the largest cache level, all instances; NaN when unknown."""
        unified = [c for c in self.caches if c.type != "Instruction"]
        if not unified:
            return NAN
        top = max(c.level for c in unified)
        return float(sum(c.total_bytes for c in unified if c.level == top))

    @property
    def is_hybrid(self) -> bool:
        return bool(self.performance_cores and self.efficiency_cores)


@dataclass(frozen=True)
class DiskInfo:
    device: str
    mountpoint: str
    fstype: str
    total_bytes: float
    free_bytes: float
    rotational: bool | None  # None = the OS does not say


@dataclass(frozen=True)
class DetectedSystem:
    cpu: CpuInfo
    ram_total_bytes: float
    ram_available_bytes: float
    disks: tuple[DiskInfo, ...]
    gpu_report: GpuReport
    os_name: str
    os_version: str
    python_version: str
    hostname: str = ""
    unavailable: dict[str, str] = field(default_factory=dict)

    @property
    def gpus(self) -> tuple[GpuInfo, ...]:
        return self.gpu_report.gpus

    @property
    def gpu_status(self) -> str:
        return self.gpu_report.status

    def to_dict(self) -> dict:
        """JSON-ready form (NaN -> None) for `rigsizer-cli detect --json` and saved projects."""
        cpu = _jsonable(self.cpu.__dict__)
        cpu["caches"] = [_jsonable(c.__dict__) for c in self.cpu.caches]
        cpu["last_level_cache_bytes"] = _json_number(self.cpu.last_level_cache_bytes)
        return {
            "cpu": cpu,
            "ram_total_bytes": _json_number(self.ram_total_bytes),
            "ram_available_bytes": _json_number(self.ram_available_bytes),
            "disks": [_jsonable(d.__dict__) for d in self.disks],
            "gpu": self.gpu_report.to_dict(),
            "os_name": self.os_name,
            "os_version": self.os_version,
            "python_version": self.python_version,
            "hostname": self.hostname,
            "unavailable": dict(self.unavailable),
        }


def _json_number(value: Any) -> Any:
    return None if isinstance(value, float) and (math.isnan(value) or math.isinf(value)) else value


def _jsonable(values: dict) -> dict:
    out = {}
    for key, value in values.items():
        if isinstance(value, tuple) and not (value and isinstance(value[0], CacheInfo)):
            value = list(value)
        out[key] = _json_number(value)
    return out


def vendor_name(vendor_id: str) -> str:
    """CPUID vendor strings and Arm implementer codes -> a plain vendor name."""
    text = vendor_id.strip()
    lowered = text.lower()
    if lowered in _VENDORS:
        return _VENDORS[lowered]
    if lowered in _ARM_IMPLEMENTERS:
        return _ARM_IMPLEMENTERS[lowered]
    for needle, name in (("intel", "Intel"), ("amd", "AMD"), ("apple", "Apple")):
        if needle in lowered:
            return name
    return text


def clock_from_brand(brand: str) -> float:
    """Intel brand strings end in "@ 3.70GHz": the rated base clock, in Hz."""
    match = re.search(r"@\s*([0-9]+(?:\.[0-9]+)?)\s*([GM])Hz", brand, re.IGNORECASE)
    if not match:
        return NAN
    return float(match.group(1)) * (1e9 if match.group(2).upper() == "G" else 1e6)


def _usable_cores(logical: int | None, root: str) -> tuple[int | None, str]:
    affinity: int | None = None
    try:
        affinity = len(os.sched_getaffinity(0))  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        try:
            import psutil

            affinity = len(psutil.Process().cpu_affinity())
        except Exception:  # noqa: BLE001 - not on every platform (macOS has no affinity)
            affinity = logical
    quota = detect_linux.cgroup_cpu_limit(root) if sys.platform.startswith("linux") else NAN
    if not math.isnan(quota) and affinity is not None and quota < affinity:
        return max(1, math.ceil(quota)), f"cgroup quota of {quota:g} CPUs"
    return affinity, "affinity mask"


def _linux_cpu(root: str, unavailable: dict[str, str]) -> dict:
    try:
        with open(os.path.join(root, "proc/cpuinfo"), encoding="utf-8", errors="replace") as handle:
            blocks = detect_linux.parse_cpuinfo(handle.read())
    except OSError as error:
        unavailable["cpu.model_name"] = f"cannot read /proc/cpuinfo: {error}"
        blocks = []
    first = blocks[0] if blocks else {}
    flags = detect_linux.normalise_flags(first.get("flags") or first.get("features") or "")
    model_name = first.get("model name") or first.get("hardware") or ""
    vendor = vendor_name(first.get("vendor_id") or first.get("cpu implementer") or "")
    if not model_name:
        for path in ("sys/firmware/devicetree/base/model", "proc/device-tree/model"):
            try:
                with open(os.path.join(root, path), encoding="utf-8", errors="replace") as handle:
                    model_name = handle.read().strip("\x00\n ")
                    break
            except OSError:
                continue
    if not model_name and first.get("cpu part"):
        model_name = f"{vendor or 'Arm'} CPU part {first['cpu part']}"
    base, top, source = detect_linux.read_frequencies_hz(root)
    current = NAN
    mhz = first.get("cpu mhz")
    if mhz:
        try:
            current = float(mhz) * 1e6
        except ValueError:
            pass
    p_cpus, e_cpus, split_source = detect_linux.read_core_types(root)
    caches = [CacheInfo(*entry) for entry in detect_linux.read_caches(root)]

    def number(key: str) -> int | None:
        text = first.get(key, "")
        return int(text) if text.isdigit() else None

    return {
        "model_name": model_name,
        "vendor": vendor,
        "family": number("cpu family"),
        "model": number("model"),
        "flags": flags,
        "base_clock_hz": base,
        "max_clock_hz": top,
        "current_clock_hz": current,
        "clock_source": source,
        "performance_cores": detect_linux.physical_cores_of(p_cpus, root) if p_cpus else None,
        "efficiency_cores": detect_linux.physical_cores_of(e_cpus, root) if e_cpus else None,
        "core_split_source": split_source,
        "caches": caches,
    }


def detect_cpu(root: str = "/", unavailable: dict[str, str] | None = None) -> CpuInfo:
    """CPU facts from the OS; `root` lets tests point the Linux reader at a fake /proc and /sys."""
    import psutil

    missing = unavailable if unavailable is not None else {}
    if sys.platform.startswith("linux"):
        facts = _linux_cpu(root, missing)
    elif sys.platform == "darwin":
        from . import detect_macos

        facts = detect_macos.cpu_facts(detect_macos.read_sysctl())
    elif sys.platform == "win32":
        from . import detect_windows

        facts = detect_windows.cpu_facts()
    else:
        facts = {"model_name": platform.processor(), "flags": []}
    facts["caches"] = [c if isinstance(c, CacheInfo) else CacheInfo(*c) for c in facts.get("caches", ())]
    flags = detect_linux.normalise_flags(facts.get("flags", []))
    model_name = facts.get("model_name") or platform.processor() or "unknown CPU"
    logical = facts.get("logical_cores") or psutil.cpu_count(logical=True)
    physical = facts.get("physical_cores") or psutil.cpu_count(logical=False)
    usable, usable_source = _usable_cores(logical, root)
    base = facts.get("base_clock_hz", NAN)
    top = facts.get("max_clock_hz", NAN)
    current = facts.get("current_clock_hz", NAN)
    clock_source = facts.get("clock_source", "")
    try:
        frequency = psutil.cpu_freq()
    except Exception:  # noqa: BLE001 - psutil raises on some VMs without cpufreq
        frequency = None
    if frequency is not None:
        if math.isnan(top) and frequency.max:
            top, clock_source = frequency.max * 1e6, clock_source or "psutil.cpu_freq"
        if math.isnan(current) and frequency.current:
            current = frequency.current * 1e6
    if math.isnan(base):
        base = clock_from_brand(model_name)
        if not math.isnan(base):
            clock_source = clock_source or "brand string"
    if math.isnan(base) and math.isnan(top):
        missing["cpu.base_clock_hz"] = "the OS exposes no rated clock (no cpufreq; typical in VMs)"
        missing["cpu.max_clock_hz"] = missing["cpu.base_clock_hz"]
    if facts.get("performance_cores") is None:
        missing["cpu.performance_cores"] = "no hybrid core types exposed (not a hybrid CPU, or the OS does not say)"
    if not facts.get("caches"):
        missing["cpu.caches"] = "cache sizes not exposed"
    return CpuInfo(
        model_name=model_name.strip(),
        vendor=facts.get("vendor") or vendor_name(platform.processor() or ""),
        architecture=platform.machine(),
        physical_cores=physical,
        logical_cores=logical,
        usable_cores=usable,
        usable_cores_source=usable_source,
        performance_cores=facts.get("performance_cores"),
        efficiency_cores=facts.get("efficiency_cores"),
        core_split_source=facts.get("core_split_source", ""),
        family=facts.get("family"),
        model=facts.get("model"),
        base_clock_hz=base,
        max_clock_hz=top,
        current_clock_hz=current,
        clock_source=clock_source,
        isa=detect_linux.isa_features(flags),
        flags=flags,
        caches=tuple(facts.get("caches", ())),
    )


def detect_disks(root: str = "/") -> tuple[DiskInfo, ...]:
    import psutil

    disks = []
    seen = set()
    try:
        partitions = psutil.disk_partitions(all=False)
    except Exception:  # noqa: BLE001 - psutil can fail on exotic mount tables
        partitions = []
    # the root file system first; bind-mounted files (containers' /etc/hosts) are not disks
    partitions = sorted(partitions, key=lambda p: p.mountpoint != os.path.abspath(os.sep))
    for part in partitions:
        if part.device in seen or part.fstype in ("squashfs", "tmpfs") or os.path.isfile(part.mountpoint):
            continue
        seen.add(part.device)
        try:
            usage = psutil.disk_usage(part.mountpoint)
            total, free = float(usage.total), float(usage.free)
        except OSError:
            total = free = NAN
        spins = detect_linux.rotational(part.device, root) if sys.platform.startswith("linux") else None
        disks.append(DiskInfo(part.device, part.mountpoint, part.fstype, total, free, spins))
    if not disks:  # e.g. a container whose root is an overlay: report the root file system itself
        try:
            usage = psutil.disk_usage(os.path.abspath(os.sep))
            disks.append(DiskInfo("rootfs", os.path.abspath(os.sep), "", float(usage.total), float(usage.free), None))
        except OSError:
            pass
    return tuple(disks)


def detect(nvml: Nvml | None = None, root: str = "/") -> DetectedSystem:
    """Snapshot of this workstation. `nvml` defaults to the process-wide NVML wrapper."""
    import psutil

    unavailable: dict[str, str] = {}
    cpu = detect_cpu(root, unavailable)
    memory = psutil.virtual_memory()
    gpu_report = (nvml or default_nvml()).report()
    if not gpu_report.gpus:
        unavailable["gpus"] = gpu_report.status
    return DetectedSystem(
        cpu=cpu,
        ram_total_bytes=float(memory.total),
        ram_available_bytes=float(memory.available),
        disks=detect_disks(root),
        gpu_report=gpu_report,
        os_name=platform.system(),
        os_version=f"{platform.release()} ({platform.version()})",
        python_version=platform.python_version(),
        hostname=platform.node(),
        unavailable=unavailable,
    )
