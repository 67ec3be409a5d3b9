"""Rigsizer's headless core: model analysis, hardware catalog and detection, estimation, quotes.

No Qt here (a test enforces it). Public names are imported lazily so that
`import rigsizer.core` stays fast (benchmarks/import_time.py).
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    "ValidationError": "rigsizer.core.errors",
    "Derived": "rigsizer.core.explain",
    "ModelReport": "rigsizer.core.model.report",
    "LayerStats": "rigsizer.core.model.report",
    "build_model": "rigsizer.core.model.zoo",
    "list_models": "rigsizer.core.model.zoo",
    "analyze": "rigsizer.core.model.analyze",
    "DeviceSpec": "rigsizer.core.hardware.spec",
    "Catalog": "rigsizer.core.hardware.catalog",
    "detect": "rigsizer.core.hardware.detect",
    "Project": "rigsizer.core.project",
    "estimate": "rigsizer.core.estimate.estimator",
    "Estimate": "rigsizer.core.estimate.results",
    "recommend": "rigsizer.core.estimate.recommend",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'rigsizer.core' has no attribute {name!r}")
