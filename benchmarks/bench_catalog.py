"""Catalog speed: first build from the seed, reopen, search, resolve and as_arrays.

Targets: first build < 0.5 s, reopen < 20 ms (opening must feel instant after the first run),
search < 5 ms, as_arrays < 20 ms. `--quick` runs fewer repetitions; exit status is non-zero only
when something is broken (wrong result), never for a missed target.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TARGETS_S = {"first build": 0.5, "reopen": 0.020, "search": 0.005, "resolve": 0.005, "as_arrays": 0.020}


def _median(function: Callable[[], object], runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    runs = 3 if quick else 20
    from rigsizer.core.hardware.catalog import Catalog

    figures: dict[str, float] = {}
    broken: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        builds = []
        for attempt in range(2 if quick else 5):
            path = Path(folder) / f"build-{attempt}.db"
            start = time.perf_counter()
            Catalog.open(path).close()
            builds.append(time.perf_counter() - start)
        figures["first build"] = statistics.median(builds)
        path = Path(folder) / "build-0.db"

        def reopen() -> int:
            with Catalog.open(path) as catalog:
                return len(catalog.db["devices"].columns)

        figures["reopen"], _ = _median(reopen, runs)
        catalog = Catalog.open(path)
        try:
            figures["search"], found = _median(lambda: catalog.search("4090"), runs * 5)
            if [d.id for d in found] != ["nvidia-geforce-rtx-4090"]:
                broken.append("search 4090 did not find the RTX 4090")
            figures["resolve"], spec = _median(lambda: catalog.resolve("NVIDIA GeForce RTX 4090"), runs * 5)
            if spec.id != "nvidia-geforce-rtx-4090":
                broken.append("resolve returned the wrong device")
            figures["as_arrays"], arrays = _median(lambda: catalog.as_arrays(), runs)
            if len(arrays) < 80:
                broken.append("as_arrays lost devices")
        finally:
            catalog.close()
    for name, seconds in figures.items():
        target = TARGETS_S[name]
        verdict = "ok" if seconds <= target else "OVER TARGET"
        print(f"catalog {name}: {seconds * 1e3:.2f} ms (target < {target * 1e3:.0f} ms) {verdict}")
    for problem in broken:
        print(f"BROKEN: {problem}")
    return 1 if broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
