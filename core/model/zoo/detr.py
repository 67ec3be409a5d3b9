"""DETR (Carion et al. 2020) as facebookresearch/detr builds it: a torchvision ResNet-50/101 with
FrozenBatchNorm2d (conv1 and layer1 frozen), a 1x1 input projection to d=256, a 6+6 layer
post-norm Transformer (8 heads, FFN 2048) with sine positions, 100 learned object queries, a
class head of num_classes + 1 (the "no object" class) and a 3-layer box MLP.

Counting convention: params are all nn.Parameters (41,524,768 for R50 with 91 classes); the
trainable count leaves out the frozen conv1 and layer1 convolutions (FrozenConv2d, 222,400
parameters): 41,302,368, the number DETR's main.py prints. FrozenBN affine terms and running
statistics are buffers. MACs follow the engine's fvcore convention for one image at the given
input (default 3x800x1333, DETR's largest training/eval size; a 4:3 COCO image becomes 800x1066).
Inference counts the heads on the last decoder layer only (training with auxiliary losses applies
them to all six: +5 x 0.16 MMACs). The positional encodings added to queries and keys inside every
attention layer are element-wise ops not itemised here; the Hungarian matching is not counted.
The paper's 86 GFLOPS (fvcore, i.e. GMACs) are averaged over COCO val images of varying size.
"""

from __future__ import annotations

from ..graph import GraphBuilder, Model
from ..layers.activation import activation
from ..layers.detection import LearnedQueries
from ..layers.embedding import PositionEmbedding
from ..layers.norm import LayerNorm
from ..layers.structural import ToTokens
from ..layers.transformer import TransformerDecoderLayer, TransformerEncoderLayer
from ._backbones import DEPTHS, ResNetBody
from ._catalog import model

SOURCE = ("facebookresearch/detr main.py defaults (91 classes, 100 queries): total nn.Parameters; "
          "trainable 41,302,368 (R50) / 60,242,272 (R101) as printed by main.py")


def detr(input_shape: tuple[int, int, int], num_classes: int, name: str = "detr", depth: int = 50,
         hidden_dim: int = 256, nheads: int = 8, enc_layers: int = 6, dec_layers: int = 6,
         dim_feedforward: int = 2048, num_queries: int = 100, dilation: bool = False) -> Model:
    if depth not in DEPTHS:
        raise ValueError(f"depth {depth} is not one of {sorted(DEPTHS)}")
    b = GraphBuilder(name, input_shape, family="detr", num_classes=num_classes,
                     description=f"DETR, ResNet-{depth}{'-DC5' if dilation else ''}, {enc_layers}+{dec_layers} "
                                 f"layers, d={hidden_dim}, {num_queries} queries")
    with b.scope("backbone.0.body"):
        features = ResNetBody(b, frozen_bn=True, frozen_layers=2).build(b.input, DEPTHS[depth],
                                                                       (False, False, dilation))
    b.note("conv1 and layer1 are frozen (FrozenConv2d, requires_grad=False) and left out of "
           "trainable_params, as DETR's main.py does "
           "(41,302,368 of 41,524,768 for R50 with 91 classes).")
    b.note("Class and box heads counted on the last decoder layer only; training with auxiliary losses "
           "applies them to all decoder layers. Positional encodings added to queries and keys inside "
           "each attention layer, the Hungarian matching and the loss are not counted.")
    x = b.conv("input_proj", features[-1], hidden_dim, 1, bias=True)
    tokens = b.layer("flatten", ToTokens(), x)
    memory = b.layer("backbone.1.position_embedding", PositionEmbedding(tokens.shape[0], hidden_dim, False), tokens)
    for index in range(enc_layers):
        memory = b.layer(f"transformer.encoder.layers.{index}",
                         TransformerEncoderLayer(hidden_dim, nheads, dim_feedforward), memory)
    target = b.layer("query_embed", LearnedQueries(num_queries, hidden_dim), memory)
    for index in range(dec_layers):
        target = b.layer(f"transformer.decoder.layers.{index}",
                         TransformerDecoderLayer(hidden_dim, nheads, dim_feedforward), target, memory)
    target = b.layer("transformer.decoder.norm", LayerNorm(hidden_dim), target)
    logits = b.linear("class_embed", target, num_classes + 1)
    box = b.act("bbox_embed.relu0", b.linear("bbox_embed.layers.0", target, hidden_dim))
    box = b.act("bbox_embed.relu1", b.linear("bbox_embed.layers.1", box, hidden_dim))
    box = b.layer("bbox_embed.sigmoid", activation("Sigmoid"), b.linear("bbox_embed.layers.2", box, 4))
    b.output(logits, box)
    return b.build()


_NOTE = "counted at 3x800x1333; trainable = params - frozen conv1/layer1"
model("detr_resnet50", "detr", "DETR with ResNet-50, 6+6 layers, 100 queries; " + _NOTE, (3, 800, 1333), 91,
      reference=(41_524_768, None), source=SOURCE, depth=50, hidden_dim=256, nheads=8, enc_layers=6, dec_layers=6,
      dim_feedforward=2048, num_queries=100, dilation=False)(detr)
model("detr_resnet101", "detr", "DETR with ResNet-101, 6+6 layers, 100 queries; " + _NOTE, (3, 800, 1333), 91,
      reference=(60_464_672, None), source=SOURCE, depth=101, hidden_dim=256, nheads=8, enc_layers=6, dec_layers=6,
      dim_feedforward=2048, num_queries=100, dilation=False)(detr)
model("detr_resnet50_dc5", "detr", "DETR-DC5 (dilated layer4) with ResNet-50; " + _NOTE, (3, 800, 1333), 91,
      reference=(41_524_768, None), source=SOURCE, depth=50, hidden_dim=256, nheads=8, enc_layers=6, dec_layers=6,
      dim_feedforward=2048, num_queries=100, dilation=True)(detr)
