"""The Explain view: for any number of the Estimate, its formula with values substituted and sources.

It renders the `Derived` values the core produced (architecture rule 2); nothing is re-derived.
Pick a number from the searchable list, or ask for one by name (`show_name`) from a card click.
"""

from __future__ import annotations

import html
import math
import re
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from ..widgets.numbers import format_number, format_value
from ..widgets.search_box import SearchBox

NAME_ROLE = Qt.ItemDataRole.UserRole


def _value_text(value: float | str, unit: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, float) and math.isnan(value):
        return format_value(value, unit)
    return format_value(value, unit, 4)


NUMERIC_WORDS = {"x", "ceil", "floor", "min", "max", "log", "log2", "log10", "sqrt", "exp", "e", "abs", "round"}


def substituted_formula(derived: Any) -> str:
    """The formula with every input symbol replaced by its value (longest symbols first).

    Returns "" when the result would not be a plain numeric expression (a formula written in
    words, whose words are not all input symbols): the inputs table shows the values then.
    """
    formula = str(derived.formula)
    inputs = sorted(derived.inputs, key=lambda item: len(str(item.symbol)), reverse=True)
    if not inputs:
        return formula
    values = {}
    pattern_parts = []
    for item in inputs:
        symbol = str(item.symbol)
        if not symbol:
            continue
        values[symbol] = item.value if isinstance(item.value, str) else format_number(item.value, 4)
        escaped = re.escape(symbol)
        left = r"(?<![\w.])" if symbol[0].isalnum() or symbol[0] == "_" else ""
        right = r"(?![\w])" if symbol[-1].isalnum() or symbol[-1] == "_" else ""
        pattern_parts.append(f"{left}{escaped}{right}")
    if not pattern_parts:
        return formula
    pattern = re.compile("|".join(pattern_parts))
    result = pattern.sub(lambda match: values.get(match.group(0), match.group(0)), formula)
    leftover = {word.lower() for word in re.findall(r"[A-Za-z_][A-Za-z_0-9]*", result)}
    if leftover - NUMERIC_WORDS or result == formula:
        return ""
    return result


def render_html(derived: Any, title: str = "") -> str:
    """HTML for one Derived: result, formula, substituted formula, inputs with sources, assumptions."""
    esc = html.escape
    tr = _translate
    parts = [f"<h3 style='margin-bottom:2px'>{esc(title or derived.name)}</h3>"]
    if title and title != derived.name:
        parts.append(f"<div style='color:gray'>{esc(derived.name)}</div>")
    value = _value_text(derived.value, derived.unit)
    band = ""
    if not math.isnan(derived.low) and not math.isnan(derived.high):
        band = " &nbsp;<span style='color:gray'>(" + esc(tr("range %1 to %2")).replace(
            "%1", esc(_value_text(derived.low, derived.unit))).replace(
            "%2", esc(_value_text(derived.high, derived.unit))) + ")</span>"
    parts.append(f"<p style='font-size:large'><b>{esc(value)}</b>{band}</p>")
    parts.append(f"<p><b>{esc(tr('Formula'))}</b><br><code>{esc(derived.name)} = {esc(derived.formula)}</code></p>")
    substituted = substituted_formula(derived) if derived.inputs else ""
    if substituted:
        parts.append(f"<p><b>{esc(tr('With the values'))}</b><br>"
                     f"<code>= {esc(substituted)}</code><br>"
                     f"<code>= {esc(format_number(derived.value, 6) if isinstance(derived.value, float | int) else str(derived.value))}"
                     f" {esc(derived.unit)}</code></p>")
    if derived.inputs:
        rows = "".join(
            f"<tr><td><code>{esc(str(item.symbol))}</code></td><td align='right'>{esc(item.value if isinstance(item.value, str) else format_number(item.value, 6))}</td><td>{esc(item.unit)}</td><td style='color:gray'>{esc(item.source)}</td></tr>"
            for item in derived.inputs)
        header = "<tr><th align='left'>{}</th><th align='right'>{}</th><th align='left'>{}</th><th align='left'>{}</th></tr>".format(
            esc(tr("Symbol")), esc(tr("Value")), esc(tr("Unit")), esc(tr("Source")))
        parts.append(f"<table cellspacing='0' cellpadding='3' border='0'>{header}{rows}</table>")
    if derived.source:
        parts.append(f"<p><b>{esc(tr('Source'))}</b>: {esc(derived.source)}</p>")
    if derived.assumptions:
        items = "".join(f"<li>{esc(text)}</li>" for text in derived.assumptions)
        parts.append(f"<p><b>{esc(tr('Assumes'))}</b></p><ul>{items}</ul>")
    return "".join(parts)


def _translate(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("ExplainView", text)


class ExplainView(QWidget):
    """A searchable list of the Estimate's derivations and the explanation of the selected one."""

    nameSelected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._derived: dict[str, Any] = {}
        self._titles: dict[str, str] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = SearchBox(self.tr("Find a number (e.g. epoch, memory, peak)…"))
        self.search.searchChanged.connect(self._filter)
        layout.addWidget(self.search)
        splitter = self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.list = QListWidget()
        self.list.setObjectName("explainList")
        self.list.currentItemChanged.connect(self._on_current)
        self.browser = QTextBrowser()
        self.browser.setObjectName("explainText")
        self.browser.setOpenExternalLinks(True)
        splitter.addWidget(self.list)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.browser.setPlainText(self.tr("Click a number to see how it was derived."))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """List beside the explanation when the view is wide and short (stacked under the charts)."""
        super().resizeEvent(event)
        size = event.size()
        wide = size.width() >= max(2 * size.height(), 560)
        wanted = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if wanted != self.splitter.orientation():
            self.splitter.setOrientation(wanted)
            extent = size.width() if wide else size.height()
            first = extent * 2 // 5 if wide else extent // 3  # beside: room for "name = value" lines
            self.splitter.setSizes([first, extent - first])

    def set_estimate(self, estimate: Any, titles: dict[str, str] | None = None) -> None:
        """Lists every Derived of the estimate (headline first); keeps the current selection if present."""
        current = self.current_name()
        self._derived.clear()
        self._titles = dict(titles or {})
        if estimate is not None:
            for derived in tuple(estimate.headline) + tuple(estimate.derivations):
                self._derived.setdefault(derived.name, derived)
        blocked = self.list.blockSignals(True)
        self.list.clear()
        for name, derived in self._derived.items():
            item = QListWidgetItem(f"{self._titles.get(name, name)}  =  {_value_text(derived.value, derived.unit)}")
            item.setData(NAME_ROLE, name)
            item.setToolTip(derived.formula)
            self.list.addItem(item)
        self.list.blockSignals(blocked)
        self._filter(self.search.text())
        if current and current in self._derived:
            self.show_name(current)
        elif estimate is None:
            self.browser.setPlainText(self.tr("No estimate yet."))
        else:
            self.browser.setPlainText(self.tr("Click a number (a card or a line above) to see how it was derived."))

    def names(self) -> list[str]:
        return list(self._derived)

    def current_name(self) -> str:
        item = self.list.currentItem()
        return item.data(NAME_ROLE) if item is not None else ""

    def show_derived(self, derived: Any, title: str = "") -> None:
        """Explain a Derived that may not be in the list (e.g. a card's own value)."""
        self.browser.setHtml(render_html(derived, title or self._titles.get(derived.name, "")))

    def show_name(self, name: str) -> bool:
        derived = self._derived.get(name)
        if derived is None:
            return False
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(NAME_ROLE) == name:
                item.setHidden(False)
                blocked = self.list.blockSignals(True)
                self.list.setCurrentItem(item)
                self.list.blockSignals(blocked)
                self.list.scrollToItem(item)
                break
        self.show_derived(derived)
        return True

    def text(self) -> str:
        return self.browser.toPlainText()

    def _on_current(self, current: QListWidgetItem | None, _previous: object = None) -> None:
        if current is None:
            return
        name = current.data(NAME_ROLE)
        derived = self._derived.get(name)
        if derived is not None:
            self.show_derived(derived)
            self.nameSelected.emit(name)

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        for row in range(self.list.count()):
            item = self.list.item(row)
            haystack = (item.text() + " " + str(item.data(NAME_ROLE))).lower()
            item.setHidden(bool(words) and not all(word in haystack for word in words))
