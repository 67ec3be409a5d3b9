"""PyTorch's nn.TransformerEncoderLayer and nn.TransformerDecoderLayer as single nodes.

Parameters (d model width, f feed-forward width): encoder 4d^2 + 2df + f + 9d; decoder
8d^2 + 2df + f + 15d (domain.md section 2). MACs: the attention blocks as in attention.py plus
2*T*d*f for the feed-forward network; norms, activation, residual adds are other ops.

Saved for backward (training, dropout `p` as PyTorch's `dropout`, default 0.1): the attention
blocks as in attention.py; a 1-byte mask per dropout (each residual branch, the attention map,
the feed-forward hidden layer); each LayerNorm's input and statistics (FP32 under autocast); the
first linear's input, the activation's saved tensor and the second linear's (dropped) input.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..report import GemmShape
from .activation import ACTIVATIONS
from .attention import MultiheadAttention, count_mha
from .base import Counts, Layer, Shape, ShapeError, need_positive, need_probability, need_rank
from .registry import counter


def _check(layer: TransformerEncoderLayer | TransformerDecoderLayer, shape: Shape) -> None:
    need_positive(d_model=layer.d_model, nhead=layer.nhead, dim_feedforward=layer.dim_feedforward)
    need_probability(layer.p)
    need_rank(shape, 2, "(T, D) token")
    if shape[1] != layer.d_model:
        raise ShapeError(f"token width {shape[1]} differs from d_model {layer.d_model}", f"d_model = {shape[1]}")
    if layer.d_model % layer.nhead:
        raise ShapeError(f"nhead={layer.nhead} does not divide d_model={layer.d_model}", "a divisor of d_model")
    if layer.activation not in ACTIVATIONS:
        raise ShapeError(f"activation {layer.activation!r} is not recognised", ", ".join(ACTIVATIONS))


def _ffn(t: int, d: int, f: int, activation: str, p: float) -> Counts:
    macs = 2 * t * d * f
    other = t * f + t * d + ACTIVATIONS[activation].ops_per_element * t * f  # biases + activation
    # linear1's input, the activation's saved tensor; with dropout its mask and the dropped copy
    # that linear2 saves (without dropout linear2 saves the activation's output itself)
    dropped = t * f if p else 0
    return Counts(params=2 * d * f + f + d, macs=macs, other_ops=other, data_grad_macs=macs, weight_grad_macs=macs,
                  backward_other_ops=2 * other, extra_saved=t * d + t * f + 2 * dropped, saved_mask=dropped,
                  gemm_parts=(("linear1", GemmShape(t, f, d)), ("linear2", GemmShape(t, d, f))))


def _merge(blocks: list[Counts], norms: int, t: int, d: int, p: float, detail: str) -> Counts:
    parts = tuple(g for c in blocks for g in c.gemm_parts)
    norm_ops = norms * 5 * t * d + norms * t * d  # layer norms and residual adds
    norm_saved = norms * (t * d + 2 * t)  # each LayerNorm's input, mean and inverse deviation
    branch_masks = norms * t * d if p else 0  # the dropout on each residual branch
    return Counts(
        params=sum(c.params for c in blocks) + norms * 2 * d,
        macs=sum(c.macs for c in blocks), other_ops=sum(c.other_ops for c in blocks) + norm_ops,
        data_grad_macs=sum(c.data_grad_macs for c in blocks), weight_grad_macs=sum(c.weight_grad_macs for c in blocks),
        backward_other_ops=sum(c.backward_other_ops for c in blocks) + 2 * norm_ops, saves_inputs=True,
        extra_saved=sum(c.extra_saved for c in blocks) + norm_saved + branch_masks,
        workspace=max(c.workspace for c in blocks),
        saved_index=sum(c.saved_index for c in blocks),
        saved_mask=sum(c.saved_mask for c in blocks) + branch_masks,
        saved_fp32=sum(c.saved_fp32 for c in blocks) + norm_saved,
        autocast_copy=sum(c.autocast_copy for c in blocks),
        backward_workspace=max(c.backward_workspace for c in blocks),
        gemm=max((g for _, g in parts), key=lambda g: g.m * g.n * g.k * g.batch), gemm_parts=parts, detail=detail,
    )


@dataclass(frozen=True, slots=True)
class TransformerEncoderLayer(Layer):
    """PyTorch's Transformer encoder layer: self-attention and feed-forward, post-norm."""

    d_model: int
    nhead: int
    dim_feedforward: int = 2048
    activation: str = "ReLU"
    p: float = 0.1  # dropout in training (PyTorch's `dropout`, default 0.1)

    kind = "TransformerEncoderLayer"
    compute_class = "attention"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        _check(self, shapes[0])
        return shapes[0]


@counter(TransformerEncoderLayer)
def count_encoder_layer(layer: TransformerEncoderLayer, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    t, d = out
    attention = count_mha(MultiheadAttention(d, layer.nhead, p=layer.p), shapes[:1], out)
    ffn = _ffn(t, d, layer.dim_feedforward, layer.activation, layer.p)
    return _merge([attention, ffn], 2, t, d, layer.p, f"{layer.nhead} heads, ff {layer.dim_feedforward}")


@dataclass(frozen=True, slots=True)
class TransformerDecoderLayer(Layer):
    """Inputs: target tokens (T, d) and encoder memory (S, d)."""

    d_model: int
    nhead: int
    dim_feedforward: int = 2048
    activation: str = "ReLU"
    p: float = 0.1  # dropout in training (PyTorch's `dropout`, default 0.1)

    kind = "TransformerDecoderLayer"
    compute_class = "attention"
    arity = 2

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        _check(self, shapes[0])
        _check(self, shapes[1])
        return shapes[0]


@counter(TransformerDecoderLayer)
def count_decoder_layer(layer: TransformerDecoderLayer, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    t, d = out
    self_attention = count_mha(MultiheadAttention(d, layer.nhead, p=layer.p), shapes[:1], out)
    cross_attention = count_mha(MultiheadAttention(d, layer.nhead, cross=True, p=layer.p), shapes, out)
    ffn = _ffn(t, d, layer.dim_feedforward, layer.activation, layer.p)
    return _merge([self_attention, cross_attention, ffn], 3, t, d, layer.p,
                  f"{layer.nhead} heads, ff {layer.dim_feedforward}")
