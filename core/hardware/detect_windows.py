"""Windows CPU facts: registry brand and clock, IsProcessorFeaturePresent for the ISA."""

from __future__ import annotations

import math
import struct

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


# GetLogicalProcessorInformationEx relationships and cache types (winnt.h)
_RELATION_CORE, _RELATION_CACHE, _RELATION_ALL = 0, 2, 0xFFFF
_CACHE_TYPES = {0: "Unified", 1: "Instruction", 2: "Data", 3: "Trace"}


def parse_processor_information(buffer: bytes) -> dict:
    """Cores by efficiency class and caches from a SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX array.

    Each record starts with DWORD Relationship, DWORD Size. A core record has BYTE Flags,
    BYTE EfficiencyClass (higher = faster core; all equal on non-hybrid CPUs). A cache record
    has BYTE Level, BYTE Associativity, WORD LineSize, DWORD CacheSize, DWORD Type, 20 reserved
    bytes, then a GROUP_AFFINITY whose mask lists the logical CPUs sharing that cache.
    """
    classes: list[int] = []
    caches: dict[tuple[int, str], list] = {}
    offset = 0
    while offset + 8 <= len(buffer):
        relationship, size = struct.unpack_from("<II", buffer, offset)
        if size < 8 or offset + size > len(buffer):
            break
        if relationship == _RELATION_CORE and size >= 10:
            classes.append(buffer[offset + 9])
        elif relationship == _RELATION_CACHE and size >= 48:
            level, _assoc, _line, cache_size, kind = struct.unpack_from("<BBHII", buffer, offset + 8)
            mask = struct.unpack_from("<Q", buffer, offset + 40)[0]
            key = (level, _CACHE_TYPES.get(kind, "Unified"))
            entry = caches.setdefault(key, [float(cache_size), max(1, bin(mask).count("1")), 0])
            entry[2] += 1
        offset += size
    performance = efficiency = None
    if classes and len(set(classes)) > 1:
        top = max(classes)
        performance = sum(1 for c in classes if c == top)
        efficiency = len(classes) - performance
    return {
        "physical_cores": len(classes) or None,
        "performance_cores": performance,
        "efficiency_cores": efficiency,
        "core_split_source": "GetLogicalProcessorInformationEx EfficiencyClass" if performance else "",
        "caches": [(level, kind, size, shared, count) for (level, kind), (size, shared, count) in sorted(caches.items())],
    }


def read_processor_information() -> bytes:
    try:
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    except (ImportError, AttributeError, OSError):
        return b""
    length = ctypes.c_uint32(0)
    kernel32.GetLogicalProcessorInformationEx(_RELATION_ALL, None, ctypes.byref(length))
    if not length.value:
        return b""
    buffer = ctypes.create_string_buffer(length.value)
    if not kernel32.GetLogicalProcessorInformationEx(_RELATION_ALL, buffer, ctypes.byref(length)):
        return b""
    return buffer.raw[: length.value]


def cpu_facts() -> dict:
    registry = read_registry_cpu()
    mhz = registry.get("~MHz")
    topology = parse_processor_information(read_processor_information())
    return {
        "model_name": str(registry.get("ProcessorNameString", "")).strip(),
        "vendor": str(registry.get("VendorIdentifier", "")),
        "base_clock_hz": float(mhz) * 1e6 if isinstance(mhz, int | float) else math.nan,
        "max_clock_hz": math.nan,
        "flags": read_isa(),
        **topology,
    }
