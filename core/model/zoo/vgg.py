"""VGG (Simonyan & Zisserman 2014) as torchvision defines it: vgg11/13/16/19, optional BatchNorm."""

from __future__ import annotations

from ..graph import GraphBuilder, Model
from ..layers.pooling import AdaptiveAvgPool2d, MaxPool2d
from ..layers.structural import Dropout, Flatten
from ._catalog import TIMM_SOURCE, model

M = 0  # a 2x2 max pool in the configuration lists

CONFIGS = {
    "vgg11": (64, M, 128, M, 256, 256, M, 512, 512, M, 512, 512, M),
    "vgg13": (64, 64, M, 128, 128, M, 256, 256, M, 512, 512, M, 512, 512, M),
    "vgg16": (64, 64, M, 128, 128, M, 256, 256, 256, M, 512, 512, 512, M, 512, 512, 512, M),
    "vgg19": (64, 64, M, 128, 128, M, 256, 256, 256, 256, M, 512, 512, 512, 512, M, 512, 512, 512, 512, M),
}
REFERENCE = {"vgg16": (138357544, 15470264320), "vgg19": (143667240, 19632062464)}


def vgg(input_shape: tuple[int, int, int], num_classes: int, name: str = "vgg", config: tuple[int, ...] = (),
        batch_norm: bool = False, hidden: int = 4096) -> Model:
    b = GraphBuilder(name, input_shape, family="vgg", num_classes=num_classes,
                     description=f"VGG, {sum(1 for v in config if v)} conv layers")
    b.note("VGG: torchvision head (adaptive 7x7 average pooling, then 4096-wide fully connected layers).")
    x = b.input
    index = 0
    with b.scope("features"):
        for value in config:
            if value == M:
                x = b.layer(str(index), MaxPool2d(2, 2), x)
                index += 1
                continue
            x = b.conv(str(index), x, value, 3, 1, 1, bias=True)
            index += 1
            if batch_norm:
                x = b.bn(str(index), x)
                index += 1
            x = b.act(str(index), x, inplace=True)
            index += 1
    x = b.layer("avgpool", AdaptiveAvgPool2d(7), x)
    x = b.layer("flatten", Flatten(), x)
    with b.scope("classifier"):
        x = b.linear("0", x, hidden)
        x = b.act("1", x, inplace=True)
        x = b.layer("2", Dropout(0.5), x)
        x = b.linear("3", x, hidden)
        x = b.act("4", x, inplace=True)
        x = b.layer("5", Dropout(0.5), x)
        b.linear("6", x, num_classes)
    return b.build()


for _name, _config in CONFIGS.items():
    model(_name, "vgg", f"VGG-{_name[3:]}, 3x3 convs {tuple(v for v in _config if v)}",
          reference=REFERENCE.get(_name), source=TIMM_SOURCE if _name in REFERENCE else "",
          config=_config, batch_norm=False, hidden=4096)(vgg)
    model(f"{_name}_bn", "vgg", f"VGG-{_name[3:]} with BatchNorm", config=_config, batch_norm=True,
          hidden=4096)(vgg)
