"""Parameters of the efficiency model and the uncertainty bands, as fitted on published
measurements by benchmarks/fit_calibration.py (resources/calibration/params.json).

The priors below are the starting point of the fit and what the model uses when no fitted
file is present; each says what it means so the Explain view can show it.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class ParamSpec:
    name: str
    prior: float
    low: float
    high: float
    meaning: str


PARAM_SPECS: tuple[ParamSpec, ...] = (
    ParamSpec("eta_matrix", 0.70, 0.2, 0.98, "ceiling fraction of the datasheet matrix rate (tensor cores, CUDA-core or CPU FMA) for large GEMMs"),
    ParamSpec("m_half", 2048.0, 16.0, 200000.0, "GEMM rows (batch x pixels or tokens) at which efficiency halves"),
    ParamSpec("n_half", 48.0, 1.0, 4096.0, "GEMM output columns (output channels) at which efficiency halves"),
    ParamSpec("k_half", 64.0, 1.0, 4096.0, "GEMM reduction depth (input channels x kernel) at which efficiency halves"),
    ParamSpec("grouped_factor", 0.5, 0.05, 1.0, "extra efficiency factor of grouped convolutions"),
    ParamSpec("winograd_speedup", 1.5, 1.0, 2.25, "effective speed-up of dense 3x3 stride-1 convolutions on CUDA cores (cuDNN Winograd transforms do up to 2.25x fewer multiplications)"),
    ParamSpec("depthwise_eta", 0.25, 0.01, 1.0, "fraction of the vector peak depthwise convolutions reach"),
    ParamSpec("eta_mem", 0.80, 0.3, 1.2, "fraction of the datasheet memory bandwidth large transfers reach (caches can exceed 1)"),
    ParamSpec("bytes_half", 262144.0, 1024.0, 1e8, "transfer size at which the achieved bandwidth halves"),
    ParamSpec("kernel_s", 4e-6, 5e-7, 5e-5, "minimum GPU time of one kernel"),
    ParamSpec("dispatch_eager_s", 2e-5, 1e-6, 3e-4, "host time to dispatch one operator in an eager framework"),
    ParamSpec("dispatch_graph_s", 8e-6, 5e-7, 3e-4, "host time per operator in a graph executor (TensorFlow, MXNet)"),
    ParamSpec("dispatch_compiled_s", 5e-6, 5e-7, 3e-4, "host time per operator in a compiled graph (XLA, torch.compile)"),
    ParamSpec("dispatch_trt_s", 2e-6, 1e-7, 1e-4, "host time per layer with an optimising runtime (TensorRT)"),
    ParamSpec("step_overhead_s", 3e-4, 1e-6, 2e-2, "fixed host time per step or call in a framework loop"),
    ParamSpec("autocast_dispatch_factor", 1.3, 1.0, 3.0, "host work per operator under mixed-precision autocast, relative"),
    ParamSpec("fuse_compiled", 0.6, 0.05, 1.0, "share of element-wise/norm traffic left after XLA/torch.compile fusion"),
    ParamSpec("fuse_trt", 0.15, 0.01, 1.0, "share of element-wise/norm traffic left after TensorRT fusion"),
    ParamSpec("backward_factor", 0.85, 0.3, 1.2, "efficiency of backward kernels relative to forward"),
    ParamSpec("depthwise_backward_factor", 0.7, 0.1, 1.5, "extra efficiency factor of depthwise-convolution backward kernels (per-channel weight-gradient reductions)"),
    ParamSpec("allreduce_overlap", 0.6, 0.01, 0.99, "share of the all-reduce hidden behind the backward pass"),
    ParamSpec("multi_gpu_overhead", 0.03, 0.001, 0.3, "extra step time per data-parallel step (synchronisation)"),
    ParamSpec("roofline_power", 3.0, 1.0, 12.0, "k in (t_c^k + t_m^k)^(1/k): 1 = no overlap of maths and memory, large = max"),
)
PARAM_NAMES: tuple[str, ...] = tuple(spec.name for spec in PARAM_SPECS)
PRIORS: dict[str, float] = {spec.name: spec.prior for spec in PARAM_SPECS}


@dataclass(frozen=True)
class Calibration:
    """Fitted parameters plus the residual quantiles that become the uncertainty bands."""

    params: dict[str, float]
    # log(measured / predicted) quantiles per task ("train", "infer"): (q10, q50, q90)
    bands: dict[str, tuple[float, float, float]] = field(default_factory=dict)
    version: str = "priors"
    source: str = "priors (no fitted calibration file)"
    summary: dict[str, object] = field(default_factory=dict)

    def __getitem__(self, name: str) -> float:
        return self.params[name]

    def band(self, task: str) -> tuple[float, float]:
        """Multipliers (low, high) for a predicted rate: predicted x exp(q10 .. q90)."""
        q10, _, q90 = self.bands.get(task, (math.log(0.6), 0.0, math.log(1.5)))
        return math.exp(q10), math.exp(q90)

    def vector(self) -> np.ndarray:
        return np.array([self.params[name] for name in PARAM_NAMES])


def calibration_dir() -> Path:
    from ... import resources

    return Path(resources.__file__).resolve().parent / "calibration"


def params_path() -> Path:
    return calibration_dir() / "params.json"


def prior_calibration() -> Calibration:
    return Calibration(dict(PRIORS))


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> Calibration:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    params = dict(PRIORS)
    params.update({k: float(v) for k, v in data.get("params", {}).items() if k in PRIORS})
    bands = {k: tuple(float(x) for x in v) for k, v in data.get("bands", {}).items()}
    version = f"{data.get('data_version', '?')} fitted {data.get('fitted_at', '?')}"
    source = f"fitted on {data.get('rows_used', '?')} published measurements (resources/calibration)"
    return Calibration(params, bands, version, source, data.get("summary", {}))


def load_calibration(path: Path | None = None) -> Calibration:
    """The fitted calibration, or the priors when the file is missing."""
    path = path or params_path()
    if not path.exists():
        return prior_calibration()
    return _load(str(path), path.stat().st_mtime)

