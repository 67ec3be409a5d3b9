"""What the model engine hands to the estimator, the CLI and the views: per-layer and total counts.

Counting convention (domain.md section 1, fvcore/timm): `macs` are multiply-accumulates of
convolutions, linear layers and matrix multiplications (attention scores and
attention-times-values included). Normalisation, activations, pooling, bias adds and
element-wise ops are `other_ops`, reported separately and never mixed into `macs`.
FLOPs = 2 x MACs. All counts are per sample (batch 1); the estimator multiplies by batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CONVENTION = (
    "MACs of convolutions, linear layers and matrix multiplications (attention scores and "
    "attention x values included), per sample; FLOPs = 2 x MACs; normalisation, activations, "
    "pooling, bias and element-wise ops counted separately as other ops (fvcore/timm convention)"
)

# Efficiency classes the estimator's shape-aware model distinguishes.
COMPUTE_CLASSES = ("gemm", "conv", "grouped_conv", "depthwise_conv", "attention", "elementwise", "norm",
                   "pool", "data_movement", "embedding")


@dataclass(frozen=True)
class GemmShape:
    """The matrix product a layer lowers to, per sample: `batch` independent (M x K) @ (K x N).

    Conv2d: M = H_out*W_out, N = C_out/g, K = C_in/g*Kh*Kw, batch = g.
    Linear on T tokens: M = T, N = out, K = in, batch = 1.
    Attention scores: M = n_q, N = n_kv, K = d_head, batch = heads (x windows).
    The estimator multiplies M by the mini-batch size.
    """

    m: int
    n: int
    k: int
    batch: int = 1


@dataclass(frozen=True)
class LayerStats:
    """Counts for one layer (one node of the graph), per sample."""

    name: str  # dotted, as timm/torchvision name the module ("layer1.0.conv1")
    kind: str  # layer kind ("Conv2d", "BatchNorm2d", "MultiheadAttention", ...)
    compute_class: str  # one of COMPUTE_CLASSES
    output_shape: tuple[int, ...]  # without the batch dimension: (C, H, W) or (tokens, dim)
    params: int
    trainable_params: int
    buffers: int  # non-trainable stored state (BN running stats)
    macs: int  # forward MACs (conv/linear/matmul only)
    other_ops: int  # forward non-MAC ops (norm, activation, pooling, bias, element-wise)
    backward_macs: int  # data-gradient + weight-gradient MACs, counted for this layer
    backward_other_ops: int
    input_elements: int  # elements read from the inputs in one forward pass
    output_elements: int
    saved_elements: int  # elements kept for backward (layer inputs/outputs/masks)
    gemm: GemmShape | None = None
    detail: str = ""  # short human description ("3x3 s2 g32", "12 heads")
    # For layers that perform several matrix products (attention, Transformer layers): each
    # named product; `gemm` is then the largest of them. Empty for single-product layers.
    gemm_parts: tuple[tuple[str, GemmShape], ...] = ()
    # Storage of the saved elements (memory model): parts of `saved_elements` that are not held at
    # the working precision, and copies only autocast makes.
    saved_index_elements: int = 0  # int64 indices (max-pooling argmax), 8 bytes each
    saved_mask_elements: int = 0  # dropout masks (torch.bool), 1 byte each
    saved_fp32_elements: int = 0  # kept in FP32 under autocast (softmax maps, normalisation statistics)
    autocast_copy_elements: int = 0  # FP16 copies autocast saves in addition (not in saved_elements)

    @property
    def flops(self) -> int:
        return 2 * self.macs

    @property
    def traffic_elements(self) -> int:
        """Elements moved between memory and compute in one forward pass: inputs + weights + outputs."""
        return self.input_elements + self.params + self.buffers + self.output_elements

    def traffic_bytes(self, bytes_per_element: float) -> float:
        return self.traffic_elements * bytes_per_element

    def intensity(self, bytes_per_element: float) -> float:
        """Arithmetic intensity in FLOPs per byte (MAC FLOPs + other ops over traffic)."""
        moved = self.traffic_bytes(bytes_per_element)
        return (2 * self.macs + self.other_ops) / moved if moved else 0.0


@dataclass(frozen=True)
class ModelReport:
    """The analysed model: per-layer stats in execution order plus totals and conventions."""

    model_name: str
    input_shape: tuple[int, ...]  # (C, H, W) or (tokens,) without batch
    precision: str
    bytes_per_element: float
    layers: tuple[LayerStats, ...]
    params: int
    trainable_params: int
    buffers: int
    macs: int
    other_ops: int
    backward_macs: int
    backward_other_ops: int
    activation_elements: int  # sum of all layer outputs, per sample
    saved_elements: int  # sum of saved-for-backward elements, per sample
    peak_live_elements: int  # largest set of simultaneously live activations (inference), per sample
    convention: str = CONVENTION
    notes: tuple[str, ...] = field(default=())  # what was not counted, and why
    family: str = ""
    num_classes: int = 0
    # Training memory detail, per sample (parts of saved_elements as in LayerStats, de-duplicated):
    saved_index_elements: int = 0
    saved_mask_elements: int = 0
    saved_fp32_elements: int = 0
    autocast_copy_elements: int = 0
    saved_input_elements: int = 0  # model-input elements among the saved ones (the batch tensor itself)
    saved_tensors: int = 0  # distinct saved tensors (each rounded up by the caching allocator)
    # Gradient tensors live at the backward peak beyond the saved set (elements at the working
    # precision): max over layers, in reverse order, of saved-still-alive + live gradients, minus
    # all saved. Zero when the peak is at the start of the backward pass with nothing extra.
    backward_transient_elements: int = 0
    backward_peak_layer: str = ""  # the layer whose backward step reaches that peak

    @property
    def flops(self) -> int:
        return 2 * self.macs

    @property
    def training_flops_per_sample(self) -> int:
        """Forward + backward FLOPs counted per layer (not a blanket 3x)."""
        return 2 * (self.macs + self.backward_macs) + self.other_ops + self.backward_other_ops

    @property
    def traffic_bytes(self) -> float:
        return sum(layer.traffic_bytes(self.bytes_per_element) for layer in self.layers)

    @property
    def weight_bytes(self) -> float:
        return self.params * self.bytes_per_element
