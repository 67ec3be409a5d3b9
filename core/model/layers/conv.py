"""Convolutions: Conv2d (grouped, depthwise, dilated) and ConvTranspose2d.

Convention: MACs = K_h*K_w*C_in/g*C_out*H_out*W_out (padding positions included, as
fvcore/ptflops count them); the bias add is an other op per output element. Backward: the
data gradient costs the forward MACs again (skipped by analyze when no input needs a
gradient, e.g. the first layer), the weight gradient costs them once more, per group.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..report import GemmShape
from .base import (
    Counts,
    Layer,
    Shape,
    ShapeError,
    need_channels,
    need_groups_divide,
    need_non_negative,
    need_positive,
    need_rank,
    pair,
)
from .registry import counter


def _conv_class(groups: int, c_in: int, c_out: int) -> str:
    if groups == 1:
        return "conv"
    if groups == c_in and c_out % c_in == 0:
        return "depthwise_conv"
    return "grouped_conv"


@dataclass(frozen=True, slots=True)
class Conv2d(Layer):
    """Convolution over a (C, H, W) map: stride, padding, dilation, groups (depthwise: groups = C)."""

    in_channels: int
    out_channels: int
    kernel_size: int | tuple[int, int] = 3
    stride: int | tuple[int, int] = 1
    padding: int | tuple[int, int] = 0
    dilation: int | tuple[int, int] = 1
    groups: int = 1
    bias: bool = True

    kind = "Conv2d"
    compute_class = "conv"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        need_rank(shape, 3, "(C, H, W)")
        kh, kw = pair(self.kernel_size)
        sh, sw = pair(self.stride)
        ph, pw = pair(self.padding)
        dh, dw = pair(self.dilation)
        need_positive(out_channels=self.out_channels, kernel_size=(kh, kw), stride=(sh, sw),
                      dilation=(dh, dw), groups=self.groups)
        need_non_negative(padding=(ph, pw))
        c, h, w = shape
        need_channels(shape, self.in_channels, "in_channels")
        g = self.groups
        need_groups_divide(c, self.out_channels, g)
        span_h, span_w = dh * (kh - 1) + 1, dw * (kw - 1) + 1
        if span_h > h + 2 * ph or span_w > w + 2 * pw:
            raise ShapeError(f"kernel {kh}x{kw} (dilation {dh}x{dw}) is larger than the padded input "
                             f"{h + 2 * ph}x{w + 2 * pw}", f"kernel span <= {h + 2 * ph}x{w + 2 * pw}")
        return (self.out_channels, (h + 2 * ph - span_h) // sh + 1, (w + 2 * pw - span_w) // sw + 1)


@counter(Conv2d)
def count_conv2d(layer: Conv2d, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    kh, kw = pair(layer.kernel_size)
    c_in = shapes[0][0]
    c_out, ho, wo = out
    g = layer.groups
    k = c_in // g * kh * kw
    weights = k * c_out
    positions = ho * wo
    macs = weights * positions
    bias_ops = c_out * positions if layer.bias else 0
    sh, sw = pair(layer.stride)
    detail = f"{kh}x{kw}" + (f" s{sh}" if sh == sw else f" s{sh}x{sw}") + (f" g{g}" if g > 1 else "")
    return Counts(
        params=weights + (c_out if layer.bias else 0), macs=macs, other_ops=bias_ops,
        data_grad_macs=macs, weight_grad_macs=macs, backward_other_ops=bias_ops, saves_inputs=True,
        gemm=GemmShape(positions, c_out // g, k, g), detail=detail,
        compute_class=_conv_class(g, c_in, c_out),
    )


@dataclass(frozen=True, slots=True)
class ConvTranspose2d(Layer):
    """Transposed (fractionally strided) convolution, the learned upsampling of decoders."""

    in_channels: int
    out_channels: int
    kernel_size: int | tuple[int, int] = 2
    stride: int | tuple[int, int] = 2
    padding: int | tuple[int, int] = 0
    output_padding: int | tuple[int, int] = 0
    dilation: int | tuple[int, int] = 1
    groups: int = 1
    bias: bool = True

    kind = "ConvTranspose2d"
    compute_class = "conv"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        shape = shapes[0]
        need_rank(shape, 3, "(C, H, W)")
        kh, kw = pair(self.kernel_size)
        sh, sw = pair(self.stride)
        ph, pw = pair(self.padding)
        oh, ow = pair(self.output_padding)
        dh, dw = pair(self.dilation)
        need_positive(out_channels=self.out_channels, kernel_size=(kh, kw), stride=(sh, sw),
                      dilation=(dh, dw), groups=self.groups)
        need_non_negative(padding=(ph, pw), output_padding=(oh, ow))
        c, h, w = shape
        need_channels(shape, self.in_channels, "in_channels")
        g = self.groups
        need_groups_divide(c, self.out_channels, g)
        if oh >= max(sh, dh) or ow >= max(sw, dw):
            raise ShapeError("output_padding must be smaller than the stride or the dilation",
                             f"0 to {max(sh, dh) - 1}")
        ho = (h - 1) * sh - 2 * ph + dh * (kh - 1) + oh + 1
        wo = (w - 1) * sw - 2 * pw + dw * (kw - 1) + ow + 1
        if ho < 1 or wo < 1:
            raise ShapeError(f"padding {ph}x{pw} removes the whole output ({ho}x{wo})", "a smaller padding")
        return (self.out_channels, ho, wo)


@counter(ConvTranspose2d)
def count_conv_transpose2d(layer: ConvTranspose2d, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    # Every input position scatters one kernel: MACs = C_in * C_out/g * K_h*K_w * H_in*W_in.
    kh, kw = pair(layer.kernel_size)
    c_in, h, w = shapes[0]
    c_out, ho, wo = out
    g = layer.groups
    weights = c_in * (c_out // g) * kh * kw
    macs = weights * h * w
    bias_ops = c_out * ho * wo if layer.bias else 0
    return Counts(
        params=weights + (c_out if layer.bias else 0), macs=macs, other_ops=bias_ops,
        data_grad_macs=macs, weight_grad_macs=macs, backward_other_ops=bias_ops, saves_inputs=True,
        gemm=GemmShape(h * w, c_out // g * kh * kw, c_in // g, g), detail=f"{kh}x{kw} up{pair(layer.stride)[0]}",
    )
