"""`rigsizer-cli model NAME`: the per-layer table (or JSON) of a zoo model; `--list` lists the zoo."""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import ValidationError
from ..units import PRECISIONS, format_bytes, format_si


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", nargs="?", help="zoo model name, e.g. resnet50 (see --list)")
    parser.add_argument("--input", metavar="CxHxW", help="input channels x height x width, e.g. 1x2048x2448")
    parser.add_argument("--classes", type=int, metavar="N", help="number of output classes")
    parser.add_argument("--precision", default="fp32", metavar="P", help="one of " + ", ".join(PRECISIONS))
    parser.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                        help="family parameter, e.g. depths=3,4,23,3 or width=0.75 (repeatable)")
    parser.add_argument("--freeze", action="append", default=[], metavar="MODULE",
                        help="MODULE and the layers below it are not trained (repeatable)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--list", action="store_true", help="list the models of the zoo")


def parse_input(text: str) -> tuple[int, int, int]:
    """"3x224x224" -> (3, 224, 224); anything else is a ValidationError."""
    parts = text.lower().replace("*", "x").split("x")
    if len(parts) != 3 or not all(p.strip().isdigit() for p in parts):
        raise ValidationError("--input", f"{text!r} is not CxHxW", "e.g. 3x224x224 or 1x2048x2448")
    from ..model.zoo import check_input

    return check_input(tuple(int(p) for p in parts), "--input")


def parse_param(text: str) -> tuple[str, object]:
    """"depths=3,4,6,3" -> ("depths", (3, 4, 6, 3)); numbers, tuples, true/false and words are understood."""
    import ast

    key, sep, raw = text.partition("=")
    if not sep or not key.strip().isidentifier():
        raise ValidationError("--param", f"{text!r} is not KEY=VALUE", "e.g. depths=3,4,6,3 or width=0.5")
    raw = raw.strip()
    lowered = raw.lower()
    if lowered in ("true", "false"):
        return key.strip(), lowered == "true"
    try:
        value = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        value = raw
    if isinstance(value, list):
        value = tuple(value)
    return key.strip(), value


def run(args: argparse.Namespace) -> int:
    from ..model.zoo import list_models

    if args.list:
        return _print_list(list_models(), args.json)
    if not args.name:
        raise ValidationError("NAME", "no model given", "a zoo model name; rigsizer-cli model --list shows them")
    from ..model.analyze import analyze
    from ..model.zoo import build_model

    shape = parse_input(args.input) if args.input else None
    params = dict(parse_param(text) for text in args.param)
    model = build_model(args.name, input=shape, num_classes=args.classes, **params)
    report = analyze(model, args.precision, frozen=tuple(args.freeze))
    if args.json:
        json.dump(report_json(report), sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(report_text(report))
    return 0


def _counts(entries: list) -> dict[str, tuple[int, int]]:
    """(params, MACs) of every model at its own input, computed by the engine (about a second for the zoo)."""
    from ..model.analyze import analyze
    from ..model.zoo import build_model

    counts = {}
    for entry in entries:
        report = analyze(build_model(entry.name))
        counts[entry.name] = (report.params, report.macs)
    return counts


def _print_list(entries: list, as_json: bool) -> int:
    counts = _counts(entries)
    if as_json:
        rows = [{"name": e.name, "family": e.family, "input": list(e.default_input), "description": e.description,
                 "params": counts[e.name][0], "macs": counts[e.name][1],
                 "reference_params": e.reference_params, "reference_macs": e.reference_macs,
                 "reference_source": e.reference_source} for e in entries]
        json.dump(rows, sys.stdout, indent=1)
        sys.stdout.write("\n")
        return 0
    sys.stdout.write(f"{'model':<32} {'family':<13} {'input':<11} {'params':>9} {'MACs':>9} {'ref':>3}  description\n")
    for e in entries:
        params, macs = counts[e.name]
        checked = "yes" if e.reference_params else ""
        size = "x".join(str(v) for v in e.default_input)
        sys.stdout.write(f"{e.name:<32} {e.family:<13} {size:<11} {format_si(params):>9} {format_si(macs):>9} "
                         f"{checked:>3}  {e.description}\n")
    sys.stdout.write(f"{len(entries)} models; params and MACs per sample at the model's own input; "
                     "ref = matches a published reference count\n")
    return 0


def report_json(report) -> dict:
    bpe = report.bytes_per_element
    layers = []
    for layer in report.layers:
        gemm = layer.gemm
        layers.append({
            "name": layer.name, "kind": layer.kind, "compute_class": layer.compute_class,
            "output_shape": list(layer.output_shape), "params": layer.params, "buffers": layer.buffers,
            "macs": layer.macs, "flops": layer.flops, "other_ops": layer.other_ops,
            "backward_macs": layer.backward_macs, "backward_other_ops": layer.backward_other_ops,
            "activations": layer.output_elements, "saved_elements": layer.saved_elements,
            "traffic_bytes": layer.traffic_bytes(bpe), "intensity": round(layer.intensity(bpe), 4),
            "gemm": None if gemm is None else {"m": gemm.m, "n": gemm.n, "k": gemm.k, "batch": gemm.batch},
            "gemm_parts": [{"name": part, "m": g.m, "n": g.n, "k": g.k, "batch": g.batch}
                           for part, g in layer.gemm_parts],
            "trainable_params": layer.trainable_params,
            "detail": layer.detail,
        })
    return {
        "model": report.model_name, "family": report.family, "input": list(report.input_shape),
        "num_classes": report.num_classes, "precision": report.precision, "bytes_per_element": bpe,
        "convention": report.convention, "layers": layers,
        "totals": {
            "params": report.params, "trainable_params": report.trainable_params, "buffers": report.buffers,
            "macs": report.macs, "flops": report.flops, "other_ops": report.other_ops,
            "backward_macs": report.backward_macs, "backward_other_ops": report.backward_other_ops,
            "training_flops_per_sample": report.training_flops_per_sample,
            "activation_elements": report.activation_elements, "saved_elements": report.saved_elements,
            "peak_live_elements": report.peak_live_elements, "traffic_bytes": report.traffic_bytes,
            "weight_bytes": report.weight_bytes,
        },
        "notes": list(report.notes),
    }


def _count(value: int) -> str:
    return format_si(value) if value else "-"


def report_text(report) -> str:
    bpe = report.bytes_per_element
    name_width = min(48, max(len(layer.name) for layer in report.layers) + 1)
    header = (f"{'layer':<{name_width}} {'kind':<18} {'output':<15} {'params':>8} {'MACs':>8} "
              f"{'activations':>11} {'traffic':>10} {'FLOP/B':>7}")
    lines = [f"{report.model_name}  input {'x'.join(map(str, report.input_shape))}  {report.precision} "
             f"({bpe:g} B/element)", header, "-" * len(header)]
    for layer in report.layers:
        name = layer.name if len(layer.name) <= name_width else "…" + layer.name[-name_width + 1:]
        shape = "x".join(map(str, layer.output_shape))
        lines.append(f"{name:<{name_width}} {layer.kind[:18]:<18} {shape:<15} {_count(layer.params):>8} "
                     f"{_count(layer.macs):>8} {_count(layer.output_elements):>11} "
                     f"{format_bytes(layer.traffic_bytes(bpe)):>10} {layer.intensity(bpe):>7.1f}")
    lines.append("-" * len(header))
    total_traffic = report.traffic_bytes
    lines.append(f"{'total':<{name_width}} {len(report.layers):<18} {'':<15} {_count(report.params):>8} "
                 f"{_count(report.macs):>8} {_count(report.activation_elements):>11} "
                 f"{format_bytes(total_traffic):>10} "
                 f"{(2 * report.macs + report.other_ops) / total_traffic if total_traffic else 0:>7.1f}")
    lines += [
        "",
        f"params {report.params:,} (trainable {report.trainable_params:,}, buffers {report.buffers:,}); "
        f"weights {format_bytes(report.weight_bytes)}",
        f"MACs {report.macs:,} = {format_si(report.flops, 'FLOPs')} forward; other ops {format_si(report.other_ops)}",
        f"training per sample: {format_si(report.training_flops_per_sample, 'FLOPs')} "
        f"(backward MACs {format_si(report.backward_macs)}, counted per layer)",
        f"activations saved for backward {format_bytes(report.saved_elements * bpe)} per sample; "
        f"inference peak live {format_bytes(report.peak_live_elements * bpe)}",
        f"convention: {report.convention}",
    ]
    lines += [f"note: {note}" for note in report.notes]
    return "\n".join(lines) + "\n"
