"""rigsizer-cli estimate: memory, training time and inference for one model on one device.

Flags and JSON keys are a contract scripts rely on (issue 4): see `add_arguments` and
`Estimate.to_dict()`.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys

from ..errors import ValidationError
from ..units import INFERENCE_PRECISIONS, format_bytes, format_duration, format_si


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", help="model zoo name, e.g. resnet50")
    parser.add_argument("--input", help="network input CxHxW, e.g. 3x224x224")
    parser.add_argument("--task", choices=("train", "infer"), help="estimate training or inference")
    parser.add_argument("--device", help="catalog id, marketing name, NVML name, or 'local'")
    parser.add_argument("--gpus", type=int, help="GPUs per node (1-8)")
    parser.add_argument("--batch", type=int, help="batch per device")
    parser.add_argument("--precision", choices=INFERENCE_PRECISIONS, help="numeric precision")
    parser.add_argument("--images", type=int, help="images in the dataset")
    parser.add_argument("--image-size", help="camera image WxH, e.g. 2592x1944")
    parser.add_argument("--tile", type=int, help="cut images into TxT tiles (network input becomes the tile)")
    parser.add_argument("--epochs", type=int, help="training epochs")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--project", help="a .rigsizer.json project file")
    source.add_argument("--example", help="a preset project by name (e.g. fabric-seed)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def _pair(text: str, field: str, parts: int) -> list[int]:
    pieces = re.split(r"[x×,]", text.strip().lower())
    if len(pieces) != parts or not all(p.strip().isdigit() for p in pieces):
        example = "3x224x224" if parts == 3 else "2592x1944"
        raise ValidationError(field, f"{text!r} is not {'CxHxW' if parts == 3 else 'WxH'}", f"e.g. {example}")
    return [int(p) for p in pieces]


def build_project(args: argparse.Namespace):
    """The project the flags describe: a file or preset, with flags overriding its fields."""
    from ..examples import load_example
    from ..project import Project, load_project

    has_source = bool(args.project or args.example)
    if args.project:
        project = load_project(args.project)
    elif args.example:
        project = load_example(args.example)
    else:
        if not args.model:
            raise ValidationError("model", "a model name is needed (or --project/--example)", "a model zoo name")
        if not args.device:
            raise ValidationError("device", "a device is needed (or --project/--example)",
                                  "catalog id, name or local")
        project = Project.default()
    changes: dict[str, object] = {}
    task = args.task or (project.task if has_source else "train")
    if task == "both" and args.task is None:
        task = project.task
    changes["task"] = task
    if args.model:
        changes["model.name"] = args.model
    if args.input:
        c, h, w = _pair(args.input, "input", 3)
        changes.update({"model.input_channels": c, "model.input_height": h, "model.input_width": w})
    elif args.model and not has_source:
        # a bare --model runs at the model's own input (DETR at 800x1333, not the form's 224x224)
        from ..model.zoo import model_entry

        c, h, w = model_entry(args.model).default_input
        changes.update({"model.input_channels": c, "model.input_height": h, "model.input_width": w})
    if args.device:
        count = args.gpus or 1
        changes["hardware.candidates"] = [{"device": args.device, "count": count}]
    elif args.gpus:
        first = project.hardware.candidates[0].device if project.hardware.candidates else "local"
        changes["hardware.candidates"] = [{"device": first, "count": args.gpus}]
    if args.gpus is not None and not 1 <= args.gpus <= 8:
        raise ValidationError("gpus", f"{args.gpus} is out of range", "1 to 8")
    training = task != "infer"
    if args.batch is not None:
        changes["training.batch" if training else "inference.batch"] = args.batch
    if args.precision:
        if training and args.precision == "int8":
            raise ValidationError("precision", "int8 is for inference only", "fp32, tf32, fp16, bf16, fp8 for training")
        changes["training.precision" if training else "inference.precision"] = args.precision
    if not has_source:
        # a model-only estimate: the "dataset" is images of the network input size, already decoded
        c = changes.get("model.input_channels", project.model.input_channels)
        h = changes.get("model.input_height", project.model.input_height)
        w = changes.get("model.input_width", project.model.input_width)
        changes.update({"dataset.width": w, "dataset.height": h, "dataset.channels": min(int(c), 16),
                        "inference.takt_mode": "none", "training.validation_fraction": 0.0})
    if args.images is not None:
        changes["dataset.images"] = args.images
    if args.image_size:
        w, h = _pair(args.image_size, "image-size", 2)
        changes.update({"dataset.width": w, "dataset.height": h})
    if args.tile is not None:
        changes.update({"preprocessing.mode": "tile", "preprocessing.tile_size": args.tile})
    if args.epochs is not None:
        changes["training.epochs"] = args.epochs
    try:
        project = project.with_values(changes)
    except ValidationError as error:
        flag = {"training.batch": "batch", "inference.batch": "batch", "training.epochs": "epochs",
                "dataset.images": "images", "preprocessing.tile_size": "tile", "task": "task"}.get(error.field)
        if flag:
            raise ValidationError(flag, error.reason, error.allowed) from None
        raise
    dataset_given = has_source or args.images is not None
    return project, dataset_given


def run(args: argparse.Namespace) -> int:
    from ..estimate.estimator import estimate
    from ..hardware.catalog import Catalog

    project, dataset_given = build_project(args)
    with Catalog.open() as catalog:
        try:
            result = estimate(project, catalog)
        except ValidationError as error:
            if args.device and error.field.startswith("hardware.candidates[0]"):
                raise ValidationError("device", error.reason, error.allowed) from None
            raise
    data = result.to_dict()
    if not dataset_given:
        for key in list(data):
            if key.startswith(("epoch_time_s", "total_time_s", "energy_kwh")):
                del data[key]
    if args.json:
        sys.stdout.write(json.dumps(data, allow_nan=False) + "\n")
        return 0
    sys.stdout.write(render_text(result, dataset_given) + "\n")
    return 0


def render_text(result, dataset_given: bool) -> str:
    m, d = result.model, result.device
    lines = [
        f"{m.model_name} {'x'.join(map(str, m.input_shape))}: {m.params:,} params, {format_si(m.macs, 'MAC')} per sample",
        f"device: {d.name} ({d.id}) x {result.gpus}" + (f" x {result.nodes} nodes" if result.nodes > 1 else ""),
    ]
    mem = result.memory
    lines.append(f"memory: {format_bytes(mem.total.value)} of {format_bytes(mem.capacity.value)} "
                 f"({'fits' if mem.fits else 'DOES NOT FIT'}); largest batch {mem.max_batch.value:.0f}")
    t = result.training
    if t is not None:
        s = t.samples_per_s
        if math.isfinite(s.value):
            lines.append(f"training: {s.value:,.1f} samples/s ({s.low:,.1f} to {s.high:,.1f}), "
                         f"step {format_duration(t.step_time.value)}, utilisation {t.utilisation.value:.0%}")
        else:
            lines.append("training: time n/a (see bottleneck)")
        if dataset_given and t.total_time is not None:
            lines.append(f"  epoch {format_duration(t.epoch_time.value)}, run {format_duration(t.total_time.value)} "
                         f"({format_duration(t.total_time.low)} to {format_duration(t.total_time.high)}), "
                         f"energy {t.energy_kwh.value:.1f} kWh")
    i = result.inference
    if i is not None and not math.isfinite(i.latency.value):
        lines.append("inference: latency n/a (see bottleneck)")
    elif i is not None:
        lines.append(f"inference: latency {format_duration(i.latency.value)} "
                     f"({format_duration(i.latency.low)} to {format_duration(i.latency.high)}), "
                     f"{i.samples_per_s.value:,.1f} samples/s, {i.rated_fraction.value:.0%} of rated peak")
        if i.takt is not None:
            k = i.takt
            lines.append(f"  takt: needs {k.required_rate.value:,.2f} samples/s, margin {k.margin.value:+.0%}, "
                         f"devices needed {k.devices_needed.value:.0f}: {'meets' if k.meets else 'DOES NOT MEET'} the line")
    lines.append(f"bottleneck: {result.bottleneck}" + (f" ({result.bottleneck_reason})" if result.bottleneck_reason else ""))
    lines += [f"warning: {w}" for w in result.warnings]
    return "\n".join(lines)
