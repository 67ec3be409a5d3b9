"""Live sampler: real psutil readings in ring buffers; GPU series through an NVML stand-in for the failure paths."""

from __future__ import annotations

import math

import numpy as np
import psutil
import pytest
from test_nvml_fakes import FakePynvml, rtx_4090

from rigsizer.core.errors import ValidationError
from rigsizer.core.hardware.nvml import Nvml
from rigsizer.core.hardware.sampler import MIN_INTERVAL_S, Sampler


def test_interval_below_a_quarter_second_is_rejected_naming_the_range():
    with pytest.raises(ValidationError) as caught:
        Sampler(interval_s=0.1)
    assert caught.value.field == "sampler.interval_s"
    assert f"{MIN_INTERVAL_S:g}" in str(caught.value)
    with pytest.raises(ValidationError):
        Sampler(interval_s=1.0, history_s=0.5)


def test_capacity_is_history_over_interval():
    assert Sampler(interval_s=1.0, history_s=600).capacity == 600
    assert Sampler(interval_s=0.25, history_s=10).capacity == 40


def test_real_cpu_and_ram_readings_are_plausible():
    sampler = Sampler(interval_s=0.25, history_s=60)
    sum(i * i for i in range(200_000))  # some work between samples
    sampler.sample()
    sampler.sample()
    t, total = sampler.series("cpu_percent")
    _, cores = sampler.series("cpu_core_percent")
    _, ram = sampler.series("ram_used_bytes")
    assert len(t) == 2 and np.all(np.diff(t) >= 0)
    assert cores.shape == (2, psutil.cpu_count(logical=True))
    assert np.all((cores >= 0) & (cores <= 100))
    assert total[-1] == pytest.approx(np.mean(cores[-1]))
    assert 0 < ram[-1] <= psutil.virtual_memory().total


def test_ring_buffer_keeps_the_newest_samples_in_time_order():
    sampler = Sampler(interval_s=1.0, history_s=5)
    for second in range(12):
        sampler.sample(now=sampler._start + second)
    t, values = sampler.series("ram_used_bytes")
    assert len(sampler) == 5
    assert list(t) == pytest.approx([7.0, 8.0, 9.0, 10.0, 11.0], abs=1e-6)
    assert values.shape == (5,)


def test_without_gpus_gpu_series_are_refused_and_status_says_why():
    sampler = Sampler()
    assert sampler.gpu_count == 0
    assert sampler.gpu_status.startswith("no NVIDIA GPU")
    with pytest.raises(ValidationError) as caught:
        sampler.series("gpu_util_percent", gpu=0)
    assert "no NVIDIA GPU" in str(caught.value)


def test_unknown_series_name_lists_the_known_ones():
    with pytest.raises(ValidationError) as caught:
        Sampler().series("fan_speed")
    assert "cpu_percent" in str(caught.value)


def test_gpu_readings_fill_their_series_and_throttle_reasons_decode():
    fake = FakePynvml([rtx_4090(reasons=0x4), rtx_4090(util=90, temp=80)])
    sampler = Sampler(interval_s=0.5, history_s=30, nvml=Nvml(fake))
    sampler.sample()
    assert sampler.gpu_count == 2
    assert sampler.latest("gpu_util_percent", gpu=0) == 37
    assert sampler.latest("gpu_temperature_c", gpu=1) == 80
    assert sampler.latest("gpu_power_w", gpu=0) == pytest.approx(312.5)
    assert sampler.latest("gpu_sm_clock_hz", gpu=0) == pytest.approx(2.52e9)
    assert sampler.throttle_reasons(0) == ("software power cap",)
    assert sampler.gpu_status == "GPU 0: sampling; GPU 1: sampling"


def test_unsupported_gpu_metric_is_nan_and_named_in_the_status():
    fake = FakePynvml([rtx_4090()])
    fake.fail(0, "nvmlDeviceGetPowerUsage")
    sampler = Sampler(nvml=Nvml(fake))
    sampler.sample()
    assert math.isnan(sampler.latest("gpu_power_w", gpu=0))
    assert sampler.latest("gpu_util_percent", gpu=0) == 37
    assert "not available: power_w" in sampler.gpu_status


def test_gpu_lost_mid_session_stops_its_series_and_keeps_the_rest():
    fake = FakePynvml([rtx_4090(), rtx_4090()])
    sampler = Sampler(nvml=Nvml(fake))
    sampler.sample()
    fake.lost.add(1)
    sampler.sample()
    sampler.sample()
    _, lost = sampler.series("gpu_util_percent", gpu=1)
    _, alive = sampler.series("gpu_util_percent", gpu=0)
    assert lost[0] == 37 and np.isnan(lost[1:]).all()
    assert (alive == 37).all()
    assert "GPU 1: lost" in sampler.gpu_status
    _, ram = sampler.series("ram_used_bytes")
    assert np.isfinite(ram).all()


def test_gpu_info_names_each_monitored_gpu():
    sampler = Sampler(nvml=Nvml(FakePynvml([rtx_4090()])))
    assert sampler.gpu_info(0).name == "NVIDIA GeForce RTX 4090"
    with pytest.raises(ValidationError):
        sampler.gpu_info(1)
