"""Column arrays of the catalog for vectorised sweeps (architecture rule 3).

Every numeric DeviceSpec quantity becomes one float64 array in base SI units, NaN where unknown,
aligned with `ids` and `names`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ..units import PRECISIONS
from .spec import DeviceSpec

SCALAR_COLUMNS = (
    "memory_bytes", "memory_bandwidth_bps", "chips", "cores", "threads", "tensor_cores", "boost_clock_hz",
    "base_clock_hz", "flops_per_clock_per_core", "tdp_w", "pcie_gen", "pcie_lanes", "nvlink_bps", "price_usd",
    "launch_year",
)


@dataclass(frozen=True)
class CatalogArrays:
    """ids, names and one float array per numeric column; peaks are `peak_<precision>` in FLOP/s."""

    kind: str | None
    ids: tuple[str, ...]
    names: tuple[str, ...]
    vendors: tuple[str, ...]
    kinds: tuple[str, ...] = ()
    columns: dict[str, np.ndarray] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, column: str) -> np.ndarray:
        return self.columns[column]

    def peak(self, precision: str) -> np.ndarray:
        return self.columns[f"peak_{precision}"]

    def index(self, device_id: str) -> int:
        return self.ids.index(device_id)

    @property
    def memory_bytes(self) -> np.ndarray:
        return self.columns["memory_bytes"]

    @property
    def memory_bandwidth_bps(self) -> np.ndarray:
        return self.columns["memory_bandwidth_bps"]

    @property
    def tdp_w(self) -> np.ndarray:
        return self.columns["tdp_w"]

    @property
    def price_usd(self) -> np.ndarray:
        return self.columns["price_usd"]

    @classmethod
    def from_specs(cls, specs: Sequence[DeviceSpec], kind: str | None = None) -> CatalogArrays:
        columns: dict[str, np.ndarray] = {}
        for name in SCALAR_COLUMNS:
            columns[name] = np.array([_float(getattr(s, name)) for s in specs], dtype=np.float64)
        for precision in PRECISIONS:
            columns[f"peak_{precision}"] = np.array([s.peak(precision) for s in specs], dtype=np.float64)
        columns["derived_fp32_peak"] = np.array([_float(s.derived_fp32_peak) for s in specs], dtype=np.float64)
        return cls(
            kind=kind,
            ids=tuple(s.id for s in specs),
            names=tuple(s.name for s in specs),
            vendors=tuple(s.vendor for s in specs),
            kinds=tuple(s.kind for s in specs),
            columns=columns,
        )


def _float(value: object) -> float:
    if value is None:
        return math.nan
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan
