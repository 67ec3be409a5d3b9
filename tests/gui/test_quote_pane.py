"""Quote pane: new quote from the estimate, live totals, background export, history, revisions."""

from __future__ import annotations

from decimal import Decimal

import pypdf
import pytest

from rigsizer.core.examples import load_example
from rigsizer.core.hardware.catalog import Catalog
from rigsizer.core.quote import compute_totals
from rigsizer.core.quote_money import format_amount
from rigsizer.gui.panes.quote_pane import QuotePane
from rigsizer.gui.project_model import ProjectModel

EXAMPLE = "fabric-seed"


@pytest.fixture
def pane(qtbot, tmp_path):
    catalog = Catalog.open(tmp_path / "catalog.db")
    model = ProjectModel(load_example(EXAMPLE), catalog)
    with qtbot.waitSignal(model.estimateChanged, timeout=60000):
        model.request_estimate()
    widget = QuotePane(model)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    return widget


def test_new_quote_from_estimate_fills_the_editor_with_sized_lines(pane):
    assert pane.new_from_estimate()
    categories = [pane.editor.items_table.item(row, 0).text() for row in range(pane.editor.items_table.rowCount())]
    for category in ("gpu", "cpu", "motherboard", "ram", "storage", "psu", "chassis", "cooling"):
        assert category in categories
    quote = pane.current_quote()
    assert format_amount(compute_totals(quote).total, quote.currency) in pane.editor.totals_label.text()


def test_editing_terms_and_lines_updates_the_totals(pane):
    pane.new_from_estimate()
    pane.editor.tax_spin.setValue(13)
    pane.editor.discount_spin.setValue(5)
    pane.editor.items_table.item(0, 3).setText("3")  # three GPUs
    quote = pane.current_quote()
    assert quote.tax_rate == Decimal("0.13") and quote.discount_rate == Decimal("0.05")
    assert quote.items[0].quantity == 3
    totals = compute_totals(quote)
    assert format_amount(totals.total, quote.currency) in pane.editor.totals_label.text()
    pane.editor.items_table.item(0, 3).setText("three")
    assert "quantity" in pane.editor.error_label.text()


def test_export_runs_in_the_background_and_lands_in_the_history(pane, qtbot, tmp_path):
    pane.new_from_estimate()
    pane.editor.buyer_editor.edits["name"].setText('<b>ACME</b> & "Sons"')
    target = tmp_path / "out" / "quote.pdf"
    with qtbot.waitSignal(pane.exported, timeout=60000) as signal:
        assert pane.start_export(target)
        assert pane.job is not None and not pane.export_button.isEnabled()  # the GUI thread is free meanwhile
    result = signal.args[0]
    assert target.exists() and result.quote.number.startswith("QT-")
    text = " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(str(target)).pages).split())
    assert '<b>ACME</b> & "Sons"' in text and result.quote.number in text
    assert pane.history_table.rowCount() == 1
    assert pane.history_table.item(0, 0).text() == result.quote.number
    pane.search.setText("acme")
    assert pane.history_table.rowCount() == 1
    pane.search.setText("no such customer")
    assert pane.history_table.rowCount() == 0
    pane.search.setText("")
    pane.history_table.selectRow(0)
    pane.duplicate_selected()
    assert pane.document.quote.number == result.quote.number + "-R1"
    with qtbot.waitSignal(pane.exported, timeout=60000):
        pane.start_export(tmp_path / "out" / "quote-r1.pdf")
    numbers = {pane.history_table.item(row, 0).text() for row in range(pane.history_table.rowCount())}
    assert numbers == {result.quote.number, result.quote.number + "-R1"}


def test_reopening_a_history_entry_restores_its_quote(pane, qtbot, tmp_path):
    pane.new_from_estimate()
    pane.editor.notes_edit.setPlainText("Delivery to plant 2.")
    with qtbot.waitSignal(pane.exported, timeout=60000) as signal:
        pane.start_export(tmp_path / "q.pdf")
    exported = signal.args[0].quote
    pane.new_from_estimate()
    pane.editor.notes_edit.setPlainText("something else")
    pane.history_table.selectRow(0)
    pane.open_selected()
    assert pane.current_quote() == exported
    assert pane.editor.notes_edit.toPlainText() == "Delivery to plant 2."


def test_remembered_seller_prefills_new_quotes(pane):
    pane.new_from_estimate()
    pane.editor.seller_editor.edits["name"].setText("Vision Integration GmbH")
    pane.editor.seller_editor.edits["tax_id"].setText("DE123456789")
    pane.remember_seller()
    pane.document = None
    pane.new_from_estimate()
    assert pane.current_quote().seller.name == "Vision Integration GmbH"
    assert pane.current_quote().seller.tax_id == "DE123456789"


def test_a_quote_exported_elsewhere_reexports_unchanged_from_the_pane(pane, qtbot, tmp_path):
    from dataclasses import replace

    from rigsizer.core.quote_build import build_quote
    from rigsizer.core.quote_history import QuoteHistory
    from rigsizer.gui.report.export import export_quote

    model = pane.project_model
    document = build_quote(model.project(), model.estimate(), model.catalog)
    document = replace(document, quote=replace(document.quote, tax_rate=Decimal("0.13"), discount_rate=Decimal("0.05")))
    first = export_quote(document, tmp_path / "cli.pdf", QuoteHistory(model.catalog.db))
    pane.refresh_history()
    pane.history_table.selectRow(0)
    with qtbot.waitSignal(pane.exported, timeout=60000) as signal:
        pane.reexport_selected()
    assert signal.args[0].quote == first.quote
    assert pane.editor.error_label.text() == ""


def test_a_recommended_configuration_is_estimated_in_the_background_and_quoted(pane, qtbot):
    from types import SimpleNamespace

    configuration = SimpleNamespace(device_id="nvidia-geforce-rtx-4090", device_name="GeForce RTX 4090", count=2,
                                    cpu_id="intel-core-i9-13900k")
    with qtbot.waitSignal(pane.quoteChanged, timeout=60000) as signal:
        assert pane.new_from_configuration(configuration)
    document = signal.args[0]
    assert document.estimate["device"]["count"] == 2
    gpu = next(item for item in pane.current_quote().items if item.category == "gpu")
    assert gpu.quantity == 2 and gpu.part_name == "GeForce RTX 4090"
    assert "2 x GeForce RTX 4090" in pane.title.text()


def test_a_pdf_from_elsewhere_imports_from_its_attachment(pane, qtbot, tmp_path):
    pane.new_from_estimate()
    pane.editor.notes_edit.setPlainText("Imported notes")
    with qtbot.waitSignal(pane.exported, timeout=60000) as signal:
        pane.start_export(tmp_path / "sent.pdf")
    exported = signal.args[0].quote
    pane.new_from_estimate()
    assert pane.import_pdf(tmp_path / "sent.pdf")
    assert pane.current_quote() == exported
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not a quote")
    assert not pane.import_pdf(broken)
    assert "broken.pdf" in pane.editor.error_label.text()
