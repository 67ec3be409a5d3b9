"""The main window: panes together, files, undo/redo, shortcuts, layout persistence."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMessageBox

from rigsizer.core.project import Project, load_project
from rigsizer.gui import settings
from rigsizer.gui.main_window import MainWindow, PanePlaceholder


def _close(window: MainWindow) -> None:
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    window.close()


def test_window_opens_with_all_six_panes_visible_together(main_window, screenshot):
    assert set(main_window.panes) == {"workstation", "model", "workload", "hardware", "results", "quote"}
    for key, dock in main_window.docks.items():
        assert isinstance(dock, QDockWidget)
        assert not dock.isFloating(), key
        assert dock.widget().widget() is main_window.panes[key]  # inside a scroll area
    visible = [key for key, pane in main_window.panes.items() if pane.isVisible()]
    assert set(visible) >= {"workstation", "model", "workload", "results", "quote"}
    # Hardware shares a tab with Workstation (this machine is what a new user sees first).
    assert main_window.tabifiedDockWidgets(main_window.docks["workstation"]) == [main_window.docks["hardware"]]
    assert main_window.minimumSizeHint().height() < 760, "the window must fit a 768-pixel-high screen"
    assert main_window.docks["model"].windowTitle() == "Model"
    assert main_window.windowTitle().endswith("— Rigsizer")
    screenshot(main_window, "main_window")


def test_a_pane_that_cannot_be_imported_becomes_a_placeholder_that_says_why(new_window, monkeypatch):
    from rigsizer.gui import main_window as module

    panes = tuple(
        (key, "rigsizer.gui.panes.no_such_pane" if key == "quote" else mod, cls, title)
        for key, mod, cls, title in module.PANES
    )
    monkeypatch.setattr(module, "PANES", panes)
    window = new_window(check_recovery=False)
    placeholder = window.panes["quote"]
    assert isinstance(placeholder, PanePlaceholder)
    assert "not been built yet" in placeholder.text()
    assert window.export_pdf() is False
    assert "Quote pane is not available" in window.last_error


def test_new_open_save_as_round_trip(main_window, tmp_path):
    model = main_window.project_model
    assert model.set_value("dataset.images", 4321)
    assert main_window.isWindowModified()
    target = tmp_path / "line-7"
    assert main_window.save_as(target)
    saved = tmp_path / "line-7.rigsizer.json"
    assert saved.exists() and model.file_path == saved
    assert not main_window.isWindowModified()
    assert main_window.windowTitle().startswith("line-7")
    assert load_project(saved).dataset.images == 4321

    assert main_window.new_project()
    assert model.project() == Project.default() and model.file_path is None

    assert main_window.open_file(saved)
    assert model.project().dataset.images == 4321
    assert model.file_path == saved
    assert settings.recent_files()[0] == saved.resolve()

    assert model.set_value("training.epochs", 3)
    assert main_window.save()  # to the same file, no dialog
    assert load_project(saved).training.epochs == 3


def test_undo_and_redo_actions_follow_the_project_model(main_window):
    model = main_window.project_model
    undo, redo = main_window.actions["undo"], main_window.actions["redo"]
    assert not undo.isEnabled()
    model.set_value("training.epochs", 11)
    model.set_value("inference.batch", 4)
    assert undo.isEnabled()
    undo.trigger()
    assert model.project().inference.batch == Project.default().inference.batch
    assert model.project().training.epochs == 11
    undo.trigger()
    assert model.project() == Project.default()
    assert not main_window.isWindowModified()
    redo.trigger()
    redo.trigger()
    assert model.project().inference.batch == 4


def test_opening_a_broken_file_shows_what_is_wrong_and_changes_nothing(main_window, tmp_path, qtbot):
    model = main_window.project_model
    model.set_value("training.epochs", 9)
    before, steps, title = model.project(), model.undo_stack.count(), main_window.windowTitle()
    broken = tmp_path / "broken.rigsizer.json"
    document = Project.default().to_dict()
    document["preprocessing"]["tile_overlap"] = 600
    document["preprocessing"]["tile_size"] = 512
    broken.write_text(json.dumps(document), encoding="utf-8")
    main_window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard

    assert main_window.open_file(broken) is False
    assert "preprocessing.tile_overlap" in main_window.last_error
    assert "0 to 511" in main_window.last_error
    box = main_window._message_box
    assert box is not None and box.isVisible() and "tile_overlap" in box.text()
    assert model.project() is before
    assert model.undo_stack.count() == steps
    assert model.file_path is None
    assert main_window.windowTitle() == title
    box.close()


def test_cancelling_the_unsaved_changes_question_keeps_the_project(main_window):
    model = main_window.project_model
    model.set_value("training.epochs", 21)
    main_window.ask_unsaved = lambda: QMessageBox.StandardButton.Cancel
    assert main_window.new_project() is False
    assert model.project().training.epochs == 21
    main_window.close()
    assert main_window.isVisible()  # closing was refused too
    main_window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard


def test_every_command_has_a_keyboard_shortcut(main_window):
    for key in ("new", "open", "save", "save_as", "export_pdf", "undo", "redo", "preferences", "about", "quit"):
        assert not main_window.actions[key].shortcut().isEmpty(), key
    for key in ("workstation", "model", "workload", "hardware", "results", "quote"):
        assert not main_window.actions[f"show_{key}"].shortcut().isEmpty(), key
    shortcuts = [a.shortcut().toString() for a in main_window.actions.values() if not a.shortcut().isEmpty()]
    assert len(shortcuts) == len(set(shortcuts)), "two commands share a shortcut"


def test_window_geometry_and_dock_layout_persist(new_window):
    first = new_window(check_recovery=False)
    first.show()
    first.resize(720, 560)
    expected = first.size()
    assert expected.width() == 720  # differs from the default 1500 x 940
    first.docks["quote"].hide()
    first.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, first.docks["workload"])
    _close(first)
    second = new_window(check_recovery=False)
    second.show()
    assert second.size() == expected
    assert second.docks["quote"].isHidden()
    assert second.dockWidgetArea(second.docks["workload"]) == Qt.DockWidgetArea.BottomDockWidgetArea
    second.reset_layout()
    assert not second.docks["quote"].isHidden()
    assert second.dockWidgetArea(second.docks["workload"]) == Qt.DockWidgetArea.LeftDockWidgetArea


def test_examples_open_as_unsaved_projects(main_window):
    main_window._fill_examples_menu()
    titles = [action.text() for action in main_window.examples_menu.actions()]
    assert any("Fabric defect detection" in title for title in titles)
    assert main_window.open_example("fabric-seed")
    assert main_window.project_model.file_path is None
    assert main_window.project_model.project().name.startswith("Fabric defect detection")


def test_about_dialog_lists_qt_numpy_and_nvml_versions(main_window, screenshot):
    main_window.open_about()
    dialog = main_window.about_dialog
    names = dict(dialog.versions)
    assert {"Qt", "PySide6", "numpy", "pyqtgraph", "NVIDIA driver (NVML)"} <= set(names)
    assert names["NVIDIA driver (NVML)"]  # a version, or why there is none
    assert "numpy" in dialog.label.text()
    screenshot(dialog, "about_dialog")
    dialog.close()


def test_start_up_shows_the_window_first_and_builds_the_panes_right_after(new_window, qtbot):
    window = new_window(check_recovery=False, defer_panes=True)
    assert all(isinstance(pane, PanePlaceholder) for pane in window.panes.values())
    assert "Loading" in window.panes["model"].text()
    with qtbot.waitSignal(window.panesReady, timeout=30000):
        window.show()
    assert window.panes_ready()
    assert not any(isinstance(pane, PanePlaceholder) for pane in window.panes.values())
    assert window.docks["model"].widget().widget() is window.panes["model"]


def test_export_pdf_quote_action_delegates_to_the_quote_pane(main_window, qtbot, tmp_path, monkeypatch):
    from rigsizer.gui.panes import quote_pane

    target = tmp_path / "quote.pdf"
    monkeypatch.setattr(quote_pane.QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kw: (str(target), "")))
    model = main_window.project_model
    qtbot.waitUntil(lambda: model.estimate() is not None, timeout=30000)
    pane = main_window.panes["quote"]
    with qtbot.waitSignal(pane.exported, timeout=60000):
        main_window.actions["export_pdf"].trigger()
    assert target.exists() and target.read_bytes().startswith(b"%PDF")


def test_without_a_display_the_app_explains_how_to_run_offscreen(tmp_path):
    import os
    import subprocess
    import sys

    env = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "rigsizer.gui.app"], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 1
    assert "QT_QPA_PLATFORM=offscreen" in result.stderr
    assert "Traceback" not in result.stderr
