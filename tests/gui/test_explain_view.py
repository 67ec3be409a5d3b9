"""Explain view: renders a Derived (formula, substituted values, inputs with sources), never re-derives."""

from __future__ import annotations

import math

import pytest

from rigsizer.core.explain import Derived, Input
from rigsizer.gui.panes.explain_view import ExplainView, render_html, substituted_formula

PEAK = Derived(
    name="device.fp32_peak", value=82.57536e12, unit="FLOP/s", formula="chips x cores x clock x flops_per_clock",
    inputs=(Input("chips", 1.0, "", "catalog"), Input("cores", 16384.0, "", "catalog: NV-ADA-WP"),
            Input("clock", 2.52e9, "Hz", "catalog: NV-ADA-WP"), Input("flops_per_clock", 2.0, "", "one FMA")),
    source="seed 003 first-principles peak", low=math.nan, high=math.nan, assumptions=("boost clock sustained",))

WORDY = Derived(name="training.epoch_time", value=0.824, unit="s",
                formula="training images x tiles per image / samples per s",
                inputs=(Input("images", 800.0, "", "project"), Input("tiles", 1.0), Input("samples/s", 970.4)),
                low=0.55, high=1.37)


class _Estimate:
    """The two fields the view reads (headline and derivations), as the core's Estimate has them."""

    def __init__(self, *derived: Derived) -> None:
        self.headline = derived[:1]
        self.derivations = derived


def test_symbols_are_replaced_by_their_values_longest_first():
    assert substituted_formula(PEAK) == "1 x 16,384 x 2,520,000,000 x 2"


def test_a_formula_in_words_is_not_mangled_into_half_numbers():
    assert substituted_formula(WORDY) == ""
    html = render_html(WORDY)
    assert "training 800" not in html
    assert "With the values" not in html
    assert "800" in html and "project" in html  # the inputs table still shows every value and source


def test_rendering_shows_result_band_formula_inputs_sources_and_assumptions(qtbot):
    view = ExplainView()
    qtbot.addWidget(view)
    view.show_derived(PEAK, "FP32 peak")
    text = view.text()
    assert "FP32 peak" in text and "device.fp32_peak" in text
    assert "82.58 TFLOP/s" in text
    assert "chips x cores x clock x flops_per_clock" in text
    assert "= 1 x 16,384 x 2,520,000,000 x 2" in text
    assert "catalog: NV-ADA-WP" in text
    assert "seed 003 first-principles peak" in text
    assert "boost clock sustained" in text
    view.show_derived(WORDY)
    assert "range 550 ms to 1.37 s" in view.text()


def test_list_offers_every_number_and_filters_by_words(qtbot):
    view = ExplainView()
    qtbot.addWidget(view)
    view.set_estimate(_Estimate(PEAK, WORDY))
    assert view.names() == ["device.fp32_peak", "training.epoch_time"]
    view.search.set_search("epoch")
    hidden = [view.list.item(r).isHidden() for r in range(view.list.count())]
    assert hidden == [True, False]
    with qtbot.waitSignal(view.nameSelected) as signal:
        view.list.setCurrentRow(1)
    assert signal.args == ["training.epoch_time"]
    assert "training images x tiles per image" in view.text()


def test_selection_survives_a_new_estimate_and_an_empty_one_says_so(qtbot):
    view = ExplainView()
    qtbot.addWidget(view)
    view.set_estimate(_Estimate(PEAK, WORDY))
    assert view.show_name("training.epoch_time")
    view.set_estimate(_Estimate(PEAK, WORDY))
    assert view.current_name() == "training.epoch_time"
    view.set_estimate(None)
    assert view.names() == [] and view.text() == "No estimate yet."
    assert not view.show_name("training.epoch_time")


@pytest.mark.parametrize("value, expected", [(float("nan"), "n/a")])
def test_unknown_values_read_not_available(qtbot, value, expected):
    view = ExplainView()
    qtbot.addWidget(view)
    view.show_derived(Derived("device.tf32_peak", value, "FLOP/s", "datasheet"))
    assert expected in view.text()
