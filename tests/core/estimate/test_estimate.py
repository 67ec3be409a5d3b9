"""The estimator against physics, published facts and the CLI contract."""

from __future__ import annotations

import json
import math

import pytest

from rigsizer.core.cli import main
from rigsizer.core.errors import ValidationError
from rigsizer.core.estimate.estimator import estimate
from rigsizer.core.estimate.multigpu import intra_node_link
from rigsizer.core.estimate.recommend import Constraints, recommend
from rigsizer.core.hardware.catalog import Catalog
from rigsizer.core.project import Project


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    with Catalog.open(tmp_path_factory.mktemp("catalog") / "catalog.sqlite") as opened:
        yield opened


def resnet(device="A100 SXM4 80GB", count=1, **changes):
    values = {"task": "both", "training.batch": 64, "hardware.candidates": [{"device": device, "count": count}],
              "dataset.width": 224, "dataset.height": 224}
    values.update(changes)
    return Project.default().with_values(values)


def test_resnet50_estimate_reports_model_counts_and_positive_rates(catalog):
    result = estimate(resnet(), catalog)
    assert result.model.params == 25_557_032
    assert result.training.samples_per_s.value > 0
    assert result.training.samples_per_s.low < result.training.samples_per_s.value < result.training.samples_per_s.high
    assert 0 < result.training.utilisation.value < 1
    assert result.memory.fits


def test_faster_device_trains_faster(catalog):
    slow = estimate(resnet("GeForce RTX 3060 12GB"), catalog).training.samples_per_s.value
    fast = estimate(resnet("H100 SXM5 80GB"), catalog).training.samples_per_s.value
    assert fast > 2 * slow


def test_larger_batch_uses_more_memory_and_max_batch_is_where_it_stops_fitting(catalog):
    result = estimate(resnet("GeForce RTX 4090"), catalog)
    limit = int(result.memory.max_batch.value)
    fits = estimate(resnet("GeForce RTX 4090", **{"training.batch": limit}), catalog)
    too_big = estimate(resnet("GeForce RTX 4090", **{"training.batch": limit + 1}), catalog)
    assert fits.memory.fits and not too_big.memory.fits
    assert too_big.warnings


def test_adam_needs_more_memory_than_sgd(catalog):
    sgd = estimate(resnet(**{"training.optimizer": "sgd"}), catalog).memory.optimizer_state.value
    adam = estimate(resnet(**{"training.optimizer": "adam"}), catalog).memory.optimizer_state.value
    assert sgd == 0 and adam == pytest.approx(8 * 25_557_032)


def test_rtx_4090_all_reduce_crosses_host_memory_without_peer_to_peer(catalog):
    link = intra_node_link(catalog.resolve("GeForce RTX 4090"))
    nvlink = intra_node_link(catalog.resolve("A100 SXM4 80GB"))
    assert "without peer-to-peer" in link.name
    assert nvlink.bus_bandwidth_bps > 10 * link.bus_bandwidth_bps


def test_scaling_speedup_grows_but_stays_below_linear(catalog):
    scaling = estimate(resnet(), catalog).scaling
    assert scaling.speedup[0] == pytest.approx(1.0)
    assert all(b >= a for a, b in zip(scaling.speedup, scaling.speedup[1:], strict=False))
    assert scaling.speedup[-1] <= 8.0


def test_takt_check_counts_devices_needed(catalog):
    project = resnet(**{"task": "infer", "inference.takt_time_s": 0.001, "inference.images_per_part": 100})
    takt = estimate(project, catalog).inference.takt
    assert takt.required_rate.value == pytest.approx(100_000)
    assert not takt.meets and takt.devices_needed.value > 1


def test_every_derivation_explains_itself(catalog):
    result = estimate(resnet(), catalog)
    names = result.names
    assert len(names) == len(set(names))
    for name in ("training.step_time", "memory.total", "inference.latency", "pipeline.workers_needed"):
        assert result.get(name).explain().startswith(name)
    json.dumps(result.to_dict(), allow_nan=False)


def test_unknown_device_is_rejected_with_the_field(catalog):
    with pytest.raises(ValidationError) as error:
        estimate(resnet("Imaginary GPU 9000"), catalog)
    assert error.value.field.startswith("hardware.candidates[0]")


def test_recommend_flags_a_pareto_front_and_honours_the_deadline(catalog):
    project = resnet(**{"task": "train", "dataset.images": 100_000, "training.epochs": 10})
    configs = recommend(project, catalog, Constraints(deadline_hours=5))
    meeting = [c for c in configs if c.meets]
    assert meeting and all(c.training_hours <= 5 for c in meeting)
    assert any(c.pareto for c in meeting)
    assert [c.rank for c in configs] == list(range(1, len(configs) + 1))


def test_cli_estimate_json_has_contract_keys(capsys):
    code = main(["estimate", "--model", "resnet50", "--task", "train", "--device", "NVIDIA GeForce RTX 4090",
                 "--batch", "32", "--images", "1000", "--image-size", "640x480", "--epochs", "3", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    for key in ("samples_per_s", "step_time_s", "samples_per_s_low", "samples_per_s_high", "bottleneck",
                "epoch_time_s", "total_time_s"):
        assert key in data
    assert data["model"]["params"] == 25_557_032 and data["model"]["macs"] > 0
    assert data["device"]["id"] == "nvidia-geforce-rtx-4090"
    assert data["memory"]["fits"] is True and data["memory"]["max_batch"] > 32 and data["memory"]["total_bytes"] > 0


def test_cli_infer_reports_latency(capsys):
    code = main(["estimate", "--model", "resnet18", "--task", "infer", "--device", "RTX 4090", "--precision", "int8",
                 "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["latency_ms"] > 0 and math.isfinite(data["latency_ms"])


def test_cli_rejects_bad_batch_naming_the_field(capsys):
    code = main(["estimate", "--model", "resnet50", "--task", "train", "--device", "RTX 4090", "--batch", "0"])
    assert code == 2
    assert "batch" in capsys.readouterr().err


def test_cli_recommend_json(capsys):
    code = main(["recommend", "--model", "resnet50", "--task", "train", "--max-gpus", "2", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["configurations"] and data["pareto"]


def test_cloud_comparison_prices_the_run_per_gpu_hour(catalog):
    project = resnet(count=8, **{"task": "train", "dataset.images": 100_000})
    result = estimate(project, catalog)
    assert result.cloud, "the catalog has dated A100 rental prices"
    hours = result.training.total_time.value / 3600
    for option in result.cloud:
        assert option.hours == pytest.approx(8 * hours)
        assert option.cost == pytest.approx(option.hourly_price * option.hours)
        assert option.date


def test_examples_estimate_end_to_end(catalog):
    from rigsizer.core.examples import list_examples, load_example

    for name, _ in list_examples():
        result = estimate(load_example(name), catalog)
        json.dumps(result.to_dict(), allow_nan=False)
        assert result.bottleneck


def test_seed_case_is_not_limited_by_the_cpu_with_eight_workers(catalog):
    from rigsizer.core.examples import load_example

    result = estimate(load_example("fabric-seed"), catalog)
    assert result.model.trainable_params < 45_000_000
    assert result.pipeline is not None and not result.pipeline.bottleneck
    assert result.training.total_time.value > 0


def test_recommend_edge_form_factor_offers_only_edge_devices_for_a_line(catalog):
    from rigsizer.core.examples import load_example

    project = load_example("yolov8-line-jetson")
    configs = recommend(project, catalog, Constraints(form_factor="edge", max_power_w=60))
    meeting = [c for c in configs if c.meets]
    assert meeting and all(c.kind == "edge" and c.power_w <= 60 for c in meeting)


def test_recommend_budget_excludes_expensive_configurations(catalog):
    project = resnet(**{"task": "train", "dataset.images": 10_000, "training.epochs": 5})
    configs = recommend(project, catalog, Constraints(budget=3000))
    assert all(c.price_usd <= 3000 for c in configs if c.meets)
    assert any("over budget" in c.reasons for c in configs)


def test_line_speed_gives_the_required_rate(catalog):
    project = resnet(**{"task": "infer", "inference.takt_mode": "line-speed", "inference.line_speed_m_per_s": 2.0,
                        "inference.field_of_view_m": 0.25})
    takt = estimate(project, catalog).inference.takt
    assert takt.required_rate.value == pytest.approx(8.0)
    assert takt.latency_budget.value == pytest.approx(0.125)


def test_int8_on_an_edge_module_reaches_a_fraction_of_rated_tops(catalog):
    from rigsizer.core.examples import load_example

    result = estimate(load_example("yolov8-line-jetson"), catalog)
    assert 0 < result.inference.rated_fraction.value < 1
    assert result.inference.latency.low < result.inference.latency.value < result.inference.latency.high


def test_scaling_curve_at_the_project_gpu_count_matches_the_headline_run_time(catalog):
    project = resnet(count=4, **{"task": "train", "dataset.images": 50_000, "training.epochs": 3})
    result = estimate(project, catalog)
    assert result.scaling.time_s[3] == pytest.approx(result.training.total_time.value, rel=1e-6)


def test_cli_unknown_device_names_the_device_flag(capsys):
    code = main(["estimate", "--model", "resnet50", "--task", "train", "--device", "Imaginary GPU 9000"])
    assert code == 2
    assert "device:" in capsys.readouterr().err


def test_cli_example_runs_the_seed_case(capsys):
    code = main(["estimate", "--example", "fabric-seed", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["model"]["name"] == "detr_resnet50" and data["device"]["id"] == "nvidia-geforce-rtx-4090"
    assert data["total_time_s"] > data["epoch_time_s"] > 0 and data["latency_ms"] > 0


def test_cloud_instance_prices_are_divided_by_the_gpus_per_instance(catalog):
    """AWS p5.48xlarge (8x H100) is priced per instance-hour: 98.32 / 8 per GPU-hour, not / 48."""
    project = resnet(device="H100 SXM5 80GB", count=8, **{"task": "train", "dataset.images": 100_000})
    options = {option.name: option for option in estimate(project, catalog).cloud}
    p5 = options["AWS p5.48xlarge (8x H100 80GB) on-demand"]
    assert p5.hourly_price == pytest.approx(98.32 / 8)


def test_unknown_bandwidth_names_no_bottleneck_and_says_why(catalog):
    """A device whose memory bandwidth is unknown gets no times; the bottleneck says why, not 'nan%'."""
    import dataclasses

    spec = dataclasses.replace(catalog.get("nvidia-l4"), id="user-l4-unknown-bandwidth",
                               memory_bandwidth_bps=math.nan)
    result = estimate(resnet(), catalog, device=spec)
    assert math.isnan(result.training.samples_per_s.value)
    assert result.bottleneck == "unknown"
    assert "memory bandwidth" in result.bottleneck_reason and "bench" in result.bottleneck_reason


def test_cli_bare_model_runs_at_the_models_own_input(capsys):
    code = main(["estimate", "--model", "detr_resnet50", "--task", "train", "--device", "nvidia-v100-sxm2-32gb",
                 "--batch", "2", "--precision", "fp32", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["model"]["input"] == [3, 800, 1333]


def test_cli_explicit_input_wins_over_the_models_own(capsys):
    code = main(["estimate", "--model", "detr_resnet50", "--input", "3x512x512", "--task", "infer",
                 "--device", "RTX 4090", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["model"]["input"] == [3, 512, 512]


def test_cli_misspelt_model_suggests_close_names(capsys):
    code = main(["estimate", "--model", "detr-r50", "--task", "train", "--device", "RTX 4090"])
    assert code == 2
    assert "did you mean detr_resnet50" in capsys.readouterr().err


def test_training_runtime_changes_host_dispatch_and_is_stated(catalog):
    from rigsizer.core.project import Project

    project = Project.default().with_values({"task": "train", "training.batch": 8,
                                             "hardware.candidates": [{"device": "nvidia-geforce-rtx-4090", "count": 1}]})
    eager = estimate(project, catalog)
    graph = estimate(project.with_values({"training.runtime": "graph"}), catalog)
    assert project.training.runtime == "eager"
    # small batches are dispatch-bound in eager mode; a graph executor has no Python per operator
    assert graph.training.samples_per_s.value > eager.training.samples_per_s.value
    assert any("graph framework (training.runtime = graph)" in text for text in graph.assumptions)


def test_unknown_training_runtime_is_rejected_with_the_choices():
    from rigsizer.core.errors import ValidationError
    from rigsizer.core.project import Project

    with pytest.raises(ValidationError) as caught:
        Project.default().with_values({"training.runtime": "jit"})
    assert caught.value.field == "training.runtime" and "compiled" in caught.value.allowed
