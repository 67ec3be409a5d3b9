"""Vision Transformer (Dosovitskiy et al. 2020) and DeiT (Touvron et al. 2021) as timm defines
vit_{tiny,small,base,large}_patch16_224 and deit_base_patch16_224: pre-norm blocks, class token,
learned position embedding sized to the input (so parameters grow with the resolution, as timm
builds the model for a given img_size)."""

from __future__ import annotations

from ..graph import GraphBuilder, Model, Tensor
from ..layers.attention import MultiheadAttention
from ..layers.embedding import ClassToken, PatchEmbed, PositionEmbedding
from ..layers.norm import LayerNorm
from ..layers.pooling import TokenPool
from ._catalog import TIMM_SOURCE, model

VARIANTS = {
    "vit_tiny_patch16_224": (192, 12, 3, (5717416, 1253683200)),
    "vit_small_patch16_224": (384, 12, 6, (22050664, 4598882304)),
    "vit_base_patch16_224": (768, 12, 12, (86567656, 17563828224)),
    "vit_large_patch16_224": (1024, 24, 16, None),
    "deit_base_patch16_224": (768, 12, 12, (86567656, 17563828224)),
}


def vit_block(b: GraphBuilder, x: Tensor, heads: int, mlp_ratio: float) -> Tensor:
    dim = x.shape[-1]
    y = b.layer("attn", MultiheadAttention(dim, heads), b.layer("norm1", LayerNorm(dim), x))
    x = b.add("add1", x, y)
    y = b.linear("mlp.fc1", b.layer("norm2", LayerNorm(dim), x), int(dim * mlp_ratio))
    y = b.linear("mlp.fc2", b.act("mlp.act", y, "GELU"), dim)
    return b.add("add2", x, y)


def vit(input_shape: tuple[int, int, int], num_classes: int, name: str = "vit", dim: int = 768, depth: int = 12,
        heads: int = 12, patch: int = 16, mlp_ratio: float = 4.0) -> Model:
    b = GraphBuilder(name, input_shape, family="vit", num_classes=num_classes,
                     description=f"ViT, width {dim}, depth {depth}, {heads} heads, patch {patch}")
    b.note("ViT: the learned position embedding is sized to the input's token count, as timm builds the model "
           "for a given img_size, so parameters change with the resolution.")
    x = b.layer("patch_embed", PatchEmbed(input_shape[0], dim, patch), b.input)
    x = b.layer("cls_token", ClassToken(dim), x)
    x = b.layer("pos_embed", PositionEmbedding(x.shape[0], dim), x)
    for index in range(depth):
        with b.scope(f"blocks.{index}"):
            x = vit_block(b, x, heads, mlp_ratio)
    x = b.layer("norm", LayerNorm(dim), x)
    x = b.layer("pool", TokenPool("cls"), x)
    b.linear("head", x, num_classes)
    return b.build()


for _name, (_dim, _depth, _heads, _ref) in VARIANTS.items():
    _label = "DeiT" if _name.startswith("deit") else "ViT"
    model(_name, "vit", f"{_label}, width {_dim}, depth {_depth}, {_heads} heads, patch 16", reference=_ref,
          source=TIMM_SOURCE if _ref else "", dim=_dim, depth=_depth, heads=_heads, patch=16,
          mlp_ratio=4.0)(vit)
