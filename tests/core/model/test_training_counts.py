"""Backward work is counted per layer: first layer without data gradient, grouped convs per group."""

from __future__ import annotations

from rigsizer.core.model.analyze import analyze
from rigsizer.core.model.custom import build_custom
from rigsizer.core.model.zoo import build_model


def test_flops_are_twice_the_macs():
    report = analyze(build_model("resnet18"))
    assert report.flops == 2 * report.macs
    assert all(layer.flops == 2 * layer.macs for layer in report.layers)


def test_first_conv_skips_the_data_gradient_and_later_convs_do_not():
    report = analyze(build_model("resnet50"))
    conv1 = report.layers[0]
    assert conv1.name == "conv1"
    assert conv1.backward_macs == conv1.macs  # weight gradient only: the image needs no gradient
    convs = [layer for layer in report.layers if layer.kind in ("Conv2d", "Linear")]
    assert all(layer.backward_macs == 2 * layer.macs for layer in convs[1:])
    assert report.backward_macs == 2 * report.macs - conv1.macs


def test_depthwise_conv_backward_is_counted_per_group_not_as_a_dense_conv():
    report = analyze(build_model("mobilenetv2_100"))
    depthwise = [layer for layer in report.layers if layer.compute_class == "depthwise_conv"]
    assert depthwise
    for layer in depthwise:
        channels, height, width = layer.output_shape
        kernel = layer.gemm.k  # 3x3 per group
        assert layer.gemm.batch == channels and kernel == 9
        assert layer.macs == 9 * channels * height * width
        assert layer.backward_macs == 2 * layer.macs
        assert layer.params == 9 * channels


def test_grouped_conv_backward_uses_the_grouped_macs():
    report = analyze(build_model("resnext50_32x4d"))
    grouped = next(layer for layer in report.layers if layer.name == "layer1.0.conv2")
    assert grouped.compute_class == "grouped_conv"
    assert grouped.gemm.batch == 32 and grouped.gemm.k == 4 * 9
    assert grouped.macs == 128 * (128 // 32) * 9 * 56 * 56
    assert grouped.backward_macs == 2 * grouped.macs


def test_training_flops_are_counted_per_layer_not_a_blanket_three_times():
    report = analyze(build_model("resnet50"))
    conv1 = report.layers[0]
    expected = 2 * (3 * report.macs - conv1.macs) + report.other_ops + report.backward_other_ops
    assert report.training_flops_per_sample == expected
    assert report.training_flops_per_sample != 3 * report.flops


def test_attention_products_have_no_weight_gradient_but_two_operand_gradients():
    report = analyze(build_model("vit_tiny_patch16_224"))
    attention = next(layer for layer in report.layers if layer.name == "blocks.0.attn")
    tokens, dim = attention.output_shape
    projections = 4 * tokens * dim * dim
    products = 2 * tokens * tokens * dim
    assert attention.macs == projections + products
    assert attention.backward_macs == 2 * projections + 2 * products
    assert {name for name, _ in attention.gemm_parts} == {"qkv", "scores", "context", "proj"}


def test_saved_activations_are_not_double_counted_when_layers_share_a_tensor():
    # conv -> ReLU -> conv: the ReLU output is saved by the ReLU and by the second conv, stored once.
    model = build_custom([{"kind": "Conv2d", "out_channels": 8, "kernel_size": 3, "padding": 1},
                          {"kind": "ReLU"},
                          {"kind": "Conv2d", "out_channels": 8, "kernel_size": 3, "padding": 1}], input=(3, 16, 16))
    report = analyze(model)
    image, feature = 3 * 16 * 16, 8 * 16 * 16
    # first conv keeps the image (weight gradient), the ReLU its output, the second conv the same tensor
    assert sum(layer.saved_elements for layer in report.layers) == image + 2 * feature
    assert report.saved_elements == image + feature


def test_peak_live_memory_keeps_a_residual_branch_alive():
    chain = build_custom([{"kind": "Conv2d", "out_channels": 4, "kernel_size": 1},
                          {"kind": "Conv2d", "out_channels": 4, "kernel_size": 1},
                          {"kind": "Conv2d", "out_channels": 4, "kernel_size": 1}], input=(4, 10, 10))
    residual = build_custom([{"kind": "Conv2d", "out_channels": 4, "kernel_size": 1},
                             {"kind": "Conv2d", "out_channels": 4, "kernel_size": 1},
                             {"kind": "Conv2d", "out_channels": 4, "kernel_size": 1},
                             {"kind": "Add", "inputs": [0, 2]}], input=(4, 10, 10))
    assert analyze(chain).peak_live_elements == 2 * 400  # one input and one output at a time
    assert analyze(residual).peak_live_elements == 3 * 400  # layer 0's output waits for the add


def test_batchnorm_keeps_running_stats_as_buffers_not_params():
    report = analyze(build_model("resnet18"))
    bn1 = report.layers[1]
    assert bn1.kind == "BatchNorm2d"
    assert bn1.params == 2 * 64 and bn1.buffers == 2 * 64 + 1
    assert report.trainable_params == report.params


def test_traffic_and_intensity_use_the_precision():
    fp32 = analyze(build_model("resnet18"), "fp32")
    fp16 = analyze(build_model("resnet18"), "fp16")
    assert fp16.bytes_per_element == 2.0
    assert fp16.traffic_bytes * 2 == fp32.traffic_bytes
    conv = fp32.layers[0]
    assert conv.traffic_elements == conv.input_elements + conv.params + conv.output_elements
    assert fp16.layers[0].intensity(2.0) == 2 * conv.intensity(4.0)


def test_a_layer_kind_without_counting_rule_is_reported_not_counted_as_zero():
    model = build_custom([{"kind": "Conv2d", "out_channels": 8, "kernel_size": 3},
                          {"kind": "Opaque", "label": "deformable conv", "params": 1234}], input=(3, 32, 32))
    report = analyze(model)
    assert report.layers[1].detail == "not counted"
    assert report.params == 3 * 8 * 9 + 8 + 1234
    assert any("not counted" in note and "1 (Opaque)" in note for note in report.notes)


def test_report_fills_totals_consistently_with_layers():
    report = analyze(build_model("efficientnet_b0"))
    assert report.params == sum(layer.params for layer in report.layers)
    assert report.macs == sum(layer.macs for layer in report.layers)
    assert report.other_ops == sum(layer.other_ops for layer in report.layers)
    assert report.activation_elements == sum(layer.output_elements for layer in report.layers)
    assert 0 < report.peak_live_elements < report.activation_elements
    assert 0 < report.saved_elements <= sum(layer.saved_elements for layer in report.layers)
    assert report.family == "efficientnet" and report.num_classes == 1000
    assert report.notes


def test_in_place_activation_reuses_its_input_memory_at_peak():
    def widen(inplace: bool) -> list[dict]:
        return [{"kind": "Conv2d", "out_channels": 8, "kernel_size": 1}, {"kind": "ReLU", "inplace": inplace},
                {"kind": "Conv2d", "out_channels": 2, "kernel_size": 1}]

    # conv: image 400 + features 800 live; a separate ReLU then holds 800 + 800, an in-place one 800
    assert analyze(build_custom(widen(False), input=(4, 10, 10))).peak_live_elements == 1600
    assert analyze(build_custom(widen(True), input=(4, 10, 10))).peak_live_elements == 1200


def test_family_notes_travel_with_the_report():
    report = analyze(build_model("vit_base_patch16_224"))
    assert any("position embedding" in note for note in report.notes)


def test_frozen_backbone_trains_only_the_head():
    full = analyze(build_model("resnet50"))
    frozen = analyze(build_model("resnet50"), frozen=("conv1", "bn1", "layer1", "layer2", "layer3", "layer4"))
    fc = full.layers[-1]
    assert fc.name == "fc"
    assert frozen.params == full.params
    assert frozen.trainable_params == fc.params
    assert frozen.backward_macs == fc.macs  # weight gradient of the head; nothing upstream needs a gradient
    assert frozen.saved_elements < full.saved_elements / 100


def test_frozen_early_stages_still_pass_gradients_through_later_ones():
    full = analyze(build_model("resnet18"))
    partial = analyze(build_model("resnet18"), frozen=("conv1", "bn1", "layer1"))
    first_trainable = next(layer for layer in partial.layers if layer.name == "layer2.0.conv1")
    assert first_trainable.backward_macs == first_trainable.macs  # its input needs no gradient
    assert partial.trainable_params < full.trainable_params
    assert full.backward_macs > partial.backward_macs > 0
