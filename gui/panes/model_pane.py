"""Model pane: pick a zoo model (searchable) or build one layer by layer, and see where the
parameters, MACs, activations and memory traffic go, per layer, from the core's ModelReport.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..charts.layer_bars import LayerBarsChart
from ..widgets.language_pane import LanguagePane
from ..widgets.layer_list_editor import STARTER_LAYERS, LayerListEditor
from ..widgets.layer_stats_model import LayerStatsModel, shape_text
from ..widgets.numbers import format_bytes, format_count, format_si
from ..widgets.project_field import add_project_fields
from ..widgets.responsive import ResponsiveSplitter, scrolling
from ..widgets.search_box import SearchBox
from ..widgets.validated_field import ValidatedField
from ..widgets.zoo_picker import ZooPicker

NAME_ROLE = Qt.ItemDataRole.UserRole
INPUT_FIELDS = ["model.input_channels", "model.input_height", "model.input_width", "model.num_classes"]
TRANSFORMER_FAMILIES = ("vit", "swin", "transformer", "deit", "detr", "bert")
# friendly names for builder parameters the zoo shares (the Transformer form reads as d_model, heads, ...)
# marked for translation here, translated where shown (ModelPane context)
PARAM_LABELS = {"hidden_dim": QT_TRANSLATE_NOOP("ModelPane", "d_model"), "nheads": QT_TRANSLATE_NOOP("ModelPane", "Heads"), "enc_layers": QT_TRANSLATE_NOOP("ModelPane", "Encoder layers"),
                "dec_layers": QT_TRANSLATE_NOOP("ModelPane", "Decoder layers"), "num_queries": QT_TRANSLATE_NOOP("ModelPane", "Object queries"), "dim": QT_TRANSLATE_NOOP("ModelPane", "d_model"), "d_model": QT_TRANSLATE_NOOP("ModelPane", "d_model"), "embed_dim": QT_TRANSLATE_NOOP("ModelPane", "d_model"), "heads": QT_TRANSLATE_NOOP("ModelPane", "Heads"), "nhead": QT_TRANSLATE_NOOP("ModelPane", "Heads"),
                "num_heads": QT_TRANSLATE_NOOP("ModelPane", "Heads"), "depth": QT_TRANSLATE_NOOP("ModelPane", "Layers"), "layers": QT_TRANSLATE_NOOP("ModelPane", "Layers"), "num_layers": QT_TRANSLATE_NOOP("ModelPane", "Layers"),
                "num_encoder_layers": QT_TRANSLATE_NOOP("ModelPane", "Encoder layers"), "num_decoder_layers": QT_TRANSLATE_NOOP("ModelPane", "Decoder layers"),
                "d_ff": QT_TRANSLATE_NOOP("ModelPane", "d_ff"), "dim_feedforward": QT_TRANSLATE_NOOP("ModelPane", "d_ff"), "mlp_ratio": QT_TRANSLATE_NOOP("ModelPane", "d_ff / d_model (MLP ratio)"),
                "vocab": QT_TRANSLATE_NOOP("ModelPane", "Vocabulary"), "vocab_size": QT_TRANSLATE_NOOP("ModelPane", "Vocabulary"), "vocabulary": QT_TRANSLATE_NOOP("ModelPane", "Vocabulary"),
                "width": QT_TRANSLATE_NOOP("ModelPane", "Width multiplier"), "depths": QT_TRANSLATE_NOOP("ModelPane", "Blocks per stage"), "dims": QT_TRANSLATE_NOOP("ModelPane", "Channels per stage")}


def _param_text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _parse_param(text: str, default: Any) -> Any:
    """Reads a builder parameter typed as text, in the type of its default ("3, 4, 6, 3" -> (3, 4, 6, 3))."""
    text = text.strip()
    if isinstance(default, bool):
        return text.lower() in ("1", "true", "yes", "on")
    if isinstance(default, list | tuple):
        parts = [p for p in text.replace(";", ",").split(",") if p.strip()]
        values = [_parse_param(p, default[0] if default else 0) for p in parts]
        return list(values)
    if isinstance(default, int):
        try:
            number = float(text)
        except ValueError:
            return text
        return int(number) if number.is_integer() else number
    if isinstance(default, float):
        try:
            return float(text)
        except ValueError:
            return text
    return text


class ModelPane(LanguagePane):
    """Preset picker, model inputs, family parameters or custom layers, and per-layer statistics."""

    def __init__(self, project_model: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = project_model
        self.report: Any = None
        self._entries: dict[str, Any] = {}
        self._family_defaults: dict[str, Any] = {}
        self.param_fields: dict[str, ValidatedField] = {}
        self._last_param = ""
        self.install_content()
        project_model.projectChanged.connect(self._on_project_changed)
        project_model.estimateChanged.connect(self._on_estimate_changed)
        project_model.estimateFailed.connect(self._on_estimate_failed)
        project_model.validationFailed.connect(self._on_validation_failed)

    def fill_from_model(self) -> None:
        self.report = None  # fresh content: draw the report again
        self._shown_model_key = None
        self._load_presets()
        self._on_project_changed(self.model.project())
        if self.model.estimate() is not None:
            self._on_estimate_changed(self.model.estimate())
        elif getattr(self.model, "estimate_error", lambda: "")():
            self._on_estimate_failed(self.model.estimate_error())

    def view_state(self) -> Any:
        return (self.tabs.currentIndex(), self.preset_search.text(), self.top_n.value(), self.by_stage.isChecked())

    def restore_view_state(self, state: Any) -> None:
        tab, search, top_n, by_stage = state
        self.tabs.setCurrentIndex(tab)
        self.preset_search.set_search(search)
        self.top_n.setValue(top_n)
        self.by_stage.setChecked(by_stage)

    def build_content(self) -> QWidget:
        project_model = self.model
        content = QWidget()
        outer = QVBoxLayout(content)
        outer.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("modelTabs")
        outer.addWidget(self.tabs, 1)

        # ---- top: presets | settings -------------------------------------------------------
        top = ResponsiveSplitter(720)
        self.zoo = ZooPicker()
        self.zoo.useRequested.connect(self.use_preset)
        self.zoo.customRequested.connect(self.start_custom)
        # short names the tests and the view state use
        self.preset_search, self.presets, self.default_input = self.zoo.search, self.zoo.table, self.zoo.default_input
        presets_box = self.zoo
        top.addWidget(presets_box)

        settings_scroll = QScrollArea()
        settings_scroll.setWidgetResizable(True)
        settings_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        settings_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        settings_scroll.setMinimumWidth(280)
        settings = QWidget()
        settings_layout = QVBoxLayout(settings)
        settings_layout.setContentsMargins(0, 0, 0, 0)
        self.model_title = QLabel()
        self.model_title.setObjectName("modelTitle")
        self.model_title.setWordWrap(True)
        font = self.model_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.model_title.setFont(font)
        settings_layout.addWidget(self.model_title)
        self.model_description = QLabel()
        self.model_description.setWordWrap(True)
        settings_layout.addWidget(self.model_description)
        input_box = QGroupBox(self.tr("Input and head"))
        input_form = self.input_form = QFormLayout(input_box)
        self.editors = add_project_fields(input_form, project_model, INPUT_FIELDS)
        settings_layout.addWidget(input_box)
        self.family_box = QGroupBox(self.tr("Architecture"))
        self.family_form = QFormLayout(self.family_box)
        settings_layout.addWidget(self.family_box)
        self.layers_box = QGroupBox(self.tr("Custom layers"))
        layers_layout = QVBoxLayout(self.layers_box)
        self.layer_editor = LayerListEditor()
        self.layer_editor.setMinimumHeight(320)
        self.layer_editor.changed.connect(self._on_layers_edited)
        layers_layout.addWidget(self.layer_editor)
        settings_layout.addWidget(self.layers_box)
        settings_layout.addStretch(1)
        settings_scroll.setWidget(settings)
        top.addWidget(settings_scroll)
        top.setStretchFactor(0, 1)
        top.setStretchFactor(1, 1)
        self.tabs.addTab(scrolling(top), self.tr("Model"))

        # ---- bottom: statistics | bars ------------------------------------------------------
        bottom = ResponsiveSplitter(720)
        stats_box = QGroupBox(self.tr("Per-layer statistics"))
        stats_layout = QVBoxLayout(stats_box)
        self.stats_model = LayerStatsModel(self)
        self.stats_proxy = QSortFilterProxyModel(self)
        self.stats_proxy.setSourceModel(self.stats_model)
        self.stats_proxy.setSortRole(LayerStatsModel.SORT_ROLE)
        self.stats_proxy.setFilterKeyColumn(-1)
        self.stats_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.stats_filter = SearchBox(self.tr("Filter layers (e.g. conv, layer3)"))
        self.stats_filter.searchChanged.connect(self.stats_proxy.setFilterFixedString)
        stats_layout.addWidget(self.stats_filter)
        self.stats_view = QTableView()
        self.stats_view.setObjectName("layerStats")
        self.stats_view.setModel(self.stats_proxy)
        self.stats_view.setSortingEnabled(True)
        self.stats_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.stats_view.verticalHeader().hide()
        self.stats_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.stats_view.setAlternatingRowColors(True)
        self.stats_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a layer path keeps both ends
        self.stats_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.stats_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        stats_layout.addWidget(self.stats_view, 1)
        self.stats_view.setMinimumHeight(160)
        self.totals = QLabel()
        self.totals.setObjectName("layerTotals")
        self.totals.setWordWrap(True)
        self.totals.setContentsMargins(6, 2, 6, 4)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bottom.addWidget(stats_box)

        bars_box = QWidget()
        bars_layout = QVBoxLayout(bars_box)
        bars_layout.setContentsMargins(0, 0, 0, 0)
        self.bars = LayerBarsChart()
        self.bars.setMinimumHeight(260)
        bars_layout.addWidget(self.bars, 1)
        controls = QHBoxLayout()
        self.top_n = QSpinBox()
        self.top_n.setRange(3, 60)
        self.top_n.setValue(12)
        self.top_n.setPrefix(self.tr("Top "))
        self.top_n.valueChanged.connect(self._draw_bars)
        self.by_stage = QCheckBox(self.tr("Group by stage"))
        self.by_stage.toggled.connect(self._draw_bars)
        controls.addWidget(self.top_n)
        controls.addWidget(self.by_stage)
        controls.addStretch(1)
        bars_layout.addLayout(controls)
        bottom.addWidget(bars_box)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 2)
        self.tabs.addTab(scrolling(bottom), self.tr("Layer statistics"))
        outer.addWidget(self.totals)

        return content

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(560, 620)

    # ---- presets --------------------------------------------------------------------------------
    def _load_presets(self) -> None:
        from rigsizer.core.model.zoo import list_models

        entries = list_models()
        self._entries = {entry.name: entry for entry in entries}
        self.zoo.set_entries(entries)

    def visible_presets(self) -> list[str]:
        return self.zoo.visible_names()

    def select_preset(self, name: str) -> bool:
        return self.zoo.select(name)

    def use_selected_preset(self) -> None:
        name = self.zoo.selected_name()
        if name:
            self.use_preset(name)

    def use_preset(self, name: str) -> None:
        """Make the zoo model `name` the project's model (one undoable step)."""
        entry = self._entries[name]
        changes: dict[str, Any] = {"model.layers": [], "model.params": {}, "model.name": name}
        if self.default_input.isChecked():
            channels, height, width = entry.default_input
            changes.update({"model.input_channels": channels, "model.input_height": height,
                            "model.input_width": width})
        self._apply(changes, self.tr("Use model %1").replace("%1", name))

    def start_custom(self) -> None:
        project = self.model.project()
        layers = project.get_value("model.layers") or [dict(layer) for layer in STARTER_LAYERS]
        self._apply({"model.layers": layers, "model.name": "custom"}, self.tr("Build a custom model"))

    def _apply(self, changes: dict[str, Any], description: str) -> None:
        from rigsizer.core.errors import ValidationError

        try:
            project = self.model.project().with_values(changes)
        except ValidationError as error:
            self.model.validationFailed.emit(error.field, error.reason)
            return
        self.model.set_project(project, description)

    # ---- family parameters ----------------------------------------------------------------------
    def _show_family_params(self, project: Any) -> None:
        from rigsizer.core.model.zoo._catalog import builder_for

        name = project.model.name
        entry = self._entries.get(name)
        while self.family_form.rowCount():
            self.family_form.removeRow(0)
        self.param_fields = {}
        if entry is None or project.model.layers:
            self.family_box.hide()
            return
        try:
            self._family_defaults = dict(builder_for(name)[2])
        except Exception:  # an entry without builder defaults has nothing to edit
            self._family_defaults = {}
        is_transformer = entry.family in TRANSFORMER_FAMILIES or any(
            key in self._family_defaults for key in ("heads", "nhead", "nheads", "num_heads"))
        self.family_box.setTitle(self.tr("Transformer") if is_transformer else
                                 self.tr("Architecture (%1)").replace("%1", entry.family))
        current = project.model.params_dict
        order = ["dim", "d_model", "hidden_dim", "embed_dim", "heads", "nhead", "nheads", "num_heads", "depth",
                 "layers", "num_layers", "num_encoder_layers", "enc_layers", "num_decoder_layers", "dec_layers",
                 "d_ff", "dim_feedforward", "mlp_ratio", "vocab", "vocab_size", "vocabulary"]
        names = sorted(self._family_defaults, key=lambda n: (order.index(n) if n in order else 99, n))
        for param in names:
            default = self._family_defaults[param]
            kind = "int" if isinstance(default, int) and not isinstance(default, bool) else \
                "float" if isinstance(default, float) else "bool" if isinstance(default, bool) else "text"
            editor = ValidatedField(kind=kind)
            editor.setObjectName("familyParam:" + param)
            value = current.get(param, default)
            editor.set_value(_param_text(value) if kind == "text" else value)
            if hasattr(editor.input, "setPlaceholderText"):
                editor.input.setPlaceholderText(_param_text(default))
            editor.set_help(self.tr("Builder parameter %1 of %2; default %3").replace("%1", param).replace(
                "%2", entry.name).replace("%3", _param_text(default)))
            editor.edited.connect(lambda value, p=param: self._set_family_param(p, value))
            label = self.tr(PARAM_LABELS.get(param, param.replace("_", " ")))
            self.family_form.addRow(label, editor)
            self.param_fields[param] = editor
        self.family_box.setVisible(bool(names))

    def _set_family_param(self, param: str, value: Any) -> None:
        self._last_param = param
        default = self._family_defaults.get(param)
        if isinstance(value, str):
            value = _parse_param(value, default)
        params = dict(self.model.project().get_value("model.params") or {})
        if value == default or (isinstance(default, tuple) and list(default) == value):
            params.pop(param, None)
        else:
            params[param] = value
        if self.model.set_value("model.params", params):
            self.param_fields[param].clear_error()

    # ---- custom layers --------------------------------------------------------------------------
    def _on_layers_edited(self, layers: list) -> None:
        self.model.set_value("model.layers", layers)

    # ---- project and estimate -------------------------------------------------------------------
    def _on_project_changed(self, project: Any) -> None:
        if project is None:
            return
        model = project.model
        custom = bool(model.layers)
        entry = self._entries.get(model.name)
        self.model_title.setText(self.tr("Custom model") if custom else model.name)
        description = entry.description if entry is not None and not custom else ""
        if entry is not None and entry.reference_params and not custom:
            if entry.reference_macs:
                reference = self.tr("Reference: %1 params, %2 MACs at %3").replace(
                    "%2", format_count(entry.reference_macs))
            else:
                reference = self.tr("Reference: %1 params at %3")
            description += "  " + reference.replace("%1", format_count(entry.reference_params)).replace(
                "%3", shape_text(entry.default_input))
        self.model_description.setText(description)
        self.model_description.setStyleSheet("")
        self.model_description.setVisible(bool(description))
        self.layers_box.setVisible(custom)
        self._relabel_inputs(entry.family if entry is not None and not custom else "")
        # rebuild the editors only when the model itself changed (not on every workload edit)
        key = (model.name, model.params, model.layers, project.network_input, id(self.family_form))
        if key == getattr(self, "_shown_model_key", None):
            return
        self._shown_model_key = key
        if custom:
            self.layer_editor.set_layers(project.get_value("model.layers"), project.network_input)
        self._show_family_params(project)
        if not custom and model.name in self._entries:
            self.select_preset(model.name)

    def _relabel_inputs(self, family: str) -> None:
        """A sequence Transformer reads (1, source length, target length) and its classes are the vocabulary."""
        sequence = family == "transformer"
        labels = {
            "model.input_height": self.tr("Source length") if sequence else self.editors["model.input_height"].label_text(),
            "model.input_width": self.tr("Target length") if sequence else self.editors["model.input_width"].label_text(),
            "model.num_classes": self.tr("Vocabulary") if sequence else self.editors["model.num_classes"].label_text(),
        }
        for path, text in labels.items():
            editor = self.editors[path]
            label = self.input_form.labelForField(editor)
            if label is not None:
                label.setText(text)
            editor.unit_label.setText(self.tr("tokens") if sequence and path != "model.num_classes" else
                                      (editor.info.unit if editor.info is not None else ""))

    def _on_estimate_changed(self, estimate: Any) -> None:
        if estimate is None:
            return
        self.stats_view.setEnabled(True)
        if estimate.model is not self.report:  # the core caches reports: same object, nothing to redraw
            same_shape = self.report is not None and self.report.model_name == estimate.model.model_name and len(
                self.report.layers) == len(estimate.model.layers)
            self.report = estimate.model
            self.stats_model.set_report(self.report)
            if not same_shape:  # measuring every cell is slow: only when a different model arrives
                self.stats_view.resizeColumnsToContents()
                self._cap_stats_columns()
            self._draw_bars()
        self._show_totals()

    def _cap_stats_columns(self) -> None:
        """Long layer names and layer descriptions must not push the numbers out of a narrow dock."""
        header = self.stats_view.horizontalHeader()
        for column in range(header.count()):
            limit = 200 if column < 2 else 130
            if header.sectionSize(column) > limit:
                header.resizeSection(column, limit)

    def _show_totals(self) -> None:
        report = self.report
        self.totals.setText(self.tr("Total: %1 params (%2 trainable), %3 MACs (%4 FLOPs), %5 other ops, "
                                    "%6 activations per sample, %7 traffic at %8; input %9").replace(
            "%1", format_count(report.params)).replace("%2", format_count(report.trainable_params)).replace(
            "%3", format_si(report.macs)).replace("%4", format_si(report.flops)).replace(
            "%5", format_si(report.other_ops)).replace("%6", format_si(report.activation_elements)).replace(
            "%7", format_bytes(report.traffic_bytes)).replace("%8", report.precision.upper()).replace(
            "%9", shape_text(report.input_shape)))
        self.totals.setToolTip(report.convention + "\n\n" + "\n".join(report.notes))
        self.totals.setStyleSheet("")

    def _on_estimate_failed(self, message: str) -> None:
        self.stats_view.setEnabled(False)  # the rows shown belong to the last model that worked
        self.totals.setText(self.tr("No statistics: %1").replace("%1", message))
        self.totals.setStyleSheet("color: #c62828;")

    def _on_validation_failed(self, field: str, message: str) -> None:
        import re

        custom = bool(self.model.project().model.layers)
        if field.startswith("model.layers") and custom:
            match = re.search(r"\[(\d+)\](?:\.(\w+))?", field)
            if match:
                self.layer_editor.mark_problem(int(match.group(1)), message, match.group(2) or "")
            return
        if field.startswith(("model.layers", "model.params", "model.family_params", "family_params")):
            # a zoo model that cannot be built with the parameters given: say where, under the parameter
            name = field.rsplit(".", 1)[-1]
            target = self.param_fields.get(name) or self.param_fields.get(self._last_param)
            where = field.split(" ", 1)[1] if " " in field else ""
            text = f"{where}: {message}" if where else message
            if target is not None:
                target.show_error(text)
            self.model_description.setText(text)
            self.model_description.setStyleSheet("color: #c62828;")
            self.model_description.show()
        elif field in ("model.name", "model"):
            self.model_description.setText(message)
            self.model_description.setStyleSheet("color: #c62828;")
            self.model_description.show()

    def _draw_bars(self, *_args: object) -> None:
        report = self.report
        if report is None:
            return
        # custom models name their layers by row number: add the kind so the bars read
        names = [f"{layer.name} {layer.kind}" if layer.name.isdigit() else layer.name for layer in report.layers]
        params = [layer.params for layer in report.layers]
        macs = [layer.macs for layer in report.layers]
        self.bars.set_layers(names, params, macs, self.top_n.value(), self.by_stage.isChecked())

    def totals_text(self) -> str:
        return self.totals.text()


__all__ = ["ModelPane"]
