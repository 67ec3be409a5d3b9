"""Multi-head attention: self and cross (PyTorch nn.MultiheadAttention, timm Attention) and
Swin's shifted-window attention, each one node including its projections.

Convention (fvcore/timm): projections are MACs (tokens x in x out each), and so are the two
attention matrix products: scores Q K^T (n_q*n_kv*d) and context A V (n_q*n_kv*d). Softmax,
scaling and bias adds are other ops. Backward: projections need data and weight gradients;
the two activation-activation products need the gradient of both operands (2x their MACs).
Saved for backward: the inputs, Q, K, V, the softmax map and the context. Autocast runs softmax
in FP32, so the map is kept in FP32 and the attention x values product saves its own FP16 copy.
With attention dropout (`p`, PyTorch's `dropout` argument) the product saves the dropped map
instead and the dropout keeps a 1-byte mask: three map-sized tensors per layer.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..report import GemmShape
from .base import (
    Counts,
    Layer,
    Shape,
    ShapeError,
    need_non_negative,
    need_positive,
    need_probability,
    need_rank,
    pair,
)
from .registry import counter


def _largest(parts: tuple[tuple[str, GemmShape], ...]) -> GemmShape:
    return max((g for _, g in parts), key=lambda g: g.m * g.n * g.k * g.batch)


@dataclass(frozen=True, slots=True)
class MultiheadAttention(Layer):
    """Self-attention on (T, D) tokens, or cross-attention (query (T, D), memory (S, kdim)) if `cross`."""

    embed_dim: int
    num_heads: int
    cross: bool = False
    kdim: int | None = None  # memory width for cross-attention (default embed_dim)
    qkv_bias: bool = True
    proj_bias: bool = True
    p: float = 0.0  # dropout on the attention weights in training (nn.MultiheadAttention's `dropout`)

    kind = "MultiheadAttention"
    compute_class = "attention"

    @property
    def arity(self) -> int:  # type: ignore[override]
        return 2 if self.cross else 1

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        need_positive(embed_dim=self.embed_dim, num_heads=self.num_heads)
        need_probability(self.p)
        query = shapes[0]
        need_rank(query, 2, "(T, D) token")
        if query[1] != self.embed_dim:
            raise ShapeError(f"query width {query[1]} differs from embed_dim {self.embed_dim}",
                             f"embed_dim = {query[1]}")
        if self.embed_dim % self.num_heads:
            raise ShapeError(f"num_heads={self.num_heads} does not divide embed_dim={self.embed_dim}",
                             "a divisor of embed_dim")
        if self.cross:
            memory = shapes[1]
            need_rank(memory, 2, "(S, kdim) memory")
            if memory[1] != (self.kdim or self.embed_dim):
                raise ShapeError(f"memory width {memory[1]} differs from kdim {self.kdim or self.embed_dim}",
                                 f"kdim = {memory[1]}")
        return query


@counter(MultiheadAttention)
def count_mha(layer: MultiheadAttention, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    t, d = shapes[0]
    s, kd = shapes[1] if layer.cross else shapes[0]
    h = layer.num_heads
    hd = d // h
    q_proj, kv_proj, o_proj = t * d * d, 2 * s * kd * d, t * d * d
    scores = t * s * d
    proj_macs = q_proj + kv_proj + o_proj
    params = d * d + 2 * kd * d + d * d + (3 * d if layer.qkv_bias else 0) + (d if layer.proj_bias else 0)
    amap = h * t * s
    bias_ops = (t * d + 2 * s * d if layer.qkv_bias else 0) + (t * d if layer.proj_bias else 0)
    other = bias_ops + t * d + 4 * amap  # scale q, softmax
    if layer.cross:
        parts = (("q_proj", GemmShape(t, d, d)), ("kv_proj", GemmShape(s, 2 * d, kd)))
    else:
        parts = (("qkv", GemmShape(t, 3 * d, d)),)
    parts += (("scores", GemmShape(t, s, hd, h)), ("context", GemmShape(t, hd, s, h)), ("proj", GemmShape(t, d, d)))
    qkv = t * d + 2 * s * d
    dropped = amap if layer.p else 0  # the dropped map (saved by the product) and its mask
    return Counts(
        params=params, macs=proj_macs + 2 * scores, other_ops=other,
        data_grad_macs=proj_macs + 4 * scores, weight_grad_macs=proj_macs, backward_other_ops=2 * other,
        saves_inputs=True, extra_saved=qkv + amap + 2 * dropped + t * d, workspace=amap + qkv,
        saved_mask=dropped, saved_fp32=amap, autocast_copy=0 if dropped else amap, backward_workspace=2 * amap + qkv,
        gemm=_largest(parts), gemm_parts=parts,
        detail=f"{h} heads" + (" cross" if layer.cross else ""),
    )


@dataclass(frozen=True, slots=True)
class WindowAttention(Layer):
    """Swin's (shifted) window attention on an (H, W, C) grid, padded to whole windows as timm does;
    holds the relative position bias table ((2w-1)^2 x heads parameters)."""

    dim: int
    num_heads: int
    window_size: int | tuple[int, int] = 7
    shift_size: int = 0
    qkv_bias: bool = True

    kind = "WindowAttention"
    compute_class = "attention"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        need_rank(shape, 3, "(H, W, C) grid")
        need_positive(dim=self.dim, num_heads=self.num_heads, window_size=pair(self.window_size))
        need_non_negative(shift_size=self.shift_size)
        if shape[2] != self.dim:
            raise ShapeError(f"input width {shape[2]} differs from dim {self.dim}", f"dim = {shape[2]}")
        if self.dim % self.num_heads:
            raise ShapeError(f"num_heads={self.num_heads} does not divide dim={self.dim}", "a divisor of dim")
        if self.shift_size >= min(pair(self.window_size)):
            raise ShapeError(f"shift {self.shift_size} is not smaller than the window {self.window_size}",
                             f"0 to {min(pair(self.window_size)) - 1}")
        return shape


@counter(WindowAttention)
def count_window_attention(layer: WindowAttention, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    h, w, c = out
    wh, ww = pair(layer.window_size)
    heads = layer.num_heads
    windows = -(-h // wh) * -(-w // ww)
    n = wh * ww
    tokens = windows * n  # padded grid
    proj_macs = tokens * 4 * c * c
    scores = windows * n * n * c
    table = (2 * wh - 1) * (2 * ww - 1) * heads
    params = 4 * c * c + (3 * c if layer.qkv_bias else 0) + c + table
    amap = windows * heads * n * n
    other = tokens * (4 * c) + 6 * amap  # biases, scale; bias add, mask add and softmax on the map
    parts = (("qkv", GemmShape(tokens, 3 * c, c)), ("scores", GemmShape(n, n, c // heads, windows * heads)),
             ("context", GemmShape(n, c // heads, n, windows * heads)), ("proj", GemmShape(tokens, c, c)))
    qkv = 3 * tokens * c
    return Counts(
        params=params, buffers=n * n, macs=proj_macs + 2 * scores, other_ops=other,
        data_grad_macs=proj_macs + 4 * scores, weight_grad_macs=proj_macs, backward_other_ops=2 * other,
        saves_inputs=True, extra_saved=qkv + amap + tokens * c, workspace=qkv + amap,
        saved_fp32=amap, autocast_copy=amap, backward_workspace=2 * amap + qkv,
        gemm=_largest(parts), gemm_parts=parts,
        detail=f"{heads} heads, window {wh}x{ww}" + (f" shift {layer.shift_size}" if layer.shift_size else ""),
    )
