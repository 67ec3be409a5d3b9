"""Preset projects load, validate and are addressable by name."""

from __future__ import annotations

import pytest

from rigsizer.core.errors import ValidationError
from rigsizer.core.examples import list_examples, load_example


def test_seed_case_is_listed_first_with_its_title():
    assert list_examples()[0] == ("fabric-seed", "Fabric defect detection (seed case)")


def test_every_preset_loads_without_warnings():
    for name, _ in list_examples():
        assert load_example(name).warnings == ()


def test_seed_case_matches_the_question():
    seed = load_example("fabric-seed")
    assert seed.dataset.images == 1000 and seed.dataset.width * seed.dataset.height >= 5_000_000
    assert seed.hardware.cpu == "Core i9-13900K" and seed.hardware.ram_gib == 64
    assert seed.hardware.candidates[0].device == "GeForce RTX 4090"
    assert seed.training.precision == "fp16"


def test_unknown_preset_lists_the_names():
    with pytest.raises(ValidationError) as error:
        load_example("nope")
    assert "fabric-seed" in error.value.allowed


def test_seed_comparison_corrects_the_article(tmp_path):
    from rigsizer.core.examples import seed_case_comparison
    from rigsizer.core.hardware.catalog import Catalog

    with Catalog.open(tmp_path / "c.sqlite") as catalog:
        rows = seed_case_comparison(catalog)
    by_claim = {row["claim"]: row["rigsizer"] for row in rows}
    assert by_claim["RTX 4090 FP32 peak"].startswith("82.6")
    assert by_claim["RTX 4090 FP16 dense peak (FP32 accumulate)"].startswith("165")
    assert "no NVLink" in by_claim["RTX 4090 NVLink"]
    assert by_claim["DETR-R50 trainable parameters"].startswith("41.")
