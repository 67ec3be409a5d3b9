"""detect(): real psutil and /proc on this machine, fake /proc and /sys trees for hybrid CPUs, and fuzzed parsers."""

from __future__ import annotations

import json
import math
import os
import platform
import struct
import sys
from pathlib import Path

import psutil
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rigsizer.core.hardware import detect_linux
from rigsizer.core.hardware.detect import clock_from_brand, detect, detect_cpu, vendor_name
from rigsizer.core.hardware.detect_macos import cpu_facts, parse_sysctl

LINUX = sys.platform.startswith("linux")

# -- the real machine ------------------------------------------------------------------------


def test_detect_reports_this_machines_cores_and_memory_as_psutil_sees_them():
    system = detect()
    assert system.cpu.logical_cores == psutil.cpu_count(logical=True)
    assert system.cpu.physical_cores == psutil.cpu_count(logical=False)
    assert 1 <= system.cpu.usable_cores <= system.cpu.logical_cores
    if hasattr(os, "sched_getaffinity"):
        assert system.cpu.usable_cores <= len(os.sched_getaffinity(0))
    assert system.ram_total_bytes == psutil.virtual_memory().total
    assert 0 < system.ram_available_bytes <= system.ram_total_bytes
    assert system.python_version == platform.python_version()
    assert system.os_name == platform.system()


def test_detected_isa_agrees_with_the_kernels_flag_list():
    cpu = detect_cpu()
    assert set(cpu.isa) <= set(cpu.flags)
    if LINUX:
        text = Path("/proc/cpuinfo").read_text()
        first_flags = next(line for line in text.splitlines() if line.startswith(("flags", "Features")))
        for flag in ("avx2", "avx512f", "avx512bw", "amx_bf16", "fma"):
            assert (f" {flag} " in first_flags + " ") == (flag in cpu.isa)


def test_detected_caches_are_positive_and_llc_is_the_largest_level():
    cpu = detect_cpu()
    if not cpu.caches:
        assert math.isnan(cpu.last_level_cache_bytes)
        return
    assert all(c.size_bytes > 0 and c.instances >= 1 for c in cpu.caches)
    top = max(c.level for c in cpu.caches)
    assert cpu.last_level_cache_bytes == sum(c.total_bytes for c in cpu.caches if c.level == top and c.type != "Instruction")


def test_disks_have_capacity_and_free_space_within_it():
    disks = detect().disks
    assert disks, "at least the root file system"
    for disk in disks:
        assert disk.total_bytes > 0 and 0 <= disk.free_bytes <= disk.total_bytes
        if LINUX and disk.device.startswith("/dev/"):
            assert disk.rotational in (True, False, None)


def test_machine_without_nvidia_driver_says_why_there_is_no_gpu():
    system = detect()
    if system.gpus:
        assert system.gpu_status.startswith("ok: ")
        return
    assert system.gpu_status.startswith("no NVIDIA GPU")
    assert system.unavailable["gpus"] == system.gpu_status


def test_detected_system_round_trips_through_json():
    data = json.loads(json.dumps(detect().to_dict()))
    assert data["cpu"]["model_name"]
    assert isinstance(data["cpu"]["isa"], list)
    assert data["gpu"]["status"]


# -- fake /proc and /sys ---------------------------------------------------------------------

RAPTOR_LAKE_CPUINFO = """processor\t: {n}
vendor_id\t: GenuineIntel
cpu family\t: 6
model\t\t: 183
model name\t: 13th Gen Intel(R) Core(TM) i9-13900K
cpu MHz\t\t: 3000.000
flags\t\t: fpu sse2 sse4_2 avx fma avx2 avx_vnni sha_ni

"""


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


@pytest.fixture
def raptor_lake(tmp_path):
    """8 P-cores with HT (CPUs 0-15) + 16 E-cores (CPUs 16-31), as the kernel lays them out."""
    _write(tmp_path / "proc/cpuinfo", "".join(RAPTOR_LAKE_CPUINFO.format(n=n) for n in range(32)))
    _write(tmp_path / "sys/devices/cpu_core/cpus", "0-15\n")
    _write(tmp_path / "sys/devices/cpu_atom/cpus", "16-31\n")
    cpu_dir = tmp_path / "sys/devices/system/cpu"
    for cpu in range(32):
        core = cpu // 2 if cpu < 16 else cpu - 8
        _write(cpu_dir / f"cpu{cpu}/topology/core_id", f"{core}\n")
        _write(cpu_dir / f"cpu{cpu}/topology/physical_package_id", "0\n")
        _write(cpu_dir / f"cpu{cpu}/cache/index3/level", "3\n")
        _write(cpu_dir / f"cpu{cpu}/cache/index3/type", "Unified\n")
        _write(cpu_dir / f"cpu{cpu}/cache/index3/size", "36864K\n")
        _write(cpu_dir / f"cpu{cpu}/cache/index3/shared_cpu_list", "0-31\n")
    _write(cpu_dir / "cpu0/cpufreq/base_frequency", "3000000\n")
    _write(cpu_dir / "cpu0/cpufreq/cpuinfo_max_freq", "5800000\n")
    return str(tmp_path)


def test_hybrid_intel_split_counts_physical_p_and_e_cores(raptor_lake):
    cpu = detect_cpu(raptor_lake)
    assert cpu.model_name == "13th Gen Intel(R) Core(TM) i9-13900K"
    assert cpu.vendor == "Intel" and cpu.family == 6 and cpu.model == 183
    assert (cpu.performance_cores, cpu.efficiency_cores) == (8, 16)
    assert cpu.is_hybrid and "cpu_core" in cpu.core_split_source
    assert cpu.base_clock_hz == 3.0e9 and cpu.max_clock_hz == 5.8e9
    assert cpu.isa == ("sse4_2", "avx", "fma", "avx2", "avx_vnni")
    assert cpu.last_level_cache_bytes == 36 * 1024**2  # one shared L3, not 32 copies


def test_big_little_arm_split_comes_from_cpu_capacity(tmp_path):
    _write(tmp_path / "proc/cpuinfo", "processor\t: 0\nFeatures\t: fp asimd asimdhp sve\nCPU implementer\t: 0x41\nCPU part\t: 0xd0c\n\n")
    for cpu, capacity in enumerate([446, 446, 446, 446, 1024, 1024]):
        _write(tmp_path / f"sys/devices/system/cpu/cpu{cpu}/cpu_capacity", f"{capacity}\n")
        _write(tmp_path / f"sys/devices/system/cpu/cpu{cpu}/topology/core_id", f"{cpu}\n")
    big, little, source = detect_linux.read_core_types(str(tmp_path))
    assert big == [4, 5] and little == [0, 1, 2, 3] and "cpu_capacity" in source
    blocks = detect_linux.parse_cpuinfo((tmp_path / "proc/cpuinfo").read_text())
    flags = detect_linux.normalise_flags(blocks[0]["features"])
    assert detect_linux.isa_features(flags) == ("neon", "asimdhp", "sve")
    assert vendor_name(blocks[0]["cpu implementer"]) == "Arm"


def test_rotational_flag_is_read_for_a_partition_from_its_disk(tmp_path):
    disk = tmp_path / "sys/devices/pci0/ata1/sda"
    _write(disk / "queue/rotational", "1\n")
    (disk / "sda1").mkdir()
    (tmp_path / "sys/class/block").mkdir(parents=True)
    os.symlink(disk, tmp_path / "sys/class/block/sda")
    os.symlink(disk / "sda1", tmp_path / "sys/class/block/sda1")
    nvme = tmp_path / "sys/devices/pci0/nvme0n1"
    _write(nvme / "queue/rotational", "0\n")
    os.symlink(nvme, tmp_path / "sys/class/block/nvme0n1")
    assert detect_linux.rotational("sda1", str(tmp_path)) is True
    assert detect_linux.rotational("sda", str(tmp_path)) is True
    assert detect_linux.rotational("nvme0n1", str(tmp_path)) is False
    assert detect_linux.rotational("zz9", str(tmp_path)) is None


def test_cgroup_quota_limits_usable_cores(tmp_path):
    _write(tmp_path / "sys/fs/cgroup/cpu.max", "150000 100000\n")
    assert detect_linux.cgroup_cpu_limit(str(tmp_path)) == 1.5
    _write(tmp_path / "sys/fs/cgroup/cpu.max", "max 100000\n")
    assert math.isnan(detect_linux.cgroup_cpu_limit(str(tmp_path)))


def test_vm_without_cpufreq_has_unknown_rated_clocks_with_a_reason(tmp_path):
    _write(tmp_path / "proc/cpuinfo", "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC\ncpu MHz\t\t: 2596.134\nflags\t\t: avx2 fma avx512f\n\n")
    unavailable: dict[str, str] = {}
    facts = detect_linux.read_frequencies_hz(str(tmp_path))
    assert math.isnan(facts[0]) and math.isnan(facts[1])
    if LINUX and psutil.cpu_freq() is not None and not psutil.cpu_freq().max:
        cpu = detect_cpu(str(tmp_path), unavailable)
        assert cpu.current_clock_hz == pytest.approx(2.596134e9)
        assert "no rated clock" in unavailable["cpu.base_clock_hz"]


def test_brand_string_clock_and_vendor_ids():
    assert clock_from_brand("Intel(R) Core(TM) i7-8700K CPU @ 3.70GHz") == pytest.approx(3.7e9)
    assert math.isnan(clock_from_brand("AMD Ryzen 9 7950X 16-Core Processor"))
    assert vendor_name("GenuineIntel") == "Intel" and vendor_name("AuthenticAMD") == "AMD"
    assert vendor_name("0x61") == "Apple"


def test_macos_sysctl_gives_perf_levels_isa_and_caches():
    text = "\n".join([
        "machdep.cpu.brand_string: Apple M2 Pro",
        "hw.physicalcpu: 12", "hw.logicalcpu: 12", "hw.nperflevels: 2",
        "hw.perflevel0.physicalcpu: 8", "hw.perflevel1.physicalcpu: 4",
        "hw.optional.arm64: 1", "hw.optional.neon: 1", "hw.optional.arm.FEAT_BF16: 1", "hw.optional.arm.FEAT_SME: 0",
        "hw.l1dcachesize: 65536", "hw.l2cachesize: 4194304",
    ])  # fmt: skip
    facts = cpu_facts(parse_sysctl(text))
    assert facts["model_name"] == "Apple M2 Pro" and facts["vendor"] == "Apple"
    assert (facts["performance_cores"], facts["efficiency_cores"]) == (8, 4)
    assert detect_linux.isa_features(detect_linux.normalise_flags(facts["flags"])) == ("neon", "bf16")
    assert [c[0] for c in facts["caches"]] == [1, 2]


# -- fuzzed parsers ---------------------------------------------------------------------------

flag_names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_", min_size=1, max_size=12)


@given(st.lists(flag_names, max_size=40))
def test_flag_normalisation_is_idempotent_and_keeps_every_flag(flags):
    once = detect_linux.normalise_flags(" ".join(flags))
    assert detect_linux.normalise_flags(once) == once
    assert len(once) == len(set(once))
    expected = {{"asimd": "neon", "avx512vnni": "avx512_vnni", "avx512bf16": "avx512_bf16"}.get(f, f) for f in flags}
    assert set(once) == expected
    assert set(detect_linux.isa_features(once)) <= set(once)


@given(st.lists(st.dictionaries(st.from_regex(r"[a-z][a-z _]{0,14}[a-z]", fullmatch=True),
                                st.from_regex(r"[ -~]{0,30}", fullmatch=True).map(str.strip), min_size=1, max_size=6),
                max_size=5))  # fmt: skip
def test_cpuinfo_parser_recovers_every_block_and_value(blocks):
    text = "\n".join("".join(f"{k}\t: {v}\n" for k, v in block.items()) for block in blocks) + "\n"
    parsed = detect_linux.parse_cpuinfo(text)
    assert len(parsed) == len(blocks)
    for original, got in zip(blocks, parsed, strict=True):
        assert got == {k.strip().lower(): v for k, v in original.items()}


@given(st.lists(st.tuples(st.integers(0, 500), st.integers(0, 20)), max_size=8))
def test_cpu_list_parser_expands_ranges(ranges):
    text = ",".join(f"{lo}-{lo + span}" if span else str(lo) for lo, span in ranges)
    expected = [cpu for lo, span in ranges for cpu in range(lo, lo + span + 1)]
    assert detect_linux.parse_cpu_list(text) == expected


@given(st.integers(1, 10**6), st.sampled_from(["", "K", "M", "G"]))
def test_cache_size_parser_scales_units(number, unit):
    scale = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}[unit]
    assert detect_linux.parse_size(f"{number}{unit}") == number * scale


def test_cache_size_parser_returns_nan_for_garbage():
    assert math.isnan(detect_linux.parse_size("lots"))


def test_windows_reader_degrades_to_empty_facts_elsewhere():
    from rigsizer.core.hardware import detect_windows

    facts = detect_windows.cpu_facts()
    if sys.platform != "win32":
        assert facts["model_name"] == "" and facts["flags"] == [] and math.isnan(facts["base_clock_hz"])
    else:
        assert facts["model_name"]


def _core_record(efficiency_class: int) -> bytes:
    body = struct.pack("<BB20xH", 1, efficiency_class, 1) + struct.pack("<QH6x", 0b11, 0)
    return struct.pack("<II", 0, 8 + len(body)) + body


def _cache_record(level: int, kind: int, size: int, mask: int) -> bytes:
    body = struct.pack("<BBHII18xH", level, 8, 64, size, kind, 1) + struct.pack("<QH6x", mask, 0)
    return struct.pack("<II", 2, 8 + len(body)) + body


def test_windows_processor_information_gives_hybrid_split_and_caches():
    from rigsizer.core.hardware.detect_windows import parse_processor_information

    records = [_core_record(1) for _ in range(8)] + [_core_record(0) for _ in range(16)]
    records += [_cache_record(2, 0, 2 * 1024**2, 0b11) for _ in range(8)]
    records += [_cache_record(3, 0, 36 * 1024**2, (1 << 32) - 1)]
    facts = parse_processor_information(b"".join(records))
    assert (facts["physical_cores"], facts["performance_cores"], facts["efficiency_cores"]) == (24, 8, 16)
    assert facts["caches"] == [(2, "Unified", 2 * 1024**2, 2, 8), (3, "Unified", 36 * 1024**2, 32, 1)]


@given(st.lists(st.integers(0, 3), min_size=1, max_size=64), st.binary(max_size=7))  # too short for another record
def test_windows_parser_counts_every_core_and_survives_truncation(classes, tail):
    from rigsizer.core.hardware.detect_windows import parse_processor_information

    facts = parse_processor_information(b"".join(_core_record(c) for c in classes) + tail)
    assert facts["physical_cores"] == len(classes)
    if len(set(classes)) > 1:
        assert facts["performance_cores"] == classes.count(max(classes))
        assert facts["performance_cores"] + facts["efficiency_cores"] == len(classes)
    else:
        assert facts["performance_cores"] is None
