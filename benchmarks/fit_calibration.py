"""Fit the estimator's efficiency parameters on resources/calibration/measurements.csv.

Writes resources/calibration/params.json: the parameters, the data version (hash of the
measurements file), the uncertainty bands (10th/50th/90th percentiles of the
leave-one-device-out log errors per task) and the accuracy summary. Deterministic: the same
data and code give the same file. Usage: python benchmarks/fit_calibration.py [--quick]
"""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import UTC, datetime

import numpy as np

from rigsizer.core.estimate import fitting
from rigsizer.core.estimate.calibration import PARAM_SPECS, params_path
from rigsizer.core.hardware.catalog import Catalog


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    started = time.perf_counter()
    with Catalog.open() as catalog:
        data = fitting.build_dataset(catalog)
    print(f"{len(data.rows)} measurement rows used; skipped: {data.skipped}")
    params = fitting.fit(data, iterations=5 if quick else 40)
    in_sample = fitting.log_error(data, params)
    lodo = fitting.leave_one_device_out(data, iterations=3 if quick else fitting.LODO_ITERATIONS,
                                        workers=os.cpu_count() or 1)
    bands = {
        "train": fitting.quantiles(lodo[data.training]),
        "infer": fitting.quantiles(lodo[~data.training]),
    }
    summary = {
        "in_sample": {"median_pct": float(np.median(fitting.abs_pct(in_sample))),
                      "p90_pct": float(np.percentile(fitting.abs_pct(in_sample), 90))},
        "leave_one_device_out": {"median_pct": float(np.nanmedian(fitting.abs_pct(lodo))),
                                 "p90_pct": float(np.nanpercentile(fitting.abs_pct(lodo), 90))},
        "groups": sorted(set(data.group.tolist())),
    }
    document = {
        "data_version": data.data_version,
        "fitted_at": datetime.now(UTC).strftime("%Y-%m-%d"),
        "rows_used": len(data.rows),
        "rows_skipped": data.skipped,
        "params": params,
        "meaning": {spec.name: spec.meaning for spec in PARAM_SPECS},
        "bands": bands,
        "summary": summary,
        "method": "Levenberg-Marquardt on a Cauchy loss of log(predicted/measured), rows weighted 1/rows-in-source^0.25, weak pull to priors;"
                  " leave-one-device-out folds refitted from the priors; bands = 10th/50th/90th percentiles of"
                  " leave-one-device-out log errors",
    }
    if quick:
        print("quick mode: parameters not written")
    else:
        params_path().write_text(json.dumps(document, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {params_path()}")
    print(json.dumps(summary, indent=2))
    print(f"took {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
