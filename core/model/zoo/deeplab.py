"""DeepLabV3 (Chen et al. 2017) as torchvision's deeplabv3_resnet50/101 builds it: a ResNet with
layer3 and layer4 dilated instead of strided (output stride 8, BatchNorm2d), an ASPP head (1x1,
three 3x3 convs at rates 12/24/36, image pooling; 256 channels), a 3x3 conv and a 1x1 classifier,
bilinear upsampling to the input size, and the auxiliary FCN head on layer3.

Counting convention: torchvision's COCO_WITH_VOC_LABELS_V1 weights include the auxiliary classifier,
and so does its published `num_params` (42,004,074 for R50 with 21 classes): `aux=True` (default)
counts it, as a training-time model; `aux=False` gives the inference model (R50: 39,638,869).
MACs at 3x520x520 (the transform's resize size) match torchvision's `_ops` (178.722 GMACs for R50,
aux included). Bilinear upsampling is other ops, not MACs.
"""

from __future__ import annotations

from ..graph import GraphBuilder, Model, Tensor
from ..layers.pooling import AdaptiveAvgPool2d
from ..layers.resize import Upsample
from ..layers.structural import Dropout
from ._backbones import DEPTHS, ResNetBody
from ._catalog import model

SOURCE = "torchvision 0.20.1 weights metadata (num_params exact incl. aux classifier; _ops in GMACs at 3x520x520)"


def _conv_bn_relu(b: GraphBuilder, prefix: str, x: Tensor, out: int, kernel: int, dilation: int = 1) -> Tensor:
    return b.conv_bn_act(x, out, kernel, padding=kernel // 2 * dilation, dilation=dilation,
                         names=(f"{prefix}.0", f"{prefix}.1", f"{prefix}.2"))


def aspp(b: GraphBuilder, x: Tensor, rates: tuple[int, ...] = (12, 24, 36), width: int = 256) -> Tensor:
    branches = [_conv_bn_relu(b, "convs.0", x, width, 1)]
    for i, rate in enumerate(rates, 1):
        branches.append(_conv_bn_relu(b, f"convs.{i}", x, width, 3, rate))
    pooled = b.layer(f"convs.{len(rates) + 1}.0", AdaptiveAvgPool2d(1), x)
    pooled = b.conv_bn_act(pooled, width, 1, names=tuple(f"convs.{len(rates) + 1}.{i}" for i in (1, 2, 3)))
    branches.append(b.layer("pool_upsample", Upsample(None, x.shape[1:], "bilinear"), pooled))
    y = _conv_bn_relu(b, "project", b.concat("cat", *branches), width, 1)
    return b.layer("project.3", Dropout(0.5), y)


def deeplabv3(input_shape: tuple[int, int, int], num_classes: int, name: str = "deeplabv3", depth: int = 50,
              aux: bool = True, rates: tuple[int, ...] = (12, 24, 36)) -> Model:
    if depth not in DEPTHS:
        raise ValueError(f"depth {depth} is not one of {sorted(DEPTHS)}")
    if not isinstance(rates, tuple | list) or not rates:
        raise ValueError(f"rates {rates!r} is not a list of dilation rates")
    b = GraphBuilder(name, input_shape, family="deeplab", num_classes=num_classes,
                     description=f"DeepLabV3 ResNet-{depth}, ASPP {tuple(rates)}, {num_classes} classes"
                                 + (", aux head" if aux else ""))
    if aux:
        b.note("Includes the auxiliary FCN head on layer3 (used in training only), as torchvision's "
               "published num_params and _ops do; aux=False gives the inference model.")
    with b.scope("backbone"):
        features = ResNetBody(b).build(b.input, DEPTHS[depth], (False, True, True))
    size = input_shape[1:]
    with b.scope("classifier"):
        with b.scope("0"):
            x = aspp(b, features[-1], tuple(rates))
        x = b.conv_bn_act(x, 256, 3, names=("1", "2", "3"))
        x = b.conv("4", x, num_classes, 1, bias=True)
    outputs = [b.layer("upsample", Upsample(None, size, "bilinear"), x)]
    if aux:
        with b.scope("aux_classifier"):
            y = b.conv_bn_act(features[2], features[2].channels // 4, 3, names=("0", "1", "2"))
            y = b.conv("4", b.layer("3", Dropout(0.1), y), num_classes, 1, bias=True)
        outputs.append(b.layer("aux_upsample", Upsample(None, size, "bilinear"), y))
    b.output(*outputs)
    return b.build()


for _depth, _ref in ((50, (42_004_074, 178_722_000_000)), (101, (60_996_202, 258_743_000_000))):
    model(f"deeplabv3_resnet{_depth}", "deeplab", f"DeepLabV3 ResNet-{_depth} (output stride 8) with aux head; "
          "counted at 3x520x520", (3, 520, 520), 21, reference=_ref, source=SOURCE, depth=_depth, aux=True,
          rates=(12, 24, 36))(deeplabv3)
