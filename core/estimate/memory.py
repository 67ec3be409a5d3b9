"""Memory per device (domain.md section 4): what a training step or an inference call keeps
resident, split into the parts a user can act on, and the largest batch that fits.

Training: weights + gradients + optimizer state + the backward pass's peak activations x batch
(saved tensors at their storage width: int64 pooling indices, bool dropout masks, FP32 softmax
maps under autocast; plus the activation gradients live at that point) + workspace + runtime
context. Inference: weights + the largest set of simultaneously live activations x
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
# cuBLAS(Lt) workspace: 32 MiB on Hopper, 4 MiB on Ampere (PyTorch PR #120925). Inference keeps a
# share of the largest layer's activations for cuDNN; training does not: PyTorch skips cuDNN
# algorithms whose workspace does not fit in free memory (misc.md section 5, pytorch#49207), so the
# convolution workspace takes what is left and does not lower the largest batch.
BLAS_WORKSPACE_BYTES = 32 * MiB
CONV_WORKSPACE_SHARE = 0.5
# Half-precision depthwise convolutions on NCHW tensors go through cuDNN layout transforms that
# need about the layer's input and output again: timm's RTX 3090 AMP runs fit efficientnet_b0 at
# batch 512 channels-last but only 384 in NCHW (measurements.csv, timm_train pt112 rows).
DEPTHWISE_NCHW_WORKSPACE = 1.0
# Caching-allocator fragmentation on activations (split blocks that no later request fits). Not a
# published figure: the timm RTX 3090 AMP out-of-memory bounds (26 models, both layouts, with and
# without momentum) are all met for 5-7% and no value outside it; 6% is the middle of that window.
ALLOCATOR_OVERHEAD = 0.06
# The caching allocator rounds each large allocation up to a 2 MiB segment and cannot reuse a 1-2 MiB
# remainder for a larger request: on average 1 MiB lost per saved tensor (c10 CUDACachingAllocator kRoundLarge).
ROUNDING_BYTES_PER_TENSOR = 1 * MiB
ALLOCATOR_SOURCE = "PyTorch c10/cuda/CUDACachingAllocator.cpp: 512 B blocks, 2 MiB rounding of large segments"
# autocast runs these in FP32: their saved input is an FP32 copy under mixed precision
FP32_UNDER_AUTOCAST = ("LayerNorm", "LayerNorm2d", "GroupNorm", "Softmax")
OPTIMIZER_STATE_BYTES = {"sgd": 0.0, "sgd-momentum": 4.0, "adam": 8.0, "adamw": 8.0}
MIXED = ("fp16", "bf16", "fp8")
# Families whose training batches images of different sizes padded to the largest (DETR's and
# torchvision's detection transforms): memory follows the padded size, not the nominal input.
PADDED_BATCH_FAMILIES = ("detr", "rcnn")
INPUT_BYTES = 4.0  # the data loader's batch tensor is FP32 (autocast casts a copy for the first layer)
INDEX_BYTES, MASK_BYTES, FP32_BYTES = 8.0, 1.0, 4.0
SAVED_SOURCE = ("PyTorch derivatives.yaml and autocast op lists: max_pool2d_with_indices saves int64 indices, "
                "native_dropout a bool mask, softmax/layer_norm run in FP32 under autocast")


@dataclass(frozen=True)
class _LayerSums:
    largest_io: float  # largest layer's input + output elements (inference workspace)
    fp32_inputs: float  # saved elements of layers autocast runs in FP32, less their own FP32 statistics
    largest_weight: float  # trainable parameters of the largest layer (its weight gradient is transient)
    largest_depthwise_io: float  # largest depthwise convolution's input + output elements


_LAYER_SUMS: dict[int, tuple[ModelReport, _LayerSums]] = {}


def _layer_sums(report: ModelReport) -> _LayerSums:
    """Per-layer figures the memory model needs, computed once per report."""
    cached = _LAYER_SUMS.get(id(report))
    if cached is not None and cached[0] is report:
        return cached[1]
    layers = report.layers
    sums = _LayerSums(
        float(max((layer.input_elements + layer.output_elements for layer in layers), default=0)),
        float(sum(layer.saved_elements - layer.saved_fp32_elements for layer in layers
                  if layer.kind in FP32_UNDER_AUTOCAST)),
        float(max((layer.trainable_params for layer in layers), default=0)),
        float(max((layer.input_elements + layer.output_elements for layer in layers
                   if layer.compute_class == "depthwise_conv"), default=0)))
    if len(_LAYER_SUMS) > 256:
        _LAYER_SUMS.clear()
    _LAYER_SUMS[id(report)] = (report, sums)
    return sums


@dataclass(frozen=True)
class ActivationParts:
    """Bytes per sample of what training keeps for backward, by storage (before allocator overhead)."""

    working: float  # saved tensors at the working precision
    fp32: float  # kept in FP32 under autocast (softmax maps, norm inputs and statistics)
    indices: float  # int64 max-pooling indices
    masks: float  # bool dropout masks
    autocast_copies: float  # FP16 copies autocast saves for matrix products
    input_batch: float  # the FP32 batch tensor when no layer saves it itself
    gradients: float  # activation gradients live at the backward peak beyond the saved set

    @property
    def total(self) -> float:
        return (self.working + self.fp32 + self.indices + self.masks + self.autocast_copies + self.input_batch
                + self.gradients)


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
    parts: ActivationParts | None = None  # training: what activations_per_sample is made of
    weight_grad_transient: float = 0.0  # part of workspace_fixed: the largest layer's weight gradient in flight
    allocator_rounding: float = 0.0  # part of workspace_fixed: segment rounding of the saved tensors
    peak_layer: str = ""  # the layer whose backward step is the peak

    @property
    def fixed(self) -> float:
        return self.weights + self.gradients + self.optimizer_state + self.workspace_fixed + self.runtime_context

    @property
    def per_sample(self) -> float:
        return self.activations_per_sample + self.workspace_per_sample

    def total(self, batch):
        return self.fixed + self.per_sample * np.asarray(batch, dtype=float)


def activation_parts(report: ModelReport, precision: str, checkpointing: bool = False) -> ActivationParts:
    """Bytes per sample saved for backward, each kind of tensor at its own storage width.

    Under autocast (mixed precision) activations are 2 bytes, but softmax maps and normalisation
    inputs are kept in FP32 and the next product saves an FP16 copy; int64 pooling indices and bool
    dropout masks keep their width at every precision.
    """
    mixed = precision in MIXED
    act = 2.0 if mixed else 4.0
    wide = FP32_BYTES if mixed else act
    sums = _layer_sums(report)
    special = report.saved_index_elements + report.saved_mask_elements + report.saved_fp32_elements
    working = float(report.saved_elements - special)
    fp32 = float(report.saved_fp32_elements)
    if mixed:  # standalone LayerNorm/GroupNorm/Softmax: the saved input is autocast's FP32 copy
        working -= sums.fp32_inputs
        fp32 += sums.fp32_inputs
    input_elements = float(math.prod(report.input_shape)) if report.input_shape else 0.0
    unsaved_input = input_elements - (0.0 if mixed else min(report.saved_input_elements, input_elements))
    scale = 1.0
    if checkpointing:
        scale = 2.0 / max(1.0, math.sqrt(len(report.layers)))
    return ActivationParts(
        working=working * act * scale, fp32=fp32 * wide * scale, indices=report.saved_index_elements * INDEX_BYTES * scale,
        masks=report.saved_mask_elements * MASK_BYTES * scale,
        autocast_copies=report.autocast_copy_elements * act * scale if mixed else 0.0,
        input_batch=unsaved_input * INPUT_BYTES, gradients=report.backward_transient_elements * act)


def training_terms(report: ModelReport, precision: str, optimizer: str, checkpointing: bool,
                   accelerator: bool = True, channels_last: bool = False) -> MemoryTerms:
    """Peak memory of one training step: weights, gradients, optimizer state, then the backward
    pass's peak (saved tensors still alive + live activation gradients) per sample, plus the largest
    layer's weight gradient in flight, allocator rounding, cuBLAS workspace and the CUDA context.
    `channels_last` (NHWC) drops the NCHW layout transforms of half-precision depthwise convolutions."""
    mixed = precision in MIXED
    params, trainable = float(report.params), float(report.trainable_params)
    # mixed precision: FP32 master weights + autocast's cached FP16 copy of every weight (kept
    # through the forward pass and saved by the layers for backward)
    weights = 4.0 * params + 4.0 * report.buffers + (2.0 * params if mixed else 0.0)
    gradients = 4.0 * trainable
    state = OPTIMIZER_STATE_BYTES[optimizer] * trainable
    notes = []
    parts = activation_parts(report, precision, checkpointing)
    if mixed and (parts.fp32 or parts.autocast_copies):
        notes.append("softmax maps and normalisation tensors kept in FP32 under autocast, with FP16 copies "
                     "for the following matrix products")
    if parts.indices:
        notes.append("max-pooling indices stored as int64 (8 bytes per output element)")
    if parts.masks:
        notes.append("dropout masks stored as 1-byte booleans")
    if checkpointing:
        segments = max(1.0, math.sqrt(len(report.layers)))
        notes.append(f"gradient checkpointing keeps about 2/sqrt(layers) = 1/{segments / 2:.1f} of the activations")
    if report.family in PADDED_BATCH_FAMILIES:
        side = max(report.input_shape[1:], default=0)
        notes.append(f"estimated at {'x'.join(map(str, report.input_shape))}; training pads each batch to its "
                     f"largest image, so a landscape and a portrait image need {side}x{side} (give that input "
                     "for the worst case)")
    if parts.gradients:
        notes.append(f"backward peak at {report.backward_peak_layer or 'a layer'}: activation gradients live "
                     "there beyond the saved tensors")
    activations = parts.total * (1.0 + ALLOCATOR_OVERHEAD)
    # the largest layer's weight gradient before it is accumulated into .grad: FP16 then its FP32
    # cast under autocast, FP32 otherwise (gradients accumulated into existing .grad tensors)
    transient = _layer_sums(report).largest_weight * ((2.0 + 4.0) if mixed else 4.0)
    rounding = report.saved_tensors * ROUNDING_BYTES_PER_TENSOR if accelerator else 0.0
    blas = BLAS_WORKSPACE_BYTES if accelerator else 0.0
    context = RUNTIME_CONTEXT_BYTES if accelerator else 0.0
    depthwise = 0.0
    if mixed and accelerator and not channels_last:
        depthwise = DEPTHWISE_NCHW_WORKSPACE * _layer_sums(report).largest_depthwise_io * 2.0
    if depthwise:
        notes.append("NCHW layout: cuDNN workspace for half-precision depthwise convolutions")
    return MemoryTerms(weights, gradients, state, activations, blas + transient + rounding, depthwise, context,
                       tuple(notes), parts, transient, rounding, report.backward_peak_layer)


def inference_terms(report: ModelReport, precision: str, accelerator: bool = True) -> MemoryTerms:
    from ..units import BYTES_PER_ELEMENT

    bpe = BYTES_PER_ELEMENT[precision]
    weights = (report.params + report.buffers) * bpe
    largest = _layer_sums(report).largest_io
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


def allocated_bytes(terms: MemoryTerms, batch: float) -> float:
    """What torch.cuda.max_memory_allocated reports at `batch`: the total less the CUDA context (not
    an allocation) and the allocator's rounding and fragmentation (reserved, not allocated)."""
    fragmentation = terms.parts.total * ALLOCATOR_OVERHEAD * batch if terms.parts is not None else 0.0
    return float(terms.total(batch)) - terms.runtime_context - terms.allocator_rounding - fragmentation


def _activation_inputs(terms: MemoryTerms) -> tuple[Input, ...]:
    p = terms.parts
    if p is None:
        return (Input("per sample", terms.activations_per_sample, "B"),)
    return (Input("saved at working precision", p.working, "B/sample"), Input("kept in FP32", p.fp32, "B/sample"),
            Input("int64 pooling indices", p.indices, "B/sample"), Input("bool dropout masks", p.masks, "B/sample"),
            Input("autocast FP16 copies", p.autocast_copies, "B/sample"),
            Input("FP32 input batch", p.input_batch, "B/sample"),
            Input(f"gradients at the backward peak ({terms.peak_layer or 'end of forward'})", p.gradients, "B/sample"),
            Input("allocator overhead", ALLOCATOR_OVERHEAD))


def breakdown(terms: MemoryTerms, batch: int, capacity: float, capacity_source: str, prefix: str,
              precision: str, optimizer: str = "") -> MemoryBreakdown:
    """The Derived values of one device's memory at `batch`."""
    src = "domain.md section 4"
    training = terms.parts is not None
    b = Input("B", float(batch), "samples", "project")
    weights = Derived(f"{prefix}.weights", terms.weights, "B",
                      "params x bytes (FP32 master + autocast's cached FP16 copy in mixed precision) + buffers"
                      if training else "(params + buffers) x bytes", (Input("precision", precision),), src)
    gradients = Derived(f"{prefix}.gradients", terms.gradients, "B", "trainable params x 4 B (FP32 gradients)", (), src)
    state = Derived(f"{prefix}.optimizer_state", terms.optimizer_state, "B",
                    "trainable params x state bytes (SGD 0, momentum 4, Adam/AdamW 8)",
                    (Input("optimizer", optimizer or "none"),), src)
    if training:
        activations = Derived(
            f"{prefix}.activations", terms.activations_per_sample * batch, "B",
            "(saved tensors, each at its storage width + FP32 input batch + activation gradients at the backward "
            "peak) x B x (1 + allocator overhead)", (*_activation_inputs(terms), b), SAVED_SOURCE,
            assumptions=terms.notes + (f"allocator fragmentation {ALLOCATOR_OVERHEAD:.0%} on activations",))
        workspace = Derived(
            f"{prefix}.workspace", terms.workspace_fixed + terms.workspace_per_sample * batch, "B",
            "cuBLAS workspace + largest layer's weight gradient in flight (x6 B mixed, x4 B FP32) + 1 MiB "
            "rounding per saved tensor + depthwise-convolution workspace x B",
            (Input("cuBLAS", terms.workspace_fixed - terms.weight_grad_transient - terms.allocator_rounding, "B",
                   "PyTorch PR #120925"),
             Input("weight gradient in flight", terms.weight_grad_transient, "B"),
             Input("allocator rounding", terms.allocator_rounding, "B", ALLOCATOR_SOURCE),
             Input("depthwise workspace", terms.workspace_per_sample, "B/sample"), b),
            "PyTorch PR #120925 (cuBLAS); " + ALLOCATOR_SOURCE,
            assumptions=("cuDNN convolution workspace uses free memory (PyTorch skips algorithms that do not fit, "
                         "misc.md section 5) and does not lower the largest batch",
                         "gradients accumulated into existing .grad tensors (zero_grad without set_to_none)"))
    else:
        activations = Derived(f"{prefix}.activations", terms.activations_per_sample * batch, "B",
                              "largest set of simultaneously live activation elements x bytes x B",
                              (Input("per sample", terms.activations_per_sample, "B"), b), src, assumptions=terms.notes)
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
