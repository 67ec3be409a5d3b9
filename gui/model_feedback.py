"""How the main window follows the project model: the title (name, unsaved marker) and what the
status bar says while estimates refresh, when one fails, and when an edit is refused.

The panes redraw themselves from the same signals; the window only reports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from rigsizer.gui.project_model import ProjectModel


class ModelFeedback(QMainWindow if TYPE_CHECKING else object):
    """The main window's part that listens to the project model (mixed into `MainWindow`)."""

    project_model: ProjectModel

    def _connect_model(self) -> None:
        model = self.project_model
        model.undo_stack.cleanChanged.connect(self._update_title)
        model.filePathChanged.connect(self._update_title)
        model.projectChanged.connect(self._update_title)
        model.busyChanged.connect(self._busy_changed)
        model.estimateFailed.connect(self._estimate_failed)
        model.estimateChanged.connect(self._estimate_changed)
        model.validationFailed.connect(self._validation_failed)

    def _update_title(self, *_args: object) -> None:
        model = self.project_model
        name = model.project().name if model.file_path is None else model.display_name()
        self.setWindowTitle(self.tr("%1[*] — Rigsizer").replace("%1", name))
        self.setWindowModified(model.is_modified())

    def _estimate_changed(self, estimate: Any) -> None:
        if estimate is not None and self.status_label.property("estimateError"):
            self.status_label.setProperty("estimateError", False)
            self.status_label.clear()

    def _estimate_failed(self, message: str) -> None:
        self.status_label.setProperty("estimateError", True)
        self.show_status(self.tr("No estimate: %1").replace("%1", message))

    def _validation_failed(self, field: str, message: str) -> None:
        self.show_status(f"{field}: {message}", 8000)
