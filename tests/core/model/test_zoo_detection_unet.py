"""U-Net: the paper's network, hand-counted small configurations, input scaling and validation."""

from __future__ import annotations

import pytest

from rigsizer.core.errors import ValidationError
from rigsizer.core.model.analyze import analyze
from rigsizer.core.model.zoo import build_model


def test_paper_unet_has_31030658_parameters_and_maps_572_to_388():
    report = analyze(build_model("unet_classic"))
    assert report.params == 31_030_658
    assert report.layers[-1].output_shape == (2, 388, 388)
    crops = [layer.output_shape for layer in report.layers if layer.kind == "CenterCrop"]
    assert crops == [(512, 56, 56), (256, 104, 104), (128, 200, 200), (64, 392, 392)]


def test_smallest_unet_matches_a_hand_count():
    report = analyze(build_model("unet", input=(1, 8, 8), num_classes=1, depth=1, base_width=4, batch_norm=False))
    # convs 1->4, 4->4, 4->8, 8->8, up 8->4 (2x2), 8->4, 4->4, head 4->1, all with bias
    assert report.params == 40 + 148 + 296 + 584 + 132 + 292 + 148 + 5 == 1645
    # MACs: 8x8 level, 4x4 bottleneck, the up-conv scatters 8*4*2*2 per input position of the 4x4 map
    assert report.macs == 36 * 64 + 144 * 64 + 288 * 16 + 576 * 16 + 8 * 4 * 4 * 16 + 288 * 64 + 144 * 64 + 4 * 64


def test_batch_norm_drops_conv_biases_and_adds_affine_terms():
    plain = analyze(build_model("unet", input=(1, 8, 8), num_classes=1, depth=1, base_width=4, batch_norm=False))
    with_bn = analyze(build_model("unet", input=(1, 8, 8), num_classes=1, depth=1, base_width=4))
    convs = 4 + 4 + 8 + 8 + 4 + 4  # biases of the six 3x3 convs
    assert with_bn.params == plain.params - convs + 2 * convs


def test_grayscale_and_rgb_differ_only_in_the_first_convolution():
    gray, rgb = analyze(build_model("unet")), analyze(build_model("unet", input=(3, 512, 512)))
    assert rgb.params - gray.params == 2 * 64 * 9
    assert rgb.macs - gray.macs == 2 * 64 * 9 * 512 * 512


def test_padded_unet_macs_scale_with_the_pixel_count():
    base = analyze(build_model("unet"))
    assert analyze(build_model("unet", input=(1, 1024, 1024))).macs == 4 * base.macs
    camera = analyze(build_model("unet", input=(1, 2048, 2448)))
    assert camera.macs == base.macs * (2048 * 2448) // (512 * 512)


def test_depth_and_width_are_configurable():
    small = analyze(build_model("unet", depth=3, base_width=32))
    assert max(layer.output_shape[0] for layer in small.layers) == 256
    assert small.params < analyze(build_model("unet")).params


def test_bilinear_up_mode_replaces_the_transposed_convolutions():
    report = analyze(build_model("unet", up_mode="bilinear"))
    assert not any(layer.kind == "ConvTranspose2d" for layer in report.layers)
    assert sum(layer.kind == "Upsample" for layer in report.layers) == 4


@pytest.mark.parametrize("name, shape, field, hint", [
    ("unet", (1, 500, 512), "input.height", "512"),
    ("unet", (1, 512, 770), "input.width", "784"),
    ("unet_classic", (1, 570, 572), "input.height", "572"),
])
def test_sides_that_cannot_pool_evenly_are_rejected_with_a_suggestion(name, shape, field, hint):
    with pytest.raises(ValidationError) as error:
        build_model(name, input=shape)
    assert error.value.field == field
    assert hint in error.value.allowed


@pytest.mark.parametrize("params", [{"depth": 0}, {"depth": 9}, {"base_width": 0}, {"padding": "full"},
                                    {"up_mode": "pixelshuffle"}, {"depth": 2.5}])
def test_bad_family_parameters_name_the_parameter(params):
    with pytest.raises(ValidationError) as error:
        build_model("unet", **params)
    assert error.value.field == f"family_params.{next(iter(params))}"
