"""Hardware pane: catalog search (Chinese too), filters, comparison with sources, user devices, candidates."""

from __future__ import annotations

import math

import pytest
from PySide6.QtWidgets import QDialog

from rigsizer.gui.panes.hardware_pane import HardwarePane


@pytest.fixture
def pane(qtbot, project_model):
    widget = HardwarePane(project_model)
    qtbot.addWidget(widget)
    widget.resize(900, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown_ids(pane) -> set[str]:
    return {d.id for d in pane.shown_devices}


def test_search_finds_devices_by_marketing_name(pane):
    pane.search.set_search("4090")
    assert "nvidia-geforce-rtx-4090" in shown_ids(pane)
    assert all("4090" in d.name for d in pane.shown_devices)
    assert pane.table.rowCount() == len(pane.shown_devices)


def test_search_in_chinese_finds_the_vendor(pane):
    pane.search.set_search("英伟达")
    assert pane.shown_devices
    assert {d.vendor for d in pane.shown_devices} == {"NVIDIA"}


def test_filters_by_kind_vendor_memory_and_price(pane):
    everything = len(pane.shown_devices)
    pane.kind_filter.setCurrentIndex(pane.kind_filter.findData("cpu"))
    assert pane.shown_devices and {d.kind for d in pane.shown_devices} == {"cpu"}
    pane.kind_filter.setCurrentIndex(pane.kind_filter.findData("gpu"))
    pane.vendor_filter.setCurrentIndex(pane.vendor_filter.findData("NVIDIA"))
    nvidia = len(pane.shown_devices)
    assert 0 < nvidia < everything
    pane.min_memory.setValue(40)
    assert pane.shown_devices and all(d.memory_bytes >= 40 * 1024**3 for d in pane.shown_devices)
    pane.min_memory.setValue(0)
    pane.max_price.setValue(1000)
    assert pane.shown_devices
    assert all(math.isfinite(d.price_usd) and d.price_usd <= 1000 for d in pane.shown_devices)
    assert "nvidia-geforce-rtx-4090" not in shown_ids(pane)  # 1,599 USD
    assert pane.count_label.text() == f"{len(pane.shown_devices)} devices shown"


def test_comparison_shows_up_to_four_devices_with_unknowns_and_sources(pane, screenshot):
    pane.kind_filter.setCurrentIndex(pane.kind_filter.findData("gpu"))
    pane.select_ids(["nvidia-geforce-rtx-4090", "nvidia-l4"])
    comparison = pane.comparison
    assert [d.id for d in comparison.devices] == ["nvidia-geforce-rtx-4090", "nvidia-l4"] or \
        {d.id for d in comparison.devices} == {"nvidia-geforce-rtx-4090", "nvidia-l4"}
    column = [d.id for d in comparison.devices].index("nvidia-geforce-rtx-4090")
    assert comparison.cell_text("FP32 dense peak", column) == "82.6 TFLOPS"
    assert comparison.cell_text("FP16 dense peak", column) == "165 TFLOPS"  # FP32 accumulate, not 330
    assert comparison.cell_text("Memory", column) == "24 GiB"
    assert comparison.cell_text("TF32 dense peak", column) == "unknown"
    assert comparison.cell_text("NVLink", column) == "unknown"
    assert "Ada GPU Architecture whitepaper" in comparison.cell_text("Source", column)
    row = [r[0] for r in comparison.rows].index("Memory")
    assert "From the catalog" in comparison.item(row, column).toolTip()
    price_row = [r[0] for r in comparison.rows].index("Price")
    assert "slashgear" in comparison.item(price_row, column).toolTip()
    pane.lower_tabs.setCurrentIndex(0)
    screenshot(pane, "hardware_pane_compare")
    many = [d.id for d in pane.shown_devices[:6]]
    pane.select_ids(many)
    assert comparison.columnCount() == 4


def _fill(dialog, values: dict[str, str]) -> None:
    for column, text in values.items():
        dialog.fields[column].input.setText(text)


def test_a_user_device_is_validated_in_place_and_then_listed(qtbot, pane, project_model):
    dialog = pane._edit(None)
    _fill(dialog, {"vendor": "Acme", "name": "Vision X1", "memory_gb": "-4", "memory_bandwidth_gbs": "400",
                   "fp32_tflops": "20", "price_usd": "2500", "price_date": "2026-01", "price_source": "quote 17"})
    dialog.save()
    assert dialog.isVisible()
    assert dialog.fields["memory_gb"].has_error()
    assert "out of range" in dialog.fields["memory_gb"].error_text()
    assert not dialog.fields["vendor"].has_error()
    dialog.fields["memory_gb"].input.setText("16")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved_id
    device = project_model.catalog.get(dialog.saved_id)
    assert device.user_defined and device.vendor == "Acme"
    assert device.memory_bytes == 16 * 1024**3  # datasheet "GB" of device memory are GiB
    assert device.price_usd == 2500
    assert dialog.saved_id in pane.selected_ids()
    name_item = next(pane.table.item(r, 0) for r in range(pane.table.rowCount())
                     if pane.table.item(r, 0).data(0x0100) == dialog.saved_id)
    assert name_item.text().endswith("★")


def test_editing_a_price_keeps_its_date_and_source(qtbot, pane, project_model):
    pane.search.set_search("4090")
    pane.select_ids(["nvidia-geforce-rtx-4090"])
    dialog = pane._edit("nvidia-geforce-rtx-4090")
    dialog.fields["price_usd"].input.setText("1799")
    dialog.fields["price_date"].input.setText("2026-02")
    dialog.fields["price_source"].input.setText("distributor quote")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    device = project_model.catalog.get("nvidia-geforce-rtx-4090")
    assert (device.price_usd, device.price_date, device.price_source) == (1799, "2026-02", "distributor quote")
    assert device.peak("fp32") == pytest.approx(82.6e12)  # specs untouched


def test_candidates_are_added_counted_and_removed_undoably(pane, project_model, screenshot):
    assert project_model.project().get_value("hardware.candidates") == [
        {"device": "nvidia-geforce-rtx-4090", "count": 1}]
    pane.search.set_search("A100")
    pane.select_ids(["nvidia-a100-sxm4-80gb"])
    pane.add_selected_as_candidates()
    assert [c["device"] for c in project_model.project().get_value("hardware.candidates")] == [
        "nvidia-geforce-rtx-4090", "nvidia-a100-sxm4-80gb"]
    assert pane.candidates.rowCount() == 2
    assert pane.candidates.item(1, 0).text() == "A100 SXM4 80GB"
    pane.candidates.cellWidget(1, 1).setValue(4)
    assert project_model.project().get_value("hardware.candidates")[1]["count"] == 4
    pane.lower_tabs.setCurrentIndex(1)
    screenshot(pane, "hardware_pane_candidates")
    pane.candidates.cellWidget(0, 2).click()
    assert project_model.project().get_value("hardware.candidates") == [
        {"device": "nvidia-a100-sxm4-80gb", "count": 4}]
    project_model.undo_stack.undo()  # quick successive edits of the list may merge into one step
    restored = [c["device"] for c in project_model.project().get_value("hardware.candidates")]
    assert "nvidia-geforce-rtx-4090" in restored
    assert pane.candidates.rowCount() == len(restored)


def test_this_workstation_can_be_a_candidate(pane, project_model):
    pane.add_local_button.click()
    assert {"device": "local", "count": 1} in project_model.project().get_value("hardware.candidates")
    assert pane.candidates.item(1, 0).text() == "This workstation"


def test_hardware_pane_at_docked_size(pane, screenshot):
    pane.resize(430, 640)
    pane.select_ids(["nvidia-geforce-rtx-4090"])
    screenshot(pane, "hardware_pane_docked")


def test_a_language_switch_keeps_search_selection_and_candidates(qtbot, qapp, pane, project_model):
    from rigsizer.gui import i18n

    pane.search.set_search("4090")
    pane.select_ids(["nvidia-geforce-rtx-4090"])
    i18n.controller(qapp).apply("zh_CN")
    qtbot.waitUntil(lambda: pane.builds == 2, timeout=5000)
    assert pane.search.text() == "4090"
    assert pane.selected_ids() == ["nvidia-geforce-rtx-4090"]
    assert pane.comparison.columnCount() == 1
    assert pane.candidates.rowCount() == len(project_model.project().get_value("hardware.candidates"))


def test_a_catalog_price_is_edited_with_its_date_and_source_validated_in_place(pane, project_model, screenshot):
    row = next(r for r in range(pane.price_table.rowCount())
               if pane.price_table.item(r, 1).text() == "ram")
    entry_id = pane.price_table.item(row, 0).data(0x0100)
    pane.lower_tabs.setCurrentIndex(2)
    pane.price_table.selectRow(row)
    dialog = pane.edit_selected_price()
    dialog.fields["price"].input.setText("420")
    dialog.fields["currency"].input.setText("dollars")
    dialog.fields["date"].input.setText("")
    dialog.save()
    assert dialog.isVisible()
    assert dialog.fields["currency"].has_error()
    assert "is not a currency code" in dialog.fields["currency"].error_text()
    dialog.fields["currency"].input.setText("EUR")
    dialog.save()
    assert dialog.fields["date"].error_text().startswith("is required")
    dialog.fields["date"].input.setText("2026-02")
    dialog.fields["source"].input.setText("distributor quote 118")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = project_model.catalog.price(entry_id)
    assert (saved.price, saved.currency, saved.date, saved.source) == (420, "EUR", "2026-02", "distributor quote 118")
    row = next(r for r in range(pane.price_table.rowCount()) if pane.price_table.item(r, 0).data(0x0100) == entry_id)
    assert pane.price_table.item(row, 0).text().endswith("✎")
    assert pane.price_table.item(row, 2).text() == "420 EUR"
    screenshot(pane, "hardware_pane_prices")
