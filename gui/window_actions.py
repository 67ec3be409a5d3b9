"""The main window's commands: actions with shortcuts and icons, the menus and toolbar that offer
them, their translated texts, and the commands that open dialogs or hand over to a pane.

Every command has a keyboard shortcut; tooltips repeat it, so the toolbar teaches the keyboard.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QStyle, QWidget

if TYPE_CHECKING:
    from rigsizer.gui.project_model import ProjectModel

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def app_icon() -> QIcon:
    return QIcon(str(ICONS / "rigsizer.svg"))


class WindowActions(QMainWindow if TYPE_CHECKING else object):
    """The main window's part that owns its commands (mixed into `MainWindow`)."""

    project_model: ProjectModel
    panes: dict[str, QWidget]
    docks: dict[str, QDockWidget]
    actions: dict[str, QAction]

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
        for index, key in enumerate(self.panes):
            action = self.docks[key].toggleViewAction() if key in self.docks else None
            if action is None:
                action = self._action(f"show_{key}", self.panes[key].setFocus)
            action.setShortcut(QKeySequence(f"Alt+{index + 1}"))
            action.setObjectName(f"action_show_{key}")
            self.actions[f"show_{key}"] = action

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
        for key in self.panes:
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

    def _retranslate_actions(self) -> None:
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

    def _retranslate_menus(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.examples_menu.setTitle(self.tr("Open E&xample"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))

    def export_pdf(self) -> bool:
        """Hand over to the Quote pane (brought to the front), which owns the quote and its export."""
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
