"""Swin Transformer (Liu et al. 2021) as timm defines swin_{tiny,small,base}_patch4_window7_224:
channels-last (H, W, C) grids, shifted window attention with relative position bias, patch
merging between stages. As in timm, a stage whose grid is no larger than the window uses the
grid as its window and does not shift; other grids are padded to whole windows."""

from __future__ import annotations

from ..graph import GraphBuilder, Model, Tensor
from ..layers.attention import WindowAttention
from ..layers.embedding import PatchEmbed
from ..layers.norm import LayerNorm
from ..layers.pooling import TokenPool
from ..layers.structural import SpaceToDepth
from ._catalog import TIMM_SOURCE, model

VARIANTS = {
    "swin_tiny_patch4_window7_224": (96, (2, 2, 6, 2), (3, 6, 12, 24), (28288354, 4490566656)),
    "swin_small_patch4_window7_224": (96, (2, 2, 18, 2), (3, 6, 12, 24), None),
    "swin_base_patch4_window7_224": (128, (2, 2, 18, 2), (4, 8, 16, 32), None),
}


def swin_block(b: GraphBuilder, x: Tensor, heads: int, window: int, shift: bool, mlp_ratio: float) -> Tensor:
    h, w, dim = x.shape
    win_h, win_w = min(window, h), min(window, w)
    shift_size = window // 2 if shift and h > window and w > window else 0
    y = b.layer("norm1", LayerNorm(dim), x)
    y = b.layer("attn", WindowAttention(dim, heads, (win_h, win_w), shift_size), y)
    x = b.add("add1", x, y)
    y = b.linear("mlp.fc1", b.layer("norm2", LayerNorm(dim), x), int(dim * mlp_ratio))
    y = b.linear("mlp.fc2", b.act("mlp.act", y, "GELU"), dim)
    return b.add("add2", x, y)


def swin(input_shape: tuple[int, int, int], num_classes: int, name: str = "swin", embed_dim: int = 96,
         depths: tuple[int, ...] = (2, 2, 6, 2), heads: tuple[int, ...] = (3, 6, 12, 24), window: int = 7,
         patch: int = 4, mlp_ratio: float = 4.0) -> Model:
    b = GraphBuilder(name, input_shape, family="swin", num_classes=num_classes,
                     description=f"Swin, width {embed_dim}, depths {tuple(depths)}, window {window}")
    b.note("Swin: grids that are not whole windows are padded (the padding is counted); stages whose grid is "
           "no larger than the window attend over the whole grid without shifting.")
    x = b.layer("patch_embed.proj", PatchEmbed(input_shape[0], embed_dim, patch, grid=True), b.input)
    x = b.layer("patch_embed.norm", LayerNorm(embed_dim), x)
    for stage, (depth, head_count) in enumerate(zip(depths, heads, strict=True)):
        with b.scope(f"layers.{stage}"):
            if stage > 0:
                dim = x.shape[-1]
                x = b.layer("downsample", SpaceToDepth(), x)
                x = b.layer("downsample.norm", LayerNorm(4 * dim), x)
                x = b.linear("downsample.reduction", x, 2 * dim, bias=False)
            for index in range(depth):
                with b.scope(f"blocks.{index}"):
                    x = swin_block(b, x, head_count, window, index % 2 == 1, mlp_ratio)
    x = b.layer("norm", LayerNorm(x.shape[-1]), x)
    x = b.layer("head.global_pool", TokenPool("mean"), x)
    b.linear("head.fc", x, num_classes)
    return b.build()


for _name, (_dim, _depths, _heads, _ref) in VARIANTS.items():
    model(_name, "swin", f"Swin-{_name.split('_')[1].capitalize()}, width {_dim}, depths {_depths}, window 7",
          reference=_ref, source=TIMM_SOURCE if _ref else "", embed_dim=_dim, depths=_depths, heads=_heads,
          window=7, patch=4, mlp_ratio=4.0)(swin)
