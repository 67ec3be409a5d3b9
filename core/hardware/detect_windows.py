"""Windows CPU facts: registry brand and clock, IsProcessorFeaturePresent for the ISA."""

from __future__ import annotations

import math

# IsProcessorFeaturePresent constants (winnt.h)
_FEATURES = {
    "sse4_1": 37,
    "sse4_2": 38,
    "avx": 39,
    "avx2": 40,
    "avx512f": 41,
    "neon": 19,
    "arm_v8": 29,
    "arm_v82_dp": 43,
}


def read_registry_cpu() -> dict[str, object]:
    """ProcessorNameString, VendorIdentifier and ~MHz (the rated clock) of processor 0."""
    try:
        import winreg  # type: ignore[import-not-found]
    except ImportError:
        return {}
    path = r"HARDWARE\DESCRIPTION\System\CentralProcessor\0"
    values: dict[str, object] = {}
    try:
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, path) as key:
            for name in ("ProcessorNameString", "VendorIdentifier", "~MHz", "Identifier"):
                try:
                    values[name] = winreg.QueryValueEx(key, name)[0]
                except OSError:
                    pass
    except OSError:
        return {}
    return values


def read_isa() -> list[str]:
    try:
        import ctypes

        present = ctypes.windll.kernel32.IsProcessorFeaturePresent  # type: ignore[attr-defined]
    except (ImportError, AttributeError, OSError):
        return []
    flags = [name for name, code in _FEATURES.items() if present(code)]
    if "avx2" in flags:
        flags.append("fma")  # every AVX2 CPU shipped with FMA3; Windows has no separate FMA bit
    return flags


def cpu_facts() -> dict:
    registry = read_registry_cpu()
    mhz = registry.get("~MHz")
    return {
        "model_name": str(registry.get("ProcessorNameString", "")).strip(),
        "vendor": str(registry.get("VendorIdentifier", "")),
        "base_clock_hz": float(mhz) * 1e6 if isinstance(mhz, int | float) else math.nan,
        "max_clock_hz": math.nan,
        "flags": read_isa(),
        "caches": [],
        "performance_cores": None,
        "efficiency_cores": None,
        "core_split_source": "",
    }
