"""Training memory model against published facts: the implicit out-of-memory bounds of timm's RTX 3090
AMP training runs, and mmdetection's DETR R-50 training memory (7.9 GB per GPU at 2 images, FP32).

timm's benchmark.py starts at batch 512 and steps down a ladder (512, 384, 256, ...) on OOM, so the
batch it reports fits and the next rung up does not. Its optimizer is timm's "sgd" (SGD with
momentum 0.9, Nesterov); both that and plain SGD are shown. mmdetection logs
torch.cuda.max_memory_allocated (MiB / 1024), so DETR is compared on allocated bytes: the total less
the CUDA context and the allocator's rounding and fragmentation. Its training pads each batch to
the largest image; a landscape and a portrait COCO image pad to 1333x1333, the worst case that
sets the maximum. Its ResNet uses nn.BatchNorm2d in eval mode with frozen affine terms
(norm_eval=True, requires_grad=False), which keeps its input for backward, where the reference
DETR's FrozenBatchNorm2d (x * scale + shift with buffers) keeps nothing.
Prints the figures; exits non-zero only when the data or a model cannot be loaded.
"""

from __future__ import annotations

import sys
from dataclasses import replace

from accuracy import LADDER

from rigsizer.core.estimate import fitting
from rigsizer.core.estimate import memory as memory_model
from rigsizer.core.hardware.catalog import Catalog
from rigsizer.core.model.analyze import analyze
from rigsizer.core.model.layers.detection import FrozenBatchNorm2d, frozen_layers
from rigsizer.core.model.layers.norm import BatchNorm2d
from rigsizer.core.model.zoo import build_model
from rigsizer.core.units import GiB

DETR_PUBLISHED_GIB = 7.9  # mmdetection configs/detr README, DETR R-50 150e 8x2: "Mem (GB)"
DETR_SOURCE = "mmdetection configs/detr README (max_memory_allocated per GPU, 8 GPUs x 2 images, FP32)"


def timm_bounds(catalog, data) -> tuple[int, int]:
    """Predicted largest batch vs the OOM ladder bounds, per timm training file (layout) and optimizer."""
    spec = catalog.get("nvidia-geforce-rtx-3090")
    inside = total = 0
    reports: dict[tuple, object] = {}
    print("timm train, RTX 3090 24 GB, AMP: predicted largest batch vs the OOM ladder")
    print(f"  {'model':30s} {'layout':6s} {'fits':>5s} {'fails':>5s}  {'sgd':>6s} {'sgd+mom':>7s}  verdict (sgd / sgd+momentum)")
    for row in data.rows:
        if not (row["source_id"].startswith("timm_train") and row["metric"] == "samples_per_sec"):
            continue
        model, batch = row["model"], int(float(row["batch_size"]))
        shape = fitting._input(row["input_size"])
        nhwc = "nhwc" in row["source_id"]
        key = (model, shape)
        if key not in reports:
            reports[key] = analyze(build_model(model, input=shape), "fp16")
        report = reports[key]
        upper = None if batch >= LADDER[0] else next((b for b in reversed(LADDER) if b > batch), None)
        verdicts, predicted = [], []
        for optimizer in ("sgd", "sgd-momentum"):
            terms = memory_model.training_terms(report, "fp16", optimizer, False, channels_last=nhwc)
            largest = float(memory_model.max_batch(terms, spec.memory_bytes))
            predicted.append(largest)
            if largest < batch:
                verdicts.append("too pessimistic")
            elif upper is not None and largest >= upper:
                verdicts.append("too optimistic")
            else:
                verdicts.append("ok")
        total += 1
        inside += verdicts[0] == "ok"
        print(f"  {model:30s} {'NHWC' if nhwc else 'NCHW':6s} {batch:5d} {upper or '-':>5}  {predicted[0]:6.0f} "
              f"{predicted[1]:7.0f}  {' / '.join(verdicts)}")
    print(f"  {inside}/{total} runs inside their bounds with plain SGD (the optimizer benchmarks/accuracy.py assumes)")
    return inside, total


def mmdet_backbone(model):
    """The same DETR with mmdetection's frozen backbone norm: nn.BatchNorm2d in eval mode, frozen."""
    nodes = tuple(node._replace(layer=BatchNorm2d(node.layer.num_features))
                  if type(node.layer) is FrozenBatchNorm2d else node for node in model.nodes)
    frozen = frozen_layers(model) + tuple(n.name for n in model.nodes if type(n.layer) is FrozenBatchNorm2d)
    return replace(model, nodes=nodes), frozen


def detr(catalog) -> float:
    """DETR R-50 training memory at 2 images per GPU, FP32, AdamW, under three readings of the recipe."""
    spec = catalog.get("nvidia-v100-sxm2-32gb")
    print(f"\nDETR R-50 training, V100 32 GB, FP32, AdamW, 2 images per GPU; published {DETR_PUBLISHED_GIB} GiB "
          f"({DETR_SOURCE})")
    print(f"  {'case':66s} {'total':>7s} {'allocated':>9s} {'vs published':>12s}  peak layer")
    error = float("nan")
    for label, shape, mmdet in (("reference DETR (FrozenBatchNorm2d), 800x1333 (the CLI's default)", (3, 800, 1333), False),
                                ("reference DETR, batch padded to 1333x1333", (3, 1333, 1333), False),
                                ("mmdetection backbone (eval BatchNorm2d), padded to 1333x1333", (3, 1333, 1333), True)):
        model = build_model("detr_resnet50", input=shape)
        frozen = frozen_layers(model)
        if mmdet:
            model, frozen = mmdet_backbone(model)
        report = analyze(model, "fp32", frozen=frozen)
        terms = memory_model.training_terms(report, "fp32", "adamw", False)
        total = float(terms.total(2)) / GiB
        allocated = memory_model.allocated_bytes(terms, 2) / GiB
        error = (allocated / DETR_PUBLISHED_GIB - 1) * 100
        print(f"  {label:66s} {total:6.2f}G {allocated:8.2f}G {error:+11.0f}%  {report.backward_peak_layer}")
        assert spec.memory_bytes > 0
    return error


def main() -> int:
    with Catalog.open() as catalog:
        data = fitting.build_dataset(catalog)
        inside, total = timm_bounds(catalog, data)
        error = detr(catalog)
    print(f"\nsummary: timm OOM bounds {inside}/{total} inside (plain SGD); DETR mmdetection recipe "
          f"{error:+.0f}% vs the published {DETR_PUBLISHED_GIB} GiB")
    return 1 if total == 0 or error != error else 0


if __name__ == "__main__":
    sys.exit(main())
