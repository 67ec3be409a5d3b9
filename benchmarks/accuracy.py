"""Accuracy of the estimator against published measurements (issue 4 targets).

Prints, per source and overall, the median and 90th-percentile absolute % error of predicted vs
measured throughput/latency with leave-one-device-out cross-validation (the model is refitted
without the device it predicts), beside the in-sample figure and the naive FLOPs / datasheet
peak estimate; then checks the memory model against the implicit out-of-memory batch bounds of
the timm RTX 3090 training runs; last, held-out published end-to-end checks (DETR on V100s), which
the fit never sees, through the public estimator exactly as a user would set the project up.
`--quick` (CI) skips the refits and uses the stored figures; `--checks` prints only the held-out checks.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import dataclass

import numpy as np

from rigsizer.core.estimate import fitting
from rigsizer.core.estimate import memory as memory_model
from rigsizer.core.estimate.calibration import load_calibration, params_path
from rigsizer.core.hardware.catalog import Catalog

TARGET_MEDIAN, TARGET_P90 = 15.0, 40.0
LADDER = (512, 384, 256, 192, 128, 64, 32, 16, 8, 4, 2, 1)  # timm OOM batch decay (starts at 512 or 1024)


def _cell(values: np.ndarray) -> str:
    values = values[np.isfinite(values)]
    if values.size == 0:
        return f"{'-':>7s} {'-':>7s}"
    return f"{np.median(values):7.1f} {np.percentile(values, 90):7.1f}"


def _row(label: str, n: int, *columns: np.ndarray) -> str:
    cells = [_cell(c) for c in columns]
    return f"{label:52s} {n:5d}  " + "   ".join(cells)


def memory_check(catalog, data) -> tuple[int, int]:
    from rigsizer.core.model.analyze import analyze
    from rigsizer.core.model.zoo import build_model

    spec = catalog.get("nvidia-geforce-rtx-3090")
    ok = total = 0
    print("\nmemory model vs implicit OOM bounds (timm train, RTX 3090 24 GB, AMP)")
    seen = set()
    for row in data.rows:
        if not (row["source_id"].startswith("timm_train") and row["metric"] == "samples_per_sec"):
            continue
        model, batch = row["model"], int(float(row["batch_size"]))
        shape = fitting._input(row["input_size"])
        if (model, shape) in seen:
            continue
        seen.add((model, shape))
        report = analyze(build_model(model, input=shape), "fp16")
        terms = memory_model.training_terms(report, "fp16", "sgd", False)
        predicted = float(memory_model.max_batch(terms, spec.memory_bytes))
        upper = next((b for b in reversed(LADDER) if b > batch), None)
        good = predicted >= batch and (batch >= 512 or upper is None or predicted < upper)
        total += 1
        ok += good
        upper = None if batch >= 512 else upper
        print(f"  {model:32s} fits {batch:5d}, next rung {upper or '-':>5}: predicted largest batch "
              f"{predicted:7.0f}  {'ok' if good else 'OUT OF BOUNDS'}")
    print(f"  {ok}/{total} models inside their bounds")
    return ok, total


@dataclass(frozen=True)
class PublishedCheck:
    """One published end-to-end figure the calibration never sees, and how a user would ask for it."""

    name: str
    flags: tuple[str, ...]  # rigsizer-cli estimate flags that describe the published setup
    fields: tuple[tuple[str, object], ...]  # project fields the flags do not cover
    quantity: str  # "epoch_min" or "latency_ms"
    published: float
    source: str


COCO_TRAIN_IMAGES = 118_287  # COCO 2017 train split
PUBLISHED_CHECKS = (
    PublishedCheck(
        "DETR-R50 training, one COCO epoch, 8x V100, batch 2/GPU, fp32",
        ("--model", "detr_resnet50", "--task", "train", "--device", "nvidia-v100-sxm2-32gb", "--gpus", "8",
         "--batch", "2", "--precision", "fp32", "--images", str(COCO_TRAIN_IMAGES), "--epochs", "1"),
        (),
        "epoch_min", 28.0,
        "facebookresearch/detr README: 'A single epoch takes 28 minutes' on one machine with 8 V100 "
        "(batch 2 per GPU, images min side 800 / max 1333)"),
    PublishedCheck(
        "DETR-R50 inference, V100, batch 1, fp32",
        ("--model", "detr_resnet50", "--task", "infer", "--device", "nvidia-v100-sxm2-32gb", "--batch", "1",
         "--precision", "fp32"),
        (("inference.runtime", "framework"),),  # PyTorch, not TensorRT
        "latency_ms", 36.0,
        "facebookresearch/detr README model zoo: 0.036 s per image (28 FPS, paper Table 1) on a V100"),
)


def published_checks(catalog) -> list[tuple[PublishedCheck, float, str]]:
    """(check, predicted value, band text) for each held-out published figure."""
    from rigsizer.core.commands import estimate as estimate_command
    from rigsizer.core.estimate.estimator import estimate

    parser = argparse.ArgumentParser()
    estimate_command.add_arguments(parser)
    out = []
    for check in PUBLISHED_CHECKS:
        project, _ = estimate_command.build_project(parser.parse_args(list(check.flags)))
        project = project.with_values(dict(check.fields)) if check.fields else project
        result = estimate(project, catalog)
        if check.quantity == "epoch_min":
            epoch = result.training.epoch_time
            value, band = epoch.value / 60, f"{epoch.low / 60:.1f}-{epoch.high / 60:.1f} min"
            per_gpu = result.training.samples_per_s.value / 8
            band += f"; {per_gpu:.1f} img/s per GPU vs {COCO_TRAIN_IMAGES / (check.published * 60) / 8:.1f} published"
        else:
            latency = result.inference.latency
            value, band = latency.value * 1e3, f"{latency.low * 1e3:.1f}-{latency.high * 1e3:.1f} ms"
        out.append((check, value, band))
    return out


def print_published_checks(catalog) -> list[float]:
    print("\npublished end-to-end checks (held out: not in measurements.csv, not used by the fit)")
    errors = []
    for check, value, band in published_checks(catalog):
        unit = "min" if check.quantity == "epoch_min" else "ms"
        error = (value - check.published) / check.published * 100
        errors.append(error)
        print(f"  {check.name:60s} predicted {value:7.1f} {unit} (band {band}); published {check.published:g} {unit};"
              f" error {error:+.0f}%")
        print(f"      source: {check.source}")
    return errors


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    if "--checks" in sys.argv[1:]:
        with Catalog.open() as catalog:
            errors = print_published_checks(catalog)
        return 0 if all(np.isfinite(errors)) else 1
    started = time.perf_counter()
    calibration = load_calibration()
    with Catalog.open() as catalog:
        data = fitting.build_dataset(catalog)
        params = calibration.params
        in_sample = fitting.abs_pct(fitting.log_error(data, params))
        naive_log = np.log(fitting.naive_prediction(data) / data.measured)
        naive = fitting.abs_pct(np.where(data.is_latency, -naive_log, naive_log))
        if quick:
            lodo = np.full_like(in_sample, np.nan)
        else:
            lodo = fitting.abs_pct(fitting.leave_one_device_out(data, workers=os.cpu_count() or 1))
        print(f"calibration: {calibration.version}; {len(data.rows)} rows; skipped {data.skipped}")
        print(f"{'source':52s} {'rows':>5s}  {'LODO med':>7s} {'p90':>7s}   {'in-sample':>7s} {'p90':>7s}"
              f"   {'naive med':>7s} {'p90':>7s}   (absolute % error)")
        for source in np.unique(data.source):
            m = data.source == source
            print(_row(source, int(m.sum()), lodo[m], in_sample[m], naive[m]))
        for group in np.unique(data.group):
            m = data.group == group
            print(_row(f"device {group}", int(m.sum()), lodo[m], in_sample[m], naive[m]))
        print(_row("OVERALL", len(data.rows), lodo, in_sample, naive))
        ok, total = memory_check(catalog, data)
        check_errors = print_published_checks(catalog)
    if quick:
        stored = calibration.summary.get("leave_one_device_out", {})
        print(f"\nquick mode: leave-one-device-out not recomputed; stored figures: {json.dumps(stored)}")
        med, p90 = stored.get("median_pct", float("nan")), stored.get("p90_pct", float("nan"))
    else:
        med, p90 = float(np.nanmedian(lodo)), float(np.nanpercentile(lodo, 90))
    print(f"\nleave-one-device-out: median {med:.1f}% (target < {TARGET_MEDIAN:.0f}%), "
          f"p90 {p90:.1f}% (target < {TARGET_P90:.0f}%); naive median {np.nanmedian(naive):.0f}%")
    print(f"params file: {params_path()}; took {time.perf_counter() - started:.1f} s")
    broken = not np.isfinite(in_sample).all() or total == 0 or not all(np.isfinite(check_errors))
    return 1 if broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
