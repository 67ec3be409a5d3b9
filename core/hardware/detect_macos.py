"""macOS CPU facts from `sysctl` (brand, cores, performance levels, ISA, caches, clock)."""

from __future__ import annotations

import math
import subprocess


def parse_sysctl(text: str) -> dict[str, str]:
    """`sysctl -a` output ("key: value" per line) -> dict."""
    values: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            values[key.strip()] = value.strip()
    return values


def read_sysctl() -> dict[str, str]:
    try:
        result = subprocess.run(["sysctl", "-a"], capture_output=True, text=True, timeout=5, check=False)
    except (OSError, subprocess.SubprocessError):
        return {}
    return parse_sysctl(result.stdout)


def _int(values: dict[str, str], key: str) -> int | None:
    text = values.get(key, "")
    return int(text) if text.isdigit() else None


def _float(values: dict[str, str], key: str) -> float:
    try:
        return float(values[key])
    except (KeyError, ValueError):
        return math.nan


def cpu_facts(values: dict[str, str]) -> dict:
    """Normalised CPU facts from sysctl values (Intel and Apple silicon Macs)."""
    flags: list[str] = []
    for key in ("machdep.cpu.features", "machdep.cpu.leaf7_features", "machdep.cpu.extfeatures"):
        flags += values.get(key, "").lower().replace(".", "_").split()
    # Apple silicon: hw.optional.neon: 1, hw.optional.arm.FEAT_BF16: 1, ...
    for key, value in values.items():
        if key.startswith("hw.optional.") and value.strip() == "1":
            name = key.removeprefix("hw.optional.").removeprefix("arm.").lower()
            flags.append(name.removeprefix("feat_"))
    caches = []
    for level, key in ((1, "hw.l1dcachesize"), (2, "hw.l2cachesize"), (3, "hw.l3cachesize")):
        size = _float(values, key)
        if not math.isnan(size) and size > 0:
            caches.append((level, "Data" if level == 1 else "Unified", size, 1, 1))
    return {
        "model_name": values.get("machdep.cpu.brand_string", ""),
        "vendor": values.get("machdep.cpu.vendor", "Apple" if "hw.optional.arm64" in values else ""),
        "physical_cores": _int(values, "hw.physicalcpu"),
        "logical_cores": _int(values, "hw.logicalcpu"),
        "performance_cores": _int(values, "hw.perflevel0.physicalcpu") if _int(values, "hw.nperflevels") == 2 else None,
        "efficiency_cores": _int(values, "hw.perflevel1.physicalcpu") if _int(values, "hw.nperflevels") == 2 else None,
        "core_split_source": "sysctl hw.perflevel*" if _int(values, "hw.nperflevels") == 2 else "",
        "base_clock_hz": _float(values, "hw.cpufrequency"),
        "max_clock_hz": _float(values, "hw.cpufrequency_max"),
        "flags": flags,
        "caches": caches,
    }
