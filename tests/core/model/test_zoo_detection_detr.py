"""DETR: exact parameter counts (all nn.Parameters and the trainable ones main.py prints)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from rigsizer.core.model.analyze import analyze
from rigsizer.core.model.layers.detection import frozen_layers, frozen_params
from rigsizer.core.model.zoo import build_model, list_models


def detr(name="detr_resnet50", **kwargs):
    return analyze(build_model(name, **kwargs))


@pytest.mark.parametrize("name, total, trainable, buffers", [
    ("detr_resnet50", 41_524_768, 41_302_368, 106_240),
    ("detr_resnet50_dc5", 41_524_768, 41_302_368, 106_240),
    ("detr_resnet101", 60_464_672, 60_242_272, 210_688),
])
def test_detr_params_match_the_published_totals_and_trainable_counts(name, total, trainable, buffers):
    report = detr(name)
    assert report.params == total
    assert report.params - frozen_params(report.layers) == trainable
    assert report.buffers == buffers  # FrozenBatchNorm2d: weight, bias, mean, var as buffers


@pytest.mark.parametrize("name, trainable", [("detr_resnet50", 41_302_368), ("detr_resnet101", 60_242_272)])
def test_analysing_reports_trainable_params_as_main_py_prints(name, trainable):
    model = build_model(name)
    report = analyze(model)  # the frozen stem and layer1 are part of the model definition
    assert report.trainable_params == trainable
    explicit = analyze(model, frozen=frozen_layers(model))
    assert (explicit.trainable_params, explicit.backward_macs) == (trainable, report.backward_macs)
    # Freezing more (layer2 too) removes more backward work.
    more = analyze(model, frozen=("backbone.0.body.layer2",))
    assert more.backward_macs < report.backward_macs
    assert any("FrozenConv2d" in note for note in report.notes)


def test_detr_parts_match_the_published_breakdown():
    layers = detr().layers
    backbone = sum(layer.params for layer in layers if layer.name.startswith("backbone.0."))
    transformer = sum(layer.params for layer in layers if layer.name.startswith("transformer."))
    heads = sum(layer.params for layer in layers if layer.name.split(".")[0] in
                ("input_proj", "query_embed", "class_embed", "bbox_embed"))
    assert (backbone, transformer, heads) == (23_454_912, 17_363_456, 706_400)


def test_frozen_stem_and_layer1_are_222400_parameters_without_weight_gradients():
    layers = detr().layers
    frozen = [layer for layer in layers if layer.kind == "FrozenConv2d"]
    assert {layer.name.split(".")[3] for layer in frozen} == {"conv1", "layer1"}
    assert sum(layer.params for layer in frozen) == 64 * 3 * 49 + 212_992 == 222_400
    # conv1 reads the image (no data gradient) and is frozen (no weight gradient): no backward MACs.
    assert next(layer for layer in layers if layer.name == "backbone.0.body.conv1").backward_macs == 0
    # layer2 is the first trained stage: its input needs no gradient, only its weights do.
    layer2 = next(layer for layer in layers if layer.name == "backbone.0.body.layer2.0.conv1")
    assert layer2.backward_macs == layer2.macs
    layer3 = next(layer for layer in layers if layer.name == "backbone.0.body.layer3.0.conv1")
    assert layer3.backward_macs == 2 * layer3.macs


def test_two_classes_give_the_count_printed_by_such_runs():
    report = detr(num_classes=2)
    assert report.params - frozen_params(report.layers) == 41_279_495


def test_input_size_sets_the_token_count_and_the_attention_cost():
    small, large = detr(input=(3, 800, 1216)), detr(input=(3, 800, 1333))
    assert small.params == large.params == 41_524_768
    encoder = next(layer for layer in small.layers if layer.name == "transformer.encoder.layers.0")
    assert encoder.output_shape == (25 * 38, 256)
    tokens = 25 * 38
    d, f = 256, 2048
    assert encoder.macs == tokens * (4 * d * d + 2 * d * f) + 2 * tokens * tokens * d
    assert next(layer for layer in large.layers if layer.name == "flatten").output_shape == (25 * 42, 256)
    assert small.macs < large.macs


def test_dc5_keeps_the_parameters_but_quadruples_the_tokens():
    plain, dc5 = detr(input=(3, 800, 1216)), detr("detr_resnet50_dc5", input=(3, 800, 1216))
    assert plain.params == dc5.params
    tokens = next(layer for layer in dc5.layers if layer.name == "flatten").output_shape[0]
    assert tokens == 50 * 76
    assert dc5.macs > 2 * plain.macs


def test_detr_macs_at_800x1216_are_in_the_range_the_paper_reports():
    # Paper Table 1: 86 GFLOPS (fvcore, i.e. GMACs) averaged over COCO val images (~800x1200).
    assert 80e9 < detr(input=(3, 800, 1216)).macs < 95e9


def test_zoo_entry_states_input_and_convention():
    entry = next(e for e in list_models() if e.name == "detr_resnet50")
    assert entry.default_input == (3, 800, 1333)
    assert entry.num_classes == 91
    assert entry.reference_params == 41_524_768
    assert "trainable" in entry.description


def test_cli_json_for_detr_at_800x1216():
    out = subprocess.run([sys.executable, "-m", "rigsizer.core.cli", "model", "detr_resnet50", "--input", "3x800x1216",
                          "--json"], capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    assert data["totals"]["params"] == 41_524_768
    assert any(layer["name"] == "query_embed" and layer["params"] == 25_600 for layer in data["layers"])
