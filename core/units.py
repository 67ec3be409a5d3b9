"""Precisions, bytes per element and human-readable number formatting (domain.md section 1)."""

from __future__ import annotations

import math

# Bytes per element for each precision name used across Rigsizer.
BYTES_PER_ELEMENT: dict[str, float] = {
    "fp64": 8.0,
    "fp32": 4.0,
    "tf32": 4.0,
    "fp16": 2.0,
    "bf16": 2.0,
    "fp8": 1.0,
    "int8": 1.0,
    "int4": 0.5,
}
PRECISIONS: tuple[str, ...] = tuple(BYTES_PER_ELEMENT)
TRAINING_PRECISIONS: tuple[str, ...] = ("fp32", "tf32", "fp16", "bf16", "fp8")
INFERENCE_PRECISIONS: tuple[str, ...] = ("fp32", "tf32", "fp16", "bf16", "fp8", "int8")

GiB = 1024**3
MiB = 1024**2

_SI = ((1e18, "E"), (1e15, "P"), (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"))


def bytes_per_element(precision: str) -> float:
    """Storage size of one element; raises ValidationError for an unknown precision."""
    from .errors import require_choice

    return BYTES_PER_ELEMENT[require_choice("precision", precision, PRECISIONS)]


def format_si(value: float, unit: str = "", digits: int = 3) -> str:
    """1.234e12, "FLOPS" -> "1.23 TFLOPS"; NaN -> "n/a"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    magnitude = abs(value)
    for scale, prefix in _SI:
        if magnitude >= scale:
            return f"{value / scale:.{digits}g} {prefix}{unit}".rstrip()
    return f"{value:.{digits}g} {unit}".rstrip()


def format_bytes(value: float, digits: int = 3) -> str:
    """Binary units for capacities: 25769803776 -> "24 GiB"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    for scale, name in ((1024**4, "TiB"), (GiB, "GiB"), (MiB, "MiB"), (1024, "KiB")):
        if abs(value) >= scale:
            return f"{value / scale:.{digits}g} {name}"
    return f"{value:.0f} B"


def format_duration(seconds: float) -> str:
    """Seconds as the unit a person would say: 0.0123 -> "12.3 ms", 5400 -> "1.5 h"."""
    if seconds is None or (isinstance(seconds, float) and math.isnan(seconds)):
        return "n/a"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.3g} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.3g} ms"
    if seconds < 120:
        return f"{seconds:.3g} s"
    if seconds < 7200:
        return f"{seconds / 60:.3g} min"
    if seconds < 3 * 86400:
        return f"{seconds / 3600:.3g} h"
    return f"{seconds / 86400:.3g} d"
