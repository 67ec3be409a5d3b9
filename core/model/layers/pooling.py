"""Pooling: MaxPool2d, AvgPool2d (with ceil mode), adaptive average/max pooling, token pooling.

Convention: other ops = one per input element of each window (comparisons or additions),
plus a divide per output for averages. Max pooling saves its input and its argmax indices for
backward; PyTorch stores the indices as int64 (8 bytes per output element at any precision).
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
    need_non_negative,
    need_positive,
    need_rank,
    pair,
)
from .registry import counter


def pooled_size(size: int, kernel: int, stride: int, padding: int, dilation: int, ceil_mode: bool) -> int:
    """PyTorch's pooling output size, including its ceil-mode rule (last window must start inside)."""
    span = dilation * (kernel - 1) + 1
    room = size + 2 * padding - span
    out = (-(-room // stride) if ceil_mode else room // stride) + 1
    if ceil_mode and (out - 1) * stride >= size + padding:
        out -= 1
    return out


@dataclass(frozen=True, slots=True)
class _Pool2d(Layer):
    kernel_size: int | tuple[int, int] = 2
    stride: int | tuple[int, int] | None = None  # None: the kernel size, as in PyTorch
    padding: int | tuple[int, int] = 0
    ceil_mode: bool = False

    compute_class = "pool"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        need_rank(shape, 3, "(C, H, W)")
        kh, kw = pair(self.kernel_size)
        sh, sw = pair(self.stride if self.stride is not None else self.kernel_size)
        ph, pw = pair(self.padding)
        need_positive(kernel_size=(kh, kw), stride=(sh, sw))
        need_non_negative(padding=(ph, pw))
        if 2 * ph > kh or 2 * pw > kw:
            raise ShapeError(f"padding {ph}x{pw} exceeds half the kernel {kh}x{kw}", f"padding <= {kh // 2}")
        c, h, w = shape
        if kh > h + 2 * ph or kw > w + 2 * pw:
            raise ShapeError(f"kernel {kh}x{kw} is larger than the padded input {h + 2 * ph}x{w + 2 * pw}",
                             f"kernel <= {h + 2 * ph}x{w + 2 * pw}")
        return (c, pooled_size(h, kh, sh, ph, 1, self.ceil_mode), pooled_size(w, kw, sw, pw, 1, self.ceil_mode))


@dataclass(frozen=True, slots=True)
class MaxPool2d(_Pool2d):
    """Maximum over each window; stride defaults to the kernel size."""

    kind = "MaxPool2d"


@dataclass(frozen=True, slots=True)
class AvgPool2d(_Pool2d):
    """Average over each window; stride defaults to the kernel size."""

    count_include_pad: bool = True

    kind = "AvgPool2d"


@counter(MaxPool2d, AvgPool2d)
def count_pool2d(layer: _Pool2d, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    kh, kw = pair(layer.kernel_size)
    n_out = elements(out)
    ops = n_out * kh * kw + (n_out if isinstance(layer, AvgPool2d) else 0)
    is_max = isinstance(layer, MaxPool2d)
    # max_pool2d_with_indices saves its input and the int64 argmax of every output (derivatives.yaml)
    return Counts(other_ops=ops, backward_other_ops=n_out * kh * kw, saves_inputs=is_max,
                  extra_saved=n_out if is_max else 0, saved_index=n_out if is_max else 0,
                  detail=f"{kh}x{kw} s{pair(layer.stride if layer.stride is not None else layer.kernel_size)[0]}")


@dataclass(frozen=True, slots=True)
class AdaptiveAvgPool2d(Layer):
    """Average pooling to a fixed output size (1: global average pooling)."""

    output_size: int | tuple[int, int] = 1

    kind = "AdaptiveAvgPool2d"
    compute_class = "pool"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        need_rank(shape, 3, "(C, H, W)")
        oh, ow = pair(self.output_size)
        need_positive(output_size=(oh, ow))
        return (shape[0], oh, ow)


@dataclass(frozen=True, slots=True)
class AdaptiveMaxPool2d(AdaptiveAvgPool2d):
    """Max pooling to a fixed output size."""

    kind = "AdaptiveMaxPool2d"


@counter(AdaptiveAvgPool2d, AdaptiveMaxPool2d)
def count_adaptive_pool(layer: AdaptiveAvgPool2d, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    n_in = elements(shapes[0])
    is_max = isinstance(layer, AdaptiveMaxPool2d)
    indices = elements(out) if is_max else 0  # adaptive_max_pool2d saves its input and int64 indices
    return Counts(other_ops=n_in + (0 if is_max else elements(out)), backward_other_ops=n_in,
                  saves_inputs=is_max, extra_saved=indices, saved_index=indices, detail=f"to {fmt_shape(pair(layer.output_size))}")


@dataclass(frozen=True, slots=True)
class TokenPool(Layer):
    """Pools a token sequence (T, D) or grid (H, W, D) to (D,): "cls" takes token 0, "mean" averages."""

    mode: str = "mean"

    kind = "TokenPool"
    compute_class = "pool"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        if len(shape) not in (2, 3):
            raise ShapeError(f"expects a (T, D) or (H, W, D) input, got {fmt_shape(shape)}")
        if self.mode not in ("mean", "cls"):
            raise ShapeError(f"mode {self.mode!r} is not recognised", "mean or cls")
        return (shape[-1],)


@counter(TokenPool)
def count_token_pool(layer: TokenPool, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    ops = elements(shapes[0]) + out[0] if layer.mode == "mean" else 0
    return Counts(other_ops=ops, backward_other_ops=ops, detail=layer.mode,
                  compute_class="pool" if layer.mode == "mean" else "data_movement")


@dataclass(frozen=True, slots=True)
class RoIAlign(Layer):
    """Crops `num_rois` regions from one or more (C, H, W) feature maps (an FPN's levels) into
    output_size x output_size bins, flattened to (num_rois, C*bins) for the box head. Each region
    is read from one level, so the cost does not depend on how many levels are given.
    Convention: bilinear sampling = 4 multiply-adds (8 other ops) per sample, sampling_ratio^2
    samples per bin, plus the bin average."""

    num_rois: int = 512
    output_size: int = 7
    sampling_ratio: int = 2

    kind = "RoIAlign"
    compute_class = "data_movement"
    arity = -1

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        need_positive(num_rois=self.num_rois, output_size=self.output_size, sampling_ratio=self.sampling_ratio)
        channels = shapes[0][0] if shapes[0] else 0
        for index, shape in enumerate(shapes):
            need_rank(shape, 3, "(C, H, W)")
            if shape[0] != channels:
                raise ShapeError(f"level {index} has {shape[0]} channels, level 0 has {channels}",
                                 "equal channel counts on every level")
        return (self.num_rois, channels * self.output_size**2)


@counter(RoIAlign)
def count_roi_align(layer: RoIAlign, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    bins = elements(out)
    samples = bins * layer.sampling_ratio**2
    return Counts(other_ops=8 * samples + samples, backward_other_ops=8 * samples,
                  detail=f"{layer.num_rois} RoIs, {layer.output_size}x{layer.output_size}")
