"""ShuffleNetV2 (Ma et al. 2018) as torchvision defines shufflenet_v2_x0_5 ... x2_0: channel split,
two branches, concatenation and channel shuffle."""

from __future__ import annotations

from ..graph import GraphBuilder, Model, Tensor
from ..layers.pooling import AdaptiveAvgPool2d, MaxPool2d
from ..layers.structural import ChannelShuffle, Flatten, Split
from ._catalog import TORCHVISION_SOURCE, model

WIDTHS = {"x0_5": (24, 48, 96, 192, 1024), "x1_0": (24, 116, 232, 464, 1024),
          "x1_5": (24, 176, 352, 704, 1024), "x2_0": (24, 244, 488, 976, 2048)}


def shuffle_unit(b: GraphBuilder, x: Tensor, out: int, stride: int) -> Tensor:
    half = out // 2
    if stride == 1:
        left = b.layer("chunk.0", Split(0, x.channels // 2), x)
        right_in = b.layer("chunk.1", Split(x.channels // 2, x.channels), x)
    else:
        with b.scope("branch1"):
            y = b.bn("1", b.conv("0", x, x.channels, 3, stride, 1, groups=x.channels))
            left = b.act("4", b.bn("3", b.conv("2", y, half, 1)), inplace=True)
        right_in = x
    with b.scope("branch2"):
        y = b.act("2", b.bn("1", b.conv("0", right_in, half, 1)), inplace=True)
        y = b.bn("4", b.conv("3", y, half, 3, stride, 1, groups=half))
        right = b.act("7", b.bn("6", b.conv("5", y, half, 1)), inplace=True)
    return b.layer("shuffle", ChannelShuffle(2), b.concat("cat", left, right))


def shufflenet_v2(input_shape: tuple[int, int, int], num_classes: int, name: str = "shufflenet_v2",
                  widths: tuple[int, ...] = WIDTHS["x1_0"], repeats: tuple[int, ...] = (4, 8, 4)) -> Model:
    b = GraphBuilder(name, input_shape, family="shufflenet", num_classes=num_classes,
                     description=f"ShuffleNetV2, stage widths {tuple(widths[1:4])}")
    with b.scope("conv1"):
        x = b.act("2", b.bn("1", b.conv("0", b.input, widths[0], 3, 2, 1)), inplace=True)
    x = b.layer("maxpool", MaxPool2d(3, 2, 1), x)
    for stage, (n, out) in enumerate(zip(repeats, widths[1:4], strict=True)):
        for index in range(n):
            with b.scope(f"stage{stage + 2}.{index}"):
                x = shuffle_unit(b, x, out, 2 if index == 0 else 1)
    with b.scope("conv5"):
        x = b.act("2", b.bn("1", b.conv("0", x, widths[4], 1)), inplace=True)
    x = b.layer("mean", AdaptiveAvgPool2d(1), x)
    x = b.layer("flatten", Flatten(), x)
    b.linear("fc", x, num_classes)
    return b.build()


model("shufflenet_v2_x1_0", "shufflenet", "ShuffleNetV2 1.0x", reference=(2278604, 144907992),
      source=TORCHVISION_SOURCE, widths=WIDTHS["x1_0"], repeats=(4, 8, 4))(shufflenet_v2)
model("shufflenet_v2_x0_5", "shufflenet", "ShuffleNetV2 0.5x", widths=WIDTHS["x0_5"],
      repeats=(4, 8, 4))(shufflenet_v2)
