"""What one estimate works from: the resolved model reports, device, host and calibration.

Model reports are cached by their inputs (building and analysing a graph is deterministic),
so that re-estimating while a user edits training settings costs well under a millisecond.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import ValidationError
from ..hardware.spec import DeviceSpec
from ..model.report import ModelReport
from ..project import LOCAL_DEVICE, Project, _thaw
from .calibration import Calibration
from .features import LayerFeatures, layer_features


@dataclass(frozen=True)
class Context:
    project: Project
    device: DeviceSpec
    gpus: int
    nodes: int
    host_cpu: DeviceSpec | None
    host_cores: float
    ram_bytes: float
    calibration: Calibration
    notes: tuple[str, ...]
    times_unknown: str = ""  # why no time can be computed for this device ("" when times can be)


@lru_cache(maxsize=64)
def _report(name: str, network_input: tuple[int, int, int], num_classes: int, params: tuple, precision: str,
            layers: tuple) -> tuple[ModelReport, LayerFeatures]:
    from ..model.analyze import analyze
    from ..model.zoo import build_model

    if layers:
        try:
            from ..model.custom import build_custom  # type: ignore[import-not-found]
        except ImportError:
            raise ValidationError("model.layers", "custom layer lists cannot be analysed by this version",
                                  "a model zoo name") from None
        model = build_custom([_thaw(item) for item in layers], input=network_input)
    else:
        kwargs: dict[str, Any] = {k: _thaw(v) for k, v in params}
        model = build_model(name, input=network_input, num_classes=num_classes or None, **kwargs)
    report = analyze(model, precision)
    return report, layer_features(report)


def model_report(project: Project, precision: str) -> tuple[ModelReport, LayerFeatures]:
    m = project.model
    analysis_precision = "fp16" if precision == "fp8" else precision
    try:
        return _report(m.name, project.network_input, m.num_classes, m.params, analysis_precision, m.layers)
    except ValidationError as error:
        field = error.field if error.field.startswith("model") else f"model.{error.field}"
        raise ValidationError(field, error.reason, error.allowed) from None


def resolve_device(catalog, text: str | DeviceSpec, field: str) -> DeviceSpec:
    """A catalog id, marketing name, NVML name, or "local" (this workstation's first GPU)."""
    if isinstance(text, DeviceSpec):
        return text
    if text.strip().lower() == LOCAL_DEVICE:
        from ..hardware.workstation import workstation

        return workstation(catalog).primary
    try:
        found = catalog.resolve(text)
    except ValidationError as error:
        raise ValidationError(field, error.reason, error.allowed) from None
    if isinstance(found, str):
        found = catalog.get(found)
    return found


def build_context(project: Project, catalog, calibration: Calibration, device: str | DeviceSpec | None = None,
                  gpus: int | None = None) -> Context:
    notes: list[str] = []
    if device is None:
        if not project.hardware.candidates:
            raise ValidationError("hardware.candidates", "no device to estimate", "at least one candidate")
        candidate = project.hardware.candidates[0]
        device, count = candidate.device, candidate.count
        field = "hardware.candidates[0].device"
    else:
        count, field = 1, "device"
    if gpus is not None:
        count = gpus
    spec = resolve_device(catalog, device, field)
    host: DeviceSpec | None = None
    ram = project.hardware.ram_gib * 1024**3
    if project.hardware.cpu.strip():
        host = resolve_device(catalog, project.hardware.cpu, "hardware.cpu")
    elif isinstance(device, str) and device.strip().lower() == LOCAL_DEVICE:
        from ..hardware.workstation import workstation

        station = workstation(catalog)
        host, ram = station.cpu, station.ram_bytes
    if spec.kind == "cpu":
        host = host or spec
        count = 1
    cores = float(host.cores) if host is not None and host.cores else math.nan
    if host is None:
        notes.append("no host CPU given: the data pipeline reports cores needed but cannot check them")
    times_unknown = ""
    if not math.isfinite(spec.memory_bandwidth_bps):
        times_unknown = (f"the memory bandwidth of {spec.name} is unknown, so times cannot be computed "
                         "(measure it with rigsizer-cli bench or pick a catalog device)")
        notes.append(times_unknown)
    if spec.kind != "gpu" and count > 1:
        count = 1
        notes.append("several devices are only modelled for GPUs; one device assumed")
    return Context(project, spec, int(count), project.hardware.nodes if spec.kind == "gpu" else 1, host, cores,
                   ram, calibration, tuple(notes), times_unknown)
