"""Preset projects shipped with Rigsizer (resources/examples/*.rigsizer.json), addressable by name.

The seed case `fabric-seed` reproduces the question that started Rigsizer; the others cover
ImageNet-scale training, an edge inspection line and tiled segmentation of a defect dataset.
"""

from __future__ import annotations

import json
from pathlib import Path

from .errors import ValidationError
from .project import Project

SUFFIX = ".rigsizer.json"


def examples_dir() -> Path:
    from .. import resources

    return Path(resources.__file__).resolve().parent / "examples"


def _paths() -> dict[str, Path]:
    return {path.name[: -len(SUFFIX)]: path for path in sorted(examples_dir().glob("*" + SUFFIX))}


def list_examples() -> list[tuple[str, str]]:
    """(name, title) of every preset, the seed case first."""
    items = []
    for name, path in _paths().items():
        title = json.loads(path.read_text(encoding="utf-8")).get("name", name)
        items.append((name, title))
    items.sort(key=lambda item: (item[0] != "fabric-seed", item[0]))
    return items


def load_example(name: str) -> Project:
    """The preset project called `name` (ValidationError listing the presets otherwise)."""
    paths = _paths()
    if name not in paths:
        raise ValidationError("example", f"{name!r} is not a preset project", "one of " + ", ".join(sorted(paths)))
    from .project import load_project

    return load_project(paths[name])
