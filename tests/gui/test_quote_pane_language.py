"""Quote pane and editor follow a switch of interface language without losing the open quote."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from rigsizer.core.examples import load_example
from rigsizer.core.hardware.catalog import Catalog
from rigsizer.gui import i18n
from rigsizer.gui.panes.quote_pane import QuotePane
from rigsizer.gui.project_model import ProjectModel


@pytest.fixture
def pane(qtbot, tmp_path):
    catalog = Catalog.open(tmp_path / "catalog.db")
    model = ProjectModel(load_example("fabric-seed"), catalog)
    with qtbot.waitSignal(model.estimateChanged, timeout=60000):
        model.request_estimate()
    widget = QuotePane(model)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _switch(qtbot, pane, language: str, new_button_text: str) -> None:
    i18n.apply_language(language)
    qtbot.waitUntil(lambda: pane.new_button.text() == new_button_text, timeout=3000)  # LanguageChange is posted


def test_switching_to_chinese_retranslates_the_quote_pane_and_keeps_the_open_quote(pane, qtbot, screenshot):
    assert pane.new_from_estimate()
    pane.editor.buyer_editor.edits["name"].setText("ACME Vision GmbH")
    pane.editor.tax_spin.setValue(13)
    pane.search.setText("acme")
    pane.editor.tabs.setCurrentIndex(1)
    rows = pane.editor.items_table.rowCount()
    first_part = pane.editor.items_table.item(0, 1).text()
    quote_before = pane.current_quote()
    assert pane.title.text().startswith("New quote")
    assert pane.editor.tabs.tabText(0) == "Parties"

    _switch(qtbot, pane, "zh_CN", "根据估算新建")
    assert pane.export_button.text() == "导出 PDF…"
    assert pane.revision_button.text() == "复制为修订版"
    assert pane.search.placeholderText() == "搜索编号、客户、项目…"
    assert pane.history_table.horizontalHeaderItem(1).text() == "日期"
    assert pane.open_button.text() == "在编辑器中打开"
    assert pane.editor.tabs.tabText(0) == "双方信息" and pane.editor.tabs.tabText(2) == "明细"
    assert pane.editor.seller_label.text() == "卖方" and pane.editor.buyer_label.text() == "客户"
    assert pane.editor.buyer_editor.labels["name"].text() == "名称"
    assert pane.editor.term_labels["valid"].text() == "有效期至"
    assert pane.editor.language_combo.itemText(1) == "简体中文"
    assert pane.editor.items_table.horizontalHeaderItem(4).text() == "单价"
    assert pane.editor.number_label.text() == "导出时分配"
    assert pane.editor.totals_label.text().startswith("小计 ")
    assert pane.title.text().startswith("新报价单")
    assert pane.editor.tax_spin.locale().name() == "zh_CN"  # spin boxes and calendars follow the locale

    # what the user had open and typed is untouched
    assert pane.document is not None
    assert pane.editor.buyer_editor.edits["name"].text() == "ACME Vision GmbH"
    assert pane.search.text() == "acme"
    assert pane.editor.tabs.currentIndex() == 1
    assert pane.editor.items_table.rowCount() == rows
    assert pane.editor.items_table.item(0, 1).text() == first_part
    quote_after = pane.current_quote()
    assert quote_after.buyer.name == "ACME Vision GmbH"
    assert quote_after.tax_rate == quote_before.tax_rate
    assert quote_after.language == quote_before.language  # the combo's data, not its translated label
    assert quote_after.items == quote_before.items
    screenshot(pane, "quote_pane_zh_CN")

    _switch(qtbot, pane, "en", "New from estimate")
    assert pane.editor.tabs.tabText(0) == "Parties"
    assert pane.editor.buyer_editor.labels["name"].text() == "Name"
    assert pane.editor.totals_label.text().startswith("Subtotal ")
    assert pane.title.text().startswith("New quote")
    assert pane.editor.tax_spin.locale().name() == QLocale("en_US").name()
    assert pane.editor.buyer_editor.edits["name"].text() == "ACME Vision GmbH"


def test_history_selection_and_status_line_survive_a_language_switch(pane, qtbot, tmp_path):
    pane.new_from_estimate()
    with qtbot.waitSignal(pane.exported, timeout=60000):
        assert pane.start_export(tmp_path / "quote.pdf")
    number = pane.document.quote.number
    assert pane.status.text().startswith(f"Exported {number} to ")
    pane.history_table.selectRow(0)
    assert pane.selected_number() == number

    _switch(qtbot, pane, "zh_CN", "根据估算新建")
    assert pane.selected_number() == number
    assert pane.reexport_button.isEnabled()
    assert pane.status.text().startswith(f"已将 {number} 导出到 ")
    assert pane.title.text().startswith(number)

    _switch(qtbot, pane, "en", "New from estimate")
    assert pane.status.text().startswith(f"Exported {number} to ")
    assert pane.selected_number() == number


def test_a_quote_pane_built_while_chinese_is_active_starts_in_chinese(qtbot, project_model):
    i18n.apply_language("zh_CN")
    widget = QuotePane(project_model)
    qtbot.addWidget(widget)
    assert widget.new_button.text() == "根据估算新建"
    assert widget.editor.add_button.text() == "添加一行"
    assert widget.title.text().startswith("未打开报价单")
