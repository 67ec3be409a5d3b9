"""The Project document: defaults, validation with field names, versions, unknown keys, atomic saves."""

from __future__ import annotations

import json

import pytest

from rigsizer.core.errors import ValidationError
from rigsizer.core.project import FIELDS, SCHEMA_VERSION, Project, load_project, save_project, tiles_per_image


def test_default_round_trips_through_json(tmp_path):
    project = Project.default()
    path = save_project(project, tmp_path / "p.rigsizer.json")
    assert load_project(path) == project
    assert json.loads(path.read_text())["schema_version"] == SCHEMA_VERSION


def test_with_value_validates_and_names_the_field():
    project = Project.default().with_value("training.batch", 64)
    assert project.get_value("training.batch") == 64
    with pytest.raises(ValidationError) as error:
        project.with_value("training.batch", 0)
    assert error.value.field == "training.batch" and "1 to 65536" in error.value.allowed


def test_bad_choice_lists_the_allowed_values():
    with pytest.raises(ValidationError) as error:
        Project.default().with_value("training.precision", "fp64")
    assert "fp16" in error.value.allowed


def test_unknown_keys_are_reported_not_dropped_silently():
    project = Project.from_dict({"training": {"batch": 8, "learning_rate": 0.1}, "colour": "red"})
    assert "unknown key 'training.learning_rate' ignored" in project.warnings
    assert "unknown key 'colour' ignored" in project.warnings


def test_newer_schema_is_refused_with_a_clear_message():
    with pytest.raises(ValidationError) as error:
        Project.from_dict({"schema_version": SCHEMA_VERSION + 1})
    assert "newer Rigsizer" in str(error.value)


def test_tiles_per_image_counts_overlapping_tiles():
    assert tiles_per_image(1024, 1024, 512, 0) == 4
    assert tiles_per_image(500, 1250, 256, 32) == 18
    project = Project.default().with_values({"preprocessing.mode": "tile", "preprocessing.tile_size": 256})
    assert project.network_input == (3, 256, 256)


def test_overlap_must_be_smaller_than_tile():
    with pytest.raises(ValidationError) as error:
        Project.default().with_values({"preprocessing.tile_size": 64, "preprocessing.tile_overlap": 64})
    assert error.value.field == "preprocessing.tile_overlap"


def test_candidate_count_is_range_checked():
    with pytest.raises(ValidationError) as error:
        Project.default().with_value("hardware.candidates", [{"device": "RTX 4090", "count": 9}])
    assert error.value.field == "hardware.candidates[0].count"


def test_every_field_has_a_label_and_default_that_validates():
    for path, info in FIELDS.items():
        assert info.label and info.help is not None
        assert info.validate(info.default) == info.default, path


def test_save_is_atomic_and_leaves_no_temporary_files(tmp_path):
    target = tmp_path / "a.rigsizer.json"
    save_project(Project.default(), target)
    save_project(Project.default().with_value("name", "second"), target)
    assert [p.name for p in tmp_path.iterdir()] == ["a.rigsizer.json"]
    assert load_project(target).name == "second"


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
@pytest.mark.parametrize("path", ["training.batch", "dataset.images", "dataset.defect_ratio"])
def test_non_finite_numbers_are_refused_naming_the_field(path, value):
    with pytest.raises(ValidationError) as caught:
        Project.default().with_values({path: value})
    assert caught.value.field == path and "finite" in caught.value.reason


def test_a_file_with_nan_fails_with_a_message_not_a_traceback(tmp_path):
    path = tmp_path / "nan.rigsizer.json"
    path.write_text(f'{{"version": {SCHEMA_VERSION}, "training": {{"batch": NaN}}}}')
    with pytest.raises(ValidationError) as caught:
        load_project(path)
    assert caught.value.field == "training.batch"
