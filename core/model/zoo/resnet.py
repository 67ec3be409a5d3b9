"""ResNet family (He et al. 2015) as timm builds it: resnet18-152, ResNeXt, SE-ResNeXt, Wide ResNet.

Family parameters: `depths` (blocks per stage), `block` ("basic" or "bottleneck"),
`cardinality` (groups of the 3x3 conv), `base_width` (width per group at 64 planes) and
`se_reduction` (squeeze-excitation on each bottleneck's output, channels / reduction; 0 = none).
"""

from __future__ import annotations

from ..graph import GraphBuilder, Model, Tensor
from ..layers.pooling import AdaptiveAvgPool2d, MaxPool2d
from ..layers.squeeze_excite import SqueezeExcite
from ..layers.structural import Flatten
from ._catalog import TIMM_SOURCE, model


def basic_block(b: GraphBuilder, x: Tensor, planes: int, stride: int) -> Tensor:
    shortcut = x
    y = b.conv_bn_act(x, planes, 3, stride, names=("conv1", "bn1", "act1"))
    y = b.conv_bn_act(y, planes, 3, 1, act=None, names=("conv2", "bn2", ""))
    if stride != 1 or x.channels != planes:
        shortcut = b.conv_bn_act(x, planes, 1, stride, act=None, names=("downsample.0", "downsample.1", ""))
    y = b.add("add", y, shortcut)
    return b.act("act2", y, "ReLU", inplace=True)


def bottleneck(b: GraphBuilder, x: Tensor, planes: int, stride: int, cardinality: int, base_width: int,
               se_reduction: int = 0) -> Tensor:
    width = int(planes * (base_width / 64.0)) * cardinality
    out = planes * 4
    shortcut = x
    y = b.conv_bn_act(x, width, 1, 1, names=("conv1", "bn1", "act1"))
    y = b.conv_bn_act(y, width, 3, stride, groups=cardinality, names=("conv2", "bn2", "act2"))
    y = b.conv_bn_act(y, out, 1, 1, act=None, names=("conv3", "bn3", ""))
    if se_reduction:
        y = b.layer("se_module", SqueezeExcite(out, out // se_reduction, "ReLU", "Sigmoid"), y)
    if stride != 1 or x.channels != out:
        shortcut = b.conv_bn_act(x, out, 1, stride, act=None, names=("downsample.0", "downsample.1", ""))
    y = b.add("add", y, shortcut)
    return b.act("act3", y, "ReLU", inplace=True)


def resnet(input_shape: tuple[int, int, int], num_classes: int, name: str = "resnet",
           depths: tuple[int, ...] = (2, 2, 2, 2), block: str = "basic", cardinality: int = 1,
           base_width: int = 64, stem_width: int = 64, se_reduction: int = 0) -> Model:
    b = GraphBuilder(name, input_shape, family="resnet", num_classes=num_classes,
                     description=f"ResNet, {block} blocks {tuple(depths)}")
    x = b.conv_bn_act(b.input, stem_width, 7, 2, padding=3, names=("conv1", "bn1", "act1"))
    x = b.layer("maxpool", MaxPool2d(3, 2, 1), x)
    for stage, depth in enumerate(depths):
        planes = 64 * 2**stage
        for index in range(depth):
            stride = 2 if stage > 0 and index == 0 else 1
            with b.scope(f"layer{stage + 1}.{index}"):
                if block == "basic":
                    x = basic_block(b, x, planes, stride)
                else:
                    x = bottleneck(b, x, planes, stride, cardinality, base_width, se_reduction)
    x = b.layer("global_pool.pool", AdaptiveAvgPool2d(1), x)
    x = b.layer("global_pool.flatten", Flatten(), x)
    b.linear("fc", x, num_classes)
    return b.build()


_VARIANTS = {
    "resnet18": ((2, 2, 2, 2), "basic", 1, 64, (11689512, 1814073344)),
    "resnet34": ((3, 4, 6, 3), "basic", 1, 64, None),
    "resnet50": ((3, 4, 6, 3), "bottleneck", 1, 64, (25557032, 4089184256)),
    "resnet101": ((3, 4, 23, 3), "bottleneck", 1, 64, (44549160, 7801405440)),
    "resnet152": ((3, 8, 36, 3), "bottleneck", 1, 64, (60192808, 11513626624)),
    "resnext50_32x4d": ((3, 4, 6, 3), "bottleneck", 32, 4, (25028904, 4230479872)),
    "wide_resnet50_2": ((3, 4, 6, 3), "bottleneck", 1, 128, (68883240, 11398021120)),
}

for _name, (_depths, _block, _card, _width, _ref) in _VARIANTS.items():
    model(_name, "resnet", f"ResNet {_block} blocks {_depths}" + (f", {_card} groups" if _card > 1 else "")
          + (f", base width {_width}" if _width != 64 else ""), reference=_ref, source=TIMM_SOURCE if _ref else "",
          depths=_depths, block=_block, cardinality=_card, base_width=_width, stem_width=64)(resnet)

# the NVIDIA DeepLearningExamples classification models (their throughput tables calibrate the estimator)
model("resnext101_32x4d", "resnet", "ResNeXt-101 32x4d, bottleneck blocks (3, 4, 23, 3), 32 groups, base width 4",
      depths=(3, 4, 23, 3), block="bottleneck", cardinality=32, base_width=4, stem_width=64)(resnet)
model("seresnext101_32x4d", "resnet", "SE-ResNeXt-101 32x4d: ResNeXt-101 32x4d with squeeze-excitation "
      "(reduction 16) on every bottleneck", depths=(3, 4, 23, 3), block="bottleneck", cardinality=32, base_width=4,
      stem_width=64, se_reduction=16)(resnet)
