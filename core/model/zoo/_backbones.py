"""The torchvision ResNet body shared by the detection and segmentation families (DETR, Faster
R-CNN, RetinaNet, DeepLabV3): no classifier, optional FrozenBatchNorm2d, a frozen stem and
layer1 (as trained detectors freeze them), and dilation in place of stride (DeepLab).

Layer names follow torchvision (`body.layer1.0.conv1`, `backbone.0.body.layer2.0.downsample.1`)
under the scope the caller opens.
"""

from __future__ import annotations

from ..graph import GraphBuilder, Tensor
from ..layers.conv import Conv2d
from ..layers.detection import FrozenBatchNorm2d, FrozenConv2d
from ..layers.pooling import MaxPool2d

DEPTHS = {50: (3, 4, 6, 3), 101: (3, 4, 23, 3), 152: (3, 8, 36, 3)}


class ResNetBody:
    """Builds a bottleneck ResNet body; `frozen_bn` swaps BatchNorm2d for FrozenBatchNorm2d and
    `frozen_layers` freezes the stem and the first `frozen_layers - 1` stages' convolutions."""

    def __init__(self, b: GraphBuilder, frozen_bn: bool = False, frozen_layers: int = 0) -> None:
        self.b = b
        self.frozen_bn = frozen_bn
        self.frozen_layers = frozen_layers
        self._stage = 0

    def _conv(self, name: str, x: Tensor, out: int, kernel: int, stride: int = 1, padding: int = 0,
              dilation: int = 1) -> Tensor:
        kind = FrozenConv2d if self._stage < self.frozen_layers else Conv2d
        return self.b.layer(name, kind(x.channels, out, kernel, stride, padding, dilation, 1, False), x)

    def _norm(self, name: str, x: Tensor) -> Tensor:
        if self.frozen_bn:
            return self.b.layer(name, FrozenBatchNorm2d(x.channels), x)
        return self.b.bn(name, x)

    def _bottleneck(self, x: Tensor, planes: int, stride: int, dilation: int) -> Tensor:
        b = self.b
        out = planes * 4
        y = b.act("relu1", self._norm("bn1", self._conv("conv1", x, planes, 1)), inplace=True)
        y = self._norm("bn2", self._conv("conv2", y, planes, 3, stride, dilation, dilation))
        y = b.act("relu2", y, inplace=True)
        y = self._norm("bn3", self._conv("conv3", y, out, 1))
        shortcut = x
        if stride != 1 or x.channels != out:
            shortcut = self._norm("downsample.1", self._conv("downsample.0", x, out, 1, stride))
        return b.act("relu3", b.add("add", y, shortcut), inplace=True)

    def build(self, x: Tensor, depths: tuple[int, ...], dilate: tuple[bool, ...] = (False, False, False)
              ) -> list[Tensor]:
        """Stem and stages; returns the output of every stage (strides 4, 8, 16, 32 without dilation)."""
        b = self.b
        self._stage = 0
        x = b.act("relu", self._norm("bn1", self._conv("conv1", x, 64, 7, 2, 3)), inplace=True)
        x = b.layer("maxpool", MaxPool2d(3, 2, 1), x)
        outputs = []
        dilation = 1
        for stage, depth in enumerate(depths):
            self._stage = stage + 1
            stride = 1 if stage == 0 else 2
            previous = dilation
            if stage > 0 and stage - 1 < len(dilate) and dilate[stage - 1]:
                dilation *= stride
                stride = 1
            for index in range(depth):
                with b.scope(f"layer{stage + 1}.{index}"):
                    x = self._bottleneck(x, 64 * 2**stage, stride if index == 0 else 1,
                                         previous if index == 0 else dilation)
            outputs.append(x)
        return outputs
