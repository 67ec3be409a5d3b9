"""DeviceSpec: one device as the estimator sees it, from the catalog, from detection, or both.

Rates are dense (no 2:4-sparsity figures) and in base SI units: FLOP/s, bytes/s, bytes, W, Hz.
Unknown values are NaN, never guessed; `field_origin` says where each known field came from.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

NAN = math.nan

# field_origin values
FROM_CATALOG = "catalog"
FROM_DETECTION = "detected"
FROM_MEASUREMENT = "measured"
FROM_DERIVATION = "derived"
UNKNOWN = "unknown"

DEVICE_KINDS = ("gpu", "cpu", "edge")


@dataclass(frozen=True)
class DeviceSpec:
    """A compute device (GPU, CPU or edge accelerator) with its first-principles inputs."""

    id: str  # catalog id, e.g. "nvidia-geforce-rtx-4090"; "local-gpu-0" for detected-only devices
    kind: str  # one of DEVICE_KINDS
    vendor: str
    name: str
    architecture: str = ""
    form_factor: str = ""  # "desktop", "datacenter", "workstation", "module", "m.2", ...
    launch_year: int | None = None
    # memory
    memory_bytes: float = NAN  # device memory (GPU/edge) or max supported RAM (CPU); GiB-accurate
    memory_type: str = ""
    memory_bandwidth_bps: float = NAN  # bytes/s
    # first-principles inputs for the FP32 peak: chips x cores x clock x flops_per_clock
    chips: int = 1
    cores: int | None = None  # CUDA cores / stream processors, or CPU cores
    threads: int | None = None
    tensor_cores: int | None = None
    boost_clock_hz: float = NAN  # for CPUs: the all-core clock used for the peak, when known
    base_clock_hz: float = NAN
    flops_per_clock_per_core: float = NAN  # FP32
    # datasheet dense peak rates per precision, FLOP/s (or OP/s for int8/int4)
    peak_flops: dict[str, float] = field(default_factory=dict)
    # power, links, price
    tdp_w: float = NAN
    pcie_gen: int | None = None
    pcie_lanes: int | None = None
    nvlink_bps: float = NAN  # bidirectional, as vendors quote; NaN = none/unknown
    peer_to_peer: bool | None = None  # GPU peer-to-peer over PCIe/NVLink with the stock driver
    isa: tuple[str, ...] = ()  # CPU ISA features ("avx2", "avx512f", "amx_bf16", "neon")
    price_usd: float = NAN
    price_date: str = ""
    price_source: str = ""
    source: str = ""  # where the specs come from (catalog row source text)
    notes: str = ""
    field_origin: dict[str, str] = field(default_factory=dict)  # field name -> FROM_* / UNKNOWN
    measured: dict[str, float] = field(default_factory=dict)  # "fp32_flops", "memory_bandwidth_bps", ...
    user_defined: bool = False

    def peak(self, precision: str) -> float:
        """Dense peak for a precision in FLOP/s; NaN when the datasheet gives none."""
        return float(self.peak_flops.get(precision, NAN))

    @property
    def derived_fp32_peak(self) -> float:
        """chips x cores x clock x FLOPs/clock (seed 003); NaN when an input is unknown."""
        if self.cores is None:
            return NAN
        return self.chips * self.cores * self.boost_clock_hz * self.flops_per_clock_per_core

    @property
    def memory_gib(self) -> float:
        return self.memory_bytes / 1024**3
