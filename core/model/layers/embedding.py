"""Token and patch embeddings: Embedding (lookup), PatchEmbed (strided conv to tokens),
ClassToken, PositionEmbedding (learned or fixed sine).

Convention: a lookup is no MACs (data movement); a patch embedding is the convolution it
is (K*K*C_in*D per token); adding a position embedding is one other op per element.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..report import GemmShape
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
class Embedding(Layer):
    """(T,) token ids -> (T, D) vectors from a V x D table."""

    num_embeddings: int
    embedding_dim: int

    kind = "Embedding"
    compute_class = "embedding"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        need_positive(num_embeddings=self.num_embeddings, embedding_dim=self.embedding_dim)
        need_rank(shape, 1, "(T,) token id")
        return (shape[0], self.embedding_dim)


@counter(Embedding)
def count_embedding(layer: Embedding, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    n = elements(out)
    # The weight gradient is a scatter-add of the output gradient into the looked-up rows.
    return Counts(params=layer.num_embeddings * layer.embedding_dim, backward_other_ops=n, saves_inputs=True,
                  detail=f"{layer.num_embeddings}x{layer.embedding_dim}")


@dataclass(frozen=True, slots=True)
class PatchEmbed(Layer):
    """(C, H, W) -> (H/p * W/p, D) tokens, or an (H/p, W/p, D) grid when `grid` (Swin)."""

    in_channels: int
    embed_dim: int
    patch_size: int = 16
    bias: bool = True
    grid: bool = False

    kind = "PatchEmbed"
    compute_class = "conv"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        need_rank(shape, 3, "(C, H, W)")
        need_positive(embed_dim=self.embed_dim, patch_size=self.patch_size)
        c, h, w = shape
        need_channels(shape, self.in_channels, "in_channels")
        p = self.patch_size
        if h < p or w < p:
            raise ShapeError(f"input {h}x{w} is smaller than one {p}x{p} patch", f"height and width >= {p}")
        return (h // p, w // p, self.embed_dim) if self.grid else ((h // p) * (w // p), self.embed_dim)


@counter(PatchEmbed)
def count_patch_embed(layer: PatchEmbed, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    d = layer.embed_dim
    tokens = elements(out) // d
    k = layer.in_channels * layer.patch_size**2
    macs = tokens * k * d
    bias_ops = tokens * d if layer.bias else 0
    return Counts(params=k * d + (d if layer.bias else 0), macs=macs, other_ops=bias_ops, data_grad_macs=macs,
                  weight_grad_macs=macs, backward_other_ops=bias_ops, saves_inputs=True,
                  gemm=GemmShape(tokens, d, k, 1), detail=f"patch {layer.patch_size}, {tokens} tokens")


@dataclass(frozen=True, slots=True)
class ClassToken(Layer):
    """Prepends `num_tokens` learned tokens (ViT's cls token, DeiT's distillation token)."""

    dim: int
    num_tokens: int = 1

    kind = "ClassToken"
    compute_class = "data_movement"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        need_rank(shape, 2, "(T, D) token")
        need_positive(num_tokens=self.num_tokens)
        if shape[1] != self.dim:
            raise ShapeError(f"token width {shape[1]} differs from dim {self.dim}", f"dim = {shape[1]}")
        return (shape[0] + self.num_tokens, shape[1])


@counter(ClassToken)
def count_class_token(layer: ClassToken, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    return Counts(params=layer.num_tokens * layer.dim, detail=f"{layer.num_tokens} token(s)")


@dataclass(frozen=True, slots=True)
class PositionEmbedding(Layer):
    """Adds a position embedding to (T, D) tokens or an (H, W, D)/(D, H, W) map; learned ones are
    parameters sized to the token count (so they grow with the input resolution), sine ones are not."""

    num_tokens: int
    dim: int
    learned: bool = True

    kind = "PositionEmbedding"
    compute_class = "elementwise"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        n = elements(shape)
        if n != self.num_tokens * self.dim:
            raise ShapeError(f"input {fmt_shape(shape)} does not hold {self.num_tokens} tokens of width {self.dim}",
                             f"num_tokens x dim = {n}")
        return shape


@counter(PositionEmbedding)
def count_position_embedding(layer: PositionEmbedding, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    n = elements(out)
    # Sine embeddings are computed once per shape and cached: the add is the recurring cost.
    return Counts(params=n if layer.learned else 0, other_ops=n, backward_other_ops=n if layer.learned else 0,
                  detail="learned" if layer.learned else "sine")


@dataclass(frozen=True, slots=True)
class QueryEmbedding(Layer):
    """A learned (num_queries, dim) table used as decoder input (DETR's object queries). Its input
    only places it in the graph; its values are not read."""

    num_queries: int
    dim: int

    kind = "QueryEmbedding"
    compute_class = "data_movement"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        need_positive(num_queries=self.num_queries, dim=self.dim)
        return (self.num_queries, self.dim)


@counter(QueryEmbedding)
def count_query_embedding(layer: QueryEmbedding, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    return Counts(params=layer.num_queries * layer.dim, detail=f"{layer.num_queries} queries")
