"""Peak rates from first principles (domain.md section 3, seed 003), each as a `Derived`.

peak = chips x cores x clock x FLOPs per clock per core (GPU FP32: 2 per CUDA core, one FMA;
CPU: FMA units x SIMD lanes x 2). Tensor rates: SMs x dense FLOPs per clock per SM x clock.
Memory: bus width x data rate (GPU), channels x 8 bytes x MT/s (DDR).

The catalog stores the vendor's datasheet rate; the formula is shown beside it and checked against
it. Where the formula cannot reproduce the vendor figure for a documented reason, the catalog row
carries a `*_peak_check` flag naming one of KNOWN_EXCEPTIONS, and `check_*` reports
"known_exception" instead of silently passing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..explain import Derived, Input

TOLERANCE = 0.02  # derived vs datasheet, relative

KNOWN_EXCEPTIONS: dict[str, str] = {
    "dual_issue": (
        "AMD counts packed/dual-issue FP32 (4 FLOP per SP per clock); the formula with 2 FLOP/clock gives "
        "half the vendor figure, which is the realistic non-packed peak (peak_formula.md section 2)"
    ),
    "clock_differs": (
        "the boost clock in the spec databases differs from the clock behind the datasheet figure; "
        "the datasheet rate is kept (gpus.csv notes)"
    ),
    "hopper_tensor_clock": (
        "Hopper tensor peaks correspond to ~1.83 GHz while FP32 matches the 1.98 GHz boost: one clock cannot "
        "reproduce both, so both datasheet numbers are stored (peak_formula.md section 3)"
    ),
}

PEAK_SOURCE = "domain.md section 3 (seed 003); peak_formula.md"


@dataclass(frozen=True)
class PeakCheck:
    """Derived peak vs datasheet peak for one device and precision."""

    device_id: str
    precision: str
    derived: float  # FLOP/s, NaN when not derivable
    datasheet: float  # FLOP/s, NaN when the datasheet gives none
    status: str  # "agrees", "known_exception", "disagrees", "not_derivable", "no_datasheet"
    reason: str = ""

    @property
    def ratio(self) -> float:
        if math.isnan(self.derived) or math.isnan(self.datasheet) or self.datasheet == 0:
            return math.nan
        return self.derived / self.datasheet


def _known(*values: float | None) -> bool:
    return all(v is not None and not (isinstance(v, float) and math.isnan(v)) for v in values)


def compute_peak(
    chips: float | None,
    cores: float | None,
    clock_hz: float | None,
    flops_per_clock: float | None,
    *,
    name: str = "FP32 peak",
    source: str = "",
    core_label: str = "cores",
    assumptions: tuple[str, ...] = (),
    low: float = math.nan,
    high: float = math.nan,
) -> Derived:
    """chips x cores x clock x FLOPs/clock in FLOP/s; NaN (with the missing input named) when unknown."""
    inputs = (
        Input("chips", _as_value(chips), "", source),
        Input(core_label, _as_value(cores), "per chip", source),
        Input("clock", _as_value(clock_hz), "Hz", source),
        Input("FLOPs/clock", _as_value(flops_per_clock), "per core", PEAK_SOURCE),
    )
    missing = [item.symbol for item in inputs if isinstance(item.value, float) and math.isnan(item.value)]
    value = math.nan if missing else float(chips) * float(cores) * float(clock_hz) * float(flops_per_clock)
    notes = assumptions + ((f"not derivable: {', '.join(missing)} unknown",) if missing else ())
    return Derived(
        name=name,
        value=value,
        unit="FLOP/s",
        formula=f"chips x {core_label} x clock x FLOPs/clock",
        inputs=inputs,
        source=PEAK_SOURCE,
        low=low,
        high=high,
        assumptions=notes,
    )


def _as_value(value: float | None) -> float:
    return math.nan if value is None else float(value)


def gpu_fp32_peak(row: dict) -> Derived:
    """GPU (or NVIDIA edge module) FP32 non-tensor peak from a catalog device row."""
    clock = row.get("boost_clock_mhz")
    return compute_peak(
        row.get("chips") or 1,
        row.get("cores"),
        None if clock is None else clock * 1e6,
        row.get("fp32_flops_per_clock"),
        source=row.get("source", ""),
        core_label="CUDA cores / stream processors",
        assumptions=("clock = boost clock",),
    )


def cpu_fp32_peak(row: dict) -> Derived:
    """CPU FP32 peak: cores x clock x FLOPs/cycle.

    The all-core clock under vector load is not in the sources: the value uses the base clock (the
    guaranteed all-core floor) and the band runs up to the single-core boost. Hybrid Intel parts count
    only P-cores, because the E-core FMA width is not confirmed (cpus.csv notes): the value is then a
    lower bound.
    """
    base, boost = row.get("base_clock_mhz"), row.get("boost_clock_mhz")
    hybrid = bool(row.get("p_cores")) and bool(row.get("e_cores"))
    cores = row.get("p_cores") if hybrid else row.get("cores")
    per_clock = row.get("fp32_flops_per_clock")
    assumptions: list[str] = []
    clock = base if base is not None else boost
    if base is None and boost is not None:
        assumptions.append("base clock unknown: single-core boost used, optimistic for an all-core load")
    else:
        assumptions.append("clock = base clock (all-core floor); band up to the boost clock")
    if hybrid:
        assumptions.append(
            f"P-cores only ({row.get('p_cores')} of {row.get('cores')}): E-core FMA width not confirmed, "
            "so this is a lower bound"
        )
    low = high = math.nan
    if _known(cores, per_clock, base, boost):
        low = float(cores) * base * 1e6 * per_clock
        high = float(cores) * boost * 1e6 * per_clock
    return compute_peak(
        1,
        cores,
        None if clock is None else clock * 1e6,
        per_clock,
        source=row.get("source", ""),
        core_label="P-cores" if hybrid else "cores",
        assumptions=tuple(assumptions),
        low=low,
        high=high,
    )


def fp32_peak(row: dict) -> Derived:
    """The first-principles FP32 peak for any catalog device row."""
    return cpu_fp32_peak(row) if row.get("kind") == "cpu" else gpu_fp32_peak(row)


def tensor_fp16_peak(row: dict) -> Derived:
    """Dense FP16 tensor peak: SMs x dense FLOPs/clock/SM x boost clock (peak_formula.md section 3)."""
    clock = row.get("boost_clock_mhz")
    sms, per_sm = row.get("sms"), row.get("tensor_fp16_flops_per_clock_per_sm")
    inputs = (
        Input("SMs", _as_value(sms), "", row.get("source", "")),
        Input("tensor FLOPs/clock/SM", _as_value(per_sm), "dense FP16", "peak_formula.md section 3"),
        Input("clock", _as_value(None if clock is None else clock * 1e6), "Hz", row.get("source", "")),
    )
    value = math.nan
    if _known(sms, per_sm, clock):
        value = float(sms) * float(per_sm) * float(clock) * 1e6
    return Derived(
        name="FP16 tensor peak (dense)",
        value=value,
        unit="FLOP/s",
        formula="SMs x dense tensor FLOPs/clock/SM x clock",
        inputs=inputs,
        source=PEAK_SOURCE,
        assumptions=(
            ("GeForce: FP32 accumulate, half the FP16-accumulate rate",) if row.get("form_factor") == "consumer"
            else ("FP32 accumulate at full rate (datacenter/professional part)",)
        ),
    )


def memory_bandwidth(row: dict) -> Derived:
    """Peak memory bandwidth in bytes/s: bus width x data rate (GPU) or channels x 8 B x MT/s (DDR)."""
    if row.get("kind") == "cpu":
        channels, mts = row.get("memory_channels"), row.get("memory_mts")
        value = float(channels) * 8 * float(mts) * 1e6 if _known(channels, mts) else math.nan
        return Derived(
            name="memory bandwidth",
            value=value,
            unit="B/s",
            formula="channels x 8 bytes x transfers/s",
            inputs=(
                Input("channels", _as_value(channels), "64-bit", row.get("source", "")),
                Input("data rate", _as_value(mts), "MT/s", row.get("memory_type", "")),
            ),
            source="[DRAM] JEDEC data rate x 8-byte channel (interconnects.csv)",
        )
    width, rate = row.get("bus_width_bits"), row.get("data_rate_gbps")
    value = float(width) / 8 * float(rate) * 1e9 if _known(width, rate) else math.nan
    return Derived(
        name="memory bandwidth",
        value=value,
        unit="B/s",
        formula="bus width / 8 x data rate per pin",
        inputs=(
            Input("bus width", _as_value(width), "bit", row.get("source", "")),
            Input("data rate", _as_value(rate), "Gbit/s per pin", row.get("source", "")),
        ),
        source=PEAK_SOURCE,
    )


def _check(device_id: str, precision: str, derived: Derived, datasheet: float | None, flag: str) -> PeakCheck:
    sheet = math.nan if datasheet is None else float(datasheet)
    if math.isnan(derived.value):
        return PeakCheck(device_id, precision, math.nan, sheet, "not_derivable", "; ".join(derived.assumptions))
    if math.isnan(sheet):
        return PeakCheck(device_id, precision, derived.value, sheet, "no_datasheet", "formula only")
    if flag:
        reason = KNOWN_EXCEPTIONS.get(flag, f"unknown exception flag {flag!r}")
        return PeakCheck(device_id, precision, derived.value, sheet, "known_exception", reason)
    ratio = derived.value / sheet
    status = "agrees" if abs(ratio - 1) <= TOLERANCE else "disagrees"
    return PeakCheck(device_id, precision, derived.value, sheet, status, f"derived/datasheet = {ratio:.3f}")


def check_fp32(row: dict) -> PeakCheck:
    """Formula vs datasheet FP32 for a device row (datasheet in TFLOPS)."""
    sheet = row.get("fp32_tflops")
    return _check(row["id"], "fp32", fp32_peak(row), None if sheet is None else sheet * 1e12,
                  row.get("fp32_peak_check") or "")


def check_tensor_fp16(row: dict) -> PeakCheck:
    """Formula vs datasheet dense FP16 tensor rate; a 2:4-sparse figure would come out at ratio 0.5."""
    sheet = row.get("fp16_tflops")
    return _check(row["id"], "fp16", tensor_fp16_peak(row), None if sheet is None else sheet * 1e12,
                  row.get("tensor_peak_check") or "")


def check_memory_bandwidth(row: dict) -> PeakCheck:
    sheet = row.get("memory_bandwidth_gbs")
    return _check(row["id"], "memory_bandwidth", memory_bandwidth(row), None if sheet is None else sheet * 1e9, "")
