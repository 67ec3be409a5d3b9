"""Autosave of the open project and recovery after a crash (the autosaver and the recovery banner).

While a project has unsaved changes it is written (atomically) to the user data dir every minute
and a few seconds after the user stops editing. A clean exit deletes the file; a file left behind
by a process that is no longer running is what the next start offers to recover.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from rigsizer.core.files import write_text_atomic
from rigsizer.gui import settings

AUTOSAVE_FORMAT = "rigsizer-autosave"
AUTOSAVE_SUFFIX = ".autosave.json"
PAUSE_MS = 3000  # after the last edit

_own_paths: set[Path] = set()  # autosave files of live Autosavers in this process


@dataclass(frozen=True)
class Recoverable:
    """An autosave left by an earlier run that did not exit cleanly."""

    path: Path
    saved_at: float  # seconds since the epoch
    source_path: Path | None  # the project file it was editing, if it had one
    project_name: str
    document: dict[str, Any]


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def find_recoverable(folder: Path | None = None) -> list[Recoverable]:
    """Autosaves whose writing process is gone, newest first; unreadable files are skipped."""
    folder = folder or settings.autosave_dir()
    found: list[Recoverable] = []
    if not folder.is_dir():
        return found
    for path in folder.glob(f"*{AUTOSAVE_SUFFIX}"):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict) or data.get("format") != AUTOSAVE_FORMAT:
            continue
        if path in _own_paths:
            continue  # a live autosaver of this process is still writing it
        pid = int(data.get("pid", 0) or 0)
        if pid != os.getpid() and _pid_alive(pid):
            continue  # another running instance owns it
        document = data.get("project")
        if not isinstance(document, dict):
            continue
        source = data.get("source_path")
        found.append(
            Recoverable(
                path=path,
                saved_at=float(data.get("saved_at", 0.0) or 0.0),
                source_path=Path(source) if source else None,
                project_name=str(document.get("name", "")),
                document=document,
            )
        )
    found.sort(key=lambda item: item.saved_at, reverse=True)
    return found


def discard(recoverable: Recoverable) -> None:
    try:
        recoverable.path.unlink()
    except FileNotFoundError:
        pass


class Autosaver(QObject):
    """Writes the model's project to this run's autosave file while it has unsaved changes."""

    saved = Signal(object)  # Path written

    def __init__(self, project_model: Any, parent: QObject | None = None, interval_s: int | None = None) -> None:
        super().__init__(parent)
        self._model = project_model
        folder = settings.autosave_dir()
        self.path = folder / f"session-{os.getpid()}-{int(time.time() * 1000)}{AUTOSAVE_SUFFIX}"
        _own_paths.add(self.path)
        self._dirty = False
        self._interval = QTimer(self)
        self._interval.timeout.connect(self.save_now)
        self.set_interval_s(interval_s if interval_s is not None else settings.autosave_interval_s())
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self.save_now)
        project_model.projectChanged.connect(self._changed)
        project_model.undo_stack.cleanChanged.connect(self._clean_changed)

    def set_interval_s(self, seconds: int) -> None:
        self._interval.start(max(1, int(seconds)) * 1000)

    def set_pause_ms(self, milliseconds: int) -> None:
        self._pause.setInterval(max(0, int(milliseconds)))

    def _changed(self, _project: Any) -> None:
        # emitted while the undo stack is mid-push, so "modified" is checked when writing
        self._dirty = True
        self._pause.start()

    def _clean_changed(self, clean: bool) -> None:
        if clean:  # saved to its file (or undone back to it): nothing to recover
            self._dirty = False
            self._pause.stop()
            self.remove()
        else:
            self._changed(None)

    def save_now(self) -> Path | None:
        """Write the autosave if there are unsaved changes; returns the file written, if any."""
        if not self._dirty or not self._model.is_modified():
            return None
        source = self._model.file_path
        record = {
            "format": AUTOSAVE_FORMAT,
            "pid": os.getpid(),
            "saved_at": time.time(),
            "source_path": str(source) if source else None,
            "project": self._model.project().to_dict(),
        }
        try:
            write_text_atomic(self.path, json.dumps(record, indent=1, ensure_ascii=False))
        except OSError:
            return None  # a full disk must not interrupt editing; the next tick tries again
        self._dirty = False
        self.saved.emit(self.path)
        return self.path

    def remove(self) -> None:
        """Delete this run's autosave (clean exit, or the project was saved)."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass

    def stop(self) -> None:
        """Stop writing; the file stays (it is removed by `remove()` on a clean exit)."""
        self._interval.stop()
        self._pause.stop()
        _own_paths.discard(self.path)


class RecoveryBanner(QFrame):
    """A non-blocking bar offering to restore the autosave of a run that did not exit cleanly."""

    recoverRequested = Signal(object)
    discardRequested = Signal(object)
    offered = Signal(bool)  # True while an offer is open (the window shows the bar holding it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.recoverable: Recoverable | None = None
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.recover_button = QPushButton(self)
        self.discard_button = QPushButton(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.recover_button)
        layout.addWidget(self.discard_button)
        self.recover_button.clicked.connect(self.recover)
        self.discard_button.clicked.connect(self.discard)
        self.retranslate()

    def _restyle(self) -> None:
        dark = QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
        background, border, text = ("#4a3d1a", "#8a6d1f", "#f3e6c4") if dark else ("#fff4d6", "#e0b84c", "#3d3000")
        sheet = (
            f"QFrame#recoveryBanner {{ background: {background}; border: 1px solid {border}; border-radius: 4px; }}"
            f"QFrame#recoveryBanner QLabel {{ color: {text}; }}"
        )
        if sheet != self.styleSheet():  # setting a style sheet sends PaletteChange again
            self.setStyleSheet(sheet)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 — Qt override
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()
        super().changeEvent(event)

    def offer(self, recoverable: Recoverable) -> None:
        self.recoverable = recoverable
        self._restyle()
        self.retranslate()
        self.offered.emit(True)

    def withdraw(self) -> None:
        self.recoverable = None
        self.offered.emit(False)

    def is_offering(self) -> bool:
        return self.recoverable is not None

    def recover(self) -> None:
        if self.recoverable is not None:
            self.recoverRequested.emit(self.recoverable)

    def discard(self) -> None:
        if self.recoverable is not None:
            self.discardRequested.emit(self.recoverable)

    def retranslate(self) -> None:
        self.recover_button.setText(self.tr("Recover"))
        self.discard_button.setText(self.tr("Discard"))
        item = self.recoverable
        if item is None:
            return
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(item.saved_at))
        name = item.project_name or (item.source_path.name if item.source_path else self.tr("an untitled project"))
        self.message.setText(
            self.tr("Rigsizer did not exit cleanly. Unsaved changes to \u201c%1\u201d from %2 can be recovered.")
            .replace("%1", name)
            .replace("%2", when)
        )
