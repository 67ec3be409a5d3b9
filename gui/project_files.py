"""Project files from the main window: new, open, save, save as, recent files and examples.

Nothing is replaced without asking about unsaved changes; a file that cannot be read or written
is reported and the open project stays as it was. The questions are replaceable attributes
(`ask_unsaved`, `ask_open_path`, `ask_save_path`) so tests and scripts answer them without a modal dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from rigsizer.gui import settings
from rigsizer.gui.project_model import PROJECT_SUFFIX, ProjectFileError

if TYPE_CHECKING:
    from rigsizer.gui.project_model import ProjectModel


class ProjectFiles(QMainWindow if TYPE_CHECKING else object):
    """The main window's part that opens and saves projects (mixed into `MainWindow`)."""

    project_model: ProjectModel

    def _init_project_files(self) -> None:
        self.ask_unsaved: Callable[[], QMessageBox.StandardButton] = self._ask_unsaved
        self.ask_open_path: Callable[[], str] = self._ask_open_path
        self.ask_save_path: Callable[[], str] = self._ask_save_path

    def maybe_save(self) -> bool:
        """True when it is fine to replace the current project (saved, discarded or unchanged)."""
        if not self.project_model.is_modified():
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _ask_unsaved(self) -> QMessageBox.StandardButton:
        buttons = QMessageBox.StandardButton
        return QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("The project has unsaved changes. Save them first?"),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )

    def _file_filter(self) -> str:
        return self.tr("Rigsizer projects (*%1);;All files (*)").replace("%1", PROJECT_SUFFIX)

    def _ask_open_path(self) -> str:
        start = str(self.project_model.file_path.parent) if self.project_model.file_path else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), start, self._file_filter())
        return path

    def _ask_save_path(self) -> str:
        model = self.project_model
        start = str(model.file_path) if model.file_path else str(Path.home() / (model.project().name + PROJECT_SUFFIX))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save project as"), start, self._file_filter())
        return path

    def new_project(self) -> bool:
        if not self.maybe_save():
            return False
        self.project_model.new()
        self.show_status(self.tr("New project"), 4000)
        return True

    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        path = self.ask_open_path()
        return self.open_file(path, ask=False) if path else False

    def open_file(self, path: str | Path, ask: bool = True) -> bool:
        """Open a project; a broken file is reported and the current project stays as it was."""
        if ask and not self.maybe_save():
            return False
        try:
            self.project_model.load(path)
        except ProjectFileError as error:
            self.show_error(self.tr("Cannot open the project"), str(error))
            return False
        settings.add_recent_file(Path(path))
        warnings = getattr(self.project_model.project(), "warnings", ())
        if warnings:
            self.show_status(self.tr("Opened with notes: %1").replace("%1", "; ".join(warnings)), 10000)
        else:
            self.show_status(self.tr("Opened %1").replace("%1", str(path)), 4000)
        return True

    def open_example(self, name: str) -> bool:
        if not self.maybe_save():
            return False
        try:
            from rigsizer.core.examples import load_example

            project = load_example(name)
        except Exception as error:  # noqa: BLE001 — shown to the user, nothing changes
            self.show_error(self.tr("Cannot open the example"), str(error))
            return False
        self.project_model.reset(project, None)
        return True

    def save(self) -> bool:
        if self.project_model.file_path is None:
            return self.save_as_dialog()
        return self.save_as(self.project_model.file_path)

    def save_as_dialog(self) -> bool:
        path = self.ask_save_path()
        return self.save_as(path) if path else False

    def save_as(self, path: str | Path) -> bool:
        target = Path(path)
        if not target.name.endswith(PROJECT_SUFFIX):
            target = target.with_name(target.name.removesuffix(".json") + PROJECT_SUFFIX)
        try:
            written = self.project_model.save(target)
        except ProjectFileError as error:
            self.show_error(self.tr("Cannot save the project"), str(error))
            return False
        settings.add_recent_file(written)
        self.show_status(self.tr("Saved %1").replace("%1", str(written)), 4000)
        return True

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = settings.recent_files()
        for index, path in enumerate(files):
            action = self.recent_menu.addAction(f"&{index + 1} {path.name}")
            action.setToolTip(str(path))
            action.setData(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_file(p))
        if files:
            self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.actions["clear_recent"])
        self.actions["clear_recent"].setEnabled(bool(files))

    def clear_recent(self) -> None:
        settings.clear_recent_files()
        self._fill_recent_menu()

    def _fill_examples_menu(self) -> None:
        self.examples_menu.clear()
        try:
            from rigsizer.core.examples import list_examples

            examples = list_examples()
        except Exception as error:  # noqa: BLE001
            action = self.examples_menu.addAction(self.tr("No examples: %1").replace("%1", str(error)))
            action.setEnabled(False)
            return
        for name, title in examples:
            action = self.examples_menu.addAction(title)
            action.triggered.connect(lambda _checked=False, n=name: self.open_example(n))
