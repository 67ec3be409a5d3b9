"""GUI test setup: offscreen Qt, isolated settings and data dirs, screenshots under artifacts/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ARTIFACTS = Path(os.environ.get("RIGSIZER_ARTIFACTS", Path(__file__).resolve().parents[2] / "artifacts")) / "screenshots"


@pytest.fixture(scope="session")
def qapp_args():
    return ["rigsizer-tests"]


@pytest.fixture(autouse=True)
def english_light_ui(qapp):
    """Every test starts in English with the light theme, whatever the previous one switched to."""
    from rigsizer.gui import app as app_module
    from rigsizer.gui import i18n, theme

    app_module._load_bundled_fonts()
    i18n.controller(qapp).apply("en")
    theme.controller(qapp).apply("light")
    yield
    i18n.controller(qapp).apply("en")
    theme.controller(qapp).apply("light")


@pytest.fixture
def screenshot():
    """Save `widget.grab()` as artifacts/screenshots/<name>.png and return the path."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def save(widget, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        assert widget.grab().save(str(path)), f"could not write {path}"
        return path

    return save


@pytest.fixture
def project_model(qtbot):
    from rigsizer.gui.project_model import ProjectModel

    model = ProjectModel()
    yield model
    model.shutdown()
    from rigsizer.gui.worker import wait_idle

    wait_idle(10)


def add_window(qtbot, window):
    """Register a main window with qtbot so that closing it at teardown never asks a question."""
    from PySide6.QtWidgets import QMessageBox

    def discard_changes(widget):
        widget.ask_unsaved = lambda: QMessageBox.StandardButton.Discard

    qtbot.addWidget(window, before_close_func=discard_changes)
    return window


@pytest.fixture
def new_window(qtbot):
    """Build more main windows in one test: new_window(check_recovery=False)."""
    from rigsizer.gui.main_window import MainWindow

    made = []

    def make(**kwargs):
        window = add_window(qtbot, MainWindow(**kwargs))
        made.append(window)
        return window

    yield make
    for window in made:
        window.shutdown()


@pytest.fixture
def main_window(qtbot):
    """The real main window with every pane, shown offscreen; closed cleanly afterwards."""
    from rigsizer.gui.main_window import MainWindow

    window = MainWindow()
    add_window(qtbot, window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.shutdown()
    from rigsizer.gui.worker import wait_idle

    wait_idle(10)
