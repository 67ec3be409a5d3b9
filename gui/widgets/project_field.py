"""Editors bound to one Project field: label, tooltip and range from the core's FIELDS table.

Edits go through `ProjectModel.set_value` (validated, undoable); a rejection comes back as
`validationFailed(field, message)` and is shown under the editor. The GUI checks nothing itself.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from .numbers import format_number
from .validated_field import ValidatedField


def choice_labels() -> dict[str, str]:
    """Readable, translatable names for the core's choice codes (the codes stay in the file)."""
    translate = QCoreApplication.translate  # literal calls below, so that lupdate finds every text
    labels = {
        "train": translate("ProjectField", "Training"), "infer": translate("ProjectField", "Inference"), "both": translate("ProjectField", "Training and inference"),
        "sgd": "SGD", "sgd-momentum": translate("ProjectField", "SGD with momentum"), "adam": "Adam", "adamw": "AdamW",
        "resize": translate("ProjectField", "Resize to the network input"), "tile": translate("ProjectField", "Cut into tiles"),
        "jpeg": "JPEG", "png": "PNG", "bmp": "BMP", "tiff": "TIFF", "raw": translate("ProjectField", "Raw pixels"),
        "nvme": translate("ProjectField", "NVMe SSD"), "sata-ssd": translate("ProjectField", "SATA SSD"), "hdd": translate("ProjectField", "Hard disk"), "network": translate("ProjectField", "Network share"),
        "none": translate("ProjectField", "None"), "light": translate("ProjectField", "Light"), "standard": translate("ProjectField", "Standard"), "heavy": translate("ProjectField", "Heavy"),
        "takt": translate("ProjectField", "Takt time per part"), "line-speed": translate("ProjectField", "Line speed and field of view"),
        "framework": translate("ProjectField", "Framework (eager)"), "tensorrt": "TensorRT",
        "eager": translate("ProjectField", "Eager (PyTorch)"), "graph": translate("ProjectField", "Graph (TensorFlow, MXNet)"),
        "compiled": translate("ProjectField", "Compiled (torch.compile, XLA)"),
        "any": translate("ProjectField", "Any"), "desktop": translate("ProjectField", "Desktop"), "workstation": translate("ProjectField", "Workstation"), "rack": translate("ProjectField", "Rack server"),
        "edge": translate("ProjectField", "Edge device"),
    }
    for precision in ("fp64", "fp32", "tf32", "fp16", "bf16", "fp8", "int8", "int4"):
        labels[precision] = precision.upper()
    return labels


def field_info(path: str) -> Any:
    """The core's FieldInfo for a dotted project path (None when the core does not describe it)."""
    from rigsizer.core.project import FIELDS

    return FIELDS.get(path)


def _kind_of(info: Any) -> str:
    choices = getattr(info, "choices", None)
    if choices:
        return "choice"
    kind = getattr(info, "kind", "") or getattr(info, "type", "")
    if isinstance(kind, type):
        kind = kind.__name__
    if kind in ("int", "float", "bool", "str", "text"):
        return "text" if kind == "str" else kind
    default = getattr(info, "default", None)
    if isinstance(default, bool):
        return "bool"
    if isinstance(default, int):
        return "int"
    if isinstance(default, float):
        return "float"
    if isinstance(default, str):
        return "text"
    minimum = getattr(info, "minimum", None)
    return "float" if minimum is not None else "text"


def describe_range(info: Any) -> str:
    """'1 to 4,096 images' or 'one of fp32, fp16' for tooltips."""
    if info is None:
        return ""
    choices = getattr(info, "choices", None)
    unit = getattr(info, "unit", "") or ""
    if choices:
        return QCoreApplication.translate("ProjectField", "one of %1").replace("%1", ", ".join(str(c) for c in choices))
    low, high = getattr(info, "minimum", None), getattr(info, "maximum", None)
    if low is None and high is None:
        return ""
    low_text = format_number(low, 6) if low is not None else "−∞"
    high_text = format_number(high, 6) if high is not None else "∞"
    return f"{low_text} … {high_text} {unit}".rstrip()


class ProjectField(ValidatedField):
    """A ValidatedField that reads and writes `path` of the model's Project."""

    def __init__(self, model: Any, path: str, parent: QWidget | None = None) -> None:
        self.model = model
        self.path = path
        self.info = field_info(path)
        kind = _kind_of(self.info)
        choices = tuple(getattr(self.info, "choices", None) or ())
        unit = getattr(self.info, "unit", "") or ""
        labels = choice_labels()
        if path == "inference.takt_mode":
            labels["none"] = self.tr("No production line")
        super().__init__(kind=kind, choices=choices, unit=unit, choice_labels=labels, parent=parent)
        self.setObjectName("field:" + path)
        self.set_help(self.help_text())
        self.edited.connect(self._apply)
        model.validationFailed.connect(self._on_validation_failed)
        model.projectChanged.connect(self._on_project_changed)
        self._shown: Any = object()
        self._on_project_changed(model.project())

    def label_text(self) -> str:
        label = getattr(self.info, "label", "") or self.path.rsplit(".", 1)[-1].replace("_", " ")
        return self.tr(label)

    def help_text(self) -> str:
        parts = []
        help_text = getattr(self.info, "help", "") or ""
        if help_text:
            parts.append(self.tr(help_text))
        allowed = describe_range(self.info)
        if allowed:
            parts.append(self.tr("Allowed: %1").replace("%1", allowed))
        default = getattr(self.info, "default", None)
        if default is not None and default != "":
            parts.append(self.tr("Default: %1").replace("%1", self._display(default)))
        parts.append(self.path)
        return "\n".join(parts)

    def _apply(self, value: Any) -> None:
        if self.model.set_value(self.path, value):
            self.clear_error()

    def _on_validation_failed(self, field: str, message: str) -> None:
        # the core names the field by its full dotted path ("training.batch"), sometimes with detail after it
        if field == self.path or field.startswith((self.path + ".", self.path + "[", self.path + " ")):
            self.show_error(message)

    def _on_project_changed(self, project: Any) -> None:
        if project is None:
            return
        try:
            value = project.get_value(self.path)
        except Exception:  # a path the current project kind does not have (e.g. tiling off)
            self.setEnabled(False)
            return
        self.setEnabled(True)
        if value != self._shown:
            self._shown = value
            self.set_value(value)
            self.clear_error()


def add_project_fields(form: QFormLayout, model: Any, paths: list[str]) -> dict[str, ProjectField]:
    """Adds one labelled ProjectField per path to `form`; returns them by path."""
    editors: dict[str, ProjectField] = {}
    for path in paths:
        editor = ProjectField(model, path)
        label = QLabel(editor.label_text())
        label.setToolTip(editor.help_text())
        label.setBuddy(editor.input)
        form.addRow(label, editor)
        editors[path] = editor
    return editors
