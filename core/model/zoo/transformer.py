"""A generic encoder-decoder Transformer (Vaswani et al. 2017) with PyTorch nn.Transformer semantics
plus one token embedding shared by source and target.

Parameters: V*d for the embedding; per encoder layer 4d^2 + 2d*d_ff + d_ff + 9d, per decoder layer
8d^2 + 2d*d_ff + d_ff + 15d (domain.md section 2); nn.Transformer adds a final LayerNorm after the
encoder stack and another after the decoder stack (2d each). d=64, 4 heads, 2+2 layers, d_ff=256,
V=10,000 gives 873,728 (the seed article's formula, which counts the encoder twice, is wrong).
nn.Transformer has no output projection; `generator=True` adds a separate Linear d -> V (V*d + V
parameters; a head tied to the embedding would add its MACs but no parameters).

Inputs are token ids. build_model's `input` (1, S, T) gives the source length S and the target
length T (`--input 1x128x64` on the command line); `num_classes` (`--classes`) is the vocabulary. Sine positional encodings (no parameters) are added
to both. MACs follow the engine's convention (projections and both attention products).
"""

from __future__ import annotations

from ...errors import ValidationError
from ..graph import GraphBuilder, Model
from ..layers.embedding import Embedding, PositionEmbedding
from ..layers.linear import Linear
from ..layers.norm import LayerNorm
from ..layers.structural import Concat, Split
from ..layers.transformer import TransformerDecoderLayer, TransformerEncoderLayer
from ._catalog import model


def encoder_layer_params(d: int, d_ff: int) -> int:
    """domain.md section 2: one nn.TransformerEncoderLayer."""
    return 4 * d * d + 2 * d * d_ff + d_ff + 9 * d


def decoder_layer_params(d: int, d_ff: int) -> int:
    """domain.md section 2: one nn.TransformerDecoderLayer."""
    return 8 * d * d + 2 * d * d_ff + d_ff + 15 * d


def transformer(input_shape: tuple[int, int, int], num_classes: int, name: str = "transformer",
                d_model: int = 512, nhead: int = 8, num_encoder_layers: int = 6, num_decoder_layers: int = 6,
                dim_feedforward: int = 2048, activation: str = "ReLU", generator: bool = False) -> Model:
    for field, value in (("num_encoder_layers", num_encoder_layers), ("num_decoder_layers", num_decoder_layers)):
        if type(value) is not int or not 0 <= value <= 1000:
            raise ValueError(f"{field}={value!r} is not a whole number from 0 to 1000")
    if input_shape[0] != 1:
        raise ValidationError("input.channels", f"a Transformer takes (1, source length, target length), "
                              f"got {input_shape[0]} channels", "1")
    _, src_len, tgt_len = input_shape
    vocab_size = num_classes
    b = GraphBuilder(name, [(src_len,), (tgt_len,)], family="transformer", num_classes=vocab_size,
                     description=f"Transformer d={d_model}, {nhead} heads, {num_encoder_layers}+{num_decoder_layers} "
                                 f"layers, d_ff={dim_feedforward}, vocabulary {vocab_size}")
    b.note("nn.Transformer semantics: post-norm layers, final LayerNorms after both stacks, no output "
           "projection unless generator=True; sine positional encodings (no parameters).")
    b.note("Input (1, S, T): source length S, target length T; num_classes is the vocabulary. The "
           "embedding lookup is data movement, not MACs.")
    src, tgt = b.inputs
    # One table embeds both sequences: look up the concatenated ids once, then split them apart.
    ids = b.layer("ids", Concat(0), src, tgt)
    embedded = b.layer("embedding", Embedding(vocab_size, d_model), ids)
    memory = b.layer("src_tokens", Split(0, src_len), embedded)
    target = b.layer("tgt_tokens", Split(src_len, src_len + tgt_len), embedded)
    memory = b.layer("src_position", PositionEmbedding(src_len, d_model, False), memory)
    target = b.layer("tgt_position", PositionEmbedding(tgt_len, d_model, False), target)
    for index in range(num_encoder_layers):
        memory = b.layer(f"transformer.encoder.layers.{index}",
                         TransformerEncoderLayer(d_model, nhead, dim_feedforward, activation), memory)
    memory = b.layer("transformer.encoder.norm", LayerNorm(d_model), memory)
    for index in range(num_decoder_layers):
        target = b.layer(f"transformer.decoder.layers.{index}",
                         TransformerDecoderLayer(d_model, nhead, dim_feedforward, activation), target, memory)
    target = b.layer("transformer.decoder.norm", LayerNorm(d_model), target)
    if generator:
        b.layer("generator", Linear(d_model, vocab_size), target)
    return b.build()



model("transformer", "transformer", "nn.Transformer (d=512, 8 heads, 6+6 layers, d_ff 2048) + 32k shared embedding",
      (1, 128, 128), 32000, d_model=512, nhead=8, num_encoder_layers=6, num_decoder_layers=6, dim_feedforward=2048,
      activation="ReLU", generator=False)(transformer)
model("transformer_seed_example", "transformer", "d=64, 4 heads, 2+2 layers, d_ff 256, 10,000-token embedding",
      (1, 32, 32), 10000, reference=(873_728, None), source="domain.md section 2 (nn.Transformer + one embedding)",
      d_model=64, nhead=4, num_encoder_layers=2, num_decoder_layers=2, dim_feedforward=256, activation="ReLU", generator=False)(transformer)
