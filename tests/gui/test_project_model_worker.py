"""The worker used for estimates, benchmarks and PDF export: results, progress, errors, cancel."""

from __future__ import annotations

import threading
import time

from rigsizer.gui.worker import run_in_worker, wait_idle


def test_worker_runs_off_the_gui_thread_and_delivers_on_it(qtbot):
    gui_thread = threading.get_ident()
    seen = {}

    def work(value, state):
        seen["worker"] = threading.get_ident()
        state.set_progress(0.5, "halfway")
        return value * 2

    results, progress = [], []

    def done(value):
        seen["callback"] = threading.get_ident()
        results.append(value)

    job = run_in_worker(work, 21, on_done=done, on_progress=lambda f, m: progress.append((f, m)))
    qtbot.waitUntil(lambda: job.done, timeout=5000)
    assert results == [42] and job.result == 42
    assert progress == [(0.5, "halfway")]
    assert seen["worker"] != gui_thread
    assert seen["callback"] == gui_thread


def test_worker_error_reaches_on_error_with_the_exception(qtbot):
    errors = []

    def fails(state):
        raise ValueError("bad input")

    job = run_in_worker(fails, on_error=errors.append)
    qtbot.waitUntil(lambda: job.done, timeout=5000)
    assert len(errors) == 1 and str(errors[0]) == "bad input"
    assert job.error_text == "bad input"


def test_cancelled_job_stops_and_never_delivers_a_stale_result(qtbot):
    started = threading.Event()
    results, partials = [], []

    def long_work(state):
        started.set()
        for step in range(500):
            state.check()
            state.set_partial_result(step)
            time.sleep(0.002)
        return "finished"

    job = run_in_worker(long_work, on_done=results.append, on_partial=partials.append)
    assert started.wait(5)
    job.cancel()
    assert wait_idle(5)
    assert job.done and job.cancelled
    assert results == []
    assert len(partials) < 500


def test_a_qt_object_held_only_by_a_job_is_released_on_the_gui_thread(qapp):
    """Qt objects must die on their own thread: the worker never holds the last reference."""
    import gc
    import weakref

    from PySide6.QtCore import QObject

    released_on_gui_thread: list[bool] = []

    class Holder(QObject):
        def work(self, state):
            time.sleep(0.05)
            return 1

    holder = Holder()
    weakref.finalize(holder, lambda: released_on_gui_thread.append(
        threading.current_thread() is threading.main_thread()))
    job = run_in_worker(holder.work)
    del holder
    assert wait_idle(5)
    assert job.result == 1
    del job
    gc.collect()
    assert released_on_gui_thread == [True]
