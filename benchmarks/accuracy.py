"""Accuracy of the estimator against published measurements (issue 4 targets).

Prints, per source and overall, the median and 90th-percentile absolute % error of predicted vs
measured throughput/latency with leave-one-device-out cross-validation (the model is refitted
without the device it predicts), beside the in-sample figure and the naive FLOPs / datasheet
peak estimate; then checks the memory model against the implicit out-of-memory batch bounds of
the timm RTX 3090 training runs. `--quick` (CI) skips the refits and uses the stored figures.
"""

from __future__ import annotations

import json
import os
import sys
import time

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


def main() -> int:
    quick = "--quick" in sys.argv[1:]
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
            lodo = fitting.abs_pct(fitting.leave_one_device_out(data, iterations=12, start=params,
                                                                workers=os.cpu_count() or 1))
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
    if quick:
        stored = calibration.summary.get("leave_one_device_out", {})
        print(f"\nquick mode: leave-one-device-out not recomputed; stored figures: {json.dumps(stored)}")
        med, p90 = stored.get("median_pct", float("nan")), stored.get("p90_pct", float("nan"))
    else:
        med, p90 = float(np.nanmedian(lodo)), float(np.nanpercentile(lodo, 90))
    print(f"\nleave-one-device-out: median {med:.1f}% (target < {TARGET_MEDIAN:.0f}%), "
          f"p90 {p90:.1f}% (target < {TARGET_P90:.0f}%); naive median {np.nanmedian(naive):.0f}%")
    print(f"params file: {params_path()}; took {time.perf_counter() - started:.1f} s")
    broken = not np.isfinite(in_sample).all() or total == 0
    return 1 if broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
