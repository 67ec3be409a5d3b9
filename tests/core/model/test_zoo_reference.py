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
