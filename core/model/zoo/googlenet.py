"""GoogLeNet / Inception-v1 (Szegedy et al. 2014) as torchvision defines it, without the auxiliary
classifiers (they are dropped in eval and in the reference count); torchvision's branch3 uses a
3x3 convolution where the paper has 5x5, and so does this."""

from __future__ import annotations

from ..graph import GraphBuilder, Model, Tensor
from ..layers.pooling import AdaptiveAvgPool2d, MaxPool2d
from ..layers.structural import Dropout, Flatten
from ._catalog import TORCHVISION_SOURCE, model

INCEPTIONS = {
    "inception3a": (64, 96, 128, 16, 32, 32), "inception3b": (128, 128, 192, 32, 96, 64),
    "inception4a": (192, 96, 208, 16, 48, 64), "inception4b": (160, 112, 224, 24, 64, 64),
    "inception4c": (128, 128, 256, 24, 64, 64), "inception4d": (112, 144, 288, 32, 64, 64),
    "inception4e": (256, 160, 320, 32, 128, 128), "inception5a": (256, 160, 320, 32, 128, 128),
    "inception5b": (384, 192, 384, 48, 128, 128),
}


def basic_conv(b: GraphBuilder, name: str, x: Tensor, out: int, kernel: int, stride: int = 1,
               padding: int = 0) -> Tensor:
    with b.scope(name):
        return b.conv_bn_act(x, out, kernel, stride, padding=padding, names=("conv", "bn", "relu"))


def inception(b: GraphBuilder, x: Tensor, c1: int, c3r: int, c3: int, c5r: int, c5: int, pool: int) -> Tensor:
    b1 = basic_conv(b, "branch1", x, c1, 1)
    b2 = basic_conv(b, "branch2.1", basic_conv(b, "branch2.0", x, c3r, 1), c3, 3, padding=1)
    b3 = basic_conv(b, "branch3.1", basic_conv(b, "branch3.0", x, c5r, 1), c5, 3, padding=1)
    b4 = basic_conv(b, "branch4.1", b.layer("branch4.0", MaxPool2d(3, 1, 1, ceil_mode=True), x), pool, 1)
    return b.concat("cat", b1, b2, b3, b4)


def googlenet(input_shape: tuple[int, int, int], num_classes: int, name: str = "googlenet") -> Model:
    b = GraphBuilder(name, input_shape, family="googlenet", num_classes=num_classes, description="GoogLeNet")
    b.note("GoogLeNet: auxiliary classifiers (training only) and the input transform are not included.")
    x = basic_conv(b, "conv1", b.input, 64, 7, 2, 3)
    x = b.layer("maxpool1", MaxPool2d(3, 2, ceil_mode=True), x)
    x = basic_conv(b, "conv2", x, 64, 1)
    x = basic_conv(b, "conv3", x, 192, 3, padding=1)
    x = b.layer("maxpool2", MaxPool2d(3, 2, ceil_mode=True), x)
    for block, spec in INCEPTIONS.items():
        if block == "inception4a":
            x = b.layer("maxpool3", MaxPool2d(3, 2, ceil_mode=True), x)
        if block == "inception5a":
            x = b.layer("maxpool4", MaxPool2d(2, 2, ceil_mode=True), x)
        with b.scope(block):
            x = inception(b, x, *spec)
    x = b.layer("avgpool", AdaptiveAvgPool2d(1), x)
    x = b.layer("flatten", Flatten(), x)
    x = b.layer("dropout", Dropout(0.2), x)
    b.linear("fc", x, num_classes)
    return b.build()


model("googlenet", "googlenet", "GoogLeNet (Inception-v1), no auxiliary heads", reference=(6624904, 1498376192),
      source=TORCHVISION_SOURCE)(googlenet)
