"""`rigsizer-cli model`: the per-layer table, its JSON twin, the zoo list and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from rigsizer.core.model.analyze import analyze
from rigsizer.core.model.zoo import build_model


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rigsizer.core.cli", "model", *args], capture_output=True,
                          text=True, timeout=60)


def test_table_lists_every_layer_with_totals_and_the_convention():
    result = cli("resnet18")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    header = next(line for line in lines if line.startswith("layer"))
    for column in ("kind", "output", "params", "MACs", "activations", "traffic", "FLOP/B"):
        assert column in header
    assert any(line.startswith("layer1.0.conv1 ") and "64x56x56" in line for line in lines)
    assert any(line.startswith("total") and "11.7 M" in line and "1.81 G" in line for line in lines)
    assert "params 11,689,512" in result.stdout
    assert "MACs 1,814,073,344" in result.stdout
    assert "convention: MACs of convolutions" in result.stdout


def test_json_carries_layers_and_totals_equal_to_the_api():
    result = cli("mobilenetv2_100", "--input", "1x480x640", "--classes", "3", "--precision", "fp16", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    report = analyze(build_model("mobilenetv2_100", input=(1, 480, 640), num_classes=3), "fp16")
    assert data["model"] == "mobilenetv2_100"
    assert data["input"] == [1, 480, 640]
    assert data["precision"] == "fp16"
    assert data["convention"] == report.convention
    assert data["totals"]["params"] == report.params
    assert data["totals"]["macs"] == report.macs
    assert data["totals"]["flops"] == 2 * report.macs
    assert data["totals"]["training_flops_per_sample"] == report.training_flops_per_sample
    assert len(data["layers"]) == len(report.layers)
    first = data["layers"][0]
    assert first["name"] == "conv_stem" and first["output_shape"] == [32, 240, 320]
    assert first["gemm"] == {"m": 240 * 320, "n": 32, "k": 9, "batch": 1}
    assert data["layers"][-1]["output_shape"] == [3]


def test_list_shows_the_zoo_with_families():
    result = cli("--list")
    assert result.returncode == 0
    assert "resnet50" in result.stdout and "swin_tiny_patch4_window7_224" in result.stdout
    assert "convnext" in result.stdout
    rows = json.loads(cli("--list", "--json").stdout)
    assert {"name", "family", "input", "description", "reference_params", "params", "macs"} <= set(rows[0])
    by_name = {row["name"]: row for row in rows}
    assert by_name["resnet50"]["params"] == by_name["resnet50"]["reference_params"] == 25_557_032
    assert by_name["resnext101_32x4d"]["params"] == 44_177_704  # computed even where no reference is on file


@pytest.mark.parametrize("args", [
    ("resnet9000",), ("resnet50", "--input", "3x0x224"), ("resnet50", "--input", "224x224"),
    ("resnet50", "--classes", "0"), ("resnet50", "--classes", "many"), ("resnet50", "--precision", "fp12"),
    ("alexnet", "--input", "3x16x16"), (),
])
def test_bad_arguments_print_one_line_and_exit_2(args):
    result = cli(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_family_parameters_and_frozen_layers_from_the_command_line():
    result = cli("resnet50", "--param", "depths=3,4,23,3", "--freeze", "conv1", "--freeze", "bn1",
                 "--freeze", "layer1", "--freeze", "layer2", "--freeze", "layer3", "--freeze", "layer4", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["totals"]["params"] == 44_549_160  # the resnet101 layout
    assert data["totals"]["trainable_params"] == 2048 * 1000 + 1000
    assert any("Frozen" in note for note in data["notes"])


def test_bad_family_parameter_is_one_line_exit_2():
    for args in (("resnet50", "--param", "x"), ("resnet50", "--param", "nope=3"), ("resnet50", "--param", "depths=[1")):
        result = cli(*args)
        assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
