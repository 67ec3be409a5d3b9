"""Layer kinds that detection and segmentation models need: frozen and shared convolutions,
FrozenBatchNorm2d (DETR's and torchvision's detection backbones), learned object queries (DETR),
RoIAlign (Faster R-CNN), L2Norm (SSD) and CenterCrop (U-Net's unpadded skips).

Conventions:
- FrozenConv2d counts exactly as Conv2d (its weights are parameters, as `model.parameters()`
  lists them) but computes no weight gradient (`requires_grad=False`). The report counts its
  parameters as trainable unless the model is analysed with `frozen=frozen_layers(model)`,
  which also drops the data gradients that nothing upstream needs.
- SharedConv2d counts a Conv2d's MACs and gradients without parameters: a head whose weights
  are held by its first application (one per pyramid level) and reused on the other levels.
- FrozenBatchNorm2d holds weight, bias, running mean and variance as buffers (4C, no
  parameters); 2 other ops per element (a folded scale and shift), 1 per element backward.
- LearnedQueries is an N x D table of parameters read as it is: no arithmetic.
- RoIAlign bilinearly samples `sampling_ratio`^2 points per output bin (4 weighted taps + 3
  additions each) and averages them: 8 * ratio^2 other ops per output element; no MACs.
- L2Norm: square, sum, root and divide, scale: 4 other ops per element.
- CenterCrop is data movement: no arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass

from .base import (
    Counts,
    Layer,
    Shape,
    ShapeError,
    elements,
    fmt_shape,
    need_channels,
    need_positive,
    need_rank,
    pair,
)
from .conv import Conv2d, count_conv2d
from .registry import counter


@dataclass(frozen=True, slots=True)
class FrozenConv2d(Conv2d):
    """A Conv2d whose weights are frozen (requires_grad=False): no weight gradient in training."""

    kind = "FrozenConv2d"
    frozen = True


@counter(FrozenConv2d)
def count_frozen_conv2d(layer: FrozenConv2d, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    counts = count_conv2d(layer, shapes, out)
    return counts._replace(weight_grad_macs=0, detail=counts.detail + " frozen")


@dataclass(frozen=True, slots=True)
class SharedConv2d(Conv2d):
    """A Conv2d applied again with the weights of an earlier one (a detection head run on every
    pyramid level): the MACs and gradients of this application, no parameters of its own."""

    kind = "SharedConv2d"


@counter(SharedConv2d)
def count_shared_conv2d(layer: SharedConv2d, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    counts = count_conv2d(layer, shapes, out)
    # The analyser computes weight gradients only for layers holding parameters; this application's
    # weight-gradient MACs (accumulated into the shared weights) ride with its data gradient instead.
    return counts._replace(params=0, data_grad_macs=counts.data_grad_macs + counts.weight_grad_macs,
                           weight_grad_macs=0, detail=counts.detail + " shared")


@dataclass(frozen=True, slots=True)
class FrozenBatchNorm2d(Layer):
    """BatchNorm with fixed statistics and affine terms, all buffers (torchvision.ops.FrozenBatchNorm2d)."""

    num_features: int

    kind = "FrozenBatchNorm2d"
    compute_class = "norm"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        need_rank(shape, 3, "(C, H, W)")
        need_channels(shape, self.num_features, "num_features")
        return shape


@counter(FrozenBatchNorm2d)
def count_frozen_batchnorm(layer: FrozenBatchNorm2d, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    n = elements(out)
    return Counts(buffers=4 * layer.num_features, other_ops=2 * n, backward_other_ops=n, detail="frozen")


@dataclass(frozen=True, slots=True)
class LearnedQueries(Layer):
    """An (N, D) table of learned object queries (DETR's query_embed); its input only orders it in
    the graph (the queries do not depend on the image)."""

    num_queries: int
    dim: int

    kind = "LearnedQueries"
    compute_class = "embedding"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        need_positive(num_queries=self.num_queries, dim=self.dim)
        return (self.num_queries, self.dim)


@counter(LearnedQueries)
def count_learned_queries(layer: LearnedQueries, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    return Counts(params=layer.num_queries * layer.dim, backward_other_ops=layer.num_queries * layer.dim,
                  detail=f"{layer.num_queries} queries")


@dataclass(frozen=True, slots=True)
class RoIAlign(Layer):
    """Pools `num_rois` boxes from feature maps of equal width into (num_rois, C*S*S) vectors
    (torchvision MultiScaleRoIAlign). Inputs: one or more (C, H, W) maps, then (num_rois, 4) boxes."""

    num_rois: int
    output_size: int | tuple[int, int] = 7
    sampling_ratio: int = 2

    kind = "RoIAlign"
    compute_class = "elementwise"
    arity = 0

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        oh, ow = pair(self.output_size)
        need_positive(num_rois=self.num_rois, output_size=(oh, ow), sampling_ratio=self.sampling_ratio)
        *maps, boxes = shapes
        if boxes != (self.num_rois, 4):
            raise ShapeError(f"the last input {fmt_shape(boxes)} is not {self.num_rois} boxes",
                             f"a ({self.num_rois}, 4) box tensor")
        channels = maps[0][0] if maps and len(maps[0]) == 3 else 0
        for shape in maps:
            if len(shape) != 3 or shape[0] != channels:
                raise ShapeError(f"feature map {fmt_shape(shape)} is not a (C, H, W) map of {channels} channels",
                                 "(C, H, W) maps of equal channels")
        return (self.num_rois, channels * oh * ow)


@counter(RoIAlign)
def count_roi_align(layer: RoIAlign, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    n = elements(out)
    ops = 8 * layer.sampling_ratio**2 * n
    return Counts(other_ops=ops, backward_other_ops=ops, detail=f"{layer.num_rois} boxes, {fmt_shape(pair(layer.output_size))}")


def frozen_params(report_layers: object) -> int:
    """Parameters of frozen layers in a ModelReport's `layers` (trainable = params - this)."""
    return sum(layer.params for layer in report_layers if layer.kind == FrozenConv2d.kind)  # type: ignore[attr-defined]


def frozen_layers(model: object) -> tuple[str, ...]:
    """Names of the model's frozen convolutions, for `analyze(model, frozen=frozen_layers(model))`:
    the report's trainable_params then leave them out (DETR-R50: 41,302,368 of 41,524,768)."""
    return tuple(node.name for node in model.nodes if type(node.layer) is FrozenConv2d)  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class L2Norm(Layer):
    """Scales each position's channel vector to unit length, then by a learned per-channel weight
    (SSD's conv4_3 normalisation, torchvision `scale_weight`): C parameters, 4 other ops per element."""

    num_channels: int

    kind = "L2Norm"
    compute_class = "norm"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        need_rank(shape, 3, "(C, H, W)")
        need_channels(shape, self.num_channels, "num_channels")
        return shape


@counter(L2Norm)
def count_l2norm(layer: L2Norm, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    n = elements(out)
    return Counts(params=layer.num_channels, other_ops=4 * n, backward_other_ops=8 * n, saves_inputs=True,
                  extra_saved=n // layer.num_channels)


@dataclass(frozen=True, slots=True)
class CenterCrop(Layer):
    """Crops a (C, H, W) map to its central height x width (U-Net's copy-and-crop skip connections)."""

    height: int
    width: int

    kind = "CenterCrop"
    compute_class = "data_movement"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        need_rank(shape, 3, "(C, H, W)")
        need_positive(height=self.height, width=self.width)
        if self.height > shape[1] or self.width > shape[2]:
            raise ShapeError(f"crop {self.height}x{self.width} is larger than the input {shape[1]}x{shape[2]}",
                             f"at most {shape[1]}x{shape[2]}")
        return (shape[0], self.height, self.width)


@counter(CenterCrop)
def count_center_crop(layer: CenterCrop, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    return Counts(detail=f"to {layer.height}x{layer.width}")
