"""Time of `import rigsizer.core` in a fresh interpreter (target: under 200 ms)."""

from __future__ import annotations

import statistics
import subprocess
import sys

TARGET_S = 0.200


def import_seconds() -> float:
    code = "import time; t=time.perf_counter(); import rigsizer.core; print(time.perf_counter()-t)"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(output.stdout.strip())


def main() -> int:
    runs = 3 if "--quick" in sys.argv else 10
    times = [import_seconds() for _ in range(runs)]
    median = statistics.median(times)
    verdict = "ok" if median < TARGET_S else "OVER TARGET"
    print(f"import rigsizer.core: median {median * 1e3:.1f} ms over {runs} runs (target < {TARGET_S * 1e3:.0f} ms) {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
