"""YOLOv5 (ultralytics/yolov5, v6.0+ anchor-based) and YOLOv8 (ultralytics yolov8.yaml, anchor-free)
detectors, n/s/m/l/x, built from their yaml recipes: depth and width multiples, channels rounded
up to multiples of 8 (capped at `max_channels` for YOLOv8), repeats max(round(n * depth), 1).

Counting convention: params are every nn.Parameter with 80 classes (yolov8n 3,157,200; yolov5s
7,235,389), including YOLOv8's DFL 1x1 convolution (16 weights, requires_grad=False: a
FrozenConv2d, so "gradients" is 16 fewer). BatchNorm eps 1e-3 changes no counts. MACs follow
the engine's convention at the input size (default 3x640x640, the size the published GFLOPs are
given at). Ultralytics prints GFLOPs = 2 x thop MACs, and thop also counts BatchNorm and bias
adds as MACs, so the published GFLOPs / 2 are ~1-2 % above these conv-only MACs. Not counted:
box decoding (anchors or DFL softmax) and NMS after the head.
"""

from __future__ import annotations

import math

from ...errors import ValidationError
from ..graph import GraphBuilder, Model, Tensor
from ..layers.detection import FrozenConv2d
from ..layers.pooling import MaxPool2d
from ..layers.resize import Upsample
from ..layers.structural import Opaque, Split
from ._catalog import model

V8_SCALES = {"n": (0.33, 0.25, 1024), "s": (0.33, 0.50, 1024), "m": (0.67, 0.75, 768), "l": (1.00, 1.00, 512),
             "x": (1.00, 1.25, 512)}
V5_SCALES = {"n": (0.33, 0.25), "s": (0.33, 0.50), "m": (0.67, 0.75), "l": (1.0, 1.0), "x": (1.33, 1.25)}
V8_REFERENCE = {"n": 3_157_200, "s": 11_166_560, "m": 25_902_640, "l": 43_691_520, "x": 68_229_648}
V8_GFLOPS = {"n": 8.9, "s": 28.8, "m": 79.3, "l": 165.7, "x": 258.5}
V5_REFERENCE = {"n": 1_872_157, "s": 7_235_389, "m": 21_190_557, "l": 46_563_709, "x": 86_749_405}
V5_GFLOPS = {"n": 4.6, "s": 16.6, "m": 49.2, "l": 109.6, "x": 206.3}


def _divisible(value: float, divisor: int = 8) -> int:
    return max(divisor, math.ceil(value / divisor) * divisor)


def _check(input_shape: tuple[int, int, int], depth: object, width: object) -> None:
    for field, side in (("input.height", input_shape[1]), ("input.width", input_shape[2])):
        if side % 32:
            raise ValidationError(field, f"{side} is not a multiple of the stride 32 (ultralytics letterboxes the "
                                  "image to one)", f"multiples of 32, e.g. {max(32, round(side / 32) * 32)}")
    for field, value in (("depth", depth), ("width", width)):
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0.01 <= value <= 4:
            raise ValueError(f"{field}={value!r} is outside 0.01 to 4")


class _Yolo:
    """Ultralytics building blocks: Conv (Conv2d + BN + SiLU), Bottleneck, C3, C2f, SPPF."""

    def __init__(self, b: GraphBuilder) -> None:
        self.b = b

    def conv(self, name: str, x: Tensor, out: int, k: int = 1, s: int = 1, p: int | None = None) -> Tensor:
        return self.b.conv_bn_act(x, out, k, s, act="SiLU", padding=k // 2 if p is None else p,
                                  names=(f"{name}.conv", f"{name}.bn", f"{name}.act"))

    def bottleneck(self, name: str, x: Tensor, out: int, shortcut: bool, k1: int, e: float = 1.0) -> Tensor:
        hidden = int(out * e)
        y = self.conv(f"{name}.cv2", self.conv(f"{name}.cv1", x, hidden, k1), out, 3)
        return self.b.add(f"{name}.add", x, y) if shortcut and x.channels == out else y

    def c3(self, name: str, x: Tensor, out: int, n: int, shortcut: bool = True) -> Tensor:
        hidden = int(out * 0.5)
        y = self.conv(f"{name}.cv1", x, hidden)
        for i in range(n):
            y = self.bottleneck(f"{name}.m.{i}", y, hidden, shortcut, 1)
        z = self.conv(f"{name}.cv2", x, hidden)
        return self.conv(f"{name}.cv3", self.b.concat(f"{name}.cat", y, z), out)

    def c2f(self, name: str, x: Tensor, out: int, n: int, shortcut: bool = False) -> Tensor:
        c = int(out * 0.5)
        y = self.conv(f"{name}.cv1", x, 2 * c)
        parts = [self.b.layer(f"{name}.chunk0", Split(0, c), y), self.b.layer(f"{name}.chunk1", Split(c, 2 * c), y)]
        for i in range(n):
            parts.append(self.bottleneck(f"{name}.m.{i}", parts[-1], c, shortcut, 3))
        return self.conv(f"{name}.cv2", self.b.concat(f"{name}.cat", *parts), out)

    def sppf(self, name: str, x: Tensor, out: int) -> Tensor:
        y = [self.conv(f"{name}.cv1", x, x.channels // 2)]
        for i in range(3):
            y.append(self.b.layer(f"{name}.m{i}", MaxPool2d(5, 1, 2), y[-1]))
        return self.conv(f"{name}.cv2", self.b.concat(f"{name}.cat", *y), out)

    def up(self, name: str, x: Tensor) -> Tensor:
        return self.b.layer(name, Upsample(2, None, "nearest"), x)


def yolov8(input_shape: tuple[int, int, int], num_classes: int, name: str = "yolov8", depth: float = 0.33,
           width: float = 0.25, max_channels: int = 1024, reg_max: int = 16) -> Model:
    _check(input_shape, depth, width)
    b = GraphBuilder(name, input_shape, family="yolo", num_classes=num_classes,
                     description=f"YOLOv8, depth x{depth:g}, width x{width:g}, {num_classes} classes")
    y = _Yolo(b)
    b.note("The DFL convolution's 16 weights are fixed (FrozenConv2d, requires_grad=False): "
           "trainable_params is the 'gradients' count ultralytics prints.")
    b.note("Ultralytics' GFLOPs are 2 x thop MACs, which also count BatchNorm and bias adds: about 1-2 % "
           "above 2 x these MACs. DFL box decoding and NMS are not counted.")

    def ch(c: int) -> int:
        return _divisible(min(c, max_channels) * width)

    def rep(n: int) -> int:
        return max(round(n * depth), 1)

    x = y.conv("model.0", b.input, ch(64), 3, 2)
    x = y.conv("model.1", x, ch(128), 3, 2)
    x = y.c2f("model.2", x, ch(128), rep(3), True)
    x = y.conv("model.3", x, ch(256), 3, 2)
    p3 = y.c2f("model.4", x, ch(256), rep(6), True)
    x = y.conv("model.5", p3, ch(512), 3, 2)
    p4 = y.c2f("model.6", x, ch(512), rep(6), True)
    x = y.conv("model.7", p4, ch(1024), 3, 2)
    x = y.c2f("model.8", x, ch(1024), rep(3), True)
    p5 = y.sppf("model.9", x, ch(1024))
    x = b.concat("model.11", y.up("model.10", p5), p4)
    h4 = y.c2f("model.12", x, ch(512), rep(3))
    x = b.concat("model.14", y.up("model.13", h4), p3)
    out3 = y.c2f("model.15", x, ch(256), rep(3))
    x = b.concat("model.17", y.conv("model.16", out3, ch(256), 3, 2), h4)
    out4 = y.c2f("model.18", x, ch(512), rep(3))
    x = b.concat("model.20", y.conv("model.19", out4, ch(512), 3, 2), p5)
    out5 = y.c2f("model.21", x, ch(1024), rep(3))
    levels = (out3, out4, out5)
    c2 = max(16, levels[0].channels // 4, reg_max * 4)
    c3 = max(levels[0].channels, min(num_classes, 100))
    heads = []
    for i, feature in enumerate(levels):
        box = y.conv(f"model.22.cv2.{i}.1", y.conv(f"model.22.cv2.{i}.0", feature, c2, 3), c2, 3)
        heads.append(b.conv(f"model.22.cv2.{i}.2", box, 4 * reg_max, 1, bias=True))
        cls = y.conv(f"model.22.cv3.{i}.1", y.conv(f"model.22.cv3.{i}.0", feature, c3, 3), c3, 3)
        heads.append(b.conv(f"model.22.cv3.{i}.2", cls, num_classes, 1, bias=True))
    # DFL: a fixed 1x1 convolution (weights 0..reg_max-1) turning each box side's distribution into
    # its expectation. It holds the 16 frozen weights; its MACs (16 x 4 sides x all anchors, under
    # 0.01 % of the model) are shown for one side on the finest level only.
    distribution = b.layer("model.22.dfl.split", Split(0, reg_max), heads[0])
    heads.append(b.layer("model.22.dfl.conv", FrozenConv2d(reg_max, 1, 1, 1, 0, 1, 1, False), distribution))
    b.output(*heads, b.layer("postprocess", Opaque("DFL decoding, NMS", (300, 6)), heads[-1]))
    return b.build()


def yolov5(input_shape: tuple[int, int, int], num_classes: int, name: str = "yolov5", depth: float = 0.33,
           width: float = 0.5, anchors_per_level: int = 3) -> Model:
    _check(input_shape, depth, width)
    b = GraphBuilder(name, input_shape, family="yolo", num_classes=num_classes,
                     description=f"YOLOv5, depth x{depth:g}, width x{width:g}, {num_classes} classes")
    y = _Yolo(b)
    b.note("Ultralytics' GFLOPs are 2 x thop MACs, which also count BatchNorm and bias adds: about 1-2 % "
           "above 2 x these MACs. Anchor box decoding and NMS are not counted.")

    def ch(c: int) -> int:
        return _divisible(c * width)

    def rep(n: int) -> int:
        return max(round(n * depth), 1)

    x = y.conv("model.0", b.input, ch(64), 6, 2, 2)
    x = y.conv("model.1", x, ch(128), 3, 2)
    x = y.c3("model.2", x, ch(128), rep(3))
    x = y.conv("model.3", x, ch(256), 3, 2)
    p3 = y.c3("model.4", x, ch(256), rep(6))
    x = y.conv("model.5", p3, ch(512), 3, 2)
    p4 = y.c3("model.6", x, ch(512), rep(9))
    x = y.conv("model.7", p4, ch(1024), 3, 2)
    x = y.c3("model.8", x, ch(1024), rep(3))
    x = y.sppf("model.9", x, ch(1024))
    h10 = y.conv("model.10", x, ch(512), 1, 1)
    x = b.concat("model.12", y.up("model.11", h10), p4)
    x = y.c3("model.13", x, ch(512), rep(3), False)
    h14 = y.conv("model.14", x, ch(256), 1, 1)
    x = b.concat("model.16", y.up("model.15", h14), p3)
    out3 = y.c3("model.17", x, ch(256), rep(3), False)
    x = b.concat("model.19", y.conv("model.18", out3, ch(256), 3, 2), h14)
    out4 = y.c3("model.20", x, ch(512), rep(3), False)
    x = b.concat("model.22", y.conv("model.21", out4, ch(512), 3, 2), h10)
    out5 = y.c3("model.23", x, ch(1024), rep(3), False)
    outputs = anchors_per_level * (num_classes + 5)
    heads = [b.conv(f"model.24.m.{i}", f, outputs, 1, bias=True) for i, f in enumerate((out3, out4, out5))]
    b.output(*heads, b.layer("postprocess", Opaque("anchor decoding, NMS", (300, 6)), heads[-1]))
    return b.build()


_SOURCE8 = "ultralytics/cfg/models/v8/yolov8.yaml summary (80 classes), GFLOPs @640 = 2 x thop MACs"
_SOURCE5 = "ultralytics/yolov5 models/yolov5{n,s,m,l,x}.yaml DetectionModel (80 classes), GFLOPs @640 = 2 x thop MACs"
for _scale, (_depth, _width, _max) in V8_SCALES.items():
    model(f"yolov8{_scale}", "yolo", f"YOLOv8{_scale} (anchor-free), depth x{_depth:g}, width x{_width:g}; counted "
          "at 3x640x640 (published GFLOPs = 2 x thop MACs incl. BN)", (3, 640, 640), 80,
          reference=(V8_REFERENCE[_scale], round(V8_GFLOPS[_scale] * 1e9 / 2)), source=_SOURCE8, depth=_depth,
          width=_width, max_channels=_max, reg_max=16)(yolov8)
for _scale, (_depth, _width) in V5_SCALES.items():
    model(f"yolov5{_scale}", "yolo", f"YOLOv5{_scale} (v6.0+, anchors), depth x{_depth:g}, width x{_width:g}; "
          "counted at 3x640x640 (published GFLOPs = 2 x thop MACs incl. BN)", (3, 640, 640), 80,
          reference=(V5_REFERENCE[_scale], round(V5_GFLOPS[_scale] * 1e9 / 2)), source=_SOURCE5, depth=_depth,
          width=_width, anchors_per_level=3)(yolov5)
