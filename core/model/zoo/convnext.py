"""ConvNeXt (Liu et al. 2022) as timm defines convnext_tiny/small/base: patchify stem, 7x7 depthwise
conv, channels-last LayerNorm and MLP, layer scale (gamma) and residual per block."""

from __future__ import annotations

from ..graph import GraphBuilder, Model, Tensor
from ..layers.norm import LayerNorm, LayerNorm2d
from ..layers.pooling import AdaptiveAvgPool2d
from ..layers.structural import Flatten, LayerScale, ToImage, ToTokens
from ._catalog import TIMM_SOURCE, model

VARIANTS = {
    "convnext_tiny": ((3, 3, 9, 3), (96, 192, 384, 768), (28589128, 4455531264)),
    "convnext_small": ((3, 3, 27, 3), (96, 192, 384, 768), (50223688, 8683712256)),
    "convnext_base": ((3, 3, 27, 3), (128, 256, 512, 1024), (88591464, 15354729472)),
}


def convnext_block(b: GraphBuilder, x: Tensor, mlp_ratio: int) -> Tensor:
    dim = x.channels
    y = b.conv("conv_dw", x, dim, 7, 1, 3, groups=dim, bias=True)
    y = b.layer("permute", ToTokens(grid=True), y)
    y = b.layer("norm", LayerNorm(dim), y)
    y = b.linear("mlp.fc1", y, mlp_ratio * dim)
    y = b.act("mlp.act", y, "GELU")
    y = b.linear("mlp.fc2", y, dim)
    y = b.layer("permute_back", ToImage(), y)
    y = b.layer("gamma", LayerScale(dim, channels_first=True), y)
    return b.add("add", y, x)


def convnext(input_shape: tuple[int, int, int], num_classes: int, name: str = "convnext",
             depths: tuple[int, ...] = (3, 3, 9, 3), dims: tuple[int, ...] = (96, 192, 384, 768),
             mlp_ratio: int = 4) -> Model:
    b = GraphBuilder(name, input_shape, family="convnext", num_classes=num_classes,
                     description=f"ConvNeXt, depths {tuple(depths)}, widths {tuple(dims)}")
    x = b.conv("stem.0", b.input, dims[0], 4, 4, 0, bias=True)
    x = b.layer("stem.1", LayerNorm2d(dims[0]), x)
    for stage, (depth, dim) in enumerate(zip(depths, dims, strict=True)):
        with b.scope(f"stages.{stage}"):
            if stage > 0:
                x = b.layer("downsample.0", LayerNorm2d(x.channels), x)
                x = b.conv("downsample.1", x, dim, 2, 2, 0, bias=True)
            for index in range(depth):
                with b.scope(f"blocks.{index}"):
                    x = convnext_block(b, x, mlp_ratio)
    x = b.layer("head.global_pool", AdaptiveAvgPool2d(1), x)
    x = b.layer("head.norm", LayerNorm2d(x.channels), x)
    x = b.layer("head.flatten", Flatten(), x)
    b.linear("head.fc", x, num_classes)
    return b.build()


for _name, (_depths, _dims, _ref) in VARIANTS.items():
    model(_name, "convnext", f"ConvNeXt-{_name[9:].capitalize()}, depths {_depths}, widths {_dims}",
          reference=_ref, source=TIMM_SOURCE, depths=_depths, dims=_dims, mlp_ratio=4)(convnext)
