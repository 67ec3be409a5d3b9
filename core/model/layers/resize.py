"""Resizing: Upsample (nearest or bilinear, by scale factor or to a size).

Convention: nearest costs no arithmetic (data movement); bilinear 7 other ops per output
element (4 weights applied, 3 additions). Neither has parameters.
"""

from __future__ import annotations

from dataclasses import dataclass

from .base import Counts, Layer, Shape, ShapeError, elements, need_positive, need_rank, pair
from .registry import counter

MODES = ("nearest", "bilinear")


@dataclass(frozen=True, slots=True)
class Upsample(Layer):
    """Upsampling by an integer factor, nearest or bilinear."""

    scale_factor: int | None = 2
    size: tuple[int, int] | None = None
    mode: str = "nearest"

    kind = "Upsample"
    compute_class = "data_movement"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        need_rank(shape, 3, "(C, H, W)")
        if self.mode not in MODES:
            raise ShapeError(f"mode {self.mode!r} is not recognised", "nearest or bilinear")
        c, h, w = shape
        if self.size is not None:
            oh, ow = pair(self.size)
            need_positive(size=(oh, ow))
            return (c, oh, ow)
        if self.scale_factor is None:
            raise ShapeError("needs a scale_factor or a size", "scale_factor >= 1 or size")
        need_positive(scale_factor=self.scale_factor)
        return (c, h * self.scale_factor, w * self.scale_factor)


@counter(Upsample)
def count_upsample(layer: Upsample, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    n = elements(out)
    ops = 7 * n if layer.mode == "bilinear" else 0
    return Counts(other_ops=ops, backward_other_ops=ops or n, detail=layer.mode,
                  compute_class="elementwise" if ops else "data_movement")
