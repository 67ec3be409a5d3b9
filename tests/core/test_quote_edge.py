"""An edge-device project is quoted with its device: the module itself, as many as the candidate lists."""

from __future__ import annotations

import dataclasses

import pytest

from rigsizer.core.examples import load_example
from rigsizer.core.hardware.catalog import Catalog
from rigsizer.core.quote_build import document_for_project


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    with Catalog.open(tmp_path_factory.mktemp("catalog") / "catalog.db") as opened:
        yield opened


def test_jetson_line_quote_lists_the_jetson_module(catalog):
    project = load_example("yolov8-line-jetson")
    device = catalog.resolve(project.hardware.candidates[0].device)
    assert device.kind == "edge"
    quote = document_for_project(project, catalog).quote
    lines = [item for item in quote.items if item.catalog_id == device.id]
    assert len(lines) == 1 and lines[0].quantity == 1
    assert device.name in quote.configuration
    assert not any(item.category in ("cpu", "motherboard", "psu") for item in quote.items)  # no host sized


def test_edge_quote_quantity_follows_the_device_count(catalog):
    project = load_example("yolov8-line-jetson")
    candidate = dataclasses.replace(project.hardware.candidates[0], count=3)
    project = dataclasses.replace(project, hardware=dataclasses.replace(project.hardware, candidates=(candidate,)))
    quote = document_for_project(project, catalog).quote
    device_line = next(item for item in quote.items if item.category == "gpu")
    assert device_line.quantity == 3
    assert quote.configuration.startswith("3 x ")
