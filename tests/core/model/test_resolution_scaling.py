"""Counts at other resolutions follow from the layer formulas, not from scaling the headline number."""

from __future__ import annotations

from rigsizer.core.model.analyze import analyze
from rigsizer.core.model.zoo import build_model


def test_resnet50_at_512_scales_conv_macs_by_the_area_ratio_and_keeps_the_classifier():
    # 512/224 = 16/7 exactly at every stage (256, 128, 64, 32, 16 vs 112, 56, 28, 14, 7), so every
    # conv's MACs scale by (16/7)^2 = 256/49; the 2048 x 1000 classifier does not scale.
    fc = 2048 * 1000
    expected = (4_089_184_256 - fc) * 256 // 49 + fc
    report = analyze(build_model("resnet50", input=(3, 512, 512)))
    assert report.macs == expected == 21_353_201_664 + fc
    assert report.params == 25_557_032


def test_convnext_tiny_at_512_scales_the_same_way():
    fc = 768 * 1000
    expected = (4_455_531_264 - fc) * 256 // 49 + fc
    assert analyze(build_model("convnext_tiny", input=(3, 512, 512))).macs == expected


def test_vit_base_at_384_has_more_tokens_and_a_larger_position_embedding():
    d, f, tokens, depth = 768, 3072, 24 * 24 + 1, 12
    per_block = tokens * (4 * d * d + 2 * d * f) + 2 * tokens * tokens * d
    expected_macs = depth * per_block + 576 * (3 * 16 * 16) * d + d * 1000
    report = analyze(build_model("vit_base_patch16_224", input=(3, 384, 384)))
    assert report.macs == expected_macs
    assert report.params == 86_567_656 + (577 - 197) * d  # timm's vit_base_patch16_384: 86,859,496
    assert report.params == 86_859_496


def test_grayscale_non_square_camera_input_changes_only_the_first_layer_params():
    rgb = analyze(build_model("resnet50"))
    gray = analyze(build_model("resnet50", input=(1, 2048, 2448), num_classes=2))
    assert gray.input_shape == (1, 2048, 2448)
    assert gray.params == rgb.params - 2 * 7 * 7 * 64 - 2048 * 998 - 998
    conv1 = gray.layers[0]
    assert conv1.output_shape == (64, 1024, 1224)
    assert conv1.macs == 7 * 7 * 1 * 64 * 1024 * 1224


def test_swin_at_a_size_that_is_not_a_multiple_of_the_window_pads_windows():
    report = analyze(build_model("swin_tiny_patch4_window7_224", input=(3, 256, 256)))
    attention = next(layer for layer in report.layers if layer.name == "layers.0.blocks.0.attn")
    # 64x64 grid padded to 70x70 = 100 windows of 49 tokens
    assert attention.gemm_parts[0][1].m == 100 * 49
    assert report.params > 28_288_354 - 1  # the relative position tables do not depend on the input
