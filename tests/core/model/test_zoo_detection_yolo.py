"""YOLOv5 and YOLOv8 n/s/m/l/x: exact published parameter counts, MACs against the published GFLOPs."""

from __future__ import annotations

import subprocess
import sys

import pytest

from rigsizer.core.errors import ValidationError
from rigsizer.core.model.analyze import analyze
from rigsizer.core.model.layers.detection import frozen_layers, frozen_params
from rigsizer.core.model.zoo import build_model, list_models

V8 = {"yolov8n": (3_157_200, 8.9), "yolov8s": (11_166_560, 28.8), "yolov8m": (25_902_640, 79.3),
      "yolov8l": (43_691_520, 165.7), "yolov8x": (68_229_648, 258.5)}
V5 = {"yolov5n": (1_872_157, 4.6), "yolov5s": (7_235_389, 16.6), "yolov5m": (21_190_557, 49.2),
      "yolov5l": (46_563_709, 109.6), "yolov5x": (86_749_405, 206.3)}


def thop_gflops(report) -> float:
    """What ultralytics prints: 2 x thop MACs, where thop also counts BN (2 per element) and conv bias adds."""
    bn = sum(layer.output_elements for layer in report.layers if layer.kind == "BatchNorm2d")
    bias = sum(layer.other_ops for layer in report.layers if layer.kind == "Conv2d")
    return 2 * (report.macs + 2 * bn + bias) / 1e9


@pytest.mark.parametrize("name", sorted({**V8, **V5}))
def test_yolo_params_match_the_published_integers(name):
    assert analyze(build_model(name)).params == {**V8, **V5}[name][0]


@pytest.mark.parametrize("name", sorted(V8))
def test_yolov8_gradients_leave_out_the_fixed_dfl_convolution(name):
    report = analyze(build_model(name))
    assert frozen_params(report.layers) == 16
    assert report.params - frozen_params(report.layers) == V8[name][0] - 16
    model = build_model(name)
    assert analyze(model, frozen=frozen_layers(model)).trainable_params == V8[name][0] - 16


def test_yolo_reports_state_the_published_flops_convention_and_what_is_not_counted():
    notes = " ".join(analyze(build_model("yolov5s")).notes)
    assert "thop" in notes and "NMS" in notes
    assert "postprocess (Opaque)" in notes


@pytest.mark.parametrize("name", sorted({**V8, **V5}))
def test_yolo_macs_match_the_published_gflops_at_640(name):
    report = analyze(build_model(name))
    published = {**V8, **V5}[name][1]
    # Published figures are rounded to 0.1 GFLOPs and include BN/bias as thop counts them.
    assert abs(thop_gflops(report) - published) <= 0.02 * published
    assert abs(2 * report.macs / 1e9 - published) <= 0.03 * published


def test_yolov8_at_1280_has_four_times_the_macs_and_the_same_params():
    small, large = analyze(build_model("yolov8s")), analyze(build_model("yolov8s", input=(3, 1280, 1280)))
    assert large.params == small.params
    assert large.macs == 4 * small.macs


def test_non_square_and_grayscale_inputs_scale_with_the_pixel_count():
    base = analyze(build_model("yolov8n"))
    wide = analyze(build_model("yolov8n", input=(3, 640, 1280)))
    assert wide.macs == 2 * base.macs
    gray = analyze(build_model("yolov8n", input=(1, 640, 640)))
    per_input_channel = 16 * 3 * 3 * 320 * 320  # model.0: 3x3 s2 to 16 channels at 320x320
    assert base.macs - gray.macs == 2 * per_input_channel
    assert base.params - gray.params == 16 * 3 * 3 * 2


def test_class_count_changes_only_the_heads():
    # YOLOv5s: 3 anchors x (classes + 5) outputs on 128/256/512 channels.
    one = analyze(build_model("yolov5s", num_classes=1)).params
    assert 7_235_389 - one == (128 + 256 + 512 + 3) * 3 * (80 - 1)
    assert one == 7_022_326  # the count single-class YOLOv5s training runs print


@pytest.mark.parametrize("name, params", [("yolov8n", 3_011_043), ("yolov8s", 11_135_987), ("yolov8m", 25_856_899)])
def test_single_class_yolov8_matches_the_counts_ultralytics_prints(name, params):
    # The class branch is max(C_P3, min(classes, 100)) wide, so it narrows too (80 -> 64 for yolov8n).
    assert analyze(build_model(name, num_classes=1)).params == params


def test_yolov8_head_is_wider_for_many_classes():
    # c3 = max(64, min(nc, 100)) for yolov8n: 200 classes widen the class branch to 100 channels.
    wide = analyze(build_model("yolov8n", num_classes=200))
    layer = next(layer for layer in wide.layers if layer.name == "model.22.cv3.0.0.conv")
    assert layer.output_shape[0] == 100


def test_side_not_a_multiple_of_32_is_rejected_naming_the_side():
    with pytest.raises(ValidationError) as error:
        build_model("yolov8s", input=(3, 2048, 2448))
    assert error.value.field == "input.width"
    assert "2432" in error.value.allowed or "2464" in error.value.allowed


def test_width_multiple_out_of_range_is_a_validation_error():
    with pytest.raises(ValidationError):
        build_model("yolov8s", width=0)


def test_zoo_entries_state_input_and_published_counts():
    entries = {e.name: e for e in list_models()}
    assert entries["yolov8s"].default_input == (3, 640, 640)
    assert entries["yolov8s"].num_classes == 80
    assert entries["yolov8s"].reference_params == 11_166_560
    assert entries["yolov8s"].reference_macs == 14_400_000_000
    assert "thop" in entries["yolov5s"].description


def test_cli_prints_the_yolov8s_table():
    result = subprocess.run([sys.executable, "-m", "rigsizer.core.cli", "model", "yolov8s"], capture_output=True,
                            text=True)
    assert result.returncode == 0
    assert "model.22.dfl.conv" in result.stdout
    assert "model.9.cv2.conv" in result.stdout
