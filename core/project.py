"""The Project document: everything a user enters, as one versioned, validated JSON file.

Scalar inputs are described once in `FIELDS` (dotted path -> label, unit, range, choices,
default, help); validation, defaults, the GUI's editors and tooltips all read that table.
Structured inputs (model parameters, custom layers, hardware candidates, quote settings)
are validated by dedicated functions below. Loading reports unknown keys in
`project.warnings` instead of dropping them silently; files from a newer schema are refused.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import ValidationError
from .files import write_text_atomic

SCHEMA_VERSION = 1
FORMAT_NAME = "rigsizer-project"

TASKS = ("train", "infer", "both")
TRAINING_PRECISIONS = ("fp32", "tf32", "fp16", "bf16", "fp8")
INFERENCE_PRECISIONS = ("fp32", "tf32", "fp16", "bf16", "fp8", "int8")
OPTIMIZERS = ("sgd", "sgd-momentum", "adam", "adamw")
PREPROCESSING_MODES = ("resize", "tile")
FILE_FORMATS = ("jpeg", "png", "bmp", "tiff", "raw")
STORAGE_KINDS = ("nvme", "sata-ssd", "hdd", "network")
AUGMENTATION_LEVELS = ("none", "light", "standard", "heavy")
TAKT_MODES = ("none", "takt", "line-speed")
INFERENCE_RUNTIMES = ("framework", "tensorrt")
TRAINING_RUNTIMES = ("eager", "graph", "compiled")
FORM_FACTORS = ("any", "desktop", "workstation", "rack", "edge")
LOCAL_DEVICE = "local"
MAX_DEVICES_PER_NODE = 8
MAX_NODES = 64


@dataclass(frozen=True)
class FieldInfo:
    """Metadata of one scalar input: what the GUI shows and what validation enforces."""

    path: str
    label: str
    kind: str  # "int", "float", "bool", "choice", "str"
    default: Any
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    help: str = ""

    @property
    def allowed(self) -> str:
        if self.kind == "choice":
            return "one of " + ", ".join(self.choices)
        if self.kind == "bool":
            return "true or false"
        if self.minimum is not None and self.maximum is not None:
            unit = f" {self.unit}" if self.unit else ""
            return f"{self.minimum:g} to {self.maximum:g}{unit}"
        return "text" if self.kind == "str" else ""

    def validate(self, value: Any) -> Any:
        """Return the value in canonical type, or raise ValidationError naming this field."""
        if self.kind == "bool":
            if isinstance(value, bool):
                return value
            raise ValidationError(self.path, f"{value!r} is not true or false", self.allowed)
        if self.kind == "choice":
            if value in self.choices:
                return str(value)
            raise ValidationError(self.path, f"{value!r} is not recognised", self.allowed)
        if self.kind == "str":
            if isinstance(value, str) and len(value) <= 2000:
                return value
            raise ValidationError(self.path, f"{value!r} is not a text of at most 2000 characters", "text")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValidationError(self.path, f"{value!r} is not a number", self.allowed)
        if not math.isfinite(value):  # NaN and infinity (JSON's NaN/Infinity) are no count and no measure
            raise ValidationError(self.path, f"{value!r} is not a finite number", self.allowed)
        if self.kind == "int":
            if int(value) != value:
                raise ValidationError(self.path, f"{value!r} is not a whole number", self.allowed)
            value = int(value)
        else:
            value = float(value)
        if (self.minimum is not None and value < self.minimum) or (
            self.maximum is not None and value > self.maximum
        ):
            raise ValidationError(self.path, f"{value!r} is out of range", self.allowed)
        return value


def _f(path, label, kind, default, unit="", minimum=None, maximum=None, choices=(), help=""):
    return FieldInfo(path, label, kind, default, unit, minimum, maximum, tuple(choices), help)


_FIELD_LIST = (
    _f("name", "Project name", "str", "Untitled project", help="Shown in the title bar and on the quote."),
    _f("notes", "Notes", "str", "", help="Free text kept with the project."),
    _f("task", "Workload", "choice", "both", choices=TASKS,
       help="What to estimate: training, inference on the line, or both."),
    # model
    _f("model.name", "Model", "str", "resnet50",
       help="Model zoo name (e.g. resnet50, detr_resnet50, yolov8s); ignored when custom layers are given."),
    _f("model.input_channels", "Input channels", "int", 3, "", 1, 64,
       help="Channels of the network input (1 for grayscale cameras, 3 for RGB)."),
    _f("model.input_height", "Input height", "int", 224, "px", 8, 8192,
       help="Height of the network input after resizing (tiling uses the tile size instead)."),
    _f("model.input_width", "Input width", "int", 224, "px", 8, 8192,
       help="Width of the network input after resizing (tiling uses the tile size instead)."),
    _f("model.num_classes", "Classes", "int", 0, "", 0, 100000,
       help="Number of output classes; 0 keeps the model's default head."),
    # dataset
    _f("dataset.preset", "Dataset preset", "str", "",
       help="Name of a catalog dataset the figures below were taken from; empty for your own data."),
    _f("dataset.images", "Images", "int", 1000, "", 1, 1_000_000_000,
       help="Number of labelled images available for training (before the validation split)."),
    _f("dataset.width", "Image width", "int", 2592, "px", 8, 100_000, help="Width of one camera image."),
    _f("dataset.height", "Image height", "int", 1944, "px", 8, 100_000, help="Height of one camera image."),
    _f("dataset.channels", "Image channels", "int", 3, "", 1, 16, help="1 for grayscale, 3 for RGB."),
    _f("dataset.file_format", "File format", "choice", "jpeg", choices=FILE_FORMATS,
       help="Storage format; decides the CPU decode cost."),
    _f("dataset.file_kb", "Typical file size", "float", 0.0, "KB", 0, 10_000_000,
       help="Average file size on disk; 0 estimates it from the pixel count and format."),
    _f("dataset.defect_ratio", "Defect ratio", "float", 0.1, "", 0, 1,
       help="Fraction of images that show a defect; drives sampling advice."),
    _f("dataset.storage", "Storage", "choice", "nvme", choices=STORAGE_KINDS,
       help="Where the training images are read from when they are not in the page cache."),
    # preprocessing
    _f("preprocessing.mode", "Preprocessing", "choice", "resize", choices=PREPROCESSING_MODES,
       help="Resize each image to the network input, or cut it into tiles the network sees one by one."),
    _f("preprocessing.tile_size", "Tile size", "int", 512, "px", 16, 8192,
       help="Side of a square tile; the network input becomes tile x tile."),
    _f("preprocessing.tile_overlap", "Tile overlap", "int", 0, "px", 0, 8191,
       help="Pixels shared by neighbouring tiles; must be smaller than the tile size."),
    _f("preprocessing.augmentation", "Augmentation", "choice", "standard", choices=AUGMENTATION_LEVELS,
       help="CPU cost of random crops, flips, colour jitter and resizing per image."),
    # training
    _f("training.epochs", "Epochs", "int", 50, "", 1, 100_000, help="Passes over the training set."),
    _f("training.validation_fraction", "Validation fraction", "float", 0.2, "", 0, 0.9,
       help="Share of the images held out for validation."),
    _f("training.validation_every", "Validate every", "int", 1, "epochs", 1, 100_000,
       help="A validation pass runs after every this many epochs."),
    _f("training.batch", "Batch per device", "int", 32, "", 1, 65_536,
       help="Mini-batch size on each GPU (the global batch is this times the GPU count)."),
    _f("training.precision", "Training precision", "choice", "fp16", choices=TRAINING_PRECISIONS,
       help="fp16/bf16 mean mixed precision (FP32 master weights); tf32 uses TF32 tensor cores."),
    _f("training.optimizer", "Optimizer", "choice", "adamw", choices=OPTIMIZERS,
       help="Decides the optimizer state in memory and the cost of the update step."),
    _f("training.gradient_checkpointing", "Gradient checkpointing", "bool", False,
       help="Keep fewer activations and recompute them in backward (about one extra forward)."),
    _f("training.loader_workers", "Data-loader workers", "int", 0, "", 0, 512,
       help="CPU worker processes decoding and augmenting images; 0 lets Rigsizer size them."),
    _f("training.runtime", "Training runtime", "choice", "eager", choices=TRAINING_RUNTIMES,
       help="eager: PyTorch's default, one host dispatch per operator; graph: a TensorFlow or MXNet graph "
            "executor; compiled: torch.compile or XLA, which fuse element-wise work."),
    # inference
    _f("inference.precision", "Inference precision", "choice", "fp16", choices=INFERENCE_PRECISIONS,
       help="Numeric format of the deployed model; int8 needs a calibrated/quantised model."),
    _f("inference.batch", "Inference batch", "int", 1, "", 1, 65_536,
       help="Images per inference call on the line."),
    _f("inference.runtime", "Inference runtime", "choice", "tensorrt", choices=INFERENCE_RUNTIMES,
       help="Deep-learning framework (eager) or an optimising runtime such as TensorRT."),
    _f("inference.takt_mode", "Line rate from", "choice", "takt", choices=TAKT_MODES,
       help="How the required inference rate is given: takt time per part, or line speed and field of view."),
    _f("inference.takt_time_s", "Takt time", "float", 1.0, "s", 0.0001, 86_400,
       help="Seconds between two parts on the line."),
    _f("inference.images_per_part", "Images per part", "int", 1, "", 1, 100_000,
       help="Camera images (after tiling: each image's tiles count too) inspected per part."),
    _f("inference.line_speed_m_per_s", "Line speed", "float", 1.0, "m/s", 0.0001, 1000,
       help="Speed of a continuous web (fabric, steel) under the camera."),
    _f("inference.field_of_view_m", "Field of view along the line", "float", 0.5, "m", 0.0001, 1000,
       help="Length of the web one image covers along the direction of travel."),
    _f("inference.latency_budget_ms", "Latency budget", "float", 0.0, "ms", 0, 3_600_000,
       help="Longest acceptable time from image to decision; 0 uses the time between images."),
    # host of the candidate GPUs
    _f("hardware.cpu", "CPU", "str", "",
       help="Catalog id or name of the host CPU; empty lets the recommendation size it."),
    _f("hardware.ram_gib", "System RAM", "float", 64.0, "GiB", 1, 65_536, help="Host memory per node."),
    _f("hardware.nodes", "Nodes", "int", 1, "", 1, MAX_NODES, help="Identical machines training together."),
    _f("hardware.node_link_gbps", "Node link", "float", 100.0, "Gb/s", 1, 10_000,
       help="Network between nodes per node (InfiniBand/Ethernet line rate)."),
    # constraints for the recommendation
    _f("constraints.deadline_hours", "Deadline for one training run", "float", 0.0, "h", 0, 100_000,
       help="0 means no deadline."),
    _f("constraints.budget", "Hardware budget", "float", 0.0, "USD", 0, 1e9, help="0 means no budget limit."),
    _f("constraints.form_factor", "Form factor", "choice", "any", choices=FORM_FACTORS,
       help="Where the machine must fit."),
    _f("constraints.max_power_w", "Power limit", "float", 0.0, "W", 0, 1e6,
       help="Largest wall power the site allows per machine; 0 means no limit."),
    _f("constraints.max_gpus", "Most GPUs per machine", "int", 8, "", 1, MAX_DEVICES_PER_NODE,
       help="Upper end of the GPU-count sweep."),
)
FIELDS: dict[str, FieldInfo] = {info.path: info for info in _FIELD_LIST}

# structured (non-scalar) fields, documented for the GUI
STRUCTURED_FIELDS: dict[str, str] = {
    "model.params": "Builder parameters of the zoo model, e.g. {\"width\": 0.5}",
    "model.layers": "Custom layer list (used instead of the zoo model when not empty)",
    "hardware.candidates": "Devices to evaluate: [{\"device\": id/name/\"local\", \"count\": 1..8}]",
    "quote": "Quote settings: currency, tax_rate, discount, validity_days, electricity_per_kwh, customer ...",
}

QUOTE_DEFAULTS: dict[str, Any] = {
    "currency": "USD",
    "tax_rate": 0.0,
    "discount": 0.0,
    "validity_days": 30,
    "electricity_per_kwh": 0.30,
    "customer": "",
    "quote_number": "",
}
_QUOTE_NUMERIC = {"tax_rate": (0.0, 1.0), "discount": (0.0, 1.0), "validity_days": (1, 3650),
                  "electricity_per_kwh": (0.0, 100.0)}


@dataclass(frozen=True)
class Candidate:
    """One hardware option: a device (catalog id, name or "local") and how many per node."""

    device: str
    count: int = 1

    def to_dict(self) -> dict:
        return {"device": self.device, "count": self.count}


def _plain(name: str, value: Any) -> Any:
    """A section field as it appears in the JSON document (structured fields thawed to dicts/lists)."""
    if name == "params":
        return _thaw(dict(value))
    if name == "layers":
        return [_thaw(item) for item in value]
    if name == "candidates":
        return [c.to_dict() for c in value]
    return value


def _section(prefix: str) -> list[FieldInfo]:
    return [info for path, info in FIELDS.items() if path.startswith(prefix + ".")]


@dataclass(frozen=True)
class ModelInput:
    name: str
    input_channels: int
    input_height: int
    input_width: int
    num_classes: int
    params: tuple[tuple[str, Any], ...] = ()
    layers: tuple[Any, ...] = ()

    @property
    def params_dict(self) -> dict[str, Any]:
        return dict(self.params)


@dataclass(frozen=True)
class DatasetInput:
    preset: str
    images: int
    width: int
    height: int
    channels: int
    file_format: str
    file_kb: float
    defect_ratio: float
    storage: str


@dataclass(frozen=True)
class PreprocessingInput:
    mode: str
    tile_size: int
    tile_overlap: int
    augmentation: str


@dataclass(frozen=True)
class TrainingInput:
    epochs: int
    validation_fraction: float
    validation_every: int
    batch: int
    precision: str
    optimizer: str
    gradient_checkpointing: bool
    loader_workers: int
    runtime: str = "eager"


@dataclass(frozen=True)
class InferenceInput:
    precision: str
    batch: int
    runtime: str
    takt_mode: str
    takt_time_s: float
    images_per_part: int
    line_speed_m_per_s: float
    field_of_view_m: float
    latency_budget_ms: float


@dataclass(frozen=True)
class HardwareInput:
    cpu: str
    ram_gib: float
    nodes: int
    node_link_gbps: float
    candidates: tuple[Candidate, ...] = (Candidate("nvidia-geforce-rtx-4090", 1),)


@dataclass(frozen=True)
class ConstraintsInput:
    deadline_hours: float
    budget: float
    form_factor: str
    max_power_w: float
    max_gpus: int


_SECTIONS: dict[str, type] = {
    "model": ModelInput,
    "dataset": DatasetInput,
    "preprocessing": PreprocessingInput,
    "training": TrainingInput,
    "inference": InferenceInput,
    "hardware": HardwareInput,
    "constraints": ConstraintsInput,
}
_TOP_SCALARS = ("name", "notes", "task")


@dataclass(frozen=True)
class Project:
    """One user document. Immutable: edits return a new Project (`with_value`)."""

    name: str
    notes: str
    task: str
    model: ModelInput
    dataset: DatasetInput
    preprocessing: PreprocessingInput
    training: TrainingInput
    inference: InferenceInput
    hardware: HardwareInput
    constraints: ConstraintsInput
    quote: tuple[tuple[str, Any], ...] = tuple(QUOTE_DEFAULTS.items())
    schema_version: int = SCHEMA_VERSION
    warnings: tuple[str, ...] = field(default=(), compare=False)

    # construction -------------------------------------------------------------------------
    @classmethod
    def default(cls) -> Project:
        return cls.from_dict({})

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Project:
        """Validate a (possibly older) document; unknown keys become warnings."""
        if not isinstance(data, Mapping):
            raise ValidationError("project", "a project must be a JSON object", "an object")
        data, warnings = migrate(dict(data))
        values: dict[str, Any] = {}
        for key in _TOP_SCALARS:
            values[key] = FIELDS[key].validate(data[key]) if key in data else FIELDS[key].default
        known_top = set(_TOP_SCALARS) | set(_SECTIONS) | {"quote", "schema_version", "format"}
        warnings += [f"unknown key '{key}' ignored" for key in data if key not in known_top]
        for section, section_type in _SECTIONS.items():
            raw = data.get(section, {})
            if not isinstance(raw, Mapping):
                raise ValidationError(section, f"{section!r} must be an object", "an object")
            kwargs: dict[str, Any] = {}
            for info in _section(section):
                key = info.path.split(".", 1)[1]
                kwargs[key] = info.validate(raw[key]) if key in raw else info.default
            structured = _STRUCTURED_READERS.get(section, {})
            for key, reader in structured.items():
                if key in raw:
                    kwargs[key] = reader(raw[key])
            known = {info.path.split(".", 1)[1] for info in _section(section)} | set(structured)
            warnings += [f"unknown key '{section}.{key}' ignored" for key in raw if key not in known]
            values[section] = section_type(**kwargs)
        values["quote"] = _read_quote(data.get("quote", {}), warnings)
        project = cls(**values, warnings=tuple(warnings))
        _check_consistency(project)
        return project

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"format": FORMAT_NAME, "schema_version": SCHEMA_VERSION}
        for key in _TOP_SCALARS:
            out[key] = getattr(self, key)
        for section in _SECTIONS:
            obj = getattr(self, section)
            out[section] = {f.name: _plain(f.name, getattr(obj, f.name)) for f in fields(obj)}
        out["quote"] = _thaw(dict(self.quote))
        return out

    # dotted access ---------------------------------------------------------------------------
    def get_value(self, path: str) -> Any:
        """Value at a dotted path ("training.batch"); structured fields come back as plain JSON.

        Reads the one field asked for: the GUI's editors call this for every field on every edit."""
        head, _, rest = path.partition(".")
        node: Any
        if head in _SECTIONS and rest:
            key, _, deeper = rest.partition(".")
            section = getattr(self, head)
            if key not in {f.name for f in fields(section)}:
                raise ValidationError(path, "no such field", "a field listed in FIELDS")
            node = _plain(key, getattr(section, key))
        elif head == "quote":
            node, deeper = _thaw(dict(self.quote)), rest
        elif head in _TOP_SCALARS or head in _SECTIONS or head in ("format", "schema_version"):
            node, deeper = self.to_dict()[head], rest
        else:
            raise ValidationError(path, "no such field", "a field listed in FIELDS")
        for part in deeper.split(".") if deeper else ():
            if not isinstance(node, Mapping) or part not in node:
                raise ValidationError(path, "no such field", "a field listed in FIELDS")
            node = node[part]
        return node

    def with_value(self, path: str, value: Any) -> Project:
        """A new Project with one field changed, fully validated (raises ValidationError(field=path))."""
        document = self.to_dict()
        parts = path.split(".")
        if path not in FIELDS and path not in STRUCTURED_FIELDS and not path.startswith("quote."):
            raise ValidationError(path, "no such field", "a field listed in FIELDS")
        node = document
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
        return Project.from_dict(document)

    def with_values(self, changes: Mapping[str, Any]) -> Project:
        project = self
        for path, value in changes.items():
            project = project.with_value(path, value)
        return project

    @property
    def quote_settings(self) -> dict[str, Any]:
        return _thaw(dict(self.quote))

    # derived inputs ------------------------------------------------------------------------
    @property
    def network_input(self) -> tuple[int, int, int]:
        """(C, H, W) the network sees: the tile in tiling mode, the model input otherwise."""
        m = self.model
        if self.preprocessing.mode == "tile":
            size = self.preprocessing.tile_size
            return (m.input_channels, size, size)
        return (m.input_channels, m.input_height, m.input_width)

    @property
    def tiles_per_image(self) -> int:
        """ceil((W - o)/(T - o)) x ceil((H - o)/(T - o)) in tiling mode, 1 otherwise."""
        if self.preprocessing.mode != "tile":
            return 1
        return tiles_per_image(self.dataset.width, self.dataset.height,
                               self.preprocessing.tile_size, self.preprocessing.tile_overlap)

    @property
    def training_images(self) -> int:
        return max(1, round(self.dataset.images * (1 - self.training.validation_fraction)))

    @property
    def validation_images(self) -> int:
        return self.dataset.images - self.training_images


def tiles_per_image(width: int, height: int, tile: int, overlap: int) -> int:
    """Tiles covering a width x height image with square tiles overlapping by `overlap` pixels."""
    stride = tile - overlap
    across = max(1, math.ceil((width - overlap) / stride))
    down = max(1, math.ceil((height - overlap) / stride))
    return across * down


# structured readers --------------------------------------------------------------------------
def _freeze(value: Any) -> Any:
    if isinstance(value, Mapping):
        return tuple((str(k), _freeze(v)) for k, v in value.items())
    if isinstance(value, list | tuple):
        return ("__list__", tuple(_freeze(v) for v in value))
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        if len(value) == 2 and value[0] == "__list__":
            return [_thaw(v) for v in value[1]]
        if all(isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str) for item in value):
            return {k: _thaw(v) for k, v in value}
    return value


def _is_json_scalar(value: Any) -> bool:
    return value is None or isinstance(value, bool | int | float | str)


def _read_params(raw: Any) -> tuple[tuple[str, Any], ...]:
    if not isinstance(raw, Mapping):
        raise ValidationError("model.params", "must be an object of name: value", "an object")
    for key, value in raw.items():
        if not _is_json_scalar(value) and not isinstance(value, list | Mapping):
            raise ValidationError(f"model.params.{key}", f"{value!r} is not a JSON value", "number, text, list")
    return tuple((str(k), _freeze(v)) for k, v in raw.items())


def _read_layers(raw: Any) -> tuple[Any, ...]:
    if not isinstance(raw, list):
        raise ValidationError("model.layers", "must be a list of layer objects", "a list")
    for index, item in enumerate(raw):
        if not isinstance(item, Mapping) or not isinstance(item.get("type", item.get("kind")), str):
            raise ValidationError(f"model.layers[{index}]", "each layer needs a 'type'", "an object with a type")
    return tuple(_freeze(item) for item in raw)


def _read_candidates(raw: Any) -> tuple[Candidate, ...]:
    if not isinstance(raw, list):
        raise ValidationError("hardware.candidates", "must be a list of {device, count}", "a list")
    out = []
    for index, item in enumerate(raw):
        where = f"hardware.candidates[{index}]"
        if isinstance(item, str):
            item = {"device": item}
        if not isinstance(item, Mapping):
            raise ValidationError(where, "must be an object with 'device' and 'count'", "an object")
        device = item.get("device")
        if not isinstance(device, str) or not device.strip():
            raise ValidationError(f"{where}.device", "a catalog id, a device name or 'local' is needed",
                                  "catalog id, name or local")
        count = item.get("count", 1)
        if isinstance(count, bool) or not isinstance(count, int | float) or int(count) != count:
            raise ValidationError(f"{where}.count", f"{count!r} is not a whole number",
                                  f"1 to {MAX_DEVICES_PER_NODE}")
        if not 1 <= count <= MAX_DEVICES_PER_NODE:
            raise ValidationError(f"{where}.count", f"{count} is out of range", f"1 to {MAX_DEVICES_PER_NODE}")
        out.append(Candidate(device.strip(), int(count)))
    return tuple(out)


def _read_quote(raw: Any, warnings: list[str]) -> tuple[tuple[str, Any], ...]:
    if not isinstance(raw, Mapping):
        raise ValidationError("quote", "must be an object", "an object")
    merged = dict(QUOTE_DEFAULTS)
    for key, value in raw.items():
        if key in _QUOTE_NUMERIC:
            low, high = _QUOTE_NUMERIC[key]
            info = FieldInfo(f"quote.{key}", key, "int" if key == "validity_days" else "float", 0, "", low, high)
            value = info.validate(value)
        elif key == "currency":
            if not (isinstance(value, str) and len(value) == 3 and value.isalpha()):
                raise ValidationError("quote.currency", f"{value!r} is not a currency code", "three letters, e.g. USD")
            value = value.upper()
        elif not _is_json_scalar(value) and not isinstance(value, list | Mapping):
            raise ValidationError(f"quote.{key}", f"{value!r} is not a JSON value", "number, text, list, object")
        merged[str(key)] = value
    return tuple((k, _freeze(v)) for k, v in merged.items())


_STRUCTURED_READERS: dict[str, dict[str, Any]] = {
    "model": {"params": _read_params, "layers": _read_layers},
    "hardware": {"candidates": _read_candidates},
}


def _check_consistency(project: Project) -> None:
    pre = project.preprocessing
    if pre.tile_overlap >= pre.tile_size:
        raise ValidationError("preprocessing.tile_overlap", f"{pre.tile_overlap} px is not smaller than the tile",
                              f"0 to {pre.tile_size - 1} px")
    if project.task in ("train", "both") and project.training_images < 1:
        raise ValidationError("training.validation_fraction", "leaves no training images", "0 to 0.9")
    if not project.model.layers and not project.model.name.strip():
        raise ValidationError("model.name", "a zoo model name or custom layers are needed", "a zoo model name")


# versions ------------------------------------------------------------------------------------
# Each entry upgrades a document from version N to N + 1. Version 1 is the first release.
MIGRATIONS: dict[int, Any] = {}


def migrate(data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Bring a document to SCHEMA_VERSION; refuse documents written by a newer Rigsizer."""
    warnings: list[str] = []
    fmt = data.get("format", FORMAT_NAME)
    if fmt != FORMAT_NAME:
        raise ValidationError("format", f"{fmt!r} is not a Rigsizer project", FORMAT_NAME)
    version = data.get("schema_version", SCHEMA_VERSION)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ValidationError("schema_version", f"{version!r} is not a schema version",
                              f"1 to {SCHEMA_VERSION}")
    if version > SCHEMA_VERSION:
        raise ValidationError(
            "schema_version",
            f"the file was written by a newer Rigsizer (schema {version}); update Rigsizer to open it",
            f"1 to {SCHEMA_VERSION}",
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        warnings.append(f"migrated from schema {version} to {version + 1}")
        version += 1
    return data, warnings


def load_project(path: str | os.PathLike[str]) -> Project:
    """Read and validate a .rigsizer.json file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ValidationError("file", f"cannot read {path.name}: {error.strerror or error}", "a readable file") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValidationError("file", f"{path.name} is not valid JSON (line {error.lineno})", "a JSON project") from None
    return Project.from_dict(data)


def save_project(project: Project, path: str | os.PathLike[str]) -> Path:
    """Write atomically: a temporary file in the same folder, then os.replace."""
    return write_text_atomic(path, json.dumps(project.to_dict(), indent=2, ensure_ascii=False) + "\n")


def replace_section(project: Project, section: str, **changes: Any) -> Project:
    """Convenience for code (not users): change several fields of one section, validated."""
    document = project.to_dict()
    document[section].update(changes)
    return Project.from_dict(document)


__all__ = [
    "FIELDS", "FieldInfo", "Project", "SCHEMA_VERSION", "Candidate", "load_project", "save_project",
    "tiles_per_image", "STRUCTURED_FIELDS",
]
