"""Catalog rows <-> DeviceSpec, and validation of the fields a user may set on a device.

Rows keep source units (GB, GB/s, TFLOPS, MHz); DeviceSpec is in base SI units (bytes, B/s,
FLOP/s, Hz). Unknown is NULL in the row and NaN in the spec, marked "unknown" in field_origin.
"""

from __future__ import annotations

import math
from typing import Any

from ..errors import ValidationError, require_choice
from .peaks import cpu_fp32_peak
from .seed import DEVICE_COLUMNS, PEAK_COLUMNS
from .spec import DEVICE_KINDS, FROM_CATALOG, FROM_DERIVATION, UNKNOWN, DeviceSpec

GiB = 1024**3
NAN = math.nan

# user-settable device fields: name -> (type, low, high, unit). Text fields have a max length.
NUMBER_RULES: dict[str, tuple[type, float, float, str]] = {
    "launch_year": (int, 1990, 2100, ""),
    "memory_gb": (float, 0.001, 1_048_576, "GB"),
    "memory_bandwidth_gbs": (float, 0.001, 1_000_000, "GB/s"),
    "bus_width_bits": (float, 8, 16_384, "bit"),
    "data_rate_gbps": (float, 0.1, 100, "Gbit/s per pin"),
    "memory_channels": (int, 1, 64, ""),
    "memory_mts": (float, 100, 20_000, "MT/s"),
    "chips": (int, 1, 1024, ""),
    "cores": (int, 1, 10_000_000, ""),
    "threads": (int, 1, 10_000_000, ""),
    "p_cores": (int, 0, 4096, ""),
    "e_cores": (int, 0, 4096, ""),
    "sms": (int, 1, 100_000, ""),
    "tensor_cores": (int, 0, 1_000_000, ""),
    "tensor_fp16_flops_per_clock_per_sm": (float, 1, 1_000_000, "FLOP/clock"),
    "boost_clock_mhz": (float, 1, 10_000, "MHz"),
    "base_clock_mhz": (float, 1, 10_000, "MHz"),
    "fp32_flops_per_clock": (float, 0.5, 4096, "FLOP/clock/core"),
    **{column: (float, 1e-6, 1e6, "TFLOPS" if column.endswith("tflops") else "TOPS")
       for column in PEAK_COLUMNS.values()},
    "tdp_w": (float, 0.1, 100_000, "W"),
    "pcie_gen": (int, 1, 7, ""),
    "pcie_lanes": (int, 1, 64, ""),
    "nvlink_gbs": (float, 0, 100_000, "GB/s"),
}
TEXT_RULES: dict[str, int] = {
    "vendor": 80, "vendor_zh": 80, "name": 120, "architecture": 80, "form_factor": 40, "memory_type": 80,
    "isa": 400, "source": 2000, "notes": 4000, "peer_to_peer_source": 2000,
}
SPECIAL_FIELDS = ("kind", "peer_to_peer", "aliases", "id", "price_usd", "price_date", "price_source")
USER_FIELDS = tuple(NUMBER_RULES) + tuple(TEXT_RULES) + SPECIAL_FIELDS


def validate_fields(fields: dict[str, Any], *, require: tuple[str, ...] = ()) -> dict[str, Any]:
    """Check user-supplied device fields; return them as row values (None = unknown).

    Raises ValidationError naming the field and the allowed range for the first bad one.
    """
    for name in require:
        value = fields.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise ValidationError(f"device.{name}", "is required", _describe(name))
    clean: dict[str, Any] = {}
    for name, value in fields.items():
        label = f"device.{name}"
        if name not in USER_FIELDS:
            raise ValidationError(label, "is not a device field", "one of " + ", ".join(sorted(USER_FIELDS)))
        if name == "kind":
            clean[name] = require_choice(label, value, DEVICE_KINDS)
        elif name == "peer_to_peer":
            if value is not None and not isinstance(value, bool):
                raise ValidationError(label, f"{value!r} is not true/false", "true, false or unknown (None)")
            clean[name] = None if value is None else int(value)
        elif name == "aliases":
            if isinstance(value, str) or not all(isinstance(a, str) and 0 < len(a.strip()) <= 120 for a in value):
                raise ValidationError(label, "must be a list of names", "1 to 120 characters each")
            clean[name] = [a.strip() for a in value]
        elif name == "id":
            if not isinstance(value, str) or not _is_slug(value):
                raise ValidationError(label, f"{value!r} is not a valid id", "lower-case letters, digits and '-', 1 to 80")
            clean[name] = value
        elif name == "price_usd":
            clean[name] = _number(label, value, float, 0, 1e8, "USD")
        elif name in ("price_date", "price_source"):
            clean[name] = _text(label, value, 2000)
        elif name in NUMBER_RULES:
            kind, low, high, unit = NUMBER_RULES[name]
            clean[name] = _number(label, value, kind, low, high, unit)
        else:
            clean[name] = _text(label, value, TEXT_RULES[name])
    return clean


def _describe(name: str) -> str:
    if name == "kind":
        return "one of " + ", ".join(DEVICE_KINDS)
    if name in NUMBER_RULES:
        _kind, low, high, unit = NUMBER_RULES[name]
        return f"{low:g} to {high:g} {unit}".strip()
    return f"1 to {TEXT_RULES.get(name, 120)} characters"


def _is_slug(value: str) -> bool:
    return 0 < len(value) <= 80 and all(c.isascii() and (c.isalnum() and not c.isupper() or c == "-") for c in value)


def _number(label: str, value: Any, kind: type, low: float, high: float, unit: str) -> float | int | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None  # unknown
    allowed = f"{low:g} to {high:g} {unit}".strip() + " or unknown"
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(label, f"{value!r} is not a number", allowed)
    if not math.isfinite(value) or not (low <= value <= high):
        raise ValidationError(label, f"{value!r} is out of range", allowed)
    if kind is int:
        if int(value) != value:
            raise ValidationError(label, f"{value!r} is not a whole number", allowed)
        return int(value)
    return float(value)


def _text(label: str, value: Any, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(label, f"{value!r} is not text", f"up to {limit} characters")
    value = value.strip()
    if len(value) > limit or "\x00" in value:
        raise ValidationError(label, "is too long or contains a NUL character", f"up to {limit} characters")
    return value


def _si(value: float | None, scale: float) -> float:
    return NAN if value is None else float(value) * scale


def row_to_spec(row: dict, price: dict | None = None) -> DeviceSpec:
    """Build the estimator's DeviceSpec from a device row (and its price row, if any)."""
    kind = row["kind"]
    origin: dict[str, str] = {}

    def mark(field: str, value: Any) -> Any:
        unknown = value is None or (isinstance(value, float) and math.isnan(value)) or value == ""
        origin[field] = UNKNOWN if unknown else FROM_CATALOG
        return value

    peaks: dict[str, float] = {}
    for precision, column in PEAK_COLUMNS.items():
        value = row.get(column)
        if value is not None:
            peaks[precision] = float(value) * 1e12
            origin[f"peak_flops.{precision}"] = FROM_CATALOG
        else:
            origin[f"peak_flops.{precision}"] = UNKNOWN
    hybrid = kind == "cpu" and bool(row.get("p_cores")) and bool(row.get("e_cores"))
    flops_per_clock = row.get("fp32_flops_per_clock")
    if kind == "cpu":
        derived = cpu_fp32_peak(row)
        if "fp32" not in peaks and not math.isnan(derived.value):
            peaks["fp32"] = derived.value
            origin["peak_flops.fp32"] = FROM_DERIVATION
        # for CPUs boost_clock_hz is the clock the peak uses (base where known: all-core floor)
        clock_mhz = row.get("base_clock_mhz") if row.get("base_clock_mhz") is not None else row.get("boost_clock_mhz")
        if hybrid:
            flops_per_clock = None  # differs between P- and E-cores; see the derived peak
    else:
        clock_mhz = row.get("boost_clock_mhz")
    has_price = bool(price) and price.get("price") is not None and price.get("currency") == "USD"
    p2p = row.get("peer_to_peer")
    spec = DeviceSpec(
        id=row["id"],
        kind=kind,
        vendor=row.get("vendor") or "",
        name=row["name"],
        architecture=row.get("architecture") or "",
        form_factor=row.get("form_factor") or "",
        launch_year=mark("launch_year", row.get("launch_year")),
        memory_bytes=_si(mark("memory_bytes", row.get("memory_gb")), GiB),
        memory_type=row.get("memory_type") or "",
        memory_bandwidth_bps=_si(mark("memory_bandwidth_bps", row.get("memory_bandwidth_gbs")), 1e9),
        chips=int(row.get("chips") or 1),
        cores=mark("cores", row.get("cores")),
        threads=mark("threads", row.get("threads")),
        tensor_cores=mark("tensor_cores", row.get("tensor_cores")),
        boost_clock_hz=_si(mark("boost_clock_hz", clock_mhz), 1e6),
        base_clock_hz=_si(mark("base_clock_hz", row.get("base_clock_mhz")), 1e6),
        flops_per_clock_per_core=_si(mark("flops_per_clock_per_core", flops_per_clock), 1.0),
        peak_flops=peaks,
        tdp_w=_si(mark("tdp_w", row.get("tdp_w")), 1.0),
        pcie_gen=mark("pcie_gen", row.get("pcie_gen")),
        pcie_lanes=mark("pcie_lanes", row.get("pcie_lanes")),
        nvlink_bps=_si(mark("nvlink_bps", row.get("nvlink_gbs")), 1e9),
        peer_to_peer=mark("peer_to_peer", None if p2p is None else bool(p2p)),
        isa=tuple(part for part in (row.get("isa") or "").split(";") if part),
        price_usd=float(price["price"]) if has_price else NAN,
        price_date=(price.get("date") or "") if has_price else "",
        price_source=(price.get("source") or "") if has_price else "",
        source=row.get("source") or "",
        notes=row.get("notes") or "",
        field_origin=origin,
        user_defined=row.get("origin") == "user",
    )
    origin["price_usd"] = FROM_CATALOG if has_price else UNKNOWN
    return spec


def device_columns() -> tuple[str, ...]:
    return tuple(DEVICE_COLUMNS)


def spec_to_dict(spec: DeviceSpec) -> dict:
    """JSON-ready device object: identity, specs in readable units, price, source (NaN -> None)."""

    def num(value: Any, scale: float = 1.0) -> float | None:
        if value is None:
            return None
        value = float(value)
        return None if math.isnan(value) else round(value / scale, 6)

    specs = {
        "memory_gib": num(spec.memory_bytes, GiB),
        "memory_type": spec.memory_type or None,
        "memory_bandwidth_gbs": num(spec.memory_bandwidth_bps, 1e9),
        "chips": spec.chips,
        "cores": spec.cores,
        "threads": spec.threads,
        "tensor_cores": spec.tensor_cores,
        "clock_mhz": num(spec.boost_clock_hz, 1e6),
        "base_clock_mhz": num(spec.base_clock_hz, 1e6),
        "fp32_flops_per_clock_per_core": num(spec.flops_per_clock_per_core),
        **{f"{p}_tflops" if not p.startswith("int") else f"{p}_tops": num(spec.peak_flops.get(p), 1e12)
           for p in PEAK_COLUMNS},
        "tdp_w": num(spec.tdp_w),
        "pcie_gen": spec.pcie_gen,
        "pcie_lanes": spec.pcie_lanes,
        "nvlink_gbs": num(spec.nvlink_bps, 1e9),
        "peer_to_peer": spec.peer_to_peer,
        "isa": list(spec.isa),
    }
    return {
        "id": spec.id,
        "name": spec.name,
        "vendor": spec.vendor,
        "kind": spec.kind,
        "architecture": spec.architecture,
        "form_factor": spec.form_factor,
        "launch_year": spec.launch_year,
        "specs": specs,
        "price": {"usd": num(spec.price_usd), "date": spec.price_date or None, "source": spec.price_source or None},
        "source": spec.source,
        "notes": spec.notes,
        "user_defined": spec.user_defined,
        "field_origin": dict(spec.field_origin),
    }
