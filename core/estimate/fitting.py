"""Calibration of the efficiency model on published measurements (resources/calibration).

Every usable measurement row becomes flat per-layer columns (model x device x batch x
precision x runtime) so the whole set is predicted in one vectorised call of the same time
model the estimator uses. The fit is Levenberg-Marquardt on log(predicted / measured) with
a weak pull towards the priors; no model or device name appears in the model.
"""

from __future__ import annotations

import csv
import hashlib
import math
import re
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from ..hardware.spec import DeviceSpec
from . import multigpu
from .calibration import PARAM_SPECS, PRIORS, calibration_dir
from .features import ARRAY_FIELDS, device_features, layer_features
from .timing import (
    RUNTIME_COMPILED,
    RUNTIME_EAGER,
    RUNTIME_GRAPH,
    RUNTIME_TENSORRT,
    optimizer_bytes_per_param,
    step_times,
)

SOURCE_WEIGHT_POWER = 0.25  # rows weighted 1 / rows-in-source^power
ROBUST_SCALE = 0.25  # log-error scale of the Cauchy loss (about 28%); a Huber loss fitted no better
MAX_DEVICES = 8  # rows with more GPUs span nodes whose network is not documented in the sources


@dataclass(frozen=True, eq=False)
class Dataset:
    rows: list[dict]
    measured: np.ndarray
    is_latency: np.ndarray
    training: np.ndarray
    group: np.ndarray  # device group for leave-one-device-out
    source: np.ndarray
    flat: object  # flat layer columns
    dev: object  # flat device columns
    row_index: np.ndarray
    batch: np.ndarray  # per element
    bpe: np.ndarray
    runtime: np.ndarray
    int8: np.ndarray  # per layer row: the measurement ran INT8 (the rate is in dev; kept to select rows)
    tf32: np.ndarray  # per layer row: the measurement ran TF32
    n_devices: np.ndarray  # per row
    trainable: np.ndarray
    opt_bytes: np.ndarray
    busbw: np.ndarray
    row_batch: np.ndarray
    skipped: dict[str, int]
    data_version: str


def data_version(path: Path) -> str:
    return "measurements.csv sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def _devices(catalog) -> dict[str, tuple[DeviceSpec, str]]:
    out = {}
    with open(calibration_dir() / "devices.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["catalog_id"]:
                spec = catalog.get(row["catalog_id"])
            else:
                spec = DeviceSpec(id=row["group"].lower(), kind=row["kind"], vendor="", name=row["hardware"],
                                  peak_flops={"fp32": float(row["fp32_tflops"]) * 1e12}, source=row["notes"])
            changes = {}
            if row["memory_gib"]:
                changes["memory_bytes"] = float(row["memory_gib"]) * 1024**3
            if row["memory_bandwidth_gbs"]:
                changes["memory_bandwidth_bps"] = float(row["memory_bandwidth_gbs"]) * 1e9
            out[row["hardware"]] = (replace(spec, **changes) if changes else spec, row["group"])
    return out


def _input(text: str) -> tuple[int, int, int] | None:
    numbers = [int(n) for n in re.findall(r"\d+", text.split("(")[0])]
    if len(numbers) != 3:
        return None
    if numbers[0] <= 4:
        return (numbers[0], numbers[1], numbers[2])
    if numbers[2] <= 4:
        return (numbers[2], numbers[0], numbers[1])
    return None


def _batch(text: str, devices: int) -> float | None:
    """Per-device batch: a plain number, or "1280 global (1280 per GPU)" as Lambda writes it."""
    per_gpu = re.search(r"\((\d+) per GPU\)", text)
    if per_gpu:
        return float(per_gpu.group(1))
    global_batch = re.match(r"\s*(\d+) global", text)
    if global_batch:
        return float(global_batch.group(1)) / devices
    try:
        return float(text)
    except ValueError:
        return None


def _precision(row: dict, spec: DeviceSpec) -> str:
    p = row["precision"]
    if p.startswith("amp") or p == "fp16":
        return "fp16"
    if p.startswith("int8"):
        return "int8"
    if p.startswith("tf32"):
        return "tf32"
    if p.startswith("fp32") and spec.kind == "gpu" and math.isfinite(spec.peak("tf32")) and (
            "NGC" in row["framework"] or "labelled" in p or "TensorFlow" in row["framework"]):
        return "tf32"  # NGC containers and TF enable TF32 for fp32 on Ampere
    return "fp32"


def _runtime(row: dict) -> int:
    framework, notes, source = row["framework"], row["notes"], row["source_id"]
    if "TensorRT" in framework:
        return RUNTIME_TENSORRT
    if "XLA" in notes or "dynamo" in source:
        return RUNTIME_COMPILED  # compiled graphs fuse element-wise work
    if "TensorFlow 1" in framework or "MXNet" in framework:
        return RUNTIME_GRAPH  # static-graph executors
    # PyTorch eager, and TensorFlow 2 / Keras (per-layer calls behave like eager dispatch)
    return RUNTIME_EAGER


def build_dataset(catalog, csv_path: Path | None = None) -> Dataset:
    from ..model.analyze import analyze
    from ..model.zoo import build_model, list_models

    csv_path = csv_path or calibration_dir() / "measurements.csv"
    zoo = {entry.name for entry in list_models()}
    devices = _devices(catalog)
    skipped: dict[str, int] = {}
    reports: dict[tuple, object] = {}
    rows, per_row = [], []

    def skip(reason: str) -> None:
        skipped[reason] = skipped.get(reason, 0) + 1

    with open(csv_path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["metric"] not in ("samples_per_sec", "latency_ms"):
                skip(f"metric {row['metric']} (needs epochs and dataset size)")
                continue
            model = row["model"].split(" (")[0].strip()
            if model not in zoo:
                skip("model not in the zoo")
                continue
            if row["hardware"] not in devices:
                skip("device not mapped")
                continue
            n = int(row["n_devices"] or 1)
            if n > MAX_DEVICES:
                skip("more than 8 GPUs (multi-node network not documented)")
                continue
            shape = _input(row["input_size"])
            if shape is None:
                skip("input size not an image CxHxW")
                continue
            spec, group = devices[row["hardware"]]
            precision = _precision(row, spec)
            batch = _batch(row["batch_size"], n)
            if batch is None:
                skip("batch size not published")
                continue
            key = (model, shape, "fp16" if precision in ("fp16", "int8") else precision)
            if key not in reports:
                try:
                    report = analyze(build_model(model, input=shape), key[2] if key[2] != "tf32" else "fp32")
                    reports[key] = (report, layer_features(report))
                except Exception:  # a zoo model that cannot take this input
                    reports[key] = None
            if reports[key] is None:
                skip("model cannot be built at this input")
                continue
            rows.append(row)
            per_row.append((reports[key], spec, group, precision, batch, n))

    # flatten
    lengths = np.array([item[0][1].count for item in per_row])
    row_index = np.repeat(np.arange(len(per_row)), lengths)
    cols = {}
    for name in ARRAY_FIELDS:
        cols[name] = np.concatenate([getattr(item[0][1], name) for item in per_row])
    flat = _Columns(**cols)
    dev_cols = {k: [] for k in ("matrix_flops", "vector_flops", "tensor", "bandwidth", "device_class")}
    for _, spec, _, precision, _, _ in per_row:
        d = device_features([spec], precision)
        for k in dev_cols:
            dev_cols[k].append(getattr(d, k)[0])
    dev_row = {k: np.array(v) for k, v in dev_cols.items()}
    dev = _Columns(**{k: v[row_index] for k, v in dev_row.items()})
    precision_row = [item[3] for item in per_row]
    bpe_row = np.array([{"fp16": 2.0, "int8": 1.0}.get(p, 4.0) for p in precision_row])
    batch_row = np.array([item[4] for item in per_row])
    runtime_row = np.array([_runtime(r) for r in rows])
    training = np.array([r["task"] == "train" for r in rows])
    trainable = np.array([float(item[0][0].trainable_params) for item in per_row])
    opt = np.array([optimizer_bytes_per_param("sgd" if r["source_id"].startswith("timm") else "sgd-momentum", p)
                    for r, p in zip(rows, precision_row, strict=True)])
    busbw = np.array([multigpu.intra_node_link(item[1]).bus_bandwidth_bps for item in per_row])
    return Dataset(
        rows=rows, measured=np.array([float(r["value"]) for r in rows]),
        is_latency=np.array([r["metric"] == "latency_ms" for r in rows]), training=training,
        group=np.array([item[2] for item in per_row]), source=np.array([r["source_id"] for r in rows]),
        flat=flat, dev=dev, row_index=row_index, batch=batch_row[row_index], bpe=bpe_row[row_index],
        runtime=runtime_row[row_index], int8=np.array([p == "int8" for p in precision_row])[row_index],
        tf32=np.array([p == "tf32" for p in precision_row])[row_index],
        n_devices=np.array([float(item[5]) for item in per_row]), trainable=trainable, opt_bytes=opt, busbw=busbw,
        row_batch=batch_row, skipped=skipped, data_version=data_version(csv_path),
    )


class _Columns:
    def __init__(self, **arrays):
        self.__dict__.update(arrays)


def predict(data: Dataset, params: dict[str, float]) -> np.ndarray:
    """Predicted value per row in the row's own metric (samples/s aggregate, or ms per batch)."""
    rows = len(data.rows)
    common = dict(bytes_per_element=data.bpe, runtime=data.runtime, params=params, row_index=data.row_index,
                  rows=rows, batch=data.batch)
    infer = step_times(data.flat, data.dev, training=False, **common)
    train = step_times(data.flat, data.dev, training=True, optimizer_bytes_per_param=data.opt_bytes,
                       trainable_params=data.trainable, **common)
    comm = multigpu.allreduce_seconds(4.0 * data.trainable, data.n_devices, data.busbw)
    unhidden = multigpu.unhidden_seconds(comm, train.backward_s, train.step_s, data.n_devices,
                                         params["allreduce_overlap"], params["multi_gpu_overhead"])
    step = np.where(data.training, train.step_s + unhidden, infer.step_s)
    rate = data.row_batch * data.n_devices / step
    return np.where(data.is_latency, step * 1e3, rate)


def log_error(data: Dataset, params: dict[str, float]) -> np.ndarray:
    """log(predicted / measured) as a rate (latency rows inverted so the sign means the same)."""
    pred = predict(data, params)
    ratio = np.log(pred / data.measured)
    return np.where(data.is_latency, -ratio, ratio)


def naive_prediction(data: Dataset) -> np.ndarray:
    """FLOPs / datasheet peak: the 'naive' estimate the accuracy report compares against."""
    flops = np.bincount(data.row_index, weights=2 * data.flat.macs, minlength=len(data.rows))
    bwd = np.bincount(data.row_index, weights=2 * data.flat.backward_macs, minlength=len(data.rows))
    peak = np.zeros(len(data.rows))
    peak[data.row_index] = data.dev.matrix_flops
    work = np.where(data.training, flops + bwd, flops) * data.row_batch
    step = work / peak
    rate = data.row_batch * data.n_devices / step
    return np.where(data.is_latency, step * 1e3, rate)


# a parameter whose bounds coincide is fixed at its prior (a stated constant, not fitted)
_FREE_SPECS = tuple(spec for spec in PARAM_SPECS if spec.low < spec.high)
FREE = tuple(spec.name for spec in _FREE_SPECS)
_LOW = np.log([spec.low for spec in _FREE_SPECS])
_HIGH = np.log([spec.high for spec in _FREE_SPECS])
_PRIOR = np.log([spec.prior for spec in _FREE_SPECS])


def _params(theta: np.ndarray) -> dict[str, float]:
    params = dict(PRIORS)
    params.update({name: float(math.exp(v)) for name, v in zip(FREE, theta, strict=True)})
    return params


def robust(r: np.ndarray) -> np.ndarray:
    """Residuals whose squares are the Cauchy loss: a few odd published rows (anomalies noted in the
    sources) must not steer the fit, while a consistent error of 40% still costs more than one of 20%."""
    return np.sign(r) * ROBUST_SCALE * np.sqrt(np.log1p((r / ROBUST_SCALE) ** 2))


def fit(data: Dataset, mask: np.ndarray | None = None, iterations: int = 40, prior_weight: float = 0.05,
        start: dict[str, float] | None = None) -> dict[str, float]:
    """Levenberg-Marquardt on weighted, robustified log errors of the rows in `mask`; returns parameters."""
    mask = np.ones(len(data.rows), dtype=bool) if mask is None else mask
    sources = data.source[mask]
    _, inverse, counts = np.unique(sources, return_inverse=True, return_counts=True)
    weights = counts[inverse] ** -SOURCE_WEIGHT_POWER  # big tables must not drown small ones entirely
    weights = weights / weights.mean()
    theta = np.log([start[n] if start else PRIORS[n] for n in FREE])
    sqrt_w = np.sqrt(weights)

    def residuals(th):
        r = log_error(data, _params(th))[mask]
        r = np.where(np.isfinite(r), r, 5.0)
        r = robust(r)
        return np.concatenate([r * sqrt_w, math.sqrt(prior_weight * mask.sum() / len(FREE)) * 0.1 * (th - _PRIOR)])

    lam = 1e-2
    r = residuals(theta)
    cost = float(r @ r)
    for _ in range(iterations):
        jac = np.empty((r.size, theta.size))
        for j in range(theta.size):
            step = 1e-4
            t2 = theta.copy()
            t2[j] += step
            jac[:, j] = (residuals(t2) - r) / step
        jtj = jac.T @ jac
        grad = jac.T @ r
        improved = False
        for _ in range(8):
            delta = np.linalg.solve(jtj + lam * np.diag(np.diag(jtj) + 1e-9), -grad)
            candidate = np.clip(theta + delta, _LOW, _HIGH)
            r2 = residuals(candidate)
            c2 = float(r2 @ r2)
            if c2 < cost:
                theta, r, lam, improved = candidate, r2, lam / 3, True
                if cost - c2 < 1e-7 * cost:
                    improved = False
                cost = c2
                break
            lam *= 4
        if not improved:
            break
    return _params(theta)


def quantiles(values: np.ndarray) -> tuple[float, float, float]:
    values = values[np.isfinite(values)]
    if values.size == 0:
        return (math.log(0.6), 0.0, math.log(1.5))
    return tuple(float(q) for q in np.quantile(values, [0.1, 0.5, 0.9]))


def _fold(args) -> np.ndarray:
    data, group, iterations, start = args
    held = data.group == group
    params = fit(data, ~held, iterations=iterations, start=start)
    return log_error(data, params)


LODO_ITERATIONS = 25


def leave_one_device_out(data: Dataset, iterations: int = LODO_ITERATIONS, start: dict[str, float] | None = None,
                         workers: int = 1) -> np.ndarray:
    """Log errors of each row predicted by a model fitted without that row's device group.

    Each fold starts from the priors (`start=None`): starting from the parameters fitted on all rows
    would carry the held-out device into the fold through any parameter the other devices leave
    unconstrained."""
    out = np.full(len(data.rows), np.nan)
    groups = list(np.unique(data.group))
    jobs = [(data, group, iterations, start) for group in groups]
    if workers > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(workers) as pool:
            results = list(pool.map(_fold, jobs))
    else:
        results = [_fold(job) for job in jobs]
    for group, errors in zip(groups, results, strict=True):
        held = data.group == group
        out[held] = errors[held]
    return out


def abs_pct(log_err: np.ndarray) -> np.ndarray:
    """|predicted - measured| / measured in percent, from log(predicted/measured) of a rate."""
    return np.abs(np.exp(log_err) - 1.0) * 100
