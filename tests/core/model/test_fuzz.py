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


rows = st.lists(
    st.fixed_dictionaries(
        {"kind": st.sampled_from(KINDS + ["Nope"])},
        optional={"out_channels": anything, "kernel_size": anything, "stride": anything, "padding": anything,
                  "groups": anything, "out_features": anything, "num_heads": anything, "inputs": anything,
                  "p": anything, "scale_factor": anything, "dim": anything, "start": anything, "stop": anything,
                  "reduced": anything, "num_groups": anything, "window_size": anything, "nhead": anything,
                  "embedding_dim": anything, "num_embeddings": anything, "mode": anything, "cross": anything,
                  "patch_size": anything, "embed_dim": anything, "height": anything, "output_size": anything},
    ),
    min_size=0, max_size=6,
)


@settings(max_examples=400, deadline=None)
@given(layers=rows, shape=st.lists(st.integers(-1, 40), min_size=0, max_size=4))
def test_random_layer_tables_build_or_raise_validation_errors(layers, shape):
    build_and_analyse(lambda: build_custom(layers, input=tuple(shape)))
