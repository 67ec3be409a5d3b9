"""Desktop app responsiveness: cold start, edit-to-updated-charts latency, idle CPU, resident memory.

Targets (issue 5): first window shown < 1.5 s; edit -> new estimate drawn p95 < 50 ms for ResNet-50;
idle CPU with the live monitor < 2 % of one core; resident memory < 300 MB.
`--quick` (CI) runs each measurement briefly; it fails only when something is broken.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_START_S = 1.5
TARGET_EDIT_P95_MS = 50.0
TARGET_IDLE_CPU_PERCENT = 2.0
TARGET_RSS_MB = 300.0


def _isolated_env(base: Path) -> dict[str, str]:
    env = os.environ.copy()
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        (base / name.lower()).mkdir(parents=True, exist_ok=True)
        env[name] = str(base / name.lower())
    env["RIGSIZER_DATA_DIR"] = str(base / "data")
    return env


def cold_start_seconds(env: dict[str, str]) -> tuple[float, float]:
    """Wall times from launching the app to its first frame, and to every pane being built."""
    started = time.perf_counter()
    shown = None
    process = subprocess.Popen(
        [sys.executable, "-m", "rigsizer.gui.app", "--startup-probe"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    for line in process.stdout:
        if line.startswith("window-shown"):
            shown = time.perf_counter() - started
        elif line.startswith("panes-ready") and shown is not None:
            ready = time.perf_counter() - started
            process.wait(timeout=30)
            return shown, ready
    process.wait(timeout=30)
    raise RuntimeError(f"the app exited with {process.returncode} before showing its window")


def _run_loop(app, seconds: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def in_process(quick: bool) -> dict[str, float]:
    """Edit latency, idle CPU and memory inside one running app with the real main window."""
    import psutil

    from rigsizer.gui.app import create_application

    app = create_application(["bench"])
    from rigsizer.gui.main_window import MainWindow

    window = MainWindow(check_recovery=False)  # panes built at once: the edits below need them
    window.show()
    model = window.project_model
    done: list[float] = []
    # connected last, so it runs after every pane and chart has drawn the new estimate
    model.estimateChanged.connect(lambda _estimate: done.append(time.perf_counter()))
    model.estimateFailed.connect(lambda message: done.append(-1.0))
    deadline = time.perf_counter() + 60
    while not done and time.perf_counter() < deadline:  # the first estimate opens the catalog
        _run_loop(app, 0.05)
    if not done or done[-1] < 0:
        raise RuntimeError(f"no estimate for the default project: {model.estimate_error()}")
    assert model.project().model.name == "resnet50"

    latencies = []
    edits = 8 if quick else 60
    for index in range(edits):
        done.clear()
        _run_loop(app, 0.15)  # a quiet spell longer than the debounce: each edit is a fresh one
        started = time.perf_counter()
        if not model.set_value("training.batch", 32 if index % 2 else 48):
            raise RuntimeError("the edit was rejected")
        while not done and time.perf_counter() - started < 10:
            _run_loop(app, 0.001)
        if not done or done[-1] < 0:
            raise RuntimeError(f"the estimate did not follow an edit: {model.estimate_error()}")
        latencies.append((done[-1] - started) * 1000.0)

    window.docks["workstation"].show()
    window.docks["workstation"].raise_()
    process = psutil.Process()
    _run_loop(app, 1.0)
    seconds = 3.0 if quick else 30.0
    before = process.cpu_times()
    wall = time.perf_counter()
    _run_loop(app, seconds)
    after = process.cpu_times()
    wall = time.perf_counter() - wall
    cpu = (after.user - before.user + after.system - before.system) / wall * 100.0
    monitor = window.panes["workstation"].monitor
    samples = len(monitor.sampler) if monitor is not None else 0
    rss = process.memory_info().rss / 1e6
    window.shutdown()
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {
        "edit_median_ms": statistics.median(latencies),
        "edit_max_ms": max(latencies),
        "edit_p95_ms": p95,
        "idle_cpu_percent": cpu,
        "rss_mb": rss,
        "monitor_samples": float(samples),
    }


def _verdict(value: float, target: float) -> str:
    return "ok" if value < target else "OVER TARGET"


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    if "--in-process" in sys.argv[1:]:  # child mode: a fresh interpreter with isolated user dirs
        figures = in_process(quick)
        print(" ".join(f"{key}={value:.4f}" for key, value in figures.items()))
        return 0
    with tempfile.TemporaryDirectory(prefix="rigsizer-bench-gui-") as folder:
        env = _isolated_env(Path(folder))
        runs = 1 if quick else 5
        cold_start_seconds(env)  # the first launch also builds the catalog database: not a cold start
        starts = [cold_start_seconds(env) for _ in range(runs)]
        start = statistics.median(shown for shown, _ in starts)
        ready = statistics.median(ready for _, ready in starts)
        child = subprocess.run(
            [sys.executable, __file__, "--in-process", *(["--quick"] if quick else [])],
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )
        if child.returncode != 0:
            print(child.stdout + child.stderr)
            print("bench_gui: the in-process measurements failed")
            return 1
        line = [text for text in child.stdout.splitlines() if "edit_p95_ms=" in text][-1]
        figures = {key: float(value) for key, value in (item.split("=") for item in line.split())}
    print(f"cold start to first window: median {start:.2f} s over {runs} runs "
          f"(target < {TARGET_START_S} s) {_verdict(start, TARGET_START_S)}; all panes built: {ready:.2f} s")  # fmt: skip
    print(f"edit -> estimate drawn (ResNet-50): median {figures['edit_median_ms']:.1f} ms, "
          f"p95 {figures['edit_p95_ms']:.1f} ms (target p95 < {TARGET_EDIT_P95_MS:.0f} ms) "
          f"{_verdict(figures['edit_p95_ms'], TARGET_EDIT_P95_MS)}")  # fmt: skip
    print(f"idle CPU with the live monitor: {figures['idle_cpu_percent']:.2f} % of one core "
          f"({figures['monitor_samples']:.0f} samples; target < {TARGET_IDLE_CPU_PERCENT} %) "
          f"{_verdict(figures['idle_cpu_percent'], TARGET_IDLE_CPU_PERCENT)}")  # fmt: skip
    print(f"resident memory: {figures['rss_mb']:.0f} MB (target < {TARGET_RSS_MB:.0f} MB) "
          f"{_verdict(figures['rss_mb'], TARGET_RSS_MB)}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
