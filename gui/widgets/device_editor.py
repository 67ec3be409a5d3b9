"""Add or edit a user device (and its price) in the catalog; the catalog validates every field.

A rejected field is marked in place with the catalog's message; nothing is written until all
fields pass. Values are in the units the datasheets use (GB, GB/s, MHz, TFLOPS), as the catalog keeps them.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from .validated_field import ValidatedField

# (catalog column, label, kind, unit)
DEVICE_FIELDS: tuple[tuple[str, str, str, str], ...] = (
    ("kind", QT_TRANSLATE_NOOP("DeviceEditor", "Kind"), "choice", ""),
    ("vendor", QT_TRANSLATE_NOOP("DeviceEditor", "Vendor"), "text", ""),
    ("name", QT_TRANSLATE_NOOP("DeviceEditor", "Name"), "text", ""),
    ("architecture", QT_TRANSLATE_NOOP("DeviceEditor", "Architecture"), "text", ""),
    ("memory_gb", QT_TRANSLATE_NOOP("DeviceEditor", "Memory"), "float", "GB"),
    ("memory_bandwidth_gbs", QT_TRANSLATE_NOOP("DeviceEditor", "Memory bandwidth"), "float", "GB/s"),
    ("cores", QT_TRANSLATE_NOOP("DeviceEditor", "Cores (CUDA cores / CPU cores)"), "int", ""),
    ("boost_clock_mhz", QT_TRANSLATE_NOOP("DeviceEditor", "Boost clock"), "float", "MHz"),
    ("fp32_flops_per_clock", QT_TRANSLATE_NOOP("DeviceEditor", "FP32 FLOPs per clock per core"), "float", ""),
    ("fp32_tflops", QT_TRANSLATE_NOOP("DeviceEditor", "FP32 peak (dense)"), "float", "TFLOPS"),
    ("fp16_tflops", QT_TRANSLATE_NOOP("DeviceEditor", "FP16 tensor peak (dense)"), "float", "TFLOPS"),
    ("bf16_tflops", QT_TRANSLATE_NOOP("DeviceEditor", "BF16 tensor peak (dense)"), "float", "TFLOPS"),
    ("int8_tops", QT_TRANSLATE_NOOP("DeviceEditor", "INT8 peak (dense)"), "float", "TOPS"),
    ("tdp_w", QT_TRANSLATE_NOOP("DeviceEditor", "TDP"), "float", "W"),
    ("pcie_gen", QT_TRANSLATE_NOOP("DeviceEditor", "PCIe generation"), "int", ""),
    ("pcie_lanes", QT_TRANSLATE_NOOP("DeviceEditor", "PCIe lanes"), "int", ""),
    ("price_usd", QT_TRANSLATE_NOOP("DeviceEditor", "Price"), "float", "USD"),
    ("price_date", QT_TRANSLATE_NOOP("DeviceEditor", "Price date"), "text", ""),
    ("price_source", QT_TRANSLATE_NOOP("DeviceEditor", "Price source"), "text", ""),
    ("source", QT_TRANSLATE_NOOP("DeviceEditor", "Spec source"), "text", ""),
    ("notes", QT_TRANSLATE_NOOP("DeviceEditor", "Notes"), "text", ""),
)


class DeviceEditor(QDialog):
    """`DeviceEditor(catalog, device_id=None)`: add a device (None) or edit one; `saved_id` after OK."""

    def __init__(self, catalog: Any, device_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.device_id = device_id
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Edit device") if device_id else self.tr("Add your own device"))
        self.resize(520, 640)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Enter figures from the datasheet, in its units. Leave unknown values empty: "
                               "Rigsizer never guesses them. Dense (not sparse) peak rates only."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        form = QFormLayout(body)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        self.fields: dict[str, ValidatedField] = {}
        self._original: dict[str, Any] = {}
        for column, label, kind, unit in DEVICE_FIELDS:
            choices = ("gpu", "cpu", "edge") if kind == "choice" else ()
            editor = ValidatedField(kind=kind if kind != "choice" else "text", choices=choices, unit=unit,
                                    choice_labels={"gpu": "GPU", "cpu": "CPU", "edge": self.tr("Edge accelerator")})
            editor.setObjectName("device:" + column)
            form.addRow(self.tr(label), editor)
            self.fields[column] = editor
        self.general_error = QLabel()
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet("color: #c62828;")
        self.general_error.hide()
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if device_id:
            self._load(device_id)
        else:
            self.fields["kind"].set_value("gpu")

    def _load(self, device_id: str) -> None:
        row = self.catalog.device_row(device_id)
        spec = self.catalog.get(device_id)
        for column, _label, _kind, _unit in DEVICE_FIELDS:
            if column == "price_usd":
                value = spec.price_usd
            elif column == "price_date":
                value = spec.price_date
            elif column == "price_source":
                value = spec.price_source
            else:
                value = row.get(column)
            if isinstance(value, float) and math.isnan(value):
                value = None
            self._original[column] = value
            self.fields[column].set_value(value)
        self.fields["kind"].setEnabled(False)

    def values(self) -> dict[str, Any]:
        """The fields the user filled in (or changed, when editing), parsed but not yet validated."""
        out: dict[str, Any] = {}
        for column, editor in self.fields.items():
            editor.clear_error()
            if editor.kind() in ("float", "int"):
                text = editor.text().strip()
                if not text:
                    continue
                number = editor.parsed()
                if number is None:
                    continue
                value: Any = int(number) if editor.kind() == "int" and float(number).is_integer() else number
            else:
                value = editor.value() if column == "kind" else editor.text().strip()
                if value in ("", None):
                    continue
            if self.device_id and self._original.get(column) == value:
                continue
            out[column] = value
        return out

    def save(self) -> None:
        from rigsizer.core.errors import ValidationError

        self.general_error.hide()
        unparsed = [c for c, e in self.fields.items() if e.kind() in ("float", "int") and e.text().strip()
                    and e.parsed() is None]
        for column in unparsed:
            self.fields[column].show_error(self.tr("“%1” is not a number").replace("%1", self.fields[column].text()))
        if unparsed:
            return
        values = self.values()
        try:
            if self.device_id:
                spec = self.catalog.update_device(self.device_id, **values)
            else:
                spec = self.catalog.add_user_device(**values)
        except ValidationError as error:
            column = error.field.split(".", 1)[1] if error.field.startswith(("device.", "price.")) else error.field
            message = error.reason + (f" (allowed: {error.allowed})" if error.allowed else "")
            if column in self.fields:
                self.fields[column].show_error(message)
            else:
                self.general_error.setText(f"{error.field}: {message}")
                self.general_error.show()
            return
        self.saved_id = spec.id
        self.accept()
