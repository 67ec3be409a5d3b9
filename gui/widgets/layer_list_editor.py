"""Editor for a custom layer list: add, remove, reorder and edit layers, shapes shown live.

The layer list is the Project's `model.layers` ([{"type": kind, param: value, ...}]). Shapes and
problems come from the model engine (`build_custom`); the row it rejects is marked in place
with the engine's reason. Edits go back through `changed(list)`; the pane stores them in the project.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .layer_stats_model import shape_text
from .numbers import format_count
from .validated_field import ERROR_COLOUR, ValidatedField

STARTER_LAYERS: list[dict[str, Any]] = [
    {"kind": "Conv2d", "out_channels": 32, "kernel_size": 3, "stride": 2, "padding": 1},
    {"kind": "BatchNorm2d"},
    {"kind": "ReLU"},
    {"kind": "Conv2d", "out_channels": 64, "kernel_size": 3, "stride": 2, "padding": 1},
    {"kind": "BatchNorm2d"},
    {"kind": "ReLU"},
    {"kind": "AdaptiveAvgPool2d", "output_size": 1},
    {"kind": "Flatten"},
    {"kind": "Linear", "out_features": 10},
]
INPUTS_HELP = "Earlier rows this layer reads, e.g. “2, 5” for a residual Add; “input” is the model input; empty: the row above"


@dataclasses.dataclass(frozen=True)
class ParamSpec:
    """One editable parameter of a layer kind: name, kind of value, default, allowed range."""

    name: str
    kind: str  # "int", "int|pair", "float", "bool", "choice", "text"
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    help: str = ""
    choices: tuple[str, ...] = ()
    required: bool = False
    inferred: bool = False


def layer_kinds() -> dict[str, tuple[ParamSpec, ...]]:
    """Kind name -> editable parameters, from the model engine's `layer_kinds()` or its registry."""
    try:
        from rigsizer.core.model.custom import layer_kinds as engine_kinds  # type: ignore[import-not-found]
    except ImportError:
        engine_kinds = None
    if engine_kinds is not None:
        out: dict[str, tuple[ParamSpec, ...]] = {}
        for info in engine_kinds():
            out[info.kind] = tuple(
                ParamSpec(p.name, p.type, p.default, p.low, p.high, p.help, tuple(p.choices), p.required, p.inferred)
                for p in info.params)
        if out:
            return dict(sorted(out.items()))
    from rigsizer.core.model.layers import registry

    out = {}
    for name, layer_type in sorted(registry.KINDS.items()):
        params = []
        for field in dataclasses.fields(layer_type):
            default = None if field.default is dataclasses.MISSING else field.default
            params.append(ParamSpec(field.name, _kind_of(default) if default is not None else "int", default))
        out[name] = tuple(params)
    return out


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    return "text"


def _text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def _parse(value: Any, spec: ParamSpec) -> Any:
    """Typed text back into the row's value: "3, 3" -> [3, 3]; "2, input" -> [2, "input"]; "" -> unset."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if not text:
        return None
    if spec.kind in ("int|pair", "inputs"):
        parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
        parsed: list[Any] = []
        for part in parts:
            try:
                number = float(part)
                parsed.append(int(number) if number.is_integer() else number)
            except ValueError:
                parsed.append(part)
        if spec.kind == "int|pair" and len(parsed) == 1:
            return parsed[0]
        return parsed
    return text


def propagate(layers: list[dict[str, Any]], input_shape: tuple[int, int, int]) -> tuple[list[Any], int, str, str]:
    """(output shape per layer, index of the first bad layer or -1, its bad parameter, the reason)."""
    from rigsizer.core.errors import ValidationError

    try:
        from rigsizer.core.model.custom import build_custom  # type: ignore[import-not-found]
    except ImportError:
        return [None] * len(layers), -1, "", ""
    try:
        model = build_custom(layers, input=input_shape)
    except ValidationError as error:
        match = re.search(r"layers\[(\d+)\](?:\.(\w+))?", f"{error.field} {error.reason}")
        index = int(match.group(1)) if match else -1
        bad_field = (match.group(2) or "") if match else ""
        message = error.reason + (f" (allowed: {error.allowed})" if error.allowed else "")
        shapes: list[Any] = [None] * len(layers)
        if index > 0:  # the layers before the bad one are fine: show their shapes
            try:
                partial = build_custom(layers[:index], input=input_shape)
                for i, node in enumerate(partial.nodes[:index]):
                    shapes[i] = node.shape
            except ValidationError:
                pass
        return shapes, index, bad_field, message
    shapes = [node.shape for node in model.nodes][: len(layers)]
    shapes += [None] * (len(layers) - len(shapes))
    return shapes, -1, "", ""


class LayerListEditor(QWidget):
    """Table of layers plus a form for the selected layer's parameters."""

    changed = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kinds = layer_kinds()
        self.layers: list[dict[str, Any]] = []
        self.input_shape: tuple[int, int, int] = (3, 224, 224)
        self.bad_row = -1
        self.bad_field = ""
        self.bad_reason = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("layerTable")
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Parameters"), self.tr("Output shape"),
                                              self.tr("Problem")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 120)
        self.table.setColumnWidth(2, 110)
        self.table.setMinimumWidth(200)
        header.setMinimumSectionSize(40)
        self.table.itemSelectionChanged.connect(self._show_selected)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.kind_choice = QComboBox()
        self.kind_choice.addItems(list(self.kinds))
        self.kind_choice.setCurrentText("Conv2d")
        self.kind_choice.setToolTip(self.tr("Kind of layer to add below the selected row"))
        self.kind_choice.setMinimumContentsLength(8)
        self.kind_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(lambda: self.add_layer(self.kind_choice.currentText()))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button = QPushButton("↑")
        self.up_button.setToolTip(self.tr("Move the selected layer up"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton("↓")
        self.down_button.setToolTip(self.tr("Move the selected layer down"))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        buttons.addWidget(self.kind_choice, 1)
        for button in (self.up_button, self.down_button):
            button.setFixedWidth(self.fontMetrics().horizontalAdvance("↓") + 24)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.form_host)
        self.param_fields: dict[str, ValidatedField] = {}
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

    # -- data ------------------------------------------------------------------------------------
    def set_layers(self, layers: list[dict[str, Any]], input_shape: tuple[int, int, int]) -> None:
        """Show `layers` for `input_shape` and propagate shapes (no `changed` signal)."""
        selected = self.selected_row()
        self.layers = [dict(layer) for layer in layers]
        self.input_shape = tuple(input_shape)  # type: ignore[assignment]
        shapes, self.bad_row, self.bad_field, self.bad_reason = propagate(self.layers, self.input_shape)
        self.table.setRowCount(len(self.layers))
        bad = QBrush(QColor(ERROR_COLOUR))
        for row, layer in enumerate(self.layers):
            kind = str(layer.get("kind", layer.get("type", "?")))
            params = ", ".join(f"{k}={_text(v)}" for k, v in layer.items() if k not in ("type", "kind"))
            shape = shapes[row] if row < len(shapes) else None
            problem = self.bad_reason if row == self.bad_row else ""
            items = [QTableWidgetItem(kind), QTableWidgetItem(params),
                     QTableWidgetItem(shape_text(shape) if shape else ("—" if self.bad_row >= 0 else "")),
                     QTableWidgetItem(problem)]
            for column, item in enumerate(items):
                if row == self.bad_row:
                    item.setForeground(bad)
                    item.setToolTip(problem)
                self.table.setItem(row, column, item)
        if self.bad_row >= 0:
            self.status.setText(self.tr("Layer %1 (%2): %3").replace("%1", str(self.bad_row + 1)).replace(
                "%2", str(self.layers[self.bad_row].get("kind", "?"))).replace("%3", self.bad_reason))
            self.status.setStyleSheet(f"color: {ERROR_COLOUR};")
        else:
            self.status.setText(self.tr("%1 layers, input %2").replace("%1", format_count(len(self.layers))).replace(
                "%2", shape_text(self.input_shape)))
            self.status.setStyleSheet("")
        if 0 <= selected < len(self.layers):
            self.table.selectRow(selected)
        self._show_selected()

    def mark_problem(self, row: int, reason: str, field: str = "") -> None:
        """Mark a row the estimator rejected (e.g. the project's validation) with its reason."""
        if 0 <= row < self.table.rowCount():
            self.bad_row, self.bad_reason, self.bad_field = row, reason, field
            item = self.table.item(row, 3)
            if item is not None:
                item.setText(reason)
                item.setForeground(QBrush(QColor(ERROR_COLOUR)))

    def selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].row() if rows else -1

    # -- editing ---------------------------------------------------------------------------------
    def add_layer(self, kind: str) -> None:
        row = self.selected_row()
        position = row + 1 if row >= 0 else len(self.layers)
        layers = list(self.layers)
        layers.insert(position, {"kind": kind})
        self.changed.emit(layers)
        self.table.selectRow(position)

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row >= 0:
            layers = list(self.layers)
            del layers[row]
            self.changed.emit(layers)

    def move_selected(self, step: int) -> None:
        row = self.selected_row()
        target = row + step
        if row >= 0 and 0 <= target < len(self.layers):
            layers = list(self.layers)
            layers[row], layers[target] = layers[target], layers[row]
            self.changed.emit(layers)
            self.table.selectRow(target)

    def set_param(self, row: int, name: str, value: Any) -> None:
        layers = [dict(layer) for layer in self.layers]
        if value is None or value == "":
            layers[row].pop(name, None)
        else:
            layers[row][name] = value
        self.changed.emit(layers)

    def _show_selected(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.param_fields = {}
        row = self.selected_row()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < len(self.layers) - 1)
        if row < 0:
            return
        layer = self.layers[row]
        kind = str(layer.get("kind", ""))
        specs = list(self.kinds.get(kind, ())) + [ParamSpec("inputs", "inputs", None, help=self.tr(INPUTS_HELP))]
        for spec in specs:
            field_kind = {"int": "int", "float": "float", "bool": "bool"}.get(spec.kind, "text")
            editor = ValidatedField(kind=field_kind, choices=spec.choices if spec.kind == "choice" else ())
            editor.setObjectName(f"layerParam:{spec.name}")
            value = layer.get(spec.name)
            if value is None and field_kind == "bool":
                value = bool(spec.default)  # a checkbox cannot say "default": show what the default is
            editor.set_value(_text(value) if field_kind == "text" and value is not None else value)
            if hasattr(editor.input, "setPlaceholderText"):
                if spec.inferred:
                    placeholder = self.tr("from the input")
                elif spec.default is None:
                    placeholder = ""
                else:
                    placeholder = _text(spec.default)
                editor.input.setPlaceholderText(placeholder)
            tip = spec.help
            if spec.minimum is not None and spec.maximum is not None:
                tip += "\n" + self.tr("Allowed: %1 to %2").replace("%1", f"{spec.minimum:g}").replace(
                    "%2", f"{spec.maximum:g}")
            if spec.required:
                tip += "\n" + self.tr("Required")
            editor.set_help(tip.strip())
            editor.edited.connect(lambda v, r=row, s=spec: self.set_param(r, s.name, _parse(v, s)))
            field_error = self.bad_field == spec.name
            if row == self.bad_row and field_error:
                editor.show_error(self.bad_reason)
            label = spec.name + (" *" if spec.required else "")
            self.form.addRow(label, editor)
            self.param_fields[spec.name] = editor
        if row == self.bad_row and not any(f.has_error() for f in self.param_fields.values()):
            note = QLabel(self.bad_reason)
            note.setWordWrap(True)
            note.setStyleSheet(f"color: {ERROR_COLOUR};")
            self.form.addRow(note)

    def table_text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""
