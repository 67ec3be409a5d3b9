"""Normalisation: BatchNorm2d, LayerNorm (last dimension), LayerNorm2d (channels-first), GroupNorm.

Convention (other ops, never MACs): BatchNorm 2 ops per element (inference folds it into a
scale and a shift); LayerNorm and GroupNorm 5 ops per element (mean, variance, subtract,
divide, affine), all computed at run time. Backward: 2x the forward ops. BatchNorm keeps
running mean and variance plus the num_batches_tracked counter as buffers, not parameters.
Saved for backward: the input plus the per-group statistics (mean and inverse deviation, kept
in FP32 even under autocast).
"""

from __future__ import annotations

from dataclasses import dataclass

from .base import (
    Counts,
    Layer,
    Shape,
    ShapeError,
    elements,
    fmt_shape,
    need_channels,
    need_positive,
    need_rank,
)
from .registry import counter


@dataclass(frozen=True, slots=True)
class BatchNorm2d(Layer):
    """Batch normalisation per channel, with running statistics as buffers."""

    num_features: int
    affine: bool = True
    track_running_stats: bool = True

    kind = "BatchNorm2d"
    compute_class = "norm"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        if len(shape) not in (1, 3):
            raise ShapeError(f"expects a (C, H, W) or (C,) input, got {fmt_shape(shape)}")
        need_channels(shape, self.num_features, "num_features")
        return shape


@counter(BatchNorm2d)
def count_batchnorm(layer: BatchNorm2d, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    c = layer.num_features
    n = elements(out)
    return Counts(params=2 * c if layer.affine else 0, buffers=2 * c + 1 if layer.track_running_stats else 0,
                  other_ops=2 * n, backward_other_ops=4 * n, saves_inputs=True, extra_saved=2 * c, saved_fp32=2 * c)


@dataclass(frozen=True, slots=True)
class LayerNorm(Layer):
    """Layer normalisation over the last dimension (tokens, channels-last grids)."""

    normalized_shape: int
    affine: bool = True
    bias: bool = True

    kind = "LayerNorm"
    compute_class = "norm"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        if not shape or shape[-1] != self.normalized_shape:
            raise ShapeError(f"input {fmt_shape(shape)} does not end in {self.normalized_shape}",
                             f"normalized_shape = {shape[-1] if shape else 'a vector input'}")
        return shape


@dataclass(frozen=True, slots=True)
class LayerNorm2d(Layer):
    """LayerNorm over the channels of a (C, H, W) map (timm's LayerNorm2d, ConvNeXt)."""

    num_channels: int
    affine: bool = True

    kind = "LayerNorm2d"
    compute_class = "norm"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        need_rank(shape, 3, "(C, H, W)")
        need_channels(shape, self.num_channels, "num_channels")
        return shape


@counter(LayerNorm, LayerNorm2d)
def count_layernorm(layer: LayerNorm | LayerNorm2d, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    width = out[0] if isinstance(layer, LayerNorm2d) else out[-1]
    n = elements(out)
    params = 0
    if layer.affine:
        params = 2 * width if getattr(layer, "bias", True) else width
    return Counts(params=params, other_ops=5 * n, backward_other_ops=10 * n, saves_inputs=True,
                  extra_saved=2 * (n // width), saved_fp32=2 * (n // width))


@dataclass(frozen=True, slots=True)
class GroupNorm(Layer):
    """Group normalisation: statistics over groups of channels, independent of the batch."""

    num_groups: int
    num_channels: int
    affine: bool = True

    kind = "GroupNorm"
    compute_class = "norm"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        need_positive(num_groups=self.num_groups)
        if len(shape) < 1 or shape[0] != self.num_channels:
            raise ShapeError(f"input {fmt_shape(shape)} does not have {self.num_channels} channels",
                             f"num_channels = {shape[0] if shape else '?'}")
        if self.num_channels % self.num_groups:
            raise ShapeError(f"num_groups={self.num_groups} does not divide {self.num_channels} channels",
                             "a divisor of num_channels")
        return shape


@counter(GroupNorm)
def count_groupnorm(layer: GroupNorm, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    n = elements(out)
    return Counts(params=2 * layer.num_channels if layer.affine else 0, other_ops=5 * n,
                  backward_other_ops=10 * n, saves_inputs=True, extra_saved=2 * layer.num_groups,
                  saved_fp32=2 * layer.num_groups,
                  detail=f"{layer.num_groups} groups")
