"""What every layer kind shares: the shape type, the per-layer count record and the shape error.

A layer kind is a small frozen dataclass holding its hyper-parameters. It knows its output
shape (`infer`, which also validates); how much it costs is computed by a counting function
registered for its type in `registry`, next to the kind's definition, so the counting
convention is written where the numbers are made.

Shapes exclude the batch dimension: (C, H, W) for images, (T, D) for token sequences,
(H, W, C) for channels-last token grids (Swin), (D,) for flat vectors.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, NamedTuple

from ..report import GemmShape

Shape = tuple[int, ...]


class ShapeError(Exception):
    """A layer cannot accept its inputs; the graph builder adds which layer it is."""

    def __init__(self, reason: str, allowed: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.allowed = allowed


class Counts(NamedTuple):
    """What one layer costs per sample, as returned by its counting function."""

    params: int = 0
    buffers: int = 0
    macs: int = 0
    other_ops: int = 0
    data_grad_macs: int = 0  # MACs of the gradient w.r.t. the layer's inputs
    weight_grad_macs: int = 0  # MACs of the gradient w.r.t. its weights
    backward_other_ops: int = 0
    saves_inputs: bool = False  # the inputs are kept for backward
    saves_output: bool = False  # the output is kept for backward
    extra_saved: int = 0  # further saved elements (masks, softmax maps, statistics)
    workspace: int = 0  # transient elements live only while the layer runs (attention maps)
    gemm: GemmShape | None = None
    gemm_parts: tuple[tuple[str, GemmShape], ...] = ()
    detail: str = ""
    compute_class: str = ""  # overrides the kind's class (a grouped or depthwise conv)
    # Parts of `extra_saved` whose storage is not the working precision (memory model, domain.md s4):
    saved_index: int = 0  # int64 indices (max-pooling argmax): 8 bytes each at any precision
    saved_mask: int = 0  # dropout masks (torch.bool): 1 byte each
    saved_fp32: int = 0  # kept in FP32 under autocast (softmax maps, normalisation inputs and statistics)
    # Half-precision copies that autocast makes of FP32-kept tensors for the next matrix product and
    # that the product saves (a softmax map before attention x values); not part of `extra_saved`,
    # since without autocast the product saves the same tensor.
    autocast_copy: int = 0
    # Gradient elements internal to the layer alive at once during its backward step (attention:
    # the gradients of the probabilities and of the scores, and of Q, K, V); 0 for single-op layers.
    backward_workspace: int = 0


@dataclass(frozen=True, slots=True)
class Layer:
    """Base of all layer kinds. `arity` is the number of inputs (0: two or more; -1: one or more)."""

    kind: ClassVar[str] = "Layer"
    compute_class: ClassVar[str] = "elementwise"
    arity: ClassVar[int] = 1

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        """Output shape for these input shapes; raises ShapeError if they are impossible."""
        raise NotImplementedError


def pair(value: int | tuple[int, int]) -> tuple[int, int]:
    return value if type(value) is tuple else (value, value)  # type: ignore[return-value]


def fmt_shape(shape: Shape) -> str:
    return "x".join(str(v) for v in shape) if shape else "scalar"


def need_rank(shape: Shape, rank: int, what: str) -> None:
    if len(shape) != rank:
        raise ShapeError(f"expects a {what} input, got {fmt_shape(shape)}")


def need_channels(shape: Shape, expected: int, field: str) -> None:
    """The input's channel count (its first dimension) must be the layer's `field`."""
    if shape[0] != expected:
        raise ShapeError(f"input has {shape[0]} channels but the layer expects {expected}", f"{field} = {shape[0]}")


def need_groups_divide(in_channels: int, out_channels: int, groups: int) -> None:
    """Grouped convolutions split both channel counts into `groups` equal parts."""
    if in_channels % groups or out_channels % groups:
        raise ShapeError(f"groups={groups} does not divide in_channels={in_channels} and out_channels={out_channels}",
                         "a common divisor of both channel counts")


def need_positive(**values: int | tuple[int, ...]) -> None:
    """Hyper-parameters that must be whole numbers >= 1."""
    for name, value in values.items():
        for v in value if type(value) is tuple else (value,):
            if type(v) is not int or v < 1:
                raise ShapeError(f"{name} must be a whole number >= 1, got {v!r}", "1 or more")


def need_non_negative(**values: int | tuple[int, ...]) -> None:
    for name, value in values.items():
        for v in value if type(value) is tuple else (value,):
            if type(v) is not int or v < 0:
                raise ShapeError(f"{name} must be a whole number >= 0, got {v!r}", "0 or more")


def need_probability(p: float, field: str = "p") -> None:
    """A dropout probability: 0 (no dropout) up to, not including, 1."""
    if not isinstance(p, int | float) or isinstance(p, bool) or not 0.0 <= p < 1.0:
        raise ShapeError(f"{field}={p!r} is out of range", "0 to below 1")


def elements(shape: Shape) -> int:
    total = 1
    for v in shape:
        total *= v
    return total
