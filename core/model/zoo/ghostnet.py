"""GhostNet (Han et al. 2020) as timm defines ghostnet_100: ghost modules make half the channels
with a cheap depthwise convolution of the other half."""

from __future__ import annotations

import math

from ..graph import GraphBuilder, Model, Tensor
from ..layers.pooling import AdaptiveAvgPool2d
from ..layers.squeeze_excite import SqueezeExcite
from ..layers.structural import Flatten, Split
from ._catalog import TIMM_SOURCE, model
from ._efficient import make_divisible

# (kernel, expansion channels, output channels, SE ratio, stride) per block, per stage
STAGES = (
    ((3, 16, 16, 0, 1),),
    ((3, 48, 24, 0, 2),),
    ((3, 72, 24, 0, 1),),
    ((5, 72, 40, 0.25, 2),),
    ((5, 120, 40, 0.25, 1),),
    ((3, 240, 80, 0, 2),),
    ((3, 200, 80, 0, 1), (3, 184, 80, 0, 1), (3, 184, 80, 0, 1), (3, 480, 112, 0.25, 1), (3, 672, 112, 0.25, 1)),
    ((5, 672, 160, 0.25, 2),),
    ((5, 960, 160, 0, 1), (5, 960, 160, 0.25, 1), (5, 960, 160, 0, 1), (5, 960, 160, 0.25, 1)),
)


def ghost_module(b: GraphBuilder, x: Tensor, out: int, relu: bool) -> Tensor:
    init = math.ceil(out / 2)
    with b.scope("primary_conv"):
        y = b.bn("1", b.conv("0", x, init, 1))
        if relu:
            y = b.act("2", y, inplace=True)
    with b.scope("cheap_operation"):
        z = b.bn("1", b.conv("0", y, init, 3, 1, 1, groups=init))
        if relu:
            z = b.act("2", z, inplace=True)
    merged = b.concat("cat", y, z)
    return merged if merged.channels == out else b.layer("slice", Split(0, out), merged)


def ghost_bottleneck(b: GraphBuilder, x: Tensor, kernel: int, mid: int, out: int, se_ratio: float,
                     stride: int) -> Tensor:
    with b.scope("ghost1"):
        y = ghost_module(b, x, mid, relu=True)
    if stride > 1:
        y = b.bn("bn_dw", b.conv("conv_dw", y, mid, kernel, stride, (kernel - 1) // 2, groups=mid))
    if se_ratio:
        y = b.layer("se", SqueezeExcite(mid, make_divisible(mid * se_ratio, 4), "ReLU", "Hardsigmoid"), y)
    with b.scope("ghost2"):
        y = ghost_module(b, y, out, relu=False)
    if x.channels == out and stride == 1:
        shortcut = x
    else:
        with b.scope("shortcut"):
            s = b.bn("1", b.conv("0", x, x.channels, kernel, stride, (kernel - 1) // 2, groups=x.channels))
            shortcut = b.bn("3", b.conv("2", s, out, 1))
    return b.add("add", y, shortcut)


def ghostnet(input_shape: tuple[int, int, int], num_classes: int, name: str = "ghostnet",
             width: float = 1.0) -> Model:
    b = GraphBuilder(name, input_shape, family="ghostnet", num_classes=num_classes,
                     description=f"GhostNet x{width:g}")
    x = b.conv("conv_stem", b.input, make_divisible(16 * width, 4), 3, 2, 1)
    x = b.act("act1", b.bn("bn1", x), inplace=True)
    expansion = 16
    for stage, blocks in enumerate(STAGES):
        for index, (k, exp, c, se, s) in enumerate(blocks):
            with b.scope(f"blocks.{stage}.{index}"):
                x = ghost_bottleneck(b, x, k, make_divisible(exp * width, 4), make_divisible(c * width, 4), se, s)
            expansion = exp
    with b.scope(f"blocks.{len(STAGES)}.0"):
        x = b.conv_bn_act(x, make_divisible(expansion * width, 4), 1, names=("conv", "bn1", "bn1.act"))
    x = b.layer("global_pool.pool", AdaptiveAvgPool2d(1), x)
    x = b.act("act2", b.conv("conv_head", x, 1280, 1, bias=True), inplace=True)
    x = b.layer("flatten", Flatten(), x)
    b.linear("classifier", x, num_classes)
    return b.build()


model("ghostnet_100", "ghostnet", "GhostNet 1.0, ghost bottlenecks with SE", reference=(5182508, 141150512),
      source=TIMM_SOURCE, width=1.0)(ghostnet)
