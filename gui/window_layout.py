"""Where things sit in the main window: the central area, the default dock arrangement, the size on
first start, and the layout remembered between runs (so a user's arrangement survives a restart).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QVBoxLayout, QWidget

from rigsizer.gui import settings

LAYOUT_VERSION = 1


class WindowLayout(QMainWindow if TYPE_CHECKING else object):
    """The main window's part that arranges it (mixed into `MainWindow`)."""

    docks: dict[str, QDockWidget]

    def _build_central(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self._central_layout = layout
        self.setCentralWidget(central)

    def _configure_docking(self) -> None:
        self.setDockNestingEnabled(True)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowNestedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
        )

    def _default_size(self) -> QSize:
        """Most of the screen on first start (the layout is remembered after that)."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            return QSize(1600, 1000)
        available = screen.availableGeometry()
        return QSize(min(1760, int(available.width() * 0.92)), min(1080, int(available.height() * 0.92)))

    def _arrange_docks(self) -> None:
        """Inputs on the left, hardware and quote on the right, results in the middle."""
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
        side = max(350, int(self.width() * 0.27))  # leaves the results three card columns at 1280 px
        self.resizeDocks([self.docks["model"], self.docks["hardware"]], [side, side], Qt.Orientation.Horizontal)

    def _remember_default_layout(self) -> None:
        self._default_state = self.saveState(LAYOUT_VERSION)

    def reset_layout(self) -> None:
        self.restoreState(self._default_state, LAYOUT_VERSION)
        self._arrange_docks()

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
