"""Numeric columns the time and memory models work on: per layer (from a ModelReport) and per
device (from DeviceSpecs), as numpy arrays that broadcast ([layers x 1] against [1 x devices]).

Keeping both sides as plain arrays is what makes one estimate the 1-device case of the
catalog sweep, and lets the calibration evaluate thousands of measurements in one call.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..hardware.spec import DeviceSpec
from ..model.report import ModelReport

# layer classes of the efficiency model
CLASS_GEMM = 0  # dense conv, linear, attention matmuls: tensor cores where the precision allows
CLASS_GROUPED = 1  # grouped convolution (ResNeXt): many small GEMMs
CLASS_DEPTHWISE = 2  # one filter per channel: vector units, little reuse
CLASS_MEMORY = 3  # norm, activation, pooling, element-wise, data movement, embedding lookups

_CLASS_OF = {
    "gemm": CLASS_GEMM, "conv": CLASS_GEMM, "attention": CLASS_GEMM, "grouped_conv": CLASS_GROUPED,
    "depthwise_conv": CLASS_DEPTHWISE,
}

DEVICE_GPU = 0
DEVICE_CPU = 1

# which datasheet rate a precision's matrix products run at, in order of preference
_TENSOR_KEYS = {
    "fp32": ("fp32",),
    "tf32": ("tf32", "fp32"),
    "fp16": ("fp16", "bf16", "fp32"),
    "bf16": ("bf16", "fp32"),
    "fp8": ("fp8", "fp16", "bf16", "fp32"),
    "int8": ("int8", "fp16", "fp32"),
}


@dataclass(frozen=True, eq=False)
class LayerFeatures:
    """Per-layer counts per sample, as float arrays aligned with `names`."""

    names: tuple[str, ...]
    kinds: tuple[str, ...]
    compute_classes: tuple[str, ...]
    cls: np.ndarray  # CLASS_* codes
    macs: np.ndarray
    other_ops: np.ndarray
    backward_macs: np.ndarray
    backward_other_ops: np.ndarray
    activation_elements: np.ndarray  # inputs + outputs read/written per sample
    weight_elements: np.ndarray  # parameters + buffers
    trainable: np.ndarray  # trainable parameters
    saved_elements: np.ndarray
    gemm_m: np.ndarray  # per sample (multiplied by the batch in the model)
    gemm_n: np.ndarray
    gemm_k: np.ndarray
    gemm_groups: np.ndarray
    winograd: np.ndarray  # 1 for dense 3x3 stride-1 convolutions (Winograd-eligible), else 0

    @property
    def count(self) -> int:
        return len(self.names)

    def as_column(self) -> LayerFeatures:
        """The same columns shaped [layers, 1], to broadcast against [devices] or [batches]."""
        arrays = {name: getattr(self, name)[:, None] for name in ARRAY_FIELDS}
        return LayerFeatures(self.names, self.kinds, self.compute_classes, **arrays)


ARRAY_FIELDS = ("cls", "macs", "other_ops", "backward_macs", "backward_other_ops", "activation_elements",
                 "weight_elements", "trainable", "saved_elements", "gemm_m", "gemm_n", "gemm_k", "gemm_groups", "winograd")


# matrix products between two activations (no weights) in the engine's part names
ACTIVATION_PRODUCTS = ("scores", "context")


def winograd_eligible(layer) -> bool:
    """Dense 3x3 stride-1 convolutions, which cuDNN can run as Winograd transforms on CUDA cores
    (2.25x fewer multiplications for F(2x2, 3x3), 4x for F(4x4, 3x3))."""
    detail = layer.detail.split()
    return (layer.kind == "Conv2d" and layer.compute_class == "conv" and detail[:2] == ["3x3", "s1"]
            and not any(part.startswith(("g", "d")) for part in detail[2:]))


def _rows_of(layer) -> list[tuple]:
    """One row per matrix product of a layer (attention splits into its GEMMs and a softmax row).

    Columns: name, kind, class, cls code, macs, other, bwd macs, bwd other, activation elements,
    weight elements, trainable, saved, m, n, k, groups, Winograd-eligible."""
    gemm = layer.gemm
    cls = _CLASS_OF.get(layer.compute_class, CLASS_MEMORY) if layer.macs > 0 else CLASS_MEMORY
    if not layer.gemm_parts:
        return [(layer.name, layer.kind, layer.compute_class, cls, layer.macs, layer.other_ops, layer.backward_macs,
                 layer.backward_other_ops, layer.input_elements + layer.output_elements,
                 layer.params + layer.buffers, layer.trainable_params, layer.saved_elements,
                 gemm.m if gemm else 0, gemm.n if gemm else 0, gemm.k if gemm else 0, gemm.batch if gemm else 1,
                 float(winograd_eligible(layer)))]
    parts = layer.gemm_parts
    part_macs = [g.m * g.n * g.k * g.batch for _, g in parts]
    total = float(sum(part_macs)) or 1.0
    weighted = [name not in ACTIVATION_PRODUCTS for name, _ in parts]
    weight_total = float(sum(g.k * g.n * g.batch for (name, g), w in zip(parts, weighted, strict=True) if w)) or 1.0
    rows, first_weighted = [], True
    for (name, g), macs, has_weights in zip(parts, part_macs, weighted, strict=True):
        share = macs / total
        weights = (layer.params + layer.buffers) * (g.k * g.n * g.batch / weight_total) if has_weights else 0.0
        trainable = layer.trainable_params if (has_weights and first_weighted) else 0
        first_weighted = first_weighted and not has_weights
        rows.append((f"{layer.name}.{name}", layer.kind, layer.compute_class, CLASS_GEMM, layer.macs * share, 0.0,
                     layer.backward_macs * share, 0.0, g.m * g.k * g.batch + g.m * g.n * g.batch, weights, trainable,
                     layer.saved_elements if not rows else 0, g.m, g.n, g.k, g.batch, 0.0))
        if name == "scores":  # softmax (and scaling/masking) reads and writes the score matrix
            elements = g.m * g.n * g.batch
            rows.append((f"{layer.name}.softmax", "Softmax", "elementwise", CLASS_MEMORY, 0.0, 0.0,
                         0.0, 0.0, 2 * elements, 0.0, 0, 0, 0, 0, 0, 1, 0.0))
    # the layer's own element-wise work (pooling and scaling in squeeze-excite, residual in/out)
    rows.append((f"{layer.name}.elementwise", layer.kind, "elementwise", CLASS_MEMORY, 0.0, layer.other_ops, 0.0,
                 layer.backward_other_ops, layer.input_elements + layer.output_elements, 0.0, 0, 0, 0, 0, 0, 1, 0.0))
    return rows


def layer_features(report: ModelReport) -> LayerFeatures:
    rows = [row for layer in report.layers for row in _rows_of(layer)]
    cols = np.array([row[4:] for row in rows], dtype=float).T if rows else np.zeros((13, 0))
    return LayerFeatures(
        names=tuple(r[0] for r in rows), kinds=tuple(r[1] for r in rows), compute_classes=tuple(r[2] for r in rows),
        cls=np.array([r[3] for r in rows], dtype=np.int64),
        macs=cols[0], other_ops=cols[1], backward_macs=cols[2], backward_other_ops=cols[3],
        activation_elements=cols[4], weight_elements=cols[5], trainable=cols[6], saved_elements=cols[7],
        gemm_m=cols[8], gemm_n=cols[9], gemm_k=cols[10], gemm_groups=cols[11], winograd=cols[12],
    )


@dataclass(frozen=True, eq=False)
class DeviceFeatures:
    """Per-device rates for one precision, arrays aligned with `ids`."""

    ids: tuple[str, ...]
    precision: str
    matrix_flops: np.ndarray  # rate matrix products run at for this precision
    vector_flops: np.ndarray  # FP32 non-tensor rate (depthwise, element-wise maths)
    tensor: np.ndarray  # bool: matrix_flops is a tensor-core / matrix-engine rate
    bandwidth: np.ndarray  # bytes/s
    memory: np.ndarray  # bytes
    device_class: np.ndarray  # DEVICE_GPU / DEVICE_CPU
    rate_key: tuple[str, ...]  # which datasheet column was used, per device
    fallback: tuple[bool, ...]  # the precision is not native and a slower rate was used

    @property
    def count(self) -> int:
        return len(self.ids)


def vector_peak(spec: DeviceSpec) -> float:
    value = spec.peak("fp32")
    if not math.isfinite(value):
        value = spec.derived_fp32_peak
    return float(value)


def matrix_rate(spec: DeviceSpec, precision: str) -> tuple[float, str, bool]:
    """(FLOP/s, datasheet key, fell back?) for matrix products at `precision` on `spec`."""
    keys = _TENSOR_KEYS.get(precision, ("fp32",))
    for index, key in enumerate(keys):
        value = vector_peak(spec) if key == "fp32" else spec.peak(key)
        if math.isfinite(value) and value > 0:
            return float(value), key, index > 0
    return math.nan, keys[-1], True


def uses_tensor_rate(spec: DeviceSpec, key: str) -> bool:
    """GPUs run fp32 on CUDA cores; every other datasheet rate is a tensor/matrix-engine rate.

    CPUs use their FMA (or AMX) rate, which the model treats as the CPU class instead."""
    return spec.kind != "cpu" and key != "fp32"


def device_features(specs: list[DeviceSpec] | tuple[DeviceSpec, ...], precision: str) -> DeviceFeatures:
    n = len(specs)
    matrix = np.empty(n)
    vector = np.empty(n)
    tensor = np.zeros(n, dtype=bool)
    bandwidth = np.empty(n)
    memory = np.empty(n)
    device_class = np.empty(n, dtype=np.int64)
    keys, fallbacks = [], []
    for i, spec in enumerate(specs):
        rate, key, fell_back = matrix_rate(spec, precision)
        matrix[i] = rate
        vector[i] = vector_peak(spec)
        if not math.isfinite(vector[i]):
            vector[i] = rate
        tensor[i] = uses_tensor_rate(spec, key)
        bandwidth[i] = spec.memory_bandwidth_bps
        memory[i] = spec.memory_bytes
        device_class[i] = DEVICE_CPU if spec.kind == "cpu" else DEVICE_GPU
        keys.append(key)
        fallbacks.append(fell_back)
    return DeviceFeatures(tuple(s.id for s in specs), precision, matrix, vector, tensor, bandwidth, memory,
                          device_class, tuple(keys), tuple(fallbacks))


def tf32_rate(devices: DeviceFeatures) -> np.ndarray:
    """True where matrix products run at a TF32 tensor-core rate (on the shared tensor-core curve)."""
    return np.array([key == "tf32" for key in devices.rate_key])
