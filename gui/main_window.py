"""The Rigsizer main window: six panes as docks around the results, menus, files and recovery.

The window computes nothing: every pane gets the shared `ProjectModel`, edits it and listens to it.
Panes are imported lazily by class name so that a pane that is missing or fails to import becomes
a placeholder that says why, never a broken window.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from rigsizer.gui import settings
from rigsizer.gui.autosave import Autosaver, Recoverable, RecoveryBanner, discard, find_recoverable
from rigsizer.gui.panes import PANES
from rigsizer.gui.project_model import PROJECT_SUFFIX, ProjectFileError, ProjectModel

CENTRAL_PANE = "results"
LAYOUT_VERSION = 1
ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def app_icon() -> QIcon:
    return QIcon(str(ICONS / "rigsizer.svg"))


class PanePlaceholder(QLabel):
    """Stands in for a pane that is not available, and says why."""

    def __init__(self, title: str, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reason = reason
        self._title = title
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setMargin(16)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("The %1 pane is not available.\n%2").replace("%1", self._title).replace("%2", self.reason))


class MainWindow(QMainWindow):
    """One window: Workstation, Model, Workload, Hardware and Quote docks around the Results pane.

    With `defer_panes=True` (the app's start-up) the window shows at once with "Loading…" in each
    pane and builds the panes one per event-loop turn after the first frame; `panesReady` follows.
    """

    firstShown = Signal()  # the first frame of the window is out
    panesReady = Signal()  # every pane is built

    def __init__(
        self,
        project_model: ProjectModel | None = None,
        check_recovery: bool = True,
        parent: QWidget | None = None,
        defer_panes: bool = False,
    ) -> None:
        super().__init__(parent)
        self._defer_panes = defer_panes
        self._pending_panes: list[tuple[str, str, str, str]] = []
        self._holders: dict[str, QScrollArea] = {}
        self._shown_once = False
        self.setObjectName("MainWindow")
        self.setWindowIcon(app_icon())
        self.project_model = project_model or ProjectModel(parent=self)
        self.panes: dict[str, QWidget] = {}
        self.docks: dict[str, QDockWidget] = {}
        self.actions: dict[str, QAction] = {}
        self.last_error = ""
        self._message_box: QMessageBox | None = None
        # Replaceable questions, so tests (and scripts) can answer them without a modal dialog.
        self.ask_unsaved: Callable[[], QMessageBox.StandardButton] = self._ask_unsaved
        self.ask_open_path: Callable[[], str] = self._ask_open_path
        self.ask_save_path: Callable[[], str] = self._ask_save_path
        self.setDockNestingEnabled(True)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowNestedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
        )
        self.resize(self._default_size())
        self._build_central()
        self._build_panes()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status()
        self.autosaver = Autosaver(self.project_model, self)
        self._connect_model()
        self._default_state = self.saveState(LAYOUT_VERSION)
        self._restore_layout()
        self.recovery_bar.setVisible(False)  # whatever the saved layout says: shown only with an offer
        self.retranslate()
        self._update_title()
        if check_recovery:
            self.check_recovery()
        if not self._pending_panes:
            QTimer.singleShot(0, self._panes_loaded)

    # ---- construction ------------------------------------------------------------------------
    def _build_central(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # The banner spans the whole window above the docks: a fixed toolbar shown only with an offer.
        self.recovery_bar = QToolBar(self)
        self.recovery_bar.setObjectName("recoveryBar")
        self.recovery_bar.setMovable(False)
        self.recovery_bar.setFloatable(False)
        self.recovery_bar.toggleViewAction().setVisible(False)
        self.recovery_banner = RecoveryBanner(self.recovery_bar)
        self.recovery_banner.recoverRequested.connect(self.recover)
        self.recovery_banner.discardRequested.connect(self.discard_recovery)
        self.recovery_banner.offered.connect(self.recovery_bar.setVisible)
        self.recovery_bar.addWidget(self.recovery_banner)
        self._central_layout = layout
        self.setCentralWidget(central)

    def _load_pane(self, module_name: str, class_name: str, title: str) -> QWidget:
        try:
            module = importlib.import_module(module_name)
            cls = getattr(module, class_name)
        except ModuleNotFoundError as error:
            if error.name and module_name.startswith(error.name):
                return PanePlaceholder(title, self.tr("It has not been built yet."), self)
            return PanePlaceholder(title, f"{type(error).__name__}: {error}", self)
        except Exception as error:  # noqa: BLE001 — one broken pane must not take the window down
            return PanePlaceholder(title, f"{type(error).__name__}: {error}", self)
        try:
            return cls(self.project_model, self)
        except Exception as error:  # noqa: BLE001
            return PanePlaceholder(title, f"{type(error).__name__}: {error}", self)

    def _build_panes(self) -> None:
        for key, module_name, class_name, title in PANES:
            if self._defer_panes:
                pane = PanePlaceholder(title, self.tr("Loading…"), self)
                self._pending_panes.append((key, module_name, class_name, title))
            else:
                pane = self._load_pane(module_name, class_name, title)
            pane.setObjectName(f"{key}Pane")
            self.panes[key] = pane
            holder = self._scrolled(pane)
            self._holders[key] = holder
            if key == CENTRAL_PANE:
                self._central_layout.addWidget(holder, 1)
                continue
            dock = QDockWidget(self)
            dock.setObjectName(f"{key}Dock")
            dock.setWidget(holder)
            dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetMovable
                | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                | QDockWidget.DockWidgetFeature.DockWidgetClosable
            )
            self.docks[key] = dock
        self._arrange_docks()

    def _default_size(self) -> QSize:
        """Most of the screen on first start (the layout is remembered after that)."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            return QSize(1600, 1000)
        available = screen.availableGeometry()
        return QSize(min(1760, int(available.width() * 0.92)), min(1080, int(available.height() * 0.92)))

    def showEvent(self, event: Any) -> None:  # noqa: N802 — Qt override
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self._first_frame)

    def _first_frame(self) -> None:
        self.firstShown.emit()
        if self._pending_panes:
            QTimer.singleShot(0, self._load_next_pane)

    def _load_next_pane(self) -> None:
        """Build one deferred pane and swap it in for its "Loading…" placeholder."""
        key, module_name, class_name, title = self._pending_panes.pop(0)
        pane = self._load_pane(module_name, class_name, title)
        pane.setObjectName(f"{key}Pane")
        self.panes[key] = pane
        self._holders[key].setWidget(pane)  # deletes the placeholder
        if self._pending_panes:
            QTimer.singleShot(0, self._load_next_pane)
        else:
            self._panes_loaded()

    def panes_ready(self) -> bool:
        return not self._pending_panes

    def _panes_loaded(self) -> None:
        self.project_model.request_estimate()
        self.panesReady.emit()

    def _scrolled(self, pane: QWidget) -> QScrollArea:
        """Panes scroll inside their dock, so the window fits small screens whatever a pane needs."""
        area = QScrollArea(self)
        area.setObjectName(f"{pane.objectName()}Scroll")
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(pane)
        return area

    def _arrange_docks(self) -> None:
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        for dock in self.docks.values():
            dock.setFloating(False)
            dock.show()
        self.addDockWidget(left, self.docks["model"])
        self.addDockWidget(left, self.docks["workload"])
        self.splitDockWidget(self.docks["model"], self.docks["workload"], Qt.Orientation.Vertical)
        self.addDockWidget(right, self.docks["hardware"])
        self.addDockWidget(right, self.docks["quote"])
        self.splitDockWidget(self.docks["hardware"], self.docks["quote"], Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.docks["hardware"], self.docks["workstation"])
        self.docks["workstation"].raise_()  # a new user sees this machine detected first
        side = max(380, int(self.width() * 0.28))
        self.resizeDocks([self.docks["model"], self.docks["hardware"]], [side, side], Qt.Orientation.Horizontal)

    def _action(self, key: str, slot: Callable[..., Any], shortcut: Any = None, icon: Any = None) -> QAction:
        action = QAction(self)
        action.setObjectName(f"action_{key}")
        if shortcut is not None:
            if isinstance(shortcut, list | tuple):
                action.setShortcuts([QKeySequence(item) for item in shortcut])
            else:
                action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon) if isinstance(icon, QStyle.StandardPixmap) else icon)
        action.triggered.connect(slot)
        self.actions[key] = action
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        pixmap = QStyle.StandardPixmap
        keys = QKeySequence.StandardKey
        self._action("new", self.new_project, keys.New, pixmap.SP_FileIcon)
        self._action("open", self.open_dialog, keys.Open, pixmap.SP_DialogOpenButton)
        self._action("save", self.save, keys.Save, pixmap.SP_DialogSaveButton)
        self._action("save_as", self.save_as_dialog, "Ctrl+Shift+S")
        self._action("export_pdf", self.export_pdf, "Ctrl+E", QIcon(str(ICONS / "export-pdf.svg")))
        self._action("quit", self.close, "Ctrl+Q")
        undo = self.project_model.undo_stack.createUndoAction(self)
        undo.setShortcuts([QKeySequence(keys.Undo)])
        undo.setIcon(self.style().standardIcon(pixmap.SP_ArrowBack))
        undo.setObjectName("action_undo")
        redo = self.project_model.undo_stack.createRedoAction(self)
        redo.setShortcuts([QKeySequence(keys.Redo), QKeySequence("Ctrl+Y")])
        redo.setIcon(self.style().standardIcon(pixmap.SP_ArrowForward))
        redo.setObjectName("action_redo")
        self.actions["undo"], self.actions["redo"] = undo, redo
        self.addActions([undo, redo])
        self._action("preferences", self.open_preferences, "Ctrl+,")
        self._action("reset_layout", self.reset_layout, "Ctrl+Shift+R")
        self._action("about", self.open_about, "F1")
        self._action("clear_recent", self.clear_recent)
        for index, key in enumerate(self._pane_keys()):
            action = self.docks[key].toggleViewAction() if key in self.docks else None
            if action is None:
                action = self._action(f"show_{key}", self.panes[key].setFocus)
            action.setShortcut(QKeySequence(f"Alt+{index + 1}"))
            action.setObjectName(f"action_show_{key}")
            self.actions[f"show_{key}"] = action

    def _pane_keys(self) -> list[str]:
        return [key for key, *_ in PANES]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([self.actions["new"], self.actions["open"]])
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.examples_menu = self.file_menu.addMenu("")
        self.examples_menu.aboutToShow.connect(self._fill_examples_menu)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.actions["save"], self.actions["save_as"]])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.actions["export_pdf"])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.actions["quit"])
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([self.actions["undo"], self.actions["redo"]])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.actions["preferences"])
        self.view_menu = bar.addMenu("")
        for key in self._pane_keys():
            self.view_menu.addAction(self.actions[f"show_{key}"])
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.actions["reset_layout"])
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.actions["about"])
        self._fill_recent_menu()

    def _build_toolbar(self) -> None:
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for key in ("new", "open", "save", None, "undo", "redo", None, "export_pdf"):
            if key is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(self.actions[key])
        self.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.recovery_bar)
        self.recovery_bar.hide()

    def _build_status(self) -> None:
        self._status_timer = QTimer(self)  # a child: it dies with the window
        self._status_timer.setSingleShot(True)
        self._status_timer.timeout.connect(lambda: self.status_label.clear())
        self.status_label = QLabel(self)
        self.busy_label = QLabel(self)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.busy_label)

    def _connect_model(self) -> None:
        model = self.project_model
        model.undo_stack.cleanChanged.connect(self._update_title)
        model.filePathChanged.connect(self._update_title)
        model.projectChanged.connect(self._update_title)
        model.busyChanged.connect(self._busy_changed)
        model.estimateFailed.connect(self._estimate_failed)
        model.estimateChanged.connect(self._estimate_changed)
        model.validationFailed.connect(self._validation_failed)

    # ---- texts -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        texts = {
            "new": self.tr("&New"),
            "open": self.tr("&Open…"),
            "save": self.tr("&Save"),
            "save_as": self.tr("Save &As…"),
            "export_pdf": self.tr("&Export PDF Quote…"),
            "quit": self.tr("&Quit"),
            "preferences": self.tr("&Preferences…"),
            "reset_layout": self.tr("&Reset Layout"),
            "about": self.tr("&About Rigsizer"),
            "clear_recent": self.tr("Clear Recent Files"),
        }
        tips = {
            "new": self.tr("Start a new project with default inputs"),
            "open": self.tr("Open a .rigsizer.json project file"),
            "save": self.tr("Save the project to its file"),
            "save_as": self.tr("Save the project under a new name"),
            "export_pdf": self.tr("Write the price quote as a PDF"),
        }
        for key, text in texts.items():
            self.actions[key].setText(text)
            shortcut = self.actions[key].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = tips.get(key, text.replace("&", "").rstrip("…"))
            self.actions[key].setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        self.actions["new"].setIconText(self.tr("New"))
        self.actions["open"].setIconText(self.tr("Open"))
        self.actions["save"].setIconText(self.tr("Save"))
        self.actions["export_pdf"].setIconText(self.tr("Export PDF"))
        self.actions["undo"].setIconText(self.tr("Undo"))
        self.actions["redo"].setIconText(self.tr("Redo"))
        titles = self.pane_titles()
        for key, dock in self.docks.items():
            dock.setWindowTitle(titles[key])
        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.examples_menu.setTitle(self.tr("Open E&xample"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.recovery_banner.retranslate()
        for pane in self.panes.values():
            if isinstance(pane, PanePlaceholder):
                pane._title = titles[pane.objectName().removesuffix("Pane")]
                pane.retranslate()
        self._update_title()
        self._busy_changed(self.project_model.is_busy())

    def pane_titles(self) -> dict[str, str]:
        return {
            "workstation": self.tr("Workstation"),
            "model": self.tr("Model"),
            "workload": self.tr("Workload"),
            "hardware": self.tr("Hardware"),
            "results": self.tr("Results"),
            "quote": self.tr("Quote"),
        }

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 — Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_title(self, *_args: object) -> None:
        model = self.project_model
        name = model.project().name if model.file_path is None else model.display_name()
        self.setWindowTitle(self.tr("%1[*] — Rigsizer").replace("%1", name))
        self.setWindowModified(model.is_modified())

    def show_status(self, text: str, timeout_ms: int = 0) -> None:
        """A message in the status bar; with a timeout it clears itself unless replaced meanwhile."""
        self.status_label.setText(text)
        self._status_timer.stop()
        if timeout_ms:
            self._status_timer.start(timeout_ms)

    def _busy_changed(self, busy: bool) -> None:
        text = self.tr("Computing…")
        self.busy_label.setMinimumWidth(self.busy_label.fontMetrics().horizontalAdvance(text) + 12)
        self.busy_label.setText(text if busy else "")

    def _estimate_changed(self, estimate: Any) -> None:
        if estimate is not None and self.status_label.property("estimateError"):
            self.status_label.setProperty("estimateError", False)
            self.status_label.clear()

    def _estimate_failed(self, message: str) -> None:
        self.status_label.setProperty("estimateError", True)
        self.show_status(self.tr("No estimate: %1").replace("%1", message))

    def _validation_failed(self, field: str, message: str) -> None:
        self.show_status(f"{field}: {message}", 8000)

    # ---- files -------------------------------------------------------------------------------
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

    def show_error(self, title: str, text: str) -> None:
        """Report a problem without blocking (window-modal box); the text stays in `last_error`."""
        self.last_error = text
        self.show_status(text)
        if self._message_box is not None:
            self._message_box.close()
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda *_: setattr(self, "_message_box", None))
        self._message_box = box
        box.open()

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

    # ---- recovery ----------------------------------------------------------------------------
    def check_recovery(self) -> Recoverable | None:
        """Offer the newest autosave left by a run that did not exit cleanly (non-blocking)."""
        found = find_recoverable()
        if not found:
            return None
        self.recovery_banner.offer(found[0])
        return found[0]

    def recover(self, recoverable: Recoverable) -> bool:
        from rigsizer.core.errors import ValidationError
        from rigsizer.core.project import Project

        try:
            project = Project.from_dict(recoverable.document)
        except ValidationError as error:
            self.show_error(self.tr("Cannot recover the project"), str(error))
            return False
        model = self.project_model
        model.reset(model.project(), recoverable.source_path)
        model.set_project(project, self.tr("Recover autosaved changes"))  # unsaved, and undoable
        discard(recoverable)
        self.recovery_banner.withdraw()
        self.check_recovery()
        self.show_status(self.tr("Recovered the autosaved project"), 6000)
        return True

    def discard_recovery(self, recoverable: Recoverable) -> None:
        discard(recoverable)
        self.recovery_banner.withdraw()
        self.check_recovery()

    # ---- other actions -----------------------------------------------------------------------
    def export_pdf(self) -> bool:
        pane = self.panes.get("quote")
        for name in ("export_pdf", "export_dialog", "export"):
            method = getattr(pane, name, None)
            if callable(method):
                if "quote" in self.docks:
                    self.docks["quote"].show()
                    self.docks["quote"].raise_()
                method()
                return True
        self.show_error(self.tr("Export PDF quote"), self.tr("The Quote pane is not available."))
        return False

    def open_preferences(self) -> None:
        from rigsizer.gui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self)
        dialog.autosaveIntervalChanged.connect(self.autosaver.set_interval_s)
        dialog.open()
        self.preferences_dialog = dialog

    def open_about(self) -> None:
        from rigsizer.gui.about_dialog import AboutDialog

        dialog = AboutDialog(self)
        dialog.open()
        self.about_dialog = dialog

    def reset_layout(self) -> None:
        self.restoreState(self._default_state, LAYOUT_VERSION)
        self._arrange_docks()

    # ---- persistence -------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        store = settings.open_settings()
        geometry = store.value("window/geometry")
        state = store.value("window/state")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        if isinstance(state, QByteArray | bytes):
            self.restoreState(QByteArray(state), LAYOUT_VERSION)

    def save_layout(self) -> None:
        store = settings.open_settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState(LAYOUT_VERSION))
        store.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 — Qt override
        if not self.maybe_save():
            event.ignore()
            return
        self.save_layout()
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Stop timers, monitors and workers; remove this run's autosave (a clean exit)."""
        for pane in self.panes.values():
            stop = getattr(pane, "shutdown", None)
            if callable(stop):
                stop()
        self.project_model.shutdown()
        self.autosaver.stop()
        self.autosaver.remove()
        from rigsizer.gui.charts import style

        style.forget_under(self)
