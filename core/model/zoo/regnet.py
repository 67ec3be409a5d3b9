"""RegNetY (Radosavovic et al. 2020) as timm defines regnety_040 etc.: stage widths and depths come
from the quantised linear rule w_j = w0 + wa*j, snapped to powers of wm; Y = with squeeze-excitation."""

from __future__ import annotations

import math

from ..graph import GraphBuilder, Model, Tensor
from ..layers.pooling import AdaptiveAvgPool2d
from ..layers.squeeze_excite import SqueezeExcite
from ..layers.structural import Flatten
from ._catalog import model


def stage_plan(w0: int, wa: float, wm: float, depth: int, group_size: int, quant: int = 8
               ) -> list[tuple[int, int, int]]:
    """(width, depth, group size) per stage from the RegNet design-space parameters."""
    widths = []
    for j in range(depth):
        exponent = round(math.log((j * wa + w0) / w0) / math.log(wm))
        widths.append(int(round(w0 * wm**exponent / quant) * quant))
    stages: list[list[int]] = []
    for width in widths:
        if stages and stages[-1][0] == width:
            stages[-1][1] += 1
        else:
            stages.append([width, 1])
    plan = []
    for width, count in stages:
        groups = min(group_size, width)
        plan.append((int(round(width / groups) * groups), count, groups))
    return plan


def bottleneck(b: GraphBuilder, x: Tensor, out: int, stride: int, group_size: int, se_ratio: float) -> Tensor:
    shortcut = x
    y = b.conv_bn_act(x, out, 1, names=("conv1.conv", "conv1.bn", "conv1.bn.act"))
    y = b.conv_bn_act(y, out, 3, stride, groups=out // group_size, names=("conv2.conv", "conv2.bn", "conv2.bn.act"))
    if se_ratio:
        y = b.layer("se", SqueezeExcite(out, int(round(x.channels * se_ratio)), "ReLU", "Sigmoid"), y)
    y = b.conv_bn_act(y, out, 1, act=None, names=("conv3.conv", "conv3.bn", ""))
    if x.channels != out or stride != 1:
        shortcut = b.conv_bn_act(x, out, 1, stride, act=None, names=("downsample.conv", "downsample.bn", ""))
    return b.act("act3", b.add("add", y, shortcut), inplace=True)


def regnet(input_shape: tuple[int, int, int], num_classes: int, name: str = "regnet", w0: int = 96,
           wa: float = 31.41, wm: float = 2.24, depth: int = 22, group_size: int = 64, se_ratio: float = 0.25,
           stem_width: int = 32) -> Model:
    b = GraphBuilder(name, input_shape, family="regnet", num_classes=num_classes,
                     description=f"RegNet{'Y' if se_ratio else 'X'}, w0={w0}, wa={wa}, wm={wm}, depth {depth}")
    x = b.conv_bn_act(b.input, stem_width, 3, 2, names=("stem.conv", "stem.bn", "stem.bn.act"))
    for stage, (width, count, groups) in enumerate(stage_plan(w0, wa, wm, depth, group_size)):
        for index in range(count):
            with b.scope(f"s{stage + 1}.b{index + 1}"):
                x = bottleneck(b, x, width, 2 if index == 0 else 1, groups, se_ratio)
    x = b.layer("head.global_pool.pool", AdaptiveAvgPool2d(1), x)
    x = b.layer("head.global_pool.flatten", Flatten(), x)
    b.linear("head.fc", x, num_classes)
    return b.build()


model("regnety_040", "regnet", "RegNetY-4GF (torchvision regnet_y_4gf)", reference=(20646656, None),
      source="torchvision 0.20.1 weights metadata num_params (MACs published rounded: 4.0 G)", w0=96, wa=31.41, wm=2.24, depth=22,
      group_size=64, se_ratio=0.25, stem_width=32)(regnet)
model("regnety_016", "regnet", "RegNetY-1.6GF", w0=48, wa=20.71, wm=2.65, depth=27, group_size=24,
      se_ratio=0.25, stem_width=32)(regnet)
