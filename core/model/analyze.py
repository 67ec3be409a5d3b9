"""Turns a Model into a ModelReport: per-layer counts, totals, training work and inference memory.

Forward counts come from each kind's counting function (layers/registry.py). Backward is
counted per layer: a layer computes the gradient of its inputs only if some input depends on
a trainable parameter (so the first convolution, fed by the image, skips it) and the gradient
of its weights only if it has any. Saved-for-backward elements are de-duplicated across
layers (a ReLU output that the next convolution also keeps is stored once).
"""

from __future__ import annotations

from dataclasses import fields
from itertools import accumulate

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
    "Saved-for-backward elements are de-duplicated across layers; mask and index tensors are "
    "counted as elements of the working precision.",
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
    extra_at: dict[int, tuple[int, int, int, int, int]] = {}  # layer -> own saved: plain, index, mask, fp32, copies
    t_index = t_mask = t_fp32 = t_copy = 0
    backward_work: dict[int, int] = {}  # layer -> gradient elements internal to its backward step
    stats: list[LayerStats] = []
    uncounted: list[str] = []
    t_params = t_trainable = t_buffers = t_macs = t_other = t_bwd_macs = t_bwd_other = t_extra = 0
    activation_total = 0
    workspace = [0] * count
    counts: list[Counts | None] = [None] * count  # per node, reused by later equal nodes (same_as)
    append = stats.append

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
            if saves_output:
                saved += n_out
                if index not in first_saver:
                    first_saver[index] = index
            if extra_saved or s_copy:
                saved += extra_saved
                t_extra += extra_saved
                t_index += s_index
                t_mask += s_mask
                t_fp32 += s_fp32
                t_copy += s_copy
                extra_at[index] = (extra_saved - s_index - s_mask - s_fp32, s_index, s_mask, s_fp32, s_copy)
            if bwd_work:
                backward_work[index] = bwd_work
        else:
            s_index = s_mask = s_fp32 = s_copy = 0
        workspace[index] = work
        append(_layer_stats(name, layer.kind, compute_class or layer.compute_class, shape, params, trainable,
                            buffers, macs, other, backward_macs, backward_other, n_in, n_out, saved, gemm, detail,
                            gemm_parts, s_index, s_mask, s_fp32, s_copy))
        t_params += params
        t_trainable += trainable
        t_buffers += buffers
        t_macs += macs
        t_other += other
        t_bwd_macs += backward_macs
        t_bwd_other += backward_other

    saved_inputs = sum(input_elements[-1 - r] for r in first_saver if r < 0)
    saved_total = t_extra + saved_inputs + sum(out_elements[r] for r in first_saver if r >= 0)
    transient, peak_at = _backward_transient(model, bpe, out_elements, input_elements, needs_grad, last_use,
                                             first_saver, extra_at, backward_work)
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
        peak_live_elements=_peak_live(model, out_elements, input_elements, last_use, input_last_use, workspace),
        notes=notes, family=model.family, num_classes=model.num_classes,
        saved_index_elements=t_index, saved_mask_elements=t_mask, saved_fp32_elements=t_fp32,
        autocast_copy_elements=t_copy, saved_input_elements=saved_inputs,
        saved_tensors=len(first_saver) + len(extra_at),
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


_STATS_FIELDS = tuple(f.name for f in fields(LayerStats))
_new = object.__new__


def _layer_stats(*values: object) -> LayerStats:
    """LayerStats(*values) without the frozen-dataclass __init__ (one attribute guard per field),
    which dominates analysis time of deep models; the result is the same frozen value."""
    stats = _new(LayerStats)
    stats.__dict__.update(zip(_STATS_FIELDS, values, strict=True))
    return stats


def _backward_transient(model: Model, bpe: float, out_elements: list[int], input_elements: list[int],
                        needs_grad: list[bool], last_use: list[int], first_saver: dict[int, int],
                        extra_at: dict[int, tuple[int, int, int, int, int]],
                        backward_work: dict[int, int]) -> tuple[int, int]:
    """Gradient memory above the saved set at the backward peak, in working-precision elements, and
    the layer where it peaks.

    Backward runs the layers in reverse. At layer i's step, a saved tensor is still alive if the
    first layer saving it is at or before i (its last reader in backward); a layer's own masks and
    statistics likewise. The gradient of tensor r lives from the step of its last consumer down to
    the step of its producer r: at step i those with r <= i <= last use (inputs need none), plus the
    layer's own internal gradients (attention maps). The peak
    is max_i(saved_i + gradients_i); beyond the whole saved set it is the backward transient.
    """
    count = len(out_elements)
    if not count:
        return 0, 0
    wide = max(bpe, 4.0)  # FP32-kept tensors: 4 bytes (autocast) or the working width
    released = [0.0] * count  # bytes of saved tensors whose last backward reader is step i
    for ref, first in first_saver.items():
        released[first] += (out_elements[ref] if ref >= 0 else input_elements[-1 - ref]) * bpe
    for index, (plain, index_elements, mask, fp32, copies) in extra_at.items():
        released[index] += (plain + copies * (bpe < 4.0)) * bpe + index_elements * 8.0 + mask + fp32 * wide
    grads = [0] * (count + 1)  # difference array of live gradient elements per step
    for r, last in enumerate(last_use):
        if needs_grad[r]:
            size = out_elements[r]
            grads[r] += size
            grads[last + 1] -= size
    for index, work in backward_work.items():  # a layer's internal gradients, during its own step
        grads[index] += work
        grads[index + 1] -= work
    for r in model.outputs:  # the loss gradient of an output lives to the end
        if needs_grad[r]:
            grads[last_use[r] + 1] += out_elements[r]
            grads[count] -= out_elements[r]
    alive = list(accumulate(released))
    peaks = [s + g * bpe for s, g in zip(alive, accumulate(grads[:count]), strict=True)]
    best = max(peaks)
    best_at = peaks.index(best)
    saved_alive = alive[-1]
    return max(0, round((best - saved_alive) / bpe)), best_at


def _peak_live(model: Model, out_elements: list[int], input_elements: list[int], last_use: list[int],
               input_last_use: list[int], workspace: list[int]) -> int:
    """Largest sum of simultaneously live tensors when nodes run in order (inference, batch 1)."""
    for ref in model.outputs:
        last_use[ref] = len(out_elements)
    frees: dict[int, int] = {}
    for index, last in enumerate(last_use):
        frees[last] = frees.get(last, 0) + out_elements[index]
    for i, last in enumerate(input_last_use):
        frees[max(last, 0)] = frees.get(max(last, 0), 0) + input_elements[i]
    live = sum(input_elements)
    peak = live
    nodes = model.nodes
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
        live -= frees.get(index, 0)
    return peak
