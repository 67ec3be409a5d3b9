"""`rigsizer-cli bench [--quick] [--json]`: measure matmul GFLOPS and memory GB/s with utilisation."""

from __future__ import annotations

import argparse
import json
import sys

from ..units import format_si


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quick", action="store_true", help="small sizes, a few seconds in all")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--no-store", action="store_true", help="do not save the results in the catalog")


class _Progress:
    """Progress on stderr: one rewritten line on a terminal, a line per 10 % otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last_bucket = -1

    def __call__(self, fraction: float, message: str) -> None:
        if self.tty:
            sys.stderr.write(f"\r[{fraction:4.0%}] {message:<60}")
            sys.stderr.flush()
            return
        bucket = int(fraction * 10)
        if bucket != self.last_bucket:
            self.last_bucket = bucket
            sys.stderr.write(f"[{fraction:4.0%}] {message}\n")

    def finish(self) -> None:
        if self.tty:
            sys.stderr.write("\n")


def run(args: argparse.Namespace) -> int:
    from ..hardware.microbench import BenchState, run_microbenchmarks, store
    from ..hardware.workstation import open_catalog, workstation

    catalog, catalog_note = open_catalog()
    station = workstation(catalog=catalog)
    progress = _Progress()
    report = run_microbenchmarks(
        station.cpu,
        quick=args.quick,
        state=BenchState(callback=progress),
        gpu_spec=station.gpus[0] if station.gpus else None,
        llc_bytes=station.system.cpu.last_level_cache_bytes,
        threads=station.system.cpu.usable_cores,
        cpu_name=station.system.cpu.model_name,
    )
    progress.finish()
    stored = False
    if not args.no_store:
        try:
            stored = store(report, catalog)
        except Exception as error:  # noqa: BLE001 - a failed save must not lose the printed results
            catalog_note = f"results not stored: {error}"
    if args.json:
        data = report.to_dict()
        data["stored"] = stored
        print(json.dumps(data, indent=2))
        return 0
    print(f"Micro-benchmarks of {station.cpu.name} ({'quick' if report.quick else 'full'}, {report.timestamp})")
    for result in report.results:
        unit = "FLOPS" if result.measured.unit == "FLOP/s" else "B/s"
        line = f"  {result.label:<24}{format_si(result.measured.value, unit):>14}"
        utilisation = result.utilisation
        if utilisation is None:
            line += "   utilisation n/a: theoretical unknown"
        else:
            line += f"   {utilisation.value:6.1%} of {format_si(result.theoretical.value, unit)} theoretical"
            if result.exceeds_theoretical:
                implied = result.details.get("implied_clock_hz")
                line += " (above theoretical: the clock in the spec is below the real clock"
                line += f"; implied {format_si(implied, 'Hz')})" if implied else ")"
        print(line)
    for note in report.notes:
        print(f"  note: {note}")
    if report.cancelled:
        print("  cancelled: partial results")
    if stored:
        print("  results stored in the catalog database (used to calibrate \"This workstation\")")
    elif catalog_note:
        print(f"  results not stored: {catalog_note}")
    return 0
