"""SSD300 with a VGG-16 backbone (Liu et al. 2016) as torchvision's ssd300_vgg16 builds it: VGG-16
convolutions with pool3 in ceil mode, conv4_3 L2-normalised with a learned scale, pool5 3x3 s1,
dilated fc6 and 1x1 fc7 as convolutions, four extra blocks, and per-level 3x3 heads with
4/6/6/6/4/4 default boxes for 91 classes (incl. background).

Counting convention: params are every nn.Parameter as torchvision's `num_params` counts them
(35,641,826); with pretrained weights the first VGG stage (conv1_1, conv1_2: 38,720) is frozen
(trainable_backbone_layers=4), FrozenConv2d here. VGG layers are named as in the paper
(`backbone.features.conv4_3`) rather than by torchvision's sequence index. MACs at 3x300x300 (the SSD transform's fixed
size) reproduce torchvision's `_ops` (34.858 GMACs). Not counted: default-box decoding and NMS.
"""

from __future__ import annotations

from ..graph import GraphBuilder, Model, Tensor
from ..layers.conv import Conv2d
from ..layers.detection import FrozenConv2d, L2Norm
from ..layers.pooling import MaxPool2d
from ..layers.structural import Opaque
from ._catalog import model

VGG16 = (64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512)  # 0: max pool
EXTRAS = ((256, 512, 2, 1), (128, 256, 2, 1), (128, 256, 1, 0), (128, 256, 1, 0))  # 1x1, 3x3 out, stride, pad
BOXES = (4, 6, 6, 6, 4, 4)


def ssd300_vgg16(input_shape: tuple[int, int, int], num_classes: int, name: str = "ssd300_vgg16",
                 frozen_convs: int = 2, detections: int = 200) -> Model:
    b = GraphBuilder(name, input_shape, family="ssd", num_classes=num_classes,
                     description=f"SSD300 VGG-16, {num_classes} classes")
    b.note("conv1_1 and conv1_2 are frozen with pretrained weights (trainable_backbone_layers=4): "
           "FrozenConv2d, left out of trainable_params.")
    b.note("The input is the image after the SSD transform (resized to 300x300); default-box decoding "
           "and NMS are not counted.")
    x = b.input
    stage, position, convs = 1, 1, 0
    sources: list[Tensor] = []
    for value in VGG16:
        # VGG layers carry their paper names (conv4_3), which are unique as name prefixes too.
        prefix = "backbone.features." if stage <= 4 else "backbone.extra.0."
        if value == 0:
            if stage == 4:  # conv4_3, L2-normalised, is the first detection source
                sources.append(b.layer("backbone.scale_weight", L2Norm(x.channels), x))
            x = b.layer(f"{prefix}pool{stage}", MaxPool2d(2, 2, 0, ceil_mode=stage == 3), x)
            stage, position = stage + 1, 1
            continue
        kind = FrozenConv2d if convs < frozen_convs else Conv2d
        x = b.layer(f"{prefix}conv{stage}_{position}", kind(x.channels, value, 3, 1, 1, 1, 1, True), x)
        x = b.act(f"{prefix}relu{stage}_{position}", x, inplace=True)
        convs += 1
        position += 1
    with b.scope("backbone.extra.0.fc"):
        x = b.layer("0", MaxPool2d(3, 1, 1), x)
        x = b.act("2", b.conv("1", x, 1024, 3, 1, 6, 6, bias=True), inplace=True)
        x = b.act("4", b.conv("3", x, 1024, 1, bias=True), inplace=True)
    sources.append(x)
    for index, (reduce, out, stride, padding) in enumerate(EXTRAS, 1):
        with b.scope(f"backbone.extra.{index}"):
            x = b.act("1", b.conv("0", x, reduce, 1, bias=True), inplace=True)
            x = b.act("3", b.conv("2", x, out, 3, stride, padding, bias=True), inplace=True)
        sources.append(x)
    outputs = []
    for level, (feature, boxes) in enumerate(zip(sources, BOXES, strict=True)):
        outputs.append(b.conv(f"head.classification_head.module_list.{level}", feature, boxes * num_classes, 3,
                              bias=True))
        outputs.append(b.conv(f"head.regression_head.module_list.{level}", feature, boxes * 4, 3, bias=True))
    result = b.layer("postprocess_detections", Opaque("box decoding, NMS", (detections, 6)), outputs[0])
    b.output(result, *outputs[1:])
    return b.build()


model("ssd300_vgg16", "ssd", "SSD300 VGG-16 (6 levels, 8732 boxes); counted at 3x300x300, conv1 stage frozen",
      (3, 300, 300), 91, reference=(35_641_826, 34_858_000_000),
      source="torchvision 0.20.1 weights metadata (num_params exact; _ops in GMACs at 3x300x300)",
      frozen_convs=2, detections=200)(ssd300_vgg16)
