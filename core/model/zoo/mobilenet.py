"""MobileNetV2 (Sandler et al. 2018) and MobileNetV3 large/small (Howard et al. 2019) as timm defines
mobilenetv2_100, mobilenetv3_large_100 and mobilenetv3_small_100. `width` scales the channels."""

from __future__ import annotations

from ..graph import GraphBuilder, Model
from ..layers.pooling import AdaptiveAvgPool2d
from ..layers.structural import Flatten
from ._catalog import TIMM_SOURCE, model
from ._efficient import bn_act, ds_block, ir_block, make_divisible

# (expansion, channels, repeats, stride) per stage
V2_STAGES = ((1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2),
             (6, 320, 1, 1))

# (block type, kernel, stride, expansion, channels, squeeze-excite, activation) per block, per stage
V3_LARGE = (
    (("ds", 3, 1, 1, 16, False, "ReLU"),),
    (("ir", 3, 2, 4, 24, False, "ReLU"), ("ir", 3, 1, 3, 24, False, "ReLU")),
    (("ir", 5, 2, 3, 40, True, "ReLU"),) + (("ir", 5, 1, 3, 40, True, "ReLU"),) * 2,
    (("ir", 3, 2, 6, 80, False, "Hardswish"), ("ir", 3, 1, 2.5, 80, False, "Hardswish"))
    + (("ir", 3, 1, 2.3, 80, False, "Hardswish"),) * 2,
    (("ir", 3, 1, 6, 112, True, "Hardswish"),) * 2,
    (("ir", 5, 2, 6, 160, True, "Hardswish"),) + (("ir", 5, 1, 6, 160, True, "Hardswish"),) * 2,
    (("cn", 1, 1, 1, 960, False, "Hardswish"),),
)
V3_SMALL = (
    (("ds", 3, 2, 1, 16, True, "ReLU"),),
    (("ir", 3, 2, 4.5, 24, False, "ReLU"), ("ir", 3, 1, 3.67, 24, False, "ReLU")),
    (("ir", 5, 2, 4, 40, True, "Hardswish"),) + (("ir", 5, 1, 6, 40, True, "Hardswish"),) * 2,
    (("ir", 5, 1, 3, 48, True, "Hardswish"),) * 2,
    (("ir", 5, 2, 6, 96, True, "Hardswish"),) + (("ir", 5, 1, 6, 96, True, "Hardswish"),) * 2,
    (("cn", 1, 1, 1, 576, False, "Hardswish"),),
)


def mobilenetv2(input_shape: tuple[int, int, int], num_classes: int, name: str = "mobilenetv2",
                width: float = 1.0) -> Model:
    b = GraphBuilder(name, input_shape, family="mobilenet", num_classes=num_classes,
                     description=f"MobileNetV2 x{width:g}")
    x = bn_act(b, "bn1", b.conv("conv_stem", b.input, make_divisible(32 * width), 3, 2), "ReLU6")
    for stage, (t, c, n, s) in enumerate(V2_STAGES):
        out = make_divisible(c * width)
        for index in range(n):
            with b.scope(f"blocks.{stage}.{index}"):
                stride = s if index == 0 else 1
                if t == 1:
                    x = ds_block(b, x, out, 3, stride, "ReLU6")
                else:
                    x = ir_block(b, x, make_divisible(x.channels * t), out, 3, stride, "ReLU6")
    x = bn_act(b, "bn2", b.conv("conv_head", x, max(1280, make_divisible(1280 * width)), 1), "ReLU6")
    x = b.layer("global_pool.pool", AdaptiveAvgPool2d(1), x)
    x = b.layer("global_pool.flatten", Flatten(), x)
    b.linear("classifier", x, num_classes)
    return b.build()


def mobilenetv3(input_shape: tuple[int, int, int], num_classes: int, name: str = "mobilenetv3",
                width: float = 1.0, size: str = "large") -> Model:
    plan, head = (V3_LARGE, 1280) if size == "large" else (V3_SMALL, 1024)
    b = GraphBuilder(name, input_shape, family="mobilenet", num_classes=num_classes,
                     description=f"MobileNetV3-{size.capitalize()} x{width:g}")
    x = bn_act(b, "bn1", b.conv("conv_stem", b.input, make_divisible(16 * width), 3, 2), "Hardswish")
    for stage, blocks in enumerate(plan):
        for index, (kind, k, s, e, c, se, act) in enumerate(blocks):
            out = make_divisible(c * width)
            with b.scope(f"blocks.{stage}.{index}"):
                if kind == "ds":
                    se_spec = (make_divisible(x.channels * 0.25), "ReLU", "Hardsigmoid") if se else None
                    x = ds_block(b, x, out, k, s, act, se_spec)
                elif kind == "ir":
                    mid = make_divisible(x.channels * e)
                    se_spec = (make_divisible(mid * 0.25), "ReLU", "Hardsigmoid") if se else None
                    x = ir_block(b, x, mid, out, k, s, act, se_spec)
                else:
                    x = bn_act(b, "bn1", b.conv("conv", x, out, k, s), act)
    x = b.layer("global_pool.pool", AdaptiveAvgPool2d(1), x)
    x = b.act("act2", b.conv("conv_head", x, head, 1, bias=True), "Hardswish", inplace=True)
    x = b.layer("flatten", Flatten(), x)
    b.linear("classifier", x, num_classes)
    return b.build()


model("mobilenetv2_100", "mobilenet", "MobileNetV2 1.0, inverted residuals", reference=(3504872, 300774272),
      source=TIMM_SOURCE, width=1.0)(mobilenetv2)
model("mobilenetv3_large_100", "mobilenet", "MobileNetV3-Large 1.0, SE + hard-swish",
      reference=(5483032, 216589760), source=TIMM_SOURCE, width=1.0, size="large")(mobilenetv3)
model("mobilenetv3_small_100", "mobilenet", "MobileNetV3-Small 1.0, SE + hard-swish",
      reference=(2542856, 56510400), source=TIMM_SOURCE, width=1.0, size="small")(mobilenetv3)
