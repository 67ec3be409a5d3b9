""""This workstation": detected devices joined with their catalog twins, with the origin of every field."""

from __future__ import annotations

import dataclasses
import math

import pytest
from test_nvml_fakes import FakePynvml, h100_sxm, rtx_4090

from rigsizer.core.explain import Derived
from rigsizer.core.hardware.catalog import Catalog
from rigsizer.core.hardware.detect import detect
from rigsizer.core.hardware.microbench import BenchReport, BenchResult, store
from rigsizer.core.hardware.nvml import Nvml
from rigsizer.core.hardware.workstation import workstation


@pytest.fixture
def catalog(tmp_path):
    opened = Catalog.open(tmp_path / "catalog.db")
    yield opened
    opened.close()


def system_with(gpus, brand="13th Gen Intel(R) Core(TM) i9-13900K", vendor="Intel"):
    """This machine's real detection, with the CPU name and the NVML view replaced."""
    real = detect()
    cpu = dataclasses.replace(real.cpu, model_name=brand, vendor=vendor)
    return dataclasses.replace(real, cpu=cpu, gpu_report=Nvml(FakePynvml(gpus)).report())


def test_this_machine_without_gpu_is_its_cpu(catalog):
    station = workstation(catalog)
    assert station.gpus == ()
    assert station.primary is station.cpu
    assert station.cpu.id == "local-cpu" and station.cpu.name.startswith("This workstation: ")
    assert station.gpu_status.startswith("no NVIDIA GPU")
    assert station.ram_bytes == detect().ram_total_bytes
    assert station.matches["local-cpu"]


def test_matched_cpu_takes_catalog_specs_and_detected_ram(catalog):
    station = workstation(catalog, system_with([]))
    row = catalog.get("intel-core-i9-13900k")
    assert station.cpu.name == "This workstation: Core i9-13900K"
    assert station.cpu.cores == row.cores and station.cpu.memory_bandwidth_bps == row.memory_bandwidth_bps
    assert station.cpu.field_origin["cores"] == "catalog"
    assert station.cpu.field_origin["memory_bandwidth_bps"] == "catalog"
    assert station.cpu.field_origin["memory_bytes"] == "detected"
    assert station.cpu.memory_bytes == station.ram_bytes
    assert "intel-core-i9-13900k" in station.cpu.source


def test_gpus_become_local_specs_with_catalog_rates_and_detected_memory(catalog):
    station = workstation(catalog, system_with([rtx_4090(), h100_sxm()]))
    first, second = station.gpus
    assert (first.id, second.id) == ("local-gpu-0", "local-gpu-1")
    assert first.name == "This workstation: GeForce RTX 4090"
    assert second.name == "This workstation: H100 SXM5 80GB"
    assert station.primary is first
    row = catalog.get("nvidia-geforce-rtx-4090")
    assert first.peak("fp16") == row.peak("fp16") and first.field_origin["peak_flops"] == "catalog"
    assert first.memory_bytes == 24564 * 1024**2 and first.field_origin["memory_bytes"] == "detected"
    assert first.pcie_gen == 4 and first.field_origin["pcie_gen"] == "detected"
    assert set(first.field_origin.values()) <= {"catalog", "detected", "unknown"}


def test_uncatalogued_gpu_falls_back_to_nvml_spec(catalog):
    station = workstation(catalog, system_with([rtx_4090(name="NVIDIA GeForce RTX 4090 D", cores=14592)]))
    spec = station.gpus[0]
    assert spec.name == "This workstation: NVIDIA GeForce RTX 4090 D"
    assert spec.cores == 14592 and spec.field_origin["cores"] == "detected"
    assert spec.memory_bandwidth_bps == pytest.approx(384 / 8 * 2 * 10501e6)  # 1008 GB/s, as the datasheet
    assert spec.field_origin["memory_bandwidth_bps"] == "derived"
    assert "no catalog entry" in station.matches["local-gpu-0"]


def test_gpu_on_a_board_with_other_memory_gets_its_own_bandwidth(catalog):
    a100_40 = h100_sxm(name="NVIDIA A100-SXM4-40GB", memory_total=40 * 1024**3, power_limit_mw=400000,
                       max_clocks={0: 1410, 1: 1410, 2: 1215})  # fmt: skip
    spec = workstation(catalog, system_with([a100_40])).gpus[0]
    assert "A100" in spec.name
    assert spec.memory_bandwidth_bps == pytest.approx(5120 / 8 * 2 * 1215e6)  # 1555 GB/s, the 40 GB board's figure
    assert spec.field_origin["memory_bandwidth_bps"] == "derived"


def test_board_with_other_memory_and_no_bus_width_has_unknown_bandwidth(catalog):
    fake_gpu = h100_sxm(name="NVIDIA A100-SXM4-40GB", memory_total=40 * 1024**3, power_limit_mw=400000)
    system = system_with([fake_gpu])
    gpu = dataclasses.replace(system.gpus[0], memory_bus_width_bits=math.nan)
    system = dataclasses.replace(system, gpu_report=dataclasses.replace(system.gpu_report, gpus=(gpu,)))
    spec = workstation(catalog, system).gpus[0]
    assert math.isnan(spec.memory_bandwidth_bps) and spec.field_origin["memory_bandwidth_bps"] == "unknown"


def test_generic_vm_cpu_gets_derived_spec(catalog):
    station = workstation(catalog, system_with([], brand="AMD EPYC", vendor="AMD"))
    assert station.cpu.field_origin["peak_flops"] in ("derived", "unknown")
    assert "no catalog entry" in station.matches["local-cpu"]


def _report(cpu_name: str, fp32: float, bandwidth: float, timestamp: str) -> BenchReport:
    def result(key, unit, value):
        return BenchResult(key, key, Derived(key, value, unit, "measured"), None)

    return BenchReport(timestamp, cpu_name, "local-cpu", True,
                       (result("fp32_flops", "FLOP/s", fp32), result("memory_bandwidth_bps", "B/s", bandwidth)))  # fmt: skip


def test_stored_measurements_calibrate_this_workstation(catalog):
    system = system_with([], brand="AMD EPYC", vendor="AMD")
    assert store(_report("AMD EPYC", 1.0e11, 1.5e10, "2026-01-01T00:00:00+00:00"), catalog)
    assert store(_report("AMD EPYC", 2.0e11, 2.5e10, "2026-02-01T00:00:00+00:00"), catalog)
    assert store(_report("Some other CPU", 9.9e12, 9.9e11, "2026-03-01T00:00:00+00:00"), catalog)
    cpu = workstation(catalog, system).cpu
    assert cpu.measured == {"fp32_flops": 2.0e11, "memory_bandwidth_bps": 2.5e10}  # newest of this CPU
    assert cpu.memory_bandwidth_bps == 2.5e10 and cpu.field_origin["memory_bandwidth_bps"] == "measured"
    assert cpu.field_origin["measured.fp32_flops"] == "measured"


def test_measured_bandwidth_never_overrides_a_catalog_figure(catalog):
    store(_report("13th Gen Intel(R) Core(TM) i9-13900K", 5e11, 6e10, "2026-01-01T00:00:00+00:00"), catalog)
    cpu = workstation(catalog, system_with([])).cpu
    assert cpu.memory_bandwidth_bps == catalog.get("intel-core-i9-13900k").memory_bandwidth_bps
    assert cpu.measured["memory_bandwidth_bps"] == 6e10


def test_without_catalog_detection_alone_still_gives_a_workstation():
    station = workstation(None, system_with([rtx_4090()]))
    assert station.cpu.id == "local-cpu" and station.gpus[0].id == "local-gpu-0"
    assert station.gpus[0].derived_fp32_peak == pytest.approx(16384 * 3.12e9 * 2)


def test_cuda_measurements_calibrate_the_first_gpu(catalog):
    system = system_with([rtx_4090(name="NVIDIA GeForce RTX 4090 D", cores=14592)], brand="AMD EPYC", vendor="AMD")
    report = _report("AMD EPYC", 2.0e11, 2.5e10, "2026-02-01T00:00:00+00:00")
    gpu_result = BenchResult("gpu_memory_bandwidth_bps", "CUDA copy", Derived("copy", 9.0e11, "B/s", "measured"), None)
    store(dataclasses.replace(report, results=(*report.results, gpu_result)), catalog)
    station = workstation(catalog, system)
    gpu = station.gpus[0]
    assert gpu.measured == {"memory_bandwidth_bps": 9.0e11}
    assert gpu.field_origin["measured.memory_bandwidth_bps"] == "measured"
    # the board's own figure (bus width x memory clock) stays; the measurement sits beside it
    assert gpu.memory_bandwidth_bps == pytest.approx(384 / 8 * 2 * 10501e6)
    assert gpu.field_origin["memory_bandwidth_bps"] == "derived"
    assert "gpu_memory_bandwidth_bps" not in station.cpu.measured


def test_cancelled_runs_are_not_used_for_calibration(catalog):
    report = _report("AMD EPYC", 2.0e11, 2.5e10, "2026-02-01T00:00:00+00:00")
    store(dataclasses.replace(report, cancelled=True), catalog)
    assert workstation(catalog, system_with([], brand="AMD EPYC", vendor="AMD")).cpu.measured == {}
