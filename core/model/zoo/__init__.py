"""The model zoo: named, parameterised network families, and the API to build them.

    build_model("resnet50", input=(3, 224, 224), num_classes=None, **family_params) -> Model
    list_models() -> list[ZooEntry]

Each family lives in its own module in this package and is discovered automatically
(`pkgutil` over the package on first use): adding a family means adding a file.

Writing a family
----------------
A family module registers builders with `@model` from `._catalog` and builds the graph with
`rigsizer.core.model.graph.GraphBuilder`. Layer names are the module paths timm/torchvision
print (`layer1.0.conv1`), so per-layer tables can be compared with theirs::

    from ..graph import GraphBuilder, Model
    from ..layers.pooling import AdaptiveAvgPool2d
    from ..layers.structural import Flatten
    from ._catalog import model

    @model("tinynet", "tinynet", "two convs and a classifier", reference=(params, macs), width=32)
    def tinynet(input_shape, num_classes, name="tinynet", width=32):
        b = GraphBuilder(name, input_shape, family="tinynet", num_classes=num_classes)
        x = b.conv_bn_act(b.input, width, 3, stride=2, names=("stem.conv", "stem.bn", "stem.act"))
        with b.scope("block"):                      # names inside become "block.<name>"
            y = b.conv("conv", x, width, 3)         # Conv2d; in_channels taken from x
            y = b.bn("bn", y)
            x = b.add("add", x, y)                  # residual: shapes must match
        x = b.layer("pool", AdaptiveAvgPool2d(1), x)
        x = b.layer("flatten", Flatten(), x)
        b.linear("fc", x, num_classes)
        return b.build()

`b.layer(name, LayerKind(...), *inputs)` applies any layer kind from `..layers` (conv, linear,
norm, activation, pooling, resize, structural, squeeze_excite, attention, embedding,
transformer) to one or more `Tensor` handles (`.shape`, `.channels`) and returns the output
handle; shorthands: `conv`, `bn`, `act`, `linear`, `add`, `concat`, `conv_bn_act`. Several
heads: call `b.output(head1, head2, ...)`; several model inputs: pass a list of shapes and use
`b.inputs[i]`. A shape that cannot work raises ValidationError naming `layers[i] <name>`.
Shapes exclude the batch: (C, H, W), tokens (T, D), Swin grids (H, W, C).

`b.note("...")` records what the definition leaves out or assumes (auxiliary heads, NMS,
anchor decoding); the report shows it. A step with no counting rule can still be placed with
`Opaque(label, output_shape, params)`: it keeps the graph whole and is reported as not
counted. Private helpers shared by several families live in `_`-prefixed modules, which
discovery skips (`_efficient.py`: timm's ds/ir blocks and `make_divisible`).

`analyze(model, precision, frozen=("backbone",))` then counts it; registered `ZooEntry`
reference figures are checked by tests/core/model/test_zoo_reference.py.
"""

from __future__ import annotations

from ...errors import ValidationError, require_int_range
from ..custom import LayerKindInfo, ParamInfo, build_custom, layer_kinds
from ..graph import Model
from ._catalog import ZooEntry, builder_for, entries

__all__ = ["LayerKindInfo", "ParamInfo", "ZooEntry", "build_custom", "build_model", "check_input", "layer_kinds",
           "list_models", "model_entry"]

MAX_SIDE = 16384
MAX_CHANNELS = 64
MAX_CLASSES = 100_000


def list_models() -> list[ZooEntry]:
    """Every registered model, sorted by family then name."""
    return sorted(entries().values(), key=lambda e: (e.family, e.name))


def model_entry(name: str) -> ZooEntry:
    """The zoo's entry for `name` (family, default input, reference counts); ValidationError with close names."""
    return builder_for(name)[0]


def check_input(value: object, field: str = "input") -> tuple[int, int, int]:
    """Validate a (C, H, W) input: 1-64 channels, sides 1-16384 pixels."""
    if not isinstance(value, tuple | list) or len(value) != 3:
        raise ValidationError(field, f"{value!r} is not a (channels, height, width) triple", "e.g. (3, 224, 224)")
    c = require_int_range(f"{field}.channels", value[0], 1, MAX_CHANNELS)
    h = require_int_range(f"{field}.height", value[1], 1, MAX_SIDE)
    w = require_int_range(f"{field}.width", value[2], 1, MAX_SIDE)
    return (c, h, w)


def build_model(name: str, input: tuple[int, int, int] | None = None, num_classes: int | None = None,
                **family_params: object) -> Model:
    """Build the zoo model `name` for an input (C, H, W) (default: the model's own) and class count."""
    entry, builder, defaults = builder_for(name)
    shape = check_input(entry.default_input if input is None else input)
    classes = entry.num_classes if num_classes is None else require_int_range("num_classes", num_classes, 1,
                                                                               MAX_CLASSES)
    unknown = sorted(set(family_params) - set(defaults))
    if unknown:
        raise ValidationError(f"family_params.{unknown[0]}", f"{name} has no parameter {unknown[0]!r}",
                              ", ".join(defaults) or "none")
    params = {**defaults, **family_params}
    try:
        return builder(shape, classes, name=name, **params)
    except ValidationError:
        raise
    except (TypeError, ValueError, IndexError, KeyError, ZeroDivisionError) as error:
        raise ValidationError("family_params", f"{name} cannot be built with {family_params!r} ({error})",
                              "see list_models() for the defaults") from None
