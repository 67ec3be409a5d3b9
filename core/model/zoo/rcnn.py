"""torchvision's FPN detectors on a ResNet-50 body: Faster R-CNN (fasterrcnn_resnet50_fpn) and
RetinaNet (retinanet_resnet50_fpn), COCO_V1 weights layout (91 classes incl. background).

Counting convention: params are every nn.Parameter as torchvision's `num_params` counts them
(41,755,286 and 34,014,999): FrozenBatchNorm2d affine terms are buffers, and conv1 + layer1 are
frozen (trainable_backbone_layers=3), FrozenConv2d here. MACs are counted for the image after
GeneralizedRCNNTransform (min side 800, max 1333, padded to a multiple of 32): torchvision's `_ops`
(134.38 and 151.54 GMACs) are reproduced at 3x800x800, the default here; a 4:3 photo becomes
3x800x1088. Faster R-CNN's box head runs once per proposal: `proposals` (1000 at inference,
torchvision's rpn post_nms_top_n_test) sets that cost. Heads shared across pyramid levels run on
every level: the first application holds the weights, the others are SharedConv2d (MACs only).
Not counted (listed in the report's notes): anchor generation, proposal filtering and NMS, box
decoding and postprocessing, and the transform's resize and normalisation.
"""

from __future__ import annotations

from ..graph import GraphBuilder, Model, Tensor
from ..layers.detection import RoIAlign, SharedConv2d
from ..layers.pooling import MaxPool2d
from ..layers.resize import Upsample
from ..layers.structural import Opaque
from ._backbones import DEPTHS, ResNetBody
from ._catalog import model

SOURCE = "torchvision 0.20.1 weights metadata (num_params exact; _ops in GMACs at 3x800x800)"


def fpn(b: GraphBuilder, features: list[Tensor], width: int = 256) -> list[Tensor]:
    """torchvision FeaturePyramidNetwork: 1x1 laterals, nearest top-down sums, 3x3 outputs."""
    inner = [b.conv(f"inner_blocks.{i}.0", x, width, 1, bias=True) for i, x in enumerate(features)]
    last = inner[-1]
    results = [b.conv(f"layer_blocks.{len(features) - 1}.0", last, width, 3, bias=True)]
    for i in range(len(features) - 2, -1, -1):
        lateral = inner[i]
        top_down = b.layer(f"top_down.{i}", Upsample(None, lateral.shape[1:], "nearest"), last)
        last = b.add(f"merge.{i}", lateral, top_down)
        results.insert(0, b.conv(f"layer_blocks.{i}.0", last, width, 3, bias=True))
    return results


def shared_conv(b: GraphBuilder, name: str, levels: list[Tensor], out: int, kernel: int) -> list[Tensor]:
    """One conv applied to every pyramid level with the same weights: the first application holds
    the parameters, the others (named `name[i]`) count their MACs only."""
    first = b.conv(name, levels[0], out, kernel, bias=True)
    rest = [b.layer(f"{name}[{i}]", SharedConv2d(x.channels, out, kernel, 1, kernel // 2, 1, 1, True), x)
            for i, x in enumerate(levels[1:], 1)]
    return [first, *rest]


def shared_relu(b: GraphBuilder, name: str, levels: list[Tensor]) -> list[Tensor]:
    return [b.act(name if i == 0 else f"{name}[{i}]", x, inplace=True) for i, x in enumerate(levels)]


def _body(b: GraphBuilder, depth: int) -> list[Tensor]:
    if depth not in DEPTHS:
        raise ValueError(f"depth {depth} is not one of {sorted(DEPTHS)}")
    b.note("The input is the image after GeneralizedRCNNTransform (min side 800, max 1333, padded to a "
           "multiple of 32); the resize and normalisation are not counted.")
    b.note("conv1 and layer1 are frozen (FrozenConv2d, trainable_backbone_layers=3) and left out of "
           "trainable_params. FrozenBN terms are buffers.")
    with b.scope("backbone.body"):
        return ResNetBody(b, frozen_bn=True, frozen_layers=2).build(b.input, DEPTHS[depth])


def faster_rcnn(input_shape: tuple[int, int, int], num_classes: int, name: str = "fasterrcnn", depth: int = 50,
                proposals: int = 1000, anchors: int = 3, representation: int = 1024,
                detections: int = 100) -> Model:
    b = GraphBuilder(name, input_shape, family="rcnn", num_classes=num_classes,
                     description=f"Faster R-CNN ResNet-{depth}-FPN, {proposals} proposals, {num_classes} classes")
    b.note(f"The box head runs on {proposals} proposals (torchvision keeps 1000 after NMS at inference, "
           "2000 RPN proposals and 512 sampled RoIs in training). Anchor generation, proposal filtering "
           "and NMS, box decoding and the final NMS are not counted.")
    features = _body(b, depth)
    with b.scope("backbone.fpn"):
        pyramid = fpn(b, features)
        pool = b.layer("extra_blocks.pool", MaxPool2d(1, 2, 0), pyramid[-1])
    with b.scope("rpn.head"):
        x = shared_relu(b, "conv.0.1", shared_conv(b, "conv.0.0", pyramid + [pool], 256, 3))
        objectness = shared_conv(b, "cls_logits", x, anchors, 1)
        deltas = shared_conv(b, "bbox_pred", x, 4 * anchors, 1)
    boxes = b.layer("rpn.filter_proposals", Opaque("anchors, top-k, NMS", (proposals, 4)), objectness[-1])
    with b.scope("roi_heads"):
        x = b.layer("box_roi_pool", RoIAlign(proposals, 7, 2), *pyramid, boxes)
        x = b.act("box_head.relu6", b.linear("box_head.fc6", x, representation), inplace=True)
        x = b.act("box_head.relu7", b.linear("box_head.fc7", x, representation), inplace=True)
        scores = b.linear("box_predictor.cls_score", x, num_classes)
        regression = b.linear("box_predictor.bbox_pred", x, 4 * num_classes)
        result = b.layer("postprocess_detections", Opaque("box decoding, NMS", (detections, 6)), scores)
    b.output(result, regression, *deltas)
    return b.build()


def _tower(b: GraphBuilder, levels: list[Tensor], outputs: int, last: str, convs: int = 4) -> list[Tensor]:
    for i in range(convs):
        levels = shared_relu(b, f"conv.{i}.1", shared_conv(b, f"conv.{i}.0", levels, levels[0].channels, 3))
    return shared_conv(b, last, levels, outputs, 3)


def retinanet(input_shape: tuple[int, int, int], num_classes: int, name: str = "retinanet", depth: int = 50,
              anchors: int = 9, detections: int = 300) -> Model:
    b = GraphBuilder(name, input_shape, family="rcnn", num_classes=num_classes,
                     description=f"RetinaNet ResNet-{depth}-FPN, {anchors} anchors, {num_classes} classes")
    b.note("Anchor generation, box decoding, top-k selection and NMS are not counted.")
    features = _body(b, depth)
    with b.scope("backbone.fpn"):
        pyramid = fpn(b, features[1:])
        p6 = b.conv("extra_blocks.p6", pyramid[-1], 256, 3, 2, 1, bias=True)
        p7 = b.conv("extra_blocks.p7", b.act("extra_blocks.relu", p6), 256, 3, 2, 1, bias=True)
    levels = pyramid + [p6, p7]
    with b.scope("head.classification_head"):
        logits = _tower(b, levels, anchors * num_classes, "cls_logits")
    with b.scope("head.regression_head"):
        regression = _tower(b, levels, anchors * 4, "bbox_regression")
    result = b.layer("postprocess_detections", Opaque("box decoding, top-k, NMS", (detections, 6)), logits[-1])
    b.output(result, *logits[:-1], *regression)
    return b.build()


_NOTE = "counted at 3x800x800 (torchvision _ops size), FrozenBN, conv1+layer1 frozen"
model("fasterrcnn_resnet50_fpn", "rcnn", "Faster R-CNN ResNet-50-FPN, 1000 proposals; " + _NOTE, (3, 800, 800), 91,
      reference=(41_755_286, 134_380_000_000), source=SOURCE, depth=50, proposals=1000, anchors=3,
      representation=1024, detections=100)(faster_rcnn)
model("retinanet_resnet50_fpn", "rcnn", "RetinaNet ResNet-50-FPN (P3-P7, 9 anchors); " + _NOTE, (3, 800, 800), 91,
      reference=(34_014_999, 151_540_000_000), source=SOURCE, depth=50, anchors=9, detections=300)(retinanet)
