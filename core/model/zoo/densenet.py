"""DenseNet (Huang et al. 2016) as timm defines densenet121/169/201: every layer of a dense block
reads the concatenation of all earlier outputs (materialised, as PyTorch does without
memory-efficient checkpointing)."""

from __future__ import annotations

from ..graph import GraphBuilder, Model, Tensor
from ..layers.pooling import AdaptiveAvgPool2d, AvgPool2d, MaxPool2d
from ..layers.structural import Flatten
from ._catalog import TIMM_SOURCE, model


def norm_act(b: GraphBuilder, name: str, x: Tensor) -> Tensor:
    return b.act(f"{name}.act", b.bn(name, x), inplace=True)


def dense_block(b: GraphBuilder, x: Tensor, layers: int, growth: int, bn_size: int) -> Tensor:
    features = [x]
    for index in range(layers):
        with b.scope(f"denselayer{index + 1}"):
            y = features[0] if len(features) == 1 else b.concat("cat", *features)
            y = b.conv("conv1", norm_act(b, "norm1", y), bn_size * growth, 1)
            y = b.conv("conv2", norm_act(b, "norm2", y), growth, 3, 1, 1)
        features.append(y)
    return b.concat("cat", *features)


def densenet(input_shape: tuple[int, int, int], num_classes: int, name: str = "densenet",
             blocks: tuple[int, ...] = (6, 12, 24, 16), growth_rate: int = 32, stem_width: int = 64,
             bn_size: int = 4) -> Model:
    b = GraphBuilder(name, input_shape, family="densenet", num_classes=num_classes,
                     description=f"DenseNet, blocks {tuple(blocks)}, growth {growth_rate}")
    b.note("DenseNet: each layer's input concatenation is materialised, as PyTorch does without "
           "memory-efficient checkpointing.")
    with b.scope("features"):
        x = b.conv("conv0", b.input, stem_width, 7, 2, 3)
        x = norm_act(b, "norm0", x)
        x = b.layer("pool0", MaxPool2d(3, 2, 1), x)
        for index, layers in enumerate(blocks):
            with b.scope(f"denseblock{index + 1}"):
                x = dense_block(b, x, layers, growth_rate, bn_size)
            if index != len(blocks) - 1:
                with b.scope(f"transition{index + 1}"):
                    x = b.conv("conv", norm_act(b, "norm", x), x.channels // 2, 1)
                    x = b.layer("pool", AvgPool2d(2, 2), x)
        x = norm_act(b, "norm5", x)
    x = b.layer("global_pool.pool", AdaptiveAvgPool2d(1), x)
    x = b.layer("global_pool.flatten", Flatten(), x)
    b.linear("classifier", x, num_classes)
    return b.build()


model("densenet121", "densenet", "DenseNet-121, growth 32", reference=(7978856, 2834161664), source=TIMM_SOURCE,
      blocks=(6, 12, 24, 16), growth_rate=32, stem_width=64, bn_size=4)(densenet)
model("densenet169", "densenet", "DenseNet-169, growth 32", blocks=(6, 12, 32, 32), growth_rate=32,
      stem_width=64, bn_size=4)(densenet)
model("densenet201", "densenet", "DenseNet-201, growth 32", blocks=(6, 12, 48, 32), growth_rate=32,
      stem_width=64, bn_size=4)(densenet)
