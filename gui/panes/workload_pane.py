"""Workload pane: dataset, preprocessing (resize or tiles, with a preview), training, and the line.

Every editor is a ProjectField: label, unit, tooltip and range come from the core's FIELDS,
edits go through ProjectModel.set_value, and a rejected value is marked under its field.
"""

from __future__ import annotations

import math
import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..widgets.language_pane import LanguagePane
from ..widgets.numbers import format_count, format_duration, format_number, format_si
from ..widgets.project_field import ProjectField, add_project_fields
from ..widgets.reflow import ReflowGrid
from ..widgets.tile_preview import TilePreview

DATASET_FIELDS = ["dataset.images", "dataset.width", "dataset.height", "dataset.channels", "dataset.file_format",
                  "dataset.file_kb", "dataset.defect_ratio", "dataset.storage"]
PREPROCESSING_FIELDS = ["preprocessing.mode", "model.input_width", "model.input_height", "preprocessing.tile_size",
                        "preprocessing.tile_overlap", "preprocessing.augmentation"]
TRAINING_FIELDS = ["training.epochs", "training.batch", "training.precision", "training.optimizer",
                   "training.validation_fraction", "training.validation_every", "training.gradient_checkpointing",
                   "training.loader_workers", "training.runtime"]
INFERENCE_FIELDS = ["inference.precision", "inference.batch", "inference.runtime", "inference.takt_mode",
                    "inference.takt_time_s", "inference.images_per_part", "inference.line_speed_m_per_s",
                    "inference.field_of_view_m", "inference.latency_budget_ms"]
RESIZE_ONLY = ("model.input_width", "model.input_height")
TILE_ONLY = ("preprocessing.tile_size", "preprocessing.tile_overlap")
TAKT_ONLY = ("inference.takt_time_s", "inference.images_per_part")
LINE_ONLY = ("inference.line_speed_m_per_s", "inference.field_of_view_m")


def _number(value: Any) -> float | None:
    """Catalog cells may read '640 (typ.)' or '~110'; take the leading number, None if there is none."""
    if value is None:
        return None
    if isinstance(value, int | float):
        return None if isinstance(value, float) and math.isnan(value) else float(value)
    match = re.search(r"\d[\d,]*(?:\.\d+)?", str(value))
    return float(match.group(0).replace(",", "")) if match else None


def _get(record: Any, *names: str) -> Any:
    for name in names:
        value = record.get(name) if isinstance(record, dict) else getattr(record, name, None)
        if isinstance(value, float) and math.isnan(value):
            continue  # unknown in the catalog: try the next column
        if value not in (None, ""):
            return value
    return None


def dataset_changes(record: Any) -> dict[str, Any]:
    """Project fields a catalog dataset fills in (only the figures the catalog knows)."""
    changes: dict[str, Any] = {"dataset.preset": str(_get(record, "name", "id") or "")}
    for path, names in (("dataset.images", ("images_train", "images_total", "images")),
                        ("dataset.width", ("width_px", "width_text", "width")),
                        ("dataset.height", ("height_px", "height_text", "height")),
                        ("dataset.channels", ("channels",))):
        number = _number(_get(record, *names))
        if number is not None and number >= 1:
            changes[path] = int(round(number))
    size_bytes = _number(_get(record, "typical_file_bytes"))
    size = size_bytes / 1000 if size_bytes is not None else _number(_get(record, "typical_file_kb", "file_kb"))
    if size is not None:
        changes["dataset.file_kb"] = float(size)
    fmt = str(_get(record, "file_format", "format") or "").lower()
    for choice in ("jpeg", "png", "bmp", "tiff", "raw"):
        if choice in fmt or (choice == "jpeg" and "jpg" in fmt) or (choice == "tiff" and "tif" in fmt):
            changes["dataset.file_format"] = choice
            break
    defective, total = _number(_get(record, "images_defective")), _number(_get(record, "images_total"))
    if defective is not None and total:
        changes["dataset.defect_ratio"] = min(1.0, defective / total)
    return changes


class WorkloadPane(LanguagePane):
    """Edits the workload part of the Project; shows the core's tile count and line rate."""

    def __init__(self, project_model: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = project_model
        self._datasets: list[Any] = []
        self.install_content()
        project_model.projectChanged.connect(self._on_project_changed)
        project_model.estimateChanged.connect(self._on_estimate_changed)

    def fill_from_model(self) -> None:
        self._load_datasets()
        self._on_project_changed(self.model.project())
        self._on_estimate_changed(self.model.estimate())

    def view_state(self) -> Any:
        return self._scroll.verticalScrollBar().value()

    def restore_view_state(self, state: Any) -> None:
        self._scroll.verticalScrollBar().setValue(int(state or 0))

    def build_content(self) -> QWidget:
        project_model = self.model
        self.editors: dict[str, ProjectField] = {}
        scroll = self._scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.sections = ReflowGrid()
        scroll.setWidget(self.sections)

        # task + dataset
        dataset_box = QGroupBox(self.tr("Dataset"))
        form = self._form(dataset_box)
        self.editors.update(add_project_fields(form, project_model, ["task"]))
        self.dataset_preset = QComboBox()
        self.dataset_preset.setObjectName("datasetPreset")
        self.dataset_preset.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.dataset_preset.setMinimumContentsLength(14)  # dataset names are long; the dock may be narrow
        self.dataset_preset.setToolTip(self.tr("Fill in the figures of a published dataset from the catalog "
                                               "(with its source), or keep your own numbers."))
        self.dataset_preset.activated.connect(self._on_dataset_picked)
        form.addRow(self.tr("Preset"), self.dataset_preset)
        self.dataset_source = QLabel()
        self.dataset_source.setWordWrap(True)
        self.dataset_source.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.dataset_source.setOpenExternalLinks(True)
        form.addRow("", self.dataset_source)
        self._dataset_form = form
        self.editors.update(add_project_fields(form, project_model, DATASET_FIELDS))
        self.sections.add_section(dataset_box)

        # preprocessing
        pre_box = QGroupBox(self.tr("Preprocessing"))
        pre_layout = QVBoxLayout(pre_box)
        form = QFormLayout()
        self._tune(form)
        pre_layout.addLayout(form)
        self.editors.update(add_project_fields(form, project_model, PREPROCESSING_FIELDS))
        self.tile_preview = TilePreview()
        self.tile_preview.setObjectName("tilePreview")
        pre_layout.addWidget(self.tile_preview, 1)
        self.sections.add_section(pre_box)

        # training
        train_box = QGroupBox(self.tr("Training"))
        form = self._form(train_box)
        self.editors.update(add_project_fields(form, project_model, TRAINING_FIELDS))
        self.training_summary = QLabel()
        self.training_summary.setWordWrap(True)
        form.addRow("", self.training_summary)
        self.sections.add_section(train_box)

        # inference and production line
        line_box = QGroupBox(self.tr("Inference and production line"))
        form = self._form(line_box)
        self.editors.update(add_project_fields(form, project_model, INFERENCE_FIELDS))
        self.line_summary = QLabel()
        self.line_summary.setObjectName("lineSummary")
        self.line_summary.setWordWrap(True)
        form.addRow("", self.line_summary)
        self._line_form = form
        self.sections.add_section(line_box)
        return scroll

    # -- layout helpers -------------------------------------------------------------------------
    def _tune(self, form: QFormLayout) -> None:
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def _form(self, box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        self._tune(form)
        return form

    def _set_row_visible(self, path: str, visible: bool) -> None:
        """Show or hide a whole form row (label, field and spacing), not just the field."""
        editor = self.editors.get(path)
        if editor is None:
            return
        for form in self.sections.findChildren(QFormLayout):
            if form.indexOf(editor) >= 0:
                form.setRowVisible(editor, visible)
                return
        editor.setVisible(visible)

    # -- datasets --------------------------------------------------------------------------------
    def _load_datasets(self) -> None:
        self.dataset_preset.clear()
        self.dataset_preset.addItem(self.tr("Custom (your own data)"), None)
        try:
            self._datasets = list(self.model.catalog.datasets())
        except Exception as error:  # a missing catalog leaves custom data usable
            self._datasets = []
            self.dataset_preset.setToolTip(self.tr("Catalog datasets unavailable: %1").replace("%1", str(error)))
        for index, record in enumerate(self._datasets):
            name = str(_get(record, "name", "id") or "?")
            task = _get(record, "task")
            self.dataset_preset.addItem(f"{name} — {task}" if task else name, index)

    def _on_dataset_picked(self, row: int) -> None:
        index = self.dataset_preset.itemData(row)
        if index is None:
            if self.model.project().dataset.preset:
                self.model.set_value("dataset.preset", "")
            return
        record = self._datasets[index]
        changes = dataset_changes(record)
        try:
            project = self.model.project().with_values(changes)
        except Exception as error:
            field = getattr(error, "field", "dataset.preset")
            self.model.validationFailed.emit(field, getattr(error, "reason", str(error)))
            return
        self.model.set_project(project, self.tr("Use dataset %1").replace("%1", changes["dataset.preset"]))

    def _show_dataset_source(self, preset: str) -> None:
        record = next((r for r in self._datasets if str(_get(r, "name", "id")) == preset
                       or str(_get(r, "id")) == preset), None)
        row = 0 if record is None else self._datasets.index(record) + 1
        blocked = self.dataset_preset.blockSignals(True)
        self.dataset_preset.setCurrentIndex(row)
        self.dataset_preset.blockSignals(blocked)
        if record is None:
            self.dataset_source.setText("")
            self._dataset_form.setRowVisible(self.dataset_source, False)
            return
        source = str(_get(record, "source") or "")
        licence = str(_get(record, "license", "licence") or "")
        text = self.tr("Source: %1").replace("%1", source.split(";")[0].strip())
        if licence:
            text += "\n" + self.tr("Licence: %1").replace("%1", licence)
        self.dataset_source.setText(text)
        self.dataset_source.setToolTip(source + ("\n\n" + str(_get(record, "notes")) if _get(record, "notes") else ""))
        self._dataset_form.setRowVisible(self.dataset_source, True)

    # -- project and estimate ------------------------------------------------------------------
    def _on_project_changed(self, project: Any) -> None:
        if project is None:
            return
        tiling = project.preprocessing.mode == "tile"
        for path in TILE_ONLY:
            self._set_row_visible(path, tiling)
        for path in RESIZE_ONLY:
            self._set_row_visible(path, not tiling)
        mode = project.inference.takt_mode
        for path in TAKT_ONLY:
            self._set_row_visible(path, mode == "takt")
        for path in LINE_ONLY:
            self._set_row_visible(path, mode == "line-speed")
        self._set_row_visible("inference.latency_budget_ms", mode != "none")
        task = project.task
        for path in TRAINING_FIELDS:
            self.editors[path].setEnabled(task in ("train", "both"))
        self._show_dataset_source(project.dataset.preset)
        self._update_preview(project)
        self.training_summary.setText(self.tr("%1 training and %2 validation images").replace(
            "%1", format_count(project.training_images)).replace("%2", format_count(project.validation_images)))

    def _update_preview(self, project: Any) -> None:
        from rigsizer.core.project import tiles_per_image

        width, height = project.dataset.width, project.dataset.height
        if project.preprocessing.mode == "tile":
            tile, overlap = project.preprocessing.tile_size, project.preprocessing.tile_overlap
            columns = tiles_per_image(width, tile, tile, overlap)
            rows = tiles_per_image(tile, height, tile, overlap)
            total = project.tiles_per_image
            caption = self.tr("%1 tiles per image (%2 × %3), %4 px tiles, %5 px overlap").replace(
                "%1", format_count(total)).replace("%2", format_count(columns)).replace(
                "%3", format_count(rows)).replace("%4", format_count(tile)).replace("%5", format_count(overlap))
            self.tile_preview.set_tiling(width, height, tile, tile, tile - overlap, tile - overlap, columns, rows,
                                         caption)
        else:
            _, in_h, in_w = project.network_input
            caption = self.tr("%1 × %2 px image resized to %3 × %4 px").replace("%1", format_count(width)).replace(
                "%2", format_count(height)).replace("%3", format_count(in_w)).replace("%4", format_count(in_h))
            self.tile_preview.set_resize(width, height, in_w, in_h, caption)

    def _on_estimate_changed(self, estimate: Any) -> None:
        inference = getattr(estimate, "inference", None) if estimate is not None else None
        takt = getattr(inference, "takt", None) if inference is not None else None
        if takt is None:
            self.line_summary.setText("")
            self._line_form.setRowVisible(self.line_summary, False)
            return
        status = self.tr("meets the line") if takt.meets else self.tr("does NOT meet the line")
        text = self.tr("Required: %1 images/s, latency budget %2. %3 × %4: margin %5 % — %6.").replace(
            "%1", format_number(takt.required_rate.value)).replace(
            "%2", format_duration(takt.latency_budget.value)).replace(
            "%3", format_count(getattr(estimate, "gpus", 1))).replace(
            "%4", getattr(estimate.device, "name", "")).replace(
            "%5", format_number(takt.margin.value * 100)).replace("%6", status)
        if math.isfinite(takt.devices_needed.value) and takt.devices_needed.value > 1:
            text += " " + self.tr("Devices needed: %1.").replace("%1", format_si(takt.devices_needed.value))
        self.line_summary.setText(text)
        self.line_summary.setStyleSheet("" if takt.meets else "color: #c62828;")
        self._line_form.setRowVisible(self.line_summary, True)

    def editor(self, path: str) -> ProjectField:
        return self.editors[path]
