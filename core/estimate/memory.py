"""Memory per device (domain.md section 4): what a training step or an inference call keeps
resident, split into the parts a user can act on, and the largest batch that fits.

Training: weights + gradients + optimizer state + saved activations x batch + workspace +
runtime context. Inference: weights + the largest set of simultaneously live activations x
batch + workspace + runtime context. Every part grows linearly in the batch, so the largest
batch that fits is solved in closed form, for one device or a whole catalog at once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..explain import Derived, Input
from ..model.report import ModelReport
from ..units import GiB, MiB
from .results import MemoryBreakdown

# misc.md section 5: ~300-500 MB of GPU memory per process with CUDA >= 11.7 lazy loading
RUNTIME_CONTEXT_BYTES = 0.45 * GiB
RUNTIME_CONTEXT_SOURCE = "CUDA context with lazy module loading, 300-500 MB per process (PyTorch issues #20532, #107667)"
# cuBLAS(Lt) workspace: 32 MiB on Hopper, 4 MiB on Ampere (PyTorch PR #120925); cuDNN picks
# algorithms by free memory, so a share of the largest layer's activations is kept for it
BLAS_WORKSPACE_BYTES = 32 * MiB
CONV_WORKSPACE_SHARE = 0.5
ALLOCATOR_OVERHEAD = 0.07  # caching-allocator fragmentation on activations
# autocast runs these in FP32 and keeps FP32 tensors for backward under mixed precision
FP32_UNDER_AUTOCAST = ("LayerNorm", "LayerNorm2d", "GroupNorm", "Softmax")
OPTIMIZER_STATE_BYTES = {"sgd": 0.0, "sgd-momentum": 4.0, "adam": 8.0, "adamw": 8.0}
MIXED = ("fp16", "bf16", "fp8")


_LAYER_SUMS: dict[int, tuple[ModelReport, float, float]] = {}


def _layer_sums(report: ModelReport) -> tuple[float, float]:
    """(largest layer's input + output elements, saved elements autocast keeps in FP32), per report."""
    cached = _LAYER_SUMS.get(id(report))
    if cached is not None and cached[0] is report:
        return cached[1], cached[2]
    largest = float(max((layer.input_elements + layer.output_elements for layer in report.layers), default=0))
    fp32 = float(sum(layer.saved_elements for layer in report.layers
                     if layer.kind in FP32_UNDER_AUTOCAST or layer.compute_class == "attention"))
    if len(_LAYER_SUMS) > 256:
        _LAYER_SUMS.clear()
    _LAYER_SUMS[id(report)] = (report, largest, fp32)
    return largest, fp32


@dataclass(frozen=True)
class MemoryTerms:
    """Bytes as fixed + per_sample x batch for each part (per device)."""

    weights: float
    gradients: float
    optimizer_state: float
    activations_per_sample: float
    workspace_fixed: float
    workspace_per_sample: float
    runtime_context: float
    notes: tuple[str, ...]

    @property
    def fixed(self) -> float:
        return self.weights + self.gradients + self.optimizer_state + self.workspace_fixed + self.runtime_context

    @property
    def per_sample(self) -> float:
        return self.activations_per_sample + self.workspace_per_sample

    def total(self, batch):
        return self.fixed + self.per_sample * np.asarray(batch, dtype=float)


def training_terms(report: ModelReport, precision: str, optimizer: str, checkpointing: bool,
                   accelerator: bool = True) -> MemoryTerms:
    mixed = precision in MIXED
    act_bytes = 2.0 if mixed else (1.0 if precision == "fp8" else 4.0)
    params, trainable = float(report.params), float(report.trainable_params)
    weights = 4.0 * params + 4.0 * report.buffers + (2.0 * params if mixed else 0.0)
    gradients = 4.0 * trainable
    state = OPTIMIZER_STATE_BYTES[optimizer] * trainable
    saved = float(report.saved_elements)
    notes = []
    largest, fp32 = _layer_sums(report)
    if mixed:
        saved += fp32 * (4.0 - act_bytes) / act_bytes  # counted in element-equivalents of act_bytes
        if fp32:
            notes.append("normalisation and attention tensors kept in FP32 under autocast")
    if checkpointing:
        segments = max(1.0, math.sqrt(len(report.layers)))
        saved = 2.0 * saved / segments
        notes.append(f"gradient checkpointing keeps about 2/sqrt(layers) = 1/{segments / 2:.1f} of the activations")
    activations = saved * act_bytes * (1.0 + ALLOCATOR_OVERHEAD)
    workspace_per_sample = CONV_WORKSPACE_SHARE * largest * act_bytes
    context = RUNTIME_CONTEXT_BYTES if accelerator else 0.0
    return MemoryTerms(weights, gradients, state, activations, BLAS_WORKSPACE_BYTES if accelerator else 0.0,
                       workspace_per_sample, context, tuple(notes))


def inference_terms(report: ModelReport, precision: str, accelerator: bool = True) -> MemoryTerms:
    from ..units import BYTES_PER_ELEMENT

    bpe = BYTES_PER_ELEMENT[precision]
    weights = (report.params + report.buffers) * bpe
    largest = _layer_sums(report)[0]
    activations = float(report.peak_live_elements) * bpe
    context = RUNTIME_CONTEXT_BYTES if accelerator else 0.0
    return MemoryTerms(weights, 0.0, 0.0, activations, BLAS_WORKSPACE_BYTES if accelerator else 0.0,
                       CONV_WORKSPACE_SHARE * largest * bpe, context, ())


def max_batch(terms: MemoryTerms, capacity):
    """Largest batch with fixed + per_sample x batch <= capacity (0 when nothing fits)."""
    capacity = np.asarray(capacity, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        value = np.floor((capacity - terms.fixed) / terms.per_sample)
    return np.where(np.isfinite(value), np.maximum(value, 0.0), np.nan)


def breakdown(terms: MemoryTerms, batch: int, capacity: float, capacity_source: str, prefix: str,
              precision: str, optimizer: str = "") -> MemoryBreakdown:
    """The Derived values of one device's memory at `batch`."""
    src = "domain.md section 4"
    b = Input("B", float(batch), "samples", "project")
    weights = Derived(f"{prefix}.weights", terms.weights, "B", "params x bytes (FP32 master + FP16 copy in mixed precision) + buffers",
                      (Input("precision", precision),), src)
    gradients = Derived(f"{prefix}.gradients", terms.gradients, "B", "trainable params x 4 B (FP32 gradients)", (), src)
    state = Derived(f"{prefix}.optimizer_state", terms.optimizer_state, "B",
                    "trainable params x state bytes (SGD 0, momentum 4, Adam/AdamW 8)",
                    (Input("optimizer", optimizer or "none"),), src)
    activations = Derived(f"{prefix}.activations", terms.activations_per_sample * batch, "B",
                          "saved (or live) activation elements x bytes x B x (1 + allocator overhead)",
                          (Input("per sample", terms.activations_per_sample, "B"), b), src,
                          assumptions=terms.notes + (f"allocator overhead {ALLOCATOR_OVERHEAD:.0%} on activations",))
    workspace = Derived(f"{prefix}.workspace", terms.workspace_fixed + terms.workspace_per_sample * batch, "B",
                        "cuBLAS workspace + 0.5 x largest layer's activations x B (cuDNN)",
                        (Input("cuBLAS", terms.workspace_fixed, "B"), b),
                        "PyTorch PR #120925 (cuBLAS workspace); cuDNN workspace depends on the algorithm",
                        assumptions=("cuDNN workspace taken as half the largest layer's activations",))
    context = Derived(f"{prefix}.runtime_context", terms.runtime_context, "B", "CUDA context per process", (),
                      RUNTIME_CONTEXT_SOURCE)
    total_value = float(terms.total(batch))
    total = Derived(f"{prefix}.total", total_value, "B",
                    "weights + gradients + optimizer state + activations + workspace + context",
                    tuple(Input(d.name.split(".")[-1], d.value, "B") for d in
                          (weights, gradients, state, activations, workspace, context)), src)
    cap = Derived(f"{prefix}.capacity", float(capacity), "B", "device memory", (), capacity_source)
    limit = float(max_batch(terms, capacity))
    largest = Derived(f"{prefix}.max_batch", limit, "samples", "floor((capacity - fixed) / bytes per sample)",
                      (Input("capacity", float(capacity), "B"), Input("fixed", terms.fixed, "B"),
                       Input("per sample", terms.per_sample, "B")), src)
    fits = bool(math.isfinite(capacity) and total_value <= capacity)
    return MemoryBreakdown(weights, gradients, state, activations, workspace, context, total, cap, fits, largest)
