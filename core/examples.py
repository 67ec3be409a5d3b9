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


# What the seed article claimed (domain.md section 10, seed 000), checked against the catalog,
# the model engine and the estimator.
SEED_CLAIMS: tuple[tuple[str, str], ...] = (
    ("RTX 4090 FP32 peak", "dual RTX 4090 = 72.8 TFLOPS FP32"),
    ("RTX 4090 FP16 dense peak (FP32 accumulate)", "dual RTX 4090 = 291.2 FP16; 330 TFLOPS per card"),
    ("RTX 4090 NVLink", "NVLink 600 GB/s"),
    ("DETR-R50 trainable parameters", "about 110 M"),
    ("DETR-R50 COCO epoch on 8 V100", "1.5 h per epoch"),
)


def seed_case_comparison(catalog=None) -> list[dict]:
    """Rows of (claim, what the article said, what Rigsizer computes, source) for the seed case."""
    from .estimate.estimator import estimate
    from .units import format_si

    if catalog is None:
        from .hardware.catalog import Catalog

        catalog = Catalog.open()
    seed = load_example("fabric-seed")
    gpu = catalog.resolve("GeForce RTX 4090")
    coco = seed.with_values({
        "task": "train", "training.precision": "fp32", "training.batch": 2, "dataset.images": 118_287,
        "dataset.width": 640, "dataset.height": 480, "dataset.file_kb": 160, "training.validation_fraction": 0.0,
        "training.epochs": 1, "hardware.cpu": "", "hardware.candidates": [{"device": "V100 SXM2 32GB", "count": 8}],
    })
    epoch = estimate(coco, catalog).training.epoch_time
    result = estimate(seed.with_value("task", "train"), catalog)
    nvlink = "none (no NVLink, no peer-to-peer)" if not gpu.nvlink_bps == gpu.nvlink_bps or not gpu.nvlink_bps \
        else f"{gpu.nvlink_bps / 1e9:.0f} GB/s"
    values = (
        (f"{format_si(gpu.peak('fp32'), 'FLOPS')} per card, {format_si(2 * gpu.peak('fp32'), 'FLOPS')} for two",
         gpu.source),
        (f"{format_si(gpu.peak('fp16'), 'FLOPS')} per card dense with FP32 accumulate "
         "(330 is the FP16-accumulate rate, 660 with sparsity)", gpu.source),
        (nvlink, "misc.md section 7; Ada whitepaper"),
        (f"{result.model.trainable_params / 1e6:.1f} M (41.3 M in the DETR training logs)", "model engine; misc.md"),
        (f"{epoch.value / 60:.0f} min estimated (the DETR README reports 28 min)", "Rigsizer estimate; misc.md"),
    )
    return [{"claim": claim, "article": said, "rigsizer": value, "source": source}
            for (claim, said), (value, source) in zip(SEED_CLAIMS, values, strict=True)]
