"""Working charts: what they draw for given arrays, what they say when there is nothing to draw."""

from __future__ import annotations

import numpy as np
import pytest

from rigsizer.gui.charts import style
from rigsizer.gui.charts.layer_bars import LayerBarsChart, stage_of
from rigsizer.gui.charts.memory_chart import MemoryChart
from rigsizer.gui.charts.pareto import ParetoChart, configurations_from
from rigsizer.gui.charts.roofline import RooflineChart
from rigsizer.gui.charts.scaling import ScalingChart
from rigsizer.gui.charts.throughput import ThroughputChart


@pytest.fixture
def shown(qtbot):
    def show(chart):
        qtbot.addWidget(chart)
        chart.resize(480, 320)
        chart.show()
        return chart

    return show


def test_roofline_draws_the_roof_ridge_and_one_point_per_layer(shown):
    chart = shown(RooflineChart())
    assert chart.empty_reason() == "No device selected"
    chart.set_roofline(82.6e12, 1.008e12, np.array([1.0, 10.0, 200.0, np.nan]),
                       np.array([1e12, 1e13, 6e13, 1e12]), ["a", "b", "c", "d"], "RTX 4090")
    assert chart.point_count() == 3  # the NaN layer is not drawn
    assert chart.ridge.value() == pytest.approx(np.log10(82.6e12 / 1.008e12))
    x, y = chart.roof.getOriginalDataset()
    assert np.max(y) == pytest.approx(82.6e12)
    assert y[0] == pytest.approx(x[0] * 1.008e12)  # memory-bound slope left of the ridge
    assert chart.empty_reason() == ""


def test_roofline_with_unknown_bandwidth_says_why_instead_of_guessing(shown):
    chart = shown(RooflineChart())
    chart.set_roofline(82.6e12, float("nan"), np.array([1.0]), np.array([1e12]), ["a"], "Mystery GPU")
    assert chart.empty_reason() == "Peak or bandwidth of Mystery GPU unknown"
    assert chart.point_count() == 0


def test_scaling_draws_estimate_and_ideal_lines_and_marks_the_chosen_count(shown):
    chart = shown(ScalingChart())
    chart.set_scaling(np.arange(1, 5), np.array([7200.0, 3900.0, 2800.0, 2200.0]), selected=2)
    x, y = chart.series()
    assert list(x) == [1, 2, 3, 4]
    assert y[0] == pytest.approx(2.0)  # hours
    ix, iy = chart.ideal.getData()
    assert iy[3] == pytest.approx(0.5)
    mx, _ = chart.marker.getData()
    assert list(mx) == [2]


def test_memory_stacks_components_and_draws_the_capacity(shown):
    chart = shown(MemoryChart())
    batches = np.array([1, 2, 4, 8])
    gib = 1024**3
    chart.set_breakdown(batches, {"Weights": np.full(4, 1.0 * gib), "Activations": batches * 2.0 * gib},
                        capacity_bytes=24 * gib, selected_batch=4)
    assert list(chart.total_gib()) == [3.0, 5.0, 9.0, 17.0]
    assert chart.capacity.isVisible() and chart.capacity.value() == 24
    assert chart.selected_line.value() == 4
    chart.set_breakdown(np.zeros(0), {})
    assert chart.empty_reason() == "No memory estimate"


def test_throughput_curves_skip_batches_that_do_not_fit(shown):
    chart = shown(ThroughputChart())
    chart.set_curves({"Training": (np.array([1, 2, 4, 8]), np.array([10.0, 19.0, 35.0, np.nan]))},
                     selected_batch=4, limit_batch=6)
    assert chart.point_count() == 3
    assert chart.limit_line.isVisible()


def test_pareto_highlights_the_front_and_reports_clicks(qtbot, shown):
    chart = shown(ParetoChart())
    prices = np.array([1000.0, 2000.0, 1500.0, np.nan])
    seconds = np.array([3600.0, 1800.0, 4000.0, 100.0])
    chart.set_configurations(prices, seconds, ["a", "b", "c", "d"], np.array([True, True, False, False]))
    assert chart.pareto_count() == 2
    fx, _ = chart.front.getData()
    assert len(fx) == 2
    with qtbot.waitSignal(chart.configurationClicked) as signal:
        chart._on_clicked(None, [chart.optimal.points()[0]])
    assert signal.args == [int(chart.optimal.points()[0].data())]
    assert chart.selected == signal.args[0]


def test_configurations_are_read_from_the_core_records():
    from rigsizer.core.estimate.recommend import Configuration

    record = Configuration(device_id="nvidia-geforce-rtx-4090", device_name="GeForce RTX 4090", count=2, kind="gpu",
                           cpu_id="x", ram_gib=64, storage_tb=1, psu_w=1300, power_w=1100, price_usd=5487.0,
                           price_items=(("2 x GeForce RTX 4090", 3198.0),), training_hours=0.5, samples_per_s=1,
                           inference_samples_per_s=1, fits_memory=True, meets=True, reasons=(), pareto=True)
    too_small = Configuration(**{**record.__dict__, "fits_memory": False})
    [config] = configurations_from([record, too_small])
    assert config.label == "2 × GeForce RTX 4090"
    assert config.seconds == 1800 and config.price == 5487 and config.pareto
    assert config.candidates == ((("count", 2), ("device", "nvidia-geforce-rtx-4090")),)
    assert "2 x GeForce RTX 4090: 3,198 USD" in config.details


def test_layer_bars_show_top_layers_or_stages():
    assert stage_of("layer3.2.conv1") == "layer3"
    assert stage_of("blocks.7.attn") == "blocks.7"
    assert stage_of("fc") == "fc"


def test_layer_bars_rank_by_share_and_group_by_stage(shown):
    chart = shown(LayerBarsChart())
    names = ["conv1", "layer1.0.conv", "layer1.1.conv", "layer2.0.conv", "fc"]
    chart.set_layers(names, np.array([10, 20, 20, 40, 10]), np.array([100, 50, 50, 10, 0]), top_n=3)
    assert chart.labels == ["conv1", "layer1.0.conv", "layer2.0.conv"]  # top 3 by share, in execution order
    widths = chart.params_bars.opts["width"]
    assert sum(widths) <= 100
    chart.set_layers(names, np.array([10, 20, 20, 40, 10]), np.array([100, 50, 50, 10, 0]), top_n=10, by_stage=True)
    assert set(chart.labels) == {"conv1", "layer1", "layer2", "fc"}
    index = chart.labels.index("layer1")
    assert chart.params_bars.opts["width"][index] == pytest.approx(40.0)


def test_charts_recolour_on_a_theme_switch(shown):
    chart = shown(ScalingChart())
    chart.set_scaling(np.arange(1, 3), np.array([10.0, 6.0]), selected=1)
    light = chart.curve.opts["pen"].color().name()
    style.set_dark(True)
    try:
        dark = chart.curve.opts["pen"].color().name()
        assert dark != light
        assert dark == style.series_color(0).name()
    finally:
        style.set_dark(False)
    assert chart.curve.opts["pen"].color().name() == light


def test_throughput_legend_lists_only_the_series_drawn(shown):
    chart = shown(ThroughputChart())
    batches = np.array([1, 2, 4])
    chart.set_curves({"Training": (batches, np.ones(3)), "Inference": (batches, np.ones(3))})
    assert [label.text for _, label in chart.plot_item.legend.items] == ["Training", "Inference"]
    chart.set_curves({"Inference": (batches, np.ones(3))})
    assert [label.text for _, label in chart.plot_item.legend.items] == ["Inference"]
    chart.set_curves({"Training": (batches, np.ones(3)), "Inference": (batches, np.ones(3))})
    assert sorted(label.text for _, label in chart.plot_item.legend.items) == ["Inference", "Training"]
