"""Results pane: headline cards, live charts and the Explain view, all from the real Estimate."""

from __future__ import annotations

import numpy as np
import pytest

from rigsizer.core.examples import load_example
from rigsizer.gui.panes.results_pane import ResultsPane
from rigsizer.gui.widgets.numbers import format_bytes, format_duration


def settled(qtbot, model) -> None:
    qtbot.wait(150)
    qtbot.waitUntil(lambda: not model.is_busy() and not model._timer.isActive(), timeout=30000)


@pytest.fixture
def pane(qtbot, project_model):
    widget = ResultsPane(project_model)
    qtbot.addWidget(widget)
    widget.resize(1300, 900)
    widget.show()
    qtbot.waitExposed(widget)
    project_model.request_estimate()
    settled(qtbot, project_model)
    qtbot.waitUntil(lambda: bool(widget.configurations), timeout=30000)
    return widget


def test_cards_show_the_estimate_figures_with_their_bands(pane, project_model):
    estimate = project_model.estimate()
    training = estimate.training
    epoch = pane.cards["epoch"]
    assert epoch.value_text() == format_duration(training.epoch_time.value)
    assert epoch.detail_label.text() == f"{format_duration(training.epoch_time.low)} – {format_duration(training.epoch_time.high)}"
    assert pane.cards["total"].value_text() == format_duration(training.total_time.value)
    assert pane.cards["memory"].value_text() == format_bytes(estimate.memory.total.value)
    assert "fits" in pane.cards["memory"].detail_label.text()
    assert pane.cards["latency"].value_text() == format_duration(estimate.inference.latency.value)
    assert pane.cards["takt"].value_text().startswith("+")
    assert pane.cards["takt"].property("status") == "good"
    assert pane.cards["bottleneck"].detail_label.text() == estimate.bottleneck_reason
    assert "GeForce RTX 4090" in pane.cards["throughput"].detail_label.text()


def test_price_card_shows_the_priced_system_for_the_estimated_device(pane):
    card = pane.cards["price"]
    assert card.value_text().endswith("USD")
    assert "1 × GeForce RTX 4090" in card.detail_label.text()
    assert "1 x GeForce RTX 4090: 1,599 USD" in card.toolTip()


def test_every_chart_draws_the_estimate_arrays(pane, project_model):
    estimate = project_model.estimate()
    roof = estimate.roofline
    drawable = np.isfinite(roof.intensity) & np.isfinite(roof.achieved_flops) & (roof.intensity > 0) & (
        roof.achieved_flops > 0)
    assert pane.roofline.point_count() == int(drawable.sum()) > 50
    assert pane.roofline.empty_reason() == ""
    x, y = pane.scaling.series()
    assert list(x) == list(estimate.scaling.gpus)
    assert pane.memory_chart.capacity.isVisible()
    assert pane.memory_chart.capacity.value() == pytest.approx(estimate.memory_vs_batch.capacity / 1024**3)
    assert pane.memory_chart.total_gib()[-1] == pytest.approx(estimate.memory_vs_batch.total[-1] / 1024**3, rel=1e-6)
    assert pane.throughput.point_count() > 0
    assert pane.pareto.pareto_count() == sum(c.pareto and np.isfinite(c.price) and np.isfinite(c.seconds)
                                             for c in pane.configurations) > 0


def test_charts_follow_an_edit(qtbot, pane, project_model):
    before = pane.memory_chart.selected_line.value()
    assert project_model.set_value("training.batch", 8)
    settled(qtbot, project_model)
    assert pane.memory_chart.selected_line.value() == 8 != before
    estimate = project_model.estimate()
    assert pane.cards["epoch"].value_text() == format_duration(estimate.training.epoch_time.value)


def test_clicking_a_card_explains_its_number_with_values_and_sources(qtbot, pane, project_model):
    pane.cards["epoch"].clicked.emit("epoch")
    text = pane.explain.text()
    derived = project_model.estimate().training.epoch_time
    assert derived.name in text
    assert derived.formula in text
    for item in derived.inputs:
        assert str(item.symbol) in text
    assert pane.explain.current_name() == derived.name
    pane.cards["memory"].clicked.emit("memory")
    assert "memory.total" in pane.explain.text()


def test_explain_list_holds_every_derivation_and_filters(pane, project_model):
    estimate = project_model.estimate()
    names = pane.explain.names()
    assert set(estimate.names) <= set(names)
    pane.explain.search.set_search("memory")
    visible = [pane.explain.list.item(r) for r in range(pane.explain.list.count())
               if not pane.explain.list.item(r).isHidden()]
    # a number is found by its title or by its dotted name ("Largest batch that fits" is memory.max_batch)
    from rigsizer.gui.panes.explain_view import NAME_ROLE

    assert visible and all("memory" in (item.text() + item.data(NAME_ROLE)).lower() for item in visible)
    assert any(item.data(NAME_ROLE) == "memory.max_batch" for item in visible)


def test_clicking_a_configuration_selects_it_and_can_make_it_the_candidate(pane, project_model):
    index = next(i for i, c in enumerate(pane.configurations) if c.pareto and np.isfinite(c.price))
    pane.pareto.configurationClicked.emit(index)
    pane.select_configuration(index)
    chosen = pane.configurations[index]
    assert pane.pareto.selected == index
    assert chosen.label in pane.configuration_label.text()
    assert "Pareto-optimal" in pane.configuration_label.text()
    assert pane.use_configuration.isEnabled()
    pane.use_configuration.click()
    candidates = project_model.project().get_value("hardware.candidates")
    assert candidates == [dict(chosen.candidates[0])]


def test_a_failed_estimate_is_reported_in_place(qtbot, pane, project_model):
    assert project_model.set_value("hardware.candidates", [{"device": "no-such-gpu", "count": 1}])
    settled(qtbot, project_model)
    assert project_model.estimate() is None
    assert pane.status.isVisible()
    assert pane.status.text().startswith("No estimate:")
    assert pane.cards["epoch"].value_text() == "—"


def test_an_inference_only_line_shows_latency_and_takt_but_no_training(qtbot, pane, project_model, screenshot):
    project_model.set_project(load_example("yolov8-line-jetson"), "example")
    settled(qtbot, project_model)
    estimate = project_model.estimate()
    assert estimate is not None and estimate.training is None
    assert pane.cards["latency"].isVisible() and pane.cards["takt"].isVisible()
    assert not pane.cards["epoch"].isVisible() and not pane.cards["total"].isVisible()
    assert pane.cards["latency"].value_text() == format_duration(estimate.inference.latency.value)
    assert "Jetson" in pane.roofline.plot_item.titleLabel.text
    qtbot.waitUntil(lambda: bool(pane.pareto.empty_reason()), timeout=30000)
    assert pane.pareto.empty_reason().startswith("No training in this project")
    screenshot(pane, "results_pane_edge_line")


def test_results_pane_screenshots_wide_and_docked(qtbot, pane, project_model, screenshot):
    pane.cards["epoch"].clicked.emit("epoch")
    screenshot(pane, "results_pane_wide")
    pane.resize(560, 820)
    qtbot.wait(50)
    assert pane.card_grid.columns() >= 2
    screenshot(pane, "results_pane_docked")


def test_dark_theme_recolours_the_charts_and_a_language_switch_keeps_the_explanation(
        qtbot, qapp, pane, project_model, screenshot):
    from rigsizer.gui import i18n, theme
    from rigsizer.gui.charts import style

    theme.controller(qapp).apply("dark")
    assert style.is_dark()
    assert pane.roofline.backgroundBrush().color().name() == style.DARK.background
    assert pane.scaling.curve.opts["pen"].color().name() == style.series_color(0).name()
    screenshot(pane, "results_pane_dark")
    pane.cards["total"].clicked.emit("total")

    def listed() -> list[str]:
        return [pane.explain.list.item(row).text() for row in range(pane.explain.list.count())]

    assert any(text.startswith("Step time  =") for text in listed())  # derivations listed in words
    i18n.controller(qapp).apply("zh_CN")
    qtbot.waitUntil(lambda: pane.builds == 2, timeout=5000)
    assert pane.explain.current_name() == "training.total_time"
    assert pane.cards["epoch"].value_text() == format_duration(project_model.estimate().training.epoch_time.value)
    assert pane.roofline.point_count() > 50
    # the core's bottleneck, written in English with its numbers, reads in Chinese too
    from rigsizer.gui.report import phrases

    bottleneck = project_model.estimate().bottleneck
    assert pane.cards["bottleneck"].value_text() == phrases.chinese(bottleneck)
    assert any(text.startswith("每步时间  =") for text in listed())


def test_picking_another_candidate_estimates_it(qtbot, pane, project_model):
    assert project_model.set_value("hardware.candidates", [{"device": "nvidia-geforce-rtx-4090", "count": 1},
                                                           {"device": "nvidia-a100-sxm4-80gb", "count": 2}])
    settled(qtbot, project_model)
    assert pane.device_choice.count() == 2 and pane.device_choice.isEnabled()
    assert pane.device_choice.itemText(1) == "A100 SXM4 80GB × 2"
    pane.estimate_candidate(1)
    settled(qtbot, project_model)
    estimate = project_model.estimate()
    assert estimate.device.id == "nvidia-a100-sxm4-80gb" and estimate.gpus == 2
    assert pane.device_choice.currentText() == "A100 SXM4 80GB × 2"
    assert pane.roofline.plot_item.titleLabel.text.endswith("A100 SXM4 80GB")
