"""Element-wise activations.

Convention: other ops per element, stated per kind below (a comparison, a multiply, an
exponential each count as one op; GELU's erf as several). Backward costs about the forward
ops again. PyTorch keeps either the input or the output for backward, as listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from .base import Counts, Layer, Shape, elements
from .registry import counter


@dataclass(frozen=True, slots=True)
class Activation(Layer):
    inplace: bool = False

    compute_class = "elementwise"
    ops_per_element: ClassVar[int] = 1
    saves: ClassVar[str] = "output"

    def infer(self, shapes: tuple[Shape, ...]) -> Shape:
        return shapes[0]


@dataclass(frozen=True, slots=True)
class ReLU(Activation):
    """max(x, 0)."""

    kind = "ReLU"


@dataclass(frozen=True, slots=True)
class ReLU6(Activation):
    """min(max(x, 0), 6)."""

    kind = "ReLU6"
    ops_per_element = 2


@dataclass(frozen=True, slots=True)
class LeakyReLU(Activation):
    """x for x > 0, a small slope times x otherwise."""

    kind = "LeakyReLU"
    ops_per_element = 2
    saves = "input"


@dataclass(frozen=True, slots=True)
class Sigmoid(Activation):
    """1 / (1 + exp(-x))."""

    kind = "Sigmoid"
    ops_per_element = 4


@dataclass(frozen=True, slots=True)
class Tanh(Activation):
    """Hyperbolic tangent."""

    kind = "Tanh"
    ops_per_element = 5


@dataclass(frozen=True, slots=True)
class SiLU(Activation):
    """x * sigmoid(x) (Swish)."""

    kind = "SiLU"
    ops_per_element = 5
    saves = "input"


@dataclass(frozen=True, slots=True)
class GELU(Activation):
    """Gaussian error linear unit."""

    kind = "GELU"
    ops_per_element = 8
    saves = "input"


@dataclass(frozen=True, slots=True)
class Hardswish(Activation):
    """x * relu6(x + 3) / 6."""

    kind = "Hardswish"
    ops_per_element = 4
    saves = "input"


@dataclass(frozen=True, slots=True)
class Hardsigmoid(Activation):
    """relu6(x + 3) / 6."""

    kind = "Hardsigmoid"
    ops_per_element = 3
    saves = "input"


@dataclass(frozen=True, slots=True)
class Softmax(Activation):
    """Softmax over the last dimension: exp, sum, divide (and the max subtraction)."""

    kind = "Softmax"
    ops_per_element = 4


ACTIVATIONS: dict[str, type[Activation]] = {
    cls.kind: cls for cls in (ReLU, ReLU6, LeakyReLU, Sigmoid, Tanh, SiLU, GELU, Hardswish, Hardsigmoid, Softmax)
}


@counter(*ACTIVATIONS.values())
def count_activation(layer: Activation, shapes: tuple[Shape, ...], out: Shape) -> Counts:
    ops = layer.ops_per_element * elements(out)
    return Counts(other_ops=ops, backward_other_ops=ops, saves_inputs=layer.saves == "input",
                  saves_output=layer.saves == "output", detail="in-place" if layer.inplace else "")


def activation(name: str, inplace: bool = False) -> Activation:
    """The activation layer called `name` ("ReLU", "SiLU", ...)."""
    return ACTIVATIONS[name](inplace)
