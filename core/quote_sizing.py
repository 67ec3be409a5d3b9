"""Line items for a hardware configuration, each sized by a rule that is printed with it.

GPUs x n and the CPU come from the configuration; RAM is sized from the GPUs and the data loader,
storage from the dataset and checkpoints, the PSU from the summed TDP with headroom; board,
chassis and cooling follow the platform. Prices come from the catalog with their date and
source; where no price was published the line says "price on request" rather than guess.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from .hardware.spec import DeviceSpec
from .quote import LineItem, Quote, compute_totals
from .quote_prices import PriceFact, PriceLookup

GiB = 1024**3
ONE = Decimal(1)
RAM_MODULE_SIZES_GIB = (16, 32, 48, 64)
RAM_MODULE_COUNTS = (2, 4, 8, 16)  # filled channels: dual (desktop), quad, octa (workstation), two sockets
MIN_RAM_GIB = 32
RAM_PER_GPU_MEMORY = 2  # host RAM >= 2 x total GPU memory (pinned staging, host copies)
HOST_BASELINE_GIB = 16  # OS, desktop, framework and CUDA host-side libraries
PREFETCH_BATCHES = 2  # PyTorch DataLoader default prefetch_factor
AUGMENT_EXPANSION = 4  # decoded uint8 image -> float32 tensor during augmentation
STORAGE_OS_GB = 200  # OS, drivers, CUDA, containers and environments
CHECKPOINTS_KEPT = 20
CHECKPOINT_BYTES_PER_PARAM = 12  # FP32 weights + two Adam moments
STORAGE_HEADROOM = 1.3
DRIVE_SIZES_TB = (1, 2, 4, 8)
PLATFORM_W = 150  # board, RAM, drives, fans
PSU_HEADROOM = 1.3  # GPU transients, and a PSU runs most efficiently near half to 3/4 load
PSU_SIZES_W = (850, 1000, 1200, 1300, 1600)
DESKTOP_MAX_GPUS = 2  # desktop CPUs have 16-24 PCIe lanes: two GPUs at x8/x8
TOWER_MAX_GPUS = 4


@dataclass(frozen=True)
class Workload:
    """What the workload asks of the host: dataset on disk, model size, loader pressure."""

    dataset_bytes: float = math.nan
    params: float = math.nan
    image_bytes_decoded: float = math.nan  # one decoded image (W x H x C bytes)
    batch: int = 1
    loader_workers: int = 4


@dataclass(frozen=True)
class SizedConfiguration:
    items: tuple[LineItem, ...]
    notes: tuple[str, ...]  # the sizing rules, one sentence each
    configuration: str  # "2 x GeForce RTX 4090 + Core i9-13900K"
    ram_gib: float = math.nan  # modules x module size, as quoted
    storage_tb: float = math.nan  # drives x drive size, as quoted
    psu_w: float = math.nan  # PSUs x PSU size, as quoted
    load_w: float = math.nan  # GPUs + CPU + platform TDP the PSU is sized for


@dataclass(frozen=True)
class HardwarePrice:
    """What the sized lines add up to in one currency, by the quote's own rounding rules."""

    subtotal: Decimal  # non-optional lines with a published price (before discount, shipping and tax)
    line_totals: tuple[Decimal | None, ...]  # per item of the SizedConfiguration; None = price on request
    unpriced: tuple[str, ...]  # descriptions of the non-optional lines without a published price


def hardware_price(sized: SizedConfiguration, pricing: Quote) -> HardwarePrice:
    """The quote's subtotal of `sized` under `pricing`'s currency and exchange rates (one implementation of a total)."""
    totals = compute_totals(replace(pricing, items=sized.items))
    unpriced = tuple(item.part_name for item, line in zip(sized.items, totals.line_totals, strict=True)
                     if line is None and not item.optional)
    return HardwarePrice(totals.subtotal, tuple(totals.line_totals), unpriced)


def _num(value: float, digits: int = 3) -> str:
    """`digits` significant digits, never in exponent form (a quote reads "3600 W", not "3.6e+03 W")."""
    if value is None or not math.isfinite(value):
        return "n/a"
    if abs(value) >= 10 ** digits:
        return f"{value:.0f}"
    return f"{float(f'{value:.{digits}g}'):g}"


def _qty(value: float, unit: str) -> str:
    """3 significant digits with thousands separators and the unit; "n/a" (no unit) when unknown."""
    if value is None or not math.isfinite(value):
        return "n/a"
    if abs(value) >= 1000:
        return f"{value:,.0f} {unit}"
    return f"{float(f'{value:.3g}'):g} {unit}"


def _line(fact: PriceFact | None, multiplier: Decimal, *args: Any, **fields: Any) -> LineItem:
    """A LineItem(*args, **fields) priced from `fact` (unit price x `multiplier`, e.g. GB per module)."""
    if fact is not None:
        fields["catalog_id"] = fields.get("catalog_id") or fact.price_id
        fields["price_date"] = fact.date
        if fact.amount is None:
            fields["price_source"] = f"{fact.item}: no published price; enter a current quote"
        else:
            note = f"{fact.item}: {fact.rule}" + (f" ({fact.unit})" if fact.unit else "")
            fields.update(unit_price=fact.amount * multiplier, price_currency=fact.currency,
                          price_source=f"{note}; {fact.source}".strip("; "))
    return LineItem(*args, **fields)


def gpu_details(gpu: DeviceSpec) -> tuple[tuple[str, str], ...]:
    rows = [("Vendor / model", f"{gpu.vendor} {gpu.name}"), ("Architecture", gpu.architecture or "n/a"),
            ("Memory", f"{_num(gpu.memory_gib)} GiB {gpu.memory_type}".strip()),
            ("Memory bandwidth", _qty(gpu.memory_bandwidth_bps / 1e9, "GB/s")),
            ("FP32 cores x boost clock", f"{gpu.cores or 'n/a'} x {_num(gpu.boost_clock_hz / 1e9)} GHz")]
    for precision in ("fp32", "tf32", "fp16", "bf16", "fp8", "int8"):
        if math.isfinite(gpu.peak(precision)):
            rows.append((f"Peak {precision.upper()} (dense)", _qty(gpu.peak(precision) / 1e12, "TFLOPS")))
    rows += [("TDP", _qty(gpu.tdp_w, "W")),
             ("Host link", f"PCIe {gpu.pcie_gen or 'n/a'} x{gpu.pcie_lanes or 'n/a'}"),
             ("NVLink", "none" if not math.isfinite(gpu.nvlink_bps) else f"{_num(gpu.nvlink_bps / 1e9)} GB/s"),
             ("Source", gpu.source or "catalog")]
    return tuple(rows)


def cpu_details(cpu: DeviceSpec) -> tuple[tuple[str, str], ...]:
    return (("Vendor / model", f"{cpu.vendor} {cpu.name}"),
            ("Cores / threads", f"{cpu.cores or 'n/a'} / {cpu.threads or 'n/a'}"),
            ("Clock (used for peak)", _qty(cpu.boost_clock_hz / 1e9, "GHz")),
            ("Peak FP32", _qty(cpu.derived_fp32_peak / 1e9, "GFLOPS")),
            ("Memory bandwidth", f"{_qty(cpu.memory_bandwidth_bps / 1e9, 'GB/s')} ({cpu.memory_type or 'n/a'})"),
            ("PCIe lanes", str(cpu.pcie_lanes or "n/a")), ("ISA", ", ".join(cpu.isa) or "n/a"),
            ("TDP", _qty(cpu.tdp_w, "W")), ("Source", cpu.source or "catalog"))


def _ram_modules(need_gib: float) -> tuple[int, int]:
    """(count, GB each): the fewest modules (2, 4, 8, 16: whole channel sets) of the smallest size that hold `need`."""
    for count in RAM_MODULE_COUNTS:
        for size in RAM_MODULE_SIZES_GIB:
            if count * size >= need_gib:
                return count, size
    largest = RAM_MODULE_SIZES_GIB[-1]
    return 2 * math.ceil(need_gib / largest / 2), largest


WORKSTATION_CPU_WORDS = ("threadripper", "xeon", "epyc")


def is_workstation_cpu(cpu: DeviceSpec | None) -> bool:
    """Xeon, Threadripper and EPYC sit on workstation/server boards with the PCIe lanes for many GPUs."""
    name = f"{cpu.vendor} {cpu.name}".lower() if cpu else ""
    return any(word in name for word in WORKSTATION_CPU_WORDS)


def platform_problem(cpu: DeviceSpec | None, gpus: int) -> str:
    """Why `cpu` cannot host `gpus` PCIe GPUs ('' when it can): desktop CPUs top out at two (x8/x8)."""
    if cpu is not None and gpus > DESKTOP_MAX_GPUS and not is_workstation_cpu(cpu):
        return (f"{cpu.name} is a desktop CPU (16-24 PCIe lanes): more than {DESKTOP_MAX_GPUS} GPUs need a "
                "workstation or server CPU (Xeon, Threadripper, EPYC)")
    return ""


def _platform(cpu: DeviceSpec | None, gpus: int, sxm: bool = False) -> tuple[str, str, str]:
    """(class, board description, price id) for the CPU, the GPU count and the GPU form (SXM or PCIe)."""
    name = f"{cpu.vendor} {cpu.name}".lower() if cpu else ""
    if sxm:
        return "server", f"GPU server board for an HGX baseboard ({gpus} SXM GPUs on NVLink)", "motherboard-workstation"
    workstation = is_workstation_cpu(cpu) or gpus > DESKTOP_MAX_GPUS
    if workstation:
        if "epyc" in name:
            socket = "SP5/SP3 server"
        elif "threadripper" in name:
            socket = "TRX50/WRX90"
        else:
            socket = "W790" if " w" in name or "xeon w" in name else "LGA4677 server"
        return "workstation", f"Workstation motherboard ({socket}), >= {max(gpus, 2)} PCIe x16 slots", "motherboard-workstation"
    if "core ultra" in name:
        return "desktop", "Desktop motherboard Z890 (LGA1851), x8/x8 PCIe 5.0 bifurcation", "motherboard-z890"
    if "intel" in name:
        return "desktop", "Desktop motherboard Z790 (LGA1700), ATX, DDR5", "motherboard-asrock-z790-pro-rs-wifi-consumer-z790"
    return "desktop", "Desktop motherboard AM5 (B650/X670E), ATX, DDR5", "motherboard-desktop-am5"


def size_configuration(
    gpu: DeviceSpec | None, gpu_count: int, cpu: DeviceSpec | None, workload: Workload, prices: PriceLookup,
    include_services: bool = True,
) -> SizedConfiguration:
    """Line items and the sizing rules for `gpu_count` x `gpu` with `cpu` on one node."""
    items: list[LineItem] = []
    notes: list[str] = []
    gpu_count = max(0, int(gpu_count)) if gpu is not None else 0
    if gpu is not None and gpu_count:
        specs = f"{_num(gpu.memory_gib)} GiB {gpu.memory_type}, {_num(gpu.peak('fp32') / 1e12)} TFLOPS FP32, {_num(gpu.tdp_w)} W"
        items.append(_line(prices(gpu.id), ONE, "gpu", gpu.name, specs, gpu_count, catalog_id=gpu.id,
                           details=gpu_details(gpu), sizing_rule=f"{gpu_count} x GPU as in the estimated configuration"))
    if cpu is not None:
        specs = f"{cpu.cores or '?'} cores / {cpu.threads or '?'} threads, {_num(cpu.tdp_w)} W"
        items.append(_line(prices(cpu.id), ONE, "cpu", cpu.name, specs, 1, catalog_id=cpu.id,
                           details=cpu_details(cpu), sizing_rule="host CPU of the estimated configuration"))
    sxm = gpu is not None and ("sxm" in gpu.id.lower() or "sxm" in gpu.name.lower())
    platform, board, board_price = _platform(cpu, gpu_count, sxm)
    notes.append(f"Motherboard: {platform} platform; desktop CPUs offer 16-24 PCIe lanes, so more than "
                 f"{DESKTOP_MAX_GPUS} GPUs need a workstation platform, and SXM GPUs a GPU server.")
    items.append(_line(prices(board_price), ONE, "motherboard", board, f"{platform} class", 1, sizing_rule=notes[-1]))

    gpu_memory_gib = (gpu.memory_gib * gpu_count) if gpu is not None and gpu_count else 0.0
    gpu_memory_gib = gpu_memory_gib if math.isfinite(gpu_memory_gib) else 0.0
    loader_gib = 0.0
    if math.isfinite(workload.image_bytes_decoded):
        loader_gib = (workload.loader_workers * PREFETCH_BATCHES * workload.batch * workload.image_bytes_decoded
                      * AUGMENT_EXPANSION) / GiB
    cache_gib = workload.dataset_bytes / GiB if math.isfinite(workload.dataset_bytes) else 0.0
    cache_gib = cache_gib if cache_gib <= 256 else 0.0
    need = max(MIN_RAM_GIB, RAM_PER_GPU_MEMORY * gpu_memory_gib, HOST_BASELINE_GIB + loader_gib + cache_gib)
    modules, module_gib = _ram_modules(need)
    ram_rule = (f"RAM = max({MIN_RAM_GIB} GiB, {RAM_PER_GPU_MEMORY} x GPU memory {_num(gpu_memory_gib)} GiB, "
                f"{HOST_BASELINE_GIB} GiB base + loader {_num(loader_gib)} GiB + dataset cache {_num(cache_gib)} GiB) "
                f"= {_num(need)} GiB -> {modules} x {module_gib} GB modules ({modules * module_gib} GB), the fewest "
                f"channels-filling modules that hold it.")
    notes.append(ram_rule)
    registered = platform in ("workstation", "server")  # Xeon/EPYC/Threadripper Pro boards take ECC RDIMMs
    ram_kind = "ECC RDIMM" if registered else "desktop DIMM"
    ram_price = "ram-ddr5-ecc-rdimm-per-gb" if registered else "ram-ddr5-per-gb"
    items.append(_line(prices(ram_price), Decimal(module_gib), "ram", f"DDR5 {module_gib} GB {ram_kind}",
                       f"{modules * module_gib} GB total", modules, sizing_rule=ram_rule))

    dataset_gb = workload.dataset_bytes / 1e9 if math.isfinite(workload.dataset_bytes) else 0.0
    checkpoint_gb = workload.params * CHECKPOINT_BYTES_PER_PARAM * CHECKPOINTS_KEPT / 1e9 if math.isfinite(workload.params) else 0.0
    storage_gb = (2 * dataset_gb + checkpoint_gb + STORAGE_OS_GB) * STORAGE_HEADROOM
    drive_tb = next((size for size in DRIVE_SIZES_TB if size * 1000 >= storage_gb), DRIVE_SIZES_TB[-1])
    drives = max(1, math.ceil(storage_gb / (drive_tb * 1000)))
    storage_rule = (f"Storage = (2 x dataset {_num(dataset_gb)} GB + {CHECKPOINTS_KEPT} checkpoints "
                    f"{_num(checkpoint_gb)} GB + {STORAGE_OS_GB} GB system) x {STORAGE_HEADROOM} = {_num(storage_gb)} GB "
                    f"-> {drives} x {drive_tb} TB NVMe.")
    notes.append(storage_rule)
    items.append(_line(prices("ssd-nvme-gen4-per-tb"), Decimal(drive_tb), "storage", f"NVMe SSD {drive_tb} TB, PCIe 4.0",
                       f"{drive_tb} TB, M.2 2280", drives, sizing_rule=storage_rule))

    gpu_w = gpu.tdp_w * gpu_count if gpu is not None and gpu_count and math.isfinite(gpu.tdp_w) else 0.0
    cpu_w = cpu.tdp_w if cpu is not None and math.isfinite(cpu.tdp_w) else 0.0
    load_w = gpu_w + cpu_w + PLATFORM_W
    psu_need = load_w * PSU_HEADROOM
    size = next((w for w in PSU_SIZES_W if w >= psu_need), None)
    count = 1 if size else math.ceil(psu_need / PSU_SIZES_W[-1])
    size = size or PSU_SIZES_W[-1]
    psu_rule = (f"PSU >= (GPUs {_num(gpu_w)} W + CPU {_num(cpu_w)} W + platform {PLATFORM_W} W) x {PSU_HEADROOM} "
                f"= {_num(psu_need, 4)} W -> {count} x {size} W." + (
                    " Above 1,440 W continuous a 120 V / 15 A circuit is not enough: plan a 230 V or 20 A feed."
                    if psu_need > 1440 else ""))
    notes.append(psu_rule)
    psu_price = "psu-1000w-gold" if size <= 1000 else "psu-1600w-titanium"
    psu_name = f"PSU {size} W 80+ {'Gold' if size <= 1000 else 'Platinum/Titanium'} ATX 3.x"
    items.append(_line(prices(psu_price), ONE, "psu", psu_name, f"{size} W, 12V-2x6 for GPUs", count,
                       sizing_rule=psu_rule))

    if sxm:
        chassis = "HGX GPU server chassis (SXM baseboard), redundant PSUs"
    elif gpu_count <= TOWER_MAX_GPUS:
        chassis = "Full-tower workstation case, >= 8 expansion slots"
    else:
        chassis = "4U rack GPU server chassis, redundant PSUs"
    chassis_rule = (f"Chassis for {gpu_count} GPU(s): tower up to {TOWER_MAX_GPUS} PCIe GPUs, 4U rack above; "
                    "SXM modules only mount on an HGX baseboard in a GPU server.")
    notes.append(chassis_rule)
    items.append(_line(prices("chassis-workstation-tower"), ONE, "chassis", chassis, "airflow for the summed TDP", 1,
                       sizing_rule=chassis_rule))
    if gpu_count > TOWER_MAX_GPUS or sxm:
        cooler = "Server CPU heatsink for the chassis airflow"
    elif cpu_w > 125 or gpu_count > 1:
        cooler = "360 mm AIO liquid cooler"
    else:
        cooler = "High-end dual-tower air cooler"
    items.append(_line(prices("cooling-high-end-air-cooler-noctua-nh-d15-g2-360-mm-aio"), ONE, "cooling", cooler,
                       f"CPU {_num(cpu_w)} W", 1, sizing_rule="rack: chassis airflow; tower: liquid cooling above "
                                                              "125 W CPU TDP or with more than one GPU, else air"))
    if include_services:
        items.append(LineItem("service", "Assembly, 24 h burn-in and stress test", "GPU, CPU and memory soak", 1,
                              optional=True, sizing_rule="optional service"))
        items.append(LineItem("service", "OS, NVIDIA driver, CUDA/cuDNN and framework installation",
                              "validated with a training smoke test", 1, optional=True, sizing_rule="optional service"))
    parts = [f"{gpu_count} x {gpu.name}"] if gpu is not None and gpu_count else []
    if cpu is not None:
        parts.append(cpu.name)
    parts.append(f"{modules * module_gib} GB RAM")
    return SizedConfiguration(tuple(items), tuple(notes), " + ".join(parts), float(modules * module_gib),
                              float(drives * drive_tb), float(count * size), float(load_w))


def size_module(device: DeviceSpec, prices: PriceLookup) -> SizedConfiguration:
    """An edge device is quoted alone: one line, no host to size."""
    rule = (f"{device.name} is an edge device, quoted alone: a module carries its own CPU, memory and storage, "
            "and an accelerator card goes into the line's existing host.")
    specs = f"{_num(device.memory_gib)} GiB {device.memory_type}, {_num(device.tdp_w)} W".strip()
    item = _line(prices(device.id), ONE, "gpu", device.name, specs, 1, catalog_id=device.id,
                 details=gpu_details(device), sizing_rule=rule)
    load = device.tdp_w if math.isfinite(device.tdp_w) else math.nan
    return SizedConfiguration((item,), (rule,), device.name, 0.0, 0.0, 0.0, load)
