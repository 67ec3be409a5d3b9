"""The per-layer roofline time model with shape-aware efficiency (domain.md section 5).

    t_layer = (t_c^k + t_m^k)^(1/k) + kernels x t_kernel, a smooth max of
    t_c = FLOPs / (peak x eta_c) and t_m = bytes / (bandwidth x eta_m)
    eta_c   = ceiling x s(M) x s(N) x s(K) [x grouped factor; x Winograd speed-up on CUDA cores]
    s(x)    = x / (x + x_half)                     small GEMM dimensions run far below peak
    eta_m   = eta_mem x bytes / (bytes + bytes_half)  small transfers do not reach full bandwidth

A step is the GPU work, or the host's operator dispatch when that is longer (eager frameworks
at small batches): step = (gpu^4 + host^4)^(1/4). On a CPU both happen on the same cores and add.

All functions are element-wise over numpy arrays that broadcast: layer columns shaped [L, 1]
against device columns [1, D] for an estimate or a catalog sweep, or flat [N] arrays with a
row index for the calibration, which evaluates every measurement in one call.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .features import CLASS_DEPTHWISE, CLASS_GROUPED, CLASS_MEMORY, DEVICE_CPU

RUNTIME_EAGER = 0  # PyTorch-style eager execution: one host dispatch per operator
RUNTIME_GRAPH = 1  # graph executors (TensorFlow, MXNet): no Python per operator, no fusion
RUNTIME_COMPILED = 2  # XLA, torch.compile: fused element-wise work
RUNTIME_TENSORRT = 3  # optimising inference runtime: fused layers, tuned kernels
RUNTIME_NAMES = ("eager framework", "graph framework", "compiled graph (XLA/torch.compile)", "TensorRT")
_TRAINING_RUNTIMES = {"eager": RUNTIME_EAGER, "graph": RUNTIME_GRAPH, "compiled": RUNTIME_COMPILED}


def training_runtime(name: str) -> int:
    """The runtime code of a Project's training.runtime ("eager", "graph", "compiled")."""
    return _TRAINING_RUNTIMES.get(name, RUNTIME_EAGER)

# bytes moved per trainable parameter by the optimizer step (read/write weights, read grads,
# read/write states); mixed precision adds the FP16 weight copy and the gradient unscale pass
OPTIMIZER_BYTES = {"sgd": 12.0, "sgd-momentum": 20.0, "adam": 28.0, "adamw": 28.0}
MIXED_PRECISION_EXTRA_BYTES = 14.0
SMOOTH_POWER = 4.0


@dataclass(frozen=True, eq=False)
class PassTimes:
    time: np.ndarray  # per layer (and device)
    compute: np.ndarray
    memory: np.ndarray
    eta: np.ndarray
    flops: np.ndarray
    bytes: np.ndarray


def _sat(x: np.ndarray, half: float) -> np.ndarray:
    """x / (x + half), and 1 where the dimension is unknown (0)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(x > 0, x / (x + half), 1.0)


def pass_time(*, macs, other_ops, activation_elements, weight_elements, cls, gemm_m, gemm_n, gemm_k,
              batch, bytes_per_element, matrix_flops, vector_flops, tensor, bandwidth, device_class,
              runtime, params: Mapping[str, float], efficiency_factor=1.0, traffic_factor=1.0,
              kernels=1.0, winograd=0.0) -> PassTimes:
    """Roofline time of one pass (forward or backward) of each layer; all arguments broadcast."""
    p = params
    cpu = device_class == DEVICE_CPU
    memory_class = cls == CLASS_MEMORY
    fuse = np.where(memory_class, _fuse(runtime, p), 1.0)

    shape = _sat(gemm_m * batch, p["m_half"]) * _sat(gemm_n, p["n_half"]) * _sat(gemm_k, p["k_half"])
    ceiling = p["eta_matrix"]  # one ceiling for every device class: what is fitted on one carries to others
    eta = ceiling * shape * np.where(cls == CLASS_GROUPED, p["grouped_factor"], 1.0) * efficiency_factor
    # Winograd 3x3 stride-1 convolutions do fewer multiplications than the direct MAC count: on CUDA
    # cores cuDNN picks them, so the effective rate can pass the datasheet peak (CPU frameworks
    # default to direct/GEMM convolutions, tensor-core kernels to implicit GEMM)
    winograd_path = (np.asarray(winograd) > 0) & ~np.asarray(tensor, dtype=bool) & ~cpu
    eta = eta * np.where(winograd_path, p["winograd_speedup"], 1.0)
    depthwise = cls == CLASS_DEPTHWISE
    eta = np.where(depthwise, p["depthwise_eta"] * _sat(gemm_m * batch, p["m_half"]) * efficiency_factor, eta)
    rate = np.where(depthwise, vector_flops, matrix_flops) * eta
    flops = 2.0 * macs * batch
    vector_rate = vector_flops * p["eta_matrix"]
    with np.errstate(invalid="ignore", divide="ignore"):
        compute = np.where(flops > 0, flops / rate, 0.0) + other_ops * batch / vector_rate
    moved = (activation_elements * batch * fuse + weight_elements) * bytes_per_element * traffic_factor
    eta_m = p["eta_mem"] * moved / (moved + p["bytes_half"])
    with np.errstate(invalid="ignore", divide="ignore"):
        memory = np.where(moved > 0, moved / (bandwidth * eta_m), 0.0)
    launch = np.where(cpu, 0.0, p["kernel_s"]) * kernels * fuse
    k = p["roofline_power"]  # how well a kernel overlaps its arithmetic with its memory traffic
    top = np.maximum(compute, memory)
    with np.errstate(invalid="ignore", divide="ignore"):
        blended = np.where(top > 0, top * ((compute / top) ** k + (memory / top) ** k) ** (1.0 / k), 0.0)
    return PassTimes(blended + launch, compute, memory, eta,
                     flops + other_ops * batch, moved)


EFFICIENCY_FORMULA = (
    "sum over layers of (t_c^k + t_m^k)^(1/k) + launches; t_c = FLOPs / (peak x eta_c), "
    "eta_c = eta_matrix x s(M) s(N) s(K) [x Winograd on CUDA cores for 3x3 s1 convs; depthwise: depthwise_eta x s(M)]"
    " [backward: x backward_factor, depthwise x depthwise_backward_factor], s(x) = x / (x + x_half); "
    "t_m = bytes / (BW x eta_mem x bytes / (bytes + bytes_half)); FP16/BF16/TF32/INT8 share one curve at the "
    "device's own datasheet rate")
EFFICIENCY_PARAMS = ("eta_matrix", "m_half", "n_half", "k_half", "winograd_speedup", "depthwise_eta",
                     "backward_factor", "depthwise_backward_factor", "eta_mem", "bytes_half", "roofline_power",
                     "kernel_s")


def efficiency_inputs(params: Mapping[str, float]):
    """The calibrated efficiency parameters as explanation inputs (what the time formula used)."""
    from ..explain import Input

    return tuple(Input(name, float(params[name]), "", "calibration") for name in EFFICIENCY_PARAMS if name in params)


def _fuse(runtime, params: Mapping[str, float]):
    """Share of element-wise/norm traffic (and kernels) left after the runtime's fusion."""
    return np.where(runtime == RUNTIME_TENSORRT, params["fuse_trt"],
                    np.where(runtime == RUNTIME_COMPILED, params["fuse_compiled"], 1.0))


def dispatch_per_op(runtime, params: Mapping[str, float]):
    return np.choose(np.asarray(runtime), (params["dispatch_eager_s"], params["dispatch_graph_s"],
                                           params["dispatch_compiled_s"], params["dispatch_trt_s"]))


def combine_host(gpu, host, device_class):
    """GPU work and host dispatch overlap on accelerators (asynchronous launches), add on CPUs."""
    smooth = (gpu**SMOOTH_POWER + host**SMOOTH_POWER) ** (1.0 / SMOOTH_POWER)
    return np.where(device_class == DEVICE_CPU, gpu + host, smooth)


def _reduce(values, row_index, rows):
    if row_index is None:
        return values.sum(axis=0)
    return np.bincount(row_index, weights=values, minlength=rows)


@dataclass(frozen=True, eq=False)
class StepTimes:
    forward: PassTimes
    backward: PassTimes | None
    forward_s: np.ndarray  # summed over layers
    backward_s: np.ndarray
    optimizer_s: np.ndarray
    gpu_s: np.ndarray
    host_s: np.ndarray
    step_s: np.ndarray  # one step on one device, before communication and data stalls


def step_times(layers, devices, *, batch, bytes_per_element, runtime, params: Mapping[str, float],
               training: bool, optimizer_bytes_per_param=20.0, trainable_params=0.0,
               checkpointing=False, row_index=None, rows=0) -> StepTimes:
    """Forward (+ backward + optimizer) time of one step.

    `layers` has per-layer arrays (LayerFeatures or the calibration's flat columns) and
    `devices` per-device arrays with `matrix_flops`, `vector_flops`, `tensor`, `bandwidth`,
    `device_class`. With `row_index`, arrays are flat and sums go per row (calibration).
    """
    common = dict(cls=layers.cls, gemm_m=layers.gemm_m, gemm_n=layers.gemm_n, gemm_k=layers.gemm_k,
                  batch=batch, bytes_per_element=bytes_per_element, matrix_flops=devices.matrix_flops,
                  vector_flops=devices.vector_flops, tensor=devices.tensor, bandwidth=devices.bandwidth,
                  device_class=devices.device_class, runtime=runtime, params=params)
    # every tensor-core precision (FP16/BF16, TF32, INT8) shares one efficiency curve at the device's
    # own datasheet rate for that precision (already in devices.matrix_flops): a factor per precision
    # would be fitted on the one device that publishes it and be unconstrained everywhere else
    common["winograd"] = layers.winograd
    forward = pass_time(macs=layers.macs, other_ops=layers.other_ops,
                        activation_elements=layers.activation_elements,
                        weight_elements=layers.weight_elements, **common)
    forward_s = _reduce(forward.time, row_index, rows)
    memory_class = layers.cls == CLASS_MEMORY
    fuse = _fuse(runtime, params)
    ops_forward = _reduce(np.where(memory_class, fuse, 1.0) * np.ones_like(forward.time), row_index, rows)
    # autocast inserts cast operators in front of matrix products: more host work per layer
    autocast = (runtime == RUNTIME_EAGER) & (np.asarray(bytes_per_element) == 2.0)
    per_op = dispatch_per_op(runtime, params) * np.where(autocast, params["autocast_dispatch_factor"], 1.0)
    device_class = devices.device_class if row_index is None else _first(devices.device_class, row_index, rows)
    # fixed host work per step in a framework loop (Python, synchronisation, loss, bookkeeping)
    fixed = np.where(_rowwise(runtime, row_index, rows) == RUNTIME_TENSORRT, 0.0, params["step_overhead_s"])
    if not training:
        host = ops_forward * _rowwise(per_op, row_index, rows)
        zero = np.zeros_like(forward_s)
        return StepTimes(forward, None, forward_s, zero, zero, forward_s, host,
                         combine_host(forward_s, host, device_class) + fixed)
    has_weights = layers.trainable > 0
    backward = pass_time(macs=layers.backward_macs, other_ops=layers.backward_other_ops,
                         activation_elements=2.0 * layers.activation_elements,
                         weight_elements=2.0 * layers.weight_elements * has_weights,
                         efficiency_factor=params["backward_factor"]
                         * np.where(layers.cls == CLASS_DEPTHWISE, params["depthwise_backward_factor"], 1.0),
                         kernels=np.where(has_weights, 2.0, 1.0),
                         **common)
    backward_s = _reduce(backward.time, row_index, rows)
    if checkpointing:
        backward_s = backward_s + forward_s
    bandwidth = devices.bandwidth if row_index is None else _first(devices.bandwidth, row_index, rows)
    eta_mem = params["eta_mem"]
    optimizer_s = trainable_params * optimizer_bytes_per_param / (bandwidth * eta_mem) + 4 * params["kernel_s"]
    gpu = forward_s + backward_s + optimizer_s
    host = 3.0 * ops_forward * _rowwise(per_op, row_index, rows)
    return StepTimes(forward, backward, forward_s, backward_s, optimizer_s, gpu, host,
                     combine_host(gpu, host, device_class) + fixed)


def _first(values, row_index, rows):
    """One value per row from flat per-element values (they are constant within a row)."""
    values = np.broadcast_to(values, row_index.shape)
    out = np.zeros(rows, dtype=values.dtype)
    out[row_index] = values
    return out


def _rowwise(values, row_index, rows):
    if row_index is None or np.ndim(values) == 0:
        return values
    return _first(values, row_index, rows)


def optimizer_bytes_per_param(optimizer: str, precision: str) -> float:
    extra = MIXED_PRECISION_EXTRA_BYTES if precision in ("fp16", "bf16", "fp8") else 0.0
    return OPTIMIZER_BYTES[optimizer] + extra


def forward_only_seconds(times: StepTimes, device_class, runtime, params: Mapping[str, float]):
    """A forward-only (validation) step from a training step's parts: forward work, a third of the
    host dispatch (training dispatches forward, backward and update), and the per-step overhead."""
    fixed = np.where(np.asarray(runtime) == RUNTIME_TENSORRT, 0.0, params["step_overhead_s"])
    return combine_host(times.forward_s, times.host_s / 3.0, device_class) + fixed
