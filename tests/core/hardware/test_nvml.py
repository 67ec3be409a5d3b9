"""NVML wrapper: the real no-driver path on this machine, and injected failures for the paths a GPU cannot produce on demand."""

from __future__ import annotations

import math
import threading

import pytest
from test_nvml_fakes import (
    DRIVER_NOT_LOADED,
    FUNCTION_NOT_FOUND,
    LIBRARY_NOT_FOUND,
    FakePynvml,
    h100_sxm,
    rtx_4090,
)

from rigsizer.core.hardware.nvml import NotAvailable, Nvml, default_nvml, gpu_report, throttle_reason_names


def _real_library_present() -> bool:
    import ctypes.util

    return ctypes.util.find_library("nvidia-ml") is not None


@pytest.fixture
def real_nvml():
    nvml = Nvml()  # the real pynvml bindings
    yield nvml
    nvml.shutdown()


def test_missing_nvml_library_reports_reason_not_crash(real_nvml):
    report = real_nvml.report()
    if _real_library_present():  # a machine with a driver: GPUs, or the reason there are none
        assert report.status.startswith(("ok: ", "no NVIDIA GPU"))
        assert bool(report.gpus) == report.status.startswith("ok: ")
        return
    assert report.gpus == ()
    assert report.status.startswith("no NVIDIA GPU: NVML library not found")
    assert report.status.endswith("no NVIDIA driver is installed")  # said once, not echoed from pynvml
    assert not report.available


def test_query_without_nvml_is_not_available_with_the_init_reason(real_nvml):
    value = real_nvml.query("nvmlDeviceGetCount")
    if _real_library_present():
        assert isinstance(value, int) or isinstance(value, NotAvailable)
        return
    assert isinstance(value, NotAvailable)
    assert "NVML library not found" in value.reason
    assert math.isnan(float(value)) and str(value) == "n/a" and not value


def test_default_wrapper_is_shared_and_reports_without_gpu():
    assert default_nvml() is default_nvml()
    assert gpu_report().status.startswith("no NVIDIA GPU")


def test_init_runs_once_even_from_many_threads():
    fake = FakePynvml([rtx_4090()])
    nvml = Nvml(fake)
    threads = [threading.Thread(target=nvml.ensure) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert fake.init_calls == 1
    assert nvml.status() == "ok"


def test_happy_path_reads_every_static_field():
    report = Nvml(FakePynvml([rtx_4090()])).report()
    assert report.status == "ok: 1 NVIDIA GPU"
    assert report.driver_version == "550.54.15" and report.cuda_version == "12.4"
    gpu = report.gpus[0]
    assert gpu.name == "NVIDIA GeForce RTX 4090"  # bytes from older bindings are decoded
    assert gpu.compute_capability == "8.9"
    assert gpu.sm_count == 128 and gpu.cuda_cores == 16384
    assert gpu.max_sm_clock_hz == pytest.approx(3.12e9)
    assert (gpu.pcie_max_gen, gpu.pcie_max_width, gpu.pcie_current_gen, gpu.pcie_current_width) == (4, 16, 4, 16)
    assert gpu.power_limit_w == pytest.approx(450.0)
    assert gpu.mig_mode == "disabled"
    assert gpu.unavailable == {}


def test_one_unsupported_field_never_blanks_the_rest():
    fake = FakePynvml([rtx_4090()])
    fake.fail(0, "nvmlDeviceGetAttributes")
    fake.fail(0, "nvmlDeviceGetMigMode")
    gpu = Nvml(fake).report().gpus[0]
    assert math.isnan(gpu.sm_count)
    assert gpu.mig_mode == "n/a"
    assert set(gpu.unavailable) == {"sm_count", "mig_mode"}
    assert "not supported" in gpu.unavailable["sm_count"]
    assert gpu.name == "NVIDIA GeForce RTX 4090" and gpu.cuda_cores == 16384 and gpu.power_limit_w == 450


def test_enforced_power_limit_falls_back_to_management_limit():
    fake = FakePynvml([rtx_4090()])
    fake.fail(0, "nvmlDeviceGetEnforcedPowerLimit", FUNCTION_NOT_FOUND)
    gpu = Nvml(fake).report().gpus[0]
    assert gpu.power_limit_w == pytest.approx(450.0)
    assert "nvmlDeviceGetPowerManagementLimit" in fake.calls


def test_functions_missing_from_old_bindings_are_not_available():
    fake = FakePynvml([rtx_4090()], missing=("nvmlDeviceGetNumGpuCores", "nvmlSystemGetCudaDriverVersion_v2"))
    report = Nvml(fake).report()
    assert "missing from the NVML bindings" in report.gpus[0].unavailable["cuda_cores"]
    assert report.cuda_version == "n/a"


def test_mig_mode_enabled_and_pending_change_are_reported():
    fake = FakePynvml([h100_sxm(), h100_sxm(mig=(0, 1))])
    gpus = Nvml(fake).report().gpus
    assert gpus[0].mig_mode == "enabled"
    assert gpus[1].mig_mode == "disabled (pending enabled after reset)"


@pytest.mark.parametrize(
    ("code", "text"),
    [
        (LIBRARY_NOT_FOUND, "NVML library not found"),
        (DRIVER_NOT_LOADED, "NVIDIA driver not loaded"),
        (FUNCTION_NOT_FOUND, "stub or too old"),
    ],
)
def test_init_failures_become_a_clear_status(code, text):
    report = Nvml(FakePynvml([rtx_4090()], init_error=code)).report()
    assert report.gpus == ()
    assert report.status.startswith("no NVIDIA GPU: ") and text in report.status


def test_driver_without_gpus_says_no_nvidia_gpu():
    report = Nvml(FakePynvml([])).report()
    assert report.status == "no NVIDIA GPU (NVML found none)"
    assert report.driver_version == "550.54.15"


def test_gpu_lost_mid_session_marks_it_lost_and_reads_nan():
    fake = FakePynvml([rtx_4090(), rtx_4090(uuid="GPU-2")])
    nvml = Nvml(fake)
    assert nvml.reading(1).utilization_percent == 37
    fake.lost.add(1)
    reading = nvml.reading(1)
    assert reading.lost and math.isnan(reading.utilization_percent)
    assert nvml.is_lost(1)
    assert not nvml.reading(0).lost
    info = nvml.gpu_info(1)
    assert math.isnan(info.memory_total_bytes) and "GPU is lost" in info.unavailable["memory_total_bytes"]


def test_live_reading_converts_units_and_decodes_reasons():
    reading = Nvml(FakePynvml([rtx_4090(reasons=0x4 | 0x40)])).reading(0)
    assert reading.power_w == pytest.approx(312.5)
    assert reading.sm_clock_hz == pytest.approx(2.52e9)
    assert reading.temperature_c == 61
    assert throttle_reason_names(reading.throttle_mask) == ("software power cap", "hardware thermal slowdown")


def test_throttle_reasons_fall_back_to_the_older_function_name():
    fake = FakePynvml([rtx_4090(reasons=0x20)], missing=("nvmlDeviceGetCurrentClocksEventReasons",))
    reading = Nvml(fake).reading(0)
    assert throttle_reason_names(reading.throttle_mask) == ("software thermal slowdown",)
    assert "nvmlDeviceGetCurrentClocksThrottleReasons" in fake.calls


def test_unknown_throttle_bits_are_shown_not_dropped():
    assert throttle_reason_names(0x1 | 0x10000) == ("gpu idle", "other (0x10000)")
    assert throttle_reason_names(math.nan) == ()


def test_report_serialises_nan_as_none():
    fake = FakePynvml([rtx_4090()])
    fake.fail(0, "nvmlDeviceGetMemoryBusWidth")
    data = Nvml(fake).report().to_dict()
    assert data["gpus"][0]["memory_bus_width_bits"] is None
    assert data["gpus"][0]["name"] == "NVIDIA GeForce RTX 4090"


class _BrokenLibrary:
    """A library whose nvmlInit fails with something other than an NVML error (a damaged install)."""

    def nvmlInit(self):
        raise OSError("libnvidia-ml.so.1: cannot open shared object file: wrong ELF class")


def test_broken_library_is_a_status_not_a_crash():
    nvml = Nvml(_BrokenLibrary())
    report = nvml.report()
    assert report.status.startswith("no NVIDIA GPU: NVML library not usable: OSError")
    assert isinstance(nvml.reading(0).unavailable["device"], str)
