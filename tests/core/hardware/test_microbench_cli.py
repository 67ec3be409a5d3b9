"""`rigsizer-cli bench --quick`: progress on stderr, GFLOPS and GB/s with utilisation on stdout, stored results."""

from __future__ import annotations

import json
import subprocess
import sys

from rigsizer.core.hardware.catalog import Catalog


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rigsizer.core.cli", *args], capture_output=True, text=True, timeout=300)


def test_quick_bench_prints_rates_utilisation_and_stores_them():
    result = run_cli("bench", "--quick")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "FP32 matmul" in out and "FLOPS" in out
    assert "STREAM triad" in out and "B/s" in out
    assert "theoretical" in out  # a utilisation, or "theoretical unknown"
    assert "[100%] done" in result.stderr
    assert "stored in the catalog" in out
    with Catalog.open() as catalog:  # the test's private data directory
        assert catalog.benchmark_results()[0]["quick"] is True


def test_quick_bench_json_is_machine_readable_and_can_skip_storing():
    result = run_cli("bench", "--quick", "--json", "--no-store")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["stored"] is False
    assert data["measured"]["fp32_flops"] > 0
    assert {r["key"] for r in data["results"]} >= {"fp32_flops", "fp64_flops", "memory_bandwidth_bps"}
