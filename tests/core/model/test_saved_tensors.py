"""What training keeps for backward, by storage: int64 pooling indices, bool dropout masks, FP32
softmax maps with autocast copies, and the gradients live at the backward peak."""

from __future__ import annotations

import pytest

from rigsizer.core.errors import ValidationError
from rigsizer.core.model.analyze import analyze
from rigsizer.core.model.custom import build_custom
from rigsizer.core.model.zoo import build_model


def _conv(out: int, **extra) -> dict:
    return {"kind": "Conv2d", "out_channels": out, "kernel_size": 3, "padding": 1, **extra}


def test_max_pool_saves_its_input_and_one_int64_index_per_output():
    model = build_custom([_conv(8), {"kind": "MaxPool2d", "kernel_size": 2}, _conv(8)], input=(3, 16, 16))
    report = analyze(model)
    pool = report.layers[1]
    assert pool.saved_index_elements == 8 * 8 * 8
    assert pool.saved_elements == 8 * 16 * 16 + 8 * 8 * 8  # input + indices
    assert report.saved_index_elements == 8 * 8 * 8


def test_vgg16_keeps_the_indices_of_its_five_max_pools():
    report = analyze(build_model("vgg16"), "fp16")
    pools = [layer for layer in report.layers if layer.kind == "MaxPool2d"]
    assert len(pools) == 5
    expected = 64 * 112 * 112 + 128 * 56 * 56 + 256 * 28 * 28 + 512 * 14 * 14 + 512 * 7 * 7
    assert report.saved_index_elements == expected == 1_530_368


def test_dropout_keeps_a_mask_and_no_dropout_keeps_nothing():
    rows = [{"kind": "Linear", "in_features": 4, "out_features": 32}, {"kind": "Dropout", "p": 0.5},
            {"kind": "Linear", "in_features": 32, "out_features": 4}]
    assert analyze(build_custom(rows, input=(10, 4))).saved_mask_elements == 10 * 32
    rows[1] = {"kind": "Dropout", "p": 0.0}
    assert analyze(build_custom(rows, input=(10, 4))).saved_mask_elements == 0


def _attention(p: float) -> dict:
    return {"kind": "MultiheadAttention", "embed_dim": 64, "num_heads": 4, "p": p}


def test_attention_keeps_the_softmax_map_in_fp32_and_a_half_copy_for_the_product():
    layer = analyze(build_custom([_attention(0.0)], input=(50, 64))).layers[0]
    amap = 4 * 50 * 50
    assert layer.saved_fp32_elements == amap
    assert layer.autocast_copy_elements == amap
    assert layer.saved_mask_elements == 0


def test_attention_dropout_keeps_a_mask_and_the_dropped_map_instead_of_the_copy():
    plain = analyze(build_custom([_attention(0.0)], input=(50, 64))).layers[0]
    dropped = analyze(build_custom([_attention(0.1)], input=(50, 64))).layers[0]
    amap = 4 * 50 * 50
    assert dropped.saved_mask_elements == amap and dropped.autocast_copy_elements == 0
    assert dropped.saved_elements == plain.saved_elements + 2 * amap
    assert dropped.macs == plain.macs and dropped.params == plain.params


def test_transformer_layers_default_to_pytorch_dropout_and_count_its_masks():
    t, d, f = 30, 32, 64
    layer = analyze(build_custom([{"kind": "TransformerEncoderLayer", "d_model": d, "nhead": 4,
                                   "dim_feedforward": f}], input=(t, d))).layers[0]
    amap = 4 * t * t
    # attention map, feed-forward hidden layer, and the two residual branches
    assert layer.saved_mask_elements == amap + t * f + 2 * t * d


def test_a_dropout_probability_of_one_is_refused():
    with pytest.raises(ValidationError):
        build_custom([_attention(1.0)], input=(50, 64))


def test_backward_peak_adds_the_gradients_of_the_last_layer_and_its_input():
    model = build_custom([_conv(8), _conv(16)], input=(3, 16, 16))
    report = analyze(model)
    out1, out2 = 8 * 16 * 16, 16 * 16 * 16
    assert report.saved_elements == 3 * 16 * 16 + out1
    assert report.backward_transient_elements == out1 + out2
    assert report.backward_peak_layer == report.layers[1].name


def test_attention_backward_holds_the_gradients_of_the_map_before_and_after_softmax():
    report = analyze(build_custom([_attention(0.0)], input=(50, 64)))
    assert report.backward_transient_elements >= 2 * 4 * 50 * 50


def test_a_pool_behind_a_frozen_layer_keeps_no_indices():
    model = build_custom([_conv(8), {"kind": "MaxPool2d", "kernel_size": 2}, _conv(8)], input=(3, 16, 16))
    report = analyze(model, frozen=("0",))
    assert report.layers[1].saved_elements == 0 and report.saved_index_elements == 0
    assert report.saved_elements == 8 * 8 * 8  # only the trainable conv's input
