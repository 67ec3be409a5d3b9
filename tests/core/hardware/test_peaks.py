"""Peaks from first principles agree with the datasheets, and the known exceptions are flagged, not hidden."""

from __future__ import annotations

import math

import pytest

from rigsizer.core.hardware import peaks
from rigsizer.core.hardware.seed import Seed


@pytest.fixture(scope="module")
def rows():
    return {row["id"]: row for row in Seed.load().devices}


def test_rtx4090_fp32_peak_is_cores_times_clock_times_two(rows):
    derived = peaks.fp32_peak(rows["nvidia-geforce-rtx-4090"])
    assert derived.value == pytest.approx(16384 * 2.52e9 * 2)
    assert derived.formula == "chips x CUDA cores / stream processors x clock x FLOPs/clock"
    assert [i.symbol for i in derived.inputs] == ["chips", "CUDA cores / stream processors", "clock", "FLOPs/clock"]
    assert "82.6" in f"{derived.value / 1e12:.1f}"


def test_every_derivable_fp32_peak_is_within_two_percent_unless_flagged(rows):
    checked = 0
    for row in rows.values():
        check = peaks.check_fp32(row)
        if check.status in ("not_derivable", "no_datasheet"):
            continue
        checked += 1
        if check.status == "known_exception":
            assert row["fp32_peak_check"] in peaks.KNOWN_EXCEPTIONS
            continue
        assert check.status == "agrees", (row["id"], check.ratio)
        assert abs(check.ratio - 1) <= 0.02, row["id"]
    assert checked >= 30  # every GPU with cores and clock in the seed


def test_amd_dual_issue_parts_are_flagged_with_half_the_vendor_figure(rows):
    for device_id in ("amd-instinct-mi300x", "amd-radeon-rx-7900-xtx"):
        check = peaks.check_fp32(rows[device_id])
        assert check.status == "known_exception"
        assert "dual-issue" in check.reason
        assert check.ratio == pytest.approx(0.5, abs=0.01)


def test_unflagged_mismatch_is_reported_as_disagreement(rows):
    row = dict(rows["nvidia-geforce-rtx-4090"], fp32_tflops=100.0)
    assert peaks.check_fp32(row).status == "disagrees"


def test_mi250x_counts_both_dies(rows):
    row = rows["amd-instinct-mi250x"]
    assert row["chips"] == 2 and row["cores"] == 7040
    assert peaks.check_fp32(row).status == "agrees"


def test_dense_tensor_rates_match_per_sm_formula_not_sparse_figures(rows):
    checked = 0
    for row in rows.values():
        check = peaks.check_tensor_fp16(row)
        if check.status in ("not_derivable", "no_datasheet"):
            continue
        checked += 1
        # a 2:4-sparse figure would sit at ratio 0.5 (datasheet twice the dense formula)
        if check.status == "known_exception":
            assert row["tensor_peak_check"] == "hopper_tensor_clock"
            assert 1.0 < check.ratio < 1.1
            continue
        assert check.status == "agrees", (row["id"], check.ratio)
    assert checked >= 10


def test_geforce_fp16_is_the_fp32_accumulate_rate(rows):
    # RTX 4090: 165 TFLOPS dense with FP32 accumulate, not 330 (FP16 accumulate) or 660 (sparse)
    assert rows["nvidia-geforce-rtx-4090"]["fp16_tflops"] == pytest.approx(165.2)
    for device_id in ("nvidia-geforce-rtx-4090", "nvidia-geforce-rtx-3090", "nvidia-geforce-rtx-5090"):
        row = rows[device_id]
        assert row["fp16_tflops"] / row["fp32_tflops"] == pytest.approx(2.0, rel=0.02)


def test_tf32_is_half_of_fp16_wherever_both_are_dense(rows):
    pairs = [(r["id"], r["tf32_tflops"], r["fp16_tflops"]) for r in rows.values()
             if r["tf32_tflops"] and r["fp16_tflops"]]
    assert len(pairs) >= 10
    for device_id, tf32, fp16 in pairs:
        assert tf32 / fp16 == pytest.approx(0.5, rel=0.03), device_id


def test_memory_bandwidth_formulas_agree_with_datasheets(rows):
    checks = [peaks.check_memory_bandwidth(r) for r in rows.values()]
    derived = [c for c in checks if c.status not in ("not_derivable", "no_datasheet")]
    assert len(derived) >= 15
    assert all(c.status == "agrees" for c in derived), [c for c in derived if c.status != "agrees"]
    rtx5090 = peaks.memory_bandwidth(rows["nvidia-geforce-rtx-5090"])
    assert rtx5090.value == pytest.approx(512 / 8 * 28e9)


def test_cpu_peak_uses_base_clock_with_boost_band(rows):
    derived = peaks.cpu_fp32_peak(rows["amd-epyc-9654"])
    assert derived.value == pytest.approx(96 * 2.4e9 * 32)
    assert derived.high == pytest.approx(96 * 3.7e9 * 32)
    assert any("base clock" in a for a in derived.assumptions)


def test_hybrid_cpu_peak_counts_p_cores_only_and_says_so(rows):
    derived = peaks.cpu_fp32_peak(rows["intel-core-i9-13900k"])
    assert derived.value == pytest.approx(8 * 3.0e9 * 32)
    assert any("P-cores only" in a and "lower bound" in a for a in derived.assumptions)


def test_missing_input_gives_nan_with_the_reason(rows):
    derived = peaks.fp32_peak(rows["nvidia-gb200"])
    assert math.isnan(derived.value)
    assert any("not derivable" in a for a in derived.assumptions)
