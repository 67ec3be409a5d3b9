"""The zoo's registry: family modules register named models here with `@model(...)`."""

from __future__ import annotations

import difflib
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field

from ...errors import ValidationError
from ..graph import Model


@dataclass(frozen=True)
class ZooEntry:
    """A named model: its family, default input, what it is, and the published reference counts."""

    name: str
    family: str
    default_input: tuple[int, int, int]
    description: str
    num_classes: int = 1000
    reference_params: int | None = None
    reference_macs: int | None = None
    reference_source: str = ""
    family_params: tuple[str, ...] = field(default=())  # keyword parameters build_model accepts
    family_defaults: tuple[tuple[str, object], ...] = field(default=())  # their values for this variant


Builder = Callable[..., Model]

_ENTRIES: dict[str, ZooEntry] = {}
_BUILDERS: dict[str, Builder] = {}
_DEFAULTS: dict[str, dict[str, object]] = {}
_discovered = False


def model(name: str, family: str, description: str, default_input: tuple[int, int, int] = (3, 224, 224),
          num_classes: int = 1000, reference: tuple[int, int] | None = None, source: str = "",
          **defaults: object) -> Callable[[Builder], Builder]:
    """Register `builder(b_input, num_classes, name=..., **family_params) -> Model` under `name`.

    `defaults` are the family parameters that make this named variant (depths, widths, ...);
    a caller may override any of them through build_model(**family_params).
    """

    def register(builder: Builder) -> Builder:
        _ENTRIES[name] = ZooEntry(name, family, default_input, description, num_classes,
                                  reference[0] if reference else None, reference[1] if reference else None,
                                  source, tuple(defaults), tuple(defaults.items()))
        _BUILDERS[name] = builder
        _DEFAULTS[name] = dict(defaults)
        return builder

    return register


def discover() -> None:
    """Import every family module of the zoo package once (adding a family = adding a file)."""
    global _discovered
    if _discovered:
        return
    from .. import zoo as package

    for info in pkgutil.iter_modules(package.__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{package.__name__}.{info.name}")
    _discovered = True


def entries() -> dict[str, ZooEntry]:
    discover()
    return _ENTRIES


def builder_for(name: str) -> tuple[ZooEntry, Builder, dict[str, object]]:
    table = entries()
    if name not in table:
        wanted = name.lower().replace("-", "_")
        close = [n for n in table if wanted in n] or difflib.get_close_matches(wanted, table, n=5, cutoff=0.6)
        hint = ("did you mean " + ", ".join(close[:5])) if close else "rigsizer-cli model --list shows them"
        raise ValidationError("model", f"unknown model {name!r}", hint)
    return table[name], _BUILDERS[name], _DEFAULTS[name]


TIMM_SOURCE = "computed from timm model definition (PyTorch 2.13, batch 1)"
TORCHVISION_SOURCE = "computed from torchvision model definition (PyTorch 2.13, batch 1)"
