"""EfficientNet B0-B4 (Tan & Le 2019) as timm defines efficientnet_b0..b4: compound scaling of width
(channel multiplier), depth (repeats, rounded up) and resolution (the default input)."""

from __future__ import annotations

import math

from ..graph import GraphBuilder, Model
from ..layers.pooling import AdaptiveAvgPool2d
from ..layers.structural import Dropout, Flatten
from ._catalog import TIMM_SOURCE, model
from ._efficient import bn_act, ds_block, ir_block, make_divisible

# (expansion, kernel, stride, channels, repeats) per stage; every block has SE 0.25 of its input
STAGES = ((1, 3, 1, 16, 1), (6, 3, 2, 24, 2), (6, 5, 2, 40, 2), (6, 3, 2, 80, 3), (6, 5, 1, 112, 3),
          (6, 5, 2, 192, 4), (6, 3, 1, 320, 1))

# name: (width multiplier, depth multiplier, resolution, dropout, reference (params, MACs) at that resolution)
VARIANTS = {
    "efficientnet_b0": (1.0, 1.0, 224, 0.2, (5288548, 385814752)),
    "efficientnet_b1": (1.0, 1.1, 240, 0.2, None),
    "efficientnet_b2": (1.1, 1.2, 260, 0.3, None),
    "efficientnet_b3": (1.2, 1.4, 300, 0.3, (12233232, 1827141392)),
    "efficientnet_b4": (1.4, 1.8, 380, 0.4, (19341616, 4393771024)),
}


def efficientnet(input_shape: tuple[int, int, int], num_classes: int, name: str = "efficientnet",
                 width: float = 1.0, depth: float = 1.0) -> Model:
    b = GraphBuilder(name, input_shape, family="efficientnet", num_classes=num_classes,
                     description=f"EfficientNet, width x{width:g}, depth x{depth:g}")
    act = "SiLU"
    x = bn_act(b, "bn1", b.conv("conv_stem", b.input, make_divisible(32 * width), 3, 2), act)
    for stage, (e, k, s, c, n) in enumerate(STAGES):
        out = make_divisible(c * width)
        for index in range(math.ceil(n * depth)):
            stride = s if index == 0 else 1
            se = (round(x.channels * 0.25), act, "Sigmoid")
            with b.scope(f"blocks.{stage}.{index}"):
                if e == 1:
                    x = ds_block(b, x, out, k, stride, act, se)
                else:
                    x = ir_block(b, x, make_divisible(x.channels * e), out, k, stride, act, se)
    x = bn_act(b, "bn2", b.conv("conv_head", x, make_divisible(1280 * width), 1), act)
    x = b.layer("global_pool.pool", AdaptiveAvgPool2d(1), x)
    x = b.layer("global_pool.flatten", Flatten(), x)
    x = b.layer("dropout", Dropout(0.2), x)
    b.linear("classifier", x, num_classes)
    return b.build()


for _name, (_width, _depth, _size, _drop, _ref) in VARIANTS.items():
    model(_name, "efficientnet", f"EfficientNet-{_name[-2:].upper()}, width x{_width:g}, depth x{_depth:g}",
          default_input=(3, _size, _size), reference=_ref, source=TIMM_SOURCE if _ref else "",
          width=_width, depth=_depth)(efficientnet)
