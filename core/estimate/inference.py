"""Inference on the line: latency per call, throughput vs batch, and the takt check
(domain.md sections 6-7): required rate from takt time and images per part (or line speed
and field of view), margin, latency budget and the number of devices needed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..explain import Derived, Input
from ..model.report import ModelReport
from ..units import BYTES_PER_ELEMENT
from . import memory as memory_model
from .context import Context
from .features import LayerFeatures, device_features
from .results import InferenceResult, TaktCheck
from .timing import (
    EFFICIENCY_FORMULA,
    RUNTIME_EAGER,
    RUNTIME_NAMES,
    RUNTIME_TENSORRT,
    efficiency_inputs,
    step_times,
)
from .training import _layer_timing, rate_band, time_band


@dataclass(frozen=True)
class InferenceFigures:
    result: InferenceResult
    derivations: tuple[Derived, ...]
    assumptions: tuple[str, ...]


def runtime_code(runtime: str) -> int:
    return RUNTIME_TENSORRT if runtime == "tensorrt" else RUNTIME_EAGER


def call_seconds(context: Context, layers: LayerFeatures, batches, precision: str | None = None,
                 runtime: str | None = None):
    """Latency of one inference call for each batch size (and the pass details)."""
    i = context.project.inference
    precision = precision or i.precision
    devices = device_features([context.device], precision)
    batch = np.atleast_1d(np.asarray(batches, dtype=float))[None, :]
    times = step_times(layers.as_column(), devices, batch=batch, bytes_per_element=BYTES_PER_ELEMENT[precision],
                       runtime=runtime_code(runtime or i.runtime), params=context.calibration.params,
                       training=False)
    return devices, times


def inference_figures(context: Context, report: ModelReport, layers: LayerFeatures) -> InferenceFigures:
    project, cal, spec = context.project, context.calibration, context.device
    i = project.inference
    band = cal.band("infer")
    devices, times = call_seconds(context, layers, [i.batch, 1])
    latency, latency1 = float(times.step_s[0]), float(times.step_s[1])
    rate = i.batch / latency
    peak = float(devices.matrix_flops[0])
    fraction = report.flops * rate / peak
    assumptions = [f"runtime: {RUNTIME_NAMES[runtime_code(i.runtime)]}"]
    if devices.fallback[0]:
        assumptions.append(f"{spec.name} has no {i.precision} rate in its datasheet; the {devices.rate_key[0]} rate is used")
    if spec.kind == "edge":
        assumptions.append("no edge accelerator is in the calibration set: the GPU-fitted efficiency is used "
                           "and the band may not cover the vendor runtime")
    if i.precision in ("tf32", "int8") and not devices.fallback[0]:
        assumptions.append(f"{i.precision} matrix products follow the FP16 efficiency curve at the "
                           f"{i.precision} datasheet rate (no precision-specific factor is fitted)")
    if i.precision == "int8":
        assumptions.append("INT8 needs a quantised (calibrated) model; accuracy loss is not modelled")
    src = "per-layer roofline with the calibrated efficiency model (domain.md sections 5 and 7)"
    b_in = Input("B", float(i.batch), "images", "project")
    lat_d = Derived("inference.latency", latency, "s",
                    "one call: (GPU^4 + host dispatch^4)^(1/4) + per-call overhead; GPU = " + EFFICIENCY_FORMULA,
                    (b_in, Input("peak", peak, "OP/s", spec.source), Input("precision", i.precision),
                     Input("runtime", i.runtime), *efficiency_inputs(cal.params)), src, *time_band(latency, band))
    lat1_d = Derived("inference.latency_batch1", latency1, "s", "one call at batch 1",
                     (Input("precision", i.precision),), src, *time_band(latency1, band))
    rate_d = Derived("inference.samples_per_s", rate, "samples/s", "B / latency", (b_in, Input("latency", latency, "s")),
                     src, *rate_band(rate, band))
    frac_d = Derived("inference.rated_fraction", fraction, "", "model FLOPs x samples/s / rated peak",
                     (Input("FLOPs", float(report.flops), "per sample", "model engine"),
                      Input("rated peak", peak, "OP/s", spec.source)),
                     "rated TOPS are peaks; the fraction reached is modelled from measurements")
    capacity = spec.memory_bytes if spec.kind != "cpu" else context.ram_bytes
    terms = memory_model.inference_terms(report, i.precision, accelerator=spec.kind != "cpu")
    mem = memory_model.breakdown(terms, i.batch, capacity, spec.source, "inference.memory", i.precision)
    derived = [lat_d, lat1_d, rate_d, frac_d, *mem.components(), mem.total, mem.capacity, mem.max_batch]
    takt = None
    if i.takt_mode != "none":
        takt, more = _takt(project, rate, latency, band)
        derived += more
    timing = _layer_timing(layers, _first_batch(times), peak)
    return InferenceFigures(InferenceResult(lat_d, lat1_d, rate_d, mem, takt, frac_d, timing), tuple(derived),
                            tuple(assumptions))


def _first_batch(times):
    """The pass details at the first batch size only (for the per-layer table)."""
    from .timing import PassTimes, StepTimes

    f = times.forward
    one = PassTimes(f.time[:, :1], f.compute[:, :1], f.memory[:, :1], f.eta[:, :1], f.flops[:, :1], f.bytes[:, :1])
    return StepTimes(one, None, times.forward_s[:1], times.backward_s[:1], times.optimizer_s[:1], times.gpu_s[:1],
                     times.host_s[:1], times.step_s[:1])


def required_rate(project) -> tuple[float, float, str, tuple[Input, ...]]:
    """(samples/s required, images/s, formula, inputs) from takt or line speed."""
    i = project.inference
    tiles = project.tiles_per_image
    if i.takt_mode == "line-speed":
        images = i.line_speed_m_per_s / i.field_of_view_m
        inputs = (Input("v", i.line_speed_m_per_s, "m/s", "project"), Input("FOV", i.field_of_view_m, "m", "project"),
                  Input("tiles", float(tiles)))
        return images * tiles, images, "line speed / field of view x tiles per image", inputs
    images = i.images_per_part / i.takt_time_s
    inputs = (Input("images/part", float(i.images_per_part), "", "project"), Input("takt", i.takt_time_s, "s", "project"),
              Input("tiles", float(tiles)))
    return images * tiles, images, "images per part / takt time x tiles per image", inputs


def _takt(project, rate: float, latency: float, band) -> tuple[TaktCheck, list[Derived]]:
    i = project.inference
    required, images_per_s, formula, inputs = required_rate(project)
    src = "domain.md section 6"
    req_d = Derived("takt.required_rate", required, "samples/s", formula, inputs, src)
    budget = i.latency_budget_ms / 1e3 if i.latency_budget_ms > 0 else 1.0 / images_per_s
    budget_d = Derived("takt.latency_budget", budget, "s",
                       "project latency budget" if i.latency_budget_ms > 0 else "time between two images",
                       (Input("images/s", images_per_s),), src)
    margin = rate / required - 1.0
    lo, hi = rate_band(rate, band)
    margin_d = Derived("takt.margin", margin, "", "achieved samples/s / required - 1",
                       (Input("achieved", rate, "samples/s"), Input("required", required, "samples/s")), src,
                       lo / required - 1.0, hi / required - 1.0)
    needed = math.ceil(required / rate) if rate > 0 else math.inf
    needed_d = Derived("takt.devices_needed", float(needed), "devices", "ceil(required / achieved per device)",
                       (Input("required", required), Input("achieved", rate)), src,
                       float(math.ceil(required / hi)), float(math.ceil(required / lo)))
    fill = (i.batch - 1) / required if required > 0 else 0.0
    meets = margin >= 0 and latency + fill <= budget
    return TaktCheck(req_d, budget_d, margin_d, needed_d, meets), [req_d, budget_d, margin_d, needed_d]
