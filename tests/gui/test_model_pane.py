"""Model pane: zoo search and pick, family/Transformer parameters, custom layers, per-layer statistics."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from rigsizer.gui.panes.model_pane import ModelPane
from rigsizer.gui.widgets.layer_stats_model import LayerStatsModel


def settled(qtbot, model) -> None:
    """Wait until the debounced estimate for the current project has arrived (or failed)."""
    qtbot.wait(150)
    qtbot.waitUntil(lambda: not model.is_busy() and not model._timer.isActive(), timeout=30000)


@pytest.fixture
def pane(qtbot, project_model):
    widget = ModelPane(project_model)
    qtbot.addWidget(widget)
    widget.resize(1100, 900)
    widget.show()
    qtbot.waitExposed(widget)
    project_model.request_estimate()  # the main window does this at start
    settled(qtbot, project_model)
    return widget


def test_preset_search_matches_family_and_input_size(pane):
    pane.preset_search.set_search("efficientnet 300")
    assert pane.visible_presets() == ["efficientnet_b3"]
    pane.preset_search.set_search("swin")
    assert set(pane.visible_presets()) == {"swin_tiny_patch4_window7_224", "swin_small_patch4_window7_224",
                                           "swin_base_patch4_window7_224"}
    pane.preset_search.set_search("299")
    assert "inception_v3" in pane.visible_presets() and "resnet50" not in pane.visible_presets()
    pane.preset_search.set_search("")
    assert len(pane.visible_presets()) == pane.presets.rowCount()


def test_picking_resnet50_shows_its_reference_counts_per_layer_and_in_total(qtbot, pane, project_model, screenshot):
    pane.default_input.setChecked(True)
    pane.use_preset("resnet18")
    settled(qtbot, project_model)
    pane.use_preset("resnet50")
    settled(qtbot, project_model)
    assert project_model.project().model.name == "resnet50"
    report = project_model.estimate().model
    assert report.params == 25_557_032 and report.macs == 4_089_184_256
    assert pane.stats_model.rowCount() == len(report.layers)
    assert "25,557,032 params" in pane.totals_text()
    assert "4.09 G MACs" in pane.totals_text()
    # the table shows the report's numbers for each layer
    first = report.layers[0]
    assert pane.stats_model.index(0, 0).data() == first.name
    assert pane.stats_model.index(0, 2).data() == " × ".join(str(s) for s in first.output_shape)
    assert pane.stats_model.index(0, 3).data() == f"{first.params:,}"
    screenshot(pane, "model_pane_resnet50")


def test_statistics_sort_by_params_with_the_largest_layer_first(qtbot, pane, project_model):
    pane.use_preset("resnet50")
    settled(qtbot, project_model)
    pane.stats_view.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    top = pane.stats_proxy.index(0, 0).data()
    report = project_model.estimate().model
    assert top == max(report.layers, key=lambda layer: layer.params).name == "layer4.0.conv2"
    values = [pane.stats_proxy.index(r, 3).data(LayerStatsModel.SORT_ROLE) for r in range(10)]
    assert values == sorted(values, reverse=True)


def test_bar_chart_shows_the_top_layers_or_the_stages(qtbot, pane, project_model):
    pane.use_preset("resnet50")
    settled(qtbot, project_model)
    pane.top_n.setValue(5)
    assert len(pane.bars.labels) == 5
    assert "layer4.0.conv2" in pane.bars.labels  # the largest layer: 9 % of the parameters
    pane.by_stage.setChecked(True)
    assert {"layer1", "layer2", "layer3", "layer4"} <= set(pane.bars.labels)


def test_transformer_form_edits_the_vit_builder_and_the_counts_follow(qtbot, pane, project_model):
    pane.use_preset("vit_base_patch16_224")
    settled(qtbot, project_model)
    assert pane.family_box.title() == "Transformer"
    assert project_model.estimate().model.params == 86_567_656
    depth = pane.param_fields["depth"]
    depth.enter_text("6")
    settled(qtbot, project_model)
    assert project_model.project().model.params_dict == {"depth": 6}
    report = project_model.estimate().model
    assert report.params < 86_567_656 / 1.8  # half the encoder blocks
    assert f"{report.params:,} params" in pane.totals_text()


def test_heads_that_do_not_divide_the_width_are_marked_under_the_field(qtbot, pane, project_model):
    pane.use_preset("vit_base_patch16_224")
    settled(qtbot, project_model)
    pane.param_fields["heads"].enter_text("7")
    settled(qtbot, project_model)
    assert project_model.estimate() is None
    field = pane.param_fields["heads"]
    assert field.has_error()
    assert "num_heads=7 does not divide embed_dim=768" in field.error_text()
    assert "No statistics" in pane.totals_text()
    assert not pane.stats_view.isEnabled()


def test_custom_layers_propagate_shapes_and_mark_the_bad_layer_in_place(qtbot, pane, project_model, screenshot):
    pane.start_custom()
    settled(qtbot, project_model)
    editor = pane.layer_editor
    assert pane.layers_box.isVisible() and not pane.family_box.isVisible()
    assert editor.table_text(0, 2) == "32 × 112 × 112"
    assert editor.table_text(3, 2) == "64 × 56 × 56"
    assert editor.table_text(8, 2) == "10"
    assert project_model.estimate().model.params == 896 + 64 + 18_496 + 128 + 650
    editor.table.selectRow(3)
    editor.param_fields["kernel_size"].enter_text("500")
    settled(qtbot, project_model)
    assert editor.bad_row == 3
    assert editor.table_text(3, 3) == "500 is out of range (allowed: whole numbers 1 to 63)"
    assert editor.table_text(2, 2) == "32 × 112 × 112"  # rows before the bad one keep their shapes
    assert editor.param_fields["kernel_size"].error_text().startswith("500 is out of range")
    screenshot(pane, "model_pane_custom_error")
    project_model.undo_stack.undo()
    settled(qtbot, project_model)
    assert editor.bad_row == -1 and project_model.estimate() is not None


def test_layers_can_be_added_moved_and_removed(qtbot, pane, project_model):
    pane.start_custom()
    editor = pane.layer_editor
    count = len(project_model.project().model.layers)
    editor.table.selectRow(0)
    editor.kind_choice.setCurrentText("Dropout")
    editor.add_button.click()
    layers = project_model.project().get_value("model.layers")
    assert len(layers) == count + 1 and layers[1]["kind"] == "Dropout"
    editor.table.selectRow(1)
    editor.down_button.click()
    assert project_model.project().get_value("model.layers")[2]["kind"] == "Dropout"
    editor.table.selectRow(2)
    editor.remove_button.click()
    assert [layer["kind"] for layer in project_model.project().get_value("model.layers")][:3] == [
        "Conv2d", "BatchNorm2d", "ReLU"]


def test_input_fields_have_tooltips_and_reject_bad_values_in_place(pane, project_model):
    channels = pane.editors["model.input_channels"]
    assert "1 for grayscale cameras" in channels.input.toolTip()
    channels.enter_text("0")
    assert channels.error_text() == "0 is out of range (allowed: 1 to 64)"
    assert project_model.project().model.input_channels == 3


def test_model_pane_at_docked_size(qtbot, pane, project_model, screenshot):
    pane.use_preset("resnet50")
    settled(qtbot, project_model)
    pane.resize(430, 700)
    qtbot.wait(50)
    screenshot(pane, "model_pane_docked")


def test_statistics_tab_at_docked_size_keeps_every_bar_label_readable(qtbot, pane, project_model, screenshot):
    pane.use_preset("resnet50")
    settled(qtbot, project_model)
    pane.resize(430, 700)
    pane.tabs.setCurrentIndex(1)
    pane.top_n.setValue(12)
    qtbot.wait(50)
    assert pane.bars.height() >= 90 + 24 * 12
    screenshot(pane, "model_pane_statistics_docked")


def test_a_language_switch_rebuilds_the_pane_and_keeps_the_view(qtbot, qapp, pane, project_model):
    from rigsizer.gui import i18n

    pane.tabs.setCurrentIndex(1)
    pane.top_n.setValue(7)
    i18n.controller(qapp).apply("zh_CN")
    qtbot.waitUntil(lambda: pane.builds == 2, timeout=5000)
    assert pane.tabs.currentIndex() == 1 and pane.top_n.value() == 7
    assert pane.stats_model.rowCount() == len(project_model.estimate().model.layers)
    assert len(pane.bars.labels) == 7


def test_sequence_transformer_form_reads_d_model_heads_layers_d_ff_and_vocabulary(qtbot, pane, project_model,
                                                                                  screenshot):
    pane.use_preset("transformer_seed_example")
    assert project_model.set_value("model.num_classes", 10_000)
    settled(qtbot, project_model)
    assert pane.family_box.title() == "Transformer"
    labels = [pane.family_form.itemAt(row, pane.family_form.ItemRole.LabelRole).widget().text()
              for row in range(pane.family_form.rowCount())]
    assert labels[:5] == ["d_model", "Heads", "Encoder layers", "Decoder layers", "d_ff"]
    assert pane.input_form.labelForField(pane.editors["model.num_classes"]).text() == "Vocabulary"
    assert pane.input_form.labelForField(pane.editors["model.input_height"]).text() == "Source length"
    assert project_model.estimate().model.params == 873_728  # domain.md: the seed's Transformer, correctly counted
    pane.param_fields["d_model"].enter_text("128")
    settled(qtbot, project_model)
    assert project_model.project().model.params_dict == {"d_model": 128}
    assert project_model.estimate().model.params > 873_728
    screenshot(pane, "model_pane_transformer")
    pane.use_preset("resnet50")
    assert pane.input_form.labelForField(pane.editors["model.num_classes"]).text() == "Classes"
