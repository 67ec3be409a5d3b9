"""ProjectModel: validated, undoable edits; whole-project replacement; files."""

from __future__ import annotations

import json

import pytest

from rigsizer.core.project import Project, load_project
from rigsizer.gui.project_model import ProjectFileError, ProjectModel


def test_valid_edit_changes_project_and_is_undoable(project_model, qtbot):
    before = project_model.project()
    with qtbot.waitSignal(project_model.projectChanged) as changed:
        assert project_model.set_value("training.batch", 64) is True
    assert changed.args[0].training.batch == 64
    assert project_model.get_value("training.batch") == 64
    assert project_model.is_modified()
    project_model.undo_stack.undo()
    assert project_model.project() == before
    assert not project_model.is_modified()
    project_model.undo_stack.redo()
    assert project_model.project().training.batch == 64


def test_invalid_edit_reports_field_and_range_and_changes_nothing(project_model, qtbot):
    before = project_model.project()
    with qtbot.waitSignal(project_model.validationFailed) as failed:
        assert project_model.set_value("training.batch", 0) is False
    field, message = failed.args
    assert field == "training.batch"
    assert "1 to 65536" in message
    assert project_model.project() is before
    assert project_model.undo_stack.count() == 0


def test_rapid_edits_of_one_field_merge_into_one_undo_step(project_model):
    original = project_model.project().training.batch
    for batch in (40, 48, 56, 64):
        project_model.set_value("training.batch", batch)
    assert project_model.undo_stack.count() == 1
    project_model.undo_stack.undo()
    assert project_model.project().training.batch == original


def test_edits_of_different_fields_stay_separate_undo_steps(project_model):
    project_model.set_value("training.batch", 64)
    project_model.set_value("training.epochs", 10)
    assert project_model.undo_stack.count() == 2
    project_model.undo_stack.undo()
    assert project_model.project().training.epochs != 10
    assert project_model.project().training.batch == 64


def test_editing_back_to_the_original_value_leaves_nothing_to_undo(project_model):
    original = project_model.project().training.epochs
    project_model.set_value("training.epochs", original + 5)
    project_model.set_value("training.epochs", original)
    assert project_model.undo_stack.count() == 0
    assert not project_model.is_modified()


def test_set_project_replaces_everything_as_one_undo_step(project_model):
    from rigsizer.core.examples import list_examples, load_example

    name = list_examples()[0][0]
    example = load_example(name)
    project_model.set_project(example, "Load example")
    assert project_model.project() == example
    assert project_model.undo_stack.count() == 1
    assert project_model.undo_stack.undoText() == "Load example"
    project_model.undo_stack.undo()
    assert project_model.project() == Project.default()


def test_save_is_atomic_and_round_trips(project_model, tmp_path):
    project_model.set_value("dataset.images", 12345)
    target = tmp_path / "line.rigsizer.json"
    written = project_model.save(target)
    assert written == target and project_model.file_path == target
    assert not project_model.is_modified()
    assert load_project(target).dataset.images == 12345
    assert [p.name for p in tmp_path.iterdir()] == ["line.rigsizer.json"]  # no temp file left behind
    fresh = ProjectModel()
    fresh.load(target)
    assert fresh.project() == project_model.project()
    assert fresh.undo_stack.count() == 0


@pytest.mark.parametrize(
    "content, expected",
    [
        ("{ not json", "not valid JSON"),
        (json.dumps({"training": {"batch": -3}}), "training.batch"),
        (json.dumps({"format": "rigsizer-project", "schema_version": 99}), "newer Rigsizer"),
    ],
)
def test_loading_a_broken_file_raises_a_readable_error_and_changes_nothing(project_model, tmp_path, content, expected):
    project_model.set_value("training.epochs", 7)
    before = project_model.project()
    steps = project_model.undo_stack.count()
    broken = tmp_path / "broken.rigsizer.json"
    broken.write_text(content, encoding="utf-8")
    with pytest.raises(ProjectFileError) as error:
        project_model.load(broken)
    assert expected in str(error.value)
    assert project_model.project() is before
    assert project_model.file_path is None
    assert project_model.undo_stack.count() == steps


def test_missing_file_is_a_project_file_error(project_model, tmp_path):
    with pytest.raises(ProjectFileError, match="nothing.rigsizer.json"):
        project_model.load(tmp_path / "nothing.rigsizer.json")
