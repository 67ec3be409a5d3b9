"""Numbers are shown and read per locale (decimal point, digit grouping), in the editors too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from rigsizer.gui.widgets.numbers import (
    format_bytes,
    format_count,
    format_duration,
    format_money,
    format_si,
    format_value,
    parse_number,
)


def _locale(language, country):
    previous = QLocale()
    QLocale.setDefault(QLocale(language, country))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def german():
    yield from _locale(QLocale.Language.German, QLocale.Country.Germany)


@pytest.fixture
def english():
    yield from _locale(QLocale.Language.English, QLocale.Country.UnitedStates)


def test_english_formatting_groups_thousands_and_uses_si_prefixes(english):
    assert format_count(25_557_032) == "25,557,032"
    assert format_si(4_089_184_256, "MACs") == "4.09 GMACs"
    assert format_bytes(24 * 1024**3) == "24 GiB"
    assert format_duration(0.0123) == "12.3 ms" and format_duration(5400) == "90 min"
    assert format_money(1599) == "1,599 USD"
    assert format_value(float("nan"), "s") == "n/a"
    assert format_value(82.6e12, "FLOP/s") == "82.6 TFLOP/s"


def test_german_formatting_and_parsing_use_the_decimal_comma(german):
    assert format_count(25_557_032) == "25.557.032"
    assert format_duration(12.5) == "12,5 s"
    assert parse_number("2,5") == 2.5
    assert parse_number("1.000") == 1000
    assert parse_number("zwei") is None


def test_a_field_typed_with_a_decimal_comma_reaches_the_project(qtbot, project_model, german):
    from rigsizer.gui.panes.workload_pane import WorkloadPane

    pane = WorkloadPane(project_model)
    qtbot.addWidget(pane)
    pane.editor("inference.takt_time_s").enter_text("0,25")
    assert project_model.project().inference.takt_time_s == 0.25
    assert pane.editor("inference.takt_time_s").text() == "0,25"
