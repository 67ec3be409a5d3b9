"""Speed of the estimator: one ResNet-50 training estimate (target < 2 ms) and a full catalog
recommendation sweep (target < 100 ms); also runs the accuracy report in quick mode."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from rigsizer.core.estimate.estimator import estimate
from rigsizer.core.estimate.recommend import Constraints, recommend
from rigsizer.core.hardware.catalog import Catalog
from rigsizer.core.project import Project


def timed(function, repeats: int) -> float:
    function()  # warm caches (model analysis is cached per model and input)
    started = time.perf_counter()
    for _ in range(repeats):
        function()
    return (time.perf_counter() - started) / repeats


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    repeats = 3 if quick else 50
    project = Project.default().with_values({"task": "train", "training.batch": 256,
                                             "hardware.candidates": [{"device": "A100 SXM4 80GB", "count": 1}]})
    with Catalog.open() as catalog:
        one = timed(lambda: estimate(project, catalog), repeats)
        sweep = timed(lambda: recommend(project, catalog, Constraints(deadline_hours=24)), max(1, repeats // 5))
        configs = recommend(project, catalog, Constraints(deadline_hours=24))
    print(f"estimate ResNet-50 training, 1 device: {one * 1e3:.2f} ms (target < 2 ms)")
    print(f"recommendation sweep over {len(configs)} configurations: {sweep * 1e3:.1f} ms (target < 100 ms)")
    accuracy = subprocess.run([sys.executable, str(Path(__file__).with_name("accuracy.py")), "--quick"])
    broken = not configs or accuracy.returncode != 0
    return 1 if broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
