"""The fitted calibration: traceable to the bundled measurements, better than FLOPs/peak,
bands from residuals, and a memory model inside the published out-of-memory bounds."""

from __future__ import annotations

import json

import numpy as np
import pytest

from rigsizer.core.estimate import fitting
from rigsizer.core.estimate import memory as memory_model
from rigsizer.core.estimate.calibration import PARAM_NAMES, calibration_dir, load_calibration, params_path
from rigsizer.core.hardware.catalog import Catalog
from rigsizer.core.model.analyze import analyze
from rigsizer.core.model.zoo import build_model


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    with Catalog.open(tmp_path_factory.mktemp("catalog") / "catalog.sqlite") as opened:
        yield opened


@pytest.fixture(scope="module")
def dataset(catalog):
    return fitting.build_dataset(catalog)


def test_params_file_records_the_version_of_the_bundled_measurements():
    document = json.loads(params_path().read_text())
    assert document["data_version"] == fitting.data_version(calibration_dir() / "measurements.csv")
    assert set(document["params"]) == set(PARAM_NAMES)
    assert document["summary"]["leave_one_device_out"]["median_pct"] > 0


def test_uncertainty_bands_come_from_the_residuals_not_a_fixed_percentage():
    calibration = load_calibration()
    low, high = calibration.band("train")
    assert low < 1.0 < high
    assert calibration.band("train") != calibration.band("infer")


def test_fitted_model_is_far_better_than_flops_over_peak(dataset):
    fitted = fitting.abs_pct(fitting.log_error(dataset, load_calibration().params))
    naive_log = np.log(fitting.naive_prediction(dataset) / dataset.measured)
    naive = fitting.abs_pct(np.where(dataset.is_latency, -naive_log, naive_log))
    assert np.median(fitted) < 25.0
    assert np.median(fitted) < np.median(naive) / 5


def test_measurement_rows_map_precision_and_runtime(dataset):
    assert len(dataset.rows) > 800
    sources = set(dataset.source.tolist())
    assert any(s.startswith("timm_train") for s in sources) and "dle_tf1_rn50" in sources
    assert dataset.tf32.any() and not dataset.tf32[dataset.dev.device_class == 1].any()


@pytest.mark.parametrize(("model", "fits", "fails"), [("resnet152", 192, 256), ("vit_base_patch16_224", 192, 256),
                                                      ("convnext_base", 128, 192)])
def test_largest_batch_on_a_24gb_card_matches_published_oom_bounds(catalog, model, fits, fails):
    report = analyze(build_model(model), "fp16")
    terms = memory_model.training_terms(report, "fp16", "sgd", False)
    largest = float(memory_model.max_batch(terms, catalog.get("nvidia-geforce-rtx-3090").memory_bytes))
    assert fits <= largest < fails
