"""Micro-benchmarks: real BLAS and memory runs in quick mode, utilisation against the spec, cancellation, storage."""

from __future__ import annotations

import math

import pytest

from rigsizer.core.hardware.catalog import Catalog
from rigsizer.core.hardware.detect import detect
from rigsizer.core.hardware.matching import fallback_cpu_spec
from rigsizer.core.hardware.microbench import (
    BenchState,
    run_microbenchmarks,
    store,
    theoretical_bandwidth,
    theoretical_flops,
)


@pytest.fixture(scope="module")
def local_spec():
    system = detect()
    return fallback_cpu_spec(system.cpu, system.ram_total_bytes)


@pytest.fixture(scope="module")
def quick_report(local_spec):
    seen: list[tuple[float, str]] = []
    report = run_microbenchmarks(local_spec, quick=True, state=BenchState(callback=lambda p, m: seen.append((p, m))))
    return report, seen


def test_quick_run_measures_matmul_and_stream_rates(quick_report):
    report, _ = quick_report
    assert not report.cancelled
    keys = [r.key for r in report.results]
    assert keys[:4] == ["fp32_flops", "fp64_flops", "copy_bandwidth_bps", "memory_bandwidth_bps"]
    measured = report.measured
    assert measured["fp32_flops"] > 1e9 and measured["fp64_flops"] > 1e8
    assert 1e8 < measured["memory_bandwidth_bps"] < 1e13


def test_stream_arrays_are_well_beyond_the_last_level_cache(quick_report):
    report, _ = quick_report
    triad = next(r for r in report.results if r.key == "memory_bandwidth_bps")
    llc = detect().cpu.last_level_cache_bytes
    if triad.details["limited_by_free_memory"]:
        assert any("limited" in note for note in report.notes)
    else:
        assert triad.details["array_bytes"] >= 0.95 * max(4 * llc if not math.isnan(llc) else 0, 64 * 1024**2)
    assert triad.details["reps"] == 3 and triad.details["threads"] >= 1


def test_utilisation_is_measured_over_theoretical_with_its_derivation(quick_report, local_spec):
    report, _ = quick_report
    fp32 = report.results[0]
    if math.isnan(local_spec.peak("fp32")):
        assert fp32.utilisation is None
        return
    utilisation = fp32.utilisation
    assert utilisation.value == pytest.approx(fp32.measured.value / local_spec.peak("fp32"))
    assert utilisation.formula == "measured / theoretical"
    assert fp32.details["implied_clock_hz"] == pytest.approx(
        fp32.measured.value / (local_spec.cores * local_spec.flops_per_clock_per_core)
    )
    assert fp32.exceeds_theoretical == (utilisation.value > 1.02)


def test_unknown_theoretical_bandwidth_gives_no_utilisation(quick_report):
    report, _ = quick_report
    triad = next(r for r in report.results if r.key == "memory_bandwidth_bps")
    assert triad.theoretical is None and triad.utilisation is None
    assert triad.to_dict()["utilisation"] is None


def test_progress_rises_to_one_with_messages(quick_report):
    _, seen = quick_report
    progress = [p for p, _ in seen]
    assert progress == sorted(progress) and progress[-1] == 1.0
    assert any("FP32 matmul" in m for _, m in seen) and any("memory bandwidth" in m for _, m in seen)


def test_optional_pytorch_paths_say_when_skipped(quick_report):
    report, _ = quick_report
    try:
        import torch  # noqa: F401
    except ImportError:
        assert any("PyTorch not installed" in note for note in report.notes)
    else:
        assert any(r.key == "torch_conv2d_flops" for r in report.results)


def test_cancelling_returns_the_partial_results(local_spec):
    state = BenchState()

    def cancel_after_fp32(progress: float, message: str) -> None:
        if "FP64" in message:
            state.cancel()

    state.callback = cancel_after_fp32
    report = run_microbenchmarks(local_spec, quick=True, state=state)
    assert report.cancelled
    assert [r.key for r in report.results] == ["fp32_flops"]
    assert "cancelled: partial results" in report.notes


def test_cancelled_before_start_measures_nothing():
    state = BenchState()
    state.cancel()
    report = run_microbenchmarks(None, quick=True, state=state, llc_bytes=1e6, threads=1, cpu_name="x")
    assert report.cancelled and report.results == ()


def test_catalog_peak_is_the_theoretical_figure(tmp_path):
    with Catalog.open(tmp_path / "catalog.db") as catalog:
        row = catalog.get("intel-xeon-platinum-8480-plus")
    fp32 = theoretical_flops(row, "fp32")
    assert fp32.value == row.peak("fp32")
    fp64 = theoretical_flops(row, "fp64")
    assert fp64 is None or fp64.value == pytest.approx(row.peak("fp32") / 2)
    assert theoretical_bandwidth(row).value == row.memory_bandwidth_bps


def test_results_are_stored_in_the_catalog_with_timestamp(quick_report, tmp_path):
    report, _ = quick_report
    with Catalog.open(tmp_path / "catalog.db") as catalog:
        assert store(report, catalog)
        stored = catalog.benchmark_results()
    assert stored[0]["timestamp"] == report.timestamp and stored[0]["recorded_at"]
    assert stored[0]["measured"]["fp32_flops"] == pytest.approx(report.measured["fp32_flops"])


def test_nothing_is_stored_without_a_catalog(quick_report):
    assert store(quick_report[0], None) is False


def test_fewer_usable_cores_than_the_cpu_has_is_noted():
    import dataclasses

    state = BenchState()
    state.callback = lambda progress, message: state.cancel() if "FP64" in message else None
    spec = dataclasses.replace(fallback_cpu_spec(detect().cpu), cores=64)
    report = run_microbenchmarks(spec, quick=True, state=state, llc_bytes=1e6, threads=1, cpu_name="x")
    assert any("may use 1 of the 64 cores" in note for note in report.notes)


def test_stream_arrays_limited_by_free_memory_say_so():
    from rigsizer.core.hardware.microbench import _stream

    run = _stream(64 * 1024**2, 1, 1, 3 * 8 * 1024**2, BenchState(), (0.0, 1.0))
    assert run["limited_by_free_memory"] and run["array_bytes"] <= 8 * 1024**2
    assert run["copy_best_s"] > 0 and run["triad_best_s"] > 0
