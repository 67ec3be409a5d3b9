"""Fuzzing the builders: whatever the depths, widths, inputs or layer rows, nothing but a
ValidationError escapes, and whatever builds can be analysed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rigsizer.core.errors import ValidationError
from rigsizer.core.model.analyze import analyze
from rigsizer.core.model.custom import build_custom, layer_kinds
from rigsizer.core.model.zoo import build_model, list_models

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NAMES = sorted(entry.name for entry in list_models())
KINDS = [info.kind for info in layer_kinds()]

sides = st.integers(min_value=-2, max_value=700)
shapes = st.tuples(st.integers(-1, 5), sides, sides)
anything = st.one_of(st.none(), st.booleans(), st.integers(-3, 70), st.one_of(st.floats(-2, 2), st.just(float("nan"))), st.text(max_size=3),
                     st.lists(st.integers(-1, 9), max_size=3))


def build_and_analyse(build) -> None:
    try:
        model = build()
    except ValidationError:
        return
    report = analyze(model)
    assert report.macs >= 0 and report.params >= 0 and report.peak_live_elements > 0


@FUZZ
@given(name=st.sampled_from(NAMES), shape=shapes, classes=st.integers(-1, 3000))
def test_any_zoo_model_at_any_input_builds_or_says_why(name, shape, classes):
    build_and_analyse(lambda: build_model(name, input=shape, num_classes=classes))


@FUZZ
@given(depths=st.lists(st.integers(-1, 4), min_size=0, max_size=5), block=st.sampled_from(["basic", "bottleneck", "x"]),
       cardinality=st.integers(-1, 64), base_width=st.integers(-1, 256), side=st.integers(1, 300))
def test_resnet_family_parameters_are_fuzz_safe(depths, block, cardinality, base_width, side):
    build_and_analyse(lambda: build_model("resnet50", input=(3, side, side), depths=tuple(depths), block=block,
                                          cardinality=cardinality, base_width=base_width))


@FUZZ
@given(width=st.one_of(st.floats(-1, 3), st.just(float("nan"))), depth=st.one_of(st.floats(-1, 3), st.just(float("nan"))), side=st.integers(1, 300))
def test_efficientnet_scaling_parameters_are_fuzz_safe(width, depth, side):
    build_and_analyse(lambda: build_model("efficientnet_b0", input=(3, side, side), width=width, depth=depth))


@FUZZ
@given(dims=st.lists(st.integers(-1, 200), min_size=0, max_size=5), depths=st.lists(st.integers(-1, 3), max_size=5),
       side=st.integers(1, 300))
def test_convnext_widths_and_depths_are_fuzz_safe(dims, depths, side):
    build_and_analyse(lambda: build_model("convnext_tiny", input=(3, side, side), dims=tuple(dims),
                                          depths=tuple(depths)))


@FUZZ
@given(dim=st.integers(-1, 96), heads=st.integers(-1, 8), depth=st.integers(-1, 3), patch=st.integers(-1, 40),
       side=st.integers(1, 200))
def test_vit_family_parameters_are_fuzz_safe(dim, heads, depth, patch, side):
    build_and_analyse(lambda: build_model("vit_tiny_patch16_224", input=(3, side, side), dim=dim, heads=heads,
                                          depth=depth, patch=patch))


# Plausible values per parameter, so that many random tables are valid and reach the analyser;
# one value in ten is replaced by anything at all.
PLAUSIBLE = {
    "out_channels": st.integers(1, 16), "kernel_size": st.one_of(st.integers(1, 5), st.lists(st.integers(1, 5),
                                                                                          min_size=2, max_size=2)),
    "stride": st.integers(1, 3), "padding": st.integers(0, 2), "dilation": st.integers(1, 2),
    "groups": st.sampled_from([1, 2, 4]), "out_features": st.integers(1, 32), "num_heads": st.sampled_from([1, 2, 4]),
    "p": st.floats(0, 0.9), "scale_factor": st.integers(1, 3), "start": st.integers(0, 4), "stop": st.integers(1, 8),
    "reduced": st.integers(1, 8), "num_groups": st.sampled_from([1, 2, 4]), "window_size": st.integers(1, 4),
    "nhead": st.sampled_from([1, 2, 4]), "embedding_dim": st.integers(1, 16), "num_embeddings": st.integers(1, 100),
    "mode": st.sampled_from(["nearest", "bilinear", "mean", "cls"]), "patch_size": st.integers(1, 8),
    "embed_dim": st.sampled_from([4, 8, 16]), "height": st.integers(1, 8), "output_size": st.integers(1, 4),
    "dim_feedforward": st.integers(1, 32), "num_rois": st.integers(1, 8), "output_padding": st.integers(0, 1),
    "shift_size": st.integers(0, 3), "dim": st.integers(-2, 2), "num_queries": st.integers(1, 10),
}
PARAMS = {info.kind: [p.name for p in info.params] for info in layer_kinds()}
REQUIRED = {info.kind: [p.name for p in info.params if p.required] for info in layer_kinds()}


@st.composite
def layer_tables(draw):
    rows = []
    for index in range(draw(st.integers(0, 7))):
        kind = draw(st.sampled_from(KINDS + ["Nope"]))
        row: dict = {"kind": kind}
        chosen = draw(st.lists(st.sampled_from(PARAMS.get(kind) or ["bogus"]), max_size=3, unique=True))
        for name in dict.fromkeys(REQUIRED.get(kind, []) + chosen):
            strategy = PLAUSIBLE.get(name, anything)
            row[name] = draw(st.one_of(strategy, anything) if draw(st.integers(0, 9)) == 0 else strategy)
        if index and draw(st.integers(0, 3)) == 0:
            refs = st.one_of(st.integers(0, index - 1), st.just("input"))
            row["inputs"] = draw(st.lists(refs, min_size=1, max_size=3))
        rows.append(row)
    return rows


input_shapes = st.one_of(st.tuples(st.integers(1, 8), st.integers(1, 40), st.integers(1, 40)),
                         st.tuples(st.integers(1, 40), st.integers(1, 16)), st.tuples(st.integers(1, 40)),
                         st.lists(st.integers(-1, 40), max_size=4).map(tuple))


@settings(max_examples=500, deadline=None)
@given(layers=layer_tables(), shape=input_shapes)
def test_random_layer_tables_build_or_raise_validation_errors(layers, shape):
    build_and_analyse(lambda: build_custom(layers, input=shape))
