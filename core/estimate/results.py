"""The Estimate: frozen results of `estimate(project, catalog)`, every figure a `Derived`.

Views (GUI panes, charts, the PDF, the CLI) read these values and never re-derive them.
Chart data are numpy arrays in small frozen records; `to_dict()` gives the JSON form.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from typing import Any

import numpy as np

from ..explain import Derived
from ..hardware.spec import DeviceSpec
from ..model.report import ModelReport


@dataclass(frozen=True)
class MemoryBreakdown:
    """Memory per device for one batch size (training or inference)."""

    weights: Derived
    gradients: Derived
    optimizer_state: Derived
    activations: Derived
    workspace: Derived
    runtime_context: Derived
    total: Derived
    capacity: Derived
    fits: bool
    max_batch: Derived  # largest batch that fits (0 when not even batch 1 fits)

    def components(self) -> tuple[Derived, ...]:
        return (self.weights, self.gradients, self.optimizer_state, self.activations, self.workspace,
                self.runtime_context)


@dataclass(frozen=True, eq=False)
class LayerTiming:
    """Per-layer roofline of one pass on the estimated device, arrays aligned with `names`."""

    names: tuple[str, ...]
    kinds: tuple[str, ...]
    compute_classes: tuple[str, ...]
    flops: np.ndarray  # per step (batch included)
    bytes: np.ndarray
    forward_s: np.ndarray
    backward_s: np.ndarray  # zeros for inference
    efficiency: np.ndarray  # compute efficiency eta_c used
    achieved_flops: np.ndarray  # FLOP/s achieved in forward
    bound: tuple[str, ...]  # "compute", "memory" or "overhead"


@dataclass(frozen=True)
class DataPipelineResult:
    """CPU-side supply of images against the GPU's appetite."""

    cpu_seconds_per_image: Derived  # read + decode + augment + collate on one core
    images_per_s_supplied: Derived  # with the workers/cores available
    images_per_s_demanded: Derived  # what the GPUs consume
    workers_needed: Derived
    cores_available: Derived
    dataset_bytes: Derived
    fits_page_cache: bool
    storage_images_per_s: Derived
    pcie_seconds_per_step: Derived
    bottleneck: bool  # the CPU pipeline limits throughput


@dataclass(frozen=True, eq=False)
class TrainingResult:
    step_time: Derived  # one optimisation step, all devices in parallel
    compute_time: Derived  # forward + backward on one device
    forward_time: Derived
    backward_time: Derived
    optimizer_time: Derived
    overhead_time: Derived  # launch/dispatch not hidden behind GPU work
    communication_time: Derived  # unhidden all-reduce
    samples_per_s: Derived  # aggregate over all devices
    samples_per_s_per_device: Derived
    utilisation: Derived  # achieved FLOP/s / peak
    epoch_time: Derived | None
    validation_time: Derived | None
    total_time: Derived | None
    energy_kwh: Derived | None
    energy_cost: Derived | None
    layers: LayerTiming | None = None


@dataclass(frozen=True)
class TaktCheck:
    required_rate: Derived  # images/s the line demands
    latency_budget: Derived
    margin: Derived  # achieved rate / required rate - 1
    devices_needed: Derived
    meets: bool


@dataclass(frozen=True, eq=False)
class InferenceResult:
    latency: Derived  # one call at the project batch
    latency_batch1: Derived
    samples_per_s: Derived
    memory: MemoryBreakdown
    takt: TaktCheck | None
    rated_fraction: Derived  # achieved OP/s / rated peak
    layers: LayerTiming | None = None


@dataclass(frozen=True, eq=False)
class RooflineData:
    names: tuple[str, ...]
    intensity: np.ndarray  # FLOP/byte
    achieved_flops: np.ndarray  # FLOP/s
    bound: tuple[str, ...]
    time_s: np.ndarray
    peak_flops: float
    bandwidth_bps: float


@dataclass(frozen=True, eq=False)
class ScalingData:
    gpus: np.ndarray  # 1..8 on one node
    time_s: np.ndarray  # one training run (or one epoch when no dataset) per gpu count
    samples_per_s: np.ndarray
    speedup: np.ndarray
    efficiency: np.ndarray  # speedup / gpus
    nodes: np.ndarray  # 1, 2, 4, ... nodes of the project's GPU count
    nodes_time_s: np.ndarray
    nodes_speedup: np.ndarray
    link: str  # the link the all-reduce crosses inside a node
    node_link: str


@dataclass(frozen=True, eq=False)
class MemoryVsBatch:
    batches: np.ndarray
    components: dict[str, np.ndarray]  # name -> bytes per batch
    total: np.ndarray
    capacity: float


@dataclass(frozen=True, eq=False)
class ThroughputVsBatch:
    batches: np.ndarray
    train_samples_per_s: np.ndarray  # NaN where the batch does not fit
    infer_samples_per_s: np.ndarray
    infer_latency_s: np.ndarray


@dataclass(frozen=True)
class CloudOption:
    name: str
    hourly_price: float
    currency: str
    hours: float
    cost: float
    source: str
    date: str


@dataclass(frozen=True, eq=False)
class Estimate:
    """Everything Rigsizer computes for one project on one hardware configuration."""

    model: ModelReport
    device: DeviceSpec
    gpus: int
    nodes: int
    task: str
    headline: tuple[Derived, ...]
    derivations: tuple[Derived, ...]
    memory: MemoryBreakdown
    training: TrainingResult | None
    inference: InferenceResult | None
    pipeline: DataPipelineResult | None
    bottleneck: str
    bottleneck_reason: str
    assumptions: tuple[str, ...]
    roofline: RooflineData
    scaling: ScalingData | None
    memory_vs_batch: MemoryVsBatch
    throughput_vs_batch: ThroughputVsBatch
    cloud: tuple[CloudOption, ...] = ()
    host_cpu: DeviceSpec | None = None
    warnings: tuple[str, ...] = field(default=())
    calibration_version: str = ""

    def get(self, name: str) -> Derived:
        """The derivation called `name` (KeyError listing close names otherwise)."""
        for item in self.derivations:
            if item.name == name:
                return item
        raise KeyError(f"no derivation named {name!r}; known: {', '.join(d.name for d in self.derivations)}")

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(item.name for item in self.derivations)

    def to_dict(self) -> dict[str, Any]:
        """JSON form: the CLI's flat contract keys plus the full structure."""
        training, inference = self.training, self.inference
        memory = self.memory
        primary = training.samples_per_s if training is not None else inference.samples_per_s
        out: dict[str, Any] = {
            "model": {
                "name": self.model.model_name,
                "params": self.model.params,
                "trainable_params": self.model.trainable_params,
                "macs": self.model.macs,
                "flops": self.model.flops,
                "input": list(self.model.input_shape),
                "convention": self.model.convention,
            },
            "device": {
                "id": self.device.id,
                "name": self.device.name,
                "kind": self.device.kind,
                "count": self.gpus,
                "nodes": self.nodes,
                "memory_bytes": _num(self.device.memory_bytes),
            },
            "task": self.task,
            "samples_per_s": _num(primary.value),
            "samples_per_s_low": _num(primary.low),
            "samples_per_s_high": _num(primary.high),
            "step_time_s": _num(training.step_time.value if training is not None
                                else inference.latency.value),
            "memory": {
                "total_bytes": _num(memory.total.value),
                "capacity_bytes": _num(memory.capacity.value),
                "fits": memory.fits,
                "max_batch": int(memory.max_batch.value) if math.isfinite(memory.max_batch.value) else None,
                **{item.name.split(".")[-1] + "_bytes": _num(item.value) for item in memory.components()},
            },
            "bottleneck": self.bottleneck,
            "bottleneck_reason": self.bottleneck_reason,
            "assumptions": list(self.assumptions),
            "warnings": list(self.warnings),
            "calibration_version": self.calibration_version,
        }
        if inference is not None:
            out["latency_ms"] = _num(inference.latency.value * 1e3)
            out["latency_ms_low"] = _num(inference.latency.low * 1e3)
            out["latency_ms_high"] = _num(inference.latency.high * 1e3)
            out["latency_batch1_ms"] = _num(inference.latency_batch1.value * 1e3)
            out["inference_samples_per_s"] = _num(inference.samples_per_s.value)
            if inference.takt is not None:
                out["takt"] = {
                    "required_rate": _num(inference.takt.required_rate.value),
                    "margin": _num(inference.takt.margin.value),
                    "devices_needed": _num(inference.takt.devices_needed.value),
                    "meets": inference.takt.meets,
                }
        if training is not None:
            out["train_samples_per_s"] = _num(training.samples_per_s.value)
            out["utilisation"] = _num(training.utilisation.value)
            for key, item in (("epoch_time_s", training.epoch_time), ("total_time_s", training.total_time),
                              ("energy_kwh", training.energy_kwh)):
                if item is not None:
                    out[key] = _num(item.value)
                    out[key + "_low"] = _num(item.low)
                    out[key + "_high"] = _num(item.high)
        if self.pipeline is not None:
            out["pipeline"] = {
                "workers_needed": _num(self.pipeline.workers_needed.value),
                "images_per_s_supplied": _num(self.pipeline.images_per_s_supplied.value),
                "images_per_s_demanded": _num(self.pipeline.images_per_s_demanded.value),
                "fits_page_cache": self.pipeline.fits_page_cache,
                "bottleneck": self.pipeline.bottleneck,
            }
        if self.scaling is not None:
            out["scaling"] = _arrays(self.scaling)
        out["memory_vs_batch"] = {
            "batches": self.memory_vs_batch.batches.tolist(),
            "total": _list(self.memory_vs_batch.total),
            "capacity": _num(self.memory_vs_batch.capacity),
            "components": {k: _list(v) for k, v in self.memory_vs_batch.components.items()},
        }
        out["throughput_vs_batch"] = _arrays(self.throughput_vs_batch)
        out["roofline"] = _arrays(self.roofline)
        out["cloud"] = [vars(option).copy() for option in self.cloud]
        out["headline"] = [item.to_dict() for item in self.headline]
        out["derivations"] = [item.to_dict() for item in self.derivations]
        return out


def _num(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _list(array: np.ndarray) -> list:
    return [_num(float(v)) for v in np.asarray(array, dtype=float)]


def _arrays(record: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(record):
        value = getattr(record, f.name)
        if isinstance(value, np.ndarray):
            out[f.name] = _list(value)
        elif isinstance(value, tuple):
            out[f.name] = list(value)
        else:
            out[f.name] = _num(value)
    return out
