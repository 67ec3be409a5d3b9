"""torchvision detection and segmentation models: exact num_params, MACs equal to the published _ops
(GMACs) at the transform's input size, and what is left uncounted stated in the report."""

from __future__ import annotations

import subprocess
import sys

import pytest

from rigsizer.core.model.analyze import analyze
from rigsizer.core.model.layers.detection import frozen_layers, frozen_params
from rigsizer.core.model.zoo import build_model, list_models

PUBLISHED = {  # torchvision 0.20.1 weights meta: num_params, _ops (GMACs)
    "fasterrcnn_resnet50_fpn": (41_755_286, 134.38),
    "retinanet_resnet50_fpn": (34_014_999, 151.54),
    "ssd300_vgg16": (35_641_826, 34.858),
    "deeplabv3_resnet50": (42_004_074, 178.722),
    "deeplabv3_resnet101": (60_996_202, 258.743),
}


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_params_match_torchvision_num_params_exactly(name):
    assert analyze(build_model(name)).params == PUBLISHED[name][0]


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_macs_match_torchvision_ops_at_the_default_input(name):
    report = analyze(build_model(name))
    published = PUBLISHED[name][1] * 1e9
    # _ops is printed to 0.001 GMACs: agree within that rounding.
    assert abs(report.macs - published) <= 0.0005e9 + 1e-6 * published


@pytest.mark.parametrize("name, frozen", [
    ("fasterrcnn_resnet50_fpn", 222_400), ("retinanet_resnet50_fpn", 222_400), ("ssd300_vgg16", 1_792 + 36_928),
    ("deeplabv3_resnet50", 0),
])
def test_frozen_backbone_layers_are_marked(name, frozen):
    model = build_model(name)
    assert frozen_params(analyze(model).layers) == frozen
    assert analyze(model, frozen=frozen_layers(model)).trainable_params == PUBLISHED[name][0] - frozen


def test_deeplab_without_the_aux_head_is_the_inference_model():
    report = analyze(build_model("deeplabv3_resnet50", aux=False))
    aux = 1024 * 256 * 9 + 2 * 256 + 256 * 21 + 21
    assert report.params == 42_004_074 - aux == 39_638_869
    assert not any(layer.name.startswith("aux_classifier") for layer in report.layers)
    assert not any("auxiliary" in note for note in report.notes)
    assert any("auxiliary" in note for note in analyze(build_model("deeplabv3_resnet50")).notes)


def test_deeplab_output_is_upsampled_to_any_input_size():
    report = analyze(build_model("deeplabv3_resnet50", input=(1, 2048, 2448), num_classes=2))
    assert report.layers[-1].output_shape == (2, 2048, 2448)
    layer4 = next(layer for layer in report.layers if layer.name == "backbone.layer4.2.conv3")
    assert layer4.output_shape == (2048, 256, 306)  # output stride 8


def test_faster_rcnn_box_head_scales_with_the_proposal_count():
    base = analyze(build_model("fasterrcnn_resnet50_fpn"))
    more = analyze(build_model("fasterrcnn_resnet50_fpn", proposals=2000))
    per_proposal = 12544 * 1024 + 1024 * 1024 + 1024 * 91 + 1024 * 364
    assert more.macs - base.macs == 1000 * per_proposal
    assert more.params == base.params


def test_detectors_state_what_they_do_not_count():
    for name in ("fasterrcnn_resnet50_fpn", "retinanet_resnet50_fpn", "ssd300_vgg16"):
        notes = " ".join(analyze(build_model(name)).notes)
        assert "postprocess_detections (Opaque)" in notes
    assert "rpn.filter_proposals" in " ".join(analyze(build_model("fasterrcnn_resnet50_fpn")).notes)


def test_retinanet_head_runs_on_every_level_with_one_set_of_weights():
    report = analyze(build_model("retinanet_resnet50_fpn"))
    sides = (100, 50, 25, 13, 7)  # P3..P7 at 800x800
    logits = [layer for layer in report.layers if layer.name.startswith("head.classification_head.cls_logits")]
    assert [layer.kind for layer in logits] == ["Conv2d"] + ["SharedConv2d"] * 4
    assert [layer.output_shape[1] for layer in logits] == list(sides)
    assert sum(layer.params for layer in logits) == 256 * 9 * 9 * 91 + 9 * 91
    assert sum(layer.macs for layer in logits) == 256 * 9 * 9 * 91 * sum(s * s for s in sides)
    # Every application computes a weight gradient (they accumulate into the shared weights).
    assert all(layer.backward_macs == 2 * layer.macs for layer in logits)


def test_non_square_camera_image_builds_for_every_detector():
    for name in ("fasterrcnn_resnet50_fpn", "retinanet_resnet50_fpn"):
        square, wide = analyze(build_model(name)), analyze(build_model(name, input=(3, 800, 1088)))
        assert wide.params == square.params
        assert wide.macs > square.macs


def test_zoo_entries_state_the_counting_input():
    entries = {e.name: e for e in list_models()}
    assert entries["fasterrcnn_resnet50_fpn"].default_input == (3, 800, 800)
    assert entries["ssd300_vgg16"].default_input == (3, 300, 300)
    assert entries["deeplabv3_resnet50"].default_input == (3, 520, 520)
    assert "GMACs" in entries["deeplabv3_resnet50"].reference_source
    assert entries["deeplabv3_resnet50"].num_classes == 21


def test_cli_prints_faster_rcnn_with_its_roi_head():
    result = subprocess.run([sys.executable, "-m", "rigsizer.core.cli", "model", "fasterrcnn_resnet50_fpn", "--input",
                             "3x800x1088"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "roi_heads.box_head.fc6" in result.stdout
