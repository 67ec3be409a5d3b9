"""Matching detected names to catalog rows, and the spec built from the ISA when a name is generic."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rigsizer.core.hardware.catalog import Catalog
from rigsizer.core.hardware.detect import CpuInfo
from rigsizer.core.hardware.matching import (
    cpu_flops_per_cycle,
    fallback_cpu_spec,
    fallback_gpu_spec,
    match_cpu,
    match_gpu,
    name_key,
    nvml_memory_bandwidth,
)
from rigsizer.core.hardware.nvml import GpuInfo
from rigsizer.core.hardware.spec import DeviceSpec


@pytest.fixture(scope="module")
def catalog_devices(tmp_path_factory):
    catalog = Catalog.open(tmp_path_factory.mktemp("catalog") / "catalog.db")
    devices = catalog.devices()
    catalog.close()
    return devices


def cpu(name: str, vendor: str = "Intel", **kw) -> CpuInfo:
    values = dict(model_name=name, vendor=vendor, architecture="x86_64", physical_cores=2, logical_cores=2, usable_cores=2)
    values.update(kw)
    return CpuInfo(**values)


def gpu(name: str, memory_gib: float = math.nan, power_w: float = math.nan, **kw) -> GpuInfo:
    return GpuInfo(index=0, name=name, memory_total_bytes=memory_gib * 1024**3, power_limit_w=power_w, **kw)


# -- against the real catalog ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("brand", "vendor", "expected"),
    [
        ("13th Gen Intel(R) Core(TM) i9-13900K", "Intel", "intel-core-i9-13900k"),
        ("13th Gen Intel(R) Core(TM) i9-13900KF", "Intel", "intel-core-i9-13900k"),
        ("Intel(R) Core(TM) i7-13700K", "Intel", "intel-core-i7-13700k"),
        ("Intel(R) Core(TM) Ultra 9 285K", "Intel", "intel-core-ultra-9-285k"),
        ("Intel(R) Xeon(R) Platinum 8480+", "Intel", "intel-xeon-platinum-8480-plus"),
        ("Intel(R) Xeon(R) w9-3495X", "Intel", "intel-xeon-w9-3495x"),
        ("AMD Ryzen 9 7950X 16-Core Processor", "AMD", "amd-ryzen-9-7950x"),
        ("AMD Ryzen 7 7800X3D 8-Core Processor", "AMD", "amd-ryzen-7-7800x3d"),
        ("AMD EPYC 7763 64-Core Processor", "AMD", "amd-epyc-7763"),
        ("AMD Ryzen Threadripper PRO 7985WX 64-Cores", "AMD", "amd-ryzen-threadripper-pro-7985wx"),
    ],
)
def test_cpu_brand_strings_find_their_catalog_row(catalog_devices, brand, vendor, expected):
    match = match_cpu(cpu(brand, vendor), catalog_devices)
    assert match is not None and match.spec.id == expected


@pytest.mark.parametrize(
    "brand",
    [
        "AMD EPYC",
        "Intel Xeon Processor (Cascadelake)",
        "AMD Ryzen 9 7950X3D 16-Core Processor",  # a different product than the 7950X
        "13th Gen Intel(R) Core(TM) i9-13900",  # non-K: other clocks
        "QEMU Virtual CPU version 2.5+",
    ],
)
def test_generic_or_uncatalogued_cpus_match_nothing(catalog_devices, brand):
    assert match_cpu(cpu(brand, "AMD" if "AMD" in brand else "Intel"), catalog_devices) is None


def test_f_suffix_match_says_so(catalog_devices):
    match = match_cpu(cpu("13th Gen Intel(R) Core(TM) i9-13900KF"), catalog_devices)
    assert "F suffix" in match.notes[0]


@pytest.mark.parametrize(
    ("name", "memory", "power", "expected"),
    [
        ("NVIDIA GeForce RTX 4090", 23.99, 450, "nvidia-geforce-rtx-4090"),
        ("NVIDIA GeForce RTX 3060", 12.0, 170, "nvidia-geforce-rtx-3060-12gb"),
        ("NVIDIA H100 80GB HBM3", 79.6, 700, "nvidia-h100-sxm5-80gb"),  # SXM: NVML names no form factor
        ("NVIDIA H100 PCIe", 79.6, 350, "nvidia-h100-pcie-80gb"),
        ("NVIDIA H100 NVL", 93.6, 400, "nvidia-h100-nvl"),
        ("NVIDIA A100-SXM4-80GB", 79.2, 400, "nvidia-a100-sxm4-80gb"),
        ("NVIDIA A100-PCIE-40GB", 39.4, 250, "nvidia-a100-pcie-40gb"),
        ("NVIDIA H200", 139.8, 700, "nvidia-h200-sxm-141gb"),
        ("NVIDIA RTX 6000 Ada Generation", 47.5, 300, "nvidia-rtx-6000-ada"),
        ("NVIDIA RTX A6000", 47.5, 300, "nvidia-rtx-a6000"),
        ("Tesla T4", 15.0, 70, "nvidia-t4"),
        ("Tesla P4", 7.4, 75, "nvidia-tesla-p4"),
        ("NVIDIA L40S", 44.5, 350, "nvidia-l40s"),
    ],
)
def test_nvml_gpu_names_find_their_catalog_row(catalog_devices, name, memory, power, expected):
    match = match_gpu(gpu(name, memory, power), catalog_devices)
    assert match is not None and match.spec.id == expected
    assert match.memory_agrees is True


@pytest.mark.parametrize(
    "name",
    ["NVIDIA GeForce RTX 4090 D", "NVIDIA GeForce RTX 4090 Laptop GPU", "NVIDIA A10G", "NVIDIA GeForce RTX 3060 Ti"],
)
def test_gpu_variants_with_other_chips_do_not_match_the_base_card(catalog_devices, name):
    assert match_gpu(gpu(name, 24.0, 450), catalog_devices) is None


def test_same_chip_with_other_memory_matches_but_flags_memory(catalog_devices):
    match = match_gpu(gpu("NVIDIA A100-SXM4-40GB", 39.4, 400), catalog_devices)
    assert match.spec.id.startswith("nvidia-a100")
    assert match.memory_agrees is False
    assert any("memory differs" in note for note in match.notes)


# -- pure name handling and fallbacks ---------------------------------------------------------


def test_name_key_strips_marks_gen_core_count_clock_and_graphics():
    assert name_key("13th Gen Intel(R) Core(TM) i9-13900K").tokens == {"core", "i9", "13900k"}
    assert name_key("Intel(R) Core(TM) i7-8700K CPU @ 3.70GHz").tokens == {"core", "i7", "8700k"}
    assert name_key("AMD Ryzen 7 7840HS w/ Radeon 780M Graphics").tokens == {"ryzen", "7", "7840hs"}
    key = name_key("NVIDIA A100-SXM4-80GB")
    assert key.tokens == {"a100"} and key.form == "sxm" and key.memory_gib == 80
    assert name_key("Intel Xeon Processor (Cascadelake)").remark == "Cascadelake"
    assert not name_key("AMD EPYC").has_model_number


marks = st.sampled_from(["(R)", "(TM)", "®", "™", "(tm)"])
words = st.sampled_from(["Processor", "CPU", "", "  ", "@ 3.00GHz", "24-Core"])


@given(st.lists(marks, max_size=3), st.lists(words, max_size=3), st.booleans())
def test_trademark_noise_and_case_never_change_the_key(extra_marks, extra_words, upper):
    base = "Intel Core i9-13900K"
    mark = "".join(extra_marks)
    noisy = f"Intel{mark} Core{mark} i9-13900K " + " ".join(extra_words)
    noisy = noisy.upper() if upper else noisy
    assert name_key(noisy).tokens == name_key(base).tokens


@given(st.text(max_size=60))
def test_name_key_never_raises_and_matching_unknown_text_is_safe(text):
    key = name_key(text)
    assert all(token == token.lower() for token in key.tokens)
    assert match_cpu(cpu(text), []) is None


@pytest.mark.parametrize(
    ("vendor", "family", "model", "isa", "expected"),
    [
        ("AMD", 25, 17, ("avx2", "fma", "avx512f"), 32),  # Zen 4 Genoa: AVX-512 on 256-bit datapaths
        ("AMD", 26, 68, ("avx2", "fma", "avx512f"), 64),  # Zen 5 desktop
        ("AMD", 23, 1, ("avx2", "fma"), 16),  # Zen 1
        ("AMD", 23, 49, ("avx2", "fma"), 32),  # Zen 2 Rome
        ("Intel", 6, 85, ("avx2", "fma", "avx512f"), 64),  # Cascade Lake, 2 FMA units assumed
        ("Intel", 6, 63, ("avx", "avx2", "fma"), 32),  # Haswell
        ("Intel", 6, 45, ("avx",), 16),  # Sandy Bridge
    ],
)
def test_flops_per_cycle_follow_the_microarchitecture(vendor, family, model, isa, expected):
    value, reason = cpu_flops_per_cycle(cpu("x", vendor, family=family, model=model, isa=isa, flags=isa))
    assert value == expected and str(expected) in reason


def test_arm_core_without_known_fma_width_stays_unknown():
    value, reason = cpu_flops_per_cycle(cpu("Arm CPU part 0xd0c", "Arm", architecture="aarch64", isa=("neon",)))
    assert math.isnan(value) and "not known" in reason


def test_generic_vm_cpu_spec_is_cores_x_clock_x_isa_flops_with_unknown_bandwidth():
    epyc = cpu("AMD EPYC", "AMD", family=25, model=17, isa=("avx2", "fma", "avx512f"), current_clock_hz=2.596e9)
    spec = fallback_cpu_spec(epyc, ram_bytes=24 * 1024**3)
    assert spec.id == "local-cpu" and spec.name == "This workstation: AMD EPYC"
    assert spec.peak("fp32") == pytest.approx(2 * 2.596e9 * 32)
    assert spec.peak("fp64") == pytest.approx(spec.peak("fp32") / 2)
    assert spec.derived_fp32_peak == pytest.approx(spec.peak("fp32"))
    assert math.isnan(spec.memory_bandwidth_bps) and spec.field_origin["memory_bandwidth_bps"] == "unknown"
    assert spec.field_origin["cores"] == "detected" and spec.field_origin["flops_per_clock_per_core"] == "derived"
    assert "VM" in spec.notes and "256-bit" in spec.notes


def test_hybrid_fallback_counts_p_cores_only():
    hybrid = cpu("Intel(R) Core(TM) i9-99999K", physical_cores=24, performance_cores=8, efficiency_cores=16,
                 isa=("avx2", "fma"), max_clock_hz=5.0e9)  # fmt: skip
    spec = fallback_cpu_spec(hybrid)
    assert spec.cores == 8 and spec.peak("fp32") == pytest.approx(8 * 5.0e9 * 32)
    assert "E-cores" in spec.notes


def test_unmatched_gpu_spec_uses_nvml_cores_and_clock():
    info = gpu("NVIDIA Mystery GPU 9000", 12.0, 200, cuda_cores=4096.0, max_sm_clock_hz=2.0e9, pcie_max_gen=4.0, pcie_max_width=16.0)
    spec = fallback_gpu_spec(info)
    assert spec.id == "local-gpu-0" and spec.derived_fp32_peak == pytest.approx(4096 * 2.0e9 * 2)
    assert spec.pcie_gen == 4 and spec.field_origin["memory_bandwidth_bps"] == "unknown"  # no bus width given


@pytest.mark.parametrize(
    ("bus_bits", "memory_clock_mhz", "datasheet_gbs"),
    [(384, 10501, 1008), (5120, 2619, 3350), (5120, 1593, 2039), (256, 5001, 320), (384, 9751, 936)],
)  # RTX 4090, H100 SXM, A100 80GB, T4, RTX 3090 (reference/gpus.csv)
def test_nvml_bus_width_and_memory_clock_reproduce_datasheet_bandwidth(bus_bits, memory_clock_mhz, datasheet_gbs):
    info = gpu("x", memory_bus_width_bits=float(bus_bits), max_memory_clock_hz=memory_clock_mhz * 1e6)
    assert nvml_memory_bandwidth(info) / 1e9 == pytest.approx(datasheet_gbs, rel=0.01)


def test_pure_matching_over_a_spec_list_prefers_the_variant_with_matching_power():
    rows = [
        DeviceSpec(id="h-pcie", kind="gpu", vendor="NVIDIA", name="H100 PCIe 80GB", memory_bytes=80 * 1024**3, tdp_w=350),
        DeviceSpec(id="h-sxm", kind="gpu", vendor="NVIDIA", name="H100 SXM5 80GB", memory_bytes=80 * 1024**3, tdp_w=700),
    ]
    assert match_gpu(gpu("NVIDIA H100 80GB HBM3", 79.6, 700), rows).spec.id == "h-sxm"
    assert match_gpu(gpu("NVIDIA H100 80GB HBM3", 79.6, 350), rows).spec.id == "h-pcie"


def test_unknown_physical_core_count_falls_back_to_logical_cpus_with_a_note():
    spec = fallback_cpu_spec(cpu("AMD EPYC", "AMD", physical_cores=None, logical_cores=4, family=25, model=1,
                                 isa=("avx2", "fma"), base_clock_hz=2.0e9))  # fmt: skip
    assert spec.cores == 4 and spec.peak("fp32") == pytest.approx(4 * 2.0e9 * 32)
    assert "logical CPUs counted" in spec.notes
