"""Training memory against published facts (timm RTX 3090 AMP out-of-memory bounds, mmdetection's
DETR R-50 7.9 GB) and the accounting behind it: storage widths, transients, derivations."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from rigsizer.core.estimate import memory as memory_model
from rigsizer.core.hardware.catalog import Catalog
from rigsizer.core.model.analyze import analyze
from rigsizer.core.model.layers.detection import FrozenBatchNorm2d, frozen_layers
from rigsizer.core.model.layers.norm import BatchNorm2d
from rigsizer.core.model.zoo import build_model
from rigsizer.core.units import GiB


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    with Catalog.open(tmp_path_factory.mktemp("catalog") / "catalog.sqlite") as opened:
        yield opened


def _largest_batch(catalog, name: str, channels_last: bool = False) -> float:
    report = analyze(build_model(name), "fp16")
    terms = memory_model.training_terms(report, "fp16", "sgd", False, channels_last=channels_last)
    return float(memory_model.max_batch(terms, catalog.get("nvidia-geforce-rtx-3090").memory_bytes))


@pytest.mark.parametrize("model", ["vgg16", "vgg19"])
def test_vgg_fits_384_but_not_512_on_a_24gb_card_with_amp(catalog, model):
    assert 384 <= _largest_batch(catalog, model) < 512


def test_resnet50_still_fits_512_on_a_24gb_card_with_amp(catalog):
    assert _largest_batch(catalog, "resnet50") >= 512


def test_efficientnet_b0_fits_512_only_channels_last(catalog):
    assert 384 <= _largest_batch(catalog, "efficientnet_b0") < 512
    assert _largest_batch(catalog, "efficientnet_b0", channels_last=True) >= 512


def test_pool_indices_take_eight_bytes_at_any_precision():
    report = analyze(build_model("vgg16"), "fp16")
    mixed = memory_model.activation_parts(report, "fp16")
    full = memory_model.activation_parts(report, "fp32")
    assert mixed.indices == full.indices == 8 * report.saved_index_elements
    assert full.working == pytest.approx(2 * mixed.working)


def test_dropout_masks_take_one_byte_and_attention_maps_four_under_autocast():
    report = analyze(build_model("detr_resnet50"), "fp16")
    parts = memory_model.activation_parts(report, "fp16")
    assert parts.masks == report.saved_mask_elements > 0
    assert parts.fp32 >= 4 * report.saved_fp32_elements


def test_mixed_precision_counts_the_weight_gradient_of_the_largest_layer_in_flight():
    report = analyze(build_model("vgg16"), "fp16")
    fc6 = max(layer.trainable_params for layer in report.layers)
    mixed = memory_model.training_terms(report, "fp16", "sgd", False)
    full = memory_model.training_terms(report, "fp32", "sgd", False)
    assert mixed.weight_grad_transient == 6 * fc6 and full.weight_grad_transient == 4 * fc6
    assert mixed.workspace_fixed >= mixed.weight_grad_transient + mixed.allocator_rounding


def _mmdet_detr(shape):
    model = build_model("detr_resnet50", input=shape)
    nodes = tuple(node._replace(layer=BatchNorm2d(node.layer.num_features))
                  if type(node.layer) is FrozenBatchNorm2d else node for node in model.nodes)
    frozen = frozen_layers(model) + tuple(n.name for n in model.nodes if type(n.layer) is FrozenBatchNorm2d)
    return analyze(replace(model, nodes=nodes), "fp32", frozen=frozen)


def test_detr_training_memory_with_mmdetection_recipe_is_near_the_published_7_9_gb():
    # two images padded to 1333x1333 (a landscape and a portrait one), eval-mode BatchNorm2d backbone
    terms = memory_model.training_terms(_mmdet_detr((3, 1333, 1333)), "fp32", "adamw", False)
    allocated = memory_model.allocated_bytes(terms, 2) / GiB
    assert 7.9 * 0.85 <= allocated <= 7.9 * 1.15


def test_detr_attention_maps_dominate_and_peak_in_the_encoder_backward():
    model = build_model("detr_resnet50", input=(3, 1333, 1333))
    report = analyze(model, "fp32", frozen=frozen_layers(model))
    assert report.backward_peak_layer.startswith("transformer.encoder.layers.")
    encoder = [layer for layer in report.layers if layer.name.startswith("transformer.encoder.layers.")]
    tokens = 42 * 42
    assert all(layer.saved_mask_elements >= 8 * tokens * tokens for layer in encoder)


def test_allocated_bytes_leave_out_context_rounding_and_fragmentation():
    report = analyze(build_model("resnet50"), "fp16")
    terms = memory_model.training_terms(report, "fp16", "sgd-momentum", False)
    batch = 64
    expected = (float(terms.total(batch)) - terms.runtime_context - terms.allocator_rounding
                - terms.parts.total * memory_model.ALLOCATOR_OVERHEAD * batch)
    assert memory_model.allocated_bytes(terms, batch) == pytest.approx(expected)
    assert terms.allocator_rounding == report.saved_tensors * memory_model.ROUNDING_BYTES_PER_TENSOR


def test_training_breakdown_derives_every_part_and_sums_to_the_total(catalog):
    report = analyze(build_model("vgg16"), "fp16")
    terms = memory_model.training_terms(report, "fp16", "sgd", False)
    spec = catalog.get("nvidia-geforce-rtx-3090")
    memory = memory_model.breakdown(terms, 256, spec.memory_bytes, spec.source, "memory", "fp16", "sgd")
    parts = memory.components()
    assert memory.total.value == pytest.approx(sum(p.value for p in parts))
    symbols = {i.symbol for i in memory.activations.inputs}
    assert {"int64 pooling indices", "bool dropout masks"} <= symbols
    assert any(symbol.startswith("gradients at the backward peak") for symbol in symbols)
    assert any("int64" in note for note in memory.activations.assumptions)
    assert {"weight gradient in flight", "allocator rounding"} <= {i.symbol for i in memory.workspace.inputs}
    assert all(p.formula and p.source for p in parts)
    limit = int(memory.max_batch.value)
    assert float(terms.total(limit)) <= spec.memory_bytes < float(terms.total(limit + 1))
    assert math.isfinite(memory.max_batch.value)


def test_detection_training_states_that_batches_are_padded_to_the_largest_image():
    report = analyze(build_model("detr_resnet50"), "fp32")
    notes = memory_model.training_terms(report, "fp32", "adamw", False).notes
    assert any("1333x1333" in note and "pads" in note for note in notes)
    vgg = memory_model.training_terms(analyze(build_model("vgg16"), "fp32"), "fp32", "sgd", False).notes
    assert not any("pads" in note for note in vgg)
