"""Turns a Model into a ModelReport: per-layer counts, totals, training work and inference memory.

Forward counts come from each kind's counting function (layers/registry.py). Backward is
counted per layer: a layer computes the gradient of its inputs only if some input depends on
a trainable parameter (so the first convolution, fed by the image, skips it) and the gradient
of its weights only if it has any. Saved-for-backward elements are de-duplicated across
layers (a ReLU output that the next convolution also keeps is stored once).
"""

from __future__ import annotations

import math
from dataclasses import fields
from itertools import accumulate, compress
from operator import not_

from ..errors import ValidationError
from ..units import bytes_per_element
from .graph import Model
from .layers import COUNTERS
from .layers.base import Counts, elements
from .report import LayerStats, ModelReport

BASE_NOTES = (
    "Normalisation, activation, pooling, bias and element-wise ops are other ops (per-kind "
    "op counts stated in the layer modules), never MACs.",
    "Backward MACs: data gradient (skipped where no input needs one, e.g. the first layer) plus "
    "weight gradient, per layer and per group; not a blanket 2x.",
    "Saved-for-backward elements are de-duplicated across layers; mask and index tensors count as "
    "elements there, and their storage (int64 pooling indices, bool dropout masks, FP32 softmax maps and "
    "statistics under autocast) is itemised so the memory model weighs each by its width.",
    "Peak live activations follow execution order with each tensor freed after its last use; "
    "in-place activations reuse their input's memory; allocator caching and fragmentation are not included.",
    "Not counted: data loading and augmentation, optimizer update, loss, framework workspace.",
)


def analyze(model: Model, precision: str = "fp32", frozen: tuple[str, ...] = ()) -> ModelReport:
    """Count every layer of `model`; `precision` sets the bytes per element used for traffic.

    `frozen` lists module names (a name freezes the module and everything below it) whose parameters are not trained (fine-tuning with a
    frozen backbone: `frozen=("conv1", "bn1", "layer1", "layer2")`): they get no weight
    gradient, and layers before the first trainable one need no data gradient either.
    """
    bpe = bytes_per_element(precision)
    frozen = _check_frozen(frozen)
    nodes = model.nodes
    count = len(nodes)
    input_elements = [elements(s) for s in model.input_shapes]
    out_elements = [0] * count
    needs_grad = [False] * count
    last_use = [0] * count
    input_last_use = [-1] * len(input_elements)
    first_saver: dict[int, int] = {}  # saved tensor (node index, or -1-k for input k) -> first layer saving it
    released = [0.0] * count  # bytes saved for backward whose last reader in backward is layer i
    extra_tensors = 0  # layers keeping masks, indices, statistics or maps of their own
    wide = max(bpe, 4.0)  # FP32-kept tensors: 4 bytes (autocast) or the working width
    narrow = bpe < 4.0  # autocast's half-precision copies exist only below FP32
    t_index = t_mask = t_fp32 = t_copy = 0
    backward_work: dict[int, int] = {}  # layer -> gradient elements internal to its backward step
    stats: list[LayerStats] = []
    uncounted: list[str] = []
    t_params = t_trainable = t_buffers = t_macs = t_other = t_bwd_macs = t_bwd_other = t_extra = 0
    activation_total = 0
    workspace = [0] * count
    counts: list[Counts | None] = [None] * count  # per node, reused by later equal nodes (same_as)
    append = stats.append
    new_stats = _new

    for index, node in enumerate(nodes):
        name, layer, refs, shape, same = node
        n_out = elements(shape)
        out_elements[index] = n_out
        activation_total += n_out
        last_use[index] = index
        n_in = 0
        grad_in = False
        for r in refs:
            if r >= 0:
                n_in += out_elements[r]
                last_use[r] = index
                if needs_grad[r]:
                    grad_in = True
            else:
                n_in += input_elements[-1 - r]
                input_last_use[-1 - r] = index
        c = counts[same] if 0 <= same < index else None
        if c is None:
            counting = COUNTERS.get(type(layer))
            if counting is None:
                uncounted.append(f"{name} ({layer.kind})")
                params = getattr(layer, "params", 0)
                trainable = 0 if _is_frozen(name, layer, frozen) else params
                append(LayerStats(name, layer.kind, layer.compute_class, shape, params, trainable, 0,
                                  0, 0, 0, 0, n_in, n_out, 0, None, "not counted"))
                t_params += params
                t_trainable += trainable
                needs_grad[index] = grad_in or trainable > 0
                continue
            shapes = tuple(nodes[r].shape if r >= 0 else model.input_shapes[-1 - r] for r in refs)
            c = counting(layer, shapes, shape)
            counts[index] = c
        (params, buffers, macs, other, data_grad, weight_grad, backward_other, saves_inputs, saves_output,
         extra_saved, work, gemm, gemm_parts, detail, compute_class, s_index, s_mask, s_fp32, s_copy, bwd_work) = c
        trainable = 0 if params and _is_frozen(name, layer, frozen) else params
        grad_out = grad_in or trainable > 0
        needs_grad[index] = grad_out
        backward_macs = (data_grad if grad_in else 0) + (weight_grad if trainable else 0)
        if not grad_out:
            backward_other = 0
        saved = 0
        if grad_out:
            if saves_inputs:
                saved += n_in
                for r in refs:
                    if r not in first_saver:
                        first_saver[r] = index
                        released[index] += (out_elements[r] if r >= 0 else input_elements[-1 - r]) * bpe
            if saves_output:
                saved += n_out
                if index not in first_saver:
                    first_saver[index] = index
                    released[index] += n_out * bpe
            if extra_saved or s_copy:
                saved += extra_saved
                t_extra += extra_saved
                t_index += s_index
                t_mask += s_mask
                t_fp32 += s_fp32
                t_copy += s_copy
                extra_tensors += 1
                released[index] += ((extra_saved - s_index - s_mask - s_fp32 + (s_copy if narrow else 0)) * bpe
                                    + 8.0 * s_index + s_mask + wide * s_fp32)
            if bwd_work:
                backward_work[index] = bwd_work
        else:
            s_index = s_mask = s_fp32 = s_copy = 0
        workspace[index] = work
        # LayerStats(...) without the frozen-dataclass __init__ (one attribute guard per field), which
        # dominates analysis time of deep models; the result is the same frozen value. The 17 values
        # match the 17 names of _STATS_FIELDS (checked at import; strict zip costs ~3% here).
        layer_stats = new_stats(LayerStats)
        layer_stats.__dict__.update(zip(_STATS_FIELDS, (
            name, layer.kind, compute_class or layer.compute_class, shape, params, trainable, buffers, macs, other,
            backward_macs, backward_other, n_in, n_out, saved, gemm, detail, gemm_parts), strict=False))
        if s_index or s_mask or s_fp32 or s_copy:
            _set_storage(layer_stats, s_index, s_mask, s_fp32, s_copy)
        append(layer_stats)
        t_params += params
        t_trainable += trainable
        t_buffers += buffers
        t_macs += macs
        t_other += other
        t_bwd_macs += backward_macs
        t_bwd_other += backward_other

    saved_inputs = sum(input_elements[-1 - r] for r in first_saver if r < 0)
    saved_total = t_extra + saved_inputs + sum(out_elements[r] for r in first_saver if r >= 0)
    peak_live, transient, peak_at = _sweep(model, out_elements, input_elements, last_use, input_last_use, workspace,
                                           needs_grad, released, backward_work, bpe)
    notes = BASE_NOTES + model.notes
    if frozen:
        notes += (f"Frozen (no weight gradient): layers named {', '.join(frozen)}*; "
                  f"{t_params - t_trainable:,} parameters not trained.",)
    if uncounted:
        notes += ("Layers of kinds without a counting rule, not counted (their MACs and ops are missing "
                  "from the totals): " + ", ".join(uncounted),)
    return ModelReport(
        model_name=model.name, input_shape=model.input_shape, precision=precision, bytes_per_element=bpe,
        layers=tuple(stats), params=t_params, trainable_params=t_trainable, buffers=t_buffers, macs=t_macs,
        other_ops=t_other, backward_macs=t_bwd_macs, backward_other_ops=t_bwd_other,
        activation_elements=activation_total, saved_elements=saved_total,
        peak_live_elements=peak_live,
        notes=notes, family=model.family, num_classes=model.num_classes,
        saved_index_elements=t_index, saved_mask_elements=t_mask, saved_fp32_elements=t_fp32,
        autocast_copy_elements=t_copy, saved_input_elements=saved_inputs,
        saved_tensors=len(first_saver) + extra_tensors,
        backward_transient_elements=transient, backward_peak_layer=stats[peak_at].name if stats else "",
    )


def _is_frozen(name: str, layer: object, frozen: tuple[str, ...]) -> bool:
    """A layer is frozen when its kind says so (FrozenConv2d, as the reference model defines it) or
    its name is one of the `frozen` module names or lies below one ("features.2" does not freeze
    "features.21")."""
    if getattr(layer, "frozen", False):
        return True
    return any(name == prefix or name.startswith(prefix + ".") for prefix in frozen)


def _check_frozen(frozen: object) -> tuple[str, ...]:
    if isinstance(frozen, str):
        frozen = (frozen,)
    if not isinstance(frozen, tuple | list) or not all(isinstance(p, str) and p for p in frozen):
        raise ValidationError("frozen", f"{frozen!r} is not a list of layer-name prefixes", "e.g. ('layer1', 'layer2')")
    return tuple(frozen)


# Fields up to gemm_parts; the storage fields after it default to 0 (class attributes of the
# dataclass) and are set only on layers that keep such tensors.
_STATS_FIELDS = tuple(f.name for f in fields(LayerStats))[:17]
assert len(_STATS_FIELDS) == 17 and _STATS_FIELDS[-1] == "gemm_parts"
_new = object.__new__


def _set_storage(stats: LayerStats, index: int, mask: int, fp32: int, copies: int) -> None:
    """Set the non-zero storage fields of a LayerStats built without __init__ (the others read their defaults)."""
    values = stats.__dict__
    if index:
        values["saved_index_elements"] = index
    if mask:
        values["saved_mask_elements"] = mask
    if fp32:
        values["saved_fp32_elements"] = fp32
    if copies:
        values["autocast_copy_elements"] = copies


def _sweep(model: Model, out_elements: list[int], input_elements: list[int], last_use: list[int],
           input_last_use: list[int], workspace: list[int], needs_grad: list[bool], released: list[float],
           backward_work: dict[int, int], bpe: float) -> tuple[int, int, int]:
    """One pass in execution order giving the inference peak and the training backward peak.

    Inference: the largest sum of simultaneously live tensors (batch 1), each freed after its last
    use; an in-place activation whose input dies there reuses its memory.

    Training: backward runs the layers in reverse. At layer i's step a saved tensor is still alive if
    the first layer saving it is at or before i (its last reader in backward); a layer's own masks,
    indices and statistics likewise (`released`, bytes). The gradient of tensor r lives from the step
    of its last consumer down to that of its producer: at step i, those with r <= i <= last use that
    need one, plus the layer's own internal gradients (attention maps). The backward peak is
    max_i(saved alive_i + gradients_i); what it adds to the whole saved set is the backward transient.
    Returns (peak live elements, backward transient elements, index of the peak's layer).
    """
    count = len(out_elements)
    for ref in model.outputs:  # outputs (and the loss gradients) live to the end
        last_use[ref] = count
    frees: dict[int, int] = {}
    for index, last in enumerate(last_use):
        frees[last] = frees.get(last, 0) + out_elements[index]
    # Live tensors that carry no gradient (model inputs, a frozen prefix's outputs) less the layers'
    # internal gradients, as a difference array: subtracted from the live tensors to give gradients.
    others = [0] * (count + 2)
    for i, last in enumerate(input_last_use):
        frees[max(last, 0)] = frees.get(max(last, 0), 0) + input_elements[i]
        others[0] += input_elements[i]
        others[max(last, 0) + 1] -= input_elements[i]
    for r in compress(range(count), map(not_, needs_grad)):
        others[r] += out_elements[r]
        others[last_use[r] + 1] -= out_elements[r]
    for index, work in backward_work.items():
        others[index] -= work
        others[index + 1] += work
    live = sum(input_elements)
    peak = live
    nodes = model.nodes
    at_step = []  # tensors alive while layer i runs (its inputs and its output)
    keep = at_step.append
    for index, size in enumerate(out_elements):
        # An in-place activation whose input dies here writes over it: no new memory.
        node = nodes[index]
        refs = node.inputs
        reuses = (getattr(node.layer, "inplace", False) and len(refs) == 1 and refs[0] >= 0
                  and last_use[refs[0]] == index and out_elements[refs[0]] == size)
        new = 0 if reuses else size
        if live + new + workspace[index] > peak:
            peak = live + new + workspace[index]
        live += size
        keep(live)
        live -= frees.get(index, 0)
    if not count:
        return peak, 0, 0
    saved = list(accumulate(released))
    values = [s + (a - o) * bpe for s, a, o in zip(saved, at_step, accumulate(others[:count]), strict=True)]
    best = max(values)
    extra = (best - saved[-1]) / bpe
    transient = max(0, round(extra)) if math.isfinite(extra) else 0  # inf: a junk shape, reported elsewhere
    return peak, transient, values.index(best) if best == best else count - 1
