"""Xception (Chollet 2017) as timm's legacy_xception defines it: depthwise-separable convolutions in
residual blocks, 299 x 299 input."""

from __future__ import annotations

from ..graph import GraphBuilder, Model, Tensor
from ..layers.pooling import AdaptiveAvgPool2d, MaxPool2d
from ..layers.structural import Flatten
from ._catalog import TIMM_SOURCE, model


def separable(b: GraphBuilder, name: str, x: Tensor, out: int) -> Tensor:
    with b.scope(name):
        y = b.conv("conv1", x, x.channels, 3, 1, 1, groups=x.channels)
        return b.conv("pointwise", y, out, 1)


def block(b: GraphBuilder, x: Tensor, out: int, reps: int, stride: int, start_with_relu: bool = True,
          grow_first: bool = True) -> Tensor:
    c_in = x.channels
    shortcut = x
    if out != c_in or stride != 1:
        shortcut = b.bn("skipbn", b.conv("skip", x, out, 1, stride, 0))
    index = 0 if start_with_relu else -1
    y = x
    for rep in range(reps):
        if grow_first:
            outc = out
        else:
            outc = c_in if rep < reps - 1 else out
        if index >= 0:
            y = b.act(f"rep.{index}", y, inplace=rep > 0)
        y = separable(b, f"rep.{index + 1}", y, outc)
        y = b.bn(f"rep.{index + 2}", y)
        index += 3
    if stride != 1:
        y = b.layer(f"rep.{index}", MaxPool2d(3, stride, 1), y)
    return b.add("add", y, shortcut)


def xception(input_shape: tuple[int, int, int], num_classes: int, name: str = "xception",
             middle_blocks: int = 8) -> Model:
    b = GraphBuilder(name, input_shape, family="xception", num_classes=num_classes,
                     description=f"Xception, {middle_blocks} middle-flow blocks")
    x = b.act("act1", b.bn("bn1", b.conv("conv1", b.input, 32, 3, 2, 0)), inplace=True)
    x = b.act("act2", b.bn("bn2", b.conv("conv2", x, 64, 3, 1, 0)), inplace=True)
    plan = [(128, 2, 2, False, True), (256, 2, 2, True, True), (728, 2, 2, True, True)]
    plan += [(728, 3, 1, True, True)] * middle_blocks + [(1024, 2, 2, True, False)]
    for index, spec in enumerate(plan, 1):
        with b.scope(f"block{index}"):
            x = block(b, x, *spec)
    x = b.act("act3", b.bn("bn3", separable(b, "conv3", x, 1536)), inplace=True)
    x = b.act("act4", b.bn("bn4", separable(b, "conv4", x, 2048)), inplace=True)
    x = b.layer("global_pool.pool", AdaptiveAvgPool2d(1), x)
    x = b.layer("global_pool.flatten", Flatten(), x)
    b.linear("fc", x, num_classes)
    return b.build()


model("legacy_xception", "xception", "Xception (Keras-ported timm legacy definition)", default_input=(3, 299, 299),
      reference=(22855952, 8357403496), source=TIMM_SOURCE, middle_blocks=8)(xception)
