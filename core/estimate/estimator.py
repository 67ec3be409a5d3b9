"""`estimate(project, catalog) -> Estimate`: memory, training time, inference and takt for the
project's first hardware candidate (or a device given explicitly), with every figure derived.
"""

from __future__ import annotations

import math
import re

import numpy as np

from ..explain import Derived, Input
from ..project import Project
from . import memory as memory_model
from .calibration import Calibration, load_calibration
from .context import build_context, model_report
from .inference import call_seconds, inference_figures
from .results import CloudOption, Estimate, MemoryVsBatch, RooflineData, ThroughputVsBatch
from .training import step_seconds, training_figures

CHART_MAX_BATCH = 4096


def estimate(project: Project, catalog=None, *, device=None, gpus: int | None = None,
             calibration: Calibration | None = None) -> Estimate:
    """Estimate `project` on its first hardware candidate (or on `device` x `gpus`).

    `device` may be a catalog id/name/"local" or a DeviceSpec (e.g. a user-edited one)."""
    if catalog is None:
        from ..hardware.catalog import Catalog

        catalog = Catalog.open()
    calibration = calibration or load_calibration()
    context = build_context(project, catalog, calibration, device, gpus)
    spec = context.device
    train = project.task in ("train", "both")
    infer = project.task in ("infer", "both")
    derivations: list[Derived] = []
    assumptions: list[str] = list(context.notes)
    warnings: list[str] = list(project.warnings)

    train_report = train_layers = None
    training = pipe = scaling = None
    bottleneck, reason = "", ""
    if train:
        train_report, train_layers = model_report(project, project.training.precision)
        figures = training_figures(context, train_report, train_layers)
        training, pipe, scaling = figures.result, figures.pipeline, figures.scaling
        bottleneck, reason = figures.bottleneck, figures.bottleneck_reason
        derivations += figures.derivations
        assumptions += figures.assumptions
    inference = None
    infer_report = infer_layers = None
    if infer:
        infer_report, infer_layers = model_report(project, project.inference.precision)
        ifig = inference_figures(context, infer_report, infer_layers)
        inference = ifig.result
        derivations += ifig.derivations
        assumptions += [a for a in ifig.assumptions if a not in assumptions]
        if not train:
            bottleneck, reason = _inference_bottleneck(inference, spec.kind)
    if context.times_unknown:  # no rate to compare: naming a bottleneck would rest on NaN figures
        bottleneck, reason = "unknown", context.times_unknown
    report = train_report if train else infer_report
    layers = train_layers if train else infer_layers

    # memory of the main task
    capacity = spec.memory_bytes if spec.kind != "cpu" else context.ram_bytes
    if train:
        t = project.training
        terms = memory_model.training_terms(report, t.precision, t.optimizer, t.gradient_checkpointing,
                                            accelerator=spec.kind != "cpu")
        memory = memory_model.breakdown(terms, t.batch, capacity, spec.source, "memory", t.precision, t.optimizer)
        batch = t.batch
    else:
        terms = memory_model.inference_terms(report, project.inference.precision, accelerator=spec.kind != "cpu")
        memory = inference.memory
        batch = project.inference.batch
    if train:
        derivations += [*memory.components(), memory.total, memory.capacity, memory.max_batch]
    if not memory.fits:
        warnings.append(f"batch {batch} needs {memory.total.value / 1024**3:.1f} GiB but {spec.name} has "
                        f"{capacity / 1024**3:.1f} GiB; largest batch that fits: {memory.max_batch.value:.0f}")
        if bottleneck:
            reason = f"{reason}; and the batch does not fit in memory" if reason else "the batch does not fit in memory"

    mvb = _memory_vs_batch(terms, batch, memory.max_batch.value, capacity)
    tvb = _throughput_vs_batch(context, train_report, train_layers, infer_layers, mvb.batches, terms, capacity)
    roofline = _roofline(training.layers if training is not None else inference.layers, spec, layers, context)
    cloud = _cloud(catalog, spec, context.gpus * context.nodes, training)
    headline = _headline(training, inference, memory)
    derivations = [*_model_derivations(report), *derivations]
    return Estimate(
        model=report, device=spec, gpus=context.gpus, nodes=context.nodes, task=project.task, headline=headline,
        derivations=tuple(derivations), memory=memory, training=training, inference=inference, pipeline=pipe,
        bottleneck=bottleneck, bottleneck_reason=reason, assumptions=tuple(dict.fromkeys(assumptions)),
        roofline=roofline, scaling=scaling, memory_vs_batch=mvb, throughput_vs_batch=tvb, cloud=cloud,
        host_cpu=context.host_cpu, warnings=tuple(warnings), calibration_version=calibration.version,
    )


def _model_derivations(report) -> list[Derived]:
    src = "model engine (" + report.convention + ")"
    return [
        Derived("model.params", float(report.params), "", "sum of layer parameters", (), src),
        Derived("model.macs", float(report.macs), "MAC", "sum of conv/linear/matmul MACs per sample", (), src),
        Derived("model.flops", float(report.flops), "FLOP", "2 x MACs", (Input("MACs", float(report.macs)),), src),
    ]


def _inference_bottleneck(inference, kind: str) -> tuple[str, str]:
    unit = {"gpu": "GPU", "cpu": "CPU", "edge": "accelerator"}.get(kind, "device")
    layers = inference.layers
    total = float(np.sum(layers.forward_s))
    mem = float(np.sum(np.where(np.array(layers.bound) == "memory", layers.forward_s, 0.0)))
    if inference.latency.value > 1.05 * total:
        return "framework overhead", "operator dispatch and the per-call loop on the host take longer than the device work"
    if total > 0 and mem > 0.5 * total:
        return f"{unit} memory bandwidth", f"{mem / total:.0%} of the time is in memory-bound layers"
    return f"{unit} compute", f"the model reaches {inference.rated_fraction.value:.0%} of the rated peak"


def _memory_vs_batch(terms, batch: int, max_batch: float, capacity: float) -> MemoryVsBatch:
    top = max(batch * 2, int(max_batch * 1.5) if math.isfinite(max_batch) else batch * 4, 8)
    top = min(top, CHART_MAX_BATCH)
    batches = np.unique(np.concatenate([2 ** np.arange(0, int(math.log2(top)) + 1), [batch]])).astype(float)
    components = {
        "weights": np.full_like(batches, terms.weights),
        "gradients": np.full_like(batches, terms.gradients),
        "optimizer_state": np.full_like(batches, terms.optimizer_state),
        "activations": terms.activations_per_sample * batches,
        "workspace": terms.workspace_fixed + terms.workspace_per_sample * batches,
        "runtime_context": np.full_like(batches, terms.runtime_context),
    }
    return MemoryVsBatch(batches, components, terms.total(batches), float(capacity))


def _throughput_vs_batch(context, train_report, train_layers, infer_layers, batches, terms, capacity):
    fits = terms.total(batches) <= capacity if math.isfinite(capacity) else np.ones_like(batches, dtype=bool)
    nan = np.full_like(batches, np.nan)
    train_rate = nan.copy()
    if train_layers is not None:
        step = step_seconds(context, train_report, train_layers, batches)
        train_rate = np.where(fits, batches * context.gpus * context.nodes / step, np.nan)
    infer_rate, infer_latency = nan.copy(), nan.copy()
    if infer_layers is not None:
        _, times = call_seconds(context, infer_layers, batches)
        infer_latency = times.step_s
        infer_rate = batches / infer_latency
    return ThroughputVsBatch(batches, train_rate, infer_rate, infer_latency)


def _roofline(timing, spec, layers, context) -> RooflineData:
    with np.errstate(invalid="ignore", divide="ignore"):
        intensity = np.where(timing.bytes > 0, timing.flops / timing.bytes, 0.0)
    precision = context.project.training.precision if timing.backward_s.any() else context.project.inference.precision
    from .features import matrix_rate

    peak = matrix_rate(spec, precision)[0]
    return RooflineData(timing.names, intensity, timing.achieved_flops, timing.bound, timing.forward_s, peak,
                        float(spec.memory_bandwidth_bps))


def _cloud(catalog, spec, devices: int, training) -> tuple[CloudOption, ...]:
    if training is None or training.total_time is None or not hasattr(catalog, "prices"):
        return ()
    hours = training.total_time.value / 3600
    out = []
    try:
        prices = catalog.prices("cloud_gpu_hour", device_id=spec.id)
    except Exception:  # a catalog without prices still gives an estimate
        return ()
    for entry in prices:
        if not entry.category.startswith("cloud") or entry.device_id != spec.id or not math.isfinite(entry.price):
            continue
        per_gpu = entry.price
        # GPUs per instance as the item states it, "(8x H100 80GB)" -- not the "48x" of "p5.48xlarge"
        match = re.search(r"\((\d+)\s*x\s", entry.item)
        if re.search(r"instance|vm-hour|node|server", entry.unit.lower()) and match:
            per_gpu = entry.price / int(match.group(1))
        out.append(CloudOption(entry.item, per_gpu, entry.currency, hours * devices, per_gpu * hours * devices,
                               entry.source, entry.date))
    return tuple(out)


def _headline(training, inference, memory) -> tuple[Derived, ...]:
    items: list[Derived] = []
    if training is not None:
        items += [training.samples_per_s, training.step_time]
        if training.total_time is not None:
            items += [training.epoch_time, training.total_time]
    if inference is not None:
        items += [inference.latency, inference.samples_per_s]
        if inference.takt is not None:
            items.append(inference.takt.margin)
    items += [memory.total, memory.max_batch]
    return tuple(items)
