"""Shape-aware efficiency features: Winograd-eligible convolutions and depthwise backward kernels."""

from __future__ import annotations

import numpy as np
import pytest

from rigsizer.core.estimate.calibration import load_calibration
from rigsizer.core.estimate.features import CLASS_DEPTHWISE, device_features, layer_features
from rigsizer.core.estimate.timing import RUNTIME_EAGER, step_times
from rigsizer.core.hardware.catalog import Catalog
from rigsizer.core.model.analyze import analyze
from rigsizer.core.model.zoo import build_model


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    with Catalog.open(tmp_path_factory.mktemp("catalog") / "catalog.sqlite") as opened:
        yield opened


def test_only_dense_3x3_stride1_convolutions_are_winograd_eligible():
    layers = layer_features(analyze(build_model("resnet50"), "fp32"))
    flagged = {name for name, w in zip(layers.names, layers.winograd, strict=True) if w}
    assert "layer1.0.conv2" in flagged  # 3x3 s1
    assert "layer1.0.conv1" not in flagged and "conv1" not in flagged  # 1x1, 7x7 s2
    grouped = layer_features(analyze(build_model("efficientnet_b0"), "fp32"))
    assert not grouped.winograd[grouped.cls == CLASS_DEPTHWISE].any()


def _pass(spec, precision, layers, params):
    devices = device_features([spec], precision)
    return step_times(layers.as_column(), devices, batch=64.0, bytes_per_element=4.0 if precision == "fp32" else 2.0,
                      runtime=RUNTIME_EAGER, params=params, training=True, trainable_params=1e6)


def test_winograd_speeds_up_cuda_core_fp32_only(catalog):
    layers = layer_features(analyze(build_model("resnet50"), "fp32"))
    params = dict(load_calibration().params)
    off = dict(params, winograd_speedup=1.0)
    v100 = catalog.get("nvidia-v100-sxm2-32gb")
    eligible = layers.winograd > 0
    fp32_on, fp32_off = _pass(v100, "fp32", layers, params), _pass(v100, "fp32", layers, off)
    ratio = fp32_off.forward.compute[eligible].sum() / fp32_on.forward.compute[eligible].sum()
    assert ratio == pytest.approx(params["winograd_speedup"], rel=1e-6)
    fp16_on, fp16_off = _pass(v100, "fp16", layers, params), _pass(v100, "fp16", layers, off)
    np.testing.assert_allclose(fp16_on.forward.compute, fp16_off.forward.compute)  # tensor cores: implicit GEMM


def test_depthwise_backward_runs_at_its_own_efficiency(catalog):
    layers = layer_features(analyze(build_model("efficientnet_b0"), "fp16"))
    params = dict(load_calibration().params)
    slower = dict(params, depthwise_backward_factor=params["depthwise_backward_factor"] / 2)
    gpu = catalog.get("nvidia-geforce-rtx-3090")
    base, half = _pass(gpu, "fp16", layers, params), _pass(gpu, "fp16", layers, slower)
    depthwise = layers.cls == CLASS_DEPTHWISE
    assert half.backward.compute[depthwise].sum() == pytest.approx(2 * base.backward.compute[depthwise].sum())
    np.testing.assert_allclose(half.forward.time, base.forward.time)
    np.testing.assert_allclose(half.backward.compute[~depthwise], base.backward.compute[~depthwise])
