"""What the estimator, the GUI and the quote read from the catalog: device specs in SI units, arrays for
sweeps, datasets, prices with date and source, links and stored benchmark results."""

from __future__ import annotations

import json
import math
import subprocess
import sys

import numpy as np
import pytest

from rigsizer.core.errors import ValidationError
from rigsizer.core.hardware.catalog import Catalog


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    catalog = Catalog.open(tmp_path_factory.mktemp("api") / "catalog.db")
    yield catalog
    catalog.close()


@pytest.fixture
def catalog(tmp_path):
    catalog = Catalog.open(tmp_path / "catalog.db")
    yield catalog
    catalog.close()


def test_rtx4090_spec_in_si_units_with_origins(shared):
    spec = shared.get("nvidia-geforce-rtx-4090")
    assert spec.kind == "gpu" and spec.vendor == "NVIDIA"
    assert spec.memory_bytes == 24 * 1024**3
    assert spec.memory_bandwidth_bps == pytest.approx(1008e9)
    assert spec.peak_flops == pytest.approx(
        {"fp32": 82.6e12, "fp16": 165.2e12, "bf16": 165.2e12, "fp8": 330.3e12, "int8": 660.6e12})
    assert math.isnan(spec.peak("tf32"))
    assert spec.boost_clock_hz == pytest.approx(2.52e9)
    assert spec.derived_fp32_peak == pytest.approx(82.58e12, rel=1e-3)
    assert spec.peer_to_peer is False
    assert (spec.pcie_gen, spec.pcie_lanes) == (4, 16)
    assert spec.price_usd == 1599 and "2022-10-12" in spec.price_date and "slashgear" in spec.price_source
    assert spec.field_origin["peak_flops.fp32"] == "catalog"
    assert spec.field_origin["peak_flops.tf32"] == "unknown"
    assert spec.field_origin["nvlink_bps"] == "unknown"


def test_peer_to_peer_is_known_only_where_sourced(shared):
    assert shared.get("nvidia-h100-sxm5-80gb").peer_to_peer is True
    assert shared.get("nvidia-geforce-rtx-3090").peer_to_peer is None  # disputed in the sources
    assert shared.get("nvidia-geforce-rtx-4060-ti-16gb").peer_to_peer is False


def test_cpu_spec_carries_derived_fp32_peak_and_isa(shared):
    spec = shared.get("intel-xeon-platinum-8480-plus")
    assert spec.peak("fp32") == pytest.approx(56 * 2.0e9 * 64)
    assert spec.field_origin["peak_flops.fp32"] == "derived"
    assert "amx_bf16" in spec.isa and "avx512f" in spec.isa
    assert spec.memory_bandwidth_bps == pytest.approx(307.2e9)
    hybrid = shared.get("intel-core-i9-13900k")
    assert math.isnan(hybrid.flops_per_clock_per_core)  # differs between P- and E-cores
    assert hybrid.peak("fp32") == pytest.approx(8 * 3.0e9 * 32)


def test_devices_by_kind(shared):
    assert {d.kind for d in shared.devices("edge")} == {"edge"}
    assert len(shared.devices()) == 87
    with pytest.raises(ValidationError):
        shared.devices("fpga")


def test_as_arrays_aligns_numeric_columns_with_ids(shared):
    arrays = shared.as_arrays("gpu")
    assert len(arrays) == 43
    i = arrays.index("nvidia-geforce-rtx-4090")
    assert arrays.names[i] == "GeForce RTX 4090"
    assert arrays.peak("fp16")[i] == pytest.approx(165.2e12)
    assert arrays.memory_bytes[i] == 24 * 1024**3
    assert arrays.memory_bandwidth_bps[i] == pytest.approx(1008e9)
    assert arrays["tdp_w"][i] == 450 and arrays.price_usd[i] == 1599
    for column in arrays.columns.values():
        assert column.dtype == np.float64 and column.shape == (43,)
    assert np.isnan(arrays.peak("tf32")[i])
    # a vectorised sweep: time of 1 PFLOP of FP16 work on every GPU with a known rate
    seconds = 1e15 / arrays.peak("fp16")
    assert np.nanmin(seconds) > 0


def test_datasets_by_name_alias_or_id(shared):
    coco = shared.dataset("COCO")
    assert coco.id == "coco-2017" and coco.images_train == 118287 and coco.channels == 3
    assert coco.typical_file_bytes == pytest.approx(168e3)
    assert shared.dataset("ksdd2").name == "KolektorSDD2"
    assert shared.dataset("imagenet-1k").width_px == 469
    assert math.isnan(shared.dataset("MVTec AD").width_px)  # a range, kept as text
    assert shared.dataset("MVTec AD").width_text == "700-1024"
    assert len(shared.datasets()) == 18
    with pytest.raises(ValidationError):
        shared.dataset("cifar-10")


def test_prices_carry_date_source_and_ranges(shared):
    h100 = shared.price("nvidia-h100-sxm5-80gb")
    assert (h100.price_low, h100.price_high, h100.price) == (25000, 30000, 27500)
    assert h100.date and h100.source
    ram = shared.price("ram-ddr5-per-gb")
    assert ram.unit == "per GB" and ram.price == pytest.approx(10.19)
    psu = shared.price("psu-1000w-gold")
    assert math.isnan(psu.price) and "Not found" in psu.notes
    assert {p.category for p in shared.prices("cloud_gpu_hour")} == {"cloud_gpu_hour"}
    with pytest.raises(ValidationError):
        shared.price("gpu-unobtainium")


def test_set_price_edits_and_creates_with_validation(catalog):
    entry = catalog.set_price("psu-1000w-gold", 189.0, "usd", "2026-11-24", "local shop")
    assert (entry.price, entry.currency, entry.user_edited) == (189.0, "USD", True)
    new = catalog.set_price("nic-25gbe", 240, "EUR", "2026-11", "distributor", category="network", item="25GbE NIC")
    assert new.user_defined and new.category == "network"
    assert catalog.set_price("nvidia-rtx-a6000", 4650, "USD", "2026-11", "quote").device_id == "nvidia-rtx-a6000"
    assert catalog.get("nvidia-rtx-a6000").price_usd == 4650
    for bad, field in (({"price": -1}, "price.price"), ({"currency": "dollars"}, "price.currency"),
                       ({"source": " "}, "price.source")):
        args = {"item_id": "psu-1000w-gold", "price": 1.0, "currency": "USD", "date": "2026", "source": "x", **bad}
        with pytest.raises(ValidationError) as caught:
            catalog.set_price(**args)
        assert caught.value.field == field
    with pytest.raises(ValidationError) as caught:
        catalog.set_price("mystery-item", 5, "USD", "2026", "x")
    assert caught.value.field == "price.category"


def test_interconnects_in_bytes_per_second(shared):
    pcie4 = shared.interconnect("pcie-4-0-x16")
    assert pcie4.per_direction_bps == pytest.approx(31.5e9)
    assert shared.interconnect("NVLink 4.0 (H100/H200)").bidirectional_bps == pytest.approx(900e9)
    assert len(shared.interconnects()) == 28


def test_benchmark_results_are_timestamped_newest_first(catalog):
    catalog.record_benchmark({"name": "matmul_fp32", "gflops": 100.0, "utilisation": 0.8})
    catalog.record_benchmark({"name": "stream_triad", "gbs": 15.0})
    results = catalog.benchmark_results()
    assert [r["name"] for r in results] == ["stream_triad", "matmul_fp32"]
    assert results[0]["recorded_at"].endswith("Z")
    assert catalog.benchmark_results(limit=1)[0]["gbs"] == 15.0
    with pytest.raises(ValidationError):
        catalog.record_benchmark(["not", "a", "dict"])


def test_fp32_peak_derivation_is_explained(shared):
    text = shared.fp32_peak("nvidia-h100-sxm5-80gb").explain()
    assert "chips x CUDA cores / stream processors x clock x FLOPs/clock" in text
    assert "16896" in text


def run_cli(*args: str, env_dir) -> subprocess.CompletedProcess:
    import os

    env = {**os.environ, "RIGSIZER_DATA_DIR": str(env_dir)}
    return subprocess.run([sys.executable, "-m", "rigsizer.core.cli", "catalog", *args], capture_output=True,
                          text=True, env=env)


def test_cli_search_4090_prints_the_card_and_its_sources(tmp_path):
    result = run_cli("search", "4090", env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "nvidia-geforce-rtx-4090" in result.stdout
    assert "source: [NV-ADA-WP]" in result.stdout
    assert "165.2 TFLOPS" in result.stdout


def test_cli_list_json_gives_device_objects(tmp_path):
    result = run_cli("list", "--kind", "edge", "--json", env_dir=tmp_path)
    devices = json.loads(result.stdout)
    assert len(devices) == 25
    assert {"id", "name", "vendor", "kind", "specs", "source"} <= set(devices[0])
    assert all(d["kind"] == "edge" for d in devices)


def test_cli_show_includes_the_peak_formula(tmp_path):
    text = run_cli("show", "NVIDIA GeForce RTX 4090", env_dir=tmp_path).stdout
    assert "FP32 peak = chips x CUDA cores" in text and "check fp32: agrees" in text
    data = json.loads(run_cli("show", "amd-instinct-mi300x", "--json", env_dir=tmp_path).stdout)
    assert data["fp32_peak_derivation"]["formula"].startswith("chips x")
    assert any(c["status"] == "known_exception" for c in data["peak_checks"])


def test_cli_unknown_device_is_one_line_exit_2(tmp_path):
    result = run_cli("show", "A100", env_dir=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "several devices" in result.stderr


def test_cli_datasets_and_prices_json(tmp_path):
    datasets = json.loads(run_cli("datasets", "--json", env_dir=tmp_path).stdout)
    assert any(d["id"] == "severstal" and d["source"] for d in datasets)
    prices = json.loads(run_cli("prices", "--json", env_dir=tmp_path).stdout)
    assert any(p["id"] == "ram-ddr5-per-gb" and p["date"] for p in prices)


def test_cloud_hour_prices_link_to_devices_but_are_not_their_purchase_price(shared):
    l4_cloud = [p for p in shared.prices("cloud_gpu_hour") if p.device_id == "nvidia-l4"]
    assert len(l4_cloud) == 2 and all(p.unit.startswith("per") for p in l4_cloud)
    assert math.isnan(shared.get("nvidia-l4").price_usd)  # no purchase price in the sources
    pods = {p.item: p.price for p in shared.prices("cloud_gpu_hour") if p.item.startswith("RunPod pod RTX 4090")}
    assert pods == {"RunPod pod RTX 4090 (spot)": 0.34, "RunPod pod RTX 4090 (on-demand)": 0.60}


def test_arrays_of_the_whole_catalog_keep_each_kind(shared):
    arrays = shared.as_arrays()
    assert len(arrays) == len(arrays.kinds) == 87
    assert arrays.kinds[arrays.index("amd-epyc-9654")] == "cpu"
    cpu_mask = np.array([k == "cpu" for k in arrays.kinds])
    assert np.all(np.isfinite(arrays.peak("fp32")[cpu_mask]) | np.isnan(arrays["cores"][cpu_mask]) |
                  np.isnan(arrays["boost_clock_hz"][cpu_mask]))


def test_derivations_cover_fp32_tensor_and_bandwidth_where_inputs_exist(shared):
    names = [d.name for d in shared.derivations("nvidia-geforce-rtx-5090")]
    assert names == ["FP32 peak", "FP16 tensor peak (dense)", "memory bandwidth"]
    only_fp32 = shared.derivations("nvidia-gb200")
    assert len(only_fp32) == 1 and math.isnan(only_fp32[0].value)


def test_prices_filter_by_device_in_sql(shared):
    rows = shared.prices("cloud_gpu_hour", device_id="nvidia-l4")
    assert rows and {(p.category, p.device_id) for p in rows} == {("cloud_gpu_hour", "nvidia-l4")}
    assert shared.prices(device_id="nvidia-geforce-rtx-4090")  # its purchase price and its rental offers
