"""`rigsizer-cli detect`: describes this machine in text and JSON."""

from __future__ import annotations

import json
import subprocess
import sys

import psutil

from rigsizer.core.commands.detect import isa_summary
from rigsizer.core.hardware.detect import detect


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rigsizer.core.cli", *args], capture_output=True, text=True, timeout=120)


def test_detect_text_names_cpu_cores_isa_and_gpu_status():
    result = run_cli("detect")
    assert result.returncode == 0, result.stderr
    system = detect()
    out = result.stdout
    assert system.cpu.model_name in out
    assert f"{psutil.cpu_count(logical=False)} physical, {psutil.cpu_count()} logical" in out
    if "avx512f" in system.cpu.isa:
        assert "AVX-512 (f" in out
    if not system.gpus:
        assert "NVIDIA GPU  none: " in out
    assert 'Specs used for estimates ("This workstation")' in out
    assert "local-cpu" in out and "FP32 peak" in out


def test_detect_json_carries_system_and_workstation_specs():
    result = run_cli("detect", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["cpu"]["logical_cores"] == psutil.cpu_count()
    assert data["gpu"]["status"]
    devices = {d["id"]: d for d in data["workstation"]["devices"]}
    assert "local-cpu" in devices
    assert data["workstation"]["primary"] == (devices.get("local-gpu-0") or devices["local-cpu"])["id"]
    assert devices["local-cpu"]["field_origin"]


def test_detect_without_catalog_still_describes_the_machine():
    result = run_cli("detect", "--no-catalog")
    assert result.returncode == 0 and "matching skipped" in result.stdout


def test_isa_summary_groups_avx512_and_amx():
    text = isa_summary(("fma", "avx2", "avx512f", "avx512bw", "amx_bf16", "amx_int8"))
    assert text == "FMA, AVX2, AVX-512 (f, bw), AMX (bf16, int8)"
