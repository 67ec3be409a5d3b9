"""ResNeXt-101 32x4d and SE-ResNeXt-101 32x4d, the NVIDIA DeepLearningExamples classification models."""

from __future__ import annotations

from rigsizer.core.model.analyze import analyze
from rigsizer.core.model.zoo import build_model

STAGES = ((256, 3), (512, 4), (1024, 23), (2048, 3))  # bottleneck output channels, blocks


def test_resnext101_32x4d_matches_timm():
    report = analyze(build_model("resnext101_32x4d"))
    assert report.params == 44_177_704  # timm resnext101_32x4d
    assert 7.9e9 < report.macs < 8.1e9  # about 8.0 GMACs at 224 x 224


def test_se_resnext101_adds_exactly_one_squeeze_excitation_per_bottleneck():
    plain = analyze(build_model("resnext101_32x4d"))
    se = analyze(build_model("seresnext101_32x4d"))
    # per block: reduce (C x C/16 + C/16 bias) and expand (C/16 x C + C bias)
    added = sum(blocks * (2 * c * (c // 16) + c // 16 + c) for c, blocks in STAGES)
    assert se.params - plain.params == added == 4_777_712
    assert se.params == 48_955_416
    se_layers = [layer for layer in se.layers if layer.kind == "SqueezeExcite"]
    assert len(se_layers) == sum(blocks for _, blocks in STAGES)
