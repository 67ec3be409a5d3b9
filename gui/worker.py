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

from PySide6.QtCore import QObject, Signal, Slot

_executor: ThreadPoolExecutor | None = None
_executor_lock = threading.Lock()
_live_jobs: set[Job] = set()


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

    def _run(self, fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
        try:
            value = fn(*args, state=self.state, **kwargs)
        except Cancelled:
            self._relay.failed.emit(None)
        except BaseException as error:  # noqa: B036 — reported to the GUI, never swallowed
            error.formatted_traceback = traceback.format_exc()  # type: ignore[attr-defined]
            self._relay.failed.emit(error)
        else:
            self._relay.finished.emit(value)

    @Slot(object)
    def _finish(self, value: Any) -> None:
        self.done = True
        _live_jobs.discard(self)
        if self.cancelled:
            return
        self.result = value
        if self._on_done is not None:
            self._on_done(value)

    @Slot(object)
    def _fail(self, error: BaseException | None) -> None:
        self.done = True
        _live_jobs.discard(self)
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
    _live_jobs.add(job)  # keep the QObject alive until its result has been delivered
    _pool().submit(job._run, fn, args, kwargs)
    return job


def wait_idle(timeout_s: float = 10.0) -> bool:
    """Block until no job is running (for shutdown and tests); True when everything finished."""
    import time

    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout_s
    while _live_jobs and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.002)
    return not _live_jobs
