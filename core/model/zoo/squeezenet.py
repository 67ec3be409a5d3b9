"""SqueezeNet 1.0 and 1.1 (Iandola et al. 2016) as torchvision defines them: Fire modules."""

from __future__ import annotations

from ..graph import GraphBuilder, Model, Tensor
from ..layers.pooling import AdaptiveAvgPool2d, MaxPool2d
from ..layers.structural import Dropout, Flatten
from ._catalog import TORCHVISION_SOURCE, model

POOL = (0, 0, 0)

# (squeeze, expand1x1, expand3x3) per Fire module; POOL marks a ceil-mode 3x3/2 max pool.
FIRES = {
    "1_0": (96, 7, (POOL, (16, 64, 64), (16, 64, 64), (32, 128, 128), POOL, (32, 128, 128), (48, 192, 192),
                    (48, 192, 192), (64, 256, 256), POOL, (64, 256, 256))),
    "1_1": (64, 3, (POOL, (16, 64, 64), (16, 64, 64), POOL, (32, 128, 128), (32, 128, 128), POOL,
                    (48, 192, 192), (48, 192, 192), (64, 256, 256), (64, 256, 256))),
}


def fire(b: GraphBuilder, x: Tensor, squeeze: int, e1: int, e3: int) -> Tensor:
    s = b.act("squeeze_activation", b.conv("squeeze", x, squeeze, 1, bias=True), inplace=True)
    a = b.act("expand1x1_activation", b.conv("expand1x1", s, e1, 1, bias=True), inplace=True)
    c = b.act("expand3x3_activation", b.conv("expand3x3", s, e3, 3, 1, 1, bias=True), inplace=True)
    return b.concat("cat", a, c)


def squeezenet(input_shape: tuple[int, int, int], num_classes: int, name: str = "squeezenet",
               version: str = "1_0") -> Model:
    stem, kernel, plan = FIRES[version]
    b = GraphBuilder(name, input_shape, family="squeezenet", num_classes=num_classes,
                     description=f"SqueezeNet {version.replace('_', '.')}")
    with b.scope("features"):
        x = b.conv("0", b.input, stem, kernel, 2, 0, bias=True)
        x = b.act("1", x, inplace=True)
        for index, spec in enumerate(plan, 2):
            if spec == POOL:
                x = b.layer(str(index), MaxPool2d(3, 2, ceil_mode=True), x)
            else:
                with b.scope(index):
                    x = fire(b, x, *spec)
    with b.scope("classifier"):
        x = b.layer("0", Dropout(0.5), x)
        x = b.conv("1", x, num_classes, 1, bias=True)
        x = b.act("2", x, inplace=True)
        x = b.layer("3", AdaptiveAvgPool2d(1), x)
    b.layer("flatten", Flatten(), x)
    return b.build()


model("squeezenet1_0", "squeezenet", "SqueezeNet 1.0, 7x7 stem", reference=(1248424, 818924576),
      source=TORCHVISION_SOURCE, version="1_0")(squeezenet)
model("squeezenet1_1", "squeezenet", "SqueezeNet 1.1, 3x3 stem, earlier pooling", version="1_1")(squeezenet)
