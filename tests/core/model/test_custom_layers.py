"""Layer tables typed in the GUI: built and validated row by row; every kind describes its parameters."""

from __future__ import annotations

import dataclasses

import pytest

from rigsizer.core.errors import ValidationError
from rigsizer.core.model.analyze import analyze
from rigsizer.core.model.custom import build_custom, layer_kinds
from rigsizer.core.model.layers import COUNTERS, KINDS


def test_residual_layer_table_builds_and_counts():
    model = build_custom([
        {"kind": "Conv2d", "out_channels": 16, "kernel_size": 3, "padding": 1, "bias": False},
        {"kind": "BatchNorm2d"},
        {"kind": "ReLU", "name": "act"},
        {"kind": "Conv2d", "out_channels": 16, "kernel_size": [3, 3], "padding": 1},
        {"kind": "Add", "inputs": [2, 3]},
        {"kind": "AdaptiveAvgPool2d"},
        {"kind": "Flatten"},
        {"kind": "Linear", "out_features": 10},
    ], input=(1, 64, 48), name="inspector")
    report = analyze(model)
    assert report.model_name == "inspector"
    assert report.layers[2].name == "act"
    assert report.params == 9 * 16 + 32 + 9 * 16 * 16 + 16 + 16 * 10 + 10
    assert report.layers[-1].output_shape == (10,)


def test_transformer_rows_infer_widths_from_their_inputs():
    model = build_custom([
        {"kind": "Embedding", "num_embeddings": 10_000, "embedding_dim": 64},
        {"kind": "TransformerEncoderLayer", "nhead": 4, "dim_feedforward": 256},
        {"kind": "TransformerEncoderLayer", "nhead": 4, "dim_feedforward": 256},
    ], input=(32,))
    d, f = 64, 256
    assert analyze(model).params == 10_000 * d + 2 * (4 * d * d + 2 * d * f + f + 9 * d)


@pytest.mark.parametrize("row, field", [
    ({"kind": "Conv3d"}, "layers[0].kind"),
    ({"kind": "Conv2d"}, "layers[0].out_channels"),
    ({"kind": "Conv2d", "out_channels": -4}, "layers[0].out_channels"),
    ({"kind": "Conv2d", "out_channels": 4, "kernel_size": "3"}, "layers[0].kernel_size"),
    ({"kind": "Conv2d", "out_channels": 4, "kernel_size": [3, 3, 3]}, "layers[0].kernel_size"),
    ({"kind": "Conv2d", "out_channels": 4, "colour": "red"}, "layers[0].colour"),
    ({"kind": "Dropout", "p": 1.5}, "layers[0].p"),
    ({"kind": "ReLU", "inputs": [3]}, "layers[0].inputs"),
    ({"kind": "Upsample", "mode": "cubic"}, "layers[0].mode"),
    ({"kind": "Conv2d", "out_channels": 4, "kernel_size": 33}, "layers[0] 0"),
])
def test_bad_rows_name_the_row_and_parameter(row, field):
    with pytest.raises(ValidationError) as caught:
        build_custom([row], input=(3, 32, 32))
    assert caught.value.field == field


def test_empty_table_and_bad_input_are_rejected():
    with pytest.raises(ValidationError):
        build_custom([], input=(3, 32, 32))
    with pytest.raises(ValidationError):
        build_custom([{"kind": "ReLU"}], input=(3, -1, 32))


def test_layer_kinds_describe_every_registered_kind_with_typed_parameters():
    infos = {info.kind: info for info in layer_kinds()}
    assert set(infos) == set(KINDS)
    for kind, info in infos.items():
        field_names = {f.name for f in dataclasses.fields(KINDS[kind])} - {"size", "output_shape"}
        assert {p.name for p in info.params} == field_names
        for param in info.params:
            assert param.type in ("int", "int|pair", "float", "bool", "choice", "text")
            if param.type in ("int", "int|pair", "float"):
                assert param.low is not None and param.high is not None and param.low <= param.high
            if param.type == "choice":
                assert param.default is None or param.default in param.choices
    conv = {p.name: p for p in infos["Conv2d"].params}
    assert conv["in_channels"].inferred and conv["out_channels"].required
    assert conv["kernel_size"].default == 3 and conv["kernel_size"].type == "int|pair"
    assert infos["Add"].inputs == "2+"


def test_every_kind_except_opaque_has_a_counting_function():
    assert {kind for kind, layer_type in KINDS.items() if layer_type not in COUNTERS} == {"Opaque"}


def test_empty_cells_count_as_parameters_left_out():
    model = build_custom([{"kind": "Conv2d", "out_channels": 8, "in_channels": None, "stride": None, "inputs": None},
                          {"kind": "MaxPool2d", "kernel_size": 2, "stride": None}], input=(3, 16, 16))
    assert model.nodes[0].shape == (8, 14, 14)
    assert model.nodes[1].shape == (8, 7, 7)
