"""Fully connected layers and plain matrix products.

Convention: Linear MACs = in*out per token (every leading dimension is a token); the bias add
is an other op per output element. MatMul of two activations costs M*K*N MACs and its
backward needs the gradient of both operands (2x the forward MACs), no weight gradient.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..report import GemmShape
from .base import Counts, Layer, Shape, ShapeError, elements, fmt_shape, need_positive
from .registry import counter


@dataclass(frozen=True, slots=True)
class Linear(Layer):
    """Fully connected layer on the last dimension; every leading dimension is a token."""

    in_features: int
    out_features: int
    bias: bool = True

    kind = "Linear"
    compute_class = "gemm"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        need_positive(out_features=self.out_features)
        if not shape or shape[-1] != self.in_features:
            raise ShapeError(f"input {fmt_shape(shape)} does not end in in_features={self.in_features}",
                             f"in_features = {shape[-1] if shape else 'a vector input'}")
        return shape[:-1] + (self.out_features,)


@counter(Linear)
def count_linear(layer: Linear, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    tokens = elements(out[:-1])
    weights = layer.in_features * layer.out_features
    macs = tokens * weights
    bias_ops = tokens * layer.out_features if layer.bias else 0
    return Counts(
        params=weights + (layer.out_features if layer.bias else 0), macs=macs, other_ops=bias_ops,
        data_grad_macs=macs, weight_grad_macs=macs, backward_other_ops=bias_ops, saves_inputs=True,
        gemm=GemmShape(tokens, layer.out_features, layer.in_features, 1),
        detail=f"{layer.in_features}->{layer.out_features}",
    )


@dataclass(frozen=True, slots=True)
class MatMul(Layer):
    """(..., M, K) @ (..., K, N) -> (..., M, N) between two activations (no weights)."""

    kind = "MatMul"
    compute_class = "gemm"
    arity = 2

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        a, b = shapes
        if len(a) < 2 or len(b) < 2 or a[:-2] != b[:-2] or a[-1] != b[-2]:
            raise ShapeError(f"cannot multiply {fmt_shape(a)} by {fmt_shape(b)}", "(..., M, K) @ (..., K, N)")
        return a[:-1] + (b[-1],)


@counter(MatMul)
def count_matmul(layer: MatMul, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    a, _ = shapes
    batch = elements(a[:-2])
    m, k, n = a[-2], a[-1], out[-1]
    macs = batch * m * k * n
    return Counts(macs=macs, data_grad_macs=2 * macs, saves_inputs=True, gemm=GemmShape(m, n, k, batch),
                  detail=f"{m}x{k} @ {k}x{n}")
