"""Recommendations: sweep every catalog device x count 1-8 in one vectorised pass, size and price
the rest of the machine exactly as the quote does, apply the constraints, rank, and flag the
price-vs-time Pareto front.

The host CPU is chosen here (the project's named CPU, else the cheapest catalog CPU with at least
max(8, 4 x GPUs) cores for the data-loader workers). Everything else - RAM, storage, PSU, board,
chassis, cooling and every price - comes from `quote_sizing.size_configuration`, the same sizing
the PDF quote prints, so a configuration costs what its quote totals. Each Configuration states
its rules.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field

import numpy as np

from ..errors import ValidationError
from ..hardware.spec import DeviceSpec
from ..project import Project
from ..quote import Quote
from ..quote_build import pricing_quote, project_workload
from ..quote_prices import PriceLookup, catalog_lookup
from ..quote_sizing import (
    SizedConfiguration,
    Workload,
    hardware_price,
    platform_problem,
    size_configuration,
    size_module,
)
from ..units import BYTES_PER_ELEMENT
from . import memory as memory_model
from . import multigpu
from .calibration import Calibration, load_calibration
from .context import model_report, resolve_device
from .features import device_features
from .inference import required_rate, runtime_code
from .timing import optimizer_bytes_per_param, step_times, training_runtime

CPU_RULE = ("CPU: cheapest catalog CPU with >= max(8, 4 x GPUs) cores (data-loader workers), on a workstation "
            "platform (Xeon, Threadripper, EPYC) above 2 GPUs")
NAMED_CPU_RULE = "CPU: the project's host CPU {name} (hardware.cpu); it should have >= max(8, 4 x GPUs) cores"
PRICE_RULE = ("price: the quote's subtotal in USD of the lines with a published catalog price (before discount, "
              "shipping and tax); lines on request are listed in unpriced_items; unknown when the GPU has no price")
TIMING_RULE = "training time from compute and all-reduce; the data pipeline is checked per configuration in estimate()"
RULES = (CPU_RULE, PRICE_RULE, TIMING_RULE)  # the rules every configuration states; sizing rules are added per machine
CONSUMER_MAX_GPUS = 4


def loader_cores(gpus: int) -> int:
    """Cores the data-loader workers of `gpus` GPUs ask for."""
    return max(8, 4 * gpus)


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
    configuration: str = ""  # the quote's configuration line, e.g. "1 x GeForce RTX 4090 + Core i9-13900K + 64 GB RAM"
    unpriced_items: tuple[str, ...] = ()  # non-optional lines without a published price (price on request)

    def to_dict(self) -> dict:
        out = dict(vars(self))
        out["price_items"] = [[name, value if math.isfinite(value) else None] for name, value in self.price_items]
        out["reasons"] = list(self.reasons)
        out["rules"] = list(self.rules)
        out["unpriced_items"] = list(self.unpriced_items)
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
    params = math.nan  # the model's parameter count, for the checkpoints the quote sizes storage for
    if train:
        t = project.training
        report, layers = model_report(project, t.precision)
        params = float(report.params)
        devices = device_features(specs, t.precision)
        times = step_times(layers.as_column(), devices, batch=float(t.batch),
                           bytes_per_element=BYTES_PER_ELEMENT[t.precision], runtime=training_runtime(t.runtime), params=p,
                           training=True, optimizer_bytes_per_param=optimizer_bytes_per_param(t.optimizer, t.precision),
                           trainable_params=float(report.trainable_params), checkpointing=t.gradient_checkpointing)
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
        ireport, ilayers = model_report(project, i.precision)
        params = params if math.isfinite(params) else float(ireport.params)
        idev = device_features(specs, i.precision)
        itimes = step_times(ilayers.as_column(), idev, batch=float(i.batch), bytes_per_element=BYTES_PER_ELEMENT[i.precision],
                            runtime=runtime_code(i.runtime), params=p, training=False)
        infer_rate = i.batch / itimes.step_s
        if i.takt_mode != "none":
            required = required_rate(project)[0]

    host = _Host(project, catalog, params)
    out: list[Configuration] = []
    for di, spec in enumerate(specs):
        max_count = 1 if spec.kind == "edge" else counts.size
        if spec.form_factor == "consumer":
            max_count = min(max_count, CONSUMER_MAX_GPUS)
        for ci in range(int(max_count)):
            n = ci + 1
            cpu, rules, reasons = host.cpu_for(n) if spec.kind == "gpu" else (None, (), [])
            sized = host.size(spec, n, cpu)
            price, items, unpriced = host.price(sized)
            power = sized.load_w
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
            out.append(Configuration(spec.id, spec.name, n, spec.kind, cpu.id if cpu else "", sized.ram_gib,
                                     sized.storage_tb, sized.psu_w, float(power), price, items, h, r, ir,
                                     bool(fits[di]), not reasons, tuple(reasons),
                                     rules=(*rules, *sized.notes, PRICE_RULE, TIMING_RULE),
                                     configuration=sized.configuration, unpriced_items=unpriced))
    return _rank(out, train)


class _Host:
    """What the sweep shares across configurations: the price lookup, the pricing terms, the workload
    and the CPU list, built once; sizing and pricing themselves are the quote's."""

    def __init__(self, project: Project, catalog, params: float) -> None:
        self.prices: PriceLookup = functools.cache(catalog_lookup(catalog))  # one PriceFact per id per sweep
        self.pricing: Quote = pricing_quote(project, "USD")
        self.workload: Workload = project_workload(project, params=params)
        self.cpus = sorted((c for c in catalog.devices("cpu") if c.cores and math.isfinite(c.price_usd)),
                           key=lambda c: c.price_usd)
        named = project.hardware.cpu.strip()
        self.named: DeviceSpec | None = resolve_device(catalog, named, "hardware.cpu") if named else None

    def cpu_for(self, gpus: int) -> tuple[DeviceSpec | None, tuple[str, ...], list[str]]:
        """(CPU, its rule, reasons it falls short) for `gpus` GPUs: the project's CPU when it names one."""
        need = loader_cores(gpus)
        if self.named is not None:
            reasons = []
            if not (self.named.cores or 0) >= need:
                reasons.append(f"{self.named.name} has {self.named.cores or 'unknown'} cores, fewer than the "
                               f"{need} the data loaders of {gpus} GPUs need")
            if problem := platform_problem(self.named, gpus):
                reasons.append(problem)
            return self.named, (NAMED_CPU_RULE.format(name=self.named.name),), reasons
        fitting = (c for c in self.cpus if c.cores >= need and not platform_problem(c, gpus))
        return next(fitting, None), (CPU_RULE,), []

    def size(self, device: DeviceSpec, gpus: int, cpu: DeviceSpec | None) -> SizedConfiguration:
        if device.kind == "edge":
            return size_module(device, self.prices)
        return size_configuration(device, gpus, cpu, self.workload, self.prices, include_services=False)

    def price(self, sized: SizedConfiguration) -> tuple[float, tuple[tuple[str, float], ...], tuple[str, ...]]:
        """(price in USD, NaN when the GPU line has no price; priced lines; lines on request)."""
        priced = hardware_price(sized, self.pricing)
        items = tuple((f"{item.quantity} x {item.part_name}", float(line) if line is not None else math.nan)
                      for item, line in zip(sized.items, priced.line_totals, strict=True) if not item.optional)
        device_priced = bool(priced.line_totals) and priced.line_totals[0] is not None
        return (float(priced.subtotal) if device_priced else math.nan), items, priced.unpriced


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
