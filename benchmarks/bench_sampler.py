"""Overhead of one live-monitor sample (CPU per core, frequency, RAM, every GPU); target under 2 ms without GPUs."""

from __future__ import annotations

import statistics
import sys
import time

from rigsizer.core.hardware.sampler import Sampler

TARGET_S = 0.002


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    samples = 200 if quick else 3000
    sampler = Sampler(interval_s=0.25, history_s=600)
    sampler.sample()  # first call pays for imports and file handles
    times = []
    for _ in range(samples):
        start = time.perf_counter()
        sampler.sample()
        times.append(time.perf_counter() - start)
    times.sort()
    median = statistics.median(times)
    p95 = times[int(0.95 * (len(times) - 1))]
    gpus = f"{sampler.gpu_count} GPU(s)" if sampler.gpu_count else "no GPU"
    verdict = "ok" if median < TARGET_S or sampler.gpu_count else "OVER TARGET"
    print(f"sampler.sample() with {sampler.core_count} CPUs and {gpus}: median {median * 1e3:.3f} ms, "
          f"p95 {p95 * 1e3:.3f} ms over {samples} samples (target < {TARGET_S * 1e3:.0f} ms without GPUs) {verdict}")  # fmt: skip
    _, values = sampler.series("cpu_percent")
    if len(values) != min(samples + 1, sampler.capacity):
        print("ring buffer lost samples")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
