"""Recommendations: sweep every catalog device x count 1-8 in one vectorised pass, size the rest
of the machine by stated rules, apply the constraints, rank, and flag the price-vs-time
Pareto front.

Sizing rules (stated in every Configuration's `rules`):
- CPU: the cheapest catalog CPU with at least max(8, 4 x GPUs) cores (data-loader workers).
- RAM: max(32 GiB, 2 x total GPU memory), rounded up to a power of two.
- Storage: max(1 TB, 3 x dataset size) of NVMe.
- PSU: 1.3 x (GPUs x TDP + CPU TDP + 150 W), rounded up to 100 W (price not in the catalog).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ..errors import ValidationError
from ..project import Project
from ..units import BYTES_PER_ELEMENT
from . import memory as memory_model
from . import multigpu, pipeline
from .calibration import Calibration, load_calibration
from .context import model_report
from .features import device_features, tf32_rate
from .inference import required_rate, runtime_code
from .timing import RUNTIME_EAGER, optimizer_bytes_per_param, step_times

# prices.csv: DDR5 32 GB kit 400-550 USD (2025-12, weak source); mainstream NVMe 0.06-0.08 USD/GB
RAM_USD_PER_GIB = 475 / 32
SSD_USD_PER_GB = 0.07
PRICE_NOTE = ("RAM at 14.8 USD/GiB (DDR5 kit, 2025-12) and NVMe at 0.07 USD/GB (2024-2025) from prices.csv; "
              "PSU, motherboard and chassis prices are not in the catalog and are left out")
RULES = (
    "CPU: cheapest catalog CPU with >= max(8, 4 x GPUs) cores",
    "RAM: max(32 GiB, 2 x total GPU memory), rounded up to a power of two",
    "storage: max(1 TB, 3 x dataset) NVMe",
    "PSU: 1.3 x (GPUs x TDP + CPU TDP + 150 W), rounded up to 100 W",
    "training time from compute and all-reduce; the data pipeline is checked per configuration in estimate()",
)
CONSUMER_MAX_GPUS = 4


@dataclass(frozen=True)
class Constraints:
    deadline_hours: float = 0.0  # 0 = none
    budget: float = 0.0
    form_factor: str = "any"
    max_power_w: float = 0.0
    max_gpus: int = 8
    require_takt: bool = True

    @classmethod
    def from_project(cls, project: Project) -> Constraints:
        c = project.constraints
        return cls(c.deadline_hours, c.budget, c.form_factor, c.max_power_w, c.max_gpus)


@dataclass(frozen=True)
class Configuration:
    device_id: str
    device_name: str
    count: int
    kind: str
    cpu_id: str
    ram_gib: float
    storage_tb: float
    psu_w: float
    power_w: float
    price_usd: float  # NaN when the device price is unknown
    price_items: tuple[tuple[str, float], ...]
    training_hours: float  # NaN for inference-only projects
    samples_per_s: float
    inference_samples_per_s: float
    fits_memory: bool
    meets: bool
    reasons: tuple[str, ...]  # why it fails a constraint
    pareto: bool = False
    rank: int = 0
    rules: tuple[str, ...] = field(default=RULES)

    def to_dict(self) -> dict:
        out = dict(vars(self))
        out["price_items"] = [[name, value if math.isfinite(value) else None] for name, value in self.price_items]
        out["reasons"] = list(self.reasons)
        out["rules"] = list(self.rules)
        return {k: (None if isinstance(v, float) and not math.isfinite(v) else v) for k, v in out.items()}


def _form_factor_ok(spec, count: int, form: str) -> bool:
    if form == "any":
        return True
    if form == "edge":
        return spec.kind == "edge"
    if spec.kind == "edge":
        return False
    consumer = spec.form_factor in ("consumer", "desktop", "workstation")
    if form == "desktop":
        return consumer and count <= 2
    if form == "workstation":
        return spec.form_factor != "datacenter" or "pcie" in spec.id
    return True  # rack takes anything


def recommend(project: Project, catalog=None, constraints: Constraints | None = None,
              calibration: Calibration | None = None) -> list[Configuration]:
    """Every device x count configuration, constraints applied, ranked; Pareto front flagged."""
    if catalog is None:
        from ..hardware.catalog import Catalog

        catalog = Catalog.open()
    constraints = constraints or Constraints.from_project(project)
    if not 1 <= constraints.max_gpus <= 8:
        raise ValidationError("constraints.max_gpus", f"{constraints.max_gpus} is out of range", "1 to 8")
    cal = calibration or load_calibration()
    p = cal.params
    train = project.task in ("train", "both")
    infer = project.task in ("infer", "both")
    specs = [s for s in catalog.devices("gpu") if math.isfinite(s.memory_bandwidth_bps)]
    if infer:
        specs += [s for s in catalog.devices("edge") if math.isfinite(s.memory_bandwidth_bps)]
    if not specs:
        return []
    counts = np.arange(1, constraints.max_gpus + 1, dtype=float)
    nd = len(specs)
    hours = np.full((nd, counts.size), np.nan)
    rate = np.full((nd, counts.size), np.nan)
    fits = np.ones(nd, dtype=bool)
    if train:
        t = project.training
        report, layers = model_report(project, t.precision)
        devices = device_features(specs, t.precision)
        times = step_times(layers.as_column(), devices, batch=float(t.batch),
                           bytes_per_element=BYTES_PER_ELEMENT[t.precision], runtime=RUNTIME_EAGER, params=p,
                           training=True, optimizer_bytes_per_param=optimizer_bytes_per_param(t.optimizer, t.precision),
                           trainable_params=float(report.trainable_params), checkpointing=t.gradient_checkpointing,
                           tf32=tf32_rate(devices))
        busbw = np.array([multigpu.intra_node_link(s).bus_bandwidth_bps for s in specs])
        grad = 4.0 * report.trainable_params
        comm = multigpu.allreduce_seconds(grad, counts[None, :], busbw[:, None])
        unhidden = multigpu.unhidden_seconds(comm, times.backward_s[:, None], times.step_s[:, None], counts[None, :],
                                             p["allreduce_overlap"], p["multi_gpu_overhead"])
        step = times.step_s[:, None] + unhidden
        rate = t.batch * counts[None, :] / step
        samples = project.training_images * project.tiles_per_image
        val = project.validation_images * project.tiles_per_image * (t.epochs // t.validation_every)
        hours = (t.epochs * samples / rate + val / (rate * 2.0)) / 3600
        terms = memory_model.training_terms(report, t.precision, t.optimizer, t.gradient_checkpointing)
        fits = terms.total(t.batch) <= devices.memory
        trainable = np.array([s.kind == "gpu" for s in specs])
        hours = np.where(trainable[:, None], hours, np.nan)
    infer_rate = np.full(nd, np.nan)
    required = math.nan
    if infer:
        i = project.inference
        _, ilayers = model_report(project, i.precision)
        idev = device_features(specs, i.precision)
        itimes = step_times(ilayers.as_column(), idev, batch=float(i.batch), bytes_per_element=BYTES_PER_ELEMENT[i.precision],
                            runtime=runtime_code(i.runtime), params=p, training=False, int8=i.precision == "int8", tf32=tf32_rate(idev))
        infer_rate = i.batch / itimes.step_s
        if i.takt_mode != "none":
            required = required_rate(project)[0]

    cpus = sorted((c for c in catalog.devices("cpu") if c.cores and math.isfinite(c.price_usd)),
                  key=lambda c: c.price_usd)
    d = project.dataset
    dataset_bytes = pipeline.file_bytes(d.width, d.height, d.channels, d.file_format, d.file_kb) * d.images
    out: list[Configuration] = []
    for di, spec in enumerate(specs):
        max_count = 1 if spec.kind == "edge" else counts.size
        if spec.form_factor == "consumer":
            max_count = min(max_count, CONSUMER_MAX_GPUS)
        for ci in range(int(max_count)):
            n = ci + 1
            cpu = next((c for c in cpus if c.cores >= max(8, 4 * n)), None) if spec.kind == "gpu" else None
            ram = 2 ** math.ceil(math.log2(max(32.0, 2 * n * spec.memory_gib))) if spec.kind == "gpu" else 0.0
            storage_tb = max(1.0, math.ceil(3 * dataset_bytes / 1e12)) if spec.kind == "gpu" else 0.0
            cpu_tdp = cpu.tdp_w if cpu is not None and math.isfinite(cpu.tdp_w) else 150.0
            tdp = spec.tdp_w if math.isfinite(spec.tdp_w) else math.nan
            power = n * tdp + (cpu_tdp + 150.0 if spec.kind == "gpu" else 0.0)
            psu = math.ceil(1.3 * power / 100) * 100 if spec.kind == "gpu" else 0.0
            items = [(f"{n} x {spec.name}", n * spec.price_usd)]
            if cpu is not None:
                items.append((cpu.name, cpu.price_usd))
            if ram:
                items += [(f"{ram:.0f} GiB RAM", ram * RAM_USD_PER_GIB), (f"{storage_tb:.0f} TB NVMe", storage_tb * 1000 * SSD_USD_PER_GB)]
            price = float(sum(v for _, v in items))
            reasons = []
            h = float(hours[di, ci]) if train else math.nan
            r = float(rate[di, ci]) if train else math.nan
            ir = float(infer_rate[di]) * (n if infer else 1)
            if train and not fits[di]:
                reasons.append("training batch does not fit in memory")
            if train and spec.kind != "gpu":
                reasons.append("not a training device")
            if constraints.deadline_hours > 0 and train and not h <= constraints.deadline_hours:
                reasons.append(f"training takes {h:.1f} h > {constraints.deadline_hours:g} h deadline")
            if constraints.budget > 0 and not price <= constraints.budget:
                reasons.append("over budget" if math.isfinite(price) else "price unknown")
            if constraints.max_power_w > 0 and not power <= constraints.max_power_w:
                reasons.append(f"{power:.0f} W over the {constraints.max_power_w:g} W limit")
            if not _form_factor_ok(spec, n, constraints.form_factor):
                reasons.append(f"not a {constraints.form_factor} configuration")
            if constraints.require_takt and math.isfinite(required) and not ir >= required:
                reasons.append(f"{ir:.1f} samples/s below the line's {required:.1f}")
            out.append(Configuration(spec.id, spec.name, n, spec.kind, cpu.id if cpu else "", float(ram), storage_tb,
                                     float(psu), float(power), price, tuple(items), h, r, ir,
                                     bool(fits[di]), not reasons, tuple(reasons)))
    return _rank(out, train)


def _rank(configs: list[Configuration], train: bool) -> list[Configuration]:
    from dataclasses import replace

    def objective(c: Configuration) -> float:
        return c.training_hours if train else -c.inference_samples_per_s

    candidates = [c for c in configs if c.meets and math.isfinite(c.price_usd) and math.isfinite(objective(c))]
    prices = np.array([c.price_usd for c in candidates])
    objs = np.array([objective(c) for c in candidates])
    pareto = set()
    if candidates:
        order = np.lexsort((objs, prices))
        best = math.inf
        for index in order:
            if objs[index] < best:
                best = objs[index]
                pareto.add(id(candidates[index]))
    ranked = sorted(configs, key=lambda c: (not c.meets, not math.isfinite(c.price_usd), id(c) not in pareto,
                                            c.price_usd if math.isfinite(c.price_usd) else math.inf, objective(c)))
    return [replace(c, pareto=id(c) in pareto, rank=i + 1) for i, c in enumerate(ranked)]
