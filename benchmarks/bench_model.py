"""Time to build and analyse every zoo model at its default input and at 1024 px.

Targets (2-core workstation): every model under 10 ms, ResNet-152 under 5 ms. Prints the best
and the median of several repeats per model; the verdict uses the best run, the one least
disturbed by other processes on a shared machine. `--quick` (CI) uses fewer repeats and only
checks that every model builds and analyses. Exits non-zero only if something fails to build.
"""

from __future__ import annotations

import statistics
import sys
import time

TARGET_S = 0.010
TARGETS = {"resnet152": 0.005}


def seconds(build, repeats: int) -> tuple[float, float]:
    """(best, median) wall time of `build()`."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        build()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> int:
    from rigsizer.core.errors import ValidationError
    from rigsizer.core.model.analyze import analyze
    from rigsizer.core.model.zoo import build_model, list_models

    quick = "--quick" in sys.argv[1:]
    repeats = 2 if quick else 15
    over, broken, refused = [], [], []
    print(f"{'model':<32} {'default best/median':>20} {'1024 px best/median':>20}  target")
    for entry in list_models():
        row = []
        target = TARGETS.get(entry.name, TARGET_S)
        for shape in (None, (entry.default_input[0], 1024, 1024)):
            try:
                analyze(build_model(entry.name, input=shape))  # warm-up (imports, first-call caches)
                row.append(seconds(lambda n=entry.name, s=shape: analyze(build_model(n, input=s)), repeats))
            except ValidationError as error:  # the model cannot take this input: a valid answer
                refused.append(f"{entry.name} {shape}: {error}")
                row.append((float("nan"), float("nan")))
            except Exception as error:  # a broken model is what this script reports
                broken.append(f"{entry.name} {shape}: {error!r}")
                row.append((float("nan"), float("nan")))
        verdict = "ok" if all(not best >= target for best, _ in row) else "OVER TARGET"
        if verdict != "ok":
            over.append(entry.name)
        cells = " ".join(f"{best * 1e3:>9.2f}/{median * 1e3:<7.2f}ms" for best, median in row)
        print(f"{entry.name:<32} {cells}  < {target * 1e3:.0f} ms {verdict}")
    print(f"{len(list_models())} models, {repeats} runs each; over target (best run): {', '.join(over) or 'none'}"
          + (" (quick mode: too few runs for the timings to mean much)" if quick else ""))
    for line in refused:
        print(f"not applicable: {line}")
    for line in broken:
        print(f"BROKEN: {line}")
    return 1 if broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
