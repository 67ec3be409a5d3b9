"""The one Qt-side owner of the open Project: edits, undo/redo, files and the debounced recompute.

Panes never hold their own copy of the inputs: they call `set_value` / `set_project` and listen to
`projectChanged` and `estimateChanged` (architecture rule 6). The estimate runs on a worker thread;
a result that belongs to an older project is discarded.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from rigsizer.core.errors import ValidationError
from rigsizer.gui.worker import Job, run_in_worker

DEBOUNCE_MS = 100
MERGE_WINDOW_S = 1.5  # edits of the same field closer than this become one undo step
PROJECT_SUFFIX = ".rigsizer.json"


class ProjectFileError(Exception):
    """A project file could not be read or written; the message says what is wrong, in one line."""


def _project_api():
    from rigsizer.core import project as project_module

    return project_module


class _SetValueCommand(QUndoCommand):
    """One field edit; consecutive edits of the same field within MERGE_WINDOW_S merge into one."""

    ID = 0x5253  # any constant: QUndoStack only merges commands with equal ids

    def __init__(self, model: ProjectModel, path: str, before: Any, after: Any) -> None:
        super().__init__(QCoreApplication.translate("ProjectModel", "Change %1").replace("%1", path))
        self._model = model
        self.path = path
        self.before = before
        self.after = after
        self.stamp = time.monotonic()

    def id(self) -> int:
        return self.ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 — Qt override
        if not isinstance(other, _SetValueCommand) or other.path != self.path:
            return False
        if other.stamp - self.stamp > MERGE_WINDOW_S:
            return False
        self.after = other.after
        self.stamp = other.stamp
        if self.after == self.before:
            self.setObsolete(True)
        return True

    def redo(self) -> None:
        self._model._apply(self.after)

    def undo(self) -> None:
        self._model._apply(self.before)


class _ReplaceProjectCommand(QUndoCommand):
    """A whole-document change (preset picked, example loaded): one undo step."""

    def __init__(self, model: ProjectModel, before: Any, after: Any, description: str) -> None:
        super().__init__(description)
        self._model = model
        self.before = before
        self.after = after

    def redo(self) -> None:
        self._model._apply(self.after)

    def undo(self) -> None:
        self._model._apply(self.before)


class ProjectModel(QObject):
    """Owns the Project, its undo stack, its file and its latest Estimate."""

    projectChanged = Signal(object)  # the new Project
    estimateChanged = Signal(object)  # the new Estimate, or None when there is none
    estimateFailed = Signal(str)  # why the estimate could not be computed
    validationFailed = Signal(str, str)  # dotted field, message (with the allowed range)
    busyChanged = Signal(bool)  # True while an estimate is being computed
    filePathChanged = Signal(object)  # Path or None
    progressChanged = Signal(float, str)  # estimator progress, when it reports any

    def __init__(
        self,
        project: Any = None,
        catalog: Any = None,
        parent: QObject | None = None,
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.file_path: Path | None = None
        self._catalog = catalog
        self._project = project if project is not None else _project_api().Project.default()
        self._estimate: Any = None
        self._estimate_error = ""
        self._job: Job | None = None
        self._generation = 0
        self._computed_generation = -1
        self._last_request = -1e9
        self._debounce_ms = debounce_ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start_compute)

    # ---- reading -------------------------------------------------------------------------
    def project(self) -> Any:
        return self._project

    def estimate(self) -> Any:
        return self._estimate

    def estimate_error(self) -> str:
        """Why the last estimate failed ('' when it did not)."""
        return self._estimate_error

    def get_value(self, path: str) -> Any:
        return self._project.get_value(path)

    def is_busy(self) -> bool:
        return self._job is not None

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def catalog(self) -> Any:
        """The hardware catalog, opened on first use (the database lives in the user data dir)."""
        if self._catalog is None:
            self._catalog = open_catalog()
        return self._catalog

    def display_name(self) -> str:
        if self.file_path is None:
            return self.tr("Untitled")
        name = self.file_path.name
        return name[: -len(PROJECT_SUFFIX)] if name.endswith(PROJECT_SUFFIX) else name

    # ---- editing -------------------------------------------------------------------------
    def set_value(self, path: str, value: Any) -> bool:
        """Change one field. Invalid values emit validationFailed and change nothing."""
        try:
            updated = self._project.with_value(path, value)
        except ValidationError as error:
            self.validationFailed.emit(error.field or path, _message(error))
            return False
        if updated == self._project:
            return True
        self.undo_stack.push(_SetValueCommand(self, path, self._project, updated))
        return True

    def set_project(self, project: Any, description: str = "") -> None:
        """Replace the whole document as one undoable step (preset, example, import)."""
        if project == self._project:
            return
        text = description or self.tr("Replace project")
        self.undo_stack.push(_ReplaceProjectCommand(self, self._project, project, text))

    def reset(self, project: Any, file_path: Path | None = None) -> None:
        """Start over with `project` (New, Open, Recover): clears the undo history."""
        self.undo_stack.clear()
        self.file_path = Path(file_path) if file_path is not None else None
        self._apply(project)
        self.undo_stack.setClean()
        self.filePathChanged.emit(self.file_path)

    def new(self) -> None:
        self.reset(_project_api().Project.default(), None)

    # ---- files ---------------------------------------------------------------------------
    def load(self, path: str | Path) -> None:
        """Open a project file; on any problem raise ProjectFileError and change nothing."""
        path = Path(path)
        try:
            project = _project_api().load_project(path)
        except ValidationError as error:
            where = "" if error.field == "file" else f"{error.field}: "
            raise ProjectFileError(f"{path.name}: {where}{_message(error)}") from error
        except FileNotFoundError as error:
            raise ProjectFileError(self.tr("%1: no such file").replace("%1", str(path))) from error
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise ProjectFileError(f"{path.name}: {error}") from error
        self.reset(project, path)

    def save(self, path: str | Path | None = None) -> Path:
        """Write the project atomically to `path` (or the current file) and mark it clean."""
        target = Path(path) if path is not None else self.file_path
        if target is None:
            raise ProjectFileError(self.tr("No file name given"))
        try:
            _project_api().save_project(self._project, target)
        except (OSError, ValueError) as error:
            raise ProjectFileError(f"{target}: {error}") from error
        self.undo_stack.setClean()
        if target != self.file_path:
            self.file_path = target
            self.filePathChanged.emit(target)
        return target

    # ---- recompute -----------------------------------------------------------------------
    def _apply(self, project: Any) -> None:
        self._project = project
        self.request_estimate()  # first, so the worker computes while the panes refresh their fields
        self.projectChanged.emit(project)

    def request_estimate(self) -> None:
        """Schedule a recompute: at once after a quiet spell, else DEBOUNCE_MS after the last edit."""
        self._generation += 1
        now = time.monotonic()
        quiet = (now - self._last_request) * 1000.0 >= self._debounce_ms
        self._last_request = now
        if quiet and not self._timer.isActive():
            self._start_compute()
        else:
            self._timer.start(self._debounce_ms)

    def _start_compute(self) -> None:
        if self._job is not None:
            self._job.cancel()  # its result would be stale; the worker stops at its next check
        generation = self._generation
        try:
            catalog = self.catalog
        except Exception as error:  # noqa: BLE001 — no catalog is a message, not a crash
            self._finish_failure(generation, self.tr("Hardware catalog unavailable: %1").replace("%1", str(error)))
            return
        was_busy = self._job is not None
        self._job = run_in_worker(
            _compute_estimate,
            self._project,
            catalog,
            on_done=lambda result, g=generation: self._finish_success(g, result),
            on_error=lambda error, g=generation: self._finish_failure(g, _message(error), error),
            on_progress=self.progressChanged.emit,
        )
        if not was_busy:
            self.busyChanged.emit(True)

    def _finish_success(self, generation: int, result: Any) -> None:
        if generation != self._generation:
            return
        self._job = None
        self._computed_generation = generation
        self._estimate = result
        self._estimate_error = ""
        self.busyChanged.emit(False)
        self.estimateChanged.emit(result)

    def _finish_failure(self, generation: int, message: str, error: BaseException | None = None) -> None:
        if generation != self._generation:
            return
        had_job = self._job is not None
        self._job = None
        self._computed_generation = generation
        self._estimate = None
        self._estimate_error = message
        if had_job:
            self.busyChanged.emit(False)
        self.estimateChanged.emit(None)
        if isinstance(error, ValidationError) and error.field:
            self.validationFailed.emit(error.field, _message(error))
        self.estimateFailed.emit(message)

    def shutdown(self) -> None:
        """Stop pending work (window closing)."""
        self._timer.stop()
        if self._job is not None:
            self._job.cancel()
            self._job = None


def _message(error: BaseException) -> str:
    if isinstance(error, ValidationError):
        return error.reason + (f" (allowed: {error.allowed})" if error.allowed else "")
    return str(error) or type(error).__name__


def _compute_estimate(project: Any, catalog: Any, state: Any) -> Any:
    from rigsizer.core.estimate.estimator import estimate

    state.check()
    return estimate(project, catalog)


def open_catalog() -> Any:
    """Open the user's hardware catalog (built from the seed data on first use)."""
    from rigsizer.core.hardware.catalog import Catalog

    opener = getattr(Catalog, "open", None)
    return opener() if callable(opener) else Catalog()
