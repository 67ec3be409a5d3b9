"""Training time on one configuration: step, samples/s, epoch and run, with the data pipeline,
multi-GPU communication, utilisation, energy and the named bottleneck.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..explain import Derived, Input
from ..model.report import ModelReport
from ..units import BYTES_PER_ELEMENT
from . import multigpu, pipeline
from .context import Context
from .features import CLASS_MEMORY, LayerFeatures, device_features
from .results import DataPipelineResult, LayerTiming, ScalingData, TrainingResult
from .timing import (
    EFFICIENCY_FORMULA,
    RUNTIME_NAMES,
    efficiency_inputs,
    forward_only_seconds,
    optimizer_bytes_per_param,
    step_times,
    training_runtime,
)

GPU_POWER_SHARE = 0.9  # GPUs draw close to their TDP under sustained training
HOST_POWER_W = 150.0  # motherboard, RAM, storage, fans: used when the CPU's TDP is unknown
SCALING_GPUS = np.arange(1, 9)
SCALING_NODES = np.array([1, 2, 4, 8])


@dataclass(frozen=True)
class TrainingFigures:
    result: TrainingResult
    pipeline: DataPipelineResult | None
    scaling: ScalingData
    bottleneck: str
    bottleneck_reason: str
    derivations: tuple[Derived, ...]
    assumptions: tuple[str, ...]


def rate_band(value: float, band: tuple[float, float]) -> tuple[float, float]:
    return value * band[0], value * band[1]


def time_band(value: float, band: tuple[float, float]) -> tuple[float, float]:
    return value / band[1], value / band[0]


def _single(context: Context, report: ModelReport, layers: LayerFeatures, batch):
    """Step components on the context's device for one or more batch sizes."""
    t = context.project.training
    devices = device_features([context.device], t.precision)
    batch_array = np.atleast_1d(np.asarray(batch, dtype=float))
    cols = layers.as_column()
    times = step_times(cols, devices, batch=batch_array[None, :], bytes_per_element=BYTES_PER_ELEMENT[t.precision],
                       runtime=training_runtime(t.runtime), params=context.calibration.params, training=True,
                       optimizer_bytes_per_param=optimizer_bytes_per_param(t.optimizer, t.precision),
                       trainable_params=float(report.trainable_params), checkpointing=t.gradient_checkpointing)
    return devices, times


def step_seconds(context: Context, report: ModelReport, layers: LayerFeatures, batches) -> np.ndarray:
    """Single-device step time for each batch size (chart data and what-ifs)."""
    return _single(context, report, layers, batches)[1].step_s


def training_figures(context: Context, report: ModelReport, layers: LayerFeatures) -> TrainingFigures:
    project, cal = context.project, context.calibration
    t, spec = project.training, context.device
    p = cal.params
    devices, times = _single(context, report, layers, t.batch)
    forward_s, backward_s = float(times.forward_s[0]), float(times.backward_s[0])
    optimizer_s, gpu_s, host_s = float(times.optimizer_s[0]), float(times.gpu_s[0]), float(times.host_s[0])
    step1 = float(times.step_s[0])
    gpus, nodes = context.gpus, context.nodes
    total_gpus = gpus * nodes
    band = cal.band("train")
    assumptions: list[str] = [
        f"framework: {RUNTIME_NAMES[training_runtime(t.runtime)]} (training.runtime = {t.runtime}) "
        "with asynchronous kernel launches",
        "per-step work outside the network (loss terms, target matching such as DETR's Hungarian matcher, "
        "host-device synchronisation, logging) is covered only by the fixed per-step host overhead: "
        "models with heavy losses train slower than estimated",
        f"efficiency model calibrated on published measurements ({cal.version})",
    ]
    if devices.fallback[0]:
        assumptions.append(f"{spec.name} has no {t.precision} rate in its datasheet; "
                           f"the {devices.rate_key[0]} rate is used")

    # communication
    grad_bytes = 4.0 * report.trainable_params
    intra = multigpu.intra_node_link(spec)
    inter = multigpu.node_link(project.hardware.node_link_gbps)
    comm = float(multigpu.communication_seconds(grad_bytes, gpus, nodes, intra.bus_bandwidth_bps,
                                                inter.bus_bandwidth_bps))
    unhidden = float(multigpu.unhidden_seconds(comm, backward_s, step1, total_gpus, p["allreduce_overlap"],
                                               p["multi_gpu_overhead"]))
    compute_step = step1 + unhidden

    # data pipeline, per node
    tiles = project.tiles_per_image
    c, h, w = project.network_input
    d = project.dataset
    fig = pipeline.figures(width=d.width, height=d.height, channels=d.channels, file_format=d.file_format,
                           file_kb=d.file_kb, images=d.images, storage=d.storage,
                           augmentation=project.preprocessing.augmentation, network_pixels=float(h * w),
                           tiles=tiles, ram_bytes=context.ram_bytes)
    cores = pipeline.usable_cores(context.host_cores, gpus) if math.isfinite(context.host_cores) else math.nan
    workers = float(t.loader_workers) if t.loader_workers > 0 else cores
    if t.loader_workers > 0 and math.isfinite(cores):
        workers = min(workers, cores)
    images_per_step = t.batch * gpus / tiles  # per node
    data_step = images_per_step * fig.seconds_per_image / workers if math.isfinite(workers) else 0.0
    storage_step = 0.0 if fig.fits_page_cache else images_per_step * fig.file_bytes / pipeline.STORAGE_BPS[d.storage]
    pcie = multigpu.pcie_bandwidth(spec) if spec.kind == "gpu" else math.inf
    sample_bytes = c * h * w * 4.0  # normalised float32 tensors cross PCIe
    pcie_step = t.batch * sample_bytes / (0.8 * pcie) if math.isfinite(pcie) else 0.0
    step = max(compute_step, data_step, storage_step, pcie_step)

    samples_per_s = t.batch * total_gpus / step
    per_device = samples_per_s / total_gpus
    peak = float(devices.matrix_flops[0])
    utilisation = report.training_flops_per_sample * per_device / peak

    # epoch and run
    train_samples = project.training_images * tiles
    val_samples = project.validation_images * tiles
    epoch_s = train_samples / samples_per_s
    val_forward = float(forward_only_seconds(times, devices.device_class, training_runtime(t.runtime), p)[0])
    val_step = max(val_forward,
                   images_per_step * (fig.decode_s + fig.read_s) / workers if math.isfinite(workers) else 0.0)
    val_rate = t.batch * total_gpus / val_step
    val_s = val_samples / val_rate
    passes = t.epochs // t.validation_every
    total_s = t.epochs * epoch_s + passes * val_s

    # energy
    host_w = context.host_cpu.tdp_w if context.host_cpu is not None and math.isfinite(context.host_cpu.tdp_w) \
        else HOST_POWER_W
    gpu_w = spec.tdp_w if math.isfinite(spec.tdp_w) else math.nan
    power_w = (total_gpus * GPU_POWER_SHARE * gpu_w + nodes * (host_w + 100.0)) if spec.kind == "gpu" \
        else nodes * (host_w + 100.0)
    kwh = power_w * total_s / 3.6e6
    price = float(project.quote_settings.get("electricity_per_kwh", 0.0))

    # bottleneck
    fwd = times.forward
    gpu_times = fwd.time[:, 0]
    memory_bound = float(np.sum(np.where(fwd.memory[:, 0] > fwd.compute[:, 0], gpu_times, 0.0)))
    bounds = {
        "GPU compute": compute_step,
        "CPU data pipeline": data_step,
        "storage": storage_step,
        "PCIe": pcie_step,
    }
    name = max(bounds, key=bounds.get)
    reason = ""
    if name == "GPU compute":
        if unhidden > 0.25 * step:
            name, reason = "inter-GPU link", f"{unhidden / step:.0%} of each step waits for the all-reduce over {intra.name}"
        elif host_s > gpu_s:
            name, reason = "framework overhead", "the host dispatches operators slower than the GPU runs them"
        elif memory_bound > 0.5 * float(np.sum(gpu_times)):
            name, reason = "GPU memory bandwidth", f"{memory_bound / np.sum(gpu_times):.0%} of forward time is in memory-bound layers"
        else:
            reason = f"matrix products run at {utilisation:.0%} of the {t.precision} peak"
        if spec.kind == "cpu":
            name = "CPU compute"
    elif name == "CPU data pipeline":
        reason = f"the CPU supplies {images_per_step / data_step:.0f} images/s; the GPUs could take {images_per_step / compute_step:.0f}"
    elif name == "storage":
        reason = "the dataset does not fit in the page cache and is re-read from storage every epoch"
    else:
        reason = "host-to-device copies take longer than the compute"

    # derivations
    lo, hi = time_band(step, band)
    s_lo, s_hi = rate_band(samples_per_s, band)
    src = "per-layer roofline with the calibrated efficiency model (domain.md section 5)"
    b_in = Input("B", float(t.batch), "samples/device", "project")
    derived: list[Derived] = []
    fwd_d = Derived("training.forward_time", forward_s, "s", EFFICIENCY_FORMULA,
                    (b_in, Input("peak", peak, "FLOP/s", spec.source), Input("BW", spec.memory_bandwidth_bps, "B/s", spec.source),
                     Input("layers", float(layers.count)), *efficiency_inputs(p)), src)
    bwd_d = Derived("training.backward_time", backward_s, "s", "sum over layers of the backward roofline (data + weight gradients)",
                    (b_in, Input("backward MACs", float(report.backward_macs), "per sample", "model engine"),
                     Input("checkpointing", str(t.gradient_checkpointing))), src)
    opt_d = Derived("training.optimizer_time", optimizer_s, "s", "trainable params x bytes per param / (BW x eta_m)",
                    (Input("P", float(report.trainable_params)), Input("optimizer", t.optimizer),
                     Input("bytes/param", optimizer_bytes_per_param(t.optimizer, t.precision), "B")), src)
    overhead_d = Derived("training.overhead_time", max(0.0, float(times.step_s[0]) - gpu_s), "s",
                         "(gpu^4 + host^4)^(1/4) - gpu: operator dispatch not hidden behind GPU work",
                         (Input("gpu", gpu_s, "s"), Input("host", host_s, "s")), src)
    comm_d = Derived("training.communication_time", unhidden, "s",
                     "max(0, 2(N-1)/N x gradient bytes / bus BW - overlap x backward) + sync overhead",
                     (Input("N", float(total_gpus)), Input("gradient bytes", grad_bytes, "B"),
                      Input("bus BW", intra.bus_bandwidth_bps, "B/s", intra.source), Input("link", intra.name),
                      Input("all-reduce", comm, "s"), Input("overlap", p["allreduce_overlap"], "", "calibration")),
                     intra.source)
    compute_d = Derived("training.compute_time", gpu_s, "s", "forward + backward + optimizer",
                        (Input("forward", forward_s, "s"), Input("backward", backward_s, "s"),
                         Input("optimizer", optimizer_s, "s")), src)
    step_d = Derived("training.step_time", step, "s",
                     "max(compute step + unhidden communication, data pipeline, storage, PCIe)",
                     (Input("compute step", compute_step, "s"), Input("data pipeline", data_step, "s"),
                      Input("storage", storage_step, "s"), Input("PCIe", pcie_step, "s")), src, lo, hi)
    sps_d = Derived("training.samples_per_s", samples_per_s, "samples/s", "B x GPUs x nodes / step time",
                    (b_in, Input("GPUs", float(gpus)), Input("nodes", float(nodes)), Input("step", step, "s")),
                    src, s_lo, s_hi, ("uncertainty band: 10th-90th percentile of calibration residuals",))
    per_d = Derived("training.samples_per_s_per_device", per_device, "samples/s", "samples/s / devices",
                    (Input("samples/s", samples_per_s), Input("devices", float(total_gpus))), src,
                    *rate_band(per_device, band))
    util_d = Derived("training.utilisation", utilisation, "", "training FLOPs per sample x samples/s per device / peak",
                     (Input("FLOPs/sample", float(report.training_flops_per_sample), "FLOP", "model engine"),
                      Input("peak", peak, "FLOP/s", spec.source)), "domain.md section 1 (utilisation)")
    epoch_d = Derived("training.epoch_time", epoch_s, "s", "training images x tiles per image / samples per s",
                      (Input("images", float(project.training_images), "", "project"), Input("tiles", float(tiles)),
                       Input("samples/s", samples_per_s)), src, *time_band(epoch_s, band))
    val_d = Derived("training.validation_time", val_s, "s", "validation images x tiles / forward-only samples per s",
                    (Input("images", float(project.validation_images)), Input("tiles", float(tiles)),
                     Input("samples/s", val_rate)), src, *time_band(val_s, band))
    total_d = Derived("training.total_time", total_s, "s", "epochs x epoch time + validation passes x validation time",
                      (Input("epochs", float(t.epochs)), Input("epoch", epoch_s, "s"),
                       Input("validation passes", float(passes)), Input("validation", val_s, "s")), src,
                      *time_band(total_s, band))
    energy_d = Derived("training.energy_kwh", kwh, "kWh", "(GPUs x 0.9 x TDP + nodes x (CPU TDP + 100 W)) x hours",
                       (Input("GPU TDP", gpu_w, "W", spec.source), Input("GPUs", float(total_gpus)),
                        Input("CPU TDP", host_w, "W"), Input("hours", total_s / 3600, "h")), "domain.md section 8",
                       *time_band(kwh, band), ("GPUs draw 90% of TDP while training",))
    cost_d = Derived("training.energy_cost", kwh * price, project.quote_settings.get("currency", "USD"),
                     "kWh x price per kWh", (Input("kWh", kwh), Input("price", price, "per kWh", "project quote settings")),
                     "domain.md section 8", *time_band(kwh * price, band))
    derived += [fwd_d, bwd_d, opt_d, overhead_d, comm_d, compute_d, step_d, sps_d, per_d, util_d, epoch_d, val_d,
                total_d, energy_d, cost_d]

    pipe = _pipeline_result(fig, workers, cores, images_per_step, data_step, compute_step, storage_step, pcie_step,
                            t.loader_workers, name == "CPU data pipeline")
    derived += [pipe.cpu_seconds_per_image, pipe.images_per_s_supplied, pipe.images_per_s_demanded,
                pipe.workers_needed, pipe.cores_available, pipe.dataset_bytes, pipe.storage_images_per_s,
                pipe.pcie_seconds_per_step]
    assumptions += list(fig.assumptions)

    timing = _layer_timing(layers, times, peak)
    result = TrainingResult(step_d, compute_d, fwd_d, bwd_d, opt_d, overhead_d, comm_d, sps_d, per_d, util_d,
                            epoch_d, val_d, total_d, energy_d, cost_d, timing)
    scaling = _scaling(context, step1, backward_s, grad_bytes, intra, inter, data_step / max(gpus, 1),
                       storage_step / max(gpus, 1), pcie_step, train_samples, val_s * total_gpus, passes)
    return TrainingFigures(result, pipe, scaling, name, reason, tuple(derived), tuple(assumptions))


def _pipeline_result(fig, workers, cores, images_per_step, data_step, compute_step, storage_step, pcie_step,
                     requested_workers, limiting) -> DataPipelineResult:
    src = pipeline.SOURCE
    demanded = images_per_step / compute_step
    needed = math.ceil(demanded * fig.seconds_per_image) if math.isfinite(demanded) else math.nan
    supplied = images_per_step / data_step if data_step > 0 else math.inf
    return DataPipelineResult(
        Derived("pipeline.cpu_seconds_per_image", fig.seconds_per_image, "s",
                "read + decode + resize/augment + collate on one core",
                (Input("read", fig.read_s, "s"), Input("decode", fig.decode_s, "s"),
                 Input("augment", fig.augment_s, "s"), Input("collate", pipeline.COLLATE_S, "s")), src,
                assumptions=fig.assumptions),
        Derived("pipeline.images_per_s_supplied", supplied, "images/s", "workers / CPU seconds per image",
                (Input("workers", workers, "", "project" if requested_workers else "cores left for workers"),
                 Input("s/image", fig.seconds_per_image, "s")), src),
        Derived("pipeline.images_per_s_demanded", demanded, "images/s", "batch x GPUs / tiles / compute step",
                (Input("images per step", images_per_step), Input("compute step", compute_step, "s")), src),
        Derived("pipeline.workers_needed", float(needed), "workers", "ceil(demanded images/s x CPU s per image)",
                (Input("demanded", demanded, "images/s"), Input("s/image", fig.seconds_per_image, "s")), src),
        Derived("pipeline.cores_available", cores, "cores", "host cores - one per GPU process", (), "catalog"),
        Derived("pipeline.dataset_bytes", fig.dataset_bytes, "B", "images x file size",
                (Input("file size", fig.file_bytes, "B"),), src),
        fig.fits_page_cache,
        Derived("pipeline.storage_images_per_s", fig.storage_images_per_s, "images/s", "storage read rate / file size",
                (Input("file size", fig.file_bytes, "B"),), "typical sequential read rates (assumed)"),
        Derived("pipeline.pcie_seconds_per_step", pcie_step, "s", "batch x C x H x W x 4 B / (0.8 x PCIe per direction)",
                (), "interconnects.csv (PCIe rates)"),
        limiting,
    )


def _layer_timing(layers: LayerFeatures, times, peak: float) -> LayerTiming:
    fwd, bwd = times.forward, times.backward
    f_time = fwd.time[:, 0]
    with np.errstate(invalid="ignore", divide="ignore"):
        achieved = np.where(f_time > 0, fwd.flops[:, 0] / f_time, 0.0)
    compute, memory = fwd.compute[:, 0], fwd.memory[:, 0]
    labels = np.where(memory > compute, "memory", np.where(compute > 0, "compute", "overhead"))
    labels = np.where((layers.cls == CLASS_MEMORY) & (f_time <= 0), "overhead", labels)
    bound = tuple(labels.tolist())
    return LayerTiming(layers.names, layers.kinds, layers.compute_classes, fwd.flops[:, 0], fwd.bytes[:, 0], f_time,
                       bwd.time[:, 0] if bwd is not None else np.zeros_like(f_time), fwd.eta[:, 0], achieved, bound)


def _scaling(context: Context, step1, backward_s, grad_bytes, intra, inter, data_per_gpu, storage_per_gpu,
             pcie_step, train_samples, val_one_device_s, passes) -> ScalingData:
    """Run time and speedup for 1-8 GPUs in one node, and for 1-8 nodes of the project's GPU count."""
    p = context.calibration.params
    t = context.project.training
    g = SCALING_GPUS.astype(float)
    comm = multigpu.communication_seconds(grad_bytes, g, 1, intra.bus_bandwidth_bps, inter.bus_bandwidth_bps)
    unhidden = multigpu.unhidden_seconds(comm, backward_s, step1, g, p["allreduce_overlap"], p["multi_gpu_overhead"])
    step = np.maximum.reduce([step1 + unhidden, data_per_gpu * g, storage_per_gpu * g, np.full_like(g, pcie_step)])
    rate = t.batch * g / step
    epochs = t.epochs
    time_s = epochs * train_samples / rate + passes * val_one_device_s / g
    n = SCALING_NODES.astype(float)
    gpn = context.gpus
    comm_n = multigpu.communication_seconds(grad_bytes, gpn, n, intra.bus_bandwidth_bps, inter.bus_bandwidth_bps)
    unhidden_n = multigpu.unhidden_seconds(comm_n, backward_s, step1, gpn * n, p["allreduce_overlap"],
                                           p["multi_gpu_overhead"])
    step_n = np.maximum(step1 + unhidden_n, data_per_gpu * gpn)
    rate_n = t.batch * gpn * n / step_n
    time_n = epochs * train_samples / rate_n + passes * val_one_device_s / (gpn * n)
    return ScalingData(SCALING_GPUS.copy(), time_s, rate, rate / rate[0], rate / rate[0] / g, SCALING_NODES.copy(),
                       time_n, time_n[0] / time_n, intra.name, inter.name)
