"""U-Net (Ronneberger et al. 2015), the usual choice for defect segmentation: an encoder of double
3x3 convolutions and 2x2 max pools, a decoder of 2x2 up-convolutions that halve the channels,
skip connections concatenated at every level, and a 1x1 classifier.

Family parameters: `depth` (number of poolings, 4 in the paper), `base_width` (64: the widths are
base * 2^level), `padding` ("same": padded convs keep the size, as most PyTorch ports do;
"valid": the paper's unpadded convs with cropped skips, 572 -> 388), `batch_norm` (BN after every
conv, convs without bias, as most ports do; off in the paper), `up_mode` ("transpose": ConvTranspose2d
2x2; "bilinear": bilinear upsampling then a 1x1 conv halving the channels). In-channels come from
the input (1 for grayscale line cameras), the output channels from `num_classes`.

Counting convention: params exact from these formulas (the paper's network, 1 input channel and
2 classes, is 31,030,658); MACs of convs and up-convs (a transposed conv scatters K*K*C_out per input
position); pooling, BN, ReLU and the bilinear resize are other ops.
"""

from __future__ import annotations

from ...errors import ValidationError
from ..graph import GraphBuilder, Model, Tensor
from ..layers.conv import ConvTranspose2d
from ..layers.detection import CenterCrop
from ..layers.pooling import MaxPool2d
from ..layers.resize import Upsample
from ._catalog import model

MODES = ("transpose", "bilinear")


def _sizes_ok(side: int, depth: int, shrink: int) -> bool:
    """Does a side survive `depth` poolings (each after a double conv losing `shrink` pixels) evenly?"""
    for _ in range(depth):
        side -= shrink
        if side < 2 or side % 2:
            return False
        side //= 2
    side -= shrink
    for _ in range(depth):
        side = side * 2 - shrink
    return side >= 1


def _check_side(field: str, side: int, depth: int, shrink: int) -> None:
    if _sizes_ok(side, depth, shrink):
        return
    near = next((s for s in range(side, side + 2 ** (depth + 1) + 8 * shrink) if _sizes_ok(s, depth, shrink)), None)
    hint = f"e.g. {near}" if near else f"a multiple of {2**depth}"
    raise ValidationError(field, f"{side} pixels cannot be pooled {depth} times evenly"
                          + (" with unpadded convolutions" if shrink else ""), hint)


def double_conv(b: GraphBuilder, x: Tensor, out: int, padding: int, batch_norm: bool) -> Tensor:
    for i in (1, 2):
        x = b.conv(f"conv{i}", x, out, 3, 1, padding, bias=not batch_norm)
        if batch_norm:
            x = b.bn(f"bn{i}", x)
        x = b.act(f"relu{i}", x, inplace=True)
    return x


def unet(input_shape: tuple[int, int, int], num_classes: int, name: str = "unet", depth: int = 4,
         base_width: int = 64, padding: str = "same", batch_norm: bool = True, up_mode: str = "transpose") -> Model:
    if type(depth) is not int or not 1 <= depth <= 8:
        raise ValidationError("family_params.depth", f"{depth!r} is out of range", "1 to 8")
    if type(base_width) is not int or not 1 <= base_width <= 1024:
        raise ValidationError("family_params.base_width", f"{base_width!r} is out of range", "1 to 1024")
    if padding not in ("same", "valid"):
        raise ValidationError("family_params.padding", f"{padding!r} is not recognised", "same or valid")
    if up_mode not in MODES:
        raise ValidationError("family_params.up_mode", f"{up_mode!r} is not recognised", " or ".join(MODES))
    pad, shrink = (1, 0) if padding == "same" else (0, 4)
    _check_side("input.height", input_shape[1], depth, shrink)
    _check_side("input.width", input_shape[2], depth, shrink)
    b = GraphBuilder(name, input_shape, family="unet", num_classes=num_classes,
                     description=f"U-Net, depth {depth}, base width {base_width}, {padding} convs"
                                 + (", BN" if batch_norm else "") + f", {up_mode} up")
    x = b.input
    skips = []
    for level in range(depth):
        with b.scope(f"encoder.{level}"):
            x = double_conv(b, x, base_width * 2**level, pad, bool(batch_norm))
        skips.append(x)
        x = b.layer(f"pool{level}", MaxPool2d(2, 2), x)
    with b.scope("bottleneck"):
        x = double_conv(b, x, base_width * 2**depth, pad, bool(batch_norm))
    for level in range(depth - 1, -1, -1):
        width = base_width * 2**level
        with b.scope(f"decoder.{level}"):
            if up_mode == "transpose":
                x = b.layer("up", ConvTranspose2d(x.channels, width, 2, 2), x)
            else:
                x = b.conv("up_conv", b.layer("up", Upsample(2, None, "bilinear"), x), width, 1, bias=True)
            skip = skips[level]
            if skip.shape[1:] != x.shape[1:]:
                skip = b.layer("crop", CenterCrop(*x.shape[1:]), skip)
            x = double_conv(b, b.concat("cat", skip, x), width, pad, bool(batch_norm))
    b.conv("head", x, num_classes, 1, bias=True)
    return b.build()


model("unet", "unet", "U-Net, depth 4, base 64, padded convs with BN, transposed up-convs; grayscale 512x512",
      (1, 512, 512), 2, depth=4, base_width=64, padding="same", batch_norm=True, up_mode="transpose")(unet)
model("unet_classic", "unet", "U-Net as in the paper: unpadded convs without BN, cropped skips, 572 -> 388",
      (1, 572, 572), 2, reference=(31_030_658, None), source="Ronneberger et al. 2015 architecture (Fig. 1), "
      "parameters from the layer formulas", depth=4, base_width=64, padding="valid", batch_norm=False,
      up_mode="transpose")(unet)
