"""Layers that move or combine tensors: Flatten, Dropout, Identity, residual Add, Multiply,
Concat, channel Split and Shuffle, token/image reshapes, and Opaque (a kind Rigsizer cannot count).

Convention: Add and Multiply cost one op per output element per extra input; reshapes,
splits and concatenations cost no arithmetic (they are data movement, counted as traffic).
"""

from __future__ import annotations

from dataclasses import dataclass

from .base import Counts, Layer, Shape, ShapeError, elements, fmt_shape, need_positive, need_rank
from .registry import counter, kind


@dataclass(frozen=True, slots=True)
class Identity(Layer):
    """Passes its input through unchanged."""

    kind = "Identity"
    compute_class = "data_movement"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        return shapes[0]


@dataclass(frozen=True, slots=True)
class Dropout(Layer):
    """Zeroes elements with probability p in training; the identity in inference."""

    p: float = 0.5

    kind = "Dropout"
    compute_class = "elementwise"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        if not (0.0 <= self.p < 1.0):
            raise ShapeError(f"p={self.p!r} is out of range", "0 to below 1")
        return shapes[0]


@counter(Identity)
def count_identity(layer: Identity, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    return Counts()


@counter(Dropout)
def count_dropout(layer: Dropout, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    # Training multiplies by a mask (saved for backward); inference is the identity.
    n = elements(out)
    # The mask is a torch.bool tensor (native_dropout), 1 byte per element; p = 0 returns the input.
    mask = n if layer.p else 0
    return Counts(other_ops=0, backward_other_ops=mask, extra_saved=mask, saved_mask=mask,
                  detail=f"p={layer.p:g}")


@dataclass(frozen=True, slots=True)
class Flatten(Layer):
    """Flattens the input to a vector."""

    kind = "Flatten"
    compute_class = "data_movement"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        return (elements(shapes[0]),)


@counter(Flatten)
def count_flatten(layer: Flatten, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    return Counts()


@dataclass(frozen=True, slots=True)
class Add(Layer):
    """Element-wise sum of two or more tensors of the same shape (residual connections)."""

    kind = "Add"
    compute_class = "elementwise"
    arity = 0

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        first = shapes[0]
        for index, shape in enumerate(shapes[1:], 1):
            if shape != first:
                raise ShapeError(f"input {index} has shape {fmt_shape(shape)}, input 0 has {fmt_shape(first)}",
                                 "inputs of identical shape")
        return first


@counter(Add)
def count_add(layer: Add, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    n = elements(out)
    return Counts(other_ops=n * (len(shapes) - 1))


@dataclass(frozen=True, slots=True)
class Multiply(Layer):
    """Element-wise product with broadcasting of the second input (gates: (C, 1, 1) x (C, H, W))."""

    kind = "Multiply"
    compute_class = "elementwise"
    arity = 2

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        a, b = shapes
        if len(a) != len(b):
            raise ShapeError(f"cannot broadcast {fmt_shape(b)} to {fmt_shape(a)}", "same rank")
        out = []
        for x, y in zip(a, b, strict=True):
            if x != y and x != 1 and y != 1:
                raise ShapeError(f"cannot broadcast {fmt_shape(b)} with {fmt_shape(a)}", "equal sizes or 1")
            out.append(max(x, y))
        return tuple(out)


@counter(Multiply)
def count_multiply(layer: Multiply, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    n = elements(out)
    return Counts(other_ops=n, backward_other_ops=2 * n, saves_inputs=True)


@dataclass(frozen=True, slots=True)
class Concat(Layer):
    """Concatenation along dimension `dim` (0: channels of (C, H, W), or the last dim if -1)."""

    dim: int = 0

    kind = "Concat"
    compute_class = "data_movement"
    arity = 0

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        first = shapes[0]
        rank = len(first)
        dim = self.dim if self.dim >= 0 else rank + self.dim
        if not 0 <= dim < rank:
            raise ShapeError(f"dim {self.dim} is outside a rank-{rank} input", f"-{rank} to {rank - 1}")
        if dim == 0:  # the common case (channels): one comparison per input
            rest = first[1:]
            if all(shape[1:] == rest for shape in shapes):
                return (sum(shape[0] for shape in shapes),) + rest
        total = 0
        for index, shape in enumerate(shapes):
            if len(shape) != rank or shape[:dim] != first[:dim] or shape[dim + 1:] != first[dim + 1:]:
                raise ShapeError(f"input {index} has shape {fmt_shape(shape)}, incompatible with "
                                 f"{fmt_shape(first)} outside dim {self.dim}", "equal sizes except along dim")
            total += shape[dim]
        return first[:dim] + (total,) + first[dim + 1:]


@counter(Concat)
def count_concat(layer: Concat, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    return Counts(detail=f"{len(shapes)} inputs")


@dataclass(frozen=True, slots=True)
class Split(Layer):
    """Channels [start, stop) of a (C, ...) tensor (one piece of torch.chunk / split)."""

    start: int = 0
    stop: int = 1

    kind = "Split"
    compute_class = "data_movement"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        if not shape or not (0 <= self.start < self.stop <= shape[0]):
            raise ShapeError(f"channels {self.start}:{self.stop} are outside the input's {shape[0] if shape else 0}",
                             f"0 <= start < stop <= {shape[0] if shape else 0}")
        return (self.stop - self.start,) + shape[1:]


@counter(Split)
def count_split(layer: Split, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    return Counts(detail=f"channels {layer.start}:{layer.stop}")


@dataclass(frozen=True, slots=True)
class ChannelShuffle(Layer):
    """Interleaves channel groups (ShuffleNet)."""

    groups: int = 2

    kind = "ChannelShuffle"
    compute_class = "data_movement"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        need_positive(groups=self.groups)
        if not shape or shape[0] % self.groups:
            raise ShapeError(f"groups={self.groups} does not divide {shape[0] if shape else 0} channels",
                             "a divisor of the channel count")
        return shape


@counter(ChannelShuffle)
def count_shuffle(layer: ChannelShuffle, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    return Counts(detail=f"{layer.groups} groups")


@dataclass(frozen=True, slots=True)
class ToTokens(Layer):
    """(C, H, W) -> (H*W, C) tokens, or (H, W, C) channels-last when `grid` is set (Swin)."""

    grid: bool = False

    kind = "ToTokens"
    compute_class = "data_movement"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        need_rank(shape, 3, "(C, H, W)")
        c, h, w = shape
        return (h, w, c) if self.grid else (h * w, c)


@dataclass(frozen=True, slots=True)
class ToImage(Layer):
    """(H*W, C) tokens or an (H, W, C) grid back to a (C, H, W) map of the given height."""

    height: int = 1

    kind = "ToImage"
    compute_class = "data_movement"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        if len(shape) == 3:
            return (shape[2], shape[0], shape[1])
        need_rank(shape, 2, "(T, C)")
        need_positive(height=self.height)
        t, c = shape
        if t % self.height:
            raise ShapeError(f"{t} tokens do not form rows of height {self.height}", "a divisor of the token count")
        return (c, self.height, t // self.height)


@counter(ToTokens, ToImage)
def count_reshape(layer: Layer, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    return Counts()


@kind
@dataclass(frozen=True, slots=True)
class Opaque(Layer):
    """A layer Rigsizer has no counting rule for: it keeps the shape (or `output_shape` if given) and
    the declared parameters, and the report lists it as not counted."""

    label: str = "unknown"
    output_shape: tuple[int, ...] = ()
    params: int = 0

    kind = "Opaque"
    compute_class = "elementwise"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        return self.output_shape or shapes[0]


@dataclass(frozen=True, slots=True)
class LayerScale(Layer):
    """Multiplies each channel by a learned scale (ConvNeXt's gamma, CaiT/timm LayerScale):
    `dim` parameters, one op per element. `channels_first` for (C, H, W) maps."""

    dim: int
    channels_first: bool = False

    kind = "LayerScale"
    compute_class = "elementwise"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        width = shape[0] if self.channels_first and shape else (shape[-1] if shape else 0)
        if width != self.dim:
            raise ShapeError(f"input {fmt_shape(shape)} does not have {self.dim} channels", f"dim = {width}")
        return shape


@counter(LayerScale)
def count_layer_scale(layer: LayerScale, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    n = elements(out)
    return Counts(params=layer.dim, other_ops=n, backward_other_ops=2 * n, saves_inputs=True)


@dataclass(frozen=True, slots=True)
class SpaceToDepth(Layer):
    """(H, W, C) grid -> (ceil(H/2), ceil(W/2), 4C), zero-padding odd sides (Swin's patch merging)."""

    kind = "SpaceToDepth"
    compute_class = "data_movement"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        need_rank(shape, 3, "(H, W, C) grid")
        h, w, c = shape
        return (-(-h // 2), -(-w // 2), 4 * c)


@counter(SpaceToDepth)
def count_space_to_depth(layer: SpaceToDepth, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    return Counts(detail="2x2 merge")
