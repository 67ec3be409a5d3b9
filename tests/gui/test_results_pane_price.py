"""The Results pane's price card and the PDF quote name one price for one machine."""

from __future__ import annotations

from rigsizer.core.examples import load_example
from rigsizer.core.quote import compute_totals
from rigsizer.core.quote_build import document_for_project
from rigsizer.gui.panes.results_pane import ResultsPane
from rigsizer.gui.project_model import ProjectModel
from rigsizer.gui.widgets.numbers import format_money


def test_seed_price_card_shows_the_quote_total_of_the_same_machine(qtbot):
    model = ProjectModel(load_example("fabric-seed"))
    try:
        pane = ResultsPane(model)
        qtbot.addWidget(pane)
        pane.show()
        qtbot.waitExposed(pane)
        model.request_estimate()
        qtbot.waitUntil(lambda: model.estimate() is not None and bool(pane.configurations), timeout=30000)
        quote = document_for_project(model.project(), model.catalog).quote
        total = compute_totals(quote).total
        card = pane.cards["price"]
        qtbot.waitUntil(lambda: "1 × GeForce RTX 4090" in card.detail_label.text(), timeout=30000)
        assert card.value_text() == format_money(float(total)) == "3,070 USD"
        assert "Core i9-13900K: 589 USD" in card.toolTip()  # the quoted CPU, not a cheaper one
        for line in quote.sizing_notes:
            assert line in card.toolTip()
    finally:
        model.shutdown()
        from rigsizer.gui.worker import wait_idle

        wait_idle(10)
