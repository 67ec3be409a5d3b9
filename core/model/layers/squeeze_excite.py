"""Squeeze-and-Excitation (Hu et al.): pool, 1x1 reduce, activation, 1x1 expand, gate, rescale.

One node, as timm names it (`blocks.1.0.se`, with `conv_reduce` and `conv_expand` inside).
Convention: the two 1x1 convolutions on the pooled vector are MACs (2*C*R); pooling, the
activations and the channel-wise rescale of the whole map are other ops.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..report import GemmShape
from .activation import ACTIVATIONS
from .base import Counts, Layer, Shape, ShapeError, need_channels, need_positive, need_rank
from .registry import counter


@dataclass(frozen=True, slots=True)
class SqueezeExcite(Layer):
    """Squeeze-and-excitation: channel gates from the pooled map (two 1x1 convolutions)."""

    channels: int
    reduced: int
    act: str = "ReLU"
    gate: str = "Sigmoid"
    bias: bool = True

    kind = "SqueezeExcite"
    compute_class = "elementwise"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        need_rank(shape, 3, "(C, H, W)")
        need_positive(reduced=self.reduced)
        need_channels(shape, self.channels, "channels")
        for field, name in (("act", self.act), ("gate", self.gate)):
            if name not in ACTIVATIONS:
                raise ShapeError(f"{field} {name!r} is not an activation", ", ".join(ACTIVATIONS))
        return shape


@counter(SqueezeExcite)
def count_squeeze_excite(layer: SqueezeExcite, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    c, h, w = out
    r = layer.reduced
    weights = 2 * c * r
    bias = (r + c) if layer.bias else 0
    n = c * h * w
    act_ops = ACTIVATIONS[layer.act].ops_per_element * r + ACTIVATIONS[layer.gate].ops_per_element * c
    other = n + c + bias + act_ops + n  # pool (sum + divide), bias, activations, rescale
    return Counts(
        params=weights + bias, macs=weights, other_ops=other, data_grad_macs=weights, weight_grad_macs=weights,
        backward_other_ops=2 * n + act_ops, saves_inputs=True, extra_saved=2 * c + 2 * r,
        gemm=GemmShape(1, r, c, 1), gemm_parts=(("conv_reduce", GemmShape(1, r, c, 1)),
                                                ("conv_expand", GemmShape(1, c, r, 1))),
        detail=f"{c}->{r}->{c} {layer.act}/{layer.gate}",
    )
