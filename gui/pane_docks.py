"""Panes in the main window: imported lazily, held in scroll areas and docks, built after the first frame.

A pane that is missing or fails to import becomes a placeholder that says why, so one broken pane
never takes the window down; at start-up panes are built one per event-loop turn so the window
shows at once.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QFrame, QLabel, QMainWindow, QScrollArea, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from rigsizer.gui.project_model import ProjectModel

CENTRAL_PANE = "results"

PaneEntry = tuple[str, str, str, str]  # (object name, module, class name, English title), as in panes.PANES


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


class PaneDocks(QMainWindow if TYPE_CHECKING else object):
    """The main window's part that builds the panes and their docks (mixed into `MainWindow`)."""

    project_model: ProjectModel
    panes: dict[str, QWidget]
    docks: dict[str, QDockWidget]
    _central_layout: QVBoxLayout
    panesReady: Signal

    def _init_pane_docks(self, defer_panes: bool) -> None:
        self._defer_panes = defer_panes
        self._pending_panes: list[PaneEntry] = []
        self._holders: dict[str, QScrollArea] = {}
        self.panes = {}
        self.docks = {}

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

    def _build_panes(self, entries: tuple[PaneEntry, ...]) -> None:
        """One pane per entry, in menu order: the central one in the window, the others in docks."""
        for key, module_name, class_name, title in entries:
            if self._defer_panes:
                pane: QWidget = PanePlaceholder(title, self.tr("Loading…"), self)
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

    def _scrolled(self, pane: QWidget) -> QScrollArea:
        """Panes scroll inside their dock, so the window fits small screens whatever a pane needs."""
        area = QScrollArea(self)
        area.setObjectName(f"{pane.objectName()}Scroll")
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(pane)
        return area

    def _start_deferred_panes(self) -> None:
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
        """Every pane listens now: ask for the first estimate, then say so."""
        self.project_model.request_estimate()
        self.panesReady.emit()

    def pane_titles(self) -> dict[str, str]:
        return {
            "workstation": self.tr("Workstation"),
            "model": self.tr("Model"),
            "workload": self.tr("Workload"),
            "hardware": self.tr("Hardware"),
            "results": self.tr("Results"),
            "quote": self.tr("Quote"),
        }

    def _retranslate_panes(self) -> None:
        titles = self.pane_titles()
        for key, dock in self.docks.items():
            dock.setWindowTitle(titles[key])
        for pane in self.panes.values():
            if isinstance(pane, PanePlaceholder):
                pane._title = titles[pane.objectName().removesuffix("Pane")]
                pane.retranslate()
