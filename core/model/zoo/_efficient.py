"""Blocks shared by timm's EfficientNet-style families (MobileNetV2/V3, EfficientNet), named as timm
names them: depthwise-separable (`ds`), inverted residual (`ir`) and conv-bn-act (`cn`) blocks."""

from __future__ import annotations

from ..graph import GraphBuilder, Tensor
from ..layers.squeeze_excite import SqueezeExcite


def make_divisible(value: float, divisor: int = 8, min_value: int | None = None, round_limit: float = 0.9) -> int:
    """timm/TF channel rounding: nearest multiple of `divisor`, never more than 10 % below `value`."""
    min_value = min_value or divisor
    rounded = max(min_value, int(value + divisor / 2) // divisor * divisor)
    if rounded < round_limit * value:
        rounded += divisor
    return rounded


def bn_act(b: GraphBuilder, name: str, x: Tensor, act: str | None) -> Tensor:
    """timm's BatchNormAct2d: the activation lives inside the norm module (`bn1.act`)."""
    x = b.bn(name, x)
    return b.act(f"{name}.act", x, act, inplace=True) if act else x


def se_layer(b: GraphBuilder, x: Tensor, reduced: int, act: str, gate: str) -> Tensor:
    return b.layer("se", SqueezeExcite(x.channels, reduced, act, gate), x)


def ds_block(b: GraphBuilder, x: Tensor, out: int, kernel: int, stride: int, act: str,
             se: tuple[int, str, str] | None = None, skip: bool = True) -> Tensor:
    """Depthwise 3x3 (+SE) then pointwise projection; residual when shapes allow."""
    shortcut = x
    y = b.conv("conv_dw", x, x.channels, kernel, stride, groups=x.channels)
    y = bn_act(b, "bn1", y, act)
    if se:
        y = se_layer(b, y, *se)
    y = b.conv("conv_pw", y, out, 1)
    y = bn_act(b, "bn2", y, None)
    if skip and stride == 1 and shortcut.channels == out:
        y = b.add("add", y, shortcut)
    return y


def ir_block(b: GraphBuilder, x: Tensor, mid: int, out: int, kernel: int, stride: int, act: str,
             se: tuple[int, str, str] | None = None) -> Tensor:
    """Inverted residual: 1x1 expand, depthwise kxk (+SE), 1x1 linear projection, residual."""
    shortcut = x
    y = bn_act(b, "bn1", b.conv("conv_pw", x, mid, 1), act)
    y = bn_act(b, "bn2", b.conv("conv_dw", y, mid, kernel, stride, groups=mid), act)
    if se:
        y = se_layer(b, y, *se)
    y = bn_act(b, "bn3", b.conv("conv_pwl", y, out, 1), None)
    if stride == 1 and shortcut.channels == out:
        y = b.add("add", y, shortcut)
    return y
