"""Each layer kind's shape rule and counts, checked against the formulas of domain.md section 2."""

from __future__ import annotations

import pytest

from rigsizer.core.errors import ValidationError
from rigsizer.core.model.analyze import analyze
from rigsizer.core.model.graph import GraphBuilder
from rigsizer.core.model.layers.attention import MultiheadAttention, WindowAttention
from rigsizer.core.model.layers.conv import Conv2d, ConvTranspose2d
from rigsizer.core.model.layers.embedding import ClassToken, Embedding, PatchEmbed, PositionEmbedding
from rigsizer.core.model.layers.linear import Linear, MatMul
from rigsizer.core.model.layers.norm import BatchNorm2d, GroupNorm, LayerNorm
from rigsizer.core.model.layers.pooling import AvgPool2d, MaxPool2d, RoIAlign, pooled_size
from rigsizer.core.model.layers.resize import Upsample
from rigsizer.core.model.layers.squeeze_excite import SqueezeExcite
from rigsizer.core.model.layers.structural import ChannelShuffle, Concat, Multiply, Split
from rigsizer.core.model.layers.transformer import TransformerDecoderLayer, TransformerEncoderLayer


def one_layer(layer, *shapes):
    """The LayerStats of `layer` applied to fresh model inputs of the given shapes."""
    b = GraphBuilder("probe", list(shapes))
    b.layer("probe", layer, *b.inputs)
    return analyze(b.build()).layers[0]


def test_conv_output_size_follows_the_floor_formula_with_dilation():
    stats = one_layer(Conv2d(8, 16, 3, stride=2, padding=2, dilation=2, bias=True), (8, 31, 20))
    # floor((31 + 4 - 2*2 - 1)/2) + 1 = 16 ; floor((20 + 4 - 5)/2) + 1 = 10
    assert stats.output_shape == (16, 16, 10)
    assert stats.params == 3 * 3 * 8 * 16 + 16
    assert stats.macs == 3 * 3 * 8 * 16 * 16 * 10
    assert stats.other_ops == 16 * 16 * 10  # bias adds


def test_grouped_conv_counts_per_group():
    stats = one_layer(Conv2d(32, 64, 3, padding=1, groups=4, bias=False), (32, 8, 8))
    assert stats.params == 3 * 3 * (32 // 4) * 64
    assert stats.macs == 3 * 3 * (32 // 4) * 64 * 64
    assert stats.gemm.batch == 4 and stats.gemm.n == 16 and stats.gemm.k == 72 and stats.gemm.m == 64
    assert stats.compute_class == "grouped_conv"


def test_transposed_conv_doubles_the_map_and_scatters_every_input_pixel():
    stats = one_layer(ConvTranspose2d(64, 32, 2, 2), (64, 10, 12))
    assert stats.output_shape == (32, 20, 24)
    assert stats.params == 64 * 32 * 4 + 32
    assert stats.macs == 64 * 32 * 4 * 10 * 12


def test_linear_treats_leading_dimensions_as_tokens():
    stats = one_layer(Linear(64, 128), (50, 64))
    assert stats.output_shape == (50, 128)
    assert stats.macs == 50 * 64 * 128 and stats.params == 64 * 128 + 128
    assert (stats.gemm.m, stats.gemm.n, stats.gemm.k) == (50, 128, 64)


def test_matmul_of_two_activations_has_no_params_and_doubles_backward():
    b = GraphBuilder("mm", [(4, 10, 8), (4, 8, 6)])
    x = b.layer("w", Linear(8, 8), b.inputs[0])  # gives the first operand a gradient
    b.layer("mm", MatMul(), x, b.inputs[1])
    stats = analyze(b.build()).layers[1]
    assert stats.output_shape == (4, 10, 6)
    assert stats.macs == 4 * 10 * 8 * 6 and stats.params == 0
    assert stats.backward_macs == 2 * stats.macs


def test_norms_have_affine_params_and_batchnorm_buffers():
    assert one_layer(BatchNorm2d(32), (32, 4, 4)).buffers == 65
    assert one_layer(LayerNorm(96), (49, 96)).params == 192
    stats = one_layer(GroupNorm(8, 32), (32, 4, 4))
    assert stats.params == 64 and stats.macs == 0 and stats.other_ops > 0
    with pytest.raises(ValidationError, match="does not divide"):
        one_layer(GroupNorm(5, 32), (32, 4, 4))


def test_pool_ceil_mode_matches_pytorch():
    assert pooled_size(112, 3, 2, 0, 1, True) == 56  # torchvision GoogLeNet maxpool1
    assert pooled_size(112, 3, 2, 0, 1, False) == 55
    assert pooled_size(7, 2, 2, 0, 1, True) == 4
    assert pooled_size(6, 3, 2, 1, 1, True) == 4
    assert pooled_size(5, 2, 2, 1, 1, True) == 3  # a 4th window would start in the padding: dropped
    assert one_layer(MaxPool2d(3, 2, 1), (64, 112, 112)).output_shape == (64, 56, 56)
    assert one_layer(AvgPool2d(2), (8, 9, 9)).output_shape == (8, 4, 4)


def test_upsample_nearest_costs_no_arithmetic_and_bilinear_does():
    nearest = one_layer(Upsample(2), (16, 10, 20))
    bilinear = one_layer(Upsample(None, (40, 80), "bilinear"), (16, 10, 20))
    assert nearest.output_shape == (16, 20, 40) and nearest.other_ops == 0
    assert bilinear.output_shape == (16, 40, 80) and bilinear.other_ops == 7 * 16 * 40 * 80


def test_structural_kinds_shape_rules():
    b = GraphBuilder("s", [(8, 4, 4), (4, 4, 4), (8, 1, 1)])
    a, c, gate = b.inputs
    assert b.layer("cat", Concat(), a, c).shape == (12, 4, 4)
    assert b.layer("split", Split(2, 6), a).shape == (4, 4, 4)
    assert b.layer("shuffle", ChannelShuffle(4), a).shape == (8, 4, 4)
    assert b.layer("gate", Multiply(), a, gate).shape == (8, 4, 4)
    with pytest.raises(ValidationError):
        b.layer("bad", Concat(), a, b.layer("up", Upsample(2), c))
    with pytest.raises(ValidationError):
        b.layer("bad", Split(6, 9), a)


def test_squeeze_excite_counts_two_pointwise_convs_on_the_pooled_vector():
    stats = one_layer(SqueezeExcite(96, 24, "SiLU", "Sigmoid"), (96, 28, 28))
    assert stats.params == 96 * 24 + 24 + 24 * 96 + 96
    assert stats.macs == 2 * 96 * 24
    assert stats.other_ops > 2 * 96 * 28 * 28  # pooling and rescaling the whole map


def test_self_attention_matches_the_domain_formula():
    n, d = 197, 768
    stats = one_layer(MultiheadAttention(d, 12), (n, d))
    assert stats.params == 4 * d * d + 4 * d
    assert stats.macs == 4 * n * d * d + 2 * n * n * d


def test_cross_attention_uses_the_memory_length_for_keys_and_values():
    q, s, d = 100, 850, 256
    stats = one_layer(MultiheadAttention(d, 8, cross=True), (q, d), (s, d))
    assert stats.macs == 2 * q * d * d + 2 * s * d * d + 2 * q * s * d
    with pytest.raises(ValidationError, match="num_heads"):
        one_layer(MultiheadAttention(d, 7), (q, d))


def test_window_attention_counts_each_window_and_the_relative_bias_table():
    stats = one_layer(WindowAttention(96, 3, 7), (56, 56, 96))
    windows, n, c = 64, 49, 96
    assert stats.params == 4 * c * c + 4 * c + 13 * 13 * 3
    assert stats.macs == windows * (4 * n * c * c + 2 * n * n * c)


def test_transformer_layers_match_the_domain_parameter_formulas():
    d, f = 64, 256
    encoder = one_layer(TransformerEncoderLayer(d, 4, f), (10, d))
    decoder = one_layer(TransformerDecoderLayer(d, 4, f), (7, d), (10, d))
    assert encoder.params == 4 * d * d + 2 * d * f + f + 9 * d
    assert decoder.params == 8 * d * d + 2 * d * f + f + 15 * d
    assert encoder.macs == 10 * (4 * d * d + 2 * d * f) + 2 * 10 * 10 * d


def test_embeddings_and_tokens():
    assert one_layer(Embedding(10_000, 64), (12,)).params == 640_000
    patch = one_layer(PatchEmbed(3, 768, 16), (3, 224, 224))
    assert patch.output_shape == (196, 768) and patch.macs == 196 * 768 * 768
    assert one_layer(ClassToken(768), (196, 768)).output_shape == (197, 768)
    assert one_layer(PositionEmbedding(197, 768), (197, 768)).params == 197 * 768
    assert one_layer(PositionEmbedding(197, 768, learned=False), (197, 768)).params == 0
    with pytest.raises(ValidationError):
        one_layer(PositionEmbedding(197, 768), (577, 768))


def test_roi_align_reads_several_levels_and_flattens_bins():
    b = GraphBuilder("roi", [(256, 50, 50), (256, 25, 25)])
    out = b.layer("box_roi_pool", RoIAlign(512, 7, 2), *b.inputs)
    assert out.shape == (512, 256 * 49)
    with pytest.raises(ValidationError, match="channels"):
        b2 = GraphBuilder("roi", [(256, 50, 50), (128, 25, 25)])
        b2.layer("box_roi_pool", RoIAlign(), *b2.inputs)
