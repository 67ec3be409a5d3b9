"""The Rigsizer main window: six panes as docks around the results, menus, files and recovery.

The window computes nothing: every pane gets the shared `ProjectModel`, edits it and listens to it.
Its parts live in modules of their own, each mixed in here:

- `pane_docks`      panes imported lazily into scroll areas and docks (placeholders say why one is missing)
- `window_layout`   central area, default dock arrangement, first-start size, remembered layout
- `window_actions`  commands with shortcuts, menus, toolbar, dialogs
- `project_files`   new / open / save / save as, recent files, examples
- `crash_recovery`  the banner that offers an autosave after a crash
- `status_line`     status bar messages, busy indicator, non-blocking errors
- `model_feedback`  title and status that follow the project model and its estimates
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from rigsizer.gui.autosave import Autosaver
from rigsizer.gui.crash_recovery import CrashRecovery
from rigsizer.gui.model_feedback import ModelFeedback
from rigsizer.gui.pane_docks import CENTRAL_PANE, PaneDocks, PanePlaceholder
from rigsizer.gui.panes import PANES
from rigsizer.gui.project_files import ProjectFiles
from rigsizer.gui.project_model import ProjectModel
from rigsizer.gui.status_line import StatusLine
from rigsizer.gui.window_actions import ICONS, WindowActions, app_icon
from rigsizer.gui.window_layout import LAYOUT_VERSION, WindowLayout

__all__ = ["CENTRAL_PANE", "ICONS", "LAYOUT_VERSION", "PANES", "MainWindow", "PanePlaceholder", "app_icon"]


class MainWindow(
    ProjectFiles, CrashRecovery, WindowActions, StatusLine, ModelFeedback, PaneDocks, WindowLayout, QMainWindow
):
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
        self._shown_once = False
        self.setObjectName("MainWindow")
        self.setWindowIcon(app_icon())
        self.project_model = project_model or ProjectModel(parent=self)
        self.actions: dict[str, QAction] = {}
        self._init_pane_docks(defer_panes)
        self._init_project_files()
        self._configure_docking()
        self.resize(self._default_size())
        self._build_central()
        self._build_recovery_bar()
        self._build_panes(PANES)  # looked up at call time: tests swap in a table with a missing pane
        self._arrange_docks()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._place_recovery_bar()
        self._build_status()
        self.autosaver = Autosaver(self.project_model, self)
        self._connect_model()
        self._remember_default_layout()
        self._restore_layout()
        self.recovery_bar.setVisible(False)  # whatever the saved layout says: shown only with an offer
        self.retranslate()
        self._update_title()
        if check_recovery:
            self.check_recovery()
        if not self._pending_panes:
            QTimer.singleShot(0, self._panes_loaded)

    def retranslate(self) -> None:
        self._retranslate_actions()
        self._retranslate_panes()
        self._retranslate_menus()
        self.recovery_banner.retranslate()
        self._update_title()
        self._busy_changed(self.project_model.is_busy())

    # ---- Qt events ---------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:  # noqa: N802 — Qt override
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self._first_frame)

    def _first_frame(self) -> None:
        self.firstShown.emit()
        self._start_deferred_panes()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 — Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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
