"""Linux CPU facts from /proc/cpuinfo and /sys: brand, ISA flags, hybrid core types, clocks, caches.

Parsers take text or a root directory so that tests can feed them files; `root="/"` is the
real machine.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

# Flags worth showing and using for FLOPs/cycle; everything else stays in the raw flag list.
ISA_OF_INTEREST = (
    "sse4_2", "avx", "fma", "f16c", "avx2", "avx_vnni",
    "avx512f", "avx512dq", "avx512cd", "avx512bw", "avx512vl", "avx512ifma", "avx512vbmi",
    "avx512_vbmi2", "avx512_vnni", "avx512_bitalg", "avx512_vpopcntdq", "avx512_bf16", "avx512_fp16",
    "amx_tile", "amx_bf16", "amx_int8", "amx_fp16",
    "neon", "asimdhp", "asimddp", "sve", "sve2", "bf16", "i8mm", "sme",
)  # fmt: skip

# aarch64 /proc/cpuinfo says "asimd" for Advanced SIMD, which everyone calls NEON.
_FLAG_ALIASES = {"asimd": "neon", "avx512vnni": "avx512_vnni", "avx512bf16": "avx512_bf16"}


def parse_cpuinfo(text: str) -> list[dict[str, str]]:
    """Split /proc/cpuinfo into one dict per processor block ("key : value" lines)."""
    blocks: list[dict[str, str]] = []
    current: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip():
            if current:
                blocks.append(current)
                current = {}
            continue
        key, sep, value = line.partition(":")
        if sep:
            current[key.strip().lower()] = value.strip()
    if current:
        blocks.append(current)
    return blocks


def normalise_flags(flags: str | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Lower-case, de-duplicated flags in their first order, with aliases ("asimd" -> "neon")."""
    items = flags.split() if isinstance(flags, str) else list(flags)
    seen: dict[str, None] = {}
    for flag in items:
        name = flag.strip().lower()
        if name:
            seen.setdefault(_FLAG_ALIASES.get(name, name), None)
    return tuple(seen)


def isa_features(flags: tuple[str, ...]) -> tuple[str, ...]:
    """The flags that matter for vector throughput, in ISA_OF_INTEREST order."""
    present = set(flags)
    return tuple(name for name in ISA_OF_INTEREST if name in present)


def parse_cpu_list(text: str) -> list[int]:
    """"0-3,8,10-11" -> [0, 1, 2, 3, 8, 10, 11] (the kernel's cpulist format)."""
    cpus: list[int] = []
    for part in text.strip().split(","):
        part = part.strip()
        if not part:
            continue
        low, sep, high = part.partition("-")
        if sep:
            cpus.extend(range(int(low), int(high) + 1))
        else:
            cpus.append(int(low))
    return cpus


def parse_size(text: str) -> float:
    """Cache sizes as /sys writes them ("32K", "1024K", "32M") -> bytes; NaN if unreadable."""
    text = text.strip().upper().removesuffix("B")
    scale = {"K": 1024, "M": 1024**2, "G": 1024**3}.get(text[-1:], 1)
    digits = text[:-1] if text[-1:] in "KMG" else text
    try:
        return float(digits) * scale
    except ValueError:
        return math.nan


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return None


def read_caches(root: str = "/") -> list[tuple[int, str, float, int, int]]:
    """(level, type, size bytes, logical CPUs sharing one instance, instances) per cache of cpu0."""
    base = Path(root, "sys/devices/system/cpu")
    caches = []
    for index in sorted(Path(base, "cpu0/cache").glob("index*")):
        level, kind, size = (_read(index / name) for name in ("level", "type", "size"))
        shared = _read(index / "shared_cpu_list")
        if level is None or size is None:
            continue
        sharing = len(parse_cpu_list(shared)) if shared else 1
        # distinct instances of this cache across all CPUs (e.g. one L3 per CCD)
        instances = set()
        for cpu_cache in base.glob(f"cpu[0-9]*/cache/{index.name}/shared_cpu_list"):
            text = _read(cpu_cache)
            if text:
                instances.add(text)
        caches.append((int(level), kind or "Unified", parse_size(size), sharing, max(1, len(instances))))
    return caches


def read_core_types(root: str = "/") -> tuple[list[int], list[int], str]:
    """Logical CPUs of performance and efficiency cores, and how that was found.

    Intel hybrid parts expose /sys/devices/cpu_core/cpus and /sys/devices/cpu_atom/cpus;
    Arm big.LITTLE systems expose a per-CPU cpu_capacity (the largest value = big cores).
    """
    core = _read(Path(root, "sys/devices/cpu_core/cpus"))
    atom = _read(Path(root, "sys/devices/cpu_atom/cpus"))
    if core is not None and atom is not None:
        return parse_cpu_list(core), parse_cpu_list(atom), "/sys/devices/cpu_core and cpu_atom"
    capacities: dict[int, int] = {}
    for path in Path(root, "sys/devices/system/cpu").glob("cpu[0-9]*/cpu_capacity"):
        text = _read(path)
        if text and text.isdigit():
            capacities[int(path.parent.name[3:])] = int(text)
    if capacities and len(set(capacities.values())) > 1:
        top = max(capacities.values())
        big = sorted(cpu for cpu, value in capacities.items() if value == top)
        little = sorted(cpu for cpu, value in capacities.items() if value != top)
        return big, little, "/sys/devices/system/cpu/cpu*/cpu_capacity"
    return [], [], ""


def physical_cores_of(cpus: list[int], root: str = "/") -> int:
    """Distinct (package, core) pairs among logical CPUs, i.e. SMT siblings counted once."""
    base = Path(root, "sys/devices/system/cpu")
    cores = set()
    for cpu in cpus:
        package = _read(base / f"cpu{cpu}/topology/physical_package_id") or "0"
        core = _read(base / f"cpu{cpu}/topology/core_id")
        cores.add((package, core if core is not None else f"cpu{cpu}"))
    return len(cores)


def read_frequencies_hz(root: str = "/") -> tuple[float, float, str]:
    """(base, max) clock of cpu0 from cpufreq, in Hz; NaN where the kernel does not say."""
    freq = Path(root, "sys/devices/system/cpu/cpu0/cpufreq")
    base_text = _read(freq / "base_frequency")
    max_text = _read(freq / "cpuinfo_max_freq")
    base = float(base_text) * 1e3 if base_text and base_text.isdigit() else math.nan
    top = float(max_text) * 1e3 if max_text and max_text.isdigit() else math.nan
    return base, top, str(freq) if base_text or max_text else ""


def cgroup_cpu_limit(root: str = "/") -> float:
    """CPUs allowed by a cgroup v2 quota ("max 100000" = none -> NaN)."""
    text = _read(Path(root, "sys/fs/cgroup/cpu.max"))
    if not text:
        return math.nan
    quota, _, period = text.partition(" ")
    if quota == "max" or not period:
        return math.nan
    try:
        return float(quota) / float(period)
    except (ValueError, ZeroDivisionError):
        return math.nan


def rotational(device: str, root: str = "/") -> bool | None:
    """Whether a block device (or the disk holding a partition) spins; None when unknown."""
    name = os.path.basename(os.path.realpath(device)) if device.startswith("/dev/") else device
    if not name:
        return None
    sysfs = Path(root, "sys/class/block", name)
    for candidate in (sysfs, sysfs.resolve().parent if sysfs.exists() else None):
        if candidate is None:
            continue
        text = _read(candidate / "queue/rotational")
        if text in ("0", "1"):
            return text == "1"
    return None
