"""TF32 (and INT8) share the tensor-core efficiency curve of FP16, scaled by the device's own
datasheet rate, so devices that publish no TF32 measurement still get a constrained estimate."""

from __future__ import annotations

import numpy as np
import pytest

from rigsizer.core.estimate import fitting
from rigsizer.core.estimate.calibration import PARAM_NAMES, load_calibration
from rigsizer.core.estimate.features import device_features, layer_features, tf32_rate
from rigsizer.core.estimate.timing import RUNTIME_EAGER, pass_time
from rigsizer.core.hardware.catalog import Catalog
from rigsizer.core.model.analyze import analyze
from rigsizer.core.model.zoo import build_model


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    with Catalog.open(tmp_path_factory.mktemp("catalog") / "catalog.sqlite") as opened:
        yield opened


def _matrix_pass(spec, precision, layers, batch=64.0):
    devices = device_features([spec], precision)
    cols = layers.as_column()
    params = load_calibration().params
    times = pass_time(macs=cols.macs, other_ops=cols.other_ops, activation_elements=cols.activation_elements,
                      weight_elements=cols.weight_elements, cls=cols.cls, gemm_m=cols.gemm_m, gemm_n=cols.gemm_n,
                      gemm_k=cols.gemm_k, batch=batch, bytes_per_element=2.0, matrix_flops=devices.matrix_flops,
                      vector_flops=devices.vector_flops, tensor=devices.tensor, bandwidth=devices.bandwidth,
                      device_class=devices.device_class, runtime=RUNTIME_EAGER, params=params)
    return devices, times


def test_no_parameter_belongs_to_one_precision():
    assert not any(name.startswith(("tf32", "int8")) for name in PARAM_NAMES)


def test_tf32_on_a_device_absent_from_the_fit_follows_the_fp16_curve_at_its_own_peak(catalog):
    h100 = catalog.get("nvidia-h100-sxm5-80gb")  # no calibration row comes from a Hopper GPU
    layers = layer_features(analyze(build_model("resnet50"), "fp16"))
    tf32_dev, tf32 = _matrix_pass(h100, "tf32", layers)
    fp16_dev, fp16 = _matrix_pass(h100, "fp16", layers)
    assert tf32_rate(tf32_dev)[0] and tf32_dev.rate_key[0] == "tf32"
    gemm = layers.cls == 0
    np.testing.assert_allclose(tf32.eta[gemm], fp16.eta[gemm])  # same efficiency at the same shapes
    ratio = float(tf32.compute[gemm].sum() / fp16.compute[gemm].sum())
    peak_ratio = h100.peak("fp16") / h100.peak("tf32")
    # compute time scales with the datasheet ratio (2x on Hopper), within 10% (rate-dependent small-GEMM term)
    assert peak_ratio / 1.1 < ratio < peak_ratio * 1.1


def test_a100_tf32_measurements_are_predicted_without_a_tf32_parameter(catalog):
    data = fitting.build_dataset(catalog)
    rows = np.zeros(len(data.rows), dtype=bool)
    rows[data.row_index[data.tf32]] = True
    assert rows.sum() > 50 and set(data.group[rows].tolist()) == {"A100"}
    errors = fitting.abs_pct(fitting.log_error(data, load_calibration().params))[rows]
    assert np.median(errors) < 35.0
