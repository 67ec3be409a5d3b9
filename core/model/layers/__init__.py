"""Layer kinds, one module per family; importing this package fills the counting registry."""

from __future__ import annotations

from . import activation, conv, linear, norm, pooling, structural  # noqa: F401  (registration)
from .registry import COUNTERS, KINDS

__all__ = ["COUNTERS", "KINDS"]
