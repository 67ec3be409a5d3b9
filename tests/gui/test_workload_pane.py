"""Workload pane: dataset presets, preprocessing preview, training and line fields, in-place errors."""

from __future__ import annotations

import pytest

from rigsizer.core.project import FIELDS
from rigsizer.gui.panes.workload_pane import (
    DATASET_FIELDS,
    INFERENCE_FIELDS,
    PREPROCESSING_FIELDS,
    TRAINING_FIELDS,
    WorkloadPane,
)


@pytest.fixture
def pane(qtbot, project_model):
    widget = WorkloadPane(project_model)
    qtbot.addWidget(widget)
    widget.resize(560, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_every_field_has_a_tooltip_with_its_meaning_and_range(pane):
    for path in DATASET_FIELDS + PREPROCESSING_FIELDS + TRAINING_FIELDS + INFERENCE_FIELDS:
        info = FIELDS[path]
        tip = pane.editor(path).input.toolTip()
        assert info.help in tip, path
        if info.kind in ("int", "float"):
            assert "Allowed:" in tip, path
        if info.kind == "choice":
            assert "one of" in tip, path


def test_valid_edit_changes_the_project_and_is_undoable(pane, project_model):
    pane.editor("training.epochs").enter_text("120")
    assert project_model.project().training.epochs == 120
    assert not pane.editor("training.epochs").has_error()
    project_model.undo_stack.undo()
    assert project_model.project().training.epochs == 50
    assert pane.editor("training.epochs").text() == "50"


def test_out_of_range_value_is_marked_in_place_with_the_core_message(pane, project_model):
    editor = pane.editor("training.batch")
    editor.enter_text("0")
    assert editor.has_error()
    assert editor.error_text() == "0 is out of range (allowed: 1 to 65536)"
    assert editor.error_label.isVisible()
    assert "d32f2f" in editor.input.styleSheet()
    assert project_model.project().training.batch == 32  # nothing changed
    editor.enter_text("64")
    assert not editor.has_error() and not editor.error_label.isVisible()
    assert project_model.project().training.batch == 64


def test_text_that_is_not_a_number_is_marked_and_not_sent(pane, project_model):
    editor = pane.editor("dataset.images")
    editor.enter_text("lots")
    assert "is not a number" in editor.error_text()
    assert project_model.project().dataset.images == 1000


def test_overlap_not_smaller_than_the_tile_is_marked_under_the_overlap(pane, project_model):
    assert project_model.set_value("preprocessing.mode", "tile")
    editor = pane.editor("preprocessing.tile_overlap")
    assert editor.isVisible()
    editor.enter_text("512")
    assert editor.error_text() == "512 px is not smaller than the tile (allowed: 0 to 511 px)"
    assert not pane.editor("preprocessing.tile_size").has_error()  # only the field at fault


def test_tiling_preview_draws_the_core_tile_grid(pane, project_model, screenshot):
    assert project_model.set_value("preprocessing.mode", "tile")
    assert pane.tile_preview.grid() == (6, 4)  # 2592 x 1944 px in 512 px tiles
    assert pane.tile_preview.caption().startswith("24 tiles per image (6 × 4)")
    assert project_model.project().tiles_per_image == 24
    assert not pane.editor("model.input_width").isVisible()
    pane.editor("preprocessing.tile_overlap").enter_text("64")
    columns, rows = pane.tile_preview.grid()
    assert columns * rows == project_model.project().tiles_per_image
    screenshot(pane, "workload_pane_tiling")


def test_resize_mode_hides_tile_fields_and_shows_the_resize(pane, project_model):
    assert project_model.project().preprocessing.mode == "resize"
    assert not pane.editor("preprocessing.tile_size").isVisible()
    assert pane.editor("model.input_width").isVisible()
    assert "resized to 224 × 224" in pane.tile_preview.caption()


def test_dataset_preset_fills_the_figures_from_the_catalog_in_one_undo_step(pane, project_model):
    index = next(i for i in range(pane.dataset_preset.count()) if pane.dataset_preset.itemText(i).startswith("KolektorSDD —"))
    before = project_model.project()
    pane.dataset_preset.setCurrentIndex(index)
    pane.dataset_preset.activated.emit(index)
    dataset = project_model.project().dataset
    assert dataset.preset == "KolektorSDD"
    assert dataset.images == 399 and dataset.channels == 1 and dataset.width == 500
    assert dataset.height == 1240  # the catalog gives 1240-1270 px: the lower end, not the old value
    assert dataset.file_format == "jpeg"
    assert abs(dataset.defect_ratio - 52 / 399) < 1e-9
    assert "Source:" in pane.dataset_source.text()
    project_model.undo_stack.undo()
    assert project_model.project() == before
    assert pane.dataset_preset.currentIndex() == 0


def test_line_fields_follow_how_the_line_rate_is_given(pane, project_model):
    assert pane.editor("inference.takt_time_s").isVisible()
    assert not pane.editor("inference.line_speed_m_per_s").isVisible()
    pane.editor("inference.takt_mode").enter_text("line-speed")
    assert project_model.project().inference.takt_mode == "line-speed"
    assert pane.editor("inference.line_speed_m_per_s").isVisible()
    assert pane.editor("inference.field_of_view_m").isVisible()
    assert not pane.editor("inference.takt_time_s").isVisible()


def test_line_summary_shows_the_required_rate_from_the_estimate(qtbot, pane, project_model):
    with qtbot.waitSignal(project_model.estimateChanged, timeout=20000):
        assert project_model.set_value("inference.takt_time_s", 0.05)
    qtbot.waitUntil(lambda: project_model.estimate() is not None and not project_model.is_busy(), timeout=20000)
    takt = project_model.estimate().inference.takt
    assert takt.required_rate.value == pytest.approx(20.0)
    assert pane.line_summary.isVisible()
    assert "Required: 20 images/s" in pane.line_summary.text()


def test_training_fields_are_disabled_for_an_inference_only_project(pane, project_model):
    pane.editor("task").enter_text("infer")
    assert project_model.project().task == "infer"
    assert not pane.editor("training.batch").isEnabled()
    assert pane.editor("inference.batch").isEnabled()


def test_workload_pane_screenshot_at_docked_width(pane, screenshot):
    pane.resize(430, 800)
    path = screenshot(pane, "workload_pane")
    assert path.stat().st_size > 10_000


def test_switching_to_chinese_rebuilds_the_pane_and_keeps_it_working(qtbot, qapp, pane, project_model, screenshot):
    from PySide6.QtCore import QCoreApplication

    from rigsizer.gui import i18n

    assert project_model.set_value("training.epochs", 77)
    i18n.controller(qapp).apply("zh_CN")
    qtbot.waitUntil(lambda: pane.builds == 2, timeout=5000)
    assert pane.sections.findChild(type(pane.editor("training.epochs"))) is not None
    box_titles = [box.title() for box in pane.sections.findChildren(__import__("PySide6.QtWidgets").QtWidgets.QGroupBox)]
    assert QCoreApplication.translate("WorkloadPane", "Training") in box_titles
    assert pane.editor("training.epochs").text() == "77"
    pane.editor("training.batch").enter_text("0")
    assert pane.editor("training.batch").has_error()  # the rebuilt editors still validate in place
    pane.editor("training.batch").enter_text("16")
    assert project_model.project().training.batch == 16
    screenshot(pane, "workload_pane_zh")
