"""Runs a plain function off the GUI thread with progress, partial results and cancellation.

The pattern follows Orange3's concurrent helpers: the function knows nothing about Qt; it
receives a small `TaskState` it may use to report progress, publish partial results and
notice that it was cancelled. Callbacks always run on the GUI thread. A cancelled job never
calls `on_done` or `on_error`, so a stale result can never overwrite a newer one.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

_executor: ThreadPoolExecutor | None = None
_executor_lock = threading.Lock()
# GUI-side strong references to every job and what its worker holds, kept until the worker has let
# go of all of it: the last reference to a Qt object (the job, a widget's bound method passed as the
# function) must never be dropped on a worker thread, or Qt deletes the object from the wrong thread.
_live_jobs: dict[Job, _Work] = {}


def _pool() -> ThreadPoolExecutor:
    global _executor
    with _executor_lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="rigsizer-worker")
        return _executor


class Cancelled(Exception):
    """Raised by `TaskState.check()` inside a worker function to stop early."""


class TaskState:
    """What a worker function sees: report progress, publish partial results, check for cancel.

    Thread-safe: written from the worker thread, read from the GUI thread.
    """

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancelled = threading.Event()
        self.progress: float = 0.0
        self.message: str = ""

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()

    def check(self) -> None:
        """Raise `Cancelled` if the job was cancelled; call it between steps of long work."""
        if self.cancelled:
            raise Cancelled()

    def set_progress(self, fraction: float, message: str = "") -> None:
        """Report progress in [0, 1] with an optional short message for the status line."""
        self.progress = max(0.0, min(1.0, float(fraction)))
        self.message = message
        if not self.cancelled:
            self._relay.progressed.emit(self.progress, message)

    def set_partial_result(self, value: Any) -> None:
        """Publish an intermediate result (e.g. one finished benchmark) before the end."""
        if not self.cancelled:
            self._relay.partial.emit(value)


class _Relay(QObject):
    """Carries results from the worker thread to the GUI thread (queued signal delivery)."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(float, str)
    partial = Signal(object)


class _Work:
    """What a worker thread holds for one job. Plain Python: the worker clears nothing Qt owns."""

    __slots__ = ("relay", "state", "fn", "args", "kwargs", "released")

    def __init__(self, relay: _Relay, state: TaskState, fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
        self.relay, self.state, self.fn, self.args, self.kwargs = relay, state, fn, args, kwargs
        self.released = threading.Event()  # set by the worker once it holds no reference any more


def _execute(work: _Work) -> None:
    """Worker-thread side: run, hand the outcome to the GUI thread, then let go of everything."""
    try:
        value = work.fn(*work.args, state=work.state, **work.kwargs)
    except Cancelled:
        work.relay.failed.emit(None)
    except BaseException as error:  # noqa: B036 — reported to the GUI, never swallowed
        error.formatted_traceback = traceback.format_exc()  # type: ignore[attr-defined]
        work.relay.failed.emit(error)
        del error
    else:
        work.relay.finished.emit(value)
        del value
    work.released.set()


def _reap() -> None:
    """Drop (on the GUI thread) the jobs that are delivered and that no worker holds any more."""
    for job in [job for job, work in _live_jobs.items() if job.done and work.released.is_set()]:
        del _live_jobs[job]
    if any(job.done for job in _live_jobs):  # a worker is still unwinding: look again shortly
        QTimer.singleShot(10, _reap)


class Job(QObject):
    """A handle on one background run: `cancel()` it, or read `done` / `result` / `error`."""

    def __init__(
        self,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[[float, str], None] | None,
        on_partial: Callable[[Any], None] | None,
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress
        self._on_partial = on_partial
        self._relay = _Relay()
        self.state = TaskState(self._relay)
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.error_text = ""
        self._relay.finished.connect(self._finish)
        self._relay.failed.connect(self._fail)
        self._relay.progressed.connect(self._progress)
        self._relay.partial.connect(self._partial)

    @property
    def cancelled(self) -> bool:
        return self.state.cancelled

    def cancel(self) -> None:
        """Ask the function to stop and drop whatever it still produces."""
        self.state.cancel()

    @Slot(object)
    def _finish(self, value: Any) -> None:
        self.done = True
        _reap()
        if self.cancelled:
            return
        self.result = value
        if self._on_done is not None:
            self._on_done(value)

    @Slot(object)
    def _fail(self, error: BaseException | None) -> None:
        self.done = True
        _reap()
        if self.cancelled or error is None:
            return
        self.error = error
        self.error_text = str(error) or type(error).__name__
        if self._on_error is not None:
            self._on_error(error)

    @Slot(float, str)
    def _progress(self, fraction: float, message: str) -> None:
        if not self.cancelled and self._on_progress is not None:
            self._on_progress(fraction, message)

    @Slot(object)
    def _partial(self, value: Any) -> None:
        if not self.cancelled and self._on_partial is not None:
            self._on_partial(value)


def run_in_worker(
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[float, str], None] | None = None,
    on_partial: Callable[[Any], None] | None = None,
    **kwargs: Any,
) -> Job:
    """Run `fn(*args, state=TaskState, **kwargs)` on a worker thread; callbacks run on the GUI thread.

    Call from the GUI thread (the thread that owns the callbacks). Returns the `Job` at once.
    """
    job = Job(on_done, on_error, on_progress, on_partial)
    work = _Work(job._relay, job.state, fn, args, kwargs)
    _live_jobs[job] = work  # released on this thread once delivered and let go of by the worker
    _pool().submit(_execute, work)
    return job


def wait_idle(timeout_s: float = 10.0) -> bool:
    """Block until no job is running (for shutdown and tests); True when everything finished."""
    import time

    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout_s
    while _live_jobs and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        _reap()
        time.sleep(0.002)
    return not _live_jobs
