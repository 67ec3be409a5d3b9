"""The seed covers every published row, keeps its source, and leaves unknowns blank."""

from __future__ import annotations

import csv

import pytest

from rigsizer.core.hardware.seed import PEAK_COLUMNS, Seed, parse_price, seed_dir


@pytest.fixture(scope="module")
def seed():
    return Seed.load()


def _count(name: str) -> int:
    with open(seed_dir() / name, newline="", encoding="utf-8") as handle:
        return sum(1 for _ in csv.DictReader(handle))


def test_seed_covers_every_reference_row(seed):
    kinds = [d["kind"] for d in seed.devices]
    # gpus.csv 43, cpus.csv 19, edge.csv 25 rows in the reference set
    assert kinds.count("gpu") == 43
    assert kinds.count("cpu") == 19
    assert kinds.count("edge") == 25
    assert len(seed.interconnects) == 28
    assert len(seed.datasets) == 18
    assert _count("prices.csv") == len(seed.prices) >= 64


def test_ids_are_unique_stable_slugs(seed):
    ids = [d["id"] for d in seed.devices]
    assert len(ids) == len(set(ids))
    assert all(i == i.lower() and " " not in i for i in ids)
    assert "nvidia-geforce-rtx-4090" in ids
    assert "amd-instinct-mi300x" in ids
    assert "rockchip-rk3588" in ids


def test_every_row_keeps_its_source(seed):
    for device in seed.devices:
        numbers = [device[c] for c in PEAK_COLUMNS.values()] + [device["memory_gb"], device["tdp_w"]]
        # the one row without a source (Cambricon MLU220) has no figures at all
        assert device["source"] or all(n is None for n in numbers), device["id"]
    assert all(d["source"] for d in seed.datasets)
    assert all(i["source"] for i in seed.interconnects)
    assert all(p["source"] for p in seed.prices if p["price"] is not None)


def test_blank_specs_stay_unknown(seed):
    devices = {d["id"]: d for d in seed.devices}
    rtx4080 = devices["nvidia-geforce-rtx-4080"]
    assert rtx4080["fp16_tflops"] is None  # derivable by ratio, but not quoted: left blank
    assert devices["cambricon-mlu220"]["int8_tops"] is None
    assert devices["nvidia-h200-nvl"]["memory_bandwidth_gbs"] is None  # conflicting sources


def test_first_principles_inputs_are_stored_beside_datasheet_rates(seed):
    rtx4090 = next(d for d in seed.devices if d["id"] == "nvidia-geforce-rtx-4090")
    assert (rtx4090["cores"], rtx4090["boost_clock_mhz"], rtx4090["fp32_flops_per_clock"]) == (16384, 2520, 2)
    assert rtx4090["sms"] == 128
    assert rtx4090["fp32_tflops"] == pytest.approx(82.6)
    assert rtx4090["peer_to_peer"] == 0
    epyc = next(d for d in seed.devices if d["id"] == "amd-epyc-9654")
    assert (epyc["cores"], epyc["memory_channels"], epyc["memory_mts"]) == (96, 12, 4800)


def test_required_datasets_are_present_with_their_facts(seed):
    datasets = {d["id"]: d for d in seed.datasets}
    for wanted in ("coco-2017", "imagenet-1k", "kolektorsdd", "kolektorsdd2", "aitex", "mvtec-ad", "dagm-2007",
                   "neu-det", "severstal"):
        assert wanted in datasets
        assert datasets[wanted]["source"]
    assert datasets["severstal"]["width_px"] == 1600 and datasets["severstal"]["height_px"] == 256
    assert datasets["imagenet-1k"]["images_train"] == 1281167


def test_component_price_classes_exist(seed):
    categories = {p["category"] for p in seed.prices}
    assert {"gpu", "cpu", "ram", "ssd", "motherboard", "chassis", "psu", "cloud_gpu_hour"} <= categories
    ids = {p["id"] for p in seed.prices}
    assert {"ram-ddr5-per-gb", "ssd-nvme-gen4-per-tb", "psu-1000w-gold", "chassis-workstation-tower"} <= ids


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1599", (1599, 1599, 1599)), ("25000-30000", (27500, 25000, 30000)), ("91 -> 183", (183, 91, 183)),
     ("2.79 / 2.69", (None, 2.69, 2.79)), ("", (None, None, None)), ("1,256", (1256, 1256, 1256))],
)
def test_price_text_parsing(text, expected):
    assert parse_price(text) == expected
