"""Every classification model in the reference table: params exact, MACs within 0.5 %."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from rigsizer.core.model.analyze import analyze
from rigsizer.core.model.zoo import build_model, list_models

REFERENCE = Path(__file__).with_name("reference_complexity.csv")


def classification_rows() -> list[dict[str, str]]:
    with REFERENCE.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [row for row in rows if row["source"].startswith("computed from")]


def zoo_names() -> set[str]:
    return {entry.name for entry in list_models()}


@pytest.mark.parametrize("row", classification_rows(), ids=lambda row: row["model"])
def test_zoo_model_matches_reference_params_exactly_and_macs_within_half_percent(row):
    if row["model"] not in zoo_names():
        pytest.fail(f"{row['model']} is missing from the zoo")
    channels, height, width = (int(v) for v in row["input"].split("x"))
    report = analyze(build_model(row["model"], input=(channels, height, width)))
    assert report.params == int(row["params"])
    assert abs(report.macs - int(row["macs"])) <= 0.005 * int(row["macs"])


def test_resnet50_params_match_reference():
    report = analyze(build_model("resnet50"))
    assert report.params == 25_557_032
    assert report.macs == 4_089_184_256


def test_every_reference_row_of_a_classification_model_is_in_the_zoo():
    assert {row["model"] for row in classification_rows()} <= zoo_names()


def test_zoo_covers_the_families_named_in_the_issue():
    required = {
        "alexnet", "vgg11", "vgg13", "vgg16", "vgg19", "resnet18", "resnet34", "resnet50", "resnet101", "resnet152",
        "resnext50_32x4d", "wide_resnet50_2", "densenet121", "googlenet", "inception_v3", "squeezenet1_0",
        "squeezenet1_1", "shufflenet_v2_x1_0", "mobilenetv2_100", "mobilenetv3_large_100", "mobilenetv3_small_100",
        "efficientnet_b0", "efficientnet_b1", "efficientnet_b2", "efficientnet_b3", "efficientnet_b4",
        "ghostnet_100", "legacy_xception", "regnety_040", "convnext_tiny", "convnext_small", "convnext_base",
        "vit_tiny_patch16_224", "vit_small_patch16_224", "vit_base_patch16_224", "vit_large_patch16_224",
        "deit_base_patch16_224", "swin_tiny_patch4_window7_224", "swin_base_patch4_window7_224",
    }
    assert required <= zoo_names()


@pytest.mark.parametrize("name, params", [
    ("resnet34", 21_797_672), ("squeezenet1_1", 1_235_496), ("vgg11", 132_863_336), ("regnety_040", 20_646_656),
    ("efficientnet_b1", 7_794_184), ("vit_large_patch16_224", 304_326_632), ("swin_base_patch4_window7_224", 87_768_224),
])
def test_models_without_a_reference_row_match_their_published_parameter_counts(name, params):
    assert analyze(build_model(name)).params == params


def test_list_models_gives_family_default_input_and_reference():
    entries = {entry.name: entry for entry in list_models()}
    assert entries["inception_v3"].default_input == (3, 299, 299)
    assert entries["efficientnet_b4"].default_input == (3, 380, 380)
    assert entries["resnet50"].family == "resnet"
    assert entries["resnet50"].reference_params == 25_557_032
    assert entries["resnet50"].reference_macs == 4_089_184_256
    assert all(entry.description for entry in entries.values())


def test_zoo_entries_list_their_family_parameters_with_the_variant_values():
    entry = {e.name: e for e in list_models()}["resnext50_32x4d"]
    defaults = dict(entry.family_defaults)
    assert defaults["depths"] == (3, 4, 6, 3) and defaults["cardinality"] == 32 and defaults["base_width"] == 4
    assert set(entry.family_params) == set(defaults)
    rebuilt = build_model("resnet50", cardinality=32, base_width=4)
    assert analyze(rebuilt).params == 25_028_904


def computed_entries():
    return [e for e in list_models() if e.reference_params and e.reference_source.startswith("computed from")]


@pytest.mark.parametrize("entry", computed_entries(), ids=lambda e: e.name)
def test_registered_reference_figures_agree_with_the_analysis(entry):
    report = analyze(build_model(entry.name))
    assert report.params == entry.reference_params
    if entry.reference_macs:
        assert abs(report.macs - entry.reference_macs) <= 0.005 * entry.reference_macs
