"""Layer kinds, one module per family; importing this package fills the counting registry."""

from __future__ import annotations

from . import (  # noqa: F401  (registration)
    activation,
    attention,
    conv,
    embedding,
    linear,
    norm,
    pooling,
    resize,
    squeeze_excite,
    structural,
    transformer,
)
from .registry import COUNTERS, KINDS

__all__ = ["COUNTERS", "KINDS"]
