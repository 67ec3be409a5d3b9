"""Runs every benchmarks/bench_*.py script; `--quick` is the CI correctness mode (small sizes, no targets enforced)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    folder = Path(__file__).parent
    # accuracy scripts that are fast enough for every run (accuracy.py itself runs from bench_estimate)
    scripts = sorted(folder.glob("bench_*.py")) + [folder / "memory_accuracy.py"]
    failed = []
    for script in scripts:
        print(f"== {script.name}{' (quick)' if quick else ''}", flush=True)
        command = [sys.executable, str(script)] + (["--quick"] if quick else [])
        if subprocess.run(command).returncode != 0:
            failed.append(script.name)
    if failed:
        print("benchmark scripts failed: " + ", ".join(failed))
        return 1
    print(f"{len(scripts)} benchmark scripts ran")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
