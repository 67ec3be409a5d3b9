"""Find a detected CPU or GPU's catalog twin, or build an honest spec from what was detected.

Names are compared as token sets after removing what does not identify a product: trademark
marks, vendor words, "13th Gen", "16-Core Processor", "@ 3.70GHz", memory sizes and types,
form factors. A generic VM name ("AMD EPYC", "Intel Xeon Processor (Cascadelake)") matches
nothing and falls back to cores x clock x FLOPs/cycle, with FLOPs/cycle taken from the ISA.
Pure functions over lists of DeviceSpec: no database access here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .detect import CpuInfo
from .nvml import GpuInfo
from .spec import FROM_DERIVATION, FROM_DETECTION, UNKNOWN, DeviceSpec

NAN = math.nan
BANDWIDTH_UNKNOWN_NOTE = "memory bandwidth unknown until measured (rigsizer-cli bench)"

_TRADEMARKS = re.compile(r"\((?:r|tm|c)\)|®|™", re.IGNORECASE)
_NOISE = frozenset({"", "intel", "amd", "nvidia", "tesla", "processor", "cpu", "gpu", "apu", "graphics", "card"})
_MEMORY_TYPES = frozenset({"hbm", "hbm2", "hbm2e", "hbm3", "hbm3e", "gddr5", "gddr5x", "gddr6", "gddr6x", "gddr7"})
_FORMS = {"sxm": "sxm", "sxm2": "sxm", "sxm3": "sxm", "sxm4": "sxm", "sxm5": "sxm", "pcie": "pcie", "nvl": "nvl"}
_MEMORY_TOKEN = re.compile(r"^(\d+(?:\.\d+)?)gb?$")
_F_SUFFIX = re.compile(r"^(\d{3,5}[a-z]*?)f$")  # Intel "F" parts: same compute, no integrated graphics


@dataclass(frozen=True)
class NameKey:
    """What identifies a product in its name."""

    tokens: frozenset[str]
    memory_gib: float | None = None
    form: str | None = None
    remark: str = ""  # text in parentheses, e.g. a codename "Cascadelake"

    @property
    def has_model_number(self) -> bool:
        """Generic names ("AMD EPYC", "Intel Xeon Processor") carry no model number."""
        return any(re.search(r"\d", token) and len(token) >= 2 for token in self.tokens)


@dataclass(frozen=True)
class Match:
    spec: DeviceSpec
    notes: tuple[str, ...] = ()
    memory_agrees: bool | None = None  # None when either side does not state memory


def name_key(text: str) -> NameKey:
    """Tokens of a CPU brand string, a GPU name from NVML or a catalog name."""
    text = _TRADEMARKS.sub(" ", text or "")
    text = re.split(r"\s(?:w/|with)\s", text, maxsplit=1, flags=re.IGNORECASE)[0]
    text = re.sub(r"@\s*[\d.]+\s*[gm]hz", " ", text, flags=re.IGNORECASE)
    remarks = re.findall(r"\(([^)]*)\)", text)
    text = re.sub(r"\([^)]*\)", " ", text)
    text = re.sub(r"\b\d+(?:st|nd|rd|th)\s+gen(?:eration)?\b", " ", text, flags=re.IGNORECASE)
    text = re.sub(r"\b\d+-cores?\b", " ", text, flags=re.IGNORECASE)
    tokens: set[str] = set()
    memory: float | None = None
    form: str | None = None
    for token in re.split(r"[\s\-_/,]+", text.lower()):
        token = token.strip(".")
        if token in _NOISE or token in _MEMORY_TYPES:
            continue
        size = _MEMORY_TOKEN.match(token)
        if size:
            memory = float(size.group(1))
            continue
        if token in _FORMS:
            form = _FORMS[token]
            continue
        tokens.add(token)
    return NameKey(frozenset(tokens), memory, form, "; ".join(r.strip() for r in remarks if r.strip()))


def _without_f_suffix(tokens: frozenset[str]) -> frozenset[str]:
    return frozenset(_F_SUFFIX.sub(r"\1", token) for token in tokens)


def _same_vendor(spec: DeviceSpec, vendor: str) -> bool:
    return not vendor or not spec.vendor or spec.vendor.lower() == vendor.lower()


def match_cpu(cpu: CpuInfo | str, candidates: Iterable[DeviceSpec], vendor: str = "") -> Match | None:
    """The catalog CPU whose name identifies the same product, or None (generic or unknown)."""
    brand = cpu.model_name if isinstance(cpu, CpuInfo) else cpu
    vendor = cpu.vendor if isinstance(cpu, CpuInfo) and not vendor else vendor
    key = name_key(brand)
    if not key.has_model_number:
        return None
    relaxed = _without_f_suffix(key.tokens)
    fallback: Match | None = None
    for spec in candidates:
        if spec.kind != "cpu" or not _same_vendor(spec, vendor):
            continue
        tokens = name_key(spec.name).tokens
        if tokens == key.tokens:
            return Match(spec, (f'"{brand}" is the catalog\'s "{spec.name}"',))
        if fallback is None and relaxed != key.tokens and tokens == relaxed:
            note = f'"{brand}" matched "{spec.name}" ignoring the F suffix (same cores and clocks, no iGPU)'
            fallback = Match(spec, (note,))
    return fallback


def match_gpu(gpu: GpuInfo | str, candidates: Iterable[DeviceSpec]) -> Match | None:
    """The catalog GPU for an NVML name, using memory size and power limit to pick a variant.

    "NVIDIA H100 80GB HBM3" names no form factor: among the H100 rows the one whose memory
    and TDP agree with what NVML reports wins. A row whose memory differs by more than 10 %
    is still the same chip but a different board: the match says so (`memory_agrees`).
    """
    name = gpu.name if isinstance(gpu, GpuInfo) else gpu
    key = name_key(name)
    if not key.has_model_number:
        return None
    detected_gib = gpu.memory_total_bytes / 1024**3 if isinstance(gpu, GpuInfo) else NAN
    if math.isnan(detected_gib) and key.memory_gib is not None:
        detected_gib = key.memory_gib
    power = gpu.power_limit_w if isinstance(gpu, GpuInfo) else NAN
    best: tuple[float, int, Match] | None = None
    for order, spec in enumerate(candidates):
        if spec.kind != "gpu" or not _same_vendor(spec, "NVIDIA"):
            continue
        row = name_key(spec.name)
        if row.tokens != key.tokens:
            continue
        penalty = 0.0
        notes = [f'"{name}" is the catalog\'s "{spec.name}"']
        if key.form and row.form and key.form != row.form:
            penalty += 10
            notes.append(f"form factor differs ({key.form} detected, {row.form} in the catalog row)")
        row_gib = spec.memory_gib if not math.isnan(spec.memory_bytes) else (row.memory_gib or NAN)
        agrees: bool | None = None
        if not (math.isnan(row_gib) or math.isnan(detected_gib)):
            agrees = abs(detected_gib / row_gib - 1) <= 0.10
            if not agrees:
                penalty += 5
                notes.append(f"memory differs ({detected_gib:.0f} GiB detected, {row_gib:.0f} GiB in the row)")
        if not (math.isnan(power) or math.isnan(spec.tdp_w)) and spec.tdp_w > 0:
            penalty += min(abs(power / spec.tdp_w - 1), 1.0)
        candidate = Match(spec, tuple(notes), agrees)
        if best is None or (penalty, order) < best[:2]:
            best = (penalty, order, candidate)
    return best[2] if best else None


# -- fallbacks built from detection ---------------------------------------------------------


def cpu_flops_per_cycle(cpu: CpuInfo) -> tuple[float, str]:
    """FP32 FLOPs per cycle per core from vendor, CPUID family and ISA, with the reasoning.

    FLOPs/cycle = FMA units x FP32 lanes x 2. The ISA says the vector width; the number of
    FMA units is a microarchitecture fact, assumed as stated in the returned text.
    """
    isa = set(cpu.isa) | set(cpu.flags)
    family, model = cpu.family, cpu.model
    if cpu.vendor in ("AMD", "Hygon") and family is not None:
        if family >= 0x1A and "avx512f" in isa:
            return 64.0, (
                "Zen 5 (CPUID family 1Ah) with AVX-512: 2 FMA units x 16 FP32 lanes (512-bit) x 2 = 64 "
                "FLOP/cycle; Zen 5 mobile parts use 256-bit datapaths (32)"
            )
        if family == 0x19:
            return 32.0, (
                "Zen 3/Zen 4 (CPUID family 19h): 2 FMA units x 8 FP32 lanes (256-bit) x 2 = 32 FLOP/cycle; "
                "Zen 4 executes AVX-512 on 256-bit datapaths, so AVX-512 does not double it"
            )
        if family in (0x17, 0x18):
            if model is not None and model < 0x30 and family == 0x17:
                return 16.0, "Zen/Zen+ (family 17h, model < 30h): 2 FMA units x 4 FP32 lanes (128-bit) x 2 = 16"
            return 32.0, "Zen 2 (family 17h): 2 FMA units x 8 FP32 lanes (256-bit) x 2 = 32 FLOP/cycle"
    if "avx512f" in isa:
        return 64.0, (
            "AVX-512 with 2 FMA units: 2 x 16 FP32 lanes (512-bit) x 2 = 64 FLOP/cycle; Xeon SKUs "
            "with one AVX-512 FMA unit reach 32"
        )
    if "avx2" in isa and "fma" in isa:
        return 32.0, "AVX2 with FMA: 2 FMA units x 8 FP32 lanes (256-bit) x 2 = 32 FLOP/cycle (Haswell and later)"
    if "avx" in isa:
        return 16.0, "AVX without FMA: one 256-bit add and one 256-bit multiply per cycle = 16 FP32 FLOP/cycle"
    if "sse2" in isa or "sse4_2" in isa:
        return 8.0, "SSE: one 128-bit add and one 128-bit multiply per cycle = 8 FP32 FLOP/cycle"
    return NAN, f"FMA width of this {cpu.architecture or 'CPU'} core is not known from its ISA flags"


def cpu_peak_clock(cpu: CpuInfo) -> tuple[float, str]:
    """The clock used for the derived peak and what it is."""
    if not math.isnan(cpu.max_clock_hz):
        return cpu.max_clock_hz, "max clock reported by the OS (upper bound: all-core turbo is lower)"
    if not math.isnan(cpu.base_clock_hz):
        return cpu.base_clock_hz, "rated base clock (turbo can exceed it)"
    if not math.isnan(cpu.current_clock_hz):
        return cpu.current_clock_hz, "clock reported by the OS now (in a VM usually the host's nominal clock)"
    return NAN, "no clock exposed by the OS"


def fallback_cpu_spec(cpu: CpuInfo, ram_bytes: float = NAN) -> DeviceSpec:
    """A CPU spec from detection alone: cores x clock x FLOPs/cycle (seed 003); bandwidth unknown."""
    flops, flops_reason = cpu_flops_per_cycle(cpu)
    clock, clock_reason = cpu_peak_clock(cpu)
    notes = [f"FLOPs/cycle: {flops_reason}", f"clock: {clock_reason}"]
    cores = cpu.physical_cores
    if cores is None and cpu.logical_cores:
        cores = cpu.logical_cores
        notes.append("physical core count not exposed: logical CPUs counted (SMT would overstate the peak)")
    if cpu.is_hybrid:
        cores = cpu.performance_cores
        notes.append(
            f"hybrid CPU: peak counts the {cpu.performance_cores} P-cores only; the "
            f"{cpu.efficiency_cores} E-cores' FMA width is not confirmed"
        )
    notes.append(BANDWIDTH_UNKNOWN_NOTE)
    peak = (cores or 0) * clock * flops if cores else NAN
    peaks = {} if math.isnan(peak) else {"fp32": peak, "fp64": peak / 2}
    origin = {
        "vendor": FROM_DETECTION, "name": FROM_DETECTION, "cores": FROM_DETECTION, "threads": FROM_DETECTION,
        "boost_clock_hz": FROM_DETECTION if not math.isnan(clock) else UNKNOWN,
        "base_clock_hz": FROM_DETECTION if not math.isnan(cpu.base_clock_hz) else UNKNOWN,
        "flops_per_clock_per_core": FROM_DERIVATION if not math.isnan(flops) else UNKNOWN,
        "peak_flops": FROM_DERIVATION if peaks else UNKNOWN,
        "isa": FROM_DETECTION, "memory_bytes": FROM_DETECTION if not math.isnan(ram_bytes) else UNKNOWN,
        "memory_bandwidth_bps": UNKNOWN, "tdp_w": UNKNOWN, "price_usd": UNKNOWN, "architecture": UNKNOWN,
    }  # fmt: skip
    key = name_key(cpu.model_name)
    return DeviceSpec(
        id="local-cpu",
        kind="cpu",
        vendor=cpu.vendor,
        name=f"This workstation: {cpu.model_name}",
        architecture=key.remark,
        memory_bytes=ram_bytes,
        cores=cores,
        threads=cpu.logical_cores,
        boost_clock_hz=clock,
        base_clock_hz=cpu.base_clock_hz,
        flops_per_clock_per_core=flops,
        peak_flops=peaks,
        isa=cpu.isa,
        source="detected on this workstation (OS CPU information); peak derived from the ISA",
        notes="; ".join(notes),
        field_origin=origin,
    )


def nvml_memory_bandwidth(gpu: GpuInfo) -> float:
    """Bus width / 8 x 2 x max memory clock: NVML's memory clock is half the data rate (DDR
    signalling), the same reading CUDA's deviceQuery uses. RTX 4090: 384 / 8 x 2 x 10.501 GHz
    = 1008 GB/s; H100 SXM: 5120 / 8 x 2 x 2.619 GHz = 3.35 TB/s. NaN when either is unknown."""
    return gpu.memory_bus_width_bits / 8 * 2 * gpu.max_memory_clock_hz


def fallback_gpu_spec(gpu: GpuInfo) -> DeviceSpec:
    """A GPU spec from NVML alone: CUDA cores x max SM clock x 2 (one FMA per core per clock)."""
    cores = None if math.isnan(gpu.cuda_cores) else int(gpu.cuda_cores)
    known = not (cores is None or math.isnan(gpu.max_sm_clock_hz))
    bandwidth = nvml_memory_bandwidth(gpu)
    origin = {
        "name": FROM_DETECTION,
        "cores": FROM_DETECTION if cores is not None else UNKNOWN,
        "boost_clock_hz": FROM_DETECTION if not math.isnan(gpu.max_sm_clock_hz) else UNKNOWN,
        "flops_per_clock_per_core": FROM_DERIVATION,
        "memory_bytes": FROM_DETECTION if not math.isnan(gpu.memory_total_bytes) else UNKNOWN,
        "memory_bandwidth_bps": FROM_DERIVATION if not math.isnan(bandwidth) else UNKNOWN,
        "peak_flops": FROM_DERIVATION if known else UNKNOWN,
        "tdp_w": FROM_DETECTION if not math.isnan(gpu.power_limit_w) else UNKNOWN,
        "pcie_gen": FROM_DETECTION if not math.isnan(gpu.pcie_max_gen) else UNKNOWN,
        "pcie_lanes": FROM_DETECTION if not math.isnan(gpu.pcie_max_width) else UNKNOWN,
        "tensor_cores": UNKNOWN,
        "price_usd": UNKNOWN,
    }
    peak = (cores or 0) * gpu.max_sm_clock_hz * 2.0 if known else NAN
    return DeviceSpec(
        id=f"local-gpu-{gpu.index}",
        kind="gpu",
        vendor="NVIDIA",
        name=f"This workstation: {gpu.name}",
        memory_bytes=gpu.memory_total_bytes,
        memory_bandwidth_bps=bandwidth,
        cores=cores,
        boost_clock_hz=gpu.max_sm_clock_hz,
        flops_per_clock_per_core=2.0,
        peak_flops={"fp32": peak} if known else {},
        tdp_w=gpu.power_limit_w,
        pcie_gen=None if math.isnan(gpu.pcie_max_gen) else int(gpu.pcie_max_gen),
        pcie_lanes=None if math.isnan(gpu.pcie_max_width) else int(gpu.pcie_max_width),
        source="detected through NVML; FP32 peak = CUDA cores x max SM clock x 2; "
        "memory bandwidth = bus width / 8 x 2 x max memory clock",
        notes="not in the catalog: tensor-core rates unknown; the FP32 peak uses the max SM clock, which "
        "can exceed the rated boost clock; tdp_w is the power limit",
        field_origin=origin,
    )
