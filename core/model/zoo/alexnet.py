"""AlexNet (Krizhevsky et al. 2012) as torchvision defines it (single-tower, 64-192-384-256-256)."""

from __future__ import annotations

from ..graph import GraphBuilder, Model
from ..layers.pooling import AdaptiveAvgPool2d, MaxPool2d
from ..layers.structural import Dropout, Flatten
from ._catalog import TORCHVISION_SOURCE, model


@model("alexnet", "alexnet", "AlexNet, torchvision single-tower variant", reference=(61100840, 714188480),
       source=TORCHVISION_SOURCE, width=1.0)
def alexnet(input_shape: tuple[int, int, int], num_classes: int, name: str = "alexnet", width: float = 1.0) -> Model:
    b = GraphBuilder(name, input_shape, family="alexnet", num_classes=num_classes, description="AlexNet")
    c = [max(1, int(v * width)) for v in (64, 192, 384, 256, 256)]
    with b.scope("features"):
        x = b.conv("0", b.input, c[0], 11, 4, 2, bias=True)
        x = b.act("1", x, inplace=True)
        x = b.layer("2", MaxPool2d(3, 2), x)
        x = b.conv("3", x, c[1], 5, 1, 2, bias=True)
        x = b.act("4", x, inplace=True)
        x = b.layer("5", MaxPool2d(3, 2), x)
        x = b.conv("6", x, c[2], 3, 1, 1, bias=True)
        x = b.act("7", x, inplace=True)
        x = b.conv("8", x, c[3], 3, 1, 1, bias=True)
        x = b.act("9", x, inplace=True)
        x = b.conv("10", x, c[4], 3, 1, 1, bias=True)
        x = b.act("11", x, inplace=True)
        x = b.layer("12", MaxPool2d(3, 2), x)
    x = b.layer("avgpool", AdaptiveAvgPool2d(6), x)
    x = b.layer("flatten", Flatten(), x)
    with b.scope("classifier"):
        x = b.layer("0", Dropout(0.5), x)
        x = b.linear("1", x, 4096)
        x = b.act("2", x, inplace=True)
        x = b.layer("3", Dropout(0.5), x)
        x = b.linear("4", x, 4096)
        x = b.act("5", x, inplace=True)
        b.linear("6", x, num_classes)
    return b.build()
