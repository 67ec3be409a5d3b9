"""Models as graphs of layers, and the builder every zoo family uses.

A `Model` is a frozen DAG: nodes in execution order, each a named layer applied to earlier
nodes' outputs (or to a model input), with its output shape already propagated and
validated. `GraphBuilder` makes one; see the zoo package docstring for a walk-through.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NamedTuple

from ..errors import ValidationError
from .layers.activation import activation
from .layers.base import Layer, Shape, ShapeError, fmt_shape
from .layers.conv import Conv2d
from .layers.linear import Linear
from .layers.norm import BatchNorm2d
from .layers.structural import Add, Concat


class Node(NamedTuple):
    """One layer applied in the graph. `inputs` are node indices; -1 - i means model input i.
    `same_as` is the index of the first node with an equal layer on equal input shapes (its
    counts are identical, so the analyser reuses them), or -1.
    (A named tuple rather than a dataclass: deep models have thousands and building must be fast.)"""

    name: str
    layer: Layer
    inputs: tuple[int, ...]
    shape: Shape
    same_as: int = -1


@dataclass(frozen=True)
class Model:
    """A validated network: nodes in execution order, model inputs, and which nodes are outputs."""

    name: str
    input_shapes: tuple[Shape, ...]
    nodes: tuple[Node, ...]
    outputs: tuple[int, ...]
    family: str = ""
    num_classes: int = 0
    description: str = ""
    notes: tuple[str, ...] = ()  # what the family definition leaves out or assumes

    @property
    def input_shape(self) -> Shape:
        return self.input_shapes[0]

    def shape_of(self, ref: int) -> Shape:
        return self.nodes[ref].shape if ref >= 0 else self.input_shapes[-1 - ref]


MAX_NODES = 200_000  # far beyond any real network; stops runaway depth parameters early


class Tensor(NamedTuple):
    """A handle on a value in the graph under construction: the producing node and its shape."""

    node: int
    shape: Shape

    @property
    def channels(self) -> int:
        return self.shape[0]


class GraphBuilder:
    """Builds a Model layer by layer; every call validates shapes and names the layer on error."""

    def __init__(self, name: str, inputs: Shape | list[Shape], family: str = "", num_classes: int = 0,
                 description: str = "") -> None:
        shapes = [inputs] if inputs and isinstance(inputs[0], int) else list(inputs)  # type: ignore[index]
        self.name = name
        self.family = family
        self.num_classes = num_classes
        self.description = description
        self.input_shapes: tuple[Shape, ...] = tuple(tuple(s) for s in shapes)  # type: ignore[arg-type]
        self.inputs = [Tensor(-1 - i, s) for i, s in enumerate(self.input_shapes)]
        self._nodes: list[Node] = []
        self._outputs: list[int] = []
        self._prefix = ""
        self._notes: list[str] = []
        # Shape rules are pure functions of (layer, input shapes); repeated blocks reuse the answer.
        self._inferred: dict[tuple[Layer, tuple[Shape, ...]], tuple[Shape, int]] = {}

    @property
    def input(self) -> Tensor:
        return self.inputs[0]

    @property
    def count(self) -> int:
        return len(self._nodes)

    @contextmanager
    def scope(self, name: str | int) -> Iterator[None]:
        """Prefix every layer added inside with `name.` (module paths as timm/torchvision print them)."""
        saved = self._prefix
        self._prefix = f"{saved}{name}."
        try:
            yield
        finally:
            self._prefix = saved

    def layer(self, name: str, layer: Layer, *inputs: Tensor) -> Tensor:
        """Apply `layer` to `inputs`; returns the handle of its output."""
        index = len(self._nodes)
        full = self._prefix + name
        if index >= MAX_NODES:
            raise ValidationError("layers", f"the model exceeds {MAX_NODES:,} layers", f"at most {MAX_NODES:,} layers")
        arity = layer.arity  # n inputs exactly; 0: two or more; -1: one or more
        if not inputs or (arity > 0 and len(inputs) != arity) or (arity == 0 and len(inputs) < 2):
            wanted = "two or more" if arity == 0 else str(arity)
            raise ValidationError(f"layers[{index}] {full}", f"{layer.kind} takes {wanted} inputs, got {len(inputs)}",
                                  wanted)
        shapes = (inputs[0].shape,) if len(inputs) == 1 else tuple(t.shape for t in inputs)
        key = (layer, shapes) if len(shapes) < 3 else None  # wide concatenations rarely repeat
        try:
            known = self._inferred.get(key) if key else None
        except TypeError:  # a layer given unhashable parameters (lists): validated below
            key, known = None, None
        if known is not None:
            self._nodes.append(Node(full, layer, tuple(t.node for t in inputs), known[0], known[1]))
            return Tensor(index, known[0])
        try:
            shape = layer.infer(shapes)
        except ShapeError as error:
            raise ValidationError(f"layers[{index}] {full}", f"{layer.kind}: {error.reason}", error.allowed) from None
        except (TypeError, ValueError, AttributeError, ZeroDivisionError) as error:
            raise ValidationError(f"layers[{index}] {full}", f"{layer.kind} has invalid parameters ({error})",
                                  "see the layer kind's parameter ranges") from None
        if not shape or min(shape) < 1:
            raise ValidationError(f"layers[{index}] {full}",
                                  f"{layer.kind} would produce an empty output {fmt_shape(shape)} from "
                                  f"{', '.join(fmt_shape(s) for s in shapes)}", "a larger input")
        if key is not None:
            self._inferred[key] = (shape, index)
        self._nodes.append(Node(full, layer, tuple(t.node for t in inputs), shape, index if key else -1))
        return Tensor(index, shape)

    # -- shorthands for the common layers (input channels come from the input handle) --

    def conv(self, name: str, x: Tensor, out: int, kernel: int | tuple[int, int] = 3, stride: int = 1,
             padding: int | tuple[int, int] | None = None, dilation: int = 1, groups: int = 1,
             bias: bool = False) -> Tensor:
        """Conv2d; padding defaults to "same" for odd kernels at stride 1 (k // 2 * dilation)."""
        if padding is None:
            padding = (kernel // 2 * dilation) if type(kernel) is int else (kernel[0] // 2 * dilation,
                                                                             kernel[1] // 2 * dilation)
        return self.layer(name, Conv2d(x.shape[0], out, kernel, stride, padding, dilation, groups, bias), x)

    def bn(self, name: str, x: Tensor) -> Tensor:
        return self.layer(name, BatchNorm2d(x.shape[0]), x)

    def act(self, name: str, x: Tensor, function: str = "ReLU", inplace: bool = False) -> Tensor:
        return self.layer(name, activation(function, inplace), x)

    def linear(self, name: str, x: Tensor, out: int, bias: bool = True) -> Tensor:
        return self.layer(name, Linear(x.shape[-1], out, bias), x)

    def add(self, name: str, *xs: Tensor) -> Tensor:
        return self.layer(name, Add(), *xs)

    def concat(self, name: str, *xs: Tensor, dim: int = 0) -> Tensor:
        return self.layer(name, Concat(dim), *xs)

    def conv_bn_act(self, x: Tensor, out: int, kernel: int = 3, stride: int = 1, groups: int = 1,
                    act: str | None = "ReLU", names: tuple[str, str, str] = ("conv", "bn", "act"),
                    padding: int | None = None, dilation: int = 1) -> Tensor:
        """Conv (no bias) + BatchNorm (+ activation), named e.g. ("conv", "bn1", "act1")."""
        x = self.conv(names[0], x, out, kernel, stride, padding, dilation, groups)
        x = self.bn(names[1], x)
        return self.act(names[2], x, act) if act else x

    def note(self, text: str) -> None:
        """Record what this model's definition leaves out or assumes (shown with the report)."""
        self._notes.append(text)

    def output(self, *xs: Tensor) -> None:
        """Mark outputs (by default the last node is the only output)."""
        self._outputs.extend(t.node for t in xs)

    def build(self) -> Model:
        if not self._nodes:
            raise ValidationError("layers", "the model has no layers", "at least one layer")
        outputs = tuple(self._outputs) or (len(self._nodes) - 1,)
        return Model(self.name, self.input_shapes, tuple(self._nodes), outputs, self.family,
                     self.num_classes, self.description, tuple(self._notes))
