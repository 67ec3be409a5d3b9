"""Inception-v3 (Szegedy et al. 2015) as timm defines `inception_v3` (no auxiliary head)."""

from __future__ import annotations

from ..graph import GraphBuilder, Model, Tensor
from ..layers.pooling import AdaptiveAvgPool2d, AvgPool2d, MaxPool2d
from ..layers.structural import Flatten
from ._catalog import TIMM_SOURCE, model


def conv(b: GraphBuilder, name: str, x: Tensor, out: int, kernel: int | tuple[int, int], stride: int = 1,
         padding: int | tuple[int, int] = 0) -> Tensor:
    with b.scope(name):
        x = b.conv("conv", x, out, kernel, stride, padding)
        return b.act("relu", b.bn("bn", x), inplace=True)


def inception_a(b: GraphBuilder, x: Tensor, pool_features: int) -> Tensor:
    a = conv(b, "branch1x1", x, 64, 1)
    c = conv(b, "branch5x5_2", conv(b, "branch5x5_1", x, 48, 1), 64, 5, padding=2)
    d = conv(b, "branch3x3dbl_1", x, 64, 1)
    d = conv(b, "branch3x3dbl_3", conv(b, "branch3x3dbl_2", d, 96, 3, padding=1), 96, 3, padding=1)
    p = conv(b, "branch_pool", b.layer("avg_pool", AvgPool2d(3, 1, 1), x), pool_features, 1)
    return b.concat("cat", a, c, d, p)


def inception_b(b: GraphBuilder, x: Tensor) -> Tensor:
    a = conv(b, "branch3x3", x, 384, 3, 2)
    d = conv(b, "branch3x3dbl_1", x, 64, 1)
    d = conv(b, "branch3x3dbl_3", conv(b, "branch3x3dbl_2", d, 96, 3, padding=1), 96, 3, 2)
    return b.concat("cat", a, d, b.layer("max_pool", MaxPool2d(3, 2), x))


def inception_c(b: GraphBuilder, x: Tensor, c7: int) -> Tensor:
    a = conv(b, "branch1x1", x, 192, 1)
    s = conv(b, "branch7x7_1", x, c7, 1)
    s = conv(b, "branch7x7_2", s, c7, (1, 7), padding=(0, 3))
    s = conv(b, "branch7x7_3", s, 192, (7, 1), padding=(3, 0))
    d = conv(b, "branch7x7dbl_1", x, c7, 1)
    for index, (kernel, pad) in enumerate((((7, 1), (3, 0)), ((1, 7), (0, 3)), ((7, 1), (3, 0))), 2):
        d = conv(b, f"branch7x7dbl_{index}", d, c7, kernel, padding=pad)
    d = conv(b, "branch7x7dbl_5", d, 192, (1, 7), padding=(0, 3))
    p = conv(b, "branch_pool", b.layer("avg_pool", AvgPool2d(3, 1, 1), x), 192, 1)
    return b.concat("cat", a, s, d, p)


def inception_d(b: GraphBuilder, x: Tensor) -> Tensor:
    a = conv(b, "branch3x3_2", conv(b, "branch3x3_1", x, 192, 1), 320, 3, 2)
    s = conv(b, "branch7x7x3_1", x, 192, 1)
    s = conv(b, "branch7x7x3_2", s, 192, (1, 7), padding=(0, 3))
    s = conv(b, "branch7x7x3_3", s, 192, (7, 1), padding=(3, 0))
    s = conv(b, "branch7x7x3_4", s, 192, 3, 2)
    return b.concat("cat", a, s, b.layer("max_pool", MaxPool2d(3, 2), x))


def inception_e(b: GraphBuilder, x: Tensor) -> Tensor:
    a = conv(b, "branch1x1", x, 320, 1)
    s = conv(b, "branch3x3_1", x, 384, 1)
    s = b.concat("cat_3x3", conv(b, "branch3x3_2a", s, 384, (1, 3), padding=(0, 1)),
                 conv(b, "branch3x3_2b", s, 384, (3, 1), padding=(1, 0)))
    d = conv(b, "branch3x3dbl_2", conv(b, "branch3x3dbl_1", x, 448, 1), 384, 3, padding=1)
    d = b.concat("cat_3x3dbl", conv(b, "branch3x3dbl_3a", d, 384, (1, 3), padding=(0, 1)),
                 conv(b, "branch3x3dbl_3b", d, 384, (3, 1), padding=(1, 0)))
    p = conv(b, "branch_pool", b.layer("avg_pool", AvgPool2d(3, 1, 1), x), 192, 1)
    return b.concat("cat", a, s, d, p)


def inception_v3(input_shape: tuple[int, int, int], num_classes: int, name: str = "inception_v3") -> Model:
    b = GraphBuilder(name, input_shape, family="inception", num_classes=num_classes, description="Inception-v3")
    x = conv(b, "Conv2d_1a_3x3", b.input, 32, 3, 2)
    x = conv(b, "Conv2d_2a_3x3", x, 32, 3)
    x = conv(b, "Conv2d_2b_3x3", x, 64, 3, padding=1)
    x = b.layer("Pool1", MaxPool2d(3, 2), x)
    x = conv(b, "Conv2d_3b_1x1", x, 80, 1)
    x = conv(b, "Conv2d_4a_3x3", x, 192, 3)
    x = b.layer("Pool2", MaxPool2d(3, 2), x)
    for block, build in (("Mixed_5b", lambda y: inception_a(b, y, 32)), ("Mixed_5c", lambda y: inception_a(b, y, 64)),
                         ("Mixed_5d", lambda y: inception_a(b, y, 64)), ("Mixed_6a", lambda y: inception_b(b, y)),
                         ("Mixed_6b", lambda y: inception_c(b, y, 128)), ("Mixed_6c", lambda y: inception_c(b, y, 160)),
                         ("Mixed_6d", lambda y: inception_c(b, y, 160)), ("Mixed_6e", lambda y: inception_c(b, y, 192)),
                         ("Mixed_7a", lambda y: inception_d(b, y)), ("Mixed_7b", lambda y: inception_e(b, y)),
                         ("Mixed_7c", lambda y: inception_e(b, y))):
        with b.scope(block):
            x = build(x)
    x = b.layer("global_pool.pool", AdaptiveAvgPool2d(1), x)
    x = b.layer("global_pool.flatten", Flatten(), x)
    b.linear("fc", x, num_classes)
    return b.build()


model("inception_v3", "inception", "Inception-v3, factorised 7x7 and 3x3 branches", default_input=(3, 299, 299),
      reference=(23834568, 5713216096), source=TIMM_SOURCE)(inception_v3)
