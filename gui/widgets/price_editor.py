"""Edit one catalog price (amount, currency, date, source); the catalog validates, errors show in place.

Prices change: a price without its date and source is not accepted (the catalog requires both).
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from .validated_field import ValidatedField


class PriceEditor(QDialog):
    """`PriceEditor(catalog, entry)`; after OK, `saved` holds the catalog's updated PriceEntry."""

    def __init__(self, catalog: Any, entry: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.entry = entry
        self.saved: Any = None
        self.setWindowTitle(self.tr("Edit price"))
        self.resize(480, 300)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{entry.item}</b><br>{entry.unit}")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        if entry.notes:
            notes = QLabel(entry.notes)
            notes.setWordWrap(True)
            layout.addWidget(notes)
        form = QFormLayout()
        layout.addLayout(form)
        self.fields = {
            "price": ValidatedField(kind="float"),
            "currency": ValidatedField(kind="text"),
            "date": ValidatedField(kind="text"),
            "source": ValidatedField(kind="text"),
        }
        labels = {"price": self.tr("Price"), "currency": self.tr("Currency"), "date": self.tr("Date or period"),
                  "source": self.tr("Source")}
        for name, editor in self.fields.items():
            editor.setObjectName("price:" + name)
            form.addRow(labels[name], editor)
        self.fields["price"].set_value(None if math.isnan(entry.price) else entry.price)
        self.fields["currency"].set_value(entry.currency or "USD")
        self.fields["date"].set_value(entry.date)
        self.fields["source"].set_value(entry.source)
        self.fields["date"].set_help(self.tr("When the price was seen, e.g. 2026-01 or a quote number's date"))
        self.fields["source"].set_help(self.tr("Where it comes from: a shop page, a distributor quote, …"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        from rigsizer.core.errors import ValidationError

        for editor in self.fields.values():
            editor.clear_error()
        price = self.fields["price"].parsed()
        if price is None:
            self.fields["price"].show_error(self.tr("“%1” is not a number").replace("%1", self.fields["price"].text()))
            return
        try:
            self.saved = self.catalog.set_price(self.entry.id, price, self.fields["currency"].text().strip(),
                                                self.fields["date"].text(), self.fields["source"].text(),
                                                category=self.entry.category, item=self.entry.item,
                                                unit=self.entry.unit)
        except ValidationError as error:
            name = error.field.split(".", 1)[-1]
            message = error.reason + (f" (allowed: {error.allowed})" if error.allowed else "")
            (self.fields.get(name) or self.fields["price"]).show_error(message)
            return
        self.accept()
