"""Impossible graphs and inputs are ValidationErrors naming the layer (or field) and the reason."""

from __future__ import annotations

import pytest

from rigsizer.core.errors import ValidationError
from rigsizer.core.model.graph import GraphBuilder
from rigsizer.core.model.layers.conv import Conv2d
from rigsizer.core.model.zoo import build_model


def test_kernel_larger_than_input_names_the_layer():
    with pytest.raises(ValidationError) as caught:
        build_model("alexnet", input=(3, 32, 32))
    assert caught.value.field.startswith("layers[")
    assert "features." in caught.value.field
    assert "larger than" in caught.value.reason


def test_channel_mismatch_at_an_add_names_both_shapes():
    b = GraphBuilder("bad", (3, 8, 8))
    a = b.conv("a", b.input, 4, 3, padding=1)
    c = b.conv("c", b.input, 5, 3, padding=1)
    with pytest.raises(ValidationError) as caught:
        b.add("block.add", a, c)
    assert caught.value.field == "layers[2] block.add"
    assert "5x8x8" in caught.value.reason and "4x8x8" in caught.value.reason


def test_groups_not_dividing_channels_is_rejected():
    b = GraphBuilder("bad", (6, 8, 8))
    with pytest.raises(ValidationError) as caught:
        b.layer("conv", Conv2d(6, 8, 3, groups=4), b.input)
    assert "groups=4" in caught.value.reason
    assert caught.value.field == "layers[0] conv"


def test_input_channel_mismatch_is_rejected():
    b = GraphBuilder("bad", (1, 8, 8))
    with pytest.raises(ValidationError, match="expects 3"):
        b.layer("conv", Conv2d(3, 8, 3), b.input)


def test_scopes_prefix_layer_names():
    b = GraphBuilder("scoped", (3, 8, 8))
    with b.scope("layer1"), b.scope(0):
        x = b.conv("conv1", b.input, 4, 3, padding=1)
    assert b.build().nodes[x.node].name == "layer1.0.conv1"


@pytest.mark.parametrize("shape", [(3, 0, 224), (0, 224, 224), (3, 224), (3, 224, 99999), (3, 2.5, 224), "3x224x224"])
def test_bad_input_shapes_are_rejected(shape):
    with pytest.raises(ValidationError) as caught:
        build_model("resnet18", input=shape)
    assert caught.value.field.startswith("input")


def test_unknown_model_and_family_parameter_are_rejected():
    with pytest.raises(ValidationError, match="unknown model"):
        build_model("resnet9000")
    with pytest.raises(ValidationError) as caught:
        build_model("resnet50", depth_multiplier=2)
    assert caught.value.field == "family_params.depth_multiplier"
    with pytest.raises(ValidationError):
        build_model("resnet50", num_classes=0)


def test_family_parameters_change_the_network():
    deeper = build_model("resnet50", depths=(3, 4, 9, 3))
    assert sum(1 for node in deeper.nodes if node.name.startswith("layer3.") and node.name.endswith("conv1")) == 9
    narrow = build_model("mobilenetv2_100", width=0.5)
    assert narrow.nodes[0].shape[0] == 16


def test_bad_family_parameter_values_are_validation_errors():
    with pytest.raises(ValidationError):
        build_model("resnet50", depths="abc")
    with pytest.raises(ValidationError):
        build_model("convnext_tiny", dims=(96, 192))


def test_runaway_depth_is_stopped_with_a_validation_error():
    with pytest.raises(ValidationError, match="exceeds"):
        build_model("resnet18", input=(3, 32, 32), depths=(10**9, 1, 1, 1))
