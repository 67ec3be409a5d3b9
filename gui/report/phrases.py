"""Chinese for the sentences Rigsizer itself writes into a quote (part names, sizing rules, bottlenecks).

The core writes these in English with the numbers filled in; a Chinese customer should not read
"Full-tower workstation case" on a 报价单. Each phrase is matched whole, so anything the user typed
or edited (a renamed line item, a custom note) is printed exactly as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from rigsizer.core.quote_money import ROUNDING_RULES

Replacement = str | Callable[[re.Match[str]], str]

PLATFORM = {"desktop": "台式机", "workstation": "工作站", "server": "服务器"}
BOTTLENECKS = {
    "GPU compute": "GPU 算力", "GPU memory bandwidth": "GPU 显存带宽", "CPU compute": "CPU 算力",
    "CPU memory bandwidth": "CPU 内存带宽", "accelerator compute": "加速器算力",
    "accelerator memory bandwidth": "加速器内存带宽", "device compute": "设备算力",
    "device memory bandwidth": "设备内存带宽", "CPU data pipeline": "CPU 数据管道", "storage": "存储读取",
    "PCIe": "PCIe 传输", "inter-GPU link": "GPU 间互联", "framework overhead": "框架开销", "unknown": "未知",
}
PSU_CIRCUIT_EN = " Above 1,440 W continuous a 120 V / 15 A circuit is not enough: plan a 230 V or 20 A feed."
PSU_CIRCUIT_ZH = "持续功率超过 1,440 W 时，120 V / 15 A 线路不够：请规划 230 V 或 20 A 供电。"

# the zh text of core.quote_money.ROUNDING_RULES, in the same order
ROUNDING_RULES_ZH = (
    "目录价格按报价所列汇率经美元换算为报价币种；每个单价随后四舍五入到分。",
    "行金额 = 单价 × 数量，四舍五入到分。",
    "小计 = 各行金额的精确合计；折扣 = 小计 × 折扣率，四舍五入到分。",
    "不含税价：税额 = (小计 - 折扣 + 运费) × 税率，四舍五入到分；合计 = 不含税金额 + 税额。",
    "含税价：合计 = 小计 - 折扣 + 运费；其中税额 = 合计 × 税率 / (1 + 税率)，四舍五入到分；不含税金额 = 合计 - 税额。",
)

_N = r"([\d.,]+)"
_PHRASES: list[tuple[str, Replacement]] = [
    # line items (core.quote_sizing)
    (rf"PSU {_N} W 80\+ Gold ATX 3\.x", r"电源 \1 W 80+ 金牌 ATX 3.x"),
    (rf"PSU {_N} W 80\+ Platinum/Titanium ATX 3\.x", r"电源 \1 W 80+ 白金/钛金 ATX 3.x"),
    (rf"{_N} W, 12V-2x6 for GPUs", r"\1 W，含 GPU 12V-2x6 供电接口"),
    (r"Full-tower workstation case, >= 8 expansion slots", "全塔工作站机箱，不少于 8 个扩展槽位"),
    (r"4U rack GPU server chassis, redundant PSUs", "4U 机架式 GPU 服务器机箱，冗余电源"),
    (r"HGX GPU server chassis \(SXM baseboard\), redundant PSUs", "HGX GPU 服务器机箱（SXM 基板），冗余电源"),
    (r"airflow for the summed TDP", "风道满足整机热设计功耗"),
    (r"Server CPU heatsink for the chassis airflow", "服务器 CPU 散热器（依靠机箱风道）"),
    (r"360 mm AIO liquid cooler", "360 mm 一体式水冷散热器"),
    (r"High-end dual-tower air cooler", "高端双塔风冷散热器"),
    (r"Assembly, 24 h burn-in and stress test", "整机组装、24 小时老化及压力测试"),
    (r"GPU, CPU and memory soak", "GPU、CPU 及内存满载测试"),
    (r"OS, NVIDIA driver, CUDA/cuDNN and framework installation", "操作系统、NVIDIA 驱动、CUDA/cuDNN 及深度学习框架安装"),
    (r"validated with a training smoke test", "以一次试训练验证"),
    (rf"NVMe SSD {_N} TB, PCIe 4\.0", r"NVMe 固态硬盘 \1 TB，PCIe 4.0"),
    (rf"{_N} TB, M\.2 2280", r"\1 TB，M.2 2280 规格"),
    (r"DDR5 (\d+) GB desktop DIMM", r"DDR5 \1 GB 台式机内存条"),
    (r"DDR5 (\d+) GB ECC RDIMM", r"DDR5 \1 GB ECC RDIMM 服务器内存条"),
    (r"(\d+) GB total", r"共 \1 GB"),
    (r"Desktop motherboard Z790 \(LGA1700\), ATX, DDR5", "台式机主板 Z790（LGA1700），ATX，DDR5"),
    (r"Desktop motherboard Z890 \(LGA1851\), x8/x8 PCIe 5\.0 bifurcation", "台式机主板 Z890（LGA1851），支持 PCIe 5.0 x8/x8 拆分"),
    (r"Desktop motherboard AM5 \(B650/X670E\), ATX, DDR5", "台式机主板 AM5（B650/X670E），ATX，DDR5"),
    (r"Workstation motherboard \((.+)\), >= (\d+) PCIe x16 slots", r"工作站主板（\1），不少于 \2 个 PCIe x16 插槽"),
    (r"GPU server board for an HGX baseboard \((\d+) SXM GPUs on NVLink\)", r"配 HGX 基板的 GPU 服务器主板（\1 块 SXM GPU，NVLink 互联）"),
    (r"(desktop|workstation|server) class", lambda m: f"{PLATFORM[m[1]]}级"),
    (rf"{_N} GiB (\S+), {_N} TFLOPS FP32, {_N} W", r"\1 GiB \2，FP32 \3 TFLOPS，\4 W"),
    (r"(\S+) cores / (\S+) threads, (\S+) W", r"\1 核 / \2 线程，\3 W"),
    (rf"CPU {_N} W", r"CPU 热设计功耗 \1 W"),
    # sizing rules
    (r"(\d+) x GPU as in the estimated configuration", r"\1 块 GPU，与估算配置一致"),
    (r"host CPU of the estimated configuration", "估算配置中的主机 CPU"),
    (r"optional service", "可选服务"),
    (r"rack: chassis airflow; tower: liquid cooling above 125 W CPU TDP or with more than one GPU, else air",
     "机架式：依靠机箱风道；塔式：CPU 热设计功耗超过 125 W 或多于一块 GPU 时用水冷，否则用风冷"),
    (r"Motherboard: (desktop|workstation|server) platform; desktop CPUs offer 16-24 PCIe lanes, so more than "
     r"(\d+) GPUs need a workstation platform, and SXM GPUs a GPU server\.",
     lambda m: (f"主板：{PLATFORM[m[1]]}平台；台式机 CPU 只有 16-24 条 PCIe 通道，超过 {m[2]} 块 GPU 需要工作站平台，"
                "SXM GPU 需要 GPU 服务器。")),
    (rf"RAM = max\({_N} GiB, {_N} x GPU memory {_N} GiB, {_N} GiB base \+ loader {_N} GiB \+ dataset cache {_N} GiB\) "
     rf"= {_N} GiB -> (\d+) x (\d+) GB modules \((\d+) GB\), the fewest channels-filling modules that hold it\.",
     r"内存 = max(\1 GiB, \2 × GPU 显存 \3 GiB, 基础 \4 GiB + 数据加载 \5 GiB + 数据集缓存 \6 GiB) = \7 GiB "
     r"→ \8 × \9 GB 内存条（共 \10 GB），即能容纳所需容量且插满内存通道的最少内存条。"),
    (rf"Storage = \(2 x dataset {_N} GB \+ (\d+) checkpoints {_N} GB \+ (\d+) GB system\) x {_N} = {_N} GB "
     rf"-> (\d+) x {_N} TB NVMe\.",
     r"存储 = (2 × 数据集 \1 GB + \2 个检查点 \3 GB + 系统 \4 GB) × \5 = \6 GB → \7 × \8 TB NVMe。"),
    (rf"PSU >= \(GPUs {_N} W \+ CPU {_N} W \+ platform {_N} W\) x {_N} = {_N} W -> (\d+) x (\d+) W\.(.*)",
     lambda m: (f"电源 ≥ (GPU {m[1]} W + CPU {m[2]} W + 平台 {m[3]} W) × {m[4]} = {m[5]} W → {m[6]} × {m[7]} W。"
                + (PSU_CIRCUIT_ZH if m[8] == PSU_CIRCUIT_EN else m[8]))),
    (r"Chassis for (\d+) GPU\(s\): tower up to (\d+) PCIe GPUs, 4U rack above; SXM modules only mount on an HGX "
     r"baseboard in a GPU server\.",
     r"机箱（\1 块 GPU）：塔式机箱最多装 \2 块 PCIe GPU，更多时用 4U 机架式；SXM 模块只能装在 GPU 服务器的 HGX 基板上。"),
    (r"(.+) is an edge device, quoted alone: a module carries its own CPU, memory and storage, and an accelerator "
     r"card goes into the line's existing host\.",
     r"\1 为边缘设备，单独报价：模组自带 CPU、内存和存储，加速卡装入产线现有主机。"),
    (r"(.+): no published price; enter a current quote", r"\1：无公开价格，请填入当前报价"),
    # default terms (core.quote.Quote)
    (r"50% on order, 50% on delivery; net 30 days\.", "下单预付 50%，交货后付 50%；30 天内付清。"),
    (r"2-4 weeks after order confirmation, subject to GPU availability\.", "订单确认后 2-4 周交货，视 GPU 供货情况而定。"),
    (r"Manufacturer warranty on every component; 1 year system warranty on labour\.",
     "所有部件享受原厂质保；整机人工服务质保 1 年。"),
    # bottleneck reasons (core.estimate)
    (r"the host dispatches operators slower than the GPU runs them", "主机下发算子的速度慢于 GPU 执行的速度"),
    (r"operator dispatch and the per-call loop on the host take longer than the device work",
     "主机上的算子下发和逐次调用循环耗时超过设备计算"),
    (r"(\d+)% of each step waits for the all-reduce over (.+)", r"每步有 \1% 的时间在等待经 \2 的梯度 all-reduce"),
    (r"(\d+)% of forward time is in memory-bound layers", r"前向时间的 \1% 花在访存受限的层上"),
    (r"(\d+)% of the time is in memory-bound layers", r"\1% 的时间花在访存受限的层上"),
    (r"matrix products run at (\d+)% of the (\S+) peak", r"矩阵运算达到 \2 峰值的 \1%"),
    (r"the model reaches (\d+)% of the rated peak", r"模型达到额定峰值的 \1%"),
    (r"the CPU supplies (\d+) images/s; the GPUs could take (\d+)", r"CPU 每秒供给 \1 张图像，GPU 每秒可处理 \2 张"),
    (r"the dataset does not fit in the page cache and is re-read from storage every epoch",
     "数据集放不进页缓存，每轮都要从存储重新读取"),
    (r"host-to-device copies take longer than the compute", "主机到设备的数据拷贝耗时超过计算"),
    # why no GPU is monitored (core.hardware.nvml), after the "no NVIDIA GPU: " prefix
    (r"NVML library not found: no NVIDIA driver is installed", "找不到 NVML 库：未安装 NVIDIA 驱动"),
    (r"NVML found none", "NVML 未找到任何 GPU"),
    (r"NVML not available", "NVML 不可用"),
    (r"NVIDIA driver not loaded: (.+)", r"NVIDIA 驱动未加载：\1"),
    (r"NVML library is a stub or too old: (.+)", r"NVML 库是占位库或版本过旧：\1"),
    (r"no permission to use NVML: (.+)", r"无权使用 NVML：\1"),
]
_COMPILED = [(re.compile(pattern), replacement) for pattern, replacement in _PHRASES]
_RULES = dict(zip(ROUNDING_RULES, ROUNDING_RULES_ZH, strict=True))


def chinese(text: str) -> str | None:
    """The Chinese for a phrase Rigsizer wrote, or None for anything else (user text stays as typed)."""
    if text in _RULES:
        return _RULES[text]
    if text in BOTTLENECKS:
        return BOTTLENECKS[text]
    for pattern, replacement in _COMPILED:
        match = pattern.fullmatch(text)
        if match:
            return replacement(match) if callable(replacement) else match.expand(replacement)
    return None


def text(value: str, lang: str) -> str:
    """Plain text in the quote's language; bilingual quotes give "English / 中文"."""
    if lang == "en" or not value:
        return value
    zh = chinese(value)
    if zh is None:
        return value
    return zh if lang == "zh" else f"{value} / {zh}"


def html(value: str, lang: str, escape_text: Callable[[str], str] = escape) -> str:
    """Escaped; in bilingual quotes the Chinese goes on its own line, as the fixed labels do."""
    zh = chinese(value) if lang != "en" and value else None
    if zh is None:
        return escape_text(value)
    if lang == "zh":
        return escape_text(zh)
    return f"{escape_text(value)}<br/>{escape_text(zh)}"


NO_GPU_PREFIX = "no NVIDIA GPU: "


def no_gpu_reason(status: str, lang: str) -> str:
    """Why no GPU is in use, without the core's "no NVIDIA GPU" lead-in (the window says that part itself)."""
    reason = "NVML found none" if status == "no NVIDIA GPU (NVML found none)" else status.removeprefix(NO_GPU_PREFIX)
    return text(reason, lang)
