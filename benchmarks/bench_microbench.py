"""Runs the workstation micro-benchmarks and prints GFLOPS, GB/s, utilisation and how long each run took.

Targets: a full run takes about a second per kernel (a few seconds in all), quick mode well under that.
"""

from __future__ import annotations

import sys
import time

from rigsizer.core.hardware.microbench import BenchState, run_microbenchmarks
from rigsizer.core.hardware.workstation import workstation
from rigsizer.core.units import format_si


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    station = workstation(None)
    start = time.perf_counter()
    report = run_microbenchmarks(
        station.cpu, quick=quick, state=BenchState(), llc_bytes=station.system.cpu.last_level_cache_bytes,
        threads=station.system.cpu.usable_cores, cpu_name=station.system.cpu.model_name,
    )  # fmt: skip
    elapsed = time.perf_counter() - start
    target = 3.0 if quick else 10.0
    print(f"micro-benchmarks ({'quick' if quick else 'full'}) of {station.cpu.name}: {elapsed:.2f} s "
          f"(target < {target:.0f} s) {'ok' if elapsed < target else 'OVER TARGET'}")  # fmt: skip
    for result in report.results:
        unit = "FLOPS" if result.measured.unit == "FLOP/s" else "B/s"
        utilisation = result.utilisation
        util = f"{utilisation.value:.1%} of theoretical" if utilisation else "theoretical unknown"
        size = result.details.get("n")
        print(f"  {result.label:<22}{format_si(result.measured.value, unit):>14}  {util}  (n = {size})")
    for note in report.notes:
        print(f"  note: {note}")
    broken = report.cancelled or not all(r.measured.value > 0 for r in report.results) or len(report.results) < 4
    if broken:
        print("micro-benchmarks did not produce four positive results")
    return 1 if broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
