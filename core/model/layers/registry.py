"""The registry of layer kinds and of their counting functions (fvcore-style: one function per kind).

`analyze` looks a layer's type up here. A kind without a counting function is reported in
the model report as not counted — never silently counted as zero.
"""

from __future__ import annotations

from collections.abc import Callable

from .base import Counts, Layer, Shape

Counter = Callable[[Layer, tuple[Shape, ...], Shape], Counts]

COUNTERS: dict[type, Counter] = {}
KINDS: dict[str, type] = {}


def counter(*layer_types: type) -> Callable[[Counter], Counter]:
    """Register `function` as the counting function of the given layer kinds."""

    def register(function: Counter) -> Counter:
        for layer_type in layer_types:
            COUNTERS[layer_type] = function
            KINDS[layer_type.kind] = layer_type
        return function

    return register


def kind(layer_type: type) -> type:
    """Register a kind that has no counting function of its own (reported as not counted)."""
    KINDS[layer_type.kind] = layer_type
    return layer_type
