"""What a user sees at common screen sizes: nothing clipped, empty views explained, charts whole."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from rigsizer.core.examples import load_example
from rigsizer.gui.widgets.empty_state import EmptyState
from rigsizer.gui.widgets.responsive import ResponsiveGrid, RowFittingScroll


def test_an_empty_table_says_what_would_fill_it_until_its_first_row(qtbot):
    table = QTableWidget(0, 2)
    qtbot.addWidget(table)
    hint = EmptyState(table, "No quotes yet")
    table.resize(300, 200)
    table.show()
    qtbot.waitExposed(table)
    assert hint.isVisible() and hint.text() == "No quotes yet"
    assert hint.geometry().width() > 200, "the hint spans the viewport, centred"
    table.setRowCount(1)
    table.setItem(0, 0, QTableWidgetItem("Q-1"))
    assert not hint.isVisible()
    table.setRowCount(0)
    assert hint.isVisible()


def test_two_chart_rows_share_the_visible_height_so_none_is_cut_in_half(qtbot):
    from PySide6.QtWidgets import QWidget

    grid = ResponsiveGrid(100, 2)
    cells = [QWidget() for _ in range(5)]
    for cell in cells:
        grid.add(cell)
    area = RowFittingScroll(grid, rows=2, min_row=50)
    qtbot.addWidget(area)
    area.resize(400, 406)
    area.show()
    qtbot.waitExposed(area)
    spacing = grid.layout().spacing()
    row = (area.viewport().height() - spacing) // 2
    assert all(cell.height() == row for cell in cells)
    area.resize(400, 40)  # too low even for one row: rows keep their floor and the area scrolls
    qtbot.wait(10)
    assert all(cell.height() == 50 for cell in cells)


@pytest.mark.parametrize(("width", "height"), [(1600, 1000), (1280, 800)])
def test_side_docks_need_no_sideways_scrolling_with_the_seed_example(main_window, qtbot, width, height):
    window = main_window
    window.resize(width, height)
    window.reset_layout()  # the default arrangement for this size
    window.project_model.reset(load_example("fabric-seed"), None)
    qtbot.waitUntil(lambda: window.project_model.estimate() is not None, timeout=60000)
    qtbot.wait(50)
    for key in ("workload", "quote", "workstation"):
        holder = window.docks[key].widget()
        assert not holder.horizontalScrollBar().isVisible(), f"{key} pane scrolls sideways at {width} px"


def test_results_charts_get_most_of_the_height_when_the_explain_view_is_stacked(main_window, qtbot):
    window = main_window
    window.resize(1600, 1000)
    window.reset_layout()
    pane = window.panes["results"]
    qtbot.waitUntil(lambda: pane.explain.height() > 0, timeout=10000)
    charts = pane.chart_grid.parentWidget().parentWidget()  # the scroll area around the chart grid
    assert charts.height() > 2 * pane.explain.height()
    assert pane.roofline.height() >= 190


def test_a_view_too_low_for_two_chart_rows_shows_one_whole_row(qtbot):
    from PySide6.QtWidgets import QWidget

    grid = ResponsiveGrid(100, 2)
    cells = [QWidget() for _ in range(3)]
    for cell in cells:
        grid.add(cell)
    area = RowFittingScroll(grid, rows=2, min_row=100)
    qtbot.addWidget(area)
    area.resize(400, 150)
    area.show()
    qtbot.waitExposed(area)
    assert all(cell.height() == area.viewport().height() for cell in cells)
