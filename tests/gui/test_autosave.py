"""Autosave and recovery after a crash: a killed process leaves its autosave, the next start offers it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap

from rigsizer.core.project import Project
from rigsizer.gui import settings
from rigsizer.gui.autosave import AUTOSAVE_FORMAT, Autosaver, find_recoverable

CRASHING_EDITOR = textwrap.dedent(
    """
    import os, signal
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from rigsizer.gui.project_model import ProjectModel
    from rigsizer.gui.autosave import Autosaver
    model = ProjectModel()
    saver = Autosaver(model)
    model.set_value("dataset.images", 777)
    model.set_value("training.epochs", 13)
    assert saver.save_now() is not None
    print(saver.path, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # no clean exit: the autosave stays behind
    """
)


def _crash_while_editing() -> str:
    result = subprocess.run([sys.executable, "-c", CRASHING_EDITOR], capture_output=True, text=True, env=os.environ.copy())
    assert result.returncode == -signal.SIGKILL, result.stderr
    path = result.stdout.strip()
    assert os.path.exists(path), "the killed process should have left its autosave"
    return path


def test_autosave_is_written_after_a_pause_and_removed_when_saved(project_model, qtbot, tmp_path):
    saver = Autosaver(project_model, interval_s=60)
    saver.set_pause_ms(50)
    project_model.set_value("training.epochs", 12)
    qtbot.waitUntil(saver.path.exists, timeout=3000)
    record = json.loads(saver.path.read_text(encoding="utf-8"))
    assert record["format"] == AUTOSAVE_FORMAT and record["pid"] == os.getpid()
    assert Project.from_dict(record["project"]).training.epochs == 12
    assert saver.path.parent == settings.autosave_dir()
    assert not list(saver.path.parent.glob("*.tmp")), "writes go through a temp file and a rename"
    project_model.save(tmp_path / "p.rigsizer.json")
    assert not saver.path.exists(), "a saved project has nothing to recover"
    saver.stop()


def test_autosave_runs_every_interval_while_there_are_unsaved_changes(project_model, qtbot):
    saver = Autosaver(project_model, interval_s=1)
    saver.set_pause_ms(60_000)  # only the periodic timer can write
    project_model.set_value("inference.batch", 8)
    qtbot.waitUntil(saver.path.exists, timeout=3000)
    saver.stop()
    saver.remove()


def test_an_unmodified_project_is_not_autosaved(project_model):
    saver = Autosaver(project_model)
    assert saver.save_now() is None and not saver.path.exists()
    saver.stop()


def test_autosave_of_a_running_instance_is_not_offered(project_model):
    saver = Autosaver(project_model)
    project_model.set_value("training.epochs", 2)
    assert saver.save_now() is not None
    assert find_recoverable() == []
    saver.stop()
    saver.remove()


def test_after_a_crash_the_next_start_offers_recovery_and_restores_the_edits(new_window, screenshot):
    path = _crash_while_editing()
    window = new_window()
    banner = window.recovery_banner
    assert banner.is_offering() and not window.recovery_bar.isHidden()
    assert "did not exit cleanly" in banner.message.text()
    window.resize(1100, 700)
    window.show()
    screenshot(window, "recovery_banner")
    banner.recover_button.click()
    project = window.project_model.project()
    assert project.dataset.images == 777 and project.training.epochs == 13
    assert window.project_model.is_modified(), "recovered changes are unsaved until the user saves"
    assert not banner.is_offering() and window.recovery_bar.isHidden()
    assert not os.path.exists(path)
    window.project_model.undo_stack.undo()
    assert window.project_model.project() == Project.default()


def test_discarding_the_offer_deletes_the_autosave(new_window):
    path = _crash_while_editing()
    window = new_window()
    window.recovery_banner.discard_button.click()
    assert window.recovery_bar.isHidden()
    assert not os.path.exists(path)
    assert window.project_model.project() == Project.default()
    assert not new_window().recovery_banner.is_offering(), "nothing is offered twice"


def test_a_clean_exit_leaves_nothing_to_recover(new_window):
    window = new_window(check_recovery=False)
    window.project_model.set_value("training.epochs", 5)
    assert window.autosaver.save_now() is not None
    window.shutdown()
    assert find_recoverable() == []
