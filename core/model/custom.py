"""Models typed in as a layer table (the GUI's custom model editor), and the description of every
layer kind's editable parameters that such an editor needs.

    build_custom([{"kind": "Conv2d", "out_channels": 32, "kernel_size": 3},
                  {"kind": "ReLU"},
                  {"kind": "Conv2d", "out_channels": 32, "kernel_size": 3, "padding": 1},
                  {"kind": "Add", "inputs": [1, 2]}], input=(1, 256, 256))

Each row is a layer kind and its parameters; "inputs" lists earlier rows by index ("input"
is the model input; default: the previous row). Channel and width parameters that the
input already determines (in_channels, in_features, num_features, ...) may be left out;
a parameter given as None counts as left out (an empty cell in the editor).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..errors import ValidationError
from .graph import GraphBuilder, Model, Tensor
from .layers import KINDS
from .layers.activation import ACTIVATIONS
from .layers.base import elements

# Parameters the input shape determines when a row leaves them out: name -> axis of the input.
INFERRED = {
    "in_channels": 0, "num_features": 0, "num_channels": 0, "channels": 0, "in_features": -1,
    "normalized_shape": -1, "embed_dim": -1, "dim": -1, "d_model": -1,
}
# Kinds whose `dim`/`embed_dim` is a hyper-parameter, not the input width.
NOT_INFERRED = {("Concat", "dim"), ("PatchEmbed", "embed_dim"), ("QueryEmbedding", "dim")}

BIG = 1 << 20
# name -> (type, low, high, suggested value for required fields, help)
PARAMS: dict[str, tuple[str, float, float, object, str]] = {
    "in_channels": ("int", 1, BIG, 3, "input channels"),
    "out_channels": ("int", 1, BIG, 64, "output channels"),
    "kernel_size": ("int|pair", 1, 63, 3, "kernel height and width"),
    "stride": ("int|pair", 1, 64, 1, "step between windows"),
    "padding": ("int|pair", 0, 64, 0, "zero padding on each side"),
    "output_padding": ("int|pair", 0, 63, 0, "extra rows/columns on one side of the output"),
    "dilation": ("int|pair", 1, 64, 1, "spacing between kernel taps"),
    "groups": ("int", 1, BIG, 1, "channel groups (depthwise: = channels)"),
    "bias": ("bool", 0, 1, True, "learned bias"),
    "in_features": ("int", 1, BIG, 512, "input width"),
    "out_features": ("int", 1, BIG, 1000, "output width"),
    "num_features": ("int", 1, BIG, 64, "channels"),
    "normalized_shape": ("int", 1, BIG, 768, "normalised width (last dimension)"),
    "num_channels": ("int", 1, BIG, 64, "channels"),
    "num_groups": ("int", 1, BIG, 32, "groups of channels"),
    "affine": ("bool", 0, 1, True, "learned scale and shift"),
    "track_running_stats": ("bool", 0, 1, True, "keep running mean and variance"),
    "inplace": ("bool", 0, 1, False, "overwrite the input"),
    "output_size": ("int|pair", 1, 4096, 1, "output height and width"),
    "ceil_mode": ("bool", 0, 1, False, "round the output size up"),
    "count_include_pad": ("bool", 0, 1, True, "average over padding too"),
    "scale_factor": ("int", 1, 64, 2, "upsampling factor"),
    "p": ("float", 0, 0.999, 0.5, "drop probability"),
    "start": ("int", 0, BIG, 0, "first channel"),
    "stop": ("int", 1, BIG, 1, "channel after the last"),
    "channels": ("int", 1, BIG, 64, "channels"),
    "reduced": ("int", 1, BIG, 16, "squeezed channels"),
    "embed_dim": ("int", 1, BIG, 768, "token width"),
    "num_heads": ("int", 1, 1024, 8, "attention heads"),
    "cross": ("bool", 0, 1, False, "cross-attention (second input is the memory)"),
    "kdim": ("int", 1, BIG, 0, "memory width (cross-attention; empty = embed_dim)"),
    "qkv_bias": ("bool", 0, 1, True, "bias on the Q, K, V projections"),
    "proj_bias": ("bool", 0, 1, True, "bias on the output projection"),
    "window_size": ("int|pair", 1, 256, 7, "attention window"),
    "shift_size": ("int", 0, 255, 0, "window shift"),
    "num_embeddings": ("int", 1, 1 << 24, 10000, "vocabulary size"),
    "embedding_dim": ("int", 1, BIG, 512, "vector width"),
    "patch_size": ("int", 1, 256, 16, "patch side"),
    "grid": ("bool", 0, 1, False, "keep an (H, W, C) grid"),
    "num_tokens": ("int", 1, 1 << 24, 1, "tokens"),
    "learned": ("bool", 0, 1, True, "learned (parameters) rather than sine"),
    "d_model": ("int", 1, BIG, 512, "model width"),
    "nhead": ("int", 1, 1024, 8, "attention heads"),
    "dim_feedforward": ("int", 1, BIG, 2048, "feed-forward width"),
    "height": ("int", 1, BIG, 1, "rows of the image"),
    "params": ("int", 0, 1 << 40, 0, "declared parameters"),
    "num_queries": ("int", 1, 1 << 16, 100, "learned queries"),
    "num_rois": ("int", 1, 1 << 16, 512, "regions of interest per image"),
    "sampling_ratio": ("int", 1, 16, 2, "bilinear samples per bin side"),
    "channels_first": ("bool", 0, 1, False, "scale a (C, H, W) map rather than tokens"),
}
CHOICES: dict[str, tuple[str, ...]] = {
    "act": tuple(ACTIVATIONS), "gate": tuple(ACTIVATIONS), "activation": tuple(ACTIVATIONS),
    "mode": ("nearest", "bilinear", "mean", "cls"), "label": (),
}
KIND_CHOICES = {("TokenPool", "mode"): ("mean", "cls"), ("Upsample", "mode"): ("nearest", "bilinear")}
HIDDEN = {"size", "output_shape"}


@dataclass(frozen=True)
class ParamInfo:
    """One editable parameter: type ("int", "int|pair", "float", "bool", "choice", "text"), default,
    range, choices, whether the input determines it when left out, and a short help text."""

    name: str
    type: str
    default: object
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    required: bool = False
    inferred: bool = False
    help: str = ""


@dataclass(frozen=True)
class LayerKindInfo:
    kind: str
    family: str  # the layers module ("conv", "norm", ...)
    description: str
    compute_class: str
    inputs: str  # "1", "2", "2+", "1+" or "1 or 2"
    params: tuple[ParamInfo, ...]


def _param_info(kind: str, field: dataclasses.Field) -> ParamInfo:
    has_default = field.default is not dataclasses.MISSING
    default = field.default if has_default else None
    inferred = (field.name in INFERRED and (kind, field.name) not in NOT_INFERRED) or (
        kind, field.name) == ("PositionEmbedding", "num_tokens")
    if field.name in CHOICES:
        choices = KIND_CHOICES.get((kind, field.name), CHOICES[field.name])
        return ParamInfo(field.name, "choice" if choices else "text", default, choices=choices,
                         help=field.name)
    if kind == "Concat" and field.name == "dim":
        return ParamInfo("dim", "int", default, -4, 3, help="dimension to join along (0: channels)")
    spec = PARAMS.get(field.name, ("int", 0, BIG, 0, field.name))
    kind_of, low, high, suggested, text = spec
    if not has_default:
        default = suggested
    return ParamInfo(field.name, kind_of, default, low, high, required=not has_default and not inferred,
                     inferred=inferred, help=text)


def layer_kinds() -> list[LayerKindInfo]:
    """Every layer kind with its editable parameters, for the layer-table editor."""
    infos = []
    for kind, layer_type in KINDS.items():
        params = tuple(_param_info(kind, f) for f in dataclasses.fields(layer_type) if f.name not in HIDDEN)
        arity = layer_type.arity
        inputs = {-1: "1+", 0: "2+", 1: "1", 2: "2"}.get(arity, "1") if isinstance(arity, int) else "1 or 2"
        doc = (layer_type.__doc__ or kind).strip().splitlines()[0]
        if doc.startswith(f"{kind}("):  # dataclass-generated signature, not a description
            doc = kind
        infos.append(LayerKindInfo(kind, layer_type.__module__.rsplit(".", 1)[-1], doc, layer_type.compute_class,
                                   inputs, params))
    return infos


def _coerce(field: str, info: ParamInfo, value: object) -> object:
    if value is None and info.name == "kdim":
        return None
    if info.type == "bool":
        if not isinstance(value, bool):
            raise ValidationError(field, f"{value!r} is not true or false", "true or false")
        return value
    if info.type in ("choice", "text"):
        if not isinstance(value, str) or (info.choices and value not in info.choices):
            raise ValidationError(field, f"{value!r} is not recognised", ", ".join(info.choices) or "text")
        return value
    if info.type == "float":
        if isinstance(value, bool) or not isinstance(value, int | float) or not (info.low <= value <= info.high):
            raise ValidationError(field, f"{value!r} is out of range", f"{info.low:g} to {info.high:g}")
        return float(value)
    values = list(value) if info.type == "int|pair" and isinstance(value, list | tuple) else [value]
    if len(values) not in (1, 2):
        raise ValidationError(field, f"{value!r} is neither a number nor a pair", "a whole number or two")
    for v in values:
        if isinstance(v, bool) or not isinstance(v, int | float) or not (info.low <= v <= info.high) or int(v) != v:
            raise ValidationError(field, f"{v!r} is out of range", f"whole numbers {info.low:g} to {info.high:g}")
    ints = tuple(int(v) for v in values)
    return ints[0] if len(ints) == 1 else ints


def _check_input(value: object) -> tuple[int, ...]:
    if not isinstance(value, tuple | list) or not 1 <= len(value) <= 3:
        raise ValidationError("input", f"{value!r} is not a shape", "(C, H, W), (T, D) or (T,)")
    for v in value:
        if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= 1 << 20:
            raise ValidationError("input", f"{value!r} has a size out of range", "whole numbers 1 to 1048576")
    return tuple(value)


def build_custom(layers: list[dict], input: tuple[int, ...] = (3, 224, 224), name: str = "custom") -> Model:
    """Build a Model from layer rows; every mistake is a ValidationError naming `layers[i].<param>`."""
    if not isinstance(layers, list | tuple) or not layers:
        raise ValidationError("layers", "the model has no layers", "at least one layer")
    b = GraphBuilder(name if isinstance(name, str) and name else "custom", _check_input(input), family="custom")
    infos = {info.kind: info for info in layer_kinds()}
    outputs: list[Tensor] = []
    for index, row in enumerate(layers):
        if not isinstance(row, dict):
            raise ValidationError(f"layers[{index}]", "is not a table row", "a mapping with a 'kind'")
        kind = row.get("kind")
        if kind not in infos:
            raise ValidationError(f"layers[{index}].kind", f"{kind!r} is not a layer kind", ", ".join(infos))
        info = infos[kind]
        sources = _inputs(index, row.get("inputs"), b, outputs)
        allowed = {p.name: p for p in info.params}
        extra = sorted(set(row) - set(allowed) - {"kind", "inputs", "name"})
        if extra:
            raise ValidationError(f"layers[{index}].{extra[0]}", f"{kind} has no parameter {extra[0]!r}",
                                  ", ".join(allowed) or "none")
        kwargs = {}
        for param in info.params:
            field = f"layers[{index}].{param.name}"
            if row.get(param.name) is not None:  # an empty cell (None) means "not given"
                kwargs[param.name] = _coerce(field, param, row[param.name])
            elif param.inferred:
                kwargs[param.name] = _inferred(kind, param.name, sources[0].shape, row)
            elif param.required:
                raise ValidationError(field, f"{kind} needs {param.name}", f"{param.low:g} to {param.high:g}")
        layer_name = row.get("name", str(index))
        if not isinstance(layer_name, str) or not layer_name:
            raise ValidationError(f"layers[{index}].name", f"{layer_name!r} is not a name", "text")
        outputs.append(b.layer(layer_name, KINDS[kind](**kwargs), *sources))
    return b.build()


def _inferred(kind: str, name: str, shape: tuple[int, ...], row: dict) -> int:
    """The value the input shape implies for a parameter the row left out."""
    if kind == "PositionEmbedding":
        return shape[-1] if name == "dim" else elements(shape) // shape[-1]
    if kind == "LayerScale":
        return shape[0] if row.get("channels_first") else shape[-1]
    if not shape:
        return 1
    return shape[INFERRED[name]]


def _inputs(index: int, refs: object, b: GraphBuilder, outputs: list[Tensor]) -> list[Tensor]:
    if refs is None:
        return [outputs[-1] if outputs else b.input]
    if not isinstance(refs, list | tuple) or not refs:
        raise ValidationError(f"layers[{index}].inputs", f"{refs!r} is not a list of rows", "e.g. [0, 2]")
    sources = []
    for ref in refs:
        if ref == "input":
            sources.append(b.input)
        elif isinstance(ref, int) and not isinstance(ref, bool) and 0 <= ref < index:
            sources.append(outputs[ref])
        else:
            raise ValidationError(f"layers[{index}].inputs", f"{ref!r} is not an earlier row",
                                  f"0 to {index - 1} or 'input'" if index else "'input'")
    return sources
